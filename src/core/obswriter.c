/*
 * obswriter.c — the one writing console that records observations
 * (obswriter.h).
 */
#include "warroom/obswriter.h"

#include <string.h>

uint64_t
obswriter_pick(const struct obswriter_session *v, size_t n, uint64_t self, bool self_armed)
{
	uint64_t oldest = self;
	size_t i;

	if (self == 0 || self_armed)
		return self;
	/* One lock holds arming: at most one armed console runs. One the
	 * journal still says armed but whose byte is free is gone. */
	for (i = 0; i < n; i++)
		if (v[i].alive == 1 && !v[i].stopped && v[i].armed && v[i].id != self)
			return v[i].id;
	/* A stopped console keeps its byte but reads nothing: while it is
	 * stopped, whatever changes would go unrecorded (50 s, once). */
	for (i = 0; i < n; i++)
		if (v[i].alive == 1 && !v[i].stopped && v[i].id != 0 && v[i].id < oldest)
			oldest = v[i].id;
	return oldest;
}

bool
obswriter_same_machine(const char *actor, const char *self_actor)
{
	const char *a = actor != NULL ? strrchr(actor, '@') : NULL;
	const char *b = self_actor != NULL ? strrchr(self_actor, '@') : NULL;

	return a != NULL && b != NULL && a[1] != '\0' && strcmp(a, b) == 0;
}
