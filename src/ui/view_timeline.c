/*
 * view_timeline.c — the TIMELINE pane: the incident's stored records,
 * newest at the bottom, each with its time relative to the incident's
 * start (T+HH:MM:SS), the wall-clock time when there is room, its kind in
 * the kind's colour, its host, and one line of details (already redacted).
 * The bottom line is the selected one: Up/Down scroll through the
 * entries, Enter shows the selected one whole. A line cut ends in "…";
 * zoomed, each entry wraps instead. A host's flapping verdict or health,
 * and a status-page post's tries, are one row each (tlrows.h), worded as
 * the post-mortem words them, until a shows every record.
 */
#include "warroom/ui.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/actor.h"
#include "warroom/export.h"
#include "warroom/timeline.h"
#include "warroom/tlrows.h"

/* A row's kind as TIMELINE says it: a console opened on an incident
 * another console still runs "joined" it, not "incident.resume" (which
 * the record keeps); the rest as export_kind_shown. */
static const char *
kind_shown(const struct timeline_entry *e)
{
	return e->joined ? "joined" : export_kind_shown(e->kind);
}

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
	/* A smoke check that got its status with a warning is no plain OK. */
	if (strcmp(e->kind, "smoke") == 0)
		return strcmp(e->outcome, "ok") == 0 ? THEME_OK :
		    strcmp(e->outcome, "warn") == 0 ? THEME_WARN : THEME_BAD;
	if (strcmp(e->kind, "chat.post") == 0)
		return THEME_OK;
	if (strcmp(e->kind, "chat.failed") == 0)
		return strcmp(e->outcome, "unknown") == 0 ? THEME_WARN : THEME_BAD;
	/* Nobody will be told: as bad as a failed post. */
	if (strcmp(e->kind, "chat.unavailable") == 0 || strcmp(e->kind, "statuspage.unavailable") == 0)
		return THEME_BAD;
	if (strcmp(e->kind, "statuspage.check") == 0)
		return THEME_WARN;
	/* A host lost stands out; its return reads as good news. */
	if (strcmp(e->kind, "conn.change") == 0)
		return e->text != NULL && strncmp(e->text, "DOWN", 4) == 0 ? THEME_BAD : THEME_OK;
	/* Connected but blind: a warning, not a host lost. */
	if (strcmp(e->kind, "poll.change") == 0)
		return e->text != NULL && strncmp(e->text, "no data", 7) == 0 ? THEME_WARN :
		    THEME_OK;
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

/* The pane's rows as of the entries now: built again only when records
 * came or a was pressed. */
static const struct tlrows *
rows_of(struct app *app)
{
	if (app->tl_rows_at != app->nentries || app->tl_rows_all != app->tl_all) {
		tlrows_build(&app->tl_rows, app->folds, app->nentries, app->tl_all);
		app->tl_rows_at = app->nentries;
		app->tl_rows_all = app->tl_all;
		/* Flips folded into a row: never scrolled past the first row. */
		if (app->tl_scroll > (int)app->tl_rows.nrows - 1)
			app->tl_scroll = app->tl_rows.nrows > 0 ? (int)app->tl_rows.nrows - 1 : 0;
	}
	return &app->tl_rows;
}

/* The row selected: the newest, less the rows scrolled up. */
static size_t
selected_row(const struct app *app, const struct tlrows *t)
{
	int s = (int)t->nrows - 1 - app->tl_scroll;

	return s < 0 ? 0 : (size_t)s;
}

/* Row i as an entry to draw: a record's own, or (a run folded) its first
 * record's with the run's words, into *tmp; *words is what to free. */
static const struct timeline_entry *
row_entry(struct app *app, const struct tlrows *t, size_t i, struct timeline_entry *tmp,
    char **words)
{
	const struct tlrows_row *r = &t->rows[i];

	*words = NULL;
	if (r->run == 0 && r->sp == 0)
		return &app->entries[r->first];
	*tmp = app->entries[r->first];
	*words = r->sp != 0 ? export_spfold_words(app->folds, &t->sps[r->sp - 1], &app->red) :
	    export_flap_words(app->folds, &t->runs[r->run - 1], &app->red);
	tmp->text = *words;
	return tmp;
}

