/*
 * statuspage_badge.c — the header's badge for status-page posts not yet
 * through. The footer says a post failed for a few seconds; this stays
 * until the page has it, and so does a page the console's read at start
 * found refusing the token or out of reach. At 80 columns beside ARMED it
 * has about 24 columns, so each state has wordings from whole sentences
 * down to the bare fact; each keeps the count, so consoles of different
 * widths never read as different states ("1 UNKNOWN" and "UNKNOWN").
 */
#include "warroom/statuspage_badge.h"

#include <stdio.h>
#include <string.h>

#include "warroom/netcause.h"

#define WORDINGS 4

/* The failure in a few words: the page's status, or why there was none
 * (long: the cause when known; short: always brief). */
static void
failure_words(long status, const char *cause, char *lng, size_t lcap, char *shrt, size_t scap)
{
	if (status == 0)
		snprintf(shrt, scap, "no answer");
	else if (status >= 200 && status < 300)
		snprintf(shrt, scap, "bad answer");
	else
		snprintf(shrt, scap, "HTTP %ld", status);
	snprintf(lng, lcap, "%s", status == 0 && cause != NULL && cause[0] != '\0' ? cause : shrt);
}

enum statuspage_check
statuspage_check_outcome(long status)
{
	if (status >= 200 && status < 300)
		return STATUSPAGE_CHECK_OK;
	if (status == 0 || status >= 500 || status == 420 || status == 429)
		return STATUSPAGE_CHECK_UNREACHED;
	return STATUSPAGE_CHECK_REFUSED;
}

bool
statuspage_check_recovered(enum statuspage_check was, enum statuspage_check now)
{
	return now == STATUSPAGE_CHECK_OK &&
	    (was == STATUSPAGE_CHECK_REFUSED || was == STATUSPAGE_CHECK_UNREACHED);
}

size_t
statuspage_check_words(long status, const char *cause, char *dst, size_t cap)
{
	if (cap == 0)
		return 0;
	if (status == 0)
		snprintf(dst, cap, "%s", cause != NULL && cause[0] != '\0' ? cause : "no answer");
	else if (status == 401 || status == 403)
		snprintf(dst, cap, "token refused (HTTP %ld)", status);
	else if (status == 404)
		snprintf(dst, cap, "page not found (HTTP 404)");
	else if (status == 420 || status == 429)
		snprintf(dst, cap, "rate limited (HTTP %ld)", status);
	else if (status >= 300 && status < 400)
		snprintf(dst, cap, "redirect not followed (HTTP %ld)", status);
	else
		snprintf(dst, cap, "HTTP %ld", status);
	return strlen(dst);
}

bool
statuspage_badge_trouble(const struct statuspage_badge_in *in)
{
	return in->failing || in->failed > 0 || in->gone > 0 || in->check == STATUSPAGE_CHECK_REFUSED ||
	    in->check == STATUSPAGE_CHECK_UNREACHED;
}

/* No post waits or failed, but the read at start found the page wrong. */
static int
check_wordings(const struct statuspage_badge_in *in, char w[][200])
{
	char shrt[32];
	int n = 0;

	if (in->check_status == 0)
		snprintf(shrt, sizeof(shrt), "unreachable");
	else
		snprintf(shrt, sizeof(shrt), "HTTP %ld", in->check_status);
	snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %s: posts %s fail ", in->check_words,
	    in->check == STATUSPAGE_CHECK_REFUSED ? "will" : "may");
	snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %s ", in->check_words);
	snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %s ", shrt);
	return n;
}

