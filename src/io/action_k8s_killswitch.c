/*
 * action_k8s_killswitch.c — the EXPORT_MODE kill switch on a k8s host.
 * Planning reads the deployment (kubectl get deploy -o json): its revision,
 * the container that gets the switch and its env. Running is the plan's
 * two commands: kubectl set env (a new pod template, so a new revision and
 * a rollout) and rollout status. Verified by the deployment read back (the
 * env holds the new value, a newer revision rolled out at the same tag),
 * /export answering 404 (or not, for an undo) and /readyz. Off or back on
 * is decided by what GET /export answers when planned (a rollout that
 * never completed leaves the env off while the old pods still export);
 * the env already holding the value, `rollout restart` takes set env's
 * place. After UNKNOWN the re-read is the
 * same read plus GET /export: it settles the outcome only when both show
 * the switch took effect, else reads again and then leaves it to the
 * engineer (U).
 */
#include "action_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/driver_cmd.h"
#include "warroom/envfile.h"
#include "warroom/parse_k8s.h"
#include "warroom/ssh.h"
#include "warroom/timeline.h"

#define KS_KEY "EXPORT_MODE"

/* What a read of the deployment says of the switch. */
struct ks_seen {
	int revision;
	bool settled;                    /* rollout complete */
	bool rolling;                    /* rollout progressing */
	char tag[WR_TAG_MAX];            /* the switched container's */
	char state[64];                  /* "revision 5, rollout complete" */
	bool set;                        /* the variable has an env entry */
	char value[WR_K8S_ENV_VALUE_MAX];
	char value_from[32];
};

static bool
switching_off(const struct action *a)
{
	return strcmp(a->plan.env_value, "off") == 0;
}

static int
seen_of(const struct action *a, const char *buf, size_t len, struct ks_seen *s,
    struct wr_err *err)
{
	static const char *const rs[] = { "complete", "progressing", "stuck" };
	const struct k8s_env_var *v;
	struct k8s_deploy d;
	struct k8s_env env;
	enum k8s_rollout r;
	int i;

	memset(s, 0, sizeof(*s));
	if (parse_k8s_deploy(buf, len, &d, err) != 0 ||
	    parse_k8s_env(buf, len, a->plan.env_container, &env, err) != 0)
		return -1;
	r = parse_k8s_rollout(&d);
	s->revision = d.revision;
	s->settled = r == K8S_ROLLOUT_COMPLETE;
	s->rolling = r == K8S_ROLLOUT_PROGRESSING;
	for (i = 0; i < d.ncontainers; i++)
		if (strcmp(d.containers[i].name, a->plan.env_container) == 0)
			wr_strlcpy(s->tag, d.containers[i].tag, sizeof(s->tag));
	snprintf(s->state, sizeof(s->state), "revision %d, rollout %s", d.revision,
	    (unsigned)r < 3 ? rs[r] : "?");
	if ((v = parse_k8s_env_find(&env, a->plan.env_key)) != NULL) {
		s->set = true;
		wr_strlcpy(s->value, v->value, sizeof(s->value));
		wr_strlcpy(s->value_from, v->value_from, sizeof(s->value_from));
	}
	parse_k8s_env_free(&env);
	return 0;
}

/* The env holds what the plan sets (or no entry, for a removal). */
static bool
holds(const struct action *a, const struct ks_seen *s)
{
	if (a->plan.env_remove)
		return !s->set;
	return s->set && s->value_from[0] == '\0' && strcmp(s->value, a->plan.env_value) == 0;
}

/* "EXPORT_MODE=off in deployment/api's env" and the like. */
static void
env_words(const struct action *a, const struct ks_seen *s, char *out, size_t cap)
{
	if (!s->set)
		snprintf(out, cap, "%s unset in deployment/%s's env", a->plan.env_key,
		    a->plan.service);
	else if (s->value_from[0] != '\0')
		snprintf(out, cap, "%s from a %s in deployment/%s's env", a->plan.env_key,
		    s->value_from, a->plan.service);
	else
		snprintf(out, cap, "%s=%.128s in deployment/%s's env", a->plan.env_key, s->value,
		    a->plan.service);
}

/* ---- planning ---- */

/* The deployment and /export read: the plan (off, or back on only when
 * /export answers off; with the env at that value already, a rollout
 * restart in place of set env). */
