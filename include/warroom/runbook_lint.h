/*
 * runbook_lint.h — what `warroom runbook` checks beyond reading a runbook:
 * whether the console would honour its bindings and recognised commands
 * during the incident. Pure: a parsed runbook and a config in, diagnostics
 * added to the runbook.
 */
#ifndef WARROOM_RUNBOOK_LINT_H
#define WARROOM_RUNBOOK_LINT_H

#include "warroom/config.h"
#include "warroom/runbook.h"

/* Add to rb a diagnostic for every binding (an error) and recognised
 * command (a warning) the console would refuse: by its own words, and
 * with cfg (NULL: none) by what the config holds — a host, service,
 * namespace or driver it names that no host fits, a /path to smoke with
 * no health_url, a post with no [statuspage] or [chat]. */
void runbook_lint(struct runbook *rb, const struct config *cfg);

#endif
