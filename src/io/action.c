/*
 * action.c — runs a plan as a state machine on loop events. The journal
 * gets action.intent (the plan and its hash) before the first mutating
 * byte is sent and action.end (ok, failed or unknown, with the reason)
 * after verification. Nothing is retried: a step that fails ends the
 * action FAILED; a step whose connection dropped ends it UNKNOWN, and the
 * host is re-read once it is back, with what was found recorded as
 * action.reconcile.
 */
#include "warroom/action.h"
#include "action_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "warroom/exec.h"
#include "warroom/http.h"
#include "warroom/logset.h"
#include "warroom/obsrec.h"
#include "warroom/loop.h"
#include "warroom/badrel.h"
#include "warroom/driver_cmd.h"
#include "warroom/envfile.h"
#include "warroom/parse_compose.h"
#include "warroom/latedone.h"
#include "warroom/parse_helm.h"
#include "warroom/parse_k8s.h"
#include "warroom/probe.h"
#include "warroom/redact.h"
#include "warroom/relwritten.h"
#include "warroom/sanitize.h"
#include "warroom/sftp.h"
#include "warroom/ssh.h"
#include "warroom/timeline.h"
#include "warroom/tagspell.h"
#include "warroom/tunnel.h"

#define OUT_MAX (4 * 1024 * 1024)


const char *
action_state_name(enum action_state s)
{
	static const char *const names[] = {
		"PLANNING", "CONFIRMING", "CHECKING", "RUNNING", "VERIFYING", "OK",
		"FAILED", "UNKNOWN", "CANCELLED",
	};

	return (unsigned)s < sizeof(names) / sizeof(names[0]) ? names[s] : "?";
}

/* The action's kind as its records name it, also before a plan does. */
static const char *
act_kind(const struct action *a)
{
	if (strcmp(a->verb, "kill switch") == 0)
		return a->cfg->driver == DRIVER_K8S ? "k8s.killswitch" : "compose.killswitch";
	if (a->plan.action[0] != '\0')
		return a->plan.action;
	if (strcmp(a->verb, "rollback") == 0)
		return a->cfg->driver == DRIVER_K8S ? "k8s.undo" : a->cfg->driver == DRIVER_HELM ?
		    "helm.rollback" : "compose.rollback";
	return a->verb;
}

/* The runbook step (or section) x started a from, named in d as the
 * intent's plan names it: the step's mark and the post-mortem's
 * checklist say what happened there even when nothing ran. */
static void
step_of(const struct action *a, cJSON *d)
{
	if (a->runbook_step[0] != '\0')
		cJSON_AddStringToObject(d, a->runbook_section ? "runbook_section" : "runbook_step",
		    a->runbook_step);
}

/* A confirmed action that never ran, or one that could not be planned,
 * is in the journal with why: never only in the footer. */
static void
record_cancel(struct action *a)
{
	struct wr_err err;
	cJSON *d;

	a->cancel_told = true;
	if (a->env.tl == NULL)
		return;
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "action", act_kind(a));
	cJSON_AddStringToObject(d, "service", a->cfg->services[a->svc]);
	cJSON_AddStringToObject(d, "reason", a->reason);
	cJSON_AddBoolToObject(d, "confirmed", a->confirmed);
	/* Nothing to do: a step's row says SKIPPED, not REFUSED (stepran). */
	if (a->at_target)
		cJSON_AddBoolToObject(d, "at_target", true);
	if (a->chain[0] != '\0')
		cJSON_AddStringToObject(d, "chain", a->chain);
	step_of(a, d);
	/* A confirmed one carries its op: it settles the action.confirmed. */
	if (timeline_append(a->env.tl, "action.refused", a->cfg->name, a->confirmed ? a->op : NULL,
	    d, &err) != 0) {
		size_t n = strlen(a->reason);

		snprintf(a->reason + n, sizeof(a->reason) - n, " (NOT recorded in the timeline: %s)",
		    err.msg);
	}
}

void
act_changed(struct action *a)
{
	if (a->state == ACTION_CANCELLED && !a->cancel_told)
		record_cancel(a);
	if (a->env.on_change != NULL)
		a->env.on_change(a, a->env.arg);
}

/* ---- running one command ---- */

/* What a step printed, for its action.output record: the last lines,
 * since a failure is said at the end; each sanitized and cut. */
#define OUTPUT_LINES 30
#define OUTPUT_LINE_MAX 256             /* last_line's size: one sanitizing serves both */

_Static_assert(OUTPUT_LINE_MAX == sizeof(((struct action *)0)->last_line),
    "a kept line and last_line are cut alike");

struct run {
	struct action *a;
	act_step_fn next;
	bool quiet;                      /* a read: only stderr goes to LOGS */
	char tail[OUTPUT_LINES][OUTPUT_LINE_MAX];
	size_t nlines;                   /* lines printed in all */
};

/* Journal what a step that changes (or may change) the host printed;
 * kept while the journal cannot be written (timeline_append_keep). */
static void
record_output(struct action *a, const struct run *run, const struct exec_result *r)
{
	size_t first = run->nlines > OUTPUT_LINES ? run->nlines - OUTPUT_LINES : 0, i;
	struct wr_err err;
	cJSON *d, *lines;
	int rc;

	if (run->quiet || !a->intent_stored || a->env.tl == NULL)
		return;
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "step", a->step_name);
	if (r->finished)
		cJSON_AddNumberToObject(d, "exit", r->exit_status);
	else
		cJSON_AddStringToObject(d, "error", r->error);
	cJSON_AddNumberToObject(d, "lines_total", (double)run->nlines);
	lines = cJSON_AddArrayToObject(d, "lines");
	for (i = first; i < run->nlines; i++)
		cJSON_AddItemToArray(lines, cJSON_CreateString(run->tail[i % OUTPUT_LINES]));
	if ((rc = timeline_append_keep(a->env.tl, "action.output", a->cfg->name, a->op, d,
	    &err)) != 0 && a->env.out != NULL) {
		char msg[WR_ERR_MAX + 200];
		int n = snprintf(msg, sizeof(msg), "[%s %s] output of %s %s: %s", a->verb,
		    a->cfg->name, a->step_name, rc > 0 ? "not stored yet" : "NOT recorded",
		    err.msg);

		/* The outcome still is; the engineer sees the output in LOGS. */
		if (n > 0)
			logset_append_raw(a->env.out, WR_LOGSET_OWN, msg, strlen(msg), true);
	}
}

void
act_record_step(struct action *a, const char *step, const char *error, const char *line)
{
	struct wr_err err;
	cJSON *d, *lines;

	if (!a->intent_stored || a->env.tl == NULL)
		return;
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "step", step);
	if (error != NULL && error[0] != '\0')
		cJSON_AddStringToObject(d, "error", error);
	else
		cJSON_AddNumberToObject(d, "exit", 0);
	cJSON_AddNumberToObject(d, "lines_total", 1);
	lines = cJSON_AddArrayToObject(d, "lines");
	cJSON_AddItemToArray(lines, cJSON_CreateString(line));
	timeline_append_keep(a->env.tl, "action.output", a->cfg->name, a->op, d, &err);
}

static void
on_line(enum exec_stream s, const char *line, size_t len, bool cut, void *arg)
{
	struct run *run = arg;
	struct action *a = run->a;
	char buf[16384 + 256];
	int n;

	if (s == EXEC_STDOUT && a->len + len + 2 < OUT_MAX) {
		if (a->len + len + 2 > a->cap) {
			a->cap = (a->len + len + 2) * 2;
			a->buf = xrealloc(a->buf, a->cap);
		}
		memcpy(a->buf + a->len, line, len);
		a->len += len;
		a->buf[a->len++] = '\n';
		a->buf[a->len] = '\0';
	}
	/* It ends up in the outcome, so on the screen and in the journal: it
	 * is remote text and passes the sanitizer (DESIGN §3.5). */
	if (len > 0)
		memcpy(a->prev_line, a->last_line, sizeof(a->prev_line));
	if (!run->quiet) {
		/* Sanitized once, into the step's tail; the outcome's copy from it. */
		char *kept = run->tail[run->nlines++ % OUTPUT_LINES];

		sanitize_line(line, len, kept, OUTPUT_LINE_MAX);
		if (len > 0)
			wr_strlcpy(a->last_line, kept, sizeof(a->last_line));
	} else if (len > 0) {
		sanitize_line(line, len, a->last_line, sizeof(a->last_line));
	}
	/* The outcome quotes it on the screen (footer, HOSTS), which is shared
	 * on incident calls: redacted like LOGS, not only in the journal. */
	if (len > 0 && a->env.red != NULL) {
		char *red = redact_text(a->env.red, a->last_line);

		if (red != NULL && strcmp(red, a->last_line) != 0)
			sanitize_line(red, strlen(red), a->last_line, sizeof(a->last_line));
		free(red);
	}
	/* The engineer sees every line, sanitized and with secrets redacted
	 * (a command may print a DATABASE_URL). */
	n = snprintf(buf, sizeof(buf), "[%s %s/%s] %.*s", a->verb, a->cfg->name,
	    a->cfg->services[a->svc], (int)(len < 16000 ? len : 16000), line);
	if (a->env.out != NULL && n > 0 && (!run->quiet || s == EXEC_STDERR)) {
		size_t blen = (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1, clen;
		char *clean = sanitize_dup(buf, blen, &clen);
		char *shown = a->env.red != NULL ? redact_text(a->env.red, clean) : NULL;

		logset_append_raw(a->env.out, WR_LOGSET_OWN, shown ? shown : clean,
		    strlen(shown ? shown : clean), s == EXEC_STDERR);
		free(shown);
		free(clean);
	}
}

static void
on_done(const struct exec_result *r, void *arg)
{
	struct run *run = arg;
	struct action *a = run->a;
	act_step_fn next = run->next;

	record_output(a, run, r);
	free(run);
	a->cmd = NULL;
	next(a, r);
	act_changed(a);
}

static int
run_cmd(struct action *a, const char *cmd, bool mutating, bool quiet, int timeout_ms,
    act_step_fn next)
{
	struct run *run = xcalloc(1, sizeof(*run));
	struct exec_opts o = {
		.timeout_ms = timeout_ms,
		.on_line = on_line,
		.on_done = on_done,
		.arg = run,
		.mutating = mutating,
	};
	struct wr_err err;

	run->a = a;
	run->next = next;
	run->quiet = quiet;
	a->len = 0;
	if (a->buf)
		a->buf[0] = '\0';
	a->last_line[0] = a->prev_line[0] = '\0';
	a->cmd = exec_start(a->env.pool, a->host, cmd, &o, &err);
	if (a->cmd == NULL) {
		free(run);
		snprintf(a->reason, sizeof(a->reason), "%s", err.msg);
		return -1;
	}
	return 0;
}

int
act_run_cmd(struct action *a, const char *cmd, bool mutating, int timeout_ms, act_step_fn next)
{
	return run_cmd(a, cmd, mutating, false, timeout_ms, next);
}

int
act_read_cmd(struct action *a, const char *cmd, int timeout_ms, act_step_fn next)
{
	return run_cmd(a, cmd, false, true, timeout_ms, next);
}

struct action *
act_plan_read(struct action *a, const char *cmd, act_step_fn next, struct wr_err *err)
{
	if (act_read_cmd(a, cmd, 15000, next) == 0)
		return a;
	wr_err_set(err, "%s", a->reason);
	free(a);
	return NULL;
}

/* ---- the end ---- */

void
act_finish(struct action *a, enum action_state s, const char *fmt, ...)
{
	static const char *const outcome[] = { [ACTION_OK] = "ok", [ACTION_FAILED] = "failed",
		[ACTION_UNKNOWN] = "unknown" };
	cJSON *more = NULL, *ro;
	struct wr_err err;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(a->reason, sizeof(a->reason), fmt, ap);
	va_end(ap);
	if (a->export_note[0] != '\0') {
		/* What a rollback did to the export is part of any outcome. */
		size_t n = strlen(a->reason);

		snprintf(a->reason + n, sizeof(a->reason) - n, "; %s", a->export_note);
	}
	a->state = s;
	if (s == ACTION_FAILED && a->unfinished.revision > 0 && a->intent_stored &&
	    a->env.tl != NULL) {
		/* What the read-back found, as data: the rollout may still
		 * complete, and latedone tells it from this, not the words. */
		more = cJSON_CreateObject();
		ro = cJSON_AddObjectToObject(more, "rollout");
		cJSON_AddNumberToObject(ro, "revision", a->unfinished.revision);
		cJSON_AddStringToObject(ro, "tag", a->unfinished.tag);
		/* helm's history has no replica counts: its pods are read later. */
		if (a->cfg->driver != DRIVER_HELM) {
			cJSON_AddNumberToObject(ro, "ready", a->unfinished.ready);
			cJSON_AddNumberToObject(ro, "desired", a->unfinished.desired);
		}
	}
	if (s == ACTION_OK && a->env_stale && a->intent_stored && a->env.tl != NULL) {
		/* Done, but .env still names another tag: the outcome's words
		 * say so wherever they are shown (envmark_not_updated). */
		more = cJSON_CreateObject();
		cJSON_AddFalseToObject(more, "env_updated");
	}
	if (a->intent_stored && a->env.tl != NULL && (rc = timeline_action_end_with(a->env.tl,
	    a->op, a->cfg->name, outcome[s], a->reason, more, &err)) != 0) {
		size_t n = strlen(a->reason);

		/* Kept: the outcome holds, only its record waits for the disk;
		 * action_end_stored says when it is written. */
		snprintf(a->reason + n, sizeof(a->reason) - n, rc > 0 ?
		    " (its end is not stored yet: %s)" : " (NOT recorded: %s)", err.msg);
		if (rc > 0) {
			a->unstored_at = n;
			a->unstored_len = strlen(a->reason + n);
		}
	}
	if (a->finished != NULL)
		a->finished(a);
	if (s == ACTION_UNKNOWN && action_rereadable(a))
		act_reconcile_later(a);
	act_changed(a);
}

void
act_refuse(struct action *a, const char *fmt, ...)
{
	struct wr_err err;
	va_list ap;
	cJSON *d;

	va_start(ap, fmt);
	vsnprintf(a->reason, sizeof(a->reason), fmt, ap);
	va_end(ap);
	a->state = ACTION_CANCELLED;
	a->cancel_told = true;
	if (a->env.tl == NULL)
		return;
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "action", act_kind(a));
	cJSON_AddStringToObject(d, "service", a->cfg->services[a->svc]);
	cJSON_AddStringToObject(d, "reason", a->reason);
	step_of(a, d);
	if (timeline_append(a->env.tl, "action.refused", a->cfg->name, a->confirmed ? a->op : NULL,
	    d, &err) != 0) {
		size_t n = strlen(a->reason);

		snprintf(a->reason + n, sizeof(a->reason) - n, " (NOT recorded in the timeline: %s)",
		    err.msg);
	}
}

