/*
 * ui.h — what the curses layer shares between its files: the screen, the
 * layout, views as const ops tables, drawing helpers, keys and dispatch.
 */
#ifndef WARROOM_UI_H
#define WARROOM_UI_H

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>

#include "warroom/app.h"
#include "warroom/commands.h"
#include "warroom/decide.h"


/* A LOGS filter's pattern is shown this many characters long at most
 * (then "…"): the filter itself is the whole pattern. */
#define FILTER_SHOWN 120

/* The terminal's bracketed-paste markers (ESC[200~, ESC[201~), bound to
 * key codes of their own so a paste arrives as text between two keys. */
#define WR_KEY_PASTE_START (KEY_MAX + 0x200)
#define WR_KEY_PASTE_END (KEY_MAX + 0x201)
/* A key known only by its name (keyseq.h: "C-Up", "M-r", an unknown
 * sequence): no command is bound to it, and it types nothing. */
#define WR_KEY_NAMED (KEY_MAX + 0x202)


/* What a view adds to its pane's title after the name: text, its first
 * lead bytes (0: none) drawn in role instead of the title's colours. */
struct view_title {
	char text[256];
	size_t lead;
	enum theme_role role;
};

/* A panel: draw() renders app state into the pane's inner area and never
 * changes it; key() handles a command when the pane has focus; title(),
 * when set, adds to the pane's title (a filter in force) in at most room
 * cells, or as few as it can (the title is cut past them). */
struct view_ops {
	const char *name;
	void (*draw)(struct app *app, WINDOW *win, int h, int w, bool focused);
	bool (*key)(struct app *app, enum wr_command cmd, int page);
	void (*title)(const struct app *app, int room, struct view_title *out);
};

extern const struct view_ops view_hosts_ops;
extern const struct view_ops view_metrics_ops;
extern const struct view_ops view_logs_ops;
extern const struct view_ops view_runbook_ops;
extern const struct view_ops view_timeline_ops;

/* The view drawn in each pane. */
const struct view_ops *view_for_pane(enum pane_id pane);

/* Whether TERM names a terminal the console can draw on (known to
 * terminfo, able to move the cursor); -1 with err saying why not. */
int screen_check_terminal(struct wr_err *err);

/* Start curses on the terminal, or on an in-memory screen when test is set
 * (output to /dev/null, size cols x lines). Returns NULL with err filled. */
struct screen *screen_open(struct app *app, bool test, int cols, int lines,
    struct wr_err *err);

/* Restore the terminal (bracketed paste off too). Safe to call twice. */
void screen_close(struct screen *scr);

/* Ctrl-Z: hand the terminal back as it was (bracketed paste off), stop
 * until continued, then take it again and redraw at its size. */
void screen_suspend(struct app *app);

/* The terminal is below the minimum size: only a notice is drawn. */
bool screen_too_small(const struct app *app);

/* The terminal changed size (SIGWINCH, or :resize in a script). */
void screen_resize(struct app *app, int cols, int lines);

/* Redraw what is dirty, with one doupdate(). */
void screen_draw(struct app *app);

/* Write the screen's text to path, one line per row, trailing blanks cut. */
int screen_save(struct app *app, const char *path, struct wr_err *err);

/* The curses side of the console: windows per pane and role attributes. */
struct screen {
	SCREEN *term;
	FILE *out;
	bool test;                       /* in-memory screen for screen tests */
	bool closed;
	bool utf8;                       /* box drawing with Unicode lines */
	int cols, lines;
	struct layout lo;
	int zoom;                        /* the pane lo was computed to zoom, or -1 */
	int focus;                       /* … and with focused (compact: its rows) */
	int footer_rows;                 /* … and the rows of footer it left (1 or
	                                    more: screen_footer_rows) */
	int hosts_rows;                  /* … and the rows HOSTS' content wanted
	                                    (hosts_rows_wanted; 0: all it may) */
	WINDOW *header, *footer, *pane[PANE_COUNT];  /* pane[i] NULL: not shown */
	int attr[THEME_ROLE_COUNT];
};

/* Give every theme role of app->theme its curses colour pair and
 * attributes on app->screen, colours fitted to the terminal's (said once
 * in the footer when any had to be approximated). */
