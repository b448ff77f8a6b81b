/*
 * sshkey.c — fingerprints and key kinds. Base64 lives here because
 * OpenSSH's fingerprint text needs it and none of our libraries exports
 * it; the key-kind sniffing reads only the public header of a key file,
 * and the identity check only its markers (no key is ever decoded here).
 */
#include "warroom/sshkey.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "warroom/sha256.h"
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

void
sshkey_fingerprint_blob(const unsigned char *blob, size_t len, char *out, size_t cap)
{
	unsigned char d[32];

	sha256(blob, len, d);
	sshkey_fingerprint(d, out, cap);
}

int
sshkey_known_line(const char *line, char *type, size_t tcap, char *fp, size_t fcap)
{
	char buf[16384], *f[4], *save = NULL, *tok;
	unsigned char blob[12288];
	int n = 0;
	long len;

	wr_strlcpy(buf, line, sizeof(buf));
	for (tok = strtok_r(buf, " \t\r\n", &save); tok != NULL && n < 4;
	    tok = strtok_r(NULL, " \t\r\n", &save)) {
		if (n == 0 && tok[0] == '#')
			return -1;
		if (n == 0 && tok[0] == '@')
			continue;
		f[n++] = tok;
	}
	/* hosts, type, base64 key */
	if (n < 3 || (len = sshkey_base64_decode(f[2], strlen(f[2]), blob, sizeof(blob))) <= 0)
		return -1;
	wr_strlcpy(type, f[1], tcap);
	sshkey_fingerprint_blob(blob, (size_t)len, fp, fcap);
	return 0;
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

/* The openssh-key-v1 body of a private key file in buf, base64 decoded
 * into raw (at most max characters of it: the clear header sits in the
 * first few hundred bytes): how many bytes, with pos just past the magic;
 * -2 when buf has no such key's armour, -1 when it is cut or not one. */
static long
openssh_body(const char *buf, size_t len, size_t max, unsigned char raw[4096], size_t *pos)
{
	const char *start, *end;
	size_t n;
	long got;

	if ((start = memmem(buf, len, OPENSSH_BEGIN, strlen(OPENSSH_BEGIN))) == NULL)
		return -2;
	start += strlen(OPENSSH_BEGIN);
	end = memmem(start, len - (size_t)(start - buf), OPENSSH_END, strlen(OPENSSH_END));
	if (end == NULL)
		return -1;
	n = (size_t)(end - start) < max ? (size_t)(end - start) : max;
	n -= n % 4;
	if ((got = sshkey_base64_decode(start, n, raw, 4096)) < 15 ||
	    memcmp(raw, "openssh-key-v1", 15) != 0)
		return -1;
	*pos = 15;
	return got;
}

/* through: the key's algorithm even when a passphrase protects it (PEM
 * names it; openssh-key-v1 keeps the public key in clear). */
static enum sshkey_kind
private_kind(const char *buf, size_t len, bool through)
{
	unsigned char raw[4096];
	size_t pos, n;
	const unsigned char *cipher, *pub;
	long got;

	if (len >= 31 && memcmp(buf, "-----BEGIN RSA PRIVATE KEY-----", 31) == 0)
		return memmem(buf, len, "ENCRYPTED", 9) && !through ? SSHKEY_ENCRYPTED : SSHKEY_RSA;
	if (len >= 30 && memcmp(buf, "-----BEGIN EC PRIVATE KEY-----", 30) == 0)
		return memmem(buf, len, "ENCRYPTED", 9) && !through ? SSHKEY_ENCRYPTED :
		    SSHKEY_ECDSA;
	if (len >= 31 && memcmp(buf, "-----BEGIN DSA PRIVATE KEY-----", 31) == 0)
		return SSHKEY_DSA;
	if (len >= 37 && memcmp(buf, "-----BEGIN ENCRYPTED PRIVATE KEY-----", 37) == 0)
		return through ? SSHKEY_UNKNOWN : SSHKEY_ENCRYPTED;
	/* The header (magic, cipher, kdf, one public key) sits in the first
	 * few hundred bytes; decoding a prefix is enough. */
	if ((got = openssh_body(buf, len, 2000, raw, &pos)) < 0)
		return SSHKEY_UNKNOWN;
	if ((cipher = wire_string(raw, (size_t)got, &pos, &n)) == NULL)
		return SSHKEY_UNKNOWN;
	if (!(n == 4 && memcmp(cipher, "none", 4) == 0) && !through)
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

enum sshkey_kind
sshkey_private_kind(const char *buf, size_t len)
{
	return private_kind(buf, len, false);
}

enum sshkey_kind
sshkey_private_algo(const char *buf, size_t len)
{
	return private_kind(buf, len, true);
}

/* The line at p (up to a newline or end) ends with suffix, trailing
 * spaces and '\r' aside. */
static bool
line_ends_with(const char *p, const char *end, const char *suffix)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	size_t n = strlen(suffix);

	if (nl == NULL)
		nl = end;
	while (nl > p && (nl[-1] == '\r' || nl[-1] == ' ' || nl[-1] == '\t'))
		nl--;
	return (size_t)(nl - p) >= n && memcmp(nl - n, suffix, n) == 0;
}

/* A line starting with prefix whose end is suffix, anywhere in buf (PEM
 * allows text before the armour, as openssl writes "Bag Attributes"). */
static bool
has_armour(const char *buf, size_t len, const char *prefix, const char *suffix)
{
	const char *p = buf, *end = buf + len;
	size_t n = strlen(prefix);

	while (p < end) {
		if ((size_t)(end - p) >= n && memcmp(p, prefix, n) == 0 &&
		    line_ends_with(p, end, suffix))
			return true;
		if ((p = memchr(p, '\n', (size_t)(end - p))) == NULL)
			break;
		p++;
	}
	return false;
}

static bool
starts(const char *p, const char *end, const char *prefix)
{
	size_t n = strlen(prefix);

	return (size_t)(end - p) >= n && memcmp(p, prefix, n) == 0;
}

enum sshkey_file
sshkey_file_format(const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len, *sp;

	if (has_armour(buf, len, "-----BEGIN ", "PRIVATE KEY-----"))
		return SSHKEY_FILE_PRIVATE;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	if (starts(p, end, "PuTTY-User-Key-File"))
		return SSHKEY_FILE_PUTTY;
	if (has_armour(buf, len, "---- BEGIN SSH2 PUBLIC KEY", "----") ||
	    has_armour(buf, len, "-----BEGIN ", "PUBLIC KEY-----"))
		return SSHKEY_FILE_PUBLIC;
	/* An OpenSSH public key line: a key type, a space, a base64 blob
	 * whose 32-bit length prefix always encodes as "AAAA". */
	if ((starts(p, end, "ssh-") || starts(p, end, "ecdsa-") || starts(p, end, "sk-")) &&
	    (sp = memchr(p, ' ', (size_t)(end - p))) != NULL && starts(sp + 1, end, "AAAA"))
		return SSHKEY_FILE_PUBLIC;
	return SSHKEY_FILE_OTHER;
}

int
sshkey_identity_check(const char *path, const char *buf, size_t len, unsigned mode,
    bool owned, char *why, size_t cap)
{
	size_t n = strlen(path);

	switch (sshkey_file_format(buf, len)) {
	case SSHKEY_FILE_PRIVATE:
		break;
	case SSHKEY_FILE_PUBLIC:
		if (n > 4 && strcmp(path + n - 4, ".pub") == 0)
			snprintf(why, cap, "this is the public key; name the private key %.*s",
			    (int)(n - 4), path);
		else
			snprintf(why, cap, "this is a public key; name its private key (the "
			    "file ssh-keygen wrote beside the .pub)");
		return -1;
	case SSHKEY_FILE_PUTTY:
		snprintf(why, cap, "this is a PuTTY key, which libssh2 cannot read; convert it: "
		    "puttygen %s -O private-openssh -o KEYFILE", path);
		return -1;
	case SSHKEY_FILE_OTHER:
		snprintf(why, cap, "%s; name the private key file, as for ssh -i", len == 0 ?
		    "this file is empty" : "this is not a private key (no \"-----BEGIN … "
		    "PRIVATE KEY-----\" line)");
		return -1;
	}
	/* OpenSSH ignores such a key ("UNPROTECTED PRIVATE KEY FILE"), and
	 * anyone who could read it could be this engineer on production. */
	if (owned && (mode & 077) != 0) {
		snprintf(why, cap, "permissions %04o are too open (ssh would ignore this key "
		    "too); chmod 600 %s", mode & 07777, path);
		return -1;
	}
	return 0;
}

/* "type base64…" on the first line: the blob, if it names that type. */
static long
public_line_blob(const char *buf, size_t len, unsigned char *out, size_t cap)
{
	const char *p = buf, *end = buf + len, *type, *b;
	size_t tlen, pos = 0, n;
	const unsigned char *name;
	long got;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	for (type = p; p < end && *p != ' ' && *p != '\t' && *p != '\n'; p++)
		;
	tlen = (size_t)(p - type);
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	for (b = p; p < end && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r'; p++)
		;
	if (tlen == 0 || p == b ||
	    (got = sshkey_base64_decode(b, (size_t)(p - b), out, cap)) < 0 ||
	    (name = wire_string(out, (size_t)got, &pos, &n)) == NULL ||
	    n != tlen || memcmp(name, type, n) != 0)
		return -1;
	return got;
}

long
sshkey_public_blob(const char *buf, size_t len, unsigned char *out, size_t cap)
{
	unsigned char raw[4096];
	const unsigned char *pub;
	size_t pos, n;
	long got;

	/* The public key comes before the (maybe encrypted) private part:
	 * magic, cipher, kdf, kdf options, the number of keys, then it. */
	if ((got = openssh_body(buf, len, 4000, raw, &pos)) == -2)
		return public_line_blob(buf, len, out, cap);
	if (got < 0)
		return -1;
	if (wire_string(raw, (size_t)got, &pos, &n) == NULL ||   /* cipher */
	    wire_string(raw, (size_t)got, &pos, &n) == NULL ||   /* kdfname */
	    wire_string(raw, (size_t)got, &pos, &n) == NULL ||   /* kdfoptions */
	    pos + 4 > (size_t)got)
		return -1;
	pos += 4;
	if ((pub = wire_string(raw, (size_t)got, &pos, &n)) == NULL || n > cap)
		return -1;
	memcpy(out, pub, n);
	return (long)n;
}
