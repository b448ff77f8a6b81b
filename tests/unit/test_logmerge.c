/*
 * test_logmerge.c — lines of several streams leave in the time they carry
 * once their hold is over, never ahead of an older waiting line; lines
 * without a time keep their arrival; times are read in RFC 3339 forms;
 * a resumed tail's lines older than another service's shown ones are
 * counted as back-filled, until it catches up; a gate holds every
 * line until each source was heard from (or its time is up); a line
 * without a time goes with the timed line just before it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "warroom/logmerge.h"

static char out[4096];

static void
emit(const char *text, size_t len, int stream, int64_t ts_ms, void *arg)
{
	size_t n = strlen(out);

	snprintf(out + n, sizeof(out) - n, "%.*s|", (int)len, text);
}

static void
merges_by_the_lines_own_time(void **state)
{
	struct logmerge m;
	static const char *const a[] = { "a 2026-11-26T10:00:01Z one", "a 2026-11-26T10:00:03Z three" };
	static const char *const b[] = { "b 2026-11-26T10:00:02Z two", "b 2026-11-26T10:00:04Z four" };
	int i;

	out[0] = '\0';
	logmerge_init(&m, 300);
	/* One stream's backlog arrives whole, then the other's. */
	for (i = 0; i < 2; i++)
		logmerge_push(&m, a[i], strlen(a[i]), 0, logmerge_parse_time(a[i], strlen(a[i])), 1000);
	for (i = 0; i < 2; i++)
		logmerge_push(&m, b[i], strlen(b[i]), 0, logmerge_parse_time(b[i], strlen(b[i])), 1100);
	assert_int_equal(logmerge_drain(&m, 1200, 0, emit, NULL), 1300);
	assert_string_equal(out, "");
	/* a's lines are due; b's two are not, so only "one" may leave. */
	assert_int_equal(logmerge_drain(&m, 1300, 0, emit, NULL), 1400);
	assert_string_equal(out, "a 2026-11-26T10:00:01Z one|");
	assert_int_equal(logmerge_drain(&m, 1400, 0, emit, NULL), -1);
	assert_string_equal(out, "a 2026-11-26T10:00:01Z one|b 2026-11-26T10:00:02Z two|"
	    "a 2026-11-26T10:00:03Z three|b 2026-11-26T10:00:04Z four|");
	logmerge_free(&m);
}

/* The second backlog arrives long after the first is due: without the
 * gate the first would have left whole, ahead of the older lines. */
static void
gate_waits_for_every_source(void **state)
{
	struct logmerge m;
	static const char a[] = "a 2026-11-26T10:00:03Z three";
	static const char b[] = "b 2026-11-26T10:00:02Z two";

	out[0] = '\0';
	logmerge_init(&m, 300);
	logmerge_gate(&m, 0x6, 6000);
	assert_int_equal(logmerge_drain(&m, 1000, 0, emit, NULL), -1);
	logmerge_push(&m, a, strlen(a), 2, logmerge_parse_time(a, strlen(a)), 1000);
	assert_false(logmerge_gate_open(&m, 1));
	assert_false(logmerge_gate_open(&m, 40));
	assert_int_equal(logmerge_drain(&m, 3000, 0, emit, NULL), 6000);
	assert_string_equal(out, "");
	logmerge_push(&m, b, strlen(b), 4, logmerge_parse_time(b, strlen(b)), 3000);
	assert_true(logmerge_gate_open(&m, 2));
	assert_false(logmerge_gate_open(&m, 2));
	/* Open: the older line waits its own hold, the newer one behind it. */
	assert_int_equal(logmerge_drain(&m, 3000, 0, emit, NULL), 3300);
	assert_string_equal(out, "");
	assert_int_equal(logmerge_drain(&m, 3300, 0, emit, NULL), -1);
	assert_string_equal(out, "b 2026-11-26T10:00:02Z two|a 2026-11-26T10:00:03Z three|");

	/* A source never heard from holds the others only until the gate's time. */
	out[0] = '\0';
	logmerge_gate(&m, 0x3, 5000);
	logmerge_push(&m, a, strlen(a), 0, logmerge_parse_time(a, strlen(a)), 4000);
	assert_false(logmerge_gate_open(&m, 0));
	assert_int_equal(logmerge_drain(&m, 4500, 0, emit, NULL), 5000);
	assert_string_equal(out, "");
	assert_int_equal(logmerge_drain(&m, 5000, 0, emit, NULL), -1);
	assert_string_equal(out, "a 2026-11-26T10:00:03Z three|");
	logmerge_free(&m);
}

/* A backlog's stack trace: its untimed lines go with the timed line
 * before them, not minutes later at their arrival. */