/* What a deployment read (its first len bytes) says of EXPORT_MODE in
 * container, as plan_export_word's: "" when not read. */
static void
export_word_of(const char *container, const char *buf, size_t len, char *out, size_t cap)
{
	struct k8s_env env;
	struct wr_err err;

	out[0] = '\0';
	if (container[0] == '\0' || parse_k8s_env(buf, len, container, &env, &err) != 0)
		return;
	plan_export_word(&env, "EXPORT_MODE", out, cap);
	parse_k8s_env_free(&env);
}

/* A k8s rollback read back (buf): what it did to EXPORT_MODE goes in its
 * outcome (export_note). */
static void
export_changed(struct action *a, const char *buf, size_t len)
{
	char after[64];

	if (a->cfg->driver != DRIVER_K8S || a->plan.export_now[0] == '\0')
		return;
	export_word_of(a->plan.export_container, buf, len, after, sizeof(after));
	plan_export_change(a->plan.service, a->plan.export_now, after, a->export_note,
	    sizeof(a->export_note));
}

int
act_read_current(struct action *a, const char *buf, size_t len, struct act_current *cur,
    struct wr_err *err)
{
	const char *svc = a->cfg->services[a->svc];

	memset(cur, 0, sizeof(*cur));
	if (a->cfg->driver == DRIVER_COMPOSE) {
		struct compose_ps ps;
		const struct compose_container *c;

		if (parse_compose_ps(buf, len, &ps, err) != 0)
			return -1;
		c = parse_compose_find(&ps, svc);
		if (c == NULL) {
			parse_compose_free(&ps);
			return wr_err_set(err, "%s has no %s container", a->cfg->name, svc);
		}
		wr_strlcpy(cur->tag, c->tag, sizeof(cur->tag));
		wr_strlcpy(cur->state, c->state, sizeof(cur->state));
		cur->settled = strcmp(c->state, "running") == 0;
		parse_compose_free(&ps);
	} else if (a->cfg->driver == DRIVER_K8S) {
		static const char *const rs[] = { "complete", "progressing", "stuck" };
		struct k8s_deploy d;
		enum k8s_rollout r;

		if (parse_k8s_deploy(buf, len, &d, err) != 0)
			return -1;
		r = parse_k8s_rollout(&d);
		if (d.ncontainers > 0)
			wr_strlcpy(cur->tag, d.containers[0].tag, sizeof(cur->tag));
		snprintf(cur->state, sizeof(cur->state), "revision %d, rollout %s", d.revision,
		    (unsigned)r < 3 ? rs[r] : "?");
		cur->revision = cur->newest_rev = d.revision;
		cur->settled = r == K8S_ROLLOUT_COMPLETE;
		cur->rolling = r == K8S_ROLLOUT_PROGRESSING;
	} else {
		struct helm_history h;

		if (parse_helm_history(buf, len, &h, err) != 0)
			return -1;
		if (h.current < 0) {
			parse_helm_history_free(&h);
			return wr_err_set(err, "release %s has no deployed revision", svc);
		}
		wr_strlcpy(cur->tag, h.items[h.current].app_version, sizeof(cur->tag));
		snprintf(cur->state, sizeof(cur->state), "revision %d %s",
		    h.items[h.current].revision, h.items[h.current].status);
		cur->revision = h.items[h.current].revision;
		cur->newest_rev = h.items[h.n - 1].revision;
		cur->settled = strcmp(h.items[h.current].status, "deployed") == 0;
		parse_helm_history_free(&h);
	}
	return 0;
}

/* Helm planning: cur (read from the history, buf[0..len)) becomes helm's
 * newest revision when the Deployment read after it (deploy) shows every
 * pod running it (rbtarget_helm_running), as HOSTS says: a rollback whose
 * --wait ran out left the bad revision "deployed", and planning from it
 * would offer the same rollback again. */
static void
helm_running(const char *buf, size_t len, const char *deploy, struct act_current *cur)
{
	struct helm_history h;
	struct k8s_deploy d;
	struct latedone_read r = { 0 };
	struct wr_err err;
	int run;

	if (parse_helm_history(buf, len, &h, &err) != 0)
		return;
	if (parse_k8s_deploy(deploy, strlen(deploy), &d, &err) == 0) {
		r.deploy_tag = d.ncontainers > 0 ? d.containers[0].tag : "";
		r.desired = d.replicas;
		r.ready = d.ready;
		r.updated = d.updated;
		r.complete = parse_k8s_rollout(&d) == K8S_ROLLOUT_COMPLETE;
		run = rbtarget_helm_running(&h, &r);
		if (run >= 0 && run != h.current) {
			wr_strlcpy(cur->tag, h.items[run].app_version, sizeof(cur->tag));
			snprintf(cur->state, sizeof(cur->state), "revision %d %s, all pods at it",
			    h.items[run].revision, h.items[run].status);
			cur->revision = h.items[run].revision;
			cur->settled = true;
		}
	}
	parse_helm_history_free(&h);
}

/* Still what the plan was made from? k8s and helm: the revision (a new
 * pod template, env included, is a new one). Helm: a plan made from its
 * newest revision (failed by a wait, its pods all at it: helm_running)
 * holds while that is still the newest. */
static bool
unchanged(const struct action *a, const struct act_current *cur)
{
	if (a->cfg->driver == DRIVER_HELM)
		return cur->revision == a->plan.from_rev || cur->newest_rev == a->plan.from_rev;
	if (a->cfg->driver != DRIVER_COMPOSE)
		return cur->revision == a->plan.from_rev;
	if (a->plan.keep_tag[0])
		return strcmp(cur->tag, a->plan.keep_tag) == 0;
	return strcmp(cur->tag, a->plan.from) == 0;
}

static const char *
from_text(const struct action *a, char *buf, size_t cap)
{
	if (a->plan.from_rev)
		snprintf(buf, cap, "revision %d (%s)", a->plan.from_rev, a->plan.from);
	else if (a->plan.keep_tag[0])
		snprintf(buf, cap, "%s", a->plan.keep_tag);
	else
		snprintf(buf, cap, "%s", a->plan.from);
	return buf;
}

/* ---- reconciliation after UNKNOWN ---- */

/* A re-read of a helm rollback whose --wait ended unseen (the console
 * quit, the connection dropped): helm's newest revision failed by that
 * wait at the target says it applied, as helm_unfinished says it live.
 * helm keeps the older revision deployed, so no further re-read learns
 * more: the poller's read of its pods settles it (latedone). Says so at
 * the end of found. */
static bool
reread_helm_waited(struct action *a, char *found, size_t cap)
{
	struct helm_history h;
	struct wr_err err;
	char tag[sizeof(a->unfinished.tag)];
	size_t n = strlen(found);
	int rev;
	bool waited;

	if (a->cfg->driver != DRIVER_HELM || strcmp(a->plan.action, "helm.rollback") != 0 ||
	    parse_helm_history(a->buf ? a->buf : "", a->len, &h, &err) != 0)
		return false;
	waited = latedone_helm_waited(&h, a->plan.from_rev, a->plan.to, &rev, tag, sizeof(tag));
	parse_helm_history_free(&h);
	if (!waited)
		return false;
	a->unfinished.revision = rev;
	a->unfinished.ready = a->unfinished.desired = 0;
	wr_strlcpy(a->unfinished.tag, tag, sizeof(a->unfinished.tag));
	a->rollout_watched = true;
	snprintf(found + n, cap - n, "; rollback applied (revision %d at %s, recorded failed)",
	    rev, tag);
	return true;
}

static void
reconciled(struct action *a, const struct exec_result *r)
{
	struct act_current cur;
	struct wr_err err;
	bool took, there;
	char found[512];

	if (!r->finished || r->exit_status != 0 ||
	    act_read_current(a, a->buf ? a->buf : "", a->len, &cur, &err) != 0) {
		act_reconcile_later(a);
		return;
	}
	/* Settled on the target: it took effect. Anything else may be the
	 * dropped command still at work (a slow recreate, a rollout), so it
	 * is read again, and never called a failure by a re-read. */
	there = a->plan.to[0] ? strcmp(cur.tag, a->plan.to) == 0 :
	    cur.revision > a->plan.from_rev;
	took = there && cur.settled;
	/* On the target with its rollout going: the header says the console
	 * waits for it, so nobody settles it by hand too early. */
	a->reread_rolling = there && cur.rolling;
	snprintf(found, sizeof(found), "%s: %s runs %s, %s", act_reread_words(a),
	    a->cfg->services[a->svc], cur.tag, cur.state);
	export_changed(a, a->buf ? a->buf : "", a->len);
	if (a->export_note[0] != '\0') {
		size_t n = strlen(found);

		snprintf(found + n, sizeof(found) - n, "; %s", a->export_note);
		a->export_note[0] = '\0';           /* said here, not again after it */
	}
	if (!took && reread_helm_waited(a, found, sizeof(found))) {
		a->reread_cur = cur;
		act_reread_give_up(a, found, ", helm's wait ran out before its pods were all "
		    "ready", ": it turns OK once they are read all ready at it; if they never are, "
		    "check by hand, then U");
		return;
	}
	if (!took) {
		a->reread_cur = cur;            /* the header says what it runs */
		act_reread_again(a, found);
		return;
	}
	/* The rest of what the OK path checks and writes (action_reread.c). */
	a->reread_cur = cur;
	act_reread_took(a, found);
}

const char *
act_reread_words(const struct action *a)
{
	/* Nothing reconnected when the console itself was restarted, and
	 * nothing restarted when another console's action was taken over. */
	if (a->reread_how[0] != '\0')
		return a->reread_how;
	return a->adopted ? "re-read after restart" : "re-read after reconnect";
}

/* found goes at the end of the reason, and action_reread finds it there. */
static void
reason_add_reread(struct action *a, const char *found, const char *tail)
{
	size_t n = strlen(a->reason);

	if (n + 2 >= sizeof(a->reason))
		return;
	a->reread_at = n + 2;
	snprintf(a->reason + n, sizeof(a->reason) - n, "; %s%s", found, tail);
}

/* What a reconcile of a's op would say, and whether it is still due. */
struct reconcile_due {
	const struct timeline *tl;
	const char *op, *outcome;
};

/* Another console may have re-read (or settled by hand) the same op: a
 * second reconcile of it would be a second outcome in the post-mortem. */
static bool
reconcile_still_due(void *arg)
{
	const struct reconcile_due *d = arg;
	bool unknown, settled = timeline_op_settled(d->tl, d->op, &unknown);

	return obsrec_reconcile_due(settled, unknown, d->outcome);
}

static void
append_reconcile(struct action *a, cJSON *d, const char *outcome)
{
	struct reconcile_due due = { a->env.tl, a->op, outcome };
	struct wr_err err;

	timeline_append_keep_if(a->env.tl, "action.reconcile", a->cfg->name, a->op, d,
	    reconcile_still_due, &due, &err);
}

