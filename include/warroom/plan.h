/*
 * plan.h — what a rollback will do, decided before anything is sent: the
 * target, the exact remote commands in order, how the outcome is verified.
 * The confirmation dialog shows a plan, the journal stores it (and its
 * hash) in action.intent, and the runner executes exactly its steps.
 * Pure: the caller supplies what it read from the host.
 */
#ifndef WARROOM_PLAN_H
#define WARROOM_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "warroom/config.h"
#include "warroom/driver_cmd.h"

#define PLAN_STEPS_MAX 6

struct plan_step {
	char name[48];                   /* "pull", "up -d", "record release" */
	char cmd[WR_CMD_MAX];            /* exactly what runs on the host */
	bool mutating;
};

struct plan {
	char action[48];                 /* "compose.rollback" */
	char host[WR_NAME_MAX];
	char service[WR_NAME_MAX];
	char from[128];                  /* the tag (or app version) running when planned */
	char to[128];                    /* the target tag, "" when unknown (k8s undo) */
	int from_rev, to_rev;            /* k8s/helm revisions; 0 for compose */
	struct plan_step steps[PLAN_STEPS_MAX];
	int nsteps;
	char verify_cmd[WR_CMD_MAX];     /* read back what runs now */
	char record_cmd[WR_CMD_MAX * 2]; /* after a verified OK: note it in releases.log */
	char readyz_url[WR_URL_MAX + 16]; /* health gate, "" when none */
	int health_timeout_s;
};

/* The tag to roll back to: the most recent successful deploy in a
 * releases.log ("… IMAGE_TAG=T … result=ok") whose tag is not current.
 * 0, or -1 with err when there is none. */
int plan_compose_target(const char *log, size_t len, const char *current, char *out,
    size_t cap, struct wr_err *err);

/* True when a tag is safe to use (letters, digits, '.', '-', '_', ':', '@',
 * '+', at most 127 bytes). */
bool plan_tag_valid(const char *tag);

/* A Compose rollback of service svc on host h from → to. */
int plan_compose_rollback(const struct config_host *h, int svc, const char *from,
    const char *to, int health_timeout_s, const char *incident, struct plan *p,
    struct wr_err *err);

/* kubectl rollout undo of deployment svc from revision from_rev to
 * to_rev, then rollout status with the timeout. */
int plan_k8s_undo(const struct config_host *h, int svc, const char *from_tag,
    int from_rev, int to_rev, int timeout_s, struct plan *p, struct wr_err *err);

/* helm rollback of release svc from revision from_rev (app version from)
 * to to_rev (app version to). */
int plan_helm_rollback(const struct config_host *h, int svc, const char *from,
    int from_rev, const char *to, int to_rev, int timeout_s, struct plan *p,
    struct wr_err *err);

/* The plan as stored in action.intent (caller owns the object). */
cJSON *plan_to_json(const struct plan *p);

/* The plan's hash as 8 hex digits: the confirmation is bound to it. */
void plan_hash(const struct plan *p, char out[9]);

#endif
