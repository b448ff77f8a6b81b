/*
 * metrics_pane.c — the METRICS pane's rows kept in order of need, its
 * hidden-rows marker, and its error-rate and p95 rows.
 */
#include "warroom/metrics_pane.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "warroom/config.h"
#include "warroom/decide.h"
#include "warroom/panemore.h"

int
metrics_pane_fit(struct metrics_pane_row *rows, int n, int h, int *worst)
{
	int left = h, hidden = 0, i, k;

	*worst = -1;
	for (i = 0; i < n; i++) {
		rows[i].shown = false;
		rows[i].rows = 0;
	}
	for (k = METRICS_PANE_VERDICT; k <= METRICS_PANE_HOST; k++)
		for (i = 0; i < n; i++) {
			struct metrics_pane_row *r = &rows[i];
			int take = r->height <= left ? r->height : left;

			if ((int)r->kind != k || take <= 0 ||
			    (take < r->height && (r->min_height <= 0 || take < r->min_height)))
				continue;
			r->shown = true;
			r->rows = take;
			left -= take;
		}
	for (i = 0; i < n; i++) {
		if (rows[i].shown)
			continue;
		hidden++;
		if ((rows[i].kind == METRICS_PANE_BAD_HOST || rows[i].kind == METRICS_PANE_HOST) &&
		    rows[i].level >= DECIDE_MONITOR &&
		    (*worst < 0 || rows[i].level > rows[*worst].level))
			*worst = i;
	}
	return hidden;
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

int
metrics_pane_alike(const struct metrics_pane_row *rows, int n, int worst)
{
	int i, k = 0;

	for (i = 0; worst >= 0 && i < n; i++)
		if (i != worst && !rows[i].shown && (rows[i].kind == METRICS_PANE_BAD_HOST ||
		    rows[i].kind == METRICS_PANE_HOST) && rows[i].level == rows[worst].level)
			k++;
	return k;
}

/* One form of the marker: see metrics_pane_more. */
struct more_form {
	signed char count, name, hint;
};

bool
metrics_pane_more(bool utf8, int hidden, const char *name, int level, int also, bool hint,
    int form, char *buf, size_t cap)
{
	/* Each form: panemore's count (its form), the host named (0 not,
	 * 1 its level in full, 2 in a word) and the hint (0 none, 1 "(z)",
	 * 2 "(z shows them)"); shortest last. The hint stays longest: at
	 * 80x24 the border keeps "▼ 6 more (z), worst k8s-bastion ROLLBACK". */
	static const struct more_form hinted[] = {
		{ 0, 1, 2 }, { 0, 1, 1 }, { 0, 2, 1 }, { 1, 2, 1 }, { 1, 2, 0 },
		{ 0, 0, 2 }, { 1, 0, 1 }, { 1, 0, 0 }, { 2, 0, 0 }, { 3, 0, 0 },
	}, plain[] = {
		{ 0, 1, 0 }, { 0, 2, 0 }, { 1, 2, 0 },
		{ 0, 0, 0 }, { 1, 0, 0 }, { 2, 0, 0 }, { 3, 0, 0 },
	};
	const struct more_form *forms = hint ? hinted : plain;
	int n = hint ? (int)(sizeof(hinted) / sizeof(hinted[0])) :
	    (int)(sizeof(plain) / sizeof(plain[0]));
	char count[64], who[160] = "";
	int f;

	buf[0] = '\0';
	/* Forms that cannot be said are skipped: no host to name. */
	for (f = 0; f < n; f++) {
		if (forms[f].name != 0 && name == NULL)
			continue;
		if (form-- > 0)
			continue;
		/* The count as every pane's border says it (panemore.c). */
		panemore_text(false, utf8, hidden, forms[f].count, count, sizeof(count));
		/* The others at that verdict counted, as HOSTS' markers do:
		 * "h16 ROLLBACK" alone hid h20, h21 and h23. */
		if (forms[f].name == 1)
			snprintf(who, sizeof(who), also > 0 ? "%.60s and %d more %s" :
			    "%.60s%.0d %s", name, also,
			    decide_level_name((enum decide_level)level));
		else if (forms[f].name == 2)
			snprintf(who, sizeof(who), also > 0 ? "%.60s +%d %s" : "%.60s%.0d %s", name,
			    also, level_word(level));
		snprintf(buf, cap, "%s%s%s%s", count, forms[f].hint == 2 ? " (z shows them)" :
		    forms[f].hint == 1 ? " (z)" : "", forms[f].name == 0 ? "" : hidden > 1 ?
		    ", worst " : ": ", forms[f].name == 0 ? "" : who);
		return true;
	}
	return false;
}

size_t
metrics_pane_series(bool p95, double now, const double *hist, size_t n, double full,
    int width, char *dst, size_t cap)
{
	char v[32], f[32], scale[48], spark[1600];
	int pre, scale_w = 0, cols, len;

	if (cap == 0)
		return 0;
	if (p95) {
		decide_format_ms(now, v, sizeof(v));
		decide_format_ms(full, f, sizeof(f));
	} else {
		decide_format_percent(now, v, sizeof(v));
		decide_format_percent(full, f, sizeof(f));
	}
	scale[0] = '\0';
	/* "0–5%": what a full bar is; the dash is one column of three bytes. */
	if (full > 0) {
		snprintf(scale, sizeof(scale), " 0\xe2\x80\x93%s", f);
		scale_w = (int)strlen(scale) - 2;
	}
	pre = 6 + 1 + ((int)strlen(v) > 7 ? (int)strlen(v) : 7) + 1;
	cols = width - pre - scale_w;
	if (cols < 4) {                          /* too narrow for both */
		cols = width - pre;
		scale[0] = '\0';
	}
	spark[0] = '\0';
	if (cols > 0)
		decide_sparkline_fit(hist, n, (size_t)cols, full, spark, sizeof(spark));
	if (spark[0] == '\0')
		scale[0] = '\0';
	len = snprintf(dst, cap, "%s %-7s %s%s", p95 ? "p95   " : "errors", v, spark, scale);
	return len < 0 ? 0 : (size_t)len < cap ? (size_t)len : cap - 1;
}

const char *
metrics_pane_noscroll(int hidden, bool zoomed, char *buf, size_t cap)
{
	if (hidden <= 0)
		snprintf(buf, cap, "METRICS does not scroll: every row is in view");
	else if (!zoomed)
		snprintf(buf, cap, "METRICS does not scroll: z shows the %d row%s left out", hidden,
		    hidden == 1 ? "" : "s");
	else
		snprintf(buf, cap, "METRICS does not scroll: %d row%s left out even zoomed; a "
		    "taller terminal shows %s", hidden, hidden == 1 ? "" : "s",
		    hidden == 1 ? "it" : "them");
	return buf;
}

/* One level's limits ("errors > 2%, p95 > 1000 ms"; terse: ">2% >1000ms"),
 * those off left out; returns how many were said. */
static int
level_limits(const struct config_thresholds *t, int i, bool terse, char *dst, size_t cap)
{
	const double er[3] = {
		t->error_rate_rollback, t->error_rate_consider, t->error_rate_monitor,
	};
	const double p95[3] = { t->p95_rollback_ms, t->p95_consider_ms, t->p95_monitor_ms };
	const unsigned er_ge[3] = {
		WR_TH_GE_ERROR_ROLLBACK, WR_TH_GE_ERROR_CONSIDER, WR_TH_GE_ERROR_MONITOR,
	};
	const unsigned p95_ge[3] = {
		WR_TH_GE_P95_ROLLBACK, WR_TH_GE_P95_CONSIDER, WR_TH_GE_P95_MONITOR,
	};
	char a[32], w[16], *sp;
	size_t len = 0;
	int n = 0;

	dst[0] = '\0';
	/* The operators the rule applies (a runbook's ">= 5%" is ≥); terse,
	 * "%" and "ms" say which figure is which. */
	if (isfinite(er[i])) {
		decide_format_percent(er[i], a, sizeof(a));
		len += (size_t)snprintf(dst + len, cap - len, terse ? "%s%s" : "errors %s %s",
		    (t->at_or_above & er_ge[i]) ? "\xe2\x89\xa5" : ">", a);
		n++;
	}
	if (isfinite(p95[i]) && len < cap) {
		decide_format_ms(p95[i], a, sizeof(a));
		if (terse && (sp = strstr(a, " ms")) != NULL)
			memmove(sp, sp + 1, strlen(sp + 1) + 1);
		len += (size_t)snprintf(dst + len, cap - len, terse ? "%s%s%s" : "%sp95 %s %s",
		    n ? (terse ? " " : ", ") : "",
		    (t->at_or_above & p95_ge[i]) ? "\xe2\x89\xa5" : ">", a);
		n++;
	}
	/* Restarts have a rollback level only. */
	if (i == 0 && t->restarts_rollback > 0 && len < cap) {
		decide_format_window(t->restarts_window_s, w, sizeof(w));
		snprintf(dst + len, cap - len, terse ? "%s%d restarts/%s" : "%s%d restarts in %s",
		    n ? (terse ? " " : ", ") : "", t->restarts_rollback, w);
		n++;
	}
	return n;
}

size_t
metrics_pane_thresholds(const struct config_thresholds *t, bool restarts_only,
    double margin, int form, const char *matrix_from, char *dst, size_t cap)
{
	static const char *const name[3] = { "rollback", "consider", "monitor" };
	char lim[128], w[16], pc[16];
	size_t len = 0;
	int i, said = 0, n;
	bool terse = form >= 1;

	if (cap == 0)
		return 0;
	dst[0] = '\0';
	/* Its verdict rests on restarts alone: that is the limit in force. */
	if (restarts_only) {
		decide_format_window(t->restarts_window_s, w, sizeof(w));
		if (t->restarts_rollback > 0)
			n = snprintf(dst, cap, "rollback at %d restarts in %s", t->restarts_rollback, w);
		else
			n = snprintf(dst, cap, "the restarts rule is off (restarts_rollback)");
		return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
	}
	for (i = 0; i < 3 && len < cap; i++) {
		if (level_limits(t, i, terse, lim, sizeof(lim)) == 0)
			continue;
		len += (size_t)snprintf(dst + len, cap - len, terse ? "%s%s %s" : "%s%s at %s",
		    said++ ? "; " : "", name[i], lim);
	}
	if (said == 0) {
		len += (size_t)snprintf(dst + len, cap - len, "every threshold is off");
		said = -1;
	}
	/* The shortest form keeps the levels alone: the margin and the
	 * matrix's line are the words a narrow pane gives up first. */
	if (form >= METRICS_PANE_THRESHOLDS_FORMS - 1)
		return len < cap ? len : cap - 1;
	/* A check counts towards a better level only this far under it. */
	if (said > 0 && margin > 0 && len < cap) {
		snprintf(pc, sizeof(pc), "%.0f", margin * 100);
		len += (size_t)snprintf(dst + len, cap - len,
		    terse ? "; calm %s%% under" : "; calm %s%% under a level", pc);
	}
	if (matrix_from != NULL && matrix_from[0] != '\0' && len < cap)
		len += (size_t)snprintf(dst + len, cap - len, terse ? " (%s)" : " (matrix: %s)",
		    matrix_from);
	return len < cap ? len : cap - 1;
}
