/*
 * badrel.c — which releases the incident judged bad and who still runs
 * one. A host's verdict is the host's, not one service's: a turn to bad
 * judges every tag its services run then, so a tag a rollback went to
 * (the engineer's word that it is good) is never counted bad, whatever
 * verdict came while it ran. Only the turn judges: a verdict that stays
 * bad after a rollback is the rate window's memory of the old release.
 */
#include "warroom/badrel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "warroom/probe.h"
#include "warroom/util.h"

static const char *
str_of(const cJSON *o, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

bool
badrel_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL || a[0] == '\0' || b[0] == '\0')
		return false;
	return strcmp(a, b) == 0 || probe_version_compare(a, b) == PROBE_VERSION_MATCH;
}

static bool
listed(char *const *v, size_t n, const char *tag)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (badrel_same(v[i], tag))
			return true;
	return false;
}

static void
add_tag(char ***v, size_t *n, const char *tag)
{
	if (tag == NULL || tag[0] == '\0' || listed(*v, *n, tag))
		return;
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = xstrdup(tag);
}

/* Takes tag off v: a rollback from it undoes an earlier rollback's word
 * that it was good. */
static void
drop_tag(char **v, size_t *n, const char *tag)
{
	size_t i;

	for (i = *n; i-- > 0;)
		if (badrel_same(v[i], tag)) {
			free(v[i]);
			memmove(&v[i], &v[i + 1], (*n - i - 1) * sizeof(*v));
			(*n)--;
		}
}

/* Keeps where, when and how tag was judged, for the words that say why. */
static void
add_why(struct badrel *b, const char *tag, const char *host, const char *svc,
    const char *verdict, int64_t at_ms)
{
	if (tag == NULL || tag[0] == '\0')
		return;
	b->why = xrealloc(b->why, (b->nwhy + 1) * sizeof(*b->why));
	b->why[b->nwhy++] = (struct badrel_why){ xstrdup(tag), xstrdup(host ? host : ""),
	    svc ? xstrdup(svc) : NULL, verdict ? xstrdup(verdict) : NULL, at_ms };
}

static struct badrel_host *
host_of(struct badrel *b, const char *host)
{
	size_t i;

	for (i = 0; i < b->nhosts; i++)
		if (strcmp(b->hosts[i].host, host) == 0)
			return &b->hosts[i];
	b->hosts = xrealloc(b->hosts, (b->nhosts + 1) * sizeof(*b->hosts));
	b->hosts[b->nhosts] = (struct badrel_host){ xstrdup(host), false };
	return &b->hosts[b->nhosts++];
}

static void
set_tag(struct badrel *b, const char *host, const char *service, const char *tag)
{
	size_t i;

	for (i = 0; i < b->nsvc; i++)
		if (strcmp(b->svc[i].host, host) == 0 && strcmp(b->svc[i].service, service) == 0) {
			free(b->svc[i].tag);
			b->svc[i].tag = xstrdup(tag);
			return;
		}
	b->svc = xrealloc(b->svc, (b->nsvc + 1) * sizeof(*b->svc));
	b->svc[b->nsvc++] = (struct badrel_svc){ xstrdup(host), xstrdup(service), xstrdup(tag) };
}

/* An action that rolls a release back: "compose.rollback", "k8s.undo",
 * "helm.rollback", an older journal's "rollback". */
static bool
rollback_action(const char *a)
{
	return a != NULL && (strstr(a, "rollback") != NULL || strstr(a, "undo") != NULL);
}

void
badrel_fold(struct badrel *b, const char *kind, const char *host, const cJSON *data,
    int64_t ts_ms)
{
	const char *svc = str_of(data, "service"), *tag = str_of(data, "tag");

	if (strcmp(kind, "action.intent") == 0 && rollback_action(str_of(data, "action"))) {
		const cJSON *plan = cJSON_GetObjectItemCaseSensitive(data, "plan");
		const char *from = str_of(plan, "from");

		add_tag(&b->bad, &b->nbad, from);
		/* Rolled to earlier, rolled back from now: bad again. */
		if (from != NULL && from[0] != '\0')
			drop_tag(b->good, &b->ngood, from);
		add_why(b, from, host, str_of(plan, "service"), NULL, ts_ms);
		add_tag(&b->good, &b->ngood, str_of(plan, "to"));
		return;
	}
	if (host == NULL)
		return;
	/* A record that could not re-read the tag says nothing of it. */
	if (strcmp(kind, "health.change") == 0 && svc != NULL && tag != NULL && tag[0] != '\0') {
		set_tag(b, host, svc, tag);
		return;
	}
	if (strcmp(kind, "verdict.change") == 0 && str_of(data, "verdict") != NULL) {
		const char *v = str_of(data, "verdict");
		struct badrel_host *h = host_of(b, host);
		bool bad = strcmp(v, "CONSIDER ROLLBACK") == 0 ||
		    strcmp(v, "ROLLBACK IMMEDIATELY") == 0;
		size_t i;

		if (bad && !h->bad)
			for (i = 0; i < b->nsvc; i++)
				if (strcmp(b->svc[i].host, host) == 0 &&
				    (svc == NULL || strcmp(b->svc[i].service, svc) == 0)) {
					add_tag(&b->bad, &b->nbad, b->svc[i].tag);
					add_why(b, b->svc[i].tag, host, b->svc[i].service, v, ts_ms);
				}
		/* NO DATA is no verdict: the host stays as it was. */
		if (bad || strcmp(v, "OK") == 0 || strcmp(v, "MONITOR") == 0)
			h->bad = bad;
	}
}