size_t
statuspage_badge(const struct statuspage_badge_in *in, int max_width, char *dst, size_t cap)
{
	char w[WORDINGS][200], why[96], brief[32], last[104], when[48], gave[48];
	bool checked_bad = in->check == STATUSPAGE_CHECK_REFUSED ||
	    in->check == STATUSPAGE_CHECK_UNREACHED;
	int n = 0, i;

	if (cap == 0)
		return 0;
	dst[0] = '\0';
	if (in->pending <= 0 && in->failed <= 0 && !checked_bad)
		return 0;
	failure_words(in->fail_status, in->cause, why, sizeof(why), brief, sizeof(brief));
	/* "last HTTP 500"; a cause reads as itself ("cannot resolve x"). */
	snprintf(last, sizeof(last), "%s%s", strcmp(why, brief) == 0 ? "last " : "", why);
	if (in->pending <= 0 && in->failed <= 0) {
		n = check_wordings(in, w);
	} else if (in->pending > 0 && in->gone > 0) {
		/* Its console is gone: no one retries it, whatever its last
		 * record said of the next try. */
		char from[48];
		const char *left = in->gone_quit ? "quit" : "stopped";

		gave[0] = from[0] = '\0';
		if (in->failed > 0)
			snprintf(gave, sizeof(gave), "%d FAILED, ", in->failed);
		if (in->gone < in->pending)
			snprintf(from, sizeof(from), ", %d", in->gone);
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %s%d pending%s from %s's console, "
		    "which %s: %s ", gave, in->pending, from, in->gone_actor, left, in->gone_next);
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d pending%s, its console %s: %s ",
		    in->pending, from, left, in->gone_next);
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d pending, console gone ",
		    in->pending);
	} else if (in->pending > 0 && in->failing) {
		if (in->retry_in_s >= 0)
			snprintf(when, sizeof(when), "retrying in %lds", in->retry_in_s);
		else
			snprintf(when, sizeof(when), "retrying now");
		gave[0] = '\0';
		if (in->failed > 0)
			snprintf(gave, sizeof(gave), "%d FAILED, ", in->failed);
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %s%d pending, %s, %s ", gave,
		    in->pending, last, when);
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d pending, %s, %s ", in->pending,
		    why, when);
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d pending, %s ", in->pending, why);
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d pending, %s ", in->pending, brief);
	} else if (in->pending > 0) {
		/* On its way, nothing failed yet (or a failure before it was given up). */
		if (in->failed > 0) {
			snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d FAILED (%s), %d pending ",
			    in->failed, last, in->pending);
			snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d FAILED, %d pending ",
			    in->failed, in->pending);
		} else
			snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d pending ", in->pending);
	} else if (in->unknown >= in->failed) {
		/* Sent before a restart, not found on the page: maybe posted. */
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d post%s UNKNOWN (no answer before a "
		    "restart): S sends it again ", in->failed, in->failed == 1 ? "" : "s");
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d UNKNOWN ", in->failed);
	} else {
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d post%s FAILED (%s): post again ",
		    in->failed, in->failed == 1 ? "" : "s", last);
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d FAILED (%s) ", in->failed, brief);
		snprintf(w[n++], sizeof(w[0]), " STATUS PAGE: %d FAILED ", in->failed);
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

	const cJSON *er = cJSON_GetObjectItemCaseSensitive(data, "error");
	const char *error = cJSON_IsString(er) ? er->valuestring : "";

	if (strcmp(kind, "statuspage.queue") == 0) {
		j->queued++;
	} else if (strcmp(kind, "statuspage.post") == 0) {
		j->closed++;
		j->failed = j->unknown = 0;   /* the page now says what was posted last */
		j->failing = false;
		j->retry_at_ms = 0;
		j->check = STATUSPAGE_CHECK_OK;  /* and it took the token */
	} else if (strcmp(kind, "statuspage.failed") == 0) {
		j->closed++;
		j->failed++;
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(data, "unknown")))
			j->unknown++;
		j->fail_status = status;
		netcause_words(error, j->cause, sizeof(j->cause));
		j->failing = false;      /* the next post has not failed yet */
		j->retry_at_ms = 0;
	} else if (strcmp(kind, "statuspage.retry") == 0) {
		j->failing = true;
		j->fail_status = status;
		netcause_words(error, j->cause, sizeof(j->cause));
		j->retry_at_ms = cJSON_IsNumber(ms) ? ts_ms + (int64_t)ms->valuedouble : 0;
	} else if (strcmp(kind, "statuspage.check") == 0) {
		bool ok = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(data, "ok"));

		j->check = ok ? STATUSPAGE_CHECK_OK : statuspage_check_outcome(status);
		j->check_status = status;
		/* The record holds the words the console said. */
		snprintf(j->check_words, sizeof(j->check_words), "%s", error);
	}
}

