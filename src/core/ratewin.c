/*
 * ratewin.c — recent scrape intervals in a ring, added up from the newest
 * back until there are enough requests to judge an error rate and p95.
 * ratewin.h says why.
 */
#include "warroom/ratewin.h"

#include "warroom/decide.h"

#include <math.h>
#include <string.h>

void
ratewin_init(struct ratewin *w)
{
	memset(w, 0, sizeof(*w));
}

void
ratewin_reset(struct ratewin *w)
{
	w->head = 0;
	w->n = 0;
}

/* Whether b[n] holds bucket increases the ring can keep. */
static bool
buckets_usable(const struct metrics_bucket *b, size_t n)
{
	size_t i;

	if (n > RATEWIN_BUCKETS || (n > 0 && b == NULL))
		return false;
	for (i = 0; i < n; i++)
		if (!(b[i].count >= 0) || !isfinite(b[i].count) || isnan(b[i].le))
			return false;
	return true;
}

/* Whether b[n]'s bounds are the ring's. */
static bool
same_bounds(const struct ratewin *w, const struct metrics_bucket *b, size_t n)
{
	size_t i;

	if (n != w->nle)
		return false;
	for (i = 0; i < n; i++)
		if (b[i].le != w->le[i])
			return false;
	return true;
}

void
ratewin_add(struct ratewin *w, const struct ratewin_interval *iv, bool counter_reset)
{
	struct ratewin_slot *slot;
	size_t i;

	if (!(iv->requests >= 0) || !(iv->errors >= 0) || !(iv->seconds > 0) ||
	    !isfinite(iv->requests) || !isfinite(iv->errors) || !isfinite(iv->seconds) ||
	    !buckets_usable(iv->buckets, iv->nbuckets))
		return;
	/* Counts before a restart belong to a process that is gone; buckets
	 * of other bounds cannot be added to these. */
	if (counter_reset || !same_bounds(w, iv->buckets, iv->nbuckets))
		ratewin_reset(w);
	if (w->n == 0) {
		for (i = 0; i < iv->nbuckets; i++)
			w->le[i] = iv->buckets[i].le;
		w->nle = iv->nbuckets;
	}
	slot = &w->iv[w->head];
	slot->errors = iv->errors;
	slot->requests = iv->requests;
	slot->seconds = iv->seconds;
	for (i = 0; i < iv->nbuckets; i++)
		slot->buckets[i] = (float)iv->buckets[i].count;
	w->head = (w->head + 1) % RATEWIN_MAX;
	if (w->n < RATEWIN_MAX)
		w->n++;
}

bool
ratewin_release(struct ratewin *w, uint64_t release)
{
	bool changed = w->have_release && w->release != release;

	if (changed)
		ratewin_reset(w);
	w->release = release;
	w->have_release = true;
	return changed;
}

struct ratewin_sum
ratewin_sum(const struct ratewin *w, double min_requests, double span_s)
{
	struct ratewin_sum s;
	size_t k, i;

	memset(&s, 0, sizeof(s));
	for (k = 0; k < w->n; k++) {
		const struct ratewin_slot *iv =
		    &w->iv[(w->head + RATEWIN_MAX - 1 - k) % RATEWIN_MAX];

		if (k > 0 && (s.requests >= min_requests || s.seconds + iv->seconds > span_s))
			break;
		s.errors += iv->errors;
		s.requests += iv->requests;
		s.seconds += iv->seconds;
		s.intervals++;
		/* Cumulative increases add up to the run's cumulative counts. */
		for (i = 0; i < w->nle; i++)
			s.buckets[i].count += iv->buckets[i];
	}
	if (s.intervals > 0) {
		for (i = 0; i < w->nle; i++)
			s.buckets[i].le = w->le[i];
		s.nbuckets = w->nle;
	}
	return s;
}

void
ratewin_input(const struct ratewin *w, int min_requests, struct decide_input *in)
{
	struct ratewin_sum s = ratewin_sum(w, min_requests, RATEWIN_SPAN_S);

	in->requests = s.intervals > 0 ? s.requests : NAN;
	in->error_rate = s.requests > 0 ? s.errors / s.requests : NAN;
	/* metrics_quantile is NAN without buckets or observations. */
	in->p95_ms = metrics_quantile(0.95, s.buckets, s.nbuckets) * 1000.0;
	in->span_s = s.intervals > 1 ? s.seconds : 0;
}
