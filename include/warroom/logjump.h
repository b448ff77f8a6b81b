/*
 * logjump.h — the moment an engineer types to jump LOGS to: "19:30"
 * (UTC), "19:30:15", "-10m" or "10m" (ago), or a whole RFC 3339 time;
 * "19:30 UTC" and "10m ago" too, as help shows them.
 */
#ifndef WARROOM_LOGJUMP_H
#define WARROOM_LOGJUMP_H

#include <stdint.h>

#include "warroom/util.h"

/* Unix seconds of the moment text names, relative to now_s: "HH:MM[:SS]"
 * is today's in UTC, or yesterday's when today's is still to come (logs
 * hold the past). Returns 0, or -1 with err saying what is accepted. */
int logjump_parse(const char *text, int64_t now_s, int64_t *out_s, struct wr_err *err);

/* One tail as @ finds it. */
struct logjump_tail {
	const char *name;	/* "h4/api" */
	uint64_t dropped;	/* lines its ring dropped */
	int64_t oldest;		/* its oldest kept line's stamp, or WR_LOGBUF_NO_TIME */
};

/* After @ to at (worded at_text): the tails of t[n] (but skip) that
 * dropped the lines of then. One: "h4/api has nothing that old: oldest
 * kept 15:21:51 (1036 dropped); h2/api, h9/api do". Several, briefly, as
 * a footer holds in two rows: "none kept from 17:31:00 in 5 tails: oldest
 * kept 17:33:22 (h3/api) … 17:33:45 (h4/api); the others have it". Empty
 * when none; returns how many tails. */
unsigned logjump_drops_words(const struct logjump_tail *t, unsigned n, unsigned skip,
    int64_t at, const char *at_text, char *out, size_t cap);

#endif
