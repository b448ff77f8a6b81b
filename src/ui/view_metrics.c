/*
 * view_metrics.c — the METRICS pane: for the selected host, the verdict of
 * the decision matrix with its reason, the error rate and p95 latency with
 * sparklines of the last ten minutes (fitted to the pane, newest at the
 * right, a full bar at the rollback threshold, no data a gap), the
 * request rate, where the figures come from when it is a
 * Prometheus server, and the thresholds in
 * force; below, one line per other host with its verdict, worst first. A
 * verdict hysteresis holds says so first, in the title and its reason.
 * Short of room, rows go in metrics_pane.c's order (the verdict, its
 * reason, errors and p95 last) and the bottom border counts what went.
 */
#include "warroom/ui.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/metrics_pane.h"
#include "warroom/poller.h"
#include "warroom/ssh.h"

static enum theme_role
level_role(enum decide_level l)
{
	switch (l) {
	case DECIDE_ROLLBACK: return THEME_BAD;
	case DECIDE_CONSIDER: case DECIDE_MONITOR: return THEME_WARN;
	case DECIDE_OK: return THEME_OK;
	case DECIDE_NO_DATA: break;
	}
	return THEME_DIM;
}

/* The verdict's reason without " (why)" when why is shown on its own
 * line below (in the colour of trouble, wrapped): said once. */
static const char *
reason_without(const char *reason, const char *why, char *buf, size_t cap)
{
	char needle[sizeof(((struct host_metrics *)0)->error) + 4];
	const char *at;
	size_t n;

	if (why[0] == '\0')
		return reason;
	snprintf(needle, sizeof(needle), " (%s)", why);
	if ((at = strstr(reason, needle)) == NULL)
		return reason;
	n = (size_t)(at - reason);
	snprintf(buf, cap, "%.*s%s", (int)n, reason, at + strlen(needle));
	return buf;
}

/* What every row of one frame draws from. */
struct pane {
	struct app *app;
	WINDOW *win;
	int w;
	int host;                        /* the selected host */
	const struct config_host *hc;
	const struct host_metrics *m;    /* NULL: a one-line message instead */
	const char *msg;                 /* … this one */
	bool prom;
	bool why_shown;                  /* the scrape's failure has rows of its own */
};

static void
put_verdict(const struct pane *p, int y)
{
	char a[96];
	int x;

	if (p->m == NULL) {
		ui_put(p->win, y, 1, p->w - 1, ui_attr(p->app, THEME_DIM), p->msg);
		return;
	}
	x = ui_put(p->win, y, 0, p->w, ui_attr(p->app, THEME_TITLE), p->hc->name);
	x += ui_put(p->win, y, x, p->w - x, A_NORMAL, "  ");
	/* A level hysteresis holds says so beside it: after a rollback the
	 * metrics are calm while it still reads ROLLBACK IMMEDIATELY. */
	decide_headline(&p->m->verdict, p->w - x, a, sizeof(a));
	ui_put(p->win, y, x, p->w - x, ui_attr(p->app, level_role(p->m->verdict.level)) | A_BOLD, a);
}

static void
put_down(const struct pane *p, int y)
{
	const struct host_metrics *m = p->m;
	long ago = m->at_ms > 0 ? (long)(app_now(p->app) - m->at_ms / 1000) : -1;
	char line[2048];

	if (ago >= 0)
		snprintf(line, sizeof(line), "no %s while %s is not UP; the last was %lds ago",
		    p->prom ? "Prometheus queries" : "scrapes", p->hc->name, ago);
	else
		snprintf(line, sizeof(line), "no %s while %s is not UP",
		    p->prom ? "Prometheus queries" : "scrapes", p->hc->name);
	ui_put(p->win, y, 2, p->w - 2, ui_attr(p->app, THEME_WARN), line);
}

/* errors or p95, with its sparkline scaled to the rollback threshold in
 * force (a healthy line sits low) and that scale after it. */
