/*
 * unsettled.h — the outcomes an earlier session left UNKNOWN, as its
 * journal tells them: what a resumed console adopts (to re-read, never to
 * run again) and what the post-mortem names on the incident.resume row;
 * and the confirmations a console never got to run (it ended during the
 * re-read before the intent). Pure: records in, pointers into them out.
 */
#ifndef WARROOM_UNSETTLED_H
#define WARROOM_UNSETTLED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/record.h"

/* The step name of a rollback's releases.log line in its action.output. */
#define UNSETTLED_RECORD_STEP "record release"

/* What the journal holds about one op whose outcome is not known. */
struct unsettled_op {
	const struct record *intent;    /* its action.intent */
	const struct record *end;       /* its action.end saying unknown (a console
	                                   stopped by SIGTERM or SIGHUP writes one),
	                                   or NULL: none (kill -9) */
	bool released;                  /* its releases.log step exited 0 */
	size_t damaged_line;            /* a damaged line of the journal after its
	                                   last record here, which may have held its
	                                   end; 0: none (the caller fills it in:
	                                   timeline_damaged_after) */
	bool taken_over;                /* its console, gone, ran beside this one's:
	                                   taken over, not resumed (intent->actor
	                                   names whose) */
	bool intent_lost;               /* no action.intent kept: intent is its
	                                   action.confirmed, and damaged_line (after
	                                   it) the line that may have held the intent */
};

/* For each of ops (record_scan's open_ops) found with an action.intent in
 * v[0..n) (else, its intent line damaged, with its action.confirmed:
 * intent_lost), its records into out (room for nops), in ops' order;
 * returns how many were found. */
size_t unsettled_find(const struct record *v, size_t n, const char *const *ops,
    size_t nops, struct unsettled_op *out);

/* A plan's kind (data.action: "k8s.undo", "compose.killswitch", …) as a
 * reader says it: "rollback", "kill switch", "migration downgrade",
 * "runbook command"; NULL "action"; a kind not known as it is. */
const char *unsettled_verb(const char *action);

/* What a kind runs, for a reader, after its host in parentheses:
 * "kubectl rollout undo", "helm rollback", "docker compose up -d",
 * "kubectl set env"; "" where no one command says it (a runbook
 * command's is its own, a migration downgrade's the config's). */
const char *unsettled_how(const char *action);

/* A kind as the Actions table names it: "rollback (kubectl rollout
 * undo)", "runbook command". Whole characters into buf[cap]. */
void unsettled_kind_words(const char *action, char *buf, size_t cap);

/* An action.intent (or action.confirmed) in words for a reader:
 * "rollback of jobs on api-1", "kill switch of api on h1", "runbook
 * command on h1". */
void unsettled_name(const struct record *intent, char *buf, size_t cap);

/* unsettled_name's words without " on HOST", as a row that names its host
 * apart says them: "rollback of api". */
void unsettled_what(const struct record *intent, char *buf, size_t cap);

/* An action.end row's text as TIMELINE and the post-mortem both say it:
 * its outcome, then the action (what, how), then the rest of text: "ok —
 * rollback of api (kubectl rollout undo) — rev 3" (malloc'd). */
char *unsettled_end_words(const char *text, const char *outcome, const char *what,
    const char *how);

/* unsettled_end_words for the row of r, an action.end or action.reconcile
 * of the intent what/how name: a reconcile's bare kind ("k8s.undo — ")
 * gives way to them: "rollback of api (kubectl rollout undo) — settled by
 * hand by alice: FAILED" (malloc'd). */
char *unsettled_row_words(const struct record *r, const char *text, const char *what,
    const char *how);

/* The action as a reader names it, with when it began (UTC): "the
 * rollback of api on h1 at 09:12"; never its op id. */
void unsettled_name_at(const struct record *intent, char *buf, size_t cap);

/* Whose console an intent's actor names: "alice's console" for "alice
 * (root@vm)", "root@vm's console" for a bare account; "another console"
 * when it names none. */
void unsettled_whose(const char *actor, char *buf, size_t cap);

