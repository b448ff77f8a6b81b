/*
 * runbook_route.h — which way x runs a step's shell commands: through one
 * built-in action, when every command is one that action does itself, or
 * the whole script as written. Never part of each: a command the built-in
 * would not run must not be dropped without a word. And not at all when a
 * line is output rather than a command, or when the step holds two
 * rollbacks (alternatives, which a script would run one after the other).
 * Pure.
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
	RUNBOOK_PATH_REFUSED,            /* nothing runs: see why */
};

/* What REFUSED's why starts with; the reason follows it. */
#define RUNBOOK_ROUTE_REFUSES "refuses: "


struct runbook_route {
	enum runbook_path path;
	const struct runbook_command *builtin;   /* BUILTIN: whose action runs */
	const char *service;             /* BUILTIN kill switch: the one service
	                                    an `up -d` after it names, or NULL */
	/* BUILTIN undo: the --timeout its `rollout status` line waits (as
	 * written, in seconds, and that line), which the health gate then
	 * waits, as for helm's --timeout; wait_s 0: none, the config's. */
	char wait[32];
	int wait_s, wait_line;
	char why[384];                   /* "runs as written: it also runs `curl …`
	                                    (line 5)"; "" for NONE */
	int line;                        /* REFUSED: the line refused */
	/* SCRIPT: the rollback, kill switch or downgrade among its commands
	 * (recognised or not, change_of), which then runs unverified: its
	 * kind ("rollback", "kill switch", "downgrade") and command; NULL
	 * when none. */
	const char *change;
	const struct runbook_command *change_cmd;
};

/* Whether b is one of the shell blocks x runs for step (WR_RUNBOOK_NONE:
 * the section's own). */
bool runbook_route_block(const struct runbook_block *b, size_t section, size_t step);

/* The way x runs step's shell commands (WR_RUNBOOK_NONE: section's own):
 * REFUSED when a line's first word is no command name (output), or two
 * commands each roll back, switch or downgrade (recognised or not: sudo,
 * another option); BUILTIN when they are one command that starts a
 * built-in action (a rollback, kill switch or downgrade) and only commands
 * that action does itself, each on its own line; SCRIPT otherwise, with
 * why in words. */
void runbook_route_of(const struct runbook *rb, size_t section, size_t step,
    struct runbook_route *r);

/* What the confirmation of a step r routes SCRIPT although it holds a
 * rollback, kill switch or downgrade (r->change) says: not the built-in,
 * why, and what goes unchecked; "" for any other route. */
void runbook_route_unverified(const struct runbook_route *r, char *buf, size_t cap);

/* The first command of script (shell text as it runs, values filled)
 * that makes change ("rollback", "kill switch" or "downgrade"), told as
 * x tells them; its text on one line, cut, into cmd. false when none. */
bool runbook_route_script_change(const char *script, const char *change, char *cmd,
    size_t cap);

/* Whether script (shell text as it runs, values filled) runs a compose
 * `up` that .env's IMAGE_TAG decides for service: docker compose or
 * docker-compose, sudo or not, with no IMAGE_TAG= of its own or exported
 * before it, no --env-file but .env, naming service or no service. */
bool runbook_route_plain_up(const char *script, const char *service);

/* Whether .env's IMAGE_TAG, as it stood before script ran, decided what
 * its compose `up` started for service: a plain up of it
 * (runbook_route_plain_up) with no `sed -i` writing an IMAGE_TAG line
 * into .env before it. False when the script set the tag itself: its
 * outcome then never says .env "brought back" a tag. */
bool runbook_route_env_decides(const char *script, const char *service);

/* Add to rb an error for every step and section x would refuse (REFUSED
 * above), at the line refused, with the reason: what x cannot run is said
 * by `warroom runbook` and marked in the console, as a bad binding is. */
void runbook_route_check(struct runbook *rb);

#endif
