/*
 * test_logview.c — which lines the LOGS pane shows: following, held at
 * the top (g, @) or at the bottom (scrolling, n/N), with and without a
 * filter, while the ring drops its oldest lines under the held one; and
 * several services' rings read as one sequence, a flood beside a quiet
 * service leaving the quiet one's lines in view; a pause with fewer
 * matches than the pane holds them; what a pause counts as new, under a
 * flood too; n and N from where the view stands; where a flooded
 * service's kept lines begin among older lines of others; a pause across
 * a merge of a new tail's backlog keeps its line and its count.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "warroom/logview.h"

#define ROWS 14

/* Lines "line N status=200", every tenth status=500, ~60 bytes each. */
static void
add(struct logset *lb, uint64_t n)
{
	char t[128];

	while (n-- > 0) {
		uint64_t s = logset_end(lb);
		int len = snprintf(t, sizeof(t), "2026-01-01T00:00:00Z line %llu status=%d padding",
		    (unsigned long long)s, s % 10 == 0 ? 500 : 200);

		logset_append(lb, WR_LOGSET_OWN, t, (size_t)len, false);
	}
}

/* A ring that has dropped lines: 64 KiB holds about a thousand. */
static void
flooded(struct logset *lb, uint64_t lines)
{
	logset_init(lb, WR_LOGBUF_MIN_BYTES);
	add(lb, lines);
}

/* The lines of the last window asked for. */
static struct logview_line lines[ROWS];

static uint64_t
seq_at(const struct logset *lb, const struct logfilter *f, const struct logview_window *w,
    size_t i)
{
	(void)lb;
	(void)f;
	(void)w;
	return lines[i].id;
}

static void
top_shows_the_oldest_lines_from_the_top_row(void **state)
{
	struct logset lb;
	struct logview v = { LOGVIEW_FOLLOW, 0, 0 };
	struct logview_window w;

	(void)state;
	/* A short buffer: g puts its first line on the top row. */
	logset_init(&lb, 0);
	add(&lb, 3);
	logview_top(&v, &lb);
	logview_window(&v, &lb, NULL, ROWS, &w, lines);
	assert_true(w.from_top);
	assert_int_equal(w.n, 3);
	assert_int_equal(seq_at(&lb, NULL, &w, 0), 0);
	/* Following, a short buffer sits at the bottom as a tail does. */
	v.mode = LOGVIEW_FOLLOW;
	logview_window(&v, &lb, NULL, ROWS, &w, lines);
	assert_false(w.from_top);
	assert_int_equal(w.n, 3);
	logset_free(&lb);

	/* The ring drops the held line again and again: the view slides
	 * with it, always the oldest lines left, a full pane. */
	flooded(&lb, 5000);
	assert_true(logset_first(&lb) > 0);
	logview_top(&v, &lb);
	add(&lb, 20000);
	assert_true(logset_first(&lb) > v.id);
	logview_window(&v, &lb, NULL, ROWS, &w, lines);
	assert_true(w.from_top);
	assert_int_equal(w.n, ROWS);
	assert_int_equal(seq_at(&lb, NULL, &w, 0), logset_first(&lb));
	logset_free(&lb);
}

static void
a_dropped_bottom_line_clamps_to_the_oldest(void **state)
{
	struct logset lb;
	struct logview v;
	struct logview_window w;

	(void)state;
	flooded(&lb, 5000);
	v.mode = LOGVIEW_BOTTOM;
	v.id = logset_first(&lb) + 3;	/* only 3 lines above it */
	logview_window(&v, &lb, NULL, ROWS, &w, lines);
	assert_true(w.from_top);
	assert_int_equal(w.first, 0);
	assert_int_equal(w.n, ROWS);
	add(&lb, 20000);	/* and now it is gone */
	logview_window(&v, &lb, NULL, ROWS, &w, lines);
	assert_true(w.from_top);
	assert_int_equal(w.n, ROWS);
	assert_int_equal(seq_at(&lb, NULL, &w, 0), logset_first(&lb));
	/* Held well inside the ring: it is the bottom line. */
	v.id = logset_first(&lb) + 100;
	logview_window(&v, &lb, NULL, ROWS, &w, lines);
	assert_false(w.from_top);
	assert_int_equal(w.n, ROWS);
	assert_int_equal(seq_at(&lb, NULL, &w, ROWS - 1), v.id);
	logset_free(&lb);
}

