/*
 * test_sanitize.c — the sanitizer on a corpus of what hostile or broken
 * remote text looks like (terminal escapes, C1 controls, bidi overrides,
 * malformed UTF-8), with the exact text that must come out, and the
 * properties every output has: valid, clean, idempotent, within the cap.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/sanitize.h"

#define FFFD "\xef\xbf\xbd"

struct sample {
	const char *in;
	size_t len;	/* 0: strlen(in) */
	const char *out;
};

#define S(in, out) { in, sizeof(in) - 1, out }

static const struct sample corpus[] = {
	/* OSC 52 clipboard write, OSC 0/2 titles, OSC 8 hyperlink */
	S("clipboard \x1b]52;c;ZWNobyBwd25lZA==\x07 end",
	    "clipboard ^[]52;c;ZWNobyBwd25lZA==^G end"),
	S("title \x1b]0;pwned-title\x07 end", "title ^[]0;pwned-title^G end"),
	S("\x1b]2;t\x1b\\", "^[]2;t^[\\"),
	S("\x1b]8;;http://evil/\x1b\\click\x1b]8;;\x1b\\",
	    "^[]8;;http://evil/^[\\click^[]8;;^[\\"),
	/* CSI: clear screen, report window title, DCS */
	S("clear \x1b[2J\x1b[H end", "clear ^[[2J^[[H end"),
	S("\x1b[21t", "^[[21t"),
	S("\x1bP+q544e\x1b\\", "^[P+q544e^[\\"),
	/* C1 CSI raw and UTF-8 encoded; DEL */
	S("c1 \x9b" "31mred\x9b" "0m end", "c1 \\x9b31mred\\x9b0m end"),
	S("c1utf8 \xc2\x9b" "31mred\xc2\x9b" "0m end", "c1utf8 \\x9b31mred\\x9b0m end"),
	S("\xc2\x80\xc2\x9f", "\\x80\\x9f"),
	S("a\x7f" "b", "a\\x7fb"),
	/* bidi controls */
	S("bidi \xe2\x80\xae" "evil\xe2\x80\xac end", "bidi <U+202E>evil<U+202C> end"),
	S("\xd8\x9c\xe2\x80\x8e\xe2\x80\x8f\xe2\x81\xa6\xe2\x81\xa9",
	    "<U+061C><U+200E><U+200F><U+2066><U+2069>"),
	/* malformed UTF-8: overlong, surrogate, > U+10FFFF, truncated, stray */
	S("\xc0\xaf", FFFD FFFD),
	S("\xe0\x80\xaf", FFFD FFFD FFFD),
	S("\xed\xa0\x80", FFFD FFFD FFFD),
	S("\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD),
	S("\xf8\x88\x80\x80\x80", FFFD FFFD FFFD FFFD FFFD),
	S("\xe2\x82 end", FFFD " end"),
	S("ab\xf0\x9f\x98", "ab" FFFD),
	S("\xff\xfe", FFFD FFFD),
	S("invalid \xff\xfe \xc0\xaf \xed\xa0\x80 \xe2\x82 end",
	    "invalid " FFFD FFFD " " FFFD FFFD " " FFFD FFFD FFFD " " FFFD " end"),
	S("x\xa0y", "x" FFFD "y"),
	S("\xe2\x9b" "a", FFFD "a"),
	/* C0 controls but tab */
	S("\x00\x01\x1f\t\r\n", "^@^A^_\t^M^J"),
	S("\x07\x08\x1b", "^G^H^["),
	/* valid text passes unchanged: emoji, combining marks, CJK, U+FFFD */
	S("\xf0\x9f\x94\x84 rollback", "\xf0\x9f\x94\x84 rollback"),
	S("e\xcc\x81 n\xcc\x83", "e\xcc\x81 n\xcc\x83"),
	S("\xe6\x97\xa5\xe6\x9c\xac " FFFD, "\xe6\x97\xa5\xe6\x9c\xac " FFFD),
	S("\xc2\xa0\xc2\xa9\xf4\x8f\xbf\xbf", "\xc2\xa0\xc2\xa9\xf4\x8f\xbf\xbf"),
	S("", ""),
};

static void
corpus_gives_exact_output(void **state)
{
	size_t i;

	for (i = 0; i < sizeof(corpus) / sizeof(corpus[0]); i++) {
		char out[512];
		size_t olen = 0, used;

		used = sanitize_buf(corpus[i].in, corpus[i].len, out, sizeof(out), &olen);
		if (strcmp(out, corpus[i].out) != 0)
			print_error("sample %zu: got \"%s\"\n", i, out);
		assert_string_equal(out, corpus[i].out);
		assert_int_equal(olen, strlen(corpus[i].out));
		assert_int_equal(used, corpus[i].len);
	}
}

static void
outputs_are_clean_and_idempotent(void **state)
{
	size_t i;

	for (i = 0; i < sizeof(corpus) / sizeof(corpus[0]); i++) {
		char once[512], twice[512];
		size_t n1, n2;

		sanitize_buf(corpus[i].in, corpus[i].len, once, sizeof(once), &n1);
		assert_true(sanitize_is_clean(once, n1));
		sanitize_buf(once, n1, twice, sizeof(twice), &n2);
		assert_int_equal(n1, n2);
		assert_memory_equal(once, twice, n1);
	}
	assert_false(sanitize_is_clean("\x1b", 1));
	assert_false(sanitize_is_clean("\xc2\x9b", 2));
	assert_false(sanitize_is_clean("\xe2\x80\xae", 3));
	assert_false(sanitize_is_clean("\xc0\xaf", 2));
	assert_true(sanitize_is_clean("a\tb " FFFD, 7));
}

static void
long_line_ends_with_a_marker(void **state)
{
	size_t len = 20000, olen, used;
	char *in = malloc(len), *out;
	char tail[64];

	memset(in, 'a', len);
	out = sanitize_dup(in, len, &olen);
	assert_true(olen <= WR_SANITIZE_LINE_MAX);
	used = WR_SANITIZE_LINE_MAX - WR_SANITIZE_MARKER_MAX;
	snprintf(tail, sizeof(tail), "\xe2\x80\xa6[+%zu bytes]", len - used);
	assert_int_equal(olen, used + strlen(tail));
	assert_string_equal(out + used, tail);
	assert_int_equal(out[used - 1], 'a');
	free(out);

	/* Exactly the cap fits whole, one byte more does not. */
	out = malloc(WR_SANITIZE_LINE_MAX + 1);
	assert_int_equal(sanitize_line(in, WR_SANITIZE_LINE_MAX, out,
	    WR_SANITIZE_LINE_MAX + 1), WR_SANITIZE_LINE_MAX);
	assert_int_equal(strlen(out), WR_SANITIZE_LINE_MAX);
	assert_true(sanitize_line(in, WR_SANITIZE_LINE_MAX + 1, out,
	    WR_SANITIZE_LINE_MAX + 1) < WR_SANITIZE_LINE_MAX);
	assert_non_null(strstr(out, "\xe2\x80\xa6[+"));
	free(out);
	free(in);
}

/* A line the splitter already cut: the marker counts the bytes dropped
 * there with those the cap leaves out, and is there even when all of
 * what came fits. */
static void
a_line_cut_before_counts_every_byte_not_shown(void **state)
{
	static char in[300], out[128];
	size_t n, used;

	(void)state;
	used = sanitize_buf_cut("hello", 5, 42, out, sizeof(out), &n);
	assert_int_equal(used, 5);
	assert_string_equal(out, "hello\xe2\x80\xa6[+42 bytes]");
	assert_int_equal(n, strlen(out));
	memset(in, 'a', sizeof(in));
	used = sanitize_buf_cut(in, sizeof(in), 1000, out, sizeof(out), &n);
	assert_int_equal(used, sizeof(out) - 1 - WR_SANITIZE_MARKER_MAX);
	assert_string_equal(out + used, "\xe2\x80\xa6[+1205 bytes]");
	/* Within the soft cap and nothing dropped: as sanitize_buf. */
	used = sanitize_buf_cut(in, 10, 0, out, sizeof(out), &n);
	assert_int_equal(used, 10);
	assert_int_equal(n, 10);
}

static void
cut_never_splits_a_character(void **state)
{
	/* 40 emoji (160 bytes) into 64: whole characters up to the soft limit
	 * (63 - 32 = 31 bytes: seven emoji), then the marker. */
	char in[160], out[64];
	size_t i, olen, used;

	for (i = 0; i < 40; i++)
		memcpy(in + 4 * i, "\xf0\x9f\x94\x84", 4);
	used = sanitize_buf(in, sizeof(in), out, sizeof(out), &olen);
	assert_int_equal(used, 28);
	assert_string_equal(out + 28, "\xe2\x80\xa6[+132 bytes]");
	assert_true(sanitize_is_clean(out, olen));

	/* Expansion counts against the cap too: ESCs become two bytes each. */
	memset(in, 0x1b, sizeof(in));
	used = sanitize_buf(in, sizeof(in), out, sizeof(out), &olen);
	assert_int_equal(used, 15);
	assert_string_equal(out + 30, "\xe2\x80\xa6[+145 bytes]");
}

static void
tiny_caps_stay_valid(void **state)
{
	char out[8];
	size_t olen;

	assert_int_equal(sanitize_buf("abcdef", 6, out, 1, &olen), 0);
	assert_string_equal(out, "");
	assert_int_equal(sanitize_buf("abcdefghij", 10, out, 5, &olen), 0);
	assert_string_equal(out, "\xe2\x80\xa6");
	assert_int_equal(sanitize_buf("abc", 3, out, 4, &olen), 3);
	assert_string_equal(out, "abc");
	/* A cut output sanitized again under the same cap stays as it is. */
	{
		char big[40], again[40];
		size_t n1, n2;

		sanitize_buf("0123456789012345678901234567890123456789", 40, big,
		    sizeof(big), &n1);
		sanitize_buf(big, n1, again, sizeof(again), &n2);
		assert_string_equal(big, again);
	}
}

/* The vector fast path against the obvious answer: an ESC at every place
 * of lines of every length up to 100, under every cap around the line. */
static void
fast_path_copies_exactly(void **state)
{
	char in[100], want[128], out[128];
	size_t len, at, cap, i, olen;

	for (len = 1; len <= sizeof(in); len++) {
		for (at = 0; at < len; at++) {
			for (i = 0; i < len; i++)
				in[i] = (char)('!' + (i * 7 + len) % 94);
			in[at] = 0x1b;
			memcpy(want, in, at);
			memcpy(want + at, "^[", 2);
			memcpy(want + at + 2, in + at + 1, len - at - 1);
			want[len + 1] = '\0';
			assert_int_equal(sanitize_buf(in, len, out, sizeof(out), &olen), len);
			assert_int_equal(olen, len + 1);
			assert_string_equal(out, want);
			for (cap = len > 40 ? len - 8 : 1; cap <= len + 3; cap++) {
				size_t used = sanitize_buf(in, len, out, cap, &olen);

				assert_true(olen < cap);
				assert_true(sanitize_is_clean(out, olen));
				if (used == len)
					assert_string_equal(out, want);
				else if (used > 0)
					assert_memory_equal(out, want, used + (used > at));
			}
		}
	}
}

static void
bound_holds_the_worst_case(void **state)
{
	char in[64], *out;
	size_t i, olen;

	for (i = 0; i < sizeof(in); i++)
		in[i] = (char)(0x80 + (i % 32));	/* every byte a raw C1 */
	out = malloc(sanitize_bound(sizeof(in)));
	assert_int_equal(sanitize_buf(in, sizeof(in), out, sanitize_bound(sizeof(in)),
	    &olen), sizeof(in));
	assert_int_equal(olen, 4 * sizeof(in));
	free(out);
}

/* Text typed here (a note) is drawn as the sanitizer would write it: one
 * character's replacement is exactly what sanitize_line makes of it. */
static void
one_character_as_the_sanitizer_writes_it(void **state)
{
	char in[8], out[32], one[WR_SANITIZE_CHAR_MAX];
	uint32_t cp;
	size_t n, olen;

	for (cp = 0; cp < 0x30000; cp++) {
		if (cp >= 0xd800 && cp < 0xe000)
			continue;
		n = cp < 0x80 ? (in[0] = (char)cp, 1) :
		    cp < 0x800 ? (in[0] = (char)(0xc0 | cp >> 6), in[1] = (char)(0x80 | (cp & 0x3f)), 2) :
		    cp < 0x10000 ? (in[0] = (char)(0xe0 | cp >> 12),
		    in[1] = (char)(0x80 | ((cp >> 6) & 0x3f)), in[2] = (char)(0x80 | (cp & 0x3f)), 3) :
		    (in[0] = (char)(0xf0 | cp >> 18), in[1] = (char)(0x80 | ((cp >> 12) & 0x3f)),
		    in[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), in[3] = (char)(0x80 | (cp & 0x3f)), 4);
		sanitize_buf(in, n, out, sizeof(out), &olen);
		if (cp == '\t') {
			assert_int_equal(sanitize_char(cp, one), 2);
			assert_string_equal(one, "^I");
		} else if (olen == n && memcmp(in, out, n) == 0) {
			assert_int_equal(sanitize_char(cp, one), 0);
			assert_string_equal(one, "");
		} else {
			assert_int_equal(sanitize_char(cp, one), olen);
			assert_string_equal(one, out);
		}
	}
	assert_int_equal(sanitize_char(0x202e, one), 8);
	assert_string_equal(one, "<U+202E>");
}

/* The bytes a caller may draw without decoding: exactly those that decode
 * to themselves and that sanitize_char leaves alone. */
static void
plain_run_is_printable_ascii(void **state)
{
	char one[WR_SANITIZE_CHAR_MAX], b[1];
	unsigned c;

	for (c = 0; c < 256; c++) {
		b[0] = (char)c;
		assert_int_equal(sanitize_plain_run(b, 1),
		    c < 0x80 && sanitize_char(c, one) == 0 ? 1 : 0);
	}
	assert_int_equal(sanitize_plain_run("h12 api", 7), 7);
	assert_int_equal(sanitize_plain_run("up \xe2\x94\x82", 6), 3);
	assert_int_equal(sanitize_plain_run("ab\tc", 4), 2);
	assert_int_equal(sanitize_plain_run("abc", 2), 2);
	assert_int_equal(sanitize_plain_run("", 0), 0);
}

static void
a_cut_line_is_known_by_its_marker(void **state)
{
	(void)state;
	assert_true(sanitize_is_cut("abc\xe2\x80\xa6[+123 bytes]", 18));
	assert_false(sanitize_is_cut("abc [+123 bytes]", 16));
	assert_false(sanitize_is_cut("\xe2\x80\xa6[+ bytes]", 11));
	assert_false(sanitize_is_cut("short", 5));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(corpus_gives_exact_output),
		cmocka_unit_test(outputs_are_clean_and_idempotent),
		cmocka_unit_test(long_line_ends_with_a_marker),
		cmocka_unit_test(a_line_cut_before_counts_every_byte_not_shown),
		cmocka_unit_test(cut_never_splits_a_character),
		cmocka_unit_test(tiny_caps_stay_valid),
		cmocka_unit_test(fast_path_copies_exactly),
		cmocka_unit_test(bound_holds_the_worst_case),
		cmocka_unit_test(one_character_as_the_sanitizer_writes_it),
		cmocka_unit_test(plain_run_is_printable_ascii),
		cmocka_unit_test(a_cut_line_is_known_by_its_marker),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
