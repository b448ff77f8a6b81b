/*
 * test_logview.c — which lines the LOGS pane shows: following, held at
 * the top (g, @) or at the bottom (scrolling, n/N), with and without a
 * filter, while the ring drops its oldest lines under the held one.
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
add(struct logbuf *lb, uint64_t n)
{
	char t[128];

	while (n-- > 0) {
		uint64_t s = logbuf_end(lb);
		int len = snprintf(t, sizeof(t), "2026-01-01T00:00:00Z line %llu status=%d padding",
		    (unsigned long long)s, s % 10 == 0 ? 500 : 200);

		logbuf_append(lb, t, (size_t)len, 0);
	}
}

/* A ring that has dropped lines: 64 KiB holds about a thousand. */
static void
flooded(struct logbuf *lb, uint64_t lines)
{
	logbuf_init(lb, WR_LOGBUF_MIN_BYTES);
	add(lb, lines);
}

static uint64_t
seq_at(const struct logbuf *lb, const struct logfilter *f, const struct logview_window *w,
    size_t i)
{
	return logview_seq(lb, f, w->first + i);
}

static void
top_shows_the_oldest_lines_from_the_top_row(void **state)
{
	struct logbuf lb;
	struct logview v = { LOGVIEW_FOLLOW, 0 };
	struct logview_window w;

	(void)state;
	/* A short buffer: g puts its first line on the top row. */
	logbuf_init(&lb, 0);
	add(&lb, 3);
	logview_top(&v, &lb);
	logview_window(&v, &lb, NULL, ROWS, &w);
	assert_true(w.from_top);
	assert_int_equal(w.n, 3);
	assert_int_equal(seq_at(&lb, NULL, &w, 0), 0);
	/* Following, a short buffer sits at the bottom as a tail does. */
	v.mode = LOGVIEW_FOLLOW;
	logview_window(&v, &lb, NULL, ROWS, &w);
	assert_false(w.from_top);
	assert_int_equal(w.n, 3);
	logbuf_free(&lb);

	/* The ring drops the held line again and again: the view slides
	 * with it, always the oldest lines left, a full pane. */
	flooded(&lb, 5000);
	assert_true(logbuf_first(&lb) > 0);
	logview_top(&v, &lb);
	add(&lb, 20000);
	assert_true(logbuf_first(&lb) > v.seq);
	logview_window(&v, &lb, NULL, ROWS, &w);
	assert_true(w.from_top);
	assert_int_equal(w.n, ROWS);
	assert_int_equal(seq_at(&lb, NULL, &w, 0), logbuf_first(&lb));
	logbuf_free(&lb);
}

static void
a_dropped_bottom_line_clamps_to_the_oldest(void **state)
{
	struct logbuf lb;
	struct logview v;
	struct logview_window w;

	(void)state;
	flooded(&lb, 5000);
	v.mode = LOGVIEW_BOTTOM;
	v.seq = logbuf_first(&lb) + 3;	/* only 3 lines above it */
	logview_window(&v, &lb, NULL, ROWS, &w);
	assert_true(w.from_top);
	assert_int_equal(w.first, 0);
	assert_int_equal(w.n, ROWS);
	add(&lb, 20000);	/* and now it is gone */
	logview_window(&v, &lb, NULL, ROWS, &w);
	assert_true(w.from_top);
	assert_int_equal(w.n, ROWS);
	assert_int_equal(seq_at(&lb, NULL, &w, 0), logbuf_first(&lb));
	/* Held well inside the ring: it is the bottom line. */
	v.seq = logbuf_first(&lb) + 100;
	logview_window(&v, &lb, NULL, ROWS, &w);
	assert_false(w.from_top);
	assert_int_equal(w.n, ROWS);
	assert_int_equal(seq_at(&lb, NULL, &w, ROWS - 1), v.seq);
	logbuf_free(&lb);
}

