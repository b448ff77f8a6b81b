/*
 * test_loop.c — the event loop against real pipes, timers and signals:
 * events reach their callbacks, signals arrive through the self-pipe, and
 * an idle loop sleeps instead of spinning.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "warroom/loop.h"

struct seen {
	int reads, signals, last_signal, timers;
	int fd_to_remove;
};

static void
on_read(struct loop *loop, int fd, unsigned events, void *arg)
{
	struct seen *s = arg;
	char buf[16];

	if (events & LOOP_READ) {
		(void)!read(fd, buf, sizeof(buf));
		s->reads++;
	}
	if (s->fd_to_remove >= 0)
		loop_fd_remove(loop, s->fd_to_remove);
}

static void
on_sig(struct loop *loop, int signo, void *arg)
{
	struct seen *s = arg;

	s->signals++;
	s->last_signal = signo;
}

static void
on_timer(void *arg)
{
	((struct seen *)arg)->timers++;
}

static void
readable_fd_reaches_its_callback(void **state)
{
	struct wr_err err;
	struct loop *loop = loop_new(&err);
	struct seen s = { .fd_to_remove = -1 };
	int p[2];

	assert_non_null(loop);
	assert_int_equal(pipe(p), 0);
	assert_int_equal(loop_fd_add(loop, p[0], LOOP_READ, on_read, &s), 0);
	assert_int_equal(loop_fd_add(loop, p[0], LOOP_READ, on_read, &s), -1);
	assert_int_equal(write(p[1], "x", 1), 1);
	assert_int_equal(loop_run_once(loop, 1000, &err), 0);
	assert_int_equal(s.reads, 1);
	/* Parked: still registered but not watched. */
	loop_fd_set_events(loop, p[0], 0);
	assert_int_equal(write(p[1], "y", 1), 1);
	assert_int_equal(loop_run_once(loop, 20, &err), 0);
	assert_int_equal(s.reads, 1);
	/* A callback removing its own fd is safe. */
	loop_fd_set_events(loop, p[0], LOOP_READ);
	s.fd_to_remove = p[0];
	assert_int_equal(loop_run_once(loop, 1000, &err), 0);
	assert_int_equal(s.reads, 2);
	assert_int_equal(write(p[1], "z", 1), 1);
	assert_int_equal(loop_run_once(loop, 20, &err), 0);
	assert_int_equal(s.reads, 2);
	close(p[0]);
	close(p[1]);
	loop_free(loop);
}

static void
signals_arrive_through_the_self_pipe(void **state)
{
	static const int sigs[] = { SIGWINCH, SIGHUP, SIGTERM };
	struct wr_err err;
	struct loop *loop = loop_new(&err);
	struct seen s = { .fd_to_remove = -1 };

	assert_int_equal(loop_signals(loop, sigs, 3, on_sig, &s), 0);
	raise(SIGWINCH);
	raise(SIGHUP);
	assert_int_equal(loop_run_once(loop, 1000, &err), 0);
	assert_int_equal(s.signals, 2);
	assert_int_equal(s.last_signal, SIGHUP);
	loop_free(loop);
}

static void
timers_wake_the_loop(void **state)
{
	struct wr_err err;
	struct loop *loop = loop_new(&err);
	struct seen s = { .fd_to_remove = -1 };
	int64_t start = loop_now_ms();

	loop_timer_add(loop, 30, 0, on_timer, &s);
	while (s.timers == 0 && loop_now_ms() - start < 2000)
		loop_run_once(loop, -1, &err);
	assert_int_equal(s.timers, 1);
	assert_true(loop_now_ms() - start >= 30);
	loop_free(loop);
}

static double
cpu_seconds(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
	    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static void
idle_loop_sleeps(void **state)
{
	struct wr_err err;
	struct loop *loop = loop_new(&err);
	struct seen s = { .fd_to_remove = -1 };
	int64_t start;
	uint64_t wakeups;
	double cpu;

	/* A 1 s repeating timer and nothing else: over 1.5 s the loop wakes
	 * about twice and uses next to no CPU. */
	loop_timer_add(loop, 1000, 1000, on_timer, &s);
	wakeups = loop_wakeups(loop);
	cpu = cpu_seconds();
	start = loop_now_ms();
	while (loop_now_ms() - start < 1500)
		loop_run_once(loop, 1500 - (int)(loop_now_ms() - start), &err);
	assert_true(loop_wakeups(loop) - wakeups <= 4);
	assert_true(cpu_seconds() - cpu < 0.05);
	assert_int_equal(s.timers, 1);
	loop_free(loop);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(readable_fd_reaches_its_callback),
		cmocka_unit_test(signals_arrive_through_the_self_pipe),
		cmocka_unit_test(timers_wake_the_loop),
		cmocka_unit_test(idle_loop_sleeps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
