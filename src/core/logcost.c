/*
 * logcost.c — what + costs the history LOGS holds (logcost.h).
 *
 * The estimate is a tail's bytes over the time its kept lines span: a
 * ring that wrapped holds a steady rate's worth. The tail being added is
 * not counted, its rate unknown until it runs, hence "about". The tails
 * held keep their lines and runs; only the new one fetches a backlog, so
 * what they can lose is what its lines take of a full budget.
 */
#include "warroom/logcost.h"

#include <stdio.h>

#include "warroom/config.h"
#include "warroom/logbuf.h"

/* A loss shorter than this is not worth a word. */
#define LOGCOST_LEAST_S 60
/* Kept whatever their age: a time before any line. */
#define LOGCOST_ALL (INT64_MIN / 2)

int64_t
logcost_keep_from(const struct logcost_tail *t, size_t n, size_t pool, int64_t now)
{
	double rate = 0;
	int64_t from;
	size_t i;

	for (i = 0; i < n; i++) {
		int64_t span;

		if (t[i].oldest == WR_LOGBUF_NO_TIME || t[i].newest == WR_LOGBUF_NO_TIME)
			continue;
		span = t[i].newest - t[i].oldest;
		rate += (double)t[i].bytes / (double)(span > 0 ? span : 1);
	}
	if (rate <= 0)
		return LOGCOST_ALL;
	from = now - (int64_t)((double)pool / rate);
	return from > LOGCOST_ALL ? from : LOGCOST_ALL;
}

/* How far back tail t will keep, every tail keeping from `from`: later
 * than that for a ring whose smallest room holds more of it. */
static int64_t
keeps_from(const struct logcost_tail *t, int64_t now, int64_t from)
{
	int64_t mine = from, span;

	span = t->newest != WR_LOGBUF_NO_TIME && t->newest > t->oldest ? t->newest - t->oldest : 1;
	if (t->bytes > 0) {
		int64_t floor = now - (int64_t)((double)WR_LOGBUF_MIN_BYTES * (double)span /
		    (double)t->bytes);

		if (floor < mine)
			mine = floor;
	}
	return mine;
}

size_t
logcost_words(const struct logcost_tail *t, size_t n, const char *added, size_t pool,
    size_t budget, int64_t now, char *out, size_t cap)
{
	int64_t from = logcost_keep_from(t, n, pool, now), most = 0, worst_from = from;
	int64_t big_from, least = INT64_MAX;
	char was[16], will[16], words[32], more[64] = "";
	size_t i, worst = n, others = 0;
	int len;

	for (i = 0; i < n; i++) {
		int64_t lost, mine;

		if (t[i].oldest == WR_LOGBUF_NO_TIME)
			continue;
		if (t[i].oldest < least)
			least = t[i].oldest;
		/* A ring keeps its smallest room whatever the others need: as far
		 * back as that holds of the tail's lines, if further. */
		mine = keeps_from(&t[i], now, from);
		lost = mine - t[i].oldest;
		if (lost < LOGCOST_LEAST_S)
			continue;
		if (worst < n)
			others++;
		if (worst == n || lost > most) {
			worst = i;
			most = lost;
			worst_from = mine;
		}
	}
	if (cap > 0)
		out[0] = '\0';
	if (cap == 0)
		return 0;
	if (worst == n) {
		size_t big = n;

		/* Nothing held now is sure to go, but a full budget makes room
		 * for the new tail's lines from the others' oldest. */
		for (i = 0; i < n; i++)
			if (t[i].oldest != WR_LOGBUF_NO_TIME && (big == n || t[i].bytes > t[big].bytes))
				big = i;
		/* Not full: the budget holds the new lines beside every one
		 * held (the pool outlasts the oldest line). */
		if (big == n || from < least - LOGCOST_LEAST_S)
			return 0;
		log_buffer_words(budget, words, sizeof(words));
		wr_hms(t[big].oldest, was, sizeof(was));
		big_from = keeps_from(&t[big], now, from);
		/* Under a minute's loss, but a loss all the same: when and from
		 * when, as below; none yet, where it stands. */
		if (big_from > t[big].oldest) {
			wr_hms(big_from, will, sizeof(will));
			len = snprintf(out, cap, "+ %s: LOGS now follows %zu services; the log budget "
			    "(%s) is full, so its lines take the oldest: %s keeps from "
			    "about %s (was %s)", added, n + 1, words, t[big].name, will, was);
		} else {
			len = snprintf(out, cap, "+ %s: LOGS now follows %zu services; the log budget "
			    "(%s) is full, so its lines take the oldest: %s's first "
			    "(kept from %s now)", added, n + 1, words,
			    t[big].name, was);
		}
		return len < 0 ? 0 : (size_t)len < cap ? (size_t)len : cap - 1;
	}
	wr_hms(t[worst].oldest, was, sizeof(was));
	wr_hms(worst_from, will, sizeof(will));
	log_buffer_words(budget, words, sizeof(words));
	if (others > 0)
		snprintf(more, sizeof(more), "; %zu other tail%s too", others,
		    others == 1 ? " loses some" : "s lose some");
	len = snprintf(out, cap, "+ %s: LOGS now follows %zu services; the log budget (%s) is "
	    "full, so %s keeps from about %s (was %s%s)", added, n + 1, words, t[worst].name,
	    will, was, more);
	return len < 0 ? 0 : (size_t)len < cap ? (size_t)len : cap - 1;
}
