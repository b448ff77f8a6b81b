/*
 * columns.h — which columns of a table fit a pane, and how wide each is.
 * Each column is as wide as its widest cell (its title included) up to a
 * cap, so short values leave room for more columns; columns are taken in
 * priority order while they fit.
 */
#ifndef WARROOM_COLUMNS_H
#define WARROOM_COLUMNS_H

/* Grow width[c] to at least cells, never past cap. */
void columns_widen(int *width, int cells, int cap);

/* How many of the n columns (in priority order, widths in cells, one
 * space between) fit in pane cells; never fewer than min_cols, whose
 * overflow the caller clips. */
int columns_fit(const int *width, int n, int pane, int min_cols);

#endif
