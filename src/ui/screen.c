/*
 * screen.c — curses set-up and teardown, the pane windows, and the one
 * redraw per loop pass: every window is redrawn into curses' buffers with
 * werase + wnoutrefresh and the terminal gets a single doupdate(), so the
 * terminal only ever receives the cells that changed.
 */
#include "warroom/ui.h"

#include <langinfo.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "warroom/armwords.h"
#include "warroom/badge_tiny.h"
#include "warroom/header_fit.h"
#include "warroom/loop.h"
#include "warroom/statuspage.h"
#include "warroom/statuspage_badge.h"
#include "warroom/timeline.h"
#include "warroom/toosmall.h"
#include "warroom/unsettled.h"

/* The footer asks for a pane's hints by its pane_id. */
_Static_assert(PANE_HOSTS == (int)HINT_HOSTS && PANE_METRICS == (int)HINT_METRICS &&
    PANE_LOGS == (int)HINT_LOGS && PANE_RUNBOOK == (int)HINT_RUNBOOK &&
    PANE_TIMELINE == (int)HINT_TIMELINE, "hint panes follow enum pane_id");

static const enum theme_role role_border[2] = { THEME_BORDER, THEME_BORDER_FOCUS };

const struct view_ops *
view_for_pane(enum pane_id pane)
{
	static const struct view_ops *const views[PANE_COUNT] = {
		[PANE_HOSTS] = &view_hosts_ops,
		[PANE_METRICS] = &view_metrics_ops,
		[PANE_LOGS] = &view_logs_ops,
		[PANE_RUNBOOK] = &view_runbook_ops,
		[PANE_TIMELINE] = &view_timeline_ops,
	};

	return views[pane];
}

static void
free_windows(struct screen *scr)
{
	int i;

	if (scr->header)
		delwin(scr->header);
	if (scr->footer)
		delwin(scr->footer);
	for (i = 0; i < PANE_COUNT; i++)
		if (scr->pane[i])
			delwin(scr->pane[i]);
	scr->header = scr->footer = NULL;
	memset(scr->pane, 0, sizeof(scr->pane));
}

/* newwin(0, 0) would be the whole screen: an empty rect has no window. */
static WINDOW *
win_for(struct rect r)
{
	return r.h > 0 && r.w > 0 ? newwin(r.h, r.w, r.y, r.x) : NULL;
}

static void
make_windows(struct screen *scr)
{
	int i;

	free_windows(scr);
	layout_compute(&scr->lo, scr->cols, scr->lines, scr->zoom, scr->focus,
	    scr->footer_rows, scr->hosts_rows);
	if (scr->lo.too_small)
		return;
	scr->header = win_for(scr->lo.header);
	scr->footer = win_for(scr->lo.footer);
	for (i = 0; i < PANE_COUNT; i++)
		scr->pane[i] = win_for(scr->lo.pane[i]);
}

/* Bracketed paste: the terminal marks a paste (ESC[200~ … ESC[201~), so
 * its newlines and letters are text, never keys (keygate.h). Written to
 * the terminal directly: curses has no call for it, and a terminal that
 * does not know the mode ignores it. */
static void
paste_mode(const struct screen *scr, bool on)
{
	static const char set[] = "\033[?2004h", reset[] = "\033[?2004l";

	if (scr->test)
		return;
	fflush(stdout);
	(void)!write(STDOUT_FILENO, on ? set : reset, on ? sizeof(set) - 1 : sizeof(reset) - 1);
}

/* A crash (an allocation failing aborts, a fault) ends the process
 * without screen_close: the terminal would stay raw, on the alternate
 * screen, its cursor hidden and paste markers on. These signals restore
 * it first, then end the process as they would have. A signal handler
 * can reach nothing but static storage, so what it needs is kept here,
 * made once as the screen opens (as loop.c keeps its pipe). */
static const int crash_signals[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL };
static struct {
	volatile sig_atomic_t armed;
	struct termios shell;            /* the terminal's modes before curses */
	char restore[256];               /* paste off, keypad and alternate screen
	                                    left, cursor shown */
	size_t len;
	struct sigaction old[WR_ARRAY_LEN(crash_signals)];
} crash;

static void
on_crash(int signo, siginfo_t *si, void *uc)
{
	size_t i;

	(void)uc;
	if (crash.armed) {
		crash.armed = 0;
		(void)!write(STDOUT_FILENO, crash.restore, crash.len);
		tcsetattr(STDIN_FILENO, TCSADRAIN, &crash.shell);
	}
	/* Then as it would have ended (a core, or a sanitizer's report): a
	 * fault happens again where it was once this returns; a signal sent
	 * (abort's own, kill) is sent again. */
	for (i = 0; i < WR_ARRAY_LEN(crash_signals); i++)
		if (crash_signals[i] == signo)
			sigaction(signo, &crash.old[i], NULL);
	if (si == NULL || si->si_code <= 0)
		raise(signo);
}

static void
crash_add(const char *cap)
{
	size_t n;

	if (cap == NULL || cap == (char *)-1 ||
	    (n = strlen(cap)) >= sizeof(crash.restore) - crash.len)
		return;
	memcpy(crash.restore + crash.len, cap, n);
	crash.len += n;
}

/* Arm the crash restore; shell: the terminal's modes before curses. */
static void
crash_arm(const struct termios *shell)
{
	struct sigaction sa;
	size_t i;

	crash.shell = *shell;
	crash.len = 0;
	crash_add("\033[?2004l");
	crash_add(tigetstr("rmkx"));
	crash_add(tigetstr("rmcup"));
	crash_add(tigetstr("cnorm"));
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_crash;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < WR_ARRAY_LEN(crash_signals); i++)
		sigaction(crash_signals[i], &sa, &crash.old[i]);
	crash.armed = 1;
}

static void
crash_disarm(void)
{
	size_t i;

	if (!crash.armed)
		return;
	crash.armed = 0;
	for (i = 0; i < WR_ARRAY_LEN(crash_signals); i++)
		sigaction(crash_signals[i], &crash.old[i], NULL);
}

struct screen *
screen_open(struct app *app, bool test, int cols, int lines, struct wr_err *err)
{
	struct screen *scr = xcalloc(1, sizeof(*scr));
	const char *nc = getenv("NO_COLOR");
	struct termios shell;
	bool have_shell = !test && tcgetattr(STDIN_FILENO, &shell) == 0;

	scr->test = test;
	scr->zoom = -1;
	scr->focus = PANE_HOSTS;
	scr->footer_rows = 1;
	if (test) {
		scr->out = fopen("/dev/null", "w");
		if (scr->out == NULL) {
			free(scr);
			wr_err_set(err, "cannot open /dev/null");
			return NULL;
		}
		scr->term = newterm("xterm-256color", scr->out, stdin);
	} else
		scr->term = newterm(NULL, stdout, stdin);
	if (scr->term == NULL) {
		if (scr->out)
			fclose(scr->out);
		free(scr);
		wr_err_set(err, "cannot start the terminal (TERM=%s)",
		    getenv("TERM") ? getenv("TERM") : "unset");
		return NULL;
	}
	set_term(scr->term);
	app->screen = scr;
	scr->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* A paste's markers as two keys of their own. */
	define_key("\033[200~", WR_KEY_PASTE_START);
	define_key("\033[201~", WR_KEY_PASTE_END);
	nodelay(stdscr, TRUE);
	/* A frame goes out whole: checking for typed keys mid-frame made
	 * ncurses flush it in dozens of small writes (a half-drawn dialog for
	 * a moment, many syscalls), and the loop answers keys between frames
	 * anyway. */
	typeahead(-1);
	set_escdelay(25);
	curs_set(0);
	theme_apply(app, nc == NULL || nc[0] == '\0');
	if (test)
		resizeterm(lines, cols);
	scr->cols = COLS;
	scr->lines = LINES;
	make_windows(scr);
	paste_mode(scr, true);
	if (have_shell)
		crash_arm(&shell);
	app->dirty = true;
	return scr;
}

