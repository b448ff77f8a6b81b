/*
 * badrel.c — which releases the incident judged bad and who still runs
 * one. A host's verdict is the host's, not one service's: a turn to bad
 * judges every tag its services run then, so a tag a rollback went to
 * (the engineer's word that it is good) is never counted bad, whatever
 * verdict came while it ran. Only the turn judges: a verdict that stays
 * bad after a rollback is the rate window's memory of the old release.
 * And only a turn that plausibly came with the release: one the host
 * was judged OK under before (a recorded OK verdict since it started
 * there) is spared, kept apart for the words that say so (as when one
 * host's failing health check made the fleet's good release "bad", and
 * the rollback dialog skipped it). No OK recorded under it (deployed and
 * bad at once, or already bad when the console started) still charges
 * it. Another host running it OK at the time clears nothing: a release
 * may fail on one host only (its share of traffic, its data).
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

/* Keeps where, when and how tag was judged, for the words that say why;
 * turn: 1 + the verdict turn's index, 0 for a rollback (host_bad: its
 * host's verdict was bad then). */
static void
add_why(struct badrel *b, const char *tag, const char *host, const char *svc,
    const char *verdict, int64_t at_ms, size_t turn, bool host_bad)
{
	if (tag == NULL || tag[0] == '\0')
		return;
	b->why = xrealloc(b->why, (b->nwhy + 1) * sizeof(*b->why));
	b->why[b->nwhy++] = (struct badrel_why){ xstrdup(tag), xstrdup(host ? host : ""),
	    svc ? xstrdup(svc) : NULL, verdict ? xstrdup(verdict) : NULL, at_ms, turn, host_bad };
}

/* bad again from the judgements: every tag in why is one judged bad (a
 * rollback's from or a verdict's tag), in the order first judged. */
static void
rebuild_bad(struct badrel *b)
{
	size_t i;

	for (i = 0; i < b->nbad; i++)
		free(b->bad[i]);
	b->nbad = 0;
	for (i = 0; i < b->nwhy; i++)
		add_tag(&b->bad, &b->nbad, b->why[i].tag);
}

int64_t
badrel_started(const cJSON *data, int64_t ts_ms)
{
	const cJSON *ms = cJSON_GetObjectItemCaseSensitive(data, "deployed_ms");
	int64_t t;

	if (!cJSON_IsNumber(ms) || ms->valuedouble <= 0)
		return ts_ms;
	/* Told in whole seconds (compose ps, kubectl), it may be any time in
	 * that second: a rollback's container created at 35.9 s, told as
	 * 35 s, did not run at a verdict of 35.6 s (CI: api's release lost
	 * the judgement that way, and the status page named jobs' instead). */
	t = (int64_t)ms->valuedouble;
	return t % 1000 == 0 ? t + 999 : t;
}

void
badrel_runs_add(struct badrel_run **v, size_t *n, const char *tag, int64_t start_ms)
{
	if (*n > 0 && strcmp((*v)[*n - 1].tag, tag) == 0) {
		/* A console restarted or a re-created container may say later. */
		if (start_ms < (*v)[*n - 1].start_ms)
			(*v)[*n - 1].start_ms = start_ms;
		if (start_ms < (*v)[*n - 1].may_ms)
			(*v)[*n - 1].may_ms = start_ms;
		return;
	}
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = (struct badrel_run){ xstrdup(tag), start_ms, start_ms };
}

void
badrel_runs_read(struct badrel_run **v, size_t *n, const char *tag, const cJSON *data,
    int64_t ts_ms)
{
	const cJSON *told = cJSON_GetObjectItemCaseSensitive(data, "deployed_ms");

	badrel_runs_add(v, n, tag, badrel_started(data, ts_ms));
	if (cJSON_IsNumber(told) && told->valuedouble > 0 &&
	    (int64_t)told->valuedouble < (*v)[*n - 1].may_ms)
		(*v)[*n - 1].may_ms = (int64_t)told->valuedouble;
}

