/*
 * rbtarget.c — a host already at this incident's rollback target: the
 * words r, B and METRICS use for it (see rbtarget.h).
 */
#include "warroom/rbtarget.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "warroom/util.h"

bool
rbtarget_find(const struct rbtarget_event *ev, size_t n, const char *host,
    struct rbtarget *out)
{
	const struct rbtarget_event *here = NULL, *any = NULL, *e;
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		if (!ev[i].ok || ev[i].to == NULL || ev[i].to[0] == '\0')
			continue;
		any = &ev[i];
		if (ev[i].host != NULL && strcmp(ev[i].host, host) == 0)
			here = &ev[i];
	}
	/* The host's own rollback says most; else the fleet's latest. */
	if ((e = here != NULL ? here : any) == NULL)
		return false;
	wr_strlcpy(out->to, e->to, sizeof(out->to));
	wr_strlcpy(out->from, e->from != NULL ? e->from : "", sizeof(out->from));
	wr_strlcpy(out->host, e->host != NULL ? e->host : "", sizeof(out->host));
	out->at_ms = e->at_ms;
	out->here = e == here;
	return true;
}

/* "19 s", "4 min", "2 h": how long ago, never negative. */
static void
ago(int64_t at_ms, int64_t now_ms, char *out, size_t cap)
{
	int64_t s = now_ms > at_ms ? (now_ms - at_ms) / 1000 : 0;

	if (s < 120)
		snprintf(out, cap, "%d s", (int)s);
	else if (s < 7200)
		snprintf(out, cap, "%d min", (int)(s / 60));
	else
		snprintf(out, cap, "%d h", (int)(s / 3600));
}

/* "13:06:44" in UTC, as the timeline shows times. */
static void
clock_of(int64_t at_ms, char *out, size_t cap)
{
	time_t t = (time_t)(at_ms / 1000);
	struct tm tm;

	out[0] = '\0';
	if (at_ms > 0 && gmtime_r(&t, &tm) != NULL)
		strftime(out, cap, "%H:%M:%S", &tm);
}

bool
rbtarget_note(const struct rbtarget *t, const char *host, const char *running,
    const char *left, int64_t now_ms, char *out, size_t cap)
{
	char when[16], since[16];

	out[0] = '\0';
	if (running[0] == '\0')
		return false;
	if (t != NULL && t->to[0] != '\0' && strcmp(t->to, running) == 0) {
		clock_of(t->at_ms, when, sizeof(when));
		ago(t->at_ms, now_ms, since, sizeof(since));
		if (t->here)
			snprintf(out, cap, "%.63s was rolled back to %.127s at %s, %s ago: a further "
			    "rollback goes past it", host, running, when, since);
		else
			snprintf(out, cap, "%.63s already runs %.127s, the tag this incident rolled "
			    "back to (on %.63s at %s, %s ago): a further rollback goes past it", host,
			    running, t->host, when, since);
		return true;
	}
	if (left != NULL && left[0] != '\0') {
		/* Moved back by hand: the running tag is the target reached. */
		snprintf(out, cap, "%.63s runs %.127s, older than %.127s it ran earlier in this "
		    "incident: it was rolled back outside warroom; a further rollback goes past it",
		    host, running, left);
		return true;
	}
	return false;
}

bool
rbtarget_chain_refusal(const struct rbtarget *t, const char *host, const char *running,
    char *out, size_t cap)
{
	out[0] = '\0';
	if (t == NULL || t->to[0] == '\0' || running[0] == '\0' || strcmp(t->to, running) != 0)
		return false;
	/* Starting here would take good hosts further back and leave the
	 * bad ones as they are: the chain starts from a bad one. */
	snprintf(out, cap, "%.63s already runs %.127s; B rolls back the hosts at %.127s: select "
	    "one of them", host, running, t->from[0] ? t->from : "the tag rolled back from");
	return true;
}

size_t
rbtarget_held_note(bool held, int64_t at_ms, int64_t now_ms, char *out, size_t cap)
{
	char since[16];
	int n;

	if (cap == 0)
		return 0;
	out[0] = '\0';
	/* Long after, a held verdict is about the release running now. */
	if (!held || at_ms <= 0 || now_ms - at_ms > (int64_t)RBTARGET_HELD_S * 1000)
		return 0;
	ago(at_ms, now_ms, since, sizeof(since));
	n = snprintf(out, cap, "rolled back %s ago: the rate window still holds the old "
	    "release's errors", since);
	return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}
