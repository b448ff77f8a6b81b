/*
 * unsettled.c — an earlier session's UNKNOWN outcomes, read back from its
 * journal. A console killed with -9 leaves an action.intent with no end; one
 * stopped by SIGTERM or SIGHUP mid-action records action.end unknown before
 * its shutdown record. Both are the same to the next session: UNKNOWN until
 * a re-read or U settles them (record_scan decides which ops are open); this
 * file finds what the journal says about each, for adopting it and for the
 * post-mortem's words. A console that ends after the engineer confirmed an
 * action but before its intent (during the re-read of the plan's
 * preconditions), or one that could not store the intent (a full disk) and
 * cancelled it, leaves an action.confirmed and nothing more: nothing ran,
 * since nothing that changes a host is sent before the intent, and the
 * next session says so; unless a damaged line after the confirmation
 * may be its intent, which leaves the outcome UNKNOWN.
 */
#include "warroom/unsettled.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "warroom/envmark.h"
#include "warroom/util.h"

static const char *
str_of(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static long
op_index(const char *const *ops, size_t nops, const char *op)
{
	size_t i;

	for (i = 0; op != NULL && i < nops; i++)
		if (strcmp(ops[i], op) == 0)
			return (long)i;
	return -1;
}

size_t
unsettled_find(const struct record *v, size_t n, const char *const *ops, size_t nops,
    struct unsettled_op *out)
{
	size_t i, k, found = 0;
	long at;

	memset(out, 0, nops * sizeof(*out));
	for (i = 0; i < n; i++) {
		const struct record *r = &v[i];
		struct unsettled_op *u;

		if ((at = op_index(ops, nops, r->op)) < 0)
			continue;
		u = &out[at];
		if (strcmp(r->kind, "action.intent") == 0) {
			if (u->intent == NULL || u->intent_lost) {
				u->intent = r;
				u->intent_lost = false;
			}
		} else if (strcmp(r->kind, "action.confirmed") == 0) {
			/* Stands in for an intent a damaged line may have held,
			 * until (if ever) the intent itself comes. */
			if (u->intent == NULL) {
				u->intent = r;
				u->intent_lost = true;
			}
		} else if (u->intent == NULL) {
			continue;            /* nothing before its intent belongs to it */
		} else if (strcmp(r->kind, "action.end") == 0) {
			u->end = record_end_unknown(r) ? r : NULL;
		} else if (strcmp(r->kind, "action.output") == 0) {
			const cJSON *ex = cJSON_GetObjectItemCaseSensitive(r->data, "exit");
			const char *step = str_of(r->data, "step");

			if (step != NULL && strcmp(step, UNSETTLED_RECORD_STEP) == 0 &&
			    cJSON_IsNumber(ex) && ex->valuedouble == 0)
				u->released = true;
		}
	}
	/* Found ones first, in ops' order. */
	for (k = 0; k < nops; k++)
		if (out[k].intent != NULL)
			out[found++] = out[k];
	return found;
}

const char *
unsettled_verb(const char *action)
{
	if (action == NULL)
		return "action";
	if (strstr(action, "rollback") != NULL || strstr(action, "undo") != NULL)
		return "rollback";
	if (strstr(action, "killswitch") != NULL)
		return "kill switch";
	if (strcmp(action, "compose.migrate_down") == 0)
		return "migration downgrade";
	if (strcmp(action, "runbook.command") == 0)
		return "runbook command";
	return action;
}

const char *
unsettled_how(const char *action)
{
	if (action == NULL)
		return "";
	if (strcmp(action, "k8s.undo") == 0)
		return "kubectl rollout undo";
	if (strcmp(action, "helm.rollback") == 0)
		return "helm rollback";
	if (strcmp(action, "compose.rollback") == 0 || strcmp(action, "compose.killswitch") == 0)
		return "docker compose up -d";
	if (strcmp(action, "k8s.killswitch") == 0)
		return "kubectl set env";
	return "";
}

void
unsettled_kind_words(const char *action, char *buf, size_t cap)
{
	const char *how = unsettled_how(action);

	if (cap == 0)
		return;
	snprintf(buf, cap, "%s%s%s%s", unsettled_verb(action), how[0] ? " (" : "", how,
	    how[0] ? ")" : "");
}

void
unsettled_name(const struct record *intent, char *buf, size_t cap)
{
	const cJSON *plan = cJSON_GetObjectItemCaseSensitive(intent->data, "plan");
	const char *action = str_of(intent->data, "action");
	const char *svc = plan != NULL ? str_of(plan, "service") : str_of(intent->data, "service");
	const char *host = intent->host != NULL ? intent->host : str_of(plan, "host");

	if (action == NULL)
		action = str_of(plan, "action");
	/* A runbook command runs on a host, not on a service. */
	if (action != NULL && strcmp(action, "runbook.command") == 0)
		svc = NULL;
	snprintf(buf, cap, "%s%s%s on %s", unsettled_verb(action), svc != NULL && svc[0] ? " of " : "",
	    svc != NULL ? svc : "", host != NULL ? host : "an unnamed host");
}

void
unsettled_what(const struct record *intent, char *buf, size_t cap)
{
	char all[400], on[300];
	size_t n, k;

	/* Whole first, so that a small buf never keeps half a host. */
	unsettled_name(intent, all, sizeof(all));
	if (intent->host != NULL) {
		snprintf(on, sizeof(on), " on %s", intent->host);
		n = strlen(all);
		k = strlen(on);
		if (n > k && strcmp(all + n - k, on) == 0)
			all[n - k] = '\0';
	}
	wr_strlcpy(buf, all, cap);
}

char *
unsettled_end_words(const char *text, const char *outcome, const char *what, const char *how)
{
	size_t lo = outcome != NULL ? strlen(outcome) : 0, cap;
	char *t;

	/* Only a text that starts with its outcome is split there: a cut
	 * row then still shows both the outcome and the action. */
	if (lo == 0 || strncmp(text, outcome, lo) != 0)
		lo = 0;
	/* "ok, .env NOT updated" is one outcome: kept whole before the name. */
	if (lo > 0 && strncmp(text + lo, ENVMARK_NOT_UPDATED, strlen(ENVMARK_NOT_UPDATED)) == 0)
		lo += strlen(ENVMARK_NOT_UPDATED);
	cap = strlen(text) + strlen(what) + strlen(how) + 16;
	t = xmalloc(cap);
	snprintf(t, cap, "%.*s%s%s%s%s%s%s%s", (int)lo, text, lo ? " \xe2\x80\x94 " : "", what,
	    how[0] ? " (" : "", how, how[0] ? ")" : "",
	    text[lo] != '\0' ? (lo ? "" : " \xe2\x80\x94 ") : "", text + lo);
	return t;
}

char *
unsettled_row_words(const struct record *r, const char *text, const char *what, const char *how)
{
	const char *action = str_of(r->data, "action");
	size_t n = action != NULL ? strlen(action) : 0;

	if (strcmp(r->kind, "action.reconcile") == 0 && n > 0 && strncmp(text, action, n) == 0 &&
	    strncmp(text + n, " \xe2\x80\x94 ", 5) == 0)
		text += n + 5;
	return unsettled_end_words(text, str_of(r->data, "outcome"), what, how);
}

void
unsettled_name_at(const struct record *intent, char *buf, size_t cap)
{
	char name[300], at[16] = "";
	time_t t = (time_t)(intent->ts_ms / 1000);
	struct tm tm;

	unsettled_name(intent, name, sizeof(name));
	if (intent->ts_ms > 0 && gmtime_r(&t, &tm) != NULL)
		strftime(at, sizeof(at), " at %H:%M", &tm);
	snprintf(buf, cap, "the %s%s", name, at);
}

/* Where a damaged line is: its line, or, a last line set aside, the
 * .torn file (the journal gave its line number to the next record). */
static const char *
damaged_where(size_t line, char *buf, size_t cap)
{
	if (line == RECORD_LINE_ASIDE)
		snprintf(buf, cap, "the damaged last line, now in the journal's .torn file");
	else
		snprintf(buf, cap, "damaged line %zu of the journal", line);
	return buf;
}

void
unsettled_whose(const char *actor, char *buf, size_t cap)
{
	const char *paren;

	if (actor == NULL || actor[0] == '\0') {
		snprintf(buf, cap, "another console");
		return;
	}
	/* "--as alice" records "alice (root@vm)": the person, not the account. */
	paren = strstr(actor, " (");
	snprintf(buf, cap, "%.*s's console", paren != NULL ? (int)(paren - actor) :
	    (int)strlen(actor), actor);
}

void
unsettled_reason(const struct unsettled_op *u, const char *from, const char *to,
    const char *ended, char *buf, size_t cap)
{
	char change[300], damage[160] = "", where[80];
	bool f = from != NULL && from[0] != '\0', t = to != NULL && to[0] != '\0';

	/* "a -> b", "a ->", "-> b", or nothing: never "( -> )". */
	snprintf(change, sizeof(change), "%s%s%s%s", f ? from : "", f ? " ->" : "",
	    t ? (f ? " " : "-> ") : "", t ? to : "");
	/* Its intent may be in the damaged line: it may have run, and it may
	 * not have; never "nothing ran". */
	if (u->intent_lost) {
		if (u->damaged_line > 0)
			snprintf(damage, sizeof(damage), " (%s, after its confirmation, may have "
			    "held it)", damaged_where(u->damaged_line, where, sizeof(where)));
		snprintf(buf, cap, "confirmed in an earlier session; its intent is not kept%s, "
		    "so it may have run%s%s%s; it is never run again", damage,
		    change[0] != '\0' ? " (" : "", change, change[0] != '\0' ? ")" : "");
		return;
	}
	/* Not "never ended": what settled it may be what the line held. */
	if (u->damaged_line > 0)
		snprintf(damage, sizeof(damage), "; %s, after it, may have held what settled it",
		    damaged_where(u->damaged_line, where, sizeof(where)));
	/* Beside this console, not before it: nothing restarted. */
	if (u->taken_over) {
		char whose[160];

		unsettled_whose(u->intent->actor, whose, sizeof(whose));
		if (u->end != NULL)
			snprintf(buf, cap, "taken over from %s (gone), which ended it UNKNOWN "
			    "(%s%s%.600s)%s; it is never run again", whose, change,
			    change[0] != '\0' ? ": " : "", ended != NULL ? ended : "no detail",
			    damage);
		else
			snprintf(buf, cap, "taken over from %s (gone) with no recorded end%s%s%s%s; "
			    "it is never run again", whose, change[0] != '\0' ? " (" : "", change,
			    change[0] != '\0' ? ")" : "", damage);
	} else if (u->end != NULL)
		snprintf(buf, cap, "ended UNKNOWN in an earlier session (%s%s%.600s)%s; it is "
		    "never run again", change, change[0] != '\0' ? ": " : "",
		    ended != NULL ? ended : "no detail", damage);
	else if (change[0] != '\0')
		snprintf(buf, cap, "began in an earlier session and has no recorded end (%s)%s; "
		    "it is never run again", change, damage);
	else
		snprintf(buf, cap, "began in an earlier session and has no recorded end%s; it is "
		    "never run again", damage);
}

/* Does anything after v[i] (a confirmation) settle what became of it?
 * Any later record of its op does: an output, end or reconcile proves
 * its intent was written even when that line is damaged now. */
static bool
followed(const struct record *v, size_t n, size_t i)
{
	size_t j;

	for (j = i + 1; j < n; j++)
		if (v[j].op != NULL && strcmp(v[j].op, v[i].op) == 0 &&
		    strcmp(v[j].kind, "action.confirmed") != 0)
			return true;
	return false;
}

size_t
unsettled_confirmed(const struct record *v, size_t n, const struct record **out, size_t cap)
{
	size_t i, found = 0;

	for (i = 0; i < n && found < cap; i++)
		if (v[i].op != NULL && strcmp(v[i].kind, "action.confirmed") == 0 &&
		    !followed(v, n, i))
			out[found++] = &v[i];
	return found;
}

size_t
unsettled_confirmed_hidden(const struct record *c, const struct record_damage *dmg,
    size_t ndmg)
{
	size_t i;

	/* A skipped line cannot say whose it was: it may be c's intent. */
	for (i = 0; i < ndmg; i++)
		if (dmg[i].skipped && dmg[i].after_seq >= c->seq)
			return dmg[i].line;
	return 0;
}

void
unsettled_confirmed_name(const struct record *c, int64_t now_ms, char *buf, size_t cap)
{
	char name[160], ts[WR_TS_MAX], now[WR_TS_MAX], change[160] = "";
	const char *from = str_of(c->data, "from"), *to = str_of(c->data, "to");
	bool same_day;

	unsettled_name(c, name, sizeof(name));
	if (from != NULL && to != NULL && (from[0] != '\0' || to[0] != '\0'))
		snprintf(change, sizeof(change), " (%s \xe2\x86\x92 %s)", from[0] ? from : "?",
		    to[0] ? to : "?");
	record_format_ts(c->ts_ms, ts);
	record_format_ts(now_ms, now);
	same_day = memcmp(ts, now, 10) == 0;
	ts[10] = ts[19] = '\0';         /* "YYYY-MM-DD" and "HH:MM:SS" */
	snprintf(buf, cap, "%s%s, confirmed at %s%s%s UTC", name, change, same_day ? "" : ts,
	    same_day ? "" : " ", ts + 11);
}

cJSON *
unsettled_confirmed_refusal(const struct record *c, int64_t now_ms)
{
	char words[400], reason[600], ts[WR_TS_MAX];
	const char *action = str_of(c->data, "action"), *svc = str_of(c->data, "service");
	cJSON *d = cJSON_CreateObject();

	unsettled_confirmed_name(c, now_ms, words, sizeof(words));
	/* Its console may have ended during the re-read, or gone on after
	 * the intent could not be stored (a full disk): say only what the
	 * journal shows. */
	snprintf(reason, sizeof(reason), "%s; never ran, no intent was recorded after its "
	    "confirmation", words);
	record_format_ts(c->ts_ms, ts);
	cJSON_AddStringToObject(d, "action", action != NULL ? action : "action");
	if (svc != NULL)
		cJSON_AddStringToObject(d, "service", svc);
	cJSON_AddStringToObject(d, "reason", reason);
	cJSON_AddBoolToObject(d, "confirmed", true);
	cJSON_AddStringToObject(d, "confirmed_ts", ts);
	if (str_of(c->data, "chain") != NULL)
		cJSON_AddStringToObject(d, "chain", str_of(c->data, "chain"));
	return d;
}

void
unsettled_confirmed_unknown_words(const struct record *c, size_t line, int64_t now_ms,
    char *buf, size_t cap)
{
	char words[400], where[80];

	unsettled_confirmed_name(c, now_ms, words, sizeof(words));
	/* Never "nothing ran": the damaged line may be its intent, and
	 * running it again could run it twice. */
	snprintf(buf, cap, "%s: outcome UNKNOWN, %s, after its confirmation, may have held "
	    "its intent (re-read the host before running it again)", words,
	    damaged_where(line, where, sizeof(where)));
}

void
unsettled_badge_words(size_t n, const char *runs, const char *target, char *buf, size_t cap)
{
	/* A host that answers every 2 s is not "not read back": what it runs
	 * did not settle the outcome, and that is what is said. */
	if (runs == NULL)
		snprintf(buf, cap, " %zu UNKNOWN: host not read back yet ", n);
	else if (runs[0] != '\0' && target != NULL && target[0] != '\0')
		snprintf(buf, cap, " %zu UNKNOWN: read back, not settled (host runs %s, not the "
		    "target %s): U settles it ", n, runs, target);
	else if (runs[0] != '\0')
		snprintf(buf, cap, " %zu UNKNOWN: read back, not settled (host runs %s): U settles "
		    "it ", n, runs);
	else
		snprintf(buf, cap, " %zu UNKNOWN: read back, not settled: U settles it ", n);
}

void
unsettled_badge_wait_words(size_t n, const char *host, char *buf, size_t cap)
{
	/* "read back, not settled: U settles it" invited a U while the
	 * console was itself about to settle it (for ~50 s of a rollout). */
	snprintf(buf, cap, " %zu UNKNOWN: waiting for %s's rollout (U settles it by hand) ", n,
	    host);
}

void
unsettled_badge_reread_words(size_t n, const char *host, const char *runs, const char *target,
    long left_s, const char *under_way, char *buf, size_t cap)
{
	char where[200];

	/* "read back, not settled: U settles it" invited a U while a dropped
	 * up -d was still recreating (once settled FAILED by hand in the second
	 * the host reached the target): say the console still re-reads. */
	if (runs != NULL && runs[0] != '\0' && (target == NULL || strcmp(runs, target) != 0))
		snprintf(where, sizeof(where), "%s still on %s", host, runs);
	else
		snprintf(where, sizeof(where), "%s not settled yet", host);
	snprintf(buf, cap, " %zu UNKNOWN: %s, re-reading for %lds more (%s may still be under "
	    "way); U settles it by hand ", n, where, left_s < 1 ? 1 : left_s, under_way);
}

void
unsettled_other_words(const char *host, const char *actor, const char *what,
    int64_t started_ms, enum unsettled_other state, bool ended_unknown, char *buf,
    size_t cap)
{
	time_t t = (time_t)(started_ms / 1000);
	char when[8] = "?";
	struct tm tm;

	if (started_ms > 0 && gmtime_r(&t, &tm) != NULL)
		strftime(when, sizeof(when), "%H:%M", &tm);
	if (state == UNSETTLED_RUNNING)
		snprintf(buf, cap, "%s: %s's %s started %s UTC is still running in another "
		    "console: its outcome is not known yet", host, actor, what, when);
	else if (ended_unknown)
		/* Its console quit cleanly and wrote the end: UNKNOWN is an
		 * outcome, only an unsettled one. */
		snprintf(buf, cap, "%s: %s's %s started %s UTC ended UNKNOWN (its console quit "
		    "during it)%s", host, actor, what, when, state == UNSETTLED_ADOPTED ?
		    ": U settles it" : ": a console that resumes the incident re-reads it");
	else
		snprintf(buf, cap, "%s: %s's %s started %s UTC has no outcome (its console is "
		    "gone)%s", host, actor, what, when, state == UNSETTLED_ADOPTED ?
		    ": U settles it first" : ": a console that resumes the incident re-reads it");
}
