/*
 * test_commands.c — the one command table: every key bound once, lookups
 * by key and alternative key, the choke point's rule, and the keys that
 * act only in their own pane.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/commands.h"
#include "warroom/safety.h"

static void
every_command_has_key_and_help(void **state)
{
	int i;

	for (i = 0; i < WR_CMD_COUNT; i++) {
		assert_non_null(command_key((enum wr_command)i));
		assert_non_null(command_help((enum wr_command)i));
		assert_true(strlen(command_help((enum wr_command)i)) > 5);
		assert_non_null(command_name((enum wr_command)i));
	}
}

static void
no_key_is_bound_twice(void **state)
{
	const char *keys[2 * WR_CMD_COUNT];
	int n = 0, i, j;

	for (i = 0; i < WR_CMD_COUNT; i++) {
		keys[n++] = command_key((enum wr_command)i);
		if (command_alt_key((enum wr_command)i) != NULL)
			keys[n++] = command_alt_key((enum wr_command)i);
	}
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (strcmp(keys[i], keys[j]) == 0)
				fail_msg("key %s bound twice", keys[i]);
}

static void
lookup_by_key_and_alt(void **state)
{
	assert_int_equal(command_for_key("Tab"), WR_CMD_FOCUS_NEXT);
	assert_int_equal(command_for_key("S-Tab"), WR_CMD_FOCUS_PREV);
	assert_int_equal(command_for_key("?"), WR_CMD_HELP);
	assert_int_equal(command_for_key("q"), WR_CMD_QUIT);
	assert_int_equal(command_for_key("Down"), WR_CMD_DOWN);
	assert_int_equal(command_for_key("j"), WR_CMD_DOWN);
	assert_int_equal(command_for_key("C-l"), WR_CMD_REDRAW);
	assert_int_equal(command_for_key("Q"), WR_CMD_NONE);
	assert_int_equal(command_for_key(NULL), WR_CMD_NONE);
	assert_null(command_key(WR_CMD_NONE));
	assert_null(command_key(WR_CMD_COUNT));
}

static void
table_names_match_enum(void **state)
{
	assert_string_equal(command_name(WR_CMD_FOCUS_NEXT), "FOCUS_NEXT");
	assert_string_equal(command_name(WR_CMD_QUIT), "QUIT");
	assert_false(command_is_mutating(WR_CMD_QUIT));
	assert_false(command_is_mutating(WR_CMD_NONE));
}

static void
safety_lets_reads_through_always(void **state)
{
	struct safety_state s = { .read_only = true, .journal_degraded = true };

	assert_null(safety_refusal(&s, false));
}

static void
safety_refuses_mutations_with_the_reason(void **state)
{
	struct safety_state s = { .read_only = true, .armed = true };

	assert_string_equal(safety_refusal(&s, true),
	    "read-only mode: nothing can change production from this console");
	s.read_only = false;
	s.no_journal = true;
	assert_string_equal(safety_refusal(&s, true),
	    "no incident journal: changes need --incident NAME, so the timeline records them");
	s.no_journal = false;
	s.journal_degraded = true;
	assert_string_equal(safety_refusal(&s, true),
	    "the incident timeline cannot be written: changes are refused while it cannot");
	s.journal_degraded = false;
	s.armed = false;
	assert_string_equal(safety_refusal(&s, true), "console not armed: A arms it");
	s.armed = true;
	assert_null(safety_refusal(&s, true));
}

/* A degraded journal's refusal names its cause and since when; healthy
 * again, nothing is refused and no stale cause stays behind. */
static void
safety_names_why_the_journal_refuses(void **state)
{
	struct safety_state s = { .armed = true };

	(void)state;
	safety_journal(&s, true, "write failed: No space left on device since 03:12:40 UTC");
	assert_true(s.journal_degraded);
	assert_string_equal(safety_refusal(&s, true), "changes are refused while the incident "
	    "timeline cannot be written: write failed: No space left on device since "
	    "03:12:40 UTC");
	assert_string_equal(safety_refusal_hosts(&s, true), safety_refusal(&s, true));
	safety_journal(&s, true, NULL);
	assert_string_equal(safety_refusal(&s, true),
	    "the incident timeline cannot be written: changes are refused while it cannot");
	safety_journal(&s, false, "stale");
	assert_false(s.journal_degraded);
	assert_null(safety_refusal(&s, true));
	assert_string_equal(s.journal_refusal, "");
}

