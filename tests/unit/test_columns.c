/*
 * test_columns.c — columns sized by their content, taken by priority while
 * they fit.
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
	columns_widen(&w, 14, 16);      /* "DOWN retry 12s" */
	assert_int_equal(w, 14);
	columns_widen(&w, 40, 16);
	assert_int_equal(w, 16);
}

static void
columns_are_taken_in_order_while_they_fit(void **state)
{
	const int w[] = { 12, 7, 4, 10 };
	bool show[4];

	(void)state;
	/* 12 + 1 + 7 + 1 + 4 = 25: the third fits exactly, the fourth not. */
	assert_int_equal(columns_pick(w, in_order, 4, 25, 1, show), 3);
	assert_true(show[0] && show[1] && show[2] && !show[3]);
	assert_int_equal(columns_pick(w, in_order, 4, 24, 1, show), 2);
	assert_int_equal(columns_pick(w, in_order, 4, 36, 1, show), 4);
	assert_int_equal(columns_pick(w, in_order, 4, 1000, 1, show), 4);
}

static void
a_wide_column_left_out_does_not_hide_a_narrow_one(void **state)
{
	/* HOST SERVICE TAG STATE HEALTH: STATE is too wide, HEALTH is not. */
	const int w[] = { 12, 7, 10, 15, 6 };
	const int prio[] = { 0, 1, 2, 3, 4 };
	bool show[5];

	(void)state;
	assert_int_equal(columns_pick(w, prio, 5, 40, 1, show), 4);
	assert_true(show[0] && show[1] && show[2] && !show[3] && show[4]);
}

static void
priority_is_not_table_order(void **state)
{
	const int w[] = { 5, 5, 5 };
	const int prio[] = { 2, 0, 1 };
	bool show[3];

	(void)state;
	assert_int_equal(columns_pick(w, prio, 3, 11, 1, show), 2);
	assert_true(show[2] && show[0] && !show[1]);
}

static void
a_narrow_pane_keeps_the_first_columns_clipped(void **state)
{
	const int w[] = { 12, 7, 4, 10 };
	bool show[4];

	(void)state;
	assert_int_equal(columns_pick(w, in_order, 4, 5, 3, show), 3);
	assert_true(show[0] && show[1] && show[2] && !show[3]);
	assert_int_equal(columns_pick(w, in_order, 4, 0, 3, show), 3);
	assert_int_equal(columns_pick(w, in_order, 2, 0, 3, show), 2);
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
