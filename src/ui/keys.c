/*
 * keys.c — from a curses key to a command. Keys are named as the command
 * table names them ("Tab", "S-Tab", "C-l", "q"); the gate (keygate.h)
 * decides first whether a key may act at all (a paste, a screen too small,
 * a dialog being planned); overlays (help, the quit question) take keys
 * before the table does.
 */
#include "warroom/ui.h"

#include "warroom/action.h"
#include "warroom/armwords.h"
#include "warroom/loop.h"
#include "warroom/ssh.h"
#include "warroom/suspendask.h"
#include "warroom/timeline.h"

#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static const struct {
	int code;
	const char *name;
} keycodes[] = {
	{ KEY_BTAB, "S-Tab" }, { KEY_UP, "Up" }, { KEY_DOWN, "Down" },
	{ KEY_LEFT, "Left" }, { KEY_RIGHT, "Right" }, { KEY_PPAGE, "PgUp" },
	{ KEY_NPAGE, "PgDn" }, { KEY_HOME, "Home" }, { KEY_END, "End" },
	{ KEY_ENTER, "Enter" }, { KEY_BACKSPACE, "Backspace" }, { KEY_DC, "Delete" },
	{ KEY_IC, "Insert" },
};

/* A curses key code as a key: its name, or the character it types (the
 * keypad's keys where terminfo names them). */
static void
keycode_key(unsigned key, struct keyseq_key *k)
{
	size_t i;

	for (i = 0; i < WR_ARRAY_LEN(keycodes); i++)
		if ((unsigned)keycodes[i].code == key) {
			k->kind = KEYSEQ_NAMED;
			snprintf(k->name, sizeof(k->name), "%s", keycodes[i].name);
			return;
		}
	/* Every other key has a name too, so the footer can say it is not
	 * bound rather than nothing at all; a readable one ("C-Up", never
	 * curses' own "kUP5"). */
	keyseq_curses(keyname((int)key), k);
}

const char *
keys_name(int is_keycode, unsigned int key, char *buf, size_t cap)
{
	struct keyseq_key k;
	size_t i;
	mbstate_t st;

	if (is_keycode) {
		if (key == WR_KEY_PASTE_START || key == WR_KEY_PASTE_END || key == WR_KEY_NAMED)
			return NULL;
		keycode_key(key, &k);
		if (k.kind == KEYSEQ_NAMED) {
			snprintf(buf, cap, "%s", k.name);
			return buf;
		}
		key = k.ch;
	}
	switch (key) {
	case '\t': return "Tab";
	case '\r': case '\n': return "Enter";
	case 27: return "Esc";
	case ' ': return "Space";
	case 127: case 8: return "Backspace";
	}
	if (key < 0x20) {
		snprintf(buf, cap, "C-%c", (char)(key + 0x60));
		return buf;
	}
	memset(&st, 0, sizeof(st));
	if (cap < (size_t)MB_CUR_MAX + 1 || (i = wcrtomb(buf, (wchar_t)key, &st)) == (size_t)-1)
		return NULL;
	buf[i] = '\0';
	return buf;
}

/* Arming needs "arm" typed: a single stray key never arms. */
static void
arm_confirm(struct app *app, const char *typed)
{
	char why[600], len[32];

	if (!lineedit_typed_is(typed, "arm")) {
		app_say(app, "not armed: type arm to arm");
		return;
	}
	if (app->safety.journal_degraded) {     /* it failed while the prompt was open */
		app_say(app, "not armed: %s", safety_refusal(&app->safety, true));
		return;
	}
	if (!app_arm_lock(app, true, why, sizeof(why))) {   /* another armed meanwhile */
		app_say(app, "not armed: %s", why);
		return;
	}
	app->armed_until_ms = loop_now_ms() + app->cfg.arm_ms;
	app_armed(app);
	journal_mode(app, "armed", NULL);
	armwords_length(app->cfg.arm_ms, len, sizeof(len));
	app_say(app, "ARMED for %s: changes to production are possible (A disarms)", len);
	actions_statuspage_adopt(app);
}