/* A resolved incident's journal is closed to changes of production; a
 * status-page post (safety_refusal) still goes, and the reason comes
 * before arming's, which could not help. */
static void
resolved_incident_refuses_host_changes(void **state)
{
	struct safety_state s = { .resolved = true, .armed = true };

	assert_null(safety_refusal(&s, true));
	assert_null(safety_refusal_hosts(&s, false));
	assert_non_null(strstr(safety_refusal_hosts(&s, true), "the incident is resolved"));
	s.armed = false;
	assert_non_null(strstr(safety_refusal_hosts(&s, true), "the incident is resolved"));
	s.read_only = true;
	assert_string_equal(safety_refusal_hosts(&s, true),
	    "read-only mode: nothing can change production from this console");
	s.read_only = false;
	s.resolved = false;
	assert_string_equal(safety_refusal_hosts(&s, true), "console not armed: A arms it");
}

/* Every key that writes a record is marked so in the table, and read-only
 * refuses it with the reason; reading keys and q pass. */
static void
read_only_refuses_every_key_that_writes_the_journal(void **state)
{
	static const enum wr_command records[] = { WR_CMD_NOTE, WR_CMD_TICK, WR_CMD_SETTLE,
		WR_CMD_EXPORT, WR_CMD_RESOLVE, WR_CMD_ARM, WR_CMD_TZERO, WR_CMD_TRUST_KEY,
		WR_CMD_ROLLBACK, WR_CMD_STATUS_POST };
	static const enum wr_command reads[] = { WR_CMD_QUIT, WR_CMD_HELP, WR_CMD_OPEN,
		WR_CMD_FILTER, WR_CMD_REFRESH, WR_CMD_FOCUS_5, WR_CMD_NONE };
	struct safety_state s = { .read_only = true };
	size_t i;

	for (i = 0; i < sizeof(records) / sizeof(records[0]); i++) {
		assert_true(command_writes_journal(records[i]));
		assert_string_equal(safety_refusal_records(&s, command_writes_journal(records[i])),
		    "read-only mode: this console only watches and writes nothing to the "
		    "incident journal");
	}
	assert_false(command_is_mutating(WR_CMD_NOTE));
	for (i = 0; i < sizeof(reads) / sizeof(reads[0]); i++) {
		assert_false(command_writes_journal(reads[i]));
		assert_null(safety_refusal_records(&s, command_writes_journal(reads[i])));
	}
	/* A console that acts may write its records. */
	s.read_only = false;
	assert_null(safety_refusal_records(&s, true));
}

static bool
has_hint(const struct key_hint *h, size_t n, enum wr_command cmd)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (h[i].cmd == cmd)
			return true;
	return false;
}

