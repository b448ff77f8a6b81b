/*
 * test_theme_fit.c — a theme's xterm-256 colours on terminals with fewer:
 * the nearest colour it has (not curses' modulo), roles that would be
 * unreadable or verdicts that would change meaning given the built-in
 * styles, the footer's notice and --check-config's warnings.
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
#include "warroom/theme_fit.h"

#define BIT(r) (1u << (r))

static void
parse(struct theme *t, const char *text)
{
	struct wr_err err;

	theme_default(t);
	if (theme_parse(t, "x.theme", text, strlen(text), &err) != 0)
		fail_msg("%s", err.msg);
}

static void
xterm_palette(void **state)
{
	unsigned char rgb[3];

	theme_color_rgb(196, rgb);
	assert_memory_equal(rgb, ((unsigned char[]){ 255, 0, 0 }), 3);
	theme_color_rgb(19, rgb);
	assert_memory_equal(rgb, ((unsigned char[]){ 0, 0, 175 }), 3);
	theme_color_rgb(130, rgb);
	assert_memory_equal(rgb, ((unsigned char[]){ 175, 95, 0 }), 3);
	theme_color_rgb(232, rgb);
	assert_memory_equal(rgb, ((unsigned char[]){ 8, 8, 8 }), 3);
	theme_color_rgb(255, rgb);
	assert_memory_equal(rgb, ((unsigned char[]){ 238, 238, 238 }), 3);
	theme_color_rgb(7, rgb);
	assert_memory_equal(rgb, ((unsigned char[]){ 229, 229, 229 }), 3);
	assert_true(theme_color_same(16, 0));
	assert_true(theme_color_same(231, 15));
	assert_true(theme_color_same(196, 9));
	assert_false(theme_color_same(1, 9));
	assert_false(theme_color_same(THEME_COLOR_DEFAULT, 0));
	assert_true(theme_color_same(THEME_COLOR_DEFAULT, THEME_COLOR_DEFAULT));
}

static void
nearest_basic_colour(void **state)
{
	/* A theme on TERM=screen: curses made 196 blue (196 % 8). */
	assert_int_equal(theme_color_fit(196, 8), 1);
	assert_int_equal(theme_color_fit(46, 8), 2);
	assert_int_equal(theme_color_fit(226, 8), 3);
	assert_int_equal(theme_color_fit(231, 8), 7);
	assert_int_equal(theme_color_fit(19, 8), 4);
	/* Dark red is nearer black than red. Mid-grey is white: by RGB
	 * distance alone it would be yellow, but a grey stays a grey. */
	assert_int_equal(theme_color_fit(52, 8), 0);
	assert_int_equal(theme_color_fit(88, 8), 1);
	assert_int_equal(theme_color_fit(244, 8), 7);
	assert_int_equal(theme_color_fit(236, 8), 0);
	/* bright-NAME on eight colours is NAME, bright black included. */
	assert_int_equal(theme_color_fit(9, 8), 1);
	assert_int_equal(theme_color_fit(8, 8), 0);
	assert_int_equal(theme_color_fit(15, 8), 7);
	/* Sixteen colours keep the bright ones and use them. */
	assert_int_equal(theme_color_fit(9, 16), 9);
	assert_int_equal(theme_color_fit(196, 16), 9);
	assert_int_equal(theme_color_fit(231, 16), 15);
	assert_int_equal(theme_color_fit(244, 16), 8);
	/* 256 colours take every number; 88 only the basic 16 as they are. */
	assert_int_equal(theme_color_fit(196, 256), 196);
	assert_int_equal(theme_color_fit(5, 88), 5);
	assert_int_equal(theme_color_fit(46, 88), 10);
	/* What the terminal has stays; default stays default. */
	assert_int_equal(theme_color_fit(3, 8), 3);
	assert_int_equal(theme_color_fit(THEME_COLOR_DEFAULT, 8), THEME_COLOR_DEFAULT);
}