void
screen_close(struct screen *scr)
{
	if (scr == NULL || scr->closed)
		return;
	scr->closed = true;
	if (!scr->test)
		crash_disarm();
	free_windows(scr);
	endwin();
	paste_mode(scr, false);
	delscreen(scr->term);
	if (scr->out)
		fclose(scr->out);
}

/* Stop as Ctrl-Z's default would: the kernel lets a process no shell
 * could continue (an orphaned process group) carry on instead. */
static void
stop_here(void)
{
	struct sigaction dfl, ours;

	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	if (sigaction(SIGTSTP, &dfl, &ours) != 0)
		return;
	kill(getpid(), SIGTSTP);
	sigaction(SIGTSTP, &ours, NULL);
}

void
screen_suspend(struct app *app)
{
	struct screen *scr = app->screen;
	struct winsize ws;

	if (scr == NULL || scr->closed || scr->test) {
		stop_here();
		return;
	}
	/* The shell gets its terminal back as it was: no alternate screen,
	 * cursor shown, cooked mode, and no paste markers it did not ask for. */
	endwin();
	paste_mode(scr, false);
	stop_here();
	/* Continued: ours again, perhaps at another size. */
	paste_mode(scr, true);
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
		screen_resize(app, ws.ws_col, ws.ws_row);
	app->full_redraw = true;
	app->dirty = true;
}

bool
screen_too_small(const struct app *app)
{
	return app->screen != NULL && !app->screen->closed && app->screen->lo.too_small;
}

void
screen_resize(struct app *app, int cols, int lines)
{
	struct screen *scr = app->screen;

	if (cols <= 0 || lines <= 0)
		return;
	/* resizeterm() queues a KEY_RESIZE; answering that one must not
	 * resize again, or the two feed each other forever. */
	if (cols != COLS || lines != LINES)
		resizeterm(lines, cols);
	scr->cols = COLS;
	scr->lines = LINES;
	make_windows(scr);
	app->dirty = true;
	app->full_redraw = true;
}

static void
draw_pane(struct app *app, enum pane_id id)
{
	struct screen *scr = app->screen;
	const struct view_ops *v = view_for_pane(id);
	WINDOW *w = scr->pane[id];
	bool focused = app->focus == id;
	struct view_title extra = { .text = "", .lead = 0, .role = THEME_TITLE };
	char head[64], tail[320];
	const char *zoomed = focused && scr->zoom >= 0 ? " (zoomed: z shows every pane)" : "";
	int attr = ui_attr(app, focused ? THEME_TITLE_FOCUS : THEME_TITLE), h, wd, x;

	if (w == NULL)
		return;
	getmaxyx(w, h, wd);
	snprintf(head, sizeof(head), " %s%s", focused ? (scr->utf8 ? "▶ " : "> ") : "", v->name);
	/* The title runs in wd - 4 cells: the view's words get what the
	 * name, the space before them and the zoom's words leave. */
	if (v->title != NULL)
		v->title(app, wd - 4 - ui_width(head) - 1 - ui_width(zoomed) - 1, &extra);
	if (extra.lead > strlen(extra.text))
		extra.lead = strlen(extra.text);
	werase(w);
	ui_border(app, w, role_border[focused]);
	if (extra.text[0] != '\0')
		wr_appendf(head, sizeof(head), " ");
	snprintf(tail, sizeof(tail), "%s%s ", extra.text + extra.lead, zoomed);
	/* In pieces: the lead in its own colours (a tally of hosts in
	 * trouble in the bad one); cut past the room as one string would. */
	x = 2 + ui_put(w, 0, 2, wd - 4, attr, head);
	if (extra.lead > 0) {
		char lead[sizeof(extra.text)];

		memcpy(lead, extra.text, extra.lead);
		lead[extra.lead] = '\0';
		/* Reversed in the focused title's bar, as a row's ! is in the
		 * selection's: a cell of the bar, not a gap in it. */
		x += ui_put(w, 0, x, wd - 2 - x, ui_attr(app, extra.role) |
		    (focused && extra.role != THEME_TITLE ? (int)A_REVERSE : 0), lead);
	}
	ui_put(w, 0, x, wd - 2 - x, attr, tail);
	if (h > 2 && wd > 2) {
		WINDOW *inner = derwin(w, h - 2, wd - 2, 1, 1);

		if (inner != NULL) {
			v->draw(app, inner, h - 2, wd - 2, focused);
			delwin(inner);
		}
	}
	wnoutrefresh(w);
}

static void
format_elapsed(char *buf, size_t cap, long secs)
{
	if (secs < 0)
		secs = 0;
	snprintf(buf, cap, "T+%02ld:%02ld:%02ld", secs / 3600, (secs / 60) % 60, secs % 60);
}

/* The header's badges and informational items, each in its wordings
 * (longest first) for header_fit to choose from. */
struct header_badges {
	struct header_fit_item item[HEADER_FIT_ITEMS];
	char text[HEADER_FIT_ITEMS][HEADER_FIT_WORDINGS][200];
	int attr[HEADER_FIT_ITEMS];
	size_t n;
};

/* One more item, its wordings longest first ("" or NULL ends them). */
static void
badge_add(struct header_badges *b, bool info, int attr, const char *w0, const char *w1)
{
	const char *w[2] = { w0, w1 };
	struct header_fit_item *it;
	int i;

	if (b->n >= HEADER_FIT_ITEMS || w0 == NULL || w0[0] == '\0')
		return;
	it = &b->item[b->n];
	memset(it, 0, sizeof(*it));
	it->info = info;
	for (i = 0; i < 2 && w[i] != NULL && w[i][0] != '\0'; i++) {
		wr_strlcpy(b->text[b->n][i], w[i], sizeof(b->text[0][0]));
		it->width[i] = ui_width(w[i]);
		it->nwords++;
	}
	b->attr[b->n++] = attr;
}

/* The last item's tiniest wording, taken only once the clock and the
 * program's name are gone (header_fit); none when it is no narrower. */
static void
badge_tiny(struct header_badges *b, const char *tiny)
{
	struct header_fit_item *it;

	if (b->n == 0 || tiny == NULL || tiny[0] == '\0')
		return;
	it = &b->item[b->n - 1];
	if (it->nwords >= HEADER_FIT_WORDINGS || ui_width(tiny) >= it->width[it->nwords - 1])
		return;
	wr_strlcpy(b->text[b->n - 1][it->nwords], tiny, sizeof(b->text[0][0]));
	it->width[it->nwords++] = ui_width(tiny);
	it->tiny = true;
}

/* One more item whose wording a width chooses (statuspage_badge,
 * chat_badge): each it has, from the widest down. */
static void
badge_add_widths(struct header_badges *b, int attr,
    size_t (*word)(const void *arg, int max_width, char *dst, size_t cap), const void *arg)
{
	struct header_fit_item *it;
	int max = 1 << 20;
	size_t len;

	if (b->n >= HEADER_FIT_ITEMS)
		return;
	it = &b->item[b->n];
	memset(it, 0, sizeof(*it));
	while (it->nwords < HEADER_FIT_WORDINGS) {
		char *dst = b->text[b->n][it->nwords];

		len = word(arg, max, dst, sizeof(b->text[0][0]));
		if (len == 0 || (it->nwords > 0 && ui_width(dst) >= it->width[it->nwords - 1]))
			break;
		it->width[it->nwords++] = ui_width(dst);
		max = ui_width(dst) - 1;
	}
	if (it->nwords > 0)
		b->attr[b->n++] = attr;
}

/* Whether session's console still runs (its byte of .live). */
static int
session_alive(uint64_t session, void *arg)
{
	struct app *app = arg;

	return app->tl != NULL ? timeline_session_alive(app->tl, session) : -1;
}

/* Posts that have not reached the status page stay in sight until they
 * do: the footer says a retry for seconds, the page may fail for minutes.
 * What the badge is made from, into *out; true when it is trouble
 * (statuspage_badge_trouble: drawn as such). */
