/*
 * sshkey.c — fingerprints and key kinds. Base64 lives here because
 * OpenSSH's fingerprint text needs it and none of our libraries exports
 * it; the key-kind sniffing reads only the public header of a key file.
 */
#include "warroom/sshkey.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "warroom/util.h"

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

long
sshkey_base64_encode(const unsigned char *in, size_t len, char *out, size_t cap,
    int pad)
{
	size_t i, o = 0;

	for (i = 0; i < len; i += 3) {
		uint32_t v = (uint32_t)in[i] << 16;
		size_t n = len - i < 3 ? len - i : 3, k;

		if (n > 1)
			v |= (uint32_t)in[i + 1] << 8;
		if (n > 2)
			v |= in[i + 2];
		for (k = 0; k < 4; k++) {
			char c = k <= n ? b64[(v >> (18 - 6 * k)) & 63] : '=';

			if (c == '=' && !pad)
				break;
			if (o + 1 >= cap)
				return -1;
			out[o++] = c;
		}
	}
	if (o >= cap)
		return -1;
	out[o] = '\0';
	return (long)o;
}

long
sshkey_base64_decode(const char *in, size_t len, unsigned char *out, size_t cap)
{
	uint32_t acc = 0;
	size_t i, o = 0;
	int bits = 0;

	for (i = 0; i < len; i++) {
		const char *p;
		char c = in[i];

		if (c == '=' || c == ' ' || c == '\n' || c == '\r' || c == '\t')
			continue;
		if ((p = memchr(b64, c, 64)) == NULL)
			return -1;
		acc = (acc << 6) | (uint32_t)(p - b64);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (o >= cap)
				return -1;
			out[o++] = (unsigned char)(acc >> bits);
		}
	}
	return (long)o;
}

void
sshkey_fingerprint(const unsigned char digest[32], char *out, size_t cap)
{
	char enc[64];

	sshkey_base64_encode(digest, 32, enc, sizeof(enc), 0);
	snprintf(out, cap, "SHA256:%s", enc);
}

const char *
sshkey_kind_name(enum sshkey_kind k)
{
	switch (k) {
	case SSHKEY_ED25519: return "ed25519";
	case SSHKEY_ECDSA: return "ecdsa";
	case SSHKEY_RSA: return "rsa";
	case SSHKEY_DSA: return "dsa";
	case SSHKEY_ENCRYPTED: return "passphrase-protected";
	case SSHKEY_UNKNOWN: break;
	}
	return "unknown";
}

static enum sshkey_kind
kind_of_name(const unsigned char *s, size_t n)
{
	if (n == 11 && memcmp(s, "ssh-ed25519", 11) == 0)
		return SSHKEY_ED25519;
	if (n >= 10 && memcmp(s, "ecdsa-sha2", 10) == 0)
		return SSHKEY_ECDSA;
	if (n == 7 && memcmp(s, "ssh-rsa", 7) == 0)
		return SSHKEY_RSA;
	if (n == 7 && memcmp(s, "ssh-dss", 7) == 0)
		return SSHKEY_DSA;
	return SSHKEY_UNKNOWN;
}

/* Read an SSH wire string at *pos; NULL when it runs past the end. */
static const unsigned char *
wire_string(const unsigned char *b, size_t len, size_t *pos, size_t *n)
{
	uint32_t l;

	if (*pos + 4 > len)
		return NULL;
	l = (uint32_t)b[*pos] << 24 | (uint32_t)b[*pos + 1] << 16 |
	    (uint32_t)b[*pos + 2] << 8 | b[*pos + 3];
	if (l > len - *pos - 4)
		return NULL;
	*n = l;
	*pos += 4 + l;
	return b + *pos - l;
}

enum sshkey_kind
sshkey_blob_kind(const unsigned char *blob, size_t len)
{
	size_t pos = 0, n;
	const unsigned char *name = wire_string(blob, len, &pos, &n);

	return name ? kind_of_name(name, n) : SSHKEY_UNKNOWN;
}

#define OPENSSH_BEGIN "-----BEGIN OPENSSH PRIVATE KEY-----"
#define OPENSSH_END "-----END OPENSSH PRIVATE KEY-----"

enum sshkey_kind
sshkey_private_kind(const char *buf, size_t len)
{
	unsigned char raw[4096];
	const char *start, *end;
	size_t pos, n;
	const unsigned char *cipher, *pub;
	long got;

	if (len >= 31 && memcmp(buf, "-----BEGIN RSA PRIVATE KEY-----", 31) == 0)
		return memmem(buf, len, "ENCRYPTED", 9) ? SSHKEY_ENCRYPTED : SSHKEY_RSA;
	if (len >= 30 && memcmp(buf, "-----BEGIN EC PRIVATE KEY-----", 30) == 0)
		return memmem(buf, len, "ENCRYPTED", 9) ? SSHKEY_ENCRYPTED : SSHKEY_ECDSA;
	if (len >= 31 && memcmp(buf, "-----BEGIN DSA PRIVATE KEY-----", 31) == 0)
		return SSHKEY_DSA;
	if (len >= 37 && memcmp(buf, "-----BEGIN ENCRYPTED PRIVATE KEY-----", 37) == 0)
		return SSHKEY_ENCRYPTED;
	if ((start = memmem(buf, len, OPENSSH_BEGIN, strlen(OPENSSH_BEGIN))) == NULL)
		return SSHKEY_UNKNOWN;
	start += strlen(OPENSSH_BEGIN);
	end = memmem(start, len - (size_t)(start - buf), OPENSSH_END, strlen(OPENSSH_END));
	if (end == NULL)
		return SSHKEY_UNKNOWN;
	/* The header (magic, cipher, kdf, one public key) sits in the first
	 * few hundred bytes; decoding a prefix is enough. */
	n = (size_t)(end - start) < 2000 ? (size_t)(end - start) : 2000;
	n -= n % 4;
	if ((got = sshkey_base64_decode(start, n, raw, sizeof(raw))) < 15 ||
	    memcmp(raw, "openssh-key-v1", 15) != 0)
		return SSHKEY_UNKNOWN;
	pos = 15;
	if ((cipher = wire_string(raw, (size_t)got, &pos, &n)) == NULL)
		return SSHKEY_UNKNOWN;
	if (!(n == 4 && memcmp(cipher, "none", 4) == 0))
		return SSHKEY_ENCRYPTED;
	if (wire_string(raw, (size_t)got, &pos, &n) == NULL ||   /* kdfname */
	    wire_string(raw, (size_t)got, &pos, &n) == NULL ||   /* kdfoptions */
	    pos + 4 > (size_t)got)
		return SSHKEY_UNKNOWN;
	pos += 4;                                                /* number of keys */
	if ((pub = wire_string(raw, (size_t)got, &pos, &n)) == NULL)
		return SSHKEY_UNKNOWN;
	return sshkey_blob_kind(pub, n);
}
