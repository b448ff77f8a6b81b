/*
 * stepran.h — what x ran from each runbook step (or a section's own
 * blocks), per host, as the incident journal tells it: the RUNBOOK pane's
 * marks ("OK after re-read h1") for actions a console before this one
 * started, so a reopened incident shows them as the session that ran them
 * did, and what x's dialog says ran there last; and how the status-page
 * posts, chat announcements and smoke checks x sent from a step stand
 * ("[POSTED]", "[SMOKE WARN h3]"), so a watcher and a reopened console
 * show them too. Records are folded in one at a time, as they are read
 * back or stored. Pure.
 */
#ifndef WARROOM_STEPRAN_H
#define WARROOM_STEPRAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/record.h"
#include "warroom/stepmark.h"

/* One action x started from a runbook step or section, and where it stands. */
struct stepran_act {
	char *step;                      /* the step's id ("rollback.md:12"), or the
	                                    section's (its heading's line) */
	bool section;                    /* step is a section's id: its own blocks */
	char *host;
	char *op;
	char words[48];                  /* "RUNNING" (intent, no end yet), "OK",
	                                    "FAILED", "UNKNOWN", "OK after re-read",
	                                    "FAILED, settled by hand", "FAILED,
	                                    rollout completed later" */
	bool settled;                    /* an action.reconcile said how it went */
	int64_t ts_ms;                   /* when its intent was stored */
	uint64_t session;                /* the session that stored it; 0: not said */
	char code[16];                   /* what the step ran then (its plan's
	                                    runbook_code), "" when not said */
};

/* What a post, an announcement or a smoke check is. */
enum stepran_what {
	STEPRAN_POST,                    /* statuspage.queue, then .post or .failed */
	STEPRAN_ANNOUNCE,                /* chat.announce, then chat.post or .failed */
	STEPRAN_SMOKE,                   /* smoke (written once answered) */
};

/* One post, announcement or smoke check x sent from a step or section. */
struct stepran_sent {
	char *step;
	bool section;
	enum stepran_what what;
	char *op;                        /* its queue or chat id; NULL for smoke */
	char *host;                      /* smoke: where it went; else NULL */
	enum stepmark_sent state;
	char code[16];                   /* what the step held then (its record's
	                                    runbook_code), "" when not said */
};

/* A step (or section) whose last x ran nothing (refused before or at its
 * dialog, cancelled after its confirmation, or skipped), with nothing run
 * or sent from it since. */
struct stepran_refusal {
	char *step;
	bool section;
	char word[16];                   /* stepran_unrun_word's */
};

/* Every step's actions, in the order their intents were stored, what was
 * sent from steps, in the order it was, and the steps whose x was
 * refused last. */
struct stepran {
	struct stepran_act *v;
	size_t n;
	struct stepran_sent *sent;
	size_t nsent;
	struct stepran_refusal *refused;
	size_t nrefused;
};

/* Fold one record in: an action.intent naming a runbook step or section
 * (its plan's runbook_step or runbook_section), its action.end or
 * action.reconcile, or an incident.resume naming ops its console left
 * without an end; a statuspage.queue, chat.announce, smoke, action.refused or
 * action.stale record naming one (runbook_step or runbook_section in
 * its data), or the outcome of such a post or announcement; others
 * change nothing. An intent or anything sent from a step clears its
 * refusal. */
void stepran_note(struct stepran *s, const struct record *r);

/* Where a record's step goes among the runbooks loaded now (rbplace.h):
 * step "" (or NULL) when nowhere. */
struct stepran_at {
	const char *step;
	bool section;
};

/* stepran_note, the step r names taken as at says (NULL: as recorded): a
 * mark placed elsewhere, or nowhere, after the runbook changed. */
void stepran_note_at(struct stepran *s, const struct record *r, const struct stepran_at *at);

/* The last action x started from step (section: a section's id) on host,
 * or NULL. */
const struct stepran_act *stepran_last(const struct stepran *s, bool section,
    const char *step, const char *host);

/* The last action x started from step (or section) on any host, or NULL. */
const struct stepran_act *stepran_newest(const struct stepran *s, bool section,
    const char *step);

/* Whether a mark made when its step held code then came from an earlier
 * version of the step: the step holds code now (runbook_work_code; NULL or
 * "": not known) and then was other code. A record that did not say (an
 * older journal: then "") is taken as the same. */
bool stepran_code_changed(const char *then, const char *now);

/* Whether a ran an earlier version of its step (stepran_code_changed of
 * its code and the step's code now). */
bool stepran_act_changed(const struct stepran_act *a, const char *code);

/* What a row says of a on its host into buf: its words, and, when it
 * ran an earlier version of the step (stepran_act_changed), "EARLIER
 * VERSION OK": its outcome is not that of the commands shown now. */
void stepran_act_words(const struct stepran_act *a, const char *code, char *buf, size_t cap);

/* What ran from step (or section) last, per host, for x's dialog, into
 * buf: "this step ran at 03:12:44 in an earlier session: OK on h1, h2;
 * FAILED on h3" (the newest intent's UTC time; "this session" when
 * session, ours, stored them all). The hosts whose last ran an earlier
 * version (code: what the step runs now, as stepran_act_changed) are
 * said apart: "an earlier version of this step ran at 01:02:44 (OK on
 * h1): its commands have changed since" ("…; an earlier version of it
 * …" after the others). False, buf "", when nothing ran there. */
bool stepran_said(const struct stepran *s, bool section, const char *step,
    uint64_t session, const char *code, char *buf, size_t cap);

/* How the newest post (announcement, smoke check) sent from step (or
 * section) stands: STEPMARK_NONE when none was; a smoke check's host
 * into *host when host is not NULL (pointing into s). */
enum stepmark_sent stepran_sent(const struct stepran *s, bool section, const char *step,
    enum stepran_what what, const char **host);

/* Whether that newest post (announcement, smoke check) was sent from an
 * earlier version of the step: the step holds code now
 * (stepran_code_changed). False when none was sent. */
bool stepran_sent_changed(const struct stepran *s, bool section, const char *step,
    enum stepran_what what, const char *code);

/* The one rule for what a row says of an x that ran nothing, live and
 * reopened alike, from its record (action.refused or action.stale):
 * "SKIPPED" already on the target (at_target), "CANCELLED" confirmed and
 * then stopped before the intent (confirmed, or a stale plan), else
 * "REFUSED". NULL for any other record. An Esc in a dialog is not
 * journalled, and leaves no mark. */
const char *stepran_unrun_word(const struct record *r);

/* What x on step (or section) did last when it ran nothing: the word of
 * the last action.refused or action.stale naming it with no intent, post,
 * announcement or smoke check from it since; NULL when none. */
const char *stepran_unrun(const struct stepran *s, bool section, const char *step);

/* Whether op is an action some step started (its intent is stored). */
bool stepran_has_op(const struct stepran *s, const char *op);

void stepran_free(struct stepran *s);

#endif
