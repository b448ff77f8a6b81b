/*
 * decide.c — the decision matrix: thresholds + metrics -> verdict, with a
 * reason a person can act on and hysteresis so the verdict does not flap.
 *
 * Each metric is checked against its highest threshold first, so it gives
 * at most one clause ("error rate 7.9% > 5%"); the worst clause comes first.
 * For hysteresis the same rules run again on thresholds lowered by the
 * margin: an improvement is accepted only when that stricter evaluation
 * agrees, calm_checks times in a row (the worst level of the last
 * calm_checks wins; a level kept above what the metrics say is always
 * said to be held). Missing metrics are listed, and block OK (DESIGN §1
 * step 3); an evaluation missing one is not calm: a bad verdict is held
 * (since when, and why the data is missing) until no_data_hold_s. An
 * error rate and a p95 over too few requests (min_requests) are judged by
 * no rule and said so; that is not calm either, and holds a bad verdict the same
 * way, then gives way to NO DATA at best (decide.h says why not OK).
 * A host without any metrics source is judged on restarts alone: its
 * error rate and p95 are neither missing nor judged, and calm restarts
 * are NO DATA, its reason saying the verdict rests on them. Restart counts
 * a failing poll kept are judged as they were last read, their reason
 * saying how old they are: the error rate and p95 (Prometheus read
 * directly while SSH is down) still speak, and NO DATA would hide them.
 * The pane's number formats live here too, so the reason and the pane
 * print numbers the same way, the pane's words for a held verdict, and
 * its sparklines.
 */
#include "warroom/decide.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "warroom/metrics.h"
#include "warroom/util.h"

#define HELD_AT "; held at "             /* the hold's clause, last in a reason */
#define BELOW "below thresholds: "       /* an OK reason's lead */
#define RESTARTS_ONLY "no metrics configured: verdict from restarts only"
#define NO_DATA_FOR "no data for "           /* a reason's clause for missing figures */

enum metric_id {
	METRIC_ERROR_RATE,
	METRIC_P95,
	METRIC_RESTARTS,
	METRIC_COUNT,
};

struct clause {
	enum decide_level level;
	char text[128];
};

struct eval {
	enum decide_level level;
	struct clause fired[METRIC_COUNT];  /* worst first */
	size_t nfired;
	bool missing[METRIC_COUNT];
	size_t nmissing;
	bool too_few;                       /* a figure was not judged: too few
	                                       requests */
	bool unjudged[METRIC_COUNT];        /* … which ones */
	uint32_t by;                        /* the services whose restarts alone
	                                       give the level (decide_verdict) */
};

/* A bounded string being appended to. */
struct sbuf {
	char *p;
	size_t cap;
	size_t len;
};

static void fmt_clock(int64_t s, char *dst, size_t cap);
static void stale_restarts(const struct decide_input *m, char *out, size_t cap);
static void sbuf_add(struct sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
sbuf_add(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->len + 1 >= b->cap)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	b->len += (size_t)n;
	if (b->len >= b->cap)
		b->len = b->cap - 1;
}

/* ---- numbers ---- */

/* v with at most dec decimals, trailing zeros dropped. */
static size_t
fmt_num(double v, int dec, char *dst, size_t cap)
{
	int n;
	char *dot;

	if (cap == 0)
		return 0;
	n = snprintf(dst, cap, "%.*f", dec, v);
	if (n < 0 || (size_t)n >= cap) {
		dst[0] = '\0';
		return 0;
	}
	if ((dot = strchr(dst, '.')) != NULL) {
		while (n > 0 && dst[n - 1] == '0')
			dst[--n] = '\0';
		if (n > 0 && dst[n - 1] == '.')
			dst[--n] = '\0';
	}
	if (strcmp(dst, "-0") == 0) {
		dst[0] = '0';
		dst[1] = '\0';
		n = 1;
	}
	return (size_t)n;
}

static int
percent_decimals(double pct)
{
	return fabs(pct) >= 10 ? 1 : 2;
}

static int
ms_decimals(double ms)
{
	return fabs(ms) >= 10 ? 0 : 1;
}

static size_t
fmt_special(double v, const char *unit, char *dst, size_t cap)
{
	const char *s = isnan(v) ? "no data" : v > 0 ? "+Inf" : "-Inf";

	return (size_t)snprintf(dst, cap, "%s%s", s, isnan(v) ? "" : unit);
}

size_t
decide_format_percent(double fraction, char *dst, size_t cap)
{
	double pct = fraction * 100;
	size_t n;

	if (!isfinite(pct))
		return fmt_special(pct, "%", dst, cap);
	n = fmt_num(pct, percent_decimals(pct), dst, cap);
	if (n + 1 < cap) {
		dst[n++] = '%';
		dst[n] = '\0';
	}
	return n;
}

size_t
decide_format_ms(double ms, char *dst, size_t cap)
{
	size_t n;

	if (!isfinite(ms))
		return fmt_special(ms, " ms", dst, cap);
	n = fmt_num(ms, ms_decimals(ms), dst, cap);
	if (n + 3 < cap) {
		memcpy(dst + n, " ms", 4);
		n += 3;
	}
	return n;
}

size_t
decide_format_window(int s, char *dst, size_t cap)
{
	int n;

	if (s > 0 && s % 3600 == 0)
		n = snprintf(dst, cap, "%dh", s / 3600);
	else if (s > 3600 && s % 60 == 0)
		n = snprintf(dst, cap, "%dh%dm", s / 3600, s % 3600 / 60);
	else if (s > 0 && s % 60 == 0)
		n = snprintf(dst, cap, "%dm", s / 60);
	else
		n = snprintf(dst, cap, "%ds", s);
	return n < 0 ? 0 : (size_t)n >= cap ? cap - 1 : (size_t)n;
}

bool
decide_restarts_partial(int64_t watched_s, int window_s)
{
	return watched_s < window_s;
}