static void
planned_export(struct action *a)
{
	const char *buf = a->buf ? a->buf : "";
	struct k8s_deploy d;
	struct k8s_env env;
	struct wr_err err;
	int c, rc;

	if (parse_k8s_deploy(buf, a->len, &d, &err) != 0 ||
	    (c = plan_k8s_container(&d, a->cfg->services[a->svc], &err)) < 0 ||
	    parse_k8s_env(buf, a->len, d.containers[c].name, &env, &err) != 0) {
		act_refuse(a, "no kill switch plan: %s", err.msg);
		act_changed(a);
		return;
	}
	/* An off from the new pods while the old ones may serve: not known. */
	a->ks_seen = plan_killswitch_seen(a->ks_seen, a->env.ks_rollout_open);
	act_ks_value(a);
	rc = plan_k8s_killswitch(a->cfg, a->svc, &d, &env, KS_KEY, a->want, a->ks_seen,
	    a->env.cfg->health_timeout_ms / 1000, &a->plan, &err);
	parse_k8s_env_free(&env);
	if (rc != 0) {
		act_refuse(a, "no kill switch plan: %s", err.msg);
		act_changed(a);
		return;
	}
	if (a->env.ks_rollout_open && strcmp(a->plan.env_value, "off") == 0) {
		char was[sizeof(a->plan.warning)];

		wr_strlcpy(was, a->plan.warning, sizeof(was));
		snprintf(a->plan.warning, sizeof(a->plan.warning), "%s%s%.600s",
		    a->env.ks_open_why != NULL ? a->env.ks_open_why : PLAN_KS_OPEN_WHY,
		    was[0] ? "\n" : "", was);
	}
	a->state = ACTION_CONFIRMING;
	act_changed(a);
}

static void
planned(struct action *a, const struct exec_result *r)
{
	struct k8s_deploy d;
	struct wr_err err;

	if (a->state != ACTION_PLANNING)
		return;
	if (!r->finished || r->exit_status != 0 || parse_k8s_deploy(a->buf ? a->buf : "", a->len,
	    &d, &err) != 0) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "could not read %s to plan: %s; nothing ran",
		    a->cfg->name, !r->finished ? r->error : r->exit_status ? a->last_line : err.msg);
		return;
	}
	/* What the pods serving now do decides the direction; the read
	 * stays in a->buf meanwhile (nothing else runs while planning). */
	act_ks_ask_export(a, planned_export);
}

/* ---- right before running: the revision was checked; the env too ---- */

static void
precheck(struct action *a)
{
	struct ks_seen s;
	struct wr_err err;
	char now[300];
	bool same;

	if (seen_of(a, a->buf ? a->buf : "", a->len, &s, &err) != 0) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "could not re-read %s before running: %s; "
		    "nothing ran", a->cfg->name, err.msg);
		return;
	}
	same = s.value_from[0] == '\0' && (strncmp(a->plan.from + strlen(a->plan.env_key),
	    "=(unset)", 9) == 0 ? !s.set : s.set && strcmp(s.value, a->plan.env_was) == 0);
	if (!same) {
		env_words(a, &s, now, sizeof(now));
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "plan is stale: %s now, not %s as planned; "
		    "nothing ran", now, a->plan.from);
		if (a->env.tl != NULL) {
			cJSON *d = cJSON_CreateObject();

			cJSON_AddStringToObject(d, "reason", a->reason);
			a->cancel_told = timeline_append(a->env.tl, "action.stale", a->cfg->name,
			    a->op, d, &err) == 0;
		}
		return;
	}
	act_begin(a);
}

/* ---- verification ---- */

static const char *
to_words(const struct action *a, char *buf, size_t cap)
{
	if (a->plan.env_remove)
		snprintf(buf, cap, "%s removed from deployment/%s's env", a->plan.env_key,
		    a->plan.service);
	else
		snprintf(buf, cap, "%s in deployment/%s's env", a->plan.to, a->plan.service);
	return buf;
}

static void
gate_ok(struct action *a)
{
	char w[320];

	act_finish(a, ACTION_OK, "%s; revision %d rolled out at %s; /export answers %s; "
	    "/readyz answers 200", to_words(a, w, sizeof(w)), a->plan.to_rev, a->plan.keep_tag,
	    switching_off(a) ? "404" : "again");
}

