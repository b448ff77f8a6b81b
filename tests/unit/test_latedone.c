/*
 * test_latedone.c — a k8s rollback that ended FAILED because its rollout
 * did not complete within the console's wait, whose rollout the poller
 * reads complete later: the journal tells which FAILED ends may turn OK
 * (only one whose end says the undo applied at the target, the host's
 * latest, not settled since), the reading must be at that tag and
 * revision with updated == ready == desired and the newest ReplicaSet
 * the target's, and the record says when it completed and that it is OK.
 * The same for a helm rollback whose --wait ran out: only one helm applied
 * (its revision "failed" by the wait), read later at that release revision
 * with its deployment's pods all ready at the target.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/contain.h"
#include "warroom/latedone.h"
#include "warroom/parse_helm.h"

/* 2026-11-28T03:48:40Z: h2's undo ends FAILED then. */
#define FAILED_MS 1795837720000LL
#define MAXREC 16

struct journal {
	struct record v[MAXREC];
	size_t n;
};

static void
add(struct journal *j, int64_t ts_ms, const char *kind, const char *host, const char *op,
    const char *json)
{
	struct record *r = &j->v[j->n++];

	assert_true(j->n <= MAXREC);
	memset(r, 0, sizeof(*r));
	r->ts_ms = ts_ms;
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
	j->n = 0;
}

static void
undo(struct journal *j, int64_t ts_ms, const char *host, const char *op, const char *to)
{
	char json[400];

	snprintf(json, sizeof(json), "{\"action\":\"k8s.undo\",\"plan\":{\"action\":\"k8s.undo\","
	    "\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"%s\",\"from_revision\":6}}", to);
	add(j, ts_ms, "action.intent", host, op, json);
}

/* An incident: h2's undo to v1.4.1 applied at revision 7, its rollout
 * 2/3 ready after 120 s. */
static void
qa_journal(struct journal *j)
{
	j->n = 0;
	undo(j, FAILED_MS - 125000, "h2", "rb-1", "v1.4.1");
	add(j, FAILED_MS, "action.end", "h2", "rb-1", "{\"outcome\":\"failed\",\"detail\":"
	    "\"rollout status exited 1: error: timed out waiting for the condition; undo applied "
	    "(revision 7 at v1.4.1), rollout not complete: 2/3 ready after 120 s\",\"rollout\":"
	    "{\"revision\":7,\"tag\":\"v1.4.1\",\"ready\":2,\"desired\":3}}");
}

/* The deployment as the poller reads it at 03:50:14, completed at 03:50:12. */
static struct latedone_read
done_read(void)
{
	return (struct latedone_read){ .tag = "v1.4.1", .rs_tag = "v1.4.1", .revision = 7,
		.desired = 3, .ready = 3, .updated = 3, .complete = true,
		.available_ms = FAILED_MS + 92000, .read_ms = FAILED_MS + 94000 };
}

static void
a_failed_undo_whose_rollout_was_not_complete_is_pending(void **state)
{
	struct latedone_pending p;
	struct journal j;

	(void)state;
	qa_journal(&j);
	assert_true(latedone_pending(j.v, j.n, "h2", "api", &p));
	assert_string_equal(p.op, "rb-1");
	assert_string_equal(p.host, "h2");
	assert_string_equal(p.service, "api");
	assert_string_equal(p.action, "k8s.undo");
	assert_string_equal(p.to, "v1.4.1");
	assert_int_equal(p.revision, 7);
	assert_int_equal(p.failed_ms, FAILED_MS);
	/* Another host, another service: none. */
	assert_false(latedone_pending(j.v, j.n, "h1", "api", &p));
	assert_false(latedone_pending(j.v, j.n, "h2", "jobs", &p));
	/* No end yet: still running, nothing to turn. */
	assert_false(latedone_pending(j.v, 1, "h2", "api", &p));
	journal_free(&j);
}

/* "a FAILED whose command failed is never turned OK". */
static void
a_failed_command_is_never_pending(void **state)
{
	struct latedone_pending p;
	struct journal j = { .n = 0 };

	(void)state;
	undo(&j, FAILED_MS - 2000, "h2", "rb-1", "v1.4.1");
	add(&j, FAILED_MS, "action.end", "h2", "rb-1", "{\"outcome\":\"failed\",\"detail\":"
	    "\"rollout undo exited 1: error: no rollout history found\"}");
	assert_false(latedone_pending(j.v, j.n, "h2", "api", &p));
	journal_free(&j);
	/* Its words alone say "rollout not complete": the data decides. */
	undo(&j, FAILED_MS - 2000, "h2", "rb-1", "v1.4.1");
	add(&j, FAILED_MS, "action.end", "h2", "rb-1", "{\"outcome\":\"failed\",\"detail\":"
	    "\"undo applied (revision 7 at v1.4.1), rollout not complete: 2/3 ready\"}");
	assert_false(latedone_pending(j.v, j.n, "h2", "api", &p));
	journal_free(&j);
	/* Not applied: the revision is not past the one it left. */
	undo(&j, FAILED_MS - 2000, "h2", "rb-1", "v1.4.1");
	add(&j, FAILED_MS, "action.end", "h2", "rb-1", "{\"outcome\":\"failed\",\"rollout\":"
	    "{\"revision\":6,\"tag\":\"v1.5.0-bad\",\"ready\":3,\"desired\":3}}");
	assert_false(latedone_pending(j.v, j.n, "h2", "api", &p));
	journal_free(&j);
	/* Applied, but at another tag than the plan's. */
	undo(&j, FAILED_MS - 2000, "h2", "rb-1", "v1.4.1");
	add(&j, FAILED_MS, "action.end", "h2", "rb-1", "{\"outcome\":\"failed\",\"rollout\":"
	    "{\"revision\":7,\"tag\":\"v1.4.0\",\"ready\":2,\"desired\":3}}");
	assert_false(latedone_pending(j.v, j.n, "h2", "api", &p));
	journal_free(&j);
	/* Ended OK or UNKNOWN: nothing of this kind. */
	qa_journal(&j);
	cJSON_ReplaceItemInObject(j.v[1].data, "outcome", cJSON_CreateString("unknown"));
	assert_false(latedone_pending(j.v, j.n, "h2", "api", &p));
	journal_free(&j);
}

