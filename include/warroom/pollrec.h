/*
 * pollrec.h — when a host whose SSH session stays UP but whose data stops
 * coming goes into the journal as a poll.change record. A read failing
 * (the driver's command failing or answering what cannot be parsed, a
 * /healthz or /readyz with no answer at all) is news only once no good
 * answer came for a poll interval plus POLLREC_SETTLE_MS: one bad poll
 * records nothing. Its end is news at the first good answer, with how long
 * the data was missing and how many polls failed. A host that is not UP
 * is conn.change's (connrec.h): nothing it fails to read counts, and a
 * stretch not recorded yet is dropped. Pure: the caller says what the
 * reads show and when.
 */
#ifndef WARROOM_POLLREC_H
#define WARROOM_POLLREC_H

#include <stdbool.h>
#include <stdint.h>

/* How long past one poll interval a failure must hold to be recorded. */
#define POLLREC_SETTLE_MS 10000

/* What the console saw of a host's reads lately (zeroed to start). */
struct pollrec_live {
	bool failing;                    /* the last look found a read failing */
	int64_t since_ms;                /* failing: the stretch's first failed read began */
	int64_t last_failed_ms;          /* the latest failed read counted */
	int64_t back_ms;                 /* every read answering again since (0: not) */
	int failures;                    /* failed polls in the stretch */
	char what[64];                   /* the stretch's first failing read: "compose ps" */
	char error[256];                 /* … and its error */
};

enum pollrec_do {
	POLLREC_NOTHING,
	POLLREC_WRITE_LOST,              /* a poll.change saying the data stopped and why */
	POLLREC_WRITE_BACK,              /* a poll.change saying it is back */
};

/* What the console can tell of a host's reads at one look. */
enum pollrec_seen {
	POLLREC_NOT_UP,                  /* its session is not UP: conn.change's */
	POLLREC_WAITING,                 /* some read has not answered since it came
	                                    up: no news either way */
	POLLREC_ANSWERING,               /* every read answered since */
	POLLREC_FAILING,                 /* a read since failed */
};

/* Note host's reads at now_ms. FAILING: what and error name the first
 * read failing now, failed_ms when it began (a new value is one more
 * failed poll). said_lost: the journal's last poll.change of the host
 * said lost. */
void pollrec_observe(struct pollrec_live *l, enum pollrec_seen seen, const char *what,
    const char *error, int64_t failed_ms, bool said_lost, int64_t now_ms);

/* Whether a poll.change is due; interval_ms: the longest of the host's
 * poll intervals (driver and probes). */
enum pollrec_do pollrec_decide(const struct pollrec_live *l, bool said_lost, int interval_ms,
    int64_t now_ms);

/* How long the data was missing, in whole seconds (rounded to the
 * nearest), from the first failed read to the answers' return. */
int64_t pollrec_missing_s(int64_t since_ms, int64_t back_ms);

#endif
