/*
 * rbprogress.c — a RUNBOOK section's count and age as its row says them.
 * The short form exists because a cut row lost the unit ("started 2…"):
 * the age alone, whole, tells more than the long form cut.
 */
#include "warroom/rbprogress.h"

#include <stdio.h>

void
rbprogress_ago(int64_t now_ms, int64_t then_ms, char *buf, size_t cap)
{
	long s = (long)((now_ms - then_ms) / 1000);

	if (s < 0)
		s = 0;
	if (s < 60)
		snprintf(buf, cap, "%lds", s);
	else if (s < 3600)
		snprintf(buf, cap, "%ldm", s / 60);
	else
		snprintf(buf, cap, "%ldh%02ldm", s / 3600, (s / 60) % 60);
}

void
rbprogress_words(int done, int total, const char *ago, bool brief, char *buf, size_t cap)
{
	if (cap == 0)
		return;
	buf[0] = '\0';
	/* A heading over sections only (the title) has no count. */
	if (total <= 0)
		return;
	/* Done, when it started says nothing ("started 0s" read as a
	 * glitch); under way, how long ago it did. */
	if (done == total)
		snprintf(buf, cap, "  %d/%d  done", done, total);
	else if (ago != NULL && ago[0] != '\0')
		snprintf(buf, cap, brief ? "  %d/%d  %s" : "  %d/%d  started %s ago", done, total,
		    ago);
	else
		snprintf(buf, cap, "  %d/%d", done, total);
}
