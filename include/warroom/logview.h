/*
 * logview.h — where the LOGS pane stands among its lines: following the
 * newest line, or paused with a line held at the bottom row (scrolling,
 * n/N, f) or at the top row (g, @, and n/N from there), counting the
 * lines stored since it paused. The rings drop their oldest lines
 * under a flood and a filter shows only its matches, so the lines a view
 * shows are worked out here, in id order across the rings, clamped to the
 * lines still there: a view never goes blank while there are lines to show.
 */
#ifndef WARROOM_LOGVIEW_H
#define WARROOM_LOGVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/logfilter.h"
#include "warroom/logset.h"

enum logview_mode {
	LOGVIEW_FOLLOW,		/* the newest lines, the last on the bottom row */
	LOGVIEW_BOTTOM,		/* paused: id on the bottom row */
	LOGVIEW_TOP,		/* paused: the first shown line at or after id on top */
};

struct logview {
	enum logview_mode mode;
	uint64_t id;		/* the line held; may have left its ring since */
	uint64_t since;		/* paused: the id the first line after the pause got */
};

/* A shown line: its ring, its number there and its id. */
struct logview_line {
	unsigned ring;
	uint64_t seq, id;
};

/* The lines a pane of rows lines shows: the shown lines (every retained
 * line, or f's matches when f is not NULL) with indexes [first, first + n)
 * in id order. */
struct logview_window {
	size_t first, n;	/* indexes among the shown lines */
	size_t total;		/* how many lines are shown at all */
	bool from_top;		/* drawn from the top row down, else bottom up */
};

/* The window of v over s (f: NULL without a filter) for a pane of rows
 * lines, and its lines, oldest first, in lines[rows] (NULL: not wanted): a
 * held line a ring dropped clamps to the oldest one left, and a paused
 * window short of rows because lines were dropped is filled with the
 * lines after it; one that never had more stays short. */
void logview_window(const struct logview *v, const struct logset *s, struct logfilter *f,
    size_t rows, struct logview_window *out, struct logview_line *lines);

/* What a paused v's status line counts: the lines stored since it paused,
 * wherever it moved since; of them, those the rings have dropped again;
 * and those that match f (NULL: none). */
struct logview_news {
	uint64_t arrived, dropped;
	size_t matching;
};
void logview_news(const struct logview *v, const struct logset *s, struct logfilter *f,
    struct logview_news *out);

/* logset_merge_ring under v (+ adds a tail beside those held): the line
 * v holds follows to its new id, and a paused v's count of lines stored
 * since the pause stays what it was; ids[nids] as logset_merge_ring's. */
void logview_merge_ring(struct logview *v, struct logset *s, unsigned ring, uint64_t *ids,
    size_t nids);

/* Hold v in mode (BOTTOM or TOP) on id; a following v starts counting
 * new lines from here (n/N, @). */
void logview_hold(struct logview *v, const struct logset *s, enum logview_mode mode,
    uint64_t id);

/* Move v by delta shown lines (negative: back) in a pane of rows lines;
 * moving past the newest line follows again. */
void logview_scroll(struct logview *v, const struct logset *s, struct logfilter *f,
    size_t rows, long delta);

/* f: pause a following v with the newest line on the bottom row, where
 * it stays as lines arrive; a paused v follows again. */
void logview_pause(struct logview *v, const struct logset *s);

/* n (next) or N with filter f: v moves to the match after (before) where
 * it stands, the line on its top row when held there (g, @), which the
 * match then takes, else the one on its bottom row; false, v as it was,
 * when there is none. */
bool logview_match(struct logview *v, const struct logset *s, struct logfilter *f,
    size_t rows, bool next);

/* Pause v with the oldest shown line on the top row (g). */
void logview_top(struct logview *v, const struct logset *s);

/* Where a window passes from lines older than a tailed service's oldest
 * kept line into its kept ones: that service dropped older lines, so the
 * lines above the point say nothing of it. before: the index of the first
 * shown line at or after the point (n: past the window's end). */
struct logview_cut {
	unsigned ring;
	size_t before;
};

/* The cuts among lines[n] (a window, oldest first), for service rings
 * (not LOGS' own) that dropped lines and whose oldest kept line comes
 * after lines[0]; at most cap, ordered by before; how many. */
size_t logview_cuts(const struct logset *s, const struct logview_line *lines, size_t n,
    struct logview_cut *out, size_t cap);

/* One tail's mark as a row shows it. */
struct logview_mark {
	const char *name;	/* "h4/api" */
	uint64_t dropped;	/* lines its ring dropped */
	int64_t oldest;		/* its oldest kept line's stamp, or WR_LOGBUF_NO_TIME */
};

/* The words of the one row that stands for marks m[n] side by side (no
 * line between them, so n rows of them would crowd out the lines): one
 * tail's "── h4/api: older lines dropped (51025; the log budget is 64 MiB:
 * log_buffer) ", several tails' "── 5 tails' older lines dropped (…);
 * oldest kept 17:33:22–17:33:45 ", without the count and budget when that
 * is wider than cols. The caller fills the row with ─. Returns out's
 * length. */
size_t logview_mark_words(const struct logview_mark *m, size_t n, const char *budget,
    int cols, char *out, size_t cap);

/* Wrapped lines filling h rows from the bottom, need[i] rows each, newest
 * first: how many are shown; the oldest of them gets *first_rows rows
 * from its start (fewer than it needs: cut, its start kept in view). */
size_t logview_fit_rows(const int *need, size_t n, int h, int *first_rows);

#endif
