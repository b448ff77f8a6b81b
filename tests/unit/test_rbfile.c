/*
 * test_rbfile.c — a runbook file is said changed when it is no longer what
 * the console read: replaced (an editor's rename), resized, written in
 * place, or gone; a runbook read from a pipe is never said changed. A
 * stat that moved with the same bytes (a touch, the same text saved) is
 * no change. A file gone is said without the restart a restart could not
 * use.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/rbfile.h"

static const struct rbfile_stamp read_at = {
	.known = true, .dev = 2049, .ino = 77, .size = 812, .mtime_ns = 1700000000123456789,
};

static void
the_same_file_is_not_changed(void **state)
{
	struct rbfile_stamp now = read_at;

	(void)state;
	assert_false(rbfile_changed(&read_at, &now));
}

static void
each_edit_counts(void **state)
{
	struct rbfile_stamp now;

	(void)state;
	now = read_at;
	now.ino = 78;                    /* saved by rename */
	assert_true(rbfile_changed(&read_at, &now));
	now = read_at;
	now.size = 813;
	assert_true(rbfile_changed(&read_at, &now));
	now = read_at;
	now.mtime_ns++;                  /* same size, written in place */
	assert_true(rbfile_changed(&read_at, &now));
	now = read_at;
	now.known = false;               /* removed */
	assert_true(rbfile_changed(&read_at, &now));
}

/* The stamp of text as read (or as it reads now) at stat st. */
static struct rbfile_stamp
summed(struct rbfile_stamp st, const char *text)
{
	rbfile_sum(&st, text, strlen(text));
	return st;
}

static void
a_touch_is_no_change_an_edit_is(void **state)
{
	struct rbfile_stamp was = summed(read_at, "- [ ] Acknowledge\n"), now;

	(void)state;
	/* touch live.md: the stat moved, the bytes did not. */
	now = read_at;
	now.mtime_ns += 5000000000LL;
	assert_true(rbfile_moved(&was, &now));
	now = summed(now, "- [ ] Acknowledge\n");
	assert_false(rbfile_changed(&was, &now));
	/* The same size, one byte edited in place. */
	now = summed(now, "- [ ] Acknowledgf\n");
	assert_true(rbfile_changed(&was, &now));
	/* Moved and could not be read: not known to be the same. */
	now.summed = false;
	assert_true(rbfile_changed(&was, &now));
	/* Not moved: the same, its bytes never read. */
	now = read_at;
	assert_false(rbfile_moved(&was, &now));
	assert_false(rbfile_changed(&was, &now));
}

static void
a_pipe_read_once_is_never_changed(void **state)
{
	struct rbfile_stamp was = { 0 }, now = { 0 };

	(void)state;
	assert_false(rbfile_changed(&was, &now));
}

static void
the_notice_says_what_x_runs(void **state)
{
	struct rbfile_stamp gone = { 0 };
	char buf[200];

	(void)state;
	rbfile_notice("live.md", &read_at, buf, sizeof(buf));
	assert_string_equal(buf, "live.md changed on disk since it was loaded: restart warroom "
	    "to load it; x runs the steps shown");
	rbfile_notice("team/check.md", &gone, buf, sizeof(buf));
	assert_string_equal(buf, "team/check.md is gone from disk since it was loaded; x runs the "
	    "steps shown");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_same_file_is_not_changed),
		cmocka_unit_test(each_edit_counts),
		cmocka_unit_test(a_touch_is_no_change_an_edit_is),
		cmocka_unit_test(a_pipe_read_once_is_never_changed),
		cmocka_unit_test(the_notice_says_what_x_runs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
