/*
 * test_rbkey.c — each loaded runbook's key: the bare file name while no
 * other loaded runbook has it (an older journal keeps working), else the
 * fewest trailing path components no other path ends in; a key from an
 * older run names a runbook by whole trailing components only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/rbkey.h"

static void
names(const char *const *paths, size_t n, char **keys)
{
	rbkey_names(paths, n, keys);
}

static void
free_keys(char **keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
}

static void
a_unique_file_name_stays_bare(void **state)
{
	const char *paths[] = { "/srv/rb/live.md", "/srv/rb/rollback.md" };
	char *keys[2];

	(void)state;
	names(paths, 2, keys);
	assert_string_equal(keys[0], "live.md");
	assert_string_equal(keys[1], "rollback.md");
	free_keys(keys, 2);
}

static void
two_check_md_are_told_apart_by_their_directories(void **state)
{
	const char *paths[] = { "/home/q/team/check.md", "/home/q/platform/check.md",
		"/home/q/live.md" };
	char *keys[3];

	(void)state;
	names(paths, 3, keys);
	assert_string_equal(keys[0], "team/check.md");
	assert_string_equal(keys[1], "platform/check.md");
	assert_string_equal(keys[2], "live.md");
	free_keys(keys, 3);
}

static void
the_shortest_part_that_differs_is_taken(void **state)
{
	const char *paths[] = { "/a/ops/x/check.md", "/b/ops/x/check.md", "/c/dev/x/check.md" };
	char *keys[3];

	(void)state;
	names(paths, 3, keys);
	assert_string_equal(keys[0], "a/ops/x/check.md");
	assert_string_equal(keys[1], "b/ops/x/check.md");
	assert_string_equal(keys[2], "dev/x/check.md");
	free_keys(keys, 3);
}

static void
a_path_inside_another_keeps_itself_whole(void **state)
{
	const char *paths[] = { "/a/check.md", "/b/a/check.md" };
	char *keys[2];

	(void)state;
	names(paths, 2, keys);
	assert_string_equal(keys[0], "/a/check.md");
	assert_string_equal(keys[1], "b/a/check.md");
	free_keys(keys, 2);
}

static void
doubled_slashes_and_dots_do_not_count(void **state)
{
	const char *paths[] = { "team//./check.md", "platform/check.md" };
	char *keys[2];

	(void)state;
	names(paths, 2, keys);
	assert_string_equal(keys[0], "team/check.md");
	assert_string_equal(keys[1], "platform/check.md");
	free_keys(keys, 2);
}

static void
a_key_names_a_path_by_whole_trailing_components(void **state)
{
	(void)state;
	assert_true(rbkey_names_path("check.md", "/srv/team/check.md"));
	assert_true(rbkey_names_path("team/check.md", "/srv/team/check.md"));
	assert_false(rbkey_names_path("team/check.md", "/srv/myteam/check.md"));
	assert_false(rbkey_names_path("heck.md", "/srv/team/check.md"));
	assert_false(rbkey_names_path("team/check.md", "check.md"));
	assert_true(rbkey_names_path("/a/check.md", "/a/check.md"));
	assert_false(rbkey_names_path("/a/check.md", "/b/a/check.md"));
}

static void
an_id_splits_at_its_last_colon(void **state)
{
	char key[64], buf[64];
	int line = 0;

	(void)state;
	assert_true(rbkey_split("team/check.md:12", key, sizeof(key), &line));
	assert_string_equal(key, "team/check.md");
	assert_int_equal(line, 12);
	assert_true(rbkey_split("a:b.md:3", key, sizeof(key), &line));
	assert_string_equal(key, "a:b.md");
	assert_int_equal(line, 3);
	assert_false(rbkey_split("check.md", key, sizeof(key), &line));
	assert_false(rbkey_split("check.md:", key, sizeof(key), &line));
	assert_false(rbkey_split("check.md:1x", key, sizeof(key), &line));
	assert_false(rbkey_split(":7", key, sizeof(key), &line));
	rbkey_id("team/check.md", 7, buf, sizeof(buf));
	assert_string_equal(buf, "team/check.md:7");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_unique_file_name_stays_bare),
		cmocka_unit_test(two_check_md_are_told_apart_by_their_directories),
		cmocka_unit_test(the_shortest_part_that_differs_is_taken),
		cmocka_unit_test(a_path_inside_another_keeps_itself_whole),
		cmocka_unit_test(doubled_slashes_and_dots_do_not_count),
		cmocka_unit_test(a_key_names_a_path_by_whole_trailing_components),
		cmocka_unit_test(an_id_splits_at_its_last_colon),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
