/*
 * journal.c — the console's side of the incident timeline: open or resume
 * it at start, show what it holds, follow what other consoles add, store
 * notes, export the post-mortem draft, and end with a shutdown record.
 * Every failure is said in the footer; a degraded or read-only journal
 * also closes the choke point to mutating commands.
 *
 * A read-only console only watches: it opens an existing journal for
 * reading (or waits for one to appear) and writes nothing at all — no
 * resume, runbook, health, verdict or shutdown record, and it settles no
 * outcome. Every record, read at the start, stored by us or followed from
 * another console, reaches the console's state through journal_apply.
 */
#include "warroom/ui.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "warroom/badrel.h"
#include "warroom/connrec.h"
#include "warroom/decide.h"
#include "warroom/healthrec.h"
#include "warroom/loop.h"
#include "warroom/obswriter.h"
#include "warroom/outfile.h"
#include "warroom/poller.h"
#include "warroom/plan.h"
#include "warroom/pollrec.h"
#include "warroom/probe.h"
#include "warroom/rbtarget.h"
#include "warroom/runofshow.h"
#include "warroom/ssh.h"
#include "warroom/statuspage.h"
#include "warroom/statuspage_badge.h"
#include "warroom/timeline.h"
#include "warroom/unsettled.h"

/* How often a watcher with no journal yet looks for one (a directory scan). */
#define WATCH_LOOK_MS 2000
/* A watcher of a resolved incident looks for the name's next one when the
 * directory changes (checked every WATCH_LOOK_MS), and this often anyway:
 * a change within the directory's timestamp granularity may not show. */
#define WATCH_NEXT_FULL_MS 30000

static void
sync_safety(struct app *app)
{
	char cause[sizeof(app->safety.journal_refusal)], when[WR_TS_MAX];
	int64_t since;

	app->safety.no_journal = app->tl == NULL;
	cause[0] = '\0';
	if (app->tl != NULL && (timeline_degraded(app->tl) || timeline_read_only(app->tl))) {
		/* The refusals say why, and since when, as the header cannot. */
		since = timeline_degraded_since(app->tl);
		record_format_ts(since, when);
		when[19] = '\0';
		snprintf(cause, sizeof(cause), since > 0 ? "%s since %s UTC" : "%s",
		    timeline_problem(app->tl), when + 11);
	}
	safety_journal(&app->safety, cause[0] != '\0', cause);
	app->dirty = true;
}

void
journal_safety(struct app *app)
{
	sync_safety(app);
}

int
journal_records(struct app *app, struct record_list *out)
{
	struct wr_err err;

	memset(out, 0, sizeof(*out));
	if (app->tl == NULL)
		return -1;
	return timeline_records(app->tl, out, &err);
}

/* A disarm written as the console closes armed: its reason is this,
 * then the shutdown's ("console closed: quit"). */
#define JOURNAL_CLOSED_REASON "console closed: "

/* A console that writes: journalled, and not only watching. */
static bool
writable(const struct app *app)
{
	return app->tl != NULL && !timeline_watching(app->tl);
}

/* Whether the journal names a console other than self that may still
 * run (a tracked session not ended): alone, nothing of another's need be
 * looked at, on every data change. */
static bool
others_open(const struct app *app, uint64_t self)
{
	size_t i;

	for (i = 0; i < app->arm_sessions.n; i++)
		if (app->arm_sessions.v[i].tracked && app->arm_sessions.v[i].id != self)
			return true;
	return false;
}

/* Whether this console records observations now (obswriter.h): of the
 * writing consoles, the armed one while it runs, else the oldest running.
 * Each judges from its own reads and hysteresis: two recording would
 * write competing histories. */
/* Whether the console of session s, alive per its .live byte, is
 * stopped (SIGSTOP, Ctrl-Z): only a pid on this machine can be asked. */
static bool
session_stopped(const struct app *app, const struct session *s, int alive)
{
	return alive == 1 && s->pid > 0 &&
	    obswriter_same_machine(s->actor, timeline_actor(app->tl)) && app_pid_stopped(s->pid);
}

static bool
obs_writer_pick(struct app *app)
{
	uint64_t self, w;
	struct obswriter_session *v;
	size_t i, n = 0;

	if (!writable(app))
		return false;
	if ((self = timeline_session(app->tl)) == 0 || !others_open(app, self))
		return true;
	v = xcalloc(app->arm_sessions.n + 1, sizeof(*v));
	for (i = 0; i < app->arm_sessions.n; i++) {
		const struct session *s = &app->arm_sessions.v[i];

		if (!s->tracked || s->id == self)
			continue;
		v[n++] = (struct obswriter_session){ .id = s->id, .armed = s->armed,
			.alive = timeline_session_alive(app->tl, s->id) };
		/* Stopped, it keeps its byte but reads nothing (obswriter.h). */
		v[n - 1].stopped = session_stopped(app, s, v[n - 1].alive);
	}
	w = obswriter_pick(v, n, self, app_armed(app));
	free(v);
	return w == self;
}

/* Taking over recording: each verdict this console judged adopts the
 * journal's latest level as its hysteresis state (decide_adopt), so the
 * move itself writes no verdict.change; only a change of the metrics does. */
static void
verdicts_adopt(struct app *app)
{
	enum decide_level said;
	size_t h;

	if (app->poller == NULL || app->verdicts == NULL)
		return;
	for (h = 0; h < app->cfg.nhosts; h++)
		if (decide_level_parse(app->verdicts[h], &said))
			poller_verdict_adopt(app->poller, (int)h, said);
}

/* obs_writer_pick, and on a move of the role here from another console
 * (one recorded while this one watched, or was stopped), the verdicts
 * adopted first. A console recording from its start adopts each host's
 * as its first verdict comes (verdict_first_adopt). */
static bool
obs_writer(struct app *app)
{
	bool w = obs_writer_pick(app);

	if (!w)
		app->obs_watched = writable(app);
	else if (app->obs_watched) {
		app->obs_watched = false;
		verdicts_adopt(app);
	}
	return w;
}

/* A host's first verdict in this console: the journal's last level of
 * it (a resumed incident) becomes its hysteresis state, as on a
 * takeover, so reopening writes no verdict.change the console before
 * would have held back; the reason says "as the journal's last
 * verdict" while it holds. Once per host. */
static void
verdict_first_adopt(struct app *app, int host)
{
	enum decide_level said;

	if (app->verdicts_adopted == NULL)
		app->verdicts_adopted = xcalloc(app->cfg.nhosts + 1,
		    sizeof(*app->verdicts_adopted));
	if (app->verdicts_adopted[host])
		return;
	app->verdicts_adopted[host] = true;
	if (app->verdicts != NULL && decide_level_parse(app->verdicts[host], &said))
		poller_verdict_adopt(app->poller, host, said);
}

/* Per host: another console's action runs there (its intent has no
 * outcome in the journal and its console still runs). Its host may
 * change between any two reads here, as under this console's own
 * action: its health waits for the end (healthrec.h). */
static bool *
others_acting(struct app *app)
{
	bool *on = xcalloc(app->cfg.nhosts + 1, sizeof(*on));
	uint64_t self = timeline_session(app->tl);
	size_t i, h;

	if (!others_open(app, self))
		return on;
	for (i = 0; i < app->nentries; i++) {
		const struct timeline_entry *e = &app->entries[i];

		if (strcmp(e->kind, "action.intent") != 0 || e->session == 0 ||
		    e->session == self || e->op[0] == '\0' || e->orphaned)
			continue;
		for (h = 0; h < app->cfg.nhosts && strcmp(app->cfg.hosts[h].name, e->host) != 0;
		    h++)
			;
		if (h == app->cfg.nhosts || on[h] || app_outcome_record(app, e->op) != NULL ||
		    timeline_session_alive(app->tl, e->session) == 0)
			continue;
		on[h] = true;
	}
	return on;
}

/* The built-in actions step k's own blocks bind (kind, and the host,
 * service and driver a binding names): the post-mortem counts a step
 * whose action r, X or M ran OK on its host as not left to do, ticked or
 * not. */
static void
record_step_acts(cJSON *s, const struct runbook *rb, size_t k)
{
	cJSON *acts = NULL;
	size_t b, j;

	for (b = 0; b < rb->nblocks; b++) {
		const struct runbook_block *bl = &rb->blocks[b];

		if (bl->step != k)
			continue;
		for (j = 0; j < bl->nbinds + bl->ncmds; j++) {
			/* A command's own up -d (--no-deps, -f prod.yml) recreates as
			 * the built-in does, whichever runs it. */
			const struct runbook_action *a = j < bl->nbinds ? &bl->binds[j].action :
			    runbook_command_reads(&bl->cmds[j - bl->nbinds]);
			const char *host = runbook_action_arg(a, "host");
			const char *svc = runbook_action_arg(a, "service");
			const char *drv = runbook_action_arg(a, "driver");
			cJSON *x;

			if (a->kind == RUNBOOK_ACT_NONE || a->kind == RUNBOOK_ACT_K8S_STATUS ||
			    a->kind == RUNBOOK_ACT_SMOKE || a->kind == RUNBOOK_ACT_STATUSPAGE ||
			    a->kind == RUNBOOK_ACT_ANNOUNCE)
				continue;
			if (acts == NULL)
				acts = cJSON_AddArrayToObject(s, "acts");
			x = cJSON_CreateObject();
			cJSON_AddStringToObject(x, "kind", runbook_action_name(a->kind));
			/* A placeholder names no host yet. */
			if (host != NULL && !runbook_is_angle(host) && host[0] != '$')
				cJSON_AddStringToObject(x, "host", host);
			if (svc != NULL && !runbook_is_angle(svc) && svc[0] != '$')
				cJSON_AddStringToObject(x, "service", svc);
			/* A k8s rollback step is not done by a helm rollback. */
			if (drv != NULL && !runbook_is_angle(drv) && drv[0] != '$')
				cJSON_AddStringToObject(x, "driver", drv);
			cJSON_AddItemToArray(acts, x);
		}
	}
}

/* runbook.load: the checklist the post-mortem lists (each step with its
 * section's title), unticked steps as follow-ups. Written at every start, so a runbook added later counts,
 * after the journal is replayed: "done" is a step a record ticked;
 * "preticked" one the file ticks ("- [x]") and no record touched, which
 * the pane shows ticked but this incident did not do. Its steps' and
 * sections' titles say what this console's ids mean, so a later start on
 * an edited runbook places this one's marks by title (rbplace.h); the
 * marks of earlier consoles that could not be placed are listed
 * ("unplaced"), for TIMELINE and the post-mortem; the SHA-256 of the
 * file's bytes ("sha256") says whether a later load read the same file,
 * and each step's code (runbook_work_code) whether a mark on it came from
 * an earlier version of it. */
static void
record_runbooks(struct app *app)
{
	char id[WR_PATH_MAX + 16], sum[65], code[WR_RUNBOOK_CODE_LEN + 1];
	struct wr_err err;
	cJSON *lost;
	int i;
	size_t k;

	for (i = 0; i < app->nrunbooks; i++) {
		struct app_runbook *r = &app->runbooks[i];
		cJSON *d = cJSON_CreateObject(), *steps = cJSON_AddArrayToObject(d, "steps");
		cJSON *sections = cJSON_AddArrayToObject(d, "sections");

		cJSON_AddStringToObject(d, "name", r->key);
		/* The bytes read: the post-mortem tells a reload of the same
		 * file from one after it changed. */
		if (r->watch.read.summed) {
			for (k = 0; k < sizeof(r->watch.read.sum); k++)
				snprintf(sum + 2 * k, 3, "%02x", r->watch.read.sum[k]);
			cJSON_AddStringToObject(d, "sha256", sum);
		}
		for (k = 0; k < r->rb.nsteps; k++) {
			cJSON *s = cJSON_CreateObject();

			app_step_id(r, k, id, sizeof(id));
			cJSON_AddStringToObject(s, "step", id);
			cJSON_AddStringToObject(s, "title", r->rb.steps[k].text);
			/* The post-mortem lists each under it: "Check health" after
			 * each phase is told apart by the phase. */
			if (r->rb.steps[k].section < r->rb.nsections &&
			    r->rb.sections[r->rb.steps[k].section].title[0] != '\0')
				cJSON_AddStringToObject(s, "section",
				    r->rb.sections[r->rb.steps[k].section].title);
			if (r->checked[k] && r->ticked_at[k] > 0)
				cJSON_AddBoolToObject(s, "done", true);
			else if (app_step_infile(r, k))
				cJSON_AddBoolToObject(s, "preticked", true);
			/* What it runs now: the post-mortem tells a mark made
			 * when it held other code (runbook_code) from its own. */
			runbook_work_code(&r->rb, r->rb.steps[k].section, k, code);
			cJSON_AddStringToObject(s, "code", code);
			record_step_acts(s, &r->rb, k);
			cJSON_AddItemToArray(steps, s);
		}
		for (k = 0; k < r->rb.nsections; k++) {
			cJSON *s = cJSON_CreateObject();

			app_section_id(r, k, id, sizeof(id));
			cJSON_AddStringToObject(s, "section", id);
			cJSON_AddStringToObject(s, "title", r->rb.sections[k].title);
			cJSON_AddItemToArray(sections, s);
		}
		if ((lost = rbplace_lost_json(&app->place, (size_t)i)) != NULL)
			cJSON_AddItemToObject(d, "unplaced", lost);
		if (timeline_append(app->tl, "runbook.load", NULL, NULL, d, &err) != 0)
			app_say_also(app, "runbook NOT recorded in the timeline: %s", err.msg);
	}
}

