/*
 * cause.c — the rollback an incident's status-page text names as its
 * cause. Not the latest rollback: a later re-roll of another service (or
 * of a healthy release) would then be called the cause. The release the
 * metrics judged is the one to name: the first rollback away from a
 * release whose host's verdict turned to ROLLBACK IMMEDIATELY or CONSIDER
 * ROLLBACK while it ran. Without such a verdict the engineer's first
 * rollback is the best word there is.
 *
 * The default words say only what the journal proves of that rollback:
 * "back on TAG since T" once its action.end (or a later re-read or hand
 * settling) said ok; a rollback still running or cut off (UNKNOWN) is
 * "under way", a failed one is not described as done. Customers read
 * these, and an unverified success would be a claim warroom never checked.
 */
#include "warroom/cause.h"

#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "warroom/record.h"
#include "warroom/util.h"

static const char *
str(const cJSON *o, const char *key)
{
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(s) ? s->valuestring : NULL;
}

static bool
is(const struct record *r, const char *kind)
{
	return r->kind != NULL && strcmp(r->kind, kind) == 0;
}

static bool
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* A rollback's plan (compose, kubectl undo, helm), or NULL. */
static const cJSON *
rollback_plan(const struct record *r)
{
	const cJSON *plan = cJSON_GetObjectItemCaseSensitive(r->data, "plan");
	const char *action = str(plan, "action");

	if (!is(r, "action.intent") || r->host == NULL || action == NULL ||
	    str(plan, "service") == NULL || str(plan, "from") == NULL)
		return NULL;
	if (strcmp(action, "compose.rollback") != 0 && strcmp(action, "k8s.undo") != 0 &&
	    strcmp(action, "helm.rollback") != 0)
		return NULL;
	return plan;
}

/* Did host's verdict turn bad, within v[0..end), while its service svc
 * ran tag (the last health.change before it said so)? */
static bool
judged_bad(const struct record *v, size_t end, const char *host, const char *svc,
    const char *tag)
{
	const char *ran = NULL, *verdict;
	size_t i;

	for (i = 0; i < end; i++) {
		if (!same(v[i].host, host))
			continue;
		if (is(&v[i], "health.change") && same(str(v[i].data, "service"), svc))
			ran = str(v[i].data, "tag");
		else if (is(&v[i], "verdict.change") && same(ran, tag) &&
		    (verdict = str(v[i].data, "verdict")) != NULL &&
		    (strcmp(verdict, "ROLLBACK IMMEDIATELY") == 0 ||
		    strcmp(verdict, "CONSIDER ROLLBACK") == 0))
			return true;
	}
	return false;
}

/* The outcome of the action.intent v[at]: the last action.end or
 * action.reconcile of its op decides (a re-read settles an UNKNOWN end). */
static void
settle(const struct record *v, size_t n, size_t at, struct cause *out)
{
	const char *oc;
	size_t i;

	out->state = CAUSE_UNSETTLED;
	out->since_ms = 0;
	for (i = at + 1; i < n && v[at].op != NULL; i++) {
		if (!same(v[i].op, v[at].op) ||
		    (!is(&v[i], "action.end") && !is(&v[i], "action.reconcile")))
			continue;
		oc = str(v[i].data, "outcome");
		if (same(oc, "ok")) {
			out->state = CAUSE_OK;
			out->since_ms = v[i].ts_ms;
		} else {
			out->state = same(oc, "failed") ? CAUSE_FAILED : CAUSE_UNSETTLED;
			out->since_ms = 0;
		}
	}
}

int
cause_find(const struct record *v, size_t n, struct cause *out)
{
	const cJSON *plan, *pick = NULL;
	size_t i, at = 0, last;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n && (pick == NULL || !out->judged); i++) {
		if ((plan = rollback_plan(&v[i])) == NULL)
			continue;
		if (judged_bad(v, i, v[i].host, str(plan, "service"), str(plan, "from"))) {
			pick = plan;
			at = i;
			out->judged = true;
		} else if (pick == NULL) {
			pick = plan;
			at = i;
		}
	}
	if (pick == NULL)
		return 0;
	wr_strlcpy(out->host, v[at].host, sizeof(out->host));
	wr_strlcpy(out->service, str(pick, "service"), sizeof(out->service));
	wr_strlcpy(out->from, str(pick, "from"), sizeof(out->from));
	wr_strlcpy(out->to, str(pick, "to") != NULL ? str(pick, "to") : "", sizeof(out->to));
	/* Rolled back further from where this one left it: it is there now. */
	for (i = at + 1, last = at; i < n; i++)
		if ((plan = rollback_plan(&v[i])) != NULL && same(v[i].host, out->host) &&
		    same(str(plan, "service"), out->service) && out->to[0] != '\0' &&
		    same(str(plan, "from"), out->to) && str(plan, "to") != NULL &&
		    str(plan, "to")[0] != '\0') {
			wr_strlcpy(out->to, str(plan, "to"), sizeof(out->to));
			last = i;
		}
	settle(v, n, last, out);
	return 1;
}

void
cause_since(const struct cause *c, char *out, size_t cap)
{
	char ts[WR_TS_MAX];

	if (c == NULL || c->state != CAUSE_OK) {
		wr_strlcpy(out, "a time not confirmed yet", cap);
		return;
	}
	record_format_ts(c->since_ms, ts);
	snprintf(out, cap, "%.5s UTC", ts + 11);
}

/* Per status, per what is proven: no rollback, unsettled, ok, failed. */
static const char *const words[WR_TEMPLATE_COUNT][4] = {
	[WR_TEMPLATE_INVESTIGATING] = {
		"We are investigating elevated errors in {service} since {time}.",
		"We are investigating elevated errors in {service} since {time}.",
		"We are investigating elevated errors in {service} since {time}.",
		"We are investigating elevated errors in {service} since {time}.",
	},
	[WR_TEMPLATE_IDENTIFIED] = {
		"We have identified the cause of the elevated errors and are working on a fix.",
		"The cause is release {from_tag} of {service}; a rollback to {to_tag} is under way.",
		"The cause is release {from_tag} of {service}; it is back on {to_tag} since {since}.",
		"The cause is release {from_tag} of {service}; we are working on a fix.",
	},
	[WR_TEMPLATE_MONITORING] = {
		"We are watching the error rates and will post again shortly.",
		"A rollback of {service} to {to_tag} is under way; we are watching its error rate.",
		"{service} is back on {to_tag} since {since}; we are watching its error rate.",
		"We are watching the error rate of {service} while we work on a fix.",
	},
	[WR_TEMPLATE_RESOLVED] = {
		"Resolved: error rates are normal again ({time}).",
		"Resolved: error rates of {service} are normal again ({time}).",
		"Resolved: {service} runs {to_tag} and error rates are normal again ({time}).",
		"Resolved: error rates of {service} are normal again ({time}).",
	},
};

const char *
cause_template(int status, const struct cause *c)
{
	if (status < 0 || status >= WR_TEMPLATE_COUNT)
		return "";
	return words[status][c == NULL ? 0 : 1 + (int)c->state];
}
