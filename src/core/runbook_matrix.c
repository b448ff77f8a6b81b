/*
 * runbook_matrix.c — a runbook's decision matrix table as thresholds.
 *
 *   | Metric      | Threshold   | Action               |
 *   |-------------|-------------|----------------------|
 *   | Error rate  | > 5%        | Rollback immediately |
 *   | P95 latency | 1000-2000ms | Consider rollback    |
 *   | Pod crashes | > 3 in 5m   | Rollback immediately |
 *
 * The header needs Metric, Threshold and Action columns (any case, any
 * order, other columns ignored). A row's threshold is its lower bound (a
 * range "2-5%" starts the level at 2%), kept with its operator: "> 5%" and
 * "above 5%" fire only above 5%, ">= 5%", "≥ 5%", a range and a bare
 * number at 5% already; its Action text chooses the level.
 * Rows that cannot be read are warnings with their line, never guesses;
 * so is a table whose header comes close to those three but is not them
 * ("Metrics", "Treshold", "Decision"), since it is not read at all.
 */
#include "warroom/runbook.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void
lower(char *dst, const char *src, size_t cap)
{
	size_t i;

	for (i = 0; i + 1 < cap && src[i] != '\0'; i++)
		dst[i] = (char)tolower((unsigned char)src[i]);
	dst[i] = '\0';
}

static int
column(char **hdr, size_t ncols, const char *name)
{
	size_t i;

	for (i = 0; i < ncols; i++)
		if (wr_streq_ci(hdr[i], name))
			return (int)i;
	return -1;
}

static bool
metric_of(const char *text, enum runbook_metric *m)
{
	char s[128];

	lower(s, text, sizeof(s));
	if (strstr(s, "error") != NULL || strstr(s, "5xx") != NULL)
		*m = RUNBOOK_METRIC_ERROR_RATE;
	else if (strstr(s, "p95") != NULL ||
	    (strstr(s, "latency") != NULL && strstr(s, "p99") == NULL &&
	    strstr(s, "p50") == NULL))
		*m = RUNBOOK_METRIC_P95_MS;
	else if (strstr(s, "crash") != NULL || strstr(s, "restart") != NULL)
		*m = RUNBOOK_METRIC_RESTARTS;
	else
		return false;
	return true;
}

static bool
level_of(const char *text, enum runbook_level *l)
{
	char s[128];

	lower(s, text, sizeof(s));
	if (strstr(s, "consider") != NULL || strstr(s, "possible") != NULL ||
	    strstr(s, "investigate") != NULL)
		*l = RUNBOOK_LEVEL_CONSIDER;
	else if (strstr(s, "monitor") != NULL || strstr(s, "watch") != NULL)
		*l = RUNBOOK_LEVEL_MONITOR;
	else if (strstr(s, "rollback") != NULL || strstr(s, "roll back") != NULL)
		*l = RUNBOOK_LEVEL_ROLLBACK;
	else
		return false;
	return true;
}

static const char *
skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* A number at *p; advances past it. */
static bool
number(const char **p, double *out)
{
	char *end;
	double d;

	if (!isdigit((unsigned char)**p) && **p != '.')
		return false;
	d = strtod(*p, &end);
	if (end == *p || !isfinite(d) || d < 0)
		return false;
	*out = d;
	*p = end;
	return true;
}

/* A unit word at *p from the list "word=factor …"; advances past it. */
static bool
unit(const char **p, const char *const *units, const double *factors,
    double *factor)
{
	const char *s = skip_space(*p);
	size_t i, best = 0;
	int found = -1;

	for (i = 0; units[i] != NULL; i++) {
		size_t n = strlen(units[i]);

		if (strncasecmp(s, units[i], n) == 0 && !isalpha((unsigned char)s[n]) &&
		    n > best) {
			best = n;
			found = (int)i;
		}
	}
	if (found < 0)
		return false;
	*factor = factors[found];
	*p = s + best;
	return true;
}

static const char *const time_units[] = {
	"s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute",
	"minutes", "h", "hr", "hour", "hours", NULL,
};
static const double time_factors[] = {
	1, 1, 1, 1, 1, 60, 60, 60, 60, 60, 3600, 3600, 3600, 3600,
};

