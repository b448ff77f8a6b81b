/*
 * loop.c — one thread, one poll(). Registered fds, timers and signals all
 * end up as callbacks from loop_run_once(). Signal handlers only write the
 * signal number to a self-pipe; the loop reads it and calls the signal
 * callback in normal context. With nothing to do the process sleeps in
 * poll() until the next timer, so an idle console costs no CPU.
 *
 * Batching (loop_set_batch): a calm fleet of 50 hosts still sends a few
 * packets every few milliseconds, and waking for each one costs more than
 * the work. Once a pass has served network work, the next sleep watches
 * only the urgent fds (the terminal, the signal pipe) until the next slot
 * boundary, where everything that arrived meanwhile is served in one pass;
 * timers are rounded up to the same boundaries. A quiet pass ends it, so
 * an isolated packet is still served at once.
 */
#include "warroom/loop.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define LOOP_MAX_SIGNALS 8

struct loop_fd {
	int fd;
	unsigned events;
	loop_fd_fn fn;
	void *arg;
	bool removed;
	bool urgent;
};

struct loop {
	struct loop_fd *fds;
	size_t nfds, capfds;
	struct pollfd *pfds;
	size_t cappfds;
	struct timerq timers;
	int sigpipe[2];
	int signals[LOOP_MAX_SIGNALS];
	struct sigaction old[LOOP_MAX_SIGNALS];
	size_t nsignals;
	loop_signal_fn sigfn;
	void *sigarg;
	loop_pass_fn before_sleep;
	void *before_sleep_arg;
	uint64_t wakeups;
	int dispatching;
	int64_t batch_ms;                /* 0: no batching */
	bool deferring;                  /* network waits for next_slot */
	int64_t next_slot;               /* loop clock */
};

/* The write end of the self-pipe: a signal handler can reach nothing else,
 * so this one descriptor is process-wide by necessity. */
static volatile sig_atomic_t sigpipe_wfd = -1;

static void
on_signal(int signo)
{
	int saved = errno;
	unsigned char b = (unsigned char)signo;

	if (sigpipe_wfd >= 0)
		(void)!write(sigpipe_wfd, &b, 1);
	errno = saved;
}

int64_t
loop_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int
set_nonblock_cloexec(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		return -1;
	return fcntl(fd, F_SETFD, FD_CLOEXEC);
}

static void
drain_signals(struct loop *loop, int fd, unsigned events, void *arg)
{
	unsigned char buf[64];
	ssize_t n, i;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		for (i = 0; i < n; i++)
			if (loop->sigfn != NULL)
				loop->sigfn(loop, buf[i], loop->sigarg);
}

struct loop *
loop_new(struct wr_err *err)
{
	struct loop *loop = xcalloc(1, sizeof(*loop));

	timerq_init(&loop->timers);
	if (pipe(loop->sigpipe) != 0 || set_nonblock_cloexec(loop->sigpipe[0]) != 0 ||
	    set_nonblock_cloexec(loop->sigpipe[1]) != 0) {
		wr_err_set(err, "cannot create the signal pipe: %s", strerror(errno));
		free(loop);
		return NULL;
	}
	loop_fd_add(loop, loop->sigpipe[0], LOOP_READ, drain_signals, NULL);
	loop_fd_set_urgent(loop, loop->sigpipe[0], true);
	return loop;
}

void
loop_free(struct loop *loop)
{
	size_t i;

	if (loop == NULL)
		return;
	for (i = 0; i < loop->nsignals; i++)
		sigaction(loop->signals[i], &loop->old[i], NULL);
	sigpipe_wfd = -1;
	close(loop->sigpipe[0]);
	close(loop->sigpipe[1]);
	timerq_free(&loop->timers);
	free(loop->fds);
	free(loop->pfds);
	free(loop);
}

static struct loop_fd *
find_fd(struct loop *loop, int fd)
{
	size_t i;

	for (i = 0; i < loop->nfds; i++)
		if (loop->fds[i].fd == fd && !loop->fds[i].removed)
			return &loop->fds[i];
	return NULL;
}

int
loop_fd_add(struct loop *loop, int fd, unsigned events, loop_fd_fn fn, void *arg)
{
	struct loop_fd *e;

	if (find_fd(loop, fd) != NULL)
		return -1;
	if (loop->nfds == loop->capfds) {
		loop->capfds = loop->capfds ? loop->capfds * 2 : 16;
		loop->fds = xrealloc(loop->fds, loop->capfds * sizeof(*loop->fds));
	}
	e = &loop->fds[loop->nfds++];
	*e = (struct loop_fd){ .fd = fd, .events = events, .fn = fn, .arg = arg };
	return 0;
}

int
loop_fd_set_events(struct loop *loop, int fd, unsigned events)
{
	struct loop_fd *e = find_fd(loop, fd);

	if (e == NULL)
		return -1;
	e->events = events;
	return 0;
}

int
loop_fd_set_urgent(struct loop *loop, int fd, bool urgent)
{
	struct loop_fd *e = find_fd(loop, fd);

	if (e == NULL)
		return -1;
	e->urgent = urgent;
	return 0;
}

void
loop_set_batch(struct loop *loop, int64_t slot_ms)
{
	loop->batch_ms = slot_ms > 0 ? slot_ms : 0;
	if (loop->batch_ms == 0)
		loop->deferring = false;
}

