/*
 * script.c — screen tests in tig's manner. A key script drives the console
 * on an in-memory screen: each line is keys ("q", "<Tab>", "<C-l>") or a
 * command (":resize 100x30", ":save-screen NAME", ":sleep SECONDS",
 * ":logs FILE", ":logs-ring BYTES", ":logs-tails N", ":logs-tail N FILE",
 * ":logs-arrive N FILE", ":logs-join FILE",
 * ":header KEY=N ...", ":metrics HOST KEY=N ...", ":rollback HOST [OUTCOME]",
 * ":reconcile HOST OUTCOME", ":verdict HOST LEVEL[: REASON]",
 * ":deploy HOST SERVICE FROM TO AGO",
 * ":state HOST SERVICE KEY=VALUE ...",
 * ":term BYTES", ":prompt resolve|status", ":say TEXT", ":say-outcome TEXT"). The
 * screen is redrawn after every key, as the loop would, and the clock moves only when the script says so, so saved
 * screens are exact. There is no network here, so ":logs" stands in for
 * a tailed service: it puts a file's lines into LOGS the way a stream's
 * lines go into the ring (sanitized), so LOGS can be drawn, scrolled and
 * measured; ":logs-ring" makes the ring small, so a few files drop its
 * oldest lines as a flood would; ":logs-tails" shares it between services
 * as tailing several does, and ":logs-tail" fills one service's ring
 * (":logs-arrive" without the redraw after it, as lines a fast tail
 * brings in before the next frame); ":logs-join" adds a service's ring
 * beside those held and puts the file's lines among theirs by time, as +
 * does with a new tail's backlog;
 * ":header" gives the header's badges states (armed, outcomes not known,
 * a failing status page) a console without a journal or a network cannot
 * reach, ":metrics" gives a host a metrics round, judged as the
 * poller judges one, and ":rollback" puts a rollback of HOST from
 * v1.5.0-bad that ended OK (or as said) now in the timeline, as a journal
 * would (that release then judged bad), ":reconcile"
 * a re-read settling it, ":verdict" a host's verdict.change (a flapping
 * one, many of them), ":deploy" a health.change of a tag deployed
 * outside the console AGO seconds before it was written (held for its tag
 * read, as healthrec.h holds one), ":state" gives a service what a poll and a
 * probe round would have read (HOSTS without a network), ":prompt
 * resolve" and ":prompt status" open E's and S's prompts, which with no
 * journal E and S themselves refuse, and
 * ":say" puts a message in the footer as a key's answer would (a long
 * one, as B's end says, needs an armed console with a journal);
 * ":say-outcome" as an action's outcome would be (app_say_outcome).
 */
#include "warroom/ui.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "warroom/metrics.h"
#include "warroom/poller.h"
#include "warroom/probe.h"
#include "warroom/sanitize.h"

static const struct {
	const char *name;
	int keycode;             /* 0: a plain character follows */
	unsigned ch;
} named[] = {
	{ "Tab", 0, '\t' }, { "S-Tab", KEY_BTAB, 0 }, { "Enter", 0, '\r' },
	{ "Esc", 0, 27 }, { "Space", 0, ' ' }, { "Up", KEY_UP, 0 },
	{ "Down", KEY_DOWN, 0 }, { "Left", KEY_LEFT, 0 }, { "Right", KEY_RIGHT, 0 },
	{ "PgUp", KEY_PPAGE, 0 }, { "PgDn", KEY_NPAGE, 0 }, { "Home", KEY_HOME, 0 },
	{ "End", KEY_END, 0 }, { "Backspace", KEY_BACKSPACE, 0 },
	{ "Delete", KEY_DC, 0 }, { "F1", KEY_F(1), 0 }, { "F2", KEY_F(2), 0 },
	{ "F5", KEY_F(5), 0 }, { "F10", KEY_F(10), 0 }, { "F12", KEY_F(12), 0 },
	{ "Insert", KEY_IC, 0 }, { "lt", 0, '<' },
	/* The terminal's bracketed-paste markers, as curses delivers them. */
	{ "PasteStart", WR_KEY_PASTE_START, 0 }, { "PasteEnd", WR_KEY_PASTE_END, 0 },
};

static void
press(struct app *app, int is_keycode, unsigned key)
{
	keys_handle(app, is_keycode, key);
	screen_draw(app);
}