static void
export_answer(const struct http_response *r, void *arg)
{
	struct action *a = arg;
	char w[320], why[400];
	enum contain_export e = act_export_checked(r, why, sizeof(why));
	bool disabled = e == CONTAIN_EXPORT_OFF;

	/* The change rolled out; only an answer read whole says whether it
	 * took: none is UNKNOWN, re-read until /export says (reconcile). */
	if (e == CONTAIN_EXPORT_UNKNOWN) {
		wr_strlcpy(a->reread_how, "re-read", sizeof(a->reread_how));
		act_finish(a, ACTION_UNKNOWN, "%s and revision %d rolled out, but %s",
		    to_words(a, w, sizeof(w)), a->plan.to_rev, why);
		return;
	}
	if (switching_off(a) != disabled) {
		act_finish(a, ACTION_FAILED, "%s and revision %d rolled out, but GET %s answers "
		    "%ld: the export is %s", to_words(a, w, sizeof(w)), a->plan.to_rev,
		    a->plan.export_url, r->status, disabled ? "still disabled" : "still on");
		return;
	}
	act_gate_start(a);
	act_changed(a);
}

static void
verified(struct action *a, const struct exec_result *r)
{
	struct ks_seen s;
	struct wr_err err;
	char w[300];

	if (!r->finished) {
		act_finish(a, ACTION_UNKNOWN, r->quit ? "the console quit while verifying" :
		    "connection lost while verifying: %s", r->error);
		return;
	}
	if (r->exit_status != 0 || seen_of(a, a->buf ? a->buf : "", a->len, &s, &err) != 0) {
		act_finish(a, ACTION_FAILED, "could not read the deployment back: %s",
		    r->exit_status ? a->last_line : err.msg);
		return;
	}
	if (!holds(a, &s)) {
		env_words(a, &s, w, sizeof(w));
		act_finish(a, ACTION_FAILED, "after set env: %s, not %s", w, a->plan.to);
		return;
	}
	if (!s.settled || s.revision <= a->plan.from_rev) {
		act_finish(a, ACTION_FAILED, "after set env deployment/%s is at %s: no newer "
		    "revision than %d rolled out", a->plan.service, s.state, a->plan.from_rev);
		return;
	}
	if (strcmp(s.tag, a->plan.keep_tag) != 0) {
		act_finish(a, ACTION_FAILED, "after set env container %s runs %s, not %s",
		    a->plan.env_container, s.tag, a->plan.keep_tag);
		return;
	}
	a->plan.to_rev = s.revision;
	if (a->plan.export_url[0] == '\0') {
		act_finish(a, ACTION_OK, "%s; revision %d rolled out at %s (no health_url: /export "
		    "and /readyz not checked)", to_words(a, w, sizeof(w)), s.revision,
		    a->plan.keep_tag);
		return;
	}
	wr_strlcpy(a->step_name, "check /export", sizeof(a->step_name));
	if (act_http_get(a, a->plan.export_url, export_answer, &err) != 0)
		act_finish(a, ACTION_FAILED, "could not check /export: %s", err.msg);
}

/* ---- after UNKNOWN: what do the deployment and /export say now? ---- */

/* The re-read showed it (found in done_msg, the value in ks_found, the
 * revision in plan.to_rev): recorded as action.reconcile, ok. */
static void
settle(struct action *a, long export_status, int disabled)
{
	cJSON *d = cJSON_CreateObject();
	bool off = switching_off(a);

	cJSON_AddStringToObject(d, "found", a->ks_found);
	cJSON_AddStringToObject(d, "wanted", a->plan.to);
	cJSON_AddNumberToObject(d, "revision", a->plan.to_rev);
	if (export_status >= 0) {
		act_export_read_at(a, off, a->done_msg, sizeof(a->done_msg));
		cJSON_AddNumberToObject(d, "export_status", (double)export_status);
		cJSON_AddBoolToObject(d, "export_disabled", disabled == 1);
		cJSON_AddNumberToObject(d, "export_read_ms", (double)a->export_read_ms);
	}
	act_reconcile_ok(a, a->done_msg, export_status < 0 ? "the deployment's env holds the "
	    "new value and its rollout is complete" : off ? "the deployment's env holds the new "
	    "value, its rollout is complete and the export is disabled" : "the deployment's env "
	    "holds the new value, its rollout is complete and the export is on", d);
	act_changed(a);
}

static void
reread_export(const struct http_response *r, void *arg)
{
	struct action *a = arg;
	int disabled = act_export_disabled(r);
	size_t n = strlen(a->done_msg);

	if (r->status == 0)
		snprintf(a->done_msg + n, sizeof(a->done_msg) - n, "; GET /export had no answer "
		    "(%.200s)", r->error);
	else
		snprintf(a->done_msg + n, sizeof(a->done_msg) - n, "; GET /export answers %ld now: "
		    "%s", r->status, disabled == 1 ? "the export is disabled" : disabled == 0 ?
		    "the export is on" : "what the export does is not known");
	if (r->status == 0 || disabled < 0 || (disabled == 1) != switching_off(a)) {
		act_reread_again(a, a->done_msg);
		return;
	}
	settle(a, r->status, disabled);
}

