/*
 * cause.c — the rollback an incident's status-page text names as its
 * cause. Not the latest rollback: a later re-roll of another service (or
 * of a healthy release) would then be called the cause. The release the
 * metrics judged is the one to name: the first rollback away from a
 * release that a turn of its host's verdict to ROLLBACK IMMEDIATELY or
 * CONSIDER ROLLBACK judged, by badrel's one rule (the release started
 * there before the turn, the host not judged OK under it first: a fault
 * of the host's own under a release that was fine there judges nothing).
 * Without such a verdict the engineer's first rollback is the best word
 * there is. But a release of that service rolled back before it, no
 * verdict's turn charged to it and still bad, came first: naming the
 * later judged one would date the cause after the impact began.
 *
 * The default words say only what the journal proves of the service on
 * every host that runs it, not of that one rollback: "back on TAG since T"
 * once every host that ran the bad release is proven off it (an
 * action.end, a later re-read or hand settling said ok, or a health.change
 * read another tag), T when the last of them was; a rollback running on
 * any of them is "under way", and one cut off (UNKNOWN: an end or re-read
 * said so, or a resume found its console gone) is one "we are verifying",
 * never "under way": it may have done all, part or none of its work;
 * short of that the words count the hosts rolled back. A host whose
 * latest rollback ended FAILED is not rolled back, whatever tag is read
 * there since: a k8s undo puts the target in the pod template, which is
 * what the poller reads, before its rollout gives up (else "rolled back on
 * 4 of 6 hosts" would count one at 2/3 ready); only a later OK (a rollback,
 * a re-read, the engineer, or its rollout read complete at its target
 * later: latedone.h, back since it completed) counts it, and the words
 * say how many did not complete. Customers read these, and a service
 * half rolled back, or an
 * unverified success, would be a claim warroom never checked. So "resolved" says "normal again" only when the service is
 * back on every host and no host's verdict asks for a rollback; short of
 * that it says what is proven and that the work goes on.
 *
 * A host proven off the bad release that runs another bad one since (an
 * outside deploy: judged bad, or its verdict asking for a rollback on a
 * release no rollback went to) is not back either: "back on v1.7.0-bad"
 * or "rolled back on every host" would be false. While one does,
 * "identified" gets no default text at all: naming the first release as
 * the cause, with another failing now, is a call for the engineer.
 */
#include "warroom/cause.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "warroom/badrel.h"
#include "warroom/latedone.h"
#include "warroom/probe.h"
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

/* The same release: helm names it "1.5.0-bad" where compose and k8s say
 * "v1.5.0-bad" (a leading v and +build are not part of it). */
