/*
 * stepran.c — a runbook step's (or a section's own) actions as the journal
 * tells them, in the words a live action's row would use
 * (actions_outcome_words): its end's outcome, or what a re-read or the
 * engineer's U settled it to. An intent with no end is RUNNING (another
 * console's, still going) until an incident.resume names it as left by a
 * console that went away: UNKNOWN, as that console's successor adopts it,
 * until it is settled. A section's actions name it apart from the steps
 * (runbook_section), so a heading and an item never share marks.
 * Status-page posts, chat announcements and smoke checks sent from a step
 * are kept beside them, each with where it stands, so "[POSTED]" and
 * "[SMOKE WARN h3]" survive the journal as "[OK h1]" does. An x that ran
 * nothing (action.refused or action.stale naming the step) is kept until
 * something runs or is sent from that step, in one word for the live
 * console and a reopened one alike: "[REFUSED]", "[SKIPPED]" (already on
 * the target), "[CANCELLED]" (confirmed, then stopped before it ran).
 * Each action, post, announcement and smoke check keeps what its step
 * held then (runbook_code): a step edited since says its outcome is an
 * earlier version's, never the plain OK of the step shown now.
 */
#include "warroom/stepran.h"
#include "warroom/latedone.h"
#include "warroom/envmark.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

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

static long
refusal_at(const struct stepran *s, bool section, const char *step)
{
	size_t i;

	for (i = 0; i < s->nrefused; i++)
		if (s->refused[i].section == section && strcmp(s->refused[i].step, step) == 0)
			return (long)i;
	return -1;
}

/* Something ran or was sent from step: a refusal there is no longer the
 * last word. */
static void
refusal_clear(struct stepran *s, bool section, const char *step)
{
	long i = refusal_at(s, section, step);

	if (i < 0)
		return;
	free(s->refused[i].step);
	s->refused[i] = s->refused[--s->nrefused];
}

/* The step (or section) o names, runbook_step or runbook_section, or
 * where at says it goes now; false when none (or at says nowhere). */
static bool
step_named(const cJSON *o, const struct stepran_at *at, const char **step, bool *section)
{
	if (at != NULL) {
		*step = at->step;
		*section = at->section;
	} else {
		*step = str_of(o, "runbook_step");
		*section = false;
		if (*step == NULL || (*step)[0] == '\0') {
			*step = str_of(o, "runbook_section");
			*section = true;
		}
	}
	return *step != NULL && (*step)[0] != '\0';
}

const char *
stepran_unrun_word(const struct record *r)
{
	if (r->kind != NULL && strcmp(r->kind, "action.stale") == 0)
		return "CANCELLED";
	if (r->kind == NULL || strcmp(r->kind, "action.refused") != 0)
		return NULL;
	/* Nothing to do is not a refusal: the footer said SKIPPED. */
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "at_target")))
		return "SKIPPED";
	return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "confirmed")) ?
	    "CANCELLED" : "REFUSED";
}

/* An x that ran nothing, naming its step or section: its word, the
 * newest one's where several came. */
static void
refusal_add(struct stepran *s, const struct record *r, const struct stepran_at *at)
{
	const char *step;
	bool section;
	long i;

	if (!step_named(r->data, at, &step, &section))
		return;
	if ((i = refusal_at(s, section, step)) < 0) {
		s->refused = xrealloc(s->refused, (s->nrefused + 1) * sizeof(*s->refused));
		i = (long)s->nrefused++;
		s->refused[i].step = xstrdup(step);
		s->refused[i].section = section;
	}
	wr_strlcpy(s->refused[i].word, stepran_unrun_word(r), sizeof(s->refused[i].word));
}

const char *
stepran_unrun(const struct stepran *s, bool section, const char *step)
{
	long i = refusal_at(s, section, step);

	return i < 0 ? NULL : s->refused[i].word;
}