/* One line of keys; returns -1 with err filled on an unknown <Name>. */
static int
keys_line(struct app *app, const char *s, struct wr_err *err)
{
	while (*s != '\0' && !app->quit) {
		if (*s == '<' && strchr(s, '>') != NULL) {
			const char *end = strchr(s, '>');
			size_t n = (size_t)(end - s - 1), i;

			for (i = 0; i < WR_ARRAY_LEN(named); i++)
				if (strlen(named[i].name) == n && strncmp(s + 1, named[i].name, n) == 0)
					break;
			if (i < WR_ARRAY_LEN(named)) {
				if (named[i].keycode)
					press(app, 1, (unsigned)named[i].keycode);
				else
					press(app, 0, named[i].ch);
			} else if (n == 3 && s[1] == 'C' && s[2] == '-')
				press(app, 0, (unsigned)(s[3] & 0x1f));
			else
				return wr_err_set(err, "unknown key <%.*s>", (int)n, s + 1);
			s = end + 1;
		} else {
			wchar_t wc;
			int n = mbtowc(&wc, s, MB_CUR_MAX);

			if (n <= 0)
				return wr_err_set(err, "invalid UTF-8 in keys");
			press(app, 0, (unsigned)wc);
			s += n;
		}
	}
	return 0;
}

/* :logs FILE — every line of FILE into LOGS' own ring, labelled FILE;
 * :logs-tail N FILE — into the ring of tailed service N instead. */
static int
load_logs(struct app *app, unsigned ring, const char *path, bool draw, struct wr_err *err)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int ok;

	if (f == NULL)
		return wr_err_set(err, ":logs cannot read %s", path);
	/* A line over the cap is one line, cut by the sanitizer (as ingest). */
	while ((n = getline(&line, &cap, f)) > 0)
		logset_append_raw(&app->logs, ring, line,
		    (size_t)n - (line[n - 1] == '\n' ? 1 : 0), false);
	ok = !ferror(f);
	free(line);
	fclose(f);
	if (!ok)
		return wr_err_set(err, ":logs cannot read %s", path);
	snprintf(app->follow_label, sizeof(app->follow_label), "%s", path);
	snprintf(app->logs_ring_name[ring], sizeof(app->logs_ring_name[0]), "%s", path);
	app->dirty = true;
	if (draw)
		screen_draw(app);
	return 0;
}

/* :header KEY=N ... — what the header's badges say, without a journal,
 * actions or a status page: armed (seconds left), unknown (outcomes),
 * armedby (another console armed: 1; and gone: 2), noyet (others'
 * actions with no outcome yet), exports (hosts still exporting), restored
 * (hosts whose exports were turned back on), the status page's pending,
 * failed, spunknown (of failed, UNKNOWN), spgone (of pending, whose
 * console is gone), failing (0/1), status (HTTP) and retry (seconds; -1
 * now). */
static int
fake_header(struct app *app, char *arg, struct wr_err *err)
{
	char *tok, *save = NULL;

	memset(&app->fake_header, 0, sizeof(app->fake_header));
	app->fake_header.on = true;
	app->fake_header.sp.retry_in_s = -1;
	for (tok = strtok_r(arg, " ", &save); tok != NULL; tok = strtok_r(NULL, " ", &save)) {
		char key[16];
		long v;

		if (sscanf(tok, "%15[a-z]=%ld", key, &v) != 2)
			return wr_err_set(err, ":header needs KEY=NUMBER, not %s", tok);
		if (strcmp(key, "armed") == 0)
			app->fake_header.armed_s = v;
		else if (strcmp(key, "unknown") == 0)
			app->fake_header.unknown = v > 0 ? (size_t)v : 0;
		else if (strcmp(key, "pending") == 0)
			app->fake_header.sp.pending = (int)v;
		else if (strcmp(key, "failed") == 0)
			app->fake_header.sp.failed = (int)v;
		else if (strcmp(key, "failing") == 0)
			app->fake_header.sp.failing = v != 0;
		else if (strcmp(key, "status") == 0)
			app->fake_header.sp.fail_status = v;
		else if (strcmp(key, "retry") == 0)
			app->fake_header.sp.retry_in_s = v;
		else if (strcmp(key, "armedby") == 0)
			app->fake_header.armed_by = (int)v;
		else if (strcmp(key, "noyet") == 0)
			app->fake_header.none_yet = v > 0 ? (size_t)v : 0;
		else if (strcmp(key, "goneopen") == 0)
			app->fake_header.gone_open = v > 0 ? (size_t)v : 0;
		else if (strcmp(key, "exports") == 0)
			app->fake_header.exports_on = v > 0 ? (size_t)v : 0;
		else if (strcmp(key, "restored") == 0)
			app->fake_header.restored = v > 0 ? (size_t)v : 0;
		else if (strcmp(key, "spunknown") == 0)
			app->fake_header.sp.unknown = (int)v;
		else if (strcmp(key, "spgone") == 0) {
			/* Of pending, posts whose console is gone. */
			app->fake_header.sp.gone = (int)v;
			snprintf(app->fake_header.sp.gone_actor, sizeof(app->fake_header.sp.gone_actor),
			    "root@vm");
			snprintf(app->fake_header.sp.gone_next, sizeof(app->fake_header.sp.gone_next),
			    "the next writing console sends it");
		}
		else
			return wr_err_set(err, ":header has no %s", key);
	}
	app->dirty = true;
	screen_draw(app);
	return 0;
}

