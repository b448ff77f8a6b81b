/*
 * latedone.h — a k8s rollback that ended FAILED only because its rollout
 * did not complete within the console's wait (rollout status gave up, the
 * undo applied: its action.end's "rollout") may complete by itself a
 * minute later. Once the poller reads that deployment at the rollback's
 * revision and tag with the rollout complete, the journal gets one
 * action.reconcile saying so (by "rollout", outcome ok), and the host
 * counts as rolled back from then on. A FAILED whose command failed, or a
 * deployment read at another tag or revision, is never turned OK. Pure:
 * journal records and one poll's reading in, the decision and its words out.
 */
#ifndef WARROOM_LATEDONE_H
#define WARROOM_LATEDONE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

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
};

/* Into out: host's latest rollback of svc in v[0..n) (journal order) when
 * it ended FAILED with its rollout not complete (its end's "rollout": the
 * change applied at a newer revision, at the tag the plan went to) and
 * nothing settled it since. False when there is none such. */
bool latedone_pending(const struct record *v, size_t n, const char *host, const char *svc,
    struct latedone_pending *out);

/* Into out: when host's last kill switch in v[0..n) is a k8s one that
 * ended FAILED with its rollout not complete (its end's "rollout": set env
 * applied at a newer revision) and nothing settled it since: its op,
 * service, the tag it kept (as "to") and the revision it made, for
 * latedone_check. Until a reading shows that rollout complete, the old
 * pods may still serve, and export. False when there is none such. */
bool latedone_ks_pending(const struct record *v, size_t n, const char *host,
    struct latedone_pending *out);

/* One poll's reading of the deployment. */
struct latedone_read {
	const char *tag;                 /* its pod template's */
	const char *rs_tag;              /* its newest ReplicaSet's, "" when not read */
	int revision;
	int desired, ready, updated;     /* spec.replicas, status.readyReplicas, …updated */
	bool complete;                   /* complete by kubectl's rules (parse_k8s_rollout) */
	int64_t available_ms;            /* when its Progressing condition said
	                                    NewReplicaSetAvailable, 0 when it does not */
	int64_t read_ms;                 /* when the read began */
};

/* Whether r shows p's rollout completed: read after p ended, at its tag
 * (as badrel_same matches) and revision, complete with updated == ready ==
 * desired, its newest ReplicaSet (when read) at the tag. *done_ms: the
 * condition's time when it falls after p's end and not after the read,
 * else the read's. */
bool latedone_check(const struct latedone_pending *p, const struct latedone_read *r,
    int64_t *done_ms);

/* The action.reconcile data latedone_check's finding is journalled with:
 * by "rollout", outcome ok, the times, revision and tag, the summary "h2's
 * rollout completed at 03:50:12, after its rollback ended FAILED at
 * 03:48:40: now OK" and what was read. The caller owns it. */
cJSON *latedone_record(const struct latedone_pending *p, const struct latedone_read *r,
    int64_t done_ms);

/* When the rollout r (an action.reconcile by "rollout") tells of
 * completed; 0 when r is no such record. */
int64_t latedone_completed_ms(const struct record *r);

/* The same from a record's kind and data alone. */
int64_t latedone_completed_at(const char *kind, const cJSON *data);

/* "FAILED, rollout completed later at 03:50:12" (UTC) into out. */
void latedone_words(int64_t done_ms, char *out, size_t cap);

#endif
