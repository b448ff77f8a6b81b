/*
 * rbtarget.h — what this incident's own rollbacks of a service mean for
 * the next one: a host that already runs the tag this incident rolled
 * back to is not offered a further rollback as if it were still on the
 * bad release (r warns and preselects nothing, B refuses to start from
 * it), and a bad verdict there whose rate window reaches back before
 * the rollback says it still holds the old release's errors. A host
 * whose own rollback ended FAILED or UNKNOWN but runs the tag it went to
 * is at a target too. Pure: the journal's records come in
 * (rbtarget_events) and are read as events.
 */
#ifndef WARROOM_RBTARGET_H
#define WARROOM_RBTARGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/latedone.h"
#include "warroom/parse_helm.h"
#include "warroom/parse_k8s.h"
#include "warroom/record.h"

/* One rollback of the service in this incident, as the journal says. */
struct rbtarget_event {
	const char *host, *from, *to;
	bool ok;                         /* it ended OK (verified healthy, or a
	                                    re-read or the engineer said so) */
	bool unknown;                    /* not ok: UNKNOWN, never settled */
	int64_t at_ms;                   /* when it ended (wall clock) */
	int from_rev;                    /* k8s/helm: the revision it left (its
	                                    plan's from_revision), 0 not known */
	const char *detail;              /* its action.end's detail, or NULL */
};

/* The rollbacks of service svc in records (file order) as events, oldest
 * first, into *out (malloc'd, the caller frees it; its strings point into
 * records). How each ended is its action.end's outcome, unless an
 * action.reconcile settled it since (re-read, by hand, or its rollout seen
 * complete after a FAILED end: then at_ms is when it completed). Returns
 * the count. */
size_t rbtarget_events(const struct record *v, size_t n, const char *svc,
    struct rbtarget_event **out);

/* Which revision of helm history h runs, as HOSTS says it
 * (latedone_helm_runs_newest): the newest when helm recorded it failed
 * after the deployed one and its Deployment d (its deploy_tag, replica
 * counts and complete; NULL: not read) has every replica updated and
 * ready at that revision's app version; else the deployed one. An index
 * into h->items, -1 when neither. */
int rbtarget_helm_running(const struct helm_history *h, const struct latedone_read *d);

/* This incident's rollback target of a service, as one host sees it. */
struct rbtarget {
	char to[128];                    /* the tag the rollback went to */
	char from[128];                  /* the tag it left (the bad one) */
	char host[64];                   /* the host it ran on */
	int64_t at_ms;                   /* when it ended OK */
	bool here;                       /* it ran on the host asked about */
	/* The host's own latest rollback when it did not end OK (and came
	 * after its OK ones): it may have applied all the same. */
	char tried_to[128], tried_from[128];
	int64_t tried_at_ms;
	bool tried_unknown;              /* it ended UNKNOWN, else FAILED */
	int tried_from_rev;              /* the revision it left, 0 not known */
	char tried_exit[64];             /* "helm rollback exited 1" when its end
	                                    said so, else "" */
};

/* From events (oldest first): host's latest OK rollback, else the
 * service's latest OK one on any host, into out, and host's own later
 * one that did not end OK into out->tried_*. False when neither. */
bool rbtarget_find(const struct rbtarget_event *ev, size_t n, const char *host,
    struct rbtarget *out);

/* Which of the dialog's n targets (tags[i]; marked[i]: listed last,
 * never preselected) is t's OK target (matched as badrel_same does:
 * helm's "1.4.1" is v1.4.1), to be listed first and preselected: another
 * host rolled back to it and it held. -1 when t has none, the host runs
 * it (running) or no unmarked target is it. */
int rbtarget_first(const struct rbtarget *t, const char *running, const char *const *tags,
    const bool *marked, size_t n);

/* Whether tag is t's OK target (matched as badrel_same does): this
 * incident found it good, so the history saying it was left later (a
 * "Rollback to N" back to the bad release) does not demote it. */
bool rbtarget_is_target(const struct rbtarget *t, const char *tag);

/* The note a target rbtarget_first found ends with: "  — this
 * incident's rollback target (k8s-bastion went to it at 18:31)". */
void rbtarget_first_words(const struct rbtarget *t, char *out, size_t cap);

/* Tags below are matched as badrel_same does (helm's 1.4.1 is v1.4.1).
 * Why a further rollback of host, running running, is not preselected,
 * into out: it runs t's target or the tag its own FAILED/UNKNOWN rollback
 * went to (t NULL: no rollback of the service), or left
 * (non-empty) is a newer tag it ran earlier in this incident, so it was
 * moved back outside warroom. False, out "", when neither holds. */
bool rbtarget_note(const struct rbtarget *t, const char *host, const char *running,
    const char *left, int64_t now_ms, char *out, size_t cap);

/* B pressed on host running running: the refusal when that is t's
 * target or its own FAILED/UNKNOWN rollback's (the chain would move good
 * hosts and skip the bad ones). */
bool rbtarget_chain_refusal(const struct rbtarget *t, const char *host, const char *running,
    char *out, size_t cap);

/* A release the host's own history shows was rolled back from (in any
 * incident, or outside warroom): the revision at it that was left, and
 * the one that went back. */
struct rbtarget_left {
	char tag[128];                   /* the tag left (helm: its app version) */
	int rev;                         /* the revision left */
	int by;                          /* the revision that went back from it */
	int to;                          /* helm: the "Rollback to N" N; k8s: 0 */
	char to_tag[128];                /* k8s: the older template's tag it went to */
};

