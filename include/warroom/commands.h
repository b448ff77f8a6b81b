/*
 * commands.h — the one table of console commands.
 *
 * Each command is declared once here with its key, its effect, and its
 * help text. The key map, the help overlay, the read-only choke point and
 * the man page's key list are all generated from this table, so they
 * cannot disagree.
 *
 * Effects: READS changes nothing; RECORDS writes the incident journal (a
 * note, a tick, a settled outcome, an export's record, arming) and is
 * refused in read-only mode, since a console that only watches writes
 * nothing; CHANGES changes production and needs an armed console too.
 */
#ifndef WARROOM_COMMANDS_H
#define WARROOM_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>

/*  id            key       alt key  effect   help */
#define WR_COMMANDS(X)                                                              \
	X(FOCUS_NEXT,  "Tab",    NULL,    READS,   "move focus to the next pane")          \
	X(FOCUS_PREV,  "S-Tab",  NULL,    READS,   "move focus to the previous pane")      \
	X(FOCUS_1,     "1",      NULL,    READS,   "focus the HOSTS pane")                 \
	X(FOCUS_2,     "2",      NULL,    READS,   "focus the METRICS pane")               \
	X(FOCUS_3,     "3",      NULL,    READS,   "focus the LOGS pane")                  \
	X(FOCUS_4,     "4",      NULL,    READS,   "focus the RUNBOOK pane")               \
	X(FOCUS_5,     "5",      NULL,    READS,   "focus the TIMELINE pane")              \
	X(UP,          "Up",     "k",     READS,   "move the selection up")                \
	X(DOWN,        "Down",   "j",     READS,   "move the selection down")              \
	X(PAGE_UP,     "PgUp",   NULL,    READS,   "move the selection a page up")         \
	X(PAGE_DOWN,   "PgDn",   NULL,    READS,   "move the selection a page down")       \
	X(TOP,         "Home",   "g",     READS,   "move to the first line (HOSTS by health or verdict: the worst row)") \
	X(BOTTOM,      "End",    "G",     READS,   "move to the last line")                \
	X(TICK,        "Space",  NULL,    RECORDS, "tick or untick the step") \
	X(OPEN,        "Enter",  NULL,    READS,   "HOSTS: tail it; RUNBOOK: a rollback step's confirmation, else the step opened or the section folded; TIMELINE: whole entry") \
	X(LOGS_ADD,    "+",      NULL,    READS,   "HOSTS: tail that service too (LOGS merges by time)") \
	X(PREV_OPEN,   "[",      NULL,    READS,   "jump to the previous unticked step")   \
	X(NEXT_OPEN,   "]",      NULL,    READS,   "jump to the next unticked step")       \
	X(NEXT_RUNBOOK, "R",     NULL,    READS,   "switch RUNBOOK to the next runbook")   \
	X(TZERO,       "T",      NULL,    RECORDS, "set the run-of-show's T-0 (now, +30m, or HH:MM UTC)") \
	X(ARM,         "A",      NULL,    RECORDS, "arm the console for changes (typed; A again disarms)") \
	X(ROLLBACK,    "r",      NULL,    CHANGES, "roll the selected service back (HOSTS)") \
	X(ROLLBACK_ALL, "B",     NULL,    CHANGES, "roll it back on every host of the same driver running its tag, one after another, each confirmed (HOSTS)") \
	X(KILLSWITCH,  "X",      NULL,    CHANGES, "kill switch: EXPORT_MODE=off on the host (X again: undo)") \
	X(MIGRATE_DOWN, "M",     NULL,    CHANGES, "migration downgrade (alembic -1) of the selected service") \
	X(RUN_STEP,    "x",      NULL,    CHANGES, "RUNBOOK: run the step's commands on the HOSTS host") \
	X(STATUS_POST, "S",      NULL,    CHANGES, "post to the status page (type the status)") \
	X(TRUST_KEY,   "K",      NULL,    RECORDS, "trust the host's unknown key; a changed one: re-read known_hosts (HOSTS)") \
	X(SORT,        "o",      NULL,    READS,   "HOSTS: order rows by host, worst health (a host's rows together), or worst verdict") \
	X(FILTER,      "/",      NULL,    READS,   "filter LOGS with a regex (empty clears it)") \
	X(HOST_FILTER, "F",      NULL,    READS,   "show the HOSTS rows whose host, service, address, tag or version has a text") \
	X(SEARCH_PREV, "N",      NULL,    READS,   "previous match in LOGS, with a filter (n: next)") \
	X(FOLLOW,      "f",      NULL,    READS,   "follow new LOGS lines, or pause in place") \
	X(WRAP,        "w",      NULL,    READS,   "wrap long LOGS lines")                 \
	X(TIMES,       "t",      NULL,    READS,   "show or hide the LOGS lines' timestamps") \
	X(SCROLL_RIGHT, ">",     "Right", READS,   "scroll unwrapped LOGS lines half a pane right") \
	X(SCROLL_LEFT, "<",      "Left",  READS,   "scroll LOGS lines half a pane back left") \
	X(SCROLL_START, "0",     NULL,    READS,   "show LOGS lines from their start, or a filter's match") \
	X(SCROLL_END,  "$",      NULL,    READS,   "scroll LOGS lines to the end of the longest in view") \
	X(LOGS_JUMP,   "@",      NULL,    READS,   "LOGS: jump to a time (19:30 UTC, 10m ago, or RFC 3339)") \
	X(NOTE,        "n",      NULL,    RECORDS, "LOGS: next match; elsewhere: add a note to the timeline") \
	X(SETTLE,      "U",      NULL,    RECORDS, "settle the oldest UNKNOWN outcome by hand: ok or failed, and what you saw") \
	X(EXPORT,      "e",      NULL,    RECORDS, "export the timeline as a post-mortem draft") \
	X(RESOLVE,     "E",      NULL,    RECORDS, "mark the incident resolved (typed; the same --incident then starts a new one)") \
	X(REFRESH,     "C-r",    NULL,    READS,   "poll every host now; retry DOWN and UNTRUSTED hosts; re-read the .env of rows marked .env!") \
	X(ZOOM,        "z",      NULL,    READS,   "show the focused pane alone on the whole screen, rows it left out too (z again: every pane)") \
	X(ALL_RECORDS, "a",      NULL,    READS,   "show every record, a folded row's (a flapping verdict or health, a post's tries) one by one; a again folds each into one row") \
	X(REDRAW,      "C-l",    NULL,    READS,   "redraw the whole screen")              \
	X(HELP,        "?",      NULL,    READS,   "show or hide this help")               \
	X(QUIT,        "q",      NULL,    READS,   "quit, asking first while armed or an action runs; C-c too, or cancels a dialog/prompt")

