/*
 * test_layout.c — where the panes go: on a short screen (80x24, 100x30)
 * HOSTS spans the width on top (eight hosts at 80x24, ten at 100x30), the others
 * share what is left; taller (160x45, 200x50) the side-by-side columns.
 * Every column ends on the footer, a long footer takes its rows from the
 * bottom panes, and HOSTS never shrinks as the screen grows. HOSTS takes
 * only the rows its rows need: four hosts give the rest to the panes
 * below, twenty-four take it all.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/layout.h"

#define assert_rect(r, Y, X, H, W) do {                                       \
	assert_int_equal((r).y, (Y)); assert_int_equal((r).x, (X));            \
	assert_int_equal((r).h, (H)); assert_int_equal((r).w, (W));            \
} while (0)

static void
at_80x24_hosts_spans_the_top_and_logs_keeps_three_lines(void **state)
{
	struct layout lo;

	(void)state;
	layout_compute(&lo, 80, 24, -1, PANE_HOSTS, 1, 0);
	assert_false(lo.too_small);
	assert_true(lo.compact);
	assert_rect(lo.header, 0, 0, 1, 80);
	assert_rect(lo.footer, 23, 0, 1, 80);
	/* Borders, its header and eight hosts; LOGS three lines and its
	 * status line (with two, what Enter or + did there was out of
	 * sight). */
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 11, 80);
	assert_rect(lo.pane[PANE_METRICS], 12, 0, 5, 48);
	assert_rect(lo.pane[PANE_LOGS], 17, 0, 6, 48);
	assert_rect(lo.pane[PANE_RUNBOOK], 12, 48, 5, 32);
	assert_rect(lo.pane[PANE_TIMELINE], 17, 48, 6, 32);
}

static void
at_100x30_hosts_has_ten_hosts_and_the_rest_share(void **state)
{
	struct layout lo;

	(void)state;
	layout_compute(&lo, 100, 30, -1, PANE_HOSTS, 1, 0);
	assert_true(lo.compact);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 13, 100);
	assert_rect(lo.pane[PANE_METRICS], 14, 0, 7, 60);
	assert_rect(lo.pane[PANE_LOGS], 21, 0, 8, 60);
	assert_rect(lo.pane[PANE_RUNBOOK], 14, 60, 7, 40);
	assert_rect(lo.pane[PANE_TIMELINE], 21, 60, 8, 40);
}

static void
tall_screens_keep_the_columns(void **state)
{
	struct layout lo;

	(void)state;
	layout_compute(&lo, 160, 45, -1, PANE_HOSTS, 1, 0);
	assert_false(lo.compact);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 17, 96);
	assert_rect(lo.pane[PANE_METRICS], 18, 0, 10, 96);
	assert_rect(lo.pane[PANE_LOGS], 28, 0, 16, 96);
	assert_rect(lo.pane[PANE_RUNBOOK], 1, 96, 25, 64);
	assert_rect(lo.pane[PANE_TIMELINE], 26, 96, 18, 64);
	layout_compute(&lo, 200, 50, -1, PANE_HOSTS, 1, 0);
	assert_false(lo.compact);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 19, 120);
	assert_rect(lo.pane[PANE_METRICS], 20, 0, 12, 120);
	assert_rect(lo.pane[PANE_LOGS], 32, 0, 17, 120);
	assert_rect(lo.pane[PANE_RUNBOOK], 1, 120, 28, 80);
	assert_rect(lo.pane[PANE_TIMELINE], 29, 120, 20, 80);
}

/* Four hosts (a header and four rows inside the borders) at 80x24,
 * 100x30 and 160x45: HOSTS is seven rows, the panes below get the rest
 * (at 80x24 five rows of HOSTS stood blank while METRICS hid p95). */
