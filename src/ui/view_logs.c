/*
 * view_logs.c — the LOGS pane: the tail of a service, chosen with Enter
 * in HOSTS (more added with +, merged by the time each line carries),
 * followed with exec_follow (docker compose logs -f or kubectl logs -f,
 * resumed after a reconnect from its newest line's second, the lines of
 * that second it holds not stored twice). Its output arrives in chunks and goes
 * through ingest.c, which sanitizes and redacts every line on its way
 * into the service's own ring of the logset (storing lines it proves
 * clean as they are), so nothing a host prints reaches the terminal as a
 * control, and a service that floods drops only its own oldest lines; our
 * own highlighting is applied afterwards. A regex filter
 * (pcre2) shows only matching lines and is stepped a batch per loop pass,
 * so typing it never freezes the screen. Paused, the view keeps its place
 * and counts the lines that arrived since.
 */
#include "warroom/ui.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "warroom/driver_cmd.h"
#include "warroom/exec.h"
#include "warroom/ingest.h"
#include "warroom/logcost.h"
#include "warroom/logjump.h"
#include "warroom/loglevel.h"
#include "warroom/logstatus.h"
#include "warroom/logtext.h"
#include "warroom/logwrap.h"
#include "warroom/loop.h"
#include "warroom/podtail.h"
#include "warroom/poller.h"
#include "warroom/sanitize.h"
#include "warroom/ssh.h"

#define FILTER_BATCH 50000
/* How far back a tail's backlog goes when it starts. */
#define LOGS_BACKLOG_S 600
#define LOG_LINE_BUF 65536

_Static_assert(WR_LOGS_STREAMS < WR_LOGSET_RINGS, "a ring for each service and LOGS' own");
_Static_assert(WR_LOGSET_RINGS <= LOGMERGE_FILL_SERVICES, "a fill count for each ring");
_Static_assert(WR_LOGSET_RINGS <= 32, "a gate bit for each ring");

/* One tailed service. */
struct logs_stream {
	struct app *app;
	struct exec_follow *follow;
	int host, svc;
	unsigned ring;                   /* its ring in app->logs */
	struct ingest in[2];             /* stdout, stderr: each cut into lines apart */
	struct logmerge_carry carry[2];  /* ... and the time an untimed line takes */
	bool one_pod;                    /* k8s: kubectl follows one pod of several */
	bool widen_failed;               /* ... and its selector tail could not be built */
	bool joining;                    /* added by + beside tails already held: its
	                                  * backlog goes in among their lines by time */
};

/* Before a hold, lines of two streams cannot be put in time order; right
 * after a start the backlogs arrive one after the other, so wait longer. */
#define MERGE_HOLD_MS 300
#define MERGE_BACKLOG_HOLD_MS 1500
#define MERGE_BACKLOG_MS 3000
/* ... and no line leaves before every service has begun its backlog: one
 * behind a slow link would otherwise land below newer lines. Bounded, so
 * a service with nothing to say holds the others only briefly. */
#define MERGE_GATE_MS 5000
/* A backlog that came after newer lines is put among them by time at most
 * this often: each time copies every line held. */
#define MERGE_RING_EVERY_MS 1000

/* A merged line leaves the merge: stream is its ring, twice, plus one
 * for stderr. Counted when a reconnect's back-fill is older than lines
 * already shown. */
static void
append_line(const char *text, size_t len, int stream, int64_t ts_ms, void *arg)
{
	struct app *app = arg;

	unsigned ring = (unsigned)stream / 2;
	int i;

	logset_append(&app->logs, ring, text, len, stream % 2 != 0);
	logmerge_fill_note(&app->merge_fill, ring, ts_ms);
	for (i = 0; i < app->nstreams && ts_ms >= 0; i++)
		if (app->streams[i]->ring == ring && app->streams[i]->joining &&
		    ts_ms < app->logs_newest_ms)
			app->logs_unmerged = true;
	if (ts_ms > app->logs_newest_ms)
		app->logs_newest_ms = ts_ms;
	app->dirty = true;
}

/* The backlog of a tail + added, stored after the newer lines the others
 * held, goes in among them by time: every line kept, and the lines the
 * view holds on to followed to their new ids. */
static void
merge_joined(struct app *app)
{
	uint64_t ids[1] = { app->logs_cursor };
	uint64_t since_tick = logset_end(&app->logs) - app->logs_end_at_tick;
	int i;

	app->logs_unmerged = false;
	app->logs_merged_ms = loop_now_ms();
	for (i = 0; i < app->nstreams; i++)
		if (app->streams[i]->joining)
			logview_merge_ring(&app->logs_view, &app->logs, app->streams[i]->ring, ids, 1);
	app->logs_cursor = ids[0];
	/* The lines per second count lines, not where they now stand. */
	app->logs_end_at_tick = logset_end(&app->logs) - since_tick;
	app->dirty = true;
}

/* A reconnect's back-fill cannot go back among the lines shown: it comes
 * after newer lines, its times running back. Say how many, as the count
 * grows, so the jump back in time is not taken for a clock problem. */
static void
say_filled(struct app *app)
{
	unsigned ring;
	uint64_t n;

	while ((n = logmerge_fill_news(&app->merge_fill, &ring)) > 0)
		app_say(app, "%s: %llu line%s from while it was away, after newer lines (reconnect)",
		    ring < WR_LOGSET_RINGS ? app->logs_ring_name[ring] : "?",
		    (unsigned long long)n, n == 1 ? "" : "s");
}

static void
merge_tick(void *arg)
{
	struct app *app = arg;
	int64_t now = loop_now_ms(), next;

	app->merge_timer = 0;
	next = logmerge_drain(&app->merge, now, 0, append_line, app);
	say_filled(app);
	if (app->logs_unmerged) {
		int64_t at = app->logs_merged_ms + MERGE_RING_EVERY_MS;

		if (now >= at)
			merge_joined(app);
		else if (next < 0 || next > at)
			next = at;
	}
	if (next >= 0)
		app->merge_timer = loop_timer_add(app->loop, next > now ? next - now : 0, 0,
		    merge_tick, app);
}

/* ls was heard from (a line, or its run ended): the last service the
 * merge waited for lets the lines leave at once. */
static void
merge_heard(struct logs_stream *ls)
{
	struct app *app = ls->app;

	if (!logmerge_gate_open(&app->merge, ls->ring))
		return;
	if (app->merge_timer != 0)
		loop_timer_cancel(app->loop, app->merge_timer);
	app->merge_timer = loop_timer_add(app->loop, 0, 0, merge_tick, app);
}

/* Several services: a finished line waits to be put in the order of
 * the time it carries. */
static void
on_merge_line(const char *text, size_t len, const char *raw, size_t raw_len,
    unsigned source, void *arg)
{
	struct logs_stream *ls = arg;
	struct app *app = ls->app;

	app->merge.hold_ms = loop_now_ms() - app->streams_since_ms < MERGE_BACKLOG_MS ?
	    MERGE_BACKLOG_HOLD_MS : MERGE_HOLD_MS;
	logmerge_push(&app->merge, text, len, (int)(ls->ring * 2 + (source != 0)),
	    logmerge_carry_time(&ls->carry[source != 0], logmerge_parse_time(raw, raw_len),
	    loop_now_ms()), loop_now_ms());
	merge_heard(ls);
	if (app->merge_timer == 0)
		app->merge_timer = loop_timer_add(app->loop, app->merge.hold_ms, 0,
		    merge_tick, app);
}

static void
on_log_chunk(enum exec_stream s, const char *data, size_t len, bool eof, void *arg)
{
	struct logs_stream *ls = arg;
	struct ingest *in = &ls->in[s == EXEC_STDERR ? 1 : 0];
	uint64_t before = in->lines;

	if (eof) {
		ingest_finish(in);	/* a run ended: its last line is whole */
		if (in->o.set == NULL)
			merge_heard(ls);
	} else
		ingest_feed(in, data, len);
	if (in->o.set != NULL && in->lines != before)
		ls->app->dirty = true;
}

/* The tail resumes after a break: from the second of the newest line it
 * stored, the lines it holds of that second not stored again (ingest.c
 * says why). Merged lines may still wait in the merge: they are stored
 * first, so what the new run sends again is compared with all of them. */
static bool
on_log_since(char *buf, size_t cap, void *arg)
{
	struct logs_stream *ls = arg;
	struct app *app = ls->app;

	if (app->nstreams > 1) {
		logmerge_drain(&app->merge, loop_now_ms(), 1, append_line, app);
		say_filled(app);
		if (app->logs_unmerged)
			merge_joined(app);
		/* What a reconnect brings back is counted, not moved. */
		ls->joining = false;
		logmerge_fill_resume(&app->merge_fill, ls->ring);
	}
	return ingest_resume(&ls->in[0], &app->logs, ls->ring, buf, cap);
}

