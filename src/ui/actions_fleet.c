/*
 * actions_fleet.c — B, the fleet rollback, as the console runs it: which
 * hosts join the chain (fleetchain.c decides, from what HOSTS last read
 * and the SSH state of each), each host's turn as its rollback starts,
 * ends or is refused, journalled from the first host's confirmation
 * (chain.start, its id in each host's records) to the end, when the
 * summary is said until a key and journalled (chain.end; a chain never
 * confirmed is only said). The rollbacks themselves go
 * through the queue and actions_rollback like any other.
 */
#include "warroom/ui.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "warroom/action.h"
#include "warroom/fleetchain.h"
#include "warroom/poller.h"
#include "warroom/rbtarget.h"
#include "warroom/ssh.h"
#include "warroom/timeline.h"

/* Seconds since then_ms (wall clock), never negative. */
static long
age_s(int64_t then_ms)
{
	struct timespec ts;
	long s;

	clock_gettime(CLOCK_REALTIME, &ts);
	s = (long)(((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 - then_ms) / 1000);
	return s < 0 ? 0 : s;
}

/* What HOSTS and the pool know of host's service svc, for B to decide;
 * an unsettled action there, which may have moved it since its tag was
 * read. */
static struct fleetchain_cand
candidate(const struct app *app, int host, int svc, enum config_driver driver)
{
	const struct config_host *o = &app->cfg.hosts[host];
	const struct svc_state *st = poller_state(app->poller, host, svc);
	const struct ssh_status *ss = ssh_pool_status(app->pool, host);
	const struct action *un = actions_unsettled_on(app, host, svc);
	struct fleetchain_cand c = {
		.name = o->name,
		.other_driver = o->driver != driver ? config_driver_name(o->driver) : NULL,
		.read_only = o->read_only,
		.hidden = !app_service_shown(app, host, svc),
		.conn = ss->state == SSH_UP ? NULL : ssh_state_name(ss->state),
		.tag = st != NULL && st->have_driver ? st->tag : "",
		.age_s = st != NULL && st->have_driver ? age_s(st->driver_at_ms) : -1,
		.failing = st != NULL && st->driver_error[0] != '\0',
		.unsettled = un != NULL ? action_verb(un) : NULL,
		.unsettled_to = un != NULL && strcmp(action_verb(un), "rollback") == 0 ?
		    action_plan(un)->to : NULL,
	};
	const char *jtag;
	int64_t jms;

	/* Away since before this console began: what the journal last said
	 * it ran, named as the journal's (not "never read"). */
	if (c.conn != NULL && (jtag = app_journal_tag(app, host, svc, &jms)) != NULL) {
		c.tag = jtag;
		c.journal_ms = jms;
	}
	return c;
}

/* The rollback's kind on host, for records made before it has a plan. */
static const char *
rollback_kind(const struct config_host *h)
{
	return h->driver == DRIVER_K8S ? "k8s.undo" : h->driver == DRIVER_HELM ?
	    "helm.rollback" : "compose.rollback";
}

void
actions_rollback_all(struct app *app)
{
	int svc, host = app_selected_service(app, &svc), k, n, lead = -1, lead_svc = -1;
	struct fleetchain *fc = &app->fleet;
	const struct svc_state *sel;
	const char *from, *jtag;
	int64_t jms;
	const struct config_host *h;
	bool sel_up;
	size_t i;

	if (app->focus != PANE_HOSTS) {
		app_say(app, "select the service in HOSTS first (1, then B)");
		return;
	}
	if (actions_queue_running(app))
		return;
	if (app->pool == NULL || host < 0 || (sel = poller_state(app->poller, host, svc)) == NULL) {
		app_say(app, "no row with a running tag selected");
		return;
	}
	/* A row away since before this console began: the tag the journal
	 * last said, as its TAG cell shows it. */
	from = sel->tag;
	if (!sel->have_driver && ssh_pool_status(app->pool, host)->state != SSH_UP &&
	    (jtag = app_journal_tag(app, host, svc, &jms)) != NULL)
		from = jtag;
	if (from[0] == '\0') {
		app_say(app, "no row with a running tag selected");
		return;
	}
	h = &app->cfg.hosts[host];
	/* A row already at this incident's rollback target: a chain from it
	 * would take the good hosts further back and leave the bad ones. */
	{
		struct rbtarget rb;
		char why[400];

		if (journal_rollback_target(app, host, svc, &rb) &&
		    rbtarget_chain_refusal(&rb, h->name, from, why, sizeof(why))) {
			app_say(app, "%s", why);
			return;
		}
	}
	/* Every other host of the same driver running this service at this
	 * tag, in config order, after the selected one; with a HOSTS filter,
	 * only the rows it shows: a hidden row is never acted on. Every host
	 * listing the service that is left out is named in the dialog. A
	 * selected row not UP gives the service and its last known tag, and is
	 * left out like any other: the first UP host on that tag leads (once, B
	 * on a DOWN row refused the chain at once, the UP bad hosts unasked). */
	app->nqueue = 0;
	app->fleet_action = NULL;
	app->fleet_by = NULL;
	app->fleet_last[0] = app->fleet_said[0] = app->fleet_lead[0] = '\0';
	fleetchain_begin(fc, h->services[svc], from);
	fleetchain_set_driver(fc, config_driver_name(h->driver));
	sel_up = ssh_pool_status(app->pool, host)->state == SSH_UP;
	if (sel_up) {
		fleetchain_add(fc, h->name, host);
		lead = host;
		lead_svc = svc;
	} else {
		struct fleetchain_cand c = candidate(app, host, svc, h->driver);

		fleetchain_consider(fc, &c);
	}
	for (i = 0; i < app->cfg.nhosts; i++) {
		struct fleetchain_cand c;

		if ((int)i == host || (k = config_service_index(&app->cfg.hosts[i],
		    h->services[svc])) < 0)
			continue;
		c = candidate(app, (int)i, k, h->driver);
		if (!fleetchain_consider(fc, &c))
			continue;
		if (lead < 0) {
			/* The first that joins leads: its dialog picks the target. */
			fleetchain_add(fc, app->cfg.hosts[i].name, (int)i);
			lead = (int)i;
			lead_svc = k;
			continue;
		}
		if (actions_queue_add(app, (int)i, k, "", NULL) &&
		    fleetchain_add(fc, app->cfg.hosts[i].name, (int)i)) {
			app->queue[app->nqueue - 1].follow = true;
			continue;
		}
		if (app->host_filter[0] != '\0')
			app_say(app, "more than %d other hosts having \"%s\" run %s at %s: "
			    "narrow the HOSTS filter (F)", WR_SERVICES_MAX, app->host_filter,
			    h->services[svc], from);
		else
			app_say(app, "more than %d other hosts run %s at %s: roll them back "
			    "in groups (F filters HOSTS)", WR_SERVICES_MAX, h->services[svc],
			    from);
		app->nqueue = 0;
		fc->active = false;
		return;
	}
	if (lead < 0) {
		char line[1500];

		/* Nothing to confirm, so nothing began: said, not journalled. */
		fleetchain_none_words(fc, line, sizeof(line));
		app_say(app, "%s", line);
		fc->active = false;
		return;
	}
	h = &app->cfg.hosts[lead];       /* its own service index is lead_svc */
	n = app->nqueue;
	wr_strlcpy(app->queue_filter, app->host_filter, sizeof(app->queue_filter));
	app->target_host = lead;
	app->target_svc = lead_svc;
	app->target_queued = true;
	app->target_slot = NULL;
	app->target_tag[0] = '\0';
	app->target_from[0] = '\0';
	actions_rollback(app);
	/* A dialog open already (its plan needed no read) names the hosts to
	 * come in its title; said now, the words covered its keys, two rows
	 * at 80 columns under its border, until a key. They are about the
	 * plan being read: its dialog takes them away, also from beside an
	 * outcome not yet read. */
	if (app->confirming == NULL && fc->active && n > 0)
		app_say_about(app, actions_planned(app), "rolling back %s at %s on %d hosts%s%s%s, "
		    "one after another, each confirmed: %s first", fc->service, fc->from, n + 1,
		    app->queue_filter[0] ? " having \"" : "", app->queue_filter,
		    app->queue_filter[0] ? "\"" : "", h->name);
	else if (app->confirming == NULL && fc->active)
		app_say_about(app, actions_planned(app), "only %s %s %s at %s here%s%s%s: planning "
		    "its rollback", h->name, fc->nout > 0 ? "is known to run" : "runs", fc->service,
		    fc->from, app->queue_filter[0] ? " (of the hosts having \"" : "", app->queue_filter,
		    app->queue_filter[0] ? "\")" : "");
	actions_fleet_tell(app);
}

bool
actions_fleet_owns(const struct app *app, const struct action *a)
{
	return a != NULL && app->fleet.active && app->fleet_action == a;
}

/* Is host the one whose turn it is? */
static bool
its_turn(const struct app *app, int host)
{
	const struct fleetchain_host *cur = fleetchain_current(&app->fleet);

	return cur != NULL && cur->host == host;
}

void
actions_fleet_started(struct app *app, int host, struct action *a)
{
	if (!its_turn(app, host))
		return;
	app->fleet_action = a;
	if (app->fleet.id[0] != '\0')
		action_set_chain(a, app->fleet.id);
}

void
actions_fleet_confirmed(struct app *app, struct action *a)
{
	struct fleetchain *fc = &app->fleet;
	struct wr_err err;

	/* Only a confirmation that takes: a plan with its target picked. */
	if (!actions_fleet_owns(app, a) || fc->id[0] != '\0' ||
	    action_state(a) != ACTION_CONFIRMING || action_choice(a) < 0)
		return;
	/* The target is known from here: a chain cancelled later names it. */
	fleetchain_confirmed(fc, action_op(a), action_plan(a)->to);
	action_set_chain(a, fc->id);
	if (app->tl != NULL && timeline_append(app->tl, "chain.start", NULL, NULL,
	    fleetchain_start_record(fc), &err) != 0)
		app_say(app, "fleet rollback of %s: its start NOT recorded in the timeline: %s",
		    fc->service, err.msg);
}

/* The turn of host ends as turn; last: what stopped the chain, said
 * after its summary. Over: the summary is due. */
static void
end_turn(struct app *app, enum fleetchain_turn turn, const char *why, const char *to,
    const char *last)
{
	/* A turn ended with no action of its own (a host DOWN at its turn)
	 * keeps the one before it: the summary takes the place of that
	 * one's outcome, said just now, not a place in line behind it. */
	if (app->fleet_action != NULL)
		app->fleet_by = app->fleet_action;
	app->fleet_action = NULL;
	if (!fleetchain_end_turn(&app->fleet, turn, why, to)) {
		app->fleet_tell = true;
		if (!fleetchain_goes_on(turn))
			wr_strlcpy(app->fleet_last, last, sizeof(app->fleet_last));
	}
}

void
actions_fleet_refused(struct app *app, int host, const char *why, bool down)
{
	const struct config_host *h;
	char words[600], reason[900];
	struct wr_err err;
	cJSON *d;

	if (!its_turn(app, host))
		return;
	h = &app->cfg.hosts[host];
	if (down)
		snprintf(words, sizeof(words), "%s is %s: not rolled back", h->name, why);
	else
		snprintf(words, sizeof(words), "rollback of %s on %s refused: %s", app->fleet.service,
		    h->name, why);
	/* Its turn came and nothing ran: in the journal too, with why. */
	snprintf(reason, sizeof(reason), "%s (its turn in the fleet rollback of %s from %s)",
	    down ? words : why, app->fleet.service, app->fleet.from);
	if (app->tl != NULL) {
		d = cJSON_CreateObject();
		cJSON_AddStringToObject(d, "action", rollback_kind(h));
		cJSON_AddStringToObject(d, "service", app->fleet.service);
		cJSON_AddStringToObject(d, "reason", reason);
		if (app->fleet.id[0] != '\0')
			cJSON_AddStringToObject(d, "chain", app->fleet.id);
		if (down)
			cJSON_AddBoolToObject(d, "down", true);
		if (timeline_append(app->tl, "action.refused", h->name, NULL, d, &err) != 0)
			snprintf(words + strlen(words), sizeof(words) - strlen(words),
			    " (NOT recorded in the timeline: %s)", err.msg);
	}
	end_turn(app, down ? FLEETCHAIN_DOWN : FLEETCHAIN_REFUSED, down ? words : why, NULL,
	    words);
}

bool
actions_fleet_next_up(struct app *app, int host)
{
	const struct ssh_status *st;

	if (!its_turn(app, host) || app->pool == NULL)
		return true;
	st = ssh_pool_status(app->pool, host);
	if (st->state == SSH_UP)
		return true;
	actions_fleet_refused(app, host, ssh_state_name(st->state), true);
	return false;
}

bool
actions_fleet_finished(struct app *app, struct action *a)
{
	const struct config_host *h;
	enum fleetchain_turn turn;
	char last[sizeof(app->fleet_last)];

	/* A step's service already at the step's tag needed nothing: the
	 * step's other services still go (api at v1.4.1 does not stop jobs). */
	if (!actions_fleet_owns(app, a))
		return action_state(a) == ACTION_OK || action_at_target(a);
	h = &app->cfg.hosts[action_host(a)];
	switch (action_state(a)) {
	case ACTION_OK: turn = FLEETCHAIN_OK; break;
	case ACTION_FAILED: turn = FLEETCHAIN_FAILED; break;
	case ACTION_UNKNOWN: turn = FLEETCHAIN_UNKNOWN; break;
	default:
		turn = action_at_target(a) ? FLEETCHAIN_SKIPPED : FLEETCHAIN_CANCELLED;
		break;
	}
	/* What stopped it, named by its host unless the reason does. */
	if (strncmp(action_reason(a), h->name, strlen(h->name)) == 0 &&
	    action_reason(a)[strlen(h->name)] == ' ')
		wr_strlcpy(last, action_reason(a), sizeof(last));
	else
		snprintf(last, sizeof(last), "%s: %s", h->name, action_reason(a));
	end_turn(app, turn, NULL, action_plan(a)->to, last);
	return fleetchain_goes_on(turn);
}

void
actions_fleet_stop(struct app *app, enum fleetchain_turn turn, const char *why)
{
	const struct fleetchain_host *cur = fleetchain_current(&app->fleet);
	char last[sizeof(app->fleet_last)];

	if (cur == NULL)
		return;
	snprintf(last, sizeof(last), "%s: %s", cur->name, why);
	end_turn(app, turn, why, NULL, last);
}

void
actions_fleet_tell(struct app *app)
{
	char sum[1024];
	struct wr_err err;
	int rc;
	cJSON *d;

	if (!app->fleet_tell)
		return;
	app->fleet_tell = false;
	fleetchain_summary(&app->fleet, sum, sizeof(sum));
	/* The outcome of the whole, in the place of the last rollback's own
	 * (its words are in it): read before anything else replaces it. */
	app->status_held = true;
	app_say_outcome_of(app, app->fleet_by != NULL ? (const void *)app->fleet_by :
	    (const void *)&app->fleet, "%s%s%s", sum, app->fleet_last[0] ? " | " : "",
	    app->fleet_last);
	app->status_held = true;
	outq_hold(&app->outq, true);
	wr_strlcpy(app->fleet_said, app->said, sizeof(app->fleet_said));
	wr_strlcpy(app->fleet_lead, sum, sizeof(app->fleet_lead));
	/* A chain that never started (B put away before its first host was
	 * confirmed) is said, not journalled: its chain.end had no
	 * chain.start, and no fleet rollback happened. */
	if (app->tl == NULL || !fleetchain_started(&app->fleet))
		return;
	d = fleetchain_record(&app->fleet);
	/* The chain's outcome is kept while the journal cannot be written. */
	if ((rc = timeline_append_keep(app->tl, "chain.end", NULL, NULL, d, &err)) != 0)
		app_say(app, "%s (%s in the timeline: %s)", sum, rc > 0 ? "not stored yet" :
		    "NOT recorded", err.msg);
	app->status_held = true;
}

void
actions_fleet_keep(struct app *app, const struct action *a)
{
	char now[sizeof(app->status)];
	size_t n = strlen(app->fleet_lead);

	/* fleet_lead is "" once a key was pressed since (keys.c); a chain's
	 * summary leads again only after its own rollback's words. */
	if (n == 0 || a == NULL || (app->fleet_by != NULL && a != app->fleet_by) ||
	    strncmp(app->said, app->fleet_lead, n) == 0)
		return;
	/* Its outcome said again: the summary stays as it was said; news (a
	 * re-read's finding) goes after what leads instead. */
	wr_strlcpy(now, app->said, sizeof(now));
	if (app->fleet_by != NULL && action_reread(a) == NULL)
		app_say_outcome_of(app, a, "%s", app->fleet_said);
	else
		app_say_outcome_of(app, a, "%s | %s", app->fleet_lead, now);
	app->status_held = true;
}

/* The dialog of the chain's action: who comes next, and who is left out. */
void
actions_fleet_then(const struct app *app, char *buf, size_t cap)
{
	const struct fleetchain *fc = &app->fleet;
	char names[256];

	buf[0] = '\0';
	fleetchain_then(fc, 60, names, sizeof(names));
	if (names[0] == '\0')
		return;
	snprintf(buf, cap, "— then %s%s%s%s, each confirmed like this one, to %s ", names,
	    app->queue_filter[0] ? " (filter " : "", app->queue_filter,
	    app->queue_filter[0] ? ")" : "", fc->to[0] ? fc->to : "the target chosen here");
}
