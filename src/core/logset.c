/*
 * logset.c — one logbuf per source and one order across them.
 *
 * A line's 16-bit tag in its logbuf is a warning bit and its gap: its id
 * less the id of the line before it in the same ring. One service alone
 * has gaps of 1, and its ids are plain arithmetic from the newest line
 * (dense_from: where that run began). Merged services interleave with
 * small gaps; a quiet service beside a flood may see a gap too long for
 * 15 bits, and then the line before it gets a mark holding its id whole.
 * Where gaps are not all 1, a mark every 128 lines (set when the run of
 * ones ends) bounds the walk that turns gaps into an id: from the first
 * mark at or after a line, back down to it, subtracting gaps. Walking
 * down never meets a long gap, because the line before one is marked.
 */
#include "warroom/logset.h"

#include <stdlib.h>
#include <string.h>

#include "warroom/logmerge.h"
#include "warroom/util.h"

#define TAG_WARN 0x8000u
#define GAP_MASK 0x7fffu
#define GAP_LONG 0x7fffu                 /* the line before holds a mark */
#define MARK_EVERY 128
/* A full ring refused room asks again after this many drops of its own:
 * the question costs a time probe per ring. */
#define ASK_EVERY 256
/* Less than this (or than a 128th of the asking ring) is not worth moving
 * another ring's lines for. */
#define GIVE_LEAST WR_LOGBUF_MIN_BYTES

static struct logset_ring *
ring_of(struct logset *s, unsigned ring)
{
	return &s->ring[ring < s->nrings ? ring : WR_LOGSET_OWN];
}

static void
ring_init(struct logset_ring *r, size_t limit)
{
	memset(r, 0, sizeof(*r));
	logbuf_init(&r->lb, limit);
}

static void
ring_free(struct logset_ring *r)
{
	logbuf_free(&r->lb);
	free(r->marks);
	memset(r, 0, sizeof(*r));
}

void
logset_init(struct logset *s, size_t limit)
{
	memset(s, 0, sizeof(*s));
	s->limit = limit != 0 ? limit : WR_LOGBUF_DEFAULT_BYTES;
	s->nrings = 1;
	ring_init(&s->ring[WR_LOGSET_OWN], s->limit);
}

void
logset_free(struct logset *s)
{
	unsigned i;

	for (i = 0; i < s->nrings; i++)
		ring_free(&s->ring[i]);
	s->nrings = 0;
}

/* A ring's limit as logbuf_init makes it. */
static size_t
clamp_limit(size_t limit)
{
	if (limit < WR_LOGBUF_MIN_BYTES)
		return WR_LOGBUF_MIN_BYTES;
	return limit > WR_LOGBUF_MAX_BYTES ? WR_LOGBUF_MAX_BYTES : limit;
}

size_t
logset_pool(const struct logset *s)
{
	return s->nrings > 1 ? s->ring[1].lb.limit : 0;
}

size_t
logset_held(const struct logset *s)
{
	size_t n = 0;
	unsigned i;

	for (i = 1; i < s->nrings; i++)
		n += s->ring[i].lb.arena_cap;
	return n;
}

static void marks_prune(struct logset_ring *r);

/* Unix seconds of lb's oldest stamped line (among its first 64). */
static int64_t
oldest_time(const struct logbuf *lb)
{
	uint64_t seq, stop = lb->first + 64 < lb->end ? lb->first + 64 : lb->end;
	int64_t t;

	for (seq = lb->first; seq < stop; seq++)
		if ((t = logbuf_time(lb, seq)) != WR_LOGBUF_NO_TIME)
			return t;
	return WR_LOGBUF_NO_TIME;
}

/* logbuf's question before a service's ring grows: from the room the pool
 * has left, else from the ring with the most to give: lines older than any
 * the asking ring keeps (an empty ring asking keeps none), and room it
 * holds but does not fill (while it holds such lines, or over half its
 * arena is empty). Not enough of that, and the asking ring drops its own
 * oldest lines: it holds the oldest history itself. */
