/*
 * logfilter.h — the LOGS `/` filter: a pcre2 pattern run over the rings of
 * a logset in bounded steps, so a million retained lines never stall the
 * loop. The result is, per ring, the list of matching sequence numbers in
 * order; lines a ring drops leave its list too, and a set that dropped
 * every line (logset_reset) starts the search over. A line pcre2 gives up
 * on (its match limit, depth limit, JIT stack) is not known not to match:
 * it is shown as a match would be, and counted apart, so a filter never
 * hides a line it could not search.
 */
#ifndef WARROOM_LOGFILTER_H
#define WARROOM_LOGFILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/logbuf.h"
#include "warroom/logset.h"
#include "warroom/util.h"

struct logfilter_re;

/* Sequence numbers in order, oldest first (a ring buffer). */
struct logfilter_seqs {
	uint64_t *v;
	size_t cap, head, len;
};

/* The search through one ring. */
struct logfilter_ring {
	uint64_t cursor;	/* next line to examine */
	struct logfilter_seqs hits;	/* lines shown: matching or unsearched */
	struct logfilter_seqs errs;	/* ... of them those pcre2 gave up on */
};

struct logfilter {
	struct logfilter_re *re;	/* NULL: no pattern set */
	bool caseless;		/* the pattern had no uppercase letter */
	bool batch;		/* safe to run over many lines in one call */
	uint64_t gen;		/* the set's generation the search is for */
	uint64_t matched;	/* lines matched since set, dropped ones too */
	int error;		/* pcre2's latest error on a line, or 0 */
	struct logfilter_ring r[WR_LOGSET_RINGS];
};

/* A match in a line, as byte offsets [start, end). */
struct logfilter_span {
	size_t start, end;
};

/* A filter with no pattern yet (logfilter_step is then done at once). */
void logfilter_init(struct logfilter *f);

/* Free the pattern and the results. */
void logfilter_free(struct logfilter *f);

/* Compile pattern (UTF-8; case-insensitive unless it has an uppercase
 * letter) and start over; on error f is unchanged and err says why and where. */
int logfilter_set(struct logfilter *f, const char *pattern, size_t len,
    struct wr_err *err);

/* logfilter_set, and when pcre2 refuses the pattern, *erroff is the byte
 * offset it names (where to put the cursor to fix it). */
int logfilter_set_at(struct logfilter *f, const char *pattern, size_t len, size_t *erroff,
    struct wr_err *err);

/* Forget the pattern and the results. */
void logfilter_clear(struct logfilter *f);

/* Examine up to max_lines more lines of s; true when every line is done
 * (new lines make it false again, and the next step takes them). */
bool logfilter_step(struct logfilter *f, const struct logset *s, unsigned max_lines);

/* Matching lines still retained in s (the lists are pruned first). */
size_t logfilter_count(struct logfilter *f, const struct logset *s);

/* Matching lines still retained with an id above id (paused: the new
 * lines the filter will show). */
size_t logfilter_count_after(struct logfilter *f, const struct logset *s, uint64_t id);

/* Lines shown that could not be searched (pcre2 gave up), still retained. */
size_t logfilter_unsearched(struct logfilter *f, const struct logset *s);

/* Why pcre2 gave up, in a few words ("match limit", "depth limit", "JIT
 * stack"), or NULL when it never has since the pattern was set. */
const char *logfilter_error_words(const struct logfilter *f);

/* Lines examined so far among those retained (for "searching, N%"). */
size_t logfilter_searched(struct logfilter *f, const struct logset *s);

/* Matching lines still retained in one ring, and the j-th of them's
 * sequence number (j < logfilter_ring_count()). */
size_t logfilter_ring_count(struct logfilter *f, const struct logset *s, unsigned ring);
uint64_t logfilter_ring_hit(const struct logfilter *f, unsigned ring, size_t j);

/* The id of the first match after id (n) or of the last one before it
 * (N); false if none is known yet. */
bool logfilter_next(struct logfilter *f, const struct logset *s, uint64_t id,
    uint64_t *out);
bool logfilter_prev(struct logfilter *f, const struct logset *s, uint64_t id,
    uint64_t *out);

/* Whether one line of text matches, or cannot be searched (shown too). */
bool logfilter_match(const struct logfilter *f, const char *text, size_t len);

/* Up to max matches in a line for highlighting (max 1: the first only). */
size_t logfilter_spans(const struct logfilter *f, const char *text, size_t len,
    struct logfilter_span *spans, size_t max);

#endif
