/*
 * test_unsettled.c — what a resumed console finds about each op an
 * earlier session left UNKNOWN: the intent, the action.end that said
 * unknown (SIGTERM, SIGHUP) or none (kill -9), whether the releases.log
 * line was written; the op in words for the post-mortem, and why the
 * resumed console shows it UNKNOWN; and the confirmations a console ended
 * before running, with the refusal said for them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/unsettled.h"
#include "record_fixture.h"

static void
free_all(struct record *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cJSON_Delete(v[i].data);
}

#define ROLLBACK_JOBS "{\"action\":\"compose.rollback\",\"plan\":{\"action\":\"compose.rollback\"," \
	"\"host\":\"api-1\",\"service\":\"jobs\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}"

static void
finds_the_unknown_end_of_a_stopped_console_and_none_after_kill_9(void **state)
{
	struct record v[] = {
		rec("incident.open", NULL, NULL, "{\"name\":\"api 5xx\"}"),
		rec("action.end", "api-1", "op-a", "{\"outcome\":\"ok\",\"detail\":\"older\"}"),
		rec("action.intent", "api-1", "op-a", ROLLBACK_JOBS),
		rec("action.output", "api-1", "op-a", "{\"step\":\"up -d\",\"error\":\"shutting down\"}"),
		rec("action.end", "api-1", "op-a", "{\"outcome\":\"unknown\",\"detail\":"
		    "\"connection lost during up -d: shutting down\"}"),
		rec("shutdown", NULL, NULL, "{\"reason\":\"terminated\"}"),
		rec("incident.resume", NULL, NULL, "{}"),
		rec("action.intent", "h1", "op-b", "{\"action\":\"compose.killswitch\"}"),
		rec("action.output", "h1", "op-b", "{\"step\":\"record release\",\"exit\":0}"),
		rec("action.intent", "h1", "op-c", "{\"action\":\"runbook.command\"}"),
	};
	const char *const ops[] = { "op-b", "op-missing", "op-a" };
	struct unsettled_op u[3];

	(void)state;
	assert_int_equal(unsettled_find(v, 10, ops, 3, u), 2);
	assert_ptr_equal(u[0].intent, &v[7]);
	assert_null(u[0].end);                       /* kill -9: no end at all */
	assert_true(u[0].released);
	assert_ptr_equal(u[1].intent, &v[2]);
	assert_ptr_equal(u[1].end, &v[4]);           /* not the end before its intent */
	assert_false(u[1].released);
	free_all(v, 10);
}

/* Its intent line damaged, an op found open (its output kept) or left
 * UNKNOWN by its confirmation stands on its action.confirmed: intent_lost,
 * with what came after it; one whose intent was kept stands on that. */
static void
finds_an_op_whose_intent_line_is_damaged_by_its_confirmation(void **state)
{
	struct record v[] = {
		rec("action.confirmed", "h1", "op-a", "{\"action\":\"compose.rollback\","
		    "\"service\":\"api\",\"from\":\"v2\",\"to\":\"v1\"}"),
		rec("action.output", "h1", "op-a", "{\"step\":\"record release\",\"exit\":0}"),
		rec("action.confirmed", "api-1", "op-b", "{\"action\":\"compose.rollback\"}"),
		rec("action.intent", "api-1", "op-b", ROLLBACK_JOBS),
	};
	const char *const ops[] = { "op-a", "op-b" };
	struct unsettled_op u[2];
	char buf[300];

	(void)state;
	assert_int_equal(unsettled_find(v, 4, ops, 2, u), 2);
	assert_ptr_equal(u[0].intent, &v[0]);
	assert_true(u[0].intent_lost);
	assert_true(u[0].released);
	assert_ptr_equal(u[1].intent, &v[3]);
	assert_false(u[1].intent_lost);
	u[0].damaged_line = 7;
	unsettled_reason(&u[0], "v2", "v1", NULL, buf, sizeof(buf));
	assert_string_equal(buf, "confirmed in an earlier session; its intent is not kept "
	    "(damaged line 7 of the journal, after its confirmation, may have held it), so it "
	    "may have run (v2 -> v1); it is never run again");
	/* A last line set aside has no line in the journal now. */
	u[0].damaged_line = RECORD_LINE_ASIDE;
	unsettled_reason(&u[0], "v2", "v1", NULL, buf, sizeof(buf));
	assert_string_equal(buf, "confirmed in an earlier session; its intent is not kept "
	    "(the damaged last line, now in the journal's .torn file, after its confirmation, "
	    "may have held it), so it may have run (v2 -> v1); it is never run again");
	u[1].damaged_line = RECORD_LINE_ASIDE;
	unsettled_reason(&u[1], "v1.5.0-bad", "v1.4.1", NULL, buf, sizeof(buf));
	assert_non_null(strstr(buf, "; the damaged last line, now in the journal's .torn file, "
	    "after it, may have held what settled it"));
	assert_null(strstr(buf, "damaged line 1"));	free_all(v, 4);
}