void
act_reconcile_ok(struct action *a, const char *found, const char *summary, cJSON *fields)
{
	cJSON *d, *f;

	a->reconciled = true;
	reason_add_reread(a, found, "");
	if (a->env.tl == NULL) {
		cJSON_Delete(fields);
		return;
	}
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "action", a->plan.action);
	while ((f = fields->child) != NULL)
		cJSON_AddItemToObject(d, f->string, cJSON_DetachItemViaPointer(fields, f));
	cJSON_Delete(fields);
	cJSON_AddStringToObject(d, "summary", summary);
	if (a->env_stale)
		cJSON_AddFalseToObject(d, "env_updated");
	/* What the re-read found settles the outcome for the post-mortem. */
	cJSON_AddStringToObject(d, "outcome", "ok");
	cJSON_AddStringToObject(d, "detail", found);
	append_reconcile(a, d, "ok");
}

void
act_reread_again(struct action *a, const char *found)
{
	int64_t now = loop_now_ms();
	char tail[128];

	if (a->reread_since == 0)
		a->reread_since = now;
	if (now - a->reread_since < a->env.cfg->health_timeout_ms) {
		act_reconcile_later(a);
		return;
	}
	snprintf(tail, sizeof(tail), ", still after %d s: whether it took effect is not known",
	    (int)((now - a->reread_since) / 1000));
	act_reread_give_up(a, found, tail, ": check by hand, then U");
}

void
act_reread_give_up(struct action *a, const char *found, const char *tail, const char *then)
{
	char detail[1024], told[400];
	cJSON *d;

	if (a->reread_since == 0)
		a->reread_since = loop_now_ms();
	a->reread_gave_up = true;
	snprintf(told, sizeof(told), "%s%s", tail, then);
	reason_add_reread(a, found, told);
	/* What the last re-read saw is evidence the post-mortem needs even
	 * though it settles nothing: outcome unknown keeps the action open
	 * (record_settles) for U or the next console's re-read. */
	if (a->env.tl != NULL) {
		snprintf(detail, sizeof(detail), "%s%s", found, tail);
		d = cJSON_CreateObject();
		cJSON_AddStringToObject(d, "action", a->plan.action);
		cJSON_AddStringToObject(d, "outcome", "unknown");
		cJSON_AddStringToObject(d, "detail", detail);
		if (a->unfinished.revision > 0 && (strcmp(a->plan.action, "k8s.killswitch") == 0 ||
		    a->rollout_watched)) {
			/* The k8s kill switch's change (a helm rollback) found
			 * applied: its rollout is waited for at that revision
			 * (latedone_ks_pending, latedone_pending). */
			cJSON *ro = cJSON_AddObjectToObject(d, "rollout");

			cJSON_AddNumberToObject(ro, "revision", a->unfinished.revision);
			cJSON_AddStringToObject(ro, "tag", a->unfinished.tag);
		}
		append_reconcile(a, d, "unknown");
	}
	act_changed(a);
}

static void
on_reconcile(void *arg)
{
	struct action *a = arg;

	a->timer = 0;
	if (a->reconciled)
		return;
	if (a->reconcile != NULL) {
		a->reconcile(a);
		return;
	}
	if (ssh_pool_session(a->env.pool, a->host) == NULL ||
	    act_read_cmd(a, a->plan.verify_cmd, 15000, reconciled) != 0)
		act_reconcile_later(a);
}

void
act_reconcile_later(struct action *a)
{
	if (a->timer == 0 && !a->reconciled)
		a->timer = loop_timer_add(a->env.loop, 2000, 0, on_reconcile, a);
}

/* ---- health gate ---- */

static void gate_try(void *arg);
static void recorded(struct action *a, const struct exec_result *r);

const char *
act_gate_name(const struct action *a, char *buf, size_t cap)
{
	const char *hs = a->cfg->health_service;

	if (hs[0] == '\0' || strcmp(hs, "*") == 0 || strcmp(hs, a->plan.service) == 0)
		return "/readyz";
	snprintf(buf, cap, "%s's /readyz", hs);
	return buf;
}

/* The host's session while the gate waits, looked at every try: a stretch
 * DOWN is no silence of the service, and the outcome says it. Counted
 * from the look before, so "about". */
static void
gate_note_host(struct action *a)
{
	const struct ssh_status *st;
	int64_t now = loop_now_ms();

	if (a->env.pool == NULL)
		return;
	st = ssh_pool_status(a->env.pool, a->host);
	if (st->state != SSH_UP && a->gate_seen_ms != 0) {
		a->gate_down_ms += now - a->gate_seen_ms;
		if (a->gate_down_why[0] == '\0')
			wr_strlcpy(a->gate_down_why, st->state == SSH_DOWN && st->error[0] != '\0' ?
			    st->error : ssh_state_name(st->state), sizeof(a->gate_down_why));
	}
	a->gate_seen_ms = now;
}

/* "; api-1 was DOWN for about 50 s of that wait (connect: …)", or "". */
static const char *
gate_down_words(const struct action *a, char *buf, size_t cap)
{
	buf[0] = '\0';
	if (a->gate_down_ms >= 1000)
		snprintf(buf, cap, "; %s was DOWN for about %lld s of that wait (%s)",
		    a->cfg->name, (long long)((a->gate_down_ms + 500) / 1000), a->gate_down_why);
	return buf;
}

static void
gate_answer(const struct http_response *r, void *arg)
{
	struct action *a = arg;
	struct probe_result pr;
	char gb[WR_NAME_MAX + 16];
	const char *gate = act_gate_name(a, gb, sizeof(gb));

	char down[400];

	gate_note_host(a);
	probe_health_answer((int)r->status, r->content_type, r->truncated, r->error,
	    r->body, r->len, &pr);
	/* The gate is "/readyz answers 200 and does not say it is not ready";
	 * stale migrations are expected right after a rollback and are named
	 * in the outcome instead of failing it. An answer cut short, over the
	 * cap or an HTML page is no answer. */
	if (r->status == 200 && !pr.untrusted && !(pr.has_ready && !pr.ready)) {
		/* Which way, when /readyz says: the outcome names it. */
		a->gate_said = pr;
		probe_schema_outcome(&pr, a->env.migration_step, a->migrations, sizeof(a->migrations));
		if (a->gate_ok != NULL) {
			a->gate_ok(a);
			return;
		}
		/* Verified: now note it where the host keeps its releases. */
		if (a->plan.record_cmd[0] == '\0') {
			act_rollback_done(a, "%s runs %s and %s answers 200%s", a->plan.service,
			    a->plan.to, gate, a->migrations);
			return;
		}
		wr_strlcpy(a->step_name, UNSETTLED_RECORD_STEP, sizeof(a->step_name));
		/* A re-read after a later UNKNOWN must not append it twice. */
		a->record_ran = true;
		if (act_run_cmd(a, a->plan.record_cmd, true, 15000, recorded) != 0) {
			wr_strlcpy(a->record_err, a->reason, sizeof(a->record_err));
			act_rollback_done(a, "%s runs %s and %s answers 200%s (releases.log "
			    "not updated: %s)", a->plan.service, a->plan.to, gate,
			    a->migrations, a->reason);
		}
		return;
	}
	if (loop_now_ms() >= a->gate_deadline && (r->status == 0 || pr.wrong_url)) {
		/* Silence, or an answer that is no health answer (a wrong
		 * health_url: 404, a redirect, a login), is no verdict on the
		 * service: the change is made and its health unknown. A re-read
		 * would only see the target running, so the engineer settles it
		 * (U). */
		a->reread_gave_up = true;
		if (r->status == 0)
			/* pr.reason: "no answer: " and why, made printable. */
			act_finish(a, ACTION_UNKNOWN, "%s runs %s but %s gave no answer within %d s "
			    "(%s)%s: its health is not known: check it, then U", a->plan.service,
			    a->plan.to, gate, a->plan.health_timeout_s,
			    strncmp(pr.reason, "no answer: ", 11) == 0 ? pr.reason + 11 : pr.reason,
			    gate_down_words(a, down, sizeof(down)));
		else
			act_finish(a, ACTION_UNKNOWN, "%s runs %s but %s gave no health answer within "
			    "%d s (%s)%s: its health is not known: check it, then U", a->plan.service,
			    a->plan.to, gate, a->plan.health_timeout_s, pr.reason,
			    gate_down_words(a, down, sizeof(down)));
		return;
	}
	if (loop_now_ms() >= a->gate_deadline) {
		act_finish(a, ACTION_FAILED, "%s runs %s but %s did not answer 200 within %d s: "
		    "%s%s", a->plan.service, a->plan.to, gate, a->plan.health_timeout_s, pr.reason,
		    gate_down_words(a, down, sizeof(down)));
		return;
	}
	a->timer = loop_timer_add(a->env.loop, 2000, 0, gate_try, a);
	act_changed(a);
}

int
act_http_get(struct action *a, const char *url, http_done_fn done, struct wr_err *err)
{
	/* Capped like the poller's probes: a cut answer is no answer. */
	struct http_request req = {
		.url = url, .timeout_ms = 5000, .max_body = WR_PROBE_BODY_MAX,
	};
	char dest[256];
	int port;

	if (a->cfg->tunnel) {
		if (http_url_host_port(url, dest, sizeof(dest), &port, err) != 0 ||
		    (req.unix_socket = tunnel_path(a->env.tunnels, a->host, dest, port, err)) == NULL)
			return -1;
	}
	return http_start(a->env.http, &req, done, a, err);
}

static void
gate_try(void *arg)
{
	struct action *a = arg;
	struct wr_err err;

	a->timer = 0;
	gate_note_host(a);
	if (act_http_get(a, a->plan.readyz_url, gate_answer, &err) != 0)
		act_finish(a, ACTION_FAILED, "health gate: %s", err.msg);
}

/* ---- the steps ---- */


static void
recorded(struct action *a, const struct exec_result *r)
{
	const char *mig = a->migrations;
	char gb[WR_NAME_MAX + 16];
	const char *gate = act_gate_name(a, gb, sizeof(gb));

	if (r->finished && r->exit_status == 0)
		act_rollback_done(a, "%s runs %s and %s answers 200%s", a->plan.service,
		    a->plan.to, gate, mig);
	else {
		wr_strlcpy(a->record_err, r->error[0] ? r->error : "the command failed",
		    sizeof(a->record_err));
		act_rollback_done(a, "%s runs %s and %s answers 200%s (releases.log not "
		    "updated: %s)", a->plan.service, a->plan.to, gate, mig, a->record_err);
	}
}

int
act_read_back(struct action *a, const struct exec_result *r, struct act_current *cur)
{
	struct wr_err err;

	if (!r->finished) {
		act_finish(a, ACTION_UNKNOWN, r->quit ? "the console quit while verifying" :
		    "connection lost while verifying: %s", r->error);
		return -1;
	}
	if (r->exit_status != 0 || act_read_current(a, a->buf ? a->buf : "", a->len, cur,
	    &err) != 0) {
		act_finish(a, ACTION_FAILED, "could not read back what runs: %s",
		    r->exit_status ? a->last_line : err.msg);
		return -1;
	}
	return 0;
}

static void
verified(struct action *a, const struct exec_result *r)
{
	struct act_current cur;
	bool ok;

	if (act_read_back(a, r, &cur) != 0)
		return;
	export_changed(a, a->buf ? a->buf : "", a->len);
	/* Compose: the target tag runs. k8s/helm: a newer revision, settled,
	 * with the target version when the plan knew it. */
	ok = cur.settled && (a->plan.to[0] == '\0' || strcmp(cur.tag, a->plan.to) == 0) &&
	    (a->cfg->driver == DRIVER_COMPOSE || cur.revision > a->plan.from_rev);
	if (!ok) {
		act_finish(a, ACTION_FAILED, "after %s %s runs %s (%s)%s%s", a->plan.steps[0].name,
		    a->plan.service, cur.tag, cur.state, a->plan.to[0] ? ", not " : "", a->plan.to);
		return;
	}
	if (a->plan.to[0] == '\0')
		wr_strlcpy(a->plan.to, cur.tag, sizeof(a->plan.to));
	if (a->plan.readyz_url[0] == '\0') {
		act_rollback_done(a, "%s runs %s (no health_url: no health gate)", a->plan.service,
		    a->plan.to);
		return;
	}
	act_gate_start(a);
}

void
act_gate_start(struct action *a)
{
	wr_strlcpy(a->step_name, "health gate /readyz", sizeof(a->step_name));
	a->gate_deadline = loop_now_ms() + (int64_t)a->plan.health_timeout_s * 1000;
	a->gate_seen_ms = loop_now_ms();
	a->gate_down_ms = 0;
	a->gate_down_why[0] = '\0';
	gate_try(a);
}

