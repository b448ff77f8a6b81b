/*
 * logstatus.c — LOGS' status line against its width: a fixed list of
 * steps, each wording one part briefly or taking it away, applied in
 * order until the parts fit. The order is the rule: counts and names give
 * way before the states that change what the pane shows (paused, not
 * streaming, the filter), which are only worded briefly, and the
 * filter's pattern is cut last, so none of them is ever pushed off the
 * end of the line by a line count.
 */
#include "warroom/logstatus.h"

#include <stddef.h>

static const struct {
	enum logstatus_part part;
	enum logstatus_form to;
} steps[] = {
	{ LOGSTATUS_LINES, LOGSTATUS_GONE },
	{ LOGSTATUS_WRAP, LOGSTATUS_GONE },
	/* Lines without their times look like lines that have none. */
	{ LOGSTATUS_TIMES, LOGSTATUS_BRIEF },
	{ LOGSTATUS_LABEL, LOGSTATUS_GONE },
	{ LOGSTATUS_MATCHING, LOGSTATUS_BRIEF },
	{ LOGSTATUS_DROPPED, LOGSTATUS_BRIEF },
	{ LOGSTATUS_PAUSED, LOGSTATUS_BRIEF },
	{ LOGSTATUS_GAP, LOGSTATUS_BRIEF },
	{ LOGSTATUS_UNSEARCHED, LOGSTATUS_BRIEF },
	{ LOGSTATUS_FILTER, LOGSTATUS_BRIEF },
	{ LOGSTATUS_MATCHING, LOGSTATUS_GONE },
	{ LOGSTATUS_DROPPED, LOGSTATUS_GONE },
	{ LOGSTATUS_TIMES, LOGSTATUS_GONE },
};

static int
part_cols(const struct logstatus_in *in, const struct logstatus_fit *f, int i)
{
	if (f->form[i] == LOGSTATUS_GONE)
		return 0;
	if (i == LOGSTATUS_FILTER && f->filter_cols > 0)
		return f->filter_cols;
	return f->form[i] == LOGSTATUS_BRIEF ? in->brief[i] : in->full[i];
}

int
logstatus_width(const struct logstatus_in *in, const struct logstatus_fit *f)
{
	int i, w = 0, n = 0;

	for (i = 0; i < LOGSTATUS_PARTS; i++) {
		int c = part_cols(in, f, i);

		if (c > 0) {
			w += c;
			n++;
		}
	}
	return n > 1 ? w + (n - 1) * in->sep : w;
}

void
logstatus_fit(const struct logstatus_in *in, struct logstatus_fit *out)
{
	size_t k;
	int i, over;

	out->filter_cols = 0;
	for (i = 0; i < LOGSTATUS_PARTS; i++)
		out->form[i] = in->full[i] > 0 ? LOGSTATUS_FULL : LOGSTATUS_GONE;
	for (k = 0; k < sizeof(steps) / sizeof(steps[0]); k++) {
		enum logstatus_part p = steps[k].part;

		if (logstatus_width(in, out) <= in->cols)
			return;
		if (out->form[p] == LOGSTATUS_GONE)
			continue;
		/* A part with no brief wording keeps its whole one. */
		if (steps[k].to == LOGSTATUS_BRIEF && in->brief[p] <= 0)
			continue;
		out->form[p] = steps[k].to;
	}
	/* Last, the pattern is cut (to 4 columns at least: "/a…/"). */
	over = logstatus_width(in, out) - in->cols;
	if (over > 0 && out->form[LOGSTATUS_FILTER] != LOGSTATUS_GONE) {
		int whole = part_cols(in, out, LOGSTATUS_FILTER), c = whole - over;

		if (c < 4)
			c = 4;
		if (c < whole)
			out->filter_cols = c;
	}
}
