/*
 * test_connrec.c — when a host's reachability is journalled: a loss at
 * once with its reason, a return once it held CONNREC_SETTLE_MS, and a
 * flapping host coalesced into one DOWN and one UP that counts the drops.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/connrec.h"

static void
a_host_lost_is_recorded_at_once_with_why(void **state)
{
	struct connrec_live l = { 0 };
	enum connrec_state said = CONNREC_UNKNOWN;

	(void)state;
	connrec_observe(&l, CONNREC_UP, "", said, 0, 1000);
	/* Its first UP is no change: nothing to say. */
	assert_int_equal(connrec_decide(&l, said, false, 1000), CONNREC_NOTHING);
	/* Connecting again says nothing either way. */
	connrec_observe(&l, CONNREC_UNKNOWN, "", said, 0, 2000);
	assert_int_equal(l.state, CONNREC_UP);
	connrec_observe(&l, CONNREC_DOWN, "connect: Connection refused", said, 0, 5000);
	assert_int_equal(connrec_decide(&l, said, false, 5000), CONNREC_WRITE_DOWN);
	assert_string_equal(l.reason, "connect: Connection refused");
	assert_int_equal(l.since_ms, 5000);
	/* Recorded: nothing more while it stays down, whatever it says next. */
	said = CONNREC_DOWN;
	connrec_observe(&l, CONNREC_UNKNOWN, "", said, 0, 6000);
	connrec_observe(&l, CONNREC_DOWN, "timed out", said, 0, 9000);
	assert_int_equal(connrec_decide(&l, said, false, 9000), CONNREC_NOTHING);
	assert_string_equal(l.reason, "connect: Connection refused");
}

static void
a_return_is_recorded_once_it_held(void **state)
{
	struct connrec_live l = { .state = CONNREC_DOWN, .since_ms = 5000,
		.reason = "refused" };

	(void)state;
	connrec_observe(&l, CONNREC_UP, "", CONNREC_DOWN, 0, 55000);
	assert_int_equal(connrec_decide(&l, CONNREC_DOWN, false, 55000), CONNREC_NOTHING);
	assert_int_equal(connrec_decide(&l, CONNREC_DOWN, false, 55000 + CONNREC_SETTLE_MS - 1),
	    CONNREC_NOTHING);
	assert_int_equal(connrec_decide(&l, CONNREC_DOWN, false, 55000 + CONNREC_SETTLE_MS),
	    CONNREC_WRITE_UP);
	/* The return's time is when it came UP, not when it was written. */
	assert_int_equal(l.since_ms, 55000);
	assert_int_equal(l.drops, 0);
	assert_int_equal(connrec_decide(&l, CONNREC_UP, false, 99000), CONNREC_NOTHING);
}

/* A return held by the settle is one a record about the host writes
 * first; none while DOWN, none once written, none for a host never lost. */
static void
a_held_return_is_there_to_write_first(void **state)
{
	struct connrec_live l = { .state = CONNREC_DOWN, .since_ms = 5000,
		.reason = "connection lost" };

	(void)state;
	assert_false(connrec_return_held(&l, CONNREC_DOWN));
	connrec_observe(&l, CONNREC_UP, "", CONNREC_DOWN, 0, 6000);
	/* Not due by itself yet, but there: its since is the return's. */
	assert_int_equal(connrec_decide(&l, CONNREC_DOWN, false, 7000), CONNREC_NOTHING);
	assert_true(connrec_return_held(&l, CONNREC_DOWN));
	assert_int_equal(l.since_ms, 6000);
	/* Lost again before anything about it came: nothing held. */
	connrec_observe(&l, CONNREC_DOWN, "connection lost", CONNREC_DOWN, 0, 8000);
	assert_false(connrec_return_held(&l, CONNREC_DOWN));
	connrec_observe(&l, CONNREC_UP, "", CONNREC_DOWN, 0, 9000);
	assert_true(connrec_return_held(&l, CONNREC_DOWN));
	assert_false(connrec_return_held(&l, CONNREC_UP));
	assert_false(connrec_return_held(&l, CONNREC_UNKNOWN));
}