static size_t
grant(struct logbuf *lb, size_t want, void *arg)
{
	struct logset *s = arg;
	struct logset_ring *r = (struct logset_ring *)(void *)lb;
	size_t pool = logset_pool(s), held, best = 0, least;
	bool empty = lb->first == lb->end;
	int64_t mine;
	unsigned i, v = 0;

	/* The pool has room only after a reset, which asks afresh: a full
	 * ring refused pays one compare a line until it may ask again. */
	if (!empty && lb->dropped < r->ask_at)
		return 0;
	held = logset_held(s);
	if (held < pool)
		return want < pool - held ? want : pool - held;
	mine = empty ? INT64_MAX : oldest_time(lb);
	for (i = 1; i < s->nrings; i++) {
		const struct logbuf *o = &s->ring[i].lb;
		size_t give, used;
		int64_t t;

		if (o == lb || o->arena_cap <= WR_LOGBUF_MIN_BYTES)
			continue;
		used = logbuf_used(o);
		give = empty ? used : 0;
		if (!empty && mine != WR_LOGBUF_NO_TIME && (t = oldest_time(o)) !=
		    WR_LOGBUF_NO_TIME && t < mine)
			give = logbuf_used_before(o, logbuf_seek_time(o, mine));
		/* Room a ring just doubled into is not taken back while it fills:
		 * that would trade the same bytes back and forth. */
		if (give > 0 || o->arena_cap - used > o->arena_cap / 2)
			give += o->arena_cap - used;
		if (give > o->arena_cap - WR_LOGBUF_MIN_BYTES)
			give = o->arena_cap - WR_LOGBUF_MIN_BYTES;
		if (give > best) {
			best = give;
			v = i;
		}
	}
	least = lb->arena_cap / 128 > GIVE_LEAST ? lb->arena_cap / 128 : GIVE_LEAST;
	if (least > want)
		least = want;
	if (v == 0 || (best < least && !empty)) {
		r->ask_at = lb->dropped + ASK_EVERY;
		return 0;
	}
	if (best > want)
		best = want;
	logbuf_shrink(&s->ring[v].lb, s->ring[v].lb.arena_cap - best);
	marks_prune(&s->ring[v]);
	return best;
}

void
logset_reset(struct logset *s, unsigned services)
{
	size_t own = s->limit, pool = 0;
	unsigned i;

	if (services > WR_LOGSET_RINGS - 1)
		services = WR_LOGSET_RINGS - 1;
	if (services > 0) {
		/* An action's output is short: a flood's room is what counts. */
		own = clamp_limit(s->limit / 64);
		pool = clamp_limit(s->limit > own ? s->limit - own : 0);
	}
	own = clamp_limit(own);
	for (i = 0; i < WR_LOGSET_RINGS; i++) {
		size_t limit = i == WR_LOGSET_OWN ? own : i <= services ? pool : 0;
		struct logset_ring *r = &s->ring[i];

		if (i < s->nrings && limit == r->lb.limit) {
			/* Its memory serves the next lines (and counts in the pool). */
			logbuf_reset(&r->lb);
			r->marks_len = 0;
			r->dropped_base = r->lb.dropped;
			r->ask_at = 0;
			continue;
		}
		if (i < s->nrings)
			ring_free(r);
		if (limit > 0)
			ring_init(r, limit);
		if (limit > 0 && i != WR_LOGSET_OWN) {
			r->lb.grant = grant;
			r->lb.grant_arg = s;
		}
	}
	s->nrings = 1 + services;
	s->gen++;
}

static struct logset_mark *
mark_at(const struct logset_ring *r, size_t k)
{
	return &r->marks[(r->marks_head + k) & (r->marks_cap - 1)];
}

static void
mark_push(struct logset_ring *r, uint64_t seq, uint64_t id)
{
	if (r->marks_len > 0 && mark_at(r, r->marks_len - 1)->seq >= seq)
		return;
	if (r->marks_len == r->marks_cap) {
		size_t cap = r->marks_cap > 0 ? r->marks_cap * 2 : 16, k;
		struct logset_mark *m = xmalloc(cap * sizeof(*m));

		for (k = 0; k < r->marks_len; k++)
			m[k] = *mark_at(r, k);
		free(r->marks);
		r->marks = m;
		r->marks_cap = cap;
		r->marks_head = 0;
	}
	*mark_at(r, r->marks_len++) = (struct logset_mark){ seq, id };
}

/* Marks of lines the ring has dropped are never asked for again. */
static void
marks_prune(struct logset_ring *r)
{
	while (r->marks_len > 0 && mark_at(r, 0)->seq < r->lb.first) {
		r->marks_head = (r->marks_head + 1) & (r->marks_cap - 1);
		r->marks_len--;
	}
}

/* The tag of the next line of r, which gets id. A gap other than 1 ends
 * the run of lines whose ids were plain arithmetic: they get their
 * regular marks now (a lone service never needs any), and the line before
 * a gap too long for the tag gets one too. */
