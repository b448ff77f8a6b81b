/*
 * test_header_fit.c — the header at a width: the badges never give way;
 * the clock's date, informational items (to counts, then gone), the
 * incident's name, T+, the clock and " warroom" do, in that order, each
 * only when the line cannot hold it; a badge with shorter wordings takes
 * them after the name is down to HEADER_FIT_NAME_MIN, never is dropped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "warroom/header_fit.h"

/* " warroom │ api 5xx spike │ T+00:00:00 ... 2026-01-01 00:00:00 UTC ". */
static struct header_fit
fit(int cols, int badges)
{
	struct header_fit_in in = { .cols = cols, .badges = badges, .label = 8, .sep = 3,
		.name = 13, .elapsed = 10, .clock_long = 24, .clock_short = 13 };
	struct header_fit f;

	header_fit(&in, &f);
	/* Whatever was chosen fits beside the badges, one column spare. */
	if (f.label)
		assert_true(header_fit_left(&in, &f) + f.clock + badges + 1 <= cols);
	return f;
}

static void
wide_shows_everything(void **state)
{
	struct header_fit f = fit(80, 14);

	(void)state;
	assert_true(f.label);
	assert_int_equal(f.name, 13);
	assert_true(f.elapsed);
	assert_int_equal(f.clock, 24);
}

static void
parts_give_way_in_order(void **state)
{
	struct header_fit f;

	(void)state;
	/* First the date. */
	f = fit(80, 29);
	assert_int_equal(f.clock, 13);
	assert_int_equal(f.name, 13);
	/* Then the name is cut, down to a character and its ellipsis. */
	f = fit(80, 30);
	assert_int_equal(f.clock, 13);
	assert_int_equal(f.name, 12);
	assert_true(f.elapsed);
	f = fit(80, 40);
	assert_int_equal(f.name, 2);
	/* Then it goes; T+ stays. */
	f = fit(80, 42);
	assert_int_equal(f.name, 0);
	assert_true(f.elapsed);
	assert_int_equal(f.clock, 13);
	/* Then T+; the clock stays. */
	f = fit(80, 47);
	assert_false(f.elapsed);
	assert_int_equal(f.clock, 13);
	assert_true(f.label);
	/* Then the clock; " warroom" stays. */
	f = fit(80, 60);
	assert_int_equal(f.clock, 0);
	assert_true(f.label);
}

static void
badges_alone_when_they_need_the_line(void **state)
{
	/* ARMED 5:00, 1 UNKNOWN: host not read back yet, STATUS PAGE: FAILED
	 * at 80 columns: 74 columns of badges, and nothing else fits. */
	struct header_fit f = fit(80, 74);

	(void)state;
	assert_false(f.label);
	assert_int_equal(f.name, 0);
	assert_false(f.elapsed);
	assert_int_equal(f.clock, 0);
}

/* The watcher's header at 160 columns: READ-ONLY, ARMED: who since when
 * (or just who), 1 ACTION: NO OUTCOME YET, EXPORTS ON: a name (or a
 * count), "exports restored on k8s-bastion" (or a count), STATUS PAGE: 1
 * post UNKNOWN ... (or 1 UNKNOWN). */
static const struct header_fit_item watcher_items[] = {
	{ .nwords = 1, .width = { 11 } },
	{ .nwords = 2, .width = { 36, 21 } },
	{ .nwords = 1, .width = { 26 } },
	{ .nwords = 2, .width = { 26, 20 } },
	{ .info = true, .nwords = 2, .width = { 33, 28 } },
	{ .nwords = 2, .width = { 63, 24 } },
};

static struct header_fit
fit_items(int cols, const struct header_fit_item *items, size_t n)
{
	struct header_fit_in in = { .cols = cols, .items = items, .nitems = n, .label = 8,
		.sep = 3, .name = 13, .elapsed = 10, .clock_long = 24, .clock_short = 13 };
	struct header_fit f;
	size_t i;

	header_fit(&in, &f);
	/* Every badge is shown: only an informational item may be gone. */
	for (i = 0; i < n; i++)
		if (!items[i].info)
			assert_true(f.word[i] >= 0 && f.word[i] < items[i].nwords);
	if (f.label)
		assert_true(header_fit_left(&in, &f) + f.clock + header_fit_badges(&in, &f) + 1 <=
		    cols);
	return f;
}

static void
info_gives_way_before_any_badge(void **state)
{
	struct header_fit f;

	(void)state;
	/* Wide enough for all: every longest wording. */
	f = fit_items(300, watcher_items, 6);
	assert_int_equal(f.word[4], 0);
	assert_int_equal(f.word[5], 0);
	assert_int_equal(f.clock, 24);
	/* The date first, then the information to its count. */
	f = fit_items(260, watcher_items, 6);
	assert_int_equal(f.clock, 13);
	assert_int_equal(f.word[4], 0);
	f = fit_items(255, watcher_items, 6);
	assert_int_equal(f.word[4], 1);
	assert_int_equal(f.word[5], 0);
	assert_int_equal(f.name, 13);
	/* Then it goes, while every badge keeps its longest words. */
	f = fit_items(240, watcher_items, 6);
	assert_int_equal(f.word[4], -1);
	assert_int_equal(f.word[1], 0);
	assert_int_equal(f.word[5], 0);
	assert_int_equal(f.name, 13);
}

