/*
 * test_envmark.c — HOSTS' .env mark: set by an env.check that found .env
 * naming another tag than the service ran, kept while it still runs that
 * tag, cleared by a read that agrees (or a deploy since), and the words
 * of the TAG cell and the detail line, what to do first.
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
	cJSON *d = envmark_record("api", value, runs);

	envmark_fold(m, d);
	cJSON_Delete(d);
}

static void
a_read_naming_another_tag_marks_the_row(void **state)
{
	struct envmark m = { 0 };
	char cell[160], line[400];

	assert_false(envmark_on(&m, "v1.4.1"));
	/* The re-read after UNKNOWN: the rollback took effect, .env did not. */
	fold(&m, "v1.5.0-bad", "v1.4.1");
	assert_true(envmark_on(&m, "v1.4.1"));
	assert_true(envmark_on(&m, ""));          /* HOSTS has not read it yet */
	envmark_tag_cell("v1.4.1", cell, sizeof(cell));
	assert_string_equal(cell, "v1.4.1 .env!");
	envmark_detail("api-1", "api", &m, line, sizeof(line));
	assert_string_equal(line, "api-1/api: keep IMAGE_TAG=v1.4.1 in .env: it says v1.5.0-bad, "
	    "which a plain `up -d` brings back; C-r re-reads it");
	/* At 80 columns, what to do is in sight. */
	line[78] = '\0';
	assert_non_null(strstr(line, "keep IMAGE_TAG=v1.4.1 in .env: it says v1.5.0-bad"));
}

static void
a_read_that_agrees_clears_it(void **state)
{
	struct envmark m = { 0 };

	fold(&m, "v1.5.0-bad", "v1.4.1");
	/* The runbook's keep-tag step ran, then C-r read .env again. */
	assert_true(envmark_changes(&m, "v1.4.1", "v1.4.1"));
	fold(&m, "v1.4.1", "v1.4.1");
	assert_false(envmark_on(&m, "v1.4.1"));
	/* No IMAGE_TAG in .env at all: nothing for `up -d` to bring back. */
	fold(&m, "(unset)", "v1.4.1");
	assert_false(envmark_on(&m, "v1.4.1"));
}

static void
a_deploy_since_makes_the_read_old(void **state)
{
	struct envmark m = { 0 };

	fold(&m, "v1.5.0-bad", "v1.4.1");
	/* A plain `up -d` did bring it back, or a deploy moved on: TAG says
	 * what runs; the old read no longer speaks for .env. */
	assert_false(envmark_on(&m, "v1.5.0-bad"));
	assert_false(envmark_on(&m, "v1.6.0"));
}

static void
only_news_is_recorded(void **state)
{
	struct envmark m = { 0 };

	assert_true(envmark_changes(&m, "v1.5.0-bad", "v1.4.1"));
	fold(&m, "v1.5.0-bad", "v1.4.1");
	assert_false(envmark_changes(&m, "v1.5.0-bad", "v1.4.1"));
	assert_true(envmark_changes(&m, "v1.5.0-bad", "v1.4.0"));
}

static void
the_record_says_it_in_words(void **state)
{
	cJSON *d = envmark_record("api", "v1.5.0-bad", "v1.4.1");
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(d, "summary");

	assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(d, "agrees")));
	assert_string_equal(s->valuestring, ".env says IMAGE_TAG=v1.5.0-bad but api runs v1.4.1: "
	    "a plain `up -d` brings v1.5.0-bad back");
	cJSON_Delete(d);
	d = envmark_record("api", "v1.4.1", "v1.4.1");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(d, "agrees")));
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(d, "summary")->valuestring,
	    ".env says IMAGE_TAG=v1.4.1, as api runs");
	cJSON_Delete(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_read_naming_another_tag_marks_the_row),
		cmocka_unit_test(a_read_that_agrees_clears_it),
		cmocka_unit_test(a_deploy_since_makes_the_read_old),
		cmocka_unit_test(only_news_is_recorded),
		cmocka_unit_test(the_record_says_it_in_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
