/*
 * action_command.c — actions that are one shown command: a runbook
 * step's shell (placeholders already filled by the engineer) and the
 * migration downgrade. No plan is read from the host and there is no
 * stale check: what runs is exactly what the dialog showed. A runbook
 * command's exit status is its outcome (its script stops at the first
 * command that fails, named when the shell says which); the downgrade is
 * then gated on /readyz reporting the migrations current.
 */
#include "action_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/ssh.h"

static void
downgrade_ok(struct action *a)
{
	if (a->migrations_stale)
		act_finish(a, ACTION_FAILED, "alembic downgrade -1 ran, but /readyz still reports "
		    "migrations_current false");
	else
		act_finish(a, ACTION_OK, "alembic downgrade -1 ran; /readyz answers 200 with the "
		    "migrations current");
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
    const char *origin, const char *said, struct wr_err *err)
{
	struct action *a;

	if ((a = ready(env, host, 0, "runbook command", "rc", err)) == NULL)
		return NULL;
	if (plan_command(a->cfg, script, origin, said, &a->plan, err) != 0) {
		free(a);
		return NULL;
	}
	a->step_failed = command_failed;
	a->state = ACTION_CONFIRMING;
	return a;
}

struct action *
action_migrate_down_start(const struct action_env *env, int host, int svc,
    enum plan_schema schema, struct wr_err *err)
{
	struct action *a;

	if ((a = ready(env, host, svc, "migration downgrade", "md", err)) == NULL)
		return NULL;
	if (plan_migrate_down(a->cfg, svc, schema, env->cfg->health_timeout_ms / 1000,
	    &a->plan, err) != 0) {
		free(a);
		return NULL;
	}
	a->gate_ok = downgrade_ok;
	a->state = ACTION_CONFIRMING;
	return a;
}
