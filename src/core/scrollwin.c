/*
 * scrollwin.c — a window of rows over a long text, with its markers.
 */
#include "warroom/scrollwin.h"

struct scrollwin
scrollwin_at(int total, int rows, int first)
{
	struct scrollwin w = { 0, 0, 0, 0 };
	int room;

	if (total <= 0 || rows <= 0)
		return w;
	if (total <= rows)
		first = 0;
	else if (rows < 3) {
		/* No room for markers: the rows alone. */
		first = first > total - rows ? total - rows : first;
		first = first < 0 ? 0 : first;
		w.first = first;
		w.shown = rows;
		w.above = first;
		w.below = total - first - rows;
		return w;
	}
	/* The last page ends the text, under its ▲ marker. */
	if (total > rows && first > total - (rows - 1))
		first = total - (rows - 1);
	if (first < 0)
		first = 0;
	room = rows - (first > 0);
	w.first = first;
	w.above = first;
	if (total - first <= room)
		w.shown = total - first;
	else {
		w.shown = room - 1;      /* the ▼ marker's row */
		w.below = total - first - w.shown;
	}
	return w;
}

int
scrollwin_page(int total, int rows, int first, int dir)
{
	struct scrollwin w = scrollwin_at(total, rows, first);

	if (dir > 0)
		return scrollwin_at(total, rows, w.first + (w.shown > 0 ? w.shown : 1)).first;
	/* Back to the page that ends right above this one: the top page
	 * (no ▲ marker) holds rows - 1 rows, any other rows - 2. */
	if (rows < 3)
		return scrollwin_at(total, rows, w.first - rows).first;
	if (w.first <= rows - 1)
		return 0;
	return scrollwin_at(total, rows, w.first - (rows - 2)).first;
}
