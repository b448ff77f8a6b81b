/*
 * parse_k8s.h — kubectl's answers read into structs: a Deployment
 * (`kubectl get deploy NAME -n NS -o json`), its pods (`kubectl get pods
 * -n NS -l app=NAME -o json`), its ReplicaSets (`kubectl get rs …`, the
 * image of each revision) and `kubectl rollout history` text. Field
 * meanings follow the Kubernetes API reference (apps/v1 Deployment, v1 Pod).
 */
#ifndef WARROOM_PARSE_K8S_H
#define WARROOM_PARSE_K8S_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/config.h"
#include "warroom/parse.h"
#include "warroom/util.h"

#define WR_K8S_CONTAINERS_MAX 16         /* containers kept per pod template/pod */
#define WR_K8S_PODS_MAX 1024
#define WR_K8S_REVISIONS_MAX 1024
#define WR_K8S_SELECTOR_MAX 512

struct k8s_container {
	char name[WR_NAME_MAX];
	char image[WR_IMAGE_MAX];
	char tag[WR_TAG_MAX];            /* from image, as parse_image_split */
};

/* One status.conditions[] entry; type "" when the deployment has none. */
struct k8s_condition {
	char type[32];                   /* "Progressing", "Available" */
	char status[16];                 /* "True", "False", "Unknown" */
	char reason[64];                 /* "NewReplicaSetAvailable", "ProgressDeadlineExceeded" */
	char message[256];
	int64_t last_update_ms;          /* lastUpdateTime, epoch ms; 0 if absent */
};

struct k8s_deploy {
	char name[WR_NAME_MAX];
	char namespace_[WR_NAME_MAX];
	struct k8s_container containers[WR_K8S_CONTAINERS_MAX];
	int ncontainers;                 /* of spec.template.spec.containers */
	int replicas;                    /* spec.replicas: desired (API default 1) */
	int status_replicas;             /* status.replicas: all pods, old ones too */
	int ready;                       /* status.readyReplicas (absent = 0) */
	int updated;                     /* status.updatedReplicas */
	int available;                   /* status.availableReplicas */
	int revision;                    /* deployment.kubernetes.io/revision, 0 if absent */
	int64_t generation;              /* metadata.generation */
	int64_t observed_generation;     /* status.observedGeneration */
	struct k8s_condition progressing;
	struct k8s_condition available_cond;
	char selector[WR_K8S_SELECTOR_MAX]; /* spec.selector.matchLabels as kubectl's
	                                    -l takes it ("app=api,tier=web"), or ""
	                                    when it cannot say the same (see .c) */
};

enum k8s_rollout {
	K8S_ROLLOUT_COMPLETE,
	K8S_ROLLOUT_PROGRESSING,
	K8S_ROLLOUT_STUCK,               /* Progressing=False, ProgressDeadlineExceeded */
};

struct k8s_pod_container {
	char name[WR_NAME_MAX];
	char image[WR_IMAGE_MAX];
	char tag[WR_TAG_MAX];
	bool ready;
	int restarts;                    /* restartCount */
	char state[16];                  /* "running", "waiting", "terminated" or "" */
	char reason[64];                 /* state's reason: "CrashLoopBackOff"… */
	int64_t last_finished;           /* lastState.terminated.finishedAt, 0 if none */
	int last_exit_code;
	char last_reason[64];            /* lastState.terminated.reason */
};

struct k8s_pod {
	char name[128];
	char phase[32];                  /* Pending Running Succeeded Failed Unknown */
	bool ready;                      /* condition Ready is "True" */
	int64_t created_ms;              /* metadata.creationTimestamp, epoch ms;
	                                    0 if absent or unreadable */
	struct k8s_pod_container containers[WR_K8S_CONTAINERS_MAX];
	int ncontainers;                 /* of status.containerStatuses */
};

struct k8s_pods {
	struct k8s_pod *items;
	size_t n;
};

struct k8s_revision {
	int revision;
	char change_cause[256];          /* "" for kubectl's "<none>" */
};

struct k8s_history {
	struct k8s_revision *items;      /* in the order printed (ascending) */
	size_t n;
};

/* Parse one Deployment object. Returns 0, or -1 with "kubectl deployment:
 * …" in err. Absent counters read as the API's defaults. */
int parse_k8s_deploy(const char *buf, size_t len, struct k8s_deploy *out,
    struct wr_err *err);

/* Where the rollout stands, by the rules `kubectl rollout status` uses. */
enum k8s_rollout parse_k8s_rollout(const struct k8s_deploy *d);

/* When the Deployment's Progressing condition last saw its current
 * template progress (lastUpdateTime, epoch ms): set when the controller
 * made or found the new ReplicaSet, moved it on, or saw it available, so
 * never before that template went live. 0 when the condition is about
 * something else (a template not observed yet, a deadline, a pause). */
int64_t parse_k8s_progressed_ms(const struct k8s_deploy *d);

/* When the release tag went live, as far as one poll's answers tell:
 * rs_ms (parse_k8s_rs_first_ran; 0: none) when known, else the earlier of
 * the oldest pod running tag (its creationTimestamp) and progressed_ms
 * (parse_k8s_progressed_ms; 0: none); each only ever comes after the
 * rollout began. Returns epoch ms, or 0 with from "" when none says; from
 * names the source ("kubectl pods: …"). */