static void
filtered_views_stay_on_matches_the_ring_keeps(void **state)
{
	struct logset lb;
	struct logfilter f;
	struct logview v;
	struct logview_window w;
	size_t i;

	(void)state;
	flooded(&lb, 5000);
	logfilter_init(&f);
	assert_int_equal(logfilter_set(&f, "status=500", 10, NULL), 0);
	assert_true(logfilter_step(&f, &lb, 1000000));
	/* @ to a time: the first match at or after that line on top. */
	v.mode = LOGVIEW_TOP;
	v.id = logset_first(&lb) + 1;
	logview_window(&v, &lb, &f, ROWS, &w, lines);
	assert_true(w.from_top);
	assert_int_equal(w.n, ROWS);
	assert_true(seq_at(&lb, &f, &w, 0) >= v.id);
	assert_true(seq_at(&lb, &f, &w, 0) < v.id + 10);
	/* A flood drops the held line and its matches; the filter catches
	 * up a batch at a time. */
	add(&lb, 30000);
	logfilter_step(&f, &lb, 50000);
	logview_window(&v, &lb, &f, ROWS, &w, lines);
	assert_true(w.from_top);
	assert_int_equal(w.n, ROWS);
	assert_true(seq_at(&lb, &f, &w, 0) >= logset_first(&lb));
	assert_true(seq_at(&lb, &f, &w, 0) < logset_first(&lb) + 10);
	for (i = 0; i < w.n; i++)
		assert_int_equal(seq_at(&lb, &f, &w, i) % 10, 0);
	/* Held at the bottom on a match the ring dropped: the oldest matches. */
	v.mode = LOGVIEW_BOTTOM;
	v.id = 10;
	logview_window(&v, &lb, &f, ROWS, &w, lines);
	assert_true(w.from_top);
	assert_int_equal(w.first, 0);
	assert_int_equal(w.n, ROWS);
	logfilter_free(&f);
	logset_free(&lb);
}

static void
scrolling_moves_by_shown_lines_and_follows_at_the_end(void **state)
{
	struct logset lb;
	struct logfilter f;
	struct logview v = { LOGVIEW_FOLLOW, 0, 0 };
	struct logview_window w;
	uint64_t bottom;

	(void)state;
	logset_init(&lb, 0);
	add(&lb, 1000);
	logview_scroll(&v, &lb, NULL, ROWS, -1);	/* Up */
	assert_int_equal(v.mode, LOGVIEW_BOTTOM);
	assert_int_equal(v.id, 998);
	logview_scroll(&v, &lb, NULL, ROWS, 1);	/* Down, at the end */
	assert_int_equal(v.mode, LOGVIEW_FOLLOW);
	/* PgUp far past the oldest line: the pane stays full from it. */
	logview_scroll(&v, &lb, NULL, ROWS, -5000);
	logview_window(&v, &lb, NULL, ROWS, &w, lines);
	assert_int_equal(w.first, 0);
	assert_int_equal(w.n, ROWS);
	logview_scroll(&v, &lb, NULL, ROWS, 1);	/* one Down shows line 14 */
	logview_window(&v, &lb, NULL, ROWS, &w, lines);
	assert_int_equal(w.first, 1);
	/* Held at the top: Up stops at the oldest, PgDn keeps it full and
	 * follows once the newest line is shown. */
	logview_top(&v, &lb);
	logview_scroll(&v, &lb, NULL, ROWS, -1);
	assert_int_equal(v.mode, LOGVIEW_TOP);
	assert_int_equal(v.id, 0);
	logview_scroll(&v, &lb, NULL, ROWS, 5000);
	assert_int_equal(v.mode, LOGVIEW_TOP);
	assert_int_equal(v.id, 1000 - ROWS);
	logview_scroll(&v, &lb, NULL, ROWS, 1);
	assert_int_equal(v.mode, LOGVIEW_FOLLOW);

	/* With a filter, one Up is one match back. */
	logfilter_init(&f);
	assert_int_equal(logfilter_set(&f, "status=500", 10, NULL), 0);
	assert_true(logfilter_step(&f, &lb, 1000000));
	logview_scroll(&v, &lb, &f, ROWS, -1);
	assert_int_equal(v.mode, LOGVIEW_BOTTOM);
	assert_int_equal(v.id, 980);
	logview_window(&v, &lb, &f, ROWS, &w, lines);
	bottom = seq_at(&lb, &f, &w, w.n - 1);
	assert_int_equal(bottom, 980);
	logfilter_free(&f);
	logset_free(&lb);
}

