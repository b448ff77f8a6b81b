/*
 * relwritten.h — whether a Compose rollback's releases.log line is on the
 * host: what a re-read after a restart reads back before it says the line
 * was written or not (the console that confirmed the plan appended it,
 * and its journal may not say so: killed, or its journal DEGRADED). Pure:
 * the file's text in, the answer out.
 */
#ifndef WARROOM_RELWRITTEN_H
#define WARROOM_RELWRITTEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The start of the line a rollback of svc to tag appends after its stamp
 * (plan_compose_rollback), into out; false when it does not fit. */
bool relwritten_line(const char *tag, const char *svc, char *out, size_t cap);

/* Whether text (releases.log, oldest line first) holds that line for tag
 * and svc stamped at or after since_ms (the rollback's intent, taken to
 * its second): an earlier rollback to the same tag does not count. */
bool relwritten_found(const char *text, const char *tag, const char *svc, int64_t since_ms);

#endif
