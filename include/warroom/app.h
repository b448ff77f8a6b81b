/*
 * app.h — the application context: the one place mutable state lives.
 * Views draw from it, commands change it, the loop drives it.
 */
#ifndef WARROOM_APP_H
#define WARROOM_APP_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "warroom/config.h"
#include "warroom/safety.h"
#include "warroom/theme.h"

enum pane_id {
	PANE_HOSTS,
	PANE_METRICS,
	PANE_LOGS,
	PANE_RUNBOOK,
	PANE_TIMELINE,
	PANE_COUNT
};

struct loop;
struct screen;

struct app {
	struct config cfg;
	struct theme theme;
	struct safety_state safety;
	struct loop *loop;               /* NULL in screen-test mode */
	struct screen *screen;

	const char *incident;            /* --incident NAME, or NULL */
	const char *const *runbooks;     /* -r FILE…, as given */
	int nrunbooks;

	time_t started;                  /* wall clock when the console opened */
	bool fake_clock;                 /* screen tests: time moves only by script */
	time_t fake_now;

	enum pane_id focus;
	int host_sel;                    /* selected row in HOSTS */
	int running_actions;             /* actions not yet ended */

	bool help_visible;
	bool confirm_quit;               /* "quit while an action runs?" asked */
	bool quit;
	int exit_signal;                 /* SIGTERM/SIGHUP that ended the console */
	bool dirty;                      /* something changed: redraw this pass */
	bool full_redraw;                /* repaint every cell (C-l, resize) */

	char status[256];                /* one-line message in the footer */
	time_t status_until;
};

/* Wall-clock now: real time, or the script's clock in screen tests. */
time_t app_now(const struct app *app);

/* Show msg in the footer for a few seconds. */
void app_say(struct app *app, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Number of rows in the HOSTS table (one per host and service). */
int app_host_rows(const struct app *app);

#endif
