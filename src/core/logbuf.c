/*
 * logbuf.c — the retained log lines of one source.
 *
 * Lines live back to back in one byte arena, each followed by '\n' (so a
 * filter can run a regex over many lines in one call); blocks of 32-bit
 * offsets and the caller's 16 bits per line find them by sequence number.
 * When the arena is full the oldest lines are dropped whole, so memory
 * stays bounded however fast a host writes. The arena grows by doubling up to its limit,
 * then wraps: at most one wrap point is ever live, because a second wrap
 * needs every line from before the first one gone. Nothing here knows
 * about the screen: views ask for lines by sequence number.
 */
#include "warroom/logbuf.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "warroom/sanitize.h"
#include "warroom/util.h"

/* Prefixes up to this long are copied inline by logbuf_append_run. */
#define LOGBUF_RUN_PREFIX_MAX 256

struct logbuf_block {
	uint32_t off[WR_LOGBUF_BLOCK_LINES];
	uint16_t src[WR_LOGBUF_BLOCK_LINES];
};

#define BLOCK(lb, seq) \
	((lb)->blocks[((seq) / WR_LOGBUF_BLOCK_LINES) & ((lb)->nblocks - 1)])
#define SLOT(seq) ((size_t)((seq) % WR_LOGBUF_BLOCK_LINES))

static size_t
off_of(const struct logbuf *lb, uint64_t seq)
{
	return BLOCK(lb, seq)->off[SLOT(seq)];
}

/* Offset just past line seq's '\n'. */
static size_t
end_of(const struct logbuf *lb, uint64_t seq)
{
	if (seq + 1 == lb->end)
		return lb->head;
	if (lb->wrapped && seq + 1 == lb->wrap_seq)
		return lb->wrap_end;
	return off_of(lb, seq + 1);
}

void
logbuf_init(struct logbuf *lb, size_t limit)
{
	memset(lb, 0, sizeof(*lb));
	if (limit == 0)
		limit = WR_LOGBUF_DEFAULT_BYTES;
	if (limit < WR_LOGBUF_MIN_BYTES)
		limit = WR_LOGBUF_MIN_BYTES;
	if (limit > WR_LOGBUF_MAX_BYTES)
		limit = WR_LOGBUF_MAX_BYTES;
	lb->limit = limit;
	lb->nblocks = 4;
	lb->blocks = xcalloc(lb->nblocks, sizeof(*lb->blocks));
}

void
logbuf_free(struct logbuf *lb)
{
	size_t i;

	for (i = 0; i < lb->nblocks; i++)
		free(lb->blocks[i]);
	free(lb->blocks);
	free(lb->spare);
	free(lb->arena);
	free(lb->scratch);
	memset(lb, 0, sizeof(*lb));
}

static void
drop_oldest(struct logbuf *lb)
{
	uint64_t seq = lb->first;

	lb->first++;
	lb->dropped++;
	if (lb->first % WR_LOGBUF_BLOCK_LINES == 0) {
		struct logbuf_block **b = &BLOCK(lb, seq);

		if (lb->spare == NULL)
			lb->spare = *b;
		else
			free(*b);
		*b = NULL;
	}
	if (lb->wrapped && lb->first == lb->wrap_seq)
		lb->wrapped = false;
	if (lb->first == lb->end) {
		lb->head = 0;
		lb->wrapped = false;
	}
}

void
logbuf_reset(struct logbuf *lb)
{
	uint64_t dropped = lb->dropped;

	while (lb->first < lb->end)
		drop_oldest(lb);
	lb->dropped = dropped;
}

/* Grow the arena towards min bytes (doubling, up to limit) as far as
 * grant allows; whether it grew. An empty ring grows to take its line
 * whatever the answer: dropping could free nothing. Wrapped, the older
 * lines move to the arena's new end, so the room opens at head. */
