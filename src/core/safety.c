/*
 * safety.c — decides whether a command may run. Read-only wins over
 * everything, then a missing or degraded journal, then arming: the reason shown is the
 * one the user can do least about, so they do not arm in vain.
 */
#include "warroom/safety.h"

#include <stddef.h>
#include <stdio.h>

void
safety_journal(struct safety_state *s, bool degraded, const char *cause)
{
	s->journal_degraded = degraded;
	s->journal_refusal[0] = '\0';
	if (degraded && cause != NULL && cause[0] != '\0')
		snprintf(s->journal_refusal, sizeof(s->journal_refusal), "changes are refused "
		    "while the incident timeline cannot be written: %s", cause);
}

const char *
safety_refusal(const struct safety_state *s, bool mutating)
{
	if (!mutating)
		return NULL;
	if (s->read_only)
		return "read-only mode: nothing can change production from this console";
	if (s->no_journal)
		return "no incident journal: changes need --incident NAME, so the timeline "
		    "records them";
	if (s->journal_degraded)
		return s->journal_refusal[0] != '\0' ? s->journal_refusal :
		    "the incident timeline cannot be written: changes are refused while it cannot";
	if (!s->armed)
		return "console not armed: A arms it";
	return NULL;
}

bool
safety_only_unarmed(const struct safety_state *s)
{
	return !s->read_only && !s->no_journal && !s->journal_degraded && !s->armed &&
	    !s->resolved;
}

const char *
safety_refusal_hosts(const struct safety_state *s, bool mutating)
{
	/* Before arming, which cannot help; after read-only and the journal,
	 * which say more. */
	if (mutating && s->resolved && !s->read_only && !s->no_journal && !s->journal_degraded)
		return "the incident is resolved: a change now is new trouble; quit and start "
		    "warroom --incident NAME again to open a new incident";
	return safety_refusal(s, mutating);
}

const char *
safety_refusal_records(const struct safety_state *s, bool records)
{
	if (records && s->read_only)
		return "read-only mode: this console only watches and writes nothing to the "
		    "incident journal";
	return NULL;
}
