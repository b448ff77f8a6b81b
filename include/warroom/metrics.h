/*
 * metrics.h — Prometheus text exposition and /api/v1/query JSON, read into
 * what the METRICS pane needs: request and 5xx counts, latency buckets,
 * and from two scrapes the error rate, request rate and p95.
 *
 * Three levels. metrics_parse() streams samples to a callback as spans into
 * the caller's buffer and allocates nothing (B7). metrics_scrape_read()
 * uses it to fold one scrape into a fixed struct. metrics_rates_compute()
 * turns two of those into rates the way PromQL's rate() and
 * histogram_quantile() would. All pure: bytes and numbers in, structs out.
 * "No data" is NAN throughout, never 0.
 */
#ifndef WARROOM_METRICS_H
#define WARROOM_METRICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/config.h"
#include "warroom/util.h"

/* Distinct `le` bounds kept per histogram; more are counted as bad lines. */
#define WR_METRICS_BUCKETS_MAX 64

/* Defaults of struct metrics_select. */
#define WR_METRICS_REQUESTS "http_requests_total"
#define WR_METRICS_DURATION "http_request_duration_seconds"

/* Bytes [ptr, ptr + len) of the payload; not NUL-terminated. */
struct metrics_span {
	const char *ptr;
	size_t len;
};

/* A metric family's type from its # TYPE line. */
enum metrics_type {
	METRICS_UNTYPED,
	METRICS_COUNTER,
	METRICS_GAUGE,
	METRICS_HISTOGRAM,
	METRICS_SUMMARY,
};

/* One sample line. Spans point into the parsed buffer. */
struct metrics_sample {
	struct metrics_span name;
	struct metrics_span labels;      /* between { and }, escapes kept; len 0: none */
	double value;                    /* NaN, ±Inf as read */
	bool has_timestamp;
	int64_t timestamp_ms;
	enum metrics_type type;          /* of the family named by the last # TYPE
	                                  * (_bucket/_sum/_count included), else UNTYPED */
	size_t line;                     /* 1-based */
};

/* Called for each sample; return nonzero to stop the parse. */
typedef int (*metrics_sample_fn)(void *ctx, const struct metrics_sample *s);

/* What one parse saw. */
struct metrics_parse_stats {
	size_t lines;
	size_t samples;
	size_t bad_lines;
	struct wr_err first_bad;         /* "line N: why"; empty when none */
};

/* Stream the samples of a text-format payload to fn. Unreadable lines are
 * counted and skipped; returns 0, or -1 when any line was bad. */
int metrics_parse(const char *buf, size_t len, metrics_sample_fn fn, void *ctx,
    struct metrics_parse_stats *st);

/* Step through a sample's labels: name and raw (still escaped) value of
 * the next one from *pos (start at 0). False after the last. */
bool metrics_label_next(struct metrics_span labels, size_t *pos,
    struct metrics_span *name, struct metrics_span *value);

/* The raw value of the label called name; false when absent. */
bool metrics_label_get(struct metrics_span labels, const char *name,
    struct metrics_span *value);

/* Does the raw label value, once unescaped, equal s? */
bool metrics_value_eq(struct metrics_span raw, const char *s);

/* Unescape a raw label value (\\ \" \n) into dst[cap], always terminated;
 * returns the unescaped length (which may exceed cap - 1 when cut). */
size_t metrics_value_unescape(struct metrics_span raw, char *dst, size_t cap);

/* A float as the text format writes it (incl. NaN, +Inf, -Inf); false
 * when the whole span is not one. */
bool metrics_parse_double(const char *p, size_t len, double *out);

/* What to pick out of a scrape. NULL fields take the defaults. */
struct metrics_select {
	const char *requests;            /* counter; NULL: WR_METRICS_REQUESTS */
	const char *status_label;        /* NULL: "status", else "code" per sample */
	const char *duration;            /* histogram; NULL: WR_METRICS_DURATION */
	const char *match_label;         /* keep only samples with match_label = */
	const char *match_value;         /* match_value (both or neither) */
};

/* One cumulative histogram bucket. */
struct metrics_bucket {
	double le;                       /* upper bound; +Inf for the last */
	double count;                    /* observations ≤ le */
};

/* One scrape, reduced. Status classes: index 1..5 for 1xx..5xx, 0 for a
 * sample without a readable status label. */
struct metrics_scrape {
	bool has_requests;               /* the counter had a matching sample */
	double requests_by_class[6];
	double requests;                 /* sum of all classes */
	char status_label[16];           /* label read on the first sample, "" if none */
	bool has_histogram;              /* a matching _bucket sample was seen */
	struct metrics_bucket buckets[WR_METRICS_BUCKETS_MAX];  /* ascending le */
	size_t nbuckets;
	double duration_sum;             /* _sum and _count; NAN when absent */
	double duration_count;
	double start_time;               /* process_start_time_seconds; NAN when absent */
	struct metrics_parse_stats stats;
};

/* Read one payload into out (fully replaced). Returns 0, or -1 when some
 * lines were bad: out still holds what could be read, err says
 * "N unreadable lines; first: line N: why". */
int metrics_scrape_read(const char *buf, size_t len,
    const struct metrics_select *sel, struct metrics_scrape *out,
    struct wr_err *err);

/* What two scrapes say about the interval between them. */
struct metrics_rates {
	double interval_s;
	bool reset;                      /* a counter went down (or the process
	                                  * start time changed): the current values
	                                  * are the increase, as rate() does */
	double requests;                 /* increase; NAN: no counter */
	double errors;                   /* 5xx increase; NAN: no counter */
	double request_rate;             /* per second; NAN: no counter */
	double error_rate;               /* errors / requests; NAN: no requests */
	struct metrics_bucket buckets[WR_METRICS_BUCKETS_MAX];  /* increases */
	size_t nbuckets;
	double p95_s;                    /* NAN: no histogram or no observations */
};

