/*
 * ratewin.h — the error rate over enough requests, not per scrape.
 *
 * One scrape interval at low traffic holds a handful of requests, too few
 * to judge (min_requests). Like a longer range in PromQL, the host keeps
 * the recent intervals' increases (errors, requests, seconds) in a fixed
 * ring, and the rate is taken over the shortest run of the newest ones
 * whose requests reach min_requests, back RATEWIN_SPAN_S at most. A
 * counter reset (the process restarted) and a release change break the
 * run: what came before them is dropped. p95 is taken over the same run:
 * each interval keeps its latency buckets' increases too, and the run's
 * sums are interpolated as one histogram; a histogram whose bounds change
 * breaks the run as a counter reset does. Pure, fixed-size, no allocation.
 */
#ifndef WARROOM_RATEWIN_H
#define WARROOM_RATEWIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/metrics.h"

/* How far back the run may reach: five minutes, PromQL's usual
 * rate(...[5m]) and the default restarts window. A constant, not
 * restarts_window_s: that one can be a day, and it counts restarts. */
#define RATEWIN_SPAN_S 300
/* Intervals kept: RATEWIN_SPAN_S at the shortest metrics_interval (1 s),
 * with room for scrapes that come a little early. */
#define RATEWIN_MAX 320
/* Latency buckets kept per interval: as many as a scrape reads. */
#define RATEWIN_BUCKETS WR_METRICS_BUCKETS_MAX

/* One scrape interval's increases, as ratewin_add takes them. */
struct ratewin_interval {
	double errors;                   /* 5xx */
	double requests;
	double seconds;                  /* its length, > 0 */
	const struct metrics_bucket *buckets;  /* the histogram's increases (cumulative,
	                                    ascending le); NULL, 0: no histogram */
	size_t nbuckets;
};

/* One interval as the ring keeps it: bucket counts only, at the ring's
 * bounds. Floats halve the ring (exact to 2^24 observations per bucket
 * and interval; beyond that a relative 6e-8, nothing p95 would show). */
struct ratewin_slot {
	double errors, requests, seconds;
	float buckets[RATEWIN_BUCKETS];
};

struct ratewin {
	struct ratewin_slot iv[RATEWIN_MAX];  /* a ring, newest at head - 1 */
	size_t head, n;
	double le[RATEWIN_BUCKETS];      /* the bounds of every interval in the ring */
	size_t nle;                      /* 0: no histogram */
	uint64_t release;                /* what ratewin_release last noted */
	bool have_release;
};

/* A run of the newest intervals, added up. */
struct ratewin_sum {
	double errors, requests, seconds;
	int intervals;                   /* 0: the ring is empty */
	struct metrics_bucket buckets[RATEWIN_BUCKETS];  /* the run's increases */
	size_t nbuckets;                 /* 0: no histogram */
};

/* An empty ring, no release noted. */
void ratewin_init(struct ratewin *w);

/* Forget every interval (the release noted stays). */
void ratewin_reset(struct ratewin *w);

/* Add the newest interval; counter_reset: the counters started again
 * from 0 within it, so the intervals before it are dropped first, as they
 * are when its histogram's bounds differ from theirs. One with a NAN or
 * negative count or bucket, more than RATEWIN_BUCKETS buckets, or a
 * non-positive length, is not added. */
void ratewin_add(struct ratewin *w, const struct ratewin_interval *iv, bool counter_reset);

/* Note the release running now (any fingerprint of the host's tags): a
 * change from the one noted before empties the ring, so the old
 * release's errors do not judge the new one. Returns whether it did. */
bool ratewin_release(struct ratewin *w, uint64_t release);

/* The shortest run of the newest intervals whose requests reach
 * min_requests (≤ 0: the newest alone), no longer than span_s seconds
 * (the newest counts however long); when no run reaches it, all of them
 * within span_s. */
struct ratewin_sum ratewin_sum(const struct ratewin *w, double min_requests, double span_s);

struct decide_input;

/* The error rate and p95 the verdict judges, into in: over ratewin_sum's
 * run for min_requests back RATEWIN_SPAN_S, with its requests and, when
 * the run is more than one interval, its span; error_rate NAN when the
 * ring is empty or the run had no requests, p95_ms NAN when it had no
 * histogram or no observations. Sets nothing else. */
void ratewin_input(const struct ratewin *w, int min_requests, struct decide_input *in);

#endif
