/*
 * test_logbuf.c — the log ring and its filter: bytes stay under the limit,
 * the oldest lines go whole, sequence numbers keep naming the same line,
 * overhead per line stays within B4's 8 bytes, and the filter finds what a
 * line-by-line check finds, whether run in one go or in small steps, in
 * one ring or in several.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/logbuf.h"
#include "warroom/logfilter.h"
#include "warroom/logset.h"

/* The text of line i: its length varies so lines wrap at odd places. */
static size_t
line_text(uint64_t i, char *buf, size_t cap)
{
	static const char *const words[] = {
		"GET /api/orders status=200", "ERROR upstream timeout status=503",
		"Error: disk almost full", "ok", "", "job=reindex done\tin 12ms",
		"GET /api/cart status=500 dur_ms=1200",
	};
	int n = snprintf(buf, cap, "2025-06-01T12:%02u:%02uZ #%" PRIu64 " %s %.*s",
	    (unsigned)(i / 60 % 60), (unsigned)(i % 60), i,
	    words[i % WR_ARRAY_LEN(words)], (int)(i * 7 % 90),
	    "..........................................................................................");

	return (size_t)n;
}

static void
ring_stays_bounded_and_drops_whole_lines(void **state)
{
	struct logbuf lb;
	struct logbuf_line l;
	char buf[256];
	uint64_t i, kept;

	logbuf_init(&lb, 1);	/* clamped up to the minimum */
	assert_int_equal(lb.limit, WR_LOGBUF_MIN_BYTES);
	for (i = 0; i < 20000; i++) {
		size_t n = line_text(i, buf, sizeof(buf));

		assert_int_equal(logbuf_append(&lb, buf, n, (unsigned)(i % 5)), i);
		assert_true(lb.arena_cap <= lb.limit);
		assert_true(logbuf_text_bytes(&lb) + logbuf_count(&lb) <= lb.limit);
	}
	assert_int_equal(logbuf_end(&lb), 20000);
	assert_true(logbuf_first(&lb) > 0);
	assert_int_equal(lb.dropped, logbuf_first(&lb));
	/* Most of the arena is in use: only the gap at a wrap is lost. */
	assert_true(logbuf_text_bytes(&lb) + logbuf_count(&lb) > lb.limit - 256);
	kept = 0;
	for (i = logbuf_first(&lb); i < logbuf_end(&lb); i++) {
		size_t n = line_text(i, buf, sizeof(buf));

		assert_true(logbuf_get(&lb, i, &l));
		assert_int_equal(l.len, n);
		assert_memory_equal(l.text, buf, n);
		assert_int_equal(l.source, i % 5);
		kept++;
	}
	assert_int_equal(kept, logbuf_count(&lb));
	assert_false(logbuf_get(&lb, logbuf_first(&lb) - 1, &l));
	assert_false(logbuf_get(&lb, logbuf_end(&lb), &l));
	logbuf_free(&lb);
}

/* A run (prefix + piece per line, copied 16 bytes at a time) stores what
 * appending each prefixed line would: the same bytes, places and drops,
 * for prefixes and lines around the copy's 16-byte steps, short ones that
 * take memcpy and a prefix too long for the inline copy. */
