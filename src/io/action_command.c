/*
 * action_command.c — actions that are one shown command: a runbook
 * step's shell (placeholders already filled by the engineer) and the
 * migration downgrade. No plan is read from the host and there is no
 * stale check: what runs is exactly what the dialog showed. A runbook
 * command's exit status is its outcome (its script stops at the first
 * command that fails, named when the shell says which); the downgrade
 * asks /readyz once more right before running (the schema must still read
 * as its dialog said: never behind), and is then gated on /readyz
 * reporting the migrations current.
 *
 * On a Compose host whose .env named another IMAGE_TAG than a service ran
 * (HOSTS' .env! when the command started), a command that exits 0 is
 * followed by one read of the tags: a plain `up -d` that brought .env's
 * tag back says so in its outcome, which stays OK (it did what it says).
 */
#include "action_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/driver_cmd.h"
#include "warroom/envmark.h"
#include "warroom/parse_compose.h"
#include "warroom/runbook_route.h"
#include "warroom/ssh.h"
#include "warroom/timeline.h"

static void
downgrade_ok(struct action *a)
{
	const struct probe_result *pr = &a->gate_said;
	char revs[2 * PROBE_REVISION_MAX + 40] = "";

	if (pr->rev_database[0] != '\0')
		snprintf(revs, sizeof(revs), " (database %s, release expects %s)",
		    pr->rev_database, pr->rev_expected);
	/* One revision down may be one too many, or not enough: each said. */
	switch (pr->schema) {
	case PROBE_SCHEMA_CURRENT:
	case PROBE_SCHEMA_UNSAID:
		act_finish(a, ACTION_OK, "alembic downgrade -1 ran; /readyz answers 200 with the "
		    "migrations current");
		break;
	case PROBE_SCHEMA_BEHIND:
		act_finish(a, ACTION_FAILED, "alembic downgrade -1 ran, but /readyz now says the "
		    "schema is behind the release %s runs%s: one revision too far down; migrate "
		    "forward (alembic upgrade head), never down again", a->plan.service, revs);
		break;
	case PROBE_SCHEMA_AHEAD:
		act_finish(a, ACTION_FAILED, "alembic downgrade -1 ran, but /readyz still says the "
		    "schema is ahead of the release %s runs%s", a->plan.service, revs);
		break;
	case PROBE_SCHEMA_UNSURE:
		act_finish(a, ACTION_FAILED, "alembic downgrade -1 ran, but /readyz still says the "
		    "migrations are not current%s, not which way: find out (alembic current, "
		    "alembic heads) before another downgrade", revs);
		break;
	}
}

/* The fresh /readyz before a downgrade's intent: it runs only when the
 * schema reads as the dialog said it or surer ahead (plan_migrate_down_still). */
static void
rechecked(const struct http_response *r, void *arg)
{
	struct action *a = arg;
	struct probe_result pr;
	enum plan_schema now;
	char why[512];
	struct wr_err err;

	probe_health_answer((int)r->status, r->content_type, r->truncated, r->error, r->body,
	    r->len, &pr);
	now = plan_schema_of(&pr, true, 1, 0);
	if (plan_migrate_down_still(a->planned_schema, now, a->plan.service, pr.reason, why,
	    sizeof(why))) {
		act_begin(a);
		act_changed(a);
		return;
	}
	a->state = ACTION_CANCELLED;
	wr_strlcpy(a->reason, why, sizeof(a->reason));
	if (a->env.tl != NULL) {
		cJSON *d = cJSON_CreateObject();

		cJSON_AddStringToObject(d, "reason", a->reason);
		a->cancel_told = timeline_append(a->env.tl, "action.stale", a->cfg->name, a->op, d,
		    &err) == 0;
	}
	act_changed(a);
}

static void
precheck_readyz(struct action *a)
{
	struct wr_err err;

	/* No health_url: the dialog said /readyz is not asked. */
	if (a->plan.readyz_url[0] == '\0') {
		act_begin(a);
		return;
	}
	if (act_http_get(a, a->plan.readyz_url, rechecked, &err) != 0) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "could not ask %.300s again before "
		    "running: %.300s; nothing ran", a->plan.readyz_url, err.msg);
	}
}

/* set -e stopped the script: the outcome names the command where the
 * shell said which. */
static void
command_failed(struct action *a, const struct exec_result *r)
{
	char msg[600];

	plan_command_failure(r->exit_status, a->last_line, a->prev_line, msg, sizeof(msg));
	act_finish(a, ACTION_FAILED, "%s", msg);
}

