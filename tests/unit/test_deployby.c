/*
 * test_deployby.c — a tag change with no action of the journal's on that
 * host and service shortly before it is a deploy made outside this
 * console; one our rollback made is not.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <string.h>

#include "warroom/deployby.h"
#include "warroom/record.h"
#include "warroom/util.h"

#define S 1000LL
#define MIN (60 * S)

static void
note(struct deployby *d, const char *kind, const char *host, const char *op, int64_t ts,
    const char *data)
{
	static uint64_t seq;
	struct record r;

	memset(&r, 0, sizeof(r));
	r.seq = ++seq;
	r.kind = (char *)kind;
	r.host = (char *)host;
	r.op = (char *)op;
	r.ts_ms = ts;
	r.data = cJSON_Parse(data);
	assert_non_null(r.data);
	deployby_note(d, &r);
	cJSON_Delete(r.data);
}

static void
our_rollback_is_ours_and_a_later_change_is_not(void **state)
{
	struct deployby d = { 0 };

	(void)state;
	note(&d, "action.intent", "k8s-1", "op-1", 100 * S,
	    "{\"action\":\"k8s.undo\",\"plan\":{\"service\":\"api\"}}");
	/* Nothing ended yet, nothing seen: a deploy before it is outside. */
	assert_true(deployby_outside(&d, "k8s-1", "api", 0, 90 * S, NULL));
	note(&d, "action.end", "k8s-1", "op-1", 130 * S, "{\"outcome\":\"ok\"}");
	/* Its end's re-read, a poll later: ours. */
	assert_false(deployby_outside(&d, "k8s-1", "api", 0, 133 * S, NULL));
	/* Another host, another service: outside. */
	assert_true(deployby_outside(&d, "k8s-2", "api", 0, 133 * S, NULL));
	assert_true(deployby_outside(&d, "k8s-1", "worker", 0, 133 * S, NULL));
	/* After that record (133 s) a new change ten minutes on: outside. */
	assert_true(deployby_outside(&d, "k8s-1", "api", 133 * S, 133 * S + 10 * MIN, NULL));
	/* Even with no record since, once the window has passed. */
	assert_true(deployby_outside(&d, "k8s-1", "api", 0, 130 * S + DEPLOYBY_WINDOW_MS + 1, NULL));
	deployby_free(&d);
	assert_int_equal(d.n, 0);
}

/* A helm rollback FAILED by its wait: its pods got there two minutes on,
 * after another record of the row, and the reconcile saying so is what
 * moved the tag. */
static void
a_rollout_completed_later_is_ours_when_seen(void **state)
{
	struct deployby d = { 0 };

	(void)state;
	note(&d, "action.intent", "hb", "op-1", 100 * S,
	    "{\"action\":\"helm.rollback\",\"plan\":{\"service\":\"api\"}}");
	note(&d, "action.end", "hb", "op-1", 110 * S, "{\"outcome\":\"failed\"}");
	/* A record of the row since (a health change) at 112 s. */
	assert_true(deployby_outside(&d, "hb", "api", 112 * S, 230 * S, NULL));
	/* The engineer's word alone moves nothing. */
	note(&d, "action.reconcile", "hb", "op-1", 200 * S,
	    "{\"by\":\"hand\",\"outcome\":\"failed\"}");
	assert_true(deployby_outside(&d, "hb", "api", 112 * S, 230 * S, NULL));
	note(&d, "action.reconcile", "hb", "op-1", 229 * S,
	    "{\"by\":\"rollout\",\"outcome\":\"ok\"}");
	assert_false(deployby_outside(&d, "hb", "api", 112 * S, 230 * S, NULL));
	assert_string_equal(deployby_which(&d, "hb", "api", 112 * S, 230 * S, NULL)->op, "op-1");
	deployby_free(&d);
}