static void
filtered_views_stay_on_matches_the_ring_keeps(void **state)
{
	struct logbuf lb;
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
	v.seq = logbuf_first(&lb) + 1;
	logview_window(&v, &lb, &f, ROWS, &w);
	assert_true(w.from_top);
	assert_int_equal(w.n, ROWS);
	assert_true(seq_at(&lb, &f, &w, 0) >= v.seq);
	assert_true(seq_at(&lb, &f, &w, 0) < v.seq + 10);
	/* A flood drops the held line and its matches; the filter catches
	 * up a batch at a time. */
	add(&lb, 30000);
	logfilter_step(&f, &lb, 50000);
	logview_window(&v, &lb, &f, ROWS, &w);
	assert_true(w.from_top);
	assert_int_equal(w.n, ROWS);
	assert_true(seq_at(&lb, &f, &w, 0) >= logbuf_first(&lb));
	assert_true(seq_at(&lb, &f, &w, 0) < logbuf_first(&lb) + 10);
	for (i = 0; i < w.n; i++)
		assert_int_equal(seq_at(&lb, &f, &w, i) % 10, 0);
	/* Held at the bottom on a match the ring dropped: the oldest matches. */
	v.mode = LOGVIEW_BOTTOM;
	v.seq = 10;
	logview_window(&v, &lb, &f, ROWS, &w);
	assert_true(w.from_top);
	assert_int_equal(w.first, 0);
	assert_int_equal(w.n, ROWS);
	logfilter_free(&f);
	logbuf_free(&lb);
}

static void
scrolling_moves_by_shown_lines_and_follows_at_the_end(void **state)
{
	struct logbuf lb;
	struct logfilter f;
	struct logview v = { LOGVIEW_FOLLOW, 0 };
	struct logview_window w;
	uint64_t bottom;

	(void)state;
	logbuf_init(&lb, 0);
	add(&lb, 1000);
	logview_scroll(&v, &lb, NULL, ROWS, -1);	/* Up */
	assert_int_equal(v.mode, LOGVIEW_BOTTOM);
	assert_int_equal(v.seq, 998);
	logview_scroll(&v, &lb, NULL, ROWS, 1);	/* Down, at the end */
	assert_int_equal(v.mode, LOGVIEW_FOLLOW);
	/* PgUp far past the oldest line: the pane stays full from it. */
	logview_scroll(&v, &lb, NULL, ROWS, -5000);
	logview_window(&v, &lb, NULL, ROWS, &w);
	assert_int_equal(w.first, 0);
	assert_int_equal(w.n, ROWS);
	logview_scroll(&v, &lb, NULL, ROWS, 1);	/* one Down shows line 14 */
	logview_window(&v, &lb, NULL, ROWS, &w);
	assert_int_equal(w.first, 1);
	/* Held at the top: Up stops at the oldest, PgDn keeps it full and
	 * follows once the newest line is shown. */
	logview_top(&v, &lb);
	logview_scroll(&v, &lb, NULL, ROWS, -1);
	assert_int_equal(v.mode, LOGVIEW_TOP);
	assert_int_equal(v.seq, 0);
	logview_scroll(&v, &lb, NULL, ROWS, 5000);
	assert_int_equal(v.mode, LOGVIEW_TOP);
	assert_int_equal(v.seq, 1000 - ROWS);
	logview_scroll(&v, &lb, NULL, ROWS, 1);
	assert_int_equal(v.mode, LOGVIEW_FOLLOW);

	/* With a filter, one Up is one match back. */
	logfilter_init(&f);
	assert_int_equal(logfilter_set(&f, "status=500", 10, NULL), 0);
	assert_true(logfilter_step(&f, &lb, 1000000));
	logview_scroll(&v, &lb, &f, ROWS, -1);
	assert_int_equal(v.mode, LOGVIEW_BOTTOM);
	assert_int_equal(v.seq, 980);
	logview_window(&v, &lb, &f, ROWS, &w);
	bottom = seq_at(&lb, &f, &w, w.n - 1);
	assert_int_equal(bottom, 980);
	logfilter_free(&f);
	logbuf_free(&lb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(top_shows_the_oldest_lines_from_the_top_row),
		cmocka_unit_test(a_dropped_bottom_line_clamps_to_the_oldest),
		cmocka_unit_test(filtered_views_stay_on_matches_the_ring_keeps),
		cmocka_unit_test(scrolling_moves_by_shown_lines_and_follows_at_the_end),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
