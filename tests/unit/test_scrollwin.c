/*
 * test_scrollwin.c — a window over a long text: everything when it fits,
 * markers taking their rows, pages that skip no row,
 * clamping at both ends, and windows too small for markers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "warroom/scrollwin.h"

static void
fits_whole(void **state)
{
	struct scrollwin w = scrollwin_at(10, 16, 5);

	(void)state;
	assert_int_equal(w.first, 0);
	assert_int_equal(w.shown, 10);
	assert_int_equal(w.above, 0);
	assert_int_equal(w.below, 0);
	w = scrollwin_at(16, 16, 0);
	assert_int_equal(w.shown, 16);
	assert_int_equal(w.below, 0);
	w = scrollwin_at(0, 16, 3);
	assert_int_equal(w.shown, 0);
}

static void
markers_take_rows(void **state)
{
	struct scrollwin w = scrollwin_at(30, 16, 0);

	(void)state;
	assert_int_equal(w.first, 0);
	assert_int_equal(w.shown, 15);           /* the ▼ marker's row */
	assert_int_equal(w.above, 0);
	assert_int_equal(w.below, 15);
	w = scrollwin_at(40, 16, 10);
	assert_int_equal(w.shown, 14);           /* both markers */
	assert_int_equal(w.above, 10);
	assert_int_equal(w.below, 16);
}

static void
clamped_to_the_last_page(void **state)
{
	struct scrollwin w = scrollwin_at(30, 16, 99);

	(void)state;
	assert_int_equal(w.first, 15);
	assert_int_equal(w.shown, 15);
	assert_int_equal(w.above, 15);
	assert_int_equal(w.below, 0);
	w = scrollwin_at(30, 16, -4);
	assert_int_equal(w.first, 0);
}

/* Paging down shows every row (the last page, kept full, may show some
 * again); paging up skips none either and ends at the top. */
static void
pages_skip_nothing(void **state)
{
	int total, first, next, seen, pages;

	(void)state;
	for (total = 17; total < 80; total++) {
		struct scrollwin w;

		first = 0;
		seen = 0;
		for (pages = 0; pages < 40; pages++) {
			w = scrollwin_at(total, 16, first);
			assert_true(w.first <= seen);
			assert_int_equal(w.above + w.shown + w.below, total);
			assert_int_equal(w.shown, 16 - (w.above > 0) - (w.below > 0));
			seen = w.first + w.shown;
			next = scrollwin_page(total, 16, first, 1);
			if (next == first)
				break;
			first = next;
		}
		assert_int_equal(seen, total);
		assert_int_equal(w.below, 0);
		for (pages = 0; first > 0 && pages < 40; pages++) {
			next = scrollwin_page(total, 16, first, -1);
			w = scrollwin_at(total, 16, next);
			assert_true(next < first);
			assert_true(w.first + w.shown >= first);
			first = next;
		}
		assert_int_equal(first, 0);
	}
}

static void
too_small_for_markers(void **state)
{
	struct scrollwin w = scrollwin_at(10, 2, 4);

	(void)state;
	assert_int_equal(w.first, 4);
	assert_int_equal(w.shown, 2);
	assert_int_equal(w.above, 4);
	assert_int_equal(w.below, 4);
	assert_int_equal(scrollwin_page(10, 2, 4, 1), 6);
	assert_int_equal(scrollwin_page(10, 2, 9, 1), 8);
	assert_int_equal(scrollwin_page(10, 2, 1, -1), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fits_whole),
		cmocka_unit_test(markers_take_rows),
		cmocka_unit_test(clamped_to_the_last_page),
		cmocka_unit_test(pages_skip_nothing),
		cmocka_unit_test(too_small_for_markers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
