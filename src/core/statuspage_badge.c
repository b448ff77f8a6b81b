/*
 * statuspage_badge.c — the header's badge for status-page posts not yet
 * through. The footer says a post failed for a few seconds; this stays
 * until the page has it. At 80 columns beside ARMED it has about 24
 * columns, so each state has wordings from whole sentences down to the
 * bare fact.
 */
#include "warroom/statuspage_badge.h"

#include <stdio.h>
#include <string.h>

#define WORDINGS 4

/* The failure in a few words: the page's status, or why there was none. */
static void
failure_words(long status, char *dst, size_t cap)
{
	if (status == 0)
		snprintf(dst, cap, "no answer");
	else if (status >= 200 && status < 300)
		snprintf(dst, cap, "bad answer");
	else
		snprintf(dst, cap, "HTTP %ld", status);
}

size_t
statuspage_badge(const struct statuspage_badge_in *in, int max_width, char *dst, size_t cap)
{
	char w[WORDINGS][200], why[32], when[48], gave[48];
	int n = 0, i;

	if (cap == 0)
		return 0;
	dst[0] = '\0';
	if (in->pending <= 0 && in->failed <= 0)
		return 0;
	failure_words(in->fail_status, why, sizeof(why));
	if (in->pending > 0 && in->failing) {
		if (in->retry_in_s >= 0)
			snprintf(when, sizeof(when), "retrying in %lds", in->retry_in_s);
		else
			snprintf(when, sizeof(when), "retrying now");
		gave[0] = '\0';
		if (in->failed > 0)
			snprintf(gave, sizeof(gave), "%d FAILED, ", in->failed);
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %s%d pending, last %s, %s ", gave,
		    in->pending, why, when);
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d pending, %s, %s ", in->pending,
		    why, when);
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d pending, %s ", in->pending, why);
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %s ", why);
	} else if (in->pending > 0) {
		/* On its way, nothing failed yet (or a failure before it was given up). */
		if (in->failed > 0) {
			snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d FAILED (last %s), %d pending ",
			    in->failed, why, in->pending);
			snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d FAILED, %d pending ",
			    in->failed, in->pending);
			snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: FAILED ");
		} else
			snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d pending ", in->pending);
	} else {
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d post%s FAILED (last %s): post again ",
		    in->failed, in->failed == 1 ? "" : "s", why);
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d FAILED (%s) ", in->failed, why);
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: FAILED ");
	}
	for (i = 0; i < n - 1 && (int)strlen(w[i]) > max_width; i++)
		;
	snprintf(dst, cap, "%s", w[i]);
	return strlen(dst);
}
