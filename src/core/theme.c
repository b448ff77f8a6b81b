/*
 * theme.c — theme files parsed with libinih into a struct theme. The first
 * bad line stops the parse with "file:line: message": a half-applied theme
 * is worse than a clear refusal.
 */
#include "warroom/theme.h"

#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/ini_lines.h"
#include "warroom/theme_fit.h"

static const char *const role_keys[THEME_ROLE_COUNT] = {
#define X(id, key) [THEME_##id] = key,
	WR_THEME_ROLES(X)
#undef X
};

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char *name;
	unsigned bit;
} attr_names[] = {
	{ "bold", THEME_A_BOLD }, { "dim", THEME_A_DIM },
	{ "underline", THEME_A_UNDERLINE }, { "reverse", THEME_A_REVERSE },
	{ "italic", THEME_A_ITALIC }, { "standout", THEME_A_STANDOUT },
};

const char *
theme_role_key(enum theme_role role)
{
	return role >= 0 && role < THEME_ROLE_COUNT ? role_keys[role] : NULL;
}

#define S(f, b, a) { .fg = (f), .bg = (b), .attrs = (a) }
#define D THEME_COLOR_DEFAULT

void
theme_default(struct theme *t)
{
	/* Keep in step with themes/default.theme; a unit test compares them. */
	static const struct theme_style def[THEME_ROLE_COUNT] = {
		[THEME_NORMAL] = S(D, D, 0),
		[THEME_HEADER] = S(7, 4, THEME_A_BOLD),
		[THEME_HEADER_ARMED] = S(7, 1, THEME_A_BOLD),
		[THEME_BADGE] = S(0, 3, THEME_A_BOLD),
		[THEME_BORDER] = S(D, D, THEME_A_DIM),
		[THEME_BORDER_FOCUS] = S(6, D, THEME_A_BOLD),
		[THEME_TITLE] = S(D, D, THEME_A_BOLD),
		[THEME_TITLE_FOCUS] = S(0, 6, THEME_A_BOLD),
		[THEME_SELECTED] = S(D, D, THEME_A_REVERSE),
		[THEME_DIM] = S(D, D, THEME_A_DIM),
		[THEME_OK] = S(2, D, 0),
		[THEME_WARN] = S(3, D, THEME_A_BOLD),
		[THEME_BAD] = S(1, D, THEME_A_BOLD),
		[THEME_FOOTER] = S(D, D, THEME_A_REVERSE),
		[THEME_FOOTER_KEY] = S(D, D, THEME_A_REVERSE | THEME_A_BOLD),
		[THEME_STATUS] = S(3, D, THEME_A_BOLD),
		[THEME_HELP] = S(D, D, 0),
	};

	memset(t, 0, sizeof(*t));
	wr_strlcpy(t->name, "default", sizeof(t->name));
	memcpy(t->style, def, sizeof(def));
}

#undef S
#undef D

void
theme_strip_colors(struct theme *t)
{
	int i;

	for (i = 0; i < THEME_ROLE_COUNT; i++)
		t->style[i].fg = t->style[i].bg = THEME_COLOR_DEFAULT;
}

static int
parse_color(const char *word, short *out)
{
	char *end;
	long n;
	size_t i;
	int bright = 0;

	if (strcmp(word, "default") == 0) {
		*out = THEME_COLOR_DEFAULT;
		return 0;
	}
	if (strncmp(word, "bright-", 7) == 0) {
		bright = 8;
		word += 7;
	}
	for (i = 0; i < WR_ARRAY_LEN(color_names); i++)
		if (strcmp(word, color_names[i]) == 0) {
			*out = (short)(i + (size_t)bright);
			return 0;
		}
	if (bright || *word < '0' || *word > '9')
		return -1;
	errno = 0;
	n = strtol(word, &end, 10);
	if (errno != 0 || *end != '\0' || n < 0 || n > 255)
		return -1;
	*out = (short)n;
	return 0;
}

struct theme_parse {
	struct theme *t;
	const char *file;
	struct ini_lines il;
	struct wr_err *err;
	int failed;
	bool seen[THEME_ROLE_COUNT];
};

