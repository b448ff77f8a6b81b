/*
 * healthrec.c — the rule behind health.change records: a record pairs
 * readings the console took after the host last may have changed, so a
 * tag read before a rollback ended never stands beside a /readyz read
 * after it. A ready /readyz whose schema goes ahead of the release (or
 * catches up) is a change too: it is no change of readiness.
 */
#include "warroom/healthrec.h"

#include <string.h>

enum healthrec_do
healthrec_decide(const struct healthrec_now *now, const struct healthrec_last *last)
{
	bool changed = !last->have || strcmp(last->tag, now->tag) != 0 ||
	    (now->probed && (last->healthz != now->healthz || last->readyz != now->readyz ||
	    last->schema_ahead != now->schema_ahead));

	if (!changed)
		return HEALTHREC_SAME;
	/* poller_refresh asks a probe round at once; one always ends (a
	 * failure is an UNKNOWN answer), so the wait is short. */
	if (now->probed && now->probe_sent_ms < now->refresh_ms)
		return HEALTHREC_WAIT;
	if (now->tag_read_ms >= now->refresh_ms)
		return HEALTHREC_WRITE;
	/* The re-read failed (host gone, command hung): the health change is
	 * still news, the old tag is not. */
	if (now->failed_ms != 0 && now->failed_ms >= now->refresh_ms)
		return HEALTHREC_WRITE_UNREAD;
	return HEALTHREC_WAIT;
}
