/*
 * timerq.c — the timer queue behind loop.c. A plain array scanned linearly:
 * a console has tens of timers, and a callback may add or cancel timers
 * (itself included) while the queue runs.
 */
#include "warroom/timerq.h"

#include <stdlib.h>

#include "warroom/util.h"

void
timerq_init(struct timerq *q)
{
	q->v = NULL;
	q->n = q->cap = 0;
	q->next_id = 1;
}

void
timerq_free(struct timerq *q)
{
	free(q->v);
	timerq_init(q);
}

uint64_t
timerq_add(struct timerq *q, int64_t now_ms, int64_t delay_ms,
    int64_t repeat_ms, timerq_fn fn, void *arg)
{
	struct timerq_entry *e;

	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 16;
		q->v = xrealloc(q->v, q->cap * sizeof(*q->v));
	}
	e = &q->v[q->n++];
	e->id = q->next_id++;
	e->due_ms = now_ms + (delay_ms > 0 ? delay_ms : 0);
	e->repeat_ms = repeat_ms > 0 ? repeat_ms : 0;
	e->fn = fn;
	e->arg = arg;
	return e->id;
}

static size_t
find(const struct timerq *q, uint64_t id)
{
	size_t i;

	for (i = 0; i < q->n; i++)
		if (q->v[i].id == id)
			return i;
	return (size_t)-1;
}

void
timerq_cancel(struct timerq *q, uint64_t id)
{
	size_t i = find(q, id);

	if (i == (size_t)-1)
		return;
	q->v[i] = q->v[--q->n];
}

int64_t
timerq_wait_ms(const struct timerq *q, int64_t now_ms)
{
	int64_t best = -1;
	size_t i;

	for (i = 0; i < q->n; i++) {
		int64_t w = q->v[i].due_ms - now_ms;

		if (w < 0)
			w = 0;
		if (best < 0 || w < best)
			best = w;
	}
	return best;
}

int
timerq_run(struct timerq *q, int64_t now_ms)
{
	int ran = 0;
	uint64_t limit = q->next_id;  /* timers added while running wait a pass */

	for (;;) {
		size_t i, pick = (size_t)-1;
		struct timerq_entry e;

		for (i = 0; i < q->n; i++)
			if (q->v[i].due_ms <= now_ms && q->v[i].id < limit &&
			    (pick == (size_t)-1 || q->v[i].due_ms < q->v[pick].due_ms))
				pick = i;
		if (pick == (size_t)-1)
			return ran;
		e = q->v[pick];
		if (e.repeat_ms > 0) {
			int64_t next = e.due_ms + e.repeat_ms;

			q->v[pick].due_ms = next > now_ms ? next : now_ms + e.repeat_ms;
		} else
			q->v[pick] = q->v[--q->n];
		e.fn(e.arg);
		ran++;
	}
}