static void
put_series(const struct pane *p, int y, bool p95)
{
	const struct host_metrics *m = p->m;
	const struct config_thresholds *t = &p->app->cfg.thresholds;
	char line[1700];

	if (p95)
		metrics_pane_series(true, m->have_rates ? m->rates.p95_s * 1000.0 : NAN, m->p95_hist,
		    (size_t)m->nhist, t->p95_rollback_ms, p->w - 2, line, sizeof(line));
	else
		metrics_pane_series(false, m->have_rates ? m->rates.error_rate : NAN, m->error_hist,
		    (size_t)m->nhist, t->error_rate_rollback, p->w - 2, line, sizeof(line));
	ui_put(p->win, y, 2, p->w - 2, ui_attr(p->app, THEME_NORMAL), line);
}

static void
put_rate(const struct pane *p, int y)
{
	const struct host_metrics *m = p->m;
	char line[2048];

	if (m->have_rates && !isnan(m->rates.request_rate))
		snprintf(line, sizeof(line), "%.1f req/s%s%s%s", m->rates.request_rate,
		    m->rates.reset ? "  (counters reset: the process restarted)" : "",
		    p->prom ? ", from Prometheus at " : "", p->prom ? p->hc->prom.url : "");
	else
		snprintf(line, sizeof(line), "from Prometheus at %s", p->hc->prom.url);
	ui_put(p->win, y, 2, p->w - 2, ui_attr(p->app, THEME_DIM), line);
}

/* Restarts per service within the restarts window, as the driver counts
 * them (k8s from the pods, compose from docker inspect's totals; helm
 * does not say). */
static void
put_restarts(const struct pane *p, int y)
{
	const struct config_host *ch = p->hc;
	char line[2048], b[32];
	size_t len;
	int k, known = 0;

	decide_format_window(p->app->cfg.thresholds.restarts_window_s, b, sizeof(b));
	len = (size_t)snprintf(line, sizeof(line), "restarts%s%s", ch->driver != DRIVER_HELM ?
	    " in " : "", ch->driver != DRIVER_HELM ? b : "");
	for (k = 0; k < ch->nservices && len < sizeof(line) - 80; k++) {
		const struct svc_state *s = poller_state(p->app->poller, p->host, k);

		if (s == NULL || s->restarts < 0)
			continue;
		len += (size_t)snprintf(line + len, sizeof(line) - len, "%s %s %d",
		    known++ ? "," : ":", ch->services[k], s->restarts);
	}
	/* Restarts before the console watched are seen only in part (a pod
	 * shows its last termination, a container its last start): until it
	 * has watched a whole window the counts are lower bounds. */
	if (known > 0 && p->app->started > 0 &&
	    app_now(p->app) - p->app->started < p->app->cfg.thresholds.restarts_window_s)
		snprintf(line + len, sizeof(line) - len, " (at least: watched %lds so far)",
		    (long)(app_now(p->app) - p->app->started));
	else if (known == 0 && ch->driver == DRIVER_HELM)
		snprintf(line + len, sizeof(line) - len, ": not reported by %s",
		    config_driver_name(ch->driver));
	else if (known == 0)
		snprintf(line + len, sizeof(line) - len, ": unknown");
	ui_put(p->win, y, 2, p->w - 2, ui_attr(p->app, THEME_DIM), line);
}

static void
put_thresholds(const struct pane *p, int y)
{
	const struct config_thresholds *t = &p->app->cfg.thresholds;
	char line[1024], a[32], b[32];

	decide_format_percent(t->error_rate_rollback, a, sizeof(a));
	decide_format_ms(t->p95_rollback_ms, b, sizeof(b));
	/* The operators the rule applies (a runbook's ">= 5%" is ≥). */
	snprintf(line, sizeof(line), "rollback at errors %s %s or p95 %s %s%s",
	    (t->at_or_above & WR_TH_GE_ERROR_ROLLBACK) ? "\xe2\x89\xa5" : ">", a,
	    (t->at_or_above & WR_TH_GE_P95_ROLLBACK) ? "\xe2\x89\xa5" : ">", b,
	    p->app->matrix_from[0] ? " (matrix: " : "");
	if (p->app->matrix_from[0])
		snprintf(line + strlen(line), sizeof(line) - strlen(line), "%s)",
		    p->app->matrix_from);
	ui_put(p->win, y, 2, p->w - 2, ui_attr(p->app, THEME_DIM), line);
}

