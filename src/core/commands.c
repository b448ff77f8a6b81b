/*
 * commands.c — lookups over the one command table declared in commands.h.
 */
#include "warroom/commands.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct command_entry {
	const char *name;
	const char *key;
	const char *alt;
	enum command_effect effect;
	const char *help;
};

static const struct command_entry table[WR_CMD_COUNT] = {
#define X(id, k, a, eff, h) [WR_CMD_##id] = { #id, k, a, CMD_##eff, h },
	WR_COMMANDS(X)
#undef X
};

static const struct command_entry *
entry(enum wr_command cmd)
{
	return cmd >= 0 && cmd < WR_CMD_COUNT ? &table[cmd] : NULL;
}

const char *
command_key(enum wr_command cmd)
{
	return entry(cmd) ? entry(cmd)->key : NULL;
}

const char *
command_alt_key(enum wr_command cmd)
{
	return entry(cmd) ? entry(cmd)->alt : NULL;
}

const char *
command_name(enum wr_command cmd)
{
	return entry(cmd) ? entry(cmd)->name : NULL;
}

const char *
command_help(enum wr_command cmd)
{
	return entry(cmd) ? entry(cmd)->help : NULL;
}

bool
command_is_mutating(enum wr_command cmd)
{
	return entry(cmd) ? entry(cmd)->effect == CMD_CHANGES : false;
}

bool
command_writes_journal(enum wr_command cmd)
{
	return entry(cmd) ? entry(cmd)->effect != CMD_READS : false;
}

enum wr_command
command_help_row(int i, const char **heading)
{
	static const struct {
		enum command_effect effect;
		const char *heading;
	} groups[] = {
		{ CMD_CHANGES, "Change production (an armed console only: A)" },
		{ CMD_RECORDS, "Write the journal (refused when read-only)" },
		{ CMD_READS, "Only read" },
	};
	size_t g;
	int c;

	*heading = NULL;
	for (g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
		if (i-- == 0) {
			*heading = groups[g].heading;
			return WR_CMD_NONE;
		}
		for (c = 0; c < WR_CMD_COUNT; c++)
			if (table[c].effect == groups[g].effect && i-- == 0)
				return (enum wr_command)c;
	}
	return WR_CMD_NONE;
}

const char *
command_marks_legend(void)
{
	return "in HOSTS: CONSIDER* or (held): held above what the metrics now say "
	    "(METRICS says why); ROLLBACK (api): the host's verdict rests on api's "
	    "restarts, not this row's; BAD RELEASE (OK): this row runs a release judged "
	    "bad, then its host's verdict";
}

bool
command_writes_journal_in(enum wr_command cmd, enum hint_pane pane)
{
	if (cmd == WR_CMD_NOTE && pane == HINT_LOGS)
		return false;
	return command_writes_journal(cmd);
}

enum wr_command
command_for_key(const char *keyname)
{
	int i;

	if (keyname == NULL)
		return WR_CMD_NONE;
	for (i = 0; i < WR_CMD_COUNT; i++)
		if (strcmp(table[i].key, keyname) == 0 ||
		    (table[i].alt != NULL && strcmp(table[i].alt, keyname) == 0))
			return (enum wr_command)i;
	return WR_CMD_NONE;
}

/* Keys that act on one pane only: pressed with another focused, a pane
 * that is not in view would change behind the engineer's back (f one
 * key from F pausing LOGS), or nothing would happen at all (Space in
 * HOSTS), so they say where they work instead. What they do is worded
 * for the footer; "it" when that names the pane. */
