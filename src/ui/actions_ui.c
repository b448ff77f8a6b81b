/*
 * actions_ui.c — the console's side of actions: arming, starting a
 * rollback, the confirmation dialog bound to the plan, the progress line,
 * and the outcome in the footer. Every mutating command reached here
 * through dispatch(), so read-only, unarmed and degraded-journal consoles
 * never get this far.
 */
#include "warroom/ui.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "warroom/action.h"
#include "warroom/cause.h"
#include "warroom/envmark.h"
#include "warroom/export.h"
#include "warroom/chat.h"
#include "warroom/poller.h"
#include "warroom/rbtarget.h"
#include "warroom/statuspage.h"
#include "warroom/statuspage_req.h"
#include "warroom/poststill.h"
#include "warroom/timeline.h"
#include "warroom/unsettled.h"
#include "warroom/record.h"
#include "warroom/settle.h"
#include "warroom/http.h"
#include "warroom/scrollwin.h"
#include "warroom/loop.h"
#include "warroom/ssh.h"
#include "warroom/tunnel.h"

static void on_action(struct action *a, void *arg);

/* What every action of this console runs with. */
static struct action_env
env_of(struct app *app)
{
	struct action_env env = {
		.loop = app->loop, .pool = app->pool, .http = app->http,
		.tunnels = app->tunnels, .tl = app->tl, .cfg = &app->cfg, .out = &app->logs,
		.red = &app->red, .incident = app->incident, .on_change = on_action, .arg = app,
	};
	int i;

	for (i = 0; i < app->nrunbooks && !env.migration_step; i++)
		env.migration_step = runbook_has_migration_step(&app->runbooks[i].rb);
	return env;
}

/* The id of the runbook step whose slot this is into id; "" for none (a
 * section's own, or no slot). */
static void
slot_step(const struct app *app, struct action **slot, char *id, size_t cap)
{
	int i;

	id[0] = '\0';
	for (i = 0; slot != NULL && i < app->nrunbooks; i++) {
		const struct app_runbook *r = &app->runbooks[i];

		if (slot >= r->step_action && slot < r->step_action + r->rb.nsteps) {
			app_step_id(r, (size_t)(slot - r->step_action), id, cap);
			return;
		}
	}
}

/* Whether the runbook whose step or section slot is has an announce
 * binding: it says itself what the chat reads, so its status-page posts
 * are not echoed there too (the chat would have each news twice). */
static bool
slot_announces(const struct app *app, struct action **slot)
{
	int i;

	for (i = 0; slot != NULL && i < app->nrunbooks; i++) {
		const struct app_runbook *r = &app->runbooks[i];

		if ((slot >= r->step_action && slot < r->step_action + r->rb.nsteps) ||
		    (slot >= r->section_action && slot < r->section_action + r->rb.nsections))
			return runbook_has_binding(&r->rb, RUNBOOK_ACT_ANNOUNCE);
	}
	return false;
}

/* The id of the runbook section whose own slot this is into id; "" for
 * none (a step's, or no slot). */
static void
slot_section(const struct app *app, struct action **slot, char *id, size_t cap)
{
	int i;

	id[0] = '\0';
	for (i = 0; slot != NULL && i < app->nrunbooks; i++) {
		const struct app_runbook *r = &app->runbooks[i];

		if (slot >= r->section_action && slot < r->section_action + r->rb.nsections) {
			app_section_id(r, (size_t)(slot - r->section_action), id, cap);
			return;
		}
	}
}

/* The id of the step or section whose slot this is into id ("" for no
 * slot), *section saying which: a post, announcement or smoke check sent
 * from a section names it as its actions do, so its row's marks are read
 * back from the journal too. */
static void
slot_row(const struct app *app, struct action **slot, char *id, size_t cap, bool *section)
{
	slot_step(app, slot, id, cap);
	*section = id[0] == '\0';
	if (*section)
		slot_section(app, slot, id, cap);
}

/* What the step (or section's own blocks) whose slot this is runs, as
 * runbook_work_code hashes it, into code; "" for no runbook slot. */
static void
slot_code(const struct app *app, struct action **slot, char code[WR_RUNBOOK_CODE_LEN + 1])
{
	int i;

	code[0] = '\0';
	for (i = 0; slot != NULL && i < app->nrunbooks; i++) {
		const struct app_runbook *r = &app->runbooks[i];
		size_t k;

		if (slot >= r->step_action && slot < r->step_action + r->rb.nsteps) {
			k = (size_t)(slot - r->step_action);
			runbook_work_code(&r->rb, r->rb.steps[k].section, k, code);
			return;
		}
		if (slot >= r->section_action && slot < r->section_action + r->rb.nsections) {
			k = (size_t)(slot - r->section_action);
			runbook_work_code(&r->rb, k, WR_RUNBOOK_NONE, code);
			return;
		}
	}
}

/* The action now fills its slot; a slot of a runbook step (or a
 * section's own) names that step (or section) in the action's intent
 * (the post-mortem knows x ran the step; a reopened incident shows
 * either's marks), and the step's or section's row keeps it beside the
 * others x started there. */
static void
bind_slot(struct app *app, struct action *a, struct action **slot)
{
	char id[WR_PATH_MAX + 16], code[WR_RUNBOOK_CODE_LEN + 1];
	struct app_ran *ran;

	if (slot == NULL)
		return;
	*slot = a;
	if ((ran = app_slot_ran(app, slot)) != NULL) {
		ran->v = xrealloc(ran->v, (ran->n + 1) * sizeof(*ran->v));
		ran->v[ran->n++] = a;
	}
	slot_code(app, slot, code);
	slot_step(app, slot, id, sizeof(id));
	if (id[0] != '\0') {
		action_set_step(a, id, code);
		return;
	}
	slot_section(app, slot, id, sizeof(id));
	if (id[0] != '\0')
		action_set_section(a, id, code);
}

bool
actions_queue_running(struct app *app)
{
	const struct fleetchain_host *cur = fleetchain_current(&app->fleet);

	if (cur != NULL) {
		app_say(app, "the fleet rollback of %s is still going (%s's turn, %zu more to go): "
		    "wait for it (Esc in its dialog stops the rest)", app->fleet.service, cur->name,
		    app->fleet.n - app->fleet.cur - 1);
		return true;
	}
	if (app->queue_after == NULL || app->nqueue == 0)
		return false;
	app_say(app, "%d queued rollback(s) still to go: wait for them (Esc in a dialog "
	    "stops the rest)", app->nqueue);
	return true;
}

bool
actions_queue_add(struct app *app, int host, int svc, const char *tag, struct action **slot)
{
	struct app_queued *q;

	if (app->nqueue == WR_SERVICES_MAX)
		return false;
	if (app->nqueue == 0)
		app->queue_filter[0] = '\0';   /* B's own, set after it adds */
	q = &app->queue[app->nqueue];
	q->host = host;
	q->svc = svc;
	wr_strlcpy(q->tag, tag, sizeof(q->tag));
	q->slot = slot;
	q->follow = false;
	app->nqueue++;
	return true;
}

void
actions_queue_pop(struct app *app)
{
	struct app_queued q = app->queue[0];

	memmove(&app->queue[0], &app->queue[1], (size_t)(--app->nqueue) * sizeof(q));
	app->target_host = q.host;
	app->target_svc = q.svc;
	app->target_slot = q.slot;
	app->target_queued = true;
	wr_strlcpy(app->target_tag, q.tag, sizeof(app->target_tag));
	wr_strlcpy(app->target_from, q.follow ? app->queue_origin : "",
	    sizeof(app->target_from));
}

/* The popped target will not start after all: nothing queued after it. */
static void
queue_drop_target(struct app *app)
{
	app->target_host = -1;
	app->target_slot = NULL;
	app->target_tag[0] = '\0';
	app->target_from[0] = '\0';
	app->target_queued = false;
	app->nqueue = 0;
}

/* A runbook step named several services, or B named several hosts: the
 * next one, once the last ended OK (goes_on; B's also once the host was
 * already on the target); anything else stops the rest there. B's hosts
 * go to the target confirmed on the one before (a Compose tag; for k8s
 * and helm, the revision whose image tag or app version it is): one
 * fleet, one release; a host not UP when its turn comes is refused and
 * stops the rest, said and journalled. Returns how many were dropped,
 * for the outcome's message to say, with why in why (or "" for: not OK). */
static int
queue_next(struct app *app, struct action *done, bool goes_on, char *why, size_t cap)
{
	const char *to = action_plan(done)->to;
	int dropped, i;

	app->queue_after = NULL;
	why[0] = '\0';
	if (app->nqueue == 0)
		return 0;
	if (action_state(done) == ACTION_OK && app->queue[0].follow && to[0] == '\0')
		snprintf(why, cap, "revision %d's tag is unknown, so no other host can be sent to "
		    "it", action_plan(done)->to_rev);
	if (!goes_on || why[0] != '\0') {
		dropped = app->nqueue;
		app->nqueue = 0;
		if (why[0] != '\0')
			actions_fleet_stop(app, FLEETCHAIN_REFUSED, why);
		return dropped;
	}
	if (app->queue[0].follow && app->queue[0].tag[0] == '\0' && to[0] != '\0')
		wr_strlcpy(app->queue_origin, action_plan(done)->host, sizeof(app->queue_origin));
	for (i = 0; i < app->nqueue && to[0] != '\0'; i++)
		if (app->queue[i].follow && app->queue[i].tag[0] == '\0')
			wr_strlcpy(app->queue[i].tag, to, sizeof(app->queue[i].tag));
	actions_queue_pop(app);
	if (!actions_fleet_next_up(app, app->target_host)) {
		queue_drop_target(app);
		return 0;
	}
	/* Through the choke point again: the arming may have run out. */
	if (dispatch(app, WR_CMD_ROLLBACK) != 0) {
		const char *said = strncmp(app->said, "refused: ", 9) == 0 ? app->said + 9 :
		    app->said;

		actions_fleet_refused(app, app->target_host, said, false);
		queue_drop_target(app);
	}
	return 0;
}

/* ", .env NOT updated" after an OK whose .env still names another tag:
 * a plain `up -d` would undo it, so the outcome is no plain OK. */
static const char *
env_tail(const struct action *a)
{
	return action_env_stale(a) ? ENVMARK_NOT_UPDATED : "";
}

bool
actions_outcome_words(const struct app *app, const struct action *a, char *buf, size_t cap)
{
	const struct timeline_entry *e;
	bool ok;

	snprintf(buf, cap, "%s%s", action_state_name(action_state(a)),
	    action_state(a) == ACTION_OK ? env_tail(a) : "");
	/* FAILED, then its rollout completed: the journal's OK is not this
	 * action's own, so its reason still follows. */
	if ((action_state(a) == ACTION_FAILED || action_state(a) == ACTION_UNKNOWN) &&
	    (e = app_outcome_record(app, action_op(a))) != NULL && e->done_ms > 0) {
		latedone_words(action_state(a) == ACTION_UNKNOWN, e->done_ms, buf, cap);
		return false;
	}
	if (action_state(a) != ACTION_UNKNOWN || !action_reconciled(a) ||
	    (e = app_outcome_record(app, action_op(a))) == NULL ||
	    strcmp(e->kind, "action.reconcile") != 0)
		return false;
	if (!(ok = strcmp(e->outcome, "ok") == 0) && strcmp(e->outcome, "failed") != 0)
		return false;
	snprintf(buf, cap, "%s%s%s", ok ? "OK" : "FAILED", e->by_hand ? ", settled by hand" :
	    " after re-read", ok && !e->by_hand ? env_tail(a) : "");
	return true;
}

/* Nothing is over the panes (a prompt, help, a detail, the quit
 * question): a dialog may open without hiding one or taking its keys. */
static bool
dialog_may_open(const struct app *app)
{
	return app->confirming == NULL && !app->prompt_active && !app->confirm_quit &&
	    !app->help_visible && !app->rb_detail && !app->tl_detail;
}

static void
dialog_open(struct app *app, struct action *a)
{
	app->confirming = a;
	lineedit_clear(&app->confirm_text);
	app->dialog_scroll = 0;
	/* What was said while the plan was read is about the plan: untrue
	 * now, gone wherever it is, also beside an outcome not yet read,
	 * which keeps its few seconds alone. Held there (wide, the two side
	 * by side), it stood over the dialog's keys until a key. */
	app_unsay(app, a);
	/* The footer shows the dialog's keys at once, as x's command dialog
	 * does; the open dialog itself says nothing has run. A message held
	 * until a key stays until it is read, and an outcome its few seconds;
	 * the answer to the key that asked for this dialog gives way to it. */
	if ((!app->status_held || app->status_keyed) && !app_outcome_unread(app)) {
		app->status[0] = '\0';
		app->status_about = NULL;
	}
}

void
actions_dialog_waiting(struct app *app)
{
	size_t i;

	if (!dialog_may_open(app))
		return;
	for (i = 0; i < app->nactions; i++)
		if (action_state(app->actions[i]) == ACTION_CONFIRMING) {
			dialog_open(app, app->actions[i]);
			return;
		}
}

const struct action *
actions_planned(const struct app *app)
{
	size_t i;

	for (i = 0; i < app->nactions; i++)
		if (action_state(app->actions[i]) == ACTION_PLANNING)
			return app->actions[i];
	return NULL;
}

bool
actions_planning(const struct app *app, char *buf, size_t cap)
{
	const struct action *a = actions_planned(app);
	const struct config_host *h;

	if (a == NULL)
		return false;
	h = &app->cfg.hosts[action_host(a)];
	snprintf(buf, cap, "planning the %s of %s/%s", action_verb(a), h->name,
	    h->services[action_service(a)]);
	return true;
}

void
actions_planning_cancel(struct app *app)
{
	size_t i;

	for (i = 0; i < app->nactions; i++)
		if (action_state(app->actions[i]) == ACTION_PLANNING)
			action_cancel(app->actions[i]);
}

/* An action tells of itself on every change, also once it has ended (a
 * re-read, its releases.log line, a host back): its outcome is said when
 * its words changed, never again the same (copies shown side by side).
 * True: said, and shown at once. */
static bool
say_outcome(struct app *app, struct action *a, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* An action as its dialog names it, with what runs, where its record
 * kind ("k8s.undo") once stood: "rollback of api on h1 (kubectl rollout
 * undo)". */
static void
kind_said(const struct action *a, const char *svc, const char *host, char *buf, size_t cap)
{
	const char *kind = action_kind(a), *how = unsettled_how(kind);

	snprintf(buf, cap, "%s of %s on %s%s%s%s", unsettled_verb(kind), svc, host,
	    how[0] ? " (" : "", how, how[0] ? ")" : "");
}

static bool
say_outcome(struct app *app, struct action *a, const char *fmt, ...)
{
	char msg[2 * sizeof(app->status)];     /* longer: app.c cuts it, marked */
	uint64_t h = 1469598103934665603ULL;   /* FNV-1a */
	const unsigned char *c;
	size_t i;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	for (c = (const unsigned char *)msg; *c != '\0'; c++)
		h = (h ^ *c) * 1099511628211ULL;
	h += h == 0;
	for (i = 0; i < app->nactions && app->actions[i] != a; i++)
		;
	if (i < app->nactions) {
		if (app->actions_said[i] == h)
			return false;
		app->actions_said[i] = h;
	}
	return app_say_outcome_of(app, a, "%s", msg);
}

