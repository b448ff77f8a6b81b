/*
 * test_stepmark.c — a RUNBOOK row names the hosts its step ran on with
 * each outcome, counts them when the names do not fit (never a bare OK
 * for a step done on one host of five), and says what its post,
 * announcement and smoke check did.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/stepmark.h"

static void
one_host_of_five_is_named(void **state)
{
	struct stepmark_host h[] = { { "h1", "OK" } };
	struct stepmark m = { .hosts = h, .nhosts = 1, .fleet = 5 };
	char buf[128];

	(void)state;
	stepmark_format(&m, 30, buf, sizeof(buf));
	assert_string_equal(buf, "OK h1");
	/* Too long for the room: counted, still not a bare OK. */
	stepmark_format(&m, 4, buf, sizeof(buf));
	assert_string_equal(buf, "OK 1 host");
}

static void
hosts_are_grouped_by_outcome(void **state)
{
	struct stepmark_host h[] = {
		{ "api-1", "OK" }, { "api-2", "FAILED" }, { "api-3", "OK" },
		{ "api-4", "OK after re-read" },
	};
	struct stepmark m = { .hosts = h, .nhosts = 4, .fleet = 4 };
	char buf[128];

	(void)state;
	stepmark_format(&m, 80, buf, sizeof(buf));
	assert_string_equal(buf, "OK api-1 api-3, FAILED api-2, OK after re-read api-4");
	stepmark_format(&m, 30, buf, sizeof(buf));
	assert_string_equal(buf, "OK 2 hosts, FAILED 1 host, OK after re-read 1 host");
}

static void
every_host_is_said_so_when_counted(void **state)
{
	struct stepmark_host h[] = {
		{ "eu-west-api-1", "OK" }, { "eu-west-api-2", "OK" }, { "eu-west-api-3", "OK" },
	};
	struct stepmark m = { .hosts = h, .nhosts = 3, .fleet = 3 };
	char buf[128];

	(void)state;
	stepmark_format(&m, 24, buf, sizeof(buf));
	assert_string_equal(buf, "OK all 3 hosts");
	m.fleet = 1;
	m.nhosts = 1;
	stepmark_format(&m, 4, buf, sizeof(buf));
	assert_string_equal(buf, "OK 1 host");
}

static void
posts_announcements_and_smoke_checks(void **state)
{
	struct stepmark m = { .fleet = 5 };
	struct stepmark_host h[] = { { "h2", "RUNNING" } };
	char buf[128];

	(void)state;
	stepmark_format(&m, 30, buf, sizeof(buf));
	assert_string_equal(buf, "");
	m.post = STEPMARK_PENDING;
	stepmark_format(&m, 30, buf, sizeof(buf));
	assert_string_equal(buf, "POSTING");
	m.post = STEPMARK_OK;
	stepmark_format(&m, 30, buf, sizeof(buf));
	assert_string_equal(buf, "POSTED");
	m.post = STEPMARK_FAILED;
	m.announce = STEPMARK_UNKNOWN;
	m.smoke = STEPMARK_OK;
	m.smoke_host = "h1";
	stepmark_format(&m, 80, buf, sizeof(buf));
	assert_string_equal(buf, "POST FAILED, ANNOUNCE UNKNOWN, SMOKE OK h1");
	m.hosts = h;
	m.nhosts = 1;
	m.post = STEPMARK_OK;
	m.announce = STEPMARK_NONE;
	stepmark_format(&m, 80, buf, sizeof(buf));
	assert_string_equal(buf, "RUNNING h2, POSTED, SMOKE OK h1");
	/* 200 as expected from a /readyz whose migrations are not current. */
	m.smoke = STEPMARK_WARN;
	stepmark_format(&m, 80, buf, sizeof(buf));
	assert_string_equal(buf, "RUNNING h2, POSTED, SMOKE WARN h1");
}

static void
a_small_buffer_is_cut_not_overrun(void **state)
{
	struct stepmark_host h[] = { { "h1", "OK" }, { "h2", "OK" } };
	struct stepmark m = { .hosts = h, .nhosts = 2, .fleet = 2, .post = STEPMARK_OK };
	char buf[8];

	(void)state;
	memset(buf, 'x', sizeof(buf));
	stepmark_format(&m, 80, buf, sizeof(buf));
	assert_string_equal(buf, "OK h1 h");
}

static void
a_refusal_leads(void **state)
{
	struct stepmark m = { .fleet = 5, .unrun = "REFUSED" };
	struct stepmark_host h[] = { { "h1", "OK" }, { "h2", "OK" }, { "h3", "FAILED" } };
	char buf[128];

	(void)state;
	stepmark_format(&m, 30, buf, sizeof(buf));
	assert_string_equal(buf, "REFUSED");
	m.hosts = h;
	m.nhosts = 3;
	m.post = STEPMARK_OK;
	stepmark_format(&m, 80, buf, sizeof(buf));
	assert_string_equal(buf, "REFUSED, OK h1 h2, FAILED h3, POSTED");
	/* Counted when narrow: the refusal stays first. */
	stepmark_format(&m, 20, buf, sizeof(buf));
	assert_string_equal(buf, "REFUSED, OK 2 hosts, FAILED 1 host, POSTED");
	/* A skip leads in its own word. */
	m.unrun = "SKIPPED";
	stepmark_format(&m, 80, buf, sizeof(buf));
	assert_string_equal(buf, "SKIPPED, OK h1 h2, FAILED h3, POSTED");
}

/* Sent from a step edited since (stepran_sent_changed): never the plain
 * word the step as shown would earn. */
static void
what_an_earlier_version_sent_says_so(void **state)
{
	struct stepmark m = {
		.fleet = 5, .post = STEPMARK_OK, .post_earlier = true,
		.announce = STEPMARK_FAILED, .smoke = STEPMARK_OK, .smoke_earlier = true,
		.smoke_host = "h3",
	};
	char buf[128];

	(void)state;
	stepmark_format(&m, 80, buf, sizeof(buf));
	assert_string_equal(buf, "EARLIER VERSION POSTED, ANNOUNCE FAILED, "
	    "EARLIER VERSION SMOKE OK h3");
	m.post_earlier = m.smoke_earlier = false;
	m.announce_earlier = true;
	stepmark_format(&m, 80, buf, sizeof(buf));
	assert_string_equal(buf, "POSTED, EARLIER VERSION ANNOUNCE FAILED, SMOKE OK h3");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_host_of_five_is_named),
		cmocka_unit_test(hosts_are_grouped_by_outcome),
		cmocka_unit_test(every_host_is_said_so_when_counted),
		cmocka_unit_test(posts_announcements_and_smoke_checks),
		cmocka_unit_test(a_refusal_leads),
		cmocka_unit_test(what_an_earlier_version_sent_says_so),
		cmocka_unit_test(a_small_buffer_is_cut_not_overrun),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