/* "T+00:01:23 20:01:05 " (the clock only when with_clock). */
static void
stamp_text(const struct app *app, const struct timeline_entry *e, bool with_clock,
    char *buf, size_t cap)
{
	/* Whole seconds of each, as the clock beside it and the header's
	 * T+ count: the difference's own seconds stepped apart from the
	 * clock's (T+00:07:19 16:55:36, then T+00:07:20 16:55:38). */
	long rel = (long)(e->ts_ms / 1000 - app->incident_start_ms / 1000);
	time_t t = (time_t)(e->ts_ms / 1000);
	char clock[16];
	struct tm tm;

	if (rel < 0)
		rel = 0;
	gmtime_r(&t, &tm);
	strftime(clock, sizeof(clock), "%H:%M:%S", &tm);
	snprintf(buf, cap, "T+%02ld:%02ld:%02ld %s%s", rel / 3600, (rel / 60) % 60, rel % 60,
	    with_clock ? clock : "", with_clock ? " " : "");
}

/* Entry e's whole line, "T+00:01:23 20:01:05 kind host details" (with
 * the actor's short name after the clock, "… 20:01:05 bob kind …", when
 * the journal has more than one actor), in buf; where the actor, its kind
 * and its host (or details) start in *who, *kind, *host. */
static void
entry_line(const struct app *app, const struct timeline_entry *e, bool with_clock, char *buf,
    size_t cap, size_t *who, size_t *kind, size_t *host)
{
	char name[sizeof(e->actor)];
	size_t n;

	stamp_text(app, e, with_clock, buf, cap);
	*who = strlen(buf);
	name[0] = '\0';
	if (app->many_actors && e->actor[0] != '\0')
		actor_short(e->actor, name, sizeof(name));
	n = *who + (size_t)snprintf(buf + *who, cap - *who, "%s%s", name, name[0] ? " " : "");
	*kind = n < cap ? n : cap - 1;
	n = *kind + (size_t)snprintf(buf + *kind, cap - *kind, "%s ",
	    kind_shown(e));
	*host = n < cap ? n : cap - 1;
	snprintf(buf + *host, cap - *host, "%s%s%s", e->host, e->host[0] != '\0' ? " " : "",
	    e->text);
}

/* Rows entry e takes when wrapped (zoomed: its lines no longer cut),
 * under its details past the time's column; win NULL only counts. The
 * stamp, kind and host are drawn again over the first row in their
 * colours. */
static int
entry_wrapped(struct app *app, WINDOW *win, int y, int h, int w, const struct timeline_entry *e,
    bool sel)
{
	static char line[8192];
	size_t who, kind, host;
	int top = y, x;

	entry_line(app, e, w >= 60, line, sizeof(line), &who, &kind, &host);
	ui_put_wrapped(win, &y, 0, w, (int)who, h, ui_attr(app, THEME_NORMAL), line);
	/* Started above the pane (its tail only): no first row to colour. */
	if (win == NULL || top < 0)
		return y - top;
	line[host] = '\0';
	x = ui_put(win, top, (int)kind, w - (int)kind, ui_attr(app, kind_role(e)), line + kind);
	if (e->host[0] != '\0')
		ui_put(win, top, (int)kind + x, w - (int)kind - x, ui_attr(app, THEME_DIM), e->host);
	line[who] = '\0';
	ui_put(win, top, 0, w, sel ? (int)(ui_attr(app, THEME_DIM) | A_REVERSE) :
	    ui_attr(app, THEME_DIM), line);
	return y - top;
}

/* Zoomed: the selected entry ends on the bottom row, as many before it
 * as fit whole above it (one taller than the pane: its start, cut), and
 * the last rows of the one before them in any room left. When
 * every entry up to it fits with room to spare (near the first, after g),
 * the first is on the top row, as unzoomed, and newer ones fill the rows
 * below the selected one: never empty rows above the oldest. */
static void
draw_wrapped(struct app *app, WINDOW *win, int h, int w, bool focused, int *above, int *below)
{
	const struct tlrows *t = rows_of(app);
	size_t i, sel = selected_row(app, t);
	struct timeline_entry tmp;
	int used = 0, first, k, y;
	char *words;

	*above = *below = 0;
	if (t->nrows == 0)
		return;
	for (first = (int)sel; first >= 0; first--) {
		k = entry_wrapped(app, NULL, 0, INT_MAX, w, row_entry(app, t, (size_t)first, &tmp,
		    &words), false);
		free(words);
		if (used + k > h && first < (int)sel)
			break;
		used += k;
	}
	y = first < 0 ? 0 : used < h ? h - used : 0;
	/* The entry above that would not fit whole shows its last rows in
	 * the room left, so no row above the page is empty (G, then PgUp). */
	if (first >= 0 && y > 0) {
		k = entry_wrapped(app, NULL, 0, INT_MAX, w, row_entry(app, t, (size_t)first, &tmp,
		    &words), false);
		free(words);
		entry_wrapped(app, win, y - k, y, w, row_entry(app, t, (size_t)first, &tmp, &words),
		    false);
		free(words);
	}
	for (i = (size_t)(first + 1); i < t->nrows && y < h && (first < 0 || i <= sel); i++) {
		y += entry_wrapped(app, win, y, h, w, row_entry(app, t, i, &tmp, &words),
		    focused && i == sel);
		free(words);
	}
	/* An entry cut at the bottom row counts as in view: its start shows. */
	*above = first + 1;
	*below = (int)(t->nrows - i);
}

