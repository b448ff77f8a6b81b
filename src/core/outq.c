/*
 * outq.c — the footer's outcomes, none replaced unread. In a burst (two
 * kill switches ending a second apart, a note, C-r) the first outcome was
 * replaced before anyone could read it. Here an outcome is kept on screen
 * for its minimum time and later ones are shown after it at once, each
 * kept its own time: queued one at a time, a busy minute's outcomes came a
 * minute late. Lesser messages only go beside them.
 */
#include "warroom/outq.h"

#include <stdio.h>
#include <stdlib.h>
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
	 * or the footer shows the same words several times. */
	if (kept(q, now) && strcmp(q->shown, text) == 0)
		return false;
	for (i = 0; i < q->nwait; i++)
		if (strcmp(q->wait[i], text) == 0)
			return false;
	/* The same action's later outcome: in its earlier one's place, on
	 * screen or waiting. */
	if (key != NULL && q->shown_key == key && kept(q, now)) {
		wr_strlcpy(q->shown, text, sizeof(q->shown));
		q->read_at = now + min_s;
		q->shown_at = now;
		q->held = false;
		return true;
	}
	for (i = 0; key != NULL && i < q->nwait; i++)
		if (q->wait_key[i] == key) {
			wr_strlcpy(q->wait[i], text, sizeof(q->wait[0]));
			q->wait_at[i] = now;
			q->wait_read[i] = now + min_s;
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
		q->wait_at[q->nwait] = now;
		q->wait_read[q->nwait] = now + min_s;
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

/* The first waiting outcome takes the first place, with its own times. */
static void
move_up(struct outq *q)
{
	wr_strlcpy(q->shown, q->wait[0], sizeof(q->shown));
	q->shown_key = q->wait_key[0];
	q->read_at = q->wait_read[0];
	q->shown_at = q->wait_at[0];
	q->held = false;
	memmove(q->wait[0], q->wait[1], (q->nwait - 1) * sizeof(q->wait[0]));
	memmove(&q->wait_key[0], &q->wait_key[1], (q->nwait - 1) * sizeof(q->wait_key[0]));
	memmove(&q->wait_at[0], &q->wait_at[1], (q->nwait - 1) * sizeof(q->wait_at[0]));
	memmove(&q->wait_read[0], &q->wait_read[1], (q->nwait - 1) * sizeof(q->wait_read[0]));
	q->nwait--;
}

bool
outq_tick(struct outq *q, int64_t now)
{
	bool moved = false;

	/* Each keeps the time it was given when it was said. */
	while (q->nwait > 0 && !kept(q, now)) {
		move_up(q);
		moved = true;
	}
	return moved;
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
outq_seen(struct outq *q, int64_t now)
{
	q->held = false;
	q->joined[0] = '\0';
	size_t i;

	if (q->shown[0] != '\0' && now - q->shown_at >= OUTQ_GLANCE_S && now < q->read_at)
		q->read_at = now;
	for (i = 0; i < q->nwait; i++)
		if (now - q->wait_at[i] >= OUTQ_GLANCE_S && now < q->wait_read[i])
			q->wait_read[i] = now;
}

/* Up to max bytes of text at out (a whole character, "…" where it was cut);
 * returns the bytes written. */
static size_t
put_cut(char *out, const char *text, size_t max)
{
	static const char more[] = "\xe2\x80\xa6";
	size_t n = strlen(text);

	if (n <= max) {
		memcpy(out, text, n);
		return n;
	}
	n = max > sizeof(more) - 1 ? max - (sizeof(more) - 1) : 0;
	while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
		n--;
	memcpy(out, text, n);
	memcpy(out + n, more, sizeof(more) - 1);
	return n + sizeof(more) - 1;
}

void
outq_text(const struct outq *q, const char *aside, char *buf, size_t cap)
{
	char tail[2 * OUTQ_TEXT + 32];
	const char *part[1 + OUTQ_WAIT];
	size_t np = 0, i, tlen, room, each, at = 0, n;

	if (cap == 0)
		return;
	snprintf(tail, sizeof(tail), "%s%s%s%s",
	    q->joined[0] != '\0' ? " | " : "", q->joined,
	    aside != NULL && aside[0] != '\0' ? " | " : "", aside != NULL ? aside : "");
	tlen = strlen(tail);
	if (tlen + 1 > cap)
		tlen = cap - 1;
	part[np++] = q->shown;
	for (i = 0; i < q->nwait; i++)
		part[np++] = q->wait[i];
	/* The outcomes share what the aside leaves, each cut alike when they
	 * do not fit: none is pushed out by the others. */
	room = cap - 1 - tlen;
	room = room > 3 * (np - 1) ? room - 3 * (np - 1) : 0;
	n = 0;
	for (i = 0; i < np; i++)
		n += strlen(part[i]);
	each = n <= room ? (size_t)-1 : room / np;
	for (i = 0; i < np; i++) {
		if (i > 0 && at + 3 < cap) {
			memcpy(buf + at, " | ", 3);
			at += 3;
		}
		at += put_cut(buf + at, part[i], each == (size_t)-1 ? strlen(part[i]) :
		    (each < cap - 1 - at ? each : cap - 1 - at));
	}
	memcpy(buf + at, tail, tlen < cap - 1 - at ? tlen : cap - 1 - at);
	at += tlen < cap - 1 - at ? tlen : cap - 1 - at;
	buf[at] = '\0';
}

bool
outq_word_first(char *text, size_t cap, size_t shown)
{
	static const char *const words[] = { "OK", "FAILED", "UNKNOWN", "SKIPPED", "CANCELLED" };
	const char *colon = strstr(text, ": "), *w, *dash;
	size_t i, k, n, len = strlen(text);
	char *t;

	if (colon == NULL || colon == text)
		return false;
	w = colon + 2;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		k = strlen(words[i]);
		/* Then the reason, what it ran before, or its re-read. */
		if (strncmp(w, words[i], k) == 0 && (w[k] == '\0' ||
		    strncmp(w + k, " \xe2\x80\x94 ", 5) == 0 || strncmp(w + k, " (", 2) == 0 ||
		    strncmp(w + k, " after ", 7) == 0))
			break;
	}
	if (i == sizeof(words) / sizeof(words[0]))
		return false;
	/* The outcome's words run to the reason ("OK after re-read"). */
	dash = strstr(w, " \xe2\x80\x94 ");
	n = dash != NULL ? (size_t)(dash - w) : strlen(w);
	if (len + 1 > cap || (size_t)(w - text) + strlen(words[i]) <= shown)
		return false;
	t = xmalloc(len + 1);
	snprintf(t, len + 1, "%.*s: %.*s%s", (int)n, w, (int)(colon - text), text,
	    dash != NULL ? dash : "");
	wr_strlcpy(text, t, cap);
	free(t);
	return true;
}