void
statuspage_journal_badge_in(const struct statuspage_journal *j, int64_t now_ms,
    struct statuspage_badge_in *out)
{
	memset(out, 0, sizeof(*out));
	out->pending = j->queued > j->closed ? j->queued - j->closed : 0;
	out->failed = j->failed;
	out->unknown = j->unknown;
	out->failing = j->failing && out->pending > 0;
	out->fail_status = j->fail_status;
	memcpy(out->cause, j->cause, sizeof(out->cause));
	out->check = j->check;
	out->check_status = j->check_status;
	memcpy(out->check_words, j->check_words, sizeof(out->check_words));
	/* Past its time (or none said): the writer is trying now, as far as we know. */
	out->retry_in_s = j->retry_at_ms > now_ms ? (long)((j->retry_at_ms - now_ms + 999) / 1000) :
	    -1;
}

bool
statuspage_open_words(const char *page_status, bool after, char *buf, size_t cap)
{
	if (cap > 0)
		buf[0] = '\0';
	if (cap == 0 || page_status == NULL || page_status[0] == '\0' ||
	    strcmp(page_status, "resolved") == 0)
		return false;
	/* Resolving here never touches the page: customers keep reading the
	 * last status until S posts resolved. Resolving disarms, and a post
	 * needs an armed console like any change: said, not left to a
	 * refusal. No host can change once resolved, so arming again then
	 * is for posts (and announcements) only. */
	if (after)
		snprintf(buf, cap, "the status page still says %s: A arms again (for posts only: "
		    "no host can change now), then S resolved", page_status);
	else
		snprintf(buf, cap, "the status page still says %s: S resolved first, or it stays "
		    "public", page_status);
	return true;
}

void
statuspage_journal_note(struct statuspage_journal *j, const char *kind, const char *op,
    uint64_t session, const char *actor)
{
	int i;

	if (strcmp(kind, "shutdown") == 0) {
		for (i = 0; i < j->nopen; i++)
			if (session != 0 && j->open[i].session == session)
				j->open[i].quit = true;
		return;
	}
	if (op == NULL || strncmp(kind, "statuspage.", 11) != 0)
		return;
	for (i = 0; i < j->nopen && strcmp(j->open[i].queue, op) != 0; i++)
		;
	if (strcmp(kind, "statuspage.post") == 0 || strcmp(kind, "statuspage.failed") == 0) {
		if (i < j->nopen)
			j->open[i] = j->open[--j->nopen];
		return;
	}
	if (i == j->nopen) {
		/* Only a queue record opens one; more than fit are counted only. */
		if (strcmp(kind, "statuspage.queue") != 0 || j->nopen == STATUSPAGE_OWNERS)
			return;
		snprintf(j->open[j->nopen++].queue, sizeof(j->open[0].queue), "%s", op);
	}
	j->open[i].session = session;
	snprintf(j->open[i].actor, sizeof(j->open[i].actor), "%s", actor != NULL ? actor : "");
	j->open[i].quit = false;
}

int
statuspage_journal_others(const struct statuspage_journal *j, uint64_t ours,
    statuspage_alive_fn alive, void *arg, const char *next, struct statuspage_badge_in *out)
{
	int i, n = 0;

	out->gone = 0;
	for (i = 0; i < j->nopen; i++) {
		const struct statuspage_owner *o = &j->open[i];

		/* A writing console's client took posts of no session at start. */
		if (ours != 0 && (o->session == ours || o->session == 0))
			continue;
		n++;
		/* A session not said cannot be told gone: say nothing new. */
		if (o->session == 0 || alive(o->session, arg) != 0)
			continue;
		if (out->gone++ == 0) {
			snprintf(out->gone_actor, sizeof(out->gone_actor), "%s", o->actor);
			out->gone_quit = o->quit;
		}
	}
	snprintf(out->gone_next, sizeof(out->gone_next), "%s", next);
	return n;
}

void
statuspage_left_add(struct statuspage_left *l, const struct statuspage_left_item *it)
{
	l->pending++;
	/* A try cut by a quit may have landed: the next console reads the
	 * page before it sends again (statuspage_resume_decide). */
	if (it->maybe_sent || it->try_open) {
		l->maybe++;
		return;
	}
	l->unsent++;
	if (it->answered)
		l->answered++;
}
