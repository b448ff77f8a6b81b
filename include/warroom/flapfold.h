/*
 * flapfold.h — verdict.change records a post-mortem's timeline says at
 * once. A host whose verdict keeps moving back and forth between two
 * levels (CONSIDER ROLLBACK and MONITOR, as a health endpoint failing
 * beside steady traffic gives) fills it with rows that say one thing:
 * "moved between CONSIDER ROLLBACK and MONITOR 23 times, 00:14–00:22".
 * So do a fleet's first verdicts at the start, each OK: kept in the
 * journal (that a host ran its release healthy first is evidence, see
 * badrel.h), said as one row. Pure: records in, indexes out; the records
 * themselves (and the JSON's list of them) are never changed.
 */
#ifndef WARROOM_FLAPFOLD_H
#define WARROOM_FLAPFOLD_H

#include <stddef.h>
#include <stdint.h>

#include "warroom/record.h"

/* Moves in a row that make a run: two round trips. Fewer stay rows: one
 * there and back is news a reader wants as it is. */
#define FLAPFOLD_MIN_MOVES 4
/* A move this long after the run's last one starts another run. */
#define FLAPFOLD_GAP_MS (5 * 60 * 1000)

/* One run: the verdict.change records of one host (and service, where
 * they name one) from first to last, each a move between levels a and b
 * (a record repeating the level before it is folded too, not counted).
 * Not in it: the move into the pair before its first record. */
struct flapfold_run {
	size_t first, last;      /* indexes of its first and last record */
	size_t moves;            /* how many of its records moved */
	const char *a, *b;       /* the two levels, as the records spell them
	                            (borrowed), the worse first when both are
	                            decide_level_name's words */
};

/* The runs among v[n] with at least FLAPFOLD_MIN_MOVES moves each, none
 * more than FLAPFOLD_GAP_MS after the one before, and no action of the
 * host (action.intent, .end, .reconcile) or change of its tag (a
 * health.change with was_tag) between: the records it folds get mark[i]
 * = 1 + the index of their run in *runs, the rest 0 (mark has n
 * entries). The caller frees *runs; returns how many. */
size_t flapfold_find(const struct record *v, size_t n, size_t *mark, struct flapfold_run **runs);

/* Hosts' first verdicts of OK this close together are one row. */
#define FLAPFOLD_FIRST_GAP_MS (60 * 1000)

/* One group of first verdicts of OK. */
struct flapfold_group {
	size_t first, last;      /* indexes of its first and last record */
	size_t count;            /* how many records it folds */
};

/* The groups among v[n] of at least two first verdicts of OK (a host's,
 * or a host's service's, first verdict.change, saying OK), each within
 * FLAPFOLD_FIRST_GAP_MS of the one before: mark[i] = 1 + the index of
 * its group in *groups, the rest 0 (mark has n entries). The caller
 * frees *groups; returns how many. */
size_t flapfold_first_ok(const struct record *v, size_t n, size_t *mark,
    struct flapfold_group **groups);

#endif