static void
names_an_intent_as_a_reader_says_it(void **state)
{
	struct record v[] = {
		rec("action.intent", "api-1", "op-a", ROLLBACK_JOBS),
		rec("action.intent", "k8s-bastion", "op-b", "{\"action\":\"k8s.undo\",\"plan\":"
		    "{\"service\":\"api\"}}"),
		rec("action.intent", "h1", "op-c", "{\"action\":\"compose.killswitch\",\"plan\":"
		    "{\"service\":\"api\"}}"),
		rec("action.intent", "h1", "op-d", "{\"action\":\"runbook.command\",\"plan\":"
		    "{\"service\":\"api\"}}"),
		rec("action.intent", NULL, "op-e", "{\"plan\":{\"action\":\"compose.migrate_down\","
		    "\"host\":\"h2\",\"service\":\"api\"}}"),
	};
	char buf[128];

	(void)state;
	unsettled_name(&v[0], buf, sizeof(buf));
	assert_string_equal(buf, "rollback of jobs on api-1");
	unsettled_name(&v[1], buf, sizeof(buf));
	assert_string_equal(buf, "rollback of api on k8s-bastion");
	unsettled_name(&v[2], buf, sizeof(buf));
	assert_string_equal(buf, "kill switch of api on h1");
	unsettled_name(&v[3], buf, sizeof(buf));
	assert_string_equal(buf, "runbook command on h1");
	unsettled_name(&v[4], buf, sizeof(buf));
	assert_string_equal(buf, "migration downgrade of api on h2");
	/* With when it began, never by its op id. */
	v[1].ts_ms = 1795717865000LL;                   /* 2026-11-26 18:31:05 UTC */
	unsettled_name_at(&v[1], buf, sizeof(buf));
	assert_string_equal(buf, "the rollback of api on k8s-bastion at 18:31");
	free_all(v, 5);
}

/* An action of a console killed beside this one, taken over: nothing
 * restarted, so not "an earlier session", but whose console it was. */
static void
the_reason_names_the_gone_console_taken_over_from(void **state)
{
	struct record in = rec("action.intent", "h1", "op-a", ROLLBACK_JOBS);
	struct record end = rec("action.end", "h1", "op-a", "{\"outcome\":\"unknown\"}");
	struct unsettled_op u = { .intent = &in, .taken_over = true };
	char buf[256];

	(void)state;
	in.actor = (char *)"alice (root@vm)";
	unsettled_reason(&u, "v1.5.0-bad", "v1.4.1", NULL, buf, sizeof(buf));
	assert_string_equal(buf, "taken over from alice's console (gone) with no recorded end "
	    "(v1.5.0-bad -> v1.4.1); it is never run again");
	/* It ended UNKNOWN there before it went: still its console, beside
	 * this one, never "an earlier session". */
	u.end = &end;
	unsettled_reason(&u, "v1.5.0-bad", "v1.4.1", "connection lost", buf, sizeof(buf));
	assert_string_equal(buf, "taken over from alice's console (gone), which ended it UNKNOWN "
	    "(v1.5.0-bad -> v1.4.1: connection lost); it is never run again");
	unsettled_whose("root@vm", buf, sizeof(buf));
	assert_string_equal(buf, "root@vm's console");
	unsettled_whose(NULL, buf, sizeof(buf));
	assert_string_equal(buf, "another console");
	cJSON_Delete(in.data);
	cJSON_Delete(end.data);
}

