/*
 * action_killswitch.c — the EXPORT_MODE kill switch on a compose host.
 * Planning reads the running tag (ps) and the .env (SFTP); the plan is
 * bound to both. Running writes a copy of the old .env and the new one
 * beside it over SFTP (same mode, fsync'd), renames the new one over .env
 * in one rename(2), and redeploys the service at the tag it already runs
 * (IMAGE_TAG given explicitly: .env may name another tag). Verified by
 * the running tag, /export answering 404 (or "disabled"), and /readyz.
 * An undo is the same action with the previous value: whether it turns
 * the export off or back on is decided by what GET /export answers when
 * planned, never by .env alone (act_ks_value; the journal only says what
 * to restore); .env already holding the value, only the redeploy runs
 * (a failed one left it so). After UNKNOWN (the
 * host lost in the rename or the redeploy) the re-read is .env over SFTP
 * and then GET /export: what the file holds and what the service does now.
 */
#include "action_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/contain.h"
#include "warroom/driver_cmd.h"
#include "warroom/envfile.h"
#include "warroom/loop.h"
#include "warroom/sftp.h"
#include "warroom/ssh.h"
#include "warroom/timeline.h"

#define KS_KEY "EXPORT_MODE"

static bool
switching_off(const struct action *a)
{
	return strcmp(a->plan.env_value, "off") == 0;
}

/* ---- planning ---- */

/* .env and /export read: the plan (off, or back on only when /export
 * answers off; with .env already at that value, only the redeploy). */
static void
planned_export(struct action *a)
{
	struct wr_err err;
	size_t n;

	act_ks_value(a);
	if (plan_killswitch(a->cfg, a->svc, a->ks_tag, a->env_old, a->env_old_len, a->env_mode,
	    KS_KEY, a->want, a->ks_seen, a->op, a->env.cfg->health_timeout_ms / 1000, &a->plan,
	    &err) != 0) {
		act_refuse(a, "no kill switch plan: %s", err.msg);
		act_changed(a);
		return;
	}
	if (!a->plan.env_kept) {
		a->env_new = envfile_set(a->env_old, a->env_old_len, KS_KEY, a->want, &n);
		a->env_new_len = n;
	}
	a->state = ACTION_CONFIRMING;
	act_changed(a);
}

static void
planned_env(const struct sftp_result *r, void *arg)
{
	struct action *a = arg;

	a->sftp = NULL;
	if (a->state != ACTION_PLANNING)
		return;
	if (!r->ok) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "could not read %s's .env: %s; nothing "
		    "ran", a->cfg->name, r->error);
		act_changed(a);
		return;
	}
	/* The file as read (plan_killswitch checks it is one we edit). */
	a->env_old = xmalloc(r->len + 1);
	memcpy(a->env_old, r->data, r->len);
	a->env_old[r->len] = '\0';
	a->env_old_len = r->len;
	a->env_mode = r->mode;
	act_ks_ask_export(a, planned_export);
}

static void
planned_ps(struct action *a, const struct exec_result *r)
{
	struct act_current cur;
	struct wr_err err;
	char path[WR_PATH_MAX];

	if (a->state != ACTION_PLANNING)
		return;
	if (!r->finished || r->exit_status != 0 || act_read_current(a, a->buf ? a->buf : "",
	    a->len, &cur, &err) != 0) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "could not read %s to plan: %s",
		    a->cfg->name, !r->finished ? r->error : r->exit_status ? a->last_line : err.msg);
		return;
	}
	wr_strlcpy(a->ks_tag, cur.tag, sizeof(a->ks_tag));
	if (plan_env_path(a->cfg, path, sizeof(path), &err) != 0 ||
	    (a->sftp = sftp_read_start(a->env.pool, a->host, path, ENVFILE_MAX, 15000,
	    planned_env, a, &err)) == NULL) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "could not read %s's .env: %s",
		    a->cfg->name, err.msg);
	}
}

/* ---- right before running: the .env must be the one planned from ---- */

