/*
 * ini_lines.c — an in-memory line reader for libinih that counts lines, so
 * config and theme errors can say "file:line". A line inih would split or
 * cut (too long, or holding a NUL) is reported and replaced by a comment.
 * ini_line_kind() mirrors inih 55's rules (comments ";" "#" at the start,
 * inline ";" after whitespace, '=' or ':') so a caller can say which lines
 * inih will not read, all of them and in order.
 *
 * Indentation: inih reads an indented line after a key as more of that
 * key's value, so the man page's EXAMPLE pasted as printed (every line
 * indented) gave "set twice" for each key. Every value here is one line,
 * so an indented key or section is handed over unindented and read as
 * what it looks like; an indented line that is neither (a wrapped value)
 * is reported by the caller, never glued to the value above.
 */
#include "warroom/ini_lines.h"

#include <stdio.h>
#include <string.h>

/* The first of chars in s, or of an inline comment (";" after
 * whitespace); the terminating NUL when there is none (inih's
 * find_chars_or_comment). */
static const char *
find_or_comment(const char *s, const char *chars)
{
	bool was_space = false;

	while (*s != '\0' && strchr(chars, *s) == NULL && !(was_space && *s == ';')) {
		was_space = *s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' ||
		    *s == '\f' || *s == '\v';
		s++;
	}
	return s;
}

/* Whether the key of a key line starting at p is a plain word: a wrapped
 * PromQL query holds '=' too, and is no key. */
static bool
plain_key(const char *p)
{
	const char *end = find_or_comment(p, "=:");

	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (end == p)
		return false;
	for (; p < end; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' || *p == '.'))
			return false;
	return true;
}

enum ini_line_kind
ini_line_kind(const char *text, bool after_key)
{
	const char *p = text, *end;
	enum ini_line_kind k;

	while (*p != '\0' && strchr(" \t\r\n\f\v", *p) != NULL)
		p++;
	if (*p == '\0' || *p == ';' || *p == '#')
		return INI_LINE_BLANK;
	if (after_key && p > text) {
		k = ini_line_kind(p, false);
		return k == INI_LINE_SECTION || k == INI_LINE_UNCLOSED ||
		    (k == INI_LINE_KEY && plain_key(p)) ? k : INI_LINE_CONTINUATION;
	}
	if (*p == '[') {
		end = find_or_comment(p + 1, "]");
		return *end == ']' ? INI_LINE_SECTION : INI_LINE_UNCLOSED;
	}
	end = find_or_comment(p, "=:");
	return *end == '=' || *end == ':' ? INI_LINE_KEY : INI_LINE_NO_SEPARATOR;
}

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
	enum ini_line_kind kind;
	size_t indent;

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
			il->on_bad(il->arg, il->line, il->buf + start, n, why);
		memcpy(str, ";\n", 3);
		return str;
	}
	memcpy(str, il->buf + start, n);
	str[n] = '\n';
	str[n + 1] = '\0';
	kind = ini_line_kind(str, il->after_key);
	if (kind == INI_LINE_KEY)
		il->after_key = true;
	else if (kind == INI_LINE_SECTION)
		il->after_key = false;
	/* Never a continuation for inih (see the top of the file). */
	indent = strspn(str, " \t\f\v");
	if (kind != INI_LINE_BLANK && indent > 0)
		memmove(str, str + indent, n + 2 - indent);
	if (il->on_line != NULL)
		il->on_line(il->arg, il->line, str, kind);
	/* The caller said why it cannot be read; inih need not say it again. */
	if (kind == INI_LINE_CONTINUATION && il->on_line != NULL)
		memcpy(str, ";\n", 3);
	return str;
}