/* Its console killed mid-rollback (no action.end): the next console's
 * re-read found the target running and settled it (an action.reconcile
 * with no "by"), after a record of the row it wrote meanwhile. The tag
 * change seen then is the incident's own rollback, whichever session
 * ran it. */
static void
a_rollback_settled_by_a_reread_is_ours(void **state)
{
	struct deployby d = { 0 };

	(void)state;
	note(&d, "action.intent", "hb", "op-1", 100 * S,
	    "{\"action\":\"helm.rollback\",\"plan\":{\"service\":\"api\",\"to\":\"1.4.1\"}}");
	/* The new console's record of the old tag at 104 s, then its
	 * target before the re-read: the rollback may still be running. */
	assert_false(deployby_outside(&d, "hb", "api", 104 * S, 106 * S, "1.4.1"));
	/* Another tag then is someone else's; so is one of no known tag. */
	assert_true(deployby_outside(&d, "hb", "api", 104 * S, 106 * S, "1.6.0"));
	assert_true(deployby_outside(&d, "hb", "api", 104 * S, 106 * S, NULL));
	/* Past the window with no end: no longer. */
	assert_true(deployby_outside(&d, "hb", "api", 104 * S, 100 * S + DEPLOYBY_WINDOW_MS + 1,
	    "1.4.1"));
	note(&d, "action.reconcile", "hb", "op-1", 107 * S,
	    "{\"action\":\"helm.rollback\",\"outcome\":\"ok\"}");
	assert_false(deployby_outside(&d, "hb", "api", 104 * S, 108 * S, NULL));
	assert_string_equal(deployby_which(&d, "hb", "api", 104 * S, 108 * S, NULL)->op, "op-1");
	/* A re-read that gave up says nothing of the tag. */
	note(&d, "action.intent", "hc", "op-2", 100 * S,
	    "{\"action\":\"helm.rollback\",\"plan\":{\"service\":\"api\"}}");
	note(&d, "action.end", "hc", "op-2", 101 * S, "{\"outcome\":\"unknown\"}");
	note(&d, "action.reconcile", "hc", "op-2", 107 * S,
	    "{\"action\":\"helm.rollback\",\"outcome\":\"unknown\"}");
	assert_true(deployby_outside(&d, "hc", "api", 104 * S, 108 * S, NULL));
	deployby_free(&d);
}

static void
a_plan_without_a_service_is_the_whole_hosts(void **state)
{
	struct deployby d = { 0 };

	(void)state;
	note(&d, "action.intent", "h", "op-1", 10 * S, "{\"action\":\"run\",\"plan\":null}");
	note(&d, "action.end", "h", "op-1", 20 * S, "{\"outcome\":\"ok\"}");
	assert_false(deployby_outside(&d, "h", "worker", 0, 25 * S, NULL));
	/* An intent whose console went away (no end) counts at its start. */
	note(&d, "action.intent", "g", "op-2", 100 * S, "{\"action\":\"run\"}");
	assert_false(deployby_outside(&d, "g", "api", 0, 110 * S, NULL));
	assert_true(deployby_outside(&d, "g", "api", 0, 100 * S + DEPLOYBY_WINDOW_MS + 1, NULL));
	/* Records that are no action, or have no op, are ignored. */
	note(&d, "note", "g", "op-3", 5 * S, "{\"text\":\"x\"}");
	note(&d, "action.intent", "g", NULL, 5 * S, "{}");
	assert_int_equal(d.n, 2);
	deployby_free(&d);
}

/* The post-mortem names the action that made a change: the latest of
 * those in the window, with its intent's record. */
