/*
 * test_probe.c — health, readiness and version bodies as the fleet's
 * service serves them (recorded, also under the bad-json fault and with
 * the container stopped), plus the shapes other services use.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/probe.h"
#include "fixture.h"

#define S(lit) (lit), strlen(lit)

static struct probe_result
judge_fixture(int status, const char *name)
{
	struct probe_result r;
	size_t len;
	char *buf = fixture_read(name, &len);

	probe_health(status, buf, len, &r);
	free(buf);
	return r;
}

static void
recorded_healthy(void **state)
{
	struct probe_result r;

	(void)state;
	r = judge_fixture(200, "drivers/probe_healthz_ok.json");
	assert_int_equal(r.health, PROBE_OK);
	assert_string_equal(r.reason, "HTTP 200");
	r = judge_fixture(200, "drivers/probe_readyz_ok.json");
	assert_int_equal(r.health, PROBE_OK);
	assert_true(r.has_migrations);
	assert_true(r.migrations_current);
	assert_string_equal(r.reason, "HTTP 200: ready, migrations current");
	assert_string_equal(probe_health_name(r.health), "OK");
}

static void
recorded_stopped(void **state)
{
	struct probe_result r;

	(void)state;
	r = judge_fixture(503, "drivers/probe_readyz_stopped.json");
	assert_int_equal(r.health, PROBE_FAIL);
	assert_string_equal(r.reason, "HTTP 503: not ready");
	r = judge_fixture(503, "drivers/probe_healthz_stopped.json");
	assert_int_equal(r.health, PROBE_FAIL);
	assert_string_equal(r.reason, "HTTP 503: status \"down\"");
	assert_string_equal(probe_health_name(r.health), "FAIL");
}

static void
recorded_garbage_is_never_ok(void **state)
{
	struct probe_result r;

	(void)state;
	r = judge_fixture(200, "drivers/probe_healthz_badjson.json");
	assert_int_equal(r.health, PROBE_UNKNOWN);
	assert_string_equal(r.reason, "HTTP 200: malformed JSON body");
	r = judge_fixture(200, "drivers/probe_readyz_badjson.json");
	assert_int_equal(r.health, PROBE_UNKNOWN);
	r = judge_fixture(500, "drivers/probe_readyz_badjson.json");
	assert_int_equal(r.health, PROBE_FAIL);
	assert_string_equal(r.reason, "HTTP 500");
}

static void
status_code_alone(void **state)
{
	struct probe_result r;

	(void)state;
	probe_health(200, S("OK\n"), &r);
	assert_int_equal(r.health, PROBE_OK);
	probe_health(204, NULL, 0, &r);
	assert_int_equal(r.health, PROBE_OK);
	probe_health(400, S("bad request"), &r);
	assert_int_equal(r.health, PROBE_FAIL);
	assert_string_equal(r.reason, "HTTP 400");
	probe_health(429, "", 0, &r);
	assert_int_equal(r.health, PROBE_FAIL);
	probe_health(0, NULL, 0, &r);
	assert_int_equal(r.health, PROBE_UNKNOWN);
	assert_string_equal(r.reason, "no answer");
	assert_string_equal(probe_health_name(r.health), "UNKNOWN");
	probe_health(-1, S("{}"), &r);
	assert_int_equal(r.health, PROBE_UNKNOWN);
}

/* A health_url that reaches no health endpoint (a wrong path, a redirect,
 * a login) says nothing of the service: UNKNOWN with the hint, never FAIL,
 * and its body's fields count for nothing. A 5xx stays FAIL. */