static void
on_action_said(struct app *app, struct action *a)
{
	const struct plan *p = action_plan(a);
	const struct config_host *h = &app->cfg.hosts[action_host(a)];
	const char *reread;
	char stopped[240] = "", words[64], qwhy[160], named[300];
	int dropped;
	bool goes_on, shown;

	app->dirty = true;
	if (action_state(a) == ACTION_CONFIRMING && app->confirming == NULL) {
		/* Never over another prompt or dialog: it waits for it. */
		if (dialog_may_open(app))
			dialog_open(app, a);
	} else if (action_state(a) != ACTION_CONFIRMING && action_state(a) != ACTION_PLANNING)
		/* Confirmed (or cancelled): the footer shows what runs now. */
		app_unsay(app, a);
	if (action_finished(a)) {
		if (app->confirming == a)
			app->confirming = NULL;
		/* HOSTS shows what the host runs now, not at the last round. */
		poller_refresh(app->poller, action_host(a));
		if (action_needs_target(a) && !app->prompt_active && app->confirming == NULL) {
			/* Nothing to choose from: the engineer names the tag,
			 * told why in the prompt. */
			const char *why = action_reason(a), *colon = strstr(why, ": ");

			wr_strlcpy(app->tag_why, colon ? colon + 2 : why, sizeof(app->tag_why));
			app->tag_host = action_host(a);
			app->tag_svc = action_service(a);
			app_ask(app, PROMPT_TAG);
			return;
		}
		goes_on = actions_fleet_finished(app, a);
		if (app->queue_after == a && (dropped = queue_next(app, a, goes_on, qwhy,
		    sizeof(qwhy))) > 0)
			snprintf(stopped, sizeof(stopped), " (the %d queued after it: not started%s%s)",
			    dropped, qwhy[0] ? ": " : "", qwhy);
		/* What the re-read found is the news: it leads, since the
		 * reason before it (the lost connection) can fill the footer;
		 * and the outcome it settled in the journal is the one said. */
		if ((reread = action_reread(a)) != NULL) {
			int before = (int)(reread - action_reason(a) > 2 ?
			    reread - action_reason(a) - 2 : 0);
			const char *found = action_settled_late(a) ? NULL : strstr(reread, ": ");

			found = found != NULL ? found + 2 : reread;
			kind_said(a, h->services[action_service(a)], h->name, named, sizeof(named));
			if (actions_outcome_words(app, a, words, sizeof(words)))
				say_outcome(app, a, "%s: %s — %s (before it: UNKNOWN, %.*s)", named,
				    words, found, before, action_reason(a));
			else
				say_outcome(app, a, "%s: %s — %s (before it: %.*s)", named, words,
				    reread, before, action_reason(a));
			return;
		}
		if (strstr(action_reason(a), "earlier session") != NULL ||
		    strncmp(action_reason(a), "taken over from ", 16) == 0) {
			kind_said(a, h->services[action_service(a)], h->name, named, sizeof(named));
			say_outcome(app, a, "%s: %s%s — %s", named, action_state_name(action_state(a)),
			    action_state(a) == ACTION_OK ? env_tail(a) : "", action_reason(a));
			return;
		}
		/* The engineer's own Esc, nothing else stopped: the answer to
		 * the key, at once (beside an outcome not yet read), never
		 * queued behind it. */
		/* Named as a re-read or taken-over outcome is: what ran too. */
		kind_said(a, p->service[0] ? p->service : h->services[action_service(a)], h->name,
		    named, sizeof(named));
		if (action_state(a) == ACTION_CANCELLED && action_cancelled_by_hand(a) &&
		    stopped[0] == '\0') {
			app_say(app, "%s: %s — %s", named, action_state_name(action_state(a)),
			    action_reason(a));
			return;
		}
		/* Already at the tag asked for: skipped, not a failure to plan. */
		shown = say_outcome(app, a, "%s: %s%s%s — %s", named,
		    action_at_target(a) ? "SKIPPED" : action_state_name(action_state(a)),
		    action_state(a) == ACTION_OK ? env_tail(a) : "", stopped, action_reason(a));
		/* Nothing ran, and not by the engineer's Esc: until a key. */
		if (shown && action_state(a) == ACTION_CANCELLED && !action_cancelled_by_hand(a) &&
		    !action_at_target(a)) {
			app->status_held = true;
			outq_hold(&app->outq, true);
		}
	}
}

static void
on_action(struct action *a, void *arg)
{
	struct app *app = arg;

	on_action_said(app, a);
	/* After what the outcome said: B's summary, when this ended it. */
	actions_fleet_tell(app);
	actions_fleet_keep(app, a);
}

/* The value turning the export back on restores, from this incident's
 * journal, and when that kill switch turned it off; 0: none did. */
static int
killswitch_restore(struct app *app, int host, char *out, size_t cap, int64_t *at_ms)
{
	struct record_list list;
	int rc;

	*at_ms = 0;
	if (journal_records(app, &list) != 0)
		return 0;
	rc = plan_killswitch_restore(list.v, list.n, app->cfg.hosts[host].name, out, cap, at_ms);
	record_list_free(&list);
	return rc;
}

/* host's latest kill switch in the journal (plan_killswitch_last). */
static void
killswitch_last(struct app *app, int host, struct plan_ks_last *last)
{
	struct record_list list;

	memset(last, 0, sizeof(*last));
	if (journal_records(app, &list) != 0)
		return;
	plan_killswitch_last(list.v, list.n, app->cfg.hosts[host].name, last);
	record_list_free(&list);
}

static void add_action(struct app *app, struct action *a);
static void journal_refusal_row(struct app *app, int host, int svc, const char *action,
    const char *why, const char *text, struct action **slot);
static void journal_refusal_to(struct app *app, int host, int svc, const char *action,
    const char *why, const char *to, struct action **slot);

static bool
busy_on(struct app *app, int host, int svc)
{
	size_t i;

	for (i = 0; i < app->nactions; i++)
		if (!action_finished(app->actions[i]) && action_host(app->actions[i]) == host &&
		    action_service(app->actions[i]) == svc)
			return true;
	return false;
}

void
actions_rollback(struct app *app)
{
	int n, host = app_selected_service(app, &n);
	struct action **slot = app->target_slot;
	char tag[128], seen[4][128], from[sizeof(app->target_from)];
	struct plan_bad bad[8];
	struct rbtarget rb;
	struct action_env env = env_of(app);
	struct action *a;
	struct wr_err err;
	int rev = 0;
	bool chained = false;         /* B's or a step's: the queue waits on it */

	tag[0] = '\0';
	if (app->target_host >= 0) {
		/* From a runbook step: its own host and service (and tag). */
		host = app->target_host;
		n = app->target_svc;
		wr_strlcpy(tag, app->target_tag, sizeof(tag));
		rev = app->target_rev;
		env.health_timeout_s = app->target_timeout_s;
		chained = app->target_queued;
		wr_strlcpy(from, app->target_from, sizeof(from));
		if (from[0] != '\0')
			env.target_from = from;
		app->target_from[0] = '\0';
		app->target_queued = false;
		app->target_host = -1;
		app->target_slot = NULL;
		app->target_tag[0] = '\0';
		app->target_rev = 0;
		app->target_timeout_s = 0;
	} else if (app->focus != PANE_HOSTS) {
		app_say(app, "select the service in HOSTS first (1, then r)");
		return;
	}
	if (app->pool == NULL || host < 0) {
		app_say(app, "no host selected");
		return;
	}
	if (busy_on(app, host, n)) {
		app_say(app, "an action on %s/%s is already running%s", app->cfg.hosts[host].name,
		    app->cfg.hosts[host].services[n], chained && app->nqueue > 0 ?
		    ": the queued rollbacks stop here" : "");
		if (chained) {
			app->nqueue = 0;
			actions_fleet_refused(app, host, "an action on it is already running", false);
		}
		return;
	}
	journal_rollback_tags(app, host, n, seen, 4, &env.nseen_tags, bad, 8, &env.nbad_tags);
	env.seen_tags = (const char (*)[128])seen;
	env.bad_tags = bad;
	if (journal_rollback_target(app, host, n, &rb))
		env.rb_target = &rb;
	/* A rollback that brings exports back on says since when they were off. */
	killswitch_last(app, host, &env.ks_last);
	if ((a = action_rollback_start(&env, host, n, tag[0] ? tag : NULL, rev, &err)) == NULL) {
		app_say(app, "rollback of %s refused: %s", app->cfg.hosts[host].services[n],
		    err.msg);
		if (chained && app->nqueue > 0) {
			app_say(app, "rollback of %s on %s refused: %s; the %d queued after it not "
			    "started", app->cfg.hosts[host].services[n], app->cfg.hosts[host].name,
			    err.msg, app->nqueue);
			app->nqueue = 0;
		}
		if (chained)
			actions_fleet_refused(app, host, err.msg, false);
		else if (slot != NULL)
			/* x on a runbook row: its [REFUSED] mark says it was tried. */
			journal_refusal_row(app, host, n, app->cfg.hosts[host].driver == DRIVER_K8S ?
			    "k8s.undo" : app->cfg.hosts[host].driver == DRIVER_HELM ?
			    "helm.rollback" : "compose.rollback", err.msg, NULL, slot);
		return;
	}
	add_action(app, a);
	if (chained && app->nqueue > 0)
		app->queue_after = a;
	if (chained)
		actions_fleet_started(app, host, a);
	bind_slot(app, a, slot);
	app_say_about(app, a, "planning the rollback of %s on %s…",
	    app->cfg.hosts[host].services[n], app->cfg.hosts[host].name);
}

static void
add_action(struct app *app, struct action *a)
{
	app->actions = xrealloc(app->actions, (app->nactions + 1) * sizeof(*app->actions));
	app->actions_said = xrealloc(app->actions_said, (app->nactions + 1) *
	    sizeof(*app->actions_said));
	app->actions_said[app->nactions] = 0;
	app->actions[app->nactions++] = a;
}

void
actions_killswitch(struct app *app)
{
	int row_svc, host = app_selected_service(app, &row_svc), svc = -1, i;
	struct action_env env = env_of(app);
	const struct config_host *h;
	char restore[128];
	struct action *a;
	struct wr_err err;
	int64_t off_at;
	bool has_restore;

	struct action **slot = app->target_slot;
	char want[sizeof(app->target_ks)] = "", to[128] = "";

	if (app->target_host >= 0) {
		/* From a runbook step: the host, service and direction it names. */
		host = app->target_host;
		if (app->target_svc >= 0)
			svc = app->target_svc;
		wr_strlcpy(want, app->target_ks, sizeof(want));
		app->target_host = app->target_svc = -1;
		app->target_slot = NULL;
		app->target_ks[0] = '\0';
	} else if (app->focus != PANE_HOSTS) {
		app_say(app, "select the host in HOSTS first (1, then X)");
		return;
	}
	if (app->pool == NULL || host < 0) {
		app_say(app, "no host selected");
		return;
	}
	h = &app->cfg.hosts[host];
	/* The export lives in api when the host runs one; else the row's service. */
	for (i = 0; i < h->nservices && svc < 0; i++)
		if (strcmp(h->services[i], "api") == 0)
			svc = i;
	if (svc < 0)
		svc = row_svc;
	if (svc < 0 || svc >= h->nservices) {
		app_say(app, "no service selected on %s", h->name);
		return;
	}
	if (busy_on(app, host, svc)) {
		app_say(app, "an action on %s/%s is already running", h->name, h->services[svc]);
		return;
	}
	/* X turns the export off, or back on only when GET /export answers
	 * off (never from .env alone: a failed redeploy leaves it off while
	 * the service still exports): the plan asks. This incident's journal
	 * only says what "on" restores. A step's "off" is always off, its
	 * "on" always a restore. */
	has_restore = killswitch_restore(app, host, restore, sizeof(restore), &off_at) == 1;
	env.ks_rollout_open = app_ks_rollout_open(app, host);
	env.ks_open_why = app_ks_open_why(app, host);
	if ((a = action_killswitch_start(&env, host, svc, want[0] ? want : NULL,
	    has_restore ? restore : NULL, &err)) == NULL) {
		/* The emergency lever refused: the post-mortem shows it, and
		 * from a runbook row (a step's or a section's own) that row's
		 * [REFUSED] mark, here, in watchers and after a reopen. */
		app_say(app, "kill switch refused: %s", err.msg);
		/* Which way it would have gone, as the plan would take it: only a
		 * refused off leaves a containment gap (contain_refused_gap). */
		if (want[0] == '\0' || strcmp(want, "on") == 0 || strcmp(want, "off") == 0) {
			const char *v = plan_killswitch_value(app_host_export(app, host),
			    want[0] ? want : NULL, has_restore ? restore : NULL);

			snprintf(to, sizeof(to), v[0] ? "EXPORT_MODE=%.100s" : "EXPORT_MODE-", v);
		}
		journal_refusal_to(app, host, svc, h->driver == DRIVER_K8S ? "k8s.killswitch" :
		    h->driver == DRIVER_HELM ? "helm.killswitch" : "compose.killswitch", err.msg,
		    to[0] ? to : NULL, slot);
		return;
	}
	add_action(app, a);
	bind_slot(app, a, slot);
	if (h->driver == DRIVER_K8S)
		app_say_about(app, a, "kill switch: reading deployment/%s on %s…", h->services[svc],
		    h->name);
	else
		app_say_about(app, a, "kill switch: reading %s's .env…", h->name);
}

static void
confirm_now(struct app *app, struct action *a, struct action **slot)
{
	add_action(app, a);
	bind_slot(app, a, slot);
	/* The footer then shows the dialog's keys, not the last step's words. */
	if (dialog_may_open(app))
		dialog_open(app, a);
}

/* What the row's last /readyz says of its schema; an answer asked for
 * before the tag changed or an action there ended says nothing. */
static enum plan_schema
schema_of(const struct app *app, int host, int svc)
{
	const struct svc_state *s = poller_state(app->poller, host, svc);

	if (s == NULL)
		return PLAN_SCHEMA_UNKNOWN;
	return plan_schema_of(&s->readyz, s->have_probe, s->readyz_sent_ms,
	    s->tag_changed_ms > s->refresh_ms ? s->tag_changed_ms : s->refresh_ms);
}

/* An action refused before its dialog, in the journal: the post-mortem
 * shows what was asked and why nothing ran. host -1: none (a post or an
 * announcement); text, when not NULL, is what it would have said; slot,
 * when not NULL, the runbook step's (or section's) whose x it was. */