static bool
same_release(const char *a, const char *b)
{
	return same(a, b) || (a != NULL && b != NULL &&
	    probe_version_compare(a, b) == PROBE_VERSION_MATCH);
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

/* What the journal says of one host that runs the cause's service. */
struct host_walk {
	const char *name;
	const char *tag;                 /* where it runs: NULL not known; "" off the
	                                    bad release, to a tag its rollback did
	                                    not name */
	const char *op;                  /* its latest rollback of the service */
	const char *to;                  /* where that rollback goes, or NULL */
	bool in_flight;                  /* that rollback runs, or ended UNKNOWN
	                                    and was not settled since */
	bool unknown;                    /* … the latter */
	bool failed;                     /* its latest rollback ended FAILED (and
	                                    nothing said ok since): not back,
	                                    whatever tag is read there */
	bool ran_bad;                    /* it ran the release rolled back from */
	int64_t since_ms;                /* when it was proven at tag */
};

static struct host_walk *
walk_host(struct host_walk *w, size_t nw, const char *name)
{
	size_t i;

	for (i = 0; i < nw; i++)
		if (same(w[i].name, name))
			return &w[i];
	return NULL;
}

static struct host_walk *
walk_op(struct host_walk *w, size_t nw, const char *op)
{
	size_t i;

	for (i = 0; i < nw; i++)
		if (same(w[i].op, op))
			return &w[i];
	return NULL;
}

/* The hosts that run svc: those hosts[] (the config) says, and any that a
 * rollback of svc in the journal names (a config may have changed since).
 * w has room for nhosts + the journal's rollbacks. */
static size_t
walk_hosts(const struct record *v, size_t n, const struct config_host *hosts,
    size_t nhosts, const char *svc, struct host_walk *w)
{
	const cJSON *plan;
	size_t i, nw = 0;

	for (i = 0; i < nhosts; i++)
		if (config_service_index(&hosts[i], svc) >= 0 &&
		    walk_host(w, nw, hosts[i].name) == NULL)
			w[nw++].name = hosts[i].name;
	for (i = 0; i < n; i++)
		if ((plan = rollback_plan(&v[i])) != NULL && same(str(plan, "service"), svc) &&
		    walk_host(w, nw, v[i].host) == NULL)
			w[nw++].name = v[i].host;
	return nw;
}

/* The op ids an incident.resume names as left with no end by a console
 * that is gone: their outcome is UNKNOWN. */
static bool
resume_names(const struct record *r, const char *op)
{
	const cJSON *ops = cJSON_GetObjectItemCaseSensitive(r->data, "unknown_ops"), *o;

	cJSON_ArrayForEach(o, ops)
		if (cJSON_IsString(o) && same(o->valuestring, op))
			return true;
	return false;
}

/* Each host's story of svc in journal order: a health.change that read a
 * new tag says what it runs; a rollback's intent puts it in flight from
 * its from; the last action.end or action.reconcile of that op settles it
 * (ok: at to, failed: where is not known, unknown: still in flight, its
 * outcome unknown), as does a resume that found its console gone
 * (unknown). */
static void
walk_records(const struct record *v, size_t n, const char *svc, const char *bad,
    struct host_walk *w, size_t nw)
{
	const struct record *r;
	const cJSON *plan;
	struct host_walk *h;
	const char *tag, *oc;
	size_t i, k;

	for (i = 0; i < n; i++) {
		r = &v[i];
		if (is(r, "health.change") && same(str(r->data, "service"), svc) &&
		    (h = walk_host(w, nw, r->host)) != NULL &&
		    (tag = str(r->data, "tag")) != NULL && tag[0] != '\0') {
			h->ran_bad |= same_release(tag, bad);
			/* Only the health moved: its tag is the poller's earlier
			 * reading, maybe older than a rollback's proof since. */
			if (same(str(r->data, "was_tag"), tag))
				continue;
			/* The tag a nameless rollback landed on is no move. */
			if (h->tag == NULL || (h->tag[0] != '\0' && !same_release(h->tag, tag)))
				h->since_ms = r->ts_ms;
			h->tag = tag;
		} else if ((plan = rollback_plan(r)) != NULL && same(str(plan, "service"), svc) &&
		    (h = walk_host(w, nw, r->host)) != NULL) {
			tag = str(plan, "from");
			h->ran_bad |= same_release(tag, bad);
			if (!same_release(h->tag, tag))
				h->since_ms = r->ts_ms;
			h->tag = tag;
			h->op = r->op;
			h->to = str(plan, "to");
			h->in_flight = true;
			h->unknown = false;
			h->failed = false;
		} else if (is(r, "incident.resume")) {
			for (k = 0; k < nw; k++)
				if (w[k].in_flight && w[k].op != NULL && resume_names(r, w[k].op))
					w[k].unknown = true;
		} else if ((is(r, "action.end") || is(r, "action.reconcile")) && r->op != NULL &&
		    (h = walk_op(w, nw, r->op)) != NULL) {
			oc = str(r->data, "outcome");
			h->in_flight = !same(oc, "ok") && !same(oc, "failed");
			h->unknown = h->in_flight;
			h->failed = same(oc, "failed");
			if (same(oc, "ok")) {
				h->tag = h->to != NULL ? h->to : "";
				/* A FAILED one's rollout seen complete later: back
				 * since it completed (latedone). */
				h->since_ms = latedone_completed_ms(r) > 0 ? latedone_completed_ms(r) :
				    r->ts_ms;
			} else if (same(oc, "failed")) {
				h->tag = NULL;   /* a failed change may have half happened */
			}
		}
	}
}

/* Whether host w, off the cause's release bad and none running, runs
 * another bad release now (an outside deploy after the rollback): one
 * the incident judged bad, or one no rollback went to while its verdict
 * asks for a rollback (no turn judged it: the verdict was bad already).
 * Such a host is not "back", whatever it left. *judged says which. */
static bool
bad_again(const struct badrel *rel, const struct host_walk *w, const char *bad, bool *judged)
{
	size_t i;

	*judged = false;
	if (w->in_flight || w->failed || w->tag == NULL || w->tag[0] == '\0' ||
	    same_release(w->tag, bad))
		return false;
	if (badrel_is_bad(rel, w->tag))
		return *judged = true;
	for (i = 0; i < rel->ngood; i++)
		if (same_release(rel->good[i], w->tag))
			return false;
	for (i = 0; i < rel->nhosts; i++)
		if (same(rel->hosts[i].host, w->name))
			return rel->hosts[i].bad;
	return false;
}

/* The service across its hosts: a host that never ran bad (and whose tag
 * is known) has nothing to roll back unless it runs another bad release
 * now; every other counts, and one whose latest rollback FAILED is never
 * back (a tag read since may be a template whose rollout never
 * completed), nor one that runs another bad release since (bad_again). */
static void
walk_sum(const struct host_walk *w, size_t nw, const char *bad, const struct badrel *rel,
    struct cause *out)
{
	const char *tag = NULL;
	bool one = true, judged;
	size_t i;

	out->nhosts = out->nback = out->nunder_way = out->nunknown = out->nfailed = 0;
	out->nbad_again = 0;
	out->since_ms = 0;
	for (i = 0; i < nw; i++) {
		if (bad_again(rel, &w[i], bad, &judged)) {
			out->nhosts++;
			if (out->nbad_again++ == 0) {
				wr_strlcpy(out->again_host, w[i].name, sizeof(out->again_host));
				wr_strlcpy(out->again_tag, w[i].tag, sizeof(out->again_tag));
				out->again_judged = judged;
			}
			continue;
		}
		if (!w[i].ran_bad && w[i].tag != NULL)
			continue;
		out->nhosts++;
		if (w[i].in_flight) {
			out->nunder_way++;
			out->nunknown += w[i].unknown;
		} else if (w[i].failed) {
			out->nfailed++;
		} else if (w[i].tag != NULL && !same_release(w[i].tag, bad)) {
			out->nback++;
			if (w[i].since_ms > out->since_ms)
				out->since_ms = w[i].since_ms;
			if (tag == NULL)
				tag = w[i].tag;      /* the first host's spelling */
			else if (!same_release(tag, w[i].tag))
				one = false;
		}
	}
	out->state = out->nunder_way > 0 ? CAUSE_UNDER_WAY :
	    out->nback == out->nhosts ? CAUSE_BACK : CAUSE_NOT_BACK;
	out->one_tag = out->state == CAUSE_BACK && one;
	if (out->one_tag)
		wr_strlcpy(out->to, tag, sizeof(out->to));
	if (out->state != CAUSE_BACK)
		out->since_ms = 0;
}

int
cause_find(const struct record *v, size_t n, const struct config_host *hosts, size_t nhosts,
    struct cause *out)
{
	const cJSON *plan, *pick = NULL;
	struct badrel rel = { 0 };
	struct host_walk *w;
	size_t i, at = 0, nw, nrb = 0;

	memset(out, 0, sizeof(*out));
	/* The whole journal: a tag record written after a verdict may tell
	 * the release that ran when it turned. */
	for (i = 0; i < n; i++)
		if (v[i].kind != NULL)
			badrel_fold(&rel, v[i].kind, v[i].host, v[i].data, v[i].ts_ms);
	for (i = 0; i < n; i++) {
		if ((plan = rollback_plan(&v[i])) == NULL)
			continue;
		nrb++;
		if (pick != NULL && out->judged)
			continue;
		if (badrel_verdict_judged(&rel, v[i].host, str(plan, "service"),
		    str(plan, "from"), v[i].ts_ms) != NULL) {
			pick = plan;
			at = i;
			out->judged = true;
		} else if (pick == NULL) {
			pick = plan;
			at = i;
		}
	}
	if (pick == NULL) {
		badrel_free(&rel);
		return 0;
	}
	/* A release of the same service rolled back earlier, before any
	 * verdict judged it, and still bad (no rollback went to it since):
	 * the incident's impact started with it, not the later judged one. */
	for (i = 0; i < at; i++)
		if ((plan = rollback_plan(&v[i])) != NULL &&
		    same(str(plan, "service"), str(pick, "service")) &&
		    !same_release(str(plan, "from"), str(pick, "from")) &&
		    badrel_is_bad(&rel, str(plan, "from"))) {
			pick = plan;
			at = i;
			out->judged = false;
			break;
		}
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
	/* Not this one rollback: the service on every host that runs it. */
	w = xcalloc(nhosts + nrb, sizeof(*w));
	nw = walk_hosts(v, n, hosts, nhosts, out->service, w);
	walk_records(v, n, out->service, out->from, w, nw);
	walk_sum(w, nw, out->from, &rel, out);
	free(w);
	badrel_free(&rel);
	return 1;
}

/* A verdict that asks for a rollback, or a /healthz that fails: the
 * first of them is when the journal first saw the incident's trouble. */
static bool
is_trouble(const struct record *r)
{
	const char *verdict = str(r->data, "verdict");

	if (is(r, "verdict.change"))
		return same(verdict, "ROLLBACK IMMEDIATELY") || same(verdict, "CONSIDER ROLLBACK");
	return is(r, "health.change") && same(str(r->data, "healthz"), "FAIL");
}

/* The one service host ran by v[0..end)'s health.change records; NULL
 * when none, or several (a verdict is the host's, not a service's). */
static const char *
only_service(const struct record *v, size_t end, const char *host)
{
	const char *svc = NULL, *s;
	size_t i;

	for (i = 0; i < end; i++) {
		if (!is(&v[i], "health.change") || !same(v[i].host, host) ||
		    (s = str(v[i].data, "service")) == NULL || s[0] == '\0')
			continue;
		if (svc != NULL && strcmp(svc, s) != 0)
			return NULL;
		svc = s;
	}
	return svc;
}

bool
cause_trouble_service(const struct record *v, size_t n, char *out, size_t cap)
{
	const char *svc;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!is_trouble(&v[i]))
			continue;
		svc = is(&v[i], "health.change") ? str(v[i].data, "service") :
		    only_service(v, i, v[i].host);
		if (svc != NULL && svc[0] != '\0') {
			wr_strlcpy(out, svc, cap);
			return true;
		}
	}
	return false;
}

