/*
 * sshkey.h — small facts about SSH keys that libssh2 does not offer:
 * OpenSSH's SHA256 fingerprint text, and which kind of key a private key
 * file holds (so an RSA key can be skipped with a reason instead of
 * failing as a rejected signature).
 */
#ifndef WARROOM_SSHKEY_H
#define WARROOM_SSHKEY_H

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

/* What a private key file's bytes hold (PEM or openssh-key-v1). */
enum sshkey_kind sshkey_private_kind(const char *buf, size_t len);

/* What a public key blob (as the agent lists it) holds. */
enum sshkey_kind sshkey_blob_kind(const unsigned char *blob, size_t len);

/* "ed25519", "ecdsa", "rsa", … for messages. */
const char *sshkey_kind_name(enum sshkey_kind k);

/* Standard base64 (RFC 4648); returns bytes written, or -1 when cap is short. */
long sshkey_base64_encode(const unsigned char *in, size_t len, char *out, size_t cap,
    int pad);

/* Decode base64, skipping whitespace; returns bytes written or -1. */
long sshkey_base64_decode(const char *in, size_t len, unsigned char *out, size_t cap);

#endif
