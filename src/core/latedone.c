/*
 * latedone.c — a FAILED k8s rollback whose rollout completed after the
 * console stopped waiting (see latedone.h). Only an end that says the
 * undo applied and its rollout was not complete yet (the "rollout" its
 * read-back wrote) can turn OK: an undo that exited non-zero may have done
 * nothing, and a deployment read at another tag or revision since was
 * moved by something else, so neither says this rollback worked.
 * A helm rollback's --wait that ran out is told from helm's own history:
 * the revision it made recorded failed by the wait, not by the apply.
 * A kill switch whose re-read gave up is decided by /export alone, read
 * whole after that: the switch's change went out, so no answer is no news,
 * and only one saying the opposite of what it wanted says FAILED.
 */
#include "warroom/latedone.h"

#include <stdio.h>
#include <string.h>

#include "warroom/badrel.h"
#include "warroom/util.h"

static const char *
str_of(const cJSON *o, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

static int
int_of(const cJSON *o, const char *key)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsNumber(n) ? (int)n->valuedouble : 0;
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

/* A rollback's plan (as rbtarget and cause read them), or NULL. */
static const cJSON *
rollback_plan(const struct record *r)
{
	const cJSON *plan = cJSON_GetObjectItemCaseSensitive(r->data, "plan");
	const char *k = str_of(plan, "action");

	if (!is(r, "action.intent") || k == NULL)
		return NULL;
	return strcmp(k, "compose.rollback") == 0 || strcmp(k, "k8s.undo") == 0 ||
	    strcmp(k, "helm.rollback") == 0 ? plan : NULL;
}

/* Whether the last word that settles v[end]'s op (an UNKNOWN end's) is
 * the engineer's FAILED by hand; *at_ms: when it was said. */
static bool
hand_failed(const struct record *v, size_t n, size_t end, int64_t *at_ms)
{
	const struct record *last = NULL;
	size_t i;

	if (!record_end_unknown(&v[end]))
		return false;
	for (i = end + 1; i < n; i++)
		if (is(&v[i], "action.reconcile") && same(v[i].op, v[end].op) &&
		    record_settles(&v[i]))
			last = &v[i];
	if (last == NULL || !same(str_of(last->data, "by"), "hand") ||
	    !same(str_of(last->data, "outcome"), "failed"))
		return false;
	*at_ms = last->ts_ms;
	return true;
}

static const cJSON *reread_rollout(const struct record *v, size_t n, size_t end,
    int64_t *at_ms);

bool
latedone_pending(const struct record *v, size_t n, const char *host, const char *svc,
    struct latedone_pending *out)
{
	const cJSON *plan = NULL, *p, *ro;
	const char *to, *got;
	size_t i, at = n, end = n;
	int rev, from_rev;

	memset(out, 0, sizeof(*out));
	/* Its latest rollback: one after it says more than this one can. */
	for (i = 0; i < n; i++)
		if ((p = rollback_plan(&v[i])) != NULL && v[i].op != NULL && same(v[i].host, host) &&
		    same(str_of(p, "service"), svc)) {
			plan = p;
			at = i;
		}
	if (plan == NULL)
		return false;
	for (i = at + 1; i < n && end == n; i++)
		if (is(&v[i], "action.end") && same(v[i].op, v[at].op))
			end = i;
	if (end < n && hand_failed(v, n, end, &out->failed_ms)) {
		to = str_of(plan, "to");
		/* Without a target, no reading can say it got there. */
		if (to == NULL || to[0] == '\0')
			return false;
		wr_strlcpy(out->op, v[at].op, sizeof(out->op));
		wr_strlcpy(out->host, host, sizeof(out->host));
		wr_strlcpy(out->service, svc, sizeof(out->service));
		wr_strlcpy(out->action, str_of(plan, "action"), sizeof(out->action));
		wr_strlcpy(out->to, to, sizeof(out->to));
		out->by_hand = true;
		return true;
	}
	if (end == n)
		return false;
	out->failed_ms = v[end].ts_ms;
	if (record_end_unknown(&v[end])) {
		/* Quit or cut off mid-wait: only a re-read since that found the
		 * revision it made (helm's, failed by its wait) says it applied. */
		if ((ro = reread_rollout(v, n, end, &out->failed_ms)) == NULL)
			return false;
		out->unknown = true;
	} else if (!same(str_of(v[end].data, "outcome"), "failed") ||
	    !cJSON_IsObject(ro = cJSON_GetObjectItemCaseSensitive(v[end].data, "rollout")))
		return false;
	/* Settled since (a console before this one saw it complete). */
	for (i = end + 1; i < n; i++)
		if (is(&v[i], "action.reconcile") && same(v[i].op, v[at].op) && record_settles(&v[i]))
			return false;
	rev = int_of(ro, "revision");
	from_rev = int_of(plan, "from_revision");
	to = str_of(plan, "to");
	got = str_of(ro, "tag");
	/* Applied, and where the plan went: an undo that landed elsewhere is
	 * not this rollback done. */
	if (rev <= 0 || (from_rev > 0 && rev <= from_rev) || got == NULL || got[0] == '\0' ||
	    (to != NULL && to[0] != '\0' && !badrel_same(to, got)))
		return false;
	wr_strlcpy(out->op, v[at].op, sizeof(out->op));
	wr_strlcpy(out->host, host, sizeof(out->host));
	wr_strlcpy(out->service, svc, sizeof(out->service));
	wr_strlcpy(out->action, str_of(plan, "action"), sizeof(out->action));
	wr_strlcpy(out->to, to != NULL && to[0] != '\0' ? to : got, sizeof(out->to));
	out->revision = rev;
	return true;
}

/* The rollout a re-read after p's UNKNOWN end found applied (an
 * action.reconcile of op with "rollout"), the newest, or NULL; *at_ms
 * (NULL: not wanted): that re-read's time. */
static const cJSON *
reread_rollout(const struct record *v, size_t n, size_t end, int64_t *at_ms)
{
	const cJSON *ro, *found = NULL;
	size_t i;

	for (i = end + 1; i < n; i++)
		if (is(&v[i], "action.reconcile") && same(v[i].op, v[end].op) &&
		    cJSON_IsObject(ro = cJSON_GetObjectItemCaseSensitive(v[i].data, "rollout"))) {
			found = ro;
			if (at_ms != NULL)
				*at_ms = v[i].ts_ms;
		}
	return found;
}

/* The plan of host's last kill switch in v[0..n), whichever service
 * (what it left decides), or NULL; *at: its intent, *end: its action.end
 * (n: none yet). */
static const cJSON *
last_killswitch(const struct record *v, size_t n, const char *host, size_t *at, size_t *end)
{
	const cJSON *plan = NULL, *p;
	const char *k;
	size_t i;

	*at = *end = n;
	for (i = 0; i < n; i++) {
		p = cJSON_GetObjectItemCaseSensitive(v[i].data, "plan");
		k = str_of(p, "action");
		if (is(&v[i], "action.intent") && v[i].op != NULL && same(v[i].host, host) &&
		    k != NULL && strlen(k) >= 10 && strcmp(k + strlen(k) - 10, "killswitch") == 0) {
			plan = p;
			*at = i;
		}
	}
	if (plan == NULL)
		return NULL;
	for (i = *at + 1; i < n && *end == n; i++)
		if (is(&v[i], "action.end") && same(v[i].op, v[*at].op))
			*end = i;
	return plan;
}

bool
latedone_ks_pending(const struct record *v, size_t n, const char *host,
    struct latedone_pending *out)
{
	const cJSON *plan, *p, *ro;
	const char *tag, *outcome, *set;
	size_t i, at, end;
	int rev;

	memset(out, 0, sizeof(*out));
	if ((plan = last_killswitch(v, n, host, &at, &end)) == NULL ||
	    !same(str_of(plan, "action"), "k8s.killswitch"))
		return false;
	if (end == n || (outcome = str_of(v[end].data, "outcome")) == NULL)
		return false;
	for (i = end + 1; i < n; i++)
		if (same(v[i].op, v[at].op) && (record_settles(&v[i]) ||
		    latedone_completed_ms(&v[i]) > 0))
			return false;
	set = str_of(plan, "env_set");
	if (strcmp(outcome, "failed") == 0 &&
	    cJSON_IsObject(ro = cJSON_GetObjectItemCaseSensitive(v[end].data, "rollout"))) {
		rev = int_of(ro, "revision");
		tag = str_of(ro, "tag");
		if (rev <= 0 || rev <= int_of(plan, "from_revision") || tag == NULL ||
		    tag[0] == '\0')
			return false;
	} else if (strcmp(outcome, "unknown") == 0 && same(set, "off")) {
		/* A dropped rollout status: applied or not, complete or not, is
		 * not known. A re-read may have found the revision it made. */
		out->unknown = true;
		ro = reread_rollout(v, n, end, NULL);
		rev = int_of(ro, "revision");
		tag = str_of(ro, "tag");
		if (rev <= int_of(plan, "from_revision") || tag == NULL || tag[0] == '\0') {
			/* None known: a complete rollout of a template holding off. */
			rev = 0;
			tag = str_of(plan, "keep_tag");
			wr_strlcpy(out->env, set, sizeof(out->env));
		}
	} else
		return false;
	wr_strlcpy(out->op, v[at].op, sizeof(out->op));
	wr_strlcpy(out->host, host, sizeof(out->host));
	wr_strlcpy(out->service, str_of(plan, "service") != NULL ? str_of(plan, "service") : "",
	    sizeof(out->service));
	wr_strlcpy(out->action, "k8s.killswitch", sizeof(out->action));
	/* Its rollout completes at the tag it kept, at the revision it made. */
	wr_strlcpy(out->to, tag != NULL ? tag : "", sizeof(out->to));
	out->revision = rev;
	out->from_revision = int_of(plan, "from_revision");
	out->failed_ms = v[end].ts_ms;
	/* A rollback of its service since moved the deployment: that
	 * rollout, whatever it runs, is what the console reads now. */
	for (i = end + 1; i < n; i++)
		if ((p = rollback_plan(&v[i])) != NULL && same(v[i].host, host) &&
		    same(str_of(p, "service"), out->service)) {
			out->superseded = true;
			out->failed_ms = v[i].ts_ms;
		}
	return true;
}

bool
latedone_export_pending(const struct record *v, size_t n, const char *host, const char *svc,
    struct latedone_pending *out)
{
	const cJSON *plan;
	const char *to, *set;
	const struct record *gave = NULL;
	size_t i, at, end;

	memset(out, 0, sizeof(*out));
	if ((plan = last_killswitch(v, n, host, &at, &end)) == NULL || end == n ||
	    !record_end_unknown(&v[end]) || !same(str_of(plan, "service"), svc))
		return false;
	for (i = end + 1; i < n; i++)
		if (is(&v[i], "action.reconcile") && same(v[i].op, v[at].op)) {
			if (record_settles(&v[i]))
				return false;
			gave = &v[i];
		}
	/* No re-read gave up yet: while it runs, it settles the switch. */
	if (gave == NULL)
		return false;
	wr_strlcpy(out->op, v[at].op, sizeof(out->op));
	wr_strlcpy(out->host, host, sizeof(out->host));
	wr_strlcpy(out->service, svc, sizeof(out->service));
	wr_strlcpy(out->action, str_of(plan, "action"), sizeof(out->action));
	/* compose writes "EXPORT_MODE=off" into .env; k8s sets the value or
	 * removes the variable (on, its documented default). */
	to = str_of(plan, "to");
	set = str_of(plan, "env_set");
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(plan, "env_remove")))
		set = "on";
	else if (set == NULL && to != NULL && strchr(to, '=') != NULL)
		set = strchr(to, '=') + 1;
	wr_strlcpy(out->env, same(set, "off") ? "off" : "on", sizeof(out->env));
	out->failed_ms = gave->ts_ms;
	out->unknown = out->export_wait = true;
	return true;
}