int64_t
cause_began(const struct record *v, size_t n)
{
	int64_t open = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (is_trouble(&v[i]))
			return v[i].ts_ms;
		if (open == 0 && is(&v[i], "incident.open"))
			open = v[i].ts_ms;
	}
	return open != 0 ? open : n > 0 ? v[0].ts_ms : 0;
}

void
cause_clock(int64_t ms, char *out, size_t cap)
{
	char ts[WR_TS_MAX];

	if (ms <= 0) {
		wr_strlcpy(out, "a time not confirmed yet", cap);
		return;
	}
	record_format_ts(ms, ts);
	snprintf(out, cap, "%.5s UTC", ts + 11);
}

void
cause_since(const struct cause *c, char *out, size_t cap)
{
	cause_clock(c != NULL && c->state == CAUSE_BACK ? c->since_ms : 0, out, cap);
}

/* Per status, per what is proven, as said of a service on one host (or
 * back on one tag everywhere): no rollback, under way, back, not back,
 * UNKNOWN (verifying: never "under way" nor "back"). */
#define WORDS_UNKNOWN 4
static const char *const words[WR_TEMPLATE_COUNT][5] = {
	[WR_TEMPLATE_INVESTIGATING] = {
		"We are investigating elevated errors in {service} since {began}.",
		"We are investigating elevated errors in {service} since {began}.",
		"We are investigating elevated errors in {service} since {began}.",
		"We are investigating elevated errors in {service} since {began}.",
		"We are investigating elevated errors in {service} since {began}.",
	},
	[WR_TEMPLATE_IDENTIFIED] = {
		"We have identified the cause of the elevated errors and are working on a fix.",
		"The cause is release {from_tag} of {service}; a rollback to {to_tag} is under way.",
		"The cause is release {from_tag} of {service}; it is back on {to_tag} since {since}.",
		"The cause is release {from_tag} of {service}; we are working on a fix.",
		"The cause is release {from_tag} of {service}; we are verifying whether the "
		"rollback to {to_tag} took effect.",
	},
	[WR_TEMPLATE_MONITORING] = {
		"We are watching the error rates and will post again shortly.",
		"A rollback of {service} to {to_tag} is under way; we are watching its error rate.",
		"{service} is back on {to_tag} since {since}; we are watching its error rate.",
		"We are watching the error rate of {service} while we work on a fix.",
		"We are verifying whether the rollback of {service} to {to_tag} took effect; we "
		"are watching its error rate.",
	},
	/* {time} is the post's, not the recovery's: said as such. */
	[WR_TEMPLATE_RESOLVED] = {
		"Resolved: error rates are normal again (as of {time}).",
		"Resolved: error rates of {service} are normal again (as of {time}).",
		"Resolved: {service} runs {to_tag} and error rates are normal again (as of {time}).",
		"Resolved: error rates of {service} are normal again (as of {time}).",
		"Resolved: error rates of {service} are normal again (as of {time}).",   /* not used:
		                                    resolved_in_part */
	},
};

