/*
 * hosts_table.c — column priorities, the AGE and VERDICT cells and the
 * hidden-rows marker of the HOSTS table.
 */
#include "warroom/hosts_table.h"

#include <stdio.h>
#include <string.h>

#include "warroom/columns.h"
#include "warroom/decide.h"
#include "warroom/util.h"

int
hosts_table_steps(bool stale, bool restarts, bool verdicts, enum hosts_exports exports,
    int *steps)
{
	int n = 0;

	steps[n++] = HOSTS_COL_HOST;
	steps[n++] = HOSTS_COL_SVC;
	steps[n++] = HOSTS_COL_CONN;
	/* Whether to roll back rests on the tag first. */
	steps[n++] = HOSTS_COL_TAG;
	/* Then the verdict on it: without it the worst host's row read all
	 * green (its health may be fine while its error rate is not). */
	if (verdicts)
		steps[n++] = HOSTS_COL_VERDICT;
	/* A leak the kill switch did not stop outranks everything but the tag. */
	if (exports == HOSTS_EXPORTS_ON)
		steps[n++] = HOSTS_COL_EXPORT;
	/* Then whether it serves: a failing /healthz or migrations ahead
	 * ("ahead!", brief) out of sight made a failing row look healthy. */
	steps[n++] = HOSTS_COL_HEALTH;
	steps[n++] = HOSTS_COL_READY;
	/* A value of unknown age passes for a current one: its age is what
	 * says it may not be. A crash loop's count is in no other column.
	 * Either, left out, still marks its row (hosts_table_hidden_worst). */
	if (stale)
		steps[n++] = HOSTS_COL_AGE;
	if (restarts)
		steps[n++] = HOSTS_COL_RESTARTS;
	/* TAG's .env! (taken brief, the tag alone, until here) after what
	 * the service does now: a hazard for the next `up -d`, and left out
	 * the row's ! and the line under the table still say it. */
	steps[n++] = COLUMNS_WIDEN(HOSTS_COL_TAG);
	/* "ROLLBACK IMMEDIATELY" says no more than "ROLLBACK" does. */
	if (verdicts)
		steps[n++] = COLUMNS_WIDEN(HOSTS_COL_VERDICT);
	/* "41s ERR" over "ERR" once the tag and health are in. */
	if (stale)
		steps[n++] = COLUMNS_WIDEN(HOSTS_COL_AGE);
	steps[n++] = COLUMNS_WIDEN(HOSTS_COL_READY);
	steps[n++] = HOSTS_COL_STATE;
	if (!stale)
		steps[n++] = COLUMNS_WIDEN(HOSTS_COL_STATE);
	steps[n++] = HOSTS_COL_VERSION;
	if (stale)
		steps[n++] = COLUMNS_WIDEN(HOSTS_COL_STATE);
	else
		steps[n++] = HOSTS_COL_AGE;
	if (!restarts)
		steps[n++] = HOSTS_COL_RESTARTS;
	if (exports == HOSTS_EXPORTS_KNOWN)
		steps[n++] = HOSTS_COL_EXPORT;
	/* "DOWN retry 26s" says no more than "DOWN 26s" does. */
	steps[n++] = COLUMNS_WIDEN(HOSTS_COL_CONN);
	steps[n++] = HOSTS_COL_DRIVER;
	steps[n++] = HOSTS_COL_ADDR;
	return n;
}

int
hosts_table_hidden_worst(const bool *show, const int *severity, int n)
{
	int c, worst = 0;

	for (c = 0; c < n; c++)
		if (!show[c] && severity[c] > worst)
			worst = severity[c];
	return worst;
}

void
hosts_table_title(enum hosts_sort sort, const char *filter, char *buf, size_t cap)
{
	const char *by = sort == HOSTS_BY_HEALTH ? "by health" :
	    sort == HOSTS_BY_VERDICT ? "by verdict" : "";

	snprintf(buf, cap, "%s%s%s%s%s", by, by[0] && filter[0] ? ", " : "",
	    filter[0] ? "having \"" : "", filter, filter[0] ? "\"" : "");
}

void
hosts_table_age(long age_s, bool failing, bool brief, char *buf, size_t cap)
{
	/* Written by hand, not snprintf: every row's AGE is formatted on
	 * every frame (twice, to fit the column), once a second when idle. */
	char out[48], digits[24];
	size_t n = 0, k = 0;
	char unit = 0;
	long v = 0;

	if (failing && brief)
		age_s = -1;
	if (age_s >= 0 && age_s < 100)
		v = age_s, unit = 's';
	else if (age_s >= 100 && age_s < 6000)
		v = age_s / 60, unit = 'm';
	else if (age_s >= 6000)
		v = age_s / 3600, unit = 'h';
	if (unit != 0) {
		do
			digits[k++] = (char)('0' + v % 10);
		while ((v /= 10) > 0);
		while (k > 0)
			out[n++] = digits[--k];
		out[n++] = unit;
	}
	if (failing) {
		if (n > 0)
			out[n++] = ' ';
		memcpy(out + n, "ERR", 3);
		n += 3;
	}
	out[n] = '\0';
	wr_strlcpy(buf, out, cap);
}

int
hosts_table_worst(const int *levels, int n, int shown_worst)
{
	int i, worst = -1;

	for (i = 0; i < n; i++)
		if (levels[i] >= DECIDE_MONITOR && levels[i] > shown_worst &&
		    (worst < 0 || levels[i] > levels[worst]))
			worst = i;
	return worst;
}

/* The verdict in one word, for a marker short of room. */
static const char *
level_word(int level)
{
	switch (level) {
	case DECIDE_ROLLBACK: return "ROLLBACK";
	case DECIDE_CONSIDER: return "CONSIDER";
	default: return decide_level_name((enum decide_level)level);
	}
}

void
hosts_table_verdict(int level, bool held, bool brief, char *buf, size_t cap)
{
	if (level < 0) {
		buf[0] = '\0';
		return;
	}
	/* A held level is no longer what the metrics say: never bare. */
	snprintf(buf, cap, "%s%s", brief ? level_word(level) :
	    decide_level_name((enum decide_level)level), !held ? "" : brief ? "*" : " (held)");
}

bool
hosts_table_more(bool up, bool utf8, int hidden, const char *name, int level,
    int form, char *buf, size_t cap)
{
	const char *arrow = up ? (utf8 ? "▲" : "^") : (utf8 ? "▼" : "v");
	const char *rows = hidden == 1 ? "row" : "rows";

	buf[0] = '\0';
	/* Without a row to name, the forms that name one are skipped. */
	if (name == NULL)
		form += 3;
	switch (form) {
	case 0:
		snprintf(buf, cap, "%s %d more %s%s %s %s", arrow, hidden, rows,
		    hidden == 1 ? ":" : ", worst", name, decide_level_name((enum decide_level)level));
		return true;
	case 1:
		snprintf(buf, cap, "%s %d more%s %s %s", arrow, hidden,
		    hidden == 1 ? ":" : ", worst", name, level_word(level));
		return true;
	case 2:
		snprintf(buf, cap, "%s %d more: %s", arrow, hidden, level_word(level));
		return true;
	case 3:
		snprintf(buf, cap, "%s %d more %s", arrow, hidden, rows);
		return true;
	case 4:
		snprintf(buf, cap, "%s %d more", arrow, hidden);
		return true;
	case 5:
		snprintf(buf, cap, "%s%d", arrow, hidden);
		return true;
	}
	return false;
}