/* The deployment read back after a k8s rollout status failed (the
 * failure in done_msg): the outcome is still FAILED (the rollout did not
 * complete in time), and says what the change left in place. */
static void
unfinished(struct action *a, const struct exec_result *r)
{
	const char *container = a->plan.env_container[0] ? a->plan.env_container :
	    a->plan.export_container;
	const char *tag = "";
	struct k8s_deploy d;
	struct wr_err err;
	char words[512];
	int i;

	if (!r->finished || r->exit_status != 0 ||
	    parse_k8s_deploy(a->buf ? a->buf : "", a->len, &d, &err) != 0) {
		act_finish(a, ACTION_FAILED, "%s; deployment/%s could not be read back (%s): "
		    "whether the change is in place is not known", a->done_msg, a->plan.service,
		    !r->finished ? r->error : r->exit_status ? a->last_line : err.msg);
		return;
	}
	for (i = 0; i < d.ncontainers; i++)
		if (strcmp(d.containers[i].name, container) == 0)
			tag = d.containers[i].tag;
	if (tag[0] == '\0' && d.ncontainers > 0)
		tag = d.containers[0].tag;
	plan_k8s_unfinished(&a->plan, &d, tag, strstr(a->done_msg, "timed out") != NULL ?
	    a->plan.health_timeout_s : 0, words, sizeof(words));
	if (d.revision > a->plan.from_rev) {
		export_changed(a, a->buf ? a->buf : "", a->len);
		a->unfinished.revision = d.revision;
		a->unfinished.ready = d.ready;
		a->unfinished.desired = d.replicas;
		wr_strlcpy(a->unfinished.tag, tag, sizeof(a->unfinished.tag));
	}
	act_finish(a, ACTION_FAILED, "%s; %s", a->done_msg, words);
}

/* helm history read back after a helm rollback --wait exited non-zero
 * (the failure in done_msg): FAILED either way. When helm applied the
 * rollback and only its wait ran out, the end says so as data: its pods
 * may all be ready later (latedone). */
static void
helm_unfinished(struct action *a, const struct exec_result *r)
{
	struct helm_history h;
	struct wr_err err;
	char tag[sizeof(a->unfinished.tag)];
	int rev;
	bool waited;

	if (!r->finished || r->exit_status != 0 ||
	    parse_helm_history(a->buf ? a->buf : "", a->len, &h, &err) != 0) {
		act_finish(a, ACTION_FAILED, "%s", a->done_msg);
		return;
	}
	waited = latedone_helm_waited(&h, a->plan.from_rev, a->plan.to, &rev, tag, sizeof(tag));
	parse_helm_history_free(&h);
	if (!waited) {
		act_finish(a, ACTION_FAILED, "%s", a->done_msg);
		return;
	}
	a->unfinished.revision = rev;
	a->unfinished.ready = a->unfinished.desired = 0;
	wr_strlcpy(a->unfinished.tag, tag, sizeof(a->unfinished.tag));
	act_finish(a, ACTION_FAILED, "%s; rollback applied (revision %d at %s, recorded failed), "
	    "its pods not all ready within %d s: it may still complete", a->done_msg, rev, tag,
	    a->plan.health_timeout_s);
}

static void
step_done(struct action *a, const struct exec_result *r)
{
	const struct plan_step *s = &a->plan.steps[a->step];

	if (!r->finished) {
		/* A quit is no lost connection: the words say what happened. */
		if (r->quit)
			act_finish(a, ACTION_UNKNOWN, "the console quit during %s, before it ended "
			    "— the host may or may not have done it", s->name);
		else
			act_finish(a, ACTION_UNKNOWN, r->timed_out ? "%s did not finish: %s — the "
			    "host may or may not have done it" : "connection lost during %s: %s — "
			    "the host may or may not have done it", s->name, r->error);
		return;
	}
	if (r->exit_status != 0 && !r->signal[0] && a->step_failed != NULL) {
		a->step_failed(a, r);
		return;
	}
	if (r->exit_status != 0 || r->signal[0]) {
		snprintf(a->done_msg, sizeof(a->done_msg), "%s exited %d%s%s", s->name,
		    r->exit_status, a->last_line[0] ? ": " : "", a->last_line);
		/* k8s: rollout status gave up, but the change before it was
		 * made: the outcome says what is in place, read back. */
		if (a->cfg->driver == DRIVER_K8S && a->step > 0 && !s->mutating &&
		    a->plan.verify_cmd[0] != '\0' &&
		    act_read_cmd(a, a->plan.verify_cmd, 15000, unfinished) == 0) {
			wr_strlcpy(a->step_name, "read back", sizeof(a->step_name));
			return;
		}
		/* helm: its --wait ran out, or it could not roll back; its
		 * history says which. */
		if (a->cfg->driver == DRIVER_HELM && s->mutating && a->plan.verify_cmd[0] != '\0' &&
		    strcmp(a->plan.action, "helm.rollback") == 0 &&
		    act_read_cmd(a, a->plan.verify_cmd, 15000, helm_unfinished) == 0) {
			wr_strlcpy(a->step_name, "read back", sizeof(a->step_name));
			return;
		}
		act_finish(a, ACTION_FAILED, "%s", a->done_msg);
		return;
	}
	act_next_step(a);
}

static void
run_step(struct action *a)
{
	/* Steps after verification (the rollback's .env) wait for it. */
	if (a->step < a->plan.nsteps && !a->plan.steps[a->step].after_verify) {
		wr_strlcpy(a->step_name, a->plan.steps[a->step].name, sizeof(a->step_name));
		if (a->plan.steps[a->step].kind != PLAN_EXEC) {
			a->run_special(a);
			return;
		}
		if (act_run_cmd(a, a->plan.steps[a->step].cmd, a->plan.steps[a->step].mutating,
		    a->env.cfg->step_timeout_ms, step_done) != 0)
			act_finish(a, a->step == 0 ? ACTION_FAILED : ACTION_UNKNOWN,
			    "%s could not start: %s", a->plan.steps[a->step].name, a->reason);
		return;
	}
	a->state = ACTION_VERIFYING;
	if (a->plan.verify_cmd[0] == '\0') {
		/* No read-back: the gate, or the exit status alone. */
		if (a->plan.readyz_url[0] != '\0') {
			act_gate_start(a);
			return;
		}
		if (a->exited_ok != NULL)
			a->exited_ok(a);
		else
			act_finish(a, ACTION_OK, "%s exited 0%s%s",
			    a->plan.steps[a->plan.nsteps - 1].name, a->last_line[0] ?
			    "; last line: " : "", a->last_line);
		return;
	}
	wr_strlcpy(a->step_name, "verify", sizeof(a->step_name));
	if (act_read_cmd(a, a->plan.verify_cmd, 30000, a->verified ? a->verified :
	    verified) != 0)
		act_finish(a, ACTION_UNKNOWN, "could not verify: %s", a->reason);
}

void
act_next_step(struct action *a)
{
	a->step++;
	run_step(a);
}

/* Right before running: the tag must still be the one the plan was made
 * from, or the plan is stale and nothing runs. */
static void
checked(struct action *a, const struct exec_result *r)
{
	char was[200];
	struct act_current cur;
	struct wr_err err;

	if (!r->finished || r->exit_status != 0 || act_read_current(a, a->buf ? a->buf : "",
	    a->len, &cur, &err) != 0) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "could not re-read %s before running: %s; "
		    "nothing ran", a->cfg->name, r->finished ? err.msg : r->error);
		return;
	}
	if (!unchanged(a, &cur)) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "plan is stale: %s now runs %s%s%s, not %s "
		    "as planned; nothing ran", a->plan.service, cur.tag, cur.revision ? ", " : "",
		    cur.revision ? cur.state : "", from_text(a, was, sizeof(was)));
		if (a->env.tl != NULL) {
			cJSON *d = cJSON_CreateObject();

			cJSON_AddStringToObject(d, "reason", a->reason);
			step_of(a, d);       /* the step's row says CANCELLED */
			a->cancel_told = timeline_append(a->env.tl, "action.stale", a->cfg->name,
			    a->op, d, &err) == 0;
		}
		return;
	}
	if (a->precheck != NULL)
		a->precheck(a);
	else
		act_begin(a);
}

void
act_begin(struct action *a)
{
	char hash[9];
	struct wr_err err;
	cJSON *pj;

	/* Write-ahead: the intent is stored before the first byte is sent. */
	plan_hash(&a->plan, hash);
	if (a->env.tl == NULL) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "no incident journal: actions need "
		    "--incident NAME; nothing ran");
		return;
	}
	pj = plan_to_json(&a->plan);
	/* A section's own blocks are named apart: a reopened incident gives
	 * the section its marks back, never a step's (stepran). */
	if (a->runbook_step[0] != '\0')
		cJSON_AddStringToObject(pj, a->runbook_section ? "runbook_section" : "runbook_step",
		    a->runbook_step);
	/* What the step ran: a later console on an edited step says so. */
	if (a->runbook_step[0] != '\0' && a->runbook_code[0] != '\0')
		cJSON_AddStringToObject(pj, "runbook_code", a->runbook_code);
	if (timeline_action_intent(a->env.tl, a->op, a->cfg->name, a->plan.action, pj, hash,
	    a->chain, &err) != 0) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "intent NOT recorded (%s); nothing ran",
		    err.msg);
		return;
	}
	a->intent_stored = true;
	a->state = ACTION_RUNNING;
	a->step = 0;
	run_step(a);
}

/* The engineer's confirmation, journalled before the re-read that comes
 * before the intent: a console that ends during that read leaves this,
 * and the next one says the action was confirmed and never ran (the
 * intent, and with it any byte that changes a host, never came). */
static int
record_confirmed(struct action *a, struct wr_err *err)
{
	cJSON *d;

	if (a->env.tl == NULL)
		return 0;                /* act_begin refuses it, said there */
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "action", act_kind(a));
	cJSON_AddStringToObject(d, "service", a->plan.service[0] ? a->plan.service :
	    a->cfg->services[a->svc]);
	cJSON_AddStringToObject(d, "from", a->plan.from);
	cJSON_AddStringToObject(d, "to", a->plan.to);
	if (a->chain[0] != '\0')
		cJSON_AddStringToObject(d, "chain", a->chain);
	return timeline_append(a->env.tl, "action.confirmed", a->cfg->name, a->op, d, err);
}

void
action_confirm(struct action *a)
{
	struct wr_err err;

	/* No target picked yet: there is nothing to confirm. */
	if (a->state != ACTION_CONFIRMING || a->choice < 0)
		return;
	a->state = ACTION_CHECKING;
	a->confirmed = true;
	wr_strlcpy(a->step_name, "re-read", sizeof(a->step_name));
	a->started_ms = loop_now_ms();
	/* Only where a read comes before the intent: otherwise the intent
	 * itself is written at once and says the same. */
	if ((a->plan.verify_cmd[0] != '\0' || a->precheck != NULL) &&
	    record_confirmed(a, &err) != 0) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "confirmation NOT recorded (%s); nothing ran",
		    err.msg);
		act_changed(a);
		return;
	}
	if (a->plan.verify_cmd[0] == '\0') {
		/* No tag to re-read (a runbook command, a downgrade): a
		 * downgrade's precheck asks /readyz again. */
		if (a->precheck != NULL)
			a->precheck(a);
		else
			act_begin(a);
		act_changed(a);
		return;
	}
	if (act_read_cmd(a, a->plan.verify_cmd, 15000, checked) != 0) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason + strlen(a->reason), sizeof(a->reason) - strlen(a->reason),
		    "; nothing ran");
	}
	act_changed(a);
}

void
action_cancel(struct action *a)
{
	if (a->state != ACTION_PLANNING && a->state != ACTION_CONFIRMING)
		return;
	/* The engineer's own choice, said where it was made: no record. Set
	 * first, so a planning read that ends inside exec_cancel is ignored. */
	a->state = ACTION_CANCELLED;
	a->cancel_told = a->cancel_by_hand = true;
	wr_strlcpy(a->reason, "cancelled; nothing ran", sizeof(a->reason));
	if (a->cmd != NULL) {
		exec_cancel(a->cmd);           /* read-only planning command */
		a->cmd = NULL;
	}
	act_changed(a);
}

/* ---- planning ---- */

/* The Compose rollback's last step for the plan just built: IMAGE_TAG
 * kept in .env, or the warning that .env was not read. */