/* A LOGS filter: pcre2's own message when the pattern is bad. */
static void
filter_set(struct app *app, const char *pattern)
{
	struct wr_err err;
	char shown[FILTER_SHOWN * 4 + 4];
	size_t chars;

	/* Refused, it comes back with the next / to be fixed, not retyped;
	 * set or cleared, the box starts from the filter again. */
	app->filter_refused[0] = '\0';
	if (pattern[0] == '\0') {
		logfilter_clear(&app->filter);
		app->filtering = false;
		app->filter_text[0] = '\0';
		app_say(app, "filter cleared");
		return;
	}
	if (logfilter_set_at(&app->filter, pattern, strlen(pattern), &app->filter_refused_at,
	    &err) != 0) {
		wr_strlcpy(app->filter_refused, pattern, sizeof(app->filter_refused));
		app_say(app, "filter not set: %s (/ to fix)", err.msg);
		return;
	}
	app->filtering = true;
	wr_strlcpy(app->filter_text, pattern, sizeof(app->filter_text));
	app->focus = PANE_LOGS;
	/* Its own word replaces whatever the footer said before (a
	 * "filter unchanged" from an earlier Esc); a pattern too long to read
	 * there says it is cut, and how long it is. */
	if ((chars = wr_utf8_shorten(shown, sizeof(shown), pattern, FILTER_SHOWN)) > FILTER_SHOWN)
		app_say(app, "LOGS filtered by /%s/ (%zu characters, the first %d shown)%s", shown,
		    chars, FILTER_SHOWN, app->filter.caseless ? ", any case" :
		    ", case-sensitive (it has an uppercase letter)");
	else
		app_say(app, "LOGS filtered by /%s/%s", shown, app->filter.caseless ?
		    ", any case" : ", case-sensitive (it has an uppercase letter)");
}

/* The typed confirmation must be the host's name, exactly (but for the
 * spaces a paste leaves at its ends). Another name keeps the question
 * open with why, as a rollback's dialog does: closed, the keys typed
 * next would run as commands. */
static void
trust_confirm(struct app *app, const char *typed)
{
	const char *name = app->cfg.hosts[app->prompt_host].name;
	const struct ssh_status *st = ssh_pool_status(app->pool, app->prompt_host);
	struct wr_err err;
	cJSON *d;

	if (!lineedit_typed_is(typed, name)) {
		snprintf(app->trust_error, sizeof(app->trust_error), "not trusted: you typed "
		    "'%.40s', not '%.40s' (C-u clears, Esc cancels)", typed, name);
		app->prompt_active = true;
		return;
	}
	app->trust_error[0] = '\0';
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "keytype", st->keytype);
	cJSON_AddStringToObject(d, "fingerprint", st->fingerprint);
	cJSON_AddStringToObject(d, "known_hosts", app->cfg.known_hosts.path);
	cJSON_AddStringToObject(d, "name", st->known_name);
	if (ssh_pool_trust(app->pool, app->prompt_host, app->cfg.known_hosts.path, &err) != 0) {
		cJSON_Delete(d);
		app_say(app, "not trusted: %s", err.msg);
		return;
	}
	if (app->tl != NULL && timeline_append(app->tl, "hostkey.trust", name, NULL, d, &err) != 0)
		app_say(app, "%s's key trusted, but NOT recorded in the timeline: %s", name, err.msg);
	else {
		if (app->tl == NULL)
			cJSON_Delete(d);
		app_say(app, "%s's key trusted, added to %s and read back from it", name,
		    app->cfg.known_hosts.path);
	}
}