size_t
decide_format_restarts(int n, bool partial, char *dst, size_t cap)
{
	char out[16], digits[12];
	size_t len = 0, k = 0;
	unsigned v = n < 0 ? 0 : (unsigned)n;

	/* 0 needs no mark: a container's last restart, when in the window,
	 * is seen at once (a pod's last termination, a container's start),
	 * so a console that sees none knows there was none. By hand, not
	 * snprintf: HOSTS formats every row's count each frame. */
	if (n < 0) {
		out[len++] = '-';
	} else {
		do
			digits[k++] = (char)('0' + v % 10);
		while ((v /= 10) > 0);
		while (k > 0)
			out[len++] = digits[--k];
		if (partial && n > 0)
			out[len++] = '+';
	}
	out[len] = '\0';
	if (cap == 0)
		return 0;
	wr_strlcpy(dst, out, cap);
	return len >= cap ? cap - 1 : len;
}

/* "value > limit" where value is shown with enough decimals to differ
 * from limit: 5.001% must not read "5% > 5%". */
static void
fmt_pair(double v, double limit, int dec, double scale, char *vs, char *ls,
    size_t cap)
{
	int d;

	fmt_num(limit * scale, dec, ls, cap);
	for (d = dec; d <= dec + 4; d++) {
		fmt_num(v * scale, d, vs, cap);
		if (strcmp(vs, ls) != 0)
			break;
	}
}

/* A count of requests: whole from 10 up, else to a tenth (counters may
 * be expected values, such as the fixture fleet's). */
static size_t
fmt_count(double v, char *dst, size_t cap)
{
	return fmt_num(v, fabs(v) >= 10 ? 0 : 1, dst, cap);
}

static bool
requests_known(const struct decide_input *m)
{
	return m->requests > 0 && isfinite(m->requests);
}

/* "last 18s": the span of the scrape intervals a figure was counted
 * over, when more than one; "" otherwise. */
static void
fmt_span(const struct decide_input *m, char *dst, size_t cap)
{
	long sec = isfinite(m->span_s) && m->span_s > 0 && m->span_s < 1e6 ? lround(m->span_s) : 0;
	int n;

	dst[0] = '\0';
	if (sec > 0 && (n = snprintf(dst, cap, "last ")) > 0 && (size_t)n < cap)
		decide_format_window((int)sec, dst + n, cap - (size_t)n);
}

/* "1 of 20 requests", "3 of 36 requests, last 18s": the errors and
 * requests behind the error rate ("36 requests" without one), and their
 * span when longer than one scrape interval; "" when the count is not
 * known. */
static void
fmt_sample(const struct decide_input *m, char *dst, size_t cap)
{
	char e[24] = "", n[24], span[24];

	dst[0] = '\0';
	if (!requests_known(m) || cap == 0)
		return;
	if (!isnan(m->error_rate)) {
		fmt_count(m->error_rate * m->requests, e, sizeof(e) - 4);
		strcat(e, " of ");
	}
	fmt_count(m->requests, n, sizeof(n));
	fmt_span(m, span, sizeof(span));
	snprintf(dst, cap, "%s%s request%s%s%s", e, n, strcmp(n, "1") == 0 ? "" : "s",
	    span[0] ? ", " : "", span);
}

/* Whether the error rate and p95 rest on fewer requests than
 * min_requests: a single 500 among 20 is "5%", one slow request of 3 is
 * the p95; no reason to roll back. */
static bool
too_few_requests(const struct config_thresholds *t, const struct decide_input *m)
{
	return t->min_requests > 0 && requests_known(m) && m->requests < t->min_requests;
}

/* ---- rules ---- */

static void
fire(struct eval *ev, enum decide_level level, const char *text)
{
	size_t i = ev->nfired;

	/* Keep worst first; equal levels stay in metric order. */
	while (i > 0 && ev->fired[i - 1].level < level) {
		ev->fired[i] = ev->fired[i - 1];
		i--;
	}
	ev->fired[i].level = level;
	snprintf(ev->fired[i].text, sizeof(ev->fired[i].text), "%s", text);
	ev->nfired++;
	if (level > ev->level)
		ev->level = level;
}

static void
miss(struct eval *ev, enum metric_id id)
{
	ev->missing[id] = true;
	ev->nmissing++;
}

/* The highest of three limits that v passes, or -1: above it, or at it
 * for a limit whose bit (ge[i]) is in at_or_above. */
static int
over(double v, const double limits[3], const unsigned ge[3], unsigned at_or_above,
    double scale)
{
	int i;

	for (i = 0; i < 3; i++)
		if (v > limits[i] * scale || ((at_or_above & ge[i]) && v >= limits[i] * scale))
			return i;
	return -1;
}

static const unsigned er_ge[3] = {
	WR_TH_GE_ERROR_ROLLBACK, WR_TH_GE_ERROR_CONSIDER, WR_TH_GE_ERROR_MONITOR,
};
static const unsigned p95_ge[3] = {
	WR_TH_GE_P95_ROLLBACK, WR_TH_GE_P95_CONSIDER, WR_TH_GE_P95_MONITOR,
};

/* The operator a fired clause shows: what the limit's rule is. */
static const char *
op_of(unsigned at_or_above, unsigned bit)
{
	return (at_or_above & bit) ? "\xe2\x89\xa5" : ">";
}

/* A fired limit's source, when a runbook's table rules other metrics but
 * not this one: the reader of the table would look for it there. */
static const char *
config_said(const struct config_thresholds *t, unsigned metric)
{
	return t->from_table != 0 && !(t->from_table & metric) ? " [thresholds]" : "";
}

static const enum decide_level by_rank[3] = {
	DECIDE_ROLLBACK, DECIDE_CONSIDER, DECIDE_MONITOR,
};

/* The services of a host with several whose restarts pass the limit
 * (thresholds scaled), each with its count, into who[cap] ("api: 15",
 * "api: 15, jobs: 4"), and as bits into ev->by; "" when not named. */
static void
restarts_who(const struct config_thresholds *t, const struct decide_input *m, double scale,
    struct eval *ev, char *who, size_t cap)
{
	struct sbuf b = { who, cap, 0 };
	char num[16];
	int i;