static void
colour_names(void **state)
{
	char b[16];

	assert_string_equal(theme_color_name(THEME_COLOR_DEFAULT, b), "default");
	assert_string_equal(theme_color_name(2, b), "green");
	assert_string_equal(theme_color_name(9, b), "bright-red");
	assert_string_equal(theme_color_name(196, b), "196");
}

static void
qa_theme_on_eight_colours(void **state)
{
	struct theme t;
	struct theme_fit f;
	char said[512];

	parse(&t, "bad = 196\nok = 46\nwarn = 226\nheader = 231 on 19\n");
	theme_fit(&t, 8, &f);
	assert_int_equal(f.approximated,
	    BIT(THEME_HEADER) | BIT(THEME_OK) | BIT(THEME_WARN) | BIT(THEME_BAD));
	assert_int_equal(f.illegible, 0);
	assert_int_equal(f.verdict, THEME_VERDICT_KEPT);
	assert_int_equal(t.style[THEME_BAD].fg, 1);
	assert_int_equal(t.style[THEME_OK].fg, 2);
	assert_int_equal(t.style[THEME_WARN].fg, 3);
	assert_int_equal(t.style[THEME_HEADER].fg, 7);
	assert_int_equal(t.style[THEME_HEADER].bg, 4);
	/* Attributes are the theme's: it wrote none here. */
	assert_int_equal(t.style[THEME_BAD].attrs, 0);
	theme_fit_describe(&f, "screen", said, sizeof(said));
	assert_string_equal(said, "theme: 4 entries approximated for an 8-colour terminal "
	    "(TERM=screen): header, ok, warn, bad");
	/* A TERM that is not plain text is left out of the notice. */
	theme_fit_describe(&f, "x\033]0;", said, sizeof(said));
	assert_string_equal(said, "theme: 4 entries approximated for an 8-colour terminal: "
	    "header, ok, warn, bad");
}

static void
nothing_to_say_with_enough_colours(void **state)
{
	struct theme t, before;
	struct theme_fit f;
	char said[64] = "x";

	parse(&t, "bad = 196\nok = 46\nwarn = 226\nheader = 231 on 19\n");
	before = t;
	theme_fit(&t, 256, &f);
	assert_memory_equal(t.style, before.style, sizeof(t.style));
	theme_fit_describe(&f, "xterm-256color", said, sizeof(said));
	assert_string_equal(said, "");
	theme_default(&t);
	theme_fit(&t, 8, &f);
	assert_int_equal(f.approximated, 0);
	theme_fit_describe(&f, "linux", said, sizeof(said));
	assert_string_equal(said, "");
}

static void
verdicts_that_become_alike_fall_back(void **state)
{
	struct theme t, def;
	struct theme_fit f;
	char said[512];

	/* 220 (gold) becomes yellow: ok would look like warn. */
	parse(&t, "ok = 220\n");
	theme_default(&def);
	theme_fit(&t, 8, &f);
	assert_int_equal(f.verdict, THEME_VERDICT_ALIKE);
	assert_int_equal(f.alike[0], THEME_WARN);
	assert_int_equal(f.alike[1], THEME_OK);
	assert_memory_equal(&t.style[THEME_OK], &def.style[THEME_OK], sizeof(t.style[0]));
	assert_memory_equal(&t.style[THEME_WARN], &def.style[THEME_WARN], sizeof(t.style[0]));
	assert_memory_equal(&t.style[THEME_BAD], &def.style[THEME_BAD], sizeof(t.style[0]));
	theme_fit_describe(&f, "screen", said, sizeof(said));
	assert_string_equal(said, "theme: 1 entry approximated for an 8-colour terminal "
	    "(TERM=screen): ok; bad, warn and ok in the built-in colours: warn and ok "
	    "became alike");
	/* Alike in the file already is the theme's choice, not the fit's. */
	parse(&t, "ok = 226\nwarn = 11\n");
	theme_fit(&t, 8, &f);
	assert_int_equal(f.verdict, THEME_VERDICT_KEPT);
	/* Told apart by the background: still apart. */
	parse(&t, "ok = 231 on 28\nwarn = 231 on 136\nbad = 231 on 160\n");
	theme_fit(&t, 8, &f);
	assert_int_equal(f.verdict, THEME_VERDICT_KEPT);
	assert_int_equal(t.style[THEME_OK].bg, 2);
	assert_int_equal(t.style[THEME_BAD].bg, 1);
}