static void
a_run_stores_what_appends_would(void **state)
{
	static const size_t plens[] = { 0, 1, 10, 15, 16, 17, 31, 32, 33, 200, 300 };
	char prefix[300], base[4096], line[600];
	struct logbuf_piece pieces[64];
	size_t k, i;

	for (i = 0; i < sizeof(prefix); i++)
		prefix[i] = (char)('A' + i % 26);
	for (i = 0; i < sizeof(base); i++)
		base[i] = (char)('a' + i * 7 % 26);
	for (k = 0; k < WR_ARRAY_LEN(plens); k++) {
		struct logbuf run, one;
		size_t plen = plens[k], round;

		logbuf_init(&run, WR_LOGBUF_MIN_BYTES);
		logbuf_init(&one, WR_LOGBUF_MIN_BYTES);
		/* Enough rounds to fill the ring and wrap it several times. */
		for (round = 0; round < 60; round++) {
			size_t n = 0, off = 0;
			uint64_t seq;

			for (i = 0; i < WR_ARRAY_LEN(pieces); i++) {
				size_t len = (round * 64 + i) % 67;	/* 0 .. 66 */

				if (i % 16 == 15)
					len = 190;
				pieces[n].off = (uint32_t)off;
				pieces[n++].len = (uint32_t)len;
				memcpy(line, prefix, plen);
				memcpy(line + plen, base + off, len);
				logbuf_append(&one, line, plen + len, 3);
				off += len + 1;
			}
			logbuf_append_run(&run, prefix, plen, base, pieces, n, 3);
			assert_int_equal(logbuf_first(&run), logbuf_first(&one));
			assert_int_equal(logbuf_end(&run), logbuf_end(&one));
			assert_int_equal(run.head, one.head);
			for (seq = logbuf_first(&one); seq < logbuf_end(&one); seq++) {
				struct logbuf_line a, b;

				assert_true(logbuf_get(&run, seq, &a));
				assert_true(logbuf_get(&one, seq, &b));
				assert_true(a.text - run.arena == b.text - one.arena);
				assert_int_equal(a.len, b.len);
				assert_memory_equal(a.text, b.text, b.len + 1);	/* and its '\n' */
				assert_int_equal(a.source, b.source);
			}
		}
		assert_true(logbuf_first(&one) > 0);
		logbuf_free(&run);
		logbuf_free(&one);
	}
}

static void
sequence_numbers_name_the_same_line(void **state)
{
	struct logbuf lb;
	struct logbuf_line l;
	char buf[256];
	uint64_t held = 0, i;

	logbuf_init(&lb, WR_LOGBUF_MIN_BYTES);
	for (i = 0; i < 100; i++)
		held = logbuf_append(&lb, buf, line_text(i, buf, sizeof(buf)), 0);
	/* A paused view holds `held` while lines arrive and old ones drop. */
	for (i = 100; logbuf_first(&lb) <= held; i++) {
		size_t n = line_text(held, buf, sizeof(buf));

		assert_true(logbuf_get(&lb, held, &l));
		assert_memory_equal(l.text, buf, n);
		logbuf_append(&lb, buf, line_text(i, buf, sizeof(buf)), 0);
		assert_int_equal(logbuf_end(&lb) - 1 - held, i - 99);	/* "+N new" */
	}
	assert_false(logbuf_get(&lb, held, &l));
	logbuf_free(&lb);
}

static void
appends_keep_lines_single(void **state)
{
	struct logbuf lb;
	struct logbuf_line l;
	uint64_t s;

	logbuf_init(&lb, 0);
	assert_int_equal(lb.limit, WR_LOGBUF_DEFAULT_BYTES);
	s = logbuf_append(&lb, "a\nb", 3, 70000);
	assert_true(logbuf_get(&lb, s, &l));
	assert_int_equal(l.len, 3);
	assert_memory_equal(l.text, "a b", 3);
	assert_int_equal(l.source, UINT16_MAX);
	s = logbuf_append_raw(&lb, "\x1b[2J\xc2\x9b" "1m\xe2\x80\xae" "x\n", 13, 3);
	assert_true(logbuf_get(&lb, s, &l));
	assert_int_equal(l.len, strlen("^[[2J\\x9b1m<U+202E>x^J"));
	assert_memory_equal(l.text, "^[[2J\\x9b1m<U+202E>x^J", l.len);
	assert_int_equal(l.source, 3);
	s = logbuf_append(&lb, "", 0, 0);
	assert_true(logbuf_get(&lb, s, &l));
	assert_int_equal(l.len, 0);
	logbuf_free(&lb);
}

/* The copy into the arena checks for '\n' 16 bytes at a time (the last
 * block overlapping): one or two '\n' anywhere in a line of any length up
 * to 80 become spaces, and the rest of the line is copied exactly. */
