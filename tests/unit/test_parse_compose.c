/*
 * test_parse_compose.c — `docker compose ps -a --format json` in both
 * shapes: recorded from the fleet's docker shim (array: Compose 2.20.3,
 * lines: 2.24.6), the docs.docker.com example, and hand-made broken output.
 * Also the restart counts' `docker inspect --format` lines: written in the
 * shape docker 24 prints (full ids, StartedAt with nanoseconds, the zero
 * time of a never-started container, "<no value>" for a missing label),
 * and garbage.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/parse_compose.h"
#include "fixture.h"

static int
parse_fixture(const char *name, struct compose_ps *ps, struct wr_err *err)
{
	size_t len;
	char *buf = fixture_read(name, &len);
	int rc = parse_compose_ps(buf, len, ps, err);

	free(buf);
	return rc;
}

static void
check_fleet_pair(const struct compose_ps *ps, const char *jobs_state)
{
	const struct compose_container *api, *jobs;

	assert_int_equal(ps->n, 2);
	api = parse_compose_find(ps, "api");
	jobs = parse_compose_find(ps, "jobs");
	assert_non_null(api);
	assert_non_null(jobs);
	assert_string_equal(api->name, "app-api-1");
	assert_string_equal(api->image, "registry.local/acme/api:v1.5.0-bad");
	assert_string_equal(api->tag, "v1.5.0-bad");
	assert_string_equal(api->digest, "");
	assert_string_equal(api->state, "running");
	assert_string_equal(api->health, "healthy");
	assert_string_equal(api->status, "Up 10 minutes (healthy)");
	assert_int_equal(api->exit_code, 0);
	assert_int_equal(api->restarts, -1);
	assert_string_equal(jobs->tag, "v1.5.0-bad");
	assert_string_equal(jobs->health, "");
	assert_string_equal(jobs->state, jobs_state);
	assert_null(parse_compose_find(ps, "nosuch"));
}

/* The memo hands back its last result for the same bytes, and reads any
 * other answer afresh, even one of the same length. */
static void
memo_parses_a_changed_answer_only(void **state)
{
	struct compose_ps_memo memo = { 0 };
	const struct compose_ps *ps, *again;
	const struct compose_container *items;
	struct wr_err err;
	size_t len, xlen;
	char *buf = fixture_read("drivers/compose_ps_lines.json", &len), *copy, *run;
	char *exited = fixture_read("drivers/compose_ps_lines_exited.json", &xlen);

	(void)state;
	assert_int_equal(parse_compose_ps_memo(&memo, buf, len, &ps, &err), 0);
	check_fleet_pair(ps, "running");
	items = ps->items;
	/* The same bytes in another buffer: not parsed again. */
	copy = xmalloc(len);
	memcpy(copy, buf, len);
	assert_int_equal(parse_compose_ps_memo(&memo, copy, len, &again, &err), 0);
	assert_ptr_equal(again, ps);
	assert_ptr_equal(again->items, items);
	check_fleet_pair(again, "running");
	/* One byte changed, the length kept: read again. */
	run = strstr(copy, "\"running\"");
	assert_non_null(run);
	memcpy(run + 1, "paused!", 7);
	assert_int_equal(parse_compose_ps_memo(&memo, copy, len, &ps, &err), 0);
	assert_string_equal(parse_compose_find(ps, "api")->state, "paused!");
	assert_int_equal(parse_compose_ps_memo(&memo, exited, xlen, &ps, &err), 0);
	check_fleet_pair(ps, "exited");
	/* A bad answer empties the memo: the good one after it is parsed. */
	assert_int_equal(parse_compose_ps_memo(&memo, "{nope", 5, &ps, &err), -1);
	assert_false(memo.valid);
	assert_null(memo.buf);
	assert_int_equal(parse_compose_ps_memo(&memo, buf, len, &ps, &err), 0);
	check_fleet_pair(ps, "running");
	parse_compose_memo_free(&memo);
	assert_false(memo.valid);
	free(buf);
	free(copy);
	free(exited);
}

/* A service with no container says what the project has: a typo in
 * services = is not a vanished container. */
