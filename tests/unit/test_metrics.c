/*
 * test_metrics.c — the Prometheus text format read sample by sample (every
 * corner the exposition spec allows, and lines it does not), one scrape
 * reduced to classes and buckets, rates and p95 from two scrapes exactly as
 * PromQL computes them (hand-worked cases and the fixture fleet's recorded
 * payloads), and the /api/v1/query answers. The parser's fast paths (a
 * line resumed from the one before it, a value read a digit run at a
 * time) are checked against its plain paths on generated lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/metrics.h"

#include "xorshift.h"

/* ---- helpers ---- */

#define SAMPLES_MAX 32

struct got {
	struct metrics_sample s[SAMPLES_MAX];
	size_t n;
};

static int
collect(void *ctx, const struct metrics_sample *s)
{
	struct got *g = ctx;

	if (g->n < SAMPLES_MAX)
		g->s[g->n++] = *s;
	return 0;
}

static int
parse_str(const char *text, struct got *g, struct metrics_parse_stats *st)
{
	memset(g, 0, sizeof(*g));
	return metrics_parse(text, strlen(text), collect, g, st);
}

static void
assert_span(struct metrics_span sp, const char *want)
{
	char buf[256];

	assert_true(sp.len < sizeof(buf));
	memcpy(buf, sp.ptr, sp.len);
	buf[sp.len] = '\0';
	assert_string_equal(buf, want);
}

static void
assert_label(const struct metrics_sample *s, const char *name, const char *want)
{
	struct metrics_span v;
	char buf[128];

	assert_true(metrics_label_get(s->labels, name, &v));
	metrics_value_unescape(v, buf, sizeof(buf));
	assert_string_equal(buf, want);
	assert_true(metrics_value_eq(v, want));
}

static void
assert_near(double got, double want, double tol)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("got %.17g, want %.17g (±%g)", got, want, tol);
}

static char *
slurp(const char *rel, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[1024], *buf;
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/%s", top ? top : ".", rel);
	if ((f = fopen(path, "rb")) == NULL)
		fail_msg("cannot read %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void
scrape_file(const char *rel, const struct metrics_select *sel,
    struct metrics_scrape *out)
{
	struct wr_err err = { "" };
	size_t len;
	char *buf = slurp(rel, &len);

	if (metrics_scrape_read(buf, len, sel, out, &err) != 0)
		fail_msg("%s: %s", rel, err.msg);
	free(buf);
}

static void
scrape_str(const char *text, const struct metrics_select *sel,
    struct metrics_scrape *out)
{
	struct wr_err err = { "" };

	if (metrics_scrape_read(text, strlen(text), sel, out, &err) != 0)
		fail_msg("%s", err.msg);
}

/* ---- the text format ---- */

static void
format_help_type_and_samples(void **state)
{
	struct got g;
	struct metrics_parse_stats st;
	const char *text =
	    "# HELP http_requests_total Total requests.\n"
	    "# TYPE http_requests_total counter\n"
	    "http_requests_total{method=\"GET\",status=\"200\"} 1027 1395066363000\n"
	    "http_requests_total{method=\"POST\",status=\"500\"} 3\n"
	    "# A plain comment\n"
	    "up 1\n";

	assert_int_equal(parse_str(text, &g, &st), 0);
	assert_int_equal(st.samples, 3);
	assert_int_equal(st.lines, 6);
	assert_int_equal(st.bad_lines, 0);
	assert_int_equal(g.n, 3);
	assert_span(g.s[0].name, "http_requests_total");
	assert_int_equal(g.s[0].type, METRICS_COUNTER);
	assert_label(&g.s[0], "method", "GET");
	assert_label(&g.s[0], "status", "200");
	assert_true(g.s[0].value == 1027);
	assert_true(g.s[0].has_timestamp);
	assert_true(g.s[0].timestamp_ms == INT64_C(1395066363000));
	assert_int_equal(g.s[0].line, 3);
	assert_false(g.s[1].has_timestamp);
	assert_true(g.s[1].value == 3);
	assert_span(g.s[2].name, "up");
	assert_int_equal(g.s[2].type, METRICS_UNTYPED);
	assert_int_equal(g.s[2].labels.len, 0);
}

static void
format_label_escapes(void **state)
{
	struct got g;
	struct metrics_parse_stats st;
	struct metrics_span v;
	const char *text =
	    "msdos_file_access_time_seconds{path=\"C:\\\\DIR\\\\FILE.TXT\",error=\"Cannot find file:\\n\\\"FILE.TXT\\\"\"} 1.458255915e9\n"
	    "odd{a=\"}{,=\" , b = \"x\",} 2\n";

	assert_int_equal(parse_str(text, &g, &st), 0);
	assert_int_equal(g.n, 2);
	assert_label(&g.s[0], "path", "C:\\DIR\\FILE.TXT");
	assert_label(&g.s[0], "error", "Cannot find file:\n\"FILE.TXT\"");
	assert_true(g.s[0].value == 1458255915.0);
	/* Braces, commas and '=' inside a value; blanks and a trailing comma. */
	assert_label(&g.s[1], "a", "}{,=");
	assert_label(&g.s[1], "b", "x");
	assert_false(metrics_label_get(g.s[1].labels, "c", &v));
	/* A NUL inside a value never matches the end of the wanted string. */
	v.ptr = "a\0b";
	v.len = 3;
	assert_false(metrics_value_eq(v, "a"));
	assert_true(g.s[1].value == 2);
}

static void
format_special_values(void **state)
{
	struct got g;
	struct metrics_parse_stats st;
	const char *text =
	    "a NaN\n"
	    "b +Inf\n"
	    "c -Inf\n"
	    "d 1e3\n"
	    "e -1.5e-3 -5\n"
	    "f 12345678901234567890\n"
	    "g 0.1\n"
	    "h .5\n"
	    "i Inf\n";

	assert_int_equal(parse_str(text, &g, &st), 0);
	assert_int_equal(g.n, 9);
	assert_true(isnan(g.s[0].value));
	assert_true(isinf(g.s[1].value) && g.s[1].value > 0);
	assert_true(isinf(g.s[2].value) && g.s[2].value < 0);
	assert_true(g.s[3].value == 1000);
	assert_true(g.s[4].value == -1.5e-3);
	assert_true(g.s[4].timestamp_ms == -5);
	assert_true(g.s[5].value == 12345678901234567890.0);
	assert_true(g.s[6].value == 0.1);
	assert_true(g.s[7].value == 0.5);
	assert_true(isinf(g.s[8].value));
}

static void
format_numbers_are_exact(void **state)
{
	static const char *const cases[] = {
		"0.1", "123.456", "1e22", "1e23", "9007199254740993", "2.2250738585072014e-308",
		"0.000001", "3.14159265358979323846", "-0", "1.7976931348623157e308",
	};
	size_t i;
	double v;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_true(metrics_parse_double(cases[i], strlen(cases[i]), &v));
		if (v != strtod(cases[i], NULL))
			fail_msg("%s: %.17g != %.17g", cases[i], v, strtod(cases[i], NULL));
	}
	assert_false(metrics_parse_double("", 0, &v));
	assert_false(metrics_parse_double("1x", 2, &v));
	assert_false(metrics_parse_double("e5", 2, &v));
	assert_false(metrics_parse_double("+NaN", 4, &v));
	assert_false(metrics_parse_double("nan(1)", 6, &v));
	assert_false(metrics_parse_double(" 1", 2, &v));
}

static void
format_crlf_blank_lines_and_no_final_newline(void **state)
{
	struct got g;
	struct metrics_parse_stats st;
	const char *text =
	    "# TYPE x gauge\r\n"
	    "\r\n"
	    "   \n"
	    "x{a=\"1\"} 5\r\n"
	    "\n"
	    "\t y 6";

	assert_int_equal(parse_str(text, &g, &st), 0);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.s[0].type, METRICS_GAUGE);
	assert_label(&g.s[0], "a", "1");
	assert_true(g.s[0].value == 5);
	assert_int_equal(g.s[0].line, 4);
	assert_span(g.s[1].name, "y");
	assert_true(g.s[1].value == 6);
	assert_int_equal(st.lines, 6);
}

