/*
 * columns.c — content-sized table columns taken in priority order.
 */
#include "warroom/columns.h"

void
columns_widen(int *width, int cells, int cap)
{
	if (cells > cap)
		cells = cap;
	if (cells > *width)
		*width = cells;
}

int
columns_pick(const int *width, const int *prio, int n, int pane, int min_cols,
    bool *show)
{
	int i, c, used = -1, shown = 0;       /* -1: no space before the first */

	for (c = 0; c < n; c++)
		show[c] = false;
	for (i = 0; i < n; i++) {
		c = prio[i];
		if (i < min_cols || used + 1 + width[c] <= pane) {
			show[c] = true;
			used += 1 + width[c];
			shown++;
		}
	}
	return shown;
}
