/*
 * app.c — small accessors over the application context.
 */
#include "warroom/app.h"
#include "warroom/ui.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/armwords.h"
#include "warroom/decide.h"
#include "warroom/export.h"
#include "warroom/hosts_table.h"
#include "warroom/loop.h"
#include "warroom/namelist.h"
#include "warroom/poller.h"
#include "warroom/rbkey.h"
#include "warroom/rbtarget.h"
#include "warroom/rbwatch.h"
#include "warroom/record.h"
#include "warroom/ssh.h"
#include "warroom/sshcfg.h"
#include "warroom/timeline.h"
#include "warroom/unsettled.h"

#define STATUS_SECONDS 6

time_t
app_now(const struct app *app)
{
	return app->fake_clock ? app->fake_now : time(NULL);
}

bool
app_restarts_partial(const struct app *app)
{
	return app->started > 0 && decide_restarts_partial((int64_t)(app_now(app) - app->started),
	    app->cfg.thresholds.restarts_window_s);
}

/* A message longer than the footer's buffer ends in "…" where it was
 * cut (at a whole character), never in a cut word that looks whole. */
static void
mark_cut(char *msg, size_t cap)
{
	static const char more[] = "\xe2\x80\xa6";
	size_t at = cap - sizeof(more);

	while (at > 0 && ((unsigned char)msg[at] & 0xc0) == 0x80)
		at--;
	memcpy(msg + at, more, sizeof(more));
}

/* The footer's width decides whether its message is held until a key. */
static void
set_held(struct app *app)
{
	/* What cannot be read in a glance must not vanish before it is read. */
	app->status_held = app->screen != NULL && ui_width(app->status) > app->screen->cols - 2;
}

/* The footer's text: the outcome on screen with its count of those
 * waiting, and what went beside it — before it when that answered a key. */
static void
compose_status(struct app *app)
{
	char rest[sizeof(app->status)];

	if (!app->aside_leads || app->status_aside[0] == '\0') {
		outq_text(&app->outq, app->status_aside, app->status, sizeof(app->status));
		return;
	}
	outq_text(&app->outq, NULL, rest, sizeof(rest));
	if (snprintf(app->status, sizeof(app->status), "%s | %s", app->status_aside, rest) >=
	    (int)sizeof(app->status))
		mark_cut(app->status, sizeof(app->status));
}

/* The outcome on screen as the footer's message, for its few seconds. */
static void
show_outcome(struct app *app)
{
	compose_status(app);
	app->status_keyed = false;     /* the outcomes' words now; the aside is apart */
	app->status_until = app_now(app) + STATUS_SECONDS;
	app->status_about = NULL;
	set_held(app);
	app->dirty = true;
}

bool
app_outcome_unread(const struct app *app)
{
	return outq_unread(&app->outq, app_now(app)) || app->outq.nwait > 0;
}

void
app_status_tick(struct app *app)
{
	/* A held outcome waits for its key as well as its time (outq bounds
	 * that while others wait). */
	if (outq_tick(&app->outq, app_now(app))) {
		app->status_aside[0] = '\0';
		show_outcome(app);
		outq_hold(&app->outq, app->status_held);
	}
}

static bool
say_outcome(struct app *app, const void *key, const char *fmt, va_list ap)
{
	char msg[sizeof(app->status)];
	bool replaces;

	if (vsnprintf(msg, sizeof(msg), fmt, ap) >= (int)sizeof(msg))
		mark_cut(msg, sizeof(msg));
	wr_strlcpy(app->said, msg, sizeof(app->said));
	app->said_at = SAID_OUTCOME;
	if (strlen(msg) >= OUTQ_TEXT)
		mark_cut(msg, OUTQ_TEXT);
	app_status_tick(app);
	replaces = key != NULL && app->outq.shown_key == key && app_outcome_unread(app);
	if (outq_add(&app->outq, key, msg, app_now(app), STATUS_SECONDS)) {
		/* A new outcome in the first place; the same action's later words
		 * keep what was said beside (a key's answer) with them. */
		if (!replaces)
			app->status_aside[0] = '\0';
		show_outcome(app);
		outq_hold(&app->outq, app->status_held);
		return true;
	}
	/* Shown after the first, which keeps its place (and its hold). */
	show_outcome(app);
	app->status_held = app->status_held || app->outq.held;
	return false;
}

void
app_say_outcome(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say_outcome(app, NULL, fmt, ap);
	va_end(ap);
}

bool
app_say_outcome_of(struct app *app, const void *key, const char *fmt, ...)
{
	va_list ap;
	bool shown;

	va_start(ap, fmt);
	shown = say_outcome(app, key, fmt, ap);
	va_end(ap);
	return shown;
}

