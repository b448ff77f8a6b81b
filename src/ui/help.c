/*
 * help.c — the `?` overlay. Its lines come from the command table, so every
 * binding is listed and none is invented here: under a heading each, the
 * keys that change production first, then those that write the journal,
 * those that only read, then what HOSTS' VERDICT marks mean
 * (command_marks_legend).
 */
#include "warroom/ui.h"

#include <stdio.h>

/* A help line wrapped goes on under the description, past "Enter    ". */
#define HELP_CONT 9
/* The command table's rows, then the marks' heading and line. */
#define HELP_N (WR_HELP_ROWS + 2)

/* Command c's help line: its keys, what it does, and the one pane it
 * acts in, if it has one. Whether it changes production or writes the
 * journal its group's heading says. */
static void
command_line(enum wr_command c, char *line, size_t cap)
{
	char keys[32];
	int home = command_home_pane(c);

	if (command_alt_key(c) != NULL)
		snprintf(keys, sizeof(keys), "%s, %s", command_key(c), command_alt_key(c));
	else
		snprintf(keys, sizeof(keys), "%s", command_key(c));
	snprintf(line, cap, "%-8s %s%s%s%s", keys, command_help(c), home >= 0 ? " (" : "",
	    home >= 0 ? command_pane_name((enum hint_pane)home) : "", home >= 0 ? " only)" : "");
}

/* Row r's line (a heading, a command, the marks); true for a heading. */
static bool
help_line(int r, char *line, size_t cap)
{
	const char *heading;
	enum wr_command c;

	if (r == WR_HELP_ROWS) {
		snprintf(line, cap, "Marks");
		return true;
	}
	if (r > WR_HELP_ROWS) {
		snprintf(line, cap, "%-8s %s", "VERDICT", command_marks_legend());
		return false;
	}
	c = command_help_row(r, &heading);
	if (c == WR_CMD_NONE) {
		snprintf(line, cap, "%s", heading);
		return true;
	}
	command_line(c, line, cap);
	return false;
}

/* Rows row r's line takes in width w: a long one goes on below, past
 * the keys' column, never cut. */
static int
help_rows(int r, int w)
{
	char line[400];
	int y = 0;

	help_line(r, line, sizeof(line));
	ui_put_wrapped(NULL, &y, 0, w, HELP_CONT, 1000, 0, line);
	return y > 0 ? y : 1;
}

/* The box's columns: as wide as its longest line, centred; too wide for
 * a pane's column and border beside it, the whole width, so no pane's
 * last column (a cut row's "…") shows along its edge as if inside it. */
static void
help_columns(int want, int cols, int *w, int *x0)
{
	*w = want + 4 > cols ? cols : want;
	*x0 = (cols - *w) / 2;
}

void
help_draw(struct app *app, int lines, int cols)
{
	int h = 4, w = 72, y0, x0, i, rows, a = ui_attr(app, THEME_HELP), y, need;
	int above = 0, below = 0;
	char line[400];
	WINDOW *win, *inner;

	/* As wide as the longest key's line, so none is cut where the screen
	 * has room; the marks' long line wraps in that width. */
	for (i = 0; i < WR_HELP_ROWS; i++) {
		help_line(i, line, sizeof(line));
		if (ui_width(line) + 4 > w)
			w = ui_width(line) + 4;
	}
	help_columns(w, cols, &w, &x0);
	for (i = 0; i < HELP_N; i++)
		h += help_rows(i, w - 4);
	if (h > lines - 2)
		h = lines - 2;
	y0 = (lines - h) / 2;
	/* Beside a centred box a blank column each side: what the panes
	 * draw there never touches its border. */
	if (x0 > 0 && x0 + w < cols && (win = newwin(h, w + 2, y0, x0 - 1)) != NULL) {
		wbkgdset(win, ' ' | (chtype)ui_attr(app, THEME_HELP));
		werase(win);
		wnoutrefresh(win);
		delwin(win);
	}
	if ((win = newwin(h, w, y0, x0)) == NULL)
		return;
	wbkgdset(win, ' ' | (chtype)a);
	werase(win);
	ui_border(app, win, THEME_BORDER_FOCUS);
	ui_put(win, 0, 2, w - 4, ui_attr(app, THEME_TITLE_FOCUS), " HELP: keys ");
	rows = h - 3;
	/* Scrolled no further than the last entries filling the box. */
	for (i = HELP_N - 1, need = 0; i >= 0; i--) {
		need += help_rows(i, w - 4);
		if (need > rows)
			break;
	}
	if (app->help_scroll > i + 1)
		app->help_scroll = i + 1;
	for (i = 0; i < app->help_scroll; i++)
		above += help_rows(i, w - 4);
	for (i = app->help_scroll, y = 1; i < HELP_N && y <= rows; i++) {
		bool heading;

		/* An entry that does not fit whole waits for a scroll. */
		if (y > 1 && y - 1 + help_rows(i, w - 4) > rows)
			break;
		heading = help_line(i, line, sizeof(line));
		ui_put_wrapped(win, &y, 2, w - 4, HELP_CONT, rows + 1,
		    heading ? (int)(ui_attr(app, THEME_TITLE) | A_BOLD) : a, line);
	}
	for (; i < HELP_N; i++)
		below += help_rows(i, w - 4);
	ui_put(win, h - 2, 2, w - 4, ui_attr(app, THEME_DIM),
	    above > 0 || below > 0 ?
	    "?, q or Esc closes this help; Up/Down/PgUp/PgDn scroll it" :
	    "?, q or Esc closes this help");
	/* The rows out of view on its border, as a pane counts them: a blank
	 * row left above the closing line is not the end of the list. */
	if ((inner = derwin(win, h - 2, w - 2, 1, 1)) != NULL) {
		ui_frame_more(app, inner, true, above);
		ui_frame_more(app, inner, false, below);
		delwin(inner);
	}
	wnoutrefresh(win);
	delwin(win);
}
