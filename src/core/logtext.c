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

/* Columns of s[len]: a character is one. */
static int
cols_of(const char *s, size_t len)
{
	size_t i;
	int c = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

int
logtext_prefix_room(int w, int widest)
{
	int third = w / 3;

	return widest < third ? widest : third > 2 ? third : 2;
}

size_t
logtext_prefix_fit(const char *p, size_t n, int cols, char *dst, size_t cap)
{
	const char *sp = memchr(p, ' ', n), *name, *slash, *dash, *k;
	char short_[256];
	size_t len, out, i;
	int room, c = 0;

	if (cap == 0)
		return 0;
	if (cols < 2)
		cols = 2;
	if (cols_of(p, n) <= cols) {
		len = n < cap - 1 ? n : cap - 1;
		memcpy(dst, p, len);
		dst[len] = '\0';
		return len;
	}
	/* "host/svc " and, for a pod, "…" and its name's tail: what tells
	 * apart two replicas ("api-hqkcp2j2qw-77ldj" by "77ldj"). */
	len = sp != NULL ? (size_t)(sp - p) : n;
	if (len >= sizeof(short_) - 16)
		len = sizeof(short_) - 16;
	memcpy(short_, p, len);
	name = sp != NULL ? sp + 1 : NULL;
	if (name != NULL && (size_t)(p + n - name) > 6 && memcmp(name, "[pod/", 5) == 0) {
		name += 5;
		slash = memchr(name, '/', (size_t)(p + n - name));
		if (slash == NULL)
			slash = memchr(name, ']', (size_t)(p + n - name));
		if (slash != NULL && slash > name) {
			for (dash = NULL, k = name; k < slash; k++)
				if (*k == '-')
					dash = k;
			name = dash != NULL && dash + 1 < slash ? dash + 1 : name;
			if ((size_t)(slash - name) > sizeof(short_) - len - 8)
				name = slash - (sizeof(short_) - len - 8);
			memcpy(short_ + len, " \xe2\x80\xa6", 4);
			len += 4;
			memcpy(short_ + len, name, (size_t)(slash - name));
			len += (size_t)(slash - name);
		}
	}
	/* Cut to the room left before the space, ending in "…" when cut. */
	room = cols - 1;
	if (cols_of(short_, len) > room) {
		for (i = 0; i < len; i++) {
			if (((unsigned char)short_[i] & 0xc0) != 0x80 && ++c > room - 1)
				break;
		}
		len = i;
		memcpy(short_ + len, "\xe2\x80\xa6", 3);
		len += 3;
	}
	short_[len++] = ' ';
	out = len < cap - 1 ? len : cap - 1;
	memcpy(dst, short_, out);
	dst[out] = '\0';
	return out;
}