/* runbook.matrix: the decision matrix in force and the ones ignored, at
 * every start: the order of -r decides the verdicts, and the post-mortem
 * must say which thresholds judged them. */
static void
record_matrix(struct app *app)
{
	struct runbook_matrix_src *src = app_matrix_sources(app);
	int i, pick = runbook_matrix_pick(src, (size_t)app->nrunbooks);
	char text[512];
	struct wr_err err;
	cJSON *d, *ign, *x;

	if (pick < 0) {
		free(src);
		return;
	}
	runbook_matrix_describe(src, (size_t)app->nrunbooks, text, sizeof(text));
	d = cJSON_CreateObject();
	x = cJSON_AddObjectToObject(d, "in_force");
	cJSON_AddStringToObject(x, "runbook", src[pick].name);
	cJSON_AddNumberToObject(x, "line", src[pick].m->line);
	ign = cJSON_AddArrayToObject(d, "ignored");
	for (i = pick + 1; i < app->nrunbooks; i++) {
		if (runbook_matrix_pick(&src[i], 1) != 0)
			continue;
		x = cJSON_CreateObject();
		cJSON_AddStringToObject(x, "runbook", src[i].name);
		cJSON_AddNumberToObject(x, "line", src[i].m->line);
		cJSON_AddItemToArray(ign, x);
	}
	cJSON_AddStringToObject(d, "text", text);
	free(src);
	if (timeline_append(app->tl, "runbook.matrix", NULL, NULL, d, &err) != 0)
		app_say_also(app, "decision matrix NOT recorded in the timeline: %s", err.msg);
}

static int
health_of(const cJSON *d, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(d, key);

	if (cJSON_IsString(v) && strcmp(v->valuestring, probe_health_name(PROBE_OK)) == 0)
		return PROBE_OK;
	if (cJSON_IsString(v) && strcmp(v->valuestring, probe_health_name(PROBE_FAIL)) == 0)
		return PROBE_FAIL;
	return PROBE_UNKNOWN;
}

/* What a conn.change said of its host: another console's too, so a loss
 * is recorded once whoever saw it first. */
static void
conn_apply(struct app_conn *c, const struct record *r)
{
	const cJSON *st = cJSON_GetObjectItemCaseSensitive(r->data, "state");
	const cJSON *since = cJSON_GetObjectItemCaseSensitive(r->data, "since");
	int64_t ms;

	c->said = connrec_parse(cJSON_IsString(st) ? st->valuestring : NULL);
	c->said_first = c->said == CONNREC_DOWN &&
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "first"));
	c->said_untrusted = c->said == CONNREC_DOWN &&
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "untrusted"));
	/* UP, or a loss of a host that had been reached: it was reached. */
	if (c->said == CONNREC_UP || (c->said == CONNREC_DOWN &&
	    !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "first"))))
		c->reached = true;
	c->said_since_ms = cJSON_IsString(since) && record_parse_ts(since->valuestring,
	    &ms) == 0 ? ms : r->ts_ms;
}

/* What a poll.change said of its host's data: another console's too. */
static void
poll_apply(struct app_conn *c, const struct record *r)
{
	const cJSON *st = cJSON_GetObjectItemCaseSensitive(r->data, "state");
	const cJSON *since = cJSON_GetObjectItemCaseSensitive(r->data, "since");
	int64_t ms;

	c->poll_lost = cJSON_IsString(st) && strcmp(st->valuestring, "lost") == 0;
	c->poll_since_ms = cJSON_IsString(since) && record_parse_ts(since->valuestring,
	    &ms) == 0 ? ms : r->ts_ms;
}

/* A health.change's deploy time of tag folded into d: the earliest said
 * while the tag stays, as the poller keeps its own readings. */
static void
deploy_apply(struct deploytime *d, const char *tag, const cJSON *data)
{
	const cJSON *ms = cJSON_GetObjectItemCaseSensitive(data, "deployed_ms");
	const cJSON *from = cJSON_GetObjectItemCaseSensitive(data, "deployed_from");
	const cJSON *re = cJSON_GetObjectItemCaseSensitive(data, "recreated_ms");

	deploytime_note(d, tag, cJSON_IsNumber(ms) ? (int64_t)ms->valuedouble : 0,
	    cJSON_IsString(from) ? from->valuestring : "",
	    cJSON_IsNumber(re) ? (int64_t)re->valuedouble : 0);
}

/* What health.change and verdict.change records last said, per row and
 * host: a resumed incident records what changed meanwhile, not every row
 * and verdict again, and a change another console recorded is not
 * recorded twice. */
static void
seen_apply(struct app *app, const struct record *r)
{
	const cJSON *sv = cJSON_GetObjectItemCaseSensitive(r->data, "service");
	const cJSON *tag = cJSON_GetObjectItemCaseSensitive(r->data, "tag");
	const cJSON *verdict = cJSON_GetObjectItemCaseSensitive(r->data, "verdict");
	const cJSON *fp = cJSON_GetObjectItemCaseSensitive(r->data, "fingerprint");
	int row, k;
	size_t h;

	if (app->seen == NULL)
		app->seen = xcalloc((size_t)app_host_rows(app) + 1, sizeof(*app->seen));
	if (app->verdicts == NULL)
		app->verdicts = xcalloc(app->cfg.nhosts + 1, sizeof(*app->verdicts));
	if (app->hostkeys == NULL)
		app->hostkeys = xcalloc(app->cfg.nhosts + 1, sizeof(*app->hostkeys));
	if (app->conns == NULL)
		app->conns = xcalloc(app->cfg.nhosts + 1, sizeof(*app->conns));
	if (r->host == NULL)
		return;
	for (h = 0, row = 0; h < app->cfg.nhosts &&
	    strcmp(app->cfg.hosts[h].name, r->host) != 0; h++)
		row += app->cfg.hosts[h].nservices;
	if (h == app->cfg.nhosts)
		return;
	if (app->verdicts_ms == NULL)
		app->verdicts_ms = xcalloc(app->cfg.nhosts + 1, sizeof(*app->verdicts_ms));
	if (strcmp(r->kind, "verdict.change") == 0 && cJSON_IsString(verdict)) {
		wr_strlcpy(app->verdicts[h], verdict->valuestring, sizeof(app->verdicts[0]));
		app->verdicts_ms[h] = r->ts_ms;
	}
	if ((strcmp(r->kind, "hostkey.changed") == 0 || strcmp(r->kind, "hostkey.revoked") == 0) &&
	    cJSON_IsString(fp)) {
		const cJSON *old = cJSON_GetObjectItemCaseSensitive(r->data, "old_fingerprint");

		wr_strlcpy(app->hostkeys[h].fp, fp->valuestring, sizeof(app->hostkeys[h].fp));
		wr_strlcpy(app->hostkeys[h].old, cJSON_IsString(old) ? old->valuestring : "",
		    sizeof(app->hostkeys[h].old));
		app->hostkeys[h].at_ms = r->ts_ms;
	}
	if (strcmp(r->kind, "conn.change") == 0)
		conn_apply(&app->conns[h], r);
	if (strcmp(r->kind, "poll.change") == 0)
		poll_apply(&app->conns[h], r);
	/* Per service: two services of one host may answer differently. */
	if (strcmp(r->kind, "exports.change") == 0)
		for (k = 0; k < app->cfg.hosts[h].nservices; k++)
			if (!cJSON_IsString(sv) ||
			    strcmp(sv->valuestring, app->cfg.hosts[h].services[k]) == 0) {
				app->seen[row + k].export_have = true;
				app->seen[row + k].export_said = (int)contain_export_parse(
				    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r->data,
				    "export")));
				app->seen[row + k].export_ms = r->ts_ms;
			}
	if (strcmp(r->kind, "health.change") != 0 || !cJSON_IsString(sv))
		return;
	/* A tag is read over SSH: the host was reached then. */
	if (cJSON_IsString(tag))
		app->conns[h].reached = true;
	if ((k = config_service_index(&app->cfg.hosts[h], sv->valuestring)) < 0)
		return;
	/* A record that could not re-read the tag leaves the last one said. */
	if (cJSON_IsString(tag)) {
		wr_strlcpy(app->seen[row + k].tag, tag->valuestring, sizeof(app->seen[0].tag));
		app->seen[row + k].tag_ms = r->ts_ms;
		deploy_apply(&app->seen[row + k].deploy, tag->valuestring, r->data);
	}
	else if (!app->seen[row + k].have)
		app->seen[row + k].tag[0] = '\0';
	app->seen[row + k].have = true;
	app->seen[row + k].healthz = health_of(r->data, "healthz");
	app->seen[row + k].readyz = health_of(r->data, "readyz");
	app->seen[row + k].schema_warn = healthrec_schema(r->data, false);
	app->seen[row + k].at_ms = r->ts_ms;
}

/* One record into the console's state: the TIMELINE entry, ticks and T-0
 * (app_add_record), what was last recorded per row, whether the incident
 * is resolved, the status page's posts and the chat's announcements, the
 * rows' .env marks. */
static void
journal_apply(struct app *app, const struct record *r)
{
	app_add_record(app, r);
	sessions_note(&app->arm_sessions, r);
	seen_apply(app, r);
	contain_fold(&app->contain, r->kind, r->host, r->op, r->data, r->ts_ms);
	/* Which hosts still export matters once a kill switch was asked for. */
	if (app->poller != NULL && contain_ks_anywhere(&app->contain))
		poller_watch_exports(app->poller, true);
	envmarks_apply(app, r);
	if (strcmp(r->kind, "incident.resolve") == 0)
		app->resolved = app->safety.resolved = true;
	else if (strcmp(r->kind, "incident.resume") == 0)
		app->resolved = app->safety.resolved = false;
	statuspage_journal_fold(&app->sp_journal, r->kind, r->data, r->ts_ms);
	statuspage_journal_note(&app->sp_journal, r->kind, r->op, r->session, r->actor);
	chat_journal_fold(&app->chat_journal, r->kind, r->data, r->ts_ms);
}

/* Another console's action on a host ended (or was re-read): what was
 * read here before may be from before the change, so the host is read
 * again now, and its health waits for both reads after (healthrec.h), as
 * after this console's own action. */
static void
other_action_ended(struct app *app, const struct record *r)
{
	size_t h;

	if (app->poller == NULL || r->host == NULL || r->session == 0 ||
	    r->session == timeline_session(app->tl) ||
	    (strcmp(r->kind, "action.end") != 0 && strcmp(r->kind, "action.reconcile") != 0))
		return;
	for (h = 0; h < app->cfg.nhosts; h++)
		if (strcmp(app->cfg.hosts[h].name, r->host) == 0)
			poller_refresh(app->poller, (int)h);
}

/* Every record as it is stored, ours or another console's: besides
 * journal_apply, a late action.end of ours clears the "not stored yet"
 * its outcome said, and a torn tail set aside under us is said at the
 * next tick (after whatever the write that found it says). */
/* The armed console (session was, actor who) disarmed or ended, per r,
 * and nobody is armed now: said once, at the moment of the hand-off,
 * where the header only loses its ARMED badge. */
static void
handoff_say(struct app *app, const struct record *r, uint64_t was, const char *who)
{
	const char *why = NULL, *paren = strstr(who, " (");
	int len = paren != NULL ? (int)(paren - who) : (int)strlen(who);
	bool shut = strcmp(r->kind, "shutdown") == 0;

	if (was == 0 || r->session != was || r->session == timeline_session(app->tl) ||
	    sessions_armed(&app->arm_sessions) != NULL || app_armed(app))
		return;
	if (!shut) {
		const char *mode = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r->data,
		    "mode"));

		if (strcmp(r->kind, "mode.change") != 0 || mode == NULL ||
		    strcmp(mode, "disarmed") != 0)
			return;
		why = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r->data, "reason"));
	} else
		why = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r->data, "reason"));
	if (why != NULL && strncmp(why, JOURNAL_CLOSED_REASON,
	    strlen(JOURNAL_CLOSED_REASON)) == 0)
		why += strlen(JOURNAL_CLOSED_REASON), shut = true;
	if (shut && why != NULL && strcmp(why, "quit") == 0)
		app_say(app, "%.*s quit (disarmed): nobody is armed", len, who);
	else if (shut)
		app_say(app, "%.*s's console ended (%s, disarmed): nobody is armed", len, who,
		    why != NULL ? why : "shut down");
	else
		app_say(app, "%.*s disarmed%s%s: nobody is armed", len, who,
		    why != NULL ? ": " : "", why != NULL ? why : "");
}

static void
on_record(const struct record *r, void *arg)
{
	struct app *app = arg;
	const struct session *armed = sessions_armed(&app->arm_sessions);
	uint64_t was = armed != NULL && armed->tracked ? armed->id : 0;
	char who[128];
	const char *rep;

	snprintf(who, sizeof(who), "%s", armed != NULL && armed->actor != NULL ?
	    armed->actor : "");
	journal_apply(app, r);
	handoff_say(app, r, was, who[0] != '\0' ? who : "the armed console");
	other_action_ended(app, r);
	if (r->op != NULL && strcmp(r->kind, "action.end") == 0 &&
	    cJSON_GetObjectItemCaseSensitive(r->data, "late") != NULL)
		actions_end_stored(app, r->op);
	if (strcmp(r->kind, "journal.repair") == 0 &&
	    (rep = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r->data,
	    "repaired"))) != NULL)
		snprintf(app->journal_news, sizeof(app->journal_news), "journal: another "
		    "console's write cut short? %s", rep);
}

