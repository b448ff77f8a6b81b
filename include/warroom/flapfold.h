/*
 * flapfold.h — a host whose verdict keeps moving back and forth between
 * two levels (CONSIDER ROLLBACK and MONITOR, as a health endpoint failing
 * beside steady traffic gives) fills a post-mortem's timeline with rows
 * that say one thing. This finds such runs of verdict.change records, so
 * the Markdown can say each once: "moved between CONSIDER ROLLBACK and
 * MONITOR 23 times, 00:14–00:22". Pure: records in, indexes out; the
 * records themselves (and the JSON's list of them) are never changed.
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

#endif
