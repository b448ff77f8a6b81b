/*
 * test_toosmall.c — the notice a terminal below 80x24 shows: every row
 * fits the width at any size, the size is always said, which keys still
 * act too, and an armed console's badge with its countdown is never left
 * out.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/toosmall.h"

static struct toosmall
words(int cols, int lines, long armed_s, bool open)
{
	struct toosmall_in in = { .cols = cols, .lines = lines, .min_cols = 80, .min_lines = 24,
		.armed_s = armed_s, .open = open };
	struct toosmall t;

	toosmall_words(&in, &t);
	return t;
}

/* Every row within the width, no more rows than lines. */
static void
fits(const struct toosmall *t, int cols, int lines)
{
	int i;

	assert_true(t->n >= 1 && t->n <= lines);
	for (i = 0; i < t->n; i++)
		assert_true((int)strlen(t->row[i]) <= cols);
}

static void
roomy_says_it_all(void **state)
{
	struct toosmall t = words(79, 23, -1, false);

	(void)state;
	assert_int_equal(t.n, 3);
	assert_string_equal(t.row[0], "terminal too small: 79x23, need at least 80x24");
	assert_string_equal(t.row[1], "keys are ignored until it is larger;");
	assert_string_equal(t.row[2], "q still quits, Esc still cancels");
	assert_int_equal(t.badge, -1);
}

static void
forty_by_ten_wraps_its_words(void **state)
{
	struct toosmall t = words(40, 10, -1, false);

	(void)state;
	fits(&t, 40, 10);
	assert_int_equal(t.n, 4);
	assert_string_equal(t.row[0], "terminal too small: 40x10");
	assert_string_equal(t.row[1], "need at least 80x24");
	assert_string_equal(t.row[3], "q still quits, Esc cancels");
}

static void
twenty_by_five_keeps_the_size(void **state)
{
	struct toosmall t = words(20, 5, -1, false);

	(void)state;
	fits(&t, 20, 5);
	assert_int_equal(t.n, 1);
	assert_string_equal(t.row[0], "20x5<80x24 q:quit");
	t = words(12, 3, -1, false);
	fits(&t, 12, 3);
	assert_string_equal(t.row[0], "12x3<80x24");
	assert_string_equal(t.row[1], "q:quit");
}

static void
armed_badge_never_gives_way(void **state)
{
	struct toosmall t = words(70, 20, 899, false);

	(void)state;
	fits(&t, 70, 20);
	assert_int_equal(t.badge, 0);
	assert_string_equal(t.row[0], " ARMED 14:59 ");
	assert_int_equal(t.badge_len, 13);
	assert_string_equal(t.row[1], "terminal too small: 70x20, need at least 80x24");
	/* Short of rows: a shorter notice, the badge stays. */
	t = words(70, 2, 61, false);
	fits(&t, 70, 2);
	assert_string_equal(t.row[0], " ARMED 1:01 ");
	assert_string_equal(t.row[1], "70x2<80x24 q:quit");
	/* One line: both on it. */
	t = words(40, 1, 61, false);
	fits(&t, 40, 1);
	assert_string_equal(t.row[0], " ARMED 1:01 40x1<80x24 q:quit");
	/* Narrower than the badge with its spaces: the badge bare. */
	t = words(11, 4, 61, false);
	assert_string_equal(t.row[0], "ARMED 1:01");
	assert_int_equal(t.badge_len, 10);
}

static void
with_a_dialog_open_esc_closes_and_q_is_not_offered(void **state)
{
	struct toosmall t = words(60, 20, -1, true);
	int i;

	(void)state;
	fits(&t, 60, 20);
	assert_string_equal(t.row[2], "Esc still closes what is open");
	for (i = 0; i < t.n; i++)
		assert_null(strstr(t.row[i], "q "));
	t = words(20, 5, -1, true);
	assert_string_equal(t.row[0], "20x5<80x24 Esc:close");
	fits(&t, 20, 5);
}

/* q at 70x20 with an action running; the notice said "Esc still
 * closes what is open" and y was ignored. It now asks the question. */
static void
the_quit_question_is_asked_by_the_notice(void **state)
{
	struct toosmall_in in = { .cols = 70, .lines = 20, .min_cols = 80, .min_lines = 24,
		.armed_s = -1, .open = true, .quit_question = true };
	struct toosmall t;
	int c, l;

	(void)state;
	toosmall_words(&in, &t);
	assert_int_equal(t.n, 3);
	assert_string_equal(t.row[0], "terminal too small: 70x20, need at least 80x24");
	assert_string_equal(t.row[1], "the quit question is open (larger shows it):");
	assert_string_equal(t.row[2], "Quit anyway? y quits, any other key stays");
	in.cols = 30;
	toosmall_words(&in, &t);
	assert_string_equal(t.row[2], "Quit anyway?");
	assert_string_equal(t.row[3], "y quits, any other key stays");
	in.cols = 20;
	in.lines = 5;
	toosmall_words(&in, &t);
	assert_string_equal(t.row[0], "20x5<80x24 y:quit");
	/* From 18 columns every row fits, and every wording says y. */
	for (c = 18; c < 80; c++)
		for (l = 1; l < 24; l++) {
			bool y = false;
			int i;

			in.cols = c;
			in.lines = l;
			toosmall_words(&in, &t);
			fits(&t, c, l);
			for (i = 0; i < t.n; i++)
				y = y || strstr(t.row[i], "y:quit") != NULL ||
				    strstr(t.row[i], "y quits") != NULL ||
				    strstr(t.row[i], "(y/N)") != NULL;
			assert_true(y);
		}
}

/* Whatever the size, the size is said; from 18 columns (the shortest
 * wording of a 2-digit size) every row fits, but the one line an armed
 * console shares with its badge, which is drawn first. */
static void
every_size_fits(void **state)
{
	int c, l, i;

	(void)state;
	for (c = 1; c < 80; c++)
		for (l = 1; l < 24; l++) {
			bool armed = (c + l) % 2 != 0, said = false;
			struct toosmall t = words(c, l, armed ? 900 : -1, false);
			char size[16];

			snprintf(size, sizeof(size), "%dx%d", c, l);
			assert_true(t.n >= 1 && t.n <= l);
			assert_int_equal(t.badge, armed ? 0 : -1);
			for (i = 0; i < t.n; i++) {
				said = said || strstr(t.row[i], size) != NULL;
				if (c >= 18 && !(armed && l == 1))
					assert_true((int)strlen(t.row[i]) <= c);
			}
			assert_true(said);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(roomy_says_it_all),
		cmocka_unit_test(forty_by_ten_wraps_its_words),
		cmocka_unit_test(twenty_by_five_keeps_the_size),
		cmocka_unit_test(armed_badge_never_gives_way),
		cmocka_unit_test(with_a_dialog_open_esc_closes_and_q_is_not_offered),
		cmocka_unit_test(the_quit_question_is_asked_by_the_notice),
		cmocka_unit_test(every_size_fits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
