/*
 * dispatch.c — the choke point (DESIGN §3.5). Every command from every key
 * passes here; a mutating one is refused, with the reason in the footer,
 * before any dialog opens when the console is read-only, unarmed or its
 * journal is degraded; in read-only mode so is every command that would
 * write the journal (the table's RECORDS).
 */
#include "warroom/ui.h"

#include "warroom/chat.h"
#include "warroom/loop.h"
#include "warroom/poller.h"
#include "warroom/quitask.h"
#include "warroom/ssh.h"
#include "warroom/sshcfg.h"
#include "warroom/statuspage.h"
#include "warroom/timeline.h"

/* What is under way now, for q's question (quitask.h): the actions, the
 * chat's announcements, this console's status-page posts as the header
 * counts them, and records a degraded journal keeps. Names go to sent
 * and unsent, which in points into. */
static void
quit_state(struct app *app, struct quitask_in *in, char (*sent)[ACTIONS_NAME_MAX],
    char (*unsent)[ACTIONS_NAME_MAX], const char **vs, const char **vu, char *answered,
    size_t cap)
{
	struct statuspage_left left;
	size_t i;

	memset(in, 0, sizeof(*in));
	in->sent = vs;
	in->unsent = vu;
	in->chats = chat_pending(app->chat);
	in->nsent = actions_running_names(app, true, sent, 8);
	in->nunsent = actions_running_names(app, false, unsent, 8);
	for (i = 0; i < in->nsent; i++)
		vs[i] = sent[i];
	for (i = 0; i < in->nunsent; i++)
		vu[i] = unsent[i];
	if (app->statuspage != NULL) {
		statuspage_left(app->statuspage, &left, answered, cap);
		in->posts = left.unsent;
		in->posts_maybe = left.maybe;
		in->posts_answered = left.answered;
		in->answered_why = answered;
	}
	in->kept = app->tl != NULL ? timeline_kept(app->tl) : 0;
	in->armed_s = app_armed(app) ? (long)((app->armed_until_ms - loop_now_ms() + 999) / 1000) :
	    0;
	in->incident = app->incident;
}

/* The question as it reads now into words (quitask_words); whether a quit
 * now leaves anything behind; *asks: whether q asks at all (armed too). */
static bool
quit_now(struct app *app, char *words, size_t cap, const char **ask, bool *asks)
{
	char sent[8][ACTIONS_NAME_MAX], unsent[8][ACTIONS_NAME_MAX];
	const char *vs[8], *vu[8];
	char answered[STATUSPAGE_SAID_MAX];
	struct quitask_in in;

	quit_state(app, &in, sent, unsent, vs, vu, answered, sizeof(answered));
	app->running_actions = actions_running(app) + in.chats + in.posts + in.posts_maybe;
	quitask_words(&in, words, cap);
	if (ask != NULL)
		*ask = quitask_ask(&in);
	if (asks != NULL)
		*asks = quitask_asks(&in);
	return quitask_needed(&in);
}

/* q: quits, or asks first while something is under way, saying what a
 * quit does to each. An action that sent its change or a chat message
 * cut off here is UNKNOWN at the next start; a status-page post waits
 * for the next writing console (before, q quit at once while a post was
 * retried after HTTP 500, and no one was told it had not gone out).
 * Records kept while the journal cannot be written are lost with the
 * console: ask too. So does an armed console with nothing under way: one
 * stray key dropped it mid-incident. */
static void
quit_ask(struct app *app)
{
	bool asks;

	app->quit_signal = 0;
	app->quit_changed = false;
	quit_now(app, app->quit_words, sizeof(app->quit_words), &app->quit_ask, &asks);
	if (!asks) {
		app->quit = true;
		return;
	}
	app->confirm_quit = true;
}

void
dispatch_quit_refresh(struct app *app)
{
	if (app->confirm_quit)
		quit_now(app, app->quit_words, sizeof(app->quit_words), &app->quit_ask, NULL);
}

