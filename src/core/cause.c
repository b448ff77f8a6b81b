/*
 * cause.c — the rollback an incident's status-page text names as its
 * cause. Not the latest rollback: a later re-roll of another service (or
 * of a healthy release) would then be called the cause. The release the
 * metrics judged is the one to name: the first rollback away from a
 * release whose host's verdict turned to ROLLBACK IMMEDIATELY or CONSIDER
 * ROLLBACK while it ran. Without such a verdict the engineer's first
 * rollback is the best word there is.
 */
#include "warroom/cause.h"

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

int
cause_find(const struct record *v, size_t n, struct cause *out)
{
	const cJSON *plan, *pick = NULL;
	size_t i, at = 0;

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
	for (i = at + 1; i < n; i++)
		if ((plan = rollback_plan(&v[i])) != NULL && same(v[i].host, out->host) &&
		    same(str(plan, "service"), out->service) && out->to[0] != '\0' &&
		    same(str(plan, "from"), out->to) && str(plan, "to") != NULL &&
		    str(plan, "to")[0] != '\0')
			wr_strlcpy(out->to, str(plan, "to"), sizeof(out->to));
	return 1;
}