static void
keep_tag(struct action *a)
{
	struct wr_err kerr;
	size_t n;

	free(a->env_new);
	a->env_new = NULL;
	if (!a->env_read) {
		snprintf(a->plan.warning, sizeof(a->plan.warning), "could not read .env (%.80s): "
		    "IMAGE_TAG there is not checked or changed; a plain `up -d` may bring %.40s "
		    "back", a->env_error[0] ? a->env_error : "not tried", a->plan.from);
		return;
	}
	switch (plan_keep_tag(a->cfg, a->env_old, a->env_old_len, a->env_mode, a->op,
	    a->env_shared, &a->plan, &kerr)) {
	case 1:
		a->env_new = envfile_set(a->env_old, a->env_old_len, "IMAGE_TAG", a->plan.to, &n);
		a->env_new_len = n;
		return;
	case 0:
		return;
	}
	/* .env is not one we edit: the rollback still runs, said loudly. */
	snprintf(a->plan.warning, sizeof(a->plan.warning), ".env is not changed (%.100s); a "
	    "plain `up -d` may bring %.40s back", kerr.msg, a->plan.from);
}

static bool is_bad(const struct action *a, const char *tag);

/* k8s/helm: a target rolled back from (in this incident, or per the
 * history) or where this incident's rollback here stalled, said in the
 * plan's warning: never quietly; one whose rollback here FAILED and
 * changed nothing, in its note. */
static void
hist_warnings(struct action *a, const struct act_choice *c)
{
	char where[sizeof(c->mark) + 16];

	if (c->stalled)
		plan_warn_note(&a->plan, c->mark);
	else if (c->unchanged)
		/* Said, not warned of: going there is a first try again. */
		snprintf(a->plan.note, sizeof(a->plan.note), "%s", c->mark);
	if (is_bad(a, c->tag))
		plan_warn_bad(&a->plan, plan_bad_of(a->bad, a->nbad, c->tag));
	else if (c->hist_left && rbtarget_is_target(&a->rb, c->tag)) {
		static const char pre[] = "rolled back from: ";

		plan_note_left_ours(&a->plan, strncmp(c->mark, pre, sizeof(pre) - 1) == 0 ?
		    c->mark + sizeof(pre) - 1 : c->mark);
	} else if (c->hist_left) {
		snprintf(where, sizeof(where), "earlier: %s", c->mark);
		plan_warn_rolled_back(&a->plan, where);
	}
}

/* Build the plan for choice i (the targets planning found). */
static int
plan_choice(struct action *a, int i, struct wr_err *err)
{
	const struct act_choice *c = &a->choices[i];
	int timeout_s = a->env.health_timeout_s > 0 ? a->env.health_timeout_s :
	    a->env.cfg->health_timeout_ms / 1000;

	switch (a->cfg->driver) {
	case DRIVER_COMPOSE:
		if (plan_compose_rollback(a->cfg, a->svc, a->planned_cur.tag, c->tag, timeout_s,
		    a->env.incident, a->op, &a->plan, err) != 0)
			return -1;
		keep_tag(a);
		/* Back to a release found bad: possible, never quietly. */
		if (c->rolled_back) {
			char where[48];

			snprintf(where, sizeof(where), "%s%s per releases.log",
			    c->rolled_at[0] ? "at " : "", c->rolled_at);
			plan_warn_rolled_back(&a->plan, where);
		} else if (is_bad(a, c->tag))
			plan_warn_bad(&a->plan, plan_bad_of(a->bad, a->nbad, c->tag));
		/* A typed tag: the host's spelling of it, or why it has none. */
		if (a->spell_loud)
			plan_warn_note(&a->plan, a->spell_words);
		else if (a->want_typed[0] != '\0') {
			wr_strlcpy(a->plan.named, a->want_typed, sizeof(a->plan.named));
			wr_strlcpy(a->plan.spelled, a->spell_words, sizeof(a->plan.spelled));
		}
		return 0;
	case DRIVER_K8S:
		if (plan_k8s_undo(a->cfg, a->svc, a->planned_cur.tag, a->planned_cur.revision,
		    c->rev, c->tag, timeout_s, &a->plan, err) != 0)
			return -1;
		plan_k8s_undo_notes(&a->plan, a->export_container, a->export_now, c->export_mode,
		    &a->env.ks_last);
		/* Picked or named (a runbook step's revision): said first. */
		hist_warnings(a, c);
		return 0;
	case DRIVER_HELM:
		if (plan_helm_rollback(a->cfg, a->svc, a->planned_cur.tag, a->planned_cur.revision,
		    c->tag, c->rev, timeout_s, &a->plan, err) != 0)
			return -1;
		/* Named by its image tag (v1.4.1), matched by app version. */
		if (a->want[0] != '\0' && strcmp(a->want, c->tag) != 0 &&
		    badrel_same(a->want, c->tag))
			wr_strlcpy(a->plan.named, a->want, sizeof(a->plan.named));
		if (c->same)
			plan_warn_same(&a->plan);
		hist_warnings(a, c);
		return 0;
	}
	return wr_err_set(err, "unknown driver");
}

/* The choice added, or NULL when the list is full. */
static struct act_choice *
add_choice(struct action *a, const char *tag, int rev, const char *label)
{
	struct act_choice *c;

	if (a->nchoices == ACT_CHOICES_MAX)
		return NULL;
	c = &a->choices[a->nchoices++];
	memset(c, 0, sizeof(*c));
	wr_strlcpy(c->tag, tag, sizeof(c->tag));
	c->rev = rev;
	wr_strlcpy(c->label, label, sizeof(c->label));
	return c;
}

static bool
is_bad(const struct action *a, const char *tag)
{
	return tag[0] != '\0' && plan_bad_of(a->bad, a->nbad, tag) != NULL;
}

/* The targets as plan_targets_order and plan_targets_default take them. */
static void
targets_of(const struct action *a, struct plan_target *t)
{
	int i;

	for (i = 0; i < a->nchoices; i++) {
		memset(&t[i], 0, sizeof(t[i]));
		wr_strlcpy(t[i].tag, a->choices[i].tag, sizeof(t[i].tag));
		wr_strlcpy(t[i].export_mode, a->choices[i].export_mode, sizeof(t[i].export_mode));
		t[i].bad = is_bad(a, a->choices[i].tag);
		t[i].left = a->choices[i].hist_left;
		t[i].same = a->choices[i].same;
		t[i].stalled = a->choices[i].stalled;
		t[i].ours = rbtarget_is_target(&a->rb, a->choices[i].tag);
	}
}

/* A release this incident rolled back from is no target to offer first:
 * after one rollback, releases.log and the rollout history still call the
 * bad release the newest good one; nor is a helm revision at the running
 * version, which would change nothing. Such choices are marked and go
 * last. A target the engineer named (a runbook step's revision or tag) is
 * kept, marked all the same. Compose with nothing else left asks for the
 * tag; k8s and helm list them all, none preselected (default_choice). */
static void
demote_bad(struct action *a, struct wr_err *err)
{
	struct plan_target t[ACT_CHOICES_MAX];
	struct act_choice sorted[ACT_CHOICES_MAX];
	int order[ACT_CHOICES_MAX], i, nfree;
	bool named = a->want[0] != '\0' || a->want_rev != 0;
	const struct plan_bad *b;

	targets_of(a, t);
	for (i = 0; i < a->nchoices; i++) {
		struct act_choice *c = &a->choices[i];
		const char *note = plan_target_note(&t[i]);
		char own[sizeof(c->mark) + sizeof(a->bad[0].mark)];

		/* Rolled back from per the history, stalled, or a FAILED
		 * rollback that changed nothing: which revision says so (this
		 * incident's own rollback from it says most). */
		if (!t[i].bad && (t[i].left || t[i].stalled || c->unchanged) &&
		    c->mark[0] != '\0') {
			snprintf(own, sizeof(own), "  (%s)", c->mark);
			note = own;
		}
		/* Judged bad in this incident: where and when, on any host,
		 * naming the tag: the revision listed (a kill switch's, say)
		 * may be this host's own, never rolled back from itself (e.g.
		 * "(rolled back from on h7 at 04:02)" on h2's set env one). */
		if (t[i].bad && (b = plan_bad_of(a->bad, a->nbad, c->tag)) != NULL &&
		    (b->mark[0] != '\0' || b->why[0] != '\0')) {
			snprintf(own, sizeof(own), "  (%s)", b->mark[0] ? b->mark : b->why);
			note = own;
		}

		/* Compose's labels say it already (plan_compose_candidates). */
		if (a->cfg->driver == DRIVER_COMPOSE && !named)
			continue;
		if (note[0] != '\0' && strstr(c->label, note) == NULL &&
		    strlen(c->label) + strlen(note) < sizeof(c->label))
			strcat(c->label, note);
	}
	if (named)
		return;                  /* theirs to judge, with the marks in view */
	nfree = plan_targets_order(t, a->nchoices, order);
	if (nfree == 0 && a->nchoices > 0 && a->cfg->driver == DRIVER_COMPOSE) {
		a->needs_target = true;
		wr_err_set(err, "every earlier tag was rolled back from in this incident (%s%s)",
		    a->choices[0].tag, a->nchoices > 1 ? ", …" : "");
		a->nchoices = 0;
		return;
	}
	for (i = 0; i < a->nchoices; i++)
		sorted[i] = a->choices[order[i]];
	memcpy(a->choices, sorted, (size_t)a->nchoices * sizeof(sorted[0]));
}

/* This incident's OK rollback target of the service (another host went
 * to it and it held) is listed first, so preselected, when this host can
 * go to it unmarked: releases.log's "last good" or the newest revision
 * may be a release the incident already found bad elsewhere. */
static void
target_first(struct action *a)
{
	struct plan_target t[ACT_CHOICES_MAX];
	const char *tags[ACT_CHOICES_MAX];
	bool marked[ACT_CHOICES_MAX];
	struct act_choice keep;
	char note[160];
	int i, k;

	if (a->want[0] != '\0' || a->want_rev != 0 || a->nchoices == 0)
		return;
	targets_of(a, t);
	for (i = 0; i < a->nchoices; i++) {
		tags[i] = a->choices[i].tag;
		marked[i] = a->cfg->driver == DRIVER_COMPOSE ? a->choices[i].marked :
		    plan_target_marked(&t[i]) || t[i].stalled;
	}
	if ((k = rbtarget_first(&a->rb, a->planned_cur.tag, tags, marked,
	    (size_t)a->nchoices)) < 0)
		return;
	keep = a->choices[k];
	rbtarget_first_words(&a->rb, note, sizeof(note));
	if (strlen(keep.label) + strlen(note) < sizeof(keep.label))
		strcat(keep.label, note);
	memmove(&a->choices[1], &a->choices[0], (size_t)k * sizeof(a->choices[0]));
	a->choices[0] = keep;
}

/* Compose: when every tag releases.log offers is one a rollback there
 * moved away from, none is preselected: the engineer names the target. */
static void
only_rolled_back(struct action *a, struct wr_err *err)
{
	int i;

	if (a->cfg->driver != DRIVER_COMPOSE || a->want[0] != '\0' || a->nchoices == 0)
		return;
	for (i = 0; i < a->nchoices; i++)
		if (!a->choices[i].rolled_back)
			return;
	a->nchoices = 0;
	a->needs_target = true;
	wr_err_set(err, "every earlier tag in releases.log was rolled back from (%s%s%s%s)",
	    a->choices[0].tag, a->choices[0].rolled_at[0] ? " at " : "", a->choices[0].rolled_at,
	    i > 1 ? ", …" : "");
}

/* k8s: the running pod template's EXPORT_MODE (the deployment read, the
 * first headlen bytes of buf), in the container the kill switch would
 * set; nothing when that container is not clear. */
static void
export_now(struct action *a, size_t headlen)
{
	struct k8s_deploy d;
	struct wr_err err;
	int c;

	if (parse_k8s_deploy(a->buf ? a->buf : "", headlen, &d, &err) != 0 ||
	    (c = plan_k8s_container(&d, a->cfg->services[a->svc], &err)) < 0)
		return;
	wr_strlcpy(a->export_container, d.containers[c].name, sizeof(a->export_container));
	export_word_of(a->export_container, a->buf ? a->buf : "", headlen, a->export_now,
	    sizeof(a->export_now));
}

/* EXPORT_MODE in revision rev's pod template, from the ReplicaSets read
 * (rs, to the end of buf), or "" when it does not say. */
static void
export_of_revision(const struct action *a, const char *rs, int rev, char *out, size_t cap)
{
	struct k8s_env env;
	struct wr_err err;

	out[0] = '\0';
	if (a->export_container[0] == '\0' || parse_k8s_rs_env(rs, strlen(rs),
	    a->cfg->services[a->svc], rev, a->export_container, &env, &err) != 0)
		return;
	plan_export_word(&env, "EXPORT_MODE", out, cap);
	parse_k8s_env_free(&env);
}