static void
absent_service_names_the_project(void **state)
{
	struct compose_ps ps;
	struct wr_err err;
	char why[256];

	(void)state;
	assert_int_equal(parse_fixture("drivers/compose_ps_lines.json", &ps, &err), 0);
	parse_compose_absent_why(&ps, "apii", why, sizeof(why));
	assert_string_equal(why, "no service apii in the compose project (it has: api, jobs); "
	    "did you mean api in services =?");
	parse_compose_absent_why(&ps, "billing", why, sizeof(why));
	assert_string_equal(why, "no service billing in the compose project (it has: api, jobs)");
	parse_compose_free(&ps);
	assert_int_equal(parse_compose_ps("", 0, &ps, &err), 0);
	parse_compose_absent_why(&ps, "api", why, sizeof(why));
	assert_string_equal(why, "no service api in the compose project: it has no containers");
	parse_compose_free(&ps);
}

static void
recorded_lines_shape(void **state)
{
	struct compose_ps ps;
	struct wr_err err;

	(void)state;
	assert_int_equal(parse_fixture("drivers/compose_ps_lines.json", &ps, &err), 0);
	assert_int_equal(ps.shape, COMPOSE_SHAPE_LINES);
	check_fleet_pair(&ps, "running");
	parse_compose_free(&ps);
	assert_int_equal(parse_fixture("drivers/compose_ps_lines_exited.json", &ps, &err), 0);
	check_fleet_pair(&ps, "exited");
	assert_string_equal(ps.items[1].status, "Exited (0) Less than a second ago");
	parse_compose_free(&ps);
}

static void
recorded_array_shape(void **state)
{
	struct compose_ps ps;
	struct wr_err err;

	(void)state;
	assert_int_equal(parse_fixture("drivers/compose_ps_array.json", &ps, &err), 0);
	assert_int_equal(ps.shape, COMPOSE_SHAPE_ARRAY);
	check_fleet_pair(&ps, "running");
	parse_compose_free(&ps);
	assert_int_equal(parse_fixture("drivers/compose_ps_array_exited.json", &ps, &err), 0);
	check_fleet_pair(&ps, "exited");
	parse_compose_free(&ps);
}

static void
zero_containers_is_empty_output(void **state)
{
	struct compose_ps ps;
	struct wr_err err;

	(void)state;
	assert_int_equal(parse_fixture("drivers/compose_ps_empty.json", &ps, &err), 0);
	assert_int_equal(ps.n, 0);
	assert_int_equal(ps.shape, COMPOSE_SHAPE_EMPTY);
	assert_int_equal(parse_compose_ps(" \n\r\n", 4, &ps, &err), 0);
	assert_int_equal(ps.n, 0);
	assert_int_equal(parse_compose_ps("[]\n", 3, &ps, &err), 0);
	assert_int_equal(ps.n, 0);
	assert_int_equal(ps.shape, COMPOSE_SHAPE_ARRAY);
	parse_compose_free(&ps);
}

static void
docs_array_without_image(void **state)
{
	struct compose_ps ps;
	struct wr_err err;

	(void)state;
	assert_int_equal(parse_fixture("drivers/compose_ps_docs_array.json", &ps, &err), 0);
	assert_int_equal(ps.n, 2);
	assert_string_equal(ps.items[0].service, "bar");
	assert_string_equal(ps.items[0].state, "exited");
	assert_string_equal(ps.items[0].image, "");
	assert_string_equal(ps.items[0].tag, "");
	assert_string_equal(ps.items[1].name, "example-foo-1");
	assert_string_equal(ps.items[1].state, "running");
	parse_compose_free(&ps);
}

