/*
 * healthrec.h — when a HOSTS row's health.change record is written, and
 * whether its tag can be said. The tag (a driver read over SSH) and the
 * health (HTTP probes) arrive separately: after an action's end (or C-r)
 * the probes often answer before the driver has re-read the tag, and a
 * record then would pair a fresh /readyz with the tag from before the
 * action. Such a record waits for the re-read (held, with its round's
 * time, and written with the tag the re-read says: the rounds sent after
 * the refresh and that read bracket each other); when the re-read fails
 * it is written saying the tag was not re-read. While an action runs on the
 * host (a rollout undo, then its rollout status) the host may change
 * between any two reads, so a change waits for its end. A deploy made
 * outside the console moves no refresh, so the tag in hand brackets the
 * probes instead: a new tag waits for a probe round sent after it was
 * first read, and a health change under an unchanged tag waits for a tag
 * read begun after the round answered. A state may be gone before that
 * read (/readyz FAIL for one round, then OK): each change waiting so is
 * held per row with its round's time, and written when the read comes:
 * with the tag when it says the tag read before them, saying the tag was
 * not re-read when it says another or fails (or the console ends first).
 * Pure: the caller passes the row's readings and the times behind them.
 */
#ifndef WARROOM_HEALTHREC_H
#define WARROOM_HEALTHREC_H

#include <stdbool.h>
#include <stdint.h>

#include "warroom/probe.h"

struct cJSON;

/* What the console holds of a row now; times are wall-clock ms. */
struct healthrec_now {
	const char *tag;
	int healthz, readyz;             /* enum probe_health */
	enum probe_schema schema_warn;   /* /readyz ready, migrations not current
	                                    (probe_result's schema_warn) */
	const char *rev_database, *rev_expected;  /* the revisions it gave
	                                    (borrowed; NULL or "": none) */
	bool probed;                     /* the row has a health endpoint */
	int64_t tag_read_ms;             /* the driver read behind tag began then */
	int64_t tag_seen_ms;             /* the first read (of those in a row) that
	                                    said tag answered then: live by then */
	int64_t probe_sent_ms;           /* the last whole probe round was sent then */
	int64_t probe_done_ms;           /* … and its last answer came then */
	int64_t failed_ms;               /* the last failed driver read began then; 0 none */
	int64_t refresh_ms;              /* the host may have changed since (an
	                                    action's end, C-r); 0 never */
	bool changing;                   /* an action runs on the host now: it
	                                    may change at any moment */
	bool deploy_pending;             /* the tag is new and the read that says
	                                    when it went live has not answered */
};

/* What the journal last said of the row (have false: nothing yet; tag ""
 * when that record could not say it). */
struct healthrec_last {
	bool have;
	const char *tag;
	int healthz, readyz;
	enum probe_schema schema_warn;
};

enum healthrec_do {
	HEALTHREC_SAME,                  /* nothing to record */
	HEALTHREC_WAIT,                  /* a change, but a reading predates the
	                                    refresh or the tag, or no tag read
	                                    followed the probes yet, or an action
	                                    runs: wait for the re-read */
	HEALTHREC_WRITE,                 /* a record with the tag */
	HEALTHREC_WRITE_UNREAD,          /* a record saying the tag was not re-read */
};

/* Whether the row's readings differ from the last record, and if so
 * whether they may be written together now. */
enum healthrec_do healthrec_decide(const struct healthrec_now *now,
    const struct healthrec_last *last);

/* How many health changes a row holds for a tag read after them. */
#define HEALTHREC_HELD_MAX 4

/* One health change waiting for a tag read begun after its round answered. */
struct healthrec_held {
	int healthz, readyz;             /* enum probe_health */
	enum probe_schema schema_warn;
	char rev_database[PROBE_REVISION_MAX], rev_expected[PROBE_REVISION_MAX];
	                                 /* the revisions its /readyz gave */
	int64_t sent_ms;                 /* its probe round was sent then */
	int64_t done_ms;                 /* … and answered then: the change's time */
};

/* A row's held changes, oldest first (zeroed to start). */
struct healthrec_queue {
	char tag[128];                   /* the tag read before them said ("" while
	                                    held for a refresh's re-read) */
	int64_t refresh_ms;              /* held for the re-read of the refresh
	                                    (an action's end, C-r) then: they go
	                                    with the tag it says; 0 not so */
	struct healthrec_held held[HEALTHREC_HELD_MAX];
	int n;
	int dropped;                     /* changes after them not held: it was full */
	struct healthrec_held last;      /* the round looked at last while holding */
};

/* healthrec_decide, holding in q a health change that waits for a tag
 * read after its round, and every later change while one is held (so
 * they are written in order): WAIT then. Rows without probes hold none. */
enum healthrec_do healthrec_observe(struct healthrec_queue *q,
    const struct healthrec_now *now, const struct healthrec_last *last);

/* How many of q's oldest changes the tag read now settles (0: none yet),
 * and *how: WRITE when a read begun after their rounds said q->tag;
 * WRITE_UNREAD when the tag now is another (which release answered is not
 * known) or such a read failed. Held for a refresh's re-read, all settle
 * once it answered, and q->tag becomes the tag it said (WRITE), or the one
 * in hand when it failed (WRITE_UNREAD). Ask again after writing them. */
int healthrec_settled(struct healthrec_queue *q, const struct healthrec_now *now,
    enum healthrec_do *how);

/* The oldest n of q were written; dropped is cleared once none is held. */
void healthrec_pop(struct healthrec_queue *q, int n);

/* Into a health.change record's data: "schema_ahead" (true only for
 * AHEAD, as journals have always had it) and, for any warning, "schema"
 * ("ahead", "behind", "unsure"); was: the "was_" names of both. */
void healthrec_add_schema(struct cJSON *data, enum probe_schema warn, bool was);

/* Into it too, with a warning (warn not UNSAID): the revisions /readyz
 * gave, "schema_database" and "schema_expected", when it gave both. */
void healthrec_add_revisions(struct cJSON *data, enum probe_schema warn, const char *database,
    const char *expected);

/* The warning such a record says readiness carried (was: its "was_"
 * fields). A journal from before "schema" only knew "schema_ahead": true
 * for any migrations not current: that is UNSURE, never AHEAD. */
enum probe_schema healthrec_schema(const struct cJSON *data, bool was);

#endif
