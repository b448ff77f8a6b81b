/*
 * outq.h — the footer's outcomes, each read before the next: an action's
 * outcome (OK, FAILED, UNKNOWN, refused) stays at least a minimum time on
 * screen; outcomes said meanwhile wait behind it ("(+1 more)"), and other
 * messages go beside it, never in its place. Pure: the time is passed in.
 */
#ifndef WARROOM_OUTQ_H
#define WARROOM_OUTQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OUTQ_TEXT 512
#define OUTQ_WAIT 4

struct outq {
	char shown[OUTQ_TEXT];           /* the outcome on screen, "" none */
	int64_t read_at;                 /* from then on it has been read */
	char wait[OUTQ_WAIT][OUTQ_TEXT]; /* the outcomes behind it, oldest first */
	size_t nwait;
};

/* An outcome said at now: shown at once (true) when none on screen is
 * unread, else queued behind it (the last queued one takes it after " | "
 * when the queue is full: nothing is lost). min_s: its time on screen. */
bool outq_add(struct outq *q, const char *text, int64_t now, int64_t min_s);

/* At now: once the outcome on screen was read, the next one waiting takes
 * its place for min_s. Returns true when the outcome shown changed. */
bool outq_tick(struct outq *q, int64_t now, int64_t min_s);

/* Whether an outcome is on screen and not yet read at now. */
bool outq_unread(const struct outq *q, int64_t now);

/* The footer's words: the outcome on screen, "(+N more)" when others wait,
 * and aside (other news said since, "" or NULL: none) after " | ". Cut to
 * cap with the marker and aside kept. */
void outq_text(const struct outq *q, const char *aside, char *buf, size_t cap);

#endif
