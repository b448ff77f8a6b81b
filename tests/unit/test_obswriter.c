/*
 * test_obswriter.c — one writing console records observations: the armed
 * one while it runs, else the oldest running one; the next takes over as
 * soon as the writer is gone or disarms.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "warroom/obswriter.h"

/* The case: alice armed, bob open beside her. Even when bob's
 * session is the older one, the armed console records. */
static void
the_armed_console_records(void **state)
{
	struct obswriter_session alice = { .id = 40, .armed = true, .alive = 1 };
	struct obswriter_session bob = { .id = 12, .alive = 1 };

	(void)state;
	/* bob, older, sees alice armed: alice records, not bob. */
	assert_int_equal(obswriter_pick(&alice, 1, 12, false), 40);
	/* alice herself: she records. */
	assert_int_equal(obswriter_pick(&bob, 1, 40, true), 40);
}

static void
none_armed_the_oldest_running_records(void **state)
{
	struct obswriter_session v[] = {
		{ .id = 30, .alive = 1 }, { .id = 7, .alive = 1 }, { .id = 50, .alive = 1 },
	};

	(void)state;
	assert_int_equal(obswriter_pick(v, 3, 20, false), 7);
	assert_int_equal(obswriter_pick(v, 2, 5, false), 5);
}

/* The writer quits (its session leaves the list), dies (its byte is
 * free) or disarms: the next one takes over at once. */
static void
the_next_takes_over_when_the_writer_goes(void **state)
{
	struct obswriter_session v[] = { { .id = 7, .armed = true, .alive = 0 },
		{ .id = 20, .alive = 1 } };

	(void)state;
	/* Killed while armed: the journal still says armed, .live says gone. */
	assert_int_equal(obswriter_pick(v, 1, 20, false), 20);
	assert_int_equal(obswriter_pick(v, 2, 30, false), 20);
	/* Disarmed and alive: the oldest running one, which is it again. */
	v[0].armed = false;
	v[0].alive = 1;
	assert_int_equal(obswriter_pick(v, 2, 30, false), 7);
	/* Quit: gone from the list; 20 is the oldest now. */
	assert_int_equal(obswriter_pick(&v[1], 1, 30, false), 20);
}

/* A session whose console cannot be told running (no .live to read)
 * never counts; a console with no session of its own records, as alone. */
static void
unknown_sessions_do_not_count(void **state)
{
	struct obswriter_session v[] = { { .id = 3, .armed = true, .alive = -1 },
		{ .id = 4, .alive = -1 } };

	(void)state;
	assert_int_equal(obswriter_pick(v, 2, 20, false), 20);
	assert_int_equal(obswriter_pick(v, 2, 0, false), 0);
	assert_int_equal(obswriter_pick(NULL, 0, 9, false), 9);
}

/* the recorder stopped with Ctrl-Z (or SIGSTOP) kept the role, and
 * nothing was recorded for 50 s. Stopped, it counts as not running, armed
 * or not; continued, it is the oldest again. */
static void
a_stopped_console_does_not_record(void **state)
{
	struct obswriter_session v[] = {
		{ .id = 7, .alive = 1, .stopped = true }, { .id = 20, .alive = 1 },
	};

	(void)state;
	assert_int_equal(obswriter_pick(v, 2, 30, false), 20);
	assert_int_equal(obswriter_pick(v, 1, 30, false), 30);
	/* Stopped by SIGSTOP while armed (Ctrl-Z disarms first). */
	v[0].armed = true;
	assert_int_equal(obswriter_pick(v, 2, 30, false), 20);
	/* Both others stopped: this one, however young. */
	v[1].stopped = true;
	assert_int_equal(obswriter_pick(v, 2, 30, false), 30);
	/* fg: 7 again. */
	v[0].stopped = v[1].stopped = false;
	assert_int_equal(obswriter_pick(v, 2, 30, false), 7);
	v[0].armed = false;
	assert_int_equal(obswriter_pick(v, 2, 30, false), 7);
}

/* Only a pid on this machine can be asked whether it is stopped. */
static void
same_machine_by_actor(void **state)
{
	(void)state;
	assert_true(obswriter_same_machine("bob@vm", "root@vm"));
	assert_false(obswriter_same_machine("bob@vm2", "root@vm"));
	assert_false(obswriter_same_machine("bob@vm", "root@vm2"));
	assert_false(obswriter_same_machine("bob", "root@vm"));
	assert_false(obswriter_same_machine(NULL, "root@vm"));
	assert_false(obswriter_same_machine("bob@", "root@"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_armed_console_records),
		cmocka_unit_test(a_stopped_console_does_not_record),
		cmocka_unit_test(same_machine_by_actor),
		cmocka_unit_test(none_armed_the_oldest_running_records),
		cmocka_unit_test(the_next_takes_over_when_the_writer_goes),
		cmocka_unit_test(unknown_sessions_do_not_count),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
