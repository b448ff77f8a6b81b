/*
 * test_chat_badge.c — the header's CHAT badge, read from the journal's
 * chat.* records: nothing while every announcement went through; one the
 * webhook refused, one given up, one UNKNOWN, one being retried, each
 * named with its cause and kept until a later announcement goes through;
 * worded shorter to fit at 80 columns.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/chat_badge.h"

static void
fold(struct chat_journal *j, const char *kind, const char *data, int64_t ts)
{
	cJSON *d = cJSON_Parse(data);

	chat_journal_fold(j, kind, d, ts);
	cJSON_Delete(d);
}

static const char *
badge(const struct chat_journal *j, int64_t now, int width)
{
	static char buf[256];

	chat_badge(j, now, width, buf, sizeof(buf));
	return buf;
}

static void
nothing_while_announcements_go_through(void **state)
{
	struct chat_journal j = { 0 };

	(void)state;
	assert_string_equal(badge(&j, 0, 200), "");
	fold(&j, "chat.announce", "{\"id\":\"chat-1\",\"text\":\"x\"}", 0);
	/* On its way, nothing failed: the footer says it, the header need not. */
	assert_string_equal(badge(&j, 0, 200), "");
	fold(&j, "chat.post", "{\"id\":\"chat-1\",\"http_status\":200}", 100);
	fold(&j, "note", "{\"text\":\"x\"}", 200);
	assert_string_equal(badge(&j, 200, 200), "");
}

/* "the webhook refused it (404)" stays in sight until one goes through. */
static void
a_refused_announcement_stays_until_one_goes_through(void **state)
{
	struct chat_journal j = { 0 };

	(void)state;
	fold(&j, "chat.announce", "{\"id\":\"chat-1\"}", 0);
	fold(&j, "chat.failed", "{\"id\":\"chat-1\",\"error\":\"the webhook refused it (404)\","
	    "\"http_status\":404,\"unknown\":false}", 100);
	assert_string_equal(badge(&j, 100, 200),
	    " CHAT: 1 FAILED (last HTTP 404): announce again ");
	assert_string_equal(badge(&j, 100, 30), " CHAT: 1 FAILED (HTTP 404) ");
	assert_string_equal(badge(&j, 100, 20), " CHAT: 1 FAILED ");
	/* The count is kept however narrow. */
	assert_string_equal(badge(&j, 100, 3), " CHAT: 1 FAILED ");
	fold(&j, "chat.announce", "{\"id\":\"chat-2\"}", 200);
	assert_string_equal(badge(&j, 200, 30), " CHAT: 1 FAILED (HTTP 404) ");
	fold(&j, "chat.post", "{\"id\":\"chat-2\",\"http_status\":200}", 300);
	assert_string_equal(badge(&j, 300, 200), "");
}

static void
retries_and_unknown_outcomes_name_their_cause(void **state)
{
	struct chat_journal j = { 0 };

	(void)state;
	fold(&j, "chat.announce", "{\"id\":\"chat-1\"}", 0);
	fold(&j, "chat.retry", "{\"id\":\"chat-1\",\"attempt\":1,\"error\":"
	    "\"Could not resolve host: hooks.invalid\",\"http_status\":0,\"retry_ms\":4000}", 1000);
	assert_string_equal(badge(&j, 2000, 200),
	    " CHAT: 1 pending, last cannot resolve hooks.invalid, retrying in 3s ");
	assert_string_equal(badge(&j, 2000, 48), " CHAT: 1 pending, cannot resolve hooks.invalid ");
	assert_string_equal(badge(&j, 2000, 20), " CHAT: 1 pending, no answer ");
	fold(&j, "chat.failed", "{\"id\":\"chat-1\",\"error\":\"gave up after 5 attempts: Could "
	    "not resolve host: hooks.invalid\",\"http_status\":0,\"unknown\":false}", 9000);
	assert_string_equal(badge(&j, 9000, 200),
	    " CHAT: 1 FAILED (last cannot resolve hooks.invalid): announce again ");
	fold(&j, "chat.announce", "{\"id\":\"chat-2\"}", 10000);
	fold(&j, "chat.failed", "{\"id\":\"chat-2\",\"error\":\"no answer (Operation timed out)\","
	    "\"http_status\":0,\"unknown\":true}", 20000);
	assert_string_equal(badge(&j, 20000, 200),
	    " CHAT: 1 FAILED, 1 UNKNOWN (last no answer): announce again ");
	assert_string_equal(badge(&j, 20000, 3), " CHAT: 1 FAILED, 1 UNKNOWN ");
}

static void
every_wording_fits_its_width(void **state)
{
	struct chat_journal j = { 0 };
	char buf[256];
	int w;

	(void)state;
	fold(&j, "chat.announce", "{}", 0);
	fold(&j, "chat.failed", "{\"http_status\":0,\"unknown\":true,\"interrupted\":true}", 0);
	assert_string_equal(badge(&j, 0, 200),
	    " CHAT: 1 UNKNOWN (last the console stopped): check the channel ");
	for (w = 17; w < 120; w++) {
		size_t n = chat_badge(&j, 0, w, buf, sizeof(buf));

		assert_int_equal(n, strlen(buf));
		assert_true((int)n <= w);
	}
	assert_int_equal(chat_badge(&j, 0, 200, buf, 8), 7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nothing_while_announcements_go_through),
		cmocka_unit_test(a_refused_announcement_stays_until_one_goes_through),
		cmocka_unit_test(retries_and_unknown_outcomes_name_their_cause),
		cmocka_unit_test(every_wording_fits_its_width),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