static bool
arena_grow(struct logbuf *lb, size_t min)
{
	size_t old = lb->arena_cap, cap = old > 0 ? old : WR_LOGBUF_MIN_BYTES;

	while (cap < min && cap < lb->limit)
		cap *= 2;
	if (cap > lb->limit)
		cap = lb->limit;
	if (cap <= old)
		return false;
	if (lb->grant != NULL) {
		size_t got = lb->grant(lb, cap - old, lb->grant_arg);

		if (got < cap - old) {
			cap = old + got;
			if (lb->first == lb->end && cap < min)
				cap = min > WR_LOGBUF_MIN_BYTES ? min : WR_LOGBUF_MIN_BYTES;
			if (cap > lb->limit)
				cap = lb->limit;
			if (cap <= old)
				return false;
		}
	}
	lb->arena = xrealloc(lb->arena, cap);
	if (lb->wrapped) {
		size_t from = off_of(lb, lb->first), delta = cap - lb->wrap_end;
		uint64_t seq;

		memmove(lb->arena + from + delta, lb->arena + from, lb->wrap_end - from);
		for (seq = lb->first; seq < lb->wrap_seq; seq++)
			BLOCK(lb, seq)->off[SLOT(seq)] += (uint32_t)delta;
		lb->wrap_end = cap;
	}
	lb->arena_cap = cap;
	return true;
}

/* Where need contiguous bytes can go, growing the arena while it may and
 * dropping the oldest lines once it may not. */
static size_t
arena_reserve(struct logbuf *lb, size_t need)
{
	for (;;) {
		if (!lb->wrapped) {
			if (lb->head + need <= lb->arena_cap)
				return lb->head;
			if (lb->arena_cap < lb->limit && arena_grow(lb, lb->head + need))
				continue;
			if (lb->first != lb->end) {
				lb->wrapped = true;
				lb->wrap_seq = lb->end;
				lb->wrap_end = lb->head;
			}
			lb->head = 0;
			continue;
		}
		if (lb->head + need <= off_of(lb, lb->first))
			return lb->head;
		if (lb->arena_cap < lb->limit && arena_grow(lb, lb->arena_cap + need))
			continue;
		drop_oldest(lb);
	}
}

/* Contiguous bytes free at head right now, without dropping or growing. */
static size_t
arena_room(const struct logbuf *lb)
{
	if (lb->wrapped)
		return off_of(lb, lb->first) - lb->head;
	return lb->arena_cap - lb->head;
}

static void
index_grow(struct logbuf *lb)
{
	size_t n = lb->nblocks * 2, i;
	struct logbuf_block **nb = xcalloc(n, sizeof(*nb));
	uint64_t k;

	for (k = lb->first / WR_LOGBUF_BLOCK_LINES;
	    k * WR_LOGBUF_BLOCK_LINES < lb->end; k++) {
		i = (size_t)(k & (lb->nblocks - 1));
		nb[k & (n - 1)] = lb->blocks[i];
	}
	free(lb->blocks);
	lb->blocks = nb;
	lb->nblocks = n;
}

/* A block for line lb->end, the first of its block. */
static void
index_block(struct logbuf *lb)
{
	uint64_t seq = lb->end;
	uint64_t live = seq / WR_LOGBUF_BLOCK_LINES - lb->first / WR_LOGBUF_BLOCK_LINES + 1;
	struct logbuf_block *b;

	while (live > lb->nblocks)
		index_grow(lb);
	b = lb->spare != NULL ? lb->spare : xmalloc(sizeof(*b));
	lb->spare = NULL;
	BLOCK(lb, seq) = b;
}

/* Index entry for the line at arena offset off; returns its number.
 * Inline: a run of lines pays one store pair per line. */
static inline uint64_t
index_push(struct logbuf *lb, size_t off, size_t len, unsigned source)
{
	uint64_t seq = lb->end;
	struct logbuf_block *b;

	if (SLOT(seq) == 0)
		index_block(lb);
	b = BLOCK(lb, seq);
	b->off[SLOT(seq)] = (uint32_t)off;
	b->src[SLOT(seq)] = (uint16_t)(source > UINT16_MAX ? UINT16_MAX : source);
	lb->head = off + len + 1;
	lb->end++;
	return seq;
}

/* The longest prefix of text[len] under max that does not split a UTF-8
 * sequence. */
static size_t
clamp_len(const char *text, size_t len, size_t max)
{
	if (len <= max)
		return len;
	len = max;
	while (len > 0 && ((unsigned char)text[len] & 0xc0) == 0x80)
		len--;
	return len;
}