static const struct {
	enum wr_command cmd;
	enum hint_pane pane;
	const char *does;
} home_panes[] = {
	{ WR_CMD_FOLLOW, HINT_LOGS, "follows or pauses LOGS: focus it first" },
	{ WR_CMD_WRAP, HINT_LOGS, "wraps the LOGS lines: focus it first" },
	{ WR_CMD_TIMES, HINT_LOGS, "shows or hides the LOGS timestamps: focus it first" },
	{ WR_CMD_SCROLL_RIGHT, HINT_LOGS, "scrolls the LOGS lines right: focus it first" },
	{ WR_CMD_SCROLL_LEFT, HINT_LOGS, "scrolls the LOGS lines left: focus it first" },
	{ WR_CMD_SCROLL_START, HINT_LOGS, "shows the LOGS lines from their start: focus it first" },
	{ WR_CMD_SCROLL_END, HINT_LOGS, "scrolls the LOGS lines to their end: focus it first" },
	{ WR_CMD_SEARCH_PREV, HINT_LOGS, "goes to the previous LOGS match: focus it first" },
	{ WR_CMD_TICK, HINT_RUNBOOK, "ticks a runbook step: focus RUNBOOK first" },
	{ WR_CMD_PREV_OPEN, HINT_RUNBOOK, "jumps to an unticked step: focus RUNBOOK first" },
	{ WR_CMD_NEXT_OPEN, HINT_RUNBOOK, "jumps to an unticked step: focus RUNBOOK first" },
	{ WR_CMD_ALL_RECORDS, HINT_TIMELINE, "shows every TIMELINE record: focus it first" },
};

void
command_open_elsewhere(enum hint_pane pane, char *buf, size_t cap)
{
	/* Pressed and silent, a key looks broken: what it does, and where. */
	snprintf(buf, cap, "Enter does nothing in %s: in HOSTS (1) it tails the service, in "
	    "RUNBOOK (4) opens or folds the step, in TIMELINE (5) shows the entry whole",
	    command_pane_name(pane));
}

const char *
command_pane_name(enum hint_pane pane)
{
	static const char *const names[] = { "HOSTS", "METRICS", "LOGS", "RUNBOOK", "TIMELINE" };

	return (unsigned)pane < sizeof(names) / sizeof(names[0]) ? names[pane] : "?";
}

int
command_home_pane(enum wr_command cmd)
{
	size_t i;

	for (i = 0; i < sizeof(home_panes) / sizeof(home_panes[0]); i++)
		if (home_panes[i].cmd == cmd)
			return (int)home_panes[i].pane;
	return -1;
}

bool
command_elsewhere(enum wr_command cmd, char *buf, size_t cap)
{
	size_t i;

	for (i = 0; i < sizeof(home_panes) / sizeof(home_panes[0]); i++)
		if (home_panes[i].cmd == cmd) {
			/* The pane's number is its focus key (1 is HOSTS). */
			snprintf(buf, cap, "%s %s (%d)", command_key(cmd), home_panes[i].does,
			    (int)home_panes[i].pane + 1);
			return true;
		}
	return false;
}

/* The keys an engineer reaches for in each pane; the rest are in help. */
#define HINTS_PER_PANE 9

/* A narrow footer drops a pane's hints from the end: HOSTS keeps the
 * changes (r, B, X and A, which they need) at 80 columns, Enter going
 * first, since the empty LOGS pane says how to tail a row; LOGS keeps n
 * and N together (a paused status line says f follows). */
