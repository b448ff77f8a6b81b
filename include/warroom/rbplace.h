/*
 * rbplace.h — where a mark the journal holds (a tick, what x ran or sent
 * from a step, an x refused there) goes among the runbooks loaded now.
 * The journal names a step by its runbook's key and line ("live.md:7",
 * rbkey.h); a runbook edited between two runs moves its steps, and the
 * line alone would put a tick or an OK on another step. So a mark goes to
 * the runbook its key names (one only), on the step at that line if that
 * step still has the title it had when the mark was made, else on the one
 * step of that runbook with that title; a title the runbook has more
 * than once ("Check health" after each phase) is told apart by the
 * section the step was under. Else nowhere: it is kept, by title (and
 * section), as lost, for the console and the post-mortem to say. Never on
 * a step with another title. The title then is the record's own (a tick
 * holds it), else the one the runbook.load of the console that wrote it
 * lists; the section always that load's. Sections (their own blocks'
 * marks) the same way, by their title alone. Pure.
 */
#ifndef WARROOM_RBPLACE_H
#define WARROOM_RBPLACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "warroom/record.h"
#include "warroom/runbook.h"

/* A step or a section: its line and title; a step's section title too
 * ("" before any heading; NULL: not known, a load that did not say). */
struct rbplace_row {
	int line;
	char *title;
	char *section;
};

/* A runbook as it is now: the one the marks go on. */
struct rbplace_book {
	char *key;                       /* its ids' prefix (rbkey.h) */
	char *path;                      /* where it was read: an older key names
	                                    it by trailing parts; NULL: by key */
	struct rbplace_row *steps, *sections;
	size_t nsteps, nsections;
	bool has_sections;               /* false: a load from before sections were
	                                    listed; section marks stay as recorded */
	char **aliases;                  /* other keys the journal gave it (rbplace_alias) */
	size_t naliases;
};

/* What one console loaded (a runbook.load): the titles its ids meant. */
struct rbplace_load {
	uint64_t session;
	char *key;
	struct rbplace_row *steps, *sections;
	size_t nsteps, nsections;
	bool has_sections;               /* journals before sections were listed */
};

/* What a mark is, for the words that say it was not placed. */
enum rbplace_mark {
	RBPLACE_TICK,                    /* step.check (a runbook.load's done) */
	RBPLACE_UNTICK,                  /* step.uncheck: takes a lost tick back */
	RBPLACE_RAN,                     /* action.intent */
	RBPLACE_POST,                    /* statuspage.queue */
	RBPLACE_ANNOUNCE,                /* chat.announce */
	RBPLACE_SMOKE,                   /* smoke */
	RBPLACE_REFUSED,                 /* action.refused, action.stale */
	RBPLACE_ROW,                     /* no mark (a load's step not done):
	                                    placed, never kept as lost */
};

/* A mark that went nowhere. */
struct rbplace_lost {
	char *key;                       /* the runbook key the journal gave */
	char *title;                     /* its step's title then, or "line N" */
	char *in;                        /* its step's section then, or NULL */
	enum rbplace_mark mark;
	bool section;
	bool ambiguous;                  /* key names several runbooks now */
	bool gone;                       /* a lost tick a lost untick took back */
};

struct rbplace {
	struct rbplace_book *books;
	size_t nbooks;
	struct rbplace_load *loads;
	size_t nloads;
	struct rbplace_lost *lost;
	size_t nlost;
};

/* Where a record's mark goes. */
enum rbplace_where {
	RBPLACE_NONE,                    /* it names no step or section */
	RBPLACE_OTHER,                   /* a runbook not loaded: id as recorded */
	RBPLACE_HERE,                    /* id is where it goes now */
	RBPLACE_LOST,                    /* nowhere: kept in lost */
};

/* Add a loaded runbook, by its key and path (NULL: matched by key). */
void rbplace_add_runbook(struct rbplace *p, const char *key, const char *path,
    const struct runbook *rb);

/* Add a runbook as a runbook.load's data lists it (the post-mortem's
 * checklist is the last load of each runbook). */
void rbplace_add_loaded(struct rbplace *p, const cJSON *load);

/* key names book b too, as its own key does: a journal that loaded the
 * same runbook under another key (its bytes the same, a post-mortem
 * tells by their SHA-256). */
void rbplace_alias(struct rbplace *p, size_t b, const char *key);

/* Fold a runbook.load in: the titles its console's ids meant. Others are
 * ignored. */
void rbplace_note(struct rbplace *p, const struct record *r);

/* The step or section r marks (a tick, an intent's plan, a post, an
 * announcement, a smoke check, a refusal): where it goes now into id,
 * *section whether it is a section's. */
enum rbplace_where rbplace_record(struct rbplace *p, const struct record *r, char *id,
    size_t cap, bool *section);

/* rbplace_record for an id r holds elsewhere (a runbook.load's step):
 * title is the one it names with it, or NULL to look it up. */
enum rbplace_where rbplace_id(struct rbplace *p, const struct record *r, const char *id,
    bool section, const char *title, enum rbplace_mark mark, char *out, size_t cap);

/* The book a journal's runbook key names: the one with that key (or
 * alias), else
 * the one only whose path (or key) it names by trailing parts; -1 when
 * none, -2 when several. */
int rbplace_book_of(const struct rbplace *p, const char *key);

/* The marks lost for book b (its own, and those of a key naming it among
 * others), as a JSON array of {"title","mark"[,"in"][,"of"]}, or NULL:
 * none. "in" (the section) only where the title alone does not say which
 * step: the runbook or the array has it more than once. */
cJSON *rbplace_lost_json(const struct rbplace *p, size_t b);

/* How many marks such an array holds; their words into buf:
 * "2 marks not placed: \"Acknowledge\" (ticked), \"Check health\" under
 * \"Recover\" (x ran it)". */
size_t rbplace_lost_words(const cJSON *lost, char *buf, size_t cap);

/* Forget loads and lost marks, keeping the books (a watcher's next
 * incident). */
void rbplace_forget(struct rbplace *p);

void rbplace_free(struct rbplace *p);

#endif
