/*
 * tagread.c — what a tag placeholder's prompt shows (<GOOD_TAG>, a
 * binding's to=<TAG>): beside the question, what the host's services run
 * now, as the k8s revision prompt says it; above the footer on a Compose
 * host, the tags its releases.log offers to go back to, labelled as the
 * rollback dialog lists them, this incident's rollback targets first;
 * for a step on several services, each says which it fits (a tag that
 * suits one may be the one another runs). releases.log is read once per prompt, in
 * the background, with the planning read's own command: the prompt
 * never waits for it, and the box says while it is being read or why it
 * could not be. Only ever a read: x has passed the choke point already.
 */
#include "warroom/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/driver_cmd.h"
#include "warroom/exec.h"
#include "warroom/plan.h"
#include "warroom/poller.h"
#include "warroom/rbtarget.h"
#include "warroom/ssh.h"

#define TAGREAD_CANDIDATES 8

struct tagread {
	struct app *app;
	int host, svc;                   /* svc -1: every service of the host */
	bool started, done;
	struct exec_cmd *cmd;            /* the read in flight, or NULL */
	struct wr_buf log;               /* what it printed */
	char error[600];                 /* why there is no list, or "" */
	struct plan_tag_fit c[TAGREAD_CANDIDATES];
	size_t n;
};

static struct tagread *
state(struct app *app)
{
	if (app->tagread == NULL) {
		app->tagread = xcalloc(1, sizeof(*app->tagread));
		app->tagread->app = app;
		app->tagread->host = -1;
	}
	return app->tagread;
}

static void
forget(struct tagread *t)
{
	if (t->cmd != NULL)
		exec_cancel(t->cmd);     /* its on_done runs now: nothing kept */
	free(t->log.s);
	memset(&t->log, 0, sizeof(t->log));
	t->started = t->done = false;
	t->error[0] = '\0';
	t->n = 0;
}

void
tagread_begin(struct app *app, int host, int svc)
{
	struct tagread *t = state(app);

	forget(t);
	t->host = host;
	t->svc = svc;
}

/* The service whose tag the candidates are judged against: the named
 * one, else the host's first with a tag read. */
static int
service_of(const struct app *app, const struct tagread *t)
{
	int k;

	if (t->svc >= 0)
		return t->svc;
	for (k = 0; k < app->cfg.hosts[t->host].nservices; k++) {
		const struct svc_state *s = poller_state(app->poller, t->host, k);

		if (s != NULL && s->have_driver && s->tag[0] != '\0')
			return k;
	}
	return 0;
}

static void
read_line(enum exec_stream s, const char *line, size_t len, bool cut, void *arg)
{
	struct tagread *t = arg;

	(void)cut;
	if (s != EXEC_STDOUT || t->log.len > 64 * 1024)
		return;
	wr_buf_add(&t->log, line, len);
	wr_buf_add(&t->log, "\n", 1);
}

/* releases.log in: each service's candidates, with the journal's seen
 * and bad tags for it, as the rollback dialog would list them, merged
 * with the tags this incident's rollbacks of them went to. */
static void
read_done(const struct exec_result *r, void *arg)
{
	struct tagread *t = arg;
	struct app *app = t->app;
	const struct config_host *h = &app->cfg.hosts[t->host];
	char seen[4][128], targets[WR_SERVICES_MAX][128];
	struct plan_bad bad[8];
	struct plan_candidate (*c)[TAGREAD_CANDIDATES];
	struct plan_tag_svc sv[WR_SERVICES_MAX];
	size_t nseen = 0, nbad = 0, ns = 0, nt = 0, i;
	const struct svc_state *s;
	struct rbtarget rb;
	int k;

	t->cmd = NULL;
	t->done = true;
	app->dirty = true;
	if (!r->finished || r->exit_status != 0) {
		if (r->finished)
			snprintf(t->error, sizeof(t->error), "releases.log not read: the read exited %d",
			    r->exit_status);
		else
			snprintf(t->error, sizeof(t->error), "releases.log not read: %s",
			    r->error[0] ? r->error : r->timed_out ? "timed out" : "the read failed");
		return;
	}
	c = xcalloc(WR_SERVICES_MAX, sizeof(*c));
	/* The named service, else every one whose tag was read (else the
	 * first, judged against no tag). */
	for (k = 0; k < h->nservices && ns < WR_SERVICES_MAX; k++) {
		s = poller_state(app->poller, t->host, k);
		if (t->svc >= 0 ? k != t->svc : k != service_of(app, t) &&
		    (s == NULL || !s->have_driver || s->tag[0] == '\0'))
			continue;
		journal_rollback_tags(app, t->host, k, seen, 4, &nseen, bad, 8, &nbad);
		sv[ns].name = h->services[k];
		sv[ns].running = s != NULL ? s->tag : "";
		sv[ns].c = c[ns];
		sv[ns].n = plan_compose_candidates(t->log.s != NULL ? t->log.s : "", t->log.len,
		    sv[ns].running, (const char (*)[128])seen, nseen, bad, nbad,
		    c[ns], TAGREAD_CANDIDATES);
		if (journal_rollback_target(app, t->host, k, &rb) && rb.to[0] != '\0') {
			for (i = 0; i < nt && strcmp(targets[i], rb.to) != 0; i++)
				;
			if (i == nt)
				wr_strlcpy(targets[nt++], rb.to, sizeof(targets[0]));
		}
		ns++;
	}
	t->n = plan_tag_merge(sv, ns, (const char (*)[128])targets, nt, t->c, TAGREAD_CANDIDATES);
	free(c);
	s = poller_state(app->poller, t->host, service_of(app, t));
	if (t->n == 0)
		snprintf(t->error, sizeof(t->error), "releases.log names no earlier successful tag "
		    "than %s", s != NULL && s->tag[0] ? s->tag : "the running one");
}

