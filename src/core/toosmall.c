/*
 * toosmall.c — the below-minimum notice, worded to fit (see toosmall.h).
 */
#include "warroom/toosmall.h"

#include <stdio.h>
#include <string.h>

/* A wording: up to four rows, %s standing for "70x20" and %m for "80x24"
 * (expanded by put_row). Longest first. */
static const char *const forms_main[][4] = {
	{ "terminal too small: %s, need at least %m", "keys are ignored until it is larger;",
	  "q still quits, Esc still cancels" },
	{ "terminal too small: %s", "need at least %m", "keys are ignored until then;",
	  "q still quits, Esc cancels" },
	{ "too small: %s < %m", "q quits, Esc cancels" },
	{ "%s<%m q:quit" },
	{ "%s<%m", "q:quit" },
};

static const char *const forms_open[][4] = {
	{ "terminal too small: %s, need at least %m", "keys are ignored until it is larger;",
	  "Esc still closes what is open" },
	{ "terminal too small: %s", "need at least %m", "keys are ignored until then;",
	  "Esc closes what is open" },
	{ "too small: %s < %m", "Esc closes what is open" },
	{ "%s<%m Esc:close" },
	{ "%s<%m", "Esc:close" },
};

/* q's question open: the notice asks it, since its footer is not drawn
 * (not "Esc still closes what is open" while y is ignored). */
static const char *const forms_quit[][4] = {
	{ "terminal too small: %s, need at least %m", "the quit question is open (larger shows it):",
	  "Quit anyway? y quits, any other key stays" },
	{ "terminal too small: %s", "need at least %m", "Quit anyway?",
	  "y quits, any other key stays" },
	{ "too small: %s < %m", "Quit anyway? (y/N)" },
	{ "%s<%m y:quit" },
	{ "%s<%m", "y:quit" },
};

#define NFORMS (sizeof(forms_main) / sizeof(forms_main[0]))

/* fmt with %s and %m filled into dst; its length. */
static int
put_row(const char *fmt, const char *size, const char *min, char *dst, size_t cap)
{
	size_t o = 0;

	for (; *fmt != '\0' && o + 1 < cap; fmt++) {
		const char *ins = NULL;

		if (fmt[0] == '%' && (fmt[1] == 's' || fmt[1] == 'm'))
			ins = *++fmt == 's' ? size : min;
		if (ins == NULL) {
			dst[o++] = *fmt;
			continue;
		}
		while (*ins != '\0' && o + 1 < cap)
			dst[o++] = *ins++;
	}
	dst[o] = '\0';
	return (int)o;
}

/* Form f's rows into out from row out->n; their number, and in *widest
 * the widest row's columns. */
static int
put_form(const char *const form[4], const char *size, const char *min, struct toosmall *out,
    int *widest)
{
	int k, n = 0, w;

	*widest = 0;
	for (k = 0; k < 4 && form[k] != NULL && out->n + n < TOOSMALL_ROWS; k++, n++) {
		w = put_row(form[k], size, min, out->row[out->n + n], TOOSMALL_COLS);
		if (w > *widest)
			*widest = w;
	}
	return n;
}

void
toosmall_words(const struct toosmall_in *in, struct toosmall *out)
{
	const char *const (*forms)[4] = in->quit_question ? forms_quit : in->open ? forms_open :
	    forms_main;
	char size[32], min[32], badge[32];
	size_t f;
	int rows, widest, blen = 0, first;

	snprintf(size, sizeof(size), "%dx%d", in->cols, in->lines);
	snprintf(min, sizeof(min), "%dx%d", in->min_cols, in->min_lines);
	memset(out, 0, sizeof(*out));
	out->badge = -1;
	if (in->armed_s >= 0) {
		blen = snprintf(badge, sizeof(badge), "ARMED %ld:%02ld", in->armed_s / 60,
		    in->armed_s % 60);
		/* With room, as the header draws it: a space either side. */
		if (blen + 2 <= in->cols)
			blen = snprintf(badge, sizeof(badge), " ARMED %ld:%02ld ", in->armed_s / 60,
			    in->armed_s % 60);
		snprintf(out->row[0], TOOSMALL_COLS, "%s", badge);
		out->badge = 0;
		out->badge_len = blen;
		out->n = 1;
	}
	first = out->n;
	for (f = 0; f < NFORMS; f++) {
		out->n = first;
		rows = put_form(forms[f], size, min, out, &widest);
		if (widest <= in->cols && first + rows <= in->lines) {
			out->n += rows;
			return;
		}
	}
	/* One line, armed: the badge and the shortest notice share it. */
	if (first == 1 && in->lines < 2) {
		char *at = out->row[0] + blen;

		if (badge[blen - 1] != ' ')
			*at++ = ' ';
		put_row(forms[NFORMS - 2][0], size, min, at,
		    TOOSMALL_COLS - (size_t)(at - out->row[0]));
		out->n = 1;
		return;
	}
	/* Nothing fits whole: the shortest one-row wording, cut where drawn. */
	out->n = first;
	put_row(forms[NFORMS - 2][0], size, min, out->row[out->n++], TOOSMALL_COLS);
}
