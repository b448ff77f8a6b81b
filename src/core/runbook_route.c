/*
 * runbook_route.c — a step's shell commands go through a built-in action
 * only when that action does all of them: one command that starts it (a
 * compose rollback with IMAGE_TAG, kubectl rollout undo, helm rollback,
 * the kill switch, alembic downgrade) and at most the commands it runs
 * itself (the pull of the same tag and services before `up -d`, the
 * rollout status after an undo or `set env`, the `up -d` after a .env
 * kill switch), one per line. Anything else (another command, `&&` or
 * `;`, sudo) runs the whole script as written: the engineer sees it in
 * the dialog, rather than a part of it vanishing.
 *
 * Two things run neither way. A line whose first word is no command name
 * is output pasted among the commands. Two rollbacks (or kill switches,
 * or downgrades) in one step are most often alternatives ("undo; or to a
 * chosen revision: undo --to-revision=N"), and a script would run both,
 * the second undoing past the good version; the built-in does one. One
 * that can run more than once (in a for/while/until loop, run by xargs,
 * parallel or watch, in a function called twice) is refused the same
 * way. The engineer is told to split the step, or to use HOSTS' own keys.
 */
#include "warroom/runbook_route.h"
#include "warroom/runbook_target.h"

#include <stdio.h>
#include <stdlib.h>
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

/* A `rollout status` of what p changes, waiting as long as it does: timed,
 * its own --timeout (a duration) is the wait the built-in then takes; not
 * timed, it names none. */
