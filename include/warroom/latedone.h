/*
 * latedone.h — a k8s rollback that ended FAILED only because its rollout
 * did not complete within the console's wait (rollout status gave up, the
 * undo applied: its action.end's "rollout") may complete by itself a
 * minute later. Once the poller reads that deployment at the rollback's
 * revision and tag with the rollout complete, the journal gets one
 * action.reconcile saying so (by "rollout", outcome ok), and the host
 * counts as rolled back from then on. A FAILED whose command failed, or a
 * deployment read at another tag or revision, is never turned OK.
 *
 * The same for a rollback of any driver left UNKNOWN (a dropped up -d)
 * that the engineer settled FAILED by hand (U) while the host was still
 * getting there: once a poll reads the host at the rollback's target with
 * /readyz answering 200 after that, one action.reconcile by "reading"
 * says "h7 now runs v1.4.1, the target of the rollback settled FAILED by
 * hand at 04:20:11", and the host counts as rolled back from then. Pure:
 * journal records and one poll's reading in, the decision and its words out.
 *
 * A helm rollback run with --wait whose wait ran out (helm exits 1, the new
 * revision recorded "failed" because its pods were not all ready in time)
 * is the same case: the rollback applied, and once a poll reads that
 * release revision still the newest, at the target, with its deployment's
 * rollout complete, it is journalled and counted the same way. So is one
 * that ended UNKNOWN (the console quit during the wait) once a re-read
 * after it found that revision and recorded it ("rollout").
 *
 * A kill switch (either driver) left UNKNOWN because /export gave no whole
 * answer, whose re-read gave up after health_timeout, is settled the same
 * way by a later poll: /export read whole as the switch wanted ("off")
 * after the re-read gave up makes one action.reconcile by "export",
 * outcome ok ("/export read off at 03:48:45, after the re-read gave up");
 * read whole the other way, outcome failed. No answer decides nothing.
 */
#ifndef WARROOM_LATEDONE_H
#define WARROOM_LATEDONE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "warroom/contain.h"
#include "warroom/parse_helm.h"
#include "warroom/record.h"
#include "warroom/config.h"
#include "warroom/util.h"

/* The FAILED rollback whose rollout may still complete, as the journal tells it. */
struct latedone_pending {
	char op[64];
	char host[WR_NAME_MAX];
	char service[WR_NAME_MAX];
	char action[32];                 /* its plan's action ("k8s.undo") */
	char to[128];                    /* the tag it went to */
	int revision;                    /* the revision it made */
	int64_t failed_ms;               /* when it ended FAILED */
	bool by_hand;                    /* settled FAILED by hand (U) after an
	                                    UNKNOWN end, not a rollout's FAILED */
	bool unknown;                    /* it ended UNKNOWN, not FAILED (a
	                                    rollback: failed_ms is when a re-read
	                                    found it applied) */
	/* A kill switch (latedone_ks_pending) only: */
	char env[64];                    /* revision not known (0): the EXPORT_MODE
	                                    word its pod template must carry, as
	                                    plan_export_word says it ("off");
	                                    export_wait: "off" or "on", what
	                                    /export must read */
	int from_revision;               /* … and the revision it started from */
	bool superseded;                 /* a rollback of its service came after it:
	                                    any complete rollout read since that
	                                    rollback began ends it (failed_ms) */
	bool export_wait;                /* latedone_export_pending's: its re-read
	                                    gave up (failed_ms) and only /export,
	                                    read whole since, decides it */
};

/* Into out: host's latest rollback of svc in v[0..n) (journal order) when
 * it ended FAILED with its rollout not complete (its end's "rollout": the
 * change applied at a newer revision, at the tag the plan went to) and
 * nothing settled it since, or when its last settling word is the
 * engineer's FAILED by hand and its plan names a target (by_hand), or
 * when it ended UNKNOWN and a re-read since recorded the revision it made
 * ("rollout", as its end would have; unknown). False when there is none
 * such. */
bool latedone_pending(const struct record *v, size_t n, const char *host, const char *svc,
    struct latedone_pending *out);

/* Into out: when host's last kill switch in v[0..n) is a k8s one that
 * ended FAILED with its rollout not complete (its end's "rollout": set env
 * applied at a newer revision) and nothing settled it since: its op,
 * service, the tag it kept (as "to") and the revision it made, for
 * latedone_check. Until a reading shows that rollout complete, the old
 * pods may still serve, and export. The same for one turning exports off
 * that ended UNKNOWN, not settled since: the revision a later re-read's
 * record found ("rollout"), else none (0) and the value its template must
 * carry (env) above the revision it started from. A rollback of the same
 * service after it supersedes it (superseded, failed_ms: that rollback's
 * intent). False when there is none such. */
bool latedone_ks_pending(const struct record *v, size_t n, const char *host,
    struct latedone_pending *out);

/* Into out: when host's last kill switch in v[0..n) (either driver), of
 * service svc, ended UNKNOWN and the re-read after it gave up (its latest
 * action.reconcile says unknown; failed_ms: when), nothing settling it
 * since: its op, action and what /export must read (env: "off", or "on"
 * for one turning exports back on), export_wait and unknown set. False
 * while its re-read still runs, or when there is none such. */