static void
untimed_lines_follow_their_timed_line(void **state)
{
	struct logmerge m;
	struct logmerge_carry ca = { -1, 0 }, cb = { -1, 0 };
	static const char *const a[] = { "a 2026-11-26T10:00:01Z ERROR boom", "  at f (x.c:1)",
		"  at g (x.c:2)", "a 2026-11-26T10:00:03Z three" };
	static const char b[] = "b 2026-11-26T10:00:02Z two";
	int i;

	out[0] = '\0';
	logmerge_init(&m, 300);
	for (i = 0; i < 4; i++)
		logmerge_push(&m, a[i], strlen(a[i]), 0, logmerge_carry_time(&ca,
		    logmerge_parse_time(a[i], strlen(a[i])), 1000), 1000);
	logmerge_push(&m, b, strlen(b), 2, logmerge_carry_time(&cb,
	    logmerge_parse_time(b, strlen(b)), 1100), 1100);
	logmerge_drain(&m, 0, 1, emit, NULL);
	assert_string_equal(out, "a 2026-11-26T10:00:01Z ERROR boom|  at f (x.c:1)|  at g (x.c:2)|"
	    "b 2026-11-26T10:00:02Z two|a 2026-11-26T10:00:03Z three|");
	/* Long after the timed line, an untimed one has only its arrival. */
	assert_int_equal(logmerge_carry_time(&ca, -1, 1000 + LOGMERGE_CARRY_MS), 1795687203000);
	assert_int_equal(logmerge_carry_time(&ca, -1, 1001 + LOGMERGE_CARRY_MS), -1);
	assert_int_equal(logmerge_carry_time(&cb, -1, 1100), 1795687202000);
	logmerge_free(&m);
}

static void
lines_without_a_time_keep_arrival_order(void **state)
{
	struct logmerge m;

	out[0] = '\0';
	logmerge_init(&m, 100);
	logmerge_push(&m, "x", 1, 0, -1, 50);
	logmerge_push(&m, "y", 1, 1, -1, 50);
	logmerge_push(&m, "z", 1, 0, -1, 60);
	assert_int_equal(logmerge_drain(&m, 0, 1, emit, NULL), -1);
	assert_string_equal(out, "x|y|z|");
	logmerge_free(&m);
}

static void
times_in_their_forms(void **state)
{
	int64_t base = logmerge_parse_time("2026-11-26T10:00:00Z", 20);

	assert_true(base > 0);
	assert_int_equal(logmerge_parse_time("ts=2026-11-26T10:00:00.250Z x", 29), base + 250);
	assert_int_equal(logmerge_parse_time("2026-11-26 10:00:01,5 INFO", 26), base + 1500);
	assert_int_equal(logmerge_parse_time("2026-11-26T12:00:00+02:00", 25), base);
	assert_int_equal(logmerge_parse_time("no time here", 12), -1);
	assert_int_equal(logmerge_parse_time("2026-13-26T10:00:00Z", 20), -1);
	assert_int_equal(logmerge_parse_time("12026-11-26T10:00:00Z", 21), -1);
}

/* Records the times lines leave with. */
static void
take(const char *text, size_t len, int stream, int64_t ts_ms, void *arg)
{
	int64_t *seen = arg;

	seen[++seen[0]] = ts_ms;
}

static void
lines_without_a_time_are_emitted_without_one(void **state)
{
	struct logmerge m;
	int64_t seen[3] = { 0 };

	logmerge_init(&m, 0);
	logmerge_push(&m, "x", 1, 0, -1, 50);
	logmerge_push(&m, "y", 1, 0, 40, 50);
	/* y is older than x's arrival, so it leaves first. */
	logmerge_drain(&m, 50, 1, take, seen);
	assert_int_equal(seen[0], 2);
	assert_int_equal(seen[1], 40);
	assert_int_equal(seen[2], -1);
	logmerge_free(&m);
}

static void
back_fill_counted_from_resume_until_caught_up(void **state)
{
	struct logmerge_fill f;
	unsigned svc = 99;

	logmerge_fill_init(&f);
	/* Both live: 1 and 2 interleave, nothing is back-filled. */
	assert_false(logmerge_fill_note(&f, 1, 1000));
	assert_false(logmerge_fill_note(&f, 2, 1100));
	/* Jitter without a resume is not a back-fill. */
	assert_false(logmerge_fill_note(&f, 1, 1050));
	assert_int_equal(logmerge_fill_news(&f, &svc), 0);
	/* 2 goes on while 1 is away; then 1 resumes from 1200. */
	assert_false(logmerge_fill_note(&f, 2, 9000));
	logmerge_fill_resume(&f, 1);
	assert_true(logmerge_fill_note(&f, 1, 1200));
	assert_true(logmerge_fill_note(&f, 1, 5000));
	assert_false(logmerge_fill_note(&f, 1, -1));	/* no time: not counted */
	assert_int_equal(logmerge_fill_news(&f, &svc), 2);
	assert_int_equal(svc, 1);
	assert_int_equal(logmerge_fill_news(&f, &svc), 0);	/* already reported */
	assert_true(logmerge_fill_note(&f, 1, 8999));
	/* Caught up: what follows is live again. */
	assert_false(logmerge_fill_note(&f, 1, 9000));
	assert_false(logmerge_fill_note(&f, 2, 9500));
	assert_false(logmerge_fill_note(&f, 1, 9400));
	assert_int_equal(logmerge_fill_news(&f, &svc), 3);
	/* The next resume counts from 0 again; out of range is ignored. */
	logmerge_fill_resume(&f, 1);
	assert_true(logmerge_fill_note(&f, 1, 9450));
	assert_int_equal(logmerge_fill_news(&f, &svc), 1);
	logmerge_fill_resume(&f, LOGMERGE_FILL_SERVICES);
	assert_false(logmerge_fill_note(&f, LOGMERGE_FILL_SERVICES, 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(merges_by_the_lines_own_time),
		cmocka_unit_test(gate_waits_for_every_source),
		cmocka_unit_test(untimed_lines_follow_their_timed_line),
		cmocka_unit_test(lines_without_a_time_keep_arrival_order),
		cmocka_unit_test(times_in_their_forms),
		cmocka_unit_test(lines_without_a_time_are_emitted_without_one),
		cmocka_unit_test(back_fill_counted_from_resume_until_caught_up),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