void theme_apply(struct app *app, bool use_color);

/* The curses attributes for a role (colour pair included). */
int ui_attr(const struct app *app, enum theme_role role);

/* Draw UTF-8 text at y,x in at most width cells; returns the cells used.
 * Text wider than that ends in "…" in its last cell: a cut is never
 * silent. Controls and bidi controls are shown as the sanitizer writes
 * them (^X, \x9b, <U+202E>; a tab as ^I), invalid bytes as U+FFFD. */
int ui_put(WINDOW *win, int y, int x, int width, int attr, const char *text);

/* Text wider than w goes on in the rows below (between words where it
 * can, a long path after a '/': wrapbreak.h), indented by cont cells, from row *y while *y < limit; text cut
 * short there ends in "…". *y ends after the last row used; win NULL only
 * counts the rows. */
void ui_put_wrapped(WINDOW *win, int *y, int x, int w, int cont, int limit, int attr,
    const char *text);

/* ui_put with no "…": clipped silently, saying how many bytes of text
 * fitted (for wrapping and measuring); with win NULL it only measures. */
int ui_put_n(WINDOW *win, int y, int x, int width, int attr, const char *text,
    size_t *consumed);

/* Start tailing the service selected in HOSTS in the LOGS pane. */
void logs_follow_selected(struct app *app);

/* +: tail the service selected in HOSTS too, merged with the others by
 * the time each line carries. */
void logs_add_selected(struct app *app);

/* After a poll: a k8s tail that follows one pod is widened to every pod
 * once its deployment's selector is known (podtail.h), said once. */
void logs_widen(struct app *app);

/* Stop every tail and drop the lines still waiting to be merged. */
void logs_stop(struct app *app);

/* The TIMELINE entry at the bottom of the pane, whole, over the panes
 * (Enter in TIMELINE); closes itself when there is none. */
void timeline_detail_draw(struct app *app, int lines, int cols);

/* How many records the entry that overlay shows stands for (a folded
 * row's count; 1 for a plain one, 0 for none). */
size_t timeline_detail_records(struct app *app);

/* With a LOGS filter: move to the next (or previous) matching line. */
void logs_search(struct app *app, bool next);

/* @: show LOGS from the first line stamped at or after the moment typed
 * (logjump_parse), paused there; says why when no line is. */
void logs_jump(struct app *app, const char *text);

/* Show only the HOSTS rows whose host, service, address, tag or version
 * (as TAG and VERSION show them) contains text
 * (any case; "" shows all); the selection moves to a row still shown. */
void hosts_filter_set(struct app *app, const char *text);

/* The hosts (each once, in config order, filter or not) with a row whose
 * /readyz says the schema is ahead of its release, as HOSTS' title counts
 * them: up to max names into names; returns how many there are. */
size_t hosts_schema_ahead(const struct app *app, const char **names, size_t max);

/* The hosts (in config order) refused for a host key other than the one
 * known_hosts holds (changed or revoked): up to max names into names;
 * returns how many there are. */
size_t hosts_key_changed(const struct app *app, const char **names, size_t max);

/* Where the selected row is among those HOSTS shows, in its order (0:
 * first). */
int hosts_selected_pos(const struct app *app);

/* The rows HOSTS' content needs inside its borders at inner width w (its
 * header, the rows shown, room for the selected row's lines under the
 * table), at most most: the layout gives the rest to the panes below. */
int hosts_rows_wanted(const struct app *app, int w, int most);

/* Draw a box around w in the role's colours (Unicode lines when the
 * locale is UTF-8, ASCII otherwise). */
void ui_border(const struct app *app, WINDOW *w, enum theme_role role);

/* text on the border of the pane whose inside is inner (a derwin of its
 * framed window): its top or bottom row, from its left (2 cells in) or
 * ending 2 cells from its right, only over plain border, so a title is
 * never covered. False (nothing drawn) when it does not fit there. */
bool ui_frame_put(WINDOW *inner, bool bottom, bool right, int attr, const char *text);
/* rows of the pane whose inside is inner out of view, counted on its
 * border (panemore_text's longest form that fits): below at the start of
 * the bottom border, above at the end of the top one, or of the bottom
 * one when the title leaves no room. Nothing when rows <= 0. */
