/*
 * theme_fit.h — a theme's colours on a terminal that has fewer than the
 * 256 a theme file may name. Pure: the terminal's colour count comes in
 * as a number (ui/theme_apply.c reads COLORS).
 *
 * Colour numbers are the xterm-256 palette's. On a terminal with fewer,
 * each colour it lacks becomes the nearest one it has (by RGB distance in
 * xterm's palette; bright-NAME on an 8-colour terminal becomes NAME). A
 * role whose text and background become one colour is given the built-in
 * style, and so are the verdict roles (ok, warn, bad) when two of them
 * become alike or bad is no longer red: a verdict must not change meaning
 * with the terminal.
 */
#ifndef WARROOM_THEME_FIT_H
#define WARROOM_THEME_FIT_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/theme.h"
#include "warroom/util.h"

/* Why the verdict roles were given the built-in styles, if they were. */
enum theme_verdict_fix {
	THEME_VERDICT_KEPT,       /* as the theme says (approximated or not) */
	THEME_VERDICT_ALIKE,      /* two of ok, warn, bad became one colour */
	THEME_VERDICT_NOT_RED,    /* bad's colours were approximated by no red */
};

/* What theme_fit changed. Role sets are bit masks: 1u << role. */
struct theme_fit {
	int ncolors;                   /* the terminal's colour count */
	unsigned approximated;         /* roles with a colour replaced by the nearest */
	unsigned illegible;            /* roles given the built-in style: text and
	                                  background became one colour */
	enum theme_verdict_fix verdict;
	enum theme_role alike[2];      /* the two verdict roles that became alike */
	short bad_was, bad_became;     /* bad's red and what it became (NOT_RED) */
};

/* The 8-bit red, green and blue of xterm-256 colour c (0–255). */
void theme_color_rgb(int c, unsigned char rgb[3]);

/* Whether colours a and b (0–255 or THEME_COLOR_DEFAULT) look the same:
 * one number, or two numbers for one RGB (16 and 0 are both black). */
bool theme_color_same(int a, int b);

/* Colour c (0–255 or THEME_COLOR_DEFAULT) on a terminal with ncolors
 * colours: c when the terminal has it, else the nearest basic colour. */
short theme_color_fit(int c, int ncolors);

/* Colour c as a theme file writes it: "bright-red", "196", "default". */
const char *theme_color_name(int c, char buf[16]);

/* Fit every colour of t to a terminal with ncolors colours, give the
 * illegible and unsafe roles their built-in styles, and say what changed. */
void theme_fit(struct theme *t, int ncolors, struct theme_fit *out);

/* The one-line notice of what theme_fit changed, for the footer ("theme:
 * 4 entries approximated for an 8-colour terminal (TERM=screen): …");
 * "" when nothing changed. term may be NULL. */
void theme_fit_describe(const struct theme_fit *f, const char *term, char *out,
    size_t cap);

/* --check-config's lines about t on 8- and 16-colour terminals, appended
 * to out: a "warning: file:line: …" per role that would be drawn otherwise
 * than written, and a "note: …" naming the approximated roles. Returns the
 * number of warnings. */
size_t theme_lint(const struct theme *t, struct wr_buf *out);

#endif