static uint16_t
tag_next(struct logset_ring *r, uint64_t id, bool warn)
{
	uint64_t seq = r->lb.end, gap = seq > 0 ? id - r->last_id : 1, m;

	if (gap != 1) {
		m = r->dense_from > r->lb.first ? r->dense_from : r->lb.first;
		for (m += MARK_EVERY - 1 - m % MARK_EVERY; m < seq; m += MARK_EVERY)
			mark_push(r, m, r->last_id - (seq - 1 - m));
		if (gap >= GAP_LONG) {
			mark_push(r, seq - 1, r->last_id);
			gap = GAP_LONG;
		}
		r->dense_from = seq;
	}
	return (uint16_t)(gap | (warn ? TAG_WARN : 0));
}

/* After lines up to the one with id were stored: the newest id, and the
 * marks of lines the ring dropped for them. */
static void
stored(struct logset_ring *r, uint64_t id)
{
	r->last_id = id;
	marks_prune(r);
}

uint64_t
logset_append(struct logset *s, unsigned ring, const char *text, size_t len, bool warn)
{
	struct logset_ring *r = ring_of(s, ring);
	uint64_t id = s->end++;

	logbuf_append(&r->lb, text, len, tag_next(r, id, warn));
	stored(r, id);
	return id;
}

void
logset_append_run(struct logset *s, unsigned ring, const char *prefix, size_t plen,
    const char *base, const struct logbuf_piece *pieces, size_t n, bool warn)
{
	struct logset_ring *r = ring_of(s, ring);
	uint64_t id = s->end;
	uint16_t first;

	if (n == 0)
		return;
	first = tag_next(r, id, warn);
	/* The first line's gap is its own; every other one follows by one. */
	logbuf_append_run(&r->lb, prefix, plen, base, pieces, 1, first);
	if (n > 1)
		logbuf_append_run(&r->lb, prefix, plen, base, pieces + 1, n - 1,
		    (uint16_t)(1 | (warn ? TAG_WARN : 0)));
	s->end += n;
	stored(r, id + n - 1);
}

uint64_t
logset_append_raw(struct logset *s, unsigned ring, const char *raw, size_t len, bool warn)
{
	struct logset_ring *r = ring_of(s, ring);
	uint64_t id = s->end++;

	logbuf_append_raw(&r->lb, raw, len, tag_next(r, id, warn));
	stored(r, id);
	return id;
}

unsigned
logset_rings(const struct logset *s)
{
	return s->nrings;
}

const struct logbuf *
logset_buf(const struct logset *s, unsigned ring)
{
	return &s->ring[ring < s->nrings ? ring : WR_LOGSET_OWN].lb;
}

static unsigned
gap_of(const struct logset_ring *r, uint64_t seq)
{
	struct logbuf_line l;

	logbuf_get(&r->lb, seq, &l);
	return l.source & GAP_MASK;
}

