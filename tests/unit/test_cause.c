/*
 * test_cause.c — the rollback the status-page templates name as the
 * incident's cause: the first away from a release its host's verdict
 * judged, not the latest; the first rollback when no verdict judged one;
 * where a chain of rollbacks of that service left it; what the journal
 * proves of the service on every host that runs it (back only when every
 * host that ran the bad release is, since the last of them; under way
 * while any rollback runs, being verified (never under way) while one is
 * UNKNOWN; else the hosts counted), which the default words must not
 * overstate; and when the incident began.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/cause.h"
#include "warroom/record.h"
#include "warroom/statuspage_req.h"

#define MAXREC 64
#define T0 1795746600000LL      /* 2026-11-27T02:30:00.000Z */

struct journal {
	struct record v[MAXREC];
	size_t n;
};

/* A record at T0 + its index in seconds; op NULL for none. */
static struct record *
add_op(struct journal *j, const char *kind, const char *host, const char *op,
    const char *json)
{
	struct record *r = &j->v[j->n++];

	assert_true(j->n <= MAXREC);
	memset(r, 0, sizeof(*r));
	r->ts_ms = T0 + (int64_t)(j->n - 1) * 1000;
	r->kind = (char *)kind;
	r->host = (char *)host;
	r->op = (char *)op;
	r->data = cJSON_Parse(json);
	assert_non_null(r->data);
	return r;
}

static void
add(struct journal *j, const char *kind, const char *host, const char *json)
{
	add_op(j, kind, host, NULL, json);
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

static const char *const ops[MAXREC] = {
	"op-0", "op-1", "op-2", "op-3", "op-4", "op-5", "op-6", "op-7",
	"op-8", "op-9", "op-10", "op-11", "op-12", "op-13", "op-14", "op-15",
	"op-16", "op-17", "op-18", "op-19", "op-20", "op-21", "op-22", "op-23",
	"op-24", "op-25", "op-26", "op-27", "op-28", "op-29", "op-30", "op-31",
	"op-32", "op-33", "op-34", "op-35", "op-36", "op-37", "op-38", "op-39",
	"op-40", "op-41", "op-42", "op-43", "op-44", "op-45", "op-46", "op-47",
	"op-48", "op-49", "op-50", "op-51", "op-52", "op-53", "op-54", "op-55",
	"op-56", "op-57", "op-58", "op-59", "op-60", "op-61", "op-62", "op-63",
};

/* A rollback's intent; its op is "op-<index of the intent>". */
static const char *
intent(struct journal *j, const char *action, const char *host, const char *svc,
    const char *from, const char *to)
{
	char json[512];
	const char *op = ops[j->n];

	snprintf(json, sizeof(json), "{\"action\":\"%s\",\"plan\":{\"action\":\"%s\","
	    "\"host\":\"%s\",\"service\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"},"
	    "\"plan_hash\":\"00000000\"}", action, action, host, svc, from, to);
	add_op(j, "action.intent", host, op, json);
	return op;
}

static void
end(struct journal *j, const char *kind, const char *host, const char *op,
    const char *outcome)
{
	char json[128];

	snprintf(json, sizeof(json), "{\"outcome\":\"%s\"}", outcome);
	add_op(j, kind, host, op, json);
}

static void
rollback(struct journal *j, const char *action, const char *host, const char *svc,
    const char *from, const char *to)
{
	end(j, "action.end", host, intent(j, action, host, svc, from, to), "ok");
}

static void
done(struct journal *j)
{
	size_t i;

	for (i = 0; i < j->n; i++)
		cJSON_Delete(j->v[i].data);
	j->n = 0;
}

/* An incident: api's bad release rolled back on a ROLLBACK IMMEDIATELY
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
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
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
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
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
	const char *op;

	ran(&j, "h1", "api", "v3-bad");
	verdict(&j, "h1", "ROLLBACK IMMEDIATELY");
	ran(&j, "h1", "api", "v3.1");
	verdict(&j, "h1", "MONITOR");
	rollback(&j, "helm.rollback", "h1", "api", "v3.1", "v2.9");
	op = intent(&j, "k8s.undo", "h1", "api", "v2.9", "");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_string_equal(c.from, "v3.1");
	assert_string_equal(c.to, "v2.9");
	assert_false(c.judged);
	/* Once that undo to a revision no tag names is done, v2.9 is not
	 * where it is: the words fall back to "the previous release". */
	end(&j, "action.end", "h1", op, "ok");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(c.state, CAUSE_BACK);
	assert_string_equal(c.to, "");
	done(&j);
}

/* h13 runs v1.4.1 and is judged OK under it, then its own
 * /healthz fails and its verdict turns bad: v1.4.1 was fine there (the
 * one rule, badrel's), so someone's rollback from it names no cause while
 * a release a verdict did judge is rolled back later. */
static void
a_host_fault_under_a_release_judged_ok_is_not_the_cause(void **state)
{
	struct journal j = { .n = 0 };
	struct cause c;

	ran(&j, "h13", "api", "v1.4.1");
	ran(&j, "h16", "api", "v1.4.1");
	verdict(&j, "h13", "OK");
	add(&j, "health.change", "h13", "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"was_tag\":\"v1.4.1\",\"healthz\":\"FAIL\"}");
	verdict(&j, "h13", "ROLLBACK IMMEDIATELY");
	rollback(&j, "compose.rollback", "h13", "api", "v1.4.1", "v1.4.0");
	ran(&j, "h16", "api", "v1.5.0-bad");
	verdict(&j, "h16", "CONSIDER ROLLBACK");
	rollback(&j, "compose.rollback", "h16", "api", "v1.5.0-bad", "v1.4.1");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_string_equal(c.host, "h16");
	assert_string_equal(c.from, "v1.5.0-bad");
	assert_string_equal(c.to, "v1.4.1");
	assert_true(c.judged);
	done(&j);
}

/* The tag a host ran when its verdict turned is the release started
 * before the turn, also when its record was written after it. */
static void
a_release_read_after_the_turn_is_the_one_judged(void **state)
{
	struct journal j = { .n = 0 };
	struct cause c;

	ran(&j, "h1", "api", "v1.4.1");
	ran(&j, "h2", "jobs", "v2.0.0");
	verdict(&j, "h1", "OK");
	rollback(&j, "compose.rollback", "h2", "jobs", "v2.0.0", "v1.9.0");
	verdict(&j, "h1", "CONSIDER ROLLBACK");
	/* Started one second before the turn, read after it. */
	add(&j, "health.change", "h1", "{\"service\":\"api\",\"tag\":\"v1.5.0\","
	    "\"was_tag\":\"v1.4.1\",\"deployed_ms\":1795746604000}");
	rollback(&j, "compose.rollback", "h1", "api", "v1.5.0", "v1.4.1");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_string_equal(c.host, "h1");
	assert_string_equal(c.from, "v1.5.0");
	assert_true(c.judged);
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
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_string_equal(c.from, "v1.5.0-bad");
	assert_string_equal(c.to, "v1.4.0");
	done(&j);
}

static void
no_rollback_no_cause(void **state)
{
	struct journal j = { .n = 0 };
	struct cause c;

	assert_int_equal(cause_find(j.v, 0, NULL, 0, &c), 0);
	ran(&j, "h1", "api", "v1");
	verdict(&j, "h1", "ROLLBACK IMMEDIATELY");
	add(&j, "action.intent", "h1", "{\"plan\":{\"action\":\"compose.killswitch\","
	    "\"service\":\"api\",\"from\":\"EXPORT_MODE=full\",\"to\":\"EXPORT_MODE=off\"}}");
	add(&j, "note", NULL, "{\"text\":\"rollback v1\"}");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 0);
	assert_string_equal(c.service, "");
	done(&j);
}

/* The default words for status about what the journal holds, with the
 * hosts of hosts[0..nhosts) (the config) and not_ok hosts whose verdict
 * asks for a rollback, filled as the console fills them (the fallback
 * words where nothing is known). */
