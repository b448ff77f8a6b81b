/*
 * logstatus.c — LOGS' status line against its width: a fixed list of
 * steps, each wording one part briefly or taking it away, applied in
 * order until the parts fit. The order is the rule: counts and names give
 * way before the states that change what the pane shows (paused, not
 * streaming, the filter), which are only worded briefly, and the
 * filter's pattern is cut; the modes the user turned on (wrap, hidden
 * timestamps) go only after that, so none of them is ever pushed off the
 * end of the line by a count.
 */
#include "warroom/logstatus.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "warroom/util.h"

static const struct {
	enum logstatus_part part;
	enum logstatus_form to;
} steps[] = {
	{ LOGSTATUS_LINES, LOGSTATUS_GONE },
	/* Lines without their times look like lines that have none. */
	{ LOGSTATUS_TIMES, LOGSTATUS_BRIEF },
	{ LOGSTATUS_LABEL, LOGSTATUS_BRIEF },
	{ LOGSTATUS_MATCHING, LOGSTATUS_BRIEF },
	{ LOGSTATUS_DROPPED, LOGSTATUS_BRIEF },
	/* Without it, one ring's drops read as the only tail. */
	{ LOGSTATUS_LABEL, LOGSTATUS_GONE },
	{ LOGSTATUS_PAUSED, LOGSTATUS_BRIEF },
	{ LOGSTATUS_GAP, LOGSTATUS_BRIEF },
	{ LOGSTATUS_UNSEARCHED, LOGSTATUS_BRIEF },
	{ LOGSTATUS_FILTER, LOGSTATUS_BRIEF },
	{ LOGSTATUS_MATCHING, LOGSTATUS_GONE },
	{ LOGSTATUS_DROPPED, LOGSTATUS_GONE },
};

/* The modes the user turned on, gone only after the pattern is cut as
 * far as it goes; the first here put back first where it then fits. */
static const enum logstatus_part modes[] = { LOGSTATUS_TIMES, LOGSTATUS_WRAP };

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

/* The pattern cut to what the rest leaves (to 4 columns at least:
 * "/a…/"), or whole when it fits. */
static void
cut_filter(const struct logstatus_in *in, struct logstatus_fit *f)
{
	int whole, c;

	f->filter_cols = 0;
	if (f->form[LOGSTATUS_FILTER] == LOGSTATUS_GONE)
		return;
	whole = part_cols(in, f, LOGSTATUS_FILTER);
	c = whole - (logstatus_width(in, f) - in->cols);
	if (c < 4)
		c = 4;
	if (c < whole)
		f->filter_cols = c;
}

void
logstatus_fit(const struct logstatus_in *in, struct logstatus_fit *out)
{
	enum logstatus_form was[sizeof(modes) / sizeof(modes[0])] = { LOGSTATUS_GONE };
	size_t k;
	int i;

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
	cut_filter(in, out);
	for (k = 0; k < sizeof(modes) / sizeof(modes[0]); k++)
		if (logstatus_width(in, out) > in->cols && out->form[modes[k]] != LOGSTATUS_GONE) {
			was[k] = out->form[modes[k]];
			out->form[modes[k]] = LOGSTATUS_GONE;
			cut_filter(in, out);
		}
	/* One gone may have made room for one that went before it. */
	for (k = 0; k < sizeof(modes) / sizeof(modes[0]); k++)
		if (was[k] != LOGSTATUS_GONE && out->form[modes[k]] == LOGSTATUS_GONE) {
			out->form[modes[k]] = was[k];
			cut_filter(in, out);
			if (logstatus_width(in, out) > in->cols) {
				out->form[modes[k]] = LOGSTATUS_GONE;
				cut_filter(in, out);
			}
		}
}

void
logstatus_names(const char *const *names, int n, const char *tail, int cols,
    char *out, size_t cap)
{
	size_t whole = strlen(tail), at;
	int k, fit = 1, i;

	for (i = 0; i < n; i++)
		whole += strlen(names[i]) + (i > 0 ? 2 : 0);
	if (n <= 1 || whole <= (size_t)(cols > 0 ? cols : 0)) {
		fit = n;
	} else {
		size_t used = strlen(names[0]);
		char more[16];

		/* The next name fits with its ", " and the rest's count. */
		for (k = 1; k < n - 1; k++) {
			used += 2 + strlen(names[k]);
			if (used + (size_t)snprintf(more, sizeof(more), " +%d", n - k - 1) >
			    (size_t)(cols > 0 ? cols : 0))
				break;
			fit = k + 1;
		}
	}
	out[0] = '\0';
	for (i = 0, at = 0; i < fit && at < cap; i++, at = strlen(out))
		snprintf(out + at, cap - at, "%s%s", i > 0 ? ", " : "", names[i]);
	if (at < cap && fit < n)
		snprintf(out + at, cap - at, " +%d", n - fit);
	else if (at < cap && n > 1)
		snprintf(out + at, cap - at, "%s", tail);
	/* Cut short, the count at least stays whole. */
	if (strlen(out) + 1 >= cap && fit > 1 && n > 1)
		logstatus_names(names, n, tail, 0, out, cap);
}

void
logstatus_replaced(const char *label, int was, char *out, size_t cap)
{
	/* A merge lost to Enter looks like services gone quiet: say it. */
	if (was < 2)
		snprintf(out, cap, "LOGS: tailing %s", label);
	else
		snprintf(out, cap, "LOGS now follows %s only (was %d merged); + on a HOSTS row "
		    "adds a service back", label, was);
}

void
logstatus_none_match(const char *pattern, const char *label, size_t lines, char *out,
    size_t cap)
{
	/* The prompt opens holding the pattern: C-u empties it. */
	snprintf(out, cap, "filter /%s/ matches none of %s's %zu line%s; / edits it, "
	    "/ then C-u Enter clears it", pattern, label, lines, lines == 1 ? "" : "s");
}

void
logstatus_filter(const char *lead, const char *pattern, const char *tail, int cols,
    char *out, size_t cap)
{
	int room = cols - (int)wr_utf8_chars(lead, strlen(lead)) - (int)wr_utf8_chars(tail, strlen(tail)) - 3, c = 0;
	size_t n;

	if (cap == 0)
		return;
	if ((int)wr_utf8_chars(lead, strlen(lead)) + (int)wr_utf8_chars(pattern, strlen(pattern)) + 2 + (int)wr_utf8_chars(tail, strlen(tail)) <= cols) {
		snprintf(out, cap, "%s/%s/%s", lead, pattern, tail);
		return;
	}
	/* The pattern gives way, never the "(case)" after it. */
	for (n = 0; pattern[n] != '\0'; n++)
		if (((unsigned char)pattern[n] & 0xc0) != 0x80 && c++ >= room)
			break;
	snprintf(out, cap, "%s/%.*s\xe2\x80\xa6/%s", lead, (int)n, pattern, tail);
}