static void conn_before_host(const char *host, void *arg);

/* Everything the journal holds so far, then every record as it comes. */
static void
journal_replay(struct app *app)
{
	uint64_t upto = timeline_last_seq(app->tl);
	struct record_list list;
	size_t i;

	/* Up to where the timeline has read: what another console added since
	 * comes through the observer, once. */
	if (journal_records(app, &list) == 0) {
		for (i = 0; i < list.n && list.v[i].seq <= upto; i++)
			journal_apply(app, &list.v[i]);
		record_list_free(&list);
	}
	timeline_set_observer(app->tl, on_record, app);
	timeline_set_before_host(app->tl, conn_before_host, app);
}

/* Damaged lines the journal skipped at the start: every record around
 * them is shown, but what they held is not, so it is held until a key. */
static void
journal_say_damage(struct app *app)
{
	if (timeline_damage(app->tl)[0] == '\0')
		return;
	app_say_also(app, "journal: %s", timeline_damage(app->tl));
	app->status_held = true;
}

/* Read-only: watch the incident's journal if it has one (0, or 1 when
 * there is none yet: journal_follow looks again); -1 when it cannot be read. */
static int
journal_watch(struct app *app, struct wr_err *err)
{
	struct timeline_open_opts o = {
		.dir = app->cfg.timeline_dir,
		.incident = app->incident,
		.red = &app->red,
		.as = app->cfg.actor,
	};
	int r = timeline_watch(&o, &app->tl, err);

	/* The TIMELINE pane says it while there is no journal to show. */
	if (r == 1)
		wr_strlcpy(app->watch_wait, err->msg, sizeof(app->watch_wait));
	if (r != 0)
		return r;
	journal_replay(app);
	/* At the start, after what was said before (a runbook's errors). */
	journal_say_damage(app);
	app_say_unplaced(app);
	if (timeline_problem(app->tl)[0] != '\0')
		app_say_also(app, "journal: %s", timeline_problem(app->tl));
	else if (timeline_notice(app->tl)[0] != '\0')
		app_say_also(app, "journal: %s", timeline_notice(app->tl));
	else
		app_say_also(app, "watching incident %s: read-only, this console writes nothing",
		    timeline_id(app->tl));
	sync_safety(app);
	return 0;
}

/* A console before this one ended without its shutdown record (killed,
 * crashed): said at the start, beside anything said before, and held
 * until a key, so it is read before anything is done. */
static void
resume_say_unended(struct app *app)
{
	char words[512];
	int64_t last;
	bool armed;
	size_t n = timeline_unended(app->tl, &last, &armed);

	if (n == 0)
		return;
	export_unended_words(n, armed, last, (int64_t)app_now(app) * 1000,
	    timeline_unended_sessions(app->tl), words, sizeof(words));
	/* It leads: a queued status-page post that goes out at the start
	 * is said after it, not instead of it. */
	app_say_lead(app, "resumed incident %s: %s", timeline_id(app->tl), words);
}

/* Actions a console before this one confirmed and never ran (no intent
 * was recorded: it ended during the re-read, or the intent could not be
 * stored): said beside the warning above and led with it until a key, so
 * no one takes them for done. */
static void
resume_say_unrun(struct app *app)
{
	const char *const *words;
	size_t i, n = timeline_confirmed_unrun(app->tl, &words);

	for (i = 0; i < n; i++)
		app_say_lead(app, "%s: never ran, no intent was recorded after its confirmation "
		    "(nothing was sent; run it again if it is still wanted)", words[i]);
	n = timeline_confirmed_unknown(app->tl, &words);
	for (i = 0; i < n; i++)
		app_say_lead(app, "%s", words[i]);
}

void
journal_say_chains(struct app *app)
{
	const char *const *chains;
	size_t i, n, len = 0;

	if (app->tl == NULL || (n = timeline_chains_interrupted(app->tl, &chains)) == 0)
		return;
	for (i = 0; i < n; i++) {
		app_say_also(app, "%s (not continued)", chains[i]);
		len += (size_t)snprintf(app->fleet_lead + len, len < sizeof(app->fleet_lead) ?
		    sizeof(app->fleet_lead) - len : 0, "%s%s (not continued)", i > 0 ? " | " : "",
		    chains[i]);
		if (len >= sizeof(app->fleet_lead))
			break;
	}
	/* Kept until a key: what the resumed actions say goes after it. */
	app->fleet_by = NULL;
	app->status_held = true;
}

int
journal_open(struct app *app, struct wr_err *err)
{
	struct timeline_open_opts o = {
		.dir = app->cfg.timeline_dir,
		.incident = app->incident,
		.red = &app->red,
		.as = app->cfg.actor,
	};

	if (app->incident == NULL) {
		sync_safety(app);        /* no journal: every change is refused */
		return 0;
	}
	if (app->safety.read_only) {
		int r = journal_watch(app, err);

		if (r == 1) {
			app_say_also(app, "watching: %s; it shows here once a console that acts "
			    "opens it", err->msg);
			sync_safety(app);
		}
		return r < 0 ? -1 : 0;
	}
	errno = 0;
	if (timeline_open(&o, &app->tl, err) != 0) {
		int e = errno;  /* why the journal itself would not open (chattr +i: EPERM) */

		/* A directory or journal this console cannot write: say the ways out. */
		if (e == EROFS || e == EACCES || e == EPERM ||
		    (access(app->cfg.timeline_dir, W_OK) != 0 && (errno == EROFS ||
		    errno == EACCES || errno == EPERM))) {
			size_t n = strlen(err->msg);

			snprintf(err->msg + n, sizeof(err->msg) - n, "; to watch this incident, "
			    "start with --read-only, or set timeline_dir in %s to a writable "
			    "directory", app->cfg.file);
		}
		return -1;
	}
	journal_replay(app);
	record_runbooks(app);
	record_matrix(app);
	app_say_unplaced(app);
	resume_say_unended(app);
	resume_say_unrun(app);
	journal_say_chains(app);
	journal_say_damage(app);
	/* Both are "" when there is nothing to say: saying "" would wipe what
	 * the start said before (a runbook's errors). */
	if (timeline_notice(app->tl)[0] != '\0')
		app_say_also(app, "journal: %s", timeline_notice(app->tl));
	else if (timeline_problem(app->tl)[0] != '\0')
		app_say_also(app, "journal: %s", timeline_problem(app->tl));
	sync_safety(app);
	return 0;
}

/* Everything the old journal told the console, gone before a watcher
 * shows the name's next incident: its timeline, ticks and marks, what
 * its rows last recorded, its posts and announcements, who was armed. */
static void
forget_journal(struct app *app)
{
	int i, rows = app_host_rows(app);
	size_t k;

	app_free_entries(app);
	app->outcomes_at = app->unknown_seen = app->none_yet_seen = 0;
	app->incident_start_ms = 0;
	app->tl_scroll = 0;
	app->tl_detail = false;
	app->resolved = app->safety.resolved = false;
	app->page_title[0] = '\0';
	if (app->seen != NULL)
		memset(app->seen, 0, ((size_t)rows + 1) * sizeof(*app->seen));
	if (app->latedone != NULL)
		memset(app->latedone, 0, ((size_t)rows + 1) * sizeof(*app->latedone));
	if (app->latekill != NULL)
		memset(app->latekill, 0, ((size_t)rows + 1) * sizeof(*app->latekill));
	if (app->verdicts != NULL)
		memset(app->verdicts, 0, (app->cfg.nhosts + 1) * sizeof(*app->verdicts));
	if (app->verdicts_adopted != NULL)
		memset(app->verdicts_adopted, 0, (app->cfg.nhosts + 1) *
		    sizeof(*app->verdicts_adopted));
	if (app->hostkeys != NULL)
		memset(app->hostkeys, 0, (app->cfg.nhosts + 1) * sizeof(*app->hostkeys));
	/* What another incident said; what our sessions saw still holds. */
	for (i = 0; app->conns != NULL && (size_t)i < app->cfg.nhosts; i++) {
		app->conns[i].said = CONNREC_UNKNOWN;
		app->conns[i].said_since_ms = 0;
	}
	envmarks_free(app);
	memset(&app->sp_journal, 0, sizeof(app->sp_journal));
	memset(&app->chat_journal, 0, sizeof(app->chat_journal));
	for (i = 0; i < app->nrunbooks; i++) {
		struct app_runbook *r = &app->runbooks[i];

		r->tzero_s = 0;
		for (k = 0; k < r->rb.nsteps; k++) {
			r->checked[k] = r->rb.steps[k].checked;
			r->ticked_at[k] = 0;
		}
	}
}

/* Whether the journal directory changed since the last look (or the
 * regular look is due). */
static bool
watch_dir_changed(struct app *app)
{
	struct stat st;
	bool changed;

	if (stat(app->cfg.timeline_dir, &st) != 0)
		return false;
	changed = st.st_mtim.tv_sec != app->watch_dir_mtime.tv_sec ||
	    st.st_mtim.tv_nsec != app->watch_dir_mtime.tv_nsec ||
	    loop_now_ms() >= app->watch_full_ms;
	app->watch_dir_mtime = st.st_mtim;
	return changed;
}

/* A watcher of a resolved incident, started by its name: the next
 * incident of that name (a console that acts opened a new journal) is
 * the one to watch, as a fresh watcher would. Said in the footer until a
 * key; the TIMELINE pane then shows the new journal's records. A watcher
 * started with an incident's id stays on it. */
static void
watch_next(struct app *app)
{
	struct timeline_open_opts o = {
		.dir = app->cfg.timeline_dir,
		.incident = app->incident,
		.red = &app->red,
		.as = app->cfg.actor,
	};
	char old[WR_INCIDENT_ID_MAX + 16], when[WR_TS_MAX];
	struct timeline *next;
	struct wr_err err;

	if (!app->resolved || strcmp(app->incident, timeline_id(app->tl)) == 0 ||
	    loop_now_ms() < app->journal_retry_ms)
		return;
	app->journal_retry_ms = loop_now_ms() + WATCH_LOOK_MS;
	if (!watch_dir_changed(app))
		return;
	app->watch_full_ms = loop_now_ms() + WATCH_NEXT_FULL_MS;
	if (timeline_watch(&o, &next, &err) != 0)
		return;                  /* none yet (1), or unreadable: look again */
	if (strcmp(timeline_id(next), timeline_id(app->tl)) == 0) {
		timeline_close(next);
		return;
	}
	wr_strlcpy(old, timeline_id(app->tl), sizeof(old));
	timeline_set_observer(app->tl, NULL, NULL);
	timeline_set_before_host(app->tl, NULL, NULL);
	timeline_close(app->tl);
	forget_journal(app);
	app->tl = next;
	journal_replay(app);
	record_format_ts(app->incident_start_ms, when);
	app_say(app, "a new incident %s opened at %.5s UTC: now watching it (%s was resolved)",
	    timeline_id(app->tl), when + 11, old);
	app->status_held = true;
	sync_safety(app);
}

void
journal_follow(struct app *app)
{
	struct wr_err err;

	if (app->incident == NULL)
		return;
	if (app->journal_news[0] != '\0') {
		app_say_also(app, "%s", app->journal_news);
		app->status_held = true;
		app->journal_news[0] = '\0';
	}
	if (app->tl == NULL) {
		/* A watcher started before the incident: look for its journal. */
		if (!app->safety.read_only || loop_now_ms() < app->journal_retry_ms)
			return;
		app->journal_retry_ms = loop_now_ms() + WATCH_LOOK_MS;
		if (journal_watch(app, &err) < 0)
			app_say(app, "journal: %s", err.msg);
		return;
	}
	if (timeline_follow(app->tl, &err) < 0) {
		app_say(app, "journal: %s", err.msg);
		sync_safety(app);
	}
	if (timeline_watching(app->tl))
		watch_next(app);
}

void
journal_note(struct app *app, const char *text)
{
	struct wr_err err;

	if (text[0] == '\0') {
		app_say(app, "empty note not stored");
		return;
	}
	if (timeline_note(app->tl, text, &err) != 0)
		app_say(app, "note NOT stored: %s", err.msg);
	else
		app_say(app, "note stored");
	sync_safety(app);
}

void
journal_tzero(struct app *app, const char *text)
{
	struct app_runbook *r = &app->runbooks[app->rb_cur];
	struct wr_err err;
	int64_t at;
	char when[64];
	cJSON *d;

	if (runofshow_parse_tzero(text, (int64_t)app_now(app), &at, &err) != 0) {
		app_say(app, "T-0 unchanged: %s", err.msg);
		return;
	}
	runofshow_when(at, 0, (int64_t)app_now(app), when, sizeof(when));
	when[5] = '\0';     /* "HH:MM" */
	if (app->tl == NULL) {
		r->tzero_s = at;
		app_say(app, "T-0 %s UTC (not recorded: no incident journal)", when);
		return;
	}
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "name", r->key);
	cJSON_AddNumberToObject(d, "tzero", (double)at);
	/* The journal's observer applies it, as on resume. */
	if (timeline_append(app->tl, "runbook.tzero", NULL, NULL, d, &err) != 0)
		app_say(app, "T-0 NOT set: %s", err.msg);
	else
		app_say(app, "T-0 %s UTC", when);
	sync_safety(app);
}

