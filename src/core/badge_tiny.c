/*
 * badge_tiny.c — the header badges' tiniest wordings: the alarm word and
 * the count, the names and explanations left to the wider wordings; and
 * the schema-ahead and changed-key badges' three wordings, which only the
 * HOSTS rows feed.
 */
#include <stdio.h>
#include <string.h>

#include "warroom/badge_tiny.h"

void
badge_tiny_armed(const char *who, bool gone, char *dst, size_t cap)
{
	const char *paren = strstr(who, " (");
	int n = paren != NULL && paren > who ? (int)(paren - who) : (int)strlen(who);

	/* The label, not its user@host: that is in the wider wording. */
	snprintf(dst, cap, gone ? " ARMED GONE: %.*s " : " ARMED: %.*s ", n > 60 ? 60 : n, who);
}

void
badge_tiny_none_yet(size_t n, char *dst, size_t cap)
{
	snprintf(dst, cap, " %zu NO OUTCOME ", n);
}

void
badge_tiny_exports(size_t non, size_t nunknown, char *dst, size_t cap)
{
	if (non > 0 && nunknown > 0)
		snprintf(dst, cap, " EXPORTS ON: %zu; ?: %zu ", non, nunknown);
	else if (non > 0)
		snprintf(dst, cap, " EXPORTS ON: %zu ", non);
	else if (nunknown > 0)
		snprintf(dst, cap, " EXPORTS ?: %zu ", nunknown);
	else if (cap > 0)
		dst[0] = '\0';
}

void
badge_tiny_statuspage(const struct statuspage_badge_in *in, char *dst, size_t cap)
{
	static const char from[] = " STATUS PAGE: ";
	char shortest[200];

	/* The shortest wordings of these states carry a why ("console gone",
	 * "HTTP 500") too wide beside four other badges at 80 columns. */
	if (in->pending > 0 && in->gone > 0)
		snprintf(dst, cap, " SP: %d STUCK ", in->gone);
	else if (in->pending > 0 && in->failing)
		snprintf(dst, cap, " SP: %d FAILING ", in->pending);
	else if (in->pending > 0 && in->failed > 0)
		snprintf(dst, cap, " SP: %d FAILED ", in->failed);
	else if (statuspage_badge(in, 0, shortest, sizeof(shortest)) > 0 &&
	    strncmp(shortest, from, sizeof(from) - 1) == 0)
		snprintf(dst, cap, " SP: %s", shortest + sizeof(from) - 1);
	else if (cap > 0)
		dst[0] = '\0';
}

/* A badge naming hosts: up to three names, the count, then the tiny
 * word and the count. */
static void
badge_named(const char *word, const char *tiny, const char *const *names, size_t n, int form,
    char *dst, size_t cap)
{
	size_t i, len;

	if (cap == 0)
		return;
	dst[0] = '\0';
	if (n == 0 || form < 0 || form > 2)
		return;
	if (form == 2) {
		snprintf(dst, cap, " %s: %zu ", tiny, n);
		return;
	}
	if (form == 1) {
		snprintf(dst, cap, " %s: %zu ", word, n);
		return;
	}
	snprintf(dst, cap, " %s:", word);
	for (i = 0; i < n && i < 3; i++) {
		len = strlen(dst);
		snprintf(dst + len, cap - len, " %.40s", names[i]);
	}
	len = strlen(dst);
	snprintf(dst + len, cap - len, "%s ", n > 3 ? " …" : "");
}

void
badge_schema_ahead(const char *const *names, size_t n, int form, char *dst, size_t cap)
{
	badge_named("SCHEMA AHEAD", "AHEAD", names, n, form, dst, cap);
}

void
badge_key_changed(const char *const *names, size_t n, int form, char *dst, size_t cap)
{
	badge_named("KEY CHANGED", "KEY CHG", names, n, form, dst, cap);
}
