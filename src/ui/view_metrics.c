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

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/metrics_pane.h"
#include "warroom/poller.h"
#include "warroom/ssh.h"
#include "warroom/sshcfg.h"

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
	if ((at = strstr(reason, needle)) != NULL) {
		n = (size_t)(at - reason);
		snprintf(buf, cap, "%.*s%s", (int)n, reason, at + strlen(needle));
		return buf;
	}
	/* A reason cut short inside the why: it is below, whole. */
	for (at = strstr(reason, " ("); at != NULL; at = strstr(at + 1, " (")) {
		n = strlen(at + 2);
		if (n > 0 && n < strlen(why) && strncmp(at + 2, why, n) == 0) {
			snprintf(buf, cap, "%.*s", (int)(at - reason), reason);
			return buf;
		}
	}
	return reason;
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
	bool none;                       /* no metrics source: restarts alone */
	bool why_shown;                  /* the scrape's failure has rows of its own */
	bool wrap;                       /* zoomed: a long row goes on below, not cut */
};

/* Another host's row wraps under its verdict, past the name's column. */
#define HOST_CONT 15

/* A row's text from column x: wrapped into its rows when zoomed (the
 * last one cut with "…" if even they are too few), else on one row that
 * ends in "…" when cut. */
static void
put_text(const struct pane *p, int *y, int x, int rows, int attr, const char *text)
{
	if (p->wrap && rows > 0) {
		ui_put_wrapped(p->win, y, x, p->w - x, 2, *y + rows, attr, text);
		(*y)--;          /* put_row moves past the row */
		return;
	}
	ui_put(p->win, *y, x, p->w - x, attr, text);
}

/* The verdict's reason as METRICS shows it: a held verdict's hold first
 * (decide_reason_shown), and before it, while the verdict is bad and its
 * figures reach back before the host's rollback, that the window still
 * holds the old release's errors (app_verdict_words). */
static void
reason_of(const struct app *app, int host, const struct decide_verdict *v, char *dst,
    size_t cap)
{
	char shown[1024];

	decide_reason_shown(v, shown, sizeof(shown));
	app_verdict_words(app, host, v, shown, dst, cap);
}

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
	ui_put(p->win, y, x, p->w - x, ui_attr(p->app, ui_level_role(p->m->verdict.level)) |
	    A_BOLD, a);
}

/* Whether the host's scrapes wait for its key to be trusted: they go
 * through its SSH connection, and none is made to a key not trusted. */
static bool
key_wait(const struct app *app, const struct config_host *hc, int host)
{
	return hc->tunnel && app->pool != NULL &&
	    ssh_pool_status(app->pool, host)->state == SSH_UNTRUSTED;
}

/* How its key gets trusted: K, or by hand in read-only mode (HOSTS says
 * how). */
static const char *
key_how(const struct app *app)
{
	return app->safety.read_only ? "see HOSTS" : "K";
}

/* Why a host whose key is not trusted has no readings yet: K refuses a
 * changed key, so that one names the ssh-keygen -R HOSTS names. */
static void
key_wait_words(const struct app *app, const struct config_host *hc, int host, char *out,
    size_t cap)
{
	const struct ssh_status *st = ssh_pool_status(app->pool, host);
	char fix[WR_PATH_MAX + 340];

	if (st->key_changed && !app->safety.read_only) {
		sshcfg_key_changed_fix(st->known_name, st->known_file, fix, sizeof(fix));
		snprintf(out, cap, "%.60s: HOST KEY CHANGED; %.420s", hc->name, fix);
	} else if (st->key_changed || st->key_revoked)
		snprintf(out, cap, "%s: HOST KEY %s (see HOSTS)", hc->name,
		    st->key_revoked ? "IS REVOKED" : "CHANGED");
	else
		snprintf(out, cap, "%s: waiting for its host key to be trusted (%s)", hc->name,
		    key_how(app));
}

