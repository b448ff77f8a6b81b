/*
 * stepran.c — a runbook step's (or a section's own) actions as the journal
 * tells them, in the words a live action's row would use
 * (actions_outcome_words): its end's outcome, or what a re-read or the
 * engineer's U settled it to. An intent with no end is RUNNING (another
 * console's, still going) until an incident.resume names it as left by a
 * console that went away: UNKNOWN, as that console's successor adopts it,
 * until it is settled. A section's actions name it apart from the steps
 * (runbook_section), so a heading and an item never share marks.
 */
#include "warroom/stepran.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *
str_of(const cJSON *o, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

/* Where op is in s->v, or -1. */
static long
op_at(const struct stepran *s, const char *op)
{
	size_t i;

	for (i = s->n; op != NULL && i-- > 0;)
		if (strcmp(s->v[i].op, op) == 0)
			return (long)i;
	return -1;
}

static struct stepran_act *
by_op(struct stepran *s, const char *op)
{
	long i = op_at(s, op);

	return i < 0 ? NULL : &s->v[i];
}

/* "ok" -> "OK", "failed" -> "FAILED", anything else UNKNOWN. */
static const char *
outcome_name(const char *oc)
{
	if (oc != NULL && strcasecmp(oc, "ok") == 0)
		return "OK";
	if (oc != NULL && strcasecmp(oc, "failed") == 0)
		return "FAILED";
	return "UNKNOWN";
}

static void
intent(struct stepran *s, const struct record *r)
{
	const cJSON *plan = cJSON_GetObjectItemCaseSensitive(r->data, "plan");
	const char *step = str_of(plan, "runbook_step");
	bool section = false;
	struct stepran_act *a;

	if (step == NULL || step[0] == '\0') {
		step = str_of(plan, "runbook_section");
		section = true;
	}
	if (step == NULL || step[0] == '\0' || r->host == NULL || by_op(s, r->op) != NULL)
		return;
	s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
	a = &s->v[s->n++];
	memset(a, 0, sizeof(*a));
	a->step = xstrdup(step);
	a->section = section;
	a->host = xstrdup(r->host);
	a->op = xstrdup(r->op);
	snprintf(a->words, sizeof(a->words), "RUNNING");
}

/* incident.resume's unknown_ops: intents whose console went away. */
static void
orphans(struct stepran *s, const struct record *r)
{
	const cJSON *ops = cJSON_GetObjectItemCaseSensitive(r->data, "unknown_ops"), *op;
	struct stepran_act *a;

	cJSON_ArrayForEach(op, ops)
		if ((a = by_op(s, cJSON_GetStringValue(op))) != NULL && !a->settled)
			snprintf(a->words, sizeof(a->words), "UNKNOWN");
}

void
stepran_note(struct stepran *s, const struct record *r)
{
	struct stepran_act *a;
	const char *by;
	bool ok;

	if (strcmp(r->kind, "incident.resume") == 0) {
		orphans(s, r);
		return;
	}
	if (r->op == NULL)
		return;
	if (strcmp(r->kind, "action.intent") == 0) {
		intent(s, r);
		return;
	}
	if ((a = by_op(s, r->op)) == NULL)
		return;
	/* A settled outcome stands: an end after it says nothing newer. */
	if (strcmp(r->kind, "action.end") == 0 && !a->settled) {
		snprintf(a->words, sizeof(a->words), "%s", outcome_name(str_of(r->data, "outcome")));
		return;
	}
	if (strcmp(r->kind, "action.reconcile") != 0 ||
	    strcmp(outcome_name(str_of(r->data, "outcome")), "UNKNOWN") == 0)
		return;
	ok = strcmp(outcome_name(str_of(r->data, "outcome")), "OK") == 0;
	by = str_of(r->data, "by");
	a->settled = true;
	snprintf(a->words, sizeof(a->words), "%s%s", ok ? "OK" : "FAILED",
	    by != NULL && strcmp(by, "hand") == 0 ? ", settled by hand" : " after re-read");
}

static bool
is_of(const struct stepran_act *a, bool section, const char *step)
{
	return a->section == section && strcmp(a->step, step) == 0;
}

const struct stepran_act *
stepran_last(const struct stepran *s, bool section, const char *step, const char *host)
{
	size_t i;

	for (i = s->n; i-- > 0;)
		if (is_of(&s->v[i], section, step) && strcmp(s->v[i].host, host) == 0)
			return &s->v[i];
	return NULL;
}

bool
stepran_has_op(const struct stepran *s, const char *op)
{
	return op_at(s, op) >= 0;
}

void
stepran_free(struct stepran *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].step);
		free(s->v[i].host);
		free(s->v[i].op);
	}
	free(s->v);
	s->v = NULL;
	s->n = 0;
}
