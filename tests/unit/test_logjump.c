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

#include "warroom/logbuf.h"
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

/* 2026-01-01 and a clock time. */
#define AT(h, m, s) (1767225600 + (h) * 3600 + (m) * 60 + (s))

/* @17:31 with eight tails, five of which dropped the lines of then: two
 * rows of an 80-column footer say how many, where their kept lines begin,
 * earliest and latest, and that the others have it, not a row a tail. */
static void
several_tails_short_of_the_moment_in_two_rows(void **state)
{
	struct logjump_tail t[8] = {
		{ "h1/api", 0, AT(17, 20, 0) },
		{ "h2/api", 0, AT(17, 10, 0) },
		{ "h3/api", 4000, AT(17, 33, 22) },
		{ "h4/api", 56482, AT(17, 33, 45) },
		{ "h5/api", 3000, AT(17, 33, 30) },
		{ "h6/api", 100, AT(17, 30, 0) },
		{ "h7/api", 2000, AT(17, 33, 40) },
		{ "h8/api", 9000, AT(17, 33, 41) },
	};
	char out[400];

	(void)state;
	assert_int_equal(logjump_drops_words(t, 8, 8, AT(17, 31, 0), "17:31:00", out,
	    sizeof(out)), 5);
	assert_string_equal(out, "none kept from 17:31:00 in 5 tails: oldest kept 17:33:22 "
	    "(h3/api) … 17:33:45 (h4/api); the others have it");
	/* A tail begun after then is not one of the others that have it. */
	t[0].oldest = AT(17, 32, 0);
	logjump_drops_words(t, 8, 8, AT(17, 31, 0), "17:31:00", out, sizeof(out));
	assert_string_equal(out, "none kept from 17:31:00 in 5 tails: oldest kept 17:33:22 "
	    "(h3/api) … 17:33:45 (h4/api); h2/api, h6/api do");
	t[0].oldest = AT(17, 20, 0);
	logjump_drops_words(t, 8, 8, AT(17, 31, 0), "17:31:00", out, sizeof(out));
	/* With what the footer says before it. */
	assert_true(strlen("LOGS from the oldest line kept, 17:33:22 UTC; ") + strlen(out) -
	    2 <= 2 * 78);
}

/* One tail short: named, with what it dropped, and the two that have it;
 * the tail the view starts with (skip) goes unsaid. */
static void
one_tail_short_of_the_moment(void **state)
{
	struct logjump_tail t[3] = {
		{ "h2/api", 0, AT(15, 20, 10) },
		{ "h9/api", 0, AT(15, 20, 11) },
		{ "h4/api", 1036, AT(15, 21, 51) },
	};
	char out[400];

	(void)state;
	assert_int_equal(logjump_drops_words(t, 3, 3, AT(15, 20, 15), "15:20:15", out,
	    sizeof(out)), 1);
	assert_string_equal(out, "h4/api has nothing that old: oldest kept 15:21:51 (1036 "
	    "dropped); h2/api, h9/api do");
	assert_int_equal(logjump_drops_words(t, 3, 2, AT(15, 20, 15), "15:20:15", out,
	    sizeof(out)), 0);
	assert_string_equal(out, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(typed_moments),
		cmocka_unit_test(the_examples_help_shows),
		cmocka_unit_test(what_is_refused),
		cmocka_unit_test(several_tails_short_of_the_moment_in_two_rows),
		cmocka_unit_test(one_tail_short_of_the_moment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