/* The tags read after the command: any service that drifted from .env
 * before and runs .env's tag now is named, if .env decided it: not when
 * the script gave the tag itself (IMAGE_TAG=… before its up, exported,
 * or written into .env first: runbook_route_env_decides). A read that
 * fails adds nothing: the exit status stays the outcome. */
static void
tags_read(struct action *a, const struct exec_result *r)
{
	const char *names[WR_SERVICES_MAX], *before[WR_SERVICES_MAX], *after[WR_SERVICES_MAX];
	const struct compose_container *c;
	struct compose_ps ps;
	struct wr_err err;
	char env[128], words[600];
	const char *out = a->buf ? a->buf : "";
	size_t off, k;
	int i;

	parse_compose_env(out, a->len, &off, env, sizeof(env));
	if (!r->finished || r->exit_status != 0 ||
	    parse_compose_ps(out + off, a->len - off, &ps, &err) != 0) {
		act_finish(a, ACTION_OK, "%s", a->done_msg);
		return;
	}
	for (i = 0, k = 0; i < a->cfg->nservices; i++) {
		if (!runbook_route_env_decides(a->plan.steps[0].cmd, a->cfg->services[i]))
			continue;
		c = parse_compose_find(&ps, a->cfg->services[i]);
		names[k] = a->cfg->services[i];
		before[k] = a->ran_before[i];
		after[k++] = c != NULL ? c->tag : "";
	}
	if (envmark_brought_back(names, before, after, k, a->env_before, words,
	    sizeof(words)) > 0)
		act_finish(a, ACTION_OK, "%s; %s", a->done_msg, words);
	else
		act_finish(a, ACTION_OK, "%s", a->done_msg);
	parse_compose_free(&ps);
}

/* Exit 0: the outcome, after a read of the tags when a service drifted
 * from .env before. */
static void
command_ok(struct action *a)
{
	char cmd[WR_CMD_MAX];
	struct wr_err err;
	bool drifted = false;
	int i;

	snprintf(a->done_msg, sizeof(a->done_msg), "%s exited 0%s%s",
	    a->plan.steps[a->plan.nsteps - 1].name, a->last_line[0] ? "; last line: " : "",
	    a->last_line);
	for (i = 0; i < a->cfg->nservices; i++)
		drifted |= envmark_drift(a->env_before, a->ran_before[i]);
	if (!drifted || driver_cmd_compose_poll(a->cfg, cmd, sizeof(cmd), &err) != 0 ||
	    act_read_cmd(a, cmd, 15000, tags_read) != 0) {
		act_finish(a, ACTION_OK, "%s", a->done_msg);
		return;
	}
	wr_strlcpy(a->step_name, "read the tags", sizeof(a->step_name));
}

static struct action *
ready(const struct action_env *env, int host, int svc, const char *verb, const char *prefix,
    struct wr_err *err)
{
	const struct config_host *h = &env->cfg->hosts[host];

	if (h->read_only)
		return wr_err_set(err, "%s is read_only in the config: never a target", h->name),
		    NULL;
	if (ssh_pool_session(env->pool, host) == NULL)
		return wr_err_set(err, "%s is not UP", h->name), NULL;
	return act_new(env, host, svc, verb, prefix);
}

struct action *
action_command_start(const struct action_env *env, int host, const char *script,
    const char *origin, const char *said, const char *warning, struct wr_err *err)
{
	struct action *a;

	if ((a = ready(env, host, 0, "runbook command", "rc", err)) == NULL)
		return NULL;
	if (plan_command(a->cfg, script, origin, said, warning, &a->plan, err) != 0) {
		free(a);
		return NULL;
	}
	a->step_failed = command_failed;
	if (a->cfg->driver == DRIVER_COMPOSE)
		a->exited_ok = command_ok;
	a->state = ACTION_CONFIRMING;
	return a;
}

struct action *
action_migrate_down_start(const struct action_env *env, int host, int svc,
    enum plan_schema schema, const char *database, const char *expected, struct wr_err *err)
{
	struct action *a;

	if ((a = ready(env, host, svc, "migration downgrade", "md", err)) == NULL)
		return NULL;
	if (plan_migrate_down(a->cfg, svc, schema, database, expected,
	    env->cfg->health_timeout_ms / 1000, &a->plan, err) != 0) {
		free(a);
		return NULL;
	}
	a->gate_ok = downgrade_ok;
	a->precheck = precheck_readyz;
	a->planned_schema = schema;
	a->state = ACTION_CONFIRMING;
	return a;
}