static void
hints_name_the_pane_keys_then_help_and_quit(void **state)
{
	struct key_hint h[16];
	size_t n = command_hints(HINT_HOSTS, false, false, false, false, h, 16);

	assert_true(n >= 5);
	/* The changes first, so a narrow footer keeps them: B among them,
	 * right after r (nothing else says the fleet rollback exists). */
	assert_int_equal(h[0].cmd, WR_CMD_ROLLBACK);
	assert_int_equal(h[1].cmd, WR_CMD_ROLLBACK_ALL);
	assert_true(has_hint(h, n, WR_CMD_KILLSWITCH));
	assert_true(has_hint(h, n, WR_CMD_ARM));
	assert_true(has_hint(h, n, WR_CMD_OPEN));
	assert_int_equal(h[n - 2].cmd, WR_CMD_HELP);
	assert_int_equal(h[n - 1].cmd, WR_CMD_QUIT);
	n = command_hints(HINT_LOGS, false, false, false, false, h, 16);
	assert_int_equal(h[0].cmd, WR_CMD_FILTER);
	assert_false(has_hint(h, n, WR_CMD_ROLLBACK));
	/* Both ways through the matches, n next to N; read-only too, since
	 * in LOGS n writes no note. */
	assert_true(has_hint(h, n, WR_CMD_NOTE));
	assert_true(has_hint(h, n, WR_CMD_SEARCH_PREV));
	n = command_hints(HINT_LOGS, true, false, false, false, h, 16);
	assert_true(has_hint(h, n, WR_CMD_NOTE));
	assert_true(command_writes_journal_in(WR_CMD_NOTE, HINT_TIMELINE));
	assert_false(command_writes_journal_in(WR_CMD_NOTE, HINT_LOGS));
	n = command_hints(HINT_TIMELINE, true, false, false, false, h, 16);
	assert_false(has_hint(h, n, WR_CMD_NOTE));
	/* A pane out of range gets HOSTS' hints, not a read past the table. */
	n = command_hints((enum hint_pane)99, false, false, false, false, h, 16);
	assert_int_equal(h[0].cmd, WR_CMD_ROLLBACK);
	/* Read-only: the changes go, logs leads. */
	n = command_hints(HINT_HOSTS, true, false, false, false, h, 16);
	assert_int_equal(h[0].cmd, WR_CMD_OPEN);
	/* The cap holds. */
	assert_int_equal(command_hints(HINT_HOSTS, false, false, false, false, h, 2), 2);
}

static void
read_only_hints_offer_nothing_that_changes_production(void **state)
{
	struct key_hint h[16];
	size_t n, i;
	int p;

	for (p = HINT_HOSTS; p <= HINT_TIMELINE; p++) {
		n = command_hints((enum hint_pane)p, true, false, false, false, h, 16);
		for (i = 0; i < n; i++) {
			assert_false(command_is_mutating(h[i].cmd));
			/* Nothing it would refuse: no Space tick, n note, e export
			 * (n in LOGS is the next match, which it does not refuse). */
			assert_false(command_writes_journal_in(h[i].cmd, (enum hint_pane)p));
			assert_int_not_equal(h[i].cmd, WR_CMD_ARM);
		}
		assert_int_equal(h[n - 1].cmd, WR_CMD_QUIT);
	}
}

static void
armed_and_zoomed_hints_say_how_back(void **state)
{
	struct key_hint h[16];
	size_t n = command_hints(HINT_HOSTS, false, true, false, false, h, 16), i;

	for (i = 0; i < n && h[i].cmd != WR_CMD_ARM; i++)
		;
	assert_true(i < n);
	assert_string_equal(h[i].label, "disarm");
	n = command_hints(HINT_HOSTS, false, false, false, false, h, 16);
	for (i = 0; i < n && h[i].cmd != WR_CMD_ARM; i++)
		;
	assert_string_equal(h[i].label, "arm");
	n = command_hints(HINT_LOGS, false, false, true, false, h, 16);
	for (i = 0; i < n && h[i].cmd != WR_CMD_ZOOM; i++)
		;
	assert_true(i < n);
	assert_string_equal(h[i].label, "all panes");
}

/* TIMELINE folds a flapping verdict into one row: its footer names the
 * key that shows every record, and once they show, the one that folds
 * them again; a works in TIMELINE alone and says so elsewhere. */
static void
timeline_hints_say_every_record_and_back(void **state)
{
	struct key_hint h[16];
	char why[200];
	size_t n = command_hints(HINT_TIMELINE, true, false, false, false, h, 16), i;

	(void)state;
	for (i = 0; i < n && h[i].cmd != WR_CMD_ALL_RECORDS; i++)
		;
	assert_true(i < n);
	assert_string_equal(command_key(WR_CMD_ALL_RECORDS), "a");
	assert_string_equal(h[i].label, "every record");
	n = command_hints(HINT_TIMELINE, true, false, false, true, h, 16);
	for (i = 0; i < n && h[i].cmd != WR_CMD_ALL_RECORDS; i++)
		;
	assert_string_equal(h[i].label, "fold flips");
	n = command_hints(HINT_HOSTS, false, false, false, false, h, 16);
	assert_false(has_hint(h, n, WR_CMD_ALL_RECORDS));
	assert_int_equal(command_home_pane(WR_CMD_ALL_RECORDS), HINT_TIMELINE);
	assert_false(command_writes_journal(WR_CMD_ALL_RECORDS));
	assert_true(command_elsewhere(WR_CMD_ALL_RECORDS, why, sizeof(why)));
	assert_string_equal(why, "a shows every TIMELINE record: focus it first (5)");
}

