/*
 * rbkey.c — runbook keys from their paths. Paths are compared by whole
 * components from the end, so "myteam/check.md" never passes for
 * "team/check.md"; empty and "." components do not count. The key of a
 * path is the fewest trailing components no other path shares; a file
 * loaded alone keeps its bare name, which is what every journal written
 * before keys existed holds.
 */
#include "warroom/rbkey.h"
#include "warroom/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The components of path, last first: pointers into path and lengths. */
struct comps {
	const char **at;
	size_t *len;
	size_t n;
};

static void
comps_of(const char *path, struct comps *c)
{
	size_t cap = 1, i, k;
	const char *p;

	for (p = path; *p != '\0'; p++)
		cap += *p == '/';
	c->at = xcalloc(cap, sizeof(*c->at));
	c->len = xcalloc(cap, sizeof(*c->len));
	c->n = 0;
	for (p = path; *p != '\0';) {
		const char *s = p;

		while (*p != '\0' && *p != '/')
			p++;
		if (p > s && !(p - s == 1 && s[0] == '.')) {
			c->at[c->n] = s;
			c->len[c->n++] = (size_t)(p - s);
		}
		while (*p == '/')
			p++;
	}
	/* Last first: component 0 is the file name. */
	for (i = 0, k = c->n; i < k / 2; i++) {
		const char *a = c->at[i];
		size_t l = c->len[i];

		c->at[i] = c->at[k - 1 - i];
		c->len[i] = c->len[k - 1 - i];
		c->at[k - 1 - i] = a;
		c->len[k - 1 - i] = l;
	}
}

static void
comps_free(struct comps *c)
{
	free(c->at);
	free(c->len);
}

/* How many trailing components a and b have in common. */
static size_t
common(const struct comps *a, const struct comps *b)
{
	size_t k = 0;

	while (k < a->n && k < b->n && a->len[k] == b->len[k] &&
	    memcmp(a->at[k], b->at[k], a->len[k]) == 0)
		k++;
	return k;
}

/* The last k components of c joined by '/'. */
static char *
join_last(const struct comps *c, size_t k)
{
	size_t i, len = 0;
	char *s, *p;

	for (i = 0; i < k; i++)
		len += c->len[i] + 1;
	s = p = xmalloc(len + 1);
	for (i = k; i-- > 0;) {
		memcpy(p, c->at[i], c->len[i]);
		p += c->len[i];
		if (i > 0)
			*p++ = '/';
	}
	*p = '\0';
	return s;
}

void
rbkey_names(const char *const *paths, size_t n, char **keys)
{
	struct comps *c = xcalloc(n + 1, sizeof(*c));
	size_t i, j, m;

	for (i = 0; i < n; i++)
		comps_of(paths[i], &c[i]);
	for (i = 0; i < n; i++) {
		for (j = 0, m = 0; j < n; j++)
			if (j != i && common(&c[i], &c[j]) > m)
				m = common(&c[i], &c[j]);
		/* One more component than any other path shares, if it has one. */
		keys[i] = m < c[i].n ? join_last(&c[i], m + 1) : xstrdup(paths[i]);
	}
	for (i = 0; i < n; i++)
		comps_free(&c[i]);
	free(c);
}

bool
rbkey_names_path(const char *key, const char *path)
{
	struct comps k, p;
	bool yes;

	if (key[0] == '/')
		return strcmp(key, path) == 0;
	comps_of(key, &k);
	comps_of(path, &p);
	yes = k.n > 0 && common(&k, &p) == k.n;
	comps_free(&k);
	comps_free(&p);
	return yes;
}

bool
rbkey_split(const char *id, char *key, size_t cap, int *line)
{
	const char *colon = strrchr(id, ':'), *d;
	long v = 0;

	if (colon == NULL || colon == id || colon[1] == '\0')
		return false;
	for (d = colon + 1; *d != '\0'; d++) {
		if (*d < '0' || *d > '9' || v > 100000000)
			return false;
		v = v * 10 + (*d - '0');
	}
	if (cap > 0)
		snprintf(key, cap, "%.*s", (int)(colon - id), id);
	*line = (int)v;
	return true;
}

void
rbkey_id(const char *key, int line, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s:%d", key, line);
}
