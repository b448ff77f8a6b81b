/*
 * test_rbfile.c — a runbook file is said changed when it is no longer what
 * the console read: replaced (an editor's rename), resized, written in
 * place, or gone; a runbook read from a pipe is never said changed. A
 * stat that moved with the same bytes (a touch, the same text saved) is
 * no change. A file gone is said without the restart a restart could not
 * use. A file changed and put back to the bytes read is no longer said
 * changed.
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

/* One look as the console takes it: summed when the watch asks. */
static enum rbfile_news
look(struct rbfile_watch *w, struct rbfile_stamp now, const char *text)
{
	if (rbfile_wants_sum(w, &now))
		rbfile_sum(&now, text, strlen(text));
	return rbfile_look(w, &now);
}

static void
a_file_put_back_is_no_longer_changed(void **state)
{
	struct rbfile_stamp was = summed(read_at, "- [ ] Acknowledge\n"), now;
	struct rbfile_watch w;

	(void)state;
	rbfile_watch_start(&w, &was);
	assert_int_equal(look(&w, read_at, "never read"), RBFILE_QUIET);
	/* Edited in place, then the edit undone (the same size, a new mtime). */
	now = read_at;
	now.mtime_ns += 1000000000LL;
	assert_int_equal(look(&w, now, "- [ ] Acknowledgf\n"), RBFILE_CHANGED);
	assert_true(w.changed);
	assert_int_equal(look(&w, now, "not read: the stat did not move"), RBFILE_QUIET);
	now.mtime_ns += 1000000000LL;
	assert_int_equal(look(&w, now, "- [ ] Acknowledge\n"), RBFILE_BACK);
	assert_false(w.changed);
	/* A touch after it is no change; another edit is one again. */
	now.mtime_ns += 1000000000LL;
	assert_int_equal(look(&w, now, "- [ ] Acknowledge\n"), RBFILE_QUIET);
	now.ino = 99;                    /* an editor's rename */
	assert_int_equal(look(&w, now, "- [ ] Page the owner\n"), RBFILE_CHANGED);
	/* Saved by rename once more, with other new words: still changed. */
	now.ino = 100;
	assert_int_equal(look(&w, now, "- [ ] Page the team\n"), RBFILE_QUIET);
	assert_true(w.changed);
}

static void
a_file_gone_and_back_is_said_each_way(void **state)
{
	struct rbfile_stamp was = summed(read_at, "- [ ] Acknowledge\n"), gone = { 0 }, now;
	struct rbfile_watch w;

	(void)state;
	rbfile_watch_start(&w, &was);
	assert_int_equal(look(&w, gone, ""), RBFILE_CHANGED);
	assert_int_equal(look(&w, gone, ""), RBFILE_QUIET);
	/* Moved back (mv): the same inode and bytes as read. */
	assert_true(rbfile_wants_sum(&w, &read_at));
	assert_int_equal(look(&w, read_at, "- [ ] Acknowledge\n"), RBFILE_BACK);
	/* Edited, then removed: the notice's words change, nothing goes. */
	now = read_at;
	now.size = 30;
	assert_int_equal(look(&w, now, "- [ ] Acknowledge the page\n"), RBFILE_CHANGED);
	assert_int_equal(look(&w, gone, ""), RBFILE_STILL);
	assert_true(w.changed);
	assert_int_equal(look(&w, now, "- [ ] Acknowledge the page\n"), RBFILE_STILL);
}

static void
a_pipe_is_never_looked_at(void **state)
{
	struct rbfile_stamp pipe = { 0 };
	struct rbfile_watch w;
	char buf[80];

	(void)state;
	rbfile_watch_start(&w, &pipe);
	assert_false(rbfile_wants_sum(&w, &read_at));
	assert_int_equal(look(&w, read_at, "x"), RBFILE_QUIET);
	rbfile_back_words("live.md", buf, sizeof(buf));
	assert_string_equal(buf, "live.md is back to what was loaded");
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
		cmocka_unit_test(a_file_put_back_is_no_longer_changed),
		cmocka_unit_test(a_file_gone_and_back_is_said_each_way),
		cmocka_unit_test(a_pipe_is_never_looked_at),
		cmocka_unit_test(the_notice_says_what_x_runs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