int64_t parse_k8s_deployed(const struct k8s_pods *pods, const char *tag, int64_t rs_ms,
    int64_t progressed_ms, const char *reason, char *from, size_t cap);

/* Parse a v1 List of Pods (or one Pod). Returns 0, or -1 with "kubectl
 * pods: …" in err and out left empty; free with parse_k8s_pods_free. */
int parse_k8s_pods(const char *buf, size_t len, struct k8s_pods *out,
    struct wr_err *err);

/* Release what parse_k8s_pods allocated. */
void parse_k8s_pods_free(struct k8s_pods *pods);

/* Containers whose last termination finished within [now - window_s, now]. */
int parse_k8s_restarts_within(const struct k8s_pods *pods, int64_t now, int window_s);

/* Sum of restartCount over every container of every pod. */
int parse_k8s_restarts_total(const struct k8s_pods *pods);

/* Parse `kubectl rollout history deployment/NAME` text. Returns 0, or -1
 * with "rollout history: line N: …" in err; free with parse_k8s_history_free. */
int parse_k8s_history(const char *buf, size_t len, struct k8s_history *out,
    struct wr_err *err);

/* Release what parse_k8s_history allocated. */
void parse_k8s_history_free(struct k8s_history *h);

/* A revision's pod template as its ReplicaSet keeps it. */
struct k8s_rs_image {
	int revision;                    /* deployment.kubernetes.io/revision */
	char image[WR_IMAGE_MAX];        /* the template's first container, as */
	char tag[WR_TAG_MAX];            /* parse_k8s_deploy reads the running one */
	int moved[8];                    /* the revisions it had before, oldest
	                                    first (deployment.kubernetes.io/
	                                    revision-history: it moved up) */
	int nmoved;
	int64_t created_ms;              /* metadata.creationTimestamp, epoch ms; 0 if
	                                    absent or unreadable */
};

struct k8s_rs_images {
	struct k8s_rs_image *items;      /* ascending by revision */
	size_t n;
};

/* Parse a List of ReplicaSets and keep those a Deployment named deploy
 * owns (ownerReferences), one per revision. Returns 0, or -1 with
 * "kubectl replicasets: …" in err and out empty; free with
 * parse_k8s_rs_free. */
int parse_k8s_rs_images(const char *buf, size_t len, const char *deploy,
    struct k8s_rs_images *out, struct wr_err *err);

/* The tag revision rev ran, or NULL when no ReplicaSet says. */
const char *parse_k8s_rs_tag(const struct k8s_rs_images *rs, int rev);

/* When tag first ran, per the ReplicaSets: the creation of the first of
 * the unbroken run of revisions, ending at the newest, whose template runs
 * tag (a rollout restart makes a new ReplicaSet of the same image). 0 when
 * the newest does not run tag, a creation is unreadable, or the run
 * starts at one an undo moved up (made long before it came back). latest
 * gets the newest one's creation when later (re-created since), else 0. */
int64_t parse_k8s_rs_first_ran(const struct k8s_rs_images *rs, const char *tag,
    int64_t *latest);

/* Release what parse_k8s_rs_images allocated. */
void parse_k8s_rs_free(struct k8s_rs_images *rs);

#define WR_K8S_ENV_VALUE_MAX 256

/* One env[] entry of a pod template's container. */
struct k8s_env_var {
	char name[128];
	char value[WR_K8S_ENV_VALUE_MAX]; /* "" when set from a reference */
	bool value_cut;                  /* longer than value[]: not the whole value */
	char value_from[32];             /* valueFrom's kind ("configMapKeyRef",
	                                    "secretKeyRef", "fieldRef"…), or "" */
};

/* A container's env list as the Deployment's pod template writes it. */
struct k8s_env {
	char container[WR_NAME_MAX];
	struct k8s_env_var *items;       /* in the order written */
	size_t n;
	bool env_from;                   /* envFrom[] is set: a ConfigMap or Secret
	                                    may set more variables */
};

/* The env list (spec.template.spec.containers[].env[]) of the container
 * named container in a Deployment object. 0, or -1 with "kubectl
 * deployment: …" in err (no such container among them); free with
 * parse_k8s_env_free. */
int parse_k8s_env(const char *buf, size_t len, const char *container, struct k8s_env *out,
    struct wr_err *err);

/* The env list of container in the pod template that revision rev of
 * Deployment deploy ran, as its ReplicaSet keeps it (a List of
 * ReplicaSets, as parse_k8s_rs_images reads). 0, or -1 with "kubectl
 * replicasets: …" in err (no such revision or container); free with
 * parse_k8s_env_free. */
int parse_k8s_rs_env(const char *buf, size_t len, const char *deploy, int rev,
    const char *container, struct k8s_env *out, struct wr_err *err);

/* The entry that sets name (the last one, as the kubelet reads a list
 * naming it twice), or NULL. */
const struct k8s_env_var *parse_k8s_env_find(const struct k8s_env *env, const char *name);

/* Release what parse_k8s_env allocated. */
void parse_k8s_env_free(struct k8s_env *env);

#endif
