/*
 * test_statuspage_req.c — the exact requests for Atlassian Statuspage v1,
 * Cachet 2.x and Cachet 3.x for create, update and resolve; answers read
 * back (including malformed ones); finding our incident again, and an
 * update on it after a restart; what a restart does with a post; templates;
 * a post that would set the page back to an earlier status, said.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "warroom/statuspage_req.h"

#define S(lit) (lit), strlen(lit)

static struct statuspage_update
update(enum statuspage_action a, enum statuspage_status st, const char *body)
{
	struct statuspage_update u;

	memset(&u, 0, sizeof(u));
	u.action = a;
	u.status = st;
	wr_strlcpy(u.body, body, sizeof(u.body));
	wr_strlcpy(u.our_id, "api-5xx-spike-a1b2c3", sizeof(u.our_id));
	return u;
}

static void
add_component(struct statuspage_update *u, const char *id,
    enum statuspage_component_status st)
{
	wr_strlcpy(u->components[u->ncomponents].id, id, STATUSPAGE_ID_MAX);
	u->components[u->ncomponents++].status = st;
}

static void
assert_req(const struct statuspage_req *r, const char *method, const char *path,
    const char *body)
{
	assert_string_equal(r->method, method);
	assert_string_equal(r->path, path);
	if (body == NULL)
		assert_null(r->body);
	else
		assert_string_equal(r->body, body);
}

static void
atlassian_create_is_one_post_with_metadata(void **state)
{
	struct statuspage_update u = update(STATUSPAGE_CREATE, STATUSPAGE_INVESTIGATING,
	    "Elevated errors on the API.");
	struct statuspage_reqs r;
	struct wr_err err;

	(void)state;
	wr_strlcpy(u.name, "API 5xx spike", sizeof(u.name));
	wr_strlcpy(u.impact, "major", sizeof(u.impact));
	add_component(&u, "cmpapi000001", STATUSPAGE_MAJOR_OUTAGE);
	add_component(&u, "cmpexport001", STATUSPAGE_DEGRADED_PERFORMANCE);
	assert_int_equal(statuspage_req_build(STATUSPAGE_ATLASSIAN, &u, &r, &err), 0);
	assert_int_equal(r.n, 1);
	assert_req(&r.v[0], "POST", "/incidents",
	    "{\"incident\":{\"name\":\"API 5xx spike\",\"status\":\"investigating\","
	    "\"body\":\"Elevated errors on the API.\",\"impact_override\":\"major\","
	    "\"component_ids\":[\"cmpapi000001\",\"cmpexport001\"],"
	    "\"components\":{\"cmpapi000001\":\"major_outage\","
	    "\"cmpexport001\":\"degraded_performance\"},"
	    "\"metadata\":{\"warroom\":{\"incident\":\"api-5xx-spike-a1b2c3\"}}}}");
	assert_string_equal(r.v[0].auth_prefix, "Authorization: OAuth ");
	assert_true(r.v[0].creates);
	statuspage_reqs_free(&r);
}

/* A runbook's title and impact: Atlassian's name and impact_override; the
 * Cachets' name and no impact anywhere (the preview says so); an update
 * never sends the title, so it cannot rename the incident. */
static void
title_and_impact_for_each_kind(void **state)
{
	static const enum statuspage_kind kinds[] = {
		STATUSPAGE_ATLASSIAN, STATUSPAGE_CACHET, STATUSPAGE_CACHET3,
	};
	struct statuspage_update u;
	struct statuspage_reqs r;
	struct wr_err err;
	char title[400], impact[200];
	size_t k, i;

	(void)state;
	for (k = 0; k < 3; k++) {
		u = update(STATUSPAGE_CREATE, STATUSPAGE_INVESTIGATING, "Errors.");
		wr_strlcpy(u.name, "Elevated API errors", sizeof(u.name));
		wr_strlcpy(u.impact, "minor", sizeof(u.impact));
		assert_int_equal(statuspage_req_build(kinds[k], &u, &r, &err), 0);
		assert_non_null(strstr(r.v[0].body, "\"name\":\"Elevated API errors\""));
		if (kinds[k] == STATUSPAGE_ATLASSIAN)
			assert_non_null(strstr(r.v[0].body, "\"impact_override\":\"minor\""));
		else
			for (i = 0; i < r.n; i++)
				assert_null(strstr(r.v[i].body, "minor"));
		statuspage_reqs_free(&r);
		statuspage_preview_facts(kinds[k], &u, "Elevated API errors", title,
		    sizeof(title), impact, sizeof(impact));
		assert_string_equal(title, "title \"Elevated API errors\"");
		assert_string_equal(impact, kinds[k] == STATUSPAGE_ATLASSIAN ? "impact minor" :
		    "impact minor: this status page has no impact field");
		/* No title asked for: the internal name goes, said so. */
		wr_strlcpy(u.name, "qa-004", sizeof(u.name));
		statuspage_preview_facts(kinds[k], &u, "", title, sizeof(title), impact,
		    sizeof(impact));
		assert_string_equal(title, "title \"qa-004\" (Tab edits it): the internal "
		    "--incident name, as no runbook name= gave one");
		statuspage_preview_facts(kinds[k], &u, NULL, title, sizeof(title), impact,
		    sizeof(impact));
		assert_non_null(strstr(title, "(Tab edits it)"));
		wr_strlcpy(u.name, "Elevated API errors", sizeof(u.name));

		/* An update: the name stays for the lookup, the page never sees it. */
		u = update(STATUSPAGE_UPDATE, STATUSPAGE_IDENTIFIED, "Rolling back.");
		wr_strlcpy(u.name, "api 5xx", sizeof(u.name));
		wr_strlcpy(u.page_id, "12", sizeof(u.page_id));
		wr_strlcpy(u.impact, "major", sizeof(u.impact));
		assert_int_equal(statuspage_req_build(kinds[k], &u, &r, &err), 0);
		assert_null(strstr(r.v[0].body, "api 5xx"));
		assert_null(strstr(r.v[0].body, "name"));
		if (kinds[k] == STATUSPAGE_ATLASSIAN)
			assert_non_null(strstr(r.v[0].body, "\"impact_override\":\"major\""));
		else
			assert_null(strstr(r.v[0].body, "major"));
		statuspage_reqs_free(&r);
		statuspage_preview_facts(kinds[k], &u, "New title", title, sizeof(title),
		    impact, sizeof(impact));
		assert_string_equal(title, "title \"New title\" not sent: the incident is already "
		    "on the page and keeps its title");
		statuspage_preview_facts(kinds[k], &u, "", title, sizeof(title), impact,
		    sizeof(impact));
		assert_string_equal(title, "");

		/* An impact the page does not know is refused, not sent. */
		wr_strlcpy(u.impact, "huge", sizeof(u.impact));
		assert_int_equal(statuspage_req_build(kinds[k], &u, &r, &err), -1);
		assert_string_equal(err.msg, "unknown impact \"huge\" (none, minor, major or critical)");
		u.impact[0] = '\0';
		statuspage_preview_facts(kinds[k], &u, NULL, title, sizeof(title), impact,
		    sizeof(impact));
		assert_string_equal(impact, "");
	}
}

/* The chat reads the title customers read, with the incident's own name
 * beside it to find the journal; the name alone when they are one. */
static void
chat_lines_lead_with_the_public_title(void **state)
{
	char *s;

	(void)state;
	s = statuspage_chat_line("Elevated API errors", "qa-003", "investigating", "Checking.");
	assert_string_equal(s, "Elevated API errors (qa-003) — investigating: Checking.");
	free(s);
	s = statuspage_chat_line("qa-004", "qa-004", "resolved", "Fixed.");
	assert_string_equal(s, "qa-004 — resolved: Fixed.");
	free(s);
	s = statuspage_chat_line(NULL, "qa-004", "resolved", "Fixed.");
	assert_string_equal(s, "qa-004 — resolved: Fixed.");
	free(s);
	s = statuspage_chat_line("", "qa-004", "identified", "x");
	assert_string_equal(s, "qa-004 — identified: x");
	free(s);
	/* The resolved template's "Resolved: …": no doubled word. */
	s = statuspage_chat_line(NULL, "qa", "resolved", "Resolved: api runs v1.4.1.");
	assert_string_equal(s, "qa — resolved: api runs v1.4.1.");
	free(s);
	s = statuspage_chat_line(NULL, "qa", "resolved", "Resolvedness: x");
	assert_string_equal(s, "qa — resolved: Resolvedness: x");
	free(s);
}

