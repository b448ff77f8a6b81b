/*
 * test_logwrap.c — LOGS' wrap mode breaks a row at the last space that
 * fits, cuts only a token wider than a row, never splits a character or
 * a sanitizer form, indents rows after the first, keeps a stack trace's
 * tab after the prefix and elides the middle of a line taller than the
 * pane.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/logwrap.h"

/* As the screen measures: é one cell, 世 two. */
static int
cells(const char *s, size_t n, void *arg)
{
	(void)arg;
	return n == 3 && (unsigned char)s[0] == 0xe4 ? 2 : 1;
}

/* The rows of s in width cells (rows after the first indent less), as
 * "row|row|row" into out. */
static const char *
rows(const char *s, int width, int indent, char *out, size_t cap)
{
	size_t len = strlen(s), from = 0, end, next, o = 0;
	int w = width;

	out[0] = '\0';
	while (from < len) {
		end = logwrap_row(s, len, from, w, cells, NULL, &next);
		if (o > 0)
			out[o++] = '|';
		memcpy(out + o, s + from, end - from);
		o += end - from;
		out[o] = '\0';
		assert_true(next > from);
		assert_true(o < cap);
		from = next;
		w = width - indent;
	}
	return out;
}

static void
breaks_at_the_last_space_that_fits(void **state)
{
	char out[256];

	(void)state;
	assert_string_equal(rows("GET /export status=503 dur=12", 16, 0, out, sizeof(out)),
	    "GET /export|status=503|dur=12");
	assert_string_equal(rows("k9=v9 k10=v10 k11=v11", 10, 0, out, sizeof(out)),
	    "k9=v9|k10=v10|k11=v11");
	/* A space right where the row is full ends it; the spaces at a break
	 * start no row. */
	assert_string_equal(rows("abcd  efgh", 4, 0, out, sizeof(out)), "abcd|efgh");
	assert_string_equal(rows("ab\tcdef", 5, 0, out, sizeof(out)), "ab|cdef");
	assert_string_equal(rows("short", 20, 0, out, sizeof(out)), "short");
}

static void
cuts_only_a_token_wider_than_a_row(void **state)
{
	char out[256];

	(void)state;
	assert_string_equal(rows("id=0123456789abcdef ok", 8, 0, out, sizeof(out)),
	    "id=01234|56789abc|def ok");
	/* Continuation rows are narrower by the indent. */
	assert_string_equal(rows("aaaa bbbb cccc", 9, 2, out, sizeof(out)), "aaaa bbbb|cccc");
	assert_string_equal(rows("aaaa bbbbbbbb", 6, 2, out, sizeof(out)), "aaaa|bbbb|bbbb");
}

static void
keeps_indentation_at_a_row_start(void **state)
{
	char out[256];

	(void)state;
	/* Leading blanks are the line's, not a break. */
	assert_string_equal(rows("        at com.acme.Foo.bar(Foo.java:42)", 20, 0, out,
	    sizeof(out)), "        at|com.acme.Foo.bar(Foo|.java:42)");
}

static void
never_splits_a_character_or_a_sanitizer_form(void **state)
{
	char out[256];

	(void)state;
	assert_int_equal(logwrap_char("^[x", 3), 2);
	assert_int_equal(logwrap_char("^", 1), 1);
	assert_int_equal(logwrap_char("\\x9bz", 5), 4);
	assert_int_equal(logwrap_char("<U+202E>a", 9), 8);
	assert_int_equal(logwrap_char("<U+20>", 6), 1);
	assert_int_equal(logwrap_char("\xc3\xa9", 2), 2);
	assert_int_equal(logwrap_char("\xe4\xb8\x96", 3), 3);
	assert_int_equal(logwrap_char("\xe4\xb8", 2), 1);
	assert_int_equal(logwrap_char("\x80", 1), 1);
	assert_string_equal(rows("abcd^[efgh", 5, 0, out, sizeof(out)), "abcd|^[efg|h");
	assert_string_equal(rows("abc<U+202E>x", 8, 0, out, sizeof(out)), "abc|<U+202E>|x");
	assert_string_equal(rows("ab\\x9bcd", 4, 0, out, sizeof(out)), "ab|\\x9b|cd");
	/* 世 takes two cells: three of them fill six, never five and a half. */
	assert_string_equal(rows("\xe4\xb8\x96\xe4\xb8\x96\xe4\xb8\x96", 5, 0, out, sizeof(out)),
	    "\xe4\xb8\x96\xe4\xb8\x96|\xe4\xb8\x96");
	assert_string_equal(rows("caf\xc3\xa9 ok", 4, 0, out, sizeof(out)), "caf\xc3\xa9|ok");
}

