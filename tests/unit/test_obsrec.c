/*
 * test_obsrec.c — two consoles writing one journal: an observation is
 * recorded only when this console's own observation changed and the
 * journal's latest says otherwise, never from a read older than that
 * record; a missed change is written once fresh reads held; a reconcile
 * another console already wrote is not written again.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/obsrec.h"

/* The case: B turns exports off and records it at 41000; A, polling
 * a moment behind, still reads "on" and then "off". A writes nothing. */
static void
a_console_behind_another_invents_no_change(void **state)
{
	struct obsrec_mine a = { 0 };
	struct obsrec_said said = { .have = true, .value = "on", .ts_ms = 1000 };

	(void)state;
	assert_int_equal(obsrec_decide(&a, "on", 2000, &said), OBSREC_SAME);
	said = (struct obsrec_said){ .have = true, .value = "off", .ts_ms = 41000 };
	/* A read sent before B's record: behind it, whatever it says. */
	assert_int_equal(obsrec_decide(&a, "on", 40500, &said), OBSREC_BEHIND);
	/* A read after it, unchanged here: not a change of A's own. */
	assert_int_equal(obsrec_decide(&a, "on", 41500, &said), OBSREC_HOLD);
	/* A reads off: the journal says so already. */
	assert_int_equal(obsrec_decide(&a, "off", 42000, &said), OBSREC_SAME);
	assert_true(a.have);
	assert_string_equal(a.value, "off");
	assert_int_equal(a.differ_ms, 0);
}

/* The recorder's own record: a scrape already out when it was written
 * (then timed out) is newer than the read behind the record, and its
 * change is written, not taken for another console's older state. */
static void
a_read_out_before_its_own_record_is_written(void **state)
{
	struct obsrec_mine a = { 0 };
	struct obsrec_said said = { .have = false };

	(void)state;
	assert_int_equal(obsrec_decide(&a, "OK", 3000, &said), OBSREC_WRITE);
	obsrec_wrote(&a, "OK");
	said = (struct obsrec_said){ .have = true, .value = "OK", .ts_ms = 4100 };
	assert_int_equal(obsrec_decide(&a, "NO DATA", 3900, &said), OBSREC_WRITE);
}

static void
its_own_change_against_the_journal_is_written(void **state)
{
	struct obsrec_mine a = { 0 };
	struct obsrec_said said = { .have = true, .value = "off", .ts_ms = 1000 };

	(void)state;
	assert_int_equal(obsrec_decide(&a, "off", 2000, &said), OBSREC_SAME);
	assert_int_equal(obsrec_decide(&a, "on", 3000, &said), OBSREC_WRITE);
	obsrec_wrote(&a, "on");
	said = (struct obsrec_said){ .have = true, .value = "on", .ts_ms = 3100 };
	assert_int_equal(obsrec_decide(&a, "on", 4000, &said), OBSREC_SAME);
}

/* Both consoles read a host first: the one that locks the journal second
 * finds the first read there and writes no second "first read". */
static void
a_first_read_is_written_once(void **state)
{
	struct obsrec_mine a = { 0 }, b = { 0 };
	struct obsrec_said none = { 0 };
	struct obsrec_said said = { .have = true, .value = "off", .ts_ms = 5000 };

	(void)state;
	assert_int_equal(obsrec_decide(&a, "off", 4900, &none), OBSREC_WRITE);
	obsrec_wrote(&a, "off");
	assert_int_equal(obsrec_decide(&b, "off", 4800, &said), OBSREC_SAME);
}

/* A resume: nothing of its own yet, the journal says otherwise from
 * before: what changed meanwhile is recorded. */
static void
a_resume_records_what_changed_meanwhile(void **state)
{
	struct obsrec_mine a = { 0 };
	struct obsrec_said said = { .have = true, .value = "on", .ts_ms = 1000 };

	(void)state;
	assert_int_equal(obsrec_decide(&a, "off", 90000, &said), OBSREC_WRITE);
}

/* The other console recorded "off"; the host flipped back before this
 * console's next read and that console quit. Fresh reads here say "on"
 * for OBSREC_HOLD_MS: then it is written, not left wrong. */