static void
rechecked(const struct sftp_result *r, void *arg)
{
	struct action *a = arg;
	char hash[17];
	struct wr_err err;

	a->sftp = NULL;
	if (!r->ok) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "could not re-read %.300s before running: "
		    "%s; nothing ran", a->plan.env_file, r->error);
		act_changed(a);
		return;
	}
	envfile_hash(r->data, r->len, hash);
	if (strcmp(hash, a->plan.env_hash) != 0) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "plan is stale: %.300s changed since it "
		    "was read; nothing ran", a->plan.env_file);
		if (a->env.tl != NULL) {
			cJSON *d = cJSON_CreateObject();

			cJSON_AddStringToObject(d, "reason", a->reason);
			a->cancel_told = timeline_append(a->env.tl, "action.stale", a->cfg->name,
			    a->op, d, &err) == 0;
		}
		act_changed(a);
		return;
	}
	act_begin(a);
	act_changed(a);
}

static void
precheck(struct action *a)
{
	struct wr_err err;

	a->sftp = sftp_read_start(a->env.pool, a->host, a->plan.env_file, ENVFILE_MAX, 15000,
	    rechecked, a, &err);
	if (a->sftp == NULL) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "could not re-read %.300s: %s; nothing "
		    "ran", a->plan.env_file, err.msg);
	}
}

/* ---- step 1: the files, over SFTP ---- */

static void
written(struct action *a, const char *why)
{
	/* .env itself is replaced only by the next step, which never ran. */
	if (why != NULL) {
		act_finish(a, ACTION_FAILED, "%s; .env was not changed", why);
		return;
	}
	act_next_step(a);
	act_changed(a);
}

static void
write_files(struct action *a)
{
	act_env_write(a, written);
}

/* ---- a step that failed ---- */

/* The redeploy failed (done_msg says how): what /export answers now
 * completes the outcome, .env's state said first. */
static void
failed_export(const struct http_response *r, void *arg)
{
	struct action *a = arg;
	int disabled = act_export_disabled(r);
	bool off = switching_off(a);
	char env[200], now[200];

	if (a->plan.env_kept)
		snprintf(env, sizeof(env), ".env not changed (it already said %s)", a->plan.to);
	else
		snprintf(env, sizeof(env), "%s written to .env", a->plan.to);
	if (r == NULL)
		snprintf(now, sizeof(now), "exports are most likely still %s (no health_url: "
		    "/export not asked)", off ? "on" : "off");
	else if (r->status == 0 || disabled < 0)
		snprintf(now, sizeof(now), "whether exports are still %s is not known (GET /export: "
		    "%.100s)", off ? "on" : "off", r->status == 0 ? r->error : "no clear answer");
	else if ((disabled == 1) != off)
		snprintf(now, sizeof(now), "exports are still %s (GET /export answers %ld)",
		    off ? "on" : "off", r->status);
	else
		snprintf(now, sizeof(now), "yet GET /export answers %ld (exports %s)", r->status,
		    off ? "off" : "on");
	act_finish(a, ACTION_FAILED, "%s, but the redeploy failed: %s — %s", env, now,
	    a->done_msg);
}

static void
step_failed(struct action *a, const struct exec_result *r)
{
	const struct plan_step *s = &a->plan.steps[a->step];
	struct wr_err err;

	snprintf(a->done_msg, sizeof(a->done_msg), "%s exited %d%s%s", s->name, r->exit_status,
	    a->last_line[0] ? ": " : "", a->last_line);
	/* Before the redeploy (the swap) .env is as it was: said as is. */
	if (a->step != a->plan.nsteps - 1) {
		act_finish(a, ACTION_FAILED, "%s", a->done_msg);
		return;
	}
	if (a->plan.export_url[0] == '\0') {
		failed_export(NULL, a);
		return;
	}
	wr_strlcpy(a->step_name, "check /export", sizeof(a->step_name));
	if (act_http_get(a, a->plan.export_url, failed_export, &err) != 0)
		failed_export(NULL, a);
}

/* ---- verification ---- */

static void
gate_ok(struct action *a)
{
	act_finish(a, ACTION_OK, "%s in .env; %s redeployed at %s; /export answers %s; "
	    "/readyz answers 200", a->plan.to, a->plan.service, a->plan.keep_tag,
	    switching_off(a) ? "404" : "again");
}

