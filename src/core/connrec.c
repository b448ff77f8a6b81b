/*
 * connrec.c — the debounce behind conn.change records: a loss is news at
 * once (the reason is freshest then, and an action's UNKNOWN may follow);
 * a return is news only once it holds, so a host that drops every few
 * seconds says DOWN once and UP once, with the drops counted. A first
 * reach is news at once: a host never UP cannot flap back. A return held
 * is written early when a record about its host comes first: that record
 * was read over the new session, and must not read as from a DOWN host.
 */
#include "warroom/connrec.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "warroom/util.h"

void
connrec_observe(struct connrec_live *l, enum connrec_state state, const char *reason,
    enum connrec_state said, int64_t failed_ms, int64_t now_ms)
{
	bool untrusted = state == CONNREC_UNTRUSTED;

	if (untrusted)
		state = CONNREC_DOWN;
	if (state == CONNREC_UP)
		l->reached = true;
	if (state == CONNREC_UNKNOWN || state == l->state) {
		/* A longer stay DOWN keeps the first reason: what cut it off. */
		return;
	}
	/* Back UP, lost again before that return was recorded: one drop. */
	if (state == CONNREC_DOWN && l->state == CONNREC_UP && said == CONNREC_DOWN)
		l->drops++;
	if (state == CONNREC_DOWN && (said != CONNREC_DOWN || l->reason[0] == '\0')) {
		wr_strlcpy(l->reason, reason != NULL && reason[0] != '\0' ? reason :
		    "no reason given", sizeof(l->reason));
		l->untrusted = untrusted;
	}
	/* The try before this return: back since some time after it. A
	 * later flap's return brings its own. */
	if (state == CONNREC_UP)
		l->failed_ms = failed_ms > 0 && failed_ms <= now_ms ? failed_ms : 0;
	l->state = state;
	l->since_ms = now_ms;
}

int64_t
connrec_last_failed(const struct connrec_live *l, int64_t down_ms)
{
	/* One from before this DOWN (an earlier stretch's) says nothing of it. */
	return l->state == CONNREC_UP && l->failed_ms >= down_ms && l->failed_ms > 0 &&
	    l->failed_ms <= l->since_ms ? l->failed_ms : 0;
}

int64_t
connrec_end_unseen_s(int64_t failed_ms, int64_t up_ms)
{
	if (failed_ms <= 0 || up_ms - failed_ms <= CONNREC_END_SLACK_MS)
		return 0;
	return connrec_down_s(failed_ms, up_ms);
}

enum connrec_do
connrec_decide(const struct connrec_live *l, enum connrec_state said, bool said_first,
    int64_t now_ms)
{
	if (l->state == CONNREC_DOWN && said != CONNREC_DOWN)
		return CONNREC_WRITE_DOWN;
	/* Held 10 s before it was written, a first reach would come after
	 * the readings it made possible. */
	if (l->state == CONNREC_UP && said == CONNREC_DOWN &&
	    (said_first || now_ms - l->since_ms >= CONNREC_SETTLE_MS))
		return CONNREC_WRITE_UP;
	return CONNREC_NOTHING;
}

bool
connrec_return_held(const struct connrec_live *l, enum connrec_state said)
{
	return l->state == CONNREC_UP && said == CONNREC_DOWN;
}

bool
connrec_first(const struct connrec_live *l, enum connrec_state said, bool journal_reached)
{
	/* A last conn.change at all means it was tried before: not new now. */
	return said == CONNREC_UNKNOWN && !l->reached && !journal_reached;
}

int64_t
connrec_unwatched_ms(int64_t down_ms, int64_t up_ms, int64_t gap_from_ms, int64_t gap_to_ms)
{
	int64_t from = gap_from_ms > down_ms ? gap_from_ms : down_ms;
	int64_t to = gap_to_ms < up_ms ? gap_to_ms : up_ms;

	return to > from ? to - from : 0;
}

int64_t
connrec_down_s(int64_t down_ms, int64_t up_ms)
{
	int64_t ms = up_ms - down_ms;

	return ms >= 0 ? (ms + 500) / 1000 : -((-ms + 500) / 1000);
}

int64_t
connrec_span_min_s(const struct connrec_span *sp)
{
	int64_t s = sp->down_s - (sp->unwatched_s > 0 ? sp->unwatched_s : 0) -
	    (sp->end_unseen_s > 0 ? sp->end_unseen_s : 0);

	return s > 0 ? s : 0;
}

int64_t
connrec_span_max_s(const struct connrec_span *sp)
{
	return sp->down_s + (sp->start_unseen_s > 0 ? sp->start_unseen_s : 0);
}

void
connrec_dur(int64_t s, char *out, size_t cap)
{
	if (s < 0)
		s = 0;
	if (s >= 3600)
		snprintf(out, cap, "%" PRId64 "h %02" PRId64 "m %02" PRId64 "s", s / 3600,
		    s / 60 % 60, s % 60);
	else if (s >= 60)
		snprintf(out, cap, "%" PRId64 "m %02" PRId64 "s", s / 60, s % 60);
	else
		snprintf(out, cap, "%" PRId64 "s", s);
}

void
connrec_span_words(const struct connrec_span *sp, char *len, size_t lcap, char *why,
    size_t wcap)
{
	bool start = sp->start_unseen_s > 0, gap = sp->unwatched_s > 0;
	bool end = sp->end_unseen_s > 0;
	int64_t min = connrec_span_min_s(sp);
	char lo[48], hi[48], unw[48], wait[48];
	size_t w;

	connrec_dur(min, lo, sizeof(lo));
	connrec_dur(connrec_span_max_s(sp), hi, sizeof(hi));
	connrec_dur(sp->unwatched_s, unw, sizeof(unw));
	connrec_dur(sp->end_unseen_s, wait, sizeof(wait));
	why[0] = '\0';
	if (!start && !gap && !end) {
		connrec_dur(sp->down_s, len, lcap);
		return;
	}
	/* Its start unseen, it may have gone down before the first reading:
	 * what was seen DOWN is the least; with nothing recorded for part of
	 * it, it may have been back then, and the least is what was seen.
	 * Back after a failed try and the wait for the next, it was DOWN at
	 * least until that try. Both bounds, as the JSON's min_s and max_s,
	 * unless nothing of it was seen DOWN. */
	if (min > 0)
		snprintf(len, lcap, "at least %s, at most %s", lo, hi);
	else
		snprintf(len, lcap, "at most %s", hi);
	snprintf(why, wcap, "%s%s%s%s%s", start ? "already DOWN when a console opened" : "",
	    start && gap ? "; " : "", gap ? "nothing recorded for " : "", gap ? unw : "",
	    gap ? " of it: it may have been back in between" : "");
	w = strlen(why);
	if (end && w < wcap)
		snprintf(why + w, wcap - w, "%slast failed try %s before the reconnect: it may "
		    "have been back any time in those %s", w > 0 ? "; " : "", wait, wait);
}

const char *
connrec_name(enum connrec_state s)
{
	return s == CONNREC_UP ? "UP" : s == CONNREC_DOWN ? "DOWN" : "UNKNOWN";
}

enum connrec_state
connrec_parse(const char *name)
{
	if (name != NULL && strcmp(name, "UP") == 0)
		return CONNREC_UP;
	if (name != NULL && strcmp(name, "DOWN") == 0)
		return CONNREC_DOWN;
	return CONNREC_UNKNOWN;
}
