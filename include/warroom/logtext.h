/*
 * logtext.h — how a stored LOGS line is laid out on screen, beside what
 * the sanitizer made of it: a tailed line's "host/svc " prefix (and
 * kubectl's "[pod/NAME/CONTAINER] " after it) padded so that the times of
 * several services merged start in one column, and each tab as spaces to
 * the next multiple of eight columns (a Java stack trace's "\tat …"),
 * never ^I. In a narrow pane a prefix gives way to the line: it is
 * shortened (a pod's name to its distinctive tail) and takes at most a
 * third of the pane. Pure: bytes in, bytes out; a character counts one
 * column.
 */
#ifndef WARROOM_LOGTEXT_H
#define WARROOM_LOGTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LOGTEXT_TAB 8

/* A LOGS pane narrower than this (inside its borders) shows a line's
 * RFC 3339 time short (logtext_short_time): 24 columns of a 46-column
 * pane are the line's. */
#define LOGTEXT_SHORT_TIME_BELOW 80

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

/* Columns a prefix is padded to at most, however wide the pane: a merge
 * of eight services on k8s hosts padded every line to its widest pod. */
#define LOGTEXT_PREFIX_MAX 24

/* Columns the prefixes of lines shown in a pane w columns wide may take,
 * the widest of them being widest: all it needs, up to a third of w and
 * LOGTEXT_PREFIX_MAX, so that the time, level and text keep the rest. */
int logtext_prefix_room(int w, int widest);

/* Prefix p[n] (logtext_prefix's bytes, its space included) as LOGS shows
 * it: kubectl's "[pod/NAME/CONTAINER]" as "…" and the pod name's last
 * dash-separated part ("h5/api …8frx5 "), "/CONTAINER" kept only when it
 * is not the service's name; any other prefix whole. Into dst[cap],
 * ending in a space; returns its bytes (never more than n). */
size_t logtext_prefix_short(const char *p, size_t n, char *dst, size_t cap);

/* Byte of s[len] where column col of the text from byte from on begins (a
 * character a column); len when the text is shorter. */
size_t logtext_col_byte(const char *s, size_t len, size_t from, int col);

/* Columns to leave out of an unwrapped line's text, shown in room columns
 * after its prefix, so that its columns [from, to) (the filter's first
 * match) are in view: 0 when they are already; else the match starts a
 * quarter into the room, after the "…" that marks the cut. */
int logtext_shift_to(int from, int to, int room);

/* What a line shifted sideways keeps of the start of its text s[len] (as
 * drawn, after its prefix) before the "…": its time, short (HH:MM:SS, a
 * date before it kept as shown), and the level word after it ("ERROR",
 * "[warn]", "level=error"), so that a shifted row still says when and how
 * bad. Into dst[cap], ending in a space ("" when there is neither);
 * returns its bytes, *used the bytes of s they stand for. */
size_t logtext_shift_head(const char *s, size_t len, char *dst, size_t cap, size_t *used);

/* Prefix p[n] (logtext_prefix's bytes, its space included) in at most
 * cols columns: whole when it fits; else kubectl's "[pod/NAME/CONTAINER]"
 * as "…" and the pod name's last dash-separated part; else that cut with
 * "…". Into dst[cap], ending in a space; returns its bytes. */
size_t logtext_prefix_fit(const char *p, size_t n, int cols, char *dst, size_t cap);

/* The RFC 3339 time right after line s[len]'s prefix (logtext_prefix), as
 * docker and kubectl --timestamps write it: its bytes [*from, *to), the
 * space after it not counted. False when there is none there. */
bool logtext_time_span(const char *s, size_t len, size_t *from, size_t *to);

/* s[len] with that time short, in UTC as the console's clock: "00:00:25"
 * on now_s's day (Unix seconds), "12-31 23:59:58" on another day of its
 * year, "2025-12-31 23:59:58" in another year; unchanged without one.
 * Into dst[cap] (always terminated); returns its length. */
size_t logtext_short_time(const char *s, size_t len, int64_t now_s, char *dst, size_t cap);

#endif