void ui_frame_more(const struct app *app, WINDOW *inner, bool up, int rows);

/* A box over the panes: a new h x w window at y, x in the help colours,
 * its border in the border role's, and title on it when not NULL. NULL
 * when curses refuses the window; the caller refreshes and deletes it. */
WINDOW *ui_overlay(const struct app *app, int h, int w, int y, int x,
    enum theme_role border, const char *title);

/* The colour of a verdict level (enum decide_level), in METRICS and
 * HOSTS alike: ROLLBACK bad, CONSIDER and MONITOR a warning, OK good, NO
 * DATA dim. */
enum theme_role ui_level_role(int level);

/* Display width in cells of UTF-8 text (as ui_put would draw it). */
int ui_width(const char *text);

/* The key name for a curses key ("Tab", "C-l", "q") written into buf, or
 * NULL when the key has no name. */
const char *keys_name(int is_keycode, unsigned int key, char *buf, size_t cap);

/* Turn a key into a command and run it through dispatch; a paste's
 * text goes to the open prompt or dialog, never to commands (keygate.h). */
void keys_handle(struct app *app, int is_keycode, unsigned int key);

/* What curses read from the terminal (get_wch), before keys_handle: an
 * escape sequence curses did not know is read whole as one key
 * (keyseq.h), the keypad's keys as the characters they show. */
void keys_input(struct app *app, int is_keycode, unsigned int key);

/* How long until a begun escape sequence is to be ended by keys_expire
 * (-1: none is); keys_expire then ends it (a lone ESC is Esc). */
int keys_wait_ms(const struct app *app);
void keys_expire(struct app *app);

/* Curses has nothing more buffered: a lone ESC is Esc now (keyseq_idle). */
void keys_idle(struct app *app);

/* End a begun escape sequence now, whatever its wait (screen tests). */
void keys_flush(struct app *app);

/* Ctrl-C or Ctrl-\ (SIGINT, SIGQUIT, or typed): cancels what is open or
 * planned, like Esc; on the main screen quits like q (asking while an
 * action runs), interrupted, with 128 + signo as the exit status. */
void keys_interrupt(struct app *app, int signo);

/* Ctrl-Z (SIGTSTP, or typed): refused, said in the footer, while an action
 * of this console runs; armed, disarms (journalled, the arm lock freed)
 * before it suspends, and says so once continued; else suspends. */
void keys_suspend(struct app *app);

/* Put away what arming opened — a confirmation that changes something or
 * a plan on its way to one — as Esc would; true when there was one. */
bool keys_put_away_armed(struct app *app);

/* The choke point: runs cmd unless safety refuses it. 0 ran, -1 refused. */
int dispatch(struct app *app, enum wr_command cmd);

/* While q's question is open: word it again from the live state (each
 * frame, before it is drawn), so it says what is left now. */
void dispatch_quit_refresh(struct app *app);

/* y to q's question: true when it quits, the question on screen being
 * what a quit now does (or nothing being left); false when it changed
 * since it was drawn, then it stays open with the new words. */
bool dispatch_quit_answer(struct app *app);

/* The selected runbook step's detail, over the panes. */
void runbook_detail_draw(struct app *app, int lines, int cols);

/* The help overlay, generated from the command table. */
void help_draw(struct app *app, int lines, int cols);

/* The box above the footer while K asks to trust a host key: the host,
 * its key type and the whole fingerprint, where the key will be written. */
void hosts_trust_draw(struct app *app, int lines, int cols);

/* Open or resume the journal of --incident (none without it); loads what
 * it holds into the TIMELINE pane. Read-only, only watch an existing one
 * (none yet: said, and looked for again). -1 with err when it cannot be
 * opened. */
int journal_open(struct app *app, struct wr_err *err);

/* Every second: apply what other consoles appended to the journal (one
 * fstat when nothing did); a watcher with no journal yet looks for it. */
void journal_follow(struct app *app);

/* Store a note; the footer says whether it was stored. */
void journal_note(struct app *app, const char *text);

/* Set the shown runbook's run-of-show T-0 from what was typed (see
 * runofshow_parse_tzero) and record it as runbook.tzero. */