static void
settled_since_or_a_later_rollback_is_not_pending(void **state)
{
	struct latedone_pending p;
	struct journal j;

	(void)state;
	/* Another console saw it complete first. */
	qa_journal(&j);
	add(&j, FAILED_MS + 90000, "action.reconcile", "h2", "rb-1", "{\"by\":\"rollout\","
	    "\"outcome\":\"ok\"}");
	assert_false(latedone_pending(j.v, j.n, "h2", "api", &p));
	journal_free(&j);
	/* A reconcile saying unknown settles nothing. */
	qa_journal(&j);
	add(&j, FAILED_MS + 90000, "action.reconcile", "h2", "rb-1", "{\"outcome\":\"unknown\"}");
	assert_true(latedone_pending(j.v, j.n, "h2", "api", &p));
	journal_free(&j);
	/* A later rollback of the service there speaks for the host now. */
	qa_journal(&j);
	undo(&j, FAILED_MS + 30000, "h2", "rb-2", "v1.4.0");
	assert_false(latedone_pending(j.v, j.n, "h2", "api", &p));
	journal_free(&j);
}

static void
the_rollout_read_complete_at_the_target(void **state)
{
	struct latedone_read r = done_read();
	struct latedone_pending p;
	struct journal j;
	int64_t done;

	(void)state;
	qa_journal(&j);
	assert_true(latedone_pending(j.v, j.n, "h2", "api", &p));
	assert_true(latedone_check(&p, &r, &done));
	assert_int_equal(done, FAILED_MS + 92000);          /* the condition's time */
	/* helm's spelling of the tag is the same release. */
	r.tag = r.rs_tag = "1.4.1";
	assert_true(latedone_check(&p, &r, &done));
	/* The ReplicaSets not read: the template and revision say it. */
	r = done_read();
	r.rs_tag = "";
	assert_true(latedone_check(&p, &r, &done));
	/* A condition older than the end (a skewed clock), or none: the read's time. */
	r.available_ms = FAILED_MS - 1000;
	assert_true(latedone_check(&p, &r, &done));
	assert_int_equal(done, FAILED_MS + 94000);
	r.available_ms = 0;
	assert_true(latedone_check(&p, &r, &done));
	assert_int_equal(done, FAILED_MS + 94000);
	journal_free(&j);
}

static void
not_complete_or_elsewhere_is_never_ok(void **state)
{
	struct latedone_read r;
	struct latedone_pending p;
	struct journal j;
	int64_t done;

	(void)state;
	qa_journal(&j);
	assert_true(latedone_pending(j.v, j.n, "h2", "api", &p));
	r = done_read();
	r.ready = 2;                                        /* 2/3 ready */
	assert_false(latedone_check(&p, &r, &done));
	r = done_read();
	r.updated = 2;
	assert_false(latedone_check(&p, &r, &done));
	r = done_read();
	r.complete = false;                                 /* old pods still there */
	assert_false(latedone_check(&p, &r, &done));
	r = done_read();
	r.desired = r.ready = r.updated = 0;                /* scaled to nothing */
	assert_false(latedone_check(&p, &r, &done));
	/* Another tag: set image since, or rolled on. */
	r = done_read();
	r.tag = r.rs_tag = "v1.5.0-bad";
	assert_false(latedone_check(&p, &r, &done));
	/* The same tag at another revision: a later rollout, not this one. */
	r = done_read();
	r.revision = 8;
	assert_false(latedone_check(&p, &r, &done));
	/* Its newest ReplicaSet another's. */
	r = done_read();
	r.rs_tag = "v1.4.0";
	assert_false(latedone_check(&p, &r, &done));
	/* A read begun before the end. */
	r = done_read();
	r.read_ms = FAILED_MS - 500;
	assert_false(latedone_check(&p, &r, &done));
	assert_int_equal(done, 0);
	journal_free(&j);
}

static void
the_record_says_when_and_that_it_is_ok(void **state)
{
	struct latedone_read r = done_read();
	struct latedone_pending p;
	struct journal j;
	struct record rec = { 0 };
	char words[80];
	cJSON *d;

	(void)state;
	qa_journal(&j);
	assert_true(latedone_pending(j.v, j.n, "h2", "api", &p));
	d = latedone_record(&p, &r, FAILED_MS + 92000);
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "summary")),
	    "h2's rollout completed at 03:50:12, after its rollback ended FAILED at 03:48:40: "
	    "now OK");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "detail")),
	    "deployment/api at revision 7 runs v1.4.1: 3/3 ready, 3 updated, its newest "
	    "ReplicaSet at v1.4.1");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "outcome")), "ok");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "by")), "rollout");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "action")), "k8s.undo");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "failed_ts")),
	    "2026-11-28T03:48:40.000Z");
	/* Read back: when it completed. */
	rec.kind = (char *)"action.reconcile";
	rec.data = d;
	assert_int_equal(latedone_completed_ms(&rec), FAILED_MS + 92000);
	rec.kind = (char *)"action.end";
	assert_int_equal(latedone_completed_ms(&rec), 0);
	cJSON_Delete(d);
	/* A re-read's or the engineer's reconcile is none. */
	rec.kind = (char *)"action.reconcile";
	rec.data = cJSON_Parse("{\"by\":\"hand\",\"outcome\":\"ok\"}");
	assert_int_equal(latedone_completed_ms(&rec), 0);
	cJSON_Delete(rec.data);
	latedone_words(false, FAILED_MS + 92000, words, sizeof(words));
	assert_string_equal(words, "FAILED, rollout completed later at 03:50:12");
	latedone_words(true, FAILED_MS + 92000, words, sizeof(words));
	assert_string_equal(words, "UNKNOWN, rollout completed later at 03:50:12");
	journal_free(&j);
}