	who[0] = '\0';
	ev->by = 0;
	if (m->services == NULL || m->nservices < 2)
		return;
	for (i = 0; i < m->nservices && i < WR_DECIDE_BY_MAX; i++) {
		if (m->services[i].restarts < 0 ||
		    m->services[i].restarts < t->restarts_rollback * scale)
			continue;
		decide_format_restarts(m->services[i].restarts, m->restarts_partial, num,
		    sizeof(num));
		sbuf_add(&b, "%s%s: %s", b.len ? ", " : "", m->services[i].name, num);
		ev->by |= (uint32_t)1 << i;
	}
}

/* Apply every rule with thresholds multiplied by scale. */
static void
evaluate(const struct config_thresholds *t, const struct decide_input *m,
    double scale, struct eval *ev)
{
	const double er[3] = {
		t->error_rate_rollback, t->error_rate_consider, t->error_rate_monitor,
	};
	const double p95[3] = {
		t->p95_rollback_ms, t->p95_consider_ms, t->p95_monitor_ms,
	};
	char text[192], vs[32], ls[32], win[16], sample[64], span[24], num[16];
	bool few = too_few_requests(t, m);
	int i;

	memset(ev, 0, sizeof(*ev));
	ev->level = DECIDE_OK;
	/* A host with no metrics source never had these figures: nothing
	 * missing to wait for, nothing judged. */
	if (m->no_metrics)
		;
	else if (isnan(m->error_rate))
		miss(ev, METRIC_ERROR_RATE);
	else if (few)
		ev->too_few = ev->unjudged[METRIC_ERROR_RATE] = true;
	else if ((i = over(m->error_rate, er, er_ge, t->at_or_above, scale)) >= 0) {
		fmt_pair(m->error_rate, er[i], percent_decimals(m->error_rate * 100),
		    100, vs, ls, sizeof(vs));
		/* The count, when known, shows how much one request weighs. */
		fmt_sample(m, sample, sizeof(sample));
		snprintf(text, sizeof(text), "error rate %s%%%s%s%s %s %s%%%s", vs,
		    sample[0] ? " (" : "", sample, sample[0] ? ")" : "",
		    op_of(t->at_or_above, er_ge[i]), ls, config_said(t, WR_TH_TABLE_ERROR));
		fire(ev, by_rank[i], text);
	}
	if (m->no_metrics)
		;
	else if (isnan(m->p95_ms))
		miss(ev, METRIC_P95);
	else if (few)
		ev->too_few = ev->unjudged[METRIC_P95] = true;
	else if ((i = over(m->p95_ms, p95, p95_ge, t->at_or_above, scale)) >= 0) {
		fmt_pair(m->p95_ms, p95[i], ms_decimals(m->p95_ms), 1, vs, ls, sizeof(vs));
		fmt_span(m, span, sizeof(span));
		snprintf(text, sizeof(text), "p95 %s ms%s%s%s %s %s ms%s", vs,
		    span[0] ? " (" : "", span, span[0] ? ")" : "",
		    op_of(t->at_or_above, p95_ge[i]), ls, config_said(t, WR_TH_TABLE_P95));
		fire(ev, by_rank[i], text);
	}
	if (m->restarts < 0 && m->restarts_unreported)
		;       /* nothing to wait for: the tool never says */
	else if (m->restarts < 0)
		miss(ev, METRIC_RESTARTS);
	else if (t->restarts_rollback > 0 && m->restarts >= t->restarts_rollback * scale) {
		char who[96], old[64];

		decide_format_window(t->restarts_window_s, win, sizeof(win));
		decide_format_restarts(m->restarts, m->restarts_partial, num, sizeof(num));
		restarts_who(t, m, scale, ev, who, sizeof(who));
		stale_restarts(m, old, sizeof(old));
		snprintf(text, sizeof(text), "%s restart%s in %s%s \xe2\x89\xa5 %d%s",
		    who[0] ? who : num, strcmp(num, "1") == 0 && strchr(who, ',') == NULL ? "" : "s",
		    win, old, t->restarts_rollback, config_said(t, WR_TH_TABLE_RESTARTS));
		fire(ev, DECIDE_ROLLBACK, text);
		/* The level rests on these services alone when nothing else
		 * says as much (this clause the only one at ROLLBACK): a
		 * host's figures speak for every service. */
		for (i = 0; i < (int)ev->nfired && ev->fired[i].level == DECIDE_ROLLBACK; i++)
			;
		if (i > 1)
			ev->by = 0;
	}
	/* Restarts alone are no health measured: NO DATA at best. */
	if (ev->level == DECIDE_OK && (ev->nmissing > 0 || m->no_metrics))
		ev->level = DECIDE_NO_DATA;
}

/* What a host without metrics has its verdict from, last in its reason. */
static void
no_metrics_clause(const struct config_thresholds *t, const struct decide_input *m,
    const struct eval *ev, struct sbuf *b, const char *sep)
{
	char num[32], win[16];

	if (m->restarts < 0 && m->restarts_unreported) {
		sbuf_add(b, "%sno metrics configured and no restart count reported: nothing to "
		    "judge", sep);
		return;
	}
	if (ev->nfired == 0 && !ev->missing[METRIC_RESTARTS] && m->restarts >= 0) {
		char old[64];

		decide_format_window(t->restarts_window_s, win, sizeof(win));
		decide_format_restarts(m->restarts, m->restarts_partial, num, sizeof(num));
		stale_restarts(m, old, sizeof(old));
		sbuf_add(b, "%s%s restart%s in %s%s", sep, num, strcmp(num, "1") == 0 ? "" : "s",
		    win, old);
		sep = "; ";
	}
	sbuf_add(b, "%s" RESTARTS_ONLY, sep);
}

static const char *const metric_names[METRIC_COUNT] = {
	"error rate", "p95", "restarts",
};

/* " as of 4m ago (poll failing)" after restart counts a failing poll
 * kept (their last good read's), else "". */
