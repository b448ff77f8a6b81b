/*
 * test_ratewin.c — the error rate's window: intervals added up from the
 * newest until min_requests, bounded by its span, emptied by a counter
 * reset and by a release change, and a ring that overflows keeping the
 * newest; p95 over the same run from its summed bucket increases, a
 * change of bounds breaking the run; and the verdict at low traffic,
 * judged once enough requests came in.
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
	struct ratewin_interval iv = { .errors = errors, .requests = requests, .seconds = seconds };

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
	struct ratewin_interval after = { .errors = 0, .requests = 3, .seconds = 1 };
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
	struct metrics_bucket nan_bucket[2] = { { 0.1, NAN }, { INFINITY, 2 } };
	struct ratewin_interval iv = { 0, 2, 1, nan_bucket, 2 };

	(void)state;
	ratewin_init(&w);
	add(&w, NAN, NAN, 1);
	add(&w, 0, 5, 0);
	add(&w, 0, -1, 1);
	ratewin_add(&w, &iv, false);
	iv.nbuckets = RATEWIN_BUCKETS + 1;
	ratewin_add(&w, &iv, false);
	assert_int_equal(ratewin_sum(&w, 10, RATEWIN_SPAN_S).intervals, 0);
}

/* Bounds of the histograms below, in seconds. */
static const double bounds[4] = { 0.1, 0.5, 2.5, INFINITY };

/* An interval of 1 s with requests requests, their latencies' cumulative
 * bucket increases c0..c2 at bounds (the +Inf bucket is requests). */
static void
add_hist(struct ratewin *w, double errors, double requests, double c0, double c1, double c2)
{
	struct metrics_bucket b[4] = {
		{ bounds[0], c0 }, { bounds[1], c1 }, { bounds[2], c2 }, { bounds[3], requests },
	};
	struct ratewin_interval iv = { errors, requests, 1, b, 4 };

	ratewin_add(w, &iv, false);
}

/* p95 of the run, in ms, as the verdict gets it. */
static double
p95_of(const struct ratewin *w, int min_requests)
{
	struct decide_input in = { .p95_ms = -1 };

	ratewin_input(w, min_requests, &in);
	return in.p95_ms;
}

/* The run's bucket increases add up, and p95 is interpolated over their
 * sum, not the newest interval's 2 requests. */
static void
p95_over_the_run_of_min_requests(void **state)
{
	static struct ratewin w;
	struct ratewin_sum s;
	int i;

	(void)state;
	ratewin_init(&w);
	assert_true(isnan(p95_of(&w, 10)));
	for (i = 0; i < 4; i++)
		add_hist(&w, 0, 2, 2, 2, 2);     /* both ≤ 100 ms */
	add_hist(&w, 0, 2, 0, 2, 2);             /* both 100–500 ms */
	s = ratewin_sum(&w, 10, RATEWIN_SPAN_S);
	assert_int_equal(s.intervals, 5);
	assert_int_equal(s.nbuckets, 4);
	assert_true(s.buckets[0].le == 0.1 && s.buckets[0].count == 8);
	assert_true(s.buckets[1].count == 10 && s.buckets[3].count == 10);
	assert_true(isinf(s.buckets[3].le));
	/* rank 9.5: 1.5 of the 2 in 100–500 ms, as histogram_quantile. */
	assert_true(fabs(p95_of(&w, 10) - 400) < 1e-9);
	/* The newest alone would say 480 ms; two intervals 460 ms. */
	assert_true(fabs(p95_of(&w, 0) - 480) < 1e-9);
	assert_true(fabs(p95_of(&w, 4) - 460) < 1e-9);
	/* No histogram: no p95, the error rate as before. */
	ratewin_init(&w);
	add(&w, 0, 20, 1);
	assert_true(isnan(p95_of(&w, 10)));
}

/* Other bounds are another histogram (a release with new buckets): its
 * increases cannot be added to the old ones, so the run starts again. */