/* Helm: each "Rollback to N" revision says the revision before it was
 * rolled back from, unless that one ran N's app version too. Into out
 * (at most max, each tag once, the latest kept); returns the count. */
size_t rbtarget_helm_left(const struct helm_history *h, struct rbtarget_left *out,
    size_t max);

/* k8s: a ReplicaSet whose template moved up (its revision-history
 * annotation: a rollout undo, or a set image back to an older template)
 * says the revision current then, the one below the number it took, was
 * left; counted when that ran another tag and was made after the moved
 * template (else it was an older release deployed again). Into out (at
 * most max, each tag once, the latest kept); returns the count. */
size_t rbtarget_k8s_left(const struct k8s_rs_images *rs, struct rbtarget_left *out,
    size_t max);

/* Which revision says l's tag was left, into out: "helm revision 5 is
 * \"Rollback to 3\"" (helm), "revision 7 went back from it to v1.4.1" (k8s). */
void rbtarget_left_words(const struct rbtarget_left *l, bool helm, char *out, size_t cap);

/* Whether tag, listed as a target on a host running running, is where
 * t's own latest rollback there went and did not end OK (FAILED or
 * UNKNOWN): its mark, "this incident's rollback to it here ended FAILED at
 * 15:23:10: its rollout may never have completed", into out. */
bool rbtarget_stalled_words(const struct rbtarget *t, const char *tag, const char *running,
    char *out, size_t cap);

/* Whether tag, listed as a target on a host running running whose
 * newest revision is rev (k8s: the deployment's; helm: the history's
 * last, whatever its status; 0 not known), is where t's own latest
 * rollback there went, that rollback ended FAILED, and the host shows it
 * changed nothing: still on the tag and at the revision it left. Its
 * mark, "this incident's rollback to it here ended FAILED at 15:23:10
 * (helm rollback exited 1) and changed nothing: still at revision 5
 * (1.5.0-bad)", into out: no rollout began, so it is no stalled target
 * and is offered as on a first try. */
bool rbtarget_unchanged_words(const struct rbtarget *t, const char *tag, const char *running,
    int rev, char *out, size_t cap);

/* One TIMELINE record as rbtarget_rolled_back_at reads it (strings "" when
 * the record has none). */
struct rbtarget_mark {
	int64_t ts_ms;
	const char *kind, *host, *op;
	const char *outcome;             /* action.end, action.reconcile: ok, failed, … */
	bool rollback;                   /* action.intent: a release rollback */
	int64_t done_ms;                 /* action.reconcile by "rollout": when the
	                                    FAILED rollback's rollout completed
	                                    (latedone_completed_at), else 0 */
};

/* When host's latest rollback settled OK (its end said ok, or a later
 * re-read or settling by hand did) ran: its action.end's own time, the
 * intent's when it has none; never the time of the re-read that settled
 * it. One that ended FAILED and whose rollout completed later: when that
 * rollout completed. 0 when none is settled OK. *began_ms (NULL: not
 * wanted) gets its intent's time, 0 with none. */
int64_t rbtarget_rolled_back_at(const struct rbtarget_mark *v, size_t n, const char *host,
    int64_t *began_ms);

/* What a host's judged figures were counted over. */
struct rbtarget_window {
	int64_t from_ms;                 /* the oldest moment they count (wall
	                                    clock): when the last ones came less
	                                    their window; 0 unknown */
	int64_t fresh_ms;                /* a metrics_url host's window emptied at
	                                    a change of release then; 0 none */
};

/* The note of a bad verdict (MONITOR or worse: bad) whose figures still
 * count time before the end (ended_ms) of the host's latest rollback that
 * settled OK (began_ms its start; rbtarget_rolled_back_at): "rolled back
 * 21 s ago: the rate window still holds the old release's errors", held
 * or not, so nobody rolls back twice. "" when not bad, no rollback, the
 * window reaches no further back than its end (or is unknown), or it
 * emptied at a change of release since the rollback began (a metrics_url
 * host's starts again at the tag change, ratewin.h). Returns the length. */
size_t rbtarget_window_note(bool bad, const struct rbtarget_window *w, int64_t began_ms,
    int64_t ended_ms, int64_t now_ms, char *out, size_t cap);

/* A verdict's reason as METRICS and its verdict.change record say it:
 * the reason first, then host's rollback note from the records v[0..n)
 * (rbtarget_window_note), "error rate 3.6% > 2% — rolled back …", else
 * reason alone. Whole characters into out[cap]. Returns the length. */
size_t rbtarget_verdict_words(bool bad, const char *reason, const struct rbtarget_window *w,
    const struct rbtarget_mark *v, size_t n, const char *host, int64_t now_ms, char *out,
    size_t cap);

/* A k8s rollback target as r's dialog lists it: the revision, then its
 * change-cause as what made it, never read as the command that runs (the
 * plan below the list shows that): "revision 3 (v1.4.1), made by
 * \"kubectl set image …\"". tag NULL or "": not known; extra (NULL or
 * "": none) goes in the parentheses after it ("EXPORT_MODE=off"); cause
 * NULL or "": none recorded. Whole characters into out[cap]. Returns the
 * length. */
size_t rbtarget_k8s_label(int revision, const char *tag, const char *extra, const char *cause,
    char *out, size_t cap);

#endif
