/*
 * theme_fit.c — a theme's xterm-256 colours fitted to a terminal with
 * fewer. Curses left alone takes a colour the terminal lacks modulo what
 * it has (196, bright red, became 4, blue: a ROLLBACK verdict in the
 * calm colour); here each becomes the nearest colour the terminal has,
 * the result is checked for what would no longer read, and what changed
 * is said.
 */
#include "warroom/theme_fit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* xterm's own 16: the palette the numbers 16–255 were designed around. */
static const unsigned char basic_rgb[16][3] = {
	{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 },
	{ 0, 0, 238 }, { 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 },
	{ 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 },
	{ 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 },
};

static const char *const basic_names[8] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

#define ROLE_BIT(r) (1u << (unsigned)(r))
#define VERDICT_ROLES (ROLE_BIT(THEME_OK) | ROLE_BIT(THEME_WARN) | ROLE_BIT(THEME_BAD))

void
theme_color_rgb(int c, unsigned char rgb[3])
{
	static const unsigned char level[6] = { 0, 95, 135, 175, 215, 255 };

	if (c < 0 || c > 255)
		c = 0;
	if (c < 16)
		memcpy(rgb, basic_rgb[c], 3);
	else if (c < 232) {
		rgb[0] = level[(c - 16) / 36];
		rgb[1] = level[(c - 16) / 6 % 6];
		rgb[2] = level[(c - 16) % 6];
	} else
		rgb[0] = rgb[1] = rgb[2] = (unsigned char)(8 + 10 * (c - 232));
}

bool
theme_color_same(int a, int b)
{
	unsigned char x[3], y[3];

	if (a < 0 || b < 0)
		return a == b;
	theme_color_rgb(a, x);
	theme_color_rgb(b, y);
	return memcmp(x, y, 3) == 0;
}

static long
distance(const unsigned char a[3], const unsigned char b[3])
{
	long d = 0;
	int i;

	for (i = 0; i < 3; i++)
		d += (long)(a[i] - b[i]) * (a[i] - b[i]);
	return d;
}

short
theme_color_fit(int c, int ncolors)
{
	unsigned char rgb[3];
	int nbasic, i, best = 0;
	long d, bestd = -1;
	bool grey;

	if (c < 0)
		return THEME_COLOR_DEFAULT;
	if (ncolors <= 0)
		return THEME_COLOR_DEFAULT;
	/* 16–255 mean xterm's cube and greys, which an 88-colour terminal's
	 * own numbers do not: only 256 takes them as they are. */
	if (ncolors >= 256 || (c < 16 && c < ncolors))
		return (short)c;
	nbasic = ncolors < 16 ? ncolors : 16;
	/* bright-red on eight colours is red, whatever the RGB says (bright
	 * black is nearer white than black). */
	if (c >= 8 && c < 16 && c - 8 < nbasic)
		return (short)(c - 8);
	theme_color_rgb(c, rgb);
	grey = rgb[0] == rgb[1] && rgb[1] == rgb[2];
	for (i = 0; i < nbasic; i++) {
		/* A grey stays a grey: by distance alone mid-grey is yellow. */
		if (grey && !(i == 0 || i == 7 || i == 8 || i == 15))
			continue;
		if ((d = distance(rgb, basic_rgb[i])) < bestd || bestd < 0) {
			bestd = d;
			best = i;
		}
	}
	return (short)best;
}

const char *
theme_color_name(int c, char buf[16])
{
	if (c < 0)
		snprintf(buf, 16, "default");
	else if (c < 8)
		snprintf(buf, 16, "%s", basic_names[c]);
	else if (c < 16)
		snprintf(buf, 16, "bright-%s", basic_names[c - 8]);
	else
		snprintf(buf, 16, "%d", c);
	return buf;
}

/* Reddish as a verdict means it: red well above green and blue. */
static bool
reddish(int c)
{
	unsigned char rgb[3];

	if (c < 0)
		return false;
	theme_color_rgb(c, rgb);
	return rgb[0] > rgb[1] + 40 && rgb[0] > rgb[2] + 40;
}

static bool
is_red(int c)
{
	return c == 1 || c == 9;
}

static bool
style_colours_same(const struct theme_style *a, const struct theme_style *b)
{
	return theme_color_same(a->fg, b->fg) && theme_color_same(a->bg, b->bg);
}

static void
builtin_style(struct theme *t, enum theme_role r, int ncolors)
{
	struct theme def;

	theme_default(&def);
	t->style[r] = def.style[r];
	t->style[r].fg = theme_color_fit(t->style[r].fg, ncolors);
	t->style[r].bg = theme_color_fit(t->style[r].bg, ncolors);
}