static void
appends_replace_newlines_at_every_offset(void **state)
{
	struct logbuf lb;
	struct logbuf_line l;
	char in[80], want[80];
	size_t n, a, b, k;
	uint64_t s;

	(void)state;
	logbuf_init(&lb, 0);
	for (n = 0; n <= sizeof(in); n++)
		for (a = 0; a <= n; a++)
			for (b = a; b <= n; b += 7) {
				for (k = 0; k < n; k++)
					in[k] = want[k] = (char)('!' + (k * 7 + n) % 90);
				if (a < n)
					in[a] = '\n', want[a] = ' ';
				if (b < n)
					in[b] = '\n', want[b] = ' ';
				s = logbuf_append(&lb, in, n, 0);
				assert_true(logbuf_get(&lb, s, &l));
				assert_int_equal(l.len, n);
				assert_memory_equal(l.text, want, n);
				assert_int_equal(l.text[n], '\n');
			}
	logbuf_free(&lb);
}

static void
overhead_is_at_most_8_bytes_per_line(void **state)
{
	struct logbuf lb;
	char buf[32];
	uint64_t i;
	double per_line;

	/* 1.5M short lines through a 16 MiB ring: over a million retained. */
	logbuf_init(&lb, (size_t)16 << 20);
	for (i = 0; i < 1500000; i++) {
		int n = snprintf(buf, sizeof(buf), "msg %07" PRIu64 " ok", i);

		logbuf_append(&lb, buf, (size_t)n, (unsigned)(i & 63));
	}
	assert_true(logbuf_count(&lb) >= 1000000);
	per_line = (double)(logbuf_memory(&lb) - logbuf_text_bytes(&lb)) / (double)logbuf_count(&lb);
	print_message("# %zu lines retained, %.2f bytes overhead per line\n",
	    logbuf_count(&lb), per_line);
	assert_true(per_line <= 8.0);
	logbuf_free(&lb);
}

static void
timestamps_are_read_from_the_line(void **state)
{
	struct logbuf lb;
	int64_t t;
	uint64_t i;
	char buf[256];

	assert_true(logbuf_parse_time("2025-06-01T12:00:00.123Z INFO", 29, &t));
	assert_int_equal(t, 1748779200);
	assert_true(logbuf_parse_time("api-1  | 2025-06-01T14:00:01+02:00 x", 36, &t));
	assert_int_equal(t, 1748779201);
	assert_true(logbuf_parse_time("2025-06-01 12:00:00", 19, &t));
	assert_int_equal(t, 1748779200);
	assert_false(logbuf_parse_time("2025-13-01T12:00:00Z", 20, &t));
	assert_false(logbuf_parse_time("hello world", 11, &t));
	assert_false(logbuf_parse_time("2025-06-01T12:00", 16, &t));
	/* LOGS' own host/service prefix. */
	assert_true(logbuf_parse_time("h1/api 2025-06-01T12:00:01Z INFO x", 34, &t));
	assert_int_equal(t, 1748779201);
	/* ... and kubectl's pod prefix after it (a deployment's pods followed). */
	assert_true(logbuf_parse_time("k1/api [pod/api-5d8f-x7k2q/api] 2025-06-01T12:00:02Z I", 54,
	    &t));
	assert_int_equal(t, 1748779202);
	assert_true(logbuf_parse_time("[pod/api-1/api] 2025-06-01T12:00:03Z", 36, &t));
	assert_int_equal(t, 1748779203);
	assert_false(logbuf_parse_time("k1/api [pod/api-1/api 2025-06-01T12:00:02Z", 42, &t));
	assert_false(logbuf_parse_time("h1/api no time here", 19, &t));

	logbuf_init(&lb, 0);
	for (i = 0; i < 600; i++) {
		logbuf_append(&lb, buf, line_text(i, buf, sizeof(buf)), 0);
		if (i % 10 == 0)
			logbuf_append(&lb, "no stamp here", 13, 0);
	}
	assert_int_equal(logbuf_time(&lb, 0), 1748779200);
	i = logbuf_seek_time(&lb, 1748779200 + 125);
	assert_int_equal(logbuf_time(&lb, i), 1748779200 + 125);
	assert_true(logbuf_time(&lb, i - 1) < 1748779200 + 125);
	assert_int_equal(logbuf_seek_time(&lb, 1748779200 + 99999), logbuf_end(&lb));
	assert_int_equal(logbuf_seek_time(&lb, 0), 0);
	logbuf_free(&lb);
}

