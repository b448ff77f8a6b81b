/*
 * test_quitask.c — q while something runs names it and says what a quit
 * does to it: UNKNOWN once a change was sent (not only "An action or
 * announcement is still in flight"); cancelled while its host is still
 * re-read, nothing sent (not UNKNOWN); a status-page post
 * left for the next writing console (not a quit without a word); the
 * records a degraded journal never stored named as the console ends (not
 * only counted).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/quitask.h"

static void
one_action_is_named(void **state)
{
	const char *a[] = { "rollback of api on k8s-bastion (rollout status)" };
	char buf[400];

	(void)state;
	struct quitask_in in = { .sent = a, .nsent = 1 };

	quitask_words(&in, buf, sizeof(buf));
	assert_string_equal(buf, "rollback of api on k8s-bastion (rollout status) is still "
	    "running: quitting ends it UNKNOWN in the journal (the host may or may not finish "
	    "what was sent).");
}

static void
several_and_a_chat(void **state)
{
	const char *a[] = { "rollback of api on h1 (up -d)", "kill switch of api on h2 (up -d)",
		"rollback of jobs on h3 (pull)", "rollback of api on h4 (pull)" };
	char buf[600];

	(void)state;
	struct quitask_in in = { .sent = a, .nsent = 4, .chats = 1 };

	quitask_words(&in, buf, sizeof(buf));
	assert_string_equal(buf, "still running: rollback of api on h1 (up -d), kill switch of "
	    "api on h2 (up -d), rollback of jobs on h3 (pull) and 1 more; an announcement to "
	    "the chat is still being sent: quitting ends them UNKNOWN in the journal (the host "
	    "may or may not finish what was sent).");
}

static void
only_a_chat_or_nothing(void **state)
{
	char buf[300];
	struct quitask_in chat = { .chats = 1 }, none = { 0 };

	(void)state;
	quitask_words(&chat, buf, sizeof(buf));
	assert_string_equal(buf, "an announcement to the chat is still being sent: quitting "
	    "ends it UNKNOWN in the journal (the chat may or may not have it).");
	quitask_words(&none, buf, sizeof(buf));
	assert_string_equal(buf, "Nothing is under way any more: quitting now leaves nothing "
	    "behind.");
	assert_false(quitask_needed(&none));
	assert_string_equal(quitask_ask(&none), "Quit? (y/N)");
	assert_true(quitask_needed(&chat));
	assert_string_equal(quitask_ask(&chat), "Quit anyway? (y/N)");
}

/* r on a host whose re-read hung, q: "quitting ends it UNKNOWN (the
 * host may or may not finish what was sent)", and the journal then said
 * "nothing ran". */
/* Armed, 2 hosts at ROLLBACK IMMEDIATELY, one q: the console was gone
 * without a word. Armed, it asks; unarmed with nothing under way it
 * does not. */
static void
armed_asks_and_says_how_to_resume(void **state)
{
	char buf[400];
	struct quitask_in armed = { .armed_s = 13 * 60 + 5, .incident = "demo: it's 5xx" };
	struct quitask_in ending = { .armed_s = 42 }, none = { 0 };
	const char *a[] = { "rollback of api on h1 (pull)" };
	struct quitask_in running = { .sent = a, .nsent = 1, .armed_s = 600 };

	(void)state;
	assert_true(quitask_asks(&armed));
	assert_false(quitask_needed(&armed));
	assert_string_equal(quitask_ask(&armed), "Quit? (y/N)");
	quitask_words(&armed, buf, sizeof(buf));
	assert_string_equal(buf, "The console is ARMED (14 min left): quitting disarms it. The "
	    "journal keeps everything; warroom --incident 'demo: it'\\''s 5xx' resumes it (A "
	    "arms again).");
	quitask_words(&ending, buf, sizeof(buf));
	assert_string_equal(buf, "The console is ARMED (42 s left): quitting disarms it. The "
	    "journal keeps everything.");
	assert_false(quitask_asks(&none));
	/* Something under way: its own words, as before. */
	assert_true(quitask_asks(&running));
	assert_string_equal(quitask_ask(&running), "Quit anyway? (y/N)");
	quitask_words(&running, buf, sizeof(buf));
	assert_null(strstr(buf, "ARMED"));
}