/* What a resumed console says of an op it adopts UNKNOWN: a change with
 * both sides, one side, or none (a runbook command's): never "( -> )";
 * and a damaged journal line after it that may have held its end. */
static void
the_reason_drops_an_empty_change(void **state)
{
	struct record end = rec("action.end", "h1", "op-a", "{\"outcome\":\"unknown\"}");
	struct unsettled_op none = { 0 }, ended = { .end = &end }, hidden = { .damaged_line = 31 };
	char buf[256];

	(void)state;
	unsettled_reason(&none, "v1.5.0-bad", "v1.4.1", NULL, buf, sizeof(buf));
	assert_string_equal(buf, "began in an earlier session and has no recorded end "
	    "(v1.5.0-bad -> v1.4.1); it is never run again");
	unsettled_reason(&none, "", "", NULL, buf, sizeof(buf));
	assert_string_equal(buf, "began in an earlier session and has no recorded end; it is "
	    "never run again");
	unsettled_reason(&none, "", "v1.4.1", NULL, buf, sizeof(buf));
	assert_string_equal(buf, "began in an earlier session and has no recorded end "
	    "(-> v1.4.1); it is never run again");
	unsettled_reason(&ended, "", "", "connection lost during the script", buf, sizeof(buf));
	assert_string_equal(buf, "ended UNKNOWN in an earlier session (connection lost during "
	    "the script); it is never run again");
	unsettled_reason(&ended, "v2", "v1", NULL, buf, sizeof(buf));
	assert_string_equal(buf, "ended UNKNOWN in an earlier session (v2 -> v1: no detail); it "
	    "is never run again");
	unsettled_reason(&hidden, "", "", NULL, buf, sizeof(buf));
	assert_string_equal(buf, "began in an earlier session and has no recorded end; damaged "
	    "line 31 of the journal, after it, may have held what settled it; it is never run "
	    "again");
	cJSON_Delete(end.data);
}

#define CONFIRMED_API "{\"action\":\"compose.rollback\",\"service\":\"api\"," \
	"\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}"

/* 2024-05-01T12:13:39Z */
#define CONFIRMED_MS 1714565619000LL

/* A confirmation that an intent, a stale plan or a refusal followed is
 * settled; one that nothing followed (its console ended during the
 * re-read, or could not record the intent: the disk full) is found, and
 * only with its own op. */
static void
finds_confirmations_that_nothing_followed(void **state)
{
	struct record v[] = {
		rec("incident.open", NULL, NULL, "{\"name\":\"api 5xx\"}"),
		rec("action.confirmed", "api-1", "rb-ran", CONFIRMED_API),
		rec("action.intent", "api-1", "rb-ran", ROLLBACK_JOBS),
		rec("action.confirmed", "api-1", "rb-stale", CONFIRMED_API),
		rec("action.stale", "api-1", "rb-stale", "{\"reason\":\"plan is stale\"}"),
		rec("action.confirmed", "api-1", "rb-refused", CONFIRMED_API),
		rec("action.refused", "api-1", "rb-refused", "{\"confirmed\":true}"),
		rec("action.confirmed", "api-1", "rb-killed", CONFIRMED_API),
		rec("action.refused", "api-1", "rb-other", "{\"confirmed\":true}"),
		rec("shutdown", NULL, NULL, "{\"reason\":\"quit\"}"),
	};
	const struct record *out[4];

	(void)state;
	assert_int_equal(unsettled_confirmed(v, 10, out, 4), 1);
	assert_ptr_equal(out[0], &v[7]);
	assert_int_equal(unsettled_confirmed(v, 10, out, 0), 0);
	/* A journal that ends during the re-read: both unsettled so far. */
	assert_int_equal(unsettled_confirmed(v, 4, out, 4), 1);
	assert_ptr_equal(out[0], &v[3]);
	free_all(v, 10);
}

