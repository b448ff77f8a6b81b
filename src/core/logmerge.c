/*
 * logmerge.c — a binary min-heap of waiting lines keyed by (time, arrival).
 * Only the heap's top may leave, and only once due, so a line never passes
 * an older one that is still waiting.
 */
#include "warroom/logmerge.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/util.h"

void
logmerge_init(struct logmerge *m, int64_t hold_ms)
{
	memset(m, 0, sizeof(*m));
	m->hold_ms = hold_ms;
}

static int
before(const struct logmerge_line *a, const struct logmerge_line *b)
{
	return a->ts_ms < b->ts_ms || (a->ts_ms == b->ts_ms && a->seq < b->seq);
}

static void
swap(struct logmerge_line *a, struct logmerge_line *b)
{
	struct logmerge_line t = *a;

	*a = *b;
	*b = t;
}

static void
sift_up(struct logmerge *m, size_t i)
{
	while (i > 0 && before(&m->heap[i], &m->heap[(i - 1) / 2])) {
		swap(&m->heap[i], &m->heap[(i - 1) / 2]);
		i = (i - 1) / 2;
	}
}

static void
sift_down(struct logmerge *m, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, min = i;

		if (l < m->n && before(&m->heap[l], &m->heap[min]))
			min = l;
		if (r < m->n && before(&m->heap[r], &m->heap[min]))
			min = r;
		if (min == i)
			return;
		swap(&m->heap[i], &m->heap[min]);
		i = min;
	}
}

void
logmerge_push(struct logmerge *m, const char *text, size_t len, int stream, int64_t ts_ms,
    int64_t now_ms)
{
	struct logmerge_line *l;

	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 256;
		m->heap = xrealloc(m->heap, m->cap * sizeof(*m->heap));
	}
	l = &m->heap[m->n];
	l->ts_ms = ts_ms >= 0 ? ts_ms : now_ms;
	l->timed = ts_ms >= 0;
	l->due_ms = now_ms + m->hold_ms;
	l->seq = m->seq++;
	l->stream = stream;
	l->text = xmalloc(len + 1);
	memcpy(l->text, text, len);
	l->text[len] = '\0';
	l->len = len;
	sift_up(m, m->n++);
}

void
logmerge_gate(struct logmerge *m, uint32_t mask, int64_t until_ms)
{
	m->gate = mask;
	m->gate_until = until_ms;
}

bool
logmerge_gate_open(struct logmerge *m, unsigned src)
{
	uint32_t bit = src < 32 ? (uint32_t)1 << src : 0;

	if ((m->gate & bit) == 0)
		return false;
	m->gate &= ~bit;
	return m->gate == 0;
}

int64_t
logmerge_drain(struct logmerge *m, int64_t now_ms, int flush, logmerge_emit_fn emit,
    void *arg)
{
	if (m->gate != 0 && now_ms >= m->gate_until)
		m->gate = 0;
	/* Still waiting for a source: a line too many may not wait. */
	if (m->gate != 0 && !flush && m->n <= LOGMERGE_MAX_WAITING)
		return m->n > 0 ? m->gate_until : -1;
	while (m->n > 0 && (flush || m->heap[0].due_ms <= now_ms ||
	    m->n > LOGMERGE_MAX_WAITING)) {
		struct logmerge_line top = m->heap[0];

		m->heap[0] = m->heap[--m->n];
		sift_down(m, 0);
		emit(top.text, top.len, top.stream, top.timed ? top.ts_ms : -1, arg);
		free(top.text);
	}
	return m->n > 0 ? m->heap[0].due_ms : -1;
}

int64_t
logmerge_carry_time(struct logmerge_carry *c, int64_t ts_ms, int64_t now_ms)
{
	if (ts_ms >= 0) {
		c->ts_ms = ts_ms;
		c->at_ms = now_ms;
		return ts_ms;
	}
	/* A backlog's untimed line would otherwise take its arrival, minutes
	 * after its own time, and leave its timed line far behind. */
	if (c->ts_ms >= 0 && now_ms - c->at_ms <= LOGMERGE_CARRY_MS)
		return c->ts_ms;
	return -1;
}

int64_t
logmerge_parse_time(const char *s, size_t len)
{
	const char *e = s + (len < 96 ? len : 96), *p;
	int64_t secs;
	int ms;

	for (p = s; p + 19 <= e; p++)
		if (p[4] == '-' && (p == s || p[-1] < '0' || p[-1] > '9') &&
		    wr_parse_rfc3339(p, len - (size_t)(p - s), &secs, &ms) && secs >= 0)
			return secs * 1000 + ms;
	return -1;
}

void
logmerge_free(struct logmerge *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->heap[i].text);
	free(m->heap);
	memset(m, 0, sizeof(*m));
}

void
logmerge_fill_init(struct logmerge_fill *f)
{
	unsigned i;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < LOGMERGE_FILL_SERVICES; i++)
		f->newest[i] = INT64_MIN;
}

void
logmerge_fill_resume(struct logmerge_fill *f, unsigned svc)
{
	if (svc >= LOGMERGE_FILL_SERVICES)
		return;
	f->resumed[svc] = true;
	f->filled[svc] = 0;
	f->said[svc] = 0;
}

bool
logmerge_fill_note(struct logmerge_fill *f, unsigned svc, int64_t ts_ms)
{
	int64_t others = INT64_MIN;
	bool older;
	unsigned i;

	if (svc >= LOGMERGE_FILL_SERVICES || ts_ms < 0)
		return false;
	for (i = 0; i < LOGMERGE_FILL_SERVICES; i++)
		if (i != svc && f->newest[i] > others)
			others = f->newest[i];
	if (ts_ms > f->newest[svc])
		f->newest[svc] = ts_ms;
	older = ts_ms < others;
	/* Caught up: later lines older than another's are the merge's usual
	 * jitter, not the break's. */
	if (!older)
		f->resumed[svc] = false;
	if (!older || !f->resumed[svc])
		return false;
	f->filled[svc]++;
	return true;
}

uint64_t
logmerge_fill_news(struct logmerge_fill *f, unsigned *svc)
{
	unsigned i;

	for (i = 0; i < LOGMERGE_FILL_SERVICES; i++)
		if (f->filled[i] != f->said[i]) {
			f->said[i] = f->filled[i];
			*svc = i;
			return f->filled[i];
		}
	return 0;
}
