/*
 * logwrap.c — LOGS' wrap mode: rows of a long line. During an incident a
 * wrapped "k10=v10" cut after "v1" reads as another value, so a row ends
 * between tokens; only a token no row could hold is cut, and then between
 * characters, the sanitizer's forms counted as one ("^[" split in two
 * would show a caret and a bracket that were never in the log).
 */
#include <string.h>

#include "warroom/logtext.h"
#include "warroom/logwrap.h"

/* Bytes of a UTF-8 sequence whose lead is c (0 for none). */
static size_t
utf8_len(unsigned char c)
{
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 0;
}

static bool
is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

size_t
logwrap_char(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];
	size_t n, i;

	if (c == '^' && len >= 2 && ((s[1] >= '@' && s[1] <= '_') || s[1] == '?'))
		return 2;
	if (c == '\\' && len >= 4 && s[1] == 'x' && is_hex(s[2]) && is_hex(s[3]))
		return 4;
	if (c == '<' && len >= 8 && memcmp(s, "<U+", 3) == 0) {
		for (i = 3; i < len && i < 10 && is_hex(s[i]); i++)
			;
		if (i >= 7 && i < len && s[i] == '>')
			return i + 1;
	}
	if (c < 0x80 || (n = utf8_len(c)) == 0 || n > len)
		return 1;
	for (i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			return 1;
	return n;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

size_t
logwrap_row(const char *s, size_t len, size_t from, int width, logwrap_cells cells,
    void *arg, size_t *next)
{
	size_t i = from, n, brk = 0;
	int used = 0, cw;
	bool ink = false;   /* a non-blank seen in this row: a blank after it may end it */

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		n = logwrap_char(s + i, len - i);
		cw = n > 1 && c >= 0x80 ? cells(s + i, n, arg) : (int)n;
		if (used + cw > width && i > from)
			break;
		if (is_blank(s[i]) && ink)
			brk = i;
		else if (!is_blank(s[i]))
			ink = true;
		used += cw;
		i += n;
	}
	if (i >= len) {
		*next = len;
		return len;
	}
	/* Full where a blank stands, or before the last blank that fit; a
	 * token with no blank before it in the row is wider than a row. */
	if (is_blank(s[i]) && ink)
		brk = i;
	if (brk == 0) {
		*next = i;
		return i;
	}
	for (i = brk; i < len && is_blank(s[i]); i++)
		;
	while (brk > from && is_blank(s[brk - 1]))
		brk--;
	*next = i;
	return brk;
}

size_t
logwrap_count(const char *s, size_t len, int width, int indent, logwrap_cells cells,
    void *arg)
{
	size_t rows = 0, from = 0, next;
	int w = width;

	do {
		logwrap_row(s, len, from, w > 0 ? w : 1, cells, arg, &next);
		from = next;
		rows++;
		w = width - indent;
	} while (from < len);
	return rows;
}

int
logwrap_indent(int msg, int width)
{
	return msg < LOGWRAP_INDENT || msg > width / 2 ? LOGWRAP_INDENT : msg;
}

bool
logwrap_elide(size_t total, int room, int pane, int *head, int *tail)
{
	if (total <= (size_t)room || total <= (size_t)pane || room < LOGWRAP_ELIDE_MIN)
		return false;
	*tail = (room - 1) / 2;
	*head = room - 1 - *tail;
	return true;
}

size_t
logwrap_display(const char *s, size_t len, size_t msg, size_t pad, char *dst, size_t cap)
{
	size_t o;

	if (cap == 0)
		return 0;
	if (msg > len)
		msg = len;
	if (msg + pad + 1 >= cap)
		return logtext_display(s, len, msg, pad, dst, cap);
	memcpy(dst, s, msg);
	memset(dst + msg, ' ', pad);
	o = msg + pad;
	/* The message alone: its tab stops count from its own start. */
	return o + logtext_display(s + msg, len - msg, 0, 0, dst + o, cap - o);
}

size_t
logwrap_offset(const char *s, size_t len, size_t msg, size_t pad, size_t o)
{
	if (msg > len)
		msg = len;
	if (o < msg)
		return o;
	return msg + pad + logtext_offset(s + msg, len - msg, 0, 0, o - msg);
}