static void
dialog_hints_are_the_dialogs_own_keys(void **state)
{
	struct dialog_hint h[4];

	assert_int_equal(command_dialog_hints("api", "roll back", false, true, true, h), 4);
	assert_string_equal(h[0].key, "Enter");
	assert_string_equal(h[0].label, "confirms once api is typed");
	assert_string_equal(h[1].key, "Esc");
	assert_string_equal(h[1].label, "cancel");
	assert_string_equal(h[2].key, "PgUp/PgDn");
	assert_string_equal(h[3].key, "Up/Down");
	assert_string_equal(h[3].label, "target");
	/* Typed: Enter does it; a short plan with one target has no more. */
	assert_int_equal(command_dialog_hints("api", "roll back", true, false, false, h), 2);
	assert_string_equal(h[0].label, "roll back");
	assert_string_equal(h[1].key, "Esc");
}

/* A STEP or TIMELINE entry overlay names its own keys on the footer, not
 * the pane's under it; a key it does not take says what to do first. */
static void
overlay_hints_are_the_overlays_own_keys(void **state)
{
	struct dialog_hint h[4];
	char why[160];

	(void)state;
	assert_int_equal(command_overlay_hints("step", 0, h), 1);
	assert_string_equal(h[0].key, "Esc/Enter");
	assert_string_equal(h[0].label, "close the step");
	assert_int_equal(command_overlay_hints("entry", 12, h), 2);
	assert_string_equal(h[0].label, "close the entry");
	assert_string_equal(h[1].key, "then a");
	assert_string_equal(h[1].label, "shows its 12 records");
	command_overlay_refusal("Tab", "entry", why, sizeof(why));
	assert_string_equal(why, "Tab acts once the entry is closed: Esc or Enter closes it");
}

/* A pane's own keys pressed elsewhere say which pane and which number
 * focuses it; the rest act from anywhere. */
static void
pane_keys_elsewhere_say_where_to_go(void **state)
{
	char buf[160];

	(void)state;
	assert_int_equal(command_home_pane(WR_CMD_FOLLOW), HINT_LOGS);
	assert_int_equal(command_home_pane(WR_CMD_WRAP), HINT_LOGS);
	assert_int_equal(command_home_pane(WR_CMD_TIMES), HINT_LOGS);
	assert_int_equal(command_home_pane(WR_CMD_SEARCH_PREV), HINT_LOGS);
	assert_int_equal(command_home_pane(WR_CMD_TICK), HINT_RUNBOOK);
	assert_int_equal(command_home_pane(WR_CMD_PREV_OPEN), HINT_RUNBOOK);
	assert_int_equal(command_home_pane(WR_CMD_NEXT_OPEN), HINT_RUNBOOK);
	/* Acting anywhere: prompts that name LOGS, n (a note elsewhere),
	 * R (the RUNBOOK pane shows the switch), the actions (their own
	 * words), moving and focusing. */
	assert_int_equal(command_home_pane(WR_CMD_FILTER), -1);
	assert_int_equal(command_home_pane(WR_CMD_LOGS_JUMP), -1);
	assert_int_equal(command_home_pane(WR_CMD_NOTE), -1);
	assert_int_equal(command_home_pane(WR_CMD_NEXT_RUNBOOK), -1);
	assert_int_equal(command_home_pane(WR_CMD_ROLLBACK), -1);
	assert_int_equal(command_home_pane(WR_CMD_UP), -1);

	assert_true(command_elsewhere(WR_CMD_FOLLOW, buf, sizeof(buf)));
	assert_string_equal(buf, "f follows or pauses LOGS: focus it first (3)");
	assert_true(command_elsewhere(WR_CMD_TICK, buf, sizeof(buf)));
	assert_string_equal(buf, "Space ticks a runbook step: focus RUNBOOK first (4)");
	assert_true(command_elsewhere(WR_CMD_PREV_OPEN, buf, sizeof(buf)));
	assert_string_equal(buf, "[ jumps to an unticked step: focus RUNBOOK first (4)");
	assert_false(command_elsewhere(WR_CMD_FILTER, buf, sizeof(buf)));
	/* Every pane's own key has its words. */
	for (int i = 0; i < WR_CMD_COUNT; i++)
		assert_true(command_home_pane((enum wr_command)i) < 0 ||
		    command_elsewhere((enum wr_command)i, buf, sizeof(buf)));
}