/* The hosts with a rollback in flight, run of them running and unk ended
 * UNKNOWN, counted after b rolled back of n: "a rollback is under way on 1
 * more", "we are verifying whether a rollback took effect on 2 of 3
 * hosts"; an UNKNOWN one is never said to be under way. */
static void
in_flight_words(int run, int unk, int b, int n, char *out, size_t cap)
{
	char of[2][32];
	int i;

	for (i = 0; i < 2; i++)
		if (b > 0)
			snprintf(of[i], sizeof(of[i]), "%d more", i == 0 ? run : unk);
		else
			snprintf(of[i], sizeof(of[i]), "%d of %d hosts", i == 0 ? run : unk, n);
	if (unk == 0)
		snprintf(out, cap, "a rollback is under way on %s", of[0]);
	else if (run == 0)
		snprintf(out, cap, "we are verifying whether a rollback took effect on %s", of[1]);
	else
		snprintf(out, cap, "a rollback is under way on %s and we are verifying whether "
		    "another took effect on %s", of[0], of[1]);
}

/* The hosts whose rollback ended FAILED, after others were counted:
 * "; a rollback did not complete on 1 more" ("" for none). Never counted
 * as rolled back, and never left out of a count that would read as all
 * there is. */
static void
failed_words(const struct cause *c, char *out, size_t cap)
{
	out[0] = '\0';
	if (c->nfailed > 0)
		snprintf(out, cap, "; %s did not complete on %d more", c->nfailed == 1 ?
		    "a rollback" : "rollbacks", c->nfailed);
}

