/*
 * parse_helm.h — `helm history NAME -n NS -o json` (one array, ascending
 * revisions) and `helm list -o json` read into structs, with the current
 * revision and the natural rollback target picked out.
 */
#ifndef WARROOM_PARSE_HELM_H
#define WARROOM_PARSE_HELM_H

#include <stddef.h>

#include "warroom/config.h"
#include "warroom/util.h"

#define WR_HELM_MAX 4096                 /* revisions or releases accepted */

struct helm_revision {
	int revision;
	char updated[64];                /* as printed, RFC 3339 */
	char status[32];                 /* deployed superseded failed pending-upgrade … */
	char chart[128];                 /* "api-0.12.0" */
	char app_version[64];            /* "1.5.0-bad" */
	char description[256];           /* "Upgrade complete", "Rollback to 3" */
};

struct helm_history {
	struct helm_revision *items;     /* as printed (ascending) */
	size_t n;
	int current;                     /* index of the last "deployed", -1 if none */
	int rollback;                    /* index of the last deployed/superseded
	                                    revision before current, -1 if none */
};

struct helm_release {
	char name[WR_NAME_MAX];
	char namespace_[WR_NAME_MAX];
	int revision;                    /* helm list prints it as a string */
	char updated[64];
	char status[32];
	char chart[128];
	char app_version[64];
};

struct helm_list {
	struct helm_release *items;
	size_t n;
};

/* Parse helm history JSON. Returns 0, or -1 with "helm history: …" in err
 * and out left empty; free with parse_helm_history_free. */
int parse_helm_history(const char *buf, size_t len, struct helm_history *out,
    struct wr_err *err);

/* Release what parse_helm_history allocated. */
void parse_helm_history_free(struct helm_history *h);

/* Parse helm list JSON. Returns 0, or -1 with "helm list: …" in err and out
 * left empty; free with parse_helm_list_free. */
int parse_helm_list(const char *buf, size_t len, struct helm_list *out,
    struct wr_err *err);

/* Release what parse_helm_list allocated. */
void parse_helm_list_free(struct helm_list *l);

#endif