static void
start_read(struct app *app, struct tagread *t)
{
	const struct config_host *h = &app->cfg.hosts[t->host];
	char q[WR_CMD_MAX] = "", cmd[WR_CMD_MAX + 96];
	struct exec_opts o = {
		.timeout_ms = 15000, .on_line = read_line, .on_done = read_done, .arg = t,
	};
	struct wr_err err;

	t->started = true;
	if (!driver_cmd_quote(q, sizeof(q), h->compose_dir)) {
		t->done = true;
		snprintf(t->error, sizeof(t->error), "releases.log not read: compose_dir too long");
		return;
	}
	snprintf(cmd, sizeof(cmd), "cd %s && (tail -n 100 releases.log 2>/dev/null || true)", q);
	if (app->pool == NULL || (t->cmd = exec_start(app->pool, t->host, cmd, &o, &err)) == NULL) {
		t->done = true;
		snprintf(t->error, sizeof(t->error), "releases.log not read: %s",
		    app->pool == NULL ? "no connection" : err.msg);
	}
}

/* Is the prompt open on a tag of the host tagread_begin named? */
static bool
asking_tag(const struct app *app)
{
	const struct tagread *t = app->tagread;

	return t != NULL && t->host >= 0 && app->prompt_active && app->prompt_kind == PROMPT_FILL &&
	    app->fill.cur < app->fill.n && app->fill.tag[app->fill.cur];
}

void
tagread_ask(struct app *app)
{
	struct tagread *t = state(app);
	const char *names[WR_SERVICES_MAX], *states[WR_SERVICES_MAX];
	char words[WR_SERVICES_MAX][160];
	const struct config_host *h;
	size_t n = 0;
	int k;

	if (t->host < 0 || app->fill.cur >= app->fill.n || !app->fill.tag[app->fill.cur]) {
		/* A rollback's revision keeps the hint rollback_of gave it. */
		if (app->fill_action == NULL)
			app->fill_hint[0] = '\0';
		return;
	}
	h = &app->cfg.hosts[t->host];
	/* What runs now, as the k8s revision prompt says it. */
	for (k = 0; k < h->nservices && n < WR_SERVICES_MAX; k++) {
		const struct svc_state *s = poller_state(app->poller, t->host, k);

		if (t->svc >= 0 && k != t->svc)
			continue;
		words[n][0] = '\0';
		if (s != NULL && s->have_driver && s->tag[0] != '\0' && s->revision > 0)
			snprintf(words[n], sizeof(words[n]), "revision %d, %s", s->revision, s->tag);
		else if (s != NULL && s->have_driver && s->tag[0] != '\0')
			snprintf(words[n], sizeof(words[n]), "%s", s->tag);
		names[n] = h->services[k];
		states[n] = words[n];
		n++;
	}
	runbook_fill_running(names, states, n, app->fill_hint, sizeof(app->fill_hint));
	/* Where it could go back to: releases.log is a Compose host's. */
	if (h->driver == DRIVER_COMPOSE && !t->started)
		start_read(app, t);
}

void
tagread_draw(struct app *app, int lines, int cols)
{
	const struct tagread *t = app->tagread;
	int w = cols - 8 < 100 ? cols - 8 : 100, bh = 0, y = 1, pass;
	int frows = app->screen != NULL && app->screen->footer_rows > 1 ?
	    app->screen->footer_rows : 1;
	char line[300];
	WINDOW *win = NULL;
	size_t i;

	if (!asking_tag(app) || app->cfg.hosts[t->host].driver != DRIVER_COMPOSE || w < 20)
		return;
	/* Twice: to measure the box, then to draw in it. */
	for (pass = 0; pass < 2; pass++) {
		/* Above every footer row: the prompt's question may take some. */
		int limit = pass == 0 ? lines - 3 - frows : bh - 1;

		y = 1;
		if (!t->done) {
			snprintf(line, sizeof(line), "reading releases.log on %s…",
			    app->cfg.hosts[t->host].name);
			ui_put_wrapped(win, &y, 2, w - 4, 2, limit, ui_attr(app, THEME_DIM), line);
		} else if (t->n == 0) {
			ui_put_wrapped(win, &y, 2, w - 4, 2, limit, ui_attr(app, THEME_WARN), t->error);
		} else {
			snprintf(line, sizeof(line), "%s could go back to, as the rollback dialog "
			    "lists them:", app->cfg.hosts[t->host].name);
			ui_put_wrapped(win, &y, 2, w - 4, 2, limit, ui_attr(app, THEME_DIM), line);
			for (i = 0; i < t->n; i++)
				ui_put_wrapped(win, &y, 4, w - 6, 2, limit, t->c[i].marked ?
				    ui_attr(app, THEME_WARN) : ui_attr(app, THEME_NORMAL), t->c[i].label);
		}
		ui_put_wrapped(win, &y, 2, w - 4, 2, limit, ui_attr(app, THEME_DIM),
		    "type the tag in the footer: nothing is guessed");
		if (pass == 1)
			break;
		bh = y + 1;
		if (bh < 3 || (win = ui_overlay(app, bh, w, lines - frows - bh, (cols - w) / 2,
		    THEME_BORDER_FOCUS, " TAGS TO GO BACK TO ")) == NULL)
			return;
	}
	wnoutrefresh(win);
	delwin(win);
}

void
tagread_free(struct app *app)
{
	if (app->tagread == NULL)
		return;
	forget(app->tagread);
	free(app->tagread);
	app->tagread = NULL;
}
