/*
 * logfilter.h — the LOGS `/` filter: a pcre2 pattern run over a logbuf in
 * bounded steps, so a million retained lines never stall the loop. The
 * result is the list of matching sequence numbers, in order; lines the
 * ring drops leave the list too.
 */
#ifndef WARROOM_LOGFILTER_H
#define WARROOM_LOGFILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/logbuf.h"
#include "warroom/util.h"

struct logfilter_re;

struct logfilter {
	struct logfilter_re *re;	/* NULL: no pattern set */
	bool caseless;		/* the pattern had no uppercase letter */
	bool batch;		/* safe to run over many lines in one call */
	uint64_t cursor;	/* next line to examine */
	uint64_t matched;	/* lines matched since set, dropped ones too */
	uint64_t *hits;		/* ring of matching sequence numbers */
	size_t hits_cap, hits_head, hits_len;
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

/* Forget the pattern and the results. */
void logfilter_clear(struct logfilter *f);

/* Examine up to max_lines more lines of lb; true when every line is done
 * (new lines make it false again, and the next step takes them). */
bool logfilter_step(struct logfilter *f, const struct logbuf *lb,
    unsigned max_lines);

/* Matching lines still retained in lb (the list is pruned first). */
size_t logfilter_count(struct logfilter *f, const struct logbuf *lb);

/* The i-th matching line's sequence number (i < logfilter_count()). */
uint64_t logfilter_hit(const struct logfilter *f, size_t i);

/* The first match after seq (n) or the last one before it (N); false if
 * none is known yet. */
bool logfilter_next(struct logfilter *f, const struct logbuf *lb, uint64_t seq,
    uint64_t *out);
bool logfilter_prev(struct logfilter *f, const struct logbuf *lb, uint64_t seq,
    uint64_t *out);

/* Whether one line of text matches. */
bool logfilter_match(const struct logfilter *f, const char *text, size_t len);

/* Up to max matches in a line for highlighting (max 1: the first only). */
size_t logfilter_spans(const struct logfilter *f, const char *text, size_t len,
    struct logfilter_span *spans, size_t max);

#endif