void journal_tzero(struct app *app, const char *text);

/* E: ask for "resolve", then record incident.resolve (the same --incident
 * then starts a new incident; this one stays readable by its id). */
void journal_resolve_ask(struct app *app);
void journal_resolve(struct app *app, const char *typed);

/* Write <id>.postmortem.md and .json beside the journal and record it. */
void journal_export(struct app *app);

/* B's fleet rollbacks an earlier session left unfinished, as our
 * resume found them: said beside what the footer says, held; never
 * continued (the engineer decides). */
void journal_say_chains(struct app *app);

/* Actions an earlier session left UNKNOWN (no end, or an end saying
 * unknown): UNKNOWN here too, re-read, never re-run. */
void journal_adopt_unknown(struct app *app);

/* While running: another console's actions with no outcome whose console
 * is gone (killed, crashed: its byte of .live free) are taken over as a
 * resume takes them, UNKNOWN, re-read, never run again; each tried once. */
void journal_adopt_gone(struct app *app);

/* A writing console's record of another console gone (its .live byte
 * free, no shutdown record): one session.gone per session across all
 * consoles, with the actions it left without an outcome. */
void journal_record_gone(struct app *app);

/* Who the journal says is armed on this incident, into buf ("alice@box
 * since 13:05 UTC"): false, buf "", when no console is. *gone: that
 * console no longer runs (killed while armed), buf "alice@box, last
 * record 13:20 UTC" (sessions_armed_words). One stopped on this machine
 * (SIGSTOP) adds ", stopped (pid N)". who: its console alone ("alice@box"),
 * for a header without room for the rest. */
bool journal_armed_by(const struct app *app, bool *gone, char *buf, size_t cap, char *who,
    size_t wcap);

/* Record a mode change (armed, disarmed) as mode.change, with why when
 * the engineer did not ask for it (NULL otherwise); a disarm the degraded
 * journal refuses is kept and written late once it recovers. */
void journal_mode(struct app *app, const char *mode, const char *reason);

struct record_list;

/* Every verified record of this incident's journal into out (free with
 * record_list_free); -1 when there is no journal or it cannot be read. */
int journal_records(struct app *app, struct record_list *out);

/* After new poll data: a service whose tag, /healthz or /readyz changed
 * (or that is seen for the first time) gets a health.change record, once
 * both were read after the host last may have changed (healthrec.h). */
void journal_health(struct app *app);

/* A host's verdict changed level: a verdict.change record (the post-mortem
 * reads recovery from the first OK after a rollback), unless the timeline
 * already holds that verdict for the host (a resumed incident). */
void journal_verdict(struct app *app, int host, const struct decide_verdict *v);

/* A host (or its ProxyJump hop) offering a changed key gets one
 * hostkey.changed record per key offered, with both fingerprints, and
 * one offering a revoked key one hostkey.revoked, with the @revoked
 * line: a possible man in the middle belongs in the post-mortem. */
void journal_hostkey(struct app *app, int host);

/* A host lost gets a conn.change saying DOWN and why at once; its return
 * one saying UP and for how long it was away, once it held (connrec.h).
 * Called when a host's state changes and at every tick. */
void journal_conn(struct app *app);

/* A host UP whose reads keep failing (its driver's command, or /healthz
 * or /readyz with no answer) gets a poll.change saying its data stopped,
 * with what failed, once that held (pollrec.h); the first good answer
 * after, one saying it is back, with for how long and how many polls
 * failed. Called after new poll data and at every tick. */
void journal_poll(struct app *app);

/* Called at every tick: when this console has just become the one that
 * records observations (obswriter.h), what differs from the journal's
 * latest records is recorded at once. */
void journal_observe_takeover(struct app *app);

/* This console continues after being stopped (Ctrl-Z, SIGSTOP): what it
 * read before is not written (obsrec_continued), and if it records again
 * it does so as a console taking over. */
void journal_observe_continued(struct app *app);

/* After new poll data: a k8s service whose latest rollback ended FAILED
 * with its rollout not complete, read since at that rollback's tag and
 * revision with the rollout complete, gets one action.reconcile saying
 * so (latedone.h), and the footer says it. */
void latedone_watch(struct app *app);

