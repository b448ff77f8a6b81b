/*
 * test_stepran.c — a reopened incident's runbook marks come from its
 * journal: each step's last action per host, in the words the session
 * that ran it showed (OK, FAILED, OK after re-read, settled by hand), an
 * action a console left without an end UNKNOWN once a resume names it,
 * until a re-read or U settles it. A section's own actions are kept apart
 * from its steps'. x's dialog is told what ran last, when, in which
 * session and how on each host. Status-page posts, chat announcements
 * and smoke checks sent from a step keep their marks too (an earlier
 * version's when the step was edited since), and so does an
 * x that ran nothing there (REFUSED, SKIPPED, CANCELLED), until something
 * runs from the step.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/stepran.h"
#include "record_fixture.h"

/* Folds v[0..n) into s, as a console reads its journal back. */
static void
fold(struct stepran *s, struct record *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		stepran_note(s, &v[i]);
		cJSON_Delete(v[i].data);
	}
}

static const char *
words(const struct stepran *s, const char *step, const char *host)
{
	const struct stepran_act *a = stepran_last(s, false, step, host);

	return a != NULL ? a->words : "(none)";
}

#define UNDO(step) "{\"action\":\"k8s.undo\",\"plan\":{\"action\":\"k8s.undo\"," \
	"\"service\":\"api\",\"runbook_step\":\"" step "\"}}"

static void
ends_and_re_reads_give_the_session_s_words(void **state)
{
	struct record v[] = {
		rec("incident.open", NULL, NULL, "{\"name\":\"qa\"}"),
		rec("action.intent", "k8s-bastion", "op-1", UNDO("rb.md:10")),
		rec("action.end", "k8s-bastion", "op-1", "{\"outcome\":\"failed\"}"),
		rec("action.intent", "k8s-bastion", "op-2", UNDO("rb.md:14")),
		rec("action.end", "k8s-bastion", "op-2", "{\"outcome\":\"unknown\"}"),
		rec("action.reconcile", "k8s-bastion", "op-2", "{\"outcome\":\"ok\"}"),
		/* Not from a step: no mark. */
		rec("action.intent", "k8s-bastion", "op-3", "{\"plan\":{\"service\":\"api\"}}"),
		rec("action.end", "k8s-bastion", "op-3", "{\"outcome\":\"ok\"}"),
	};
	struct stepran s = { 0 };

	(void)state;
	fold(&s, v, sizeof(v) / sizeof(v[0]));
	assert_string_equal(words(&s, "rb.md:10", "k8s-bastion"), "FAILED");
	assert_string_equal(words(&s, "rb.md:14", "k8s-bastion"), "OK after re-read");
	assert_string_equal(words(&s, "rb.md:14", "h2"), "(none)");
	assert_int_equal(s.n, 2);
	assert_true(stepran_has_op(&s, "op-2"));
	assert_false(stepran_has_op(&s, "op-3"));
	stepran_free(&s);
}

static void
an_orphan_is_unknown_until_settled(void **state)
{
	struct record v[] = {
		rec("action.intent", "h1", "op-1", UNDO("rb.md:10")),
		/* Still running in another console: no resume named it. */
		rec("action.intent", "h2", "op-2", UNDO("rb.md:10")),
	};
	struct record w[] = {
		/* kill -9: the next console's resume names op-1. */
		rec("incident.resume", NULL, NULL, "{\"unknown_ops\":[\"op-1\"]}"),
	};
	struct record x[] = {
		rec("action.reconcile", "h1", "op-1", "{\"by\":\"hand\",\"outcome\":\"failed\"}"),
		/* Named again by a later resume, it stays as settled. */
		rec("incident.resume", NULL, NULL, "{\"unknown_ops\":[\"op-1\"]}"),
		rec("action.end", "h2", "op-2", "{\"outcome\":\"ok\"}"),
	};
	struct stepran s = { 0 };

	(void)state;
	fold(&s, v, 2);
	assert_string_equal(words(&s, "rb.md:10", "h1"), "RUNNING");
	assert_string_equal(words(&s, "rb.md:10", "h2"), "RUNNING");
	fold(&s, w, 1);
	assert_string_equal(words(&s, "rb.md:10", "h1"), "UNKNOWN");
	assert_string_equal(words(&s, "rb.md:10", "h2"), "RUNNING");
	fold(&s, x, 3);
	assert_string_equal(words(&s, "rb.md:10", "h1"), "FAILED, settled by hand");
	assert_string_equal(words(&s, "rb.md:10", "h2"), "OK");
	stepran_free(&s);
}

