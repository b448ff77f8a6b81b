/*
 * test_pace.c — batching is allowed only while nobody waits on the network.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "warroom/pace.h"

static const struct pace_in calm = { .since_key_ms = -1 };

static void
a_calm_console_batches(void **state)
{
	struct pace_in in = calm;

	assert_int_equal(pace_batch_ms(&in), PACE_CALM_SLOT_MS);
	in.since_key_ms = PACE_AFTER_KEY_MS;
	assert_int_equal(pace_batch_ms(&in), PACE_CALM_SLOT_MS);
	in.log_lines_per_s = PACE_LIVE_LINES_PER_S;     /* 2 lines/s of a calm service */
	assert_int_equal(pace_batch_ms(&in), PACE_CALM_SLOT_MS);
}

static void
a_recent_key_serves_at_once(void **state)
{
	struct pace_in in = calm;

	in.since_key_ms = 0;
	assert_int_equal(pace_batch_ms(&in), 0);
	in.since_key_ms = PACE_AFTER_KEY_MS - 1;
	assert_int_equal(pace_batch_ms(&in), 0);
}

static void
dialogs_actions_and_streams_serve_at_once(void **state)
{
	struct pace_in in = calm;

	in.interacting = true;
	assert_int_equal(pace_batch_ms(&in), 0);
	in = calm;
	in.busy = true;
	assert_int_equal(pace_batch_ms(&in), 0);
	in = calm;
	in.log_lines_per_s = PACE_LIVE_LINES_PER_S + 1;
	assert_int_equal(pace_batch_ms(&in), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_calm_console_batches),
		cmocka_unit_test(a_recent_key_serves_at_once),
		cmocka_unit_test(dialogs_actions_and_streams_serve_at_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