/* The S box names where a post goes: kind, page id, the url's host and
 * path (never its user or password), and the page's incident or a new one,
 * so staging and production differ on screen. */
static void
preview_names_the_page_and_incident(void **state)
{
	char w[256];

	(void)state;
	statuspage_preview_where(STATUSPAGE_ATLASSIAN, "https://api.statuspage.io/v1/pages/"
	    "pgprod000001", "p0q1r2s3t4u5", w, sizeof(w));
	assert_string_equal(w, "posts to atlassian page pgprod000001 at api.statuspage.io, "
	    "incident p0q1r2s3t4u5");
	statuspage_preview_where(STATUSPAGE_ATLASSIAN, "http://127.0.0.1:21999/v1/pages/"
	    "pg0fleet0001/", "", w, sizeof(w));
	assert_string_equal(w, "posts to atlassian page pg0fleet0001 at 127.0.0.1:21999, "
	    "a new incident");
	/* No page in the url: its host and path say where. */
	statuspage_preview_where(STATUSPAGE_ATLASSIAN, "https://sp.example.com/v1", NULL, w,
	    sizeof(w));
	assert_string_equal(w, "posts to atlassian at sp.example.com/v1, a new incident");
	statuspage_preview_where(STATUSPAGE_CACHET, "https://ops:s3cret@status-staging.example."
	    "com/api/v1/?x=1", "12", w, sizeof(w));
	assert_string_equal(w, "posts to cachet at status-staging.example.com, incident 12");
	assert_null(strstr(w, "s3cret"));
	statuspage_preview_where(STATUSPAGE_CACHET3, "https://example.com/status/api", "3", w,
	    sizeof(w));
	assert_string_equal(w, "posts to cachet3 at example.com/status, incident 3");
	statuspage_preview_where(STATUSPAGE_CACHET3, "http://127.0.0.1:21999", "", w, sizeof(w));
	assert_string_equal(w, "posts to cachet3 at 127.0.0.1:21999, a new incident");
	/* A narrow buffer is cut, never overrun. */
	statuspage_preview_where(STATUSPAGE_CACHET, "https://status.example.com", "12", w, 10);
	assert_string_equal(w, "posts to ");
}

static void
atlassian_update_and_resolve_patch_the_page_incident(void **state)
{
	struct statuspage_update u = update(STATUSPAGE_UPDATE, STATUSPAGE_IDENTIFIED,
	    "Rolled back api to v1.4.1.");
	struct statuspage_reqs r;
	struct wr_err err;

	(void)state;
	wr_strlcpy(u.page_id, "p0q1r2s3t4u5", sizeof(u.page_id));
	add_component(&u, "cmpapi000001", STATUSPAGE_PARTIAL_OUTAGE);
	assert_int_equal(statuspage_req_build(STATUSPAGE_ATLASSIAN, &u, &r, &err), 0);
	assert_int_equal(r.n, 1);
	assert_req(&r.v[0], "PATCH", "/incidents/p0q1r2s3t4u5",
	    "{\"incident\":{\"status\":\"identified\",\"body\":\"Rolled back api to v1.4.1.\","
	    "\"component_ids\":[\"cmpapi000001\"],"
	    "\"components\":{\"cmpapi000001\":\"partial_outage\"},"
	    "\"metadata\":{\"warroom\":{\"incident\":\"api-5xx-spike-a1b2c3\"}}}}");
	assert_false(r.v[0].creates);
	statuspage_reqs_free(&r);

	u = update(STATUSPAGE_RESOLVE, STATUSPAGE_RESOLVED, "");
	wr_strlcpy(u.page_id, "p0q1r2s3t4u5", sizeof(u.page_id));
	add_component(&u, "cmpapi000001", STATUSPAGE_OPERATIONAL);
	assert_int_equal(statuspage_req_build(STATUSPAGE_ATLASSIAN, &u, &r, &err), 0);
	assert_int_equal(r.n, 1);
	assert_req(&r.v[0], "PATCH", "/incidents/p0q1r2s3t4u5",
	    "{\"incident\":{\"status\":\"resolved\","
	    "\"component_ids\":[\"cmpapi000001\"],"
	    "\"components\":{\"cmpapi000001\":\"operational\"},"
	    "\"metadata\":{\"warroom\":{\"incident\":\"api-5xx-spike-a1b2c3\"}}}}");
	statuspage_reqs_free(&r);
}

static void
cachet_create_marks_the_message_and_puts_extra_components(void **state)
{
	struct statuspage_update u = update(STATUSPAGE_CREATE, STATUSPAGE_INVESTIGATING,
	    "Elevated errors.");
	struct statuspage_reqs r;
	struct wr_err err;

	(void)state;
	wr_strlcpy(u.name, "API 5xx spike", sizeof(u.name));
	add_component(&u, "1", STATUSPAGE_MAJOR_OUTAGE);
	add_component(&u, "2", STATUSPAGE_UNDER_MAINTENANCE);
	assert_int_equal(statuspage_req_build(STATUSPAGE_CACHET, &u, &r, &err), 0);
	assert_int_equal(r.n, 2);
	assert_req(&r.v[0], "POST", "/api/v1/incidents",
	    "{\"name\":\"API 5xx spike\","
	    "\"message\":\"Elevated errors.\\n\\n<!-- warroom:api-5xx-spike-a1b2c3 -->\","
	    "\"status\":1,\"visible\":1,\"component_id\":1,\"component_status\":4}");
	assert_true(r.v[0].creates);
	assert_string_equal(r.v[0].auth_prefix, "X-Cachet-Token: ");
	/* Cachet 2.x has no maintenance status: performance issues is closest. */
	assert_req(&r.v[1], "PUT", "/api/v1/components/2", "{\"status\":2}");
	assert_false(r.v[1].creates);
	statuspage_reqs_free(&r);
}

static void
cachet_update_posts_an_update_and_resolve_puts_the_status(void **state)
{
	struct statuspage_update u = update(STATUSPAGE_UPDATE, STATUSPAGE_IDENTIFIED,
	    "Rolled back.");
	struct statuspage_reqs r;
	struct wr_err err;

	(void)state;
	wr_strlcpy(u.page_id, "7", sizeof(u.page_id));
	add_component(&u, "1", STATUSPAGE_PARTIAL_OUTAGE);
	assert_int_equal(statuspage_req_build(STATUSPAGE_CACHET, &u, &r, &err), 0);
	assert_int_equal(r.n, 2);
	assert_req(&r.v[0], "POST", "/api/v1/incidents/7/updates",
	    "{\"status\":2,\"message\":\"Rolled back.\"}");
	assert_req(&r.v[1], "PUT", "/api/v1/components/1", "{\"status\":3}");
	statuspage_reqs_free(&r);

	/* A resolve with text is an update with status 4 (fixed)... */
	u = update(STATUSPAGE_RESOLVE, STATUSPAGE_RESOLVED, "All clear.");
	wr_strlcpy(u.page_id, "7", sizeof(u.page_id));
	add_component(&u, "1", STATUSPAGE_OPERATIONAL);
	assert_int_equal(statuspage_req_build(STATUSPAGE_CACHET, &u, &r, &err), 0);
	assert_int_equal(r.n, 2);
	assert_req(&r.v[0], "POST", "/api/v1/incidents/7/updates",
	    "{\"status\":4,\"message\":\"All clear.\"}");
	assert_req(&r.v[1], "PUT", "/api/v1/components/1", "{\"status\":1}");
	statuspage_reqs_free(&r);

	/* ...and without text a PUT of the incident's status (updates need a message). */
	u = update(STATUSPAGE_RESOLVE, STATUSPAGE_RESOLVED, "");
	wr_strlcpy(u.page_id, "7", sizeof(u.page_id));
	assert_int_equal(statuspage_req_build(STATUSPAGE_CACHET, &u, &r, &err), 0);
	assert_int_equal(r.n, 1);
	assert_req(&r.v[0], "PUT", "/api/v1/incidents/7", "{\"status\":4}");
	statuspage_reqs_free(&r);

	/* Monitoring is cachet's 3 "watching". */
	u = update(STATUSPAGE_UPDATE, STATUSPAGE_MONITORING, "Watching.");
	wr_strlcpy(u.page_id, "7", sizeof(u.page_id));
	assert_int_equal(statuspage_req_build(STATUSPAGE_CACHET, &u, &r, &err), 0);
	assert_req(&r.v[0], "POST", "/api/v1/incidents/7/updates",
	    "{\"status\":3,\"message\":\"Watching.\"}");
	statuspage_reqs_free(&r);
}

