/*
 * export.h — an incident's records as a Markdown post-mortem draft or as
 * JSON (DESIGN §3.3). Pure: records in, bytes out; the caller resolves the
 * time zone and writes the file (src/io/timeline.c: timeline_export).
 *
 * What the draft reads from the records:
 *   detection       the first bad verdict.change (CONSIDER/ROLLBACK), else
 *                   the incident.open record (else the first record)
 *   bad deploy      data.deployed_ms (and deployed_from) of the bad host's
 *                   last tag per service before that verdict: the earliest
 *                   its run of records says (a later one: re-created, as
 *                   data.recreated_ms says), when its release went live
 *                   per its deploy history; who made it from the record
 *                   the tag came with (data.outside, an action of ours in
 *                   the window deployby reads, or the first reading); no
 *                   time told: that record's, an estimate (no impact)
 *   impact          from the bad deploy when known, else the first bad
 *                   verdict; neither: unknown (never from the opening)
 *   first response  the first note, step.check/uncheck, action.intent,
 *                   statuspage.post or mode.change after the opening
 *   rollback        starts at the first action.intent whose data.action
 *                   contains "rollback" or "undo"; ends when the last of
 *                   them settled: its action.end, or for an UNKNOWN end
 *                   the later action.reconcile (re-read or by hand), with
 *                   that outcome. One never settled: the end is unknown.
 *   recovery        verdict.change records, per host (and data.service
 *                   where named): CONSIDER ROLLBACK or ROLLBACK IMMEDIATELY
 *                   make it bad, OK or MONITOR good again, NO DATA changes
 *                   nothing (bad stays bad until seen good) but on a host
 *                   without metrics (decide_reason_restarts_calm): its
 *                   calm, good "as far as restarts show", said so; a
 *                   verdict.fresh that judged a release (badrel) makes a
 *                   host bad in a spared turn the release's. Recovery is the
 *                   record that left no host bad, if none went bad after
 *                   it; any still bad at the end: not recovered. No verdict
 *                   ever bad: the first incident.resolve, else none. A
 *                   verdict with data.resync (written once the journal
 *                   came back after a gap) recovered at some moment in
 *                   the gap: said so, its own time counted.
 *   actions         action.intent by op, outcome from action.end (or a
 *                   later action.reconcile that does not say unknown: one
 *                   that does is a re-read's inconclusive finding, shown
 *                   with the action); no end = UNKNOWN, or still running
 *                   when o->running names it (its end not stored yet when
 *                   its console keeps it: running[].unstored). The summary
 *                   counts those a re-read or the engineer settled after
 *                   an UNKNOWN outcome apart; each action's section gives
 *                   its whole outcome, the commands its intent's plan holds
 *                   and what its action.output records printed
 *   refused         action.refused with data.confirmed: an action that ran
 *                   nothing, listed among the actions and counted apart
 *   chains          each chain.start as the records after it tell
 *                   (fleetchain_from_journal: no chain.end, interrupted);
 *                   a chain.end with no chain id as it stands; Markdown
 *                   and JSON both read this one list
 *   resolved        the incident.resolve that left the incident resolved
 *   checklist       runbook.load data.steps seeds it, grouped by data.name
 *                   and listed under each step's "section" title (a
 *                   step's "done" ticked by a record, "preticked" only
 *                   in the runbook file: not done), then step.check and
 *                   step.uncheck (data.step, data.title) in order; a step
 *                   x ran is the last action.intent (plan.runbook_step),
 *                   statuspage.queue, smoke or chat.announce naming it
 *                   (data.runbook_step)
 *   timeline rows   a host whose verdict moved among levels, or its
 *                   service's health flipping (flapfold.h: 4 moves in a
 *                   row or more, with no action on it or tag change
 *                   between) as one row ("verdict changed 23 times
 *                   between MONITOR and CONSIDER ROLLBACK, …", as
 *                   TIMELINE folds them too: tlrows.h), and hosts' first
 *                   verdicts of OK close together as one ("first verdict
 *                   OK on 24 hosts: …"), in the Markdown only; a shutdown's reason in words (terminated, hangup: not
 *                   quit by the engineer); an incident.resume's sessions
 *                   that ended without a shutdown record, its unknown_ops
 *                   named from their intents and the torn tail it set
 *                   aside (never cut); a journal.recover in words; a
 *                   record written late (data.late) or re-synced after a
 *                   gap (data.resync) says so first
 *   journal         the same news of the journal itself (consoles that
 *                   ended without a shutdown record, torn records set
 *                   aside, also by journal.repair, recoveries with the
 *                   records kept meanwhile or lost) under the summary
 *   damaged lines   o->damage, each named; an action with no settled
 *                   outcome, a host still bad and a chain with no end
 *                   say when a damaged line after their last record may
 *                   have held what settles them, rather than guessing
 */