static void
down_text(const struct pane *p, char *line, size_t cap)
{
	const struct host_metrics *m = p->m;
	long ago = m->at_ms > 0 ? (long)(app_now(p->app) - m->at_ms / 1000) : -1;

	const struct ssh_status *st = p->app->pool != NULL ?
	    ssh_pool_status(p->app->pool, p->host) : NULL;
	char fix[WR_PATH_MAX + 340];

	/* K is refused while known_hosts holds the old key: say what HOSTS
	 * says to run first. */
	if (key_wait(p->app, p->hc, p->host) && st->key_changed && !p->app->safety.read_only) {
		sshcfg_key_changed_fix(st->known_name, st->known_file, fix, sizeof(fix));
		/* The row above names the host: the command comes sooner. */
		snprintf(line, cap, "no scrapes: KEY CHANGED; %s", fix);
	} else if (key_wait(p->app, p->hc, p->host) && (st->key_changed || st->key_revoked))
		snprintf(line, cap, "no scrapes: %s's HOST KEY %s (see HOSTS)", p->hc->name,
		    st->key_revoked ? "IS REVOKED" : "CHANGED");
	else if (key_wait(p->app, p->hc, p->host))
		snprintf(line, cap, "no scrapes until %s's host key is trusted (%s)",
		    p->hc->name, key_how(p->app));
	else if (ago >= 0)
		snprintf(line, cap, "no %s while %s is not UP; the last was %lds ago",
		    p->prom ? "Prometheus queries" : "scrapes", p->hc->name, ago);
	else
		snprintf(line, cap, "no %s while %s is not UP",
		    p->prom ? "Prometheus queries" : "scrapes", p->hc->name);
}

/* errors or p95, with its sparkline scaled to the rollback threshold in
 * force (a healthy line sits low) and that scale after it. */
static void
put_series(const struct pane *p, int y, bool p95)
{
	const struct host_metrics *m = p->m;
	const struct config_thresholds *t = &p->app->cfg.thresholds;
	char line[1700];

	/* Never asked for: not a gap of no data, which reads as a failure. */
	if (p->none) {
		snprintf(line, sizeof(line), "%s no metrics configured", p95 ? "p95   " : "errors");
		ui_put(p->win, y, 2, p->w - 2, ui_attr(p->app, THEME_DIM), line);
		return;
	}
	if (p95)
		metrics_pane_series(true, m->have_rates ? m->rates.p95_s * 1000.0 : NAN, m->p95_hist,
		    (size_t)m->nhist, t->p95_rollback_ms, p->w - 2, line, sizeof(line));
	else
		metrics_pane_series(false, m->have_rates ? m->rates.error_rate : NAN, m->error_hist,
		    (size_t)m->nhist, t->error_rate_rollback, p->w - 2, line, sizeof(line));
	ui_put(p->win, y, 2, p->w - 2, ui_attr(p->app, THEME_NORMAL), line);
}

static void
rate_text(const struct pane *p, char *line, size_t cap)
{
	const struct host_metrics *m = p->m;

	if (m->have_rates && !isnan(m->rates.request_rate))
		snprintf(line, cap, "%.1f req/s%s%s%s", m->rates.request_rate,
		    m->rates.reset ? "  (counters reset: the process restarted)" : "",
		    p->prom ? ", from Prometheus at " : "", p->prom ? p->hc->prom.url : "");
	else
		snprintf(line, cap, "from Prometheus at %s", p->hc->prom.url);
}

/* A query without {host} that other hosts ask the same server: its
 * figures are the fleet's, not this host's, and its verdict with them.
 * Said under them for as long as the pane shows them, not only at start.
 * False when every query is the host's own. */
