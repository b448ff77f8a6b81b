/*
 * logtext.h — how a stored LOGS line is laid out on screen, beside what
 * the sanitizer made of it: a tailed line's "host/svc " prefix (and
 * kubectl's "[pod/NAME/CONTAINER] " after it) padded so that the times of
 * several services merged start in one column, and each tab as spaces to
 * the next multiple of eight columns (a Java stack trace's "\tat …"),
 * never ^I. Pure: bytes in, bytes out; a character counts one column.
 */
#ifndef WARROOM_LOGTEXT_H
#define WARROOM_LOGTEXT_H

#include <stddef.h>

#define LOGTEXT_TAB 8

/* Bytes of line s[len]'s prefix: up to its first space, and kubectl's
 * "[pod/…] " right after it; 0 when there is no space. For lines of a
 * tailed service (warroom puts "host/svc " before each). */
size_t logtext_prefix(const char *s, size_t len);

/* s[len] as drawn: pad spaces inserted before byte at (at <= len), each
 * tab as 1 to LOGTEXT_TAB spaces up to the next tab stop. Into dst[cap]
 * (always terminated, cut at a character when full); returns its length. */
size_t logtext_display(const char *s, size_t len, size_t at, size_t pad, char *dst,
    size_t cap);

/* Where byte o of s (o <= len) lands in logtext_display's output with the
 * same at and pad: for highlighting what the filter matched in s. */
size_t logtext_offset(const char *s, size_t len, size_t at, size_t pad, size_t o);

#endif
