/*
 * view_runbook.c — the RUNBOOK pane: the runbook as a checklist. Sections
 * fold; each shows its progress and the time since its first tick; steps
 * show their tick, a mark when they carry commands or actions ("!" when
 * a block of theirs did not read, or x would refuse their work under this
 * config: runbook_lint_work, `warroom runbook -c`'s check), what x
 * started from them and on which
 * hosts (each step and section keeps its own: stepmark; a reopened
 * incident's steps get theirs back from the journal: stepran), and the time
 * since they were ticked. Ticks go to the incident journal first and
 * show once stored (the journal's observer sets them), so the screen never
 * claims a tick the timeline does not hold. Enter on a rollback step
 * opens its dialog; on another (or one that cannot run now) its detail:
 * every command with its placeholders highlighted, and whether x runs
 * them through a built-in action or as written (runbook_route), or why
 * not.
 */
#include "warroom/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/action.h"
#include "warroom/envmark.h"
#include "warroom/loop.h"
#include "warroom/poller.h"
#include "warroom/rbfile.h"
#include "warroom/rbprogress.h"
#include "warroom/runbook_lint.h"
#include "warroom/runbook_route.h"
#include "warroom/runbook_target.h"
#include "warroom/runofshow.h"
#include "warroom/stepmark.h"
#include "warroom/stepran.h"
#include "warroom/timeline.h"

struct rb_row {
	bool section;
	size_t idx;
};

/* The rows the pane can show: section headers, and the steps of sections
 * that are not folded. Returns a malloc'd array. */
static struct rb_row *
visible_rows(const struct app_runbook *r, size_t *n)
{
	struct rb_row *v = xcalloc(r->rb.nsections + r->rb.nsteps + 1, sizeof(*v));
	size_t s, i, k = 0;

	for (i = 0; i < r->rb.nsteps; i++)          /* steps before any section */
		if (r->rb.steps[i].section == WR_RUNBOOK_NONE)
			v[k++] = (struct rb_row){ false, i };
	for (s = 0; s < r->rb.nsections; s++) {
		v[k++] = (struct rb_row){ true, s };
		if (r->collapsed[s])
			continue;
		for (i = 0; i < r->rb.nsteps; i++)
			if (r->rb.steps[i].section == s)
				v[k++] = (struct rb_row){ false, i };
	}
	*n = k;
	return v;
}

static bool
step_has_work(const struct runbook *rb, size_t step)
{
	size_t b;

	for (b = 0; b < rb->nblocks; b++)
		if (rb->blocks[b].step == step && (rb->blocks[b].ncmds > 0 || rb->blocks[b].nbinds > 0))
			return true;
	return false;
}

/* How many items of the step's (or section's own: step NONE) work x
 * would refuse under this config before any dialog, by `warroom runbook
 * -c`'s check; the first cap of them into out. */
static size_t
config_refused(const struct app *app, const struct app_runbook *r, size_t section, size_t step,
    struct runbook_refusal *out, size_t cap)
{
	return runbook_lint_work(&r->rb, section, step, &app->cfg, out, cap);
}

/* The config's file name without its directory: the overlay has one
 * row for it, and the console was started with it. */
static const char *
cfg_base(const struct app *app)
{
	const char *slash = strrchr(app->cfg.file, '/');

	return slash != NULL && slash[1] != '\0' ? slash + 1 : app->cfg.file;
}

static void
section_progress(const struct app_runbook *r, size_t s, int *done, int *total,
    int64_t *first)
{
	size_t i;

	*done = *total = 0;
	*first = 0;
	for (i = 0; i < r->rb.nsteps; i++) {
		if (r->rb.steps[i].section != s)
			continue;
		(*total)++;
		if (r->checked[i] && !app_step_infile(r, i))
			(*done)++;
		if (r->ticked_at[i] && (*first == 0 || r->ticked_at[i] < *first))
			*first = r->ticked_at[i];
	}
}

/* "  [x next: 2 of 3 smoke]" on the row x is working through; "  [x
 * stopped: 1 of 3 FAILED]" once an item's action ended otherwise. */
static void
xrun_mark(const struct app *app, const struct app_runbook *r, size_t section, size_t step,
    char *buf, size_t cap)
{
	struct runbook_work w[64];
	size_t n, len = strlen(buf);

	if (app->xrun.rb != app->rb_cur || app->xrun.next == 0 || app->xrun.section != section ||
	    app->xrun.step != step || len >= cap)
		return;
	n = runbook_work_of(&r->rb, section, step, w, 64);
	if (n < 2 || n > 64 || app->xrun.next > n)
		return;
	/* One that ended otherwise stops the rest: the next x says so. */
	if (app->xrun.slot != NULL && *app->xrun.slot != app->xrun.before &&
	    action_finished(*app->xrun.slot) && action_state(*app->xrun.slot) != ACTION_OK)
		snprintf(buf + len, cap - len, "  [x stopped: %zu of %zu %s]", app->xrun.next, n,
		    action_state_name(action_state(*app->xrun.slot)));
	else if (app->xrun.next < n)
		snprintf(buf + len, cap - len, "  [x next: %zu of %zu %s]", app->xrun.next + 1, n,
		    w[app->xrun.next].bind ? runbook_action_name(w[app->xrun.next].bind->kind) :
		    "commands");
	else
		snprintf(buf + len, cap - len, "  [x: all %zu started]", n);
}

/* Room for a row's account of what x started before its host names give
 * way to counts (the step's text goes on after it). */
#define MARK_WIDTH 32

/* The action x started from ran on host h that the row names: the last
 * there that ran. One CANCELLED never did: what the row says of it is
 * its action.refused's word, read from the journal as a reopened console
 * reads it (stepran_unrun), and an Esc (not journalled) says nothing. */
static const struct action *
live_pick(const struct app_ran *ran, int h)
{
	size_t i;

	for (i = ran->n; i-- > 0;)
		if (action_host(ran->v[i]) == h && action_state(ran->v[i]) != ACTION_CANCELLED)
			return ran->v[i];
	return NULL;
}

/* Whether the journal's last action from the step on host h (j: an
 * earlier session's, or another console's) is newer than this console's
 * pick there: its intent is stored before j's. */
static bool
journal_newer(const struct app *app, const struct app_ran *ran, int h,
    const struct action *pick, const struct stepran_act *j)
{
	size_t i;

	if (j == NULL)
		return false;
	for (i = 0; i < ran->n; i++)
		if (action_host(ran->v[i]) == h && strcmp(action_op(ran->v[i]), j->op) == 0)
			return false;        /* j is ours: the live action says more */
	return stepran_has_op(&app->steps_ran, action_op(pick));
}

/* What x started from row k of r (step k, or section k - nsteps) into
 * buf: REFUSED (SKIPPED, CANCELLED) when x there ran nothing last, each outcome with the hosts
 * it holds on, its post, announcement and smoke check; "" when nothing. Per host the last action there counts
 * (live_pick), and the journal's last (stepran) where this console has
 * none or an older one: a reopened incident keeps its marks, a section's
 * own as a step's. */