static void
say(struct app *app, const void *about, const char *fmt, va_list ap)
{
	char msg[sizeof(app->status)];

	if (vsnprintf(msg, sizeof(msg), fmt, ap) >= (int)sizeof(msg))
		mark_cut(msg, sizeof(msg));
	wr_strlcpy(app->said, msg, sizeof(app->said));
	app_status_tick(app);
	/* Never in the place of an outcome not yet read: beside it; the
	 * answer to the key just pressed before it, where the eye looks. */
	if (app_outcome_unread(app)) {
		wr_strlcpy(app->status_aside, msg, sizeof(app->status_aside));
		if (strlen(msg) >= sizeof(app->status_aside))
			mark_cut(app->status_aside, sizeof(app->status_aside));
		app->aside_leads = app->answering_key;
		app->said_at = SAID_ASIDE;
		compose_status(app);
	} else {
		wr_strlcpy(app->status, msg, sizeof(app->status));
		app->status_keyed = app->answering_key && about == NULL;
		app->said_at = SAID_STATUS;
	}
	app->status_until = app_now(app) + STATUS_SECONDS;
	app->status_about = about;
	set_held(app);
	app->dirty = true;
}

void
app_say(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(app, NULL, fmt, ap);
	va_end(ap);
}

void
app_say_also(struct app *app, const char *fmt, ...)
{
	char msg[sizeof(app->status)];
	size_t n = strlen(app->status);
	va_list ap;

	va_start(ap, fmt);
	/* Joined onto an unread outcome: it goes with the outcomes, so the
	 * next one shown in its place keeps it until a key. */
	if (app_outcome_unread(app)) {
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		outq_join(&app->outq, msg);
		compose_status(app);
		app->status_until = app_now(app) + STATUS_SECONDS;
		app->status_about = NULL;
		app->status_held = true;
		app->dirty = true;
		return;
	}
	if (!app->status_held || app->status[0] == '\0') {
		say(app, NULL, fmt, ap);
		va_end(ap);
		return;
	}
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (snprintf(app->status + n, sizeof(app->status) - n, " | %s", msg) >=
	    (int)(sizeof(app->status) - n))
		mark_cut(app->status, sizeof(app->status));
	app->status_keyed = false;     /* no longer only a key's answer */
	app->status_until = app_now(app) + STATUS_SECONDS;
	app->status_about = NULL;
	app->dirty = true;
}

void
app_say_lead(struct app *app, const char *fmt, ...)
{
	char msg[sizeof(app->status)];
	size_t n = strlen(app->status_lead);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	app_say_also(app, "%s", msg);
	app->status_held = true;
	snprintf(app->status_lead + n, sizeof(app->status_lead) - n, "%s%s", n > 0 ? " | " : "",
	    msg);
	app->dirty = true;
}

void
app_say_about(struct app *app, const void *about, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(app, about, fmt, ap);
	va_end(ap);
}

void
app_unsay(struct app *app, const void *about)
{
	if (about == NULL || app->status_about != about)
		return;
	if (app_outcome_unread(app)) {
		app->status_aside[0] = '\0';
		show_outcome(app);
		return;
	}
	app->status[0] = '\0';
	app->status_about = NULL;
	app->status_held = false;
	app->dirty = true;
}

void
app_unsay_key_answer(struct app *app)
{
	/* Beside an unread outcome: the answer goes, the outcome stays. */
	if (app->aside_leads && app->status_aside[0] != '\0') {
		app->status_aside[0] = '\0';
		app->aside_leads = false;
		compose_status(app);
		app->dirty = true;
	}
	if (!app->status_keyed)
		return;
	app->status[0] = '\0';
	app->status_keyed = false;
	app->status_about = NULL;
	app->dirty = true;
}

void
app_said_is_outcome(struct app *app, const void *key)
{
	char msg[sizeof(app->said)];

	/* Only while it is still where say() put it: never said twice. */
	if (app->said_at == SAID_STATUS && strcmp(app->status, app->said) == 0) {
		app->status[0] = '\0';
		app->status_keyed = false;
		app->status_about = NULL;
	} else if (app->said_at == SAID_ASIDE &&
	    strncmp(app->status_aside, app->said, sizeof(app->status_aside) - 4) == 0) {
		app->status_aside[0] = '\0';
		app->aside_leads = false;
	} else
		return;
	wr_strlcpy(msg, app->said, sizeof(msg));
	app_say_outcome_of(app, key, "%s", msg);
}

void
app_ask(struct app *app, int kind)
{
	lineedit_clear(&app->prompt);
	app->prompt_kind = kind;
	app->prompt_active = true;
}

int
app_host_rows(const struct app *app)
{
	size_t i;
	int n = 0;

	for (i = 0; i < app->cfg.nhosts; i++)
		n += app->cfg.hosts[i].nservices;
	return n;
}

int
app_config_row(const struct app *app, size_t h, int svc)
{
	int row = 0;
	size_t i;

	for (i = 0; i < h; i++)
		row += app->cfg.hosts[i].nservices;
	return row + svc;
}

bool
app_step_infile(const struct app_runbook *r, size_t k)
{
	/* A tick this incident made (replayed or not) has its time. */
	return r->checked[k] && r->ticked_at[k] == 0 && r->rb.steps[k].checked;
}

void
app_step_id(const struct app_runbook *r, size_t step, char *buf, size_t cap)
{
	rbkey_id(r->key, r->rb.steps[step].line, buf, cap);
}

