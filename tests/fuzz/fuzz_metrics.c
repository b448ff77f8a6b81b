/*
 * fuzz_metrics.c — libFuzzer harness for metrics.c: the input is read as a
 * Prometheus text payload (raw parse, every label walked and unescaped, the
 * scrape reduction, rates and quantile against a fixed earlier scrape) and
 * as an /api/v1/query answer. Build (metrics.c names queries as config.c
 * does, so it links the instrumented libcore) and run (30 s):
 *
 *   make fuzz-build/fuzz_metrics
 *   fuzz-build/fuzz_metrics -max_total_time=30 corpus/ tests/unit/fixtures/metrics/
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/decide.h"
#include "warroom/metrics.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
walk(void *ctx, const struct metrics_sample *s)
{
	struct metrics_span n, v;
	size_t pos = 0;
	char buf[64];

	while (metrics_label_next(s->labels, &pos, &n, &v)) {
		metrics_value_unescape(v, buf, sizeof(buf));
		(void)metrics_value_eq(v, buf);
	}
	(void)metrics_label_get(s->labels, "le", &v);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char base[] =
	    "http_requests_total{status=\"200\"} 10\n"
	    "http_requests_total{status=\"500\"} 1\n"
	    "http_request_duration_seconds_bucket{le=\"0.5\"} 5\n"
	    "http_request_duration_seconds_bucket{le=\"+Inf\"} 11\n";
	static struct metrics_scrape prev, cur;
	struct metrics_select sel = { .match_label = "service", .match_value = "api" };
	struct metrics_parse_stats st;
	struct metrics_rates r;
	struct metrics_query q;
	struct decide_input in = { 0 };
	struct config_thresholds t = { 0.05, 0.02, 0.01, 2000, 1000, 500, 3, 300 };
	struct wr_err err;
	const char *buf = (const char *)data;
	char line[64];

	metrics_parse(buf, size, walk, NULL, &st);
	metrics_scrape_read(base, strlen(base), NULL, &prev, &err);
	metrics_scrape_read(buf, size, size % 2 ? &sel : NULL, &cur, &err);
	metrics_rates_compute(&prev, &cur, 15, &r, &err);
	(void)metrics_quantile(0.5, cur.buckets, cur.nbuckets);
	metrics_query_parse(buf, size, &q, &err);
	in.error_rate = r.error_rate;
	in.p95_ms = r.p95_s * 1000;
	in.restarts = (int)(size % 5) - 1;
	in.restarts_unreported = size % 3 == 0;
	decide(&t, &in, NULL, NULL);
	decide_sparkline(cur.requests_by_class, 6, 0, line, sizeof(line));
	decide_sparkline(cur.requests_by_class, 6, r.error_rate, line, sizeof(line));
	return 0;
}
