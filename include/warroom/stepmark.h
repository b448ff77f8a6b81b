/*
 * stepmark.h — what a RUNBOOK row says x did from its step or section:
 * each outcome with the hosts it holds on ("OK h1", "OK h1 h2, FAILED
 * h3"), counted when the names do not fit ("OK 1 host", "OK all 5
 * hosts"), then its status-page post, announcement and smoke check;
 * REFUSED (SKIPPED, CANCELLED) leads when x there ran nothing last. A
 * step done on one host of five never reads as a bare OK. Pure.
 */
#ifndef WARROOM_STEPMARK_H
#define WARROOM_STEPMARK_H

#include <stdbool.h>
#include <stddef.h>

/* Where a post, an announcement or a smoke check x started stands. */
enum stepmark_sent {
	STEPMARK_NONE,                   /* none started from this row */
	STEPMARK_PENDING,                /* queued or on its way */
	STEPMARK_OK,
	STEPMARK_FAILED,
	STEPMARK_UNKNOWN,                /* sent, no answer: may have gone */
	STEPMARK_WARN,                   /* answered as expected, with a warning
	                                    (a smoke check of /readyz whose
	                                    migrations are not current) */
};

/* One host the row's actions ran on and its last outcome there. */
struct stepmark_host {
	const char *host;
	const char *words;               /* "OK", "RUNNING", "OK after re-read" */
};

struct stepmark {
	const struct stepmark_host *hosts; /* in config order */
	size_t nhosts;
	size_t fleet;                    /* hosts in the config */
	enum stepmark_sent post, announce, smoke;
	bool post_earlier, announce_earlier, smoke_earlier; /* sent from an earlier
	                                    version of the step (stepran_sent_changed):
	                                    "EARLIER VERSION POSTED", never its plain
	                                    word */
	const char *smoke_host;          /* where the smoke check went */
	const char *unrun;               /* x here ran nothing last, nothing run
	                                    or sent since: its word first
	                                    (stepran_unrun: "REFUSED",
	                                    "SKIPPED", "CANCELLED"), or NULL */
};

/* The row's words into buf ("" when x started nothing there): host names
 * give way to counts when the whole would pass width bytes. */
void stepmark_format(const struct stepmark *m, size_t width, char *buf, size_t cap);

#endif