/* A confirmation whose intent line is damaged, with its output and
 * reconcile after it, ran: any later record of its op proves the intent
 * was there. One with a damaged line after it and nothing else is not
 * "nothing ran": that line may be its intent, so the outcome is UNKNOWN. */
static void
a_confirmation_with_later_records_or_damage_after_it_may_have_run(void **state)
{
	struct record v[] = {
		rec("incident.open", NULL, NULL, "{\"name\":\"api 5xx\"}"),
		rec("action.confirmed", "helm-bastion", "rb-helm", CONFIRMED_API),
		rec("action.output", "helm-bastion", "rb-helm", "{\"step\":\"helm rollback\"}"),
		rec("action.reconcile", "helm-bastion", "rb-helm", "{\"outcome\":\"ok\"}"),
		rec("action.confirmed", "api-1", "rb-ended", CONFIRMED_API),
		rec("action.end", "api-1", "rb-ended", "{\"outcome\":\"ok\"}"),
		rec("action.confirmed", "api-1", "rb-hidden", CONFIRMED_API),
		rec("note", NULL, NULL, "{\"text\":\"after the damaged line\"}"),
	};
	struct record_damage dmg[] = {
		{ .skipped = true, .line = 3, .after_seq = 2, .next_seq = 3 },
		{ .skipped = true, .line = 8, .after_seq = 7, .next_seq = 8 },
		{ .skipped = false, .line = 9, .after_seq = 7, .next_seq = 8 },
	};
	const struct record *out[4];
	char buf[600];
	size_t i;

	(void)state;
	for (i = 0; i < 8; i++)
		v[i].seq = i + 1;
	v[6].ts_ms = CONFIRMED_MS;
	assert_int_equal(unsettled_confirmed(v, 8, out, 4), 1);
	assert_ptr_equal(out[0], &v[6]);
	/* The helm one's damaged intent (line 3) is after its confirmation
	 * too, but its records settle it before this is asked. */
	assert_int_equal(unsettled_confirmed_hidden(&v[6], dmg, 3), 8);
	assert_int_equal(unsettled_confirmed_hidden(&v[7], dmg, 1), 0);
	/* A kept record whose chain broke is no hidden line. */
	assert_int_equal(unsettled_confirmed_hidden(&v[6], dmg + 2, 1), 0);
	unsettled_confirmed_unknown_words(&v[6], 8, CONFIRMED_MS + 200000, buf, sizeof(buf));
	assert_string_equal(buf, "rollback of api on api-1 (v1.5.0-bad \xe2\x86\x92 v1.4.1), "
	    "confirmed at 12:13:39 UTC: outcome UNKNOWN, damaged line 8 of the journal, after "
	    "its confirmation, may have held its intent (re-read the host before running it "
	    "again)");
	free_all(v, 8);
}

/* The refusal a resume writes: the action, confirmed, when, and that
 * nothing ran, in words a post-mortem can quote. */