static void
format_histogram_and_summary(void **state)
{
	struct got g;
	struct metrics_parse_stats st;
	const char *text =
	    "# TYPE rpc_duration_seconds summary\n"
	    "rpc_duration_seconds{quantile=\"0.01\"} 3102\n"
	    "rpc_duration_seconds{quantile=\"0.99\"} 76656\n"
	    "rpc_duration_seconds_sum 1.7560473e+07\n"
	    "rpc_duration_seconds_count 2693\n"
	    "# TYPE http_request_duration_seconds histogram\n"
	    "http_request_duration_seconds_bucket{le=\"0.05\"} 24054\n"
	    "http_request_duration_seconds_bucket{le=\"+Inf\"} 144320\n"
	    "http_request_duration_seconds_sum 53423\n"
	    "http_request_duration_seconds_count 144320\n"
	    "http_request_duration_seconds_total 1\n";

	assert_int_equal(parse_str(text, &g, &st), 0);
	assert_int_equal(g.n, 9);
	assert_int_equal(g.s[0].type, METRICS_SUMMARY);
	assert_label(&g.s[1], "quantile", "0.99");
	assert_int_equal(g.s[2].type, METRICS_SUMMARY);
	assert_true(g.s[2].value == 1.7560473e+07);
	assert_int_equal(g.s[3].type, METRICS_SUMMARY);
	assert_int_equal(g.s[4].type, METRICS_HISTOGRAM);
	assert_label(&g.s[5], "le", "+Inf");
	assert_int_equal(g.s[6].type, METRICS_HISTOGRAM);
	assert_int_equal(g.s[7].type, METRICS_HISTOGRAM);
	/* Not a histogram suffix: untyped. */
	assert_int_equal(g.s[8].type, METRICS_UNTYPED);
}

static void
format_bad_lines_are_counted_and_skipped(void **state)
{
	struct got g;
	struct metrics_parse_stats st;
	const char *text =
	    "ok1 1\n"
	    "bad{a=\"x\"\n"
	    "bad2 abc\n"
	    "bad3{a=\"\\t\"} 1\n"
	    "bad4{1a=\"x\"} 1\n"
	    "bad5 1 2 3\n"
	    "bad6\n"
	    "# TYPE bad7 thing\n"
	    "bad-8 1\n"
	    "bad9 1 1.5\n"
	    "ok2{a=\"b\"} 2\n";

	assert_int_equal(parse_str(text, &g, &st), -1);
	assert_int_equal(st.bad_lines, 9);
	assert_string_equal(st.first_bad.msg, "line 2: missing '}'");
	assert_int_equal(g.n, 2);
	assert_span(g.s[0].name, "ok1");
	assert_span(g.s[1].name, "ok2");
	assert_int_equal(g.s[1].line, 11);
}

static void
format_bad_line_messages(void **state)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{ "x abc\n", "line 1: bad value \"abc\"" },
		{ "x{a=\"\\t\"} 1\n", "line 1: bad escape in a label value (only \\\\ \\\" \\n)" },
		{ "x{a=b} 1\n", "line 1: expected '\"' to open a label value" },
		{ "x{a=\"b\" c=\"d\"} 1\n", "line 1: expected ',' or '}' after a label value" },
		{ "x{a=\"b} 1\n", "line 1: unterminated label value" },
		{ "x\n", "line 1: missing value" },
		{ "x 1 12.5\n", "line 1: bad timestamp (integer milliseconds)" },
		{ "\n1x 1\n", "line 2: expected a metric name" },
		{ "# TYPE x bogus\n", "line 1: unknown metric type in TYPE line" },
		{ "x 1 2 3\n", "line 1: extra text after the timestamp" },
		{ "x \x1b[2J\n", "line 1: bad value \"?[2J\"" },
	};
	struct metrics_parse_stats st;
	struct got g;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(parse_str(cases[i].text, &g, &st), -1);
		assert_string_equal(st.first_bad.msg, cases[i].want);
	}
}

static int
stop_after_one(void *ctx, const struct metrics_sample *s)
{
	(*(int *)ctx)++;
	return 1;
}

static void
format_callback_can_stop(void **state)
{
	struct metrics_parse_stats st;
	int n = 0;
	const char *text = "a 1\nb 2\nc 3\n";

	metrics_parse(text, strlen(text), stop_after_one, &n, &st);
	assert_int_equal(n, 1);
	assert_int_equal(st.samples, 1);
}

/* ---- one scrape ---- */

static const char two_services[] =
    "# TYPE http_requests_total counter\n"
    "http_requests_total{service=\"api\",status=\"200\"} 900\n"
    "http_requests_total{service=\"api\",status=\"503\"} 60\n"
    "http_requests_total{service=\"api\",status=\"500\"} 40\n"
    "http_requests_total{service=\"jobs\",status=\"200\"} 500\n"
    "http_requests_total{service=\"jobs\",status=\"404\"} 5\n"
    "# TYPE http_request_duration_seconds histogram\n"
    "http_request_duration_seconds_bucket{service=\"api\",le=\"0.1\"} 100\n"
    "http_request_duration_seconds_bucket{service=\"api\",le=\"1\"} 900\n"
    "http_request_duration_seconds_bucket{service=\"api\",le=\"+Inf\"} 1000\n"
    "http_request_duration_seconds_sum{service=\"api\"} 420.5\n"
    "http_request_duration_seconds_count{service=\"api\"} 1000\n"
    "http_request_duration_seconds_bucket{service=\"jobs\",le=\"0.1\"} 505\n"
    "http_request_duration_seconds_bucket{service=\"jobs\",le=\"1\"} 505\n"
    "http_request_duration_seconds_bucket{service=\"jobs\",le=\"+Inf\"} 505\n"
    "http_request_duration_seconds_sum{service=\"jobs\"} 10\n"
    "http_request_duration_seconds_count{service=\"jobs\"} 505\n"
    "process_start_time_seconds 1700000000\n";

static void
scrape_sums_classes_and_buckets(void **state)
{
	struct metrics_scrape sc;

	scrape_str(two_services, NULL, &sc);
	assert_true(sc.has_requests);
	assert_string_equal(sc.status_label, "status");
	assert_true(sc.requests == 1505);
	assert_true(sc.requests_by_class[2] == 1400);
	assert_true(sc.requests_by_class[4] == 5);
	assert_true(sc.requests_by_class[5] == 100);
	assert_true(sc.has_histogram);
	assert_int_equal(sc.nbuckets, 3);
	assert_true(sc.buckets[0].le == 0.1 && sc.buckets[0].count == 605);
	assert_true(sc.buckets[1].le == 1 && sc.buckets[1].count == 1405);
	assert_true(isinf(sc.buckets[2].le) && sc.buckets[2].count == 1505);
	assert_true(sc.duration_count == 1505);
	assert_true(sc.duration_sum == 430.5);
	assert_true(sc.start_time == 1700000000);
}

static void
scrape_label_matcher(void **state)
{
	struct metrics_select sel = { .match_label = "service", .match_value = "api" };
	struct metrics_scrape sc;

	scrape_str(two_services, &sel, &sc);
	assert_true(sc.requests == 1000);
	assert_true(sc.requests_by_class[5] == 100);
	assert_true(sc.buckets[1].count == 900);
	assert_true(sc.duration_count == 1000);
	/* A matcher on a label the exporter does not have keeps nothing. */
	sel.match_label = "job";
	scrape_str(two_services, &sel, &sc);
	assert_false(sc.has_requests);
	assert_false(sc.has_histogram);
	assert_true(isnan(sc.duration_count));
}

