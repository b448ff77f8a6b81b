/*
 * poller.h — what the dashboard shows about each host and service, kept
 * fresh: the driver's polling command over SSH (tags, container state,
 * replicas, revision), /healthz, /readyz, /export and /version over HTTP
 * (through the host's SSH connection unless tunnel = no), and the metrics
 * behind the rollback verdict, scraped from the host's /metrics or asked
 * of a Prometheus server. Each host polls on its own jittered timer, so a
 * slow host never delays the others.
 */
#ifndef WARROOM_POLLER_H
#define WARROOM_POLLER_H

#include <stdbool.h>
#include <stdint.h>

#include "warroom/config.h"
#include "warroom/contain.h"
#include "warroom/decide.h"
#include "warroom/deploytime.h"
#include "warroom/metrics.h"
#include "warroom/probe.h"

struct loop;
struct ssh_pool;
struct http_client;
struct tunnel_set;
struct poller;

/* One HOSTS row: a service on a host. Strings are untrusted remote text. */
struct svc_state {
	bool have_driver;                /* a poll answered at least once */
	int64_t driver_at_ms;            /* wall clock of that answer */
	int64_t tag_read_ms;             /* wall clock: the read behind tag began then
	                                    (its command sent, or within the session's
	                                    latency: the watch's marker before it heard) */
	char driver_error[256];          /* the last poll's failure, or "" */
	int64_t driver_failed_ms;        /* wall clock: the failed read began (a watch
	                                    lost or stalled: when seen); 0 none */
	int64_t driver_silent_ms;        /* wall clock: the stuck polling command was last
	                                    heard from then (driver_error says it has not
	                                    answered; HOSTS says for how long); 0 none */
	char tag[128];
	char env_tag[128];               /* compose: IMAGE_TAG in the host's .env, read
	                                    with tag ("(unset)": none); "" not read */
	char image[256];
	char state[32];                  /* running/exited…; k8s: "3/3 ready" */
	char absent_why[256];            /* compose, state "absent": what the project
	                                    has instead (parse_compose_absent_why) */
	char health[32];                 /* compose health, k8s rollout state */
	int restarts;                    /* -1 when the tool does not say */
	int64_t restarts_at_ms;          /* wall clock: restarts was read then; 0 */
	bool restarts_stale;             /* the poll that reads them is failing:
	                                    restarts is the last count, as of
	                                    restarts_at_ms */
	int revision;                    /* k8s/helm revision, 0 when none */
	char export_env[64];             /* k8s: EXPORT_MODE in the pod template of the
	                                    kill switch's container (plan_export_word:
	                                    "off", "(unset)"…), "" when not read */
	char selector[512];              /* k8s: the deployment's pods as kubectl -l
	                                    takes them, or "" (parse_k8s) */
	int pods;                        /* k8s: its pods, desired or running (the
	                                    larger); 0 before the first poll */
	int desired, ready, updated;     /* k8s: spec.replicas, status.readyReplicas,
	                                    status.updatedReplicas of the last read */
	int64_t tag_changed_ms;          /* when tag/state/health last changed */
	int64_t tag_seen_ms;             /* wall clock: the first read (of those in a
	                                    row) that said tag answered then; a probe
	                                    round is asked at once */
	bool tag_replaced;               /* … and that tag replaced another this
	                                    console read (not its first read) */
	int64_t deployed_ms;             /* when the running release first ran, per
	                                    the deploy history read (helm: its
	                                    revision's updated), the earliest seen
	                                    while the tag stays; 0: not told */
	char deployed_from[64];          /* … where that was read: "helm history:
	                                    revision 4 updated", "compose ps:
	                                    container created" */
	int64_t recreated_ms;            /* the same release re-created since (a
	                                    newer container or ReplicaSet); 0 none */
	struct deploytime seen;          /* what makes the three above */
	int64_t rs_first_ms, rs_latest_ms; /* k8s: parse_k8s_rs_first_ran of the last
	                                    ReplicaSets read (only when the deployment
	                                    moved: rsread), for rs_tag; 0 none */
	char rs_tag[128];
	bool deployed_pending;           /* k8s: the tag changed and the pods (and the
	                                    ReplicaSets, when being read) that say
	                                    when it went live have not answered */
	int64_t progressed_ms;           /* k8s: parse_k8s_progressed_ms of the
	                                    last deployment read, 0: none */
	char progressed_why[32];         /* … its Progressing reason */
	int helm_newest_rev;             /* helm: the newest release revision (a
	                                    failed rollback's may follow the
	                                    deployed one above), 0 when none */
	char helm_newest_tag[64];        /* … its app version */
	char helm_newest_status[32];     /* … its status ("failed") */
	char helm_newest_chart[128];     /* … its chart */
	int64_t helm_newest_ms;          /* … when it was made (updated), 0 unread */
	int helm_deployed_rev;           /* helm: the last "deployed" revision, 0 none */
	char helm_deployed_tag[64];      /* … its app version */
	char helm_deployed_status[32];   /* … its status */
	char helm_deployed_chart[128];   /* … its chart */
	int64_t helm_deployed_ms;        /* … when it was made (updated), 0 unread */
	bool deploy_read;                /* helm: the release's Deployment read at
	                                    the last try (desired, ready, updated,
	                                    progressed_* are its then) */
	char deploy_tag[128];            /* … its pod template's tag */
	bool deploy_complete;            /* … its rollout complete (parse_k8s_rollout) */
	int deploy_rollout;              /* … enum k8s_rollout */
	int64_t deploy_read_ms;          /* wall clock: that read began */