static char *
words_not_ok(const struct journal *j, const struct config_host *hosts, size_t nhosts,
    int status, int not_ok)
{
	struct statuspage_vars v = {
		.service = "the service", .from_tag = "the new release",
		.to_tag = "the previous release", .incident = "x", .time = "02:50 UTC",
	};
	struct cause c;
	char since[32], began[32], tpl[512];
	int found = cause_find(j->v, j->n, hosts, nhosts, &c);

	if (found) {
		v.service = c.service;
		v.from_tag = c.from;
		if (c.to[0] != '\0')
			v.to_tag = c.to;
	}
	else if (cause_trouble_service(j->v, j->n, c.service, sizeof(c.service)))
		v.service = c.service;
	cause_since(found ? &c : NULL, since, sizeof(since));
	v.since = since;
	cause_clock(cause_began(j->v, j->n), began, sizeof(began));
	v.began = began;
	cause_template(status, found ? &c : NULL, not_ok, tpl, sizeof(tpl));
	return statuspage_template(tpl, &v);
}

/* As above with every host's verdict OK. */
static char *
words_on(const struct journal *j, const struct config_host *hosts, size_t nhosts, int status)
{
	return words_not_ok(j, hosts, nhosts, status, 0);
}

static char *
words_for(const struct journal *j, int status)
{
	return words_on(j, NULL, 0, status);
}

static void
says(const struct journal *j, int status, const char *want)
{
	char *got = words_for(j, status);

	assert_string_equal(got, want);
	free(got);
}

/* An incident: the rollback to v1.4.0 was cut off (UNKNOWN) and never
 * read back. Nothing may say it is done, nor under way (it may have done
 * all, part or none of its work): it is being verified. */
static void
an_unknown_rollback_is_not_called_done(void **state)
{
	struct journal j = { .n = 0 };
	struct cause c;
	char json[128];
	const char *op;

	ran(&j, "api-1", "api", "v1.5.0-bad");
	verdict(&j, "api-1", "ROLLBACK IMMEDIATELY");
	op = intent(&j, "compose.rollback", "api-1", "api", "v1.5.0-bad", "v1.4.0");
	end(&j, "action.end", "api-1", op, "unknown");
	add(&j, "shutdown", NULL, "{\"signal\":\"SIGHUP\"}");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(c.state, CAUSE_UNDER_WAY);
	assert_int_equal(c.nunknown, 1);
	says(&j, WR_TEMPLATE_IDENTIFIED, "The cause is release v1.5.0-bad of api; we are "
	    "verifying whether the rollback to v1.4.0 took effect.");
	says(&j, WR_TEMPLATE_MONITORING, "We are verifying whether the rollback of api to v1.4.0 "
	    "took effect; we are watching its error rate.");
	says(&j, WR_TEMPLATE_RESOLVED, "Not resolved yet: we are verifying whether the rollback "
	    "of api took effect; we are still working on it.");
	/* Still running (no action.end yet): under way, which it is. */
	j.n -= 2;
	cJSON_Delete(j.v[j.n].data);
	cJSON_Delete(j.v[j.n + 1].data);
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(c.state, CAUSE_UNDER_WAY);
	assert_int_equal(c.nunknown, 0);
	says(&j, WR_TEMPLATE_MONITORING,
	    "A rollback of api to v1.4.0 is under way; we are watching its error rate.");
	/* Its console killed (kill -9: no end at all), as the resume found:
	 * UNKNOWN, verified, not under way. */
	add(&j, "incident.resume", NULL, "{\"unknown_ops\":[\"op-other\"]}");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(c.nunknown, 0);
	snprintf(json, sizeof(json), "{\"unknown_ops\":[\"op-1\",\"%s\"]}", op);
	add(&j, "incident.resume", NULL, json);
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(c.state, CAUSE_UNDER_WAY);
	assert_int_equal(c.nunknown, 1);
	says(&j, WR_TEMPLATE_IDENTIFIED, "The cause is release v1.5.0-bad of api; we are "
	    "verifying whether the rollback to v1.4.0 took effect.");
	/* Read back since: back, as before. */
	end(&j, "action.reconcile", "api-1", op, "ok");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(c.state, CAUSE_BACK);
	done(&j);
}

/* Read back after the restart and found at v1.4.0: back on it since the
 * re-read, which is when the journal first proved it. */
static void
a_reconciled_rollback_is_back_since_the_reconcile(void **state)
{
	struct journal j = { .n = 0 };
	struct cause c;
	const char *op;

	ran(&j, "api-1", "api", "v1.5.0-bad");
	verdict(&j, "api-1", "ROLLBACK IMMEDIATELY");
	op = intent(&j, "compose.rollback", "api-1", "api", "v1.5.0-bad", "v1.4.0");
	end(&j, "action.end", "api-1", op, "unknown");
	end(&j, "action.reconcile", "api-1", op, "ok");
	j.v[j.n - 1].ts_ms = T0 + 613000;         /* 02:40:13 */
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(c.state, CAUSE_BACK);
	assert_int_equal(c.since_ms, T0 + 613000);
	says(&j, WR_TEMPLATE_IDENTIFIED,
	    "The cause is release v1.5.0-bad of api; it is back on v1.4.0 since 02:40 UTC.");
	says(&j, WR_TEMPLATE_MONITORING,
	    "api is back on v1.4.0 since 02:40 UTC; we are watching its error rate.");
	says(&j, WR_TEMPLATE_RESOLVED,
	    "Resolved: api runs v1.4.0 and error rates are normal again (as of 02:50 UTC).");
	done(&j);
}

/* A rollback that ended ok is back since its action.end; one that failed,
 * or was settled by hand as not taking effect, is never called done. */
static void
ok_since_its_end_and_failed_never_done(void **state)
{
	struct journal j = { .n = 0 };
	struct cause c;
	const char *op;

	ran(&j, "h1", "api", "v2-bad");
	verdict(&j, "h1", "CONSIDER ROLLBACK");
	rollback(&j, "k8s.undo", "h1", "api", "v2-bad", "v1");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(c.state, CAUSE_BACK);
	assert_int_equal(c.since_ms, T0 + 3000);
	says(&j, WR_TEMPLATE_MONITORING,
	    "api is back on v1 since 02:30 UTC; we are watching its error rate.");
	/* Rolled on from v1 to v0, which failed: that is where `to` points. */
	op = intent(&j, "k8s.undo", "h1", "api", "v1", "v0");
	end(&j, "action.end", "h1", op, "failed");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_string_equal(c.to, "v0");
	assert_int_equal(c.state, CAUSE_NOT_BACK);
	says(&j, WR_TEMPLATE_IDENTIFIED,
	    "The cause is release v2-bad of api; we are working on a fix.");
	says(&j, WR_TEMPLATE_MONITORING,
	    "We are watching the error rate of api while we work on a fix.");
	done(&j);

	ran(&j, "h1", "api", "v2-bad");
	op = intent(&j, "helm.rollback", "h1", "api", "v2-bad", "v1");
	end(&j, "action.end", "h1", op, "unknown");
	add_op(&j, "action.reconcile", "h1", op, "{\"by\":\"hand\",\"outcome\":\"failed\"}");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(c.state, CAUSE_NOT_BACK);
	says(&j, WR_TEMPLATE_RESOLVED, "Not resolved yet: we are still working on a fix for api.");
	done(&j);
}

/* No rollback in the journal: no release, tag or rollback is named, and
 * every status's words are whole (no placeholder left unfilled). */
static void
no_rollback_claims_nothing(void **state)
{
	struct journal j = { .n = 0 };
	char tpl[16] = "x";
	int t;

	says(&j, WR_TEMPLATE_IDENTIFIED,
	    "We have identified the cause of the elevated errors and are working on a fix.");
	says(&j, WR_TEMPLATE_MONITORING,
	    "We are watching the error rates and will post again shortly.");
	says(&j, WR_TEMPLATE_RESOLVED, "Resolved: error rates are normal again (as of 02:50 UTC).");
	for (t = 0; t < WR_TEMPLATE_COUNT; t++) {
		char *w = words_for(&j, t);

		assert_null(strchr(w, '{'));
		free(w);
	}
	cause_template(WR_TEMPLATE_COUNT, NULL, 0, tpl, sizeof(tpl));
	assert_string_equal(tpl, "");
	done(&j);
}

