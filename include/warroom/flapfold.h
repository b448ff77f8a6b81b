/*
 * flapfold.h — records a post-mortem's timeline says at once. A host
 * whose verdict keeps moving among levels (OK, MONITOR and CONSIDER
 * ROLLBACK, as a fault switched on and off every 30 s gives) fills it
 * with rows that say one thing: "verdict changed 12 times between OK,
 * MONITOR and CONSIDER ROLLBACK, 01:02–01:07"; so do the health.change
 * records of its probes flipping with it. An action on the host or a
 * change of its tag ends its runs, and the record after it is a row of
 * its own (what the action left; a level from before it is none a run
 * after it met). A fleet's first verdicts at the start, each OK, and
 * its first readings are kept in the journal (that a host ran its
 * release healthy first is evidence, see badrel.h) and said as one row
 * each. No run spans a gap: a stretch no console recorded (a
 * console opening alone, after a kill or a quit; the last one shutting
 * down; a degraded journal's recovery; a torn tail set aside) ends every
 * run and group, and a host's DOWN or lost polls (conn.change,
 * poll.change), and their end, end its runs; the record after a gap is a
 * new reading, a row of its own. Pure: records in, indexes out; the
 * records themselves (and the JSON's list of them) are never changed.
 */
#ifndef WARROOM_FLAPFOLD_H
#define WARROOM_FLAPFOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/record.h"

/* Moves in a row that make a run: two round trips. Fewer stay rows: one
 * there and back is news a reader wants as it is. */
#define FLAPFOLD_MIN_MOVES 4
/* A move this long after the run's last one starts another run. */
#define FLAPFOLD_GAP_MS (5 * 60 * 1000)
/* A run's first move whose level held this long before the next is a
 * row: the run starts at the next move (a fold starts where the
 * flapping does, not at a level that stood before it). */
#define FLAPFOLD_HOLD_MS (60 * 1000)
/* Values of one field a run keeps; past that, more is set. */
#define FLAPFOLD_VALUES_MAX 8

/* What a run's records are. */
enum flapfold_kind {
	FLAPFOLD_VERDICT,        /* verdict.change */
	FLAPFOLD_HEALTH,         /* health.change that is no first reading and
	                            no change of tag */
};

/* The values one field took in a run, each once (borrowed, as the
 * records spell them). */
struct flapfold_values {
	const char *v[FLAPFOLD_VALUES_MAX];
	size_t n;
	bool more;               /* others did not fit */
};

/* One run: the records of one kind of one host (and service, where they
 * name one) from first to last, each a move (a verdict record repeating
 * the level before it is folded too, not counted). Not in it: the
 * record its first move moved from. */
struct flapfold_run {
	enum flapfold_kind kind;
	size_t first, last;      /* indexes of its first and last record */
	size_t moves;            /* how many of its records moved */
	struct flapfold_values levels;  /* VERDICT: the levels it moved among,
	                            the one it moved from included, best first
	                            in decide_level's order (words it does not
	                            know after them, as met) */
	const char *worst;       /* VERDICT: the worst of them decide_level
	                            knows; NULL: none */
	struct flapfold_values healthz, readyz;  /* HEALTH: each probe's
	                            answers, the ones moved from included, as
	                            met; n 0: the records said none */
};

/* The runs among v[n] with at least FLAPFOLD_MIN_MOVES moves each, none
 * more than FLAPFOLD_GAP_MS after the one before, and no action of the
 * host (action.intent, .end, .reconcile), change of its tag (a
 * health.change with was_tag) or gap (above) between: verdict changes
 * among any levels, and a service's health changes. The records one
 * folds get mark[i] = 1 + the index of its run in *runs (in journal order
 * of their first records), the rest 0 (mark has n entries). The caller
 * frees *runs; returns how many. */
size_t flapfold_find(const struct record *v, size_t n, size_t *mark, struct flapfold_run **runs);

/* Hosts' first verdicts of OK, or first readings, this close together
 * are one row. */
#define FLAPFOLD_FIRST_GAP_MS (60 * 1000)

/* One group of first verdicts of OK, or of first readings. */
struct flapfold_group {
	size_t first, last;      /* indexes of its first and last record */
	size_t count;            /* how many records it folds */
};

/* The groups among v[n] of at least two first verdicts of OK (a host's,
 * or a host's service's, first verdict.change, saying OK), each within
 * FLAPFOLD_FIRST_GAP_MS of the one before and no console's gap between:
 * mark[i] = 1 + the index of
 * its group in *groups, the rest 0 (mark has n entries). The caller
 * frees *groups; returns how many. */
size_t flapfold_first_ok(const struct record *v, size_t n, size_t *mark,
    struct flapfold_group **groups);

/* The same for first readings (a health.change with data.first and a
 * service), healthy or not: the caller says what they read. */
size_t flapfold_first_readings(const struct record *v, size_t n, size_t *mark,
    struct flapfold_group **groups);

#endif