/* Another host's verdict, and its reason after it, dim, as far as the
 * pane allows: why another host is red, without selecting it. */
static void
put_host(const struct pane *p, int y, int i)
{
	const struct host_metrics *o = app_metrics(p->app, i);
	char a[96], line[1100];
	int x;

	decide_headline(&o->verdict, p->w - 15, a, sizeof(a));
	snprintf(line, sizeof(line), "%-14s %s", p->app->cfg.hosts[i].name, a);
	x = ui_put(p->win, y, 0, p->w, ui_attr(p->app, level_role(o->verdict.level)), line);
	if (x + 2 < p->w) {
		line[0] = line[1] = ' ';
		decide_reason_shown(&o->verdict, line + 2, sizeof(line) - 2);
		ui_put(p->win, y, x, p->w - x, ui_attr(p->app, THEME_DIM), line);
	}
}

/* Row r at *y, moving *y past it; host: another host's row, which. */
static void
put_row(const struct pane *p, int *y, const struct metrics_pane_row *r, int host)
{
	char reason[1600], line[1600];

	switch (r->kind) {
	case METRICS_PANE_VERDICT:
		put_verdict(p, *y);
		break;
	case METRICS_PANE_REASON:
		/* Its "(why)" is said once: here unless the rows below say it. */
		decide_reason_shown(&p->m->verdict, reason, sizeof(reason));
		ui_put(p->win, *y, 2, p->w - 2, ui_attr(p->app, THEME_NORMAL), p->why_shown ?
		    reason_without(reason, p->m->error, line, sizeof(line)) : reason);
		break;
	case METRICS_PANE_DOWN:
		put_down(p, *y);
		break;
	case METRICS_PANE_ERRORS:
	case METRICS_PANE_P95:
		put_series(p, *y, r->kind == METRICS_PANE_P95);
		break;
	case METRICS_PANE_RATE:
		put_rate(p, *y);
		break;
	case METRICS_PANE_WHY:
		/* Prometheus's words about a query run long, and the end of
		 * them ("parse error: …") is what to fix: up to three rows. */
		ui_put_wrapped(p->win, y, 2, p->w - 2, 2, *y + r->rows,
		    ui_attr(p->app, THEME_BAD), p->m->error);
		return;
	case METRICS_PANE_RESTARTS:
		put_restarts(p, *y);
		break;
	case METRICS_PANE_THRESHOLDS:
		put_thresholds(p, *y);
		break;
	case METRICS_PANE_BAD_HOST:
	case METRICS_PANE_HOST:
		put_host(p, *y, host);
		break;
	}
	(*y)++;
}

/* The rows the pane would draw with room for all, in drawing order, and
 * for another host's row which host (else -1); returns how many (room
 * for 10 and one per host). */
static int
pane_rows(const struct pane *p, struct metrics_pane_row *rows, int *hosts)
{
	const struct host_metrics *m = p->m;
	int n = 0, lvl, y = 0;
	size_t i;

#define ROW(k) (hosts[n] = -1, rows[n++] = (struct metrics_pane_row){ .kind = (k), .height = 1 })
	ROW(METRICS_PANE_VERDICT);
	if (m != NULL) {
		ROW(METRICS_PANE_REASON);
		/* Scrapes through the SSH connection stop with it: say so. */
		if (p->hc->tunnel && p->app->pool != NULL &&
		    ssh_pool_status(p->app->pool, p->host)->state != SSH_UP)
			ROW(METRICS_PANE_DOWN);
		ROW(METRICS_PANE_ERRORS);
		ROW(METRICS_PANE_P95);
		if ((m->have_rates && !isnan(m->rates.request_rate)) || p->prom)
			ROW(METRICS_PANE_RATE);
		if (m->error[0] != '\0') {
			ui_put_wrapped(NULL, &y, 2, p->w - 2, 2, 3, 0, m->error);
			ROW(METRICS_PANE_WHY);
			rows[n - 1].height = y > 0 ? y : 1;
			rows[n - 1].min_height = 1;
		}
		ROW(METRICS_PANE_RESTARTS);
		ROW(METRICS_PANE_THRESHOLDS);
	}
#undef ROW
	/* The other hosts, worst first. */
	for (lvl = DECIDE_ROLLBACK; lvl >= DECIDE_OK; lvl--)
		for (i = 0; i < p->app->cfg.nhosts; i++) {
			const struct host_metrics *o = app_metrics(p->app, (int)i);

			if ((int)i == p->host || o == NULL || o->nhist == 0 ||
			    (int)o->verdict.level != lvl)
				continue;
			hosts[n] = (int)i;
			rows[n++] = (struct metrics_pane_row){ .kind = lvl >= DECIDE_MONITOR ?
				METRICS_PANE_BAD_HOST : METRICS_PANE_HOST, .height = 1, .level = lvl };
		}
	return n;
}

