/*
 * columns.c — content-sized table columns taken in priority order, brief
 * first and widened while room is left.
 */
#include "warroom/columns.h"

#include <stddef.h>

void
columns_widen(int *width, int cells, int cap)
{
	if (cells > cap)
		cells = cap;
	if (cells > *width)
		*width = cells;
}

/* Widen shown column c to its full width if the extra cells fit. */
static void
widen(const int *full, int c, int pane, int *used, const bool *show, int *width)
{
	if (show[c] && full[c] > width[c] && *used + full[c] - width[c] <= pane) {
		*used += full[c] - width[c];
		width[c] = full[c];
	}
}

int
columns_pick(const int *full, const int *brief, const int *steps, int nsteps, int n,
    int pane, int min_cols, bool *show, int *width)
{
	int i, c, w, used = -1, shown = 0;    /* -1: no space before the first */

	for (c = 0; c < n; c++) {
		show[c] = false;
		width[c] = 0;
	}
	for (i = 0; i < nsteps; i++) {
		c = steps[i];
		if (c < 0) {
			if (-1 - c < n)
				widen(full, -1 - c, pane, &used, show, width);
			continue;
		}
		if (c >= n || show[c])
			continue;
		w = brief != NULL && brief[c] < full[c] ? brief[c] : full[c];
		if (i < min_cols || used + 1 + w <= pane) {
			show[c] = true;
			width[c] = w;
			used += 1 + w;
			shown++;
		}
	}
	for (i = 0; i < nsteps; i++)
		if (steps[i] >= 0 && steps[i] < n)
			widen(full, steps[i], pane, &used, show, width);
	return shown;
}
