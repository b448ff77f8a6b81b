/*
 * rbtarget.c — a host already at this incident's rollback target: the
 * words r, B and METRICS use for it (see rbtarget.h).
 */
#include "warroom/rbtarget.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/badrel.h"
#include "warroom/latedone.h"
#include "warroom/util.h"

static const char *
str_of(const cJSON *o, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

/* Whether an action.intent's plan is a rollback (not a kill switch, not a
 * runbook command): its from and to are release tags. */
static bool
is_rollback(const cJSON *plan)
{
	const char *k = str_of(plan, "action");

	return k != NULL && (strcmp(k, "compose.rollback") == 0 || strcmp(k, "k8s.undo") == 0 ||
	    strcmp(k, "helm.rollback") == 0);
}

/* The first reading of host in v(from, to) (a health.change of svc) at
 * tag to_tag, its time; 0 when none. */
static int64_t
read_at_target(const struct record *v, size_t from, size_t to, const char *host,
    const char *svc, const char *to_tag)
{
	const char *s, *tag;
	size_t i;

	for (i = from + 1; i < to; i++)
		if (strcmp(v[i].kind, "health.change") == 0 && v[i].host != NULL &&
		    strcmp(v[i].host, host) == 0 && (s = str_of(v[i].data, "service")) != NULL &&
		    strcmp(s, svc) == 0 && (tag = str_of(v[i].data, "tag")) != NULL &&
		    tag[0] != '\0' && badrel_same(tag, to_tag))
			return v[i].ts_ms;
	return 0;
}

/* How the action op, ended by v[end], was settled: a later
 * action.reconcile saying ok or failed (a re-read, the engineer) counts,
 * one still unknown does not. A rollback of svc on host to to_tag (NULL:
 * not known) settled OK dates from the first reading since its end (or
 * the settle before) showing it there, else from the settle. */
static const char *
settled(const struct record *v, size_t n, size_t end, const char *oc, const char *host,
    const char *svc, const char *to_tag, int64_t *at_ms)
{
	const char *op = v[end].op, *r;
	size_t i, prev = end;
	int64_t seen;

	*at_ms = v[end].ts_ms;
	for (i = end + 1; i < n; i++)
		if (strcmp(v[i].kind, "action.reconcile") == 0 && v[i].op != NULL &&
		    strcmp(v[i].op, op) == 0 && (r = str_of(v[i].data, "outcome")) != NULL &&
		    (strcmp(r, "ok") == 0 || strcmp(r, "failed") == 0)) {
			oc = r;
			/* A late rollout: it took effect when it completed. A
			 * settle (U, a re-read) only learnt of it: the host got
			 * there when a reading first showed it there. */
			*at_ms = latedone_completed_ms(&v[i]) > 0 ? latedone_completed_ms(&v[i]) :
			    strcmp(r, "ok") == 0 && to_tag != NULL && to_tag[0] != '\0' &&
			    (seen = read_at_target(v, prev, i, host, svc, to_tag)) > 0 ? seen :
			    v[i].ts_ms;
			prev = i;
		}
	return oc;
}

size_t
rbtarget_events(const struct record *v, size_t n, const char *svc,
    struct rbtarget_event **out)
{
	struct rbtarget_event *ev = NULL;
	size_t i, j, k = 0;

	/* Each action.end of a rollback of svc, matched to its intent by op:
	 * where it ran, from and to what, and how it ended. */
	for (i = 0; i < n; i++) {
		const char *oc;

		if (strcmp(v[i].kind, "action.end") != 0 || v[i].op == NULL ||
		    (oc = str_of(v[i].data, "outcome")) == NULL)
			continue;
		for (j = i; j-- > 0;) {
			const cJSON *plan = cJSON_GetObjectItemCaseSensitive(v[j].data, "plan");
			const char *ps = str_of(plan, "service");

			if (strcmp(v[j].kind, "action.intent") != 0 || v[j].op == NULL ||
			    strcmp(v[j].op, v[i].op) != 0)
				continue;
			if (v[j].host != NULL && ps != NULL && strcmp(ps, svc) == 0 &&
			    is_rollback(plan)) {
				const cJSON *fr = cJSON_GetObjectItemCaseSensitive(plan,
				    "from_revision");

				ev = xrealloc(ev, (k + 1) * sizeof(*ev));
				ev[k].host = v[j].host;
				ev[k].from = str_of(plan, "from");
				ev[k].to = str_of(plan, "to");
				ev[k].from_rev = cJSON_IsNumber(fr) ? (int)fr->valuedouble : 0;
				ev[k].detail = str_of(v[i].data, "detail");
				oc = settled(v, n, i, oc, ev[k].host, svc, ev[k].to, &ev[k].at_ms);
				ev[k].ok = strcmp(oc, "ok") == 0;
				ev[k].unknown = strcmp(oc, "unknown") == 0;
				k++;
			}
			break;
		}
	}
	*out = ev;
	return k;
}

int
rbtarget_helm_running(const struct helm_history *h, const struct latedone_read *d)
{
	struct latedone_read r;
	const struct helm_revision *last;

	if (h->n == 0 || d == NULL)
		return h->current;
	/* helm keeps the older revision "deployed" when a --wait ran out;
	 * the pods say which one runs, as on the host's row. */
	last = &h->items[h->n - 1];
	r = *d;
	r.tag = last->app_version;
	r.revision = last->revision;
	r.release_status = last->status;
	return latedone_helm_runs_newest(&r, h->current >= 0 ? h->items[h->current].revision : 0) ?
	    (int)h->n - 1 : h->current;
}

/* "helm rollback exited 1" from an end's detail ("helm rollback exited 1:
 * its last line"), else "": the tool's own words stay out of the mark. */
static void
exit_words(const char *detail, char *out, size_t cap)
{
	const char *colon, *ex;
	size_t len;

	out[0] = '\0';
	if (detail == NULL || (ex = strstr(detail, " exited ")) == NULL)
		return;
	colon = strchr(detail, ':');
	len = colon != NULL ? (size_t)(colon - detail) : strlen(detail);
	if ((colon != NULL && ex > colon) || len + 1 > cap)
		return;
	memcpy(out, detail, len);
	out[len] = '\0';
}

bool
rbtarget_find(const struct rbtarget_event *ev, size_t n, const char *host,
    struct rbtarget *out)
{
	const struct rbtarget_event *here = NULL, *any = NULL, *tried = NULL, *e;
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		bool mine = ev[i].host != NULL && strcmp(ev[i].host, host) == 0;

		if (ev[i].to == NULL || ev[i].to[0] == '\0')
			continue;
		/* A FAILED or UNKNOWN one may have applied (an undo whose
		 * rollout stalled): only the running tag says, so it is kept
		 * for rbtarget_note, and an OK one after it replaces it. */
		if (!ev[i].ok) {
			if (mine)
				tried = &ev[i];
			continue;
		}
		any = &ev[i];
		if (mine) {
			here = &ev[i];
			tried = NULL;
		}
	}
	if (tried != NULL) {
		wr_strlcpy(out->tried_to, tried->to, sizeof(out->tried_to));
		wr_strlcpy(out->tried_from, tried->from != NULL ? tried->from : "",
		    sizeof(out->tried_from));
		out->tried_at_ms = tried->at_ms;
		out->tried_unknown = tried->unknown;
		out->tried_from_rev = tried->from_rev;
		exit_words(tried->detail, out->tried_exit, sizeof(out->tried_exit));
	}
	/* The host's own rollback says most; else the fleet's latest. */
	if ((e = here != NULL ? here : any) == NULL)
		return tried != NULL;
	wr_strlcpy(out->to, e->to, sizeof(out->to));
	wr_strlcpy(out->from, e->from != NULL ? e->from : "", sizeof(out->from));
	wr_strlcpy(out->host, e->host != NULL ? e->host : "", sizeof(out->host));
	out->at_ms = e->at_ms;
	out->here = e == here;
	return true;
}

