/*
 * header_fit.h — what the header line keeps when the terminal is narrow.
 * The badges (read-only, armed, outcomes not known, exports on, the
 * journal, the status page) say what the engineer may do and what is not
 * yet true: they are never cut and never dropped; one with shorter
 * wordings (names down to counts) keeps its alarm word and count in each.
 * The rest gives way, in this order: the clock's date, informational
 * items ("exports restored on …": their names to counts, then gone), the
 * incident's name down to HEADER_FIT_NAME_MIN, the badges' longer
 * wordings, the rest of the name, the elapsed time, the clock, and last
 * the program's name. Only then does a badge take its tiniest wording
 * ("RO", "SP: 1 UNKNOWN"), if it has one: with every badge there,
 * the line holds them all in 80 columns. Pure: widths in, choices out.
 */
#ifndef WARROOM_HEADER_FIT_H
#define WARROOM_HEADER_FIT_H

#include <stdbool.h>
#include <stddef.h>

#define HEADER_FIT_ITEMS 16      /* items at most */
#define HEADER_FIT_WORDINGS 5    /* wordings of one item at most */
#define HEADER_FIT_NAME_MIN 8    /* the name's columns kept before a badge shortens */

/* One badge or informational item: the widths of its wordings, longest
 * first (each as drawn, without the 2 columns before it). */
struct header_fit_item {
	bool info;               /* informational: may shorten, then go */
	bool tiny;               /* its last wording is its tiniest: taken only once the
	                            clock and the program's name are gone */
	int nwords;              /* 1..HEADER_FIT_WORDINGS */
	int width[HEADER_FIT_WORDINGS];
};

/* Columns of each part of " warroom │ NAME │ T+00:00:00 ... BADGES CLOCK". */
struct header_fit_in {
	int cols;
	int badges;              /* badges passed whole (not as items), each with
	                            the 2 columns before it */
	const struct header_fit_item *items;  /* in the order they are drawn */
	size_t nitems;           /* at most HEADER_FIT_ITEMS */
	int label;               /* " warroom" */
	int sep;                 /* " │ " before the name and before the elapsed time */
	int name;                /* the incident's name */
	int elapsed;             /* "T+00:00:00" */
	int clock_long;          /* "2026-01-01 00:00:00 UTC " */
	int clock_short;         /* "00:00:00 UTC " */
};

struct header_fit {
	bool label;              /* " warroom" is shown */
	int name;                /* columns for the name: all of it, fewer (cut, with
	                            its last one an ellipsis), or 0: not shown */
	bool elapsed;            /* the elapsed time is shown */
	int clock;               /* clock_long, clock_short, or 0: no clock */
	int word[HEADER_FIT_ITEMS];  /* each item's wording; -1: not shown (info only) */
};

/* The parts that fit in in->cols (one column spare), given way in the
 * order above. */
void header_fit(const struct header_fit_in *in, struct header_fit *out);

/* Columns the left part takes as chosen in f. */
int header_fit_left(const struct header_fit_in *in, const struct header_fit *f);

/* Columns the badges and items take as chosen in f, 2 before each. */
int header_fit_badges(const struct header_fit_in *in, const struct header_fit *f);

#endif
