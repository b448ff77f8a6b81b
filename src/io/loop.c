/*
 * loop.c — one thread, one epoll. Registered fds, timers and signals all
 * end up as callbacks from loop_run_once(). Signal handlers only write the
 * signal number to a self-pipe; the loop reads it and calls the signal
 * callback in normal context. With nothing to do the process sleeps in
 * epoll_wait() until the next timer, so an idle console costs no CPU.
 *
 * epoll, not poll(): a 50-host console watches some 450 fds (sessions,
 * tunnel bridges, libcurl's connections), and poll() made the kernel look
 * at every one of them on every pass; epoll_wait() costs what is ready.
 * An fd's interest changes only when what it waits for changes, so the
 * pool's per-pass "read, and write if blocked" costs no syscall.
 *
 * Batching (loop_set_batch): a calm fleet of 50 hosts still sends a few
 * packets every few milliseconds, and waking for each one costs more than
 * the work. Once a pass has served network work, the next sleep watches
 * only the urgent fds (the terminal, the signal pipe: a second epoll set
 * holds just those) until the next slot boundary, where everything that
 * arrived meanwhile is served in one pass; timers are rounded up to the
 * same boundaries. A quiet pass ends it, so an isolated packet is still
 * served at once.
 *
 * epoll refuses regular files (a terminal's stdin redirected from one);
 * poll() reports them always ready, and so does this loop.
 */
#include "warroom/loop.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#define LOOP_MAX_SIGNALS 8

struct loop_fd {
	int fd;
	unsigned events;                 /* what the owner asked for */
	unsigned in_all, in_urgent;      /* what each epoll set holds (0: absent) */
	loop_fd_fn fn;
	void *arg;
	bool removed;
	bool urgent;
	bool plain;                      /* epoll refused it: always ready */
	bool bad;                        /* … because it is no open fd */
	struct loop_fd *next_dead;
};