static bool
shared_text(const struct pane *p, char *line, size_t cap)
{
	static const char *const words[WR_QUERY_COUNT] = { "error rate", "p95", "request rate",
		"up check" };
	char what[80] = "", others[512] = "", with[512];
	size_t len = 0;
	int q, n = 0;

	for (q = 0; q < WR_QUERY_COUNT; q++) {
		if (!p->hc->prom.query_shared[q])
			continue;
		len += (size_t)snprintf(what + len, sizeof(what) - len, "%s%s", n++ ? ", " : "",
		    words[q]);
		config_query_shared_with(&p->app->cfg, (size_t)p->host, q, with, sizeof(with));
		if (others[0] == '\0')
			wr_strlcpy(others, with, sizeof(others));
	}
	if (n == 0)
		return false;
	/* What matters first: a narrow pane cuts the names. */
	snprintf(line, cap, "fleet-wide %s (%s no {host}), also on %s", what,
	    n > 1 ? "their queries have" : "its query has", others);
	return true;
}

/* Restarts per service within the restarts window, as the driver counts
 * them (k8s from the pods, compose from docker inspect's totals; helm
 * does not say). */
static void
restarts_text(const struct pane *p, char *line, size_t cap)
{
	const struct config_host *ch = p->hc;
	char b[32];
	size_t len;
	int k, known = 0;
	int64_t read_ms = 0;

	decide_format_window(p->app->cfg.thresholds.restarts_window_s, b, sizeof(b));
	len = (size_t)snprintf(line, cap, "restarts%s%s", ch->driver != DRIVER_HELM ?
	    " in " : "", ch->driver != DRIVER_HELM ? b : "");
	for (k = 0; k < ch->nservices && len < cap - 80; k++) {
		const struct svc_state *s = poller_state(p->app->poller, p->host, k);

		if (s == NULL || s->restarts < 0)
			continue;
		len += (size_t)snprintf(line + len, cap - len, "%s %s %d",
		    known++ ? "," : ":", ch->services[k], s->restarts);
		if (s->restarts_stale && s->restarts_at_ms > 0 &&
		    (read_ms == 0 || s->restarts_at_ms < read_ms))
			read_ms = s->restarts_at_ms;
	}
	/* A failing poll keeps the last counts: never passed off as now. */
	if (read_ms > 0 && len < cap) {
		int64_t age = app_now(p->app) - read_ms / 1000;

		decide_format_window(age > 0 && age < INT32_MAX ? (int)age : 0, b, sizeof(b));
		len += (size_t)snprintf(line + len, cap - len, " as of %s ago (poll failing)", b);
	}
	/* Restarts before the console watched are seen only in part (a pod
	 * shows its last termination, a container its last start): until it
	 * has watched a whole window the counts are lower bounds. */
	if (known > 0 && app_restarts_partial(p->app))
		snprintf(line + len, cap - len, " (at least: watched %lds so far)",
		    (long)(app_now(p->app) - p->app->started));
	else if (known == 0 && ch->driver == DRIVER_HELM)
		snprintf(line + len, cap - len, ": not reported by %s",
		    config_driver_name(ch->driver));
	else if (known == 0)
		snprintf(line + len, cap - len, ": unknown");
}

static void
thresholds_text(const struct pane *p, int form, char *line, size_t cap)
{
	metrics_pane_thresholds(&p->app->cfg.thresholds, p->none, decide_params_default().margin,
	    form, p->app->matrix_from, line, cap);
}

/* The rows the thresholds row's text takes wrapped at the pane's width. */
static int
thresholds_rows(const struct pane *p, int form)
{
	char line[1024];
	int y = 0;

	thresholds_text(p, form, line, sizeof(line));
	ui_put_wrapped(NULL, &y, 2, p->w - 2, 2, INT_MAX, 0, line);
	return y;
}

/* Unzoomed, the thresholds row in rows rows: in words when they fit,
 * else in figures, the margin the last words to go (cut on one row the
 * full row showed "rollback at errors > 5%, p95 > 2000 ms, 3 r…", the
 * other levels never). */