/* The default_choice of a host not at this incident's target. */
static int
usual_choice(struct action *a)
{
	struct plan_target t[ACT_CHOICES_MAX];
	int nfree = 0;

	if (a->cfg->driver == DRIVER_COMPOSE) {
		if (!a->choices[0].marked || a->want[0] != '\0')
			return 0;
		snprintf(a->unpicked, sizeof(a->unpicked), "nothing is preselected: every tag "
		    "found is marked (%s%s); Up/Down picks one", a->choices[0].tag,
		    a->nchoices > 1 ? ", …" : "");
		return -1;
	}
	targets_of(a, t);
	/* demote_bad listed the unmarked first. */
	while (nfree < a->nchoices && !plan_target_marked(&t[nfree]))
		nfree++;
	return plan_targets_default(t, a->nchoices, nfree, a->want[0] != '\0' ||
	    a->want_rev != 0, a->cfg->driver == DRIVER_K8S ? a->export_now : "",
	    a->cfg->driver == DRIVER_K8S ? a->planned_cur.tag : "", a->unpicked,
	    sizeof(a->unpicked));
}

/* The target to preselect: compose's first; k8s: the newest unmarked one
 * at another tag than the running one, or one at its tag that keeps the
 * export as it is now, when that does not (plan_k8s_default); a named
 * target; or -1, none, when the host already runs this incident's target
 * (at_target_note), every one is marked (demote_bad) or the rest would
 * only change the export at the running tag, a->unpicked saying why. */
static int
default_choice(struct action *a)
{
	char note[sizeof(a->unpicked)];
	int d;

	if (!a->at_rb_target)
		return usual_choice(a);
	/* Already at this incident's target: going further back is the
	 * engineer's pick, made with the reason in view (at_target_note),
	 * and any other reason none would be preselected after it. */
	wr_strlcpy(note, a->unpicked, sizeof(note));
	a->unpicked[0] = '\0';
	d = usual_choice(a);
	if (d < 0 && a->unpicked[0] != '\0' && strlen(note) + 1 < sizeof(note)) {
		strcat(note, "\n");
		wr_strlcpy(note + strlen(note), a->unpicked, sizeof(note) - strlen(note));
	}
	wr_strlcpy(a->unpicked, note, sizeof(a->unpicked));
	return -1;
}

/* k8s/helm: the choices at a tag the history shows was rolled back from
 * (l, nl) are marked with which revision says so; one where this
 * incident's own rollback here went and did not end OK, with how it
 * ended. */
static void
mark_history(struct action *a, const struct rbtarget_left *l, size_t nl)
{
	char words[sizeof(a->choices[0].mark) - 24];
	int i;
	size_t k;

	for (i = 0; i < a->nchoices; i++) {
		struct act_choice *c = &a->choices[i];

		for (k = 0; k < nl && strcmp(l[k].tag, c->tag) != 0; k++)
			;
		if (c->tag[0] != '\0' && k < nl) {
			c->hist_left = true;
			rbtarget_left_words(&l[k], a->cfg->driver == DRIVER_HELM, words,
			    sizeof(words));
			snprintf(c->mark, sizeof(c->mark), "rolled back from: %s", words);
		} else if (rbtarget_unchanged_words(&a->rb, c->tag, a->planned_cur.tag,
		    a->planned_cur.newest_rev, words, sizeof(words))) {
			c->unchanged = true;
			wr_strlcpy(c->mark, words, sizeof(c->mark));
		} else if (rbtarget_stalled_words(&a->rb, c->tag, a->planned_cur.tag, words,
		    sizeof(words))) {
			c->stalled = true;
			wr_strlcpy(c->mark, words, sizeof(c->mark));
		}
	}
}

/* Compose pulls the tag literally: a named tag no source knows as
 * spelled, matching one release they know but for its leading v, runs as
 * that release (else a typed 1.4.1 pulls :1.4.1 and writes it into .env
 * where releases.log says v1.4.1). The sources are the dialog's own:
 * releases.log (tail, tlen), what the timeline saw run here, what the
 * host's services run (ps, the first headlen bytes of buf), this
 * incident's rollback target and the releases it judged bad. */
static void
spell_wanted(struct action *a, const char *tail, size_t tlen, size_t headlen)
{
	struct tagspell_known k[16 + 4 + WR_SERVICES_MAX + 2 + 8];
	char rel[16][128], runs[WR_SERVICES_MAX][WR_NAME_MAX + 16], tag[128];
	struct compose_ps ps = { 0 };
	const struct compose_container *c;
	struct wr_err err;
	size_t n = 0, i, nrel;
	bool have_ps;
	int s;

	nrel = plan_compose_targets(tail, tlen, "", rel, 16);
	for (i = 0; i < nrel; i++)
		k[n++] = (struct tagspell_known){ rel[i], "releases.log" };
	for (i = 0; i < a->nseen; i++)
		k[n++] = (struct tagspell_known){ a->seen[i], "ran here in this incident" };
	have_ps = parse_compose_ps(a->buf ? a->buf : "", headlen, &ps, &err) == 0;
	for (s = 0; have_ps && s < a->cfg->nservices && s < WR_SERVICES_MAX; s++)
		if ((c = parse_compose_find(&ps, a->cfg->services[s])) != NULL) {
			snprintf(runs[s], sizeof(runs[s]), "%s runs it", a->cfg->services[s]);
			k[n++] = (struct tagspell_known){ c->tag, runs[s] };
		}
	k[n++] = (struct tagspell_known){ a->rb.to, "this incident's rollback target" };
	k[n++] = (struct tagspell_known){ a->rb.from, "this incident rolled back from it" };
	for (i = 0; i < a->nbad; i++)
		k[n++] = (struct tagspell_known){ a->bad[i].tag, "judged bad in this incident" };
	switch (tagspell_resolve(a->want, k, n, tag, sizeof(tag), a->spell_words,
	    sizeof(a->spell_words))) {
	case TAGSPELL_RESPELT:
		wr_strlcpy(a->want_typed, a->want, sizeof(a->want_typed));
		wr_strlcpy(a->want, tag, sizeof(a->want));
		break;
	case TAGSPELL_UNKNOWN:
	case TAGSPELL_AMBIGUOUS:
		a->spell_loud = true;
		break;
	case TAGSPELL_AS_TYPED:
		break;
	}
	if (have_ps)
		parse_compose_free(&ps);
}

/* Where the host could go back to, newest first: releases.log's good tags,
 * the rollout history's earlier revisions, helm's earlier good releases. */
static void
find_choices(struct action *a, const char *mark, size_t headlen, struct wr_err *err)
{
	const char *tail = mark ? mark + strlen(MARK) : "";
	size_t tlen = mark ? strlen(tail) : 0, i, n;
	char label[400];

	if (a->cfg->driver == DRIVER_COMPOSE && a->want[0] != '\0') {
		/* The engineer named the tag (a runbook step's IMAGE_TAG, or
		 * typed); planned() said already when it runs. */
		char at[8];
		bool rolled;

		spell_wanted(a, tail, tlen, headlen);
		rolled = plan_compose_rolled_back(tail, tlen, a->want, at);

		/* Named, so it is the one offered; still said loudly. */
		snprintf(label, sizeof(label), "%s%s%s%s%s", a->want,
		    rolled ? "  (rolled back from" : "", rolled && at[0] ? " at " : "",
		    rolled ? at : "", rolled ? " per releases.log)" : "");
		add_choice(a, a->want, 0, label);
		a->choices[0].rolled_back = a->choices[0].marked = rolled;
		wr_strlcpy(a->choices[0].rolled_at, at, sizeof(a->choices[0].rolled_at));
	} else if (a->cfg->driver == DRIVER_COMPOSE) {
		struct plan_candidate c[ACT_CHOICES_MAX];

		/* What ran here earlier in this incident, then releases.log's
		 * good tags; one a rollback there moved away from comes last. */
		n = plan_compose_candidates(tail, tlen, a->planned_cur.tag,
		    (const char (*)[128])a->seen, a->nseen, a->bad, a->nbad,
		    c, ACT_CHOICES_MAX);
		for (i = 0; i < n; i++) {
			add_choice(a, c[i].tag, 0, c[i].label);
			a->choices[a->nchoices - 1].rolled_back = c[i].rolled_back;
			a->choices[a->nchoices - 1].marked = c[i].marked;
			a->choices[a->nchoices - 1].left = c[i].left;
			wr_strlcpy(a->choices[a->nchoices - 1].rolled_at, c[i].rolled_at,
			    sizeof(a->choices[0].rolled_at));
		}
		if (a->nchoices == 0) {
			a->needs_target = true;
			wr_err_set(err, "releases.log names no earlier successful tag than %s",
			    a->planned_cur.tag);
		}
	} else if (a->cfg->driver == DRIVER_K8S) {
		const char *rsmark = mark ? strstr(tail, MARK_RS) : NULL;
		struct k8s_history hist;
		struct k8s_rs_images rs = { 0 };
		struct act_choice *c;
		struct wr_err rserr;

		/* Each revision's image, from its ReplicaSet: the dialog names
		 * the tag it goes back to and the verify checks it. A cluster
		 * that refuses to list them still rolls back, tag unknown. */
		if (rsmark != NULL) {
			const char *json = rsmark + strlen(MARK_RS);

			tlen = (size_t)(rsmark - tail);
			if (parse_k8s_rs_images(json, strlen(json), a->cfg->services[a->svc], &rs,
			    &rserr) != 0)
				memset(&rs, 0, sizeof(rs));
		}
		export_now(a, headlen);
		if (mark != NULL && parse_k8s_history(tail, tlen, &hist, err) == 0) {
			for (i = hist.n; i-- > 0;)
				if (hist.items[i].revision < a->planned_cur.revision) {
					const char *tag = parse_k8s_rs_tag(&rs, hist.items[i].revision);
					char mode[64] = "", shown[96] = "";

					if (tag != NULL && !plan_tag_valid(tag))
						tag = NULL;
					/* Its template's EXPORT_MODE, named where it
					 * differs from the running one's. */
					if (rsmark != NULL)
						export_of_revision(a, rsmark + strlen(MARK_RS),
						    hist.items[i].revision, mode, sizeof(mode));
					if (mode[0] != '\0' && a->export_now[0] != '\0' &&
					    strcmp(mode, a->export_now) != 0)
						snprintf(shown, sizeof(shown), "EXPORT_MODE%s%s",
						    mode[0] == '(' ? " " : "=", mode);
					rbtarget_k8s_label(hist.items[i].revision, tag, shown,
					    hist.items[i].change_cause, label, sizeof(label));
					/* Newest first: past the list's end, older ones go. */
					if ((c = add_choice(a, tag ? tag : "", hist.items[i].revision,
					    label)) != NULL)
						wr_strlcpy(c->export_mode, mode, sizeof(c->export_mode));
				}
			parse_k8s_history_free(&hist);
		}
		{
			struct rbtarget_left l[ACT_CHOICES_MAX];

			mark_history(a, l, rbtarget_k8s_left(&rs, l, ACT_CHOICES_MAX));
		}
		parse_k8s_rs_free(&rs);
		if (a->nchoices == 0)
			wr_err_set(err, "the rollout history has no revision before %d",
			    a->planned_cur.revision);
	} else {
		struct helm_history h;
		struct act_choice *c;

		if (parse_helm_history(a->buf, headlen, &h, err) == 0) {
			const struct helm_revision *run = h.current >= 0 ? &h.items[h.current] : NULL;

			/* What runs, as planning read it (helm_running). */
			for (i = 0; i < h.n; i++)
				if (h.items[i].revision == a->planned_cur.revision)
					run = &h.items[i];

			/* The natural target first, then every other earlier good one. */
			if (h.rollback >= 0) {
				const struct helm_revision *r = &h.items[h.rollback];

				snprintf(label, sizeof(label), "revision %d: %.80s, app %.60s (%.20s)", r->revision,
				    r->chart, r->app_version, r->status);
				if ((c = add_choice(a, r->app_version, r->revision, label)) != NULL)
					c->same = run != NULL && plan_same_version(r->chart,
					    r->app_version, run->chart, run->app_version);
			}
			for (i = h.n; i-- > 0;) {
				const struct helm_revision *r = &h.items[i];

				if ((int)i == h.rollback || r->revision >= a->planned_cur.revision ||
				    (strcmp(r->status, "superseded") != 0 &&
				    strcmp(r->status, "deployed") != 0))
					continue;
				snprintf(label, sizeof(label), "revision %d: %.80s, app %.60s (%.20s)", r->revision,
				    r->chart, r->app_version, r->status);
				if ((c = add_choice(a, r->app_version, r->revision, label)) != NULL)
					c->same = run != NULL && plan_same_version(r->chart,
					    r->app_version, run->chart, run->app_version);
			}
			{
				struct rbtarget_left l[ACT_CHOICES_MAX];

				mark_history(a, l, rbtarget_helm_left(&h, l, ACT_CHOICES_MAX));
			}
			parse_helm_history_free(&h);
		}
		if (a->nchoices == 0 && err->msg[0] == '\0')
			wr_err_set(err, "helm history has no earlier good revision");
	}
}

/* Is tag (an image tag; on helm, an app version) the target named? A
 * leading v is no difference: helm's 1.4.1 is the image tag v1.4.1, and
 * a typed 1.4.1 names it on every driver (what runs is still the name
 * typed, or the revision it matched). */
