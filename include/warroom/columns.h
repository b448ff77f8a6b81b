/*
 * columns.h — which columns of a table fit a pane, and how wide each is.
 * Each column is as wide as its widest cell (its title included) up to a
 * cap, so short values leave room for more columns. A column may also have
 * a brief width (its values in fewer words, "DOWN 2m" for "DOWN
 * 2m43s"); columns are taken brief in priority order while they fit, and
 * widened where the order says, so a long form never pushes out a column
 * that matters more. Columns are drawn in table order.
 */
#ifndef WARROOM_COLUMNS_H
#define WARROOM_COLUMNS_H

#include <stdbool.h>
#include <time.h>

/* Grow width[c] to at least cells, never past cap. */
void columns_widen(int *width, int cells, int cap);

/* A step of columns_pick that widens column c, once shown, to its full width. */
#define COLUMNS_WIDEN(c) (-1 - (c))

/* Which of the n columns to show in pane cells (one space between), and
 * how wide. steps lists, most important first, column c (taken at
 * brief[c] cells) or COLUMNS_WIDEN(c) (c, if shown, grown to full[c]).
 * The first min_cols steps always show (the caller clips their overflow);
 * every other is taken if it still fits, so a wide column left out does
 * not hide a narrow one after it. Columns left brief are then widened in
 * step order while room is left. brief NULL: every column is full width.
 * Sets show[c] and width[c] (0 when not shown); returns how many show. */
int columns_pick(const int *full, const int *brief, const int *steps, int nsteps, int n,
    int pane, int min_cols, bool *show, int *width);

/* Most columns (and twice as many steps) a struct columns_hold keeps. */
#define COLUMNS_MAX 16

/* Seconds a column's width is held after its widest value went. */
#define COLUMNS_HOLD_S 30

/* What columns_hold_pick keeps from one frame to the next (in the pane's
 * context, zeroed at first), so the columns shown stay put while the
 * widths of the values wobble. */
struct columns_hold {
	int pane;                        /* cells the set was chosen in; 0: none */
	int nsteps, steps[2 * COLUMNS_MAX]; /* the order it was chosen by */
	bool show[COLUMNS_MAX];          /* the set chosen */
	int full[COLUMNS_MAX], brief[COLUMNS_MAX]; /* the widths held */
	time_t full_at[COLUMNS_MAX], brief_at[COLUMNS_MAX]; /* last needed so */
	bool better;                     /* a pick widening more is better … */
	time_t better_since;             /* … since then */
};

/* columns_pick with hysteresis, at time now (seconds): the set chosen
 * last is kept while it fits (its columns brief first, then widened),
 * unless the widest values of the last COLUMNS_HOLD_S seconds pick a
 * better one by the steps' order (a column it adds comes before any it
 * drops; one that only widens a column first, once it has been better
 * for COLUMNS_HOLD_S seconds). A new pane size or order picks afresh, and
 * so does a column filled (wider than least[c], its blank width) after
 * being blank for COLUMNS_HOLD_S seconds. */
int columns_hold_pick(struct columns_hold *hold, time_t now, const int *least, const int *full,
    const int *brief, const int *steps, int nsteps, int n, int pane, int min_cols,
    bool *show, int *width);

#endif