/* :metrics HOST error=F p95=MS [restarts=N|SVC:N,SVC:N] [rps=R] [requests=N] [http=STATUS]
 * [span=S] — one metrics round of HOST as the poller would judge it (the
 * verdict from the last one, so a script walks the hysteresis; at the
 * script's clock), for METRICS without a network. A figure not given is
 * no data (requests: the count behind the error rate, not known unless
 * given); http says the scrape failed with that status, as the poller
 * says it; span the seconds a metrics_url host's figures were counted
 * over (one metrics_interval unless given; a Prometheus host's reach
 * back over its queries' range). A host read from Prometheus gets them
 * as its queries' answers, read as the poller reads them
 * (metrics_prom_round); there error, p95 and rps may also be "none" (no
 * series matched) or "matrix" (a range vector), and up=V is up_query's
 * answer (up=none: no series). restarts=api:15,jobs:0 gives each
 * service's count, the worst judged, as the poller has them. */
static int
fake_metrics(struct app *app, char *arg, struct wr_err *err)
{
	struct decide_input in = { .error_rate = NAN, .p95_ms = NAN, .restarts = -1 };
	struct decide_service svcs[WR_SERVICES_MAX];
	struct metrics_prom_answer a[WR_QUERY_COUNT];
	struct host_metrics *m;
	char *tok, *save = NULL, status[96];
	double rps = NAN, span = NAN, up = NAN, fig[WR_QUERY_COUNT];
	int http = 0, q;
	size_t h;

	tok = strtok_r(arg, " ", &save);
	for (h = 0; tok != NULL && h < app->cfg.nhosts && strcmp(app->cfg.hosts[h].name, tok) != 0;
	    h++)
		;
	if (tok == NULL || h == app->cfg.nhosts)
		return wr_err_set(err, ":metrics needs a host of the config first");
	for (q = 0; q < WR_QUERY_COUNT; q++)
		a[q] = (struct metrics_prom_answer){ .value = NAN, .error = "" };
	for (q = 0; q < app->cfg.hosts[h].nservices; q++)
		svcs[q] = (struct decide_service){ app->cfg.hosts[h].services[q], -1 };
	while ((tok = strtok_r(NULL, " ", &save)) != NULL) {
		static const char *const query_key[WR_QUERY_COUNT] = { "error", "p95", "rps", "up" };
		char key[16], word[16];
		double v;

		/* restarts=api:15,jobs:0 — each service's, as the poller has them. */
		if (strncmp(tok, "restarts=", strlen("restarts=")) == 0 && strchr(tok, ':') != NULL) {
			char *item, *isave = NULL;

			for (item = strtok_r(tok + strlen("restarts="), ",", &isave); item != NULL;
			    item = strtok_r(NULL, ",", &isave)) {
				char *colon = strchr(item, ':');

				if (colon == NULL)
					return wr_err_set(err, ":metrics needs restarts=SVC:N,…");
				*colon = '\0';
				for (q = 0; q < app->cfg.hosts[h].nservices &&
				    strcmp(app->cfg.hosts[h].services[q], item) != 0; q++)
					;
				if (q == app->cfg.hosts[h].nservices)
					return wr_err_set(err, ":metrics restarts= names no service %s",
					    item);
				svcs[q].restarts = atoi(colon + 1);
				if (svcs[q].restarts > in.restarts)
					in.restarts = svcs[q].restarts;
			}
			in.services = svcs;
			in.nservices = app->cfg.hosts[h].nservices;
			continue;
		}
		if (sscanf(tok, "%15[a-z0-9]=%15s", key, word) == 2 &&
		    (strcmp(word, "none") == 0 || strcmp(word, "matrix") == 0)) {
			for (q = 0; q < WR_QUERY_COUNT && strcmp(key, query_key[q]) != 0; q++)
				;
			if (q == WR_QUERY_COUNT)
				return wr_err_set(err, ":metrics has no %s=%s", key, word);
			a[q].asked = true;
			if (word[0] == 'm') {
				a[q].error = "Prometheus answered a range vector (matrix); want an "
				    "instant vector or scalar";
				a[q].bad_answer = true;
			}
			continue;
		}
		if (sscanf(tok, "%15[a-z0-9]=%lf", key, &v) != 2)
			return wr_err_set(err, ":metrics needs KEY=NUMBER, not %s", tok);
		if (strcmp(key, "error") == 0)
			in.error_rate = v;
		else if (strcmp(key, "p95") == 0)
			in.p95_ms = v;
		else if (strcmp(key, "restarts") == 0)
			in.restarts = (int)v;
		else if (strcmp(key, "rps") == 0)
			rps = v;
		else if (strcmp(key, "requests") == 0)
			in.requests = v;
		else if (strcmp(key, "http") == 0)
			http = (int)v;
		else if (strcmp(key, "span") == 0)
			span = v;
		else if (strcmp(key, "up") == 0)
			up = v;
		else
			return wr_err_set(err, ":metrics has no %s", key);
	}
	if (app->fake_metrics == NULL)
		app->fake_metrics = xcalloc(app->cfg.nhosts, sizeof(*app->fake_metrics));
	m = &app->fake_metrics[h];
	m->error_parts = 0;
	if (config_uses_prometheus(&app->cfg.hosts[h])) {
		const double given[WR_QUERY_COUNT] = { in.error_rate, in.p95_ms / 1000.0, rps, up };

		metrics_prom_http_why(http, status, sizeof(status));
		for (q = 0; q < WR_QUERY_COUNT; q++) {
			if (http != 0)
				a[q] = (struct metrics_prom_answer){ .asked = true, .value = NAN,
					.error = status };
			else if (!a[q].asked && !isnan(given[q]))
				a[q] = (struct metrics_prom_answer){ .asked = true, .value = given[q],
					.nseries = 1, .error = "" };
		}
		m->error_parts = metrics_prom_round(a, app->cfg.hosts[h].name,
		    app->cfg.hosts[h].prom.query_has_host, fig, m->error, sizeof(m->error),
		    m->error_part);
		in.error_rate = fig[WR_QUERY_ERROR_RATE];
		in.p95_ms = fig[WR_QUERY_P95] * 1000.0;
		rps = fig[WR_QUERY_REQUEST_RATE];
	} else if (http != 0)
		snprintf(m->error, sizeof(m->error), "metrics: HTTP %d", http);
	else
		m->error[0] = '\0';
	in.no_data_why = m->error;
	/* A host without metrics is judged on its restarts alone, as the
	 * poller judges it: figures given to it are not asked for. */
	in.no_metrics = app->cfg.hosts[h].metrics_url[0] == '\0' &&
	    !config_uses_prometheus(&app->cfg.hosts[h]);
	in.at_s = app_now(app);
	in.restarts_partial = app_restarts_partial(app);
	/* How far back figures reach, as the poller says it: a Prometheus
	 * host's queries' range, else the seconds they were counted over
	 * (span=, or one metrics_interval). A round without any keeps the
	 * last ones'. */
	if (config_uses_prometheus(&app->cfg.hosts[h]))
		span = app->cfg.hosts[h].prom.window_s;
	else if (isnan(span))
		span = app->cfg.metrics_ms / 1000.0;
	else
		in.span_s = span;
	if (!isnan(in.error_rate) || !isnan(in.p95_ms))
		m->window_from_ms = (int64_t)app_now(app) * 1000 - (int64_t)(span * 1000);
	m->verdict = decide(&app->cfg.thresholds, &in, m->judged ? &m->verdict : NULL, NULL);
	m->judged = m->judged || decide_first_verdict(&in, &m->verdict, m->nhist);
	if (m->nhist == POLLER_HISTORY) {
		memmove(m->error_hist, m->error_hist + 1, (POLLER_HISTORY - 1) * sizeof(double));
		memmove(m->p95_hist, m->p95_hist + 1, (POLLER_HISTORY - 1) * sizeof(double));
		m->nhist--;
	}
	m->error_hist[m->nhist] = in.error_rate;
	m->p95_hist[m->nhist++] = in.p95_ms;
	m->have_rates = true;
	m->rates.error_rate = in.error_rate;
	m->rates.p95_s = in.p95_ms / 1000.0;
	m->rates.request_rate = rps;
	app->dirty = true;
	screen_draw(app);
	return 0;
}