static void
rereading_has_sent_nothing(void **state)
{
	const char *a[] = { "rollback of api on h7 (re-read)" };
	char buf[400];
	struct quitask_in in = { .unsent = a, .nunsent = 1 };

	(void)state;
	quitask_words(&in, buf, sizeof(buf));
	assert_string_equal(buf, "rollback of api on h7 (re-read) has not started: nothing has "
	    "been sent yet; quitting cancels it.");
	assert_null(strstr(buf, "UNKNOWN"));
}

/* One sentence a kind, each saying what a quit does to it. */
static void
each_kind_its_own_sentence(void **state)
{
	const char *sent[] = { "rollback of api on h1 (up -d)" };
	const char *unsent[] = { "rollback of api on h2 (re-read)", "kill switch of api on h3 "
		"(re-read)" };
	char buf[900];
	struct quitask_in in = { .sent = sent, .nsent = 1, .unsent = unsent, .nunsent = 2,
		.posts = 2, .posts_maybe = 1 };

	(void)state;
	quitask_words(&in, buf, sizeof(buf));
	assert_string_equal(buf, "rollback of api on h1 (up -d) is still running: quitting "
	    "ends it UNKNOWN in the journal (the host may or may not finish what was sent). "
	    "rollback of api on h2 (re-read), kill switch of api on h3 (re-read) have not "
	    "started: nothing has been sent yet; quitting cancels them. 2 status-page updates "
	    "not sent yet: the next writing console on this incident sends them. 1 status-page "
	    "update may be on the page already (its try got no answer): the next writing "
	    "console on this incident looks for it there first and never posts it twice.");
}

/* a post retried after HTTP 500, q: the console quit at once. */
static void
a_post_waiting_is_said(void **state)
{
	char buf[300];
	struct quitask_in in = { .posts = 1 };

	(void)state;
	quitask_words(&in, buf, sizeof(buf));
	assert_string_equal(buf, "1 status-page update not sent yet: the next writing console "
	    "on this incident sends it.");
	/* Cut short, never overrun. */
	quitask_words(&in, buf, 10);
	assert_int_equal(strlen(buf), 9);
}

/* a post answered 200 with {"error":"Page is
 * locked…"} stayed pending; q said "not sent yet" of it. */
static void
a_post_answered_without_an_incident_is_not_unsent(void **state)
{
	char buf[600];
	struct quitask_in in = { .posts = 2, .posts_answered = 1,
		.answered_why = "Page is locked for maintenance; nothing was saved" };

	(void)state;
	quitask_words(&in, buf, sizeof(buf));
	assert_string_equal(buf, "1 status-page update sent once, answered 200 without an "
	    "incident id: \"Page is locked for maintenance; nothing was saved\": the next "
	    "writing console on this incident sends it again. 1 status-page update not sent "
	    "yet: the next writing console on this incident sends it.");
	in = (struct quitask_in){ .posts = 1, .posts_answered = 1, .answered_why = "" };
	quitask_words(&in, buf, sizeof(buf));
	assert_string_equal(buf, "1 status-page update sent once, answered 200 without an "
	    "incident id: the next writing console on this incident sends it again.");
}

/* Two posts pending when q asked, one went through while the question
 * was open: the question said "2 … not sent yet" until it closed, and y
 * answered it. Worded again it says 1; y typed on the 2 asks again;
 * once nothing is left, y quits whatever was shown. */
static void
the_question_follows_what_is_left(void **state)
{
	char shown[300], live[300];
	struct quitask_in two = { .posts = 2 }, one = { .posts = 1 }, none = { 0 };
	struct quitask_in maybe = { .posts = 1, .posts_maybe = 1 };

	(void)state;
	quitask_words(&two, shown, sizeof(shown));
	assert_string_equal(shown, "2 status-page updates not sent yet: the next writing console "
	    "on this incident sends them.");
	quitask_words(&one, live, sizeof(live));
	assert_string_equal(live, "1 status-page update not sent yet: the next writing console "
	    "on this incident sends it.");
	assert_false(quitask_answer_stands(shown, live, quitask_needed(&one)));
	assert_true(quitask_answer_stands(live, live, quitask_needed(&one)));
	/* A try went out meanwhile: news, asked again. */
	quitask_words(&maybe, live, sizeof(live));
	assert_false(quitask_answer_stands(shown, live, quitask_needed(&maybe)));
	/* Everything went through: y quits, nothing is lost. */
	quitask_words(&none, live, sizeof(live));
	assert_true(quitask_answer_stands(shown, live, quitask_needed(&none)));
}

