/*
 * columns.c — content-sized table columns taken in priority order, brief
 * first and widened while room is left; and the same with hysteresis, so
 * a column does not come and go as the widest value beside it does.
 */
#include "warroom/columns.h"

#include <stddef.h>
#include <string.h>

void
columns_widen(int *width, int cells, int cap)
{
	if (cells > cap)
		cells = cap;
	if (cells > *width)
		*width = cells;
}

/* Widen shown column c to its full width if the extra cells fit. */
static void
widen(const int *full, int c, int pane, int *used, const bool *show, int *width)
{
	if (show[c] && full[c] > width[c] && *used + full[c] - width[c] <= pane) {
		*used += full[c] - width[c];
		width[c] = full[c];
	}
}

int
columns_pick(const int *full, const int *brief, const int *steps, int nsteps, int n,
    int pane, int min_cols, bool *show, int *width)
{
	int i, c, w, used = -1, shown = 0;    /* -1: no space before the first */

	for (c = 0; c < n; c++) {
		show[c] = false;
		width[c] = 0;
	}
	for (i = 0; i < nsteps; i++) {
		c = steps[i];
		if (c < 0) {
			if (-1 - c < n)
				widen(full, -1 - c, pane, &used, show, width);
			continue;
		}
		if (c >= n || show[c])
			continue;
		w = brief != NULL && brief[c] < full[c] ? brief[c] : full[c];
		if (i < min_cols || used + 1 + w <= pane) {
			show[c] = true;
			width[c] = w;
			used += 1 + w;
			shown++;
		}
	}
	for (i = 0; i < nsteps; i++)
		if (steps[i] >= 0 && steps[i] < n)
			widen(full, steps[i], pane, &used, show, width);
	return shown;
}

/* Hold *held at cells while they are needed, and for COLUMNS_HOLD_S
 * seconds after: a wide value that comes back every few seconds keeps
 * its room instead of handing it to a column that goes again. */
static void
hold_width(int *held, time_t *at, int cells, time_t now)
{
	if (cells >= *held || now - *at >= COLUMNS_HOLD_S || now < *at) {
		*held = cells;
		*at = now;
	}
}

/* Whether pick a (show, width against its full widths) is better than
 * pick b by the steps' order: the first step one takes and the other
 * does not (a column shown, or with widen one widened to its full
 * width) is a's. */
static bool
pick_better(const bool *ashow, const int *awidth, const int *afull, const bool *bshow,
    const int *bwidth, const int *bfull, const int *steps, int nsteps, int n, bool widen)
{
	int i, c;
	bool in_a, in_b;

	for (i = 0; i < nsteps; i++) {
		c = steps[i] < 0 ? -1 - steps[i] : steps[i];
		if (c >= n || (steps[i] < 0 && !widen))
			continue;
		in_a = ashow[c] && (steps[i] >= 0 || awidth[c] >= afull[c]);
		in_b = bshow[c] && (steps[i] >= 0 || bwidth[c] >= bfull[c]);
		if (in_a != in_b)
			return in_a;
	}
	return false;
}

/* Pick with the columns of set first (brief), then the widening steps:
 * widening one ("ROLLBACK IMMEDIATELY (held)") must not push out
 * another of the set. */
static int
pick_set(const bool *set, const int *full, const int *brief, const int *steps, int nsteps,
    int n, int pane, int min_cols, bool *show, int *width)
{
	int kept[2 * COLUMNS_MAX], nkept = 0, i;

	for (i = 0; i < nsteps; i++)
		if (steps[i] >= 0 && steps[i] < n && set[steps[i]])
			kept[nkept++] = steps[i];
	for (i = 0; i < nsteps; i++)
		if (steps[i] < 0)
			kept[nkept++] = steps[i];
	return columns_pick(full, brief, kept, nkept, n, pane, min_cols, show, width);
}

int
columns_hold_pick(struct columns_hold *hold, time_t now, const int *least, const int *full,
    const int *brief, const int *steps, int nsteps, int n, int pane, int min_cols,
    bool *show, int *width)
{
	int fwidth[COLUMNS_MAX], c, shown;
	bool fshow[COLUMNS_MAX], held, adopt = false, news = false;

	if (n > COLUMNS_MAX || nsteps > 2 * COLUMNS_MAX)
		return columns_pick(full, brief, steps, nsteps, n, pane, min_cols, show, width);
	for (c = 0; c < n; c++) {
		/* A column with nothing wider than least for a while that has
		 * now (a verdict where there was none): news, not a wobble. */
		news |= hold->pane != 0 && hold->full[c] <= least[c] && full[c] > least[c];
		hold_width(&hold->full[c], &hold->full_at[c], full[c], now);
		hold_width(&hold->brief[c], &hold->brief_at[c],
		    brief != NULL && brief[c] < full[c] ? brief[c] : full[c], now);
	}
	/* A new size, order or value, or data that picks the same set: as
	 * it is. */
	shown = columns_pick(full, brief, steps, nsteps, n, pane, min_cols, show, width);
	held = !news && hold->pane == pane && hold->nsteps == nsteps &&
	    memcmp(hold->steps, steps, (size_t)nsteps * sizeof(*steps)) == 0 &&
	    memcmp(hold->show, show, (size_t)n * sizeof(*show)) != 0;
	if (held) {
		/* Else the set of before while it fits, unless the widths of
		 * the last COLUMNS_HOLD_S seconds give a better one: so a value
		 * that widens and narrows every few seconds moves nothing. */
		shown = pick_set(hold->show, full, brief, steps, nsteps, n, pane, min_cols, show,
		    width);
		columns_pick(hold->full, hold->brief, steps, nsteps, n, pane, min_cols, fshow,
		    fwidth);
		if (pick_better(fshow, fwidth, hold->full, show, width, full, steps, nsteps, n,
		    false))
			adopt = true;
		/* Better only in a column widened: not worth moving columns
		 * for until it has stayed so. */
		else if (!pick_better(fshow, fwidth, hold->full, show, width, full, steps, nsteps,
		    n, true))
			hold->better = false;
		else if (!hold->better || now < hold->better_since) {
			hold->better = true;
			hold->better_since = now;
		} else
			adopt = now - hold->better_since >= COLUMNS_HOLD_S;
		if (adopt)
			shown = pick_set(fshow, full, brief, steps, nsteps, n, pane, min_cols, show,
			    width);
	}
	if (adopt || !held)
		hold->better = false;
	hold->pane = pane;
	hold->nsteps = nsteps;
	memcpy(hold->steps, steps, (size_t)nsteps * sizeof(*steps));
	memcpy(hold->show, show, (size_t)n * sizeof(*show));
	return shown;
}
