/*
 * suspendask.h — what Ctrl-Z does to a console that acts: refused while
 * one of its actions runs (stopped, it would answer neither the action's
 * channel nor its host's keepalives), disarmed first while armed (a
 * stopped console would keep the arm lock and its arming time), else a
 * plain suspend. Pure: the console's state in, a decision and words out.
 */
#ifndef WARROOM_SUSPENDASK_H
#define WARROOM_SUSPENDASK_H

#include <stdbool.h>
#include <stddef.h>

enum suspendask_do {
	SUSPENDASK_STOP,         /* suspend as ever */
	SUSPENDASK_DISARM_STOP,  /* disarm (journalled), free the arm lock, suspend */
	SUSPENDASK_REFUSE,       /* not suspended: say why (suspendask_refusal) */
};

/* The disarm record's reason. */
#define SUSPENDASK_REASON "suspended (Ctrl-Z)"

/* What Ctrl-Z does with running actions of this console and armed as it is. */
enum suspendask_do suspendask_decide(int running, bool armed);

/* Into buf the footer's refusal: first names the first running action
 * ("rollback of api on h1"), running counts them all (>= 1). */
void suspendask_refusal(const char *first, int running, char *buf, size_t cap);

/* Into buf the footer's words once fg continues a console disarmed to
 * stop; closed: a confirmation dialog or plan opened armed was put away. */
void suspendask_resumed(bool closed, char *buf, size_t cap);

#endif