static void
stale_restarts(const struct decide_input *m, char *out, size_t cap)
{
	char ago[24];
	int64_t age = m->at_s - m->restarts_read_s;

	out[0] = '\0';
	if (m->restarts_read_s <= 0)
		return;
	if (m->at_s > 0 && age >= 0 && age < INT32_MAX) {
		decide_format_window((int)age, ago, sizeof(ago));
		snprintf(out, cap, " as of %s ago (poll failing)", ago);
	} else {
		fmt_clock(m->restarts_read_s, ago, sizeof(ago));
		snprintf(out, cap, " as of %s (poll failing)", ago);
	}
}

/* ev's reason into dst. as_missing: an error rate not judged stands for
 * NO DATA, as a missing one would, so the figures after it come without
 * "below thresholds". */
static void
write_reason(const struct config_thresholds *t, const struct decide_input *m,
    const struct eval *ev, bool as_missing, char *dst, size_t cap)
{
	struct sbuf b = { dst, cap, 0 };
	const char *sep = "";
	char num[32], win[16], sample[64];
	size_t i;

	dst[0] = '\0';
	for (i = 0; i < ev->nfired; i++) {
		/* A finding below the verdict's level says its own, so that
		 * "p95 1500 ms > 1000 ms" is not read as a rollback limit. */
		enum decide_level l = ev->fired[i].level;

		sbuf_add(&b, "%s%s%s", sep, ev->fired[i].text, l == ev->level ? "" :
		    l == DECIDE_CONSIDER ? " (consider)" : l == DECIDE_MONITOR ? " (monitor)" : "");
		sep = "; ";
	}
	if (ev->too_few) {
		/* One clause for the figures not judged: the same requests. */
		const char *comma = "";

		sbuf_add(&b, "%s", sep);
		if (ev->unjudged[METRIC_ERROR_RATE]) {
			decide_format_percent(m->error_rate, num, sizeof(num));
			sbuf_add(&b, "error rate %s", num);
			comma = ", ";
		}
		if (ev->unjudged[METRIC_P95]) {
			decide_format_ms(m->p95_ms, num, sizeof(num));
			sbuf_add(&b, "%sp95 %s", comma, num);
		}
		fmt_sample(m, sample, sizeof(sample));
		sbuf_add(&b, " (%s: too few to judge, min_requests %d)", sample, t->min_requests);
		sep = "; ";
	}
	if (ev->nmissing > 0) {
		const char *comma = "";

		sbuf_add(&b, "%s" NO_DATA_FOR, sep);
		for (i = 0; i < METRIC_COUNT; i++) {
			if (ev->missing[i]) {
				sbuf_add(&b, "%s%s", comma, metric_names[i]);
				comma = ", ";
			}
		}
		/* The source's failure (a timeout, a query matching nothing):
		 * the journal's verdict.change keeps it with the verdict. */
		if (m->no_data_why != NULL && m->no_data_why[0] != '\0' &&
		    (ev->missing[METRIC_ERROR_RATE] || ev->missing[METRIC_P95] || m->no_metrics))
			sbuf_add(&b, " (%s)", m->no_data_why);
		sep = "; ";
	}
	if (m->no_metrics) {
		no_metrics_clause(t, m, ev, &b, sep);
		return;
	}
	if (ev->nfired > 0 || ev->nmissing == METRIC_COUNT)
		return;
	/* Nothing fired: say what was measured, so OK is never a bare word;
	 * the lead comes with the first value, so nothing measured (such as
	 * a compose host's restarts, which the tool never reports) adds none. */
	sep = ev->nmissing > 0 || (ev->too_few && as_missing) ? "; " :
	    ev->too_few ? "; " BELOW : BELOW;
	if (!ev->missing[METRIC_ERROR_RATE] && !ev->unjudged[METRIC_ERROR_RATE]) {
		decide_format_percent(m->error_rate, num, sizeof(num));
		sbuf_add(&b, "%serror rate %s", sep, num);
		sep = ", ";
	}
	if (!ev->missing[METRIC_P95] && !ev->unjudged[METRIC_P95]) {
		decide_format_ms(m->p95_ms, num, sizeof(num));
		sbuf_add(&b, "%sp95 %s", sep, num);
		sep = ", ";
	}
	if (!ev->missing[METRIC_RESTARTS] && m->restarts >= 0) {
		char old[64];

		decide_format_window(t->restarts_window_s, win, sizeof(win));
		decide_format_restarts(m->restarts, m->restarts_partial, num, sizeof(num));
		stale_restarts(m, old, sizeof(old));
		sbuf_add(&b, "%s%s restart%s in %s%s", sep, num, strcmp(num, "1") == 0 ? "" : "s",
		    win, old);
	}
}

/* m, or in[0] made from it with a figure no error rate or latency can
 * be (metrics_query_value_ok: -50%, +Inf) as missing: never OK, never a
 * rule firing. Why is the caller's, else said in why[cap]. */
static const struct decide_input *
possible_only(const struct decide_input *m, struct decide_input *in, char *why, size_t cap)
{
	bool er = !metrics_query_value_ok(WR_QUERY_ERROR_RATE, m->error_rate, NULL, 0);
	bool p95 = !metrics_query_value_ok(WR_QUERY_P95, m->p95_ms / 1000, NULL, 0);
	char a[32], b[32];

	if (!er && !p95)
		return m;
	*in = *m;
	decide_format_percent(m->error_rate, a, sizeof(a));
	decide_format_ms(m->p95_ms, b, sizeof(b));
	snprintf(why, cap, "%s%s%s%s%s cannot be", er ? "an error rate of " : "", er ? a : "",
	    er && p95 ? ", nor " : "", p95 ? "a p95 of " : "", p95 ? b : "");
	if (er)
		in->error_rate = NAN;
	if (p95)
		in->p95_ms = NAN;
	if (m->no_data_why == NULL || m->no_data_why[0] == '\0')
		in->no_data_why = why;
	return in;
}

