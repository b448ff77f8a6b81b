/*
 * logview.c — which lines the LOGS pane shows, worked out from where the
 * view stands, the rings and the filter, with no screen in sight.
 *
 * A view holds an id, not a line: a ring may drop that line at any moment
 * under a flood, and the filter drops its match with it. So every question
 * starts from the lines still shown (each ring's retained lines, or its
 * matches: one sorted list per ring) and finds the held id's place among
 * them; an id that fell off the old end is simply before all of them. The
 * lists are walked together, a line at a time, the smallest (or largest)
 * id next, as a merge does: a window is a pane of lines, never the whole.
 */
#include "warroom/logview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The shown lines: per ring, how many and, by index, which. */
struct shown {
	const struct logset *s;
	struct logfilter *f;
	unsigned n;
	size_t len[WR_LOGSET_RINGS];
	size_t total;
};

/* A place among the shown lines: per ring, how many of its lines are
 * before it. */
struct cur {
	size_t j[WR_LOGSET_RINGS];
};

static void
shown_init(struct shown *sh, const struct logset *s, struct logfilter *f)
{
	unsigned r;

	sh->s = s;
	sh->f = f;
	sh->n = logset_rings(s);
	sh->total = 0;
	for (r = 0; r < sh->n; r++) {
		sh->len[r] = f != NULL ? logfilter_ring_count(f, s, r) :
		    logbuf_count(logset_buf(s, r));
		sh->total += sh->len[r];
	}
}

static uint64_t
shown_seq(const struct shown *sh, unsigned r, size_t j)
{
	return sh->f != NULL ? logfilter_ring_hit(sh->f, r, j) :
	    logbuf_first(logset_buf(sh->s, r)) + j;
}

static uint64_t
shown_id(const struct shown *sh, unsigned r, size_t j)
{
	return logset_id(sh->s, r, shown_seq(sh, r, j));
}