void
app_section_id(const struct app_runbook *r, size_t section, char *buf, size_t cap)
{
	rbkey_id(r->key, r->rb.sections[section].line, buf, cap);
}

/* runbook.tzero: the run-of-show's T-0 of the runbook it names (by its
 * key then: rbplace_book_of, the books in the runbooks' order). */
static void
apply_tzero_record(struct app *app, const struct record *r)
{
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(r->data, "name");
	const cJSON *at = cJSON_GetObjectItemCaseSensitive(r->data, "tzero");
	int i;

	if (!cJSON_IsString(name) || !cJSON_IsNumber(at))
		return;
	if ((i = rbplace_book_of(&app->place, name->valuestring)) >= 0 && i < app->nrunbooks)
		app->runbooks[i].tzero_s = (int64_t)at->valuedouble;
}

/* A tick or untick in the journal (ours, or one read on resume) sets the
 * step it is placed on (id), so the checklist always shows what was
 * recorded, on the step it was recorded for. */
static void
apply_step_record(struct app *app, const struct record *r, const char *id)
{
	bool check = strcmp(r->kind, "step.check") == 0;
	char here[WR_PATH_MAX + 16];
	int i;
	size_t s;

	if (!check && strcmp(r->kind, "step.uncheck") != 0)
		return;
	for (i = 0; i < app->nrunbooks; i++) {
		struct app_runbook *rb = &app->runbooks[i];

		for (s = 0; s < rb->rb.nsteps; s++) {
			app_step_id(rb, s, here, sizeof(here));
			if (strcmp(here, id) == 0) {
				rb->checked[s] = check;
				rb->ticked_at[s] = check ? r->ts_ms : 0;
			}
		}
	}
}

/* A record that marks a runbook step or section, folded where its mark
 * goes now (rbplace.h): on the step it was made on, wherever an edit moved
 * it, or nowhere. */
static void
apply_marks(struct app *app, const struct record *r)
{
	char id[WR_PATH_MAX + 16];
	struct stepran_at at = { .step = id };
	enum rbplace_where w;

	rbplace_note(&app->place, r);
	w = rbplace_record(&app->place, r, id, sizeof(id), &at.section);
	if (w == RBPLACE_NONE) {
		stepran_note(&app->steps_ran, r);
		return;
	}
	if (w == RBPLACE_LOST)
		id[0] = '\0';
	if (w == RBPLACE_HERE)
		apply_step_record(app, r, id);
	stepran_note_at(&app->steps_ran, r, &at);
}

void
app_say_unplaced(struct app *app)
{
	char words[600];
	cJSON *lost;
	int i;

	if (app->place.nlost == app->place_said)
		return;
	app->place_said = app->place.nlost;
	for (i = 0; i < app->nrunbooks; i++) {
		if ((lost = rbplace_lost_json(&app->place, (size_t)i)) == NULL)
			continue;
		rbplace_lost_words(lost, words, sizeof(words));
		cJSON_Delete(lost);
		app_say_also(app, "%s: runbook changed since: %s", app->runbooks[i].key, words);
		app->status_held = true;
	}
}

void
app_watch_runbooks(struct app *app)
{
	struct rbfile_stamp now;
	char said[600];
	int i;

	for (i = 0; i < app->nrunbooks; i++) {
		struct app_runbook *r = &app->runbooks[i];

		if (!r->watch.read.known)
			continue;
		rbwatch_stamp(r->path, &now);
		/* Its bytes only once its stat moved: a touch is read once. */
		if (rbfile_wants_sum(&r->watch, &now))
			rbwatch_sum(r->path, &now);
		switch (rbfile_look(&r->watch, &now)) {
		case RBFILE_QUIET:
			continue;
		case RBFILE_CHANGED:
			rbfile_notice(r->key, &now, said, sizeof(said));
			app_say_also(app, "%s", said);
			break;
		case RBFILE_BACK:
			rbfile_back_words(r->key, said, sizeof(said));
			app_say_also(app, "%s", said);
			break;
		case RBFILE_STILL:
			break;           /* gone after edited: the notice says so */
		}
		app->dirty = true;
	}
}

int
app_add_runbook(struct app *app, const char *path, const char *key, const char *where,
    const char *buf, size_t len, struct wr_err *err)
{
	struct app_runbook *r;
	size_t i;

	app->runbooks = xrealloc(app->runbooks, (size_t)(app->nrunbooks + 1) * sizeof(*r));
	r = &app->runbooks[app->nrunbooks++];
	memset(r, 0, sizeof(*r));
	r->path = xstrdup(path);
	r->key = xstrdup(key);
	runbook_parse(&r->rb, r->key, buf, len);
	rbplace_add_runbook(&app->place, r->key, where, &r->rb);
	r->checked = xcalloc(r->rb.nsteps + 1, sizeof(bool));
	r->ticked_at = xcalloc(r->rb.nsteps + 1, sizeof(int64_t));
	r->collapsed = xcalloc(r->rb.nsections + 1, sizeof(bool));
	r->step_action = xcalloc(r->rb.nsteps + 1, sizeof(*r->step_action));
	r->section_action = xcalloc(r->rb.nsections + 1, sizeof(*r->section_action));
	r->ran = xcalloc(r->rb.nsteps + r->rb.nsections + 1, sizeof(*r->ran));
	for (i = 0; i < r->rb.nsteps; i++) {
		r->checked[i] = r->rb.steps[i].checked;
		r->has_tminus |= r->rb.steps[i].has_tminus;
	}
	(void)err;
	return 0;
}