void
theme_fit(struct theme *t, int ncolors, struct theme_fit *out)
{
	static const enum theme_role verdicts[3] = { THEME_BAD, THEME_WARN, THEME_OK };
	struct theme_style orig[THEME_ROLE_COUNT];
	struct theme_style *bad = &t->style[THEME_BAD];
	int r, i, j;

	memset(out, 0, sizeof(*out));
	out->ncolors = ncolors;
	out->verdict = THEME_VERDICT_KEPT;
	memcpy(orig, t->style, sizeof(orig));
	for (r = 0; r < THEME_ROLE_COUNT; r++) {
		struct theme_style *st = &t->style[r];

		st->fg = theme_color_fit(orig[r].fg, ncolors);
		st->bg = theme_color_fit(orig[r].bg, ncolors);
		if (st->fg != orig[r].fg || st->bg != orig[r].bg)
			out->approximated |= ROLE_BIT(r);
		if (st->fg != THEME_COLOR_DEFAULT && theme_color_same(st->fg, st->bg)) {
			out->illegible |= ROLE_BIT(r);
			builtin_style(t, (enum theme_role)r, ncolors);
		}
	}
	if (((out->approximated | out->illegible) & VERDICT_ROLES) == 0)
		return;
	/* Two verdicts the theme told apart must stay apart. */
	for (i = 0; i < 3 && out->verdict == THEME_VERDICT_KEPT; i++)
		for (j = i + 1; j < 3; j++) {
			enum theme_role a = verdicts[i], b = verdicts[j];

			if (style_colours_same(&t->style[a], &t->style[b]) &&
			    !style_colours_same(&orig[a], &orig[b])) {
				out->verdict = THEME_VERDICT_ALIKE;
				out->alike[0] = a;
				out->alike[1] = b;
				break;
			}
		}
	/* A red bad that became no red no longer says "bad". A bad the theme
	 * made another colour on purpose is left to the theme. */
	if (out->verdict == THEME_VERDICT_KEPT &&
	    (out->approximated & ROLE_BIT(THEME_BAD)) && !(out->illegible & ROLE_BIT(THEME_BAD))) {
		bool lost_fg = reddish(orig[THEME_BAD].fg) && !is_red(bad->fg);
		bool lost_bg = reddish(orig[THEME_BAD].bg) && !is_red(bad->bg);

		if ((lost_fg || lost_bg) && !is_red(bad->fg) && !is_red(bad->bg)) {
			out->verdict = THEME_VERDICT_NOT_RED;
			out->bad_was = lost_fg ? orig[THEME_BAD].fg : orig[THEME_BAD].bg;
			out->bad_became = lost_fg ? bad->fg : bad->bg;
		}
	}
	if (out->verdict != THEME_VERDICT_KEPT)
		for (i = 0; i < 3; i++)
			builtin_style(t, verdicts[i], ncolors);
}

/* "an 8-colour", "a 16-colour". */
static const char *
article(int n)
{
	return n == 8 || n == 11 || n == 18 || (n >= 80 && n < 90) ? "an" : "a";
}

/* Roles of mask as "header, ok, warn, bad", at most max named. */
static void
role_list(struct wr_buf *b, unsigned mask, int max)
{
	int r, n = 0, total = 0;

	for (r = 0; r < THEME_ROLE_COUNT; r++)
		total += (mask & ROLE_BIT(r)) != 0;
	for (r = 0; r < THEME_ROLE_COUNT; r++) {
		if (!(mask & ROLE_BIT(r)))
			continue;
		if (n == max) {
			wr_buf_printf(b, " and %d more", total - n);
			return;
		}
		wr_buf_printf(b, "%s%s", n ? ", " : "", theme_role_key((enum theme_role)r));
		n++;
	}
}

static bool
term_printable(const char *term)
{
	const char *p;

	if (term == NULL || term[0] == '\0' || strlen(term) > 64)
		return false;
	for (p = term; *p != '\0'; p++)
		if (*p <= ' ' || *p > '~')
			return false;
	return true;
}

void
theme_fit_describe(const struct theme_fit *f, const char *term, char *out, size_t cap)
{
	struct wr_buf b = { 0 };
	char name[16];
	char *s;
	int n = 0, r;

	if (cap > 0)
		out[0] = '\0';
	if (f->approximated == 0 && f->illegible == 0 && f->verdict == THEME_VERDICT_KEPT)
		return;
	for (r = 0; r < THEME_ROLE_COUNT; r++)
		n += (f->approximated & ROLE_BIT(r)) != 0;
	wr_buf_printf(&b, "theme: %d entr%s approximated for %s %d-colour terminal", n,
	    n == 1 ? "y" : "ies", article(f->ncolors), f->ncolors);
	if (term_printable(term))
		wr_buf_printf(&b, " (TERM=%s)", term);
	wr_buf_str(&b, ": ");
	role_list(&b, f->approximated, 6);
	if (f->illegible) {
		wr_buf_str(&b, "; ");
		role_list(&b, f->illegible, 6);
		wr_buf_str(&b, " in the built-in colours: text and background became one colour");
	}
	if (f->verdict == THEME_VERDICT_ALIKE)
		wr_buf_printf(&b, "; bad, warn and ok in the built-in colours: %s and %s became "
		    "alike", theme_role_key(f->alike[0]), theme_role_key(f->alike[1]));
	else if (f->verdict == THEME_VERDICT_NOT_RED)
		wr_buf_printf(&b, "; bad, warn and ok in the built-in colours: bad became %s, "
		    "not red", theme_color_name(f->bad_became, name));
	s = wr_buf_take(&b);
	snprintf(out, cap, "%s", s);
	free(s);
}

