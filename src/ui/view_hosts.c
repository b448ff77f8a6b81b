/*
 * view_hosts.c — the HOSTS pane: one row per host and service with the
 * SSH state, the running tag, the container or rollout state, health,
 * readiness (a warning for a ready service whose migrations are not
 * current: "200 ahead!" or "200 behind!" when /readyz says which way,
 * "200 mig!" when it does not: probe.h), version, restarts, the age of
 * the data and the host's verdict, in its colour. Columns are as
 * wide as their values (up to a cap), in fewer words when room is short,
 * and chosen by priority (hosts_table.c), so a narrow pane keeps the ones
 * that decide a rollback, and the age of any value that may be old.
 * Values read before the host went away, or before its poll began to
 * fail, are drawn dim. A value that changed in the last seconds is
 * highlighted; under the table the selected row's trouble is spelled out
 * in full (wrapped when zoomed). A row whose .env names another tag than
 * it runs (envmarks.c) says so in its TAG cell and first under the table. Rows hidden above or below are counted
 * on the pane's border, naming the worst verdict among them and the
 * hosts DOWN. Rows may be
 * ordered worst first (o); the selection stays on its row, not its
 * position.
 */
#include "warroom/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "warroom/action.h"
#include "warroom/badrel.h"
#include "warroom/columns.h"
#include "warroom/decide.h"
#include "warroom/deployby.h"
#include "warroom/envmark.h"
#include "warroom/hosts_table.h"
#include "warroom/loop.h"
#include "warroom/poller.h"
#include "warroom/ssh.h"
#include "warroom/sshcfg.h"

#define CHANGED_MS 5000

/* The host (its index) and service of table row n. */
static int
row_at(const struct app *app, int n, const struct config_host **h, int *svc)
{
	int i = app_row_host(app, n, svc);

	*h = i >= 0 ? &app->cfg.hosts[i] : NULL;
	if (i < 0)
		*svc = 0;
	return i;
}

/* Whether host hi's connection is UP (without a pool, only as a screen
 * test's :state says). */
static bool
host_up(const struct app *app, int hi)
{
	if (app->pool == NULL)
		return app->fake_up != NULL && app->fake_up[hi];
	return ssh_pool_status(app->pool, hi)->state == SSH_UP;
}

/* Whether host hi's connection is DOWN: lost or refused, waiting for its
 * retry (not one still connecting, nor an untrusted one). What the
 * markers of hidden rows count. */
static bool
host_down(const struct app *app, int hi)
{
	if (app->pool == NULL)
		return app->fake_down != NULL && app->fake_down[hi];
	return ssh_pool_status(app->pool, hi)->state == SSH_DOWN;
}

/* Whether host hi's row shows the last values read before its host went
 * away (without a pool, only a screen test's :state conn=down). */
static bool
host_lost(const struct app *app, int hi)
{
	return app->pool != NULL ? !host_up(app, hi) : host_down(app, hi);
}

/* The connection cell of a host (DOWN: for how long, brief "DOWN 2m")
 * and the theme role it is drawn in. */
static enum theme_role
conn_text(const struct app *app, int host, bool brief, char *buf, size_t cap)
{
	const struct ssh_status *st;

	if (app->pool == NULL && host_up(app, host)) {
		wr_strlcpy(buf, "UP", cap);
		return THEME_OK;
	}
	if (app->pool == NULL && host_down(app, host)) {
		/* At the script's clock, from its :state conn=down. */
		hosts_table_down((long)(app_now(app) - app->fake_down_since[host]), brief, buf,
		    cap);
		return THEME_BAD;
	}
	if (app->pool == NULL) {
		wr_strlcpy(buf, "not connected", cap);
		return THEME_DIM;
	}
	st = ssh_pool_status(app->pool, host);
	switch (st->state) {
	case SSH_UP:
		wr_strlcpy(buf, "UP", cap);
		return THEME_OK;
	case SSH_DOWN:
		/* How long it has been away: the retry's countdown read as that
		 * (before, "DOWN 31s", "DOWN 9s", "DOWN 42s"); the line
		 * under the table says when the next try is. */
		hosts_table_down(st->down_since_ms > 0 ?
		    (long)((loop_now_ms() - st->down_since_ms) / 1000) : -1, brief, buf, cap);
		return THEME_BAD;
	case SSH_UNTRUSTED:
		wr_strlcpy(buf, hosts_table_untrusted(st->key_changed, st->key_revoked), cap);
		return THEME_BAD;
	default:
		wr_strlcpy(buf, ssh_state_name(st->state), cap);
		return THEME_WARN;
	}
}

static enum theme_role
health_role(enum probe_health h)
{
	return h == PROBE_OK ? THEME_OK : h == PROBE_FAIL ? THEME_BAD : THEME_WARN;
}

/* width is the most cells a column takes; it is narrower when its values are. */
static const struct {
	const char *title;
	int width;
} cols[HOSTS_COL_COUNT] = {
	[HOSTS_COL_HOST] = { "HOST", 20 }, [HOSTS_COL_SVC] = { "SERVICE", 14 },
	[HOSTS_COL_CONN] = { "CONN", 16 }, [HOSTS_COL_TAG] = { "TAG", 24 },
	[HOSTS_COL_VERDICT] = { "VERDICT", 27 },
	[HOSTS_COL_STATE] = { "STATE", 20 }, [HOSTS_COL_HEALTH] = { "HEALTH", 7 },
	[HOSTS_COL_READY] = { "READY", 11 }, [HOSTS_COL_VERSION] = { "VERSION", 24 },
	[HOSTS_COL_EXPORT] = { "EXPORT", 6 },
	[HOSTS_COL_RESTARTS] = { "RST", 4 }, [HOSTS_COL_AGE] = { "AGE", 8 },
	[HOSTS_COL_DRIVER] = { "DRIVER", 8 }, [HOSTS_COL_ADDR] = { "ADDRESS", 40 },
};

/* Seconds since then_ms (wall clock; a screen test's own, which its
 * :state reads at), never negative. */