static void
scrape_status_label_code_and_explicit(void **state)
{
	const char *text =
	    "http_requests_total{code=\"200\"} 10\n"
	    "http_requests_total{code=\"500\"} 2\n"
	    "my_requests{rc=\"5xx\"} 7\n"
	    "my_requests{rc=\"2xx\"} 3\n"
	    "my_requests{other=\"1\"} 1\n";
	struct metrics_select sel = { .requests = "my_requests", .status_label = "rc" };
	struct metrics_scrape sc;

	scrape_str(text, NULL, &sc);
	assert_string_equal(sc.status_label, "code");
	assert_true(sc.requests_by_class[5] == 2);
	assert_true(sc.requests == 12);
	scrape_str(text, &sel, &sc);
	assert_string_equal(sc.status_label, "rc");
	assert_true(sc.requests_by_class[5] == 7);
	assert_true(sc.requests_by_class[2] == 3);
	assert_true(sc.requests_by_class[0] == 1);   /* no status label */
	assert_true(sc.requests == 11);
}

static void
scrape_with_bad_lines_still_yields(void **state)
{
	const char *text =
	    "http_requests_total{status=\"200\"} 10\n"
	    "http_requests_total{status=\"500\" 2\n"
	    "http_request_duration_seconds_bucket{foo=\"1\"} 3\n"
	    "http_requests_total{status=\"503\"} 1\n";
	struct metrics_scrape sc;
	struct wr_err err = { "" };

	assert_int_equal(metrics_scrape_read(text, strlen(text), NULL, &sc, &err), -1);
	assert_string_equal(err.msg, "2 unreadable lines; first: line 2: expected ',' or '}' after a label value");
	assert_int_equal(sc.stats.bad_lines, 2);
	assert_true(sc.requests == 11);
	assert_true(sc.requests_by_class[5] == 1);
	assert_false(sc.has_histogram);
}

/* ---- two scrapes ---- */

static void
rates_hand_computed(void **state)
{
	const char *t0 =
	    "http_requests_total{status=\"200\"} 1000\n"
	    "http_requests_total{status=\"500\"} 10\n"
	    "http_request_duration_seconds_bucket{le=\"0.1\"} 500\n"
	    "http_request_duration_seconds_bucket{le=\"0.5\"} 900\n"
	    "http_request_duration_seconds_bucket{le=\"1\"} 1000\n"
	    "http_request_duration_seconds_bucket{le=\"+Inf\"} 1010\n";
	/* +600 requests, 30 of them 5xx (a new 503 series); buckets
	 * +100 +400 +590 +600: rank 570 lies in (0.5, 1]:
	 * 0.5 + 0.5 * (570 - 400) / (590 - 400) = 0.947368… s. */
	const char *t1 =
	    "http_requests_total{status=\"200\"} 1570\n"
	    "http_requests_total{status=\"500\"} 30\n"
	    "http_requests_total{status=\"503\"} 10\n"
	    "http_request_duration_seconds_bucket{le=\"0.1\"} 600\n"
	    "http_request_duration_seconds_bucket{le=\"0.5\"} 1300\n"
	    "http_request_duration_seconds_bucket{le=\"1\"} 1590\n"
	    "http_request_duration_seconds_bucket{le=\"+Inf\"} 1610\n";
	struct metrics_scrape a, b;
	struct metrics_rates r;
	struct wr_err err;

	scrape_str(t0, NULL, &a);
	scrape_str(t1, NULL, &b);
	assert_int_equal(metrics_rates_compute(&a, &b, 60, &r, &err), 0);
	assert_false(r.reset);
	assert_true(r.requests == 600);
	assert_true(r.errors == 30);
	assert_near(r.error_rate, 0.05, 1e-12);
	assert_near(r.request_rate, 10, 1e-12);
	assert_near(r.p95_s, 0.5 + 0.5 * 170.0 / 190.0, 1e-12);
	assert_int_equal(r.nbuckets, 4);
	assert_true(r.buckets[3].count == 600);
}

static void
rates_counter_reset(void **state)
{
	const char *before =
	    "http_requests_total{status=\"200\"} 50000\n"
	    "http_requests_total{status=\"500\"} 100\n"
	    "http_request_duration_seconds_bucket{le=\"1\"} 50000\n"
	    "http_request_duration_seconds_bucket{le=\"+Inf\"} 50100\n";
	/* The process restarted: the current values are the increase. */
	const char *after =
	    "http_requests_total{status=\"200\"} 90\n"
	    "http_requests_total{status=\"500\"} 10\n"
	    "http_request_duration_seconds_bucket{le=\"1\"} 80\n"
	    "http_request_duration_seconds_bucket{le=\"+Inf\"} 100\n";
	struct metrics_scrape a, b;
	struct metrics_rates r;

	scrape_str(before, NULL, &a);
	scrape_str(after, NULL, &b);
	assert_int_equal(metrics_rates_compute(&a, &b, 10, &r, NULL), 0);
	assert_true(r.reset);
	assert_true(r.requests == 100);
	assert_near(r.error_rate, 0.10, 1e-12);
	assert_near(r.request_rate, 10, 1e-12);
	/* rank 95 in (1, +Inf]: the highest finite bound. */
	assert_true(r.p95_s == 1);
}

static void
rates_reset_seen_by_start_time(void **state)
{
	/* Every counter grew, but the process is a new one: a reset. */
	const char *before =
	    "http_requests_total{status=\"200\"} 10\n"
	    "http_requests_total{status=\"500\"} 1\n"
	    "process_start_time_seconds 1000\n";
	const char *after =
	    "http_requests_total{status=\"200\"} 20\n"
	    "http_requests_total{status=\"500\"} 5\n"
	    "process_start_time_seconds 2000\n";
	struct metrics_scrape a, b;
	struct metrics_rates r;

	scrape_str(before, NULL, &a);
	scrape_str(after, NULL, &b);
	assert_int_equal(metrics_rates_compute(&a, &b, 5, &r, NULL), 0);
	assert_true(r.reset);
	assert_true(r.requests == 25);
	assert_near(r.error_rate, 0.2, 1e-12);
	assert_true(isnan(r.p95_s));
}

static void
rates_empty_interval_is_no_data(void **state)
{
	struct metrics_scrape a, none;
	struct metrics_rates r;
	struct wr_err err = { "" };

	scrape_str(two_services, NULL, &a);
	assert_int_equal(metrics_rates_compute(&a, &a, 15, &r, &err), 0);
	assert_true(r.requests == 0);
	assert_true(r.request_rate == 0);
	assert_true(isnan(r.error_rate));
	assert_true(isnan(r.p95_s));
	/* No counter at all: every figure is no data, not 0. */
	scrape_str("other_metric 1\n", NULL, &none);
	assert_int_equal(metrics_rates_compute(&none, &none, 15, &r, &err), 0);
	assert_true(isnan(r.requests));
	assert_true(isnan(r.request_rate));
	assert_true(isnan(r.error_rate));
	assert_int_equal(metrics_rates_compute(&a, &a, 0, &r, &err), -1);
	assert_string_equal(err.msg, "interval must be positive, not 0 s");
}