static void
timeline_draw(struct app *app, WINDOW *win, int h, int w, bool focused)
{
	const struct tlrows *t = rows_of(app);
	int y, first, x, above = 0, below = 0;
	size_t i, sel = selected_row(app, t);
	char more[32] = "";

	if (app->tl == NULL && app->safety.read_only && app->incident != NULL) {
		char line[300];

		/* Wrapped: a resolved incident's id is the part that matters. */
		y = 0;
		snprintf(line, sizeof(line), "watching: %s", app->watch_wait[0] ? app->watch_wait :
		    "no journal yet");
		ui_put_wrapped(win, &y, 1, w - 1, 2, h, ui_attr(app, THEME_DIM), line);
		ui_put_wrapped(win, &y, 1, w - 1, 2, h, ui_attr(app, THEME_DIM),
		    "it shows here once a console that acts opens it");
		return;
	}
	/* Screen tests have no journal; what their script recorded
	 * (":rollback") is drawn as a journal's entries are. */
	if (app->tl == NULL && !(app->fake_clock && app->nentries > 0)) {
		ui_put(win, 0, 1, w - 1, ui_attr(app, THEME_DIM), "no incident journal open");
		/* Screen tests keep their clock fixed and open no journal. */
		ui_put(win, 1, 1, w - 1, ui_attr(app, THEME_DIM), app->fake_clock ?
		    "(none in screen tests)" : "start with --incident NAME");
		return;
	}
	/* The newest line sits at the bottom; scrolling moves up from it. */
	first = (int)t->nrows - h - app->tl_scroll;
	if (first < 0)
		first = 0;
	if (app->zoomed)
		draw_wrapped(app, win, h, w, focused, &above, &below);
	else {
		above = first;
		below = (int)t->nrows - first - h;
	}
	/* Older records above are counted as HOSTS counts its rows; "+N
	 * newer" below stays in the row, since it counts from the selection. */
	ui_frame_more(app, win, true, above);
	ui_frame_more(app, win, false, below);
	if (app->tl_scroll > 0)
		snprintf(more, sizeof(more), " +%d newer ", app->tl_scroll);
	for (y = 0, i = (size_t)first; !app->zoomed && y < h && i < t->nrows; y++, i++) {
		struct timeline_entry tmp;
		char *words;
		const struct timeline_entry *e = row_entry(app, t, i, &tmp, &words);
		static char line[8192];
		size_t who, kind, host;
		/* The bottom row ends where "+N newer" starts, so a cut under
		 * it ends in … too, never a kind silently shortened. */
		int rw = y == h - 1 && more[0] != '\0' ? w - (int)strlen(more) : w;
		int shown, aw;

		/* The whole row first, so a cut anywhere (in the kind, the host
		 * or the details) ends in …: Enter or z shows it whole. */
		entry_line(app, e, w >= 60, line, sizeof(line), &who, &kind, &host);
		shown = ui_put(win, y, 0, rw, ui_attr(app, THEME_NORMAL), line);
		if (shown < ui_width(line))
			shown--;                /* the … stays */
		/* Then its parts in their colours, within what was drawn; the
		 * selected entry's time in reverse while the pane has focus;
		 * the actor stays in the row's own colour. */
		line[kind] = '\0';
		aw = ui_width(line + who);
		line[who] = '\0';
		x = ui_put_n(win, y, 0, shown, focused && i == sel ?
		    (int)(ui_attr(app, THEME_DIM) | A_REVERSE) : ui_attr(app, THEME_DIM), line, NULL);
		x = x + aw < shown ? x + aw : shown;
		x += ui_put_n(win, y, x, shown - x, ui_attr(app, kind_role(e)),
		    kind_shown(e), NULL);
		if (e->host[0] != '\0' && x + 1 < shown)
			ui_put_n(win, y, x + 1, shown - x - 1, ui_attr(app, THEME_DIM), e->host, NULL);
		free(words);
	}
	if (more[0] != '\0' && h > 0) {
		ui_put(win, h - 1, w - (int)strlen(more), (int)strlen(more),
		    ui_attr(app, THEME_STATUS), more);
	}
}