/* e replaces its own earlier export; outfile.c writes it 0600 (the JSON
 * holds every record, like the journal) and renames it in once whole. */
static int
write_export(struct app *app, enum export_format f, const char *path, struct wr_err *err)
{
	struct outfile of;

	if (outfile_open(&of, path, true, err) == NULL)
		return -1;
	if (timeline_export_own(app->tl, f, of.f, err) != 0) {
		outfile_abort(&of);
		return -1;
	}
	return outfile_commit(&of, err);
}

/* Both files of the post-mortem into dir, named in md and json. */
static int
export_into(struct app *app, const char *dir, char *md, char *json, size_t cap,
    struct wr_err *err)
{
	snprintf(md, cap, "%s/%s.postmortem.md", dir, timeline_id(app->tl));
	snprintf(json, cap, "%s/%s.postmortem.json", dir, timeline_id(app->tl));
	if (write_export(app, EXPORT_MD, md, err) != 0 ||
	    write_export(app, EXPORT_JSON, json, err) != 0)
		return -1;
	return 0;
}

void
journal_export(struct app *app)
{
	char md[WR_PATH_MAX + 128], json[WR_PATH_MAX + 128], now_at[WR_PATH_MAX];
	struct wr_err err, first;
	cJSON *d;

	/* A journal moved away took its directory along, perhaps: the draft
	 * goes beside the journal where it is now, as the footer says. */
	if (export_into(app, app->cfg.timeline_dir, md, json, sizeof(md), &err) != 0) {
		first = err;
		if (!timeline_gone(app->tl)) {
			app_say(app, "export FAILED: %s", err.msg);
			return;
		}
		if (!timeline_now_at(app->tl, now_at, sizeof(now_at)) ||
		    export_into(app, now_at, md, json, sizeof(md), &err) != 0) {
			app_say(app, "export FAILED: %s (the journal file was removed or moved and "
			    "its directory cannot take the draft either; this console still holds "
			    "the journal: put %s back, or mkdir -p it, and press e again)",
			    first.msg, app->cfg.timeline_dir);
			return;
		}
	}
	wr_strlcpy(app->exported, md, sizeof(app->exported));
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "markdown", md);
	cJSON_AddStringToObject(d, "json", json);
	if (timeline_append(app->tl, "export", NULL, NULL, d, &err) != 0)
		app_say(app, "exported to %s, but the export was NOT recorded: %s", md, err.msg);
	else
		app_say(app, "exported %s (and .json)", md);
	sync_safety(app);
}

static int health_write_held(struct app *app, size_t h, int k, int row, int n,
    enum healthrec_do how, const char *tag_error, int *written, struct wr_err *err);

/* The console ends with health changes held for a tag read that will not
 * come: each is written saying the tag was not re-read, never dropped. */
static void
health_held_close(struct app *app)
{
	struct wr_err err;
	int row = 0, k, n = 0;
	size_t h;

	if (app->health_held == NULL || app->seen == NULL || app->obs_health == NULL)
		return;
	for (h = 0; h < app->cfg.nhosts; h++)
		for (k = 0; k < app->cfg.hosts[h].nservices; k++, row++)
			if (app->health_held[row].n > 0 && health_write_held(app, h, k, row,
			    app->health_held[row].n, HEALTHREC_WRITE_UNREAD,
			    "the console ended first", &n, &err) < 0) {
				fprintf(stderr, "warroom: a health change of %s/%s could not be "
				    "recorded: %s\n", app->cfg.hosts[h].name,
				    app->cfg.hosts[h].services[k], err.msg);
				return;
			}
}

/* The records kept while degraded die with the console: each named
 * (kind, host, time), so the engineer can copy them into the post-mortem
 * by hand; a count alone left nothing to copy. Returns false. */
static bool
lost_say(struct app *app)
{
	size_t n = timeline_kept(app->tl), dropped;
	struct quitask_lost *v = xmalloc(n * sizeof(*v));
	char words[2048];

	n = timeline_kept_list(app->tl, v, n, &dropped);
	quitask_lost_words(v, n, dropped, 8, words, sizeof(words));
	free(v);
	fprintf(stderr, "warroom: %s (the incident timeline cannot be written: %s)\n", words,
	    timeline_problem(app->tl));
	return false;
}

bool
journal_close(struct app *app, const char *reason)
{
	struct wr_err err;
	bool whole = true;

	if (app->tl == NULL)
		return true;
	/* Space may be back: one last try writes what was kept meanwhile
	 * (the hosts and actions are gone by now: nobody observes it). */
	timeline_set_observer(app->tl, NULL, NULL);
	timeline_set_before_host(app->tl, NULL, NULL);
	if (writable(app) && timeline_degraded(app->tl))
		timeline_recover(app->tl, &err);
	if (writable(app) && timeline_kept(app->tl) > 0)
		whole = lost_say(app);
	/* A watcher going away is not the incident's shutdown. */
	if (writable(app) && !timeline_read_only(app->tl) && !timeline_degraded(app->tl)) {
		/* Armed to the end: the disarm first, so the arming history (the
		 * watchers', the post-mortem's) ends where the console did. */
		if (app_armed(app)) {
			char why[64];

			snprintf(why, sizeof(why), "%s%s", JOURNAL_CLOSED_REASON, reason);
			app->armed_until_ms = 0;
			app_armed(app);
			journal_mode(app, "disarmed", why);
		}
		health_held_close(app);
		if (timeline_shutdown(app->tl, reason, &err) != 0)
			whole = false;
	}
	/* Without its shutdown record the next resume takes a clean quit for
	 * a crash: say so here, where the engineer still looks. */
	if (writable(app) && timeline_degraded(app->tl)) {
		fprintf(stderr, "warroom: this console's end is not in the journal (%s): the "
		    "next console on the incident will say it ended without shutting down\n",
		    timeline_problem(app->tl));
		whole = false;
	}
	timeline_close(app->tl);
	app->tl = NULL;
	/* The footer that said where the draft went is gone with the
	 * screen: the shell the engineer is back at says it. */
	if (app->exported[0] != '\0')
		fprintf(stderr, "warroom: post-mortem draft: %s (and .json)\n", app->exported);
	return whole;
}

/* What a record in the making was decided on: due only while the
 * journal still says what it said then (another console's record, read
 * under the journal's lock, decides again at the next look). */
struct obs_due {
	const struct app *app;
	int row;                         /* HOSTS row, or -1 for a host's verdict */
	size_t host;
	int64_t said_ms;                 /* the journal's record then (its time) */
	bool said_have;
	char verdict[24];
};

static bool
export_still_due(void *arg)
{
	const struct obs_due *d = arg;
	const struct app_seen *js = &d->app->seen[d->row];

	return js->export_have == d->said_have && js->export_ms == d->said_ms;
}

static bool
health_still_due(void *arg)
{
	const struct obs_due *d = arg;
	const struct app_seen *js = &d->app->seen[d->row];

	return js->have == d->said_have && js->at_ms == d->said_ms;
}

static bool
conn_still_due(void *arg)
{
	const struct obs_due *d = arg;
	const struct app_conn *c = &d->app->conns[d->host];

	return (c->said == CONNREC_DOWN) == d->said_have && c->said_since_ms == d->said_ms;
}

static bool
poll_still_due(void *arg)
{
	const struct obs_due *d = arg;
	const struct app_conn *c = &d->app->conns[d->host];

	return c->poll_lost == d->said_have && c->poll_since_ms == d->said_ms;
}

static bool
verdict_still_due(void *arg)
{
	const struct obs_due *d = arg;

	return d->app->verdicts == NULL || strcmp(d->app->verdicts[d->host], d->verdict) == 0;
}

/* A row's health as one value to compare (obsrec.h): the tag, and its
 * probes when it has them. */
static void
health_key(const char *tag, bool probed, int healthz, int readyz, enum probe_schema schema,
    char *buf, size_t cap)
{
	if (probed)
		snprintf(buf, cap, "%.60s|%d|%d|%d", tag, healthz, readyz, (int)schema);
	else
		snprintf(buf, cap, "%.60s", tag);
}

/* Into a health.change record saying s's tag: when it went live, where
 * the driver's history says (the same release re-created since: not when
 * it came), and, for a tag other than the journal's last, whether no
 * action of the journal's made it. A held change's record says them as
 * any other: it may be the tag change itself (after an action's end). */
static void
health_add_tag(struct app *app, size_t h, int k, const struct svc_state *s,
    const struct app_seen *was, cJSON *d)
{
	cJSON_AddStringToObject(d, "tag", s->tag);
	if (s->deployed_ms > 0) {
		cJSON_AddNumberToObject(d, "deployed_ms", (double)s->deployed_ms);
		cJSON_AddStringToObject(d, "deployed_from", s->deployed_from);
		if (s->recreated_ms > s->deployed_ms)
			cJSON_AddNumberToObject(d, "recreated_ms", (double)s->recreated_ms);
	}
	if (was->have && was->tag[0] != '\0' && strcmp(was->tag, s->tag) != 0 &&
	    deployby_outside(&app->deployby, app->cfg.hosts[h].name,
	    app->cfg.hosts[h].services[k], was->at_ms, loop_wall_ms(), s->tag))
		cJSON_AddBoolToObject(d, "outside", true);
}

/* As seen_apply reads a record saying s's tag back on a resume. */
static void
health_said_tag(struct app_seen *was, const struct svc_state *s)
{
	wr_strlcpy(was->tag, s->tag, sizeof(was->tag));
	was->tag_ms = loop_wall_ms();
	deploytime_note(&was->deploy, s->tag, s->deployed_ms, s->deployed_from,
	    s->recreated_ms > s->deployed_ms ? s->recreated_ms : 0);
}

/* Writes the n oldest of row's held health changes (healthrec.h), in
 * order, each at its own round: with the tag read before them (how
 * WRITE) or saying it was not re-read (tag_error: why, or NULL). Each is
 * decided as any health.change (obsrec.h): one another console's record
 * makes stale is let go. -1 the journal failed (err); 1 another
 * console's record came first (the rest wait for the next look); 0 done.
 * *written counts the records stored. */
static int
health_write_held(struct app *app, size_t h, int k, int row, int n, enum healthrec_do how,
    const char *tag_error, int *written, struct wr_err *err)
{
	struct healthrec_queue *q = &app->health_held[row];
	struct app_seen *was = &app->seen[row];
	const struct svc_state *s = poller_state(app->poller, (int)h, k);
	char key[sizeof(app->obs_health[0].value)], said_key[sizeof(key)];
	bool unread = how != HEALTHREC_WRITE || s == NULL;
	int rc;

	for (; n > 0 && q->n > 0; n--) {
		const struct healthrec_held *e = &q->held[0];
		struct obsrec_said said;
		struct obs_due due;
		cJSON *d;

		health_key(unread ? was->tag : q->tag, true, e->healthz, e->readyz,
		    e->schema_warn, key, sizeof(key));
		health_key(was->tag, true, was->healthz, was->readyz, was->schema_warn,
		    said_key, sizeof(said_key));
		said = (struct obsrec_said){ .have = was->have, .value = said_key,
			.ts_ms = was->at_ms };
		/* Said already, or a record newer than its round: nothing to add. */
		if (obsrec_decide(&app->obs_health[row], key, e->sent_ms, &said) != OBSREC_WRITE) {
			healthrec_pop(q, 1);
			continue;
		}
		due = (struct obs_due){ .app = app, .row = row, .host = h,
			.said_ms = was->at_ms, .said_have = was->have };
		d = cJSON_CreateObject();
		cJSON_AddStringToObject(d, "service", app->cfg.hosts[h].services[k]);
		/* Settled WRITE only with the tag in hand (healthrec_settled). */
		if (!unread)
			health_add_tag(app, h, k, s, was, d);
		else {
			cJSON_AddBoolToObject(d, "tag_reread", false);
			if (tag_error != NULL && tag_error[0] != '\0')
				cJSON_AddStringToObject(d, "tag_error", tag_error);
		}
		cJSON_AddStringToObject(d, "healthz", probe_health_name(e->healthz));
		cJSON_AddStringToObject(d, "readyz", probe_health_name(e->readyz));
		healthrec_add_schema(d, e->schema_warn, false);
		healthrec_add_revisions(d, e->schema_warn, e->rev_database, e->rev_expected);
		/* Written after the tag read: the change came at its round. */
		cJSON_AddNumberToObject(d, "observed_ms", (double)e->done_ms);
		if (q->n == 1 && q->dropped > 0)
			cJSON_AddNumberToObject(d, "held_dropped", q->dropped);
		if (was->tag[0] != '\0')
			cJSON_AddStringToObject(d, "was_tag", was->tag);
		cJSON_AddStringToObject(d, "was_healthz",
		    probe_health_name((enum probe_health)was->healthz));
		cJSON_AddStringToObject(d, "was_readyz",
		    probe_health_name((enum probe_health)was->readyz));
		healthrec_add_schema(d, was->schema_warn, true);
		if ((rc = timeline_append_if(app->tl, "health.change", app->cfg.hosts[h].name, d,
		    health_still_due, &due, err)) != 0)
			return rc < 0 ? -1 : 1;
		obsrec_wrote(&app->obs_health[row], key);
		(*written)++;
		if (!unread)
			health_said_tag(was, s);
		was->have = true;
		was->at_ms = loop_wall_ms();
		was->healthz = e->healthz;
		was->readyz = e->readyz;
		was->schema_warn = e->schema_warn;
		healthrec_pop(q, 1);
	}
	return 0;
}