static void
docs_lines_states_health_and_images(void **state)
{
	struct compose_ps ps;
	struct wr_err err;
	const struct compose_container *c;

	(void)state;
	assert_int_equal(parse_fixture("drivers/compose_ps_docs_lines.json", &ps, &err), 0);
	assert_int_equal(ps.n, 4);
	c = parse_compose_find(&ps, "api");
	assert_string_equal(c->tag, "v2.0.1");
	assert_string_equal(c->digest, "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
	assert_string_equal(c->health, "unhealthy");
	c = parse_compose_find(&ps, "worker");
	assert_string_equal(c->tag, "latest");       /* port is not a tag */
	assert_string_equal(c->state, "restarting");
	assert_int_equal(c->exit_code, 1);
	assert_int_equal(c->restarts, 4);
	c = parse_compose_find(&ps, "web");
	assert_string_equal(c->tag, "1.25-alpine");
	assert_string_equal(c->health, "starting");
	assert_memory_equal(c->status, "Up 3 s\xff\xfe" "conds", 12);   /* bytes kept for sanitize */
	c = parse_compose_find(&ps, "cache");
	assert_string_equal(c->tag, "latest");
	assert_int_equal(c->exit_code, 137);
	parse_compose_free(&ps);
}

static void
wrong_types_read_as_empty(void **state)
{
	struct compose_ps ps;
	struct wr_err err;

	(void)state;
	assert_int_equal(parse_fixture("drivers/compose_ps_wrong_types.json", &ps, &err), 0);
	assert_int_equal(ps.n, 1);
	assert_string_equal(ps.items[0].name, "");
	assert_string_equal(ps.items[0].image, "");
	assert_string_equal(ps.items[0].state, "");
	assert_string_equal(ps.items[0].health, "");
	assert_string_equal(ps.items[0].status, "");
	assert_int_equal(ps.items[0].exit_code, 0);
	assert_int_equal(ps.items[0].restarts, -1);
	parse_compose_free(&ps);
}

static void
expect_error(const char *name, const char *msg)
{
	struct compose_ps ps;
	struct wr_err err;

	memset(&err, 0, sizeof(err));
	assert_int_equal(parse_fixture(name, &ps, &err), -1);
	assert_string_equal(err.msg, msg);
	assert_int_equal(ps.n, 0);
	assert_null(ps.items);
}

/* An excerpt goes through the one sanitizer: a program's "…" stays as
 * it is, and one that straddles the 40-byte cut is left out whole. */
static void
an_excerpt_keeps_utf8_whole(void **state)
{
	char ex[200];

	(void)state;
	parse_excerpt("--\xe2\x80\xa6\"", 6, ex, sizeof(ex));
	assert_string_equal(ex, "--\xe2\x80\xa6\"");
	parse_excerpt("0123456789012345678901234567890123456789\xe2\x80\xa6", 43, ex,
	    sizeof(ex));
	assert_string_equal(ex, "0123456789012345678901234567890123456789...");
	parse_excerpt("01234567890123456789012345678901234567\xe2\x80\xa6z", 42, ex, sizeof(ex));
	assert_string_equal(ex, "01234567890123456789012345678901234567...");
	parse_excerpt("a\x1b[2J\nb", 7, ex, sizeof(ex));
	assert_string_equal(ex, "a^[[2J");
}

static void
malformed_output_is_named(void **state)
{
	(void)state;
	expect_error("drivers/compose_ps_bad_line3.json",
	    "compose ps: line 3: not JSON: {\"Service\":\"web\",\"Image\":\"nginx:1.25-al");
	expect_error("drivers/compose_ps_lines_badjson.json",
	    "compose ps: line 1: not JSON: {\"Command\":\"\\\"gunicorn app:app --\xe2\x80\xa6\\\"\",...");
	expect_error("drivers/compose_ps_array_badjson.json",
	    "compose ps: line 1: not JSON: [{\"ID\":\"4e31b57c930d7ede3573ec1661634783...");
	expect_error("drivers/compose_ps_no_service.json",
	    "compose ps: line 1: no \"Service\"");
	expect_error("drivers/compose_ps_not_object.json",
	    "compose ps: element 2: not an object");
	expect_error("drivers/compose_ps_two_on_a_line.json",
	    "compose ps: line 1: junk after the object: {\"Service\":\"api\"} {\"Service\":\"jobs\"}");
	expect_error("drivers/compose_ps_plain_text.json",
	    "compose ps: line 1: not JSON: no configuration file provided: not foun...");
}

static void
huge_strings_are_cut(void **state)
{
	size_t n = 1 << 20, len;
	char *buf = malloc(n + 64), *p;
	struct compose_ps ps;
	struct wr_err err;

	(void)state;
	p = buf;
	memcpy(p, "{\"Service\":\"api\",\"Image\":\"r/x:", 30);
	p += 30;
	memset(p, 'a', n);
	p += n;
	memcpy(p, "\"}\n", 3);
	len = (size_t)(p + 3 - buf);
	assert_int_equal(parse_compose_ps(buf, len, &ps, &err), 0);
	assert_int_equal(strlen(ps.items[0].image), sizeof(ps.items[0].image) - 1);
	parse_compose_free(&ps);
	free(buf);
}

static void
multibyte_cut_on_a_boundary(void **state)
{
	char buf[1024];
	struct compose_ps ps;
	struct wr_err err;
	size_t o;

	(void)state;
	o = (size_t)snprintf(buf, sizeof(buf), "{\"Service\":\"");
	for (int i = 0; i < 30; i++)        /* 30 x 3 bytes > 63 */
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "\xe2\x80\xa6");
	o += (size_t)snprintf(buf + o, sizeof(buf) - o, "\"}");
	assert_int_equal(parse_compose_ps(buf, o, &ps, &err), 0);
	assert_int_equal(strlen(ps.items[0].service), 63);
	parse_compose_free(&ps);
}