/* Copy s[0..len) to d; whether it held a '\n'. One pass instead of memcpy
 * then memchr: lines are short, and a sanitized line never has one. */
static bool
copy_has_nl(char *d, const char *s, size_t len)
{
#ifdef __SSE2__
	const __m128i nl = _mm_set1_epi8('\n');
	__m128i v, any = _mm_setzero_si128();
	size_t i;

	if (len < 16) {
		memcpy(d, s, len);
		return memchr(s, '\n', len) != NULL;
	}
	for (i = 0; i + 16 <= len; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		_mm_storeu_si128((__m128i *)(void *)(d + i), v);
		any = _mm_or_si128(any, _mm_cmpeq_epi8(v, nl));
	}
	if (i < len) {	/* the last 16 bytes, overlapping */
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + len - 16));
		_mm_storeu_si128((__m128i *)(void *)(d + len - 16), v);
		any = _mm_or_si128(any, _mm_cmpeq_epi8(v, nl));
	}
	return _mm_movemask_epi8(any) != 0;
#else
	memcpy(d, s, len);
	return memchr(s, '\n', len) != NULL;
#endif
}

uint64_t
logbuf_append(struct logbuf *lb, const char *text, size_t len, unsigned source)
{
	size_t off;
	char *p, *nl;

	len = clamp_len(text, len, lb->limit / 4);
	off = arena_reserve(lb, len + 1);
	p = lb->arena + off;
	/* A '\n' inside a line would split it for the filter. */
	if (copy_has_nl(p, text, len))
		while ((nl = memchr(p, '\n', len - (size_t)(p - (lb->arena + off)))) != NULL) {
			*nl = ' ';
			p = nl + 1;
		}
	lb->arena[off + len] = '\n';
	return index_push(lb, off, len, source);
}

/* Prefix then line at d, as two memcpy calls would, without their calls:
 * 16-byte moves, the prefix's from pad (its copy padded to a multiple of
 * 16), the line's last one overlapping. Needs plen + len >= round16(plen)
 * and len >= 16; the prefix's padding is overwritten by the line. */
static inline void
copy_prefixed(char *d, const char *pad, size_t plen, const char *s, size_t len)
{
#ifdef __SSE2__
	size_t i;

	for (i = 0; i < plen; i += 16)
		_mm_storeu_si128((__m128i *)(void *)(d + i),
		    _mm_loadu_si128((const __m128i *)(const void *)(pad + i)));
	d += plen;
	for (i = 0; i + 16 < len; i += 16)
		_mm_storeu_si128((__m128i *)(void *)(d + i),
		    _mm_loadu_si128((const __m128i *)(const void *)(s + i)));
	_mm_storeu_si128((__m128i *)(void *)(d + len - 16),
	    _mm_loadu_si128((const __m128i *)(const void *)(s + len - 16)));
#else
	memcpy(d, pad, plen);
	memcpy(d + plen, s, len);
#endif
}

void
logbuf_append_run(struct logbuf *lb, const char *prefix, size_t plen, const char *base,
    const struct logbuf_piece *pieces, size_t n, unsigned source)
{
	size_t i, room = arena_room(lb), pad_len = (plen + 15) & ~(size_t)15;
	char pad[LOGBUF_RUN_PREFIX_MAX + 16];

	if (plen > LOGBUF_RUN_PREFIX_MAX)
		pad_len = SIZE_MAX;	/* never the inline copy */
	else {
		memcpy(pad, prefix, plen);
		memset(pad + plen, 0, 16);	/* copied, then overwritten */
	}
	for (i = 0; i < n; i++) {
		size_t len = pieces[i].len, need = plen + len + 1, off;
		char *p;

		/* arena_reserve answers head whenever the line fits in the room
		 * left; only a line that does not fit pays for the call. */
		if (need <= room) {
			off = lb->head;
		} else {
			off = arena_reserve(lb, need);
			room = arena_room(lb);
		}
		p = lb->arena + off;
		if (len >= 16 && plen + len >= pad_len) {
			copy_prefixed(p, pad, plen, base + pieces[i].off, len);
		} else {
			memcpy(p, prefix, plen);
			memcpy(p + plen, base + pieces[i].off, len);
		}
		p[need - 1] = '\n';
		index_push(lb, off, need - 1, source);
		room -= need;
	}
}

