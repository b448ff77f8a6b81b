/*
 * test_logjump.c — the moments an engineer types to jump LOGS to, against
 * a fixed clock: UTC clock times in the past, spans ago, RFC 3339.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/logjump.h"

/* 2026-11-26T19:40:30Z */
#define NOW 1795722030

static void
typed_moments(void **state)
{
	struct wr_err err;
	int64_t t;

	(void)state;
	assert_int_equal(logjump_parse("19:30", NOW, &t, &err), 0);
	assert_int_equal(t, NOW - 630);
	assert_int_equal(logjump_parse(" 19:40:15 ", NOW, &t, &err), 0);
	assert_int_equal(t, NOW - 15);
	/* Still to come today: yesterday's. */
	assert_int_equal(logjump_parse("23:00", NOW, &t, &err), 0);
	assert_int_equal(t, NOW - 86400 + 3 * 3600 + 19 * 60 + 30);
	assert_int_equal(logjump_parse("10m", NOW, &t, &err), 0);
	assert_int_equal(t, NOW - 600);
	assert_int_equal(logjump_parse("-1h30m", NOW, &t, &err), 0);
	assert_int_equal(t, NOW - 5400);
	assert_int_equal(logjump_parse("2026-11-26T18:00:00Z", NOW, &t, &err), 0);
	assert_int_equal(t, NOW - 6030);
	assert_int_equal(logjump_parse("2026-11-26T20:00:00+01:00", NOW, &t, &err), 0);
	assert_int_equal(t, NOW - 2430);
}

/* What help and the prompt show as examples is accepted as typed. */
static void
the_examples_help_shows(void **state)
{
	struct wr_err err;
	int64_t t;

	(void)state;
	assert_int_equal(logjump_parse("10m ago", NOW, &t, &err), 0);
	assert_int_equal(t, NOW - 600);
	assert_int_equal(logjump_parse(" 1h30m  AGO ", NOW, &t, &err), 0);
	assert_int_equal(t, NOW - 5400);
	assert_int_equal(logjump_parse("19:30 UTC", NOW, &t, &err), 0);
	assert_int_equal(t, NOW - 630);
	assert_int_equal(logjump_parse("19:40:15 utc", NOW, &t, &err), 0);
	assert_int_equal(t, NOW - 15);
	assert_int_equal(logjump_parse("19:30Z", NOW, &t, &err), 0);
	assert_int_equal(t, NOW - 630);
	assert_int_equal(logjump_parse("2026-11-26T19:30:00Z", NOW, &t, &err), 0);
	assert_int_equal(t, NOW - 630);
}

static void
what_is_refused(void **state)
{
	struct wr_err err;
	int64_t t = 7;

	(void)state;
	assert_int_equal(logjump_parse("", NOW, &t, &err), -1);
	assert_int_equal(logjump_parse("24:00", NOW, &t, &err), -1);
	assert_int_equal(logjump_parse("19:60", NOW, &t, &err), -1);
	assert_int_equal(logjump_parse("19:30:99", NOW, &t, &err), -1);
	assert_int_equal(logjump_parse("19:30pm", NOW, &t, &err), -1);
	assert_int_equal(logjump_parse("yesterday", NOW, &t, &err), -1);
	assert_string_equal(err.msg, "'yesterday' is not a time: 19:30 UTC, 10m ago or RFC 3339");
	/* Each word only with its own form. */
	assert_int_equal(logjump_parse("19:30 ago", NOW, &t, &err), -1);
	assert_int_equal(logjump_parse("10m UTC", NOW, &t, &err), -1);
	assert_int_equal(logjump_parse("-10m ago", NOW, &t, &err), -1);
	assert_int_equal(logjump_parse("ago", NOW, &t, &err), -1);
	assert_int_equal(logjump_parse("UTC", NOW, &t, &err), -1);
	assert_string_equal(err.msg, "'UTC' is not a time: 19:30 UTC, 10m ago or RFC 3339");
	assert_int_equal(logjump_parse("+5m", NOW, &t, &err), -1);
	assert_int_equal(t, 7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(typed_moments),
		cmocka_unit_test(the_examples_help_shows),
		cmocka_unit_test(what_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