struct decide_params
decide_params_default(void)
{
	struct decide_params p = {
		.margin = WR_DECIDE_MARGIN,
		.calm_checks = WR_DECIDE_CALM_CHECKS,
		.no_data_hold_s = WR_DECIDE_NO_DATA_HOLD_S,
	};

	return p;
}

/* "10:02:11" (UTC, as the timeline shows times), or "" when unknown. */
static void
fmt_clock(int64_t s, char *dst, size_t cap)
{
	time_t t = (time_t)s;
	struct tm tm;

	dst[0] = '\0';
	if (s > 0 && gmtime_r(&t, &tm) != NULL)
		strftime(dst, cap, "%H:%M:%S", &tm);
}

/* The length of a reason's own words: without its hold's clause. */
static size_t
own_len(const char *reason)
{
	const char *at = strstr(reason, HELD_AT);

	return at != NULL ? (size_t)(at - reason) : strlen(reason);
}

/* Better than prev, but a metric is missing: that is not calm. The bad
 * level stays, and the calm run starts over, until no data has come for
 * hold_s; then the level is what the data says (NO DATA at best, since a
 * missing metric never allows OK), and the reason says what it was. */
static void
hold_no_data(struct decide_verdict *v, const struct decide_input *m,
    const struct decide_verdict *prev, int hold_s)
{
	struct sbuf b = { v->reason, sizeof(v->reason), strlen(v->reason) };
	char clock[16];

	/* A hold that began on too few requests keeps its clock. */
	v->no_data_since = prev->held_no_data || prev->held_too_few ? prev->no_data_since :
	    m->at_s;
	fmt_clock(v->no_data_since, clock, sizeof(clock));
	if (v->no_data_since > 0 && m->at_s - v->no_data_since >= hold_s) {
		sbuf_add(&b, "; no data since %s after %s", clock, decide_level_name(prev->level));
		v->no_data_since = 0;
		return;
	}
	v->level = v->pending = prev->level;
	v->held = v->held_no_data = true;
	if (prev->held_no_data || prev->held_too_few)
		memcpy(v->before, prev->before, sizeof(v->before));
	else
		snprintf(v->before, sizeof(v->before), "%.*s", (int)own_len(prev->reason),
		    prev->reason);
	snprintf(v->no_data_why, sizeof(v->no_data_why), "%s",
	    m->no_data_why != NULL ? m->no_data_why : "");
	sbuf_add(&b, HELD_AT "%s (no data%s%s)", decide_level_name(v->level),
	    clock[0] ? " since " : "", clock);
}

/* Better than prev with every figure there, but the error rate not judged
 * (too few requests) and the rest calm: not calm either, and like missing
 * data for the hold's time limit. The level it gives way to is the one
 * the figures judged say, NO DATA at best: with the error rate unjudged OK
 * would be health nobody measured, and a missing error rate gives NO DATA
 * too. A prev already at that level is simply that level, not held. */
static void
hold_too_few(struct decide_verdict *v, const struct config_thresholds *t,
    const struct decide_input *m, const struct eval *raw,
    const struct decide_verdict *prev, int hold_s)
{
	enum decide_level to = raw->level > DECIDE_NO_DATA ? raw->level : DECIDE_NO_DATA;
	struct sbuf b;
	char clock[16] = "";
	int64_t since = 0;

	if (prev->level > to) {
		/* A hold that began for missing data keeps its clock. */
		since = prev->held_no_data || prev->held_too_few ? prev->no_data_since : m->at_s;
		fmt_clock(since, clock, sizeof(clock));
	}
	if (prev->level > to && (since <= 0 || m->at_s - since < hold_s)) {
		v->level = v->pending = prev->level;
		v->held = v->held_too_few = true;
		v->no_data_since = since;
		if (prev->held_no_data || prev->held_too_few)
			memcpy(v->before, prev->before, sizeof(v->before));
		else
			snprintf(v->before, sizeof(v->before), "%.*s", (int)own_len(prev->reason),
			    prev->reason);
		b = (struct sbuf){ v->reason, sizeof(v->reason), strlen(v->reason) };
		sbuf_add(&b, HELD_AT "%s (error rate not judged%s%s)", decide_level_name(v->level),
		    clock[0] ? " since " : "", clock);
		return;
	}
	/* Given way, or already there: the level the judged figures allow. */
	v->level = v->pending = to;
	if (raw->level < DECIDE_NO_DATA)
		write_reason(t, m, raw, true, v->reason, sizeof(v->reason));
	b = (struct sbuf){ v->reason, sizeof(v->reason), strlen(v->reason) };
	if (prev->level > to)
		sbuf_add(&b, "; error rate not judged since %s after %s", clock,
		    decide_level_name(prev->level));
}

/* Held at NO DATA with every figure back and below the thresholds: the
 * run from no data to OK is not calm long enough yet. The reason says
 * why the level is NO DATA (there was none until the check the figures
 * came back at, and the source's failure then), never "below
 * thresholds" under NO DATA; the figures follow. */
static void
data_back(struct decide_verdict *v, const struct decide_input *m,
    const struct decide_verdict *prev)
{
	char figures[WR_DECIDE_REASON_MAX], clock[16];
	const char *f = v->reason;
	struct sbuf b = { v->reason, sizeof(v->reason), 0 };

	v->data_back = prev->data_back > 0 ? prev->data_back : m->at_s;
	memcpy(v->no_data_why, prev->no_data_why, sizeof(v->no_data_why));
	if (strncmp(f, BELOW, strlen(BELOW)) == 0)
		f += strlen(BELOW);
	snprintf(figures, sizeof(figures), "%s", f);
	fmt_clock(v->data_back, clock, sizeof(clock));
	v->reason[0] = '\0';
	if (clock[0] != '\0')
		sbuf_add(&b, "no data until %s", clock);
	else
		sbuf_add(&b, "no data until the figures came back");
	if (v->no_data_why[0] != '\0')
		sbuf_add(&b, " (%s)", v->no_data_why);
	sbuf_add(&b, "; since then %s", figures);
}

