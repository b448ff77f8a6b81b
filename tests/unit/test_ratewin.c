/*
 * test_ratewin.c — the error rate's window: intervals added up from the
 * newest until min_requests, bounded by its span, emptied by a counter
 * reset and by a release change, and a ring that overflows keeping the
 * newest; and the verdict at low traffic, judged once enough requests
 * came in.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "warroom/decide.h"
#include "warroom/ratewin.h"

static void
add(struct ratewin *w, double errors, double requests, double seconds)
{
	struct ratewin_interval iv = { errors, requests, seconds };

	ratewin_add(w, &iv, false);
}

static void
adds_up_to_min_requests(void **state)
{
	static struct ratewin w;
	struct ratewin_sum s;
	int i;

	(void)state;
	ratewin_init(&w);
	assert_int_equal(ratewin_sum(&w, 10, RATEWIN_SPAN_S).intervals, 0);
	/* 2 req/s at 1 s scrapes: five intervals make 10 requests. */
	for (i = 0; i < 4; i++)
		add(&w, 0.16, 2, 1);
	s = ratewin_sum(&w, 10, RATEWIN_SPAN_S);
	assert_int_equal(s.intervals, 4);
	assert_true(s.requests < 10);
	add(&w, 0.16, 2, 1);
	s = ratewin_sum(&w, 10, RATEWIN_SPAN_S);
	assert_int_equal(s.intervals, 5);
	assert_true(fabs(s.requests - 10) < 1e-9);
	assert_true(fabs(s.errors - 0.8) < 1e-9);
	assert_true(fabs(s.seconds - 5) < 1e-9);
	/* Newer intervals push older ones out: still the shortest run. */
	add(&w, 0, 6, 1);
	add(&w, 0, 6, 1);
	s = ratewin_sum(&w, 10, RATEWIN_SPAN_S);
	assert_int_equal(s.intervals, 2);
	assert_true(fabs(s.errors) < 1e-9);
}

static void
min_requests_zero_is_the_newest_interval(void **state)
{
	static struct ratewin w;
	struct ratewin_sum s;

	(void)state;
	ratewin_init(&w);
	add(&w, 1, 2, 1);
	add(&w, 0, 0, 1);
	s = ratewin_sum(&w, 0, RATEWIN_SPAN_S);
	assert_int_equal(s.intervals, 1);
	assert_true(s.requests == 0);
	/* A busy interval alone is enough. */
	add(&w, 3, 400, 1);
	s = ratewin_sum(&w, 10, RATEWIN_SPAN_S);
	assert_int_equal(s.intervals, 1);
	assert_true(s.requests == 400);
}

static void
span_bounds_the_run(void **state)
{
	static struct ratewin w;
	struct ratewin_sum s;
	int i;

	(void)state;
	ratewin_init(&w);
	/* 0.01 req/s: ten minutes hold 6 requests, five minutes 3. */
	for (i = 0; i < 60; i++)
		add(&w, 0, 0.1, 10);
	s = ratewin_sum(&w, 10, RATEWIN_SPAN_S);
	assert_int_equal(s.intervals, 30);
	assert_true(fabs(s.seconds - RATEWIN_SPAN_S) < 1e-9);
	assert_true(s.requests < 10);
	/* The newest counts however long it was (a scrape after a gap). */
	add(&w, 0, 1, 900);
	s = ratewin_sum(&w, 10, RATEWIN_SPAN_S);
	assert_int_equal(s.intervals, 1);
	assert_true(s.seconds == 900);
}

static void
ring_overflow_keeps_the_newest(void **state)
{
	static struct ratewin w;
	struct ratewin_sum s;
	int i;

	(void)state;
	ratewin_init(&w);
	add(&w, 50, 50, 0.5);
	for (i = 0; i < RATEWIN_MAX; i++)
		add(&w, 0, 0, 0.5);
	/* The busy interval fell out of the ring: nothing reaches 10. */
	s = ratewin_sum(&w, 10, 1e9);
	assert_int_equal(s.intervals, RATEWIN_MAX);
	assert_true(s.requests == 0);
}

static void
counter_reset_drops_what_came_before(void **state)
{
	static struct ratewin w;
	struct ratewin_interval after = { 0, 3, 1 };
	struct ratewin_sum s;

	(void)state;
	ratewin_init(&w);
	add(&w, 5, 8, 1);
	add(&w, 5, 8, 1);
	ratewin_add(&w, &after, true);
	s = ratewin_sum(&w, 10, RATEWIN_SPAN_S);
	assert_int_equal(s.intervals, 1);
	assert_true(s.requests == 3 && s.errors == 0);
	add(&w, 0, 4, 1);
	assert_int_equal(ratewin_sum(&w, 10, RATEWIN_SPAN_S).intervals, 2);
}

static void
release_change_empties_the_ring(void **state)
{
	static struct ratewin w;

	(void)state;
	ratewin_init(&w);
	add(&w, 1, 8, 1);
	assert_false(ratewin_release(&w, 42));   /* the first noted: nothing before */
	assert_int_equal(ratewin_sum(&w, 10, RATEWIN_SPAN_S).intervals, 1);
	assert_false(ratewin_release(&w, 42));
	add(&w, 1, 8, 1);
	assert_int_equal(ratewin_sum(&w, 10, RATEWIN_SPAN_S).intervals, 2);
	assert_true(ratewin_release(&w, 7));     /* rolled back */
	assert_int_equal(ratewin_sum(&w, 10, RATEWIN_SPAN_S).intervals, 0);
	add(&w, 0, 2, 1);
	assert_true(ratewin_sum(&w, 10, RATEWIN_SPAN_S).errors == 0);
}

