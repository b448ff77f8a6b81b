/*
 * poststill.c — a post saying things are back, and the services still on
 * a bad release (poststill.h). The word test is deliberately loose: a
 * warning said once too often costs a glance, one missed sends customers
 * a false "fixed".
 */
#include "warroom/poststill.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "warroom/util.h"

/* Whether text has word as a whole word, any case. */
static bool
has_word(const char *text, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = text; *p != '\0'; p++) {
		if (p != text && isalnum((unsigned char)p[-1]))
			continue;
		if (strncasecmp(p, word, n) == 0 && !isalnum((unsigned char)p[n]))
			return true;
	}
	return false;
}

bool
poststill_says_fixed(enum statuspage_status status, const char *text)
{
	static const char *const words[] = {
		"back", "fixed", "resolved", "restored", "recovered", "normal",
	};
	size_t i;

	if (status == STATUSPAGE_MONITORING || status == STATUSPAGE_RESOLVED)
		return true;
	for (i = 0; text != NULL && i < WR_ARRAY_LEN(words); i++)
		if (has_word(text, words[i]))
			return true;
	return false;
}

/* Whether services a and b (rel->svc) are one clause: the same service
 * on the same release. */
static bool
same_clause(const struct badrel_svc *a, const struct badrel_svc *b)
{
	return strcmp(a->service, b->service) == 0 && badrel_same(a->tag, b->tag);
}

/* tag as the incident first judged it bad: one release, one spelling
 * (helm's "1.5.0-bad" met first is compose's "v1.5.0-bad"). */
static const char *
judged_spelling(const struct badrel *rel, const char *tag)
{
	size_t i;

	for (i = 0; i < rel->nbad; i++)
		if (badrel_same(rel->bad[i], tag))
			return rel->bad[i];
	return tag;
}

size_t
poststill_words(const struct badrel *rel, char *out, size_t cap)
{
	struct wr_buf b = { 0 };
	bool *done = xcalloc(rel->nsvc + 1, sizeof(*done));
	size_t i, j, count = 0, clauses = 0;
	char *s;

	for (i = 0; i < rel->nsvc; i++) {
		const struct badrel_svc *a = &rel->svc[i];
		size_t nhosts = 0, more = 0;

		if (done[i] || a->tag == NULL || !badrel_is_bad(rel, a->tag))
			continue;
		wr_buf_printf(&b, "%s%s on ", clauses++ > 0 ? "; " : "", a->service);
		/* Its hosts: this one and every later one on the same release. */
		for (j = i; j < rel->nsvc; j++) {
			if (done[j] || rel->svc[j].tag == NULL || !same_clause(a, &rel->svc[j]))
				continue;
			done[j] = true;
			count++;
			if (nhosts < POSTSTILL_HOSTS_MAX)
				wr_buf_printf(&b, "%s%s", nhosts > 0 ? ", " : "", rel->svc[j].host);
			else
				more++;
			nhosts++;
		}
		if (more > 0)
			wr_buf_printf(&b, " and %zu more", more);
		wr_buf_printf(&b, " still run%s %s", nhosts == 1 ? "s" : "",
		    judged_spelling(rel, a->tag));
	}
	if (clauses > 0)
		wr_buf_str(&b, " (judged bad in this incident)");
	s = wr_buf_take(&b);
	wr_strlcpy(out, s, cap);
	free(s);
	free(done);
	return count;
}