long
badrel_running_in_second(const struct badrel_run *v, size_t n, int64_t at_ms)
{
	long best = -1;
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].may_ms <= at_ms && v[i].start_ms > at_ms &&
		    (best < 0 || v[i].may_ms >= v[best].may_ms))
			best = (long)i;
	return best;
}

long
badrel_running_at(const struct badrel_run *v, size_t n, int64_t at_ms)
{
	long best = -1;
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].start_ms <= at_ms && (best < 0 || v[i].start_ms >= v[best].start_ms))
			best = (long)i;
	return best;
}

void
badrel_runs_free(struct badrel_run *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].tag);
	free(v);
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

/* Whether host's last verdict asked for a rollback (false: none known). */
static bool
host_is_bad(const struct badrel *b, const char *host)
{
	size_t i;

	for (i = 0; host != NULL && i < b->nhosts; i++)
		if (strcmp(b->hosts[i].host, host) == 0)
			return b->hosts[i].bad;
	return false;
}

static struct badrel_svc *
set_tag(struct badrel *b, const char *host, const char *service, const char *tag,
    const cJSON *data, int64_t ts_ms)
{
	struct badrel_svc *s = NULL;
	size_t i;

	for (i = 0; i < b->nsvc && s == NULL; i++)
		if (strcmp(b->svc[i].host, host) == 0 && strcmp(b->svc[i].service, service) == 0)
			s = &b->svc[i];
	if (s == NULL) {
		b->svc = xrealloc(b->svc, (b->nsvc + 1) * sizeof(*b->svc));
		s = &b->svc[b->nsvc++];
		*s = (struct badrel_svc){ xstrdup(host), xstrdup(service), NULL, NULL, 0, 0 };
	}
	free(s->tag);
	s->tag = xstrdup(tag);
	s->said_ms = ts_ms;
	badrel_runs_read(&s->runs, &s->nruns, tag, data, ts_ms);
	return s;
}

/* Whether host's service svc was judged OK after start_ms and before
 * at_ms; *ok_ms: the first such OK. A turn to bad after it, the release
 * unchanged, is not the release's doing: it was fine there. */
static bool
ok_under(const struct badrel *b, const char *host, const char *svc, int64_t start_ms,
    int64_t at_ms, int64_t *ok_ms)
{
	size_t i;

	for (i = 0; i < b->noks; i++) {
		const struct badrel_ok *o = &b->oks[i];

		if (o->at_ms > start_ms && o->at_ms < at_ms && strcmp(o->host, host) == 0 &&
		    (o->service == NULL || strcmp(o->service, svc) == 0)) {
			*ok_ms = o->at_ms;
			return true;
		}
	}
	return false;
}

static void
why_free(struct badrel_why *w)
{
	free(w->tag);
	free(w->host);
	free(w->service);
	free(w->verdict);
}

static void
spared_free(struct badrel_spared *p)
{
	free(p->tag);
	free(p->host);
	free(p->service);
	free(p->verdict);
}

/* The judgement of service svc by turn ti (1 + its index), or NULL. */
static struct badrel_why *
why_of_turn(struct badrel *b, size_t turn, const char *svc)
{
	size_t i;

	for (i = 0; i < b->nwhy; i++)
		if (b->why[i].turn == turn && b->why[i].service != NULL &&
		    strcmp(b->why[i].service, svc) == 0)
			return &b->why[i];
	return NULL;
}

/* The turn turn (1 + its index) not charged to service svc's release,
 * or NULL. */
static struct badrel_spared *
spared_of_turn(struct badrel *b, size_t turn, const char *svc)
{
	size_t i;

	for (i = 0; i < b->nspared; i++)
		if (b->spared[i].turn == turn && strcmp(b->spared[i].service, svc) == 0)
			return &b->spared[i];
	return NULL;
}

/* Charges turn t (its index ti) to the tag s ran then, unless s's host
 * was judged OK under that release before the turn: then the turn is
 * kept as spared. A tag record written after the verdict may tell a
 * release that started before it, which the turn judged rather than the
 * one recorded last: each call judges again, undoing the last one. */