static void
unusable_intervals_are_not_added(void **state)
{
	static struct ratewin w;

	(void)state;
	ratewin_init(&w);
	add(&w, NAN, NAN, 1);
	add(&w, 0, 5, 0);
	add(&w, 0, -1, 1);
	assert_int_equal(ratewin_sum(&w, 10, RATEWIN_SPAN_S).intervals, 0);
}

/* [thresholds] as config_init() sets them. */
static struct config_thresholds
thresholds_default(void)
{
	struct config_thresholds t = {
		.error_rate_rollback = 0.05, .error_rate_consider = 0.02,
		.error_rate_monitor = 0.01, .p95_rollback_ms = 2000, .p95_consider_ms = 1000,
		.p95_monitor_ms = 500, .restarts_rollback = 3, .restarts_window_s = 300,
		.min_requests = 10,
	};

	return t;
}

/* One scrape at 2 req/s, 1 s after the last, with errors 5xx of them,
 * judged as the poller judges it. */
static struct decide_verdict
quiet_scrape(struct ratewin *w, double errors, double p95, const struct decide_verdict *prev)
{
	struct config_thresholds t = thresholds_default();
	struct ratewin_interval iv = { errors, 2, 1 };
	struct decide_input in = { .p95_ms = p95, .restarts = 0, .at_s = 1795678000 };

	ratewin_add(w, &iv, false);
	ratewin_input(w, t.min_requests, &in);
	return decide(&t, &in, prev, NULL);
}

/* QA: a bad release at 8 % 5xx and 2 req/s read only by p95, since no
 * 1 s interval reached min_requests. Five intervals do. */
static void
low_traffic_bad_release_fires_after_five_scrapes(void **state)
{
	static struct ratewin w;
	struct decide_verdict v;
	int i;

	(void)state;
	ratewin_init(&w);
	v = quiet_scrape(&w, 0.16, 150, NULL);
	for (i = 2; i <= 4; i++) {
		v = quiet_scrape(&w, 0.16, 150, &v);
		assert_int_equal(v.raw, DECIDE_OK);
	}
	assert_string_equal(v.reason, "error rate 8% (0.6 of 8 requests, last 4s: too few to "
	    "judge, min_requests 10); below thresholds: p95 150 ms, 0 restarts in 5m");
	v = quiet_scrape(&w, 0.16, 150, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_string_equal(v.reason, "error rate 8% (0.8 of 10 requests, last 5s) > 5%");
	/* It stays judged, over the newest five. */
	v = quiet_scrape(&w, 0.16, 150, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_string_equal(v.reason, "error rate 8% (0.8 of 10 requests, last 5s) > 5%");
}

/* QA: a quiet, healthy host sat at NO DATA (held) for as long as traffic
 * stayed low. It is OK, first on too few, then judged. */
static void
low_traffic_healthy_host_is_ok(void **state)
{
	static struct ratewin w;
	struct decide_verdict v;
	int i;

	(void)state;
	ratewin_init(&w);
	v = quiet_scrape(&w, 0, 180, NULL);
	for (i = 0; i < 10; i++) {
		v = quiet_scrape(&w, 0, 180, &v);
		assert_int_equal(v.level, DECIDE_OK);
		assert_false(v.held);
	}
	assert_string_equal(v.reason, "below thresholds: error rate 0%, p95 180 ms, 0 restarts in 5m");
}

/* After a rollback, intervals of the old release keep no verdict bad:
 * the ring starts again at the release change, and a calm rate over
 * enough of the new release's requests lets the verdict go back. */
static void
release_change_lets_the_verdict_go_back(void **state)
{
	static struct ratewin w;
	struct decide_verdict v;
	int i;

	(void)state;
	ratewin_init(&w);
	ratewin_release(&w, 1);
	v = quiet_scrape(&w, 0.16, 150, NULL);
	for (i = 0; i < 5; i++)
		v = quiet_scrape(&w, 0.16, 150, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	ratewin_release(&w, 2);
	for (i = 0; i < 5; i++)
		v = quiet_scrape(&w, 0, 150, &v);
	/* The first calm check: five intervals of the new release alone. */
	assert_int_equal(v.raw, DECIDE_OK);
	assert_true(v.held);
	v = quiet_scrape(&w, 0, 150, &v);
	assert_int_equal(v.level, DECIDE_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(adds_up_to_min_requests),
		cmocka_unit_test(min_requests_zero_is_the_newest_interval),
		cmocka_unit_test(span_bounds_the_run),
		cmocka_unit_test(ring_overflow_keeps_the_newest),
		cmocka_unit_test(counter_reset_drops_what_came_before),
		cmocka_unit_test(release_change_empties_the_ring),
		cmocka_unit_test(unusable_intervals_are_not_added),
		cmocka_unit_test(low_traffic_bad_release_fires_after_five_scrapes),
		cmocka_unit_test(low_traffic_healthy_host_is_ok),
		cmocka_unit_test(release_change_lets_the_verdict_go_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
