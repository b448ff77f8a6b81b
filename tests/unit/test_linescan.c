/*
 * test_linescan.c — the chunk scan: AVX2, SSE2 and scalar give the same
 * bits; a line it finds no slow byte in is one the sanitizer and the
 * redactor leave alone; a line with a vendor token, webhook or MySQL
 * password is slow; a prefix that may start a redaction word is seen.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/linescan.h"
#include "warroom/sanitize.h"

#include "xorshift.h"

static uint64_t rng_state = 0x243f6a8885a308d3ull;

static uint32_t
rng(void)
{
	return (uint32_t)(xorshift64(&rng_state) >> 16);
}

/* Text built from pieces a log and the redactor both care about. */
static size_t
random_text(char *buf, size_t cap)
{
	static const char *const bits[] = {
		"GET /api/orders ", "status=500 ", "\n", "\r\n", "\t", "seq=12 ",
		"token", "TOKEN=", "Secret", "sig", "key", "dsn", "Database", "auth",
		"cookie", "credential", "bearer", "Bearer ", "eyJ", "://", "-----",
		"pass", "pwd", "9f3c1a7e55b2d0c4", "Xq4kT9zR2v", "\x1b[31m", "\x7f",
		"\xc2\x9b", "\xe2\x80\xae", "\xc0\xaf", "\xff", "caf\xc3\xa9 ", "tok",
		"se", "p", "a", " ", "x", "@", "0", "\xe9",
		"ghp_", "GHO_", "ghs_", "github_pat_", "glpat-", "xoxb-", "xapp-", "mysql",
		"mariadb", "gh", "xo", "-p",
	};
	size_t n = 0;

	while (n < cap) {
		const char *b = bits[rng() % (sizeof(bits) / sizeof(bits[0]))];
		size_t l = strlen(b);

		if (rng() % 3 == 0) {
			buf[n++] = (char)(rng() % 256);
			continue;
		}
		if (n + l > cap)
			l = cap - n;
		memcpy(buf + n, b, l);
		n += l;
	}
	return n;
}

static void
setup_redactor(struct redactor *r)
{
	redact_init(r);
	redact_add_secret(r, "9f3c1a7e55b2d0c4e8a61f27b09d");
	redact_add_secret(r, "Xq4kT9zR2vW8mN1bB5cY7hJ3");
}

static void
every_path_gives_the_same_bits(void **state)
{
	struct redactor r;
	static char text[4096];
	uint64_t nl[3][WR_LINESCAN_WORDS(4096)], slow[3][WR_LINESCAN_WORDS(4096)];
	int round, p;

	(void)state;
	setup_redactor(&r);
	for (round = 0; round < 3000; round++) {
		size_t n = round < 300 ? (size_t)round : 1 + rng() % sizeof(text);
		size_t off = rng() % 7, w = WR_LINESCAN_WORDS(n);

		n = random_text(text + off, n > sizeof(text) - off ? sizeof(text) - off : n);
		for (p = 0; p < 3; p++) {
			memset(nl[p], 0xa5, sizeof(nl[p]));
			memset(slow[p], 0xa5, sizeof(slow[p]));
			linescan_run_path(&r, text + off, n, nl[p], slow[p],
			    p == 0 ? LINESCAN_SCALAR : p == 1 ? LINESCAN_SSE2 : LINESCAN_AVX2);
		}
		assert_memory_equal(nl[0], nl[1], w * sizeof(uint64_t));
		assert_memory_equal(nl[0], nl[2], w * sizeof(uint64_t));
		assert_memory_equal(slow[0], slow[1], w * sizeof(uint64_t));
		assert_memory_equal(slow[0], slow[2], w * sizeof(uint64_t));
	}
	redact_free(&r);
}

static void
newlines_and_unclean_bytes_are_marked(void **state)
{
	struct redactor r;
	const char *s = "ab\tc\n\x1b" "d\x80\x7f\n";
	uint64_t nl[1], slow[1];

	(void)state;
	redact_init(&r);
	linescan_run(&r, s, strlen(s), nl, slow);
	assert_true(nl[0] == ((1u << 4) | (1u << 9)));
	/* The LF itself counts as unclean; ESC, 0x80 and DEL do; tab does not. */
	assert_true((slow[0] & 0x3ff) == ((1u << 4) | (1u << 5) | (1u << 7) | (1u << 8) | (1u << 9)));
	redact_free(&r);
}