static void
journal_refusal_with(struct app *app, int host, int svc, const char *action, const char *why,
    const char *text, const char *to, struct action **slot)
{
	char said[sizeof(app->status)], row[WR_PATH_MAX + 16];
	struct wr_err err;
	bool section;
	cJSON *d;

	/* A refusal is the action's outcome: it stays its few seconds, not
	 * only until the next key (a Down would take it unread), and a later
	 * x on the same step takes its place. */
	if (app->tl == NULL) {
		app_said_is_outcome(app, slot);
		return;
	}
	wr_strlcpy(said, app->said, sizeof(said));
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "action", action);
	if (host >= 0 && svc >= 0)
		cJSON_AddStringToObject(d, "service", app->cfg.hosts[host].services[svc]);
	cJSON_AddStringToObject(d, "reason", why);
	if (text != NULL)
		cJSON_AddStringToObject(d, "message", text);
	/* A kill switch's direction ("EXPORT_MODE=off"), as a plan's "to". */
	if (to != NULL)
		cJSON_AddStringToObject(d, "to", to);
	/* Named as the row's actions are: its mark and the post-mortem's
	 * checklist say x was refused there. */
	slot_row(app, slot, row, sizeof(row), &section);
	if (row[0] != '\0')
		cJSON_AddStringToObject(d, section ? "runbook_section" : "runbook_step", row);
	if (timeline_append(app->tl, "action.refused", host >= 0 ? app->cfg.hosts[host].name :
	    NULL, NULL, d, &err) != 0)
		app_say(app, "%s (NOT recorded in the timeline: %s)", said, err.msg);
	app_said_is_outcome(app, slot);
}

static void
journal_refusal_row(struct app *app, int host, int svc, const char *action, const char *why,
    const char *text, struct action **slot)
{
	journal_refusal_with(app, host, svc, action, why, text, NULL, slot);
}

/* A kill switch refused before its dialog, with the way it would have
 * gone (to, or NULL when not known: counted as off). */
static void
journal_refusal_to(struct app *app, int host, int svc, const char *action, const char *why,
    const char *to, struct action **slot)
{
	journal_refusal_with(app, host, svc, action, why, NULL, to, slot);
}

static void
journal_refusal_of(struct app *app, int host, int svc, const char *action, const char *why,
    const char *text)
{
	journal_refusal_row(app, host, svc, action, why, text, NULL);
}

void
actions_step_refused(struct app *app, struct action **slot, int host, const char *action,
    const char *why)
{
	journal_refusal_row(app, host, -1, action, why, NULL, slot);
}

void
actions_migrate_down(struct app *app)
{
	int svc, host = app_selected_service(app, &svc);
	struct action **slot = app->target_slot;
	struct action_env env = env_of(app);
	struct action *a;
	const struct svc_state *s;
	struct wr_err err;

	if (app->target_host >= 0) {
		host = app->target_host;
		svc = app->target_svc;
		app->target_host = -1;
		app->target_slot = NULL;
	} else if (app->focus != PANE_HOSTS) {
		app_say(app, "select the service in HOSTS first (1, then M)");
		return;
	}
	if (app->pool == NULL || host < 0) {
		app_say(app, "no host selected");
		return;
	}
	if (busy_on(app, host, svc)) {
		app_say(app, "an action on %s/%s is already running", app->cfg.hosts[host].name,
		    app->cfg.hosts[host].services[svc]);
		return;
	}
	s = poller_state(app->poller, host, svc);
	if ((a = action_migrate_down_start(&env, host, svc, schema_of(app, host, svc),
	    s != NULL ? s->readyz.rev_database : NULL, s != NULL ? s->readyz.rev_expected : NULL,
	    &err)) == NULL) {
		app_say(app, "migration downgrade refused: %s", err.msg);
		journal_refusal_row(app, host, svc, "compose.migrate_down", err.msg, NULL, slot);
		return;
	}
	confirm_now(app, a, slot);
}

void
actions_command(struct app *app, int host, const char *script, const char *origin,
    const char *said, const char *warning, struct action **slot)
{
	struct action_env env = env_of(app);
	char ran[WR_SERVICES_MAX][128];
	const struct svc_state *s;
	struct action *a;
	struct wr_err err;
	int k;

	if (app->pool == NULL || host < 0) {
		app_say(app, "no host selected: pick one in HOSTS");
		return;
	}
	/* What HOSTS read (one .env per host): a command that brings .env's
	 * tag back says so. */
	s = poller_state(app->poller, host, 0);
	env.env_tag = s != NULL && s->have_driver ? s->env_tag : "";
	for (k = 0; k < app->cfg.hosts[host].nservices; k++) {
		s = poller_state(app->poller, host, k);
		wr_strlcpy(ran[k], s != NULL && s->have_driver ? s->tag : "", sizeof(ran[0]));
	}
	env.ran_tags = (const char (*)[128])ran;
	if ((a = action_command_start(&env, host, script, origin, said, warning, &err)) == NULL) {
		app_say(app, "nothing ran: %s", err.msg);
		return;
	}
	confirm_now(app, a, slot);
}

/* The chain (B's, or a step's) whose rollback waits on the tag prompt:
 * that rollback, or NULL. */
static struct action *
tag_prompt_chain(const struct app *app)
{
	struct action *was = app->queue_after != NULL && app->nqueue > 0 ? app->queue_after :
	    app->fleet.active ? app->fleet_action : NULL;

	if (was == NULL || !action_needs_target(was) || action_host(was) != app->tag_host ||
	    action_service(was) != app->tag_svc)
		return NULL;
	return was;
}

void
actions_rollback_to(struct app *app, const char *tag)
{
	bool chained = tag_prompt_chain(app) != NULL;

	app->target_host = app->tag_host;
	app->target_svc = app->tag_svc;
	app->target_slot = NULL;
	app->target_queued = chained;     /* its chain goes on from this one */
	wr_strlcpy(app->target_tag, tag, sizeof(app->target_tag));
	/* Through the choke point again, like r. */
	if (dispatch(app, WR_CMD_ROLLBACK) != 0) {
		app->target_host = -1;
		app->target_tag[0] = '\0';
		app->target_queued = false;
		if (chained) {
			app->nqueue = 0;
			app->queue_after = NULL;
			actions_fleet_refused(app, app->tag_host, strncmp(app->said, "refused: ", 9) ?
			    app->said : app->said + 9, false);
		}
	}
	actions_fleet_tell(app);
}

void
actions_rollback_to_dropped(struct app *app)
{
	if (tag_prompt_chain(app) == NULL)
		return;
	app->nqueue = 0;
	app->queue_after = NULL;
	actions_fleet_stop(app, FLEETCHAIN_CANCELLED, "no tag typed; nothing ran");
	actions_fleet_tell(app);
}

/* Past its confirmation and not ended: what it sends may change its host. */
static bool
action_live(const struct action *a)
{
	enum action_state s = action_state(a);

	return s == ACTION_CHECKING || s == ACTION_RUNNING || s == ACTION_VERIFYING;
}

int
actions_running(const struct app *app)
{
	size_t i;
	int n = 0;

	for (i = 0; i < app->nactions; i++)
		n += action_live(app->actions[i]);
	return n;
}

/* Whether this console holds op UNKNOWN, not settled yet. */
static bool
actions_unsettled_op(const struct app *app, const char *op)
{
	size_t i;

	for (i = 0; i < app->nactions; i++)
		if (action_op(app->actions[i]) != NULL &&
		    strcmp(action_op(app->actions[i]), op) == 0)
			return action_state(app->actions[i]) == ACTION_UNKNOWN &&
			    !action_reconciled(app->actions[i]);
	return false;
}

bool
actions_hold_op(const struct app *app, const char *op)
{
	size_t i;

	for (i = 0; i < app->nactions; i++)
		if (action_op(app->actions[i]) != NULL && strcmp(action_op(app->actions[i]), op) == 0)
			return true;
	return false;
}

/* An intent of another console, not taken over here, with no outcome
 * settled: its outcome record (NULL none yet) into *o. */
static bool
other_open(struct app *app, const struct timeline_entry *e, bool held,
    const struct timeline_entry **o)
{
	if (strcmp(e->kind, "action.intent") != 0 || e->op[0] == '\0' ||
	    (app->tl != NULL && e->session != 0 && e->session == timeline_session(app->tl)) ||
	    actions_hold_op(app, e->op) != held)
		return false;
	*o = app_outcome_record(app, e->op);
	return *o == NULL || strcmp((*o)->outcome, "unknown") == 0;
}

/* Whether e's console still runs (its byte of .live): 1, 0 gone, -1 not known. */
static int
other_alive(struct app *app, const struct timeline_entry *e)
{
	return app->tl != NULL && e->session != 0 ? timeline_session_alive(app->tl, e->session) :
	    -1;
}

void
actions_others_open(struct app *app, size_t *unknown, size_t *none_yet)
{
	const struct timeline_entry *o;
	size_t i;

	*unknown = *none_yet = 0;
	for (i = 0; i < app->nentries; i++) {
		const struct timeline_entry *e = &app->entries[i];

		if (!other_open(app, e, false, &o))
			continue;
		/* As app_open_outcomes counts for a watcher. */
		if (o != NULL || e->orphaned)
			(*unknown)++;
		else
			(*none_yet)++;
	}
}

bool
actions_others_warning(struct app *app, int host, char *buf, size_t cap)
{
	const struct timeline_entry *o;
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < app->nentries; i++) {
		const struct timeline_entry *e = &app->entries[i];
		int alive;

		if (host >= 0 && strcmp(e->host, app->cfg.hosts[host].name) != 0)
			continue;
		/* Taken over here after its console went: UNKNOWN until U or
		 * the re-read settles it. */
		if (other_open(app, e, true, &o) && actions_unsettled_op(app, e->op)) {
			unsettled_other_words(e->host, e->actor[0] != '\0' ? e->actor : "?", e->what, e->ts_ms,
			    UNSETTLED_ADOPTED, o != NULL, buf, cap);
			return true;
		}
		if (!other_open(app, e, false, &o))
			continue;
		alive = other_alive(app, e);
		unsettled_other_words(e->host, e->actor[0] != '\0' ? e->actor : "?", e->what, e->ts_ms, alive == 1 && o == NULL ?
		    UNSETTLED_RUNNING : UNSETTLED_GONE, o != NULL, buf, cap);
		return true;
	}
	return false;
}

bool
actions_running_words(const struct app *app, char *buf, size_t cap)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < app->nactions; i++)
		if (action_live(app->actions[i])) {
			const struct action *a = app->actions[i];

			snprintf(buf, cap, "%s of %s on %s", action_verb(a), action_plan(a)->service,
			    app->cfg.hosts[action_host(a)].name);
			return true;
		}
	return false;
}

size_t
actions_running_names(const struct app *app, bool sent, char (*names)[ACTIONS_NAME_MAX],
    size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < app->nactions && n < max; i++) {
		const struct action *a = app->actions[i];
		const struct config_host *h = &app->cfg.hosts[action_host(a)];
		int svc = action_service(a);

		/* CHECKING re-reads the host before the intent is stored: no
		 * byte that changes it has left (action.h). */
		if (!action_live(a) || (action_state(a) != ACTION_CHECKING) != sent)
			continue;
		if (svc >= 0 && svc < h->nservices)
			snprintf(names[n++], ACTIONS_NAME_MAX, "%s of %s on %s (%s)", action_verb(a),
			    h->services[svc], h->name, action_step(a));
		else
			snprintf(names[n++], ACTIONS_NAME_MAX, "%s on %s (%s)", action_verb(a),
			    h->name, action_step(a));
	}
	return n;
}

bool
actions_running_on(const struct app *app, int host)
{
	size_t i;

	for (i = 0; i < app->nactions; i++)
		if (action_host(app->actions[i]) == host && action_live(app->actions[i]))
			return true;
	return false;
}

/* The typed field's editing keys, as the footer prompts have them (Left,
 * Right, Home/C-a, End/C-e, Backspace, Delete, C-u, M-b, M-f,
 * M-Backspace, M-d): true when name was one. */
static bool
dialog_edit_key(struct lineedit *le, const char *name)
{
	static const struct {
		const char *name;
		void (*fn)(struct lineedit *);
	} keys[] = {
		{ "Left", lineedit_left }, { "Right", lineedit_right },
		{ "Home", lineedit_home }, { "C-a", lineedit_home },
		{ "End", lineedit_end }, { "C-e", lineedit_end },
		{ "Backspace", lineedit_backspace }, { "Delete", lineedit_delete },
		{ "C-u", lineedit_kill_to_start }, { "M-b", lineedit_word_left },
		{ "M-f", lineedit_word_right }, { "M-Backspace", lineedit_kill_word_back },
		{ "M-d", lineedit_kill_word_forward },
	};
	size_t i;

	for (i = 0; i < WR_ARRAY_LEN(keys); i++)
		if (strcmp(name, keys[i].name) == 0) {
			keys[i].fn(le);
			return true;
		}
	return false;
}

/* Keys while the dialog is open: typing, Backspace, Enter, Esc, Up/Down
 * for the target, PgUp/PgDn to scroll a plan taller than the screen.
 * Enter confirms only when the service's name was typed exactly, or
 * alone for a runbook script that only reads (nothing typed is kept). */
void
actions_dialog_key(struct app *app, const char *name, int is_keycode, unsigned key)
{
	struct action *a = app->confirming;
	const char *svc;

	if (a == NULL || name == NULL)
		return;
	svc = action_plan(a)->confirm[0] ? action_plan(a)->confirm : action_plan(a)->service;
	if (strcmp(name, "Esc") == 0) {
		app->confirming = NULL;
		action_cancel(a);
	} else if ((strcmp(name, "Up") == 0 || strcmp(name, "Down") == 0) &&
	    (action_nchoices(a) > 1 || action_choice(a) < 0)) {
		struct wr_err err;
		int to = action_choice(a) + (strcmp(name, "Up") == 0 ? -1 : 1);

		if (to >= 0 && to < action_nchoices(a)) {
			if (action_choose(a, to, &err) != 0)
				app_say(app, "%s", err.msg);
			/* The confirmation is bound to the plan: type it again,
			 * and read it from its top. */
			lineedit_clear(&app->confirm_text);
			app->dialog_scroll = 0;
		}
	} else if (strcmp(name, "PgDn") == 0 || strcmp(name, "PgUp") == 0) {
		app->dialog_scroll = scrollwin_page(app->dialog_total, app->dialog_rows,
		    app->dialog_scroll, strcmp(name, "PgDn") == 0 ? 1 : -1);
	} else if (strcmp(name, "Enter") == 0) {
		if (action_choice(a) < 0) {
			const char *why = action_unpicked_why(a);
			size_t len = strcspn(why, "\n");
			static const char pre[] = "nothing is preselected: ";

			/* The dialog's own reason (at the target already, every
			 * one marked, the export), never a guess at it. */
			if (strncmp(why, pre, sizeof(pre) - 1) == 0) {
				why += sizeof(pre) - 1;
				len -= sizeof(pre) - 1;
			}
			if (len > 0)
				app_say(app, "no target is picked: Up/Down picks one (none is "
				    "preselected: %.*s)", (int)len, why);
			else
				app_say(app, "no target is picked: Up/Down picks one");
			return;
		}
		if (!action_plan(a)->reads_only && !lineedit_typed_is(app->confirm_text.text, svc)) {
			bool quote = strchr(svc, ' ') != NULL;

			app_say(app, "type %s%s%s to confirm, or Esc to cancel", quote ? "\"" : "",
			    svc, quote ? "\"" : "");
			return;
		}
		/* What opened it armed may have changed since (the arming ran
		 * out, the journal degraded): asked again, as the key was. */
		if (!action_plan(a)->reads_only) {
			const char *no;

			app_armed(app);
			if ((no = safety_refusal_hosts(&app->safety, true)) != NULL) {
				app_say(app, "not confirmed: %s; nothing ran (Esc closes the dialog)", no);
				return;
			}
		}
		app->confirming = NULL;
		actions_fleet_confirmed(app, a);
		action_confirm(a);
	} else if (action_plan(a)->reads_only) {
		return;                 /* no name to type */
	} else if (!dialog_edit_key(&app->confirm_text, name) && !is_keycode && key >= 0x20)
		lineedit_insert(&app->confirm_text, key);
	/* Any other key (Up/Down without targets, M-x, an unknown sequence)
	 * types nothing. */
}

