/*
 * fuzz_theme.c — libFuzzer harness for the theme parser: any bytes parse
 * over the default theme or fail with a "file:line: message"; every style
 * stays in range (colours -1..255, only known attribute bits); fitted to
 * 8 and 16 colours every colour is one the terminal has, no role's text
 * is its background's colour, and the notice and the lint are strings.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_theme.c src/core/theme.c src/core/theme_fit.c \
 *     src/core/ini_lines.c src/core/util.c \
 *     -o fuzz_theme
 *   ./fuzz_theme -max_total_time=30 corpus/ themes/
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/theme.h"
#include "warroom/theme_fit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "failed: %s\n", #c); abort(); } } while (0)

#define ALL_ATTRS (THEME_A_BOLD | THEME_A_DIM | THEME_A_UNDERLINE | \
	THEME_A_REVERSE | THEME_A_ITALIC | THEME_A_STANDOUT)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct theme t;
	struct wr_err err;

	theme_default(&t);
	err.msg[0] = '\0';
	if (theme_parse(&t, "fuzz.theme", (const char *)data, size, &err) != 0)
		CHECK(strncmp(err.msg, "fuzz.theme:", 11) == 0);
	CHECK(memchr(t.name, '\0', sizeof(t.name)) != NULL);
	for (int r = 0; r < THEME_ROLE_COUNT; r++) {
		const struct theme_style *s = &t.style[r];

		CHECK(s->fg >= THEME_COLOR_DEFAULT && s->fg <= 255);
		CHECK(s->bg >= THEME_COLOR_DEFAULT && s->bg <= 255);
		CHECK((s->attrs & ~(unsigned)ALL_ATTRS) == 0);
	}
	for (int n = 8; n <= 16; n += 8) {
		struct theme fitted = t;
		struct theme_fit f;
		char said[512];

		theme_fit(&fitted, n, &f);
		for (int r = 0; r < THEME_ROLE_COUNT; r++) {
			const struct theme_style *s = &fitted.style[r];

			CHECK(s->fg >= THEME_COLOR_DEFAULT && s->fg < n);
			CHECK(s->bg >= THEME_COLOR_DEFAULT && s->bg < n);
			CHECK(s->fg == THEME_COLOR_DEFAULT || s->fg != s->bg);
		}
		theme_fit_describe(&f, "screen", said, sizeof(said));
		CHECK(memchr(said, '\0', sizeof(said)) != NULL);
	}
	{
		struct wr_buf b = { 0 };

		theme_lint(&t, &b);
		free(wr_buf_take(&b));
	}
	theme_strip_colors(&t);
	return 0;
}
