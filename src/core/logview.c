/*
 * logview.c — which lines the LOGS pane shows, worked out from where the
 * view stands, the ring and the filter, with no screen in sight.
 *
 * A view holds a sequence number, not a line: the ring may drop that line
 * at any moment under a flood, and the filter drops its match with it. So
 * every question starts from the lines still shown (retained lines, or
 * the filter's matches) and finds the held number's place among them; a
 * number that fell off the old end is simply before all of them.
 */
#include "warroom/logview.h"

static size_t
shown_total(const struct logbuf *lb, struct logfilter *f)
{
	return f != NULL ? logfilter_count(f, lb) : logbuf_count(lb);
}

uint64_t
logview_seq(const struct logbuf *lb, const struct logfilter *f, size_t i)
{
	return f != NULL ? logfilter_hit(f, i) : logbuf_first(lb) + i;
}

/* Index of the first shown line at or after seq; total when none is. */
static size_t
index_at(const struct logbuf *lb, const struct logfilter *f, uint64_t seq, size_t total)
{
	uint64_t first = logbuf_first(lb);
	size_t lo = 0, hi = total;

	if (f == NULL)
		return seq <= first ? 0 : seq - first >= total ? total : (size_t)(seq - first);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (logfilter_hit(f, mid) < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void
logview_window(const struct logview *v, const struct logbuf *lb, struct logfilter *f,
    size_t rows, struct logview_window *out)
{
	size_t total = shown_total(lb, f), i;

	out->total = total;
	out->from_top = false;
	/* The newest rows lines: following, and whenever nothing better is. */
	out->first = total > rows ? total - rows : 0;
	out->n = total - out->first;
	if (v->mode == LOGVIEW_TOP) {
		i = index_at(lb, f, v->seq, total);
		if (i < total) {	/* else the filter has found none there yet */
			out->first = i;
			out->n = total - i < rows ? total - i : rows;
			out->from_top = true;
		}
	} else if (v->mode == LOGVIEW_BOTTOM) {
		/* Lines up to the held one; v->seq + 1 cannot wrap (seq < end). */
		i = index_at(lb, f, v->seq + 1, total);
		if (i >= rows) {
			out->first = i - rows;
			out->n = rows;
		} else {
			/* Too few before it (it may have left the ring): the
			 * oldest lines, a full pane drawn from the top. */
			out->first = 0;
			out->n = total < rows ? total : rows;
			out->from_top = out->n == rows && rows > 0;
		}
	}
}

void
logview_scroll(struct logview *v, const struct logbuf *lb, struct logfilter *f,
    size_t rows, long delta)
{
	struct logview_window w;
	size_t t, least;
	long p;

	logview_window(v, lb, f, rows, &w);
	if (w.total == 0 || delta == 0)
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
		v->seq = logview_seq(lb, f, t);
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
	if (p < (long)least)
		p = (long)least;	/* the oldest line stays on the top row */
	v->mode = LOGVIEW_BOTTOM;
	v->seq = logview_seq(lb, f, (size_t)p);
}

void
logview_top(struct logview *v, const struct logbuf *lb)
{
	v->mode = LOGVIEW_TOP;
	v->seq = logbuf_first(lb);
}