static void
a_flapping_host_costs_two_records(void **state)
{
	struct connrec_live l = { .state = CONNREC_UP, .since_ms = 0 };
	enum connrec_state said = CONNREC_UNKNOWN;
	int64_t t;
	int writes = 0;

	(void)state;
	/* Down 2 s, up 3 s, twenty times, then up for good. */
	for (t = 10000; t < 110000; t += 5000) {
		connrec_observe(&l, CONNREC_DOWN, "Connection reset by peer", said, 0, t);
		if (connrec_decide(&l, said, false, t) == CONNREC_WRITE_DOWN) {
			writes++;
			said = CONNREC_DOWN;
			l.drops = 0;
		}
		connrec_observe(&l, CONNREC_UP, "", said, 0, t + 2000);
		assert_int_equal(connrec_decide(&l, said, false, t + 4999), CONNREC_NOTHING);
	}
	assert_int_equal(writes, 1);
	assert_int_equal(l.drops, 19);
	assert_int_equal(connrec_decide(&l, said, false, t - 3000 + CONNREC_SETTLE_MS),
	    CONNREC_WRITE_UP);
}

static void
a_host_never_reached_is_down_from_the_start(void **state)
{
	struct connrec_live l = { 0 };

	(void)state;
	connrec_observe(&l, CONNREC_UNKNOWN, "", CONNREC_UNKNOWN, 0, 100);
	assert_int_equal(connrec_decide(&l, CONNREC_UNKNOWN, false, 100), CONNREC_NOTHING);
	connrec_observe(&l, CONNREC_DOWN, NULL, CONNREC_UNKNOWN, 0, 10100);
	assert_int_equal(connrec_decide(&l, CONNREC_UNKNOWN, false, 10100), CONNREC_WRITE_DOWN);
	assert_string_equal(l.reason, "no reason given");
	/* A journal that says DOWN (an earlier console's) and a host UP now. */
	l = (struct connrec_live){ 0 };
	connrec_observe(&l, CONNREC_UP, "", CONNREC_DOWN, 0, 500);
	assert_int_equal(connrec_decide(&l, CONNREC_DOWN, false, 500 + CONNREC_SETTLE_MS),
	    CONNREC_WRITE_UP);
}

static void
first_means_never_reached_not_no_record_before(void **state)
{
	struct connrec_live l = { 0 };

	(void)state;
	/* UP since the start, so no conn.change yet: its loss is not first. */
	connrec_observe(&l, CONNREC_UP, "", CONNREC_UNKNOWN, 0, 1000);
	connrec_observe(&l, CONNREC_DOWN, "connection lost: transport read", CONNREC_UNKNOWN, 0,
	    60000);
	assert_int_equal(connrec_decide(&l, CONNREC_UNKNOWN, false, 60000), CONNREC_WRITE_DOWN);
	assert_false(connrec_first(&l, CONNREC_UNKNOWN, false));
	/* Never UP in this run and nothing in the journal: first. */
	l = (struct connrec_live){ 0 };
	connrec_observe(&l, CONNREC_DOWN, "connect: Connection refused", CONNREC_UNKNOWN, 0, 100);
	assert_true(connrec_first(&l, CONNREC_UNKNOWN, false));
	/* … unless the journal knows it was reached (a resumed incident). */
	assert_false(connrec_first(&l, CONNREC_UNKNOWN, true));
	assert_false(connrec_first(&l, CONNREC_UP, false));
}

static void
down_s_rounds_to_the_nearest_second(void **state)
{
	(void)state;
	assert_int_equal(connrec_down_s(1000, 58400), 57);
	assert_int_equal(connrec_down_s(1000, 58500), 58);
	assert_int_equal(connrec_down_s(1000, 59499), 58);
	assert_int_equal(connrec_down_s(5000, 5000), 0);
}

/* The part of a DOWN no console ran: only the overlap with the stretch
 * before our resume. */
