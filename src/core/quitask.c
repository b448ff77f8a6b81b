/*
 * quitask.c — the words of q's question while actions run (quitask.h).
 *
 * QA: "An action or announcement is still in flight. Quit anyway?" named
 * nothing, and the journal then said a connection was lost. The question
 * now names each action and says it ends UNKNOWN, which is what the
 * journal will say of it.
 */
#include "warroom/quitask.h"

#include <stdio.h>
#include <string.h>

#include "warroom/namelist.h"

void
quitask_words(const char *const *actions, size_t n, int chats, char *buf, size_t cap)
{
	char list[600];
	size_t len = 0;
	int many = (int)n + (chats > 0 ? chats : 0) > 1;

	if (cap == 0)
		return;
	buf[0] = '\0';
	if (n == 0 && chats <= 0)
		return;
	if (n > 0) {
		namelist_join(actions, n, 3, list, sizeof(list));
		len = (size_t)snprintf(buf, cap, "%s%s", n > 1 ? "still running: " : "", list);
		if (n == 1 && len < cap)
			len += (size_t)snprintf(buf + len, cap - len, " is still running");
	}
	if (chats > 0 && len < cap)
		len += (size_t)snprintf(buf + len, cap - len, "%s%s still being sent",
		    n > 0 ? "; " : "", chats == 1 ? "an announcement to the chat is" :
		    "announcements to the chat are");
	if (len < cap)
		snprintf(buf + len, cap - len, ": quitting ends %s UNKNOWN in the journal (%s).",
		    many ? "them" : "it", n > 0 ? "the host may or may not finish what was sent" :
		    "the chat may or may not have it");
}
