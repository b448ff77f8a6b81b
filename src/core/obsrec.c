/*
 * obsrec.c — when an observation record is written while several
 * consoles write one journal (obsrec.h).
 */
#include "warroom/obsrec.h"

#include <string.h>

#include "warroom/util.h"

enum obsrec_do
obsrec_decide(struct obsrec_mine *m, const char *now, int64_t read_ms,
    const struct obsrec_said *said)
{
	bool changed = !m->have || strcmp(m->value, now) != 0;

	/* Read before this console was stopped: nothing it says holds now. */
	if (read_ms > 0 && read_ms < m->fresh_ms)
		return OBSREC_BEHIND;
	if (said->have && said->value != NULL && strcmp(said->value, now) == 0) {
		/* Recorded already, by us or another console: ours too now. */
		obsrec_wrote(m, now);
		return OBSREC_SAME;
	}
	/* A read that began before the record cannot speak against it: it
	 * may be the very state the other console saw change. Unless the
	 * record says what this console last saw itself: then the read is
	 * newer than the one behind it (a scrape already out when our own
	 * record was written, such as one that then timed out). */
	if (said->have && read_ms > 0 && read_ms < said->ts_ms &&
	    !(m->have && strcmp(m->value, said->value) == 0))
		return OBSREC_BEHIND;
	if (changed || !said->have)
		return OBSREC_WRITE;
	/* Unchanged here, otherwise there: a change this console missed, or
	 * a flap between two reads. Written once it has held. */
	if (m->differ_ms == 0 || m->differ_ms < said->ts_ms)
		m->differ_ms = read_ms > 0 ? read_ms : said->ts_ms;
	if (read_ms > 0 && read_ms - m->differ_ms >= OBSREC_HOLD_MS)
		return OBSREC_WRITE;
	return OBSREC_HOLD;
}

void
obsrec_wrote(struct obsrec_mine *m, const char *now)
{
	m->have = true;
	wr_strlcpy(m->value, now, sizeof(m->value));
	m->differ_ms = 0;
}

void
obsrec_continued(struct obsrec_mine *m, size_t n, int64_t now_ms)
{
	size_t i;

	for (i = 0; m != NULL && i < n; i++) {
		m[i].fresh_ms = now_ms;
		m[i].differ_ms = 0;
	}
}

bool
obsrec_reconcile_due(bool settled, bool said_unknown, const char *outcome)
{
	if (settled)
		return false;
	return !(said_unknown && outcome != NULL && strcmp(outcome, "unknown") == 0);
}