void
logs_stop(struct app *app)
{
	int i;

	for (i = 0; i < app->nstreams; i++) {
		exec_follow_stop(app->streams[i]->follow);
		ingest_free(&app->streams[i]->in[0]);
		ingest_free(&app->streams[i]->in[1]);
		free(app->streams[i]);
	}
	app->nstreams = 0;
	if (app->merge_timer != 0)
		loop_timer_cancel(app->loop, app->merge_timer);
	app->merge_timer = 0;
	logmerge_free(&app->merge);
	logmerge_init(&app->merge, MERGE_HOLD_MS);
	logmerge_fill_init(&app->merge_fill);
}

/* The tails' names ("h2/api"), in names[nstreams] over buf. */
static void
stream_names(struct app *app, char buf[][2 * WR_NAME_MAX + 2], const char **names)
{
	int i;

	for (i = 0; i < app->nstreams; i++) {
		const struct logs_stream *ls = app->streams[i];

		snprintf(buf[i], sizeof(buf[0]), "%s/%s", app->cfg.hosts[ls->host].name,
		    app->cfg.hosts[ls->host].services[ls->svc]);
		names[i] = buf[i];
	}
}

/* Every tail named, as far as the label holds ("h2/api, h4/api, by
 * time"). */
static void
label_streams(struct app *app)
{
	char buf[WR_LOGS_STREAMS][2 * WR_NAME_MAX + 2];
	const char *names[WR_LOGS_STREAMS];

	stream_names(app, buf, names);
	logstatus_names(names, app->nstreams, ", by time", (int)sizeof(app->follow_label) - 1,
	    app->follow_label, sizeof(app->follow_label));
}

/* Tail host/svc as one more stream, its lines into the ring (see
 * route_streams); -1 when it cannot. */
static int
add_stream(struct app *app, int host, int svc)
{
	const struct config_host *h = &app->cfg.hosts[host];
	const struct svc_state *st = app->poller != NULL ? poller_state(app->poller, host, svc) :
	    NULL;
	struct exec_follow_opts o = { 0 };
	struct wr_err err;
	char cmd[WR_CMD_MAX + 256], since[40];
	time_t start = time(NULL) - LOGS_BACKLOG_S;
	struct logs_stream *ls;
	struct tm tm;
	char prefix[200];                /* "api-1/api " */
	struct ingest_opts io = { .prefix = prefix, .line_cap = 16384, .red = &app->red };
	int k;

	/* A deployment's pods by its own selector, once a poll has read it;
	 * until then kubectl follows one of them, which the status says, and
	 * the poll that reads it widens the tail (logs_widen). */
	if (driver_cmd_logs(h, h->services[svc], st != NULL ? st->selector : NULL,
	    st != NULL ? st->pods : 0, cmd, sizeof(cmd), &err) != 0) {
		app_say(app, "cannot build the logs command for %s/%s: %s", h->name,
		    h->services[svc], err.msg);
		return -1;
	}
	ls = xcalloc(1, sizeof(*ls));
	ls->one_pod = h->driver == DRIVER_K8S && !driver_cmd_logs_all_pods(h,
	    st != NULL ? st->selector : NULL, st != NULL ? st->pods : 0);
	ls->app = app;
	ls->carry[0].ts_ms = ls->carry[1].ts_ms = -1;
	ls->host = host;
	ls->svc = svc;
	ls->ring = 1 + (unsigned)app->nstreams;
	snprintf(prefix, sizeof(prefix), "%s/%s ", h->name, h->services[svc]);
	snprintf(app->logs_ring_name[ls->ring], sizeof(app->logs_ring_name[0]), "%s/%s", h->name,
	    h->services[svc]);
	io.set = &app->logs;
	io.ring = ls->ring;
	io.on_line = on_merge_line;
	io.arg = ls;
	for (k = 0; k < 2; k++) {
		io.source = (unsigned)k;	/* 1: stderr, drawn as a warning */
		ingest_init(&ls->in[k], &io);
	}
	gmtime_r(&start, &tm);
	strftime(since, sizeof(since), "%Y-%m-%dT%H:%M:%SZ", &tm);
	o.on_chunk = on_log_chunk;
	o.since = on_log_since;
	o.arg = ls;
	o.first_since = since;           /* LOGS_BACKLOG_S to begin with */
	o.line_cap = 16384;
	app->streams[app->nstreams++] = ls;
	ls->follow = exec_follow_start(app->pool, host, cmd, &o);
	label_streams(app);
	return 0;
}

void
logs_widen(struct app *app)
{
	int i;

	for (i = 0; app->poller != NULL && i < app->nstreams; i++) {
		struct logs_stream *ls = app->streams[i];
		const struct config_host *h = &app->cfg.hosts[ls->host];
		const struct svc_state *st = poller_state(app->poller, ls->host, ls->svc);
		char cmd[WR_CMD_MAX + 256], news[300];
		struct wr_err err;
		int k;

		if (st == NULL || ls->widen_failed ||
		    !podtail_widen(h, ls->one_pod, st->selector, st->pods))
			continue;
		if (driver_cmd_logs(h, h->services[ls->svc], st->selector, st->pods, cmd,
		    sizeof(cmd), &err) != 0) {
			app_say(app, "%s/%s stays on one pod: %s", h->name, h->services[ls->svc],
			    err.msg);
			ls->widen_failed = true;	/* said once, not at every poll */
			continue;
		}
		ls->one_pod = false;
		/* The run is cut off where it is: a line it had begun comes again
		 * whole in the new run, which resumes as after a reconnect (its
		 * pod's lines held are not stored twice; on_log_since). */
		for (k = 0; k < 2; k++)
			ingest_drop_partial(&ls->in[k]);
		exec_follow_retarget(ls->follow, cmd);
		podtail_news(h->name, h->services[ls->svc], st->pods, news, sizeof(news));
		app_say(app, "%s", news);
		app->dirty = true;
	}
}

/* One service goes straight into its ring; several wait for the merge.
 * Decided once every stream is added, before any output arrives. */
static void
route_streams(struct app *app)
{
	uint32_t gate = 0;
	int i, k;

	for (i = 0; i < app->nstreams; i++) {
		for (k = 0; k < 2; k++)
			app->streams[i]->in[k].o.set = app->nstreams < 2 ? &app->logs : NULL;
		gate |= (uint32_t)1 << app->streams[i]->ring;
	}
	if (app->nstreams > 1)
		logmerge_gate(&app->merge, gate, loop_now_ms() + MERGE_GATE_MS);
}

/* Start over: an empty pane tailing these services, backlogs merged, each
 * service in a ring of its own. */
static void
restart(struct app *app, const int *hosts, const int *svcs, int n)
{
	int i, was = app->nstreams;
	char words[400];

	logs_stop(app);
	logset_reset(&app->logs, (unsigned)n);
	memset(app->logs_ring_name, 0, sizeof(app->logs_ring_name));
	logfilter_clear(&app->filter);
	if (app->filtering)
		logfilter_set(&app->filter, app->filter_text, strlen(app->filter_text), NULL);
	app->streams_since_ms = loop_now_ms();
	app->logs_newest_ms = 0;
	app->logs_unmerged = false;
	for (i = 0; i < n; i++)
		add_stream(app, hosts[i], svcs[i]);
	route_streams(app);
	app->logs_view.mode = LOGVIEW_FOLLOW;
	if (app->nstreams > 0) {
		/* Enter on a row after + merged several: said, or it looks as
		 * though the others went quiet. */
		logstatus_replaced(app->follow_label, n == 1 ? was : 0, words, sizeof(words));
		app_say(app, "%s", words);
	}
}

/* The selected row's host and service, or -1 (said in the footer when a
 * HOSTS filter hides every row); -1 without SSH (screen tests). */
static int
selected_to_tail(struct app *app, int *svc)
{
	int host = app_selected_service(app, svc);

	if (app->pool == NULL)
		return -1;
	if (host < 0 && app->cfg.nhosts > 0)
		app_say(app, "no row selected: the HOSTS filter shows none");
	return host;
}

void
logs_follow_selected(struct app *app)
{
	int svc, host = selected_to_tail(app, &svc);

	if (host < 0)
		return;
	restart(app, &host, &svc, 1);
}

/* What + adding host/svc will cost the history the tails hold now, in
 * words for the footer (empty when it costs none): they keep their
 * lines, but its backlog takes room from their oldest once the budget
 * is full. */