static void
unwatched_is_the_overlap_with_the_gap(void **state)
{
	(void)state;
	/* DOWN 9 s to 77 s, nobody ran 24 s to 72 s: 48 s of it. */
	assert_int_equal(connrec_unwatched_ms(9000, 77000, 24000, 72000), 48000);
	/* The gap began before the DOWN: counted from the DOWN. */
	assert_int_equal(connrec_unwatched_ms(30000, 77000, 24000, 72000), 42000);
	/* A gap before the DOWN, or none: nothing. */
	assert_int_equal(connrec_unwatched_ms(80000, 90000, 24000, 72000), 0);
	assert_int_equal(connrec_unwatched_ms(80000, 90000, 0, 0), 0);
}

/* A DOWN's length as far as it is known: its start unseen, or nothing
 * recorded for part of it, gives "at most" and "at least" the part seen
 * (the JSON's min_s and max_s: never "at most 3m 37s" alone beside
 * a min_s of 132); "at least" goes only when no part of it was seen. */
static void
a_span_says_what_is_known_of_its_length(void **state)
{
	struct connrec_span sure = { .down_s = 50 };
	struct connrec_span start = { .down_s = 45, .start_unseen_s = 34 };
	struct connrec_span gap = { .down_s = 68, .unwatched_s = 48 };
	struct connrec_span none_seen = { .down_s = 40, .unwatched_s = 40, .start_unseen_s = 5 };
	char len[96], why[160];

	(void)state;
	connrec_span_words(&sure, len, sizeof(len), why, sizeof(why));
	assert_string_equal(len, "50s");
	assert_string_equal(why, "");
	connrec_span_words(&start, len, sizeof(len), why, sizeof(why));
	assert_int_equal(connrec_span_min_s(&start), 45);
	assert_int_equal(connrec_span_max_s(&start), 79);
	assert_string_equal(len, "at least 45s, at most 1m 19s");
	assert_string_equal(why, "already DOWN when a console opened");
	connrec_span_words(&gap, len, sizeof(len), why, sizeof(why));
	assert_int_equal(connrec_span_min_s(&gap), 20);
	assert_int_equal(connrec_span_max_s(&gap), 68);
	assert_string_equal(len, "at least 20s, at most 1m 08s");
	assert_string_equal(why, "nothing recorded for 48s of it: it may have been back in "
	    "between");
	/* Nothing of it seen DOWN by a console: no least worth saying. */
	connrec_span_words(&none_seen, len, sizeof(len), why, sizeof(why));
	assert_string_equal(len, "at most 45s");
}

/* sshd stopped 21:54:42 while no console ran (the last record
 * 21:54:18), found DOWN at 21:54:52 by a console then killed, 31 s with
 * none, UP at 21:55:37. It was 55 s down: "at most 45s" was false. */
static void
a_span_found_down_with_a_gap_inside_is_a_range(void **state)
{
	struct connrec_span qa = { .down_s = 45, .unwatched_s = 31, .start_unseen_s = 34 };
	char len[96], why[160];

	(void)state;
	connrec_span_words(&qa, len, sizeof(len), why, sizeof(why));
	assert_int_equal(connrec_span_min_s(&qa), 14);
	assert_int_equal(connrec_span_max_s(&qa), 79);
	assert_true(connrec_span_min_s(&qa) <= 55 && 55 <= connrec_span_max_s(&qa));
	assert_string_equal(len, "at least 14s, at most 1m 19s");
	assert_string_equal(why, "already DOWN when a console opened; nothing recorded for "
	    "31s of it: it may have been back in between");
}

/* The pool's last failed try before a return is kept with it, so the
 * UP can say when the host was last found not back; a later flap's
 * return brings its own, and one from before this DOWN says nothing. */