/* A ring per service: api floods far past the whole limit while jobs
 * panics four times. /panic still finds all four, g starts on the first,
 * and scrolling goes from jobs' lines into api's in id order. */
static void
a_quiet_service_keeps_its_lines_beside_a_flood(void **state)
{
	struct logset ls;
	struct logfilter f;
	struct logview v = { LOGVIEW_FOLLOW, 0, 0 };
	struct logview_window w;
	char t[128];
	struct logview_cut cuts[4];
	uint64_t i, panic[4], out;
	size_t cut;
	int k, len;

	(void)state;
	logset_init(&ls, (size_t)1 << 20);
	logset_reset(&ls, 2);
	for (k = 0; k < 4; k++) {
		len = snprintf(t, sizeof(t), "api-1/jobs 2026-01-01T00:00:02Z ERROR jobs panic: %d", k);
		panic[k] = logset_append(&ls, 2, t, (size_t)len, false);
	}
	for (i = 0; i < 100000; i++) {
		len = snprintf(t, sizeof(t), "api-1/api 2026-01-01T00:00:03Z GET /v1 status=200 n=%llu",
		    (unsigned long long)i);
		logset_append(&ls, 1, t, (size_t)len, false);
	}
	/* Following: the newest api lines. */
	logview_window(&v, &ls, NULL, ROWS, &w, lines);
	assert_int_equal(w.n, ROWS);
	assert_int_equal(lines[ROWS - 1].id, logset_end(&ls) - 1);
	assert_int_equal(lines[ROWS - 1].ring, 1);
	/* g: jobs' four lines on top, then the oldest api line kept. */
	logview_top(&v, &ls);
	logview_window(&v, &ls, NULL, ROWS, &w, lines);
	assert_true(w.from_top);
	for (k = 0; k < 4; k++)
		assert_int_equal(lines[k].id, panic[k]);
	assert_int_equal(lines[4].ring, 1);
	assert_int_equal(lines[4].seq, logbuf_first(logset_buf(&ls, 1)));
	/* Where api's kept lines begin, after jobs' older ones: marked before
	 * the fifth line, and jobs (nothing dropped) never. */
	cut = logview_cuts(&ls, lines, w.n, cuts, 4);
	assert_int_equal(cut, 1);
	assert_int_equal(cuts[0].ring, 1);
	assert_int_equal(cuts[0].before, 4);
	/* Only jobs' lines in view: the point is past the window's end. */
	cut = logview_cuts(&ls, lines, 3, cuts, 4);
	assert_int_equal(cut, 1);
	assert_int_equal(cuts[0].before, 3);
	/* Only api's kept lines: nothing older in view to mark. */
	assert_int_equal(logview_cuts(&ls, lines + 4, w.n - 4, cuts, 4), 0);
	assert_int_equal(logview_cuts(&ls, lines, 0, cuts, 4), 0);
	assert_int_equal(logview_cuts(&ls, lines, w.n, cuts, 0), 0);
	/* Down by two: the pane starts at jobs' third line. */
	logview_scroll(&v, &ls, NULL, ROWS, 2);
	logview_window(&v, &ls, NULL, ROWS, &w, lines);
	assert_int_equal(w.first, 2);
	assert_int_equal(lines[0].id, panic[2]);
	/* /panic: four matching, n from the first finds the second. */
	logfilter_init(&f);
	assert_int_equal(logfilter_set(&f, "panic", 5, NULL), 0);
	while (!logfilter_step(&f, &ls, 50000))
		;
	assert_int_equal(logfilter_count(&f, &ls), 4);
	v.mode = LOGVIEW_FOLLOW;
	logview_window(&v, &ls, &f, ROWS, &w, lines);
	assert_int_equal(w.n, 4);
	assert_int_equal(lines[3].id, panic[3]);
	assert_true(logfilter_next(&f, &ls, panic[0], &out));
	assert_int_equal(out, panic[1]);
	assert_true(logfilter_prev(&f, &ls, logset_end(&ls), &out));
	assert_int_equal(out, panic[3]);
	logfilter_free(&f);
	logset_free(&ls);
}

