/*
 * test_theme.c — theme files: the shipped ones parse, default.theme equals
 * the built-in theme, and bad lines are refused with file:line (text the
 * colour of its background among them). Each role's line is kept.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/theme.h"

static char *
slurp(const char *name, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[1024];
	FILE *f;
	char *buf = malloc(65536);

	snprintf(path, sizeof(path), "%s/themes/%s", top ? top : ".", name);
	f = fopen(path, "r");
	assert_non_null(f);
	*len = fread(buf, 1, 65535, f);
	fclose(f);
	buf[*len] = '\0';
	return buf;
}

static void
default_file_equals_builtin(void **state)
{
	struct theme builtin, parsed;
	struct wr_err err;
	size_t len;
	char *buf = slurp("default.theme", &len);
	int i;

	theme_default(&builtin);
	memset(&parsed, 0, sizeof(parsed));
	/* Parse over an all-zero theme so every role must come from the file. */
	assert_int_equal(theme_parse(&parsed, "default.theme", buf, len, &err), 0);
	for (i = 0; i < THEME_ROLE_COUNT; i++) {
		if (memcmp(&parsed.style[i], &builtin.style[i], sizeof(parsed.style[i])) != 0)
			fail_msg("role %s differs from the built-in theme",
			    theme_role_key((enum theme_role)i));
	}
	free(buf);
}

static void
shipped_themes_set_every_role(void **state)
{
	static const char *const names[] = {
		"light.theme", "high-contrast.theme", "monochrome.theme",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct theme t;
		struct wr_err err;
		size_t len;
		char *buf = slurp(names[i], &len);
		int r;

		theme_default(&t);
		r = theme_parse(&t, names[i], buf, len, &err);
		if (r != 0)
			fail_msg("%s", err.msg);
		free(buf);
	}
}

static void
monochrome_has_no_colours(void **state)
{
	struct theme t;
	struct wr_err err;
	size_t len;
	char *buf = slurp("monochrome.theme", &len);
	int i;

	theme_default(&t);
	assert_int_equal(theme_parse(&t, "m", buf, len, &err), 0);
	for (i = 0; i < THEME_ROLE_COUNT; i++) {
		assert_int_equal(t.style[i].fg, THEME_COLOR_DEFAULT);
		assert_int_equal(t.style[i].bg, THEME_COLOR_DEFAULT);
	}
	free(buf);
}

static void
styles_parse(void **state)
{
	struct theme t;
	struct wr_err err;
	const char *text = "# c\nheader = bright-white on 24 bold underline\nok = 2\n";

	theme_default(&t);
	assert_int_equal(theme_parse(&t, "x.theme", text, strlen(text), &err), 0);
	assert_int_equal(t.style[THEME_HEADER].fg, 15);
	assert_int_equal(t.style[THEME_HEADER].bg, 24);
	assert_int_equal(t.style[THEME_HEADER].attrs, THEME_A_BOLD | THEME_A_UNDERLINE);
	assert_int_equal(t.style[THEME_OK].fg, 2);
	assert_int_equal(t.style[THEME_OK].bg, THEME_COLOR_DEFAULT);
	assert_string_equal(t.file, "x.theme");
	assert_int_equal(t.line[THEME_HEADER], 2);
	assert_int_equal(t.line[THEME_OK], 3);
	assert_int_equal(t.line[THEME_BAD], 0);
}

static void
expect_theme_error(const char *text, const char *want)
{
	struct theme t;
	struct wr_err err;

	theme_default(&t);
	assert_int_equal(theme_parse(&t, "bad.theme", text, strlen(text), &err), -1);
	assert_string_equal(err.msg, want);
}

static void
bad_theme_lines(void **state)
{
	expect_theme_error("normal = default\nheadr = red\n", "bad.theme:2: unknown role 'headr'");
	expect_theme_error("ok = greenish\n",
	    "bad.theme:1: ok: unknown colour or attribute 'greenish' (colours: default, "
	    "black, red, green, yellow, blue, magenta, cyan, white, bright-NAME, 0-255; "
	    "attributes: bold, dim, underline, reverse, italic, standout)");
	expect_theme_error("ok = 256\n",
	    "bad.theme:1: ok: unknown colour or attribute '256' (colours: default, "
	    "black, red, green, yellow, blue, magenta, cyan, white, bright-NAME, 0-255; "
	    "attributes: bold, dim, underline, reverse, italic, standout)");
	expect_theme_error("ok = red on\n", "bad.theme:1: ok: 'on' must be followed by a colour");
	expect_theme_error("ok = red blue\n", "bad.theme:1: ok: write 'FG on BG' for two colours, got 'red blue'");
	expect_theme_error("\n\nok = red\nok = blue\n", "bad.theme:4: role 'ok' set twice");
	expect_theme_error("[colors]\nok = red\n", "bad.theme:2: sections are not used in theme files: [colors]");
	expect_theme_error("ok red\n", "bad.theme:1: expected 'role = colours and attributes'");
	/* Text the colour of its background, by name, number or RGB. */
	expect_theme_error("ok = green on green\n",
	    "bad.theme:1: ok: green on green cannot be read: the text and its background "
	    "are one colour");
	expect_theme_error("\nnormal = black on black bold\n",
	    "bad.theme:2: normal: black on black cannot be read: the text and its background "
	    "are one colour");
	expect_theme_error("header = 16 on black\n",
	    "bad.theme:1: header: 16 on black cannot be read: the text and its background "
	    "are one colour");
	expect_theme_error("footer = bright-white on 231 reverse\n",
	    "bad.theme:1: footer: bright-white on 231 cannot be read: the text and its "
	    "background are one colour");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(default_file_equals_builtin),
		cmocka_unit_test(shipped_themes_set_every_role),
		cmocka_unit_test(monochrome_has_no_colours),
		cmocka_unit_test(styles_parse),
		cmocka_unit_test(bad_theme_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
