/*
 * rbprogress.h — the end of a RUNBOOK section's row: how many of its
 * steps are ticked and when its first tick was, in a long and a short
 * form, so a narrow pane keeps the time with its unit.
 */
#ifndef WARROOM_RBPROGRESS_H
#define WARROOM_RBPROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How long ago then_ms was at now_ms: "45s", "2m", "1h05m" (never negative). */
void rbprogress_ago(int64_t now_ms, int64_t then_ms, char *buf, size_t cap);

/* "  1/3  started 2m ago" ("  1/3  2m" when brief), "  3/3  done", or
 * "  0/3" before any tick (ago NULL); empty when total is 0. */
void rbprogress_words(int done, int total, const char *ago, bool brief, char *buf, size_t cap);

#endif
