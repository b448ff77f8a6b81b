/*
 * outq.h — the footer's outcomes, none replaced before it was read: an
 * action's outcome (OK, FAILED, UNKNOWN, refused) stays at least a
 * minimum time on screen (one too wide for a line until a key as well,
 * OUTQ_HELD_MAX_S at most while others wait); outcomes said meanwhile are
 * shown after it at once, each for its own time, and other messages go
 * beside them, never in their place. Text joined onto it at start-up stays
 * with whichever outcome is shown until a key. Pure: the time is passed in.
 */
#ifndef WARROOM_OUTQ_H
#define WARROOM_OUTQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OUTQ_TEXT 1024
#define OUTQ_WAIT 4
/* A held outcome (too wide for a line, waiting for a key) gives way after
 * this long on screen when others wait: the next is never stuck behind it
 * for want of a key (it stays readable in TIMELINE). */
#define OUTQ_HELD_MAX_S 20

struct outq {
	char shown[OUTQ_TEXT];           /* the outcome on screen, "" none */
	const void *shown_key;           /* whose outcome it is, NULL: nobody's */
	int64_t read_at;                 /* from then on it has been read */
	char wait[OUTQ_WAIT][OUTQ_TEXT]; /* the outcomes after it, oldest first */
	const void *wait_key[OUTQ_WAIT]; /* whose each is, NULL: nobody's (or joined) */
	int64_t wait_at[OUTQ_WAIT];      /* when each was said (and shown) */
	int64_t wait_read[OUTQ_WAIT];    /* ... and from when each has been read */
	size_t nwait;
	int64_t shown_at;                /* when the one on screen took it */
	bool held;                       /* it waits for a key as well (outq_hold) */
	char joined[OUTQ_TEXT];          /* said at start-up beside it: kept with
	                                    each outcome shown until a key, "" none */
};

/* An outcome said at now about key (the action it is of; NULL: none): in
 * the first place (true) when none on screen is unread, else after it,
 * shown at once all the same (the last one takes it after " | " when the
 * queue is full: nothing is lost); the text of one unread or waiting is not
 * added again, and key's waiting outcome is replaced by this later one.
 * min_s: its time on screen. */
bool outq_add(struct outq *q, const void *key, const char *text, int64_t now,
    int64_t min_s);

/* At now: once the first outcome was read (the min_s it was added with
 * passed and, when held, a key or OUTQ_HELD_MAX_S since it was shown), the
 * next takes the first place for what is left of its own min_s, not held
 * (those already read go too). Returns true when it changed. */
bool outq_tick(struct outq *q, int64_t now);

/* Whether the outcome on screen waits for a key as well as its time (it is
 * too wide to read at a glance); false: a key was pressed. */
void outq_hold(struct outq *q, bool held);

/* Text said beside the unread outcome that must be read (start-up's
 * messages): joined after " | " to what was joined before, and shown
 * with the outcomes until outq_seen. */
void outq_join(struct outq *q, const char *text);

/* On screen this long, an outcome is read when a key is pressed. */
#define OUTQ_GLANCE_S 3

/* A key was pressed at now: what was joined is read, and so is each
 * outcome on screen once it has been there OUTQ_GLANCE_S (keys typed on at
 * once after it do not wave it away; one pressed after reading moves on). */
void outq_seen(struct outq *q, int64_t now);

/* Whether an outcome is on screen and not yet read at now (its min_s not
 * passed, or held and no key since). */
bool outq_unread(const struct outq *q, int64_t now);

/* The footer's words: the outcome on screen, those waiting after it, what
 * was joined, and aside (other news said since, "" or NULL: none), each
 * after " | ". Cut to cap: the outcomes alike, each ending in "…", joined
 * and aside kept. */
void outq_text(const struct outq *q, const char *aside, char *buf, size_t cap);

/* For a footer cut after its first shown bytes: an action's outcome
 * "NAME: WORD… — reason" whose word the cut would hide as "WORD…: NAME —
 * reason" in place (text[cap]), so the outcome (OK, FAILED, UNKNOWN,
 * SKIPPED, CANCELLED, and its words up to the reason) stays in sight;
 * false, text as it was: not of that shape, or its word shown. */
bool outq_word_first(char *text, size_t cap, size_t shown);

#endif
