/*
 * test_util.c — the bounded string helpers and edit distance.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/util.h"

static void
strlcpy_reports_truncation(void **state)
{
	char buf[4];

	assert_true(wr_strlcpy(buf, "abc", sizeof(buf)));
	assert_string_equal(buf, "abc");
	assert_false(wr_strlcpy(buf, "abcd", sizeof(buf)));
	assert_string_equal(buf, "abc");
}

static void
trim_both_ends(void **state)
{
	char s[] = " \t hello world \r\n";

	assert_string_equal(wr_trim(s), "hello world");
}

static void
edit_distance_counts_edits(void **state)
{
	assert_int_equal(wr_edit_distance("adress", "address"), 1);
	assert_int_equal(wr_edit_distance("port", "port"), 0);
	assert_int_equal(wr_edit_distance("", "abc"), 3);
	assert_int_equal(wr_edit_distance("kitten", "sitting"), 3);
}

static void
err_set_formats_and_returns_minus_one(void **state)
{
	struct wr_err err;

	assert_int_equal(wr_err_set(&err, "line %d: %s", 3, "bad"), -1);
	assert_string_equal(err.msg, "line 3: bad");
	assert_int_equal(wr_err_set(NULL, "ignored"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strlcpy_reports_truncation),
		cmocka_unit_test(trim_both_ends),
		cmocka_unit_test(edit_distance_counts_edits),
		cmocka_unit_test(err_set_formats_and_returns_minus_one),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
