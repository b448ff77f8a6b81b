/*
 * loop.h — the one event loop: poll() over registered fds, a self-pipe for
 * signals, and timers. Everything that waits in warroom waits here.
 */
#ifndef WARROOM_LOOP_H
#define WARROOM_LOOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/timerq.h"
#include "warroom/util.h"

enum {
	LOOP_READ = 1 << 0,
	LOOP_WRITE = 1 << 1,
	LOOP_ERROR = 1 << 2,     /* reported only: POLLERR, POLLHUP, POLLNVAL */
};

struct loop;

typedef void (*loop_fd_fn)(struct loop *loop, int fd, unsigned events, void *arg);
typedef void (*loop_signal_fn)(struct loop *loop, int signo, void *arg);
typedef void (*loop_pass_fn)(struct loop *loop, void *arg);

/* A new loop with its signal self-pipe; NULL with err filled on failure. */
struct loop *loop_new(struct wr_err *err);

/* Restore signal dispositions and free the loop (registered fds stay open). */
void loop_free(struct loop *loop);

/* Watch fd for LOOP_READ and/or LOOP_WRITE; fn gets the events that fired. */
int loop_fd_add(struct loop *loop, int fd, unsigned events, loop_fd_fn fn, void *arg);

/* Change what fd is watched for (0 parks it without forgetting it). */
int loop_fd_set_events(struct loop *loop, int fd, unsigned events);

/* Stop watching fd; safe to call from any callback, the fd's own included. */
void loop_fd_remove(struct loop *loop, int fd);

/* Deliver these signals to fn from the loop (never from the handler). */
int loop_signals(struct loop *loop, const int *signals, size_t n,
    loop_signal_fn fn, void *arg);

/* A timer firing after delay_ms, then every repeat_ms if non-zero. */
uint64_t loop_timer_add(struct loop *loop, int64_t delay_ms, int64_t repeat_ms,
    timerq_fn fn, void *arg);
void loop_timer_cancel(struct loop *loop, uint64_t id);

/* Mark fd as one that is always answered at once (the terminal), even
 * while network work is being batched (loop_set_batch). */
int loop_fd_set_urgent(struct loop *loop, int fd, bool urgent);

/* Batch network work: with slot_ms > 0, fds not marked urgent and timers
 * are served at most once per slot_ms boundary while work keeps arriving,
 * so a calm console wakes a few times a second instead of once per packet.
 * 0 (the default) serves everything as soon as it is ready. */
void loop_set_batch(struct loop *loop, int64_t slot_ms);

/* Called once per pass just before the loop sleeps (e.g. to draw). */
void loop_set_before_sleep(struct loop *loop, loop_pass_fn fn, void *arg);

/* Sleep until something happens (at most max_wait_ms, -1: no limit) and
 * dispatch it. Returns 0, or -1 with err filled when poll() fails. */
int loop_run_once(struct loop *loop, int max_wait_ms, struct wr_err *err);

/* The loop's monotonic clock in milliseconds. */
int64_t loop_now_ms(void);

/* Wall clock in milliseconds since the epoch: the journal's times are. */
int64_t loop_wall_ms(void);

/* How many times poll() could sleep (a timeout other than 0), for wake-up
 * accounting. */
uint64_t loop_wakeups(const struct loop *loop);

#endif