/* One more calm evaluation at level cand: the run grows, and once it is
 * calm_checks long the level is the worst of its last calm_checks; those
 * after that worst one, better than it, go on as the run towards better. */
static void
calm_step(struct decide_verdict *v, const struct decide_verdict *prev,
    enum decide_level cand, int calm_checks)
{
	int have = prev->held_no_data || prev->calm < 0 ? 0 :
	    prev->calm > WR_DECIDE_CALM_MAX ? WR_DECIDE_CALM_MAX : prev->calm;
	int n = have < calm_checks ? have : calm_checks - 1, i, k;   /* the last n of them */
	enum decide_level worst;

	memcpy(v->run, prev->run + (have - n), (size_t)n * sizeof(v->run[0]));
	v->run[n++] = cand;
	v->level = prev->level;
	if (n >= calm_checks) {
		worst = DECIDE_OK;
		for (i = n - calm_checks; i < n; i++)
			if (v->run[i] > worst)
				worst = v->run[i];
		v->level = worst;
		for (k = 0; k < n && v->run[n - 1 - k] < worst; k++)
			;
		memmove(v->run, v->run + (n - k), (size_t)k * sizeof(v->run[0]));
		n = k;
	}
	v->calm = n;
	v->pending = v->level;
	for (i = 0; i < n; i++)
		if (i == 0 || v->run[i] > v->pending)
			v->pending = v->run[i];
}

/* Why a check within the margin does not count as calm: each figure
 * still over a threshold at or above held once lowered by the margin,
 * said with the limit it must get under ("error rate 1.98% is not yet
 * below 1.8% (10% under the 2% consider threshold)"); then the figures
 * as they are, so "below thresholds" never stands beside a hold alone. */
static void
margin_reason(struct decide_verdict *v, const struct config_thresholds *t,
    const struct decide_input *m, enum decide_level held, double margin)
{
	static const char *const rank[3] = { "rollback", "consider", "monitor" };
	const double er[3] = {
		t->error_rate_rollback, t->error_rate_consider, t->error_rate_monitor,
	};
	const double p95[3] = {
		t->p95_rollback_ms, t->p95_consider_ms, t->p95_monitor_ms,
	};
	char own[WR_DECIDE_REASON_MAX], vs[32], ls[32], lim[32], pc[16];
	struct sbuf b = { v->reason, sizeof(v->reason), 0 };
	const char *rest = v->reason, *sep = "";
	double scale = 1 - margin;
	int i;

	if (strncmp(rest, BELOW, strlen(BELOW)) == 0)
		rest += strlen(BELOW);
	snprintf(own, sizeof(own), "%s", rest);
	fmt_num(margin * 100, 1, pc, sizeof(pc));
	v->reason[0] = '\0';
	if (!isnan(m->error_rate) &&
	    (i = over(m->error_rate, er, er_ge, t->at_or_above, scale)) >= 0 && by_rank[i] >= held) {
		fmt_pair(m->error_rate, er[i] * scale, percent_decimals(m->error_rate * 100), 100,
		    vs, ls, sizeof(vs));
		fmt_num(er[i] * 100, percent_decimals(er[i] * 100), lim, sizeof(lim));
		sbuf_add(&b, "error rate %s%% is not yet below %s%% (%s%% under the %s%% %s "
		    "threshold)", vs, ls, pc, lim, rank[i]);
		sep = "; ";
	}
	if (!isnan(m->p95_ms) &&
	    (i = over(m->p95_ms, p95, p95_ge, t->at_or_above, scale)) >= 0 && by_rank[i] >= held) {
		fmt_pair(m->p95_ms, p95[i] * scale, ms_decimals(m->p95_ms), 1, vs, ls, sizeof(vs));
		fmt_num(p95[i], ms_decimals(p95[i]), lim, sizeof(lim));
		sbuf_add(&b, "%sp95 %s ms is not yet below %s ms (%s%% under the %s ms %s "
		    "threshold)", sep, vs, ls, pc, lim, rank[i]);
		sep = "; ";
	}
	sbuf_add(&b, "%s%s%s", sep, sep[0] ? "now " : "", own);
}

/* decide's level and reason; *raw_by: the services these metrics alone
 * rest their level on (decide_verdict's by). */
static struct decide_verdict
judge_level(const struct config_thresholds *t, const struct decide_input *m,
    const struct decide_verdict *prev, const struct decide_params *p, uint32_t *raw_by)
{
	struct decide_params dp = p != NULL ? *p : decide_params_default();
	struct decide_verdict v;
	struct eval raw, calm;
	enum decide_level cand;
	struct decide_input in;
	char why[128];

	m = possible_only(m, &in, why, sizeof(why));

	if (!(dp.margin >= 0) || dp.margin >= 1)
		dp.margin = WR_DECIDE_MARGIN;
	if (dp.calm_checks < 1)
		dp.calm_checks = 1;
	if (dp.calm_checks > WR_DECIDE_CALM_MAX)
		dp.calm_checks = WR_DECIDE_CALM_MAX;
	if (dp.no_data_hold_s <= 0)
		dp.no_data_hold_s = WR_DECIDE_NO_DATA_HOLD_S;
	memset(&v, 0, sizeof(v));
	evaluate(t, m, 1, &raw);
	*raw_by = raw.by;
	write_reason(t, m, &raw, false, v.reason, sizeof(v.reason));
	v.raw = raw.level;
	v.level = v.pending = raw.level;
	v.calm_needed = dp.calm_checks;
	/* Kept while the verdict is NO DATA: said again once figures return
	 * and the level is held there for a while (data_back). */
	if (raw.nmissing > 0 && m->no_data_why != NULL)
		snprintf(v.no_data_why, sizeof(v.no_data_why), "%s", m->no_data_why);
	if (prev == NULL || raw.level >= prev->level)
		return v;                        /* worse or the same: at once */
	if (raw.nmissing > 0) {
		hold_no_data(&v, m, prev, dp.no_data_hold_s);
		return v;
	}
	evaluate(t, m, 1 - dp.margin, &calm);
	cand = calm.level > raw.level ? calm.level : raw.level;
	/* Within the margin a judged figure holds the level, without a time
	 * limit; an error rate not judged holds it as missing data does. */
	if (cand >= prev->level)
		v.level = v.pending = prev->level;   /* within the margin: the run is over */
	else if (raw.too_few) {
		hold_too_few(&v, t, m, &raw, prev, dp.no_data_hold_s);
		return v;
	} else
		calm_step(&v, prev, cand, dp.calm_checks);
	/* Above what these metrics say (the run not done, or a worse level
	 * seen in it): said as held, never as a bare level over "below
	 * thresholds". */
	if (v.level > raw.level) {
		struct sbuf b;

		if (v.level == DECIDE_NO_DATA)
			data_back(&v, m, prev);
		else if (cand >= v.level)       /* this check no calm one at that level */
			margin_reason(&v, t, m, v.level, dp.margin);
		b = (struct sbuf){ v.reason, sizeof(v.reason), strlen(v.reason) };
		sbuf_add(&b, HELD_AT "%s (%d/%d calm checks)",
		    decide_level_name(v.level), v.calm, dp.calm_checks);
		v.held = true;
	}
	return v;
}