static void
row_mark(const struct app *app, const struct app_runbook *r, size_t k, char *buf, size_t cap)
{
	const struct app_ran *ran = &r->ran[k];
	struct stepmark m = {
		.fleet = app->cfg.nhosts, .post = ran->post, .announce = ran->announce,
		.smoke = ran->smoke,
	};
	struct stepmark_host *hosts;
	char (*words)[64];
	char id[WR_PATH_MAX + 16] = "", code[WR_RUNBOOK_CODE_LEN + 1] = "";
	bool section = k >= r->rb.nsteps;
	bool journal = app->steps_ran.n > 0 || app->steps_ran.nsent > 0 ||
	    app->steps_ran.nrefused > 0;
	size_t h;

	buf[0] = '\0';
	if (journal && !section)
		app_step_id(r, k, id, sizeof(id));
	else if (journal)
		app_section_id(r, k - r->rb.nsteps, id, sizeof(id));
	if (ran->n == 0 && id[0] == '\0' && ran->post == STEPMARK_NONE &&
	    ran->announce == STEPMARK_NONE && ran->smoke == STEPMARK_NONE)
		return;
	if (ran->smoke != STEPMARK_NONE && ran->smoke_host >= 0 &&
	    (size_t)ran->smoke_host < app->cfg.nhosts)
		m.smoke_host = app->cfg.hosts[ran->smoke_host].name;
	/* What the step runs now: a mark of the journal's made when it held
	 * other code is an earlier version's, not this row's. */
	if (id[0] != '\0')
		runbook_work_code(&r->rb, section ? k - r->rb.nsteps : r->rb.steps[k].section,
		    section ? WR_RUNBOOK_NONE : k, code);
	/* What this console sent says more (it sees it go, from the step as
	 * shown); else the journal's, so a watcher and a reopened console
	 * keep the marks. */
	if (id[0] != '\0' && m.post == STEPMARK_NONE) {
		m.post = stepran_sent(&app->steps_ran, section, id, STEPRAN_POST, NULL);
		m.post_earlier = stepran_sent_changed(&app->steps_ran, section, id, STEPRAN_POST,
		    code);
	}
	if (id[0] != '\0' && m.announce == STEPMARK_NONE) {
		m.announce = stepran_sent(&app->steps_ran, section, id, STEPRAN_ANNOUNCE, NULL);
		m.announce_earlier = stepran_sent_changed(&app->steps_ran, section, id,
		    STEPRAN_ANNOUNCE, code);
	}
	if (id[0] != '\0' && m.smoke == STEPMARK_NONE) {
		m.smoke = stepran_sent(&app->steps_ran, section, id, STEPRAN_SMOKE, &m.smoke_host);
		m.smoke_earlier = stepran_sent_changed(&app->steps_ran, section, id, STEPRAN_SMOKE,
		    code);
	}
	/* x here ran nothing (this console's, another's, an earlier
	 * session's): the journal is the one place it is kept, so the live
	 * row and a reopened one say the same word. */
	m.unrun = id[0] != '\0' ? stepran_unrun(&app->steps_ran, section, id) : NULL;
	hosts = xcalloc(app->cfg.nhosts + 1, sizeof(*hosts));
	words = xcalloc(app->cfg.nhosts + 1, sizeof(*words));
	for (h = 0; h < app->cfg.nhosts; h++) {
		const struct action *pick = live_pick(ran, (int)h);
		const struct stepran_act *j = id[0] != '\0' ?
		    stepran_last(&app->steps_ran, section, id, app->cfg.hosts[h].name) : NULL;

		if (pick != NULL && !journal_newer(app, ran, (int)h, pick, j))
			actions_outcome_words(app, pick, words[m.nhosts], sizeof(words[0]));
		else if (j != NULL)
			/* An outcome of commands edited since is not this row's. */
			stepran_act_words(j, code, words[m.nhosts], sizeof(words[0]));
		else
			continue;
		hosts[m.nhosts].host = app->cfg.hosts[h].name;
		hosts[m.nhosts].words = words[m.nhosts];
		m.nhosts++;
	}
	m.hosts = hosts;
	stepmark_format(&m, MARK_WIDTH, buf, cap);
	free(hosts);
	free(words);
}

static void
runbook_draw(struct app *app, WINDOW *win, int h, int w, bool focused)
{
	struct app_runbook *r;
	struct rb_row *rows;
	size_t n, i, done = 0, infile = 0, nerr, nwarn;
	int64_t now = (int64_t)app_now(app) * 1000;
	int y, top = 0, row0 = 1;
	char line[1200], when[32], mark[160];

	if (app->nrunbooks == 0) {
		ui_put(win, 0, 1, w - 1, ui_attr(app, THEME_DIM), "no runbook loaded");
		ui_put(win, 1, 1, w - 1, ui_attr(app, THEME_DIM), "open one with -r FILE");
		return;
	}
	r = &app->runbooks[app->rb_cur];
	/* Done is what this incident ticked, as the post-mortem counts it: a
	 * box ticked in the file is counted apart. */
	for (i = 0; i < r->rb.nsteps; i++) {
		infile += app_step_infile(r, i);
		done += r->checked[i] && !app_step_infile(r, i);
	}
	snprintf(line, sizeof(line), "%s%s  %zu/%zu", app->nrunbooks > 1 ? "R: " : "",
	    r->key, done, r->rb.nsteps);

	if (r->tzero_s != 0) {
		runofshow_when(r->tzero_s, 0, now / 1000, when, sizeof(when));
		snprintf(line + strlen(line), sizeof(line) - strlen(line), "  T-0 %s", when);
	} else if (r->has_tminus)
		snprintf(line + strlen(line), sizeof(line) - strlen(line), "  (T sets T-0)");
	/* Counted where there are any, as `warroom runbook -c` counts them
	 * against this config; the start said the first error whole. */
	nerr = r->rb.nerrors + r->config_errors;
	nwarn = r->rb.nwarnings + r->config_warnings;
	if (nerr > 0)
		snprintf(line + strlen(line), sizeof(line) - strlen(line), "  (%zu error%s%s",
		    nerr, nerr == 1 ? "" : "s", nwarn ? "," : ")");
	if (nwarn > 0)
		snprintf(line + strlen(line), sizeof(line) - strlen(line), "%s%zu warning%s)",
		    nerr ? " " : "  (", nwarn, nwarn == 1 ? "" : "s");
	/* Last: what needs doing and what is wrong come first in a narrow pane. */
	if (infile > 0)
		snprintf(line + strlen(line), sizeof(line) - strlen(line), "  +%zu [f] ticked in "
		    "the file", infile);
	ui_put(win, 0, 0, w, ui_attr(app, THEME_TITLE), line);
	/* The file was edited since it was read: the steps below are what was
	 * read, and x runs those; said on a row of its own, not cut away. */
	if (r->watch.changed && h > 2) {
		rbfile_notice(r->key, &r->watch.seen, line, sizeof(line));
		ui_put_wrapped(win, &row0, 0, w, 0, h - 1 < row0 + 3 ? h - 1 : row0 + 3,
		    ui_attr(app, THEME_WARN), line);
	}
	rows = visible_rows(r, &n);
	if (app->rb_sel >= (int)n)
		app->rb_sel = n > 0 ? (int)n - 1 : 0;
	if (app->rb_sel >= top + h - row0)
		top = app->rb_sel - (h - row0 - 1);
	for (y = row0; y < h && top + y - row0 < (int)n; y++) {
		const struct rb_row *row = &rows[top + y - row0];
		bool sel = top + y - row0 == app->rb_sel;
		int a, x;

		if (row->section) {
			const struct runbook_section *sec = &r->rb.sections[row->idx];
			int sd, st;
			int64_t first;
			size_t head;

			section_progress(r, row->idx, &sd, &st, &first);
			if (first)
				rbprogress_ago(now, first, when, sizeof(when));
			row_mark(app, r, r->rb.nsteps + row->idx, mark, sizeof(mark));
			snprintf(line, sizeof(line), "%s %s %s%s%s%s%s", sel ? ">" : " ",
			    r->collapsed[row->idx] ? "+" : "-",
			    runbook_work_errors(&r->rb, row->idx, WR_RUNBOOK_NONE, NULL) ||
			    config_refused(app, r, row->idx, WR_RUNBOOK_NONE, NULL, 0) ? "! " : "",
			    mark[0] ? "[" : "", mark, mark[0] ? "] " : "",
			    sec->title[0] ? sec->title : "(untitled)");
			head = strlen(line);
			rbprogress_words(sd, st, first ? when : NULL, false, line + head,
			    sizeof(line) - head);
			xrun_mark(app, r, row->idx, WR_RUNBOOK_NONE, line, sizeof(line));
			/* Too wide: "2m" whole rather than "started 2…". */
			if (ui_width(line) > w) {
				rbprogress_words(sd, st, first ? when : NULL, true, line + head,
				    sizeof(line) - head);
				xrun_mark(app, r, row->idx, WR_RUNBOOK_NONE, line, sizeof(line));
			}
			a = ui_attr(app, THEME_TITLE);
		} else {
			const struct runbook_step *stp = &r->rb.steps[row->idx];
			int indent = 2 + 2 * (stp->depth < 6 ? stp->depth : 6);
			/* A block that did not read, or work this config cannot
			 * do, must not pass for a plain step: x cannot run it, and
			 * Enter shows why. */
			bool broken = runbook_work_errors(&r->rb, stp->section, row->idx, NULL) > 0 ||
			    config_refused(app, r, stp->section, row->idx, NULL, 0) > 0;

			row_mark(app, r, row->idx, mark, sizeof(mark));
			/* The markers go before the text, which a narrow pane cuts. */
			snprintf(line, sizeof(line), "%s%*s[%s] %s%s%s%s%s", sel ? ">" : " ", indent - 1,
			    "", app_step_infile(r, row->idx) ? "f" : r->checked[row->idx] ? "x" : " ",
			    broken ? "! " : step_has_work(&r->rb, row->idx) ? "$ " : "",
			    mark[0] ? "[" : "", mark, mark[0] ? "] " : "", stp->text);
			xrun_mark(app, r, stp->section, row->idx, line, sizeof(line));
			a = ui_attr(app, r->checked[row->idx] ? THEME_DIM : broken ? THEME_WARN :
			    THEME_NORMAL);
		}
		if (sel && focused)
			a = ui_attr(app, THEME_SELECTED);
		/* Cut, it says so: Enter shows the step whole. */
		x = ui_put(win, y, 0, w, a, line);
		if (!row->section && r->ticked_at[row->idx] && x + 6 < w) {
			rbprogress_ago(now, r->ticked_at[row->idx], when, sizeof(when));
			ui_put(win, y, w - (int)strlen(when), (int)strlen(when),
			    ui_attr(app, THEME_DIM), when);
		} else if (!row->section && r->tzero_s != 0 && r->rb.steps[row->idx].has_tminus &&
		    w >= 30) {
			/* The run-of-show: when this item is due, on the wall clock,
			 * at the end of the row, a long line cut before it. */
			when[0] = ' ';
			runofshow_when(r->tzero_s, r->rb.steps[row->idx].tminus_s, now / 1000,
			    when + 1, sizeof(when) - 1);
			if (x > w - (int)strlen(when)) {
				wmove(win, y, 0);
				wclrtoeol(win);
				ui_put(win, y, 0, w - (int)strlen(when), a, line);
			}
			ui_put(win, y, w - (int)strlen(when), (int)strlen(when),
			    ui_attr(app, strstr(when, " in ") ? THEME_DIM : THEME_WARN), when);
		}
	}
	/* A checklist cut off must not read as ended: the rows out of view
	 * are counted on the border, as HOSTS counts its. */
	ui_frame_more(app, win, true, top);
	ui_frame_more(app, win, false, (int)n - top - (h - row0));
	free(rows);
}