/* A runbook step's undo that ended FAILED and whose rollout the console
 * saw complete later: the row says so, not "after re-read". */
static void
a_failed_undo_whose_rollout_completed_later(void **state)
{
	struct record v[] = {
		rec("action.intent", "h2", "op-1", UNDO("rb.md:10")),
		rec("action.end", "h2", "op-1", "{\"outcome\":\"failed\",\"rollout\":"
		    "{\"revision\":7,\"tag\":\"v1.4.1\"}}"),
		rec("action.reconcile", "h2", "op-1", "{\"by\":\"rollout\",\"outcome\":\"ok\","
		    "\"completed_ts\":\"2026-11-28T03:50:12.000Z\"}"),
	};
	struct stepran s = { 0 };

	(void)state;
	fold(&s, v, 2);
	assert_string_equal(words(&s, "rb.md:10", "h2"), "FAILED");
	fold(&s, v + 2, 1);
	assert_string_equal(words(&s, "rb.md:10", "h2"), "FAILED, rollout completed later");
	assert_true(s.v[0].settled);
	stepran_free(&s);
}

/* The same for a helm rollback left UNKNOWN by a quit mid-wait that a
 * re-read found applied: it never said FAILED. */
static void
an_unknown_rollback_whose_rollout_completed_later(void **state)
{
	struct record v[] = {
		rec("action.intent", "h2", "op-1", UNDO("rb.md:10")),
		rec("action.end", "h2", "op-1", "{\"outcome\":\"unknown\"}"),
		rec("action.reconcile", "h2", "op-1", "{\"outcome\":\"unknown\",\"rollout\":"
		    "{\"revision\":7,\"tag\":\"v1.4.1\"}}"),
		rec("action.reconcile", "h2", "op-1", "{\"by\":\"rollout\",\"outcome\":\"ok\","
		    "\"reread_ts\":\"2026-11-28T03:49:12.000Z\","
		    "\"completed_ts\":\"2026-11-28T03:50:12.000Z\"}"),
	};
	struct stepran s = { 0 };

	(void)state;
	fold(&s, v, 3);
	assert_string_equal(words(&s, "rb.md:10", "h2"), "UNKNOWN");
	fold(&s, v + 3, 1);
	assert_string_equal(words(&s, "rb.md:10", "h2"), "UNKNOWN, rollout completed later");
	assert_true(s.v[0].settled);
	stepran_free(&s);
}

static void
the_last_action_on_a_host_counts(void **state)
{
	struct record v[] = {
		rec("action.intent", "h1", "op-1", UNDO("rb.md:10")),
		rec("action.end", "h1", "op-1", "{\"outcome\":\"unknown\"}"),
		rec("action.intent", "h1", "op-2", UNDO("rb.md:10")),
		rec("action.end", "h1", "op-2", "{\"outcome\":\"ok\"}"),
		/* The older one settled later does not hide the newer. */
		rec("action.reconcile", "h1", "op-1", "{\"outcome\":\"ok\"}"),
		/* A duplicate intent (a journal read twice) adds nothing. */
		rec("action.intent", "h1", "op-2", UNDO("rb.md:10")),
		rec("action.reconcile", "h1", "op-2", "{\"outcome\":\"maybe\"}"),
	};
	struct stepran s = { 0 };

	(void)state;
	fold(&s, v, sizeof(v) / sizeof(v[0]));
	assert_string_equal(words(&s, "rb.md:10", "h1"), "OK");
	assert_int_equal(s.n, 2);
	assert_string_equal(s.v[0].words, "OK after re-read");
	stepran_free(&s);
	assert_null(s.v);
}

#define SECTION_UNDO(sec) "{\"action\":\"k8s.undo\",\"plan\":{\"action\":\"k8s.undo\"," \
	"\"service\":\"api\",\"runbook_section\":\"" sec "\"}}"