/* What the dialog calls an action kind: title and button. */
static void
kind_words(const struct plan *p, const char **title, const char **button, const char **verb)
{
	if (strcmp(p->action, "compose.killswitch") == 0 ||
	    strcmp(p->action, "k8s.killswitch") == 0)
		*title = "KILL SWITCH", *button = "[ Switch ]", *verb = "switch";
	else if (strcmp(p->action, "runbook.command") == 0)
		*title = "RUNBOOK COMMAND", *button = "[ Run ]", *verb = "run it";
	else if (strcmp(p->action, "compose.migrate_down") == 0)
		*title = "MIGRATION DOWNGRADE", *button = "[ Downgrade ]", *verb = "downgrade";
	else
		*title = "ROLLBACK", *button = "[ Roll back ]", *verb = "roll back";
}

/* The directory a plan's steps run in, said once above them: every
 * shell step opens with the same "cd 'DIR' && " (its length in *cd), and
 * any other step is an sftp description naming DIR's files. DIR unquoted
 * into dir; false when the steps do not share one. */
static bool
plan_dir(const struct plan *p, size_t *cd, char *dir, size_t cap)
{
	const char *first = NULL, *end;
	size_t n;
	int i;

	for (i = 0; i < p->nsteps && first == NULL; i++)
		if (strncmp(p->steps[i].cmd, "cd '", 4) == 0)
			first = p->steps[i].cmd;
	if (first == NULL || (end = strstr(first, "' && ")) == NULL ||
	    memchr(first, '\n', (size_t)(end - first)) != NULL ||
	    memchr(first + 4, '\'', (size_t)(end - first - 4)) != NULL ||
	    (size_t)(end - first - 4) >= cap)
		return false;
	n = (size_t)(end - first) + 5;
	for (i = 0; i < p->nsteps; i++)
		if (strncmp(p->steps[i].cmd, first, n) != 0 &&
		    strncmp(p->steps[i].cmd, "sftp: ", 6) != 0)
			return false;
	memcpy(dir, first + 4, (size_t)(end - first - 4));
	dir[end - first - 4] = '\0';
	*cd = n;
	return true;
}

/* A step as the dialog shows it under "in DIR": its cd gone, and DIR/
 * dropped from an sftp description's paths. */
static void
step_in_dir(const char *cmd, size_t cd, const char *dir, char *out, size_t cap)
{
	size_t dl = strlen(dir), o = 0;

	if (strncmp(cmd, "sftp: ", 6) != 0) {
		wr_strlcpy(out, cmd + cd, cap);
		return;
	}
	while (*cmd != '\0' && o + 1 < cap) {
		if (strncmp(cmd, dir, dl) == 0 && cmd[dl] == '/')
			cmd += dl + 1;
		else
			out[o++] = *cmd++;
	}
	out[o] = '\0';
}

/* A read or record command as the dialog shows it under "in DIR": its
 * "cd 'DIR' && " gone when it has that one. */
static const char *
in_dir(const char *cmd, size_t cd, const char *dir)
{
	size_t dl = strlen(dir);

	if (cd > 0 && strncmp(cmd, "cd '", 4) == 0 && strncmp(cmd + 4, dir, dl) == 0 &&
	    strncmp(cmd + 4 + dl, "' && ", 5) == 0)
		return cmd + cd;
	return cmd;
}

/* Steps from..to-1 of the plan, numbered, under "in DIR" when dir is set
 * (cd: the shared prefix's length); returns the next row. */
static int
dialog_steps(struct app *app, WINDOW *win, int y, int w, int from, int to, size_t cd,
    const char *dir)
{
	const struct plan *p = action_plan(app->confirming);
	char line[WR_CMD_MAX + 64], step[WR_CMD_MAX];
	const char *c, *nl;
	int i;

	for (i = from; i < to; i++) {
		char num[16], *red;

		snprintf(num, sizeof(num), "%d.", i + 1);
		if (dir[0] != '\0')
			step_in_dir(p->steps[i].cmd, cd, dir, step, sizeof(step));
		else
			wr_strlcpy(step, p->steps[i].cmd, sizeof(step));
		/* A secret a runbook's script carries (a token the config
		 * filled, one typed hidden) is never shown, here either. */
		red = redact_text(&app->red, step);
		wr_strlcpy(step, red, sizeof(step));
		free(red);
		/* A runbook's script is shown line by line, exactly, and a
		 * long line whole: the end of a command is what it does. */
		for (c = step; *c != '\0'; c = *nl ? nl + 1 : nl) {
			if ((nl = strchr(c, '\n')) == NULL)
				nl = c + strlen(c);
			snprintf(line, sizeof(line), "%-2s %.*s", c == step ? num : "",
			    (int)(nl - c), c);
			ui_put_wrapped(win, &y, 4, w - 6, 5, INT_MAX, ui_attr(app, THEME_NORMAL), line);
		}
	}
	return y;
}

/* What the gate's URL answers now, as the poller last probed it (the row
 * health_url speaks for): a wrong-URL status means the gate cannot pass. */
static bool
gate_warning(const struct app *app, const struct action *a, char *out, size_t cap)
{
	const struct plan *p = action_plan(a);
	int host = action_host(a), k;
	const struct config_host *h;
	char url[WR_URL_MAX + 16];

	if (host < 0 || (size_t)host >= app->cfg.nhosts)
		return false;
	h = &app->cfg.hosts[host];
	/* The poller probes health_url + "/readyz"; another URL it never saw. */
	snprintf(url, sizeof(url), "%s/readyz", h->health_url);
	if (strcmp(url, p->readyz_url) != 0)
		return false;
	for (k = 0; k < h->nservices; k++) {
		const struct svc_state *s = poller_state(app->poller, host, k);

		if (s != NULL && config_probes_service(h, k) && s->have_probe)
			return plan_gate_warning(p, &s->readyz, true, out, cap);
	}
	return false;
}

/* The confirmation's title before what follows: " CONFIRM ROLLBACK
 * (compose.rollback) ". */
static void
confirm_head(const struct plan *p, char *buf, size_t cap)
{
	const char *title, *button, *verb;

	kind_words(p, &title, &button, &verb);
	snprintf(buf, cap, " CONFIRM %s (%s) ", title, p->action);
}

/* A chain (B, or a step naming several services) says what follows (B
 * names its hosts) into then: "— then h3, h5, each confirmed like this
 * one, to v1.4.1 ", "" for none. Whether it fits in a w-wide dialog's
 * title after confirm_head. */
static bool
chain_then_fits(struct app *app, struct action *a, int w, char *then, size_t cap)
{
	char head[200];

	then[0] = '\0';
	if (actions_fleet_owns(app, a))
		actions_fleet_then(app, then, cap);
	else if (app->queue_after == a && app->nqueue > 0)
		snprintf(then, cap, "— then %d more%s%s%s, each confirmed like this one%s%s ",
		    app->nqueue, app->queue_filter[0] ? " (filter " : "", app->queue_filter,
		    app->queue_filter[0] ? ")" : "", !app->queue[0].follow ? "" :
		    app->queue[0].tag[0] ? ", to " : ", to the target chosen here",
		    app->queue[0].follow ? app->queue[0].tag : "");
	confirm_head(action_plan(a), head, sizeof(head));
	return ui_width(head) + ui_width(then) <= w - 4;
}

/* Whether p rolls back a service its host's verdict does not rest on,
 * the verdict resting on other services' restarts alone; then buf says
 * so (decide_other_cause). */
static bool
other_cause(const struct app *app, const struct plan *p, char *buf, size_t cap)
{
	int hi = config_host_index(&app->cfg, p->host), svc;
	const struct host_metrics *m;
	const struct svc_state *s;
	size_t n = strlen(p->action), r = strlen(".rollback");

	if (hi < 0 || n < r || strcmp(p->action + n - r, ".rollback") != 0)
		return false;
	svc = config_service_index(&app->cfg.hosts[hi], p->service);
	m = app_metrics(app, hi);
	if (svc < 0 || m == NULL || !m->judged)
		return false;
	s = app_state(app, hi, svc);
	return decide_other_cause(&m->verdict, svc, p->service, s != NULL && s->have_driver ?
	    s->restarts : -1, app_restarts_partial(app), buf, cap);
}

/* The dialog's whole body from row 1, however long, for a dialog w
 * columns wide; returns the first row after it. win NULL: lays it out
 * without drawing, to size the dialog and its scrolling. */
static int
dialog_body(struct app *app, WINDOW *win, int w)
{
	struct action *a = app->confirming;
	const struct plan *p = action_plan(a);
	char line[WR_CMD_MAX + 64], dir[WR_PATH_MAX];
	const char *warn, *nl;
	int y = 1, i;
	size_t cd;

	if (strcmp(p->action, "runbook.command") == 0)
		snprintf(line, sizeof(line), "host %s   %s", p->host, p->origin);
	else
		snprintf(line, sizeof(line), "host %s   service %s", p->host, p->service);
	/* Wrapped, never cut: a confirmation is read whole (x's step text). */
	ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_TITLE), line);
	/* B's dialog for one host alone read as r's: it says what it is. */
	if (actions_fleet_owns(app, a)) {
		fleetchain_scope(&app->fleet, line, sizeof(line));
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_WARN), line);
	}
	/* A chain's next hosts, when the title has no room for them. */
	if (!chain_then_fits(app, a, w, dir, sizeof(dir)) && dir[0] != '\0')
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_WARN), dir +
		    (strncmp(dir, "— ", strlen("— ")) == 0 ? strlen("— ") : 0));
	/* api's crash loop put the host at ROLLBACK IMMEDIATELY and r on
	 * jobs' row rolled jobs back: allowed, never silently. */
	if (other_cause(app, p, line, sizeof(line)))
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_BAD) | A_BOLD,
		    line);
	/* Another console's action on this host still runs or never ended:
	 * this one could undo or repeat it unawares. */
	if (actions_others_warning(app, action_host(a), line, sizeof(line)))
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_WARN) | A_BOLD,
		    line);
	/* x's rerun of a step or section: what ran there before, in this
	 * session or an earlier one, read before anything is confirmed. */
	if (app->rerun_slot != NULL && *app->rerun_slot == a && app->rerun_note[0] != '\0')
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_WARN),
		    app->rerun_note);
	line[0] = '\0';
	/* A redeploy only: the value in place is not what runs (bold below). */
	if (strcmp(p->action, "compose.killswitch") == 0 && p->env_kept)
		snprintf(line, sizeof(line), "%s in .env already (not changed); %s is redeployed "
		    "at %s with it", p->to, p->service, p->keep_tag);
	else if (strcmp(p->action, "compose.killswitch") == 0)
		snprintf(line, sizeof(line), "%s  ->  %s in .env; %s is redeployed at %s", p->from,
		    p->to, p->service, p->keep_tag);
	else if (strcmp(p->action, "k8s.killswitch") == 0 && p->env_kept)
		snprintf(line, sizeof(line), "%s in deployment/%s's env already (not changed; "
		    "container %s); a new revision after %d rolls out at %s with it", p->to,
		    p->service, p->env_container, p->from_rev, p->keep_tag);
	else if (strcmp(p->action, "k8s.killswitch") == 0)
		snprintf(line, sizeof(line), "%s  ->  %s in deployment/%s's env (container %s); a "
		    "new revision after %d rolls out at %s", p->from, p->to, p->service,
		    p->env_container, p->from_rev, p->keep_tag);
	else if (p->from_rev && plan_unpicked(p))
		snprintf(line, sizeof(line), "revision %d (%s)  ->  ? (no target picked)",
		    p->from_rev, p->from);
	else if (p->from_rev)
		snprintf(line, sizeof(line), "revision %d (%s)  ->  revision %d (%s)", p->from_rev,
		    p->from, p->to_rev, p->to[0] ? p->to : "tag unknown");
	else if (strcmp(p->action, "compose.rollback") == 0 && plan_unpicked(p))
		snprintf(line, sizeof(line), "tag  %s  ->  ? (no target picked)", p->from);
	else if (strcmp(p->action, "compose.rollback") == 0)
		snprintf(line, sizeof(line), "tag  %s  ->  %s", p->from, p->to);
	if (line[0])
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_WARN), line);
	else
		/* Each of why's lines wrapped on its own (a runbook command's
		 * .env warning, then where its values came from). */
		for (warn = p->why; *warn != '\0'; warn = *nl ? nl + 1 : nl) {
			if ((nl = strchr(warn, '\n')) == NULL)
				nl = warn + strlen(warn);
			snprintf(line, sizeof(line), "%.*s", (int)(nl - warn), warn);
			ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_WARN), line);
		}
	/* HOSTS' .env!: what .env says beside what runs, and what this action
	 * leaves there, before the next plain `up -d` surprises anyone. */
	if (plan_env_drift(p, line, sizeof(line)))
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_WARN) | A_BOLD,
		    line);
	/* A typed tag runs as the compose host spells it: said. */
	if (p->spelled[0] && !plan_unpicked(p))
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_WARN), p->spelled);
	/* A step's tag matched by a helm app version: which revision that is. */
	else if (p->named[0] && !plan_unpicked(p)) {
		plan_helm_named_words(p->named, p->to_rev, p->to, line, sizeof(line));
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_WARN), line);
	}
	if (p->note[0] && !plan_unpicked(p))
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_WARN), p->note);
	/* Each of the warning's lines wrapped on its own. */
	for (warn = p->warning; *warn != '\0'; warn = *nl ? nl + 1 : nl) {
		if ((nl = strchr(warn, '\n')) == NULL)
			nl = warn + strlen(warn);
		snprintf(line, sizeof(line), "%.*s", (int)(nl - warn), warn);
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_BAD) | A_BOLD,
		    line);
	}
	/* B's first dialog: every host listing the service that it leaves
	 * out, and why (a host whose tag is not known may run the bad one
	 * too), as read when B was pressed; chain.end records them. */
	for (i = 0; actions_fleet_owns(app, a) && app->fleet.cur == 0 &&
	    (size_t)i < fleetchain_out_lines(&app->fleet); i++) {
		fleetchain_out_line(&app->fleet, (size_t)i, line, sizeof(line));
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, fleetchain_out_loud(&app->fleet, (size_t)i) ?
		    (int)(ui_attr(app, THEME_BAD) | A_BOLD) : ui_attr(app, THEME_WARN), line);
	}
	/* What else it changes, and what cannot pass, before the list of
	 * commands: on a small terminal the list scrolls, these stay in view. */
	if (plan_first_after_verify(p) < p->nsteps) {
		snprintf(line, sizeof(line), ".env changes too: %s=%s -> %s, once %s is verified "
		    "healthy (else a plain `up -d` brings %s back)", p->env_key, p->env_was,
		    p->env_value, p->service, p->env_was);
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_WARN), line);
		if (p->env_shared[0]) {
			snprintf(line, sizeof(line), "%s also runs %s, very likely from this %s: after "
			    "this change a plain `up -d` moves %s to %s too", p->env_shared, p->env_was,
			    p->env_key, strchr(p->env_shared, ',') ? "them" : "it", p->env_value);
			ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_WARN), line);
		}
	}
	if (p->readyz_url[0] && gate_warning(app, a, line, sizeof(line)))
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_BAD) | A_BOLD, line);
	if (action_nchoices(a) > 0) {
		/* Where the target came from, even when there is only one. */
		y++;
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_DIM),
		    action_choice(a) < 0 ?
		    "roll back to (none preselected: Up/Down picks one; its plan then shows below):" :
		    action_nchoices(a) > 1 ?
		    "roll back to (Up/Down picks another; the plan below follows):" :
		    "roll back to:");
		for (i = 0; i < action_nchoices(a); i++) {
			snprintf(line, sizeof(line), "%s %s", i == action_choice(a) ? ">" : " ",
			    action_choice_label(a, i));
			/* A marked one (rolled back from, a roll forward) in
			 * the warning colour, selected or not. */
			ui_put_wrapped(win, &y, 4, w - 6, 2, INT_MAX, action_choice_marked(a, i) ?
			    (int)(ui_attr(app, THEME_WARN) | (i == action_choice(a) ? A_REVERSE : 0)) :
			    i == action_choice(a) ? ui_attr(app, THEME_SELECTED) :
			    ui_attr(app, THEME_NORMAL), line);
		}
	}
	y++;
	if (plan_unpicked(p))
		return y;                /* nothing runs until a target is picked */
	/* A Compose plan's steps all run in compose_dir: said once, the
	 * commands themselves fit a narrow screen. */
	if (plan_dir(p, &cd, dir, sizeof(dir))) {
		snprintf(line, sizeof(line), "will run, in order, on the host, in %s:", dir);
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_DIM), line);
	} else {
		cd = 0;
		dir[0] = '\0';
		ui_put_wrapped(win, &y, 2, w - 4, 2, INT_MAX, ui_attr(app, THEME_DIM),
		    "will run, in order, on the host:");
	}
	y = dialog_steps(app, win, y, w, 0, plan_first_after_verify(p), cd, dir);
	if (p->verify_cmd[0]) {
		snprintf(line, sizeof(line), "then verify: %s", in_dir(p->verify_cmd, cd, dir));
		ui_put_wrapped(win, &y, 4, w - 6, 5, INT_MAX, ui_attr(app, THEME_DIM), line);
	}
	if (p->export_url[0]) {
		snprintf(line, sizeof(line), "then GET %s must answer %s", p->export_url,
		    strcmp(p->env_value, "off") == 0 ? "404 (export disabled)" : "again");
		ui_put_wrapped(win, &y, 4, w - 6, 5, INT_MAX, ui_attr(app, THEME_DIM), line);
	}
	if (p->readyz_url[0]) {
		snprintf(line, sizeof(line), "then wait up to %d s for GET %s to answer OK",
		    p->health_timeout_s, p->readyz_url);
		ui_put_wrapped(win, &y, 4, w - 6, 5, INT_MAX, ui_attr(app, THEME_DIM), line);
	}
	if (p->record_cmd[0]) {
		/* It writes on the host too, so it is shown like the steps. */
		snprintf(line, sizeof(line), "then note it in releases.log (where the host keeps one): "
		    "%s", in_dir(p->record_cmd, cd, dir));
		ui_put_wrapped(win, &y, 4, w - 6, 5, INT_MAX, ui_attr(app, THEME_DIM), line);
	}
	if (plan_first_after_verify(p) < p->nsteps) {
		/* The rollback's last step (why, and who else it moves: above). */
		snprintf(line, sizeof(line), "then keep %s=%s in .env (it says %s):", p->env_key,
		    p->env_value, p->env_was);
		ui_put_wrapped(win, &y, 4, w - 6, 5, INT_MAX, ui_attr(app, THEME_DIM), line);
		y = dialog_steps(app, win, y, w, plan_first_after_verify(p), p->nsteps, cd, dir);
	}
	if (strcmp(p->action, "runbook.command") == 0)
		ui_put_wrapped(win, &y, 4, w - 6, 5, INT_MAX, ui_attr(app, THEME_DIM),
		    "set -e: it stops at the first command that fails (bash names it); the exit "
		    "status is the outcome; nothing is retried");
	/* Why this one asks for the name, when a script that only reads
	 * would not: the command that may change something. */
	if (strcmp(p->action, "runbook.command") == 0 && !p->reads_only && p->typed[0]) {
		/* It quotes the script, so a secret it holds is redacted here too. */
		char *red = redact_text(&app->red, p->typed);

		snprintf(line, sizeof(line), "typed, not Enter alone: it may change something: %s",
		    red);
		free(red);
		ui_put_wrapped(win, &y, 4, w - 6, 5, INT_MAX, ui_attr(app, THEME_DIM), line);
	}
	return y;
}