static bool
wanted_tag(const struct action *a, const char *tag)
{
	return badrel_same(tag, a->want);
}

/* A k8s or helm rollback whose target was named (a runbook step's
 * revision or tag): that choice alone, or why the history has none. */
static void
keep_wanted(struct action *a, struct wr_err *err)
{
	char named[160], have[300];
	size_t hl = 0;
	int i, n = 0;

	if (a->cfg->driver == DRIVER_COMPOSE || a->nchoices == 0 ||
	    (a->want[0] == '\0' && a->want_rev == 0))
		return;
	have[0] = '\0';
	for (i = 0; i < a->nchoices; i++) {
		const struct act_choice *c = &a->choices[i];

		if (hl < sizeof(have))
			hl += (size_t)snprintf(have + hl, sizeof(have) - hl, "%s%d (%s)",
			    i ? ", " : "", c->rev, c->tag[0] ? c->tag : "tag unknown");
		if ((a->want_rev == 0 || c->rev == a->want_rev) &&
		    (a->want[0] == '\0' || wanted_tag(a, c->tag)))
			a->choices[n++] = *c;
	}
	a->nchoices = n;
	if (n > 0)
		return;
	if (a->want_rev > 0)
		snprintf(named, sizeof(named), "revision %d%s%s%s", a->want_rev,
		    a->want[0] ? " (" : "", a->want, a->want[0] ? ")" : "");
	else
		snprintf(named, sizeof(named), "tag %s", a->want);
	/* Helm offers only earlier revisions that deployed: a named one that
	 * failed or is current is missing for that reason, so say it. */
	const char *good = a->cfg->driver == DRIVER_HELM ? "good (superseded or deployed) " : "";

	if (a->want_from[0] != '\0')
		wr_err_set(err, "%s went to %s, and no earlier %srevision of %s here is that: "
		    "they are %s", a->want_from, named, good, a->cfg->services[a->svc], have);
	else
		wr_err_set(err, "the step names %s; the earlier %srevisions of %s are %s", named,
		    good, a->cfg->services[a->svc], have);
}

/* The rollback's .env, read while planning: its last step is planned
 * from it, or the plan warns that it could not be read. */
static void
planned_env(const struct sftp_result *r, void *arg)
{
	struct action *a = arg;
	struct wr_err err;

	a->sftp = NULL;
	if (a->state != ACTION_PLANNING)
		return;
	if (r->ok) {
		a->env_old = xmalloc(r->len + 1);
		memcpy(a->env_old, r->data, r->len);
		a->env_old[r->len] = '\0';
		a->env_old_len = r->len;
		a->env_mode = r->mode;
		a->env_read = true;
	} else
		wr_strlcpy(a->env_error, r->error, sizeof(a->env_error));
	if (plan_choice(a, a->choice < 0 ? 0 : a->choice, &err) == 0) {
		/* None preselected: the dialog lists them, runs nothing. */
		if (a->choice < 0)
			plan_unpick(&a->plan, a->unpicked);
		a->state = ACTION_CONFIRMING;
	} else {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "no rollback plan: %s", err.msg);
	}
	act_changed(a);
}

/* Compose: which other services run the tag being left (ps, the first
 * headlen bytes of buf), then read .env over SFTP. 0 when the read
 * started (planned_env goes on), -1 when not (the plan says why). */
static int
read_env(struct action *a, size_t headlen, struct wr_err *err)
{
	struct compose_ps ps;
	char path[WR_PATH_MAX];

	if (parse_compose_ps(a->buf ? a->buf : "", headlen, &ps, err) == 0) {
		plan_tag_sharers(a->cfg, a->svc, &ps, a->planned_cur.tag, a->env_shared,
		    sizeof(a->env_shared));
		parse_compose_free(&ps);
	}
	err->msg[0] = '\0';
	if (plan_env_path(a->cfg, path, sizeof(path), err) == 0 &&
	    (a->sftp = sftp_read_start(a->env.pool, a->host, path, ENVFILE_MAX, 15000,
	    planned_env, a, err)) != NULL)
		return 0;
	wr_strlcpy(a->env_error, err->msg, sizeof(a->env_error));
	err->msg[0] = '\0';
	return -1;
}

/* A host already at this incident's rollback target (rolled back there
 * OK, its own FAILED/UNKNOWN rollback applied all the same, or moved
 * there by hand: a newer tag it ran here before is listed)
 * gets no target preselected: one more rollback goes past the good
 * release. The reason is the dialog's first warning. A target the
 * engineer named (a runbook step's) is theirs. */
static void
at_target_note(struct action *a)
{
	const char *left = "";
	int i;

	if (a->want[0] != '\0' || a->want_rev != 0 || a->nchoices == 0)
		return;
	for (i = 0; i < a->nchoices && left[0] == '\0'; i++)
		if (a->choices[i].left)
			left = a->choices[i].tag;
	a->at_rb_target = rbtarget_note(a->rb.to[0] || a->rb.tried_to[0] ? &a->rb : NULL,
	    a->cfg->name, a->planned_cur.tag, left, loop_wall_ms(), a->unpicked, sizeof(a->unpicked));
}

static void
planned(struct action *a, const struct exec_result *r)
{
	const char *mark;
	struct wr_err err;
	size_t headlen;

	if (a->state != ACTION_PLANNING)
		return;
	if (!r->finished || r->exit_status != 0) {
		a->state = ACTION_CANCELLED;
		snprintf(a->reason, sizeof(a->reason), "could not read %s to plan: %s",
		    a->cfg->name, r->finished ? a->last_line : r->error);
		return;
	}
	mark = a->buf ? strstr(a->buf, MARK) : NULL;
	headlen = mark ? (size_t)(mark - a->buf) : a->len;
	err.msg[0] = '\0';
	if (act_read_current(a, a->buf ? a->buf : "", headlen, &a->planned_cur, &err) == 0) {
		if (a->cfg->driver == DRIVER_HELM && mark != NULL)
			helm_running(a->buf, headlen, mark + strlen(MARK), &a->planned_cur);
		if (a->want[0] != '\0' && a->want_rev == 0 &&
		    wanted_tag(a, a->planned_cur.tag)) {
			/* Nothing to do, said as such (no "no rollback plan": nothing
			 * failed): B's chain and a step's queue go on past it. */
			a->at_target = true;
			a->state = ACTION_CANCELLED;
			snprintf(a->reason, sizeof(a->reason), "%s already runs %s: nothing to do",
			    a->cfg->services[a->svc], a->want);
			return;
		} else {
			find_choices(a, mark, headlen, &err);
			keep_wanted(a, &err);
			demote_bad(a, &err);
			target_first(a);
			only_rolled_back(a, &err);
			at_target_note(a);
			a->choice = a->nchoices > 0 ? default_choice(a) : 0;
			if (a->nchoices > 0 && a->cfg->driver == DRIVER_COMPOSE &&
			    read_env(a, headlen, &err) == 0)
				return;
			if (a->nchoices > 0 && plan_choice(a, a->choice < 0 ? 0 : a->choice,
			    &err) == 0) {
				/* None preselected: the dialog lists them, runs nothing. */
				if (a->choice < 0)
					plan_unpick(&a->plan, a->unpicked);
				a->state = ACTION_CONFIRMING;
				return;
			}
		}
	}
	a->state = ACTION_CANCELLED;
	snprintf(a->reason, sizeof(a->reason), "no rollback plan: %s", err.msg);
}

int
action_nchoices(const struct action *a)
{
	return a->nchoices;
}

bool
action_choice_marked(const struct action *a, int i)
{
	return i >= 0 && i < a->nchoices && (a->choices[i].marked || a->choices[i].same ||
	    a->choices[i].hist_left || a->choices[i].stalled || is_bad(a, a->choices[i].tag));
}

const char *
action_choice_label(const struct action *a, int i)
{
	return i >= 0 && i < a->nchoices ? a->choices[i].label : "";
}

int
action_choice(const struct action *a)
{
	return a->choice;
}

int
action_choose(struct action *a, int i, struct wr_err *err)
{
	struct plan keep = a->plan;

	if (a->state != ACTION_CONFIRMING || i < 0 || i >= a->nchoices)
		return wr_err_set(err, "no such target");
	if (plan_choice(a, i, err) != 0) {
		a->plan = keep;
		return -1;
	}
	a->choice = i;
	return 0;
}

bool
action_needs_target(const struct action *a)
{
	return a->needs_target;
}

const char *
action_unpicked_why(const struct action *a)
{
	return a->choice < 0 ? a->unpicked : "";
}

bool
action_at_target(const struct action *a)
{
	return a->at_target;
}

bool
action_cancelled_by_hand(const struct action *a)
{
	return a->cancel_by_hand;
}

/* What planning reads: the current state, then (after MARK) what the
 * target is chosen from (helm: the history, then its Deployment). */
static int
plan_read_cmd(const struct config_host *h, int svc, char *cmd, size_t cap, struct wr_err *err)
{
	/* c: the quoted compose_dir (Compose), the ReplicaSets read (k8s). */
	char a[WR_CMD_MAX], b[WR_CMD_MAX], c[WR_CMD_MAX] = "";

	switch (h->driver) {
	case DRIVER_COMPOSE:
		if (!driver_cmd_quote(c, sizeof(c), h->compose_dir))
			return wr_err_set(err, "compose_dir too long");
		snprintf(cmd, cap, "cd %s && docker compose ps -a --format json && echo '%s' && "
		    "(tail -n 100 releases.log 2>/dev/null || true)", c, MARK);
		return 0;
	case DRIVER_K8S:
		if (driver_cmd_k8s_deploy(h, h->services[svc], a, sizeof(a), err) != 0 ||
		    driver_cmd_k8s_history(h, h->services[svc], b, sizeof(b), err) != 0 ||
		    driver_cmd_k8s_replicasets(h, h->services[svc], c, sizeof(c), err) != 0)
			return -1;
		snprintf(cmd, cap, "%s && echo '%s' && %s && echo '%s' && (%s || true)", a, MARK, b,
		    MARK_RS, c);
		return 0;
	case DRIVER_HELM:
		/* Its Deployment too: helm keeps a revision "deployed" that no
		 * pod runs once a newer one failed by its wait rolled out. */
		if (driver_cmd_helm_history(h, h->services[svc], a, sizeof(a), err) != 0 ||
		    driver_cmd_helm_deploy(h, h->services[svc], b, sizeof(b), err) != 0)
			return -1;
		snprintf(cmd, cap, "%s && echo '%s' && (%s || true)", a, MARK, b);
		return 0;
	}
	return wr_err_set(err, "unknown driver");
}

struct action *
act_new(const struct action_env *env, int host, int svc, const char *verb, const char *prefix)
{
	struct action *a = xcalloc(1, sizeof(*a));
	unsigned r = (unsigned)getpid() * 2654435761u ^ (unsigned)loop_now_ms();

	a->env = *env;
	for (; a->nseen < env->nseen_tags && a->nseen < 4; a->nseen++)
		wr_strlcpy(a->seen[a->nseen], env->seen_tags[a->nseen], sizeof(a->seen[0]));
	a->env.seen_tags = NULL;
	a->env.nseen_tags = 0;
	for (; a->nbad < env->nbad_tags && a->nbad < 8; a->nbad++)
		a->bad[a->nbad] = env->bad_tags[a->nbad];
	a->env.bad_tags = NULL;
	a->env.nbad_tags = 0;
	if (env->rb_target != NULL)
		a->rb = *env->rb_target;
	a->env.rb_target = NULL;
	if (env->env_tag != NULL && env->ran_tags != NULL) {
		int i;

		wr_strlcpy(a->env_before, env->env_tag, sizeof(a->env_before));
		for (i = 0; i < env->cfg->hosts[host].nservices; i++)
			wr_strlcpy(a->ran_before[i], env->ran_tags[i], sizeof(a->ran_before[0]));
	}
	a->env.env_tag = NULL;
	a->env.ran_tags = NULL;
	a->host = host;
	a->svc = svc;
	a->cfg = &env->cfg->hosts[host];
	a->verb = verb;
	a->state = ACTION_PLANNING;
	a->started_ms = loop_now_ms();
	snprintf(a->op, sizeof(a->op), "%s-%lx-%04x", prefix, (unsigned long)time(NULL),
	    r & 0xffff);
	wr_strlcpy(a->step_name, "plan", sizeof(a->step_name));
	return a;
}