bool
dispatch_quit_answer(struct app *app)
{
	char live[sizeof(app->quit_words)];
	const char *ask;
	/* Only what a quit leaves behind makes changed words news: the armed
	 * time ticking down does not. */
	bool left = quit_now(app, live, sizeof(live), &ask, NULL);

	if (quitask_answer_stands(app->quit_words, live, left))
		return true;
	/* Changed since the last frame drew it: the new words, asked again. */
	wr_strlcpy(app->quit_words, live, sizeof(app->quit_words));
	app->quit_ask = ask;
	app->quit_changed = true;
	return false;
}

static int
page_size(const struct app *app)
{
	struct layout lo;
	const struct rect *r = &lo.pane[app->focus];

	/* The layout the next frame draws (a zoom follows the focus). */
	layout_compute(&lo, app->screen->cols, app->screen->lines,
	    app->zoomed ? (int)app->focus : -1, (int)app->focus, app->screen->footer_rows,
	    app->screen->hosts_rows);
	return r->h > 4 ? r->h - 3 : 1;
}

/* Trusting a host key is refused in read-only mode (by the choke point:
 * no "accept anyway"), only offered for an unknown key, and needs the
 * host's name typed. A changed or revoked key is never trusted from here:
 * K reads known_hosts again, so once the engineer has removed the old (or
 * the @revoked) line the key is an unknown one, asked about like any
 * other. */
static void
trust_ask(struct app *app)
{
	int h = app_selected_host(app);
	const struct ssh_status *st;
	const char *name;
	char cmd[WR_PATH_MAX + 300];

	if (app->pool == NULL || h < 0) {
		app_say(app, "no host selected");
		return;
	}
	st = ssh_pool_status(app->pool, h);
	name = app->cfg.hosts[h].name;
	if (st->state != SSH_UNTRUSTED) {
		app_say(app, "%s's key is not in question (%s)", name, ssh_state_name(st->state));
		return;
	}
	/* Changed or revoked: known_hosts read again first (the old or the
	 * @revoked line may be gone by now). */
	if (st->key_changed || st->key_revoked) {
		switch (ssh_pool_recheck(app->pool, h)) {
		case SSH_RECHECK_UNKNOWN:
			break;                  /* asked below, like any unknown key */
		case SSH_RECHECK_REVOKED:
			app_say(app, "%s's host key %s %s is marked @revoked in %s:%d: it is never "
			    "trusted, and nothing is sent to it", name, st->keytype, st->fingerprint,
			    st->known_file, st->known_line);
			return;
		case SSH_RECHECK_CHANGED:
			sshcfg_keygen_remove(st->known_name, st->known_file, cmd, sizeof(cmd));
			app_say(app, "%s: a CHANGED host key is never trusted from here (offered %s, "
			    "known_hosts has %s): if the new key is right, run %s, then K",
			    name, st->fingerprint, st->old_fingerprint[0] ? st->old_fingerprint :
			    "another", cmd);
			return;
		default:
			app_say(app, "%s: known_hosts read again: connecting%s%s", name,
			    st->hop[0] ? " through " : "", st->hop);
			return;
		}
	}
	if (st->hop_unknown) {
		char hop[sizeof(st->hop)], fix[WR_PATH_MAX];

		/* ssh checks a hop's key; K only looks again once it is known. */
		wr_strlcpy(hop, st->hop, sizeof(hop));
		sshcfg_hop_accept(app->cfg.ssh_config.path, app->cfg.known_hosts.path, hop, fix,
		    sizeof(fix));
		ssh_pool_recheck(app->pool, h);
		app_say(app, "%s: the key of ProxyJump hop %s is ssh's to check, never K's: "
		    "accept it by hand (%.600s, compare its fingerprint); connecting again now",
		    name, hop, fix);
		return;
	}
	if (!st->key_unknown)
		return;
	if (app->cfg.known_hosts.path[0] == '\0') {
		app_say(app, "%s: K cannot trust a key here: no known_hosts file is named in "
		    "[warroom]; add known_hosts = FILE (an existing file, e.g. "
		    "~/.ssh/known_hosts) to %s and start again, or add the key with ssh", name,
		    app->cfg.file);
		return;
	}
	app->prompt_host = h;
	app->trust_error[0] = '\0';
	app_ask(app, PROMPT_TRUST);
}

