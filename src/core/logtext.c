/*
 * logtext.c — a LOGS line's layout on screen: its prefix padded, its tabs
 * expanded, its time short in a narrow pane (see logtext.h).
 */
#include "warroom/logtext.h"

#include <stdio.h>
#include <string.h>

#include "warroom/loglevel.h"
#include "warroom/util.h"

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

	if (third > LOGTEXT_PREFIX_MAX)
		third = LOGTEXT_PREFIX_MAX;
	return widest < third ? widest : third > 2 ? third : 2;
}

size_t
logtext_prefix_short(const char *p, size_t n, char *dst, size_t cap)
{
	const char *sp = memchr(p, ' ', n), *name, *end, *ctr, *k, *tail, *svc;
	size_t out, svc_len;
	bool same;
	int len;

	if (cap == 0)
		return 0;
	name = sp != NULL ? sp + 1 : NULL;
	end = name != NULL ? memchr(name, ']', (size_t)(p + n - name)) : NULL;
	if (name == NULL || end == NULL || (size_t)(end - name) < 6 ||
	    memcmp(name, "[pod/", 5) != 0) {
		out = n < cap - 1 ? n : cap - 1;
		memcpy(dst, p, out);
		dst[out] = '\0';
		return out;
	}
	name += 5;
	ctr = memchr(name, '/', (size_t)(end - name));
	if (ctr == NULL)
		ctr = end;
	/* The replica's own suffix ("8frx5"): what tells two pods apart. */
	for (tail = name, k = name; k + 1 < ctr; k++)
		if (*k == '-')
			tail = k + 1;
	/* "host/svc": its service is after its last slash; a container of
	 * that name says nothing the prefix does not. */
	for (svc = p, k = p; k < sp; k++)
		if (*k == '/')
			svc = k + 1;
	svc_len = (size_t)(sp - svc);
	same = ctr == end || ((size_t)(end - ctr - 1) == svc_len &&
	    memcmp(ctr + 1, svc, svc_len) == 0);
	len = snprintf(dst, cap, "%.*s \xe2\x80\xa6%.*s%.*s ", (int)(sp - p), p,
	    (int)(ctr - tail), tail, same ? 0 : (int)(end - ctr), ctr);
	out = len < 0 ? 0 : (size_t)len < cap ? (size_t)len : cap - 1;
	return out;
}

size_t
logtext_col_byte(const char *s, size_t len, size_t from, int col)
{
	size_t i;

	for (i = from; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && col-- == 0)
			return i;
	return len;
}

int
logtext_shift_to(int from, int to, int room)
{
	int skip;

	if (to <= room || room < 4)
		return 0;
	/* A quarter of the room before the match: what led up to it. */
	skip = from - (room - 1) / 4;
	return skip > 0 ? skip : 0;
}

