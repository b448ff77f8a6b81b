/*
 * sshauth.h — which keys a host is offered, in what order, and what to
 * say when none got in. The identities ssh_config and warroom.conf name
 * come first, through ssh-agent when it holds them (so a key with a
 * passphrase that the agent holds is used, not skipped); the agent's
 * other keys follow unless IdentitiesOnly is set, as OpenSSH does. Keys
 * are matched by their public blobs; nothing here reads a file or talks
 * to the agent.
 */
#ifndef WARROOM_SSHAUTH_H
#define WARROOM_SSHAUTH_H

#include <stdbool.h>
#include <stddef.h>

#define SSHAUTH_MAX_FILES 16
#define SSHAUTH_MAX_AGENT 64
#define SSHAUTH_MAX_OFFERS (SSHAUTH_MAX_FILES + SSHAUTH_MAX_AGENT)

/* At most this many keys are refused in one attempt: sshd's MaxAuthTries
 * (6 by default) ends the connection at the next, and a bastion's
 * fail2ban counts those endings. */
#define SSHAUTH_MAX_REFUSED 5

/* A key by its public blob (blob NULL when it is not known). */
struct sshauth_key {
	const unsigned char *blob;
	size_t len;
};

/* One key to offer: through the agent (agent is its index; file the
 * configured identity it is, or -1 for another agent key), or read from
 * its file (file is its index, agent -1). */
struct sshauth_offer {
	bool via_agent;
	int agent;
	int file;
};

struct sshauth_plan {
	struct sshauth_offer offers[SSHAUTH_MAX_OFFERS];
	int n;
	int left_out;                    /* agent keys IdentitiesOnly kept back */
};

/* The order to offer keys in: each configured identity (files, in the
 * config's order) through the agent when it holds the same key, else from
 * its file; a file repeating an earlier one's key is left out. Then,
 * unless identities_only, the agent's other keys in its order. */
void sshauth_order(const struct sshauth_key *files, int nfiles,
    const struct sshauth_key *agent, int nagent, bool identities_only,
    struct sshauth_plan *out);

/* What came of asking for ssh-agent. */
enum sshauth_agent {
	SSHAUTH_AGENT_OFF,               /* not asked (this tool never uses one) */
	SSHAUTH_AGENT_UNSET,             /* SSH_AUTH_SOCK unset or empty */
	SSHAUTH_AGENT_UNREACHABLE,       /* set, but no agent answered there */
	SSHAUTH_AGENT_OK,
};

/* How one attempt's authentication went, for its reasons. */
struct sshauth_tally {
	enum sshauth_agent agent;
	const char *sock;                /* SSH_AUTH_SOCK as found (NULL: unset) */
	int offered;                     /* keys the server was asked to take */
	int other_refused;               /* agent keys no identity names, refused */
	int untried;                     /* keys not offered after the cap */
	int left_out;                    /* agent keys IdentitiesOnly kept back */
	bool agent_said;                 /* a note already named the agent's state */
};

/* Why a key file with a passphrase was not used, given the agent's state
 * and whether its public key was known to look for it in the agent; marks
 * the agent's absence as said. */
void sshauth_passphrase_why(struct sshauth_tally *t, bool have_pub, char *out,
    size_t cap);

/* Why every key failed: the notes, then what the tally adds (agent keys
 * refused, the cap, IdentitiesOnly, an agent that was not there). */
void sshauth_failure(const struct sshauth_tally *t, const char *notes, char *out,
    size_t cap);

#endif
