/*
 * header_fit.h — what the header line keeps when the terminal is narrow.
 * The badges (read-only, armed, outcomes not known, the journal, the
 * status page) say what the engineer may do and what is not yet true:
 * they never give way. The rest does, in this order: the clock's date,
 * the incident's name (cut, then gone), the elapsed time, the clock, and
 * last the program's name. Pure: widths in, choices out.
 */
#ifndef WARROOM_HEADER_FIT_H
#define WARROOM_HEADER_FIT_H

#include <stdbool.h>

/* Columns of each part of " warroom │ NAME │ T+00:00:00 ... BADGES CLOCK". */
struct header_fit_in {
	int cols;
	int badges;              /* every badge, each with the 2 columns before it */
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
};

/* The parts that fit in in->cols beside the badges (and one spare column),
 * given way in the order above. */
void header_fit(const struct header_fit_in *in, struct header_fit *out);

/* Columns the left part takes as chosen in f. */
int header_fit_left(const struct header_fit_in *in, const struct header_fit *f);

#endif
