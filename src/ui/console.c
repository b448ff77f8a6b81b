/*
 * console.c — the console on a real terminal: stdin, signals and the clock
 * tick are registered with the one loop, and the screen is redrawn once per
 * pass, just before the loop sleeps.
 */
#include "warroom/ui.h"

#include <errno.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "warroom/loop.h"
#include "warroom/pace.h"
#include "warroom/ssh.h"

/* The console ends; the first cause is the shutdown record's reason
 * (NULL: quit, the engineer's q). */
static void
ending(struct app *app, const char *why)
{
	if (!app->quit)
		app->exit_reason = why;
	app->quit = true;
}

static void
on_stdin(struct loop *loop, int fd, unsigned events, void *arg)
{
	struct app *app = arg;
	wint_t wch;
	int r;

	app->last_key_ms = loop_now_ms();
	while (!app->quit && (r = get_wch(&wch)) != ERR) {
		if (r == KEY_CODE_YES && wch == KEY_RESIZE)
			screen_resize(app, COLS, LINES);
		else
			keys_input(app, r == KEY_CODE_YES, (unsigned)wch);
	}
	/* All read: curses waited its ESCDELAY after a last ESC, so it is
	 * the Esc key, not Alt and a key typed later. */
	if (!app->quit)
		keys_idle(app);
	/* The terminal went away (hang-up): nothing left to show on, and a
	 * hung-up tty stays readable forever, so staying would spin. A closed
	 * pane often ends us here before its SIGHUP arrives: a hang-up too,
	 * never the engineer's quit. */
	if (events & LOOP_ERROR)
		ending(app, "hangup");
}

static void
on_signal(struct loop *loop, int signo, void *arg)
{
	struct app *app = arg;
	struct winsize ws;

	switch (signo) {
	case SIGWINCH:
		if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
			screen_resize(app, ws.ws_col, ws.ws_row);
		break;
	case SIGCHLD:
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		break;
	case SIGINT:
	case SIGQUIT:
		/* Ctrl-C, Ctrl-\: cancel what is open, else like q (which asks
		 * while an action runs); never an exit that skips the guard,
		 * the shutdown record or the terminal's restore. */
		keys_interrupt(app, signo);
		break;
	case SIGTSTP:
		/* Not while an action runs; disarmed first (keys_suspend). */
		keys_suspend(app);
		break;
	case SIGCONT:
		/* Stopped from outside (SIGSTOP) and continued: as after Ctrl-Z,
		 * nothing read before the stop is recorded. */
		journal_observe_continued(app);
		app->dirty = true;
		break;
	default:        /* SIGTERM, SIGHUP: leave cleanly, terminal restored */
		ending(app, signo == SIGTERM ? "terminated" : "hangup");
		app->exit_signal = signo;
		break;
	}
}

/* Seconds between two looks at the runbook files. */
#define RBWATCH_EVERY_S 2

static void
on_tick(void *arg)
{
	struct app *app = arg;

	app->dirty = true;   /* the header clock and elapsed time moved */
	app->tick_due = true;
	app_status_tick(app);    /* an outcome waiting for the one shown to be read */
	app->logs_per_s = logset_end(&app->logs) - app->logs_end_at_tick;
	app->logs_end_at_tick = logset_end(&app->logs);
	if (app_arming_expired(app)) {
		/* A confirmation opened armed goes with the arming: its Enter
		 * would act for a console no longer armed. */
		bool closed = keys_put_away_armed(app);

		journal_mode(app, "disarmed", "the arming time ran out");
		app_say(app, "disarmed: the arming time ran out%s (A arms again)", closed ?
		    "; the confirmation open then was closed, nothing ran" : "");
	}
	app_arm_lock_settle(app);   /* once disarmed and our last action ended */
	journal_retry(app);
	journal_follow(app);     /* on the tick it already has: no wake-up of its own */
	app_arm_lock_check(app); /* the journal or .arm file moved, or ulimit -f hit */
	journal_observe_takeover(app); /* the recording console gone: this one */
	journal_conn(app);       /* a return is recorded once it held */
	journal_poll(app);       /* so is a failing read */
	journal_record_gone(app); /* a dead console's end, once, before its actions */
	journal_adopt_gone(app); /* a dead console's unfinished actions: re-read here */
	app_say_unplaced(app);   /* marks another console wrote that fit no step here */
	/* Runbook files every few seconds, not every frame: a stat each. */
	if (++app->rbwatch_ticks >= RBWATCH_EVERY_S) {
		app->rbwatch_ticks = 0;
		app_watch_runbooks(app);
	}
}

