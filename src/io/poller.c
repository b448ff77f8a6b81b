/*
 * poller.c — keeps each HOSTS row fresh. Per host, one repeating timer
 * (with jitter, so a fleet does not poll in lockstep) starts the driver's
 * command over exec.c when the host is UP and no poll is still running,
 * collects its output, and hands it to the pure parsers; another probes
 * /healthz, /readyz, /export and /version over http.c, tunnelled through the host's
 * SSH session by default; a third reads the host's metrics, from its
 * /metrics or from Prometheus queries (promquery.c), and draws the verdict.
 * A failure is kept beside the last good data, so the screen can show both
 * the data and its age. Health asked through a connection that went is no
 * such data: it is UNKNOWN (not asked) until the host is back.
 *
 * Restarts: kubectl says when each pod last restarted; Compose only has a
 * running total per container (docker inspect's RestartCount), so each
 * Compose service keeps a restartwin that turns the totals into restarts
 * within the thresholds' window.
 *
 * A k8s deployment's ReplicaSets (when its tag first ran) change only
 * with its revision or tag: they are read outside the rounds, on a
 * channel of their own, when the deployment's answer says it moved
 * (rsread), not once per service and round against the API server.
 */
#include "warroom/poller.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "warroom/contain.h"
#include "warroom/driver_cmd.h"
#include "warroom/exec.h"
#include "warroom/http.h"
#include "warroom/latedone.h"
#include "warroom/loop.h"
#include "warroom/parse_compose.h"
#include "warroom/parse_helm.h"
#include "warroom/parse_k8s.h"
#include "warroom/plan.h"
#include "warroom/promquery.h"
#include "warroom/ratewin.h"
#include "warroom/restartwin.h"
#include "warroom/rsread.h"
#include "warroom/sanitize.h"
#include "warroom/ssh.h"
#include "warroom/tunnel.h"

#define OUT_MAX (8 * 1024 * 1024)
/* Commands in one host's poll: k8s runs two per service (compose two in
 * all); its ReplicaSets are read apart, when due (rs_next). */
#define WR_POLL_CMDS (2 * WR_SERVICES_MAX)

struct poller;
struct host_poll;

/* k8s, per service: its ReplicaSet reads, and the pods' reading of when
 * its tag went live, held while the ReplicaSets' answer is still to come
 * (it says better: a rollout restart does not move it). */
struct rs_poll {
	struct rsread read;
	bool held;                       /* the pods answered while it was awaited */
	char held_tag[128];              /* … when the row ran this tag */
	int64_t held_ms;                 /* their reading, 0: none (parse_k8s_deployed) */
	char held_from[64];
};

/* One health probe in flight; a host's four live in its host_poll (a
 * round starts only when the last has ended), so a request that ends
 * without a callback at shutdown (http_free) leaves nothing to free. */
struct probe_req {
	struct host_poll *hp;
	enum { PR_HEALTHZ, PR_READYZ, PR_EXPORT, PR_VERSION } what;
	int64_t sent_ms;                 /* wall clock */
};

struct host_poll {
	struct poller *p;
	int host;
	const struct config_host *cfg;
	struct svc_state *svc;           /* one per service */
	uint64_t poll_timer, probe_timer, metrics_timer;
	struct host_metrics m;
	bool scraping;
	struct promquery_round prom;     /* metrics from Prometheus, when so configured */
	int running;                     /* commands of this poll whose channels
	                                    are open (a hung one's stays open
	                                    after its timeout: no new poll then) */
	int probing;                     /* HTTP probes still out */
	bool probe_owed;                 /* a round was asked for while one was out */
	bool poll_owed;                  /* a driver round was asked for while the
	                                    commands of one (sent before) were out */
	struct probe_req probes[4];
	/* A round's /healthz and /readyz answers, kept until its last answer:
	 * rows take them together with the round's times (probe_done), so no
	 * reader pairs a new /readyz with the round before's times. */
	struct probe_result round_healthz, round_readyz;
	bool round_have_healthz, round_have_readyz;
	int64_t round_readyz_sent_ms;
	int export_unsaid;                /* /export answers in a row that said
	                                    neither on nor off (a status came) */
	int64_t export_asked_ms;          /* wall clock: /export last asked */
	/* The watch: the driver's commands looping on one channel. */
	struct exec_cmd *watch;
	struct job *wjobs;               /* one per command of the loop */
	int nwjobs, wcur;                /* wcur: the command whose output comes */
	int64_t watch_heard;             /* loop clock: started, a round asked for,
	                                    or the last marker */
	int64_t watch_heard_ms;          /* wall clock: started, or the last marker */
	int64_t watch_round_ms;          /* wall clock: the round out was asked for
	                                    (or the watch started): none of its
	                                    commands began before */
	bool watch_round_out;            /* a round's last marker is still to come */
	bool watch_owed;                 /* a round was due while one was out */
	bool watch_marked;               /* this watch printed a marker */
	bool watch_broken;               /* a watch died without one: poll one by one */
	bool watch_stalled;              /* closed for not answering (reason shown) */
	bool connected;                  /* the session was up when last told */
	bool reached;                    /* UP once in this run: from then a metrics
	                                    round it cannot send is no data */
	struct ratewin rate;             /* metrics_url: the recent scrape intervals the
	                                    error rate and p95 are judged over */
	struct restartwin *rwin;         /* compose, k8s: one per service, else NULL */
	struct rs_poll *rsp;             /* k8s: one per service, else NULL */
	bool restarts_read;              /* compose: a restart count was read once */
	struct decide_service rsvc[WR_SERVICES_MAX];  /* each service's restarts, for
	                                    the verdict to name whose (host_restarts) */
	int64_t version_at_ms;           /* wall clock of the last /version asked */
	struct compose_ps_memo ps_memo;  /* compose: the last ps answer, parsed */
};

struct poller {
	struct loop *loop;
	struct ssh_pool *pool;
	struct http_client *http;
	struct tunnel_set *tunnels;
	const struct config *cfg;
	struct poller_opts opts;
	struct host_poll *hosts;
	size_t nhosts;
	unsigned seed;
	char token[24];                  /* marks the watch's markers, per run */
	int hist_cap;                    /* ten minutes of scrapes, <= POLLER_HISTORY */
	bool watch_exports;              /* /export asked every round (poller_watch_exports) */
	int64_t started_s;               /* wall clock: restarts watched since */
};

/* One command's output, gathered whole, and what to do with it. */
struct job {
	struct host_poll *hp;
	int svc;                         /* -1: the whole host (compose ps) */
	enum { JOB_COMPOSE, JOB_COMPOSE_RESTARTS, JOB_K8S_DEPLOY, JOB_K8S_RS,
		JOB_K8S_PODS, JOB_HELM, JOB_HELM_DEPLOY } kind;
	int64_t sent_ms;                 /* wall clock: its command began no earlier */
	char *buf;
	size_t len, cap;
	char err[256];                   /* stderr's last line (raw), said on failure */
};

static void
changed(struct poller *p)
{
	if (p->opts.on_change != NULL)
		p->opts.on_change(p->opts.arg);
}

/* A failing tool's reason ("cd: can't cd to /srv/x") is on stderr, after
 * any warnings: its last line is kept. */
static void
job_err(struct job *j, const char *line, size_t len)
{
	if (len == 0)
		return;
	if (len >= sizeof(j->err))
		len = sizeof(j->err) - 1;
	memcpy(j->err, line, len);
	j->err[len] = '\0';
}

static void
job_line(enum exec_stream s, const char *line, size_t len, bool cut, void *arg)
{
	struct job *j = arg;

	if (s == EXEC_STDERR) {
		job_err(j, line, len);
		return;
	}
	if (j->len + len + 1 > OUT_MAX)
		return;
	if (j->len + len + 2 > j->cap) {
		j->cap = (j->len + len + 2) * 2;
		j->buf = xrealloc(j->buf, j->cap);
	}
	memcpy(j->buf + j->len, line, len);
	j->len += len;
	if (!cut)
		j->buf[j->len++] = '\n';
	j->buf[j->len] = '\0';
}

/* Remote text in, display-safe text out (DESIGN §3.5). */
static void
put(char *dst, size_t cap, const char *src)
{
	sanitize_line(src, strlen(src), dst, cap);
}

/* Store a sanitized field and note when a shown value changes. */
static void
set_field(char *dst, size_t cap, const char *v, int64_t *changed_ms, int64_t now)
{
	char clean[512];

	put(clean, sizeof(clean) < cap ? sizeof(clean) : cap, v);
	if (strcmp(dst, clean) != 0) {
		if (dst[0] != '\0')
			*changed_ms = now;
		wr_strlcpy(dst, clean, cap);
	}
}

/* The tag a read answered at now: a new one notes when it was first
 * seen, so a probe sent before it is not paired with it (healthrec.h). */
static void
set_tag(struct svc_state *s, const char *tag, int64_t now)
{
	char was[sizeof(s->tag)];

	wr_strlcpy(was, s->tag, sizeof(was));
	set_field(s->tag, sizeof(s->tag), tag, &s->tag_changed_ms, now);
	if (strcmp(was, s->tag) != 0) {
		s->tag_seen_ms = now;
		s->tag_replaced = was[0] != '\0';
	}
}

/* A failed read of the rows (svc < 0: all) that began at began_ms: the
 * tag it would have read stays the last one read, and older. */
static void
fail_all(struct host_poll *hp, int svc, const char *why, int64_t began_ms)
{
	int i;

	for (i = 0; i < hp->cfg->nservices; i++)
		if (svc < 0 || svc == i) {
			put(hp->svc[i].driver_error, sizeof(hp->svc[i].driver_error), why);
			hp->svc[i].driver_failed_ms = began_ms;
			hp->svc[i].driver_silent_ms = 0;
			hp->svc[i].restarts_stale = true;
			/* Nothing will say when it went live: its record goes without. */
			hp->svc[i].deployed_pending = false;
		}
}

