/*
 * armwords.c — A's refusal while another console holds the arm lock
 * (armwords.h).
 */
#include "warroom/armwords.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long
armwords_pid(const char *holder)
{
	const char *p = holder != NULL ? strstr(holder, "(pid ") : NULL;
	char *end;
	long pid;

	if (p == NULL)
		return 0;
	pid = strtol(p + 5, &end, 10);
	return end != p + 5 && pid > 0 ? pid : 0;
}

bool
armwords_stopped(const char *stat)
{
	/* "PID (comm) S …": the name may hold ") ", so the last one counts. */
	const char *p = stat != NULL ? strrchr(stat, ')') : NULL;

	return p != NULL && p[1] == ' ' && (p[2] == 'T' || p[2] == 't');
}

void
armwords_refusal(const char *holder, const char *note, bool stopped, char *buf, size_t cap)
{
	const char *who = holder != NULL && holder[0] != '\0' ? holder : "another console";
	long pid = armwords_pid(holder);
	char name[300];
	const char *since;
	int n;

	/* Who, without "since": that says when it took the lock, which is
	 * not when it was armed once it disarmed. */
	since = strstr(who, ") since ");
	n = since != NULL ? (int)(since - who) + 1 : (int)strlen(who);
	snprintf(name, sizeof(name), "%.*s", n, who);
	if (stopped && pid > 0)
		snprintf(buf, cap, "%s holds the arm lock, but pid %ld is stopped (SIGSTOP, a debugger?): "
		    "continue it (kill -CONT %ld) or end it; one armed console at a time", name, pid, pid);
	else if (note != NULL && note[0] != '\0')
		snprintf(buf, cap, "%s disarmed, but its %s still runs: arming is possible once "
		    "it ends (one armed console at a time)", name, note);
	else
		snprintf(buf, cap, "%s is armed on this incident: one armed console at a time; "
		    "watch here, or ask them to disarm (A)", who);
}

void
armwords_length(int ms, char *buf, size_t cap)
{
	int s = ms / 1000;

	if (s % 60 == 0)
		snprintf(buf, cap, "%d min", s / 60);
	else if (s < 60)
		snprintf(buf, cap, "%d s", s);
	else
		snprintf(buf, cap, "%d min %d s", s / 60, s % 60);
}

void
armwords_badge(long secs, bool left, char *buf, size_t cap)
{
	/* "12:36" alone reads as a time of day beside the clock; "left"
	 * says it counts down. */
	snprintf(buf, cap, left ? " ARMED %ld:%02ld left " : " ARMED %ld:%02ld ", secs / 60,
	    secs % 60);
}