static void
bad_that_is_no_longer_red_falls_back(void **state)
{
	struct theme t;
	struct theme_fit f;
	char said[512];

	/* Dark red (#5f0000) is nearest black. */
	parse(&t, "bad = 52 bold\nwarn = 3\nok = 2\n");
	theme_fit(&t, 8, &f);
	assert_int_equal(f.verdict, THEME_VERDICT_NOT_RED);
	assert_int_equal(f.bad_was, 52);
	assert_int_equal(f.bad_became, 0);
	assert_int_equal(t.style[THEME_BAD].fg, 1);
	assert_int_equal(t.style[THEME_BAD].attrs, THEME_A_BOLD);
	theme_fit_describe(&f, NULL, said, sizeof(said));
	assert_string_equal(said, "theme: 1 entry approximated for an 8-colour terminal: bad; "
	    "bad, warn and ok in the built-in colours: bad became black, not red");
	/* Red carried by the background counts. */
	parse(&t, "bad = 231 on 196\n");
	theme_fit(&t, 8, &f);
	assert_int_equal(f.verdict, THEME_VERDICT_KEPT);
	/* A bad the theme made blue on purpose stays the theme's. */
	parse(&t, "bad = 27 bold\n");
	theme_fit(&t, 8, &f);
	assert_int_equal(f.verdict, THEME_VERDICT_KEPT);
	assert_int_equal(t.style[THEME_BAD].fg, 4);
}

static void
role_that_becomes_unreadable_falls_back(void **state)
{
	struct theme t, def;
	struct theme_fit f;
	char said[512];

	/* 231 and 7 differ on 256 colours, are one white on eight. */
	parse(&t, "header = 231 on 7 bold\n");
	theme_default(&def);
	theme_fit(&t, 8, &f);
	assert_int_equal(f.illegible, BIT(THEME_HEADER));
	assert_memory_equal(&t.style[THEME_HEADER], &def.style[THEME_HEADER], sizeof(t.style[0]));
	theme_fit_describe(&f, "screen", said, sizeof(said));
	assert_string_equal(said, "theme: 1 entry approximated for an 8-colour terminal "
	    "(TERM=screen): header; header in the built-in colours: text and background "
	    "became one colour");
	/* On 16 colours they stay two. */
	parse(&t, "header = 231 on 7 bold\n");
	theme_fit(&t, 16, &f);
	assert_int_equal(f.illegible, 0);
	assert_int_equal(t.style[THEME_HEADER].fg, 15);
}

static void
many_roles_are_counted_not_all_named(void **state)
{
	struct theme t;
	struct theme_fit f;
	char said[512];

	parse(&t, "normal = 252\nheader = 252 on 18\nbadge = 16 on 220\nborder = 240\n"
	    "title = 252\ndim = 240\nhelp = 252\nfooter = 16 on 252\n");
	theme_fit(&t, 8, &f);
	theme_fit_describe(&f, "linux", said, sizeof(said));
	assert_string_equal(said, "theme: 8 entries approximated for an 8-colour terminal "
	    "(TERM=linux): normal, header, badge, border, title, dim and 2 more");
}

