/*
 * test_outq.c — an outcome stays on screen its minimum time; outcomes said
 * meanwhile are shown after it at once, in order, each for its own time,
 * and none is lost when the queue is full; other messages go beside them,
 * never in their place. A
 * held one waits for a key, OUTQ_HELD_MAX_S at most while others wait;
 * text joined at start-up stays with the next outcome until a key. An
 * outcome said again is not queued again; an action's later outcome takes
 * the place of its queued one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <stdio.h>

#include "warroom/outq.h"

static void
burst_outcomes_are_shown_together(void **state)
{
	struct outq q = { 0 };
	char buf[OUTQ_TEXT];

	(void)state;
	assert_true(outq_add(&q, NULL, "kill switch of api on api-1: OK", 100, 6));
	/* A second later the next host's outcome: after it, shown at once. */
	assert_false(outq_add(&q, NULL, "kill switch of api on k8s-bastion: OK", 101, 6));
	outq_text(&q, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "kill switch of api on api-1: OK | kill switch of api on k8s-bastion: OK");
	assert_false(outq_tick(&q, 105));
	assert_true(outq_unread(&q, 105));
	/* Read: the next one keeps the footer for what is left of its time. */
	assert_true(outq_tick(&q, 106));
	outq_text(&q, "", buf, sizeof(buf));
	assert_string_equal(buf, "kill switch of api on k8s-bastion: OK");
	assert_true(outq_unread(&q, 106));
	assert_false(outq_unread(&q, 107));
	assert_false(outq_tick(&q, 112));
	/* Read and none waiting: the next is shown at once. */
	assert_true(outq_add(&q, NULL, "smoke GET /healthz: OK", 113, 6));
}

static void
chatter_goes_beside(void **state)
{
	struct outq q = { 0 };
	char buf[OUTQ_TEXT];

	(void)state;
	outq_add(&q, NULL, "rollback of api on h1: FAILED — x", 10, 6);
	outq_add(&q, NULL, "rollback of api on h2: OK — y", 10, 6);
	outq_text(&q, "polling 2 connected hosts now", buf, sizeof(buf));
	assert_string_equal(buf, "rollback of api on h1: FAILED — x | rollback of api on h2: OK — y | "
	    "polling 2 connected hosts now");
}

static void
full_queue_joins_the_last(void **state)
{
	struct outq q = { 0 };
	char t[16];
	int i;

	(void)state;
	for (i = 0; i < OUTQ_WAIT + 2; i++) {
		snprintf(t, sizeof(t), "o%d", i);
		outq_add(&q, NULL, t, 0, 6);
	}
	assert_int_equal(q.nwait, OUTQ_WAIT);
	assert_string_equal(q.wait[OUTQ_WAIT - 1], "o4 | o5");
}

