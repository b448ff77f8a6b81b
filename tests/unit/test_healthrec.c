/*
 * test_healthrec.c — when a health.change is written: a /readyz read after
 * a rollback ended never stands beside the tag read before it; the record
 * waits for the driver's re-read, and says the tag was not re-read when
 * that read failed; nothing is paired while an action runs. A deploy made
 * outside the console: the tag reads bracket the probe round paired; a
 * change gone before that read is held and still written, in order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>

#include "warroom/healthrec.h"
#include "warroom/probe.h"

/* The rollback of the test's story ends at 10 000 ms (poller_refresh). */
#define END 10000

/* Before the end: v1.5.0-bad read at 5 000, /readyz OK. */
static struct healthrec_last
recorded_bad(void)
{
	return (struct healthrec_last){ .have = true, .tag = "v1.5.0-bad",
		.healthz = PROBE_OK, .readyz = PROBE_OK };
}

static void
readyz_answering_before_the_tag_is_reread_waits(void **state)
{
	struct healthrec_last last = recorded_bad();
	/* The probe round asked at the end answered; the driver has not. */
	struct healthrec_now now = { .tag = "v1.5.0-bad", .probed = true,
		.healthz = PROBE_OK, .readyz = PROBE_FAIL, .tag_read_ms = 5000,
		.probe_sent_ms = END, .refresh_ms = END };

	(void)state;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WAIT);
	/* The re-read answers: the record pairs both readings. */
	now.tag = "v1.4.1";
	now.tag_read_ms = END + 5;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE);
}

static void
a_tag_reread_before_the_probes_waits_for_them_too(void **state)
{
	struct healthrec_last last = recorded_bad();
	/* /readyz from the recreate, probed before the end. */
	struct healthrec_now now = { .tag = "v1.4.1", .probed = true,
		.healthz = PROBE_OK, .readyz = PROBE_FAIL, .tag_read_ms = END + 1,
		.probe_sent_ms = 8000, .refresh_ms = END };

	(void)state;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WAIT);
	now.probe_sent_ms = END;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE);
}

static void
a_failed_reread_writes_the_change_without_the_tag(void **state)
{
	struct healthrec_last last = recorded_bad();
	struct healthrec_now now = { .tag = "v1.5.0-bad", .probed = true,
		.healthz = PROBE_OK, .readyz = PROBE_FAIL, .tag_read_ms = 5000,
		.probe_sent_ms = END, .refresh_ms = END, .failed_ms = 7000 };

	(void)state;
	/* A failure from before the end is no answer to the re-read. */
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WAIT);
	now.failed_ms = END + 2;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE_UNREAD);
}

static void
nothing_changed_is_never_written(void **state)
{
	struct healthrec_last last = recorded_bad();
	struct healthrec_now now = { .tag = "v1.5.0-bad", .probed = true,
		.healthz = PROBE_OK, .readyz = PROBE_OK, .tag_read_ms = 5000,
		.probe_sent_ms = 4000, .refresh_ms = END };

	(void)state;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_SAME);
	/* A row without a health endpoint of its own: only its tag counts. */
	now.probed = false;
	now.readyz = PROBE_FAIL;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_SAME);
}

static void
without_a_refresh_readings_are_written_as_they_come(void **state)
{
	struct healthrec_last last = { .have = false, .tag = "" };
	struct healthrec_now now = { .tag = "v1.4.1", .probed = true,
		.healthz = PROBE_OK, .readyz = PROBE_OK, .tag_read_ms = 300,
		.probe_sent_ms = 200 };

	(void)state;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE);
	last = (struct healthrec_last){ .have = true, .tag = "v1.4.1",
		.healthz = PROBE_OK, .readyz = PROBE_OK };
	now.readyz = PROBE_FAIL;
	now.probe_sent_ms = 9000;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE);
}

/* Ready either way: the schema going ahead of the release (a rollback to
 * an older one), catching up (the downgrade) or turning behind (the newer
 * release back over a downgraded schema) is still recorded. */
