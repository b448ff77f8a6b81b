/*
 * draw.c — putting UTF-8 text on the screen, clipped to a width in cells.
 * Control characters never reach the terminal, nor do bidi controls: they
 * are drawn as the sanitizer writes them (^X, \x9b, <U+202E>), and bytes
 * that are not valid UTF-8 as U+FFFD.
 */
#include "warroom/ui.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "warroom/decide.h"
#include "warroom/panemore.h"
#include "warroom/sanitize.h"
#include "warroom/wrapbreak.h"

/* Next character of text: its code point (or U+FFFD) and byte length. */
static size_t
next_char(const char *s, size_t len, wchar_t *wc)
{
	mbstate_t st;
	size_t n;

	memset(&st, 0, sizeof(st));
	n = mbrtowc(wc, s, len, &st);
	if (n == (size_t)-1 || n == (size_t)-2) {
		*wc = 0xFFFD;
		return 1;
	}
	if (n == 0)
		return 1;
	return n;
}

/* How wc is drawn: the characters in out and the cells they take.
 * Controls and bidi controls show as the sanitizer writes them
 * (sanitize_char: text typed here never went through it), a tab as ^I,
 * a character with no width as U+FFFD. */
static int
glyph(wchar_t wc, wchar_t out[WR_SANITIZE_CHAR_MAX])
{
	char rep[WR_SANITIZE_CHAR_MAX];
	size_t n = wc >= 0 ? sanitize_char((uint32_t)wc, rep) : 0, i;
	int w;

	if (n > 0) {
		for (i = 0; i <= n; i++)
			out[i] = (wchar_t)(unsigned char)rep[i];
		return (int)n;
	}
	out[1] = 0;
	if ((w = wcwidth(wc)) < 0) {
		out[0] = 0xFFFD;
		return 1;
	}
	out[0] = wc;
	return w;
}

enum theme_role
ui_level_role(int level)
{
	switch (level) {
	case DECIDE_ROLLBACK: return THEME_BAD;
	case DECIDE_CONSIDER: case DECIDE_MONITOR: return THEME_WARN;
	case DECIDE_OK: return THEME_OK;
	}
	return THEME_DIM;
}

int
ui_width(const char *text)
{
	size_t len = strlen(text), i = 0;
	int w = 0;

	while (i < len) {
		wchar_t wc, out[WR_SANITIZE_CHAR_MAX];
		size_t plain = sanitize_plain_run(text + i, len - i);

		/* Printable ASCII is a cell a byte: decoding it (mbrtowc,
		 * wcwidth) was most of what a 100-row HOSTS frame cost. */
		if (plain > 0) {
			w += (int)plain;
			i += plain;
			continue;
		}
		i += next_char(text + i, len - i, &wc);
		w += glyph(wc, out);
	}
	return w;
}

int
ui_put(WINDOW *win, int y, int x, int width, int attr, const char *text)
{
	size_t took;
	int used;

	if (width <= 0)
		return 0;
	ui_put_n(NULL, 0, 0, width, attr, text, &took);
	/* Only blanks past the width (a padded column) hide nothing. */
	if (text[took + strspn(text + took, " ")] == '\0')
		return ui_put_n(win, y, x, width, attr, text, NULL);
	/* Cut: the last cell says the rest is not shown, never silently. */
	used = ui_put_n(win, y, x, width - 1, attr, text, NULL);
	return used + ui_put_n(win, y, x + used, 1, attr, "…", NULL);
}

