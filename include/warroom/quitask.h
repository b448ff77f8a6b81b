/*
 * quitask.h — the question q asks while something is still under way:
 * it names what runs and says what quitting does to each thing, as the
 * journal will then tell it (an action that has sent its change ends
 * UNKNOWN; one still re-reading its host has sent nothing and is
 * cancelled; a status-page post not sent yet waits for the next writing
 * console), so nobody quits on a bare "still in flight". It is asked
 * again from the live state every frame while it is open, so what it
 * says follows what is left. An armed console asks too, with nothing
 * under way: one stray q used to drop it mid-incident without a word.
 * Pure: names and counts in, words out.
 */
#ifndef WARROOM_QUITASK_H
#define WARROOM_QUITASK_H

#include <stdbool.h>
#include <stddef.h>

/* What is under way as q is pressed. */
struct quitask_in {
	const char *const *sent;         /* actions that sent their first change */
	size_t nsent;                    /* (they end UNKNOWN) */
	const char *const *unsent;       /* actions confirmed, still re-reading their */
	size_t nunsent;                  /* host: nothing sent (a quit cancels them) */
	int chats;                       /* announcements to the chat being sent */
	int posts;                       /* status-page posts not sent yet: the next
	                                    writing console sends them */
	int posts_maybe;                 /* status-page posts whose try got no answer:
	                                    the next one reads the page first */
	int posts_answered;              /* of posts, those sent once and answered 200
	                                    without an incident id (nothing saved) */
	const char *answered_why;        /* … the first's answer's own error text, or NULL */
	size_t kept;                     /* journal records kept while the journal
	                                    cannot be written: lost with the console */
	long armed_s;                    /* seconds the console stays armed; 0: not */
	const char *incident;            /* the incident's name (resuming it), or NULL */
};

/* Whether a quit now leaves anything behind (then q asks first). */
bool quitask_needed(const struct quitask_in *in);

/* Whether q asks before quitting: a quit leaves something behind
 * (quitask_needed), or the console is armed. */
bool quitask_asks(const struct quitask_in *in);

/* The question's last words: "Quit anyway? (y/N)" while something is
 * under way, "Quit? (y/N)" once nothing is. */
const char *quitask_ask(const struct quitask_in *in);

/* Whether y quits: the question as it reads now (live; left: whether
 * anything is under way now, quitask_needed) is the one on screen when y
 * was typed (shown), or nothing is left. Otherwise y answered words that
 * no longer hold: ask again. */
bool quitask_answer_stands(const char *shown, const char *live, bool left);

/* Into buf: each thing under way and what a quit does to it, before the
 * footer's "Quit anyway? (y/N)": "rollback of api on h1 (rollout status)
 * is still running: quitting ends it UNKNOWN in the journal (the host may
 * or may not finish what was sent)." Each list names at most three, the
 * rest counted. Records kept by a degraded journal are said too. Once
 * nothing is under way (what was asked about ended meanwhile), it says
 * so: "Nothing is under way any more: quitting now leaves nothing
 * behind."; or, while armed, "The console is ARMED (14 min left):
 * quitting disarms it. The journal keeps everything; warroom --incident
 * 'api 5xx' resumes it (A arms again)." */
void quitask_words(const struct quitask_in *in, char *buf, size_t cap);

/* A record kept by a degraded journal, as the console ends with it. */
struct quitask_lost {
	const char *kind;
	const char *host;                /* NULL: none */
	long long ts_ms;                 /* when it happened (wall clock, ms) */
};

/* Into buf, for standard error as the console ends: the n records kept
 * and never stored, each by kind, host and UTC time, so they can be
 * copied into the post-mortem by hand: "3 journal records could not be
 * stored and are lost: note 09:12:03, health.change h2 09:12:05 and 1
 * more (UTC)"; dropped (refused by the bound earlier, never kept) are
 * counted after them. Names at most `most`, the rest counted. */
void quitask_lost_words(const struct quitask_lost *v, size_t n, size_t dropped, size_t most,
    char *buf, size_t cap);

#endif