/* The body (first row after it: full) in rows 1..h-6 of the dialog: the
 * part app->dialog_scroll shows when it is taller, laid out whole on a
 * pad and copied in, under a marker for each part out of view. */
static void
dialog_window(struct app *app, WINDOW *win, int h, int w, int full)
{
	struct scrollwin sw;
	WINDOW *pad;
	char line[64];
	int rows = h - 6, attr = ui_attr(app, THEME_WARN) | A_BOLD, up, down;

	sw = scrollwin_at(full - 1, rows, app->dialog_scroll);
	app->dialog_scroll = sw.first;
	app->dialog_total = full - 1;
	app->dialog_rows = rows;
	if (rows <= 0)
		return;
	if (sw.above == 0 && sw.below == 0) {
		dialog_body(app, win, w);
		return;
	}
	/* Too few rows for markers: the rows alone. */
	up = rows >= 3 && sw.above > 0;
	down = rows >= 3 && sw.below > 0;
	if ((pad = newpad(full, w)) == NULL) {
		ui_put(win, 1, 2, w - 4, attr, "the plan does not fit: make the terminal taller");
		return;
	}
	wbkgdset(pad, ' ' | (chtype)ui_attr(app, THEME_HELP));
	werase(pad);
	dialog_body(app, pad, w);
	copywin(pad, win, 1 + sw.first, 1, 1 + up, 1, up + sw.shown, w - 2, FALSE);
	delwin(pad);
	if (up) {
		snprintf(line, sizeof(line), "▲ %d more line%s: PgUp", sw.above,
		    sw.above == 1 ? "" : "s");
		ui_put(win, 1, 2, w - 4, attr, line);
	}
	if (down) {
		snprintf(line, sizeof(line), "▼ %d more line%s: PgDn", sw.below,
		    sw.below == 1 ? "" : "s");
		ui_put(win, rows, 2, w - 4, attr, line);
	}
}

/* The dialog's height and width on a lines x cols screen, and its body's
 * rows laid out whole (full: the first row after it). As high as its
 * text, so the screen behind (the verdict, the hosts) stays in view; else
 * the whole height, its body scrolling. */
static void
dialog_size(struct app *app, int lines, int cols, int *h, int *w, int *full)
{
	int frows = app->screen != NULL && app->screen->footer_rows > 1 ?
	    app->screen->footer_rows : 1;

	/* Above every row the footer takes: over a two-row message its
	 * bottom border cut the message's first row. */
	*h = lines - 1 - frows;
	*w = cols - 8;
	*full = dialog_body(app, NULL, *w);
	if (*full + 5 < *h)
		*h = *full + 5;
}

size_t
actions_dialog_hints(struct app *app, int lines, int cols, struct dialog_hint out[4])
{
	struct action *a = app->confirming;
	const struct plan *p;
	const char *title, *button, *verb, *word;
	int h, w, full;

	if (a == NULL || action_state(a) != ACTION_CONFIRMING)
		return 0;
	p = action_plan(a);
	kind_words(p, &title, &button, &verb);
	word = p->confirm[0] ? p->confirm : p->service;
	dialog_size(app, lines, cols, &h, &w, &full);
	return command_dialog_hints(word, p->reads_only ? "runs it (reads only)" : verb,
	    p->reads_only || lineedit_typed_is(app->confirm_text.text, word),
	    full - 1 > h - 6, action_nchoices(a) > 1 || action_choice(a) < 0, out);
}

void
actions_dialog_draw(struct app *app, int lines, int cols)
{
	struct action *a = app->confirming;
	const struct plan *p;
	const char *title, *button, *verb, *word;
	int h, w, y, ok, full, top;
	char line[WR_CMD_MAX + 64], head[300], change[300], then[400];
	WINDOW *win;

	if (a == NULL || action_state(a) != ACTION_CONFIRMING)
		return;
	p = action_plan(a);
	kind_words(p, &title, &button, &verb);
	word = p->confirm[0] ? p->confirm : p->service;
	/* Below the pane titles when it fits there. */
	dialog_size(app, lines, cols, &h, &w, &full);
	top = h <= lines - 6 ? 3 : 1;
	if ((win = ui_overlay(app, h, w, top, 4, THEME_BAD, NULL)) == NULL)
		return;
	confirm_head(p, line, sizeof(line));
	/* What follows in a chain: here when it fits, else the body's. */
	if (chain_then_fits(app, a, w, then, sizeof(then)))
		wr_strlcpy(line + strlen(line), then, sizeof(line) - strlen(line));
	ui_put(win, 0, 2, w - 4, ui_attr(app, THEME_BAD) | A_REVERSE, line);
	dialog_window(app, win, h, w, full);
	y = h - 4;
	/* Always in sight, whatever is scrolled: what Enter changes, where.
	 * Too wide for a row, the change takes the row below its question
	 * (the one left blank above it otherwise), so it is never cut. */
	plan_confirm_words(p, verb, head, sizeof(head), change, sizeof(change));
	snprintf(line, sizeof(line), "%s%s%s", head, change[0] ? ": " : "", change);
	if (change[0] == '\0' || ui_width(line) <= w - 4)
		ui_put(win, y, 2, w - 4, ui_attr(app, THEME_STATUS), line);
	else {
		snprintf(line, sizeof(line), "%s:", head);
		ui_put(win, y - 1, 2, w - 4, ui_attr(app, THEME_STATUS), line);
		snprintf(line, sizeof(line), "  %s", change);
		ui_put(win, y, 2, w - 4, ui_attr(app, THEME_STATUS), line);
	}
	y++;
	/* A script that only reads has no name to type: no field for one. */
	if (!p->reads_only) {
		char before[LINEEDIT_MAX];
		int cx;

		snprintf(line, sizeof(line), "> %s", app->confirm_text.text);
		ui_put(win, y, 2, w - 4, ui_attr(app, THEME_NORMAL) | A_UNDERLINE, line);
		/* Where the next character goes: the field edits, as a prompt does. */
		snprintf(before, sizeof(before), "%.*s", (int)app->confirm_text.cursor,
		    app->confirm_text.text);
		cx = 4 + ui_width(before);
		if (cx < w - 2)
			mvwchgat(win, y, cx, 1, A_REVERSE, 0, NULL);
	}
	y++;
	ok = (p->reads_only || lineedit_typed_is(app->confirm_text.text, word)) &&
	    action_choice(a) >= 0;
	/* Cancel has the focus until the name is typed exactly (a script
	 * that only reads: Run has it from the start). */
	ui_put(win, y, 2, 12, ok ? ui_attr(app, THEME_DIM) : ui_attr(app, THEME_SELECTED),
	    "[ Cancel ]");
	ui_put(win, y, 16, 24, ok ? (int)(ui_attr(app, THEME_BAD) | A_REVERSE) :
	    ui_attr(app, THEME_DIM), button);
	ui_put(win, y, 18 + ui_width(button), w - 20 - ui_width(button), ui_attr(app, THEME_DIM),
	    "Esc cancels");
	wnoutrefresh(win);
	delwin(win);
}

/* An outcome still UNKNOWN: neither read back nor settled by hand. */
static bool
unsettled(const struct action *a)
{
	return action_state(a) == ACTION_UNKNOWN && !action_reconciled(a);
}

size_t
actions_unknown(const struct app *app)
{
	size_t i, n = 0;

	for (i = 0; i < app->nactions; i++)
		n += unsettled(app->actions[i]);
	return n;
}

void
actions_end_stored(struct app *app, const char *op)
{
	size_t i;

	for (i = 0; i < app->nactions; i++)
		if (strcmp(action_op(app->actions[i]), op) == 0)
			action_end_stored(app->actions[i]);
	app->dirty = true;
}

bool
actions_rollout_completed(struct app *app, const char *op, const char *summary)
{
	bool settled = false;
	size_t i;

	for (i = 0; i < app->nactions; i++)
		if (strcmp(action_op(app->actions[i]), op) == 0 && unsettled(app->actions[i])) {
			action_rollout_completed(app->actions[i], summary);
			settled = true;
		}
	app->dirty = true;
	return settled;
}

const char *
actions_unknown_waiting(const struct app *app)
{
	size_t i;

	for (i = 0; i < app->nactions; i++)
		if (unsettled(app->actions[i]) && action_waits_rollout(app->actions[i]))
			return app->cfg.hosts[action_host(app->actions[i])].name;
	return NULL;
}

const struct action *
actions_unsettled_on(const struct app *app, int host, int svc)
{
	size_t i;

	for (i = app->nactions; i-- > 0;)
		if (unsettled(app->actions[i]) && action_host(app->actions[i]) == host &&
		    action_service(app->actions[i]) == svc)
			return app->actions[i];
	return NULL;
}

size_t
actions_unknown_by_hand(const struct app *app)
{
	size_t i, n = 0;

	for (i = 0; i < app->nactions; i++)
		/* One whose rollout the poller reads is waited for, not by hand. */
		n += unsettled(app->actions[i]) && !action_rereadable(app->actions[i]) &&
		    !action_waits_rollout(app->actions[i]);
	return n;
}

bool
actions_unknown_read_back(const struct app *app, const char **runs, const char **target)
{
	size_t i;

	for (i = 0; i < app->nactions; i++)
		if (unsettled(app->actions[i]) &&
		    (*runs = action_read_not_settled(app->actions[i])) != NULL) {
			*target = action_plan(app->actions[i])->to;
			return true;
		}
	return false;
}