static int
fail(struct theme_parse *tp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fail(struct theme_parse *tp, const char *fmt, ...)
{
	char msg[WR_ERR_MAX / 2];
	va_list ap;

	if (tp->failed)
		return 0;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	wr_err_set(tp->err, "%s:%d: %s", tp->file, tp->il.line, msg);
	tp->failed = tp->il.line ? tp->il.line : 1;
	return 0;
}

static int
parse_style(struct theme_parse *tp, const char *key, const char *value,
    struct theme_style *st)
{
	char buf[256], *tok, *save = NULL;
	int ncolors = 0;
	bool want_bg = false;
	size_t i;

	if (!wr_strlcpy(buf, value, sizeof(buf)))
		return fail(tp, "%s: value too long", key);
	*st = (struct theme_style){ THEME_COLOR_DEFAULT, THEME_COLOR_DEFAULT, 0 };
	for (tok = strtok_r(buf, " \t,", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t,", &save)) {
		short c;

		if (strcmp(tok, "on") == 0) {
			if (want_bg || ncolors == 2)
				return fail(tp, "%s: misplaced 'on' in '%s'", key, value);
			want_bg = true;
			continue;
		}
		for (i = 0; i < WR_ARRAY_LEN(attr_names); i++)
			if (strcmp(tok, attr_names[i].name) == 0)
				break;
		if (i < WR_ARRAY_LEN(attr_names)) {
			if (want_bg)
				return fail(tp, "%s: 'on' must be followed by a colour, got '%s'",
				    key, tok);
			st->attrs |= attr_names[i].bit;
			continue;
		}
		if (parse_color(tok, &c) != 0)
			return fail(tp,
			    "%s: unknown colour or attribute '%s' (colours: default, black, "
			    "red, green, yellow, blue, magenta, cyan, white, bright-NAME, "
			    "0-255; attributes: bold, dim, underline, reverse, italic, standout)",
			    key, tok);
		if (want_bg) {
			st->bg = c;
			want_bg = false;
			ncolors = 2;
		} else if (ncolors == 0) {
			st->fg = c;
			ncolors = 1;
		} else
			return fail(tp, "%s: write 'FG on BG' for two colours, got '%s'", key,
			    value);
	}
	if (want_bg)
		return fail(tp, "%s: 'on' must be followed by a colour", key);
	return 1;
}

static int
handler(void *user, const char *section, const char *name, const char *value)
{
	struct theme_parse *tp = user;
	struct theme_style st;
	int i;

	if (tp->failed)
		return 0;
	if (section[0] != '\0')
		return fail(tp, "sections are not used in theme files: [%s]", section);
	for (i = 0; i < THEME_ROLE_COUNT; i++)
		if (strcmp(name, role_keys[i]) == 0)
			break;
	if (i == THEME_ROLE_COUNT)
		return fail(tp, "unknown role '%s'", name);
	if (tp->seen[i])
		return fail(tp, "role '%s' set twice", name);
	tp->seen[i] = true;
	if (!parse_style(tp, name, value, &st))
		return 0;
	/* Text the colour of its background is no text: refused here, where
	 * the line is known, rather than drawn invisible. */
	if (st.fg != THEME_COLOR_DEFAULT && theme_color_same(st.fg, st.bg)) {
		char fg[16], bg[16];

		return fail(tp, "%s: %s on %s cannot be read: the text and its background "
		    "are one colour", name, theme_color_name(st.fg, fg),
		    theme_color_name(st.bg, bg));
	}
	tp->t->style[i] = st;
	tp->t->line[i] = tp->il.line;
	return 1;
}

static void
on_bad(void *arg, int line, const char *text, size_t len, const char *why)
{
	struct theme_parse *tp = arg;

	(void)text;
	(void)len;
	if (!tp->failed) {
		wr_err_set(tp->err, "%s:%d: %s", tp->file, line, why);
		tp->failed = line;
	}
}

int
theme_parse(struct theme *t, const char *file, const char *buf, size_t len,
    struct wr_err *err)
{
	struct theme_parse tp = { .t = t, .file = file, .err = err };
	int r;

	wr_strlcpy(t->file, file, sizeof(t->file));
	ini_lines_init(&tp.il, buf, len);
	tp.il.on_bad = on_bad;
	tp.il.arg = &tp;
	r = ini_parse_stream(ini_lines_read, &tp.il, handler, &tp);
	if (tp.failed)
		return -1;
	if (r > 0)
		return wr_err_set(err, "%s:%d: expected 'role = colours and attributes'",
		    file, r);
	if (r < 0)
		return wr_err_set(err, "%s: cannot read", file);
	return 0;
}