/* Record a tick; the journal's observer then shows it. Without a journal
 * the tick is kept on screen only, and the footer says so. */
static void
tick(struct app *app, struct app_runbook *r, size_t step)
{
	char id[WR_PATH_MAX + 16];
	/* A box ticked in the file is not done here: Space ticks it for
	 * this incident. */
	bool to = !r->checked[step] || app_step_infile(r, step);
	struct wr_err err;

	if (app->tl == NULL) {
		r->checked[step] = to;
		r->ticked_at[step] = to ? (int64_t)app_now(app) * 1000 : 0;
		app_say(app, "%s on screen only: no incident journal (start with --incident NAME)",
		    to ? "ticked" : "unticked");
		return;
	}
	app_step_id(r, step, id, sizeof(id));
	if (timeline_step(app->tl, id, r->rb.steps[step].text, to, &err) != 0) {
		app_say(app, "%s NOT recorded: %s", to ? "tick" : "untick", err.msg);
		journal_safety(app);
	}
}

/* Where a step's action is noted, or (step NONE) the section's own: each
 * has its own, so one never answers for another. */
static struct action **
step_slot(struct app_runbook *r, size_t section, size_t step)
{
	return step == WR_RUNBOOK_NONE ? &r->section_action[section] : &r->step_action[step];
}

/* The journal's account of what ran from the step (or section: step
 * NONE) before, into buf ("this step ran at 03:12:44 in an earlier
 * session: OK on h1, h2"; "an earlier version of this step ran …" where
 * its commands were edited since); false, buf "", when nothing did. */
static bool
ran_before(const struct app *app, const struct app_runbook *r, size_t section, size_t step,
    char *buf, size_t cap)
{
	char id[WR_PATH_MAX + 16], code[WR_RUNBOOK_CODE_LEN + 1];
	bool sec = step == WR_RUNBOOK_NONE;

	if (sec)
		app_section_id(r, section, id, sizeof(id));
	else
		app_step_id(r, step, id, sizeof(id));
	runbook_work_code(&r->rb, section, step, code);
	return stepran_said(&app->steps_ran, sec, id, app->tl != NULL ?
	    timeline_session(app->tl) : 0, code, buf, cap);
}

/* x (or Enter) starts work of the step (or section): the dialog of the
 * action it starts says what ran there before, in any session, so a
 * rerun is never silent. The dialog opens on the first x, as for a first
 * run: a rerun said only in the footer let the name typed for the dialog
 * that did not open run as keys. */
static void own_ran(struct app *app, struct app_runbook *r, size_t section, size_t step,
    char *buf, size_t cap);

static void
note_rerun(struct app *app, struct app_runbook *r, size_t section, size_t step)
{
	app->rerun_slot = step_slot(r, section, step);
	if (!ran_before(app, r, section, step, app->rerun_note, sizeof(app->rerun_note)))
		own_ran(app, r, section, step, app->rerun_note, sizeof(app->rerun_note));
}

/* The rollback a step asks for, if any: a `warroom` rollback binding, or
 * a kubectl rollout undo / helm rollback its commands run through (not
 * one among other commands: those run as written; *cmd: that command,
 * whose placeholders its values may hold; NULL for a binding). *wait_s:
 * the wait its rollout status line names (--timeout), or 0. */
static const struct runbook_action *
step_wants_rollback(const struct runbook *rb, size_t step, const struct runbook_command **cmd,
    int *wait_s)
{
	struct runbook_route route;
	size_t b, c;

	*cmd = NULL;
	*wait_s = 0;
	for (b = 0; b < rb->nblocks; b++)
		for (c = 0; rb->blocks[b].step == step && c < rb->blocks[b].nbinds; c++)
			if (rb->blocks[b].binds[c].action.kind == RUNBOOK_ACT_ROLLBACK)
				return &rb->blocks[b].binds[c].action;
	runbook_route_of(rb, rb->steps[step].section, step, &route);
	if (route.path == RUNBOOK_PATH_BUILTIN &&
	    (route.builtin->action.kind == RUNBOOK_ACT_K8S_UNDO ||
	    route.builtin->action.kind == RUNBOOK_ACT_HELM_ROLLBACK)) {
		*cmd = route.builtin;
		*wait_s = route.wait_s;
		return &route.builtin->action;
	}
	return NULL;
}

/* "section" when slot is a section's own (x on its row), else "step":
 * what the footer calls the row whose work was refused. */
static const char *
slot_noun(const struct app *app, struct action **slot)
{
	int i;

	for (i = 0; slot != NULL && i < app->nrunbooks; i++) {
		const struct app_runbook *r = &app->runbooks[i];

		if (slot >= r->section_action && slot < r->section_action + r->rb.nsections)
			return "section";
	}
	return "step";
}

