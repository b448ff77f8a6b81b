/*
 * util.h — small helpers every layer shares: errors as values, allocation
 * that aborts with a message instead of returning NULL, bounded strings.
 */
#ifndef WARROOM_UTIL_H
#define WARROOM_UTIL_H

#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define WR_ERR_MAX 512
#define WR_PATH_MAX 1024

/* An error as a value: the human message a caller shows or records. */
struct wr_err {
	char msg[WR_ERR_MAX];
};

/* Fill err (if not NULL) with a printf-style message; always returns -1. */
int wr_err_set(struct wr_err *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Allocation that never returns NULL: on failure prints why and aborts. */
void *xmalloc(size_t n);

/* Make cJSON allocate through xmalloc, so a JSON object can never come out
 * silently short of a member (cJSON drops what it cannot allocate): out of
 * memory aborts like everywhere else. Call once, first thing in main. */
void wr_json_init(void);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Copy src into dst[cap] (always terminated); false when src was cut. */
bool wr_strlcpy(char *dst, const char *src, size_t cap);

/* a, b and c one after another into dst[cap] (always terminated), cut
 * where snprintf "%s%s%s" would cut them, without its format parsing:
 * HOSTS formats every row's cells each frame. */
void wr_concat3(char *dst, size_t cap, const char *a, const char *b, const char *c);

/* Append to the NUL-terminated text in buf (cap bytes) by a format, cut
 * short when full; nothing once it is full. */
void wr_appendf(char *buf, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* wr_appendf with its arguments as a va_list. */
void wr_vappendf(char *buf, size_t cap, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

/* The first max_chars characters of UTF-8 src into dst[cap] (whole
 * characters only), ending in "…" when any were left out, so a cut text
 * says it is cut; returns the characters src has in all. */
size_t wr_utf8_shorten(char *dst, size_t cap, const char *src, size_t max_chars);

/* Characters (UTF-8 lead bytes) of s[0..n): the cells of narrow text. */
size_t wr_utf8_chars(const char *s, size_t n);

/* Trim leading and trailing ASCII whitespace in place; returns s. */
char *wr_trim(char *s);

/* Case-insensitive ASCII comparison of whole strings. */
bool wr_streq_ci(const char *a, const char *b);

/* Edit distance of two short strings, for "did you mean" suggestions. */
size_t wr_edit_distance(const char *a, const char *b);

/* How far typed is from name for "did you mean": their edit distance, or
 * 1 when typed is name written short (its first letter, then others of it
 * in order: msg for message, ns for namespace, rev for revision). */
size_t wr_name_distance(const char *typed, const char *name);

/* How far typed is from a snake_case key for "did you mean": their edit
 * distance, or 2 when typed is the key's leading words (four letters or
 * more) give or take one typo: compse for compose_dir. */
size_t wr_key_distance(const char *typed, const char *key);

/* A growable NUL-terminated string; start from { 0 }. s stays NULL until
 * the first add, so take it with wr_buf_take (never NULL). */
struct wr_buf {
	char *s;
	size_t len, cap;
};

/* Append n bytes of s (which may hold NULs) and keep the terminator. */
void wr_buf_add(struct wr_buf *b, const char *s, size_t n);
/* Append the C string s. */
void wr_buf_str(struct wr_buf *b, const char *s);
/* Append printf-style output of any length. */
void wr_buf_printf(struct wr_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand over the string (an empty one if nothing was added) and reset b. */
char *wr_buf_take(struct wr_buf *b);

/* A span typed as "1h15m", "30m", "90s": seconds in *out; -1 on anything
 * else. */
int wr_parse_span(const char *p, long *out);

/* An RFC 3339 time at the very start of t[0..len) — "2026-11-26T10:00:00Z",
 * a space for the T, a "." or "," fraction, a "+02:00" offset, no zone read
 * as UTC — as Unix seconds and the fraction's milliseconds (ms may be
 * NULL); false when there is none. */
bool wr_parse_rfc3339(const char *t, size_t len, int64_t *secs, int *ms);

/* Days since 1970-01-01 of a proleptic Gregorian date, so UTC times need
 * neither timegm() nor a TZ lookup. */
int64_t wr_days_from_civil(int64_t y, int64_t m, int64_t d);

/* Year, month (1-12) and day (1-31) of a count of days since 1970-01-01:
 * the inverse of wr_days_from_civil. */
void wr_civil_from_days(int64_t z, int64_t *y, int *m, int *d);

/* "03:50:12", the UTC time of day of ms (Unix milliseconds) as the
 * timeline shows times; "" when ms is 0 or less. */
void wr_clock_utc(int64_t ms, char *out, size_t cap);

/* "17:33:22", the UTC time of day of s (Unix seconds, any value: before
 * 1970 too), as LOGS names its lines' times. */
void wr_hms(int64_t s, char *out, size_t cap);

/* Whether this CPU runs AVX2, for the hot paths that have a variant for
 * it (sanitize, the redaction pre-test); false off x86-64. */
bool wr_cpu_has_avx2(void);

#define WR_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
