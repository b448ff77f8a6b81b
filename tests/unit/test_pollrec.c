/*
 * test_pollrec.c — when a host's data stopping is journalled: not for one
 * bad poll, once a failure outlasted the next poll and the settle, with
 * what failed; its return at the first good answer, with how long and how
 * many polls failed; never for a host that is not UP (conn.change's),
 * and nothing either way while a read has not answered since it came up.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/pollrec.h"

#define POLL 5000

static void
one_bad_poll_records_nothing(void **state)
{
	struct pollrec_live l = { 0 };

	(void)state;
	pollrec_observe(&l, POLLREC_FAILING, "compose ps", "exit 1: boom", 1000, false, 6000);
	assert_int_equal(pollrec_decide(&l, false, POLL, 6000), POLLREC_NOTHING);
	/* The next poll answered: the failure is forgotten. */
	pollrec_observe(&l, POLLREC_ANSWERING, NULL, NULL, 0, false, 11000);
	assert_int_equal(pollrec_decide(&l, false, POLL, 11000), POLLREC_NOTHING);
	assert_int_equal(l.failures, 0);
	assert_false(l.failing);
	/* Much later, a new failure starts a new stretch of its own. */
	pollrec_observe(&l, POLLREC_FAILING, "api /healthz", "no answer: timeout", 50000, false, 55000);
	assert_int_equal(l.since_ms, 50000);
	assert_int_equal(l.failures, 1);
	assert_string_equal(l.what, "api /healthz");
}

static void
a_failure_that_holds_is_recorded_with_what_failed_first(void **state)
{
	struct pollrec_live l = { 0 };
	int64_t t;

	(void)state;
	pollrec_observe(&l, POLLREC_FAILING, "compose ps", "cannot parse: unexpected end", 1000, false, 6000);
	/* Each look while the same failed read stands is still one poll. */
	pollrec_observe(&l, POLLREC_FAILING, "compose ps", "cannot parse: unexpected end", 1000, false, 7000);
	assert_int_equal(l.failures, 1);
	for (t = 6000; t < 1000 + POLL + POLLREC_SETTLE_MS; t += POLL) {
		pollrec_observe(&l, POLLREC_FAILING, "api /readyz", "no answer: refused", t, false, t + 100);
		assert_int_equal(pollrec_decide(&l, false, POLL, t + 100), POLLREC_NOTHING);
	}
	assert_int_equal(pollrec_decide(&l, false, POLL, 1000 + POLL + POLLREC_SETTLE_MS - 1),
	    POLLREC_NOTHING);
	assert_int_equal(pollrec_decide(&l, false, POLL, 1000 + POLL + POLLREC_SETTLE_MS),
	    POLLREC_WRITE_LOST);
	assert_string_equal(l.what, "compose ps");
	assert_string_equal(l.error, "cannot parse: unexpected end");
	assert_int_equal(l.since_ms, 1000);
	assert_int_equal(l.failures, 3);
	/* Written: the journal says lost, and nothing more is due. */
	assert_int_equal(pollrec_decide(&l, true, POLL, 99000), POLLREC_NOTHING);
}

static void
the_return_is_recorded_at_the_first_good_answer(void **state)
{
	struct pollrec_live l = { 0 };

	(void)state;
	pollrec_observe(&l, POLLREC_FAILING, "helm history api", "exit 1: Error: timeout", 1000, false, 2000);
	pollrec_observe(&l, POLLREC_FAILING, "helm history api", "exit 1: Error: timeout", 6000, false, 7000);
	assert_int_equal(pollrec_decide(&l, false, POLL, 17000), POLLREC_WRITE_LOST);
	/* Still failing after the record: counted for the return. */
	pollrec_observe(&l, POLLREC_FAILING, "helm history api", "exit 1: Error: timeout", 11000, true, 12000);
	pollrec_observe(&l, POLLREC_ANSWERING, NULL, NULL, 0, true, 20000);
	assert_int_equal(pollrec_decide(&l, true, POLL, 20000), POLLREC_WRITE_BACK);
	assert_int_equal(l.back_ms, 20000);
	assert_int_equal(l.failures, 3);
	assert_int_equal(pollrec_missing_s(l.since_ms, l.back_ms), 19);
	/* A later look does not move when it came back. */
	pollrec_observe(&l, POLLREC_ANSWERING, NULL, NULL, 0, true, 21000);
	assert_int_equal(l.back_ms, 20000);
	/* Written: nothing more, and the stretch is over. */
	pollrec_observe(&l, POLLREC_ANSWERING, NULL, NULL, 0, false, 22000);
	assert_int_equal(pollrec_decide(&l, false, POLL, 22000), POLLREC_NOTHING);
	assert_int_equal(l.failures, 0);
}