static void
the_schema_going_ahead_is_a_change(void **state)
{
	struct healthrec_last last = { .have = true, .tag = "v1.4.1",
		.healthz = PROBE_OK, .readyz = PROBE_OK };
	struct healthrec_now now = { .tag = "v1.4.1", .probed = true,
		.healthz = PROBE_OK, .readyz = PROBE_OK, .schema_warn = PROBE_SCHEMA_AHEAD,
		.tag_read_ms = 300, .probe_sent_ms = 200 };

	(void)state;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE);
	last.schema_warn = PROBE_SCHEMA_AHEAD;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_SAME);
	now.schema_warn = PROBE_SCHEMA_UNSAID;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE);
	now.schema_warn = PROBE_SCHEMA_BEHIND;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE);
}

/* The record's schema fields, written and read back; a journal from
 * before the direction was read said "schema_ahead": true for any
 * migrations not current, and is read as not knowing which way. */
static void
schema_fields_round_trip(void **state)
{
	static const enum probe_schema all[] = { PROBE_SCHEMA_UNSAID, PROBE_SCHEMA_AHEAD,
		PROBE_SCHEMA_BEHIND, PROBE_SCHEMA_UNSURE };
	cJSON *d;
	char *text;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		d = cJSON_CreateObject();
		healthrec_add_schema(d, all[i], false);
		healthrec_add_schema(d, all[(i + 1) % 4], true);
		assert_int_equal(healthrec_schema(d, false), all[i]);
		assert_int_equal(healthrec_schema(d, true), all[(i + 1) % 4]);
		cJSON_Delete(d);
	}
	d = cJSON_CreateObject();
	healthrec_add_schema(d, PROBE_SCHEMA_BEHIND, false);
	healthrec_add_schema(d, PROBE_SCHEMA_AHEAD, true);
	text = cJSON_PrintUnformatted(d);
	assert_string_equal(text, "{\"schema_ahead\":false,\"schema\":\"behind\","
	    "\"was_schema_ahead\":true,\"was_schema\":\"ahead\"}");
	cJSON_free(text);
	cJSON_Delete(d);
	d = cJSON_Parse("{\"schema_ahead\":true,\"was_schema_ahead\":false}");
	assert_int_equal(healthrec_schema(d, false), PROBE_SCHEMA_UNSURE);
	assert_int_equal(healthrec_schema(d, true), PROBE_SCHEMA_UNSAID);
	cJSON_Delete(d);
	d = cJSON_Parse("{\"schema\":\"sideways\"}");
	assert_int_equal(healthrec_schema(d, false), PROBE_SCHEMA_UNSURE);
	cJSON_Delete(d);
}

static void
a_tag_only_row_waits_for_its_reread(void **state)
{
	struct healthrec_last last = { .have = true, .tag = "v1.5.0-bad" };
	/* A watch answer heard after the end, its command run before it. */
	struct healthrec_now now = { .tag = "v1.4.0", .tag_read_ms = END - 1500,
		.refresh_ms = END };

	(void)state;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WAIT);
	now.tag = "v1.4.1";
	now.tag_read_ms = END;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE);
}

static void
readings_taken_while_an_action_runs_wait_for_its_end(void **state)
{
	struct healthrec_last last = recorded_bad();
	/* k8s: the undo lands at 7 000 and `rollout status` runs on; the
	 * tag was read at 6 000, /readyz of the new pods (schema ahead of
	 * v1.4.1) at 8 000. Paired, they would say v1.5.0-bad is ahead. */
	struct healthrec_now now = { .tag = "v1.5.0-bad", .probed = true,
		.healthz = PROBE_OK, .readyz = PROBE_OK,
		.schema_warn = PROBE_SCHEMA_AHEAD, .tag_read_ms = 6000,
		.probe_sent_ms = 8000, .changing = true };

	(void)state;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WAIT);
	/* A tag read after the probe is no better while it still runs. */
	now.tag = "v1.4.1";
	now.tag_read_ms = 9000;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WAIT);
	/* Its end refreshes both; once both were read again it is written. */
	now.changing = false;
	now.refresh_ms = END;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WAIT);
	now.tag_read_ms = END + 1;
	now.probe_sent_ms = END;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE);
	/* Nothing changed is nothing to hold. */
	last = (struct healthrec_last){ .have = true, .tag = "v1.4.1",
		.healthz = PROBE_OK, .readyz = PROBE_OK, .schema_warn = PROBE_SCHEMA_AHEAD };
	now.changing = true;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_SAME);
}