/* Enter in METRICS or LOGS does nothing: it says so, and where it acts. */
static void
enter_where_it_does_nothing_says_where_it_acts(void **state)
{
	char buf[256];

	(void)state;
	command_open_elsewhere(HINT_METRICS, buf, sizeof(buf));
	assert_string_equal(buf, "Enter does nothing in METRICS: in HOSTS (1) it tails the "
	    "service, in RUNBOOK (4) opens or folds the step, in TIMELINE (5) shows the entry "
	    "whole");
	command_open_elsewhere(HINT_LOGS, buf, sizeof(buf));
	assert_non_null(strstr(buf, "Enter does nothing in LOGS: "));
}

static void
help_lists_the_keys_that_change_production_first(void **state)
{
	const char *heading;
	int i, seen[WR_CMD_COUNT] = { 0 }, group = -1;
	enum wr_command c;

	(void)state;
	assert_int_equal(command_help_row(0, &heading), WR_CMD_NONE);
	assert_string_equal(heading, "Change production (an armed console only: A)");
	/* The keys that change production open the help, in table order. */
	assert_int_equal(command_help_row(1, &heading), WR_CMD_ROLLBACK);
	assert_int_equal(command_help_row(2, &heading), WR_CMD_ROLLBACK_ALL);
	for (i = 0; i < WR_HELP_ROWS; i++) {
		c = command_help_row(i, &heading);
		if (c == WR_CMD_NONE) {
			assert_non_null(heading);
			group++;
			continue;
		}
		assert_null(heading);
		/* Every command once, under the heading of its effect. */
		assert_int_equal(seen[c]++, 0);
		assert_int_equal(command_is_mutating(c), group == 0);
		assert_int_equal(command_writes_journal(c), group <= 1);
	}
	assert_int_equal(group, 2);
	for (i = 0; i < WR_CMD_COUNT; i++)
		assert_int_equal(seen[i], 1);
	assert_int_equal(command_help_row(WR_HELP_ROWS, &heading), WR_CMD_NONE);
	assert_null(heading);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dialog_hints_are_the_dialogs_own_keys),
		cmocka_unit_test(every_command_has_key_and_help),
		cmocka_unit_test(help_lists_the_keys_that_change_production_first),
		cmocka_unit_test(no_key_is_bound_twice),
		cmocka_unit_test(lookup_by_key_and_alt),
		cmocka_unit_test(table_names_match_enum),
		cmocka_unit_test(safety_lets_reads_through_always),
		cmocka_unit_test(safety_refuses_mutations_with_the_reason),
		cmocka_unit_test(safety_names_why_the_journal_refuses),
		cmocka_unit_test(resolved_incident_refuses_host_changes),
		cmocka_unit_test(read_only_refuses_every_key_that_writes_the_journal),
		cmocka_unit_test(hints_name_the_pane_keys_then_help_and_quit),
		cmocka_unit_test(read_only_hints_offer_nothing_that_changes_production),
		cmocka_unit_test(armed_and_zoomed_hints_say_how_back),
		cmocka_unit_test(timeline_hints_say_every_record_and_back),
		cmocka_unit_test(pane_keys_elsewhere_say_where_to_go),
		cmocka_unit_test(overlay_hints_are_the_overlays_own_keys),
		cmocka_unit_test(enter_where_it_does_nothing_says_where_it_acts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
