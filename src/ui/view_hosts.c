/*
 * view_hosts.c — the HOSTS pane: one row per host and service from the
 * config, with the selection the other panes follow.
 */
#include "warroom/ui.h"

#include <stdio.h>

/* The host and service of table row n. */
static void
row_at(const struct app *app, int n, const struct config_host **h, int *svc)
{
	size_t i;

	for (i = 0; i < app->cfg.nhosts; i++) {
		if (n < app->cfg.hosts[i].nservices) {
			*h = &app->cfg.hosts[i];
			*svc = n;
			return;
		}
		n -= app->cfg.hosts[i].nservices;
	}
	*h = NULL;
	*svc = 0;
}

static void
hosts_draw(struct app *app, WINDOW *win, int h, int w, bool focused)
{
	int rows = app_host_rows(app), top = 0, y, dim = ui_attr(app, THEME_DIM);
	char line[512];

	if (rows == 0) {
		ui_put(win, 0, 1, w - 1, dim, "no hosts configured");
		ui_put(win, 1, 1, w - 1, dim, "add [host \"name\"] sections to the config");
		return;
	}
	/* Most important columns first, so a narrow pane cuts the least useful. */
	snprintf(line, sizeof(line), "  %-14s %-10s %-14s %-8s %s", "HOST", "SERVICE",
	    "STATE", "DRIVER", "ADDRESS");
	ui_put(win, 0, 0, w, ui_attr(app, THEME_TITLE), line);
	if (app->host_sel >= top + h - 1)
		top = app->host_sel - (h - 2);
	for (y = 1; y < h && top + y - 1 < rows; y++) {
		const struct config_host *host;
		char addr[300];
		int svc, n = top + y - 1;
		bool sel = n == app->host_sel;

		row_at(app, n, &host, &svc);
		snprintf(addr, sizeof(addr), "%s:%d",
		    host->address[0] ? host->address : host->name, host->port ? host->port : 22);
		/* The marker shows the selection without relying on colour. */
		snprintf(line, sizeof(line), "%s %-14s %-10s %-14s %-8s %s",
		    sel ? ">" : " ", host->name, host->services[svc], "not connected",
		    config_driver_name(host->driver), addr);
		if (sel && focused) {
			wattrset(win, ui_attr(app, THEME_SELECTED));
			mvwhline(win, y, 0, ' ', w);
			wattrset(win, A_NORMAL);
		}
		ui_put(win, y, 0, w, sel && focused ? ui_attr(app, THEME_SELECTED) :
		    ui_attr(app, THEME_NORMAL), line);
	}
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