static void
says_on(const struct journal *j, const struct config_host *hosts, size_t nhosts, int status,
    const char *want)
{
	char *got = words_on(j, hosts, nhosts, status);

	assert_string_equal(got, want);
	free(got);
}

/* A host of the config, running one or two services. */
static void
host_of(struct config_host *h, const char *name, const char *svc, const char *svc2)
{
	memset(h, 0, sizeof(*h));
	snprintf(h->name, sizeof(h->name), "%s", name);
	snprintf(h->services[h->nservices++], sizeof(h->services[0]), "%s", svc);
	if (svc2 != NULL)
		snprintf(h->services[h->nservices++], sizeof(h->services[0]), "%s", svc2);
}

/* The last record at 02:MM:SS. */
static void
at(struct journal *j, int min, int sec)
{
	j->v[j->n - 1].ts_ms = T0 + (int64_t)(min - 30) * 60000 + sec * 1000;
}

/* An incident on the demo fleet: api on api-1, k8s-bastion and
 * helm-bastion. api-1 rolled back OK at 02:36, k8s-bastion's rollback cut
 * off (UNKNOWN), helm-bastion untouched on the bad release (helm calls it
 * 1.5.0-bad): api is not back, whatever api-1's rollback says. It is when
 * the last host is, and since then. */
static void
the_service_is_back_only_when_every_host_is(void **state)
{
	struct journal j = { .n = 0 };
	struct config_host fleet[3];
	struct cause c;
	char since[32];
	const char *op;

	host_of(&fleet[0], "api-1", "api", "jobs");
	host_of(&fleet[1], "k8s-bastion", "api", NULL);
	host_of(&fleet[2], "helm-bastion", "api", NULL);
	ran(&j, "api-1", "api", "v1.5.0-bad");
	ran(&j, "api-1", "jobs", "v1.4.0");
	ran(&j, "k8s-bastion", "api", "v1.5.0-bad");
	ran(&j, "helm-bastion", "api", "1.5.0-bad");    /* helm's name for it */
	verdict(&j, "api-1", "ROLLBACK IMMEDIATELY");
	verdict(&j, "helm-bastion", "ROLLBACK IMMEDIATELY");
	rollback(&j, "compose.rollback", "api-1", "api", "v1.5.0-bad", "v1.4.1");
	at(&j, 36, 10);
	/* A poll begun before the rollback: news of readyz, not of the tag. */
	add(&j, "health.change", "api-1", "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\","
	    "\"readyz\":\"FAIL\",\"was_tag\":\"v1.5.0-bad\",\"was_readyz\":\"OK\"}");
	op = intent(&j, "k8s.undo", "k8s-bastion", "api", "v1.5.0-bad", "v1.4.1");
	end(&j, "action.end", "k8s-bastion", op, "unknown");
	assert_int_equal(cause_find(j.v, j.n, fleet, 3, &c), 1);
	assert_string_equal(c.host, "api-1");
	assert_int_equal(c.state, CAUSE_UNDER_WAY);
	assert_int_equal(c.nhosts, 3);
	assert_int_equal(c.nback, 1);
	assert_int_equal(c.nunder_way, 1);
	assert_int_equal(c.nunknown, 1);
	cause_since(&c, since, sizeof(since));
	assert_string_equal(since, "a time not confirmed yet");
	says_on(&j, fleet, 3, WR_TEMPLATE_IDENTIFIED, "The cause is release v1.5.0-bad of api; "
	    "it is rolled back on 1 of 3 hosts and we are verifying whether a rollback took "
	    "effect on 1 more.");
	says_on(&j, fleet, 3, WR_TEMPLATE_MONITORING, "api is rolled back on 1 of 3 hosts and we "
	    "are verifying whether a rollback took effect on 1 more; we are watching its error "
	    "rate.");
	says_on(&j, fleet, 3, WR_TEMPLATE_RESOLVED, "Resolved in part: api is rolled back on 1 of 3 "
	    "hosts and we are verifying whether a rollback took effect on 1 more; we are still "
	    "working on the others.");

	/* k8s-bastion read back at v1.4.1; helm-bastion still on the bad one. */
	end(&j, "action.reconcile", "k8s-bastion", op, "ok");
	at(&j, 37, 41);
	assert_int_equal(cause_find(j.v, j.n, fleet, 3, &c), 1);
	assert_int_equal(c.state, CAUSE_NOT_BACK);
	assert_int_equal(c.nback, 2);
	says_on(&j, fleet, 3, WR_TEMPLATE_IDENTIFIED, "The cause is release v1.5.0-bad of api; "
	    "it is rolled back on 2 of 3 hosts and we are working on the rest.");
	says_on(&j, fleet, 3, WR_TEMPLATE_MONITORING, "api is rolled back on 2 of 3 hosts; we are "
	    "watching its error rate while we work on the rest.");
	says_on(&j, fleet, 3, WR_TEMPLATE_RESOLVED, "Resolved in part: api is rolled back on 2 of 3 "
	    "hosts; we are still working on the others.");

	/* The last one back at 02:39:02: back since then, not since 02:36. */
	rollback(&j, "helm.rollback", "helm-bastion", "api", "1.5.0-bad", "1.4.1");
	at(&j, 39, 2);
	ran(&j, "helm-bastion", "api", "1.4.1");
	assert_int_equal(cause_find(j.v, j.n, fleet, 3, &c), 1);
	assert_int_equal(c.state, CAUSE_BACK);
	assert_int_equal(c.nback, 3);
	assert_true(c.one_tag);
	assert_int_equal(c.since_ms, T0 + 9 * 60000 + 2000);
	says_on(&j, fleet, 3, WR_TEMPLATE_IDENTIFIED,
	    "The cause is release v1.5.0-bad of api; it is back on v1.4.1 since 02:39 UTC.");
	says_on(&j, fleet, 3, WR_TEMPLATE_MONITORING,
	    "api is back on v1.4.1 since 02:39 UTC; we are watching its error rate.");
	says_on(&j, fleet, 3, WR_TEMPLATE_RESOLVED,
	    "Resolved: api runs v1.4.1 and error rates are normal again (as of 02:50 UTC).");
	done(&j);
}

/* Several hosts, one rollback running and one UNKNOWN: the running one is
 * under way, the UNKNOWN one is being verified; with none back yet the
 * sentence starts with either. */
static void
running_and_unknown_are_told_apart(void **state)
{
	struct journal j = { .n = 0 };
	struct config_host fleet[3];
	struct cause c;
	const char *op1;

	(void)state;
	host_of(&fleet[0], "h1", "api", NULL);
	host_of(&fleet[1], "h2", "api", NULL);
	host_of(&fleet[2], "h3", "api", NULL);
	ran(&j, "h1", "api", "v2-bad");
	ran(&j, "h2", "api", "v2-bad");
	ran(&j, "h3", "api", "v2-bad");
	op1 = intent(&j, "compose.rollback", "h1", "api", "v2-bad", "v1");
	end(&j, "action.end", "h1", op1, "unknown");
	intent(&j, "compose.rollback", "h2", "api", "v2-bad", "v1");
	assert_int_equal(cause_find(j.v, j.n, fleet, 3, &c), 1);
	assert_int_equal(c.nunder_way, 2);
	assert_int_equal(c.nunknown, 1);
	says_on(&j, fleet, 3, WR_TEMPLATE_IDENTIFIED, "The cause is release v2-bad of api; a "
	    "rollback is under way on 1 of 3 hosts and we are verifying whether another took "
	    "effect on 1 of 3 hosts.");
	says_on(&j, fleet, 3, WR_TEMPLATE_MONITORING, "A rollback is under way on 1 of 3 hosts and "
	    "we are verifying whether another took effect on 1 of 3 hosts; we are watching the "
	    "error rate of api.");
	says_on(&j, fleet, 3, WR_TEMPLATE_RESOLVED, "Not resolved yet: we are verifying whether "
	    "the rollback of api took effect; we are still working on it.");
	/* Two hosts, the one rollback UNKNOWN, none back. */
	done(&j);
	ran(&j, "h1", "api", "v2-bad");
	ran(&j, "h2", "api", "v2-bad");
	op1 = intent(&j, "compose.rollback", "h1", "api", "v2-bad", "v1");
	end(&j, "action.end", "h1", op1, "unknown");
	assert_int_equal(cause_find(j.v, j.n, fleet, 2, &c), 1);
	says_on(&j, fleet, 2, WR_TEMPLATE_MONITORING, "We are verifying whether a rollback took "
	    "effect on 1 of 2 hosts; we are watching the error rate of api.");
	done(&j);
}