static void
cachet3_create_marks_the_message_and_puts_every_component(void **state)
{
	struct statuspage_update u = update(STATUSPAGE_CREATE, STATUSPAGE_INVESTIGATING,
	    "Elevated errors.");
	struct statuspage_reqs r;
	struct wr_err err;

	(void)state;
	wr_strlcpy(u.name, "API 5xx spike", sizeof(u.name));
	wr_strlcpy(u.impact, "major", sizeof(u.impact));  /* Cachet has no impact */
	add_component(&u, "1", STATUSPAGE_MAJOR_OUTAGE);
	add_component(&u, "2", STATUSPAGE_UNDER_MAINTENANCE);
	assert_int_equal(statuspage_req_build(STATUSPAGE_CACHET3, &u, &r, &err), 0);
	assert_int_equal(r.n, 3);
	/* Status is Cachet's integer, not a word: Rule::enum of an int enum. */
	assert_req(&r.v[0], "POST", "/api/incidents",
	    "{\"name\":\"API 5xx spike\","
	    "\"message\":\"Elevated errors.\\n\\n<!-- warroom:api-5xx-spike-a1b2c3 -->\","
	    "\"status\":1,\"visible\":1}");
	assert_true(r.v[0].creates);
	assert_string_equal(r.v[0].auth_prefix, "Authorization: Bearer ");
	/* The create's component list changed shape between 3.x releases: PUT. */
	assert_req(&r.v[1], "PUT", "/api/components/1", "{\"status\":4}");
	assert_req(&r.v[2], "PUT", "/api/components/2", "{\"status\":2}");
	assert_false(r.v[1].creates);
	assert_string_equal(r.v[2].auth_prefix, "Authorization: Bearer ");
	statuspage_reqs_free(&r);

	/* Without text the message is the marker alone. */
	u = update(STATUSPAGE_CREATE, STATUSPAGE_IDENTIFIED, "");
	wr_strlcpy(u.name, "n", sizeof(u.name));
	assert_int_equal(statuspage_req_build(STATUSPAGE_CACHET3, &u, &r, &err), 0);
	assert_int_equal(r.n, 1);
	assert_req(&r.v[0], "POST", "/api/incidents",
	    "{\"name\":\"n\",\"message\":\"<!-- warroom:api-5xx-spike-a1b2c3 -->\","
	    "\"status\":2,\"visible\":1}");
	statuspage_reqs_free(&r);

	add_component(&u, "cmpapi000001", STATUSPAGE_OPERATIONAL);
	assert_int_equal(statuspage_req_build(STATUSPAGE_CACHET3, &u, &r, &err), -1);
	assert_string_equal(err.msg, "cachet component ids are numbers, not \"cmpapi000001\"");
}

static void
cachet3_status_changes_are_always_incident_updates(void **state)
{
	struct statuspage_update u = update(STATUSPAGE_UPDATE, STATUSPAGE_IDENTIFIED,
	    "Rolled back.");
	struct statuspage_reqs r;
	struct wr_err err;

	(void)state;
	wr_strlcpy(u.page_id, "7", sizeof(u.page_id));
	add_component(&u, "1", STATUSPAGE_PARTIAL_OUTAGE);
	assert_int_equal(statuspage_req_build(STATUSPAGE_CACHET3, &u, &r, &err), 0);
	assert_int_equal(r.n, 2);
	assert_req(&r.v[0], "POST", "/api/incidents/7/updates",
	    "{\"status\":2,\"message\":\"Rolled back.\"}");
	assert_false(r.v[0].creates);
	assert_req(&r.v[1], "PUT", "/api/components/1", "{\"status\":3}");
	statuspage_reqs_free(&r);

	u = update(STATUSPAGE_RESOLVE, STATUSPAGE_RESOLVED, "All clear.");
	wr_strlcpy(u.page_id, "7", sizeof(u.page_id));
	add_component(&u, "1", STATUSPAGE_OPERATIONAL);
	assert_int_equal(statuspage_req_build(STATUSPAGE_CACHET3, &u, &r, &err), 0);
	assert_int_equal(r.n, 2);
	assert_req(&r.v[0], "POST", "/api/incidents/7/updates",
	    "{\"status\":4,\"message\":\"All clear.\"}");
	assert_req(&r.v[1], "PUT", "/api/components/1", "{\"status\":1}");
	statuspage_reqs_free(&r);

	/* Without text still an update: a PUT of the incident's status would be
	 * hidden behind its latest update's. The message is Cachet's word. */
	u = update(STATUSPAGE_RESOLVE, STATUSPAGE_RESOLVED, "");
	wr_strlcpy(u.page_id, "7", sizeof(u.page_id));
	assert_int_equal(statuspage_req_build(STATUSPAGE_CACHET3, &u, &r, &err), 0);
	assert_int_equal(r.n, 1);
	assert_req(&r.v[0], "POST", "/api/incidents/7/updates",
	    "{\"status\":4,\"message\":\"Fixed\"}");
	statuspage_reqs_free(&r);

	u = update(STATUSPAGE_UPDATE, STATUSPAGE_MONITORING, "");
	wr_strlcpy(u.page_id, "7", sizeof(u.page_id));
	assert_int_equal(statuspage_req_build(STATUSPAGE_CACHET3, &u, &r, &err), 0);
	assert_req(&r.v[0], "POST", "/api/incidents/7/updates",
	    "{\"status\":3,\"message\":\"Watching\"}");
	statuspage_reqs_free(&r);

	wr_strlcpy(u.page_id, "7/../../users", sizeof(u.page_id));
	assert_int_equal(statuspage_req_build(STATUSPAGE_CACHET3, &u, &r, &err), -1);
	assert_string_equal(err.msg, "the page's incident id is not a plain id");
}

static void
unsendable_updates_are_refused(void **state)
{
	struct statuspage_update u = update(STATUSPAGE_UPDATE, STATUSPAGE_IDENTIFIED, "x");
	struct statuspage_reqs r;
	struct wr_err err;

	(void)state;
	assert_int_equal(statuspage_req_build(STATUSPAGE_ATLASSIAN, &u, &r, &err), -1);
	assert_string_equal(err.msg, "the page's incident id is not known yet");
	wr_strlcpy(u.page_id, "../../admin", sizeof(u.page_id));
	assert_int_equal(statuspage_req_build(STATUSPAGE_ATLASSIAN, &u, &r, &err), -1);
	assert_string_equal(err.msg, "the page's incident id is not a plain id");

	u = update(STATUSPAGE_CREATE, STATUSPAGE_INVESTIGATING, "x");
	assert_int_equal(statuspage_req_build(STATUSPAGE_ATLASSIAN, &u, &r, &err), -1);
	assert_string_equal(err.msg, "creating an incident needs a name");
	wr_strlcpy(u.name, "n", sizeof(u.name));
	add_component(&u, "cmpapi000001", STATUSPAGE_OPERATIONAL);
	assert_int_equal(statuspage_req_build(STATUSPAGE_CACHET, &u, &r, &err), -1);
	assert_string_equal(err.msg, "cachet component ids are numbers, not \"cmpapi000001\"");
	assert_int_equal(statuspage_req_build(STATUSPAGE_NONE, &u, &r, &err), -1);
	u.our_id[0] = '\0';
	assert_int_equal(statuspage_req_build(STATUSPAGE_ATLASSIAN, &u, &r, &err), -1);
	assert_string_equal(err.msg, "a post needs our incident id");
}

static void
urls_join_the_configured_base(void **state)
{
	char out[256];
	struct wr_err err;

	(void)state;
	assert_int_equal(statuspage_req_url(STATUSPAGE_ATLASSIAN,
	    "https://api.statuspage.io/v1/pages/PAGEID", "/incidents", out, sizeof(out), &err), 0);
	assert_string_equal(out, "https://api.statuspage.io/v1/pages/PAGEID/incidents");
	assert_int_equal(statuspage_req_url(STATUSPAGE_ATLASSIAN,
	    "https://api.statuspage.io/v1/pages/PAGEID/", "/incidents/abc", out, sizeof(out),
	    &err), 0);
	assert_string_equal(out, "https://api.statuspage.io/v1/pages/PAGEID/incidents/abc");
	assert_int_equal(statuspage_req_url(STATUSPAGE_CACHET, "https://status.example.com",
	    "/api/v1/incidents", out, sizeof(out), &err), 0);
	assert_string_equal(out, "https://status.example.com/api/v1/incidents");
	assert_int_equal(statuspage_req_url(STATUSPAGE_CACHET,
	    "https://status.example.com/api/v1/", "/api/v1/incidents/3/updates", out,
	    sizeof(out), &err), 0);
	assert_string_equal(out, "https://status.example.com/api/v1/incidents/3/updates");
	assert_int_equal(statuspage_req_url(STATUSPAGE_CACHET3, "https://status.example.com",
	    "/api/incidents", out, sizeof(out), &err), 0);
	assert_string_equal(out, "https://status.example.com/api/incidents");
	/* Cachet 3 under a path of its own, the /api already written. */
	assert_int_equal(statuspage_req_url(STATUSPAGE_CACHET3, "https://example.com/status/api/",
	    "/api/incidents/3/updates", out, sizeof(out), &err), 0);
	assert_string_equal(out, "https://example.com/status/api/incidents/3/updates");
	/* A 2.x base given to kind cachet3 is not rewritten: the page will say. */
	assert_int_equal(statuspage_req_url(STATUSPAGE_CACHET3, "https://x/api/v1",
	    "/api/incidents", out, sizeof(out), &err), 0);
	assert_string_equal(out, "https://x/api/v1/api/incidents");
	assert_int_equal(statuspage_req_url(STATUSPAGE_CACHET, "https://status.example.com",
	    "/api/v1/incidents", out, 20, &err), -1);
	assert_string_equal(err.msg, "status page URL too long");
}

