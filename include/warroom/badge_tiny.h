/*
 * badge_tiny.h — the header badges' tiniest wordings, taken only when a
 * line with no clock and no program name still cannot hold them all
 * (header_fit). Each keeps its alarm word and its count, so a watcher at
 * 80 columns sees every state. Pure; ASCII, a space at each end.
 */
#ifndef WARROOM_BADGE_TINY_H
#define WARROOM_BADGE_TINY_H

#include <stdbool.h>
#include <stddef.h>

/* READ-ONLY's: " RO ". */
#define BADGE_TINY_READ_ONLY " RO "

/* Another console armed: " ARMED: ic " (who up to its " (user@host)"),
 * " ARMED GONE: ic " when that console is gone. */
void badge_tiny_armed(const char *who, bool gone, char *dst, size_t cap);

/* Actions with no outcome yet: " 2 NO OUTCOME ". */
void badge_tiny_none_yet(size_t n, char *dst, size_t cap);

/* Exports on (or not known): " EXPORTS ON: 2 ", " EXPORTS ON: 2; ?: 1 ",
 * " EXPORTS ?: 1 "; "" when both are 0. */
void badge_tiny_exports(size_t non, size_t nunknown, char *dst, size_t cap);

/* The status page's shortest badge (statuspage_badge) with "SP" for
 * "STATUS PAGE": " SP: 1 UNKNOWN "; "" when it does not start so. */
void badge_tiny_statuspage(const char *shortest, char *dst, size_t cap);

#endif
