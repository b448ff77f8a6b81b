/*
 * test_rbtarget.c — a host already at this incident's rollback target:
 * r warns first and preselects nothing, B refuses to start from it and
 * names the bad tag, and a bad verdict whose window reaches back before
 * the rollback says it still holds the old release's errors. The
 * journal's rollbacks are read with how they were settled, and a host
 * whose own FAILED or UNKNOWN rollback applied is at a target too. A release another host of the incident rolled
 * back from is never a compose host's first target, and the incident's
 * own OK target is.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include <cmocka.h>

#include "warroom/badrel.h"
#include "warroom/latedone.h"
#include "warroom/parse_helm.h"
#include "warroom/plan.h"
#include "warroom/rbtarget.h"

/* 2026-11-26T13:06:44Z */
#define AT_MS 1796303204000LL

static const struct rbtarget_event events[] = {
	{ .host = "h2", .from = "v1.5.0-bad", .to = "v1.4.0", .ok = false, .at_ms = AT_MS - 60000 },
	{ .host = "h1", .from = "v1.5.0-bad", .to = "v1.4.1", .ok = true, .at_ms = AT_MS },
	{ .host = "h1", .from = "v1.4.1", .to = "v1.4.0", .ok = false, .at_ms = AT_MS + 5000 },
};

static void
the_hosts_own_ok_rollback_first_else_the_fleets(void **state)
{
	struct rbtarget t;

	(void)state;
	assert_true(rbtarget_find(events, 3, "h1", &t));
	assert_string_equal(t.to, "v1.4.1");
	assert_string_equal(t.from, "v1.5.0-bad");
	assert_true(t.here);
	/* h2's own rollback failed: the fleet's OK one is the target. */
	assert_true(rbtarget_find(events, 3, "h2", &t));
	assert_string_equal(t.to, "v1.4.1");
	assert_string_equal(t.host, "h1");
	assert_false(t.here);
	/* Nothing ended OK: no target. */
	assert_false(rbtarget_find(events, 1, "h1", &t));
	assert_string_equal(t.to, "");
}

static void
r_on_a_host_at_the_target_warns_and_says_when(void **state)
{
	struct rbtarget t;
	char out[300];

	(void)state;
	rbtarget_find(events, 3, "h1", &t);
	assert_true(rbtarget_note(&t, "h1", "v1.4.1", "", AT_MS + 19000, out, sizeof(out)));
	assert_string_equal(out, "h1 was rolled back to v1.4.1 at 13:06:44, 19 s ago: a further "
	    "rollback goes past it");
	/* Reached by hand, the target another host's rollback went to. */
	rbtarget_find(events, 3, "h2", &t);
	assert_true(rbtarget_note(&t, "h2", "v1.4.1", "", AT_MS + 300000, out, sizeof(out)));
	assert_string_equal(out, "h2 already runs v1.4.1, the tag this incident rolled back to "
	    "(on h1 at 13:06:44, 5 min ago): a further rollback goes past it");
	/* A helm host runs it as its app version: at the target all the same. */
	assert_true(rbtarget_note(&t, "helm-1", "1.4.1", "", AT_MS + 300000, out, sizeof(out)));
	assert_string_equal(out, "helm-1 already runs 1.4.1, the tag this incident rolled back to "
	    "(on h1 at 13:06:44, 5 min ago): a further rollback goes past it");
	/* Still on the bad tag: nothing to say. */
	assert_false(rbtarget_note(&t, "h2", "v1.5.0-bad", "", AT_MS, out, sizeof(out)));
	assert_string_equal(out, "");
	assert_false(rbtarget_note(NULL, "h2", "v1.5.0-bad", "", AT_MS, out, sizeof(out)));
}

static void
a_newer_tag_seen_here_means_moved_back_by_hand(void **state)
{
	char out[300];

	(void)state;
	assert_true(rbtarget_note(NULL, "api-1", "v1.4.1", "v1.5.0-bad", AT_MS, out, sizeof(out)));
	assert_string_equal(out, "api-1 runs v1.4.1, older than v1.5.0-bad it ran earlier in this "
	    "incident: it was rolled back outside warroom; a further rollback goes past it");
}

static void
b_from_a_good_row_is_refused_naming_the_bad_tag(void **state)
{
	struct rbtarget t;
	char out[300];

	(void)state;
	rbtarget_find(events, 3, "h1", &t);
	assert_true(rbtarget_chain_refusal(&t, "h1", "v1.4.1", out, sizeof(out)));
	assert_string_equal(out, "h1 already runs v1.4.1; B rolls back the hosts at v1.5.0-bad: "
	    "select one of them");
	assert_true(rbtarget_chain_refusal(&t, "helm-1", "1.4.1", out, sizeof(out)));
	/* From a host still on the bad tag, B goes ahead. */
	assert_false(rbtarget_chain_refusal(&t, "h4", "v1.5.0-bad", out, sizeof(out)));
	assert_false(rbtarget_chain_refusal(NULL, "h4", "v1.4.1", out, sizeof(out)));
}

#define MAXREC 16

struct journal {
	struct record v[MAXREC];
	size_t n;
};

/* A record at AT_MS + its index in seconds. */
static void
add(struct journal *j, const char *kind, const char *host, const char *op, const char *json)
{
	struct record *r = &j->v[j->n++];

	assert_true(j->n <= MAXREC);
	memset(r, 0, sizeof(*r));
	r->ts_ms = AT_MS + (int64_t)(j->n - 1) * 1000;
	r->kind = (char *)kind;
	r->host = (char *)host;
	r->op = (char *)op;
	r->data = cJSON_Parse(json);
	assert_non_null(r->data);
}

static void
journal_free(struct journal *j)
{
	size_t i;

	for (i = 0; i < j->n; i++)
		cJSON_Delete(j->v[i].data);
}

/* A drill: api-1's rollback ended UNKNOWN (a dropped connection) and
 * a re-read settled it OK; k8s-bastion's undo ended FAILED (the rollout
 * stuck) yet applied, so it runs v1.4.1 too. */