static void
a_confirmation_nothing_followed_is_refused_in_words(void **state)
{
	struct record c = rec("action.confirmed", "api-1", "rb-killed", CONFIRMED_API);
	char buf[300];
	cJSON *d;

	(void)state;
	c.ts_ms = CONFIRMED_MS;
	unsettled_confirmed_name(&c, CONFIRMED_MS + 200000, buf, sizeof(buf));
	assert_string_equal(buf, "rollback of api on api-1 (v1.5.0-bad \xe2\x86\x92 v1.4.1), confirmed at "
	    "12:13:39 UTC");
	/* The next day: the date is given. */
	unsettled_confirmed_name(&c, CONFIRMED_MS + 86400000LL, buf, sizeof(buf));
	assert_string_equal(buf, "rollback of api on api-1 (v1.5.0-bad \xe2\x86\x92 v1.4.1), confirmed at "
	    "2024-05-01 12:13:39 UTC");
	d = unsettled_confirmed_refusal(&c, CONFIRMED_MS + 200000);
	assert_string_equal(cJSON_GetObjectItem(d, "action")->valuestring, "compose.rollback");
	assert_string_equal(cJSON_GetObjectItem(d, "service")->valuestring, "api");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(d, "confirmed")));
	assert_string_equal(cJSON_GetObjectItem(d, "confirmed_ts")->valuestring,
	    "2024-05-01T12:13:39.000Z");
	assert_string_equal(cJSON_GetObjectItem(d, "reason")->valuestring,
	    "rollback of api on api-1 (v1.5.0-bad \xe2\x86\x92 v1.4.1), confirmed at 12:13:39 UTC; never "
	    "ran, no intent was recorded after its confirmation");
	cJSON_Delete(d);
	cJSON_Delete(c.data);
}

/* an acting console warns of another console's unfinished
 * action on the host it is about to act on. */
static void
another_consoles_unfinished_action_in_words(void **state)
{
	char buf[300];
	int64_t at = 1767206520000;     /* 2025-12-31 18:42:00 UTC */

	(void)state;
	unsettled_other_words("k8s-bastion", "alice@vm", "kill switch of api", at,
	    UNSETTLED_ADOPTED, false, buf, sizeof(buf));
	assert_string_equal(buf, "k8s-bastion: alice@vm's kill switch of api started 18:42 UTC "
	    "has no outcome (its console is gone): U settles it first");
	unsettled_other_words("k8s-bastion", "alice@vm", "kill switch of api", at,
	    UNSETTLED_RUNNING, false, buf, sizeof(buf));
	assert_string_equal(buf, "k8s-bastion: alice@vm's kill switch of api started 18:42 UTC "
	    "is still running in another console: its outcome is not known yet");
	unsettled_other_words("h1", "bob@box", "rollback of api", at, UNSETTLED_GONE, false,
	    buf, sizeof(buf));
	assert_non_null(strstr(buf, "(its console is gone): a console that resumes"));
}

/* an action whose console quit during it ended UNKNOWN,
 * which is an outcome: the warning must not say it has none. */
static void
an_action_that_ended_unknown_is_not_without_outcome(void **state)
{
	char buf[300];
	int64_t at = 1767206520000;     /* 2025-12-31 18:42:00 UTC */

	(void)state;
	unsettled_other_words("k8s-bastion", "alice (root@vm)", "rollback of api", at,
	    UNSETTLED_ADOPTED, true, buf, sizeof(buf));
	assert_string_equal(buf, "k8s-bastion: alice (root@vm)'s rollback of api started 18:42 "
	    "UTC ended UNKNOWN (its console quit during it): U settles it");
	unsettled_other_words("h1", "bob@box", "rollback of api", at, UNSETTLED_GONE, true,
	    buf, sizeof(buf));
	assert_null(strstr(buf, "no outcome"));
	assert_non_null(strstr(buf, "ended UNKNOWN (its console quit during it): a console"));
}

/* a host read back every 2 s whose re-read cannot
 * settle the outcome is not "not read back yet". */
static void
the_badge_says_a_read_back_that_settled_nothing(void **state)
{
	char buf[200];

	(void)state;
	unsettled_badge_words(1, NULL, "v1.4.1", buf, sizeof(buf));
	assert_string_equal(buf, " 1 UNKNOWN: host not read back yet ");
	unsettled_badge_words(1, "v1.5.0-bad", "v1.4.1", buf, sizeof(buf));
	assert_string_equal(buf, " 1 UNKNOWN: read back, not settled (host runs v1.5.0-bad, "
	    "not the target v1.4.1): U settles it ");
	unsettled_badge_words(2, "v1.5.0-bad", "", buf, sizeof(buf));
	assert_string_equal(buf, " 2 UNKNOWN: read back, not settled (host runs v1.5.0-bad): "
	    "U settles it ");
	unsettled_badge_words(1, "", NULL, buf, sizeof(buf));
	assert_string_equal(buf, " 1 UNKNOWN: read back, not settled: U settles it ");
}

