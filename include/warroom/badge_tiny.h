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

#include "warroom/statuspage_badge.h"

/* READ-ONLY's: " RO ". */
#define BADGE_TINY_READ_ONLY " RO "

/* Another console armed: " ARMED: ic " (who up to its " (user@host)"),
 * " ARMED GONE: ic " when that console is gone. */
void badge_tiny_armed(const char *who, bool gone, char *dst, size_t cap);

/* Actions with no outcome yet: " 2 NO OUTCOME ". */
void badge_tiny_none_yet(size_t n, char *dst, size_t cap);

/* Hosts whose /readyz says the schema is ahead of the release (a
 * rollback left it so), form 0 " SCHEMA AHEAD: api-1 api-2 " (three names,
 * then " …"), 1 " SCHEMA AHEAD: 2 ", 2 (the tiniest) " AHEAD: 2 ";
 * "" when n is 0 or there is no such form. */
void badge_schema_ahead(const char *const *names, size_t n, int form, char *dst, size_t cap);

/* Hosts refused for a changed host key (a possible man in the middle),
 * form 0 " KEY CHANGED: h3 h7 " (three names, then " …"), 1 " KEY CHANGED:
 * 2 ", 2 (the tiniest) " KEY CHG: 2 "; "" when n is 0 or no such form. */
void badge_key_changed(const char *const *names, size_t n, int form, char *dst, size_t cap);

/* Exports on (or not known): " EXPORTS ON: 2 ", " EXPORTS ON: 2; ?: 1 ",
 * " EXPORTS ?: 1 "; "" when both are 0. */
void badge_tiny_exports(size_t non, size_t nunknown, char *dst, size_t cap);

/* The status page's badge (statuspage_badge) at its tiniest, "SP" for
 * "STATUS PAGE": the alarm word and its count, no why: " SP: 1 UNKNOWN ",
 * " SP: 1 STUCK " (pending, its console gone: no one sends it),
 * " SP: 2 FAILING " (pending, the last try failed), " SP: 1 FAILED "
 * (given up, more pending); "" when there is no badge. */
void badge_tiny_statuspage(const struct statuspage_badge_in *in, char *dst, size_t cap);

#endif
