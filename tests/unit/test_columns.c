/*
 * test_columns.c — columns sized by their content, taken by priority while
 * they fit, brief first and widened where the priority says.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "warroom/columns.h"

static const int in_order[] = { 0, 1, 2, 3 };

static void
a_column_grows_to_its_widest_cell_up_to_its_cap(void **state)
{
	int w = 4;                      /* the title "CONN" */

	(void)state;
	columns_widen(&w, 2, 16);       /* "UP" */
	assert_int_equal(w, 4);
	columns_widen(&w, 10, 16);      /* "DOWN 2m43s" */
	assert_int_equal(w, 10);
	columns_widen(&w, 40, 16);
	assert_int_equal(w, 16);
}

static void
columns_are_taken_in_order_while_they_fit(void **state)
{
	const int w[] = { 12, 7, 4, 10 };
	bool show[4];
	int wd[4];

	(void)state;
	/* 12 + 1 + 7 + 1 + 4 = 25: the third fits exactly, the fourth not. */
	assert_int_equal(columns_pick(w, NULL, in_order, 4, 4, 25, 1, show, wd), 3);
	assert_true(show[0] && show[1] && show[2] && !show[3]);
	assert_int_equal(columns_pick(w, NULL, in_order, 4, 4, 24, 1, show, wd), 2);
	assert_int_equal(columns_pick(w, NULL, in_order, 4, 4, 36, 1, show, wd), 4);
	assert_int_equal(columns_pick(w, NULL, in_order, 4, 4, 1000, 1, show, wd), 4);
}

static void
a_wide_column_left_out_does_not_hide_a_narrow_one(void **state)
{
	/* HOST SERVICE TAG STATE HEALTH: STATE is too wide, HEALTH is not. */
	const int w[] = { 12, 7, 10, 15, 6 };
	const int prio[] = { 0, 1, 2, 3, 4 };
	bool show[5];
	int wd[5];

	(void)state;
	assert_int_equal(columns_pick(w, NULL, prio, 5, 5, 40, 1, show, wd), 4);
	assert_true(show[0] && show[1] && show[2] && !show[3] && show[4]);
}

static void
priority_is_not_table_order(void **state)
{
	const int w[] = { 5, 5, 5 };
	const int prio[] = { 2, 0, 1 };
	bool show[3];
	int wd[3];

	(void)state;
	assert_int_equal(columns_pick(w, NULL, prio, 3, 3, 11, 1, show, wd), 2);
	assert_true(show[2] && show[0] && !show[1]);
}

static void
a_narrow_pane_keeps_the_first_columns_clipped(void **state)
{
	const int w[] = { 12, 7, 4, 10 };
	bool show[4];
	int wd[4];

	(void)state;
	assert_int_equal(columns_pick(w, NULL, in_order, 4, 4, 5, 3, show, wd), 3);
	assert_true(show[0] && show[1] && show[2] && !show[3]);
	assert_int_equal(columns_pick(w, NULL, in_order, 4, 4, 0, 3, show, wd), 3);
	assert_int_equal(columns_pick(w, NULL, in_order, 2, 2, 0, 3, show, wd), 2);
}

static void
a_brief_form_leaves_room_for_a_column_that_matters_more(void **state)
{
	/* HOST SERVICE CONN AGE: CONN says "DOWN 12h05m" (11) or "DOWN 12h"
	 * (8); in 34 cells the long form would push AGE out. */
	const int full[] = { 12, 7, 11, 3 };
	const int brief[] = { 12, 7, 8, 3 };
	const int steps[] = { 0, 1, 2, 3, COLUMNS_WIDEN(2) };
	bool show[4];
	int wd[4];

	(void)state;
	assert_int_equal(columns_pick(full, brief, steps, 5, 4, 34, 3, show, wd), 4);
	assert_true(show[0] && show[1] && show[2] && show[3]);
	assert_int_equal(wd[2], 8);
	/* Room for the long form too: widened. */
	assert_int_equal(columns_pick(full, brief, steps, 5, 4, 40, 3, show, wd), 4);
	assert_int_equal(wd[2], 11);
	/* Without a brief form the same pane loses AGE. */
	assert_int_equal(columns_pick(full, NULL, steps, 5, 4, 34, 3, show, wd), 3);
	assert_false(show[3]);
	assert_int_equal(wd[3], 0);
}

static void
a_widening_step_comes_before_the_columns_after_it(void **state)
{
	/* STATE "running healthy" (15) or "running" (7), then DRIVER (7). */
	const int full[] = { 10, 15, 7 };
	const int brief[] = { 10, 7, 7 };
	const int before[] = { 0, 1, COLUMNS_WIDEN(1), 2 };
	const int after[] = { 0, 1, 2, COLUMNS_WIDEN(1) };
	bool show[3];
	int wd[3];

	(void)state;
	/* 10 + 1 + 15 = 26: the long STATE fits, DRIVER then does not. */
	assert_int_equal(columns_pick(full, brief, before, 4, 3, 30, 1, show, wd), 2);
	assert_true(show[1] && !show[2]);
	assert_int_equal(wd[1], 15);
	/* DRIVER first: 10 + 1 + 7 + 1 + 7 = 26, no room left to widen. */
	assert_int_equal(columns_pick(full, brief, after, 4, 3, 30, 1, show, wd), 3);
	assert_int_equal(wd[1], 7);
}

static void
columns_left_brief_are_widened_when_room_is_left(void **state)
{
	const int full[] = { 5, 9, 9 };
	const int brief[] = { 5, 4, 4 };
	const int steps[] = { 0, 1, 2 };   /* no widening step at all */
	bool show[3];
	int wd[3];

	(void)state;
	/* 5 + 1 + 4 + 1 + 4 = 15; 5 more cells widen the first of them. */
	assert_int_equal(columns_pick(full, brief, steps, 3, 3, 20, 1, show, wd), 3);
	assert_int_equal(wd[1], 9);
	assert_int_equal(wd[2], 4);
	assert_int_equal(columns_pick(full, brief, steps, 3, 3, 25, 1, show, wd), 3);
	assert_int_equal(wd[2], 9);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_column_grows_to_its_widest_cell_up_to_its_cap),
		cmocka_unit_test(columns_are_taken_in_order_while_they_fit),
		cmocka_unit_test(a_wide_column_left_out_does_not_hide_a_narrow_one),
		cmocka_unit_test(priority_is_not_table_order),
		cmocka_unit_test(a_narrow_pane_keeps_the_first_columns_clipped),
		cmocka_unit_test(a_brief_form_leaves_room_for_a_column_that_matters_more),
		cmocka_unit_test(a_widening_step_comes_before_the_columns_after_it),
		cmocka_unit_test(columns_left_brief_are_widened_when_room_is_left),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