/* A read that answered: its rows' values are as of began_ms at the latest. */
static void
read_ok(struct svc_state *s, int64_t now, int64_t began_ms)
{
	s->have_driver = true;
	s->driver_at_ms = now;
	s->tag_read_ms = began_ms;
	s->driver_error[0] = '\0';
	s->driver_silent_ms = 0;
}

/* One poll's reading of when the running tag went live (0: not said) and
 * when its running instance was made into the row: the earliest while the
 * tag stays (deploytime). */
static void
deployed(struct svc_state *s, int64_t ms, const char *from, int64_t instance_ms)
{
	deploytime_note(&s->seen, s->tag, ms, from, instance_ms);
	s->deployed_ms = s->seen.first_ms;
	wr_strlcpy(s->deployed_from, s->seen.first_from, sizeof(s->deployed_from));
	s->recreated_ms = s->seen.recreated_ms;
}

static void
apply_compose(struct host_poll *hp, const char *buf, size_t len, int64_t now, int64_t sent)
{
	const struct compose_ps *ps;
	struct wr_err err;
	char env[128];
	size_t off;
	bool have_env = parse_compose_env(buf, len, &off, env, sizeof(env));
	int i;

	/* Idle, ps prints the same answer every poll: parsed once. */
	if (parse_compose_ps_memo(&hp->ps_memo, buf + off, len - off, &ps, &err) != 0) {
		fail_all(hp, -1, err.msg, sent);
		return;
	}
	for (i = 0; i < hp->cfg->nservices; i++) {
		struct svc_state *s = &hp->svc[i];
		const struct compose_container *c = parse_compose_find(ps, hp->cfg->services[i]);

		read_ok(s, now, sent);
		/* .env as the same command read it: HOSTS compares the pair. */
		put(s->env_tag, sizeof(s->env_tag), have_env ? env : "");
		if (c == NULL) {
			char why[sizeof(s->absent_why)];

			set_field(s->state, sizeof(s->state), "absent", &s->tag_changed_ms, now);
			parse_compose_absent_why(ps, hp->cfg->services[i], why, sizeof(why));
			put(s->absent_why, sizeof(s->absent_why), why);
			continue;
		}
		s->absent_why[0] = '\0';
		set_tag(s, c->tag[0] ? c->tag : c->digest, now);
		put(s->image, sizeof(s->image), c->image);
		set_field(s->state, sizeof(s->state), c->state, &s->tag_changed_ms, now);
		set_field(s->health, sizeof(s->health), c->health, &s->tag_changed_ms, now);
		/* A new release is a new container: its creation is the deploy
		 * (a restart keeps it); one re-created with the same tag is
		 * not a new release. */
		deployed(s, c->created_ms, "compose ps: container created", c->created_ms);
	}
}

/* docker inspect's totals (buf NULL: the command failed) into each
 * service's window. A service with no line in a good answer has no
 * container: unknown, and its history goes with the container. A failed
 * answer is unknown too, but keeps the history: it may be one missed
 * round (a container removed between ps and inspect). */
static void
apply_compose_restarts(struct host_poll *hp, const char *buf, size_t len, int64_t now)
{
	struct restartwin_sample smp[RESTARTWIN_CONTAINERS * 2];
	struct compose_restarts rs;
	struct wr_err err;
	int64_t now_s = now / 1000;
	int i;

	if (buf == NULL || parse_compose_restarts(buf, len, &rs, &err) != 0) {
		for (i = 0; i < hp->cfg->nservices; i++)
			hp->svc[i].restarts = -1;
		return;
	}
	for (i = 0; i < hp->cfg->nservices; i++) {
		size_t k, n = 0;

		for (k = 0; k < rs.n && n < WR_ARRAY_LEN(smp); k++)
			if (strcmp(rs.items[k].service, hp->cfg->services[i]) == 0)
				smp[n++] = (struct restartwin_sample){ .id = rs.items[k].id,
					.count = rs.items[k].count, .started = rs.items[k].started };
		restartwin_observe(&hp->rwin[i], now_s, smp, n);
		hp->svc[i].restarts = restartwin_count(&hp->rwin[i], now_s,
		    hp->p->cfg->thresholds.restarts_window_s);
		if (hp->svc[i].restarts >= 0)
			hp->restarts_read = true;
		hp->svc[i].restarts_at_ms = now;
		hp->svc[i].restarts_stale = false;
	}
	parse_compose_restarts_free(&rs);
}

/* EXPORT_MODE in the pod template of the container the kill switch
 * changes (plan_k8s_container), in plan_export_word's words: a dropped
 * kill switch's rollout is read complete by it (latedone_check). */
static void
k8s_export_env(struct svc_state *s, const struct k8s_deploy *d, const char *svc,
    const char *buf, size_t len)
{
	struct k8s_env env;
	struct wr_err err;
	int c;

	s->export_env[0] = '\0';
	if ((c = plan_k8s_container(d, svc, &err)) < 0 ||
	    parse_k8s_env(buf, len, d->containers[c].name, &env, &err) != 0)
		return;
	plan_export_word(&env, "EXPORT_MODE", s->export_env, sizeof(s->export_env));
	parse_k8s_env_free(&env);
}

static void
apply_k8s_deploy(struct svc_state *s, const char *svc, const char *buf, size_t len,
    int64_t now, int64_t sent)
{
	static const char *const rollout[] = { "complete", "progressing", "stuck" };
	struct k8s_deploy d;
	struct wr_err err;
	char ready[32];
	enum k8s_rollout r;

	if (parse_k8s_deploy(buf, len, &d, &err) != 0) {
		put(s->driver_error, sizeof(s->driver_error), err.msg);
		s->driver_failed_ms = sent;
		return;
	}
	read_ok(s, now, sent);
	if (d.ncontainers > 0 && strcmp(s->tag, d.containers[0].tag) != 0) {
		/* When the new tag went live the pods answer says: until it
		 * is read, no time (the last one was the old tag's). */
		s->deployed_pending = true;
		s->deployed_ms = 0;
		set_tag(s, d.containers[0].tag, now);
	}
	s->progressed_ms = parse_k8s_progressed_ms(&d);
	wr_strlcpy(s->progressed_why, d.progressing.reason, sizeof(s->progressed_why));
	/* Ready of desired replicas, as kubectl prints READY: with the rollout
	 * state ("3/3 complete") it fits the STATE column. */
	snprintf(ready, sizeof(ready), "%d/%d", d.ready, d.replicas);
	set_field(s->state, sizeof(s->state), ready, &s->tag_changed_ms, now);
	r = parse_k8s_rollout(&d);
	set_field(s->health, sizeof(s->health), (unsigned)r < 3 ? rollout[r] : "?",
	    &s->tag_changed_ms, now);
	s->revision = d.revision;
	k8s_export_env(s, &d, svc, buf, len);
	/* LOGS follows these pods (driver_cmd_logs); parse_k8s let through
	 * only label characters. */
	_Static_assert(sizeof(s->selector) >= WR_K8S_SELECTOR_MAX, "a selector fits");
	wr_strlcpy(s->selector, d.selector, sizeof(s->selector));
	s->pods = d.status_replicas > d.replicas ? d.status_replicas : d.replicas;
	s->desired = d.replicas;
	s->ready = d.ready;
	s->updated = d.updated;
}

/* When the running tag went live: from its ReplicaSets when they told
 * of it, else the pods' reading held in rp; the health.change waiting
 * for it may go. A reading held of another tag waits for the next pods. */
static void
k8s_settle(struct svc_state *s, struct rs_poll *rp)
{
	bool rs = strcmp(s->rs_tag, s->tag) == 0;
	char from[sizeof(s->deployed_from)];
	int64_t ms;

	rp->held = false;
	if (strcmp(rp->held_tag, s->tag) != 0)
		return;
	if (rs && s->rs_first_ms > 0)
		ms = parse_k8s_deployed(NULL, s->tag, s->rs_first_ms, 0, NULL, from, sizeof(from));
	else {
		ms = rp->held_ms;
		wr_strlcpy(from, rp->held_from, sizeof(from));
	}
	deployed(s, ms, from, rs ? s->rs_latest_ms : 0);
	s->deployed_pending = false;
}

/* The pods' answer (NULL: not read) and the deployment's condition say
 * when the tag went live; settled now, or when the ReplicaSets read for
 * this revision and tag answers. */
static void
k8s_deployed(struct svc_state *s, struct rs_poll *rp, const struct k8s_pods *pods)
{
	rp->held_ms = parse_k8s_deployed(pods, s->tag, 0, s->progressed_ms, s->progressed_why,
	    rp->held_from, sizeof(rp->held_from));
	wr_strlcpy(rp->held_tag, s->tag, sizeof(rp->held_tag));
	if (rsread_waiting(&rp->read, s->revision, s->tag)) {
		rp->held = true;
		return;
	}
	k8s_settle(s, rp);
}

/* The deployment's ReplicaSets: when its tag first ran, which a rollout
 * restart does not move. Not the row's error when unread (a role may not
 * list them): the pods and the condition say instead. False when buf
 * (NULL: the command failed) could not be read. */