/* Why a resumed console shows op UNKNOWN, in words: "began in an earlier
 * session and has no recorded end (v1.5.0-bad -> v1.4.1); it is never run
 * again", or with ended (the detail of its action.end that said unknown;
 * NULL: none) "ended UNKNOWN in an earlier session (…: detail); …". A
 * change's empty side is dropped ("-> v1.4.1"), both empty: no change at
 * all (a runbook command's). With u->damaged_line, it says that line may
 * have held what settled it; with u->intent_lost, that the line may have
 * held its intent: "confirmed in an earlier session; its intent is not
 * kept (damaged line 14 of the journal, after its confirmation, may have
 * held it), so it may have run (…); it is never run again". With
 * u->taken_over, whose console it was instead of an earlier session:
 * "taken over from alice's console (gone) with no recorded end (…); …",
 * or "…(gone), which ended it UNKNOWN (…: detail); …". */
void unsettled_reason(const struct unsettled_op *u, const char *from, const char *to,
    const char *ended, char *buf, size_t cap);

/* The action.confirmed records of v[0..n) that no record of their op
 * followed (an intent, stale, refusal, output, end or reconcile): its
 * console ended during the re-read before running, or could not record
 * the intent (a full disk) and cancelled it, so nothing ran unless a
 * damaged line held the intent (unsettled_confirmed_hidden). Pointers
 * into v, at most cap, into out; returns how many. */
size_t unsettled_confirmed(const struct record *v, size_t n, const struct record **out,
    size_t cap);

/* The line of the first skipped damaged line after confirmation c among
 * dmg[0..ndmg) (record_scan's), which may have held its intent; 0: none. */
size_t unsettled_confirmed_hidden(const struct record *c, const struct record_damage *dmg,
    size_t ndmg);

/* Such a confirmation in words, with its time (UTC; the date too when it
 * is not now_ms's): "rollback of api on api-1 (v1.5.0-bad → v1.4.1),
 * confirmed at 12:13:39 UTC". */
void unsettled_confirmed_name(const struct record *c, int64_t now_ms, char *buf, size_t cap);

/* The data of the action.refused a resume writes for such a confirmation
 * c (now_ms: the resume's time): its action, service, confirmed (true),
 * when it was confirmed, and why nothing ran, in words. */
cJSON *unsettled_confirmed_refusal(const struct record *c, int64_t now_ms);

/* Such a confirmation with damaged line `line` after it, in words: "… ,
 * confirmed at 12:13:39 UTC: outcome UNKNOWN, damaged line 14 of the
 * journal, after its confirmation, may have held its intent (re-read the
 * host before running it again)". */
void unsettled_confirmed_unknown_words(const struct record *c, size_t line, int64_t now_ms,
    char *buf, size_t cap);

/* The header's badge for n of this console's UNKNOWN outcomes: runs is what
 * a re-read found the host running ("" no tag, NULL: not read back yet);
 * target is the action's target tag ("" or NULL when not known). */
void unsettled_badge_words(size_t n, const char *runs, const char *target, char *buf,
    size_t cap);

/* The header's badge for n UNKNOWN outcomes while the console waits for
 * host's rollout to settle one: " 1 UNKNOWN: waiting for h5's rollout (U
 * settles it by hand) ", so nobody settles it before the console can. */
void unsettled_badge_wait_words(size_t n, const char *host, char *buf, size_t cap);

/* The header's badge for n UNKNOWN outcomes while the console still
 * re-reads host after a dropped command, left_s more seconds: " 1 UNKNOWN:
 * h7 still on v1.5.0-bad, re-reading for 40s more (a recreate may still be
 * under way); U settles it by hand "; runs/target as unsettled_badge_words
 * ("h7 not settled yet" when runs says nothing or is the target);
 * under_way: what may still be at work ("a recreate"). */
void unsettled_badge_reread_words(size_t n, const char *host, const char *runs,
    const char *target, long left_s, const char *under_way, char *buf, size_t cap);

/* Where another console's action with no outcome stands, as this
 * console sees it. */
enum unsettled_other {
	UNSETTLED_RUNNING,      /* its console still runs: still in flight */
	UNSETTLED_GONE,         /* its console is gone; nobody re-reads it yet */
	UNSETTLED_ADOPTED,      /* its console is gone; this console re-reads it and U
	                           settles it */
};

/* A dialog's warning about it: "k8s-bastion: alice@vm's kill switch of
 * api started 18:42 has no outcome (its console is gone): U settles it
 * first"; what: unsettled_name's words without " on HOST"; started_ms:
 * its intent's time (UTC HH:MM); ended_unknown: its end record says UNKNOWN. */
void unsettled_other_words(const char *host, const char *actor, const char *what,
    int64_t started_ms, enum unsettled_other state, bool ended_unknown, char *buf,
    size_t cap);

#endif