static void
counts_rows_as_drawn(void **state)
{
	(void)state;
	assert_int_equal(logwrap_count("aaaa bbbb cccc", 14, 9, 2, cells, NULL), 2);
	assert_int_equal(logwrap_count("", 0, 9, 2, cells, NULL), 1);
	assert_int_equal(logwrap_count("aaaa", 4, 9, 2, cells, NULL), 1);
}

static void
indents_under_the_message_start(void **state)
{
	(void)state;
	assert_int_equal(logwrap_indent(0, 80), LOGWRAP_INDENT);
	assert_int_equal(logwrap_indent(10, 80), 10);
	/* A prefix taking half the row would leave continuations no room. */
	assert_int_equal(logwrap_indent(30, 50), LOGWRAP_INDENT);
}

static void
tabs_count_from_the_message_start(void **state)
{
	const char *s = "h1/api \tat com.acme.Foo.bar";
	char out[128];
	size_t n;

	(void)state;
	n = logwrap_display(s, strlen(s), 7, 0, out, sizeof(out));
	assert_string_equal(out, "h1/api " "        " "at com.acme.Foo.bar");
	assert_int_equal(n, strlen(out));
	/* Padding after the prefix moves the message, not its tab stops. */
	logwrap_display(s, strlen(s), 7, 3, out, sizeof(out));
	assert_string_equal(out, "h1/api " "   " "        " "at com.acme.Foo.bar");
	assert_int_equal(logwrap_offset(s, strlen(s), 7, 3, 8), 18);
	assert_int_equal(logwrap_offset(s, strlen(s), 7, 3, 2), 2);
	logwrap_display("ab\tc", 4, 0, 0, out, sizeof(out));
	assert_string_equal(out, "ab      c");
}

static void
elides_the_middle_of_a_line_taller_than_the_pane(void **state)
{
	int head = -1, tail = -1;

	(void)state;
	assert_true(logwrap_elide(200, 21, 21, &head, &tail));
	assert_int_equal(head, 10);
	assert_int_equal(tail, 10);
	assert_true(logwrap_elide(200, 3, 3, &head, &tail));
	assert_int_equal(head, 1);
	assert_int_equal(tail, 1);
	/* Too few rows for both ends: its start, cut. */
	assert_false(logwrap_elide(200, 2, 2, &head, &tail));
	/* It fits. */
	assert_false(logwrap_elide(21, 21, 21, &head, &tail));
	/* An older line short of the room left, not of the pane: its start. */
	assert_false(logwrap_elide(8, 5, 21, &head, &tail));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(breaks_at_the_last_space_that_fits),
		cmocka_unit_test(cuts_only_a_token_wider_than_a_row),
		cmocka_unit_test(keeps_indentation_at_a_row_start),
		cmocka_unit_test(never_splits_a_character_or_a_sanitizer_form),
		cmocka_unit_test(counts_rows_as_drawn),
		cmocka_unit_test(indents_under_the_message_start),
		cmocka_unit_test(tabs_count_from_the_message_start),
		cmocka_unit_test(elides_the_middle_of_a_line_taller_than_the_pane),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