static bool
apply_k8s_rs(struct svc_state *s, const char *svc, const char *buf, size_t len)
{
	struct k8s_rs_images rs;
	struct wr_err err;

	s->rs_first_ms = s->rs_latest_ms = 0;
	s->rs_tag[0] = '\0';
	if (buf == NULL || parse_k8s_rs_images(buf, len, svc, &rs, &err) != 0)
		return false;
	if (rs.n > 0) {
		put(s->rs_tag, sizeof(s->rs_tag), rs.items[rs.n - 1].tag);
		s->rs_first_ms = parse_k8s_rs_first_ran(&rs, rs.items[rs.n - 1].tag,
		    &s->rs_latest_ms);
	}
	parse_k8s_rs_free(&rs);
	return true;
}

/* Restarts in the window: a pod shows only its containers' last
 * termination, so a crash loop of one pod would read 1 however often it
 * restarts; the restartCount rises seen between polls count too, and the
 * larger of the two is the figure. */
static void
apply_k8s_pods(struct svc_state *s, struct rs_poll *rp, struct restartwin *w, const char *buf,
    size_t len, int64_t now, int window_s)
{
	struct restartwin_sample smp[RESTARTWIN_CONTAINERS];
	char ids[RESTARTWIN_CONTAINERS][RESTARTWIN_ID_MAX];
	struct k8s_pods pods;
	struct wr_err err;
	size_t i, n = 0;
	int j, seen;

	if (parse_k8s_pods(buf, len, &pods, &err) != 0) {
		put(s->driver_error, sizeof(s->driver_error), err.msg);
		s->restarts_stale = true;
		k8s_deployed(s, rp, NULL);
		return;
	}
	k8s_deployed(s, rp, &pods);
	s->restarts = parse_k8s_restarts_within(&pods, now / 1000, window_s);
	s->restarts_at_ms = now;
	s->restarts_stale = false;
	for (i = 0; i < pods.n; i++)
		for (j = 0; j < pods.items[i].ncontainers && n < WR_ARRAY_LEN(smp); j++) {
			snprintf(ids[n], sizeof(ids[n]), "%s/%s", pods.items[i].name,
			    pods.items[i].containers[j].name);
			smp[n] = (struct restartwin_sample){ .id = ids[n],
				.count = pods.items[i].containers[j].restarts };
			n++;
		}
	if (w != NULL) {
		restartwin_observe(w, now / 1000, smp, n);
		if ((seen = restartwin_count(w, now / 1000, window_s)) > s->restarts)
			s->restarts = seen;
	}
	parse_k8s_pods_free(&pods);
}

/* helm history's RFC 3339 "updated" as wall-clock ms, 0 when unread. */
static int64_t
helm_updated_ms(const char *updated)
{
	int64_t secs;
	int ms;

	return wr_parse_rfc3339(updated, strlen(updated), &secs, &ms) ? secs * 1000 + ms : 0;
}

/* The row from the release's history and its Deployment, whichever came
 * last: the deployed revision, unless a newer one helm recorded failed
 * (its --wait ran out) is what every pod runs now (latedone.h); a rollout
 * under way shows as k8s rows show it ("2/3 progressing"). */
static void
helm_settle(struct svc_state *s, int64_t now)
{
	static const char *const rollout[] = { "complete", "progressing", "stuck" };
	struct latedone_read r = {
		.tag = s->helm_newest_tag, .revision = s->helm_newest_rev,
		.release_status = s->helm_newest_status,
		.deploy_tag = s->deploy_read ? s->deploy_tag : "",
		.desired = s->desired, .ready = s->ready, .updated = s->updated,
		.complete = s->deploy_read && s->deploy_complete,
	};
	bool newest = latedone_helm_runs_newest(&r, s->helm_deployed_rev);
	char from[sizeof(s->deployed_from)], ready[32];
	int64_t at;

	if (!newest && s->helm_deployed_rev <= 0) {
		set_field(s->state, sizeof(s->state), "no deployed revision", &s->tag_changed_ms, now);
		return;
	}
	set_tag(s, newest ? s->helm_newest_tag : s->helm_deployed_tag, now);
	s->revision = newest ? s->helm_newest_rev : s->helm_deployed_rev;
	put(s->image, sizeof(s->image), newest ? s->helm_newest_chart : s->helm_deployed_chart);
	if (s->deploy_read && !s->deploy_complete) {
		snprintf(ready, sizeof(ready), "%d/%d", s->ready, s->desired);
		set_field(s->state, sizeof(s->state), ready, &s->tag_changed_ms, now);
		set_field(s->health, sizeof(s->health), (unsigned)s->deploy_rollout < 3 ?
		    rollout[s->deploy_rollout] : "?", &s->tag_changed_ms, now);
	} else {
		set_field(s->state, sizeof(s->state), newest ? s->helm_newest_status :
		    s->helm_deployed_status, &s->tag_changed_ms, now);
		set_field(s->health, sizeof(s->health), "", &s->tag_changed_ms, now);
	}
	/* When this revision went live: the post-mortem counts a bad
	 * release's impact from it. */
	at = newest ? s->helm_newest_ms : s->helm_deployed_ms;
	snprintf(from, sizeof(from), "helm history: revision %d updated", s->revision);
	deployed(s, at, at > 0 ? from : "", 0);
}

static void
apply_helm(struct svc_state *s, const char *buf, size_t len, int64_t now, int64_t sent)
{
	struct helm_history h;
	struct wr_err err;

	if (parse_helm_history(buf, len, &h, &err) != 0) {
		put(s->driver_error, sizeof(s->driver_error), err.msg);
		s->driver_failed_ms = sent;
		return;
	}
	read_ok(s, now, sent);
	s->helm_deployed_rev = s->helm_newest_rev = 0;
	if (h.n > 0) {
		const struct helm_revision *r = &h.items[h.n - 1];

		s->helm_newest_rev = r->revision;
		put(s->helm_newest_tag, sizeof(s->helm_newest_tag), r->app_version);
		put(s->helm_newest_status, sizeof(s->helm_newest_status), r->status);
		put(s->helm_newest_chart, sizeof(s->helm_newest_chart), r->chart);
		s->helm_newest_ms = helm_updated_ms(r->updated);
	}
	if (h.current >= 0) {
		const struct helm_revision *r = &h.items[h.current];

		s->helm_deployed_rev = r->revision;
		put(s->helm_deployed_tag, sizeof(s->helm_deployed_tag), r->app_version);
		put(s->helm_deployed_status, sizeof(s->helm_deployed_status), r->status);
		put(s->helm_deployed_chart, sizeof(s->helm_deployed_chart), r->chart);
		s->helm_deployed_ms = helm_updated_ms(r->updated);
	}
	helm_settle(s, now);
	s->restarts = -1;
	parse_helm_history_free(&h);
}

/* A helm release's Deployment (buf NULL: the read failed): what its pods
 * run and how ready they are, for the row (helm_settle) and a rollback
 * whose --wait ran out (latedone). Not the row's error: a host may have
 * no kubectl, or the chart name it otherwise. */
static void
apply_helm_deploy(struct svc_state *s, const char *buf, size_t len, int64_t now, int64_t sent)
{
	struct k8s_deploy d;
	struct wr_err err;

	s->deploy_read = false;
	if (buf != NULL && parse_k8s_deploy(buf, len, &d, &err) == 0) {
		s->deploy_read = true;
		s->deploy_read_ms = sent;
		put(s->deploy_tag, sizeof(s->deploy_tag), d.ncontainers > 0 ? d.containers[0].tag :
		    "");
		s->deploy_rollout = (int)parse_k8s_rollout(&d);
		s->deploy_complete = s->deploy_rollout == K8S_ROLLOUT_COMPLETE;
		s->progressed_ms = parse_k8s_progressed_ms(&d);
		wr_strlcpy(s->progressed_why, d.progressing.reason, sizeof(s->progressed_why));
		s->desired = d.replicas;
		s->ready = d.ready;
		s->updated = d.updated;
	}
	if (s->have_driver && s->driver_error[0] == '\0')
		helm_settle(s, now);
}

static bool start_job(struct host_poll *hp, int svc, int kind, const char *cmd);

/* Sends the ReplicaSet read of the first service whose read is due
 * (rsread), unless one of the host's is still out: one channel for
 * them, however many services, and each read only when the deployment
 * moved since the last (or that one failed). */
static void
rs_next(struct host_poll *hp)
{
	char cmd[WR_CMD_MAX];
	struct wr_err err;
	int64_t now = loop_wall_ms();
	int i;

	if (hp->rsp == NULL)
		return;
	for (i = 0; i < hp->cfg->nservices; i++)
		if (hp->rsp[i].read.out)
			return;
	for (i = 0; i < hp->cfg->nservices; i++) {
		struct svc_state *s = &hp->svc[i];
		struct rsread *rd = &hp->rsp[i].read;

		if (!s->have_driver || !rsread_due(rd, s->revision, s->tag, now))
			continue;
		rsread_sent(rd, s->revision, s->tag);
		if (driver_cmd_k8s_replicasets(hp->cfg, hp->cfg->services[i], cmd, sizeof(cmd),
		    &err) == 0 && start_job(hp, i, JOB_K8S_RS, cmd))
			return;
		/* Not sent: failed, so nothing waits for it. */
		rsread_answered(rd, false, now, hp->p->opts.poll_ms);
		if (hp->rsp[i].held)
			k8s_settle(s, &hp->rsp[i]);
	}
}

static void probe_round(struct host_poll *hp, bool all);

/* A read just now said a new tag on a row: the probes out (or last
 * answered) may be the release before's; a round asked now pairs with it
 * in an HTTP round trip, not a probe interval (healthrec.h). */
static bool
tag_seen_now(const struct host_poll *hp, int64_t now)
{
	int i;

	for (i = 0; i < hp->cfg->nservices; i++)
		if (hp->svc[i].tag_seen_ms == now && config_probes_service(hp->cfg, i))
			return true;
	return false;
}