enum contain_export
act_export_checked(const struct http_response *r, char *why, size_t cap)
{
	/* HOSTS' EXPORT reads the same answer the same way (contain.c); the
	 * timeout is act_http_get's. */
	struct contain_check c = {
		.status = r->status, .body = r->body, .len = r->len,
		.broke_off = r->error[0] != '\0', .over_cap = r->truncated,
		.timed_out = r->timed_out, .timeout_s = 5, .error = r->error,
	};

	return contain_export_checked(&c, why, cap);
}

void
act_export_read_at(struct action *a, bool off, char *found, size_t cap)
{
	size_t n = strlen(found);
	char at[16];

	a->export_read_ms = loop_wall_ms();
	wr_clock_utc(a->export_read_ms, at, sizeof(at));
	if (n < cap)
		snprintf(found + n, cap - n, " (/export read %s at %s)", off ? "off" : "on", at);
}

int
act_export_disabled(const struct http_response *r)
{
	enum contain_export e = act_export_checked(r, NULL, 0);

	return e == CONTAIN_EXPORT_OFF ? 1 : e == CONTAIN_EXPORT_ON ? 0 : -1;
}

static void
export_answer(const struct http_response *r, void *arg)
{
	struct action *a = arg;
	char why[400];
	enum contain_export e = act_export_checked(r, why, sizeof(why));
	bool disabled = e == CONTAIN_EXPORT_OFF;

	/* The change went out; only an answer read whole says whether it
	 * took: none is UNKNOWN, re-read until /export says (reconcile). */
	if (e == CONTAIN_EXPORT_UNKNOWN) {
		wr_strlcpy(a->reread_how, "re-read", sizeof(a->reread_how));
		act_finish(a, ACTION_UNKNOWN, "%s in .env and %s redeployed, but %s",
		    a->plan.to, a->plan.service, why);
		return;
	}
	if (switching_off(a) != disabled) {
		act_finish(a, ACTION_FAILED, "%s in .env and %s redeployed, but GET %s answers "
		    "%ld: the export is %s", a->plan.to, a->plan.service, a->plan.export_url,
		    r->status, disabled ? "still disabled" : "still on");
		return;
	}
	act_gate_start(a);
	act_changed(a);
}

static void
verified(struct action *a, const struct exec_result *r)
{
	struct act_current cur;
	struct wr_err err;

	if (act_read_back(a, r, &cur) != 0)
		return;
	if (!cur.settled || strcmp(cur.tag, a->plan.keep_tag) != 0) {
		act_finish(a, ACTION_FAILED, "after the redeploy %s runs %s (%s), not %s",
		    a->plan.service, cur.tag, cur.state, a->plan.keep_tag);
		return;
	}
	if (a->plan.export_url[0] == '\0') {
		act_finish(a, ACTION_OK, "%s in .env and %s redeployed at %s (no health_url: "
		    "/export and /readyz not checked)", a->plan.to, a->plan.service,
		    a->plan.keep_tag);
		return;
	}
	wr_strlcpy(a->step_name, "check /export", sizeof(a->step_name));
	if (act_http_get(a, a->plan.export_url, export_answer, &err) != 0)
		act_finish(a, ACTION_FAILED, "could not check /export: %s", err.msg);
}

/* ---- the new .env left beside the old one ---- */

/* Before the swap ran, the new .env may be on the host under its own name
 * (whole, or part of it if the write broke off): remove it, so a failed or
 * interrupted switch leaves only .env and the backup. */
static void
drop_leftover(struct action *a)
{
	if (a->step <= 1)
		act_env_drop_new(a);
}

static void
finished(struct action *a)
{
	if (a->state == ACTION_FAILED)
		drop_leftover(a);
}

/* ---- after UNKNOWN: what does .env say now, and /export? ---- */

/* The re-read's finding. export_status is what GET /export answered (0: no
 * answer, -1: not asked); export_disabled 1 or 0 when the answer says, -1
 * when it does not. It settles the outcome only when .env holds the new
 * value and the running service answers as that value means: a redeploy
 * cut off by the drop may still be on its way, and .env alone does not
 * say whether the service runs with it. Anything else is read again, then
 * left to the engineer (act_reread_again). */
