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

/* One HOSTS row's reads as the console holds them (wall-clock ms). */
struct pollrec_row {
	bool have_driver;                /* the driver's read answered once */
	int64_t driver_at_ms;            /* … last answered then */
	const char *driver_error;        /* the last driver read's failure, "" none */
	int64_t driver_failed_ms;        /* … that read began then */
	bool probed;                     /* the row has a health endpoint */
	bool have_probe;                 /* a whole probe round answered */
	int64_t probe_sent_ms;           /* … the last one was sent then */
	bool healthz_answered, readyz_answered; /* its /healthz, /readyz got any
	                                    HTTP answer (an error status is
	                                    health, not a gap) */
	const char *healthz_why, *readyz_why; /* … else why not */
};

/* Which read pollrec_look found failing. */
enum pollrec_read {
	POLLREC_READ_DRIVER,
	POLLREC_READ_HEALTHZ,
	POLLREC_READ_READYZ,
};

/* What a host's n rows show since its session came UP at up_ms: FAILING
 * with the first failing read (the driver's of any row, then a probe
 * with no answer at all), its row, which read, its error and when it
 * began; WAITING while some read has not answered since up_ms; else
 * ANSWERING. A probe round counts only when it was sent since up_ms: a
 * round sent over the session lost before (its answers, or the failures
 * it left) is that connection's, which conn.change said, however late
 * the next round's first answer comes. */
enum pollrec_seen pollrec_look(const struct pollrec_row *rows, int n, int64_t up_ms,
    int *row, enum pollrec_read *read, const char **error, int64_t *failed_ms);

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
