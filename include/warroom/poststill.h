/*
 * poststill.h — what the status-page dialog (S) says when a post tells
 * customers things are back while a host's service still runs a release
 * the incident judged bad (as when "api is back on v1.4.1" went out as
 * monitoring, then resolved, with jobs on h1 and h4 still on
 * v1.5.0-bad). Said in the dialog, never a refusal: the engineer may know
 * the service does not matter to customers. Pure: a post's status and
 * text, and badrel's state (badrel.h), in; words out.
 */
#ifndef WARROOM_POSTSTILL_H
#define WARROOM_POSTSTILL_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/badrel.h"
#include "warroom/statuspage_req.h"

/* Whether a post of status with text says things are fixed: monitoring or
 * resolved, or a text with a whole word back, fixed, resolved, restored,
 * recovered or normal ("api is back on v1.4.1"), any case. */
bool poststill_says_fixed(enum statuspage_status status, const char *text);

/* The services rel says still run a release judged bad (their last tag
 * read, badrel_is_bad), one clause per service and release, its hosts in
 * journal order (past POSTSTILL_HOSTS_MAX, "and N more"), into out:
 * "jobs on h1, h4 still run v1.5.0-bad; api on h9 still runs v2-bad
 * (judged bad in this incident)"; "" when none. Returns how many services
 * (hosts' services) still run one. */
size_t poststill_words(const struct badrel *rel, char *out, size_t cap);

/* Hosts one clause names before "and N more". */
#define POSTSTILL_HOSTS_MAX 6

#endif