struct runbook_matrix_src *
app_matrix_sources(const struct app *app)
{
	struct runbook_matrix_src *v = xcalloc((size_t)app->nrunbooks + 1, sizeof(*v));
	int i;

	for (i = 0; i < app->nrunbooks; i++) {
		v[i].name = app->runbooks[i].key;
		v[i].m = &app->runbooks[i].rb.matrix;
	}
	return v;
}

struct app_ran *
app_slot_ran(struct app *app, struct action **slot)
{
	int i;

	for (i = 0; slot != NULL && i < app->nrunbooks; i++) {
		struct app_runbook *r = &app->runbooks[i];

		if (slot >= r->step_action && slot < r->step_action + r->rb.nsteps)
			return &r->ran[slot - r->step_action];
		if (slot >= r->section_action && slot < r->section_action + r->rb.nsections)
			return &r->ran[r->rb.nsteps + (size_t)(slot - r->section_action)];
	}
	return NULL;
}

void
app_free_runbooks(struct app *app)
{
	size_t k;
	int i;

	for (i = 0; i < app->nrunbooks; i++) {
		struct app_runbook *r = &app->runbooks[i];

		/* Its rows' outcomes first: their count is the runbook's. */
		for (k = 0; r->ran != NULL && k < r->rb.nsteps + r->rb.nsections; k++)
			free(r->ran[k].v);
		free(r->ran);
		runbook_free(&r->rb);
		free(r->path);
		free(r->key);
		free(r->checked);
		free(r->ticked_at);
		free(r->collapsed);
		free(r->step_action);
		free(r->section_action);
	}
	rbplace_free(&app->place);
	free(app->runbooks);
	app->runbooks = NULL;
	app->nrunbooks = 0;
	runbook_fill_free(&app->fill);
}

/* incident.resume names the intents it found with no end: the console
 * that started them went away, so their outcome is unknown. */
static void
mark_orphans(struct app *app, const struct record *r)
{
	const cJSON *ops = cJSON_GetObjectItemCaseSensitive(r->data, "unknown_ops"), *op;
	size_t i;

	cJSON_ArrayForEach(op, ops) {
		if (!cJSON_IsString(op))
			continue;
		for (i = app->nentries; i-- > 0;)
			if (strcmp(app->entries[i].kind, "action.intent") == 0 &&
			    strcmp(app->entries[i].op, op->valuestring) == 0) {
				app->entries[i].orphaned = true;
				break;
			}
	}
}

/* An action.end row says which action it ends, as its intent's row names
 * it, after the outcome (what a cut row keeps): "ok — rollback of api
 * (kubectl rollout undo) — …", never only "ok — …"; an action.reconcile
 * row (r) names it so in place of its bare kind. */
static void
end_names_its_action(struct app *app, struct timeline_entry *e, const struct record *r)
{
	const struct timeline_entry *in = NULL;
	size_t i;
	char *t;

	if (e->op[0] == '\0')
		return;
	for (i = app->nentries - 1; i-- > 0;)
		if (strcmp(app->entries[i].kind, "action.intent") == 0 &&
		    strcmp(app->entries[i].op, e->op) == 0) {
			in = &app->entries[i];
			break;
		}
	if (in == NULL || in->what[0] == '\0')
		return;
	t = unsettled_row_words(r, e->text, in->what, in->how);
	free(e->text);
	e->text = t;
}

