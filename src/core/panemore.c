/*
 * panemore.c — the words a pane's border uses to count the rows out of
 * view, shared by every pane that scrolls so they all read alike.
 */
#include "warroom/panemore.h"

#include <stdio.h>

bool
panemore_text(bool up, bool utf8, int rows, int form, char *buf, size_t cap)
{
	const char *arrow = up ? (utf8 ? "▲" : "^") : (utf8 ? "▼" : "v");

	if (cap > 0)
		buf[0] = '\0';
	switch (form) {
	case 0:
		snprintf(buf, cap, "%s %d more %s", arrow, rows, rows == 1 ? "row" : "rows");
		return true;
	case 1:
		snprintf(buf, cap, "%s %d more", arrow, rows);
		return true;
	case 2:
		snprintf(buf, cap, "%s %d", arrow, rows);
		return true;
	case 3:
		snprintf(buf, cap, "%s%d", arrow, rows);
		return true;
	default:
		return false;
	}
}
