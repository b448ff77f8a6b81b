/*
 * envfile.c — one variable of a .env file. Lines are `KEY=VALUE`, maybe
 * with `export ` in front, maybe quoted; `#` lines and blank lines are
 * comments. Only the lines that assign the key are rewritten.
 */
#include "warroom/envfile.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

int
envfile_check(const char *buf, size_t len, struct wr_err *err)
{
	if (len > ENVFILE_MAX)
		return wr_err_set(err, ".env is %zu bytes; more than %d is not a .env we edit",
		    len, ENVFILE_MAX);
	if (memchr(buf, '\0', len) != NULL)
		return wr_err_set(err, ".env holds a NUL byte; not a text file we edit");
	return 0;
}

/* Does the line [p, end) assign key? Then *val points at its value. */
static bool
assigns(const char *p, const char *end, const char *key, const char **val, bool *exported)
{
	size_t kl = strlen(key);

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	*exported = false;
	if ((size_t)(end - p) > 7 && memcmp(p, "export", 6) == 0 && (p[6] == ' ' ||
	    p[6] == '\t')) {
		p += 7;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		*exported = true;
	}
	if ((size_t)(end - p) <= kl || memcmp(p, key, kl) != 0)
		return false;
	p += kl;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end || *p != '=')
		return false;
	*val = p + 1;
	return true;
}

int
envfile_get(const char *buf, size_t len, const char *key, char *out, size_t cap)
{
	const char *p = buf, *end = buf + len, *nl, *v, *ve;
	bool exp;
	int found = 0;

	if (cap > 0)
		out[0] = '\0';
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (!assigns(p, nl, key, &v, &exp))
			continue;
		ve = nl;
		if (ve > v && ve[-1] == '\r')
			ve--;
		while (v < ve && (*v == ' ' || *v == '\t'))
			v++;
		if (v < ve && (*v == '"' || *v == '\'')) {
			const char *q = memchr(v + 1, *v, (size_t)(ve - v - 1));

			ve = q ? q : ve;
			v++;
		} else {
			/* An unquoted value ends at " #" (a comment) or trailing blanks. */
			const char *c;

			for (c = v; c < ve; c++)
				if (*c == '#' && c > v && (c[-1] == ' ' || c[-1] == '\t')) {
					ve = c;
					break;
				}
			while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
				ve--;
		}
		snprintf(out, cap, "%.*s", (int)(ve - v), v);
		found = 1;
		if (nl == end)
			break;
	}
	return found;
}

char *
envfile_set(const char *buf, size_t len, const char *key, const char *value, size_t *outlen)
{
	const char *p = buf, *end = buf + len, *nl, *v;
	struct wr_buf b = { 0 };
	bool exp, done = false;
	char *s;

	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (assigns(p, nl, key, &v, &exp)) {
			bool cr = nl > p && nl[-1] == '\r';

			wr_buf_printf(&b, "%s%s=%s%s", exp ? "export " : "", key, value,
			    cr ? "\r" : "");
			done = true;
		} else
			wr_buf_add(&b, p, (size_t)(nl - p));
		if (nl < end)
			wr_buf_add(&b, "\n", 1);
		else
			break;
	}
	if (!done) {
		if (len > 0 && buf[len - 1] != '\n')
			wr_buf_add(&b, "\n", 1);
		wr_buf_printf(&b, "%s=%s\n", key, value);
	}
	*outlen = b.len;
	s = wr_buf_take(&b);
	return s;
}

bool
envfile_value_valid(const char *v)
{
	size_t n = strlen(v), i;

	if (n == 0 || n > 127)
		return false;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)v[i]) && strchr("._-:/@+", v[i]) == NULL)
			return false;
	return true;
}

void
envfile_hash(const char *buf, size_t len, char out[17])
{
	uint64_t h = 14695981039346656037ull;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)buf[i];
		h *= 1099511628211ull;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}
