/*
 * tagspell.c — a typed tag takes the spelling of the one release it
 * matches (see tagspell.h): what runs is what the host and releases.log
 * call it, never a near-name the registry may not have.
 */
#include "warroom/tagspell.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "warroom/badrel.h"
#include "warroom/util.h"

static bool
usable(const struct tagspell_known *k)
{
	return k->tag != NULL && k->tag[0] != '\0';
}

/* Every source of tag, once each, ", "-joined into out. */
static void
wheres(const char *tag, const struct tagspell_known *k, size_t n, char *out, size_t cap)
{
	size_t i, j, len = 0;

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (!usable(&k[i]) || strcmp(k[i].tag, tag) != 0 || k[i].where == NULL ||
		    k[i].where[0] == '\0')
			continue;
		for (j = 0; j < i; j++)
			if (usable(&k[j]) && strcmp(k[j].tag, tag) == 0 && k[j].where != NULL &&
			    strcmp(k[j].where, k[i].where) == 0)
				break;
		if (j < i || len + strlen(k[i].where) + 3 > cap)
			continue;
		len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? ", " : "", k[i].where);
	}
}

enum tagspell_kind
tagspell_resolve(const char *typed, const struct tagspell_known *k, size_t n, char *tag,
    size_t tcap, char *words, size_t wcap)
{
	const char *match = NULL, *other = NULL;
	char where[200];
	size_t i;

	wr_strlcpy(tag, typed, tcap);
	words[0] = '\0';
	if (typed[0] == '\0')
		return TAGSPELL_AS_TYPED;
	for (i = 0; i < n; i++)
		if (usable(&k[i]) && strcmp(k[i].tag, typed) == 0)
			return TAGSPELL_AS_TYPED;
	/* Two spellings of one release (v1.4.1, 1.4.1+b2) leave the pick
	 * to the engineer: no guess. */
	for (i = 0; i < n; i++) {
		if (!usable(&k[i]) || !badrel_same(k[i].tag, typed))
			continue;
		if (match == NULL)
			match = k[i].tag;
		else if (strcmp(match, k[i].tag) != 0 && other == NULL)
			other = k[i].tag;
	}
	if (match == NULL) {
		snprintf(words, wcap, "%.127s is not a release this host or releases.log knows",
		    typed);
		return TAGSPELL_UNKNOWN;
	}
	if (other != NULL) {
		snprintf(words, wcap, "%.127s is not a release this host or releases.log knows as "
		    "typed: it could be %.127s or %.127s, so it is sent as typed", typed, match,
		    other);
		return TAGSPELL_AMBIGUOUS;
	}
	wheres(match, k, n, where, sizeof(where));
	wr_strlcpy(tag, match, tcap);
	snprintf(words, wcap, "%.127s is %.127s here%s%s%s", typed, match, where[0] ? " (" : "",
	    where, where[0] ? ")" : "");
	return TAGSPELL_RESPELT;
}