static void
shipped_themes_on_few_colours(void **state)
{
	const char *top = getenv("top_srcdir");
	char path[1024], buf[8192];
	struct theme t;
	struct theme_fit f;
	struct wr_err err;
	size_t len;
	FILE *fp;

	/* light's 130 (warn) is nearest red on 8 and 16 colours, like bad:
	 * its verdicts fall back rather than say warn in bad's colour. */
	snprintf(path, sizeof(path), "%s/themes/light.theme", top ? top : ".");
	assert_non_null(fp = fopen(path, "r"));
	len = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	theme_default(&t);
	assert_int_equal(theme_parse(&t, "light.theme", buf, len, &err), 0);
	theme_fit(&t, 8, &f);
	assert_int_equal(f.verdict, THEME_VERDICT_ALIKE);
	assert_int_equal(t.style[THEME_WARN].fg, 3);
	assert_int_equal(t.style[THEME_OK].fg, 2);

	snprintf(path, sizeof(path), "%s/themes/high-contrast.theme", top ? top : ".");
	assert_non_null(fp = fopen(path, "r"));
	len = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	theme_default(&t);
	assert_int_equal(theme_parse(&t, "high-contrast.theme", buf, len, &err), 0);
	theme_fit(&t, 8, &f);
	assert_int_equal(f.verdict, THEME_VERDICT_KEPT);
	assert_int_equal(f.illegible, 0);
	assert_int_equal(t.style[THEME_BAD].fg, 1);
	theme_fit(&t, 16, &f);
	assert_int_equal(f.approximated, 0);
}

static void
lint_names_file_and_line(void **state)
{
	struct wr_buf b = { 0 };
	struct theme t;
	char *s;

	parse(&t, "# a theme for 256 colours\nbad = 196\nok = 46\nwarn = 226\n"
	    "header = 231 on 19\n");
	assert_int_equal(theme_lint(&t, &b), 0);
	s = wr_buf_take(&b);
	assert_string_equal(s, "note: x.theme: 4 entries use colours an 8-colour terminal "
	    "lacks (header, ok, warn, bad): there the nearest it has are drawn\n");
	free(s);

	parse(&t, "bad = 52\nheader = 231 on 7\n\nok = 220\n");
	assert_int_equal(theme_lint(&t, &b), 2);
	s = wr_buf_take(&b);
	assert_string_equal(s,
	    "warning: x.theme:2: header: 231 on white would be white on white on an "
	    "8-colour terminal: there it is drawn in the built-in colours\n"
	    "warning: x.theme:4: warn and ok would both be yellow on an 8-colour terminal: "
	    "there bad, warn and ok are drawn in the built-in colours\n"
	    "note: x.theme: 3 entries use colours an 8-colour terminal lacks (header, ok, "
	    "bad): there the nearest it has are drawn\n");
	free(s);

	parse(&t, "bad = 52\n");
	assert_int_equal(theme_lint(&t, &b), 1);
	s = wr_buf_take(&b);
	assert_string_equal(s,
	    "warning: x.theme:1: bad: 52 would be black, not red, on an 8-colour terminal: "
	    "there bad, warn and ok are drawn in the built-in colours\n"
	    "note: x.theme: 1 entry uses colours an 8-colour terminal lacks (bad): there "
	    "the nearest it has are drawn\n");
	free(s);

	/* Fine on 8, not on 16: 8 and 244 are both bright black there. */
	parse(&t, "dim = 8 on 244\n");
	assert_int_equal(theme_lint(&t, &b), 1);
	s = wr_buf_take(&b);
	assert_string_equal(s,
	    "warning: x.theme:1: dim: bright-black on 244 would be bright-black on "
	    "bright-black on a 16-colour terminal: there it is drawn in the built-in colours\n"
	    "note: x.theme: 1 entry uses colours an 8-colour terminal lacks (dim): there "
	    "the nearest it has are drawn\n");
	free(s);

	theme_default(&t);
	assert_int_equal(theme_lint(&t, &b), 0);
	s = wr_buf_take(&b);
	assert_string_equal(s, "");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(xterm_palette),
		cmocka_unit_test(nearest_basic_colour),
		cmocka_unit_test(colour_names),
		cmocka_unit_test(qa_theme_on_eight_colours),
		cmocka_unit_test(nothing_to_say_with_enough_colours),
		cmocka_unit_test(verdicts_that_become_alike_fall_back),
		cmocka_unit_test(bad_that_is_no_longer_red_falls_back),
		cmocka_unit_test(role_that_becomes_unreadable_falls_back),
		cmocka_unit_test(many_roles_are_counted_not_all_named),
		cmocka_unit_test(shipped_themes_on_few_colours),
		cmocka_unit_test(lint_names_file_and_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
