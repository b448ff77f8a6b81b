/*
 * runbook_route.h — which way x runs a step's shell commands: through one
 * built-in action, when every command is one that action does itself, or
 * the whole script as written. Never part of each: a command the built-in
 * would not run must not be dropped without a word. Pure.
 */
#ifndef WARROOM_RUNBOOK_ROUTE_H
#define WARROOM_RUNBOOK_ROUTE_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/runbook.h"

enum runbook_path {
	RUNBOOK_PATH_NONE,               /* no shell command */
	RUNBOOK_PATH_SCRIPT,             /* the whole script, as written */
	RUNBOOK_PATH_BUILTIN,            /* one built-in action does all of it */
};

struct runbook_route {
	enum runbook_path path;
	const struct runbook_command *builtin;   /* BUILTIN: whose action runs */
	const char *service;             /* BUILTIN kill switch: the one service
	                                    an `up -d` after it names, or NULL */
	char why[320];                   /* "runs as written: it also runs `curl …`
	                                    (line 5)"; "" for NONE */
};

/* Whether b is one of the shell blocks x runs for step (WR_RUNBOOK_NONE:
 * the section's own). */
bool runbook_route_block(const struct runbook_block *b, size_t section, size_t step);

/* The way x runs step's shell commands (WR_RUNBOOK_NONE: section's own):
 * BUILTIN when they are one command that starts a built-in action (a
 * rollback, kill switch or downgrade) and only commands that action does
 * itself, each on its own line; SCRIPT otherwise, with why in words. */
void runbook_route_of(const struct runbook *rb, size_t section, size_t step,
    struct runbook_route *r);

#endif
