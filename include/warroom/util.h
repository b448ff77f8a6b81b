/*
 * util.h — small helpers every layer shares: errors as values, allocation
 * that aborts with a message instead of returning NULL, bounded strings.
 */
#ifndef WARROOM_UTIL_H
#define WARROOM_UTIL_H

#include <stdbool.h>
#include <stddef.h>

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
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Copy src into dst[cap] (always terminated); false when src was cut. */
bool wr_strlcpy(char *dst, const char *src, size_t cap);

/* Trim leading and trailing ASCII whitespace in place; returns s. */
char *wr_trim(char *s);

/* Case-insensitive ASCII comparison of whole strings. */
bool wr_streq_ci(const char *a, const char *b);

/* Edit distance of two short strings, for "did you mean" suggestions. */
size_t wr_edit_distance(const char *a, const char *b);

#define WR_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