static bool
statuspage_badge_for(struct app *app, struct statuspage_badge_in *out)
{
	const struct statuspage_state *st;
	struct statuspage_badge_in in;
	bool from_journal = false;
	int others;

	if (app->fake_header.on) {
		in = app->fake_header.sp;
	} else if (app->statuspage == NULL) {
		/* No client here (read-only): the posts as the journal has them. */
		statuspage_journal_badge_in(&app->sp_journal, (int64_t)app_now(app) * 1000, &in);
		/* A post whose console is gone is retried by no one. */
		statuspage_journal_others(&app->sp_journal, 0, session_alive, app,
		    "the next writing console sends it", &in);
	} else {
		struct statuspage_left left;

		st = statuspage_state(app->statuspage);
		memset(&in, 0, sizeof(in));
		/* Counted as q's question counts them (statuspage_left). */
		statuspage_left(app->statuspage, &left, NULL, 0);
		in.pending = left.pending;
		in.failed = st->failed;
		in.unknown = st->unknown;
		in.failing = st->failing;
		in.fail_status = st->fail_status;
		in.retry_in_s = st->retry_at_ms > 0 ?
		    (long)((st->retry_at_ms - loop_now_ms() + 999) / 1000) : -1;
		if (in.retry_in_s == 0)
			in.retry_in_s = -1;
		memcpy(in.cause, st->fail_cause, sizeof(in.cause));
		in.check = st->check;
		in.check_status = st->check_status;
		memcpy(in.check_words, st->check_words, sizeof(in.check_words));
		/* Nothing of ours waits: another console's posts that have not
		 * gone through, as the journal (and a watcher) has them. */
		if (in.pending == 0 && in.failed == 0) {
			struct statuspage_badge_in j;

			statuspage_journal_badge_in(&app->sp_journal, (int64_t)app_now(app) * 1000,
			    &j);
			if (j.pending > 0 || j.failed > 0) {
				j.check = in.check;
				j.check_status = in.check_status;
				memcpy(j.check_words, in.check_words, sizeof(j.check_words));
				in = j;
				from_journal = true;
			}
		}
		/* Posts another console left: still its own, or no one's until
		 * this console takes them over (and counted once). */
		others = statuspage_journal_others(&app->sp_journal, timeline_session(app->tl),
		    session_alive, app, app_armed(app) ? "S takes it over" :
		    "arming (A) takes it over", &in);
		if (!from_journal)
			in.pending += others;
	}
	*out = in;
	return statuspage_badge_trouble(&in);
}

static size_t
statuspage_word(const void *arg, int max_width, char *dst, size_t cap)
{
	return statuspage_badge(arg, max_width, dst, cap);
}

struct chat_word_arg {
	const struct chat_journal *j;
	int64_t now_ms;
};

static size_t
chat_word(const void *arg, int max_width, char *dst, size_t cap)
{
	const struct chat_word_arg *c = arg;

	return chat_badge(c->j, c->now_ms, max_width, dst, cap);
}

/* Seconds the console stays armed (a screen test's :header says), or -1. */
static long
armed_left(struct app *app)
{
	if (app->fake_header.on)
		return app->fake_header.armed_s > 0 ? app->fake_header.armed_s : -1;
	if (!app_armed(app))
		return -1;
	return (long)((app->armed_until_ms - loop_now_ms() + 999) / 1000);
}

/* The fixed names :header's exports= and restored= stand for. */
static const char *const fake_hosts[] = { "helm-bastion", "api-1", "api-2", "k8s-bastion" };

/* Another console armed (a watcher cannot arm; a console that writes is
 * not that one): who can act now, from the journal, and when that console
 * is gone (killed while armed), that it is. Short: who only. */
static void
armed_by_badge(struct app *app, struct header_badges *b)
{
	char words[256], who[128], lng[200], shrt[200];
	bool gone;

	if (app->fake_header.on) {
		if (app->fake_header.armed_by <= 0)
			return;
		gone = app->fake_header.armed_by > 1;
		wr_strlcpy(who, "ic (root@vm)", sizeof(who));
		snprintf(words, sizeof(words), gone ? "%s, last record 06:21 UTC" :
		    "%s since 06:23 UTC", who);
	} else if (!journal_armed_by(app, &gone, words, sizeof(words), who, sizeof(who)))
		return;
	snprintf(lng, sizeof(lng), gone ? " ARMED CONSOLE GONE: %.150s " : " ARMED: %.150s ", words);
	snprintf(shrt, sizeof(shrt), gone ? " ARMED CONSOLE GONE: %.60s " : " ARMED: %.60s ", who);
	badge_add(b, false, gone ? (int)(ui_attr(app, THEME_WARN) | A_REVERSE) :
	    ui_attr(app, THEME_BADGE), lng, strcmp(lng, shrt) != 0 ? shrt : NULL);
	badge_tiny_armed(who, gone, shrt, sizeof(shrt));
	badge_tiny(b, shrt);
}

/* Of a watcher's actions with no outcome, those whose console is gone
 * (its .live byte free): nobody will end them until a console resumes
 * (the count returned), or, once a writing console recorded that console
 * gone (session.gone), that console took them over and re-reads them
 * (*taken): UNKNOWN, as that console says. Liveness is read each time. */
static size_t
open_gone(struct app *app, size_t *taken)
{
	size_t i, k, n = 0;

	*taken = 0;
	if (app->tl == NULL)
		return 0;
	for (i = 0; i < app->nentries; i++) {
		const struct timeline_entry *e = &app->entries[i];
		bool seen = false;

		if (strcmp(e->kind, "action.intent") != 0 || e->op[0] == '\0' || e->orphaned ||
		    e->session == 0 || app_outcome_record(app, e->op) != NULL ||
		    timeline_session_alive(app->tl, e->session) != 0)
			continue;
		for (k = 0; k < app->arm_sessions.n; k++)
			if (app->arm_sessions.v[k].tracked && app->arm_sessions.v[k].id == e->session)
				seen = app->arm_sessions.v[k].gone_seq != 0;
		if (seen)
			(*taken)++;
		else
			n++;
	}
	return n;
}

/* Others' actions not settled: n UNKNOWN, n ACTIONS: NO OUTCOME YET, and
 * of those, gone ones (their console dead) as UNKNOWN until a console
 * resumes: "YET" would promise an outcome nobody is coming to give. */
static void
others_open_badges(struct app *app, struct header_badges *b, size_t unknown, size_t none_yet,
    size_t gone)
{
	char lng[200], shrt[200];

	if (gone > none_yet)
		gone = none_yet;
	none_yet -= gone;
	if (gone > 0) {
		snprintf(lng, sizeof(lng), " %zu UNKNOWN UNTIL A CONSOLE RESUMES ", gone);
		snprintf(shrt, sizeof(shrt), " %zu UNKNOWN UNTIL A RESUME ", gone);
		badge_add(b, false, ui_attr(app, THEME_BAD) | A_REVERSE, lng, shrt);
		snprintf(shrt, sizeof(shrt), " %zu UNKNOWN ", gone);
		badge_tiny(b, shrt);
	}

	if (unknown > 0) {
		snprintf(lng, sizeof(lng), " %zu UNKNOWN: not settled yet ", unknown);
		snprintf(shrt, sizeof(shrt), " %zu UNKNOWN ", unknown);
		badge_add(b, false, ui_attr(app, THEME_BAD) | A_REVERSE, lng, shrt);
	}
	if (none_yet > 0) {
		snprintf(lng, sizeof(lng), " %zu ACTION%s: NO OUTCOME YET ", none_yet,
		    none_yet == 1 ? "" : "S");
		badge_add(b, false, ui_attr(app, THEME_BADGE), lng, NULL);
		badge_tiny_none_yet(none_yet, shrt, sizeof(shrt));
		badge_tiny(b, shrt);
	}
}

