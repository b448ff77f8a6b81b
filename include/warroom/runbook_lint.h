/*
 * runbook_lint.h — what `warroom runbook` checks beyond reading a runbook:
 * whether the console would honour its bindings and recognised commands
 * during the incident. Pure: a parsed runbook and a config in, diagnostics
 * added to the runbook, or one step's refusals for the console's RUNBOOK
 * pane and x.
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

/* One binding or built-in command x would refuse before any dialog: its
 * line, whether it is a binding (a recognised command otherwise), its
 * action and why. */
struct runbook_refusal {
	int line;
	bool binding;
	enum runbook_action_kind kind;
	char why[WR_ERR_MAX];
};

/* What x would refuse of step's work (WR_RUNBOOK_NONE: the section's own
 * blocks) under cfg (NULL: by its words alone), by runbook_lint's check:
 * up to cap of them, in the runbook's order, into out; returns how many. */
size_t runbook_lint_work(const struct runbook *rb, size_t section, size_t step,
    const struct config *cfg, struct runbook_refusal *out, size_t cap);

#endif