static void
lookup_requests(void **state)
{
	struct statuspage_req r;

	(void)state;
	statuspage_req_lookup(STATUSPAGE_ATLASSIAN, &r);
	assert_req(&r, "GET", "/incidents/unresolved", NULL);
	statuspage_req_lookup(STATUSPAGE_CACHET, &r);
	assert_req(&r, "GET", "/api/v1/incidents?sort=id&order=desc&per_page=100", NULL);
	assert_string_equal(r.auth_prefix, "X-Cachet-Token: ");
	/* Cachet 3 lists newest (created_at) first by itself; no sort asked. */
	statuspage_req_lookup(STATUSPAGE_CACHET3, &r);
	assert_req(&r, "GET", "/api/incidents?per_page=100", NULL);
	assert_string_equal(r.auth_prefix, "Authorization: Bearer ");
}

/* The read at start: Atlassian's page (its url as configured, token and
 * page id), Cachet's ping (its reads want no token). */
static void
check_requests(void **state)
{
	struct statuspage_req r;
	char out[256];
	struct wr_err err;

	(void)state;
	statuspage_req_check(STATUSPAGE_ATLASSIAN, &r);
	assert_req(&r, "GET", "", NULL);
	assert_string_equal(r.auth_prefix, "Authorization: OAuth ");
	assert_int_equal(statuspage_req_url(STATUSPAGE_ATLASSIAN,
	    "https://api.statuspage.io/v1/pages/PAGEID/", r.path, out, sizeof(out), &err), 0);
	assert_string_equal(out, "https://api.statuspage.io/v1/pages/PAGEID");
	statuspage_req_check(STATUSPAGE_CACHET, &r);
	assert_req(&r, "GET", "/api/v1/ping", NULL);
	assert_int_equal(statuspage_req_url(STATUSPAGE_CACHET, "https://status.example.com/api/v1",
	    r.path, out, sizeof(out), &err), 0);
	assert_string_equal(out, "https://status.example.com/api/v1/ping");
	statuspage_req_check(STATUSPAGE_CACHET3, &r);
	assert_req(&r, "GET", "/api/ping", NULL);
	assert_string_equal(r.auth_prefix, "Authorization: Bearer ");
}

static void
answers_give_the_incident_id(void **state)
{
	char id[STATUSPAGE_ID_MAX], st[32];
	struct wr_err err;

	(void)state;
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_ATLASSIAN,
	    S("{\"id\":\"p0q1r2s3t4u5\",\"status\":\"investigating\",\"name\":\"x\"}"),
	    id, st, &err), 0);
	assert_string_equal(id, "p0q1r2s3t4u5");
	assert_string_equal(st, "investigating");
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET,
	    S("{\"data\":{\"id\":12,\"status\":2,\"name\":\"x\"}}"), id, st, &err), 0);
	assert_string_equal(id, "12");
	assert_string_equal(st, "identified");
	/* A cachet update answers with the update; its incident_id is the one. */
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET,
	    S("{\"data\":{\"id\":40,\"incident_id\":12,\"status\":4}}"), id, st, &err), 0);
	assert_string_equal(id, "12");
	assert_string_equal(st, "resolved");
}

static void
malformed_answers_are_errors(void **state)
{
	char id[STATUSPAGE_ID_MAX], st[32];
	struct wr_err err;

	(void)state;
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_ATLASSIAN,
	    S("{\"id\":\"abc\",\"sta"), id, st, &err), -1);
	assert_string_equal(err.msg, "the status page's answer is not JSON");
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_ATLASSIAN,
	    S("<html>502 Bad Gateway</html>"), id, st, &err), -1);
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_ATLASSIAN,
	    S("[1,2]"), id, st, &err), -1);
	assert_string_equal(err.msg, "the status page's answer is not an incident");
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_ATLASSIAN,
	    S("{\"status\":\"investigating\"}"), id, st, &err), -1);
	assert_string_equal(err.msg, "the status page's answer has no usable incident id");
	/* a 200 that says why it saved nothing names
	 * it, sanitized and cut. */
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_ATLASSIAN,
	    S("{\"error\":\"Page is locked for maintenance; nothing was saved\"}"), id, st,
	    &err), -1);
	assert_string_equal(err.msg, "the status page's answer has no usable incident id; it "
	    "says: \"Page is locked for maintenance; nothing was saved\"");
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET,
	    S("{\"errors\":[{\"detail\":\"locked\\u001b[2J\"}]}"), id, st, &err), -1);
	assert_null(strchr(err.msg, '\x1b'));
	assert_non_null(strstr(err.msg, "is not an incident; it says: \"locked"));
	/* An id that would change the path of the next request is refused. */
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_ATLASSIAN,
	    S("{\"id\":\"../../pages/other\"}"), id, st, &err), -1);
	assert_string_equal(id, "");
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET,
	    S("{\"id\":12}"), id, st, &err), -1);
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET,
	    S("{\"data\":{\"id\":1.5}}"), id, st, &err), -1);
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_ATLASSIAN, "", 0, id, st,
	    &err), -1);
}

static void
a_pages_error_text_is_cut(void **state)
{
	char out[24], body[600];

	(void)state;
	snprintf(body, sizeof(body), "{\"message\":\"%0400d\"}", 7);
	assert_true(statuspage_req_error_text(body, strlen(body), out, sizeof(out)));
	assert_true(strlen(out) < sizeof(out));
	assert_false(statuspage_req_error_text(S("{\"id\":\"x\"}"), out, sizeof(out)));
	assert_string_equal(out, "");
	assert_false(statuspage_req_error_text(S("not json"), out, sizeof(out)));
	assert_true(statuspage_req_error_text(S("{\"error\":{\"message\":\"no\"}}"), out,
	    sizeof(out)));
	assert_string_equal(out, "no");
}

static const char atlassian_list[] =
	"[{\"id\":\"aaaaaaaaaaaa\",\"name\":\"API 5xx spike\",\"status\":\"investigating\","
	"\"metadata\":{\"warroom\":{\"incident\":\"someone-else-000001\"}}},"
	"{\"id\":\"bbbbbbbbbbbb\",\"name\":\"other\",\"status\":\"identified\",\"metadata\":{}},"
	"{\"id\":\"cccccccccccc\",\"name\":\"other\",\"status\":\"monitoring\"},"
	"{\"id\":\"dddddddddddd\",\"name\":\"renamed by a human\",\"status\":\"identified\","
	"\"metadata\":{\"warroom\":{\"incident\":\"api-5xx-spike-a1b2c3\"}}}]";