struct loop {
	int ep_all;                      /* every watched fd */
	int ep_urgent;                   /* the urgent ones alone */
	struct loop_fd **byfd;           /* indexed by fd */
	size_t capbyfd;
	size_t nfds, nplain;
	struct loop_fd *dead;            /* removed, freed after dispatch */
	struct epoll_event *evs;
	size_t capevs;
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
/* Set with each byte written: a pass reads the pipe first only then. */
static volatile sig_atomic_t sig_caught;

static void
on_signal(int signo)
{
	int saved = errno;
	unsigned char b = (unsigned char)signo;

	sig_caught = 1;
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

int64_t
loop_wall_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
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
	loop->ep_all = epoll_create1(EPOLL_CLOEXEC);
	loop->ep_urgent = epoll_create1(EPOLL_CLOEXEC);
	if (loop->ep_all < 0 || loop->ep_urgent < 0) {
		wr_err_set(err, "cannot create an epoll set: %s", strerror(errno));
		goto fail;
	}
	if (pipe(loop->sigpipe) != 0 || set_nonblock_cloexec(loop->sigpipe[0]) != 0 ||
	    set_nonblock_cloexec(loop->sigpipe[1]) != 0) {
		wr_err_set(err, "cannot create the signal pipe: %s", strerror(errno));
		goto fail;
	}
	loop_fd_add(loop, loop->sigpipe[0], LOOP_READ, drain_signals, NULL);
	loop_fd_set_urgent(loop, loop->sigpipe[0], true);
	return loop;
fail:
	if (loop->ep_all >= 0)
		close(loop->ep_all);
	if (loop->ep_urgent >= 0)
		close(loop->ep_urgent);
	free(loop);
	return NULL;
}

static void
free_dead(struct loop *loop)
{
	while (loop->dead != NULL) {
		struct loop_fd *e = loop->dead;

		loop->dead = e->next_dead;
		free(e);
	}
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
	for (i = 0; i < loop->capbyfd; i++)
		free(loop->byfd[i]);
	free_dead(loop);
	close(loop->ep_all);
	close(loop->ep_urgent);
	timerq_free(&loop->timers);
	free(loop->byfd);
	free(loop->evs);
	free(loop);
}

static struct loop_fd *
find_fd(struct loop *loop, int fd)
{
	if (fd < 0 || (size_t)fd >= loop->capbyfd)
		return NULL;
	return loop->byfd[fd];
}

/* Bring one epoll set in line with what e should be watched for there:
 * added, changed or taken out. A parked fd (0) is taken out, since epoll
 * would still report its hang-ups, which poll() with no events did not. */
static void
sync_set(struct loop *loop, int ep, struct loop_fd *e, unsigned want, unsigned *have)
{
	struct epoll_event ev = { .data.ptr = e };
	int op;

	if (want == *have || e->plain)
		return;
	ev.events = ((want & LOOP_READ) ? EPOLLIN : 0) | ((want & LOOP_WRITE) ? EPOLLOUT : 0);
	op = want == 0 ? EPOLL_CTL_DEL : *have == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
	if (epoll_ctl(ep, op, e->fd, &ev) != 0 && op == EPOLL_CTL_ADD) {
		/* A regular file (EPERM) poll() would call always ready; a bad
		 * fd it would report (POLLNVAL): so does this loop. */
		e->plain = true;
		e->bad = errno != EPERM;
		loop->nplain++;
		return;
	}
	*have = want;
}

static void
sync_fd(struct loop *loop, struct loop_fd *e)
{
	sync_set(loop, loop->ep_all, e, e->events, &e->in_all);
	sync_set(loop, loop->ep_urgent, e, e->urgent ? e->events : 0, &e->in_urgent);
}

int
loop_fd_add(struct loop *loop, int fd, unsigned events, loop_fd_fn fn, void *arg)
{
	struct loop_fd *e;

	if (fd < 0 || find_fd(loop, fd) != NULL)
		return -1;
	if ((size_t)fd >= loop->capbyfd) {
		size_t cap = loop->capbyfd ? loop->capbyfd : 64;

		while (cap <= (size_t)fd)
			cap *= 2;
		loop->byfd = xrealloc(loop->byfd, cap * sizeof(*loop->byfd));
		memset(loop->byfd + loop->capbyfd, 0, (cap - loop->capbyfd) * sizeof(*loop->byfd));
		loop->capbyfd = cap;
	}
	e = xcalloc(1, sizeof(*e));
	*e = (struct loop_fd){ .fd = fd, .fn = fn, .arg = arg };
	loop->byfd[fd] = e;
	loop->nfds++;
	e->events = events;
	sync_fd(loop, e);
	return 0;
}

int
loop_fd_set_events(struct loop *loop, int fd, unsigned events)
{
	struct loop_fd *e = find_fd(loop, fd);

	if (e == NULL)
		return -1;
	e->events = events;
	sync_fd(loop, e);
	return 0;
}

int
loop_fd_set_urgent(struct loop *loop, int fd, bool urgent)
{
	struct loop_fd *e = find_fd(loop, fd);

	if (e == NULL)
		return -1;
	e->urgent = urgent;
	sync_fd(loop, e);
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

void
loop_fd_remove(struct loop *loop, int fd)
{
	struct loop_fd *e = find_fd(loop, fd);

	if (e == NULL)
		return;
	e->events = 0;
	sync_fd(loop, e);
	if (e->plain)
		loop->nplain--;
	loop->byfd[fd] = NULL;
	loop->nfds--;
	/* Events already fetched may still point at it: free it after them. */
	e->removed = true;
	e->next_dead = loop->dead;
	loop->dead = e;
	if (!loop->dispatching)
		free_dead(loop);
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

/* Is a plain (always ready) fd watched in this pass? */
static bool
plain_ready(const struct loop *loop, bool urgent_only)
{
	size_t i;

	if (loop->nplain == 0)
		return false;
	for (i = 0; i < loop->capbyfd; i++) {
		const struct loop_fd *e = loop->byfd[i];

		if (e != NULL && e->plain && e->events && (!urgent_only || e->urgent))
			return true;
	}
	return false;
}

static void
dispatch(struct loop_fd *e, unsigned ev, bool *served_network, struct loop *loop)
{
	if (e->removed || ev == 0)
		return;
	if (!e->urgent)
		*served_network = true;
	e->fn(loop, e->fd, ev, e->arg);
}

int
loop_run_once(struct loop *loop, int max_wait_ms, struct wr_err *err)
{
	int64_t wait, now;
	bool urgent_only, served_network = false, plain;
	size_t i;
	int r;

	/* A signal caught since the last pass goes before the timers: after
	 * SIGCONT the console must know it was stopped before a tick records
	 * what it read then (journal_observe_continued). */
	if (sig_caught) {
		sig_caught = 0;
		drain_signals(loop, loop->sigpipe[0], LOOP_READ, NULL);
	}
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
	if (loop->capevs < loop->nfds + 1) {
		loop->capevs = loop->nfds + 16;
		loop->evs = xrealloc(loop->evs, loop->capevs * sizeof(*loop->evs));
	}

again:
	plain = plain_ready(loop, urgent_only);
	if (plain)
		wait = 0;
	r = epoll_wait(urgent_only ? loop->ep_urgent : loop->ep_all, loop->evs,
	    (int)loop->capevs, (int)wait);
	if (wait != 0)
		loop->wakeups++;
	if (r < 0) {
		if (errno == EINTR)
			return 0;
		return wr_err_set(err, "epoll_wait: %s", strerror(errno));
	}
	/* The slot's end: serve what the network sent meanwhile, now. */
	if (r == 0 && !plain && urgent_only && loop_now_ms() >= loop->next_slot) {
		urgent_only = false;
		wait = 0;
		goto again;
	}
	loop->dispatching++;
	for (i = 0; i < (size_t)r; i++) {
		struct loop_fd *e = loop->evs[i].data.ptr;
		uint32_t re = loop->evs[i].events;
		unsigned ev = 0;

		if (re & EPOLLIN)
			ev |= LOOP_READ;
		if (re & EPOLLOUT)
			ev |= LOOP_WRITE;
		if (re & (EPOLLERR | EPOLLHUP))
			ev |= LOOP_ERROR;
		dispatch(e, ev, &served_network, loop);
	}
	for (i = 0; plain && i < loop->capbyfd; i++) {
		struct loop_fd *e = loop->byfd[i];

		if (e != NULL && e->plain && (!urgent_only || e->urgent))
			dispatch(e, (e->events & (LOOP_READ | LOOP_WRITE)) | (e->bad ? LOOP_ERROR : 0),
			    &served_network, loop);
	}
	loop->dispatching--;
	if (!loop->dispatching)
		free_dead(loop);
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
