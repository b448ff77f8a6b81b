/*
 * suspendask.c — Ctrl-Z on a console that acts (suspendask.h).
 *
 * A console stopped mid-rollback left its SSH channel unread and its
 * keepalives unanswered, and sshd may end the remote command; stopped
 * armed, it kept the arm lock and every other console was refused.
 */
#include "warroom/suspendask.h"

#include <stdio.h>

enum suspendask_do
suspendask_decide(int running, bool armed)
{
	/* Running wins: disarming would not keep the host talking. */
	if (running > 0)
		return SUSPENDASK_REFUSE;
	return armed ? SUSPENDASK_DISARM_STOP : SUSPENDASK_STOP;
}

void
suspendask_refusal(const char *first, int running, char *buf, size_t cap)
{
	if (cap == 0)
		return;
	if (running <= 1)
		snprintf(buf, cap, "not suspended: %s is running (its host may end it if this "
		    "console stops); wait for its outcome", first);
	else
		snprintf(buf, cap, "not suspended: %s and %d more are running (their hosts may "
		    "end them if this console stops); wait for their outcomes", first, running - 1);
}

void
suspendask_resumed(bool closed, char *buf, size_t cap)
{
	if (cap == 0)
		return;
	snprintf(buf, cap, "disarmed when suspended (Ctrl-Z)%s: A arms again", closed ?
	    "; the confirmation open then was closed, nothing ran" : "");
}