void
app_add_record(struct app *app, const struct record *r)
{
	struct timeline_entry *e;
	const cJSON *outcome, *by;

	/* A post's first try is told by its outcome's row; no row of its own. */
	if (export_row_hidden(r))
		return;
	if (app->nentries == app->capentries) {
		app->capentries = app->capentries ? app->capentries * 2 : 64;
		app->entries = xrealloc(app->entries, app->capentries * sizeof(*app->entries));
		app->folds = xrealloc(app->folds, app->capentries * sizeof(*app->folds));
	}
	tlrows_keep(&app->folds[app->nentries], r);
	e = &app->entries[app->nentries++];
	e->ts_ms = r->ts_ms;
	wr_strlcpy(e->kind, r->kind, sizeof(e->kind));
	wr_strlcpy(e->host, r->host != NULL ? r->host : "", sizeof(e->host));
	wr_strlcpy(e->op, r->op != NULL ? r->op : "", sizeof(e->op));
	wr_strlcpy(e->actor, r->actor != NULL ? r->actor : "", sizeof(e->actor));
	/* Two people on one incident: each row then says whose it is. */
	if (app->nentries > 1 && strcmp(e->actor, app->entries[0].actor) != 0)
		app->many_actors = true;
	by = cJSON_GetObjectItemCaseSensitive(r->data, "by");
	e->by_hand = cJSON_IsString(by) && strcmp(by->valuestring, "hand") == 0;
	e->joined = export_joined(r);
	e->session = r->session;
	e->what[0] = '\0';
	e->how = "";
	e->adopt_tried = false;
	/* Its words without " on HOST": a dialog names the host first. */
	if (strcmp(r->kind, "action.intent") == 0)
		unsettled_what(r, e->what, sizeof(e->what));
	if (strcmp(r->kind, "action.intent") == 0) {
		const char *k = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetObjectItemCaseSensitive(r->data, "plan"), "action"));

		const char *sv = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetObjectItemCaseSensitive(r->data, "plan"), "service"));

		e->rollback = k != NULL && (strcmp(k, "compose.rollback") == 0 ||
		    strcmp(k, "k8s.undo") == 0 || strcmp(k, "helm.rollback") == 0);
		e->killswitch = contain_is_killswitch(k);
		e->how = unsettled_how(k);
		wr_strlcpy(e->service, sv != NULL ? sv : "", sizeof(e->service));
	} else {
		e->rollback = e->killswitch = false;
		e->service[0] = '\0';
	}
	e->done_ms = latedone_completed_ms(r);
	outcome = cJSON_GetObjectItemCaseSensitive(r->data, "outcome");
	/* chat.failed says an unknown outcome with "unknown": true. */
	wr_strlcpy(e->outcome, cJSON_IsString(outcome) ? outcome->valuestring :
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "unknown")) ? "unknown" : "",
	    sizeof(e->outcome));
	/* A smoke check's own words: its colour in TIMELINE. */
	if (strcmp(r->kind, "smoke") == 0)
		wr_strlcpy(e->outcome, !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data,
		    "ok")) ? "failed" : cJSON_GetObjectItemCaseSensitive(r->data, "warning") ?
		    "warn" : "ok", sizeof(e->outcome));
	e->text = export_details(r, &app->red);
	if (strcmp(r->kind, "action.end") == 0 || strcmp(r->kind, "action.reconcile") == 0)
		end_names_its_action(app, e, r);
	/* Written after the row above though it came before (a change held
	 * for its tag read): when it came, first, where a cut row shows it. */
	if (app->nentries > 1) {
		char early[64];

		export_early_words(r, app->entries[app->nentries - 2].ts_ms, early, sizeof(early));
		if (early[0] != '\0') {
			char *t = xmalloc(strlen(early) + strlen(e->text) + 1);

			strcpy(t, early);
			strcat(t, e->text);
			free(e->text);
			e->text = t;
		}
	}
	e->orphaned = false;
	/* The title customers read, for the chat's echo of later posts. */
	if (strcmp(r->kind, "statuspage.queue") == 0) {
		const cJSON *u = cJSON_GetObjectItemCaseSensitive(r->data, "update");
		const char *act = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(u, "action"));
		const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(u, "name"));

		if (act != NULL && strcmp(act, "create") == 0 && name != NULL)
			wr_strlcpy(app->page_title, name, sizeof(app->page_title));
	}
	if (strcmp(r->kind, "incident.resume") == 0)
		mark_orphans(app, r);
	apply_marks(app, r);
	deployby_note(&app->deployby, r);
	if (strcmp(r->kind, "runbook.tzero") == 0)
		apply_tzero_record(app, r);
	if (strcmp(r->kind, "incident.open") == 0 || app->incident_start_ms == 0)
		app->incident_start_ms = r->ts_ms;
	app->dirty = true;
}

const struct timeline_entry *
app_outcome_record(const struct app *app, const char *op)
{
	const struct timeline_entry *end = NULL;
	size_t i;

	if (op == NULL || op[0] == '\0')
		return NULL;
	/* Newest first: a reconcile comes after its action's end. */
	for (i = app->nentries; i-- > 0;) {
		const struct timeline_entry *e = &app->entries[i];

		if (strcmp(e->op, op) != 0)
			continue;
		if (strcmp(e->kind, "action.intent") == 0)
			break;               /* nothing older belongs to it */
		if (e->outcome[0] == '\0')
			continue;
		if (strcmp(e->kind, "action.reconcile") == 0)
			return e;
		if (strcmp(e->kind, "action.end") == 0 && end == NULL)
			end = e;
	}
	return end;
}

void
app_open_outcomes(struct app *app, size_t *unknown, size_t *none_yet)
{
	const struct timeline_entry *o;
	size_t i;

	/* Counted again only when records came in: the header asks every frame. */
	if (app->outcomes_at != app->nentries) {
		app->unknown_seen = app->none_yet_seen = 0;
		for (i = 0; i < app->nentries; i++) {
			const struct timeline_entry *e = &app->entries[i];

			if (strcmp(e->kind, "action.intent") != 0 || e->op[0] == '\0')
				continue;
			if ((o = app_outcome_record(app, e->op)) != NULL)
				app->unknown_seen += strcmp(o->outcome, "unknown") == 0;
			else if (e->orphaned)
				app->unknown_seen++;
			else
				app->none_yet_seen++;
		}
		app->outcomes_at = app->nentries;
	}
	*unknown = app->unknown_seen;
	*none_yet = app->none_yet_seen;
}

