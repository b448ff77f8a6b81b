/*
 * metrics_bench.c — DESIGN §5 B7: parsing a Prometheus text payload, in
 * ns per sample and allocations per sample (goal: ≤ 50 ns, none), with
 * `grep -c ''` over the same bytes on disk as the floor in the same run
 * (CPU seconds of each, so a busy machine skews less; grep's include its
 * sh and exec).
 * Not part of `make check`: run `make bench` (or `make bench-metrics`).
 *
 *   metrics_bench [LINES [ROUNDS]]    defaults: 400000 lines, 10 rounds
 *
 * The payload is generated in memory to look like a busy exporter:
 * HELP/TYPE headers, counters with four labels, histograms with twelve
 * buckets, a summary, gauges, a few timestamps and escapes. Allocations
 * are counted by wrapping malloc/calloc/realloc around glibc's own.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>

#include "warroom/metrics.h"

/* ---- counting allocations ---- */

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static size_t allocs;

void *malloc(size_t n);
void *calloc(size_t c, size_t n);
void *realloc(void *p, size_t n);

void *
malloc(size_t n)
{
	allocs++;
	return __libc_malloc(n);
}

void *
calloc(size_t c, size_t n)
{
	allocs++;
	return __libc_calloc(c, n);
}

void *
realloc(void *p, size_t n)
{
	allocs++;
	return __libc_realloc(p, n);
}

/* ---- the payload ---- */

struct out {
	char *buf;
	size_t len, cap;
	size_t lines;
};

static void out_add(struct out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
out_add(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->cap - o->len < 512) {
		o->cap = o->cap * 2 + 4096;
		o->buf = xrealloc(o->buf, o->cap);
	}
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
	va_end(ap);
	o->len += (size_t)n;
	o->lines++;
}

static const char *const les[] = {
	"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5",
	"5.0", "10.0", "+Inf",
};
static const char *const codes[] = { "200", "201", "404", "500", "503" };
static const char *const methods[] = { "GET", "POST", "PUT", "DELETE" };

static void
payload(struct out *o, size_t want)
{
	unsigned long x = 12345;
	size_t svc = 0, i;

	while (o->lines < want) {
		size_t route;

		out_add(o, "# HELP http_requests_total Total HTTP requests (svc %zu).\n", svc);
		out_add(o, "# TYPE http_requests_total counter\n");
		for (route = 0; route < 20; route++) {
			for (i = 0; i < 5; i++) {
				x = x * 6364136223846793005UL + 1442695040888963407UL;
				out_add(o, "http_requests_total{service=\"svc-%zu\",method=\"%s\","
				    "path=\"/api/v1/orders/%zu\",status=\"%s\"} %lu\n", svc,
				    methods[route % 4], route, codes[i], (x >> 40) % 10000000);
			}
		}
		out_add(o, "# HELP http_request_duration_seconds Latency.\n");
		out_add(o, "# TYPE http_request_duration_seconds histogram\n");
		for (route = 0; route < 10; route++) {
			unsigned long c = 0;

			for (i = 0; i < 12; i++) {
				x = x * 6364136223846793005UL + 1442695040888963407UL;
				c += (x >> 50) % 5000;
				out_add(o, "http_request_duration_seconds_bucket{service=\"svc-%zu\","
				    "path=\"/api/v1/orders/%zu\",le=\"%s\"} %lu\n", svc, route, les[i], c);
			}
			out_add(o, "http_request_duration_seconds_sum{service=\"svc-%zu\","
			    "path=\"/api/v1/orders/%zu\"} %lu.%03lu\n", svc, route, c / 7, c % 1000);
			out_add(o, "http_request_duration_seconds_count{service=\"svc-%zu\","
			    "path=\"/api/v1/orders/%zu\"} %lu\n", svc, route, c);
		}
		out_add(o, "# TYPE rpc_duration_seconds summary\n");
		out_add(o, "rpc_duration_seconds{service=\"svc-%zu\",quantile=\"0.5\"} 4.773e-05\n", svc);
		out_add(o, "rpc_duration_seconds{service=\"svc-%zu\",quantile=\"0.99\"} 7.6656e-03\n", svc);
		out_add(o, "rpc_duration_seconds_sum{service=\"svc-%zu\"} 1.7560473e+07\n", svc);
		out_add(o, "rpc_duration_seconds_count{service=\"svc-%zu\"} 2693\n", svc);
		out_add(o, "\n");
		out_add(o, "# TYPE go_goroutines gauge\n");
		out_add(o, "go_goroutines{service=\"svc-%zu\"} %zu 1717243200000\n", svc, 40 + svc % 17);
		out_add(o, "app_info{service=\"svc-%zu\",version=\"v1.5.%zu\",note=\"a \\\"quoted\\\" \\\\ path\"} 1\n",
		    svc, svc % 9);
		out_add(o, "process_start_time_seconds{service=\"svc-%zu\"} 1717240000.25\n", svc);
		out_add(o, "process_resident_memory_bytes{service=\"svc-%zu\"} 1.2e+08\n", svc);
		out_add(o, "last_gc_pause_seconds{service=\"svc-%zu\"} NaN\n", svc);
		svc++;
	}
}

