/*
 * logbuf.h — the retained log lines of one source: a ring bounded in
 * bytes (LOGS keeps one per source in a logset).
 *
 * Lines are addressed by a sequence number that only grows: the first line
 * ever appended is 0, and a number keeps naming the same line until that
 * line is dropped.
 *
 * Memory per line (B4): the text, its '\n' in the arena, a 32-bit offset
 * and 16 bits the caller gives the line (its "source": logset.c keeps a
 * warning bit and the line's id there); 7 bytes beside the text. The timestamp is not
 * stored: it is parsed from the line's start when asked for.
 */
#ifndef WARROOM_LOGBUF_H
#define WARROOM_LOGBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WR_LOGBUF_DEFAULT_BYTES ((size_t)64 << 20)
#define WR_LOGBUF_MIN_BYTES ((size_t)64 << 10)
/* Offsets are 32-bit, so the arena stays below 4 GiB. */
#define WR_LOGBUF_MAX_BYTES ((size_t)0xffff0000u)
/* Lines per index block; blocks come and go with the ring. */
#define WR_LOGBUF_BLOCK_LINES 4096
#define WR_LOGBUF_NO_TIME INT64_MIN

struct logbuf_block;

struct logbuf {
	char *arena;		/* lines back to back, each followed by '\n' */
	size_t arena_cap;	/* allocated; grows up to limit, then wraps */
	size_t limit;		/* the byte bound of the arena */
	size_t head;		/* where the next line goes */
	size_t wrap_end;	/* end of the older lines once head wrapped */
	bool wrapped;		/* the lines from wrap_seq on start again at 0 */
	uint64_t wrap_seq;
	uint64_t first;		/* sequence number of the oldest retained line */
	uint64_t end;		/* sequence number the next line will get */
	uint64_t dropped;	/* lines dropped to make room, ever */
	struct logbuf_block **blocks;	/* ring of index blocks by seq / BLOCK_LINES */
	size_t nblocks;		/* its size, a power of two */
	struct logbuf_block *spare;
	char *scratch;		/* for logbuf_append_raw when the arena is tight */
	/* Asked before the arena grows by want bytes; grows by what it
	 * answers (0: the ring drops its own oldest lines instead). NULL:
	 * every growth up to limit is granted. */
	size_t (*grant)(struct logbuf *lb, size_t want, void *arg);
	void *grant_arg;
};

/* One retained line as stored: sanitized text (not NUL-terminated). */
struct logbuf_line {
	const char *text;
	size_t len;
	unsigned source;	/* the caller's 16 bits */
};

/* An empty ring holding at most limit bytes of arena (0: the default);
 * limits are clamped to [WR_LOGBUF_MIN_BYTES, WR_LOGBUF_MAX_BYTES]. */
void logbuf_init(struct logbuf *lb, size_t limit);

/* Free the arena and the index. */
void logbuf_free(struct logbuf *lb);

/* Drop every line (numbers go on from where they were); memory is kept
 * for the next lines. */
void logbuf_reset(struct logbuf *lb);

/* Append an already sanitized line (a stray '\n' becomes a space); oldest
 * lines are dropped whole to make room. Returns its sequence number. */
uint64_t logbuf_append(struct logbuf *lb, const char *text, size_t len,
    unsigned source);

/* One line of a run: base[off .. off + len) after the run's prefix. */
struct logbuf_piece {
	uint32_t off, len;
};

/* Append n lines, each prefix[plen] then its piece of base, as n
 * logbuf_append calls would (same places, same drops), minus their
 * per-line checks: the caller vouches every line is already sanitized and
 * redacted, holds no '\n' and is at most limit / 4 bytes. */
void logbuf_append_run(struct logbuf *lb, const char *prefix, size_t plen,
    const char *base, const struct logbuf_piece *pieces, size_t n, unsigned source);

/* Sanitize raw bytes straight into the arena and append them. */
uint64_t logbuf_append_raw(struct logbuf *lb, const char *raw, size_t len,
    unsigned source);

/* Line seq, if still retained. */
bool logbuf_get(const struct logbuf *lb, uint64_t seq, struct logbuf_line *out);

/* The oldest retained sequence number and the one the next line will get. */
uint64_t logbuf_first(const struct logbuf *lb);
uint64_t logbuf_end(const struct logbuf *lb);

/* Lines retained. */
size_t logbuf_count(const struct logbuf *lb);

/* Sum of the retained lines' lengths. */
size_t logbuf_text_bytes(const struct logbuf *lb);

/* Arena bytes the retained lines take (their text and '\n's), and those
 * of the lines before seq (first..end). */
size_t logbuf_used(const struct logbuf *lb);
size_t logbuf_used_before(const struct logbuf *lb, uint64_t seq);

/* Give arena bytes back: the oldest lines dropped until the rest fits in
 * cap (at least WR_LOGBUF_MIN_BYTES), the arena moved into cap bytes. */
void logbuf_shrink(struct logbuf *lb, size_t cap);

/* Bytes allocated for everything (arena, index, scratch): B4's numerator. */
size_t logbuf_memory(const struct logbuf *lb);

/* Length of the run of lines from seq (at most max) that lie back to back
 * in the arena; *text points at the first. For scanning many lines at once. */
size_t logbuf_span(const struct logbuf *lb, uint64_t seq, size_t max,
    const char **text, size_t *bytes);

/* The sequence number of the line holding arena byte p of a span from seq
 * of n lines (p inside the span). */
uint64_t logbuf_locate(const struct logbuf *lb, uint64_t seq, size_t n,
    const char *p);

/* Timestamp at a line's start (RFC 3339, optionally after a Compose
 * "name | " prefix or LOGS' "host/service " one, then kubectl's
 * "[pod/NAME/CONTAINER] ") as Unix seconds; false when there is none. */
bool logbuf_parse_time(const char *text, size_t len, int64_t *secs);

/* Unix seconds of line seq, or WR_LOGBUF_NO_TIME. */
int64_t logbuf_time(const struct logbuf *lb, uint64_t seq);

/* First retained line stamped at or after t (lines assumed roughly in time
 * order); logbuf_end() when none is. */
uint64_t logbuf_seek_time(const struct logbuf *lb, int64_t t);

#endif