void
app_free_entries(struct app *app)
{
	size_t i;

	for (i = 0; i < app->nentries; i++) {
		free(app->entries[i].text);
		tlrows_kept_free(&app->folds[i]);
	}
	free(app->entries);
	free(app->folds);
	app->entries = NULL;
	app->folds = NULL;
	app->nentries = app->capentries = 0;
	tlrows_free(&app->tl_rows);
	app->tl_rows_at = 0;
	app->many_actors = false;
	stepran_free(&app->steps_ran);
	rbplace_forget(&app->place);
	app->place_said = 0;
	sessions_free(&app->arm_sessions);
	contain_free(&app->contain);
	deployby_free(&app->deployby);
}

int
app_selected_host(const struct app *app)
{
	int svc;

	return app_selected_service(app, &svc);
}

void
app_trust_by_hand(const struct app *app, int host, char *out, size_t cap)
{
	const struct ssh_status *st = app->pool != NULL && host >= 0 ?
	    ssh_pool_status(app->pool, host) : NULL;

	/* A changed or revoked key is never trusted from any console. */
	if (st == NULL || st->state != SSH_UNTRUSTED || st->key_changed || st->key_revoked) {
		wr_strlcpy(out, "read-only mode trusts no host keys", cap);
		return;
	}
	sshcfg_readonly_trust(st->hop_unknown ? st->hop : st->known_name,
	    st->via[0] == '\0' && !st->hop_unknown, app->cfg.known_hosts.path, out, cap);
}

int
app_row_host(const struct app *app, int row, int *svc)
{
	size_t i;

	for (i = 0; row >= 0 && i < app->cfg.nhosts; i++) {
		if (row < app->cfg.hosts[i].nservices) {
			*svc = row;
			return (int)i;
		}
		row -= app->cfg.hosts[i].nservices;
	}
	*svc = -1;
	return -1;
}

bool
app_service_shown(const struct app *app, int h, int svc)
{
	const struct svc_state *s;
	const char *cells[6];
	char where[400];

	if (app->host_filter[0] == '\0')
		return true;
	/* Names, where the host is (as ADDRESS shows it), and what it runs
	 * as TAG and VERSION say: "which hosts run v1.5.0-bad?" is asked
	 * first, and a row rolled off that tag leaves the filter. */
	app_host_where(app, h, where, sizeof(where));
	s = app_state(app, h, svc);
	cells[0] = app->cfg.hosts[h].name;
	cells[1] = app->cfg.hosts[h].services[svc];
	cells[2] = app->cfg.hosts[h].address;
	cells[3] = where;
	cells[4] = s != NULL ? s->tag : NULL;
	cells[5] = s != NULL && s->have_probe ? s->version : NULL;
	return hosts_table_matches(app->host_filter, cells, 6);
}

void
app_host_where(const struct app *app, int h, char *buf, size_t cap)
{
	const struct config_host *c = &app->cfg.hosts[h];
	const struct ssh_status *st = app->pool != NULL ? ssh_pool_status(app->pool, h) : NULL;

	/* Until ssh_config is read, only what the config says: no port 22
	 * made up for an alias ssh_config may send elsewhere. */
	if (st != NULL && st->where[0] != '\0')
		wr_strlcpy(buf, st->where, cap);
	else if (c->port != 0)
		sshcfg_hostport(c->address[0] ? c->address : c->name, c->port, buf, cap);
	else
		wr_strlcpy(buf, c->address[0] ? c->address : c->name, cap);
}

bool
app_row_shown(const struct app *app, int row)
{
	int svc, h;

	if (app->host_filter[0] == '\0')
		return true;
	if ((h = app_row_host(app, row, &svc)) < 0)
		return false;
	return app_service_shown(app, h, svc);
}

int
app_selected_service(const struct app *app, int *svc)
{
	/* A row the HOSTS filter hides is not selected: no action on it. */
	if (!app_row_shown(app, app->host_sel)) {
		*svc = -1;
		return -1;
	}
	return app_row_host(app, app->host_sel, svc);
}

bool
app_arming_expired(struct app *app)
{
	if (app->armed_until_ms == 0 || app_armed(app))
		return false;
	app->armed_until_ms = 0;
	return true;
}

bool
app_arm_lock(struct app *app, bool keep, char *buf, size_t cap)
{
	char holder[400];
	struct wr_err err;
	bool had = armlock_held(&app->arm_lock);
	int r;

	if (app->tl == NULL)
		return true;    /* no journal: arming is refused before this */
	r = armlock_take(&app->arm_lock, timeline_path(app->tl), timeline_actor(app->tl), holder,
	    sizeof(holder), &err);
	if (r == 1) {
		char note[300];
		/* A holder on this machine can be asked whether it is stopped:
		 * stopped, it keeps the lock and its arming however long. */
		bool stopped = app_pid_stopped(armwords_pid(holder));

		armlock_read_note(timeline_path(app->tl), note, sizeof(note));
		armwords_refusal(holder, note, stopped, buf, cap);
		return false;
	}
	if (r < 0) {
		snprintf(buf, cap, "%s", err.msg);
		return false;
	}
	if (!keep && !had)
		armlock_release(&app->arm_lock);
	return true;
}