static void
reconcile_record(struct action *a, long export_status, int export_disabled,
    const char *export_error)
{
	const char *want = strchr(a->plan.to, '=') ? strchr(a->plan.to, '=') + 1 : "";
	bool holds = strcmp(want, a->ks_found) == 0;
	bool off = strcmp(want, "off") == 0;
	char found[600];
	size_t n;
	cJSON *d;

	n = (size_t)snprintf(found, sizeof(found), "%s: %s=%s in .env",
	    act_reread_words(a), KS_KEY, a->ks_found);
	if (n >= sizeof(found))
		n = sizeof(found) - 1;
	if (export_status < 0)
		snprintf(found + n, sizeof(found) - n, " (whether %s was redeployed with "
		    "it is not known)", a->plan.service);
	else if (export_status == 0)
		snprintf(found + n, sizeof(found) - n, "; GET /export had no answer (%.200s): "
		    "whether %s was redeployed with it is not known", export_error, a->plan.service);
	else
		snprintf(found + n, sizeof(found) - n, "; GET /export answers %ld now: %s",
		    export_status, export_disabled == 1 ? "the export is disabled" :
		    export_disabled == 0 ? "the export is on" : "what the export does is not known");
	if (!holds || export_disabled < 0 || (export_disabled == 1) != off) {
		act_reread_again(a, found);
		return;
	}
	if (export_status > 0)
		act_export_read_at(a, off, found, sizeof(found));
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "found", a->ks_found);
	cJSON_AddStringToObject(d, "wanted", a->plan.to);
	cJSON_AddNumberToObject(d, "export_status", (double)export_status);
	cJSON_AddBoolToObject(d, "export_disabled", export_disabled == 1);
	if (a->export_read_ms > 0)
		cJSON_AddNumberToObject(d, "export_read_ms", (double)a->export_read_ms);
	act_reconcile_ok(a, found, off ? ".env holds the new value and the export is disabled" :
	    ".env holds the new value and the export is on", d);
	act_changed(a);
}

static void
reconciled_export(const struct http_response *r, void *arg)
{
	reconcile_record(arg, r->status, act_export_disabled(r), r->error);
}

static void
reconciled(const struct sftp_result *r, void *arg)
{
	struct action *a = arg;
	struct wr_err err;

	a->sftp = NULL;
	if (!r->ok) {
		act_reconcile_later(a);
		return;
	}
	drop_leftover(a);
	if (!envfile_get(r->data, r->len, a->plan.env_key[0] ? a->plan.env_key : KS_KEY,
	    a->ks_found, sizeof(a->ks_found)))
		wr_strlcpy(a->ks_found, "(unset)", sizeof(a->ks_found));
	/* .env alone does not say whether the service was redeployed with it. */
	if (a->plan.export_url[0] == '\0' ||
	    act_http_get(a, a->plan.export_url, reconciled_export, &err) != 0)
		reconcile_record(a, -1, -1, NULL);
}

static void
reconcile(struct action *a)
{
	struct wr_err err;

	if (a->sftp != NULL) {           /* the leftover's removal, still going */
		act_reconcile_later(a);
		return;
	}
	if (ssh_pool_session(a->env.pool, a->host) == NULL || a->plan.env_file[0] == '\0' ||
	    (a->sftp = sftp_read_start(a->env.pool, a->host, a->plan.env_file, ENVFILE_MAX,
	    15000, reconciled, a, &err)) == NULL)
		act_reconcile_later(a);
}

static void
hooks(struct action *a)
{
	a->verb = "kill switch";
	a->precheck = precheck;
	a->run_special = write_files;
	a->verified = verified;
	a->gate_ok = gate_ok;
	a->reconcile = reconcile;
	a->finished = finished;
	a->step_failed = step_failed;
}