/* health.change for each row whose readings differ from what the journal
 * last said; resync: after a gap, marked so (timeline_append_resync). A
 * row whose record is not stored keeps its last journalled state, so the
 * change is written once the journal can be. Returns how many written. */
static int
health_record(struct app *app, bool resync)
{
	int rows = app_host_rows(app), row = 0, k, n = 0, m, rc;
	struct wr_err err;
	size_t h;
	bool writer, *acting;
	enum healthrec_do how;

	/* While degraded nothing is tried: recovery re-syncs what changed. A
	 * journal read-only for damage takes nothing at all (the header says). */
	if (!writable(app) || app->poller == NULL || timeline_degraded(app->tl) ||
	    timeline_read_only(app->tl))
		return 0;
	if (app->seen == NULL)
		app->seen = xcalloc((size_t)rows + 1, sizeof(*app->seen));
	if (app->obs_health == NULL)
		app->obs_health = xcalloc((size_t)rows + 1, sizeof(*app->obs_health));
	if (app->health_held == NULL)
		app->health_held = xcalloc((size_t)rows + 1, sizeof(*app->health_held));
	writer = obs_writer(app);
	acting = others_acting(app);
	for (h = 0; h < app->cfg.nhosts; h++)
		for (k = 0; k < app->cfg.hosts[h].nservices; k++, row++) {
			const struct svc_state *s = poller_state(app->poller, (int)h, k);
			struct app_seen *was = &app->seen[row];
			char key[sizeof(app->obs_health[0].value)], said_key[sizeof(key)];
			struct obsrec_said said;
			struct obs_due due;
			bool probed = config_probes_service(&app->cfg.hosts[h], k);

			struct healthrec_now now;
			struct healthrec_last last;
			enum healthrec_do what;
			cJSON *d;

			/* A probed service waits for its first whole probe round; one
			 * without an endpoint of its own has a tag only. */
			if (s == NULL || !s->have_driver || (probed && !s->have_probe) ||
			    s->tag[0] == '\0')
				continue;
			/* Its probes go through its connection: while it is not UP
			 * they are not asked (UNKNOWN) and conn.change speaks for
			 * it; what holds once it is back is compared then. */
			if (app->cfg.hosts[h].tunnel && app->pool != NULL &&
			    ssh_pool_status(app->pool, (int)h)->state != SSH_UP)
				continue;
			/* Recording (taken over, or resumed): the journal's deploy
			 * time of the tag still running is the release's, though
			 * this console read only a later one (a rollout restart's
			 * pods), so the screen and the record keep it. */
			if (writer)
				poller_deploy_adopt(app->poller, (int)h, k, &was->deploy);
			now = (struct healthrec_now){ .tag = s->tag, .probed = probed,
				.healthz = (int)s->healthz.health, .readyz = (int)s->readyz.health,
				.schema_warn = s->readyz.schema_warn, .tag_read_ms = s->tag_read_ms, .tag_seen_ms = s->tag_seen_ms,
				.rev_database = s->readyz.rev_database,
				.rev_expected = s->readyz.rev_expected,
				.probe_sent_ms = s->probe_sent_ms, .probe_done_ms = s->probe_done_ms,
				.failed_ms = s->driver_failed_ms, .refresh_ms = s->refresh_ms,
				.changing = actions_running_on(app, (int)h) || acting[h],
				.deploy_pending = s->deployed_pending };
			/* Changes held for a tag read after their rounds go first,
			 * in order, once it came; only the recording console holds. */
			if (!writer)
				healthrec_pop(&app->health_held[row], app->health_held[row].n);
			while (writer && (m = healthrec_settled(&app->health_held[row], &now,
			    &how)) > 0) {
				rc = health_write_held(app, h, k, row, m, how,
				    how != HEALTHREC_WRITE_UNREAD ? NULL :
				    strcmp(s->tag, app->health_held[row].tag) != 0 ?
				    "it changed before the next read" : s->driver_error, &n, &err);
				if (rc < 0) {
					app_say(app, "health change of %s/%s not recorded now: %s; what "
					    "holds is recorded once the journal can be written",
					    app->cfg.hosts[h].name, app->cfg.hosts[h].services[k], err.msg);
					sync_safety(app);
					free(acting);
					return n;
				}
				if (rc > 0)
					break;
			}
			last = (struct healthrec_last){ .have = was->have, .tag = was->tag,
				.healthz = was->healthz, .readyz = was->readyz,
				.schema_warn = was->schema_warn };
			/* The tag and the health arrive apart: while an action runs,
			 * and after its end until both were read again, neither is
			 * written. */
			what = writer ? healthrec_observe(&app->health_held[row], &now, &last) :
			    healthrec_decide(&now, &last);
			health_key(what == HEALTHREC_WRITE_UNREAD ? was->tag : s->tag,
			    probed, (int)s->healthz.health, (int)s->readyz.health,
			    s->readyz.schema_warn, key, sizeof(key));
			if (what == HEALTHREC_SAME)
				obsrec_wrote(&app->obs_health[row], key);
			if (what == HEALTHREC_SAME || what == HEALTHREC_WAIT || !writer)
				continue;
			/* Another console's record counts as ours: a read older
			 * than it, or no change seen here, writes nothing. A
			 * resync writes what holds after a gap, whoever saw it. */
			health_key(was->tag, probed, was->healthz, was->readyz, was->schema_warn,
			    said_key, sizeof(said_key));
			said = (struct obsrec_said){ .have = was->have, .value = said_key,
				.ts_ms = was->at_ms };
			if (!resync && obsrec_decide(&app->obs_health[row], key,
			    probed && s->probe_sent_ms < s->tag_read_ms ? s->probe_sent_ms :
			    s->tag_read_ms, &said) != OBSREC_WRITE)
				continue;
			due = (struct obs_due){ .app = app, .row = row, .host = h,
				.said_ms = was->at_ms, .said_have = was->have };
			d = cJSON_CreateObject();
			cJSON_AddStringToObject(d, "service", app->cfg.hosts[h].services[k]);
			if (what == HEALTHREC_WRITE)
				health_add_tag(app, h, k, s, was, d);
			else {
				/* The tag last read is from before the host changed. */
				cJSON_AddBoolToObject(d, "tag_reread", false);
				if (s->driver_error[0] != '\0')
					cJSON_AddStringToObject(d, "tag_error", s->driver_error);
			}
			if (probed) {
				cJSON_AddStringToObject(d, "healthz", probe_health_name(s->healthz.health));
				cJSON_AddStringToObject(d, "readyz", probe_health_name(s->readyz.health));
				/* Ready, the schema not current (which way, when
				 * /readyz says): said beside it. */
				healthrec_add_schema(d, s->readyz.schema_warn, false);
				healthrec_add_revisions(d, s->readyz.schema_warn,
				    s->readyz.rev_database, s->readyz.rev_expected);
			}
			if (was->have) {
				if (was->tag[0] != '\0')
					cJSON_AddStringToObject(d, "was_tag", was->tag);
				if (probed) {
					cJSON_AddStringToObject(d, "was_healthz",
					    probe_health_name((enum probe_health)was->healthz));
					cJSON_AddStringToObject(d, "was_readyz",
					    probe_health_name((enum probe_health)was->readyz));
					healthrec_add_schema(d, was->schema_warn, true);
				}
			} else
				cJSON_AddBoolToObject(d, "first", true);
			if ((rc = resync ? timeline_append_resync(app->tl, "health.change",
			    app->cfg.hosts[h].name, d, &err) : timeline_append_if(app->tl,
			    "health.change", app->cfg.hosts[h].name, d, health_still_due, &due,
			    &err)) < 0) {
				app_say(app, "health change of %s/%s not recorded now: %s; what holds "
				    "is recorded once the journal can be written", app->cfg.hosts[h].name,
				    app->cfg.hosts[h].services[k], err.msg);
				sync_safety(app);
				free(acting);
				return n;
			}
			/* Another console's record came first: the next look decides. */
			if (rc > 0)
				continue;
			obsrec_wrote(&app->obs_health[row], key);
			n++;
			/* As seen_apply reads the record back on a resume. */
			if (what == HEALTHREC_WRITE)
				health_said_tag(was, s);
			else if (!was->have)
				was->tag[0] = '\0';
			was->have = true;
			was->at_ms = loop_wall_ms();
			was->healthz = (int)s->healthz.health;
			was->readyz = (int)s->readyz.health;
			was->schema_warn = s->readyz.schema_warn;
		}
	free(acting);
	return n;
}

/* exports.change for each probed service whose /export answer (on or
 * off) differs from what the journal last said of it, and once, as
 * "unknown" with since_ms, for one that stopped answering (hung, timed
 * out, an error) where that may hide a leak (a kill switch turning
 * exports off ran somewhere): the post-mortem names it. Not yet asked
 * says nothing. Another console's record counts as ours (obsrec.h): a
 * read older than it, or no change of this console's own, writes
 * nothing. The record, read back through on_record, is the new "last". */
static void
exports_record(struct app *app)
{
	int rows = app_host_rows(app), row = 0, k;
	struct wr_err err;
	size_t h;
	int rc;
	bool writer;

	if (!writable(app) || app->poller == NULL || timeline_degraded(app->tl) ||
	    timeline_read_only(app->tl))
		return;
	if (app->seen == NULL)
		app->seen = xcalloc((size_t)rows + 1, sizeof(*app->seen));
	if (app->obs_exports == NULL)
		app->obs_exports = xcalloc((size_t)rows + 1, sizeof(*app->obs_exports));
	writer = obs_writer(app);
	for (h = 0; h < app->cfg.nhosts; h++)
		for (k = 0; k < app->cfg.hosts[h].nservices; k++, row++) {
			const struct svc_state *s = poller_state(app->poller, (int)h, k);
			const struct app_seen *js = &app->seen[row];
			enum contain_export before = js->export_have ?
			    (enum contain_export)js->export_said : CONTAIN_EXPORT_UNKNOWN;
			bool said_unknown = js->export_have && before == CONTAIN_EXPORT_UNKNOWN;
			struct obsrec_said said = { .have = js->export_have,
				.value = contain_export_name(before), .ts_ms = js->export_ms };
			struct obs_due due = { .app = app, .row = row, .host = h,
				.said_ms = js->export_ms, .said_have = js->export_have };
			cJSON *d;

			if (s == NULL || (s->export_state == before &&
			    (before != CONTAIN_EXPORT_UNKNOWN || said_unknown))) {
				if (s != NULL)
					obsrec_wrote(&app->obs_exports[row],
					    contain_export_name(s->export_state));
				continue;
			}
			if (s->export_state == CONTAIN_EXPORT_UNKNOWN &&
			    (s->export_unanswered_ms == 0 || !config_probes_service(&app->cfg.hosts[h], k) ||
			    !contain_leaks_if_on(&app->contain, app->cfg.hosts[h].name)))
				continue;
			/* Not asked yet on this row: nothing of ours to compare. */
			if ((s->export_state != CONTAIN_EXPORT_UNKNOWN && s->export_sent_ms == 0) ||
			    !writer)
				continue;
			if (obsrec_decide(&app->obs_exports[row], contain_export_name(s->export_state),
			    s->export_state == CONTAIN_EXPORT_UNKNOWN ? s->export_unanswered_ms :
			    s->export_sent_ms, &said) != OBSREC_WRITE)
				continue;
			d = cJSON_CreateObject();
			cJSON_AddStringToObject(d, "service", app->cfg.hosts[h].services[k]);
			cJSON_AddStringToObject(d, "export", contain_export_name(s->export_state));
			if (s->export_state == CONTAIN_EXPORT_UNKNOWN)
				cJSON_AddNumberToObject(d, "since_ms", (double)s->export_unanswered_ms);
			if (before != CONTAIN_EXPORT_UNKNOWN || said_unknown)
				cJSON_AddStringToObject(d, "was", contain_export_name(before));
			else
				cJSON_AddBoolToObject(d, "first", true);
			if ((rc = timeline_append_if(app->tl, "exports.change", app->cfg.hosts[h].name,
			    d, export_still_due, &due, &err)) < 0) {
				app_say(app, "exports of %s not recorded now: %s", app->cfg.hosts[h].name,
				    err.msg);
				sync_safety(app);
				return;
			}
			if (rc == 0)
				obsrec_wrote(&app->obs_exports[row], contain_export_name(s->export_state));
		}
}

/* The recording console's verdicts the journal does not hold: one
 * judged while another console recorded, or whose record failed. Only a
 * verdict the poller reported counts (judged: a start-up NO DATA while a
 * rate waits for its second scrape is none). */