static void
atlassian_lookup_finds_our_metadata_only(void **state)
{
	char id[STATUSPAGE_ID_MAX], st[32];
	struct wr_err err;

	(void)state;
	assert_int_equal(statuspage_req_find(STATUSPAGE_ATLASSIAN, S(atlassian_list),
	    "api-5xx-spike-a1b2c3", "API 5xx spike", id, st, &err), 1);
	assert_string_equal(id, "dddddddddddd");
	assert_string_equal(st, "identified");
	/* Same name, other metadata: not ours (Atlassian never matches by name). */
	assert_int_equal(statuspage_req_find(STATUSPAGE_ATLASSIAN, S(atlassian_list),
	    "api-5xx-spike-ffffff", "API 5xx spike", id, st, &err), 0);
	assert_int_equal(statuspage_req_find(STATUSPAGE_ATLASSIAN, S("[]"),
	    "api-5xx-spike-a1b2c3", NULL, id, st, &err), 0);
	assert_int_equal(statuspage_req_find(STATUSPAGE_ATLASSIAN, S("[{\"id\":"),
	    "api-5xx-spike-a1b2c3", NULL, id, st, &err), -1);
	assert_int_equal(statuspage_req_find(STATUSPAGE_ATLASSIAN, S("{\"error\":\"x\"}"),
	    "api-5xx-spike-a1b2c3", NULL, id, st, &err), -1);
	assert_string_equal(err.msg, "the status page's incident list is not a list");
	assert_int_equal(statuspage_req_find(STATUSPAGE_ATLASSIAN,
	    S("[{\"id\":\"a/b\",\"metadata\":{\"warroom\":{\"incident\":\"x-1\"}}}]"),
	    "x-1", NULL, id, st, &err), -1);
}

static void
cachet_lookup_by_marker_then_by_name(void **state)
{
	char id[STATUSPAGE_ID_MAX], st[32];
	struct wr_err err;
	const char *list =
	    "{\"data\":["
	    "{\"id\":9,\"name\":\"API 5xx spike\",\"status\":4,\"message\":\"old\"},"
	    "{\"id\":5,\"name\":\"API 5xx spike\",\"status\":1,\"message\":\"x\"},"
	    "{\"id\":6,\"name\":\"API 5xx spike\",\"status\":2,\"message\":\"y\"},"
	    "{\"id\":3,\"name\":\"renamed\",\"status\":2,"
	    "\"message\":\"z\\n\\n<!-- warroom:api-5xx-spike-a1b2c3 -->\"}]}";

	(void)state;
	/* The marker wins even when name matches come first. */
	assert_int_equal(statuspage_req_find(STATUSPAGE_CACHET, S(list),
	    "api-5xx-spike-a1b2c3", "API 5xx spike", id, st, &err), 1);
	assert_string_equal(id, "3");
	assert_string_equal(st, "identified");
	/* No marker: the newest not-fixed incident with our exact name. */
	assert_int_equal(statuspage_req_find(STATUSPAGE_CACHET, S(list),
	    "api-5xx-spike-000000", "API 5xx spike", id, st, &err), 1);
	assert_string_equal(id, "6");
	/* A marker for an id that merely starts like ours is not ours. */
	assert_int_equal(statuspage_req_find(STATUSPAGE_CACHET, S(list),
	    "api-5xx-spike-a1b2", "nothing", id, st, &err), 0);
	assert_int_equal(statuspage_req_find(STATUSPAGE_CACHET, S("[]"),
	    "api-5xx-spike-a1b2", "nothing", id, st, &err), -1);
}

static void
cachet3_answers_are_jsonapi_resources(void **state)
{
	char id[STATUSPAGE_ID_MAX], st[32];
	struct wr_err err;

	(void)state;
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET3,
	    S("{\"data\":{\"id\":\"12\",\"type\":\"incidents\",\"attributes\":{\"id\":12,"
	    "\"guid\":\"9b2f\",\"name\":\"x\",\"message\":\"m\","
	    "\"status\":{\"human\":\"Identified\",\"value\":2}},\"relationships\":{},"
	    "\"links\":{},\"meta\":{}},\"jsonapi\":{\"version\":\"1.0\"}}"),
	    id, st, &err), 0);
	assert_string_equal(id, "12");
	assert_string_equal(st, "identified");
	/* An update answers with the update; updateable_id is the incident. */
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET3,
	    S("{\"data\":{\"id\":\"40\",\"type\":\"updates\",\"attributes\":{\"id\":40,"
	    "\"updateable_id\":12,\"updateable_type\":\"incident\",\"message\":\"m\","
	    "\"status\":{\"human\":\"Fixed\",\"value\":4}}}}"), id, st, &err), 0);
	assert_string_equal(id, "12");
	assert_string_equal(st, "resolved");
	/* No resource id: the attribute id will do; an unknown status says nothing. */
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET3,
	    S("{\"data\":{\"attributes\":{\"id\":13,\"status\":{\"value\":null}}}}"),
	    id, st, &err), 0);
	assert_string_equal(id, "13");
	assert_string_equal(st, "");
}

static void
cachet3_malformed_answers_are_errors(void **state)
{
	char id[STATUSPAGE_ID_MAX], st[32];
	struct wr_err err;

	(void)state;
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET3,
	    S("{\"data\":{\"id\":\"12\",\"attr"), id, st, &err), -1);
	assert_string_equal(err.msg, "the status page's answer is not JSON");
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET3,
	    S("<!DOCTYPE html><title>Cachet</title>"), id, st, &err), -1);
	assert_string_equal(err.msg, "the status page's answer is not JSON");
	/* A 2.x answer is not a 3.x resource. */
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET3,
	    S("{\"data\":{\"id\":12,\"status\":2}}"), id, st, &err), -1);
	assert_string_equal(err.msg, "the status page's answer is not an incident");
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET3,
	    S("{\"data\":[{\"id\":\"12\",\"attributes\":{}}]}"), id, st, &err), -1);
	assert_string_equal(err.msg, "the status page's answer is not an incident");
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET3,
	    S("{\"data\":{\"id\":\"12\",\"attributes\":\"x\"}}"), id, st, &err), -1);
	/* Laravel's validation error: no data at all. */
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET3,
	    S("{\"message\":\"The status field is required.\",\"errors\":{}}"), id, st,
	    &err), -1);
	assert_string_equal(err.msg, "the status page's answer is not an incident; it says: "
	    "\"The status field is required.\"");
	/* Ids that are not plain, or not whole numbers, never reach a path. */
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET3,
	    S("{\"data\":{\"id\":\"../../users\",\"attributes\":{\"id\":12}}}"), id, st,
	    &err), -1);
	assert_string_equal(err.msg, "the status page's answer has no usable incident id");
	assert_string_equal(id, "");
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET3,
	    S("{\"data\":{\"attributes\":{\"id\":1.5}}}"), id, st, &err), -1);
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET3,
	    S("{\"data\":{\"id\":\"40\",\"attributes\":{\"updateable_id\":\"a b\"}}}"), id,
	    st, &err), -1);
	assert_int_equal(statuspage_req_parse_incident(STATUSPAGE_CACHET3, "", 0, id, st,
	    &err), -1);
}

static void
cachet3_lookup_by_marker_then_by_name(void **state)
{
	char id[STATUSPAGE_ID_MAX], st[32];
	struct wr_err err;
	const char *list =
	    "{\"data\":["
	    "{\"id\":\"9\",\"type\":\"incidents\",\"attributes\":{\"id\":9,"
	    "\"name\":\"API 5xx spike\",\"message\":\"old\","
	    "\"status\":{\"human\":\"Fixed\",\"value\":4}}},"
	    "{\"id\":\"6\",\"type\":\"incidents\",\"attributes\":{\"id\":6,"
	    "\"name\":\"API 5xx spike\",\"message\":\"y\","
	    "\"status\":{\"human\":\"Identified\",\"value\":2}}},"
	    "\"not an incident\","
	    "{\"id\":\"8\",\"type\":\"incidents\",\"attributes\":null},"
	    "{\"id\":\"5\",\"type\":\"incidents\",\"attributes\":{\"id\":5,"
	    "\"name\":\"API 5xx spike\",\"message\":\"x\","
	    "\"status\":{\"human\":\"Investigating\",\"value\":1}}},"
	    "{\"id\":\"3\",\"type\":\"incidents\",\"attributes\":{\"id\":3,"
	    "\"name\":\"renamed\",\"message\":\"z\\n\\n<!-- warroom:api-5xx-spike-a1b2c3 -->\","
	    "\"status\":{\"human\":\"Watching\",\"value\":3}}}],"
	    "\"links\":{\"next\":null},\"meta\":{\"per_page\":100}}";

	(void)state;
	/* The marker wins even when name matches come first. */
	assert_int_equal(statuspage_req_find(STATUSPAGE_CACHET3, S(list),
	    "api-5xx-spike-a1b2c3", "API 5xx spike", id, st, &err), 1);
	assert_string_equal(id, "3");
	assert_string_equal(st, "monitoring");
	/* No marker: the newest not-fixed incident with our exact name. */
	assert_int_equal(statuspage_req_find(STATUSPAGE_CACHET3, S(list),
	    "api-5xx-spike-000000", "API 5xx spike", id, st, &err), 1);
	assert_string_equal(id, "6");
	assert_string_equal(st, "identified");
	assert_int_equal(statuspage_req_find(STATUSPAGE_CACHET3, S(list),
	    "api-5xx-spike-a1b2", "nothing", id, st, &err), 0);
	assert_int_equal(statuspage_req_find(STATUSPAGE_CACHET3, S("{\"data\":[]}"),
	    "api-5xx-spike-a1b2", "nothing", id, st, &err), 0);
	/* The 2.x shape of the same incident is not read as 3.x. */
	assert_int_equal(statuspage_req_find(STATUSPAGE_CACHET3,
	    S("{\"data\":[{\"id\":3,\"name\":\"n\",\"status\":2,"
	    "\"message\":\"<!-- warroom:api-5xx-spike-a1b2c3 -->\"}]}"),
	    "api-5xx-spike-a1b2c3", "n", id, st, &err), 0);
	assert_int_equal(statuspage_req_find(STATUSPAGE_CACHET3, S("{\"data\":{}}"),
	    "api-5xx-spike-a1b2", "nothing", id, st, &err), -1);
	assert_string_equal(err.msg, "the status page's incident list is not a list");
	assert_int_equal(statuspage_req_find(STATUSPAGE_CACHET3, S("[]"),
	    "api-5xx-spike-a1b2", "nothing", id, st, &err), -1);
	assert_int_equal(statuspage_req_find(STATUSPAGE_CACHET3, S("{\"data\":["),
	    "api-5xx-spike-a1b2", "nothing", id, st, &err), -1);
	assert_string_equal(err.msg, "the status page's answer is not JSON");
	/* Our marker on an incident whose id is unusable: an error, not a miss. */
	assert_int_equal(statuspage_req_find(STATUSPAGE_CACHET3,
	    S("{\"data\":[{\"id\":\"a/b\",\"attributes\":{"
	    "\"message\":\"<!-- warroom:x-1 -->\"}}]}"), "x-1", NULL, id, st, &err), -1);
	assert_string_equal(err.msg, "our incident on the page has no usable id");
	assert_string_equal(id, "");
}