/* h7's compose rollback ended UNKNOWN (the
 * connection dropped during up -d), the engineer settled it FAILED by hand,
 * and in that second the host reached v1.4.1 answering ready. */
static void
hand_journal(struct journal *j)
{
	j->n = 0;
	add(j, FAILED_MS - 30000, "action.intent", "h7", "rb-7", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"action\":\"compose.rollback\",\"service\":\"api\",\"from\":"
	    "\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	add(j, FAILED_MS - 20000, "action.end", "h7", "rb-7", "{\"outcome\":\"unknown\","
	    "\"detail\":\"connection dropped during up -d\"}");
	add(j, FAILED_MS, "action.reconcile", "h7", "rb-7", "{\"action\":\"compose.rollback\","
	    "\"by\":\"hand\",\"outcome\":\"failed\",\"detail\":\"still on v1.5.0-bad\"}");
}

static struct latedone_read
hand_read(void)
{
	return (struct latedone_read){ .tag = "v1.4.1", .state = "running", .complete = true,
		.read_ms = FAILED_MS + 2000, .readyz_ok = true, .readyz_ms = FAILED_MS + 2500 };
}

static void
a_hand_failed_rollback_read_at_its_target_is_said(void **state)
{
	struct latedone_read r = hand_read();
	struct latedone_pending p;
	struct journal j;
	int64_t done;
	cJSON *d;

	(void)state;
	hand_journal(&j);
	assert_true(latedone_pending(j.v, j.n, "h7", "api", &p));
	assert_true(p.by_hand);
	assert_string_equal(p.to, "v1.4.1");
	assert_int_equal(p.failed_ms, FAILED_MS);
	assert_true(latedone_check(&p, &r, &done));
	assert_int_equal(done, FAILED_MS + 2000);
	d = latedone_record(&p, &r, done);
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "summary")),
	    "h7 now runs v1.4.1, the target of the rollback settled FAILED by hand at 03:48:40");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "by")), "reading");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "outcome")), "ok");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "detail")),
	    "api runs v1.4.1, running and /readyz answers 200 (read at 03:48:42)");
	cJSON_Delete(d);
	journal_free(&j);
}

static void
a_hand_failed_rollback_elsewhere_or_not_ready_stays_failed(void **state)
{
	struct latedone_read r;
	struct latedone_pending p;
	struct journal j;
	int64_t done;

	(void)state;
	hand_journal(&j);
	assert_true(latedone_pending(j.v, j.n, "h7", "api", &p));
	r = hand_read();
	r.tag = "v1.5.0-bad";
	assert_false(latedone_check(&p, &r, &done));
	r = hand_read();
	r.readyz_ok = false;
	assert_false(latedone_check(&p, &r, &done));
	r = hand_read();
	r.readyz_ms = FAILED_MS - 1000;          /* asked before the engineer spoke */
	assert_false(latedone_check(&p, &r, &done));
	r = hand_read();
	r.read_ms = FAILED_MS - 1;
	assert_false(latedone_check(&p, &r, &done));
	r = hand_read();
	r.complete = false;
	assert_false(latedone_check(&p, &r, &done));
	journal_free(&j);
	/* Settled OK by hand, or FAILED by the action's own end: nothing to say. */
	hand_journal(&j);
	cJSON_Delete(j.v[2].data);
	j.v[2].data = cJSON_Parse("{\"by\":\"hand\",\"outcome\":\"ok\"}");
	assert_false(latedone_pending(j.v, j.n, "h7", "api", &p));
	journal_free(&j);
	/* Said once: a reading's ok after it settles it. */
	hand_journal(&j);
	add(&j, FAILED_MS + 3000, "action.reconcile", "h7", "rb-7", "{\"by\":\"reading\","
	    "\"outcome\":\"ok\"}");
	assert_false(latedone_pending(j.v, j.n, "h7", "api", &p));
	journal_free(&j);
}

/* h2's kill switch, set env applied at revision 4, rollout 2/3 ready
 * after 120 s; the old pods still serve and export. */
static void
ks_journal(struct journal *j)
{
	j->n = 0;
	add(j, FAILED_MS - 125000, "action.intent", "h2", "ks-1", "{\"plan\":{\"action\":"
	    "\"k8s.killswitch\",\"service\":\"api\",\"from\":\"EXPORT_MODE=on\",\"to\":"
	    "\"EXPORT_MODE=off\",\"from_revision\":3,\"to_revision\":0}}");
	add(j, FAILED_MS, "action.end", "h2", "ks-1", "{\"outcome\":\"failed\",\"rollout\":"
	    "{\"revision\":4,\"tag\":\"v1.5.0-bad\",\"ready\":2,\"desired\":3}}");
}