/* Index of the first mark at or after seq (marks_len when none is). */
static size_t
mark_from_seq(const struct logset_ring *r, uint64_t seq)
{
	size_t lo = 0, hi = r->marks_len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (mark_at(r, mid)->seq < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Where ids are plain arithmetic: from here to the newest line. */
static uint64_t
dense_start(const struct logset_ring *r)
{
	return r->dense_from > r->lb.first ? r->dense_from : r->lb.first;
}

static uint64_t
ring_id(const struct logset_ring *r, uint64_t seq)
{
	uint64_t from = dense_start(r), id;
	size_t k;

	if (seq >= from)
		return r->last_id - (r->lb.end - 1 - seq);
	id = r->last_id - (r->lb.end - 1 - from);
	k = mark_from_seq(r, seq);
	if (k < r->marks_len && mark_at(r, k)->seq < from) {
		from = mark_at(r, k)->seq;
		id = mark_at(r, k)->id;
	}
	for (; from > seq; from--)
		id -= gap_of(r, from);
	return id;
}

uint64_t
logset_id(const struct logset *s, unsigned ring, uint64_t seq)
{
	return ring_id(&s->ring[ring < s->nrings ? ring : WR_LOGSET_OWN], seq);
}

static uint64_t
ring_find(const struct logset_ring *r, uint64_t id)
{
	uint64_t d = dense_start(r), hi, lo, cur;
	size_t a = 0, b = r->marks_len, k;

	if (r->lb.first == r->lb.end || id > r->last_id)
		return r->lb.end;
	cur = r->last_id - (r->lb.end - 1 - d);
	if (id >= cur)
		return d + (id - cur);
	/* Below the dense run: the first mark whose id is at least id bounds
	 * the answer from above, the mark before it from below. */
	while (a < b) {
		k = a + (b - a) / 2;
		if (mark_at(r, k)->seq < d && mark_at(r, k)->id < id)
			a = k + 1;
		else
			b = k;
	}
	hi = d;
	if (a < r->marks_len && mark_at(r, a)->seq < d) {
		hi = mark_at(r, a)->seq;
		cur = mark_at(r, a)->id;
	}
	lo = a > 0 ? mark_at(r, a - 1)->seq + 1 : r->lb.first;
	if (lo < r->lb.first)
		lo = r->lb.first;
	while (hi > lo && cur - gap_of(r, hi) >= id) {
		cur -= gap_of(r, hi);
		hi--;
	}
	return hi;
}

uint64_t
logset_find(const struct logset *s, unsigned ring, uint64_t id)
{
	return ring_find(&s->ring[ring < s->nrings ? ring : WR_LOGSET_OWN], id);
}

bool
logset_line(const struct logset *s, unsigned ring, uint64_t seq, struct logset_line *out)
{
	const struct logset_ring *r = &s->ring[ring < s->nrings ? ring : WR_LOGSET_OWN];
	struct logbuf_line l;

	if (!logbuf_get(&r->lb, seq, &l))
		return false;
	out->text = l.text;
	out->len = l.len;
	out->warn = (l.source & TAG_WARN) != 0;
	out->ring = ring < s->nrings ? ring : WR_LOGSET_OWN;
	out->seq = seq;
	out->id = ring_id(r, seq);
	return true;
}

bool
logset_get(const struct logset *s, uint64_t id, struct logset_line *out)
{
	unsigned i;

	for (i = 0; i < s->nrings; i++) {
		uint64_t seq = ring_find(&s->ring[i], id);

		if (seq < s->ring[i].lb.end && ring_id(&s->ring[i], seq) == id)
			return logset_line(s, i, seq, out);
	}
	return false;
}

uint64_t
logset_first(const struct logset *s)
{
	uint64_t first = s->end, id;
	unsigned i;

	for (i = 0; i < s->nrings; i++)
		if (logbuf_count(&s->ring[i].lb) > 0 &&
		    (id = ring_id(&s->ring[i], s->ring[i].lb.first)) < first)
			first = id;
	return first;
}

uint64_t
logset_end(const struct logset *s)
{
	return s->end;
}

size_t
logset_count(const struct logset *s)
{
	size_t n = 0;
	unsigned i;

	for (i = 0; i < s->nrings; i++)
		n += logbuf_count(&s->ring[i].lb);
	return n;
}

size_t
logset_count_after(const struct logset *s, uint64_t id)
{
	size_t n = 0;
	unsigned i;

	for (i = 0; i < s->nrings; i++)
		n += (size_t)(s->ring[i].lb.end - ring_find(&s->ring[i], id + 1));
	return n;
}

size_t
logset_text_bytes(const struct logset *s)
{
	size_t n = 0;
	unsigned i;

	for (i = 0; i < s->nrings; i++)
		n += logbuf_text_bytes(&s->ring[i].lb);
	return n;
}

size_t
logset_memory(const struct logset *s)
{
	size_t n = sizeof(*s) - sizeof(s->ring);
	unsigned i;

	for (i = 0; i < WR_LOGSET_RINGS; i++)
		n += i < s->nrings ? logbuf_memory(&s->ring[i].lb) +
		    sizeof(s->ring[i]) - sizeof(s->ring[i].lb) +
		    s->ring[i].marks_cap * sizeof(struct logset_mark) : sizeof(s->ring[i]);
	return n;
}

int64_t
logset_time(const struct logset *s, uint64_t id)
{
	struct logset_line l;
	int64_t t;

	if (!logset_get(s, id, &l) || !logbuf_parse_time(l.text, l.len, &t))
		return WR_LOGBUF_NO_TIME;
	return t;
}

uint64_t
logset_seek_time(const struct logset *s, int64_t t)
{
	uint64_t best = s->end, seq, id;
	unsigned i;

	for (i = 0; i < s->nrings; i++) {
		seq = logbuf_seek_time(&s->ring[i].lb, t);
		if (seq < s->ring[i].lb.end && (id = ring_id(&s->ring[i], seq)) < best)
			best = id;
	}
	return best;
}

uint64_t
logset_dropped(const struct logset *s, unsigned ring)
{
	const struct logset_ring *r;

	if (ring >= s->nrings)
		return 0;
	r = &s->ring[ring];
	return r->lb.dropped - r->dropped_base;
}

int64_t
logset_oldest_time(const struct logset *s, unsigned ring)
{
	if (ring >= s->nrings)
		return WR_LOGBUF_NO_TIME;
	return oldest_time(&s->ring[ring].lb);
}

unsigned
logset_add_ring(struct logset *s)
{
	struct logset_ring *r;

	if (s->nrings < 2 || s->nrings >= WR_LOGSET_RINGS)
		return 0;
	r = &s->ring[s->nrings];
	ring_init(r, logset_pool(s));
	r->lb.grant = grant;
	r->lb.grant_arg = s;
	return s->nrings++;
}

/* The line after cur[] among rings other than skip, by id: its ring, or
 * nrings when none is left. */
static unsigned
next_by_id(const struct logset *s, const uint64_t *cur, unsigned skip)
{
	unsigned i, best = s->nrings;
	uint64_t best_id = 0, id;

	for (i = 0; i < s->nrings; i++) {
		if (i == skip || cur[i] >= s->ring[i].lb.end)
			continue;
		id = ring_id(&s->ring[i], cur[i]);
		if (best == s->nrings || id < best_id) {
			best = i;
			best_id = id;
		}
	}
	return best;
}

/* The time line seq of lb carries, in ms (-1: none): the merge's order. */
static int64_t
line_ms(const struct logbuf *lb, uint64_t seq)
{
	struct logbuf_line l;

	if (!logbuf_get(lb, seq, &l))
		return -1;
	return logmerge_parse_time(l.text, l.len);
}

/* Copy line seq of ring from s into n, as the same ring. */
static void
copy_line(struct logset *n, const struct logset *s, unsigned ring, uint64_t seq)
{
	struct logbuf_line l;

	logbuf_get(&s->ring[ring].lb, seq, &l);
	logset_append(n, ring, l.text, l.len, (l.source & TAG_WARN) != 0);
}

void
logset_merge_ring(struct logset *s, unsigned ring, uint64_t *ids, size_t nids)
{
	struct logset n;
	uint64_t cur[WR_LOGSET_RINGS], old_end = s->end;
	int64_t a_time = INT64_MIN, b_time = INT64_MIN, t;
	unsigned i, a;
	size_t k;

	if (ring == WR_LOGSET_OWN || ring >= s->nrings)
		return;
	logset_init(&n, s->limit);
	logset_reset(&n, s->nrings - 1);
	n.end = s->end;
	for (i = 0; i < s->nrings; i++)
		cur[i] = s->ring[i].lb.first;
	for (k = 0; k < nids; k++)
		if (ids[k] >= old_end)
			ids[k] = UINT64_MAX;	/* the end: set once all are copied */
	/* Every other line keeps its place among the others; ring's lines go
	 * in before the first whose time (an untimed line that of the stamped
	 * line before it) is later than theirs. */
	for (;;) {
		uint64_t bseq = cur[ring];
		bool b_left = bseq < s->ring[ring].lb.end;

		a = next_by_id(s, cur, ring);
		if (b_left && (t = line_ms(&s->ring[ring].lb, bseq)) >= 0)
			b_time = t;
		if (a < s->nrings && (t = line_ms(&s->ring[a].lb, cur[a])) >= 0)
			a_time = t;
		if (a == s->nrings && !b_left)
			break;
		if (a == s->nrings || (b_left && b_time < a_time))
			a = ring;
		{
			uint64_t id = ring_id(&s->ring[a], cur[a]);

			for (k = 0; k < nids; k++)
				if (ids[k] == id)
					ids[k] = n.end;
		}
		copy_line(&n, s, a, cur[a]++);
	}
	for (k = 0; k < nids; k++)
		if (ids[k] == UINT64_MAX || ids[k] < old_end)
			ids[k] = ids[k] == UINT64_MAX ? n.end : logset_first(&n);
	for (i = 0; i < s->nrings; i++) {
		n.ring[i].lb.dropped = s->ring[i].lb.dropped;
		n.ring[i].dropped_base = s->ring[i].dropped_base;
	}
	n.gen = s->gen + 1;
	logset_free(s);
	*s = n;
	for (i = 1; i < s->nrings; i++)
		s->ring[i].lb.grant_arg = s;
}
