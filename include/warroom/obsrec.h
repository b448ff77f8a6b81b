/*
 * obsrec.h — when a console that writes records what it observed
 * (exports.change, health.change, verdict.change) while other consoles
 * observe the same hosts and write the same journal. Each console polls
 * on its own clock, so one a moment behind another would "see" the other's
 * change undone and then done again, and write both. A record is written
 * only when this console's own observation changed since it last settled
 * it AND the journal's latest record of that kind for that host/service
 * (from any console) says otherwise, and never from a read that began
 * before that record was written. One change this console never saw (it
 * flipped and back between two of its reads) is still written once its
 * reads have said otherwise for OBSREC_HOLD_MS after the journal's record,
 * so the journal is not left wrong. A console continued after being
 * stopped writes nothing from a read begun before it continued: the state
 * then may be long gone, or half of it (a stale tag beside a fresh probe)
 * never existed. Also: an action.reconcile of an op
 * the journal already holds the outcome of is not written again. Pure:
 * values are compared as strings the caller composes.
 */
#ifndef WARROOM_OBSREC_H
#define WARROOM_OBSREC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How long this console's fresh reads must hold against the journal's
 * latest record, with no change of its own seen, before it is written. */
#define OBSREC_HOLD_MS 10000

/* What this console last settled of one host/service (zeroed to start). */
struct obsrec_mine {
	bool have;               /* settled anything yet */
	char value[96];          /* what it observed then */
	int64_t differ_ms;       /* its first read after the journal's record
	                            that said otherwise, unchanged; 0: none */
	int64_t fresh_ms;        /* reads begun before it say nothing: the
	                            console was stopped until then; 0: none */
};

/* The journal's latest record of that kind for that host/service. */
struct obsrec_said {
	bool have;
	const char *value;
	int64_t ts_ms;           /* when it was written */
};

enum obsrec_do {
	OBSREC_SAME,             /* the journal says what this console sees */
	OBSREC_BEHIND,           /* the journal is newer than this console's read:
	                            nothing until a read after it */
	OBSREC_HOLD,             /* a fresh read says otherwise, but this console
	                            saw no change of its own: not yet */
	OBSREC_WRITE,            /* write the record (then obsrec_wrote) */
};

/* Decide for the observation now (read_ms: when the read behind it
 * began; 0 when not known, taken as fresh) against said. Notes into m
 * what SAME settles and when a HOLD began. */
enum obsrec_do obsrec_decide(struct obsrec_mine *m, const char *now, int64_t read_ms,
    const struct obsrec_said *said);

/* The record of now was written (or the journal already held it). */
void obsrec_wrote(struct obsrec_mine *m, const char *now);

/* The console was stopped (Ctrl-Z, SIGSTOP) and continues at now_ms: for
 * each of m[n], what it read before is not what holds (OBSREC_BEHIND for
 * a read begun earlier), and a hold starts over from fresh reads. */
void obsrec_continued(struct obsrec_mine *m, size_t n, int64_t now_ms);

/* Whether this console writes an action.reconcile of an op with outcome
 * ("ok", "failed", "unknown"): not when the journal already settles the
 * op (settled: an action.end or a reconcile saying ok or failed, from any
 * console), nor an "unknown" when one saying so is there already. */
bool obsrec_reconcile_due(bool settled, bool said_unknown, const char *outcome);

#endif
