/*
 * outq.c — the footer's outcomes, read one at a time. In a burst (two
 * kill switches ending a second apart, a note, C-r) the first outcome was
 * replaced before anyone could read it, and nothing said another waited.
 * Here an outcome is kept on screen for its minimum time, later ones wait
 * in order with a count shown, and lesser messages only go beside it.
 */
#include "warroom/outq.h"

#include <stdio.h>
#include <string.h>

#include "warroom/util.h"

bool
outq_unread(const struct outq *q, int64_t now)
{
	return q->shown[0] != '\0' && (now < q->read_at || q->held);
}

/* The one on screen keeps its place from the next: unread, and when held,
 * for a key that may never come (nobody at the keyboard) OUTQ_HELD_MAX_S
 * at most. */
static bool
kept(const struct outq *q, int64_t now)
{
	return q->shown[0] != '\0' && (now < q->read_at ||
	    (q->held && now - q->shown_at < OUTQ_HELD_MAX_S));
}

bool
outq_add(struct outq *q, const void *key, const char *text, int64_t now, int64_t min_s)
{
	size_t n, i;

	/* Said again (an action tells of itself more than once): one copy,
	 * or "(+N more)" counts copies. */
	if (kept(q, now) && strcmp(q->shown, text) == 0)
		return false;
	for (i = 0; i < q->nwait; i++)
		if (strcmp(q->wait[i], text) == 0)
			return false;
	/* The same action's later outcome: in its earlier one's place. */
	for (i = 0; key != NULL && i < q->nwait; i++)
		if (q->wait_key[i] == key) {
			wr_strlcpy(q->wait[i], text, sizeof(q->wait[0]));
			return false;
		}
	if (!kept(q, now) && q->nwait == 0) {
		wr_strlcpy(q->shown, text, sizeof(q->shown));
		q->shown_key = key;
		q->read_at = now + min_s;
		q->shown_at = now;
		q->held = false;
		return true;
	}
	if (q->nwait < OUTQ_WAIT) {
		q->wait_key[q->nwait] = key;
		wr_strlcpy(q->wait[q->nwait++], text, sizeof(q->wait[0]));
		return false;
	}
	/* Full: joined to the last, so it is still said (no longer one
	 * action's to replace). */
	q->wait_key[OUTQ_WAIT - 1] = NULL;
	n = strlen(q->wait[OUTQ_WAIT - 1]);
	snprintf(q->wait[OUTQ_WAIT - 1] + n, sizeof(q->wait[0]) - n, " | %s", text);
	return false;
}

bool
outq_tick(struct outq *q, int64_t now, int64_t min_s)
{
	if (q->nwait == 0 || kept(q, now))
		return false;
	wr_strlcpy(q->shown, q->wait[0], sizeof(q->shown));
	q->shown_key = q->wait_key[0];
	memmove(q->wait[0], q->wait[1], (q->nwait - 1) * sizeof(q->wait[0]));
	memmove(&q->wait_key[0], &q->wait_key[1], (q->nwait - 1) * sizeof(q->wait_key[0]));
	q->nwait--;
	q->read_at = now + min_s;
	q->shown_at = now;
	q->held = false;
	return true;
}

void
outq_hold(struct outq *q, bool held)
{
	q->held = held;
}

void
outq_join(struct outq *q, const char *text)
{
	size_t n = strlen(q->joined);

	if (n == 0)
		wr_strlcpy(q->joined, text, sizeof(q->joined));
	else
		snprintf(q->joined + n, sizeof(q->joined) - n, " | %s", text);
}

void
outq_seen(struct outq *q)
{
	q->held = false;
	q->joined[0] = '\0';
}

void
outq_text(const struct outq *q, const char *aside, char *buf, size_t cap)
{
	char tail[2 * OUTQ_TEXT + 32];
	size_t keep, tlen;
	int n = 0;

	if (cap == 0)
		return;
	if (q->nwait > 0)
		n = snprintf(tail, sizeof(tail), " (+%zu more)", q->nwait);
	snprintf(tail + n, sizeof(tail) - (size_t)n, "%s%s%s%s",
	    q->joined[0] != '\0' ? " | " : "", q->joined,
	    aside != NULL && aside[0] != '\0' ? " | " : "", aside != NULL ? aside : "");
	tlen = strlen(tail);
	/* The outcome gives way before the count and the aside do, at a
	 * whole character, marked with "…". */
	keep = strlen(q->shown);
	if (keep + tlen + 1 > cap) {
		keep = cap > tlen + 4 ? cap - tlen - 4 : 0;
		while (keep > 0 && ((unsigned char)q->shown[keep] & 0xc0) == 0x80)
			keep--;
		snprintf(buf, cap, "%.*s\xe2\x80\xa6%s", (int)keep, q->shown, tail);
		return;
	}
	snprintf(buf, cap, "%s%s", q->shown, tail);
}
