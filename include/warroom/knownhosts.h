/*
 * knownhosts.h — known_hosts lines as OpenSSH reads them, where libssh2
 * 1.10's knownhost API falls short: it knows no markers, so a line
 * `@revoked PATTERN KEY` is dropped as unreadable (a revoked key then
 * looks unknown, and K would trust it) and `@cert-authority` must never
 * be read as a plain key; it knows no wildcards or negated patterns. And
 * the text of the line K appends, hashed when HashKnownHosts asks.
 * HMAC-SHA1 (for |1|salt|hash names) is the caller's: no crypto here.
 */
#ifndef WARROOM_KNOWNHOSTS_H
#define WARROOM_KNOWNHOSTS_H

#include <stdbool.h>
#include <stddef.h>

enum knownhosts_marker {
	KNOWNHOSTS_PLAIN,                /* no marker: a host key */
	KNOWNHOSTS_REVOKED,              /* @revoked: this key is refused */
	KNOWNHOSTS_CA,                   /* @cert-authority: signs host certificates */
	KNOWNHOSTS_OTHER,                /* a marker OpenSSH does not know */
};

/* One known_hosts line, split; the pointers are into the line. */
struct knownhosts_line {
	enum knownhosts_marker marker;
	const char *hosts;               /* the host patterns, or |1|salt|hash */
	size_t hosts_len;
	const char *keytype;             /* "ssh-ed25519" */
	size_t keytype_len;
	const char *key;                 /* the key blob, base64 */
	size_t key_len;
};

/* Split line[len] (its newline may be there): 1 an entry, 0 a comment or
 * a blank line, -1 a line with a field missing. */
int knownhosts_split(const char *line, size_t len, struct knownhosts_line *out);

/* HMAC-SHA1 of data under key, into out (given by the caller). */
typedef void (*knownhosts_hmac_fn)(const unsigned char *key, size_t keylen,
    const unsigned char *data, size_t len, unsigned char out[20]);

/* Whether the hosts field matches name, the host as ssh looks it up
 * ("host", "[host]:port" or a HostKeyAlias): comma-separated patterns with
 * * and ?, case-insensitive, any !pattern that matches vetoing; or one
 * |1|salt|hash name (never matched when hmac is NULL). */
bool knownhosts_hosts_match(const char *hosts, size_t len, const char *name,
    knownhosts_hmac_fn hmac);

/* Whether the line's key is blob[len]. */
bool knownhosts_key_is(const struct knownhosts_line *l, const unsigned char *blob,
    size_t len);

/* The number (from 1) of the first line of a known_hosts file's bytes
 * that marks this key @revoked for name (a pattern such as * included),
 * or 0 when none does. */
int knownhosts_find_revoked(const char *buf, size_t len, const char *name,
    const unsigned char *blob, size_t bloblen, knownhosts_hmac_fn hmac);

/* The number (from 1) of the first line of a known_hosts file's bytes
 * that holds a key of name's own (no @marker), or 0 when none does. */
int knownhosts_find_name(const char *buf, size_t len, const char *name,
    knownhosts_hmac_fn hmac);

/* name hashed as ssh-keygen -H writes it, "|1|SALT|HASH", with the salt
 * given (20 random bytes); 0, or -1 when cap is short. */
int knownhosts_hash_name(const unsigned char *salt, size_t saltlen, const char *name,
    knownhosts_hmac_fn hmac, char *out, size_t cap);

/* The line K appends for name: "NAME KEYTYPE BASE64\n", begun with "\n"
 * when the file's last byte (last; -1 for an empty file) ends no line,
 * so the entry never joins the line before it. Its length, or -1 when
 * cap is short. */
long knownhosts_entry(int last, const char *name, const char *keytype,
    const unsigned char *blob, size_t len, char *out, size_t cap);

#endif