static void
quantile_like_histogram_quantile(void **state)
{
	struct metrics_bucket simple[] = { { 1, 10 }, { 2, 20 }, { INFINITY, 20 } };
	struct metrics_bucket in_inf[] = { { 1, 10 }, { INFINITY, 20 } };
	struct metrics_bucket no_inf[] = { { 1, 10 }, { 2, 20 } };
	struct metrics_bucket empty[] = { { 1, 0 }, { INFINITY, 0 } };
	struct metrics_bucket dip[] = { { 1, 10 }, { 2, 8 }, { INFINITY, 20 } };
	struct metrics_bucket zero_le[] = { { 0, 5 }, { INFINITY, 10 } };
	struct metrics_bucket only_inf[] = { { INFINITY, 10 } };

	assert_true(metrics_quantile(0.5, simple, 3) == 1.0);
	assert_true(metrics_quantile(0.75, simple, 3) == 1.5);
	assert_near(metrics_quantile(0.95, simple, 3), 1.9, 1e-12);
	assert_true(metrics_quantile(0.95, in_inf, 2) == 1);
	assert_true(isnan(metrics_quantile(0.95, no_inf, 2)));
	assert_true(isnan(metrics_quantile(0.95, empty, 2)));
	assert_true(isnan(metrics_quantile(0.95, only_inf, 1)));
	assert_true(isnan(metrics_quantile(0.95, simple, 0)));
	assert_true(isnan(metrics_quantile(NAN, simple, 3)));
	assert_true(metrics_quantile(1.5, simple, 3) == INFINITY);
	assert_true(metrics_quantile(-1, simple, 3) == -INFINITY);
	/* Counts forced monotonic: the 8 reads as 10. */
	assert_true(metrics_quantile(0.5, dip, 3) == 1.0);
	/* ... and 10, 10, 20 puts rank 15 in the +Inf bucket. */
	assert_true(metrics_quantile(0.75, dip, 3) == 2.0);
	assert_true(metrics_quantile(0.2, zero_le, 2) == 0);
}

/* ---- the fixture fleet's recorded /metrics ---- */

static void
fleet_bad_tag_gives_8_percent_and_1_5_s(void **state)
{
	struct metrics_scrape a, b;
	struct metrics_rates r;

	scrape_file("tests/unit/fixtures/metrics/fleet_bad_t0.prom", NULL, &a);
	scrape_file("tests/unit/fixtures/metrics/fleet_bad_t10.prom", NULL, &b);
	assert_string_equal(b.status_label, "status");
	assert_int_equal(b.nbuckets, 12);
	assert_int_equal(metrics_rates_compute(&a, &b, 10, &r, NULL), 0);
	assert_false(r.reset);
	/* 20 req/s for 10 s: 200 requests, 16 of them 500/503. */
	assert_true(r.requests == 200);
	assert_true(r.errors == 16);
	assert_near(r.error_rate, 0.08, 1e-12);
	assert_near(r.request_rate, 20, 1e-12);
	/* Bucket deltas 186 (≤ 1 s) and 198 (≤ 2.5 s) of 200: rank 190 →
	 * 1 + 1.5 * 4 / 12 = 1.5 s, PROFILES["bad"] in fleetstate.py. */
	assert_near(r.p95_s, 1.5, 1e-12);
}

static void
fleet_good_tag_is_healthy(void **state)
{
	struct metrics_scrape a, b;
	struct metrics_rates r;

	scrape_file("tests/unit/fixtures/metrics/fleet_good_t0.prom", NULL, &a);
	scrape_file("tests/unit/fixtures/metrics/fleet_good_t3.prom", NULL, &b);
	assert_int_equal(metrics_rates_compute(&a, &b, 3, &r, NULL), 0);
	assert_true(r.requests == 60);
	assert_true(r.error_rate == 0);
	assert_true(r.p95_s > 0.1 && r.p95_s < 0.25);
}

static void
fleet_code_label_is_detected(void **state)
{
	struct metrics_scrape a, b;
	struct metrics_rates r;

	scrape_file("tests/unit/fixtures/metrics/fleet_code_t0.prom", NULL, &a);
	scrape_file("tests/unit/fixtures/metrics/fleet_code_t5.prom", NULL, &b);
	assert_string_equal(b.status_label, "code");
	assert_int_equal(metrics_rates_compute(&a, &b, 5, &r, NULL), 0);
	assert_true(r.requests == 100);
	assert_near(r.error_rate, 0.08, 1e-12);
	assert_near(r.p95_s, 1.5, 0.2);
}

/* ---- /api/v1/query ---- */

static int
query(const char *json, struct metrics_query *q, struct wr_err *err)
{
	return metrics_query_parse(json, strlen(json), q, err);
}

static void
query_vector_and_scalar(void **state)
{
	struct metrics_query q;
	struct wr_err err = { "" };

	assert_int_equal(query("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
	    "\"result\":[{\"metric\":{},\"value\":[1717243200.123,\"0.0791\"]}]}}", &q, &err), 0);
	assert_int_equal(q.nseries, 1);
	assert_true(q.value == 0.0791);
	assert_true(q.timestamp == 1717243200.123);
	assert_int_equal(query("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\","
	    "\"result\":[1717243200,\"1.5\"]}}", &q, &err), 0);
	assert_int_equal(q.nseries, 1);
	assert_true(q.value == 1.5);
	assert_int_equal(query("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
	    "\"result\":[{\"metric\":{\"le\":\"x\"},\"value\":[1,\"NaN\"]}]}}", &q, &err), 0);
	assert_true(isnan(q.value));
	assert_int_equal(query("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
	    "\"result\":[{\"metric\":{},\"value\":[1,\"+Inf\"]}]}}", &q, &err), 0);
	assert_true(q.value == INFINITY);
	assert_int_equal(query("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\","
	    "\"result\":[1,\"-Inf\"]}}", &q, &err), 0);
	assert_true(q.value == -INFINITY);
	/* No series matched: no data, not an error and not 0. */
	assert_int_equal(query("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
	    "\"result\":[]}}", &q, &err), 0);
	assert_int_equal(q.nseries, 0);
	assert_true(isnan(q.value));
}

static void
query_errors(void **state)
{
	static const struct {
		const char *json, *want;
	} cases[] = {
		{ "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":"
		  "\"invalid parameter \\\"query\\\": 1:5: parse error: unexpected <EOF>\"}",
		  "Prometheus query failed (bad_data): invalid parameter \"query\": 1:5: parse error: unexpected <EOF>" },
		{ "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\\u001b[2J\"}",
		  "Prometheus query failed (timeout): query timed out?[2J" },
		{ "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
		  "{\"metric\":{\"host\":\"h1\"},\"value\":[1,\"0.1\"]},"
		  "{\"metric\":{\"host\":\"h2\"},\"value\":[1,\"0.2\"]},"
		  "{\"metric\":{\"host\":\"h3\"},\"value\":[1,\"0.3\"]}]}}",
		  "Prometheus query returned 3 series; aggregate it to one (e.g. sum(...))" },
		{ "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}",
		  "Prometheus answered a range vector (matrix); want an instant vector or scalar" },
		{ "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1,\"hello\"]}}",
		  "Prometheus answered a string; want an instant vector or scalar" },
		{ "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"fast\"]}}",
		  "Prometheus answer: bad sample value \"fast\"" },
		{ "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,2]}}",
		  "Prometheus answer: a sample is not [time, \"value\"]" },
		{ "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{}}]}}",
		  "Prometheus answer: a sample is not [time, \"value\"]" },
		{ "{\"status\":\"success\"}", "Prometheus answer has no data.resultType/result" },
		{ "{\"data\":{}}", "Prometheus answer has no \"status\"" },
		{ "[1,2]", "Prometheus answer is not a JSON object" },
		{ "<html>502 Bad Gateway</html>", "Prometheus answer is not valid JSON" },
		{ "{\"status\":\"success\",", "Prometheus answer is not valid JSON" },
	};
	struct metrics_query q;
	struct wr_err err;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		err.msg[0] = '\0';
		assert_int_equal(query(cases[i].json, &q, &err), -1);
		assert_string_equal(err.msg, cases[i].want);
		assert_true(isnan(q.value));
		/* Only Prometheus's own error answers are its words. */
		assert_true(q.refused == (strstr(cases[i].json, "\"status\":\"error\"") != NULL));
	}
	assert_int_equal(query("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\","
	    "\"result\":[1,\"1.5\"]}}", &q, &err), 0);
	assert_false(q.refused);
}