static void
a_return_keeps_the_last_failed_try_before_it(void **state)
{
	struct connrec_live l = { .state = CONNREC_UP, .since_ms = 0 };

	(void)state;
	connrec_observe(&l, CONNREC_DOWN, "connection lost: transport read", CONNREC_UNKNOWN,
	    5000, 5000);
	/* DOWN and connecting again: nothing of a return yet. */
	assert_int_equal(connrec_last_failed(&l, 5000), 0);
	connrec_observe(&l, CONNREC_DOWN, "connect: Connection refused", CONNREC_DOWN, 126000,
	    126000);
	connrec_observe(&l, CONNREC_UP, "", CONNREC_DOWN, 126000, 155000);
	assert_int_equal(connrec_last_failed(&l, 5000), 126000);
	/* Back, lost again before the return held, back again: the last. */
	connrec_observe(&l, CONNREC_DOWN, "Connection reset by peer", CONNREC_DOWN, 158000,
	    158000);
	connrec_observe(&l, CONNREC_UP, "", CONNREC_DOWN, 159000, 160000);
	assert_int_equal(connrec_last_failed(&l, 5000), 159000);
	/* A try that failed before the DOWN the journal says began. */
	assert_int_equal(connrec_last_failed(&l, 159500), 0);
	/* None known, or one said to be after the return: none. */
	connrec_observe(&l, CONNREC_DOWN, "x", CONNREC_DOWN, 170000, 170000);
	connrec_observe(&l, CONNREC_UP, "", CONNREC_DOWN, 0, 171000);
	assert_int_equal(connrec_last_failed(&l, 5000), 0);
	connrec_observe(&l, CONNREC_DOWN, "x", CONNREC_DOWN, 180000, 180000);
	connrec_observe(&l, CONNREC_UP, "", CONNREC_DOWN, 190000, 181000);
	assert_int_equal(connrec_last_failed(&l, 5000), 0);
}

/* The wait after the last failed try bounds the return only past a few
 * seconds: the first retries' 1, 2 and 4 s are noise. */
static void
the_end_is_a_range_only_past_the_slack(void **state)
{
	(void)state;
	assert_int_equal(connrec_end_unseen_s(126000, 155000), 29);
	assert_int_equal(connrec_end_unseen_s(150000, 150000 + CONNREC_END_SLACK_MS), 0);
	assert_int_equal(connrec_end_unseen_s(150000 - 1, 150000 + CONNREC_END_SLACK_MS), 5);
	assert_int_equal(connrec_end_unseen_s(0, 155000), 0);
}

/* h5's sshd down 03:12:44 to 03:14:43, the console back in at
 * 03:15:19 after its retry wait: "2m 35s" with no caveat was the wait
 * too. The last failed try bounds it: at least until that try. */
static void
a_span_back_after_a_retry_wait_is_a_range(void **state)
{
	struct connrec_span qa = { .down_s = 155, .end_unseen_s = 29 };
	struct connrec_span both = { .down_s = 45, .start_unseen_s = 34, .end_unseen_s = 10 };
	struct connrec_span gap = { .down_s = 68, .unwatched_s = 48, .end_unseen_s = 10 };
	struct connrec_span all;
	char len[96], why[320], big[CONNREC_WHY_MAX];

	(void)state;
	connrec_span_words(&qa, len, sizeof(len), why, sizeof(why));
	assert_int_equal(connrec_span_min_s(&qa), 126);
	assert_int_equal(connrec_span_max_s(&qa), 155);
	assert_string_equal(len, "at least 2m 06s, at most 2m 35s");
	assert_string_equal(why, "last failed try 29s before the reconnect: it may have been "
	    "back any time in those 29s");
	connrec_span_words(&both, len, sizeof(len), why, sizeof(why));
	assert_string_equal(len, "at least 35s, at most 1m 19s");
	assert_string_equal(why, "already DOWN when a console opened; last failed try 10s "
	    "before the reconnect: it may have been back any time in those 10s");
	/* Nothing recorded for part of it: the least the part seen. */
	connrec_span_words(&gap, len, sizeof(len), why, sizeof(why));
	assert_int_equal(connrec_span_min_s(&gap), 10);
	assert_string_equal(len, "at least 10s, at most 1m 08s");
	assert_string_equal(why, "nothing recorded for 48s of it: it may have been back in "
	    "between; last failed try 10s before the reconnect: it may have been back any "
	    "time in those 10s");
	/* All three, the longest lengths: CONNREC_WHY_MAX holds them. */
	all = (struct connrec_span){ .down_s = 400000, .unwatched_s = 359999,
		.start_unseen_s = 359999, .end_unseen_s = 359999 };
	connrec_span_words(&all, len, sizeof(len), big, sizeof(big));
	assert_true(strlen(big) < sizeof(big) - 1);
	assert_non_null(strstr(big, "; last failed try 99h 59m 59s before the reconnect: it may "
	    "have been back any time in those 99h 59m 59s"));
}