/* Whether s[n] opens with "DD:DD:DD". */
static bool
clock_at(const char *s, size_t n)
{
	static const char form[] = "99:99:99";
	size_t i;

	if (n < 8)
		return false;
	for (i = 0; i < 8; i++)
		if (form[i] == ':' ? s[i] != ':' : (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

/* Whether s[n] opens with a date as logtext_short_time writes it
 * ("2025-12-31 " or "12-31 "); its bytes in *date. */
static bool
date_at(const char *s, size_t n, size_t *date)
{
	size_t i, k = n > 5 && s[4] == '-' ? 11 : 6;

	if (n < k + 8)
		return false;
	for (i = 0; i + 1 < k; i++)
		if ((s[i] == '-') != (i == k - 4 || i == k - 7) ||
		    (s[i] != '-' && (s[i] < '0' || s[i] > '9')))
			return false;
	*date = k;
	return s[k - 1] == ' ' && clock_at(s + k, n - k);
}

size_t
logtext_shift_head(const char *s, size_t len, char *dst, size_t cap, size_t *used)
{
	const char *sp;
	size_t tok, at = 0, out = 0, date = 0, w;
	int64_t secs;
	char t[32];

	*used = 0;
	if (cap == 0)
		return 0;
	dst[0] = '\0';
	sp = memchr(s, ' ', len);
	tok = sp != NULL ? (size_t)(sp - s) : len;
	t[0] = '\0';
	if (tok >= 19 && s[4] == '-' && s[10] == 'T' && wr_parse_rfc3339(s, tok, &secs, NULL)) {
		/* The time in UTC as the narrow pane shows it: the console's clock. */
		int64_t tod = secs - ((secs >= 0 ? secs : secs - 86399) / 86400) * 86400;

		snprintf(t, sizeof(t), "%02d:%02d:%02d ", (int)(tod / 3600), (int)(tod % 3600 / 60),
		    (int)(tod % 60));
		at = tok;
	} else if (date_at(s, len, &date) || clock_at(s, len)) {
		snprintf(t, sizeof(t), "%.*s ", (int)(date + 8), s);
		/* A fraction of a second ("00:00:01.123") is not what tells when. */
		sp = memchr(s + date, ' ', len - date);
		at = sp != NULL ? (size_t)(sp - s) : len;
	}
	while (at < len && s[at] == ' ')
		at++;
	if ((w = loglevel_word(s + at, len - at)) > 0 && w < sizeof(t) - strlen(t) - 1) {
		snprintf(t + strlen(t), sizeof(t) - strlen(t), "%.*s ", (int)w, s + at);
		for (at += w; at < len && s[at] == ' '; at++)
			;
	}
	if (t[0] == '\0')
		return 0;
	out = strlen(t) < cap ? strlen(t) : cap - 1;
	memcpy(dst, t, out);
	dst[out] = '\0';
	*used = at;
	return out;
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

bool
logtext_time_span(const char *s, size_t len, size_t *from, size_t *to)
{
	size_t at = logtext_prefix(s, len);
	const char *end;
	int64_t secs;

	if (at == 0 || at >= len)
		return false;
	end = memchr(s + at, ' ', len - at);
	if (end == NULL)
		end = s + len;
	/* "2026-01-01T00:00:25" at least, and a time through its end. */
	if (end - (s + at) < 19 || s[at + 4] != '-' || s[at + 10] != 'T' ||
	    !wr_parse_rfc3339(s + at, (size_t)(end - (s + at)), &secs, NULL))
		return false;
	*from = at;
	*to = (size_t)(end - s);
	return true;
}

size_t
logtext_short_time(const char *s, size_t len, int64_t now_s, char *dst, size_t cap)
{
	char t[32];
	size_t from, to, n;
	int64_t secs, day, tod, y, ny;
	int m, d, nm, nd;

	if (cap == 0)
		return 0;
	if (!logtext_time_span(s, len, &from, &to) ||
	    !wr_parse_rfc3339(s + from, to - from, &secs, NULL)) {
		n = len < cap - 1 ? len : cap - 1;
		memcpy(dst, s, n);
		dst[n] = '\0';
		return n;
	}
	day = (secs >= 0 ? secs : secs - 86399) / 86400;
	tod = secs - day * 86400;
	wr_civil_from_days(day, &y, &m, &d);
	wr_civil_from_days((now_s >= 0 ? now_s : now_s - 86399) / 86400, &ny, &nm, &nd);
	/* The date only when it is not today's: most lines are. */
	if (y != ny)
		snprintf(t, sizeof(t), "%04d-%02d-%02d ", (int)y, m, d);
	else if (m != nm || d != nd)
		snprintf(t, sizeof(t), "%02d-%02d ", m, d);
	else
		t[0] = '\0';
	snprintf(t + strlen(t), sizeof(t) - strlen(t), "%02d:%02d:%02d", (int)(tod / 3600),
	    (int)(tod % 3600 / 60), (int)(tod % 60));
	dst[0] = '\0';
	n = snprintf(dst, cap, "%.*s%s", (int)from, s, t) < 0 ? 0 : strlen(dst);
	if (n + (len - to) < cap) {
		memcpy(dst + n, s + to, len - to);
		n += len - to;
	} else {
		memcpy(dst + n, s + to, cap - 1 - n);
		n = cap - 1;
		/* Cut at a character, never inside one. */
		while (n > 0 && ((unsigned char)dst[n] & 0xc0) == 0x80)
			n--;
	}
	dst[n] = '\0';
	return n;
}