struct decide_verdict
decide(const struct config_thresholds *t, const struct decide_input *m,
    const struct decide_verdict *prev, const struct decide_params *p)
{
	uint32_t raw_by = 0;
	struct decide_verdict v = judge_level(t, m, prev, p, &raw_by);
	struct sbuf b = { v.by_names, sizeof(v.by_names), 0 };
	int i;

	/* A level held from before rests on what it rested on then (the
	 * restarts may have left the window); a level between the two, the
	 * worst of a calm run, on the host's figures as far as anyone knows. */
	if (v.level == v.raw)
		v.by = raw_by;
	else if (prev != NULL && v.level == prev->level) {
		v.by = prev->by;
		memcpy(v.by_names, prev->by_names, sizeof(v.by_names));
		return v;
	}
	for (i = 0; i < m->nservices && i < WR_DECIDE_BY_MAX && m->services != NULL; i++)
		if (v.by & ((uint32_t)1 << i))
			sbuf_add(&b, "%s%s", b.len ? ", " : "", m->services[i].name);
	return v;
}

bool
decide_other_cause(const struct decide_verdict *v, int svc, const char *name, int restarts,
    bool partial, char *dst, size_t cap)
{
	char num[16], src[128];

	if (cap > 0)
		dst[0] = '\0';
	if (v->by == 0 || v->by_names[0] == '\0' ||
	    (svc >= 0 && svc < WR_DECIDE_BY_MAX && (v->by & ((uint32_t)1 << svc))))
		return false;
	decide_format_restarts(restarts, partial, num, sizeof(num));
	snprintf(src, sizeof(src), strchr(v->by_names, ',') ? "the restarts of %s" :
	    "%s's restarts", v->by_names);
	if (restarts < 0)
		snprintf(dst, cap, "the verdict comes from %s; %s's restarts are not known", src,
		    name);
	else
		snprintf(dst, cap, "the verdict comes from %s; %s has %s", src, name, num);
	return true;
}