bool latedone_export_pending(const struct record *v, size_t n, const char *host,
    const char *svc, struct latedone_pending *out);

/* Whether helm history h, read after a `helm rollback --wait` from
 * revision from_rev to app version to exited non-zero, says the rollback
 * applied and only its wait ran out: its newest revision is past from_rev,
 * at to, "failed" with helm's wait-timeout description. Into *rev and
 * tag[cap]: that revision and its app version. A rollback helm could not
 * apply (no new revision, or "Rollback … failed") is none. */
bool latedone_helm_waited(const struct helm_history *h, int from_rev, const char *to, int *rev,
    char *tag, size_t cap);

/* One poll's reading of the deployment (helm: of the release and its
 * deployment). */
struct latedone_read {
	const char *tag;                 /* its pod template's; helm: the newest
	                                    release revision's app version */
	const char *rs_tag;              /* its newest ReplicaSet's, "" when not read */
	int revision;                    /* helm: the newest release revision */
	const char *release_status;      /* helm: that revision's status, or NULL */
	const char *deploy_tag;          /* helm: its deployment's pod template
	                                    tag, "" or NULL when not read */
	int desired, ready, updated;     /* spec.replicas, status.readyReplicas, …updated */
	bool complete;                   /* complete by kubectl's rules (parse_k8s_rollout) */
	int64_t available_ms;            /* when its Progressing condition said
	                                    NewReplicaSetAvailable, 0 when it does not */
	int64_t read_ms;                 /* when the read began */
	const char *state;               /* the driver's word for it ("running"), or NULL */
	bool readyz_ok;                  /* /readyz answered 200 and ready */
	int64_t readyz_ms;               /* … asked then (wall clock), 0 not asked */
	const char *export_env;          /* k8s: EXPORT_MODE in its pod template's
	                                    container, plan_export_word's word; NULL
	                                    or "" when not read */
	enum contain_export export_said; /* GET /export as the poller read it: on or
	                                    off only from a whole answer */
	int64_t export_ms;               /* … asked then (wall clock), 0 not asked */
};

/* Whether r shows p's rollout completed: read after p ended, at its tag
 * (as badrel_same matches) and revision, complete with updated == ready ==
 * desired, its newest ReplicaSet (when read) at the tag. *done_ms: the
 * condition's time when it falls after p's end and not after the read,
 * else the read's. For p->by_hand: read (and /readyz asked) after the
 * settle, at its tag, complete (the caller's word for its driver: compose
 * running, k8s complete), /readyz ready; no revision asked; *done_ms: the
 * read's time. A helm rollback's: its release revision still the newest,
 * "failed" or "deployed", and its deployment read at the tag too. For a
 * kill switch p->superseded: any complete read after that rollback began
 * (updated == ready == desired); with no revision (p->revision 0):
 * complete likewise, at its tag, above its starting revision, its
 * template carrying p->env. For p->export_wait: /export read on or off
 * (whole) after the re-read gave up, whichever it says (latedone_record
 * tells OK from FAILED); *done_ms: when it was asked. */
bool latedone_check(const struct latedone_pending *p, const struct latedone_read *r,
    int64_t *done_ms);

/* Whether a helm row's newest release revision r->revision (r->tag,
 * r->release_status), recorded "failed" after the last deployed revision
 * deployed_rev, is the release that runs: its Deployment read (deploy_tag)
 * at that revision's app version with every replica updated and ready.
 * helm leaves the older revision "deployed" then, though none of its pods
 * is left. */
bool latedone_helm_runs_newest(const struct latedone_read *r, int deployed_rev);

/* The action.reconcile data latedone_check's finding is journalled with
 * (for p->by_hand: by "reading", outcome ok, the settle's time as
 * "settled_ts", the tag, the summary "h7 now runs v1.4.1, the target of the
 * rollback settled FAILED by hand at 04:20:11" and what was read);
 * otherwise by "rollout", outcome ok, the times, revision and tag, the summary "h2's
 * rollout completed at 03:50:12, after its rollback ended FAILED at
 * 03:48:40: now OK" and what was read (p->unknown: "… ended UNKNOWN and a
 * re-read found it applied at 03:48:40 …", its time as "reread_ts", not
 * "failed_ts"). For p->export_wait: by "export", outcome ok when /export
 * read as p->env wants, else failed, "reread_ts" and "export_read_ts",
 * the action's words as "reason" ("/export read off at 03:48:45, after the
 * re-read gave up") and the summary "h1's /export read off at 03:48:45,
 * after the re-read of its kill switch gave up at 03:48:40: now OK". The
 * caller owns it. */
cJSON *latedone_record(const struct latedone_pending *p, const struct latedone_read *r,
    int64_t done_ms);

/* When the rollout r (an action.reconcile by "rollout") tells of
 * completed; 0 when r is no such record. */
int64_t latedone_completed_ms(const struct record *r);

/* The same from a record's kind and data alone. */
int64_t latedone_completed_at(const char *kind, const cJSON *data);

/* "FAILED, rollout completed later at 03:50:12" (UTC) into out; unknown:
 * "UNKNOWN, …" (an end a re-read found applied). */
void latedone_words(bool unknown, int64_t done_ms, char *out, size_t cap);

#endif
