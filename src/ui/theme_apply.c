/*
 * theme_apply.c — turns a struct theme into curses colour pairs and
 * attributes: pair N+1 belongs to role N. Colours a terminal lacks fall
 * back to their basic eight, so a 256-colour theme still reads on 8.
 */
#include "warroom/ui.h"

static short
fit_color(short c)
{
	if (c < 0 || c < COLORS)
		return c;
	return (short)(c % 8);
}

void
theme_apply(struct screen *scr, const struct theme *t, bool use_color)
{
	int i;

	if (use_color && has_colors()) {
		start_color();
		use_default_colors();
	} else
		use_color = false;
	for (i = 0; i < THEME_ROLE_COUNT; i++) {
		const struct theme_style *st = &t->style[i];
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
			init_pair((short)(i + 1), fit_color(st->fg), fit_color(st->bg));
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