bool
app_pid_stopped(long pid)
{
	char stat[64], path[48];
	bool stopped = false;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	if (pid > 0 && (f = fopen(path, "re")) != NULL) {
		stopped = fgets(stat, sizeof(stat), f) != NULL && armwords_stopped(stat);
		fclose(f);
	}
	return stopped;
}

void
app_arm_lock_settle(struct app *app)
{
	char words[200];

	if (armlock_held(&app->arm_lock) && !app_armed(app) && actions_running(app) == 0)
		armlock_release(&app->arm_lock);
	/* Disarmed with an action still running: the lock stays, and the
	 * console refused meanwhile is told why (armlock_note). */
	else if (armlock_held(&app->arm_lock))
		armlock_note(&app->arm_lock, !app_armed(app) && actions_running_words(app, words,
		    sizeof(words)) ? words : "");
}

void
app_arm_lock_check(struct app *app)
{
	const char *why = NULL;
	bool closed;

	if (app->tl == NULL || (!app_armed(app) && !armlock_held(&app->arm_lock)))
		return;
	if (timeline_gone(app->tl))
		why = "the journal file was removed or moved";
	else if (app_armed(app) && timeline_size_limit(app->tl))
		why = "the file size limit (ulimit -f) is reached, so this console can store "
		    "nothing more";
	else if (armlock_held(&app->arm_lock) &&
	    !armlock_intact(&app->arm_lock, timeline_path(app->tl)))
		why = "the arm lock file was removed or moved, so it no longer keeps other "
		    "consoles from arming";
	if (why == NULL)
		return;
	/* A confirmation opened armed would act for a console no longer armed. */
	closed = keys_put_away_armed(app);
	app->armed_until_ms = 0;
	app_armed(app);
	armlock_release(&app->arm_lock);
	journal_mode(app, "disarmed", why);
	app_say(app, "disarmed: %s%s", why, closed ? "; the confirmation open then was "
	    "closed, nothing ran" : "");
}

bool
app_armed(struct app *app)
{
	int64_t now = loop_now_ms();

	/* An expired time stays set until app_arming_expired() records it. */
	app->safety.armed = app->armed_until_ms > now;
	return app->safety.armed;
}

int
app_hosts_not_ok(const struct app *app, size_t most, char *buf, size_t cap)
{
	const char **names = xcalloc(app->cfg.nhosts + 1, sizeof(*names));
	char (*words)[WR_NAME_MAX + 32] = xcalloc(app->cfg.nhosts + 1, sizeof(*words));
	size_t i;
	int n = 0;

	/* As METRICS shows them (a screen test's :metrics too). */
	for (i = 0; i < app->cfg.nhosts; i++) {
		const struct host_metrics *m = app_metrics(app, (int)i);

		if (m == NULL || !m->judged || m->verdict.level < DECIDE_CONSIDER)
			continue;
		snprintf(words[n], sizeof(words[n]), "%s %s", app->cfg.hosts[i].name,
		    decide_level_name(m->verdict.level));
		names[n] = words[n];
		n++;
	}
	/* Every one named, or counted: never a list cut short silently. */
	if (cap > 0)
		namelist_join(names, (size_t)n, most, buf, cap);
	free(names);
	free(words);
	return n;
}

enum contain_export
app_host_export(const struct app *app, int h)
{
	const struct contain_host *j = contain_host(&app->contain, app->cfg.hosts[h].name);
	int k;

	bool probed = false;

	for (k = 0; app->poller != NULL && k < app->cfg.hosts[h].nservices; k++) {
		const struct svc_state *s = poller_state(app->poller, h, k);

		probed |= config_probes_service(&app->cfg.hosts[h], k);
		if (s != NULL && s->export_state != CONTAIN_EXPORT_UNKNOWN)
			return contain_export_counted(s->export_state, app_ks_rollout_open(app, h));
	}
	/* Probed here and not answered now (not yet, timed out, an error):
	 * unknown, whatever an earlier reading in the journal said. */
	if (probed)
		return CONTAIN_EXPORT_UNKNOWN;
	return j != NULL ? j->exports : CONTAIN_EXPORT_UNKNOWN;
}

