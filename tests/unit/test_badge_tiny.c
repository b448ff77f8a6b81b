/*
 * test_badge_tiny.c — the badges' tiniest wordings keep the alarm word
 * and the count, and drop names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/badge_tiny.h"

static void
armed_keeps_the_label(void **state)
{
	char b[64];

	(void)state;
	badge_tiny_armed("ic (root@vm)", false, b, sizeof(b));
	assert_string_equal(b, " ARMED: ic ");
	badge_tiny_armed("ic (root@vm)", true, b, sizeof(b));
	assert_string_equal(b, " ARMED GONE: ic ");
	badge_tiny_armed("bob@vm", false, b, sizeof(b));
	assert_string_equal(b, " ARMED: bob@vm ");
}

static void
counts_only(void **state)
{
	char b[64];

	(void)state;
	badge_tiny_none_yet(1, b, sizeof(b));
	assert_string_equal(b, " 1 NO OUTCOME ");
	badge_tiny_exports(2, 0, b, sizeof(b));
	assert_string_equal(b, " EXPORTS ON: 2 ");
	badge_tiny_exports(2, 1, b, sizeof(b));
	assert_string_equal(b, " EXPORTS ON: 2; ?: 1 ");
	badge_tiny_exports(0, 3, b, sizeof(b));
	assert_string_equal(b, " EXPORTS ?: 3 ");
	badge_tiny_exports(0, 0, b, sizeof(b));
	assert_string_equal(b, "");
}

static void
statuspage_in_two_letters(void **state)
{
	struct statuspage_badge_in in = { .failed = 1, .unknown = 1, .retry_in_s = -1 };
	char b[64];

	(void)state;
	badge_tiny_statuspage(&in, b, sizeof(b));
	assert_string_equal(b, " SP: 1 UNKNOWN ");
	memset(&in, 0, sizeof(in));
	badge_tiny_statuspage(&in, b, sizeof(b));
	assert_string_equal(b, "");
}

/* The states whose shortest wording says why (a console gone, an HTTP
 * status): the alarm word and the count only, so a watcher's five badges
 * fit in 80 columns. */
static void
statuspage_why_left_to_wider_words(void **state)
{
	struct statuspage_badge_in in = { .pending = 1, .gone = 1, .retry_in_s = -1 };
	char b[64];

	(void)state;
	badge_tiny_statuspage(&in, b, sizeof(b));
	assert_string_equal(b, " SP: 1 STUCK ");
	memset(&in, 0, sizeof(in));
	in.pending = 2;
	in.failing = true;
	in.fail_status = 500;
	badge_tiny_statuspage(&in, b, sizeof(b));
	assert_string_equal(b, " SP: 2 FAILING ");
	in.failing = false;
	in.failed = 1;
	badge_tiny_statuspage(&in, b, sizeof(b));
	assert_string_equal(b, " SP: 1 FAILED ");
	in.failed = 0;
	badge_tiny_statuspage(&in, b, sizeof(b));
	assert_string_equal(b, " SP: 2 pending ");
}

/* A schema left ahead by a rollback: named, then counted, then the alarm
 * word and the count alone. */
static void
schema_ahead_names_then_counts(void **state)
{
	static const char *const names[] = { "api-1", "api-2", "h3", "h4" };
	char b[128];

	(void)state;
	badge_schema_ahead(names, 1, 0, b, sizeof(b));
	assert_string_equal(b, " SCHEMA AHEAD: api-1 ");
	badge_schema_ahead(names, 4, 0, b, sizeof(b));
	assert_string_equal(b, " SCHEMA AHEAD: api-1 api-2 h3 … ");
	badge_schema_ahead(names, 4, 1, b, sizeof(b));
	assert_string_equal(b, " SCHEMA AHEAD: 4 ");
	badge_schema_ahead(names, 2, 2, b, sizeof(b));
	assert_string_equal(b, " AHEAD: 2 ");
	badge_schema_ahead(names, 0, 0, b, sizeof(b));
	assert_string_equal(b, "");
	badge_schema_ahead(names, 2, 3, b, sizeof(b));
	assert_string_equal(b, "");
}

/* A host refused for a changed key: named, counted, then "KEY CHG". */
static void
key_changed_names_then_counts(void **state)
{
	static const char *const names[] = { "h3", "h7" };
	char b[128];

	(void)state;
	badge_key_changed(names, 1, 0, b, sizeof(b));
	assert_string_equal(b, " KEY CHANGED: h3 ");
	badge_key_changed(names, 2, 1, b, sizeof(b));
	assert_string_equal(b, " KEY CHANGED: 2 ");
	badge_key_changed(names, 2, 2, b, sizeof(b));
	assert_string_equal(b, " KEY CHG: 2 ");
	badge_key_changed(names, 0, 0, b, sizeof(b));
	assert_string_equal(b, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(armed_keeps_the_label),
		cmocka_unit_test(counts_only),
		cmocka_unit_test(schema_ahead_names_then_counts),
		cmocka_unit_test(statuspage_in_two_letters),
		cmocka_unit_test(statuspage_why_left_to_wider_words),
		cmocka_unit_test(key_changed_names_then_counts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
