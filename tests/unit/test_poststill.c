/*
 * test_poststill.c — the S dialog let "api is back on v1.4.1" go
 * out as monitoring, then resolved, while jobs on h1 and h4 still ran
 * v1.5.0-bad, the release rolled back from: the dialog now says who
 * still runs a release the incident judged bad. A post says things are
 * fixed by its status (monitoring, resolved) or its words (back, fixed,
 * …, as whole words); the services are grouped by service and release,
 * helm's "1.5.0-bad" the same release, long host lists cut.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "warroom/poststill.h"

static void
fold(struct badrel *b, const char *kind, const char *host, const char *data)
{
	cJSON *d = cJSON_Parse(data);

	assert_non_null(d);
	badrel_fold(b, kind, host, d, 0);
	cJSON_Delete(d);
}

static void
tag(struct badrel *b, const char *host, const char *svc, const char *t)
{
	char data[160];

	snprintf(data, sizeof(data), "{\"service\":\"%s\",\"tag\":\"%s\"}", svc, t);
	fold(b, "health.change", host, data);
}

static void
rollback(struct badrel *b, const char *host)
{
	fold(b, "action.intent", host, "{\"action\":\"compose.rollback\",\"plan\":"
	    "{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
}

static void
a_post_says_fixed_by_status_or_words(void **state)
{
	(void)state;
	assert_true(poststill_says_fixed(STATUSPAGE_MONITORING, "we are watching"));
	assert_true(poststill_says_fixed(STATUSPAGE_RESOLVED, ""));
	assert_true(poststill_says_fixed(STATUSPAGE_IDENTIFIED, "api is back on v1.4.1"));
	assert_true(poststill_says_fixed(STATUSPAGE_IDENTIFIED, "Fixed."));
	assert_true(poststill_says_fixed(STATUSPAGE_INVESTIGATING, "error rates are normal again"));
	assert_true(poststill_says_fixed(STATUSPAGE_IDENTIFIED, "service restored"));
	assert_false(poststill_says_fixed(STATUSPAGE_INVESTIGATING,
	    "We are investigating elevated errors in api since 03:11 UTC."));
	/* Whole words only. */
	assert_false(poststill_says_fixed(STATUSPAGE_IDENTIFIED, "backend errors; a fixedness"));
	assert_false(poststill_says_fixed(STATUSPAGE_IDENTIFIED, "abnormal latency"));
	assert_false(poststill_says_fixed(STATUSPAGE_IDENTIFIED, NULL));
}

/* A fleet: api rolled back from v1.5.0-bad on h1 and h4, their
 * jobs left on it; h7 never ran it. */
static void
jobs_left_on_the_bad_release_are_named(void **state)
{
	struct badrel b = { 0 };
	char out[400];

	(void)state;
	tag(&b, "h1", "api", "v1.4.1");
	tag(&b, "h1", "jobs", "v1.4.1");
	tag(&b, "h4", "api", "v1.4.1");
	tag(&b, "h4", "jobs", "v1.4.1");
	tag(&b, "h7", "api", "v1.4.1");
	tag(&b, "h1", "api", "v1.5.0-bad");
	tag(&b, "h1", "jobs", "v1.5.0-bad");
	tag(&b, "h4", "api", "v1.5.0-bad");
	tag(&b, "h4", "jobs", "v1.5.0-bad");
	assert_int_equal(poststill_words(&b, out, sizeof(out)), 0);   /* not judged yet */
	assert_string_equal(out, "");
	rollback(&b, "h4");
	tag(&b, "h4", "api", "v1.4.1");
	rollback(&b, "h1");
	tag(&b, "h1", "api", "v1.4.1");
	assert_int_equal(poststill_words(&b, out, sizeof(out)), 2);
	assert_string_equal(out, "jobs on h1, h4 still run v1.5.0-bad (judged bad in this "
	    "incident)");
	/* jobs rolled back on h4 too: h1 alone. */
	tag(&b, "h4", "jobs", "v1.4.1");
	assert_int_equal(poststill_words(&b, out, sizeof(out)), 1);
	assert_string_equal(out, "jobs on h1 still runs v1.5.0-bad (judged bad in this incident)");
	tag(&b, "h1", "jobs", "v1.4.1");
	assert_int_equal(poststill_words(&b, out, sizeof(out)), 0);
	assert_string_equal(out, "");
	badrel_free(&b);
}

/* One clause per service and release (helm's spelling the same release),
 * in the order first met; past POSTSTILL_HOSTS_MAX hosts, how many more;
 * a small buffer is cut, not overrun. */
static void
clauses_group_by_service_and_release(void **state)
{
	struct badrel b = { 0 };
	char out[400], small[16], host[8];
	int i;

	(void)state;
	for (i = 1; i <= 9; i++) {
		snprintf(host, sizeof(host), "h%d", i);
		tag(&b, host, "api", i == 3 ? "1.5.0-bad" : "v1.5.0-bad");
	}
	tag(&b, "h2", "web", "v1.5.0-bad");
	rollback(&b, "h9");
	tag(&b, "h9", "api", "v1.4.1");
	assert_int_equal(poststill_words(&b, out, sizeof(out)), 9);
	assert_string_equal(out, "api on h1, h2, h3, h4, h5, h6 and 2 more still run v1.5.0-bad; "
	    "web on h2 still runs v1.5.0-bad (judged bad in this incident)");
	assert_int_equal(poststill_words(&b, small, sizeof(small)), 9);
	assert_int_equal(strlen(small), sizeof(small) - 1);
	badrel_free(&b);
}

/* A helm host met first wrote "api on h6, h1 still run 1.5.0-bad":
 * the release is named as the incident first judged it bad. */
static void
a_clause_spells_the_release_as_judged_bad(void **state)
{
	struct badrel b = { 0 };
	char out[400];

	(void)state;
	tag(&b, "h6", "api", "1.5.0-bad");
	tag(&b, "h1", "api", "v1.5.0-bad");
	tag(&b, "h9", "api", "v1.5.0-bad");
	rollback(&b, "h9");
	tag(&b, "h9", "api", "v1.4.1");
	assert_int_equal(poststill_words(&b, out, sizeof(out)), 2);
	assert_string_equal(out, "api on h6, h1 still run v1.5.0-bad (judged bad in this "
	    "incident)");
	badrel_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_post_says_fixed_by_status_or_words),
		cmocka_unit_test(jobs_left_on_the_bad_release_are_named),
		cmocka_unit_test(clauses_group_by_service_and_release),
		cmocka_unit_test(a_clause_spells_the_release_as_judged_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