static void
too_many_containers(void **state)
{
	size_t cap = (WR_COMPOSE_MAX + 1) * 20, o = 0;
	char *buf = malloc(cap);
	struct compose_ps ps;
	struct wr_err err;

	(void)state;
	for (int i = 0; i <= WR_COMPOSE_MAX; i++)
		o += (size_t)snprintf(buf + o, cap - o, "{\"Service\":\"s\"}\n");
	assert_int_equal(parse_compose_ps(buf, o, &ps, &err), -1);
	assert_string_equal(err.msg, "compose ps: more than 1024 containers");
	free(buf);
}

static int
restarts_of(const char *text, struct compose_restarts *rs, struct wr_err *err)
{
	return parse_compose_restarts(text, strlen(text), rs, err);
}

static void
restarts_real_format(void **state)
{
	struct compose_restarts rs;
	struct wr_err err;
	size_t len;
	char *buf = fixture_read("drivers/compose_inspect_restarts.txt", &len);

	(void)state;
	assert_int_equal(parse_compose_restarts(buf, len, &rs, &err), 0);
	free(buf);
	assert_int_equal(rs.n, 3);
	assert_string_equal(rs.items[0].id,
	    "4e31b57c930d8b0a7f1e2c3d4b5a69788796a5b4c3d2e1f00112233445566778");
	assert_string_equal(rs.items[0].service, "api");
	assert_int_equal(rs.items[0].count, 4);
	assert_int_equal(rs.items[0].started, 1795678872);     /* 2026-11-26T07:41:12Z */
	assert_string_equal(rs.items[1].service, "jobs");
	assert_int_equal(rs.items[1].count, 0);
	/* A container compose did not make, never started. */
	assert_string_equal(rs.items[2].service, "<no value>");
	assert_int_equal(rs.items[2].started, 0);
	parse_compose_restarts_free(&rs);
	assert_null(rs.items);
}

static void
restarts_short_ids_blank_lines_and_crlf(void **state)
{
	struct compose_restarts rs;
	struct wr_err err;

	(void)state;
	assert_int_equal(restarts_of("\n4e31b57c930d 12 2026-11-26T07:41:12Z api\r\n\n"
	    "  5b167b15ac0e   0   2026-11-26T07:33:56.5+01:00   jobs  \n", &rs, &err), 0);
	assert_int_equal(rs.n, 2);
	assert_string_equal(rs.items[0].id, "4e31b57c930d");
	assert_int_equal(rs.items[0].count, 12);
	assert_string_equal(rs.items[1].id, "5b167b15ac0e");
	assert_string_equal(rs.items[1].service, "jobs");
	assert_int_equal(rs.items[1].started, 1795674836);     /* 06:33:56Z */
	parse_compose_restarts_free(&rs);
}

