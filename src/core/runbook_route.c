/*
 * runbook_route.c — a step's shell commands go through a built-in action
 * only when that action does all of them: one command that starts it (a
 * compose rollback with IMAGE_TAG, kubectl rollout undo, helm rollback,
 * the kill switch, alembic downgrade) and at most the commands it runs
 * itself (the pull of the same tag and services before `up -d`, the
 * rollout status after an undo or `set env`, the `up -d` after a .env
 * kill switch), one per line. Anything else (another command, `&&` or
 * `;`, sudo, two actions) runs the whole script as written: the engineer
 * sees it in the dialog, rather than a part of it vanishing.
 */
#include "warroom/runbook_route.h"

#include <stdio.h>
#include <string.h>

bool
runbook_route_block(const struct runbook_block *b, size_t section, size_t step)
{
	return b->step == step && (step != WR_RUNBOOK_NONE || b->section == section) &&
	    b->kind == RUNBOOK_BLOCK_SHELL && b->ncmds > 0;
}

/* Commands that start a built-in action by themselves. */
static bool
starts_action(const struct runbook_command *c)
{
	switch (c->action.kind) {
	case RUNBOOK_ACT_K8S_UNDO:
	case RUNBOOK_ACT_HELM_ROLLBACK:
	case RUNBOOK_ACT_KILLSWITCH:
	case RUNBOOK_ACT_MIGRATE_DOWN:
		return true;
	case RUNBOOK_ACT_COMPOSE_UP:
		/* Without IMAGE_TAG an `up -d` is a redeploy, not a rollback. */
		return runbook_action_arg(&c->action, "image_tag") != NULL;
	default:
		return false;
	}
}

