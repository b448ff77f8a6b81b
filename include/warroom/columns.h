/*
 * columns.h — which columns of a table fit a pane, and how wide each is.
 * Each column is as wide as its widest cell (its title included) up to a
 * cap, so short values leave room for more columns; columns are taken in
 * priority order while they fit, and drawn in table order.
 */
#ifndef WARROOM_COLUMNS_H
#define WARROOM_COLUMNS_H

#include <stdbool.h>

/* Grow width[c] to at least cells, never past cap. */
void columns_widen(int *width, int cells, int cap);

/* Which of the n columns (widths in cells, one space between) to show in
 * pane cells: prio lists them most important first; the first min_cols
 * of it always show (the caller clips their overflow), then each other
 * one that still fits, so a wide column left out does not hide a narrow
 * one after it. Sets show[c]; returns how many show. */
int columns_pick(const int *width, const int *prio, int n, int pane, int min_cols,
    bool *show);

#endif
