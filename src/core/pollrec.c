/*
 * pollrec.c — the debounce behind poll.change records (pollrec.h). Unlike
 * a lost connection, a failed read is often one slow poll: it is news only
 * once the next poll had its chance and the settle passed too. A return
 * is news at once: a good answer is not a guess.
 */
#include "warroom/pollrec.h"

#include <string.h>

#include "warroom/util.h"

/* Nothing pending: what a one-off failure leaves behind is forgotten. */
static void
clear(struct pollrec_live *l)
{
	memset(l, 0, sizeof(*l));
}

void
pollrec_observe(struct pollrec_live *l, enum pollrec_seen seen, const char *what,
    const char *error, int64_t failed_ms, bool said_lost, int64_t now_ms)
{
	if (seen == POLLREC_WAITING)
		return;
	if (seen == POLLREC_NOT_UP) {
		/* conn.change speaks for a host not UP; a stretch already
		 * recorded stays open until the data is back. */
		if (!said_lost)
			clear(l);
		return;
	}
	if (seen == POLLREC_ANSWERING || what == NULL) {
		if (!said_lost)
			clear(l);
		else if (l->failing || l->back_ms == 0)
			l->back_ms = now_ms;
		l->failing = false;
		return;
	}
	/* A new stretch: what failed first is what the record names. */
	if (!l->failing && l->failures == 0) {
		l->since_ms = failed_ms;
		wr_strlcpy(l->what, what, sizeof(l->what));
		wr_strlcpy(l->error, error != NULL && error[0] != '\0' ? error : "no error given",
		    sizeof(l->error));
	}
	/* The same failed read seen again at the next look is one poll. */
	if (l->failures == 0 || failed_ms != l->last_failed_ms) {
		l->failures++;
		l->last_failed_ms = failed_ms;
	}
	l->failing = true;
	l->back_ms = 0;
}

enum pollrec_do
pollrec_decide(const struct pollrec_live *l, bool said_lost, int interval_ms, int64_t now_ms)
{
	if (l->failing && !said_lost &&
	    now_ms - l->since_ms >= (int64_t)interval_ms + POLLREC_SETTLE_MS)
		return POLLREC_WRITE_LOST;
	if (!l->failing && said_lost && l->back_ms != 0)
		return POLLREC_WRITE_BACK;
	return POLLREC_NOTHING;
}

int64_t
pollrec_missing_s(int64_t since_ms, int64_t back_ms)
{
	int64_t ms = back_ms - since_ms;

	return ms >= 0 ? (ms + 500) / 1000 : -((-ms + 500) / 1000);
}

enum pollrec_seen
pollrec_look(const struct pollrec_row *rows, int n, int64_t up_ms, int *row,
    enum pollrec_read *read, const char **error, int64_t *failed_ms)
{
	enum pollrec_seen seen = POLLREC_ANSWERING;
	int k;

	for (k = 0; k < n; k++) {
		const struct pollrec_row *r = &rows[k];

		if (r->driver_error != NULL && r->driver_error[0] != '\0' &&
		    r->driver_failed_ms >= up_ms) {
			*row = k;
			*read = POLLREC_READ_DRIVER;
			*error = r->driver_error;
			*failed_ms = r->driver_failed_ms;
			return POLLREC_FAILING;
		}
		if (!r->have_driver || r->driver_at_ms < up_ms)
			seen = POLLREC_WAITING;
	}
	for (k = 0; k < n; k++) {
		const struct pollrec_row *r = &rows[k];

		if (!r->probed)
			continue;
		/* By the round's sending, not its answers' arrival: the first
		 * answer of the round after a reconnect came in beside the
		 * failures the lost session left (else a record "host
		 * still connected" of the outage, at the reconnect). */
		if (!r->have_probe || r->probe_sent_ms < up_ms) {
			seen = POLLREC_WAITING;
			continue;
		}
		if (r->healthz_answered && r->readyz_answered)
			continue;
		*row = k;
		*read = r->healthz_answered ? POLLREC_READ_READYZ : POLLREC_READ_HEALTHZ;
		*error = r->healthz_answered ? r->readyz_why : r->healthz_why;
		*failed_ms = r->probe_sent_ms;
		return POLLREC_FAILING;
	}
	return seen;
}