/* The footer prompt owns every key while it is open. */
static void
prompt_key(struct app *app, const char *name, int is_keycode, unsigned int key)
{
	struct lineedit *le = &app->prompt;
	bool went = true;              /* what Enter asked for went through */

	if (name == NULL)
		return;
	if (strcmp(name, "Esc") == 0 || strcmp(name, "Enter") == 0)
		app->prompt_note[0] = '\0';
	if (strcmp(name, "Esc") == 0) {
		app->prompt_active = false;
		app_say(app, app->prompt_kind == PROMPT_NOTE ? "note discarded" :
		    app->prompt_kind == PROMPT_FILTER ? "filter unchanged" :
		    app->prompt_kind == PROMPT_HOST_FILTER ? "HOSTS filter unchanged" :
		    app->prompt_kind == PROMPT_ARM ? "not armed" :
		    app->prompt_kind == PROMPT_STATUS ||
		    app->prompt_kind == PROMPT_POST_TEXT ? "nothing posted" :
		    app->prompt_kind == PROMPT_TZERO ? "T-0 unchanged" :
		    app->prompt_kind == PROMPT_JUMP ? "LOGS unchanged" :
		    app->prompt_kind == PROMPT_FILL || app->prompt_kind == PROMPT_TAG ? "nothing ran" :
		    app->prompt_kind == PROMPT_ANNOUNCE ? "nothing announced" :
		    app->prompt_kind == PROMPT_SETTLE ? "still UNKNOWN" :
		    app->prompt_kind == PROMPT_RESOLVE ? "the incident stays open" :
		    "key not trusted");
		if (app->prompt_kind == PROMPT_FILL) {
			runbook_fill_free(&app->fill);
			app->fill_action = NULL;
		}
		if (app->prompt_kind == PROMPT_TAG)
			actions_rollback_to_dropped(app);
		/* Given up: the next / starts from the filter that holds. */
		if (app->prompt_kind == PROMPT_FILTER)
			app->filter_refused[0] = '\0';
		app->post_message[0] = app->post_name[0] = app->post_impact[0] = '\0';
		app->post_step[0] = '\0';
		app->post_ran = NULL;
		app->post_no_echo = app->post_title_edit = false;
		runbook_prompt_closed(app, true, false);
	} else if (strcmp(name, "Enter") == 0 && app->prompt_kind == PROMPT_POST_TEXT &&
	    app->post_title_edit) {
		/* Enter on the title keeps it and goes back to the text: what
		 * goes public is sent only by an Enter on the text itself. */
		actions_post_title_toggle(app);
	} else if (strcmp(name, "Enter") == 0) {
		app->prompt_active = false;
		if (app->prompt_kind == PROMPT_NOTE)
			journal_note(app, le->text);
		else if (app->prompt_kind == PROMPT_FILTER)
			filter_set(app, le->text);
		else if (app->prompt_kind == PROMPT_HOST_FILTER)
			hosts_filter_set(app, le->text);
		else if (app->prompt_kind == PROMPT_ARM)
			arm_confirm(app, le->text);
		else if (app->prompt_kind == PROMPT_STATUS)
			went = actions_statuspage_post(app, le->text) == 0;
		else if (app->prompt_kind == PROMPT_POST_TEXT)
			went = actions_statuspage_send(app, le->text) == 0;
		else if (app->prompt_kind == PROMPT_JUMP)
			logs_jump(app, le->text);
		else if (app->prompt_kind == PROMPT_TZERO)
			journal_tzero(app, le->text);
		else if (app->prompt_kind == PROMPT_FILL) {
			runbook_fill_answer(app, le->text);
			/* A typed secret does not linger in the prompt's buffer
			 * (asked again, the prompt is empty anyway). */
			memset(le->text, 0, sizeof(le->text));
			lineedit_clear(le);
		}
		else if (app->prompt_kind == PROMPT_TAG)
			actions_rollback_to(app, le->text);
		else if (app->prompt_kind == PROMPT_ANNOUNCE)
			went = actions_announce(app, le->text) == 0;
		else if (app->prompt_kind == PROMPT_SETTLE)
			actions_settle(app, le->text);
		else if (app->prompt_kind == PROMPT_RESOLVE)
			journal_resolve(app, le->text);
		else
			trust_confirm(app, le->text);
		runbook_prompt_closed(app, false, went);
	} else if (strcmp(name, "Tab") == 0 && app->prompt_kind == PROMPT_POST_TEXT)
		actions_post_title_toggle(app);
	else if (strcmp(name, "Left") == 0)
		lineedit_left(le);
	else if (strcmp(name, "Right") == 0)
		lineedit_right(le);
	else if (strcmp(name, "Home") == 0 || strcmp(name, "C-a") == 0)
		lineedit_home(le);
	else if (strcmp(name, "End") == 0 || strcmp(name, "C-e") == 0)
		lineedit_end(le);
	else if (strcmp(name, "Backspace") == 0)
		lineedit_backspace(le);
	else if (strcmp(name, "Delete") == 0)
		lineedit_delete(le);
	else if (strcmp(name, "C-u") == 0)
		lineedit_kill_to_start(le);
	else if (strcmp(name, "M-b") == 0)
		lineedit_word_left(le);
	else if (strcmp(name, "M-f") == 0)
		lineedit_word_right(le);
	else if (strcmp(name, "M-Backspace") == 0)
		lineedit_kill_word_back(le);
	else if (strcmp(name, "M-d") == 0)
		lineedit_kill_word_forward(le);
	else if (strcmp(name, "Space") == 0)
		lineedit_insert(le, ' ');
	else if (!is_keycode)
		lineedit_insert(le, key);
	/* Any other key (an arrow, C-Up, M-x, an unknown sequence) leaves the
	 * prompt and its text as they are. */
}

