/*
 * test_loglevel.c — the severity a log line declares, in the formats
 * services print, and the messages that only mention an error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/loglevel.h"

static enum loglevel
of(const char *s)
{
	return loglevel_of(s, strlen(s));
}

static void
formats_services_print(void **state)
{
	(void)state;
	/* Plain words after a timestamp (the fleet's own format). */
	assert_int_equal(of("2026-11-26T19:18:22.894Z ERROR api req=93fab128 GET /api status=500"),
	    LOGLEVEL_ERROR);
	assert_int_equal(of("2026-11-26T19:18:22.894Z WARN  api slow query"), LOGLEVEL_WARN);
	assert_int_equal(of("2026-11-26T19:18:22.894Z INFO  api GET /api status=200"),
	    LOGLEVEL_NONE);
	/* logfmt, any case. */
	assert_int_equal(of("ts=2026-11-26T19:18:22Z level=error msg=\"db down\""), LOGLEVEL_ERROR);
	assert_int_equal(of("ts=2026-11-26T19:18:22Z lvl=Warn msg=retry"), LOGLEVEL_WARN);
	assert_int_equal(of("ts=2026-11-26T19:18:22Z level=info msg=\"error budget ok\""),
	    LOGLEVEL_NONE);
	/* JSON. */
	assert_int_equal(of("{\"ts\":1,\"level\":\"error\",\"msg\":\"x\"}"), LOGLEVEL_ERROR);
	assert_int_equal(of("{\"severity\": \"WARNING\", \"message\": \"x\"}"), LOGLEVEL_WARN);
	assert_int_equal(of("{\"level\":\"info\",\"msg\":\"ERROR in a value\"}"), LOGLEVEL_NONE);
	/* Brackets, Python, klog. */
	assert_int_equal(of("[2026-11-26 19:18:22] [error] worker 3 died"), LOGLEVEL_ERROR);
	assert_int_equal(of("ERROR:root:cannot connect"), LOGLEVEL_ERROR);
	assert_int_equal(of("CRITICAL:app:out of memory"), LOGLEVEL_ERROR);
	assert_int_equal(of("E1126 19:18:22.894123       1 reflector.go:138] failed"),
	    LOGLEVEL_ERROR);
	assert_int_equal(of("W1126 19:18:22.894123       1 warnings.go:70] deprecated"),
	    LOGLEVEL_WARN);
	assert_int_equal(of("I1126 19:18:22.894123       1 main.go:12] ready"), LOGLEVEL_NONE);
	assert_int_equal(of("panic: runtime error: index out of range"), LOGLEVEL_ERROR);
	assert_int_equal(of("warning: config key x is deprecated"), LOGLEVEL_WARN);
	assert_int_equal(of("info: listening on :8000"), LOGLEVEL_NONE);
	assert_int_equal(of("PANIC: runtime error"), LOGLEVEL_ERROR);
}

static void
mentions_are_not_levels(void **state)
{
	(void)state;
	assert_int_equal(of("connection error, retrying"), LOGLEVEL_NONE);
	assert_int_equal(of("error budget: 99.9%"), LOGLEVEL_NONE);
	assert_int_equal(of("ERRORS=0 ERRNO=2 WARNINGS=none"), LOGLEVEL_NONE);
	assert_int_equal(of("mylevel=error"), LOGLEVEL_NONE);
	assert_int_equal(of("level=errors"), LOGLEVEL_NONE);
	assert_int_equal(of(""), LOGLEVEL_NONE);
	assert_int_equal(loglevel_of("ERROR", 3), LOGLEVEL_ERROR);   /* "ERR", cut there */
	assert_int_equal(loglevel_of("ERROR", 2), LOGLEVEL_NONE);
	assert_int_equal(of("E112"), LOGLEVEL_NONE);
}

static void
only_the_opening_bytes_count(void **state)
{
	char line[400];

	(void)state;
	memset(line, 'a', sizeof(line));
	memcpy(line + LOGLEVEL_SCAN + 10, " ERROR ", 7);
	assert_int_equal(loglevel_of(line, sizeof(line)), LOGLEVEL_NONE);
	memcpy(line + 20, " WARN ", 6);
	assert_int_equal(loglevel_of(line, sizeof(line)), LOGLEVEL_WARN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(formats_services_print),
		cmocka_unit_test(mentions_are_not_levels),
		cmocka_unit_test(only_the_opening_bytes_count),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
