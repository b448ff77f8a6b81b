/*
 * sha256.h — SHA-256 (FIPS 180-4), for OpenSSH fingerprints of keys that
 * libssh2 does not hash for us: the old key a known_hosts file holds.
 */
#ifndef WARROOM_SHA256_H
#define WARROOM_SHA256_H

#include <stddef.h>

/* The SHA-256 digest of data[len] into out. */
void sha256(const void *data, size_t len, unsigned char out[32]);

#endif