/* "> 5%", ">= 2 %", "2-5%", "1000–2000ms", "> 2s", "> 3 in 5 min", "3/5m".
 * *ge tells whether the value itself reaches the level (see the top).
 * Returns NULL, or why the threshold could not be read. */
static const char *
threshold_of(const char *text, enum runbook_metric m, double *value, bool *ge,
    int *window_s)
{
	static const char *const lat_units[] = { "ms", "s", "sec", "seconds", NULL };
	static const double lat_factors[] = { 1, 1000, 1000, 1000 };
	const char *p = skip_space(text);
	double lo, hi, f = 0;
	bool pct;

	if (*p == '<' || strncmp(p, "\xe2\x89\xa4", 3) == 0)
		return "only lower bounds (> x, x-y) are read";
	*ge = true;
	if (strncmp(p, "\xe2\x89\xa5", 3) == 0) {    /* ≥ */
		p += 3;
	} else if (*p == '>') {
		*ge = p[1] == '=';
		p += *ge ? 2 : 1;
	} else if (strncasecmp(p, "above", 5) == 0 || strncasecmp(p, "over", 4) == 0) {
		*ge = false;
		p += tolower((unsigned char)*p) == 'a' ? 5 : 4;
	}
	p = skip_space(p);
	if (!number(&p, &lo))
		return "no number found";
	hi = lo;
	pct = *skip_space(p) == '%';
	if (pct)
		p = skip_space(p) + 1;
	if (m == RUNBOOK_METRIC_P95_MS)
		(void)unit(&p, lat_units, lat_factors, &f);
	p = skip_space(p);
	/* A range: its lower bound starts the level. */
	if (*p == '-' || strncmp(p, "\xe2\x80\x93", 3) == 0 || strncasecmp(p, "to ", 3) == 0) {
		p += *p == '-' ? 1 : *p == '\xe2' ? 3 : 3;
		p = skip_space(p);
		if (!number(&p, &hi))
			return "a range needs its upper bound";
		if (*skip_space(p) == '%') {
			pct = true;
			p = skip_space(p) + 1;
		}
		if (m == RUNBOOK_METRIC_P95_MS && f == 0)
			(void)unit(&p, lat_units, lat_factors, &f);
		if (hi < lo)
			return "the range's upper bound is below its lower bound";
	}
	switch (m) {
	case RUNBOOK_METRIC_ERROR_RATE:
		if (!pct)
			return "expected a percentage like > 5%";
		if (lo > 100)
			return "a percentage above 100";
		*value = lo / 100.0;
		return NULL;
	case RUNBOOK_METRIC_P95_MS:
		if (f == 0)
			return "expected milliseconds like > 2000ms (or seconds like > 2s)";
		*value = lo * f;
		return NULL;
	case RUNBOOK_METRIC_RESTARTS: {
		double w;

		p = skip_space(p);
		if (strncasecmp(p, "in ", 3) == 0)
			p += 3;
		else if (strncasecmp(p, "per ", 4) == 0 || strncasecmp(p, "within ", 7) == 0)
			p += *p == 'p' || *p == 'P' ? 4 : 7;
		else if (*p == '/')
			p++;
		else
			return "expected a count in a window like > 3 in 5m";
		p = skip_space(p);
		if (!number(&p, &w))
			w = 1;    /* "per minute" */
		if (!unit(&p, time_units, time_factors, &f))
			return "the window needs a unit (s, m or h)";
		if (lo != floor(lo) || lo > 100000 || w * f < 1 || w * f > 7 * 86400)
			return "expected a whole count in a window up to a week";
		*value = lo;
		*window_s = (int)(w * f);
		return NULL;
	}
	}
	return "a threshold";
}

static const char *
metric_label(enum runbook_metric m)
{
	switch (m) {
	case RUNBOOK_METRIC_ERROR_RATE: return "error rate";
	case RUNBOOK_METRIC_P95_MS: return "p95 latency";
	case RUNBOOK_METRIC_RESTARTS: return "pod crashes";
	}
	return "?";
}

