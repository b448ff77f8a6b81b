/*
 * util.c — errors as values, aborting allocators and bounded string helpers
 * shared by every layer. Nothing here touches the screen or the network.
 */
#include "warroom/util.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int
wr_err_set(struct wr_err *err, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static void
oom(size_t n)
{
	/* Out of memory leaves no way to show anything reliable on screen. */
	fprintf(stderr, "warroom: out of memory (%zu bytes)\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

void
wr_json_init(void)
{
	cJSON_Hooks hooks = { .malloc_fn = xmalloc, .free_fn = free };

	cJSON_InitHooks(&hooks);
}

void *
xcalloc(size_t count, size_t n)
{
	void *p = calloc(count ? count : 1, n ? n : 1);

	if (p == NULL)
		oom(count * n);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom(n);
	return q;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void
wr_vappendf(char *buf, size_t cap, const char *fmt, va_list ap)
{
	size_t len = strlen(buf);

	if (len + 1 >= cap)
		return;
	vsnprintf(buf + len, cap - len, fmt, ap);
}

void
wr_appendf(char *buf, size_t cap, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	wr_vappendf(buf, cap, fmt, ap);
	va_end(ap);
}

bool
wr_strlcpy(char *dst, const char *src, size_t cap)
{
	size_t len = strlen(src);

	if (cap == 0)
		return len == 0;
	if (len >= cap) {
		memcpy(dst, src, cap - 1);
		dst[cap - 1] = '\0';
		return false;
	}
	memcpy(dst, src, len + 1);
	return true;
}

void
wr_concat3(char *dst, size_t cap, const char *a, const char *b, const char *c)
{
	const char *part[3] = { a, b, c };
	size_t n = 0, len;
	int i;

	if (cap == 0)
		return;
	for (i = 0; i < 3 && n < cap - 1; i++) {
		len = strlen(part[i]);
		if (len > cap - 1 - n)
			len = cap - 1 - n;
		memcpy(dst + n, part[i], len);
		n += len;
	}
	dst[n] = '\0';
}

size_t
wr_utf8_shorten(char *dst, size_t cap, const char *src, size_t max_chars)
{
	static const char more[] = "\xe2\x80\xa6";     /* U+2026 */
	size_t i, chars = 0, keep = 0;

	if (cap == 0)
		return 0;
	for (i = 0; src[i] != '\0'; i++) {
		if (((unsigned char)src[i] & 0xc0) == 0x80)
			continue;
		/* A character starts at i: everything before it fits. */
		if (chars <= max_chars && i + sizeof(more) <= cap)
			keep = i;
		chars++;
	}
	if (chars <= max_chars && i < cap) {
		memcpy(dst, src, i + 1);
		return chars;
	}
	memcpy(dst, src, keep);
	if (keep + sizeof(more) <= cap)
		memcpy(dst + keep, more, sizeof(more));
	else
		dst[keep] = '\0';      /* no room even for the mark */
	return chars;
}

char *
wr_trim(char *s)
{
	char *start = s, *end;

	while (*start != '\0' && isspace((unsigned char)*start))
		start++;
	end = start + strlen(start);
	while (end > start && isspace((unsigned char)end[-1]))
		end--;
	*end = '\0';
	if (start != s)
		memmove(s, start, (size_t)(end - start) + 1);
	return s;
}

bool
wr_streq_ci(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
	return *a == *b;
}

size_t
wr_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[65], i, j;

	/* Suggestions only matter for short names; longer ones are "far". */
	if (la > 64 || lb > 64)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = diag + cost;

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

size_t
wr_name_distance(const char *typed, const char *name)
{
	size_t d = wr_edit_distance(typed, name);
	const char *t = typed, *n = name;

	/* A short form is as far off as one typo: the edit distance of msg
	 * and message (4) would hide the name it so plainly means. */
	if (strlen(typed) < 2 || strlen(typed) >= strlen(name) || *t != *n)
		return d;
	for (; *t != '\0' && *n != '\0'; n++)
		if (*t == *n)
			t++;
	return *t == '\0' && d > 1 ? 1 : d;
}

size_t
wr_key_distance(const char *typed, const char *key)
{
	size_t d = wr_edit_distance(typed, key), p, len = strlen(key);
	char head[65];

	/* Only whole words of the key count, and four letters at least: a
	 * bare word sharing a few letters with a key (name, namespace; dir,
	 * driver) means something else. Two, not one, so that a typo of a
	 * whole key still wins over it. */
	if (d <= 2 || strlen(typed) < 4)
		return d;
	/* A key shorter than four letters has no such head (fuzz_config:
	 * reading past "tag"). */
	for (p = 4; p < len && p < sizeof(head); p++)
		if (key[p] == '_') {
			memcpy(head, key, p);
			head[p] = '\0';
			if (wr_edit_distance(typed, head) <= 1)
				return 2;
		}
	return d;
}

void
wr_buf_add(struct wr_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->s = xrealloc(b->s, cap);
		b->cap = cap;
	}
	if (n > 0)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
wr_buf_str(struct wr_buf *b, const char *s)
{
	wr_buf_add(b, s, strlen(s));
}

void
wr_buf_printf(struct wr_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	wr_buf_add(b, "", 0);
	if (b->len + (size_t)n + 1 > b->cap) {
		size_t cap = b->cap;

		while (cap < b->len + (size_t)n + 1)
			cap *= 2;
		b->s = xrealloc(b->s, cap);
		b->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
wr_buf_take(struct wr_buf *b)
{
	char *s = b->s ? b->s : xstrdup("");

	memset(b, 0, sizeof(*b));
	return s;
}

/* Howard Hinnant's days_from_civil. */
void
wr_clock_utc(int64_t ms, char *out, size_t cap)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	out[0] = '\0';
	if (ms > 0 && gmtime_r(&t, &tm) != NULL)
		strftime(out, cap, "%H:%M:%S", &tm);
}

size_t
wr_utf8_chars(const char *s, size_t n)
{
	size_t c = 0, i;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

void
wr_hms(int64_t s, char *out, size_t cap)
{
	int64_t tod = (s % 86400 + 86400) % 86400;

	snprintf(out, cap, "%02d:%02d:%02d", (int)(tod / 3600), (int)(tod % 3600 / 60),
	    (int)(tod % 60));
}

int64_t
wr_days_from_civil(int64_t y, int64_t m, int64_t d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
wr_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* n decimal digits at s, or -1. */
static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
wr_parse_span(const char *p, long *out)
{
	long total = 0, n;

	if (!isdigit((unsigned char)*p))
		return -1;
	while (*p != '\0') {
		if (!isdigit((unsigned char)*p))
			return -1;
		for (n = 0; isdigit((unsigned char)*p); p++) {
			if (n > 100000)
				return -1;
			n = n * 10 + (*p - '0');
		}
		if (*p == 'h')
			total += n * 3600;
		else if (*p == 'm')
			total += n * 60;
		else if (*p == 's')
			total += n;
		else
			return -1;
		p++;
	}
	*out = total;
	return 0;
}

bool
wr_parse_rfc3339(const char *t, size_t len, int64_t *secs, int *ms)
{
	const char *e = t + len;
	int y, mo, d, h, mi, s, zone = 0, frac = 0, scale = 100;

	if (e - t < 19 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' &&
	    t[10] != 't' && t[10] != ' ') || t[13] != ':' || t[16] != ':')
		return false;
	y = digits(t, 4);
	mo = digits(t + 5, 2);
	d = digits(t + 8, 2);
	h = digits(t + 11, 2);
	mi = digits(t + 14, 2);
	s = digits(t + 17, 2);
	if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 ||
	    mi < 0 || mi > 59 || s < 0 || s > 60)
		return false;
	t += 19;
	if (t < e && (*t == '.' || *t == ','))
		for (t++; t < e && *t >= '0' && *t <= '9'; t++) {
			frac += (*t - '0') * scale;
			scale /= 10;
		}
	if (t < e && (*t == '+' || *t == '-') && e - t >= 6 && t[3] == ':') {
		int zh = digits(t + 1, 2), zm = digits(t + 4, 2);

		if (zh < 0 || zm < 0 || zh > 23 || zm > 59)
			return false;
		zone = (zh * 3600 + zm * 60) * (*t == '-' ? -1 : 1);
	}
	*secs = wr_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - zone;
	if (ms != NULL)
		*ms = frac;
	return true;
}

bool
wr_cpu_has_avx2(void)
{
#if defined(__x86_64__) && defined(__GNUC__)
	/* A bit test on what libgcc read at start-up: no need to cache it. */
	return __builtin_cpu_supports("avx2");
#else
	return false;
#endif
}
