/*
 * test_rbprogress.c — a RUNBOOK section's count and age, long and short.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "warroom/rbprogress.h"

static void
ages_keep_their_unit(void **state)
{
	char b[32];

	(void)state;
	rbprogress_ago(125000, 0, b, sizeof(b));
	assert_string_equal(b, "2m");
	rbprogress_ago(45000, 0, b, sizeof(b));
	assert_string_equal(b, "45s");
	rbprogress_ago(3900000, 0, b, sizeof(b));
	assert_string_equal(b, "1h05m");
	rbprogress_ago(0, 5000, b, sizeof(b));
	assert_string_equal(b, "0s");
}

/* The brief form keeps the age whole ("2m"), not "started 2…". */
static void
words_long_and_brief(void **state)
{
	char b[64];

	(void)state;
	rbprogress_words(1, 3, "2m", false, b, sizeof(b));
	assert_string_equal(b, "  1/3  started 2m ago");
	rbprogress_words(1, 3, "2m", true, b, sizeof(b));
	assert_string_equal(b, "  1/3  2m");
	rbprogress_words(3, 3, "2m", true, b, sizeof(b));
	assert_string_equal(b, "  3/3  done");
	rbprogress_words(0, 3, NULL, false, b, sizeof(b));
	assert_string_equal(b, "  0/3");
	rbprogress_words(0, 0, "2m", false, b, sizeof(b));
	assert_string_equal(b, "");
	rbprogress_words(1, 3, "2m", false, b, 6);
	assert_string_equal(b, "  1/3");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ages_keep_their_unit),
		cmocka_unit_test(words_long_and_brief),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
