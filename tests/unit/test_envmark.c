/*
 * test_envmark.c — HOSTS' .env mark: the poll's reading of .env against
 * the tag a service runs (whoever changed either), the journal's last
 * env.check for a row not read yet, which readings are news to journal
 * (the drift appearing, clearing or changing; never a first agreeing
 * one), and the words of the TAG cell, the detail line, the records and
 * a command's outcome that brought .env's tag back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/envmark.h"

/* Fold what envmark_record makes, as a record read back would be. */
static void
fold(struct envmark *m, const char *value, const char *runs)
{
	cJSON *d = envmark_record("api", value, runs, m);

	envmark_fold(m, d);
	cJSON_Delete(d);
}

static const char *
summary(const char *value, const char *runs, const struct envmark *was, char *buf, size_t cap)
{
	cJSON *d = envmark_record("api", value, runs, was);

	strncpy(buf, cJSON_GetObjectItemCaseSensitive(d, "summary")->valuestring, cap - 1);
	buf[cap - 1] = '\0';
	cJSON_Delete(d);
	return buf;
}

static void
drift_is_another_tag_named(void **state)
{
	(void)state;
	assert_true(envmark_drift("v1.5.0-bad", "v1.4.1"));
	assert_false(envmark_drift("v1.4.1", "v1.4.1"));
	/* No IMAGE_TAG in .env: nothing for `up -d` to bring back. */
	assert_false(envmark_drift("(unset)", "v1.4.1"));
	/* Not read, or nothing to compare with. */
	assert_false(envmark_drift("", "v1.4.1"));
	assert_false(envmark_drift("v1.5.0-bad", ""));
	assert_false(envmark_drift("v1.5.0-bad", "sha256:9f2c"));
}

static void
the_poll_reading_marks_the_row(void **state)
{
	struct envmark journal = { 0 }, m;
	char cell[160], line[400];

	(void)state;
	/* A rollback by runbook commands: api runs v1.4.1, .env still says
	 * v1.5.0-bad, and no env.check was ever written. */
	assert_true(envmark_show(&journal, "v1.5.0-bad", "v1.4.1", &m));
	assert_string_equal(m.env_tag, "v1.5.0-bad");
	assert_string_equal(m.runs, "v1.4.1");
	envmark_tag_cell("v1.4.1", cell, sizeof(cell));
	assert_string_equal(cell, "v1.4.1 .env!");
	envmark_detail("api-1", "api", &m, line, sizeof(line));
	assert_string_equal(line, "api-1: .env says v1.5.0-bad, api runs v1.4.1: a plain `up -d` "
	    "would start v1.5.0-bad in place of v1.4.1");
	/* A service left on the bad tag while .env was set right: what up -d
	 * starts, not "IMAGE_TAG=v1.5.0-bad in .env keeps it". */
	strcpy(m.env_tag, "v1.4.1");
	strcpy(m.runs, "v1.5.0-bad");
	envmark_detail("api-1", "jobs", &m, line, sizeof(line));
	assert_string_equal(line, "api-1: .env says v1.4.1, jobs runs v1.5.0-bad: a plain `up -d` "
	    "would start v1.4.1 in place of v1.5.0-bad");
	strcpy(m.env_tag, "v1.5.0-bad");
	strcpy(m.runs, "v1.4.1");
	envmark_detail("api-1", "api", &m, line, sizeof(line));
	/* At 80 columns the facts are in sight. */
	line[78] = '\0';
	assert_non_null(strstr(line, ".env says v1.5.0-bad, api runs v1.4.1: a plain `up -d`"));
	/* .env edited to the running tag, or the bad tag brought back. */
	assert_false(envmark_show(&journal, "v1.4.1", "v1.4.1", &m));
	assert_false(envmark_show(&journal, "v1.5.0-bad", "v1.5.0-bad", &m));
}

static void
the_poll_reading_overrules_the_journal(void **state)
{
	struct envmark journal = { 0 }, m;

	(void)state;
	fold(&journal, "v1.5.0-bad", "v1.4.1");
	/* Not read yet (a restart, a watcher): the journal speaks. */
	assert_true(envmark_show(&journal, "", "", &m));
	assert_true(envmark_show(&journal, "", "v1.4.1", &m));
	assert_string_equal(m.env_tag, "v1.5.0-bad");
	/* A deploy since: the old record says nothing of .env now. */
	assert_false(envmark_show(&journal, "", "v1.6.0", &m));
	/* Read: what the host says now wins, either way. */
	assert_false(envmark_show(&journal, "v1.4.1", "v1.4.1", &m));
	fold(&journal, "v1.4.1", "v1.4.1");
	assert_true(envmark_show(&journal, "v1.6.0-rc", "v1.4.1", &m));
	assert_string_equal(m.env_tag, "v1.6.0-rc");
}