static void
add_cost(struct app *app, int host, int svc, char *out, size_t cap)
{
	struct logcost_tail t[WR_LOGSET_RINGS];
	char added[2 * WR_NAME_MAX + 2];
	int64_t now = (int64_t)app_now(app);
	unsigned i, n = 0;

	/* Tails hold rings 1..nstreams; one a tail that could not start left
	 * empty after them is not a tail. */
	for (i = 1; i < logset_rings(&app->logs) && i <= (unsigned)app->nstreams; i++, n++) {
		const struct logbuf *lb = logset_buf(&app->logs, i);
		uint64_t seq;

		t[n].name = app->logs_ring_name[i];
		t[n].oldest = logset_oldest_time(&app->logs, i);
		t[n].newest = WR_LOGBUF_NO_TIME;
		for (seq = logbuf_end(lb); seq > logbuf_first(lb) && logbuf_end(lb) - seq < 64 &&
		    t[n].newest == WR_LOGBUF_NO_TIME; seq--)
			t[n].newest = logbuf_time(lb, seq - 1);
		t[n].bytes = logbuf_used(lb);
	}
	snprintf(added, sizeof(added), "%s/%s", app->cfg.hosts[host].name,
	    app->cfg.hosts[host].services[svc]);
	logcost_words(t, n, added, logset_pool(&app->logs), app->logs.limit, now, out, cap);
}

/* The newest time the rings hold, in ms (0: none). */
static int64_t
newest_held_ms(const struct app *app)
{
	int64_t newest = 0, t;
	unsigned i;

	for (i = 1; i < logset_rings(&app->logs); i++) {
		const struct logbuf *lb = logset_buf(&app->logs, i);
		uint64_t seq;

		struct logset_line l;

		for (seq = logbuf_end(lb); seq > logbuf_first(lb) && logbuf_end(lb) - seq < 64;
		    seq--)
			if (logset_line(&app->logs, i, seq - 1, &l) &&
			    (t = logmerge_parse_time(l.text, l.len)) >= 0) {
				if (t > newest)
					newest = t;
				break;
			}
	}
	return newest;
}

/* One more tail beside those LOGS holds (its ring already added): theirs
 * keep their lines and runs; its backlog is put among their lines by
 * time as it arrives (merge_joined), their new lines held meanwhile
 * until it has begun. -1 when it could not start (it said why). */
static int
join(struct app *app, int host, int svc)
{
	struct logs_stream *ls;
	char words[400];
	int i, k;

	if (app->nstreams == 1) {
		/* Its lines were stored as they came: the merge knows nothing of
		 * them yet. */
		app->logs_newest_ms = newest_held_ms(app);
	} else if (app->logs_newest_ms < newest_held_ms(app))
		app->logs_newest_ms = newest_held_ms(app);
	app->streams_since_ms = loop_now_ms();
	if (add_stream(app, host, svc) != 0)
		return -1;	/* said why; the tails held go on as they were */
	ls = app->streams[app->nstreams - 1];
	ls->joining = true;
	for (i = 0; i < app->nstreams; i++)
		for (k = 0; k < 2; k++)
			app->streams[i]->in[k].o.set = NULL;
	logmerge_gate(&app->merge, (uint32_t)1 << ls->ring, loop_now_ms() + MERGE_GATE_MS);
	logstatus_replaced(app->follow_label, 0, words, sizeof(words));
	app_say(app, "%s", words);
	return 0;
}

void
logs_add_selected(struct app *app)
{
	int hosts[1], svcs[1];
	int svc, host = selected_to_tail(app, &svc), i;
	char cost[400];

	if (host < 0)
		return;
	if (app->focus != PANE_HOSTS) {
		app_say(app, "select the service in HOSTS first (1, then +)");
		return;
	}
	for (i = 0; i < app->nstreams; i++)
		if (app->streams[i]->host == host && app->streams[i]->svc == svc) {
			app_say(app, "LOGS already tails %s/%s", app->cfg.hosts[host].name,
			    app->cfg.hosts[host].services[svc]);
			return;
		}
	if (app->nstreams == WR_LOGS_STREAMS) {
		app_say(app, "LOGS tails %d services at most; Enter starts over with one",
		    WR_LOGS_STREAMS);
		return;
	}
	add_cost(app, host, svc, cost, sizeof(cost));
	/* A ring left empty by a tail that could not start serves the next. */
	if (app->nstreams == 0 || (logset_rings(&app->logs) <= 1 + (unsigned)app->nstreams &&
	    logset_add_ring(&app->logs) == 0)) {
		hosts[0] = host;
		svcs[0] = svc;
		restart(app, hosts, svcs, 1);
	} else if (join(app, host, svc) != 0)
		return;		/* its reason stays in the footer: there is no cost */
	if (cost[0] != '\0')
		app_say(app, "%s", cost);
}

/* The text a line is drawn from, *len its bytes: its RFC 3339 time
 * left out when timestamps are hidden, or short (HH:MM:SS) in a pane
 * narrower than LOGTEXT_SHORT_TIME_BELOW, where 24 columns of time
 * would crowd out the line. */
static const char *
timed_text(struct app *app, const char *text, size_t *len, int w)
{
	static char buf[LOG_LINE_BUF + 1];
	size_t from, to;

	if (app->logs_hide_times && logtext_time_span(text, *len, &from, &to)) {
		size_t rest = *len - (to < *len ? to + 1 : to);

		memcpy(buf, text, from);
		memcpy(buf + from, text + *len - rest, rest);
		*len = from + rest;
		return buf;
	}
	if (!app->logs_hide_times && w < LOGTEXT_SHORT_TIME_BELOW) {
		*len = logtext_short_time(text, *len, (int64_t)app_now(app), buf, sizeof(buf));
		return buf;
	}
	return text;
}

/* Columns of a tailed service's line's prefix as shown ("host/svc ", a
 * pod's replica after it: logtext_prefix_short), or 0 for LOGS' own lines. */
static int
prefix_cols(const struct logset_line *l)
{
	char prefix[256];
	size_t n;

	if (l->ring == 0 || (n = logtext_prefix(l->text, l->len)) == 0 || n >= sizeof(prefix))
		return 0;
	logtext_prefix_short(l->text, n, prefix, sizeof(prefix));
	return ui_width(prefix);
}

/* Columns of l's prefix once fitted into room (logtext_prefix_fit). */
static int
fitted_cols(const struct logset_line *l, int room)
{
	char fit[256], short_[256];
	size_t n;
	int c = prefix_cols(l);

	if (c <= room)
		return c;
	n = logtext_prefix_short(l->text, logtext_prefix(l->text, l->len), short_,
	    sizeof(short_));
	logtext_prefix_fit(short_, n, room, fit, sizeof(fit));
	return ui_width(fit);
}

/* raw[*len]'s prefix replaced by the one shown: short (a pod by its
 * replica's suffix), and fitted into pad_to columns when wider. Its bytes
 * in *bytes; returns its columns. */
static int
shown_prefix(char *raw, size_t *len, int pad_to, size_t *bytes)
{
	char short_[256], fit[256];
	size_t was = logtext_prefix(raw, *len), now, fitted;
	int cols;

	*bytes = 0;
	if (was == 0 || was >= sizeof(short_))
		return 0;
	/* Never longer in bytes than the stored one: it fits raw. */
	now = logtext_prefix_short(raw, was, short_, sizeof(short_));
	cols = ui_width(short_);
	if (cols > pad_to && pad_to > 0 &&
	    (fitted = logtext_prefix_fit(short_, now, pad_to, fit, sizeof(fit))) <= was) {
		now = fitted;
		memcpy(short_, fit, now + 1);
		cols = ui_width(short_);
	}
	memmove(raw + now, raw + was, *len - was + 1);
	memcpy(raw, short_, now);
	*len = *len - was + now;
	*bytes = now;
	return cols;
}

/* Characters of text[a, b). */
static int
chars_in(const char *text, size_t a, size_t b)
{
	return b > a ? (int)wr_utf8_chars(text + a, b - a) : 0;
}

/* An unwrapped line's text (text[body..] after its prefix), room columns
 * for it, from shortly before the filter's first match when that lies
 * past the pane's edge, then the column LOGS is scrolled to (> <) past
 * that. Cut, it keeps its time and level (logtext_shift_head) before a
 * "…" that marks the cut, and the matches move with the text. Notes in
 * app what > < $ continue from. Returns text's new length (cap its size). */
static size_t
shift_line(struct app *app, char *text, size_t len, size_t cap, size_t body, int room,
    struct logfilter_span *spans, size_t nsp)
{
	char head[64];
	size_t hb, used = 0, from, k, *o, at;
	int shift = 0, skip, hc = 0, cols, need;