static void
verdicts_due(struct app *app)
{
	size_t h;

	if (app->poller == NULL || app->verdicts == NULL || !obs_writer(app))
		return;
	for (h = 0; h < app->cfg.nhosts; h++) {
		const struct host_metrics *m = poller_metrics(app->poller, (int)h);

		if (m == NULL || !m->judged ||
		    strcmp(app->verdicts[h], decide_level_name(m->verdict.level)) == 0)
			continue;
		journal_verdict(app, (int)h, &m->verdict);
	}
}

/* The journal's (contain's) word, with it locked and caught up: another
 * console may have judged that release first. */
static bool
fresh_still_due(void *arg)
{
	const struct obs_due *d = arg;

	return badrel_fresh_due(&d->app->contain.rel, d->app->cfg.hosts[d->host].name,
	    d->said_ms);
}

/* A verdict that stayed bad while a host's release changed writes no
 * verdict.change, so nothing judged the new release (a bad tag set
 * under ROLLBACK IMMEDIATELY would never count, nor would its exports).
 * Once the verdict, still bad on the metrics alone, is judged on figures
 * all from after that release started (window_from_ms), a verdict.fresh
 * says so, once: badrel judges the release by it. */
static void
verdicts_fresh(struct app *app)
{
	size_t h;

	if (app->poller == NULL || app->verdicts == NULL || !obs_writer(app))
		return;
	for (h = 0; h < app->cfg.nhosts; h++) {
		const struct host_metrics *m = poller_metrics(app->poller, (int)h);
		struct obs_due due = { .app = app, .row = -1, .host = h };
		char reason[WR_DECIDE_REASON_MAX + 128];
		struct wr_err err;
		cJSON *d;

		if (m == NULL || !m->judged || m->verdict.level < DECIDE_CONSIDER ||
		    m->verdict.raw < DECIDE_CONSIDER || m->window_from_ms <= 0 ||
		    strcmp(app->verdicts[h], decide_level_name(m->verdict.level)) != 0 ||
		    !badrel_fresh_due(&app->contain.rel, app->cfg.hosts[h].name,
		    m->window_from_ms))
			continue;
		due.said_ms = m->window_from_ms;
		d = cJSON_CreateObject();
		cJSON_AddStringToObject(d, "verdict", decide_level_name(m->verdict.raw));
		cJSON_AddNumberToObject(d, "from_ms", (double)m->window_from_ms);
		app_verdict_words(app, (int)h, &m->verdict, m->verdict.reason, reason,
		    sizeof(reason));
		cJSON_AddStringToObject(d, "reason", reason);
		if (timeline_append_if(app->tl, "verdict.fresh", app->cfg.hosts[h].name, d,
		    fresh_still_due, &due, &err) < 0) {
			/* Tried again at the next round; the journal's failure is
			 * said by the safety state, not once a round here. */
			sync_safety(app);
			return;
		}
	}
}

void
journal_health(struct app *app)
{
	health_record(app, false);
	exports_record(app);
	verdicts_due(app);
	verdicts_fresh(app);
}

void
journal_observe_takeover(struct app *app)
{
	bool writer = obs_writer(app);

	/* Conn and poll records follow at this tick: they compare with the
	 * journal already. */
	if (writer && !app->obs_writer_was)
		journal_health(app);
	app->obs_writer_was = writer;
}

void
journal_observe_continued(struct app *app)
{
	size_t rows = (size_t)app_host_rows(app);
	int64_t now = loop_wall_ms();

	/* Allocated here if not yet: a row first settled after the stop
	 * must not take a read from before it either. */
	if (app->obs_health == NULL)
		app->obs_health = xcalloc(rows + 1, sizeof(*app->obs_health));
	if (app->obs_exports == NULL)
		app->obs_exports = xcalloc(rows + 1, sizeof(*app->obs_exports));
	if (app->obs_verdicts == NULL)
		app->obs_verdicts = xcalloc(app->cfg.nhosts + 1, sizeof(*app->obs_verdicts));
	obsrec_continued(app->obs_health, rows, now);
	obsrec_continued(app->obs_exports, rows, now);
	obsrec_continued(app->obs_verdicts, app->cfg.nhosts, now);
	/* Another console recorded while this one was stopped: recording
	 * again, this one takes over from the journal as it stands. */
	app->obs_writer_was = false;
	app->obs_watched = writable(app);
}

void
journal_verdict(struct app *app, int host, const struct decide_verdict *v)
{
	const char *level;
	struct obs_due due = { .row = -1 };
	struct wr_err err;
	char reason[WR_DECIDE_REASON_MAX + 128];
	cJSON *d;
	int rc;

	/* Another console records observations: its own verdicts. Taking
	 * over here, or the host's first verdict, may adopt the journal's
	 * level into v (the poller's). */
	if (!obs_writer(app))
		return;
	verdict_first_adopt(app, host);
	level = decide_level_name(v->level);
	if (app->obs_verdicts == NULL)
		app->obs_verdicts = xcalloc(app->cfg.nhosts + 1, sizeof(*app->obs_verdicts));
	/* A resumed incident: no record of the verdict it already holds; nor
	 * of one judged on metrics older than another console's record. A
	 * first OK is recorded: the evidence that the host ran its release
	 * healthy before any fault of its own (badrel). */
	if (app->verdicts != NULL) {
		const struct host_metrics *m = app->poller != NULL ?
		    poller_metrics(app->poller, host) : NULL;
		struct obsrec_said said = { .have = app->verdicts[host][0] != '\0',
			.value = app->verdicts[host], .ts_ms = app->verdicts_ms != NULL ?
			app->verdicts_ms[host] : 0 };

		if (obsrec_decide(&app->obs_verdicts[host], level, m != NULL ? m->at_ms : 0,
		    &said) != OBSREC_WRITE)
			return;
		wr_strlcpy(due.verdict, app->verdicts[host], sizeof(due.verdict));
	}
	due.app = app;
	due.host = (size_t)host;
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "verdict", level);
	/* As METRICS says it: a bad verdict whose window still holds the
	 * old release's errors after a rollback says so in TIMELINE too. */
	app_verdict_words(app, host, v, v->reason, reason, sizeof(reason));
	cJSON_AddStringToObject(d, "reason", reason);
	if ((rc = timeline_append_if(app->tl, "verdict.change", app->cfg.hosts[host].name, d,
	    verdict_still_due, &due, &err)) > 0)
		return;
	obsrec_wrote(&app->obs_verdicts[host], level);
	if (rc != 0) {
		/* app->verdicts keeps the last one stored: recovery re-syncs. It
		 * is tried at every scrape; said once per verdict, or the footer
		 * would lose whatever answered the engineer's last key. */
		if (app->verdicts_unstored == NULL)
			app->verdicts_unstored = xcalloc(app->cfg.nhosts + 1,
			    sizeof(*app->verdicts_unstored));
		if (strcmp(app->verdicts_unstored[host], level) != 0) {
			app_say(app, "verdict change of %s to %s not recorded now: %s; the verdict "
			    "that holds is recorded once the journal can be written",
			    app->cfg.hosts[host].name, level, err.msg);
			wr_strlcpy(app->verdicts_unstored[host], level,
			    sizeof(app->verdicts_unstored[0]));
		}
		sync_safety(app);
	} else if (app->verdicts != NULL)
		wr_strlcpy(app->verdicts[host], level, sizeof(app->verdicts[0]));
}

/* After a gap: every host whose verdict now is not the one last stored
 * (a change, or a first verdict, while the journal could not be
 * written) gets a verdict.change marked as a re-sync. How many. */
static int
verdicts_resync(struct app *app)
{
	struct wr_err err;
	size_t h;
	int n = 0;

	if (app->poller == NULL || app->verdicts == NULL)
		return 0;
	for (h = 0; h < app->cfg.nhosts; h++) {
		const struct host_metrics *m = poller_metrics(app->poller, (int)h);
		char reason[WR_DECIDE_REASON_MAX + 128];
		const char *level;
		cJSON *d;

		/* No verdict yet: nothing was said that could be missing. */
		if (m == NULL || !m->judged)
			continue;
		level = decide_level_name(m->verdict.level);
		if (strcmp(app->verdicts[h], level) == 0)
			continue;
		d = cJSON_CreateObject();
		cJSON_AddStringToObject(d, "verdict", level);
		app_verdict_words(app, (int)h, &m->verdict, m->verdict.reason, reason, sizeof(reason));
		cJSON_AddStringToObject(d, "reason", reason);
		if (app->verdicts[h][0] != '\0')
			cJSON_AddStringToObject(d, "was", app->verdicts[h]);
		if (timeline_append_resync(app->tl, "verdict.change", app->cfg.hosts[h].name, d,
		    &err) != 0)
			break;
		wr_strlcpy(app->verdicts[h], level, sizeof(app->verdicts[0]));
		n++;
	}
	return n;
}

void
journal_hostkey(struct app *app, int host)
{
	const struct ssh_status *st;
	struct wr_err err;
	cJSON *d;

	if (!writable(app) || app->pool == NULL)
		return;
	st = ssh_pool_status(app->pool, host);
	if (st->state != SSH_UNTRUSTED || (!st->key_changed && !st->key_revoked))
		return;
	if (app->hostkeys == NULL)
		app->hostkeys = xcalloc(app->cfg.nhosts + 1, sizeof(*app->hostkeys));
	/* Once per key offered: seen again after C-r, K or a resume, it is
	 * the same change. */
	if (strcmp(app->hostkeys[host].fp, st->fingerprint) == 0)
		return;
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "keytype", st->keytype);
	cJSON_AddStringToObject(d, "fingerprint", st->fingerprint);
	if (st->key_changed) {
		cJSON_AddStringToObject(d, "old_keytype", st->old_keytype);
		cJSON_AddStringToObject(d, "old_fingerprint", st->old_fingerprint);
	}
	cJSON_AddStringToObject(d, "known_hosts", st->known_file);
	if (st->key_revoked)
		cJSON_AddNumberToObject(d, "line", st->known_line);
	cJSON_AddStringToObject(d, "name", st->known_name);
	cJSON_AddStringToObject(d, "endpoint", st->where);
	if (st->hop[0] != '\0')
		cJSON_AddStringToObject(d, "hop", st->hop);
	if (timeline_append(app->tl, st->key_revoked ? "hostkey.revoked" : "hostkey.changed",
	    app->cfg.hosts[host].name, NULL, d, &err) != 0)
		app_say(app, "%s's HOST KEY %s, and it is NOT recorded: %s",
		    app->cfg.hosts[host].name, st->key_revoked ? "IS REVOKED" : "CHANGED", err.msg);
	else {
		/* What the trust dialog says once known_hosts lost the old key. */
		wr_strlcpy(app->hostkeys[host].fp, st->fingerprint, sizeof(app->hostkeys[host].fp));
		wr_strlcpy(app->hostkeys[host].old, st->old_fingerprint,
		    sizeof(app->hostkeys[host].old));
		app->hostkeys[host].at_ms = loop_wall_ms();
	}
}

/* The pool's state as reachability: connecting says nothing yet; a key
 * not trusted is not reached, for another reason than a host down. */
static enum connrec_state
conn_state(const struct ssh_status *st)
{
	if (st->state == SSH_UP)
		return CONNREC_UP;
	if (st->state == SSH_UNTRUSTED)
		return CONNREC_UNTRUSTED;
	if (st->state == SSH_DOWN)
		return CONNREC_DOWN;
	return CONNREC_UNKNOWN;
}

/* Whether a console resumed from from_ms to to_ms: only then can the
 * journal tell more of a DOWN than this console saw, so only then is it
 * read. */
static bool
resumed_within(const struct app *app, int64_t from_ms, int64_t to_ms)
{
	size_t i;

	for (i = 0; i < app->nentries; i++)
		if (app->entries[i].ts_ms > from_ms && app->entries[i].ts_ms <= to_ms &&
		    strcmp(app->entries[i].kind, "incident.resume") == 0)
			return true;
	return false;
}

/* What is known of host h's DOWN from down_ms to up_ms, as the
 * post-mortem counts it (export_conn_span): how much of it nothing was
 * recorded, and how long before it a console found it DOWN on opening. */
static void
conn_span(struct app *app, size_t h, int64_t down_ms, int64_t up_ms, struct connrec_span *sp)
{
	struct record_list list;

	*sp = (struct connrec_span){ .down_s = connrec_down_s(down_ms, up_ms) };
	if (!resumed_within(app, down_ms - EXPORT_FIRST_READ_MS, up_ms) ||
	    journal_records(app, &list) != 0)
		return;
	export_conn_span(list.v, list.n, app->cfg.hosts[h].name, down_ms, up_ms, sp);
	record_list_free(&list);
}

/* Whether host h, read DOWN first at down_ms, was found so by this
 * console just after it resumed from a stretch nobody watched:
 * *not_before gets when that stretch began. */
static bool
conn_found_down(struct app *app, size_t h, int64_t down_ms, int64_t *not_before)
{
	struct record_list list;
	bool found;

	if (!resumed_within(app, down_ms - EXPORT_FIRST_READ_MS, down_ms) ||
	    journal_records(app, &list) != 0)
		return false;
	found = export_conn_found_down(list.v, list.n, app->cfg.hosts[h].name, down_ms,
	    not_before);
	record_list_free(&list);
	return found;
}