/* A host that never ran the bad release has nothing to roll back and is
 * not counted; one that runs the service but was never read is, and is
 * not called back. Rollbacks running on every counted host: under way. */
static void
a_host_that_never_ran_the_bad_release(void **state)
{
	struct journal j = { .n = 0 };
	struct config_host fleet[4];
	struct cause c;
	const char *op1, *op2;

	host_of(&fleet[0], "h1", "api", NULL);
	host_of(&fleet[1], "h2", "api", NULL);
	host_of(&fleet[2], "h3", "api", NULL);
	host_of(&fleet[3], "h4", "jobs", NULL);
	ran(&j, "h1", "api", "v2-bad");
	ran(&j, "h2", "api", "v2-bad");
	ran(&j, "h3", "api", "v1");
	ran(&j, "h4", "jobs", "v2-bad");
	verdict(&j, "h1", "CONSIDER ROLLBACK");
	op1 = intent(&j, "compose.rollback", "h1", "api", "v2-bad", "v1");
	op2 = intent(&j, "compose.rollback", "h2", "api", "v2-bad", "v1");
	assert_int_equal(cause_find(j.v, j.n, fleet, 4, &c), 1);
	assert_int_equal(c.state, CAUSE_UNDER_WAY);
	assert_int_equal(c.nhosts, 2);
	says_on(&j, fleet, 4, WR_TEMPLATE_IDENTIFIED,
	    "The cause is release v2-bad of api; a rollback is under way on 2 of 2 hosts.");
	says_on(&j, fleet, 4, WR_TEMPLATE_MONITORING,
	    "A rollback of api is under way on 2 of 2 hosts; we are watching its error rate.");
	end(&j, "action.end", "h2", op2, "ok");
	at(&j, 41, 0);
	end(&j, "action.end", "h1", op1, "ok");
	at(&j, 40, 0);
	assert_int_equal(cause_find(j.v, j.n, fleet, 4, &c), 1);
	assert_int_equal(c.state, CAUSE_BACK);
	says_on(&j, fleet, 4, WR_TEMPLATE_MONITORING,
	    "api is back on v1 since 02:41 UTC; we are watching its error rate.");

	/* A fifth host runs api and was never read: not known to be back. */
	host_of(&fleet[3], "h5", "api", NULL);
	assert_int_equal(cause_find(j.v, j.n, fleet, 4, &c), 1);
	assert_int_equal(c.state, CAUSE_NOT_BACK);
	assert_int_equal(c.nhosts, 3);
	says_on(&j, fleet, 4, WR_TEMPLATE_IDENTIFIED, "The cause is release v2-bad of api; "
	    "it is rolled back on 2 of 3 hosts and we are working on the rest.");
	done(&j);
}

/* Back everywhere, but on different tags: no one tag is named. A host
 * read on the bad release again is not back; nor is one read off it
 * after a failed rollback (what is read may be a template whose rollout
 * never completed): a later rollback that ends OK is, since its end. */
static void
back_on_different_tags_and_read_again(void **state)
{
	struct journal j = { .n = 0 };
	struct config_host fleet[2];
	struct cause c;
	const char *op;

	host_of(&fleet[0], "h1", "api", NULL);
	host_of(&fleet[1], "h2", "api", NULL);
	ran(&j, "h1", "api", "v2-bad");
	ran(&j, "h2", "api", "v2-bad");
	rollback(&j, "compose.rollback", "h1", "api", "v2-bad", "v1.1");
	rollback(&j, "helm.rollback", "h2", "api", "v2-bad", "v1.0");
	at(&j, 42, 30);
	assert_int_equal(cause_find(j.v, j.n, fleet, 2, &c), 1);
	assert_int_equal(c.state, CAUSE_BACK);
	assert_false(c.one_tag);
	says_on(&j, fleet, 2, WR_TEMPLATE_IDENTIFIED,
	    "The cause is release v2-bad of api; it is rolled back on every host since 02:42 UTC.");
	says_on(&j, fleet, 2, WR_TEMPLATE_MONITORING,
	    "api is rolled back on every host since 02:42 UTC; we are watching its error rate.");
	says_on(&j, fleet, 2, WR_TEMPLATE_RESOLVED,
	    "Resolved: error rates of api are normal again (as of 02:50 UTC).");

	ran(&j, "h2", "api", "v2-bad");
	assert_int_equal(cause_find(j.v, j.n, fleet, 2, &c), 1);
	assert_int_equal(c.state, CAUSE_NOT_BACK);
	assert_int_equal(c.nback, 1);
	op = intent(&j, "helm.rollback", "h2", "api", "v2-bad", "v1.1");
	end(&j, "action.end", "h2", op, "failed");
	assert_int_equal(cause_find(j.v, j.n, fleet, 2, &c), 1);
	assert_int_equal(c.state, CAUSE_NOT_BACK);
	ran(&j, "h2", "api", "v1.1");
	at(&j, 45, 0);
	assert_int_equal(cause_find(j.v, j.n, fleet, 2, &c), 1);
	assert_int_equal(c.state, CAUSE_NOT_BACK);
	assert_int_equal(c.nback, 1);
	assert_int_equal(c.nfailed, 1);
	rollback(&j, "helm.rollback", "h2", "api", "v2-bad", "v1.1");
	at(&j, 46, 0);
	assert_int_equal(cause_find(j.v, j.n, fleet, 2, &c), 1);
	assert_int_equal(c.state, CAUSE_BACK);
	assert_true(c.one_tag);
	says_on(&j, fleet, 2, WR_TEMPLATE_IDENTIFIED,
	    "The cause is release v2-bad of api; it is back on v1.1 since 02:46 UTC.");
	done(&j);
}

/* of six hosts on the bad release, h1, h3 and h4 rolled back OK; h2's
 * k8s undo ended FAILED (rollout status gave up at 2/3 ready), and the
 * poller then read the target in its pod template. The texts said "rolled
 * back on 4 of 6 hosts"; h2 is not rolled back, and the words say a
 * rollback did not complete there, whatever else is going on. */
static void
a_failed_rollback_is_not_counted_rolled_back(void **state)
{
	static const char *const names[] = { "h1", "h2", "h3", "h4", "h5", "h7" };
	struct journal j = { .n = 0 };
	struct config_host fleet[6];
	struct cause c;
	const char *op;
	size_t i;

	(void)state;
	for (i = 0; i < 6; i++) {
		host_of(&fleet[i], names[i], "api", NULL);
		ran(&j, names[i], "api", strcmp(names[i], "h3") == 0 ? "1.5.0-bad" : "v1.5.0-bad");
	}
	verdict(&j, "h1", "ROLLBACK IMMEDIATELY");
	rollback(&j, "compose.rollback", "h1", "api", "v1.5.0-bad", "v1.4.1");
	op = intent(&j, "k8s.undo", "h2", "api", "v1.5.0-bad", "v1.4.1");
	add_op(&j, "action.end", "h2", op, "{\"outcome\":\"failed\",\"detail\":\"rollout "
	    "status exited 1; rollout not complete: 2/3 ready after 120 s\"}");
	add(&j, "health.change", "h2", "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"was_tag\":\"v1.5.0-bad\"}");
	rollback(&j, "helm.rollback", "h3", "api", "1.5.0-bad", "1.4.1");
	rollback(&j, "compose.rollback", "h4", "api", "v1.5.0-bad", "v1.4.1");
	assert_int_equal(cause_find(j.v, j.n, fleet, 6, &c), 1);
	assert_int_equal(c.nhosts, 6);
	assert_int_equal(c.nback, 3);
	assert_int_equal(c.nfailed, 1);
	assert_int_equal(c.state, CAUSE_NOT_BACK);
	assert_int_equal(cause_outcome(&c), CAUSE_OUTCOME_FAILED);
	says_on(&j, fleet, 6, WR_TEMPLATE_IDENTIFIED, "The cause is release v1.5.0-bad of api; "
	    "it is rolled back on 3 of 6 hosts; a rollback did not complete on 1 more and we are "
	    "working on the rest.");
	says_on(&j, fleet, 6, WR_TEMPLATE_MONITORING, "api is rolled back on 3 of 6 hosts; a "
	    "rollback did not complete on 1 more; we are watching its error rate while we work "
	    "on the rest.");
	says_on(&j, fleet, 6, WR_TEMPLATE_RESOLVED, "Resolved in part: api is rolled back on 3 of "
	    "6 hosts; a rollback did not complete on 1 more; we are still working on the others.");

	/* h5's rollback under way and h7's FAILED too: both said. */
	intent(&j, "k8s.undo", "h5", "api", "v1.5.0-bad", "v1.4.1");
	op = intent(&j, "compose.rollback", "h7", "api", "v1.5.0-bad", "v1.4.1");
	end(&j, "action.end", "h7", op, "failed");
	assert_int_equal(cause_find(j.v, j.n, fleet, 6, &c), 1);
	assert_int_equal(c.nfailed, 2);
	says_on(&j, fleet, 6, WR_TEMPLATE_IDENTIFIED, "The cause is release v1.5.0-bad of api; "
	    "it is rolled back on 3 of 6 hosts and a rollback is under way on 1 more; rollbacks "
	    "did not complete on 2 more.");
	says_on(&j, fleet, 6, WR_TEMPLATE_RESOLVED, "Resolved in part: api is rolled back on 3 of "
	    "6 hosts and a rollback is under way on 1 more; rollbacks did not complete on 2 more; "
	    "we are still working on the others.");
	done(&j);
}