/* f with a filter whose matches do not fill the pane: the view holds the
 * matches it showed, new ones (and the lines between) are only counted,
 * as the status line words them, and Up does not move it forward. */
static void
a_short_filtered_pause_holds_and_counts(void **state)
{
	struct logset lb;
	struct logfilter f;
	struct logview v = { LOGVIEW_FOLLOW, 0, 0 };
	struct logview_window w;
	struct logview_news nw;

	(void)state;
	logset_init(&lb, 0);
	add(&lb, 35);		/* matches 0, 10, 20, 30: four, in a pane of 14 */
	logfilter_init(&f);
	assert_int_equal(logfilter_set(&f, "status=500", 10, NULL), 0);
	assert_true(logfilter_step(&f, &lb, 1000000));
	logview_window(&v, &lb, &f, ROWS, &w, lines);
	assert_int_equal(w.n, 4);
	logview_pause(&v, &lb);			/* f */
	assert_int_equal(v.mode, LOGVIEW_BOTTOM);
	add(&lb, 30);		/* 35..64: three new matches, 40, 50, 60 */
	assert_true(logfilter_step(&f, &lb, 1000000));
	logview_window(&v, &lb, &f, ROWS, &w, lines);
	assert_false(w.from_top);
	assert_int_equal(w.n, 4);
	assert_int_equal(lines[0].id, 0);
	assert_int_equal(lines[3].id, 30);
	/* What the status line counts: the lines since the pause (34 was
	 * the newest, though not a match), and the matches among them. */
	logview_news(&v, &lb, &f, &nw);
	assert_int_equal(nw.arrived, 30);
	assert_int_equal(nw.dropped, 0);
	assert_int_equal(nw.matching, 3);
	/* Up: all it holds is already shown; it stays. */
	logview_scroll(&v, &lb, &f, ROWS, -1);
	logview_window(&v, &lb, &f, ROWS, &w, lines);
	assert_int_equal(w.n, 4);
	assert_int_equal(lines[3].id, 30);
	/* Down: one match more, then f follows again. */
	logview_scroll(&v, &lb, &f, ROWS, 1);
	logview_window(&v, &lb, &f, ROWS, &w, lines);
	assert_int_equal(w.n, 5);
	assert_int_equal(lines[4].id, 40);
	logview_pause(&v, &lb);			/* f, paused: follows */
	assert_int_equal(v.mode, LOGVIEW_FOLLOW);
	logview_window(&v, &lb, &f, ROWS, &w, lines);
	assert_int_equal(w.n, 7);
	/* Paused before any match: the pane stays empty, Up stays put. */
	assert_int_equal(logfilter_set(&f, "line [4-6][0-9] ", 16, NULL), 0);
	assert_true(logfilter_step(&f, &lb, 1000000));
	v.mode = LOGVIEW_BOTTOM;
	v.id = 30;
	logview_window(&v, &lb, &f, ROWS, &w, lines);
	assert_int_equal(w.n, 0);
	assert_int_equal(w.total, 25);
	logview_scroll(&v, &lb, &f, ROWS, -1);
	assert_int_equal(v.mode, LOGVIEW_BOTTOM);
	assert_int_equal(v.id, 30);
	logfilter_free(&f);

	/* Without a filter too: a short tail paused stays as it was. */
	v.mode = LOGVIEW_FOLLOW;
	logview_pause(&v, &lb);
	add(&lb, 5);
	logview_window(&v, &lb, NULL, ROWS, &w, lines);
	assert_int_equal(w.n, ROWS);
	assert_int_equal(lines[ROWS - 1].id, 64);
	logset_free(&lb);
	logset_init(&lb, 0);
	add(&lb, 3);
	v.mode = LOGVIEW_FOLLOW;
	logview_pause(&v, &lb);
	add(&lb, 5);
	logview_window(&v, &lb, NULL, ROWS, &w, lines);
	assert_false(w.from_top);
	assert_int_equal(w.n, 3);
	assert_int_equal(lines[2].id, 2);
	logview_news(&v, &lb, NULL, &nw);
	assert_int_equal(nw.arrived, 5);
	assert_int_equal(nw.matching, 0);
	logset_free(&lb);
}