/* Host h's conn.change, if one is due at now; held: a return not yet
 * settled is due too (a record about h comes next, and must read after
 * it). 0 done or nothing due; -1 the journal refused it (said). */
static int
conn_step(struct app *app, size_t h, int64_t now, bool writer, bool held)
{
	char ts[WR_TS_MAX], nb[WR_TS_MAX];
	struct connrec_span span;
	struct obs_due due;
	struct wr_err err;
	int rc;
	int64_t not_before, failed;
	const struct ssh_status *st = ssh_pool_status(app->pool, (int)h);
	struct app_conn *c = &app->conns[h];
	enum connrec_do what;
	cJSON *d;

	/* The pool's clock is monotonic; the journal's is the wall's. */
	failed = st->last_failed_ms > 0 ? now - (loop_now_ms() - st->last_failed_ms) : 0;
	connrec_observe(&c->live, conn_state(st), st->error, c->said, failed, now);
	/* While degraded the live state keeps: written once it recovers;
	 * so it does while another console records. */
	if (!writer || timeline_degraded(app->tl))
		return 0;
	what = connrec_decide(&c->live, c->said, c->said_first, now);
	if (what == CONNREC_NOTHING && held && connrec_return_held(&c->live, c->said))
		what = CONNREC_WRITE_UP;
	if (what == CONNREC_NOTHING)
		return 0;
	d = cJSON_CreateObject();
	record_format_ts(c->live.since_ms, ts);
	if (what == CONNREC_WRITE_DOWN) {
		cJSON_AddStringToObject(d, "state", "DOWN");
		cJSON_AddStringToObject(d, "reason", c->live.reason);
		cJSON_AddStringToObject(d, "since", ts);
		if (c->live.untrusted)
			cJSON_AddBoolToObject(d, "untrusted", true);
		if (connrec_first(&c->live, c->said, c->reached))
			cJSON_AddBoolToObject(d, "first", true);
		/* Found DOWN on opening after nobody watched: it went
		 * down unseen, after the last record before. */
		else if (conn_found_down(app, h, c->live.since_ms, &not_before)) {
			record_format_ts(not_before, nb);
			cJSON_AddStringToObject(d, "not_before", nb);
		}
	} else if (c->said_first) {
		/* Never reached before: no return and no DOWN, however
		 * long it waited (for its key to be trusted, or for the
		 * host to answer at all). */
		cJSON_AddStringToObject(d, "state", "UP");
		cJSON_AddStringToObject(d, "since", ts);
		cJSON_AddBoolToObject(d, "first", true);
		if (c->said_untrusted)
			cJSON_AddBoolToObject(d, "untrusted", true);
		cJSON_AddNumberToObject(d, "waited_s",
		    (double)connrec_down_s(c->said_since_ms, c->live.since_ms));
	} else {
		conn_span(app, h, c->said_since_ms, c->live.since_ms, &span);
		cJSON_AddStringToObject(d, "state", "UP");
		cJSON_AddStringToObject(d, "since", ts);
		cJSON_AddNumberToObject(d, "down_s", (double)span.down_s);
		if (c->live.drops > 0)
			cJSON_AddNumberToObject(d, "drops", c->live.drops);
		/* A console resumed inside the DOWN (this one or any
		 * other, once or more): nothing recorded for part of
		 * it, so its length is at most; one found it DOWN on
		 * opening: it may have begun before, so at least. */
		if (span.unwatched_s > 0)
			cJSON_AddNumberToObject(d, "unwatched_s", (double)span.unwatched_s);
		if (span.start_unseen_s > 0)
			cJSON_AddNumberToObject(d, "start_unseen_s",
			    (double)span.start_unseen_s);
		/* Its last failed try in this DOWN: it came back
		 * after that, not when the next try found it. */
		if ((failed = connrec_last_failed(&c->live, c->said_since_ms)) > 0) {
			record_format_ts(failed, nb);
			cJSON_AddStringToObject(d, "last_failed_try", nb);
		}
	}
	/* Read back through journal_apply, the record sets c->said; one
	 * another console wrote first is not written again. */
	due = (struct obs_due){ .app = app, .row = -1, .host = h,
		.said_ms = c->said_since_ms, .said_have = c->said == CONNREC_DOWN };
	if ((rc = timeline_append_if(app->tl, "conn.change", app->cfg.hosts[h].name, d,
	    conn_still_due, &due, &err)) > 0)
		return 0;
	if (rc != 0) {
		app_say(app, "%s %s not recorded now: %s", app->cfg.hosts[h].name,
		    what == CONNREC_WRITE_DOWN ? "going DOWN" : "coming back UP", err.msg);
		sync_safety(app);
		return -1;
	}
	c->live.drops = 0;
	return 0;
}

void
journal_conn(struct app *app)
{
	int64_t now;
	size_t h;
	bool writer;

	if (!writable(app) || app->pool == NULL || timeline_read_only(app->tl))
		return;
	if (app->conns == NULL)
		app->conns = xcalloc(app->cfg.nhosts + 1, sizeof(*app->conns));
	now = loop_wall_ms();
	writer = obs_writer(app);
	for (h = 0; h < app->cfg.nhosts; h++)
		if (conn_step(app, h, now, writer, false) != 0)
			return;
}

/* A record about host is about to be written (timeline_before_host): a
 * return held back by the settle is written first, so nothing read over
 * the new session sits between its DOWN and its UP. */
static void
conn_before_host(const char *host, void *arg)
{
	struct app *app = arg;
	size_t h;

	if (!writable(app) || app->pool == NULL || app->conns == NULL ||
	    timeline_read_only(app->tl))
		return;
	for (h = 0; h < app->cfg.nhosts; h++)
		if (strcmp(app->cfg.hosts[h].name, host) == 0) {
			conn_step(app, h, loop_wall_ms(), obs_writer(app), true);
			return;
		}
}

/* What host h's reads tell since its session came up (up_ms), as
 * pollrec_look judges its rows: the failing read named into what ("compose
 * ps", "kubectl get api", "api /readyz"), its error in *error and when it
 * began. */
static enum pollrec_seen
poll_seen(struct app *app, size_t h, int64_t up_ms, char *what, size_t cap,
    const char **error, int64_t *failed_ms)
{
	const struct config_host *ch = &app->cfg.hosts[h];
	struct pollrec_row rows[WR_SERVICES_MAX];
	enum pollrec_read read;
	enum pollrec_seen seen;
	int k, n = 0, row, svc[WR_SERVICES_MAX];

	for (k = 0; k < ch->nservices && n < WR_SERVICES_MAX; k++) {
		const struct svc_state *s = poller_state(app->poller, (int)h, k);

		if (s == NULL)
			continue;
		svc[n] = k;
		rows[n++] = (struct pollrec_row){ .have_driver = s->have_driver,
			.driver_at_ms = s->driver_at_ms, .driver_error = s->driver_error,
			.driver_failed_ms = s->driver_failed_ms,
			.probed = config_probes_service(ch, k), .have_probe = s->have_probe,
			.probe_sent_ms = s->probe_sent_ms,
			.healthz_answered = s->healthz.http_status != 0,
			.readyz_answered = s->readyz.http_status != 0,
			.healthz_why = s->healthz.reason, .readyz_why = s->readyz.reason };
	}
	seen = pollrec_look(rows, n, up_ms, &row, &read, error, failed_ms);
	if (seen != POLLREC_FAILING)
		return seen;
	k = svc[row];
	if (read != POLLREC_READ_DRIVER)
		snprintf(what, cap, "%s %s", ch->services[k], read == POLLREC_READ_HEALTHZ ?
		    "/healthz" : "/readyz");
	else if (ch->driver == DRIVER_COMPOSE)
		snprintf(what, cap, "compose ps");
	else
		snprintf(what, cap, "%s %s", ch->driver == DRIVER_K8S ? "kubectl get" :
		    "helm history", ch->services[k]);
	return seen;
}

void
journal_poll(struct app *app)
{
	char ts[WR_TS_MAX], what[sizeof(app->conns[0].poll.what)];
	struct obs_due due;
	struct wr_err err;
	int rc;
	int64_t now;
	size_t h;
	int interval;
	bool writer;

	if (!writable(app) || app->pool == NULL || app->poller == NULL ||
	    timeline_read_only(app->tl))
		return;
	if (app->conns == NULL)
		app->conns = xcalloc(app->cfg.nhosts + 1, sizeof(*app->conns));
	now = loop_wall_ms();
	writer = obs_writer(app);
	interval = app->cfg.poll_ms > app->cfg.probe_ms ? app->cfg.poll_ms : app->cfg.probe_ms;
	for (h = 0; h < app->cfg.nhosts; h++) {
		struct app_conn *c = &app->conns[h];
		enum pollrec_seen seen = POLLREC_NOT_UP;
		const char *error = NULL;
		int64_t failed_ms = 0;
		enum pollrec_do todo;
		cJSON *d;

		/* Since when this session is UP: what failed before is not this
		 * session's news. */
		if (ssh_pool_status(app->pool, (int)h)->state != SSH_UP)
			c->poll_up_ms = 0;
		else {
			if (c->poll_up_ms == 0)
				c->poll_up_ms = now;
			seen = poll_seen(app, h, c->poll_up_ms, what, sizeof(what), &error,
			    &failed_ms);
		}
		pollrec_observe(&c->poll, seen, what, error, failed_ms, c->poll_lost, now);
		/* While degraded the live state keeps: written once it recovers;
		 * so it does while another console records. */
		if (!writer || timeline_degraded(app->tl) ||
		    (todo = pollrec_decide(&c->poll, c->poll_lost, interval, now)) ==
		    POLLREC_NOTHING)
			continue;
		d = cJSON_CreateObject();
		if (todo == POLLREC_WRITE_LOST) {
			record_format_ts(c->poll.since_ms, ts);
			cJSON_AddStringToObject(d, "state", "lost");
			cJSON_AddStringToObject(d, "what", c->poll.what);
			cJSON_AddStringToObject(d, "error", c->poll.error);
			cJSON_AddStringToObject(d, "since", ts);
		} else {
			record_format_ts(c->poll.back_ms, ts);
			cJSON_AddStringToObject(d, "state", "back");
			cJSON_AddStringToObject(d, "since", ts);
			cJSON_AddNumberToObject(d, "missing_s", (double)pollrec_missing_s(
			    c->poll_since_ms, c->poll.back_ms));
		}
		cJSON_AddNumberToObject(d, "failures", c->poll.failures);
		/* Read back through journal_apply, the record sets poll_lost; one
		 * another console wrote first is not written again. */
		due = (struct obs_due){ .app = app, .row = -1, .host = h,
			.said_ms = c->poll_since_ms, .said_have = c->poll_lost };
		if ((rc = timeline_append_if(app->tl, "poll.change", app->cfg.hosts[h].name, d,
		    poll_still_due, &due, &err)) > 0)
			continue;
		if (rc != 0) {
			app_say(app, "%s's data %s not recorded now: %s", app->cfg.hosts[h].name,
			    todo == POLLREC_WRITE_LOST ? "stopping" : "coming back", err.msg);
			sync_safety(app);
			return;
		}
	}
}

/* The tag an action.intent on host/svc rolled back from, or NULL. */
static const char *
intent_from(const struct record *r, const char *host, const char *svc)
{
	const cJSON *plan = cJSON_GetObjectItemCaseSensitive(r->data, "plan");
	const cJSON *ps = cJSON_GetObjectItemCaseSensitive(plan, "service");
	const cJSON *from = cJSON_GetObjectItemCaseSensitive(plan, "from");

	if (strcmp(r->kind, "action.intent") != 0 || r->host == NULL ||
	    strcmp(r->host, host) != 0 || !cJSON_IsString(ps) ||
	    strcmp(ps->valuestring, svc) != 0 || !cJSON_IsString(from) ||
	    from->valuestring[0] == '\0')
		return NULL;
	return from->valuestring;
}

/* Add s to out[*n] unless it is there or out is full. */
static void
add_once(char (*out)[128], size_t *n, size_t max, const char *s)
{
	size_t k;

	for (k = 0; k < *n && strcmp(out[k], s) != 0; k++)
		;
	if (k == *n && *n < max)
		wr_strlcpy(out[(*n)++], s, sizeof(out[0]));
}

