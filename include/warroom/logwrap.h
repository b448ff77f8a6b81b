/*
 * logwrap.h — how LOGS' wrap mode (w) lays a long line out in rows: a
 * row ends at the last space or tab that fits, so a token ("status=503",
 * "k10=v10") is never split unless it alone is wider than a row; a
 * character, and a form the sanitizer wrote for one ("^[", "\x9b",
 * "<U+202E>"), is never split either. Rows after the first are indented
 * under the message start. Tabs count from the message start, not the
 * row's, so a stack trace's "\tat …" keeps its indentation after the
 * prefix. A line taller than the pane shows its first rows, a
 * "… N rows …" row and its last rows (where ingest's "…[+N bytes]" is).
 * Pure: the caller measures characters (cells of a non-ASCII one).
 */
#ifndef WARROOM_LOGWRAP_H
#define WARROOM_LOGWRAP_H

#include <stdbool.h>
#include <stddef.h>

/* Indentation of a row after the first when the line has no prefix (or
 * one too wide to sit under). */
#define LOGWRAP_INDENT 2

/* Fewest rows a line taller than the pane needs for its head, the
 * "… N rows …" row and its tail; fewer show its start cut with "…". */
#define LOGWRAP_ELIDE_MIN 3

/* Cells s[n] (one character, not printable ASCII) takes on screen. */
typedef int (*logwrap_cells)(const char *s, size_t n, void *arg);

/* Bytes of the character at s[len] (len > 0) as wrapping keeps it
 * whole: a UTF-8 sequence (1 for a byte that starts none) or one of the
 * sanitizer's forms, "^X", "\x9b", "<U+202E>". */
size_t logwrap_char(const char *s, size_t len);

/* The row of s[len] that starts at byte from in width cells: returns
 * where it ends (the spaces at a break are no row's), *next where the
 * next row starts (len when none). Takes at least one character. */
size_t logwrap_row(const char *s, size_t len, size_t from, int width, logwrap_cells cells,
    void *arg, size_t *next);

/* Rows s[len] takes: its first width cells wide, the others width -
 * indent. */
size_t logwrap_count(const char *s, size_t len, int width, int indent, logwrap_cells cells,
    void *arg);

/* Column rows after the first start at in a row width cells wide, the
 * message starting at column msg (after the prefix and its padding). */
int logwrap_indent(int msg, int width);

/* A line of total rows given room rows in a pane of pane rows: when it
 * is taller than the pane and room allows, true with *head rows from its
 * start and *tail from its end around one "… N rows …" row
 * (N = total - head - tail). */
bool logwrap_elide(size_t total, int room, int pane, int *head, int *tail);

/* s[len] as wrap mode draws it: pad spaces after its first msg bytes
 * (the prefix), then the rest with each tab as spaces to the next
 * multiple of eight columns counted from the message start. Into
 * dst[cap] (always terminated); returns its length. */
size_t logwrap_display(const char *s, size_t len, size_t msg, size_t pad, char *dst,
    size_t cap);

/* Where byte o of s lands in logwrap_display's output (same msg, pad). */
size_t logwrap_offset(const char *s, size_t len, size_t msg, size_t pad, size_t o);

#endif