/* C-r also looks again at hosts that are not UP: DOWN ones are tried now,
 * UNTRUSTED ones have known_hosts read again and are connected to again
 * (the server may offer another key now). Returns how many are
 * connecting; *unknown counts changed keys whose old line is gone. */
static int
recheck_hosts(struct app *app, int *unknown)
{
	int i, n = 0;

	*unknown = 0;
	for (i = 0; app->pool != NULL && i < ssh_pool_count(app->pool); i++) {
		bool was_changed = ssh_pool_status(app->pool, i)->key_changed;

		switch (ssh_pool_retry(app->pool, i)) {
		case SSH_RECHECK_UNKNOWN: *unknown += was_changed; n++; break;
		case SSH_RECHECK_CONNECTING: case SSH_RECHECK_CHANGED: case SSH_RECHECK_REVOKED:
			n++;
			break;
		default: break;
		}
	}
	return n;
}

static void
command_run(struct app *app, enum wr_command cmd)
{
	char why[600];
	int home = command_home_pane(cmd);

	/* A pane's own key elsewhere says where it works, never acting on
	 * a pane the engineer is not looking at. */
	if (home >= 0 && home != (int)app->focus) {
		command_elsewhere(cmd, why, sizeof(why));
		app_say(app, "%s", why);
		return;
	}
	switch (cmd) {
	case WR_CMD_FOCUS_NEXT:
		app->focus = (enum pane_id)((app->focus + 1) % PANE_COUNT);
		break;
	case WR_CMD_FOCUS_PREV:
		app->focus = (enum pane_id)((app->focus + PANE_COUNT - 1) % PANE_COUNT);
		break;
	case WR_CMD_FOCUS_1: case WR_CMD_FOCUS_2: case WR_CMD_FOCUS_3:
	case WR_CMD_FOCUS_4: case WR_CMD_FOCUS_5:
		app->focus = (enum pane_id)(cmd - WR_CMD_FOCUS_1);
		break;
	case WR_CMD_HELP:
		app->help_visible = !app->help_visible;
		app->help_scroll = 0;            /* opened again: from the top */
		break;
	case WR_CMD_QUIT:
		quit_ask(app);
		break;
	case WR_CMD_NOTE:
		/* In LOGS n is the next match, as the footer says: a search
		 * word typed after it must not land in the journal. */
		if (app->focus == PANE_LOGS && app->filtering)
			logs_search(app, true);
		else if (app->focus == PANE_LOGS)
			app_say(app, "no filter: / sets one");
		else if (app->tl == NULL)
			app_say(app, "no incident journal: start warroom with --incident NAME");
		else {
			app_ask(app, PROMPT_NOTE);
		}
		break;
	case WR_CMD_SETTLE:
		actions_settle_ask(app);
		break;
	case WR_CMD_RESOLVE:
		journal_resolve_ask(app);
		break;
	case WR_CMD_TRUST_KEY:
		trust_ask(app);
		break;
	case WR_CMD_NEXT_RUNBOOK:
		/* From any pane: a runbook is switched wherever the focus is. */
		if (app->nrunbooks == 0)
			app_say(app, "no runbook loaded: -r FILE opens one");
		else if (app->nrunbooks == 1)
			app_say(app, "only one runbook is loaded (%s)", app->runbooks[0].key);
		else {
			app->rb_cur = (app->rb_cur + 1) % app->nrunbooks;
			app->rb_sel = 0;
			/* Out of the focused pane, the change is said too. */
			if (app->focus != PANE_RUNBOOK)
				app_say(app, "RUNBOOK: %s (%d of %d)",
				    app->runbooks[app->rb_cur].key, app->rb_cur + 1,
				    app->nrunbooks);
		}
		break;
	case WR_CMD_TZERO:
		if (app->nrunbooks == 0)
			app_say(app, "no runbook loaded: -r FILE opens one");
		else if (!app->runbooks[app->rb_cur].has_tminus)
			app_say(app, "%s has no T-minus items (T-15m: …)", app->runbooks[app->rb_cur].key);
		else {
			app_ask(app, PROMPT_TZERO);
		}
		break;
	case WR_CMD_SORT:
		app->host_sort = (app->host_sort + 1) % 3;
		/* The selection stays on its row (r and B act on it), so the
		 * worst rows may now be above it, out of sight: say how to
		 * reach them rather than moving what r would roll back. */
		app_say(app, "%s%s", app->host_sort == HOSTS_BY_HOST ? "HOSTS in config order" :
		    app->host_sort == HOSTS_BY_HEALTH ? "HOSTS by health, worst first" :
		    "HOSTS by verdict, worst first", app->host_sort != HOSTS_BY_HOST &&
		    hosts_selected_pos(app) > 0 ? "; selection kept, g goes to the worst" : "");
		break;
	case WR_CMD_ARM:
		if (app_armed(app)) {
			app->armed_until_ms = 0;
			app_armed(app);
			journal_mode(app, "disarmed", NULL);
			app_arm_lock_settle(app);
			app_say(app, "disarmed");
		} else if (app->safety.journal_degraded || app->safety.no_journal) {
			/* Arming is a mode change the journal must hold; disarming
			 * above stays possible whatever the journal's state. */
			app_say(app, "refused: %s", safety_refusal(&app->safety, true));
		} else if (!app_arm_lock(app, false, why, sizeof(why))) {
			app_say(app, "not armed: %s", why);
		} else {
			app_ask(app, PROMPT_ARM);
		}
		break;
	case WR_CMD_ROLLBACK:
		actions_rollback(app);
		break;
	case WR_CMD_ROLLBACK_ALL:
		actions_rollback_all(app);
		break;
	case WR_CMD_KILLSWITCH:
		actions_killswitch(app);
		break;
	case WR_CMD_MIGRATE_DOWN:
		actions_migrate_down(app);
		break;
	case WR_CMD_RUN_STEP:
		runbook_run_step(app);
		break;
	case WR_CMD_STATUS_POST:
		actions_statuspage_ask(app);
		break;
	case WR_CMD_OPEN:
		if (app->focus == PANE_HOSTS)
			logs_follow_selected(app);
		else if (!view_for_pane(app->focus)->key(app, cmd, page_size(app))) {
			char words[200];

			command_open_elsewhere((enum hint_pane)app->focus, words, sizeof(words));
			app_say(app, "%s", words);
		}
		break;
	case WR_CMD_LOGS_ADD:
		logs_add_selected(app);
		break;
	case WR_CMD_FILTER:
	case WR_CMD_HOST_FILTER: {
		bool hosts = cmd == WR_CMD_HOST_FILTER;

		/* As text, not byte by byte: a pattern with é or 日 comes back whole. */
		lineedit_set(&app->prompt, hosts ? app->host_filter : app->filter_text);
		/* A pattern pcre2 refused comes back to be fixed, the cursor
		 * where pcre2 said it went wrong. */
		if (!hosts && app->filter_refused[0] != '\0') {
			lineedit_set(&app->prompt, app->filter_refused);
			lineedit_cursor_to(&app->prompt, app->filter_refused_at);
			wr_strlcpy(app->prompt_note, "refused: fix it; Esc keeps the filter",
			    sizeof(app->prompt_note));
		}
		app->prompt_kind = hosts ? PROMPT_HOST_FILTER : PROMPT_FILTER;
		app->prompt_active = true;
		break;
	}
	case WR_CMD_LOGS_JUMP:
		app_ask(app, PROMPT_JUMP);
		break;
	case WR_CMD_SEARCH_PREV:
		if (app->filtering)
			logs_search(app, false);
		else
			app_say(app, "no filter: / sets one");
		break;
	case WR_CMD_FOLLOW:
		logview_pause(&app->logs_view, &app->logs);
		break;
	case WR_CMD_WRAP:
		app->logs_wrap = !app->logs_wrap;
		break;
	case WR_CMD_TIMES:
		app->logs_hide_times = !app->logs_hide_times;
		/* The lines change at once; say why, and how back. */
		app_say(app, app->logs_hide_times ? "LOGS timestamps hidden (t shows them)" :
		    "LOGS timestamps shown");
		break;
	case WR_CMD_EXPORT:
		if (app->tl == NULL)
			app_say(app, "no incident journal: start warroom with --incident NAME");
		else
			journal_export(app);
		break;
	case WR_CMD_REFRESH: {
		int n = poller_refresh(app->poller, -1), unknown, again = recheck_hosts(app, &unknown);
		char more[200] = "";

		if (again > 0)
			snprintf(more, sizeof(more), "; %d more connecting again", again);
		if (unknown > 0)
			snprintf(more + strlen(more), sizeof(more) - strlen(more), "; %d changed "
			    "key%s no longer in known_hosts (K trusts it)", unknown,
			    unknown == 1 ? "" : "s");
		app_say(app, "polling %d connected host%s now%s", n, n == 1 ? "" : "s", more);
		break;
	}
	case WR_CMD_REDRAW:
		app->full_redraw = true;
		break;
	case WR_CMD_ZOOM:
		/* The focused pane alone; Tab and 1-5 then switch which one. */
		app->zoomed = !app->zoomed;
		break;
	default:
		view_for_pane(app->focus)->key(app, cmd, page_size(app));
		break;
	}
	app->dirty = true;
}