static void
wrong_url_statuses_are_not_fail(void **state)
{
	static const int wrong[] = { 301, 302, 307, 308, 401, 403, 404, 405, 410 };
	struct probe_result r;
	char want[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(wrong) / sizeof(wrong[0]); i++) {
		probe_health(wrong[i], S("{\"ready\":false,\"migrations_current\":false}"), &r);
		assert_int_equal(r.health, PROBE_UNKNOWN);
		assert_true(r.wrong_url);
		assert_false(r.has_ready);
		assert_false(r.has_migrations);
		snprintf(want, sizeof(want), "HTTP %d: is health_url right?", wrong[i]);
		assert_string_equal(r.reason, want);
		assert_true(probe_status_wrong_url(wrong[i]));
	}
	probe_health(404, S("{\"error\": \"not found\"}"), &r);
	assert_string_equal(r.reason, "HTTP 404: is health_url right?");
	/* An nginx 404 page is still a wrong URL, not "an HTML page". */
	probe_health_answer(404, "text/html", false, "", S("<html>404</html>"), &r);
	assert_int_equal(r.health, PROBE_UNKNOWN);
	assert_string_equal(r.reason, "HTTP 404: is health_url right?");
	for (i = 0; i < 4; i++) {
		static const int fail[] = { 500, 503, 400, 429 };

		assert_false(probe_status_wrong_url(fail[i]));
		probe_health(fail[i], S("{}"), &r);
		assert_int_equal(r.health, PROBE_FAIL);
		assert_false(r.wrong_url);
	}
	probe_health(503, S("{\"ready\":false}"), &r);
	assert_int_equal(r.health, PROBE_FAIL);
	assert_string_equal(r.reason, "HTTP 503: not ready");
	probe_health(200, S("{\"ready\":false}"), &r);
	assert_int_equal(r.health, PROBE_FAIL);
	assert_false(probe_status_wrong_url(200));
	assert_false(probe_status_wrong_url(0));
}

static void
json_fields_decide_a_2xx(void **state)
{
	struct probe_result r;

	(void)state;
	/* Ready, the migrations not current and no revisions: OK, with the
	 * warning HOSTS and the health gate both give, and no direction. */
	probe_health(200, S("{\"ready\":true,\"migrations_current\":false}"), &r);
	assert_int_equal(r.health, PROBE_OK);
	assert_int_equal(r.schema, PROBE_SCHEMA_UNSURE);
	assert_int_equal(r.schema_warn, PROBE_SCHEMA_UNSURE);
	assert_string_equal(r.reason, "HTTP 200: " PROBE_WORDS_UNSURE);
	assert_string_equal(r.reason, "HTTP 200: migrations not current: /readyz does not say "
	    "whether the schema is ahead of this release or behind it");
	probe_health(200, S("{\"migrations_current\":false,\"status\":\"warn\"}"), &r);
	assert_int_equal(r.health, PROBE_OK);
	assert_int_equal(r.schema_warn, PROBE_SCHEMA_UNSURE);
	assert_string_equal(r.reason, "HTTP 200: status \"warn\"; " PROBE_WORDS_UNSURE);
	/* Not ready is a FAIL whatever the schema; so is a failing status. */
	probe_health(200, S("{\"ready\":false,\"migrations_current\":false}"), &r);
	assert_int_equal(r.health, PROBE_FAIL);
	assert_int_equal(r.schema_warn, PROBE_SCHEMA_UNSAID);
	assert_string_equal(r.reason, "HTTP 200: not ready");
	probe_health(200, S("{\"status\":\"down\",\"migrations_current\":false}"), &r);
	assert_int_equal(r.health, PROBE_FAIL);
	assert_int_equal(r.schema_warn, PROBE_SCHEMA_UNSAID);
	probe_health(503, S("{\"ready\":true,\"migrations_current\":false}"), &r);
	assert_int_equal(r.health, PROBE_FAIL);
	assert_int_equal(r.schema_warn, PROBE_SCHEMA_UNSAID);
	assert_int_equal(r.schema, PROBE_SCHEMA_UNSURE);   /* read, whatever the status */
	probe_health(200, S("{\"ready\":true,\"migrations_current\":true}"), &r);
	assert_int_equal(r.schema, PROBE_SCHEMA_CURRENT);
	assert_int_equal(r.schema_warn, PROBE_SCHEMA_UNSAID);
	assert_string_equal(r.reason, "HTTP 200: ready, migrations current");
	probe_health(200, S("{\"status\":\"fail\"}"), &r);
	assert_int_equal(r.health, PROBE_FAIL);
	assert_string_equal(r.reason, "HTTP 200: status \"fail\"");
	probe_health(200, S("{\"status\":\"UP\"}"), &r);
	assert_int_equal(r.health, PROBE_OK);
	probe_health(200, S("{\"status\":\"warn\"}"), &r);
	assert_int_equal(r.health, PROBE_OK);
	assert_string_equal(r.reason, "HTTP 200: status \"warn\"");
	probe_health(200, S("{\"ready\":false}"), &r);
	assert_int_equal(r.health, PROBE_FAIL);
	probe_health(200, S("{\"ready\":\"false\",\"status\":7}"), &r);   /* wrong types ignored */
	assert_int_equal(r.health, PROBE_OK);
	assert_false(r.has_ready);
	probe_health(200, S("{\"status\":\"\x1b]0;pwn\x07\"}"), &r);
	assert_string_equal(r.reason, "HTTP 200: status \"^[]0;pwn^G\"");
	probe_health(200, S("[1,2]"), &r);
	assert_int_equal(r.health, PROBE_OK);
}