/* Nothing at all is a valid answer with no container: every service's
 * count stays unknown (the caller never turns "no line" into 0). */
static void
restarts_blank_output_is_empty(void **state)
{
	struct compose_restarts rs;
	struct wr_err err;

	(void)state;
	assert_int_equal(restarts_of("", &rs, &err), 0);
	assert_int_equal(rs.n, 0);
	assert_int_equal(restarts_of(" \n\n\t\n", &rs, &err), 0);
	assert_int_equal(rs.n, 0);
}

static void
restarts_garbage_is_refused_whole(void **state)
{
	static const struct { const char *text, *msg; } bad[] = {
		{ "4e31b57c930d 3 2026-11-26T07:41:12Z\n",
		  "docker inspect: line 1: fewer than 4 fields: 4e31b57c930d 3 2026-11-26T07:41:12Z" },
		{ "4e31b57c930d 3\n", "docker inspect: line 1: fewer than 4 fields: 4e31b57c930d 3" },
		{ "4e31b57c930d 0 2026-11-26T07:41:12Z api\n4e31b57c930d three "
		  "2026-11-26T07:41:12Z api\n", "docker inspect: line 2: restart count is not a "
		  "number: 4e31b57c930d three 2026-11-26T07:41:12Z ..." },
		{ "4e31b57c930d -1 2026-11-26T07:41:12Z api", "docker inspect: line 1: restart "
		  "count is not a number: 4e31b57c930d -1 2026-11-26T07:41:12Z api" },
		{ "4e31b57c930d 99999999999 2026-11-26T07:41:12Z api", "docker inspect: line 1: "
		  "restart count out of range: 4e31b57c930d 99999999999 2026-11-26T07:4..." },
		{ "4e31b57c 1 2026-11-26T07:41:12Z api", "docker inspect: line 1: not a container "
		  "id: 4e31b57c 1 2026-11-26T07:41:12Z api" },
		{ "Error: No such object: 4e31b57c930d", "docker inspect: line 1: not a container "
		  "id: Error: No such object: 4e31b57c930d" },
		{ "4E31B57C930D 1 2026-11-26T07:41:12Z api", "docker inspect: line 1: not a "
		  "container id: 4E31B57C930D 1 2026-11-26T07:41:12Z api" },
		{ "4e31b57c930d 1 yesterday api", "docker inspect: line 1: start time is not a "
		  "time: 4e31b57c930d 1 yesterday api" },
		{ "4e31b57c930d 1 2026-11-26T07:41:12Z api jobs", "docker inspect: line 1: not a "
		  "service name: 4e31b57c930d 1 2026-11-26T07:41:12Z api ..." },
		{ "4e31b57c930d 1 2026-11-26T07:41:12Z a\x1b[2J", "docker inspect: line 1: not a "
		  "service name: 4e31b57c930d 1 2026-11-26T07:41:12Z a^[[2..." },
	};
	struct compose_restarts rs;
	struct wr_err err;

	(void)state;
	for (size_t i = 0; i < WR_ARRAY_LEN(bad); i++) {
		assert_int_equal(restarts_of(bad[i].text, &rs, &err), -1);
		assert_string_equal(err.msg, bad[i].msg);
		assert_int_equal(rs.n, 0);
		assert_null(rs.items);
	}
}

