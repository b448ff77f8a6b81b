/*
 * restartwin.c — restarts within a time window, from running totals.
 *
 * Docker only says how often a container has restarted since it was
 * created. The restarts within the window are the latest total minus the
 * total at the window's start; so each container keeps its total when
 * first seen and a step for every poll that saw it change. Polls that see
 * no change store nothing: memory grows with restarts, not with polls, and
 * a fixed ring bounds it. When the ring is full the oldest step goes and
 * its count is kept, so an older window start still gives a lower bound
 * of at least RESTARTWIN_STEPS restarts (far above any sane threshold).
 *
 * A container that is new (a new id: `up -d` recreated it, a rollback) or
 * whose total went down (only a new container does that) starts fresh:
 * its earlier restarts belonged to the container that was replaced.
 * Restarts before the first sample happened at unknown times and are not
 * counted, except the last one: if the first sample shows a restarted
 * container whose StartedAt falls in the window, that restart is counted.
 * A restart is placed at the poll that saw it, not at StartedAt: the
 * host's clock need not agree with ours.
 */
#include "warroom/restartwin.h"

#include "warroom/util.h"

#include <string.h>

void
restartwin_init(struct restartwin *w)
{
	memset(w, 0, sizeof(*w));
}

static bool
all_hex(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return false;
	return true;
}

/* The same container: equal ids, or (docker's hex ids) one the 12+ digit
 * prefix of the other. Names such as "pod/container" match whole: pods of
 * one ReplicaSet share a long prefix. */
static bool
same_id(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), n = la < lb ? la : lb;

	if (la == lb)
		return strcmp(a, b) == 0;
	return n >= 12 && all_hex(a) && all_hex(b) && strncmp(a, b, n) == 0;
}

static bool
valid(const struct restartwin_sample *s)
{
	size_t n = s->id != NULL ? strlen(s->id) : 0;

	return n > 0 && n < RESTARTWIN_ID_MAX && (n >= 12 || !all_hex(s->id)) && s->count >= 0;
}

static void
box_start(struct restartwin_box *b, const struct restartwin_sample *s, int64_t now)
{
	memset(b, 0, sizeof(*b));
	wr_strlcpy(b->id, s->id, sizeof(b->id));
	b->first = b->last = s->count;
	if (s->count > 0 && s->started > 0 && s->started <= now)
		b->first_start = s->started;
}

static void
box_step(struct restartwin_box *b, int64_t now, int count)
{
	if (b->n == RESTARTWIN_STEPS) {
		b->dropped = true;
		b->dropped_count = b->steps[b->head].count;
		b->head = (b->head + 1) % RESTARTWIN_STEPS;
		b->n--;
	}
	b->steps[(b->head + b->n) % RESTARTWIN_STEPS] = (struct restartwin_step){ now, count };
	b->n++;
	b->last = count;
}

static struct restartwin_box *
find(struct restartwin *w, const char *id)
{
	for (int i = 0; i < RESTARTWIN_CONTAINERS; i++)
		if (w->box[i].id[0] != '\0' && same_id(w->box[i].id, id))
			return &w->box[i];
	return NULL;
}

void
restartwin_observe(struct restartwin *w, int64_t now,
    const struct restartwin_sample *s, size_t n)
{
	bool seen[RESTARTWIN_CONTAINERS] = { false }, matched;
	size_t i;
	int k;

	/* Containers already followed first, so a new one never evicts one
	 * this poll still lists. */
	for (i = 0; i < n; i++) {
		struct restartwin_box *b;

		if (!valid(&s[i]) || (b = find(w, s[i].id)) == NULL || seen[b - w->box])
			continue;
		if (s[i].count < b->last)
			box_start(b, &s[i], now);
		else if (s[i].count > b->last)
			box_step(b, now, s[i].count);
		if (strlen(s[i].id) > strlen(b->id))
			wr_strlcpy(b->id, s[i].id, sizeof(b->id));
		seen[b - w->box] = true;
	}
	/* New containers take the boxes of those gone; beyond
	 * RESTARTWIN_CONTAINERS replicas the rest are not counted. */
	for (i = 0; i < n; i++) {
		if (!valid(&s[i]))
			continue;
		matched = false;
		for (k = 0; k < RESTARTWIN_CONTAINERS && !matched; k++)
			matched = seen[k] && same_id(w->box[k].id, s[i].id);
		for (k = 0; k < RESTARTWIN_CONTAINERS && !matched; k++)
			if (!seen[k]) {
				box_start(&w->box[k], &s[i], now);
				seen[k] = matched = true;
			}
	}
	for (k = 0; k < RESTARTWIN_CONTAINERS; k++)
		if (!seen[k])
			memset(&w->box[k], 0, sizeof(w->box[k]));
}

/* The container's total as it stood just before time t. */
static int
count_before(const struct restartwin_box *b, int64_t t)
{
	for (int i = b->n - 1; i >= 0; i--) {
		const struct restartwin_step *st = &b->steps[(b->head + i) % RESTARTWIN_STEPS];

		if (st->t < t)
			return st->count;
	}
	if (b->dropped)
		return b->dropped_count;
	/* Before the first sample: the restart it showed, if it was in time. */
	return b->first_start >= t ? b->first - 1 : b->first;
}

int
restartwin_count(const struct restartwin *w, int64_t now, int window_s)
{
	int total = -1;

	for (int k = 0; k < RESTARTWIN_CONTAINERS; k++) {
		const struct restartwin_box *b = &w->box[k];
		int d;

		if (b->id[0] == '\0')
			continue;
		d = b->last - count_before(b, now - window_s);
		if (total < 0)
			total = 0;
		total += d > 0 ? d : 0;
	}
	return total;
}