/* h2's undo ended FAILED ("rollout not complete: 2/3 ready after 120
 * s") and its rollout completed by itself a minute later. Once the
 * console read it complete and said so (action.reconcile by "rollout"),
 * h2 is rolled back: "did not complete on 1 more" goes, and the service
 * is back since the rollout completed. */
static void
a_failed_rollback_whose_rollout_completed_later_is_back(void **state)
{
	struct journal j = { .n = 0 };
	struct config_host fleet[2];
	struct cause c;
	const char *op;

	(void)state;
	host_of(&fleet[0], "h1", "api", NULL);
	host_of(&fleet[1], "h2", "api", NULL);
	ran(&j, "h1", "api", "v1.5.0-bad");
	ran(&j, "h2", "api", "v1.5.0-bad");
	verdict(&j, "h1", "ROLLBACK IMMEDIATELY");
	rollback(&j, "k8s.undo", "h1", "api", "v1.5.0-bad", "v1.4.1");
	op = intent(&j, "k8s.undo", "h2", "api", "v1.5.0-bad", "v1.4.1");
	add_op(&j, "action.end", "h2", op, "{\"outcome\":\"failed\",\"detail\":\"rollout "
	    "status exited 1; rollout not complete: 2/3 ready after 120 s\",\"rollout\":"
	    "{\"revision\":7,\"tag\":\"v1.4.1\",\"ready\":2,\"desired\":3}}");
	assert_int_equal(cause_find(j.v, j.n, fleet, 2, &c), 1);
	assert_int_equal(c.nfailed, 1);
	says_on(&j, fleet, 2, WR_TEMPLATE_IDENTIFIED, "The cause is release v1.5.0-bad of api; "
	    "it is rolled back on 1 of 2 hosts; a rollback did not complete on 1 more and we are "
	    "working on the rest.");
	/* Completed at 02:31:00, read at 02:31:02. */
	add_op(&j, "action.reconcile", "h2", op, "{\"by\":\"rollout\",\"outcome\":\"ok\","
	    "\"completed_ts\":\"2026-11-27T02:31:00.000Z\"}");
	j.v[j.n - 1].ts_ms = T0 + 62000;
	assert_int_equal(cause_find(j.v, j.n, fleet, 2, &c), 1);
	assert_int_equal(c.nfailed, 0);
	assert_int_equal(c.nback, 2);
	assert_int_equal(c.state, CAUSE_BACK);
	assert_int_equal(c.since_ms, T0 + 60000);
	assert_int_equal(cause_outcome(&c), CAUSE_OUTCOME_NONE);
	says_on(&j, fleet, 2, WR_TEMPLATE_IDENTIFIED, "The cause is release v1.5.0-bad of api; "
	    "it is back on v1.4.1 since 02:31 UTC.");
	done(&j);
}

/* h2's undo was cut off (UNKNOWN) and the engineer settled it FAILED by
 * hand; a reading a minute later found h2 at the target with /readyz
 * ready, and the console said so (action.reconcile by "reading", the
 * hand FAILED kept before it). The reading wins: h2 is rolled back, the
 * service back on v1.4.1 since that reading, no rollback "did not
 * complete" any more. */
static void
a_hand_failed_a_later_reading_contradicts_is_back(void **state)
{
	struct journal j = { .n = 0 };
	struct config_host fleet[2];
	struct cause c;
	const char *op;

	(void)state;
	host_of(&fleet[0], "h1", "api", NULL);
	host_of(&fleet[1], "h2", "api", NULL);
	ran(&j, "h1", "api", "v1.5.0-bad");
	ran(&j, "h2", "api", "v1.5.0-bad");
	verdict(&j, "h1", "ROLLBACK IMMEDIATELY");
	rollback(&j, "compose.rollback", "h1", "api", "v1.5.0-bad", "v1.4.1");
	op = intent(&j, "compose.rollback", "h2", "api", "v1.5.0-bad", "v1.4.1");
	end(&j, "action.end", "h2", op, "unknown");
	add_op(&j, "action.reconcile", "h2", op, "{\"by\":\"hand\",\"outcome\":\"failed\"}");
	assert_int_equal(cause_find(j.v, j.n, fleet, 2, &c), 1);
	assert_int_equal(c.nfailed, 1);
	assert_int_not_equal(c.state, CAUSE_BACK);
	add_op(&j, "action.reconcile", "h2", op, "{\"action\":\"compose.rollback\","
	    "\"by\":\"reading\",\"outcome\":\"ok\",\"settled_ts\":"
	    "\"2026-11-27T02:30:05.000Z\",\"tag\":\"v1.4.1\"}");
	j.v[j.n - 1].ts_ms = T0 + 65000;
	assert_int_equal(cause_find(j.v, j.n, fleet, 2, &c), 1);
	assert_int_equal(c.nfailed, 0);
	assert_int_equal(c.nback, 2);
	assert_int_equal(c.state, CAUSE_BACK);
	assert_int_equal(c.since_ms, T0 + 65000);
	says_on(&j, fleet, 2, WR_TEMPLATE_IDENTIFIED, "The cause is release v1.5.0-bad of api; "
	    "it is back on v1.4.1 since 02:31 UTC.");
	done(&j);
}

static void
says_not_ok(const struct journal *j, const struct config_host *hosts, size_t nhosts,
    int not_ok, const char *want)
{
	char *got = words_not_ok(j, hosts, nhosts, WR_TEMPLATE_RESOLVED, not_ok);

	assert_string_equal(got, want);
	free(got);
}

/* A resolve: api rolled back on api-1 only, k8s-bastion and
 * helm-bastion still on the bad release and ROLLBACK IMMEDIATELY. The
 * words warroom drafts for "resolved" claim nothing is normal or back
 * until every host is back and no verdict asks for a rollback. */