static void
put_thresholds(const struct pane *p, int *y, int rows)
{
	char line[1024];
	int form = 0;

	while (form < METRICS_PANE_THRESHOLDS_FORMS - 1 && thresholds_rows(p, form) > rows)
		form++;
	thresholds_text(p, form, line, sizeof(line));
	ui_put_wrapped(p->win, y, 2, p->w - 2, 2, *y + (rows > 0 ? rows : 1),
	    ui_attr(p->app, THEME_DIM), line);
	(*y)--;          /* put_row moves past the row */
}

/* Another host's verdict and its reason after it, in line[cap]; the
 * columns of the verdict part in *head. */
static void
host_text(const struct pane *p, int i, char *line, size_t cap, size_t *head)
{
	const struct host_metrics *o = app_metrics(p->app, i);
	char a[96];

	decide_headline(&o->verdict, p->w - HOST_CONT, a, sizeof(a));
	*head = (size_t)snprintf(line, cap, "%-14s %s", p->app->cfg.hosts[i].name, a);
	if (*head + 2 < cap) {
		line[*head] = line[*head + 1] = ' ';
		reason_of(p->app, i, &o->verdict, line + *head + 2, cap - *head - 2);
	}
}

/* Another host's verdict in its colour, and its reason after it, dim: why
 * another host is red, without selecting it. Zoomed, the reason goes on
 * below under the verdict; else it ends in "…" where the pane does. */
static void
put_host(const struct pane *p, int *y, int rows, int i)
{
	const struct host_metrics *o = app_metrics(p->app, i);
	char line[1100];
	size_t head;
	int top = *y, attr = ui_attr(p->app, ui_level_role(o->verdict.level));

	host_text(p, i, line, sizeof(line), &head);
	if (p->wrap && rows > 0) {
		ui_put_wrapped(p->win, y, 0, p->w, HOST_CONT, *y + rows, ui_attr(p->app, THEME_DIM),
		    line);
		(*y)--;
		line[head] = '\0';
		ui_put(p->win, top, 0, p->w, attr, line);
		return;
	}
	ui_put(p->win, *y, 0, p->w, ui_attr(p->app, THEME_DIM), line);
	line[head] = '\0';
	ui_put(p->win, *y, 0, p->w, attr, line);
}

/* The text of a row of words (reason, not UP, req/s, restarts,
 * thresholds) in line[cap]; its colour role; false for other rows. */
static bool
words_of(const struct pane *p, enum metrics_pane_kind kind, char *line, size_t cap,
    enum theme_role *role)
{
	char reason[1600], shown[1600];

	switch (kind) {
	case METRICS_PANE_REASON:
		/* Its "(why)" is said once: here unless the rows below say it. */
		reason_of(p->app, p->host, &p->m->verdict, reason, sizeof(reason));
		snprintf(line, cap, "%s", p->why_shown ?
		    reason_without(reason, p->m->error, shown, sizeof(shown)) : reason);
		*role = THEME_NORMAL;
		return true;
	case METRICS_PANE_DOWN:
		down_text(p, line, cap);
		*role = THEME_WARN;
		return true;
	case METRICS_PANE_SHARED:
		shared_text(p, line, cap);
		*role = THEME_WARN;
		return true;
	case METRICS_PANE_RATE:
		rate_text(p, line, cap);
		*role = THEME_DIM;
		return true;
	case METRICS_PANE_RESTARTS:
		restarts_text(p, line, cap);
		*role = THEME_DIM;
		return true;
	case METRICS_PANE_THRESHOLDS:
		thresholds_text(p, 0, line, cap);
		*role = THEME_DIM;
		return true;
	default:
		return false;
	}
}

/* The last round's failure from *y on, before row limit (win NULL: only
 * measured). Prometheus's words about a query run long, and their end
 * ("parse error: …") is what to fix: up to three rows; with several
 * queries failing, each query's from a row of its own (before, only the
 * first was read), up to three rows each. */
