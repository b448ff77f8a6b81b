/*
 * runbook_format.h — a parsed runbook printed for people and for programs
 * (`warroom runbook FILE [--json]`). Pure: structs in, malloc'd text out.
 */
#ifndef WARROOM_RUNBOOK_FORMAT_H
#define WARROOM_RUNBOOK_FORMAT_H

#include "warroom/runbook.h"

/* The outline as indented text: sections, steps, blocks, commands with
 * placeholders and actions, the matrix, then "file:line: severity: …". */
char *runbook_format_text(const struct runbook *rb);

/* The same as one JSON object (flat arrays that refer to each other by
 * index; see warroom-runbook(5)), pretty-printed, newline-terminated. */
char *runbook_format_json(const struct runbook *rb);

#endif