/* :state HOST SERVICE KEY=VALUE ... — what HOST's SERVICE last read, for
 * HOSTS without a network: conn=up|down (its host's CONN; DOWN from the
 * script's clock now, kept while it stays down), journal-tag= (what the
 * journal last said of a row this console never read), tag=, state=,
 * restarts=, version=, env= (a driver's
 * poll, read now; env= the .env's IMAGE_TAG), error= (the poll failing
 * since, as a word: its values are then old), healthz=ok|fail|unknown and
 * readyz=ok|fail|unknown|ahead|behind (a probe round; fail is an HTTP 500,
 * unknown no answer). */
static int
fake_state(struct app *app, char *arg, struct wr_err *err)
{
	char *tok, *save = NULL, *svc;
	struct svc_state *s;
	int h, i;

	tok = strtok_r(arg, " ", &save);
	svc = strtok_r(NULL, " ", &save);
	h = tok != NULL ? config_host_index(&app->cfg, tok) : -1;
	for (i = 0; h >= 0 && svc != NULL && i < app->cfg.hosts[h].nservices &&
	    strcmp(app->cfg.hosts[h].services[i], svc) != 0; i++)
		;
	if (h < 0 || svc == NULL || i == app->cfg.hosts[h].nservices)
		return wr_err_set(err, ":state needs a host of the config and one of its services");
	if (app->fake_states == NULL) {
		size_t k;

		app->fake_states = xcalloc(app->cfg.nhosts * WR_SERVICES_MAX,
		    sizeof(*app->fake_states));
		for (k = 0; k < app->cfg.nhosts * WR_SERVICES_MAX; k++)
			app->fake_states[k].restarts = -1;
	}
	s = &app->fake_states[(size_t)h * WR_SERVICES_MAX + (size_t)i];
	while ((tok = strtok_r(NULL, " ", &save)) != NULL) {
		char *v = strchr(tok, '=');
		struct probe_result *p = NULL;

		if (v == NULL)
			return wr_err_set(err, ":state needs KEY=VALUE, not %s", tok);
		*v++ = '\0';
		if (strcmp(tok, "conn") == 0 && (strcmp(v, "up") == 0 || strcmp(v, "down") == 0)) {
			if (app->fake_up == NULL) {
				app->fake_up = xcalloc(app->cfg.nhosts, sizeof(*app->fake_up));
				app->fake_down = xcalloc(app->cfg.nhosts, sizeof(*app->fake_down));
				app->fake_down_since = xcalloc(app->cfg.nhosts,
				    sizeof(*app->fake_down_since));
			}
			/* DOWN from now, as the pool's first DOWN of a stretch. */
			if (v[0] == 'd' && !app->fake_down[h])
				app->fake_down_since[h] = app_now(app);
			app->fake_up[h] = v[0] == 'u';
			app->fake_down[h] = v[0] == 'd';
		} else if (strcmp(tok, "tag") == 0 || strcmp(tok, "state") == 0 ||
		    strcmp(tok, "restarts") == 0) {
			/* At the script's clock, so AGE reads the same every run. */
			s->have_driver = true;
			s->driver_at_ms = (int64_t)app_now(app) * 1000;
			if (tok[0] == 't')
				wr_strlcpy(s->tag, v, sizeof(s->tag));
			else if (tok[0] == 's')
				wr_strlcpy(s->state, v, sizeof(s->state));
			else
				s->restarts = atoi(v);
		} else if (strcmp(tok, "journal-tag") == 0) {
			/* What the journal last said of it, as a console started
			 * while its host was away reads it (seen_apply). */
			size_t row = 0, k;

			if (app->seen == NULL)
				app->seen = xcalloc((size_t)app_host_rows(app) + 1, sizeof(*app->seen));
			for (k = 0; k < (size_t)h; k++)
				row += (size_t)app->cfg.hosts[k].nservices;
			wr_strlcpy(app->seen[row + (size_t)i].tag, v, sizeof(app->seen[0].tag));
			app->seen[row + (size_t)i].tag_ms = (int64_t)app_now(app) * 1000;
		} else if (strcmp(tok, "error") == 0) {
			/* The poll failing now, in words without spaces ("bad-json"). */
			wr_strlcpy(s->driver_error, v, sizeof(s->driver_error));
		} else if (strcmp(tok, "env") == 0) {
			wr_strlcpy(s->env_tag, v, sizeof(s->env_tag));
		} else if (strcmp(tok, "version") == 0) {
			/* Against the tag as the poller compares them: say tag=
			 * first. */
			wr_strlcpy(s->version, v, sizeof(s->version));
			s->version_cmp = probe_version_compare(s->tag, v);
		} else if (strcmp(tok, "healthz") == 0) {
			p = &s->healthz;
		} else if (strcmp(tok, "readyz") == 0) {
			p = &s->readyz;
		} else
			return wr_err_set(err, ":state has no %s", tok);
		if (p == NULL)
			continue;
		s->have_probe = true;
		memset(p, 0, sizeof(*p));
		p->schema_warn = PROBE_SCHEMA_UNSAID;
		p->health = strcmp(v, "fail") == 0 ? PROBE_FAIL : strcmp(v, "unknown") == 0 ?
		    PROBE_UNKNOWN : PROBE_OK;
		p->http_status = p->health == PROBE_FAIL ? 500 : p->health == PROBE_OK ? 200 : 0;
		/* unknown: a hung endpoint, as the probe words its timeout. */
		wr_strlcpy(p->reason, p->health == PROBE_FAIL ? "HTTP 500" : p->health == PROBE_OK ?
		    "HTTP 200" : "no answer: timed out", sizeof(p->reason));
		if (strcmp(v, "ahead") == 0 || strcmp(v, "behind") == 0)
			p->schema_warn = v[0] == 'a' ? PROBE_SCHEMA_AHEAD : PROBE_SCHEMA_BEHIND;
		else if (strcmp(v, "ok") != 0 && strcmp(v, "fail") != 0 &&
		    strcmp(v, "unknown") != 0)
			return wr_err_set(err, ":state's %s is ok, fail, unknown, ahead or behind",
			    tok);
	}
	app->dirty = true;
	return 0;
}