/* after a restart the console re-read h5's k8s kill
 * switch and waited ~50 s for its rollout, while the badge invited a U.
 * While it waits, the badge says so, and that U is for settling by hand. */
static void
the_badge_says_the_console_waits_for_a_rollout(void **state)
{
	char buf[200];

	(void)state;
	unsettled_badge_wait_words(1, "h5", buf, sizeof(buf));
	assert_string_equal(buf, " 1 UNKNOWN: waiting for h5's rollout (U settles it by hand) ");
}

/* a dropped up -d still recreating; the badge
 * invited a U while the console re-read, and the engineer settled FAILED
 * in the second the host reached the target. It says the re-read goes on. */
static void
the_badge_says_the_console_still_re_reads(void **state)
{
	char buf[200];

	(void)state;
	unsettled_badge_reread_words(1, "h7", "v1.5.0-bad", "v1.4.1", 40, "a recreate", buf,
	    sizeof(buf));
	assert_string_equal(buf, " 1 UNKNOWN: h7 still on v1.5.0-bad, re-reading for 40s more "
	    "(a recreate may still be under way); U settles it by hand ");
	/* On the target but not settled, or nothing named: no "still on". */
	unsettled_badge_reread_words(2, "h5", "v1.4.1", "v1.4.1", 0, "a rollout", buf,
	    sizeof(buf));
	assert_string_equal(buf, " 2 UNKNOWN: h5 not settled yet, re-reading for 1s more "
	    "(a rollout may still be under way); U settles it by hand ");
	unsettled_badge_reread_words(1, "h1", "", NULL, 7, "a recreate", buf, sizeof(buf));
	assert_non_null(strstr(buf, "h1 not settled yet, re-reading for 7s more"));
}

/* User text names an action as the dialog does, not by its record kind. */
static void
a_kind_reads_as_its_verb_and_what_runs(void **state)
{
	char buf[80];

	(void)state;
	assert_string_equal(unsettled_verb("k8s.undo"), "rollback");
	assert_string_equal(unsettled_verb("helm.rollback"), "rollback");
	assert_string_equal(unsettled_verb("compose.killswitch"), "kill switch");
	assert_string_equal(unsettled_verb("runbook.command"), "runbook command");
	assert_string_equal(unsettled_verb(NULL), "action");
	assert_string_equal(unsettled_how("k8s.undo"), "kubectl rollout undo");
	assert_string_equal(unsettled_how("runbook.command"), "");
	unsettled_kind_words("k8s.undo", buf, sizeof(buf));
	assert_string_equal(buf, "rollback (kubectl rollout undo)");
	unsettled_kind_words("compose.migrate_down", buf, sizeof(buf));
	assert_string_equal(buf, "migration downgrade");
	unsettled_kind_words("helm.rollback", buf, sizeof(buf));
	assert_string_equal(buf, "rollback (helm rollback)");
}

/* An action.end row, in TIMELINE as in the post-mortem: the outcome, the
 * action its intent names without the host the row shows apart, the
 * rest. */
static void
an_end_row_names_its_action_after_its_outcome(void **state)
{
	struct record v[] = {
		rec("action.intent", "k8s-bastion", "op-b", "{\"action\":\"k8s.undo\",\"plan\":"
		    "{\"service\":\"api\"}}"),
		rec("action.intent", "h1", "op-d", "{\"action\":\"runbook.command\"}"),
	};
	char what[40], *t;

	(void)state;
	unsettled_what(&v[0], what, sizeof(what));
	assert_string_equal(what, "rollback of api");
	t = unsettled_end_words("ok \xe2\x80\x94 rev 3", "ok", what, unsettled_how("k8s.undo"));
	assert_string_equal(t, "ok \xe2\x80\x94 rollback of api (kubectl rollout undo) "
	    "\xe2\x80\x94 rev 3");
	free(t);
	/* Nothing after the outcome; a text that does not start with it. */
	t = unsettled_end_words("failed", "failed", what, "");
	assert_string_equal(t, "failed \xe2\x80\x94 rollback of api");
	free(t);
	t = unsettled_end_words("rev 3", "ok", what, "");
	assert_string_equal(t, "rollback of api \xe2\x80\x94 rev 3");
	free(t);
	/* A runbook command names its host only, which the row shows apart. */
	unsettled_what(&v[1], what, sizeof(what));
	assert_string_equal(what, "runbook command");
	free_all(v, 2);
}