/* A finished command's output (or failure) into the rows. */
static void
job_apply(struct job *j, const struct exec_result *r)
{
	struct host_poll *hp = j->hp;
	int64_t now = loop_wall_ms();

	if (j->kind == JOB_K8S_RS) {
		struct svc_state *s = &hp->svc[j->svc];
		struct rs_poll *rp = &hp->rsp[j->svc];
		/* Told only when it names the tag it was read for: one read
		 * between a new template and its ReplicaSet is read again. */
		bool ok = apply_k8s_rs(s, hp->cfg->services[j->svc],
		    r->finished && r->exit_status == 0 ? (j->buf ? j->buf : "") : NULL, j->len) &&
		    strcmp(s->rs_tag, rp->read.tag) == 0;

		rsread_answered(&rp->read, ok, now, hp->p->opts.poll_ms);
		if (rp->held && !rsread_waiting(&rp->read, s->revision, s->tag)) {
			k8s_settle(s, rp);
			changed(hp->p);
		}
		rs_next(hp);
		return;
	}
	if (j->kind == JOB_HELM_DEPLOY) {
		apply_helm_deploy(&hp->svc[j->svc], r->finished && r->exit_status == 0 ?
		    (j->buf ? j->buf : "") : NULL, j->len, now, j->sent_ms);
		changed(hp->p);
		/* Its pods may have moved the row's tag (helm_settle). */
		if (tag_seen_now(hp, now))
			probe_round(hp, true);
		return;
	}
	if (j->kind == JOB_COMPOSE_RESTARTS) {
		/* Not the row's error: ps speaks for the containers. An empty
		 * project exits 1 here on purpose. */
		apply_compose_restarts(hp, r->finished && r->exit_status == 0 ?
		    (j->buf ? j->buf : "") : NULL, j->len, now);
		changed(hp->p);
		return;
	}
	if (!r->finished || r->exit_status != 0) {
		char why[300];

		snprintf(why, sizeof(why), "%s", r->finished ?
		    "the polling command failed" : r->error);
		if (r->finished && j->err[0] != '\0')
			/* The tool's own words: stderr's, where a tool says why. */
			snprintf(why, sizeof(why), "exit %d: %s", r->exit_status, j->err);
		else if (r->finished) {
			/* Some say it on stdout: show its first line (compose's,
			 * after what the poll read of .env). */
			const char *out = j->buf ? j->buf : "", *nl;
			size_t off = 0, n;
			char env[128];

			if (j->kind == JOB_COMPOSE)
				parse_compose_env(out, j->len, &off, env, sizeof(env));
			n = j->len - off;
			nl = memchr(out + off, '\n', n);
			snprintf(why, sizeof(why), "exit %d%s%.*s", r->exit_status,
			    n ? ": " : "", nl ? (int)(nl - out - off) : (int)n, out + off);
		}
		fail_all(hp, j->svc, why, j->sent_ms);
		if (j->kind == JOB_K8S_PODS)
			k8s_deployed(&hp->svc[j->svc], &hp->rsp[j->svc], NULL);
	} else if (j->kind == JOB_COMPOSE)
		apply_compose(hp, j->buf ? j->buf : "", j->len, now, j->sent_ms);
	else if (j->kind == JOB_K8S_DEPLOY) {
		apply_k8s_deploy(&hp->svc[j->svc], hp->cfg->services[j->svc], j->buf ? j->buf : "", j->len, now, j->sent_ms);
		/* Now, before the pods: their answer waits for it. */
		rs_next(hp);
	} else if (j->kind == JOB_K8S_PODS)
		apply_k8s_pods(&hp->svc[j->svc], &hp->rsp[j->svc],
		    hp->rwin != NULL ? &hp->rwin[j->svc] : NULL, j->buf ? j->buf : "", j->len, now,
		    hp->p->cfg->thresholds.restarts_window_s);
	else
		apply_helm(&hp->svc[j->svc], j->buf ? j->buf : "", j->len, now, j->sent_ms);
	changed(hp->p);
	if (tag_seen_now(hp, now))
		probe_round(hp, true);
}

static void poll_one_by_one(struct host_poll *hp);
static void watch_ask(struct host_poll *hp);

static void
job_done(const struct exec_result *r, void *arg)
{
	struct job *j = arg;

	job_apply(j, r);
	free(j->buf);
	j->buf = NULL;
}

/* A command cut short by its timeout still holds a session on the host
 * until it ends there: the next poll waits for that, so a hung tool costs
 * one session, not one per poll (sshd allows ten per connection). */
static void
job_closed(void *arg)
{
	struct job *j = arg;
	struct host_poll *hp = j->hp;

	free(j);
	/* The round asked for while this one was out: these commands were
	 * sent before what made someone ask. */
	if (--hp->running == 0 && hp->poll_owed) {
		hp->poll_owed = false;
		if (ssh_pool_session(hp->p->pool, hp->host) != NULL && !hp->watch_stalled)
			poll_one_by_one(hp);
	}
}

/* Starts cmd on its own channel; false when it could not (the row says
 * why, but for a ReplicaSet read: not the row's error). */
static bool
start_job(struct host_poll *hp, int svc, int kind, const char *cmd)
{
	struct job *j = xcalloc(1, sizeof(*j));
	struct exec_opts o = {
		.timeout_ms = 15000,
		.line_cap = 1024 * 1024,
		.on_line = job_line,
		.on_done = job_done,
		.on_closed = job_closed,
		.arg = j,
	};
	struct wr_err err;

	j->hp = hp;
	j->svc = svc;
	j->kind = kind;
	j->sent_ms = loop_wall_ms();
	if (exec_start(hp->p->pool, hp->host, cmd, &o, &err) == NULL) {
		if (kind != JOB_K8S_RS && kind != JOB_HELM_DEPLOY)
			fail_all(hp, svc, err.msg, j->sent_ms);
		free(j);
		return false;
	}
	hp->running++;
	return true;
}

/* The driver's polling commands for this host, each with what reads its
 * answer. Returns how many (at most max); on a config the driver cannot
 * poll, 0 with the reason shown on every row. */
static int
poll_commands(struct host_poll *hp, char (*cmds)[WR_CMD_MAX], struct job *jobs, int max)
{
	struct wr_err err;
	int i, n = 0;

	switch (hp->cfg->driver) {
	case DRIVER_COMPOSE:
		if (driver_cmd_compose_poll(hp->cfg, cmds[n], WR_CMD_MAX, &err) == 0)
			jobs[n++] = (struct job){ .hp = hp, .svc = -1, .kind = JOB_COMPOSE };
		else
			fail_all(hp, -1, err.msg, loop_wall_ms());
		/* The same loop, so the counts cost no channel of their own. */
		if (n > 0 && n < max && driver_cmd_compose_restarts(hp->cfg, cmds[n], WR_CMD_MAX,
		    &err) == 0)
			jobs[n++] = (struct job){ .hp = hp, .svc = -1, .kind = JOB_COMPOSE_RESTARTS };
		break;
	case DRIVER_K8S:
		/* The ReplicaSets are not among them: they change with the
		 * deployment's revision, which its answer says (rs_next). */
		for (i = 0; i < hp->cfg->nservices && n + 2 <= max; i++) {
			if (driver_cmd_k8s_deploy(hp->cfg, hp->cfg->services[i], cmds[n],
			    WR_CMD_MAX, &err) == 0)
				jobs[n++] = (struct job){ .hp = hp, .svc = i, .kind = JOB_K8S_DEPLOY };
			if (driver_cmd_k8s_pods(hp->cfg, hp->cfg->services[i], cmds[n],
			    WR_CMD_MAX, &err) == 0)
				jobs[n++] = (struct job){ .hp = hp, .svc = i, .kind = JOB_K8S_PODS };
		}
		break;
	case DRIVER_HELM:
		/* The release's Deployment after its history: what helm
		 * recorded, then what its pods did since. */
		for (i = 0; i < hp->cfg->nservices && n + 2 <= max; i++) {
			if (driver_cmd_helm_history(hp->cfg, hp->cfg->services[i], cmds[n],
			    WR_CMD_MAX, &err) == 0)
				jobs[n++] = (struct job){ .hp = hp, .svc = i, .kind = JOB_HELM };
			if (driver_cmd_helm_deploy(hp->cfg, hp->cfg->services[i], cmds[n],
			    WR_CMD_MAX, &err) == 0)
				jobs[n++] = (struct job){ .hp = hp, .svc = i, .kind = JOB_HELM_DEPLOY };
		}
		break;
	}
	return n;
}

/* ---- the watch: one channel per host for every poll ----
 *
 * A command per poll costs a channel open, an exec request, the exit
 * status and a close — ten packets each way and a process on the host —
 * every few seconds for every host. The watch runs the same commands in a
 * remote loop (driver_cmd_watch) and reads each answer up to its marker,
 * so a calm host costs a packet each way per poll: the console asks for
 * each round with a line on the loop's stdin, which also tells it that no
 * answer of the round is older than the asking. A watch that stops answering
 * is closed and started again; a host whose watch dies before its first
 * answer (no POSIX sh there) is polled one command at a time instead. */