/* The fleet's /readyz after a rollback (ahead) and after the newer
 * release came back over a downgraded database (behind): the direction
 * comes from the revisions, never from migrations_current alone. */
static void
recorded_schema_ahead_and_behind(void **state)
{
	struct probe_result r;

	(void)state;
	r = judge_fixture(200, "drivers/probe_readyz_ahead.json");
	assert_int_equal(r.health, PROBE_OK);
	assert_true(r.has_migrations);
	assert_false(r.migrations_current);
	assert_int_equal(r.schema, PROBE_SCHEMA_AHEAD);
	assert_int_equal(r.schema_warn, PROBE_SCHEMA_AHEAD);
	assert_string_equal(r.rev_database, "0042");
	assert_string_equal(r.rev_expected, "0041");
	assert_string_equal(r.reason, "HTTP 200: " PROBE_WORDS_AHEAD " (database 0042, release "
	    "expects 0041)");
	r = judge_fixture(200, "drivers/probe_readyz_behind.json");
	assert_int_equal(r.health, PROBE_OK);
	assert_int_equal(r.schema, PROBE_SCHEMA_BEHIND);
	assert_int_equal(r.schema_warn, PROBE_SCHEMA_BEHIND);
	assert_string_equal(r.reason, "HTTP 200: migrations not current: the schema is behind "
	    "this release (database 0041, release expects 0042)");
	r = judge_fixture(200, "drivers/probe_readyz_ok.json");
	assert_int_equal(r.schema, PROBE_SCHEMA_CURRENT);
	assert_int_equal(r.schema_warn, PROBE_SCHEMA_UNSAID);
	assert_string_equal(r.rev_database, "0042");
}

/* The revision fields' other shapes: top-level names, numbers, hashes
 * (equal or not, never a direction), and no boolean at all. */