/* This console's own outcomes not known: why, or (narrow) the count. */
static void
own_unknown_badge(struct app *app, struct header_badges *b)
{
	const char *runs = NULL, *target = NULL, *waits = NULL;
	struct actions_reread rr;
	char lng[200], shrt[200];
	size_t unknown = app->fake_header.on ? app->fake_header.unknown : actions_unknown(app);

	if (unknown == 0)
		return;
	if (!app->fake_header.on && actions_unknown_by_hand(app) > 0)
		snprintf(lng, sizeof(lng), " %zu UNKNOWN: check by hand, then U ", unknown);
	else if (!app->fake_header.on && (waits = actions_unknown_waiting(app)) != NULL)
		unsettled_badge_wait_words(unknown, waits, lng, sizeof(lng));
	else if (!app->fake_header.on && actions_unknown_rereading(app, &rr))
		unsettled_badge_reread_words(unknown, rr.host, rr.runs, rr.target, rr.left_s,
		    rr.under_way, lng, sizeof(lng));
	else {
		if (!app->fake_header.on)
			actions_unknown_read_back(app, &runs, &target);
		unsettled_badge_words(unknown, runs, target, lng, sizeof(lng));
	}
	snprintf(shrt, sizeof(shrt), " %zu UNKNOWN ", unknown);
	badge_add(b, false, ui_attr(app, THEME_BAD) | A_REVERSE, lng, shrt);
}

/* A host still exporting after a kill switch ran somewhere: the leak the
 * kill switch was meant to stop (HOSTS' EXPORT column says where); one
 * whose /export is not known may be one, so it is named too. Narrow: the
 * counts. Exports the engineer turned back on are information, said
 * plainly: the first to give way. */
static void
exports_badges(struct app *app, struct header_badges *b)
{
	const char *on[64], *unk[64];
	char lng[200], shrt[200], words[200];
	size_t non, nunk, nr;

	if (app->fake_header.on) {
		non = app->fake_header.exports_on < 4 ? app->fake_header.exports_on : 4;
		memcpy(on, fake_hosts, sizeof(fake_hosts));
		nunk = 0;
	} else {
		non = app_exports_on(app, on, WR_ARRAY_LEN(on));
		nunk = app_exports_unknown(app, unk, NULL, WR_ARRAY_LEN(unk));
	}
	if (contain_badge(on, non, unk, nunk, lng, sizeof(lng))) {
		contain_badge_counts(non, nunk, shrt, sizeof(shrt));
		badge_add(b, false, ui_attr(app, THEME_WARN) | A_REVERSE, lng, shrt);
		badge_tiny_exports(non, nunk, shrt, sizeof(shrt));
		badge_tiny(b, shrt);
	}
	if (app->fake_header.on) {
		nr = app->fake_header.restored < 4 ? app->fake_header.restored : 4;
		if (nr > 0)
			snprintf(words, sizeof(words), "exports restored on %s", fake_hosts[4 - nr]);
		for (size_t i = 5 - nr; i < 4; i++)
			snprintf(words + strlen(words), sizeof(words) - strlen(words), ", %s",
			    fake_hosts[i]);
	} else
		nr = contain_restored_words(&app->contain, words, sizeof(words));
	if (nr == 0)
		return;
	snprintf(lng, sizeof(lng), " %.150s ", words);
	contain_restored_count(nr, words, sizeof(words));
	snprintf(shrt, sizeof(shrt), " %.150s ", words);
	badge_add(b, true, ui_attr(app, THEME_BADGE), nr > 3 ? shrt : lng, nr > 3 ? NULL : shrt);
}

/* A badge naming up to four hosts count() finds, in words() three forms
 * (long, short, the alarm word alone) for header_fit to choose from. */
static void
hosts_badge(struct app *app, struct header_badges *b, int attr,
    size_t (*count)(const struct app *, const char **, size_t),
    void (*words)(const char *const *, size_t, int, char *, size_t))
{
	const char *names[4];
	char lng[200], shrt[200], tiny[64];
	size_t n = count(app, names, WR_ARRAY_LEN(names));

	if (n == 0)
		return;
	words(names, n, 0, lng, sizeof(lng));
	words(names, n, 1, shrt, sizeof(shrt));
	badge_add(b, false, attr, lng, shrt);
	words(names, n, 2, tiny, sizeof(tiny));
	badge_tiny(b, tiny);
}

/* A rollback that left the database's schema ahead of the release (its
 * /readyz says migrations not current): not a clean OK, and HOSTS' title
 * says so only while the pane is in sight. Narrow: the count, then the
 * alarm word alone. */
static void
schema_badge(struct app *app, struct header_badges *b)
{
	hosts_badge(app, b, (int)(ui_attr(app, THEME_WARN) | A_REVERSE), hosts_schema_ahead,
	    badge_schema_ahead);
}

/* A host refused for a changed key may be a man in the middle: said
 * whichever pane is in sight, as loud as a bad release. */
static void
key_changed_badge(struct app *app, struct header_badges *b)
{
	hosts_badge(app, b, (int)(ui_attr(app, THEME_BAD) | A_REVERSE), hosts_key_changed,
	    badge_key_changed);
}

static void
draw_header(struct app *app)
{
	WINDOW *w = app->screen->header;
	int cols = app->screen->cols, x;
	bool armed = app->fake_header.on ? app->fake_header.armed_s > 0 : app_armed(app), trouble;
	int a = ui_attr(app, armed ? THEME_HEADER_ARMED : THEME_HEADER);
	time_t now = app_now(app);
	time_t start = app->incident_start_ms > 0 && !app->fake_clock ?
	    (time_t)(app->incident_start_ms / 1000) : app->started;
	char left[512], clock[32], clock_short[32], elapsed[32];
	const char *name = app->incident ? app->incident : "no incident named";
	struct header_badges b = { .n = 0 };
	struct statuspage_badge_in sp;
	struct chat_word_arg chat = { &app->chat_journal, (int64_t)app_now(app) * 1000 };
	struct header_fit_in fin;
	struct header_fit fit;
	struct tm tm;
	size_t unknown, none_yet, i;

	wbkgdset(w, ' ' | (chtype)a);
	werase(w);
	/* The badges say what the engineer may and may not do: they are
	 * never cut; the rest gives way first (header_fit). */
	if (app->safety.read_only) {
		badge_add(&b, false, ui_attr(app, THEME_BADGE), " READ-ONLY ", NULL);
		badge_tiny(&b, BADGE_TINY_READ_ONLY);
	}
	armed_by_badge(app, &b);
	if (armed) {
		long secs = armed_left(app);
		char shrt[32];

		armwords_badge(secs, true, left, sizeof(left));
		armwords_badge(secs, false, shrt, sizeof(shrt));
		badge_add(&b, false, ui_attr(app, THEME_BADGE), left, shrt);
	}
	/* An outcome nobody knows yet stays in sight until its host is read
	 * again: the footer's message is gone in seconds. A watcher has no
	 * actions of its own: what the journal says. Another console's may
	 * be on the hosts this one is about to act on. */
	if (app->fake_header.on) {
		own_unknown_badge(app, &b);
		others_open_badges(app, &b, 0, app->fake_header.none_yet +
		    app->fake_header.gone_open, app->fake_header.gone_open);
	} else if (app->safety.read_only) {
		size_t gone = 0, taken = 0;

		app_open_outcomes(app, &unknown, &none_yet);
		if (none_yet > 0)
			gone = open_gone(app, &taken);
		if (taken > none_yet)
			taken = none_yet;
		others_open_badges(app, &b, unknown + taken, none_yet - taken, gone);
	} else {
		own_unknown_badge(app, &b);
		actions_others_open(app, &unknown, &none_yet);
		others_open_badges(app, &b, unknown, none_yet, 0);
	}
	exports_badges(app, &b);
	key_changed_badge(app, &b);
	schema_badge(app, &b);
	if (app->resolved)
		badge_add(&b, false, ui_attr(app, THEME_BADGE), " RESOLVED ", NULL);
	if (app->tl != NULL && (timeline_degraded(app->tl) || timeline_read_only(app->tl)))
		badge_add(&b, false, ui_attr(app, THEME_BAD) | A_REVERSE,
		    timeline_degraded(app->tl) ? " JOURNAL DEGRADED " : " JOURNAL READ-ONLY ", NULL);
	trouble = statuspage_badge_for(app, &sp);
	i = b.n;
	badge_add_widths(&b, trouble ? (int)(ui_attr(app, THEME_BAD) | A_REVERSE) :
	    ui_attr(app, THEME_BADGE), statuspage_word, &sp);
	if (b.n > i) {
		badge_tiny_statuspage(&sp, left, sizeof(left));
		badge_tiny(&b, left);
	}
	/* An announcement the team may not have had, until one goes through. */
	badge_add_widths(&b, ui_attr(app, THEME_BAD) | A_REVERSE, chat_word, &chat);
	/* Elapsed since the incident opened (a resumed one keeps counting).
	 * A watcher whose incident has no journal (yet) has nothing open to
	 * count from: it says so, not a T+ as though the incident ran. */
	if (app->incident != NULL && app->safety.read_only && app->tl == NULL)
		wr_strlcpy(elapsed, "not open", sizeof(elapsed));
	else
		format_elapsed(elapsed, sizeof(elapsed), (long)(now - start));
	gmtime_r(&now, &tm);
	strftime(clock, sizeof(clock), "%Y-%m-%d %H:%M:%S UTC ", &tm);
	strftime(clock_short, sizeof(clock_short), "%H:%M:%S UTC ", &tm);
	fin = (struct header_fit_in){ .cols = cols, .items = b.item, .nitems = b.n,
		.label = ui_width(" warroom"), .sep = ui_width(" │ "), .name = ui_width(name),
		.elapsed = ui_width(elapsed), .clock_long = (int)strlen(clock),
		.clock_short = (int)strlen(clock_short) };
	header_fit(&fin, &fit);
	if (fit.clock == fin.clock_short)
		memcpy(clock, clock_short, sizeof(clock));
	else if (fit.clock == 0)
		clock[0] = '\0';
	left[0] = '\0';
	if (fit.label) {
		size_t cut = strlen(name);

		/* A cut name is cut where a character starts, and says so. */
		if (fit.name > 0 && fit.name < fin.name)
			ui_put_n(NULL, 0, 0, fit.name - 1, a, name, &cut);
		snprintf(left, sizeof(left), " warroom%s%.*s%s%s%s", fit.name > 0 ? " │ " : "",
		    fit.name > 0 ? (int)cut : 0, name, fit.name > 0 && fit.name < fin.name ? "…" : "",
		    fit.elapsed ? " │ " : "", fit.elapsed ? elapsed : "");
	}
	if (!app->screen->utf8)
		for (x = 0; left[x] != '\0'; x++)
			if ((unsigned char)left[x] >= 0x80)
				left[x] = '|';
	x = left[0] != '\0' ? ui_put(w, 0, 0, cols - 1 - fit.clock - header_fit_badges(&fin, &fit),
	    a, left) : 0;
	for (i = 0; i < b.n; i++)
		if (fit.word[i] >= 0)
			x += 2 + ui_put(w, 0, x + 2, cols - x - 2 - fit.clock, b.attr[i],
			    b.text[i][fit.word[i]]);
	if (fit.clock > 0)
		ui_put(w, 0, cols - fit.clock, fit.clock, a, clock);
	wnoutrefresh(w);
}

