/*
 * cause.h — which rollback of an incident speaks for its cause, read from
 * the incident's journal records: what the status-page and chat templates
 * fill {service}, {from_tag}, {to_tag} and {since} with, and the default
 * words, which claim only what the journal proves of that rollback. Pure.
 */
#ifndef WARROOM_CAUSE_H
#define WARROOM_CAUSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/config.h"

struct record;

/* What the journal proves of the rollback that took the service to `to`. */
enum cause_state {
	CAUSE_UNSETTLED,                 /* running, or ended UNKNOWN, not settled since */
	CAUSE_OK,                        /* its action.end or a later action.reconcile said ok */
	CAUSE_FAILED,                    /* ... said failed */
};

struct cause {
	char host[WR_NAME_MAX];
	char service[WR_NAME_MAX];
	char from[128];                  /* the release rolled back from */
	char to[128];                    /* where that service was rolled back to */
	bool judged;                     /* from had a ROLLBACK IMMEDIATELY or
	                                    CONSIDER ROLLBACK verdict */
	enum cause_state state;          /* of the rollback that set to */
	int64_t since_ms;                /* CAUSE_OK: when the record proving it was written */
};

/* The incident's cause in records v[0..n) (journal order): the first
 * rollback away from a release that had a ROLLBACK IMMEDIATELY or CONSIDER
 * ROLLBACK verdict on its host (verdict.change while health.change said
 * the service ran it), else the first rollback. to follows the rollbacks
 * of that service that went on from where it left it; state is the last
 * of those's outcome (same op). 1 found, 0 none. */
int cause_find(const struct record *v, size_t n, struct cause *out);

/* {since}: "HH:MM UTC" when c's rollback was proven done, else words
 * saying it is not confirmed. */
void cause_since(const struct cause *c, char *out, size_t cap);

/* The default text of a post at status (WR_TEMPLATE_*), for when
 * [templates] sets none: a rollback is called done only in CAUSE_OK (c
 * NULL: the journal holds no rollback). Placeholders as in [templates]. */
const char *cause_template(int status, const struct cause *c);

#endif