static const struct key_hint pane_hints[][HINTS_PER_PANE] = {
	[HINT_HOSTS] = { { WR_CMD_ROLLBACK, "roll back" }, { WR_CMD_ROLLBACK_ALL, "all hosts" },
		{ WR_CMD_KILLSWITCH, "kill switch" }, { WR_CMD_ARM, "arm" }, { WR_CMD_OPEN, "logs" },
		{ WR_CMD_SORT, "order" }, { WR_CMD_HOST_FILTER, "filter" }, { WR_CMD_REFRESH, "poll now" },
		{ WR_CMD_ZOOM, "zoom" } },
	[HINT_METRICS] = { { WR_CMD_REFRESH, "poll now" }, { WR_CMD_ARM, "arm" },
		{ WR_CMD_STATUS_POST, "status page" }, { WR_CMD_ZOOM, "zoom" } },
	[HINT_LOGS] = { { WR_CMD_FILTER, "filter" }, { WR_CMD_ZOOM, "zoom" },
		{ WR_CMD_NOTE, "next match" }, { WR_CMD_SEARCH_PREV, "prev match" },
		{ WR_CMD_LOGS_JUMP, "jump to time" },
		{ WR_CMD_FOLLOW, "follow/pause" }, { WR_CMD_WRAP, "wrap" },
		{ WR_CMD_TIMES, "times" } },
	[HINT_RUNBOOK] = { { WR_CMD_TICK, "tick" }, { WR_CMD_RUN_STEP, "run step" },
		{ WR_CMD_ARM, "arm" }, { WR_CMD_ZOOM, "zoom" }, { WR_CMD_NEXT_OPEN, "next open" },
		{ WR_CMD_OPEN, "fold" }, { WR_CMD_NOTE, "note" } },
	[HINT_TIMELINE] = { { WR_CMD_NOTE, "note" }, { WR_CMD_OPEN, "whole entry" },
		{ WR_CMD_ALL_RECORDS, "every record" }, { WR_CMD_ZOOM, "zoom" },
		{ WR_CMD_EXPORT, "export" }, { WR_CMD_STATUS_POST, "status page" } },
};

static const struct key_hint tail_hints[] = {
	{ WR_CMD_FOCUS_NEXT, "pane" }, { WR_CMD_HELP, "help" }, { WR_CMD_QUIT, "quit" },
};

size_t
command_hints(enum hint_pane pane, bool read_only, bool armed, bool zoomed,
    bool all_records, struct key_hint *out, size_t cap)
{
	size_t i, n = 0;

	if ((unsigned)pane >= sizeof(pane_hints) / sizeof(pane_hints[0]))
		pane = HINT_HOSTS;
	for (i = 0; i < HINTS_PER_PANE && pane_hints[pane][i].label != NULL && n < cap; i++) {
		struct key_hint h = pane_hints[pane][i];

		if (read_only && command_writes_journal_in(h.cmd, pane))
			continue;
		if (h.cmd == WR_CMD_ARM && armed)
			h.label = "disarm";
		if (h.cmd == WR_CMD_ZOOM && zoomed)
			h.label = "all panes";
		if (h.cmd == WR_CMD_ALL_RECORDS && all_records)
			h.label = "fold flips";
		out[n++] = h;
	}
	for (i = 0; i < sizeof(tail_hints) / sizeof(tail_hints[0]) && n < cap; i++)
		out[n++] = tail_hints[i];
	return n;
}

size_t
command_dialog_hints(const char *word, const char *verb, bool typed, bool scrolls,
    bool choices, struct dialog_hint out[4])
{
	size_t n = 0;

	out[n].key = "Enter";
	if (typed)
		snprintf(out[n].label, sizeof(out[n].label), "%s", verb);
	else
		snprintf(out[n].label, sizeof(out[n].label), "confirms once %s is typed", word);
	n++;
	out[n].key = "Esc";
	snprintf(out[n++].label, sizeof(out[0].label), "cancel");
	if (scrolls) {
		out[n].key = "PgUp/PgDn";
		snprintf(out[n++].label, sizeof(out[0].label), "scroll");
	}
	if (choices) {
		out[n].key = "Up/Down";
		snprintf(out[n++].label, sizeof(out[0].label), "target");
	}
	return n;
}

size_t
command_overlay_hints(const char *what, size_t records, struct dialog_hint out[4])
{
	size_t n = 0;

	out[n].key = "Esc/Enter";
	snprintf(out[n++].label, sizeof(out[0].label), "close the %s", what);
	/* a acts on the pane, after the overlay: said as what comes next. */
	if (records > 1) {
		out[n].key = "then a";
		snprintf(out[n++].label, sizeof(out[0].label), "shows its %zu records", records);
	}
	return n;
}

void
command_overlay_refusal(const char *key, const char *what, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s acts once the %s is closed: Esc or Enter closes it", key, what);
}
