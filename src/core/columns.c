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
columns_fit(const int *width, int n, int pane, int min_cols)
{
	int c = 0, used = 0;

	while (c < n && used + width[c] <= pane) {
		used += width[c] + 1;
		c++;
	}
	return c < min_cols ? (min_cols < n ? min_cols : n) : c;
}