static void
a_section_s_own_actions_are_kept_apart_from_its_steps(void **state)
{
	struct record v[] = {
		/* The section's heading and a step: ids that could be alike. */
		rec("action.intent", "h1", "op-1", SECTION_UNDO("rb.md:3")),
		rec("action.end", "h1", "op-1", "{\"outcome\":\"ok\"}"),
		rec("action.intent", "h1", "op-2", UNDO("rb.md:3")),
		rec("action.end", "h1", "op-2", "{\"outcome\":\"failed\"}"),
	};
	struct stepran s = { 0 };
	const struct stepran_act *a;

	(void)state;
	fold(&s, v, sizeof(v) / sizeof(v[0]));
	assert_non_null(a = stepran_last(&s, true, "rb.md:3", "h1"));
	assert_string_equal(a->words, "OK");
	assert_true(a->section);
	assert_string_equal(stepran_last(&s, false, "rb.md:3", "h1")->words, "FAILED");
	assert_string_equal(stepran_newest(&s, true, "rb.md:3")->op, "op-1");
	assert_null(stepran_newest(&s, true, "rb.md:9"));
	stepran_free(&s);
}

/* 2024-05-01T03:12:44Z and a little after. */
#define T0 1714533164000LL

static void
the_dialog_is_told_what_ran_last_and_in_which_session(void **state)
{
	struct record v[] = {
		rec("action.intent", "h1", "op-1", SECTION_UNDO("rb.md:3")),
		rec("action.end", "h1", "op-1", "{\"outcome\":\"ok\"}"),
		rec("action.intent", "h3", "op-2", SECTION_UNDO("rb.md:3")),
		rec("action.end", "h3", "op-2", "{\"outcome\":\"failed\"}"),
		rec("action.intent", "h2", "op-3", SECTION_UNDO("rb.md:3")),
		rec("action.end", "h2", "op-3", "{\"outcome\":\"ok\"}"),
		/* Another step's: not this section's. */
		rec("action.intent", "h4", "op-4", UNDO("rb.md:3")),
	};
	struct record w[] = {
		/* Session 40 (ours) runs it again on h3. */
		rec("action.intent", "h3", "op-5", SECTION_UNDO("rb.md:3")),
	};
	struct stepran s = { 0 };
	char buf[160];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		v[i].session = 7;
		v[i].ts_ms = T0 + (int64_t)i * 1000;
	}
	fold(&s, v, sizeof(v) / sizeof(v[0]));
	assert_false(stepran_said(&s, true, "rb.md:9", 40, NULL, buf, sizeof(buf)));
	assert_string_equal(buf, "");
	assert_true(stepran_said(&s, true, "rb.md:3", 40, NULL, buf, sizeof(buf)));
	assert_string_equal(buf, "this section ran at 03:12:48 in an earlier session: OK on h1, h2; "
	    "FAILED on h3");
	/* The same console that ran it: this session. */
	assert_true(stepran_said(&s, true, "rb.md:3", 7, NULL, buf, sizeof(buf)));
	assert_string_equal(buf, "this section ran at 03:12:48 in this session: OK on h1, h2; "
	    "FAILED on h3");
	/* A console started before the one that ran it: another session. */
	assert_true(stepran_said(&s, true, "rb.md:3", 5, NULL, buf, sizeof(buf)));
	assert_string_equal(buf, "this section ran at 03:12:48 in another session: OK on h1, h2; "
	    "FAILED on h3");
	w[0].session = 40;
	w[0].ts_ms = T0 + 60000;
	fold(&s, w, 1);
	assert_true(stepran_said(&s, true, "rb.md:3", 40, NULL, buf, sizeof(buf)));
	assert_string_equal(buf, "this section ran at 03:13:44 in this and an earlier session: "
	    "OK on h1, h2; RUNNING on h3");
	/* Cut short, never past the buffer. */
	assert_true(stepran_said(&s, true, "rb.md:3", 40, NULL, buf, 12));
	assert_string_equal(buf, "this sectio");
	stepran_free(&s);
}

