/*
 * test_loop.c — the event loop against real pipes, timers and signals:
 * events reach their callbacks, signals arrive through the self-pipe, and
 * an idle loop sleeps instead of spinning; batching serves a stream in a
 * few passes a second while the urgent fd is still answered at once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <stdlib.h>
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

struct stream_seen {
	int passes;              /* callbacks for the stream */
	int open;                /* fds not at EOF yet */
	int64_t ms;              /* how long the stream took */
	long bytes;
	int64_t urgent_lag_ms;   /* urgent byte: written -> served, -1 none */
};

static void
on_stream(struct loop *loop, int fd, unsigned events, void *arg)
{
	struct stream_seen *s = arg;
	char buf[4096];
	ssize_t n;

	s->passes++;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		s->bytes += n;
	if (n == 0) {
		loop_fd_remove(loop, fd);
		s->open--;
	}
}

static void
on_urgent(struct loop *loop, int fd, unsigned events, void *arg)
{
	struct stream_seen *s = arg;
	int64_t sent;

	if (read(fd, &sent, sizeof(sent)) == (ssize_t)sizeof(sent))
		s->urgent_lag_ms = loop_now_ms() - sent;
	else {
		loop_fd_remove(loop, fd);
		s->open--;
	}
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* A child writes a byte every 5 ms for 1 s to the stream pipe, and at
 * 400 ms its clock to the urgent pipe; the loop runs until both end. */
static void
run_stream(int64_t batch_ms, struct stream_seen *s, uint64_t *wakeups)
{
	struct wr_err err;
	struct loop *loop = loop_new(&err);
	int data[2], urgent[2];
	int64_t start;
	pid_t pid;
	int i;

	assert_non_null(loop);
	assert_int_equal(pipe(data), 0);
	assert_int_equal(pipe(urgent), 0);
	assert_int_equal(fcntl(data[0], F_SETFL, O_NONBLOCK), 0);
	*s = (struct stream_seen){ .urgent_lag_ms = -1, .open = 2 };
	if ((pid = fork()) == 0) {
		for (i = 0; i < 200; i++) {
			if (i == 80) {
				int64_t now = loop_now_ms();

				(void)!write(urgent[1], &now, sizeof(now));
			}
			(void)!write(data[1], "x", 1);
			sleep_ms(5);
		}
		_exit(0);
	}
	close(data[1]);
	close(urgent[1]);
	loop_fd_add(loop, data[0], LOOP_READ, on_stream, s);
	loop_fd_add(loop, urgent[0], LOOP_READ, on_urgent, s);
	loop_fd_set_urgent(loop, urgent[0], true);
	loop_set_batch(loop, batch_ms);
	*wakeups = loop_wakeups(loop);
	start = loop_now_ms();
	while (s->open > 0 && loop_now_ms() - start < 10000)
		loop_run_once(loop, 1000, &err);
	s->ms = loop_now_ms() - start;
	*wakeups = loop_wakeups(loop) - *wakeups;
	waitpid(pid, NULL, 0);
	assert_int_equal(s->open, 0);
	close(data[0]);
	close(urgent[0]);
	loop_free(loop);
}

static void
batching_serves_a_stream_in_slots(void **state)
{
	struct stream_seen plain, batched;
	uint64_t wplain, wbatched;

	run_stream(0, &plain, &wplain);
	run_stream(250, &batched, &wbatched);
	print_message("passes %d/%d wake-ups %lu/%lu in %ld/%ld ms, urgent lag %ld ms\n",
	    plain.passes, batched.passes, (unsigned long)wplain, (unsigned long)wbatched,
	    (long)plain.ms, (long)batched.ms, (long)batched.urgent_lag_ms);
	/* Nothing is lost either way. */
	assert_int_equal(plain.bytes, 200);
	assert_int_equal(batched.bytes, 200);
	/* Unbatched, nearly every byte is a pass of its own; batched, about
	 * one pass per 250 ms slot (plus the first byte, served at once, and
	 * the end of the stream). However slow the machine, the batched
	 * count follows the stream's length, not its bytes. */
	assert_true(plain.passes > 50);
	assert_true(batched.passes <= batched.ms / 250 + 4);
	assert_true(wbatched <= (uint64_t)batched.ms / 250 + 6);
	/* The terminal's fd is answered at once all the same. */
	assert_true(batched.urgent_lag_ms >= 0);
	assert_true(batched.urgent_lag_ms < 125);     /* half a slot */
}

static void
batching_rounds_timers_to_the_slot(void **state)
{
	struct wr_err err;
	struct loop *loop = loop_new(&err);
	struct seen s = { .fd_to_remove = -1 };
	int64_t start;

	loop_set_batch(loop, 200);
	start = loop_now_ms();
	loop_timer_add(loop, 10, 0, on_timer, &s);
	while (s.timers == 0 && loop_now_ms() - start < 2000)
		loop_run_once(loop, -1, &err);
	assert_int_equal(s.timers, 1);
	/* Late by less than one slot, and at a slot boundary. */
	assert_true(loop_now_ms() - start < 10 + 200 + 50);
	assert_true(loop_now_ms() % 200 < 50);
	loop_free(loop);
}

/* What poll() did, the loop still does: a parked fd whose other end hung
 * up is not reported, a regular file (which epoll refuses) is always
 * ready, and an fd closed and reopened under the same number from a
 * callback gets only its own events. */
struct reuse {
	struct loop *loop;
	int calls_old, calls_new;
	int pipe2[2];
};

static void
on_new(struct loop *loop, int fd, unsigned events, void *arg)
{
	((struct reuse *)arg)->calls_new++;
}

static void
on_old(struct loop *loop, int fd, unsigned events, void *arg)
{
	struct reuse *r = arg;

	r->calls_old++;
	/* Drop this fd and take the same number for another pipe's end. */
	loop_fd_remove(loop, fd);
	close(fd);
	assert_int_equal(dup2(r->pipe2[0], fd), fd);
	assert_int_equal(loop_fd_add(loop, fd, LOOP_READ, on_new, r), 0);
}

static void
epoll_keeps_poll_semantics(void **state)
{
	struct wr_err err;
	struct loop *loop = loop_new(&err);
	struct seen s = { .fd_to_remove = -1 };
	struct reuse r = { .loop = loop };
	char path[] = "/tmp/test_loop.XXXXXX";
	int p[2], a[2], b[2], f;

	assert_non_null(loop);
	/* Parked, then the writer goes away: no LOOP_ERROR for a parked fd. */
	assert_int_equal(pipe(p), 0);
	assert_int_equal(loop_fd_add(loop, p[0], 0, on_read, &s), 0);
	close(p[1]);
	assert_int_equal(loop_run_once(loop, 20, &err), 0);
	assert_int_equal(s.reads, 0);
	loop_fd_remove(loop, p[0]);
	close(p[0]);

	/* A regular file is ready at once, every pass. */
	f = mkstemp(path);
	assert_true(f >= 0);
	unlink(path);
	assert_int_equal(write(f, "abc", 3), 3);
	lseek(f, 0, SEEK_SET);
	assert_int_equal(loop_fd_add(loop, f, LOOP_READ, on_read, &s), 0);
	assert_int_equal(loop_run_once(loop, 5000, &err), 0);
	assert_int_equal(s.reads, 1);
	assert_int_equal(loop_run_once(loop, 5000, &err), 0);
	assert_int_equal(s.reads, 2);
	loop_fd_remove(loop, f);
	close(f);

	/* Reused fd number inside a callback. */
	assert_int_equal(pipe(a), 0);
	assert_int_equal(pipe(r.pipe2), 0);
	assert_int_equal(pipe(b), 0);
	assert_int_equal(loop_fd_add(loop, a[0], LOOP_READ, on_old, &r), 0);
	assert_int_equal(write(a[1], "x", 1), 1);
	assert_int_equal(loop_run_once(loop, 1000, &err), 0);
	assert_int_equal(r.calls_old, 1);
	assert_int_equal(r.calls_new, 0);     /* r.pipe2 has nothing yet */
	assert_int_equal(write(r.pipe2[1], "y", 1), 1);
	assert_int_equal(loop_run_once(loop, 1000, &err), 0);
	assert_int_equal(r.calls_old, 1);
	assert_int_equal(r.calls_new, 1);
	loop_fd_remove(loop, a[0]);
	close(a[0]);
	close(a[1]);
	close(b[0]);
	close(b[1]);
	close(r.pipe2[0]);
	close(r.pipe2[1]);
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
		cmocka_unit_test(batching_serves_a_stream_in_slots),
		cmocka_unit_test(batching_rounds_timers_to_the_slot),
		cmocka_unit_test(epoll_keeps_poll_semantics),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