static void
long_outcomes_share_the_room_and_keep_the_aside(void **state)
{
	struct outq q = { 0 };
	char longer[OUTQ_TEXT], buf[64];
	const char *end;

	(void)state;
	memset(longer, 'a', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	longer[8] = '\xc3';                  /* an é across the cut (byte 9) */
	longer[9] = '\xa9';
	outq_add(&q, NULL, longer, 0, 6);
	outq_add(&q, NULL, "next", 0, 6);
	outq_text(&q, "note stored", buf, 42);
	end = " | next | note stored";
	/* 42 bytes: the aside whole; 24 left for the two outcomes beside the
	 * separator, 12 each: 8 of the long one's (not half the é) and "…";
	 * the short one whole. */
	assert_string_equal(buf + 8 + 3, end);
	assert_memory_equal(buf, "aaaaaaaa\xe2\x80\xa6", 11);
}

static void
held_outcome_gives_way_in_time(void **state)
{
	struct outq q = { 0 };
	char buf[OUTQ_TEXT];

	(void)state;
	outq_add(&q, NULL, "a wide outcome", 100, 6);
	outq_hold(&q, true);
	outq_add(&q, NULL, "the next", 101, 6);
	/* Its 6 s passed, no key: still held while under 20 s on screen. */
	assert_false(outq_tick(&q, 110));
	assert_false(outq_tick(&q, 100 + OUTQ_HELD_MAX_S - 1));
	/* Nobody pressed a key: the next one is not kept waiting forever. */
	assert_true(outq_tick(&q, 100 + OUTQ_HELD_MAX_S));
	outq_text(&q, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "the next");
	assert_false(q.held);
}

static void
held_outcome_read_with_a_key(void **state)
{
	struct outq q = { 0 };

	(void)state;
	outq_add(&q, NULL, "a wide outcome", 100, 6);
	outq_hold(&q, true);
	outq_add(&q, NULL, "the next", 101, 6);
	assert_false(outq_tick(&q, 107));
	outq_seen(&q, 107);
	assert_true(outq_tick(&q, 107));
}

/* Past its few seconds but held (too wide, no key): what comes next goes
 * after it instead of taking its place. */
static void
held_outcome_keeps_its_place_from_a_later_one(void **state)
{
	struct outq q = { 0 };
	char buf[OUTQ_TEXT];

	(void)state;
	assert_true(outq_add(&q, NULL, "kill switch refused: helm-bastion is a helm host", 100, 6));
	outq_hold(&q, true);
	assert_true(outq_unread(&q, 110));
	assert_false(outq_add(&q, NULL, "kill switch of api on api-1: OK", 110, 6));
	outq_text(&q, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "kill switch refused: helm-bastion is a helm host | "
	    "kill switch of api on api-1: OK");
	assert_false(outq_tick(&q, 111));
	outq_seen(&q, 111);
	assert_true(outq_tick(&q, 111));
	outq_text(&q, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "kill switch of api on api-1: OK");
	/* Held OUTQ_HELD_MAX_S already, nobody at the keyboard: the next
	 * one is not kept waiting. */
	outq_hold(&q, true);
	assert_true(outq_add(&q, NULL, "later", 111 + OUTQ_HELD_MAX_S, 6));
}

static void
same_outcome_is_not_queued_twice(void **state)
{
	static const char unk[] = "k8s.killswitch of api on k8s-bastion: UNKNOWN — began in an "
	    "earlier session";
	struct outq q = { 0 };
	int action = 0, other = 0;
	char buf[OUTQ_TEXT];

	(void)state;
	assert_true(outq_add(&q, &action, unk, 0, 6));
	/* Said again on each change of the action: one copy on screen. */
	assert_false(outq_add(&q, &action, unk, 1, 6));
	assert_false(outq_add(&q, NULL, unk, 2, 6));
	assert_int_equal(q.nwait, 0);
	assert_false(outq_add(&q, &other, "smoke GET /healthz: OK", 2, 6));
	assert_false(outq_add(&q, &other, "smoke GET /healthz: OK", 3, 6));
	assert_int_equal(q.nwait, 1);
	/* The same action's later outcome takes its earlier one's place, on
	 * screen (its own time from then) or waiting. */
	assert_true(outq_add(&q, &action, "k8s.killswitch of api on k8s-bastion: UNKNOWN — "
	    "re-reading", 3, 6));
	assert_true(outq_add(&q, &action, "k8s.killswitch of api on k8s-bastion: OK after re-read",
	    4, 6));
	assert_false(outq_add(&q, &other, "smoke GET /healthz: OK, 2 of 2", 5, 6));
	assert_int_equal(q.nwait, 1);
	outq_text(&q, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "k8s.killswitch of api on k8s-bastion: OK after re-read | "
	    "smoke GET /healthz: OK, 2 of 2");
	assert_false(outq_tick(&q, 9));
	assert_true(outq_tick(&q, 10));
	assert_string_equal(q.shown, "smoke GET /healthz: OK, 2 of 2");
	assert_int_equal(q.nwait, 0);
	/* Read: the same words later are a new outcome, shown again. */
	assert_true(outq_add(&q, &other, "smoke GET /healthz: OK", 30, 6));
}

static void
joined_text_outlives_the_outcome(void **state)
{
	struct outq q = { 0 };
	char buf[OUTQ_TEXT];

	(void)state;
	outq_add(&q, NULL, "UNKNOWN: rollback of api on h1", 0, 6);
	outq_add(&q, NULL, "smoke GET /healthz: OK", 1, 6);
	outq_join(&q, "journal: 2 lines did not read");
	outq_join(&q, "status page: reachable again");
	outq_text(&q, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "UNKNOWN: rollback of api on h1 | smoke GET /healthz: OK | "
	    "journal: 2 lines did not read | status page: reachable again");
	/* The queued outcome takes the footer: what was joined stays with it. */
	assert_true(outq_tick(&q, 6));
	outq_text(&q, "note stored", buf, sizeof(buf));
	assert_string_equal(buf, "smoke GET /healthz: OK | journal: 2 lines did not read | "
	    "status page: reachable again | note stored");
	/* Read with a key: gone from the next one shown. */
	outq_seen(&q, 6);
	outq_add(&q, NULL, "x", 20, 6);
	outq_text(&q, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "x");
}

/* Keys typed on at once (the next dialog's) leave the outcomes their time;
 * a key pressed once they have been read moves them on. */
static void
a_key_after_a_glance_reads_the_outcome(void **state)
{
	struct outq q = { 0 };
	char buf[OUTQ_TEXT];

	(void)state;
	outq_add(&q, NULL, "kill switch of api on h1: OK", 100, 6);
	outq_add(&q, NULL, "kill switch of api on h2: OK", 100, 6);
	outq_seen(&q, 100 + OUTQ_GLANCE_S - 1);
	assert_false(outq_tick(&q, 100 + OUTQ_GLANCE_S - 1));
	assert_true(outq_unread(&q, 100 + OUTQ_GLANCE_S - 1));
	outq_seen(&q, 100 + OUTQ_GLANCE_S);
	assert_true(outq_tick(&q, 100 + OUTQ_GLANCE_S));
	outq_text(&q, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "kill switch of api on h2: OK");
	/* One said since gets its glance too. */
	assert_true(outq_add(&q, NULL, "smoke GET /healthz: OK", 100 + OUTQ_GLANCE_S, 6));
	outq_seen(&q, 101 + OUTQ_GLANCE_S);
	assert_true(outq_unread(&q, 101 + OUTQ_GLANCE_S));
}

/* A footer cut before its outcome's word: the word goes first, with what
 * follows it up to the reason; a line of another shape is left as it is. */
static void
a_cut_outcome_leads_with_its_word(void **state)
{
	char t[200];

	(void)state;
	snprintf(t, sizeof(t), "rollback of api on k8s-bastion (kubectl rollout undo): UNKNOWN "
	    "\xe2\x80\x94 connection lost");
	assert_true(outq_word_first(t, sizeof(t), 20));
	assert_string_equal(t, "UNKNOWN: rollback of api on k8s-bastion (kubectl rollout undo) "
	    "\xe2\x80\x94 connection lost");
	snprintf(t, sizeof(t), "rollback of api on h1 (helm rollback): OK after re-read "
	    "\xe2\x80\x94 api runs 1.4.1");
	assert_true(outq_word_first(t, sizeof(t), 20));
	assert_string_equal(t, "OK after re-read: rollback of api on h1 (helm rollback) "
	    "\xe2\x80\x94 api runs 1.4.1");
	snprintf(t, sizeof(t), "kill switch of api on h1 (docker compose up -d): FAILED");
	assert_true(outq_word_first(t, sizeof(t), 20));
	assert_string_equal(t, "FAILED: kill switch of api on h1 (docker compose up -d)");
	/* Already first, or no outcome word after the name: as it was. */
	snprintf(t, sizeof(t), "UNKNOWN: kill switch of api on h1 (docker compose up -d) taken");
	assert_false(outq_word_first(t, sizeof(t), 20));
	snprintf(t, sizeof(t), "refused: OK is not a tag \xe2\x80\x94 try again");
	assert_false(outq_word_first(t, sizeof(t), 20));
	assert_string_equal(t, "refused: OK is not a tag \xe2\x80\x94 try again");
	/* The cut keeps the word where it is: left there. */
	snprintf(t, sizeof(t), "kill switch of api on h1 (docker compose up -d): FAILED");
	assert_false(outq_word_first(t, sizeof(t), 55));
	assert_true(outq_word_first(t, sizeof(t), 54));
	snprintf(t, sizeof(t), "status page: OKAY");
	assert_false(outq_word_first(t, sizeof(t), 20));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(burst_outcomes_are_shown_together),
		cmocka_unit_test(chatter_goes_beside),
		cmocka_unit_test(full_queue_joins_the_last),
		cmocka_unit_test(long_outcomes_share_the_room_and_keep_the_aside),
		cmocka_unit_test(held_outcome_gives_way_in_time),
		cmocka_unit_test(held_outcome_read_with_a_key),
		cmocka_unit_test(joined_text_outlives_the_outcome),
		cmocka_unit_test(held_outcome_keeps_its_place_from_a_later_one),
		cmocka_unit_test(same_outcome_is_not_queued_twice),
		cmocka_unit_test(a_key_after_a_glance_reads_the_outcome),
		cmocka_unit_test(a_cut_outcome_leads_with_its_word),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