/* :term BYTES — what a terminal sends, read as the console reads it
 * (keys_input: an escape sequence curses did not know is one key): \e is
 * ESC, \xNN a byte, \\ a backslash. A sequence left begun at the end is
 * ended as its wait running out would (a lone \e is Esc). */
static int
term_bytes(struct app *app, const char *s, struct wr_err *err)
{
	while (*s != '\0' && !app->quit) {
		unsigned ch;
		wchar_t wc;
		int n;

		if (s[0] == '\\' && s[1] == 'e') {
			ch = 27, s += 2;
		} else if (s[0] == '\\' && s[1] == '\\') {
			ch = '\\', s += 2;
		} else if (s[0] == '\\' && s[1] == 'x' && sscanf(s + 2, "%2x%n", &ch, &n) == 1 &&
		    n == 2) {
			s += 4;
		} else if ((n = mbtowc(&wc, s, MB_CUR_MAX)) > 0) {
			ch = (unsigned)wc, s += n;
		} else
			return wr_err_set(err, ":term: invalid UTF-8");
		keys_input(app, 0, ch);
		screen_draw(app);
	}
	keys_flush(app);
	screen_draw(app);
	return 0;
}

/* ":rollback HOST [OUTCOME]": an action.intent of a Compose rollback on
 * HOST and its action.end (OK unless said), both at the script's clock. */