/* ---- timing ---- */

/* CPU time, not wall time: the figure should not depend on what else the
 * machine runs (parallel builds share the cores). */
static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
children_cpu_s(void)
{
	struct rusage ru;

	getrusage(RUSAGE_CHILDREN, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static int
sink(void *ctx, const struct metrics_sample *s)
{
	*(double *)ctx += s->value == s->value ? s->value : 0;
	return 0;
}

static double
grep_floor(const struct out *o, int rounds)
{
	char path[] = "/tmp/metrics_bench.XXXXXX", cmd[512];
	double best = 1e9;
	int fd = mkstemp(path), i;

	if (fd < 0 || write(fd, o->buf, o->len) != (ssize_t)o->len) {
		perror("metrics_bench: temp file");
		exit(1);
	}
	close(fd);
	snprintf(cmd, sizeof(cmd), "grep -c '' %s > /dev/null", path);
	for (i = 0; i < rounds; i++) {
		double t0 = children_cpu_s();

		if (system(cmd) != 0) {
			fprintf(stderr, "metrics_bench: grep failed\n");
			exit(1);
		}
		if (children_cpu_s() - t0 < best)
			best = children_cpu_s() - t0;
	}
	unlink(path);
	return best;
}

int
main(int argc, char **argv)
{
	size_t want = argc > 1 ? strtoul(argv[1], NULL, 10) : 400000;
	int rounds = argc > 2 ? atoi(argv[2]) : 10, i;
	struct out o = { 0 };
	struct metrics_parse_stats st;
	struct metrics_scrape *sc = xmalloc(sizeof(*sc));
	struct metrics_select sel = { .match_label = "service", .match_value = "svc-7" };
	struct wr_err err;
	double best = 1e9, best_x = 1e9, acc = 0, floor_s;
	size_t a0, a_parse, a_scrape;

	payload(&o, want);
	/* Warm up (page faults, the C locale for the slow number path). */
	metrics_parse(o.buf, o.len, sink, &acc, &st);
	metrics_scrape_read(o.buf, o.len, &sel, sc, &err);
	if (st.bad_lines > 0) {
		fprintf(stderr, "metrics_bench: generated payload has bad lines: %s\n",
		    st.first_bad.msg);
		return 1;
	}
	a0 = allocs;
	for (i = 0; i < rounds; i++) {
		double t0 = now_s();

		metrics_parse(o.buf, o.len, sink, &acc, &st);
		if (now_s() - t0 < best)
			best = now_s() - t0;
	}
	a_parse = allocs - a0;
	a0 = allocs;
	for (i = 0; i < rounds; i++) {
		double t0 = now_s();

		metrics_scrape_read(o.buf, o.len, &sel, sc, &err);
		if (now_s() - t0 < best_x)
			best_x = now_s() - t0;
	}
	a_scrape = allocs - a0;
	floor_s = grep_floor(&o, rounds);

	printf("B7 metrics parse: %zu lines, %zu samples, %.1f MB, best of %d\n",
	    st.lines, st.samples, (double)o.len / 1e6, rounds);
	printf("  metrics_parse        %8.2f ms  %6.1f ns/sample  %.2f allocs/sample\n",
	    best * 1e3, best * 1e9 / (double)st.samples,
	    (double)a_parse / ((double)st.samples * rounds));
	printf("  metrics_scrape_read  %8.2f ms  %6.1f ns/sample  %.2f allocs/sample"
	    "  (5xx of svc-7: %.0f)\n",
	    best_x * 1e3, best_x * 1e9 / (double)st.samples,
	    (double)a_scrape / ((double)st.samples * rounds), sc->requests_by_class[5]);
	printf("  grep -c '' (floor)   %8.2f ms  %6.1f ns/line   parse/grep = %.2fx\n",
	    floor_s * 1e3, floor_s * 1e9 / (double)st.lines, best / floor_s);
	printf("  goal: <= 50 ns/sample, no allocation per sample: %s\n",
	    best * 1e9 / (double)st.samples <= 50 && a_parse == 0 && a_scrape == 0 ?
	    "met" : "NOT MET");
	printf("RESULT B7 %.1fns/sample,allocs=%zu grep=%.1fns/line %.2f <=50ns,0alloc %s\n",
	    best * 1e9 / (double)st.samples, (size_t)(a_parse + a_scrape),
	    floor_s * 1e9 / (double)st.lines, best / floor_s,
	    best * 1e9 / (double)st.samples <= 50 && a_parse == 0 && a_scrape == 0 ?
	    "pass" : "fail");
	free(o.buf);
	free(sc);
	return 0;
}