uint64_t
logbuf_append_raw(struct logbuf *lb, const char *raw, size_t len, unsigned source)
{
	size_t want = sanitize_bound(len), least, room, off, out;

	if (want > WR_SANITIZE_LINE_MAX + 1)
		want = WR_SANITIZE_LINE_MAX + 1;
	/* Sanitized text is never shorter than its input, so that much room
	 * (and the NUL that becomes '\n') is needed anyway; making room for the
	 * worst case instead would drop lines that still fit. */
	least = len < WR_SANITIZE_LINE_MAX ? len + 1 : WR_SANITIZE_LINE_MAX + 1;
	off = arena_reserve(lb, least);
	room = arena_room(lb);
	if (room > want)
		room = want;
	if (sanitize_buf(raw, len, lb->arena + off, room, &out) == len || room == want) {
		lb->arena[off + out] = '\n';
		return index_push(lb, off, out, source);
	}
	/* It grew past the room: sanitize aside, then make exactly enough. */
	if (lb->scratch == NULL)
		lb->scratch = xmalloc(WR_SANITIZE_LINE_MAX + 1);
	sanitize_buf(raw, len, lb->scratch, want, &out);
	return logbuf_append(lb, lb->scratch, out, source);
}

bool
logbuf_get(const struct logbuf *lb, uint64_t seq, struct logbuf_line *out)
{
	size_t off;

	if (seq < lb->first || seq >= lb->end)
		return false;
	off = off_of(lb, seq);
	out->text = lb->arena + off;
	out->len = end_of(lb, seq) - off - 1;
	out->source = BLOCK(lb, seq)->src[SLOT(seq)];
	return true;
}

uint64_t
logbuf_first(const struct logbuf *lb)
{
	return lb->first;
}

uint64_t
logbuf_end(const struct logbuf *lb)
{
	return lb->end;
}

size_t
logbuf_count(const struct logbuf *lb)
{
	return (size_t)(lb->end - lb->first);
}

size_t
logbuf_used(const struct logbuf *lb)
{
	return logbuf_used_before(lb, lb->end);
}

size_t
logbuf_used_before(const struct logbuf *lb, uint64_t seq)
{
	size_t from, to;

	if (seq <= lb->first)
		return 0;
	from = off_of(lb, lb->first);
	if (seq >= lb->end) {
		seq = lb->end;
		to = lb->head;
	} else {
		to = off_of(lb, seq);
	}
	if (lb->wrapped && seq >= lb->wrap_seq)
		return lb->wrap_end - from + to;
	return to - from;
}

size_t
logbuf_text_bytes(const struct logbuf *lb)
{
	return logbuf_used(lb) - logbuf_count(lb);	/* less the '\n's */
}

void
logbuf_shrink(struct logbuf *lb, size_t cap)
{
	size_t from, at = 0;
	uint64_t seq;
	char *arena;

	if (cap < WR_LOGBUF_MIN_BYTES)
		cap = WR_LOGBUF_MIN_BYTES;
	if (cap >= lb->arena_cap)
		return;
	while (lb->first < lb->end && logbuf_used(lb) > cap)
		drop_oldest(lb);
	/* A fresh arena the lines are copied into, oldest first: moving them
	 * in place would need the two halves of a wrapped ring rotated. */
	arena = xmalloc(cap);
	if (lb->first < lb->end) {
		from = off_of(lb, lb->first);
		at = (lb->wrapped ? lb->wrap_end : lb->head) - from;
		memcpy(arena, lb->arena + from, at);
		for (seq = lb->first; seq < lb->end && (!lb->wrapped || seq < lb->wrap_seq); seq++)
			BLOCK(lb, seq)->off[SLOT(seq)] -= (uint32_t)from;
		if (lb->wrapped) {
			memcpy(arena + at, lb->arena, lb->head);
			for (seq = lb->wrap_seq; seq < lb->end; seq++)
				BLOCK(lb, seq)->off[SLOT(seq)] += (uint32_t)at;
			at += lb->head;
		}
	}
	free(lb->arena);
	lb->arena = arena;
	lb->arena_cap = cap;
	lb->head = at;
	lb->wrapped = false;
}