bool
app_leaks_if_on(const struct app *app, int h)
{
	const struct config_host *host = &app->cfg.hosts[h];
	const struct host_metrics *m = app_metrics(app, h);
	struct badrel_reading r[WR_SERVICES_MAX];
	size_t n = 0;
	int k;

	for (k = 0; k < host->nservices && k < WR_SERVICES_MAX; k++) {
		const struct svc_state *s = app_state(app, h, k);
		int64_t started;

		if (s == NULL || !s->have_driver || s->tag[0] == '\0')
			continue;
		started = s->deployed_ms > 0 ? s->deployed_ms : s->tag_seen_ms;
		/* This console's verdict judges the release it read only on
		 * figures all from after that release started. */
		r[n++] = (struct badrel_reading){ host->services[k], s->tag,
			s->tag_read_ms > 0 ? s->tag_read_ms : s->driver_at_ms,
			m != NULL && m->judged && m->verdict.level >= DECIDE_CONSIDER &&
			    m->verdict.raw >= DECIDE_CONSIDER && started > 0 &&
			    m->window_from_ms >= started };
	}
	return contain_leaks_if_on_read(&app->contain, host->name, r, n);
}

size_t
app_exports_unknown(const struct app *app, const char **names, int64_t *since, size_t max)
{
	size_t h, n = 0;
	int k;

	if (!contain_ks_anywhere(&app->contain))
		return 0;
	for (h = 0; h < app->cfg.nhosts && n < max; h++) {
		const struct contain_host *j = contain_host(&app->contain, app->cfg.hosts[h].name);
		bool asked = false;
		int64_t at = 0;

		/* A host without health_url is never asked: nothing to wait for. */
		for (k = 0; k < app->cfg.hosts[h].nservices; k++) {
			const struct svc_state *s = app->poller != NULL ?
			    poller_state(app->poller, (int)h, k) : NULL;

			if (!config_probes_service(&app->cfg.hosts[h], k))
				continue;
			asked = true;
			if (s != NULL && s->export_unanswered_ms > 0 &&
			    (at == 0 || s->export_unanswered_ms < at))
				at = s->export_unanswered_ms;
		}
		if (!asked || !app_leaks_if_on(app, (int)h) ||
		    app_host_export(app, (int)h) != CONTAIN_EXPORT_UNKNOWN)
			continue;
		/* The journal's word when this console has not asked (a watcher
		 * reads another console's). */
		if (since != NULL)
			since[n] = at > 0 ? at : j != NULL ? j->unknown_ms : 0;
		names[n++] = app->cfg.hosts[h].name;
	}
	return n;
}

size_t
app_exports_on(const struct app *app, const char **names, size_t max)
{
	size_t h, n = 0;

	for (h = 0; h < app->cfg.nhosts && n < max; h++)
		if (app_leaks_if_on(app, (int)h) &&
		    app_host_export(app, (int)h) == CONTAIN_EXPORT_ON)
			names[n++] = app->cfg.hosts[h].name;
	return n;
}

const struct svc_state *
app_state(const struct app *app, int h, int svc)
{
	if (app->fake_states != NULL && h >= 0 && (size_t)h < app->cfg.nhosts &&
	    svc >= 0 && svc < WR_SERVICES_MAX)
		return &app->fake_states[(size_t)h * WR_SERVICES_MAX + (size_t)svc];
	return poller_state(app->poller, h, svc);
}

const char *
app_journal_tag(const struct app *app, int h, int svc, int64_t *ms)
{
	const struct svc_state *s = app_state(app, h, svc);
	const struct app_seen *js;

	if (app->seen == NULL || h < 0 || (size_t)h >= app->cfg.nhosts || svc < 0 ||
	    svc >= app->cfg.hosts[h].nservices || (s != NULL && s->have_driver))
		return NULL;
	js = &app->seen[app_config_row(app, (size_t)h, svc)];
	if (js->tag[0] == '\0' || js->tag_ms <= 0)
		return NULL;
	*ms = js->tag_ms;
	return js->tag;
}

const struct host_metrics *
app_metrics(const struct app *app, int h)
{
	if (app->fake_metrics != NULL && h >= 0 && (size_t)h < app->cfg.nhosts)
		return &app->fake_metrics[h];
	return poller_metrics(app->poller, h);
}

size_t
app_verdict_words(const struct app *app, int h, const struct decide_verdict *v,
    const char *reason, char *out, size_t cap)
{
	const struct host_metrics *m = app_metrics(app, h);
	struct rbtarget_window w = { m != NULL ? m->window_from_ms : 0,
		m != NULL ? m->window_fresh_ms : 0 };
	bool bad = v->level >= DECIDE_MONITOR;
	struct rbtarget_mark *marks;
	size_t i, n;

	/* The timeline is searched only for a bad verdict: a frame of calm
	 * hosts costs nothing here. */
	if (!bad)
		return rbtarget_verdict_words(false, reason, &w, NULL, 0, app->cfg.hosts[h].name,
		    0, out, cap);
	marks = xcalloc(app->nentries + 1, sizeof(*marks));
	for (i = 0; i < app->nentries; i++) {
		const struct timeline_entry *e = &app->entries[i];

		marks[i] = (struct rbtarget_mark){ e->ts_ms, e->kind, e->host, e->op, e->outcome,
			e->rollback, e->done_ms };
	}
	n = rbtarget_verdict_words(true, reason, &w, marks, app->nentries,
	    app->cfg.hosts[h].name, (int64_t)app_now(app) * 1000, out, cap);
	free(marks);
	return n;
}