static bool
status_of(const struct runbook_action *s, const char *kind, const char *name,
    const struct runbook_action *p, bool timed)
{
	const char *v = runbook_action_arg(s, "timeout");

	return s->kind == RUNBOOK_ACT_K8S_STATUS &&
	    (v == NULL || (timed && runbook_target_duration(v) > 0)) &&
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
		/* Its --timeout becomes the gate's wait, as helm's does. */
		return ci > pi && status_of(ca, runbook_action_arg(pa, "kind"),
		    runbook_action_arg(pa, "name"), pa, true);
	case RUNBOOK_ACT_KILLSWITCH:
		/* The kill switch waits the config's health timeout: one of its
		 * own would be dropped, so it runs as written. */
		if (driver != NULL && strcmp(driver, "k8s") == 0)
			return ci > pi && status_of(ca, "deployment", runbook_action_arg(pa, "service"),
			    pa, false);
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

/* A command's text on one line, cut to fit a sentence. */
static void quote(const struct runbook_command *c, char *buf, size_t cap);

/* Why the built-in that p (command pi) starts does not do c (command ci),
 * in words an engineer reads in the dialog: what the runbook's line does
 * that the built-in would not. */
static void
not_covered(const struct runbook_command *p, size_t pi, const struct runbook_command *c,
    size_t ci, char *buf, size_t cap)
{
	const struct runbook_action *pa = &p->action, *ca = &c->action;
	const char *v = runbook_action_arg(ca, "timeout");
	char q[64];

	if (pa->kind == RUNBOOK_ACT_K8S_UNDO && ca->kind == RUNBOOK_ACT_K8S_STATUS) {
		if (v != NULL && runbook_target_duration(v) < 0)
			snprintf(buf, cap, "the rollout status of line %d waits --timeout=%s, which is "
			    "no duration the built-in can wait (5m, 300s)", c->line, v);
		else if (ci < pi)
			snprintf(buf, cap, "the rollout status of line %d comes before the undo of "
			    "line %d", c->line, p->line);
		else
			snprintf(buf, cap, "the rollout status of line %d watches another "
			    "deployment, namespace or context than the undo of line %d", c->line,
			    p->line);
		return;
	}
	if (pa->kind == RUNBOOK_ACT_KILLSWITCH && ca->kind == RUNBOOK_ACT_K8S_STATUS &&
	    v != NULL && ci > pi) {
		snprintf(buf, cap, "the rollout status of line %d waits with its own --timeout=%s, "
		    "and the built-in kill switch waits as long as the config's health timeout "
		    "instead", c->line, v);
		return;
	}
	if (pa->kind == RUNBOOK_ACT_COMPOSE_UP && ca->kind == RUNBOOK_ACT_COMPOSE_PULL) {
		if (ci > pi)
			snprintf(buf, cap, "the pull of line %d comes after the up -d of line %d",
			    c->line, p->line);
		else if (nargs_of(ca, "service") == 0)
			snprintf(buf, cap, "the pull of line %d names no service, so it pulls every "
			    "image; the built-in pulls only the services the up -d of line %d names",
			    c->line, p->line);
		else if (!services_within(ca, pa))
			snprintf(buf, cap, "the pull of line %d pulls a service the up -d of line %d "
			    "does not name", c->line, p->line);
		else
			snprintf(buf, cap, "the pull of line %d does not set IMAGE_TAG alone, to the "
			    "up -d's tag of line %d", c->line, p->line);
		return;
	}
	quote(c, q, sizeof(q));
	snprintf(buf, cap, "`%s` (line %d) is not part of what the built-in %s of line %d "
	    "does", q, c->line, runbook_action_name(pa->kind), p->line);
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

static bool
image_tag_set(const struct runbook_command *c)
{
	size_t a;

	for (a = 0; a < c->nassigns; a++)
		if (strncmp(c->assigns[a], "IMAGE_TAG=", 10) == 0)
			return true;
	return false;
}

/* The command that runs the command it is given, again and again:
 * "xargs", "parallel", "watch" (after sudo); NULL for any other. */
static const char *
repeater_of(const struct runbook_command *c)
{
	static const char *const rep[] = { "xargs", "parallel", "watch" };
	size_t i = 0, k;

	if (c->argc > 0 && strcmp(c->argv[0], "sudo") == 0)
		for (i = 1; i < c->argc && c->argv[i][0] == '-'; i++)
			;
	for (k = 0; i < c->argc && k < WR_ARRAY_LEN(rep); k++)
		if (strcmp(c->argv[i], rep[k]) == 0)
			return rep[k];
	return NULL;
}

/* Where the tool c runs starts in its words: after sudo and its options,
 * and after xargs, parallel or watch with theirs (the first word that is
 * a tool a built-in action knows). */
static size_t
tool_at(const struct runbook_command *c)
{
	static const char *const tools[] = { "kubectl", "helm", "docker", "docker-compose" };
	char *const *v = c->argv;
	size_t i = 0, j, k;

	if (c->argc > 0 && strcmp(v[0], "sudo") == 0)
		for (i = 1; i < c->argc && v[i][0] == '-'; i++)
			;
	if (repeater_of(c) == NULL)
		return i;
	for (j = i + 1; j < c->argc; j++)
		for (k = 0; k < WR_ARRAY_LEN(tools); k++)
			if (strcmp(v[j], tools[k]) == 0)
				return j;
	return i;
}

/* The rollback, kill switch or downgrade c makes, recognised or not
 * (sudo, an option the built-in lacks, inside an if, run by xargs):
 * "rollback", "kill switch", "downgrade"; NULL for anything else. */
static const char *
change_of(const struct runbook_command *c)
{
	char *const *v = c->argv;
	size_t i = tool_at(c), k, alembic = 0;

	if (starts_action(c))
		return c->action.kind == RUNBOOK_ACT_KILLSWITCH ? "kill switch" :
		    c->action.kind == RUNBOOK_ACT_MIGRATE_DOWN ? "downgrade" : "rollback";
	for (k = i; k < c->argc; k++) {
		if (strcmp(v[k], "alembic") == 0 && alembic == 0)
			alembic = k + 1;
		if (k == i)
			continue;
		if (strcmp(v[i], "kubectl") == 0 && strcmp(v[k - 1], "rollout") == 0 &&
		    strcmp(v[k], "undo") == 0)
			return "rollback";
		if (strcmp(v[i], "helm") == 0 && strcmp(v[k], "rollback") == 0)
			return "rollback";
		if (alembic > 0 && strcmp(v[k], "downgrade") == 0)
			return "downgrade";
		if ((strcmp(v[i], "docker") == 0 || strcmp(v[i], "docker-compose") == 0) &&
		    strcmp(v[k], "up") == 0 && image_tag_set(c))
			return "rollback";
	}
	return NULL;
}

/* HOSTS' key that makes change alone. */
static const char *
key_of(const char *change)
{
	return strcmp(change, "kill switch") == 0 ? "X" : strcmp(change, "downgrade") == 0 ?
	    "M" : "r";
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

/* The route of the shell commands of blks[0..nblks), in that order: one
 * step's shell blocks, or (section) a section's own. */
static void
route_over(const struct runbook_block *const *blks, size_t nblks, bool section,
    struct runbook_route *r)
{
	const struct runbook_command *cmds[256], *first = NULL;
	size_t n = 0, i, b, c, pi = 0;
	const struct runbook_command *plain = NULL, *sudo = NULL, *chained = NULL;
	const struct runbook_command *output = NULL, *change[2] = { NULL, NULL }, *again = NULL;
	const struct runbook_block *outblk = NULL;
	bool known = false;
	char q[64], q2[80];

	memset(r, 0, sizeof(*r));
	for (b = 0; b < nblks; b++) {
		const struct runbook_block *blk = blks[b];

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
			if (cmd->output && output == NULL) {
				output = cmd;
				outblk = blk;
			}
			if (change_of(cmd) != NULL && change[1] == NULL)
				change[change[0] != NULL] = cmd;
			if (change_of(cmd) != NULL && again == NULL &&
			    (cmd->repeats[0] != '\0' || repeater_of(cmd) != NULL))
				again = cmd;
			if (starts_action(cmd) && first == NULL) {
				first = cmd;
				pi = n - 1;
			}
		}
	}
	if (n == 0)
		return;
	if (output != NULL) {
		r->path = RUNBOOK_PATH_REFUSED;
		r->line = output->line;
		if (strcmp(output->argv[0], "$") == 0)
			snprintf(r->why, sizeof(r->why), RUNBOOK_ROUTE_REFUSES "line %d starts with a "
			    "$ prompt: label the block console to run only its $ lines", output->line);
		else
			snprintf(r->why, sizeof(r->why), RUNBOOK_ROUTE_REFUSES "line %d starts with "
			    "`%s`, which is no command name: output is never run (put it in a "
			    "block of its own, labelled text)", output->line, outblk->output_word);
		return;
	}
	if (again != NULL) {
		/* It may run twice: as two written ones, the second would undo
		 * past the good version (or switch, or drop, once more). */
		r->path = RUNBOOK_PATH_REFUSED;
		r->line = again->line;
		quote(again, q, sizeof(q));
		if (again->repeats[0] != '\0')
			snprintf(q2, sizeof(q2), "inside %s", again->repeats);
		else
			snprintf(q2, sizeof(q2), "run by %s", repeater_of(again));
		snprintf(r->why, sizeof(r->why), RUNBOOK_ROUTE_REFUSES "`%s` (line %d) is a %s %s, "
		    "which can run it more than once, like two %ss in one %s: write it once, "
		    "outside, or use %s in HOSTS", q, again->line, change_of(again), q2,
		    change_of(again), section ? "section" : "step", key_of(change_of(again)));
		return;
	}
	if (change[1] != NULL) {
		const char *c0 = change_of(change[0]), *c1 = change_of(change[1]);
		bool same_kind = strcmp(c0, c1) == 0;
		char what[64];

		if (same_kind)
			snprintf(what, sizeof(what), "two %ss", c0);
		else
			snprintf(what, sizeof(what), "a %s and a %s", c0, c1);
		r->path = RUNBOOK_PATH_REFUSED;
		r->line = change[1]->line;
		quote(change[0], q, sizeof(q));
		quote(change[1], q2, sizeof(q2));
		snprintf(r->why, sizeof(r->why), RUNBOOK_ROUTE_REFUSES "`%s` (line %d) and `%s` "
		    "(line %d) are %s in one %s, which x would run one after the other: give each a "
		    "step of its own, or use %s%s%s in HOSTS", q, change[0]->line, q2,
		    change[1]->line, what, section ? "section" : "step", key_of(c0),
		    same_kind ? "" : " and ", same_kind ? "" : key_of(c1));
		return;
	}
	r->path = RUNBOOK_PATH_SCRIPT;
	/* What the dialog must then say runs unverified. */
	if (change[0] != NULL) {
		r->change = change_of(change[0]);
		r->change_cmd = change[0];
	}
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
	if (n > WR_ARRAY_LEN(cmds)) {
		snprintf(r->why, sizeof(r->why), "runs as written: %zu commands", n);
		return;
	}
	for (i = 0; i < n; i++) {
		const char *v = runbook_action_arg(&cmds[i]->action, "timeout");
		char why[320];

		if (i == pi)
			continue;
		if (!covers(first, pi, cmds[i], i, &r->service)) {
			not_covered(first, pi, cmds[i], i, why, sizeof(why));
			snprintf(r->why, sizeof(r->why), "runs as written: %s", why);
			r->service = NULL;
			r->wait_s = 0;
			return;
		}
		if (cmds[i]->action.kind != RUNBOOK_ACT_K8S_STATUS || v == NULL)
			continue;
		/* Two waits the gate cannot both keep: neither is dropped. */
		if (r->wait_s > 0 && runbook_target_duration(v) != r->wait_s) {
			snprintf(r->why, sizeof(r->why), "runs as written: the rollout status of "
			    "line %d waits --timeout=%s, and that of line %d another time; the "
			    "built-in waits once", cmds[i]->line, v, r->wait_line);
			r->service = NULL;
			r->wait_s = 0;
			return;
		}
		r->wait_s = runbook_target_duration(v);
		r->wait_line = cmds[i]->line;
		wr_strlcpy(r->wait, v, sizeof(r->wait));
	}
	r->path = RUNBOOK_PATH_BUILTIN;
	r->builtin = first;
	r->change = NULL;
	r->change_cmd = NULL;
	snprintf(r->why, sizeof(r->why), "runs through the built-in %s (line %d), with its "
	    "checks%s", runbook_action_name(first->action.kind), first->line, n > 1 ?
	    "; the other lines are part of it" : "");
	if (r->wait_s > 0)
		snprintf(r->why + strlen(r->why), sizeof(r->why) - strlen(r->why), "; its health "
		    "gate waits the --timeout=%s of line %d", r->wait, r->wait_line);
}

void
runbook_route_of(const struct runbook *rb, size_t section, size_t step,
    struct runbook_route *r)
{
	const struct runbook_block **blks = xmalloc((rb->nblocks + 1) * sizeof(*blks));
	size_t b, n = 0;

	for (b = 0; b < rb->nblocks; b++)
		if (runbook_route_block(&rb->blocks[b], section, step))
			blks[n++] = &rb->blocks[b];
	route_over(blks, n, step == WR_RUNBOOK_NONE, r);
	free(blks);
}

/* Whether c runs docker compose (as docker or docker-compose, sudo or not). */
static bool
runs_compose(const struct runbook_command *c)
{
	size_t i;

	for (i = 0; i < c->argc && i < 4; i++)
		if (strcmp(c->argv[i], "docker") == 0 || strcmp(c->argv[i], "docker-compose") == 0)
			return true;
	return false;
}

void
runbook_route_unverified(const struct runbook_route *r, char *buf, size_t cap)
{
	static const char *const prefix = "runs as written: ";
	const char *why = NULL;
	char q[64], reason[400];

	if (cap == 0)
		return;
	buf[0] = '\0';
	if (r->path != RUNBOOK_PATH_SCRIPT || r->change == NULL)
		return;
	if (strncmp(r->why, prefix, strlen(prefix)) == 0)
		why = r->why + strlen(prefix);
	quote(r->change_cmd, q, sizeof(q));
	if (why != NULL)
		snprintf(reason, sizeof(reason), "%s", why);
	else if (under_sudo(r->change_cmd))
		snprintf(reason, sizeof(reason), "`%s` (line %d) runs under sudo, and the built-in "
		    "would run it as the ssh user", q, r->change_cmd->line);
	else if (r->change_cmd->compound)
		snprintf(reason, sizeof(reason), "`%s` (line %d) is inside an if, a case, a group "
		    "or a pipeline", q, r->change_cmd->line);
	else
		snprintf(reason, sizeof(reason), "`%s` (line %d) has an option, a variable or a "
		    "form the built-in does not take", q, r->change_cmd->line);
	/* Said plainly: what the built-in would have checked is not checked. */
	snprintf(buf, cap, "NOT the built-in %s, so nothing verifies it: %s. The script runs as "
	    "written and its exit status is the outcome: no read-back of what runs after it, no "
	    "health gate%s", r->change, reason, strcmp(r->change, "rollback") == 0 &&
	    runs_compose(r->change_cmd) ? "; .env keeps its IMAGE_TAG (the built-in would set "
	    "it)" : "");
}

static void scan_script(struct runbook *rb, struct runbook_block *b, const char *script);
static void scan_free(struct runbook *rb, struct runbook_block *b);

bool
runbook_route_script_change(const char *script, const char *change, char *cmd, size_t cap)
{
	struct runbook rb;
	struct runbook_block b;
	const char *c;
	bool found = false;
	size_t i;

	if (cap > 0)
		cmd[0] = '\0';
	/* The runbook's own reading of a block: the same commands x tells. */
	scan_script(&rb, &b, script);
	for (i = 0; i < b.ncmds && !found; i++)
		if ((c = change_of(&b.cmds[i])) != NULL && strcmp(c, change) == 0) {
			quote(&b.cmds[i], cmd, cap);
			found = true;
		}
	scan_free(&rb, &b);
	return found;
}

/* The value of option o at argv[*i] ("--o v" or "--o=v"), advancing *i;
 * NULL when argv[*i] is not o. */
static const char *
opt_value(char *const *argv, size_t argc, size_t *i, const char *o)
{
	size_t n = strlen(o);

	if (strcmp(argv[*i], o) == 0)
		return *i + 1 < argc ? argv[++*i] : "";
	if (strncmp(argv[*i], o, n) == 0 && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	return NULL;
}

/* Whether c is a compose `up` that .env's IMAGE_TAG decides for service:
 * no IMAGE_TAG= of its own (exported: set before it), no --env-file but
 * .env, and service among those it names (or none named: all). */
static bool
plain_up_of(const struct runbook_command *c, bool exported, const char *service)
{
	static const char *const global_opts[] = {
		"-f", "--file", "-p", "--project-name", "--project-directory", "--profile",
		"--ansi", "--progress", "--parallel",
	};
	static const char *const up_opts[] = {
		"--scale", "-t", "--timeout", "--wait-timeout", "--pull", "--exit-code-from",
		"--attach", "--no-attach",
	};
	char *const *v = c->argv;
	size_t i = tool_at(c), k;
	bool named = false, any = false;
	const char *e;

	if (exported || image_tag_set(c) || i >= c->argc)
		return false;
	if (strcmp(v[i], "docker") == 0 && i + 1 < c->argc && strcmp(v[i + 1], "compose") == 0)
		i += 2;
	else if (strcmp(v[i], "docker-compose") == 0)
		i++;
	else
		return false;
	for (; i < c->argc && v[i][0] == '-'; i++) {
		if ((e = opt_value(v, c->argc, &i, "--env-file")) != NULL) {
			if (strcmp(e, ".env") != 0 && strcmp(e, "./.env") != 0)
				return false;   /* another file: what it says is not known */
			continue;
		}
		for (k = 0; k < WR_ARRAY_LEN(global_opts); k++)
			if (opt_value(v, c->argc, &i, global_opts[k]) != NULL)
				break;
	}
	if (i >= c->argc || strcmp(v[i], "up") != 0)
		return false;
	for (i++; i < c->argc; i++) {
		if (v[i][0] == '-') {
			for (k = 0; k < WR_ARRAY_LEN(up_opts); k++)
				if (opt_value(v, c->argc, &i, up_opts[k]) != NULL)
					break;
			continue;
		}
		any = true;
		named = named || strcmp(v[i], service) == 0;
	}
	return !any || named;
}

/* script (shell text as it runs) read as one block, as x reads a step's. */
static void
scan_script(struct runbook *rb, struct runbook_block *b, const char *script)
{
	memset(rb, 0, sizeof(*rb));
	memset(b, 0, sizeof(*b));
	b->kind = RUNBOOK_BLOCK_SHELL;
	b->fenced = true;
	b->info = b->lang = (char *)"sh";
	b->text = (char *)script;
	b->len = strlen(script);
	b->first_line = 1;
	b->step = WR_RUNBOOK_NONE;
	runbook_shell_scan(rb, b);
}

static void
scan_free(struct runbook *rb, struct runbook_block *b)
{
	size_t i;

	runbook_cmds_free(b->cmds, b->ncmds);
	free(b->output_word);
	for (i = 0; i < rb->ndiags; i++)
		free(rb->diags[i].msg);
	free(rb->diags);
}

bool
runbook_route_plain_up(const char *script, const char *service)
{
	struct runbook rb;
	struct runbook_block b;
	bool exported = false, found = false;
	size_t i, k;

	scan_script(&rb, &b, script);
	for (i = 0; i < b.ncmds && !found; i++) {
		const struct runbook_command *c = &b.cmds[i];

		found = plain_up_of(c, exported, service);
		/* `export IMAGE_TAG=…`: every compose after it has its own tag. */
		for (k = 1; c->argc > 0 && strcmp(c->argv[0], "export") == 0 && k < c->argc; k++)
			exported = exported || strncmp(c->argv[k], "IMAGE_TAG=", 10) == 0;
	}
	scan_free(&rb, &b);
	return found;
}

/* Whether c writes an IMAGE_TAG line into a file named .env: `sed -i`
 * (sudo or not) with an IMAGE_TAG= in its expression, as the runbooks'
 * keep-the-tag step does. */
static bool
writes_env_tag(const struct runbook_command *c)
{
	char *const *v = c->argv;
	size_t i = 0;
	bool inplace = false, sets = false, env = false;
	const char *base;

	if (c->argc > 0 && strcmp(v[0], "sudo") == 0)
		for (i = 1; i < c->argc && v[i][0] == '-'; i++)
			;
	if (i >= c->argc || strcmp(v[i], "sed") != 0)
		return false;
	for (i++; i < c->argc; i++) {
		base = strrchr(v[i], '/');
		base = base != NULL ? base + 1 : v[i];
		if (strncmp(v[i], "-i", 2) == 0 || strncmp(v[i], "--in-place", 10) == 0)
			inplace = true;
		else if (strstr(v[i], "IMAGE_TAG=") != NULL)
			sets = true;
		else if (strcmp(base, ".env") == 0)
			env = true;
	}
	return inplace && sets && env;
}

bool
runbook_route_env_decides(const char *script, const char *service)
{
	struct runbook rb;
	struct runbook_block b;
	bool exported = false, written = false, found = false;
	size_t i, k;

	scan_script(&rb, &b, script);
	for (i = 0; i < b.ncmds && !found; i++) {
		const struct runbook_command *c = &b.cmds[i];

		found = !written && plain_up_of(c, exported, service);
		written = written || writes_env_tag(c);
		for (k = 1; c->argc > 0 && strcmp(c->argv[0], "export") == 0 && k < c->argc; k++)
			exported = exported || strncmp(c->argv[k], "IMAGE_TAG=", 10) == 0;
	}
	scan_free(&rb, &b);
	return found;
}

/* Which step (or, after the steps, section's own) b belongs to. */
static size_t
owner(const struct runbook *rb, const struct runbook_block *b)
{
	return b->step != WR_RUNBOOK_NONE ? b->step : rb->nsteps + b->section;
}

/* The block whose lines (fences included) hold line, or NULL; blocks are
 * in the order of the document. */
static const struct runbook_block *
block_at(const struct runbook *rb, int line)
{
	size_t lo = 0, hi = rb->nblocks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct runbook_block *b = &rb->blocks[mid];

		if (line < b->line)
			hi = mid;
		else if (line > b->first_line + b->nlines - (b->fenced ? 0 : 1))
			lo = mid + 1;
		else
			return b;
	}
	return NULL;
}

void
runbook_route_check(struct runbook *rb)
{
	/* Every step's blocks at once, by counting sort: a long runbook is
	 * checked in one pass, not a pass over every block per step. */
	size_t nown = rb->nsteps + rb->nsections, b, k, *at = xcalloc(nown + 2, sizeof(*at));
	const struct runbook_block **by = xmalloc((rb->nblocks + 1) * sizeof(*by));
	const struct runbook_block *e;
	bool *bad = xcalloc(nown + 1, sizeof(*bad));
	struct runbook_route r;
	size_t nerr = rb->ndiags;

	for (b = 0; b < rb->nblocks; b++)
		if (owner(rb, &rb->blocks[b]) < nown &&
		    runbook_route_block(&rb->blocks[b], rb->blocks[b].section, rb->blocks[b].step))
			at[owner(rb, &rb->blocks[b]) + 2]++;
	for (k = 2; k < nown + 2; k++)
		at[k] += at[k - 1];
	for (b = 0; b < rb->nblocks; b++)
		if (owner(rb, &rb->blocks[b]) < nown &&
		    runbook_route_block(&rb->blocks[b], rb->blocks[b].section, rb->blocks[b].step))
			by[at[owner(rb, &rb->blocks[b]) + 1]++] = &rb->blocks[b];
	/* A step refused already (a fence never closed reads the next steps
	 * as its lines) gets no second error for the same cause. */
	for (k = 0; k < nerr; k++)
		if (rb->diags[k].severity == RUNBOOK_ERROR &&
		    (e = block_at(rb, rb->diags[k].line)) != NULL && owner(rb, e) < nown)
			bad[owner(rb, e)] = true;
	for (k = 0; k < nown; k++) {
		if (at[k + 1] == at[k] || bad[k])
			continue;
		route_over(by + at[k], at[k + 1] - at[k], k >= rb->nsteps, &r);
		if (r.path == RUNBOOK_PATH_REFUSED)
			runbook_diag(rb, RUNBOOK_ERROR, r.line, "%s",
			    r.why + strlen(RUNBOOK_ROUTE_REFUSES));
	}
	free(at);
	free(by);
	free(bad);
}