int
ui_put_n(WINDOW *win, int y, int x, int width, int attr, const char *text,
    size_t *consumed)
{
	size_t len = strlen(text), i = 0, before;
	int used = 0;

	if (win != NULL)
		wmove(win, y, x);
	while (i < len) {
		wchar_t wc, out[WR_SANITIZE_CHAR_MAX];
		int cw, k;

		before = i;
		if (sanitize_plain_run(text + i, 1) == 1) {
			/* Printable ASCII: itself in one cell, as glyph() says. */
			out[0] = (wchar_t)(unsigned char)text[i++];
			out[1] = 0;
			cw = 1;
		} else {
			i += next_char(text + i, len - i, &wc);
			cw = glyph(wc, out);
		}
		if (used + cw > width) {
			i = before;
			break;
		}
		used += cw;
		if (win == NULL)
			continue;
		/* One cell per character (a wide one takes its two). */
		for (k = 0; out[k] != 0; k++) {
			wchar_t one[2] = { out[k], 0 };
			cchar_t cc;

			setcchar(&cc, one, (attr_t)attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
			wadd_wch(win, &cc);
		}
	}
	if (consumed != NULL)
		*consumed = i;
	return used;
}

void
ui_border(const struct app *app, WINDOW *w, enum theme_role role)
{
	int a = ui_attr(app, role);
	attr_t at = (attr_t)a & ~A_COLOR;
	short pair = (short)PAIR_NUMBER(a);

	if (app->screen->utf8) {
		cchar_t vl, hl, tl, tr, bl, br;

		setcchar(&vl, L"│", at, pair, NULL);
		setcchar(&hl, L"─", at, pair, NULL);
		setcchar(&tl, L"┌", at, pair, NULL);
		setcchar(&tr, L"┐", at, pair, NULL);
		setcchar(&bl, L"└", at, pair, NULL);
		setcchar(&br, L"┘", at, pair, NULL);
		wborder_set(w, &vl, &vl, &hl, &hl, &tl, &tr, &bl, &br);
	} else {
		wattrset(w, a);
		wborder(w, '|', '|', '-', '-', '+', '+', '+', '+');
		wattrset(w, A_NORMAL);
	}
}

/* Whether cell y,x of win holds a plain horizontal border line. */
static bool
border_at(WINDOW *win, int y, int x)
{
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t at;
	short pair;

	if (mvwin_wch(win, y, x, &cc) == ERR || getcchar(&cc, wc, &at, &pair, NULL) == ERR)
		return false;
	return wc[0] == L'─' || wc[0] == L'-';
}

bool
ui_frame_put(WINDOW *inner, bool bottom, bool right, int attr, const char *text)
{
	WINDOW *frame = wgetparent(inner);
	char padded[512];
	int fh, fw, y, x, w, i;

	if (frame == NULL)
		return false;
	getmaxyx(frame, fh, fw);
	snprintf(padded, sizeof(padded), " %s ", text);
	w = ui_width(padded);
	y = bottom ? fh - 1 : 0;
	x = right ? fw - 2 - w : 2;
	if (x < 2 || x + w > fw - 2)
		return false;
	/* Only over plain border, with a line left beside a title. */
	for (i = x - (right ? 1 : 0); i < x + w; i++)
		if (!border_at(frame, y, i))
			return false;
	ui_put(frame, y, x, w, attr, padded);
	return true;
}

void
ui_frame_more(const struct app *app, WINDOW *inner, bool up, int rows)
{
	char text[64];
	int form, attr = ui_attr(app, THEME_TITLE);

	if (rows <= 0)
		return;
	for (form = 0; panemore_text(up, app->screen->utf8, rows, form, text, sizeof(text));
	    form++)
		if (ui_frame_put(inner, !up, up, attr, text))
			return;
	for (form = 0; up && panemore_text(up, app->screen->utf8, rows, form, text, sizeof(text));
	    form++)
		if (ui_frame_put(inner, true, true, attr, text))
			return;
}

WINDOW *
ui_overlay(const struct app *app, int h, int w, int y, int x, enum theme_role border,
    const char *title)
{
	WINDOW *win = newwin(h, w, y, x);

	if (win == NULL)
		return NULL;
	wbkgdset(win, ' ' | (chtype)ui_attr(app, THEME_HELP));
	werase(win);
	ui_border(app, win, border);
	if (title != NULL)
		ui_put(win, 0, 2, w - 4, ui_attr(app, THEME_TITLE_FOCUS), title);
	return win;
}

/* A row after the first of ui_put_wrapped: its cells and attribute. */
struct row_fits {
	int room;
	int attr;
};

static bool
row_fits(const char *s, size_t n, void *arg)
{
	const struct row_fits *rf = arg;
	char word[4096];
	size_t took;

	if (n >= sizeof(word))
		return false;
	memcpy(word, s, n);
	word[n] = '\0';
	ui_put_n(NULL, 0, 0, rf->room, rf->attr, word, &took);
	return took == n;
}

void
ui_put_wrapped(WINDOW *win, int *y, int x, int w, int cont, int limit, int attr,
    const char *text)
{
	char chunk[4096];
	size_t took;
	int indent = 0;

	while (*text != '\0' && *y < limit) {
		int room = w - indent;
		bool cut;

		ui_put_n(NULL, 0, 0, room, attr, text, &took);
		cut = *y + 1 >= limit && text[took] != '\0';
		if (cut)
			ui_put_n(NULL, 0, 0, room - 1, attr, text, &took);
		else if (took > 0) {
			struct row_fits rf = { w - (cont < w - 8 ? cont : 0), attr };

			took = wrapbreak(text, took, row_fits, &rf);
		}
		if (took == 0 || took >= sizeof(chunk))
			break;
		memcpy(chunk, text, took);
		chunk[took] = '\0';
		/* Rows above the window (a text whose tail alone shows) are
		 * counted, never drawn. */
		if (win != NULL && *y >= 0) {
			ui_put(win, *y, x + indent, room, attr, chunk);
			if (cut)
				ui_put(win, *y, x + w - 1, 1, attr, "…");
		}
		(*y)++;
		text += took;
		if (*text == ' ')
			text++;             /* the break stands for it */
		indent = cont < w - 8 ? cont : 0;
	}
}
