/*
 * ini_lines.h — feeds libinih from memory one line at a time while counting
 * lines, since the handler of the Debian build gets no line number.
 */
#ifndef WARROOM_INI_LINES_H
#define WARROOM_INI_LINES_H

#include <stdbool.h>
#include <stddef.h>

/* What libinih makes of one line (its parse rules, mirrored so a caller
 * can report every unreadable line where it is, not only inih's first). */
enum ini_line_kind {
	INI_LINE_BLANK,          /* empty or a comment */
	INI_LINE_CONTINUATION,   /* indented after a key, and neither a key nor a
	                            section: inih would add it to that key's value */
	INI_LINE_SECTION,        /* [name] */
	INI_LINE_KEY,            /* key = value (or key: value) */
	INI_LINE_UNCLOSED,       /* '[' without its ']' */
	INI_LINE_NO_SEPARATOR,   /* neither a section nor key = value */
};

struct ini_lines {
	const char *buf;
	size_t len, pos;
	int line;                        /* the line handed out last */
	bool after_key;                  /* a key since the last section (inih's prev_name) */
	/* Called with every line before inih sees it, and what inih will
	 * make of it (may be NULL). */
	void (*on_line)(void *arg, int line, const char *text, enum ini_line_kind kind);
	/* Called for a line inih cannot take (too long, NUL byte), with its
	 * bytes (text[len], not terminated), so a caller can tell whose key it
	 * held. */
	void (*on_bad)(void *arg, int line, const char *text, size_t len, const char *why);
	void *arg;
};

/* Start reading buf (a UTF-8 byte-order mark is skipped). Lines are
 * handed to inih without their indentation, so none continues a value. */
void ini_lines_init(struct ini_lines *il, const char *buf, size_t len);

/* What inih makes of text (one line); after_key: a key line came since
 * the last section header, so an indented line that is not a key with a
 * plain name or a section would continue its value. */
enum ini_line_kind ini_line_kind(const char *text, bool after_key);

/* An ini_reader for ini_parse_stream(); stream is a struct ini_lines. */
char *ini_lines_read(char *str, int num, void *stream);

#endif