/* "+N new": f showed +9789, g made it +278671 and PgDn smaller,
 * since it counted the lines below the view. It counts what arrived since
 * the pause, wherever the view goes, until the view follows again. */
static void
new_lines_are_those_since_the_pause_wherever_the_view_goes(void **state)
{
	struct logset lb;
	struct logview v = { LOGVIEW_FOLLOW, 0, 0 };
	struct logview_news nw;

	(void)state;
	logset_init(&lb, 0);
	add(&lb, 100);
	logview_news(&v, &lb, NULL, &nw);
	assert_int_equal(nw.arrived, 0);	/* following: nothing to count */
	logview_pause(&v, &lb);			/* f */
	add(&lb, 9);
	logview_news(&v, &lb, NULL, &nw);
	assert_int_equal(nw.arrived, 9);
	logview_top(&v, &lb);			/* g */
	logview_news(&v, &lb, NULL, &nw);
	assert_int_equal(nw.arrived, 9);
	logview_scroll(&v, &lb, NULL, ROWS, ROWS);	/* PgDn */
	assert_int_not_equal(v.mode, LOGVIEW_FOLLOW);
	logview_news(&v, &lb, NULL, &nw);
	assert_int_equal(nw.arrived, 9);
	add(&lb, 1);
	logview_news(&v, &lb, NULL, &nw);
	assert_int_equal(nw.arrived, 10);
	assert_int_equal(nw.dropped, 0);
	/* G follows; Up pauses again, counting from then. */
	v.mode = LOGVIEW_FOLLOW;
	logview_scroll(&v, &lb, NULL, ROWS, -1);
	assert_int_equal(v.mode, LOGVIEW_BOTTOM);
	logview_news(&v, &lb, NULL, &nw);
	assert_int_equal(nw.arrived, 0);
	add(&lb, 2);
	logview_news(&v, &lb, NULL, &nw);
	assert_int_equal(nw.arrived, 2);
	/* @ and n/N hold a following view the same way. */
	v.mode = LOGVIEW_FOLLOW;
	logview_hold(&v, &lb, LOGVIEW_TOP, 5);
	add(&lb, 3);
	logview_news(&v, &lb, NULL, &nw);
	assert_int_equal(nw.arrived, 3);
	logset_free(&lb);
}

/* Under a flood the full ring drops lines as fast as they come: the count
 * still moves, and says how many of the new lines are gone again. */