static void
resolved_is_not_normal_while_a_host_is_not(void **state)
{
	struct journal j = { .n = 0 };
	struct config_host fleet[3];

	host_of(&fleet[0], "api-1", "api", NULL);
	host_of(&fleet[1], "k8s-bastion", "api", NULL);
	host_of(&fleet[2], "helm-bastion", "api", NULL);
	/* Nothing rolled back, one host failing: no "normal again". */
	says_not_ok(&j, fleet, 3, 1, "Resolved in part: error rates are still elevated on 1 "
	    "host; we are still working on it.");
	ran(&j, "api-1", "api", "v1.5.0-bad");
	ran(&j, "k8s-bastion", "api", "v1.5.0-bad");
	ran(&j, "helm-bastion", "api", "1.5.0-bad");
	verdict(&j, "api-1", "ROLLBACK IMMEDIATELY");
	verdict(&j, "k8s-bastion", "ROLLBACK IMMEDIATELY");
	verdict(&j, "helm-bastion", "ROLLBACK IMMEDIATELY");
	rollback(&j, "compose.rollback", "api-1", "api", "v1.5.0-bad", "v1.4.1");
	says_not_ok(&j, fleet, 3, 2, "Resolved in part: api is rolled back on 1 of 3 hosts; "
	    "we are still working on the others.");
	/* Whatever the verdicts say, the journal alone forbids it. */
	says_not_ok(&j, fleet, 3, 0, "Resolved in part: api is rolled back on 1 of 3 hosts; "
	    "we are still working on the others.");

	/* Back on every host, but one verdict still asks for a rollback. */
	rollback(&j, "k8s.undo", "k8s-bastion", "api", "v1.5.0-bad", "v1.4.1");
	rollback(&j, "helm.rollback", "helm-bastion", "api", "1.5.0-bad", "1.4.1");
	at(&j, 39, 2);
	says_not_ok(&j, fleet, 3, 1, "Resolved in part: api is back on v1.4.1 since 02:39 UTC, "
	    "but error rates are still elevated on 1 host; we are still working on it.");
	says_not_ok(&j, fleet, 3, 2, "Resolved in part: api is back on v1.4.1 since 02:39 UTC, "
	    "but error rates are still elevated on 2 hosts; we are still working on them.");
	/* Back everywhere and every verdict OK: now it is. */
	says_not_ok(&j, fleet, 3, 0,
	    "Resolved: api runs v1.4.1 and error rates are normal again (as of 02:50 UTC).");
	done(&j);
}

/* "investigating ... since" is when the trouble began: the first verdict
 * asking for a rollback or /healthz failing, else the incident's open;
 * never the time of the post. */
static void
investigating_says_when_it_began(void **state)
{
	struct journal j = { .n = 0 };

	assert_int_equal(cause_began(j.v, 0), 0);
	says(&j, WR_TEMPLATE_INVESTIGATING,
	    "We are investigating elevated errors in the service since a time not confirmed yet.");
	add(&j, "incident.open", NULL, "{\"name\":\"api 5xx\"}");
	at(&j, 31, 0);
	ran(&j, "h1", "api", "v2-bad");
	verdict(&j, "h1", "MONITOR");
	assert_int_equal(cause_began(j.v, j.n), T0 + 60000);
	says(&j, WR_TEMPLATE_INVESTIGATING,
	    "We are investigating elevated errors in the service since 02:31 UTC.");
	verdict(&j, "h1", "CONSIDER ROLLBACK");
	at(&j, 44, 0);
	verdict(&j, "h1", "ROLLBACK IMMEDIATELY");
	at(&j, 46, 0);
	says(&j, WR_TEMPLATE_INVESTIGATING,
	    "We are investigating elevated errors in api since 02:44 UTC.");
	/* A /healthz failing before any verdict came is earlier still. */
	j.v[1].ts_ms = T0 + 13 * 60000;
	cJSON_Delete(j.v[1].data);
	j.v[1].data = cJSON_Parse("{\"service\":\"api\",\"tag\":\"v2-bad\",\"healthz\":\"FAIL\"}");
	says(&j, WR_TEMPLATE_INVESTIGATING,
	    "We are investigating elevated errors in api since 02:43 UTC.");
	done(&j);
}

/* Before any rollback {service} is the one the trouble is in: a failing
 * /healthz's, or the service a host with a bad verdict runs; a host that
 * runs several leaves it unsaid, and the next trouble may name it. */
static void
investigating_names_the_service_in_trouble(void **state)
{
	struct journal j = { .n = 0 };
	char svc[64];

	(void)state;
	ran(&j, "h1", "api", "v2");
	ran(&j, "h1", "worker", "v7");
	verdict(&j, "h1", "ROLLBACK IMMEDIATELY");
	assert_false(cause_trouble_service(j.v, j.n, svc, sizeof(svc)));
	says(&j, WR_TEMPLATE_INVESTIGATING,
	    "We are investigating elevated errors in the service since 02:30 UTC.");
	ran(&j, "h2", "web", "v3");
	verdict(&j, "h2", "MONITOR");
	assert_false(cause_trouble_service(j.v, j.n, svc, sizeof(svc)));
	verdict(&j, "h2", "CONSIDER ROLLBACK");
	assert_true(cause_trouble_service(j.v, j.n, svc, sizeof(svc)));
	assert_string_equal(svc, "web");
	says(&j, WR_TEMPLATE_INVESTIGATING,
	    "We are investigating elevated errors in web since 02:30 UTC.");
	/* Once a rollback names the cause, that service it is. */
	ran(&j, "h3", "billing", "v1-bad");
	intent(&j, "compose.rollback", "h3", "billing", "v1-bad", "v0");
	says(&j, WR_TEMPLATE_INVESTIGATING,
	    "We are investigating elevated errors in billing since 02:30 UTC.");
	done(&j);
}

/* A custom text assumes the rollback worked. Its outcome: UNKNOWN while
 * one is cut off and unsettled, FAILED when the latest failed and nothing
 * said OK there since (a tag read off the bad release is no such word),
 * else none to hold back. */
static void
the_outcome_a_custom_text_must_not_overclaim(void **state)
{
	struct journal j = { .n = 0 };
	struct cause c;
	const char *op;

	assert_int_equal(cause_outcome(NULL), CAUSE_OUTCOME_NONE);
	ran(&j, "h1", "api", "v2-bad");
	op = intent(&j, "compose.rollback", "h1", "api", "v2-bad", "v1");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(cause_outcome(&c), CAUSE_OUTCOME_NONE);        /* under way */
	end(&j, "action.end", "h1", op, "unknown");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(cause_outcome(&c), CAUSE_OUTCOME_UNKNOWN);
	assert_string_equal(cause_outcome_name(cause_outcome(&c)), "UNKNOWN");
	end(&j, "action.reconcile", "h1", op, "failed");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(c.nfailed, 1);
	assert_int_equal(cause_outcome(&c), CAUSE_OUTCOME_FAILED);
	/* Still on the bad release when read again: still FAILED. */
	add(&j, "health.change", "h1", "{\"service\":\"api\",\"tag\":\"v2-bad\"}");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(cause_outcome(&c), CAUSE_OUTCOME_FAILED);
	/* Rolled back again, OK: nothing to hold back. */
	rollback(&j, "compose.rollback", "h1", "api", "v2-bad", "v1");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(c.nfailed, 0);
	assert_int_equal(cause_outcome(&c), CAUSE_OUTCOME_NONE);
	done(&j);

	/* Two hosts: one back, one failed; then the failed one read on v1:
	 * still FAILED, not back, until a rollback there ends OK. */
	ran(&j, "h1", "api", "v2-bad");
	ran(&j, "h2", "api", "v2-bad");
	rollback(&j, "compose.rollback", "h1", "api", "v2-bad", "v1");
	op = intent(&j, "compose.rollback", "h2", "api", "v2-bad", "v1");
	end(&j, "action.end", "h2", op, "failed");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(cause_outcome(&c), CAUSE_OUTCOME_FAILED);
	add(&j, "health.change", "h2", "{\"service\":\"api\",\"tag\":\"v1\"}");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(c.state, CAUSE_NOT_BACK);
	assert_int_equal(cause_outcome(&c), CAUSE_OUTCOME_FAILED);
	rollback(&j, "compose.rollback", "h2", "api", "v2-bad", "v1");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(c.state, CAUSE_BACK);
	assert_int_equal(cause_outcome(&c), CAUSE_OUTCOME_NONE);
	/* UNKNOWN on one host says more than FAILED on another. */
	op = intent(&j, "compose.rollback", "h1", "api", "v2-bad", "v1");
	end(&j, "action.end", "h1", op, "unknown");
	op = intent(&j, "compose.rollback", "h2", "api", "v2-bad", "v1");
	end(&j, "action.end", "h2", op, "failed");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_int_equal(cause_outcome(&c), CAUSE_OUTCOME_UNKNOWN);
	done(&j);
}

