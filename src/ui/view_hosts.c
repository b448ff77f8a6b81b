/*
 * view_hosts.c — the HOSTS pane: one row per host and service from the
 * config, with the selection the other panes follow.
 */
#include "warroom/ui.h"

#include <stdio.h>
#include <string.h>

#include "warroom/loop.h"
#include "warroom/ssh.h"

/* The host (its index) and service of table row n. */
static int
row_at(const struct app *app, int n, const struct config_host **h, int *svc)
{
	size_t i;

	for (i = 0; i < app->cfg.nhosts; i++) {
		if (n < app->cfg.hosts[i].nservices) {
			*h = &app->cfg.hosts[i];
			*svc = n;
			return (int)i;
		}
		n -= app->cfg.hosts[i].nservices;
	}
	*h = NULL;
	*svc = 0;
	return -1;
}

/* The STATE cell of a host and the theme role it is drawn in. */
static enum theme_role
state_text(const struct app *app, int host, char *buf, size_t cap)
{
	const struct ssh_status *st;
	long secs;

	if (app->pool == NULL) {
		snprintf(buf, cap, "not connected");
		return THEME_DIM;
	}
	st = ssh_pool_status(app->pool, host);
	switch (st->state) {
	case SSH_UP:
		snprintf(buf, cap, "UP");
		return THEME_OK;
	case SSH_DOWN:
		secs = (long)((st->retry_at_ms - loop_now_ms() + 999) / 1000);
		snprintf(buf, cap, "DOWN retry %lds", secs > 0 ? secs : 0);
		return THEME_BAD;
	case SSH_UNTRUSTED:
		snprintf(buf, cap, "UNTRUSTED");
		return THEME_BAD;
	default:
		snprintf(buf, cap, "%s", ssh_state_name(st->state));
		return THEME_WARN;
	}
}

/* Lines under the table for the selected host: why it is not UP, in
 * full; for an untrusted host the key's fingerprint on a line of its own,
 * since that is what the engineer compares. Returns the lines needed. */
static int
detail_lines(const struct app *app, int host, char lines[2][700])
{
	const struct ssh_status *st;
	const char *name;

	if (app->pool == NULL || host < 0)
		return 0;
	st = ssh_pool_status(app->pool, host);
	name = app->cfg.hosts[host].name;
	if (st->state == SSH_UNTRUSTED) {
		snprintf(lines[0], 700, "%s: %s — nothing is sent to it%s", name,
		    strncmp(st->error, "HOST KEY CHANGED", 16) == 0 ?
		    "HOST KEY CHANGED" : "UNKNOWN HOST KEY",
		    st->key_unknown && !app->safety.read_only ? " (K trusts it)" : "");
		snprintf(lines[1], 700, "  %s %s", st->keytype, st->fingerprint);
		return 2;
	}
	if (st->state == SSH_DOWN)
		snprintf(lines[0], 700, "%s: %s", name, st->error);
	else if (st->notes[0] != '\0')
		snprintf(lines[0], 700, "%s: %s", name, st->notes);
	else
		return 0;
	return 1;
}

static void
hosts_draw(struct app *app, WINDOW *win, int h, int w, bool focused)
{
	int rows = app_host_rows(app), top = 0, y, dim = ui_attr(app, THEME_DIM);
	int body = h - 1, ndetail = 0;
	char line[512], detail[2][700];

	if (rows == 0) {
		ui_put(win, 0, 1, w - 1, dim, "no hosts configured");
		ui_put(win, 1, 1, w - 1, dim, "add [host \"name\"] sections to the config");
		return;
	}
	/* Most important columns first, so a narrow pane cuts the least useful. */
	snprintf(line, sizeof(line), "  %-14s %-10s %-14s %-8s %s", "HOST", "SERVICE",
	    "STATE", "DRIVER", "ADDRESS");
	ui_put(win, 0, 0, w, ui_attr(app, THEME_TITLE), line);
	{
		const struct config_host *sh;
		int ssvc, si = row_at(app, app->host_sel, &sh, &ssvc);

		/* The selected host's trouble takes the last lines, if any. */
		ndetail = detail_lines(app, si, detail);
		if (body - ndetail < 2)
			ndetail = 0;
		body -= ndetail;
	}
	if (app->host_sel >= top + body)
		top = app->host_sel - (body - 1);
	for (y = 1; y <= body && top + y - 1 < rows; y++) {
		const struct config_host *host;
		char addr[300], state[64];
		int svc, n = top + y - 1, hi;
		bool sel = n == app->host_sel;
		enum theme_role role;

		hi = row_at(app, n, &host, &svc);
		role = state_text(app, hi, state, sizeof(state));
		snprintf(addr, sizeof(addr), "%s:%d",
		    host->address[0] ? host->address : host->name, host->port ? host->port : 22);
		if (sel && focused) {
			wattrset(win, ui_attr(app, THEME_SELECTED));
			mvwhline(win, y, 0, ' ', w);
			wattrset(win, A_NORMAL);
		}
		/* The marker shows the selection without relying on colour. */
		snprintf(line, sizeof(line), "%s %-14s %-10s ", sel ? ">" : " ", host->name,
		    host->services[svc]);
		ui_put(win, y, 0, w, sel && focused ? ui_attr(app, THEME_SELECTED) :
		    ui_attr(app, THEME_NORMAL), line);
		snprintf(line, sizeof(line), "%-14s ", state);
		ui_put(win, y, 28, w - 28, sel && focused ? ui_attr(app, THEME_SELECTED) :
		    ui_attr(app, role), line);
		snprintf(line, sizeof(line), "%-8s %s", config_driver_name(host->driver), addr);
		ui_put(win, y, 43, w - 43, sel && focused ? ui_attr(app, THEME_SELECTED) :
		    ui_attr(app, THEME_NORMAL), line);
	}
	for (y = 0; y < ndetail; y++)
		ui_put(win, h - ndetail + y, 0, w, ui_attr(app, THEME_BAD), detail[y]);
}

static bool
hosts_key(struct app *app, enum wr_command cmd, int page)
{
	int rows = app_host_rows(app), sel = app->host_sel;

	switch (cmd) {
	case WR_CMD_UP: sel--; break;
	case WR_CMD_DOWN: sel++; break;
	case WR_CMD_PAGE_UP: sel -= page; break;
	case WR_CMD_PAGE_DOWN: sel += page; break;
	case WR_CMD_TOP: sel = 0; break;
	case WR_CMD_BOTTOM: sel = rows - 1; break;
	default: return false;
	}
	if (sel >= rows)
		sel = rows - 1;
	if (sel < 0)
		sel = 0;
	app->host_sel = sel;
	return true;
}

const struct view_ops view_hosts_ops = {
	.name = "HOSTS",
	.draw = hosts_draw,
	.key = hosts_key,
};