/* Warn once per metric whose levels are not ordered rollback ≥ consider ≥ monitor. */
static void
check_order(struct runbook *rb)
{
	struct runbook_matrix *mx = &rb->matrix;
	int m;

	for (m = RUNBOOK_METRIC_ERROR_RATE; m <= RUNBOOK_METRIC_P95_MS; m++) {
		double v[3];
		bool have[3] = { false, false, false };
		size_t i;

		for (i = 0; i < mx->nrows; i++)
			if ((int)mx->rows[i].metric == m) {
				v[mx->rows[i].level] = mx->rows[i].value;
				have[mx->rows[i].level] = true;
			}
		if ((have[0] && have[1] && v[0] < v[1]) ||
		    (have[1] && have[2] && v[1] < v[2]) ||
		    (have[0] && have[2] && v[0] < v[2]))
			runbook_diag(rb, RUNBOOK_WARNING, mx->line,
			    "decision matrix: %s levels are not ordered (ROLLBACK should be "
			    "highest, MONITOR lowest)", metric_label((enum runbook_metric)m));
	}
}

/* A column the matrix needs, and the headers that come close to it. */
struct role {
	const char *name;                /* "Metric", as the message says it */
	size_t typos;                    /* edit distance still taken as a typo */
	const char *const *alike;        /* words an author may write instead */
};

enum fit { FIT_NONE, FIT_NEAR, FIT_EXACT };

static const char *const metric_alike[] = { "signal", "indicator", "measure", "sli", NULL };
static const char *const threshold_alike[] = { "limit", "trigger", "condition", "when",
	"level", NULL };
static const char *const action_alike[] = { "decision", "response", "verdict", "do",
	"what to do", "next step", "step", NULL };

static const struct role roles[] = {
	{ "Metric", 1, metric_alike },
	{ "Threshold", 2, threshold_alike },
	{ "Action", 1, action_alike },
};

/* How close a header cell comes to a role: its name exactly (any case),
 * or a typo of it, its plural, a word it holds ("Metric name"), or a word
 * authors use instead ("Decision"). */
static enum fit
role_fit(const char *cell, const struct role *ro)
{
	char s[128], name[32], *w, *save;
	size_t i, n;

	if (wr_streq_ci(cell, ro->name))
		return FIT_EXACT;
	lower(s, cell, sizeof(s));
	lower(name, ro->name, sizeof(name));
	n = strlen(name);
	if (wr_edit_distance(s, name) <= ro->typos ||
	    (strncmp(s, name, n) == 0 && strcmp(s + n, "s") == 0))
		return FIT_NEAR;
	for (i = 0; ro->alike[i] != NULL; i++)
		if (strcmp(s, ro->alike[i]) == 0)
			return FIT_NEAR;
	for (w = strtok_r(s, " \t/()-:", &save); w != NULL; w = strtok_r(NULL, " \t/()-:", &save))
		if (strncmp(w, name, n) == 0 && (w[n] == '\0' || strcmp(w + n, "s") == 0))
			return FIT_NEAR;
	return FIT_NONE;
}

/* A table whose header comes close to Metric, Threshold and Action but
 * is not it would be skipped without a word, and [thresholds] would rule
 * the incident while the author believes the table does: say so. */
static void
near_miss(struct runbook *rb, char **hdr, size_t ncols, int line)
{
	struct wr_buf head = { 0 }, why = { 0 };
	bool used[64] = { false };
	size_t r, c, exact = 0;

	if (ncols > WR_ARRAY_LEN(used))
		return;
	for (r = 0; r < WR_ARRAY_LEN(roles); r++) {
		size_t best = ncols;
		enum fit bf = FIT_NONE, f;

		for (c = 0; c < ncols; c++)
			if (!used[c] && (f = role_fit(hdr[c], &roles[r])) > bf) {
				bf = f;
				best = c;
			}
		if (bf == FIT_NONE) {
			free(why.s);
			return;
		}
		used[best] = true;
		if (bf == FIT_EXACT) {
			exact++;
			continue;
		}
		wr_buf_printf(&why, "%s'%s' is not %s", why.len > 0 ? ", " : "", hdr[best],
		    roles[r].name);
	}
	if (exact == WR_ARRAY_LEN(roles))
		return;
	for (c = 0; c < ncols; c++)
		wr_buf_printf(&head, "%s%s", c > 0 ? " | " : "", hdr[c]);
	runbook_diag(rb, RUNBOOK_WARNING, line, "this table looks like a decision matrix but "
	    "its header is '%.200s'; the matrix needs Metric, Threshold and Action columns "
	    "(%.200s): the table is not read as one", head.s, why.s);
	free(head.s);
	free(why.s);
}