static void
charge(struct badrel *b, const struct badrel_svc *s, size_t ti)
{
	const struct badrel_turn *t = &b->turns[ti];
	long k = badrel_running_at(s->runs, s->nruns, t->at_ms);
	struct badrel_why *w = why_of_turn(b, ti + 1, s->service);
	struct badrel_spared *p = spared_of_turn(b, ti + 1, s->service);
	const char *tag;
	int64_t ok_ms;
	size_t at;

	if (k < 0)
		return;
	/* A deploy told in whole seconds (compose ps) may have started at any
	 * time in it. A turn in that second on a host judged OK under the
	 * release before came with the new one (h7, OK on v1.4.1, turned
	 * at 20.8 s with v1.5.0-bad told as deployed at 20 s, was called its
	 * own fault); one a rollback went to is the engineer's good word. */
	if (t->from_ms == 0 && ok_under(b, s->host, s->service, s->runs[k].start_ms, t->at_ms,
	    &ok_ms)) {
		long j = badrel_running_in_second(s->runs, s->nruns, t->at_ms);

		if (j >= 0 && !listed(b->good, b->ngood, s->runs[j].tag))
			k = j;
	}
	tag = s->runs[k].tag;
	/* A verdict.fresh's readings reach back before this release started:
	 * the old one's errors may be in them, it judges nothing here. */
	if (t->from_ms > 0 && s->runs[k].start_ms > t->from_ms) {
		if (w != NULL) {
			why_free(w);
			memmove(w, w + 1, (size_t)(b->why + b->nwhy - w - 1) * sizeof(*w));
			b->nwhy--;
		}
		if (p != NULL) {
			spared_free(p);
			memmove(p, p + 1, (size_t)(b->spared + b->nspared - p - 1) * sizeof(*p));
			b->nspared--;
		}
		return;
	}
	if (!ok_under(b, s->host, s->service, s->runs[k].start_ms, t->at_ms, &ok_ms)) {
		if (p != NULL) {
			spared_free(p);
			memmove(p, p + 1, (size_t)(b->spared + b->nspared - p - 1) * sizeof(*p));
			b->nspared--;
		}
		if (w == NULL)
			add_why(b, tag, s->host, s->service, t->verdict, t->at_ms, ti + 1, true);
		else if (strcmp(w->tag, tag) != 0) {
			free(w->tag);
			w->tag = xstrdup(tag);
		}
		return;
	}
	if (w != NULL) {
		why_free(w);
		memmove(w, w + 1, (size_t)(b->why + b->nwhy - w - 1) * sizeof(*w));
		b->nwhy--;
	}
	if (p != NULL) {
		free(p->tag);
		p->tag = xstrdup(tag);
		p->ok_ms = ok_ms;
		return;
	}
	/* In the order of the turns: a late tag record may spare an earlier one. */
	for (at = b->nspared; at > 0 && b->spared[at - 1].turn > ti + 1; at--)
		;
	b->spared = xrealloc(b->spared, (b->nspared + 1) * sizeof(*b->spared));
	memmove(&b->spared[at + 1], &b->spared[at], (b->nspared - at) * sizeof(*b->spared));
	b->spared[at] = (struct badrel_spared){ xstrdup(tag), xstrdup(s->host),
	    xstrdup(s->service), xstrdup(t->verdict), t->at_ms, ok_ms, ti + 1 };
	b->nspared++;
}

/* An action that rolls a release back: "compose.rollback", "k8s.undo",
 * "helm.rollback", an older journal's "rollback". */
static bool
rollback_action(const char *a)
{
	return a != NULL && (strstr(a, "rollback") != NULL || strstr(a, "undo") != NULL);
}

