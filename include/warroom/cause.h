/*
 * cause.h — which rollback of an incident speaks for its cause, read from
 * the incident's journal records: what the status-page and chat templates
 * fill {service}, {from_tag} and {to_tag} with. Pure.
 */
#ifndef WARROOM_CAUSE_H
#define WARROOM_CAUSE_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/config.h"

struct record;

struct cause {
	char host[WR_NAME_MAX];
	char service[WR_NAME_MAX];
	char from[128];                  /* the release rolled back from */
	char to[128];                    /* where that service was rolled back to */
	bool judged;                     /* from had a ROLLBACK IMMEDIATELY or
	                                    CONSIDER ROLLBACK verdict */
};

/* The incident's cause in records v[0..n) (journal order): the first
 * rollback away from a release that had a ROLLBACK IMMEDIATELY or CONSIDER
 * ROLLBACK verdict on its host (verdict.change while health.change said
 * the service ran it), else the first rollback. to follows the rollbacks
 * of that service that went on from where it left it. 1 found, 0 none. */
int cause_find(const struct record *v, size_t n, struct cause *out);

#endif
