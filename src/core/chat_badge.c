/*
 * chat_badge.c — the header's CHAT badge. The footer says an announcement
 * failed for a few seconds; the team may never have been told, so it stays
 * in sight until one goes through. Worded like the STATUS PAGE badge, from
 * whole sentences down to the bare fact for 80 columns.
 */
#include "warroom/chat_badge.h"

#include <stdio.h>
#include <string.h>

#include "warroom/netcause.h"

#define WORDINGS 4

void
chat_journal_fold(struct chat_journal *j, const char *kind, const cJSON *data, int64_t ts_ms)
{
	const cJSON *hs = cJSON_GetObjectItemCaseSensitive(data, "http_status");
	const cJSON *ms = cJSON_GetObjectItemCaseSensitive(data, "retry_ms");
	const cJSON *er = cJSON_GetObjectItemCaseSensitive(data, "error");
	long status = cJSON_IsNumber(hs) ? (long)hs->valuedouble : 0;

	if (strncmp(kind, "chat.", 5) != 0)
		return;
	if (strcmp(kind, "chat.announce") == 0) {
		j->announced++;
		return;
	}
	if (strcmp(kind, "chat.post") == 0) {
		j->closed++;
		j->failed = j->unknown = 0;      /* the channel has the latest word */
		j->failing = false;
		j->retry_at_ms = 0;
		return;
	}
	if (strcmp(kind, "chat.failed") != 0 && strcmp(kind, "chat.retry") != 0)
		return;
	j->fail_status = status;
	if (status != 0)
		snprintf(j->why, sizeof(j->why), "HTTP %ld", status);
	else
		netcause_words(cJSON_IsString(er) ? er->valuestring : "", j->why, sizeof(j->why));
	if (strcmp(kind, "chat.retry") == 0) {
		j->failing = true;
		j->retry_at_ms = cJSON_IsNumber(ms) ? ts_ms + (int64_t)ms->valuedouble : 0;
		return;
	}
	j->closed++;
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(data, "unknown"))) {
		j->unknown++;
		/* "no answer after sending" is what UNKNOWN means: no cause to add. */
		if (status == 0)
			snprintf(j->why, sizeof(j->why), "%s", cJSON_IsTrue(
			    cJSON_GetObjectItemCaseSensitive(data, "interrupted")) ?
			    "the console stopped" : "no answer");
	} else
		j->failed++;
	j->failing = false;
	j->retry_at_ms = 0;
}

size_t
chat_badge(const struct chat_journal *j, int64_t now_ms, int max_width, char *dst, size_t cap)
{
	char w[WORDINGS][200], what[64], when[48];
	int pending = j->announced > j->closed ? j->announced - j->closed : 0, n = 0, i;

	if (cap == 0)
		return 0;
	dst[0] = '\0';
	if (pending > 0 && j->failing) {
		if (j->retry_at_ms > now_ms)
			snprintf(when, sizeof(when), "retrying in %llds",
			    (long long)((j->retry_at_ms - now_ms + 999) / 1000));
		else
			snprintf(when, sizeof(when), "retrying now");
		snprintf(w[n++], sizeof(w[0]), " CHAT: %d pending, last %s, %s ", pending, j->why,
		    when);
		snprintf(w[n++], sizeof(w[0]), " CHAT: %d pending, %s ", pending, j->why);
		snprintf(w[n++], sizeof(w[0]), " CHAT: %d pending, %s ", pending,
		    j->fail_status != 0 ? j->why : "no answer");
	} else if (j->failed > 0 || j->unknown > 0) {
		if (j->failed > 0 && j->unknown > 0)
			snprintf(what, sizeof(what), "%d FAILED, %d UNKNOWN", j->failed, j->unknown);
		else if (j->failed > 0)
			snprintf(what, sizeof(what), "%d FAILED", j->failed);
		else
			snprintf(what, sizeof(what), "%d UNKNOWN", j->unknown);
		snprintf(w[n++], sizeof(w[0]), " CHAT: %s (last %s): %s ", what, j->why,
		    j->failed > 0 ? "announce again" : "check the channel");
		snprintf(w[n++], sizeof(w[0]), " CHAT: %s (%s) ", what, j->why);
		snprintf(w[n++], sizeof(w[0]), " CHAT: %s ", what);
	} else
		return 0;
	for (i = 0; i < n - 1 && (int)strlen(w[i]) > max_width; i++)
		;
	snprintf(dst, cap, "%s", w[i]);
	return strlen(dst);
}