/* Whether r is a complete rollout: by kubectl's rules, every replica
 * updated and ready. */
static bool
all_rolled(const struct latedone_read *r)
{
	return r->complete && r->desired > 0 && r->updated == r->desired &&
	    r->ready == r->desired;
}

bool
latedone_helm_waited(const struct helm_history *h, int from_rev, const char *to, int *rev,
    char *tag, size_t cap)
{
	const struct helm_revision *r;
	const char *d;

	*rev = 0;
	if (cap > 0)
		tag[0] = '\0';
	if (h->n == 0 || to == NULL || to[0] == '\0')
		return false;
	r = &h->items[h->n - 1];
	d = r->description;
	/* helm records a wait that ran out as 'Release "api" failed: timed out
	 * waiting for the condition' (context deadline exceeded since 3.13);
	 * an apply it could not make as 'Rollback "api" failed: …'. */
	if (r->revision <= from_rev || !badrel_same(r->app_version, to) ||
	    strcmp(r->status, "failed") != 0 || strncmp(d, "Release \"", 9) != 0 ||
	    (strstr(d, "timed out waiting for the condition") == NULL &&
	    strstr(d, "context deadline exceeded") == NULL))
		return false;
	*rev = r->revision;
	wr_strlcpy(tag, r->app_version, cap);
	return true;
}