static void
news_is_the_drift_appearing_or_clearing(void **state)
{
	struct envmark m = { 0 };

	(void)state;
	/* A first reading that agrees is no news: no record per row at start. */
	assert_false(envmark_news(&m, "v1.5.0-bad", "v1.5.0-bad"));
	assert_false(envmark_news(&m, "(unset)", "v1.4.1"));
	/* The drift appears: once. */
	assert_true(envmark_news(&m, "v1.5.0-bad", "v1.4.1"));
	fold(&m, "v1.5.0-bad", "v1.4.1");
	assert_false(envmark_news(&m, "v1.5.0-bad", "v1.4.1"));
	/* Another drift (.env edited to yet another tag) is news too. */
	assert_true(envmark_news(&m, "v1.6.0", "v1.4.1"));
	assert_true(envmark_news(&m, "v1.5.0-bad", "v1.4.0"));
	/* Nothing to compare with: no news, the journal's word stands. */
	assert_false(envmark_news(&m, "", "v1.4.1"));
	assert_false(envmark_news(&m, "v1.5.0-bad", ""));
	/* It clears: once. */
	assert_true(envmark_news(&m, "v1.5.0-bad", "v1.5.0-bad"));
	fold(&m, "v1.5.0-bad", "v1.5.0-bad");
	assert_false(envmark_news(&m, "v1.5.0-bad", "v1.5.0-bad"));
	/* Agreeing on another tag later is no news either. */
	assert_false(envmark_news(&m, "v1.6.0", "v1.6.0"));
	assert_false(envmark_news(&m, "(unset)", "v1.6.0"));
}

static void
the_records_say_how_it_changed(void **state)
{
	struct envmark was = { 0 };
	char buf[700];
	cJSON *d;

	(void)state;
	d = envmark_record("api", "v1.5.0-bad", "v1.4.1", NULL);
	assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(d, "agrees")));
	cJSON_Delete(d);
	assert_string_equal(summary("v1.5.0-bad", "v1.4.1", NULL, buf, sizeof(buf)),
	    "api runs v1.4.1; .env says IMAGE_TAG=v1.5.0-bad, so a plain `up -d` would start "
	    "v1.5.0-bad");
	/* The other way round (a bad tag left running): never "brings back". */
	assert_string_equal(summary("v1.4.1", "v1.5.0-bad", NULL, buf, sizeof(buf)),
	    "api runs v1.5.0-bad; .env says IMAGE_TAG=v1.4.1, so a plain `up -d` would start "
	    "v1.4.1");
	assert_string_equal(summary("v1.4.1", "v1.4.1", NULL, buf, sizeof(buf)),
	    ".env says IMAGE_TAG=v1.4.1, as api runs");
	assert_string_equal(summary("(unset)", "v1.4.1", NULL, buf, sizeof(buf)),
	    ".env sets no IMAGE_TAG; api runs v1.4.1");
	fold(&was, "v1.5.0-bad", "v1.4.1");
	/* Cleared by the service moving to .env's tag (a plain `up -d`). */
	assert_string_equal(summary("v1.5.0-bad", "v1.5.0-bad", &was, buf, sizeof(buf)),
	    "api v1.4.1 -> v1.5.0-bad, the tag .env names (IMAGE_TAG=v1.5.0-bad)");
	/* Cleared by .env edited to what runs (the keep-tag step by hand). */
	assert_string_equal(summary("v1.4.1", "v1.4.1", &was, buf, sizeof(buf)),
	    ".env says IMAGE_TAG=v1.4.1 now (was v1.5.0-bad), as api runs");
	d = envmark_record("api", "v1.4.1", "v1.4.1", &was);
	assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(d, "agrees")));
	cJSON_Delete(d);
}

static void
an_outcome_names_what_came_back(void **state)
{
	const char *names[] = { "api", "jobs", "db" };
	const char *before[] = { "v1.4.1", "v1.4.1", "15" };
	const char *after[] = { "v1.5.0-bad", "v1.4.1", "15" };
	const char *same[] = { "v1.4.1", "v1.4.1", "15" };
	char out[300];

	(void)state;
	assert_int_equal(envmark_brought_back(names, before, after, 3, "v1.5.0-bad", out,
	    sizeof(out)), 1);
	assert_string_equal(out, "WARNING: it brought back .env's IMAGE_TAG=v1.5.0-bad: "
	    "api v1.4.1 -> v1.5.0-bad");
	after[1] = "v1.5.0-bad";
	assert_int_equal(envmark_brought_back(names, before, after, 3, "v1.5.0-bad", out,
	    sizeof(out)), 2);
	assert_string_equal(out, "WARNING: it brought back .env's IMAGE_TAG=v1.5.0-bad: "
	    "api v1.4.1 -> v1.5.0-bad, jobs v1.4.1 -> v1.5.0-bad");
	/* Nothing moved, or no drift before: nothing said. */
	assert_int_equal(envmark_brought_back(names, before, same, 3, "v1.5.0-bad", out,
	    sizeof(out)), 0);
	assert_string_equal(out, "");
	assert_int_equal(envmark_brought_back(names, same, same, 3, "v1.4.1", out, sizeof(out)), 0);
	assert_int_equal(envmark_brought_back(names, before, after, 3, "(unset)", out,
	    sizeof(out)), 0);
	/* Cut, but counted. */
	assert_int_equal(envmark_brought_back(names, before, after, 3, "v1.5.0-bad", out, 20), 2);
	assert_int_equal(strlen(out), 19);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(drift_is_another_tag_named),
		cmocka_unit_test(the_poll_reading_marks_the_row),
		cmocka_unit_test(the_poll_reading_overrules_the_journal),
		cmocka_unit_test(news_is_the_drift_appearing_or_clearing),
		cmocka_unit_test(the_records_say_how_it_changed),
		cmocka_unit_test(an_outcome_names_what_came_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