	if (body > len)
		return len;
	hb = logtext_shift_head(text + body, len - body, head, sizeof(head), &used);
	hc = chars_in(head, 0, hb);
	/* A narrow pane's room is the text's before the time's. */
	if (room - hc - 1 < 16)
		hb = used = (size_t)(hc = 0);
	for (k = 0; k < nsp; k++)
		if (spans[k].start >= body && spans[k].end > spans[k].start) {
			int a = chars_in(text, body, spans[k].start);
			int to = a + chars_in(text, spans[k].start, spans[k].end);

			if (to > room)
				shift = logtext_shift_to(a, to, room - hc);
			break;
		}
	cols = chars_in(text, body, len);
	if (shift > app->logs_shift_max)
		app->logs_shift_max = shift;
	/* $: the scroll that shows this line's end after the head and "…". */
	need = cols - (room - hc - 1) - shift;
	if (cols > room && need > app->logs_end_hcol)
		app->logs_end_hcol = need;
	skip = shift + app->logs_hcol;
	if (skip <= 0)
		return len;
	/* The head stands for the text's first columns: never shown twice. */
	if (hb > 0 && skip < chars_in(text, body, body + used))
		skip = chars_in(text, body, body + used);
	from = logtext_col_byte(text, len, body, skip);
	at = body + hb + 3;
	if (at + (len - from) + 1 > cap || from < body + used)
		return len;
	memmove(text + at, text + from, len - from + 1);
	memcpy(text + body, head, hb);
	memcpy(text + body + hb, "\xe2\x80\xa6", 3);
	for (k = 0; k < nsp; k++) {
		for (o = &spans[k].start; o != NULL; o = o == &spans[k].start ? &spans[k].end : NULL)
			if (*o >= body)
				*o = *o < from ? at : *o - from + at;
	}
	return at + (len - from);
}

/* Cells of one character as ui_put_n draws it (logwrap measures with it). */
static int
char_cells(const char *s, size_t n, void *arg)
{
	char one[16];

	(void)arg;
	if (n >= sizeof(one))
		return (int)n;
	memcpy(one, s, n);
	one[n] = '\0';
	return ui_width(one);
}

/* Bytes [from, to) of text on row y from column x in at most cells, the
 * filter's matches (spans, in text's bytes) in reverse video; cells used. */
static int
put_row(struct app *app, WINDOW *win, int y, int x, int cells, char *text, size_t from,
    size_t to, const struct logfilter_span *spans, size_t nsp, int base)
{
	int used = 0, attr;
	size_t end, k, took;
	char save;

	while (from < to && used < cells) {
		end = to;
		attr = base;
		for (k = 0; k < nsp; k++) {
			if (spans[k].start <= from && from < spans[k].end) {
				end = spans[k].end < to ? spans[k].end : to;
				attr = (int)(ui_attr(app, THEME_STATUS) | A_REVERSE);
				break;
			}
			if (spans[k].start > from && spans[k].start < end)
				end = spans[k].start;
		}
		save = text[end];
		text[end] = '\0';
		used += ui_put_n(win, y, x + used, cells - used, attr, text + from, &took);
		text[end] = save;
		if (from + took < end)
			break;   /* full */
		from = end;
	}
	return used;
}

/* draw_line in wrap mode (logwrap.h): raw[len] (its prefix msg bytes and
 * mine columns wide, padded to pad_to, matches at spans) in rows from y up to h - 1;
 * rows used. A line taller than the pane (its window less the status
 * line) shows its first rows, "… N rows …" and its last; one short of
 * the room left shows its start cut with "…". */
static int
draw_wrapped(struct app *app, WINDOW *win, int y, int h, int w, const char *raw, size_t len,
    size_t msg, int mine, int pad_to, struct logfilter_span *spans, size_t nsp, int base)
{
	static char text[2 * LOG_LINE_BUF + 1];
	size_t pad = mine > 0 && mine < pad_to ? (size_t)(pad_to - mine) : 0;
	size_t n, k, from = 0, end, next, total, r;
	int indent, room = h - y, head = 0, tail = 0, x = 0, rows = 0;
	bool elide;

	for (k = 0; k < nsp; k++) {
		spans[k].start = logwrap_offset(raw, len, msg, pad, spans[k].start);
		spans[k].end = logwrap_offset(raw, len, msg, pad, spans[k].end);
	}
	n = logwrap_display(raw, len, msg, pad, text, sizeof(text));
	indent = logwrap_indent(mine > 0 ? mine + (int)pad : 0, w);
	total = logwrap_count(text, n, w, indent, char_cells, NULL);
	if (win == NULL || room <= 0)
		return total < (size_t)(room > 0 ? room : 0) ? (int)total : room > 0 ? room : 0;
	elide = logwrap_elide(total, room, getmaxy(win) - 1, &head, &tail);
	for (r = 0; r < total && rows < room; r++, from = next) {
		int cells = r == 0 ? w : w - indent;

		end = logwrap_row(text, n, from, cells, char_cells, NULL, &next);
		x = r == 0 ? 0 : indent;
		if (elide && r == (size_t)head) {
			char words[64];

			k = total - (size_t)head - (size_t)tail;
			snprintf(words, sizeof(words), "\xe2\x80\xa6 %zu row%s \xe2\x80\xa6", k,
			    k == 1 ? "" : "s");
			ui_put(win, y + rows++, x, cells, ui_attr(app, THEME_DIM), words);
			continue;
		}
		if (elide && r > (size_t)head && r < total - (size_t)tail)
			continue;
		if (!elide && rows == room - 1 && r + 1 < total) {
			/* Cut, it says so: the row full to its last cell, then …. */
			x += put_row(app, win, y + rows, x, cells - 1, text, from, n, spans, nsp, base);
			ui_put(win, y + rows++, x, 1, base, "\xe2\x80\xa6");
			break;
		}
		put_row(app, win, y + rows++, x, cells, text, from, end, spans, nsp, base);
	}
	return rows;
}

/* Draw one line, matches highlighted, wrapped when asked, cut with … on
 * row h - 1; returns rows used. win NULL only counts. Its prefix is padded to
 * pad_to columns (the widest in view), or shortened to them when wider
 * (logtext_prefix_fit), so merged services' times line up,
 * and its tabs are spaces to the next stop (logtext.h). */
static int
draw_line(struct app *app, WINDOW *win, int y, int h, int w, const struct logset_line *l,
    int pad_to)
{
	static char raw[LOG_LINE_BUF + 1], text[2 * LOG_LINE_BUF + 1];
	struct logfilter_span spans[16];
	size_t len = l->len, nsp = 0, at = 0, k, cut = 0, pad = 0;
	int mine;
	const char *src;
	enum loglevel lv = l->warn ? LOGLEVEL_NONE : loglevel_of(l->text, l->len);
	/* An action's output stands out; a service's errors and warnings too. */
	int x = 0, base = ui_attr(app, l->warn ? THEME_WARN :
	    lv == LOGLEVEL_ERROR ? THEME_BAD : lv == LOGLEVEL_WARN ? THEME_WARN : THEME_NORMAL);

	if (len > LOG_LINE_BUF)
		len = LOG_LINE_BUF;
	src = timed_text(app, l->text, &len, w);
	memcpy(raw, src, len);
	raw[len] = '\0';
	/* A pod by its replica; a prefix wider than the pane lets it gives
	 * way: shortened. */
	mine = l->ring != 0 ? shown_prefix(raw, &len, pad_to, &cut) : 0;
	if (app->filtering) {
		nsp = logfilter_spans(&app->filter, raw, len, spans, 16);
		if (win != NULL && sanitize_is_cut(l->text, l->len))
			app->logs_cut_seen++;
	}
	if (app->logs_wrap)
		return draw_wrapped(app, win, y, h, w, raw, len, cut, mine, pad_to, spans, nsp,
		    base);
	if (mine > 0 && mine < pad_to)
		pad = (size_t)(pad_to - mine);
	/* What the filter matched, where it is drawn. Tabs as wrap mode lays
	 * them out (from the message start), so w keeps a stack's indent. */
	for (k = 0; k < nsp && (pad > 0 || memchr(raw, '\t', len) != NULL); k++) {
		spans[k].start = logwrap_offset(raw, len, cut, pad, spans[k].start);
		spans[k].end = logwrap_offset(raw, len, cut, pad, spans[k].end);
	}
	if (pad > 0 || memchr(raw, '\t', len) != NULL)
		len = logwrap_display(raw, len, cut, pad, text, sizeof(text));
	else
		memcpy(text, raw, len + 1);
	for (k = 0; k < nsp; k++) {
		spans[k].start = spans[k].start < len ? spans[k].start : len;
		spans[k].end = spans[k].end < len ? spans[k].end : len;
	}
	len = shift_line(app, text, len, sizeof(text), cut + pad, w - (mine + (int)pad), spans, nsp);
	/* Text between matches plainly, the matches in reverse video. */
	for (k = 0; k <= nsp; k++) {
		size_t s = k < nsp ? spans[k].start : len, e = k < nsp ? spans[k].end : len;
		int part;

		for (part = 0; part < 2; part++) {
			size_t from = part == 0 ? at : s, to = part == 0 ? s : e, took;
			int attr = part ? (int)(ui_attr(app, THEME_STATUS) | A_REVERSE) : base;
			char save;

			if (to <= from)
				continue;
			save = text[to];
			text[to] = '\0';
			while (from < to) {
				x += ui_put_n(win, y, x, w - x, attr, text + from, &took);
				from += took;
				if (from >= to)
					break;
				/* Cut, it says so (w wraps it). */
				if (win != NULL && w > 1)
					ui_put(win, y, x < w ? x : w - 1, 1, base, "…");
				text[to] = save;
				return 1;
			}
			text[to] = save;
		}
		at = e;
	}
	return 1;
}