static void
a_kill_switch_whose_rollout_was_not_complete_is_pending(void **state)
{
	struct latedone_read r = done_read();
	struct latedone_pending p;
	struct journal j;
	int64_t done;

	(void)state;
	ks_journal(&j);
	assert_true(latedone_ks_pending(j.v, j.n, "h2", &p));
	assert_string_equal(p.op, "ks-1");
	assert_string_equal(p.service, "api");
	assert_string_equal(p.to, "v1.5.0-bad");
	assert_int_equal(p.revision, 4);
	assert_int_equal(p.failed_ms, FAILED_MS);
	assert_false(latedone_ks_pending(j.v, j.n, "h1", &p));
	assert_false(latedone_ks_pending(j.v, 1, "h2", &p));
	/* The same completion reading as a rollback's: at its revision and tag. */
	assert_true(latedone_ks_pending(j.v, j.n, "h2", &p));
	r.tag = r.rs_tag = "v1.5.0-bad";
	r.revision = 4;
	assert_true(latedone_check(&p, &r, &done));
	r.ready = 2;
	assert_false(latedone_check(&p, &r, &done));
	/* Settled since (U): no longer open. */
	add(&j, FAILED_MS + 5000, "action.reconcile", "h2", "ks-1", "{\"outcome\":\"ok\"}");
	assert_false(latedone_ks_pending(j.v, j.n, "h2", &p));
	journal_free(&j);
	/* A later kill switch on the host says more: this one no longer counts. */
	ks_journal(&j);
	add(&j, FAILED_MS + 9000, "action.intent", "h2", "ks-2", "{\"plan\":{\"action\":"
	    "\"k8s.killswitch\",\"service\":\"api\",\"from\":\"EXPORT_MODE=off\",\"to\":"
	    "\"EXPORT_MODE=off\",\"from_revision\":4}}");
	add(&j, FAILED_MS + 40000, "action.end", "h2", "ks-2", "{\"outcome\":\"ok\"}");
	assert_false(latedone_ks_pending(j.v, j.n, "h2", &p));
	journal_free(&j);
	/* set env that failed outright (no "rollout"): nothing to wait for. */
	ks_journal(&j);
	cJSON_DeleteItemFromObject(j.v[1].data, "rollout");
	assert_false(latedone_ks_pending(j.v, j.n, "h2", &p));
	journal_free(&j);
}

/* h2's kill switch turning exports off, its rollout status dropped
 * with the connection: UNKNOWN, nothing known of what it made. */
static void
ks_unknown_journal(struct journal *j, const char *set)
{
	char json[400];

	j->n = 0;
	snprintf(json, sizeof(json), "{\"plan\":{\"action\":\"k8s.killswitch\",\"service\":"
	    "\"api\",\"from\":\"EXPORT_MODE=on\",\"to\":\"EXPORT_MODE=%s\",\"from_revision\":3,"
	    "\"to_revision\":0,\"container\":\"api\",\"env_key\":\"EXPORT_MODE\",\"env_set\":"
	    "\"%s\",\"keep_tag\":\"v1.5.0-bad\"}}", set, set);
	add(j, FAILED_MS - 9000, "action.intent", "h2", "ks-1", json);
	add(j, FAILED_MS, "action.end", "h2", "ks-1", "{\"outcome\":\"unknown\",\"detail\":"
	    "\"connection lost during rollout status\"}");
}

static void
an_unknown_kill_switch_is_pending_until_read_complete_and_off(void **state)
{
	struct latedone_read r = done_read();
	struct latedone_pending p;
	struct journal j;
	int64_t done;

	(void)state;
	ks_unknown_journal(&j, "off");
	assert_true(latedone_ks_pending(j.v, j.n, "h2", &p));
	assert_true(p.unknown);
	assert_string_equal(p.op, "ks-1");
	assert_string_equal(p.to, "v1.5.0-bad");
	/* No revision known: a complete rollout above 3 holding off. */
	assert_int_equal(p.revision, 0);
	assert_string_equal(p.env, "off");
	r.tag = r.rs_tag = "v1.5.0-bad";
	r.revision = 4;
	r.export_env = "off";
	assert_true(latedone_check(&p, &r, &done));
	r.export_env = "on";
	assert_false(latedone_check(&p, &r, &done));
	r.export_env = NULL;                    /* not read: proves nothing */
	assert_false(latedone_check(&p, &r, &done));
	r.export_env = "off";
	r.ready = 2;
	assert_false(latedone_check(&p, &r, &done));
	r.ready = 3;
	r.revision = 3;                          /* where it started */
	assert_false(latedone_check(&p, &r, &done));
	r.revision = 4;
	r.read_ms = FAILED_MS - 1000;           /* before it ended */
	assert_false(latedone_check(&p, &r, &done));
	r.read_ms = FAILED_MS + 94000;
	/* A re-read since found the revision it made: that one's rule. */
	add(&j, FAILED_MS + 30000, "action.reconcile", "h2", "ks-1", "{\"outcome\":\"unknown\","
	    "\"rollout\":{\"revision\":5,\"tag\":\"v1.5.0-bad\",\"ready\":1,\"desired\":3}}");
	assert_true(latedone_ks_pending(j.v, j.n, "h2", &p));
	assert_int_equal(p.revision, 5);
	assert_false(latedone_check(&p, &r, &done));
	r.revision = 5;
	assert_true(latedone_check(&p, &r, &done));
	/* The re-read settled it (rollout complete, /export off): believed. */
	add(&j, FAILED_MS + 40000, "action.reconcile", "h2", "ks-1", "{\"outcome\":\"ok\"}");
	assert_false(latedone_ks_pending(j.v, j.n, "h2", &p));
	journal_free(&j);
	/* A restore ending UNKNOWN leaves nothing exporting unawares. */
	ks_unknown_journal(&j, "on");
	assert_false(latedone_ks_pending(j.v, j.n, "h2", &p));
	journal_free(&j);
}

/* h1's compose kill switch turning exports off: up -d ran, /export never
 * answered whole, UNKNOWN at 03:47:40; its re-read (.env off, /export
 * still silent) gave up at 03:48:40 (unknown_tail: after that). */