/* "19 s", "4 min", "2 h": how long ago, never negative. */
static void
ago(int64_t at_ms, int64_t now_ms, char *out, size_t cap)
{
	int64_t s = now_ms > at_ms ? (now_ms - at_ms) / 1000 : 0;

	if (s < 120)
		snprintf(out, cap, "%d s", (int)s);
	else if (s < 7200)
		snprintf(out, cap, "%d min", (int)(s / 60));
	else
		snprintf(out, cap, "%d h", (int)(s / 3600));
}

int
rbtarget_first(const struct rbtarget *t, const char *running, const char *const *tags,
    const bool *marked, size_t n)
{
	size_t i;

	if (t == NULL || t->to[0] == '\0' || badrel_same(t->to, running))
		return -1;
	for (i = 0; i < n; i++)
		if (!marked[i] && badrel_same(tags[i], t->to))
			return (int)i;
	return -1;
}

bool
rbtarget_is_target(const struct rbtarget *t, const char *tag)
{
	/* t->to is only ever set from a rollback that ended OK. */
	return t != NULL && t->to[0] != '\0' && tag != NULL && tag[0] != '\0' &&
	    badrel_same(t->to, tag);
}

void
rbtarget_first_words(const struct rbtarget *t, char *out, size_t cap)
{
	char when[16];

	wr_clock_utc(t->at_ms, when, sizeof(when));
	/* HH:MM, as the marks of the releases judged bad say it. */
	when[5] = '\0';
	snprintf(out, cap, "  \xe2\x80\x94 this incident's rollback target (%.63s went to it%s%s)",
	    t->here ? "this host" : t->host, when[0] ? " at " : "", when);
}