enum command_effect { CMD_READS, CMD_RECORDS, CMD_CHANGES };

enum wr_command {
	WR_CMD_NONE = -1,
#define X(id, key, alt, eff, help) WR_CMD_##id,
	WR_COMMANDS(X)
#undef X
	WR_CMD_COUNT
};

/* The key name ("Tab", "q", "C-l") a command is bound to, and its alternative (or NULL). */
const char *command_key(enum wr_command cmd);
const char *command_alt_key(enum wr_command cmd);

/* The command's name as written in the table ("FOCUS_NEXT"). */
const char *command_name(enum wr_command cmd);

/* One line of help text. */
const char *command_help(enum wr_command cmd);

/* True when the command would change production (CHANGES). */
bool command_is_mutating(enum wr_command cmd);

/* True when the command writes the incident journal: RECORDS, and every
 * CHANGES (whose actions are journalled). */
bool command_writes_journal(enum wr_command cmd);

/* The help overlay and the man page list the keys by effect under a
 * heading each: what changes production first (what an engineer in an
 * incident looks for), then what writes the journal, then what only
 * reads. */
#define WR_HELP_ROWS (WR_CMD_COUNT + 3)

/* Row i (0 <= i < WR_HELP_ROWS) of that list: its command, each group in
 * table order, or WR_CMD_NONE for a group's heading, put in *heading. */
enum wr_command command_help_row(int i, const char **heading);

/* One line on the marks of HOSTS' VERDICT cell (hosts_table_verdict's
 * "CONSIDER*", "(api)", "BAD RELEASE (OK)"), for the help and the man
 * page after the word VERDICT: the screen has no room for a legend. */
const char *command_marks_legend(void);

/* The command bound to a key name, or WR_CMD_NONE. */
enum wr_command command_for_key(const char *keyname);

/* Where the footer's key hints are asked for: the focused pane, in the
 * order of the console's panes (enum pane_id). */
enum hint_pane { HINT_HOSTS, HINT_METRICS, HINT_LOGS, HINT_RUNBOOK, HINT_TIMELINE };

/* As command_writes_journal, for cmd pressed with pane focused: n in
 * LOGS is the next match, not a note. */
bool command_writes_journal_in(enum wr_command cmd, enum hint_pane pane);

/* The pane (enum hint_pane) a command acts in alone, e.g. f in LOGS, or
 * -1 when it acts with any pane focused. */
int command_home_pane(enum wr_command cmd);

/* A pane's name as its border shows it ("LOGS"). */
const char *command_pane_name(enum hint_pane pane);

/* The footer's words for cmd pressed with another pane focused ("f
 * follows or pauses LOGS: focus it first (3)"); false for a command that
 * acts anywhere. */
bool command_elsewhere(enum wr_command cmd, char *buf, size_t cap);

/* The footer's words for Enter in a pane where it does nothing (METRICS,
 * LOGS): so, and what it does in the panes where it acts. */
void command_open_elsewhere(enum hint_pane pane, char *buf, size_t cap);

struct key_hint {
	enum wr_command cmd;
	const char *label;
};

/* The footer's hints for a pane, most useful first: the pane's own keys,
 * then Tab, help and quit. Read-only leaves out every command it refuses
 * (any that writes the journal); armed names A "disarm", zoomed z "all
 * panes", all_records (TIMELINE unfolded) a "fold flips". Returns the
 * count (≤ cap). */
size_t command_hints(enum hint_pane pane, bool read_only, bool armed, bool zoomed,
    bool all_records, struct key_hint *out, size_t cap);

/* A key of a confirmation dialog, which takes every key while open. */
struct dialog_hint {
	const char *key;
	char label[96];
};

/* The footer's hints while a confirmation dialog is open, in place of the
 * main screen's (whose q would only type a q there), most needed first:
 * Enter (verb once word is typed exactly, else that it needs word), Esc,
 * then PgUp/PgDn when the plan scrolls and Up/Down when there are other
 * targets. Returns the count (at most 4). */
size_t command_dialog_hints(const char *word, const char *verb, bool typed, bool scrolls,
    bool choices, struct dialog_hint out[4]);

/* The footer's hints while a STEP or TIMELINE entry overlay (what: "step",
 * "entry") is open: Esc/Enter closes it, and a folded entry's records
 * (records > 1) are a's after. Returns the count (at most 4). */
size_t command_overlay_hints(const char *what, size_t records, struct dialog_hint out[4]);

/* What key (by name) says while such an overlay is open, which takes no
 * other key: that it acts once the overlay is closed, and how. */
void command_overlay_refusal(const char *key, const char *what, char *buf, size_t cap);

#endif