/* The same confirmed action as r in HOSTS, to the host, tag or revision
 * a names (runbook_target decides, or says why not). It goes through the
 * choke point like any mutating command. wait_s: the step's own wait
 * beside a (a rollout status --timeout), or 0. */
static void
rollback_now(struct app *app, const struct runbook_action *a, struct action **slot,
    int wait_s)
{
	struct runbook_target t;
	struct wr_err err;

	if (runbook_target_rollback(a, &app->cfg, app_selected_host(app), &t, &err) != 0) {
		app_say(app, "this %s's rollback did not start: %s", slot_noun(app, slot), err.msg);
		actions_step_refused(app, slot, -1, runbook_action_name(a->kind), err.msg);
		return;
	}
	app->target_host = t.host;
	app->target_svc = t.svc;
	app->target_rev = t.revision;
	app->target_timeout_s = t.timeout_s > 0 ? t.timeout_s : wait_s;
	wr_strlcpy(app->target_tag, t.tag, sizeof(app->target_tag));
	app->target_slot = slot;
	if (dispatch(app, WR_CMD_ROLLBACK) != 0) {
		app->target_host = -1;
		app->target_slot = NULL;
		app->target_rev = 0;
		app->target_timeout_s = 0;
		app->target_tag[0] = '\0';
	}
}

static void fill_ask(struct app *app);

/* What the rollback's service runs now, for the prompt that asks for its
 * revision or tag: "api at revision 4, v1.5.0-bad". */
static void
rollback_hint(struct app *app, int host, int svc)
{
	const struct svc_state *s = svc >= 0 ? poller_state(app->poller, host, svc) : NULL;
	const char *name = svc >= 0 ? app->cfg.hosts[host].services[svc] : "";

	app->fill_hint[0] = '\0';
	if (s == NULL || !s->have_driver || s->tag[0] == '\0')
		return;
	if (s->revision > 0)
		snprintf(app->fill_hint, sizeof(app->fill_hint), "%s at revision %d, %s", name,
		    s->revision, s->tag);
	else
		snprintf(app->fill_hint, sizeof(app->fill_hint), "%s at %s", name, s->tag);
}

/* Enter or x on a step that asks for a rollback. Its placeholders (the
 * revision of --to-revision=<REVISION>, a binding's to=<TAG>) are asked
 * in the footer first, never guessed, and then named as a literal would
 * be: the plan honours the value or refuses it with the reason. A step
 * refused whatever is typed (another namespace, a kube context) or a
 * console that may not change anything is told so before any prompt. */
static void
rollback_of(struct app *app, const struct runbook_action *a, const struct runbook_command *cmd,
    struct action **slot, int wait_s)
{
	struct runbook_action known;
	struct runbook_target t;
	struct wr_err err;
	const char *why = NULL;
	int rc;

	runbook_fill_free(&app->fill);
	app->fill_action = NULL;
	if (runbook_fill_init_action(&app->fill, a, cmd) == 0) {
		runbook_fill_free(&app->fill);
		rollback_now(app, a, slot, wait_s);
		return;
	}
	runbook_fill_action(&app->fill, a, &known);     /* what it names already */
	rc = runbook_target_rollback(&known, &app->cfg, app_selected_host(app), &t, &err);
	runbook_action_free(&known);
	/* A revision, whatever would be typed, on a compose host: refused
	 * now, not after the value is asked for. */
	if (rc == 0)
		rc = runbook_target_revision_fits(a, &app->cfg.hosts[t.host], &err);
	app_armed(app);
	if (rc != 0) {
		app_say(app, "this %s's rollback did not start: %s", slot_noun(app, slot), err.msg);
		actions_step_refused(app, slot, -1, runbook_action_name(a->kind), err.msg);
	} else if ((why = safety_refusal_hosts(&app->safety, true)) != NULL)
		app_say(app, "refused: %s", why);
	if (rc != 0 || why != NULL) {
		runbook_fill_free(&app->fill);
		return;
	}
	app->fill_host = t.host;
	app->fill_rb = app->rb_cur;
	app->fill_action = a;
	app->fill_slot = slot;
	app->fill_wait_s = wait_s;
	app->fill_error[0] = '\0';
	rollback_hint(app, t.host, t.svc);
	tagread_begin(app, t.host, t.svc);
	fill_ask(app);
}

/* Every placeholder of the rollback has its value: it starts as if the
 * step had named them. */
static void
fill_rollback_run(struct app *app)
{
	struct runbook_action filled;

	runbook_fill_action(&app->fill, app->fill_action, &filled);
	runbook_fill_free(&app->fill);
	app->fill_action = NULL;
	rollback_now(app, &filled, app->fill_slot, app->fill_wait_s);
	runbook_action_free(&filled);
}

static bool
step_rollback(struct app *app, struct app_runbook *r, size_t step)
{
	const struct runbook_command *cmd;
	int wait_s;
	const struct runbook_action *a = step_wants_rollback(&r->rb, step, &cmd, &wait_s);

	if (a == NULL)
		return false;
	note_rerun(app, r, r->rb.steps[step].section, step);
	rollback_of(app, a, cmd, &r->step_action[step], wait_s);
	return true;
}

/* x on a step whose binding or command is the kill switch: on the host and
 * service it names, in the direction it names (never X's toggle). */
static void
step_killswitch(struct app *app, struct action **slot, const struct runbook_action *a,
    int host)
{
	struct runbook_target t;
	struct wr_err err;

	if (runbook_target_killswitch(a, &app->cfg, host, &t, &err) != 0) {
		app_say(app, "this %s's kill switch did not start: %s", slot_noun(app, slot),
		    err.msg);
		/* No host: none was picked, so no host's containment was refused. */
		actions_step_refused(app, slot, -1, "killswitch", err.msg);
		return;
	}
	app->target_host = t.host;
	app->target_svc = t.svc;
	wr_strlcpy(app->target_ks, t.value, sizeof(app->target_ks));
	app->target_slot = slot;
	actions_killswitch(app);
}

/* Enter on a step: a rollback step's dialog, else the step's detail. The
 * detail too, saying why, where no dialog may open: work x refuses (a
 * block that did not read, what this config cannot do: the detail lists
 * it, and nothing reaches the journal, since nothing was confirmed), or a
 * console that may not change anything now, so the engineer can read the
 * step Enter would run, and that A arms it. */
static void
step_enter(struct app *app, struct app_runbook *r, size_t step)
{
	size_t section = r->rb.steps[step].section;
	const struct runbook_command *cmd;
	struct safety_state armed;
	const char *why;
	int wait_s;

	app->rb_detail_note[0] = '\0';
	if (runbook_work_errors(&r->rb, section, step, NULL) > 0 ||
	    config_refused(app, r, section, step, NULL, 0) > 0) {
		app->rb_detail = true;
		return;
	}
	if (step_wants_rollback(&r->rb, step, &cmd, &wait_s) != NULL) {
		app_armed(app);
		if ((why = safety_refusal_hosts(&app->safety, true)) != NULL) {
			/* Arming alone would let it through: then say what next. */
			armed = app->safety;
			armed.armed = true;
			snprintf(app->rb_detail_note, sizeof(app->rb_detail_note), "refused: %s%s",
			    why, safety_refusal_hosts(&armed, true) == NULL ?
			    ", then Enter runs this step" : "");
			app->rb_detail = true;
			return;
		}
	}
	if (!step_rollback(app, r, step))
		app->rb_detail = true;
}