bool
rbtarget_note(const struct rbtarget *t, const char *host, const char *running,
    const char *left, int64_t now_ms, char *out, size_t cap)
{
	char when[16], since[16];

	bool at_to, at_tried;

	out[0] = '\0';
	if (running[0] == '\0')
		return false;
	at_to = t != NULL && t->to[0] != '\0' && badrel_same(t->to, running);
	at_tried = t != NULL && t->tried_to[0] != '\0' && badrel_same(t->tried_to, running);
	if (at_tried) {
		/* Its own latest rollback (after any OK one here) did not end
		 * OK but took: the undo applied, the rollout stalled. That one
		 * is named, not an earlier OK one. Going on goes past it. */
		wr_clock_utc(t->tried_at_ms, when, sizeof(when));
		ago(t->tried_at_ms, now_ms, since, sizeof(since));
		snprintf(out, cap, "%.63s runs %.127s, the tag its rollback went to (ended %s at %s, "
		    "%s ago): a further rollback goes past it", host, running,
		    t->tried_unknown ? "UNKNOWN" : "FAILED", when, since);
		return true;
	}
	if (at_to) {
		wr_clock_utc(t->at_ms, when, sizeof(when));
		ago(t->at_ms, now_ms, since, sizeof(since));
		if (t->here)
			snprintf(out, cap, "%.63s was rolled back to %.127s at %s, %s ago: a further "
			    "rollback goes past it", host, running, when, since);
		else
			snprintf(out, cap, "%.63s already runs %.127s, the tag this incident rolled "
			    "back to (on %.63s at %s, %s ago): a further rollback goes past it", host,
			    running, t->host, when, since);
		return true;
	}
	if (left != NULL && left[0] != '\0') {
		/* Moved back by hand: the running tag is the target reached. */
		snprintf(out, cap, "%.63s runs %.127s, older than %.127s it ran earlier in this "
		    "incident: it was rolled back outside warroom; a further rollback goes past it",
		    host, running, left);
		return true;
	}
	return false;
}