static void
export_journal(struct journal *j, const char *action, const char *plan_tail)
{
	char json[400];

	j->n = 0;
	snprintf(json, sizeof(json), "{\"plan\":{\"action\":\"%s\",\"service\":\"api\","
	    "\"from\":\"EXPORT_MODE=on\",\"to\":\"EXPORT_MODE=off\"%s}}", action, plan_tail);
	add(j, FAILED_MS - 70000, "action.intent", "h1", "ks-3", json);
	add(j, FAILED_MS - 60000, "action.end", "h1", "ks-3", "{\"outcome\":\"unknown\","
	    "\"detail\":\"export not verified: /export's answer did not arrive in 5 s\"}");
}

static void
gave_up(struct journal *j)
{
	add(j, FAILED_MS, "action.reconcile", "h1", "ks-3", "{\"outcome\":\"unknown\",\"detail\":"
	    "\"re-read: EXPORT_MODE=off in .env; GET /export had no answer, still after 120 s\"}");
}

static void
an_unknown_kill_switch_whose_reread_gave_up_waits_for_export(void **state)
{
	struct latedone_read r = { 0 };
	struct latedone_pending p;
	struct journal j;
	int64_t done;

	(void)state;
	export_journal(&j, "compose.killswitch", ",\"env_file\":\"/srv/app/.env\"");
	/* Its re-read still going: that settles it, not a poll. */
	assert_false(latedone_export_pending(j.v, j.n, "h1", "api", &p));
	gave_up(&j);
	assert_true(latedone_export_pending(j.v, j.n, "h1", "api", &p));
	assert_true(p.export_wait);
	assert_true(p.unknown);
	assert_string_equal(p.op, "ks-3");
	assert_string_equal(p.action, "compose.killswitch");
	assert_string_equal(p.env, "off");
	assert_int_equal(p.failed_ms, FAILED_MS);
	assert_false(latedone_export_pending(j.v, j.n, "h2", "api", &p));
	assert_false(latedone_export_pending(j.v, j.n, "h1", "jobs", &p));
	assert_true(latedone_export_pending(j.v, j.n, "h1", "api", &p));
	/* Only a whole answer read after it gave up decides. */
	r.export_said = CONTAIN_EXPORT_OFF;
	r.export_ms = FAILED_MS - 1000;
	assert_false(latedone_check(&p, &r, &done));
	r.export_ms = FAILED_MS + 5000;
	r.export_said = CONTAIN_EXPORT_UNKNOWN;
	assert_false(latedone_check(&p, &r, &done));
	r.export_said = CONTAIN_EXPORT_OFF;
	assert_true(latedone_check(&p, &r, &done));
	assert_int_equal(done, FAILED_MS + 5000);
	r.export_said = CONTAIN_EXPORT_ON;
	assert_true(latedone_check(&p, &r, &done));
	/* Settled since (U, another console's reading): nothing to wait for. */
	add(&j, FAILED_MS + 9000, "action.reconcile", "h1", "ks-3", "{\"by\":\"hand\","
	    "\"outcome\":\"ok\"}");
	assert_false(latedone_export_pending(j.v, j.n, "h1", "api", &p));
	journal_free(&j);
	/* A later kill switch on the host says more. */
	export_journal(&j, "compose.killswitch", "");
	gave_up(&j);
	add(&j, FAILED_MS + 9000, "action.intent", "h1", "ks-4", "{\"plan\":{\"action\":"
	    "\"compose.killswitch\",\"service\":\"api\",\"to\":\"EXPORT_MODE=off\"}}");
	add(&j, FAILED_MS + 20000, "action.end", "h1", "ks-4", "{\"outcome\":\"ok\"}");
	assert_false(latedone_export_pending(j.v, j.n, "h1", "api", &p));
	journal_free(&j);
	/* An end that said FAILED or OK is no UNKNOWN to settle. */
	export_journal(&j, "compose.killswitch", "");
	cJSON_ReplaceItemInObject(j.v[1].data, "outcome", cJSON_CreateString("failed"));
	gave_up(&j);
	assert_false(latedone_export_pending(j.v, j.n, "h1", "api", &p));
	journal_free(&j);
	/* A k8s one turning exports back on (env_remove) waits for on. */
	export_journal(&j, "k8s.killswitch", ",\"container\":\"api\",\"env_remove\":true");
	gave_up(&j);
	assert_true(latedone_export_pending(j.v, j.n, "h1", "api", &p));
	assert_string_equal(p.env, "on");
	journal_free(&j);
	export_journal(&j, "k8s.killswitch", ",\"container\":\"api\",\"env_set\":\"off\"");
	gave_up(&j);
	assert_true(latedone_export_pending(j.v, j.n, "h1", "api", &p));
	assert_string_equal(p.env, "off");
	journal_free(&j);
}

static void
the_export_record_says_ok_or_failed_after_the_reread(void **state)
{
	struct latedone_read r = { 0 };
	struct latedone_pending p;
	struct journal j;
	int64_t done;
	cJSON *d;

	(void)state;
	export_journal(&j, "compose.killswitch", "");
	gave_up(&j);
	assert_true(latedone_export_pending(j.v, j.n, "h1", "api", &p));
	r.export_said = CONTAIN_EXPORT_OFF;
	r.export_ms = FAILED_MS + 5000;
	assert_true(latedone_check(&p, &r, &done));
	d = latedone_record(&p, &r, done);
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "outcome")), "ok");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "by")), "export");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "action")),
	    "compose.killswitch");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "reason")),
	    "/export read off at 03:48:45, after the re-read gave up");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "summary")),
	    "h1's /export read off at 03:48:45, after the re-read of its kill switch gave up "
	    "at 03:48:40: now OK");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "reread_ts")),
	    "2026-11-28T03:48:40.000Z");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "export_read_ts")),
	    "2026-11-28T03:48:45.000Z");
	cJSON_Delete(d);
	/* A whole answer saying on: it did not take. */
	r.export_said = CONTAIN_EXPORT_ON;
	d = latedone_record(&p, &r, done);
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "outcome")), "failed");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "reason")),
	    "/export read on at 03:48:45, after the re-read gave up: the export is still on");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "summary")),
	    "h1's /export read on at 03:48:45, after the re-read of its kill switch gave up "
	    "at 03:48:40: now FAILED");
	cJSON_Delete(d);
	journal_free(&j);
}