/* Records a degraded journal keeps are part of the same question. */
static void
kept_records_are_said(void **state)
{
	char buf[400];
	struct quitask_in kept = { .kept = 2 }, both = { .posts = 1, .kept = 1 };

	(void)state;
	assert_true(quitask_needed(&kept));
	quitask_words(&kept, buf, sizeof(buf));
	assert_string_equal(buf, "2 journal records are not stored yet (the journal cannot be "
	    "written): lost on quitting unless it recovers first.");
	quitask_words(&both, buf, sizeof(buf));
	assert_string_equal(buf, "1 status-page update not sent yet: the next writing console "
	    "on this incident sends it. 1 journal record is not stored yet (the journal cannot "
	    "be written): lost on quitting unless it recovers first.");
}

/* 2026-11-28 09:12:03 UTC and two seconds later. */
#define AT_091203 1795857123000LL

/* "3 records lost" named none: the engineer could copy nothing by hand. */
static void
lost_records_are_named_by_kind_host_and_time(void **state)
{
	const struct quitask_lost v[] = {
		{ "note", NULL, AT_091203 },
		{ "health.change", "h2", AT_091203 + 2000 },
		{ "mode.change", NULL, AT_091203 + 4000 },
	};
	char buf[600];

	(void)state;
	quitask_lost_words(v, 3, 0, 5, buf, sizeof(buf));
	assert_string_equal(buf, "3 journal records could not be stored and are lost: note "
	    "09:12:03, health.change h2 09:12:05, mode.change 09:12:07 (UTC)");
	quitask_lost_words(v, 1, 0, 5, buf, sizeof(buf));
	assert_string_equal(buf, "1 journal record could not be stored and is lost: note "
	    "09:12:03 (UTC)");
}

/* Cut honestly: the first few named, the rest counted exactly. */
static void
many_lost_records_are_cut_with_a_count(void **state)
{
	struct quitask_lost v[40];
	char buf[600];
	size_t i;

	(void)state;
	for (i = 0; i < 40; i++)
		v[i] = (struct quitask_lost){ "health.change", "api-1", AT_091203 + (long long)i * 1000 };
	quitask_lost_words(v, 40, 0, 2, buf, sizeof(buf));
	assert_string_equal(buf, "40 journal records could not be stored and are lost: "
	    "health.change api-1 09:12:03, health.change api-1 09:12:04 and 38 more (UTC)");
}

/* Records refused by the bound were never kept: counted, said why unnamed. */
static void
records_refused_by_the_bound_are_counted(void **state)
{
	const struct quitask_lost v[] = { { "action.output", "h1", AT_091203 } };
	char buf[600];

	(void)state;
	quitask_lost_words(v, 1, 2, 5, buf, sizeof(buf));
	assert_string_equal(buf, "1 journal record could not be stored and is lost: "
	    "action.output h1 09:12:03 (UTC); 2 more records were refused earlier, when too "
	    "many waited (not kept, so not named)");
	quitask_lost_words(v, 0, 0, 5, buf, sizeof(buf));
	assert_string_equal(buf, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_action_is_named),
		cmocka_unit_test(several_and_a_chat),
		cmocka_unit_test(only_a_chat_or_nothing),
		cmocka_unit_test(armed_asks_and_says_how_to_resume),
		cmocka_unit_test(rereading_has_sent_nothing),
		cmocka_unit_test(each_kind_its_own_sentence),
		cmocka_unit_test(a_post_waiting_is_said),
		cmocka_unit_test(a_post_answered_without_an_incident_is_not_unsent),
		cmocka_unit_test(the_question_follows_what_is_left),
		cmocka_unit_test(kept_records_are_said),
		cmocka_unit_test(lost_records_are_named_by_kind_host_and_time),
		cmocka_unit_test(many_lost_records_are_cut_with_a_count),
		cmocka_unit_test(records_refused_by_the_bound_are_counted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