/* Fill a set's rings with n lines of line_text(), line i in ring i % rings. */
static void
fill_set(struct logset *s, uint64_t from, uint64_t n)
{
	char buf[256];
	uint64_t i;

	for (i = from; i < from + n; i++)
		logset_append(s, (unsigned)(i % logset_rings(s)), buf,
		    line_text(i, buf, sizeof(buf)), false);
}

/* The filter's result must equal a line-by-line check of every line of
 * every ring (one ring, or three that share the lines), and n must walk
 * the matches in id order. */
static void
assert_filter_equals_brute_force(const char *pattern, unsigned step, unsigned services)
{
	struct logset s;
	struct logfilter f, one;
	struct logbuf_line l;
	struct wr_err err;
	size_t k, n, total = 0;
	uint64_t i, id, at;
	unsigned r;

	logset_init(&s, WR_LOGBUF_MIN_BYTES * (services + 1));
	logset_reset(&s, services);
	fill_set(&s, 0, 3000 * (services + 1));
	logfilter_init(&f);
	logfilter_init(&one);
	assert_int_equal(logfilter_set(&f, pattern, strlen(pattern), &err), 0);
	assert_int_equal(logfilter_set(&one, pattern, strlen(pattern), &err), 0);
	while (!logfilter_step(&f, &s, step))
		;
	assert_true(logfilter_step(&one, &s, UINT32_MAX));
	n = logfilter_count(&f, &s);
	assert_int_equal(n, logfilter_count(&one, &s));
	for (r = 0; r < logset_rings(&s); r++) {
		const struct logbuf *lb = logset_buf(&s, r);
		size_t m = logfilter_ring_count(&f, &s, r);

		for (k = 0, i = logbuf_first(lb); i < logbuf_end(lb); i++) {
			assert_true(logbuf_get(lb, i, &l));
			if (!logfilter_match(&f, l.text, l.len))
				continue;
			assert_true(k < m);
			assert_int_equal(logfilter_ring_hit(&f, r, k), i);
			assert_int_equal(logfilter_ring_hit(&one, r, k), i);
			k++;
		}
		if (k != m)
			print_error("pattern %s: %zu brute force, %zu filtered\n", pattern, k, m);
		assert_int_equal(k, m);
		total += m;
	}
	assert_int_equal(total, n);
	/* n from before the oldest line visits every match once, ids rising. */
	for (k = 0, id = 0, at = 0; k < n; k++, id = at) {
		assert_true(logfilter_next(&f, &s, k == 0 ? 0 : id, &at));
		assert_true(k == 0 || at > id);
	}
	assert_false(n > 0 && logfilter_next(&f, &s, at, &id));
	logfilter_free(&f);
	logfilter_free(&one);
	logset_free(&s);
}

static void
filter_finds_what_each_line_matches(void **state)
{
	static const char *const patterns[] = {
		"ERROR|status=5\\d\\d", "error", "Error", "^2025", "ok$", "\\bok\\b",
		"ok\\s+2025", "[^x]*ERROR", "\\.\\n2025", "(?i)DISK", "x*", "$", "^",
		"\\Astatus", "#1\\d{3} ", "(?<=#)7\\b", "timeout.*$",
	};
	size_t i;

	for (i = 0; i < WR_ARRAY_LEN(patterns); i++) {
		assert_filter_equals_brute_force(patterns[i], 1, 0);
		assert_filter_equals_brute_force(patterns[i], 7, 0);
		assert_filter_equals_brute_force(patterns[i], 4096, 0);
		assert_filter_equals_brute_force(patterns[i], 7, 2);
	}
}

static void
case_is_smart(void **state)
{
	struct logfilter f;
	struct wr_err err;

	logfilter_init(&f);
	assert_int_equal(logfilter_set(&f, "error", 5, &err), 0);
	assert_true(f.caseless);
	assert_true(logfilter_match(&f, "an ERROR here", 13));
	assert_true(logfilter_match(&f, "Error:", 6));
	assert_int_equal(logfilter_set(&f, "Error", 5, &err), 0);
	assert_false(f.caseless);
	assert_false(logfilter_match(&f, "an ERROR here", 13));
	assert_true(logfilter_match(&f, "Error:", 6));
	/* Escapes are not letters: \S and \D keep it case-insensitive. */
	assert_int_equal(logfilter_set(&f, "err\\S+\\D", 8, &err), 0);
	assert_true(f.caseless);
	assert_true(logfilter_match(&f, "ERRORS", 6));
	/* Non-ASCII text matches too, and is never split by a match. */
	assert_int_equal(logfilter_set(&f, "é", 2, &err), 0);
	assert_true(logfilter_match(&f, "caf\xc3\xa9", 5));
	logfilter_free(&f);
}