/* Which text a post starts from: one's own while nothing is UNKNOWN or
 * FAILED; for such an outcome only a text written for it, else warroom's
 * words, with the own text set aside and said so. */
static void
a_custom_text_gives_way_for_an_unknown_or_failed_rollback(void **state)
{
	const char *own = "We rolled back {service} to {to_tag}.", *dflt = "We are verifying.";
	char why[600];
	bool replaced = true;

	assert_string_equal(cause_words(own, "", CAUSE_OUTCOME_NONE, dflt, &replaced), own);
	assert_false(replaced);
	assert_string_equal(cause_words("", NULL, CAUSE_OUTCOME_NONE, dflt, &replaced), dflt);
	assert_false(replaced);
	assert_string_equal(cause_words(own, "", CAUSE_OUTCOME_UNKNOWN, dflt, &replaced), dflt);
	assert_true(replaced);
	assert_string_equal(cause_words(own, NULL, CAUSE_OUTCOME_FAILED, dflt, &replaced), dflt);
	assert_true(replaced);
	/* Written for the outcome: it goes, own text or none. */
	assert_string_equal(cause_words(own, "Checking {service}.", CAUSE_OUTCOME_UNKNOWN, dflt,
	    &replaced), "Checking {service}.");
	assert_false(replaced);
	assert_string_equal(cause_words(NULL, "Checking.", CAUSE_OUTCOME_FAILED, dflt,
	    &replaced), "Checking.");
	assert_false(replaced);
	/* Nothing of one's own: warroom's words, nothing set aside to say. */
	assert_string_equal(cause_words(NULL, "", CAUSE_OUTCOME_UNKNOWN, dflt, &replaced), dflt);
	assert_false(replaced);

	cause_words_why("your template", "We rolled back api to v1.4.1.", CAUSE_OUTCOME_UNKNOWN,
	    "monitoring_unknown", why, sizeof(why));
	assert_string_equal(why, "your template says \"We rolled back api to v1.4.1.\" but the "
	    "rollback's outcome is UNKNOWN: using the verifying wording (set monitoring_unknown "
	    "in [templates] for your own; edit the text to override)");
	cause_words_why("the runbook's message", "Rollback done: all good, everything on "
	    "v1.4.1 and customers happy again.", CAUSE_OUTCOME_FAILED, "identified_failed", why,
	    sizeof(why));
	assert_string_equal(why, "the runbook's message says \"Rollback done: all good, "
	    "everything on v1.4.1 and customers …\" but the rollback's outcome is FAILED: "
	    "using warroom's wording for a failed rollback (set identified_failed in "
	    "[templates] for your own; edit the text to override)");
}

/* An incident gone bad again: api rolled back off v1.5.0-bad on both
 * hosts (monitoring said "back on v1.4.1"), then outside deploys put
 * v2.1.0-bad on api-1 and v1.7.0-bad on k8s-bastion, each turning its
 * verdict to ROLLBACK IMMEDIATELY. Neither is back: no "rolled back on
 * every host", no "back on v1.7.0-bad"; identified offers no text. */
static void
a_bad_release_deployed_after_the_rollback_is_not_back(void **state)
{
	struct journal j = { .n = 0 };
	struct config_host fleet[2];
	struct cause c;
	char tpl[512], why[512];

	(void)state;
	host_of(&fleet[0], "api-1", "api", NULL);
	host_of(&fleet[1], "k8s-bastion", "api", NULL);
	ran(&j, "api-1", "api", "v1.5.0-bad");
	ran(&j, "k8s-bastion", "api", "v1.5.0-bad");
	verdict(&j, "api-1", "ROLLBACK IMMEDIATELY");
	verdict(&j, "k8s-bastion", "ROLLBACK IMMEDIATELY");
	rollback(&j, "compose.rollback", "api-1", "api", "v1.5.0-bad", "v1.4.1");
	ran(&j, "api-1", "api", "v1.4.1");
	rollback(&j, "k8s.undo", "k8s-bastion", "api", "v1.5.0-bad", "v1.4.1");
	ran(&j, "k8s-bastion", "api", "v1.4.1");
	verdict(&j, "api-1", "OK");
	verdict(&j, "k8s-bastion", "OK");
	says_on(&j, fleet, 2, WR_TEMPLATE_MONITORING,
	    "api is back on v1.4.1 since 02:30 UTC; we are watching its error rate.");

	ran(&j, "api-1", "api", "v2.1.0-bad");
	verdict(&j, "api-1", "ROLLBACK IMMEDIATELY");
	ran(&j, "k8s-bastion", "api", "v1.7.0-bad");
	verdict(&j, "k8s-bastion", "ROLLBACK IMMEDIATELY");
	assert_int_equal(cause_find(j.v, j.n, fleet, 2, &c), 1);
	assert_string_equal(c.from, "v1.5.0-bad");
	assert_int_equal(c.state, CAUSE_NOT_BACK);
	assert_int_equal(c.nhosts, 2);
	assert_int_equal(c.nback, 0);
	assert_int_equal(c.nbad_again, 2);
	assert_false(c.one_tag);
	says_on(&j, fleet, 2, WR_TEMPLATE_MONITORING,
	    "We are watching the error rate of api while we work on a fix.");
	says_not_ok(&j, fleet, 2, 2,
	    "Not resolved yet: we are still working on a fix for api.");
	assert_int_equal(cause_template(WR_TEMPLATE_IDENTIFIED, &c, 2, tpl, sizeof(tpl)), 0);
	assert_string_equal(tpl, "");
	cause_silent_why(&c, why, sizeof(why));
	assert_string_equal(why, "no text offered: api was rolled back from v1.5.0-bad, but "
	    "api-1 runs v2.1.0-bad now (and 1 more host), a release judged bad too: the cause "
	    "is yours to word (type the text, or set it in [templates])");
	/* Investigating never names the cause: unchanged. */
	assert_int_equal(cause_template(WR_TEMPLATE_INVESTIGATING, &c, 2, tpl, sizeof(tpl)), 1);
	done(&j);
}

/* A 5-host mixed fleet: v1.5.0-bad rolled back on h1..h4; h5 (k8s, on
 * v1.4.1, never rolled back, never ran v1.5.0-bad) gets v1.5.1-bad by an
 * outside deploy and turns ROLLBACK IMMEDIATELY; h1 is rolled back again
 * later. h5 runs the service on a release judged bad: nothing is "back". */
static void
a_host_never_rolled_back_on_another_bad_release_is_not_back(void **state)
{
	struct journal j = { .n = 0 };
	static const char *const names[] = { "h1", "h2", "h3", "h4", "h5" };
	static const char *const how[] = { "compose.rollback", "k8s.undo", "helm.rollback",
		"compose.rollback" };
	struct config_host fleet[5];
	struct cause c;
	char tpl[512];
	size_t i;

	(void)state;
	for (i = 0; i < 5; i++)
		host_of(&fleet[i], names[i], "api", i % 3 == 0 ? "jobs" : NULL);
	ran(&j, "h5", "api", "v1.4.1");
	verdict(&j, "h5", "OK");
	for (i = 0; i < 4; i++)
		ran(&j, names[i], "api", "v1.5.0-bad");
	for (i = 0; i < 4; i++)
		verdict(&j, names[i], "ROLLBACK IMMEDIATELY");
	for (i = 0; i < 4; i++) {
		rollback(&j, how[i], names[i], "api", "v1.5.0-bad", "v1.4.1");
		ran(&j, names[i], "api", "v1.4.1");
		verdict(&j, names[i], "OK");
	}
	ran(&j, "h5", "api", "v1.5.1-bad");
	verdict(&j, "h5", "ROLLBACK IMMEDIATELY");
	rollback(&j, "compose.rollback", "h1", "api", "v1.5.0-bad", "v1.4.1");
	ran(&j, "h1", "api", "v1.4.1");
	assert_int_equal(cause_find(j.v, j.n, fleet, 5, &c), 1);
	assert_string_equal(c.from, "v1.5.0-bad");
	assert_int_equal(c.nbad_again, 1);
	assert_string_equal(c.again_host, "h5");
	assert_int_not_equal(c.state, CAUSE_BACK);
	assert_int_equal(cause_template(WR_TEMPLATE_IDENTIFIED, &c, 1, tpl, sizeof(tpl)), 0);
	says_on(&j, fleet, 5, WR_TEMPLATE_MONITORING, "api is rolled back on 4 of 5 hosts; "
	    "we are watching its error rate while we work on the rest.");
	says_not_ok(&j, fleet, 5, 1, "Resolved in part: api is rolled back on 4 of 5 hosts; "
	    "we are still working on the others.");
	done(&j);
}

