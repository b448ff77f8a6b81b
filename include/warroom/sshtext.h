/*
 * sshtext.h — what OpenSSH writes on stderr, read for the screen: the
 * last lines of a failing `ssh -G` or ProxyJump hop as a reason (in ssh's
 * own words, sanitized), and its warning that a host key changed, with
 * what it names (the key offered, the file and line of the old one).
 */
#ifndef WARROOM_SSHTEXT_H
#define WARROOM_SSHTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/util.h"

/* The last nlines non-empty lines of buf[len], sanitized, joined by " / "
 * into out[cap] ("" when there are none). */
void sshtext_tail(const char *buf, size_t len, int nlines, char *out, size_t cap);

/* What ssh's REMOTE HOST IDENTIFICATION HAS CHANGED warning names. */
struct sshtext_changed {
	char keytype[24];                /* of the key offered, as ssh names it: "ED25519" */
	char fingerprint[64];            /* the key offered: "SHA256:…" */
	char file[WR_PATH_MAX];          /* where the old key is ("" if unsaid) */
	int line;                        /* … and its line (0 if unsaid) */
	char name[256];                  /* the host as known_hosts names it */
};

/* Whether buf[len] (ssh's stderr) says a host key changed; fills out with
 * what it names (each field sanitized, "" when unsaid). */
bool sshtext_hostkey_changed(const char *buf, size_t len, struct sshtext_changed *out);

/* Whether buf[len] says ssh knows no key for a host under strict checking
 * ("No ED25519 host key is known for …"); fills keytype and name only. */
bool sshtext_hostkey_unknown(const char *buf, size_t len, struct sshtext_changed *out);

/* Whether buf[len] holds ssh's "Host key verification failed." line: a
 * host key refused (under BatchMode the only word of an unknown one). */
bool sshtext_hostkey_refused(const char *buf, size_t len);

#endif