static void
a_new_tag_waits_for_when_it_went_live(void **state)
{
	struct healthrec_last last = { .have = true, .tag = "v1.4.1",
		.healthz = PROBE_OK, .readyz = PROBE_OK };
	/* k8s: the deployment answered v1.5.1-bad, its pods not yet. */
	struct healthrec_now now = { .tag = "v1.5.1-bad", .probed = true,
		.healthz = PROBE_OK, .readyz = PROBE_OK, .tag_read_ms = 6000,
		.probe_sent_ms = 6000, .deploy_pending = true };

	(void)state;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WAIT);
	now.deploy_pending = false;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE);
}

/* An outside deploy moves no refresh. The tag read at 6 000 answered
 * v1.5.1-bad at 6 200; the last probe round (sent 5 000) was v1.4.1's,
 * whose schema the new release's migration had not yet put ahead. */
static void
a_new_tag_waits_for_a_probe_sent_after_it_was_seen(void **state)
{
	struct healthrec_last last = { .have = true, .tag = "v1.4.1",
		.healthz = PROBE_OK, .readyz = PROBE_OK };
	struct healthrec_now now = { .tag = "v1.5.1-bad", .probed = true,
		.healthz = PROBE_OK, .readyz = PROBE_OK, .tag_read_ms = 6000,
		.tag_seen_ms = 6200, .probe_sent_ms = 5000, .probe_done_ms = 5010 };

	(void)state;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WAIT);
	/* Back to v1.4.1: the stale round says current, and is not paired. */
	last.tag = "v1.5.1-bad";
	now.tag = "v1.4.1";
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WAIT);
	/* The round asked when the tag was seen: v1.4.1 under the new schema. */
	now.schema_warn = PROBE_SCHEMA_AHEAD;
	now.probe_sent_ms = 6200;
	now.probe_done_ms = 6230;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE);
}

/* The other way round: the probes answer from the new release before the
 * driver has read its tag. The change waits for a tag read begun after
 * the round answered; the same tag then is a health change of its own. */
static void
a_health_change_waits_for_a_tag_read_after_it(void **state)
{
	struct healthrec_last last = { .have = true, .tag = "1.4.1",
		.healthz = PROBE_OK, .readyz = PROBE_OK, .schema_warn = PROBE_SCHEMA_AHEAD };
	struct healthrec_now now = { .tag = "1.4.1", .probed = true,
		.healthz = PROBE_OK, .readyz = PROBE_OK, .tag_read_ms = 5000,
		.tag_seen_ms = 1000, .probe_sent_ms = 6000, .probe_done_ms = 6020 };

	(void)state;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WAIT);
	/* A read begun while the round was out is no answer either. */
	now.tag_read_ms = 6010;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WAIT);
	/* It says a new tag: that is paired once a round follows it. */
	now.tag = "1.6.0-bad";
	now.tag_read_ms = 7000;
	now.tag_seen_ms = 7100;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WAIT);
	now.probe_sent_ms = 7100;
	now.probe_done_ms = 7120;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE);
	/* Had it said the same tag, the migrations caught up on 1.4.1 itself. */
	now.tag = "1.4.1";
	now.tag_seen_ms = 1000;
	now.probe_sent_ms = 6000;
	now.probe_done_ms = 6020;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE);
}

/* The tag read after the round failed: the change is news, written
 * without the tag; a failure from before the round is no answer. */
static void
a_health_change_without_a_tag_read_after_it_says_so(void **state)
{
	struct healthrec_last last = { .have = true, .tag = "v1.4.1",
		.healthz = PROBE_OK, .readyz = PROBE_OK };
	struct healthrec_now now = { .tag = "v1.4.1", .probed = true,
		.healthz = PROBE_OK, .readyz = PROBE_FAIL, .tag_read_ms = 5000,
		.tag_seen_ms = 1000, .probe_sent_ms = 6000, .probe_done_ms = 6020,
		.failed_ms = 5500 };

	(void)state;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WAIT);
	now.failed_ms = 7000;
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE_UNREAD);
	/* A row with no probes has nothing to bracket. */
	now.probed = false;
	now.tag = "v1.5.1-bad";
	assert_int_equal(healthrec_decide(&now, &last), HEALTHREC_WRITE);
}

/* v1.4.1 read at 5 000 and recorded OK; probes every second, tag reads
 * every five. */
static struct healthrec_now
round_at(int64_t sent, int readyz)
{
	return (struct healthrec_now){ .tag = "v1.4.1", .probed = true,
		.healthz = PROBE_OK, .readyz = readyz, .tag_read_ms = 5000,
		.tag_seen_ms = 1000, .probe_sent_ms = sent, .probe_done_ms = sent + 20 };
}