bool
badrel_is_bad(const struct badrel *b, const char *tag)
{
	return listed(b->bad, b->nbad, tag) && !listed(b->good, b->ngood, tag);
}

const struct badrel_why *
badrel_why(const struct badrel *b, const char *svc, const char *tag)
{
	const struct badrel_why *verdict = NULL;
	size_t i;

	if (svc == NULL || !badrel_is_bad(b, tag))
		return NULL;
	/* A rollback from it says most: the engineer's word, not a rate. */
	for (i = 0; i < b->nwhy; i++) {
		const struct badrel_why *w = &b->why[i];

		if (!badrel_same(w->tag, tag) || (w->service != NULL && strcmp(w->service, svc) != 0))
			continue;
		if (w->verdict == NULL)
			return w;
		if (verdict == NULL)
			verdict = w;
	}
	return verdict;
}

const struct badrel_why *
badrel_why_before(const struct badrel *b, const char *svc, const char *tag, int64_t at_ms)
{
	size_t i;

	if (svc == NULL || !badrel_is_bad(b, tag))
		return NULL;
	for (i = 0; i < b->nwhy; i++) {
		const struct badrel_why *w = &b->why[i];

		if (badrel_same(w->tag, tag) && (w->service == NULL || strcmp(w->service, svc) == 0) &&
		    w->at_ms < at_ms)
			return w;
	}
	return NULL;
}

size_t
badrel_bad_of(const struct badrel *b, const char *svc, const struct badrel_why **out,
    size_t max)
{
	const struct badrel_why *w;
	size_t i, k, n = 0;

	for (i = 0; i < b->nwhy && n < max; i++) {
		if ((w = badrel_why(b, svc, b->why[i].tag)) == NULL)
			continue;
		for (k = 0; k < n && out[k] != w; k++)
			;
		if (k == n)
			out[n++] = w;
	}
	return n;
}

void
badrel_why_words(const struct badrel_why *w, char *out, size_t cap)
{
	char at[8] = "";
	time_t t = (time_t)(w->at_ms / 1000);
	struct tm tm;

	if (w->at_ms > 0 && gmtime_r(&t, &tm) != NULL)
		strftime(at, sizeof(at), "%H:%M", &tm);
	if (w->verdict == NULL)
		snprintf(out, cap, "rolled back from on %.63s%s%s", w->host, at[0] ? " at " : "",
		    at);
	else
		snprintf(out, cap, "judged bad: %.63s ran it when its verdict turned %.31s%s%s",
		    w->host, w->verdict, at[0] ? " at " : "", at);
}

int
badrel_host_runs_bad(const struct badrel *b, const char *host)
{
	bool known = false, judged = false;
	size_t i;

	for (i = 0; i < b->nbad && !judged; i++)
		judged = badrel_is_bad(b, b->bad[i]);
	if (!judged)
		return -1;
	for (i = 0; i < b->nsvc; i++) {
		if (strcmp(b->svc[i].host, host) != 0)
			continue;
		if (badrel_is_bad(b, b->svc[i].tag))
			return 1;
		known = true;
	}
	return known ? 0 : -1;
}

void
badrel_free(struct badrel *b)
{
	size_t i;

	for (i = 0; i < b->nbad; i++)
		free(b->bad[i]);
	for (i = 0; i < b->ngood; i++)
		free(b->good[i]);
	for (i = 0; i < b->nsvc; i++) {
		free(b->svc[i].host);
		free(b->svc[i].service);
		free(b->svc[i].tag);
	}
	for (i = 0; i < b->nhosts; i++)
		free(b->hosts[i].host);
	for (i = 0; i < b->nwhy; i++) {
		free(b->why[i].tag);
		free(b->why[i].host);
		free(b->why[i].service);
		free(b->why[i].verdict);
	}
	free(b->why);
	free(b->bad);
	free(b->good);
	free(b->svc);
	free(b->hosts);
	memset(b, 0, sizeof(*b));
}