static bool
runbook_key(struct app *app, enum wr_command cmd, int page)
{
	struct app_runbook *r;
	struct rb_row *rows;
	size_t n;
	int sel = app->rb_sel, i, dir;

	if (app->nrunbooks == 0) {
		if (cmd != WR_CMD_TICK && cmd != WR_CMD_PREV_OPEN && cmd != WR_CMD_NEXT_OPEN &&
		    cmd != WR_CMD_OPEN)
			return false;
		app_say(app, "no runbook loaded: -r FILE opens one");
		return true;
	}
	r = &app->runbooks[app->rb_cur];
	rows = visible_rows(r, &n);
	switch (cmd) {
	case WR_CMD_UP: sel--; break;
	case WR_CMD_DOWN: sel++; break;
	case WR_CMD_PAGE_UP: sel -= page; break;
	case WR_CMD_PAGE_DOWN: sel += page; break;
	case WR_CMD_TOP: sel = 0; break;
	case WR_CMD_BOTTOM: sel = (int)n - 1; break;
	case WR_CMD_PREV_OPEN:
	case WR_CMD_NEXT_OPEN:
		dir = cmd == WR_CMD_NEXT_OPEN ? 1 : -1;
		for (i = sel + dir; i >= 0 && i < (int)n; i += dir)
			if (!rows[i].section && !r->checked[rows[i].idx]) {
				sel = i;
				break;
			}
		if (i < 0 || i >= (int)n)
			app_say(app, "no unticked step %s", dir > 0 ? "below" : "above");
		break;
	case WR_CMD_TICK:
	case WR_CMD_OPEN:
		if (sel < 0 || sel >= (int)n)
			break;
		if (rows[sel].section)
			r->collapsed[rows[sel].idx] = !r->collapsed[rows[sel].idx];
		else if (cmd == WR_CMD_TICK)
			tick(app, r, rows[sel].idx);
		else
			step_enter(app, r, rows[sel].idx);
		break;
	default:
		free(rows);
		return false;
	}
	if (sel >= (int)n)
		sel = (int)n - 1;
	app->rb_sel = sel < 0 ? 0 : sel;
	free(rows);
	return true;
}

/* The selected step, or WR_RUNBOOK_NONE. */
static size_t
selected_step(const struct app *app)
{
	const struct app_runbook *r = &app->runbooks[app->rb_cur];
	struct rb_row *rows;
	size_t n, step = WR_RUNBOOK_NONE;

	rows = visible_rows(r, &n);
	if (app->rb_sel >= 0 && app->rb_sel < (int)n && !rows[app->rb_sel].section)
		step = rows[app->rb_sel].idx;
	free(rows);
	return step;
}

/* Where the commands came from, as the dialog and the journal name it. */
static void
origin_of(const struct app_runbook *r, const struct runbook_fill *f, char *buf, size_t cap)
{
	char text[100];

	/* A long step is shortened, and says so (the plan keeps 160 bytes). */
	wr_utf8_shorten(text, sizeof(text), f->step == WR_RUNBOOK_NONE ?
	    r->rb.sections[f->section].title : r->rb.steps[f->step].text, 80);
	snprintf(buf, cap, "%s line %d: %s", r->key, f->step == WR_RUNBOOK_NONE ?
	    r->rb.sections[f->section].line : r->rb.steps[f->step].line, text);
}

/* `IMAGE_TAG=T docker compose … up -d A B` in a step: the built-in
 * rollback of each service the chosen host runs, to T, one after another
 * (each confirmed in its own dialog). */
static void
fill_rollback(struct app *app)
{
	struct app_runbook *r = &app->runbooks[app->fill_rb];
	const struct config_host *h = &app->cfg.hosts[app->fill_host];
	const struct runbook_action *act = &app->fill.known_cmd->action;
	char *tag = runbook_fill_assign(&app->fill, "IMAGE_TAG");
	struct action **slot = step_slot(r, app->fill.section, app->fill.step);
	int svc[WR_SERVICES_MAX], n, k;
	struct wr_err err;

	if (actions_queue_running(app)) {
		free(tag);
		return;
	}
	app->nqueue = 0;
	if (tag == NULL) {
		app_say(app, "this %s's up -d names no IMAGE_TAG: use r in HOSTS", slot_noun(app, slot));
		actions_step_refused(app, slot, app->fill_host, "compose.up",
		    "the step's up -d names no IMAGE_TAG");
		return;
	}
	/* Every service it names, or none of them: never a part. */
	if ((n = runbook_target_compose_up(act, h, svc, &err)) < 0) {
		app_say(app, "nothing ran: %s", err.msg);
		actions_step_refused(app, slot, app->fill_host, "compose.up", err.msg);
		free(tag);
		return;
	}
	for (k = 0; k < n; k++)
		actions_queue_add(app, app->fill_host, svc[k], tag, slot);
	free(tag);
	/* The first now; the rest as each one before it ends OK. */
	actions_queue_pop(app);
	actions_rollback(app);
}

/* A plain `up -d` in script on a host whose .env names another tag than
 * services run (HOSTS' .env!): "h1: .env says v1.5.0-bad; this `up -d`
 * will bring api to v1.5.0-bad", into buf; "" when none. Said before the
 * run, not only in its outcome. */
static void
env_brings_back(struct app *app, int host, const char *script, char *buf, size_t cap)
{
	const struct config_host *h = &app->cfg.hosts[host];
	char names[256] = "", tag[128] = "";
	struct envmark m;
	int k;

	buf[0] = '\0';
	if (h->driver != DRIVER_COMPOSE)
		return;
	for (k = 0; k < h->nservices; k++)
		if (envmarks_on(app, host, k, &m) && strcmp(m.env_tag, "(unset)") != 0 &&
		    runbook_route_plain_up(script, h->services[k])) {
			snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s",
			    names[0] ? ", " : "", h->services[k]);
			wr_strlcpy(tag, m.env_tag, sizeof(tag));
		}
	if (names[0] != '\0')
		snprintf(buf, cap, "%s: .env says %s; this `up -d` will bring %s to %s", h->name,
		    tag, names, tag);
}

/* Every placeholder has its value: the script goes to its dialog. */
static void
fill_run(struct app *app)
{
	struct app_runbook *r = &app->runbooks[app->fill_rb];
	char origin[160], said[512], unverified[800], env[300], both[820];
	struct wr_err err;
	char *script;

	if (app->fill.known == RUNBOOK_ACT_COMPOSE_UP &&
	    app->cfg.hosts[app->fill_host].driver == DRIVER_COMPOSE) {
		fill_rollback(app);
		runbook_fill_free(&app->fill);
		return;
	}
	script = runbook_fill_script(&app->fill, &r->rb, &err);
	if (script == NULL) {
		app_say(app, "nothing ran: %s", err.msg);
	} else {
		origin_of(r, &app->fill, origin, sizeof(origin));
		runbook_fill_said(&app->fill, said, sizeof(said));
		/* Its own line, first: what the run would do to a marked host. */
		env_brings_back(app, app->fill_host, script, env, sizeof(env));
		if (env[0] != '\0') {
			snprintf(both, sizeof(both), "%s%s%s", env, said[0] ? "\n" : "", said);
			wr_strlcpy(said, both, sizeof(said));
		}
		/* A rollback that runs as written: the dialog says it is unverified. */
		runbook_route_unverified(&app->fill.route, unverified, sizeof(unverified));
		actions_command(app, app->fill_host, script, origin, said, unverified,
		    step_slot(r, app->fill.section, app->fill.step));
		free(script);
	}
	runbook_fill_free(&app->fill);
}

static void
fill_ask(struct app *app)
{
	app_ask(app, PROMPT_FILL);
	tagread_ask(app);
}

void
runbook_fill_answer(struct app *app, const char *value)
{
	struct wr_err err;
	bool secret = app->fill.cur < app->fill.n && app->fill.secret[app->fill.cur];

	if (runbook_fill_set(&app->fill, value, &err) != 0) {
		/* Said in the prompt itself, which asks for the same one again. */
		wr_strlcpy(app->fill_error, err.msg, sizeof(app->fill_error));
		fill_ask(app);
		return;
	}
	app->fill_error[0] = '\0';
	/* A typed secret is one warroom now holds: redacted wherever it
	 * would show (the dialog, LOGS, the journal), as a loaded one is. */
	if (secret)
		redact_add_secret(&app->red, value);
	if (!runbook_fill_done(&app->fill))
		fill_ask(app);
	else if (app->fill_action != NULL)
		fill_rollback_run(app);
	else
		fill_run(app);
}