static void
a_rollback_after_the_kill_switch_supersedes_it(void **state)
{
	struct latedone_read r = done_read();
	struct latedone_pending p;
	struct journal j;
	int64_t done;

	(void)state;
	ks_journal(&j);
	undo(&j, FAILED_MS + 60000, "h2", "rb-1", "");
	add(&j, FAILED_MS + 70000, "action.end", "h2", "rb-1", "{\"outcome\":\"ok\"}");
	assert_true(latedone_ks_pending(j.v, j.n, "h2", &p));
	assert_true(p.superseded);
	assert_int_equal(p.failed_ms, FAILED_MS + 60000);
	/* Wherever the undo went (revision 5 at v1.4.1), complete since it
	 * began: what /export answers counts again. */
	r.revision = 5;
	assert_true(latedone_check(&p, &r, &done));
	r.updated = 2;
	assert_false(latedone_check(&p, &r, &done));
	r.updated = 3;
	r.read_ms = FAILED_MS + 59000;
	assert_false(latedone_check(&p, &r, &done));
	journal_free(&j);
	/* Another service's rollback leaves api's switch as it was. */
	ks_journal(&j);
	add(&j, FAILED_MS + 60000, "action.intent", "h2", "rb-2", "{\"action\":\"k8s.undo\","
	    "\"plan\":{\"action\":\"k8s.undo\",\"service\":\"jobs\",\"from_revision\":2}}");
	assert_true(latedone_ks_pending(j.v, j.n, "h2", &p));
	assert_false(p.superseded);
	assert_int_equal(p.revision, 4);
	journal_free(&j);
	/* The same for one that ended UNKNOWN. */
	ks_unknown_journal(&j, "off");
	undo(&j, FAILED_MS + 60000, "h2", "rb-1", "v1.4.1");
	assert_true(latedone_ks_pending(j.v, j.n, "h2", &p));
	assert_true(p.superseded);
	r.revision = 5;
	r.read_ms = FAILED_MS + 94000;
	assert_true(latedone_check(&p, &r, &done));
	journal_free(&j);
}

/* h3's history after `helm rollback api 3 --wait --timeout 2s` from
 * revision 4: revision 5 (1.4.1) recorded failed, why in its words. */
static bool
waited(const char *status, const char *app, const char *desc, int *rev, char *tag, size_t cap)
{
	char json[1024];
	struct helm_history h;
	struct wr_err err;
	bool ok;

	snprintf(json, sizeof(json), "[{\"revision\":3,\"status\":\"superseded\",\"app_version\":"
	    "\"1.4.1\",\"description\":\"Upgrade complete\"},{\"revision\":4,\"status\":"
	    "\"deployed\",\"app_version\":\"1.5.0-bad\",\"description\":\"Upgrade complete\"}%s"
	    "%s%s%s%s%s%s%s]", status ? ",{\"revision\":5,\"status\":\"" : "", status ? status : "",
	    status ? "\",\"app_version\":\"" : "", status ? app : "",
	    status ? "\",\"description\":\"" : "", status ? desc : "", status ? "\"" : "",
	    status ? "}" : "");
	assert_int_equal(parse_helm_history(json, strlen(json), &h, &err), 0);
	ok = latedone_helm_waited(&h, 4, "1.4.1", rev, tag, cap);
	parse_helm_history_free(&h);
	return ok;
}

static void
a_helm_rollback_whose_wait_ran_out_applied(void **state)
{
	char tag[64];
	int rev = 0;

	(void)state;
	assert_true(waited("failed", "1.4.1", "Release \\\"api\\\" failed: timed out waiting for "
	    "the condition", &rev, tag, sizeof(tag)));
	assert_int_equal(rev, 5);
	assert_string_equal(tag, "1.4.1");
	/* Newer helm's words for the same wait. */
	assert_true(waited("failed", "1.4.1", "Release \\\"api\\\" failed: context deadline "
	    "exceeded", &rev, tag, sizeof(tag)));
	/* helm could not apply it: the command itself failed. */
	assert_false(waited("failed", "1.4.1", "Rollback \\\"api\\\" failed: Deployment.apps "
	    "\\\"api\\\" is invalid", &rev, tag, sizeof(tag)));
	/* No new revision at all (release not found, a lock). */
	assert_false(waited(NULL, NULL, NULL, &rev, tag, sizeof(tag)));
	/* A new revision elsewhere, or one helm still holds pending. */
	assert_false(waited("failed", "1.4.0", "Release \\\"api\\\" failed: timed out waiting "
	    "for the condition", &rev, tag, sizeof(tag)));
	assert_false(waited("pending-rollback", "1.4.1", "Rollback to 3", &rev, tag, sizeof(tag)));
	/* Deployed: helm's wait did not run out; whatever failed, not this. */
	assert_false(waited("deployed", "1.4.1", "Rollback to 3", &rev, tag, sizeof(tag)));
}

/* h3's helm rollback from revision 4 to 1.4.1 made revision 5; its wait
 * ran out with 1 of 3 pods ready. */
