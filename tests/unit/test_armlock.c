/*
 * test_armlock.c — the incident's arm lock on real files: one holder at a
 * time (a second open file, as another console's, is refused with the
 * holder's line), taken again once released, the line emptied on
 * release, control bytes in the file shown as '?', a file that cannot
 * be created said, and a lock whose file was removed or moved no longer
 * intact.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "warroom/armlock.h"

static char dir[] = "/tmp/warroom-armlock.XXXXXX";
static char journal[WR_PATH_MAX - 16];   /* room for ".arm" in a path */

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(journal, sizeof(journal), "%s/drill-0a1b2c.jsonl", dir);
	return 0;
}

static int
teardown(void **state)
{
	char path[WR_PATH_MAX];

	(void)state;
	snprintf(path, sizeof(path), "%s.arm", journal);
	unlink(path);
	rmdir(dir);
	return 0;
}

static void
one_holder_at_a_time(void **state)
{
	struct armlock a = { 0 }, b = { 0 };
	char holder[200];
	struct wr_err err;

	(void)state;
	assert_false(armlock_held(&a));
	assert_int_equal(armlock_take(&a, journal, "alice@bastion", holder, sizeof(holder), &err), 0);
	assert_true(armlock_held(&a));
	/* Taking it again is ours already. */
	assert_int_equal(armlock_take(&a, journal, "alice@bastion", holder, sizeof(holder), &err), 0);
	assert_int_equal(armlock_take(&b, journal, "bob@bastion", holder, sizeof(holder), &err), 1);
	assert_false(armlock_held(&b));
	assert_non_null(strstr(holder, "alice@bastion (pid "));
	assert_non_null(strstr(holder, " UTC"));
	assert_null(strchr(holder, '\n'));
	armlock_release(&a);
	assert_false(armlock_held(&a));
	armlock_release(&a);            /* twice is nothing */
	assert_int_equal(armlock_take(&b, journal, "bob@bastion", holder, sizeof(holder), &err), 0);
	assert_int_equal(armlock_take(&a, journal, "alice@bastion", holder, sizeof(holder), &err), 1);
	assert_non_null(strstr(holder, "bob@bastion"));
	armlock_release(&b);
}

static void
the_line_goes_with_the_lock(void **state)
{
	struct armlock a = { 0 }, b = { 0 };
	char path[WR_PATH_MAX], holder[200];
	struct wr_err err;
	struct stat st;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s.arm", journal);
	assert_int_equal(armlock_take(&a, journal, "alice@bastion", holder, sizeof(holder), &err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_true(st.st_size > 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	armlock_release(&a);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 0);

	/* A line with codes in it (anyone could write one) shows as words. */
	assert_int_equal(armlock_take(&a, journal, "x", holder, sizeof(holder), &err), 0);
	assert_non_null(f = fopen(path, "w"));
	fputs("eve\x1b]52;c;AAAA\x07@host\n", f);
	fclose(f);
	assert_int_equal(armlock_take(&b, journal, "bob", holder, sizeof(holder), &err), 1);
	assert_string_equal(holder, "eve?]52;c;AAAA?@host");
	/* A small buffer is cut, never overrun. */
	assert_int_equal(armlock_take(&b, journal, "bob", holder, 4, &err), 1);
	assert_string_equal(holder, "eve");
	armlock_release(&a);
}

static void
a_place_it_cannot_be_made_is_said(void **state)
{
	struct armlock a = { 0 };
	char holder[64];
	struct wr_err err;

	(void)state;
	assert_int_equal(armlock_take(&a, "/nonexistent-warroom-dir/x.jsonl", "alice", holder,
	    sizeof(holder), &err), -1);
	assert_non_null(strstr(err.msg, "cannot open the arm lock /nonexistent-warroom-dir/x.jsonl.arm"));
	assert_false(armlock_held(&a));
}

static void
a_lock_file_removed_or_moved_is_not_intact(void **state)
{
	struct armlock a = { 0 }, b = { 0 };
	char path[WR_PATH_MAX], moved[WR_PATH_MAX + 8], holder[200];
	struct wr_err err;

	(void)state;
	snprintf(path, sizeof(path), "%s.arm", journal);
	snprintf(moved, sizeof(moved), "%s.moved", path);
	assert_false(armlock_intact(&a, journal));              /* not held */
	assert_int_equal(armlock_take(&a, journal, "alice@bastion", holder, sizeof(holder), &err), 0);
	assert_true(armlock_intact(&a, journal));
	/* Moved away, another console locks a new file at the path. */
	assert_int_equal(rename(path, moved), 0);
	assert_false(armlock_intact(&a, journal));
	assert_int_equal(armlock_take(&b, journal, "bob@bastion", holder, sizeof(holder), &err), 0);
	armlock_release(&b);
	unlink(path);
	/* Removed outright. */
	assert_int_equal(rename(moved, path), 0);
	assert_true(armlock_intact(&a, journal));
	assert_int_equal(unlink(path), 0);
	assert_false(armlock_intact(&a, journal));
	armlock_release(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_holder_at_a_time),
		cmocka_unit_test(the_line_goes_with_the_lock),
		cmocka_unit_test(a_place_it_cannot_be_made_is_said),
		cmocka_unit_test(a_lock_file_removed_or_moved_is_not_intact),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