/* v1.5.0-bad rolled back before any verdict judged it (its turn spared:
 * the host was judged OK under it first), then v1.6.0-bad deployed,
 * judged and rolled back: the incident's impact started with v1.5.0-bad,
 * still bad (no rollback went to it), so that is the cause named. */
static void
the_first_bad_release_not_a_later_judged_one(void **state)
{
	struct journal j = { .n = 0 };
	struct cause c;

	(void)state;
	ran(&j, "h1", "api", "v1.4.1");
	ran(&j, "h1", "api", "v1.5.0-bad");
	verdict(&j, "h1", "OK");
	verdict(&j, "h1", "CONSIDER ROLLBACK");
	rollback(&j, "compose.rollback", "h1", "api", "v1.5.0-bad", "v1.4.1");
	ran(&j, "h1", "api", "v1.4.1");
	verdict(&j, "h1", "OK");
	ran(&j, "h1", "api", "v1.6.0-bad");
	verdict(&j, "h1", "ROLLBACK IMMEDIATELY");
	rollback(&j, "compose.rollback", "h1", "api", "v1.6.0-bad", "v1.4.1");
	ran(&j, "h1", "api", "v1.4.1");
	assert_int_equal(cause_find(j.v, j.n, NULL, 0, &c), 1);
	assert_string_equal(c.from, "v1.5.0-bad");
	assert_string_equal(c.to, "v1.4.1");
	assert_int_equal(c.state, CAUSE_BACK);
	done(&j);
}

/* One host: rolled back off v1.6.0-bad, then v1.7.0-bad deployed by hand
 * while its verdict was still ROLLBACK IMMEDIATELY (no turn judged it).
 * Not "back on v1.7.0-bad": the verdict asks for a rollback on a release
 * no rollback went to. The rollback's own target under a verdict not yet
 * OK again is back, as before. */
static void
back_is_never_a_bad_release_deployed_since(void **state)
{
	struct journal j = { .n = 0 };
	struct config_host fleet[1];
	struct cause c;
	char why[512];

	(void)state;
	host_of(&fleet[0], "k8s-bastion", "api", NULL);
	ran(&j, "k8s-bastion", "api", "v1.6.0-bad");
	verdict(&j, "k8s-bastion", "ROLLBACK IMMEDIATELY");
	rollback(&j, "k8s.undo", "k8s-bastion", "api", "v1.6.0-bad", "v1.4.1");
	ran(&j, "k8s-bastion", "api", "v1.4.1");
	says_on(&j, fleet, 1, WR_TEMPLATE_IDENTIFIED,
	    "The cause is release v1.6.0-bad of api; it is back on v1.4.1 since 02:30 UTC.");
	ran(&j, "k8s-bastion", "api", "v1.7.0-bad");
	assert_int_equal(cause_find(j.v, j.n, fleet, 1, &c), 1);
	assert_int_equal(c.state, CAUSE_NOT_BACK);
	assert_int_equal(c.nbad_again, 1);
	assert_false(c.again_judged);
	says_on(&j, fleet, 1, WR_TEMPLATE_IDENTIFIED, "");
	says_on(&j, fleet, 1, WR_TEMPLATE_MONITORING,
	    "We are watching the error rate of api while we work on a fix.");
	cause_silent_why(&c, why, sizeof(why));
	assert_string_equal(why, "no text offered: api was rolled back from v1.6.0-bad, but "
	    "k8s-bastion runs v1.7.0-bad now, and its verdict asks for a rollback: the cause is "
	    "yours to word (type the text, or set it in [templates])");
	done(&j);
}

/* Every host rolled back over migrations, /readyz saying the schema is
 * ahead (database 0042, release expects 0041), and S offered "api is
 * back on v1.4.1 since 12:41 UTC": a clean return the smoke check calls
 * WARN. The default words say the schema is ahead wherever they say back. */
static void
back_on_a_schema_ahead_says_so(void **state)
{
	struct cause c = { .service = "api", .state = CAUSE_BACK, .one_tag = true, .nhosts = 1,
		.nback = 1 };
	char text[512];

	(void)state;
	assert_int_equal(cause_template(WR_TEMPLATE_MONITORING, &c, 0, text, sizeof(text)), 1);
	assert_int_equal(cause_schema_ahead(text, sizeof(text), "0042", "0041"), 1);
	assert_string_equal(text, "{service} is back on {to_tag} (the database schema is ahead "
	    "of it: 0042 vs 0041) since {since}; we are watching its error rate.");
	assert_int_equal(cause_template(WR_TEMPLATE_RESOLVED, &c, 0, text, sizeof(text)), 1);
	assert_int_equal(cause_schema_ahead(text, sizeof(text), NULL, NULL), 1);
	assert_string_equal(text, "Resolved: {service} runs {to_tag} (the database schema is "
	    "ahead of it) and error rates are normal again (as of {time}).");
	c.one_tag = false;
	c.nhosts = 2;
	c.nback = 2;
	assert_int_equal(cause_template(WR_TEMPLATE_IDENTIFIED, &c, 0, text, sizeof(text)), 1);
	assert_int_equal(cause_schema_ahead(text, sizeof(text), "0042", "0041"), 1);
	assert_non_null(strstr(text, "rolled back on every host (the database schema is ahead "
	    "of it: 0042 vs 0041) since {since}."));
	/* Nothing said back: nothing to amend. */
	assert_int_equal(cause_template(WR_TEMPLATE_INVESTIGATING, &c, 0, text, sizeof(text)),
	    1);
	assert_int_equal(cause_schema_ahead(text, sizeof(text), "0042", "0041"), 0);
	assert_null(strstr(text, "schema"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_judged_release_not_the_latest_rollback),
		cmocka_unit_test(a_judged_rollback_wins_over_an_earlier_one),
		cmocka_unit_test(without_a_judgement_the_first_rollback),
		cmocka_unit_test(a_host_fault_under_a_release_judged_ok_is_not_the_cause),
		cmocka_unit_test(a_release_read_after_the_turn_is_the_one_judged),
		cmocka_unit_test(to_follows_a_chain_of_rollbacks),
		cmocka_unit_test(no_rollback_no_cause),
		cmocka_unit_test(an_unknown_rollback_is_not_called_done),
		cmocka_unit_test(a_reconciled_rollback_is_back_since_the_reconcile),
		cmocka_unit_test(ok_since_its_end_and_failed_never_done),
		cmocka_unit_test(no_rollback_claims_nothing),
		cmocka_unit_test(the_service_is_back_only_when_every_host_is),
		cmocka_unit_test(running_and_unknown_are_told_apart),
		cmocka_unit_test(a_host_that_never_ran_the_bad_release),
		cmocka_unit_test(back_on_different_tags_and_read_again),
		cmocka_unit_test(a_failed_rollback_is_not_counted_rolled_back),
		cmocka_unit_test(a_failed_rollback_whose_rollout_completed_later_is_back),
		cmocka_unit_test(a_hand_failed_a_later_reading_contradicts_is_back),
		cmocka_unit_test(resolved_is_not_normal_while_a_host_is_not),
		cmocka_unit_test(investigating_says_when_it_began),
		cmocka_unit_test(investigating_names_the_service_in_trouble),
		cmocka_unit_test(the_outcome_a_custom_text_must_not_overclaim),
		cmocka_unit_test(a_custom_text_gives_way_for_an_unknown_or_failed_rollback),
		cmocka_unit_test(a_bad_release_deployed_after_the_rollback_is_not_back),
		cmocka_unit_test(back_is_never_a_bad_release_deployed_since),
		cmocka_unit_test(a_host_never_rolled_back_on_another_bad_release_is_not_back),
		cmocka_unit_test(the_first_bad_release_not_a_later_judged_one),
		cmocka_unit_test(back_on_a_schema_ahead_says_so),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
