/*
 * deploytime.c — the earliest time a tag was seen to go live, per row.
 * Each driver's answer is about what runs now: compose's container
 * creation, the pods of a Deployment, its Progressing condition. A
 * `docker compose up` that re-creates the container, a rollout restart or
 * a rescheduled pod move those, though no release was made: only a new
 * tag starts the count again.
 */
#include "warroom/deploytime.h"

#include <string.h>

#include "warroom/util.h"

void
deploytime_note(struct deploytime *t, const char *tag, int64_t ms, const char *from,
    int64_t instance_ms)
{
	if (tag == NULL)
		tag = "";
	if (strcmp(t->tag, tag) != 0) {
		memset(t, 0, sizeof(*t));
		wr_strlcpy(t->tag, tag, sizeof(t->tag));
	}
	if (ms > 0 && (t->first_ms == 0 || ms < t->first_ms)) {
		t->first_ms = ms;
		wr_strlcpy(t->first_from, from != NULL ? from : "", sizeof(t->first_from));
	}
	if (instance_ms > t->instance_ms)
		t->instance_ms = instance_ms;
	/* Made after the first reading: the same release re-created. */
	if (t->first_ms > 0 && instance_ms > t->first_ms && instance_ms > t->recreated_ms)
		t->recreated_ms = instance_ms;
}

void
deploytime_adopt(struct deploytime *t, const char *tag, int64_t ms, const char *from,
    int64_t recreated_ms)
{
	/* The journal's time is of its tag: a tag changed since is another
	 * release, whatever the journal said of the one before. */
	if (tag == NULL || tag[0] == '\0' || strcmp(t->tag, tag) != 0)
		return;
	if (ms > 0 && (t->first_ms == 0 || ms < t->first_ms)) {
		t->first_ms = ms;
		wr_strlcpy(t->first_from, from != NULL ? from : "", sizeof(t->first_from));
	}
	/* The instance read here may now be younger than the release. */
	if (t->instance_ms > recreated_ms)
		recreated_ms = t->instance_ms;
	if (recreated_ms > t->first_ms && recreated_ms > t->recreated_ms)
		t->recreated_ms = recreated_ms;
}