void
act_killswitch_adopt(struct action *a, const cJSON *plan)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(plan, "env_file");

	hooks(a);
	if (cJSON_IsString(v))
		wr_strlcpy(a->plan.env_file, v->valuestring, sizeof(a->plan.env_file));
	v = cJSON_GetObjectItemCaseSensitive(plan, "export_check");
	if (cJSON_IsString(v))
		wr_strlcpy(a->plan.export_url, v->valuestring, sizeof(a->plan.export_url));
	/* A console that died between writing the new .env and the swap left
	 * it on the host: the re-read removes it, as it would have. The name
	 * is derived from the op, never taken from the record. A redeploy
	 * only wrote none. */
	a->plan.env_kept = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(plan, "env_kept"));
	if (a->plan.env_file[0] != '\0' && !a->plan.env_kept)
		plan_env_sibling(a->plan.env_file, a->op, "new", a->plan.env_new,
		    sizeof(a->plan.env_new));
	wr_strlcpy(a->plan.env_key, KS_KEY, sizeof(a->plan.env_key));
}

void
act_ks_wants(struct action *a, const char *want, const char *restore)
{
	wr_strlcpy(a->ks_want, want != NULL ? want : "", sizeof(a->ks_want));
	a->ks_has_restore = restore != NULL;
	wr_strlcpy(a->ks_restore, restore != NULL ? restore : "", sizeof(a->ks_restore));
}

const char *
act_ks_value(struct action *a)
{
	wr_strlcpy(a->want, plan_killswitch_value(a->ks_seen, a->ks_want[0] ? a->ks_want : NULL,
	    a->ks_has_restore ? a->ks_restore : NULL), sizeof(a->want));
	return a->want;
}

static void
asked_export(const struct http_response *r, void *arg)
{
	struct action *a = arg;

	if (a->state != ACTION_PLANNING)
		return;
	/* Cut short or over the cap says nothing, as for HOSTS' EXPORT. */
	a->ks_seen = act_export_checked(r, NULL, 0);
	a->ks_planned(a);
}

void
act_ks_ask_export(struct action *a, void (*next)(struct action *a))
{
	char url[WR_URL_MAX + 16];
	struct wr_err err;

	a->ks_seen = CONTAIN_EXPORT_UNKNOWN;
	a->ks_planned = next;
	/* The URL the plan checks afterwards (plan_killswitch's). */
	if (a->cfg->health_url[0] == '\0' || (size_t)snprintf(url, sizeof(url), "%s/export",
	    a->cfg->health_url) >= sizeof(url) || act_http_get(a, url, asked_export, &err) != 0)
		next(a);
}

struct action *
action_killswitch_start(const struct action_env *env, int host, int svc, const char *want,
    const char *restore, struct wr_err *err)
{
	const struct config_host *h = &env->cfg->hosts[host];
	char cmd[WR_CMD_MAX];
	struct action *a;

	if (h->read_only)
		return wr_err_set(err, "%s is read_only in the config: never a target", h->name),
		    NULL;
	if (h->driver == DRIVER_HELM)
		return wr_err_set(err, "%s is a helm host: warroom does not change a chart's "
		    "values; by hand, set it in the release's values and upgrade, e.g. helm "
		    "upgrade %s CHART -n %s --reuse-values --set env.EXPORT_MODE=off (the key "
		    "depends on the chart), then note it (n)", h->name,
		    svc >= 0 && svc < h->nservices ? h->services[svc] : "RELEASE",
		    h->namespace_[0] ? h->namespace_ : "NS"), NULL;
	if (h->driver != DRIVER_COMPOSE && h->driver != DRIVER_K8S)
		return wr_err_set(err, "%s is a %s host: the kill switch edits a compose host's "
		    ".env or a k8s deployment's env", h->name, config_driver_name(h->driver)), NULL;
	if (ssh_pool_session(env->pool, host) == NULL)
		return wr_err_set(err, "%s is not UP", h->name), NULL;
	if (want != NULL && strcmp(want, "off") != 0 && strcmp(want, "on") != 0)
		return wr_err_set(err, "'%s': the kill switch turns the export off or on", want),
		    NULL;
	if (h->driver == DRIVER_K8S)
		return act_k8s_killswitch_start(env, host, svc, want, restore, err);
	if (restore != NULL && !envfile_value_valid(restore))
		return wr_err_set(err, "'%s' is not a value the kill switch writes", restore), NULL;
	if (driver_cmd_compose_ps(h, cmd, sizeof(cmd), err) != 0)
		return NULL;
	a = act_new(env, host, svc, "kill switch", "ks");
	hooks(a);
	act_ks_wants(a, want, restore);
	return act_plan_read(a, cmd, planned_ps, err);
}