bool
runbook_matrix_read(struct runbook *rb, char **cells, const int *lines,
    size_t nrows, size_t ncols)
{
	struct runbook_matrix *mx = &rb->matrix;
	int cm = column(cells, ncols, "metric"), ct = column(cells, ncols, "threshold");
	int ca = column(cells, ncols, "action");
	size_t r, i;

	if (cm < 0 || ct < 0 || ca < 0) {
		near_miss(rb, cells, ncols, lines[0]);
		return false;
	}
	if (mx->present) {
		runbook_diag(rb, RUNBOOK_WARNING, lines[0],
		    "a second decision matrix is ignored (the first is at line %d)",
		    mx->line);
		return true;
	}
	mx->present = true;
	mx->line = lines[0];
	for (r = 1; r < nrows; r++) {
		char **row = cells + r * ncols;
		struct runbook_matrix_row mr = { .line = lines[r] };
		const char *why;

		if (row[cm][0] == '\0' && row[ct][0] == '\0' && row[ca][0] == '\0')
			continue;
		if (!metric_of(row[cm], &mr.metric)) {
			runbook_diag(rb, RUNBOOK_WARNING, mr.line,
			    "decision matrix: unknown metric '%s' (read: error rate, p95 "
			    "latency, pod crashes/restarts); row skipped", row[cm]);
			continue;
		}
		if (!level_of(row[ca], &mr.level)) {
			runbook_diag(rb, RUNBOOK_WARNING, mr.line,
			    "decision matrix: action '%s' is none of rollback, consider, "
			    "monitor; row skipped", row[ca]);
			continue;
		}
		if ((why = threshold_of(row[ct], mr.metric, &mr.value, &mr.at_or_above,
		    &mr.window_s)) != NULL) {
			runbook_diag(rb, RUNBOOK_WARNING, mr.line,
			    "decision matrix: threshold '%s' for %s: %s; row skipped",
			    row[ct], metric_label(mr.metric), why);
			continue;
		}
		if (mr.metric == RUNBOOK_METRIC_RESTARTS && mr.level != RUNBOOK_LEVEL_ROLLBACK) {
			runbook_diag(rb, RUNBOOK_WARNING, mr.line,
			    "decision matrix: pod crashes only set the ROLLBACK level; row "
			    "skipped");
			continue;
		}
		for (i = 0; i < mx->nrows; i++)
			if (mx->rows[i].metric == mr.metric && mx->rows[i].level == mr.level)
				break;
		if (i < mx->nrows) {
			runbook_diag(rb, RUNBOOK_WARNING, mr.line,
			    "decision matrix: a second %s row for %s is ignored (line %d "
			    "counts)", runbook_level_name(mr.level), metric_label(mr.metric),
			    mx->rows[i].line);
			continue;
		}
		mx->rows = runbook_grow(mx->rows, mx->nrows, sizeof(*mx->rows));
		mx->rows[mx->nrows++] = mr;
	}
	check_order(rb);
	return true;
}

int
runbook_matrix_pick(const struct runbook_matrix_src *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].m->present && v[i].m->nrows > 0)
			return (int)i;
	return -1;
}

size_t
runbook_matrix_describe(const struct runbook_matrix_src *v, size_t n, char *buf, size_t cap)
{
	struct wr_buf b = { 0 };
	int pick = runbook_matrix_pick(v, n);
	size_t i, ignored = 0;

	buf[0] = '\0';
	if (pick < 0)
		return 0;
	for (i = (size_t)pick + 1; i < n; i++)
		if (v[i].m->present && v[i].m->nrows > 0)
			wr_buf_printf(&b, "%s%s (line %d)", ignored++ > 0 ? ", " : "", v[i].name,
			    v[i].m->line);
	/* The order of -r decides the thresholds, and so the verdicts: a
	 * matrix left out is said, never dropped unseen. */
	if (ignored > 0)
		snprintf(buf, cap, "decision matrix from %s (line %d) overrides [thresholds]; the "
		    "one%s in %s %s IGNORED: only the first -r runbook's matrix counts", v[pick].name,
		    v[pick].m->line, ignored > 1 ? "s" : "", b.s, ignored > 1 ? "are" : "is");
	else
		snprintf(buf, cap, "decision matrix from %s (line %d) overrides [thresholds]",
		    v[pick].name, v[pick].m->line);
	free(b.s);
	return ignored;
}