/* A service on several hosts, not all back on one tag: the hosts counted,
 * "under way" while any rollback runs or is UNKNOWN, and those whose
 * rollback FAILED said as not complete. 0 when the one-host words say it
 * as well (nothing rolled back yet, nothing under way). */
static int
many_hosts(int status, const struct cause *c, char *out, size_t cap)
{
	int b = c->nback, n = c->nhosts, u = c->nunder_way, k = c->nunknown;
	bool id = status == WR_TEMPLATE_IDENTIFIED;
	char fl[160], fw[64];

	if (status != WR_TEMPLATE_IDENTIFIED && status != WR_TEMPLATE_MONITORING)
		return 0;
	in_flight_words(u - k, k, b, n, fl, sizeof(fl));
	failed_words(c, fw, sizeof(fw));
	if (c->state == CAUSE_BACK)
		snprintf(out, cap, id ?
		    "The cause is release {from_tag} of {service}; it is rolled back on every "
		    "host since {since}." :
		    "{service} is rolled back on every host since {since}; we are watching its "
		    "error rate.");
	else if (u > 0 && k > 0 && b > 0)
		snprintf(out, cap, id ?
		    "The cause is release {from_tag} of {service}; it is rolled back on %d of %d "
		    "hosts and %s%s." :
		    "{service} is rolled back on %d of %d hosts and %s%s; we are watching its "
		    "error rate.", b, n, fl, fw);
	else if (u > 0 && k > 0 && id)
		snprintf(out, cap, "The cause is release {from_tag} of {service}; %s%s.", fl, fw);
	else if (u > 0 && k > 0) {
		fl[0] = (char)(fl[0] - 'a' + 'A');      /* "a …" or "we …" starts the sentence */
		snprintf(out, cap, "%s%s; we are watching the error rate of {service}.", fl, fw);
	} else if (u > 0 && b > 0)
		snprintf(out, cap, id ?
		    "The cause is release {from_tag} of {service}; it is rolled back on %d of %d "
		    "hosts and a rollback is under way on %d more%s." :
		    "{service} is rolled back on %d of %d hosts and a rollback is under way on "
		    "%d more%s; we are watching its error rate.", b, n, u, fw);
	else if (u > 0)
		snprintf(out, cap, id ?
		    "The cause is release {from_tag} of {service}; a rollback is under way on %d "
		    "of %d hosts%s." :
		    "A rollback of {service} is under way on %d of %d hosts%s; we are watching "
		    "its error rate.", u, n, fw);
	else if (b > 0)
		snprintf(out, cap, id ?
		    "The cause is release {from_tag} of {service}; it is rolled back on %d of %d "
		    "hosts%s and we are working on the rest." :
		    "{service} is rolled back on %d of %d hosts%s; we are watching its error rate "
		    "while we work on the rest.", b, n, fw);
	else
		return 0;
	return 1;
}

