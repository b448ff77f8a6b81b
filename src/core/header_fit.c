/*
 * header_fit.c — the header line's parts against its width. Each step
 * below gives up one more part until the rest fits; a badge is never what
 * is cut or dropped, so a state (FAILED, UNKNOWN, ARMED, EXPORTS ON) is
 * never lost for a name, a clock or a line of information. A badge only
 * takes a shorter wording of its own, which still says its state.
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

int
header_fit_badges(const struct header_fit_in *in, const struct header_fit *f)
{
	int w = in->badges;
	size_t i;

	for (i = 0; i < in->nitems; i++)
		if (f->word[i] >= 0)
			w += 2 + in->items[i].width[f->word[i]];
	return w;
}

/* Columns past the room (one kept spare, as the line has always had);
 * <= 0 when f fits. */
static int
over(const struct header_fit_in *in, const struct header_fit *f)
{
	return header_fit_left(in, f) + f->clock + header_fit_badges(in, f) - (in->cols - 1);
}

static int
last_word(const struct header_fit_item *it)
{
	return it->nwords > 0 ? it->nwords - 1 : 0;
}

/* The shortest wording taken before the clock and the name go: the last
 * but the tiniest. */
static int
short_word(const struct header_fit_item *it)
{
	int w = last_word(it);

	return it->tiny && w > 0 ? w - 1 : w;
}

/* Informational items: to their shortest wording, then gone, the last
 * drawn first. Whether f fits after. */
static bool
info_gives_way(const struct header_fit_in *in, struct header_fit *f)
{
	size_t i;

	for (i = in->nitems; i-- > 0;)
		if (in->items[i].info) {
			f->word[i] = last_word(&in->items[i]);
			if (over(in, f) <= 0)
				return true;
		}
	for (i = in->nitems; i-- > 0;)
		if (in->items[i].info) {
			f->word[i] = -1;
			if (over(in, f) <= 0)
				return true;
		}
	return false;
}

/* Badges one wording shorter at a time, the last drawn first in each
 * round, so no one badge loses all its words while another keeps them;
 * down to their tiniest only when tiny. */
static bool
badges_shorten(const struct header_fit_in *in, struct header_fit *f, bool tiny)
{
	bool moved = true;
	size_t i;

	while (moved) {
		moved = false;
		for (i = in->nitems; i-- > 0;) {
			if (in->items[i].info || f->word[i] >= (tiny ? last_word(&in->items[i]) :
			    short_word(&in->items[i])))
				continue;
			f->word[i]++;
			moved = true;
			if (over(in, f) <= 0)
				return true;
		}
	}
	return false;
}

/* The name cut to at most max columns where the rest leaves room (at
 * least a character and the ellipsis), or gone. Whether f fits after. */
static bool
name_cut(const struct header_fit_in *in, struct header_fit *f, int max)
{
	int room;

	f->name = 0;
	room = -over(in, f) - in->sep;
	if (room >= 2 && in->name > 0) {
		f->name = room < in->name ? room : in->name;
		if (f->name > max)
			f->name = max < in->name ? max : in->name;
		return over(in, f) <= 0;
	}
	return over(in, f) <= 0;
}

/* Each badge at its tiniest back to its short words where the line
 * still holds them, the first drawn first. */
static void
undo_tiny(const struct header_fit_in *in, struct header_fit *f)
{
	size_t i;

	for (i = 0; i < in->nitems; i++)
		if (!in->items[i].info && f->word[i] > short_word(&in->items[i])) {
			f->word[i] = short_word(&in->items[i]);
			if (over(in, f) > 0)
				f->word[i] = last_word(&in->items[i]);
		}
}

static void
fit_steps(const struct header_fit_in *in, struct header_fit *out)
{
	if (over(in, out) <= 0)
		return;
	out->clock = in->clock_short;
	if (over(in, out) <= 0 || info_gives_way(in, out))
		return;
	if (in->name > HEADER_FIT_NAME_MIN) {
		out->name = HEADER_FIT_NAME_MIN;
		if (over(in, out) <= 0)
			return;
	}
	if (badges_shorten(in, out, false))
		return;
	if (name_cut(in, out, in->name))
		return;
	out->elapsed = false;
	if (over(in, out) <= 0)
		return;
	out->clock = 0;
	if (over(in, out) <= 0)
		return;
	out->label = false;
	if (over(in, out) <= 0 || !badges_shorten(in, out, true))
		return;
	/* What the tiniest words left spare goes back: a badge's short words
	 * first (in their order), then " warroom", then the clock. */
	undo_tiny(in, out);
	out->label = true;
	if (over(in, out) > 0) {
		out->label = false;
		return;
	}
	out->clock = in->clock_short;
	if (over(in, out) > 0)
		out->clock = 0;
}

void
header_fit(const struct header_fit_in *in, struct header_fit *out)
{
	size_t i;

	out->label = true;
	out->name = in->name;
	out->elapsed = true;
	out->clock = in->clock_long;
	for (i = 0; i < HEADER_FIT_ITEMS; i++)
		out->word[i] = 0;
	fit_steps(in, out);
	/* What the steps left spare goes back in their order: the name up to
	 * HEADER_FIT_NAME_MIN, the badges' longer words, then the name. */
	if (out->label && out->name > 0 && out->name < in->name)
		name_cut(in, out, HEADER_FIT_NAME_MIN);
	for (i = 0; i < in->nitems; i++)
		while (!in->items[i].info && out->word[i] > 0) {
			out->word[i]--;
			if (over(in, out) > 0) {
				out->word[i]++;
				break;
			}
		}
	if (out->label && out->name > 0 && out->name < in->name)
		name_cut(in, out, in->name);
}
