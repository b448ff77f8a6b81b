/*
 * view_panes.c — the LOGS pane. Until its
 * data sources exist they say plainly what they will show and what they
 * have; each moves to a file of its own when it gains real content.
 */
#include "warroom/ui.h"

#include <stdio.h>
#include <string.h>

static void
say(struct app *app, WINDOW *win, int y, int w, const char *text)
{
	ui_put(win, y, 1, w - 1, ui_attr(app, THEME_DIM), text);
}

static void
logs_draw(struct app *app, WINDOW *win, int h, int w, bool focused)
{
	say(app, win, 0, w, "no log stream open");
}

static bool
no_keys(struct app *app, enum wr_command cmd, int page)
{
	return false;
}

const struct view_ops view_logs_ops = {
	.name = "LOGS", .draw = logs_draw, .key = no_keys,
};

const struct view_ops *
view_for_pane(enum pane_id pane)
{
	static const struct view_ops *const views[PANE_COUNT] = {
		[PANE_HOSTS] = &view_hosts_ops,
		[PANE_METRICS] = &view_metrics_ops,
		[PANE_LOGS] = &view_logs_ops,
		[PANE_RUNBOOK] = &view_runbook_ops,
		[PANE_TIMELINE] = &view_timeline_ops,
	};

	return views[pane];
}