static void
intent(struct stepran *s, const struct record *r, const struct stepran_at *at)
{
	const cJSON *plan = cJSON_GetObjectItemCaseSensitive(r->data, "plan");
	const char *step;
	bool section;
	struct stepran_act *a;

	if (!step_named(plan, at, &step, &section) || r->host == NULL || by_op(s, r->op) != NULL)
		return;
	refusal_clear(s, section, step);
	s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
	a = &s->v[s->n++];
	memset(a, 0, sizeof(*a));
	a->step = xstrdup(step);
	a->section = section;
	a->host = xstrdup(r->host);
	a->op = xstrdup(r->op);
	a->ts_ms = r->ts_ms;
	a->session = r->session;
	wr_strlcpy(a->code, str_of(plan, "runbook_code") != NULL ? str_of(plan, "runbook_code") :
	    "", sizeof(a->code));
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

static struct stepran_sent *
sent_by_op(struct stepran *s, enum stepran_what what, const char *op)
{
	size_t i;

	for (i = s->nsent; op != NULL && i-- > 0;)
		if (s->sent[i].what == what && s->sent[i].op != NULL &&
		    strcmp(s->sent[i].op, op) == 0)
			return &s->sent[i];
	return NULL;
}

/* A post, announcement or smoke check naming its step: kept with state. */
static void
sent_add(struct stepran *s, const struct record *r, const struct stepran_at *at,
    enum stepran_what what, enum stepmark_sent state)
{
	const char *step;
	bool section;
	struct stepran_sent *e;

	if (!step_named(r->data, at, &step, &section) || sent_by_op(s, what, r->op) != NULL)
		return;
	refusal_clear(s, section, step);
	s->sent = xrealloc(s->sent, (s->nsent + 1) * sizeof(*s->sent));
	e = &s->sent[s->nsent++];
	e->step = xstrdup(step);
	e->section = section;
	e->what = what;
	e->op = r->op != NULL ? xstrdup(r->op) : NULL;
	e->host = r->host != NULL ? xstrdup(r->host) : NULL;
	e->state = state;
	wr_strlcpy(e->code, str_of(r->data, "runbook_code") != NULL ?
	    str_of(r->data, "runbook_code") : "", sizeof(e->code));
}

/* The sent-from-a-step records; true when r was one of them. */
static bool
sent_note(struct stepran *s, const struct record *r, const struct stepran_at *at)
{
	struct stepran_sent *e;
	const cJSON *unknown;

	if (strcmp(r->kind, "statuspage.queue") == 0 && r->op != NULL)
		sent_add(s, r, at, STEPRAN_POST, STEPMARK_PENDING);
	else if (strcmp(r->kind, "chat.announce") == 0 && r->op != NULL)
		sent_add(s, r, at, STEPRAN_ANNOUNCE, STEPMARK_PENDING);
	else if (strcmp(r->kind, "smoke") == 0)
		/* Written once answered: WARN is an expected status with a warning. */
		sent_add(s, r, at, STEPRAN_SMOKE,
		    !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "ok")) ?
		    STEPMARK_FAILED : str_of(r->data, "warning") != NULL ? STEPMARK_WARN :
		    STEPMARK_OK);
	else if (strcmp(r->kind, "statuspage.post") == 0 ||
	    strcmp(r->kind, "statuspage.failed") == 0) {
		if ((e = sent_by_op(s, STEPRAN_POST, r->op)) != NULL)
			e->state = r->kind[11] == 'p' ? STEPMARK_OK : STEPMARK_FAILED;
	} else if (strcmp(r->kind, "chat.post") == 0 || strcmp(r->kind, "chat.failed") == 0) {
		unknown = cJSON_GetObjectItemCaseSensitive(r->data, "unknown");
		if ((e = sent_by_op(s, STEPRAN_ANNOUNCE, r->op)) != NULL)
			e->state = r->kind[5] == 'p' ? STEPMARK_OK : cJSON_IsTrue(unknown) ?
			    STEPMARK_UNKNOWN : STEPMARK_FAILED;
	} else
		return false;
	return true;
}

