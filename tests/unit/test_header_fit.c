/*
 * test_header_fit.c — the header at a width: the badges never give way;
 * the clock's date, the incident's name, T+, the clock and " warroom" do,
 * in that order, each only when the line cannot hold it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "warroom/header_fit.h"

/* " warroom │ api 5xx spike │ T+00:00:00 ... 2026-01-01 00:00:00 UTC ". */
static struct header_fit
fit(int cols, int badges)
{
	struct header_fit_in in = { .cols = cols, .badges = badges, .label = 8, .sep = 3,
		.name = 13, .elapsed = 10, .clock_long = 24, .clock_short = 13 };
	struct header_fit f;

	header_fit(&in, &f);
	/* Whatever was chosen fits beside the badges, one column spare. */
	if (f.label)
		assert_true(header_fit_left(&in, &f) + f.clock + badges + 1 <= cols);
	return f;
}

static void
wide_shows_everything(void **state)
{
	struct header_fit f = fit(80, 14);

	(void)state;
	assert_true(f.label);
	assert_int_equal(f.name, 13);
	assert_true(f.elapsed);
	assert_int_equal(f.clock, 24);
}

static void
parts_give_way_in_order(void **state)
{
	struct header_fit f;

	(void)state;
	/* First the date. */
	f = fit(80, 29);
	assert_int_equal(f.clock, 13);
	assert_int_equal(f.name, 13);
	/* Then the name is cut, down to a character and its ellipsis. */
	f = fit(80, 30);
	assert_int_equal(f.clock, 13);
	assert_int_equal(f.name, 12);
	assert_true(f.elapsed);
	f = fit(80, 40);
	assert_int_equal(f.name, 2);
	/* Then it goes; T+ stays. */
	f = fit(80, 42);
	assert_int_equal(f.name, 0);
	assert_true(f.elapsed);
	assert_int_equal(f.clock, 13);
	/* Then T+; the clock stays. */
	f = fit(80, 47);
	assert_false(f.elapsed);
	assert_int_equal(f.clock, 13);
	assert_true(f.label);
	/* Then the clock; " warroom" stays. */
	f = fit(80, 60);
	assert_int_equal(f.clock, 0);
	assert_true(f.label);
}

static void
badges_alone_when_they_need_the_line(void **state)
{
	/* ARMED 5:00, 1 UNKNOWN: host not read back yet, STATUS PAGE: FAILED
	 * at 80 columns: 74 columns of badges, and nothing else fits. */
	struct header_fit f = fit(80, 74);

	(void)state;
	assert_false(f.label);
	assert_int_equal(f.name, 0);
	assert_false(f.elapsed);
	assert_int_equal(f.clock, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wide_shows_everything),
		cmocka_unit_test(parts_give_way_in_order),
		cmocka_unit_test(badges_alone_when_they_need_the_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
