/*
 * test_outfile.c — export -o's file on real files: a new file is written
 * whole and 0600; an existing one is refused unless forced and then
 * replaced only once the export is whole; an aborted or failed export
 * leaves the old file as it was; a journal (and its .torn/.arm/.live)
 * is never replaced, forced or not; a directory is refused; a device is
 * written in place.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "warroom/outfile.h"

static char dir[] = "/tmp/warroom-outfile.XXXXXX";

static char *
path_of(const char *name)
{
	static char p[WR_PATH_MAX];

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	return p;
}

static void
put(const char *name, const char *text)
{
	FILE *f = fopen(path_of(name), "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static const char *
get(const char *name)
{
	static char buf[256];
	FILE *f = fopen(path_of(name), "r");
	size_t n;

	if (f == NULL)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Files in dir: a temporary left behind shows here. */
static int
nfiles(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[WR_PATH_MAX + 16];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
a_new_file_is_written_whole_and_private(void **state)
{
	struct outfile o;
	struct wr_err err;
	struct stat st;
	FILE *f;

	(void)state;
	assert_non_null(f = outfile_open(&o, path_of("pm.md"), false, &err));
	fputs("# post-mortem\n", f);
	assert_null(get("pm.md"));              /* not there until whole */
	assert_int_equal(outfile_commit(&o, &err), 0);
	assert_string_equal(get("pm.md"), "# post-mortem\n");
	assert_int_equal(stat(path_of("pm.md"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(nfiles(), 1);
}

static void
an_existing_file_only_when_forced(void **state)
{
	struct outfile o;
	struct wr_err err;
	FILE *f;

	(void)state;
	put("old.md", "keep me\n");
	assert_null(outfile_open(&o, path_of("old.md"), false, &err));
	assert_non_null(strstr(err.msg, "old.md exists: nothing written (--force replaces it)"));
	assert_string_equal(get("old.md"), "keep me\n");
	/* Forced, but the export failed: the old file stays. */
	assert_non_null(f = outfile_open(&o, path_of("old.md"), true, &err));
	fputs("half", f);
	outfile_abort(&o);
	assert_string_equal(get("old.md"), "keep me\n");
	assert_non_null(f = outfile_open(&o, path_of("old.md"), true, &err));
	fputs("new\n", f);
	assert_int_equal(outfile_commit(&o, &err), 0);
	assert_string_equal(get("old.md"), "new\n");
	assert_int_equal(nfiles(), 2);
}

static void
a_journal_never(void **state)
{
	static const char *const names[] = {
		"drill-0a1b2c.jsonl", "drill-0a1b2c.jsonl.torn", "drill-0a1b2c.jsonl.arm",
		"drill-0a1b2c.jsonl.live",
	};
	struct outfile o;
	struct wr_err err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		put(names[i], "{\"seq\":1}\n");
		assert_null(outfile_open(&o, path_of(names[i]), true, &err));
		assert_non_null(strstr(err.msg, "is an incident journal: an export never replaces "
		    "one; nothing written"));
		assert_string_equal(get(names[i]), "{\"seq\":1}\n");
	}
	/* A new .jsonl name is only a name. */
	assert_non_null(outfile_open(&o, path_of("fresh.jsonl"), false, &err));
	outfile_abort(&o);
	assert_null(get("fresh.jsonl"));
}

static void
directories_and_devices(void **state)
{
	struct outfile o;
	struct wr_err err;
	FILE *f;

	(void)state;
	assert_null(outfile_open(&o, dir, true, &err));
	assert_non_null(strstr(err.msg, "is a directory"));
	assert_null(outfile_open(&o, path_of("no/such/dir/pm.md"), false, &err));
	assert_non_null(strstr(err.msg, "No such file or directory"));
	/* A device is written in place: nothing made beside it. */
	assert_non_null(f = outfile_open(&o, "/dev/null", false, &err));
	assert_string_equal(o.tmp, "");
	fputs("x", f);
	assert_int_equal(outfile_commit(&o, &err), 0);
	/* A write that fails is said. */
	if (access("/dev/full", W_OK) == 0) {
		assert_non_null(f = outfile_open(&o, "/dev/full", false, &err));
		fputs("x", f);
		assert_int_equal(outfile_commit(&o, &err), -1);
		assert_non_null(strstr(err.msg, "cannot write /dev/full"));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_new_file_is_written_whole_and_private),
		cmocka_unit_test(an_existing_file_only_when_forced),
		cmocka_unit_test(a_journal_never),
		cmocka_unit_test(directories_and_devices),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