/* n is the next match in LOGS, a note elsewhere: only a note writes the
 * journal (commands.c, which the footer asks too). */
static bool
writes_journal(const struct app *app, enum wr_command cmd)
{
	return command_writes_journal_in(cmd, (enum hint_pane)app->focus);
}

int
dispatch(struct app *app, enum wr_command cmd)
{
	const char *why;

	app_armed(app);                  /* arming expires by the clock */
	why = cmd == WR_CMD_STATUS_POST ? safety_refusal(&app->safety, true) :
	    safety_refusal_hosts(&app->safety, command_is_mutating(cmd));
	if (why == NULL)
		why = safety_refusal_records(&app->safety, writes_journal(app, cmd));

	if (why != NULL && cmd == WR_CMD_ARM && app->safety.read_only) {
		/* The man page promises A names who is armed, even here. */
		char who[400];
		bool gone;

		if (journal_armed_by(app, &gone, who, sizeof(who), NULL, 0) && gone)
			app_say(app, "refused: %s; the armed console is gone (%s): no console is "
			    "armed on this incident, and one that writes can arm", why, who);
		else if (who[0] != '\0')
			app_say(app, "refused: %s; %s is armed on this incident", why, who);
		else
			app_say(app, "refused: %s; no console is armed on this incident%s", why,
			    app->tl == NULL ? " (no journal yet)" : "");
		return -1;
	}
	if (why != NULL && cmd == WR_CMD_TRUST_KEY && app->safety.read_only) {
		char how[WR_PATH_MAX + 600];

		/* No journal may be open at all: what stops K here is that it
		 * would write known_hosts, and the way left is by hand. */
		app_trust_by_hand(app, app_selected_host(app), how, sizeof(how));
		app_say(app, "refused: %s", how);
		return -1;
	}
	if (why != NULL && cmd == WR_CMD_EXPORT && app->safety.read_only && app->tl != NULL) {
		/* The draft is not the watcher's to write, but anyone may print it. */
		app_say(app, "refused: %s; warroom export %s prints the post-mortem from a shell",
		    why, timeline_id(app->tl));
		return -1;
	}
	if (why != NULL && cmd != WR_CMD_ARM && command_is_mutating(cmd) &&
	    safety_only_unarmed(&app->safety)) {
		char words[256], who[128];
		bool gone;

		/* Arming here would be refused too: say who holds it. */
		if (journal_armed_by(app, &gone, words, sizeof(words), who, sizeof(who)) && !gone) {
			app_say(app, "refused: %s is armed on this incident; one armed console at "
			    "a time", who);
			return -1;
		}
	}
	if (why != NULL) {
		app_say(app, "refused: %s", why);
		return -1;
	}
	command_run(app, cmd);
	return 0;
}