static void
helm_journal(struct journal *j)
{
	j->n = 0;
	add(j, FAILED_MS - 4000, "action.intent", "h3", "rb-h", "{\"action\":\"helm.rollback\","
	    "\"plan\":{\"action\":\"helm.rollback\",\"service\":\"api\",\"from\":\"1.5.0-bad\","
	    "\"to\":\"1.4.1\",\"from_revision\":4,\"to_revision\":3}}");
	add(j, FAILED_MS, "action.end", "h3", "rb-h", "{\"outcome\":\"failed\",\"detail\":"
	    "\"helm rollback exited 1: Error: release api failed: timed out waiting for the "
	    "condition\",\"rollout\":{\"revision\":5,\"tag\":\"1.4.1\"}}");
}

/* The release and its deployment as a poll reads them at 03:50:14. */
static struct latedone_read
helm_read(void)
{
	return (struct latedone_read){ .tag = "1.4.1", .revision = 5, .release_status = "failed",
		.deploy_tag = "v1.4.1", .desired = 3, .ready = 3, .updated = 3, .complete = true,
		.available_ms = FAILED_MS + 92000, .read_ms = FAILED_MS + 94000 };
}

static void
a_helm_rollback_read_complete_later_is_ok(void **state)
{
	struct latedone_read r = helm_read();
	struct latedone_pending p;
	struct journal j;
	int64_t done;
	cJSON *d;

	(void)state;
	helm_journal(&j);
	assert_true(latedone_pending(j.v, j.n, "h3", "api", &p));
	assert_string_equal(p.action, "helm.rollback");
	assert_string_equal(p.to, "1.4.1");
	assert_int_equal(p.revision, 5);
	assert_true(latedone_check(&p, &r, &done));
	assert_int_equal(done, FAILED_MS + 92000);
	/* helm never marks it deployed by itself, but a later look may. */
	r.release_status = "deployed";
	assert_true(latedone_check(&p, &r, &done));
	r = helm_read();
	d = latedone_record(&p, &r, done);
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "summary")),
	    "h3's rollout completed at 03:50:12, after its rollback ended FAILED at 03:48:40: "
	    "now OK");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "detail")),
	    "release api at revision 5 (failed) is 1.4.1; deployment/api runs v1.4.1: 3/3 ready, "
	    "3 updated");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "by")), "rollout");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "action")),
	    "helm.rollback");
	cJSON_Delete(d);
	/* Its command failed outright: no "rollout" in its end, never pending. */
	cJSON_DeleteItemFromObject(j.v[1].data, "rollout");
	assert_false(latedone_pending(j.v, j.n, "h3", "api", &p));
	journal_free(&j);
}

/* Quit during a helm rollback's --wait: its end UNKNOWN (the console quit),
 * then the next console's re-read found helm's revision failed by the
 * wait at the target and recorded it ("rollout"), settling nothing. */
static void
helm_quit_journal(struct journal *j)
{
	j->n = 0;
	add(j, FAILED_MS - 4000, "action.intent", "h3", "rb-h", "{\"action\":\"helm.rollback\","
	    "\"plan\":{\"action\":\"helm.rollback\",\"service\":\"api\",\"from\":\"1.5.0-bad\","
	    "\"to\":\"1.4.1\",\"from_revision\":4,\"to_revision\":3}}");
	add(j, FAILED_MS - 2000, "action.end", "h3", "rb-h", "{\"outcome\":\"unknown\","
	    "\"detail\":\"the console quit during helm rollback, before it ended\"}");
}

static void
a_helm_rollback_a_reread_found_applied_after_a_quit_is_pending(void **state)
{
	struct latedone_read r = helm_read();
	struct latedone_pending p;
	struct journal j;
	int64_t done;
	cJSON *d;

	(void)state;
	helm_quit_journal(&j);
	/* UNKNOWN, nothing read since: no revision to wait for. */
	assert_false(latedone_pending(j.v, j.n, "h3", "api", &p));
	/* A re-read that found only the old revision deployed says nothing. */
	add(&j, FAILED_MS - 1000, "action.reconcile", "h3", "rb-h", "{\"outcome\":\"unknown\","
	    "\"detail\":\"re-read after restart: api runs 1.5.0-bad\"}");
	assert_false(latedone_pending(j.v, j.n, "h3", "api", &p));
	add(&j, FAILED_MS, "action.reconcile", "h3", "rb-h", "{\"outcome\":\"unknown\","
	    "\"rollout\":{\"revision\":5,\"tag\":\"1.4.1\"}}");
	assert_true(latedone_pending(j.v, j.n, "h3", "api", &p));
	assert_true(p.unknown);
	assert_string_equal(p.op, "rb-h");
	assert_string_equal(p.to, "1.4.1");
	assert_int_equal(p.revision, 5);
	assert_true(p.failed_ms == FAILED_MS);
	assert_true(latedone_check(&p, &r, &done));
	d = latedone_record(&p, &r, done);
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "summary")),
	    "h3's rollout completed at 03:50:12, after its rollback ended UNKNOWN and a re-read "
	    "found it applied at 03:48:40: now OK");
	assert_non_null(cJSON_GetObjectItem(d, "reread_ts"));
	assert_null(cJSON_GetObjectItem(d, "failed_ts"));
	assert_true(latedone_completed_at("action.reconcile", d) == FAILED_MS + 92000);
	cJSON_Delete(d);
	/* Elsewhere than its plan went, or not past where it started: not it. */
	cJSON_ReplaceItemInObject(cJSON_GetObjectItem(j.v[3].data, "rollout"), "tag",
	    cJSON_CreateString("1.5.0-bad"));
	assert_false(latedone_pending(j.v, j.n, "h3", "api", &p));
	cJSON_ReplaceItemInObject(cJSON_GetObjectItem(j.v[3].data, "rollout"), "tag",
	    cJSON_CreateString("1.4.1"));
	cJSON_ReplaceItemInObject(cJSON_GetObjectItem(j.v[3].data, "rollout"), "revision",
	    cJSON_CreateNumber(4));
	assert_false(latedone_pending(j.v, j.n, "h3", "api", &p));
	cJSON_ReplaceItemInObject(cJSON_GetObjectItem(j.v[3].data, "rollout"), "revision",
	    cJSON_CreateNumber(5));
	/* Settled since (U): as it says. */
	add(&j, FAILED_MS + 5000, "action.reconcile", "h3", "rb-h", "{\"outcome\":\"ok\","
	    "\"by\":\"hand\"}");
	assert_false(latedone_pending(j.v, j.n, "h3", "api", &p));
	journal_free(&j);
}