/* The poll's answer: .env's IMAGE_TAG lines, the mark, then ps. */
static void
poll_answer_splits_env_off(void **state)
{
	const char *out = "IMAGE_TAG=v1.0\n  export IMAGE_TAG = \"v1.5.0-bad\" # last wins\n"
	    "#warroom .env\n{\"Service\":\"api\",\"Image\":\"r/api:v1.4.1\"}\n";
	struct compose_ps ps;
	struct wr_err err;
	char env[128];
	size_t off;

	(void)state;
	assert_true(parse_compose_env(out, strlen(out), &off, env, sizeof(env)));
	assert_string_equal(env, "v1.5.0-bad");
	assert_int_equal(parse_compose_ps(out + off, strlen(out) - off, &ps, &err), 0);
	assert_int_equal(ps.n, 1);
	assert_string_equal(ps.items[0].tag, "v1.4.1");
	parse_compose_free(&ps);
	/* No .env, or none of its lines sets it; no container at all. */
	out = "#warroom .env\n";
	assert_true(parse_compose_env(out, strlen(out), &off, env, sizeof(env)));
	assert_string_equal(env, "(unset)");
	assert_int_equal(off, strlen(out));
	out = "IMAGE_TAG=\n#warroom .env";
	assert_true(parse_compose_env(out, strlen(out), &off, env, sizeof(env)));
	assert_string_equal(env, "(unset)");
	out = "#warroom .env";
	assert_true(parse_compose_env(out, strlen(out), &off, env, sizeof(env)));
	assert_int_equal(off, strlen(out));
	/* ps failed: its words follow the mark, as the row's error shows them. */
	out = "IMAGE_TAG=v2\n#warroom .env\nno configuration file provided: not found\n";
	assert_true(parse_compose_env(out, strlen(out), &off, env, sizeof(env)));
	assert_string_equal(env, "v2");
	assert_string_equal(out + off, "no configuration file provided: not found\n");
	/* No mark (another command): no reading, all of it ps. */
	out = "{\"Service\":\"api\",\"Name\":\"#warroom .env\"}\nIMAGE_TAG=v9\n";
	assert_false(parse_compose_env(out, strlen(out), &off, env, sizeof(env)));
	assert_string_equal(env, "");
	assert_int_equal(off, 0);
	assert_false(parse_compose_env("", 0, &off, env, sizeof(env)));
	out = "x#warroom .env\n#warroom .envy\n";
	assert_false(parse_compose_env(out, strlen(out), &off, env, sizeof(env)));
}

/* When each container was created (the deploy that made it): CreatedAt's
 * text (Go's time.String(), any zone, a fraction possible) or the old
 * array's Created seconds; text that is not that reads as unknown. */
static void
creation_time_read_from_both_shapes(void **state)
{
	struct compose_ps ps;
	struct wr_err err;

	(void)state;
	assert_int_equal(parse_fixture("drivers/compose_ps_lines.json", &ps, &err), 0);
	/* 2026-11-26 07:33:55 +0000 UTC */
	assert_true(ps.items[0].created_ms == 1795678435000LL);
	parse_compose_free(&ps);
	assert_int_equal(parse_fixture("drivers/compose_ps_array.json", &ps, &err), 0);
	assert_true(ps.items[0].created_ms == 1795678435000LL);
	parse_compose_free(&ps);
	assert_int_equal(parse_fixture("drivers/compose_ps_lines_created.json", &ps, &err), 0);
	assert_int_equal(ps.n, 2);
	/* 08:33:55.25 +0100 CET is 07:33:55.250 UTC. */
	assert_true(ps.items[0].created_ms == 1795678435250LL);
	assert_true(ps.items[1].created_ms == 0);
	parse_compose_free(&ps);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(recorded_lines_shape),
		cmocka_unit_test(memo_parses_a_changed_answer_only),
		cmocka_unit_test(absent_service_names_the_project),
		cmocka_unit_test(recorded_array_shape),
		cmocka_unit_test(zero_containers_is_empty_output),
		cmocka_unit_test(docs_array_without_image),
		cmocka_unit_test(docs_lines_states_health_and_images),
		cmocka_unit_test(wrong_types_read_as_empty),
		cmocka_unit_test(an_excerpt_keeps_utf8_whole),
		cmocka_unit_test(malformed_output_is_named),
		cmocka_unit_test(huge_strings_are_cut),
		cmocka_unit_test(multibyte_cut_on_a_boundary),
		cmocka_unit_test(too_many_containers),
		cmocka_unit_test(restarts_real_format),
		cmocka_unit_test(restarts_short_ids_blank_lines_and_crlf),
		cmocka_unit_test(restarts_blank_output_is_empty),
		cmocka_unit_test(restarts_garbage_is_refused_whole),
		cmocka_unit_test(poll_answer_splits_env_off),
		cmocka_unit_test(creation_time_read_from_both_shapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
