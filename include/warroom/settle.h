/*
 * settle.h — what the engineer found for an action whose outcome is
 * UNKNOWN and that warroom cannot read back itself: "ok api answers
 * v1.4.1" or "failed still on v1.5.0-bad". Pure.
 */
#ifndef WARROOM_SETTLE_H
#define WARROOM_SETTLE_H

#include <stdbool.h>

#include "warroom/util.h"

/* Read text as "ok|failed WHAT YOU SAW": *ok and *saw (the words after,
 * never empty) on success; -1 with err saying what to type otherwise. */
int settle_parse(const char *text, bool *ok, const char **saw, struct wr_err *err);

#endif
