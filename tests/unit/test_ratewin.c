/*
 * test_ratewin.c — the error rate's window: intervals added up from the
 * newest until min_requests, bounded by its span, emptied by a counter
 * reset and by a release change, and a ring that overflows keeping the
 * newest.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