static int
hint_width(const struct key_hint *h)
{
	return ui_width(command_key(h->cmd)) + 1 + ui_width(h->label) + 2;
}

/* The focused pane's keys; on a narrow screen the pane's own go from the
 * end first, so Tab, help and quit always show. */
static void
draw_hints(struct app *app, WINDOW *w, int cols, int a, int k)
{
	struct key_hint h[16];
	size_t n = command_hints((enum hint_pane)app->focus, app->safety.read_only,
	    app_armed(app), app->zoomed, app->tl_all, h, WR_ARRAY_LEN(h)), i, tail = 3, keep;
	int total = 0, x = 1;

	for (i = 0; i < n; i++)
		total += hint_width(&h[i]);
	for (keep = n - tail; keep > 0 && total > cols - 2; keep--)
		total -= hint_width(&h[keep - 1]);
	for (i = 0; i < n; i++) {
		if (i >= keep && i < n - tail)
			continue;
		x += ui_put(w, 0, x, cols - x - 1, k, command_key(h[i].cmd));
		x += ui_put(w, 0, x, cols - x - 1, a, " ");
		x += ui_put(w, 0, x, cols - x - 1, a, h[i].label);
		x += ui_put(w, 0, x, cols - x - 1, a, "  ");
	}
}

/* While a dialog is open, its own keys: the main screen's would lie (q
 * types a q there). The least needed go first on a narrow screen. */
static void
draw_hint_list(WINDOW *w, int cols, int a, int k, const struct dialog_hint *h, size_t n)
{
	size_t i;
	int total = 0, x = 1;

	for (i = 0; i < n; i++)
		total += ui_width(h[i].key) + 1 + ui_width(h[i].label) + 2;
	while (n > 2 && total - 2 > cols - 2) {
		n--;
		total -= ui_width(h[n].key) + 1 + ui_width(h[n].label) + 2;
	}
	for (i = 0; i < n; i++) {
		x += ui_put(w, 0, x, cols - x - 1, k, h[i].key);
		x += ui_put(w, 0, x, cols - x - 1, a, " ");
		x += ui_put(w, 0, x, cols - x - 1, a, h[i].label);
		x += ui_put(w, 0, x, cols - x - 1, a, "  ");
	}
}

static void
draw_dialog_hints(struct app *app, WINDOW *w, int cols, int a, int k)
{
	struct dialog_hint h[4];

	draw_hint_list(w, cols, a, k, h, actions_dialog_hints(app, app->screen->lines,
	    app->screen->cols, h));
}

/* A STEP or TIMELINE entry overlay takes every key but its own: the
 * pane's hints under it would promise keys that do nothing. */
static void
draw_overlay_hints(struct app *app, WINDOW *w, int cols, int a, int k)
{
	struct dialog_hint h[4];

	draw_hint_list(w, cols, a, k, h, app->rb_detail ? command_overlay_hints("step", 0, h) :
	    command_overlay_hints("entry", timeline_detail_records(app), h));
}

/* At most this many rows for a message: the panes stay in sight. */
#define STATUS_ROWS_MAX 6

/* The footer's message; one wider than the footer goes on in the rows
 * above it, as many as it needs (the end of the last row cut with … past
 * STATUS_ROWS_MAX), and ends on the footer's own row. */
static bool
status_shown(const struct app *app)
{
	return app->status[0] != '\0' && (app_now(app) < app->status_until || app->status_held);
}

/* The message's text: what leads until a key comes first; what was said
 * since, after it. */
static void
status_text(const struct app *app, char *text, size_t cap)
{
	if (app->status_lead[0] == '\0' ||
	    (status_shown(app) && strstr(app->status, app->status_lead) != NULL))
		wr_strlcpy(text, app->status, cap);
	else
		snprintf(text, cap, "%s%s%s", app->status_lead,
		    status_shown(app) ? " | " : "", status_shown(app) ? app->status : "");
}

/* The most rows the footer may take this frame: its own and those the
 * panes above it (or the zoomed pane) can give, keeping their borders.
 * Measured where LOGS ends: with METRICS focused on a short screen the
 * rows come off METRICS and LOGS moves up. */
static int
footer_most(const struct app *app)
{
	const struct screen *scr = app->screen;
	struct layout one, all;
	int zoom = app->zoomed ? (int)app->focus : -1, p = zoom >= 0 ? zoom : PANE_LOGS;

	layout_compute(&one, scr->cols, scr->lines, zoom, (int)app->focus, 1, scr->hosts_rows);
	layout_compute(&all, scr->cols, scr->lines, zoom, (int)app->focus, scr->lines,
	    scr->hosts_rows);
	return 1 + (one.pane[p].y + one.pane[p].h) - (all.pane[p].y + all.pane[p].h);
}

/* Cut text (cap bytes) to wrap into rows rows of w cells, ending in "… "
 * and more (where to read it whole); how many bytes of text it kept. */