/* A row of the view: a line (its index in the window), or where tailed
 * services' kept lines begin (line -1): marks cuts[ring] on, nmarks of
 * them side by side in one row. */
struct logs_item {
	int line;
	unsigned ring;
	unsigned nmarks;
};

/* "── h4/api: older lines dropped (51025; the log budget is 64 MiB:
 * log_buffer) ──" across the pane, or one row for the n tails of cuts c
 * side by side (logview_mark_words): the lines above it are older than
 * what the rings kept of those services, so their silence there is not a
 * quiet service. */
static void
draw_cut(struct app *app, WINDOW *win, int y, int w, const struct logview_cut *c, unsigned n)
{
	struct logview_mark m[WR_LOGSET_RINGS];
	char text[600], budget[32];
	unsigned i;
	int x;

	for (i = 0; i < n && i < WR_LOGSET_RINGS; i++) {
		m[i].name = app->logs_ring_name[c[i].ring][0] ? app->logs_ring_name[c[i].ring] :
		    "LOGS";
		m[i].dropped = logset_dropped(&app->logs, c[i].ring);
		m[i].oldest = logset_oldest_time(&app->logs, c[i].ring);
	}
	log_buffer_words(app->logs.limit, budget, sizeof(budget));
	logview_mark_words(m, i, budget, w, text, sizeof(text));
	x = ui_put(win, y, 0, w, ui_attr(app, THEME_WARN), text);
	for (; x < w; x++)
		ui_put(win, y, x, 1, ui_attr(app, THEME_WARN), "─");
}

/* Draw one row item (draw_line, or draw_cut in one row); rows used. */
static int
draw_item(struct app *app, WINDOW *win, int y, int h, int w, const struct logs_item *it,
    const struct logview_line *lines, const struct logview_cut *cuts, int pad_to)
{
	struct logset_line l;

	if (it->line < 0) {
		if (win != NULL)
			draw_cut(app, win, y, w, cuts + it->ring, it->nmarks);
		return 1;
	}
	if (!logset_line(&app->logs, lines[it->line].ring, lines[it->line].seq, &l))
		return 0;
	/* Enter names the sources of these rows, not of a later frame's. */
	if (win != NULL && app->logs_ndrawn < sizeof(app->logs_drawn) / sizeof(app->logs_drawn[0]))
		app->logs_drawn[app->logs_ndrawn++] = lines[it->line];
	return draw_line(app, win, y, h, w, &l, pad_to);
}

/* "api-1/api: oldest kept 05:47:06 (1234 dropped)" for each ring that
 * dropped lines to make room (but ring skip; only those whose oldest kept
 * line is after t, unless t is INT64_MIN), joined by sep into buf; the
 * lines dropped. The ring the pane's label names goes unnamed unless
 * names. */
static uint64_t
drops_text(struct app *app, int64_t t, unsigned skip, bool names, const char *sep, char *buf,
    size_t cap)
{
	uint64_t total = 0;
	unsigned i;

	buf[0] = '\0';
	for (i = 0; i < logset_rings(&app->logs); i++) {
		uint64_t n = logset_dropped(&app->logs, i);
		int64_t oldest = logset_oldest_time(&app->logs, i);
		const char *name = app->logs_ring_name[i][0] ? app->logs_ring_name[i] : "LOGS";
		size_t at = strlen(buf);
		char old[16], who[160] = "";

		if (n == 0 || i == skip ||
		    (t != INT64_MIN && oldest != WR_LOGBUF_NO_TIME && oldest <= t))
			continue;
		if (names || strcmp(name, app->follow_label) != 0)
			snprintf(who, sizeof(who), "%s: ", name);
		if (oldest != WR_LOGBUF_NO_TIME) {
			wr_hms(oldest, old, sizeof(old));
			snprintf(buf + at, cap - at, "%s%soldest kept %s (%llu dropped)",
			    at > 0 ? sep : "", who, old, (unsigned long long)n);
		} else {
			snprintf(buf + at, cap - at, "%s%s%llu older lines dropped", at > 0 ? sep : "",
			    who, (unsigned long long)n);
		}
		total += n;
	}
	return total;
}

/* After @ to t (worded at): the rings (but skip) that dropped the lines
 * of t, and those that hold them, so one tail's gap does not read as every
 * tail's (logjump_drops_words); how many rings dropped them. */
static unsigned
jump_drops(struct app *app, int64_t t, const char *at, unsigned skip, char *buf, size_t cap)
{
	struct logjump_tail tails[WR_LOGSET_RINGS];
	unsigned i, n = logset_rings(&app->logs);

	for (i = 0; i < n && i < WR_LOGSET_RINGS; i++) {
		tails[i].name = app->logs_ring_name[i][0] ? app->logs_ring_name[i] : "LOGS";
		tails[i].dropped = logset_dropped(&app->logs, i);
		tails[i].oldest = logset_oldest_time(&app->logs, i);
	}
	return logjump_drops_words(tails, i, skip, t, at, buf, cap);
}

/* "15:20:10", or "2025-12-31 15:20:10" when t is not on the day of
 * other: a time of the day before reads as the same clock otherwise. */
static void
moment_text(int64_t t, int64_t other, char *buf, size_t cap)
{
	char clock[16];
	time_t tt = (time_t)t;
	struct tm tm;

	wr_hms(t, clock, sizeof(clock));
	if (other == WR_LOGBUF_NO_TIME || (t - (t % 86400 + 86400) % 86400) ==
	    (other - (other % 86400 + 86400) % 86400)) {
		snprintf(buf, cap, "%s", clock);
		return;
	}
	gmtime_r(&tt, &tm);
	snprintf(buf, cap, "%04d-%02d-%02d %s", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	    clock);
}

/* The parts of LOGS' status line, worded whole and briefly. */
struct status_parts {
	char full[LOGSTATUS_PARTS][600];
	char brief[LOGSTATUS_PARTS][300];
};

/* A tail that is not running says so: no new lines is not a quiet
 * service. */
static void
gap_part(struct app *app, struct status_parts *p)
{
	char *full = p->full[LOGSTATUS_GAP];
	int i, gaps = 0;

	for (i = 0; i < app->nstreams; i++) {
		const struct logs_stream *ls = app->streams[i];
		const char *gap = exec_follow_gap(ls->follow), *host, *svc;
		size_t at = strlen(full);

		if (gap == NULL)
			continue;
		host = app->cfg.hosts[ls->host].name;
		svc = app->cfg.hosts[ls->host].services[ls->svc];
		if (app->nstreams == 1) {
			snprintf(full, sizeof(p->full[0]), "NOT STREAMING: %s; retrying", gap);
			snprintf(p->brief[LOGSTATUS_GAP], sizeof(p->brief[0]), "NOT STREAMING");
		} else {
			snprintf(full + at, sizeof(p->full[0]) - at, "%s%s/%s NOT STREAMING: %s; retrying",
			    at > 0 ? "  " : "", host, svc, gap);
			if (gaps == 0)
				snprintf(p->brief[LOGSTATUS_GAP], sizeof(p->brief[0]),
				    "%s/%s NOT STREAMING", host, svc);
			else
				snprintf(p->brief[LOGSTATUS_GAP], sizeof(p->brief[0]),
				    "%d tails NOT STREAMING", gaps + 1);
		}
		gaps++;
	}
}

/* A k8s tail started before the deployment's selector was read follows
 * the one pod kubectl picked until it is widened (a selector it cannot
 * follow keeps it there): said once the pods are known to be more, after
 * the label ("1 pod of 3"; several tails: "k8s-1/api: 1 pod of 3"). */