static void
which_action_made_it(void **state)
{
	struct deployby d = { 0 };
	const struct deployby_act *a;

	(void)state;
	note(&d, "action.intent", "k8s-1", "op-1", 100 * S,
	    "{\"action\":\"k8s.undo\",\"plan\":{\"service\":\"api\"}}");
	note(&d, "action.end", "k8s-1", "op-1", 110 * S, "{\"outcome\":\"ok\"}");
	note(&d, "action.intent", "k8s-1", "op-2", 120 * S, "{\"plan\":{\"service\":\"api\"}}");
	note(&d, "action.end", "k8s-1", "op-2", 130 * S, "{\"outcome\":\"ok\"}");
	a = deployby_which(&d, "k8s-1", "api", 0, 133 * S, NULL);
	assert_non_null(a);
	assert_string_equal(a->op, "op-2");
	assert_null(a->action);
	/* Seen before the second began: the first. */
	a = deployby_which(&d, "k8s-1", "api", 0, 115 * S, NULL);
	assert_non_null(a);
	assert_string_equal(a->op, "op-1");
	assert_string_equal(a->action, "k8s.undo");
	assert_true(a->seq > 0);
	assert_null(deployby_which(&d, "k8s-1", "worker", 0, 133 * S, NULL));
	deployby_free(&d);
}

/* X restored k8s-bastion's exports (kubectl set env, a
 * rollout at the same image), then someone set the tag: the switch made
 * no tag change, so the change is outside. */
static void
a_k8s_kill_switch_changes_no_tag(void **state)
{
	struct deployby d = { 0 };

	(void)state;
	note(&d, "action.intent", "k8s-bastion", "ks-1", 100 * S,
	    "{\"action\":\"k8s.killswitch\",\"plan\":{\"service\":\"api\"}}");
	note(&d, "action.end", "k8s-bastion", "ks-1", 110 * S, "{\"outcome\":\"ok\"}");
	assert_true(deployby_outside(&d, "k8s-bastion", "api", 0, 140 * S, NULL));
	assert_null(deployby_which(&d, "k8s-bastion", "api", 0, 140 * S, NULL));
	deployby_free(&d);
}

/* X turned api-1's exports off and back on (each a docker compose up -d
 * with IMAGE_TAG pinned to the running tag), then a CI job set the tag:
 * outside, as after a k8s switch. A rollback in the window still is the
 * change's cause, even with a switch after it. */
static void
a_compose_kill_switch_changes_no_tag(void **state)
{
	struct deployby d = { 0 };
	const struct deployby_act *a;

	(void)state;
	note(&d, "action.intent", "api-1", "ks-1", 100 * S,
	    "{\"action\":\"compose.killswitch\",\"plan\":{\"service\":\"api\"}}");
	note(&d, "action.end", "api-1", "ks-1", 102 * S, "{\"outcome\":\"ok\"}");
	note(&d, "action.intent", "api-1", "ks-2", 105 * S,
	    "{\"action\":\"compose.killswitch\",\"plan\":{\"service\":\"api\"}}");
	note(&d, "action.end", "api-1", "ks-2", 107 * S, "{\"outcome\":\"ok\"}");
	assert_true(deployby_outside(&d, "api-1", "api", 0, 109 * S, NULL));
	assert_null(deployby_which(&d, "api-1", "api", 0, 109 * S, NULL));
	/* Helm's is refused before it runs; were one noted, the same. */
	note(&d, "action.intent", "helm-bastion", "ks-3", 100 * S,
	    "{\"action\":\"helm.killswitch\",\"plan\":{\"service\":\"api\"}}");
	note(&d, "action.end", "helm-bastion", "ks-3", 102 * S, "{\"outcome\":\"ok\"}");
	assert_true(deployby_outside(&d, "helm-bastion", "api", 0, 109 * S, NULL));
	/* A rollback, then a switch, then the change: the rollback's. */
	note(&d, "action.intent", "api-1", "rb-1", 200 * S,
	    "{\"action\":\"compose.rollback\",\"plan\":{\"service\":\"api\"}}");
	note(&d, "action.end", "api-1", "rb-1", 210 * S, "{\"outcome\":\"ok\"}");
	note(&d, "action.intent", "api-1", "ks-4", 211 * S,
	    "{\"action\":\"compose.killswitch\",\"plan\":{\"service\":\"api\"}}");
	note(&d, "action.end", "api-1", "ks-4", 213 * S, "{\"outcome\":\"ok\"}");
	a = deployby_which(&d, "api-1", "api", 109 * S, 214 * S, NULL);
	assert_non_null(a);
	assert_string_equal(a->op, "rb-1");
	deployby_free(&d);
}