/* a: every record, or the folded rows (flapping verdicts or health, a
 * post's tries) folded again. The row selected stays on its record (a
 * fold's first, or the fold holding it); the newest selected stays so,
 * following what comes. */
static void
toggle_all(struct app *app)
{
	const struct tlrows *t = rows_of(app);
	size_t rec = t->nrows > 0 ? t->rows[selected_row(app, t)].first : 0, flaps, tries;
	char words[200];

	/* Unfolding: what was folded; folding: what folds now. */
	tlrows_folded(t, &flaps, &tries);
	app->tl_all = !app->tl_all;
	t = rows_of(app);
	if (app->tl_scroll > 0 && t->nrows > 0)
		app->tl_scroll = (int)t->nrows - 1 - (int)tlrows_find(t, rec);
	if (!app->tl_all)
		tlrows_folded(t, &flaps, &tries);
	tlrows_toggle_words(app->tl_all, flaps, tries, words, sizeof(words));
	app_say(app, "%s", words);
}

static bool
timeline_key(struct app *app, enum wr_command cmd, int page)
{
	const struct tlrows *t = rows_of(app);
	int max = (int)t->nrows - 1, s = app->tl_scroll;

	switch (cmd) {
	case WR_CMD_OPEN:
		app->tl_detail = t->nrows > 0;
		return true;
	case WR_CMD_ALL_RECORDS:
		toggle_all(app);
		return true;
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

void
timeline_detail_draw(struct app *app, int lines, int cols)
{
	const struct tlrows *t = rows_of(app);
	const struct timeline_entry *e;
	struct timeline_entry tmp;
	int h = lines - 4, w = cols - 8, y = 1, x;
	char line[128], *words;
	size_t row;
	WINDOW *win;

	if (t->nrows == 0) {
		app->tl_detail = false;
		return;
	}
	row = selected_row(app, t);
	e = row_entry(app, t, row, &tmp, &words);
	/* As high as the entry's text needs, up to the screen. */
	ui_put_wrapped(NULL, &y, 2, w - 4, 0, h - 3, A_NORMAL, e->text);
	h = y + 4 < h ? y + 4 : h;
	if ((win = ui_overlay(app, h, w, 2, 4, THEME_BORDER_FOCUS, " TIMELINE ")) == NULL) {
		free(words);
		return;
	}
	stamp_text(app, e, true, line, sizeof(line));
	snprintf(line + strlen(line), sizeof(line) - strlen(line), "UTC ");
	x = ui_put(win, 1, 2, w - 4, ui_attr(app, THEME_DIM), line);
	x += ui_put(win, 1, 2 + x, w - 4 - x, ui_attr(app, kind_role(e)),
	    kind_shown(e));
	if (e->host[0] != '\0') {
		x += ui_put(win, 1, 2 + x, w - 4 - x, A_NORMAL, " ");
		x += ui_put(win, 1, 2 + x, w - 4 - x, ui_attr(app, THEME_DIM), e->host);
	}
	/* Whose record, in full (the account too), when more than one
	 * console's person wrote this journal. */
	if (app->many_actors && e->actor[0] != '\0') {
		x += ui_put(win, 1, 2 + x, w - 4 - x, A_NORMAL, "  by ");
		ui_put(win, 1, 2 + x, w - 4 - x, A_NORMAL, e->actor);
	}
	y = 2;
	ui_put_wrapped(win, &y, 2, w - 4, 0, h - 2, ui_attr(app, THEME_NORMAL), e->text);
	/* A folded row: how its records are seen one by one. */
	if (t->rows[row].count > 1)
		snprintf(line, sizeof(line), "Esc or Enter closes; then a shows its %zu records",
		    t->rows[row].count);
	else
		snprintf(line, sizeof(line), "Esc or Enter closes");
	ui_put(win, h - 2, 2, w - 4, ui_attr(app, THEME_DIM), line);
	wnoutrefresh(win);
	delwin(win);
	free(words);
}

size_t
timeline_detail_records(struct app *app)
{
	const struct tlrows *t = rows_of(app);

	return t->nrows == 0 ? 0 : t->rows[selected_row(app, t)].count;
}

/* Every record shown: the title says so, and how to fold them again. */
static void
timeline_title(const struct app *app, int room, struct view_title *out)
{
	(void)room;
	snprintf(out->text, sizeof(out->text), "%s",
	    app->tl_all ? "(every record: a folds flaps and tries)" : "");
}

const struct view_ops view_timeline_ops = {
	.name = "TIMELINE",
	.draw = timeline_draw,
	.key = timeline_key,
	.title = timeline_title,
};