struct action *
action_rollback_start(const struct action_env *env, int host, int svc, const char *to,
    int rev, struct wr_err *err)
{
	const struct config_host *h = &env->cfg->hosts[host];
	struct action *a;
	char cmd[WR_CMD_MAX * 3];

	if (h->read_only)
		return wr_err_set(err, "%s is read_only in the config: never a target", h->name),
		    NULL;
	if (ssh_pool_session(env->pool, host) == NULL)
		return wr_err_set(err, "%s is not UP", h->name), NULL;
	if (rev > 0 && h->driver == DRIVER_COMPOSE)
		return wr_err_set(err, "%s is a compose host: it goes back to a tag, not a "
		    "revision", h->name), NULL;
	if (to != NULL && !plan_tag_valid(to))
		return wr_err_set(err, "'%s' is not a usable tag", to), NULL;
	a = act_new(env, host, svc, "rollback", "rb");
	if (to != NULL)
		wr_strlcpy(a->want, to, sizeof(a->want));
	if (env->target_from != NULL)
		wr_strlcpy(a->want_from, env->target_from, sizeof(a->want_from));
	a->env.target_from = NULL;
	a->want_rev = rev;
	if (plan_read_cmd(h, svc, cmd, sizeof(cmd), err) != 0) {
		free(a);
		return NULL;
	}
	return act_plan_read(a, cmd, planned, err);
}

static const char *
plan_str(const cJSON *plan, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(plan, key);

	return cJSON_IsString(v) ? v->valuestring : "";
}

struct action *
action_adopt_unknown(const struct action_env *env, const struct unsettled_op *u,
    struct wr_err *err)
{
	const char *op = u->intent->op;
	/* An action.confirmed standing in for a damaged intent holds the
	 * plan's action, service, from and to in its data, its host beside. */
	const cJSON *plan = u->intent_lost ? u->intent->data :
	    cJSON_GetObjectItemCaseSensitive(u->intent->data, "plan");
	const char *host = plan_str(plan, "host"), *svc = plan_str(plan, "service");
	const cJSON *ended = u->end != NULL ?
	    cJSON_GetObjectItemCaseSensitive(u->end->data, "detail") : NULL;
	struct action *a;
	int i, k;

	if (host[0] == '\0' && u->intent->host != NULL)
		host = u->intent->host;
	if ((i = config_host_index(env->cfg, host)) < 0)
		return wr_err_set(err, "action %s: host %s is not in this config", op, host), NULL;
	if ((k = config_service_index(&env->cfg->hosts[i], svc)) < 0)
		return wr_err_set(err, "action %s: %s has no service %s", op, host, svc), NULL;
	a = act_new(env, i, k, "rollback", "rb");
	a->adopted = true;
	if (u->taken_over) {
		char whose[128];

		unsettled_whose(u->intent->actor, whose, sizeof(whose));
		snprintf(a->reread_how, sizeof(a->reread_how), "re-read, taken over from %s "
		    "(gone)", whose);
	}
	wr_strlcpy(a->op, op, sizeof(a->op));
	wr_strlcpy(a->plan.action, plan_str(plan, "action"), sizeof(a->plan.action));
	/* Named as it was when it began (the kill switch's adopt names its own). */
	if (strcmp(a->plan.action, "runbook.command") == 0)
		a->verb = "runbook command";
	else if (strcmp(a->plan.action, "compose.migrate_down") == 0)
		a->verb = "migration downgrade";
	wr_strlcpy(a->plan.host, host, sizeof(a->plan.host));
	wr_strlcpy(a->plan.service, svc, sizeof(a->plan.service));
	wr_strlcpy(a->plan.from, plan_str(plan, "from"), sizeof(a->plan.from));
	wr_strlcpy(a->plan.to, plan_str(plan, "to"), sizeof(a->plan.to));
	wr_strlcpy(a->plan.verify_cmd, plan_str(plan, "verify"), sizeof(a->plan.verify_cmd));
	{
		const cJSON *fr = cJSON_GetObjectItemCaseSensitive(plan, "from_revision");

		a->plan.from_rev = cJSON_IsNumber(fr) ? fr->valueint : 0;
	}
	/* With no plan kept, a Compose rollback's read-back is the one its
	 * plan would have had, from this config: what runs there now. */
	if (u->intent_lost && a->plan.verify_cmd[0] == '\0' &&
	    strcmp(a->plan.action, "compose.rollback") == 0) {
		struct plan p;
		struct wr_err e;

		if (plan_compose_rollback(a->cfg, k, a->plan.from, a->plan.to, 0, NULL, NULL, &p, &e) == 0)
			wr_strlcpy(a->plan.verify_cmd, p.verify_cmd, sizeof(a->plan.verify_cmd));
	}
	if (strcmp(a->plan.action, "compose.killswitch") == 0)
		act_killswitch_adopt(a, plan);
	else if (strcmp(a->plan.action, "k8s.killswitch") == 0)
		act_k8s_killswitch_adopt(a, plan);
	else if (strcmp(a->plan.action, "compose.rollback") == 0)
		act_keep_tag_adopt(a, plan);
	/* A rollback's re-read asks /readyz as its OK path did: where this
	 * config says, never a URL taken from the record. Its releases.log
	 * line was the earlier console's to write. */
	if (a->reconcile == NULL && a->plan.verify_cmd[0] != '\0' &&
	    plan_str(plan, "health_gate")[0] != '\0' && a->cfg->health_url[0] != '\0')
		snprintf(a->plan.readyz_url, sizeof(a->plan.readyz_url), "%s/readyz",
		    a->cfg->health_url);
	a->record_elsewhere = plan_str(plan, "record")[0] != '\0';
	a->record_ran = u->released;
	/* Its line names its op, or (an older plan) only its time. */
	a->record_by_op = relwritten_names_op(plan_str(plan, "record"), op);
	a->intent_ms = u->intent->ts_ms;
	a->state = ACTION_UNKNOWN;
	/* With an end, it ended UNKNOWN then: its connection dropped, or its
	 * console was stopped mid-action (SIGTERM, SIGHUP); the end says which. */
	unsettled_reason(u, a->plan.from, a->plan.to,
	    cJSON_IsString(ended) ? ended->valuestring : NULL, a->reason, sizeof(a->reason));
	/* Only the read-back, which changes nothing, ever runs for it. */
	if (action_rereadable(a))
		act_reconcile_later(a);
	return a;
}

enum action_state
action_state(const struct action *a)
{
	return a->state;
}

const struct plan *
action_plan(const struct action *a)
{
	return &a->plan;
}

int
action_host(const struct action *a)
{
	return a->host;
}

int
action_service(const struct action *a)
{
	return a->svc;
}

const char *
action_step(const struct action *a)
{
	return a->step_name;
}

const char *
action_verb(const struct action *a)
{
	return a->verb;
}

const char *
action_kind(const struct action *a)
{
	return act_kind(a);
}

const char *
action_reason(const struct action *a)
{
	return a->reason;
}

const char *
action_op(const struct action *a)
{
	return a->op;
}

void
action_end_stored(struct action *a)
{
	static const char now[] = " (its end stored late, once the journal recovered)";
	char rest[sizeof(a->reason)];
	size_t at = a->unstored_at, len = a->unstored_len;

	if (len == 0 || at + len > strlen(a->reason))
		return;
	wr_strlcpy(rest, a->reason + at + len, sizeof(rest));
	snprintf(a->reason + at, sizeof(a->reason) - at, "%s%s", now, rest);
	/* A re-read's words after it moved with it. */
	if (a->reread_at > at)
		a->reread_at = a->reread_at + sizeof(now) - 1 - len;
	a->unstored_len = 0;
}

const char *
action_reread(const struct action *a)
{
	return a->reread_at > 0 ? a->reason + a->reread_at : NULL;
}

void
action_set_step(struct action *a, const char *step_id, const char *code)
{
	wr_strlcpy(a->runbook_step, step_id, sizeof(a->runbook_step));
	wr_strlcpy(a->runbook_code, code != NULL ? code : "", sizeof(a->runbook_code));
	a->runbook_section = false;
}

void
action_set_section(struct action *a, const char *section_id, const char *code)
{
	wr_strlcpy(a->runbook_step, section_id, sizeof(a->runbook_step));
	wr_strlcpy(a->runbook_code, code != NULL ? code : "", sizeof(a->runbook_code));
	a->runbook_section = true;
}

void
action_set_chain(struct action *a, const char *chain)
{
	wr_strlcpy(a->chain, chain, sizeof(a->chain));
}

int64_t
action_started_ms(const struct action *a)
{
	return a->started_ms;
}

bool
action_waits_rollout(const struct action *a)
{
	return a->state == ACTION_UNKNOWN && !a->reconciled && (a->rollout_watched ||
	    (!a->reread_gave_up && a->reread_since != 0 && a->reread_rolling));
}

void
action_rollout_completed(struct action *a, const char *summary)
{
	size_t n = strlen(a->reason);

	if (a->state != ACTION_UNKNOWN || a->reconciled)
		return;
	a->reconciled = true;
	if (a->timer != 0) {
		loop_timer_cancel(a->env.loop, a->timer);
		a->timer = 0;
	}
	/* What the re-read found (and its "check by hand, then U") is
	 * stale once this settled it: these words take its place. */
	if (a->reread_at > 0 && a->reread_at <= n)
		n = a->reread_at - 2;
	if (a->unstored_at >= n)
		a->unstored_len = 0;
	if (n + 2 < sizeof(a->reason)) {
		a->reread_at = n + 2;
		a->settled_late = true;
		snprintf(a->reason + n, sizeof(a->reason) - n, "; %s", summary);
	}
	act_changed(a);
}

bool
action_settled_late(const struct action *a)
{
	return a->settled_late;
}

long
action_reread_left_s(const struct action *a)
{
	int64_t left;

	if (a->state != ACTION_UNKNOWN || a->reconciled || a->reread_gave_up ||
	    a->reread_since == 0 || !action_rereadable(a))
		return 0;
	left = a->env.cfg->health_timeout_ms - (loop_now_ms() - a->reread_since);
	return left > 0 ? (long)((left + 999) / 1000) : 0;
}

const char *
action_read_not_settled(const struct action *a)
{
	if (a->state != ACTION_UNKNOWN || a->reconciled || a->reread_since == 0)
		return NULL;
	return a->reread_cur.tag;
}

bool
action_rereadable(const struct action *a)
{
	return !a->reread_gave_up && (a->reconcile != NULL || a->plan.verify_cmd[0] != '\0');
}

int
action_settle(struct action *a, bool ok, const char *typed, struct wr_err *err)
{
	char summary[600], *saw, *clean;
	bool unknown;
	cJSON *d;
	size_t n;
	int rc;

	if (a->state != ACTION_UNKNOWN || a->reconciled)
		return wr_err_set(err, "%s on %s is not UNKNOWN", action_verb(a), a->cfg->name);
	if (a->env.tl == NULL)
		return wr_err_set(err, "no incident journal to record it in");
	/* Another console settled it meanwhile: one outcome, not two. */
	if (timeline_op_settled(a->env.tl, a->op, &unknown))
		return wr_err_set(err, "%s on %s was settled already in another console (TIMELINE "
		    "has its outcome)", action_verb(a), a->cfg->name);
	/* The engineer's words are shown (HOSTS, the footer) as the journal
	 * keeps them: a token pasted as evidence never on screen. */
	saw = a->env.red != NULL ? redact_text(a->env.red, typed) : xstrdup(typed);
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "action", a->plan.action);
	cJSON_AddStringToObject(d, "by", "hand");
	cJSON_AddStringToObject(d, "outcome", ok ? "ok" : "failed");
	/* The engineer's words are stored and shown as the sanitizer writes
	 * them, as any text from outside is (DESIGN §3.5). */
	clean = sanitize_dup(saw, strlen(saw), NULL);
	cJSON_AddStringToObject(d, "detail", clean);
	/* The engineer's words, not ours: "failed" may be a change that was
	 * made and then stalled, so it is never said as "no effect". */
	snprintf(summary, sizeof(summary), "settled by hand: %s — %s", ok ? "OK" : "FAILED", clean);
	cJSON_AddStringToObject(d, "summary", summary);
	if ((rc = timeline_append(a->env.tl, "action.reconcile", a->cfg->name, a->op, d, err)) == 0) {
		a->reconciled = true;
		if (a->timer != 0) {
			loop_timer_cancel(a->env.loop, a->timer);
			a->timer = 0;
		}
		n = strlen(a->reason);
		snprintf(a->reason + n, sizeof(a->reason) - n, "; settled by hand: %s, %s",
		    ok ? "ok" : "failed", clean);
		act_changed(a);
	}
	free(clean);
	free(saw);
	return rc;
}

bool
action_env_stale(const struct action *a)
{
	return a->env_stale;
}

bool
action_reconciled(const struct action *a)
{
	return a->reconciled;
}

bool
action_finished(const struct action *a)
{
	return a->state >= ACTION_OK;
}

void
action_free(struct action *a)
{
	if (a == NULL)
		return;
	if (a->timer)
		loop_timer_cancel(a->env.loop, a->timer);
	if (a->sftp != NULL)
		sftp_cancel(a->sftp);
	free(a->env_old);
	free(a->env_new);
	free(a->buf);
	free(a);
}
