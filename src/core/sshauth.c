/*
 * sshauth.c — the order keys are offered in, and the reasons shown when
 * none got in. OpenSSH (sshconnect2.c, pubkey_prepare) offers the agent's
 * copies of configured identities, then the agent's other keys, then the
 * configured files the agent does not hold. Here every configured
 * identity comes before the agent's other keys: a named key is what the
 * engineer meant, and behind seven agent keys it would never be reached
 * before sshd's MaxAuthTries. No key is offered that OpenSSH would not.
 */
#include "warroom/sshauth.h"
#include "warroom/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static bool
same_key(const struct sshauth_key *a, const struct sshauth_key *b)
{
	return a->blob != NULL && b->blob != NULL && a->len == b->len &&
	    memcmp(a->blob, b->blob, a->len) == 0;
}

void
sshauth_order(const struct sshauth_key *files, int nfiles,
    const struct sshauth_key *agent, int nagent, bool identities_only,
    struct sshauth_plan *out)
{
	bool claimed[SSHAUTH_MAX_AGENT] = { false };
	int i, j, k;

	memset(out, 0, sizeof(*out));
	if (nfiles > SSHAUTH_MAX_FILES)
		nfiles = SSHAUTH_MAX_FILES;
	if (nagent > SSHAUTH_MAX_AGENT)
		nagent = SSHAUTH_MAX_AGENT;
	for (i = 0; i < nfiles; i++) {
		struct sshauth_offer *o = &out->offers[out->n];

		/* The same key named twice (warroom.conf and ssh_config) would
		 * cost the server a second refusal for nothing. */
		for (k = 0; k < i && !same_key(&files[k], &files[i]); k++)
			;
		if (k < i)
			continue;
		for (j = 0; j < nagent && !same_key(&files[i], &agent[j]); j++)
			;
		o->file = i;
		o->via_agent = j < nagent;
		o->agent = j < nagent ? j : -1;
		if (j < nagent)
			claimed[j] = true;
		out->n++;
	}
	for (j = 0; j < nagent; j++) {
		if (claimed[j])
			continue;
		if (identities_only) {
			out->left_out++;
			continue;
		}
		out->offers[out->n++] = (struct sshauth_offer){ .via_agent = true, .agent = j,
		    .file = -1 };
	}
}

/* The agent's state in a few words, when it was not there. */
static void
agent_absent(const struct sshauth_tally *t, char *out, size_t cap)
{
	if (t->agent == SSHAUTH_AGENT_UNREACHABLE)
		snprintf(out, cap, "no ssh-agent answers at %s", t->sock ? t->sock : "?");
	else if (t->agent == SSHAUTH_AGENT_UNSET)
		snprintf(out, cap, "SSH_AUTH_SOCK is %s", t->sock == NULL ? "not set" : "empty");
	else
		snprintf(out, cap, "ssh-agent is not used here");
}

void
sshauth_passphrase_why(struct sshauth_tally *t, bool have_pub, char *out, size_t cap)
{
	char absent[300];

	if (t->agent == SSHAUTH_AGENT_OK && have_pub)
		snprintf(out, cap, "it has a passphrase and ssh-agent does not hold it; ssh-add it");
	else if (t->agent == SSHAUTH_AGENT_OK)
		/* Without the public half the agent's copy cannot be recognized. */
		snprintf(out, cap, "it has a passphrase and no .pub beside it to find it in "
		    "ssh-agent; write one with ssh-keygen -y");
	else {
		agent_absent(t, absent, sizeof(absent));
		snprintf(out, cap, "it has a passphrase and %s; ssh-add it to a running "
		    "ssh-agent", absent);
		t->agent_said = true;
	}
}

/* Append text to out, after "; " when out already says something. */
static void
add(char *out, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
add(char *out, size_t cap, const char *fmt, ...)
{
	size_t used = strlen(out);
	va_list ap;

	if (used > 0 && used + 2 < cap)
		memcpy(out + used, "; ", 3);
	va_start(ap, fmt);
	wr_vappendf(out, cap, fmt, ap);
	va_end(ap);
}

void
sshauth_failure(const struct sshauth_tally *t, const char *notes, char *out, size_t cap)
{
	char absent[300];

	if (cap == 0)
		return;
	snprintf(out, cap, "%s", notes != NULL ? notes : "");
	if (t->other_refused > 0)
		add(out, cap, "%d ssh-agent key%s refused", t->other_refused,
		    t->other_refused == 1 ? "" : "s");
	if (t->untried > 0)
		add(out, cap, "stopped after %d refused keys, before sshd's MaxAuthTries "
		    "(6 by default) ends the connection; %d more not offered: name the "
		    "host's key with IdentityFile and IdentitiesOnly yes", SSHAUTH_MAX_REFUSED,
		    t->untried);
	if (t->left_out > 0)
		add(out, cap, "%d other ssh-agent key%s not offered (IdentitiesOnly yes)",
		    t->left_out, t->left_out == 1 ? "" : "s");
	/* The agent is named only now: a key file that logs in never needed it. */
	if (!t->agent_said && (t->agent == SSHAUTH_AGENT_UNSET ||
	    t->agent == SSHAUTH_AGENT_UNREACHABLE)) {
		agent_absent(t, absent, sizeof(absent));
		if (t->agent == SSHAUTH_AGENT_UNSET)
			add(out, cap, "no ssh-agent to ask (%s)", absent);
		else
			add(out, cap, "%s", absent);
	}
	if (out[0] != '\0')
		return;
	if (t->offered > 0)
		snprintf(out, cap, "no key was accepted");
	else
		snprintf(out, cap, "no key to offer: no identity file exists%s",
		    t->agent == SSHAUTH_AGENT_OK ? " and ssh-agent holds none" : "");
}
