/*
 * view_metrics.c — the METRICS pane: for the selected host, the verdict of
 * the decision matrix with its reason, the error rate and p95 latency with
 * sparklines of the last ten minutes (fitted to the pane, newest at the
 * right), the request rate, where the figures come from when it is a
 * Prometheus server, and the thresholds in
 * force; below, one line per other host with its verdict, worst first. A
 * verdict hysteresis holds says so first, in the title and its reason.
 */
#include "warroom/ui.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

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

static void
metrics_draw(struct app *app, WINDOW *win, int h, int w, bool focused)
{
	const struct config_thresholds *t = &app->cfg.thresholds;
	int host = app_selected_host(app), y = 0, x;
	const struct host_metrics *m = app_metrics(app, host);
	const struct config_host *hc;
	bool prom;
	char line[2048], a[96], b[32], spark[1600];
	/* The sparklines take what is left after "errors 12.3%  ". */
	size_t cols = w > 20 ? (size_t)(w - 2 - 15) : 4;
	size_t i;

	if (host < 0) {
		ui_put(win, 0, 1, w - 1, ui_attr(app, THEME_DIM), app->cfg.nhosts == 0 ?
		    "no hosts configured" : "no row selected: the HOSTS filter shows none");
		return;
	}
	hc = &app->cfg.hosts[host];
	prom = config_uses_prometheus(hc);
	if (hc->metrics_url[0] == '\0' && !prom) {
		snprintf(line, sizeof(line), "%s: no metrics_url in the config", hc->name);
		ui_put(win, 0, 1, w - 1, ui_attr(app, THEME_DIM), line);
		return;
	}
	if (m == NULL || m->nhist == 0) {
		snprintf(line, sizeof(line), prom ? "%s: waiting for Prometheus's first answers" :
		    "%s: waiting for the first scrapes", hc->name);
		ui_put(win, 0, 1, w - 1, ui_attr(app, THEME_DIM), line);
		return;
	}
	x = ui_put(win, y, 0, w, ui_attr(app, THEME_TITLE), app->cfg.hosts[host].name);
	x += ui_put(win, y, x, w - x, A_NORMAL, "  ");
	/* A level hysteresis holds says so beside it: after a rollback the
	 * metrics are calm while it still reads ROLLBACK IMMEDIATELY. */
	decide_headline(&m->verdict, w - x, a, sizeof(a));
	ui_put(win, y, x, w - x, ui_attr(app, level_role(m->verdict.level)) | A_BOLD, a);
	y++;
	decide_reason_shown(&m->verdict, spark, sizeof(spark));
	ui_put(win, y++, 2, w - 2, ui_attr(app, THEME_NORMAL),
	    reason_without(spark, m->error, line, sizeof(line)));
	/* Scrapes through the SSH connection stop with it: say so. */
	if (y < h && app->cfg.hosts[host].tunnel && app->pool != NULL &&
	    ssh_pool_status(app->pool, host)->state != SSH_UP) {
		long ago = m->at_ms > 0 ? (long)(app_now(app) - m->at_ms / 1000) : -1;

		if (ago >= 0)
			snprintf(line, sizeof(line), "no %s while %s is not UP; the last was %lds ago",
			    prom ? "Prometheus queries" : "scrapes", hc->name, ago);
		else
			snprintf(line, sizeof(line), "no %s while %s is not UP",
			    prom ? "Prometheus queries" : "scrapes", hc->name);
		ui_put(win, y++, 2, w - 2, ui_attr(app, THEME_WARN), line);
	}
	if (y < h) {
		decide_format_percent(m->have_rates ? m->rates.error_rate : NAN, a, sizeof(a));
		decide_sparkline_fit(m->error_hist, (size_t)m->nhist, cols, spark, sizeof(spark));
		snprintf(line, sizeof(line), "errors %-7s %s", a, spark);
		ui_put(win, y++, 2, w - 2, ui_attr(app, THEME_NORMAL), line);
	}
	if (y < h) {
		decide_format_ms(m->have_rates ? m->rates.p95_s * 1000.0 : NAN, b, sizeof(b));
		decide_sparkline_fit(m->p95_hist, (size_t)m->nhist, cols, spark, sizeof(spark));
		snprintf(line, sizeof(line), "p95    %-7s %s", b, spark);
		ui_put(win, y++, 2, w - 2, ui_attr(app, THEME_NORMAL), line);
	}
	if (y < h && m->have_rates && !isnan(m->rates.request_rate)) {
		snprintf(line, sizeof(line), "%.1f req/s%s%s%s", m->rates.request_rate,
		    m->rates.reset ? "  (counters reset: the process restarted)" : "",
		    prom ? ", from Prometheus at " : "", prom ? hc->prom.url : "");
		ui_put(win, y++, 2, w - 2, ui_attr(app, THEME_DIM), line);
	} else if (y < h && prom) {
		snprintf(line, sizeof(line), "from Prometheus at %s", hc->prom.url);
		ui_put(win, y++, 2, w - 2, ui_attr(app, THEME_DIM), line);
	}
	/* Prometheus's words about a query run long, and the end of them
	 * ("parse error: …") is what to fix: up to three rows. */
	if (y < h && m->error[0] != '\0')
		ui_put_wrapped(win, &y, 2, w - 2, 2, y + 3 < h ? y + 3 : h,
		    ui_attr(app, THEME_BAD), m->error);
	/* Restarts per service within the restarts window, as the driver
	 * counts them (k8s from the pods, compose from docker inspect's
	 * totals; helm does not say). */
	if (y < h) {
		const struct config_host *ch = &app->cfg.hosts[host];
		size_t len = 0;
		int k, known = 0;

		decide_format_window(t->restarts_window_s, b, sizeof(b));
		len = (size_t)snprintf(line, sizeof(line), "restarts%s%s", ch->driver != DRIVER_HELM ?
		    " in " : "", ch->driver != DRIVER_HELM ? b : "");
		for (k = 0; k < ch->nservices && len < sizeof(line) - 80; k++) {
			const struct svc_state *s = poller_state(app->poller, host, k);

			if (s == NULL || s->restarts < 0)
				continue;
			len += (size_t)snprintf(line + len, sizeof(line) - len, "%s %s %d",
			    known++ ? "," : ":", ch->services[k], s->restarts);
		}
		if (known == 0 && ch->driver == DRIVER_HELM)
			snprintf(line + len, sizeof(line) - len, ": not reported by %s",
			    config_driver_name(ch->driver));
		else if (known == 0)
			snprintf(line + len, sizeof(line) - len, ": unknown");
		ui_put(win, y++, 2, w - 2, ui_attr(app, THEME_DIM), line);
	}
	if (y < h) {
		decide_format_percent(t->error_rate_rollback, a, sizeof(a));
		decide_format_ms(t->p95_rollback_ms, b, sizeof(b));
		/* The operators the rule applies (a runbook's ">= 5%" is ≥). */
		snprintf(line, sizeof(line), "rollback at errors %s %s or p95 %s %s%s",
		    (t->at_or_above & WR_TH_GE_ERROR_ROLLBACK) ? "\xe2\x89\xa5" : ">", a,
		    (t->at_or_above & WR_TH_GE_P95_ROLLBACK) ? "\xe2\x89\xa5" : ">", b,
		    app->matrix_from[0] ? " (matrix: " : "");
		if (app->matrix_from[0])
			snprintf(line + strlen(line), sizeof(line) - strlen(line), "%s)",
			    app->matrix_from);
		ui_put(win, y++, 2, w - 2, ui_attr(app, THEME_DIM), line);
	}
	/* The other hosts, worst first, as long as there is room. */
	for (int lvl = DECIDE_ROLLBACK; lvl >= DECIDE_OK && y < h; lvl--)
		for (i = 0; i < app->cfg.nhosts && y < h; i++) {
			const struct host_metrics *o = app_metrics(app, (int)i);

			if ((int)i == host || o == NULL || o->nhist == 0 || (int)o->verdict.level != lvl)
				continue;
			decide_headline(&o->verdict, w - 15, a, sizeof(a));
			snprintf(line, sizeof(line), "%-14s %s", app->cfg.hosts[i].name, a);
			x = ui_put(win, y, 0, w, ui_attr(app, level_role(o->verdict.level)), line);
			/* Its reason after it, dim, as far as the pane allows: why
			 * another host is red, without selecting it. */
			if (x + 2 < w) {
				decide_reason_shown(&o->verdict, spark, sizeof(spark));
				snprintf(line, sizeof(line), "  %s", spark);
				ui_put(win, y, x, w - x, ui_attr(app, THEME_DIM), line);
			}
			y++;
		}
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
