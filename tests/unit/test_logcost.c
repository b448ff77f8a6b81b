/*
 * test_logcost.c — what + costs the history LOGS holds: the time every
 * tail keeps back to once the new tail's lines take room in a full budget
 * (the tails held are not started over), and the footer's words naming
 * the tail that loses most, short enough for two footer rows at 80
 * columns.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/logbuf.h"
#include "warroom/logcost.h"

/* 2026-01-01 and a clock time. */
#define AT(h, m, s) (1767225600 + (h) * 3600 + (m) * 60 + (s))
#define MIB ((size_t)1 << 20)

/* h4/api at 300 lines of about 600 bytes a second (180 kB/s) beside three
 * quiet tails: 63 MiB hold about six minutes of them, so + at 15:32:30
 * leaves h4 from 15:26 where it had kept from 15:23 (the quiet tails
 * lose some too). */
static void
a_full_budget_names_the_tail_losing_most(void **state)
{
	struct logcost_tail t[4] = {
		{ "h4/api", AT(15, 23, 10), AT(15, 32, 30), 560 * 180000 },
		{ "h2/api", AT(15, 25, 0), AT(15, 32, 29), 450 * 1000 },
		{ "h7/api", AT(15, 25, 0), AT(15, 32, 20), 440 * 1000 },
		{ "h9/api", AT(15, 30, 0), AT(15, 32, 0), 120 * 1000 },
	};
	char out[400];
	int64_t from;
	size_t len;

	(void)state;
	from = logcost_keep_from(t, 4, 63 * MIB, AT(15, 32, 30));
	assert_true(from > AT(15, 26, 0) && from < AT(15, 27, 0));
	len = logcost_words(t, 4, "h5/api", 63 * MIB, 64 * MIB, AT(15, 32, 30),
	    out, sizeof(out));
	assert_int_equal(len, strlen(out));
	assert_string_equal(out, "+ h5/api: LOGS now follows 5 services; the log budget "
	    "(64 MiB) is full, so h4/api keeps from about 15:26:30 (was 15:23:10; 2 other tails "
	    "lose "
	    "some too)");
	/* Two rows of an 80-column footer. */
	assert_true(strlen(out) <= 2 * 78);
}

/* Quiet tails the budget holds whole: + leaves them as they are, so a
 * tail followed since 15:00 keeps every line however far back the new
 * tail's backlog reaches, and the footer has nothing to say. */
static void
tails_held_lose_nothing_while_there_is_room(void **state)
{
	struct logcost_tail t[2] = {
		{ "h2/api", AT(15, 0, 0), AT(15, 32, 0), 1920 * 500 },
		{ "h7/api", AT(15, 21, 0), AT(15, 32, 0), 660 * 500 },
	};
	char out[400] = "x";

	(void)state;
	assert_true(logcost_keep_from(t, 2, 63 * MIB, AT(15, 32, 30)) < AT(15, 0, 0));
	assert_int_equal(logcost_words(t, 2, "h5/api", 63 * MIB, 64 * MIB, AT(15, 32, 30), out,
	    sizeof(out)), 0);
	assert_string_equal(out, "");
}

/* A 1 MiB budget full of h1's flood: h2 at 100 bytes a second holds the
 * oldest lines, so the new tail's take from it, but its ring's smallest
 * room (64 KiB, about 11 minutes of it) stays whatever h1 takes. */
static void
a_quiet_tail_keeps_its_smallest_room(void **state)
{
	struct logcost_tail t[2] = {
		{ "h1/api", AT(15, 32, 25), AT(15, 32, 30), 5 * 190000 },
		{ "h2/api", AT(15, 20, 0), AT(15, 32, 30), 750 * 100 },
	};
	char out[400];

	(void)state;
	logcost_words(t, 2, "h3/api", MIB - 64 * 1024, MIB, AT(15, 32, 30), out,
	    sizeof(out));
	assert_string_equal(out, "+ h3/api: LOGS now follows 3 services; the log budget "
	    "(1 MiB) is full, so h2/api keeps from about 15:21:35 (was 15:20:00)");
}

/* Every tail held back to the same time already (the budget shared by
 * use): nothing is sure to go, but the new tail's lines will take room,
 * which the footer says with where the biggest tail's lines begin now. */
static void
a_full_budget_with_no_sure_loss_says_the_new_tail_takes_room(void **state)
{
	struct logcost_tail t[2] = {
		{ "h4/api", AT(15, 26, 30), AT(15, 32, 30), 360 * 180000 },
		{ "h2/api", AT(15, 26, 30), AT(15, 32, 30), 360 * 3000 },
	};
	char out[400];

	(void)state;
	logcost_words(t, 2, "h5/api", 63 * MIB, 64 * MIB, AT(15, 32, 30), out,
	    sizeof(out));
	assert_string_equal(out, "+ h5/api: LOGS now follows 3 services; the log budget "
	    "(64 MiB) is full, so its lines take the oldest: h4/api's first (kept from "
	    "15:26:30 now)");
	assert_true(strlen(out) <= 2 * 78);
}

/* The oldest kept line at 17:35:36 is not "17:35", which claimed
 * history no ring held: to the second, and a loss under a minute (not
 * sure enough to name as the tail losing most) says where it stood. */
static void
the_times_are_to_the_second(void **state)
{
	struct logcost_tail t[2] = {
		{ "h4/api", AT(17, 35, 36), AT(17, 41, 36), 360 * 180000 },
		{ "h2/api", AT(17, 35, 36), AT(17, 41, 36), 360 * 3000 },
	};
	char out[400];

	(void)state;
	logcost_words(t, 2, "h5/api", 330 * 183000, 64 * MIB, AT(17, 41, 36),
	    out, sizeof(out));
	assert_string_equal(out, "+ h5/api: LOGS now follows 3 services; the log budget "
	    "(64 MiB) is full, so its lines take the oldest: h4/api keeps from about "
	    "17:36:06 (was 17:35:36)");
	assert_true(strlen(out) <= 2 * 78);
}

/* Nothing lost (a tail's loss under a minute is none; one with no stamped
 * lines is not judged): no words. */
static void
no_loss_no_words(void **state)
{
	struct logcost_tail t[3] = {
		{ "h2/api", AT(15, 22, 0), AT(15, 32, 0), 600 * 500 },
		{ "h7/api", AT(15, 25, 0), AT(15, 32, 0), 420 * 500 },
		{ "h9/api", WR_LOGBUF_NO_TIME, WR_LOGBUF_NO_TIME, 4096 },
	};
	char out[400] = "x";

	(void)state;
	assert_int_equal(logcost_words(t, 3, "h5/api", 63 * MIB, 64 * MIB, AT(15, 32, 30), out, sizeof(out)), 0);
	assert_string_equal(out, "");
	assert_int_equal(logcost_words(t, 0, "h5/api", 63 * MIB, 64 * MIB, AT(15, 32, 30), out, sizeof(out)), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_full_budget_names_the_tail_losing_most),
		cmocka_unit_test(tails_held_lose_nothing_while_there_is_room),
		cmocka_unit_test(a_quiet_tail_keeps_its_smallest_room),
		cmocka_unit_test(a_full_budget_with_no_sure_loss_says_the_new_tail_takes_room),
		cmocka_unit_test(the_times_are_to_the_second),
		cmocka_unit_test(no_loss_no_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