#define ROLLBACK(step, code) "{\"action\":\"compose.rollback\",\"plan\":{" \
	"\"action\":\"compose.rollback\",\"service\":\"api\",\"runbook_step\":\"" step "\"," \
	"\"runbook_code\":\"" code "\"}}"

static void
an_outcome_of_commands_edited_since_is_an_earlier_version_s(void **state)
{
	/* An rb.md: rollback … to=v1.4.0 ran OK on api-1 (code aaa),
	 * then the step was fixed to to=v1.4.1 (code bbb) and reopened. */
	struct record v[] = {
		rec("action.intent", "api-1", "op-1", ROLLBACK("rb.md:5", "aaa")),
		rec("action.end", "api-1", "op-1", "{\"outcome\":\"ok\"}"),
	};
	struct stepran s = { 0 };
	const struct stepran_act *a;
	char buf[200];

	(void)state;
	v[0].ts_ms = T0;
	fold(&s, v, 2);
	assert_non_null(a = stepran_last(&s, false, "rb.md:5", "api-1"));
	assert_string_equal(a->code, "aaa");
	/* The step runs what ran: its outcome is the row's. */
	assert_false(stepran_act_changed(a, "aaa"));
	stepran_act_words(a, "aaa", buf, sizeof(buf));
	assert_string_equal(buf, "OK");
	assert_true(stepran_said(&s, false, "rb.md:5", 9, "aaa", buf, sizeof(buf)));
	assert_string_equal(buf, "this step ran at 03:12:44 in an earlier session: OK on api-1");
	/* Edited since: not the plain OK, and x's dialog says so. */
	assert_true(stepran_act_changed(a, "bbb"));
	stepran_act_words(a, "bbb", buf, sizeof(buf));
	assert_string_equal(buf, "EARLIER VERSION OK");
	assert_true(stepran_said(&s, false, "rb.md:5", 9, "bbb", buf, sizeof(buf)));
	assert_string_equal(buf, "an earlier version of this step ran at 03:12:44 (OK on api-1): "
	    "its commands have changed since");
	/* Not known what runs now: nothing to compare. */
	assert_false(stepran_act_changed(a, NULL));
	stepran_free(&s);
}

static void
a_journal_that_kept_no_code_is_taken_as_the_same(void **state)
{
	struct record v[] = {
		rec("action.intent", "h1", "op-1", UNDO("rb.md:10")),
		rec("action.end", "h1", "op-1", "{\"outcome\":\"ok\"}"),
	};
	struct stepran s = { 0 };
	char buf[32];

	(void)state;
	fold(&s, v, 2);
	assert_false(stepran_act_changed(stepran_last(&s, false, "rb.md:10", "h1"), "bbb"));
	stepran_act_words(stepran_last(&s, false, "rb.md:10", "h1"), "bbb", buf, sizeof(buf));
	assert_string_equal(buf, "OK");
	stepran_free(&s);
}

static void
hosts_that_ran_the_step_as_it_is_now_are_said_first(void **state)
{
	/* api-1 ran the old step; after the edit, api-2 ran the new one. */
	struct record v[] = {
		rec("action.intent", "api-1", "op-1", ROLLBACK("rb.md:5", "aaa")),
		rec("action.end", "api-1", "op-1", "{\"outcome\":\"ok\"}"),
		rec("action.intent", "api-2", "op-2", ROLLBACK("rb.md:5", "bbb")),
		rec("action.end", "api-2", "op-2", "{\"outcome\":\"failed\"}"),
	};
	struct stepran s = { 0 };
	char buf[200];

	(void)state;
	v[0].ts_ms = T0;
	v[0].session = 3;
	v[2].ts_ms = T0 + 60000;
	v[2].session = 9;
	fold(&s, v, 4);
	assert_true(stepran_said(&s, false, "rb.md:5", 9, "bbb", buf, sizeof(buf)));
	assert_string_equal(buf, "this step ran at 03:13:44 in this session: FAILED on api-2; "
	    "an earlier version of it ran at 03:12:44 (OK on api-1): its commands have changed "
	    "since");
	stepran_free(&s);
}

