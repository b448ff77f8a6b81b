/*
 * stepmark.c — a RUNBOOK row's account of what x started from it. Hosts
 * that share an outcome are listed after it, in the order given, outcomes
 * in the order of their first host; the names give way to a count only
 * when the whole line would be too long, so the count is the exception
 * and a narrow pane still never shows a bare OK. The status page, the
 * chat and the smoke check follow, each in its own words (a smoke check
 * that got its status but a warning with it is SMOKE WARN, never OK; one
 * sent from a step edited since is EARLIER VERSION SMOKE OK).
 */
#include "warroom/stepmark.h"
#include "warroom/util.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* "OK h1 h2, FAILED h3", or counted: "OK 2 hosts, FAILED 1 host". */
static void
by_outcome(const struct stepmark *m, bool counted, char *buf, size_t cap)
{
	size_t i, j, n;

	for (i = 0; i < m->nhosts; i++) {
		for (j = 0; j < i && strcmp(m->hosts[j].words, m->hosts[i].words) != 0; j++)
			;
		if (j < i)
			continue;               /* said with its first host */
		wr_appendf(buf, cap, "%s%s", buf[0] ? ", " : "", m->hosts[i].words);
		for (n = 0, j = i; j < m->nhosts; j++) {
			if (strcmp(m->hosts[j].words, m->hosts[i].words) != 0)
				continue;
			n++;
			if (!counted)
				wr_appendf(buf, cap, " %s", m->hosts[j].host);
		}
		if (counted && n == m->fleet && n > 1)
			wr_appendf(buf, cap, " all %zu hosts", n);
		else if (counted)
			wr_appendf(buf, cap, " %zu host%s", n, n == 1 ? "" : "s");
	}
}

static void
sent(char *buf, size_t cap, enum stepmark_sent s, bool earlier, const char *const words[5],
    const char *host)
{
	if (s == STEPMARK_NONE)
		return;
	/* Sent from a step edited since: not what the row's step says now. */
	wr_appendf(buf, cap, "%s%s%s", buf[0] ? ", " : "", earlier ? "EARLIER VERSION " : "",
	    words[s - 1]);
	if (host != NULL && host[0] != '\0')
		wr_appendf(buf, cap, " %s", host);
}

static void
the_rest(const struct stepmark *m, char *buf, size_t cap)
{
	/* Only a smoke check ends in a warning; the others never say WARN. */
	static const char *const post[5] = { "POSTING", "POSTED", "POST FAILED",
		"POST UNKNOWN", "POSTED" };
	static const char *const announce[5] = { "ANNOUNCING", "ANNOUNCED", "ANNOUNCE FAILED",
		"ANNOUNCE UNKNOWN", "ANNOUNCED" };
	static const char *const smoke[5] = { "SMOKE RUNNING", "SMOKE OK", "SMOKE FAILED",
		"SMOKE UNKNOWN", "SMOKE WARN" };

	sent(buf, cap, m->post, m->post_earlier, post, NULL);
	sent(buf, cap, m->announce, m->announce_earlier, announce, NULL);
	sent(buf, cap, m->smoke, m->smoke_earlier, smoke, m->smoke_host);
}

void
stepmark_format(const struct stepmark *m, size_t width, char *buf, size_t cap)
{
	/* The x that ran nothing is newer than anything else said here (a
	 * run or a post from the row clears it): it goes first. */
	const char *lead = m->unrun != NULL ? m->unrun : "";

	if (cap == 0)
		return;
	wr_strlcpy(buf, lead, cap);
	by_outcome(m, false, buf, cap);
	the_rest(m, buf, cap);
	if (strlen(buf) <= width || m->nhosts == 0)
		return;
	wr_strlcpy(buf, lead, cap);
	by_outcome(m, true, buf, cap);
	the_rest(m, buf, cap);
}
