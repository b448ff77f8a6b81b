/*
 * knownhosts.c — known_hosts lines read as OpenSSH's hostfile.c does:
 * an optional marker, the host patterns, the key type and the key. Host
 * patterns match as ssh's match_hostname(): case-insensitive globs with
 * * and ?, a negated pattern that matches overriding any other, and
 * hashed names compared through the caller's HMAC-SHA1.
 */
#include "warroom/knownhosts.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "warroom/sshkey.h"
#include "warroom/util.h"

/* The next whitespace-separated field of [*p, end), or false. */
static bool
field(const char **p, const char *end, const char **f, size_t *n)
{
	const char *s = *p;

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	if (s == end || *s == '\n' || *s == '\r')
		return false;
	*f = s;
	while (s < end && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
		s++;
	*n = (size_t)(s - *f);
	*p = s;
	return true;
}

int
knownhosts_split(const char *line, size_t len, struct knownhosts_line *out)
{
	const char *p = line, *end = line + len, *f;
	size_t n;

	memset(out, 0, sizeof(*out));
	if (!field(&p, end, &f, &n) || f[0] == '#')
		return 0;
	if (f[0] == '@') {
		if (n == 8 && memcmp(f, "@revoked", 8) == 0)
			out->marker = KNOWNHOSTS_REVOKED;
		else if (n == 15 && memcmp(f, "@cert-authority", 15) == 0)
			out->marker = KNOWNHOSTS_CA;
		else
			out->marker = KNOWNHOSTS_OTHER;
		if (!field(&p, end, &f, &n))
			return -1;
	}
	out->hosts = f;
	out->hosts_len = n;
	if (!field(&p, end, &out->keytype, &out->keytype_len) ||
	    !field(&p, end, &out->key, &out->key_len))
		return -1;
	return 1;
}

/* pat[plen] against s, as ssh's match_pattern() with lower-casing: * any
 * run, ? any one character. Iterative, so no pattern is exponential. */
static bool
glob(const char *pat, size_t plen, const char *s)
{
	size_t pi = 0, si = 0, star = (size_t)-1, mark = 0, slen = strlen(s);

	while (si < slen) {
		if (pi < plen && (pat[pi] == '?' ||
		    tolower((unsigned char)pat[pi]) == tolower((unsigned char)s[si]))) {
			pi++;
			si++;
		} else if (pi < plen && pat[pi] == '*') {
			star = pi++;
			mark = si;
		} else if (star != (size_t)-1) {
			pi = star + 1;
			si = ++mark;
		} else
			return false;
	}
	while (pi < plen && pat[pi] == '*')
		pi++;
	return pi == plen;
}

/* |1|salt|hash against name. */
static bool
hashed_match(const char *h, size_t len, const char *name, knownhosts_hmac_fn hmac)
{
	unsigned char salt[64], want[64], got[20];
	const char *bar;
	long ns, nw;

	if (hmac == NULL || len < 4 || memcmp(h, "|1|", 3) != 0)
		return false;
	h += 3;
	len -= 3;
	if ((bar = memchr(h, '|', len)) == NULL)
		return false;
	ns = sshkey_base64_decode(h, (size_t)(bar - h), salt, sizeof(salt));
	nw = sshkey_base64_decode(bar + 1, len - (size_t)(bar + 1 - h), want, sizeof(want));
	if (ns <= 0 || nw != 20)
		return false;
	hmac(salt, (size_t)ns, (const unsigned char *)name, strlen(name), got);
	return memcmp(got, want, 20) == 0;
}

bool
knownhosts_hosts_match(const char *hosts, size_t len, const char *name,
    knownhosts_hmac_fn hmac)
{
	const char *p = hosts, *end = hosts + len;
	bool positive = false;

	if (len >= 3 && memcmp(hosts, "|1|", 3) == 0)
		return hashed_match(hosts, len, name, hmac);
	while (p < end) {
		const char *c = memchr(p, ',', (size_t)(end - p));
		const char *e = c != NULL ? c : end;
		bool neg = *p == '!';

		if (glob(p + neg, (size_t)(e - p - neg), name)) {
			if (neg)
				return false;
			positive = true;
		}
		p = e + 1;
	}
	return positive;
}

bool
knownhosts_key_is(const struct knownhosts_line *l, const unsigned char *blob, size_t len)
{
	unsigned char buf[16384];
	long n;

	if (l->key == NULL || l->key_len > 4 * sizeof(buf) / 3)
		return false;
	n = sshkey_base64_decode(l->key, l->key_len, buf, sizeof(buf));
	return n > 0 && (size_t)n == len && memcmp(buf, blob, len) == 0;
}

/* The 1-based line of the first line naming name with marker (and, with
 * blob, that key), or 0. */
static int
find_line(const char *buf, size_t len, const char *name, enum knownhosts_marker marker,
    const unsigned char *blob, size_t bloblen, knownhosts_hmac_fn hmac)
{
	size_t pos = 0;
	int lineno = 0;

	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t e = nl != NULL ? (size_t)(nl - buf) : len;
		struct knownhosts_line l;

		lineno++;
		if (knownhosts_split(buf + pos, e - pos, &l) == 1 && l.marker == marker &&
		    (blob == NULL || knownhosts_key_is(&l, blob, bloblen)) &&
		    knownhosts_hosts_match(l.hosts, l.hosts_len, name, hmac))
			return lineno;
		pos = e + 1;
	}
	return 0;
}

int
knownhosts_find_revoked(const char *buf, size_t len, const char *name,
    const unsigned char *blob, size_t bloblen, knownhosts_hmac_fn hmac)
{
	return find_line(buf, len, name, KNOWNHOSTS_REVOKED, blob, bloblen, hmac);
}

int
knownhosts_find_name(const char *buf, size_t len, const char *name, knownhosts_hmac_fn hmac)
{
	/* A marked line is no key of the host's own (read_known_file). */
	return find_line(buf, len, name, KNOWNHOSTS_PLAIN, NULL, 0, hmac);
}

int
knownhosts_hash_name(const unsigned char *salt, size_t saltlen, const char *name,
    knownhosts_hmac_fn hmac, char *out, size_t cap)
{
	unsigned char digest[20];
	size_t used;

	hmac(salt, saltlen, (const unsigned char *)name, strlen(name), digest);
	if (cap < 4)
		return -1;
	memcpy(out, "|1|", 4);
	used = 3;
	if (sshkey_base64_encode(salt, saltlen, out + used, cap - used, 1) < 0)
		return -1;
	used = strlen(out);
	if (used + 2 >= cap)
		return -1;
	out[used++] = '|';
	out[used] = '\0';
	return sshkey_base64_encode(digest, sizeof(digest), out + used, cap - used, 1) < 0 ?
	    -1 : 0;
}

long
knownhosts_entry(int last, const char *name, const char *keytype,
    const unsigned char *blob, size_t len, char *out, size_t cap)
{
	size_t used = 0, n;

	if (last >= 0 && last != '\n') {
		if (cap < 2)
			return -1;
		out[used++] = '\n';
	}
	n = strlen(name) + 1 + strlen(keytype) + 1;
	if (used + n >= cap)
		return -1;
	used += (size_t)snprintf(out + used, cap - used, "%s %s ", name, keytype);
	if (sshkey_base64_encode(blob, len, out + used, cap - used, 1) < 0)
		return -1;
	used = strlen(out);
	if (used + 2 > cap)
		return -1;
	out[used++] = '\n';
	out[used] = '\0';
	return (long)used;
}