/* Nothing is open over the panes: the table's keys act. */
static bool
main_screen(const struct app *app)
{
	return app->confirming == NULL && !app->prompt_active && !app->confirm_quit &&
	    !app->help_visible && !app->rb_detail && !app->tl_detail;
}

/* A pasted character into the open dialog or prompt, as if typed; what
 * does not fit is said once (at the prompt's end while it is open, which
 * hides the footer's messages). */
static void
paste_type(struct app *app, unsigned text)
{
	struct lineedit *le = app->confirming != NULL ? &app->confirm_text :
	    app->prompt_active ? &app->prompt : NULL;

	if (le == NULL)
		return;
	if (lineedit_insert(le, text)) {
		app->paste_kept++;
		return;
	}
	if (app->paste_cut)
		return;
	app->paste_cut = true;
	if (app->confirming != NULL)
		app_say(app, "paste cut at %u characters: the field holds no more", app->paste_kept);
	else
		snprintf(app->prompt_note, sizeof(app->prompt_note), "paste cut at %u characters",
		    app->paste_kept);
}

static void
paste_ignored(struct app *app)
{
	char plan[300];

	if (app->keygate.dropped == KEYGATE_WHY_TOO_SMALL)
		app_say(app, "paste ignored: the terminal is too small to show a prompt");
	else if (app->keygate.dropped == KEYGATE_WHY_PLANNING &&
	    actions_planning(app, plan, sizeof(plan)))
		app_say(app, "paste ignored: %s", plan);
	else
		app_say(app, "paste ignored: no prompt open");
}