/* A query that ran but gave no figure says why: no series (with the name
 * {host} became, the usual mistake, and the other cause: Prometheus
 * dropped h4's series once its scrapes failed and the words blamed the
 * config alone), or NaN. */
static void
query_empty_reasons(void **state)
{
	char out[256];

	(void)state;
	metrics_query_why_empty("error-rate", 0, "helm", out, sizeof(out));
	assert_string_equal(out, "the error-rate query matched no series (is {host} the label "
	    "value? it was 'helm') or Prometheus no longer has helm's series (its scrapes "
	    "failing?)");
	metrics_query_why_empty("p95", 0, NULL, out, sizeof(out));
	assert_string_equal(out, "the p95 query matched no series (a label matching nothing, or "
	    "Prometheus no longer has the series: its scrapes failing?)");
	metrics_query_why_empty("p95", 1, "h1", out, sizeof(out));
	assert_string_equal(out, "the p95 query's value is NaN (no requests in its window?)");
}

/* up_query's answer: 0, nothing or NaN is a host Prometheus cannot vouch
 * for (stale rate() figures shown as live for a minute after h4's
 * scrapes began failing); any value above 0 is scraped. */
static void
up_query_answers(void **state)
{
	char out[256];

	(void)state;
	assert_true(metrics_up_failing(0, 1, "h4", true, out, sizeof(out)));
	assert_string_equal(out, "Prometheus cannot scrape h4 (up is 0)");
	assert_true(metrics_up_failing(-1, 1, "h4", true, out, sizeof(out)));
	assert_string_equal(out, "Prometheus cannot scrape h4 (up is -1)");
	assert_true(metrics_up_failing(NAN, 0, "h4", true, out, sizeof(out)));
	assert_string_equal(out, "Prometheus has no scrape target for h4: the up query matched "
	    "no series (is {host} the label value? it was 'h4')");
	assert_true(metrics_up_failing(NAN, 0, "h4", false, out, sizeof(out)));
	assert_string_equal(out, "Prometheus has no scrape target for h4: the up query matched "
	    "no series");
	assert_true(metrics_up_failing(NAN, 1, "h4", true, out, sizeof(out)));
	assert_string_equal(out, "Prometheus cannot say it scrapes h4 (up is NaN)");
	out[0] = 'x';
	assert_false(metrics_up_failing(1, 1, "h4", true, out, sizeof(out)));
	assert_string_equal(out, "");
	/* min(up) over two targets, or avg: one still scraped is not "cannot". */
	assert_false(metrics_up_failing(0.5, 1, "h4", true, out, sizeof(out)));
}

/* The window a query's figures reach back over: its longest range
 * selector, a subquery's range too; brackets inside strings and comments
 * are none. 0: no range (a recording rule, say). */
static void
query_range_is_the_longest_selector(void **state)
{
	(void)state;
	assert_int_equal(metrics_query_range_s("sum(rate(http_requests_total{host=\"h1\","
	    "status=~\"5..\"}[1m])) / sum(rate(http_requests_total{host=\"h1\"}[1m]))"), 60);
	assert_int_equal(metrics_query_range_s("rate(a[10s]) / rate(b[5m])"), 300);
	assert_int_equal(metrics_query_range_s("rate(a[1h30m])"), 5400);
	assert_int_equal(metrics_query_range_s("rate(a[ 2m ])"), 120);
	assert_int_equal(metrics_query_range_s("rate(a[1500ms])"), 2);
	assert_int_equal(metrics_query_range_s("rate(a[1d]) + rate(b[1w])"), 7 * 86400);
	assert_int_equal(metrics_query_range_s("max_over_time(rate(a[1m])[30m:1m])"), 1800);
	assert_int_equal(metrics_query_range_s("max_over_time(rate(a[1m])[10m:])"), 600);
	assert_int_equal(metrics_query_range_s("rate(a[90])"), 90);
	/* A regex's class and a comment hold no range. */
	assert_int_equal(metrics_query_range_s("rate(a{path=~\"/v[0-9]+/x\\\"[9h]\"}[1m])"), 60);
	assert_int_equal(metrics_query_range_s("rate(a{p='[2h]'}[20s]) # [1h]"), 20);
	assert_int_equal(metrics_query_range_s("job:errors:ratio_rate5m{host=\"h1\"}"), 0);
	assert_int_equal(metrics_query_range_s("a[x]"), 0);
	assert_int_equal(metrics_query_range_s(""), 0);
}

/* an error-rate query answering -0.5 gave "OK below thresholds: error
 * rate -50%", +Inf "ROLLBACK IMMEDIATELY error rate inf%". A figure its
 * query's unit cannot hold is no figure, and says why. */
static void
query_values_that_cannot_be(void **state)
{
	char why[256];

	(void)state;
	assert_false(metrics_query_value_ok(WR_QUERY_ERROR_RATE, -0.5, why, sizeof(why)));
	assert_string_equal(why, "the error-rate query gave -0.5: not a ratio between 0 and 1");
	assert_false(metrics_query_value_ok(WR_QUERY_ERROR_RATE, INFINITY, why, sizeof(why)));
	assert_string_equal(why, "the error-rate query gave +Inf: not a ratio between 0 and 1");
	/* A percentage where the man page asks for a ratio. */
	assert_false(metrics_query_value_ok(WR_QUERY_ERROR_RATE, 5, why, sizeof(why)));
	assert_string_equal(why, "the error-rate query gave 5: not a ratio between 0 and 1 "
	    "(a percentage? 5% is 0.05)");
	assert_false(metrics_query_value_ok(WR_QUERY_P95, -0.2, why, sizeof(why)));
	assert_string_equal(why, "the p95 query gave -0.2: not a latency in seconds");
	assert_false(metrics_query_value_ok(WR_QUERY_P95, INFINITY, why, sizeof(why)));
	assert_string_equal(why, "the p95 query gave +Inf: not a latency in seconds");
	assert_false(metrics_query_value_ok(WR_QUERY_REQUEST_RATE, -INFINITY, why, sizeof(why)));
	assert_string_equal(why, "the request-rate query gave -Inf: not requests per second");
	/* The bounds themselves, and what rounding puts past them, are figures:
	 * every request failing must never read as no data. */
	assert_true(metrics_query_value_ok(WR_QUERY_ERROR_RATE, 0, why, sizeof(why)));
	assert_true(metrics_query_value_ok(WR_QUERY_ERROR_RATE, 1, why, sizeof(why)));
	assert_true(metrics_query_value_ok(WR_QUERY_ERROR_RATE, 1.0000000000000002, why,
	    sizeof(why)));
	assert_true(metrics_query_value_ok(WR_QUERY_ERROR_RATE, 1.004, why, sizeof(why)));
	assert_false(metrics_query_value_ok(WR_QUERY_ERROR_RATE, 1.5, why, sizeof(why)));
	assert_true(metrics_query_value_ok(WR_QUERY_ERROR_RATE, -2e-16, why, sizeof(why)));
	assert_true(metrics_query_value_ok(WR_QUERY_P95, 0, why, sizeof(why)));
	assert_true(metrics_query_value_ok(WR_QUERY_P95, 31.5, why, sizeof(why)));
	assert_true(metrics_query_value_ok(WR_QUERY_REQUEST_RATE, 2000, why, sizeof(why)));
}

