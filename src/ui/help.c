/*
 * help.c — the `?` overlay. Its lines come from the command table, so every
 * binding is listed and none is invented here.
 */
#include "warroom/ui.h"

#include <stdio.h>

/* A help line wrapped goes on under the description, past "Enter    ". */
#define HELP_CONT 9

/* Command c's help line: its keys, what it does, and whether it changes
 * production or writes the journal (what read-only mode refuses), and
 * the one pane it acts in, if it has one. */
static void
help_line(enum wr_command c, char *line, size_t cap)
{
	char keys[32], only[32] = "";
	const char *eff = command_is_mutating(c) ? "changes production" :
	    command_writes_journal(c) ? "writes the journal" : NULL;
	int home = command_home_pane(c);

	if (command_alt_key(c) != NULL)
		snprintf(keys, sizeof(keys), "%s, %s", command_key(c), command_alt_key(c));
	else
		snprintf(keys, sizeof(keys), "%s", command_key(c));
	if (home >= 0)
		snprintf(only, sizeof(only), "%s only", command_pane_name((enum hint_pane)home));
	/* One parenthesis for both, so Space's line fits 80 columns. */
	snprintf(line, cap, "%-8s %s%s%s%s%s%s", keys, command_help(c),
	    only[0] != '\0' || eff != NULL ? " (" : "", only,
	    only[0] != '\0' && eff != NULL ? "; " : "", eff != NULL ? eff : "",
	    only[0] != '\0' || eff != NULL ? ")" : "");
}

/* Rows command c's line takes in width w: a long one goes on below, past
 * the keys' column, never cut. */
static int
help_rows(enum wr_command c, int w)
{
	char line[200];
	int y = 0;

	help_line(c, line, sizeof(line));
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
	int h = WR_CMD_COUNT + 4, w = 72, y0, x0, i, rows, a = ui_attr(app, THEME_HELP), y, need;
	int above = 0, below = 0;
	char line[200];
	WINDOW *win, *inner;

	/* As wide as the longest line, so none is cut where the screen has room. */
	for (i = 0; i < WR_CMD_COUNT; i++) {
		help_line((enum wr_command)i, line, sizeof(line));
		if (ui_width(line) + 4 > w)
			w = ui_width(line) + 4;
	}
	if (h > lines - 2)
		h = lines - 2;
	help_columns(w, cols, &w, &x0);
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
	for (i = WR_CMD_COUNT - 1, need = 0; i >= 0; i--) {
		need += help_rows((enum wr_command)i, w - 4);
		if (need > rows)
			break;
	}
	if (app->help_scroll > i + 1)
		app->help_scroll = i + 1;
	for (i = 0; i < app->help_scroll; i++)
		above += help_rows((enum wr_command)i, w - 4);
	for (i = app->help_scroll, y = 1; i < WR_CMD_COUNT && y <= rows; i++) {
		/* An entry that does not fit whole waits for a scroll. */
		if (y > 1 && y - 1 + help_rows((enum wr_command)i, w - 4) > rows)
			break;
		help_line((enum wr_command)i, line, sizeof(line));
		ui_put_wrapped(win, &y, 2, w - 4, HELP_CONT, rows + 1, a, line);
	}
	for (; i < WR_CMD_COUNT; i++)
		below += help_rows((enum wr_command)i, w - 4);
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