static void
bounds_change_drops_older_intervals(void **state)
{
	static struct ratewin w;
	struct metrics_bucket other[3] = { { 0.25, 1 }, { 2.5, 2 }, { INFINITY, 2 } };
	struct ratewin_interval iv = { 1, 2, 1, other, 3 };
	struct ratewin_sum s;

	(void)state;
	ratewin_init(&w);
	add_hist(&w, 0, 2, 2, 2, 2);
	add_hist(&w, 0, 2, 2, 2, 2);
	assert_int_equal(ratewin_sum(&w, 10, RATEWIN_SPAN_S).intervals, 2);
	ratewin_add(&w, &iv, false);
	s = ratewin_sum(&w, 10, RATEWIN_SPAN_S);
	assert_int_equal(s.intervals, 1);
	assert_true(s.errors == 1 && s.requests == 2);
	assert_int_equal(s.nbuckets, 3);
	assert_true(s.buckets[0].le == 0.25 && s.buckets[1].count == 2);
	/* The same bounds again add up. */
	ratewin_add(&w, &iv, false);
	assert_int_equal(ratewin_sum(&w, 10, RATEWIN_SPAN_S).intervals, 2);
	/* A histogram gone is a change too. */
	add(&w, 0, 2, 1);
	s = ratewin_sum(&w, 10, RATEWIN_SPAN_S);
	assert_int_equal(s.intervals, 1);
	assert_int_equal(s.nbuckets, 0);
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

/* One scrape at 2 req/s, 1 s after the last, with errors 5xx of them
 * and both requests in a bucket whose p95 is p95 ms, judged as the
 * poller judges it. */
static struct decide_verdict
quiet_scrape(struct ratewin *w, double errors, double p95, const struct decide_verdict *prev)
{
	struct config_thresholds t = thresholds_default();
	struct metrics_bucket b[2] = { { p95 / 0.95 / 1000, 2 }, { INFINITY, 2 } };
	struct ratewin_interval iv = { errors, 2, 1, b, 2 };
	struct decide_input in = { .restarts = 0, .at_s = 1795678000 };

	ratewin_add(w, &iv, false);
	ratewin_input(w, t.min_requests, &in);
	return decide(&t, &in, prev, NULL);
}

/* a bad release at 8 % 5xx and 2 req/s read only by p95, since no
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
	assert_string_equal(v.reason, "error rate 8%, p95 150 ms (0.6 of 8 requests, last 4s: "
	    "too few to judge, min_requests 10); below thresholds: 0 restarts in 5m");
	v = quiet_scrape(&w, 0.16, 150, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_string_equal(v.reason, "error rate 8% (0.8 of 10 requests, last 5s) > 5%");
	/* It stays judged, over the newest five. */
	v = quiet_scrape(&w, 0.16, 150, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_string_equal(v.reason, "error rate 8% (0.8 of 10 requests, last 5s) > 5%");
}

/* a quiet, healthy host sat at NO DATA (held) for as long as traffic
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

/* One scrape whose requests took fast (≤ 100 ms) and slow (over 2.5 s)
 * of them, judged as the poller judges it with min_requests 20. */
static struct decide_verdict
mixed_scrape(struct ratewin *w, double fast, double slow, const struct decide_verdict *prev)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input in = { .restarts = 0, .at_s = 1795678000 };

	t.min_requests = 20;

	add_hist(w, 0, fast + slow, fast, fast, fast);
	ratewin_input(w, t.min_requests, &in);
	return decide(&t, &in, prev, NULL);
}

/* at 2 req/s one slow request made a scrape's p95 ROLLBACK. Over too
 * few requests p95 is not judged; over twenty, one slow request is no
 * p95. A slow release still fires, once there are twenty. */
static void
low_traffic_p95_judged_over_min_requests(void **state)
{
	static struct ratewin w;
	struct decide_verdict v;
	int i;

	(void)state;
	ratewin_init(&w);
	v = mixed_scrape(&w, 1, 1, NULL);
	assert_int_equal(v.raw, DECIDE_OK);
	assert_string_equal(v.reason, "error rate 0%, p95 2500 ms (0 of 2 requests: too few to "
	    "judge, min_requests 20); below thresholds: 0 restarts in 5m");
	for (i = 0; i < 9; i++)
		v = mixed_scrape(&w, 2, 0, &v);
	assert_int_equal(v.raw, DECIDE_OK);
	assert_string_equal(v.reason, "below thresholds: error rate 0%, p95 100 ms, "
	    "0 restarts in 5m");
	ratewin_release(&w, 1);
	ratewin_release(&w, 2);                  /* a slow release */
	for (i = 0; i < 9; i++) {
		v = mixed_scrape(&w, 0, 2, &v);
		assert_int_equal(v.raw, DECIDE_OK);
	}
	v = mixed_scrape(&w, 0, 2, &v);
	assert_int_equal(v.raw, DECIDE_ROLLBACK);
	assert_string_equal(v.reason, "p95 2500 ms (last 10s) > 2000 ms");
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
		cmocka_unit_test(p95_over_the_run_of_min_requests),
		cmocka_unit_test(bounds_change_drops_older_intervals),
		cmocka_unit_test(low_traffic_bad_release_fires_after_five_scrapes),
		cmocka_unit_test(low_traffic_healthy_host_is_ok),
		cmocka_unit_test(release_change_lets_the_verdict_go_back),
		cmocka_unit_test(low_traffic_p95_judged_over_min_requests),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