static void
posts_and_announcements_keep_their_outcome(void **state)
{
	struct record v[] = {
		rec("statuspage.queue", NULL, "sp-4-ab12", "{\"queue\":\"sp-4-ab12\","
		    "\"runbook_step\":\"rb.md:8\"}"),
		rec("chat.announce", NULL, "chat-1-5", "{\"id\":\"chat-1-5\",\"text\":\"hi\","
		    "\"runbook_step\":\"rb.md:9\"}"),
		/* Not from a step: no mark anywhere. */
		rec("statuspage.queue", NULL, "sp-6-0001", "{\"queue\":\"sp-6-0001\"}"),
	};
	struct record w[] = {
		rec("statuspage.post", NULL, "sp-4-ab12", "{\"status\":\"investigating\"}"),
		rec("chat.failed", NULL, "chat-1-5", "{\"unknown\":true}"),
		rec("statuspage.post", NULL, "sp-6-0001", "{\"status\":\"identified\"}"),
		/* A later post from the same step: its state is the row's. */
		rec("statuspage.queue", NULL, "sp-9-0002", "{\"queue\":\"sp-9-0002\","
		    "\"runbook_step\":\"rb.md:8\"}"),
		rec("statuspage.failed", NULL, "sp-9-0002", "{\"http_status\":500}"),
	};
	struct stepran s = { 0 };

	(void)state;
	fold(&s, v, sizeof(v) / sizeof(v[0]));
	assert_int_equal(stepran_sent(&s, false, "rb.md:8", STEPRAN_POST, NULL), STEPMARK_PENDING);
	assert_int_equal(stepran_sent(&s, false, "rb.md:9", STEPRAN_ANNOUNCE, NULL),
	    STEPMARK_PENDING);
	assert_int_equal(stepran_sent(&s, false, "rb.md:9", STEPRAN_POST, NULL), STEPMARK_NONE);
	assert_int_equal(s.nsent, 2);
	fold(&s, w, 3);
	assert_int_equal(stepran_sent(&s, false, "rb.md:8", STEPRAN_POST, NULL), STEPMARK_OK);
	assert_int_equal(stepran_sent(&s, false, "rb.md:9", STEPRAN_ANNOUNCE, NULL),
	    STEPMARK_UNKNOWN);
	fold(&s, w + 3, 2);
	assert_int_equal(stepran_sent(&s, false, "rb.md:8", STEPRAN_POST, NULL), STEPMARK_FAILED);
	/* Nothing of these is an action. */
	assert_int_equal(s.n, 0);
	stepran_free(&s);
}

static void
a_smoke_check_keeps_its_outcome_and_host(void **state)
{
	struct record v[] = {
		rec("smoke", "h1", NULL, "{\"status\":200,\"expect\":200,\"ok\":true,"
		    "\"runbook_step\":\"rb.md:20\"}"),
		rec("smoke", "h3", NULL, "{\"status\":200,\"expect\":200,\"ok\":true,"
		    "\"warning\":\"migrations not current\",\"runbook_step\":\"rb.md:20\"}"),
		rec("smoke", "h2", NULL, "{\"status\":0,\"expect\":200,\"ok\":false,"
		    "\"runbook_section\":\"rb.md:3\"}"),
	};
	struct stepran s = { 0 };
	const char *host = NULL;

	(void)state;
	fold(&s, v, sizeof(v) / sizeof(v[0]));
	assert_int_equal(stepran_sent(&s, false, "rb.md:20", STEPRAN_SMOKE, &host), STEPMARK_WARN);
	assert_string_equal(host, "h3");
	assert_int_equal(stepran_sent(&s, true, "rb.md:3", STEPRAN_SMOKE, &host), STEPMARK_FAILED);
	assert_string_equal(host, "h2");
	/* A section's check is not its first step's. */
	assert_int_equal(stepran_sent(&s, false, "rb.md:3", STEPRAN_SMOKE, &host), STEPMARK_NONE);
	assert_null(host);
	stepran_free(&s);
}

/* A post, announcement or smoke check keeps what its step held when it
 * was sent: after the step's text changed (code aaa -> bbb), its mark is
 * an earlier version's; a journal from before runbook_code was kept with
 * them reads as the same step. */