/* Rates over interval_s seconds from prev to cur. Returns -1 (err) only
 * when interval_s is not positive. */
int metrics_rates_compute(const struct metrics_scrape *prev,
    const struct metrics_scrape *cur, double interval_s,
    struct metrics_rates *out, struct wr_err *err);

/* PromQL histogram_quantile(q) over cumulative buckets in ascending le:
 * linear interpolation, NAN without a +Inf bucket or observations, the
 * highest finite bound when the rank falls in the +Inf bucket. */
double metrics_quantile(double q, const struct metrics_bucket *b, size_t n);

/* The answer of /api/v1/query. */
struct metrics_query {
	double value;                    /* NAN for "NaN" and for an empty vector */
	double timestamp;                /* seconds; NAN for an empty vector */
	size_t nseries;                  /* 1 for a scalar; 0: empty vector */
	bool refused;                    /* -1 came from Prometheus's own error
	                                  * answer ("status":"error"): err has its
	                                  * words, whatever the HTTP status */
};

/* Read a query response: a scalar or a one-series vector. Returns -1 with
 * err for status "error", a multi-series vector, or malformed JSON. */
int metrics_query_parse(const char *buf, size_t len, struct metrics_query *out,
    struct wr_err *err);

/* Why a query Prometheus ran gave no figure, into out[cap]: it matched no
 * series (nseries 0; "is {host} the label value? it was 'h1'" when host
 * is the name its {host} was filled with, NULL if it has none, and the
 * other cause: Prometheus dropped the series, its scrapes failing), or
 * its value is NaN. what names the query ("error-rate"). */
void metrics_query_why_empty(const char *what, size_t nseries, const char *host, char *out,
    size_t cap);

/* Whether an up_query's answer (value, nseries as metrics_query has them)
 * says Prometheus cannot vouch for host's figures: up is 0 or below, NaN,
 * or matched no series (has_host: the query had {host}, for the hint);
 * why into out[cap] ("Prometheus cannot scrape h4 (up is 0)"), "" when
 * not. Above 0 is scraped: avg(up) over two targets, one failing, is 0.5. */
bool metrics_up_failing(double value, size_t nseries, const char *host, bool has_host,
    char *out, size_t cap);

/* The longest range selector in a PromQL query, in whole seconds
 * (rounded up): "[1m]" 60, a subquery's "[30m:1m]" 1800; brackets in
 * strings or a comment are none. 0 when it has none (a recording rule's
 * name, say) or none that reads as a duration. */
int metrics_query_range_s(const char *query);

/* Whether v, what query q answered, is a figure its unit can hold: an
 * error rate a ratio from 0 to 1 (give or take rounding), a p95 in
 * seconds and a request rate per second neither negative nor infinite.
 * False with why[cap] ("the error-rate query gave -0.5: not a ratio
 * between 0 and 1"). NAN is no figure but not for this to say. */
bool metrics_query_value_ok(enum config_query q, double v, char *why, size_t cap);

/* One query's outcome in a round of Prometheus queries (promquery.c). */
struct metrics_prom_answer {
	bool asked;                      /* the query is set */
	double value;                    /* NAN: none (NaN, no series, failed) */
	size_t nseries;                  /* of an answer read: 0 when none matched */
	const char *error;               /* why there is no answer; "" or NULL: one came */
	bool bad_answer;                 /* error is about this query's answer, not
	                                    the server or the way there */
};

/* A round's figures, what the verdict may use (figure[q], NAN: none),
 * and in why[cap] every asked query that gave none, in query order, "; "
 * between, after "prometheus: " ("" when each gave one): Prometheus's
 * refusal or a bad answer after the query's key, no series or NaN
 * (metrics_query_why_empty; host is what {host} became where has_host[q]
 * says it was in the query), a value its unit cannot hold
 * (metrics_query_value_ok); a failure of the server or the way there is
 * said once, after the keys of the queries that met it unless all did.
 * An up_query that says Prometheus cannot vouch for host
 * (metrics_up_failing, said first, as it is) or that failed leaves every
 * figure NAN, figure[WR_QUERY_UP] too: NAN there with up asked is that.
 * Returns how many such clauses; part_at (NULL: not wanted) gets where
 * each begins in why, so each can be shown on a line of its own. */
int metrics_prom_round(const struct metrics_prom_answer a[WR_QUERY_COUNT], const char *host,
    const bool has_host[WR_QUERY_COUNT], double figure[WR_QUERY_COUNT], char *why,
    size_t cap, size_t part_at[WR_QUERY_COUNT]);

/* A Prometheus server's HTTP status (not 200, with no error answer of
 * Prometheus's own), in words, into out[cap]: "HTTP 502", and for a
 * status that says the URL reaches no Prometheus API (3xx, 404, 405,
 * 410) that prometheus_url should be its base URL. */
void metrics_prom_http_why(long status, char *out, size_t cap);

/* A metrics_url that answered HTTP status (not 200), in words, into
 * out[cap]: "metrics: HTTP 502", and for 401/403 what was (not) sent:
 * token_env the host's metrics_token_env ("" none), token_file whether it
 * names a token file, token_sent whether a token went with the request. */
void metrics_http_why(long status, const char *token_env, bool token_file, bool token_sent,
    char *out, size_t cap);

#endif
