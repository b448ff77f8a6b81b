/*
 * test_envfile.c — one variable of a .env: read with quotes, `export ` and
 * comments; rewritten with every other byte kept (CRLF, no final newline,
 * comments); appended when absent; values and files we refuse.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/envfile.h"

static const char env[] =
    "# production\n"
    "IMAGE_TAG=v1.4.1\n"
    "EXPORT_MODE=on\n"
    "DATABASE_URL=postgres://app:pw@db/app\n"
    "export QUOTED = \"two words\"  # trailing\n"
    "SINGLE='x # not a comment'\n"
    "PLAIN=value # a comment\n";

static void
get_reads_quotes_export_and_comments(void **state)
{
	char v[64];

	assert_int_equal(envfile_get(env, strlen(env), "EXPORT_MODE", v, sizeof(v)), 1);
	assert_string_equal(v, "on");
	assert_int_equal(envfile_get(env, strlen(env), "QUOTED", v, sizeof(v)), 1);
	assert_string_equal(v, "two words");
	assert_int_equal(envfile_get(env, strlen(env), "SINGLE", v, sizeof(v)), 1);
	assert_string_equal(v, "x # not a comment");
	assert_int_equal(envfile_get(env, strlen(env), "PLAIN", v, sizeof(v)), 1);
	assert_string_equal(v, "value");
	assert_int_equal(envfile_get(env, strlen(env), "EXPORT", v, sizeof(v)), 0);
	assert_int_equal(envfile_get(env, strlen(env), "production", v, sizeof(v)), 0);
	/* The last assignment wins, as Compose reads it. */
	assert_int_equal(envfile_get("A=1\nA=2\n", 8, "A", v, sizeof(v)), 1);
	assert_string_equal(v, "2");
	assert_int_equal(envfile_get("A=1\r\n", 5, "A", v, sizeof(v)), 1);
	assert_string_equal(v, "1");
}

static void
set_keeps_every_other_byte(void **state)
{
	size_t n;
	char *s = envfile_set(env, strlen(env), "EXPORT_MODE", "off", &n);

	assert_int_equal(n, strlen(env) + 1);
	assert_non_null(strstr(s, "\nEXPORT_MODE=off\nDATABASE_URL=postgres://app:pw@db/app\n"));
	assert_memory_equal(s, env, strstr(env, "EXPORT_MODE") - env);
	assert_string_equal(strstr(s, "DATABASE_URL"), strstr(env, "DATABASE_URL"));
	free(s);
	/* `export ` kept, CRLF kept, no final newline kept. */
	s = envfile_set("export A=1\r\nB=2", 15, "A", "x", &n);
	assert_string_equal(s, "export A=x\r\nB=2");
	free(s);
	s = envfile_set("B=2\nA=1\nA=3\n", 12, "A", "off", &n);
	assert_string_equal(s, "B=2\nA=off\nA=off\n");
	free(s);
}

static void
set_appends_when_absent(void **state)
{
	size_t n;
	char *s = envfile_set("B=2", 3, "EXPORT_MODE", "off", &n);

	assert_string_equal(s, "B=2\nEXPORT_MODE=off\n");
	assert_int_equal(n, strlen(s));
	free(s);
	s = envfile_set("", 0, "A", "1", &n);
	assert_string_equal(s, "A=1\n");
	free(s);
}

static void
refusals(void **state)
{
	struct wr_err err;
	char big[ENVFILE_MAX + 2];
	char hash[17], hash2[17];

	assert_true(envfile_value_valid("off"));
	assert_true(envfile_value_valid("s3://bucket/x"));
	assert_false(envfile_value_valid(""));
	assert_false(envfile_value_valid("a b"));
	assert_false(envfile_value_valid("$(id)"));
	assert_false(envfile_value_valid("x\ny"));
	assert_int_equal(envfile_check("A=1\0B", 5, &err), -1);
	assert_string_equal(err.msg, ".env holds a NUL byte; not a text file we edit");
	memset(big, 'x', sizeof(big));
	assert_int_equal(envfile_check(big, sizeof(big), &err), -1);
	assert_int_equal(envfile_check(env, strlen(env), &err), 0);
	envfile_hash("A=1\n", 4, hash);
	envfile_hash("A=2\n", 4, hash2);
	assert_int_equal(strlen(hash), 16);
	assert_string_not_equal(hash, hash2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(get_reads_quotes_export_and_comments),
		cmocka_unit_test(set_keeps_every_other_byte),
		cmocka_unit_test(set_appends_when_absent),
		cmocka_unit_test(refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