/* "Resolved" while a host's verdict asks for a rollback, or the service
 * is not proven back on every host: what is proven, and that the work
 * goes on. Never "normal again" nor "back" for what is not. */
static void
resolved_in_part(const struct cause *c, int not_ok, char *out, size_t cap)
{
	const char *hosts = not_ok == 1 ? "1 host" : NULL;
	char n[32], fl[160], fw[64] = "";

	if (c != NULL)
		failed_words(c, fw, sizeof(fw));
	if (hosts == NULL) {
		snprintf(n, sizeof(n), "%d hosts", not_ok);
		hosts = n;
	}
	if (c == NULL)
		snprintf(out, cap, "Resolved in part: error rates are still elevated on %s; we "
		    "are still working on %s.", hosts, not_ok == 1 ? "it" : "them");
	else if (c->state == CAUSE_BACK)
		snprintf(out, cap, "Resolved in part: {service} %s since {since}, but error rates "
		    "are still elevated on %s; we are still working on %s.",
		    c->one_tag ? "is back on {to_tag}" : "is rolled back on every host", hosts,
		    not_ok == 1 ? "it" : "them");
	else if (c->nback > 0 && c->nunder_way > 0 && c->nunknown > 0) {
		in_flight_words(c->nunder_way - c->nunknown, c->nunknown, c->nback, c->nhosts, fl,
		    sizeof(fl));
		snprintf(out, cap, "Resolved in part: {service} is rolled back on %d of %d hosts "
		    "and %s%s; we are still working on the others.", c->nback, c->nhosts, fl, fw);
	} else if (c->nback > 0 && c->nunder_way > 0)
		snprintf(out, cap, "Resolved in part: {service} is rolled back on %d of %d hosts "
		    "and a rollback is under way on %d more%s; we are still working on the "
		    "others.", c->nback, c->nhosts, c->nunder_way, fw);
	else if (c->nback > 0)
		snprintf(out, cap, "Resolved in part: {service} is rolled back on %d of %d hosts"
		    "%s; we are still working on the others.", c->nback, c->nhosts, fw);
	else if (c->nunknown > 0)
		wr_strlcpy(out, "Not resolved yet: we are verifying whether the rollback of "
		    "{service} took effect; we are still working on it.", cap);
	else if (c->nunder_way > 0)
		wr_strlcpy(out, "Not resolved yet: a rollback of {service} is under way; we are "
		    "still working on it.", cap);
	else
		wr_strlcpy(out, "Not resolved yet: we are still working on a fix for {service}.",
		    cap);
}

int
cause_template(int status, const struct cause *c, int not_ok, char *out, size_t cap)
{
	int k;

	if (status < 0 || status >= WR_TEMPLATE_COUNT) {
		wr_strlcpy(out, "", cap);
		return 0;
	}
	/* "The cause is release X" while another bad release runs: which
	 * one is the cause now is the engineer's to say, not warroom's. */
	if (status == WR_TEMPLATE_IDENTIFIED && c != NULL && c->nbad_again > 0) {
		wr_strlcpy(out, "", cap);
		return 0;
	}
	if (status == WR_TEMPLATE_RESOLVED &&
	    (not_ok > 0 || (c != NULL && c->state != CAUSE_BACK))) {
		resolved_in_part(c, not_ok, out, cap);
		return 1;
	}
	if (c != NULL && c->nhosts > 1 && !c->one_tag && many_hosts(status, c, out, cap))
		return 1;
	/* Back everywhere but on different tags: no one tag to name. */
	k = c == NULL ? 0 : c->state == CAUSE_BACK && !c->one_tag ? 1 + CAUSE_NOT_BACK :
	    c->state == CAUSE_UNDER_WAY && c->nunknown > 0 ? WORDS_UNKNOWN : 1 + (int)c->state;
	wr_strlcpy(out, words[status][k], cap);
	return 1;
}

