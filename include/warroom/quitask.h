/*
 * quitask.h — the question q asks while something is still under way:
 * it names what runs and says what quitting does to each thing, as the
 * journal will then tell it (an action that has sent its change ends
 * UNKNOWN; one still re-reading its host has sent nothing and is
 * cancelled; a status-page post not sent yet waits for the next writing
 * console), so nobody quits on a bare "still in flight". Pure: names and
 * counts in, words out.
 */
#ifndef WARROOM_QUITASK_H
#define WARROOM_QUITASK_H

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
};

/* Into buf: each thing under way and what a quit does to it, before the
 * footer's "Quit anyway? (y/N)": "rollback of api on h1 (rollout status)
 * is still running: quitting ends it UNKNOWN in the journal (the host may
 * or may not finish what was sent)." Each list names at most three, the
 * rest counted. "" when nothing is under way. */
void quitask_words(const struct quitask_in *in, char *buf, size_t cap);

#endif
