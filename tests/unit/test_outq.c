/*
 * test_outq.c — an outcome stays on screen its minimum time; outcomes said
 * meanwhile wait behind it with a count, in order, and none is lost when
 * the queue is full; other messages go beside it, never in its place.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/outq.h"

static void
burst_outcomes_wait_their_turn(void **state)
{
	struct outq q = { 0 };
	char buf[OUTQ_TEXT];

	(void)state;
	assert_true(outq_add(&q, "kill switch of api on api-1: OK", 100, 6));
	/* A second later the next host's outcome: it waits, counted. */
	assert_false(outq_add(&q, "kill switch of api on k8s-bastion: OK", 101, 6));
	outq_text(&q, NULL, buf, sizeof(buf));
	assert_string_equal(buf, "kill switch of api on api-1: OK (+1 more)");
	assert_false(outq_tick(&q, 105, 6));
	assert_true(outq_unread(&q, 105));
	/* Read: the next one has the footer for its own time. */
	assert_true(outq_tick(&q, 106, 6));
	outq_text(&q, "", buf, sizeof(buf));
	assert_string_equal(buf, "kill switch of api on k8s-bastion: OK");
	assert_true(outq_unread(&q, 111));
	assert_false(outq_unread(&q, 112));
	assert_false(outq_tick(&q, 112, 6));
	/* Read and none waiting: the next is shown at once. */
	assert_true(outq_add(&q, "smoke GET /healthz: OK", 113, 6));
}

static void
chatter_goes_beside(void **state)
{
	struct outq q = { 0 };
	char buf[OUTQ_TEXT];

	(void)state;
	outq_add(&q, "rollback of api on h1: FAILED — x", 10, 6);
	outq_add(&q, "rollback of api on h2: OK — y", 10, 6);
	outq_text(&q, "polling 2 connected hosts now", buf, sizeof(buf));
	assert_string_equal(buf, "rollback of api on h1: FAILED — x (+1 more) | polling 2 "
	    "connected hosts now");
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
		outq_add(&q, t, 0, 6);
	}
	assert_int_equal(q.nwait, OUTQ_WAIT);
	assert_string_equal(q.wait[OUTQ_WAIT - 1], "o4 | o5");
}

static void
long_outcome_keeps_count_and_aside(void **state)
{
	struct outq q = { 0 };
	char longer[OUTQ_TEXT], buf[64];
	const char *end;

	(void)state;
	memset(longer, 'a', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	longer[13] = '\xc3';                 /* an é across the cut (byte 14) */
	longer[14] = '\xa9';
	outq_add(&q, longer, 0, 6);
	outq_add(&q, "next", 0, 6);
	outq_text(&q, "note stored", buf, 42);
	end = " (+1 more) | note stored";
	/* 42 bytes: 13 of the outcome (not half the é), "…", then the rest. */
	assert_int_equal(strlen(buf), 13 + 3 + strlen(end));
	assert_string_equal(buf + 13, "\xe2\x80\xa6 (+1 more) | note stored");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(burst_outcomes_wait_their_turn),
		cmocka_unit_test(chatter_goes_beside),
		cmocka_unit_test(full_queue_joins_the_last),
		cmocka_unit_test(long_outcome_keeps_count_and_aside),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
