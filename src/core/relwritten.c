/*
 * relwritten.c — a rollback's releases.log line read back on the host:
 * "<RFC 3339 stamp> rollback IMAGE_TAG=<tag> services=<svc> result=ok
 * by=warroom incident=<name>", as plan_compose_rollback appends it. The
 * stamp tells this rollback's line from an earlier one to the same tag.
 */
#include "warroom/relwritten.h"

#include <stdio.h>
#include <string.h>

#include "warroom/util.h"

bool
relwritten_line(const char *tag, const char *svc, char *out, size_t cap)
{
	int n = snprintf(out, cap, "rollback IMAGE_TAG=%s services=%s result=ok by=warroom ",
	    tag, svc);

	return n > 0 && (size_t)n < cap;
}

bool
relwritten_found(const char *text, const char *tag, const char *svc, int64_t since_ms)
{
	char want[600];
	const char *p = text, *nl, *sp;
	size_t wl;
	int64_t secs;

	if (text == NULL || !relwritten_line(tag, svc, want, sizeof(want)))
		return false;
	wl = strlen(want);
	for (; *p != '\0'; p = nl[0] != '\0' ? nl + 1 : nl) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		sp = memchr(p, ' ', (size_t)(nl - p));
		if (sp == NULL || !wr_parse_rfc3339(p, (size_t)(sp - p), &secs, NULL))
			continue;
		/* Stamped to the second by date(1): the intent's second counts. */
		if (secs < since_ms / 1000)
			continue;
		if ((size_t)(nl - sp - 1) >= wl && memcmp(sp + 1, want, wl) == 0)
			return true;
	}
	return false;
}