/* x on a binding: its action, as its key would start it, its outcome
 * noted in slot (a step's, or the section's own). -1 when one without an
 * action (a post, a smoke test, an announcement) could not start, said in
 * the footer. */
static int
run_binding(struct app *app, struct action **slot, const struct runbook_action *a, int host)
{
	const char *v;

	switch (a->kind) {
	case RUNBOOK_ACT_ROLLBACK:
		rollback_of(app, a, NULL, slot, 0);
		return 0;
	case RUNBOOK_ACT_KILLSWITCH:
		step_killswitch(app, slot, a, host);
		return 0;
	case RUNBOOK_ACT_STATUSPAGE:
		v = runbook_action_arg(a, "status");
		if (v == NULL && (v = runbook_action_arg(a, "op")) != NULL &&
		    strcmp(v, "resolve") == 0)
			v = "resolved";
		return actions_statuspage_prefill(app, v, runbook_action_arg(a, "message"),
		    runbook_action_arg(a, "name"), runbook_action_arg(a, "impact"), slot);
	case RUNBOOK_ACT_SMOKE: {
		const char *on = runbook_action_arg(a, "host");
		int named = on != NULL ? config_host_index(&app->cfg, on) : -1;

		if (named >= 0)
			host = named;
		v = runbook_action_arg(a, "expect");
		return actions_smoke(app, host, runbook_action_arg(a, "url"), v ? atol(v) : 200,
		    slot);
	}
	case RUNBOOK_ACT_ANNOUNCE:
		return actions_announce_ask(app, runbook_action_arg(a, "message"), slot);
	default:
		app_say(app, "x does not run %s bindings", runbook_action_name(a->kind));
		return -1;
	}
}

#define XRUN_MAX 64

static void run_commands(struct app *app, struct app_runbook *r, size_t section,
    size_t step, int host);

static const char *
work_name(const struct runbook_work *w)
{
	return w->bind != NULL ? runbook_action_name(w->bind->kind) : "the commands";
}

/* The footer after x started item k of n: what the next x runs. */
static void
xrun_say(struct app *app, const struct runbook_work *w, size_t n, size_t k)
{
	if (k + 1 < n)
		app_say(app, "%zu of %zu: %s; %zu more, each its own action: x again runs %s "
		    "(line %d) once this one is done", k + 1, n, work_name(&w[k]), n - k - 1,
		    work_name(&w[k + 1]), w[k + 1].line);
	else
		app_say(app, "%zu of %zu: %s, the last", k + 1, n, work_name(&w[k]));
}

/* Item k of n did not go through: cancelled at a prompt of its own (a
 * placeholder, the status or text of a post, the word announce), or
 * refused before it started. The rest are not run and the next x starts
 * over; the footer keeps what it said (why) and adds that. */
static void
xrun_stop(struct app *app, const struct runbook_work *w, size_t n, size_t k, const char *how)
{
	char said[sizeof(app->status)];

	app->xrun.next = 0;
	app->xrun.slot = NULL;
	app->xrun.asking = false;
	if (k + 1 >= n)
		return;
	/* A refusal is an outcome on screen already: only the rest beside it. */
	if (app->said_at == SAID_OUTCOME)
		said[0] = '\0';
	else
		wr_strlcpy(said, app->said, sizeof(said));
	app_say(app, "%s%s%zu of %zu (%s) %s: the %zu after it not run (x again starts over)",
	    said, said[0] != '\0' ? " — " : "", k + 1, n, work_name(&w[k]), how, n - k - 1);
}

void
runbook_prompt_closed(struct app *app, bool cancelled, bool went)
{
	struct app_xrun *x = &app->xrun;
	struct runbook_work w[XRUN_MAX];
	size_t n;

	if (!x->asking || app->prompt_active)
		return;
	x->asking = false;
	/* An item with an action went through once its action exists (its
	 * dialog then decides). */
	if (x->slot != NULL)
		went = *x->slot != x->before;
	if (!cancelled && went)
		return;
	n = x->rb >= 0 && x->rb < app->nrunbooks ? runbook_work_of(&app->runbooks[x->rb].rb,
	    x->section, x->step, w, XRUN_MAX) : 0;
	if (x->next == 0 || x->next > n || n > XRUN_MAX) {
		x->next = 0;
		x->slot = NULL;
		return;
	}
	xrun_stop(app, w, n, x->next - 1, cancelled ? "CANCELLED" : "not done");
}

/* Where x stands in this step's work: the item to run now, or -1 with the
 * footer saying why nothing runs. An item runs once the one before it was
 * started and ended OK (a rollback, kill switch or command; a post or an
 * announcement once sent; a smoke test once its GET is out); one that
 * ended otherwise stops the rest, and x starts over. */
static int
xrun_next(struct app *app, size_t section, size_t step, const struct runbook_work *w, size_t n)
{
	struct app_xrun *x = &app->xrun;
	const struct action *last;

	if (x->rb != app->rb_cur || x->section != section || x->step != step || x->next >= n ||
	    x->next == 0) {
		x->rb = app->rb_cur;
		x->section = section;
		x->step = step;
		x->next = 0;
		x->slot = NULL;
		x->asking = false;
		return 0;
	}
	if (x->slot == NULL)
		return (int)x->next;
	last = *x->slot;
	if (last == x->before) {
		/* Made no action (said and stopped when it was refused or
		 * cancelled, see xrun_stop): from the start. */
		x->next = 0;
		x->slot = NULL;
		return 0;
	}
	if (!action_finished(last)) {
		app_say(app, "%zu of %zu (%s) is still under way: x again once it ends", x->next, n,
		    work_name(&w[x->next - 1]));
		return -1;
	}
	if (action_state(last) != ACTION_OK) {
		app_say(app, "%zu of %zu ended %s: the %zu after it not run (x again starts over)",
		    x->next, n, action_state_name(action_state(last)), n - x->next);
		x->next = 0;
		x->slot = NULL;
		return -1;
	}
	return (int)x->next;
}

/* What this console's own last action from the step (or section) says
 * when it ended OK and the journal says nothing (no journal, say), into
 * buf: "this step already ran: its rollback on h1, begun 3 min ago, ended
 * OK"; "" otherwise. */
static void
own_ran(struct app *app, struct app_runbook *r, size_t section, size_t step, char *buf,
    size_t cap)
{
	const struct action *last = *step_slot(r, section, step);
	int64_t ago_s;

	buf[0] = '\0';
	if (last == NULL || !action_finished(last) || action_state(last) != ACTION_OK)
		return;
	ago_s = (loop_now_ms() - action_started_ms(last)) / 1000;
	snprintf(buf, cap, "this %s already ran: its %s on %s, begun %lld min ago, ended OK",
	    step == WR_RUNBOOK_NONE ? "section" : "step", action_verb(last),
	    app->cfg.hosts[action_host(last)].name, (long long)(ago_s / 60));
}

