/*
 * logjump.c — a moment typed to jump LOGS to. Pure: the caller passes the
 * time. The ring finds the line (logbuf_seek_time).
 */
#include "warroom/logjump.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "warroom/logbuf.h"

/* Whether p ends in word (any case) after something else; if so, the
 * end is cut there, spaces before it too. */
static bool
cut_word(char *p, const char *word)
{
	size_t n = strlen(p), w = strlen(word);

	if (n <= w || strcasecmp(p + n - w, word) != 0)
		return false;
	for (n -= w; n > 0 && p[n - 1] == ' '; n--)
		;
	p[n] = '\0';
	return true;
}

int
logjump_parse(const char *text, int64_t now_s, int64_t *out_s, struct wr_err *err)
{
	char buf[64];
	char *p;
	bool ago, utc;
	long span;
	int hh, mm, ss = 0, used = 0;
	int64_t day, at;

	wr_strlcpy(buf, text, sizeof(buf));
	p = wr_trim(buf);
	if (wr_parse_rfc3339(p, strlen(p), &at, NULL)) {
		*out_s = at;
		return 0;
	}
	/* The words help and the prompt show ("10m ago", "19:30 UTC") are
	 * what the plain forms mean anyway; each only with its own form. */
	ago = cut_word(p, "ago");
	utc = !ago && (cut_word(p, "UTC") || cut_word(p, "Z"));
	/* "10m" and "-10m" both mean ten minutes ago: logs hold the past. */
	if (!utc && !(ago && *p == '-') &&
	    wr_parse_span(*p == '-' ? p + 1 : p, &span) == 0) {
		*out_s = now_s - span;
		return 0;
	}
	if (!ago && (sscanf(p, "%2d:%2d:%2d%n", &hh, &mm, &ss, &used) == 3 ||
	    (ss = 0, sscanf(p, "%2d:%2d%n", &hh, &mm, &used) == 2)) && p[used] == '\0' &&
	    hh >= 0 && hh < 24 && mm >= 0 && mm < 60 && ss >= 0 && ss < 60) {
		day = now_s - (now_s % 86400 + 86400) % 86400;
		at = day + hh * 3600 + mm * 60 + ss;
		if (at > now_s)
			at -= 86400;
		*out_s = at;
		return 0;
	}
	wr_strlcpy(buf, text, sizeof(buf));
	return wr_err_set(err, "'%s' is not a time: 19:30 UTC, 10m ago or RFC 3339",
	    wr_trim(buf));
}

unsigned
logjump_drops_words(const struct logjump_tail *t, unsigned n, unsigned skip, int64_t at,
    const char *at_text, char *out, size_t cap)
{
	char holders[160] = "", old[16], hi_old[16];
	unsigned i, lacking = 0, nhold = 0, without = 0, one = n, lo = n, hi = n;
	size_t len;

	if (cap == 0)
		return 0;
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		size_t h = strlen(holders);

		if (t[i].oldest != WR_LOGBUF_NO_TIME && t[i].oldest <= at) {
			if (nhold < 2)
				snprintf(holders + h, sizeof(holders) - h, "%s%s", nhold > 0 ? ", " : "",
				    t[i].name);
			nhold++;
			continue;
		}
		if (t[i].dropped == 0 || i == skip) {
			/* Started after then, not short of it: not among "the
			 * others" that have it. */
			without += i != skip && t[i].oldest != WR_LOGBUF_NO_TIME;
			continue;
		}
		lacking++;
		one = i;
		if (t[i].oldest == WR_LOGBUF_NO_TIME)
			continue;
		if (lo == n || t[i].oldest < t[lo].oldest)
			lo = i;
		if (hi == n || t[i].oldest > t[hi].oldest)
			hi = i;
	}
	if (lacking == 0)
		return 0;
	if (lacking == 1) {
		if (t[one].oldest != WR_LOGBUF_NO_TIME) {
			wr_hms(t[one].oldest, old, sizeof(old));
			snprintf(out, cap, "%s has nothing that old: oldest kept %s (%llu dropped)",
			    t[one].name, old, (unsigned long long)t[one].dropped);
		} else {
			snprintf(out, cap, "%s: %llu older lines dropped", t[one].name,
			    (unsigned long long)t[one].dropped);
		}
	} else {
		/* Each tail's name and time would take a footer row apiece: the
		 * earliest and latest say where the kept lines begin (the status
		 * line and the marked rows say the rest). */
		len = (size_t)snprintf(out, cap, "none kept from %s in %u tails", at_text, lacking);
		if (lo < n && len < cap) {
			wr_hms(t[lo].oldest, old, sizeof(old));
			wr_hms(t[hi].oldest, hi_old, sizeof(hi_old));
			if (lo == hi || t[lo].oldest == t[hi].oldest)
				snprintf(out + len, cap - len, ": oldest kept %s", old);
			else
				snprintf(out + len, cap - len, ": oldest kept %s (%s) … %s (%s)", old,
				    t[lo].name, hi_old, t[hi].name);
		}
	}
	len = strlen(out);
	if (nhold > 0 && len < cap) {
		if (nhold <= 2)
			snprintf(out + len, cap - len, "; %s %s", holders, nhold > 1 ? "do" : "does");
		else if (without == 0)
			snprintf(out + len, cap - len, "; the others have it");
		else
			snprintf(out + len, cap - len, "; %u others have it", nhold);
	}
	return lacking;
}