static struct metrics_prom_answer
answered(double v)
{
	return (struct metrics_prom_answer){ .asked = true, .value = v, .nseries = 1, .error = "" };
}

/* only the first failing query was explained, and a failing
 * request_rate_query never: the req/s figure just vanished. Every query
 * that gave no figure is named, in query order; one failure of the server
 * or the way there that every query met is said once. */
static void
prom_round_names_every_failing_query(void **state)
{
	struct metrics_prom_answer a[WR_QUERY_COUNT];
	const bool has_host[WR_QUERY_COUNT] = { true, true, true };
	double fig[WR_QUERY_COUNT];
	char why[768];
	size_t at[WR_QUERY_COUNT];

	(void)state;
	a[WR_QUERY_UP] = (struct metrics_prom_answer){ .asked = false, .value = NAN };
	a[WR_QUERY_ERROR_RATE] = answered(0.0204);
	a[WR_QUERY_P95] = answered(0.182);
	a[WR_QUERY_REQUEST_RATE] = answered(20.4);
	metrics_prom_round(a, "h1", has_host, fig, why, sizeof(why), NULL);
	assert_string_equal(why, "");
	assert_true(fig[WR_QUERY_ERROR_RATE] == 0.0204 && fig[WR_QUERY_P95] == 0.182 &&
	    fig[WR_QUERY_REQUEST_RATE] == 20.4);

	/* A range vector for the request rate: said, not silent. */
	a[WR_QUERY_REQUEST_RATE] = (struct metrics_prom_answer){ .asked = true, .value = NAN,
		.error = "Prometheus answered a range vector (matrix); want an instant vector "
		"or scalar", .bad_answer = true };
	metrics_prom_round(a, "h3", has_host, fig, why, sizeof(why), NULL);
	assert_string_equal(why, "prometheus: request_rate_query: Prometheus answered a range "
	    "vector (matrix); want an instant vector or scalar");
	assert_true(fig[WR_QUERY_ERROR_RATE] == 0.0204);
	assert_true(isnan(fig[WR_QUERY_REQUEST_RATE]));

	/* A misspelt metric (no series), a wrong label (no series), and
	 * the request rate NaN: each named. */
	a[WR_QUERY_ERROR_RATE] = (struct metrics_prom_answer){ .asked = true, .value = NAN,
		.error = "" };
	a[WR_QUERY_P95] = a[WR_QUERY_ERROR_RATE];
	a[WR_QUERY_REQUEST_RATE] = (struct metrics_prom_answer){ .asked = true, .value = NAN,
		.nseries = 1, .error = "" };
	assert_int_equal(metrics_prom_round(a, "h1", has_host, fig, why, sizeof(why), at), 3);
	assert_string_equal(why, "prometheus: the error-rate query matched no series (is {host} "
	    "the label value? it was 'h1') or Prometheus no longer has h1's series (its scrapes "
	    "failing?); the p95 query matched no series (is {host} the label value? it was 'h1') "
	    "or Prometheus no longer has h1's series (its scrapes failing?); the request-rate "
	    "query's value is NaN (no requests in its window?)");
	/* Where each begins: a line of its own in METRICS. */
	assert_int_equal(at[0], 0);
	assert_true(strncmp(why + at[1], "the p95 query matched", 21) == 0);
	assert_true(strncmp(why + at[2], "the request-rate query's value", 30) == 0);

	/* Values their unit cannot hold are no figures, each said. */
	a[WR_QUERY_ERROR_RATE] = answered(-0.5);
	a[WR_QUERY_P95] = answered(INFINITY);
	a[WR_QUERY_REQUEST_RATE] = answered(3);
	metrics_prom_round(a, "h4", has_host, fig, why, sizeof(why), NULL);
	assert_string_equal(why, "prometheus: the error-rate query gave -0.5: not a ratio "
	    "between 0 and 1; the p95 query gave +Inf: not a latency in seconds");
	assert_true(isnan(fig[WR_QUERY_ERROR_RATE]) && isnan(fig[WR_QUERY_P95]));
	assert_true(fig[WR_QUERY_REQUEST_RATE] == 3);

	/* The server's own failure, met by every query: once. */
	a[WR_QUERY_ERROR_RATE] = (struct metrics_prom_answer){ .asked = true, .value = NAN,
		.error = "HTTP 404: is prometheus_url right? it should be the server's base URL" };
	a[WR_QUERY_P95] = a[WR_QUERY_REQUEST_RATE] = a[WR_QUERY_ERROR_RATE];
	metrics_prom_round(a, "h1", has_host, fig, why, sizeof(why), NULL);
	assert_string_equal(why, "prometheus: HTTP 404: is prometheus_url right? it should be "
	    "the server's base URL");
	/* … by some of them: named. */
	a[WR_QUERY_P95] = answered(0.2);
	a[WR_QUERY_REQUEST_RATE].asked = false;
	a[WR_QUERY_ERROR_RATE].error = "Operation timed out after 5000 milliseconds";
	metrics_prom_round(a, "h1", has_host, fig, why, sizeof(why), NULL);
	assert_string_equal(why, "prometheus: error_rate_query: Operation timed out after 5000 "
	    "milliseconds");
	assert_true(isnan(fig[WR_QUERY_REQUEST_RATE]));
}

/* up_query in the same round: when it says Prometheus cannot vouch for
 * the host, no figure is live (rate() answers from the last good samples)
 * and that is said first, then every other query that gave none; when it
 * fails, it is named with the others, and it alone takes the figures. */