/* Every line with no slow byte: sanitizing changes nothing and the
 * redactor's exact pre-test says no. */
static void
a_line_without_slow_bytes_needs_nothing(void **state)
{
	struct redactor r;
	static char text[8192];
	uint64_t nl[WR_LINESCAN_WORDS(8192)], slow[WR_LINESCAN_WORDS(8192)];
	int round, fast = 0;

	(void)state;
	setup_redactor(&r);
	for (round = 0; round < 2000; round++) {
		size_t n = random_text(text, 1 + rng() % sizeof(text)), a = 0;

		linescan_run(&r, text, n, nl, slow);
		while (a < n) {
			size_t e = linescan_next(nl, a, n);

			if (!linescan_any(slow, a, e)) {
				assert_true(sanitize_is_clean(text + a, e - a));
				assert_false(redact_might_path(&r, text + a, e - a, REDACT_PATH_SCALAR));
				fast++;
			}
			a = e + 1;
		}
	}
	assert_true(fast > 100);
	redact_free(&r);
}

static void
a_prefix_that_may_start_a_word_is_not_plain(void **state)
{
	struct redactor r;

	(void)state;
	setup_redactor(&r);
	assert_true(linescan_prefix_plain(&r, "api-1/api ", 10));
	assert_true(linescan_prefix_plain(&r, "", 0));
	assert_false(linescan_prefix_plain(&r, "auth-1/api ", 11));
	/* A word begun at the prefix's end, finished by the line. */
	assert_false(linescan_prefix_plain(&r, "db-1/tok", 8));
	assert_false(linescan_prefix_plain(&r, "db-1/x:", 7));
	assert_false(linescan_prefix_plain(&r, "db-1/9f", 7));
	redact_free(&r);
}

/* A line holding any kind of secret the redactor knows has a slow byte,
 * on every path, so it takes the exact path (test_ingest checks the ring). */
static void
a_line_with_a_vendor_token_is_slow(void **state)
{
	static const char *const lines[] = {
		"push ghp_GhClassic0123456789abcdefghijklmnopqr ok",
		"push GHO_GhClassic0123456789abcdefghijklmnopqr ok",
		"GH github_pat_11FineGrained0123456789_abcdef",
		"bot xoxb-123456789012-1234567890123-ZzSlackTok99",
		"app xapp-1-A0123456789-0123456789-abcdef",
		"clone glpat-GlPersonal0123456789xyz",
		"notify https://hooks.slack.com/services/T0/B0/SlackHookSecret42",
		"mysqldump -u root -pMyDumpPw55 shop",
		"mariadb -pMariaPw66 shop",
		"x-auth-token: abc",
		"client_secret=abc",
	};
	struct redactor r;
	uint64_t nl[2], slow[2];
	size_t i, n;
	int p;

	(void)state;
	setup_redactor(&r);
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		for (p = 0; p < 3; p++) {
			n = strlen(lines[i]);
			linescan_run_path(&r, lines[i], n, nl, slow,
			    p == 0 ? LINESCAN_SCALAR : p == 1 ? LINESCAN_SSE2 : LINESCAN_AVX2);
			if (!linescan_any(slow, 0, n))
				fail_msg("no slow byte (path %d) in: %s", p, lines[i]);
		}
	redact_free(&r);
}

static void
bit_ranges(void **state)
{
	uint64_t bits[3] = { 0, (uint64_t)1 << 3, (uint64_t)1 << 63 };

	(void)state;
	assert_int_equal(linescan_next(bits, 0, 192), 67);
	assert_int_equal(linescan_next(bits, 68, 192), 191);
	assert_int_equal(linescan_next(bits, 68, 100), 100);
	assert_false(linescan_any(bits, 0, 67));
	assert_true(linescan_any(bits, 0, 68));
	assert_false(linescan_any(bits, 5, 5));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_path_gives_the_same_bits),
		cmocka_unit_test(newlines_and_unclean_bytes_are_marked),
		cmocka_unit_test(a_line_without_slow_bytes_needs_nothing),
		cmocka_unit_test(a_prefix_that_may_start_a_word_is_not_plain),
		cmocka_unit_test(a_line_with_a_vendor_token_is_slow),
		cmocka_unit_test(bit_ranges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
