/*
 * test_runofshow.c — T-0 input and the clock text of T-minus items.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/runofshow.h"

/* 2026-01-01 10:00:00 UTC */
#define NOW 1767261600

static void
tzero_forms(void **state)
{
	struct wr_err err;
	int64_t t;

	(void)state;
	assert_int_equal(runofshow_parse_tzero(" now ", NOW, &t, &err), 0);
	assert_int_equal(t, NOW);
	assert_int_equal(runofshow_parse_tzero("+30m", NOW, &t, &err), 0);
	assert_int_equal(t, NOW + 1800);
	assert_int_equal(runofshow_parse_tzero("+1h15m", NOW, &t, &err), 0);
	assert_int_equal(t, NOW + 4500);
	assert_int_equal(runofshow_parse_tzero("-5m", NOW, &t, &err), 0);
	assert_int_equal(t, NOW - 300);
	assert_int_equal(runofshow_parse_tzero("14:30", NOW, &t, &err), 0);
	assert_int_equal(t, NOW + 4 * 3600 + 1800);
	/* 09:00 is an hour ago: today. 21:00 yesterday would be 13 h ago, so
	 * 21:00 means tonight; 08:00 at 22:30 means tomorrow morning. */
	assert_int_equal(runofshow_parse_tzero("09:00", NOW, &t, &err), 0);
	assert_int_equal(t, NOW - 3600);
	assert_int_equal(runofshow_parse_tzero("08:00", NOW + 12 * 3600 + 1800, &t, &err), 0);
	assert_int_equal(t, NOW - 2 * 3600 + 86400);
}

static void
tzero_refuses_what_it_cannot_read(void **state)
{
	static const char *const bad[] = { "", "soon", "+", "+30", "+3x", "25:00", "10:60",
		"10:5x", "+99999999999h" };
	struct wr_err err;
	int64_t t = 7;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(runofshow_parse_tzero(bad[i], NOW, &t, &err), -1);
		assert_non_null(strstr(err.msg, "'"));
	}
	assert_int_equal(t, 7);
}

static void
when_text(void **state)
{
	char buf[64];

	(void)state;
	runofshow_when(NOW, -900, NOW - 3600, buf, sizeof(buf));
	assert_string_equal(buf, "09:45 in 45m");
	runofshow_when(NOW, 0, NOW - 2 * 3600 - 300, buf, sizeof(buf));
	assert_string_equal(buf, "10:00 in 2h05m");
	runofshow_when(NOW, 0, NOW - 7200, buf, sizeof(buf));
	assert_string_equal(buf, "10:00 in 2h");
	runofshow_when(NOW, -300, NOW - 290, buf, sizeof(buf));
	assert_string_equal(buf, "09:55 due now");
	runofshow_when(NOW, -1800, NOW, buf, sizeof(buf));
	assert_string_equal(buf, "09:30 30m ago");
	runofshow_when(NOW, 3600, NOW, buf, sizeof(buf));
	assert_string_equal(buf, "11:00 in 1h");
	runofshow_when(NOW, 7200, NOW + 1, buf, sizeof(buf));
	assert_string_equal(buf, "12:00 in 2h");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tzero_forms),
		cmocka_unit_test(tzero_refuses_what_it_cannot_read),
		cmocka_unit_test(when_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