static void
a_helm_rollback_elsewhere_or_not_ready_stays_failed(void **state)
{
	struct latedone_read r;
	struct latedone_pending p;
	struct journal j;
	int64_t done;

	(void)state;
	helm_journal(&j);
	assert_true(latedone_pending(j.v, j.n, "h3", "api", &p));
	/* The deployment not read (no kubectl there): nothing says its pods are ready. */
	r = helm_read();
	r.deploy_tag = NULL;
	assert_false(latedone_check(&p, &r, &done));
	r.deploy_tag = "";
	assert_false(latedone_check(&p, &r, &done));
	/* Its pods at another tag: set by hand since. */
	r = helm_read();
	r.deploy_tag = "v1.5.0-bad";
	assert_false(latedone_check(&p, &r, &done));
	/* A newer release revision (helm upgraded or rolled back since). */
	r = helm_read();
	r.revision = 6;
	assert_false(latedone_check(&p, &r, &done));
	/* The release at another version. */
	r = helm_read();
	r.tag = "1.5.0-bad";
	assert_false(latedone_check(&p, &r, &done));
	/* helm busy with it again, or superseded. */
	r = helm_read();
	r.release_status = "pending-rollback";
	assert_false(latedone_check(&p, &r, &done));
	r.release_status = NULL;
	assert_false(latedone_check(&p, &r, &done));
	/* Not all ready, or not complete. */
	r = helm_read();
	r.ready = 2;
	assert_false(latedone_check(&p, &r, &done));
	r = helm_read();
	r.complete = false;
	assert_false(latedone_check(&p, &r, &done));
	journal_free(&j);
}

/* helm left revision 4 deployed; the pods say whether revision 5 runs. */
static void
a_failed_helm_revision_whose_pods_all_run_it_is_the_running_one(void **state)
{
	struct latedone_read r = helm_read();

	(void)state;
	assert_true(latedone_helm_runs_newest(&r, 4));
	/* No deployed revision left at all (helm history's first failed). */
	assert_true(latedone_helm_runs_newest(&r, -1));
	/* Still rolling out: the old pods serve too. */
	r.ready = 2;
	assert_false(latedone_helm_runs_newest(&r, 4));
	r = helm_read();
	r.updated = 1;
	assert_false(latedone_helm_runs_newest(&r, 4));
	r = helm_read();
	r.complete = false;
	assert_false(latedone_helm_runs_newest(&r, 4));
	/* Its pods at another tag, or not read. */
	r = helm_read();
	r.deploy_tag = "v1.5.0-bad";
	assert_false(latedone_helm_runs_newest(&r, 4));
	r.deploy_tag = NULL;
	assert_false(latedone_helm_runs_newest(&r, 4));
	r.deploy_tag = "";
	assert_false(latedone_helm_runs_newest(&r, 4));
	/* The newest is the deployed one, or helm still busy with it. */
	r = helm_read();
	assert_false(latedone_helm_runs_newest(&r, 5));
	r.release_status = "pending-rollback";
	assert_false(latedone_helm_runs_newest(&r, 4));
	r.release_status = "deployed";
	assert_false(latedone_helm_runs_newest(&r, 4));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_failed_undo_whose_rollout_was_not_complete_is_pending),
		cmocka_unit_test(a_failed_command_is_never_pending),
		cmocka_unit_test(settled_since_or_a_later_rollback_is_not_pending),
		cmocka_unit_test(the_rollout_read_complete_at_the_target),
		cmocka_unit_test(not_complete_or_elsewhere_is_never_ok),
		cmocka_unit_test(the_record_says_when_and_that_it_is_ok),
		cmocka_unit_test(a_hand_failed_rollback_read_at_its_target_is_said),
		cmocka_unit_test(a_hand_failed_rollback_elsewhere_or_not_ready_stays_failed),
		cmocka_unit_test(a_kill_switch_whose_rollout_was_not_complete_is_pending),
		cmocka_unit_test(an_unknown_kill_switch_is_pending_until_read_complete_and_off),
		cmocka_unit_test(a_rollback_after_the_kill_switch_supersedes_it),
		cmocka_unit_test(an_unknown_kill_switch_whose_reread_gave_up_waits_for_export),
		cmocka_unit_test(the_export_record_says_ok_or_failed_after_the_reread),
		cmocka_unit_test(a_helm_rollback_whose_wait_ran_out_applied),
		cmocka_unit_test(a_helm_rollback_read_complete_later_is_ok),
		cmocka_unit_test(a_helm_rollback_elsewhere_or_not_ready_stays_failed),
		cmocka_unit_test(a_helm_rollback_a_reread_found_applied_after_a_quit_is_pending),
		cmocka_unit_test(a_failed_helm_revision_whose_pods_all_run_it_is_the_running_one),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