bool
actions_unknown_rereading(const struct app *app, struct actions_reread *out)
{
	size_t i;
	long left;

	for (i = 0; i < app->nactions; i++)
		if (unsettled(app->actions[i]) && action_read_not_settled(app->actions[i]) != NULL &&
		    (left = action_reread_left_s(app->actions[i])) > 0) {
			const struct config_host *h = &app->cfg.hosts[action_host(app->actions[i])];

			out->host = h->name;
			out->runs = action_read_not_settled(app->actions[i]);
			out->target = action_plan(app->actions[i])->to;
			out->left_s = left;
			/* What a dropped command may still be doing there. */
			out->under_way = h->driver == DRIVER_COMPOSE ? "a recreate" : "a rollout";
			return true;
		}
	return false;
}

void
actions_settle_ask(struct app *app)
{
	size_t i;

	for (i = 0; i < app->nactions && !unsettled(app->actions[i]); i++)
		;
	if (i == app->nactions) {
		app_say(app, "no UNKNOWN outcome to settle");
		return;
	}
	app->settle_idx = i;
	app->settle_error[0] = '\0';
	app_ask(app, PROMPT_SETTLE);
}

void
actions_settle_question(const struct app *app, char *ctx, size_t ctxcap, char *ask,
    size_t askcap)
{
	const struct action *a = app->actions[app->settle_idx];
	const struct config_host *h = &app->cfg.hosts[action_host(a)];

	long left = action_reread_left_s(a);
	char still[160] = "";

	/* A dropped command may still land: say so where the answer is typed. */
	if (left > 0)
		snprintf(still, sizeof(still), "still re-read for %lds (%s may still be under way) "
		    "| ", left, h->driver == DRIVER_COMPOSE ? "a recreate" : "a rollout");
	snprintf(ctx, ctxcap, "%s%s%sUNKNOWN %s of %s on %s:", app->settle_error,
	    app->settle_error[0] ? " | " : "", still, action_verb(a),
	    h->services[action_service(a)], h->name);
	snprintf(ask, askcap, "ok or failed, and what you saw: ");
}

void
actions_settle(struct app *app, const char *answer)
{
	struct action *a = app->actions[app->settle_idx];
	const struct config_host *h = &app->cfg.hosts[action_host(a)];
	const char *saw;
	char *shown;
	struct wr_err err;
	bool ok;

	if (settle_parse(answer, &ok, &saw, &err) != 0) {
		/* Asked again, with why, until an answer or Esc. */
		wr_strlcpy(app->settle_error, err.msg, sizeof(app->settle_error));
		app->prompt_active = true;
		return;
	}
	if (action_settle(a, ok, saw, &err) != 0) {
		app_say(app, "NOT settled: %s", err.msg);
		return;
	}
	/* Said as the journal has it: a pasted token never shows. */
	shown = redact_text(&app->red, saw);
	app_say(app, "%s of %s on %s settled by hand: %s, %s", action_verb(a),
	    h->services[action_service(a)], h->name, ok ? "OK" : "FAILED", shown);
	free(shown);
}

const char *
actions_change(const struct action *a, const char *unknown_to, char *buf, size_t cap)
{
	const struct plan *p = action_plan(a);

	if (p->from[0] == '\0' && p->to[0] == '\0')
		buf[0] = '\0';          /* a command: no tag moves */
	else if (p->env_kept)           /* a kill switch's redeploy only */
		snprintf(buf, cap, " %s, redeploy", p->to);
	else
		snprintf(buf, cap, " %s -> %s", p->from, p->to[0] ? p->to : unknown_to);
	return buf;
}

/* The progress line: spinner, what runs, elapsed. */
bool
actions_progress(struct app *app, char *buf, size_t cap)
{
	static const char *const spin[] = { "|", "/", "-", "\\\\" };
	char change[300];
	size_t i;

	for (i = 0; i < app->nactions; i++) {
		struct action *a = app->actions[i];
		enum action_state s = action_state(a);
		const struct config_host *h = &app->cfg.hosts[action_host(a)];
		long secs = (long)((loop_now_ms() - action_started_ms(a)) / 1000);

		if (s != ACTION_CHECKING && s != ACTION_RUNNING && s != ACTION_VERIFYING &&
		    s != ACTION_PLANNING)
			continue;
		snprintf(buf, cap, "%s %s %s/%s%s: %s %lds", spin[secs % 4], action_verb(a),
		    h->name, h->services[action_service(a)],
		    actions_change(a, "previous revision", change, sizeof(change)),
		    action_step(a), secs);
		return true;
	}
	return false;
}

/* Ops a previous session left UNKNOWN: UNKNOWN here, re-read. */
void
actions_adopt(struct app *app, const struct unsettled_op *u, size_t n)
{
	struct action_env env = env_of(app);
	struct wr_err err;
	char named[300];
	size_t i;

	for (i = 0; i < n; i++) {
		struct action *a = action_adopt_unknown(&env, &u[i], &err);

		if (a == NULL) {
			app_say(app, "UNKNOWN %s", err.msg);
			continue;
		}
		add_action(app, a);
		/* Beside what the start holds (why the console before ended). */
		kind_said(a, action_plan(a)->service, action_plan(a)->host, named, sizeof(named));
		app_say_also(app, "UNKNOWN: %s %s", named, action_reason(a));
	}
}

void
actions_free(struct app *app)
{
	size_t i;

	for (i = 0; i < app->nactions; i++)
		action_free(app->actions[i]);
	free(app->actions);
	free(app->actions_said);
	app->actions = NULL;
	app->actions_said = NULL;
	app->nactions = 0;
}

/* ---- a runbook's smoke check ---- */

struct smoke {
	struct app *app;
	char url[WR_URL_MAX + 64];
	char host[WR_NAME_MAX];          /* the host it ran for: the record's */
	long expect;
	bool readyz;                     /* url is the host's /readyz, as polled */
	bool token;                      /* sent with the host's metrics token */
	char step[WR_PATH_MAX + 16];     /* the runbook step it ran from, or "" */
	bool section;                    /* … step is a section's id */
	char code[WR_RUNBOOK_CODE_LEN + 1]; /* … what that step runs, or "" */
	struct app_ran *ran;             /* … whose row says how it went, or NULL */
};

static void
smoke_answer(const struct http_response *r, void *arg)
{
	struct smoke *sm = arg;
	struct app *app = sm->app;
	bool ok = r->status == sm->expect, warned = false;
	struct probe_result pr;
	char warn[sizeof(pr.reason)] = "";
	struct wr_err err;
	cJSON *d;

	app->dirty = true;
	/* The host's /readyz as the poller reads it: a 2xx with the
	 * migrations not current (or no health answer at all) is no plain
	 * OK, whatever status the runbook line could ask for. */
	if (ok && sm->readyz && r->status >= 200 && r->status < 300) {
		probe_health_answer((int)r->status, r->content_type, r->truncated, r->error,
		    r->body, r->len, &pr);
		warned = probe_smoke_warning(&pr, warn, sizeof(warn));
	}
	if (sm->ran != NULL)
		sm->ran->smoke = !ok ? STEPMARK_FAILED : warned ? STEPMARK_WARN : STEPMARK_OK;
	if (r->status == 0)
		app_say_outcome(app, "smoke GET %s: FAILED — no answer: %s", sm->url, r->error);
	else if (warned)
		app_say_outcome(app, "smoke GET %s: WARN — %ld as expected, but %s", sm->url, r->status,
		    warn);
	else
		app_say_outcome(app, "smoke GET %s: %s — %ld (expected %ld)", sm->url, ok ? "OK" : "FAILED",
		    r->status, sm->expect);
	if (app->tl != NULL) {
		d = cJSON_CreateObject();
		cJSON_AddStringToObject(d, "url", sm->url);
		cJSON_AddNumberToObject(d, "status", (double)r->status);
		cJSON_AddNumberToObject(d, "expect", (double)sm->expect);
		cJSON_AddBoolToObject(d, "ok", ok);
		if (warned) {
			cJSON_AddStringToObject(d, "warning", warn);
			if (pr.has_migrations)
				cJSON_AddStringToObject(d, "schema", probe_schema_name(pr.schema));
		}
		if (sm->token)
			cJSON_AddBoolToObject(d, "metrics_token", true);
		if (r->status == 0)
			cJSON_AddStringToObject(d, "error", r->error);
		if (sm->step[0] != '\0') {
			cJSON_AddStringToObject(d, sm->section ? "runbook_section" : "runbook_step",
			    sm->step);
			/* What the step held then: a reopened row whose step was
			 * edited since does not take this outcome for its own. */
			if (sm->code[0] != '\0')
				cJSON_AddStringToObject(d, "runbook_code", sm->code);
		}
		timeline_append(app->tl, "smoke", sm->host, NULL, d, &err);
	}
	free(sm);
}

int
actions_smoke(struct app *app, int host, const char *url, long expect, struct action **slot)
{
	const struct config_host *h = &app->cfg.hosts[host];
	struct http_request req = { .timeout_ms = 10000, .max_body = WR_PROBE_BODY_MAX };
	const char *tok = app->tokens != NULL ? app->tokens[host] : NULL;
	const char *hdrs[2] = { NULL, NULL };
	char readyz[WR_URL_MAX + 16], *auth = NULL;
	struct smoke *sm;
	char dest[256];
	struct wr_err err;
	int port, rc;

	if (app->http == NULL) {
		app_say(app, "no HTTP client: smoke checks need a fleet");
		return -1;
	}
	/* "/readyz" is the host's service; a full URL is taken as written. */
	if (url[0] == '/' && h->health_url[0] == '\0') {
		app_say(app, "smoke %s: %s has no health_url to put it under", url, h->name);
		return -1;
	}
	sm = xcalloc(1, sizeof(*sm));
	sm->app = app;
	sm->expect = expect > 0 ? expect : 200;
	wr_strlcpy(sm->host, h->name, sizeof(sm->host));
	slot_row(app, slot, sm->step, sizeof(sm->step), &sm->section);
	slot_code(app, slot, sm->code);
	snprintf(sm->url, sizeof(sm->url), "%s%s", url[0] == '/' ? h->health_url : "", url);
	snprintf(readyz, sizeof(readyz), "%s/readyz", h->health_url);
	sm->readyz = h->health_url[0] != '\0' && strcmp(sm->url, readyz) == 0;
	req.url = sm->url;
	if (url[0] == '/' && h->tunnel &&
	    (http_url_host_port(sm->url, dest, sizeof(dest), &port, &err) != 0 ||
	    (req.unix_socket = tunnel_path(app->tunnels, host, dest, port, &err)) == NULL)) {
		app_say(app, "smoke %s: %s", sm->url, err.msg);
		free(sm);
		return -1;
	}
	/* The metrics URL gets what the poller sends it, the way the poller
	 * sends it (a full URL is not tunnelled here), and no other URL ever
	 * sees the token. */
	if (tok != NULL && h->metrics_url[0] != '\0' && strcmp(sm->url, h->metrics_url) == 0 &&
	    (url[0] == '/' || !h->tunnel)) {
		size_t n = strlen(tok) + 32;

		auth = xmalloc(n);
		snprintf(auth, n, "Authorization: Bearer %s", tok);
		hdrs[0] = auth;
		req.headers = hdrs;
		sm->token = true;
	}
	rc = http_start(app->http, &req, smoke_answer, sm, &err);
	if (auth != NULL) {
		/* libcurl has its own copy of the header now. */
		memset(auth, 0, strlen(auth));
		free(auth);
	}
	if (rc != 0) {
		app_say(app, "smoke %s: %s", sm->url, err.msg);
		free(sm);
		return -1;
	}
	if ((sm->ran = app_slot_ran(app, slot)) != NULL) {
		sm->ran->smoke = STEPMARK_PENDING;
		sm->ran->smoke_host = host;
	}
	app_say(app, "smoke: GET %s%s…", sm->url, sm->token ? " (with the host's metrics token)" :
	    "");
	return 0;
}

static void announce_text(struct app *app, const char *message, char *buf, size_t cap);

int
actions_announce_ask(struct app *app, const char *message, struct action **slot)
{
	char text[sizeof(app->post_message)];

	/* What is shown, refused or sent is the text filled in. */
	announce_text(app, message, text, sizeof(text));
	message = text;
	/* Asked for by the runbook and not done: never silent, and the
	 * post-mortem shows what the team was not told. */
	if (app->chat == NULL) {
		if (app->cfg.chat.line != 0 && app->chat_off[0] != '\0')
			app_say(app, "chat %s: nothing announced", app->chat_off);
		else
			app_say(app, "%s: nothing announced", app->cfg.chat.line == 0 ?
			    "no [chat] webhook in the config" :
			    "the chat is unavailable (see the message at start)");
		journal_refusal_of(app, -1, -1, "chat.announce", app->said, message);
		return -1;
	}
	wr_strlcpy(app->post_message, message, sizeof(app->post_message));
	slot_row(app, slot, app->post_step, sizeof(app->post_step), &app->post_section);
	slot_code(app, slot, app->post_code);
	app->post_ran = app_slot_ran(app, slot);
	app_ask(app, PROMPT_ANNOUNCE);
	return 0;
}

int
actions_announce(struct app *app, const char *typed)
{
	char id[32];
	struct wr_err err;
	int rc = -1;

	if (!lineedit_typed_is(typed, "announce"))
		app_say(app, "nothing announced: type announce to send it");
	else if (chat_announce(app->chat, app->post_message, app->post_step,
	    app->post_section, app->post_code, id, &err) != 0)
		app_say(app, "nothing announced: %s", err.msg);
	else {
		app_say(app, "chat: announcing (%s)", id);
		if (app->post_ran != NULL) {
			app->post_ran->announce = STEPMARK_PENDING;
			wr_strlcpy(app->post_ran->announce_id, id, sizeof(app->post_ran->announce_id));
		}
		rc = 0;
	}
	app->post_message[0] = app->post_step[0] = '\0';
	app->post_ran = NULL;
	return rc;
}

/* ---- the status page and the chat ---- */

/* The row x sent post (or announcement) id from, or NULL. */
static struct app_ran *
ran_sent(struct app *app, bool post, const char *id)
{
	int i;
	size_t k;

	for (i = 0; i < app->nrunbooks; i++) {
		struct app_runbook *r = &app->runbooks[i];

		for (k = 0; k < r->rb.nsteps + r->rb.nsections; k++)
			if (post ? r->ran[k].post != STEPMARK_NONE &&
			    strcmp(r->ran[k].post_queue, id) == 0 :
			    r->ran[k].announce != STEPMARK_NONE &&
			    strcmp(r->ran[k].announce_id, id) == 0)
				return &r->ran[k];
	}
	return NULL;
}

_Static_assert(sizeof(((struct app_ran *)0)->post_queue) >= STATUSPAGE_QUEUE_ID_MAX,
    "a row keeps a whole queue id");