static void
badges_shorten_after_the_name_is_short(void **state)
{
	struct header_fit f;

	(void)state;
	/* The name is cut to HEADER_FIT_NAME_MIN before a badge shortens. */
	f = fit_items(220, watcher_items, 6);
	assert_int_equal(f.word[4], -1);
	assert_true(f.name >= HEADER_FIT_NAME_MIN && f.name < 13);
	assert_int_equal(f.word[5], 0);
	/* Then the last badge first; the name takes back what is left. */
	f = fit_items(200, watcher_items, 6);
	assert_int_equal(f.word[5], 1);
	assert_int_equal(f.word[3], 0);
	assert_int_equal(f.word[1], 0);
	assert_true(f.name >= HEADER_FIT_NAME_MIN);
	assert_true(f.elapsed);
	/* At 160 columns: every badge whole, in its short words, with the
	 * product's name, T+ and the clock. */
	f = fit_items(160, watcher_items, 6);
	assert_int_equal(f.word[4], -1);
	assert_true(f.label);
	assert_true(f.elapsed);
	assert_int_equal(f.clock, 13);
	assert_true(f.name > 0);
}

static void
badges_never_dropped(void **state)
{
	/* Far too narrow: every badge at its shortest, nothing else. */
	struct header_fit f = fit_items(80, watcher_items, 6);
	size_t i;

	(void)state;
	for (i = 0; i < 6; i++)
		if (!watcher_items[i].info)
			assert_int_equal(f.word[i], watcher_items[i].nwords - 1);
	assert_int_equal(f.word[4], -1);
	assert_false(f.label);
	assert_int_equal(f.clock, 0);
}

/* The same watcher's badges with their tiniest wordings last: RO,
 * ARMED: ic, 1 NO OUTCOME, EXPORTS ON: 1, SP: 1 UNKNOWN. */
static const struct header_fit_item watcher_tiny[] = {
	{ .tiny = true, .nwords = 2, .width = { 11, 4 } },
	{ .tiny = true, .nwords = 3, .width = { 36, 21, 11 } },
	{ .tiny = true, .nwords = 2, .width = { 26, 14 } },
	{ .tiny = true, .nwords = 3, .width = { 26, 20, 15 } },
	{ .info = true, .nwords = 2, .width = { 33, 28 } },
	{ .tiny = true, .nwords = 3, .width = { 63, 24, 15 } },
};

static void
tiny_words_hold_every_badge_in_80(void **state)
{
	struct header_fit_in in = { .cols = 80, .items = watcher_tiny, .nitems = 6, .label = 8,
		.sep = 3, .name = 13, .elapsed = 10, .clock_long = 24, .clock_short = 13 };
	struct header_fit f;
	size_t i;

	(void)state;
	header_fit(&in, &f);
	/* All five, within the line, one column spare. */
	for (i = 0; i < 6; i++)
		if (!watcher_tiny[i].info)
			assert_true(f.word[i] >= 0);
	assert_true(header_fit_left(&in, &f) + f.clock + header_fit_badges(&in, &f) + 1 <= 80);
	/* The clock and the program's name went first; READ-ONLY keeps its
	 * word, the rest take their tiniest. */
	assert_false(f.label);
	assert_int_equal(f.clock, 0);
	assert_int_equal(f.word[0], 0);
	assert_int_equal(f.word[1], 2);
	assert_int_equal(f.word[2], 1);
	assert_int_equal(f.word[3], 2);
	assert_int_equal(f.word[5], 2);
}

static void
tiny_words_wait_for_the_clock(void **state)
{
	struct header_fit f;

	(void)state;
	/* At 160 columns the tiniest are not needed: as without them. */
	f = fit_items(160, watcher_tiny, 6);
	assert_int_equal(f.word[0], 0);
	assert_int_equal(f.word[2], 0);
	assert_int_equal(f.word[5], 1);
	assert_true(f.label);
	assert_int_equal(f.clock, 13);
	/* Where the short words fit with " warroom" alone, no badge is
	 * tiny: 102 columns of them, 8 of the name, 1 spare. */
	f = fit_items(121, watcher_tiny, 6);
	assert_true(f.label);
	assert_int_equal(f.word[0], 0);
	assert_int_equal(f.word[1], 1);
	assert_int_equal(f.word[2], 0);
	assert_int_equal(f.word[3], 1);
	assert_int_equal(f.word[5], 1);
	/* One column less: " warroom" goes before a badge is tiny. */
	f = fit_items(120, watcher_tiny, 6);
	assert_false(f.label);
	assert_int_equal(f.word[2], 0);
	assert_int_equal(f.word[5], 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wide_shows_everything),
		cmocka_unit_test(parts_give_way_in_order),
		cmocka_unit_test(badges_alone_when_they_need_the_line),
		cmocka_unit_test(info_gives_way_before_any_badge),
		cmocka_unit_test(badges_shorten_after_the_name_is_short),
		cmocka_unit_test(badges_never_dropped),
		cmocka_unit_test(tiny_words_hold_every_badge_in_80),
		cmocka_unit_test(tiny_words_wait_for_the_clock),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