static struct healthrec_last
recorded_ok(void)
{
	return (struct healthrec_last){ .have = true, .tag = "v1.4.1",
		.healthz = PROBE_OK, .readyz = PROBE_OK };
}

/* /readyz FAIL for one round, OK at the next, both before the next tag
 * read: two records, FAIL then OK, each at its own round. */
static void
a_one_round_failure_is_held_for_the_tag_read(void **state)
{
	struct healthrec_queue q = { .n = 0 };
	struct healthrec_last last = recorded_ok();
	struct healthrec_now now = round_at(6000, PROBE_FAIL);
	enum healthrec_do how = HEALTHREC_SAME;

	(void)state;
	assert_int_equal(healthrec_observe(&q, &now, &last), HEALTHREC_WAIT);
	/* The same round looked at again is held once. */
	assert_int_equal(healthrec_observe(&q, &now, &last), HEALTHREC_WAIT);
	now = round_at(7000, PROBE_OK);
	assert_int_equal(healthrec_observe(&q, &now, &last), HEALTHREC_WAIT);
	now = round_at(8000, PROBE_OK);
	assert_int_equal(healthrec_observe(&q, &now, &last), HEALTHREC_WAIT);
	assert_int_equal(healthrec_settled(&q, &now, &how), 0);
	/* The tag read begun at 10 000 says v1.4.1 again. */
	now.tag_read_ms = 10000;
	assert_int_equal(healthrec_settled(&q, &now, &how), 2);
	assert_int_equal(how, HEALTHREC_WRITE);
	assert_string_equal(q.tag, "v1.4.1");
	assert_int_equal(q.held[0].readyz, PROBE_FAIL);
	assert_int_equal(q.held[0].done_ms, 6020);
	assert_int_equal(q.held[0].sent_ms, 6000);
	assert_int_equal(q.held[1].readyz, PROBE_OK);
	assert_int_equal(q.held[1].done_ms, 7020);
	healthrec_pop(&q, 2);
	assert_int_equal(q.n, 0);
	assert_int_equal(healthrec_settled(&q, &now, &how), 0);
	/* Written: the journal says OK, as now. */
	assert_int_equal(healthrec_observe(&q, &now, &last), HEALTHREC_SAME);
}

/* The read after them says another tag (or a read out while they came
 * did): which release answered is not known, so they are written saying
 * the tag was not re-read, never beside the new tag. */
static void
held_changes_under_a_new_tag_say_the_tag_was_not_known(void **state)
{
	struct healthrec_queue q = { .n = 0 };
	struct healthrec_last last = recorded_ok();
	struct healthrec_now now = round_at(6000, PROBE_FAIL);
	enum healthrec_do how = HEALTHREC_SAME;

	(void)state;
	assert_int_equal(healthrec_observe(&q, &now, &last), HEALTHREC_WAIT);
	now = round_at(7000, PROBE_OK);
	assert_int_equal(healthrec_observe(&q, &now, &last), HEALTHREC_WAIT);
	/* Begun at 5 500, before the rounds answered: still not theirs. */
	now.tag = "v1.5.1-bad";
	now.tag_read_ms = 5500;
	now.tag_seen_ms = 7400;
	assert_int_equal(healthrec_settled(&q, &now, &how), 2);
	assert_int_equal(how, HEALTHREC_WRITE_UNREAD);
	now.tag_read_ms = 10000;
	assert_int_equal(healthrec_settled(&q, &now, &how), 2);
	assert_int_equal(how, HEALTHREC_WRITE_UNREAD);
	healthrec_pop(&q, 2);
	/* The new tag then waits for its own round, as ever. */
	assert_int_equal(healthrec_observe(&q, &now, &last), HEALTHREC_WAIT);
	assert_int_equal(q.n, 0);
}

/* A read begun between two held rounds settles the first only; a failed
 * read after them writes them without the tag; one before, nothing. */