static void
put_why(const struct pane *p, WINDOW *win, int *y, int limit, int attr)
{
	const struct host_metrics *m = p->m;
	char part[sizeof(m->error)];
	size_t from, to, len = strlen(m->error);
	int i;

	if (m->error_parts <= 1) {
		ui_put_wrapped(win, y, 2, p->w - 2, 2, *y + 3 < limit ? *y + 3 : limit, attr,
		    m->error);
		return;
	}
	for (i = 0; i < m->error_parts && i < WR_QUERY_COUNT && *y < limit; i++) {
		from = m->error_part[i];
		to = i + 1 < m->error_parts ? m->error_part[i + 1] - 2 : len;   /* "; " */
		if (from >= to || to > len)
			break;
		snprintf(part, sizeof(part), "%.*s", (int)(to - from), m->error + from);
		ui_put_wrapped(win, y, 2, p->w - 2, 2, *y + 3 < limit ? *y + 3 : limit, attr,
		    part);
	}
}

/* Unzoomed, with every row shown and one to spare, the thresholds row
 * takes a second when its words need it: no other row gives way to it,
 * and on one row it says its levels in figures. */
static void
thresholds_spare(const struct pane *p, struct metrics_pane_row *rows, int n, int h)
{
	int i, used = 0, t = -1;

	if (p->wrap)
		return;
	for (i = 0; i < n; i++) {
		used += rows[i].shown ? rows[i].rows : 0;
		if (rows[i].kind == METRICS_PANE_THRESHOLDS && rows[i].shown)
			t = i;
	}
	if (t >= 0 && used < h && thresholds_rows(p, 0) > 1)
		rows[t].height = rows[t].rows = 2;
}

/* Row r at *y, moving *y past it; host: another host's row, which. */
static void
put_row(const struct pane *p, int *y, const struct metrics_pane_row *r, int host)
{
	char line[2048];
	enum theme_role role;

	if (r->kind == METRICS_PANE_THRESHOLDS && !p->wrap) {
		put_thresholds(p, y, r->rows);
		(*y)++;
		return;
	}
	if (words_of(p, r->kind, line, sizeof(line), &role)) {
		put_text(p, y, 2, r->rows, ui_attr(p->app, role), line);
		(*y)++;
		return;
	}
	switch (r->kind) {
	case METRICS_PANE_VERDICT:
		put_verdict(p, *y);
		break;
	case METRICS_PANE_ERRORS:
	case METRICS_PANE_P95:
		put_series(p, *y, r->kind == METRICS_PANE_P95);
		break;
	case METRICS_PANE_WHY:
		put_why(p, p->win, y, *y + r->rows, ui_attr(p->app, THEME_BAD));
		return;
	case METRICS_PANE_BAD_HOST:
	case METRICS_PANE_HOST:
		put_host(p, y, r->rows, host);
		break;
	default:
		break;
	}
	(*y)++;
}

/* Zoomed, the rows a row of words or another host's row wraps into (it
 * may be cut to one); else it keeps its one row. */
static void
row_height(const struct pane *p, struct metrics_pane_row *r, int host)
{
	char line[2048];
	enum theme_role role;
	size_t head;
	int y = 0;

	if (!p->wrap)
		return;
	if (words_of(p, r->kind, line, sizeof(line), &role))
		ui_put_wrapped(NULL, &y, 2, p->w - 2, 2, INT_MAX, 0, line);
	else if (r->kind == METRICS_PANE_BAD_HOST || r->kind == METRICS_PANE_HOST) {
		host_text(p, host, line, sizeof(line), &head);
		ui_put_wrapped(NULL, &y, 0, p->w, HOST_CONT, INT_MAX, 0, line);
	} else
		return;
	r->height = y > 0 ? y : 1;
	r->min_height = 1;
}