/* A compose rollback killed with -9 mid `up -d`, its intent line damaged
 * since, its output kept: the confirmation (action, service, from -> to)
 * stands for the intent, so the change to its target, seen by the next
 * console before its re-read settles it, is ours; so is the re-read's. */
static void
a_confirmation_stands_for_a_damaged_intent(void **state)
{
	struct deployby d = { 0 };
	const struct deployby_act *a;

	(void)state;
	note(&d, "action.confirmed", "api-1", "rb-1", 100 * S,
	    "{\"action\":\"compose.rollback\",\"service\":\"api\","
	    "\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}");
	note(&d, "action.output", "api-1", "rb-1", 101 * S, "{\"step\":\"up\"}");
	/* The next console's record of the old tag at 104 s, then the target. */
	assert_false(deployby_outside(&d, "api-1", "api", 104 * S, 130 * S, "v1.4.1"));
	a = deployby_which(&d, "api-1", "api", 104 * S, 130 * S, "v1.4.1");
	assert_non_null(a);
	assert_string_equal(a->op, "rb-1");
	assert_string_equal(a->action, "compose.rollback");
	assert_true(a->intent_lost);
	/* Another service of the host, or another tag after a record: outside. */
	assert_true(deployby_outside(&d, "api-1", "worker", 104 * S, 130 * S, "v1.4.1"));
	assert_true(deployby_outside(&d, "api-1", "api", 104 * S, 130 * S, "v1.6.0"));
	note(&d, "action.reconcile", "api-1", "rb-1", 131 * S,
	    "{\"action\":\"compose.rollback\",\"outcome\":\"ok\"}");
	assert_false(deployby_outside(&d, "api-1", "api", 130 * S, 133 * S, NULL));
	/* An intent, when kept after all, takes the confirmation's place. */
	note(&d, "action.confirmed", "api-2", "rb-2", 200 * S,
	    "{\"action\":\"compose.rollback\",\"service\":\"api\",\"to\":\"v1.4.1\"}");
	note(&d, "action.intent", "api-2", "rb-2", 201 * S,
	    "{\"action\":\"compose.rollback\",\"plan\":{\"service\":\"api\",\"to\":\"v1.4.1\"}}");
	assert_int_equal(d.n, 2);
	a = deployby_which(&d, "api-2", "api", 0, 205 * S, NULL);
	assert_non_null(a);
	assert_false(a->intent_lost);
	assert_int_equal(a->start_ms, 201 * S);
	deployby_free(&d);
}

/* Confirmed, then refused (its re-read, or the next console's resume:
 * nothing ran): a CI job's deploy of that very tag is outside. */
static void
a_refused_confirmation_made_no_change(void **state)
{
	struct deployby d = { 0 };

	(void)state;
	note(&d, "action.confirmed", "api-1", "rb-1", 100 * S,
	    "{\"action\":\"compose.rollback\",\"service\":\"api\",\"to\":\"v1.4.1\"}");
	note(&d, "action.refused", "api-1", "rb-1", 102 * S, "{\"reason\":\"never ran\"}");
	assert_true(deployby_outside(&d, "api-1", "api", 0, 110 * S, "v1.4.1"));
	deployby_free(&d);
}

/* A compose rollback whose SSH dropped during `up -d` ended UNKNOWN;
 * `up -d` finished on the host after, and the tag change came after
 * another record of the row (its tag not read again), while the re-read
 * still ran. Its target, seen then, is its own deploy, not one made
 * outside this console; so until a re-read settles it otherwise. */
