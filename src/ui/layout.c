/*
 * layout.c — where the panes go. The left column (three fifths) holds
 * HOSTS, METRICS and LOGS; the right holds RUNBOOK over TIMELINE; a zoomed
 * pane has the body to itself. A footer of more than one row (a long
 * message, a prompt's question) takes its rows from the bottom panes,
 * LOGS and TIMELINE (or the zoomed one): drawn over them, it hid their
 * bottom border and what the border says. Pure arithmetic on the
 * terminal size so every size gives the same answer.
 */
#include "warroom/ui.h"

#include <string.h>

static struct rect
rect(int y, int x, int h, int w)
{
	return (struct rect){ .y = y, .x = x, .h = h, .w = w };
}

void
layout_compute(struct layout *lo, int cols, int lines, int zoom, int footer_rows)
{
	int body, left, right, hosts, metrics, runbook, extra;

	memset(lo, 0, sizeof(*lo));
	lo->too_small = cols < UI_MIN_COLS || lines < UI_MIN_LINES;
	if (lo->too_small)
		return;
	lo->header = rect(0, 0, 1, cols);
	lo->footer = rect(lines - 1, 0, 1, cols);
	body = lines - 2;
	left = cols * 3 / 5;
	right = cols - left;
	hosts = body * 2 / 5;
	metrics = body / 4;
	runbook = body * 3 / 5;
	/* The other panes keep their place: only the bottom ones give up
	 * rows, and each keeps its border and a row inside (at 80x24 a
	 * six-row message leaves LOGS and TIMELINE four). */
	extra = footer_rows > 1 ? footer_rows - 1 : 0;
	if (extra > body - hosts - metrics - 3)
		extra = body - hosts - metrics - 3;
	if (extra > body - runbook - 3)
		extra = body - runbook - 3;
	if (extra < 0)
		extra = 0;
	lo->pane[PANE_HOSTS] = rect(1, 0, hosts, left);
	lo->pane[PANE_METRICS] = rect(1 + hosts, 0, metrics, left);
	lo->pane[PANE_LOGS] = rect(1 + hosts + metrics, 0, body - hosts - metrics - extra, left);
	lo->pane[PANE_RUNBOOK] = rect(1, left, runbook, right);
	lo->pane[PANE_TIMELINE] = rect(1 + runbook, left, body - runbook - extra, right);
	if (zoom >= 0 && zoom < PANE_COUNT) {
		memset(lo->pane, 0, sizeof(lo->pane));
		lo->pane[zoom] = rect(1, 0, body - extra, cols);
	}
}