static void
revisions_give_the_direction(void **state)
{
	struct probe_result r;

	(void)state;
	probe_health(200, S("{\"ready\":true,\"migrations_current\":false,"
	    "\"database_revision\":41,\"expected_revision\":42}"), &r);
	assert_int_equal(r.schema_warn, PROBE_SCHEMA_BEHIND);
	assert_string_equal(r.rev_database, "41");
	/* Numbers compare as numbers, not as text: 9 < 10. */
	probe_health(200, S("{\"migrations\":{\"database\":\"10\",\"expected\":9}}"), &r);
	assert_int_equal(r.schema, PROBE_SCHEMA_AHEAD);
	assert_true(r.has_migrations);
	assert_false(r.migrations_current);
	/* No boolean: equal revisions are current, and say so. */
	probe_health(200, S("{\"migrations\":{\"database\":\"0042\",\"expected\":42}}"),
	    &r);
	assert_int_equal(r.schema, PROBE_SCHEMA_CURRENT);
	assert_string_equal(r.reason, "HTTP 200: migrations current");
	/* alembic's hashes: unequal says not current, not which way. */
	probe_health(200, S("{\"ready\":true,\"migrations\":{\"database\":\"ae1027a6acf\","
	    "\"expected\":\"27c6a30d7c24\"}}"), &r);
	assert_int_equal(r.schema_warn, PROBE_SCHEMA_UNSURE);
	assert_string_equal(r.reason, "HTTP 200: " PROBE_WORDS_UNSURE " (database ae1027a6acf, "
	    "release expects 27c6a30d7c24)");
	probe_health(200, S("{\"migrations\":{\"database\":\"ae1027a6acf\","
	    "\"expected\":\"ae1027a6acf\"}}"), &r);
	assert_int_equal(r.schema, PROBE_SCHEMA_CURRENT);
	/* A 12-digit hash that happens to hold no letter is no number. */
	probe_health(200, S("{\"migrations\":{\"database\":\"202401011200\","
	    "\"expected\":\"202312011200\"}}"), &r);
	assert_int_equal(r.schema, PROBE_SCHEMA_UNSURE);
	/* One side a number, the other a hash: unequal, no direction. */
	probe_health(200, S("{\"migrations\":{\"database\":42,\"expected\":\"ae10\"}}"), &r);
	assert_int_equal(r.schema, PROBE_SCHEMA_UNSURE);
	/* The boolean says whether: true wins over revisions that differ,
	 * false over revisions that are equal (then no direction). */
	probe_health(200, S("{\"migrations_current\":true,\"migrations\":{\"database\":41,"
	    "\"expected\":42}}"), &r);
	assert_int_equal(r.schema, PROBE_SCHEMA_CURRENT);
	assert_int_equal(r.schema_warn, PROBE_SCHEMA_UNSAID);
	probe_health(200, S("{\"migrations_current\":false,\"migrations\":{\"database\":42,"
	    "\"expected\":42}}"), &r);
	assert_int_equal(r.schema, PROBE_SCHEMA_UNSURE);
	/* The object form first; the top-level pair when it is unusable. */
	probe_health(200, S("{\"migrations_current\":false,\"migrations\":{\"database\":null,"
	    "\"expected\":42},\"database_revision\":43,\"expected_revision\":42}"), &r);
	assert_int_equal(r.schema, PROBE_SCHEMA_AHEAD);
	assert_string_equal(r.rev_database, "43");
}

/* Revisions that are not data are not read: the reading falls back to
 * the boolean, which alone never gives a direction. */
static void
garbage_revisions_give_no_direction(void **state)
{
	static const char *const bodies[] = {
		"{\"migrations_current\":false,\"migrations\":\"database at 0041, api 0042\"}",
		"{\"migrations_current\":false,\"migrations\":{\"database\":\"0041\"}}",
		"{\"migrations_current\":false,\"migrations\":{\"database\":41.5,\"expected\":42}}",
		"{\"migrations_current\":false,\"migrations\":{\"database\":-1,\"expected\":42}}",
		"{\"migrations_current\":false,\"migrations\":{\"database\":1e300,\"expected\":2}}",
		"{\"migrations_current\":false,\"migrations\":{\"database\":true,\"expected\":42}}",
		"{\"migrations_current\":false,\"migrations\":{\"database\":\"\",\"expected\":42}}",
		"{\"migrations_current\":false,\"migrations\":{\"database\":\"00 41\",\"expected\":"
		    "\"0042\"}}",
		"{\"migrations_current\":false,\"migrations\":{\"database\":\"\\u001b[2J41\","
		    "\"expected\":\"0042\"}}",
		"{\"migrations_current\":false,\"migrations\":{\"database\":\"0041\",\"expected\":"
		    "\"0123456789012345678901234\"}}",
		"{\"migrations_current\":false,\"migrations\":{\"database\":{\"v\":41},"
		    "\"expected\":[42]}}",
		"{\"migrations_current\":false,\"database_revision\":\"0041\"}",
	};
	struct probe_result r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		probe_health(200, bodies[i], strlen(bodies[i]), &r);
		assert_int_equal(r.health, PROBE_OK);
		assert_int_equal(r.schema, PROBE_SCHEMA_UNSURE);
		assert_string_equal(r.rev_database, "");
		assert_string_equal(r.reason, "HTTP 200: " PROBE_WORDS_UNSURE);
	}
	/* Without the boolean, garbage says nothing at all. */
	probe_health(200, S("{\"ready\":true,\"migrations\":{\"database\":\"x y\","
	    "\"expected\":1}}"), &r);
	assert_int_equal(r.schema, PROBE_SCHEMA_UNSAID);
	assert_false(r.has_migrations);
	assert_string_equal(r.reason, "HTTP 200: ready");
	probe_health(200, S("{\"migrations_current\":\"false\"}"), &r);
	assert_int_equal(r.schema, PROBE_SCHEMA_UNSAID);
}

