/*
 * tlrows.h — the rows of the TIMELINE pane. One a record, except that a
 * host's verdict moving among levels, or its service's health flipping,
 * is one row where its first record is: flapfold_find's runs, the rule
 * the post-mortem's timeline folds by (flapfold.h), so the screen and
 * the export never disagree on what is folded; so are a status-page
 * post's tries (spfold.h). An action, a note, a post,
 * an escalation past every level a run met: each stays a row. Asked for,
 * every record is its own row again. Display only: the records (the
 * journal) are never changed. Pure: records in, rows out.
 */
#ifndef WARROOM_TLROWS_H
#define WARROOM_TLROWS_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/flapfold.h"
#include "warroom/spfold.h"
#include "warroom/record.h"

/* One row of the pane. */
struct tlrows_row {
	size_t first;            /* the record it is drawn at (its time) */
	size_t last;             /* the last record it stands for */
	size_t count;            /* how many records it stands for; 1: its own */
	size_t run;              /* 1 + the index in runs of the run it folds;
	                            0: a record of its own */
	size_t sp;               /* 1 + the index in sps of the post's tries it
	                            folds; 0: none */
};

struct tlrows {
	struct tlrows_row *rows;     /* in record order of their first records */
	size_t nrows;
	struct flapfold_run *runs;   /* flapfold_find's, indexes into the records */
	size_t nruns;
	struct spfold_run *sps;      /* spfold_find's, indexes into the records */
	size_t nsps;
	size_t *row_of;              /* for each record, the row that shows it */
	size_t nrecords;
};

/* The rows of v[n] into t (what t held is freed): each run of
 * flapfold_find, and of spfold_find, one row at its first record; with
 * all, one row every record and no runs. t starts zeroed. */
void tlrows_build(struct tlrows *t, const struct record *v, size_t n, bool all);

/* The row that shows record i (its run's row when one folds it);
 * t->nrows when i is past the records. */
size_t tlrows_find(const struct tlrows *t, size_t i);

/* How many records t's folded rows (two or more records) stand for:
 * *flaps those of flapping verdicts or health, *tries those of
 * status-page posts' tries; returns their sum. */
size_t tlrows_folded(const struct tlrows *t, size_t *flaps, size_t *tries);

/* a's footer words into out: every record shown again (all) or folded
 * again, with flaps and tries as tlrows_folded counts the folded rows
 * (before a, or after): "TIMELINE: 24 records folded (flapping verdicts
 * or health, status-page tries; a shows every record)". */
void tlrows_toggle_words(bool all, size_t flaps, size_t tries, char *out, size_t cap);

/* Into f, what the folding reads of r, the rest left out (a screen's
 * records need not keep every action's plan twice): its seq, time,
 * session, kind, host and op, and the data of verdict and health changes,
 * of resumes (whether a console opened beside others: no gap) and of a
 * post's tries and retries. Free it
 * with tlrows_kept_free. */
void tlrows_keep(struct record *f, const struct record *r);

/* Free what tlrows_keep put in f. */
void tlrows_kept_free(struct record *f);

/* Free what t holds and zero it. */
void tlrows_free(struct tlrows *t);

#endif