static int
fake_rollback(struct app *app, char *arg, struct wr_err *err)
{
	struct record r;
	char op[48], end[64];
	char *oc = strchr(arg, ' ');

	if (oc != NULL) {
		*oc++ = '\0';
		oc = wr_trim(oc);
	}
	if (*arg == '\0' || config_host_index(&app->cfg, arg) < 0)
		return wr_err_set(err, ":rollback needs a host of the config");
	if (oc != NULL && strcmp(oc, "ok") != 0 && strcmp(oc, "failed") != 0 &&
	    strcmp(oc, "unknown") != 0)
		return wr_err_set(err, ":rollback's outcome is ok, failed or unknown");
	snprintf(op, sizeof(op), "rb-script-%zu", app->nentries);
	memset(&r, 0, sizeof(r));
	r.ts_ms = (int64_t)app_now(app) * 1000;
	r.kind = (char *)"action.intent";
	r.host = arg;
	r.op = op;
	r.data = cJSON_Parse("{\"plan\":{\"action\":\"compose.rollback\",\"service\":\"api\","
	    "\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	app_add_record(app, &r);
	cJSON_Delete(r.data);
	/* Judged bad, as journal_apply folds it: a rollback started from it
	 * (data.action where an intent keeps it; the TIMELINE row above keeps
	 * the shape the screen tests' goldens were drawn with). */
	r.data = cJSON_Parse("{\"action\":\"compose.rollback\",\"plan\":{\"service\":\"api\","
	    "\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	contain_fold(&app->contain, r.kind, r.host, r.op, r.data, r.ts_ms);
	cJSON_Delete(r.data);
	r.kind = (char *)"action.end";
	snprintf(end, sizeof(end), "{\"outcome\":\"%s\"}", oc != NULL ? oc : "ok");
	r.data = cJSON_Parse(end);
	app_add_record(app, &r);
	contain_fold(&app->contain, r.kind, r.host, r.op, r.data, r.ts_ms);
	cJSON_Delete(r.data);
	app->dirty = true;
	return 0;
}

/* ":reconcile HOST OUTCOME": an action.reconcile settling HOST's latest
 * action (a re-read saying ok or failed), at the script's clock. */
static int
fake_reconcile(struct app *app, char *arg, struct wr_err *err)
{
	struct record r;
	char data[64];
	char *oc = strchr(arg, ' ');
	size_t i;

	if (oc == NULL)
		return wr_err_set(err, ":reconcile needs HOST OUTCOME");
	*oc++ = '\0';
	oc = wr_trim(oc);
	for (i = app->nentries; i-- > 0;)
		if (strcmp(app->entries[i].kind, "action.end") == 0 &&
		    strcmp(app->entries[i].host, arg) == 0)
			break;
	if (i >= app->nentries || (strcmp(oc, "ok") != 0 && strcmp(oc, "failed") != 0))
		return wr_err_set(err, ":reconcile needs a host with an action and ok or failed");
	memset(&r, 0, sizeof(r));
	r.ts_ms = (int64_t)app_now(app) * 1000;
	r.kind = (char *)"action.reconcile";
	r.host = arg;
	r.op = app->entries[i].op;
	snprintf(data, sizeof(data), "{\"outcome\":\"%s\"}", oc);
	r.data = cJSON_Parse(data);
	app_add_record(app, &r);
	cJSON_Delete(r.data);
	app->dirty = true;
	return 0;
}

/* ":deploy HOST SERVICE FROM TO AGO": a health.change of SERVICE on HOST
 * from tag FROM to TO, deployed outside this console AGO seconds before
 * the script's clock, written now (held for its tag read). */
static int
fake_deploy(struct app *app, char *arg, struct wr_err *err)
{
	char *w[5], *save = NULL;
	struct record r;
	long ago;
	int i;

	for (i = 0; i < 5; i++)
		if ((w[i] = strtok_r(i == 0 ? arg : NULL, " ", &save)) == NULL)
			break;
	if (i < 5 || config_host_index(&app->cfg, w[0]) < 0 || (ago = atol(w[4])) < 0)
		return wr_err_set(err, ":deploy needs HOST SERVICE FROM TO AGO (seconds)");
	memset(&r, 0, sizeof(r));
	r.ts_ms = (int64_t)app_now(app) * 1000;
	r.kind = (char *)"health.change";
	r.host = w[0];
	r.data = cJSON_CreateObject();
	cJSON_AddStringToObject(r.data, "service", w[1]);
	cJSON_AddStringToObject(r.data, "tag", w[3]);
	cJSON_AddBoolToObject(r.data, "outside", true);
	cJSON_AddNumberToObject(r.data, "deployed_ms", (double)(r.ts_ms - ago * 1000));
	cJSON_AddStringToObject(r.data, "deployed_from", "compose ps: container created");
	cJSON_AddStringToObject(r.data, "healthz", "OK");
	cJSON_AddStringToObject(r.data, "readyz", "OK");
	cJSON_AddNumberToObject(r.data, "observed_ms", (double)(r.ts_ms - ago * 1000 + 1000));
	cJSON_AddStringToObject(r.data, "was_tag", w[2]);
	cJSON_AddStringToObject(r.data, "was_healthz", "OK");
	cJSON_AddStringToObject(r.data, "was_readyz", "OK");
	app_add_record(app, &r);
	cJSON_Delete(r.data);
	app->dirty = true;
	return 0;
}

/* ":verdict HOST LEVEL[: REASON]": a verdict.change of HOST to LEVEL
 * (decide_level_name's words) at the script's clock, as journal_verdict
 * writes one; the METRICS verdict is :metrics', this is the record. */
static int
fake_verdict(struct app *app, char *arg, struct wr_err *err)
{
	char *level = strchr(arg, ' '), *reason;
	enum decide_level l;
	struct record r;

	if (level != NULL)
		*level++ = '\0';
	if ((reason = level != NULL ? strchr(level, ':') : NULL) != NULL)
		*reason++ = '\0';
	if (config_host_index(&app->cfg, arg) < 0 || level == NULL ||
	    !decide_level_parse(wr_trim(level), &l))
		return wr_err_set(err, ":verdict needs a host of the config and a level (OK, "
		    "MONITOR, CONSIDER ROLLBACK, …)");
	memset(&r, 0, sizeof(r));
	r.ts_ms = (int64_t)app_now(app) * 1000;
	r.kind = (char *)"verdict.change";
	r.host = arg;
	r.data = cJSON_CreateObject();
	cJSON_AddStringToObject(r.data, "verdict", decide_level_name(l));
	if (reason != NULL)
		cJSON_AddStringToObject(r.data, "reason", wr_trim(reason));
	app_add_record(app, &r);
	cJSON_Delete(r.data);
	app->dirty = true;
	return 0;
}

static int
command_line(struct app *app, char *line, struct wr_err *err)
{
	char *arg = strchr(line, ' ');
	int w, h;

	if (arg != NULL) {
		*arg++ = '\0';
		arg = wr_trim(arg);
	}
	if (strcmp(line, ":resize") == 0) {
		if (arg == NULL || sscanf(arg, "%dx%d", &w, &h) != 2 || w < 1 || h < 1)
			return wr_err_set(err, ":resize needs WIDTHxHEIGHT");
		screen_resize(app, w, h);
		screen_draw(app);
		return 0;
	}
	if (strcmp(line, ":save-screen") == 0) {
		if (arg == NULL || *arg == '\0')
			return wr_err_set(err, ":save-screen needs a file name");
		screen_draw(app);
		return screen_save(app, arg, err);
	}
	if (strcmp(line, ":sleep") == 0) {
		if (arg == NULL || (w = atoi(arg)) < 0)
			return wr_err_set(err, ":sleep needs seconds");
		app->fake_now += w;
		app->dirty = true;
		screen_draw(app);
		return 0;
	}
	if (strcmp(line, ":logs-ring") == 0) {
		if (arg == NULL || (w = atoi(arg)) <= 0)
			return wr_err_set(err, ":logs-ring needs a size in bytes");
		logset_free(&app->logs);
		logset_init(&app->logs, (size_t)w);
		memset(app->logs_ring_name, 0, sizeof(app->logs_ring_name));
		logfilter_clear(&app->filter);
		app->filtering = false;
		app->logs_view.mode = LOGVIEW_FOLLOW;
		return 0;
	}
	if (strcmp(line, ":logs") == 0) {
		if (arg == NULL || *arg == '\0')
			return wr_err_set(err, ":logs needs a file name");
		return load_logs(app, WR_LOGSET_OWN, arg, true, err);
	}
	if (strcmp(line, ":logs-tails") == 0) {
		if (arg == NULL || (w = atoi(arg)) < 0 || w >= WR_LOGSET_RINGS)
			return wr_err_set(err, ":logs-tails needs a number of services");
		logset_reset(&app->logs, (unsigned)w);
		memset(app->logs_ring_name, 0, sizeof(app->logs_ring_name));
		app->logs_view.mode = LOGVIEW_FOLLOW;
		return 0;
	}
	if (strcmp(line, ":logs-tail") == 0 || strcmp(line, ":logs-arrive") == 0) {
		if (arg == NULL || sscanf(arg, "%d %n", &w, &h) != 1 || w < 1 ||
		    (unsigned)w >= logset_rings(&app->logs) || arg[h] == '\0')
			return wr_err_set(err, "%s needs a service of :logs-tails and a file", line);
		return load_logs(app, (unsigned)w, arg + h, line[6] == 't', err);
	}
	if (strcmp(line, ":logs-join") == 0) {
		unsigned ring;

		if (arg == NULL || *arg == '\0' || (ring = logset_add_ring(&app->logs)) == 0)
			return wr_err_set(err, ":logs-join needs :logs-tails and a file");
		if (load_logs(app, ring, arg, false, err) != 0)
			return -1;
		logview_merge_ring(&app->logs_view, &app->logs, ring, &app->logs_cursor, 1);
		screen_draw(app);
		return 0;
	}
	if (strcmp(line, ":term") == 0)
		return term_bytes(app, arg != NULL ? arg : (char *)"", err);
	if (strcmp(line, ":header") == 0)
		return fake_header(app, arg != NULL ? arg : (char *)"", err);
	if (strcmp(line, ":metrics") == 0)
		return fake_metrics(app, arg != NULL ? arg : (char *)"", err);
	if (strcmp(line, ":rollback") == 0)
		return fake_rollback(app, arg != NULL ? arg : (char *)"", err);
	if (strcmp(line, ":state") == 0)
		return fake_state(app, arg != NULL ? arg : (char *)"", err);
	if (strcmp(line, ":reconcile") == 0)
		return fake_reconcile(app, arg != NULL ? arg : (char *)"", err);
	if (strcmp(line, ":deploy") == 0)
		return fake_deploy(app, arg != NULL ? arg : (char *)"", err);
	if (strcmp(line, ":verdict") == 0)
		return fake_verdict(app, arg != NULL ? arg : (char *)"", err);
	if (strcmp(line, ":say") == 0) {
		if (arg == NULL || *arg == '\0')
			return wr_err_set(err, ":say needs the message");
		app_say(app, "%s", arg);
		app->dirty = true;
		screen_draw(app);
		return 0;
	}
	if (strcmp(line, ":say-outcome") == 0) {
		if (arg == NULL || *arg == '\0')
			return wr_err_set(err, ":say-outcome needs the message");
		app_say_outcome(app, "%s", arg);
		app->dirty = true;
		screen_draw(app);
		return 0;
	}
	if (strcmp(line, ":prompt") == 0) {
		if (arg == NULL || (strcmp(arg, "resolve") != 0 && strcmp(arg, "status") != 0))
			return wr_err_set(err, ":prompt knows only resolve and status");
		app_ask(app, strcmp(arg, "resolve") == 0 ? PROMPT_RESOLVE : PROMPT_STATUS);
		/* Drawn now, not only after a key: a screen saved next shows it. */
		app->dirty = true;
		screen_draw(app);
		return 0;
	}
	return wr_err_set(err, "unknown script command %s", line);
}

int
script_run(struct app *app, FILE *script, const char *name)
{
	char line[4096];
	struct wr_err err;
	int lineno = 0;

	screen_draw(app);
	while (!app->quit && fgets(line, sizeof(line), script) != NULL) {
		int r;

		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		wr_trim(line);
		if (line[0] == '\0' || line[0] == '#')
			continue;
		r = line[0] == ':' ? command_line(app, line, &err) : keys_line(app, line, &err);
		if (r != 0) {
			screen_close(app->screen);
			fprintf(stderr, "warroom: %s:%d: %s\n", name, lineno, err.msg);
			return 2;
		}
	}
	return 0;
}
