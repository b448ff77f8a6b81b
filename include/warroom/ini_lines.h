/*
 * ini_lines.h — feeds libinih from memory one line at a time while counting
 * lines, since the handler of the Debian build gets no line number.
 */
#ifndef WARROOM_INI_LINES_H
#define WARROOM_INI_LINES_H

#include <stddef.h>

struct ini_lines {
	const char *buf;
	size_t len, pos;
	int line;                        /* the line handed out last */
	/* Called with every line before inih sees it (may be NULL). */
	void (*on_line)(void *arg, int line, const char *text);
	/* Called for a line inih cannot take (too long, NUL byte). */
	void (*on_bad)(void *arg, int line, const char *why);
	void *arg;
};

/* Start reading buf (a UTF-8 byte-order mark is skipped). */
void ini_lines_init(struct ini_lines *il, const char *buf, size_t len);

/* An ini_reader for ini_parse_stream(); stream is a struct ini_lines. */
char *ini_lines_read(char *str, int num, void *stream);

#endif