/* After new poll data: per k8s host, whether its last kill switch ended
 * FAILED with its rollout not complete, or UNKNOWN turning exports off
 * (latedone_ks_pending), and no reading since shows that rollout (or a
 * later rollback's) complete (latedone_check). Watchers too: it writes
 * nothing. */
void ksopen_watch(struct app *app);

/* Whether host h's last kill switch left a rollout not read complete
 * (ksopen_watch): old pods may still export, whatever /export answered. */
bool app_ks_rollout_open(const struct app *app, int h);

/* Why X turns host h's exports off again while app_ks_rollout_open
 * (PLAN_KS_OPEN_WHY, PLAN_KS_UNKNOWN_WHY, PLAN_KS_RB_WHY), NULL when not. */
const char *app_ks_open_why(const struct app *app, int h);

struct rbtarget;
struct plan_bad;

/* This incident's rollback target of host's service svc (rbtarget_find:
 * the host's latest rollback that ended OK, settled OK included, else the
 * service's on any host, and the host's own later FAILED/UNKNOWN one)
 * into out; false when there is neither. */
bool journal_rollback_target(struct app *app, int host, int svc, struct rbtarget *out);

/* What this incident's timeline says of host/svc's tags, from one read:
 * bad[] the releases the incident judged bad for the service on any host
 * (badrel: a rollback started from it, or a verdict turned bad while it
 * ran), each with why (host's own first, badrel_why_on; its mark says
 * whose), never offered first as a target, at most maxbad;
 * seen[] those health.change saw host run, newest first, other than one
 * a rollback there started from, at most maxseen. */
void journal_rollback_tags(struct app *app, int host, int svc, char (*seen)[128],
    size_t maxseen, size_t *nseen, struct plan_bad *bad, size_t maxbad, size_t *nbad);

/* Every 10 s while the journal is degraded: try to recover it (it must
 * prove it holds every record we stored); changes stay refused until then. */
void journal_retry(struct app *app);

/* The choke point's view of the journal (degraded or read-only, and why)
 * brought up to date after a write may have failed. */
void journal_safety(struct app *app);

/* End the journal with a shutdown record (when it can still be written,
 * and never from a console that only watches). false when a writing
 * console leaves records or its shutdown unstored (stderr says which, and
 * where e wrote the post-mortem draft). */
bool journal_close(struct app *app, const char *reason);

/* An env.check record into the row's .env mark (journal_apply's). */
void envmarks_apply(struct app *app, const struct record *r);

/* Host's service svc's .env mark into *out while it shows: .env names
 * another IMAGE_TAG than the service runs, as the poll read both (or,
 * before it has, as the last env.check said). */
bool envmarks_on(const struct app *app, int host, int svc, struct envmark *out);

/* After a poll: an env.check for each Compose row whose drift from .env
 * appeared, cleared or changed since the last one (envmark_news), unless
 * an action on its host runs or the read predates its end. */
void envmarks_poll(struct app *app);

/* Free the marks. */
void envmarks_free(struct app *app);

/* A runbook prompt for placeholders begins on host (svc: the rollback's
 * service, -1 for a step's script): what an earlier one read is dropped. */
void tagread_begin(struct app *app, int host, int svc);

/* The prompt asks its next placeholder: when it holds a tag, the hint
 * says what the services run now, and a Compose host's releases.log is
 * read (once) for the box; any other placeholder: no hint. */
void tagread_ask(struct app *app);

/* The box above the footer while a tag is asked on a Compose host: the
 * tags releases.log offers, as the rollback dialog lists them. */
void tagread_draw(struct app *app, int lines, int cols);

/* Abandon the read in flight, if any, and free what it kept. */
void tagread_free(struct app *app);

/* Start planning a rollback of the service selected in HOSTS. */
void actions_rollback(struct app *app);

/* B: the selected service's rollback on its host, then on every other
 * host of its driver running it at the same tag, one after another (each
 * planned and confirmed in turn; the first not OK stops the rest). */
void actions_rollback_all(struct app *app);

/* The queue of rollbacks that follow one another (B, a step naming
 * several services): while some are still to go, true and the footer
 * says so; add one (false when full); move its head into the target_*
 * fields for actions_rollback to start. */