static void
updates_survive_the_journal(void **state)
{
	struct statuspage_update u = update(STATUSPAGE_RESOLVE, STATUSPAGE_RESOLVED,
	    "All \"clear\"\n"), back;
	struct wr_err err;
	cJSON *j, *bad;
	char *text;

	(void)state;
	wr_strlcpy(u.name, "API 5xx spike", sizeof(u.name));
	wr_strlcpy(u.page_id, "p0q1", sizeof(u.page_id));
	add_component(&u, "cmpapi000001", STATUSPAGE_OPERATIONAL);
	add_component(&u, "cmpexport001", STATUSPAGE_UNDER_MAINTENANCE);
	j = statuspage_update_to_json(&u);
	text = cJSON_PrintUnformatted(j);
	assert_string_equal(text,
	    "{\"action\":\"resolve\",\"status\":\"resolved\",\"name\":\"API 5xx spike\","
	    "\"body\":\"All \\\"clear\\\"\\n\",\"impact\":\"\",\"components\":["
	    "{\"id\":\"cmpapi000001\",\"status\":\"operational\"},"
	    "{\"id\":\"cmpexport001\",\"status\":\"under_maintenance\"}],"
	    "\"our_id\":\"api-5xx-spike-a1b2c3\",\"page_id\":\"p0q1\"}");
	free(text);
	assert_int_equal(statuspage_update_from_json(j, &back, &err), 0);
	assert_memory_equal(&u, &back, sizeof(u));

	cJSON_ReplaceItemInObject(j, "action", cJSON_CreateString("delete"));
	assert_int_equal(statuspage_update_from_json(j, &back, &err), -1);
	assert_string_equal(err.msg, "queued post: unknown action \"delete\"");
	cJSON_Delete(j);
	bad = cJSON_Parse("{\"action\":\"create\",\"status\":\"resolved\"}");
	assert_int_equal(statuspage_update_from_json(bad, &back, &err), -1);
	assert_string_equal(err.msg, "queued post: \"name\" missing");
	cJSON_Delete(bad);
	assert_int_equal(statuspage_update_from_json(NULL, &back, &err), -1);
}

static void
names_parse_both_ways(void **state)
{
	(void)state;
	assert_int_equal(statuspage_status_parse("monitoring"), STATUSPAGE_MONITORING);
	assert_int_equal(statuspage_status_parse("watching"), -1);
	assert_int_equal(statuspage_component_status_parse("major_outage"),
	    STATUSPAGE_MAJOR_OUTAGE);
	assert_int_equal(statuspage_action_parse("resolve"), STATUSPAGE_RESOLVE);
	assert_string_equal(statuspage_component_status_name(STATUSPAGE_UNDER_MAINTENANCE),
	    "under_maintenance");
}

static void
templates_fill_known_placeholders(void **state)
{
	struct statuspage_vars v = {
		.service = "api", .from_tag = "v1.5.0-bad", .to_tag = "v1.4.1",
		.incident = "api-5xx-spike-a1b2c3", .time = "12:04 UTC", .since = "12:01 UTC",
		.began = "11:40 UTC",
	};
	char *s;

	(void)state;
	s = statuspage_template("{service} rolled back from {from_tag} to {to_tag} at {time} "
	    "({incident}), there since {since}, errors since {began}.", &v);
	assert_string_equal(s, "api rolled back from v1.5.0-bad to v1.4.1 at 12:04 UTC "
	    "(api-5xx-spike-a1b2c3), there since 12:01 UTC, errors since 11:40 UTC.");
	free(s);
	s = statuspage_template("{service}{service} {unknown} {{service}} {} {to_tag", &v);
	assert_string_equal(s, "apiapi {unknown} {api} {} {to_tag");
	free(s);
	v.to_tag = NULL;
	s = statuspage_template("to {to_tag}, {SERVICE}", &v);
	assert_string_equal(s, "to {to_tag}, {SERVICE}");
	free(s);
	s = statuspage_template("", NULL);
	assert_string_equal(s, "");
	free(s);
	s = statuspage_template("{service}", NULL);
	assert_string_equal(s, "{service}");
	free(s);
}

static void
retry_after_is_the_next_try(void **state)
{
	int64_t d;

	(void)state;
	/* Sixth retry after a 429 with Retry-After: 1: a second, not the
	 * backoff's 16..32 s. */
	d = statuspage_retry_delay_ms(6, 1, 1000, 60000, 12345);
	assert_true(d >= 1000 && d < 1100);
	/* Bounded: a page cannot park the queue for an hour. */
	d = statuspage_retry_delay_ms(1, 3600, 1000, 60000, 0);
	assert_int_equal(d, 300000);
	/* None given: backoff doubling, in its upper half, up to the cap. */
	d = statuspage_retry_delay_ms(1, 0, 1000, 60000, 0);
	assert_int_equal(d, 500);
	d = statuspage_retry_delay_ms(3, 0, 1000, 60000, 2000);
	assert_int_equal(d, 4000);
	d = statuspage_retry_delay_ms(30, 0, 1000, 60000, 7);
	assert_int_equal(d, 30007);
}

/* A restart: a create is looked up; a post never sent, or a PUT, goes
 * again; a PATCH or POST that may have landed is read back, never resent. */
static void
resume_decides_send_lookup_or_read_back(void **state)
{
	(void)state;
	assert_int_equal(statuspage_resume_decide(STATUSPAGE_CREATE, false, ""),
	    STATUSPAGE_RESUME_LOOKUP);
	assert_int_equal(statuspage_resume_decide(STATUSPAGE_CREATE, true, "POST"),
	    STATUSPAGE_RESUME_LOOKUP);
	assert_int_equal(statuspage_resume_decide(STATUSPAGE_UPDATE, false, ""),
	    STATUSPAGE_RESUME_SEND);
	assert_int_equal(statuspage_resume_decide(STATUSPAGE_UPDATE, true, "PATCH"),
	    STATUSPAGE_RESUME_RECONCILE);
	assert_int_equal(statuspage_resume_decide(STATUSPAGE_RESOLVE, true, "POST"),
	    STATUSPAGE_RESUME_RECONCILE);
	assert_int_equal(statuspage_resume_decide(STATUSPAGE_UPDATE, true, "PUT"),
	    STATUSPAGE_RESUME_SEND);
	/* A try whose method was not recorded may have been anything. */
	assert_int_equal(statuspage_resume_decide(STATUSPAGE_UPDATE, true, ""),
	    STATUSPAGE_RESUME_RECONCILE);
	/* No answer after connecting may have landed; refused never left. */
	assert_true(statuspage_try_maybe_applied(0, -1, "Operation timed out after 10001 ms"));
	assert_true(statuspage_try_maybe_applied(0, -1, NULL));
	assert_false(statuspage_try_maybe_applied(0, -1, "Couldn't connect to server"));
	assert_false(statuspage_try_maybe_applied(0, -1, "Could not resolve host: x.invalid"));
	assert_false(statuspage_try_maybe_applied(0, -1, "Connection refused"));
	assert_false(statuspage_try_maybe_applied(500, -1, "HTTP 500"));
	assert_false(statuspage_try_maybe_applied(429, -1, ""));
}

