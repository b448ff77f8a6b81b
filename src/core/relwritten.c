/*
 * relwritten.c — a rollback's releases.log line read back on the host:
 * "<RFC 3339 stamp> rollback IMAGE_TAG=<tag> services=<svc> result=ok
 * by=warroom op=<op> incident=<name>", as plan_compose_rollback appends
 * it. The op tells this rollback's line from any other, whatever the
 * host's clock stamped; lines from before the op was written have only
 * their stamp, read with a margin for skew.
 */
#include "warroom/relwritten.h"

#include <stdio.h>
#include <string.h>

#include "warroom/util.h"

bool
relwritten_line(const char *tag, const char *svc, char *out, size_t cap)
{
	int n = snprintf(out, cap, "rollback IMAGE_TAG=%s services=%s result=ok by=warroom ",
	    tag, svc);

	return n > 0 && (size_t)n < cap;
}

/* Whether [p, end) is exactly "key" followed by val. */
static bool
is_field(const char *p, const char *end, const char *key, const char *val)
{
	size_t kl = strlen(key), vl = strlen(val);

	return (size_t)(end - p) == kl + vl && memcmp(p, key, kl) == 0 &&
	    memcmp(p + kl, val, vl) == 0;
}

/* One line after its stamp's space (rest, up to end): ours or not. */
static enum relwritten
one_line(const char *line, const char *sp, const char *end, const char *want, size_t wl,
    const char *op, const char *incident, int64_t since_ms)
{
	const char *rest = sp + 1, *f;
	int64_t secs;

	if ((size_t)(end - rest) < wl || memcmp(rest, want, wl) != 0)
		return RELWRITTEN_NOT_FOUND;
	rest += wl;
	if (op != NULL) {
		/* op=<op>, then " incident=…" or the line's end. */
		f = memchr(rest, ' ', (size_t)(end - rest));
		return is_field(rest, f != NULL ? f : end, "op=", op) ? RELWRITTEN_BY_OP :
		    RELWRITTEN_NOT_FOUND;
	}
	/* An op-less line of this incident, stamped since the intent less
	 * the skew margin (date(1) stamps to the second: the intent's
	 * second counts). */
	if (!is_field(rest, end, "incident=", incident != NULL ? incident : "-") ||
	    !wr_parse_rfc3339(line, (size_t)(sp - line), &secs, NULL) ||
	    secs < since_ms / 1000 - RELWRITTEN_SKEW_S)
		return RELWRITTEN_NOT_FOUND;
	return RELWRITTEN_BY_TIME;
}

enum relwritten
relwritten_find(const char *text, const char *tag, const char *svc, const char *op,
    const char *incident, int64_t since_ms)
{
	char want[600];
	const char *p = text, *nl, *end, *sp;
	enum relwritten r;
	size_t wl;

	if (text == NULL || !relwritten_line(tag, svc, want, sizeof(want)))
		return RELWRITTEN_NOT_FOUND;
	wl = strlen(want);
	for (; *p != '\0'; p = nl[0] != '\0' ? nl + 1 : nl) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		end = nl > p && nl[-1] == '\r' ? nl - 1 : nl;
		sp = memchr(p, ' ', (size_t)(end - p));
		if (sp != NULL && (r = one_line(p, sp, end, want, wl, op, incident, since_ms)) !=
		    RELWRITTEN_NOT_FOUND)
			return r;
	}
	return RELWRITTEN_NOT_FOUND;
}

bool
relwritten_names_op(const char *record_cmd, const char *op)
{
	char want[128];
	int n = snprintf(want, sizeof(want), " by=warroom op=%s ", op);

	return record_cmd != NULL && n > 0 && (size_t)n < sizeof(want) &&
	    strstr(record_cmd, want) != NULL;
}