static void
watch_line(enum exec_stream s, const char *line, size_t len, bool cut, void *arg)
{
	struct host_poll *hp = arg;
	struct job *j;
	size_t at;
	int idx, status;

	if (s != EXEC_STDOUT || hp->nwjobs == 0)
		return;
	j = &hp->wjobs[hp->wcur];
	if (!cut && driver_cmd_watch_stderr(line, len, hp->p->token, &at)) {
		job_err(j, line + at, len - at);
		return;
	}
	if (!cut && driver_cmd_watch_marker(line, len, hp->p->token, &at, &idx, &status)) {
		struct exec_result r = { .finished = true, .exit_status = status };

		if (at > 0)
			job_line(s, line, at, true, j);
		hp->watch_heard = loop_now_ms();
		hp->watch_heard_ms = loop_wall_ms();
		hp->watch_marked = true;
		/* The host runs a round only once asked (or at the start), so
		 * when the console asked bounds every command of it. When the
		 * marker before was heard does not: the loop printed it and
		 * went on long before a busy console read it. */
		j->sent_ms = hp->watch_round_ms;
		/* The markers come in order; one that does not (never seen)
		 * resynchronises the reader instead of shifting every answer. */
		if (idx == hp->wcur)
			job_apply(j, &r);
		if (idx < hp->nwjobs)
			hp->wcur = (idx + 1) % hp->nwjobs;
		j->len = 0;
		if (j->buf != NULL)
			j->buf[0] = '\0';
		j->err[0] = '\0';
		if (idx == hp->nwjobs - 1) {
			hp->watch_round_out = false;
			if (hp->watch_owed)
				watch_ask(hp);
		}
		return;
	}
	job_line(s, line, len, cut, j);
}

/* Ask the watch for its next round (a line on its stdin). */
static void
watch_ask(struct host_poll *hp)
{
	hp->watch_owed = false;
	if (hp->watch_round_out || hp->watch_stalled)
		return;
	/* Taken as asked before the line goes: the host reads it later. */
	hp->watch_round_ms = loop_wall_ms();
	if (!exec_write(hp->watch, "\n", 1))
		return;                  /* it ended: watch_done says why */
	hp->watch_round_out = true;
	hp->watch_heard = loop_now_ms();
}

static void
watch_free_jobs(struct host_poll *hp)
{
	int i;

	for (i = 0; i < hp->nwjobs; i++)
		free(hp->wjobs[i].buf);
	free(hp->wjobs);
	hp->wjobs = NULL;
	hp->nwjobs = 0;
}

static void
watch_done(const struct exec_result *r, void *arg)
{
	struct host_poll *hp = arg;

	hp->watch = NULL;
	watch_free_jobs(hp);
	/* Ended before its first answer, and not for a lost connection:
	 * the host cannot run the loop. */
	if (!hp->watch_marked && r->finished)
		hp->watch_broken = true;
	if (r->error[0] != '\0' && !r->finished && !hp->watch_stalled)
		fail_all(hp, -1, r->error, loop_wall_ms());
	changed(hp->p);
}

/* A stalled watch's session is free once the hung command has ended. */
static void
watch_closed(void *arg)
{
	struct host_poll *hp = arg;

	hp->watch_stalled = false;
}

static void
watch_start(struct host_poll *hp)
{
	char (*cmds)[WR_CMD_MAX] = xmalloc(WR_POLL_CMDS * sizeof(*cmds));
	const char *argv[WR_POLL_CMDS];
	char *loop = xmalloc(WR_WATCH_MAX);
	struct exec_opts o = {
		.line_cap = 1024 * 1024,
		.on_line = watch_line,
		.on_done = watch_done,
		.on_closed = watch_closed,
		.arg = hp,
	};
	struct wr_err err;
	int i, n;

	hp->wjobs = xcalloc(WR_POLL_CMDS, sizeof(*hp->wjobs));
	n = poll_commands(hp, cmds, hp->wjobs, WR_POLL_CMDS);
	for (i = 0; i < n; i++)
		argv[i] = cmds[i];
	hp->nwjobs = n;
	hp->wcur = 0;
	if (n == 0)
		watch_free_jobs(hp);
	else if (driver_cmd_watch(argv, (size_t)n, hp->p->token, loop, WR_WATCH_MAX,
	    &err) != 0) {
		/* Too many services for one loop: a command per poll, as before. */
		hp->watch_broken = true;
		watch_free_jobs(hp);
		poll_one_by_one(hp);
	} else if ((hp->watch = exec_start(hp->p->pool, hp->host, loop, &o, &err)) == NULL) {
		fail_all(hp, -1, err.msg, loop_wall_ms());
		watch_free_jobs(hp);
	} else {
		/* The first round runs at once. */
		hp->watch_heard = loop_now_ms();
		hp->watch_heard_ms = hp->watch_round_ms = loop_wall_ms();
		hp->watch_round_out = true;
		hp->watch_owed = false;
		hp->watch_marked = false;
	}
	free(loop);
	free(cmds);
}

/* One command per poll, each on its own channel (no watch possible). */
static void
poll_one_by_one(struct host_poll *hp)
{
	char (*cmds)[WR_CMD_MAX] = xmalloc(WR_POLL_CMDS * sizeof(*cmds));
	struct job jobs[WR_POLL_CMDS];
	int i, n = poll_commands(hp, cmds, jobs, WR_POLL_CMDS);

	for (i = 0; i < n; i++)
		start_job(hp, jobs[i].svc, jobs[i].kind, cmds[i]);
	free(cmds);
}

static void
on_poll(void *arg)
{
	struct host_poll *hp = arg;
	int64_t quiet;

	if (hp->watch != NULL) {
		if (!hp->watch_round_out) {
			watch_ask(hp);
			return;
		}
		/* The round asked for last is not over: the next one follows
		 * it at once. Two intervals and 10 s since it was asked for,
		 * or since its last marker, without a word is a stuck command. */
		hp->watch_owed = true;
		quiet = loop_now_ms() - hp->watch_heard;
		if (quiet > 2 * (int64_t)hp->p->opts.poll_ms + 10000) {
			int i;

			/* For how long is HOSTS' to say, from the clock: this runs
			 * no more once the watch is closed below. */
			fail_all(hp, -1, "the polling command has not answered", loop_wall_ms());
			for (i = 0; i < hp->cfg->nservices; i++)
				hp->svc[i].driver_silent_ms = hp->watch_heard_ms;
			changed(hp->p);
			/* Closed once; sshd holds the close until the stuck command
			 * ends, and only then (watch_closed) does a new watch
			 * start, so a hung docker costs one session, not one per
			 * attempt. */
			if (!hp->watch_stalled) {
				hp->watch_stalled = true;
				exec_cancel(hp->watch);      /* watch_done clears it */
			}
		}
		return;
	}
	if (hp->running > 0 || hp->watch_stalled ||
	    ssh_pool_session(hp->p->pool, hp->host) == NULL)
		return;
	if (hp->watch_broken)
		poll_one_by_one(hp);
	else
		watch_start(hp);
}

/* ---- HTTP to a host's URLs ---- */

/* Why a host's tunnelled requests cannot go: "h5 is DOWN", HOSTS's word
 * for the state where it reads as one. */
static void
unreached_why(const struct host_poll *hp, struct wr_err *why)
{
	enum ssh_state st = ssh_pool_status(hp->p->pool, hp->host)->state;

	if (st == SSH_DOWN || st == SSH_UNTRUSTED || st == SSH_CONNECTING)
		wr_err_set(why, "%s is %s", hp->cfg->name, ssh_state_name(st));
	else
		wr_err_set(why, "%s is not UP", hp->cfg->name);
}

/* Where a request to url goes: through the host's SSH connection (*sock,
 * a tunnel's socket) unless tunnel = no (*sock NULL, direct). False when
 * it cannot go now, why says so: tunnelled and the host not UP ("h5 is
 * DOWN"), or no tunnel for it. */
static bool
route(struct host_poll *hp, const char *url, const char **sock, struct wr_err *why)
{
	char dest[256];
	int port;

	*sock = NULL;
	if (!hp->cfg->tunnel)
		return true;
	if (ssh_pool_session(hp->p->pool, hp->host) == NULL) {
		unreached_why(hp, why);
		return false;
	}
	hp->reached = true;
	return http_url_host_port(url, dest, sizeof(dest), &port, why) == 0 &&
	    (*sock = tunnel_path(hp->p->tunnels, hp->host, dest, port, why)) != NULL;
}

/* ---- health probes ---- */

static void probe_round(struct host_poll *hp, bool all);