/* In the running console: a try that left and got no answer may be on
 * the page (a reset after sending is no refusal); the client's own word
 * on whether bytes left beats the error's wording. */
static void
retry_decides_read_back_before_resending(void **state)
{
	(void)state;
	assert_true(statuspage_try_maybe_applied(0, -1, "Recv failure: Connection reset by peer"));
	assert_false(statuspage_try_maybe_applied(0, -1,
	    "Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server"));
	assert_false(statuspage_try_maybe_applied(0, -1,
	    "Connection timed out after 10001 milliseconds"));
	assert_true(statuspage_try_maybe_applied(0, 1, "Connection refused"));
	assert_false(statuspage_try_maybe_applied(0, 0, "Operation timed out after 10001 ms"));
	assert_false(statuspage_try_maybe_applied(503, 1, ""));
	assert_int_equal(statuspage_retry_decide(STATUSPAGE_UPDATE, true, "PATCH"),
	    STATUSPAGE_RESUME_RECONCILE);
	assert_int_equal(statuspage_retry_decide(STATUSPAGE_RESOLVE, true, "POST"),
	    STATUSPAGE_RESUME_RECONCILE);
	assert_int_equal(statuspage_retry_decide(STATUSPAGE_UPDATE, false, "PATCH"),
	    STATUSPAGE_RESUME_SEND);
	assert_int_equal(statuspage_retry_decide(STATUSPAGE_UPDATE, true, "PUT"),
	    STATUSPAGE_RESUME_SEND);
	assert_int_equal(statuspage_retry_decide(STATUSPAGE_CREATE, true, "POST"),
	    STATUSPAGE_RESUME_LOOKUP);
}

/* The read back: found is posted; missing is sent again only when this
 * console's own try is over and the page answered; out of reach reads
 * again; never a blind resend. */
static void
read_decides_posted_send_again_or_unknown(void **state)
{
	(void)state;
	assert_int_equal(statuspage_read_decide(200, 1, true), STATUSPAGE_READ_POSTED);
	assert_int_equal(statuspage_read_decide(200, 1, false), STATUSPAGE_READ_POSTED);
	assert_int_equal(statuspage_read_decide(200, 0, true), STATUSPAGE_READ_SEND);
	assert_int_equal(statuspage_read_decide(200, 0, false), STATUSPAGE_READ_UNKNOWN);
	assert_int_equal(statuspage_read_decide(200, -1, true), STATUSPAGE_READ_AGAIN);
	assert_int_equal(statuspage_read_decide(200, -1, false), STATUSPAGE_READ_UNKNOWN);
	assert_int_equal(statuspage_read_decide(0, 0, true), STATUSPAGE_READ_AGAIN);
	assert_int_equal(statuspage_read_decide(0, 0, false), STATUSPAGE_READ_AGAIN);
	assert_int_equal(statuspage_read_decide(503, 0, true), STATUSPAGE_READ_AGAIN);
	assert_int_equal(statuspage_read_decide(429, 0, true), STATUSPAGE_READ_AGAIN);
	assert_int_equal(statuspage_read_decide(307, 0, true), STATUSPAGE_READ_AGAIN);
	assert_int_equal(statuspage_read_decide(404, 0, true), STATUSPAGE_READ_UNKNOWN);
	assert_int_equal(statuspage_read_decide(401, 0, false), STATUSPAGE_READ_UNKNOWN);
}

static void
updates_requests(void **state)
{
	struct statuspage_req q;

	(void)state;
	statuspage_req_updates(STATUSPAGE_ATLASSIAN, "p31zjtct2jer", &q);
	assert_string_equal(q.method, "GET");
	assert_string_equal(q.path, "/incidents/p31zjtct2jer");
	assert_string_equal(q.auth_prefix, "Authorization: OAuth ");
	assert_null(q.body);
	statuspage_req_updates(STATUSPAGE_CACHET, "7", &q);
	assert_string_equal(q.path, "/api/v1/incidents/7/updates?per_page=100");
	assert_string_equal(q.auth_prefix, "X-Cachet-Token: ");
	statuspage_req_updates(STATUSPAGE_CACHET3, "7", &q);
	assert_string_equal(q.path, "/api/incidents/7/updates?per_page=100");
}

static void
atlassian_update_found_by_text_and_status(void **state)
{
	static const char page[] = "{\"id\":\"p31\",\"status\":\"monitoring\",\"incident_updates\":["
	    "{\"status\":\"monitoring\",\"body\":\"api is back\",\"created_at\":\"2026-11-27T18:22:09.120Z\"},"
	    "{\"status\":\"identified\",\"body\":\"api is back\",\"created_at\":\"2026-11-27T18:21:00Z\"},"
	    "{\"status\":\"investigating\",\"body\":\"errors\",\"created_at\":\"2026-11-27T18:17:00Z\"}]}";
	struct statuspage_update u = update(STATUSPAGE_UPDATE, STATUSPAGE_MONITORING, "api is back");
	struct wr_err err;
	char when[40];
	int64_t ms;

	(void)state;
	assert_int_equal(statuspage_req_find_update(STATUSPAGE_ATLASSIAN, S(page), &u, 0, when, &ms,
	    &err), 1);
	assert_string_equal(when, "2026-11-27T18:22:09.120Z");
	assert_int_equal(ms, 1795803729120LL);
	/* One such update already posted before: this one is not there. */
	assert_int_equal(statuspage_req_find_update(STATUSPAGE_ATLASSIAN, S(page), &u, 1, when, &ms,
	    &err), 0);
	assert_string_equal(when, "");
	/* Same text, other status: not ours. */
	u.status = STATUSPAGE_RESOLVED;
	assert_int_equal(statuspage_req_find_update(STATUSPAGE_ATLASSIAN, S(page), &u, 0, when, &ms,
	    &err), 0);
	u = update(STATUSPAGE_UPDATE, STATUSPAGE_MONITORING, "api is back.");
	assert_int_equal(statuspage_req_find_update(STATUSPAGE_ATLASSIAN, S(page), &u, 0, when, &ms,
	    &err), 0);
	assert_int_equal(statuspage_req_find_update(STATUSPAGE_ATLASSIAN, S("{\"id\":\"p31\"}"), &u,
	    0, when, &ms, &err), -1);
	assert_int_equal(statuspage_req_find_update(STATUSPAGE_ATLASSIAN, S("<html>"), &u, 0, when,
	    &ms, &err), -1);
	/* Found, but a time before 1970 (fuzzing) is no time: 0. */
	assert_int_equal(statuspage_req_find_update(STATUSPAGE_ATLASSIAN,
	    S("{\"id\":\"p31\",\"incident_updates\":[{\"status\":\"monitoring\","
	    "\"body\":\"api is back.\",\"created_at\":\"1013-11-27T18:22:09.000Z\"}]}"), &u, 0,
	    when, &ms, &err), 1);
	assert_int_equal(ms, 0);
}

static void
cachet_update_found_by_message_and_status(void **state)
{
	static const char c2[] = "{\"data\":[{\"id\":1,\"incident_id\":7,\"status\":3,"
	    "\"message\":\"api is back\",\"created_at\":\"2026-11-27 18:22:09\"}]}";
	static const char c3[] = "{\"data\":[{\"id\":\"1\",\"type\":\"updates\",\"attributes\":{"
	    "\"message\":\"Watching\",\"status\":{\"human\":\"Watching\",\"value\":3},"
	    "\"created\":{\"string\":\"2026-11-27 18:22:09\"}}}]}";
	struct statuspage_update u = update(STATUSPAGE_UPDATE, STATUSPAGE_MONITORING, "api is back");
	struct wr_err err;
	char when[40];
	int64_t ms;

	(void)state;
	assert_int_equal(statuspage_req_find_update(STATUSPAGE_CACHET, S(c2), &u, 0, when, &ms,
	    &err), 1);
	assert_string_equal(when, "2026-11-27 18:22:09");
	assert_int_equal(ms, 1795803729000LL);
	u.status = STATUSPAGE_IDENTIFIED;
	assert_int_equal(statuspage_req_find_update(STATUSPAGE_CACHET, S(c2), &u, 0, when, &ms,
	    &err), 0);
	/* Cachet 3 posts a bare status change as its own word. */
	u = update(STATUSPAGE_UPDATE, STATUSPAGE_MONITORING, "");
	assert_int_equal(statuspage_req_find_update(STATUSPAGE_CACHET3, S(c3), &u, 0, when, &ms,
	    &err), 1);
	assert_int_equal(statuspage_req_find_update(STATUSPAGE_CACHET3, S("{\"data\":{}}"), &u, 0,
	    when, &ms, &err), -1);
}

