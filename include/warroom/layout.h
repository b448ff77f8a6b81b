/*
 * layout.h — where the panes go on a terminal of a given size: header,
 * five panes, footer. Pure arithmetic (no curses), so every size gives
 * the same answer and the rule is unit-tested.
 */
#ifndef WARROOM_LAYOUT_H
#define WARROOM_LAYOUT_H

#include <stdbool.h>

#define UI_MIN_COLS 80
#define UI_MIN_LINES 24

/* Rows HOSTS may take whenever the screen has them: its borders, its
 * header and ten hosts (fewer when its rows need fewer). Below the height where the side-by-side layout
 * gives that, HOSTS spans the width on top (LAYOUT_COMPACT). */
#define LAYOUT_HOSTS_WANT 13

enum pane_id {
	PANE_HOSTS,
	PANE_METRICS,
	PANE_LOGS,
	PANE_RUNBOOK,
	PANE_TIMELINE,
	PANE_COUNT
};

struct rect {
	int y, x, h, w;
};

struct layout {
	bool too_small;
	bool compact;                    /* HOSTS across the top (a short screen) */
	struct rect header, footer;
	struct rect pane[PANE_COUNT];
};

/* Split a cols x lines screen into header, five panes and footer; zoom a
 * pane_id: that pane fills the body and the others are empty (h = w = 0),
 * -1: all five. focus: the focused pane_id (-1: none); on a compact screen
 * a focused pane below HOSTS takes most of HOSTS' rows and its column's.
 * footer_rows: the rows the footer takes this frame (a long message goes
 * on above its own row), taken from the bottom panes (or a focused one
 * above them on a short screen).
 * hosts_rows: the rows HOSTS' content needs inside its borders (header,
 * rows, lines under the table; 0: all it may have); the rest go below. */
void layout_compute(struct layout *lo, int cols, int lines, int zoom, int focus,
    int footer_rows, int hosts_rows);

#endif
