/*
 * logjump.c — a moment typed to jump LOGS to. Pure: the caller passes the
 * time. The ring finds the line (logbuf_seek_time).
 */
#include "warroom/logjump.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

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
