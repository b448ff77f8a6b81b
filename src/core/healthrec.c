/*
 * healthrec.c — the rule behind health.change records: a record pairs
 * readings the console took after the host last may have changed, so a
 * tag read before a rollback ended never stands beside a /readyz read
 * after it, nor one read while it runs. A ready /readyz whose schema stops matching the release (or
 * catches up, or turns from ahead to behind) is a change too: it is no
 * change of readiness. The record's schema fields are written and read
 * back here, so an old journal's guess is never read as a direction.
 * A deploy made outside the console is bracketed by the tag reads: no
 * record pairs a tag with a /readyz answered by another release.
 */
#include "warroom/healthrec.h"

#include <cjson/cJSON.h>
#include <string.h>

/* A deploy made outside moves no refresh: the tag reads around the probe
 * round say which release answered it. WRITE: nothing against pairing. */
static enum healthrec_do
bracket(const struct healthrec_now *now, const struct healthrec_last *last)
{
	bool new_tag = !last->have || last->tag[0] == '\0' || strcmp(last->tag, now->tag) != 0;

	/* Sent before the new tag was known to be live: /readyz may be the
	 * release before's ("schema ahead" beside the release that migrated). */
	if (now->probe_sent_ms < now->tag_seen_ms)
		return HEALTHREC_WAIT;
	/* The tag read last may predate a deploy the probes already answer
	 * from: a read begun after them says the tag stayed. A new tag is
	 * not held for it (one probe round after it was seen brackets it). */
	if (new_tag || now->tag_read_ms >= now->probe_done_ms)
		return HEALTHREC_WRITE;
	/* That read failed: the health change is news, the tag is not. */
	if (now->failed_ms != 0 && now->failed_ms >= now->probe_done_ms &&
	    now->failed_ms >= now->refresh_ms)
		return HEALTHREC_WRITE_UNREAD;
	return HEALTHREC_WAIT;
}

enum healthrec_do
healthrec_decide(const struct healthrec_now *now, const struct healthrec_last *last)
{
	enum healthrec_do rule;
	bool changed = !last->have || strcmp(last->tag, now->tag) != 0 ||
	    (now->probed && (last->healthz != now->healthz || last->readyz != now->readyz ||
	    last->schema_warn != now->schema_warn));

	if (!changed)
		return HEALTHREC_SAME;
	/* Mid-action the tag read and the probe may lie on either side of
	 * the change (undo at :23, /readyz of the new pods at :26, the tag
	 * read at :21): no pairing is safe until the end's refresh. */
	if (now->changing)
		return HEALTHREC_WAIT;
	/* k8s reads the tag and its pods apart: the record of a new tag
	 * carries when it went live, so it waits for the pods (a poll). */
	if (now->deploy_pending)
		return HEALTHREC_WAIT;
	/* poller_refresh asks a probe round at once; one always ends (a
	 * failure is an UNKNOWN answer), so the wait is short. */
	if (now->probed && now->probe_sent_ms < now->refresh_ms)
		return HEALTHREC_WAIT;
	if (now->probed && (rule = bracket(now, last)) != HEALTHREC_WRITE)
		return rule;
	if (now->tag_read_ms >= now->refresh_ms)
		return HEALTHREC_WRITE;
	/* The re-read failed (host gone, command hung): the health change is
	 * still news, the old tag is not. */
	if (now->failed_ms != 0 && now->failed_ms >= now->refresh_ms)
		return HEALTHREC_WRITE_UNREAD;
	return HEALTHREC_WAIT;
}

void
healthrec_add_schema(cJSON *data, enum probe_schema warn, bool was)
{
	bool warned = warn == PROBE_SCHEMA_AHEAD || warn == PROBE_SCHEMA_BEHIND ||
	    warn == PROBE_SCHEMA_UNSURE;

	cJSON_AddBoolToObject(data, was ? "was_schema_ahead" : "schema_ahead",
	    warn == PROBE_SCHEMA_AHEAD);
	if (warned)
		cJSON_AddStringToObject(data, was ? "was_schema" : "schema",
		    probe_schema_name(warn));
}

enum probe_schema
healthrec_schema(const cJSON *data, bool was)
{
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(data, was ? "was_schema" : "schema");
	const cJSON *ahead = cJSON_GetObjectItemCaseSensitive(data,
	    was ? "was_schema_ahead" : "schema_ahead");

	if (cJSON_IsString(s) && strcmp(s->valuestring, "ahead") == 0)
		return PROBE_SCHEMA_AHEAD;
	if (cJSON_IsString(s) && strcmp(s->valuestring, "behind") == 0)
		return PROBE_SCHEMA_BEHIND;
	/* "unsure", a word this build does not know, or an old "true". */
	if (cJSON_IsString(s) || cJSON_IsTrue(ahead))
		return PROBE_SCHEMA_UNSURE;
	return PROBE_SCHEMA_UNSAID;
}
