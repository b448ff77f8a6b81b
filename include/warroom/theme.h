/*
 * theme.h — colours and attributes for each role on screen, read from a
 * theme file in themes/. Pure: curses constants are applied by ui/theme_apply.c.
 *
 * A theme file holds lines "role = FG [on BG] [ATTR…]", colours by name
 * (default black red green yellow blue magenta cyan white, bright-*) or
 * 0–255 (the xterm-256 palette; theme_fit.h fits them to fewer),
 * attributes bold dim underline reverse italic standout.
 */
#ifndef WARROOM_THEME_H
#define WARROOM_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/util.h"

/*  id              file key          */
#define WR_THEME_ROLES(X)                 \
	X(NORMAL,       "normal")         \
	X(HEADER,       "header")         \
	X(HEADER_ARMED, "header_armed")   \
	X(BADGE,        "badge")          \
	X(BORDER,       "border")         \
	X(BORDER_FOCUS, "border_focus")   \
	X(TITLE,        "title")          \
	X(TITLE_FOCUS,  "title_focus")    \
	X(SELECTED,     "selected")       \
	X(DIM,          "dim")            \
	X(OK,           "ok")             \
	X(WARN,         "warn")           \
	X(BAD,          "bad")            \
	X(FOOTER,       "footer")         \
	X(FOOTER_KEY,   "footer_key")     \
	X(STATUS,       "status")         \
	X(HELP,         "help")

enum theme_role {
#define X(id, key) THEME_##id,
	WR_THEME_ROLES(X)
#undef X
	THEME_ROLE_COUNT
};

enum {
	THEME_A_BOLD = 1 << 0,
	THEME_A_DIM = 1 << 1,
	THEME_A_UNDERLINE = 1 << 2,
	THEME_A_REVERSE = 1 << 3,
	THEME_A_ITALIC = 1 << 4,
	THEME_A_STANDOUT = 1 << 5,
};

#define THEME_COLOR_DEFAULT (-1)

struct theme_style {
	short fg, bg;            /* 0–255, or THEME_COLOR_DEFAULT */
	unsigned attrs;          /* THEME_A_BOLD | … */
};

struct theme {
	char name[64];
	struct theme_style style[THEME_ROLE_COUNT];
	char file[WR_PATH_MAX];          /* the file it was read from; "" built in */
	int line[THEME_ROLE_COUNT];      /* each role's line in file; 0 not set there */
};

/* The built-in default theme (the same as themes/default.theme). */
void theme_default(struct theme *t);

/* The same theme with every colour removed, attributes kept (NO_COLOR). */
void theme_strip_colors(struct theme *t);

/* Parse a theme file's bytes over the defaults already in t. file names the
 * source in messages; on error err is "file:line: message". A role whose
 * text and background are one colour ("green on green") is an error. */
int theme_parse(struct theme *t, const char *file, const char *buf, size_t len,
    struct wr_err *err);

/* The file key of a role ("border_focus"). */
const char *theme_role_key(enum theme_role role);

#endif