/* An action's outcome says the reading in its words, with what to do. */
static void
outcome_words(void **state)
{
	struct probe_result r;
	char buf[512];

	(void)state;
	r = judge_fixture(200, "drivers/probe_readyz_behind.json");
	probe_schema_outcome(&r, true, buf, sizeof(buf));
	assert_string_equal(buf, " but migrations not current: the schema is behind this release "
	    "(database 0041, release expects 0042) (the release needs a migration the database "
	    "lacks: migrate forward, never down)");
	r = judge_fixture(200, "drivers/probe_readyz_ahead.json");
	probe_schema_outcome(&r, true, buf, sizeof(buf));
	assert_string_equal(buf, " but " PROBE_WORDS_AHEAD " (database 0042, release expects "
	    "0041) (see the runbook's migration step)");
	/* No runbook with a migration step: said, and M named instead. */
	probe_schema_outcome(&r, false, buf, sizeof(buf));
	assert_string_equal(buf, " but " PROBE_WORDS_AHEAD " (database 0042, release expects "
	    "0041) (M downgrades it one revision if this release cannot run on it; no runbook "
	    "has a migration step)");
	probe_health(200, S("{\"ready\":true,\"migrations_current\":false}"), &r);
	probe_schema_outcome(&r, true, buf, sizeof(buf));
	assert_string_equal(buf, " but " PROBE_WORDS_UNSURE " (find out which way before any "
	    "migration step: a downgrade on a schema behind drops what the release needs)");
	r = judge_fixture(200, "drivers/probe_readyz_ok.json");
	probe_schema_outcome(&r, true, buf, sizeof(buf));
	assert_string_equal(buf, "");
	assert_string_equal(probe_schema_name(PROBE_SCHEMA_BEHIND), "behind");
	assert_null(probe_schema_words(PROBE_SCHEMA_CURRENT));
}

/* A smoke check of /readyz that got its 200: no plain OK while the
 * migrations are not current, nor from an answer that is no health one. */
static void
smoke_warning_words(void **state)
{
	struct probe_result r;
	char buf[512];

	(void)state;
	r = judge_fixture(200, "drivers/probe_readyz_behind.json");
	assert_true(probe_smoke_warning(&r, buf, sizeof(buf)));
	assert_string_equal(buf, "migrations not current: the schema is behind this release "
	    "(database 0041, release expects 0042)");
	r = judge_fixture(200, "drivers/probe_readyz_ok.json");
	assert_false(probe_smoke_warning(&r, buf, sizeof(buf)));
	assert_string_equal(buf, "");
	probe_health_answer(200, "text/html", false, "", S("<html></html>"), &r);
	assert_true(probe_smoke_warning(&r, buf, sizeof(buf)));
	assert_string_equal(buf, "an HTML page, not a health answer");
	probe_health(200, S("{\"ready\":false}"), &r);
	assert_true(probe_smoke_warning(&r, buf, sizeof(buf)));
	assert_string_equal(buf, "not ready");
}

static void
huge_bodies_are_not_read(void **state)
{
	size_t n = WR_PROBE_BODY_MAX + 10;
	char *b = malloc(n);
	struct probe_result r;
	char v[WR_VERSION_MAX];
	struct wr_err err;

	(void)state;
	memset(b, 'x', n);
	b[0] = '{';
	probe_health(200, b, n, &r);
	assert_int_equal(r.health, PROBE_OK);
	assert_string_equal(r.reason, "HTTP 200: body over 65536 bytes ignored");
	assert_int_equal(probe_version(b, n, v, sizeof(v), &err), -1);
	free(b);
}

/* A probe not asked (its host DOWN, the probe going through its SSH
 * connection) is no last answer kept: UNKNOWN, no status, and why. Before,
 * DOWN hosts kept a green OK. */
