/*
 * rsread.c — whether a k8s service's ReplicaSets are read this round.
 * Reading them every poll cost one kubectl call per service and round
 * against the API server for a value that moves only with a rollout:
 * the deployment's revision and tag, read every round anyway, say when.
 */
#include "warroom/rsread.h"

#include <string.h>

#include "warroom/util.h"

/* Is (revision, tag) what the last read was sent for? */
static bool
same_key(const struct rsread *r, int revision, const char *tag)
{
	return r->asked && r->revision == revision &&
	    strcmp(r->tag, tag != NULL ? tag : "") == 0;
}

bool
rsread_due(const struct rsread *r, int revision, const char *tag, int64_t now_ms)
{
	if (r->out)
		return false;
	if (!same_key(r, revision, tag))
		return true;
	/* The same deployment: only a failed read is worth another go. */
	return !r->ok && now_ms >= r->retry_ms;
}

bool
rsread_waiting(const struct rsread *r, int revision, const char *tag)
{
	/* One that failed for this key waits its backoff: the pods and the
	 * condition say meanwhile (a role may not list ReplicaSets). */
	return r->out || !same_key(r, revision, tag);
}

void
rsread_sent(struct rsread *r, int revision, const char *tag)
{
	if (!same_key(r, revision, tag))
		r->fails = 0;
	r->asked = true;
	r->out = true;
	r->revision = revision;
	wr_strlcpy(r->tag, tag != NULL ? tag : "", sizeof(r->tag));
}

void
rsread_answered(struct rsread *r, bool ok, int64_t now_ms, int64_t base_ms)
{
	int64_t wait = base_ms > 0 ? base_ms : 1000;
	int i;

	r->out = false;
	r->ok = ok;
	if (ok) {
		r->fails = 0;
		r->retry_ms = 0;
		return;
	}
	r->fails++;
	for (i = 1; i < r->fails && wait < RSREAD_BACKOFF_MAX_MS; i++)
		wait *= 2;
	if (wait > RSREAD_BACKOFF_MAX_MS)
		wait = RSREAD_BACKOFF_MAX_MS;
	r->retry_ms = now_ms + wait;
}