bool actions_queue_running(struct app *app);
bool actions_queue_add(struct app *app, int host, int svc, const char *tag,
    struct action **slot);
void actions_queue_pop(struct app *app);

/* The tag typed for a compose rollback releases.log had no target for;
 * a chain's (B, a step's) goes on from there. Esc instead: that chain
 * stops, and B's says so. */
void actions_rollback_to(struct app *app, const char *tag);
/* x on a runbook step (slot: its or its section's) refused before any
 * dialog (the rollback it names cannot be planned): action.refused with
 * why, naming the row, so the post-mortem says what was asked. host -1:
 * none. The footer's words are the caller's. */
void actions_step_refused(struct app *app, struct action **slot, int host, const char *action,
    const char *why);
void actions_rollback_to_dropped(struct app *app);

/* B's chain of per-host rollbacks (actions_fleet.c, on fleetchain.h):
 * whether a is its current host's rollback; that rollback started on
 * host; the host's turn refused before any rollback started (why; down:
 * its connection state, "h5 is DOWN: not rolled back"), journalled as
 * action.refused; the next host's turn, true when it is UP (else refused
 * as down); a finished action's turn recorded, true when what comes next
 * may start (OK, or already on the target: nothing to do); the
 * current turn stopped another way (an Esc at the tag prompt). */
bool actions_fleet_owns(const struct app *app, const struct action *a);
void actions_fleet_started(struct app *app, int host, struct action *a);
void actions_fleet_refused(struct app *app, int host, const char *why, bool down);
bool actions_fleet_next_up(struct app *app, int host);
bool actions_fleet_finished(struct app *app, struct action *a);
void actions_fleet_stop(struct app *app, enum fleetchain_turn turn, const char *why);

/* The chain's rollback a is confirmed: the first host's starts the
 * chain's record (chain.start, before a's intent) with its target; every
 * host's action carries the chain id. */
void actions_fleet_confirmed(struct app *app, struct action *a);

/* Once B's chain is over: its summary in the footer until a key, and in
 * the journal as chain.end. Nothing while it goes on. */
void actions_fleet_tell(struct app *app);

/* After words said about a (its outcome again, a re-read's), while the
 * chain's summary is kept (no key since): the summary leads again. */
void actions_fleet_keep(struct app *app, const struct action *a);

/* The dialog title's words on the hosts after the current one ("— then
 * h3, h5, each confirmed like this one, to v1.4.1"), or "" for none. */
void actions_fleet_then(const struct app *app, char *buf, size_t cap);

/* X: the kill switch on the selected host (or its undo when the last kill
 * switch there turned the export off). */
void actions_killswitch(struct app *app);

/* M: the migration downgrade of the selected compose service (or a
 * runbook step's target), straight to its dialog with the warning. */
void actions_migrate_down(struct app *app);

/* A runbook step's filled script on host: straight to its dialog, which
 * says said (what filled values nobody typed in view, or "") and warning
 * (a rollback it runs unverified, or ""); slot (may be NULL) notes the
 * action on the step. */
void actions_command(struct app *app, int host, const char *script, const char *origin,
    const char *said, const char *warning, struct action **slot);

/* x on a RUNBOOK step: its commands on the host selected in HOSTS (known
 * ones through their built-in action), placeholders asked for first. */
void runbook_run_step(struct app *app);

/* The footer prompt's Enter while placeholders are asked for. */
void runbook_fill_answer(struct app *app, const char *value);

/* The footer prompt closed (Esc when cancelled; went: what Enter asked
 * for went through): an item of x's sequence that was asking and did not
 * go through stops the rest, and the next x starts over. */
void runbook_prompt_closed(struct app *app, bool cancelled, bool went);

/* Actions past confirmation and not yet ended (quit asks first). */
int actions_running(const struct app *app);

/* The first action of this console still running, in words ("kill
 * switch of api on k8s-bastion"), or "" (returns false). */
bool actions_running_words(const struct app *app, char *buf, size_t cap);

/* Another console's actions with no outcome in the journal (not taken
 * over here): *unknown those whose outcome was left UNKNOWN (or whose
 * console is gone), *none_yet the rest, counted as a watcher counts. */
void actions_others_open(struct app *app, size_t *unknown, size_t *none_yet);

