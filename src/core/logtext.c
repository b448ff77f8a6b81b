/*
 * logtext.c — a LOGS line's layout on screen: its prefix padded, its tabs
 * expanded (see logtext.h).
 */
#include "warroom/logtext.h"

#include <string.h>

size_t
logtext_prefix(const char *s, size_t len)
{
	const char *sp = memchr(s, ' ', len), *end;
	size_t n;

	if (sp == NULL)
		return 0;
	n = (size_t)(sp - s) + 1;
	/* kubectl --prefix: the pod and container, then the line. */
	if (len - n > 5 && memcmp(s + n, "[pod/", 5) == 0 &&
	    (end = memchr(s + n, ' ', len - n)) != NULL && end[-1] == ']')
		n = (size_t)(end - s) + 1;
	return n;
}

/* One output byte: counted, and written while dst has room for it and
 * the terminator. */
static void
emit(char *dst, size_t cap, size_t *out, char c)
{
	if (dst == NULL)
		(*out)++;
	else if (*out + 1 < cap)
		dst[(*out)++] = c;
}

/* s as drawn up to byte o (o <= len): the bytes out, written to dst[cap]
 * when it is not NULL. */
static size_t
lay_out(const char *s, size_t len, size_t at, size_t pad, size_t o, char *dst, size_t cap)
{
	size_t i, out = 0, col = 0, k, n;

	for (i = 0; i <= o && i <= len; i++) {
		if (i == at)
			for (k = 0; k < pad; k++, col++)
				emit(dst, cap, &out, ' ');
		if (i == o || i == len)
			break;
		if (s[i] == '\t') {
			n = LOGTEXT_TAB - col % LOGTEXT_TAB;
			for (k = 0; k < n; k++, col++)
				emit(dst, cap, &out, ' ');
			continue;
		}
		/* A character is a column: its lead byte counts it. */
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			col++;
		emit(dst, cap, &out, s[i]);
	}
	return out;
}

size_t
logtext_display(const char *s, size_t len, size_t at, size_t pad, char *dst, size_t cap)
{
	size_t out, lead, need;
	unsigned char c;

	if (cap == 0)
		return 0;
	out = lay_out(s, len, at, pad, len, dst, cap);
	/* Full: never end inside a character. */
	if (out + 1 >= cap && out > 0) {
		for (lead = out - 1; lead > 0 && ((unsigned char)dst[lead] & 0xc0) == 0x80; lead--)
			;
		c = (unsigned char)dst[lead];
		need = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
		if (lead + need > out)
			out = lead;
	}
	dst[out] = '\0';
	return out;
}

size_t
logtext_offset(const char *s, size_t len, size_t at, size_t pad, size_t o)
{
	return lay_out(s, len, at, pad, o, NULL, 0);
}