static void
probe_done(const struct http_response *r, void *arg)
{
	struct probe_req *q = arg;
	struct host_poll *hp = q->hp;
	struct probe_result res;
	char version[WR_VERSION_MAX] = "";
	struct wr_err err;
	int64_t now = loop_wall_ms();
	int i;

	if (q->what == PR_EXPORT) {
		/* What the kill switch turns off, beside health: HOSTS shows it. */
		enum contain_export e = contain_export_answer(r->status, r->body, r->len,
		    r->truncated || r->error[0] != '\0');

		/* No answer at all is the host, not the endpoint: asked again. */
		hp->export_unsaid = e != CONTAIN_EXPORT_UNKNOWN || r->status == 0 ? 0 :
		    hp->export_unsaid + 1;

		for (i = 0; i < hp->cfg->nservices; i++)
			if (config_probes_service(hp->cfg, i)) {
				if (hp->svc[i].export_state != e)
					hp->svc[i].export_changed_ms = now;
				hp->svc[i].export_state = e;
				hp->svc[i].export_sent_ms = q->sent_ms > 0 ? q->sent_ms : now;
				/* "No answer since": when the first untold one was asked. */
				if (e != CONTAIN_EXPORT_UNKNOWN)
					hp->svc[i].export_unanswered_ms = 0;
				else if (hp->svc[i].export_unanswered_ms == 0)
					hp->svc[i].export_unanswered_ms = q->sent_ms > 0 ? q->sent_ms : now;
			}
	} else if (q->what == PR_VERSION) {
		/* A version from an answer cut short or over the cap is not one. */
		if (r->status >= 200 && r->status < 300 && r->error[0] == '\0' && !r->truncated)
			probe_version(r->body, r->len, version, sizeof(version), &err);
	} else {
		char raw[sizeof(res.reason)];

		/* No answer says why: curl's words, or the tunnel's (http.c). */
		probe_health_answer((int)r->status, r->content_type, r->truncated, r->error,
		    r->body, r->len, &res);
		wr_strlcpy(raw, res.reason, sizeof(raw));
		put(res.reason, sizeof(res.reason), raw);
	}
	for (i = 0; i < hp->cfg->nservices; i++) {
		struct svc_state *s = &hp->svc[i];

		/* health_url speaks for its service only: a worker beside the
		 * API does not inherit the API's health or version. */
		if (!config_probes_service(hp->cfg, i))
			continue;
		s->probe_at_ms = now;
		if (q->what == PR_EXPORT)
			continue;
		/* Come in after its connection went (read before, handled
		 * after): the row stays not asked (probes_lost) until the host
		 * is back. */
		if (q->what == PR_VERSION) {
			put(s->version, sizeof(s->version), version);
			s->version_cmp = probe_version_compare(s->tag, version);
		}
	}
	/* Come in after its connection went (read before, handled after):
	 * the row stays not asked (probes_lost) until the host is back. */
	if ((q->what == PR_HEALTHZ || q->what == PR_READYZ) &&
	    !(!hp->connected && hp->cfg->tunnel)) {
		if (q->what == PR_HEALTHZ) {
			hp->round_healthz = res;
			hp->round_have_healthz = true;
		} else {
			hp->round_readyz = res;
			hp->round_have_readyz = true;
			hp->round_readyz_sent_ms = q->sent_ms;
		}
	}
	/* Health is shown (and journalled) once a whole round has answered:
	 * a readyz not asked yet is not a change from UNKNOWN, and one
	 * answered while /healthz is still out must not stand beside the
	 * times of the round before (healthrec pairs it with a tag read by
	 * them: a deploy between would pair a tag with the next release's
	 * /readyz). */
	if (--hp->probing == 0) {
		for (i = 0; i < hp->cfg->nservices; i++) {
			struct svc_state *s = &hp->svc[i];

			if (!(s->have_probe = config_probes_service(hp->cfg, i)))
				continue;
			if (hp->round_have_healthz) {
				if (s->healthz.health != hp->round_healthz.health)
					s->health_changed_ms = now;
				s->healthz = hp->round_healthz;
			}
			if (hp->round_have_readyz) {
				if (s->readyz.health != hp->round_readyz.health ||
				    s->readyz.schema_warn != hp->round_readyz.schema_warn)
					s->health_changed_ms = now;
				s->readyz = hp->round_readyz;
				s->readyz_sent_ms = hp->round_readyz_sent_ms;
			}
			s->probe_sent_ms = q->sent_ms;
			s->probe_done_ms = now;
		}
		hp->round_have_healthz = hp->round_have_readyz = false;
	}
	changed(hp->p);
	/* The round asked for while this one was out: its answers may
	 * predate what made someone ask. */
	if (hp->probing == 0 && hp->probe_owed) {
		hp->probe_owed = false;
		probe_round(hp, true);
	}
}

/* /version changes with a deploy, not between two: it is asked when a
 * row changed since, at least once a minute, and on every asked-for
 * round (connect, C-r, an action's end). */
#define VERSION_MAX_AGE_MS 60000

static bool
version_due(const struct host_poll *hp, int64_t now)
{
	int k;

	if (hp->version_at_ms == 0 || now - hp->version_at_ms >= VERSION_MAX_AGE_MS)
		return true;
	for (k = 0; k < hp->cfg->nservices; k++)
		if (hp->svc[k].tag_changed_ms >= hp->version_at_ms)
			return true;
	return false;
}

/* One round of health probes and, once a kill switch was asked for in the
 * incident, /export (the kill switch's URL, as plan_killswitch makes it);
 * all: /version too, whenever it was read. A service whose /export said
 * nothing usable three rounds running is asked only on asked-for rounds
 * and every 30 s (contain_export_ask_due): it may have no export to show,
 * or a fault that clears, and its "?" must not outlive the fault. Before
 * any kill switch /export is not asked: an idle console's rounds stay
 * three requests (B3). */
#define EXPORT_UNSAID_MAX 3

static void
probe_round(struct host_poll *hp, bool all)
{
	static const char *const paths[] = { "/healthz", "/readyz", "/export", "/version" };
	const char *sock;
	char url[WR_URL_MAX + 16];
	struct wr_err err;
	int64_t now = loop_wall_ms();
	int i;
	bool version;

	if (hp->cfg->health_url[0] == '\0')
		return;
	if (hp->probing > 0) {
		hp->probe_owed |= all;
		return;
	}
	if (!route(hp, hp->cfg->health_url, &sock, &err))
		return;
	if ((version = all || version_due(hp, now)))
		hp->version_at_ms = now;
	for (i = PR_HEALTHZ; i <= PR_VERSION; i++) {
		struct probe_req *q = &hp->probes[i];
		struct http_request req = { .url = url, .unix_socket = sock, .timeout_ms = 5000,
			.max_body = WR_PROBE_BODY_MAX };

		if ((i == PR_VERSION && !version) ||
		    (i == PR_EXPORT && (!hp->p->watch_exports ||
		    (!all && !contain_export_ask_due(hp->export_unsaid, EXPORT_UNSAID_MAX,
		    hp->export_asked_ms, now)))))
			continue;
		if (i == PR_EXPORT)
			hp->export_asked_ms = now;
		snprintf(url, sizeof(url), "%s%s", hp->cfg->health_url, paths[i]);
		q->hp = hp;
		q->what = i;
		q->sent_ms = now;
		if (http_start(hp->p->http, &req, probe_done, q, &err) != 0)
			continue;
		hp->probing++;
	}
}

void
poller_watch_exports(struct poller *p, bool on)
{
	size_t i;

	/* A round out now asks no /export: the next follows it at once
	 * instead of a probe interval later. */
	if (on && !p->watch_exports)
		for (i = 0; i < p->nhosts; i++)
			if (p->hosts[i].probing > 0)
				p->hosts[i].probe_owed = true;
	p->watch_exports = on;
}

static void
on_probe(void *arg)
{
	probe_round(arg, false);
}

/* ---- metrics ---- */

static void
push_hist(struct host_metrics *m, int cap, double err, double p95)
{
	if (m->nhist >= cap) {
		memmove(m->error_hist, m->error_hist + 1, (size_t)(m->nhist - 1) * sizeof(double));
		memmove(m->p95_hist, m->p95_hist + 1, (size_t)(m->nhist - 1) * sizeof(double));
		m->nhist--;
	}
	m->error_hist[m->nhist] = err;
	m->p95_hist[m->nhist] = p95;
	m->nhist++;
}

/* The restarts to judge by: the worst of the host's services, or "the
 * tool does not say" when none of them reports a count; and each one's,
 * so a verdict resting on them says whose. */
static void
host_restarts(struct host_poll *hp, struct decide_input *in)
{
	int i;

	in->restarts = -1;
	for (i = 0; i < hp->cfg->nservices; i++) {
		if (hp->svc[i].restarts > in->restarts)
			in->restarts = hp->svc[i].restarts;
		hp->rsvc[i] = (struct decide_service){ hp->cfg->services[i], hp->svc[i].restarts };
		/* A poll failing since keeps the last count: as of then. */
		if (hp->svc[i].restarts >= 0 && hp->svc[i].restarts_stale &&
		    hp->svc[i].restarts_at_ms > 0 && (in->restarts_read_s == 0 ||
		    hp->svc[i].restarts_at_ms / 1000 < in->restarts_read_s))
			in->restarts_read_s = hp->svc[i].restarts_at_ms / 1000;
	}
	in->services = hp->rsvc;
	in->nservices = hp->cfg->nservices;
	/* Helm never says; Compose says once docker inspect has answered. */
	in->restarts_unreported = in->restarts < 0 && (hp->cfg->driver == DRIVER_HELM ||
	    (hp->cfg->driver == DRIVER_COMPOSE && !hp->restarts_read));
	/* Before the console watched a whole window it saw only each
	 * container's last restart of the time before: at least. */
	in->restarts_partial = decide_restarts_partial(loop_wall_ms() / 1000 - hp->p->started_s,
	    hp->p->cfg->thresholds.restarts_window_s);
}

/* Every metrics round ends here, whatever the source: the verdict from
 * what was measured in in (NAN: no data), the sparklines' history, and
 * on_verdict for the first verdict and each change of level. The first
 * one counts: a host can be ROLLBACK IMMEDIATELY from its first round
 * (restarts need no rates) and stay there, never "changing". Until it
 * comes (decide_first_verdict) each round is judged afresh: a start-up
 * NO DATA while a rate waits for its second scrape is neither reported
 * nor held over the first figures. */
static void
judge_input(struct host_poll *hp, struct decide_input *in)
{
	struct host_metrics *m = &hp->m;
	struct decide_params dp = decide_params_default();
	struct decide_verdict v;
	bool first = !m->judged, report;
	int rounds = m->nhist;

	v = decide(&hp->p->cfg->thresholds, in, first ? NULL : &m->verdict, &dp);
	push_hist(m, hp->p->hist_cap, in->error_rate, in->p95_ms);
	/* In place: a console taking over recording (or resuming) in the
	 * callback adopts the journal's level into it (poller_verdict_adopt). */
	report = first ? (m->judged = decide_first_verdict(in, &v, rounds)) :
	    v.level != m->verdict.level;
	m->verdict = v;
	if (report && hp->p->opts.on_verdict != NULL)
		hp->p->opts.on_verdict(hp->host, &m->verdict, hp->p->opts.arg);
	changed(hp->p);
}