static void
qa_journal(struct journal *j)
{
	j->n = 0;
	add(j, "action.intent", "api-1", "o1", "{\"plan\":{\"action\":\"compose.rollback\","
	    "\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	add(j, "action.intent", "k8s-bastion", "o2", "{\"plan\":{\"action\":\"k8s.undo\","
	    "\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	add(j, "action.end", "api-1", "o1", "{\"outcome\":\"unknown\"}");
	/* Not a rollback, and another service's: neither counts. */
	add(j, "action.intent", "api-1", "o3", "{\"plan\":{\"action\":\"compose.killswitch\","
	    "\"service\":\"api\",\"from\":\"on\",\"to\":\"off\"}}");
	add(j, "action.end", "api-1", "o3", "{\"outcome\":\"ok\"}");
	add(j, "action.intent", "api-1", "o4", "{\"plan\":{\"action\":\"compose.rollback\","
	    "\"service\":\"jobs\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.3.0\"}}");
	add(j, "action.end", "api-1", "o4", "{\"outcome\":\"ok\"}");
	add(j, "action.end", "k8s-bastion", "o2", "{\"outcome\":\"failed\"}");
	add(j, "action.reconcile", "api-1", "o1", "{\"outcome\":\"ok\"}");
}

static void
a_rollback_settled_ok_by_a_re_read_is_a_target(void **state)
{
	struct rbtarget_event *ev;
	struct journal j;
	struct rbtarget t;
	size_t n;

	(void)state;
	qa_journal(&j);
	n = rbtarget_events(j.v, j.n, "api", &ev);
	assert_int_equal(n, 2);
	assert_string_equal(ev[0].host, "api-1");
	assert_true(ev[0].ok);
	assert_int_equal(ev[0].at_ms, AT_MS + 8000);       /* when the re-read said so */
	assert_string_equal(ev[1].host, "k8s-bastion");
	assert_false(ev[1].ok);
	assert_false(ev[1].unknown);
	assert_true(rbtarget_find(ev, n, "helm-bastion", &t));
	assert_string_equal(t.to, "v1.4.1");
	assert_string_equal(t.host, "api-1");
	assert_string_equal(t.tried_to, "");
	free(ev);
	/* A re-read that gave up settles nothing: still UNKNOWN. */
	cJSON_Delete(j.v[8].data);
	j.v[8].data = cJSON_Parse("{\"outcome\":\"unknown\"}");
	n = rbtarget_events(j.v, j.n, "api", &ev);
	assert_false(ev[0].ok);
	assert_true(ev[0].unknown);
	assert_false(rbtarget_find(ev, n, "helm-bastion", &t));
	free(ev);
	journal_free(&j);
}

static void
a_failed_rollback_that_applied_is_at_the_target(void **state)
{
	struct rbtarget_event *ev;
	struct journal j;
	struct rbtarget t;
	char out[300];
	size_t n;

	(void)state;
	qa_journal(&j);
	n = rbtarget_events(j.v, j.n, "api", &ev);
	assert_true(rbtarget_find(ev, n, "k8s-bastion", &t));
	assert_string_equal(t.tried_to, "v1.4.1");
	assert_false(t.here);
	/* Its own undo went there, FAILED: said first, nothing preselected. */
	assert_true(rbtarget_note(&t, "k8s-bastion", "v1.4.1", "", AT_MS + 67000, out,
	    sizeof(out)));
	assert_string_equal(out, "k8s-bastion runs v1.4.1, the tag its rollback went to (ended "
	    "FAILED at 13:06:51, 60 s ago): a further rollback goes past it");
	assert_true(rbtarget_chain_refusal(&t, "k8s-bastion", "v1.4.1", out, sizeof(out)));
	assert_string_equal(out, "k8s-bastion already runs v1.4.1; B rolls back the hosts at "
	    "v1.5.0-bad: select one of them");
	/* The undo did not take: still on the bad tag, r goes ahead. */
	assert_false(rbtarget_note(&t, "k8s-bastion", "v1.5.0-bad", "", AT_MS, out, sizeof(out)));
	free(ev);
	/* No OK rollback anywhere: its own FAILED one still counts. */
	n = rbtarget_events(j.v + 1, j.n - 2, "api", &ev);
	assert_int_equal(n, 1);
	assert_true(rbtarget_find(ev, n, "k8s-bastion", &t));
	assert_string_equal(t.to, "");
	assert_true(rbtarget_note(&t, "k8s-bastion", "v1.4.1", "", AT_MS + 7000, out,
	    sizeof(out)));
	free(ev);
	/* An UNKNOWN one says so; an OK one after it on the host replaces it. */
	{
		const struct rbtarget_event e[] = {
			{ .host = "h1", .from = "v1.5.0-bad", .to = "v1.4.1", .unknown = true,
			  .at_ms = AT_MS },
			{ .host = "h1", .from = "v1.5.0-bad", .to = "v1.4.1", .ok = true,
			  .at_ms = AT_MS + 1000 },
		};

		assert_true(rbtarget_find(e, 1, "h1", &t));
		assert_true(rbtarget_note(&t, "h1", "v1.4.1", "", AT_MS + 5000, out, sizeof(out)));
		assert_string_equal(out, "h1 runs v1.4.1, the tag its rollback went to (ended "
		    "UNKNOWN at 13:06:44, 5 s ago): a further rollback goes past it");
		assert_true(rbtarget_find(e, 2, "h1", &t));
		assert_string_equal(t.tried_to, "");
		assert_true(t.here);
	}
	journal_free(&j);
}

/* k8s-bastion's undo ended FAILED (its rollout not complete in the
 * console's wait) and completed a minute later: once the journal says so,
 * it is the incident's OK target there and for every other host, dated
 * when the rollout completed. */
static void
a_failed_rollback_whose_rollout_completed_later_is_a_target(void **state)
{
	struct rbtarget_event *ev;
	struct journal j;
	struct rbtarget t;
	char out[300];
	size_t n;

	(void)state;
	qa_journal(&j);
	/* Completed at 13:07:30, read at 13:07:32 (record 9). */
	add(&j, "action.reconcile", "k8s-bastion", "o2", "{\"by\":\"rollout\",\"outcome\":"
	    "\"ok\",\"completed_ts\":\"2026-12-03T13:07:30.000Z\"}");
	n = rbtarget_events(j.v, j.n, "api", &ev);
	assert_int_equal(n, 2);
	assert_true(ev[1].ok);
	assert_int_equal(ev[1].at_ms, AT_MS + 46000);
	assert_true(rbtarget_find(ev, n, "k8s-bastion", &t));
	assert_true(t.here);
	assert_string_equal(t.to, "v1.4.1");
	assert_string_equal(t.tried_to, "");
	assert_true(rbtarget_note(&t, "k8s-bastion", "v1.4.1", "", AT_MS + 66000, out,
	    sizeof(out)));
	assert_string_equal(out, "k8s-bastion was rolled back to v1.4.1 at 13:07:30, 20 s ago: a "
	    "further rollback goes past it");
	/* The fleet's latest OK target now: k8s-bastion's. */
	assert_true(rbtarget_find(ev, n, "helm-bastion", &t));
	assert_string_equal(t.host, "k8s-bastion");
	free(ev);
	journal_free(&j);
}

/* METRICS' "rolled back N s ago": from when the rollout completed, not
 * the FAILED end (the old pods served until then) nor the record. */
static void
a_rollback_whose_rollout_completed_later_counts_from_then(void **state)
{
	const struct rbtarget_mark m[] = {
		{ 1000, "action.intent", "k8s", "rb-1", "", true, 0 },
		{ 121000, "action.end", "k8s", "rb-1", "failed", false, 0 },
		{ 185000, "action.reconcile", "k8s", "rb-1", "ok", false, 183000 },
	};

	(void)state;
	assert_int_equal(rbtarget_rolled_back_at(m, 3, "k8s", NULL), 183000);
	assert_int_equal(rbtarget_rolled_back_at(m, 2, "k8s", NULL), 0);
}

/* after h1's rollback ended OK at 03:47:22, ROLLBACK IMMEDIATELY
 * (error rate 6.26%) and then CONSIDER ROLLBACK (3.6%) came with no note
 * for about 50 s: the note was only a held verdict's. Every bad verdict
 * whose figures still reach back before the rollback's end carries it,
 * held or not; a calm one, or one whose window is past the rollback, not. */
static void
a_bad_verdict_within_the_window_after_a_rollback_says_why(void **state)
{
	const char *want = "rolled back 12 s ago: the rate window still holds the old release's "
	    "errors";
	/* Prometheus, [1m]: figures of 12 s after the end reach 48 s before it. */
	struct rbtarget_window w = { .from_ms = AT_MS + 12000 - 60000 };
	char out[120];

	(void)state;
	assert_int_equal(rbtarget_window_note(true, &w, AT_MS - 9000, AT_MS, AT_MS + 12500, out,
	    sizeof(out)), strlen(want));
	assert_string_equal(out, want);
	/* Calm, or no rollback settled OK: nothing to put it down to. */
	assert_int_equal(rbtarget_window_note(false, &w, AT_MS - 9000, AT_MS, AT_MS + 12500, out,
	    sizeof(out)), 0);
	assert_string_equal(out, "");
	assert_int_equal(rbtarget_window_note(true, &w, 0, 0, AT_MS + 12500, out, sizeof(out)), 0);
	/* 61 s after: the window no longer reaches the old release. */
	w.from_ms = AT_MS + 61000 - 60000;
	assert_int_equal(rbtarget_window_note(true, &w, AT_MS - 9000, AT_MS, AT_MS + 61000, out,
	    sizeof(out)), 0);
	/* Figures not known to reach anywhere: not said. */
	w.from_ms = 0;
	assert_int_equal(rbtarget_window_note(true, &w, AT_MS - 9000, AT_MS, AT_MS + 2000, out,
	    sizeof(out)), 0);
	/* A metrics_url host's window emptied at the tag change the rollback
	 * made ("false at 1 s scrapes"), even before its end was written;
	 * one emptied before the rollback began still holds the old release. */
	w = (struct rbtarget_window){ .from_ms = AT_MS - 5000, .fresh_ms = AT_MS - 4000 };
	assert_int_equal(rbtarget_window_note(true, &w, AT_MS - 9000, AT_MS, AT_MS + 1000, out,
	    sizeof(out)), 0);
	w.fresh_ms = AT_MS - 600000;
	assert_true(rbtarget_window_note(true, &w, AT_MS - 9000, AT_MS, AT_MS + 1000, out,
	    sizeof(out)) > 0);
	/* Minutes later, a long range ([1h]) still holds it, and says so. */
	w = (struct rbtarget_window){ .from_ms = AT_MS + 1200000 - 3600000 };
	rbtarget_window_note(true, &w, AT_MS - 9000, AT_MS, AT_MS + 1200000, out, sizeof(out));
	assert_string_equal(out, "rolled back 20 min ago: the rate window still holds the old "
	    "release's errors");
	/* A clock that went back says 0 s, never a negative age. */
	w.from_ms = AT_MS - 60000;
	rbtarget_window_note(true, &w, AT_MS - 9000, AT_MS, AT_MS - 5000, out, sizeof(out));
	assert_string_equal(out, "rolled back 0 s ago: the rate window still holds the old "
	    "release's errors");
}

/* The words METRICS and a verdict.change record say, from the timeline:
 * the reason, then the note (so a row cut where the pane ends keeps the
 * figures); the reason alone otherwise. */
static void
verdict_words_put_the_figures_first(void **state)
{
	const struct rbtarget_mark m[] = {
		{ AT_MS - 9000, "action.intent", "h1", "rb-1", "", true, 0 },
		{ AT_MS, "action.end", "h1", "rb-1", "ok", false, 0 },
	};
	struct rbtarget_window w = { .from_ms = AT_MS + 32000 - 60000 };
	char out[300];
	size_t n;

	(void)state;
	n = rbtarget_verdict_words(true, "error rate 3.6% > 2%", &w, m, 2, "h1", AT_MS + 32000,
	    out, sizeof(out));
	assert_int_equal(n, strlen(out));
	assert_string_equal(out, "error rate 3.6% > 2% \xe2\x80\x94 rolled back 32 s ago: the "
	    "rate window still holds the old release's errors");
	/* Another host's rollback is not h1's; a calm verdict has no note. */
	rbtarget_verdict_words(true, "error rate 3.6% > 2%", &w, m, 2, "h2", AT_MS + 32000, out,
	    sizeof(out));
	assert_string_equal(out, "error rate 3.6% > 2%");
	rbtarget_verdict_words(false, "below thresholds", &w, m, 2, "h1", AT_MS + 32000, out,
	    sizeof(out));
	assert_string_equal(out, "below thresholds");
	/* A short buffer keeps the figures whole, cuts the note, ends terminated. */
	rbtarget_verdict_words(true, "error rate 3.6% > 2%", &w, m, 2, "h1", AT_MS + 32000, out,
	    40);
	assert_int_equal(strlen(out), 39);
	assert_memory_equal(out, "error rate 3.6% > 2% \xe2\x80\x94 rolled", 29);
}

/* k8s-bastion's undo ran at 18:20:04, its end UNKNOWN at 18:20:31;
 * after a restart a re-read settled it ok at 18:21:32. METRICS counts
 * from the rollback's own end, never from that re-read; one without an
 * end (its console killed) from its intent; a failed one not at all. */
static void
a_rollback_settled_by_a_reread_counts_from_its_own_time(void **state)
{
	const struct rbtarget_mark m[] = {
		{ 1000, "action.intent", "k8s", "rb-1", "", true, 0 },
		{ 2000, "action.intent", "k8s", "ks-1", "", false, 0 },
		{ 3000, "action.end", "k8s", "ks-1", "ok", false, 0 },
		{ 27000, "action.end", "k8s", "rb-1", "unknown", false, 0 },
		{ 88000, "action.reconcile", "k8s", "rb-1", "ok", false, 0 },
		{ 90000, "action.intent", "api-1", "rb-2", "", true, 0 },
		{ 95000, "action.reconcile", "api-1", "rb-2", "ok", false, 0 },
		{ 96000, "action.intent", "helm", "rb-3", "", true, 0 },
		{ 97000, "action.end", "helm", "rb-3", "failed", false, 0 },
	};
	int64_t began = -1;

	(void)state;
	assert_int_equal(rbtarget_rolled_back_at(m, 9, "k8s", &began), 27000);
	assert_int_equal(began, 1000);
	assert_int_equal(rbtarget_rolled_back_at(m, 4, "k8s", &began), 0);
	assert_int_equal(began, 0);
	assert_int_equal(rbtarget_rolled_back_at(m, 9, "api-1", NULL), 90000);
	assert_int_equal(rbtarget_rolled_back_at(m, 9, "helm", &began), 0);
}

/* a new incident after an earlier one rolled helm-bastion back from
 * revision 4 to 3: helm's own history says so ("Rollback to 3"), and a
 * rollback to the same app version leaves nothing bad behind. */
static void
helm_history_says_what_was_rolled_back_from(void **state)
{
	static const char hist[] = "["
	    "{\"revision\":2,\"updated\":\"\",\"status\":\"superseded\",\"chart\":\"api-0.10.0\","
	    "\"app_version\":\"1.4.0\",\"description\":\"Upgrade complete\"},"
	    "{\"revision\":3,\"updated\":\"\",\"status\":\"superseded\",\"chart\":\"api-0.11.0\","
	    "\"app_version\":\"1.4.1\",\"description\":\"Upgrade complete\"},"
	    "{\"revision\":4,\"updated\":\"\",\"status\":\"superseded\",\"chart\":\"api-0.12.0\","
	    "\"app_version\":\"1.5.0-bad\",\"description\":\"Upgrade complete\"},"
	    "{\"revision\":5,\"updated\":\"\",\"status\":\"superseded\",\"chart\":\"api-0.11.0\","
	    "\"app_version\":\"1.4.1\",\"description\":\"Rollback to 3\"},"
	    "{\"revision\":6,\"updated\":\"\",\"status\":\"deployed\",\"chart\":\"api-0.11.0\","
	    "\"app_version\":\"1.4.1\",\"description\":\"Rollback to 5\"}]";
	struct rbtarget_left l[4];
	struct helm_history h;
	struct wr_err err;
	char out[160];

	(void)state;
	assert_int_equal(parse_helm_history(hist, strlen(hist), &h, &err), 0);
	assert_int_equal(rbtarget_helm_left(&h, l, 4), 1);
	assert_string_equal(l[0].tag, "1.5.0-bad");
	assert_int_equal(l[0].rev, 4);
	assert_int_equal(l[0].by, 5);
	rbtarget_left_words(&l[0], true, out, sizeof(out));
	assert_string_equal(out, "helm revision 5 is \"Rollback to 3\"");
	parse_helm_history_free(&h);
}

/* k8s-bastion: revision 3 (v1.4.1) moved up to 5 by the undo from 4
 * (v1.5.0-bad), then to 7 from 6 (v1.5.1-bad); 8 is a kill switch's
 * template at v1.4.1 and 9 the one before it moved up (the same tag: no
 * release left). The ReplicaSets' revision-history says so. */
static void
k8s_moved_templates_say_what_was_rolled_back_from(void **state)
{
	static const char rs[] = "{\"kind\":\"List\",\"items\":["
#define RS(rev, hist, tag) "{\"metadata\":{\"annotations\":{\"deployment.kubernetes.io/revision\":\"" \
	rev "\"" hist "},\"ownerReferences\":[{\"kind\":\"Deployment\",\"name\":\"api\"}]}," \
	"\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"api\",\"image\":\"r/api:" tag "\"}]}}}}"
	    RS("2", "", "v1.4.0") ","
	    RS("4", "", "v1.5.0-bad") ","
	    RS("6", "", "v1.5.1-bad") ","
	    RS("8", "", "v1.4.1") ","
	    RS("9", ",\"deployment.kubernetes.io/revision-history\":\"3,5,7\"", "v1.4.1")
#undef RS
	    "]}";
	struct rbtarget_left l[4];
	struct k8s_rs_images r;
	struct wr_err err;
	char out[160];

	(void)state;
	assert_int_equal(parse_k8s_rs_images(rs, strlen(rs), "api", &r, &err), 0);
	assert_int_equal(r.n, 5);
	assert_int_equal(r.items[4].nmoved, 3);
	assert_int_equal(rbtarget_k8s_left(&r, l, 4), 2);
	assert_string_equal(l[0].tag, "v1.5.0-bad");
	assert_int_equal(l[0].by, 5);
	assert_string_equal(l[1].tag, "v1.5.1-bad");
	rbtarget_left_words(&l[1], false, out, sizeof(out));
	assert_string_equal(out, "revision 7 went back from it to v1.4.1");
	parse_k8s_rs_free(&r);
}

/* The bad release deployed again (its template, revision 4, moved up to
 * 6 over the good 5): v1.4.1 was not rolled back from, it was left for a
 * newer release. */
static void
k8s_a_release_deployed_again_leaves_nothing_bad(void **state)
{
	static const char rs[] = "{\"kind\":\"List\",\"items\":["
#define RS(rev, hist, tag) "{\"metadata\":{\"annotations\":{\"deployment.kubernetes.io/revision\":\"" \
	rev "\"" hist "},\"ownerReferences\":[{\"kind\":\"Deployment\",\"name\":\"api\"}]}," \
	"\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"api\",\"image\":\"r/api:" tag "\"}]}}}}"
	    RS("2", "", "v1.4.0") ","
	    RS("5", ",\"deployment.kubernetes.io/revision-history\":\"3\"", "v1.4.1") ","
	    RS("6", ",\"deployment.kubernetes.io/revision-history\":\"4\"", "v1.5.0-bad")
#undef RS
	    "]}";
	struct rbtarget_left l[4];
	struct k8s_rs_images r;
	struct wr_err err;

	(void)state;
	assert_int_equal(parse_k8s_rs_images(rs, strlen(rs), "api", &r, &err), 0);
	/* 5 undid 4 (v1.5.0-bad left); 6 is 4 deployed again over 5. */
	assert_int_equal(rbtarget_k8s_left(&r, l, 4), 1);
	assert_string_equal(l[0].tag, "v1.5.0-bad");
	parse_k8s_rs_free(&r);
}

/* after an OK rollback to v1.4.1, a bad re-deploy and a FAILED undo
 * back to v1.4.1, r named the earlier OK one: the latest is named, with
 * how it ended; after the next bad deploy, v1.4.1 is marked stalled. */
static void
the_latest_rollback_is_named_and_its_target_marked_stalled(void **state)
{
	const struct rbtarget_event e[] = {
		{ .host = "k8s-bastion", .from = "v1.5.0-bad", .to = "v1.4.1", .ok = true,
		  .at_ms = AT_MS - 240000 },
		{ .host = "k8s-bastion", .from = "v1.5.1-bad", .to = "v1.4.1", .at_ms = AT_MS },
	};
	struct rbtarget t;
	char out[300];

	(void)state;
	assert_true(rbtarget_find(e, 2, "k8s-bastion", &t));
	assert_true(rbtarget_note(&t, "k8s-bastion", "v1.4.1", "", AT_MS + 60000, out,
	    sizeof(out)));
	assert_string_equal(out, "k8s-bastion runs v1.4.1, the tag its rollback went to (ended "
	    "FAILED at 13:06:44, 60 s ago): a further rollback goes past it");
	assert_true(rbtarget_stalled_words(&t, "v1.4.1", "v1.5.2-bad", out, sizeof(out)));
	assert_string_equal(out, "this incident's rollback to it here ended FAILED at 13:06:44: "
	    "its rollout may never have completed");
	/* Running it, or another tag listed: no such mark. */
	assert_false(rbtarget_stalled_words(&t, "v1.4.1", "v1.4.1", out, sizeof(out)));
	assert_false(rbtarget_stalled_words(&t, "v1.4.0", "v1.5.2-bad", out, sizeof(out)));
	/* The same release without its v: marked, and running it is running it. */
	assert_true(rbtarget_stalled_words(&t, "1.4.1", "v1.5.2-bad", out, sizeof(out)));
	assert_false(rbtarget_stalled_words(&t, "1.4.1", "v1.4.1", out, sizeof(out)));
	/* An OK one after it clears it. */
	assert_true(rbtarget_find(e, 1, "k8s-bastion", &t));
	assert_false(rbtarget_stalled_words(&t, "v1.4.1", "v1.5.2-bad", out, sizeof(out)));
}

/* h3's helm rollback to 1.4.1 exited 1 at once (the tool
 * failed before changing anything); the retry dialog marked 1.4.1 "its
 * rollout may never have completed" and preselected nothing. No rollout
 * began: the release is still at the revision it left, the newest. That
 * is said, and the target is no stalled one. */
static void
a_failed_rollback_that_changed_nothing_says_so(void **state)
{
	struct rbtarget_event *ev;
	struct journal j;
	struct rbtarget t;
	char out[300];
	size_t n;

	(void)state;
	j.n = 0;
	add(&j, "action.intent", "h3", "o1", "{\"plan\":{\"action\":\"helm.rollback\","
	    "\"service\":\"api\",\"from\":\"1.5.0-bad\",\"to\":\"1.4.1\","
	    "\"from_revision\":5,\"to_revision\":3}}");
	add(&j, "action.end", "h3", "o1", "{\"outcome\":\"failed\",\"detail\":\"helm "
	    "rollback exited 1: ^[]0;pwned^G error: it broke\"}");
	n = rbtarget_events(j.v, j.n, "api", &ev);
	assert_int_equal(n, 1);
	assert_int_equal(ev[0].from_rev, 5);
	assert_true(rbtarget_find(ev, n, "h3", &t));
	assert_int_equal(t.tried_from_rev, 5);
	assert_string_equal(t.tried_exit, "helm rollback exited 1");
	/* Still 1.5.0-bad at revision 5, the newest: nothing changed. */
	assert_true(rbtarget_unchanged_words(&t, "1.4.1", "1.5.0-bad", 5, out, sizeof(out)));
	assert_string_equal(out, "this incident's rollback to it here ended FAILED at 13:06:45 "
	    "(helm rollback exited 1) and changed nothing: still at revision 5 (1.5.0-bad)");
	/* Only for the tag it went to. */
	assert_false(rbtarget_unchanged_words(&t, "1.4.0", "1.5.0-bad", 5, out, sizeof(out)));
	assert_string_equal(out, "");
	/* A newer revision (a failed one, say): something changed. */
	assert_false(rbtarget_unchanged_words(&t, "1.4.1", "1.5.0-bad", 6, out, sizeof(out)));
	assert_true(rbtarget_stalled_words(&t, "1.4.1", "1.5.0-bad", out, sizeof(out)));
	/* Not known, or another tag running: not said. */
	assert_false(rbtarget_unchanged_words(&t, "1.4.1", "1.5.0-bad", 0, out, sizeof(out)));
	assert_false(rbtarget_unchanged_words(&t, "1.4.1", "1.5.1-bad", 5, out, sizeof(out)));
	assert_false(rbtarget_unchanged_words(NULL, "1.4.1", "1.5.0-bad", 5, out, sizeof(out)));
	free(ev);

	/* UNKNOWN: it may still be at work; a detail without an exit status
	 * names none. */
	cJSON_Delete(j.v[1].data);
	j.v[1].data = cJSON_Parse("{\"outcome\":\"unknown\",\"detail\":\"connection lost\"}");
	n = rbtarget_events(j.v, j.n, "api", &ev);
	assert_true(rbtarget_find(ev, n, "h3", &t));
	assert_string_equal(t.tried_exit, "");
	assert_false(rbtarget_unchanged_words(&t, "1.4.1", "1.5.0-bad", 5, out, sizeof(out)));
	free(ev);
	cJSON_Delete(j.v[1].data);
	j.v[1].data = cJSON_Parse("{\"outcome\":\"failed\",\"detail\":\"could not read "
	    "back what runs: helm exited 1\"}");
	n = rbtarget_events(j.v, j.n, "api", &ev);
	assert_true(rbtarget_find(ev, n, "h3", &t));
	assert_string_equal(t.tried_exit, "");
	assert_true(rbtarget_unchanged_words(&t, "1.4.1", "1.5.0-bad", 5, out, sizeof(out)));
	assert_string_equal(out, "this incident's rollback to it here ended FAILED at 13:06:45 "
	    "and changed nothing: still at revision 5 (1.5.0-bad)");
	free(ev);
	journal_free(&j);
}

/* helm-bastion's own rollback (revision 5, "Rollback to 3")
 * went to 1.4.1 and ended OK; then someone ran `helm rollback api 4`
 * outside the console (revision 6, back to 1.5.0-bad). The history says
 * 1.4.1 was left, and B preselected 1.4.0, two migrations away. The
 * incident's own OK target comes before that history mark, which stays
 * in its note; the release it judged bad is still never preselected. */
static void
the_incidents_ok_target_outranks_a_later_rollback_to_the_bad_release(void **state)
{
	static const char hist[] = "["
	    "{\"revision\":2,\"updated\":\"\",\"status\":\"superseded\",\"chart\":\"api-0.10.0\","
	    "\"app_version\":\"1.4.0\",\"description\":\"Upgrade complete\"},"
	    "{\"revision\":3,\"updated\":\"\",\"status\":\"superseded\",\"chart\":\"api-0.11.0\","
	    "\"app_version\":\"1.4.1\",\"description\":\"Upgrade complete\"},"
	    "{\"revision\":4,\"updated\":\"\",\"status\":\"superseded\",\"chart\":\"api-0.12.0\","
	    "\"app_version\":\"1.5.0-bad\",\"description\":\"Upgrade complete\"},"
	    "{\"revision\":5,\"updated\":\"\",\"status\":\"superseded\",\"chart\":\"api-0.11.0\","
	    "\"app_version\":\"1.4.1\",\"description\":\"Rollback to 3\"},"
	    "{\"revision\":6,\"updated\":\"\",\"status\":\"deployed\",\"chart\":\"api-0.12.0\","
	    "\"app_version\":\"1.5.0-bad\",\"description\":\"Rollback to 4\"}]";
	const struct rbtarget_event e[] = {
		{ .host = "helm-bastion", .from = "1.5.0-bad", .to = "1.4.1", .ok = true,
		  .at_ms = AT_MS },
	};
	/* The dialog's targets, newest first: revisions 5, 4, 3, 2. */
	static const char *const tags[] = { "1.4.1", "1.5.0-bad", "1.4.1", "1.4.0" };
	struct plan_target pt[4];
	struct rbtarget_left l[4];
	struct helm_history h;
	struct rbtarget t;
	struct wr_err err;
	const char *sorted[4];
	bool marked[4];
	char out[160], why[300];
	int order[4], nfree, i, d;
	size_t k, nl;

	(void)state;
	assert_int_equal(parse_helm_history(hist, strlen(hist), &h, &err), 0);
	nl = rbtarget_helm_left(&h, l, 4);
	assert_int_equal(nl, 2);
	assert_string_equal(l[1].tag, "1.4.1");
	rbtarget_left_words(&l[1], true, out, sizeof(out));
	assert_string_equal(out, "helm revision 6 is \"Rollback to 4\"");
	assert_true(rbtarget_find(e, 1, "helm-bastion", &t));
	memset(pt, 0, sizeof(pt));
	for (i = 0; i < 4; i++) {
		strcpy(pt[i].tag, tags[i]);
		for (k = 0; k < nl; k++)
			pt[i].left |= strcmp(l[k].tag, tags[i]) == 0;
		pt[i].bad = strcmp(tags[i], "1.5.0-bad") == 0;
	}
	/* Without the incident's target: the old default, 1.4.0. */
	nfree = plan_targets_order(pt, 4, order);
	assert_int_equal(nfree, 1);
	assert_string_equal(pt[order[0]].tag, "1.4.0");
	/* With it: 1.4.1 (revision 5) first and preselected, noted all the same. */
	for (i = 0; i < 4; i++)
		pt[i].ours = rbtarget_is_target(&t, pt[i].tag);
	assert_false(pt[1].ours);
	nfree = plan_targets_order(pt, 4, order);
	assert_int_equal(nfree, 3);
	assert_int_equal(order[0], 0);
	assert_true(pt[0].left);
	assert_string_equal(plan_target_note(&pt[0]), PLAN_NOTE_LEFT);
	for (i = 0; i < 4; i++) {
		sorted[i] = pt[order[i]].tag;
		marked[i] = plan_target_marked(&pt[order[i]]);
	}
	/* The bad release, though ours were the same tag, stays last. */
	assert_string_equal(sorted[3], "1.5.0-bad");
	assert_true(marked[3]);
	assert_int_equal(rbtarget_first(&t, "1.5.0-bad", sorted, marked, 4), 0);
	{
		struct plan_target o[4];

		for (i = 0; i < 4; i++)
			o[i] = pt[order[i]];
		d = plan_targets_default(o, 4, nfree, false, "", "", why, sizeof(why));
	}
	assert_int_equal(d, 0);
	assert_string_equal(why, "");
	/* Judged bad as well: it is demoted though it was the target. */
	pt[0].bad = pt[2].bad = true;
	assert_true(plan_target_marked(&pt[0]));
	parse_helm_history_free(&h);
}

/* k8s-bastion was rolled back from v1.5.0-bad to v1.4.1 (OK); r on
 * api-1/api (compose, v1.5.1-bad) preselected v1.5.0-bad, "last good in
 * releases.log", unmarked, and listed v1.4.1 second. What the journal
 * judged bad on any host is marked and last, saying where and when; the
 * incident's target comes first. */
static void
a_release_another_host_rolled_back_from_is_never_first(void **state)
{
	static const char log[] =
	    "2026-11-20T09:00:00Z deploy IMAGE_TAG=v1.4.0 services=api,jobs result=ok\n"
	    "2026-11-21T09:00:00Z deploy IMAGE_TAG=v1.4.1 services=api,jobs result=ok\n"
	    "2026-11-22T09:00:00Z deploy IMAGE_TAG=v1.4.2 services=api,jobs result=ok\n"
	    "2026-11-26T07:00:00Z deploy IMAGE_TAG=v1.5.0-bad services=api,jobs result=ok\n"
	    "2026-11-26T12:00:00Z deploy IMAGE_TAG=v1.5.1-bad services=api,jobs result=ok\n";
	const struct badrel_why *why[8];
	const char *tags[8];
	bool marked[8];
	struct plan_candidate c[8];
	struct plan_bad bad[8];
	struct rbtarget_event *ev;
	struct badrel rel = { 0 };
	struct journal j = { .n = 0 };
	struct rbtarget t;
	const char *tail;
	char note[160];
	size_t i, n, nbad;

	(void)state;
	add(&j, "action.intent", "k8s-bastion", "o1", "{\"action\":\"k8s.undo\",\"plan\":"
	    "{\"action\":\"k8s.undo\",\"service\":\"api\",\"from\":\"v1.5.0-bad\","
	    "\"to\":\"v1.4.1\"}}");
	add(&j, "action.end", "k8s-bastion", "o1", "{\"outcome\":\"ok\"}");
	add(&j, "health.change", "api-1", NULL, "{\"service\":\"api\",\"tag\":\"v1.5.1-bad\"}");
	for (i = 0; i < j.n; i++)
		badrel_fold(&rel, j.v[i].kind, j.v[i].host, j.v[i].data, j.v[i].ts_ms);
	nbad = badrel_bad_of(&rel, "api-1", "api", why, 8);
	assert_int_equal(nbad, 1);
	for (i = 0; i < nbad; i++) {
		strcpy(bad[i].tag, why[i]->tag);
		badrel_why_words(why[i], bad[i].why, sizeof(bad[i].why));
		badrel_mark_words(why[i], "api-1", bad[i].mark, sizeof(bad[i].mark));
	}
	n = plan_compose_candidates(log, strlen(log), "v1.5.1-bad", NULL, 0, bad, nbad, c, 8);
	assert_int_equal(n, 4);
	assert_string_equal(c[0].label, "v1.4.2  (last good in releases.log)");
	assert_string_equal(c[3].label, "v1.5.0-bad  (another host, k8s-bastion, rolled back from "
	    "v1.5.0-bad at 13:06)");
	assert_true(c[3].marked);
	/* The incident's own target, held on k8s-bastion, goes first. */
	n = rbtarget_events(j.v, j.n, "api", &ev);
	assert_true(rbtarget_find(ev, n, "api-1", &t));
	free(ev);
	for (i = 0; i < 4; i++) {
		tags[i] = c[i].tag;
		marked[i] = c[i].marked;
	}
	assert_int_equal(rbtarget_first(&t, "v1.5.1-bad", tags, marked, 4), 1);
	rbtarget_first_words(&t, note, sizeof(note));
	assert_string_equal(note, "  \xe2\x80\x94 this incident's rollback target (k8s-bastion "
	    "went to it at 13:06)");
	/* Helm spells it 1.4.1: the same release. */
	tags[1] = "1.4.1";
	assert_int_equal(rbtarget_first(&t, "1.5.1-bad", tags, marked, 4), 1);
	/* Marked here, or what the host runs: not put first. */
	marked[1] = true;
	assert_int_equal(rbtarget_first(&t, "v1.5.1-bad", tags, marked, 4), -1);
	assert_int_equal(rbtarget_first(&t, "v1.4.1", tags, marked, 4), -1);
	assert_int_equal(rbtarget_first(NULL, "v1.5.1-bad", tags, marked, 4), -1);
	/* The bad release the only one left: marked, so nothing is first. */
	tail = strstr(log, "2026-11-26T07");
	n = plan_compose_candidates(tail, strlen(tail), "v1.5.1-bad", NULL, 0,
	    bad, nbad, c, 8);
	assert_int_equal(n, 1);
	assert_true(c[0].marked);
	badrel_free(&rel);
	journal_free(&j);
}

/* helm-bastion's rollback ended FAILED by its wait and its
 * pods all run the revision it made (1.4.1), helm still saying the bad
 * 1.5.0-bad one is "deployed". What runs is that newest revision, as
 * HOSTS says: r preselects nothing and says a further rollback goes past. */
static void
helm_what_runs_is_the_failed_revision_its_pods_all_run(void **state)
{
	static const char hist[] = "[{\"revision\":3,\"status\":\"superseded\","
	    "\"app_version\":\"1.4.1\",\"chart\":\"api-0.1.0\"},"
	    "{\"revision\":4,\"status\":\"deployed\",\"app_version\":\"1.5.0-bad\","
	    "\"chart\":\"api-0.2.0\"},"
	    "{\"revision\":5,\"status\":\"failed\",\"app_version\":\"1.4.1\",\"chart\":"
	    "\"api-0.1.0\",\"description\":\"Release \\\"api\\\" failed: timed out waiting for "
	    "the condition\"}]";
	const struct rbtarget_event e[] = {
		{ .host = "helm-bastion", .from = "1.5.0-bad", .to = "1.4.1", .ok = true,
		  .at_ms = AT_MS },
	};
	struct latedone_read d = { .deploy_tag = "v1.4.1", .desired = 3, .ready = 3,
		.updated = 3, .complete = true };
	const char *tags[] = { "1.4.1" };
	const bool marked[] = { false };
	struct helm_history h;
	struct wr_err err;
	struct rbtarget t;
	char out[300];
	int run;

	(void)state;
	assert_int_equal(parse_helm_history(hist, strlen(hist), &h, &err), 0);
	run = rbtarget_helm_running(&h, &d);
	assert_int_equal(run, 2);
	assert_true(rbtarget_find(e, 1, "helm-bastion", &t));
	assert_int_equal(rbtarget_first(&t, h.items[run].app_version, tags, marked, 1), -1);
	assert_true(rbtarget_note(&t, "helm-bastion", h.items[run].app_version, "", AT_MS + 5000,
	    out, sizeof(out)));
	assert_string_equal(out, "helm-bastion was rolled back to 1.4.1 at 13:06:44, 5 s ago: a "
	    "further rollback goes past it");
	/* One pod still on the old release: the deployed revision runs. */
	d.ready = 2;
	assert_int_equal(rbtarget_helm_running(&h, &d), 1);
	d.ready = 3;
	d.deploy_tag = "v1.5.0-bad";
	assert_int_equal(rbtarget_helm_running(&h, &d), 1);
	/* The Deployment not read: helm's word. */
	assert_int_equal(rbtarget_helm_running(&h, NULL), 1);
	parse_helm_history_free(&h);
}

/* A rollback settled OK by hand (U) at 06:53 after a reading
 * showed the host at its target at 06:52:12 went there then, not at U. */
static void
a_rollback_settled_by_hand_dates_from_the_reading_at_its_target(void **state)
{
	struct rbtarget_event *ev;
	struct journal j;
	size_t n;

	(void)state;
	j.n = 0;
	add(&j, "action.intent", "h1", "o1", "{\"plan\":{\"action\":\"helm.rollback\","
	    "\"service\":\"api\",\"from\":\"1.5.0-bad\",\"to\":\"1.4.1\"}}");
	/* Before its end, another service's, another tag: none says it. */
	add(&j, "health.change", "h1", NULL, "{\"service\":\"api\",\"tag\":\"1.4.1\"}");
	add(&j, "action.end", "h1", "o1", "{\"outcome\":\"unknown\"}");
	add(&j, "health.change", "h1", NULL, "{\"service\":\"jobs\",\"tag\":\"1.4.1\"}");
	add(&j, "health.change", "h1", NULL, "{\"service\":\"api\",\"tag\":\"1.5.0-bad\"}");
	add(&j, "health.change", "h2", NULL, "{\"service\":\"api\",\"tag\":\"1.4.1\"}");
	add(&j, "action.reconcile", "h1", "o1", "{\"by\":\"hand\",\"outcome\":\"ok\"}");
	n = rbtarget_events(j.v, j.n, "api", &ev);
	assert_int_equal(n, 1);
	assert_true(ev[0].ok);
	assert_int_equal(ev[0].at_ms, AT_MS + 6000);      /* no reading: the settle's */
	free(ev);
	/* Read at its target (helm's 1.4.1 is v1.4.1) at +4 s, settled at +6 s. */
	cJSON_Delete(j.v[4].data);
	j.v[4].data = cJSON_Parse("{\"service\":\"api\",\"tag\":\"v1.4.1\"}");
	n = rbtarget_events(j.v, j.n, "api", &ev);
	assert_int_equal(ev[0].at_ms, AT_MS + 4000);
	free(ev);
	journal_free(&j);
}

/* The dialog's k8s targets say what runs (an undo to that revision), and
 * the change-cause as what made the revision, not as the command. */
static void
k8s_targets_name_their_change_cause_as_what_made_them(void **state)
{
	char out[200];
	size_t n;

	(void)state;
	rbtarget_k8s_label(3, "v1.4.1", NULL, "kubectl set image deployment/api "
	    "api=registry.local/acme/api:v1.4.1", out, sizeof(out));
	assert_string_equal(out, "revision 3 (v1.4.1), made by "
	    "\"kubectl set image deployment/api api=registry.local/acme/api:v1.4.1\"");
	rbtarget_k8s_label(2, NULL, "EXPORT_MODE=off", "", out, sizeof(out));
	assert_string_equal(out, "revision 2 (EXPORT_MODE=off)");
	rbtarget_k8s_label(5, "v1.4.0", "EXPORT_MODE=off", NULL, out, sizeof(out));
	assert_string_equal(out, "revision 5 (v1.4.0, EXPORT_MODE=off)");
	/* Cut on a whole character: 30 bytes before the cause, 30 of it. */
	n = rbtarget_k8s_label(3, "v1.4.1", NULL, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xc3\xa9t\xc3\xa9",
	    out, 62);
	assert_int_equal(n, strlen(out));
	assert_int_equal(n, 60);        /* before the é it would cut in half */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_hosts_own_ok_rollback_first_else_the_fleets),
		cmocka_unit_test(r_on_a_host_at_the_target_warns_and_says_when),
		cmocka_unit_test(a_newer_tag_seen_here_means_moved_back_by_hand),
		cmocka_unit_test(b_from_a_good_row_is_refused_naming_the_bad_tag),
		cmocka_unit_test(a_bad_verdict_within_the_window_after_a_rollback_says_why),
		cmocka_unit_test(verdict_words_put_the_figures_first),
		cmocka_unit_test(a_rollback_settled_by_a_reread_counts_from_its_own_time),
		cmocka_unit_test(a_rollback_settled_ok_by_a_re_read_is_a_target),
		cmocka_unit_test(a_failed_rollback_that_applied_is_at_the_target),
		cmocka_unit_test(a_failed_rollback_whose_rollout_completed_later_is_a_target),
		cmocka_unit_test(a_rollback_whose_rollout_completed_later_counts_from_then),
		cmocka_unit_test(helm_history_says_what_was_rolled_back_from),
		cmocka_unit_test(k8s_moved_templates_say_what_was_rolled_back_from),
		cmocka_unit_test(k8s_a_release_deployed_again_leaves_nothing_bad),
		cmocka_unit_test(the_latest_rollback_is_named_and_its_target_marked_stalled),
		cmocka_unit_test(a_failed_rollback_that_changed_nothing_says_so),
		cmocka_unit_test(a_release_another_host_rolled_back_from_is_never_first),
		cmocka_unit_test(the_incidents_ok_target_outranks_a_later_rollback_to_the_bad_release),
		cmocka_unit_test(helm_what_runs_is_the_failed_revision_its_pods_all_run),
		cmocka_unit_test(a_rollback_settled_by_hand_dates_from_the_reading_at_its_target),
		cmocka_unit_test(k8s_targets_name_their_change_cause_as_what_made_them),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