static long
age_s(const struct app *app, int64_t then_ms)
{
	struct timespec ts;
	int64_t now_ms;
	long s;

	clock_gettime(CLOCK_REALTIME, &ts);
	now_ms = app->fake_clock ? (int64_t)app->fake_now * 1000 :
	    (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	s = (long)((now_ms - then_ms) / 1000);
	return s < 0 ? 0 : s;
}

static bool
recent(int64_t changed_ms)
{
	struct timespec ts;

	if (changed_ms == 0)
		return false;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 - changed_ms < CHANGED_MS;
}

static int verdict_of(const struct app *app, int hi);
static bool runs_bad_release(const struct app *app, int hi, int svc);

/* How bad a row looks, for ordering worst first (hosts_table_health_rank). */
static int
health_rank(const struct app *app, int host, int svc)
{
	const struct svc_state *s = app_state(app, host, svc);
	struct hosts_health h = { .up = host_up(app, host), .read = s != NULL,
		.probed = config_probes_service(&app->cfg.hosts[host], svc), .restarts = -1 };

	if (s != NULL) {
		h.broken = s->driver_error[0] != '\0' || strstr(s->state, "exited") != NULL ||
		    strcmp(s->state, "absent") == 0 || strstr(s->health, "unhealthy") != NULL;
		h.have_probe = s->have_probe;
		h.healthz = (int)s->healthz.health;
		h.readyz = (int)s->readyz.health;
		h.warned = s->version_cmp == PROBE_VERSION_MISMATCH || (s->have_probe &&
		    s->readyz.schema_warn != PROBE_SCHEMA_UNSAID);
		h.restarts = s->have_driver ? s->restarts : -1;
	}
	h.level = verdict_of(app, host);
	h.bad_rel = runs_bad_release(app, host, svc);
	return hosts_table_health_rank(&h);
}

/* Whether host h's metrics are read at all (metrics_url or Prometheus). */
static bool
has_metrics(const struct config_host *h)
{
	return h->metrics_url[0] != '\0' || config_uses_prometheus(h);
}

/* Host hi's verdict level, or -1 before its first (or without metrics).
 * A start-up NO DATA, while a rate waits for its second scrape, is no
 * verdict (poller.h: judged): blank, as the man page says, not NO DATA
 * on every row for the first seconds. */
static int
verdict_of(const struct app *app, int hi)
{
	const struct host_metrics *m = hi >= 0 ? app_metrics(app, hi) : NULL;

	return m != NULL && m->judged ? (int)m->verdict.level : -1;
}

/* The tag the journal last said of row (hi, svc) when it is a release
 * this incident judged bad and no read of this console's says otherwise
 * (its host away since before it began: TAG's "(journal)"); else NULL. */
static const char *
journal_bad_release(const struct app *app, int hi, int svc)
{
	const char *jtag;
	int64_t jms;

	if (hi < 0 || !host_lost(app, hi) || (jtag = app_journal_tag(app, hi, svc, &jms)) == NULL)
		return NULL;
	return badrel_is_bad(&app->contain.rel, jtag) ? jtag : NULL;
}

/* Whether host hi's service svc runs (as last read) a release this
 * incident judged bad (badrel.h): a rollback of api alone left jobs on
 * it, reading OK by api's calm metrics. A host away since before the
 * console began counts by the journal's tag: its likeliest state, and
 * its row says where it comes from. */
static bool
runs_bad_release(const struct app *app, int hi, int svc)
{
	const struct svc_state *s = hi >= 0 ? app_state(app, hi, svc) : NULL;

	if (s != NULL && s->have_driver)
		return s->tag[0] != '\0' && badrel_is_bad(&app->contain.rel, s->tag);
	return journal_bad_release(app, hi, svc) != NULL;
}

/* Whether row (hi, svc)'s VERDICT says BAD RELEASE (hosts_table.h). */
static bool
shows_bad_release(const struct app *app, int hi, int svc)
{
	return hosts_table_bad_release(verdict_of(app, hi), runs_bad_release(app, hi, svc));
}

/* order[pos] = the row shown at table position pos, under app->host_sort
 * and the filter; after them, in the same order, the rows the filter
 * hides. Returns how many rows are shown. */
static int
row_order(const struct app *app, int *order, int rows)
{
	struct hosts_order_row *keys = xcalloc((size_t)rows, sizeof(*keys));
	int *sorted = xcalloc((size_t)rows, sizeof(*sorted));
	const struct config_host *h;
	int n, svc, host, shown;

	for (n = 0; n < rows; n++) {
		host = row_at(app, n, &h, &svc);
		keys[n].host = h != NULL ? h->name : "";
		if (app->host_sort == HOSTS_BY_HOST)
			continue;
		keys[n].health = health_rank(app, host, svc);
		/* By verdict a row on a bad release goes between CONSIDER and
		 * MONITOR, as the title ranks it. */
		keys[n].verdict = 2 * verdict_of(app, host);
		if (shows_bad_release(app, host, svc))
			keys[n].verdict = 2 * DECIDE_CONSIDER - 1;
	}
	hosts_table_order(keys, rows, app->host_sort, sorted);
	for (n = 0, shown = 0; n < rows; n++)
		if (app_row_shown(app, sorted[n]))
			order[shown++] = sorted[n];
	for (n = 0, host = shown; n < rows; n++)
		if (!app_row_shown(app, sorted[n]))
			order[host++] = sorted[n];
	free(sorted);
	free(keys);
	return shown;
}

static int
order_pos(const int *order, int rows, int row)
{
	int i;

	for (i = 0; i < rows; i++)
		if (order[i] == row)
			return i;
	return 0;
}

static int detail_after(const struct app *app, int host, int svc, const struct svc_state *s,
    char lines[2][700]);

/* At most this many lines under the table for the selected row (a
 * zoomed pane wraps them onto more). */
#define DETAIL_LINES 4

/* Lines under the table for the selected row: why its host is not UP (an
 * untrusted key's fingerprint on a line of its own) or why its poll fails
 * (both make the row's values old, so they come before anything else),
 * what its .env would bring back, its latest action, or why it is
 * unhealthy. Returns the lines needed. */

static int
detail_lines(const struct app *app, int host, int svc, char lines[3][700])
{
	const struct ssh_status *st;
	const struct svc_state *s;
	struct envmark m;
	const char *name;

	if (host < 0)
		return 0;
	name = app->cfg.hosts[host].name;
	/* Without a pool (screen tests) only what was read has a reason. */
	st = app->pool != NULL ? ssh_pool_status(app->pool, host) : NULL;
	if (st == NULL)
		goto read;
	if (st->state == SSH_UNTRUSTED && st->key_changed) {
		char fix[WR_PATH_MAX + 340];

		/* What to run once the new key is known to be right, and both keys. */
		sshcfg_key_changed_fix(st->known_name, st->known_file, fix, sizeof(fix));
		snprintf(lines[0], 700, "%s: HOST KEY CHANGED%s%.60s — nothing is sent to it; "
		    "%.420s", name, st->hop[0] ? " on ProxyJump hop " : "", st->hop, fix);
		snprintf(lines[1], 700, "  offered %s %s; known_hosts has %s %s", st->keytype,
		    st->fingerprint, st->old_keytype[0] ? st->old_keytype : "a key",
		    st->old_fingerprint[0] ? st->old_fingerprint : "(not read)");
		return 2;
	}
	if (st->state == SSH_UNTRUSTED && st->key_revoked) {
		/* As loud as ssh: a revoked key is refused, never offered to K. */
		snprintf(lines[0], 700, "%s: REVOKED HOST KEY — marked @revoked in %.500s:%d; "
		    "nothing is sent to it, and K never trusts it", name, st->known_file,
		    st->known_line);
		snprintf(lines[1], 700, "  %s %s", st->keytype, st->fingerprint);
		return 2;
	}
	if (st->state == SSH_UNTRUSTED && st->hop_unknown) {
		char fix[WR_PATH_MAX];

		/* The hop's key is ssh's to check: what ssh knows of it, and the
		 * ssh that accepts it where warroom will look. */
		sshcfg_hop_accept(app->cfg.ssh_config.path, app->cfg.known_hosts.path, st->hop,
		    fix, sizeof(fix));
		snprintf(lines[0], 700, "%s: UNKNOWN HOST KEY of ProxyJump hop %.120s%s%s%s%s%s — "
		    "nothing is sent to it; ssh checks a hop's key, never K", name, st->hop,
		    st->keytype[0] || st->known_name[0] ? " (" : "", st->keytype,
		    st->keytype[0] && st->known_name[0] ? " key of " : "", st->known_name,
		    st->keytype[0] || st->known_name[0] ? ")" : "");
		snprintf(lines[1], 700, "  accept it by hand, comparing its fingerprint: %.560s; "
		    "then C-r", fix);
		return 2;
	}
	if (st->state == SSH_UNTRUSTED && app->safety.read_only) {
		char how[600], *rest;

		/* K refuses here: the way by hand, as K's refusal says it, under
		 * the fingerprint it asks to check. */
		app_trust_by_hand(app, host, how, sizeof(how));
		if ((rest = strstr(how, ": ")) != NULL)
			*rest = '\0';
		snprintf(lines[0], 700, "%s: UNKNOWN HOST KEY — nothing is sent to it; %.400s%s", name,
		    how, rest != NULL ? ":" : "");
		snprintf(lines[1], 700, "  %s %s", st->keytype, st->fingerprint);
		if (rest == NULL)
			return 2;
		snprintf(lines[2], 700, "  %.600s", rest + 2);
		return 3;
	}
	if (st->state == SSH_UNTRUSTED) {
		snprintf(lines[0], 700, "%s: UNKNOWN HOST KEY — nothing is sent to it%s", name,
		    app->cfg.known_hosts.path[0] ? " (K trusts it)" :
		    " (K cannot trust it: no known_hosts in [warroom])");
		snprintf(lines[1], 700, "  %s %s", st->keytype, st->fingerprint);
		return 2;
	}
	if (st->state == SSH_DOWN) {
		long secs = (long)((st->retry_at_ms - loop_now_ms() + 999) / 1000);

		/* The next try before why: cut at 80 columns, the end goes. */
		snprintf(lines[0], 700, "%s (retry in %lds): %s", name, secs > 0 ? secs : 0,
		    st->error);
		return 1;
	}
read:
	s = app_state(app, host, svc);
	if (s != NULL && s->driver_error[0] != '\0') {
		char age[24], silent[32] = "";

		/* The reason first: at 80 columns the line is cut. */
		hosts_table_age(s->have_driver ? age_s(app, s->driver_at_ms) : -1, false, false,
		    age, sizeof(age));
		/* A stuck command's silence as long as it really is, now. */
		if (s->driver_silent_ms != 0)
			snprintf(silent, sizeof(silent), " for %ld s",
			    age_s(app, s->driver_silent_ms));
		snprintf(lines[0], 700, "%s/%s: %s%s%s%s%s", name,
		    app->cfg.hosts[host].services[svc], s->driver_error, silent,
		    age[0] ? " (the values shown are " : "", age, age[0] ? " old)" : "");
		return 1;
	}
	/* What .env would bring back goes first: the outcome that said it
	 * is cut at 80 columns, and fades from the footer. */
	if (envmarks_on(app, host, svc, &m)) {
		char rest[2][700];
		int n, i;

		envmark_detail(name, app->cfg.hosts[host].services[svc], &m, lines[0], 700);
		n = detail_after(app, host, svc, s, rest);
		for (i = 0; i < n; i++)
			wr_strlcpy(lines[1 + i], rest[i], 700);
		return 1 + n;
	}
	return detail_after(app, host, svc, s, lines);
}

/* Whether a's outcome is overtaken by a tag read after its end (an
 * outside redeploy of the release it rolled back from): since, what runs
 * now, said in its place. */
static bool
outcome_superseded(const struct app *app, const struct action *a, const struct svc_state *s,
    char *since, size_t cap)
{
	const struct timeline_entry *e = app_outcome_record(app, action_op(a));
	const struct config_host *h = &app->cfg.hosts[action_host(a)];
	struct hosts_since_action o;

	if (e == NULL || s == NULL || !s->have_driver)
		return false;
	o = (struct hosts_since_action){ .to = action_plan(a)->to, .end_ms = e->ts_ms,
		.tag = s->tag, .seen_ms = s->tag_seen_ms, .replaced = s->tag_replaced,
		.deployed_ms = s->deployed_ms };
	/* As the journal's health.change said it: none of its actions
	 * since this one's end made the change. */
	o.outside = deployby_outside(&app->deployby, h->name, h->services[action_service(a)],
	    e->ts_ms + 1, s->tag_seen_ms, s->tag);
	return hosts_table_superseded(&o, since, cap);
}

/* The detail lines after the connection's and the poll's: the latest
 * action on the service, else its health, version or the host's notes. */
static int
detail_after(const struct app *app, int host, int svc, const struct svc_state *s,
    char lines[2][700])
{
	const struct ssh_status *st = app->pool != NULL ? ssh_pool_status(app->pool, host) : NULL;
	const char *name = app->cfg.hosts[host].name;
	size_t i;

	/* The latest action on this service: its state, then its outcome. */
	for (i = app->nactions; i-- > 0;) {
		const struct action *a = app->actions[i];
		const char *why, *reread;
		char change[300], words[64], since[300];
		int whylen;
		bool settled;

		if (action_host(a) != host || action_service(a) != svc ||
		    action_state(a) == ACTION_CANCELLED)
			continue;
		why = action_finished(a) ? action_reason(a) : action_step(a);
		/* What a re-read after UNKNOWN found gets a line of its own: the
		 * lost connection's reason before it can fill the first. */
		reread = action_finished(a) ? action_reread(a) : NULL;
		whylen = reread != NULL ? (int)(reread - 2 - why) : (int)strlen(why);
		/* An UNKNOWN the journal settled since says what it settled to. */
		settled = actions_outcome_words(app, a, words, sizeof(words));
		if (action_finished(a) && outcome_superseded(app, a, s, since, sizeof(since))) {
			char end[16];

			wr_clock_utc(app_outcome_record(app, action_op(a))->ts_ms, end, sizeof(end));
			/* What runs now first: at 80 columns the line is cut. */
			snprintf(lines[0], 700, "%s/%s: %s (after %s%s: %s at %s)", name,
			    app->cfg.hosts[host].services[svc], since, action_verb(a),
			    actions_change(a, "?", change, sizeof(change)), words, end);
			return 1;
		}
		snprintf(lines[0], 700, "%s/%s: %s%s: %s%s%.*s", name,
		    app->cfg.hosts[host].services[svc], action_verb(a),
		    actions_change(a, "?", change, sizeof(change)), words,
		    settled ? " (before it: UNKNOWN, " : action_finished(a) ? " — " : " (",
		    whylen, why);
		if (!action_finished(a) || settled)
			strncat(lines[0], ")", 699 - strlen(lines[0]));
		if (reread != NULL) {
			snprintf(lines[1], 700, "  %s", reread);
			return 2;
		}
		return 1;
	}
	/* "absent" alone reads as a vanished container; a typo in services =
	 * is likelier. After an action's line: a rollback's up -d has a
	 * moment with no container. */
	if (s != NULL && strcmp(s->state, "absent") == 0 && s->absent_why[0] != '\0') {
		snprintf(lines[0], 700, "%s/%s: absent: %s", name,
		    app->cfg.hosts[host].services[svc], s->absent_why);
		return 1;
	}
	if (s != NULL && s->have_probe && (s->healthz.health != PROBE_OK ||
	    s->readyz.health != PROBE_OK)) {
		snprintf(lines[0], 700, "%s: healthz %s (%s), readyz %s (%s)", name,
		    probe_health_name(s->healthz.health), s->healthz.reason,
		    probe_health_name(s->readyz.health), s->readyz.reason);
		return 1;
	}
	/* Ready, the migrations not current: a warning, in the words the
	 * rollback's outcome uses, with the revisions /readyz gave. */
	if (s != NULL && s->have_probe && s->readyz.schema_warn != PROBE_SCHEMA_UNSAID) {
		snprintf(lines[0], 700, "%s: readyz %d but %s", name, s->readyz.http_status,
		    probe_schema_words(s->readyz.schema_warn));
		if (s->readyz.rev_database[0] != '\0')
			snprintf(lines[0] + strlen(lines[0]), 700 - strlen(lines[0]), " (database %s, "
			    "release expects %s)", s->readyz.rev_database, s->readyz.rev_expected);
		return 1;
	}
	/* BAD REL says what, not why: the judgement, which may have been
	 * made on another service or host. After what fails now. */
	if (shows_bad_release(app, host, svc)) {
		const struct badrel *b = &app->contain.rel;
		const char *jtag = journal_bad_release(app, host, svc);
		const char *tag = jtag != NULL ? jtag : s->tag;
		const struct badrel_why *w = badrel_why_on(b, name,
		    app->cfg.hosts[host].services[svc], tag);
		char why[300] = "";

		for (i = 0; w == NULL && i < b->nwhy; i++)
			if (badrel_same(b->why[i].tag, tag))
				w = &b->why[i];
		if (w != NULL)
			badrel_why_alone(w, why, sizeof(why));
		snprintf(lines[0], 700, "%s/%s %s a bad release, %s%s%s%s", name,
		    app->cfg.hosts[host].services[svc], jtag != NULL ? "was last on" : "runs", tag,
		    jtag != NULL ? " (journal)" : "", why[0] ? ": " : "", why);
		return 1;
	}
	if (s != NULL && s->version_cmp == PROBE_VERSION_MISMATCH) {
		snprintf(lines[0], 700, "%s: /version says %s but %s runs %s", name, s->version,
		    app->cfg.hosts[host].services[svc], s->tag);
		return 1;
	}
	if (st != NULL && st->notes[0] != '\0') {
		snprintf(lines[0], 700, "%s: %s", name, st->notes);
		return 1;
	}
	return 0;
}

/* The HOSTS pane is too narrow for a fingerprint at 80 columns: while K
 * asks, the whole of it stands in a box of its own, each part on a line
 * of its own, so it can be compared before it is trusted. */
void
hosts_trust_draw(struct app *app, int lines, int ncols)
{
	const struct config_host *h = &app->cfg.hosts[app->prompt_host];
	const struct ssh_status *st = ssh_pool_status(app->pool, app->prompt_host);
	int w = ncols - 8 < 100 ? ncols - 8 : 100, bh = 0, y, pass;
	char line[WR_PATH_MAX + 300], lead[200];
	const struct app_hostkey *k = app->hostkeys != NULL ?
	    &app->hostkeys[app->prompt_host] : NULL;
	/* The key this console refused as changed, now that known_hosts
	 * lost the old one. */
	bool replaced = k != NULL && k->fp[0] != '\0' && strcmp(k->fp, st->fingerprint) == 0;
	WINDOW *win = NULL;

	if (w < 20)
		return;
	sshcfg_trust_words(k != NULL ? k->old : NULL, replaced ? k->at_ms : 0, lead, sizeof(lead));
	/* Twice: to measure the box, then to draw in it. */
	for (pass = 0; pass < 2; pass++) {
		int limit = pass == 0 ? lines - 4 : bh - 1;

		y = 1;
		snprintf(line, sizeof(line), "%s   %s", h->name, st->where[0] ? st->where :
		    h->address[0] ? h->address : h->name);
		ui_put_wrapped(win, &y, 2, w - 4, 2, limit, ui_attr(app, THEME_TITLE), line);
		ui_put_wrapped(win, &y, 2, w - 4, 2, limit, ui_attr(app, replaced ?
		    THEME_BAD : THEME_DIM), lead);
		ui_put_wrapped(win, &y, 4, w - 6, 0, limit, ui_attr(app, THEME_WARN), st->keytype);
		ui_put_wrapped(win, &y, 4, w - 6, 0, limit, ui_attr(app, THEME_WARN) | A_BOLD,
		    st->fingerprint);
		y++;
		snprintf(line, sizeof(line), "compare it with the host's own (ssh-keygen -lf on its "
		    "public host key); once trusted it is added to %.900s as %.200s%s",
		    app->cfg.known_hosts.path, st->known_name, st->hash_known ?
		    ", hashed (HashKnownHosts yes)" : "");
		ui_put_wrapped(win, &y, 2, w - 4, 2, limit, ui_attr(app, THEME_NORMAL), line);
		if (app->trust_error[0] != '\0')
			ui_put_wrapped(win, &y, 2, w - 4, 2, limit, ui_attr(app, THEME_BAD) | A_BOLD,
			    app->trust_error);
		ui_put_wrapped(win, &y, 2, w - 4, 2, limit, ui_attr(app, THEME_DIM),
		    "type the host's name in the footer: Enter trusts it, Esc trusts nothing");
		if (pass == 1)
			break;
		bh = y + 1;
		/* Above the panes' bottom border, which stays whole: on it, the
		 * box's corners ran into the HOSTS (or LOGS) border. */
		if ((win = ui_overlay(app, bh, w, lines - 2 - bh, (ncols - w) / 2,
		    THEME_BORDER_FOCUS, " TRUST THIS HOST KEY? ")) == NULL)
			return;
	}
	wnoutrefresh(win);
	delwin(win);
}

static void
cell(struct app *app, WINDOW *win, int y, int *x, int width, int role, const char *text,
    bool sel)
{
	/* An old value stays dim on the selected row too. */
	int a = !sel ? ui_attr(app, role) : ui_attr(app, THEME_SELECTED) |
	    (role == THEME_DIM ? (int)A_DIM : 0);
	int used = ui_put(win, y, *x, width, a, text);

	/* Padded by cells, not bytes: names and tags may be UTF-8. */
	if (used < width)
		ui_put(win, y, *x + used, width - used, a, "                        ");
	*x += width + 1;
}

/* Whether the last poll of a service failed (its values, if any, are
 * what an earlier one read). */
static bool
poll_failing(const struct svc_state *s)
{
	return s != NULL && s->driver_error[0] != '\0';
}

/* Whether host hi's row s (service svc) shows values read before its
 * host went away or before its poll began to fail, or the tag the journal
 * last said of it. */
static bool
may_be_old(const struct app *app, int hi, int svc, const struct svc_state *s)
{
	int64_t ms;

	if (host_lost(app, hi) && app_journal_tag(app, hi, svc, &ms) != NULL)
		return true;
	if (s == NULL)
		return false;
	return (poll_failing(s) && s->have_driver) || (host_lost(app, hi) &&
	    (s->have_driver || s->have_probe));
}

/* Column c's text for host hi's service svc (brief: in fewer words, for a
 * column short of room; cells > 0: the cells it is drawn in, for what a
 * cut must keep), and the role it is drawn in. */
static enum theme_role
cell_text(const struct app *app, int hi, const struct config_host *host, int svc, int c,
    bool brief, int cells, char *buf, size_t cap)
{
	const struct svc_state *s = app_state(app, hi, svc);
	enum theme_role role = THEME_NORMAL;
	struct envmark m;
	/* Without a connection the values are the last reading. */
	bool stale = host_lost(app, hi);
	/* HTTP that does not go through the connection stays current. */
	bool direct = !host->tunnel;
	const char *jtag;
	int64_t jms;

	buf[0] = '\0';
	/* No endpoint of its own (a worker beside the API): nothing to show. */
	if ((c == HOSTS_COL_HEALTH || c == HOSTS_COL_READY || c == HOSTS_COL_VERSION ||
	    c == HOSTS_COL_EXPORT) && !config_probes_service(host, svc)) {
		wr_strlcpy(buf, "-", cap);
		return THEME_DIM;
	}
	switch (c) {
	case HOSTS_COL_HOST: wr_strlcpy(buf, host->name, cap); break;
	case HOSTS_COL_SVC: wr_strlcpy(buf, host->services[svc], cap); break;
	case HOSTS_COL_CONN: role = conn_text(app, hi, brief, buf, cap); break;
	case HOSTS_COL_TAG:
		if (s && s->have_driver)
			wr_strlcpy(buf, s->tag[0] ? s->tag : "-", cap);
		else if (stale && (jtag = app_journal_tag(app, hi, svc, &jms)) != NULL)
			/* Started while it was away: what the journal last said,
			 * said as such (dim, as any value of a host not UP). */
			hosts_table_tag(jtag, true, brief, cells, buf, cap);
		else
			wr_strlcpy(buf, poll_failing(s) ? "?" : "", cap);
		if (s && recent(s->tag_changed_ms))
			role = THEME_STATUS;
		/* .env names another tag: a plain `up -d` brings it back. Brief,
		 * the tag alone: the row's ! says it (hidden_bad), so .env drift
		 * never pushes HEALTH or READY out of a narrow pane. */
		if (!brief && envmarks_on(app, hi, svc, &m)) {
			char tag[160];

			wr_strlcpy(tag, buf[0] && strcmp(buf, "?") != 0 ? buf : m.runs, sizeof(tag));
			envmark_tag_cell(tag, buf, cap);
			role = THEME_BAD;
		}
		break;
	case HOSTS_COL_VERDICT: {
		/* The host's: its metrics speak for the host, not one service. */
		const struct host_metrics *mt = app_metrics(app, hi);

		if (shows_bad_release(app, hi, svc) && journal_bad_release(app, hi, svc) != NULL) {
			hosts_table_verdict_journal(verdict_of(app, hi), verdict_of(app, hi) >= 0 &&
			    mt->verdict.held, brief, buf, cap);
			role = THEME_BAD;
		} else if (shows_bad_release(app, hi, svc)) {
			hosts_table_verdict(verdict_of(app, hi), verdict_of(app, hi) >= 0 &&
			    mt->verdict.held, true, brief, buf, cap);
			role = THEME_BAD;
		} else if (verdict_of(app, hi) >= 0 && mt->verdict.by != 0 && svc < WR_DECIDE_BY_MAX &&
		    !(mt->verdict.by & ((uint32_t)1 << svc)) && mt->verdict.by_names[0] != '\0') {
			/* Restarts are per service: another one's are not this one's. */
			hosts_table_verdict_by((int)mt->verdict.level, mt->verdict.held,
			    mt->verdict.by_names, brief, buf, cap);
			role = ui_level_role((int)mt->verdict.level);
		} else if (verdict_of(app, hi) >= 0) {
			hosts_table_verdict((int)mt->verdict.level, mt->verdict.held, false, brief,
			    buf, cap);
			role = ui_level_role((int)mt->verdict.level);
		} else if (!has_metrics(host)) {
			wr_strlcpy(buf, "-", cap);
			role = THEME_DIM;
		}
		/* A Prometheus server is asked directly, not through the host. */
		direct = direct || config_uses_prometheus(host);
		break;
	}
	case HOSTS_COL_STATE:
		if (s && (strstr(s->state, "exited") || strstr(s->health, "unhealthy") ||
		    strstr(s->health, "stuck") || strcmp(s->state, "absent") == 0))
			role = THEME_BAD;
		else if (s && recent(s->tag_changed_ms))
			role = THEME_STATUS;
		/* Brief, the state alone ("running", "3/3"), unless its detail
		 * is the trouble. */
		if (s && s->have_driver)
			wr_concat3(buf, cap, s->state,
			    s->health[0] && (!brief || role == THEME_BAD) ? " " : "",
			    !brief || role == THEME_BAD ? s->health : "");
		break;
	case HOSTS_COL_HEALTH:
		if (s && s->have_probe) {
			wr_strlcpy(buf, probe_health_name(s->healthz.health), cap);
			role = health_role(s->healthz.health);
		}
		break;
	case HOSTS_COL_READY:
		if (s && s->have_probe && s->readyz.schema_warn != PROBE_SCHEMA_UNSAID) {
			/* Ready, but the migrations are not current: a warning,
			 * naming the way only when /readyz does. */
			const char *w = s->readyz.schema_warn == PROBE_SCHEMA_AHEAD ? "ahead!" :
			    s->readyz.schema_warn == PROBE_SCHEMA_BEHIND ? "behind!" : "mig!";

			if (brief)
				wr_strlcpy(buf, w, cap);
			else
				snprintf(buf, cap, "%d %s", s->readyz.http_status, w);
			role = THEME_WARN;
		} else if (s && s->have_probe) {
			wr_strlcpy(buf, probe_health_name(s->readyz.health), cap);
			role = health_role(s->readyz.health);
		}
		break;
	case HOSTS_COL_EXPORT:
		/* /export as last read; on after a kill switch ran anywhere in
		 * this incident is the leak still going. */
		if (s && s->export_state != CONTAIN_EXPORT_UNKNOWN) {
			enum contain_export e = contain_export_counted(s->export_state,
			    app_ks_rollout_open(app, hi));

			/* Off from the new pods, while old ones may still serve:
			 * possibly on (the kill switch's rollout is not complete). */
			wr_strlcpy(buf, e != s->export_state ? "on?" : contain_export_name(e), cap);
			if (e == CONTAIN_EXPORT_ON &&
			    app_leaks_if_on(app, hi))
				role = THEME_WARN;
		} else if (s && app_leaks_if_on(app, hi)) {
			/* Asked and not answered (not yet, timed out, an error):
			 * it may still export, so never blank as if off. */
			snprintf(buf, cap, "?");
			role = THEME_WARN;
		}
		break;
	case HOSTS_COL_VERSION:
		if (s && s->version[0]) {
			wr_concat3(buf, cap, s->version_cmp ==
			    PROBE_VERSION_MISMATCH ? "!= " : "", s->version, "");
			if (s->version_cmp == PROBE_VERSION_MISMATCH)
				role = THEME_BAD;
		}
		break;
	case HOSTS_COL_RESTARTS:
		/* "4+": the console has not watched a whole window yet, as
		 * METRICS says ("at least: watched 34s so far"). */
		if (s && s->have_driver)
			decide_format_restarts(s->restarts, app_restarts_partial(app), buf, cap);
		break;
	case HOSTS_COL_AGE:
		/* Without a connection the age of the last reading is what
		 * matters (CONN says why); ERR is a tool's failure on a live
		 * host, beside the age of what it last read. */
		if (s && (s->have_driver || (!stale && poll_failing(s)))) {
			hosts_table_age(s->have_driver ? age_s(app, s->driver_at_ms) : -1,
			    !stale && poll_failing(s), brief, buf, cap);
			if (!stale && poll_failing(s))
				role = THEME_BAD;
		} else if (stale && (jtag = app_journal_tag(app, hi, svc, &jms)) != NULL) {
			/* How old the journal's tag is: when it last said it. */
			hosts_table_age(age_s(app, jms), false, brief, buf, cap);
		}
		break;
	case HOSTS_COL_DRIVER:
		wr_strlcpy(buf, config_driver_name(host->driver), cap);
		break;
	case HOSTS_COL_ADDR:
		app_host_where(app, hi, buf, cap);
		break;
	}
	/* The last reading is dim, so an old green OK does not pass for a
	 * current one; probes that go direct (tunnel = false) stay current. */
	if (stale && c >= HOSTS_COL_TAG && c <= HOSTS_COL_AGE &&
	    (!direct || (c != HOSTS_COL_HEALTH && c != HOSTS_COL_READY &&
	    c != HOSTS_COL_VERSION && c != HOSTS_COL_EXPORT && c != HOSTS_COL_VERDICT)))
		role = THEME_DIM;
	/* So are what a failing poll read last; probes are asked apart. */
	if (!stale && poll_failing(s) && (c == HOSTS_COL_TAG || c == HOSTS_COL_STATE ||
	    c == HOSTS_COL_RESTARTS))
		role = THEME_DIM;
	return role;
}

/* What the table's columns need, over all rows (so it does not change as
 * the table scrolls): each column's widest value, and in fewer words. */
struct table_fit {
	int full[HOSTS_COL_COUNT], brief[HOSTS_COL_COUNT];
	int least[HOSTS_COL_COUNT];      /* each blank: its title */
	bool stale;                      /* some row's values may be old */
	bool restarts;                   /* some row counts restarts */
	bool verdicts;                   /* some host has metrics, or a verdict */
	enum hosts_exports exports;      /* what some row's /export said */
	bool copies;                     /* no row's /version differs from its tag */
};

static void
column_widths(const struct app *app, int rows, struct table_fit *f)
{
	const struct config_host *host;
	char text[300];
	int c, n, svc, hi;

	f->stale = f->restarts = f->verdicts = false;
	f->copies = true;
	f->exports = HOSTS_EXPORTS_NONE;
	for (c = 0; c < HOSTS_COL_COUNT; c++)
		f->least[c] = f->full[c] = f->brief[c] = ui_width(cols[c].title);
	for (n = 0; n < rows; n++) {
		const struct svc_state *s;

		hi = row_at(app, n, &host, &svc);
		s = app_state(app, hi, svc);
		f->stale |= may_be_old(app, hi, svc, s);
		f->restarts |= s != NULL && s->have_driver && s->restarts > 0;
		f->copies &= s == NULL || s->version[0] == '\0' ||
		    s->version_cmp != PROBE_VERSION_MISMATCH;
		f->verdicts |= has_metrics(host) || verdict_of(app, hi) >= 0 ||
		    runs_bad_release(app, hi, svc);
		/* A leak, or exports on where a kill switch was asked for
		 * (refused on helm, no leak on a good release): left to the
		 * last columns, that host read as contained at 100 columns. */
		if (s != NULL && contain_export_counted(s->export_state,
		    app_ks_rollout_open(app, hi)) != CONTAIN_EXPORT_OFF &&
		    config_probes_service(host, svc) &&
		    (app_leaks_if_on(app, hi) || (s->export_state == CONTAIN_EXPORT_ON &&
		    contain_ks_here(&app->contain, host->name))))
			f->exports = HOSTS_EXPORTS_ON;
		else if (s != NULL && s->export_state != CONTAIN_EXPORT_UNKNOWN &&
		    f->exports == HOSTS_EXPORTS_NONE)
			f->exports = HOSTS_EXPORTS_KNOWN;
		for (c = 0; c < HOSTS_COL_COUNT; c++) {
			cell_text(app, hi, host, svc, c, false, 0, text, sizeof(text));
			columns_widen(&f->full[c], ui_width(text), cols[c].width);
			if (c == HOSTS_COL_CONN || c == HOSTS_COL_TAG || c == HOSTS_COL_STATE ||
			    c == HOSTS_COL_READY || c == HOSTS_COL_AGE || c == HOSTS_COL_VERDICT)
				cell_text(app, hi, host, svc, c, true, 0, text, sizeof(text));
			columns_widen(&f->brief[c], ui_width(text), cols[c].width);
		}
	}
}

/* How bad a cell of role holding text is: 2 bad, 1 a warning, 0 fine. */
static int
severity(int c, enum theme_role role, const char *text)
{
	return role == THEME_BAD ? 2 : role == THEME_WARN ? 1 :
	    c == HOSTS_COL_RESTARTS && role != THEME_DIM && atoi(text) > 0 ? 1 : 0;
}

/* How bad host hi's row svc is in the columns not shown, or shown brief
 * (width[c] too narrow for its value) in fewer words than say the trouble
 * (TAG without its .env!), per hosts_table_hidden_worst, and what they
 * hold ("HEALTH FAIL, RST 4") in buf: a column left out for room must not
 * make a failing row look healthy. A restart count is a rollback rule,
 * though plain in its column; an old (dim) value is not counted, as CONN
 * or AGE say it is old, but its .env! is, and with AGE left out its age
 * is named (hosts_table_left_out). */
static int
hidden_bad(const struct app *app, int hi, const struct config_host *host, int svc,
    const bool *show, const int *width, char *buf, size_t cap)
{
	int sev[HOSTS_COL_COUNT] = { 0 }, c, bsev;
	bool whole[HOSTS_COL_COUNT];     /* shown, and as bad as it is */
	bool old = may_be_old(app, hi, svc, app_state(app, hi, svc)), said;
	struct envmark m;
	enum theme_role role;
	char text[300], brief[300];
	size_t n = 0;

	buf[0] = '\0';
	for (c = 0; c < HOSTS_COL_COUNT; c++) {
		role = cell_text(app, hi, host, svc, c, false, 0, text, sizeof(text));
		sev[c] = severity(c, role, text);
		said = text[0] != '\0' && hosts_table_left_out(c, old, c == HOSTS_COL_TAG &&
		    envmarks_on(app, hi, svc, &m), &sev[c]);
		whole[c] = show[c];
		/* Brief, TAG goes without its .env!. */
		if (show[c] && said && ui_width(text) > width[c]) {
			role = cell_text(app, hi, host, svc, c, true, width[c], brief, sizeof(brief));
			bsev = severity(c, role, brief);
			whole[c] = hosts_table_left_out(c, old, false, &bsev) && bsev >= sev[c];
		}
		if (whole[c])
			continue;
		if (said && n + 1 < cap) {
			/* Room for a whole tag (128) and its " .env!": cut at
			 * 40, a long tag's .env! went unsaid. */
			char piece[160];

			snprintf(piece, sizeof(piece), "%s%s %.140s", n > 0 ? ", " : "", cols[c].title,
			    text);
			strncat(buf, piece, cap - n - 1);
			n = strlen(buf);
		}
	}
	return hosts_table_hidden_worst(whole, sev, HOSTS_COL_COUNT);
}

/* Row n as the markers and the title's tally weigh it. */
static void
mark_of(const struct app *app, int n, struct hosts_mark_row *mark)
{
	const struct config_host *h;
	int svc, hi = row_at(app, n, &h, &svc);

	mark->host = h != NULL ? h->name : "";
	mark->level = verdict_of(app, hi);
	mark->down = hi >= 0 && host_down(app, hi);
	mark->bad_rel = runs_bad_release(app, hi, svc);
	mark->unread = false;
	mark->ahead = false;
	mark->failing = false;
	mark->key_changed = false;
	mark->untrusted = false;
	if (hi >= 0 && app->pool != NULL &&
	    ssh_pool_status(app->pool, hi)->state == SSH_UNTRUSTED) {
		const struct ssh_status *st = ssh_pool_status(app->pool, hi);

		/* A revoked key is refused as a changed one is: neither is K's. */
		mark->key_changed = st->key_changed || st->key_revoked;
		mark->untrusted = !mark->key_changed;
	}
	if (hi >= 0 && host_up(app, hi)) {
		const struct svc_state *s = app_state(app, hi, svc);

		mark->ahead = s != NULL && s->have_probe &&
		    s->readyz.schema_warn == PROBE_SCHEMA_AHEAD;

		/* Its values old (AGE ERR) or its health no answer: not seen. */
		mark->unread = s != NULL && (s->driver_error[0] != '\0' || (s->have_probe &&
		    (s->healthz.health == PROBE_UNKNOWN || s->readyz.health == PROBE_UNKNOWN)));
		/* h3 answered 503 at verdict OK: counted, not left to its row. */
		mark->failing = s != NULL && s->have_probe &&
		    (s->healthz.health == PROBE_FAIL || s->readyz.health == PROBE_FAIL);
	}
}

size_t
hosts_key_changed(const struct app *app, const char **names, size_t max)
{
	const struct ssh_status *st;
	size_t i, n = 0;

	for (i = 0; app->pool != NULL && i < app->cfg.nhosts; i++) {
		st = ssh_pool_status(app->pool, (int)i);
		if (st->state == SSH_UNTRUSTED && (st->key_changed || st->key_revoked) && n++ < max)
			names[n - 1] = app->cfg.hosts[i].name;
	}
	return n;
}

size_t
hosts_schema_ahead(const struct app *app, const char **names, size_t max)
{
	int rows = app_host_rows(app), i;
	struct hosts_mark_row mark;
	const char *last = NULL;
	size_t n = 0;

	/* A host's rows are next to each other in config order (row_at). */
	for (i = 0; i < rows; i++) {
		mark_of(app, i, &mark);
		if (!mark.ahead || mark.host == last)
			continue;
		last = mark.host;
		if (n < max)
			names[n] = mark.host;
		n++;
	}
	return n;
}

/* What a marker says of the n rows order[from...]: the worst verdict
 * among them and how many hosts have it, and the hosts DOWN. */
static void
hidden_of(const struct app *app, const int *order, int from, int n, struct hosts_hidden *out)
{
	struct hosts_mark_row *marks = xcalloc(n > 0 ? (size_t)n : 1, sizeof(*marks));
	int i;

	for (i = 0; i < n; i++)
		mark_of(app, order[from + i], &marks[i]);
	hosts_table_hidden(marks, n, app->host_sort, out);
	free(marks);
}

#define MORE_FORMS 16

/* Every form of marker kind of hid (none when it counts no row), longest
 * first, and its width in cells; returns how many. */
static int
more_forms(const struct app *app, enum hosts_more kind, const struct hosts_hidden *hid,
    char text[MORE_FORMS][400], int *width)
{
	int n = 0;

	if (hid->rows <= 0)
		return 0;
	while (n < MORE_FORMS &&
	    hosts_table_more(kind, app->screen->utf8, hid, n, text[n], 400)) {
		width[n] = ui_width(text[n]);
		n++;
	}
	return n;
}

static int
more_attr(const struct app *app, const struct hosts_hidden *hid)
{
	int sev = hosts_table_more_severity(hid);

	return ui_attr(app, sev > 1 ? THEME_BAD : sev > 0 ? THEME_WARN : THEME_TITLE);
}

/* Rows out of sight are never silent: those below counted at the start
 * of the bottom border (▼), those above at the end of the top one (▲,
 * or the bottom's when the title leaves no room), those the filter
 * hides at the end of the bottom one. Each names the worst among them,
 * whatever is in sight, and the hosts DOWN; ▼ and the filter's share
 * the bottom, the one naming worse keeping more words (the filter's
 * when even: its rows are not a key away). */
static void
more_markers(struct app *app, WINDOW *win, const int *order, int shown, int all, int top,
    int body)
{
	char down_text[MORE_FORMS][400], filter_text[MORE_FORMS][400], up_text[MORE_FORMS][400];
	int down_w[MORE_FORMS], filter_w[MORE_FORMS], up_w[MORE_FORMS], nd, nf, nu, fd, ff, i;
	struct hosts_hidden below, above, filtered;
	WINDOW *frame = wgetparent(win);
	int room = frame != NULL ? getmaxx(frame) - 4 : 0;
	bool filter_first;

	hidden_of(app, order, top + body, shown - top - body > 0 ? shown - top - body : 0,
	    &below);
	hidden_of(app, order, 0, top > 0 ? top : 0, &above);
	hidden_of(app, order, shown, all - shown, &filtered);
	nd = more_forms(app, HOSTS_MORE_DOWN, &below, down_text, down_w);
	nf = more_forms(app, HOSTS_MORE_FILTER, &filtered, filter_text, filter_w);
	nu = more_forms(app, HOSTS_MORE_UP, &above, up_text, up_w);
	filter_first = hosts_table_more_severity(&filtered) >= hosts_table_more_severity(&below);
	if (filter_first)
		hosts_table_share(filter_w, nf, down_w, nd, room, &ff, &fd);
	else
		hosts_table_share(down_w, nd, filter_w, nf, room, &fd, &ff);
	if (ff >= 0)
		ui_frame_put(win, true, true, more_attr(app, &filtered), filter_text[ff]);
	if (fd >= 0)
		ui_frame_put(win, true, false, more_attr(app, &below), down_text[fd]);
	for (i = 0; i < nu; i++)
		if (ui_frame_put(win, false, true, more_attr(app, &above), up_text[i]))
			return;
	for (i = 0; i < nu; i++)
		if (ui_frame_put(win, true, true, more_attr(app, &above), up_text[i]))
			return;
}

/* What hosts_draw puts in a pane w cells wide and h high: the columns
 * shown and their widths, the selected row's lines under the table and
 * the rows they take, the columns picked with hold (those of the frame
 * before, kept while they fit). Returns the rows left for the table's rows. */
static int
table_frame(const struct app *app, struct columns_hold *hold, int w, int h,
    struct table_fit *fit, bool *show, int *width, char detail[DETAIL_LINES][700],
    int *pndetail, int *pdrows)
{
	int steps[HOSTS_STEPS_MAX], nsteps, body = h - 1, ndetail = 0, drows = 0, i, y;
	char why[300];

	column_widths(app, app_host_rows(app), fit);
	nsteps = hosts_table_steps(fit->stale, fit->restarts, fit->verdicts, fit->exports,
	    fit->copies, steps);
	/* The marker column takes 2 cells; HOST, SERVICE and CONN always show.
	 * The set of before is kept while it fits: columns coming and going
	 * with a value's width lose the reader's place. */
	columns_hold_pick(hold, app_now(app), fit->least, fit->full, fit->brief, steps, nsteps,
	    HOSTS_COL_COUNT, w - 2, 3, show, width);
	{
		const struct config_host *sh;
		int ssvc, si = row_at(app, app->host_sel, &sh, &ssvc), bad = 0;

		/* The selected row's trouble takes the last lines, if any;
		 * zoomed, whole (man: lines are no longer cut there). */
		ndetail = detail_lines(app, si, ssvc, detail);
		/* What its ! stands for, after the reasons above (most often
		 * the first line already says why it fails). */
		why[0] = '\0';
		if (si >= 0)
			bad = hidden_bad(app, si, sh, ssvc, show, width, why, sizeof(why));
		/* An old row's age alone marks nothing: no ! to stand for. */
		if (why[0] != '\0')
			/* Zoomed, z gives the panes back: fewer columns, not more. */
			snprintf(detail[ndetail++], 700, "%s/%s%s: %s (left out here%s)", sh->name,
			    sh->services[ssvc], bad > 0 ? " !" : "", why,
			    app->zoomed ? "" : "; z shows more columns");
		/* Short of room, the first lines (the most pressing) stay. */
		while (ndetail > 1 && body - ndetail < 2)
			ndetail--;
		drows = ndetail;
		if (app->zoomed) {
			for (i = 0, drows = 0; i < ndetail; i++) {
				y = 0;
				ui_put_wrapped(NULL, &y, 0, w, 2, h, 0, detail[i]);
				drows += y;
			}
			if (body - drows < 2)
				drows = body - 2 > ndetail ? body - 2 : ndetail;
		}
		if (body - drows < 2)
			ndetail = drows = 0;
		body -= drows;
	}
	*pndetail = ndetail;
	*pdrows = drows;
	return body;
}

/* The first of the shown rows (order) in sight of body rows: scrolled
 * just to the selected row, or from the worst row while HOSTS is shrunk
 * across the top of a short screen for a pane below (hosts_table_top). */
static int
table_top(const struct app *app, const int *order, int shown, int body)
{
	bool shrunk = app->screen->lo.compact && !app->zoomed && app->focus != PANE_HOSTS;
	int *health = xcalloc(shown > 0 ? (size_t)shown : 1, sizeof(*health));
	const struct config_host *h;
	int i, host, svc, top;

	for (i = 0; shrunk && i < shown; i++) {
		host = row_at(app, order[i], &h, &svc);
		health[i] = health_rank(app, host, svc);
	}
	top = hosts_table_top(health, shown, order_pos(order, shown, app->host_sel), body,
	    shrunk);
	free(health);
	return top;
}

static void
hosts_draw(struct app *app, WINDOW *win, int h, int w, bool focused)
{
	int rows = app_host_rows(app), top, y, x, c, i, body, all = rows;
	bool show[HOSTS_COL_COUNT];
	int ndetail = 0, drows = 0, dim = ui_attr(app, THEME_DIM), *order;
	int width[HOSTS_COL_COUNT];
	struct table_fit fit;
	char detail[DETAIL_LINES][700], why[300];

	if (rows == 0) {
		char where[2 * WR_PATH_MAX + 96];
		int row = 1;

		/* Say which file: the one looked for may not be the one edited. */
		ui_put(win, 0, 1, w - 1, dim, app->config_missing ?
		    "no hosts configured: there is no config file" : "no hosts configured");
		if (!app->config_missing)
			snprintf(where, sizeof(where), "add [host \"name\"] sections to %s",
			    app->cfg.file);
		else if (app->example_conf != NULL)
			snprintf(where, sizeof(where), "create %s (or use -c FILE) with [host "
			    "\"name\"] sections, starting from %s; see warroom.conf(5)",
			    app->cfg.file, app->example_conf);
		else
			snprintf(where, sizeof(where), "create %s (or use -c FILE) with [host "
			    "\"name\"] sections, starting from the EXAMPLE in warroom.conf(5)",
			    app->cfg.file);
		ui_put_wrapped(win, &row, 1, w - 2, 0, h, dim, where);
		return;
	}
	body = table_frame(app, &app->hosts_cols, w, h, &fit, show, width, detail, &ndetail,
	    &drows);
	x = 2;
	for (c = 0; c < HOSTS_COL_COUNT; c++)
		if (show[c])
			cell(app, win, 0, &x, width[c], THEME_TITLE, cols[c].title, false);
	order = xcalloc((size_t)rows, sizeof(*order));
	rows = row_order(app, order, rows);
	if (rows == 0) {
		char msg[160];

		int row = 1;

		snprintf(msg, sizeof(msg), "no row has \"%s\"; F C-u Enter shows all",
		    app->host_filter);
		ui_put_wrapped(win, &row, 2, w - 2, 0, h, dim, msg);
		more_markers(app, win, order, 0, all, 0, 0);
		free(order);
		return;
	}
	top = table_top(app, order, rows, body);
	for (y = 1; y <= body && top + y - 1 < rows; y++) {
		const struct config_host *host;
		char text[300];
		int svc, n = order[top + y - 1], hi, bad;
		bool sel = n == app->host_sel && focused;
		enum theme_role role;

		hi = row_at(app, n, &host, &svc);
		if (sel) {
			wattrset(win, ui_attr(app, THEME_SELECTED));
			mvwhline(win, y, 0, ' ', w);
			wattrset(win, A_NORMAL);
		}
		/* The marker shows the selection without relying on colour;
		 * a ! beside it, a bad value in a column left out. */
		ui_put(win, y, 0, 2, sel ? ui_attr(app, THEME_SELECTED) : (int)A_NORMAL,
		    n == app->host_sel ? "> " : "  ");
		if ((bad = hidden_bad(app, hi, host, svc, show, width, why, sizeof(why))) > 0)
			/* Its colour kept on the selected row too: reversed, a red
			 * (or yellow) cell in the bar, where bold alone said nothing. */
			ui_put(win, y, 1, 1, ui_attr(app, bad > 1 ? THEME_BAD : THEME_WARN) | A_BOLD |
			    (sel ? (int)A_REVERSE : 0), "!");
		x = 2;
		for (c = 0; c < HOSTS_COL_COUNT; c++) {
			if (!show[c])
				continue;
			role = cell_text(app, hi, host, svc, c, false, 0, text, sizeof(text));
			/* Wider than its column: fewer cells given than the longest
			 * value, or past the column's cap (a long tag and its
			 * "(journal)"), it says fewer words; a journal's tag still
			 * too long is cut before its mark, never through it. */
			if (ui_width(text) > width[c])
				role = cell_text(app, hi, host, svc, c, true, width[c], text,
				    sizeof(text));
			cell(app, win, y, &x, width[c], role, text, sel);
		}
	}
	more_markers(app, win, order, rows, all, top, body);
	for (i = 0, y = h - drows; i < ndetail; i++) {
		if (app->zoomed)
			ui_put_wrapped(win, &y, 0, w, 2, h, ui_attr(app, THEME_BAD), detail[i]);
		else
			ui_put(win, y++, 0, w, ui_attr(app, THEME_BAD), detail[i]);
	}
	free(order);
}

int
hosts_rows_wanted(const struct app *app, int w, int most)
{
	int rows = app_host_rows(app), shown, *order, i, nsteps, need = 0;
	int width[HOSTS_COL_COUNT], steps[HOSTS_STEPS_MAX];
	bool show[HOSTS_COL_COUNT];
	struct table_fit fit;
	struct columns_hold hold;
	char detail[DETAIL_LINES][700], why[300];

	/* No hosts configured: the words saying where to add them. */
	if (rows == 0)
		return most;
	order = xcalloc((size_t)rows, sizeof(*order));
	shown = row_order(app, order, rows);
	/* Its header and the rows; the filter's "no row has" on one. */
	if (1 + shown >= most || shown == 0) {
		free(order);
		return shown == 0 ? 2 : most;
	}
	column_widths(app, rows, &fit);
	nsteps = hosts_table_steps(fit.stale, fit.restarts, fit.verdicts, fit.exports, fit.copies,
	    steps);
	/* As hosts_draw will pick them, leaving what it keeps as it was. */
	hold = app->hosts_cols;
	columns_hold_pick(&hold, app_now(app), fit.least, fit.full, fit.brief, steps, nsteps,
	    HOSTS_COL_COUNT, w - 2, 3, show, width);
	/* Room under the table for the selected row's lines, as hosts_draw
	 * puts them. Room kept for any row's left blank rows under the
	 * table while the panes below hid theirs ("▼ 2 more rows (z shows them)"). */
	for (i = 0; i < shown && order[i] != app->host_sel; i++)
		;
	if (i < shown) {
		const struct config_host *h;
		int svc, hi = row_at(app, order[i], &h, &svc);

		need = detail_lines(app, hi, svc, detail);
		why[0] = '\0';
		hidden_bad(app, hi, h, svc, show, width, why, sizeof(why));
		need += why[0] != '\0';
	}
	free(order);
	if (need > DETAIL_LINES)
		need = DETAIL_LINES;
	/* hosts_draw keeps two table rows beside the lines under it. */
	return 1 + (need > 0 && shown < 2 ? 2 : shown) + need;
}

static bool
hosts_key(struct app *app, enum wr_command cmd, int page)
{
	int rows = app_host_rows(app), sel, *order;

	if (rows == 0)
		return false;
	order = xcalloc((size_t)rows, sizeof(*order));
	rows = row_order(app, order, rows);
	if (rows == 0) {
		free(order);
		return false;
	}
	sel = order_pos(order, rows, app->host_sel);
	switch (cmd) {
	case WR_CMD_UP: sel--; break;
	case WR_CMD_DOWN: sel++; break;
	case WR_CMD_PAGE_UP: sel -= page; break;
	case WR_CMD_PAGE_DOWN: sel += page; break;
	case WR_CMD_TOP: sel = 0; break;
	case WR_CMD_BOTTOM: sel = rows - 1; break;
	default: free(order); return false;
	}
	if (sel >= rows)
		sel = rows - 1;
	if (sel < 0)
		sel = 0;
	app->host_sel = order[sel];
	free(order);
	return true;
}

int
hosts_selected_pos(const struct app *app)
{
	int rows = app_host_rows(app), *order, shown, pos;

	if (rows == 0)
		return 0;
	order = xcalloc((size_t)rows, sizeof(*order));
	shown = row_order(app, order, rows);
	pos = order_pos(order, shown, app->host_sel);
	free(order);
	return pos;
}

void
hosts_filter_set(struct app *app, const char *text)
{
	int rows = app_host_rows(app), *order, shown;

	wr_strlcpy(app->host_filter, text, sizeof(app->host_filter));
	if (rows == 0)
		return;
	order = xcalloc((size_t)rows, sizeof(*order));
	shown = row_order(app, order, rows);
	/* Actions and LOGS act on the selected row: it must be one shown. */
	if (shown > 0 && !app_row_shown(app, app->host_sel))
		app->host_sel = order[0];
	if (text[0] == '\0')
		app_say(app, "HOSTS: every row shown");
	else
		app_say(app, "HOSTS: %d of %d rows have \"%s\"", shown, rows, text);
	free(order);
}

/* What ▲ will count this frame: the rows above those in sight, as
 * hosts_draw scrolls the pane it is given (rows 0 when none). */
static void
hidden_above(const struct app *app, struct hosts_hidden *out)
{
	const struct rect *r = &app->screen->lo.pane[PANE_HOSTS];
	int rows = app_host_rows(app), *order, shown, top = 0, ndetail, drows;
	int width[HOSTS_COL_COUNT];
	bool show[HOSTS_COL_COUNT];
	struct table_fit fit;
	struct columns_hold hold = app->hosts_cols;  /* hosts_draw's to keep */
	char detail[DETAIL_LINES][700];

	memset(out, 0, sizeof(*out));
	out->level = -1;
	if (rows == 0 || r->h < 3 || r->w < 3)
		return;
	order = xcalloc((size_t)rows, sizeof(*order));
	shown = row_order(app, order, rows);
	if (shown > 0)
		top = table_top(app, order, shown,
		    table_frame(app, &hold, r->w - 2, r->h - 2, &fit, show, width, detail, &ndetail,
		    &drows));
	hidden_of(app, order, 0, top, out);
	free(order);
}

/* The fleet at a glance before the order and the filter ("3 ROLLBACK
 * IMMEDIATELY, 2 DOWN of 24 hosts, by verdict"), every host counted
 * whatever is scrolled or filtered away, as long as room allows (a
 * count is dropped, never cut), in the bad colour while any is bad. */
static void
hosts_title(const struct app *app, int room, struct view_title *out)
{
	int rows = app_host_rows(app), n, nt, nu = 0, named = 0, ft, fu, sev;
	int tw[MORE_FORMS], uw[MORE_FORMS];
	struct hosts_mark_row *marks = xcalloc(rows > 0 ? (size_t)rows : 1, sizeof(*marks));
	struct hosts_tally tally;
	struct hosts_hidden above;
	char ut[MORE_FORMS][400];

	for (n = 0; n < rows; n++)
		mark_of(app, n, &marks[n]);
	hosts_table_tally(marks, rows, &tally);
	free(marks);
	sev = hosts_table_tally_severity(&tally);
	for (nt = 0; nt < MORE_FORMS && hosts_table_tally_title(&tally, app->host_sort,
	    app->host_filter, nt, out->text, sizeof(out->text), &out->lead); nt++)
		tw[nt] = ui_width(out->text);
	/* A calm fleet's title has one form, whatever the room; beside
	 * trouble, ▲ shares the border with it as ▼ does the bottom's. */
	if (sev > 0) {
		hidden_above(app, &above);
		nu = more_forms(app, HOSTS_MORE_UP, &above, ut, uw);
		named = hosts_table_more_named(&above);
	}
	hosts_table_top_share(tw, nt, uw, nu, named, room, &ft, &fu);
	/* None fits: the shortest, cut as the title is. */
	if (ft >= 0)
		hosts_table_tally_title(&tally, app->host_sort, app->host_filter, ft, out->text,
		    sizeof(out->text), &out->lead);
	out->role = sev > 1 ? THEME_BAD : sev > 0 ? THEME_WARN : THEME_TITLE;
}

const struct view_ops view_hosts_ops = {
	.name = "HOSTS",
	.draw = hosts_draw,
	.key = hosts_key,
	.title = hosts_title,
};