/* A verdict that asks for a rollback. */
static bool
verdict_bad(const char *v)
{
	return v != NULL && (strcmp(v, "CONSIDER ROLLBACK") == 0 ||
	    strcmp(v, "ROLLBACK IMMEDIATELY") == 0);
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
		add_why(b, from, host, str_of(plan, "service"), NULL, ts_ms, 0,
		    host_is_bad(b, host));
		add_tag(&b->good, &b->ngood, str_of(plan, "to"));
		return;
	}
	if (host == NULL)
		return;
	/* A record that could not re-read the tag says nothing of it. */
	if (strcmp(kind, "health.change") == 0 && svc != NULL && tag != NULL && tag[0] != '\0') {
		const struct badrel_svc *s = set_tag(b, host, svc, tag, data, ts_ms);
		size_t i;

		/* Turns this service's earlier verdicts judged may have judged
		 * this release, started before them. */
		for (i = 0; i < b->nturns; i++)
			if (strcmp(b->turns[i].host, host) == 0 &&
			    (b->turns[i].service == NULL || strcmp(b->turns[i].service, svc) == 0))
				charge(b, s, i);
		rebuild_bad(b);
		return;
	}
	/* Already bad, so no turn: judged again on the new release's own
	 * readings (a v1.5.2-bad deployed under ROLLBACK IMMEDIATELY was
	 * otherwise never judged, and its exports were no leak). */
	if (strcmp(kind, "verdict.fresh") == 0 && verdict_bad(str_of(data, "verdict"))) {
		const cJSON *from = cJSON_GetObjectItemCaseSensitive(data, "from_ms");
		size_t i;

		if (!cJSON_IsNumber(from) || from->valuedouble <= 0)
			return;
		b->turns = xrealloc(b->turns, (b->nturns + 1) * sizeof(*b->turns));
		b->turns[b->nturns++] = (struct badrel_turn){ xstrdup(host),
		    svc ? xstrdup(svc) : NULL, xstrdup(str_of(data, "verdict")), ts_ms,
		    (int64_t)from->valuedouble };
		for (i = 0; i < b->nsvc; i++)
			if (strcmp(b->svc[i].host, host) == 0 &&
			    (svc == NULL || strcmp(b->svc[i].service, svc) == 0))
				charge(b, &b->svc[i], b->nturns - 1);
		rebuild_bad(b);
		host_of(b, host)->bad = true;
		return;
	}
	if (strcmp(kind, "verdict.change") == 0 && str_of(data, "verdict") != NULL) {
		const char *v = str_of(data, "verdict");
		struct badrel_host *h = host_of(b, host);
		bool bad = verdict_bad(v);
		size_t i;

		if (bad && !h->bad) {
			b->turns = xrealloc(b->turns, (b->nturns + 1) * sizeof(*b->turns));
			b->turns[b->nturns++] = (struct badrel_turn){ xstrdup(host),
			    svc ? xstrdup(svc) : NULL, xstrdup(v), ts_ms, 0 };
			for (i = 0; i < b->nsvc; i++)
				if (strcmp(b->svc[i].host, host) == 0 &&
				    (svc == NULL || strcmp(b->svc[i].service, svc) == 0))
					charge(b, &b->svc[i], b->nturns - 1);
			rebuild_bad(b);
		}
		/* Judged OK: a later turn under the same release is not its. */
		if (strcmp(v, "OK") == 0) {
			b->oks = xrealloc(b->oks, (b->noks + 1) * sizeof(*b->oks));
			b->oks[b->noks++] = (struct badrel_ok){ xstrdup(host),
			    svc ? xstrdup(svc) : NULL, ts_ms };
		}
		/* NO DATA is no verdict: the host stays as it was. */
		if (bad || strcmp(v, "OK") == 0 || strcmp(v, "MONITOR") == 0)
			h->bad = bad;
	}
}

bool
badrel_fresh_due(const struct badrel *b, const char *host, int64_t from_ms)
{
	int64_t last = 0;
	size_t i;

	if (from_ms <= 0 || !host_is_bad(b, host))
		return false;
	for (i = 0; i < b->nturns; i++)
		if (strcmp(b->turns[i].host, host) == 0 && b->turns[i].at_ms > last)
			last = b->turns[i].at_ms;
	for (i = 0; i < b->nsvc; i++) {
		const struct badrel_svc *s = &b->svc[i];
		const struct badrel_run *r;

		if (strcmp(s->host, host) != 0 || s->nruns == 0)
			continue;
		r = &s->runs[s->nruns - 1];
		/* A turn since it started judged it (or spared it) already. */
		if (r->start_ms <= last || r->start_ms > from_ms ||
		    listed(b->good, b->ngood, r->tag))
			continue;
		return true;
	}
	return false;
}

