/*
 * promquery.c — a round of PromQL instant queries over http.c.
 *
 * Prometheus answers a query it cannot run with HTTP 400, 422 or 503 and
 * a JSON body saying why ("status":"error"); those words are what a user
 * needs to fix the query, so the body is read whatever the status, and
 * only an answer that is not Prometheus's own is reduced to "HTTP N".
 */
#include "warroom/promquery.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "warroom/http.h"
#include "warroom/metrics.h"
#include "warroom/sanitize.h"

/* An instant query's answer is one sample; anything this large is not. */
#define ANSWER_MAX (1024 * 1024)

static void
set_error(struct promquery_round *r, int i, const char *why)
{
	sanitize_line(why, strlen(why), r->error[i], sizeof(r->error[i]));
}

static void
answer(const struct http_response *resp, void *arg)
{
	struct promquery_req *q = arg;
	struct promquery_round *r = q->round;
	struct metrics_query mq;
	struct wr_err err = { "" };
	char why[300];
	int rc;

	if (resp->status == 0) {
		set_error(r, q->i, resp->error[0] ? resp->error : "no answer");
	} else if (resp->truncated) {
		snprintf(why, sizeof(why), "HTTP %ld, an answer over %d bytes", resp->status,
		    ANSWER_MAX);
		set_error(r, q->i, why);
	} else {
		rc = metrics_query_parse(resp->body, resp->len, &mq, &err);
		if (resp->status != 200 && !mq.refused) {
			metrics_prom_http_why(resp->status, why, sizeof(why));
			set_error(r, q->i, why);
		} else if (rc != 0) {
			set_error(r, q->i, err.msg);
			r->bad_answer[q->i] = true;
		} else {
			r->value[q->i] = mq.value;
			r->nseries[q->i] = mq.nseries;
		}
	}
	if (--r->pending == 0)
		r->done(r, r->arg);
}

int
promquery_start(struct promquery_round *r, struct http_client *http,
    const char *base_url, const char *unix_socket, const char *const *queries,
    int n, promquery_done_fn done, void *arg, struct wr_err *err)
{
	char url[WR_URL_MAX + 3 * WR_QUERY_MAX + 64];
	struct wr_err why;
	int i, started = 0;

	if (n > PROMQUERY_MAX)
		n = PROMQUERY_MAX;
	memset(r, 0, sizeof(*r));
	r->done = done;
	r->arg = arg;
	for (i = 0; i < PROMQUERY_MAX; i++)
		r->value[i] = NAN;
	/* Every request is counted before the first can finish, so done()
	 * comes once, after the last. */
	for (i = 0; i < n; i++)
		if (queries[i] != NULL && queries[i][0] != '\0') {
			r->asked[i] = true;
			r->pending++;
		}
	for (i = 0; i < n; i++) {
		struct http_request req = { .url = url, .unix_socket = unix_socket,
			.timeout_ms = 5000, .max_body = ANSWER_MAX };

		if (!r->asked[i])
			continue;
		r->reqs[i] = (struct promquery_req){ .round = r, .i = i };
		if (http_url_query(base_url, "/api/v1/query", "query", queries[i], url,
		    sizeof(url), &why) != 0 ||
		    http_start(http, &req, answer, &r->reqs[i], &why) != 0) {
			set_error(r, i, why.msg);
			r->pending--;
			continue;
		}
		started++;
	}
	if (started == 0) {
		r->pending = 0;
		for (i = 0; i < n; i++)
			if (r->error[i][0] != '\0')
				return wr_err_set(err, "%s", r->error[i]);
		return wr_err_set(err, "no query to ask");
	}
	return 0;
}

bool
promquery_busy(const struct promquery_round *r)
{
	return r->pending > 0;
}
