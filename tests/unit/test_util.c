/*
 * test_util.c — the bounded string helpers, the growable string and edit
 * distance.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
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
shorten_keeps_whole_characters_and_marks_the_cut(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(wr_utf8_shorten(buf, sizeof(buf), "abc", 3), 3);
	assert_string_equal(buf, "abc");
	assert_int_equal(wr_utf8_shorten(buf, sizeof(buf), "abcd", 3), 4);
	assert_string_equal(buf, "abc\xe2\x80\xa6");
	/* é is two bytes: never halved. */
	assert_int_equal(wr_utf8_shorten(buf, sizeof(buf), "\xc3\xa9\xc3\xa9\xc3\xa9", 2), 3);
	assert_string_equal(buf, "\xc3\xa9\xc3\xa9\xe2\x80\xa6");
	/* Short in characters, too long for the buffer: cut where it fits. */
	assert_int_equal(wr_utf8_shorten(buf, 8, "abcdefghij", 100), 10);
	assert_string_equal(buf, "abcd\xe2\x80\xa6");
	assert_int_equal(wr_utf8_shorten(buf, 7, "a\xc3\xa9\xc3\xa9\xc3\xa9", 100), 4);
	assert_string_equal(buf, "a\xc3\xa9\xe2\x80\xa6");
	assert_int_equal(wr_utf8_shorten(buf, 3, "abcdef", 100), 6);
	assert_string_equal(buf, "");
	assert_int_equal(wr_utf8_shorten(buf, sizeof(buf), "", 0), 0);
	assert_string_equal(buf, "");
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

/* A name written short is one typo away from the name; anything else is
 * as far as its edits. */
static void
name_distance_counts_a_short_form_as_one(void **state)
{
	(void)state;
	assert_int_equal(wr_name_distance("msg", "message"), 1);
	assert_int_equal(wr_name_distance("ns", "namespace"), 1);
	assert_int_equal(wr_name_distance("servce", "service"), 1);
	assert_int_equal(wr_name_distance("service", "service"), 0);
	/* Not a short form: the first letter differs, letters out of order,
	 * one letter alone. */
	assert_int_equal(wr_name_distance("sg", "message"), wr_edit_distance("sg", "message"));
	assert_int_equal(wr_name_distance("gms", "message"), wr_edit_distance("gms", "message"));
	assert_int_equal(wr_name_distance("m", "message"), 6);
}

/* A key's leading words with one typo are two edits from the key: close
 * enough to suggest, though a typo of the whole key is closer. */
static void
key_distance_counts_a_misspelt_head_as_two(void **state)
{
	(void)state;
	assert_int_equal(wr_key_distance("compse", "compose_dir"), 2);
	assert_int_equal(wr_key_distance("compose", "compose_dir"), 2);
	assert_int_equal(wr_key_distance("metrics_tokn", "metrics_token_env"), 2);
	assert_int_equal(wr_key_distance("adress", "address"), 1);
	assert_int_equal(wr_key_distance("compose_dir", "compose_dir"), 0);
	/* Not a head: a whole key with no '_' (namespace), a head shorter than
	 * four letters (p95), a word shorter than four, letters shared only. */
	assert_int_equal(wr_key_distance("name", "namespace"), 5);
	assert_int_equal(wr_key_distance("p9", "p95_query"), 7);
	assert_int_equal(wr_key_distance("rea", "read_only"), 6);
	assert_int_equal(wr_key_distance("dir", "driver"), wr_edit_distance("dir", "driver"));
	assert_int_equal(wr_key_distance("hostname", "health_url"),
	    wr_edit_distance("hostname", "health_url"));
	/* fuzz_config: a key shorter than four letters was read past its
	 * end (ASan: global-buffer-overflow); it has no head. */
	assert_int_equal(wr_key_distance("abcdefg", "tag"), wr_edit_distance("abcdefg", "tag"));
}

static void
err_set_formats_and_returns_minus_one(void **state)
{
	struct wr_err err;

	assert_int_equal(wr_err_set(&err, "line %d: %s", 3, "bad"), -1);
	assert_string_equal(err.msg, "line 3: bad");
	assert_int_equal(wr_err_set(NULL, "ignored"), -1);
}

/* Lead bytes only: "é" is one character, and a count stops at n. */
static void
utf8_chars_counts_lead_bytes(void **state)
{
	(void)state;
	assert_int_equal(wr_utf8_chars("v1.5.0", 6), 6);
	assert_int_equal(wr_utf8_chars("caf\xc3\xa9 \xe2\x80\xa6", 9), 6);
	assert_int_equal(wr_utf8_chars("abc", 0), 0);
}

/* A time of day of any second, before 1970 too (a log line stamped in
 * 1969 is still 23:59:59). */
static void
hms_is_the_utc_time_of_day(void **state)
{
	char buf[16];

	(void)state;
	wr_hms(0, buf, sizeof(buf));
	assert_string_equal(buf, "00:00:00");
	wr_hms(1764300000 + 3 * 3600 + 50 * 60 + 12, buf, sizeof(buf));
	assert_string_equal(buf, "07:10:12");
	wr_hms(-1, buf, sizeof(buf));
	assert_string_equal(buf, "23:59:59");
}

/* HOSTS' cells: the same bytes as snprintf "%s%s%s" at every size,
 * cut mid-character where it cuts. */
static void
concat3_writes_what_snprintf_would(void **state)
{
	static const char *const parts[][3] = {
		{ "running", " ", "healthy" }, { "!= ", "v1.4.1", "" },
		{ "", "", "" }, { "ROLLBACK", " (held)", "" }, { "h\xc3\xa9", "\xe2\x94\x80", "x" },
	};
	char want[64], got[64];
	size_t i, cap;

	(void)state;
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		for (cap = 1; cap <= sizeof(got); cap++) {
			memset(want, 'z', sizeof(want));
			memset(got, 'z', sizeof(got));
			snprintf(want, cap, "%s%s%s", parts[i][0], parts[i][1], parts[i][2]);
			wr_concat3(got, cap, parts[i][0], parts[i][1], parts[i][2]);
			assert_memory_equal(got, want, sizeof(got));
		}
	wr_concat3(got, 0, "a", "b", "c");
}

static void
buf_grows_and_hands_over(void **state)
{
	struct wr_buf b = { 0 };
	char big[1000], *s;

	(void)state;
	s = wr_buf_take(&b);
	assert_string_equal(s, "");
	free(s);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	wr_buf_str(&b, "a");
	wr_buf_add(&b, "b\0c", 3);
	wr_buf_printf(&b, "[%d]%s", 42, big);
	assert_int_equal(b.len, 4 + 4 + 999);
	assert_memory_equal(b.s, "ab\0c[42]x", 9);
	assert_int_equal(b.s[b.len], '\0');
	s = wr_buf_take(&b);
	assert_null(b.s);
	assert_int_equal(b.len, 0);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strlcpy_reports_truncation),
		cmocka_unit_test(shorten_keeps_whole_characters_and_marks_the_cut),
		cmocka_unit_test(trim_both_ends),
		cmocka_unit_test(edit_distance_counts_edits),
		cmocka_unit_test(name_distance_counts_a_short_form_as_one),
		cmocka_unit_test(key_distance_counts_a_misspelt_head_as_two),
		cmocka_unit_test(err_set_formats_and_returns_minus_one),
		cmocka_unit_test(buf_grows_and_hands_over),
		cmocka_unit_test(concat3_writes_what_snprintf_would),
		cmocka_unit_test(hms_is_the_utc_time_of_day),
		cmocka_unit_test(utf8_chars_counts_lead_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