bool
badrel_is_bad(const struct badrel *b, const char *tag)
{
	return listed(b->bad, b->nbad, tag) && !listed(b->good, b->ngood, tag);
}

bool
badrel_verdict_bad(const struct badrel *b, const char *tag)
{
	size_t i;

	if (!badrel_is_bad(b, tag))
		return false;
	for (i = 0; i < b->nwhy; i++)
		if ((b->why[i].verdict != NULL || b->why[i].host_bad) &&
		    badrel_same(b->why[i].tag, tag))
			return true;
	return false;
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
badrel_why_on(const struct badrel *b, const char *host, const char *svc, const char *tag)
{
	const struct badrel_why *verdict = NULL;
	size_t i;

	if (host == NULL || svc == NULL || !badrel_is_bad(b, tag))
		return badrel_why(b, svc, tag);
	/* The host's own word first: on helm-bastion, "api-1 rolled back
	 * from it" hid that helm-bastion was rolled back from it too. */
	for (i = 0; i < b->nwhy; i++) {
		const struct badrel_why *w = &b->why[i];

		if (!badrel_same(w->tag, tag) || strcmp(w->host, host) != 0 ||
		    (w->service != NULL && strcmp(w->service, svc) != 0))
			continue;
		if (w->verdict == NULL)
			return w;
		if (verdict == NULL)
			verdict = w;
	}
	return verdict != NULL ? verdict : badrel_why(b, svc, tag);
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

const struct badrel_why *
badrel_verdict_judged(const struct badrel *b, const char *host, const char *svc,
    const char *tag, int64_t at_ms)
{
	const struct badrel_why *best = NULL;
	size_t i;

	/* why is in the order judged, not of the turns: a late tag record
	 * may have charged an earlier turn after a later one. */
	for (i = 0; i < b->nwhy; i++) {
		const struct badrel_why *w = &b->why[i];

		if (w->verdict != NULL && w->at_ms <= at_ms && host != NULL &&
		    strcmp(w->host, host) == 0 && svc != NULL && w->service != NULL &&
		    strcmp(w->service, svc) == 0 && badrel_same(w->tag, tag) &&
		    (best == NULL || w->at_ms < best->at_ms))
			best = w;
	}
	return best;
}

size_t
badrel_bad_of(const struct badrel *b, const char *host, const char *svc,
    const struct badrel_why **out, size_t max)
{
	const struct badrel_why *w;
	size_t i, k, n = 0;

	for (i = 0; i < b->nwhy && n < max; i++) {
		if ((w = badrel_why_on(b, host, svc, b->why[i].tag)) == NULL)
			continue;
		for (k = 0; k < n && out[k] != w; k++)
			;
		if (k == n)
			out[n++] = w;
	}
	return n;
}

/* The turn (1 + its index) of host's verdict at at_ms, svc the service
 * it named or NULL; 0: none. */
static size_t
turn_at(const struct badrel *b, const char *host, const char *svc, int64_t at_ms)
{
	size_t i;

	for (i = 0; i < b->nturns; i++)
		if (b->turns[i].at_ms == at_ms && strcmp(b->turns[i].host, host) == 0 &&
		    ((svc == NULL && b->turns[i].service == NULL) || (svc != NULL &&
		    b->turns[i].service != NULL && strcmp(b->turns[i].service, svc) == 0)))
			return i + 1;
	return 0;
}

bool
badrel_turn_charged(const struct badrel *b, const char *host, const char *svc, int64_t at_ms)
{
	size_t i, turn = turn_at(b, host, svc, at_ms);

	for (i = 0; turn != 0 && i < b->nwhy; i++)
		if (b->why[i].turn == turn)
			return true;
	return false;
}

bool
badrel_spared_turn(const struct badrel *b, const char *host, const char *svc, int64_t at_ms)
{
	size_t i, turn = turn_at(b, host, svc, at_ms);
	bool spared = false;

	if (turn == 0)
		return false;
	for (i = 0; i < b->nwhy; i++)
		if (b->why[i].turn == turn)
			return false;
	for (i = 0; i < b->nspared && !spared; i++)
		spared = b->spared[i].turn == turn;
	return spared;
}

/* " at HH:MM" (UTC) for at_ms, "" when not known. */
static void
at_words(int64_t at_ms, char *out, size_t cap)
{
	time_t t = (time_t)(at_ms / 1000);
	struct tm tm;
	char hm[8];

	out[0] = '\0';
	if (at_ms > 0 && gmtime_r(&t, &tm) != NULL && strftime(hm, sizeof(hm), "%H:%M", &tm) > 0)
		snprintf(out, cap, " at %s", hm);
}

void
badrel_why_words(const struct badrel_why *w, char *out, size_t cap)
{
	char at[16];

	at_words(w->at_ms, at, sizeof(at));
	/* A record with no host: no "on" before an empty word. */
	if (w->verdict == NULL && w->host[0] == '\0')
		snprintf(out, cap, "rolled back from in this incident%s", at);
	else if (w->verdict == NULL)
		snprintf(out, cap, "rolled back from on %.63s%s", w->host, at);
	else
		snprintf(out, cap, "judged bad: %.63s ran it when its verdict turned %.31s%s",
		    w->host, w->verdict, at);
}

void
badrel_why_alone(const struct badrel_why *w, char *out, size_t cap)
{
	char at[16];

	/* After the tag it names: who rolled back from it, so no "from"
	 * is left without its object ("rolled back from on h1"). */
	if (w->verdict != NULL) {
		badrel_why_words(w, out, cap);
		return;
	}
	at_words(w->at_ms, at, sizeof(at));
	snprintf(out, cap, "%.63s rolled back from it%s", w->host[0] ? w->host : "this incident",
	    at);
}

void
badrel_mark_words(const struct badrel_why *w, const char *here, char *out, size_t cap)
{
	bool own = here != NULL && w->host[0] != '\0' && strcmp(w->host, here) == 0;
	bool other = here != NULL && w->host[0] != '\0' && !own;
	char at[16];

	at_words(w->at_ms, at, sizeof(at));
	if (w->verdict == NULL)
		snprintf(out, cap, "%s%.63s%s rolled back from %.60s%s", other ?
		    "another host, " : "", own ? "this host" : w->host[0] ? w->host :
		    "this incident", other ? "," : "", w->tag, at);
	else
		snprintf(out, cap, "judged bad%s: %.63s ran %.60s when its verdict turned %.31s%s",
		    other ? " on another host" : "", own ? "this host" : w->host[0] ? w->host :
		    "a host", w->tag, w->verdict, at);
}

int
badrel_host_runs_bad(const struct badrel *b, const char *host)
{
	return badrel_host_runs_bad_read(b, host, NULL, 0);
}

/* A release read here is bad: judged so by the incident, or never judged
 * (neither bad nor rolled back to) and the reading's own verdict is bad,
 * as a writing console's verdict.fresh would have judged it. */
static bool
reading_bad(const struct badrel *b, const struct badrel_reading *r)
{
	return badrel_is_bad(b, r->tag) || (r->judged_bad && !listed(b->bad, b->nbad, r->tag) &&
	    !listed(b->good, b->ngood, r->tag));
}

/* The reading of host's service, when it is newer than what the journal
 * said and of another release: the journal is behind it. */
static const struct badrel_reading *
newer_reading(const struct badrel_svc *s, const struct badrel_reading *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (r[i].tag != NULL && r[i].tag[0] != '\0' && strcmp(r[i].service, s->service) == 0)
			return r[i].read_ms > s->said_ms && !badrel_same(r[i].tag, s->tag) ? &r[i] :
			    NULL;
	return NULL;
}

int
badrel_host_runs_bad_read(const struct badrel *b, const char *host,
    const struct badrel_reading *r, size_t n)
{
	bool known = false, judged = false, bad = false;
	size_t i, k;

	for (i = 0; i < b->nbad && !judged; i++)
		judged = badrel_is_bad(b, b->bad[i]);
	for (k = 0; k < n && !judged; k++)
		judged = r[k].tag != NULL && r[k].tag[0] != '\0' && reading_bad(b, &r[k]);
	if (!judged)
		return -1;
	for (i = 0; i < b->nsvc; i++) {
		const struct badrel_reading *nr;

		if (strcmp(b->svc[i].host, host) != 0)
			continue;
		nr = newer_reading(&b->svc[i], r, n);
		bad |= nr != NULL ? reading_bad(b, nr) : badrel_is_bad(b, b->svc[i].tag);
		known = true;
	}
	/* Services read here that the journal never named for host. */
	for (k = 0; k < n; k++) {
		if (r[k].tag == NULL || r[k].tag[0] == '\0')
			continue;
		for (i = 0; i < b->nsvc; i++)
			if (strcmp(b->svc[i].host, host) == 0 &&
			    strcmp(b->svc[i].service, r[k].service) == 0)
				break;
		if (i < b->nsvc)
			continue;
		bad |= reading_bad(b, &r[k]);
		known = true;
	}
	return bad ? 1 : known ? 0 : -1;
}

bool
badrel_host_same_since(const struct badrel *b, const char *host, int64_t at_ms)
{
	size_t i;

	for (i = 0; i < b->nsvc; i++) {
		const struct badrel_svc *s = &b->svc[i];
		long k;

		if (strcmp(s->host, host) != 0 || s->nruns == 0)
			continue;
		/* Nothing read by then: what was read first is what it ran. */
		k = badrel_running_at(s->runs, s->nruns, at_ms);
		if ((size_t)(k < 0 ? 0 : k) != s->nruns - 1)
			return false;
	}
	return true;
}

/* host's services as "api runs v1.4.1, jobs runs …": those on a bad
 * release only, or every one with a tag read. */
static size_t
host_runs(const struct badrel *b, const char *host, bool bad_only, char *buf, size_t cap)
{
	size_t i, n = 0;
	int len = 0;

	if (cap == 0)
		return 0;
	buf[0] = '\0';
	for (i = 0; i < b->nsvc; i++) {
		if (strcmp(b->svc[i].host, host) != 0 || b->svc[i].tag == NULL ||
		    (bad_only && !badrel_is_bad(b, b->svc[i].tag)))
			continue;
		len += snprintf(buf + len, (size_t)len < cap ? cap - (size_t)len : 0, "%s%s runs %s",
		    n > 0 ? ", " : "", b->svc[i].service, b->svc[i].tag);
		n++;
	}
	return n;
}

size_t
badrel_host_bad_words(const struct badrel *b, const char *host, char *buf, size_t cap)
{
	return host_runs(b, host, true, buf, cap);
}

size_t
badrel_host_runs_words(const struct badrel *b, const char *host, char *buf, size_t cap)
{
	return host_runs(b, host, false, buf, cap);
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
		badrel_runs_free(b->svc[i].runs, b->svc[i].nruns);
	}
	for (i = 0; i < b->nturns; i++) {
		free(b->turns[i].host);
		free(b->turns[i].service);
		free(b->turns[i].verdict);
	}
	free(b->turns);
	for (i = 0; i < b->nhosts; i++)
		free(b->hosts[i].host);
	for (i = 0; i < b->nwhy; i++)
		why_free(&b->why[i]);
	free(b->why);
	for (i = 0; i < b->noks; i++) {
		free(b->oks[i].host);
		free(b->oks[i].service);
	}
	free(b->oks);
	for (i = 0; i < b->nspared; i++)
		spared_free(&b->spared[i]);
	free(b->spared);
	free(b->bad);
	free(b->good);
	free(b->svc);
	free(b->hosts);
	memset(b, 0, sizeof(*b));
}