/* "file:line: " for role r of t, or "theme NAME: " when it is built in. */
static void
where(struct wr_buf *b, const struct theme *t, enum theme_role r)
{
	if (t->file[0] != '\0' && t->line[r] > 0)
		wr_buf_printf(b, "%s:%d: ", t->file, t->line[r]);
	else if (t->file[0] != '\0')
		wr_buf_printf(b, "%s: ", t->file);
	else
		wr_buf_printf(b, "theme %s: ", t->name);
}

/* "231 on 19" as written, or "196" when there is no background. */
static void
colours(struct wr_buf *b, const struct theme_style *st)
{
	char x[16], y[16];

	if (st->bg == THEME_COLOR_DEFAULT)
		wr_buf_str(b, theme_color_name(st->fg, x));
	else
		wr_buf_printf(b, "%s on %s", theme_color_name(st->fg, x), theme_color_name(st->bg, y));
}

/* Which of two alike verdict roles to point at: one the file sets, and
 * one it set with an approximated colour first. */
static enum theme_role
blame(const struct theme *t, const struct theme_fit *f)
{
	enum theme_role a = f->alike[0], b = f->alike[1];

	if (t->line[a] > 0 && (f->approximated & ROLE_BIT(a)))
		return a;
	if (t->line[b] > 0 && (f->approximated & ROLE_BIT(b)))
		return b;
	return t->line[a] > 0 ? a : b;
}

size_t
theme_lint(const struct theme *t, struct wr_buf *out)
{
	static const int sizes[2] = { 8, 16 };
	unsigned warned = 0, noted = 0;
	bool verdict_warned = false;
	size_t nwarn = 0;
	int k, r;

	for (k = 0; k < 2; k++) {
		int n = sizes[k];
		struct theme fitted = *t;
		struct theme_fit f;

		theme_fit(&fitted, n, &f);
		for (r = 0; r < THEME_ROLE_COUNT; r++) {
			struct theme_style as = t->style[r];

			if (!(f.illegible & ROLE_BIT(r)) || (warned & ROLE_BIT(r)))
				continue;
			warned |= ROLE_BIT(r);
			as.fg = theme_color_fit(as.fg, n);
			as.bg = theme_color_fit(as.bg, n);
			wr_buf_str(out, "warning: ");
			where(out, t, (enum theme_role)r);
			wr_buf_printf(out, "%s: ", theme_role_key((enum theme_role)r));
			colours(out, &t->style[r]);
			wr_buf_str(out, " would be ");
			colours(out, &as);
			wr_buf_printf(out, " on %s %d-colour terminal: there it is drawn in the "
			    "built-in colours\n", article(n), n);
			nwarn++;
		}
		if (f.verdict != THEME_VERDICT_KEPT && !verdict_warned) {
			enum theme_role at = f.verdict == THEME_VERDICT_ALIKE ? blame(t, &f) : THEME_BAD;
			char was[16], became[16];

			verdict_warned = true;
			wr_buf_str(out, "warning: ");
			where(out, t, at);
			if (f.verdict == THEME_VERDICT_ALIKE) {
				struct theme_style as = t->style[f.alike[0]];

				as.fg = theme_color_fit(as.fg, n);
				as.bg = theme_color_fit(as.bg, n);
				wr_buf_printf(out, "%s and %s would both be ", theme_role_key(f.alike[0]),
				    theme_role_key(f.alike[1]));
				colours(out, &as);
			} else
				wr_buf_printf(out, "bad: %s would be %s, not red,",
				    theme_color_name(f.bad_was, was), theme_color_name(f.bad_became, became));
			wr_buf_printf(out, " on %s %d-colour terminal: there bad, warn and ok are "
			    "drawn in the built-in colours\n", article(n), n);
			nwarn++;
		}
		if (k == 0)
			noted = f.approximated;
	}
	if (noted != 0) {
		int n = 0;

		for (r = 0; r < THEME_ROLE_COUNT; r++)
			n += (noted & ROLE_BIT(r)) != 0;
		wr_buf_str(out, "note: ");
		if (t->file[0] != '\0')
			wr_buf_printf(out, "%s: ", t->file);
		else
			wr_buf_printf(out, "theme %s: ", t->name);
		wr_buf_printf(out, "%d entr%s use%s colours an 8-colour terminal lacks (", n,
		    n == 1 ? "y" : "ies", n == 1 ? "s" : "");
		role_list(out, noted, THEME_ROLE_COUNT);
		wr_buf_str(out, "): there the nearest it has are drawn\n");
	}
	return nwarn;
}
