/*
 * connrec.c — the debounce behind conn.change records: a loss is news at
 * once (the reason is freshest then, and an action's UNKNOWN may follow);
 * a return is news only once it holds, so a host that drops every few
 * seconds says DOWN once and UP once, with the drops counted.
 */
#include "warroom/connrec.h"

#include <string.h>

#include "warroom/util.h"

void
connrec_observe(struct connrec_live *l, enum connrec_state state, const char *reason,
    enum connrec_state said, int64_t now_ms)
{
	if (state == CONNREC_UP)
		l->reached = true;
	if (state == CONNREC_UNKNOWN || state == l->state) {
		/* A longer stay DOWN keeps the first reason: what cut it off. */
		return;
	}
	/* Back UP, lost again before that return was recorded: one drop. */
	if (state == CONNREC_DOWN && l->state == CONNREC_UP && said == CONNREC_DOWN)
		l->drops++;
	if (state == CONNREC_DOWN && (said != CONNREC_DOWN || l->reason[0] == '\0'))
		wr_strlcpy(l->reason, reason != NULL && reason[0] != '\0' ? reason :
		    "no reason given", sizeof(l->reason));
	l->state = state;
	l->since_ms = now_ms;
}

enum connrec_do
connrec_decide(const struct connrec_live *l, enum connrec_state said, int64_t now_ms)
{
	if (l->state == CONNREC_DOWN && said != CONNREC_DOWN)
		return CONNREC_WRITE_DOWN;
	if (l->state == CONNREC_UP && said == CONNREC_DOWN &&
	    now_ms - l->since_ms >= CONNREC_SETTLE_MS)
		return CONNREC_WRITE_UP;
	return CONNREC_NOTHING;
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
