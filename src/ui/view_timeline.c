/*
 * view_timeline.c — the TIMELINE pane: the incident's stored records,
 * newest at the bottom, each with its time relative to the incident's
 * start (T+HH:MM:SS), the wall-clock time when there is room, its kind in
 * the kind's colour, its host, and one line of details (already redacted).
 */
#include "warroom/ui.h"

#include <stdio.h>
#include <string.h>

#include "warroom/timeline.h"

static enum theme_role
kind_role(const struct timeline_entry *e)
{
	if (strcmp(e->kind, "action.end") == 0) {
		if (strcmp(e->outcome, "ok") == 0)
			return THEME_OK;
		if (strcmp(e->outcome, "failed") == 0)
			return THEME_BAD;
		return THEME_WARN;   /* unknown, or anything we cannot vouch for */
	}
	if (strcmp(e->kind, "chat.post") == 0)
		return THEME_OK;
	if (strcmp(e->kind, "chat.failed") == 0)
		return strcmp(e->outcome, "unknown") == 0 ? THEME_WARN : THEME_BAD;
	if (strncmp(e->kind, "incident.", 9) == 0)
		return THEME_TITLE;
	if (strcmp(e->kind, "step.check") == 0)
		return THEME_OK;
	if (strncmp(e->kind, "journal.", 8) == 0 || strcmp(e->kind, "step.uncheck") == 0 ||
	    strcmp(e->kind, "action.intent") == 0)
		return THEME_WARN;
	if (strcmp(e->kind, "shutdown") == 0 || strcmp(e->kind, "export") == 0)
		return THEME_DIM;
	return THEME_NORMAL;
}

static void
timeline_draw(struct app *app, WINDOW *win, int h, int w, bool focused)
{
	int y, first, x;
	size_t i;

	if (app->tl == NULL) {
		ui_put(win, 0, 1, w - 1, ui_attr(app, THEME_DIM), "no incident journal open");
		/* Screen tests keep their clock fixed and open no journal. */
		ui_put(win, 1, 1, w - 1, ui_attr(app, THEME_DIM), app->fake_clock ?
		    "(none in screen tests)" : "start with --incident NAME");
		return;
	}
	/* The newest line sits at the bottom; scrolling moves up from it. */
	first = (int)app->nentries - h - app->tl_scroll;
	if (first < 0)
		first = 0;
	for (y = 0, i = (size_t)first; y < h && i < app->nentries; y++, i++) {
		const struct timeline_entry *e = &app->entries[i];
		long rel = (long)((e->ts_ms - app->incident_start_ms) / 1000);
		time_t t = (time_t)(e->ts_ms / 1000);
		char stamp[48], clock[16];
		struct tm tm;

		if (rel < 0)
			rel = 0;
		gmtime_r(&t, &tm);
		strftime(clock, sizeof(clock), "%H:%M:%S", &tm);
		if (w >= 60)
			snprintf(stamp, sizeof(stamp), "T+%02ld:%02ld:%02ld %s ", rel / 3600,
			    (rel / 60) % 60, rel % 60, clock);
		else
			snprintf(stamp, sizeof(stamp), "T+%02ld:%02ld:%02ld ", rel / 3600,
			    (rel / 60) % 60, rel % 60);
		x = ui_put(win, y, 0, w, ui_attr(app, THEME_DIM), stamp);
		x += ui_put(win, y, x, w - x, ui_attr(app, kind_role(e)), e->kind);
		x += ui_put(win, y, x, w - x, A_NORMAL, " ");
		if (e->host[0] != '\0') {
			x += ui_put(win, y, x, w - x, ui_attr(app, THEME_DIM), e->host);
			x += ui_put(win, y, x, w - x, A_NORMAL, " ");
		}
		ui_put(win, y, x, w - x, ui_attr(app, THEME_NORMAL), e->text);
	}
	if (app->tl_scroll > 0 && h > 0) {
		char more[32];

		snprintf(more, sizeof(more), " +%d newer ", app->tl_scroll);
		ui_put(win, h - 1, w - (int)strlen(more), (int)strlen(more),
		    ui_attr(app, THEME_STATUS), more);
	}
}

static bool
timeline_key(struct app *app, enum wr_command cmd, int page)
{
	int max = (int)app->nentries - 1, s = app->tl_scroll;

	switch (cmd) {
	case WR_CMD_UP: s++; break;
	case WR_CMD_DOWN: s--; break;
	case WR_CMD_PAGE_UP: s += page; break;
	case WR_CMD_PAGE_DOWN: s -= page; break;
	case WR_CMD_TOP: s = max; break;
	case WR_CMD_BOTTOM: s = 0; break;
	default: return false;
	}
	app->tl_scroll = s < 0 ? 0 : s > max ? (max > 0 ? max : 0) : s;
	return true;
}

const struct view_ops view_timeline_ops = {
	.name = "TIMELINE",
	.draw = timeline_draw,
	.key = timeline_key,
};
