/*
 * scrollwin.h — which rows of a long text a fixed-height window shows,
 * and where PgUp/PgDn take it. A hidden part is announced by a marker
 * row ("▲ N more lines" at the top, "▼ N more lines" at the bottom) that
 * takes a row of the window, so no row is ever skipped between pages.
 * Pure: the caller draws.
 */
#ifndef WARROOM_SCROLLWIN_H
#define WARROOM_SCROLLWIN_H

struct scrollwin {
	int first;                       /* first text row shown (clamped) */
	int shown;                       /* text rows shown from first */
	int above;                       /* rows hidden above: a ▲ marker when > 0 */
	int below;                       /* rows hidden below: a ▼ marker when > 0 */
};

/* The window of rows rows over a text total rows long, from row first
 * (clamped so the last page is full); markers only with rows >= 3. */
struct scrollwin scrollwin_at(int total, int rows, int first);

/* The first row after a page down (dir > 0) or up (dir < 0) from first. */
int scrollwin_page(int total, int rows, int first, int dir);

#endif