/* On the bottom border: how many rows are out of sight, naming the worst
 * hidden host, and (unzoomed) that z shows them. */
static void
more_marker(const struct pane *p, int hidden, int level, const char *name)
{
	char text[200];
	int form, attr = ui_attr(p->app, name == NULL ? THEME_TITLE :
	    level >= DECIDE_CONSIDER ? THEME_BAD : THEME_WARN);
	bool put = false;

	for (form = 0; !put && metrics_pane_more(p->app->screen->utf8, hidden, name, level,
	    !p->app->zoomed, form, text, sizeof(text)); form++)
		put = ui_frame_put(p->win, true, false, attr, text);
}

static void
metrics_draw(struct app *app, WINDOW *win, int h, int w, bool focused)
{
	struct pane p = { .app = app, .win = win, .w = w, .host = app_selected_host(app) };
	char msg[512];
	struct metrics_pane_row *rows;
	int *hosts, i, n, y = 0, hidden, worst;

	if (p.host < 0) {
		ui_put(win, 0, 1, w - 1, ui_attr(app, THEME_DIM), app->cfg.nhosts == 0 ?
		    "no hosts configured" : "no row selected: the HOSTS filter shows none");
		return;
	}
	p.hc = &app->cfg.hosts[p.host];
	p.prom = config_uses_prometheus(p.hc);
	p.m = app_metrics(app, p.host);
	p.msg = msg;
	if (p.hc->metrics_url[0] == '\0' && !p.prom) {
		snprintf(msg, sizeof(msg), "%s: no metrics_url in the config", p.hc->name);
		p.m = NULL;
	} else if (p.m == NULL || p.m->nhist == 0) {
		snprintf(msg, sizeof(msg), p.prom ? "%s: waiting for Prometheus's first answers" :
		    "%s: waiting for the first scrapes", p.hc->name);
		p.m = NULL;
	}
	rows = xcalloc(app->cfg.nhosts + 10, sizeof(*rows));
	hosts = xcalloc(app->cfg.nhosts + 10, sizeof(*hosts));
	n = pane_rows(&p, rows, hosts);
	/* Short of room, the verdict, its reason, errors and p95 stay; what
	 * goes is counted on the border, never left out silently. */
	hidden = metrics_pane_fit(rows, n, h, &worst);
	for (i = 0; i < n; i++)
		if (rows[i].kind == METRICS_PANE_WHY)
			p.why_shown = rows[i].shown;
	for (i = 0; i < n && y < h; i++)
		if (rows[i].shown)
			put_row(&p, &y, &rows[i], hosts[i]);
	if (hidden > 0)
		more_marker(&p, hidden, worst >= 0 ? rows[worst].level : 0,
		    worst >= 0 ? app->cfg.hosts[hosts[worst]].name : NULL);
	free(hosts);
	free(rows);
}

static bool
metrics_key(struct app *app, enum wr_command cmd, int page)
{
	return false;
}

const struct view_ops view_metrics_ops = {
	.name = "METRICS",
	.draw = metrics_draw,
	.key = metrics_key,
};