void
journal_rollback_tags(struct app *app, int host, int svc, char (*seen)[128], size_t maxseen,
    size_t *nseen, struct plan_bad *bad, size_t maxbad, size_t *nbad)
{
	const char *hname = app->cfg.hosts[host].name, *sname = app->cfg.hosts[host].services[svc];
	const struct badrel_why *why[8];
	struct badrel rel = { 0 };
	struct record_list list;
	const char **froms = NULL, *from;
	size_t i, k, nfrom = 0, nwhy;

	*nseen = *nbad = 0;
	if (journal_records(app, &list) != 0)
		return;
	/* What the incident judged bad, on every host and driver: a release
	 * another host rolled back from is as bad here (before, api-1 was
	 * offered v1.5.0-bad first after k8s-bastion left it). */
	for (i = 0; i < list.n; i++)
		badrel_fold(&rel, list.v[i].kind, list.v[i].host, list.v[i].data, list.v[i].ts_ms);
	nwhy = badrel_bad_of(&rel, hname, sname, why, maxbad < 8 ? maxbad : 8);
	for (k = 0; k < nwhy; k++) {
		wr_strlcpy(bad[k].tag, why[k]->tag, sizeof(bad[k].tag));
		badrel_why_words(why[k], bad[k].why, sizeof(bad[k].why));
		badrel_mark_words(why[k], hname, bad[k].mark, sizeof(bad[k].mark));
	}
	*nbad = nwhy;
	badrel_free(&rel);
	/* Every tag a rollback here started from, newest first: one pass, and
	 * the seen tags are checked against all of them, not only those kept. */
	for (i = list.n; i-- > 0;)
		if ((from = intent_from(&list.v[i], hname, sname)) != NULL) {
			for (k = 0; k < nfrom && strcmp(froms[k], from) != 0; k++)
				;
			if (k < nfrom)
				continue;
			froms = xrealloc(froms, (nfrom + 1) * sizeof(*froms));
			froms[nfrom++] = from;
		}
	for (i = list.n; i-- > 0 && *nseen < maxseen;) {
		const struct record *r = &list.v[i];
		const cJSON *sv = cJSON_GetObjectItemCaseSensitive(r->data, "service");
		const cJSON *tag = cJSON_GetObjectItemCaseSensitive(r->data, "tag");

		if (strcmp(r->kind, "health.change") != 0 || r->host == NULL ||
		    strcmp(r->host, hname) != 0 || !cJSON_IsString(sv) ||
		    strcmp(sv->valuestring, sname) != 0 || !cJSON_IsString(tag) ||
		    tag->valuestring[0] == '\0')
			continue;
		for (k = 0; k < nfrom && strcmp(froms[k], tag->valuestring) != 0; k++)
			;
		if (k == nfrom)
			add_once(seen, nseen, maxseen, tag->valuestring);
	}
	free(froms);
	record_list_free(&list);
}

bool
journal_rollback_target(struct app *app, int host, int svc, struct rbtarget *out)
{
	struct rbtarget_event *ev = NULL;
	struct record_list list;
	size_t n;
	bool found;

	memset(out, 0, sizeof(*out));
	if (journal_records(app, &list) != 0)
		return false;
	n = rbtarget_events(list.v, list.n, app->cfg.hosts[host].services[svc], &ev);
	found = rbtarget_find(ev, n, app->cfg.hosts[host].name, out);
	free(ev);
	record_list_free(&list);
	return found;
}

void
journal_retry(struct app *app)
{
	struct wr_err err;
	char more[200] = "";
	size_t kept, len;
	int n;

	if (app->tl == NULL)
		return;
	/* A write the console did not watch (an action's) may have failed. */
	if (app->safety.journal_degraded != (timeline_degraded(app->tl) ||
	    timeline_read_only(app->tl)))
		sync_safety(app);
	if (!timeline_degraded(app->tl) || loop_now_ms() < app->journal_retry_ms)
		return;
	app->journal_retry_ms = loop_now_ms() + 10000;
	/* Recovery proves the file holds what we stored before trusting it
	 * again; until then every change stays refused. It writes what was
	 * kept meanwhile; what changed meanwhile is written here, re-synced. */
	kept = timeline_kept(app->tl);
	if (timeline_recover(app->tl, &err) == 0) {
		n = verdicts_resync(app);
		n += health_record(app, true);
		len = kept == 0 ? 0 : (size_t)snprintf(more, sizeof(more), "; %zu record%s kept "
		    "meanwhile written now, marked late", kept, kept == 1 ? "" : "s");
		if (n > 0 && len < sizeof(more))
			snprintf(more + len, sizeof(more) - len, "; %d verdict or health change%s "
			    "re-synced", n, n == 1 ? "" : "s");
		app_say(app, "journal recovered: changes are allowed again%s", more);
	}
	sync_safety(app);
}

void
journal_resolve_ask(struct app *app)
{
	if (app->tl == NULL) {
		app_say(app, "no incident journal: start warroom with --incident NAME");
		return;
	}
	if (app->resolved) {
		app_say(app, "the incident is already resolved (e exports the post-mortem)");
		return;
	}
	app_ask(app, PROMPT_RESOLVE);
}

void
journal_resolve(struct app *app, const char *typed)
{
	struct wr_err err;
	size_t open = actions_unknown(app);
	const char *on[16], *unk[16];
	int64_t since[16];
	char leak[300], page[220];
	size_t non = app_exports_on(app, on, 16);
	size_t nunk = app_exports_unknown(app, unk, since, 16);
	bool armed;

	if (!lineedit_typed_is(typed, "resolve")) {
		app_say(app, "not resolved: type resolve to resolve it");
		return;
	}
	if (timeline_resolve(app->tl, NULL, &err) != 0) {
		app_say(app, "NOT resolved: %s", err.msg);
		sync_safety(app);
		return;
	}
	app->resolved = true;
	app->safety.resolved = true;
	/* A resolved incident refuses every change: an ARMED header would say
	 * otherwise. Disarmed as A would, journalled, after the resolve
	 * went (a refused resolve leaves the console as it was). */
	if ((armed = app_armed(app))) {
		app->armed_until_ms = 0;
		app_armed(app);
		journal_mode(app, "disarmed", "the incident is resolved");
		app_arm_lock_settle(app);
	}
	/* The public incident still open: what to do, said plainly (a post
	 * needs arming like any change, and the console was just disarmed). */
	if (statuspage_open_words(app->statuspage != NULL ?
	    statuspage_state(app->statuspage)->page_status : NULL, true, page + 2,
	    sizeof(page) - 2))
		memcpy(page, "; ", 2);
	else
		page[0] = '\0';
	/* Resolved over a leak the prompt named: said again, not dropped. */
	if (contain_resolve_words(&app->contain, on, non, unk, since, nunk, leak,
	    sizeof(leak)) > 0)
		app_say(app, "incident resolved%s, but %s%s; e exports the post-mortem (its "
		    "follow-ups name it)", armed ? " and the console disarmed" : "", leak, page);
	else if (open > 0)
		app_say(app, "incident resolved%s, with %zu outcome%s still UNKNOWN (U settles)%s; "
		    "e exports the post-mortem", armed ? " and the console disarmed" : "", open,
		    open == 1 ? "" : "s", page);
	else
		app_say(app, "incident resolved%s%s; e exports the post-mortem",
		    armed ? " and the console disarmed" : "", page);
}

bool
journal_armed_by(const struct app *app, bool *gone, char *buf, size_t cap, char *who,
    size_t wcap)
{
	const struct session *s = sessions_armed(&app->arm_sessions);
	int alive;

	*gone = false;
	if (cap > 0)
		buf[0] = '\0';
	if (wcap > 0)
		who[0] = '\0';
	/* This console's own arming is its ARMED badge, not another's. */
	if (s == NULL || (app->tl != NULL && s->tracked && s->id == timeline_session(app->tl)))
		return false;
	/* The journal says armed until a resume; whether its console still
	 * runs is its byte of .live, read now. */
	alive = app->tl != NULL && s->tracked ? timeline_session_alive(app->tl, s->id) : -1;
	*gone = sessions_armed_words(s, alive, buf, cap);
	if (wcap > 0)
		snprintf(who, wcap, "%s", s->actor != NULL && s->actor[0] != '\0' ? s->actor :
		    "another console");
	/* Stopped (SIGSTOP; Ctrl-Z disarms first): armed, but it reads and
	 * records nothing, and another console records meanwhile. */
	if (!*gone && session_stopped(app, s, alive)) {
		size_t n = strlen(buf);

		snprintf(buf + n, cap - n, ", stopped (pid %ld)", s->pid);
	}
	return true;
}

void
journal_mode(struct app *app, const char *mode, const char *reason)
{
	struct wr_err err;
	cJSON *d;

	if (!writable(app))
		return;
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "mode", mode);
	if (reason != NULL)
		cJSON_AddStringToObject(d, "reason", reason);
	/* A disarm often comes of the journal's own trouble (taken away): kept
	 * and written late, or watchers and the post-mortem go on showing this
	 * console armed. Arming is refused while degraded, so it is never kept. */
	if (strcmp(mode, "disarmed") == 0) {
		if (timeline_append_keep(app->tl, "mode.change", NULL, NULL, d, &err) < 0)
			app_say(app, "%s, but NOT recorded: %s", mode, err.msg);
	} else if (timeline_append(app->tl, "mode.change", NULL, NULL, d, &err) != 0)
		app_say(app, "%s, but NOT recorded: %s", mode, err.msg);
	sync_safety(app);
}

void
journal_adopt_unknown(struct app *app)
{
	const char *const *ops;
	struct unsettled_op *u;
	struct record_list list;
	size_t nops, n, i;

	/* A watcher settles nothing: the console that acted re-reads its
	 * hosts, and the watcher shows the outcome from the journal. */
	if (!writable(app) || (nops = timeline_unknown_ops(app->tl, &ops)) == 0)
		return;
	if (journal_records(app, &list) != 0)
		return;
	u = xcalloc(nops, sizeof(*u));
	n = unsettled_find(list.v, list.n, ops, nops, u);
	/* A damaged line after its last record may have held its end. */
	for (i = 0; i < n; i++)
		u[i].damaged_line = timeline_damaged_after(app->tl, u[i].end != NULL ?
		    u[i].end->seq : u[i].intent->seq);
	actions_adopt(app, u, n);
	free(u);
	record_list_free(&list);
}

void
journal_adopt_gone(struct app *app)
{
	const char **ops = NULL;
	struct unsettled_op *u;
	struct record_list list;
	size_t i, n = 0, found;

	if (!writable(app) || timeline_session(app->tl) == 0)
		return;
	for (i = 0; i < app->nentries; i++) {
		struct timeline_entry *e = &app->entries[i];
		const struct timeline_entry *o;
		int alive;

		if (e->adopt_tried || strcmp(e->kind, "action.intent") != 0 || e->op[0] == '\0' ||
		    e->session == 0 || e->session == timeline_session(app->tl))
			continue;
		o = app_outcome_record(app, e->op);
		/* Settled, or ours already: nothing to take over, ever. */
		if ((o != NULL && strcmp(o->outcome, "unknown") != 0) ||
		    actions_hold_op(app, e->op)) {
			e->adopt_tried = true;
			continue;
		}
		if ((alive = timeline_session_alive(app->tl, e->session)) != 0)
			continue;        /* still running there, or not known */
		e->adopt_tried = true;
		ops = xrealloc(ops, (n + 1) * sizeof(*ops));
		ops[n++] = e->op;
	}
	if (n == 0 || journal_records(app, &list) != 0) {
		free(ops);
		return;
	}
	u = xcalloc(n, sizeof(*u));
	found = unsettled_find(list.v, list.n, ops, n, u);
	for (i = 0; i < found; i++) {
		u[i].damaged_line = timeline_damaged_after(app->tl, u[i].end != NULL ?
		    u[i].end->seq : u[i].intent->seq);
		u[i].taken_over = true;   /* its console ran beside this one */
	}
	actions_adopt(app, u, found);
	free(u);
	free(ops);
	record_list_free(&list);
}

/* A session.gone still due once the journal is locked and read up to
 * its end: no console recorded that session gone or over meanwhile. */
struct gone_due {
	const struct app *app;
	uint64_t session;
};

static bool
gone_still_due(void *arg)
{
	const struct gone_due *g = arg;
	size_t i;

	for (i = 0; i < g->app->arm_sessions.n; i++)
		if (g->app->arm_sessions.v[i].id == g->session)
			return g->app->arm_sessions.v[i].gone_seq == 0;
	return false;
}

void
journal_record_gone(struct app *app)
{
	uint64_t self;
	size_t i, k;

	if (!writable(app) || (self = timeline_session(app->tl)) == 0 ||
	    timeline_degraded(app->tl) || !others_open(app, self))
		return;
	for (i = 0; i < app->arm_sessions.n; i++) {
		const struct session *s = &app->arm_sessions.v[i];
		struct gone_due due = { app, s->id };
		struct wr_err err;
		cJSON *d, *ops = NULL;

		if (!s->tracked || s->id == self || s->gone_seq != 0 ||
		    timeline_session_alive(app->tl, s->id) != 0)
			continue;
		d = cJSON_CreateObject();
		sessions_gone_data(s, d);
		/* What it left without an outcome: UNKNOWN until re-read or settled. */
		for (k = 0; k < app->nentries; k++) {
			const struct timeline_entry *e = &app->entries[k];
			const struct timeline_entry *o;

			if (strcmp(e->kind, "action.intent") != 0 || e->session != s->id ||
			    e->op[0] == '\0')
				continue;
			o = app_outcome_record(app, e->op);
			if (o != NULL && strcmp(o->outcome, "unknown") != 0)
				continue;
			if (ops == NULL)
				ops = cJSON_AddArrayToObject(d, "unknown_ops");
			cJSON_AddItemToArray(ops, cJSON_CreateString(e->op));
		}
		/* Another console may record it first: only one record stands. */
		/* Tried again each tick; said once, not every second. */
		if (timeline_append_if(app->tl, "session.gone", NULL, d, gone_still_due, &due,
		    &err) < 0 && app->gone_unrecorded != s->id) {
			app->gone_unrecorded = s->id;
			app_say(app, "the console of %s is gone, but NOT recorded: %s",
			    s->actor != NULL ? s->actor : "another session", err.msg);
		}
		break;     /* the list moved with the record: the rest next tick */
	}
}