/* The rows the pane would draw with room for all, in drawing order, and
 * for another host's row which host (else -1); returns how many (room
 * for 10 and one per host). */
static int
pane_rows(const struct pane *p, struct metrics_pane_row *rows, int *hosts)
{
	const struct host_metrics *m = p->m;
	int n = 0, lvl, y = 0;
	char line[1024];
	size_t i;

#define ROW(k) (hosts[n] = -1, rows[n] = (struct metrics_pane_row){ .kind = (k), .height = 1 }, \
	row_height(p, &rows[n], -1), n++)
	ROW(METRICS_PANE_VERDICT);
	if (m != NULL) {
		ROW(METRICS_PANE_REASON);
		/* Scrapes through the SSH connection stop with it: say so. */
		if (!p->none && p->hc->tunnel && p->app->pool != NULL &&
		    ssh_pool_status(p->app->pool, p->host)->state != SSH_UP)
			ROW(METRICS_PANE_DOWN);
		ROW(METRICS_PANE_ERRORS);
		ROW(METRICS_PANE_P95);
		if (p->prom && shared_text(p, line, sizeof(line)))
			ROW(METRICS_PANE_SHARED);
		if ((m->have_rates && !isnan(m->rates.request_rate)) || p->prom)
			ROW(METRICS_PANE_RATE);
		if (m->error[0] != '\0') {
			put_why(p, NULL, &y, INT_MAX, 0);
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

			if ((int)i == p->host || o == NULL || !o->judged ||
			    (int)o->verdict.level != lvl)
				continue;
			hosts[n] = (int)i;
			rows[n] = (struct metrics_pane_row){ .kind = lvl >= DECIDE_MONITOR ?
				METRICS_PANE_BAD_HOST : METRICS_PANE_HOST, .height = 1, .level = lvl };
			row_height(p, &rows[n++], (int)i);
		}
	return n;
}

/* On the bottom border: how many rows are out of sight, naming the worst
 * hidden host, and (unzoomed) that z shows them. */
static void
more_marker(const struct pane *p, int hidden, int level, const char *name, int also)
{
	char text[200];
	int form, attr = ui_attr(p->app, name == NULL ? THEME_TITLE :
	    level >= DECIDE_CONSIDER ? THEME_BAD : THEME_WARN);
	bool put = false;

	for (form = 0; !put && metrics_pane_more(p->app->screen->utf8, hidden, name, level,
	    also, !p->app->zoomed, form, text, sizeof(text)); form++)
		put = ui_frame_put(p->win, true, false, attr, text);
}

/* The pane for the selected host, w wide (win NULL: only measured);
 * false when no host is selected. msg[512] holds its one-line message. */
static bool
pane_setup(struct app *app, WINDOW *win, int w, struct pane *p, char *msg)
{
	*p = (struct pane){ .app = app, .win = win, .w = w, .host = app_selected_host(app),
		.wrap = app->zoomed };
	if (p->host < 0)
		return false;
	p->hc = &app->cfg.hosts[p->host];
	p->prom = config_uses_prometheus(p->hc);
	p->m = app_metrics(app, p->host);
	p->msg = msg;
	p->none = p->hc->metrics_url[0] == '\0' && !p->prom;
	if (p->none && (p->m == NULL || !p->m->judged)) {
		snprintf(msg, 512, "%s: no metrics_url in the config", p->hc->name);
		p->m = NULL;
	} else if (p->none)
		;       /* judged on its restarts (poller: judge_restarts_only) */
	else if ((p->m == NULL || !p->m->judged) && key_wait(app, p->hc, p->host)) {
		key_wait_words(app, p->hc, p->host, msg, 512);
		p->m = NULL;
	} else if (p->m == NULL || !p->m->judged) {
		/* A start-up NO DATA (a rate waiting for its second scrape) is
		 * no verdict, as HOSTS leaves its cell blank; a failed scrape
		 * says why it waits. */
		snprintf(msg, 512, p->prom ? "%s: waiting for Prometheus's first answers%s%.400s" :
		    "%s: waiting for the first scrapes%s%.400s", p->hc->name,
		    p->m != NULL && p->m->error[0] != '\0' ? " — " : "",
		    p->m != NULL ? p->m->error : "");
		p->m = NULL;
	}
	return true;
}

