/*
 * connrec.h — when a host's reachability goes into the journal as a
 * conn.change record. A host lost (DOWN, or UNTRUSTED) is recorded at
 * once with why; its return only once it has stayed UP for
 * CONNREC_SETTLE_MS, with how long it was away. A host that flaps (back
 * UP, lost again within that time) adds no records: the one return
 * written counts the drops meanwhile (written sooner when a record about
 * the host comes first: connrec_return_held). So a post-mortem can say when each
 * host was unreachable, and a flapping host costs two records. A host
 * never reached before is no return: its first reach is recorded at once
 * (`first`; nothing to debounce, it never was UP), and one that waited
 * for its host key to be trusted says so. Pure: the caller says what the
 * pool shows and when.
 */
#ifndef WARROOM_CONNREC_H
#define WARROOM_CONNREC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How long a host must stay UP before its return is recorded. */
#define CONNREC_SETTLE_MS 10000

/* A return is said as a range (back between the last failed try and
 * the reconnect) only when that try failed longer than this before: the
 * first retries come 1, 2 and 4 s apart, and a few seconds is noise. */
#define CONNREC_END_SLACK_MS 5000

enum connrec_state {
	CONNREC_UNKNOWN,                 /* connecting (first time or again): no news */
	CONNREC_UP,
	CONNREC_DOWN,
	CONNREC_UNTRUSTED,               /* only seen, never kept: DOWN because
	                                    its host key is not trusted (it
	                                    answered; K or known_hosts decides) */
};

/* What the console saw of a host lately (zeroed to start). */
struct connrec_live {
	enum connrec_state state;        /* UP or DOWN as last seen; UNKNOWN before */
	int64_t since_ms;                /* wall clock: in that state since */
	int drops;                       /* lost again after a return not yet
	                                    recorded (while the journal says DOWN) */
	bool reached;                    /* seen UP at least once in this run */
	int64_t failed_ms;               /* UP: wall clock of the pool's last failed
	                                    try before this return (0: none known) */
	char reason[256];                /* DOWN: why, as the pool said it first */
	bool untrusted;                  /* DOWN: it began UNTRUSTED (its key not
	                                    trusted), as the reason was taken */
};

enum connrec_do {
	CONNREC_NOTHING,
	CONNREC_WRITE_DOWN,              /* a conn.change saying DOWN and why */
	CONNREC_WRITE_UP,                /* a conn.change saying it is back */
};

/* Note what the pool shows of the host at now_ms (state UNKNOWN while it
 * connects: that changes nothing; UNTRUSTED is DOWN, its key the why);
 * said is what the journal last said;
 * failed_ms, the wall clock of the pool's last failed try to reach it (0:
 * none), is kept when it turns UP. */
void connrec_observe(struct connrec_live *l, enum connrec_state state, const char *reason,
    enum connrec_state said, int64_t failed_ms, int64_t now_ms);

/* The last failed try before the return l records, if it falls in the
 * DOWN stretch that began at down_ms (the DOWN's since); 0 otherwise. The
 * host came back between it and the return: the console was waiting to
 * try again. */
int64_t connrec_last_failed(const struct connrec_live *l, int64_t down_ms);

/* Whether a conn.change is due, given what the journal last said
 * (said_first: a DOWN it said `first`, the host never reached before: its
 * UP is a first reach, due at once). */
enum connrec_do connrec_decide(const struct connrec_live *l, enum connrec_state said,
    bool said_first, int64_t now_ms);

/* Whether a return is seen but not yet due (held by the settle): the
 * journal says DOWN, the host is UP. A record read over the new session
 * writes it first (its since is already right), so it reads in order. */
bool connrec_return_held(const struct connrec_live *l, enum connrec_state said);

/* Whether a DOWN due now is the host's first contact failing: never seen
 * UP in this run, and the journal knows of no reach either (journal_reached:
 * an earlier record of it read over SSH or saying it UP; said: its last
 * conn.change). A host up since the start that drops has no conn.change
 * before, but it was reached. */
bool connrec_first(const struct connrec_live *l, enum connrec_state said, bool journal_reached);

/* How long a host was DOWN, in whole seconds (rounded to the nearest),
 * from when it was lost to when it came back: the one rule behind
 * down_s, TIMELINE and the post-mortem's Reachability. */
int64_t connrec_down_s(int64_t down_ms, int64_t up_ms);

/* How much of a host's DOWN stretch (down_ms to up_ms) fell in one
 * stretch no console ran (gap_from_ms to gap_to_ms), in ms; 0 when none:
 * the host may have been back sooner, so down_s is at most. A DOWN's
 * total over all such stretches is export_conn_unwatched_s. */
int64_t connrec_unwatched_ms(int64_t down_ms, int64_t up_ms, int64_t gap_from_ms,
    int64_t gap_to_ms);

/* What is known of a DOWN stretch's length. A DOWN began between the
 * last time it was seen UP and the first reading DOWN, and ended between
 * the last reading DOWN and the first UP; a stretch with nothing recorded
 * widens one of these. */
struct connrec_span {
	int64_t down_s;          /* first reading DOWN to first reading UP (down_s) */
	int64_t unwatched_s;     /* of it, nothing recorded: it may have been back
	                            in between (unwatched_s) */
	int64_t start_unseen_s;  /* found DOWN on a console's first reading: how long
	                            before it the last record was, the host not
	                            DOWN then (0: its going down was seen) */
	int64_t end_unseen_s;    /* how long before the first reading UP the last
	                            try to reach it failed: it was back somewhere in
	                            between (0: not known, or within
	                            CONNREC_END_SLACK_MS: connrec_end_unseen_s) */
};

/* end_unseen_s of a return read UP at up_ms whose last failed try was at
 * failed_ms (0: not known): whole seconds, 0 when within the slack. */
int64_t connrec_end_unseen_s(int64_t failed_ms, int64_t up_ms);

/* The shortest it can have been DOWN: down_s less what no console saw
 * and the wait after the last failed try. */
int64_t connrec_span_min_s(const struct connrec_span *sp);

/* The longest: from the last record before it was found DOWN (or its
 * first reading DOWN) to the first reading UP. */
int64_t connrec_span_max_s(const struct connrec_span *sp);

/* Room enough for any why connrec_span_words gives, all three at once. */
#define CONNREC_WHY_MAX 320

/* The length in words, into len: "50s"; "at least 45s, at most 1m 19s"
 * (its start unseen, nothing recorded for part of it, or its end after a
 * failed try: connrec_span_min_s and _max_s); "at most 45s" (no part of
 * it seen DOWN). Why, into why ("" when sure):
 * "already DOWN when a console opened; nothing recorded for 31s of it: it
 * may have been back in between; last failed try 29s before the
 * reconnect: it may have been back any time in those 29s".
 * The one wording of TIMELINE's UP row and the post-mortem's Reachability. */
void connrec_span_words(const struct connrec_span *sp, char *len, size_t lcap, char *why,
    size_t wcap);

/* A length of s seconds as the post-mortem says it: "45s", "1m 19s",
 * "1h 02m 03s". */
void connrec_dur(int64_t s, char *out, size_t cap);

/* "UP", "DOWN"; parse: the state such a name says (UNKNOWN otherwise). */
const char *connrec_name(enum connrec_state s);
enum connrec_state connrec_parse(const char *name);

#endif
