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

void
statuspage_journal_fold(struct statuspage_journal *j, const char *kind, const cJSON *data,
    int64_t ts_ms)
{
	const cJSON *hs = cJSON_GetObjectItemCaseSensitive(data, "http_status");
	const cJSON *ms = cJSON_GetObjectItemCaseSensitive(data, "retry_ms");
	long status = cJSON_IsNumber(hs) ? (long)hs->valuedouble : 0;

	if (strcmp(kind, "statuspage.queue") == 0) {
		j->queued++;
	} else if (strcmp(kind, "statuspage.post") == 0) {
		j->closed++;
		j->failed = 0;           /* the page now says what was posted last */
		j->failing = false;
		j->retry_at_ms = 0;
	} else if (strcmp(kind, "statuspage.failed") == 0) {
		j->closed++;
		j->failed++;
		j->fail_status = status;
		j->failing = false;      /* the next post has not failed yet */
		j->retry_at_ms = 0;
	} else if (strcmp(kind, "statuspage.retry") == 0) {
		j->failing = true;
		j->fail_status = status;
		j->retry_at_ms = cJSON_IsNumber(ms) ? ts_ms + (int64_t)ms->valuedouble : 0;
	}
}

void
statuspage_journal_badge_in(const struct statuspage_journal *j, int64_t now_ms,
    struct statuspage_badge_in *out)
{
	memset(out, 0, sizeof(*out));
	out->pending = j->queued > j->closed ? j->queued - j->closed : 0;
	out->failed = j->failed;
	out->failing = j->failing && out->pending > 0;
	out->fail_status = j->fail_status;
	/* Past its time (or none said): the writer is trying now, as far as we know. */
	out->retry_in_s = j->retry_at_ms > now_ms ? (long)((j->retry_at_ms - now_ms + 999) / 1000) :
	    -1;
}