static void
a_tag_read_settles_the_rounds_before_it(void **state)
{
	struct healthrec_queue q = { .n = 0 };
	struct healthrec_last last = recorded_ok();
	struct healthrec_now now = round_at(6000, PROBE_FAIL);
	enum healthrec_do how = HEALTHREC_SAME;

	(void)state;
	healthrec_observe(&q, &now, &last);
	now = round_at(7000, PROBE_OK);
	healthrec_observe(&q, &now, &last);
	now.tag_read_ms = 6500;
	assert_int_equal(healthrec_settled(&q, &now, &how), 1);
	assert_int_equal(how, HEALTHREC_WRITE);
	healthrec_pop(&q, 1);
	assert_int_equal(q.n, 1);
	assert_int_equal(q.held[0].readyz, PROBE_OK);
	assert_int_equal(healthrec_settled(&q, &now, &how), 0);
	now.failed_ms = 6800;
	assert_int_equal(healthrec_settled(&q, &now, &how), 0);
	now.failed_ms = 11000;
	assert_int_equal(healthrec_settled(&q, &now, &how), 1);
	assert_int_equal(how, HEALTHREC_WRITE_UNREAD);
}

/* test_rollback_pick: a round sent after the rollback's end answers (the
 * schema now ahead) before the end's re-read of the tag; that re-read,
 * begun before the round answered, says the rollback's tag. The change
 * goes with it, not "not re-read" beside the tag from before the end. */
static void
a_change_after_an_end_goes_with_the_reread_tag(void **state)
{
	struct healthrec_queue q = { .n = 0 };
	struct healthrec_last last = recorded_bad();
	struct healthrec_now now = { .tag = "v1.5.0-bad", .probed = true,
		.healthz = PROBE_OK, .readyz = PROBE_OK, .schema_warn = PROBE_SCHEMA_AHEAD,
		.tag_read_ms = 5000, .tag_seen_ms = 1000, .probe_sent_ms = END + 10,
		.probe_done_ms = END + 60, .refresh_ms = END };
	enum healthrec_do how = HEALTHREC_SAME;

	(void)state;
	assert_int_equal(healthrec_observe(&q, &now, &last), HEALTHREC_WAIT);
	assert_int_equal(q.n, 1);
	assert_int_equal(healthrec_settled(&q, &now, &how), 0);
	/* The re-read, begun at the end, answers after the round did. */
	now.tag = "v1.4.0";
	now.tag_read_ms = END + 5;
	now.tag_seen_ms = END + 120;
	assert_int_equal(healthrec_settled(&q, &now, &how), 1);
	assert_int_equal(how, HEALTHREC_WRITE);
	assert_string_equal(q.tag, "v1.4.0");
	assert_int_equal(q.held[0].schema_warn, PROBE_SCHEMA_AHEAD);
	healthrec_pop(&q, 1);
	assert_int_equal(q.refresh_ms, 0);
}

/* The same, but the end's re-read failed: the change is written saying
 * the tag was not re-read (the tag in hand is the one from before). */
static void
a_change_after_an_end_whose_reread_failed_says_so(void **state)
{
	struct healthrec_queue q = { .n = 0 };
	struct healthrec_last last = recorded_bad();
	struct healthrec_now now = { .tag = "v1.5.0-bad", .probed = true,
		.healthz = PROBE_OK, .readyz = PROBE_FAIL, .tag_read_ms = 5000,
		.tag_seen_ms = 1000, .probe_sent_ms = END + 10, .probe_done_ms = END + 60,
		.refresh_ms = END };
	enum healthrec_do how = HEALTHREC_SAME;

	(void)state;
	assert_int_equal(healthrec_observe(&q, &now, &last), HEALTHREC_WAIT);
	/* A round later it is OK again: both are held, in order. */
	now.readyz = PROBE_OK;
	now.probe_sent_ms = END + 1000;
	now.probe_done_ms = END + 1050;
	assert_int_equal(healthrec_observe(&q, &now, &last), HEALTHREC_WAIT);
	assert_int_equal(q.n, 2);
	now.failed_ms = END + 5;
	assert_int_equal(healthrec_settled(&q, &now, &how), 2);
	assert_int_equal(how, HEALTHREC_WRITE_UNREAD);
	assert_string_equal(q.tag, "v1.5.0-bad");
}

/* A flapping /readyz: four changes are held, the rest counted; while an
 * action runs nothing more is held; a row without probes holds none. */
