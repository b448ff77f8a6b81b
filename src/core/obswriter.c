/*
 * obswriter.c — the one writing console that records observations
 * (obswriter.h).
 */
#include "warroom/obswriter.h"

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
		if (v[i].alive == 1 && v[i].armed && v[i].id != self)
			return v[i].id;
	for (i = 0; i < n; i++)
		if (v[i].alive == 1 && v[i].id != 0 && v[i].id < oldest)
			oldest = v[i].id;
	return oldest;
}