bool
latedone_helm_runs_newest(const struct latedone_read *r, int deployed_rev)
{
	/* A wait that ran out, helm's or an upgrade's, leaves the revision
	 * failed however its rollout ended: the pods say which one runs. */
	return r->revision > deployed_rev && r->release_status != NULL &&
	    strcmp(r->release_status, "failed") == 0 && r->tag != NULL &&
	    r->deploy_tag != NULL && badrel_same(r->deploy_tag, r->tag) && all_rolled(r);
}

/* A helm rollback's reading: helm still at the revision it made (failed by
 * the wait, or since marked deployed), its deployment's pods at the target. */
static bool
helm_still_there(const struct latedone_pending *p, const struct latedone_read *r)
{
	if (p->by_hand || strcmp(p->action, "helm.rollback") != 0)
		return true;
	return r->release_status != NULL && (strcmp(r->release_status, "failed") == 0 ||
	    strcmp(r->release_status, "deployed") == 0) && r->deploy_tag != NULL &&
	    badrel_same(r->deploy_tag, p->to);
}

bool
latedone_check(const struct latedone_pending *p, const struct latedone_read *r,
    int64_t *done_ms)
{
	*done_ms = 0;
	/* A kill switch whose re-read gave up: only a whole answer asked
	 * after that says which way it went. */
	if (p->export_wait) {
		if (r->export_ms <= p->failed_ms || r->export_said == CONTAIN_EXPORT_UNKNOWN)
			return false;
		*done_ms = r->export_ms;
		return true;
	}
	if (!helm_still_there(p, r))
		return false;
	/* The engineer said FAILED: only a host read at the target and
	 * answering ready after that says otherwise. */
	if (p->by_hand) {
		if (r->read_ms <= p->failed_ms || r->readyz_ms <= p->failed_ms || !r->readyz_ok ||
		    !r->complete || r->tag == NULL || !badrel_same(r->tag, p->to))
			return false;
		*done_ms = r->read_ms;
		return true;
	}
	/* Superseded by a rollback: its rollout, read complete since. */
	if (p->superseded) {
		if (r->read_ms <= p->failed_ms || !all_rolled(r))
			return false;
		*done_ms = r->read_ms;
		return true;
	}
	/* A kill switch whose revision is not known: a complete rollout above
	 * where it started, its template carrying the value. */
	if (p->revision == 0 && p->env[0] != '\0') {
		if (r->read_ms <= p->failed_ms || !all_rolled(r) ||
		    r->revision <= p->from_revision || r->export_env == NULL ||
		    strcmp(r->export_env, p->env) != 0 ||
		    (p->to[0] != '\0' && (r->tag == NULL || !badrel_same(r->tag, p->to))))
			return false;
		*done_ms = r->read_ms;
		return true;
	}
	/* A read begun before the end may predate what the end saw. */
	if (r->read_ms <= p->failed_ms || r->tag == NULL || !badrel_same(r->tag, p->to) ||
	    r->revision != p->revision || !r->complete || r->desired <= 0 ||
	    r->updated != r->desired || r->ready != r->desired ||
	    (r->rs_tag != NULL && r->rs_tag[0] != '\0' && !badrel_same(r->rs_tag, p->to)))
		return false;
	/* The cluster's own time of it, unless a skewed clock puts it
	 * outside what this console knows: after the end, by the read. */
	*done_ms = r->available_ms > p->failed_ms && r->available_ms <= r->read_ms ?
	    r->available_ms : r->read_ms;
	return true;
}