static void
a_flood_keeps_the_count_moving_and_says_what_it_dropped(void **state)
{
	struct logset lb;
	struct logview v = { LOGVIEW_FOLLOW, 0, 0 };
	struct logview_news nw;
	uint64_t since;

	(void)state;
	flooded(&lb, 5000);
	assert_true(logset_dropped(&lb, WR_LOGSET_OWN) > 0);
	logview_pause(&v, &lb);
	since = logset_end(&lb);
	add(&lb, 5000);
	logview_news(&v, &lb, NULL, &nw);
	assert_int_equal(nw.arrived, 5000);
	assert_true(nw.dropped > 0);
	assert_int_equal(nw.arrived - nw.dropped, logset_count_after(&lb, since - 1));
	add(&lb, 5000);
	logview_news(&v, &lb, NULL, &nw);
	assert_int_equal(nw.arrived, 10000);
	assert_true(nw.dropped > 5000);
	assert_int_equal(nw.arrived - nw.dropped, logset_count(&lb));
	/* g on a flood: the same count. */
	logview_top(&v, &lb);
	logview_news(&v, &lb, NULL, &nw);
	assert_int_equal(nw.arrived, 10000);
	logset_free(&lb);
}

/* g then n with every match on screen: "no later match". Held at
 * the top, the view stands on its top line: n takes the next match to the
 * top row, N the one before; held at the bottom (or following), they go
 * from the bottom line. */
static void
n_and_n_go_from_where_the_view_stands(void **state)
{
	struct logset lb;
	struct logfilter f;
	struct logview v = { LOGVIEW_FOLLOW, 0, 0 };
	struct logview_window w;

	(void)state;
	logset_init(&lb, 0);
	add(&lb, 45);		/* matches 0, 10, 20, 30, 40: five, all in the pane */
	logfilter_init(&f);
	assert_int_equal(logfilter_set(&f, "status=500", 10, NULL), 0);
	assert_true(logfilter_step(&f, &lb, 1000000));
	assert_false(logview_match(&v, &lb, &f, ROWS, true));	/* following: the last */
	logview_top(&v, &lb);			/* g */
	logview_window(&v, &lb, &f, ROWS, &w, lines);
	assert_int_equal(w.n, 5);
	assert_true(logview_match(&v, &lb, &f, ROWS, true));	/* n */
	assert_int_equal(v.mode, LOGVIEW_TOP);
	logview_window(&v, &lb, &f, ROWS, &w, lines);
	assert_true(w.from_top);
	assert_int_equal(lines[0].id, 10);
	assert_true(logview_match(&v, &lb, &f, ROWS, true));
	assert_true(logview_match(&v, &lb, &f, ROWS, true));
	assert_true(logview_match(&v, &lb, &f, ROWS, true));
	assert_int_equal(v.id, 40);
	assert_false(logview_match(&v, &lb, &f, ROWS, true));	/* the last on top */
	assert_int_equal(v.id, 40);
	assert_true(logview_match(&v, &lb, &f, ROWS, false));	/* N */
	assert_int_equal(v.id, 30);
	/* Following, N holds the match before the newest on the bottom row. */
	v.mode = LOGVIEW_FOLLOW;
	assert_true(logview_match(&v, &lb, &f, ROWS, false));
	assert_int_equal(v.mode, LOGVIEW_BOTTOM);
	assert_int_equal(v.id, 30);
	assert_true(logview_match(&v, &lb, &f, ROWS, true));
	assert_int_equal(v.id, 40);
	logfilter_free(&f);
	logset_free(&lb);
}

/* Wrapped lines filling a pane from the bottom: the oldest that does not
 * fit keeps its start (prefix, time) and loses its end, so the newest
 * line taller than the pane shows where it came from, not a bare tail. */
