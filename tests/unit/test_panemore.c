/*
 * test_panemore.c — the count a pane's border gives of the rows out of
 * view: ▲ above, ▼ below, "row" for one, shorter forms after, ASCII
 * arrows without UTF-8, and no form past the shortest.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "warroom/panemore.h"

static void
below_counts_rows_in_shorter_forms(void **state)
{
	char b[64];

	(void)state;
	assert_true(panemore_text(false, true, 9, 0, b, sizeof(b)));
	assert_string_equal(b, "▼ 9 more rows");
	assert_true(panemore_text(false, true, 9, 1, b, sizeof(b)));
	assert_string_equal(b, "▼ 9 more");
	assert_true(panemore_text(false, true, 9, 2, b, sizeof(b)));
	assert_string_equal(b, "▼ 9");
	assert_true(panemore_text(false, true, 9, 3, b, sizeof(b)));
	assert_string_equal(b, "▼9");
	assert_false(panemore_text(false, true, 9, 4, b, sizeof(b)));
	assert_string_equal(b, "");
}

static void
above_one_row_and_ascii(void **state)
{
	char b[64];

	(void)state;
	assert_true(panemore_text(true, true, 1, 0, b, sizeof(b)));
	assert_string_equal(b, "▲ 1 more row");
	assert_true(panemore_text(true, false, 3, 1, b, sizeof(b)));
	assert_string_equal(b, "^ 3 more");
	assert_true(panemore_text(false, false, 12, 3, b, sizeof(b)));
	assert_string_equal(b, "v12");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(below_counts_rows_in_shorter_forms),
		cmocka_unit_test(above_one_row_and_ascii),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