static void
an_unknown_rollbacks_target_is_its_own(void **state)
{
	struct deployby d = { 0 };
	const struct deployby_act *a;
	const int64_t t0 = 1000 * S;

	(void)state;
	note(&d, "action.confirmed", "h1", "rb-1", t0 - 81,
	    "{\"action\":\"compose.rollback\",\"service\":\"api\","
	    "\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}");
	note(&d, "action.intent", "h1", "rb-1", t0,
	    "{\"action\":\"compose.rollback\",\"plan\":{\"service\":\"api\","
	    "\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	note(&d, "action.output", "h1", "rb-1", t0 + 5656,
	    "{\"step\":\"up -d\",\"error\":\"connection lost: transport read\"}");
	note(&d, "action.end", "h1", "rb-1", t0 + 5664,
	    "{\"outcome\":\"unknown\",\"detail\":\"connection lost during up -d\"}");
	/* The row's record at +17.9 s (tag not read), the change at +19.7 s. */
	a = deployby_which(&d, "h1", "api", t0 + 17927, t0 + 19677, "v1.4.1");
	assert_non_null(a);
	assert_string_equal(a->op, "rb-1");
	assert_false(deployby_outside(&d, "h1", "api", t0 + 17927, t0 + 19677, "v1.4.1"));
	/* Another tag, no tag known, another service, past the window: outside. */
	assert_true(deployby_outside(&d, "h1", "api", t0 + 17927, t0 + 19677, "v1.6.0"));
	assert_true(deployby_outside(&d, "h1", "api", t0 + 17927, t0 + 19677, NULL));
	assert_true(deployby_outside(&d, "h1", "worker", t0 + 17927, t0 + 19677, "v1.4.1"));
	assert_true(deployby_outside(&d, "h1", "api", t0 + 17927,
	    t0 + DEPLOYBY_WINDOW_MS + 1, "v1.4.1"));
	/* A re-read that gave up leaves it UNKNOWN: still its own. */
	note(&d, "action.reconcile", "h1", "rb-1", t0 + 20 * S,
	    "{\"action\":\"compose.rollback\",\"outcome\":\"unknown\"}");
	assert_false(deployby_outside(&d, "h1", "api", t0 + 21 * S, t0 + 22 * S, "v1.4.1"));
	/* Settled failed by hand: it did not run, so a later change of the
	 * row to that tag is someone else's. */
	note(&d, "action.reconcile", "h1", "rb-1", t0 + 30 * S,
	    "{\"by\":\"hand\",\"outcome\":\"failed\"}");
	assert_true(deployby_outside(&d, "h1", "api", t0 + 31 * S, t0 + 32 * S, "v1.4.1"));
	/* An end that was known (ok) after another record of the row: that
	 * record read the change already, so a later one is outside. */
	note(&d, "action.intent", "h2", "rb-2", t0,
	    "{\"action\":\"compose.rollback\",\"plan\":{\"service\":\"api\","
	    "\"to\":\"v1.4.1\"}}");
	note(&d, "action.end", "h2", "rb-2", t0 + 5 * S, "{\"outcome\":\"ok\"}");
	assert_true(deployby_outside(&d, "h2", "api", t0 + 6 * S, t0 + 9 * S, "v1.4.1"));
	deployby_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(our_rollback_is_ours_and_a_later_change_is_not),
		cmocka_unit_test(a_rollout_completed_later_is_ours_when_seen),
		cmocka_unit_test(a_rollback_settled_by_a_reread_is_ours),
		cmocka_unit_test(a_plan_without_a_service_is_the_whole_hosts),
		cmocka_unit_test(which_action_made_it),
		cmocka_unit_test(a_k8s_kill_switch_changes_no_tag),
		cmocka_unit_test(a_compose_kill_switch_changes_no_tag),
		cmocka_unit_test(a_confirmation_stands_for_a_damaged_intent),
		cmocka_unit_test(a_refused_confirmation_made_no_change),
		cmocka_unit_test(an_unknown_rollbacks_target_is_its_own),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
