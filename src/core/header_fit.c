/*
 * header_fit.c — the header line's parts against its width. Each step
 * below gives up one more part until the rest fits beside the badges; a
 * badge is never what gives way, so a state (FAILED, UNKNOWN, ARMED) is
 * never cut off for a name or a clock.
 */
#include "warroom/header_fit.h"

int
header_fit_left(const struct header_fit_in *in, const struct header_fit *f)
{
	int w = 0;

	if (!f->label)
		return 0;
	w = in->label;
	if (f->name > 0)
		w += in->sep + f->name;
	if (f->elapsed)
		w += in->sep + in->elapsed;
	return w;
}

static bool
fits(const struct header_fit_in *in, const struct header_fit *f, int avail)
{
	return header_fit_left(in, f) + f->clock <= avail;
}

void
header_fit(const struct header_fit_in *in, struct header_fit *out)
{
	/* One column is kept spare, as the line has always had. */
	int avail = in->cols - in->badges - 1, room;

	out->label = true;
	out->name = in->name;
	out->elapsed = true;
	out->clock = in->clock_long;
	if (fits(in, out, avail))
		return;
	out->clock = in->clock_short;
	if (fits(in, out, avail))
		return;
	/* The name cut where it fits: at least a character and the ellipsis. */
	out->name = 0;
	room = avail - out->clock - header_fit_left(in, out) - in->sep;
	if (room >= 2 && in->name > 0) {
		out->name = room < in->name ? room : in->name;
		return;
	}
	if (fits(in, out, avail))
		return;
	out->elapsed = false;
	if (fits(in, out, avail))
		return;
	out->clock = 0;
	if (fits(in, out, avail))
		return;
	out->label = false;
}
