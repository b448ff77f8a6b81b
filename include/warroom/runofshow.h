/*
 * runofshow.h — a runbook's T-minus items as clock times: reading the T-0
 * an engineer types, and saying when an item is due relative to now.
 */
#ifndef WARROOM_RUNOFSHOW_H
#define WARROOM_RUNOFSHOW_H

#include <stddef.h>
#include <stdint.h>

#include "warroom/util.h"

/* T-0 from what was typed: "now", "+30m"/"+1h15m"/"-5m" from now, or
 * "HH:MM" UTC (today, or tomorrow when that is more than 12 h past).
 * Seconds since the epoch in *out; -1 with err when it cannot be read. */
int runofshow_parse_tzero(const char *text, int64_t now_s, int64_t *out, struct wr_err *err);

/* An item at tzero_s + offset_s as "HH:MM in 12m", "HH:MM due now" or
 * "HH:MM 5m ago" (UTC) into buf[cap]. */
void runofshow_when(int64_t tzero_s, long offset_s, int64_t now_s, char *buf, size_t cap);

#endif