static void
four_hosts_give_their_spare_rows_below(void **state)
{
	struct layout lo;

	(void)state;
	layout_compute(&lo, 80, 24, -1, PANE_HOSTS, 1, 5);
	assert_true(lo.compact);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 7, 80);
	assert_rect(lo.pane[PANE_METRICS], 8, 0, 7, 48);
	assert_rect(lo.pane[PANE_LOGS], 15, 0, 8, 48);
	assert_rect(lo.pane[PANE_RUNBOOK], 8, 48, 7, 32);
	assert_rect(lo.pane[PANE_TIMELINE], 15, 48, 8, 32);
	layout_compute(&lo, 100, 30, -1, PANE_HOSTS, 1, 5);
	assert_true(lo.compact);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 7, 100);
	assert_rect(lo.pane[PANE_METRICS], 8, 0, 10, 60);
	assert_rect(lo.pane[PANE_LOGS], 18, 0, 11, 60);
	assert_rect(lo.pane[PANE_RUNBOOK], 8, 60, 10, 40);
	assert_rect(lo.pane[PANE_TIMELINE], 18, 60, 11, 40);
	/* The columns: METRICS and LOGS share what HOSTS leaves. */
	layout_compute(&lo, 160, 45, -1, PANE_HOSTS, 1, 5);
	assert_false(lo.compact);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 7, 96);
	assert_rect(lo.pane[PANE_METRICS], 8, 0, 15, 96);
	assert_rect(lo.pane[PANE_LOGS], 23, 0, 21, 96);
	assert_rect(lo.pane[PANE_RUNBOOK], 1, 96, 25, 64);
	assert_rect(lo.pane[PANE_TIMELINE], 26, 96, 18, 64);
	/* A line under the table (a DOWN host's reason) is a row more. */
	layout_compute(&lo, 80, 24, -1, PANE_HOSTS, 1, 6);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 8, 80);
	assert_rect(lo.pane[PANE_METRICS], 9, 0, 7, 48);
	assert_rect(lo.pane[PANE_LOGS], 16, 0, 7, 48);
}

/* Twenty-four hosts want more than HOSTS may have: it keeps its most. */
static void
twenty_four_hosts_take_the_most(void **state)
{
	struct layout lo, all;
	int i;

	(void)state;
	layout_compute(&lo, 80, 24, -1, PANE_HOSTS, 1, 25);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 11, 80);
	assert_rect(lo.pane[PANE_METRICS], 12, 0, 5, 48);
	layout_compute(&lo, 100, 30, -1, PANE_HOSTS, 1, 25);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 13, 100);
	assert_rect(lo.pane[PANE_METRICS], 14, 0, 7, 60);
	layout_compute(&lo, 160, 45, -1, PANE_HOSTS, 1, 25);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 17, 96);
	assert_rect(lo.pane[PANE_METRICS], 18, 0, 10, 96);
	layout_compute(&all, 160, 45, -1, PANE_HOSTS, 1, 0);
	for (i = 0; i < PANE_COUNT; i++)
		assert_memory_equal(&lo.pane[i], &all.pane[i], sizeof(lo.pane[i]));
}

/* A six-row footer at 80x24 takes what LOGS and TIMELINE can give, each
 * keeping its border and a row; zoomed, the pane has the body less it. */
static void
a_long_footer_takes_rows_from_the_bottom_panes(void **state)
{
	struct layout lo;

	(void)state;
	layout_compute(&lo, 80, 24, -1, PANE_HOSTS, 6, 0);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 11, 80);
	assert_rect(lo.pane[PANE_LOGS], 17, 0, 3, 48);
	assert_rect(lo.pane[PANE_TIMELINE], 17, 48, 3, 32);
	layout_compute(&lo, 80, 24, PANE_LOGS, PANE_HOSTS, 3, 0);
	assert_rect(lo.pane[PANE_LOGS], 1, 0, 20, 80);
	assert_rect(lo.pane[PANE_HOSTS], 0, 0, 0, 0);
	/* Zoomed, more than LOGS and TIMELINE could give side by side. */
	layout_compute(&lo, 80, 24, PANE_HOSTS, PANE_HOSTS, 6, 0);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 17, 80);
	layout_compute(&lo, 79, 24, -1, PANE_HOSTS, 1, 0);
	assert_true(lo.too_small);
}

/* Every size from the least up: the columns end on the footer, and
 * HOSTS never loses a row when the screen gains one (no jump back at
 * the height where the columns take over). */
static void
every_height_fills_the_body_and_hosts_only_grows(void **state)
{
	struct layout lo;
	int lines, last = 0;

	(void)state;
	for (lines = 24; lines <= 80; lines++) {
		layout_compute(&lo, 120, lines, -1, PANE_HOSTS, 1, 0);
		assert_true(lo.pane[PANE_HOSTS].h >= last);
		last = lo.pane[PANE_HOSTS].h;
		assert_int_equal(lo.pane[PANE_LOGS].y + lo.pane[PANE_LOGS].h, lines - 1);
		assert_int_equal(lo.pane[PANE_TIMELINE].y + lo.pane[PANE_TIMELINE].h, lines - 1);
		assert_true(lo.pane[PANE_METRICS].h >= 5);
		assert_true(lo.pane[PANE_RUNBOOK].h >= 5);
		assert_true(lo.pane[PANE_LOGS].h >= 6);
		/* LOGS focused: the same ends, METRICS keeps its five. */
		layout_compute(&lo, 120, lines, -1, PANE_LOGS, 1, 0);
		assert_int_equal(lo.pane[PANE_LOGS].y + lo.pane[PANE_LOGS].h, lines - 1);
		assert_int_equal(lo.pane[PANE_TIMELINE].y + lo.pane[PANE_TIMELINE].h, lines - 1);
		assert_true(lo.pane[PANE_METRICS].h >= 5);
		assert_true(lo.pane[PANE_LOGS].h >= lo.pane[PANE_METRICS].h);
	}
}

