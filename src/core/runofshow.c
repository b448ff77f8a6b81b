/*
 * runofshow.c — T-0 input and the clock text of T-minus items. Pure: the
 * caller passes the time, so screens and tests are exact.
 */
#include "warroom/runofshow.h"

#include <stdio.h>
#include <string.h>

#define DUE_WINDOW_S 60

int
runofshow_parse_tzero(const char *text, int64_t now_s, int64_t *out, struct wr_err *err)
{
	char buf[64];
	const char *p;
	long span;
	int hh, mm, used = 0;
	int64_t day, at;

	wr_strlcpy(buf, text, sizeof(buf));
	p = wr_trim(buf);
	if (strcmp(p, "now") == 0) {
		*out = now_s;
		return 0;
	}
	if (*p == '+' || *p == '-') {
		if (wr_parse_span(p + 1, &span) != 0)
			return wr_err_set(err, "'%s': give a span such as +30m or +1h15m", p);
		*out = now_s + (*p == '+' ? span : -span);
		return 0;
	}
	if (sscanf(p, "%2d:%2d%n", &hh, &mm, &used) == 2 && p[used] == '\0' &&
	    hh >= 0 && hh < 24 && mm >= 0 && mm < 60) {
		day = now_s - (now_s % 86400 + 86400) % 86400;
		at = day + hh * 3600 + mm * 60;
		if (now_s - at > 12 * 3600)
			at += 86400;
		*out = at;
		return 0;
	}
	return wr_err_set(err, "'%s': type now, +30m, or a UTC time such as 14:30", p);
}

/* Whole minutes, rounded up: "+2h" typed a moment ago still reads 2h. */
static void
span_text(long s, char *buf, size_t cap)
{
	long m = (s + 59) / 60;

	if (m < 60)
		snprintf(buf, cap, "%ldm", m);
	else if (m % 60 == 0)
		snprintf(buf, cap, "%ldh", m / 60);
	else
		snprintf(buf, cap, "%ldh%02ldm", m / 60, m % 60);
}

void
runofshow_when(int64_t tzero_s, long offset_s, int64_t now_s, char *buf, size_t cap)
{
	int64_t at = tzero_s + offset_s, tod = (at % 86400 + 86400) % 86400;
	long delta = (long)(at - now_s);
	char span[24];

	if (delta > DUE_WINDOW_S) {
		span_text(delta, span, sizeof(span));
		snprintf(buf, cap, "%02d:%02d in %s", (int)(tod / 3600), (int)(tod % 3600 / 60), span);
	} else if (delta >= -DUE_WINDOW_S) {
		snprintf(buf, cap, "%02d:%02d due now", (int)(tod / 3600), (int)(tod % 3600 / 60));
	} else {
		span_text(-delta, span, sizeof(span));
		snprintf(buf, cap, "%02d:%02d %s ago", (int)(tod / 3600), (int)(tod % 3600 / 60), span);
	}
}