void
runbook_run_step(struct app *app)
{
	struct app_runbook *r;
	int host = app_selected_host(app);
	struct rb_row *rows;
	size_t step = WR_RUNBOOK_NONE, section = WR_RUNBOOK_NONE, n, nwork;
	struct runbook_work work[XRUN_MAX];
	char why[WR_ERR_MAX + 128];
	struct runbook_refusal ref;
	size_t nref;

	if (app->nrunbooks == 0) {
		app_say(app, "no runbook loaded: -r FILE opens one");
		return;
	}
	if (app->focus != PANE_RUNBOOK) {
		app_say(app, "select the step in RUNBOOK first (4, then x)");
		return;
	}
	r = &app->runbooks[app->rb_cur];
	rows = visible_rows(r, &n);
	if (app->rb_sel >= 0 && app->rb_sel < (int)n) {
		/* A section row runs the blocks that belong to the section itself. */
		if (rows[app->rb_sel].section)
			section = rows[app->rb_sel].idx;
		else
			section = r->rb.steps[step = rows[app->rb_sel].idx].section;
	}
	free(rows);
	if (section == WR_RUNBOOK_NONE) {
		app_say(app, "select a step or section first");
		return;
	}
	nwork = runbook_work_of(&r->rb, section, step, work, XRUN_MAX);
	if (nwork > XRUN_MAX)
		nwork = XRUN_MAX;
	/* Whatever the host: a step with a line that did not read runs none
	 * of its work, since a sequence with a hole in it (a drain never
	 * done, a fence that swallowed the next steps) is not what the
	 * author wrote. Every x on it says so, before the first item. */
	if (runbook_work_refusal(&r->rb, section, step, why, sizeof(why)) > 0) {
		app_say(app, "%s (warroom runbook %s lists every error)", why, r->path);
		actions_step_refused(app, step_slot(r, section, step), -1, "runbook.step", why);
		return;
	}
	/* Work this config cannot do is known from the start, as `warroom
	 * runbook -c` says it: refused before anything is asked, and not
	 * journalled, since nothing was confirmed (each x would add one). */
	if ((nref = config_refused(app, r, section, step, &ref, 1)) > 0) {
		app_say(app, "x refuses this %s: line %d: %s: %s%s (warroom runbook -c %s %s lists "
		    "every one)", step == WR_RUNBOOK_NONE ? "section" : "step", ref.line,
		    runbook_action_name(ref.kind), ref.why, nref > 1 ? ", and more" : "",
		    app->cfg.file, r->path);
		return;
	}
	if (host < 0 || app->pool == NULL) {
		app_say(app, "no host selected: pick one in HOSTS");
		return;
	}
	if (nwork > 1 || (nwork == 1 && work[0].bind != NULL)) {
		struct action **slot = step_slot(r, section, step);
		int k = xrun_next(app, section, step, work, nwork), rc = 0;
		bool has_action;

		if (k < 0)
			return;
		/* What ran before this x: its later items' dialogs say the same. */
		if (k == 0)
			note_rerun(app, r, section, step);
		app->xrun.next = (size_t)k + 1;
		app->xrun.slot = NULL;
		app->xrun.asking = false;
		has_action = work[k].bind == NULL || work[k].bind->kind == RUNBOOK_ACT_ROLLBACK ||
		    work[k].bind->kind == RUNBOOK_ACT_KILLSWITCH;
		if (has_action) {
			app->xrun.slot = slot;
			app->xrun.before = *slot;
		}
		if (work[k].bind != NULL)
			rc = run_binding(app, slot, work[k].bind, host);
		else
			run_commands(app, r, section, step, host);
		if (app->prompt_active) {
			app->xrun.asking = true;   /* settled when its prompt closes */
		} else if (has_action ? *slot == app->xrun.before : rc != 0) {
			/* Refused before it started: the footer's why stays. */
			xrun_stop(app, work, nwork, (size_t)k, "not done");
			return;
		}
		if (nwork > 1)
			xrun_say(app, work, nwork, (size_t)k);
		return;
	}
	note_rerun(app, r, section, step);
	run_commands(app, r, section, step, host);
}

/* The step's (or section's) shell commands: placeholders asked for, then
 * the script's dialog; a known command through its built-in action. */
static void
run_commands(struct app *app, struct app_runbook *r, size_t section, size_t step, int host)
{
	struct wr_err err;

	runbook_fill_free(&app->fill);
	if (runbook_fill_init(&app->fill, &r->rb, section, step, &err) != 0) {
		app_say(app, "%s", err.msg);
		/* Refused (not merely no commands): said in the journal too. */
		if (app->fill.route.path == RUNBOOK_PATH_REFUSED)
			actions_step_refused(app, step_slot(r, section, step), host, "runbook.step",
			    err.msg);
		return;
	}
	/* Known commands run through the built-in action, with its checks
	 * (runbook_route says when: all of them, or none). */
	switch (app->fill.known) {
	case RUNBOOK_ACT_K8S_UNDO:
	case RUNBOOK_ACT_HELM_ROLLBACK: {
		const struct runbook_command *cmd = app->fill.known_cmd;   /* r's own */
		int wait_s = app->fill.route.wait_s;

		runbook_fill_free(&app->fill);
		rollback_of(app, &cmd->action, cmd, step_slot(r, section, step), wait_s);
		return;
	}
	case RUNBOOK_ACT_KILLSWITCH: {
		const struct runbook_action *src = &app->fill.known_cmd->action;   /* r's own */
		struct runbook_action ks = { .kind = RUNBOOK_ACT_KILLSWITCH };
		const char *svc = app->fill.route.service;
		size_t i;

		for (i = 0; i < src->nargs; i++)
			runbook_action_add(&ks, src->args[i].key, src->args[i].value);
		/* `sed -i … .env`, then `up -d SERVICE`: the switch of that service. */
		if (svc != NULL && runbook_action_arg(&ks, "service") == NULL)
			runbook_action_add(&ks, "service", svc);
		runbook_fill_free(&app->fill);
		step_killswitch(app, step_slot(r, section, step), &ks, host);
		runbook_action_free(&ks);
		return;
	}
	case RUNBOOK_ACT_MIGRATE_DOWN: {
		/* The service the command names (run --rm SERVICE), on this host. */
		const char *name = runbook_action_arg(&app->fill.known_cmd->action, "service");
		int svc = name != NULL ? config_service_index(&app->cfg.hosts[host], name) : -1;
		char named[WR_NAME_MAX];

		wr_strlcpy(named, name ? name : "no named service", sizeof(named));
		runbook_fill_free(&app->fill);
		if (svc < 0) {
			app_say(app, "the step downgrades %s, which %s does not run", named,
			    app->cfg.hosts[host].name);
			actions_step_refused(app, step_slot(r, section, step), host, "migrate.down",
			    app->said);
			return;
		}
		app->target_host = host;
		app->target_svc = svc;
		app->target_slot = step_slot(r, section, step);
		actions_migrate_down(app);
		return;
	}
	default:
		break;
	}
	app->fill_host = host;
	app->fill_rb = app->rb_cur;
	app->fill_error[0] = '\0';
	app->fill_action = NULL;
	app->fill_hint[0] = '\0';
	/* What the host's config holds is not asked for (the dialog says
	 * where it came from). */
	runbook_fill_from_host(&app->fill, &app->cfg.hosts[host],
	    app->tokens != NULL ? app->tokens[host] : NULL);
	tagread_begin(app, host, -1);
	if (runbook_fill_done(&app->fill))
		fill_run(app);
	else
		fill_ask(app);
}

/* n bytes of s at (*y, *x) in attr, going on at column 4 of the next row
 * when the row is full, while *y < limit. */
static void
put_wrapping(WINDOW *win, int *y, int *x, int w, int limit, int attr, const char *s, size_t n)
{
	char seg[1024];
	const char *p = seg;
	size_t took;

	snprintf(seg, sizeof(seg), "%.*s", (int)n, s);
	while (*p != '\0' && *y < limit) {
		*x += ui_put_n(win, *y, *x, w - *x, attr, p, &took);
		p += took;
		if (*p != '\0') {
			(*y)++;
			*x = 4;
		}
	}
}

/* "action: NAME key=value ..." of a step's action, whole, into buf. */
static void
action_words(const struct runbook_action *act, const char *lead, char *buf, size_t cap)
{
	size_t a;

	snprintf(buf, cap, "%s%s", lead, runbook_action_name(act->kind));
	for (a = 0; a < act->nargs; a++)
		wr_appendf(buf, cap, " %s=%s", act->args[a].key, act->args[a].value);
}