static void
posts_announcements_and_smoke_checks_of_a_step_edited_since(void **state)
{
	struct record v[] = {
		rec("statuspage.queue", NULL, "sp-4-ab12", "{\"queue\":\"sp-4-ab12\","
		    "\"runbook_step\":\"rb.md:8\",\"runbook_code\":\"aaa\"}"),
		rec("chat.announce", NULL, "chat-1-5", "{\"id\":\"chat-1-5\",\"text\":\"hi\","
		    "\"runbook_step\":\"rb.md:9\",\"runbook_code\":\"aaa\"}"),
		rec("smoke", "h1", NULL, "{\"status\":200,\"expect\":200,\"ok\":true,"
		    "\"runbook_section\":\"rb.md:3\",\"runbook_code\":\"aaa\"}"),
		/* An older journal's: no code kept. */
		rec("smoke", "h2", NULL, "{\"status\":200,\"expect\":200,\"ok\":true,"
		    "\"runbook_step\":\"rb.md:20\"}"),
	};
	struct stepran s = { 0 };

	(void)state;
	fold(&s, v, sizeof(v) / sizeof(v[0]));
	assert_false(stepran_sent_changed(&s, false, "rb.md:8", STEPRAN_POST, "aaa"));
	assert_true(stepran_sent_changed(&s, false, "rb.md:8", STEPRAN_POST, "bbb"));
	assert_true(stepran_sent_changed(&s, false, "rb.md:9", STEPRAN_ANNOUNCE, "bbb"));
	assert_true(stepran_sent_changed(&s, true, "rb.md:3", STEPRAN_SMOKE, "bbb"));
	assert_false(stepran_sent_changed(&s, false, "rb.md:20", STEPRAN_SMOKE, "bbb"));
	/* Not known what the step holds now, or nothing sent: no claim. */
	assert_false(stepran_sent_changed(&s, false, "rb.md:8", STEPRAN_POST, NULL));
	assert_false(stepran_sent_changed(&s, false, "rb.md:9", STEPRAN_POST, "bbb"));
	/* The state is the same either way. */
	assert_int_equal(stepran_sent(&s, true, "rb.md:3", STEPRAN_SMOKE, NULL), STEPMARK_OK);
	stepran_free(&s);
}

static void
a_refusal_stands_until_a_later_run(void **state)
{
	struct record v[] = {
		rec("action.refused", NULL, NULL, "{\"action\":\"k8s.undo\",\"reason\":\"the "
		    "step names kube context prod\",\"runbook_step\":\"rb.md:3\"}"),
		rec("action.refused", "h1", NULL, "{\"action\":\"compose.up\",\"reason\":\"no "
		    "IMAGE_TAG\",\"runbook_section\":\"rb.md:1\"}"),
		/* A refusal from no step (HOSTS' r): no row's. */
		rec("action.refused", "h1", NULL, "{\"action\":\"compose.rollback\"}"),
	};
	struct record w[] = {
		rec("action.intent", "h1", "op-1", UNDO("rb.md:3")),
		rec("action.end", "h1", "op-1", "{\"outcome\":\"ok\"}"),
		rec("smoke", "h1", NULL, "{\"status\":200,\"expect\":200,\"ok\":true,"
		    "\"runbook_section\":\"rb.md:1\"}"),
		/* Refused again after the run: the refusal is the last word. */
		rec("action.refused", NULL, NULL, "{\"action\":\"k8s.undo\","
		    "\"runbook_step\":\"rb.md:3\"}"),
	};
	struct stepran s = { 0 };

	(void)state;
	fold(&s, v, sizeof(v) / sizeof(v[0]));
	assert_string_equal(stepran_unrun(&s, false, "rb.md:3"), "REFUSED");
	assert_string_equal(stepran_unrun(&s, true, "rb.md:1"), "REFUSED");
	/* A section's refusal is not its first step's. */
	assert_null(stepran_unrun(&s, false, "rb.md:1"));
	assert_int_equal(s.nrefused, 2);
	/* A later run's outcome takes its place; a smoke check's too. */
	fold(&s, w, 3);
	assert_null(stepran_unrun(&s, false, "rb.md:3"));
	assert_null(stepran_unrun(&s, true, "rb.md:1"));
	assert_string_equal(words(&s, "rb.md:3", "h1"), "OK");
	fold(&s, w + 3, 1);
	assert_string_equal(stepran_unrun(&s, false, "rb.md:3"), "REFUSED");
	stepran_free(&s);
}

