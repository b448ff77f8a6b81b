/*
 * test_cause.c — the rollback the status-page templates name as the
 * incident's cause: the first away from a release its host's verdict
 * judged, not the latest; the first rollback when no verdict judged one;
 * where a chain of rollbacks of that service left it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "warroom/cause.h"
#include "warroom/record.h"

#define MAXREC 16

struct journal {
	struct record v[MAXREC];
	size_t n;
};

static void
add(struct journal *j, const char *kind, const char *host, const char *json)
{
	struct record *r = &j->v[j->n++];

	assert_true(j->n <= MAXREC);
	memset(r, 0, sizeof(*r));
	r->kind = (char *)kind;
	r->host = (char *)host;
	r->data = cJSON_Parse(json);
	assert_non_null(r->data);
}

static void
ran(struct journal *j, const char *host, const char *svc, const char *tag)
{
	char json[256];

	snprintf(json, sizeof(json), "{\"service\":\"%s\",\"tag\":\"%s\"}", svc, tag);
	add(j, "health.change", host, json);
}

static void
verdict(struct journal *j, const char *host, const char *level)
{
	char json[256];

	snprintf(json, sizeof(json), "{\"verdict\":\"%s\",\"reason\":\"…\"}", level);
	add(j, "verdict.change", host, json);
}

static void
rollback(struct journal *j, const char *action, const char *host, const char *svc,
    const char *from, const char *to)
{
	char json[512];

	snprintf(json, sizeof(json), "{\"action\":\"%s\",\"plan\":{\"action\":\"%s\","
	    "\"host\":\"%s\",\"service\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"},"
	    "\"plan_hash\":\"00000000\"}", action, action, host, svc, from, to);
	add(j, "action.intent", host, json);
	add(j, "action.end", host, "{\"outcome\":\"ok\"}");
}

static void
done(struct journal *j)
{
	size_t i;

	for (i = 0; i < j->n; i++)
		cJSON_Delete(j->v[i].data);
	j->n = 0;
}

/* The QA incident: api's bad release rolled back on a ROLLBACK IMMEDIATELY
 * verdict, later a re-roll of jobs; the jobs one is the latest. */
static void
the_judged_release_not_the_latest_rollback(void **state)
{
	struct journal j = { .n = 0 };
	struct cause c;

	ran(&j, "api-1", "api", "v1.5.0-bad");
	ran(&j, "api-1", "jobs", "v1.4.0");
	verdict(&j, "api-1", "ROLLBACK IMMEDIATELY");
	rollback(&j, "compose.rollback", "api-1", "api", "v1.5.0-bad", "v1.4.1");
	ran(&j, "api-1", "api", "v1.4.1");
	verdict(&j, "api-1", "OK");
	rollback(&j, "compose.rollback", "api-1", "jobs", "v1.4.0", "v1.4.1");
	add(&j, "action.intent", "api-1", "{\"action\":\"compose.migrate_down\",\"plan\":"
	    "{\"action\":\"compose.migrate_down\",\"service\":\"api\",\"from\":\"current schema\","
	    "\"to\":\"one revision down\"}}");
	assert_int_equal(cause_find(j.v, j.n, &c), 1);
	assert_string_equal(c.host, "api-1");
	assert_string_equal(c.service, "api");
	assert_string_equal(c.from, "v1.5.0-bad");
	assert_string_equal(c.to, "v1.4.1");
	assert_true(c.judged);
	done(&j);
}

/* A rollback before any verdict judged its release gives way to the one
 * that does, and CONSIDER ROLLBACK counts as much as ROLLBACK IMMEDIATELY;
 * a verdict on another host says nothing of this one. */
static void
a_judged_rollback_wins_over_an_earlier_one(void **state)
{
	struct journal j = { .n = 0 };
	struct cause c;

	ran(&j, "h1", "jobs", "v2.0.0");
	ran(&j, "h1", "api", "v2.0.0");
	ran(&j, "h2", "api", "v2.0.0");
	verdict(&j, "h2", "ROLLBACK IMMEDIATELY");
	rollback(&j, "compose.rollback", "h1", "jobs", "v2.0.0", "v1.9.0");
	verdict(&j, "h1", "CONSIDER ROLLBACK");
	rollback(&j, "k8s.undo", "h1", "api", "v2.0.0", "v1.9.0");
	assert_int_equal(cause_find(j.v, j.n, &c), 1);
	assert_string_equal(c.service, "api");
	assert_string_equal(c.from, "v2.0.0");
	assert_true(c.judged);
	done(&j);
}

/* A release deployed while the verdict was already bad was not judged;
 * with no judged release the first rollback speaks, and MONITOR is no
 * judgement. */
static void
without_a_judgement_the_first_rollback(void **state)
{
	struct journal j = { .n = 0 };
	struct cause c;

	ran(&j, "h1", "api", "v3-bad");
	verdict(&j, "h1", "ROLLBACK IMMEDIATELY");
	ran(&j, "h1", "api", "v3.1");
	verdict(&j, "h1", "MONITOR");
	rollback(&j, "helm.rollback", "h1", "api", "v3.1", "v2.9");
	rollback(&j, "helm.rollback", "h1", "api", "v2.9", "");
	assert_int_equal(cause_find(j.v, j.n, &c), 1);
	assert_string_equal(c.from, "v3.1");
	assert_string_equal(c.to, "v2.9");
	assert_false(c.judged);
	done(&j);
}

/* Rolled back again from where it was left: the service is there now. */
static void
to_follows_a_chain_of_rollbacks(void **state)
{
	struct journal j = { .n = 0 };
	struct cause c;

	ran(&j, "h1", "api", "v1.5.0-bad");
	verdict(&j, "h1", "ROLLBACK IMMEDIATELY");
	rollback(&j, "compose.rollback", "h1", "api", "v1.5.0-bad", "v1.4.1");
	rollback(&j, "compose.rollback", "h2", "api", "v1.4.1", "v1.3.0");
	rollback(&j, "compose.rollback", "h1", "jobs", "v1.4.1", "v1.3.0");
	rollback(&j, "compose.rollback", "h1", "api", "v1.4.1", "v1.4.0");
	assert_int_equal(cause_find(j.v, j.n, &c), 1);
	assert_string_equal(c.from, "v1.5.0-bad");
	assert_string_equal(c.to, "v1.4.0");
	done(&j);
}

static void
no_rollback_no_cause(void **state)
{
	struct journal j = { .n = 0 };
	struct cause c;

	assert_int_equal(cause_find(j.v, 0, &c), 0);
	ran(&j, "h1", "api", "v1");
	verdict(&j, "h1", "ROLLBACK IMMEDIATELY");
	add(&j, "action.intent", "h1", "{\"plan\":{\"action\":\"compose.killswitch\","
	    "\"service\":\"api\",\"from\":\"EXPORT_MODE=full\",\"to\":\"EXPORT_MODE=off\"}}");
	add(&j, "note", NULL, "{\"text\":\"rollback v1\"}");
	assert_int_equal(cause_find(j.v, j.n, &c), 0);
	assert_string_equal(c.service, "");
	done(&j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_judged_release_not_the_latest_rollback),
		cmocka_unit_test(a_judged_rollback_wins_over_an_earlier_one),
		cmocka_unit_test(without_a_judgement_the_first_rollback),
		cmocka_unit_test(to_follows_a_chain_of_rollbacks),
		cmocka_unit_test(no_rollback_no_cause),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