#ifndef WARROOM_EXPORT_H
#define WARROOM_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/connrec.h"
#include "warroom/flapfold.h"
#include "warroom/record.h"
#include "warroom/redact.h"
#include "warroom/spfold.h"
#include "warroom/util.h"

struct session;

enum export_format {
	EXPORT_MD,
	EXPORT_JSON,
};

/* An action with an intent and no end whose console still runs (its
 * .live byte is held): not UNKNOWN yet, its end is still to come. */
struct export_running {
	const char *op;
	bool here;                      /* the console exporting runs it */
	/* Its console keeps records of it the journal could not store yet
	 * (degraded): the outcome of its kept end ("ok", …) when that is one
	 * of them, else ""; NULL: none kept. */
	const char *unstored;
};

struct export_opts {
	const char *id;                 /* incident id, shown in the draft */
	long tz_off;                    /* seconds east of UTC, when tz_at is NULL */
	const char *tz_label;           /* the zone's name ("Europe/Paris"); NULL: "UTC"
	                                   when tz_off is 0, else "UTC+hh:mm" */
	const struct redactor *red;     /* redacted again on the way out; NULL: patterns */
	const char *warning;            /* e.g. "the journal is torn at line 7"; NULL: none */
	/* The zone's offset and abbreviation ("CET") at an instant, so times
	 * across a DST change read right; NULL: tz_off throughout. */
	void (*tz_at)(int64_t ms, void *arg, long *off, char *abbr, size_t cap);
	void *tz_arg;
	const struct export_running *running;   /* the caller checked the locks */
	size_t nrunning;
	/* The journal's damaged lines (record_scan, offsets in the file): named
	 * under a warning, and wherever a conclusion may hang on what a
	 * skipped line held (an action's end, a later verdict, a chain.end). */
	const struct record_damage *damage;
	size_t ndamage;
	/* Sessions whose console no longer holds its .live byte and that no
	 * record says ended (no shutdown, session.gone or resume judged it):
	 * the Journal part says each ended without shutting down. */
	const struct session *gone;
	size_t ngone;
};

/* A record in one line of plain text: the data fields a reader wants for
 * the kinds we know, compact JSON for the rest (malloc'd). */
char *export_details(const struct record *r, const struct redactor *red);

/* The one row's details of flapping run f of v (flapfold_find), as the
 * post-mortem's timeline says it, times in UTC: "verdict changed 10
 * times between OK, MONITOR and CONSIDER ROLLBACK, 01:02:10–01:06:40;
 * worst CONSIDER ROLLBACK; last OK at 01:06:40 — its reason". For
 * TIMELINE; redacted and sanitized as export_details (malloc'd). */
char *export_flap_words(const struct record *v, const struct flapfold_run *f,
    const struct redactor *red);

/* The one row's details of a status-page post's tries f of v
 * (spfold_find), as the post-mortem's timeline says it, times in UTC:
 * "status page: monitoring update: 8 tries, 7 refused (HTTP 500),
 * 09:00:24–09:02:16". For TIMELINE; redacted and sanitized (malloc'd). */
char *export_spfold_words(const struct record *v, const struct spfold_run *f,
    const struct redactor *red);