static void
a_probe_not_asked_is_unknown(void **state)
{
	struct probe_result r;
	const char *body = "{\"ready\":true,\"migrations_current\":false}";

	(void)state;
	probe_health(200, body, strlen(body), &r);
	assert_int_equal(r.health, PROBE_OK);
	assert_true(r.has_migrations);
	probe_unasked("h5 is DOWN (its probes go through its SSH connection)", &r);
	assert_int_equal(r.health, PROBE_UNKNOWN);
	assert_int_equal(r.http_status, 0);
	assert_int_equal(r.schema_warn, PROBE_SCHEMA_UNSAID);
	assert_false(r.has_migrations);
	assert_string_equal(r.reason, "not asked: h5 is DOWN (its probes go through its SSH "
	    "connection)");
	probe_unasked("", &r);
	assert_string_equal(r.reason, "not asked: no reason given");
}

/* What only the transfer knows: a body cut short by a timeout, a body over
 * the cap, an HTML page. None of them is ever OK; a 5xx stays FAIL. */
static void
distrusted_answers_are_never_ok(void **state)
{
	struct probe_result r;

	(void)state;
	probe_health_answer(200, "application/json", false, "", S("{\"status\":\"ok\"}"), &r);
	assert_int_equal(r.health, PROBE_OK);
	assert_false(r.untrusted);
	probe_health_answer(200, NULL, false, NULL, S("ok\n"), &r);
	assert_int_equal(r.health, PROBE_OK);

	probe_health_answer(200, "text/plain", false,
	    "Operation timed out after 5000 milliseconds with 2 out of 239 bytes received",
	    S("ok"), &r);
	assert_int_equal(r.health, PROBE_UNKNOWN);
	assert_true(r.untrusted);
	assert_string_equal(r.reason, "HTTP 200: cut short: Operation timed out after 5000 "
	    "milliseconds with 2 out of 239 bytes received");

	probe_health_answer(200, "text/plain", true, "", S("ok\n\n\n"), &r);
	assert_int_equal(r.health, PROBE_UNKNOWN);
	assert_string_equal(r.reason, "HTTP 200: body over 5 bytes, cut");

	probe_health_answer(200, " Text/HTML; charset=utf-8", false, "",
	    S("<html><body>Welcome to nginx!</body></html>"), &r);
	assert_int_equal(r.health, PROBE_UNKNOWN);
	assert_string_equal(r.reason, "HTTP 200: an HTML page, not a health answer");
	probe_health_answer(200, "application/xhtml+xml", false, "", S("{\"ready\":true}"), &r);
	assert_int_equal(r.health, PROBE_UNKNOWN);
	/* A cut answer says nothing of the schema either. */
	probe_health_answer(200, "application/json", true, "",
	    S("{\"ready\":true,\"migrations_current\":false}"), &r);
	assert_int_equal(r.health, PROBE_UNKNOWN);
	assert_int_equal(r.schema_warn, PROBE_SCHEMA_UNSAID);

	probe_health_answer(503, "text/html", true, "timed out", S("<html>"), &r);
	assert_int_equal(r.health, PROBE_FAIL);
	assert_false(r.untrusted);
	probe_health_answer(302, "text/html", false, "", S("<html>moved</html>"), &r);
	assert_int_equal(r.health, PROBE_UNKNOWN);
	assert_string_equal(r.reason, "HTTP 302: is health_url right?");
	/* No answer says why, as the transfer (or the tunnel) told it. */
	probe_health_answer(0, NULL, false, "the host could not connect to 127.0.0.1:1 "
	    "(tunnel: connect failed)", NULL, 0, &r);
	assert_int_equal(r.health, PROBE_UNKNOWN);
	assert_string_equal(r.reason, "no answer: the host could not connect to 127.0.0.1:1 "
	    "(tunnel: connect failed)");
	probe_health_answer(0, NULL, false, "refused\x1b[2J", NULL, 0, &r);
	assert_string_equal(r.reason, "no answer: refused?[2J");
	probe_health_answer(0, NULL, false, "", NULL, 0, &r);
	assert_string_equal(r.reason, "no answer");
	probe_health_answer(200, "text/plain", false, "bad\x1b[2Jbytes", S("ok"), &r);
	assert_string_equal(r.reason, "HTTP 200: cut short: bad?[2Jbytes");
}

