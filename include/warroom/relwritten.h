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

/* How far a host's clock may be behind the console's for a line that
 * names no op to count as written at or after its intent: 5 minutes. */
#define RELWRITTEN_SKEW_S 300

enum relwritten {
	RELWRITTEN_NOT_FOUND,
	RELWRITTEN_BY_OP,        /* a line naming the rollback's op */
	RELWRITTEN_BY_TIME,      /* an op-less line, going by its stamp */
};

/* The start of the line a rollback of svc to tag appends after its stamp
 * (plan_compose_rollback), into out; false when it does not fit. */
bool relwritten_line(const char *tag, const char *svc, char *out, size_t cap);

/* Whether text (releases.log) holds the rollback's line for tag and svc.
 * op non-NULL (its plan's line names it): only the line naming op, its
 * stamp not read (the host's clock may differ). op NULL (a plan from
 * before lines named their op): an op-less line of incident stamped no
 * earlier than since_ms (its intent) less RELWRITTEN_SKEW_S. */
enum relwritten relwritten_find(const char *text, const char *tag, const char *svc,
    const char *op, const char *incident, int64_t since_ms);

/* Whether record_cmd (a plan's releases.log command) writes op= op into
 * its line: plans from before lines named their op do not. */
bool relwritten_names_op(const char *record_cmd, const char *op);

#endif