/* What a row starts with when what r tells came before prev_ms (the
 * record listed above it; journal order is kept): "[08:53:06 deployed] "
 * for a new tag (data.deployed_ms), "[08:53:05 seen] " for a change held
 * for a tag read (data.observed_ms), the earlier, in UTC (the date too
 * when not r's); "" when neither is earlier. For TIMELINE. */
void export_early_words(const struct record *r, int64_t prev_ms, char *out, size_t cap);

/* How long, in whole seconds (rounded as connrec_down_s), of a host's
 * DOWN from down_ms to up_ms no console ran: every stretch before a
 * resume in v made alone, summed. An UP's unwatched_s (TIMELINE's "at
 * most"), Reachability and the JSON all say this one count. */
int64_t export_conn_unwatched_s(const struct record *v, size_t n, int64_t down_ms,
    int64_t up_ms);

/* A first connect gives up after 10 s by default: a DOWN read this soon
 * after a resume is that console's first reading of the host. */
#define EXPORT_FIRST_READ_MS 30000

/* Whether host, first read DOWN at down_ms, was found so by a console
 * that resumed after a stretch nobody watched (v: the journal before
 * that DOWN): *not_before gets when that stretch began. A DOWN's
 * not_before. */
bool export_conn_found_down(const struct record *v, size_t n, const char *host,
    int64_t down_ms, int64_t *not_before);

/* What is known of host's DOWN from down_ms to up_ms, its last DOWN in v:
 * what its UP records (down_s, unwatched_s, start_unseen_s) and what
 * Reachability says. */
void export_conn_span(const struct record *v, size_t n, const char *host, int64_t down_ms,
    int64_t up_ms, struct connrec_span *sp);

/* Whether TIMELINE and the post-mortem's timeline table leave r out: a
 * status-page post's ordinary first try (statuspage.sent, try 1), which
 * its post, retry or failed row already tells. */
bool export_row_hidden(const struct record *r);

/* The name TIMELINE shows for a record kind: "statuspage.try" for
 * statuspage.sent (a try, not a delivery: cut at 80 columns, "sent" read
 * as delivered); every other kind as the journal spells it. */
const char *export_kind_shown(const char *kind);

/* Whether r is a console opened on an incident another console still ran
 * (an incident.resume with others_open): TIMELINE and the post-mortem's
 * timeline say it "joined"; the record keeps its kind. */
bool export_joined(const struct record *r);

/* What a resume says of the n sessions before it that ended without a
 * shutdown record (one of them armed or not) into out: "the console of
 * bob (root@vm), pid 4242, ended without shutting down while armed (last
 * record 05:38:13 UTC)", each named from sessions (the resume's
 * ended_sessions; NULL or unnamed: "the console before …"), last_ms in
 * UTC, with its date when not now_ms's; "" for n 0. */
void export_unended_words(size_t n, bool armed, int64_t last_ms, int64_t now_ms,
    const cJSON *sessions, char *out, size_t cap);

/* Parse "md"/"markdown" or "json"; -1 for anything else. */
int export_format_parse(const char *s, enum export_format *out);

/* Render n records (file order) in format; *out is malloc'd, NUL-terminated.
 * Markdown gives every time in UTC when o sets no zone (tz_at NULL, tz_off
 * 0, tz_label NULL or "UTC"), else each as "2026-11-27 03:36:12 CET
 * (02:36:12 UTC)", with the UTC date too when it differs; JSON times are
 * UTC, with the zone at detection in incident.tz. */
int export_render(enum export_format format, const struct record *v, size_t n,
    const struct export_opts *o, char **out, size_t *len, struct wr_err *err);

/* When the trouble of v[0..n) began, as the post-mortem's impact duration
 * counts it (the bad release deployed, else the first bad verdict
 * charged to a release), so the status page's {began} tells customers
 * the same start; neither known: cause_began. 0 for no records. */
int64_t export_impact_from(const struct record *v, size_t n);

/* Escape text for a Markdown table cell or inline run: backslash-escapes
 * punctuation Markdown would act on (| ` * _ [ ] < > \ …), control bytes
 * become spaces. Appends to *buf (malloc'd, grown as needed). */
void export_md_escape(const char *text, char **buf, size_t *len, size_t *cap);

#endif
