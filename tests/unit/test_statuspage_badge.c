/*
 * test_statuspage_badge.c — the header's status-page badge: nothing once
 * every post went through; while one waits or fails, how many, the last
 * failure and the next try, worded to fit beside ARMED at 80 columns;
 * the same state read from the journal's records by a read-only console;
 * no answer named by its cause (DNS, refused, timeout), not "no answer";
 * the read at start that found the token or page wrong, or the page out
 * of reach; a post a restart could not find on the page UNKNOWN.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/netcause.h"
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
	/* Beside ARMED at 80 columns: the bare fact, with its count, so a
	 * narrower console never reads as another state. */
	assert_string_equal(badge(&in, 24), " STATUS PAGE: 2 pending, HTTP 500 ");
	/* Narrower than any wording: still said, never dropped. */
	assert_string_equal(badge(&in, 3), " STATUS PAGE: 2 pending, HTTP 500 ");
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
	assert_string_equal(badge(&in, 33), " STATUS PAGE: 1 FAILED ");
	assert_string_equal(badge(&in, 3), " STATUS PAGE: 1 FAILED ");
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
	/* From the shortest wording on (it is said whatever the room). */
	for (w = (int)statuspage_badge(&in, 0, buf, sizeof(buf)); w < 120; w++) {
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

/* A post a restart read back and did not find is UNKNOWN, not FAILED:
 * it may be on the page. From the client's state and from the journal. */
static void
unknown_after_a_restart_is_not_failed(void **state)
{
	struct statuspage_badge_in in = { .failed = 1, .unknown = 1, .fail_status = 200,
		.retry_in_s = -1 };
	struct statuspage_journal j;

	(void)state;
	assert_string_equal(badge(&in, 200),
	    " STATUS PAGE: 1 post UNKNOWN (no answer before a restart): S sends it again ");
	assert_string_equal(badge(&in, 30), " STATUS PAGE: 1 UNKNOWN ");
	/* Narrower: still the count ("UNKNOWN" alone read as another state
	 * beside a wider console's "1 UNKNOWN"). */
	assert_string_equal(badge(&in, 3), " STATUS PAGE: 1 UNKNOWN ");
	/* With a post that failed outright as well, FAILED is the word. */
	in.failed = 2;
	assert_string_equal(badge(&in, 40), " STATUS PAGE: 2 FAILED (bad answer) ");
	memset(&j, 0, sizeof(j));
	fold(&j, "statuspage.queue", "{}", 1000);
	fold(&j, "statuspage.failed", "{\"http_status\":200,\"unknown\":true,\"reconciled\":true}",
	    2000);
	statuspage_journal_badge_in(&j, 3000, &in);
	assert_string_equal(badge(&in, 30), " STATUS PAGE: 1 UNKNOWN ");
	fold(&j, "statuspage.queue", "{}", 4000);
	fold(&j, "statuspage.post", "{}", 5000);
	statuspage_journal_badge_in(&j, 6000, &in);
	assert_string_equal(badge(&in, 200), "");
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

static const char *
cause(const char *error)
{
	static char buf[128];

	netcause_words(error, buf, sizeof(buf));
	return buf;
}

static void
no_answer_is_named_by_its_cause(void **state)
{
	(void)state;
	assert_string_equal(cause("Could not resolve host: status-api.invalid"),
	    "cannot resolve status-api.invalid");
	assert_string_equal(cause("no answer: Could not resolve host: status-api.invalid"),
	    "cannot resolve status-api.invalid");
	assert_string_equal(cause("Failed to connect to 127.0.0.1 port 9 after 0 ms: "
	    "Couldn't connect to server"), "cannot connect to 127.0.0.1 port 9");
	assert_string_equal(cause("Operation timed out after 10001 milliseconds with 0 bytes "
	    "received"), "timed out");
	assert_string_equal(cause("Connection timed out after 10000 milliseconds"),
	    "connect timed out");
	assert_string_equal(cause("SSL certificate problem: unable to get local issuer "
	    "certificate"), "TLS certificate refused");
	assert_string_equal(cause(""), "no answer");
	assert_string_equal(cause(NULL), "no answer");
	/* A host is data: only harmless ASCII of it is kept. */
	assert_string_equal(cause("Could not resolve host: ev\x1b[2Jil"), "cannot resolve ev");
}

static void
a_cause_replaces_no_answer(void **state)
{
	struct statuspage_badge_in in = { .pending = 1, .failing = true, .retry_in_s = 21,
		.cause = "cannot resolve status-api.invalid" };

	(void)state;
	assert_string_equal(badge(&in, 200),
	    " STATUS PAGE: 1 pending, cannot resolve status-api.invalid, retrying in 21s ");
	assert_string_equal(badge(&in, 60),
	    " STATUS PAGE: 1 pending, cannot resolve status-api.invalid ");
	/* Beside ARMED at 80 columns: the bare fact and the count. */
	assert_string_equal(badge(&in, 24), " STATUS PAGE: 1 pending, no answer ");
	in = (struct statuspage_badge_in){ .failed = 1, .retry_in_s = -1,
		.cause = "cannot resolve status-api.invalid" };
	assert_string_equal(badge(&in, 200),
	    " STATUS PAGE: 1 post FAILED (cannot resolve status-api.invalid): post again ");
}

static void
a_failed_check_shows_until_a_post_goes_through(void **state)
{
	struct statuspage_badge_in in = { .retry_in_s = -1, .check = STATUSPAGE_CHECK_REFUSED,
		.check_status = 401 };
	char words[96];

	(void)state;
	assert_int_equal(statuspage_check_outcome(200), STATUSPAGE_CHECK_OK);
	assert_int_equal(statuspage_check_outcome(401), STATUSPAGE_CHECK_REFUSED);
	assert_int_equal(statuspage_check_outcome(404), STATUSPAGE_CHECK_REFUSED);
	assert_int_equal(statuspage_check_outcome(0), STATUSPAGE_CHECK_UNREACHED);
	assert_int_equal(statuspage_check_outcome(503), STATUSPAGE_CHECK_UNREACHED);
	assert_int_equal(statuspage_check_outcome(429), STATUSPAGE_CHECK_UNREACHED);
	statuspage_check_words(401, "", in.check_words, sizeof(in.check_words));
	assert_string_equal(badge(&in, 200), " STATUS PAGE: token refused (HTTP 401): posts will fail ");
	assert_string_equal(badge(&in, 40), " STATUS PAGE: token refused (HTTP 401) ");
	assert_string_equal(badge(&in, 24), " STATUS PAGE: HTTP 401 ");
	assert_true(statuspage_badge_trouble(&in));
	statuspage_check_words(404, "", words, sizeof(words));
	assert_string_equal(words, "page not found (HTTP 404)");
	in.check = STATUSPAGE_CHECK_UNREACHED;
	in.check_status = 0;
	statuspage_check_words(0, "cannot resolve status-api.invalid", in.check_words,
	    sizeof(in.check_words));
	assert_string_equal(badge(&in, 200),
	    " STATUS PAGE: cannot resolve status-api.invalid: posts may fail ");
	assert_string_equal(badge(&in, 10), " STATUS PAGE: unreachable ");
	in.check = STATUSPAGE_CHECK_OK;
	assert_string_equal(badge(&in, 200), "");
	/* "Reachable again" only after it was not. */
	assert_false(statuspage_check_recovered(STATUSPAGE_CHECK_NONE, STATUSPAGE_CHECK_OK));
	assert_false(statuspage_check_recovered(STATUSPAGE_CHECK_OK, STATUSPAGE_CHECK_OK));
	assert_true(statuspage_check_recovered(STATUSPAGE_CHECK_UNREACHED, STATUSPAGE_CHECK_OK));
	assert_true(statuspage_check_recovered(STATUSPAGE_CHECK_REFUSED, STATUSPAGE_CHECK_OK));
	assert_false(statuspage_check_recovered(STATUSPAGE_CHECK_UNREACHED,
	    STATUSPAGE_CHECK_REFUSED));
	assert_false(statuspage_badge_trouble(&in));
}

/* A watcher reads the check and the cause from the records too. */
static void
the_journal_gives_the_check_and_the_cause(void **state)
{
	struct statuspage_journal j = { 0 };
	struct statuspage_badge_in in;
	char buf[256];

	(void)state;
	fold(&j, "statuspage.check", "{\"ok\":false,\"http_status\":401,"
	    "\"error\":\"token refused (HTTP 401)\"}", 0);
	statuspage_journal_badge_in(&j, 0, &in);
	statuspage_badge(&in, 200, buf, sizeof(buf));
	assert_string_equal(buf, " STATUS PAGE: token refused (HTTP 401): posts will fail ");
	fold(&j, "statuspage.queue", "{}", 1000);
	fold(&j, "statuspage.retry", "{\"http_status\":0,\"retry_ms\":8000,\"error\":"
	    "\"no answer: Could not resolve host: status-api.invalid\"}", 2000);
	statuspage_journal_badge_in(&j, 3000, &in);
	statuspage_badge(&in, 200, buf, sizeof(buf));
	assert_string_equal(buf,
	    " STATUS PAGE: 1 pending, cannot resolve status-api.invalid, retrying in 7s ");
	fold(&j, "statuspage.post", "{}", 4000);
	statuspage_journal_badge_in(&j, 4000, &in);
	assert_int_equal(statuspage_badge(&in, 200, buf, sizeof(buf)), 0);
	fold(&j, "statuspage.check", "{\"ok\":false,\"http_status\":0,"
	    "\"error\":\"cannot resolve status-api.invalid\"}", 5000);
	fold(&j, "statuspage.check", "{\"ok\":true,\"http_status\":200}", 6000);
	statuspage_journal_badge_in(&j, 6000, &in);
	assert_int_equal(statuspage_badge(&in, 200, buf, sizeof(buf)), 0);
}

/* after E the page still said monitoring, and nothing said so. */
static void
resolving_says_what_the_page_still_says(void **state)
{
	char buf[200];

	(void)state;
	assert_true(statuspage_open_words("monitoring", false, buf, sizeof(buf)));
	assert_string_equal(buf, "the status page still says monitoring: S resolved first, or "
	    "it stays public");
	assert_true(statuspage_open_words("monitoring", true, buf, sizeof(buf)));
	assert_string_equal(buf, "the status page still says monitoring: A arms again (for "
	    "posts only: no host can change now), then S resolved");
	assert_false(statuspage_open_words("resolved", false, buf, sizeof(buf)));
	assert_string_equal(buf, "");
	assert_false(statuspage_open_words("", false, buf, sizeof(buf)));
	assert_false(statuspage_open_words(NULL, true, buf, sizeof(buf)));
}

static int
alive_of(uint64_t session, void *arg)
{
	const int *a = arg;

	return session < 4 ? a[session] : -1;
}

/* A pending post whose console quit is retried by no one: the badge says
 * so, not "retrying now"; a takeover by a running console ends that. */
static void
a_post_left_by_a_console_gone(void **state)
{
	struct statuspage_journal j;
	struct statuspage_badge_in in;
	int alive[4] = { -1, 0, 1, 1 };
	char buf[200];

	(void)state;
	memset(&j, 0, sizeof(j));
	fold(&j, "statuspage.queue", "{}", 1000);
	statuspage_journal_note(&j, "statuspage.queue", "sp-5", 1, "bob@vm");
	fold(&j, "statuspage.retry", "{\"http_status\":500,\"retry_ms\":1000}", 2000);
	statuspage_journal_note(&j, "statuspage.retry", "sp-5", 1, "bob@vm");
	statuspage_journal_note(&j, "shutdown", NULL, 1, "bob@vm");
	statuspage_journal_badge_in(&j, 9000, &in);
	assert_int_equal(statuspage_journal_others(&j, 0, alive_of, alive,
	    "the next writing console sends it", &in), 1);
	assert_int_equal(in.gone, 1);
	assert_true(statuspage_badge_trouble(&in));
	statuspage_badge(&in, 200, buf, sizeof(buf));
	assert_string_equal(buf, " STATUS PAGE: 1 pending from bob@vm's console, which quit: "
	    "the next writing console sends it ");
	statuspage_badge(&in, 40, buf, sizeof(buf));
	assert_string_equal(buf, " STATUS PAGE: 1 pending, console gone ");
	/* Its console still running: as before, it retries. */
	alive[1] = 1;
	statuspage_journal_others(&j, 0, alive_of, alive, "", &in);
	assert_int_equal(in.gone, 0);
	statuspage_badge(&in, 200, buf, sizeof(buf));
	assert_string_equal(buf, " STATUS PAGE: 1 pending, last HTTP 500, retrying now ");
	/* Taken over by session 2, running: its own post now, not another's. */
	alive[1] = 0;
	statuspage_journal_note(&j, "statuspage.takeover", "sp-5", 2, "alice@vm");
	assert_int_equal(statuspage_journal_others(&j, 2, alive_of, alive, "", &in), 0);
	assert_int_equal(statuspage_journal_others(&j, 0, alive_of, alive, "", &in), 1);
	assert_int_equal(in.gone, 0);
	/* Killed, not quit; then posted: nothing pending. */
	alive[2] = 0;
	statuspage_journal_others(&j, 3, alive_of, alive, "arming (A) takes it over", &in);
	statuspage_badge(&in, 200, buf, sizeof(buf));
	assert_string_equal(buf, " STATUS PAGE: 1 pending from alice@vm's console, which "
	    "stopped: arming (A) takes it over ");
	statuspage_journal_note(&j, "statuspage.post", "sp-5", 2, "alice@vm");
	assert_int_equal(j.nopen, 0);
}

/* The header's "N pending" and q's question counted the queue each its
 * own way: one rule now, and pending is always unsent + maybe. */
static void
the_queue_is_counted_once_for_header_and_quit(void **state)
{
	static const struct statuspage_left_item q[] = {
		{ 0 },                                  /* queued, never tried */
		{ .answered = true },                   /* 200 with no incident */
		{ .try_open = true },                   /* out now, no answer yet */
		{ .maybe_sent = true, .answered = true }, /* a try may have landed */
	};
	struct statuspage_left l = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(q) / sizeof(q[0]); i++)
		statuspage_left_add(&l, &q[i]);
	assert_int_equal(l.pending, 4);
	assert_int_equal(l.unsent, 2);
	assert_int_equal(l.maybe, 2);
	assert_int_equal(l.answered, 1);
	assert_int_equal(l.pending, l.unsent + l.maybe);
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
		cmocka_unit_test(no_answer_is_named_by_its_cause),
		cmocka_unit_test(a_cause_replaces_no_answer),
		cmocka_unit_test(a_failed_check_shows_until_a_post_goes_through),
		cmocka_unit_test(the_journal_gives_the_check_and_the_cause),
		cmocka_unit_test(unknown_after_a_restart_is_not_failed),
		cmocka_unit_test(resolving_says_what_the_page_still_says),
		cmocka_unit_test(a_post_left_by_a_console_gone),
		cmocka_unit_test(the_queue_is_counted_once_for_header_and_quit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