size_t
logbuf_memory(const struct logbuf *lb)
{
	size_t blocks = 0;

	if (lb->end > 0)
		blocks = (size_t)((lb->end + WR_LOGBUF_BLOCK_LINES - 1) / WR_LOGBUF_BLOCK_LINES -
		    lb->first / WR_LOGBUF_BLOCK_LINES);
	if (lb->spare != NULL)
		blocks++;
	return sizeof(*lb) + lb->arena_cap + lb->nblocks * sizeof(*lb->blocks) +
	    blocks * sizeof(struct logbuf_block) +
	    (lb->scratch != NULL ? WR_SANITIZE_LINE_MAX + 1 : 0);
}

size_t
logbuf_span(const struct logbuf *lb, uint64_t seq, size_t max, const char **text,
    size_t *bytes)
{
	uint64_t n;
	size_t off;

	if (seq < lb->first || seq >= lb->end || max == 0)
		return 0;
	n = lb->end - seq;
	if (lb->wrapped && seq < lb->wrap_seq)
		n = lb->wrap_seq - seq;
	if (n > max)
		n = max;
	off = off_of(lb, seq);
	*text = lb->arena + off;
	*bytes = end_of(lb, seq + n - 1) - off;
	return (size_t)n;
}

uint64_t
logbuf_locate(const struct logbuf *lb, uint64_t seq, size_t n, const char *p)
{
	size_t pos = (size_t)(p - lb->arena);
	uint64_t lo = seq, hi = seq + n, step = 1;	/* answer in [lo, hi) */

	/* Gallop first: a caller walking matches forward finds them near seq. */
	while (lo + step < hi && off_of(lb, lo + step) <= pos) {
		lo += step;
		step *= 2;
	}
	if (lo + step < hi)
		hi = lo + step;
	while (hi - lo > 1) {
		uint64_t mid = lo + (hi - lo) / 2;

		if (off_of(lb, mid) <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

bool
logbuf_parse_time(const char *t, size_t len, int64_t *secs)
{
	if (len > 0 && (t[0] < '0' || t[0] > '9')) {
		/* docker compose logs: "api-1  | 2025-06-01T12:00:00Z ...";
		 * LOGS' own prefix: "api-1/api 2025-06-01T12:00:00Z ...". */
		const char *bar = memchr(t, '|', len < 64 ? len : 64);

		if (bar == NULL)
			bar = memchr(t, ' ', len < 64 ? len : 64);
		if (bar == NULL)
			return false;
		len -= (size_t)(bar + 1 - t);
		t = bar + 1;
		while (len > 0 && *t == ' ') {
			t++;
			len--;
		}
	}
	/* kubectl logs --prefix: "[pod/NAME/CONTAINER] " before the line. */
	if (len > 5 && memcmp(t, "[pod/", 5) == 0) {
		const char *end = memchr(t, ']', len < 256 ? len : 256);

		if (end == NULL || (size_t)(end + 2 - t) > len || end[1] != ' ')
			return false;
		len -= (size_t)(end + 2 - t);
		t = end + 2;
	}
	return wr_parse_rfc3339(t, len, secs, NULL);
}

int64_t
logbuf_time(const struct logbuf *lb, uint64_t seq)
{
	struct logbuf_line l;
	int64_t t;

	if (!logbuf_get(lb, seq, &l) || !logbuf_parse_time(l.text, l.len, &t))
		return WR_LOGBUF_NO_TIME;
	return t;
}

/* The time of the first stamped line among the 64 from seq. */
static int64_t
probe_time(const struct logbuf *lb, uint64_t seq)
{
	uint64_t stop = seq + 64 < lb->end ? seq + 64 : lb->end;
	int64_t t;

	for (; seq < stop; seq++)
		if ((t = logbuf_time(lb, seq)) != WR_LOGBUF_NO_TIME)
			return t;
	return WR_LOGBUF_NO_TIME;
}

uint64_t
logbuf_seek_time(const struct logbuf *lb, int64_t t)
{
	uint64_t lo = lb->first, hi = lb->end;

	while (lo < hi) {
		uint64_t mid = lo + (hi - lo) / 2;
		int64_t m = probe_time(lb, mid);

		if (m == WR_LOGBUF_NO_TIME || m < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