/* How many of ring r's shown lines have an id below id. */
static size_t
shown_below(const struct shown *sh, unsigned r, uint64_t id)
{
	size_t lo = 0, hi = sh->len[r];

	if (sh->f == NULL)
		return (size_t)(logset_find(sh->s, r, id) - logbuf_first(logset_buf(sh->s, r)));
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (shown_id(sh, r, mid) < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t
rank(const struct shown *sh, const struct cur *c)
{
	size_t i = 0;
	unsigned r;

	for (r = 0; r < sh->n; r++)
		i += c->j[r];
	return i;
}

/* Before every shown line with an id of at least id. */
static void
cur_at(const struct shown *sh, uint64_t id, struct cur *c)
{
	unsigned r;

	for (r = 0; r < sh->n; r++)
		c->j[r] = shown_below(sh, r, id);
}

static void
cur_start(const struct shown *sh, struct cur *c)
{
	unsigned r;

	for (r = 0; r < sh->n; r++)
		c->j[r] = 0;
}

static void
cur_end(const struct shown *sh, struct cur *c)
{
	unsigned r;

	for (r = 0; r < sh->n; r++)
		c->j[r] = sh->len[r];
}

/* The shown line after c, c moved past it; false at the end. */
static bool
cur_next(const struct shown *sh, struct cur *c, struct logview_line *out)
{
	struct logview_line best = { 0, 0, 0 };
	bool found = false;
	unsigned r;

	for (r = 0; r < sh->n; r++)
		if (c->j[r] < sh->len[r]) {
			uint64_t id = shown_id(sh, r, c->j[r]);

			if (!found || id < best.id) {
				best = (struct logview_line){ r, shown_seq(sh, r, c->j[r]), id };
				found = true;
			}
		}
	if (found) {
		c->j[best.ring]++;
		if (out != NULL)
			*out = best;
	}
	return found;
}

/* The shown line before c, c moved before it; false at the start. */
static bool
cur_prev(const struct shown *sh, struct cur *c, struct logview_line *out)
{
	struct logview_line best = { 0, 0, 0 };
	bool found = false;
	unsigned r;

	for (r = 0; r < sh->n; r++)
		if (c->j[r] > 0) {
			uint64_t id = shown_id(sh, r, c->j[r] - 1);

			if (!found || id > best.id) {
				best = (struct logview_line){ r, shown_seq(sh, r, c->j[r] - 1), id };
				found = true;
			}
		}
	if (found) {
		c->j[best.ring]--;
		if (out != NULL)
			*out = best;
	}
	return found;
}

/* Move c by delta lines, as far as there are lines. */
static void
cur_move(const struct shown *sh, struct cur *c, long delta)
{
	for (; delta > 0 && cur_next(sh, c, NULL); delta--)
		;
	for (; delta < 0 && cur_prev(sh, c, NULL); delta++)
		;
}

/* A held bottom line with too few shown lines before it because lines
 * were dropped: the line itself, or (no filter) older ones of a ring that
 * has dropped any. A filter's dropped lines may never have matched, so
 * with one only the held line's own loss counts. */
static bool
held_lost(const struct shown *sh, uint64_t id)
{
	struct logset_line l;
	unsigned r;

	if (!logset_get(sh->s, id, &l))
		return true;
	for (r = 0; sh->f == NULL && r < sh->n; r++)
		if (logset_dropped(sh->s, r) > 0)
			return true;
	return false;
}

/* The window, and c before its first line. */
static void
window(const struct logview *v, const struct shown *sh, size_t rows,
    struct logview_window *out, struct cur *c)
{
	size_t total = sh->total, i;

	out->total = total;
	out->from_top = false;
	/* The newest rows lines: following, and whenever nothing better is. */
	out->first = total > rows ? total - rows : 0;
	out->n = total - out->first;
	if (v->mode == LOGVIEW_TOP) {
		cur_at(sh, v->id, c);
		i = rank(sh, c);
		if (i < total) {	/* else the filter has found none there yet */
			out->first = i;
			out->n = total - i < rows ? total - i : rows;
			out->from_top = true;
			return;
		}
	} else if (v->mode == LOGVIEW_BOTTOM) {
		/* Lines up to the held one; v->id + 1 cannot wrap (id < end). */
		cur_at(sh, v->id + 1, c);
		i = rank(sh, c);
		if (i >= rows) {
			out->first = i - rows;
			out->n = rows;
			cur_move(sh, c, -(long)rows);
		} else if (!held_lost(sh, v->id)) {
			/* All there ever was up to it (a filter's few matches,
			 * a short tail): held as it is, the lines that arrive
			 * after it counted, never shown, until f. */
			out->first = 0;
			out->n = i;
			cur_start(sh, c);
		} else {
			/* Too few before it (it may have left its ring): the
			 * oldest lines, a full pane drawn from the top. */
			out->first = 0;
			out->n = total < rows ? total : rows;
			out->from_top = out->n == rows && rows > 0;
			cur_start(sh, c);
		}
		return;
	}
	cur_end(sh, c);
	cur_move(sh, c, -(long)out->n);
}

void
logview_window(const struct logview *v, const struct logset *s, struct logfilter *f,
    size_t rows, struct logview_window *out, struct logview_line *lines)
{
	struct shown sh;
	struct cur c;
	size_t i;

	shown_init(&sh, s, f);
	window(v, &sh, rows, out, &c);
	for (i = 0; lines != NULL && i < out->n; i++)
		cur_next(&sh, &c, &lines[i]);
}

/* The id of the i-th shown line, found from c, which stands at index at. */
static uint64_t
id_at(const struct shown *sh, struct cur *c, size_t at, size_t i)
{
	struct logview_line l = { 0, 0, 0 };

	cur_move(sh, c, (long)i - (long)at);
	cur_next(sh, c, &l);
	return l.id;
}

void
logview_scroll(struct logview *v, const struct logset *s, struct logfilter *f,
    size_t rows, long delta)
{
	struct logview_window w;
	struct shown sh;
	struct cur c;
	size_t t, least;
	long p;

	shown_init(&sh, s, f);
	window(v, &sh, rows, &w, &c);
	/* Nothing shown before a held line: none earlier to go back to. */
	if (w.total == 0 || delta == 0 || (w.n == 0 && delta < 0))
		return;
	if (v->mode == LOGVIEW_TOP && w.from_top) {
		/* Held at the top: move the top line, and follow once the
		 * newest line is in the pane and more is asked for. */
		if (delta < 0) {
			t = (size_t)-delta < w.first ? w.first - (size_t)-delta : 0;
		} else if (w.first + w.n >= w.total) {
			v->mode = LOGVIEW_FOLLOW;
			return;
		} else {
			t = w.first + (size_t)delta;
			if (t > w.total - rows)	/* keep the pane full */
				t = w.total - rows;
		}
		v->id = id_at(&sh, &c, w.first, t);
		return;
	}
	/* Held (or to be held) at the bottom: move the bottom line. */
	p = (long)(w.first + w.n) - 1 + delta;
	if (delta > 0 && p >= (long)w.total - 1) {
		v->mode = LOGVIEW_FOLLOW;	/* back at the end: follow again */
		return;
	}
	least = (w.total < rows ? w.total : rows) - 1;
	if (rows == 0)
		least = 0;
	/* The oldest line stays on the top row; a held window short of
	 * rows already shows it: Up leaves it be, Down adds the next. */
	if (p < (long)least && delta < 0)
		p = (long)least < (long)(w.first + w.n) - 1 ? (long)least :
		    (long)(w.first + w.n) - 1;
	logview_hold(v, s, LOGVIEW_BOTTOM, id_at(&sh, &c, w.first, (size_t)p));
}

bool
logview_match(struct logview *v, const struct logset *s, struct logfilter *f, size_t rows,
    bool next)
{
	struct logview_window w;
	struct logview_line l = { 0, 0, 0 };
	struct shown sh;
	struct cur c;
	bool top;
	uint64_t at, out;

	if (logset_count(s) == 0)
		return false;
	shown_init(&sh, s, f);
	window(v, &sh, rows, &w, &c);
	/* From a line shown, not the one held: its ring may have dropped
	 * it. Held at the top (g, @) the view stands on its top line, so
	 * the matches below it on screen are still to come. */
	top = v->mode == LOGVIEW_TOP && w.from_top;
	if (w.n == 0) {
		at = logset_end(s) - 1;
	} else {
		if (!top)
			cur_move(&sh, &c, (long)w.n - 1);
		cur_next(&sh, &c, &l);
		at = l.id;
	}
	if (!(next ? logfilter_next(f, s, at, &out) : logfilter_prev(f, s, at, &out)))
		return false;
	logview_hold(v, s, top ? LOGVIEW_TOP : LOGVIEW_BOTTOM, out);
	return true;
}

void
logview_hold(struct logview *v, const struct logset *s, enum logview_mode mode, uint64_t id)
{
	if (v->mode == LOGVIEW_FOLLOW)
		v->since = logset_end(s);
	v->mode = mode;
	v->id = id;
}

void
logview_top(struct logview *v, const struct logset *s)
{
	logview_hold(v, s, LOGVIEW_TOP, logset_first(s));
}

void
logview_pause(struct logview *v, const struct logset *s)
{
	if (v->mode != LOGVIEW_FOLLOW)
		v->mode = LOGVIEW_FOLLOW;
	else if (logset_count(s) > 0)	/* the newest line: just stored, so kept */
		logview_hold(v, s, LOGVIEW_BOTTOM, logset_end(s) - 1);
}

void
logview_merge_ring(struct logview *v, struct logset *s, unsigned ring, uint64_t *ids,
    size_t nids)
{
	uint64_t *all = xmalloc((nids + 1) * sizeof(*all)), end = logset_end(s), arrived;
	size_t k;

	/* The lines since the pause are counted from the id the first got:
	 * ids given again in time order put the backlog's among older lines,
	 * so since is not a line to follow but a count to keep. */
	arrived = v->since <= end ? end - v->since : 0;
	all[0] = v->id;
	for (k = 0; k < nids; k++)
		all[k + 1] = ids[k];
	logset_merge_ring(s, ring, all, nids + 1);
	v->id = all[0];
	for (k = 0; k < nids; k++)
		ids[k] = all[k + 1];
	free(all);
	if (v->since <= end)
		v->since = logset_end(s) - arrived;
}

void
logview_news(const struct logview *v, const struct logset *s, struct logfilter *f,
    struct logview_news *out)
{
	uint64_t end = logset_end(s), kept;

	out->arrived = out->dropped = 0;
	out->matching = 0;
	if (v->mode == LOGVIEW_FOLLOW || v->since > end)
		return;
	/* Ids come from one counter, one a line: every id from since on is
	 * a line stored after the pause, whatever the view showed or the
	 * rings kept since (so a flood never stops the count). */
	out->arrived = end - v->since;
	kept = v->since == 0 ? logset_count(s) : logset_count_after(s, v->since - 1);
	out->dropped = out->arrived > kept ? out->arrived - kept : 0;
	if (f != NULL)
		out->matching = v->since == 0 ? logfilter_count(f, s) :
		    logfilter_count_after(f, s, v->since - 1);
}

size_t
logview_fit_rows(const int *need, size_t n, int h, int *first_rows)
{
	size_t m = 0;
	int used = 0;

	*first_rows = 0;
	while (m < n && used < h) {
		/* The one that does not fit keeps its start: where and when a
		 * line came from matters more than its tail. */
		*first_rows = need[m] < h - used ? need[m] : h - used;
		used += *first_rows;
		m++;
	}
	return m;
}

size_t
logview_cuts(const struct logset *s, const struct logview_line *lines, size_t n,
    struct logview_cut *out, size_t cap)
{
	size_t m = 0, k, j;
	unsigned r;

	if (n == 0)
		return 0;
	for (r = WR_LOGSET_OWN + 1; r < logset_rings(s) && m < cap; r++) {
		const struct logbuf *lb = logset_buf(s, r);
		uint64_t first;

		if (logset_dropped(s, r) == 0)
			continue;
		first = logbuf_count(lb) > 0 ? logset_id(s, r, logbuf_first(lb)) : logset_end(s);
		if (lines[0].id >= first)
			continue;
		for (k = 1; k < n && lines[k].id < first; k++)
			;
		/* In order of where they fall; rings tie in their own order. */
		for (j = m; j > 0 && out[j - 1].before > k; j--)
			out[j] = out[j - 1];
		out[j].ring = r;
		out[j].before = k;
		m++;
	}
	return m;
}

size_t
logview_mark_words(const struct logview_mark *m, size_t n, const char *budget, int cols,
    char *out, size_t cap)
{
	int64_t lo = WR_LOGBUF_NO_TIME, hi = WR_LOGBUF_NO_TIME;
	uint64_t dropped = 0;
	char when[48] = "", a[16], b[16];
	size_t i;
	int len;

	if (cap == 0)
		return 0;
	out[0] = '\0';
	if (n == 0)
		return 0;
	if (n == 1) {
		len = snprintf(out, cap, "── %s: older lines dropped (%llu; the log budget is %s: "
		    "log_buffer) ", m[0].name, (unsigned long long)m[0].dropped, budget);
		return len < 0 ? 0 : (size_t)len < cap ? (size_t)len : cap - 1;
	}
	for (i = 0; i < n; i++) {
		dropped += m[i].dropped;
		if (m[i].oldest == WR_LOGBUF_NO_TIME)
			continue;
		if (lo == WR_LOGBUF_NO_TIME || m[i].oldest < lo)
			lo = m[i].oldest;
		if (hi == WR_LOGBUF_NO_TIME || m[i].oldest > hi)
			hi = m[i].oldest;
	}
	/* Where the kept lines begin, earliest to latest: the lines above
	 * the row are older than all of it for these tails. */
	if (lo != WR_LOGBUF_NO_TIME) {
		wr_hms(lo, a, sizeof(a));
		wr_hms(hi, b, sizeof(b));
		if (lo == hi)
			snprintf(when, sizeof(when), "; oldest kept %s", a);
		else
			snprintf(when, sizeof(when), "; oldest kept %s–%s", a, b);
	}
	len = snprintf(out, cap, "── %zu tails' older lines dropped (%llu; the log budget is %s: "
	    "log_buffer)%s ", n, (unsigned long long)dropped, budget, when);
	/* Two ─ at least close the row, as one tail's does. */
	if (len >= 0 && (size_t)len < cap && cols > 0 && wr_utf8_chars(out, strlen(out)) + 2 > (size_t)cols)
		len = snprintf(out, cap, "── %zu tails' older lines dropped%s ", n, when);
	return len < 0 ? 0 : (size_t)len < cap ? (size_t)len : cap - 1;
}