static void
wrapped_lines_keep_their_start(void **state)
{
	int need[] = { 3, 2, 2 }, first;

	(void)state;
	/* The newest alone needs 3 rows of 2: it is the one line, cut. */
	assert_int_equal(logview_fit_rows(need, 3, 2, &first), 1);
	assert_int_equal(first, 2);
	/* 3 + 2 = 5 of 4 rows: the older shows its first 1 row. */
	assert_int_equal(logview_fit_rows(need, 3, 4, &first), 2);
	assert_int_equal(first, 1);
	/* Exactly full: whole. */
	assert_int_equal(logview_fit_rows(need, 3, 5, &first), 2);
	assert_int_equal(first, 2);
	/* Room for all. */
	assert_int_equal(logview_fit_rows(need, 3, 20, &first), 3);
	assert_int_equal(first, 2);
	assert_int_equal(logview_fit_rows(need, 0, 20, &first), 0);
	assert_int_equal(first, 0);
	assert_int_equal(logview_fit_rows(need, 3, 0, &first), 0);
}

/* 2026-01-01 and a clock time. */
#define AT(h, m, s) (1767225600 + (h) * 3600 + (m) * 60 + (s))

/* Five tails' marks side by side at 80 columns: one row, the count and
 * where their kept lines begin, earliest to latest, the dropped count and
 * the budget left out to fit; wider, they are said too. One tail's mark
 * reads as it always has. */
static void
marks_side_by_side_make_one_row(void **state)
{
	struct logview_mark m[5] = {
		{ "h3/api", 51025, AT(17, 33, 22) },
		{ "h4/api", 60000, AT(17, 33, 45) },
		{ "h5/api", 1000, AT(17, 33, 30) },
		{ "h6/api", 2000, WR_LOGBUF_NO_TIME },
		{ "h8/api", 3000, AT(17, 33, 40) },
	};
	char out[400];
	size_t len;

	(void)state;
	len = logview_mark_words(m, 5, "64 MiB", 78, out, sizeof(out));
	assert_int_equal(len, strlen(out));
	assert_string_equal(out, "── 5 tails' older lines dropped; oldest kept "
	    "17:33:22–17:33:45 ");
	logview_mark_words(m, 5, "64 MiB", 200, out, sizeof(out));
	assert_string_equal(out, "── 5 tails' older lines dropped (117025; the log budget is "
	    "64 MiB: log_buffer); oldest kept 17:33:22–17:33:45 ");
	logview_mark_words(m, 1, "64 MiB", 78, out, sizeof(out));
	assert_string_equal(out, "── h3/api: older lines dropped (51025; the log budget is "
	    "64 MiB: log_buffer) ");
	/* One time, once; none known, none said. */
	logview_mark_words(m, 2, "64 MiB", 78, out, sizeof(out));
	assert_string_equal(out, "── 2 tails' older lines dropped; oldest kept "
	    "17:33:22–17:33:45 ");
	m[1].oldest = m[0].oldest;
	logview_mark_words(m, 2, "64 MiB", 78, out, sizeof(out));
	assert_string_equal(out, "── 2 tails' older lines dropped; oldest kept 17:33:22 ");
	logview_mark_words(m + 3, 0, "64 MiB", 78, out, sizeof(out));
	assert_string_equal(out, "");
	m[0].oldest = m[1].oldest = WR_LOGBUF_NO_TIME;
	logview_mark_words(m, 2, "64 MiB", 78, out, sizeof(out));
	assert_string_equal(out, "── 2 tails' older lines dropped ");
}

/* A paused view while + merges a new tail's backlog in by time: the
 * merge gives every line a new id; the held line stays the one held, and
 * "+N new" still counts the lines stored since the pause (the backlog's
 * among them), though their new ids no longer follow one another. */