static size_t
status_fit(char *text, size_t cap, int w, int rows, const char *more)
{
	char *buf = xmalloc(cap);
	size_t lo = 0, hi = strlen(text), k;
	int n;

	/* The longest start that fits with the words after it. */
	while (lo < hi) {
		size_t mid = (lo + hi + 1) / 2;

		snprintf(buf, cap, "%.*s… %s", (int)mid, text, more);
		n = 0;
		ui_put_wrapped(NULL, &n, 0, w, 0, rows + 1, 0, buf);
		if (n <= rows)
			lo = mid;
		else
			hi = mid - 1;
	}
	/* Not inside a character, nor after a space. */
	for (k = lo; k > 0 && ((unsigned char)text[k] & 0xc0) == 0x80; k--)
		;
	while (k > 0 && text[k - 1] == ' ')
		k--;
	snprintf(buf, cap, "%.*s… %s", (int)k, text, more);
	wr_strlcpy(text, buf, cap);
	free(buf);
	return k;
}

static void
draw_status(struct app *app, WINDOW *footer, int cols)
{
	int a = ui_attr(app, THEME_STATUS), n = 0, y = 0;
	char text[sizeof(app->status_lead) + 3 + sizeof(app->status)];
	WINDOW *win;

	status_text(app, text, sizeof(text));
	ui_put_wrapped(NULL, &n, 1, cols - 2, 0, STATUS_ROWS_MAX, a, text);
	/* More rows than the panes give (footer_rows): cut, saying where
	 * it is whole. An outcome is journalled: TIMELINE's Enter shows
	 * it; a message kept past a key, a zoomed pane leaves the rows for
	 * (a key's answer goes with z: cut with … alone, as past six rows). */
	if (n > app->screen->footer_rows) {
		n = app->screen->footer_rows;
		if (app->outq.shown[0] != '\0' || !app->status_keyed) {
			const char *more = app->outq.shown[0] != '\0' ?
			    "(whole in TIMELINE: 5, Enter)" : "(z shows it whole)";
			char *whole = xstrdup(text);

			/* Cut before an outcome's word: the word first. */
			if (outq_word_first(whole, strlen(whole) + 1, status_fit(text, sizeof(text),
			    cols - 2, n, more))) {
				wr_strlcpy(text, whole, sizeof(text));
				status_fit(text, sizeof(text), cols - 2, n, more);
			}
			free(whole);
		}
	}
	if (n <= 1 || app->screen->lines - n < 1 ||
	    (win = newwin(n, cols, app->screen->lines - n, 0)) == NULL) {
		ui_put(footer, 0, 1, cols - 2, a, text);
		return;
	}
	wnoutrefresh(footer);
	wbkgdset(win, ' ' | (chtype)ui_attr(app, THEME_FOOTER));
	werase(win);
	ui_put_wrapped(win, &y, 1, cols - 2, 0, n, a, text);
	wnoutrefresh(win);
	delwin(win);
}

/* A prompt's question. One row (one: ctx, a space, ask) when it fits
 * beside room to type; else its context (ctx) goes on in the rows above
 * the footer, as a long message does, and what to type (ask) stays on the
 * footer's row with the typed text: an instruction is never cut off the
 * screen. */
struct prompt_q {
	char ctx[4096];
	char ask[256];
	char one[4096 + 256 + 8];    /* ctx, a separator, ask */
	enum theme_role role;
};

/* The footer keeps at least this many cells for what is typed. */
#define PROMPT_TYPE_MIN 20
/* Rows above the footer a prompt's context may take. */
#define PROMPT_CTX_ROWS (STATUS_ROWS_MAX - 1)

static int
wrapped_rows(int cols, const char *text)
{
	int n = 0;

	ui_put_wrapped(NULL, &n, 1, cols - 2, 0, INT_MAX, A_NORMAL, text);
	return n;
}

/* E's question: every leak and every failing host, named, or the hosts
 * past what the rows above the footer hold counted as "and N more". */
static void
resolve_question(struct app *app, int cols, struct prompt_q *q)
{
	char leak[2048], bad[1024];
	const char **on = xcalloc(app->cfg.nhosts + 1, sizeof(*on));
	const char **unk = xcalloc(app->cfg.nhosts + 1, sizeof(*unk));
	int64_t *since = xcalloc(app->cfg.nhosts + 1, sizeof(*since));
	size_t non = app_exports_on(app, on, app->cfg.nhosts);
	size_t nunk = app_exports_unknown(app, unk, since, app->cfg.nhosts);
	int nbad = app_hosts_not_ok(app, 0, NULL, 0);
	size_t most = (size_t)nbad;
	/* Containment first: a leak still going (or one that may be:
	 * exports not known) outweighs a verdict. */
	bool leaking = contain_resolve_words(&app->contain, on, non, unk, since, nunk, leak,
	    sizeof(leak)) > 0;

	char page[200];
	/* The public incident, which E leaves as it is. */
	bool open = statuspage_open_words(app->statuspage != NULL ?
	    statuspage_state(app->statuspage)->page_status : NULL, false, page, sizeof(page));

	free(on);
	free(unk);
	free(since);
	q->role = leaking || nbad > 0 || open ? THEME_WARN : THEME_STATUS;
	if (!leaking && nbad == 0) {
		if (contain_restored_words(&app->contain, leak, sizeof(leak)) > 0) {
			snprintf(q->one, sizeof(q->one), "%s%stype resolve to mark the incident "
			    "resolved (%s): ", page, open ? "; " : "", leak);
			snprintf(q->ctx, sizeof(q->ctx), "%s%s%s", page, open ? "; " : "", leak);
		} else if (open) {
			snprintf(q->one, sizeof(q->one), "%s; type resolve to mark the incident "
			    "resolved: ", page);
			snprintf(q->ctx, sizeof(q->ctx), "%s;", page);
		}
		wr_strlcpy(q->ask, "type resolve to mark the incident resolved: ", sizeof(q->ask));
		if (q->one[0] == '\0')
			wr_strlcpy(q->one, q->ask, sizeof(q->one));
		return;
	}
	wr_strlcpy(q->ask, "type resolve to resolve anyway: ", sizeof(q->ask));
	for (;;) {
		app_hosts_not_ok(app, most, bad, sizeof(bad));
		if (leaking)
			snprintf(q->ctx, sizeof(q->ctx), "%s%s%s%s%s:", leak, nbad > 0 ?
			    "; not OK: " : "", bad, open ? "; " : "", page);
		else
			snprintf(q->ctx, sizeof(q->ctx), "%d host%s not OK (%s)%s%s;", nbad,
			    nbad == 1 ? "" : "s", bad, open ? "; " : "", page);
		if (most == 0 || wrapped_rows(cols, q->ctx) <= PROMPT_CTX_ROWS)
			break;
		most--;
	}
}

/* The room on the footer's row left for the question and what is typed. */
static int
prompt_room(const struct app *app, int cols)
{
	return cols - 2 - (app->prompt_note[0] != '\0' ? ui_width(app->prompt_note) + 2 : 0);
}