static void
reread(struct action *a, const struct exec_result *r)
{
	struct ks_seen s;
	struct wr_err err;
	char w[300];

	if (!r->finished || r->exit_status != 0 ||
	    seen_of(a, a->buf ? a->buf : "", a->len, &s, &err) != 0) {
		act_reconcile_later(a);
		return;
	}
	env_words(a, &s, w, sizeof(w));
	snprintf(a->done_msg, sizeof(a->done_msg), "%s: %s, %s",
	    act_reread_words(a), w, s.state);
	/* The env alone is not the outcome: the pods must run with it. Made,
	 * its rollout going: the header says the console waits for it. */
	a->reread_rolling = holds(a, &s) && s.rolling && s.revision > a->plan.from_rev &&
	    strcmp(s.tag, a->plan.keep_tag) == 0;
	if (holds(a, &s) && s.revision > a->plan.from_rev && strcmp(s.tag, a->plan.keep_tag) == 0) {
		/* The revision it made: a re-read that gives up records it, so
		 * its rollout is read complete by that revision (latedone). */
		a->unfinished.revision = s.revision;
		wr_strlcpy(a->unfinished.tag, s.tag, sizeof(a->unfinished.tag));
	}
	if (!holds(a, &s) || !s.settled || s.revision <= a->plan.from_rev ||
	    strcmp(s.tag, a->plan.keep_tag) != 0) {
		act_reread_again(a, a->done_msg);
		return;
	}
	wr_strlcpy(a->ks_found, s.set ? s.value : "(unset)", sizeof(a->ks_found));
	a->plan.to_rev = s.revision;
	if (a->plan.export_url[0] == '\0') {
		settle(a, -1, -1);
		return;
	}
	if (act_http_get(a, a->plan.export_url, reread_export, &err) != 0)
		act_reread_again(a, a->done_msg);
}

static void
reconcile(struct action *a)
{
	if (ssh_pool_session(a->env.pool, a->host) == NULL || a->plan.verify_cmd[0] == '\0' ||
	    act_read_cmd(a, a->plan.verify_cmd, 15000, reread) != 0)
		act_reconcile_later(a);
}

static void
hooks(struct action *a)
{
	a->verb = "kill switch";
	a->precheck = precheck;
	a->verified = verified;
	a->gate_ok = gate_ok;
	a->reconcile = reconcile;
}

void
act_k8s_killswitch_adopt(struct action *a, const cJSON *plan)
{
	const cJSON *v;

	hooks(a);
	wr_strlcpy(a->plan.env_key, KS_KEY, sizeof(a->plan.env_key));
	if (cJSON_IsString(v = cJSON_GetObjectItemCaseSensitive(plan, "container")))
		wr_strlcpy(a->plan.env_container, v->valuestring, sizeof(a->plan.env_container));
	if (cJSON_IsString(v = cJSON_GetObjectItemCaseSensitive(plan, "env_set")))
		wr_strlcpy(a->plan.env_value, v->valuestring, sizeof(a->plan.env_value));
	a->plan.env_remove = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(plan, "env_remove"));
	if (cJSON_IsString(v = cJSON_GetObjectItemCaseSensitive(plan, "keep_tag")))
		wr_strlcpy(a->plan.keep_tag, v->valuestring, sizeof(a->plan.keep_tag));
	if (cJSON_IsString(v = cJSON_GetObjectItemCaseSensitive(plan, "export_check")))
		wr_strlcpy(a->plan.export_url, v->valuestring, sizeof(a->plan.export_url));
	/* Without its container or a value, nothing the re-read finds says it. */
	if (a->plan.env_container[0] == '\0' ||
	    (!a->plan.env_remove && a->plan.env_value[0] == '\0'))
		a->plan.verify_cmd[0] = '\0';
}

struct action *
act_k8s_killswitch_start(const struct action_env *env, int host, int svc, const char *want,
    const char *restore, struct wr_err *err)
{
	const struct config_host *h = &env->cfg->hosts[host];
	char cmd[WR_CMD_MAX];
	struct action *a;

	if (restore != NULL && restore[0] != '\0' && !envfile_value_valid(restore))
		return wr_err_set(err, "'%s' is not a value the kill switch writes", restore), NULL;
	if (driver_cmd_k8s_deploy(h, h->services[svc], cmd, sizeof(cmd), err) != 0)
		return NULL;
	a = act_new(env, host, svc, "kill switch", "ks");
	hooks(a);
	act_ks_wants(a, want, restore);
	return act_plan_read(a, cmd, planned, err);
}
