/*
 * sshkey.h — small facts about SSH keys that libssh2 does not offer:
 * OpenSSH's SHA256 fingerprint text, which kind of key a private key
 * file holds (so an RSA key can be skipped with a reason instead of
 * failing as a rejected signature), and whether a file named as an
 * identity is a private key at all (so a public key or a stray text file
 * is not reported as a key the server refused).
 */
#ifndef WARROOM_SSHKEY_H
#define WARROOM_SSHKEY_H

#include <stdbool.h>
#include <stddef.h>

enum sshkey_kind {
	SSHKEY_UNKNOWN,
	SSHKEY_ED25519,
	SSHKEY_ECDSA,
	SSHKEY_RSA,
	SSHKEY_DSA,
	SSHKEY_ENCRYPTED,        /* needs a passphrase: used through the agent only */
};

/* "SHA256:<base64 without padding>" of a 32-byte SHA-256 digest. */
void sshkey_fingerprint(const unsigned char digest[32], char *out, size_t cap);

/* OpenSSH's fingerprint text of a public key blob (its SHA-256). */
void sshkey_fingerprint_blob(const unsigned char *blob, size_t len, char *out, size_t cap);

/* A known_hosts line's key: its type ("ssh-ed25519") into type[tcap] and
 * fingerprint into fp[fcap]; 0, or -1 for a comment or a line that holds
 * no key. A marker (@cert-authority, @revoked) is skipped. */
int sshkey_known_line(const char *line, char *type, size_t tcap, char *fp, size_t fcap);

/* What a private key file's bytes hold (PEM or openssh-key-v1). */
enum sshkey_kind sshkey_private_kind(const char *buf, size_t len);

/* The same, but the key's algorithm even behind a passphrase (never
 * SSHKEY_ENCRYPTED; SSHKEY_UNKNOWN when the file does not say it). */
enum sshkey_kind sshkey_private_algo(const char *buf, size_t len);

/* What a file is, from its opening bytes' OpenSSH/PEM markers. */
enum sshkey_file {
	SSHKEY_FILE_PRIVATE,     /* a "-----BEGIN … PRIVATE KEY-----" line */
	SSHKEY_FILE_PUBLIC,      /* "ssh-ed25519 AAAA…", RFC 4716 or PEM PUBLIC KEY */
	SSHKEY_FILE_PUTTY,       /* PuTTY's .ppk, which libssh2 does not read */
	SSHKEY_FILE_OTHER,       /* anything else: text, empty, binary */
};

/* What buf/len (a file's first bytes) holds. */
enum sshkey_file sshkey_file_format(const char *buf, size_t len);

/* Whether the file at path can serve as an identity: 0, or -1 with why
 * and the fix in why[cap] ("this is the public key; name the private key
 * …"). buf/len are its first bytes, mode its st_mode; owned: it is ours,
 * when OpenSSH refuses a key readable by group or others. */
int sshkey_identity_check(const char *path, const char *buf, size_t len, unsigned mode,
    bool owned, char *why, size_t cap);

/* What a public key blob (as the agent lists it) holds. */
enum sshkey_kind sshkey_blob_kind(const unsigned char *blob, size_t len);

/* "ed25519", "ecdsa", "rsa", … for messages. */
const char *sshkey_kind_name(enum sshkey_kind k);

/* Standard base64 (RFC 4648); returns bytes written, or -1 when cap is short. */
long sshkey_base64_encode(const unsigned char *in, size_t len, char *out, size_t cap,
    int pad);

/* Decode base64, skipping whitespace; returns bytes written or -1. */
long sshkey_base64_decode(const char *in, size_t len, unsigned char *out, size_t cap);

/* The public key blob a key file holds, as the agent lists keys: from a
 * .pub line ("ssh-ed25519 AAAA… comment") or an OpenSSH private key,
 * whose public half is readable behind a passphrase too. Returns its
 * length in out[cap], or -1 (a PEM private key does not say it). */
long sshkey_public_blob(const char *buf, size_t len, unsigned char *out, size_t cap);

#endif