/* A dialog's warning about another console's action with no outcome on
 * host (any host when host < 0), running or its console gone, in words
 * (unsettled_other_words); false when there is none. */
bool actions_others_warning(struct app *app, int host, char *buf, size_t cap);

/* Whether this console holds op (started it, or took it over). */
bool actions_hold_op(const struct app *app, const char *op);

/* Their names, "rollback of api on h1 (rollout status)", into names (at
 * most max): those that sent their first change (sent), or those still
 * re-reading their host, nothing sent (!sent); returns how many (q's
 * question names them and what a quit does to each). */
#define ACTIONS_NAME_MAX 200
size_t actions_running_names(const struct app *app, bool sent,
    char (*names)[ACTIONS_NAME_MAX], size_t max);

/* Whether one of them acts on host: it may change at any moment. */
bool actions_running_on(const struct app *app, int host);

/* The confirmation dialog: keys while it is open, and drawing it. */
void actions_dialog_key(struct app *app, const char *name, int is_keycode, unsigned key);
void actions_dialog_draw(struct app *app, int lines, int cols);

/* The open dialog's own keys for the footer (command_dialog_hints), as it
 * is drawn on a lines x cols screen; 0 when none is open. */
size_t actions_dialog_hints(struct app *app, int lines, int cols, struct dialog_hint out[4]);

/* A plan ready while a prompt (or help, a detail, the quit question) is
 * open waits for it: its dialog opens once nothing else is over the
 * panes, never over another. */
void actions_dialog_waiting(struct app *app);

/* An action reading its host before its dialog opens: true with "planning
 * the rollback of api-1/api" in buf; keys wait for it. */
bool actions_planning(const struct app *app, char *buf, size_t cap);

/* The action reading its host before its dialog opens, or NULL: what the
 * footer's words while it plans are about, so its dialog takes them away. */
const struct action *actions_planned(const struct app *app);

/* Esc while planning: cancel it (nothing was sent). */
void actions_planning_cancel(struct app *app);

/* The progress line of a running action; false when none runs. */
bool actions_progress(struct app *app, char *buf, size_t cap);

/* Actions whose outcome is UNKNOWN and whose host has not been read back
 * since: the header shows them until it is. */
size_t actions_unknown(const struct app *app);

/* Of the UNKNOWN outcomes, the first whose host's rollout the console
 * is waiting for (action_waits_rollout): that host's name, else NULL. */
const char *actions_unknown_waiting(const struct app *app);

/* This console's latest action on host's service svc whose outcome is
 * UNKNOWN and not settled, or NULL. */
const struct action *actions_unsettled_on(const struct app *app, int host, int svc);

/* Of those, the ones warroom cannot re-read (a runbook command, a
 * downgrade): only the engineer can settle them, with U. */
size_t actions_unknown_by_hand(const struct app *app);

/* An UNKNOWN outcome the console still re-reads, for the header. */
struct actions_reread {
	const char *host, *runs, *target;  /* as actions_unknown_read_back */
	long left_s;                       /* seconds of re-reading left */
	const char *under_way;             /* "a recreate" (compose), "a rollout" */
};

/* Of the UNKNOWN outcomes, the first read back without settling that the
 * console still re-reads (action_reread_left_s): true, with its words. */
bool actions_unknown_rereading(const struct app *app, struct actions_reread *out);

/* Of those, the first one read back that the re-read did not settle:
 * true, with what its host runs and its target (action_read_not_settled). */
bool actions_unknown_read_back(const struct app *app, const char **runs,
    const char **target);

/* The action.end of op, kept while the journal could not be written, is
 * stored now: its outcome stops saying "not stored yet". */
void actions_end_stored(struct app *app, const char *op);

/* op, held here UNKNOWN, has its rollout read complete since (summary:
 * the latedone record's words): it counts as settled here too. Whether
 * one held here was, its outcome said in the footer. */
bool actions_rollout_completed(struct app *app, const char *op, const char *summary);

/* a's outcome in the words the console shows it (into buf): "OK after
 * re-read" or "FAILED, settled by hand" when the journal settled an
 * UNKNOWN one (then true), else "FAILED, rollout completed later at
 * 03:50:12" when its rollout completed after it ended (latedone.h), else
 * its state's name ("UNKNOWN", "OK"…). */