static void
a_post_that_sets_the_page_back_is_said(void **state)
{
	char buf[160];

	(void)state;
	/* 2026-01-01T19:42:10Z */
	assert_true(statuspage_backwards_words("identified", 1767296530000LL,
	    STATUSPAGE_INVESTIGATING, buf, sizeof(buf)));
	assert_string_equal(buf, "the page already says identified (posted 19:42); this sets "
	    "it back to investigating");
	assert_true(statuspage_backwards_words("monitoring", 0, STATUSPAGE_IDENTIFIED, buf,
	    sizeof(buf)));
	assert_string_equal(buf, "the page already says monitoring; this sets it back to "
	    "identified");
	assert_true(statuspage_backwards_words("resolved", 0, STATUSPAGE_INVESTIGATING, buf,
	    sizeof(buf)));
	/* Forward, the same, or nothing posted yet: nothing to say. */
	assert_false(statuspage_backwards_words("identified", 1, STATUSPAGE_MONITORING, buf,
	    sizeof(buf)));
	assert_string_equal(buf, "");
	assert_false(statuspage_backwards_words("identified", 1, STATUSPAGE_IDENTIFIED, buf,
	    sizeof(buf)));
	assert_false(statuspage_backwards_words("", 0, STATUSPAGE_INVESTIGATING, buf,
	    sizeof(buf)));
	assert_false(statuspage_backwards_words(NULL, 0, STATUSPAGE_INVESTIGATING, buf,
	    sizeof(buf)));
}


/* A create is found only by its own text and status in the incident, not
 * by our incident being there: another post may have made it. */
static void
a_create_is_found_by_its_own_text(void **state)
{
	static const char list[] = "[{\"id\":\"lf2\",\"status\":\"identified\","
	    "\"metadata\":{\"warroom\":{\"incident\":\"api-5xx-spike-a1b2c3\"}},"
	    "\"incident_updates\":[{\"status\":\"identified\",\"body\":\"cause found\"}]}]";
	static const char c2[] = "{\"data\":[{\"id\":7,\"status\":2,\"message\":"
	    "\"cause found\\n\\n<!-- warroom:api-5xx-spike-a1b2c3 -->\"}]}";
	struct statuspage_update u = update(STATUSPAGE_CREATE, STATUSPAGE_INVESTIGATING,
	    "We are investigating elevated errors");
	struct wr_err err;

	(void)state;
	assert_int_equal(statuspage_req_find_create(STATUSPAGE_ATLASSIAN, S(list), &u, "lf2", 0,
	    &err), 0);
	assert_int_equal(statuspage_req_find_create(STATUSPAGE_CACHET, S(c2), &u, "7", 0, &err), 0);
	u = update(STATUSPAGE_CREATE, STATUSPAGE_IDENTIFIED, "cause found");
	assert_int_equal(statuspage_req_find_create(STATUSPAGE_ATLASSIAN, S(list), &u, "lf2", 0,
	    &err), 1);
	assert_int_equal(statuspage_req_find_create(STATUSPAGE_CACHET, S(c2), &u, "7", 0, &err), 1);
	/* Already posted once by the journal's account: not this one. */
	assert_int_equal(statuspage_req_find_create(STATUSPAGE_ATLASSIAN, S(list), &u, "lf2", 1,
	    &err), 0);
	/* Another incident id: not there. */
	assert_int_equal(statuspage_req_find_create(STATUSPAGE_ATLASSIAN, S(list), &u, "zz9", 0,
	    &err), 0);
	assert_int_equal(statuspage_req_find_create(STATUSPAGE_ATLASSIAN, S("{}"), &u, "lf2", 0,
	    &err), -1);
}

/* Superseded: not sent when it would set the page back, else an update. */
static void
a_superseded_create_is_sent_only_forward(void **state)
{
	char buf[300];

	(void)state;
	assert_true(statuspage_create_superseded(STATUSPAGE_INVESTIGATING, "identified"));
	assert_false(statuspage_create_superseded(STATUSPAGE_IDENTIFIED, "identified"));
	assert_false(statuspage_create_superseded(STATUSPAGE_MONITORING, "investigating"));
	assert_false(statuspage_create_superseded(STATUSPAGE_INVESTIGATING, ""));
	/* 2026-11-27 18:45:10 UTC */
	statuspage_superseded_words(STATUSPAGE_INVESTIGATING, true, 500, "identified",
	    1795805110000LL, "identified", buf, sizeof(buf));
	assert_string_equal(buf, "investigating post never reached the page (HTTP 500); the "
	    "incident was created by the identified post at 18:45; not sent: it would set the "
	    "status back");
	statuspage_superseded_words(STATUSPAGE_IDENTIFIED, false, 0, "", 0, "investigating", buf,
	    sizeof(buf));
	assert_string_equal(buf, "identified post was queued as a create; the incident was "
	    "created by another post; sent as an update of it");
	statuspage_superseded_words(STATUSPAGE_MONITORING, true, 0, "", 0, "identified", buf,
	    sizeof(buf));
	assert_string_equal(buf, "monitoring post never reached the page (no answer); the "
	    "incident was created by another post; sent as an update of it");
}

/* A post is taken over only from a console that no longer runs. */
static void
takeover_only_from_a_console_gone(void **state)
{
	(void)state;
	assert_true(statuspage_takeover(12, 40, 0));
	assert_false(statuspage_takeover(12, 40, 1));
	assert_false(statuspage_takeover(40, 40, 0));
	/* Not known (an older journal's post): as before, a restart sends it. */
	assert_true(statuspage_takeover(0, 40, -1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(atlassian_create_is_one_post_with_metadata),
		cmocka_unit_test(atlassian_update_and_resolve_patch_the_page_incident),
		cmocka_unit_test(title_and_impact_for_each_kind),
		cmocka_unit_test(cachet_create_marks_the_message_and_puts_extra_components),
		cmocka_unit_test(cachet_update_posts_an_update_and_resolve_puts_the_status),
		cmocka_unit_test(cachet3_create_marks_the_message_and_puts_every_component),
		cmocka_unit_test(cachet3_status_changes_are_always_incident_updates),
		cmocka_unit_test(unsendable_updates_are_refused),
		cmocka_unit_test(urls_join_the_configured_base),
		cmocka_unit_test(lookup_requests),
		cmocka_unit_test(answers_give_the_incident_id),
		cmocka_unit_test(malformed_answers_are_errors),
		cmocka_unit_test(a_pages_error_text_is_cut),
		cmocka_unit_test(atlassian_lookup_finds_our_metadata_only),
		cmocka_unit_test(cachet_lookup_by_marker_then_by_name),
		cmocka_unit_test(cachet3_answers_are_jsonapi_resources),
		cmocka_unit_test(cachet3_malformed_answers_are_errors),
		cmocka_unit_test(cachet3_lookup_by_marker_then_by_name),
		cmocka_unit_test(updates_survive_the_journal),
		cmocka_unit_test(names_parse_both_ways),
		cmocka_unit_test(check_requests),
		cmocka_unit_test(preview_names_the_page_and_incident),
		cmocka_unit_test(chat_lines_lead_with_the_public_title),
		cmocka_unit_test(templates_fill_known_placeholders),
		cmocka_unit_test(retry_after_is_the_next_try),
		cmocka_unit_test(resume_decides_send_lookup_or_read_back),
		cmocka_unit_test(retry_decides_read_back_before_resending),
		cmocka_unit_test(read_decides_posted_send_again_or_unknown),
		cmocka_unit_test(updates_requests),
		cmocka_unit_test(atlassian_update_found_by_text_and_status),
		cmocka_unit_test(cachet_update_found_by_message_and_status),
		cmocka_unit_test(a_post_that_sets_the_page_back_is_said),
		cmocka_unit_test(a_create_is_found_by_its_own_text),
		cmocka_unit_test(a_superseded_create_is_sent_only_forward),
		cmocka_unit_test(takeover_only_from_a_console_gone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
