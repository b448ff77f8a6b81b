/*
 * test_linesplit.c — lines cut from a byte stream: partial lines wait,
 * CRLF loses its CR, overlong lines arrive in capped pieces, or once, cut,
 * with the count of what was dropped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "warroom/linesplit.h"

struct got {
	char lines[16][64];
	bool cut[16];
	int n;
};

static void
collect(const char *line, size_t len, bool cut, void *arg)
{
	struct got *g = arg;

	snprintf(g->lines[g->n], sizeof(g->lines[0]), "%.*s", (int)len, line);
	g->cut[g->n++] = cut;
}

static void
partial_lines_wait_for_the_rest(void **state)
{
	struct linesplit ls;
	struct got g = { 0 };

	linesplit_init(&ls, 64, collect, &g);
	linesplit_feed(&ls, "one\ntw", 6);
	assert_int_equal(g.n, 1);
	linesplit_feed(&ls, "o\r\nthree", 8);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.lines[0], "one");
	assert_string_equal(g.lines[1], "two");
	linesplit_finish(&ls);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.lines[2], "three");
	assert_false(g.cut[2]);
	linesplit_free(&ls);
}

static void
overlong_line_is_cut_at_the_cap(void **state)
{
	struct linesplit ls;
	struct got g = { 0 };

	linesplit_init(&ls, 4, collect, &g);
	linesplit_feed(&ls, "abcdefghij\nxy", 13);
	linesplit_feed(&ls, "zw\n", 3);
	assert_int_equal(g.n, 4);
	assert_string_equal(g.lines[0], "abcd");
	assert_true(g.cut[0]);
	assert_string_equal(g.lines[1], "efgh");
	assert_true(g.cut[1]);
	assert_string_equal(g.lines[2], "ij");
	assert_false(g.cut[2]);
	/* Exactly the cap with its newline is whole, not cut. */
	assert_string_equal(g.lines[3], "xyzw");
	assert_false(g.cut[3]);
	linesplit_free(&ls);
}

/* Where the chunks end does not matter: a line of exactly the cap whose
 * newline comes in the next chunk is one whole line, not a cut piece and
 * an empty line. */
static void
a_whole_line_at_the_cap_is_whole_across_chunks(void **state)
{
	const char *in = "abcd\nefg\r\nijklm\n";
	size_t i;

	for (i = 1; i < strlen(in); i++) {
		struct linesplit ls;
		struct got g = { 0 };

		linesplit_init(&ls, 4, collect, &g);
		linesplit_feed(&ls, in, i);
		linesplit_feed(&ls, in + i, strlen(in) - i);
		linesplit_finish(&ls);
		assert_int_equal(g.n, 4);
		assert_string_equal(g.lines[0], "abcd");
		assert_false(g.cut[0]);
		assert_string_equal(g.lines[1], "efg");
		assert_string_equal(g.lines[2], "ijkl");
		assert_true(g.cut[2]);
		assert_string_equal(g.lines[3], "m");
		linesplit_free(&ls);
	}
}

static void
empty_lines_and_byte_at_a_time(void **state)
{
	struct linesplit ls;
	struct got g = { 0 };
	const char *in = "a\n\nb\n";
	size_t i;

	linesplit_init(&ls, 16, collect, &g);
	for (i = 0; i < strlen(in); i++)
		linesplit_feed(&ls, in + i, 1);
	linesplit_finish(&ls);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.lines[1], "");
	assert_string_equal(g.lines[2], "b");
	linesplit_free(&ls);
}

struct heads {
	char lines[16][64];
	size_t dropped[16];
	int n;
};

static void
collect_head(const char *line, size_t len, size_t dropped, void *arg)
{
	struct heads *g = arg;

	snprintf(g->lines[g->n], sizeof(g->lines[0]), "%.*s", (int)len, line);
	g->dropped[g->n++] = dropped;
}

/* A head splitter gives an overlong line once: its first cap bytes and
 * the count of the rest (a CR before the newline is not counted), and the
 * next line whole — wherever the chunks end. */
static void
head_keeps_an_overlong_line_once_across_chunks(void **state)
{
	const char *in = "abcdefghij\nxyzw\nabcdefg\r\nabcd\r\nab\r\nendless-tail";
	size_t i, j;

	(void)state;
	for (i = 0; i <= strlen(in); i++)
		for (j = i; j <= strlen(in); j++) {
			struct linesplit ls;
			struct heads g = { 0 };

			linesplit_init_head(&ls, 4, collect_head, &g);
			linesplit_feed(&ls, in, i);
			linesplit_feed(&ls, in + i, j - i);
			linesplit_feed(&ls, in + j, strlen(in) - j);
			linesplit_finish(&ls);
			assert_int_equal(g.n, 6);
			assert_string_equal(g.lines[0], "abcd");
			assert_int_equal(g.dropped[0], 6);
			assert_string_equal(g.lines[1], "xyzw");
			assert_int_equal(g.dropped[1], 0);
			assert_string_equal(g.lines[2], "abcd");
			assert_int_equal(g.dropped[2], 3);
			assert_string_equal(g.lines[3], "abcd");
			assert_int_equal(g.dropped[3], 0);
			assert_string_equal(g.lines[4], "ab");
			assert_int_equal(g.dropped[4], 0);
			assert_string_equal(g.lines[5], "endl");
			assert_int_equal(g.dropped[5], 8);
			linesplit_free(&ls);
		}
}

/* A stream cut off mid-line and begun again sends that line again whole:
 * the part held is dropped, short or overlong, and never delivered. */
static void
a_dropped_partial_line_is_not_delivered(void **state)
{
	struct linesplit ls;
	struct heads g = { 0 };

	(void)state;
	linesplit_init_head(&ls, 4, collect_head, &g);
	linesplit_feed(&ls, "ab\nhal", 7);
	linesplit_drop(&ls);
	linesplit_feed(&ls, "half\nlongerthancap", 19);
	linesplit_drop(&ls);
	linesplit_feed(&ls, "x\r", 3);
	linesplit_drop(&ls);
	linesplit_feed(&ls, "\nend", 4);
	linesplit_finish(&ls);
	assert_int_equal(g.n, 4);
	assert_string_equal(g.lines[0], "ab");
	assert_string_equal(g.lines[1], "half");
	assert_string_equal(g.lines[2], "");
	assert_string_equal(g.lines[3], "end");
	assert_int_equal(g.dropped[3], 0);
	linesplit_free(&ls);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(partial_lines_wait_for_the_rest),
		cmocka_unit_test(overlong_line_is_cut_at_the_cap),
		cmocka_unit_test(a_whole_line_at_the_cap_is_whole_across_chunks),
		cmocka_unit_test(empty_lines_and_byte_at_a_time),
		cmocka_unit_test(head_keeps_an_overlong_line_once_across_chunks),
		cmocka_unit_test(a_dropped_partial_line_is_not_delivered),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
