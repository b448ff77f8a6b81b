/*
 * namelist.c — a list of names with its cut said: names whole, then
 * "and N more", N exact. A prompt with a %.60s list once dropped a third
 * failing host with nothing to show it.
 */
#include "warroom/namelist.h"

#include <stdio.h>
#include <string.h>

/* Bytes of " and N more" (or "N more" when nothing precedes it). */
static size_t
more_len(size_t named, size_t rest)
{
	char tail[NAMELIST_CAP_MIN];

	return rest == 0 ? 0 : (size_t)snprintf(tail, sizeof(tail), "%s%zu more",
	    named > 0 ? " and " : "", rest);
}

size_t
namelist_join(const char *const *names, size_t n, size_t most, char *buf, size_t cap)
{
	size_t named = 0, len = 0, add;

	if (cap == 0)
		return 0;
	buf[0] = '\0';
	if (most > n)
		most = n;
	/* A name goes in only when, after it, the count of the rest still fits. */
	while (named < most) {
		add = (named > 0 ? 2 : 0) + strlen(names[named]);
		if (len + add + more_len(named + 1, n - named - 1) >= cap)
			break;
		len += (size_t)snprintf(buf + len, cap - len, "%s%s", named > 0 ? ", " : "",
		    names[named]);
		named++;
	}
	if (named < n && len + more_len(named, n - named) < cap)
		snprintf(buf + len, cap - len, "%s%zu more", named > 0 ? " and " : "", n - named);
	return named;
}