/* 80x24 with ten hosts (a header and ten rows): focus on a pane below
 * and HOSTS keeps its borders, header and three rows; the focused pane's
 * column gives it the rest, the other pane there keeping five (LOGS had
 * three rows inside: reading them meant z every time). */
static void
a_focused_pane_below_gets_the_rows_hosts_gives(void **state)
{
	struct layout lo, hosts;

	(void)state;
	layout_compute(&hosts, 80, 24, -1, PANE_HOSTS, 1, 11);
	assert_rect(hosts.pane[PANE_HOSTS], 1, 0, 11, 80);
	assert_rect(hosts.pane[PANE_LOGS], 17, 0, 6, 48);
	layout_compute(&lo, 80, 24, -1, -1, 1, 11);
	assert_memory_equal(&lo, &hosts, sizeof(lo));
	/* Hiding a host for two rows is no trade: four hosts' HOSTS (eight
	 * rows) stays; with three rows to give, it gives them. */
	layout_compute(&hosts, 80, 24, -1, PANE_HOSTS, 1, 6);
	layout_compute(&lo, 80, 24, -1, PANE_LOGS, 1, 6);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 8, 80);
	assert_rect(hosts.pane[PANE_HOSTS], 1, 0, 8, 80);
	/* Its column's share still leans to the focused pane. */
	assert_true(lo.pane[PANE_LOGS].h > hosts.pane[PANE_LOGS].h);
	layout_compute(&lo, 80, 24, -1, PANE_LOGS, 1, 7);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 6, 80);
	layout_compute(&lo, 80, 24, -1, PANE_LOGS, 1, 11);
	assert_true(lo.compact);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 6, 80);
	assert_rect(lo.pane[PANE_METRICS], 7, 0, 5, 48);
	assert_rect(lo.pane[PANE_LOGS], 12, 0, 11, 48);
	assert_true(lo.pane[PANE_LOGS].h - 2 >= 8);
	assert_rect(lo.pane[PANE_RUNBOOK], 7, 48, 8, 32);
	assert_rect(lo.pane[PANE_TIMELINE], 15, 48, 8, 32);
	layout_compute(&lo, 80, 24, -1, PANE_METRICS, 1, 11);
	assert_rect(lo.pane[PANE_METRICS], 7, 0, 11, 48);
	assert_rect(lo.pane[PANE_LOGS], 18, 0, 5, 48);
	layout_compute(&lo, 80, 24, -1, PANE_RUNBOOK, 1, 11);
	assert_rect(lo.pane[PANE_RUNBOOK], 7, 48, 11, 32);
	assert_rect(lo.pane[PANE_TIMELINE], 18, 48, 5, 32);
	assert_rect(lo.pane[PANE_METRICS], 7, 0, 8, 48);
	layout_compute(&lo, 80, 24, -1, PANE_TIMELINE, 1, 11);
	assert_rect(lo.pane[PANE_RUNBOOK], 7, 48, 5, 32);
	assert_rect(lo.pane[PANE_TIMELINE], 12, 48, 11, 32);
	/* A two-row footer still comes off the bottom panes. */
	layout_compute(&lo, 80, 24, -1, PANE_LOGS, 2, 11);
	assert_rect(lo.pane[PANE_LOGS], 12, 0, 10, 48);
	assert_rect(lo.pane[PANE_TIMELINE], 15, 48, 7, 32);
	/* A six-row footer: RUNBOOK focused gives it five rows, TIMELINE
	 * keeping five (from TIMELINE alone it could have had three). */
	layout_compute(&lo, 80, 24, -1, PANE_RUNBOOK, 6, 11);
	assert_rect(lo.pane[PANE_RUNBOOK], 7, 48, 6, 32);
	assert_rect(lo.pane[PANE_TIMELINE], 13, 48, 5, 32);
	assert_rect(lo.pane[PANE_METRICS], 7, 0, 8, 48);
	assert_rect(lo.pane[PANE_LOGS], 15, 0, 3, 48);
	layout_compute(&lo, 80, 24, -1, PANE_METRICS, 6, 11);
	assert_rect(lo.pane[PANE_METRICS], 7, 0, 6, 48);
	assert_rect(lo.pane[PANE_LOGS], 13, 0, 5, 48);
	assert_rect(lo.pane[PANE_TIMELINE], 15, 48, 3, 32);
	/* Two hosts need fewer rows than that: HOSTS keeps its five. */
	layout_compute(&lo, 80, 24, -1, PANE_LOGS, 1, 3);
	assert_rect(lo.pane[PANE_HOSTS], 1, 0, 5, 80);
	assert_rect(lo.pane[PANE_LOGS], 11, 0, 12, 48);
}

