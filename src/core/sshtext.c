/*
 * sshtext.c — reads OpenSSH's stderr. ssh says what went wrong in its
 * own words (a bad ssh_config line, "Host key verification failed."); a
 * child's stderr thrown away left libssh2's "Failed getting banner" in
 * their place. The changed-key warning is matched on its fixed lines,
 * which OpenSSH has printed the same way for twenty years.
 */
#include "warroom/sshtext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/sanitize.h"

void
sshtext_tail(const char *buf, size_t len, int nlines, char *out, size_t cap)
{
	size_t end = len, starts[16], jl;
	struct wr_buf joined = { 0 };
	char *text;
	int n = 0, i;

	out[0] = '\0';
	if (nlines > (int)WR_ARRAY_LEN(starts))
		nlines = (int)WR_ARRAY_LEN(starts);
	/* Backwards, line by line, keeping the non-empty ones. */
	while (end > 0 && n < nlines) {
		size_t e = end, b;

		while (e > 0 && (buf[e - 1] == '\n' || buf[e - 1] == '\r' || buf[e - 1] == ' '))
			e--;
		if (e == 0)
			break;
		b = e;
		while (b > 0 && buf[b - 1] != '\n')
			b--;
		starts[n++] = b;
		end = b;
	}
	for (i = n - 1; i >= 0; i--) {
		size_t b = starts[i], e = b;

		while (e < len && buf[e] != '\n')
			e++;
		while (e > b && (buf[e - 1] == '\r' || buf[e - 1] == ' '))
			e--;
		if (joined.len > 0)
			wr_buf_str(&joined, " / ");
		wr_buf_add(&joined, buf + b, e - b);
	}
	/* Sanitized whole: cut to cap as valid UTF-8, with the marker. */
	jl = joined.len;
	text = wr_buf_take(&joined);
	sanitize_line(text, jl, out, cap);
	free(text);
}

/* The line of buf after the one that starts with prefix, or NULL. */
static const char *
find_line(const char *buf, size_t len, const char *prefix, size_t *linelen)
{
	size_t pl = strlen(prefix), pos = 0;

	while (pos < len) {
		size_t e = pos;

		while (e < len && buf[e] != '\n')
			e++;
		if (e - pos >= pl && memcmp(buf + pos, prefix, pl) == 0) {
			*linelen = e - pos;
			while (*linelen > 0 && buf[pos + *linelen - 1] == '\r')
				(*linelen)--;
			return buf + pos;
		}
		pos = e + 1;
	}
	return NULL;
}

/* Copy [s, s+n) sanitized into out[cap]. */
static void
copy_clean(const char *s, size_t n, char *out, size_t cap)
{
	sanitize_line(s, n, out, cap);
}

bool
sshtext_hostkey_changed(const char *buf, size_t len, struct sshtext_changed *out)
{
	static const char warn[] = "REMOTE HOST IDENTIFICATION HAS CHANGED";
	static const char fp_intro[] = "The fingerprint for the ";
	static const char offending[] = "Offending ";
	static const char host_for[] = "Host key for ";
	const char *l, *p;
	size_t n;

	memset(out, 0, sizeof(*out));
	if (len < sizeof(warn) - 1 || memmem(buf, len, warn, sizeof(warn) - 1) == NULL)
		return false;
	/* "The fingerprint for the ED25519 key sent by the remote host is"
	 * then the fingerprint, with a full stop, on a line of its own. */
	if ((l = find_line(buf, len, fp_intro, &n)) != NULL) {
		const char *type = l + sizeof(fp_intro) - 1, *sp = memchr(type, ' ', n -
		    (size_t)(type - l));
		const char *next = l + n, *e;

		if (sp != NULL)
			copy_clean(type, (size_t)(sp - type), out->keytype, sizeof(out->keytype));
		while (next < buf + len && (*next == '\n' || *next == '\r'))
			next++;
		for (e = next; e < buf + len && *e != '\n' && *e != '\r'; e++)
			;
		if (e > next && e[-1] == '.')
			e--;
		if (e - next > 7 && memcmp(next, "SHA256:", 7) == 0)
			copy_clean(next, (size_t)(e - next), out->fingerprint,
			    sizeof(out->fingerprint));
	}
	/* "Offending ED25519 key in /path/known_hosts:3" */
	if ((l = find_line(buf, len, offending, &n)) != NULL &&
	    (p = memmem(l, n, " key in ", 8)) != NULL) {
		const char *f = p + 8, *colon = NULL;

		for (p = l + n; p > f; p--)
			if (p[-1] == ':') {
				colon = p - 1;
				break;
			}
		if (colon != NULL && colon + 1 < l + n) {
			char num[16];

			copy_clean(colon + 1, (size_t)(l + n - colon - 1), num, sizeof(num));
			out->line = atoi(num);
			copy_clean(f, (size_t)(colon - f), out->file, sizeof(out->file));
		} else
			copy_clean(f, (size_t)(l + n - f), out->file, sizeof(out->file));
	}
	/* "Host key for [127.0.0.1]:22201 has changed and you have …" */
	if ((l = find_line(buf, len, host_for, &n)) != NULL &&
	    (p = memmem(l + sizeof(host_for) - 1, n - (sizeof(host_for) - 1), " has changed",
	    12)) != NULL)
		/* Searched after the prefix, whose own last space would make
		 * "Host key for has changed" a name of length -1. */
		copy_clean(l + sizeof(host_for) - 1, (size_t)(p - l - (sizeof(host_for) - 1)),
		    out->name, sizeof(out->name));
	return true;
}

bool
sshtext_hostkey_unknown(const char *buf, size_t len, struct sshtext_changed *out)
{
	static const char no[] = "No ";
	static const char known[] = " host key is known for ";
	static const char strict[] = " and you have requested strict checking";
	const char *l, *k, *s, *rest;
	size_t n;

	memset(out, 0, sizeof(*out));
	/* "No ED25519 host key is known for [127.0.0.1]:22201 and you have
	 * requested strict checking." */
	if ((l = find_line(buf, len, no, &n)) == NULL ||
	    (k = memmem(l, n, known, sizeof(known) - 1)) == NULL)
		return false;
	rest = k + sizeof(known) - 1;
	if ((s = memmem(rest, (size_t)(l + n - rest), strict, sizeof(strict) - 1)) == NULL)
		return false;
	copy_clean(l + sizeof(no) - 1, (size_t)(k - l - (sizeof(no) - 1)), out->keytype,
	    sizeof(out->keytype));
	copy_clean(rest, (size_t)(s - rest), out->name, sizeof(out->name));
	return true;
}

bool
sshtext_hostkey_refused(const char *buf, size_t len)
{
	size_t n;

	return find_line(buf, len, "Host key verification failed.", &n) != NULL;
}