static void
prompt_question(struct app *app, int cols, bool hidden, struct prompt_q *q)
{
	memset(q, 0, sizeof(*q));
	q->role = THEME_STATUS;
	if (app->prompt_kind == PROMPT_TRUST) {
		/* A name refused says why in the box above. */
		snprintf(q->ask, sizeof(q->ask), "trust this key? type %s: ",
		    app->cfg.hosts[app->prompt_host].name);
		q->role = app->trust_error[0] ? THEME_WARN : THEME_STATUS;
	} else if (app->prompt_kind == PROMPT_ANNOUNCE) {
		snprintf(q->ctx, sizeof(q->ctx), "announce \"%s\" to the chat?", app->post_message);
		wr_strlcpy(q->ask, "type announce: ", sizeof(q->ask));
	} else if (app->prompt_kind == PROMPT_TAG) {
		snprintf(q->ctx, sizeof(q->ctx), "%s:", app->tag_why);
		snprintf(q->ask, sizeof(q->ask), "roll %s on %s back to tag: ",
		    app->cfg.hosts[app->tag_host].services[app->tag_svc],
		    app->cfg.hosts[app->tag_host].name);
	} else if (app->prompt_kind == PROMPT_POST_TEXT) {
		/* The box above shows the whole text and where it goes. */
		wr_strlcpy(q->ask, app->post_title_edit ? "title: " : "text: ", sizeof(q->ask));
	} else if (app->prompt_kind == PROMPT_RESOLVE) {
		resolve_question(app, cols, q);
	} else if (app->prompt_kind == PROMPT_ARM && actions_others_warning(app, -1, q->ctx,
	    sizeof(q->ctx))) {
		/* Arming beside another console's unfinished action: said first. */
		q->role = THEME_WARN;
		wr_strlcpy(q->ask, "type arm to arm: ", sizeof(q->ask));
	} else if (app->prompt_kind == PROMPT_SETTLE) {
		/* Which outcome goes above when the row is short (at 80
		 * columns it was cut, typed text glued to its "…"); what to
		 * type stays beside the typing. */
		actions_settle_question(app, q->ctx, sizeof(q->ctx), q->ask, sizeof(q->ask));
	} else if (app->prompt_kind == PROMPT_FILL) {
		const char *note = app->fill.note[app->fill.cur];
		size_t nth, asked = runbook_fill_asked(&app->fill, &nth);

		/* A rollback's revision or tag: beside what its host runs now.
		 * One the config could have given: why it did not. */
		snprintf(q->ctx, sizeof(q->ctx), "%s%s%s%son %s%s%s%s,", app->fill_error,
		    app->fill_error[0] ? " | " : "", note ? note : "", note ? " | " : "",
		    app->cfg.hosts[app->fill_host].name, app->fill_hint[0] ? " (" : "",
		    app->fill_hint, app->fill_hint[0] ? ")" : "");
		snprintf(q->ask, sizeof(q->ask), "%s (%zu of %zu%s) = ",
		    app->fill.labels[app->fill.cur], nth, asked, hidden ? ", typed hidden" : "");
	} else
		wr_strlcpy(q->ask, app->prompt_kind == PROMPT_FILTER ? "filter /" :
		    app->prompt_kind == PROMPT_HOST_FILTER ?
		    "HOSTS: rows whose host, service, address or tag has: " :
		    app->prompt_kind == PROMPT_ARM ? "type arm to arm: " :
		    app->prompt_kind == PROMPT_STATUS ?
		    "status page (investigating/identified/monitoring/resolved): " :
		    app->prompt_kind == PROMPT_TZERO ? "T-0 (now, +30m, HH:MM UTC): " :
		    app->prompt_kind == PROMPT_JUMP ?
		    "LOGS at (19:30 UTC, 10m ago, 2026-11-26T19:30:00Z): " : "note: ",
		    sizeof(q->ask));
	/* A question alone too wide to leave room to type (S's at 80
	 * columns): the whole of it above, a short label on the footer's row,
	 * as E's is, rather than cut with … and typed text glued to it. */
	if (q->ctx[0] == '\0' && q->one[0] == '\0' &&
	    ui_width(q->ask) + PROMPT_TYPE_MIN > prompt_room(app, cols)) {
		wr_strlcpy(q->one, q->ask, sizeof(q->one));
		lineedit_question_split(q->one, q->ctx, sizeof(q->ctx), q->ask, sizeof(q->ask));
	}
	if (q->one[0] == '\0')
		snprintf(q->one, sizeof(q->one), "%s%s%s", q->ctx, q->ctx[0] ? " " : "", q->ask);
}

/* ctx in the rows above the footer (at most PROMPT_CTX_ROWS, the last
 * cut with … past them); false when no window could be made for it. */
static bool
draw_prompt_ctx(struct app *app, int cols, int attr, const char *ctx)
{
	int n = 0, y = 0;
	WINDOW *win;

	ui_put_wrapped(NULL, &n, 1, cols - 2, 0, PROMPT_CTX_ROWS, attr, ctx);
	if (n < 1 || app->screen->lines - 1 - n < 1 ||
	    (win = newwin(n, cols, app->screen->lines - 1 - n, 0)) == NULL)
		return false;
	wbkgdset(win, ' ' | (chtype)ui_attr(app, THEME_FOOTER));
	werase(win);
	ui_put_wrapped(win, &y, 1, cols - 2, 0, n, attr, ctx);
	wnoutrefresh(win);
	delwin(win);
	return true;
}

/* Whether the prompt's text is a secret, shown as bullets. */
static bool
prompt_hidden(const struct app *app)
{
	return app->prompt_kind == PROMPT_FILL && app->fill.cur < app->fill.n &&
	    app->fill.secret[app->fill.cur];
}

/* q's question as this frame says it (dispatch_quit_refresh worded it),
 * led by a word that it changed when y came after it did. */
static void
quit_text(const struct app *app, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s%s", app->quit_changed ? "Changed as you answered: " : "",
	    app->quit_words);
}

/* The rows draw_footer takes this frame: its own, and those above it a
 * long message, a prompt's question or q's words go on in. The layout
 * gives them up from the bottom panes, so nothing is drawn over a pane's
 * border (before, a two-row message hid HOSTS' "filter hides …"). */
static int
footer_rows(struct app *app)
{
	int cols = app->screen->cols, n = 0;

	if (app->prompt_active) {
		struct prompt_q q;

		prompt_question(app, cols, prompt_hidden(app), &q);
		if (q.ctx[0] == '\0' || ui_width(q.one) + PROMPT_TYPE_MIN <= prompt_room(app, cols))
			return 1;
		ui_put_wrapped(NULL, &n, 1, cols - 2, 0, PROMPT_CTX_ROWS, A_NORMAL, q.ctx);
	} else if (app->confirm_quit) {
		char words[sizeof(app->quit_words) + 40];

		quit_text(app, words, sizeof(words));
		if (ui_width(words) + 1 + ui_width(app->quit_ask) <= cols - 2)
			return 1;
		ui_put_wrapped(NULL, &n, 1, cols - 2, 0, PROMPT_CTX_ROWS, A_NORMAL, words);
	} else if (app->status_lead[0] != '\0' || status_shown(app)) {
		char text[sizeof(app->status_lead) + 3 + sizeof(app->status)];

		status_text(app, text, sizeof(text));
		ui_put_wrapped(NULL, &n, 1, cols - 2, 0, STATUS_ROWS_MAX, A_NORMAL, text);
		/* The message ends on the footer's own row; past the rows
		 * the panes give (keeping their bottom borders and what
		 * they say) it is cut, draw_status says where it is whole. */
		if (n > footer_most(app))
			n = footer_most(app);
		return n > 1 ? n : 1;
	}
	return n > 0 && app->screen->lines - 1 - n >= 1 ? 1 + n : 1;
}