/* The newest post (announcement, smoke check) sent from step, or NULL. */
static const struct stepran_sent *
sent_newest(const struct stepran *s, bool section, const char *step, enum stepran_what what)
{
	size_t i;

	for (i = s->nsent; i-- > 0;) {
		const struct stepran_sent *e = &s->sent[i];

		if (e->what == what && e->section == section && strcmp(e->step, step) == 0)
			return e;
	}
	return NULL;
}

enum stepmark_sent
stepran_sent(const struct stepran *s, bool section, const char *step, enum stepran_what what,
    const char **host)
{
	const struct stepran_sent *e = sent_newest(s, section, step, what);

	if (host != NULL)
		*host = e != NULL ? e->host : NULL;
	return e != NULL ? e->state : STEPMARK_NONE;
}

bool
stepran_sent_changed(const struct stepran *s, bool section, const char *step,
    enum stepran_what what, const char *code)
{
	const struct stepran_sent *e = sent_newest(s, section, step, what);

	return e != NULL && stepran_code_changed(e->code, code);
}

void
stepran_note(struct stepran *s, const struct record *r)
{
	stepran_note_at(s, r, NULL);
}

void
stepran_note_at(struct stepran *s, const struct record *r, const struct stepran_at *at)
{
	struct stepran_act *a;
	const char *by;
	bool ok;

	if (sent_note(s, r, at))
		return;
	if (stepran_unrun_word(r) != NULL) {
		refusal_add(s, r, at);
		return;
	}
	if (strcmp(r->kind, "incident.resume") == 0) {
		orphans(s, r);
		return;
	}
	if (r->op == NULL)
		return;
	if (strcmp(r->kind, "action.intent") == 0) {
		intent(s, r, at);
		return;
	}
	if ((a = by_op(s, r->op)) == NULL)
		return;
	/* A settled outcome stands: an end after it says nothing newer. */
	if (strcmp(r->kind, "action.end") == 0 && !a->settled) {
		snprintf(a->words, sizeof(a->words), "%s%s", outcome_name(str_of(r->data, "outcome")),
		    envmark_not_updated(r->data) ? ENVMARK_NOT_UPDATED : "");
		return;
	}
	if (strcmp(r->kind, "action.reconcile") != 0 ||
	    strcmp(outcome_name(str_of(r->data, "outcome")), "UNKNOWN") == 0)
		return;
	ok = strcmp(outcome_name(str_of(r->data, "outcome")), "OK") == 0;
	by = str_of(r->data, "by");
	a->settled = true;
	/* A FAILED one whose rollout completed later (latedone): no re-read. */
	if (latedone_completed_ms(r) > 0)
		snprintf(a->words, sizeof(a->words), "%s, rollout completed later",
		    str_of(r->data, "reread_ts") != NULL ? "UNKNOWN" : "FAILED");
	else
		snprintf(a->words, sizeof(a->words), "%s%s%s", ok ? "OK" : "FAILED",
		    by != NULL && strcmp(by, "hand") == 0 ? ", settled by hand" : " after re-read",
		    ok && envmark_not_updated(r->data) ? ENVMARK_NOT_UPDATED : "");
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

const struct stepran_act *
stepran_newest(const struct stepran *s, bool section, const char *step)
{
	size_t i;

	for (i = s->n; i-- > 0;)
		if (is_of(&s->v[i], section, step))
			return &s->v[i];
	return NULL;
}

/* Each host x ran the step on, once, in the order it first did: its last
 * action there. Returns how many (malloc'd into *out). */
static size_t
host_lasts(const struct stepran *s, bool section, const char *step,
    const struct stepran_act ***out)
{
	const struct stepran_act **v = xcalloc(s->n + 1, sizeof(*v));
	size_t i, k, n = 0;

	for (i = 0; i < s->n; i++) {
		const struct stepran_act *a = &s->v[i];

		if (!is_of(a, section, step))
			continue;
		for (k = 0; k < n && strcmp(v[k]->host, a->host) != 0; k++)
			;
		if (k == n)
			v[n++] = stepran_last(s, section, step, a->host);
	}
	*out = v;
	return n;
}

bool
stepran_code_changed(const char *then, const char *now)
{
	return then != NULL && then[0] != '\0' && now != NULL && now[0] != '\0' &&
	    strcmp(then, now) != 0;
}

bool
stepran_act_changed(const struct stepran_act *a, const char *code)
{
	return stepran_code_changed(a->code, code);
}

void
stepran_act_words(const struct stepran_act *a, const char *code, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s%s", stepran_act_changed(a, code) ? "EARLIER VERSION " : "",
	    a->words);
}