static void
a_change_never_seen_here_is_written_once_it_held(void **state)
{
	struct obsrec_mine a = { 0 };
	struct obsrec_said said = { .have = true, .value = "on", .ts_ms = 1000 };

	(void)state;
	assert_int_equal(obsrec_decide(&a, "on", 2000, &said), OBSREC_SAME);
	said = (struct obsrec_said){ .have = true, .value = "off", .ts_ms = 10000 };
	assert_int_equal(obsrec_decide(&a, "on", 11000, &said), OBSREC_HOLD);
	assert_int_equal(obsrec_decide(&a, "on", 11000 + OBSREC_HOLD_MS - 1, &said),
	    OBSREC_HOLD);
	assert_int_equal(obsrec_decide(&a, "on", 11000 + OBSREC_HOLD_MS, &said), OBSREC_WRITE);
	/* A newer record restarts the hold: it began before that one. */
	a.differ_ms = 0;
	assert_int_equal(obsrec_decide(&a, "on", 30000, &said), OBSREC_HOLD);
	said.ts_ms = 35000;
	assert_int_equal(obsrec_decide(&a, "on", 36000, &said), OBSREC_HOLD);
	assert_int_equal(a.differ_ms, 36000);
}

static void
a_reconcile_already_in_the_journal_is_not_written_again(void **state)
{
	(void)state;
	assert_true(obsrec_reconcile_due(false, false, "ok"));
	assert_true(obsrec_reconcile_due(false, false, "unknown"));
	/* Another console's re-read (or U) settled it. */
	assert_false(obsrec_reconcile_due(true, false, "ok"));
	assert_false(obsrec_reconcile_due(true, true, "unknown"));
	/* Another console gave up already: saying it twice adds nothing… */
	assert_false(obsrec_reconcile_due(false, true, "unknown"));
	/* …but an outcome found after that is news. */
	assert_true(obsrec_reconcile_due(false, true, "ok"));
}

/* a recorder stopped with Ctrl-Z wrote, after fg, the tag it read
 * before the stop beside a fresh probe: a state that never existed. Its
 * reads from before it continued say nothing, whatever the journal says;
 * a hold begun before starts over. */
static void
a_continued_console_writes_nothing_read_before(void **state)
{
	struct obsrec_mine a[2] = { { 0 } };
	struct obsrec_said said = { .have = true, .value = "v1.5.0-bad up", .ts_ms = 1000 };

	(void)state;
	assert_int_equal(obsrec_decide(&a[0], "v1.5.0-bad up", 2000, &said), OBSREC_SAME);
	assert_int_equal(obsrec_decide(&a[1], "off", 2000, &said), OBSREC_WRITE);
	obsrec_wrote(&a[1], "off");
	/* A hold begun before the stop. */
	said.value = "on";
	assert_int_equal(obsrec_decide(&a[1], "off", 3000, &said), OBSREC_HOLD);
	/* Stopped at 5000, continued at 60000. */
	obsrec_continued(a, 2, 60000);
	said.value = "v1.5.0-bad up";
	/* The tag read at 4000, the probe at 60500: the older read counts. */
	assert_int_equal(obsrec_decide(&a[0], "v1.5.0-bad ahead", 4000, &said), OBSREC_BEHIND);
	assert_int_equal(obsrec_decide(&a[0], "v1.4.1 up", 61000, &said), OBSREC_WRITE);
	/* The hold counts from fresh reads, not from before the stop. */
	said.value = "on";
	assert_int_equal(obsrec_decide(&a[1], "off", 61000, &said), OBSREC_HOLD);
	assert_int_equal(obsrec_decide(&a[1], "off", 61000 + OBSREC_HOLD_MS, &said),
	    OBSREC_WRITE);
	obsrec_continued(NULL, 3, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_continued_console_writes_nothing_read_before),
		cmocka_unit_test(a_console_behind_another_invents_no_change),
		cmocka_unit_test(a_read_out_before_its_own_record_is_written),
		cmocka_unit_test(its_own_change_against_the_journal_is_written),
		cmocka_unit_test(a_first_read_is_written_once),
		cmocka_unit_test(a_resume_records_what_changed_meanwhile),
		cmocka_unit_test(a_change_never_seen_here_is_written_once_it_held),
		cmocka_unit_test(a_reconcile_already_in_the_journal_is_not_written_again),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