bool
rbtarget_chain_refusal(const struct rbtarget *t, const char *host, const char *running,
    char *out, size_t cap)
{
	const char *from;

	out[0] = '\0';
	if (t == NULL || running[0] == '\0')
		return false;
	if (t->to[0] != '\0' && badrel_same(t->to, running))
		from = t->from;
	else if (t->tried_to[0] != '\0' && badrel_same(t->tried_to, running))
		from = t->tried_from;
	else
		return false;
	/* Starting here would take good hosts further back and leave the
	 * bad ones as they are: the chain starts from a bad one. */
	snprintf(out, cap, "%.63s already runs %.127s; B rolls back the hosts at %.127s: select "
	    "one of them", host, running, from[0] ? from : "the tag rolled back from");
	return true;
}

static bool
is_kind(const struct rbtarget_mark *m, const char *kind)
{
	return m->kind != NULL && strcmp(m->kind, kind) == 0;
}

int64_t
rbtarget_rolled_back_at(const struct rbtarget_mark *v, size_t n, const char *host,
    int64_t *began_ms)
{
	int64_t best = 0, began = 0;
	size_t i, j;

	for (i = 0; i < n; i++) {
		const struct rbtarget_mark *end = NULL, *settled = NULL;
		int64_t at;

		if (!is_kind(&v[i], "action.intent") || !v[i].rollback || v[i].op == NULL ||
		    v[i].op[0] == '\0' || v[i].host == NULL || strcmp(v[i].host, host) != 0)
			continue;
		for (j = i + 1; j < n; j++) {
			if (v[j].op == NULL || strcmp(v[j].op, v[i].op) != 0 || v[j].outcome == NULL)
				continue;
			if (is_kind(&v[j], "action.end") && end == NULL)
				end = &v[j];
			else if (is_kind(&v[j], "action.reconcile") &&
			    (strcmp(v[j].outcome, "ok") == 0 || strcmp(v[j].outcome, "failed") == 0))
				settled = &v[j];
		}
		if (settled == NULL)
			settled = end;
		if (settled == NULL || strcmp(settled->outcome, "ok") != 0)
			continue;
		/* The rollback ran then; a re-read after a restart only learnt
		 * of it, maybe minutes later. A FAILED one whose rollout
		 * completed later: the old pods served until then. */
		at = settled->done_ms > 0 ? settled->done_ms : end != NULL ? end->ts_ms : v[i].ts_ms;
		if (at > best) {
			best = at;
			began = v[i].ts_ms;
		}
	}
	if (began_ms != NULL)
		*began_ms = began;
	return best;
}

