/*
 * test_columns.c — columns sized by their content, taken while they fit.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "warroom/columns.h"

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

	(void)state;
	/* 12 + 1 + 7 + 1 + 4 = 25: the third fits exactly, the fourth not. */
	assert_int_equal(columns_fit(w, 4, 25, 1), 3);
	assert_int_equal(columns_fit(w, 4, 24, 1), 2);
	assert_int_equal(columns_fit(w, 4, 36, 1), 4);
	assert_int_equal(columns_fit(w, 4, 1000, 1), 4);
}

static void
a_narrow_pane_keeps_the_first_columns_clipped(void **state)
{
	const int w[] = { 12, 7, 4, 10 };

	(void)state;
	assert_int_equal(columns_fit(w, 4, 5, 3), 3);
	assert_int_equal(columns_fit(w, 4, 0, 3), 3);
	assert_int_equal(columns_fit(w, 2, 0, 3), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_column_grows_to_its_widest_cell_up_to_its_cap),
		cmocka_unit_test(columns_are_taken_in_order_while_they_fit),
		cmocka_unit_test(a_narrow_pane_keeps_the_first_columns_clipped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