/* One command with its placeholders in reverse video, whole: a long one
 * goes on in the rows below (*y ends after it), while *y < limit. */
static void
draw_command(struct app *app, WINDOW *win, int *y, int limit, int w,
    const struct runbook_command *c)
{
	int x = 2, norm = ui_attr(app, THEME_NORMAL), ph = ui_attr(app, THEME_WARN) | A_REVERSE;
	size_t at = 0;

	x += ui_put(win, *y, 2, 2, ui_attr(app, THEME_DIM), "$ ");
	while (at < c->len && *y < limit) {
		size_t next = c->len, plen = 0, p, k;

		for (p = 0; p < c->nph; p++)
			for (k = 0; k < c->ph[p].npos; k++)
				if (c->ph[p].pos[k].off >= at && c->ph[p].pos[k].off < next) {
					next = c->ph[p].pos[k].off;
					plen = c->ph[p].pos[k].len;
				}
		put_wrapping(win, y, &x, w, limit, norm, c->text + at, next - at);
		if (next < c->len)
			put_wrapping(win, y, &x, w, limit, ph, c->text + next, plen);
		at = next + plen;
	}
	(*y)++;
}

void
runbook_detail_draw(struct app *app, int lines, int cols)
{
	const struct app_runbook *r;
	size_t step, b, c, d, nbad, nref;
	int h = lines - 4, w = cols - 8, y = 1, cmds_from, rows, top;
	char line[1200];
	struct runbook_refusal ref[8];
	struct runbook_route route;
	WINDOW *win;

	if (app->nrunbooks == 0 || (step = selected_step(app)) == WR_RUNBOOK_NONE) {
		app->rb_detail = false;
		return;
	}
	r = &app->runbooks[app->rb_cur];
	snprintf(line, sizeof(line), " STEP %s:%d ", r->key, r->rb.steps[step].line);
	if ((win = ui_overlay(app, h, w, 2, 4, THEME_BORDER_FOCUS, line)) == NULL)
		return;
	ui_put_wrapped(win, &y, 2, w - 4, 0, h - 4, ui_attr(app, THEME_TITLE),
	    r->rb.steps[step].text);
	y++;
	/* What of the step did not read, first: the rest is only what did. */
	nbad = 0;
	for (d = 0; d < r->rb.ndiags && y < h - 3; d++) {
		const struct runbook_diag *dg = &r->rb.diags[d];

		if (dg->severity != RUNBOOK_ERROR ||
		    !runbook_diag_in_work(&r->rb, dg, r->rb.steps[step].section, step))
			continue;
		snprintf(line, sizeof(line), "! line %d: %s", dg->line, dg->msg);
		ui_put_wrapped(win, &y, 2, w - 4, 2, h - 3, ui_attr(app, THEME_WARN), line);
		nbad++;
	}
	/* Then what this config cannot do, as `warroom runbook -c` says it. */
	nref = config_refused(app, r, r->rb.steps[step].section, step, ref, WR_ARRAY_LEN(ref));
	for (d = 0; d < nref && d < WR_ARRAY_LEN(ref) && y < h - 3; d++) {
		snprintf(line, sizeof(line), "! line %d: %s: %s", ref[d].line,
		    runbook_action_name(ref[d].kind), ref[d].why);
		ui_put_wrapped(win, &y, 2, w - 4, 2, h - 3, ui_attr(app, THEME_WARN), line);
	}
	if (nbad > 0 || nref > 0)
		y++;
	cmds_from = y;
	runbook_route_of(&r->rb, r->rb.steps[step].section, step, &route);
	for (b = 0; b < r->rb.nblocks && y < h - 3; b++) {
		const struct runbook_block *blk = &r->rb.blocks[b];

		if (blk->step != step)
			continue;
		if (blk->kind == RUNBOOK_BLOCK_OUTPUT) {
			/* Shown, so the engineer knows why x passes it by. */
			snprintf(line, sizeof(line), "block of line %d: output, never run (line %d "
			    "starts with `%s`)", blk->line, blk->output_line, blk->output_word);
			ui_put_wrapped(win, &y, 2, w - 4, 2, h - 3, ui_attr(app, THEME_DIM), line);
		}
		for (c = 0; c < blk->ncmds && y < h - 3; c++) {
			const struct runbook_command *cmd = &blk->cmds[c];

			draw_command(app, win, &y, h - 3, w - 2, cmd);
			if (cmd == route.builtin) {
				/* Wrapped, as the step is: the overlay shows it whole. */
				action_words(&cmd->action, "built-in: ", line, sizeof(line));
				ui_put_wrapped(win, &y, 6, w - 8, 2, h - 3, ui_attr(app, THEME_OK), line);
			}
		}
		for (c = 0; c < blk->nbinds && y < h - 3; c++) {
			action_words(&blk->binds[c].action, "action: ", line, sizeof(line));
			ui_put_wrapped(win, &y, 2, w - 4, 2, h - 3, ui_attr(app, THEME_OK), line);
		}
	}
	if (nbad > 0 && y > cmds_from && y < h - 3) {
		/* What did read is listed, but x runs none of it. */
		ui_put_wrapped(win, &y, 2, w - 4, 2, h - 3, ui_attr(app, THEME_WARN),
		    "x runs none of this step until the runbook is fixed");
	} else if (nref > 0 && y > cmds_from && y < h - 3) {
		snprintf(line, sizeof(line), "x and Enter refuse this step: %s cannot do what it "
		    "asks", cfg_base(app));
		ui_put_wrapped(win, &y, 2, w - 4, 2, h - 3, ui_attr(app, THEME_WARN), line);
	} else if (route.path != RUNBOOK_PATH_NONE && y < h - 3) {
		/* Which way x goes, and why: never a part of the commands. */
		snprintf(line, sizeof(line), "x %s", route.why);
		ui_put_wrapped(win, &y, 2, w - 4, 2, h - 3, ui_attr(app, route.path ==
		    RUNBOOK_PATH_BUILTIN ? THEME_OK : THEME_DIM), line);
	}
	if (y == cmds_from)
		ui_put(win, y++, 2, w - 4, ui_attr(app, THEME_DIM), nbad > 0 ?
		    "nothing in this step could be read: x runs nothing" :
		    "no commands in this step");
	if (nbad > 0)
		snprintf(line, sizeof(line), "Fix the runbook: warroom runbook %s lists every "
		    "error.", r->path);
	else if (nref > 0)
		snprintf(line, sizeof(line), "Fix the step or %s: warroom runbook -c lists every "
		    "one.", cfg_base(app));
	else if (app->rb_detail_note[0] != '\0')
		wr_strlcpy(line, app->rb_detail_note, sizeof(line));
	else
		runbook_work_words(&r->rb, r->rb.steps[step].section, step, line, sizeof(line));
	/* Ends on the row above the key hint, wrapped upwards (at most three
	 * rows, never over the step): what x does with a step of several
	 * kinds of work is a sentence longer than a narrow overlay. */
	rows = 0;
	ui_put_wrapped(NULL, &rows, 2, w - 4, 2, 3, 0, line);
	top = h - 2 - rows;
	if (top < y)
		top = y < h - 3 ? y : h - 3;
	/* Why Enter showed the step rather than its dialog stands out. */
	ui_put_wrapped(win, &top, 2, w - 4, 2, h - 2, ui_attr(app, nbad == 0 && nref == 0 &&
	    app->rb_detail_note[0] != '\0' ? THEME_WARN : THEME_STATUS), line);
	ui_put(win, h - 2, 2, w - 4, ui_attr(app, THEME_DIM),
	    "Highlighted: placeholders. Esc or Enter closes.");
	wnoutrefresh(win);
	delwin(win);
}

const struct view_ops view_runbook_ops = {
	.name = "RUNBOOK",
	.draw = runbook_draw,
	.key = runbook_key,
};
