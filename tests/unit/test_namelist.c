/*
 * test_namelist.c — a list of names is never cut silently: the names that
 * fit are whole, the rest counted exactly as "and N more".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/namelist.h"

static const char *const bad[] = {
	"api-1 ROLLBACK IMMEDIATELY", "k8s-bastion ROLLBACK IMMEDIATELY",
	"helm-bastion ROLLBACK IMMEDIATELY",
};

static void
all_fit(void **state)
{
	char buf[200];

	(void)state;
	assert_int_equal(namelist_join(bad, 3, 3, buf, sizeof(buf)), 3);
	assert_string_equal(buf, "api-1 ROLLBACK IMMEDIATELY, k8s-bastion ROLLBACK IMMEDIATELY, "
	    "helm-bastion ROLLBACK IMMEDIATELY");
}

/* at 250 columns the third host was missing, with nothing said. */
static void
most_counts_the_rest(void **state)
{
	char buf[200];

	(void)state;
	assert_int_equal(namelist_join(bad, 3, 2, buf, sizeof(buf)), 2);
	assert_string_equal(buf, "api-1 ROLLBACK IMMEDIATELY, k8s-bastion ROLLBACK IMMEDIATELY "
	    "and 1 more");
	assert_int_equal(namelist_join(bad, 3, 0, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "3 more");
}

/* A short buffer names fewer, whole, and still counts them all. */
static void
short_buffer_never_cuts_a_name(void **state)
{
	char buf[64];
	size_t cap;

	(void)state;
	assert_int_equal(namelist_join(bad, 3, 3, buf, sizeof(buf)), 1);
	assert_string_equal(buf, "api-1 ROLLBACK IMMEDIATELY and 2 more");
	for (cap = NAMELIST_CAP_MIN; cap <= sizeof(buf); cap++) {
		size_t k = namelist_join(bad, 3, 3, buf, cap);

		assert_true(strlen(buf) < cap);
		if (k < 3) {
			char want[16];

			snprintf(want, sizeof(want), "%zu more", 3 - k);
			assert_non_null(strstr(buf, want));
		}
	}
}

/* The count stays exact past ten and a hundred. */
static void
many(void **state)
{
	const char *v[120];
	char buf[80];
	size_t i, k;

	(void)state;
	for (i = 0; i < 120; i++)
		v[i] = "db";
	k = namelist_join(v, 120, 120, buf, sizeof(buf));
	assert_true(k > 0 && k < 120);
	assert_true(strlen(buf) < sizeof(buf));
	{
		char want[32];

		snprintf(want, sizeof(want), "db and %zu more", 120 - k);
		assert_non_null(strstr(buf, want));
	}
}

static void
none(void **state)
{
	char buf[8] = "x";

	(void)state;
	assert_int_equal(namelist_join(bad, 0, 3, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(all_fit),
		cmocka_unit_test(most_counts_the_rest),
		cmocka_unit_test(short_buffer_never_cuts_a_name),
		cmocka_unit_test(many),
		cmocka_unit_test(none),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