/* A round that read figures, or failed to (NAN: no data; requests, the
 * count behind the error rate, NAN when the source does not say): the
 * restarts are the driver's last. */
static void
judge(struct host_poll *hp, double error_rate, double p95_ms, double requests, double span_s)
{
	struct decide_input in = { .error_rate = error_rate, .p95_ms = p95_ms,
		.no_data_why = hp->m.error, .at_s = loop_wall_ms() / 1000, .requests = requests,
		.span_s = span_s };

	host_restarts(hp, &in);
	judge_input(hp, &in);
}

/* A round whose request could not go (route: why): no data, as a failed
 * scrape is, so a verdict never outlives its figures. While the host is
 * not UP its restarts, read over SSH too, are none either: a bad level
 * is then held for lack of data and gives way, not kept on the last
 * count. Nothing while the host first connects: no verdict yet, and its
 * first is not a NO DATA of the console's own start. */
static void
judge_unread(struct host_poll *hp, const struct wr_err *why)
{
	enum ssh_state st = ssh_pool_status(hp->p->pool, hp->host)->state;
	bool up = st == SSH_UP;
	struct decide_input in = { .error_rate = NAN, .p95_ms = NAN, .no_data_why = why->msg,
		.at_s = loop_wall_ms() / 1000, .requests = NAN };

	if (!up && !hp->reached && st != SSH_DOWN && st != SSH_UNTRUSTED)
		return;
	hp->m.have_rates = false;
	host_restarts(hp, &in);
	if (!up && !in.restarts_unreported)
		in.restarts = -1;
	judge_input(hp, &in);
}

/* A metrics round of a host with no metrics source: its restarts, read
 * over SSH by the watch, are all there is to judge, by the same rules
 * (decide: no_metrics). While the host is not UP they are missing, as
 * judge_unread has them; nothing while it first connects. */
static void
judge_restarts_only(struct host_poll *hp)
{
	enum ssh_state st = ssh_pool_status(hp->p->pool, hp->host)->state;
	bool up = st == SSH_UP;
	struct wr_err why = { "" };
	struct decide_input in = { .error_rate = NAN, .p95_ms = NAN, .no_metrics = true,
		.at_s = loop_wall_ms() / 1000, .requests = NAN };

	if (!up && !hp->reached && st != SSH_DOWN && st != SSH_UNTRUSTED)
		return;
	hp->m.have_rates = false;
	host_restarts(hp, &in);
	if (!up) {
		unreached_why(hp, &why);
		in.no_data_why = why.msg;
		if (!in.restarts_unreported)
			in.restarts = -1;
	}
	judge_input(hp, &in);
}

/* The release the host runs, as one number: its services' tags. */
static uint64_t
release_of(const struct host_poll *hp)
{
	uint64_t h = 1469598103934665603ULL;   /* FNV-1a */
	const char *c;
	int i;

	for (i = 0; i < hp->cfg->nservices; i++) {
		for (c = hp->svc[i].tag; *c != '\0'; c++)
			h = (h ^ (unsigned char)*c) * 1099511628211ULL;
		h = (h ^ 0xff) * 1099511628211ULL;
	}
	return h;
}

/* The new interval into the host's window, and the error rate and p95
 * over enough requests into in. A release change first empties the
 * window: a rolled-back host is judged on what it runs now. The pane's
 * figures (rates.error_rate, p95_s) become the judged ones, so they and
 * the verdict's numbers never differ. A host without the requests
 * counter has no window to count by: its p95 stays the interval's. */
static void
windowed_rate(struct host_poll *hp, struct decide_input *in)
{
	struct metrics_rates *r = &hp->m.rates;
	struct ratewin_interval iv = { r->errors, r->requests, r->interval_s,
		r->buckets, r->nbuckets };

	if (ratewin_release(&hp->rate, release_of(hp)))
		hp->m.window_fresh_ms = hp->m.at_ms;
	ratewin_add(&hp->rate, &iv, r->reset);
	ratewin_input(&hp->rate, hp->p->cfg->thresholds.min_requests, in);
	if (isnan(r->requests))
		in->p95_ms = r->p95_s * 1000.0;
	r->error_rate = in->error_rate;
	r->p95_s = in->p95_ms / 1000.0;
	/* After a rollback, figures reaching back before it still count
	 * the old release (rbtarget_window_note). */
	hp->m.window_from_ms = hp->m.at_ms - (int64_t)((in->span_s > 0 ? in->span_s :
	    r->interval_s) * 1000.0);
}

static void
scrape_done(const struct http_response *r, void *arg)
{
	struct host_poll *hp = arg;
	struct host_metrics *m = &hp->m;
	struct decide_input in = { .error_rate = NAN };
	struct metrics_scrape cur;
	struct wr_err err;
	int64_t mono = loop_now_ms();

	hp->scraping = false;
	m->error_parts = 0;
	if (r->status != 200) {
		if (r->status)
			metrics_http_why(r->status, hp->cfg->metrics_token_env,
			    hp->cfg->metrics_token_file.path[0] != '\0', hp->p->opts.tokens != NULL &&
			    hp->p->opts.tokens[hp->host] != NULL, m->error, sizeof(m->error));
		else
			snprintf(m->error, sizeof(m->error), "metrics: %.200s", r->error);
		m->have_rates = false;
	} else if (metrics_scrape_read(r->body, r->len, NULL, &cur, &err) != 0) {
		put(m->error, sizeof(m->error), err.msg);
		m->have_rates = false;
	} else {
		m->error[0] = '\0';
		m->at_ms = loop_wall_ms();
		if (m->have_scrape && metrics_rates_compute(&m->prev, &cur,
		    (double)(mono - m->prev_mono_ms) / 1000.0, &m->rates, &err) == 0)
			m->have_rates = true;
		m->prev = cur;
		m->prev_mono_ms = mono;
		m->have_scrape = true;
	}
	if (!m->have_rates) {
		judge(hp, NAN, NAN, NAN, 0);
		return;
	}
	windowed_rate(hp, &in);
	judge(hp, in.error_rate, in.p95_ms, in.requests, in.span_s);
}

/* Prometheus's answers: each figure as it came (the error rate a ratio,
 * p95 in seconds), one that failed or that its unit cannot hold as no
 * data, and every such query said (metrics_prom_round). The verdict never
 * rests on an earlier round's figures, nor on figures up_query says
 * Prometheus no longer scrapes. */
static void
prom_done(const struct promquery_round *r, void *arg)
{
	struct host_poll *hp = arg;
	struct host_metrics *m = &hp->m;
	struct metrics_prom_answer a[WR_QUERY_COUNT];
	double fig[WR_QUERY_COUNT];
	int q;

	for (q = 0; q < WR_QUERY_COUNT; q++)
		a[q] = (struct metrics_prom_answer){ .asked = r->asked[q], .value = r->value[q],
			.nseries = r->nseries[q], .error = r->error[q],
			.bad_answer = r->bad_answer[q] };
	m->error_parts = metrics_prom_round(a, hp->cfg->name, hp->cfg->prom.query_has_host, fig,
	    m->error, sizeof(m->error), m->error_part);
	memset(&m->rates, 0, sizeof(m->rates));
	m->rates.requests = m->rates.errors = NAN;
	m->rates.error_rate = fig[WR_QUERY_ERROR_RATE];
	m->rates.p95_s = fig[WR_QUERY_P95];
	m->rates.request_rate = fig[WR_QUERY_REQUEST_RATE];
	/* Prometheus answered one of them, with a figure or without, and
	 * up_query (when set) vouches for them. */
	m->have_rates = (r->error[WR_QUERY_ERROR_RATE][0] == '\0' ||
	    r->error[WR_QUERY_P95][0] == '\0') && !(r->asked[WR_QUERY_UP] && isnan(fig[WR_QUERY_UP]));
	m->have_scrape = m->have_rates;
	if (m->have_rates) {
		m->at_ms = loop_wall_ms();
		/* The queries' own range: the figures reach back that far. */
		m->window_from_ms = m->at_ms - (int64_t)hp->cfg->prom.window_s * 1000;
	}
	/* No count: the error rate's own range is inside its query, so
	 * request_rate × interval would not be the requests it was counted
	 * over. min_requests does not apply. */
	judge(hp, m->rates.error_rate, m->rates.p95_s * 1000.0, NAN, 0);
}

static void
prom_ask(struct host_poll *hp)
{
	const struct config_prometheus *pr = &hp->cfg->prom;
	const char *queries[WR_QUERY_COUNT], *sock;
	struct wr_err err;
	int q;

	if (promquery_busy(&hp->prom))
		return;
	if (!route(hp, pr->url, &sock, &err)) {
		judge_unread(hp, &err);
		return;
	}
	for (q = 0; q < WR_QUERY_COUNT; q++)
		queries[q] = pr->query[q];
	if (promquery_start(&hp->prom, hp->p->http, pr->url, sock, queries, WR_QUERY_COUNT,
	    prom_done, hp, &err) != 0) {
		snprintf(hp->m.error, sizeof(hp->m.error), "prometheus: %.200s", err.msg);
		hp->m.error_parts = 0;
		hp->m.have_rates = false;
		judge(hp, NAN, NAN, NAN, 0);
	}
}

