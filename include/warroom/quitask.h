/*
 * quitask.h — the question q asks while something is still under way:
 * it names what runs and says what quitting does to it (it ends UNKNOWN
 * in the journal), so nobody quits on a bare "still in flight". Pure:
 * names in, words out.
 */
#ifndef WARROOM_QUITASK_H
#define WARROOM_QUITASK_H

#include <stddef.h>

/* Into buf: what is under way and what a quit does to it, before the
 * footer's "Quit anyway? (y/N)": "rollback of api on h1 (rollout status)
 * is still running: quitting ends it UNKNOWN in the journal (the host may
 * or may not finish it)." actions[0..n) name the actions (at most three
 * named, the rest counted); chats counts announcements still being sent.
 * "" when n and chats are 0. */
void quitask_words(const char *const *actions, size_t n, int chats, char *buf, size_t cap);

#endif