static void
draw_footer(struct app *app)
{
	WINDOW *w = app->screen->footer;
	int cols = app->screen->cols, x = 1;
	int a = ui_attr(app, THEME_FOOTER), k = ui_attr(app, THEME_FOOTER_KEY);
	char progress[512];

	wbkgdset(w, ' ' | (chtype)a);
	werase(w);
	if (app->prompt_active) {
		const struct lineedit *le = &app->prompt;
		/* A note (a paste cut short) keeps its place at the end. */
		int note_w = app->prompt_note[0] != '\0' ? ui_width(app->prompt_note) + 2 : 0;
		int room = prompt_room(app, cols), avail, start = 0, cx, end, qa;
		char before[LINEEDIT_MAX * 3 + 1], masked[LINEEDIT_MAX * 3 + 1];
		const char *text = le->text;
		size_t at = le->cursor;
		bool hidden = prompt_hidden(app);
		struct prompt_q q;

		/* A secret shows as one bullet per character: how much was
		 * typed, never what. */
		if (hidden) {
			lineedit_masked(le, masked, sizeof(masked), &at);
			text = masked;
			at *= strlen("\u2022");
		}
		prompt_question(app, cols, hidden, &q);
		qa = ui_attr(app, q.role);
		/* Too long for one row beside room to type: the context above. */
		if (q.ctx[0] != '\0' && ui_width(q.one) + PROMPT_TYPE_MIN > room &&
		    draw_prompt_ctx(app, cols, qa, q.ctx))
			x = ui_put(w, 0, 1, room - PROMPT_TYPE_MIN, qa, q.ask);
		else
			x = ui_put(w, 0, 1, room - PROMPT_TYPE_MIN, qa, q.one);
		avail = room - x;
		/* Keep the cursor in view: scroll the text left when it is long. */
		memcpy(before, text, at);
		before[at] = '\0';
		while (ui_width(before + start) >= avail && before[start] != '\0') {
			start++;
			while (((unsigned char)before[start] & 0xc0) == 0x80)
				start++;
		}
		end = 1 + x + ui_put(w, 0, 1 + x, avail, a, text + start);
		cx = 1 + x + ui_width(before + start);
		mvwchgat(w, 0, cx < cols - 1 ? cx : cols - 2, 1, A_NORMAL, 0, NULL);
		if (note_w > 0) {
			mvwhline(w, 0, cols - 1 - note_w, ' ' | (chtype)a, note_w + 1);
			ui_put(w, 0, cols - note_w, note_w - 1, ui_attr(app, THEME_WARN),
			    app->prompt_note);
		}
		/* The keys' reminder only where no typed text is under it. */
		else if (cols - 24 > end + 2 && cols - 24 > cx + 2)
			ui_put(w, 0, cols - 24, 23, ui_attr(app, THEME_DIM),
			    app->prompt_kind == PROMPT_NOTE ? "Enter stores, Esc drops" :
			    app->prompt_kind == PROMPT_FILTER ||
			    app->prompt_kind == PROMPT_HOST_FILTER ? "Enter sets, Esc keeps" :
			    /* The title's Enter sends nothing: it goes back to the text. */
			    app->prompt_kind == PROMPT_POST_TEXT && app->post_title_edit ?
			    "Enter keeps the title" :
			    app->prompt_kind == PROMPT_POST_TEXT ? "Enter posts, Esc no" :
			    "Enter confirms, Esc no");
	} else if (app->confirm_quit) {
		char words[sizeof(app->quit_words) + 40], one[sizeof(words) + 24];
		int sa = ui_attr(app, THEME_STATUS);

		/* Too long for the footer: what runs goes on in the rows above. */
		quit_text(app, words, sizeof(words));
		snprintf(one, sizeof(one), "%s %s", words, app->quit_ask);
		if (ui_width(one) > cols - 2 && draw_prompt_ctx(app, cols, sa, words))
			ui_put(w, 0, 1, cols - 2, sa, app->quit_ask);
		else
			ui_put(w, 0, 1, cols - 2, sa, one);
	} else if (app->status_lead[0] != '\0' || status_shown(app)) {
		draw_status(app, w, cols);
	} else if (app->confirming != NULL) {
		draw_dialog_hints(app, w, cols, a, k);
	} else if ((app->rb_detail || app->tl_detail) && !app->help_visible) {
		draw_overlay_hints(app, w, cols, a, k);
	} else if (actions_progress(app, progress, sizeof(progress))) {
		ui_put(w, 0, 1, cols - 2, ui_attr(app, THEME_WARN), progress);
	} else {
		draw_hints(app, w, cols, a, k);
	}
	wnoutrefresh(w);
}

/* Below the minimum: only a notice, worded to fit (toosmall.c), saying
 * which keys still act (keygate.h: Esc, and q on the main screen; any
 * key to the quit question, which it asks), and an armed console's
 * badge, which never gives way. */
static void
draw_too_small(struct app *app)
{
	struct toosmall_in in = { .cols = COLS, .lines = LINES, .min_cols = UI_MIN_COLS,
		.min_lines = UI_MIN_LINES, .armed_s = armed_left(app),
		.open = app->confirming != NULL || app->prompt_active || app->confirm_quit ||
		    app->help_visible || app->rb_detail || app->tl_detail,
		.quit_question = app->confirm_quit };
	struct toosmall t;
	int i, y, x, w;

	werase(stdscr);
	toosmall_words(&in, &t);
	y = (LINES - t.n) / 2;
	for (i = 0; i < t.n; i++, y++) {
		w = (int)strlen(t.row[i]);
		x = w < COLS ? (COLS - w) / 2 : 0;
		if (i == t.badge) {
			char badge[TOOSMALL_COLS];

			snprintf(badge, sizeof(badge), "%.*s", t.badge_len, t.row[i]);
			x += ui_put(stdscr, y, x, COLS - x, ui_attr(app, THEME_BADGE), badge);
			/* The notice, when the one line holds both. */
			ui_put(stdscr, y, x, COLS - x, A_BOLD, t.row[i] + t.badge_len);
			continue;
		}
		ui_put(stdscr, y, x, COLS - x, i == (t.badge == 0 ? 1 : 0) ? A_BOLD : A_NORMAL,
		    t.row[i]);
	}
	wnoutrefresh(stdscr);
}

/* The rows HOSTS' content wants this frame, asked at the most the
 * layout could give it: what it leaves goes to the panes below. */
static int
hosts_rows(struct app *app)
{
	struct screen *scr = app->screen;
	struct layout lo;
	const struct rect *r = &lo.pane[PANE_HOSTS];

	layout_compute(&lo, scr->cols, scr->lines, -1, -1, 1, 0);
	if (lo.too_small || r->h < 3 || r->w < 3)
		return scr->hosts_rows;
	return hosts_rows_wanted(app, r->w - 2, r->h - 2);
}

void
screen_draw(struct app *app)
{
	struct screen *scr = app->screen;
	int i, frows, hrows;

	if (scr == NULL || scr->closed || !app->dirty)
		return;
	app->dirty = false;
	/* The question says what is left now, not what was when q came. */
	dispatch_quit_refresh(app);
	if (app->full_redraw) {
		clearok(curscr, TRUE);
		app->full_redraw = false;
	}
	/* HOSTS' rows first: the footer's share of LOGS depends on them. */
	hrows = hosts_rows(app);
	if (hrows != scr->hosts_rows) {
		scr->hosts_rows = hrows;
		make_windows(scr);
	}
	frows = scr->lo.too_small ? scr->footer_rows : footer_rows(app);
	if ((app->zoomed ? (int)app->focus : -1) != scr->zoom || (int)app->focus != scr->focus ||
	    frows != scr->footer_rows) {
		scr->zoom = app->zoomed ? (int)app->focus : -1;
		scr->focus = (int)app->focus;
		scr->footer_rows = frows;
		make_windows(scr);
	}
	if (scr->lo.too_small) {
		draw_too_small(app);
		doupdate();
		return;
	}
	draw_header(app);
	for (i = 0; i < PANE_COUNT; i++)
		draw_pane(app, (enum pane_id)i);
	draw_footer(app);
	if (app->rb_detail)
		runbook_detail_draw(app, scr->lines, scr->cols);
	if (app->tl_detail)
		timeline_detail_draw(app, scr->lines, scr->cols);
	actions_dialog_draw(app, scr->lines, scr->cols);
	if (app->prompt_active && app->prompt_kind == PROMPT_POST_TEXT)
		actions_post_preview_draw(app, scr->lines, scr->cols);
	if (app->prompt_active && app->prompt_kind == PROMPT_FILL)
		tagread_draw(app, scr->lines, scr->cols);
	if (app->prompt_active && app->prompt_kind == PROMPT_TRUST && app->pool != NULL)
		hosts_trust_draw(app, scr->lines, scr->cols);
	if (app->help_visible)
		help_draw(app, scr->lines, scr->cols);
	doupdate();
}

int
screen_save(struct app *app, const char *path, struct wr_err *err)
{
	FILE *f = fopen(path, "w");
	wchar_t line[1024];
	char mb[4096];
	int y;

	if (f == NULL)
		return wr_err_set(err, "cannot write %s", path);
	for (y = 0; y < LINES; y++) {
		size_t n, i = 0, end = 0;
		mbstate_t st;

		memset(&st, 0, sizeof(st));
		if (mvwinnwstr(curscr, y, 0, line, COLS < 1023 ? COLS : 1023) == ERR)
			line[0] = 0;
		for (n = 0; line[n] != 0 && i + MB_CUR_MAX < sizeof(mb); n++) {
			size_t k = wcrtomb(mb + i, line[n], &st);

			if (k == (size_t)-1)
				mb[i++] = '?';
			else
				i += k;
			if (line[n] != L' ')
				end = i;
		}
		mb[end] = '\0';
		fprintf(f, "%s\n", mb);
	}
	if (fclose(f) != 0)
		return wr_err_set(err, "cannot write %s", path);
	return 0;
}