cJSON *
latedone_record(const struct latedone_pending *p, const struct latedone_read *r,
    int64_t done_ms)
{
	char done[16], failed[16], words[400], ts[WR_TS_MAX];
	cJSON *d = cJSON_CreateObject();

	wr_clock_utc(done_ms, done, sizeof(done));
	wr_clock_utc(p->failed_ms, failed, sizeof(failed));
	cJSON_AddStringToObject(d, "action", p->action);
	if (p->export_wait) {
		bool off = r->export_said == CONTAIN_EXPORT_OFF;
		bool ok = off == (strcmp(p->env, "off") == 0);

		cJSON_AddStringToObject(d, "by", "export");
		cJSON_AddStringToObject(d, "outcome", ok ? "ok" : "failed");
		record_format_ts(p->failed_ms, ts);
		cJSON_AddStringToObject(d, "reread_ts", ts);
		record_format_ts(done_ms, ts);
		cJSON_AddStringToObject(d, "export_read_ts", ts);
		cJSON_AddStringToObject(d, "export", off ? "off" : "on");
		snprintf(words, sizeof(words), "/export read %s at %s, after the re-read gave up%s",
		    off ? "off" : "on", done, ok ? "" : off ? ": the export is still off" :
		    ": the export is still on");
		cJSON_AddStringToObject(d, "reason", words);
		cJSON_AddStringToObject(d, "detail", words);
		snprintf(words, sizeof(words), "%s's /export read %s at %s, after the re-read of "
		    "its kill switch gave up at %s: now %s", p->host, off ? "off" : "on", done,
		    failed, ok ? "OK" : "FAILED");
		cJSON_AddStringToObject(d, "summary", words);
		return d;
	}
	if (p->by_hand) {
		/* The engineer's FAILED stays in the journal; this says what
		 * the host runs since, and counts from it. */
		cJSON_AddStringToObject(d, "by", "reading");
		cJSON_AddStringToObject(d, "outcome", "ok");
		record_format_ts(p->failed_ms, ts);
		cJSON_AddStringToObject(d, "settled_ts", ts);
		cJSON_AddStringToObject(d, "tag", p->to);
		snprintf(words, sizeof(words), "%s now runs %s, the target of the rollback settled "
		    "FAILED by hand at %s", p->host, p->to, failed);
		cJSON_AddStringToObject(d, "summary", words);
		snprintf(words, sizeof(words), "%s runs %s%s%s and /readyz answers 200 (read at %s)",
		    p->service, r->tag, r->state != NULL && r->state[0] ? ", " : "",
		    r->state != NULL ? r->state : "", done);
		cJSON_AddStringToObject(d, "detail", words);
		return d;
	}
	cJSON_AddStringToObject(d, "by", "rollout");
	cJSON_AddStringToObject(d, "outcome", "ok");
	record_format_ts(p->failed_ms, ts);
	/* An UNKNOWN end never said FAILED: the re-read that found it applied. */
	cJSON_AddStringToObject(d, p->unknown ? "reread_ts" : "failed_ts", ts);
	record_format_ts(done_ms, ts);
	cJSON_AddStringToObject(d, "completed_ts", ts);
	cJSON_AddNumberToObject(d, "revision", p->revision);
	cJSON_AddStringToObject(d, "tag", p->to);
	if (p->unknown)
		snprintf(words, sizeof(words), "%s's rollout completed at %s, after its rollback "
		    "ended UNKNOWN and a re-read found it applied at %s: now OK", p->host, done,
		    failed);
	else
		snprintf(words, sizeof(words), "%s's rollout completed at %s, after its rollback "
		    "ended FAILED at %s: now OK", p->host, done, failed);
	cJSON_AddStringToObject(d, "summary", words);
	if (strcmp(p->action, "helm.rollback") == 0)
		snprintf(words, sizeof(words), "release %s at revision %d (%s) is %s; deployment/%s "
		    "runs %s: %d/%d ready, %d updated", p->service, r->revision,
		    r->release_status != NULL ? r->release_status : "?", r->tag, p->service,
		    r->deploy_tag != NULL ? r->deploy_tag : "", r->ready, r->desired, r->updated);
	else
		snprintf(words, sizeof(words), "deployment/%s at revision %d runs %s: %d/%d ready, "
		    "%d updated%s%s", p->service, r->revision, r->tag, r->ready, r->desired,
		    r->updated, r->rs_tag != NULL && r->rs_tag[0] ? ", its newest ReplicaSet at " : "",
		    r->rs_tag != NULL ? r->rs_tag : "");
	cJSON_AddStringToObject(d, "detail", words);
	return d;
}

int64_t
latedone_completed_at(const char *kind, const cJSON *data)
{
	const char *ts;
	int64_t ms;

	if (kind == NULL || strcmp(kind, "action.reconcile") != 0 ||
	    !same(str_of(data, "by"), "rollout") || !same(str_of(data, "outcome"), "ok") ||
	    (ts = str_of(data, "completed_ts")) == NULL || record_parse_ts(ts, &ms) != 0)
		return 0;
	return ms;
}

int64_t
latedone_completed_ms(const struct record *r)
{
	return latedone_completed_at(r->kind, r->data);
}

void
latedone_words(bool unknown, int64_t done_ms, char *out, size_t cap)
{
	char done[16];

	wr_clock_utc(done_ms, done, sizeof(done));
	snprintf(out, cap, "%s, rollout completed later at %s", unknown ? "UNKNOWN" : "FAILED",
	    done);
}
