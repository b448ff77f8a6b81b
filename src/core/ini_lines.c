/*
 * ini_lines.c — an in-memory line reader for libinih that counts lines, so
 * config and theme errors can say "file:line". A line inih would split or
 * cut (too long, or holding a NUL) is reported and replaced by a comment.
 */
#include "warroom/ini_lines.h"

#include <stdio.h>
#include <string.h>

void
ini_lines_init(struct ini_lines *il, const char *buf, size_t len)
{
	memset(il, 0, sizeof(*il));
	il->buf = buf;
	il->len = len;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		il->pos = 3;
}

char *
ini_lines_read(char *str, int num, void *stream)
{
	struct ini_lines *il = stream;
	size_t start = il->pos, end, n;
	const char *why = NULL;
	char toolong[64];

	if (il->pos >= il->len || num < 3)
		return NULL;
	end = start;
	while (end < il->len && il->buf[end] != '\n')
		end++;
	il->pos = end < il->len ? end + 1 : end;
	il->line++;
	n = end - start;
	if (n > 0 && il->buf[start + n - 1] == '\r')
		n--;
	if (memchr(il->buf + start, '\0', n) != NULL)
		why = "NUL byte in line";
	else if (n >= (size_t)num - 2) {
		snprintf(toolong, sizeof(toolong), "line too long (at most %d bytes)",
		    num - 3);
		why = toolong;
	}
	if (why != NULL) {
		if (il->on_bad != NULL)
			il->on_bad(il->arg, il->line, why);
		memcpy(str, ";\n", 3);
		return str;
	}
	memcpy(str, il->buf + start, n);
	str[n] = '\n';
	str[n + 1] = '\0';
	if (il->on_line != NULL)
		il->on_line(il->arg, il->line, str);
	return str;
}