static void
on_posted(const struct statuspage_result *r, void *arg)
{
	struct app *app = arg;
	struct app_ran *ran;
	char words[64];

	app->dirty = true;
	if (r->check) {
		/* Found before anyone needs the page: said until a key, and the
		 * header's badge keeps it. A first good answer needs no words;
		 * "again" only after it failed. */
		if (r->ok) {
			if (r->recovered)
				app_say_also(app, "status page: reachable again");
		} else {
			app_say_also(app, "status page: %s (checked at start): %s", r->error,
			    statuspage_check_outcome(r->http_status) == STATUSPAGE_CHECK_REFUSED ?
			    "posts will fail until [statuspage] is fixed" :
			    "posts may fail; the console keeps trying it");
			app->status_held = true;
		}
		return;
	}
	if ((ran = ran_sent(app, true, r->queue)) != NULL)
		ran->post = r->ok ? STEPMARK_OK : r->reconciled ? STEPMARK_UNKNOWN : STEPMARK_FAILED;
	if (r->superseded || r->as_update) {
		/* A create another post's incident made moot, or an update now. */
		app_say_also(app, "status page: %s", r->error);
		app->status_held = true;
		return;
	}
	if (r->reconciled) {
		/* Sent with no answer (by an earlier session, or a try of this
		 * one): read back from the page, not sent again; said until a
		 * key, like chat's. */
		if (r->ok && r->in_session)
			app_say_also(app, "status page: %s got no answer but is on the page "
			    "(incident %s); not sent again", statuspage_post_words(
			    statuspage_action_name(r->action), r->page_status, words, sizeof(words)),
			    r->page_incident);
		else if (r->ok)
			app_say_also(app, "status page: %s from an earlier session found on the page "
			    "(incident %s); not sent again", statuspage_post_words(
			    statuspage_action_name(r->action), r->page_status, words, sizeof(words)),
			    r->page_incident);
		else
			app_say_also(app, "UNKNOWN: %s", r->error);
		app->status_held = true;
		return;
	}
	if (r->ok)
		/* The page says resolved; the incident itself is the engineer's call. */
		app_say_outcome(app, "status page: %s (incident %s)%s%s",
		    statuspage_post_words(statuspage_action_name(r->action), r->page_status,
		    words, sizeof(words)), r->page_incident,
		    r->found ? ", found already posted" : "",
		    strcmp(r->page_status, "resolved") == 0 && !app->resolved ?
		    "; E marks the incident resolved here" : "");
	else
		app_say_outcome(app, "status page post FAILED: %s", r->error);
}

static void
on_announced(const struct chat_result *r, void *arg)
{
	struct app *app = arg;
	struct app_ran *ran = ran_sent(app, false, r->id);

	app->dirty = true;
	if (ran != NULL)
		ran->announce = r->ok ? STEPMARK_OK : r->unknown ? STEPMARK_UNKNOWN :
		    STEPMARK_FAILED;
	if (r->ok)
		app_say_outcome(app, "chat: announced (%s)", r->id);
	else
		app_say_outcome(app, "chat announcement %s: %s", r->unknown ? "UNKNOWN" : "FAILED", r->error);
}

/* An announcement an earlier session never saw answered: said, not re-sent. */
static void
on_interrupted(const struct chat_result *r, void *arg)
{
	struct app *app = arg;

	app->dirty = true;
	app_say_also(app, "UNKNOWN: chat announcement \"%.80s%s\" from an earlier session — %s; "
	    "announce it again if the channel lacks it", r->text, strlen(r->text) > 80 ? "…" : "",
	    r->error);
	app->status_held = true;         /* the start's later words go beside it */
}

/* A [statuspage] or [chat] that cannot be used this session: said until a
 * key (the start's other messages stay with it), recorded, and kept for
 * the S box, which must not let anyone think it will be told. */
static void
unavailable(struct app *app, const char *what, const char *kind, const char *why,
    char *off, size_t cap)
{
	struct wr_err err;
	cJSON *d = cJSON_CreateObject();

	snprintf(off, cap, "unavailable: %s", why);
	app_say_also(app, "%s unavailable: %s — nothing will be sent to it (fix the config, then "
	    "restart)", what, why);
	app->status_held = true;
	cJSON_AddStringToObject(d, "error", why);
	if (timeline_append(app->tl, kind, NULL, NULL, d, &err) != 0)
		app_say_also(app, "journal: %s", err.msg);
}

/* The man page's promise: a takeover is said, at start as when arming. */
static void
say_taken(struct app *app, int n, const char *from)
{
	app_say_also(app, "status page: took over %d post%s %s's console left pending (it no "
	    "longer runs); this console sends %s", n, n == 1 ? "" : "s", from,
	    n == 1 ? "it" : "them");
	app->status_held = true;
	app->dirty = true;
}

void
actions_statuspage_open(struct app *app)
{
	char said[sizeof(app->status)];
	bool held = app->status_held;
	struct wr_err err;
	int n;

	/* A watcher neither posts nor records: the header's STATUS PAGE badge
	 * reads the posts from the journal instead. */
	if (app->tl == NULL || app->safety.read_only)
		return;
	/* Before this session announces anything, and with or without a
	 * [chat] now: nothing the journal holds goes unsaid. Several are
	 * said as one count, after what the start said before them. */
	wr_strlcpy(said, app->status, sizeof(said));
	if ((n = chat_resolve_interrupted(app->tl, on_interrupted, app)) > 1) {
		wr_strlcpy(app->status, said, sizeof(app->status));
		app->status_held = held;
		app_say_also(app, "UNKNOWN: %d chat announcements from an earlier session were "
		    "never answered; none sent again (see TIMELINE)", n);
		app->status_held = true;
	}
	wr_strlcpy(app->statuspage_off, "not configured", sizeof(app->statuspage_off));
	wr_strlcpy(app->chat_off, "not configured", sizeof(app->chat_off));
	if (app->http == NULL)
		return;
	if (app->cfg.statuspage.kind != STATUSPAGE_NONE) {
		app->statuspage = statuspage_new(app->loop, app->http, app->tl, &app->red,
		    &app->cfg.statuspage, timeline_id(app->tl), &err);
		if (app->statuspage == NULL)
			unavailable(app, "status page", "statuspage.unavailable", err.msg,
			    app->statuspage_off, sizeof(app->statuspage_off));
		else {
			app->statuspage_off[0] = '\0';
			statuspage_set_callback(app->statuspage, on_posted, app);
			/* Posts taken over as it opened: said, as when arming. */
			if (statuspage_state(app->statuspage)->taken > 0)
				say_taken(app, statuspage_state(app->statuspage)->taken,
				    statuspage_state(app->statuspage)->taken_from);
			/* Its token and page id now, not at the first post. */
			statuspage_check(app->statuspage);
		}
	}
	if (app->cfg.chat.line != 0) {
		if ((app->chat = chat_new(app->loop, app->http, app->tl, &app->red, &app->cfg.chat,
		    &err)) == NULL)
			unavailable(app, "chat", "chat.unavailable", err.msg, app->chat_off,
			    sizeof(app->chat_off));
		else {
			app->chat_off[0] = '\0';
			chat_set_callback(app->chat, on_announced, app);
		}
	}
}

void
actions_statuspage_adopt(struct app *app)
{
	const struct statuspage_state *st;
	struct wr_err err;
	int n;

	/* Armed only: the arm lock makes this the one console that takes them,
	 * so two consoles never both send a post another left. */
	if (app->statuspage == NULL || !app_armed(app))
		return;
	if ((n = statuspage_adopt(app->statuspage, &err)) < 0) {
		app_say_also(app, "status page: posts other consoles left pending not read: %s",
		    err.msg);
		return;
	}
	if (n == 0)
		return;
	st = statuspage_state(app->statuspage);
	say_taken(app, n, st->taken_from);
}

void
actions_statuspage_ask(struct app *app)
{
	if (app->statuspage == NULL && app->chat == NULL) {
		app_say(app, app->cfg.statuspage.kind == STATUSPAGE_NONE && app->cfg.chat.line == 0 ?
		    "no [statuspage] or [chat] in the config" : app->tl == NULL ?
		    "the status page and chat need --incident NAME" :
		    "the status page and chat are unavailable (see the message at start)");
		return;
	}
	/* What another console left goes first, and the box says so. */
	actions_statuspage_adopt(app);
	app_ask(app, PROMPT_STATUS);
}

int
actions_statuspage_prefill(struct app *app, const char *status, const char *message,
    const char *name, const char *impact, struct action **slot)
{
	const char *c;

	actions_statuspage_ask(app);
	if (!app->prompt_active) {
		char said[sizeof(app->status)];

		/* Asked for by the runbook and not done: the post-mortem shows it. */
		wr_strlcpy(said, app->said, sizeof(said));
		app_say(app, "%s: nothing posted", said);
		journal_refusal_of(app, -1, -1, "statuspage.post", app->said, message);
		return -1;
	}
	for (c = status ? status : ""; *c != '\0'; c++)
		lineedit_insert(&app->prompt, (unsigned char)*c);
	wr_strlcpy(app->post_message, message ? message : "", sizeof(app->post_message));
	if (!wr_strlcpy(app->post_name, name ? name : "", sizeof(app->post_name)))
		app_say(app, "the runbook's name= was cut to %zu bytes", sizeof(app->post_name) - 1);
	wr_strlcpy(app->post_impact, impact ? impact : "", sizeof(app->post_impact));
	slot_row(app, slot, app->post_step, sizeof(app->post_step), &app->post_section);
	slot_code(app, slot, app->post_code);
	app->post_ran = app_slot_ran(app, slot);
	app->post_no_echo = slot_announces(app, slot);
	/* A step that names its status has said the word the prompt asks
	 * for: straight to the text, which Enter still confirms. */
	if (status != NULL && statuspage_status_parse(status) >= 0) {
		app->prompt_active = false;
		return actions_statuspage_post(app, status);
	}
	return 0;
}

/* The post as it will go to the page: what the preview shows and what
 * send queues, built once so they cannot differ. A runbook's name= titles
 * a create (else the incident's own name); its impact= wins over
 * [statuspage] impact, which only a create carries. */
static void
post_update(const struct app *app, int status, const char *text,
    struct statuspage_update *u)
{
	const struct statuspage_state *st = statuspage_state(app->statuspage);
	bool resolved = status == STATUSPAGE_RESOLVED;
	int k;

	memset(u, 0, sizeof(*u));
	u->status = (enum statuspage_status)status;
	u->action = st->page_incident[0] == '\0' ? STATUSPAGE_CREATE :
	    resolved ? STATUSPAGE_RESOLVE : STATUSPAGE_UPDATE;
	snprintf(u->name, sizeof(u->name), "%s", u->action == STATUSPAGE_CREATE &&
	    app->post_name[0] ? app->post_name : app->incident ? app->incident : "Incident");
	snprintf(u->body, sizeof(u->body), "%s", text);
	if (app->post_impact[0] != '\0')
		snprintf(u->impact, sizeof(u->impact), "%s", app->post_impact);
	else if (u->action == STATUSPAGE_CREATE)
		snprintf(u->impact, sizeof(u->impact), "%s", app->cfg.statuspage.impact);
	/* Affected components show their status until the resolve. */
	for (k = 0; k < app->cfg.statuspage.ncomponents; k++) {
		int cs = statuspage_component_status_parse(app->cfg.statuspage.component_status[k]);

		snprintf(u->components[k].id, sizeof(u->components[k].id), "%s",
		    app->cfg.statuspage.components[k]);
		u->components[k].status = resolved || cs < 0 ? STATUSPAGE_OPERATIONAL :
		    (enum statuspage_component_status)cs;
		u->ncomponents++;
	}
	snprintf(u->our_id, sizeof(u->our_id), "%s", timeline_id(app->tl));
	snprintf(u->page_id, sizeof(u->page_id), "%s", st->page_incident);
}

/* What the templates are filled with: the incident's cause as its journal
 * tells it (cause_find: the first rollback away from a release the
 * verdict judged, not the latest one, and its service on every configured
 * host that runs it), or words; the strings live in *c and the buffers.
 * Returns whether a cause was found; warroom's own words for status (what
 * the journal proves and the hosts' verdicts allow: cause_template) go to
 * tpl. */
/* "Back on v1.4.1" while a host's /readyz says the schema is ahead of
 * what service runs there is not the clean return it reads as: the words
 * say so, with the first such host's revisions. */
static void
schema_ahead_words(const struct app *app, const char *service, char *tpl, size_t tcap)
{
	const struct svc_state *s;
	size_t h;
	int k;

	for (h = 0; h < app->cfg.nhosts; h++)
		for (k = 0; k < app->cfg.hosts[h].nservices; k++) {
			if (strcmp(app->cfg.hosts[h].services[k], service) != 0)
				continue;
			s = poller_state(app->poller, (int)h, k);
			if (s != NULL && s->have_probe &&
			    s->readyz.schema_warn == PROBE_SCHEMA_AHEAD) {
				cause_schema_ahead(tpl, tcap, s->readyz.rev_database,
				    s->readyz.rev_expected);
				return;
			}
		}
}

static bool
template_vars(struct app *app, int status, struct statuspage_vars *v, struct cause *c,
    char *when, char *since, char *began, size_t cap, char *tpl, size_t tcap)
{
	time_t now = time(NULL);
	struct record_list list;
	struct tm tm;
	bool found = false;
	int64_t began_ms = 0;

	gmtime_r(&now, &tm);
	strftime(when, cap, "%H:%M UTC", &tm);
	v->service = "the service";
	v->from_tag = "the new release";
	v->to_tag = "the previous release";
	v->incident = app->incident ? app->incident : "this incident";
	v->time = when;
	if (app->tl != NULL && journal_records(app, &list) == 0) {
		if ((found = cause_find(list.v, list.n, app->cfg.hosts, app->cfg.nhosts, c) == 1)) {
			v->service = c->service;
			if (c->from[0])
				v->from_tag = c->from;
			if (c->to[0])
				v->to_tag = c->to;
		}
		/* Before any rollback: the service the trouble is in, if one. */
		if (!found && cause_trouble_service(list.v, list.n, c->service,
		    sizeof(c->service)))
			v->service = c->service;
		/* The post-mortem's impact start: customers are told the same. */
		began_ms = export_impact_from(list.v, list.n);
		record_list_free(&list);
	}
	cause_since(found ? c : NULL, since, cap);
	v->since = since;
	/* When the trouble began, not when this post is written. */
	cause_clock(began_ms, began, cap);
	v->began = began;
	/* "Normal again" is not said while a verdict says otherwise. */
	cause_template(status, found ? c : NULL, app_hosts_not_ok(app, 0, NULL, 0), tpl, tcap);
	if (found)
		schema_ahead_words(app, c->service, tpl, tcap);
	return found;
}

/* A runbook's announce message= filled as a post's text is ({service},
 * {to_tag}, …), into buf: `warroom runbook` lints both with the one list
 * of placeholders, so both must fill them. */
static void
announce_text(struct app *app, const char *message, char *buf, size_t cap)
{
	struct statuspage_vars v;
	struct cause cause;
	char when[32], since[32], began[32], words[512];
	char *text;

	template_vars(app, STATUSPAGE_IDENTIFIED, &v, &cause, when, since, began, sizeof(when),
	    words, sizeof(words));
	text = statuspage_template(message, &v);
	wr_strlcpy(buf, text, cap);
	free(text);
}