size_t
rbtarget_window_note(bool bad, const struct rbtarget_window *w, int64_t began_ms,
    int64_t ended_ms, int64_t now_ms, char *out, size_t cap)
{
	char since[16];
	int n;

	if (cap == 0)
		return 0;
	out[0] = '\0';
	/* Only figures that count time before the rollback ended can be the
	 * old release's; a window emptied by the tag change since the
	 * rollback began (however late its end was written) holds none. */
	if (!bad || ended_ms <= 0 || w->from_ms <= 0 || w->from_ms >= ended_ms ||
	    (w->fresh_ms > 0 && began_ms > 0 && w->fresh_ms >= began_ms))
		return 0;
	ago(ended_ms, now_ms, since, sizeof(since));
	n = snprintf(out, cap, "rolled back %s ago: the rate window still holds the old "
	    "release's errors", since);
	return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

size_t
rbtarget_verdict_words(bool bad, const char *reason, const struct rbtarget_window *w,
    const struct rbtarget_mark *v, size_t n, const char *host, int64_t now_ms, char *out,
    size_t cap)
{
	char note[160];
	int64_t began = 0, ended;
	size_t len;

	if (cap == 0)
		return 0;
	/* A calm verdict costs no search of the timeline. */
	ended = bad ? rbtarget_rolled_back_at(v, n, host, &began) : 0;
	/* The figures first: a row cut where the pane ends loses the note's
	 * end, never the numbers the verdict stands on. */
	wr_utf8_shorten(out, cap, reason, SIZE_MAX);
	len = strlen(out);
	if (rbtarget_window_note(bad, w, began, ended, now_ms, note, sizeof(note)) > 0 &&
	    len + 5 < cap) {
		len += (size_t)snprintf(out + len, cap - len, " \xe2\x80\x94 ");   /* " — " */
		wr_utf8_shorten(out + len, cap - len, note, SIZE_MAX);
	}
	return strlen(out);
}

/* Adds l to out[0..*n) (max) unless its tag is there: the latest one
 * (added last) replaces it, so the words name the latest going back. */
static void
add_left(struct rbtarget_left *out, size_t *n, size_t max, const struct rbtarget_left *l)
{
	size_t i;

	if (l->tag[0] == '\0')
		return;
	for (i = 0; i < *n && strcmp(out[i].tag, l->tag) != 0; i++)
		;
	if (i < *n) {
		if (l->by > out[i].by)
			out[i] = *l;
	} else if (*n < max)
		out[(*n)++] = *l;
}

size_t
rbtarget_helm_left(const struct helm_history *h, struct rbtarget_left *out, size_t max)
{
	static const char pre[] = "Rollback to ";
	size_t i, j, n = 0;

	for (i = 0; i < h->n; i++) {
		const struct helm_revision *r = &h->items[i];
		const struct helm_revision *prev = NULL;
		struct rbtarget_left l;

		if (strncmp(r->description, pre, sizeof(pre) - 1) != 0)
			continue;
		/* Helm numbers revisions one by one: the one before is the one
		 * this rollback went back from. */
		for (j = 0; j < h->n; j++)
			if (h->items[j].revision == r->revision - 1)
				prev = &h->items[j];
		/* A rollback from the release it goes to left nothing bad. */
		if (prev == NULL || strcmp(prev->app_version, r->app_version) == 0)
			continue;
		memset(&l, 0, sizeof(l));
		wr_strlcpy(l.tag, prev->app_version, sizeof(l.tag));
		l.rev = prev->revision;
		l.by = r->revision;
		l.to = atoi(r->description + sizeof(pre) - 1);
		add_left(out, &n, max, &l);
	}
	return n;
}

/* The ReplicaSet whose template was at revision rev then: at it now, or
 * moved up from it since. */
static const struct k8s_rs_image *
rs_at(const struct k8s_rs_images *rs, int rev)
{
	size_t i;
	int k;

	for (i = 0; i < rs->n; i++) {
		if (rs->items[i].revision == rev)
			return &rs->items[i];
		for (k = 0; k < rs->items[i].nmoved; k++)
			if (rs->items[i].moved[k] == rev)
				return &rs->items[i];
	}
	return NULL;
}

/* The revision a template was first made at. */
static int
first_rev(const struct k8s_rs_image *x)
{
	return x->nmoved > 0 ? x->moved[0] : x->revision;
}

size_t
rbtarget_k8s_left(const struct k8s_rs_images *rs, struct rbtarget_left *out, size_t max)
{
	size_t i, n = 0;
	int k;

	for (i = 0; i < rs->n; i++) {
		const struct k8s_rs_image *x = &rs->items[i];

		/* Each move gave it the next number (the highest plus one):
		 * the revision below that number was the one running, left
		 * for this older template. */
		for (k = 1; k <= x->nmoved; k++) {
			int took = k < x->nmoved ? x->moved[k] : x->revision;
			const struct k8s_rs_image *was = rs_at(rs, took - 1);
			struct rbtarget_left l;

			/* The same tag left (a kill switch's env undone): no
			 * release was left. Nor when the one left is older than
			 * this template (first made before it): that was a
			 * release deployed again, a roll forward. */
			if (was == NULL || was == x || strcmp(was->tag, x->tag) == 0 ||
			    first_rev(was) < x->moved[k - 1])
				continue;
			memset(&l, 0, sizeof(l));
			wr_strlcpy(l.tag, was->tag, sizeof(l.tag));
			l.rev = took - 1;
			l.by = took;
			wr_strlcpy(l.to_tag, x->tag, sizeof(l.to_tag));
			add_left(out, &n, max, &l);
		}
	}
	return n;
}

void
rbtarget_left_words(const struct rbtarget_left *l, bool helm, char *out, size_t cap)
{
	if (helm)
		snprintf(out, cap, "helm revision %d is \"Rollback to %d\"", l->by,
		    l->to);
	else if (l->to_tag[0] != '\0')
		/* A rollout undo and a set image back to an older template
		 * leave the same history: say what happened, not which. */
		snprintf(out, cap, "revision %d went back from it to %s", l->by, l->to_tag);
	else
		snprintf(out, cap, "revision %d went back from revision %d", l->by, l->rev);
}

bool
rbtarget_unchanged_words(const struct rbtarget *t, const char *tag, const char *running,
    int rev, char *out, size_t cap)
{
	char when[16];

	out[0] = '\0';
	if (t == NULL || t->tried_to[0] == '\0' || t->tried_unknown || t->tried_from_rev <= 0 ||
	    rev != t->tried_from_rev || tag[0] == '\0' || !badrel_same(t->tried_to, tag) ||
	    running[0] == '\0' || !badrel_same(running, t->tried_from))
		return false;
	/* Its revision is still the newest: the rollback made none, so no
	 * rollout began (not "its rollout may never have completed" after a
	 * helm rollback that exited 1 at once). */
	wr_clock_utc(t->tried_at_ms, when, sizeof(when));
	snprintf(out, cap, "this incident's rollback to it here ended FAILED at %s%s%s%s and "
	    "changed nothing: still at revision %d (%.40s)", when, t->tried_exit[0] ? " (" : "",
	    t->tried_exit, t->tried_exit[0] ? ")" : "", rev, running);
	return true;
}

bool
rbtarget_stalled_words(const struct rbtarget *t, const char *tag, const char *running,
    char *out, size_t cap)
{
	char when[16];

	out[0] = '\0';
	if (t == NULL || t->tried_to[0] == '\0' || tag[0] == '\0' || !badrel_same(t->tried_to, tag) ||
	    badrel_same(running, tag))
		return false;
	wr_clock_utc(t->tried_at_ms, when, sizeof(when));
	snprintf(out, cap, "this incident's rollback to it here ended %s at %s: its rollout may "
	    "never have completed", t->tried_unknown ? "UNKNOWN" : "FAILED", when);
	return true;
}

size_t
rbtarget_k8s_label(int revision, const char *tag, const char *extra, const char *cause,
    char *out, size_t cap)
{
	bool t = tag != NULL && tag[0] != '\0', x = extra != NULL && extra[0] != '\0';
	bool c = cause != NULL && cause[0] != '\0';
	int n;

	if (cap == 0)
		return 0;
	n = snprintf(out, cap, "revision %d%s%s%s%s%s%s%s%s", revision, t || x ? " (" : "",
	    t ? tag : "", t && x ? ", " : "", x ? extra : "", t || x ? ")" : "",
	    c ? ", made by \"" : "", c ? cause : "", c ? "\"" : "");
	if (n < 0) {
		out[0] = '\0';
		return 0;
	}
	if ((size_t)n < cap)
		return (size_t)n;
	/* Cut: a character it cut in half goes, so out stays valid UTF-8. */
	n = (int)cap - 1;
	{
		int k = n, len;
		unsigned char lead;

		while (k > 0 && ((unsigned char)out[k - 1] & 0xc0) == 0x80)
			k--;
		lead = k > 0 ? (unsigned char)out[k - 1] : 0;
		len = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
		if (k > 0 && k - 1 + len > n)
			n = k - 1;
	}
	out[n] = '\0';
	return (size_t)n;
}