/* " at 03:12:44": the newest of v[n]'s intents, UTC; "" when none says. */
static void
newest_at(const struct stepran_act **v, size_t n, char *buf, size_t cap)
{
	int64_t at = 0;
	struct tm tm;
	time_t t;
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i]->ts_ms > at)
			at = v[i]->ts_ms;
	buf[0] = '\0';
	t = (time_t)(at / 1000);
	if (at > 0 && gmtime_r(&t, &tm) != NULL)
		strftime(buf, cap, " at %H:%M:%S", &tm);
}

/* "OK on h1, h2; FAILED on h3": hosts grouped by how it went there, each
 * group in order of its first. */
static void
by_words(const struct stepran_act **v, size_t n, char *buf, size_t cap)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < i && strcmp(v[k]->words, v[i]->words) != 0; k++)
			;
		if (k < i)
			continue;        /* its group is said already */
		wr_appendf(buf, cap, "%s%s on ", i == 0 ? "" : "; ", v[i]->words);
		for (k = i; k < n; k++)
			if (strcmp(v[k]->words, v[i]->words) == 0)
				wr_appendf(buf, cap, "%s%s", k == i ? "" : ", ", v[k]->host);
	}
}

bool
stepran_said(const struct stepran *s, bool section, const char *step, uint64_t session,
    const char *code, char *buf, size_t cap)
{
	const struct stepran_act **v, **now, **old;
	size_t n = host_lasts(s, section, step, &v), i, nnow = 0, nold = 0;
	const char *noun = section ? "section" : "step";
	bool ours = false, others = false, later = false;
	char when[16];

	if (cap > 0)
		buf[0] = '\0';
	if (n == 0 || cap == 0) {
		free(v);
		return n > 0;
	}
	/* Hosts whose last ran the commands shown now, and those whose last
	 * ran an earlier version: the latter's outcome is not the step's. */
	now = xcalloc(n, sizeof(*now));
	old = xcalloc(n, sizeof(*old));
	for (i = 0; i < n; i++) {
		if (stepran_act_changed(v[i], code)) {
			old[nold++] = v[i];
			continue;
		}
		now[nnow++] = v[i];
		if (session != 0 && v[i]->session == session)
			ours = true;
		else
			others = true;
		/* Started after ours: a console beside this one, not before it. */
		later = later || (session != 0 && v[i]->session > session);
	}
	if (nnow > 0) {
		newest_at(now, nnow, when, sizeof(when));
		wr_appendf(buf, cap, "this %s ran%s in %s: ", noun, when, !others ? "this session" :
		    !ours ? (later ? "another session" : "an earlier session") :
		    later ? "this and another session" : "this and an earlier session");
		by_words(now, nnow, buf, cap);
	}
	if (nold > 0) {
		newest_at(old, nold, when, sizeof(when));
		if (nnow > 0)
			wr_appendf(buf, cap, "; an earlier version of it ran%s (", when);
		else
			wr_appendf(buf, cap, "an earlier version of this %s ran%s (", noun, when);
		by_words(old, nold, buf, cap);
		wr_appendf(buf, cap, "): its commands have changed since");
	}
	free(now);
	free(old);
	free(v);
	return true;
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
	for (i = 0; i < s->nsent; i++) {
		free(s->sent[i].step);
		free(s->sent[i].op);
		free(s->sent[i].host);
	}
	free(s->sent);
	for (i = 0; i < s->nrefused; i++)
		free(s->refused[i].step);
	free(s->refused);
	memset(s, 0, sizeof(*s));
}