const char *
runbook_matrix_op(const struct runbook_matrix_row *r)
{
	return r->at_or_above ? ">=" : ">";
}

/* Set or clear bit in *bits as a row's operator says. */
static void
set_ge(unsigned *bits, unsigned bit, bool ge)
{
	*bits = ge ? *bits | bit : *bits & ~bit;
}

unsigned
runbook_matrix_apply(const struct runbook_matrix *m, struct config_thresholds *t)
{
	unsigned set = 0;
	size_t i;

	/* A metric the table names is the table's alone: a level it leaves
	 * out is off (never above +Inf), not [thresholds]' default, which the
	 * reader of the table cannot see. */
	for (i = 0; i < m->nrows; i++) {
		switch (m->rows[i].metric) {
		case RUNBOOK_METRIC_ERROR_RATE:
			t->error_rate_rollback = t->error_rate_consider = t->error_rate_monitor =
			    INFINITY;
			t->at_or_above &= ~(unsigned)(WR_TH_GE_ERROR_ROLLBACK |
			    WR_TH_GE_ERROR_CONSIDER | WR_TH_GE_ERROR_MONITOR);
			t->from_table |= WR_TH_TABLE_ERROR;
			break;
		case RUNBOOK_METRIC_P95_MS:
			t->p95_rollback_ms = t->p95_consider_ms = t->p95_monitor_ms = INFINITY;
			t->at_or_above &= ~(unsigned)(WR_TH_GE_P95_ROLLBACK |
			    WR_TH_GE_P95_CONSIDER | WR_TH_GE_P95_MONITOR);
			t->from_table |= WR_TH_TABLE_P95;
			break;
		case RUNBOOK_METRIC_RESTARTS:
			t->from_table |= WR_TH_TABLE_RESTARTS;
			break;
		}
	}
	for (i = 0; i < m->nrows; i++) {
		const struct runbook_matrix_row *r = &m->rows[i];

		switch (r->metric) {
		case RUNBOOK_METRIC_ERROR_RATE:
			if (r->level == RUNBOOK_LEVEL_ROLLBACK) {
				t->error_rate_rollback = r->value, set |= WR_RB_SET_ERROR_ROLLBACK;
				set_ge(&t->at_or_above, WR_TH_GE_ERROR_ROLLBACK, r->at_or_above);
			} else if (r->level == RUNBOOK_LEVEL_CONSIDER) {
				t->error_rate_consider = r->value, set |= WR_RB_SET_ERROR_CONSIDER;
				set_ge(&t->at_or_above, WR_TH_GE_ERROR_CONSIDER, r->at_or_above);
			} else {
				t->error_rate_monitor = r->value, set |= WR_RB_SET_ERROR_MONITOR;
				set_ge(&t->at_or_above, WR_TH_GE_ERROR_MONITOR, r->at_or_above);
			}
			break;
		case RUNBOOK_METRIC_P95_MS:
			if (r->level == RUNBOOK_LEVEL_ROLLBACK) {
				t->p95_rollback_ms = r->value, set |= WR_RB_SET_P95_ROLLBACK;
				set_ge(&t->at_or_above, WR_TH_GE_P95_ROLLBACK, r->at_or_above);
			} else if (r->level == RUNBOOK_LEVEL_CONSIDER) {
				t->p95_consider_ms = r->value, set |= WR_RB_SET_P95_CONSIDER;
				set_ge(&t->at_or_above, WR_TH_GE_P95_CONSIDER, r->at_or_above);
			} else {
				t->p95_monitor_ms = r->value, set |= WR_RB_SET_P95_MONITOR;
				set_ge(&t->at_or_above, WR_TH_GE_P95_MONITOR, r->at_or_above);
			}
			break;
		case RUNBOOK_METRIC_RESTARTS:
			/* Restarts are whole counts, and the rule is "this many or
			 * more": "> 3 in 5m" is 4 or more. */
			t->restarts_rollback = (int)r->value + (r->at_or_above ? 0 : 1);
			t->restarts_window_s = r->window_s;
			set |= WR_RB_SET_RESTARTS;
			break;
		}
	}
	return set;
}
