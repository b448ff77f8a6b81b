/*
 * podtail.h — a Kubernetes LOGS tail begun before a poll had read the
 * deployment follows the one pod kubectl picks (driver_cmd_logs without a
 * selector). Once the poll brings the selector, the tail is widened: run
 * again as the selector tail a tail begun then would be. When that is due,
 * and how it is said. Pure.
 */
#ifndef WARROOM_PODTAIL_H
#define WARROOM_PODTAIL_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/config.h"

/* Should a tail on host h that follows one pod (one_pod) follow them all
 * now that the poll says selector (NULL or "": unknown) and pods? Only
 * when driver_cmd_logs would now build a selector tail. */
bool podtail_widen(const struct config_host *h, bool one_pod, const char *selector, int pods);

/* The footer's word once it is widened, into buf[cap]: "h1/api: now
 * following all 3 pods" (with 0 or 1 pod, the deployment's pods). */
void podtail_news(const char *host, const char *svc, int pods, char *buf, size_t cap);

#endif
