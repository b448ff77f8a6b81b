/*
 * safety.h — the rule behind the one choke point (DESIGN §3.5): whether a
 * command may run given read-only mode, arming and the journal's health.
 */
#ifndef WARROOM_SAFETY_H
#define WARROOM_SAFETY_H

#include <stdbool.h>

struct safety_state {
	bool read_only;          /* --read-only or read_only = true */
	bool armed;              /* armed and not yet expired */
	bool no_journal;         /* started without --incident: nothing records */
	bool journal_degraded;   /* the timeline failed a write or sync */
	bool resolved;           /* the incident was marked resolved (E) */
	char journal_refusal[640];  /* the refusal naming why ("" : the general one) */
};

/* Set journal_degraded, and the refusal that names its cause ("write
 * failed: No space left on device since 03:12:40 UTC"; "" or NULL: none). */
void safety_journal(struct safety_state *s, bool degraded, const char *cause);

/* NULL when allowed, else why not ("read-only mode", "not armed", ...). */
/* Whether the only thing that refuses a change is that this console is
 * not armed (it writes, the journal is fine): then who else is armed, if
 * anyone, is the reason worth naming. */
bool safety_only_unarmed(const struct safety_state *s);

const char *safety_refusal(const struct safety_state *s, bool mutating);

/* safety_refusal for a command that changes production hosts (not a
 * status-page post): refused too once the incident is resolved, since
 * its journal is closed; new trouble is a new incident. */
const char *safety_refusal_hosts(const struct safety_state *s, bool mutating);

/* A command that writes the incident journal (RECORDS: a note, a tick,
 * settling, an export's record, arming): refused in read-only mode, where
 * the console only watches and writes nothing; NULL otherwise. */
const char *safety_refusal_records(const struct safety_state *s, bool records);

#endif