static void
label_part(struct app *app, struct status_parts *p)
{
	char *full = p->full[LOGSTATUS_LABEL];
	int i;

	snprintf(full, sizeof(p->full[0]), "%s", app->follow_label);
	if (app->nstreams > 1) {
		char buf[WR_LOGS_STREAMS][2 * WR_NAME_MAX + 2];
		const char *names[WR_LOGS_STREAMS];

		/* Its first and a count: widened to more names once the line is
		 * fitted (draw_status). */
		stream_names(app, buf, names);
		logstatus_names(names, app->nstreams, "", 0, p->brief[LOGSTATUS_LABEL],
		    sizeof(p->brief[0]));
	}
	for (i = 0; i < app->nstreams; i++) {
		const struct logs_stream *ls = app->streams[i];
		const struct svc_state *st = app->poller != NULL ?
		    poller_state(app->poller, ls->host, ls->svc) : NULL;
		size_t at = strlen(full);

		if (!ls->one_pod || st == NULL || st->pods < 2)
			continue;
		if (app->nstreams == 1)
			snprintf(full + at, sizeof(p->full[0]) - at, ", 1 pod of %d", st->pods);
		else
			snprintf(full + at, sizeof(p->full[0]) - at, ", %s/%s: 1 pod of %d",
			    app->cfg.hosts[ls->host].name,
			    app->cfg.hosts[ls->host].services[ls->svc], st->pods);
	}
}

/* The filter, how many lines the rings hold that match, whether the
 * search through them is still going (it runs a batch per frame), and the
 * lines it could not search. */
static void
filter_parts(struct app *app, struct status_parts *p, bool searched)
{
	size_t total = logset_count(&app->logs);
	size_t at = logfilter_searched(&app->filter, &app->logs);
	size_t count = logfilter_count(&app->filter, &app->logs), bad;
	char shown[FILTER_SHOWN * 4 + 4], brief[40 * 4 + 4];

	/* Smart case: an uppercase letter makes the pattern case-sensitive,
	 * which is said, so /Timeout/ finding nothing is not a mystery. A
	 * long pattern is shown cut, and marked so. */
	wr_utf8_shorten(shown, sizeof(shown), app->filter_text, FILTER_SHOWN);
	wr_utf8_shorten(brief, sizeof(brief), app->filter_text, 40);
	snprintf(p->full[LOGSTATUS_FILTER], sizeof(p->full[0]), "filter /%s/%s", shown,
	    app->filter.caseless ? "" : " (case)");
	snprintf(p->brief[LOGSTATUS_FILTER], sizeof(p->brief[0]), "/%s/%s", brief,
	    app->filter.caseless ? "" : " (case)");
	snprintf(p->full[LOGSTATUS_MATCHING], sizeof(p->full[0]), "%zu matching", count);
	if (!searched && total > 0) {
		snprintf(p->brief[LOGSTATUS_MATCHING], sizeof(p->brief[0]), "%zu matching", count);
		snprintf(p->full[LOGSTATUS_MATCHING], sizeof(p->full[0]),
		    "%zu matching (searching, %zu%%)", count, at * 100 / total);
	}
	/* Shown, since pcre2 could not say they do not match. */
	if ((bad = logfilter_unsearched(&app->filter, &app->logs)) > 0) {
		snprintf(p->full[LOGSTATUS_UNSEARCHED], sizeof(p->full[0]),
		    "%zu line%s could not be searched (%s)", bad, bad == 1 ? "" : "s",
		    logfilter_error_words(&app->filter));
		snprintf(p->brief[LOGSTATUS_UNSEARCHED], sizeof(p->brief[0]), "%zu unsearched", bad);
	}
	/* Lines in view that ingest cut: the filter never saw their ends,
	 * so a line not shown may have matched there. */
	if ((bad = app->logs_cut_seen) > 0) {
		size_t f = strlen(p->full[LOGSTATUS_UNSEARCHED]);
		size_t b = strlen(p->brief[LOGSTATUS_UNSEARCHED]);

		snprintf(p->full[LOGSTATUS_UNSEARCHED] + f, sizeof(p->full[0]) - f,
		    "%s(%zu cut line%s: their ends were not kept)", f > 0 ? " " : "", bad,
		    bad == 1 ? "" : "s");
		snprintf(p->brief[LOGSTATUS_UNSEARCHED] + b, sizeof(p->brief[0]) - b,
		    "%s(%zu cut line%s)", b > 0 ? ", " : "", bad, bad == 1 ? "" : "s");
	}
}

/* Paused: the lines stored since the pause, wherever the view went since
 * (logview_news), and those a flood has dropped again, which f will never
 * show; with a filter, the new matches, which are what f would bring. */
static void
paused_part(struct app *app, struct status_parts *p)
{
	struct logview_news nw;
	char lost[64] = "";
	unsigned long long fresh;

	logview_news(&app->logs_view, &app->logs, app->filtering ? &app->filter : NULL, &nw);
	fresh = (unsigned long long)nw.arrived;
	if (nw.dropped > 0)
		snprintf(lost, sizeof(lost), " (%llu dropped)", (unsigned long long)nw.dropped);
	if (!app->filtering) {
		if (nw.dropped > 0)
			snprintf(p->full[LOGSTATUS_PAUSED], sizeof(p->full[0]),
			    "PAUSED +%llu new (%llu dropped; f follows)", fresh,
			    (unsigned long long)nw.dropped);
		else
			snprintf(p->full[LOGSTATUS_PAUSED], sizeof(p->full[0]),
			    "PAUSED +%llu new (f follows)", fresh);
		snprintf(p->brief[LOGSTATUS_PAUSED], sizeof(p->brief[0]), "PAUSED +%llu new%s", fresh,
		    lost);
	} else {
		snprintf(p->full[LOGSTATUS_PAUSED], sizeof(p->full[0]),
		    "PAUSED +%llu new%s, %zu matching (f follows)", fresh, lost, nw.matching);
		/* Of the new lines, those matching: "+0 matching" read as if
		 * nothing matched at all. */
		snprintf(p->brief[LOGSTATUS_PAUSED], sizeof(p->brief[0]), "PAUSED +%zu new match%s",
		    nw.matching, nw.matching == 1 ? "" : "es");
	}
}

/* The status line under the lines, fitted to the pane (logstatus.c):
 * what changes what is seen (paused, not streaming, the filter) keeps its
 * room; the label and the line count give way first. */
static void
draw_status(struct app *app, WINDOW *win, int y, int w, bool searched)
{
	static struct status_parts p;
	struct logstatus_in in = { .cols = w, .sep = 2 };
	struct logstatus_fit f;
	uint64_t dropped;
	int i, x = 0;

	memset(&p, 0, sizeof(p));
	label_part(app, &p);
	gap_part(app, &p);
	snprintf(p.full[LOGSTATUS_LINES], sizeof(p.full[0]), "%zu lines",
	    logset_count(&app->logs));
	if (app->filtering)
		filter_parts(app, &p, searched);
	/* A flood made room by dropping a ring's oldest lines: said, with
	 * where what is left begins. */
	if ((dropped = drops_text(app, INT64_MIN, UINT_MAX, false, ", ",
	    p.full[LOGSTATUS_DROPPED], sizeof(p.full[0]))) > 0)
		snprintf(p.brief[LOGSTATUS_DROPPED], sizeof(p.brief[0]), "%llu dropped",
		    (unsigned long long)dropped);
	if (app->logs_wrap)
		snprintf(p.full[LOGSTATUS_WRAP], sizeof(p.full[0]), "wrap");
	else if (app->logs_hcol != 0 && app->filtering) {
		/* Each line from its own match's place: one column would lie. */
		snprintf(p.full[LOGSTATUS_WRAP], sizeof(p.full[0]),
		    "%s %d cols from the matches (0: back)", app->logs_hcol > 0 ? "\xe2\x86\x92" :
		    "\xe2\x86\x90", abs(app->logs_hcol));
		snprintf(p.brief[LOGSTATUS_WRAP], sizeof(p.brief[0]), "%s %d",
		    app->logs_hcol > 0 ? "\xe2\x86\x92" : "\xe2\x86\x90", abs(app->logs_hcol));
	} else if (app->logs_hcol > 0) {
		/* Scrolled sideways: where the text starts, and the way back. */
		snprintf(p.full[LOGSTATUS_WRAP], sizeof(p.full[0]), "\xe2\x86\x92 col %d (0: start)",
		    app->logs_hcol + 1);
		snprintf(p.brief[LOGSTATUS_WRAP], sizeof(p.brief[0]), "\xe2\x86\x92 col %d",
		    app->logs_hcol + 1);
	}
	if (app->logs_hide_times) {
		snprintf(p.full[LOGSTATUS_TIMES], sizeof(p.full[0]), "timestamps hidden (t)");
		snprintf(p.brief[LOGSTATUS_TIMES], sizeof(p.brief[0]), "no times");
	}
	if (app->logs_view.mode != LOGVIEW_FOLLOW)
		paused_part(app, &p);
	for (i = 0; i < LOGSTATUS_PARTS; i++) {
		in.full[i] = p.full[i][0] != '\0' ? ui_width(p.full[i]) : 0;
		in.brief[i] = p.brief[i][0] != '\0' ? ui_width(p.brief[i]) : 0;
	}
	logstatus_fit(&in, &f);
	/* Merged tails worded briefly: named into what room the rest left. */
	if (f.form[LOGSTATUS_LABEL] == LOGSTATUS_BRIEF && app->nstreams > 1) {
		char buf[WR_LOGS_STREAMS][2 * WR_NAME_MAX + 2];
		const char *names[WR_LOGS_STREAMS];

		stream_names(app, buf, names);
		logstatus_names(names, app->nstreams, "",
		    in.brief[LOGSTATUS_LABEL] + w - logstatus_width(&in, &f),
		    p.brief[LOGSTATUS_LABEL], sizeof(p.brief[0]));
	}
	for (i = 0; i < LOGSTATUS_PARTS && x < w; i++) {
		const char *text = f.form[i] == LOGSTATUS_BRIEF ? p.brief[i] : p.full[i];
		int attr = ui_attr(app, i == LOGSTATUS_GAP || i == LOGSTATUS_UNSEARCHED ||
		    i == LOGSTATUS_DROPPED ? THEME_WARN : THEME_DIM);

		if (f.form[i] == LOGSTATUS_GONE)
			continue;
		if (x > 0)
			x += 2;
		if (i == LOGSTATUS_FILTER && f.filter_cols > 0) {
			char cut[FILTER_SHOWN * 4 + 64];

			/* The pattern cut, and said to be; "(case)" stays. */
			logstatus_filter(f.form[i] == LOGSTATUS_BRIEF ? "" : "filter ", app->filter_text,
			    app->filter.caseless ? "" : " (case)", f.filter_cols, cut, sizeof(cut));
			x += ui_put(win, y, x, w - x, attr, cut);
		} else {
			x += ui_put(win, y, x, w - x, attr, text);
		}
	}
}