	bool have_probe;                 /* a whole probe round answered */
	int64_t probe_at_ms;
	int64_t probe_sent_ms;           /* wall clock: the last whole round was sent */
	int64_t probe_done_ms;           /* wall clock: … and its last answer came */
	struct probe_result healthz, readyz;
	int64_t readyz_sent_ms;          /* wall clock: when readyz's request went out */
	int64_t refresh_ms;              /* wall clock: a fresh round last asked for (an
	                                    action's end, C-r); answers to requests
	                                    sent before it may predate a change */
	char version[128];
	enum probe_version_cmp version_cmp;
	int64_t health_changed_ms;
	enum contain_export export_state; /* GET health_url/export, probed services only:
	                                    404 or "disabled" off, another 2xx on */
	int64_t export_changed_ms;
	int64_t export_sent_ms;          /* wall clock: the /export request behind
	                                    export_state was sent (0: none answered) */
	int64_t export_unanswered_ms;    /* wall clock: the first /export request of
	                                    those in a row that came back neither on
	                                    nor off (hung, timed out, an error) was
	                                    sent; 0 while the last one told */
};

/* The METRICS sparklines cover the last ten minutes: at most this many
 * scrapes (one a second, the shortest interval) are kept. */
#define POLLER_HISTORY_MS (10 * 60 * 1000)
#define POLLER_HISTORY 600

/* A host's metrics (its metrics_url, or Prometheus's answers) and the
 * verdict drawn from them. From Prometheus, rates hold what the queries
 * answered (NAN: no data) and nothing else. */
struct host_metrics {
	bool have_scrape;                /* one scrape read: rates need two */
	bool have_rates;
	int64_t at_ms;                   /* wall clock of the last good scrape */
	int64_t window_from_ms;          /* how far back its judged figures reach
	                                    (wall clock): at_ms less the run of
	                                    intervals a metrics_url's were counted
	                                    over, or a Prometheus host's window_s;
	                                    0 none yet */
	int64_t window_fresh_ms;         /* metrics_url: its window last emptied at
	                                    a change of release then; 0 never */
	char error[768];                 /* the last scrape's failure, or "" (from
	                                    Prometheus, each failing query's) */
	size_t error_part[WR_QUERY_COUNT];  /* … where each query's begins */
	int error_parts;                 /* … how many; 0 or 1: error is one text */
	struct metrics_rates rates;      /* the last interval's, but from a
	                                    metrics_url error_rate and p95_s are
	                                    the ones the verdict judged: over the
	                                    newest intervals with min_requests
	                                    (ratewin.h) */
	struct decide_verdict verdict;
	bool judged;                     /* verdict is the host's first verdict or
	                                    later (decide_first_verdict): until
	                                    then a start-up NO DATA, no verdict */
	double error_hist[POLLER_HISTORY];  /* oldest first; NAN: no data */
	double p95_hist[POLLER_HISTORY];
	int nhist;
	/* private to the poller */
	struct metrics_scrape prev;
	int64_t prev_mono_ms;
};

struct poller_opts {
	int poll_ms;                     /* driver polls; default 5000 */
	int probe_ms;                    /* health probes; default 5000 */
	int metrics_ms;                  /* metrics scrapes or queries; default 5000 */
	const char *const *tokens;       /* per host: metrics bearer token or NULL */
	/* A host's first verdict, and each change of its level after it; v is
	 * the host's verdict in place (poller_verdict_adopt may change it). */
	void (*on_verdict)(int host, const struct decide_verdict *v, void *arg);
	void (*on_change)(void *arg);
	void *arg;
};

struct poller *poller_new(struct loop *loop, struct ssh_pool *pool,
    struct http_client *http, struct tunnel_set *tunnels, const struct config *cfg,
    const struct poller_opts *opts);

/* Start every host's timers, jittered; a host's first poll and probes
 * wait for its connection (poller_host_changed). */
void poller_start(struct poller *p);

void poller_free(struct poller *p);

/* Tell the poller host's connection changed: once it is up, its first
 * poll and probes run at once, not at the next round. */
void poller_host_changed(struct poller *p, int host);

/* Poll host (-1: every host) now: its driver's commands and its health
 * probes (after the round still out, if one is), beside the regular
 * rounds; metrics keep their interval (rates are per interval). Returns
 * how many hosts were connected to ask. */
int poller_refresh(struct poller *p, int host);

/* Ask each probed service's /export in every probe round (on: a kill
 * switch was asked for in the incident) or not at all (off, the start). */
void poller_watch_exports(struct poller *p, bool on);

/* The metrics and verdict of host, or NULL. */
const struct host_metrics *poller_metrics(const struct poller *p, int host);

/* This console takes over recording, or resumes the incident: host's
 * verdict adopts the journal's latest level said as its hysteresis state
 * (decide_adopt). Nothing for a host with no verdict here yet (judged). */
void poller_verdict_adopt(struct poller *p, int host, enum decide_level said);

/* Service svc of host: its deploy time seeded from the journal's said of
 * the same tag, the earlier kept (deploytime_adopt); the row's shown and
 * recorded deployed_ms follow. */
void poller_deploy_adopt(struct poller *p, int host, int svc, const struct deploytime *said);

/* The state of service svc (index into the host's services) of host. */
const struct svc_state *poller_state(const struct poller *p, int host, int svc);

#endif