static void
on_scrape(void *arg)
{
	struct host_poll *hp = arg;
	const char *tok = hp->p->opts.tokens ? hp->p->opts.tokens[hp->host] : NULL;
	const char *hdrs[2] = { NULL, NULL };
	const char *sock;
	char *auth = NULL;
	struct wr_err err;
	int r;

	if (config_uses_prometheus(hp->cfg)) {
		prom_ask(hp);
		return;
	}
	if (hp->cfg->metrics_url[0] == '\0') {
		judge_restarts_only(hp);
		return;
	}
	if (hp->scraping)
		return;
	if (!route(hp, hp->cfg->metrics_url, &sock, &err)) {
		judge_unread(hp, &err);
		return;
	}
	if (tok != NULL) {
		size_t n = strlen(tok) + 32;

		auth = xmalloc(n);
		snprintf(auth, n, "Authorization: Bearer %s", tok);
		hdrs[0] = auth;
	}
	{
		struct http_request req = { .url = hp->cfg->metrics_url, .unix_socket = sock,
			.timeout_ms = 5000, .headers = hdrs, .max_body = 16 * 1024 * 1024 };

		r = http_start(hp->p->http, &req, scrape_done, hp, &err);
	}
	if (auth != NULL) {
		/* libcurl has its own copy of the header now. */
		memset(auth, 0, strlen(auth));
		free(auth);
	}
	if (r == 0)
		hp->scraping = true;
}

/* ---- on demand ---- */

int
poller_refresh(struct poller *p, int host)
{
	size_t i;
	int n = 0, k;
	int64_t now = loop_wall_ms();

	if (p == NULL)
		return 0;
	for (i = 0; i < p->nhosts; i++) {
		struct host_poll *hp = &p->hosts[i];

		if ((host >= 0 && (size_t)host != i) ||
		    ssh_pool_session(p->pool, hp->host) == NULL)
			continue;
		/* Before the round starts: its answers count as fresh. */
		for (k = 0; k < hp->cfg->nservices; k++)
			hp->svc[k].refresh_ms = now;
		/* A round of the driver's commands beside the watch, whose loop
		 * is asleep; none while a command hangs (it would hang too).
		 * One still out was sent before: another follows it. */
		if (hp->running == 0 && !hp->watch_stalled)
			poll_one_by_one(hp);
		else if (hp->running > 0)
			hp->poll_owed = true;
		probe_round(hp, true);
		n++;
	}
	return n;
}

/* A host whose probes go through its SSH connection lost it: the last
 * answers are no reading of now. Its health is UNKNOWN, saying why, for
 * every driver alike, not the green OK of before (once, only the
 * hosts with a round out when the connection went, which failed, showed
 * UNKNOWN). */
static void
probes_lost(struct host_poll *hp)
{
	struct wr_err why;
	int64_t now = loop_wall_ms();
	int k;

	unreached_why(hp, &why);
	for (k = 0; k < hp->cfg->nservices; k++) {
		struct svc_state *s = &hp->svc[k];

		if (!s->have_probe || !config_probes_service(hp->cfg, k))
			continue;
		if (s->healthz.health != PROBE_UNKNOWN || s->readyz.health != PROBE_UNKNOWN)
			s->health_changed_ms = now;
		probe_unasked(why.msg, &s->healthz);
		probe_unasked(why.msg, &s->readyz);
	}
}

void
poller_host_changed(struct poller *p, int host)
{
	struct host_poll *hp;
	bool up;
	int k;

	if (p == NULL || host < 0 || (size_t)host >= p->nhosts)
		return;
	hp = &p->hosts[host];
	up = ssh_pool_session(p->pool, host) != NULL;
	hp->reached |= up;
	if (!up && hp->connected && hp->cfg->tunnel)
		probes_lost(hp);
	if (up && !hp->connected) {
		/* What the lost session's probes left is no answer of this one:
		 * health is shown and journalled again once a whole round of
		 * this session has answered (probe_done). */
		if (hp->cfg->tunnel)
			for (k = 0; k < hp->cfg->nservices; k++)
				hp->svc[k].have_probe = false;
		/* Its rounds may be an hour apart: the first comes now. Scrapes
		 * keep their clock: a rate needs two a whole interval apart. */
		on_poll(hp);
		probe_round(hp, true);
	}
	hp->connected = up;
}

const struct host_metrics *
poller_metrics(const struct poller *p, int host)
{
	if (p == NULL || host < 0 || (size_t)host >= p->nhosts)
		return NULL;
	return &p->hosts[host].m;
}

void
poller_verdict_adopt(struct poller *p, int host, enum decide_level said)
{
	struct host_metrics *m;

	if (p == NULL || host < 0 || (size_t)host >= p->nhosts)
		return;
	m = &p->hosts[host].m;
	if (m->judged)
		m->verdict = decide_adopt(&m->verdict, said);
}

void
poller_deploy_adopt(struct poller *p, int host, int svc, const struct deploytime *said)
{
	struct svc_state *s;

	if (p == NULL || host < 0 || (size_t)host >= p->nhosts || svc < 0 ||
	    svc >= p->hosts[host].cfg->nservices)
		return;
	s = &p->hosts[host].svc[svc];
	deploytime_adopt(&s->seen, said->tag, said->first_ms, said->first_from,
	    said->recreated_ms);
	/* Only once this tag's own reading came in (deployed). */
	if (strcmp(s->seen.tag, s->tag) == 0)
		deployed(s, 0, "", 0);
}

/* ---- lifecycle ---- */

struct poller *
poller_new(struct loop *loop, struct ssh_pool *pool, struct http_client *http,
    struct tunnel_set *tunnels, const struct config *cfg, const struct poller_opts *opts)
{
	struct poller *p = xcalloc(1, sizeof(*p));
	size_t i;
	int k;

	p->loop = loop;
	p->pool = pool;
	p->http = http;
	p->tunnels = tunnels;
	p->cfg = cfg;
	p->opts = *opts;
	if (p->opts.poll_ms <= 0)
		p->opts.poll_ms = 5000;
	if (p->opts.probe_ms <= 0)
		p->opts.probe_ms = 5000;
	if (p->opts.metrics_ms <= 0)
		p->opts.metrics_ms = 5000;
	p->seed = (unsigned)time(NULL);
	p->started_s = loop_wall_ms() / 1000;
	/* Unpredictable enough that no command's own output ends in it. */
	snprintf(p->token, sizeof(p->token), "wr-poll-%08x%04x", (unsigned)rand_r(&p->seed),
	    (unsigned)(loop_now_ms() & 0xffff));
	p->hist_cap = POLLER_HISTORY_MS / p->opts.metrics_ms;
	if (p->hist_cap > POLLER_HISTORY)
		p->hist_cap = POLLER_HISTORY;
	if (p->hist_cap < 2)
		p->hist_cap = 2;
	p->nhosts = cfg->nhosts;
	p->hosts = xcalloc(cfg->nhosts + 1, sizeof(*p->hosts));
	for (i = 0; i < cfg->nhosts; i++) {
		p->hosts[i].p = p;
		p->hosts[i].host = (int)i;
		p->hosts[i].cfg = &cfg->hosts[i];
		p->hosts[i].svc = xcalloc((size_t)cfg->hosts[i].nservices + 1,
		    sizeof(struct svc_state));
		for (k = 0; k < cfg->hosts[i].nservices; k++)
			p->hosts[i].svc[k].restarts = -1;
		ratewin_init(&p->hosts[i].rate);
		if (cfg->hosts[i].driver == DRIVER_COMPOSE || cfg->hosts[i].driver == DRIVER_K8S) {
			p->hosts[i].rwin = xcalloc((size_t)cfg->hosts[i].nservices + 1,
			    sizeof(struct restartwin));
			for (k = 0; k < cfg->hosts[i].nservices; k++)
				restartwin_init(&p->hosts[i].rwin[k]);
		}
		if (cfg->hosts[i].driver == DRIVER_K8S)
			p->hosts[i].rsp = xcalloc((size_t)cfg->hosts[i].nservices + 1,
			    sizeof(struct rs_poll));
	}
	return p;
}

void
poller_start(struct poller *p)
{
	size_t i;

	for (i = 0; i < p->nhosts; i++) {
		/* Up to a fifth of the period of jitter: hosts spread out. */
		int64_t j1 = rand_r(&p->seed) % (p->opts.poll_ms / 5 + 1);
		int64_t j2 = rand_r(&p->seed) % (p->opts.probe_ms / 5 + 1);

		/* The first poll and probes come as the host connects
		 * (poller_host_changed); these keep them going. */
		p->hosts[i].poll_timer = loop_timer_add(p->loop, p->opts.poll_ms + j1,
		    p->opts.poll_ms + j1, on_poll, &p->hosts[i]);
		p->hosts[i].probe_timer = loop_timer_add(p->loop, p->opts.probe_ms + j2,
		    p->opts.probe_ms + j2, on_probe, &p->hosts[i]);
		p->hosts[i].metrics_timer = loop_timer_add(p->loop, 500 + j2,
		    p->opts.metrics_ms + j1, on_scrape, &p->hosts[i]);
	}
}

void
poller_free(struct poller *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nhosts; i++) {
		loop_timer_cancel(p->loop, p->hosts[i].poll_timer);
		loop_timer_cancel(p->loop, p->hosts[i].probe_timer);
		loop_timer_cancel(p->loop, p->hosts[i].metrics_timer);
		free(p->hosts[i].svc);
		free(p->hosts[i].rwin);
		free(p->hosts[i].rsp);
		parse_compose_memo_free(&p->hosts[i].ps_memo);
	}
	free(p->hosts);
	free(p);
}

const struct svc_state *
poller_state(const struct poller *p, int host, int svc)
{
	if (p == NULL || host < 0 || (size_t)host >= p->nhosts)
		return NULL;
	return &p->hosts[host].svc[svc];
}