/* One word per x that ran nothing, the same live and reopened (both fold
 * the same records): SKIPPED already on the target, CANCELLED confirmed
 * and stopped before its intent (a failed re-read, a stale plan), else
 * REFUSED; the newest of them is the row's. */
static void
a_step_that_ran_nothing_says_why_in_one_word(void **state)
{
	struct record v[] = {
		rec("action.refused", "h1", NULL, "{\"action\":\"compose.rollback\",\"reason\":"
		    "\"api already runs v1.4.1: nothing to do\",\"confirmed\":false,"
		    "\"at_target\":true,\"runbook_step\":\"rb.md:3\"}"),
		rec("action.refused", "h1", "op-1", "{\"action\":\"compose.rollback\",\"reason\":"
		    "\"could not re-read h1 before running\",\"confirmed\":true,"
		    "\"runbook_step\":\"rb.md:5\"}"),
		rec("action.stale", "h1", "op-2", "{\"reason\":\"plan is stale\","
		    "\"runbook_step\":\"rb.md:7\"}"),
		rec("action.refused", "h1", NULL, "{\"action\":\"compose.rollback\",\"reason\":"
		    "\"no rollback plan: x\",\"confirmed\":false,\"runbook_step\":\"rb.md:9\"}"),
		/* A stale plan from no step: no row's. */
		rec("action.stale", "h1", "op-3", "{\"reason\":\"plan is stale\"}"),
	};
	struct record later[] = {
		/* The same step refused before its dialog next: the newest word. */
		rec("action.refused", NULL, NULL, "{\"action\":\"k8s.undo\",\"reason\":\"the "
		    "step names kube context prod\",\"runbook_step\":\"rb.md:3\"}"),
	};
	struct record other = rec("action.end", "h1", "op-1", "{\"outcome\":\"ok\"}");
	struct stepran s = { 0 };

	(void)state;
	assert_null(stepran_unrun_word(&other));
	cJSON_Delete(other.data);
	fold(&s, v, sizeof(v) / sizeof(v[0]));
	assert_string_equal(stepran_unrun(&s, false, "rb.md:3"), "SKIPPED");
	assert_string_equal(stepran_unrun(&s, false, "rb.md:5"), "CANCELLED");
	assert_string_equal(stepran_unrun(&s, false, "rb.md:7"), "CANCELLED");
	assert_string_equal(stepran_unrun(&s, false, "rb.md:9"), "REFUSED");
	assert_int_equal(s.nrefused, 4);
	fold(&s, later, 1);
	assert_string_equal(stepran_unrun(&s, false, "rb.md:3"), "REFUSED");
	assert_int_equal(s.nrefused, 4);
	stepran_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ends_and_re_reads_give_the_session_s_words),
		cmocka_unit_test(an_orphan_is_unknown_until_settled),
		cmocka_unit_test(the_last_action_on_a_host_counts),
		cmocka_unit_test(a_failed_undo_whose_rollout_completed_later),
		cmocka_unit_test(an_unknown_rollback_whose_rollout_completed_later),
		cmocka_unit_test(a_section_s_own_actions_are_kept_apart_from_its_steps),
		cmocka_unit_test(the_dialog_is_told_what_ran_last_and_in_which_session),
		cmocka_unit_test(an_outcome_of_commands_edited_since_is_an_earlier_version_s),
		cmocka_unit_test(a_journal_that_kept_no_code_is_taken_as_the_same),
		cmocka_unit_test(posts_announcements_and_smoke_checks_of_a_step_edited_since),
		cmocka_unit_test(hosts_that_ran_the_step_as_it_is_now_are_said_first),
		cmocka_unit_test(posts_and_announcements_keep_their_outcome),
		cmocka_unit_test(a_smoke_check_keeps_its_outcome_and_host),
		cmocka_unit_test(a_refusal_stands_until_a_later_run),
		cmocka_unit_test(a_step_that_ran_nothing_says_why_in_one_word),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