/* A key the gate let through. */
static void
key_act(struct app *app, const char *name, int is_keycode, unsigned int key)
{
	enum wr_command cmd;

	if (app->confirming != NULL) {
		actions_dialog_key(app, name, is_keycode, key);
		return;
	}
	if (app->prompt_active) {
		prompt_key(app, name, is_keycode, key);
		return;
	}
	if (app->confirm_quit) {
		app->confirm_quit = false;
		app->quit_changed = false;
		/* y answers the words on screen: changed since, it asks again. */
		if (name != NULL && (strcmp(name, "y") == 0 || strcmp(name, "Y") == 0) &&
		    !dispatch_quit_answer(app)) {
			app->confirm_quit = true;
			return;
		}
		if (name != NULL && (strcmp(name, "y") == 0 || strcmp(name, "Y") == 0)) {
			app->quit = true;
			/* Asked for Ctrl-C: it ends as Ctrl-C on an idle screen
			 * does (before: exit 0 and "quit" after y). */
			if (app->quit_signal != 0) {
				app->exit_reason = "interrupted";
				app->exit_signal = app->quit_signal;
			}
		} else
			app_say(app, "not quitting");
		app->quit_signal = 0;
		return;
	}
	cmd = command_for_key(name);
	if ((app->rb_detail || app->tl_detail) && !app->help_visible) {
		/* The step and entry details are modal too; Esc, Enter or q
		 * closes them. */
		if (cmd == WR_CMD_OPEN || cmd == WR_CMD_QUIT ||
		    (name != NULL && strcmp(name, "Esc") == 0)) {
			app->rb_detail = app->tl_detail = false;
			app_unsay_key_answer(app);
		} else if (cmd == WR_CMD_ARM && app->rb_detail && app->rb_detail_note[0] != '\0') {
			/* The step says "A arms it": A does, from here. */
			app->rb_detail = false;
			app->rb_detail_note[0] = '\0';
			app_unsay_key_answer(app);
			dispatch(app, cmd);
		} else if (name != NULL && cmd != WR_CMD_REDRAW) {
			char why[160];

			/* Never silent: Tab here did nothing, and said nothing. */
			command_overlay_refusal(name, app->rb_detail ? "step" : "entry", why,
			    sizeof(why));
			app_say(app, "%s", why);
		}
		return;
	}
	if (app->help_visible) {
		/* The overlay is modal: only its own keys act. */
		if (cmd == WR_CMD_HELP || cmd == WR_CMD_QUIT ||
		    (name != NULL && strcmp(name, "Esc") == 0))
			app->help_visible = false;
		else if (cmd == WR_CMD_UP || cmd == WR_CMD_PAGE_UP)
			app->help_scroll -= cmd == WR_CMD_UP ? 1 : 10;
		else if (cmd == WR_CMD_DOWN || cmd == WR_CMD_PAGE_DOWN)
			app->help_scroll += cmd == WR_CMD_DOWN ? 1 : 10;
		if (app->help_scroll < 0)
			app->help_scroll = 0;
		return;
	}
	/* A new key's answer, or none, stands in for the last key's (4 makes
	 * "focus RUNBOOK first" moot; Esc puts it away); C-l only redraws.
	 * Typing into a prompt or dialog keeps what was said on opening it. */
	if (cmd != WR_CMD_REDRAW)
		app_unsay_key_answer(app);
	if (cmd == WR_CMD_NONE) {
		if (name != NULL && strcmp(name, "Esc") != 0)
			app_say(app, "%s is not bound to anything; ? shows every key", name);
		return;
	}
	dispatch(app, cmd);
}

/* One key, by its name (NULL: it has none): through the gate, then to
 * what is open, or to the command table. */