static void
a_merge_keeps_the_held_line_and_the_count(void **state)
{
	struct logset s;
	struct logview v = { LOGVIEW_FOLLOW, 0, 0 };
	struct logview_news nw;
	struct logset_line l;
	struct logfilter f;
	char held[128], t[128];
	uint64_t ids[1];
	int i, len;

	(void)state;
	logset_init(&s, 0);
	logset_reset(&s, 1);
	for (i = 0; i < 100; i++) {
		len = snprintf(t, sizeof(t), "h4/api 2026-01-01T00:01:%02dZ old %d", i % 60, i);
		logset_append(&s, 1, t, (size_t)len, false);
	}
	logview_scroll(&v, &s, NULL, ROWS, -5);	/* paused, five lines up */
	assert_int_equal(v.mode, LOGVIEW_BOTTOM);
	assert_true(logset_get(&s, v.id, &l));
	snprintf(held, sizeof(held), "%.*s", (int)l.len, l.text);
	for (i = 0; i < 10; i++) {
		len = snprintf(t, sizeof(t), "h4/api 2026-01-01T00:02:%02dZ new %d", i, i);
		logset_append(&s, 1, t, (size_t)len, false);
	}
	assert_int_equal(logset_add_ring(&s), 2);
	for (i = 0; i < 20; i++) {
		len = snprintf(t, sizeof(t), "h1/api 2026-01-01T00:00:%02dZ backlog %d", i, i);
		logset_append(&s, 2, t, (size_t)len, false);
	}
	logview_news(&v, &s, NULL, &nw);
	assert_int_equal(nw.arrived, 30);
	logfilter_init(&f);
	assert_int_equal(logfilter_set(&f, "backlog|new|old 9", 17, NULL), 0);
	while (!logfilter_step(&f, &s, 7))
		;
	assert_int_equal(logfilter_count(&f, &s), 41);
	ids[0] = logset_end(&s) - 1;
	logview_merge_ring(&v, &s, 2, ids, 1);
	/* The filter searches the lines again, each once. */
	while (!logfilter_step(&f, &s, 7))
		;
	assert_int_equal(logfilter_count(&f, &s), 41);
	logfilter_free(&f);
	assert_true(logset_get(&s, v.id, &l));
	assert_int_equal(l.len, strlen(held));
	assert_memory_equal(l.text, held, l.len);
	assert_true(logset_get(&s, ids[0], &l));
	assert_non_null(strstr(l.text, "backlog 19"));
	logview_news(&v, &s, NULL, &nw);
	assert_int_equal(nw.arrived, 30);
	assert_int_equal(nw.dropped, 0);
	logset_append(&s, 1, "h4/api 2026-01-01T00:02:10Z new 10", 34, false);
	logview_news(&v, &s, NULL, &nw);
	assert_int_equal(nw.arrived, 31);
	/* Following, nothing is counted and the merge leaves it following. */
	v.mode = LOGVIEW_FOLLOW;
	logview_merge_ring(&v, &s, 2, NULL, 0);
	assert_int_equal(v.mode, LOGVIEW_FOLLOW);
	logview_news(&v, &s, NULL, &nw);
	assert_int_equal(nw.arrived, 0);
	logset_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(top_shows_the_oldest_lines_from_the_top_row),
		cmocka_unit_test(a_dropped_bottom_line_clamps_to_the_oldest),
		cmocka_unit_test(filtered_views_stay_on_matches_the_ring_keeps),
		cmocka_unit_test(scrolling_moves_by_shown_lines_and_follows_at_the_end),
		cmocka_unit_test(a_quiet_service_keeps_its_lines_beside_a_flood),
		cmocka_unit_test(a_short_filtered_pause_holds_and_counts),
		cmocka_unit_test(new_lines_are_those_since_the_pause_wherever_the_view_goes),
		cmocka_unit_test(a_flood_keeps_the_count_moving_and_says_what_it_dropped),
		cmocka_unit_test(n_and_n_go_from_where_the_view_stands),
		cmocka_unit_test(wrapped_lines_keep_their_start),
		cmocka_unit_test(marks_side_by_side_make_one_row),
		cmocka_unit_test(a_merge_keeps_the_held_line_and_the_count),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