void
cause_silent_why(const struct cause *c, char *out, size_t cap)
{
	char more[48] = "";

	if (c->nbad_again > 1)
		snprintf(more, sizeof(more), " (and %d more host%s)", c->nbad_again - 1,
		    c->nbad_again == 2 ? "" : "s");
	snprintf(out, cap, "no text offered: %s was rolled back from %s, but %s runs %s now%s, "
	    "%s: the cause is yours to word (type the text, or set it in [templates])",
	    c->service, c->from, c->again_host, c->again_tag, more, c->again_judged ?
	    "a release judged bad too" : "and its verdict asks for a rollback");
}

int
cause_schema_ahead(char *text, size_t cap, const char *database, const char *expected)
{
	static const char *const after[] = { "back on {to_tag}", "runs {to_tag}",
		"rolled back on every host" };
	char note[160], out[1024];
	const char *p = text, *hit, *best;
	size_t i, len = 0;
	int n = 0;

	if (database != NULL && database[0] != '\0' && expected != NULL && expected[0] != '\0')
		snprintf(note, sizeof(note), " (the database schema is ahead of it: %s vs %s)",
		    database, expected);
	else
		wr_strlcpy(note, " (the database schema is ahead of it)", sizeof(note));
	out[0] = '\0';
	for (;;) {
		best = NULL;
		for (i = 0; i < WR_ARRAY_LEN(after); i++)
			if ((hit = strstr(p, after[i])) != NULL && (best == NULL || hit < best)) {
				best = hit;
				len = strlen(after[i]);
			}
		if (best == NULL)
			break;
		wr_appendf(out, sizeof(out), "%.*s%s", (int)(best - p) + (int)len, p, note);
		p = best + len;
		n++;
	}
	if (n == 0)
		return 0;
	wr_appendf(out, sizeof(out), "%s", p);
	wr_strlcpy(text, out, cap);
	return n;
}

enum cause_outcome
cause_outcome(const struct cause *c)
{
	if (c == NULL)
		return CAUSE_OUTCOME_NONE;
	return c->nunknown > 0 ? CAUSE_OUTCOME_UNKNOWN : c->nfailed > 0 ? CAUSE_OUTCOME_FAILED :
	    CAUSE_OUTCOME_NONE;
}

const char *
cause_outcome_name(enum cause_outcome oc)
{
	return oc == CAUSE_OUTCOME_UNKNOWN ? "UNKNOWN" : oc == CAUSE_OUTCOME_FAILED ? "FAILED" :
	    "";
}

/* A text of one's own assumes the rollback worked: with an UNKNOWN or
 * FAILED one it would claim what nobody knows, so only a text written for
 * that outcome, or warroom's words for it, goes out. */
const char *
cause_words(const char *own, const char *for_oc, enum cause_outcome oc, const char *dflt,
    bool *replaced)
{
	bool mine = own != NULL && own[0] != '\0';

	*replaced = false;
	if (oc != CAUSE_OUTCOME_NONE && for_oc != NULL && for_oc[0] != '\0')
		return for_oc;
	if (oc != CAUSE_OUTCOME_NONE) {
		*replaced = mine;
		return dflt;
	}
	return mine ? own : dflt;
}

void
cause_words_why(const char *whose, const char *said, enum cause_outcome oc, const char *key,
    char *out, size_t cap)
{
	char cut[256];

	/* Whole characters: the box shows it as it is. */
	wr_utf8_shorten(cut, sizeof(cut), said, 60);
	snprintf(out, cap, "%s says \"%s\" but the rollback's outcome is %s: using %s "
	    "(set %s in [templates] for your own; edit the text to override)", whose, cut,
	    cause_outcome_name(oc), oc == CAUSE_OUTCOME_UNKNOWN ?
	    "the verifying wording" : "warroom's wording for a failed rollback", key);
}