size_t
decide_headline(const struct decide_verdict *v, int max, char *dst, size_t cap)
{
	const char *name = decide_level_name(v->level);
	int n;

	if (cap == 0)
		return 0;
	if (v->held_no_data) {
		char clock[16];

		fmt_clock(v->no_data_since, clock, sizeof(clock));
		if (clock[0] != '\0' && v->no_data_why[0] != '\0') {
			n = snprintf(dst, cap, "%s (held: no data since %s \xe2\x80\x94 %s)", name,
			    clock, v->no_data_why);
			if (n >= 0 && n - 2 <= max && (size_t)n < cap)   /* "—": 3 bytes, 1 column */
				return (size_t)n;
		}
		if (clock[0] != '\0') {
			n = snprintf(dst, cap, "%s (held: no data since %s)", name, clock);
			if (n >= 0 && n <= max && (size_t)n < cap)
				return (size_t)n;
		}
		n = snprintf(dst, cap, "%s (held: no data)", name);
		if (n >= 0 && n <= max && (size_t)n < cap)
			return (size_t)n;
	} else if (v->held_too_few) {
		char clock[16];

		fmt_clock(v->no_data_since, clock, sizeof(clock));
		if (clock[0] != '\0') {
			n = snprintf(dst, cap, "%s (held: error rate not judged since %s)", name,
			    clock);
			if (n >= 0 && n <= max && (size_t)n < cap)
				return (size_t)n;
		}
		n = snprintf(dst, cap, "%s (held: error rate not judged)", name);
		if (n >= 0 && n <= max && (size_t)n < cap)
			return (size_t)n;
		n = snprintf(dst, cap, "%s (held: too few requests)", name);
		if (n >= 0 && n <= max && (size_t)n < cap)
			return (size_t)n;
	} else if (v->held) {
		n = snprintf(dst, cap, "%s (held: %d/%d calm checks)", name, v->calm,
		    v->calm_needed);
		if (n >= 0 && n <= max && (size_t)n < cap)
			return (size_t)n;
		n = snprintf(dst, cap, "%s (held %d/%d)", name, v->calm, v->calm_needed);
		if (n >= 0 && n <= max && (size_t)n < cap)
			return (size_t)n;
	}
	n = snprintf(dst, cap, "%s", name);
	return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

size_t
decide_reason_shown(const struct decide_verdict *v, char *dst, size_t cap)
{
	const char *at = v->held ? strstr(v->reason, HELD_AT) : NULL;
	char clock[16];
	int n;

	if (cap == 0)
		return 0;
	if (at != NULL && (v->held_no_data || v->held_too_few)) {
		fmt_clock(v->no_data_since, clock, sizeof(clock));
		/* What the level rests on first; the figures missing are said
		 * again on the rows below. */
		n = snprintf(dst, cap, "held, %s%s%s: %s%s%s%.*s",
		    v->held_no_data ? "no data" : "error rate not judged", clock[0] ? " since " : "",
		    clock, v->before[0] ? "before it, " : "", v->before, v->before[0] ? "; now " : "",
		    (int)(at - v->reason), v->reason);
	} else if (at != NULL)
		n = snprintf(dst, cap, "held, %d/%d calm checks: %.*s", v->calm, v->calm_needed,
		    (int)(at - v->reason), v->reason);
	else
		n = snprintf(dst, cap, "%s", v->reason);
	return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

bool
decide_first_verdict(const struct decide_input *m, const struct decide_verdict *v, int rounds)
{
	if (!isnan(m->error_rate) || !isnan(m->p95_ms) || v->level > DECIDE_NO_DATA)
		return true;
	/* Without metrics no figure will come: restarts read, or never
	 * reported, are all the verdict there will be. */
	if (m->no_metrics && (m->restarts >= 0 || m->restarts_unreported))
		return true;
	return rounds >= 2 || (rounds >= 1 && m->no_data_why != NULL && m->no_data_why[0] != '\0');
}

const char *
decide_level_name(enum decide_level l)
{
	switch (l) {
	case DECIDE_OK:
		return "OK";
	case DECIDE_NO_DATA:
		return "NO DATA";
	case DECIDE_MONITOR:
		return "MONITOR";
	case DECIDE_CONSIDER:
		return "CONSIDER ROLLBACK";
	case DECIDE_ROLLBACK:
		return "ROLLBACK IMMEDIATELY";
	}
	return "?";
}

bool
decide_reason_restarts_calm(const char *reason)
{
	/* The post-mortem reads journals: the words are all they keep. With
	 * no metrics source, only restarts can be what "no data for" names. */
	return reason != NULL && strstr(reason, RESTARTS_ONLY) != NULL &&
	    strstr(reason, NO_DATA_FOR) == NULL;
}

bool
decide_level_parse(const char *name, enum decide_level *out)
{
	enum decide_level l;

	for (l = DECIDE_OK; name != NULL && l <= DECIDE_ROLLBACK; l++)
		if (strcmp(name, decide_level_name(l)) == 0) {
			*out = l;
			return true;
		}
	return false;
}

struct decide_verdict
decide_adopt(const struct decide_verdict *mine, enum decide_level said)
{
	struct decide_verdict v = *mine;
	/* A journal's NO DATA judged no figures: nothing to hold over the
	 * ones this console has. */
	enum decide_level to = said > mine->raw && said != DECIDE_NO_DATA ? said : mine->raw;
	struct sbuf b;

	/* Metrics worse than the journal's level: that is a change, and it
	 * is written as one. */
	if (to == mine->level)
		return v;
	v.level = v.pending = to;
	v.calm = 0;
	v.held = to > mine->raw;
	/* The journal's level says nothing of whose restarts: the host's. */
	v.by = 0;
	v.by_names[0] = '\0';
	if (!v.held) {
		v.held_no_data = v.held_too_few = false;
		v.no_data_since = 0;
	}
	b = (struct sbuf){ v.reason, sizeof(v.reason), own_len(v.reason) };
	v.reason[b.len] = '\0';
	if (v.held && v.held_no_data)
		sbuf_add(&b, HELD_AT "%s (no data; as the journal's last verdict)",
		    decide_level_name(to));
	else if (v.held && v.held_too_few)
		sbuf_add(&b, HELD_AT "%s (error rate not judged; as the journal's last verdict)",
		    decide_level_name(to));
	else if (v.held)
		sbuf_add(&b, HELD_AT "%s (0/%d calm checks; as the journal's last verdict)",
		    decide_level_name(to), v.calm_needed);
	return v;
}

/* ---- sparkline ---- */

/* A bar's eighth for v: against full when given, else lo..hi. */
static int
bar_of(double v, double full, double lo, double hi)
{
	double f;

	if (v == INFINITY)
		return 7;
	if (v == -INFINITY)
		return 0;
	if (full > 0)
		f = v / full;
	else if (hi > lo)
		f = (v - lo) / (hi - lo);
	else
		return 0;
	/* Above full clips at the top: the line says "at or over". */
	return f >= 1 ? 7 : f <= 0 ? 0 : (int)lround(f * 7);
}

size_t
decide_sparkline(const double *v, size_t n, double full, char *dst, size_t cap)
{
	double lo = 0, hi = -INFINITY;
	size_t i, o = 0;

	if (cap == 0)
		return 0;
	if (!(full > 0) || !isfinite(full))
		full = 0;
	for (i = 0; i < n; i++) {
		if (!isfinite(v[i]))
			continue;
		if (v[i] < lo)
			lo = v[i];
		if (v[i] > hi)
			hi = v[i];
	}
	for (i = 0; i < n; i++) {
		/* No data is a dot, not a space: at the right end a space
		 * would read as a line that stopped, not as scrapes missing. */
		if (isnan(v[i])) {
			if (o + 2 >= cap)
				break;
			dst[o++] = '\xc2';
			dst[o++] = '\xb7';
			continue;
		}
		if (o + 3 >= cap)
			break;
		dst[o++] = '\xe2';
		dst[o++] = '\x96';
		dst[o++] = (char)(0x81 + bar_of(v[i], full, lo, hi));
	}
	dst[o] = '\0';
	return o;
}

size_t
decide_sparkline_fit(const double *v, size_t n, size_t cols, double full, char *dst,
    size_t cap)
{
	double b[512];
	size_t c, i;

	if (cols > WR_ARRAY_LEN(b))
		cols = WR_ARRAY_LEN(b);
	if (n <= cols)
		return decide_sparkline(v, n, full, dst, cap);
	for (c = 0; c < cols; c++) {
		b[c] = NAN;
		for (i = c * n / cols; i < (c + 1) * n / cols; i++)
			if (!isnan(v[i]) && (isnan(b[c]) || v[i] > b[c]))
				b[c] = v[i];
	}
	return decide_sparkline(b, cols, full, dst, cap);
}