/* The first slot boundary after t. */
static int64_t
slot_after(int64_t t, int64_t slot)
{
	return (t / slot + 1) * slot;
}

static void
compact(struct loop *loop)
{
	size_t i, j = 0;

	for (i = 0; i < loop->nfds; i++)
		if (!loop->fds[i].removed)
			loop->fds[j++] = loop->fds[i];
	loop->nfds = j;
}

void
loop_fd_remove(struct loop *loop, int fd)
{
	struct loop_fd *e = find_fd(loop, fd);

	if (e == NULL)
		return;
	/* While dispatching, the array is being walked: mark now, compact later. */
	e->removed = true;
	if (!loop->dispatching)
		compact(loop);
}

int
loop_signals(struct loop *loop, const int *signals, size_t n, loop_signal_fn fn,
    void *arg)
{
	struct sigaction sa;
	size_t i;

	if (loop->nsignals + n > LOOP_MAX_SIGNALS)
		return -1;
	loop->sigfn = fn;
	loop->sigarg = arg;
	sigpipe_wfd = loop->sigpipe[1];
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	for (i = 0; i < n; i++) {
		if (sigaction(signals[i], &sa, &loop->old[loop->nsignals]) != 0)
			return -1;
		loop->signals[loop->nsignals++] = signals[i];
	}
	return 0;
}

uint64_t
loop_timer_add(struct loop *loop, int64_t delay_ms, int64_t repeat_ms,
    timerq_fn fn, void *arg)
{
	return timerq_add(&loop->timers, loop_now_ms(), delay_ms, repeat_ms, fn, arg);
}

void
loop_timer_cancel(struct loop *loop, uint64_t id)
{
	timerq_cancel(&loop->timers, id);
}

void
loop_set_before_sleep(struct loop *loop, loop_pass_fn fn, void *arg)
{
	loop->before_sleep = fn;
	loop->before_sleep_arg = arg;
}

uint64_t
loop_wakeups(const struct loop *loop)
{
	return loop->wakeups;
}

int
loop_run_once(struct loop *loop, int max_wait_ms, struct wr_err *err)
{
	int64_t wait, now;
	bool urgent_only, served_network = false;
	size_t i, n;
	int r;

	timerq_run(&loop->timers, loop_now_ms());
	if (loop->before_sleep != NULL)
		loop->before_sleep(loop, loop->before_sleep_arg);
	now = loop_now_ms();
	wait = timerq_wait_ms(&loop->timers, now);
	urgent_only = loop->batch_ms > 0 && loop->deferring && now < loop->next_slot;
	if (loop->batch_ms > 0 && wait > 0)
		wait = slot_after(now + wait - 1, loop->batch_ms) - now;
	if (urgent_only && (wait < 0 || wait > loop->next_slot - now))
		wait = loop->next_slot - now;
	if (max_wait_ms >= 0 && (wait < 0 || wait > max_wait_ms))
		wait = max_wait_ms;
	if (wait > 24 * 3600 * 1000)
		wait = 24 * 3600 * 1000;

again:
	n = loop->nfds;
	if (n > loop->cappfds) {
		loop->cappfds = n;
		loop->pfds = xrealloc(loop->pfds, n * sizeof(*loop->pfds));
	}
	for (i = 0; i < n; i++) {
		bool watch = loop->fds[i].events && (!urgent_only || loop->fds[i].urgent);

		loop->pfds[i].fd = watch ? loop->fds[i].fd : -1;
		loop->pfds[i].events = (short)(((loop->fds[i].events & LOOP_READ) ? POLLIN : 0) |
		    ((loop->fds[i].events & LOOP_WRITE) ? POLLOUT : 0));
		loop->pfds[i].revents = 0;
	}
	r = poll(loop->pfds, (nfds_t)n, (int)wait);
	if (wait != 0)
		loop->wakeups++;
	if (r < 0) {
		if (errno == EINTR)
			return 0;
		return wr_err_set(err, "poll: %s", strerror(errno));
	}
	/* The slot's end: serve what the network sent meanwhile, now. */
	if (r == 0 && urgent_only && loop_now_ms() >= loop->next_slot) {
		urgent_only = false;
		wait = 0;
		goto again;
	}
	loop->dispatching++;
	for (i = 0; i < n && r > 0; i++) {
		struct loop_fd *e = &loop->fds[i];
		short re = loop->pfds[i].revents;
		unsigned ev = 0;

		if (re == 0 || e->removed || loop->pfds[i].fd != e->fd)
			continue;
		if (re & POLLIN)
			ev |= LOOP_READ;
		if (re & POLLOUT)
			ev |= LOOP_WRITE;
		if (re & (POLLERR | POLLHUP | POLLNVAL))
			ev |= LOOP_ERROR;
		if (!e->urgent)
			served_network = true;
		e->fn(loop, e->fd, ev, e->arg);
		/* fn may have added fds: the array may have moved. */
	}
	loop->dispatching--;
	compact(loop);
	now = loop_now_ms();
	/* A pass that served network work defers the next until the slot
	 * boundary; a pass at the boundary that found none ends the batch. */
	if (loop->batch_ms > 0 && (!urgent_only || now >= loop->next_slot)) {
		loop->deferring = served_network;
		loop->next_slot = slot_after(now, loop->batch_ms);
	}
	timerq_run(&loop->timers, now);
	return 0;
}