/* A line pcre2 gives up on (its match limit) is shown, not hidden, and
 * counted apart: it holds NEEDLE42, which the pattern's other branch
 * would have found. Batched or line by line. */
static void
a_line_the_filter_cannot_search_is_shown(void **state)
{
	static const char pattern[] = "(x+x+)+y|NEEDLE42";
	char bomb[128];
	unsigned step;

	memset(bomb, 'x', 60);
	strcpy(bomb + 60, " NEEDLE42 in a line pcre2 gives up on");
	for (step = 1; step <= 4096; step *= 4096) {
		struct logset s;
		struct logfilter f;
		struct wr_err err;

		logset_init(&s, 0);
		logset_append_raw(&s, 0, "plain line", 10, false);
		logset_append_raw(&s, 0, bomb, strlen(bomb), false);
		logset_append_raw(&s, 0, "NEEDLE42 alone", 14, false);
		logset_append_raw(&s, 0, "another plain line", 18, false);
		logfilter_init(&f);
		assert_int_equal(logfilter_set(&f, pattern, strlen(pattern), &err), 0);
		assert_null(logfilter_error_words(&f));
		while (!logfilter_step(&f, &s, step))
			;
		assert_int_equal(logfilter_count(&f, &s), 2);
		assert_int_equal(logfilter_ring_hit(&f, 0, 0), 1);
		assert_int_equal(logfilter_ring_hit(&f, 0, 1), 2);
		assert_int_equal(logfilter_unsearched(&f, &s), 1);
		assert_string_equal(logfilter_error_words(&f), "match limit");
		assert_true(logfilter_match(&f, bomb, strlen(bomb)));
		/* A new pattern forgets it. */
		assert_int_equal(logfilter_set(&f, "plain", 5, &err), 0);
		while (!logfilter_step(&f, &s, step))
			;
		assert_int_equal(logfilter_unsearched(&f, &s), 0);
		assert_null(logfilter_error_words(&f));
		logfilter_free(&f);
		logset_free(&s);
	}
}

static void
invalid_pattern_says_why_and_where(void **state)
{
	struct logfilter f;
	struct wr_err err;

	logfilter_init(&f);
	assert_int_equal(logfilter_set(&f, "ok", 2, &err), 0);
	assert_int_equal(logfilter_set(&f, "(status", 7, &err), -1);
	assert_string_equal(err.msg, "missing closing parenthesis at offset 7");
	/* The previous pattern stays in force. */
	assert_true(logfilter_match(&f, "ok", 2));
	assert_int_equal(logfilter_set(&f, "a{2,1}", 6, &err), -1);
	assert_string_equal(err.msg, "numbers out of order in {} quantifier at offset 5");
	logfilter_free(&f);
}

