/*
 * timerq.h — one-shot and repeating timers on a caller-supplied clock.
 *
 * The queue never reads a clock: the loop passes "now" in milliseconds, so
 * tests drive time by hand.
 */
#ifndef WARROOM_TIMERQ_H
#define WARROOM_TIMERQ_H

#include <stddef.h>
#include <stdint.h>

typedef void (*timerq_fn)(void *arg);

struct timerq_entry {
	uint64_t id;
	int64_t due_ms;
	int64_t repeat_ms;       /* 0: one-shot */
	timerq_fn fn;
	void *arg;
};

struct timerq {
	struct timerq_entry *v;
	size_t n, cap;
	uint64_t next_id;
};

void timerq_init(struct timerq *q);
void timerq_free(struct timerq *q);

/* Schedule fn(arg) at now + delay_ms, then every repeat_ms if non-zero.
 * Returns an id (never 0) for timerq_cancel. */
uint64_t timerq_add(struct timerq *q, int64_t now_ms, int64_t delay_ms,
    int64_t repeat_ms, timerq_fn fn, void *arg);

/* Cancel a timer; harmless if it already fired or was cancelled. */
void timerq_cancel(struct timerq *q, uint64_t id);

/* Milliseconds from now until the next timer is due (0 if overdue), or -1 when none. */
int64_t timerq_wait_ms(const struct timerq *q, int64_t now_ms);

/* Run every timer due at now_ms; returns how many ran. A repeating timer that
 * fell behind runs once and is rescheduled from now, never in a burst. */
int timerq_run(struct timerq *q, int64_t now_ms);

#endif