static void
a_host_not_up_is_conn_changes_not_ours(void **state)
{
	struct pollrec_live l = { 0 };

	(void)state;
	/* Failing, then the connection goes: the stretch is dropped, and a
	 * DOWN host's failed reads are not news here. */
	pollrec_observe(&l, POLLREC_FAILING, "compose ps", "connection lost", 1000, false, 2000);
	pollrec_observe(&l, POLLREC_NOT_UP, "compose ps", "connection lost", 6000, false, 7000);
	assert_false(l.failing);
	assert_int_equal(pollrec_decide(&l, false, POLL, 60000), POLLREC_NOTHING);
	/* A stretch recorded before the host went DOWN stays open, without a
	 * return while it is DOWN, and ends when the data is back. */
	l = (struct pollrec_live){ 0 };
	pollrec_observe(&l, POLLREC_FAILING, "compose ps", "exit 1", 1000, false, 2000);
	assert_int_equal(pollrec_decide(&l, false, POLL, 16000), POLLREC_WRITE_LOST);
	pollrec_observe(&l, POLLREC_NOT_UP, NULL, NULL, 0, true, 20000);
	assert_int_equal(pollrec_decide(&l, true, POLL, 20000), POLLREC_NOTHING);
	pollrec_observe(&l, POLLREC_ANSWERING, NULL, NULL, 0, true, 40000);
	assert_int_equal(pollrec_decide(&l, true, POLL, 40000), POLLREC_WRITE_BACK);
}

static void
a_resumed_loss_ends_at_the_first_good_answer(void **state)
{
	struct pollrec_live l = { 0 };

	(void)state;
	/* The journal said lost before this console started. */
	pollrec_observe(&l, POLLREC_ANSWERING, NULL, NULL, 0, true, 5000);
	assert_int_equal(pollrec_decide(&l, true, POLL, 5000), POLLREC_WRITE_BACK);
	assert_int_equal(l.failures, 0);
}

static void
no_news_changes_nothing(void **state)
{
	struct pollrec_live l = { 0 };

	(void)state;
	/* Just back UP, a read not answered since: neither failing nor back. */
	pollrec_observe(&l, POLLREC_FAILING, "compose ps", "exit 1", 1000, false, 2000);
	assert_int_equal(pollrec_decide(&l, false, POLL, 16000), POLLREC_WRITE_LOST);
	pollrec_observe(&l, POLLREC_WAITING, NULL, NULL, 0, true, 20000);
	assert_int_equal(pollrec_decide(&l, true, POLL, 20000), POLLREC_NOTHING);
	assert_true(l.failing);
	l = (struct pollrec_live){ 0 };
	pollrec_observe(&l, POLLREC_WAITING, NULL, NULL, 0, false, 20000);
	assert_int_equal(pollrec_decide(&l, false, POLL, 99000), POLLREC_NOTHING);
}

static void
an_empty_error_still_says_something(void **state)
{
	struct pollrec_live l = { 0 };

	(void)state;
	pollrec_observe(&l, POLLREC_FAILING, "compose ps", "", 1000, false, 2000);
	assert_string_equal(l.error, "no error given");
	assert_int_equal(pollrec_missing_s(1000, 58500), 58);
	assert_int_equal(pollrec_missing_s(1000, 58499), 57);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_bad_poll_records_nothing),
		cmocka_unit_test(a_failure_that_holds_is_recorded_with_what_failed_first),
		cmocka_unit_test(the_return_is_recorded_at_the_first_good_answer),
		cmocka_unit_test(a_host_not_up_is_conn_changes_not_ours),
		cmocka_unit_test(a_resumed_loss_ends_at_the_first_good_answer),
		cmocka_unit_test(no_news_changes_nothing),
		cmocka_unit_test(an_empty_error_still_says_something),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
