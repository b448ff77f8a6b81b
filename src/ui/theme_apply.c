/*
 * theme_apply.c — turns a struct theme into curses colour pairs and
 * attributes: pair N+1 belongs to role N. Colours a terminal lacks become
 * the nearest it has (theme_fit.c), and the footer says which: left to
 * curses they wrapped around (bright red drawn blue).
 */
#include <stdlib.h>

#include "warroom/theme_fit.h"
#include "warroom/ui.h"

/* Said once, at start: kept until a key, beside what the journal said. */
static void
say_fit(struct app *app, const struct theme_fit *fit)
{
	char said[sizeof(app->status)];

	theme_fit_describe(fit, getenv("TERM"), said, sizeof(said));
	if (said[0] == '\0')
		return;
	if (app->status[0] != '\0')
		app->status_held = true;
	app_say_also(app, "%s", said);
	app->status_held = true;
}

void
theme_apply(struct app *app, bool use_color)
{
	struct screen *scr = app->screen;
	struct theme t = app->theme;
	struct theme_fit fit;
	int i;

	if (use_color && has_colors()) {
		start_color();
		use_default_colors();
		theme_fit(&t, COLORS, &fit);
		say_fit(app, &fit);
	} else
		use_color = false;
	for (i = 0; i < THEME_ROLE_COUNT; i++) {
		const struct theme_style *st = &t.style[i];
		int a = A_NORMAL;

		if (st->attrs & THEME_A_BOLD)
			a |= A_BOLD;
		if (st->attrs & THEME_A_DIM)
			a |= A_DIM;
		if (st->attrs & THEME_A_UNDERLINE)
			a |= A_UNDERLINE;
		if (st->attrs & THEME_A_REVERSE)
			a |= A_REVERSE;
		if (st->attrs & THEME_A_ITALIC)
			a |= A_ITALIC;
		if (st->attrs & THEME_A_STANDOUT)
			a |= A_STANDOUT;
		if (use_color && (st->fg >= 0 || st->bg >= 0) && i + 1 < COLOR_PAIRS) {
			init_pair((short)(i + 1), st->fg, st->bg);
			a |= COLOR_PAIR(i + 1);
		}
		scr->attr[i] = a;
	}
}

int
ui_attr(const struct app *app, enum theme_role role)
{
	if (app->screen == NULL || role < 0 || role >= THEME_ROLE_COUNT)
		return A_NORMAL;
	return app->screen->attr[role];
}
