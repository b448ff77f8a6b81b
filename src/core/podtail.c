/*
 * podtail.c — when a Kubernetes LOGS tail that follows one pod is widened
 * to every pod of its deployment, and the words that say so.
 *
 * kubectl picks one pod for "logs -f deployment/NAME"; the tail cannot
 * follow the others until it knows their selector, which comes with the
 * poll's read of the deployment. From then on a new tail would follow
 * them all, so a running one is widened to match: the same test
 * driver_cmd_logs makes, so the two never disagree (a selector with
 * matchExpressions stays unknown, and more pods than kubectl is asked to
 * follow keep the one).
 */
#include "warroom/podtail.h"

#include <stdio.h>

#include "warroom/driver_cmd.h"

bool
podtail_widen(const struct config_host *h, bool one_pod, const char *selector, int pods)
{
	return one_pod && h->driver == DRIVER_K8S && driver_cmd_logs_all_pods(h, selector, pods);
}

void
podtail_news(const char *host, const char *svc, int pods, char *buf, size_t cap)
{
	if (cap == 0)
		return;
	if (pods >= 2)
		snprintf(buf, cap, "%s/%s: now following all %d pods", host, svc, pods);
	else
		snprintf(buf, cap, "%s/%s: now following every pod of its deployment (%s now)",
		    host, svc, pods == 1 ? "1" : "none");
}