/* A filter kept from another tail (Enter keeps it) that matches none of
 * these lines: the pane says so and how to change it, not blank rows. */
static void
none_match(struct app *app, WINDOW *win, int h, int w)
{
	char words[FILTER_SHOWN * 4 + 600], shown[FILTER_SHOWN * 4 + 4];
	int y = 0;

	wr_utf8_shorten(shown, sizeof(shown), app->filter_text, FILTER_SHOWN);
	logstatus_none_match(shown, app->follow_label[0] != '\0' ? app->follow_label : "LOGS",
	    logset_count(&app->logs), words, sizeof(words));
	ui_put_wrapped(win, &y, 1, w - 1, 0, h, ui_attr(app, THEME_DIM), words);
}

static void
logs_draw(struct app *app, WINDOW *win, int h, int w, bool focused)
{
	struct logview_line lines[512];
	struct logview_cut cuts[WR_LOGSET_RINGS];
	struct logs_item items[512 + WR_LOGSET_RINGS];
	struct logview_window win_;
	int n, y, i, m, pad_to = 0, room;
	size_t nc, k;
	bool searched = true;

	/* Lines without a stream come only from a screen test's :logs. */
	if (app->nstreams == 0 && logset_count(&app->logs) == 0) {
		y = 0;
		ui_put_wrapped(win, &y, 1, w - 1, 0, h, ui_attr(app, THEME_DIM), app->pool == NULL ?
		    "no log stream open" : "no tail yet: Enter on a HOSTS row tails it here");
		return;
	}
	app->logs_end_hcol = app->logs_shift_max = 0;
	/* Left of a shift means nothing without the filter that made it. */
	if (!app->filtering && app->logs_hcol < 0)
		app->logs_hcol = 0;
	app->logs_cut_seen = app->logs_ndrawn = 0;
	if (app->filtering && !logfilter_step(&app->filter, &app->logs, FILTER_BATCH)) {
		app->work_pending = true;   /* the filter goes on next pass */
		searched = false;
	}
	/* The lines to show, oldest first (logview): following, the newest
	 * on the last row; paused, where the view stands, clamped to the
	 * lines the rings still hold. */
	h -= 1;                              /* the status line */
	logview_window(&app->logs_view, &app->logs, app->filtering ? &app->filter : NULL,
	    h > 0 ? (size_t)(h < 512 ? h : 512) : 0, &win_, lines);
	n = (int)win_.n;
	if (n == 0 && app->filtering && searched && logset_count(&app->logs) > 0) {
		none_match(app, win, h, w);
		draw_status(app, win, h, w, searched);
		return;
	}
	/* Merged services' prefixes padded to the widest in view, which
	 * takes at most a third of the pane: wider ones are shortened. */
	for (i = 0; i < n; i++) {
		struct logset_line l;
		int c;

		if (logset_line(&app->logs, lines[i].ring, lines[i].seq, &l) &&
		    (c = prefix_cols(&l)) > pad_to)
			pad_to = c;
	}
	room = logtext_prefix_room(w, pad_to);
	if (room < pad_to) {
		pad_to = 0;
		for (i = 0; i < n; i++) {
			struct logset_line l;
			int c;

			if (logset_line(&app->logs, lines[i].ring, lines[i].seq, &l) &&
			    (c = fitted_cols(&l, room)) > pad_to)
				pad_to = c;
		}
	}
	/* The view's rows: lines, and before each tailed service's oldest
	 * kept line with older lines above it, a mark saying its older ones
	 * were dropped (never a line in the ring). */
	nc = logview_cuts(&app->logs, lines, (size_t)n, cuts, WR_LOGSET_RINGS);
	for (i = 0, k = 0, m = 0; i <= n; i++) {
		/* Marks with no line between them are one row: eight tails'
		 * marks left an 80x24 pane one line. */
		if (k < nc && cuts[k].before == (size_t)i) {
			items[m].line = -1;
			items[m].ring = (unsigned)k;
			items[m].nmarks = 0;
			while (k < nc && cuts[k].before == (size_t)i) {
				items[m].nmarks++;
				k++;
			}
			m++;
		}
		if (i < n) {
			items[m].line = i;
			items[m].nmarks = 0;
			items[m++].ring = lines[i].ring;
		}
	}
	if (win_.from_top) {
		/* Held at the top: the first line on the top row, whole, and
		 * the next ones below it while rows are left. */
		int low = 0, stop = m, pass;

		/* A mark below the last row would never be seen: the marks past
		 * where the rows run out take the bottom row instead, one row
		 * for them all (side by side there). */
		for (pass = 0; pass < 2; pass++) {
			for (i = 0, y = 0; i < m && y < h - low; i++)
				y += draw_item(app, NULL, y, h - low, w, &items[i], lines, cuts, pad_to);
			stop = i;
			for (low = 0; i < m; i++)
				low |= items[i].line < 0;
			if (low > h - 1)
				low = h - 1;
		}
		for (i = 0, y = 0; i < stop && y < h - low; i++)
			y += draw_item(app, win, y, h - low, w, &items[i], lines, cuts, pad_to);
		for (; i < m && items[i].line >= 0; i++)
			;
		if (low > 0 && i < m)
			draw_cut(app, win, h - low, w, cuts + items[i].ring,
			    (unsigned)nc - items[i].ring);
	} else {
		/* Fill from the bottom up: the newest line ends on the last
		 * row. A wrapped line takes several rows, so count them first,
		 * newest back, until the pane is full; the oldest of those
		 * shows its start, cut with …, never a tail with no host or
		 * time (an 80x24 pane's two rows showed only the newest line's
		 * end). */
		int first_rows = h, shown = m;

		if (app->logs_wrap && m > 0) {
			int *need = xcalloc((size_t)m, sizeof(*need));

			for (k = 0; k < (size_t)m; k++)
				need[k] = draw_item(app, NULL, 0, INT_MAX, w, &items[m - 1 - (int)k],
				    lines, cuts, pad_to);
			shown = (int)logview_fit_rows(need, (size_t)m, h, &first_rows);
			for (k = 0, y = 0; k < (size_t)shown; k++)
				y += (int)k == shown - 1 ? first_rows : need[k];
			free(need);
			y = h - y;
		} else {
			shown = m < h ? m : h;
			y = h - shown;
		}
		for (i = m - shown; i < m && y < h; i++) {
			/* The oldest shown ends where its rows do. */
			int lim = i == m - shown && app->logs_wrap ? y + first_rows : h;

			y += draw_item(app, win, y, lim, w, &items[i], lines, cuts, pad_to);
		}
	}
	draw_status(app, win, h, w, searched);
}

/* The shown lines: the filter's matches while one is set. */
static struct logfilter *
shown_filter(struct app *app)
{
	return app->filtering ? &app->filter : NULL;
}

/* Rows of lines in LOGS as the next frame draws it (a zoom follows the
 * focus): the pane less its border and status line. */
static size_t
pane_rows(const struct app *app)
{
	struct layout lo;
	const struct rect *r = &lo.pane[PANE_LOGS];

	layout_compute(&lo, app->screen->cols, app->screen->lines,
	    app->zoomed ? (int)app->focus : -1, (int)app->focus, app->screen->footer_rows,
	    app->screen->hosts_rows);
	return r->h > 4 ? (size_t)(r->h - 3) : 1;
}