static bool
same(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

static size_t
nargs_of(const struct runbook_action *a, const char *key)
{
	size_t i, n = 0;

	for (i = 0; i < a->nargs; i++)
		n += strcmp(a->args[i].key, key) == 0;
	return n;
}

/* Every service= of a is one of b's. */
static bool
services_within(const struct runbook_action *a, const struct runbook_action *b)
{
	size_t i, j;

	for (i = 0; i < a->nargs; i++) {
		if (strcmp(a->args[i].key, "service") != 0)
			continue;
		for (j = 0; j < b->nargs; j++)
			if (strcmp(b->args[j].key, "service") == 0 &&
			    strcmp(b->args[j].value, a->args[i].value) == 0)
				break;
		if (j == b->nargs)
			return false;
	}
	return true;
}

/* A `rollout status` of what p changes, waiting as long as it does. */
static bool
status_of(const struct runbook_action *s, const char *kind, const char *name,
    const struct runbook_action *p)
{
	return s->kind == RUNBOOK_ACT_K8S_STATUS && runbook_action_arg(s, "timeout") == NULL &&
	    same(runbook_action_arg(s, "kind"), kind) && same(runbook_action_arg(s, "name"), name) &&
	    same(runbook_action_arg(s, "namespace"), runbook_action_arg(p, "namespace")) &&
	    same(runbook_action_arg(s, "context"), runbook_action_arg(p, "context"));
}

/* Does the built-in that p (command pi) starts do c (command ci) itself?
 * *service is set to the service a kill switch's `up -d` names. */
static bool
covers(const struct runbook_command *p, size_t pi, const struct runbook_command *c,
    size_t ci, const char **service)
{
	const struct runbook_action *pa = &p->action, *ca = &c->action;
	const char *driver = runbook_action_arg(pa, "driver");

	switch (pa->kind) {
	case RUNBOOK_ACT_COMPOSE_UP:
		/* The rollback pulls the target tag of the service first. */
		return ci < pi && ca->kind == RUNBOOK_ACT_COMPOSE_PULL &&
		    nargs_of(ca, "service") > 0 && services_within(ca, pa) &&
		    nargs_of(ca, "env") == 1 &&
		    same(runbook_action_arg(ca, "image_tag"), runbook_action_arg(pa, "image_tag"));
	case RUNBOOK_ACT_K8S_UNDO:
		return ci > pi && status_of(ca, runbook_action_arg(pa, "kind"),
		    runbook_action_arg(pa, "name"), pa);
	case RUNBOOK_ACT_KILLSWITCH:
		if (driver != NULL && strcmp(driver, "k8s") == 0)
			return ci > pi && status_of(ca, "deployment", runbook_action_arg(pa, "service"),
			    pa);
		/* .env set, then `up -d SERVICE` at the running tag: the built-in
		 * redeploys one service, so one named, and no variable. */
		if (ci < pi || ca->kind != RUNBOOK_ACT_COMPOSE_UP || nargs_of(ca, "env") > 0 ||
		    nargs_of(ca, "service") != 1 || nargs_of(pa, "env") > 0 ||
		    (runbook_action_arg(pa, "service") != NULL &&
		    !same(runbook_action_arg(pa, "service"), runbook_action_arg(ca, "service"))))
			return false;
		*service = runbook_action_arg(ca, "service");
		return true;
	default:
		return false;
	}
}

/* `sudo kubectl …`, `sudo docker compose …`: a tool a built-in action
 * runs, with privileges the built-in would not have. */
static bool
under_sudo(const struct runbook_command *c)
{
	static const char *const tools[] = { "kubectl", "helm", "docker", "docker-compose" };
	size_t i = 1, k;

	if (c->argc < 2 || strcmp(c->argv[0], "sudo") != 0)
		return false;
	while (i < c->argc && c->argv[i][0] == '-')
		i++;
	for (k = 0; i < c->argc && k < WR_ARRAY_LEN(tools); k++)
		if (strcmp(c->argv[i], tools[k]) == 0)
			return true;
	return false;
}

/* A command's text on one line, cut to fit a sentence. */
static void
quote(const struct runbook_command *c, char *buf, size_t cap)
{
	size_t i, n = 0;

	for (i = 0; i < c->len && n + 4 < cap && n < 48; i++)
		buf[n++] = c->text[i] == '\n' || c->text[i] == '\t' ? ' ' : c->text[i];
	buf[n] = '\0';
	if (i < c->len)
		snprintf(buf + n, cap - n, "…");
}

void
runbook_route_of(const struct runbook *rb, size_t section, size_t step,
    struct runbook_route *r)
{
	const struct runbook_command *cmds[256], *first = NULL, *second = NULL;
	size_t n = 0, i, b, c, pi = 0;
	const struct runbook_command *plain = NULL, *sudo = NULL, *chained = NULL;
	bool known = false;
	char q[64];

	memset(r, 0, sizeof(*r));
	for (b = 0; b < rb->nblocks; b++) {
		const struct runbook_block *blk = &rb->blocks[b];

		if (!runbook_route_block(blk, section, step))
			continue;
		for (c = 0; c < blk->ncmds; c++) {
			const struct runbook_command *cmd = &blk->cmds[c];

			if (n < WR_ARRAY_LEN(cmds))
				cmds[n] = cmd;
			n++;
			known = known || cmd->action.kind != RUNBOOK_ACT_NONE;
			if (sudo == NULL && under_sudo(cmd))
				sudo = cmd;
			if (cmd->action.kind == RUNBOOK_ACT_NONE && plain == NULL)
				plain = cmd;
			/* The last command's separator joins it to nothing. */
			if (cmd->sep[0] != '\0' && c + 1 < blk->ncmds && chained == NULL)
				chained = cmd;
			if (starts_action(cmd)) {
				if (first == NULL) {
					first = cmd;
					pi = n - 1;
				} else if (second == NULL)
					second = cmd;
			}
		}
	}
	if (n == 0)
		return;
	r->path = RUNBOOK_PATH_SCRIPT;
	if (sudo != NULL) {
		snprintf(r->why, sizeof(r->why), "runs as written, sudo and all (line %d): a "
		    "built-in action would run %s as the ssh user, without sudo", sudo->line,
		    sudo->argv[1][0] == '-' ? "it" : sudo->argv[1]);
		return;
	}
	if (!known) {
		snprintf(r->why, sizeof(r->why), "runs as written");
		return;
	}
	if (plain != NULL) {
		quote(plain, q, sizeof(q));
		snprintf(r->why, sizeof(r->why), "runs as written: it also runs `%s` (line %d)",
		    q, plain->line);
		return;
	}
	if (chained != NULL) {
		snprintf(r->why, sizeof(r->why), "runs as written: line %d joins commands with "
		    "%s, which a built-in action would not keep", chained->line, chained->sep);
		return;
	}
	if (first == NULL) {
		const struct runbook_command *k = cmds[0];

		if (k->action.kind == RUNBOOK_ACT_COMPOSE_UP)
			snprintf(r->why, sizeof(r->why), "runs as written: the up -d of line %d "
			    "names no IMAGE_TAG, so it is a redeploy, not a rollback", k->line);
		else
			snprintf(r->why, sizeof(r->why), "runs as written: %s (line %d) starts no "
			    "built-in action by itself", runbook_action_name(k->action.kind), k->line);
		return;
	}
	if (second != NULL) {
		snprintf(r->why, sizeof(r->why), "runs as written: %s (line %d) and %s (line %d) "
		    "are two built-in actions: give each a step of its own",
		    runbook_action_name(first->action.kind), first->line,
		    runbook_action_name(second->action.kind), second->line);
		return;
	}
	if (n > WR_ARRAY_LEN(cmds)) {
		snprintf(r->why, sizeof(r->why), "runs as written: %zu commands", n);
		return;
	}
	for (i = 0; i < n; i++)
		if (i != pi && !covers(first, pi, cmds[i], i, &r->service)) {
			snprintf(r->why, sizeof(r->why), "runs as written: %s (line %d) is not what "
			    "the built-in %s of line %d does", runbook_action_name(cmds[i]->action.kind),
			    cmds[i]->line, runbook_action_name(first->action.kind), first->line);
			r->service = NULL;
			return;
		}
	r->path = RUNBOOK_PATH_BUILTIN;
	r->builtin = first;
	snprintf(r->why, sizeof(r->why), "runs through the built-in %s (line %d), with its "
	    "checks%s", runbook_action_name(first->action.kind), first->line, n > 1 ?
	    "; the other lines are part of it" : "");
}
