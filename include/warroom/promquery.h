/*
 * promquery.h — one round of PromQL instant queries to a Prometheus server:
 * GET <base>/api/v1/query?query=… for each, through http.c (direct or a
 * tunnel's socket), every answer read with metrics_query_parse(), and one
 * callback once all of them are in. Each query keeps its own value or
 * error, so the caller decides what a failed one costs.
 */
#ifndef WARROOM_PROMQUERY_H
#define WARROOM_PROMQUERY_H

#include <stdbool.h>

#include "warroom/config.h"
#include "warroom/util.h"

struct http_client;
struct promquery_round;

/* Queries in one round, indexed like enum config_query. */
#define PROMQUERY_MAX WR_QUERY_COUNT

typedef void (*promquery_done_fn)(const struct promquery_round *r, void *arg);

/* One request in flight; private. */
struct promquery_req {
	struct promquery_round *round;
	int i;
};

/* A round's answers. The caller owns it and embeds it where it lives long
 * enough: a request that http_free() aborts calls nothing back and leaves
 * nothing to free. */
struct promquery_round {
	double value[PROMQUERY_MAX];     /* NAN: no data (empty, NaN), failed or not asked */
	bool asked[PROMQUERY_MAX];
	/* Why query i has no answer: "HTTP 503", the transport's words, or the
	 * answer's ("Prometheus query failed (bad_data): …"); "" when fine.
	 * Sanitized (DESIGN §3.5). */
	char error[PROMQUERY_MAX][256];
	bool bad_answer[PROMQUERY_MAX];  /* that error is about this query's answer,
	                                    not the server or the way there */
	size_t nseries[PROMQUERY_MAX];   /* of an answer read: 0 when none matched */
	/* private */
	struct promquery_req reqs[PROMQUERY_MAX];
	int pending;
	promquery_done_fn done;
	void *arg;
};

/* Ask queries[i] (NULL or "" is skipped) of the server at base_url, each
 * over unix_socket (a tunnel's) or directly when NULL; done(r, arg) is
 * called once, from the loop, when every answer is in. -1 with err when
 * nothing could be asked (nothing is called back then). */
int promquery_start(struct promquery_round *r, struct http_client *http,
    const char *base_url, const char *unix_socket, const char *const *queries,
    int n, promquery_done_fn done, void *arg, struct wr_err *err);

/* Whether r has requests still out. */
bool promquery_busy(const struct promquery_round *r);

#endif