/* > and <: the unwrapped lines' text half a pane sideways (with a filter,
 * from each line's shift to its match), 0 back to its start (the shift),
 * $ to the end of the longest line in view; a wrapped line shows all of
 * it already. */
static void
scroll_sideways(struct app *app, enum wr_command cmd)
{
	struct layout lo;
	int step, low;

	if (app->logs_wrap) {
		app_say(app, "LOGS lines wrap (w): nothing to scroll sideways");
		return;
	}
	layout_compute(&lo, app->screen->cols, app->screen->lines,
	    app->zoomed ? (int)app->focus : -1, (int)app->focus, app->screen->footer_rows,
	    app->screen->hosts_rows);
	step = lo.pane[PANE_LOGS].w > 5 ? (lo.pane[PANE_LOGS].w - 2) / 2 : 1;
	/* With a filter, back left of the shifts to the matches as far as
	 * the widest of them. */
	low = app->filtering ? -app->logs_shift_max : 0;
	if (cmd == WR_CMD_SCROLL_START)
		app->logs_hcol = 0;
	else if (cmd == WR_CMD_SCROLL_END) {
		/* From what the last frame drew: the longest line's end. */
		if (app->logs_end_hcol <= 0 && app->logs_hcol <= 0)
			app_say(app, "LOGS lines in view end in view");
		app->logs_hcol = app->logs_end_hcol > 0 ? app->logs_end_hcol : 0;
	} else if (cmd == WR_CMD_SCROLL_LEFT)
		app->logs_hcol = app->logs_hcol - step > low ? app->logs_hcol - step :
		    low < app->logs_hcol ? low : app->logs_hcol;
	else if (app->logs_hcol + step < LOG_LINE_BUF)
		app->logs_hcol += step;
}

/* Enter in LOGS: the whole sources behind the prefixes shown short on
 * the rows last drawn (a pod's full name, its container), in the footer;
 * false when no prefix there is short. */
static bool
say_sources(struct app *app)
{
	const struct logview_line *lines = app->logs_drawn;
	struct logset_line l;
	size_t i, n, at = 0;
	char out[1600] = "", full[256], short_[256];
	int len;

	/* The rows the last frame drew: following a fast tail, a window
	 * taken now would name pods that came after what was seen. */
	for (i = 0; i < app->logs_ndrawn; i++) {
		if (!logset_line(&app->logs, lines[i].ring, lines[i].seq, &l) || l.ring == 0 ||
		    (n = logtext_prefix(l.text, l.len)) < 2 || n >= sizeof(full))
			continue;
		memcpy(full, l.text, n - 1);
		full[n - 1] = '\0';
		logtext_prefix_short(l.text, n, short_, sizeof(short_));
		short_[strlen(short_) - 1] = '\0';
		if (strcmp(short_, full) == 0 || strstr(out, full) != NULL)
			continue;
		len = snprintf(out + at, sizeof(out) - at, "%s%s is %s", at > 0 ? "; " : "", short_,
		    full);
		if (len < 0 || (size_t)len >= sizeof(out) - at)
			break;
		at += (size_t)len;
	}
	if (at == 0)
		return false;
	app_say(app, "in view: %s", out);
	return true;
}

static bool
logs_key(struct app *app, enum wr_command cmd, int page)
{
	size_t rows = page > 0 ? (size_t)page : 1;
	char text[1200];

	if (logset_count(&app->logs) == 0)
		return false;
	switch (cmd) {
	case WR_CMD_UP: logview_scroll(&app->logs_view, &app->logs, shown_filter(app), rows, -1); break;
	case WR_CMD_DOWN: logview_scroll(&app->logs_view, &app->logs, shown_filter(app), rows, 1); break;
	case WR_CMD_PAGE_UP:
		logview_scroll(&app->logs_view, &app->logs, shown_filter(app), rows, -(long)rows);
		break;
	case WR_CMD_PAGE_DOWN:
		logview_scroll(&app->logs_view, &app->logs, shown_filter(app), rows, (long)rows);
		break;
	case WR_CMD_TOP:
		logview_top(&app->logs_view, &app->logs);
		/* The top is where a flood left off, not where the tail began. */
		if (drops_text(app, INT64_MIN, UINT_MAX, true, "; ", text, sizeof(text)) > 0)
			app_say(app, "LOGS from the oldest line kept; %s", text);
		break;
	case WR_CMD_BOTTOM: app->logs_view.mode = LOGVIEW_FOLLOW; break;
	case WR_CMD_OPEN: return say_sources(app);
	case WR_CMD_SCROLL_RIGHT: case WR_CMD_SCROLL_LEFT: case WR_CMD_SCROLL_START:
	case WR_CMD_SCROLL_END:
		scroll_sideways(app, cmd);
		break;
	default: return false;
	}
	return true;
}

/* n/N with a filter: the next (previous) match from where the view
 * stands (logview_match). */
void
logs_search(struct app *app, bool next)
{
	size_t rows = pane_rows(app);

	if (logset_count(&app->logs) == 0) {
		app_say(app, "no lines to search");
		return;
	}
	if (!logview_match(&app->logs_view, &app->logs, &app->filter, rows < 512 ? rows : 512,
	    next))
		app_say(app, "no %s match", next ? "later" : "earlier");
}

void
logs_jump(struct app *app, const char *text)
{
	uint64_t first = logset_first(&app->logs), end = logset_end(&app->logs), id;
	int64_t t, oldest;
	struct logset_line l;
	struct wr_err err;
	char at[64], old[16], drops[1200] = "", whose[160] = "its";

	if (logjump_parse(text, (int64_t)app_now(app), &t, &err) != 0) {
		app_say(app, "LOGS unchanged: %s", err.msg);
		return;
	}
	wr_hms(t, at, sizeof(at));
	if (end == first) {
		app_say(app, "LOGS holds no lines to jump in");
		return;
	}
	id = logset_seek_time(&app->logs, t);
	if (id == end) {
		app_say(app, "LOGS unchanged: no line is stamped %s UTC or later", at);
		return;
	}
	/* With a filter, a match from there on (seq itself too) or nothing. */
	if (app->filtering) {
		struct logview probe = { LOGVIEW_TOP, id, 0 };
		struct logview_window w;

		logview_window(&probe, &app->logs, &app->filter, 1, &w, NULL);
		if (!w.from_top) {
			char shown[FILTER_SHOWN * 4 + 4];

			wr_utf8_shorten(shown, sizeof(shown), app->filter_text, FILTER_SHOWN);
			app_say(app, "LOGS unchanged: no line matching /%s/ from %s UTC on", shown, at);
			return;
		}
	}
	/* The line on the top row, held there (the window clamps it to what
	 * the rings still hold as lines come and go). */
	logview_hold(&app->logs_view, &app->logs, LOGVIEW_TOP, id);
	/* The rings that no longer hold that time because a flood made them
	 * drop it say so: the line shown first is not all there was. */
	oldest = logset_time(&app->logs, first);
	if (id == first && oldest != WR_LOGBUF_NO_TIME && oldest > t &&
	    logset_get(&app->logs, first, &l)) {
		uint64_t lost = logset_dropped(&app->logs, l.ring);

		wr_hms(oldest, old, sizeof(old));
		moment_text(t, oldest, at, sizeof(at));
		if (logset_rings(&app->logs) > 1 && app->logs_ring_name[l.ring][0] != '\0')
			snprintf(whose, sizeof(whose), "%s's", app->logs_ring_name[l.ring]);
		/* Several tails short of then: said in brief, the first line's
		 * own among them (an 80x24 footer took six rows, one a tail). */
		if (jump_drops(app, t, at, UINT_MAX, drops, sizeof(drops)) > 1) {
			app_say(app, "LOGS from the oldest line kept, %s UTC; %s", old, drops);
			return;
		}
		drops[0] = '\0';
		if (jump_drops(app, t, at, l.ring, drops + 2, sizeof(drops) - 2) > 0)
			memcpy(drops, "; ", 2);
		if (lost > 0)
			app_say(app, "LOGS from %s oldest line, %s UTC (none from %s kept: %llu "
			    "older dropped)%s", whose, old, at, (unsigned long long)lost, drops);
		else
			app_say(app, "LOGS from %s oldest line, %s UTC (none from %s kept)%s", whose,
			    old, at, drops);
		return;
	}
	if (jump_drops(app, t, at, UINT_MAX, drops + 2, sizeof(drops) - 2) > 0)
		memcpy(drops, "; ", 2);
	app_say(app, "LOGS from %s UTC, paused (f follows again)%s", at, drops);
}

const struct view_ops view_logs_ops = {
	.name = "LOGS",
	.draw = logs_draw,
	.key = logs_key,
};