/* The typed status is the first half of the confirmation: one of the
 * page's four words. The text customers will read comes from [templates]
 * (or the runbook's words) and is shown, editable, before anything goes;
 * a rollback that ended UNKNOWN or FAILED gets only words written for that
 * outcome (cause_words), and the box says why. */
int
actions_statuspage_post(struct app *app, const char *typed)
{
	struct statuspage_vars v;
	struct cause cause;
	char when[32], since[32], began[32], words[512], key[64];
	int status = -1;
	const char *own, *for_oc = NULL, *tpl;
	enum cause_outcome oc;
	bool found, replaced;
	char *text;
	int s;

	/* A typed confirmation like any other (a paste's trailing space). */
	for (s = STATUSPAGE_INVESTIGATING; status < 0 && s <= STATUSPAGE_RESOLVED; s++)
		if (lineedit_typed_is(typed, statuspage_status_name((enum statuspage_status)s)))
			status = s;
	app->post_set_aside[0] = '\0';
	if (status < 0) {
		app_say(app, "nothing posted: type investigating, identified, monitoring or resolved");
		app->post_message[0] = app->post_name[0] = app->post_impact[0] = '\0';
		app->post_step[0] = '\0';
		app->post_ran = NULL;
		app->post_no_echo = false;
		return -1;
	}
	found = template_vars(app, status, &v, &cause, when, since, began, sizeof(when), words,
	    sizeof(words));
	oc = cause_outcome(found ? &cause : NULL);
	if (oc != CAUSE_OUTCOME_NONE) {
		for_oc = app->cfg.templates_if[oc == CAUSE_OUTCOME_UNKNOWN ? WR_TEMPLATE_IF_UNKNOWN :
		    WR_TEMPLATE_IF_FAILED][status];
		snprintf(key, sizeof(key), "%s_%s", config_template_name(status),
		    config_template_if_name(oc == CAUSE_OUTCOME_UNKNOWN ? WR_TEMPLATE_IF_UNKNOWN :
		    WR_TEMPLATE_IF_FAILED));
	}
	/* A runbook's own words win over the template, for this post only. */
	own = app->post_message[0] ? app->post_message : app->cfg.templates[status];
	tpl = cause_words(own, for_oc, oc, words, &replaced);
	if (replaced) {
		char *said = statuspage_template(own, &v);

		cause_words_why(app->post_message[0] ? "the runbook's message" : "your template",
		    said, oc, key, app->post_set_aside, sizeof(app->post_set_aside));
		free(said);
	}
	/* No honest default: the box says why instead of an empty guess. */
	if (tpl[0] == '\0' && found && cause.nbad_again > 0)
		cause_silent_why(&cause, app->post_set_aside, sizeof(app->post_set_aside));
	text = statuspage_template(tpl, &v);
	app->post_message[0] = '\0';
	app->post_status = status;
	if (!lineedit_set(&app->prompt, text))
		app_say(app, "the text was cut to %d bytes: read it before Enter", LINEEDIT_MAX - 1);
	/* The cursor at the end, as in any shell: typing adds to the text and
	 * Ctrl-U clears it all; the box above shows the whole text. */
	free(text);
	app->prompt_kind = PROMPT_POST_TEXT;
	app->prompt_active = true;
	return 0;
}

void
actions_post_title_toggle(struct app *app)
{
	const struct statuspage_state *st = app->statuspage ? statuspage_state(app->statuspage) :
	    NULL;
	char title[LINEEDIT_MAX], *t;

	if (!app->post_title_edit) {
		if (st == NULL || st->page_incident[0] != '\0') {
			app_say(app, st == NULL ? "no status page: the chat has no title" :
			    "the incident is already on the page and keeps its title");
			return;
		}
		wr_strlcpy(app->post_text_keep, app->prompt.text, sizeof(app->post_text_keep));
		lineedit_set(&app->prompt, app->post_name[0] ? app->post_name :
		    app->incident ? app->incident : "Incident");
		app->post_title_edit = true;
		return;
	}
	/* Emptied: the title falls back to the incident's name again. */
	wr_strlcpy(title, app->prompt.text, sizeof(title));
	t = wr_trim(title);
	if (!wr_strlcpy(app->post_name, t, sizeof(app->post_name)))
		app_say(app, "the title was cut to %zu bytes", sizeof(app->post_name) - 1);
	lineedit_set(&app->prompt, app->post_text_keep);
	app->post_title_edit = false;
}

void
actions_post_question(const struct app *app, char *buf, size_t cap)
{
	const struct statuspage_state *st = app->statuspage ? statuspage_state(app->statuspage) :
	    NULL;
	const char *what = st == NULL ? "" : st->page_incident[0] == '\0' ? "create" :
	    app->post_status == STATUSPAGE_RESOLVED ? "resolve" : "update";

	/* "resolve resolved" would say the status twice. */
	/* A runbook that announces itself: the page only (post_gaps says why). */
	bool chat = app->chat != NULL && !(st != NULL && app->post_no_echo);

	snprintf(buf, cap, "%s%s%s %s%s%s", what, *what ? " " : "",
	    strcmp(what, "resolve") == 0 ? "the incident" :
	    statuspage_status_name((enum statuspage_status)app->post_status),
	    st != NULL ? "on the status page" : "", st != NULL && chat ? " and " : "",
	    chat ? "in the chat" : "");
}

/* What the S box must say will not happen: a page or chat not told (not
 * configured, or unusable this session), a page that refused the check.
 * Returns how many lines went to out. */
static int
post_gaps(const struct app *app, char out[2][400])
{
	const struct statuspage_state *st = app->statuspage ? statuspage_state(app->statuspage) :
	    NULL;
	int n = 0;

	/* The fact first: a narrow box cuts the end of the line. */
	if (app->statuspage == NULL)
		snprintf(out[n++], sizeof(out[0]), "the status page will NOT be told: %s",
		    app->statuspage_off[0] ? app->statuspage_off : "not configured");
	else if (st->check == STATUSPAGE_CHECK_REFUSED || st->check == STATUSPAGE_CHECK_UNREACHED)
		snprintf(out[n++], sizeof(out[0]), "this post %s fail: the status page at start: %s",
		    st->check == STATUSPAGE_CHECK_REFUSED ? "will" : "may", st->check_words);
	else if (st->pending > 0)
		/* Posts go in order: one waiting (taken over or not) goes first,
		 * and a create ahead makes the incident this one updates. */
		snprintf(out[n++], sizeof(out[0]), "%d post%s wait%s ahead of this one%s%s%s; a "
		    "create ahead makes the incident this one updates (or skips it if it would set "
		    "the status back)", st->pending, st->pending == 1 ? "" : "s",
		    st->pending == 1 ? "s" : "", st->taken > 0 ? " (taken over from " : "",
		    st->taken > 0 ? st->taken_from : "", st->taken > 0 ? "'s console)" : "");
	if (app->chat == NULL)
		snprintf(out[n++], sizeof(out[0]), "the chat will NOT be told: %s",
		    app->chat_off[0] ? app->chat_off : "not configured");
	else if (st != NULL && app->post_no_echo)
		snprintf(out[n++], sizeof(out[0]), "not echoed to the chat: this runbook tells the "
		    "chat with its own announce step");
	return n;
}

void
actions_post_preview_draw(struct app *app, int lines, int cols)
{
	int w = cols - 8 < 100 ? cols - 8 : 100, h, y = 0, i, nbad = 0, ngaps, nhead = 0;
	int rows = 0, nclose = 0;
	char q[200], where[WR_URL_MAX + 128], facts[2][400], bad[400], warn[480], gaps[2][400];
	char back[160] = "", still[480] = "";
	struct { const char *text; int attr; } head[10];
	const char *close = app->post_title_edit ?
	    "edit the title in the footer: Tab or Enter keeps it and goes back to the text "
	    "(nothing is sent yet), Esc posts nothing" :
	    "edit it in the footer: Enter sends it, Esc posts nothing";
	const struct statuspage_state *st;
	struct statuspage_update *u;
	/* Tab put the title in the footer: the text waits meanwhile. */
	const char *text = app->post_title_edit ? app->post_text_keep : app->prompt.text;
	WINDOW *win;

	if (w < 20)
		return;
	facts[0][0] = facts[1][0] = where[0] = '\0';
	if (app->statuspage != NULL) {
		/* Which page and incident: staging taken for production shows. */
		st = statuspage_state(app->statuspage);
		statuspage_preview_where(app->cfg.statuspage.kind, app->cfg.statuspage.url,
		    st->page_incident, where, sizeof(where));
		/* The title and impact as send will queue them. */
		u = xmalloc(sizeof(*u));
		post_update(app, app->post_status, text, u);
		statuspage_preview_facts(app->cfg.statuspage.kind, u, app->post_name, facts[0],
		    sizeof(facts[0]), facts[1], sizeof(facts[1]));
		if (app->post_title_edit)
			snprintf(facts[0], sizeof(facts[0]), "title \"%.300s\" (editing it below: Tab "
			    "or Enter keeps it)", app->prompt.text);
		free(u);
		/* Customers would read the incident going backwards: said
		 * before it goes; Enter still sends it. */
		if (st->page_incident[0] != '\0')
			statuspage_backwards_words(st->page_status, st->page_status_ms,
			    (enum statuspage_status)app->post_status, back, sizeof(back));
	}
	/* "Fixed" while a verdict says otherwise: said before it is sent. */
	if (app->post_status == STATUSPAGE_MONITORING || app->post_status == STATUSPAGE_RESOLVED)
		nbad = app_hosts_not_ok(app, SIZE_MAX, bad, sizeof(bad));
	if (nbad > 0)
		snprintf(warn, sizeof(warn), "not every host is OK: %s", bad);
	/* "Back" while a service still runs a release judged bad (its
	 * verdict may be OK: nobody measures it): said, not refused. */
	if (poststill_says_fixed((enum statuspage_status)app->post_status, text))
		poststill_words(&app->contain.rel, still, sizeof(still));
	ngaps = post_gaps(app, gaps);
	actions_post_question(app, q, sizeof(q));
	/* What is confirmed here, each line wrapped, never cut: the page
	 * and incident it goes to first. */
	head[nhead].text = q, head[nhead++].attr = ui_attr(app, THEME_WARN);
	if (where[0] != '\0')
		head[nhead].text = where, head[nhead++].attr = ui_attr(app, THEME_WARN);
	for (i = 0; i < 2; i++)
		if (facts[i][0] != '\0')
			head[nhead].text = facts[i], head[nhead++].attr = ui_attr(app, THEME_NORMAL);
	if (nbad > 0)
		head[nhead].text = warn, head[nhead++].attr = ui_attr(app, THEME_WARN) | A_BOLD;
	if (still[0] != '\0')
		head[nhead].text = still, head[nhead++].attr = ui_attr(app, THEME_WARN) | A_BOLD;
	if (back[0] != '\0')
		head[nhead].text = back, head[nhead++].attr = ui_attr(app, THEME_WARN) | A_BOLD;
	for (i = 0; i < ngaps; i++)
		head[nhead].text = gaps[i], head[nhead++].attr = ui_attr(app, THEME_WARN) | A_BOLD;
	/* Why the text is not the one written for it. */
	if (app->post_set_aside[0] != '\0')
		head[nhead].text = app->post_set_aside,
		    head[nhead++].attr = ui_attr(app, THEME_WARN) | A_BOLD;
	for (i = 0; i < nhead; i++)
		ui_put_wrapped(NULL, &rows, 2, w - 4, 2, INT_MAX, A_NORMAL, head[i].text);
	ui_put_wrapped(NULL, &nclose, 2, w - 4, 2, INT_MAX, A_NORMAL, close);
	/* As high as the text needs, above the footer. */
	ui_put_wrapped(NULL, &y, 2, w - 4, 0, lines - 6 - rows - nclose, A_NORMAL, text);
	h = y + 3 + rows + nclose;
	if ((win = ui_overlay(app, h, w, lines - 1 - h, (cols - w) / 2, THEME_BORDER_FOCUS,
	    " WHAT CUSTOMERS WILL READ ")) == NULL)
		return;
	y = 1;
	for (i = 0; i < nhead; i++)
		ui_put_wrapped(win, &y, 2, w - 4, 2, h - 2 - nclose, head[i].attr, head[i].text);
	ui_put_wrapped(win, &y, 2, w - 4, 0, h - 2 - nclose, ui_attr(app, THEME_NORMAL), text);
	y = h - 1 - nclose;
	ui_put_wrapped(win, &y, 2, w - 4, 2, h - 1, ui_attr(app, THEME_DIM), close);
	wnoutrefresh(win);
	delwin(win);
}

/* The second half: the text as the engineer left it goes to the page and
 * the chat. */
int
actions_statuspage_send(struct app *app, const char *edited)
{
	struct statuspage_update u;
	char queue[STATUSPAGE_QUEUE_ID_MAX], id[32], words[64];
	struct wr_err err;
	int status = app->post_status;
	const char *text = edited, *typed, *incident = app->incident ? app->incident :
	    "this incident";
	char *line;
	int rc = 0;

	while (*text == ' ')
		text++;
	if (*text == '\0') {
		app_say(app, "nothing posted: the text is empty");
		app->post_name[0] = app->post_impact[0] = app->post_step[0] = '\0';
		app->post_ran = NULL;
		app->post_no_echo = false;
		return -1;
	}
	typed = statuspage_status_name((enum statuspage_status)status);
	if (app->statuspage != NULL) {
		post_update(app, status, text, &u);
		if (statuspage_post(app->statuspage, &u, app->post_step,
		    app->post_section, app->post_code, queue, &err) != 0) {
			app_say(app, "nothing posted: %s", err.msg);
			rc = -1;
		} else {
			app_say(app, "status page: queued %s (%s)",
			    statuspage_post_words(statuspage_action_name(u.action), typed, words,
			    sizeof(words)), queue);
			if (app->post_ran != NULL) {
				app->post_ran->post = STEPMARK_PENDING;
				wr_strlcpy(app->post_ran->post_queue, queue,
				    sizeof(app->post_ran->post_queue));
			}
		}
	}
	/* The runbook's title, impact and step were for this post only (the
	 * chat's echo of it is not the step's). */
	app->post_name[0] = app->post_impact[0] = app->post_step[0] = '\0';
	app->post_ran = NULL;
	/* A runbook with its own announce steps tells the chat itself: the
	 * echo of a page post would give the team the same news twice. */
	if (app->statuspage != NULL && app->post_no_echo) {
		app->post_no_echo = false;
		return rc;
	}
	app->post_no_echo = false;
	if (app->chat != NULL) {
		/* The title customers read leads, the incident's own name beside it. */
		line = statuspage_chat_line(app->statuspage != NULL ? (u.action ==
		    STATUSPAGE_CREATE ? u.name : app->page_title) : NULL, incident,
		    statuspage_status_name((enum statuspage_status)status), text);
		if (chat_announce(app->chat, line, NULL, false, NULL, id, &err) != 0) {
			app_say(app, "nothing announced: %s", err.msg);
			rc = -1;
		} else if (app->statuspage == NULL)
			app_say(app, "chat: announcing %s (%s)", typed, id);
		free(line);
	}
	return rc;
}
