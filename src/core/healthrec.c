/*
 * healthrec.c — the rule behind health.change records: a record pairs
 * readings the console took after the host last may have changed, so a
 * tag read before a rollback ended never stands beside a /readyz read
 * after it, nor one read while it runs. A ready /readyz whose schema stops matching the release (or
 * catches up, or turns from ahead to behind) is a change too: it is no
 * change of readiness. The record's schema fields are written and read
 * back here, so an old journal's guess is never read as a direction.
 * A deploy made outside the console is bracketed by the tag reads: no
 * record pairs a tag with a /readyz answered by another release, and a
 * change waiting for such a read is held so that it is never lost.
 */
#include "warroom/healthrec.h"

#include <cjson/cJSON.h>
#include <string.h>

#include "warroom/util.h"

/* What a change waits for, when its round's state may be gone by then. */
enum hold {
	HOLD_NONE,
	HOLD_FOR_READ,                   /* a tag read begun after its round */
	HOLD_FOR_REFRESH,                /* the refresh's re-read: its tag is theirs */
};

/* A deploy made outside moves no refresh: the tag reads around the probe
 * round say which release answered it. WRITE: nothing against pairing. */
static enum healthrec_do
bracket(const struct healthrec_now *now, const struct healthrec_last *last, enum hold *held)
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
	*held = HOLD_FOR_READ;
	return HEALTHREC_WAIT;
}

/* healthrec_decide; *held: it waits only for a tag read after the round,
 * or for the refresh's re-read (the state of that round may be gone by
 * then: the caller holds it). */
static enum healthrec_do
decide(const struct healthrec_now *now, const struct healthrec_last *last, enum hold *held)
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
	/* The refresh's re-read has not answered: the tag in hand is from
	 * before the host changed, and the probes sent after the refresh
	 * pair with whatever that read says (not the old tag: a rollback's
	 * /readyz was written as "not re-read", its tag change as outside). */
	if (now->tag_read_ms < now->refresh_ms) {
		/* The re-read failed (host gone, command hung): the health
		 * change is still news, the old tag is not. */
		if (now->failed_ms != 0 && now->failed_ms >= now->refresh_ms)
			return HEALTHREC_WRITE_UNREAD;
		if (now->probed)
			*held = HOLD_FOR_REFRESH;
		return HEALTHREC_WAIT;
	}
	if (now->probed && (rule = bracket(now, last, held)) != HEALTHREC_WRITE)
		return rule;
	return HEALTHREC_WRITE;
}

enum healthrec_do
healthrec_decide(const struct healthrec_now *now, const struct healthrec_last *last)
{
	enum hold held = HOLD_NONE;

	return decide(now, last, &held);
}

static bool
same_health(const struct healthrec_held *a, const struct healthrec_held *b)
{
	return a->healthz == b->healthz && a->readyz == b->readyz &&
	    a->schema_warn == b->schema_warn;
}

enum healthrec_do
healthrec_observe(struct healthrec_queue *q, const struct healthrec_now *now,
    const struct healthrec_last *last)
{
	enum hold held = HOLD_NONE;
	enum healthrec_do what = decide(now, last, &held);
	struct healthrec_held round = { .healthz = now->healthz, .readyz = now->readyz,
		.schema_warn = now->schema_warn, .sent_ms = now->probe_sent_ms,
		.done_ms = now->probe_done_ms };

	if (!now->probed)
		return what;
	/* Its record, written later, quotes them. */
	wr_strlcpy(round.rev_database, now->rev_database != NULL ? now->rev_database : "",
	    sizeof(round.rev_database));
	wr_strlcpy(round.rev_expected, now->rev_expected != NULL ? now->rev_expected : "",
	    sizeof(round.rev_expected));
	if (q->n == 0) {
		if (held == HOLD_NONE)
			return what;
		/* Held for the refresh's re-read: the tag is what it will say. */
		wr_strlcpy(q->tag, held == HOLD_FOR_READ ? now->tag : "", sizeof(q->tag));
		q->refresh_ms = held == HOLD_FOR_REFRESH ? now->refresh_ms : 0;
		q->held[q->n++] = round;
		q->last = round;
		return HEALTHREC_WAIT;
	}
	/* Later rounds queue behind the held ones, so the records keep their
	 * order; not one read while the host may change (an action, a
	 * refresh, a tag not yet known live): those wait as ever. */
	if (!now->changing && !now->deploy_pending && now->probe_sent_ms >= now->refresh_ms &&
	    now->probe_sent_ms >= now->tag_seen_ms && round.done_ms > q->last.done_ms) {
		if (!same_health(&round, &q->last)) {
			if (q->n < HEALTHREC_HELD_MAX)
				q->held[q->n++] = round;
			else
				q->dropped++;
		}
		q->last = round;
	}
	return HEALTHREC_WAIT;
}

int
healthrec_settled(struct healthrec_queue *q, const struct healthrec_now *now,
    enum healthrec_do *how)
{
	int i;

	if (q->n == 0)
		return 0;
	/* Rounds sent after an action's end (or C-r) and the re-read that
	 * refresh asked are the bracketing reads, whichever answered first:
	 * they go with the tag it said, a new one too. */
	if (q->refresh_ms != 0) {
		if (now->tag_read_ms >= q->refresh_ms)
			*how = HEALTHREC_WRITE;
		else if (now->failed_ms != 0 && now->failed_ms >= q->refresh_ms)
			*how = HEALTHREC_WRITE_UNREAD;
		else
			return 0;
		/* Failed: the tag in hand, not re-read (the record says why). */
		wr_strlcpy(q->tag, now->tag, sizeof(q->tag));
		q->refresh_ms = 0;
		return q->n;
	}
	/* Another tag, whenever read: the deploy came somewhere between the
	 * read before them and this one. Not the new tag's, not surely the
	 * old one's. */
	if (strcmp(now->tag, q->tag) != 0) {
		*how = HEALTHREC_WRITE_UNREAD;
		return q->n;
	}
	for (i = 0; i < q->n && q->held[i].done_ms <= now->tag_read_ms; i++)
		;
	if (i > 0) {
		*how = HEALTHREC_WRITE;
		return i;
	}
	/* The read after them failed: they are news, the tag is not. */
	for (i = 0; i < q->n && now->failed_ms > now->tag_read_ms &&
	    q->held[i].done_ms <= now->failed_ms; i++)
		;
	*how = HEALTHREC_WRITE_UNREAD;
	return i;
}

void
healthrec_pop(struct healthrec_queue *q, int n)
{
	if (n > q->n)
		n = q->n;
	memmove(q->held, q->held + n, (size_t)(q->n - n) * sizeof(q->held[0]));
	q->n -= n;
	if (q->n == 0) {
		q->dropped = 0;
		q->refresh_ms = 0;
	}
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

void
healthrec_add_revisions(cJSON *data, enum probe_schema warn, const char *database,
    const char *expected)
{
	/* The post-mortem's follow-up quotes them: no warning, nothing to
	 * quote. */
	if (warn == PROBE_SCHEMA_UNSAID || warn == PROBE_SCHEMA_CURRENT || database == NULL ||
	    expected == NULL || database[0] == '\0' || expected[0] == '\0')
		return;
	cJSON_AddStringToObject(data, "schema_database", database);
	cJSON_AddStringToObject(data, "schema_expected", expected);
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