static void
names_round_trip(void **state)
{
	(void)state;
	assert_int_equal(connrec_parse(connrec_name(CONNREC_UP)), CONNREC_UP);
	assert_int_equal(connrec_parse(connrec_name(CONNREC_DOWN)), CONNREC_DOWN);
	assert_int_equal(connrec_parse("up"), CONNREC_UNKNOWN);
	assert_int_equal(connrec_parse(NULL), CONNREC_UNKNOWN);
}

static void
a_first_reach_after_trust_is_recorded_at_once(void **state)
{
	struct connrec_live l = { 0 };
	enum connrec_state said = CONNREC_UNKNOWN;

	(void)state;
	/* Its key unknown: not trusted, never reached. */
	connrec_observe(&l, CONNREC_UNTRUSTED, "unknown host key ssh-ed25519 SHA256:x", said, 0,
	    1000);
	assert_int_equal(l.state, CONNREC_DOWN);
	assert_true(l.untrusted);
	assert_int_equal(connrec_decide(&l, said, false, 1000), CONNREC_WRITE_DOWN);
	assert_true(connrec_first(&l, said, false));
	said = CONNREC_DOWN;
	/* K: connecting again, then UP 21 s after. */
	connrec_observe(&l, CONNREC_UNKNOWN, "", said, 0, 21000);
	connrec_observe(&l, CONNREC_UP, "", said, 0, 22000);
	/* Nothing to debounce: it never was UP, so due at once. */
	assert_int_equal(connrec_decide(&l, said, true, 22000), CONNREC_WRITE_UP);
	assert_int_equal(l.since_ms, 22000);
	assert_true(l.untrusted);
	/* A return of a host reached before still waits for it to hold. */
	assert_int_equal(connrec_decide(&l, said, false, 22000), CONNREC_NOTHING);
}

static void
a_loss_that_is_no_key_says_so(void **state)
{
	struct connrec_live l = { .state = CONNREC_UP, .reached = true };

	(void)state;
	connrec_observe(&l, CONNREC_DOWN, "connect: Connection refused", CONNREC_UP, 0, 5000);
	assert_false(l.untrusted);
	/* Still DOWN, now answering with a key not trusted: the why it
	 * was lost with stands. */
	connrec_observe(&l, CONNREC_UNTRUSTED, "unknown host key", CONNREC_DOWN, 0, 9000);
	assert_false(l.untrusted);
	assert_string_equal(l.reason, "connect: Connection refused");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_host_lost_is_recorded_at_once_with_why),
		cmocka_unit_test(a_return_is_recorded_once_it_held),
		cmocka_unit_test(a_flapping_host_costs_two_records),
		cmocka_unit_test(a_held_return_is_there_to_write_first),
		cmocka_unit_test(a_first_reach_after_trust_is_recorded_at_once),
		cmocka_unit_test(a_loss_that_is_no_key_says_so),
		cmocka_unit_test(a_host_never_reached_is_down_from_the_start),
		cmocka_unit_test(first_means_never_reached_not_no_record_before),
		cmocka_unit_test(down_s_rounds_to_the_nearest_second),
		cmocka_unit_test(unwatched_is_the_overlap_with_the_gap),
		cmocka_unit_test(a_span_says_what_is_known_of_its_length),
		cmocka_unit_test(a_span_found_down_with_a_gap_inside_is_a_range),
		cmocka_unit_test(a_return_keeps_the_last_failed_try_before_it),
		cmocka_unit_test(the_end_is_a_range_only_past_the_slack),
		cmocka_unit_test(a_span_back_after_a_retry_wait_is_a_range),
		cmocka_unit_test(names_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
