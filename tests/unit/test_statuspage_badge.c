/*
 * test_statuspage_badge.c — the header's status-page badge: nothing once
 * every post went through; while one waits or fails, how many, the last
 * failure and the next try, worded to fit beside ARMED at 80 columns;
 * the same state read from the journal's records by a read-only console.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/statuspage_badge.h"

static const char *
badge(const struct statuspage_badge_in *in, int width)
{
	static char buf[256];

	statuspage_badge(in, width, buf, sizeof(buf));
	return buf;
}

static void
nothing_when_every_post_went_through(void **state)
{
	struct statuspage_badge_in in = { .pending = 0, .retry_in_s = -1 };

	(void)state;
	assert_string_equal(badge(&in, 200), "");
}

static void
failing_post_says_status_and_next_try(void **state)
{
	struct statuspage_badge_in in = { .pending = 2, .failing = true, .fail_status = 500,
		.retry_in_s = 8 };

	(void)state;
	assert_string_equal(badge(&in, 200),
	    " STATUS PAGE: 2 pending, last HTTP 500, retrying in 8s ");
	assert_string_equal(badge(&in, 55), " STATUS PAGE: 2 pending, last HTTP 500, retrying in 8s ");
	assert_string_equal(badge(&in, 54), " STATUS PAGE: 2 pending, HTTP 500, retrying in 8s ");
	assert_string_equal(badge(&in, 49), " STATUS PAGE: 2 pending, HTTP 500 ");
	/* Beside ARMED at 80 columns: the bare fact. */
	assert_string_equal(badge(&in, 24), " STATUS PAGE: HTTP 500 ");
	/* Narrower than any wording: still said, never dropped. */
	assert_string_equal(badge(&in, 3), " STATUS PAGE: HTTP 500 ");
	in.retry_in_s = -1;
	in.fail_status = 0;
	assert_string_equal(badge(&in, 200),
	    " STATUS PAGE: 2 pending, last no answer, retrying now ");
}

static void
pending_without_failure(void **state)
{
	struct statuspage_badge_in in = { .pending = 1, .retry_in_s = -1 };

	(void)state;
	assert_string_equal(badge(&in, 200), " STATUS PAGE: 1 pending ");
	assert_string_equal(badge(&in, 10), " STATUS PAGE: 1 pending ");
}

static void
given_up_stays_until_a_post_goes_through(void **state)
{
	struct statuspage_badge_in in = { .failed = 1, .fail_status = 503, .retry_in_s = -1 };

	(void)state;
	assert_string_equal(badge(&in, 200),
	    " STATUS PAGE: 1 post FAILED (last HTTP 503): post again ");
	assert_string_equal(badge(&in, 34), " STATUS PAGE: 1 FAILED (HTTP 503) ");
	assert_string_equal(badge(&in, 33), " STATUS PAGE: FAILED ");
	in.failed = 2;
	in.pending = 1;
	in.failing = true;
	in.retry_in_s = 30;
	assert_string_equal(badge(&in, 200),
	    " STATUS PAGE: 2 FAILED, 1 pending, last HTTP 503, retrying in 30s ");
}

static void
every_wording_fits_its_width(void **state)
{
	struct statuspage_badge_in in = { .pending = 12, .failed = 3, .failing = true,
		.fail_status = 429, .retry_in_s = 60 };
	char buf[256];
	int w;

	(void)state;
	for (w = 23; w < 120; w++) {
		size_t n = statuspage_badge(&in, w, buf, sizeof(buf));

		assert_int_equal(n, strlen(buf));
		assert_true((int)n <= w);
		assert_true(buf[0] == ' ' && buf[n - 1] == ' ');
	}
	/* A short buffer is cut, never overrun. */
	assert_int_equal(statuspage_badge(&in, 200, buf, 8), 7);
}

static void
fold(struct statuspage_journal *j, const char *kind, const char *data, int64_t ts)
{
	cJSON *d = cJSON_Parse(data);

	statuspage_journal_fold(j, kind, d, ts);
	cJSON_Delete(d);
}

/* A watcher has no client of its own: the badge comes from the records
 * the console that posts writes. */
static void
the_journal_gives_a_watcher_the_same_badge(void **state)
{
	struct statuspage_journal j = { 0 };
	struct statuspage_badge_in in;
	char buf[256];

	(void)state;
	fold(&j, "note", "{\"text\":\"x\"}", 0);
	statuspage_journal_badge_in(&j, 1000, &in);
	assert_int_equal(statuspage_badge(&in, 200, buf, sizeof(buf)), 0);
	fold(&j, "statuspage.queue", "{\"queue\":\"sp-2-0001\"}", 1000);
	statuspage_journal_badge_in(&j, 1000, &in);
	statuspage_badge(&in, 200, buf, sizeof(buf));
	assert_string_equal(buf, " STATUS PAGE: 1 pending ");
	fold(&j, "statuspage.retry", "{\"http_status\":500,\"retry_ms\":8000}", 2000);
	statuspage_journal_badge_in(&j, 3000, &in);
	statuspage_badge(&in, 200, buf, sizeof(buf));
	assert_string_equal(buf, " STATUS PAGE: 1 pending, last HTTP 500, retrying in 7s ");
	statuspage_journal_badge_in(&j, 20000, &in);
	statuspage_badge(&in, 200, buf, sizeof(buf));
	assert_string_equal(buf, " STATUS PAGE: 1 pending, last HTTP 500, retrying now ");
	fold(&j, "statuspage.failed", "{\"http_status\":500}", 30000);
	statuspage_journal_badge_in(&j, 30000, &in);
	statuspage_badge(&in, 200, buf, sizeof(buf));
	assert_string_equal(buf, " STATUS PAGE: 1 post FAILED (last HTTP 500): post again ");
	fold(&j, "statuspage.queue", "{}", 31000);
	fold(&j, "statuspage.post", "{\"status\":\"investigating\"}", 32000);
	statuspage_journal_badge_in(&j, 32000, &in);
	assert_int_equal(statuspage_badge(&in, 200, buf, sizeof(buf)), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nothing_when_every_post_went_through),
		cmocka_unit_test(failing_post_says_status_and_next_try),
		cmocka_unit_test(pending_without_failure),
		cmocka_unit_test(given_up_stays_until_a_post_goes_through),
		cmocka_unit_test(every_wording_fits_its_width),
		cmocka_unit_test(the_journal_gives_a_watcher_the_same_badge),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
