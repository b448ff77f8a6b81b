/*
 * test_timerq.c — one-shot and repeating timers on a hand-driven clock.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "warroom/timerq.h"

struct counter {
	int n;
	struct timerq *q;
	uint64_t cancel;         /* a timer to cancel when this one fires */
};

static void
bump(void *arg)
{
	struct counter *c = arg;

	c->n++;
	if (c->cancel)
		timerq_cancel(c->q, c->cancel);
}

static void
one_shot_fires_once_when_due(void **state)
{
	struct timerq q;
	struct counter c = { 0 };

	timerq_init(&q);
	timerq_add(&q, 1000, 50, 0, bump, &c);
	assert_int_equal(timerq_wait_ms(&q, 1000), 50);
	assert_int_equal(timerq_run(&q, 1049), 0);
	assert_int_equal(timerq_run(&q, 1050), 1);
	assert_int_equal(timerq_run(&q, 5000), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(timerq_wait_ms(&q, 5000), -1);
	timerq_free(&q);
}

static void
repeating_timer_does_not_burst_after_a_stall(void **state)
{
	struct timerq q;
	struct counter c = { 0 };

	timerq_init(&q);
	timerq_add(&q, 0, 100, 100, bump, &c);
	timerq_run(&q, 100);
	timerq_run(&q, 200);
	assert_int_equal(c.n, 2);
	/* The process was stopped for 10 s: one catch-up run, not a hundred. */
	assert_int_equal(timerq_run(&q, 10200), 1);
	assert_int_equal(timerq_wait_ms(&q, 10200), 100);
	timerq_free(&q);
}

static void
cancel_stops_a_timer(void **state)
{
	struct timerq q;
	struct counter c = { 0 };
	uint64_t id;

	timerq_init(&q);
	id = timerq_add(&q, 0, 10, 10, bump, &c);
	timerq_cancel(&q, id);
	timerq_cancel(&q, id);  /* twice is harmless */
	assert_int_equal(timerq_run(&q, 1000), 0);
	assert_int_equal(c.n, 0);
	timerq_free(&q);
}

static void
a_callback_may_cancel_another_timer(void **state)
{
	struct timerq q;
	struct counter a = { 0 }, b = { 0 };

	timerq_init(&q);
	a.q = &q;
	a.cancel = timerq_add(&q, 0, 20, 0, bump, &b);
	timerq_add(&q, 0, 10, 0, bump, &a);
	assert_int_equal(timerq_run(&q, 30), 1);
	assert_int_equal(a.n, 1);
	assert_int_equal(b.n, 0);
	timerq_free(&q);
}

static void
earliest_due_runs_first_and_overdue_waits_zero(void **state)
{
	struct timerq q;
	struct counter c = { 0 };

	timerq_init(&q);
	timerq_add(&q, 0, 300, 0, bump, &c);
	timerq_add(&q, 0, 100, 0, bump, &c);
	assert_int_equal(timerq_wait_ms(&q, 0), 100);
	assert_int_equal(timerq_wait_ms(&q, 150), 0);
	assert_int_equal(timerq_run(&q, 150), 1);
	assert_int_equal(timerq_wait_ms(&q, 150), 150);
	timerq_free(&q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_shot_fires_once_when_due),
		cmocka_unit_test(repeating_timer_does_not_burst_after_a_stall),
		cmocka_unit_test(cancel_stops_a_timer),
		cmocka_unit_test(a_callback_may_cancel_another_timer),
		cmocka_unit_test(earliest_due_runs_first_and_overdue_waits_zero),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