static void
search_next_and_previous(void **state)
{
	struct logset lb;
	struct logfilter f;
	struct wr_err err;
	uint64_t s;

	logset_init(&lb, 0);
	fill_set(&lb, 0, 100);	/* ERROR on lines 1, 8, 15, ... 99 (i % 7 == 1) */
	logfilter_init(&f);
	assert_int_equal(logfilter_set(&f, "ERROR", 5, &err), 0);
	assert_true(logfilter_step(&f, &lb, 1000));
	assert_int_equal(logfilter_count(&f, &lb), 15);
	assert_true(logfilter_next(&f, &lb, 0, &s));
	assert_int_equal(s, 1);
	assert_true(logfilter_next(&f, &lb, 1, &s));
	assert_int_equal(s, 8);
	assert_true(logfilter_prev(&f, &lb, 8, &s));
	assert_int_equal(s, 1);
	assert_false(logfilter_prev(&f, &lb, 1, &s));
	assert_false(logfilter_next(&f, &lb, 99, &s));
	assert_true(logfilter_prev(&f, &lb, 1000, &s));
	assert_int_equal(s, 99);
	/* New lines are picked up by the next step. */
	fill_set(&lb, 100, 10);
	assert_false(logfilter_step(&f, &lb, 5));
	assert_true(logfilter_step(&f, &lb, 5));
	assert_true(logfilter_next(&f, &lb, 99, &s));
	assert_int_equal(s, 106);
	/* Paused after line 99: of the 10 new lines, one matches. */
	assert_int_equal(logset_count_after(&lb, 99), 10);
	assert_int_equal(logfilter_count_after(&f, &lb, 99), 1);
	assert_int_equal(logfilter_count_after(&f, &lb, 106), 0);
	assert_int_equal(logfilter_count_after(&f, &lb, 0), 16);
	logfilter_free(&f);
	logset_free(&lb);
}

static void
matches_drop_with_the_ring(void **state)
{
	struct logset lb;
	struct logfilter f;
	struct wr_err err;
	size_t before;

	logset_init(&lb, WR_LOGBUF_MIN_BYTES);
	fill_set(&lb, 0, 300);
	logfilter_init(&f);
	assert_int_equal(logfilter_set(&f, "ERROR", 5, &err), 0);
	assert_true(logfilter_step(&f, &lb, 10000));
	before = logfilter_count(&f, &lb);
	assert_int_equal(before, 43);
	fill_set(&lb, 300, 2000);	/* drops the first lines */
	assert_true(logset_first(&lb) > 300);
	assert_true(logfilter_count(&f, &lb) == 0);
	while (!logfilter_step(&f, &lb, 100))
		;
	assert_true(logfilter_count(&f, &lb) > 0);
	assert_true(logfilter_ring_hit(&f, 0, 0) >= logset_first(&lb));
	assert_true(logfilter_ring_hit(&f, 0, 0) < logset_first(&lb) + 7);
	logfilter_free(&f);
	logset_free(&lb);
}

static void
spans_mark_matches_for_highlighting(void **state)
{
	struct logfilter f;
	struct logfilter_span sp[8];
	struct wr_err err;
	const char *line = "status=500 then status=503 ok";

	logfilter_init(&f);
	assert_int_equal(logfilter_spans(&f, line, strlen(line), sp, 8), 0);
	assert_int_equal(logfilter_set(&f, "status=5\\d\\d", 12, &err), 0);
	assert_int_equal(logfilter_spans(&f, line, strlen(line), sp, 8), 2);
	assert_int_equal(sp[0].start, 0);
	assert_int_equal(sp[0].end, 10);
	assert_int_equal(sp[1].start, 16);
	assert_int_equal(sp[1].end, 26);
	assert_int_equal(logfilter_spans(&f, line, strlen(line), sp, 1), 1);
	/* Empty matches advance by whole characters. */
	assert_int_equal(logfilter_set(&f, "x*", 2, &err), 0);
	assert_int_equal(logfilter_spans(&f, "\xc3\xa9x", 3, sp, 8), 3);
	assert_int_equal(sp[1].start, 2);
	assert_int_equal(sp[1].end, 3);
	logfilter_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ring_stays_bounded_and_drops_whole_lines),
		cmocka_unit_test(sequence_numbers_name_the_same_line),
		cmocka_unit_test(a_run_stores_what_appends_would),
		cmocka_unit_test(appends_keep_lines_single),
		cmocka_unit_test(appends_replace_newlines_at_every_offset),
		cmocka_unit_test(overhead_is_at_most_8_bytes_per_line),
		cmocka_unit_test(timestamps_are_read_from_the_line),
		cmocka_unit_test(filter_finds_what_each_line_matches),
		cmocka_unit_test(case_is_smart),
		cmocka_unit_test(invalid_pattern_says_why_and_where),
		cmocka_unit_test(a_line_the_filter_cannot_search_is_shown),
		cmocka_unit_test(search_next_and_previous),
		cmocka_unit_test(matches_drop_with_the_ring),
		cmocka_unit_test(spans_mark_matches_for_highlighting),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