static void
metrics_draw(struct app *app, WINDOW *win, int h, int w, bool focused)
{
	struct pane p;
	char msg[512];
	struct metrics_pane_row *rows;
	int *hosts, i, n, y = 0, hidden, worst;

	if (!pane_setup(app, win, w, &p, msg)) {
		ui_put(win, 0, 1, w - 1, ui_attr(app, THEME_DIM), app->cfg.nhosts == 0 ?
		    "no hosts configured" : "no row selected: the HOSTS filter shows none");
		return;
	}
	rows = xcalloc(app->cfg.nhosts + 10, sizeof(*rows));
	hosts = xcalloc(app->cfg.nhosts + 10, sizeof(*hosts));
	n = pane_rows(&p, rows, hosts);
	/* Short of room, the verdict, its reason, errors and p95 stay; what
	 * goes is counted on the border, never left out silently. */
	hidden = metrics_pane_fit(rows, n, h, &worst);
	if (hidden == 0)
		thresholds_spare(&p, rows, n, h);
	for (i = 0; i < n; i++)
		if (rows[i].kind == METRICS_PANE_WHY)
			p.why_shown = rows[i].shown;
	for (i = 0; i < n && y < h; i++)
		if (rows[i].shown)
			put_row(&p, &y, &rows[i], hosts[i]);
	if (hidden > 0)
		more_marker(&p, hidden, worst >= 0 ? rows[worst].level : 0,
		    worst >= 0 ? app->cfg.hosts[hosts[worst]].name : NULL,
		    metrics_pane_alike(rows, n, worst));
	free(hosts);
	free(rows);
}

/* Rows the pane leaves out as the next frame draws it (a zoom follows
 * the focus), as metrics_draw counts them on the border. */
static int
hidden_rows(struct app *app)
{
	struct layout lo;
	const struct rect *r;
	struct pane p;
	char msg[512];
	struct metrics_pane_row *rows;
	int *hosts, n, hidden, worst;

	layout_compute(&lo, app->screen->cols, app->screen->lines,
	    app->zoomed ? (int)app->focus : -1, (int)app->focus, app->screen->footer_rows,
	    app->screen->hosts_rows);
	r = &lo.pane[PANE_METRICS];
	if (r->h < 3 || r->w < 3 || !pane_setup(app, NULL, r->w - 2, &p, msg))
		return 0;
	rows = xcalloc(app->cfg.nhosts + 10, sizeof(*rows));
	hosts = xcalloc(app->cfg.nhosts + 10, sizeof(*hosts));
	n = pane_rows(&p, rows, hosts);
	hidden = metrics_pane_fit(rows, n, r->h - 2, &worst);
	free(hosts);
	free(rows);
	return hidden;
}

/* The pane keeps its rows by importance and does not scroll: a scroll
 * key says so, and how to see what is left out, rather than nothing. */
static bool
metrics_key(struct app *app, enum wr_command cmd, int page)
{
	char words[200];

	(void)page;
	switch (cmd) {
	case WR_CMD_UP: case WR_CMD_DOWN: case WR_CMD_PAGE_UP: case WR_CMD_PAGE_DOWN:
	case WR_CMD_TOP: case WR_CMD_BOTTOM:
		app_say(app, "%s", metrics_pane_noscroll(hidden_rows(app), app->zoomed, words,
		    sizeof(words)));
		return true;
	default:
		return false;
	}
}

const struct view_ops view_metrics_ops = {
	.name = "METRICS",
	.draw = metrics_draw,
	.key = metrics_key,
};
