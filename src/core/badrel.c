/*
 * badrel.c — which releases the incident judged bad and who still runs
 * one. A host's verdict is the host's, not one service's: a turn to bad
 * judges every tag its services run then, so a tag a rollback went to
 * (the engineer's word that it is good) is never counted bad, whatever
 * verdict came while it ran. Only the turn judges: a verdict that stays
 * bad after a rollback is the rate window's memory of the old release.
 */
#include "warroom/badrel.h"

#include <stdlib.h>
#include <string.h>

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
badrel_fold(struct badrel *b, const char *kind, const char *host, const cJSON *data)
{
	const char *svc = str_of(data, "service"), *tag = str_of(data, "tag");

	if (strcmp(kind, "action.intent") == 0 && rollback_action(str_of(data, "action"))) {
		const cJSON *plan = cJSON_GetObjectItemCaseSensitive(data, "plan");

		add_tag(&b->bad, &b->nbad, str_of(plan, "from"));
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
				    (svc == NULL || strcmp(b->svc[i].service, svc) == 0))
					add_tag(&b->bad, &b->nbad, b->svc[i].tag);
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
	free(b->bad);
	free(b->good);
	free(b->svc);
	free(b->hosts);
	memset(b, 0, sizeof(*b));
}
