/*
 * test_pollrec.c — when a host's data stopping is journalled: not for one
 * bad poll, once a failure outlasted the next poll and the settle, with
 * what failed; its return at the first good answer, with how long and how
 * many polls failed; never for a host that is not UP (conn.change's),
 * and nothing either way while a read has not answered since it came up
 * (a probe round sent before it came up is the lost session's).
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

/* A host's reads at one look: the driver's first, then probes with no
 * answer at all; none of them counted before its session came up. */
static void
a_look_names_the_first_failing_read_of_this_session(void **state)
{
	struct pollrec_row rows[2] = {
		{ .have_driver = true, .driver_at_ms = 12000, .driver_error = "",
		  .probed = true, .have_probe = true, .probe_sent_ms = 11000,
		  .healthz_answered = true, .readyz_answered = true },
		{ .have_driver = true, .driver_at_ms = 12000, .driver_error = "" },
	};
	enum pollrec_read read;
	const char *error = NULL;
	int64_t failed = 0;
	int row = -1;

	(void)state;
	assert_int_equal(pollrec_look(rows, 2, 10000, &row, &read, &error, &failed),
	    POLLREC_ANSWERING);
	/* A driver read not answered since it came up: no news yet. */
	rows[1].driver_at_ms = 9000;
	assert_int_equal(pollrec_look(rows, 2, 10000, &row, &read, &error, &failed),
	    POLLREC_WAITING);
	rows[1].driver_error = "exit 1: boom";
	rows[1].driver_failed_ms = 11500;
	rows[0].readyz_answered = false;
	rows[0].readyz_why = "no answer: Timeout was reached";
	assert_int_equal(pollrec_look(rows, 2, 10000, &row, &read, &error, &failed),
	    POLLREC_FAILING);
	assert_int_equal(row, 1);
	assert_int_equal(read, POLLREC_READ_DRIVER);
	assert_string_equal(error, "exit 1: boom");
	assert_int_equal(failed, 11500);
	rows[1].driver_error = "";
	rows[1].driver_at_ms = 12000;
	assert_int_equal(pollrec_look(rows, 2, 10000, &row, &read, &error, &failed),
	    POLLREC_FAILING);
	assert_int_equal(row, 0);
	assert_int_equal(read, POLLREC_READ_READYZ);
	assert_string_equal(error, "no answer: Timeout was reached");
	assert_int_equal(failed, 11000);
}

/* h10 lost its connection with a probe round out; its
 * requests failed ("no SSH connection to the host now"). 2m45s later
 * it came back, and the first answer of the new round arrived while the
 * other slots still held the outage's failures: a poll.change "no data …
 * (host still connected)" was written at once, of the outage. A round
 * sent before the session came up is not this session's news. */
static void
a_round_sent_before_the_reconnect_is_not_this_sessions(void **state)
{
	struct pollrec_row row0 = { .have_driver = true, .driver_at_ms = 170000,
		.driver_error = "", .probed = true, .have_probe = true,
		/* The last whole round: sent just before the loss at 5 s. */
		.probe_sent_ms = 4000, .healthz_answered = false, .readyz_answered = true,
		.healthz_why = "no answer: no SSH connection to the host now (the tunnel "
		    "goes through it)" };
	struct pollrec_live l = { 0 };
	enum pollrec_read read;
	const char *error = NULL;
	int64_t failed = 0;
	int row = -1;

	(void)state;
	/* Up again at 170 s; the new round's /readyz answered first. */
	assert_int_equal(pollrec_look(&row0, 1, 170000, &row, &read, &error, &failed),
	    POLLREC_WAITING);
	pollrec_observe(&l, POLLREC_WAITING, NULL, NULL, 0, false, 170100);
	assert_int_equal(pollrec_decide(&l, false, POLL, 170100), POLLREC_NOTHING);
	/* The whole new round in: a real failure of this session counts. */
	row0.probe_sent_ms = 170050;
	assert_int_equal(pollrec_look(&row0, 1, 170000, &row, &read, &error, &failed),
	    POLLREC_FAILING);
	assert_int_equal(read, POLLREC_READ_HEALTHZ);
	assert_int_equal(failed, 170050);
	row0.healthz_answered = true;
	assert_int_equal(pollrec_look(&row0, 1, 170000, &row, &read, &error, &failed),
	    POLLREC_ANSWERING);
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
		cmocka_unit_test(a_look_names_the_first_failing_read_of_this_session),
		cmocka_unit_test(a_round_sent_before_the_reconnect_is_not_this_sessions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
