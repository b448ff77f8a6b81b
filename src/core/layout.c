/*
 * layout.c — where the panes go. The left column (three fifths) holds
 * HOSTS, METRICS and LOGS; the right holds RUNBOOK over TIMELINE; a zoomed
 * pane has the body to itself. On a short screen (where the left column
 * would leave HOSTS fewer than LAYOUT_HOSTS_WANT rows: 80x24, a laptop's
 * split) HOSTS spans the width on top with those rows, the others shared
 * out below it down to a border and three rows each: an on-call engineer
 * sees the fleet first, and every other pane is a key (or z) away. A
 * footer of more than one row (a long message, a prompt's question) takes
 * its rows from the bottom panes, LOGS and TIMELINE (or the zoomed one):
 * drawn over them, it hid their bottom border and what the border says.
 * At any size HOSTS takes only the rows its content needs (hosts_rows),
 * up to its most: four hosts given room for nine left five rows blank
 * while METRICS, RUNBOOK and LOGS hid theirs.
 * On the short screen the focus moves rows too: with a pane below HOSTS
 * focused, HOSTS keeps its borders, header and three rows (it scrolls
 * round the selected host, or from the worst, and marks what it hides)
 * and the focused pane takes its column's rest, the other pane there
 * keeping PANE_LEAST (a long footer's rows come off the focused pane
 * then, not that one); the other column is split evenly. At 80x24 LOGS
 * showed three lines and METRICS one line of its reason: an engineer
 * reading either pressed z every time.
 * Pure arithmetic on the terminal size so every size gives the same answer.
 */
#include "warroom/layout.h"

#include <string.h>

/* Rows a pane below a compact HOSTS keeps at least: borders and three. */
#define PANE_LEAST 5

/* Rows a compact HOSTS leaves LOGS at least: borders, three lines and
 * its status line. Enter and + on a host act in LOGS; with two lines an
 * engineer could not see what they did without moving the focus. */
#define LOGS_LEAST 6

/* Rows a compact HOSTS keeps while a pane below it has the focus:
 * borders, its header and three rows (the selected host among them). */
#define HOSTS_LEAST 6

/* Rows HOSTS must free before it shrinks for a focused pane below it. */
#define HOSTS_GIVES 3

static struct rect
rect(int y, int x, int h, int w)
{
	return (struct rect){ .y = y, .x = x, .h = h, .w = w };
}

/* The footer's extra rows the bottom panes (logs and timeline rows high)
 * can give: each keeps its border and a row inside. */
static int
extra_rows(int footer_rows, int logs, int timeline)
{
	int extra = footer_rows > 1 ? footer_rows - 1 : 0;

	if (extra > logs - 3)
		extra = logs - 3;
	if (extra > timeline - 3)
		extra = timeline - 3;
	return extra < 0 ? 0 : extra;
}

/* HOSTS' rows: what its rows need (borders and hosts_rows inside) up to
 * most; at least borders, its header and a row. */
static int
hosts_height(int most, int hosts_rows)
{
	int want = hosts_rows > 0 ? hosts_rows + 2 : most;

	if (want < 4)
		want = 4;
	return want < most ? want : most;
}

/* The top pane's rows in a column of rows below a compact HOSTS: half
 * or with top or bottom focused,
 * PANE_LEAST for the other. The column without the focus is split evenly
 * whichever of its panes had it last, so Tab across columns moves only
 * the borders it must. */
static int
column_top(int rows, int focus, enum pane_id top, enum pane_id bottom)
{
	if (focus == (int)top)
		return rows - PANE_LEAST;
	if (focus == (int)bottom)
		return PANE_LEAST;
	return rows / 2;
}

void
layout_compute(struct layout *lo, int cols, int lines, int zoom, int focus,
    int footer_rows, int hosts_rows)
{
	int body, left, right, hosts, top, below, metrics, logs, runbook, timeline, extra,
	    spare;

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
	lo->compact = hosts < LAYOUT_HOSTS_WANT;
	if (lo->compact) {
		/* HOSTS across the top; METRICS over LOGS and RUNBOOK over
		 * TIMELINE share what is left, each keeping PANE_LEAST (LOGS
		 * LOGS_LEAST). */
		hosts = body - PANE_LEAST - LOGS_LEAST;
		if (hosts > LAYOUT_HOSTS_WANT)
			hosts = LAYOUT_HOSTS_WANT;
		hosts = hosts_height(hosts, hosts_rows);
		/* Hiding hosts for a row or two is a poor trade: HOSTS gives
		 * way only when the focused pane gains HOSTS_GIVES rows. */
		if (focus > PANE_HOSTS && focus < PANE_COUNT && hosts - HOSTS_LEAST >= HOSTS_GIVES)
			hosts = HOSTS_LEAST;
		top = 1 + hosts;
		below = body - hosts;
		metrics = column_top(below, focus, PANE_METRICS, PANE_LOGS);
		logs = below - metrics;
		/* Split as the left column is, so the borders line up. */
		runbook = column_top(below, focus, PANE_RUNBOOK, PANE_TIMELINE);
		timeline = below - runbook;
		/* A focused top pane gives the footer's rows itself: the one
		 * under it, down to PANE_LEAST, could give two and cut a
		 * message the unfocused layout showed whole. */
		extra = extra_rows(footer_rows, focus == PANE_METRICS ? metrics : logs,
		    focus == PANE_RUNBOOK ? runbook : timeline);
		*(focus == PANE_METRICS ? &metrics : &logs) -= extra;
		*(focus == PANE_RUNBOOK ? &runbook : &timeline) -= extra;
		lo->pane[PANE_HOSTS] = rect(1, 0, hosts, cols);
		lo->pane[PANE_METRICS] = rect(top, 0, metrics, left);
		lo->pane[PANE_LOGS] = rect(top + metrics, 0, logs, left);
		lo->pane[PANE_RUNBOOK] = rect(top, left, runbook, right);
		lo->pane[PANE_TIMELINE] = rect(top + runbook, left, timeline, right);
	} else {
		/* Rows HOSTS' rows leave unused go to METRICS and LOGS. */
		spare = hosts - hosts_height(hosts, hosts_rows);
		hosts -= spare;
		metrics = body / 4 + spare / 2;
		runbook = body * 3 / 5;
		/* The other panes keep their place: only the bottom ones give
		 * up rows. */
		extra = extra_rows(footer_rows, body - hosts - metrics, body - runbook);
		lo->pane[PANE_HOSTS] = rect(1, 0, hosts, left);
		lo->pane[PANE_METRICS] = rect(1 + hosts, 0, metrics, left);
		lo->pane[PANE_LOGS] = rect(1 + hosts + metrics, 0, body - hosts - metrics - extra,
		    left);
		lo->pane[PANE_RUNBOOK] = rect(1, left, runbook, right);
		lo->pane[PANE_TIMELINE] = rect(1 + runbook, left, body - runbook - extra, right);
	}
	if (zoom >= 0 && zoom < PANE_COUNT) {
		/* Zoomed, the one pane gives the rows, down to its border and
		 * a row (the bottom panes' share left a long message cut). */
		extra = footer_rows > 1 ? footer_rows - 1 : 0;
		if (extra > body - 3)
			extra = body - 3;
		memset(lo->pane, 0, sizeof(lo->pane));
		lo->pane[zoom] = rect(1, 0, body - extra, cols);
	}
}