static void
handle_key(struct app *app, const char *name, int is_keycode, unsigned int key)
{
	char plan[300];
	struct keygate_in in = {
		.text_open = app->confirming != NULL || app->prompt_active,
		.main_screen = main_screen(app),
		.too_small = screen_too_small(app),
		.quit_question = app->confirm_quit,
		.planning = actions_planning(app, plan, sizeof(plan)),
		.now_ms = loop_now_ms(),
	};
	enum keygate_kind kind = !is_keycode ? KEYGATE_CHAR :
	    key == WR_KEY_PASTE_START ? KEYGATE_PASTE_START :
	    key == WR_KEY_PASTE_END ? KEYGATE_PASTE_END : KEYGATE_KEYCODE;
	unsigned text = 0;

	app->dirty = true;
	/* A long message held in the footer has been seen: it now times out
	 * like any other (one this key says is held again). */
	app->status_held = false;
	app->status_lead[0] = '\0';     /* what led it too */
	outq_seen(&app->outq, app_now(app));    /* an outcome on screen a glance: read */
	app_status_tick(app);           /* ... and the next one waiting shown */
	app->fleet_lead[0] = '\0';      /* B's summary too: read */
	/* Ctrl-C and Ctrl-\ typed as characters (the terminal sent no
	 * signal for them): the same as the signal. */
	if (kind == KEYGATE_CHAR && (key == 0x03 || key == 0x1c) && !app->keygate.pasting) {
		keys_interrupt(app, key == 0x03 ? SIGINT : SIGQUIT);
		return;
	}
	/* Ctrl-Z likewise: the same as SIGTSTP. */
	if (kind == KEYGATE_CHAR && key == 0x1a && !app->keygate.pasting) {
		keys_suspend(app);
		return;
	}
	if (kind == KEYGATE_PASTE_START) {
		app->paste_kept = 0;
		app->paste_cut = false;
	}
	switch (keygate(&app->keygate, &in, kind, key, name, &text)) {
	case KEYGATE_DROP:
		return;
	case KEYGATE_TYPE:
		paste_type(app, text);
		return;
	case KEYGATE_PASTE_IGNORED:
		paste_ignored(app);
		return;
	case KEYGATE_WAIT_PLAN:
		app_say_about(app, actions_planned(app), "%s… keys wait; Esc cancels", plan);
		return;
	case KEYGATE_CANCEL_PLAN:
		actions_planning_cancel(app);
		return;
	case KEYGATE_ACT:
		break;
	}
	key_act(app, name, is_keycode, key);
	/* The key may have closed what a ready plan's dialog waited for. */
	actions_dialog_waiting(app);
}

/* What the key makes the console say is its answer (app.c: it leads an
 * outcome not yet read). */
static void
handle(struct app *app, const char *name, int is_keycode, unsigned int key)
{
	app->answering_key = true;
	handle_key(app, name, is_keycode, key);
	app->answering_key = false;
}

void
keys_handle(struct app *app, int is_keycode, unsigned int key)
{
	char buf[KEYSEQ_NAME_MAX];

	handle(app, keys_name(is_keycode, key, buf, sizeof(buf)), is_keycode, key);
}

/* The keys the decoder made, each as the console takes keys: a name the
 * command table knows by a curses key code goes as that code. */
static void
deliver(struct app *app, const struct keyseq_key *k, size_t n)
{
	size_t i, j;
	unsigned f;
	int end;

	for (i = 0; i < n && !app->quit; i++) {
		if (k[i].kind == KEYSEQ_CHAR) {
			keys_handle(app, 0, k[i].ch);
			continue;
		}
		/* A paste marker curses missed (split across reads). */
		if (strcmp(k[i].name, "PasteStart") == 0) {
			keys_handle(app, 1, WR_KEY_PASTE_START);
			continue;
		}
		if (strcmp(k[i].name, "PasteEnd") == 0) {
			keys_handle(app, 1, WR_KEY_PASTE_END);
			continue;
		}
		for (j = 0; j < WR_ARRAY_LEN(keycodes); j++)
			if (strcmp(keycodes[j].name, k[i].name) == 0)
				break;
		end = 0;
		if (j < WR_ARRAY_LEN(keycodes))
			keys_handle(app, 1, (unsigned)keycodes[j].code);
		else if (sscanf(k[i].name, "F%u%n", &f, &end) == 1 && k[i].name[end] == '\0' &&
		    f >= 1 && f <= 12)
			keys_handle(app, 1, (unsigned)KEY_F(f));
		else
			handle(app, k[i].name, 1, WR_KEY_NAMED);
	}
}