/* A reconcile's row names its action as its intent's row does, not by the
 * bare kind its record stores; one it settles re-read keeps its outcome first. */
static void
a_reconcile_row_names_its_action_not_its_kind(void **state)
{
	struct record v[] = {
		rec("action.intent", "k8s-bastion", "op-b", "{\"action\":\"k8s.undo\",\"plan\":"
		    "{\"service\":\"api\"}}"),
		rec("action.reconcile", "k8s-bastion", "op-b", "{\"action\":\"k8s.undo\","
		    "\"by\":\"hand\",\"outcome\":\"failed\"}"),
		rec("action.reconcile", "k8s-bastion", "op-b", "{\"action\":\"k8s.undo\","
		    "\"outcome\":\"ok\"}"),
		rec("action.end", "k8s-bastion", "op-b", "{\"outcome\":\"ok\"}"),
	};
	char what[40], *t;

	(void)state;
	unsettled_what(&v[0], what, sizeof(what));
	t = unsettled_row_words(&v[1], "k8s.undo \xe2\x80\x94 settled by hand by alice: FAILED",
	    what, unsettled_how("k8s.undo"));
	assert_string_equal(t, "rollback of api (kubectl rollout undo) \xe2\x80\x94 settled by "
	    "hand by alice: FAILED");
	free(t);
	t = unsettled_row_words(&v[2], "k8s.undo \xe2\x80\x94 ok \xe2\x80\x94 re-read: rev 3",
	    what, unsettled_how("k8s.undo"));
	assert_string_equal(t, "ok \xe2\x80\x94 rollback of api (kubectl rollout undo) "
	    "\xe2\x80\x94 re-read: rev 3");
	free(t);
	/* An end's row as before: its text has no kind to drop. */
	t = unsettled_row_words(&v[3], "ok \xe2\x80\x94 rev 3", what, "");
	assert_string_equal(t, "ok \xe2\x80\x94 rollback of api \xe2\x80\x94 rev 3");
	free(t);
	free_all(v, 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_the_unknown_end_of_a_stopped_console_and_none_after_kill_9),
		cmocka_unit_test(finds_an_op_whose_intent_line_is_damaged_by_its_confirmation),
		cmocka_unit_test(names_an_intent_as_a_reader_says_it),
		cmocka_unit_test(the_reason_drops_an_empty_change),
		cmocka_unit_test(finds_confirmations_that_nothing_followed),
		cmocka_unit_test(a_confirmation_with_later_records_or_damage_after_it_may_have_run),
		cmocka_unit_test(a_confirmation_nothing_followed_is_refused_in_words),
		cmocka_unit_test(another_consoles_unfinished_action_in_words),
		cmocka_unit_test(an_action_that_ended_unknown_is_not_without_outcome),
		cmocka_unit_test(the_badge_says_a_read_back_that_settled_nothing),
		cmocka_unit_test(the_badge_says_the_console_waits_for_a_rollout),
		cmocka_unit_test(the_badge_says_the_console_still_re_reads),
		cmocka_unit_test(a_kind_reads_as_its_verb_and_what_runs),
		cmocka_unit_test(an_end_row_names_its_action_after_its_outcome),
		cmocka_unit_test(a_reconcile_row_names_its_action_not_its_kind),
		cmocka_unit_test(the_reason_names_the_gone_console_taken_over_from),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