static void
the_held_changes_are_bounded(void **state)
{
	struct healthrec_queue q = { .n = 0 };
	struct healthrec_last last = recorded_ok();
	struct healthrec_now now;
	int i;

	(void)state;
	for (i = 0; i < 7; i++) {
		now = round_at(6000 + 1000 * i, i % 2 == 0 ? PROBE_FAIL : PROBE_OK);
		assert_int_equal(healthrec_observe(&q, &now, &last), HEALTHREC_WAIT);
	}
	assert_int_equal(q.n, HEALTHREC_HELD_MAX);
	assert_int_equal(q.dropped, 3);
	assert_int_equal(q.held[3].readyz, PROBE_OK);
	now = round_at(13000, PROBE_OK);
	now.changing = true;
	assert_int_equal(healthrec_observe(&q, &now, &last), HEALTHREC_WAIT);
	assert_int_equal(q.dropped, 3);
	healthrec_pop(&q, 3);
	assert_int_equal(q.dropped, 3);
	healthrec_pop(&q, 1);
	assert_int_equal(q.dropped, 0);
	now = round_at(14000, PROBE_FAIL);
	now.probed = false;
	now.tag = "v1.5.1-bad";
	assert_int_equal(healthrec_observe(&q, &now, &last), HEALTHREC_WRITE);
	assert_int_equal(q.n, 0);
}

/* The revisions /readyz gave go with a warning (the
 * post-mortem's follow-up names them), none when it gave none or the
 * schema is current. */
static void
schema_revisions_go_with_a_warning(void **state)
{
	cJSON *d = cJSON_CreateObject();
	char *text;

	(void)state;
	healthrec_add_revisions(d, PROBE_SCHEMA_AHEAD, "0043", "0041");
	healthrec_add_revisions(d, PROBE_SCHEMA_UNSAID, "0041", "0041");
	text = cJSON_PrintUnformatted(d);
	assert_string_equal(text, "{\"schema_database\":\"0043\",\"schema_expected\":\"0041\"}");
	cJSON_free(text);
	cJSON_Delete(d);
	d = cJSON_CreateObject();
	healthrec_add_revisions(d, PROBE_SCHEMA_UNSURE, "", "");
	assert_null(d->child);
	cJSON_Delete(d);
}

/* A change held for a tag read keeps the revisions its round gave, so
 * its record, written later, says them too. */
static void
a_held_change_keeps_its_revisions(void **state)
{
	struct healthrec_queue q = { .n = 0 };
	struct healthrec_last last = recorded_ok();
	struct healthrec_now now = round_at(6000, PROBE_OK);

	(void)state;
	now.schema_warn = PROBE_SCHEMA_AHEAD;
	now.rev_database = "0043";
	now.rev_expected = "0041";
	assert_int_equal(healthrec_observe(&q, &now, &last), HEALTHREC_WAIT);
	assert_int_equal(q.n, 1);
	assert_string_equal(q.held[0].rev_database, "0043");
	assert_string_equal(q.held[0].rev_expected, "0041");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(readyz_answering_before_the_tag_is_reread_waits),
		cmocka_unit_test(a_tag_reread_before_the_probes_waits_for_them_too),
		cmocka_unit_test(a_failed_reread_writes_the_change_without_the_tag),
		cmocka_unit_test(nothing_changed_is_never_written),
		cmocka_unit_test(schema_fields_round_trip),
		cmocka_unit_test(schema_revisions_go_with_a_warning),
		cmocka_unit_test(a_held_change_keeps_its_revisions),
		cmocka_unit_test(a_change_after_an_end_goes_with_the_reread_tag),
		cmocka_unit_test(a_change_after_an_end_whose_reread_failed_says_so),
		cmocka_unit_test(without_a_refresh_readings_are_written_as_they_come),
		cmocka_unit_test(the_schema_going_ahead_is_a_change),
		cmocka_unit_test(a_tag_only_row_waits_for_its_reread),
		cmocka_unit_test(readings_taken_while_an_action_runs_wait_for_its_end),
		cmocka_unit_test(a_new_tag_waits_for_when_it_went_live),
		cmocka_unit_test(a_new_tag_waits_for_a_probe_sent_after_it_was_seen),
		cmocka_unit_test(a_health_change_waits_for_a_tag_read_after_it),
		cmocka_unit_test(a_health_change_without_a_tag_read_after_it_says_so),
		cmocka_unit_test(a_one_round_failure_is_held_for_the_tag_read),
		cmocka_unit_test(held_changes_under_a_new_tag_say_the_tag_was_not_known),
		cmocka_unit_test(a_tag_read_settles_the_rounds_before_it),
		cmocka_unit_test(the_held_changes_are_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
