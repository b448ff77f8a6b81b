/*
 * deployby.c — whose deploy a tag change was. The console writes a
 * health.change once the tag it reads differs from the last record's; its
 * own rollbacks change tags too, and the record then follows the action's
 * end. A change with no action of the journal's on that host and service
 * in the time before it (since the row's last record, five minutes at
 * most) was made by someone else: a CI job, a colleague's kubectl. A
 * rollback whose rollout a later reading found complete (an
 * action.reconcile by "rollout" or "reading", or a re-read's after
 * UNKNOWN) moved the tag then: it counts as ending at that record. One
 * that ended UNKNOWN and is not settled may still be running on the host
 * (its connection dropped, not its command): a change to its target is
 * its own, as for one with no end.
 */
#include "warroom/deployby.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/contain.h"
#include "warroom/util.h"

static const char *
str_in(const cJSON *o, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

static bool
same(const char *a, const char *b)
{
	return a != NULL && strcmp(a, b) == 0;
}

/* The noted action of op, or NULL. */
static struct deployby_act *
find_op(struct deployby *d, const char *op)
{
	size_t i;

	for (i = d->n; i-- > 0;)
		if (strcmp(d->items[i].op, op) == 0)
			return &d->items[i];
	return NULL;
}

static void
act_free(struct deployby_act *a)
{
	free(a->op);
	free(a->host);
	free(a->service);
	free(a->action);
	free(a->to);
}

void
deployby_note(struct deployby *d, const struct record *r)
{
	struct deployby_act *a;
	const cJSON *plan = NULL;
	const char *svc, *action, *to;
	bool lost;

	if (r->op == NULL || r->host == NULL)
		return;
	a = find_op(d, r->op);
	/* A confirmation stands for an intent a damaged line may have held
	 * (unsettled adopts such an op from it too): the same action,
	 * service and target, until the intent itself comes. */
	lost = strcmp(r->kind, "action.confirmed") == 0;
	if (lost || strcmp(r->kind, "action.intent") == 0) {
		if (a != NULL && lost)
			return;          /* noted already */
		if (a != NULL && !a->intent_lost)
			a = NULL;        /* another intent of its op: noted apart */
		if (!lost)
			plan = cJSON_GetObjectItemCaseSensitive(r->data, "plan");
		action = str_in(r->data, "action");
		svc = str_in(lost ? r->data : plan, "service");
		to = str_in(lost ? r->data : plan, "to");
		if (a != NULL)
			act_free(a);
		else {
			d->items = xrealloc(d->items, (d->n + 1) * sizeof(*d->items));
			a = &d->items[d->n++];
		}
		*a = (struct deployby_act){ .op = xstrdup(r->op),
			.host = xstrdup(r->host), .service = svc != NULL && svc[0] != '\0' ?
			xstrdup(svc) : NULL, .action = action != NULL ? xstrdup(action) : NULL,
			.to = to != NULL && to[0] != '\0' ? xstrdup(to) : NULL, .seq = r->seq,
			.start_ms = r->ts_ms, .intent_lost = lost };
		return;
	}
	/* Confirmed and refused (its re-read, or the next console's resume
	 * finding nothing after it): nothing ran, so it changed no tag. */
	if (strcmp(r->kind, "action.refused") == 0) {
		if (a != NULL && a->intent_lost) {
			size_t at = (size_t)(a - d->items);

			act_free(a);
			/* Keep the order deployby_which reads latest first. */
			memmove(a, a + 1, (d->n - at - 1) * sizeof(*a));
			d->n--;
		}
		return;
	}
	/* A rollout read complete later (latedone's "rollout" or "reading"),
	 * or an UNKNOWN one's re-read (no "by": its console was killed, or
	 * its connection dropped) that found the target running: the tag it
	 * moved is seen then, not after the end, whichever session read it. */
	if (strcmp(r->kind, "action.reconcile") == 0 &&
	    (str_in(r->data, "by") == NULL || same(str_in(r->data, "by"), "rollout") ||
	    same(str_in(r->data, "by"), "reading")) &&
	    same(str_in(r->data, "outcome"), "ok")) {
		if (a != NULL) {
			a->end_ms = r->ts_ms;
			a->unknown = false;
		}
		return;
	}
	/* Any other word on its outcome (a hand's, failed) settles it; a
	 * re-read that gave up leaves it UNKNOWN. */
	if (strcmp(r->kind, "action.reconcile") == 0 && a != NULL &&
	    str_in(r->data, "outcome") != NULL && !same(str_in(r->data, "outcome"), "unknown"))
		a->unknown = false;
	if (strcmp(r->kind, "action.end") == 0 && a != NULL) {
		a->end_ms = r->ts_ms;
		a->unknown = same(str_in(r->data, "outcome"), "unknown");
	}
}

/* Whether an action may change a tag: no kill switch does. A
 * Kubernetes one (kubectl set env, rollout restart) re-creates pods from
 * the same image; a compose one redeploys with IMAGE_TAG pinned to the
 * tag it found running, and runs nothing once that tag moved (helm's is
 * always refused). A tag change after one must still read as a deploy
 * made outside this console. */
static bool
changes_tags(const char *action)
{
	return !contain_is_killswitch(action);
}

const struct deployby_act *
deployby_which(const struct deployby *d, const char *host, const char *svc,
    int64_t since_ms, int64_t at_ms, const char *tag)
{
	int64_t from = at_ms - DEPLOYBY_WINDOW_MS;
	size_t i;

	if (since_ms > from)
		from = since_ms;
	/* The latest first: of two in the window, the later one's change
	 * is the one seen. */
	for (i = d->n; i-- > 0;) {
		const struct deployby_act *a = &d->items[i];

		if (strcmp(a->host, host) != 0 ||
		    (a->service != NULL && svc != NULL && strcmp(a->service, svc) != 0) ||
		    !changes_tags(a->action))
			continue;
		if (a->start_ms > at_ms)
			continue;
		/* Ran in [from, at]: it may have made the change. */
		if (a->end_ms != 0 ? a->end_ms >= from : a->start_ms >= from)
			return a;
		/* One with no end lost its console (a record waits while ours
		 * run): its start is all that is known, and its command may run
		 * on past a later record of the row (the next console's, before
		 * its re-read settles it): a change to its target is its own.
		 * So with one that ended UNKNOWN (its connection dropped during
		 * `up -d`, which finished on the host after): its end is only
		 * when this console stopped hearing from it. */
		if ((a->end_ms == 0 || a->unknown) && a->start_ms >= at_ms - DEPLOYBY_WINDOW_MS &&
		    tag != NULL && a->to != NULL && strcmp(a->to, tag) == 0)
			return a;
	}
	return NULL;
}

bool
deployby_outside(const struct deployby *d, const char *host, const char *svc,
    int64_t since_ms, int64_t at_ms, const char *tag)
{
	return deployby_which(d, host, svc, since_ms, at_ms, tag) == NULL;
}

void
deployby_free(struct deployby *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		act_free(&d->items[i]);
	free(d->items);
	d->items = NULL;
	d->n = 0;
}