static void
wake(void *arg)
{
	((struct app *)arg)->dirty = true;
}

static bool
hosts_connecting(const struct app *app)
{
	int h, n = app->pool != NULL ? ssh_pool_count(app->pool) : 0;

	for (h = 0; h < n; h++)
		if (ssh_pool_status(app->pool, h)->state < SSH_UP)
			return true;
	return false;
}

/* Batch network work only while nobody waits on it (pace.h); true when
 * calm. */
static bool
set_pace(struct app *app)
{
	struct pace_in in = {
		.since_key_ms = app->last_key_ms != 0 ? loop_now_ms() - app->last_key_ms : -1,
		.interacting = app->confirming != NULL || app->prompt_active || app->help_visible ||
		    app->rb_detail || app->tl_detail || app->confirm_quit,
		.busy = app->work_pending || actions_running(app) > 0 || hosts_connecting(app),
		.log_lines_per_s = app->logs_per_s,
	};

	int64_t slot = pace_batch_ms(&in);

	loop_set_batch(app->loop, slot);
	return slot > 0;
}

static void
before_sleep(struct loop *loop, void *arg)
{
	struct app *app = arg;

	/* Calm, the screen follows the clock: one frame a second holds every
	 * change of the last second (a full frame costs about as much as the
	 * network work it shows). Otherwise every pass draws what changed. */
	if (!set_pace(app) || app->tick_due || app->full_redraw) {
		screen_draw(app);
		app->tick_due = false;
	}
	/* A filter over many lines goes on in the next pass, not in this one,
	 * so keys are answered between batches. */
	if (app->work_pending) {
		app->work_pending = false;
		loop_timer_add(loop, 0, 0, wake, app);
	}
}

int
console_run(struct app *app)
{
	struct wr_err err;
	int rc = 0;

	loop_fd_add(app->loop, STDIN_FILENO, LOOP_READ, on_stdin, app);
	loop_fd_set_urgent(app->loop, STDIN_FILENO, true);
	loop_timer_add(app->loop, 1000 - (loop_now_ms() % 1000), 1000, on_tick, app);
	loop_set_before_sleep(app->loop, before_sleep, app);
	while (!app->quit) {
		/* An escape sequence begun waits for its end only so long: a
		 * lone ESC is the Esc key (keys_expire). */
		if (loop_run_once(app->loop, keys_wait_ms(app), &err) != 0) {
			rc = 1;
			break;
		}
		keys_expire(app);
	}
	loop_fd_remove(app->loop, STDIN_FILENO);
	screen_close(app->screen);
	if (rc != 0)
		fprintf(stderr, "warroom: %s\n", err.msg);
	return rc != 0 ? rc : app->exit_signal ? 128 + app->exit_signal : 0;
}

/* Signals must be routed to the loop before curses starts, or curses
 * installs its own SIGWINCH handler. */
int
console_signals(struct app *app)
{
	static const int sigs[] = { SIGWINCH, SIGTERM, SIGINT, SIGQUIT, SIGHUP, SIGTSTP, SIGCHLD,
		SIGCONT };

	return loop_signals(app->loop, sigs, WR_ARRAY_LEN(sigs), on_signal, app);
}