static void
versions(void **state)
{
	char v[WR_VERSION_MAX];
	struct wr_err err;
	size_t len;
	char *buf = fixture_read("drivers/probe_version.json", &len);

	(void)state;
	assert_int_equal(probe_version(buf, len, v, sizeof(v), &err), 0);
	assert_string_equal(v, "v1.5.0-bad");
	free(buf);
	buf = fixture_read("drivers/probe_version_badjson.json", &len);
	assert_int_equal(probe_version(buf, len, v, sizeof(v), &err), -1);
	assert_string_equal(err.msg, "version: malformed JSON body");
	free(buf);
	assert_int_equal(probe_version(S("{\"tag\":\"1.4.1\"}"), v, sizeof(v), &err), 0);
	assert_string_equal(v, "1.4.1");
	assert_int_equal(probe_version(S("{\"version\":3,\"tag\":\"t\"}"), v, sizeof(v), &err), 0);
	assert_string_equal(v, "t");
	assert_int_equal(probe_version(S("  v2.0.0 \r\nbuilt today\n"), v, sizeof(v), &err), 0);
	assert_string_equal(v, "v2.0.0");
	assert_int_equal(probe_version(S("{\"name\":\"api\"}"), v, sizeof(v), &err), -1);
	assert_string_equal(err.msg, "version: no \"version\" or \"tag\" string");
	assert_int_equal(probe_version(S("1.2\x1b[2J"), v, sizeof(v), &err), -1);
	assert_string_equal(err.msg, "version: not printable ASCII at byte 3");
	assert_int_equal(probe_version(S("\n"), v, sizeof(v), &err), -1);
	assert_string_equal(err.msg, "version: empty");
	assert_int_equal(probe_version(S("1.2.3"), v, 4, &err), -1);
}

static void
version_compare(void **state)
{
	(void)state;
	assert_int_equal(probe_version_compare("v1.2.3", "1.2.3"), PROBE_VERSION_MATCH);
	assert_int_equal(probe_version_compare("1.2.3", "v1.2.3"), PROBE_VERSION_MATCH);
	assert_int_equal(probe_version_compare("v1.5.0-bad", "v1.5.0-bad"), PROBE_VERSION_MATCH);
	assert_int_equal(probe_version_compare("1.2.3", "1.2.3+g8485f86"), PROBE_VERSION_MATCH);
	assert_int_equal(probe_version_compare("v1.4.1", "v1.5.0-bad"), PROBE_VERSION_MISMATCH);
	assert_int_equal(probe_version_compare("1.2.3", "1.2.30"), PROBE_VERSION_MISMATCH);
	assert_int_equal(probe_version_compare("version", "ersion"), PROBE_VERSION_MISMATCH);
	assert_int_equal(probe_version_compare("latest", "1.2.3"), PROBE_VERSION_UNKNOWN);
	assert_int_equal(probe_version_compare("", "1.2.3"), PROBE_VERSION_UNKNOWN);
	assert_int_equal(probe_version_compare("1.2.3", NULL), PROBE_VERSION_UNKNOWN);
	assert_int_equal(probe_version_compare("+x", "1"), PROBE_VERSION_UNKNOWN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(recorded_healthy),
		cmocka_unit_test(recorded_stopped),
		cmocka_unit_test(recorded_garbage_is_never_ok),
		cmocka_unit_test(status_code_alone),
		cmocka_unit_test(wrong_url_statuses_are_not_fail),
		cmocka_unit_test(json_fields_decide_a_2xx),
		cmocka_unit_test(recorded_schema_ahead_and_behind),
		cmocka_unit_test(revisions_give_the_direction),
		cmocka_unit_test(garbage_revisions_give_no_direction),
		cmocka_unit_test(outcome_words),
		cmocka_unit_test(smoke_warning_words),
		cmocka_unit_test(huge_bodies_are_not_read),
		cmocka_unit_test(distrusted_answers_are_never_ok),
		cmocka_unit_test(a_probe_not_asked_is_unknown),
		cmocka_unit_test(versions),
		cmocka_unit_test(version_compare),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
