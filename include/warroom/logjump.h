/*
 * logjump.h — the moment an engineer types to jump LOGS to: "19:30"
 * (UTC), "19:30:15", "-10m" or "10m" (ago), or a whole RFC 3339 time;
 * "19:30 UTC" and "10m ago" too, as help shows them.
 */
#ifndef WARROOM_LOGJUMP_H
#define WARROOM_LOGJUMP_H

#include <stdint.h>

#include "warroom/util.h"

/* Unix seconds of the moment text names, relative to now_s: "HH:MM[:SS]"
 * is today's in UTC, or yesterday's when today's is still to come (logs
 * hold the past). Returns 0, or -1 with err saying what is accepted. */
int logjump_parse(const char *text, int64_t now_s, int64_t *out_s, struct wr_err *err);

#endif
