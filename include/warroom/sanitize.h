/*
 * sanitize.h — the one sanitizer every remote string passes before it is
 * drawn or stored (DESIGN §3.5 "Remote text is data"). Untrusted bytes in,
 * valid UTF-8 with no control character but tab out; never fails.
 *
 *   C0 controls (but tab)      ^X        ESC -> ^[, BEL -> ^G, NUL -> ^@
 *   DEL, C1 (U+0080..U+009F)   \x9b      also a lone raw byte 0x80..0x9f
 *   bidi controls              <U+202E>  U+061C, U+200E/F, U+202A..E, U+2066..9
 *   invalid UTF-8              U+FFFD    one per maximal subpart (overlongs,
 *                                        surrogates, > U+10FFFF, truncation)
 *   too long                   ...text…[+N bytes]   N input bytes not shown
 */
#ifndef WARROOM_SANITIZE_H
#define WARROOM_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Default cap of one sanitized line in bytes, marker included. */
#define WR_SANITIZE_LINE_MAX 16384

/* Longest "…[+N bytes]" marker (N up to 20 digits). */
#define WR_SANITIZE_MARKER_MAX 32

/* Sanitize src into dst[cap] (cap >= 1; always NUL-terminated valid UTF-8).
 * Returns the input bytes shown; when less than len, dst ends in the marker. */
size_t sanitize_line(const char *src, size_t len, char *dst, size_t cap);

/* sanitize_line that also stores the output length (without NUL) in *out_len. */
size_t sanitize_buf(const char *src, size_t len, char *dst, size_t cap,
    size_t *out_len);

/* sanitize_buf of a line whose last more bytes were dropped before it
 * came here (more > 0): dst always ends in the marker, which counts them
 * with the bytes of src not shown. */
size_t sanitize_buf_cut(const char *src, size_t len, size_t more, char *dst, size_t cap,
    size_t *out_len);

/* True when s[len] ends in the "…[+N bytes]" marker: its end was not
 * kept, so nothing searched it. */
bool sanitize_is_cut(const char *s, size_t len);

/* A malloc'd sanitized copy capped at WR_SANITIZE_LINE_MAX bytes; *out_len
 * (if not NULL) gets its length. */
char *sanitize_dup(const char *src, size_t len, size_t *out_len);

/* Size of a dst that holds the whole of len input bytes: no marker needed. */
size_t sanitize_bound(size_t len);

/* True when s[len] is already what the sanitizer would output unchanged:
 * valid UTF-8, no control, no bidi control (the length cap aside). */
bool sanitize_is_clean(const char *s, size_t len);

/* Longest text sanitize_char writes, NUL included ("<U+202E>"). */
#define WR_SANITIZE_CHAR_MAX 9

/* What the sanitizer writes in place of code point cp, into out: "^[" for
 * a C0 control (tab too: the caller decides how a tab shows), "\x9b" for
 * DEL and C1, "<U+202E>" for a bidi control. Returns its length, or 0
 * (out "") when cp is shown as itself; for text that never went through
 * sanitize_line (typed here), so the screen shows it the same way. */
size_t sanitize_char(uint32_t cp, char out[WR_SANITIZE_CHAR_MAX]);

/* How many of s's first len bytes are printable ASCII (0x20-0x7e): each is
 * one character shown as itself in one cell, so a caller may skip decoding. */
size_t sanitize_plain_run(const char *s, size_t len);

#endif