/* Tab across the columns moves only what it must: with a pane below a
 * compact HOSTS focused, the other column is split evenly whichever of
 * its panes had the focus last, and the same for either pane focused in
 * the focused column (RUNBOOK focused after LOGS re-split METRICS and
 * LOGS, after METRICS it left them). */
static void
the_column_without_the_focus_keeps_one_split(void **state)
{
	struct layout a, b;
	int lines;

	(void)state;
	for (lines = 24; lines <= 34; lines++) {
		layout_compute(&a, 80, lines, -1, PANE_RUNBOOK, 1, 11);
		layout_compute(&b, 80, lines, -1, PANE_TIMELINE, 1, 11);
		if (!a.compact)
			break;
		assert_memory_equal(&a.pane[PANE_HOSTS], &b.pane[PANE_HOSTS], sizeof(a.pane[0]));
		assert_memory_equal(&a.pane[PANE_METRICS], &b.pane[PANE_METRICS], sizeof(a.pane[0]));
		assert_memory_equal(&a.pane[PANE_LOGS], &b.pane[PANE_LOGS], sizeof(a.pane[0]));
		assert_true(a.pane[PANE_LOGS].h - a.pane[PANE_METRICS].h <= 1);
		assert_true(a.pane[PANE_LOGS].h - a.pane[PANE_METRICS].h >= 0);
		layout_compute(&a, 80, lines, -1, PANE_METRICS, 1, 11);
		layout_compute(&b, 80, lines, -1, PANE_LOGS, 1, 11);
		assert_memory_equal(&a.pane[PANE_HOSTS], &b.pane[PANE_HOSTS], sizeof(a.pane[0]));
		assert_memory_equal(&a.pane[PANE_RUNBOOK], &b.pane[PANE_RUNBOOK], sizeof(a.pane[0]));
		assert_memory_equal(&a.pane[PANE_TIMELINE], &b.pane[PANE_TIMELINE], sizeof(a.pane[0]));
		assert_true(a.pane[PANE_TIMELINE].h - a.pane[PANE_RUNBOOK].h <= 1);
		assert_true(a.pane[PANE_TIMELINE].h - a.pane[PANE_RUNBOOK].h >= 0);
	}
	assert_true(lines > 24);
}

/* The side-by-side columns and a zoomed pane do not move with the focus. */
static void
the_focus_leaves_tall_screens_and_zoom_alone(void **state)
{
	struct layout lo, hosts;
	int p;

	(void)state;
	layout_compute(&hosts, 160, 45, -1, PANE_HOSTS, 1, 11);
	for (p = 0; p < PANE_COUNT; p++) {
		layout_compute(&lo, 160, 45, -1, p, 1, 11);
		assert_memory_equal(&lo, &hosts, sizeof(lo));
	}
	layout_compute(&lo, 80, 24, PANE_LOGS, PANE_LOGS, 1, 11);
	assert_rect(lo.pane[PANE_LOGS], 1, 0, 22, 80);
	assert_rect(lo.pane[PANE_HOSTS], 0, 0, 0, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(at_80x24_hosts_spans_the_top_and_logs_keeps_three_lines),
		cmocka_unit_test(at_100x30_hosts_has_ten_hosts_and_the_rest_share),
		cmocka_unit_test(tall_screens_keep_the_columns),
		cmocka_unit_test(four_hosts_give_their_spare_rows_below),
		cmocka_unit_test(twenty_four_hosts_take_the_most),
		cmocka_unit_test(a_long_footer_takes_rows_from_the_bottom_panes),
		cmocka_unit_test(every_height_fills_the_body_and_hosts_only_grows),
		cmocka_unit_test(a_focused_pane_below_gets_the_rows_hosts_gives),
		cmocka_unit_test(the_column_without_the_focus_keeps_one_split),
		cmocka_unit_test(the_focus_leaves_tall_screens_and_zoom_alone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