bool actions_outcome_words(const struct app *app, const struct action *a, char *buf,
    size_t cap);

/* " FROM -> TO" of what a's plan changes (unknown_to for a target not
 * yet known), or "" for a command that moves no tag. */
const char *actions_change(const struct action *a, const char *unknown_to, char *buf,
    size_t cap);

/* U: ask about the oldest unsettled UNKNOWN outcome; the answer ("ok …" or
 * "failed …") is recorded as action.reconcile by hand. */
void actions_settle_ask(struct app *app);
void actions_settle(struct app *app, const char *answer);
/* U's question: which outcome (ctx, with why the last answer was refused
 * and whether a re-read still goes on) and what to type (ask). */
void actions_settle_question(const struct app *app, char *ctx, size_t ctxcap, char *ask,
    size_t askcap);

/* The status-page client (with [statuspage] and a journal), its prompt,
 * and the post the typed status asks for. */
void actions_statuspage_open(struct app *app);
void actions_statuspage_ask(struct app *app);

/* Armed, take over the status-page posts other consoles left pending and
 * no longer run (statuspage_adopt), and say so; at arming, before S. */
void actions_statuspage_adopt(struct app *app);

/* The typed status: -1 (nothing posted, said) when it is not one of the
 * four words; else 0 and the text is asked next. */
int actions_statuspage_post(struct app *app, const char *typed);

/* After the status: the text, prefilled and editable in the prompt (its
 * question says what goes where); Enter sends what it then holds. */
void actions_post_question(const struct app *app, char *buf, size_t cap);

/* The box above the footer while that text is edited: where it goes and
 * the whole text as it stands, wrapped. */
void actions_post_preview_draw(struct app *app, int lines, int cols);

/* Send it: 0 when every post and announcement it makes was queued, -1
 * (said) when one was not. */
int actions_statuspage_send(struct app *app, const char *edited);

/* Tab in the S box: the footer holds the title a create will send (the
 * text kept meanwhile); again, or Enter, keeps what was typed as the title
 * and the text is back. An update keeps the page's title: said, nothing
 * changes. */
void actions_post_title_toggle(struct app *app);

/* A runbook's smoke binding: GET url (a /path is under host's health_url,
 * through its tunnel) and compare the status; said and journalled, with
 * the step of slot (a runbook step's, or NULL) named in the record. -1
 * (said) when the GET could not start. */
int actions_smoke(struct app *app, int host, const char *url, long expect,
    struct action **slot);

/* A runbook's announce binding: the footer asks for "announce" typed, then
 * message goes to the chat webhook, the step of slot named in its record.
 * Without a chat: -1, said in the footer and journalled as action.refused.
 * actions_announce: 0 once queued. */
int actions_announce_ask(struct app *app, const char *message, struct action **slot);
int actions_announce(struct app *app, const char *typed);

/* A runbook's statuspage binding: the S prompt, or with a status it names
 * straight the text to send (Enter confirms) as if typed there, its message, if any, in place of the template, and its
 * name (the public title of a create) and impact for that post; the step
 * of slot is named in the post's record. Without a page or chat: -1, said
 * and journalled as action.refused. */
int actions_statuspage_prefill(struct app *app, const char *status, const char *message,
    const char *name, const char *impact, struct action **slot);

struct record;
struct unsettled_op;

/* Adopt the ops an earlier session left UNKNOWN as UNKNOWN actions. */
void actions_adopt(struct app *app, const struct unsettled_op *u, size_t n);

/* Free every action (after the sessions and HTTP are closed). */
void actions_free(struct app *app);

/* Run a screen-test key script; returns the exit status. */
int script_run(struct app *app, FILE *script, const char *name);

/* Route SIGWINCH, SIGTERM, SIGINT, SIGQUIT, SIGHUP, SIGTSTP and SIGCHLD
 * to the loop; call before screen_open so curses keeps its hands off
 * SIGWINCH and SIGTSTP. */
int console_signals(struct app *app);

/* Run the console on the real terminal until the user quits; returns the
 * exit status (128 + signal when a signal ended it). */
int console_run(struct app *app);

#endif
