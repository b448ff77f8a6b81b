/*
 * panemore.h — the count of a pane's rows out of view, as its border says
 * it: "▼ 9 more rows" under the pane, "▲ 3 more rows" over it, shorter
 * forms when the border is short. HOSTS and METRICS start their markers
 * with it (and name hosts after it); RUNBOOK and TIMELINE say it alone.
 * Pure.
 */
#ifndef WARROOM_PANEMORE_H
#define WARROOM_PANEMORE_H

#include <stdbool.h>
#include <stddef.h>

/* The count of rows hidden above (up) or below, in form 0 "▼ 9 more rows"
 * (1 row: "row"), 1 "▼ 9 more", 2 "▼ 9", 3 "▼9"; "^"/"v" without UTF-8.
 * False (buf empty) past the last form; buf always terminated. */
bool panemore_text(bool up, bool utf8, int rows, int form, char *buf, size_t cap);

#endif
