/*
 * metrics_verdict.c — the METRICS pane's arithmetic as a command, so a
 * test can hold it against a real Prometheus: two /metrics snapshots and
 * the seconds between them, or two /api/v1/query answers (error ratio,
 * p95 in seconds), in; one line out:
 *
 *   error_rate=0.0800 p95_ms=1500.0 verdict=ROLLBACK IMMEDIATELY reason=…
 *
 *   metrics_verdict [-m LABEL=VALUE] [-r RESTARTS] PREV.prom CUR.prom SECONDS
 *   metrics_verdict -q [-r RESTARTS] ERROR_RATE.json P95.json
 *
 * Thresholds are the DESIGN §3.1 defaults; restarts default to 0.
 * Exit 0, or 1 with the reason on stderr.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/config.h"
#include "warroom/decide.h"
#include "warroom/metrics.h"

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (f == NULL)
		return NULL;
	do {
		if (n == cap)
			buf = xrealloc(buf, cap = cap ? cap * 2 : 65536);
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	*len = n;
	return buf;
}

static int
from_scrapes(const char *a, const char *b, double secs,
    const struct metrics_select *sel, double *er, double *p95_ms)
{
	struct metrics_scrape *s[2];
	const char *paths[2] = { a, b };
	struct metrics_rates r;
	struct wr_err err;
	int i;

	for (i = 0; i < 2; i++) {
		size_t len;
		char *buf = slurp(paths[i], &len);

		if (buf == NULL) {
			fprintf(stderr, "metrics_verdict: cannot read %s\n", paths[i]);
			return -1;
		}
		s[i] = xmalloc(sizeof(*s[i]));
		if (metrics_scrape_read(buf, len, sel, s[i], &err) != 0)
			fprintf(stderr, "metrics_verdict: %s: %s\n", paths[i], err.msg);
		free(buf);
	}
	if (metrics_rates_compute(s[0], s[1], secs, &r, &err) != 0) {
		fprintf(stderr, "metrics_verdict: %s\n", err.msg);
		return -1;
	}
	*er = r.error_rate;
	*p95_ms = r.p95_s * 1000;
	free(s[0]);
	free(s[1]);
	return 0;
}

static int
from_query(const char *path, double *v)
{
	struct metrics_query q;
	struct wr_err err;
	size_t len;
	char *buf = slurp(path, &len);
	int rc;

	if (buf == NULL) {
		fprintf(stderr, "metrics_verdict: cannot read %s\n", path);
		return -1;
	}
	rc = metrics_query_parse(buf, len, &q, &err);
	free(buf);
	if (rc != 0) {
		fprintf(stderr, "metrics_verdict: %s: %s\n", path, err.msg);
		return -1;
	}
	*v = q.value;
	return 0;
}

int
main(int argc, char **argv)
{
	struct config cfg;
	struct config_env env = { "/nonexistent", NULL, "." };
	struct metrics_select sel = { 0 };
	struct decide_input in = { .error_rate = NAN, .p95_ms = NAN, .restarts = 0 };
	struct decide_verdict v;
	char match[256];
	bool query = false;
	int c;

	while ((c = getopt(argc, argv, "m:qr:")) != -1) {
		switch (c) {
		case 'm': {
			char *eq;

			wr_strlcpy(match, optarg, sizeof(match));
			if ((eq = strchr(match, '=')) == NULL) {
				fprintf(stderr, "metrics_verdict: -m wants LABEL=VALUE\n");
				return 1;
			}
			*eq = '\0';
			sel.match_label = match;
			sel.match_value = eq + 1;
			break;
		}
		case 'q':
			query = true;
			break;
		case 'r':
			in.restarts = atoi(optarg);
			break;
		default:
			return 1;
		}
	}
	argc -= optind;
	argv += optind;
	if (query && argc == 2) {
		double p95_s = NAN;

		if (from_query(argv[0], &in.error_rate) != 0 ||
		    from_query(argv[1], &p95_s) != 0)
			return 1;
		in.p95_ms = p95_s * 1000;
	} else if (!query && argc == 3) {
		if (from_scrapes(argv[0], argv[1], atof(argv[2]), &sel,
		    &in.error_rate, &in.p95_ms) != 0)
			return 1;
	} else {
		fprintf(stderr, "usage: metrics_verdict [-m L=V] [-r N] PREV CUR SECONDS\n"
		    "       metrics_verdict -q [-r N] ERROR_RATE.json P95.json\n");
		return 1;
	}
	config_init(&cfg, "defaults", &env);
	v = decide(&cfg.thresholds, &in, NULL, NULL);
	printf("error_rate=%.4f p95_ms=%.1f verdict=%s reason=%s\n",
	    in.error_rate, in.p95_ms, decide_level_name(v.level), v.reason);
	config_free(&cfg);
	return 0;
}
