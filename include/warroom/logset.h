/*
 * logset.h — LOGS' lines, one ring per source: LOGS' own lines (an
 * action's output, a screen test's :logs) and each tailed service. Each
 * service's ring takes what it uses of one byte limit (LOGS' own keeps a
 * small fixed share): while the limit has room a ring grows; once it is
 * full, the ring that holds the oldest history gives up lines first, so
 * every tail keeps back to about the same time and a quiet one keeps its
 * rare lines without holding room it does not fill.
 *
 * Every line gets an id from one counter as it is stored; ids only grow,
 * and read in id order the rings make one sequence: the order the lines
 * were stored in (by their own time when several services are merged).
 * A line's id is not stored whole: the 16 bits logbuf keeps beside each
 * line hold whether it is a warning (stderr, an action's output) and the
 * gap from the id of its ring's previous line. A mark (seq, id) every 128
 * lines where the gaps are not all 1, and before a gap too long for 15
 * bits, anchors them, so B4 stays under 8 bytes beside each line's text.
 */
#ifndef WARROOM_LOGSET_H
#define WARROOM_LOGSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/logbuf.h"

/* LOGS' own lines, then one ring per tailed service (WR_LOGS_STREAMS). */
#define WR_LOGSET_RINGS 9
#define WR_LOGSET_OWN 0

struct logset_mark {
	uint64_t seq, id;
};

/* One source's lines. */
struct logset_ring {
	struct logbuf lb;
	struct logset_mark *marks;       /* by seq, oldest first (a ring buffer) */
	size_t marks_cap, marks_head, marks_len;
	uint64_t last_id;                /* the id of the newest line stored */
	uint64_t dense_from;             /* from this seq on, ids go up one per line */
	uint64_t dropped_base;           /* lb.dropped when the set was last reset */
	uint64_t ask_at;                 /* a full ring refused room asks again at this lb.dropped */
};

struct logset {
	struct logset_ring ring[WR_LOGSET_RINGS];
	unsigned nrings;                 /* rings in use: 1 + services */
	size_t limit;                    /* what the rings share, in bytes */
	uint64_t end;                    /* the id the next line gets */
	uint64_t gen;                    /* changes whenever every line is dropped */
};

/* A stored line and where it is. */
struct logset_line {
	const char *text;                /* sanitized, not NUL-terminated */
	size_t len;
	bool warn;                       /* stderr or an action's output */
	unsigned ring;
	uint64_t seq;                    /* its number in its ring (logbuf) */
	uint64_t id;
};

/* An empty set of one ring, LOGS' own, holding at most limit bytes (0:
 * WR_LOGBUF_DEFAULT_BYTES). */
void logset_init(struct logset *s, size_t limit);

/* Free every ring. */
void logset_free(struct logset *s);

/* Drop every line; LOGS' own ring keeps a sixty-fourth of the limit (all
 * of it without services) and services rings, numbered from 1, share the
 * rest by use. Ids go on from where they were. */
void logset_reset(struct logset *s, unsigned services);

/* One more service's ring, empty, sharing the pool with the others, which
 * keep every line: its number, or 0 when there is no room for one or the
 * set has no service yet (logset_reset then). */
unsigned logset_add_ring(struct logset *s);

/* Put ring's lines among the others' by the time they carry (an untimed
 * line takes the time of the stamped line before it in its ring): a tail
 * added later whose backlog is older than lines already stored. The other
 * lines keep their order and every line is kept; ids are given again from
 * logset_end on (gen changes), and the nids ids[] are turned into the ids
 * their lines now have (logset_end to the new end, one no longer retained
 * to logset_first). */
void logset_merge_ring(struct logset *s, unsigned ring, uint64_t *ids, size_t nids);

/* Store an already sanitized line in ring (as logbuf_append); its id. A
 * ring past those in use stands for LOGS' own. */
uint64_t logset_append(struct logset *s, unsigned ring, const char *text, size_t len,
    bool warn);

/* n lines in one go, as logbuf_append_run (same promises from the caller). */
void logset_append_run(struct logset *s, unsigned ring, const char *prefix, size_t plen,
    const char *base, const struct logbuf_piece *pieces, size_t n, bool warn);

/* Sanitize raw bytes into ring (as logbuf_append_raw); its id. */
uint64_t logset_append_raw(struct logset *s, unsigned ring, const char *raw, size_t len,
    bool warn);

/* Rings in use, and one of them (its seq numbers are logbuf's). */
unsigned logset_rings(const struct logset *s);
const struct logbuf *logset_buf(const struct logset *s, unsigned ring);

/* The id of line seq of ring (retained). */
uint64_t logset_id(const struct logset *s, unsigned ring, uint64_t seq);

/* The first retained seq of ring whose id is at least id; the ring's
 * logbuf_end when none is. */
uint64_t logset_find(const struct logset *s, unsigned ring, uint64_t id);

/* Line seq of ring, or the line of an id; false when not retained. */
bool logset_line(const struct logset *s, unsigned ring, uint64_t seq,
    struct logset_line *out);
bool logset_get(const struct logset *s, uint64_t id, struct logset_line *out);

/* The oldest retained id (logset_end when none is), the id the next line
 * gets, lines retained, and of them those with an id above id. */
uint64_t logset_first(const struct logset *s);
uint64_t logset_end(const struct logset *s);
size_t logset_count(const struct logset *s);
size_t logset_count_after(const struct logset *s, uint64_t id);

/* Sum of the retained lines' lengths, and every byte allocated (B4). */
size_t logset_text_bytes(const struct logset *s);
size_t logset_memory(const struct logset *s);

/* What services' rings share, in arena bytes (the limit less LOGS' own
 * ring's), and what they hold of it now. */
size_t logset_pool(const struct logset *s);
size_t logset_held(const struct logset *s);

/* Lines ring dropped to make room since the set was reset: a flood's
 * loss, for LOGS to say. */
uint64_t logset_dropped(const struct logset *s, unsigned ring);

/* Unix seconds of ring's oldest stamped line (among its first 64), or
 * WR_LOGBUF_NO_TIME. */
int64_t logset_oldest_time(const struct logset *s, unsigned ring);

/* Unix seconds the line of id is stamped with, or WR_LOGBUF_NO_TIME. */
int64_t logset_time(const struct logset *s, uint64_t id);

/* The id of the first line stamped at or after t (each ring's first such
 * line, the oldest of them); logset_end() when none is. */
uint64_t logset_seek_time(const struct logset *s, int64_t t);

#endif
