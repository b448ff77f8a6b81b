/*
 * test_settle.c — settling an UNKNOWN outcome by hand takes a verdict and
 * the evidence, never one without the other.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/settle.h"

static void
verdict_and_evidence(void **state)
{
	struct wr_err err;
	const char *saw;
	bool ok;

	(void)state;
	assert_int_equal(settle_parse("ok api answers v1.4.1", &ok, &saw, &err), 0);
	assert_true(ok);
	assert_string_equal(saw, "api answers v1.4.1");
	assert_int_equal(settle_parse("  FAILED: still v1.5.0-bad ", &ok, &saw, &err), 0);
	assert_false(ok);
	assert_string_equal(saw, "still v1.5.0-bad ");
	assert_int_equal(settle_parse("Ok\tdocker ps shows it", &ok, &saw, &err), 0);
	assert_true(ok);
}

static void
refuses_half_answers(void **state)
{
	static const char *const bad[] = {
		"", "ok", "failed  ", "okay it works", "yes", "fail it did", "ok:", "done ok",
	};
	struct wr_err err;
	const char *saw;
	bool ok;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(settle_parse(bad[i], &ok, &saw, &err), -1);
		assert_non_null(strstr(err.msg, "type ok or failed, then what you saw"));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(verdict_and_evidence),
		cmocka_unit_test(refuses_half_answers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
