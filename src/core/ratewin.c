/*
 * ratewin.c — recent scrape intervals in a ring, added up from the newest
 * back until there are enough requests to judge an error rate. ratewin.h
 * says why.
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

void
ratewin_add(struct ratewin *w, const struct ratewin_interval *iv, bool counter_reset)
{
	if (!(iv->requests >= 0) || !(iv->errors >= 0) || !(iv->seconds > 0) ||
	    !isfinite(iv->requests) || !isfinite(iv->errors) || !isfinite(iv->seconds))
		return;
	/* Counts before a restart belong to a process that is gone. */
	if (counter_reset)
		ratewin_reset(w);
	w->iv[w->head] = *iv;
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
	struct ratewin_sum s = { 0, 0, 0, 0 };
	size_t k;

	for (k = 0; k < w->n; k++) {
		const struct ratewin_interval *iv =
		    &w->iv[(w->head + RATEWIN_MAX - 1 - k) % RATEWIN_MAX];

		if (k > 0 && (s.requests >= min_requests || s.seconds + iv->seconds > span_s))
			break;
		s.errors += iv->errors;
		s.requests += iv->requests;
		s.seconds += iv->seconds;
		s.intervals++;
	}
	return s;
}

void
ratewin_input(const struct ratewin *w, int min_requests, struct decide_input *in)
{
	struct ratewin_sum s = ratewin_sum(w, min_requests, RATEWIN_SPAN_S);

	in->requests = s.intervals > 0 ? s.requests : NAN;
	in->error_rate = s.requests > 0 ? s.errors / s.requests : NAN;
	in->span_s = s.intervals > 1 ? s.seconds : 0;
}
