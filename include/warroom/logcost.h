/*
 * logcost.h — what + costs the history LOGS holds: the tails held keep
 * their lines and runs, the added one fetches its backlog into a ring of
 * its own, and the rings share one budget by use (logset.h), so a full
 * budget gives the new lines room from the others' oldest. From the bytes
 * and times each tail holds now, the time every tail will keep back to,
 * and the footer's words when a tail will keep less than it holds.
 */
#ifndef WARROOM_LOGCOST_H
#define WARROOM_LOGCOST_H

#include <stddef.h>
#include <stdint.h>

/* One tail as LOGS holds it now. */
struct logcost_tail {
	const char *name;	/* "h4/api" */
	int64_t oldest, newest;	/* its kept lines' first and last stamps (Unix
				 * seconds), or WR_LOGBUF_NO_TIME */
	size_t bytes;		/* what its kept lines take of the budget */
};

/* The time every tail will keep back to as lines go on arriving at now:
 * when the tails' rates (the bytes each holds over the time they span)
 * fill pool bytes; a time before any line when they hold nothing. */
int64_t logcost_keep_from(const struct logcost_tail *t, size_t n, size_t pool, int64_t now);

/* The footer's words when + adds `added` to the n tails of t: "+ h5/api:
 * LOGS now follows 5 services; the log budget (64 MiB) is full, so h4/api
 * keeps from about 15:26:07 (was 15:23:10)" (budget: log_buffer's bytes;
 * times to the second, as the kept lines' stamps read). The tail losing
 * most is named; a loss under a minute is none, and a tail keeps at least
 * what a ring's smallest room holds of it. With no such loss but the
 * budget full: "…; the log budget (64 MiB) is full, so its lines take the
 * oldest: h4/api keeps from about 15:26:50 (was 15:26:30)", or "h4/api's
 * first (kept from 15:26:30 now)" when it loses nothing yet, the tail
 * named the one holding most. Empty when neither; out's length otherwise. */
size_t logcost_words(const struct logcost_tail *t, size_t n, const char *added, size_t pool,
    size_t budget, int64_t now, char *out, size_t cap);

#endif