static void
prom_round_up_query(void **state)
{
	struct metrics_prom_answer a[WR_QUERY_COUNT];
	const bool has_host[WR_QUERY_COUNT] = { true, true, true, true };
	double fig[WR_QUERY_COUNT];
	char why[768];
	size_t at[WR_QUERY_COUNT];

	(void)state;
	a[WR_QUERY_ERROR_RATE] = answered(0.0204);
	a[WR_QUERY_P95] = answered(0.182);
	a[WR_QUERY_REQUEST_RATE] = answered(20.4);
	a[WR_QUERY_UP] = answered(1);
	assert_int_equal(metrics_prom_round(a, "h4", has_host, fig, why, sizeof(why), at), 0);
	assert_string_equal(why, "");
	assert_true(fig[WR_QUERY_ERROR_RATE] == 0.0204 && fig[WR_QUERY_UP] == 1);

	/* up 0: the stale figures are none, and it says so alone. */
	a[WR_QUERY_UP] = answered(0);
	assert_int_equal(metrics_prom_round(a, "h4", has_host, fig, why, sizeof(why), at), 1);
	assert_string_equal(why, "Prometheus cannot scrape h4 (up is 0)");
	assert_true(isnan(fig[WR_QUERY_ERROR_RATE]) && isnan(fig[WR_QUERY_P95]) &&
	    isnan(fig[WR_QUERY_REQUEST_RATE]) && isnan(fig[WR_QUERY_UP]));

	/* … first, then a query that failed on its own and one out of range. */
	a[WR_QUERY_P95] = (struct metrics_prom_answer){ .asked = true, .value = NAN,
		.error = "bad_data: parse error", .bad_answer = true };
	a[WR_QUERY_REQUEST_RATE] = answered(-3);
	assert_int_equal(metrics_prom_round(a, "h4", has_host, fig, why, sizeof(why), at), 3);
	assert_string_equal(why, "Prometheus cannot scrape h4 (up is 0); p95_query: bad_data: "
	    "parse error; the request-rate query gave -3: not requests per second");
	assert_int_equal(at[0], 0);
	assert_true(strncmp(why + at[1], "p95_query:", 10) == 0);
	assert_true(strncmp(why + at[2], "the request-rate query gave", 27) == 0);

	/* No target for the up query: said with the hint. */
	a[WR_QUERY_P95] = answered(0.182);
	a[WR_QUERY_REQUEST_RATE] = answered(20.4);
	a[WR_QUERY_UP] = (struct metrics_prom_answer){ .asked = true, .value = NAN, .error = "" };
	metrics_prom_round(a, "h4", has_host, fig, why, sizeof(why), NULL);
	assert_string_equal(why, "Prometheus has no scrape target for h4: the up query matched "
	    "no series (is {host} the label value? it was 'h4')");
	assert_true(isnan(fig[WR_QUERY_ERROR_RATE]));

	/* The up query itself refused: named, and the figures are none. */
	a[WR_QUERY_UP] = (struct metrics_prom_answer){ .asked = true, .value = NAN,
		.error = "Prometheus answered a range vector (matrix); want an instant vector "
		"or scalar", .bad_answer = true };
	assert_int_equal(metrics_prom_round(a, "h4", has_host, fig, why, sizeof(why), at), 1);
	assert_string_equal(why, "prometheus: up_query: Prometheus answered a range vector "
	    "(matrix); want an instant vector or scalar");
	assert_true(isnan(fig[WR_QUERY_ERROR_RATE]) && isnan(fig[WR_QUERY_UP]));

	/* The server down for every query, up's too: once. */
	a[WR_QUERY_UP] = (struct metrics_prom_answer){ .asked = true, .value = NAN,
		.error = "Connection refused" };
	a[WR_QUERY_ERROR_RATE] = a[WR_QUERY_P95] = a[WR_QUERY_REQUEST_RATE] = a[WR_QUERY_UP];
	metrics_prom_round(a, "h4", has_host, fig, why, sizeof(why), NULL);
	assert_string_equal(why, "prometheus: Connection refused");
	/* … for up's alone: named, and the figures that came are not live. */
	a[WR_QUERY_ERROR_RATE] = answered(0.0204);
	a[WR_QUERY_P95] = answered(0.182);
	a[WR_QUERY_REQUEST_RATE] = answered(20.4);
	metrics_prom_round(a, "h4", has_host, fig, why, sizeof(why), NULL);
	assert_string_equal(why, "prometheus: up_query: Connection refused");
	assert_true(isnan(fig[WR_QUERY_ERROR_RATE]) && isnan(fig[WR_QUERY_P95]));
}

/* A Prometheus status that is no answer of Prometheus's own says where
 * to look, as health_url's does. */
static void
prom_http_reasons(void **state)
{
	char out[200];

	(void)state;
	metrics_prom_http_why(404, out, sizeof(out));
	assert_string_equal(out, "HTTP 404: is prometheus_url right? it should be the "
	    "server's base URL");
	metrics_prom_http_why(302, out, sizeof(out));
	assert_string_equal(out, "HTTP 302: is prometheus_url right? it should be the "
	    "server's base URL");
	metrics_prom_http_why(502, out, sizeof(out));
	assert_string_equal(out, "HTTP 502");
}

/* A metrics_url that refuses says what was sent: an unset token variable
 * is named, not left as a bare 401. */
static void
http_refusal_reasons(void **state)
{
	char out[256];

	(void)state;
	metrics_http_why(401, "QA_METRICS_TOKEN", false, false, out, sizeof(out));
	assert_string_equal(out, "metrics: HTTP 401: $QA_METRICS_TOKEN is not set "
	    "(metrics_token_env), so no token was sent");
	metrics_http_why(403, "", false, true, out, sizeof(out));
	assert_string_equal(out, "metrics: HTTP 403: the token was refused");
	metrics_http_why(401, "", true, false, out, sizeof(out));
	assert_string_equal(out, "metrics: HTTP 401: the metrics_token_file could not be read "
	    "at start, so no token was sent");
	metrics_http_why(401, "", false, false, out, sizeof(out));
	assert_string_equal(out, "metrics: HTTP 401: the endpoint wants a token (set "
	    "metrics_token_env or metrics_token_file)");
	metrics_http_why(302, "T", false, false, out, sizeof(out));
	assert_string_equal(out, "metrics: HTTP 302");
}

/* ---- the fast paths against the plain ones ---- */

static uint64_t rng_state = UINT64_C(0x9e3779b97f4a7c15);

static unsigned
rng(unsigned n)
{
	return (unsigned)(xorshift64(&rng_state) % n);
}

/* One sample line as read alone (no line before it to resume from):
 * name and labels as offsets into the line, the value's bits, the bad
 * line's message without its "line N: ". */
struct one {
	int rc;
	size_t name_off, name_len, labels_off, labels_len;
	uint64_t value_bits;
	bool has_ts;
	int64_t ts;
	char why[256];
};

static int
collect_one(void *ctx, const struct metrics_sample *s)
{
	struct metrics_sample *out = ctx;

	*out = *s;
	return 0;
}

/* Parse text[0..len) (the last line at offset at) into o, looking only at
 * the last line's sample. The copy is exactly len bytes on the heap, so
 * the fast paths' reads near the end of the buffer are checked too. */
static void
parse_last(const char *text, size_t len, size_t at, struct one *o)
{
	struct metrics_parse_stats st;
	struct metrics_sample smp;
	char *buf = malloc(len + 1);
	const char *why;

	assert_non_null(buf);
	memcpy(buf, text, len);
	memset(&smp, 0, sizeof(smp));
	memset(o, 0, sizeof(*o));
	o->rc = metrics_parse(buf, len, collect_one, &smp, &st);
	if (smp.name.ptr >= buf + at) {
		o->name_off = (size_t)(smp.name.ptr - (buf + at));
		o->name_len = smp.name.len;
		o->labels_off = smp.labels.len > 0 ? (size_t)(smp.labels.ptr - (buf + at)) : 0;
		o->labels_len = smp.labels.len;
		memcpy(&o->value_bits, &smp.value, sizeof(o->value_bits));
		o->has_ts = smp.has_timestamp;
		o->ts = smp.timestamp_ms;
	}
	why = strchr(st.first_bad.msg, ':');
	snprintf(o->why, sizeof(o->why), "%s", why != NULL ? why : "");
	free(buf);
}

static void
assert_same_one(const struct one *a, const struct one *b, const char *line)
{
	if (a->rc != b->rc || a->name_off != b->name_off || a->name_len != b->name_len ||
	    a->labels_off != b->labels_off || a->labels_len != b->labels_len ||
	    a->value_bits != b->value_bits || a->has_ts != b->has_ts ||
	    a->ts != b->ts || strcmp(a->why, b->why) != 0)
		fail_msg("differs after a template line: \"%s\" (\"%s\" vs \"%s\")",
		    line, a->why, b->why);
}

/* line[ll] read after prev[pl] (resumed from it) reads as it does alone,
 * which *alone gets; prev must be a good line (a bad line before would be
 * the first message). */
static void
assert_resumes_alike(const char *prev, size_t pl, char *line, size_t ll, struct one *alone)
{
	char two[520];
	struct one after;

	parse_last(line, ll, 0, alone);
	memcpy(two, prev, pl);
	two[pl] = '\n';
	memcpy(two + pl + 1, line, ll);
	parse_last(two, pl + 1 + ll, pl + 1, &after);
	line[ll] = '\0';
	assert_same_one(alone, &after, line);
}

/* A line read after a similar line (resumed from it) reads as it does
 * alone: mutations of a line at every byte, escapes everywhere. */