void
keys_input(struct app *app, int is_keycode, unsigned int key)
{
	struct keyseq_key out[KEYSEQ_OUT_MAX], k;
	int64_t now = loop_now_ms();

	/* A paste's bytes are text (keygate.h), never sequences; its markers
	 * end whatever sequence was begun. */
	if ((is_keycode && (key == WR_KEY_PASTE_START || key == WR_KEY_PASTE_END)) ||
	    (!is_keycode && keygate_pasting(&app->keygate, now))) {
		deliver(app, out, keyseq_flush(&app->keyseq, out));
		if (!app->quit)
			keys_handle(app, is_keycode, key);
		return;
	}
	if (!is_keycode) {
		deliver(app, out, keyseq_char(&app->keyseq, key, now, out));
		return;
	}
	keycode_key(key, &k);
	deliver(app, out, k.kind == KEYSEQ_CHAR ? keyseq_char(&app->keyseq, k.ch, now, out) :
	    keyseq_named(&app->keyseq, k.name, now, out));
}

int
keys_wait_ms(const struct app *app)
{
	int64_t ms = keyseq_wait_ms(&app->keyseq, loop_now_ms());

	return ms < 0 ? -1 : (int)ms;
}

void
keys_expire(struct app *app)
{
	struct keyseq_key out[KEYSEQ_OUT_MAX];

	deliver(app, out, keyseq_expire(&app->keyseq, loop_now_ms(), out));
}

void
keys_idle(struct app *app)
{
	struct keyseq_key out[KEYSEQ_OUT_MAX];

	deliver(app, out, keyseq_idle(&app->keyseq, out));
}

void
keys_flush(struct app *app)
{
	struct keyseq_key out[KEYSEQ_OUT_MAX];

	deliver(app, out, keyseq_flush(&app->keyseq, out));
}

void
keys_interrupt(struct app *app, int signo)
{
	char plan[300];

	if (app->quit)
		return;
	app->dirty = true;
	app->keygate.pasting = false;
	if (actions_planning(app, plan, sizeof(plan))) {
		actions_planning_cancel(app);
		return;
	}
	if (!main_screen(app)) {
		/* As in a shell: it cancels the dialog, prompt or question. */
		key_act(app, "Esc", 0, 27);
		actions_dialog_waiting(app);
		return;
	}
	/* Like q, which asks first while an action runs; its y then ends
	 * as this signal. */
	dispatch(app, WR_CMD_QUIT);
	if (app->confirm_quit)
		app->quit_signal = signo;
	if (app->quit) {
		app->exit_reason = "interrupted";
		app->exit_signal = signo;
	}
}

void
keys_suspend(struct app *app)
{
	char first[300], why[600];
	int running = actions_running(app);
	bool closed;

	if (app->quit)
		return;
	app->dirty = true;
	switch (suspendask_decide(running, app_armed(app))) {
	case SUSPENDASK_REFUSE:
		/* Never a silent stop: said, nothing journalled (as a key's
		 * refusal in dispatch). */
		actions_running_words(app, first, sizeof(first));
		suspendask_refusal(first, running, why, sizeof(why));
		app_say(app, "%s", why);
		return;
	case SUSPENDASK_DISARM_STOP:
		/* A dialog or plan opened armed is put away: confirmed after
		 * fg, it would act on a disarmed console. */
		closed = keys_put_away_armed(app);
		/* As A disarms: journalled, and the arm lock freed for another
		 * console while this one is stopped. */
		app->armed_until_ms = 0;
		app_armed(app);
		journal_mode(app, "disarmed", SUSPENDASK_REASON);
		app_arm_lock_settle(app);
		screen_suspend(app);
		journal_observe_continued(app);
		suspendask_resumed(closed, why, sizeof(why));
		app_say(app, "%s", why);
		return;
	case SUSPENDASK_STOP:
		/* Disarmed (or its time just ran out) and its last action just
		 * ended: the lock goes now, not at a tick that never comes
		 * while stopped. */
		app_arm_lock_settle(app);
		screen_suspend(app);
		journal_observe_continued(app);
		return;
	}
}

bool
keys_put_away_armed(struct app *app)
{
	char plan[300];
	bool was = actions_planning(app, plan, sizeof(plan));

	actions_planning_cancel(app);
	if (app->confirming != NULL && !action_plan(app->confirming)->reads_only) {
		key_act(app, "Esc", 0, 27);
		was = true;
	}
	return was;
}