static void
fast_resume_matches_a_fresh_parse(void **state)
{
	static const char *const bases[] = {
		"http_requests_total{service=\"svc-12\",method=\"GET\",path=\"/api/v1/orders/3\",status=\"200\"} 1027",
		"x_bucket{le=\"0.5\"} 3 1717243200000",
		"app_info{note=\"a \\\"quoted\\\" \\\\ path\\n\",version=\"v1\" , } 1",
		"m { a = \"1\" ,b=\"\" } -0",
	};
	static const char subst[] = "0123456789az_:\"\\ ,{}=\t#.e\rn";
	char prev[256], line[256];
	size_t b, i, pl, ll, round;
	struct one alone;

	(void)state;
	for (b = 0; b < sizeof(bases) / sizeof(bases[0]); b++) {
		pl = strlen(bases[b]);
		memcpy(prev, bases[b], pl);
		for (i = 0; i <= pl; i++) {
			for (round = 0; round < sizeof(subst) - 1 + 3; round++) {
				memcpy(line, prev, pl);
				ll = pl;
				if (round < sizeof(subst) - 1 && i < pl)
					line[i] = subst[round];              /* change */
				else if (round == sizeof(subst) - 1 && i < pl) {
					memmove(line + i, line + i + 1, pl - i - 1);
					ll--;                                /* delete */
				} else if (round == sizeof(subst)) {
					memmove(line + i + 2, line + i, pl - i);
					memcpy(line + i, "\\\"", 2);         /* insert an escape */
					ll += 2;
				} else
					ll = i;                              /* cut */
				/* The base lines are good. */
				assert_resumes_alike(prev, pl, line, ll, &alone);
			}
		}
	}
}

/* Random lines, each a mutation of the one before, read in one payload
 * and again each after its own predecessor only. */
static void
fast_resume_random_chains(void **state)
{
	char prev[256], line[256];
	size_t pl = 0, ll, n, i;
	struct one alone, before;

	(void)state;
	strcpy(prev, "a_b{c=\"d\",e=\"f\\\\g\",hh=\"\"} 1.5 12");
	pl = strlen(prev);
	for (n = 0; n < 20000; n++) {
		memcpy(line, prev, pl);
		ll = pl;
		for (i = 1 + rng(3); i > 0; i--) {
			size_t at = rng((unsigned)ll + 1);

			if (rng(2) == 0 && at < ll)
				line[at] = "0123456789abc_:\"\\ ,{}=.\t-+e"[rng(28)];
			else if (ll < 200) {
				memmove(line + at + 1, line + at, ll - at);
				line[at] = "0123456789abc_:\"\\ ,{}=.\t-+e"[rng(28)];
				ll++;
			}
		}
		/* Compared only after a good line. */
		parse_last(prev, pl, 0, &before);
		if (before.rc == 0)
			assert_resumes_alike(prev, pl, line, ll, &alone);
		else
			parse_last(line, ll, 0, &alone);
		if (alone.rc == 0 || rng(4) == 0) {
			memcpy(prev, line, ll);
			pl = ll;
		}
	}
}

/* The value read digit runs at a time is the value the full parser
 * (metrics_parse_double: Clinger's fast path, else strtod_l) gives, to
 * the bit, and the same inputs are refused; at every distance from the
 * end of the buffer. */
static void
fast_value_matches_parse_double(void **state)
{
	static const char *const fixed[] = {
		"0", "-0", "+0", "1", "1e3", "1E3", "0x1p3", "0x10", "00000000000000000001",
		"123456789012345", "1234567890123456", "12345678901234567890123",
		"9007199254740993", "0.1", ".5", "5.", ".", "1.2.3", "1..2", "12345678.1234567",
		"1234567.12345678", "99999999", "99999999.9999999", "0.000000000000001",
		"NaN", "+Inf", "-Inf", "inf", "1_000", "1:", "٣", "1\\", "1\"",
	};
	char val[64], text[128];
	double want, got;
	size_t k, pad, vl;
	struct got g;
	struct metrics_parse_stats st;

	(void)state;
	for (k = 0; k < sizeof(fixed) / sizeof(fixed[0]) + 30000; k++) {
		if (k < sizeof(fixed) / sizeof(fixed[0]))
			snprintf(val, sizeof(val), "%s", fixed[k]);
		else {
			size_t nd = 1 + rng(20), dot = rng(3) ? rng((unsigned)nd + 2) : 99, i, o = 0;

			if (rng(8) == 0)
				val[o++] = "+-"[rng(2)];
			for (i = 0; i < nd; i++) {
				if (i == dot)
					val[o++] = '.';
				val[o++] = (char)('0' + (rng(4) == 0 ? 0 : rng(10)));
			}
			if (dot == nd)
				val[o++] = '.';
			if (rng(10) == 0)
				val[o++] = "e.x:-"[rng(5)];
			val[o] = '\0';
		}
		vl = strlen(val);
		for (pad = 0; pad < 10; pad++) {
			/* pad: blanks after the value, then maybe a CR, then
			 * maybe nothing more (the value ends the buffer). */
			int n = snprintf(text, sizeof(text), "m %s%.*s%s", val,
			    (int)(pad % 4), "   ", pad >= 4 && pad < 8 ? "\r\n" : (pad >= 8 ? "\n" : ""));
			char *buf = malloc((size_t)n);
			bool ok = metrics_parse_double(val, vl, &want);

			assert_non_null(buf);
			memcpy(buf, text, (size_t)n);
			memset(&g, 0, sizeof(g));
			metrics_parse(buf, (size_t)n, collect, &g, &st);
			free(buf);
			if (!ok) {
				if (g.n != 0)
					fail_msg("\"%s\" read as a value", val);
				continue;
			}
			if (g.n != 1)
				fail_msg("\"%s\" refused: %s", val, st.first_bad.msg);
			got = g.s[0].value;
			if (memcmp(&got, &want, sizeof(got)) != 0 && !(isnan(got) && isnan(want)))
				fail_msg("\"%s\": %.17g, want %.17g", val, got, want);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(format_help_type_and_samples),
		cmocka_unit_test(format_label_escapes),
		cmocka_unit_test(format_special_values),
		cmocka_unit_test(format_numbers_are_exact),
		cmocka_unit_test(format_crlf_blank_lines_and_no_final_newline),
		cmocka_unit_test(format_histogram_and_summary),
		cmocka_unit_test(format_bad_lines_are_counted_and_skipped),
		cmocka_unit_test(format_bad_line_messages),
		cmocka_unit_test(format_callback_can_stop),
		cmocka_unit_test(scrape_sums_classes_and_buckets),
		cmocka_unit_test(scrape_label_matcher),
		cmocka_unit_test(scrape_status_label_code_and_explicit),
		cmocka_unit_test(scrape_with_bad_lines_still_yields),
		cmocka_unit_test(rates_hand_computed),
		cmocka_unit_test(rates_counter_reset),
		cmocka_unit_test(rates_reset_seen_by_start_time),
		cmocka_unit_test(rates_empty_interval_is_no_data),
		cmocka_unit_test(quantile_like_histogram_quantile),
		cmocka_unit_test(fleet_bad_tag_gives_8_percent_and_1_5_s),
		cmocka_unit_test(fleet_good_tag_is_healthy),
		cmocka_unit_test(fleet_code_label_is_detected),
		cmocka_unit_test(query_vector_and_scalar),
		cmocka_unit_test(query_errors),
		cmocka_unit_test(query_empty_reasons),
		cmocka_unit_test(up_query_answers),
		cmocka_unit_test(query_range_is_the_longest_selector),
		cmocka_unit_test(query_values_that_cannot_be),
		cmocka_unit_test(prom_round_names_every_failing_query),
		cmocka_unit_test(prom_round_up_query),
		cmocka_unit_test(prom_http_reasons),
		cmocka_unit_test(http_refusal_reasons),
		cmocka_unit_test(fast_resume_matches_a_fresh_parse),
		cmocka_unit_test(fast_resume_random_chains),
		cmocka_unit_test(fast_value_matches_parse_double),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
