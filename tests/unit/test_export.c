/*
 * test_export.c — the post-mortem draft and the JSON export of a small,
 * fixed incident, compared with golden files in tests/unit/fixtures/export/
 * (WR_UPDATE_GOLDEN=1 rewrites them), the key times read back from the
 * JSON, and the Markdown rendered by md4c into tables of the right shape.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <md4c-html.h>

#include "warroom/cause.h"
#include "warroom/export.h"
#include "warroom/sessions.h"
#include "warroom/record.h"

#define T0 1714564800000LL      /* 2024-05-01T12:00:00.000Z */
#define NREC 21

static struct record recs[NREC];

static void
add_to(struct record *v, size_t i, int64_t at_s, const char *kind, const char *host,
    const char *op, const char *data)
{
	struct record *r = &v[i];

	r->seq = i + 1;
	r->ts_ms = T0 + at_s * 1000;
	r->mono_ms = 1000000 + at_s * 1000;
	r->actor = xstrdup(i == 3 ? "bob@laptop" : "alice@ws");
	r->kind = xstrdup(kind);
	r->host = host != NULL ? xstrdup(host) : NULL;
	r->op = op != NULL ? xstrdup(op) : NULL;
	r->data = cJSON_Parse(data);
	assert_non_null(r->data);
	r->prev = i > 0 ? v[i - 1].crc : 0;
	r->crc = crc32c(0, data, strlen(data)) ^ (uint32_t)i;
}

/* The n records add_to made in v. */
static void
records_free(struct record *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		record_free(&v[i]);
}

static void
add(size_t i, int64_t at_s, const char *kind, const char *host, const char *op,
    const char *data)
{
	add_to(recs, i, at_s, kind, host, op, data);
}

static int
setup(void **state)
{
	add(0, 0, "incident.open", NULL, NULL,
	    "{\"name\":\"api 5xx spike\",\"id\":\"api-5xx-spike-7f3a2c\"}");
	add(1, 5, "runbook.load", NULL, NULL,
	    "{\"runbook\":\"rollback.md\",\"steps\":["
	    "{\"step\":\"s1\",\"title\":\"Check the dashboards\"},"
	    "{\"step\":\"s2\",\"title\":\"Roll back `api` to last_good\"},"
	    "{\"step\":\"s3\",\"title\":\"Post a status update\"},"
	    "{\"step\":\"s4\",\"title\":\"Write the [post-mortem]\"}]}");
	add(2, 10, "verdict.change", "api-1", NULL,
	    "{\"service\":\"api\",\"verdict\":\"ROLLBACK IMMEDIATELY\","
	    "\"reason\":\"error rate 7.9% > 5%\"}");
	add(3, 60, "note", NULL, NULL,
	    "{\"text\":\"5xx since deploy sha-abc | suspect *pool_size*\\nsecond line\"}");
	add(4, 70, "step.check", NULL, NULL,
	    "{\"step\":\"s1\",\"title\":\"Check the dashboards\"}");
	add(5, 90, "statuspage.queue", NULL, "sp-6-1e4f",
	    "{\"queue\":\"sp-6-1e4f\",\"kind\":\"atlassian\",\"update\":{\"action\":\"create\","
	    "\"status\":\"investigating\",\"name\":\"api 5xx spike\","
	    "\"body\":\"Elevated errors on the API\",\"impact\":\"major\",\"components\":[],"
	    "\"our_id\":\"api-5xx-spike-7f3a2c\",\"page_id\":\"\"},\"runbook_step\":\"s3\"}");
	add(6, 91, "statuspage.post", NULL, "sp-6-1e4f",
	    "{\"queue\":\"sp-6-1e4f\",\"action\":\"create\",\"page_incident\":\"p0abc\","
	    "\"status\":\"investigating\",\"found\":false}");
	add(7, 120, "action.intent", "api-1", "op-1",
	    "{\"action\":\"rollback\",\"plan\":{\"service\":\"api\",\"from\":\"v2-bad\","
	    "\"to\":\"v1\",\"steps\":[{\"name\":\"pull\",\"cmd\":\"cd '/srv/app' && "
	    "IMAGE_TAG=v1 docker compose pull api\"},{\"name\":\"up -d\",\"cmd\":\"cd '/srv/app' "
	    "&& IMAGE_TAG=v1 docker compose up -d api\"}],\"verify\":\"cd '/srv/app' && docker "
	    "compose ps -a --format json\"},\"plan_hash\":\"crc32c:1234abcd\"}");
	add(8, 170, "action.output", "api-1", "op-1",
	    "{\"step\":\"up -d api\",\"exit\":0,\"lines_total\":42,\"lines\":["
	    "\"Container api-1  Recreate\",\"Container api-1  Started\","
	    "\"``` a fence in the output\"]}");
	add(9, 180, "action.end", "api-1", "op-1",
	    "{\"outcome\":\"ok\",\"detail\":\"api at v1, healthy\"}");
	add(10, 185, "step.check", NULL, NULL, "{\"step\":\"s2\"}");
	add(11, 200, "action.intent", "api-2", "op-2",
	    "{\"action\":\"smoke_test\",\"plan\":null,\"plan_hash\":\"crc32c:00000000\"}");
	add(12, 250, "statuspage.queue", NULL, "sp-13-0a0b",
	    "{\"queue\":\"sp-13-0a0b\",\"kind\":\"atlassian\",\"update\":{\"action\":\"update\","
	    "\"status\":\"identified\",\"name\":\"api 5xx spike\","
	    "\"body\":\"Bad deploy | rolled *api* back\",\"impact\":\"\",\"components\":[],"
	    "\"our_id\":\"api-5xx-spike-7f3a2c\",\"page_id\":\"p0abc\"}}");
	add(13, 260, "statuspage.failed", NULL, "sp-13-0a0b",
	    "{\"queue\":\"sp-13-0a0b\",\"action\":\"update\","
	    "\"error\":\"gave up after 5 attempts: HTTP 503\",\"http_status\":503}");
	add(14, 300, "verdict.change", "api-1", NULL,
	    "{\"service\":\"api\",\"verdict\":\"OK\",\"reason\":\"error rate 0.1%\"}");
	add(15, 310, "note", NULL, NULL,
	    "{\"text\":\"smoke test lost its connection; check C:\\\\tmp\\\\smoke.log by hand\"}");
	add(16, 330, "chat.announce", NULL, "chat-1",
	    "{\"id\":\"chat-1\",\"text\":\"api rolled back to v1; watching\"}");
	add(17, 340, "chat.failed", NULL, "chat-1",
	    "{\"id\":\"chat-1\",\"error\":\"timed out after the request was sent\","
	    "\"http_status\":0,\"unknown\":true}");
	add(18, 390, "statuspage.queue", NULL, "sp-19-77aa",
	    "{\"queue\":\"sp-19-77aa\",\"kind\":\"atlassian\",\"update\":{\"action\":\"resolve\","
	    "\"status\":\"resolved\",\"name\":\"api 5xx spike\","
	    "\"body\":\"Fixed by a rollback\",\"impact\":\"\",\"components\":[],"
	    "\"our_id\":\"api-5xx-spike-7f3a2c\",\"page_id\":\"p0abc\"}}");
	add(19, 395, "statuspage.retry", NULL, "sp-19-77aa",
	    "{\"queue\":\"sp-19-77aa\",\"attempt\":1,\"error\":\"HTTP 429\","
	    "\"http_status\":429,\"retry_ms\":2000}");
	add(20, 400, "incident.resolve", NULL, NULL, "{\"summary\":\"rolled back\"}");
	return 0;
}

static int
teardown(void **state)
{
	records_free(recs, NREC);
	return 0;
}

/* Europe/Paris as the zone database has it for 2024: CEST from 31 March
 * 01:00 UTC to 27 October 01:00 UTC, CET around it. */
static void
paris_at(int64_t ms, void *arg, long *off, char *abbr, size_t cap)
{
	bool summer = ms >= 1711846800000LL && ms < 1729990800000LL;

	(void)arg;
	*off = summer ? 7200 : 3600;
	snprintf(abbr, cap, "%s", summer ? "CEST" : "CET");
}

static const struct export_opts paris = {
	.tz_label = "Europe/Paris", .tz_at = paris_at,
};

/* The fixed incident, in UTC (zone NULL) or in zone's tz_*. */
static char *
render(enum export_format f, const struct export_opts *zone)
{
	struct export_opts o = { .id = "api-5xx-spike-7f3a2c" };
	char *out;
	size_t len;

	if (zone != NULL) {
		o.tz_off = zone->tz_off;
		o.tz_label = zone->tz_label;
		o.tz_at = zone->tz_at;
	}
	assert_int_equal(export_render(f, recs, NREC, &o, &out, &len, NULL), 0);
	assert_int_equal(strlen(out), len);
	return out;
}

static void
golden(const char *name, const char *got)
{
	const char *top = getenv("top_srcdir");
	char path[1024], *want;
	FILE *fp;
	long n;

	snprintf(path, sizeof(path), "%s/tests/unit/fixtures/export/%s", top ? top : ".", name);
	if (getenv("WR_UPDATE_GOLDEN") != NULL) {
		fp = fopen(path, "w");
		assert_non_null(fp);
		fputs(got, fp);
		fclose(fp);
	}
	fp = fopen(path, "r");
	if (fp == NULL)
		fail_msg("cannot open golden file %s (set top_srcdir)", path);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	want = calloc(1, (size_t)n + 1);
	assert_int_equal(fread(want, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	if (strcmp(want, got) != 0)
		fail_msg("%s differs from the golden file; got:\n%s", name, got);
	free(want);
}

static void
markdown_matches_golden(void **state)
{
	char *md = render(EXPORT_MD, &paris);

	golden("incident.md", md);
	free(md);
}

static void
json_matches_golden(void **state)
{
	char *js = render(EXPORT_JSON, &paris);

	golden("incident.json", js);
	free(js);
}

static const char *
jstr(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? v->valuestring : "(null)";
}

static void
json_has_key_times_actions_chat_and_every_record(void **state)
{
	char *js = render(EXPORT_JSON, NULL);
	cJSON *doc = cJSON_Parse(js), *inc, *times, *acts, *rs, *chat;

	assert_non_null(doc);
	inc = cJSON_GetObjectItem(doc, "incident");
	times = cJSON_GetObjectItem(inc, "times");
	assert_string_equal(jstr(inc, "state"), "resolved");
	/* Detection is the first bad verdict, not the console's opening. */
	assert_string_equal(jstr(times, "detection"), "2024-05-01T12:00:10.000Z");
	assert_string_equal(jstr(times, "detection_by"), "first_bad_verdict");
	assert_string_equal(jstr(times, "opened"), "2024-05-01T12:00:00.000Z");
	assert_string_equal(jstr(times, "impact_from"), "first_bad_verdict");
	assert_string_equal(jstr(times, "first_response"), "2024-05-01T12:01:00.000Z");
	assert_string_equal(jstr(times, "rollback_start"), "2024-05-01T12:02:00.000Z");
	assert_string_equal(jstr(times, "rollback_end"), "2024-05-01T12:03:00.000Z");
	assert_string_equal(jstr(times, "recovery"), "2024-05-01T12:05:00.000Z");
	assert_int_equal(cJSON_GetObjectItem(times, "impact_s")->valuedouble, 290);
	assert_string_equal(jstr(times, "resolved"), "2024-05-01T12:06:40.000Z");
	acts = cJSON_GetObjectItem(inc, "actions");
	assert_int_equal(cJSON_GetArraySize(acts), 2);
	assert_string_equal(jstr(cJSON_GetArrayItem(acts, 0), "outcome"), "ok");
	assert_string_equal(jstr(cJSON_GetArrayItem(acts, 1), "outcome"), "unknown");
	rs = cJSON_GetObjectItem(doc, "records");
	assert_int_equal(cJSON_GetArraySize(rs), NREC);
	assert_string_equal(jstr(cJSON_GetArrayItem(rs, NREC - 1), "kind"), "incident.resolve");
	/* A chat announcement with its outcome, UNKNOWN kept as such. */
	chat = cJSON_GetObjectItem(inc, "chat");
	assert_int_equal(cJSON_GetArraySize(chat), 1);
	assert_string_equal(jstr(cJSON_GetArrayItem(chat, 0), "outcome"), "unknown");
	assert_string_equal(jstr(cJSON_GetArrayItem(chat, 0), "text"),
	    "api rolled back to v1; watching");
	cJSON_Delete(doc);
	free(js);
}

/* Only a create sent a title customers read: an update or resolve sent
 * none, so its name is null, never the incident's own name as if public. */
static void
json_updates_carry_only_the_title_sent(void **state)
{
	char *js = render(EXPORT_JSON, NULL);
	cJSON *doc = cJSON_Parse(js), *sp;

	(void)state;
	sp = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "statuspage");
	assert_int_equal(cJSON_GetArraySize(sp), 3);
	assert_string_equal(jstr(cJSON_GetArrayItem(sp, 0), "name"), "api 5xx spike");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetArrayItem(sp, 1), "name")));
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetArrayItem(sp, 2), "name")));
	cJSON_Delete(doc);
	free(js);
}

static void
markdown_shows_local_times_unknown_and_follow_ups(void **state)
{
	char *md = render(EXPORT_MD, &paris);

	assert_non_null(strstr(md, "times in Europe/Paris (CEST, UTC+02:00), each followed by UTC\n"));
	assert_non_null(strstr(md, "| Incident opened | 2024-05-01 14:00:00 CEST (12:00:00 UTC) | "
	    "-10s |\n| Detection (first bad verdict) | 2024-05-01 14:00:10 CEST (12:00:10 UTC) | "
	    "0s |"));
	assert_non_null(strstr(md, "**Impact duration:** 4m 50s (first bad verdict to recovery)"));
	assert_non_null(strstr(md, "| **UNKNOWN** |"));
	assert_non_null(strstr(md, "## Chat announcements\n\n- **2024-05-01 14:05:30 CEST "
	    "(12:05:30 UTC)** api rolled back to v1; watching — UNKNOWN: timed out after the "
	    "request was sent\n"));
	assert_non_null(strstr(md, "- Post a status update (not ticked"));
	assert_non_null(strstr(md, "- [x] Roll back \\`api\\` to last\\_good"));
	assert_non_null(strstr(md, "sha-abc \\| suspect \\*pool\\_size\\* second line"));
	free(md);
}

static void
md_escape_neutralises_markdown(void **state)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;

	export_md_escape("a|b `c` \\d <e> [f](g) _h_\tz", &buf, &len, &cap);
	assert_string_equal(buf, "a\\|b \\`c\\` \\\\d \\<e\\> \\[f\\](g) \\_h\\_ z");
	free(buf);
}

struct html {
	char *p;
	size_t len;
};

static void
html_out(const MD_CHAR *text, MD_SIZE size, void *arg)
{
	struct html *h = arg;

	h->p = realloc(h->p, h->len + size + 1);
	memcpy(h->p + h->len, text, size);
	h->len += size;
	h->p[h->len] = '\0';
}

static size_t
count(const char *from, const char *to, const char *what)
{
	size_t n = 0;

	while ((from = strstr(from, what)) != NULL && (to == NULL || from < to)) {
		n++;
		from += strlen(what);
	}
	return n;
}

static void
markdown_renders_tables_with_every_row(void **state)
{
	char *md = render(EXPORT_MD, NULL);
	struct html h = { 0 };
	const char *tl, *end;

	assert_int_equal(md_html(md, (MD_SIZE)strlen(md), html_out, &h,
	    MD_FLAG_TABLES | MD_FLAG_TASKLISTS, 0), 0);
	assert_int_equal(count(h.p, NULL, "<table>"), 3);
	tl = strstr(h.p, "<h2>Timeline</h2>");
	assert_non_null(tl);
	end = strstr(tl, "</table>");
	assert_non_null(end);
	/* A row per record, but one: the post that went through is its
	 * queue record's row alone. */
	assert_int_equal(count(tl, end, "<tr>"), NREC);
	assert_int_equal(count(tl, end, "<td"), (NREC - 1) * 6);
	/* The escaped pipe stays inside its cell. */
	assert_non_null(strstr(tl, "sha-abc | suspect *pool_size* second line"));
	free(h.p);
	free(md);
}

static char *
details_of(const char *kind, const char *data)
{
	struct record r = { .kind = (char *)kind, .host = (char *)"api-1" };
	char *text;

	r.data = cJSON_Parse(data);
	assert_non_null(r.data);
	text = export_details(&r, NULL);
	cJSON_Delete(r.data);
	return text;
}

/* A status-page try reads as the post it carries and its number, sent and
 * waiting for the answer (never as delivered); its outcome says delivered
 * or refused; the ordinary first try has no row (its outcome's row tells
 * it). */
static void
status_page_tries_read_as_words(void **state)
{
	struct record r = { .kind = (char *)"statuspage.sent" };
	char *t;

	(void)state;
	t = details_of("statuspage.sent", "{\"queue\":\"sp-1\",\"attempt\":3,\"try\":2,"
	    "\"action\":\"update\",\"status\":\"monitoring\",\"method\":\"PATCH\","
	    "\"path\":\"/incidents/p1\",\"page_incident\":\"p1\"}");
	assert_string_equal(t, "status page: monitoring update: try 2 sent, waiting for the answer");
	free(t);
	t = details_of("statuspage.sent", "{\"try\":2,\"action\":\"resolve\","
	    "\"status\":\"resolved\",\"after_read\":true,\"method\":\"PATCH\"}");
	assert_string_equal(t, "status page: resolve: try 2 sent again (the page did not list "
	    "it), waiting for the answer");
	free(t);
	/* A record from before the post's words were kept names its request. */
	t = details_of("statuspage.sent", "{\"queue\":\"sp-1\",\"attempt\":2,"
	    "\"method\":\"PATCH\",\"path\":\"/incidents/p1\",\"page_incident\":\"p1\"}");
	assert_string_equal(t, "status page: PATCH /incidents/p1: try 2 sent, waiting for the answer");
	free(t);
	t = details_of("statuspage.retry", "{\"attempt\":1,\"error\":\"no answer: timed out\","
	    "\"http_status\":0,\"sent\":true,\"read_back\":true}");
	assert_string_equal(t, "no answer: timed out; it may be on the page: read back before it "
	    "is sent again");
	free(t);
	t = details_of("statuspage.post", "{\"action\":\"update\",\"status\":\"monitoring\","
	    "\"tries\":2}");
	assert_string_equal(t, "delivered: update — monitoring (try 2)");
	free(t);
	/* The page said no: refused, never read as delivered. */
	t = details_of("statuspage.retry", "{\"attempt\":2,\"error\":\"HTTP 500\","
	    "\"http_status\":500,\"retry_ms\":2000,\"sent\":true}");
	assert_string_equal(t, "refused: HTTP 500; not delivered, it is tried again");
	free(t);
	t = details_of("statuspage.post", "{}");
	assert_string_equal(t, "delivered");
	free(t);
	/* TIMELINE's name for a try: not "sent", cut at 80 columns. */
	assert_string_equal(export_kind_shown("statuspage.sent"), "statuspage.try");
	assert_string_equal(export_kind_shown("statuspage.post"), "statuspage.post");
	r.data = cJSON_Parse("{\"attempt\":1,\"try\":1,\"method\":\"PATCH\"}");
	assert_true(export_row_hidden(&r));
	cJSON_Delete(r.data);
	r.data = cJSON_Parse("{\"attempt\":1,\"method\":\"PATCH\"}");
	assert_true(export_row_hidden(&r));
	cJSON_Delete(r.data);
	r.data = cJSON_Parse("{\"attempt\":2,\"try\":2,\"method\":\"PATCH\"}");
	assert_false(export_row_hidden(&r));
	cJSON_Delete(r.data);
	r.data = cJSON_Parse("{\"try\":1,\"after_read\":true}");
	assert_false(export_row_hidden(&r));
	cJSON_Delete(r.data);
	r.kind = (char *)"statuspage.retry";
	r.data = cJSON_Parse("{\"attempt\":1}");
	assert_false(export_row_hidden(&r));
	cJSON_Delete(r.data);
}

/* A health change says what changed; a first reading says all of it. */
static void
health_change_details_name_what_changed(void **state)
{
	char *t;

	(void)state;
	t = details_of("health.change", "{\"service\":\"api\",\"tag\":\"v1.5.0\","
	    "\"healthz\":\"OK\",\"readyz\":\"UNKNOWN\",\"first\":true}");
	assert_string_equal(t, "api: tag v1.5.0, healthz OK, readyz UNKNOWN (first reading)");
	free(t);
	t = details_of("health.change", "{\"service\":\"api\",\"tag\":\"v1.5.0\","
	    "\"healthz\":\"FAIL\",\"readyz\":\"FAIL\",\"was_tag\":\"v1.5.0\","
	    "\"was_healthz\":\"OK\",\"was_readyz\":\"FAIL\"}");
	assert_string_equal(t, "api: healthz OK -> FAIL");
	free(t);
	t = details_of("health.change", "{\"service\":\"jobs\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"was_tag\":\"v1.5.0\","
	    "\"was_healthz\":\"OK\",\"was_readyz\":\"FAIL\"}");
	assert_string_equal(t, "jobs: tag v1.5.0 -> v1.4.1, readyz FAIL -> OK");
	free(t);
	/* The tag could not be read again after the host changed: no tag. */
	t = details_of("health.change", "{\"service\":\"api\",\"tag_reread\":false,"
	    "\"tag_error\":\"exit 1: docker hangs\",\"healthz\":\"OK\",\"readyz\":\"FAIL\","
	    "\"was_tag\":\"v1.5.0-bad\",\"was_healthz\":\"OK\",\"was_readyz\":\"OK\"}");
	assert_string_equal(t, "api: readyz OK -> FAIL; tag not re-read: exit 1: docker hangs");
	free(t);
	/* Held for a tag read after its round: written later, at its round's
	 * time; changes beyond what was held are counted. */
	t = details_of("health.change", "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"FAIL\",\"observed_ms\":61000,"
	    "\"was_tag\":\"v1.4.1\",\"was_healthz\":\"OK\",\"was_readyz\":\"OK\"}");
	assert_string_equal(t, "api: readyz OK -> FAIL (seen at 00:01:01 UTC)");
	free(t);
	t = details_of("health.change", "{\"service\":\"api\",\"tag_reread\":false,"
	    "\"tag_error\":\"the console ended first\",\"healthz\":\"OK\",\"readyz\":\"OK\","
	    "\"observed_ms\":61000,\"held_dropped\":3,"
	    "\"was_tag\":\"v1.4.1\",\"was_healthz\":\"OK\",\"was_readyz\":\"FAIL\"}");
	assert_string_equal(t, "api: readyz FAIL -> OK; tag not re-read: the console ended "
	    "first (seen at 00:01:01 UTC); 3 changes after it not recorded");
	free(t);
	/* Ready with the schema ahead, then caught up: said apart from readyz. */
	t = details_of("health.change", "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"schema_ahead\":true,\"schema\":\"ahead\","
	    "\"was_tag\":\"v1.5.0-bad\",\"was_healthz\":\"OK\",\"was_readyz\":\"OK\","
	    "\"was_schema_ahead\":false}");
	assert_string_equal(t, "api: tag v1.5.0-bad -> v1.4.1, migrations not current "
	    "(schema ahead)");
	free(t);
	t = details_of("health.change", "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"schema_ahead\":false,\"was_tag\":"
	    "\"v1.4.1\",\"was_healthz\":\"OK\",\"was_readyz\":\"OK\","
	    "\"was_schema_ahead\":true,\"was_schema\":\"ahead\"}");
	assert_string_equal(t, "api: migrations current again");
	free(t);
	t = details_of("health.change", "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"schema_ahead\":true,\"schema\":\"ahead\","
	    "\"first\":true}");
	assert_string_equal(t, "api: tag v1.4.1, healthz OK, readyz OK, migrations not current "
	    "(schema ahead) (first reading)");
	free(t);
	/* The newer release back over a downgraded schema. */
	t = details_of("health.change", "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"schema_ahead\":false,\"schema\":\"behind\","
	    "\"was_tag\":\"v1.4.1\",\"was_healthz\":\"OK\",\"was_readyz\":\"OK\","
	    "\"was_schema_ahead\":false}");
	assert_string_equal(t, "api: tag v1.4.1 -> v1.5.0-bad, migrations not current "
	    "(schema behind)");
	free(t);
	/* Ahead turning behind is a change of its own. */
	t = details_of("health.change", "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"schema_ahead\":false,\"schema\":\"behind\","
	    "\"was_tag\":\"v1.5.0-bad\",\"was_healthz\":\"OK\",\"was_readyz\":\"OK\","
	    "\"was_schema_ahead\":true,\"was_schema\":\"ahead\"}");
	assert_string_equal(t, "api: migrations not current (schema behind)");
	free(t);
	t = details_of("health.change", "{\"service\":\"api\",\"tag\":\"v1.5.0\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"schema_ahead\":false,\"schema\":\"unsure\","
	    "\"first\":true}");
	assert_string_equal(t, "api: tag v1.5.0, healthz OK, readyz OK, migrations not current "
	    "(ahead or behind: not said) (first reading)");
	free(t);
	/* A journal from before the direction was read: its schema_ahead
	 * meant only "not current", and is said so, never as ahead. */
	t = details_of("health.change", "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"schema_ahead\":true,\"was_tag\":"
	    "\"v1.5.0-bad\",\"was_healthz\":\"OK\",\"was_readyz\":\"OK\","
	    "\"was_schema_ahead\":false}");
	assert_string_equal(t, "api: tag v1.5.0-bad -> v1.4.1, migrations not current "
	    "(ahead or behind: not said)");
	free(t);
	t = details_of("health.change", "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"schema_ahead\":false,\"was_tag\":"
	    "\"v1.4.1\",\"was_healthz\":\"OK\",\"was_readyz\":\"OK\","
	    "\"was_schema_ahead\":true}");
	assert_string_equal(t, "api: migrations current again");
	free(t);
	/* Gone with readiness itself: the readyz change says it. */
	t = details_of("health.change", "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"FAIL\",\"schema_ahead\":false,\"was_tag\":"
	    "\"v1.4.1\",\"was_healthz\":\"OK\",\"was_readyz\":\"OK\","
	    "\"was_schema_ahead\":true,\"was_schema\":\"ahead\"}");
	assert_string_equal(t, "api: readyz OK -> FAIL");
	free(t);
	/* Not the shape we write: the generic details. */
	t = details_of("health.change", "{\"service\":\"api\"}");
	assert_string_equal(t, "api");
	free(t);
}

/* A queued status-page post says what it will post, not its JSON. */
static void
statuspage_queue_details_say_the_post(void **state)
{
	char *t;

	(void)state;
	t = details_of("statuspage.queue", "{\"queue\":\"sp-10-1e4f\",\"kind\":\"atlassian\","
	    "\"update\":{\"action\":\"create\",\"status\":\"identified\","
	    "\"name\":\"api 5xx\",\"body\":\"\",\"impact\":\"major\"}}");
	assert_string_equal(t, "queued: create identified — api 5xx (impact major)");
	free(t);
	t = details_of("statuspage.queue", "{\"queue\":\"sp-11-0001\",\"update\":{"
	    "\"action\":\"update\",\"status\":\"monitoring\",\"name\":\"\","
	    "\"body\":\"fix deployed\"}}");
	assert_string_equal(t, "queued: update monitoring — fix deployed");
	free(t);
	t = details_of("statuspage.queue", "{\"queue\":\"sp-12-0002\",\"update\":{"
	    "\"action\":\"resolve\",\"status\":\"resolved\",\"name\":\"\","
	    "\"body\":\"fixed\"}}");
	assert_string_equal(t, "queued: resolve the incident — fixed");
	free(t);
}

/* Kinds without a text field read as words, not as their JSON. */
static void
other_kinds_read_as_words(void **state)
{
	char *t;

	(void)state;
	t = details_of("export", "{\"markdown\":\"/s/inc.postmortem.md\","
	    "\"json\":\"/s/inc.postmortem.json\"}");
	assert_string_equal(t, "/s/inc.postmortem.md (and .json)");
	free(t);
	t = details_of("smoke", "{\"url\":\"http://127.0.0.1:8000/healthz\",\"status\":503,"
	    "\"expect\":200,\"ok\":false}");
	assert_string_equal(t, "smoke GET http://127.0.0.1:8000/healthz: FAILED — 503 (expected 200)");
	free(t);
	t = details_of("smoke", "{\"url\":\"http://h/x\",\"status\":0,\"expect\":200,"
	    "\"ok\":false,\"error\":\"timed out\"}");
	assert_string_equal(t, "smoke GET http://h/x: FAILED — no answer: timed out (expected 200)");
	free(t);
	/* The expected status from a /readyz whose migrations are not
	 * current is no plain OK. */
	t = details_of("smoke", "{\"url\":\"http://h/readyz\",\"status\":200,\"expect\":200,"
	    "\"ok\":true,\"warning\":\"migrations not current: the schema is behind this "
	    "release (database 0041, release expects 0042)\",\"schema\":\"behind\"}");
	assert_string_equal(t, "smoke GET http://h/readyz: WARN — 200 (expected 200), but "
	    "migrations not current: the schema is behind this release (database 0041, release "
	    "expects 0042)");
	free(t);
	t = details_of("smoke", "{\"url\":\"http://h/metrics\",\"status\":200,\"expect\":200,"
	    "\"ok\":true,\"metrics_token\":true}");
	assert_string_equal(t, "smoke GET http://h/metrics (with the metrics token): OK — 200 "
	    "(expected 200)");
	free(t);
	t = details_of("hostkey.trust", "{\"keytype\":\"ssh-ed25519\","
	    "\"fingerprint\":\"SHA256:abc\",\"known_hosts\":\"/k/known_hosts\"}");
	assert_string_equal(t, "trusted ssh-ed25519 SHA256:abc, written to /k/known_hosts");
	free(t);
	t = details_of("hostkey.changed", "{\"keytype\":\"ssh-ed25519\","
	    "\"fingerprint\":\"SHA256:new\",\"old_keytype\":\"ssh-ed25519\","
	    "\"old_fingerprint\":\"SHA256:old\",\"known_hosts\":\"/k/known_hosts\","
	    "\"name\":\"[10.0.0.5]:2222\"}");
	assert_string_equal(t, "HOST KEY CHANGED: offered ssh-ed25519 SHA256:new; known_hosts had "
	    "ssh-ed25519 SHA256:old for [10.0.0.5]:2222 in /k/known_hosts; nothing was sent; "
	    "if the new key is right: ssh-keygen -R '[10.0.0.5]:2222' -f /k/known_hosts, then K");
	free(t);
	t = details_of("hostkey.changed", "{\"keytype\":\"ED25519\",\"fingerprint\":\"SHA256:n\","
	    "\"old_fingerprint\":\"\",\"hop\":\"bastion\"}");
	assert_string_equal(t, "HOST KEY CHANGED on ProxyJump hop bastion: offered ED25519 SHA256:n; "
	    "known_hosts had a key (not read); nothing was sent");
	free(t);
	t = details_of("hostkey.revoked", "{\"keytype\":\"ssh-ed25519\","
	    "\"fingerprint\":\"SHA256:bad\",\"known_hosts\":\"/k/known_hosts\",\"line\":4,"
	    "\"name\":\"[10.0.0.5]:2222\"}");
	assert_string_equal(t, "REVOKED HOST KEY offered: ssh-ed25519 SHA256:bad for "
	    "[10.0.0.5]:2222, marked @revoked in /k/known_hosts:4; nothing was sent");
	free(t);
	t = details_of("runbook.tzero", "{\"name\":\"cutover.md\",\"tzero\":1795703400}");
	assert_string_equal(t, "cutover.md: T-0 at 2026-11-26 14:30 UTC");
	free(t);
}

/* The status page's text is in the queue record; posted, failed and
 * never answered each say so. */
static void
status_page_updates_show_the_text_and_how_it_went(void **state)
{
	char *md = render(EXPORT_MD, NULL), *js;
	cJSON *doc, *sp;

	(void)state;
	assert_non_null(strstr(md, "## Status-page updates\n\n"
	    "- **2024-05-01 12:01:30** investigating (create \"api 5xx spike\", impact major): Elevated errors on the API"
	    " — posted 2024-05-01 12:01:31\n"
	    "- **2024-05-01 12:04:10** identified (update): Bad deploy \\| rolled \\*api\\* back"
	    " — **FAILED, not posted**: gave up after 5 attempts: HTTP 503\n"
	    "- **2024-05-01 12:06:30** resolved (resolve): Fixed by a rollback"
	    " — **queued, never confirmed posted** (no answer recorded by the journal's end;"
	    " last try: HTTP 429)\n"));
	free(md);
	js = render(EXPORT_JSON, NULL);
	doc = cJSON_Parse(js);
	assert_non_null(doc);
	sp = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "statuspage");
	assert_int_equal(cJSON_GetArraySize(sp), 3);
	assert_string_equal(jstr(cJSON_GetArrayItem(sp, 0), "body"), "Elevated errors on the API");
	assert_string_equal(jstr(cJSON_GetArrayItem(sp, 0), "outcome"), "posted");
	assert_string_equal(jstr(cJSON_GetArrayItem(sp, 0), "page_incident"), "p0abc");
	assert_string_equal(jstr(cJSON_GetArrayItem(sp, 1), "outcome"), "failed");
	assert_string_equal(jstr(cJSON_GetArrayItem(sp, 2), "status"), "resolved");
	assert_string_equal(jstr(cJSON_GetArrayItem(sp, 2), "outcome"), "pending");
	assert_string_equal(jstr(cJSON_GetArrayItem(sp, 2), "error"), "HTTP 429");
	cJSON_Delete(doc);
	free(js);
}

/* A post whose queue record is missing (a damaged journal): no text made up. */
static void
status_page_post_without_its_queue_record(void **state)
{
	struct record v[2] = { 0 };
	struct export_opts o = { .id = "x" };
	char *md;
	size_t len;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"x\"}");
	add_to(v, 1, 5, "statuspage.post", NULL, "sp-1-0001",
	    "{\"queue\":\"sp-1-0001\",\"action\":\"update\",\"page_incident\":\"p1\","
	    "\"status\":\"monitoring\",\"found\":false}");
	assert_int_equal(export_render(EXPORT_MD, v, 2, &o, &md, &len, NULL), 0);
	assert_non_null(strstr(md, "- **2024-05-01 12:00:05** monitoring (update): _text not in "
	    "the journal (no statuspage.queue record)_ — posted 2024-05-01 12:00:05\n"));
	free(md);
	record_free(&v[0]);
	record_free(&v[1]);
}

/* An incident whose monitoring update to the page is tried at each of
 * at[0..tries-1] (seconds), every try but the last refused with HTTP 500:
 * its records from v[0]; how many. */
static size_t
add_refused_tries(struct record *v, const int *at, int tries)
{
	char data[256];
	size_t n = 0;
	int t;

	add_to(v, n++, 0, "incident.open", NULL, NULL, "{\"name\":\"x\"}");
	add_to(v, n++, 24, "statuspage.queue", NULL, "sp-2-0001",
	    "{\"queue\":\"sp-2-0001\",\"kind\":\"atlassian\",\"update\":{\"action\":"
	    "\"update\",\"status\":\"monitoring\",\"body\":\"Watching\",\"page_id\":\"p1\"}}");
	for (t = 1; t <= tries; t++) {
		snprintf(data, sizeof(data), "{\"queue\":\"sp-2-0001\",\"try\":%d,\"action\":"
		    "\"update\",\"status\":\"monitoring\",\"method\":\"PATCH\",\"path\":\"/p\"}", t);
		add_to(v, n++, at[t - 1], "statuspage.sent", NULL, "sp-2-0001", data);
		/* The last try's answer is the record after it (posted, failed). */
		if (t < tries)
			add_to(v, n++, at[t - 1], "statuspage.retry", NULL, "sp-2-0001",
			    "{\"queue\":\"sp-2-0001\",\"error\":\"HTTP 500\",\"http_status\":500,"
			    "\"retry_ms\":1000}");
	}
	return n;
}

/* The page answering HTTP 500: a monitoring post tried 8 times from
 * 12:00:24, the first 7 refused, posted at 12:02:16. The timeline says
 * its 15 try and refusal records in one row; Status-page updates says
 * how long it was refused. */
static void
a_post_refused_seven_times_is_one_row(void **state)
{
	static const int at[] = { 24, 26, 30, 38, 54, 86, 110, 136 };
	struct record v[20] = { 0 };
	struct export_opts o = { .id = "x" };
	char *md;
	size_t len, n;

	(void)state;
	n = add_refused_tries(v, at, 8);
	add_to(v, n++, 136, "statuspage.post", NULL, "sp-2-0001",
	    "{\"queue\":\"sp-2-0001\",\"action\":\"update\",\"page_incident\":\"p1\","
	    "\"status\":\"monitoring\",\"tries\":8}");
	assert_int_equal(n, 18);
	/* One console sent them all (add_to makes record 3 bob's). */
	free(v[3].actor);
	v[3].actor = xstrdup("alice@ws");
	assert_int_equal(export_render(EXPORT_MD, v, n, &o, &md, &len, NULL), 0);
	assert_non_null(strstr(md, "| 3–17 | 2024-05-01 12:00:24 | alice@ws | statuspage.sent | "
	    " | status page: monitoring update: 8 tries, 7 refused (HTTP 500), "
	    "12:00:24–12:02:16 |\n"));
	assert_null(strstr(md, "refused: HTTP 500; not delivered"));
	assert_null(strstr(md, "try 8 sent"));
	assert_non_null(strstr(md, "- **2024-05-01 12:00:24** monitoring (update): Watching"
	    " — posted 2024-05-01 12:02:16 after 7 refused tries from 2024-05-01 12:00:24"
	    " (HTTP 500)\n"));
	free(md);
	records_free(v, n);
}

/* The page answering HTTP 500 until the post gave up: five tries from
 * 12:00:24, the last answered at 12:00:54. Status-page updates says how
 * many tries, over what span, and the last answer, as a posted one says
 * its refused tries. */
static void
a_failed_post_says_its_tries(void **state)
{
	static const int at[] = { 24, 26, 30, 38, 54 };
	struct record v[16] = { 0 };
	struct export_opts o = { .id = "x" };
	char *md;
	size_t len, n;

	(void)state;
	n = add_refused_tries(v, at, 5);
	add_to(v, n++, 54, "statuspage.failed", NULL, "sp-2-0001",
	    "{\"queue\":\"sp-2-0001\",\"action\":\"update\",\"error\":\"gave up after 5 "
	    "attempts: HTTP 500\",\"http_status\":500}");
	assert_int_equal(export_render(EXPORT_MD, v, n, &o, &md, &len, NULL), 0);
	assert_non_null(strstr(md, "- **2024-05-01 12:00:24** monitoring (update): Watching"
	    " — **FAILED, not posted** after 5 tries from 2024-05-01 12:00:24 to 2024-05-01 "
	    "12:00:54, last answer HTTP 500: gave up after 5 attempts: HTTP 500\n"));
	free(md);
	records_free(v, n);
}

/* h2's verdict (12:00:07) is written before its health.change (12:00:12),
 * which waited for a tag read: journal order stays, but the row says at
 * its start when the deploy it tells of went live (12:00:06), earlier
 * than the row above, so a cut row still reads in order. A held change
 * under an unchanged tag starts with when it was seen; one no earlier
 * than the row above, or a first reading's old deploy, says nothing new. */
static void
an_earlier_deploy_starts_its_row(void **state)
{
	struct record v[6] = { 0 };
	struct export_opts o = { .id = "x" };
	char *md, data[400], words[64];
	size_t len, n = 0;

	(void)state;
	snprintf(data, sizeof(data), "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"first\":true,\"deployed_ms\":%lld,"
	    "\"deployed_from\":\"compose ps: container created\"}", T0 - 86400000LL);
	add_to(v, n++, 0, "health.change", "h2", NULL, data);
	add_to(v, n++, 7, "verdict.change", "h2", NULL,
	    "{\"verdict\":\"ROLLBACK IMMEDIATELY\",\"reason\":\"error rate 40%\"}");
	snprintf(data, sizeof(data), "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\","
	    "\"was_tag\":\"v1.4.1\",\"outside\":true,\"healthz\":\"OK\",\"readyz\":\"OK\","
	    "\"deployed_ms\":%lld,\"deployed_from\":\"compose ps: container created\","
	    "\"observed_ms\":%lld}", T0 + 6000, T0 + 9000);
	add_to(v, n++, 12, "health.change", "h2", NULL, data);
	snprintf(data, sizeof(data), "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\","
	    "\"was_tag\":\"v1.5.0-bad\",\"healthz\":\"FAIL\",\"was_healthz\":\"OK\","
	    "\"deployed_ms\":%lld,\"observed_ms\":%lld}", T0 + 6000, T0 + 10000);
	add_to(v, n++, 14, "health.change", "h2", NULL, data);
	assert_int_equal(export_render(EXPORT_MD, v, n, &o, &md, &len, NULL), 0);
	assert_non_null(strstr(md, "| 3 | 2024-05-01 12:00:12 | alice@ws | health.change | h2 | "
	    "[12:00:06 deployed] api: v1.5.0-bad deployed outside this console at "));
	assert_non_null(strstr(md, "| 4 | 2024-05-01 12:00:14 | bob@laptop | health.change | h2 | "
	    "[12:00:10 seen] api: healthz OK -\\> FAIL"));
	assert_null(strstr(md, "2024-04-30 12:00:00 deployed]"));
	free(md);
	/* TIMELINE's words: the same, against the row above. */
	export_early_words(&v[2], v[1].ts_ms, words, sizeof(words));
	assert_string_equal(words, "[12:00:06 deployed] ");
	export_early_words(&v[3], v[2].ts_ms, words, sizeof(words));
	assert_string_equal(words, "[12:00:10 seen] ");
	export_early_words(&v[2], v[0].ts_ms, words, sizeof(words));
	assert_string_equal(words, "");
	export_early_words(&v[0], v[0].ts_ms - 1000, words, sizeof(words));
	assert_string_equal(words, "");
	export_early_words(&v[1], v[2].ts_ms, words, sizeof(words));
	assert_string_equal(words, "");
	/* Earlier by less than a second of the row above's: the same second. */
	export_early_words(&v[2], T0 + 6500, words, sizeof(words));
	assert_string_equal(words, "");
	export_early_words(&v[2], T0 + 7000, words, sizeof(words));
	assert_string_equal(words, "[12:00:06 deployed] ");
	records_free(v, n);
}

/* Records of an incident on several hosts, rendered in UTC. */
static char *
render_n(enum export_format f, const struct record *v, size_t n)
{
	struct export_opts o = { .id = "multi-7f3a2c" };
	char *out;
	size_t len;

	assert_int_equal(export_render(f, v, n, &o, &out, &len, NULL), 0);
	return out;
}

static void
verdict(struct record *v, size_t i, int64_t at_s, const char *host, const char *level)
{
	char data[128];

	snprintf(data, sizeof(data), "{\"verdict\":\"%s\",\"reason\":\"r\"}", level);
	add_to(v, i, at_s, "verdict.change", host, NULL, data);
}

/* An incident: three hosts at ROLLBACK IMMEDIATELY, one back. */
#define NMULTI 12

static void
multi_journal(struct record *v)
{
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"fleet 5xx\"}");
	verdict(v, 1, 10, "api-1", "ROLLBACK IMMEDIATELY");
	verdict(v, 2, 12, "k8s-bastion", "ROLLBACK IMMEDIATELY");
	verdict(v, 3, 14, "helm-bastion", "ROLLBACK IMMEDIATELY");
	verdict(v, 4, 47, "api-1", "OK");
	/* Later records, cut off by n in the tests that end earlier. */
	verdict(v, 5, 60, "k8s-bastion", "MONITOR");
	verdict(v, 6, 70, "helm-bastion", "NO DATA");
	verdict(v, 7, 90, "helm-bastion", "OK");
	verdict(v, 8, 100, "api-1", "CONSIDER ROLLBACK");
	verdict(v, 9, 130, "api-1", "MONITOR");
	verdict(v, 10, 140, "k8s-bastion", "OK");
	add_to(v, 11, 200, "note", NULL, NULL, "{\"text\":\"watching\"}");
}

static void
multi_free(struct record *v)
{
	records_free(v, NMULTI);
}

static const cJSON *
json_times(cJSON *doc)
{
	return cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "times");
}

/* Several rollbacks: they end when the last of them settled, and an
 * UNKNOWN end later read back ends at that re-read, with its outcome. */
static void
rollback_end_is_when_the_last_rollback_settled(void **state)
{
	struct record v[8] = { 0 };
	char *js, *md;
	cJSON *doc;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"two rollbacks\"}");
	add_to(v, 1, 10, "action.intent", "api-1", "op-a", "{\"action\":\"compose.rollback\"}");
	add_to(v, 2, 20, "action.end", "api-1", "op-a", "{\"outcome\":\"ok\"}");
	add_to(v, 3, 30, "action.intent", "api-1", "op-b", "{\"action\":\"compose.rollback\"}");
	add_to(v, 4, 50, "action.end", "api-1", "op-b", "{\"outcome\":\"unknown\"}");
	add_to(v, 5, 60, "action.intent", "api-1", "op-c", "{\"action\":\"compose.killswitch\"}");
	add_to(v, 6, 70, "action.end", "api-1", "op-c", "{\"outcome\":\"ok\"}");
	add_to(v, 7, 90, "action.reconcile", "api-1", "op-b",
	    "{\"outcome\":\"ok\",\"detail\":\"api runs v1\"}");
	js = render_n(EXPORT_JSON, v, 8);
	doc = cJSON_Parse(js);
	assert_non_null(doc);
	assert_string_equal(jstr(json_times(doc), "rollback_start"), "2024-05-01T12:00:10.000Z");
	assert_string_equal(jstr(json_times(doc), "rollback_end"), "2024-05-01T12:01:30.000Z");
	assert_string_equal(jstr(json_times(doc), "rollback_outcome"), "ok");
	/* The action's detail rides along in JSON, as in Markdown. */
	assert_string_equal(jstr(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(doc,
	    "incident"), "actions"), 1), "detail"), "api runs v1");
	cJSON_Delete(doc);
	free(js);
	md = render_n(EXPORT_MD, v, 8);
	assert_non_null(strstr(md, "| Rollback start (built-in rollback on api-1, op-a) | "
	    "2024-05-01 12:00:10 | 10s |\n| Rollback end (ok after re-read; built-in "
	    "rollback on api-1, op-b) | 2024-05-01 12:01:30 | 1m 30s |\n"));
	free(md);
	/* Settled by hand as not taking effect: that outcome, that time. */
	record_free(&v[7]);
	add_to(v, 7, 95, "action.reconcile", "api-1", "op-b",
	    "{\"by\":\"hand\",\"outcome\":\"failed\",\"detail\":\"still v2\"}");
	md = render_n(EXPORT_MD, v, 8);
	assert_non_null(strstr(md, "| Rollback end (failed, settled by hand; built-in "
	    "rollback on api-1, op-b) | 2024-05-01 12:01:35 | 1m 35s |\n"));
	free(md);
	records_free(v, 8);
}

/* The seeds' rollbacks, run as runbook commands: a k8s undo with its own
 * rollout status --timeout (seed 003), then helm's built-in on another
 * host. The first across hosts starts it, said with its source; the
 * plain redeploy before it is no rollback. */
static void
rollbacks_run_as_written_count_with_their_source(void **state)
{
	struct record v[8] = { 0 };
	char *md, *js;
	cJSON *doc, *src;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa-003\"}");
	add_to(v, 1, 10, "action.intent", "api-1", "rc-1", "{\"action\":\"runbook.command\","
	    "\"plan\":{\"steps\":[{\"name\":\"run\",\"cmd\":\"cd '/srv/app' || exit 1\\n"
	    "set -e\\ndocker compose up -d api\\n\"}],\"origin\":\"s.md line 3\"}}");
	add_to(v, 2, 12, "action.end", "api-1", "rc-1", "{\"outcome\":\"ok\"}");
	add_to(v, 3, 917, "action.intent", "k8s-bastion", "rc-2", "{\"action\":\"runbook.command\","
	    "\"plan\":{\"steps\":[{\"name\":\"run\",\"cmd\":\"set -e\\nkubectl rollout undo "
	    "deploy/api -n prod\\nkubectl rollout status deploy/api -n prod --timeout=5m\\n\"}],"
	    "\"origin\":\"s.md line 43\"}}");
	add_to(v, 4, 928, "action.intent", "helm-bastion", "rb-3", "{\"action\":\"helm.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	add_to(v, 5, 935, "action.end", "k8s-bastion", "rc-2", "{\"outcome\":\"ok\","
	    "\"detail\":\"run exited 0\"}");
	add_to(v, 6, 950, "action.end", "helm-bastion", "rb-3", "{\"outcome\":\"ok\"}");
	add_to(v, 7, 960, "note", NULL, NULL, "{\"text\":\"watching\"}");
	md = render_n(EXPORT_MD, v, 8);
	assert_non_null(strstr(md, "| Rollback start (runbook command on k8s-bastion, rc-2: "
	    "\\`kubectl rollout undo deploy/api -n prod\\`, run as written, not verified by "
	    "warroom) | 2024-05-01 12:15:17 | 15m 17s |\n| Rollback end (ok; built-in "
	    "rollback on helm-bastion, rb-3) | 2024-05-01 12:15:50 | 15m 50s |\n"));
	free(md);
	js = render_n(EXPORT_JSON, v, 8);
	doc = cJSON_Parse(js);
	assert_string_equal(jstr(json_times(doc), "rollback_start"), "2024-05-01T12:15:17.000Z");
	src = cJSON_GetObjectItem(json_times(doc), "rollback_start_source");
	assert_string_equal(jstr(src, "source"), "runbook command");
	assert_string_equal(jstr(src, "host"), "k8s-bastion");
	assert_string_equal(jstr(src, "command"), "kubectl rollout undo deploy/api -n prod");
	src = cJSON_GetObjectItem(json_times(doc), "rollback_end_source");
	assert_string_equal(jstr(src, "source"), "built-in");
	assert_string_equal(jstr(src, "op"), "rb-3");
	cJSON_Delete(doc);
	free(js);
	/* The runbook command alone: its end is its exit status. */
	md = render_n(EXPORT_MD, v, 4);
	assert_non_null(strstr(md, "| Rollback end | **unknown**: the runbook command on "
	    "k8s-bastion at 2024-05-01 12:15:17 (rc-2) has no "
	    "end recorded | — |\n"));
	free(md);
	record_free(&v[4]);
	add_to(v, 4, 928, "note", NULL, NULL, "{\"text\":\"helm later\"}");
	md = render_n(EXPORT_MD, v, 6);
	assert_non_null(strstr(md, "| Rollback end (ok, by its exit status; runbook command on "
	    "k8s-bastion, rc-2: \\`kubectl rollout undo deploy/api -n prod\\`, run as written, "
	    "not verified by warroom) | 2024-05-01 12:15:35 |"));
	free(md);
	records_free(v, 8);
}

/* No rollback action at all (seed 004's commands, told as none by an
 * older console, or a tag changed by hand): the tag change the console
 * saw is the rollback, said as seen; a later change that brought the bad
 * release back (its verdict went bad after it) is not. */
static void
a_tag_change_the_console_saw_is_the_rollback_without_an_action(void **state)
{
	struct record v[9] = { 0 };
	char *md, *js;
	cJSON *doc, *src;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa-004\"}");
	add_to(v, 1, 2, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"healthz\":\"OK\",\"first\":true}");
	add_to(v, 2, 5, "verdict.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"ROLLBACK IMMEDIATELY\",\"reason\":\"r\"}");
	add_to(v, 3, 789, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"was_tag\":\"v1.5.0-bad\"}");
	add_to(v, 4, 800, "verdict.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"OK\",\"reason\":\"r\"}");
	add_to(v, 5, 1025, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\"}");
	add_to(v, 6, 1040, "verdict.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"CONSIDER ROLLBACK\",\"reason\":\"r\"}");
	add_to(v, 7, 1100, "action.intent", "api-1", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	add_to(v, 8, 1130, "action.end", "api-1", "rb-1", "{\"outcome\":\"ok\"}");
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, "| Rollback start (api on api-1: tag changed to v1.4.1 (from "
	    "v1.5.0-bad), seen by the console; no rollback action recorded) | 2024-05-01 12:13:09 "
	    "| 13m 04s |\n| Rollback end (api on api-1: tag changed to v1.4.1 (from v1.5.0-bad), "
	    "seen by the console; no rollback action recorded; its outcome not verified) | "
	    "2024-05-01 12:13:09 | 13m 04s |\n"));
	free(md);
	js = render_n(EXPORT_JSON, v, 7);
	doc = cJSON_Parse(js);
	src = cJSON_GetObjectItem(json_times(doc), "rollback_start_source");
	assert_string_equal(jstr(src, "source"), "seen");
	assert_string_equal(jstr(src, "to"), "v1.4.1");
	assert_string_equal(jstr(json_times(doc), "rollback_end"), "2024-05-01T12:13:09.000Z");
	cJSON_Delete(doc);
	free(js);
	/* The built-in after it: the start stays what the console saw first;
	 * the end is the action's. */
	md = render_n(EXPORT_MD, v, 9);
	assert_non_null(strstr(md, "| Rollback start (api on api-1: tag changed to v1.4.1 (from "
	    "v1.5.0-bad), seen by the console; no rollback action recorded before it) | "
	    "2024-05-01 12:13:09 |"));
	assert_non_null(strstr(md, "| Rollback end (ok; built-in rollback on api-1, rb-1) "
	    "| 2024-05-01 12:18:50 |"));
	free(md);
	/* Only the change back to the bad release: no rollback seen. */
	md = render_n(EXPORT_MD, v + 4, 3);
	assert_non_null(strstr(md, "| Rollback start | — | — |\n"));
	free(md);
	records_free(v, 9);
}

/* An incident: the console was killed (SIGHUP) while the rollback ran,
 * writing an UNKNOWN end; on resume the re-read found it done and api came
 * back OK. Cut at the kill, nothing is settled: the rollback end is
 * unknown (not the kill's time) and the incident not recovered. */
#define NHUP 9

static void
a_cut_off_rollback_ends_at_its_reread(void **state)
{
	struct record v[NHUP] = { 0 };
	char *md, *js;
	cJSON *doc;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"api 5xx\"}");
	add_to(v, 1, 10, "verdict.change", "api-1", NULL,
	    "{\"verdict\":\"ROLLBACK IMMEDIATELY\",\"reason\":\"r\"}");
	add_to(v, 2, 60, "action.intent", "api-1", "op-b",
	    "{\"action\":\"compose.rollback\",\"plan\":{\"service\":\"api\"}}");
	add_to(v, 3, 256, "action.end", "api-1", "op-b",
	    "{\"outcome\":\"unknown\",\"detail\":\"cut off: the console is shutting down\"}");
	add_to(v, 4, 257, "shutdown", NULL, NULL, "{\"signal\":\"SIGHUP\"}");
	add_to(v, 5, 500, "incident.resume", NULL, NULL, "{}");
	add_to(v, 6, 531, "action.reconcile", "api-1", "op-b",
	    "{\"outcome\":\"ok\",\"detail\":\"api runs v1.4.0\"}");
	add_to(v, 7, 540, "verdict.change", "api-1", NULL, "{\"verdict\":\"OK\",\"reason\":\"r\"}");
	add_to(v, 8, 600, "note", NULL, NULL, "{\"text\":\"watching\"}");

	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "| Rollback start (built-in rollback on api-1, op-b) | "
	    "2024-05-01 12:01:00 | 50s |\n| Rollback end | **unknown**: the rollback of api on "
	    "api-1 at 2024-05-01 12:01:00 (op-b) ended UNKNOWN and was never settled "
	    "| — |\n| Recovery | **not recovered** | — |\n"));
	assert_null(strstr(md, "| Rollback end | 2024-05-01 12:04:16"));
	assert_non_null(strstr(md, "**Impact duration:** ongoing since 2024-05-01 12:00:10 (first "
	    "bad verdict), not recovered (4m 07s up to the journal's last record, 2024-05-01 "
	    "12:04:17)"));
	free(md);
	js = render_n(EXPORT_JSON, v, 5);
	doc = cJSON_Parse(js);
	assert_non_null(doc);
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(json_times(doc), "rollback_end")));
	assert_string_equal(jstr(json_times(doc), "rollback_outcome"), "unknown");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(json_times(doc), "recovery")));
	cJSON_Delete(doc);
	free(js);
	/* No end at all (killed before it was written): unknown too. */
	md = render_n(EXPORT_MD, v, 3);
	assert_non_null(strstr(md, "| Rollback end | **unknown**: the rollback of api on api-1 at "
	    "2024-05-01 12:01:00 (op-b) has no end recorded | — |\n"));
	free(md);

	/* Resumed: the re-read settles it, and recovery is api's return. */
	md = render_n(EXPORT_MD, v, NHUP);
	assert_non_null(strstr(md, "| Rollback end (ok after re-read; built-in rollback on "
	    "api-1, op-b) | 2024-05-01 12:08:51 | 8m 41s |\n| Recovery | 2024-05-01 12:09:00 | 8m 50s |\n"));
	free(md);
	js = render_n(EXPORT_JSON, v, NHUP);
	doc = cJSON_Parse(js);
	assert_string_equal(jstr(json_times(doc), "rollback_end"), "2024-05-01T12:08:51.000Z");
	assert_string_equal(jstr(json_times(doc), "rollback_outcome"), "ok");
	assert_string_equal(jstr(json_times(doc), "recovery"), "2024-05-01T12:09:00.000Z");
	cJSON_Delete(doc);
	free(js);
	records_free(v, NHUP);
}

/* A console stopped by SIGTERM, one whose terminal went away, one quit:
 * each shutdown says who ended it. */
static void
shutdowns_say_who_ended_the_console(void **state)
{
	struct record v[5] = { 0 };
	char *md, *t;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"api 5xx\"}");
	add_to(v, 1, 20, "shutdown", NULL, NULL, "{\"reason\":\"terminated\"}");
	add_to(v, 2, 95, "shutdown", NULL, NULL, "{\"reason\":\"hangup\"}");
	add_to(v, 3, 99, "shutdown", NULL, NULL, "{\"reason\":\"quit\"}");
	md = render_n(EXPORT_MD, v, 4);
	assert_non_null(strstr(md, "| shutdown |  | terminated (SIGTERM), not quit by the "
	    "engineer |\n"));
	assert_non_null(strstr(md, "| shutdown |  | hangup: the terminal went away (SIGHUP or its "
	    "window closed), not quit by the engineer |\n"));
	assert_non_null(strstr(md, "| shutdown |  | quit |\n"));
	free(md);
	t = export_details(&v[1], NULL);
	assert_string_equal(t, "terminated (SIGTERM), not quit by the engineer");
	free(t);
	/* Ctrl-C and Ctrl-\ both quit as an interrupt. */
	add_to(v, 4, 120, "shutdown", NULL, NULL, "{\"reason\":\"interrupted\"}");
	t = export_details(&v[4], NULL);
	assert_string_equal(t, "interrupted (Ctrl-C or Ctrl-\\)");
	free(t);
	records_free(v, 5);
}

/* A console stopped by SIGTERM mid-rollback, then one killed -9: each
 * resume names what the sessions before it left UNKNOWN, in words and by
 * op (TIMELINE, without the records around it: by op). */
static void
resumes_name_what_an_earlier_session_left_unknown(void **state)
{
	struct record v[7] = { 0 };
	char *md, *t;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"api 5xx\"}");
	add_to(v, 1, 10, "action.intent", "api-1", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"host\":\"api-1\",\"service\":\"jobs\",\"from\":\"v1.5.0-bad\","
	    "\"to\":\"v1.4.1\"}}");
	add_to(v, 2, 20, "action.end", "api-1", "rb-1", "{\"outcome\":\"unknown\","
	    "\"detail\":\"connection lost during up -d: shutting down\"}");
	add_to(v, 3, 20, "shutdown", NULL, NULL, "{\"reason\":\"terminated\"}");
	add_to(v, 4, 40, "incident.resume", NULL, NULL, "{\"id\":\"api-5xx-1a2b3c\","
	    "\"name\":\"api 5xx\",\"unknown_ops\":[\"rb-1\"]}");
	add_to(v, 5, 50, "action.intent", "h1", "rc-2", "{\"action\":\"runbook.command\","
	    "\"plan\":{\"host\":\"h1\",\"service\":\"api\"}}");
	add_to(v, 6, 90, "incident.resume", NULL, NULL, "{\"id\":\"api-5xx-1a2b3c\","
	    "\"unknown_ops\":[\"rb-1\",\"rc-2\"]}");
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, "| incident.resume |  | api 5xx — 1 action left UNKNOWN by an "
	    "earlier session: the rollback of jobs on api-1 at 2024-05-01 12:00:10 (rb-1) "
	    "|\n"));
	assert_non_null(strstr(md, "| incident.resume |  | 2 actions left UNKNOWN by an earlier "
	    "session: the rollback of jobs on api-1 at 2024-05-01 12:00:10 (rb-1); the runbook "
	    "command on h1 at 2024-05-01 12:00:50 (rc-2) |\n"));
	free(md);
	/* An older resume names no words: TIMELINE has only the ids. */
	t = export_details(&v[6], NULL);
	assert_string_equal(t, "2 actions left UNKNOWN by an earlier session: rb-1; rc-2");
	free(t);
	/* The words a resume writes: TIMELINE names each by what it was. */
	cJSON_AddItemToObject(v[6].data, "unknown_names", cJSON_Parse("[\"the rollback of "
	    "jobs on api-1 at 12:00\",\"the runbook command on h1 at 12:00\"]"));
	t = export_details(&v[6], NULL);
	assert_string_equal(t, "2 actions left UNKNOWN by an earlier session: the rollback of "
	    "jobs on api-1 at 12:00; the runbook command on h1 at 12:00");
	free(t);
	records_free(v, 7);
}

/* An action refused before it ran, confirmed or refused before its
 * dialog, is an action in the table and the counts; B's chains are listed with every host's outcome, one
 * a killed console left unfinished as interrupted, as its resume says. */
static void
refused_actions_and_fleet_rollbacks_are_listed(void **state)
{
	struct record v[6] = { 0 };
	char *md;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"fleet\"}");
	add_to(v, 1, 10, "chain.start", NULL, NULL, "{\"summary\":\"fleet rollback of api from "
	    "v1.5.0-bad to v1.4.1 started: h1, h4, in this order\",\"chain\":\"rb-1\","
	    "\"fleet\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"},"
	    "\"hosts\":[\"h1\",\"h4\"],\"left_out\":[]}");
	add_to(v, 2, 11, "action.intent", "h1", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"chain\":\"rb-1\"}");
	add_to(v, 3, 20, "action.refused", "h7", NULL, "{\"action\":\"compose.rollback\","
	    "\"service\":\"api\",\"reason\":\"could not re-read h7 before running: timed out; "
	    "nothing ran\",\"confirmed\":true}");
	add_to(v, 4, 25, "action.refused", "h8", NULL, "{\"action\":\"compose.rollback\","
	    "\"service\":\"api\",\"reason\":\"could not read h8 to plan\",\"confirmed\":false}");
	add_to(v, 5, 40, "incident.resume", NULL, NULL, "{\"id\":\"fleet-1a2b3c\","
	    "\"unknown_ops\":[\"rb-1\"],\"interrupted_chains\":[\"fleet rollback of api to v1.4.1 "
	    "interrupted: h1 UNKNOWN \xc2\xb7 h4 not started\"]}");
	md = render_n(EXPORT_MD, v, 6);
	/* Confirmed, then its re-read failed: CANCELLED in the footer, so
	 * "cancelled" here, apart from the one refused. */
	assert_non_null(strstr(md, "- 3 actions: 0 ok, 0 failed, **1 UNKNOWN**, **1 refused** "
	    "(nothing ran), 1 cancelled after confirming (nothing ran).\n"));
	assert_non_null(strstr(md, "| rollback (docker compose up -d) | h7 | bob@laptop | \xe2\x80\x94 | "));
	assert_non_null(strstr(md, " | cancelled | could not re-read h7 before running: timed out; "
	    "nothing ran |\n"));
	assert_non_null(strstr(md, "| action.refused | h7 | CANCELLED \xe2\x80\x94 "
	    "compose.rollback \xe2\x80\x94 api \xe2\x80\x94 could not re-read h7"));
	assert_non_null(strstr(md, "| action.refused | h8 | compose.rollback \xe2\x80\x94 api"));
	/* Refused before any confirmation: listed all the same. */
	assert_non_null(strstr(md, " | refused | could not read h8 to plan |\n"));
	assert_non_null(strstr(md, "Fleet rollbacks (B):\n\n- fleet rollback of api to v1.4.1 "
	    "interrupted: h1 UNKNOWN \xc2\xb7 h4 not started (from v1.5.0-bad, started "
	    "2024-05-01 12:00:10)\n"));
	assert_non_null(strstr(md, "the rollback on h1 at 2024-05-01 12:00:11 (rb-1) \xe2\x80\x94 "
	    "fleet rollback of api to v1.4.1 interrupted: h1 UNKNOWN \xc2\xb7 h4 not started "
	    "(not continued) |\n"));
	free(md);
	records_free(v, 6);
}

/* B closed with Esc before anything ran journals a chain.end
 * with no chain id, its first host cancelled and the rest not started.
 * No fleet rollback: left out of "Fleet rollbacks (B)" (its timeline row
 * stays; the JSON keeps it, confirmed false). One from a journal before
 * chain.start whose turns ran is still listed. */
static void
a_chain_nothing_confirmed_is_no_fleet_rollback(void **state)
{
	struct record v[5] = { 0 };
	const cJSON *chains;
	cJSON *doc;
	char *md;
	size_t i;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"fleet\"}");
	for (i = 1; i <= 2; i++)
		add_to(v, i, 10 * (int64_t)i, "chain.end", NULL, NULL, "{\"summary\":\"fleet rollback "
		    "of api from v1.8.0-bad: h4 CANCELLED \xc2\xb7 h1, h19 not started\",\"fleet\":"
		    "{\"service\":\"api\",\"from\":\"v1.8.0-bad\",\"to\":\"\"},\"hosts\":["
		    "{\"host\":\"h4\",\"outcome\":\"cancelled\"},{\"host\":\"h1\",\"outcome\":"
		    "\"not started\"},{\"host\":\"h19\",\"outcome\":\"not started\"}],"
		    "\"left_out\":[]}");
	add_to(v, 3, 40, "chain.end", NULL, NULL, "{\"summary\":\"fleet rollback of api to "
	    "v1.4.1: h1 OK \xc2\xb7 h4 not started\",\"fleet\":{\"service\":\"api\",\"from\":"
	    "\"v1.8.0-bad\",\"to\":\"v1.4.1\"},\"hosts\":[{\"host\":\"h1\",\"outcome\":\"ok\"},"
	    "{\"host\":\"h4\",\"outcome\":\"not started\"}],\"left_out\":[]}");
	md = render_n(EXPORT_MD, v, 4);
	assert_non_null(strstr(md, "Fleet rollbacks (B):\n\n- fleet rollback of api to v1.4.1: "
	    "h1 OK \xc2\xb7 h4 not started (from v1.8.0-bad, ended 2024-05-01 12:00:40)\n"));
	assert_null(strstr(md, "- fleet rollback of api from v1.8.0-bad"));
	assert_non_null(strstr(md, "| 2 | 2024-05-01 12:00:10 | alice@ws | chain.end |  | "));
	free(md);
	/* Only Esc'd ones: no section at all. */
	md = render_n(EXPORT_MD, v, 3);
	assert_null(strstr(md, "Fleet rollbacks (B)"));
	free(md);
	md = render_n(EXPORT_JSON, v, 4);
	doc = cJSON_Parse(md);
	chains = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "chains");
	assert_int_equal(cJSON_GetArraySize(chains), 3);
	assert_true(cJSON_IsFalse(cJSON_GetObjectItem(cJSON_GetArrayItem(chains, 0), "confirmed")));
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(chains, 2), "confirmed")));
	cJSON_Delete(doc);
	free(md);
	records_free(v, 4);
}

/* An incident: kill switches ok on h1 and h2, refused on helm's h3
 * before any dialog, h3's /export still on. The counts, the Actions
 * table and the follow-ups all say it, in Markdown and JSON; a later
 * exports.change to off (helm upgrade by hand) closes it. h1's exports,
 * left off by its kill switch, are a follow-up of their own: restore
 * them when the fix ships (since when, by which action). */
static void
refused_kill_switch_is_a_follow_up(void **state)
{
	struct record v[8] = { 0 };
	const cJSON *inc, *fu, *x;
	cJSON *doc;
	char *md, *js;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 10, "action.intent", "h1", "ks-1", "{\"action\":\"compose.killswitch\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"EXPORT_MODE=on\",\"to\":"
	    "\"EXPORT_MODE=off\"}}");
	add_to(v, 2, 20, "action.end", "h1", "ks-1", "{\"outcome\":\"ok\"}");
	add_to(v, 3, 30, "action.refused", "h3", NULL, "{\"action\":\"helm.killswitch\","
	    "\"service\":\"api\",\"reason\":\"h3 is a helm host: by hand, helm upgrade api "
	    "CHART -n NS --reuse-values --set env.EXPORT_MODE=off\"}");
	add_to(v, 4, 31, "exports.change", "h3", NULL, "{\"service\":\"api\",\"export\":"
	    "\"on\",\"first\":true}");
	add_to(v, 5, 32, "exports.change", "h1", NULL, "{\"service\":\"api\",\"export\":"
	    "\"off\",\"first\":true}");
	add_to(v, 6, 40, "incident.resolve", NULL, NULL, "{}");
	add_to(v, 7, 50, "exports.change", "h3", NULL, "{\"service\":\"api\",\"export\":"
	    "\"off\",\"was\":\"on\"}");
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, "- 2 actions: 1 ok, 0 failed, 0 unknown, **1 refused** "
	    "(nothing ran).\n"));
	assert_non_null(strstr(md, "| kill switch | h3 | bob@laptop | \xe2\x80\x94 | "));
	assert_non_null(strstr(md, "### Follow-ups\n\n**Containment**\n\n- h1: exports OFF "
	    "since 2024-05-01 12:00:20 (compose.killswitch, op ks-1): restore exports when "
	    "the fix ships\n- h3: kill switch not "
	    "applied (refused: h3 is a helm host: by hand, helm upgrade api CHART -n NS "
	    "--reuse-values --set env.EXPORT\\_MODE=off); last answered: exports on; not known "
	    "to run a good release\n"));
	assert_non_null(strstr(md, "| exports.change | h3 | api exports: on (first read) |\n"));
	free(md);
	js = render_n(EXPORT_JSON, v, 7);
	doc = cJSON_Parse(js);
	inc = cJSON_GetObjectItem(doc, "incident");
	fu = cJSON_GetObjectItem(inc, "followups");
	assert_int_equal(cJSON_GetArraySize(fu), 2);
	x = cJSON_GetArrayItem(fu, 0);
	assert_string_equal(jstr(x, "host"), "h1");
	assert_string_equal(jstr(x, "what"), "restore_exports");
	assert_string_equal(jstr(x, "off_since"), "2024-05-01T12:00:20.000Z");
	assert_string_equal(jstr(x, "action"), "compose.killswitch");
	assert_string_equal(jstr(x, "op"), "ks-1");
	x = cJSON_GetArrayItem(fu, 1);
	assert_string_equal(jstr(x, "host"), "h3");
	assert_string_equal(jstr(x, "what"), "killswitch_not_applied");
	assert_string_equal(jstr(x, "action"), "helm.killswitch");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(x, "still_exports")));
	assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(inc, "action_counts"),
	    "refused")->valueint, 1);
	cJSON_Delete(doc);
	free(js);
	/* Turned off by hand afterwards: only h1's restore left to follow up. */
	md = render_n(EXPORT_MD, v, 8);
	assert_null(strstr(md, "- h3: kill switch not applied"));
	assert_non_null(strstr(md, "**Containment**\n\n- h1: exports OFF since "));
	assert_non_null(strstr(md, "| exports.change | h3 | api exports: on \xe2\x86\x92 off |\n"));
	free(md);
	records_free(v, 8);
}

/* A kill switch ran on h1; h2's /export then went unanswered (hung), as
 * journalled: the follow-ups name it, since when it has not answered,
 * never as off. Once it answers again it is no follow-up. */
static void
unknown_exports_are_a_follow_up(void **state)
{
	struct record v[6] = { 0 };
	const cJSON *fu, *x;
	cJSON *doc;
	char *md, *js;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 10, "action.intent", "h1", "ks-1", "{\"action\":\"compose.killswitch\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"EXPORT_MODE=on\",\"to\":"
	    "\"EXPORT_MODE=off\"}}");
	add_to(v, 2, 20, "exports.change", "h2", NULL, "{\"service\":\"api\",\"export\":"
	    "\"on\",\"first\":true}");
	/* Asked at :33, no answer: recorded when it timed out. */
	add_to(v, 3, 38, "exports.change", "h2", NULL, "{\"service\":\"api\",\"export\":"
	    "\"unknown\",\"since_ms\":1714564833000,\"was\":\"on\"}");
	add_to(v, 4, 40, "incident.resolve", NULL, NULL, "{}");
	add_to(v, 5, 50, "exports.change", "h2", NULL, "{\"service\":\"api\",\"export\":"
	    "\"off\",\"was\":\"unknown\"}");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "**Containment**\n\n- h2: exports not known (no answer from "
	    "/export since 2024-05-01 12:00:33): check whether it still exports\n"));
	assert_non_null(strstr(md, "| exports.change | h2 | api exports: on \xe2\x86\x92 unknown |"));
	free(md);
	js = render_n(EXPORT_JSON, v, 5);
	doc = cJSON_Parse(js);
	fu = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "followups");
	/* ks-1 has no end: never settled, a follow-up of its own. */
	assert_int_equal(cJSON_GetArraySize(fu), 2);
	assert_string_equal(jstr(cJSON_GetArrayItem(fu, 1), "what"), "action_not_ok");
	x = cJSON_GetArrayItem(fu, 0);
	assert_string_equal(jstr(x, "host"), "h2");
	assert_string_equal(jstr(x, "what"), "exports_unknown");
	assert_string_equal(jstr(x, "no_answer_since"), "2024-05-01T12:00:33.000Z");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(x, "still_exports")));
	cJSON_Delete(doc);
	free(js);
	md = render_n(EXPORT_MD, v, 6);
	assert_null(strstr(md, "exports not known"));
	free(md);
	records_free(v, 6);
}

/* The JSON export carries what the Markdown says of refused actions and
 * B's chains: the refused in the actions list and counts, each chain
 * with its hosts' outcomes, an unended one interrupted. */
static void
json_lists_refused_actions_and_fleet_rollbacks(void **state)
{
	struct record v[7] = { 0 };
	const cJSON *inc, *acts, *cnt, *chains, *c, *hosts;
	cJSON *doc;
	char *js, *md;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"fleet\"}");
	add_to(v, 1, 10, "chain.start", NULL, NULL, "{\"summary\":\"started\",\"chain\":\"rb-1\","
	    "\"fleet\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"},"
	    "\"hosts\":[\"h1\",\"h4\"],\"left_out\":[]}");
	add_to(v, 2, 11, "action.intent", "h1", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"chain\":\"rb-1\"}");
	add_to(v, 3, 20, "action.refused", "h7", NULL, "{\"action\":\"compose.rollback\","
	    "\"service\":\"api\",\"reason\":\"could not re-read h7\",\"confirmed\":true}");
	add_to(v, 4, 25, "action.refused", "h8", NULL, "{\"action\":\"compose.rollback\","
	    "\"service\":\"api\",\"reason\":\"could not read h8\",\"confirmed\":false}");
	add_to(v, 5, 30, "chain.start", NULL, NULL, "{\"summary\":\"started\",\"chain\":\"rb-2\","
	    "\"fleet\":{\"service\":\"web\",\"from\":\"v2\",\"to\":\"v1\"},"
	    "\"hosts\":[\"h2\",\"h3\"],\"left_out\":[]}");
	add_to(v, 6, 50, "chain.end", NULL, NULL, "{\"summary\":\"ended\",\"chain\":\"rb-2\","
	    "\"fleet\":{\"service\":\"web\",\"from\":\"v2\",\"to\":\"v1\"},"
	    "\"hosts\":[{\"host\":\"h2\",\"outcome\":\"refused\",\"why\":\"read-only\"},"
	    "{\"host\":\"h3\",\"outcome\":\"not started\"}],\"left_out\":[]}");
	js = render_n(EXPORT_JSON, v, 7);
	doc = cJSON_Parse(js);
	assert_non_null(doc);
	inc = cJSON_GetObjectItem(doc, "incident");
	acts = cJSON_GetObjectItem(inc, "actions");
	assert_int_equal(cJSON_GetArraySize(acts), 3);
	assert_string_equal(jstr(cJSON_GetArrayItem(acts, 0), "outcome"), "unknown");
	assert_string_equal(jstr(cJSON_GetArrayItem(acts, 1), "outcome"), "refused");
	assert_string_equal(jstr(cJSON_GetArrayItem(acts, 1), "host"), "h7");
	assert_string_equal(jstr(cJSON_GetArrayItem(acts, 1), "detail"), "could not re-read h7");
	assert_string_equal(jstr(cJSON_GetArrayItem(acts, 2), "host"), "h8");
	cnt = cJSON_GetObjectItem(inc, "action_counts");
	assert_int_equal(cJSON_GetObjectItem(cnt, "total")->valueint, 3);
	assert_int_equal(cJSON_GetObjectItem(cnt, "unknown")->valueint, 1);
	assert_int_equal(cJSON_GetObjectItem(cnt, "refused")->valueint, 2);
	assert_int_equal(cJSON_GetObjectItem(cnt, "refused_confirmed")->valueint, 1);
	chains = cJSON_GetObjectItem(inc, "chains");
	assert_int_equal(cJSON_GetArraySize(chains), 2);
	c = cJSON_GetArrayItem(chains, 0);
	assert_string_equal(jstr(c, "service"), "api");
	assert_string_equal(jstr(c, "from"), "v1.5.0-bad");
	assert_string_equal(jstr(c, "target"), "v1.4.1");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(c, "interrupted")));
	hosts = cJSON_GetObjectItem(c, "hosts");
	assert_int_equal(cJSON_GetArraySize(hosts), 2);
	assert_string_equal(jstr(cJSON_GetArrayItem(hosts, 0), "host"), "h1");
	assert_string_equal(jstr(cJSON_GetArrayItem(hosts, 0), "outcome"), "unknown");
	assert_string_equal(jstr(cJSON_GetArrayItem(hosts, 1), "outcome"), "not started");
	c = cJSON_GetArrayItem(chains, 1);
	assert_false(cJSON_IsTrue(cJSON_GetObjectItem(c, "interrupted")));
	hosts = cJSON_GetObjectItem(c, "hosts");
	assert_string_equal(jstr(cJSON_GetArrayItem(hosts, 0), "outcome"), "refused");
	assert_string_equal(jstr(cJSON_GetArrayItem(hosts, 0), "why"), "read-only");
	assert_string_equal(jstr(cJSON_GetArrayItem(hosts, 1), "outcome"), "not started");
	/* The same summary as the Markdown's list. */
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, jstr(c, "summary")));
	assert_non_null(strstr(md, jstr(cJSON_GetArrayItem(chains, 0), "summary")));
	cJSON_Delete(doc);
	free(js);
	free(md);
	records_free(v, 7);
}

/* B's chain interrupted mid-turn, then its host's UNKNOWN rollback
 * reconciled OK: the chain's summary (Markdown and JSON) says what the
 * Actions table says, not the UNKNOWN of the moment it was cut off. */
static void
a_chain_says_the_settled_outcome_of_each_turn(void **state)
{
	struct record v[6] = { 0 };
	const cJSON *c, *h;
	cJSON *doc;
	char *md, *js;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"fleet\"}");
	add_to(v, 1, 10, "chain.start", NULL, NULL, "{\"summary\":\"started\",\"chain\":\"rb-1\","
	    "\"fleet\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"},"
	    "\"hosts\":[\"k8s-bastion\",\"k8s-bastion-b\"],\"left_out\":[]}");
	add_to(v, 2, 11, "action.intent", "k8s-bastion", "rb-1", "{\"action\":\"k8s.undo\","
	    "\"chain\":\"rb-1\"}");
	add_to(v, 3, 40, "incident.resume", NULL, NULL, "{\"id\":\"fleet-1a2b3c\","
	    "\"unknown_ops\":[\"rb-1\"],\"interrupted_chains\":[\"fleet rollback of api to v1.4.1 "
	    "interrupted: k8s-bastion UNKNOWN \xc2\xb7 k8s-bastion-b not started\"],"
	    "\"interrupted_chain_ids\":[\"rb-1\"]}");
	add_to(v, 4, 50, "action.reconcile", "k8s-bastion", "rb-1", "{\"action\":\"k8s.undo\","
	    "\"outcome\":\"ok\",\"detail\":\"api at revision 3 (v1.4.1)\"}");
	add_to(v, 5, 60, "shutdown", NULL, NULL, "{\"reason\":\"quit\"}");
	md = render_n(EXPORT_MD, v, 6);
	assert_non_null(strstr(md, " | ok (reconciled) | "));
	assert_non_null(strstr(md, "Fleet rollbacks (B):\n\n- fleet rollback of api to v1.4.1 "
	    "interrupted: k8s-bastion OK after re-read \xc2\xb7 k8s-bastion-b not started "
	    "(from v1.5.0-bad, started 2024-05-01 12:00:10)\n"));
	assert_null(strstr(md, "k8s-bastion UNKNOWN \xc2\xb7 k8s-bastion-b not started\n"));
	js = render_n(EXPORT_JSON, v, 6);
	doc = cJSON_Parse(js);
	c = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"),
	    "chains"), 0);
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(c, "interrupted")));
	h = cJSON_GetArrayItem(cJSON_GetObjectItem(c, "hosts"), 0);
	assert_string_equal(jstr(h, "outcome"), "ok");
	assert_string_equal(jstr(h, "settled_by"), "re-read");
	h = cJSON_GetArrayItem(cJSON_GetObjectItem(c, "hosts"), 1);
	assert_string_equal(jstr(h, "outcome"), "not started");
	cJSON_Delete(doc);
	free(js);
	free(md);
	records_free(v, 6);
}

/* A damaged line skipped after a rollback's intent and a bad verdict:
 * the draft names it and says what may hang on it (the rollback's end,
 * the recovery) instead of "not recovered" or a bare "no end recorded";
 * an action begun after it has nothing hidden. */
static void
conclusions_that_hang_on_a_damaged_line_say_so(void **state)
{
	struct record v[6] = { 0 };
	struct record_damage d = {
		.why = RECORD_DAMAGE_CHECKSUM, .skipped = true, .line = 4, .offset = 812,
		.after_seq = 3, .next_seq = 4, .kept_before = 3, .detail = "bad crc",
	};
	struct export_opts o = { .id = "damaged-7f3a2c", .damage = &d, .ndamage = 1 };
	const cJSON *inc, *acts, *dl;
	cJSON *doc;
	char *md, *js;
	size_t len;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"damaged\"}");
	add_to(v, 1, 10, "verdict.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"ROLLBACK IMMEDIATELY\"}");
	add_to(v, 2, 20, "action.intent", "api-1", "op-1", "{\"action\":\"compose.rollback\"}");
	/* line 4 damaged: op-1's end, or api-1's recovery, may have been there */
	add_to(v, 3, 40, "note", NULL, NULL, "{\"text\":\"after\"}");
	add_to(v, 4, 50, "action.intent", "api-2", "op-2", "{\"action\":\"smoke_test\"}");
	add_to(v, 5, 60, "shutdown", NULL, NULL, "{\"reason\":\"quit\"}");
	assert_int_equal(export_render(EXPORT_MD, v, 6, &o, &md, &len, NULL), 0);
	assert_non_null(strstr(md, "> **Warning:** the journal has 1 damaged line; every record "
	    "around it that verifies is here:\n> - line 4 (byte 812) damaged (checksum): "
	    "skipped; the 3 records after it kept\n"));
	assert_non_null(strstr(md, "**2 UNKNOWN** (of them, 1 with a damaged line after it that "
	    "may have held its end)"));
	assert_non_null(strstr(md, "**not known to be recovered**: still bad at the last "
	    "verdict the journal holds"));
	assert_non_null(strstr(md, "api-1/api (ROLLBACK IMMEDIATELY); damaged line 4 after it "
	    "may have held a later verdict.\n"));
	assert_null(strstr(md, "**not recovered**"));
	/* In its place in the Timeline, between the records kept around it. */
	assert_non_null(strstr(md, " | action.intent | api-1 | rollback (docker compose up -d) |\n"
	    "| \xe2\x80\x94 | \xe2\x80\x94 |  | _skipped_ |  | line 4 (byte 812), damaged "
	    "(checksum): bad crc; what it held is not here |\n| 4 | "));
	assert_non_null(strstr(md, "| Rollback end | **unknown**: the rollback on api-1 at "
	    "2024-05-01 12:00:20 (op-1) has no end recorded, but damaged line 4 after it may have "
	    "held what settled it | — |\n"));
	assert_non_null(strstr(md, "| Recovery | **not known**: damaged line 4 may have held it "
	    "| — |\n"));
	assert_non_null(strstr(md, " | **UNKNOWN** | no action.end found; damaged line 4 after its "
	    "intent may have held it: check the real state before anything else |\n"));
	/* op-2 began after the damage: nothing of it can be there. */
	assert_non_null(strstr(md, " | **UNKNOWN** | no action.end recorded: check the real "
	    "state before anything else |\n"));
	assert_int_equal(export_render(EXPORT_JSON, v, 6, &o, &js, &len, NULL), 0);
	doc = cJSON_Parse(js);
	inc = cJSON_GetObjectItem(doc, "incident");
	dl = cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "damaged_lines"), 0);
	assert_int_equal(cJSON_GetObjectItem(dl, "line")->valueint, 4);
	assert_int_equal(cJSON_GetObjectItem(dl, "byte")->valueint, 812);
	assert_string_equal(jstr(dl, "why"), "checksum");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(dl, "skipped")));
	assert_int_equal(cJSON_GetObjectItem(dl, "kept_after")->valueint, 3);
	acts = cJSON_GetObjectItem(inc, "actions");
	assert_int_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(acts, 0),
	    "end_may_be_in_damaged_line")->valueint, 4);
	assert_null(cJSON_GetObjectItem(cJSON_GetArrayItem(acts, 1), "end_may_be_in_damaged_line"));
	assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(inc, "times"),
	    "recovery_may_be_in_damaged_line")->valueint, 4);
	cJSON_Delete(doc);
	free(js);
	free(md);
	records_free(v, 6);
}

/* A step x ran is listed as run, not as forgotten, though nobody ticked it. */
/* The Actions table says what each action changed, from its plan: tags,
 * revisions, the kill switch's value; a runbook command what it ran (its
 * first line) and the runbook line it came from. */
static void
actions_say_what_they_changed(void **state)
{
	struct record v[7] = { 0 };
	char *md;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"changes\"}");
	add_to(v, 1, 10, "action.intent", "k8s-1", "op-a", "{\"action\":\"k8s.undo\",\"plan\":"
	    "{\"service\":\"api\",\"from\":\"v2-bad\",\"to\":\"v1\",\"from_revision\":4,"
	    "\"to_revision\":3}}");
	add_to(v, 2, 20, "action.intent", "api-1", "op-b", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v2-bad\",\"to\":\"v1\"}}");
	add_to(v, 3, 30, "action.intent", "k8s-1", "op-c", "{\"action\":\"k8s.killswitch\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1\",\"to\":\"v1\",\"env_key\":"
	    "\"EXPORT_MODE\",\"env_set\":\"off\"}}");
	add_to(v, 4, 40, "action.intent", "api-1", "op-d", "{\"action\":\"command\",\"plan\":"
	    "{\"service\":\"\",\"from\":\"\",\"to\":\"\"}}");
	/* A runbook's script: its first line (not warroom's cd) and where it
	 * came from; also with the set -e lines a script may start with. */
	add_to(v, 5, 50, "action.intent", "api-1", "op-e", "{\"action\":\"runbook.command\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"\",\"to\":\"\",\"steps\":[{\"name\":"
	    "\"run\",\"cmd\":\"cd '/srv/app' || exit 1\\ndocker compose restart worker\\n"
	    "curl -fsS localhost:8000/readyz\\n\"}],\"origin\":\"compose.md line 36: Restart "
	    "the worker\"}}");
	add_to(v, 6, 60, "action.intent", "api-1", "op-f", "{\"action\":\"runbook.command\","
	    "\"plan\":{\"steps\":[{\"name\":\"run\",\"cmd\":\"cd '/srv/app' || exit 1\\n"
	    "trap 'echo \\\"warroom: stopped at: $BASH_COMMAND\\\" >&2' ERR 2>/dev/null\\n"
	    "set -e\\necho 0123456789012345678901234567890123456789012345678901234567890123456789"
	    "\"}],\"origin\":\"ops.md line 9: Long\"}}");
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, "| op-a | rollback (kubectl rollout undo) | k8s-1 | alice@ws | "
	    "api rev 4 (v2-bad) \xe2\x86\x92 rev 3 "
	    "(v1) | "));
	assert_non_null(strstr(md, "| op-b | rollback (docker compose up -d) | api-1 | alice@ws | "
	    "api v2-bad \xe2\x86\x92 v1 | "));
	assert_non_null(strstr(md, "| op-c | kill switch (kubectl set env) | k8s-1 | bob@laptop | "
	    "api EXPORT\\_MODE=off | "));
	assert_non_null(strstr(md, "| op-d | command | api-1 | alice@ws | \xe2\x80\x94 | "));
	assert_non_null(strstr(md, "| op-e | runbook command | api-1 | alice@ws | "
	    "ran \\`docker compose "
	    "restart worker\\` (+1 line) from compose.md line 36: Restart the worker | "));
	assert_non_null(strstr(md, "| op-f | runbook command | api-1 | alice@ws | ran \\`echo "
	    "0123456789012345678901234567890123456789012345678901234\xe2\x80\xa6\\` from ops.md "
	    "line 9: Long | "));
	free(md);
	md = render_n(EXPORT_JSON, v, 7);
	assert_non_null(strstr(md, "\"change\":\"ran `docker compose restart worker` (+1 "
	    "line) from compose.md line 36: Restart the worker\""));
	free(md);
	records_free(v, 7);
}

static void
follow_ups_say_which_steps_x_ran(void **state)
{
	struct record v[5] = { 0 };
	char *md;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"drill\"}");
	add_to(v, 1, 5, "runbook.load", NULL, NULL, "{\"runbook\":\"r.md\",\"steps\":["
	    "{\"step\":\"r.md#1\",\"title\":\"Warm the cache\"},"
	    "{\"step\":\"r.md#2\",\"title\":\"Write it up\"}]}");
	add_to(v, 2, 10, "action.intent", "api-1", "op-x",
	    "{\"action\":\"runbook.command\",\"plan\":{\"runbook_step\":\"r.md#1\"}}");
	add_to(v, 3, 20, "action.end", "api-1", "op-x", "{\"outcome\":\"ok\"}");
	add_to(v, 4, 30, "note", NULL, NULL, "{\"text\":\"done\"}");
	md = render_n(EXPORT_MD, v, 5);
	/* Ran OK from the step: said in the checklist, no follow-up. */
	assert_non_null(strstr(md, "- [ ] Warm the cache (not ticked, but x ran it OK on api-1 at "
	    "2024-05-01 12:00:10)\n"));
	assert_null(strstr(md, "- Warm the cache ("));
	assert_non_null(strstr(md, "- Write it up (not ticked during the incident)\n"));
	free(md);
	records_free(v, 5);
}

/* Steps no one ticked whose own action ran OK by its built-in key (X, M,
 * r) on the host they name: the checklist says how, the follow-ups leave
 * them out and the summary counts them apart. A failed one, one on
 * another host and one before x on the step failed do not count. */
static void
steps_whose_action_ran_ok_are_no_follow_ups(void **state)
{
	struct record v[16] = { 0 };
	char *md, *js;
	cJSON *root, *steps;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"drill\"}");
	add_to(v, 1, 5, "runbook.load", NULL, NULL, "{\"runbook\":\"c.md\",\"steps\":["
	    "{\"step\":\"c.md:3\",\"title\":\"Set the switch\",\"acts\":[{\"kind\":"
	    "\"killswitch\",\"host\":\"api-1\"}]},"
	    "{\"step\":\"c.md:5\",\"title\":\"Downgrade one revision\",\"acts\":[{\"kind\":"
	    "\"migrate.down\"}]},"
	    "{\"step\":\"c.md:7\",\"title\":\"Recreate both services\",\"acts\":[{\"kind\":"
	    "\"compose.up\"}]},"
	    "{\"step\":\"c.md:9\",\"title\":\"Switch on api-2\",\"acts\":[{\"kind\":"
	    "\"killswitch\",\"host\":\"api-2\"}]},"
	    "{\"step\":\"c.md:11\",\"title\":\"Undo the rollout\",\"acts\":[{\"kind\":"
	    "\"k8s.undo\",\"service\":\"web\"}]},"
	    "{\"step\":\"c.md:13\",\"title\":\"Helm back\",\"acts\":[{\"kind\":"
	    "\"helm.rollback\"}]},"
	    "{\"step\":\"c.md:15\",\"title\":\"Write it up\"},"
	    "{\"step\":\"c.md:17\",\"title\":\"Switch on api-3 and recreate\",\"acts\":["
	    "{\"kind\":\"killswitch\",\"host\":\"api-3\"},{\"kind\":\"compose.up\"}]}]}");
	add_to(v, 2, 10, "action.intent", "api-1", "op-x",
	    "{\"action\":\"compose.killswitch\",\"plan\":{\"service\":\"api\"}}");
	add_to(v, 3, 20, "action.end", "api-1", "op-x", "{\"outcome\":\"ok\"}");
	add_to(v, 4, 30, "action.intent", "api-1", "op-m",
	    "{\"action\":\"compose.migrate_down\",\"plan\":{\"service\":\"api\"}}");
	add_to(v, 5, 40, "action.end", "api-1", "op-m", "{\"outcome\":\"ok\"}");
	add_to(v, 6, 50, "action.intent", "api-1", "op-r",
	    "{\"action\":\"compose.rollback\",\"plan\":{\"service\":\"api\"}}");
	add_to(v, 7, 60, "action.end", "api-1", "op-r", "{\"outcome\":\"ok\"}");
	add_to(v, 8, 70, "action.intent", "k8s-1", "op-k",
	    "{\"action\":\"k8s.undo\",\"plan\":{\"service\":\"web\"}}");
	add_to(v, 9, 80, "action.end", "k8s-1", "op-k", "{\"outcome\":\"failed\"}");
	/* Helm: a rollback OK before x on the step failed (and of another
	 * service than the undo step names). */
	add_to(v, 10, 90, "action.intent", "k8s-1", "op-h",
	    "{\"action\":\"helm.rollback\",\"plan\":{\"service\":\"api\"}}");
	add_to(v, 11, 95, "action.end", "k8s-1", "op-h", "{\"outcome\":\"ok\"}");
	add_to(v, 12, 100, "action.intent", "k8s-1", "op-hx",
	    "{\"action\":\"helm.rollback\",\"plan\":{\"runbook_step\":\"c.md:13\"}}");
	add_to(v, 13, 105, "action.end", "k8s-1", "op-hx", "{\"outcome\":\"failed\"}");
	add_to(v, 14, 110, "note", NULL, NULL, "{\"text\":\"done\"}");
	add_to(v, 15, 120, "incident.resolve", NULL, NULL, "{}");
	md = render_n(EXPORT_MD, v, 16);
	assert_non_null(strstr(md, "**c.md**: 0 of 8 steps ticked; 3 more whose action ran OK\n"));
	assert_non_null(strstr(md, "- [ ] Set the switch (not ticked, but its kill switch ran OK on "
	    "api-1 at 2024-05-01 12:00:10 via X)\n"));
	assert_non_null(strstr(md, "- [ ] Downgrade one revision (not ticked, but its migration "
	    "downgrade ran OK on api-1 at 2024-05-01 12:00:30 via M)\n"));
	assert_non_null(strstr(md, "- [ ] Recreate both services (not ticked, but its rollback ran "
	    "OK on api-1 at 2024-05-01 12:00:50 via r)\n"));
	assert_non_null(strstr(md, "- [ ] Switch on api-2\n"));
	assert_non_null(strstr(md, "- [ ] Undo the rollout (not ticked; its rollback on k8s-1 "
	    "FAILED at 2024-05-01 12:01:20 via r)\n"));
	assert_non_null(strstr(md, "- [ ] Helm back\n"));
	assert_null(strstr(md, "- Set the switch ("));
	assert_null(strstr(md, "- Downgrade one revision ("));
	assert_null(strstr(md, "- Recreate both services ("));
	assert_non_null(strstr(md, "- Switch on api-2 (not ticked during the incident)\n"));
	assert_non_null(strstr(md, "- Undo the rollout (not ticked; its rollback on k8s-1 FAILED "
	    "at 2024-05-01 12:01:20 via r)\n"));
	assert_non_null(strstr(md, "- Helm back (not ticked; x ran it at"));
	assert_non_null(strstr(md, "- Write it up (not ticked during the incident)\n"));
	/* A rollback's recreate did not set the switch the step sets. */
	assert_non_null(strstr(md, "- Switch on api-3 and recreate (not ticked during the "
	    "incident)\n"));
	assert_non_null(strstr(md, "- Checklist: 0 of 8 steps ticked; 3 more whose action ran OK, "
	    "not ticked.\n"));
	free(md);
	js = render_n(EXPORT_JSON, v, 16);
	root = cJSON_Parse(js);
	assert_non_null(root);
	steps = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root,
	    "incident"), "checklist");
	assert_string_equal(jstr(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(steps, 0),
	    "ran_ok"), "action"), "compose.killswitch");
	assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(steps, 3),
	    "ran_ok")));
	cJSON_Delete(root);
	free(js);
	/* Nothing ticked in the journal: the records are all there was. */
	records_free(v, 16);
}

/* A step bound to a k8s rollback of api: a helm rollback on another host
 * did not do it; the k8s rollback that came last FAILED and was settled
 * by hand, so the step is still to do and says so. The failed rollback
 * stands beside "recovered" as a follow-up, and every action says who
 * confirmed it. */
static void
a_failed_rollback_is_not_credited_and_stands_as_a_follow_up(void **state)
{
	struct record v[12] = { 0 };
	char *md, *js;
	cJSON *root, *inc, *acts, *step, *fu;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"handoff\"}");
	add_to(v, 1, 5, "runbook.load", NULL, NULL, "{\"runbook\":\"h.md\",\"steps\":["
	    "{\"step\":\"h.md:3\",\"title\":\"Roll the k8s api back\",\"acts\":[{\"kind\":"
	    "\"rollback\",\"service\":\"api\",\"driver\":\"k8s\"}]}]}");
	add_to(v, 2, 10, "verdict.change", "k8s-bastion", NULL,
	    "{\"service\":\"api\",\"verdict\":\"ROLLBACK IMMEDIATELY\",\"reason\":\"5xx\"}");
	add_to(v, 3, 20, "action.intent", "k8s-bastion", "op-k1",
	    "{\"action\":\"k8s.undo\",\"plan\":{\"service\":\"api\"}}");
	add_to(v, 4, 30, "incident.resume", NULL, NULL, "{\"unknown_ops\":[\"op-k1\"]}");
	add_to(v, 5, 40, "action.reconcile", "k8s-bastion", "op-k1",
	    "{\"action\":\"k8s.undo\",\"outcome\":\"ok\",\"detail\":\"revision 5\"}");
	add_to(v, 6, 50, "action.intent", "helm-bastion", "op-h",
	    "{\"action\":\"helm.rollback\",\"plan\":{\"service\":\"api\"}}");
	add_to(v, 7, 60, "action.end", "helm-bastion", "op-h", "{\"outcome\":\"ok\"}");
	add_to(v, 8, 70, "action.intent", "k8s-bastion", "op-k2",
	    "{\"action\":\"k8s.undo\",\"plan\":{\"service\":\"api\"}}");
	free(v[8].actor);
	v[8].actor = xstrdup("bob@vm");
	add_to(v, 9, 80, "verdict.change", "k8s-bastion", NULL,
	    "{\"service\":\"api\",\"verdict\":\"OK\",\"reason\":\"calm\"}");
	add_to(v, 10, 90, "action.reconcile", "k8s-bastion", "op-k2", "{\"action\":\"k8s.undo\","
	    "\"by\":\"hand\",\"outcome\":\"failed\",\"detail\":\"rollout stuck 2/3\"}");
	add_to(v, 11, 100, "note", NULL, NULL, "{\"text\":\"done\"}");
	md = render_n(EXPORT_MD, v, 12);
	assert_null(strstr(md, "ran OK on helm-bastion"));
	assert_non_null(strstr(md, "- [ ] Roll the k8s api back (not ticked; its rollback on "
	    "k8s-bastion FAILED at 2024-05-01 12:01:30 via r, settled by hand by alice@ws) (an "
	    "earlier one ran OK at 2024-05-01 12:00:40)\n"));
	assert_non_null(strstr(md, "- Roll the k8s api back (not ticked; its rollback on "
	    "k8s-bastion FAILED at 2024-05-01 12:01:30 via r, settled by hand by alice@ws) (an "
	    "earlier one ran OK at 2024-05-01 12:00:40)\n"));
	assert_non_null(strstr(md, "was back at OK; but 1 action did not end OK (see "
	    "Follow-ups).\n"));
	assert_non_null(strstr(md, "**Actions that did not end OK**\n\n- k8s-bastion: rollback "
	    "of api FAILED (op-k2, settled by hand by alice@ws at 2024-05-01 12:01:30) \xe2\x80\x94 "
	    "rollout stuck 2/3: check the rollout\n"));
	assert_non_null(strstr(md, "| Op | Action | Host | By | Change |"));
	assert_non_null(strstr(md, "| op-k2 | rollback (kubectl rollout undo) | k8s-bastion | bob@vm |"));
	assert_non_null(strstr(md, "| failed (settled by hand by alice@ws) |"));
	assert_non_null(strstr(md, "settled by hand by alice@ws: FAILED"));
	free(md);
	js = render_n(EXPORT_JSON, v, 12);
	root = cJSON_Parse(js);
	assert_non_null(root);
	inc = cJSON_GetObjectItemCaseSensitive(root, "incident");
	acts = cJSON_GetObjectItemCaseSensitive(inc, "actions");
	assert_string_equal(jstr(cJSON_GetArrayItem(acts, 2), "by"), "bob@vm");
	assert_string_equal(jstr(cJSON_GetArrayItem(acts, 2), "settled_by_hand_by"), "alice@ws");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(acts, 2), "standing")));
	assert_true(cJSON_IsFalse(cJSON_GetObjectItem(cJSON_GetArrayItem(acts, 0), "standing")));
	assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(inc, "action_counts"),
	    "standing")->valueint, 1);
	fu = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(inc, "followups"), 0);
	assert_string_equal(jstr(fu, "what"), "action_not_ok");
	assert_string_equal(jstr(fu, "op"), "op-k2");
	assert_string_equal(jstr(fu, "outcome"), "failed");
	assert_string_equal(jstr(fu, "settled_by_hand_by"), "alice@ws");
	step = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(inc, "checklist"), 0);
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(step, "ran_ok")));
	assert_string_equal(jstr(cJSON_GetObjectItem(step, "ran_bad"), "host"), "k8s-bastion");
	assert_string_equal(jstr(cJSON_GetObjectItem(step, "ran_bad"), "outcome"), "failed");
	cJSON_Delete(root);
	free(js);
	/* Without the failed one, the k8s rollback re-read OK did the step;
	 * the helm one still did not. */
	md = render_n(EXPORT_MD, v, 8);
	assert_non_null(strstr(md, "- [ ] Roll the k8s api back (not ticked, but its rollback ran "
	    "OK on k8s-bastion at 2024-05-01 12:00:20 via r)\n"));
	assert_null(strstr(md, "did not end OK"));
	free(md);
	records_free(v, 12);
}

/* x refused on a step before any dialog (a kube context the step names):
 * its follow-up says so with the reason, not "not ticked during the
 * incident"; a step that ran keeps what ran over a later refusal. */
static void
follow_ups_say_which_steps_x_was_refused_on(void **state)
{
	struct record v[6] = { 0 };
	char *md;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"drill\"}");
	add_to(v, 1, 5, "runbook.load", NULL, NULL, "{\"runbook\":\"r.md\",\"steps\":["
	    "{\"step\":\"r.md#1\",\"title\":\"Undo to the previous revision\"},"
	    "{\"step\":\"r.md#2\",\"title\":\"Warm the cache\"}]}");
	add_to(v, 2, 10, "action.refused", "k8s-1", NULL, "{\"action\":\"k8s.undo\","
	    "\"reason\":\"the step names kube context $KUBE_CONTEXT\",\"runbook_step\":\"r.md#1\"}");
	add_to(v, 3, 20, "action.intent", "api-1", "op-x",
	    "{\"action\":\"runbook.command\",\"plan\":{\"runbook_step\":\"r.md#2\"}}");
	add_to(v, 4, 30, "action.end", "api-1", "op-x", "{\"outcome\":\"ok\"}");
	add_to(v, 5, 40, "action.refused", "api-1", NULL, "{\"action\":\"command\","
	    "\"reason\":\"later\",\"runbook_step\":\"r.md#2\"}");
	md = render_n(EXPORT_MD, v, 6);
	assert_non_null(strstr(md, "- Undo to the previous revision (not ticked; x was refused at "
	    "2024-05-01 12:00:10: the step names kube context $KUBE\\_CONTEXT)\n"));
	assert_non_null(strstr(md, "- [ ] Warm the cache (not ticked, but x ran it OK on api-1 at "
	    "2024-05-01 12:00:20)\n"));
	free(md);
	md = render_n(EXPORT_JSON, v, 6);
	assert_non_null(strstr(md, "\"ran\":{\"kind\":\"action.refused\",\"at\":"
	    "\"2024-05-01T12:00:10.000Z\",\"outcome\":\"refused\",\"earlier_version\":false}"));
	free(md);
	records_free(v, 6);
}

/* A runbook of more steps than the incident has records: every step is
 * listed (the look-up table grows; it once stopped at the record count). */
static void
a_runbook_longer_than_the_journal_exports(void **state)
{
	struct record v[3] = { 0 };
	struct wr_buf steps = { 0 };
	char *md, want[64];
	int i;

	(void)state;
	wr_buf_str(&steps, "{\"name\":\"long.md\",\"steps\":[");
	for (i = 1; i <= 200; i++)
		wr_buf_printf(&steps, "%s{\"step\":\"long.md:%d\",\"title\":\"Step %d\"}",
		    i > 1 ? "," : "", i, i);
	wr_buf_str(&steps, "]}");
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"drill\"}");
	add_to(v, 1, 5, "runbook.load", NULL, NULL, steps.s);
	add_to(v, 2, 30, "note", NULL, NULL, "{\"text\":\"done\"}");
	md = render_n(EXPORT_MD, v, 3);
	for (i = 1; i <= 200; i++) {
		snprintf(want, sizeof(want), "- Step %d (not ticked during the incident)\n", i);
		assert_non_null(strstr(md, want));
	}
	free(md);
	free(steps.s);
	records_free(v, 3);
}

/* A step x ran through a status-page post, a smoke check or a chat
 * announcement is no forgotten step either: its record names the step. */
static void
follow_ups_say_what_x_posted_checked_and_announced(void **state)
{
	struct record v[10] = { 0 };
	char *md;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"drill\"}");
	add_to(v, 1, 5, "runbook.load", NULL, NULL, "{\"name\":\"r.md\",\"steps\":["
	    "{\"step\":\"r.md:3\",\"title\":\"Tell customers\"},"
	    "{\"step\":\"r.md:9\",\"title\":\"Check readiness\"},"
	    "{\"step\":\"r.md:15\",\"title\":\"Tell the team\"},"
	    "{\"step\":\"r.md:20\",\"title\":\"Tell customers again\"}]}");
	add_to(v, 2, 10, "statuspage.queue", NULL, "sp-3-0001", "{\"queue\":\"sp-3-0001\","
	    "\"update\":{\"action\":\"create\",\"status\":\"investigating\",\"body\":\"x\"},"
	    "\"runbook_step\":\"r.md:3\"}");
	add_to(v, 3, 11, "statuspage.post", NULL, "sp-3-0001", "{\"queue\":\"sp-3-0001\"}");
	add_to(v, 4, 20, "smoke", NULL, NULL, "{\"url\":\"http://h/readyz\",\"status\":503,"
	    "\"expect\":200,\"ok\":false,\"runbook_step\":\"r.md:9\"}");
	add_to(v, 5, 30, "chat.announce", NULL, "chat-1", "{\"id\":\"chat-1\",\"text\":\"y\","
	    "\"runbook_step\":\"r.md:15\"}");
	add_to(v, 6, 31, "chat.post", NULL, "chat-1", "{\"id\":\"chat-1\"}");
	add_to(v, 7, 40, "statuspage.queue", NULL, "sp-8-0002", "{\"queue\":\"sp-8-0002\","
	    "\"update\":{\"action\":\"update\",\"status\":\"identified\",\"body\":\"z\"},"
	    "\"runbook_step\":\"r.md:20\"}");
	add_to(v, 8, 41, "statuspage.failed", NULL, "sp-8-0002", "{\"queue\":\"sp-8-0002\","
	    "\"error\":\"HTTP 503\"}");
	add_to(v, 9, 50, "note", NULL, NULL, "{\"text\":\"done\"}");
	md = render_n(EXPORT_MD, v, 10);
	assert_non_null(strstr(md, "- Tell customers (not ticked; x posted it to the status page "
	    "at 2024-05-01 12:00:10: posted)\n"));
	assert_non_null(strstr(md, "- Check readiness (not ticked; x ran its smoke check at "
	    "2024-05-01 12:00:20: FAILED)\n"));
	assert_non_null(strstr(md, "- Tell the team (not ticked; x announced it at 2024-05-01 "
	    "12:00:30: posted)\n"));
	assert_non_null(strstr(md, "- Tell customers again (not ticked; x posted it to the status "
	    "page at 2024-05-01 12:00:40: FAILED, not posted)\n"));
	free(md);
	records_free(v, 10);
}

/* A ticked step is the engineer's word, but what x ran from it stays
 * beside it when it did not go as asked; a run of show's steps say when
 * each was due by the T-0 set, and when it was ticked. */
static void
ticked_steps_keep_their_outcome_and_due_time(void **state)
{
	struct record v[9] = { 0 };
	char *md, *js;
	cJSON *doc, *steps;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"release\"}");
	add_to(v, 1, 5, "runbook.load", NULL, NULL, "{\"name\":\"show.md\",\"steps\":["
	    "{\"step\":\"show.md:101\",\"title\":\"T-15m: Announce the window\"},"
	    "{\"step\":\"show.md:102\",\"title\":\"T-10m: Deploy green; run smoke tests\"},"
	    "{\"step\":\"show.md:103\",\"title\":\"T-0: Switch to green\"}]}");
	add_to(v, 2, 6, "runbook.load", NULL, NULL, "{\"name\":\"other.md\",\"steps\":["
	    "{\"step\":\"other.md:4\",\"title\":\"T-5m: Freeze writes\"}]}");
	add_to(v, 3, 60, "runbook.tzero", NULL, NULL, "{\"name\":\"show.md\","
	    "\"tzero\":1714566600}");
	add_to(v, 4, 1000, "smoke", "api-1", NULL, "{\"url\":\"http://h/healthz\","
	    "\"status\":503,\"expect\":200,\"ok\":false,\"runbook_step\":\"show.md:102\"}");
	add_to(v, 5, 1030, "step.check", NULL, NULL, "{\"step\":\"show.md:102\"}");
	add_to(v, 6, 1050, "smoke", "api-1", NULL, "{\"url\":\"http://h/healthz\","
	    "\"status\":200,\"expect\":200,\"ok\":true,\"runbook_step\":\"show.md:101\"}");
	add_to(v, 7, 1060, "step.check", NULL, NULL, "{\"step\":\"show.md:101\"}");
	add_to(v, 8, 1070, "note", NULL, NULL, "{\"text\":\"ok\"}");
	md = render_n(EXPORT_MD, v, 9);
	assert_non_null(strstr(md, "**show.md**: 2 of 3 steps done\n\n"
	    "_T-0 at 2024-05-01 12:30:00; each T-minus step is due then._\n\n"
	    "- [x] T-15m: Announce the window — due 2024-05-01 12:15:00, ticked 2024-05-01 "
	    "12:17:40\n"
	    "- [x] T-10m: Deploy green; run smoke tests — smoke FAILED on api-1: GET "
	    "http://h/healthz answered 503 (expected 200) — due 2024-05-01 12:20:00, ticked "
	    "2024-05-01 12:17:10\n"
	    "- [ ] T-0: Switch to green — due 2024-05-01 12:30:00\n"));
	assert_non_null(strstr(md, "**other.md**: 0 of 1 steps done\n\n_T-0 was never set (T in "
	    "RUNBOOK): its T-minus steps have no due time._\n\n- [ ] T-5m: Freeze writes\n"));
	free(md);
	js = render_n(EXPORT_JSON, v, 9);
	doc = cJSON_Parse(js);
	steps = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "checklist");
	assert_string_equal(jstr(cJSON_GetArrayItem(steps, 1), "due"), "2024-05-01T12:20:00.000Z");
	assert_string_equal(jstr(cJSON_GetArrayItem(steps, 1), "ticked"),
	    "2024-05-01T12:17:10.000Z");
	assert_string_equal(jstr(cJSON_GetObjectItem(cJSON_GetArrayItem(steps, 1), "ran"),
	    "outcome"), "failed");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetArrayItem(steps, 3), "due")));
	cJSON_Delete(doc);
	free(js);
	records_free(v, 9);
}

/* A smoke check's row names its host in the timeline table, and one that
 * warned is WARN in the checklist too. */
static void
smoke_rows_name_their_host_and_warning(void **state)
{
	struct record v[3] = { 0 };
	char *md;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"drill\"}");
	add_to(v, 1, 5, "runbook.load", NULL, NULL, "{\"name\":\"r.md\",\"steps\":["
	    "{\"step\":\"r.md:9\",\"title\":\"Check readiness\"}]}");
	add_to(v, 2, 20, "smoke", "api-1", NULL, "{\"url\":\"http://h/readyz\",\"status\":200,"
	    "\"expect\":200,\"ok\":true,\"warning\":\"migrations not current\","
	    "\"runbook_step\":\"r.md:9\"}");
	md = render_n(EXPORT_MD, v, 3);
	assert_non_null(strstr(md, "| smoke | api-1 | smoke GET http://h/readyz: WARN — 200 "
	    "(expected 200), but migrations not current |"));
	assert_non_null(strstr(md, "- Check readiness (not ticked; x ran its smoke check at "
	    "2024-05-01 12:00:20: WARN)\n"));
	free(md);
	records_free(v, 3);
}

/* The checklist is one list per runbook, each named, so two runbooks'
 * steps of the same text are told apart; a step ticked only in the
 * runbook file is neither done nor left out. */
static void
checklist_by_runbook_and_ticks_of_the_file_apart(void **state)
{
	struct record v[5] = { 0 };
	char *md;
	cJSON *doc;
	const cJSON *steps;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"two books\"}");
	add_to(v, 1, 5, "runbook.load", NULL, NULL, "{\"name\":\"nm4.md\",\"steps\":["
	    "{\"step\":\"nm4.md:5\",\"title\":\"Incident commander named\",\"preticked\":true},"
	    "{\"step\":\"nm4.md:7\",\"title\":\"Roll back\"}]}");
	add_to(v, 2, 6, "runbook.load", NULL, NULL, "{\"name\":\"comms.md\",\"steps\":["
	    "{\"step\":\"comms.md:4\",\"title\":\"Incident commander named\"},"
	    "{\"step\":\"comms.md:8\",\"title\":\"Roll back\"}]}");
	add_to(v, 3, 10, "step.check", NULL, NULL, "{\"step\":\"comms.md:4\"}");
	add_to(v, 4, 20, "step.check", NULL, NULL, "{\"step\":\"nm4.md:7\"}");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "- Checklist: 2 of 4 steps done; 1 more ticked only in the "
	    "runbook files, never during the incident.\n"));
	assert_non_null(strstr(md, "## Checklist\n\n**nm4.md**: 1 of 2 steps done\n\n"
	    "- [ ] Incident commander named _(ticked in the runbook file, not during the "
	    "incident)_\n- [x] Roll back\n\n**comms.md**: 1 of 2 steps done\n\n"
	    "- [x] Incident commander named\n- [ ] Roll back\n"));
	assert_non_null(strstr(md, "### Follow-ups\n\n**nm4.md**\n\n- Incident commander named "
	    "(ticked in the runbook file only, never during the incident)\n\n**comms.md**\n\n"
	    "- Roll back (not ticked during the incident)\n"));
	free(md);
	md = render_n(EXPORT_JSON, v, 5);
	doc = cJSON_Parse(md);
	steps = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "checklist");
	assert_int_equal(cJSON_GetArraySize(steps), 4);
	assert_string_equal(jstr(cJSON_GetArrayItem(steps, 0), "runbook"), "nm4.md");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(steps, 0), "preticked")));
	assert_true(cJSON_IsFalse(cJSON_GetObjectItem(cJSON_GetArrayItem(steps, 0), "done")));
	assert_string_equal(jstr(cJSON_GetArrayItem(steps, 2), "runbook"), "comms.md");
	cJSON_Delete(doc);
	free(md);
	records_free(v, 5);
}

/* Steps worded alike in two sections ("Check health" after each phase)
 * are told apart by their section, which runbook.load records for each:
 * the checklist and the follow-ups list each under its section's title;
 * a journal from before that lists them as it did. */
static void
checklist_keeps_each_step_under_its_section(void **state)
{
	struct record v[4] = { 0 };
	char *md;
	cJSON *doc;
	const cJSON *steps;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"drill\"}");
	add_to(v, 1, 5, "runbook.load", NULL, NULL, "{\"name\":\"r.md\",\"steps\":["
	    "{\"step\":\"r.md:1\",\"title\":\"Page the owner\"},"
	    "{\"step\":\"r.md:5\",\"title\":\"Roll back\",\"section\":\"Mitigate\"},"
	    "{\"step\":\"r.md:6\",\"title\":\"Check health\",\"section\":\"Mitigate\"},"
	    "{\"step\":\"r.md:10\",\"title\":\"Check health\",\"section\":\"Verify_all\"}]}");
	add_to(v, 2, 10, "step.check", NULL, NULL, "{\"step\":\"r.md:5\"}");
	add_to(v, 3, 20, "step.check", NULL, NULL, "{\"step\":\"r.md:10\"}");
	md = render_n(EXPORT_MD, v, 4);
	assert_non_null(strstr(md, "**r.md**: 2 of 4 steps done\n\n- [ ] Page the owner\n\n"
	    "_Mitigate_\n\n- [x] Roll back\n- [ ] Check health\n\n_Verify\\_all_\n\n"
	    "- [x] Check health\n"));
	assert_non_null(strstr(md, "### Follow-ups\n\n**r.md**\n\n"
	    "- Page the owner (not ticked during the incident)\n\n_Mitigate_\n\n"
	    "- Check health (not ticked during the incident)\n"));
	free(md);
	md = render_n(EXPORT_JSON, v, 4);
	doc = cJSON_Parse(md);
	steps = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "checklist");
	assert_int_equal(cJSON_GetArraySize(steps), 4);
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetArrayItem(steps, 0), "section")));
	assert_string_equal(jstr(cJSON_GetArrayItem(steps, 2), "section"), "Mitigate");
	assert_string_equal(jstr(cJSON_GetArrayItem(steps, 3), "section"), "Verify_all");
	cJSON_Delete(doc);
	free(md);
	records_free(v, 4);
}

/* A resume after an edit: session 1 ran "Roll back" and ticked
 * "Acknowledge"; a step was inserted above them; session 2 reopened the
 * incident. The runbook is listed once, as last loaded, each mark on the
 * step it was made on; with the rolled-back step renamed too, its mark
 * fits no step and is said by its title. */
static void
edited_runbook_journal(struct record *v, const char *rollback_title_now)
{
	char load2[512];

	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 5, "runbook.load", NULL, NULL, "{\"name\":\"live.md\",\"steps\":["
	    "{\"step\":\"live.md:3\",\"title\":\"Acknowledge the page\"},"
	    "{\"step\":\"live.md:4\",\"title\":\"Roll back\"}]}");
	add_to(v, 2, 10, "step.check", NULL, NULL,
	    "{\"step\":\"live.md:3\",\"title\":\"Acknowledge the page\"}");
	add_to(v, 3, 20, "action.intent", "h1", "op-1",
	    "{\"action\":\"runbook.command\",\"plan\":{\"runbook_step\":\"live.md:4\"}}");
	add_to(v, 4, 30, "action.end", "h1", "op-1", "{\"outcome\":\"ok\"}");
	add_to(v, 5, 40, "incident.resume", NULL, NULL, "{}");
	snprintf(load2, sizeof(load2), "{\"name\":\"live.md\",\"steps\":["
	    "{\"step\":\"live.md:3\",\"title\":\"Open the incident channel\"},"
	    "{\"step\":\"live.md:4\",\"title\":\"Acknowledge the page\",\"done\":true},"
	    "{\"step\":\"live.md:5\",\"title\":\"%s\"}]}", rollback_title_now);
	add_to(v, 6, 45, "runbook.load", NULL, NULL, load2);
	for (size_t i = 0; i < 5; i++)
		v[i].session = 1;
	v[5].session = v[6].session = 6;
}

static void
an_edited_runbook_is_listed_once_with_each_mark_on_its_step(void **state)
{
	struct record v[7] = { 0 };
	char *md;

	(void)state;
	edited_runbook_journal(v, "Roll back");
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, "## Checklist\n\n**live.md** (loaded at 12:00:05, again at "
	    "12:00:45 after it changed): 1 of 3 steps ticked; 1 more whose action ran OK\n\n"
	    "- [ ] Open the incident channel\n- [x] Acknowledge the page\n- [ ] Roll back "
	    "(not ticked, but x ran it OK on h1 at 2024-05-01 12:00:20)\n"));
	assert_null(strstr(md, "- [ ] Roll back\n\n**live.md**"));
	assert_null(strstr(md, "not placed"));
	/* The rollback ran from "Roll back", not from the inserted step. */
	assert_non_null(strstr(md, "- Open the incident channel (not ticked during the "
	    "incident)\n"));
	assert_null(strstr(md, "- Roll back (not ticked during the incident)"));
	free(md);
	records_free(v, 7);
}

static void
a_mark_of_a_renamed_step_is_said_not_placed(void **state)
{
	struct record v[7] = { 0 };
	const cJSON *lost;
	char *md;
	cJSON *doc;

	(void)state;
	edited_runbook_journal(v, "Roll back the API to v1");
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, "- [ ] Roll back the API to v1\n\n_Runbook changed since: "
	    "1 mark not placed: \"Roll back\" (x ran it)_\n"));
	assert_non_null(strstr(md, "- Roll back the API to v1 (not ticked during the incident)"));
	free(md);
	md = render_n(EXPORT_JSON, v, 7);
	doc = cJSON_Parse(md);
	lost = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "unplaced");
	assert_int_equal(cJSON_GetArraySize(lost), 1);
	assert_string_equal(jstr(cJSON_GetArrayItem(lost, 0), "runbook"), "live.md");
	assert_string_equal(jstr(cJSON_GetArrayItem(lost, 0), "title"), "Roll back");
	assert_string_equal(jstr(cJSON_GetArrayItem(lost, 0), "mark"), "x ran it");
	cJSON_Delete(doc);
	free(md);
	records_free(v, 7);
}

/* A runbook loaded three times under one name: by a console, again by
 * that console restarted after the file was edited, and by a second
 * console on the edited file. Its checklist is listed once, saying when
 * it was loaded and when again after it changed (by the SHA-256 each load
 * holds; a journal from before it by the steps, which only say a change);
 * the JSON has every load. */
static void
a_runbook_loaded_again_is_listed_once_saying_when(void **state)
{
	static const char *const steps1 = "\"steps\":[{\"step\":\"live.md:3\",\"title\":"
	    "\"Acknowledge the page\"},{\"step\":\"live.md:4\",\"title\":\"Roll back\"}]";
	static const char *const steps2 = "\"steps\":[{\"step\":\"live.md:3\",\"title\":"
	    "\"Acknowledge the page\",\"done\":true},{\"step\":\"live.md:4\",\"title\":"
	    "\"Roll back the API\"}]";
	struct record v[6] = { 0 };
	char load[400], *md;
	const cJSON *rbs, *loads;
	cJSON *doc;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	snprintf(load, sizeof(load), "{\"name\":\"live.md\",\"sha256\":\"aa11\",%s}", steps1);
	add_to(v, 1, 62, "runbook.load", NULL, NULL, load);
	add_to(v, 2, 70, "step.check", NULL, NULL,
	    "{\"step\":\"live.md:3\",\"title\":\"Acknowledge the page\"}");
	snprintf(load, sizeof(load), "{\"name\":\"live.md\",\"sha256\":\"bb22\",%s}", steps2);
	add_to(v, 3, 1800, "runbook.load", NULL, NULL, load);
	add_to(v, 4, 1860, "runbook.load", NULL, NULL, load);
	add_to(v, 5, 1900, "note", NULL, NULL, "{\"text\":\"done\"}");
	md = render_n(EXPORT_MD, v, 6);
	assert_non_null(strstr(md, "## Checklist\n\n**live.md** (loaded at 12:01:02, again at "
	    "12:30:00 after it changed): 1 of 2 steps done\n\n"
	    "- [x] Acknowledge the page\n- [ ] Roll back the API\n\n### Follow-ups\n"));
	free(md);
	md = render_n(EXPORT_JSON, v, 6);
	doc = cJSON_Parse(md);
	rbs = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "runbooks");
	assert_int_equal(cJSON_GetArraySize(rbs), 1);
	assert_string_equal(jstr(cJSON_GetArrayItem(rbs, 0), "name"), "live.md");
	loads = cJSON_GetObjectItem(cJSON_GetArrayItem(rbs, 0), "loads");
	assert_int_equal(cJSON_GetArraySize(loads), 3);
	assert_string_equal(jstr(cJSON_GetArrayItem(loads, 0), "at"), "2024-05-01T12:01:02.000Z");
	assert_null(cJSON_GetObjectItem(cJSON_GetArrayItem(loads, 0), "changed"));
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(loads, 1), "changed")));
	assert_true(cJSON_IsFalse(cJSON_GetObjectItem(cJSON_GetArrayItem(loads, 2), "changed")));
	cJSON_Delete(doc);
	free(md);
	/* Without sha256: the same steps are not known to be the same file. */
	record_free(&v[3]);
	record_free(&v[4]);
	snprintf(load, sizeof(load), "{\"name\":\"live.md\",%s}", steps2);
	add_to(v, 3, 1800, "runbook.load", NULL, NULL, load);
	add_to(v, 4, 1860, "runbook.load", NULL, NULL, load);
	md = render_n(EXPORT_MD, v, 6);
	assert_non_null(strstr(md, "**live.md** (loaded at 12:01:02, again at 12:30:00 after it "
	    "changed): 1 of 2 steps done\n"));
	free(md);
	md = render_n(EXPORT_JSON, v, 6);
	doc = cJSON_Parse(md);
	rbs = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "runbooks");
	loads = cJSON_GetObjectItem(cJSON_GetArrayItem(rbs, 0), "loads");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetArrayItem(loads, 2), "changed")));
	cJSON_Delete(doc);
	free(md);
	records_free(v, 6);
}

/* One runbook file loaded first beside another of its name, so under
 * the key "platform/check.md", and by a later console alone, as
 * "check.md": the journal holds no path, but both loads hold the bytes'
 * SHA-256. The same bytes: one list, its ticks from either load on it,
 * naming both keys; other bytes: two lists, the second saying it is not
 * the same content; loads without sha256 (older journals): as before. */
static void
a_runbook_loaded_under_two_keys_is_listed_once_when_its_bytes_match(void **state)
{
	static const char *const fmt1 = "{\"name\":\"platform/check.md\"%s,\"steps\":["
	    "{\"step\":\"platform/check.md:3\",\"title\":\"Acknowledge the page\"},"
	    "{\"step\":\"platform/check.md:4\",\"title\":\"Roll back\"}]}";
	static const char *const fmt2 = "{\"name\":\"check.md\"%s,\"steps\":["
	    "{\"step\":\"check.md:3\",\"title\":\"Acknowledge the page\",\"done\":true},"
	    "{\"step\":\"check.md:4\",\"title\":\"Roll back\"}]}";
	struct record v[7] = { 0 };
	char load[600], *md;
	const cJSON *rbs, *x;
	cJSON *doc;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	snprintf(load, sizeof(load), fmt1, ",\"sha256\":\"aa11\"");
	add_to(v, 1, 62, "runbook.load", NULL, NULL, load);
	add_to(v, 2, 63, "runbook.load", NULL, NULL, "{\"name\":\"team/check.md\","
	    "\"sha256\":\"cc33\",\"steps\":[{\"step\":\"team/check.md:2\",\"title\":"
	    "\"Page the team\"}]}");
	add_to(v, 3, 70, "step.check", NULL, NULL,
	    "{\"step\":\"platform/check.md:3\",\"title\":\"Acknowledge the page\"}");
	snprintf(load, sizeof(load), fmt2, ",\"sha256\":\"aa11\"");
	add_to(v, 4, 1800, "runbook.load", NULL, NULL, load);
	add_to(v, 5, 1850, "step.check", NULL, NULL,
	    "{\"step\":\"check.md:4\",\"title\":\"Roll back\"}");
	add_to(v, 6, 1900, "note", NULL, NULL, "{\"text\":\"done\"}");
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, "**check.md** (also loaded as platform/check.md, the same "
	    "content): 2 of 2 steps done\n\n- [x] Acknowledge the page\n- [x] Roll back\n"));
	assert_null(strstr(md, "**platform/check.md**"));
	assert_non_null(strstr(md, "**team/check.md**: 0 of 1 steps done"));
	free(md);
	md = render_n(EXPORT_JSON, v, 7);
	doc = cJSON_Parse(md);
	rbs = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "runbooks");
	assert_int_equal(cJSON_GetArraySize(rbs), 2);
	x = cJSON_GetArrayItem(rbs, 0);
	assert_string_equal(jstr(x, "name"), "check.md");
	assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(x, "also_named"), 0)->valuestring,
	    "platform/check.md");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(x, "loads")), 2);
	assert_string_equal(jstr(cJSON_GetArrayItem(cJSON_GetObjectItem(x, "loads"), 0), "as"),
	    "platform/check.md");
	assert_true(cJSON_IsFalse(cJSON_GetObjectItem(cJSON_GetArrayItem(
	    cJSON_GetObjectItem(x, "loads"), 1), "changed")));
	cJSON_Delete(doc);
	free(md);

	/* Other bytes under the shorter key: another runbook, said so. */
	record_free(&v[4]);
	snprintf(load, sizeof(load), fmt2, ",\"sha256\":\"bb22\"");
	add_to(v, 4, 1800, "runbook.load", NULL, NULL, load);
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, "**platform/check.md**: 1 of 2 steps done"));
	assert_non_null(strstr(md, "**check.md** (other content than platform/check.md, team/check.md: "
	    "listed as another runbook): 2 of 2 steps done"));
	free(md);
	md = render_n(EXPORT_JSON, v, 7);
	doc = cJSON_Parse(md);
	rbs = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "runbooks");
	assert_int_equal(cJSON_GetArraySize(rbs), 3);
	x = cJSON_GetArrayItem(rbs, 2);
	assert_string_equal(jstr(x, "name"), "check.md");
	assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(x, "not_same_as"),
	    0)->valuestring, "platform/check.md");
	cJSON_Delete(doc);
	free(md);

	/* No sha256 (a journal from before it): listed apart, nothing said. */
	record_free(&v[1]);
	record_free(&v[4]);
	snprintf(load, sizeof(load), fmt1, "");
	add_to(v, 1, 62, "runbook.load", NULL, NULL, load);
	snprintf(load, sizeof(load), fmt2, "");
	add_to(v, 4, 1800, "runbook.load", NULL, NULL, load);
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, "**platform/check.md**: 1 of 2 steps done"));
	assert_non_null(strstr(md, "**check.md**: 2 of 2 steps done"));
	free(md);
	records_free(v, 7);
}

/* A step's text changed between two loads: what x ran or sent from it
 * before (its record's runbook_code) is an earlier version's, said beside
 * the mark however it went; a step whose code is the same, and a record
 * from before runbook_code was kept, read as before. */
static void
a_mark_from_a_step_edited_since_says_it_is_an_earlier_version_s(void **state)
{
	struct record v[13] = { 0 };
	const cJSON *steps;
	cJSON *doc;
	char *md;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 5, "runbook.load", NULL, NULL, "{\"name\":\"live.md\",\"steps\":["
	    "{\"step\":\"live.md:3\",\"title\":\"Post the update\",\"code\":\"aaa\"},"
	    "{\"step\":\"live.md:4\",\"title\":\"Roll back\",\"code\":\"ccc\"},"
	    "{\"step\":\"live.md:5\",\"title\":\"Smoke check\",\"code\":\"eee\"},"
	    "{\"step\":\"live.md:6\",\"title\":\"Tell the team\",\"code\":\"fff\"}]}");
	add_to(v, 2, 10, "statuspage.queue", NULL, "sp-3-0001", "{\"queue\":\"sp-3-0001\","
	    "\"update\":{\"action\":\"create\",\"status\":\"investigating\",\"body\":\"x\"},"
	    "\"runbook_step\":\"live.md:3\",\"runbook_code\":\"aaa\"}");
	add_to(v, 3, 11, "statuspage.post", NULL, "sp-3-0001", "{\"queue\":\"sp-3-0001\","
	    "\"action\":\"create\",\"page_incident\":\"p1\",\"status\":\"investigating\"}");
	add_to(v, 4, 12, "step.check", NULL, NULL,
	    "{\"step\":\"live.md:3\",\"title\":\"Post the update\"}");
	add_to(v, 5, 20, "action.intent", "h1", "op-1", "{\"action\":\"runbook.command\","
	    "\"plan\":{\"runbook_step\":\"live.md:4\",\"runbook_code\":\"ccc\"}}");
	add_to(v, 6, 30, "action.end", "h1", "op-1", "{\"outcome\":\"ok\"}");
	add_to(v, 7, 40, "smoke", "h1", NULL, "{\"url\":\"http://h1/healthz\",\"status\":200,"
	    "\"expect\":200,\"ok\":true,\"runbook_step\":\"live.md:5\",\"runbook_code\":\"eee\"}");
	add_to(v, 8, 41, "step.check", NULL, NULL,
	    "{\"step\":\"live.md:5\",\"title\":\"Smoke check\"}");
	/* From before runbook_code was kept with an announcement. */
	add_to(v, 9, 50, "chat.announce", NULL, "chat-1", "{\"id\":\"chat-1\",\"text\":\"hi\","
	    "\"runbook_step\":\"live.md:6\"}");
	add_to(v, 10, 51, "chat.post", NULL, "chat-1", "{\"id\":\"chat-1\"}");
	add_to(v, 11, 60, "incident.resume", NULL, NULL, "{}");
	/* Edited since: the post's and the rollback's steps hold other code. */
	add_to(v, 12, 65, "runbook.load", NULL, NULL, "{\"name\":\"live.md\",\"steps\":["
	    "{\"step\":\"live.md:3\",\"title\":\"Post the update\",\"code\":\"bbb\",\"done\":true},"
	    "{\"step\":\"live.md:4\",\"title\":\"Roll back\",\"code\":\"ddd\"},"
	    "{\"step\":\"live.md:5\",\"title\":\"Smoke check\",\"code\":\"eee\",\"done\":true},"
	    "{\"step\":\"live.md:6\",\"title\":\"Tell the team\",\"code\":\"ggg\"}]}");
	md = render_n(EXPORT_MD, v, 13);
	assert_non_null(strstr(md, "- [x] Post the update — its status-page post: posted "
	    "(an earlier version of this step)\n- [ ] Roll back\n- [x] Smoke check\n"
	    "- [ ] Tell the team\n"));
	assert_non_null(strstr(md, "- Roll back (not ticked; x ran it at 2024-05-01 12:00:20: "
	    "ok) (an earlier version of this step)\n"));
	assert_non_null(strstr(md, "- Tell the team (not ticked; x announced it at 2024-05-01 "
	    "12:00:50: posted)\n"));
	free(md);
	md = render_n(EXPORT_JSON, v, 13);
	doc = cJSON_Parse(md);
	steps = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "checklist");
	assert_int_equal(cJSON_GetArraySize(steps), 4);
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetObjectItem(
	    cJSON_GetArrayItem(steps, 0), "ran"), "earlier_version")));
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetObjectItem(
	    cJSON_GetArrayItem(steps, 1), "ran"), "earlier_version")));
	assert_true(cJSON_IsFalse(cJSON_GetObjectItem(cJSON_GetObjectItem(
	    cJSON_GetArrayItem(steps, 2), "ran"), "earlier_version")));
	assert_true(cJSON_IsFalse(cJSON_GetObjectItem(cJSON_GetObjectItem(
	    cJSON_GetArrayItem(steps, 3), "ran"), "earlier_version")));
	cJSON_Delete(doc);
	free(md);
	records_free(v, 13);
}

/* The console's runbook.load says what it could not place: TIMELINE's row. */
static void
a_load_that_could_not_place_marks_reads_as_words(void **state)
{
	struct record r = { 0 };
	char *t;

	(void)state;
	add_to(&r, 0, 0, "runbook.load", NULL, NULL, "{\"name\":\"live.md\",\"steps\":[],"
	    "\"unplaced\":[{\"title\":\"Acknowledge\",\"mark\":\"ticked\"},"
	    "{\"title\":\"Roll back\",\"mark\":\"x ran it\"}]}");
	t = export_details(&r, NULL);
	assert_string_equal(t, "live.md: runbook changed since: 2 marks not placed: "
	    "\"Acknowledge\" (ticked), \"Roll back\" (x ran it)");
	free(t);
	record_free(&r);
}

/* One host back while two are still bad is not recovery. */
static void
recovery_waits_for_every_bad_host(void **state)
{
	struct record v[NMULTI] = { 0 };
	char *md, *js;
	cJSON *doc, *bad;

	(void)state;
	multi_journal(v);
	md = render_n(EXPORT_MD, v, 5);
	assert_null(strstr(md, "recovered 2024"));
	assert_non_null(strstr(md, "- Detected 2024-05-01 12:00:10; **not recovered**: still bad "
	    "at the journal's end (2024-05-01 12:00:47): k8s-bastion (ROLLBACK IMMEDIATELY), "
	    "helm-bastion (ROLLBACK IMMEDIATELY).\n"));
	assert_non_null(strstr(md, "| Recovery | **not recovered** | — |\n"));
	assert_non_null(strstr(md, "**Impact duration:** ongoing since 2024-05-01 12:00:10 (first "
	    "bad verdict), not recovered (37s up to the journal's last record, 2024-05-01 "
	    "12:00:47)"));
	js = render_n(EXPORT_JSON, v, 5);
	doc = cJSON_Parse(js);
	assert_non_null(doc);
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(json_times(doc), "recovery")));
	assert_true(cJSON_IsFalse(cJSON_GetObjectItem(json_times(doc), "recovered")));
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(json_times(doc), "impact_s")));
	assert_int_equal(cJSON_GetObjectItem(json_times(doc), "impact_so_far_s")->valuedouble, 37);
	bad = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "still_bad");
	assert_int_equal(cJSON_GetArraySize(bad), 2);
	assert_string_equal(jstr(cJSON_GetArrayItem(bad, 0), "host"), "k8s-bastion");
	assert_string_equal(jstr(cJSON_GetArrayItem(bad, 1), "host"), "helm-bastion");
	assert_string_equal(jstr(cJSON_GetArrayItem(bad, 1), "verdict"), "ROLLBACK IMMEDIATELY");
	cJSON_Delete(doc);
	free(js);
	free(md);
	multi_free(v);
}

/* NO DATA is not good: a bad host that goes silent is still bad. */
static void
no_data_after_bad_is_not_recovery(void **state)
{
	struct record v[NMULTI] = { 0 };
	char *md;

	(void)state;
	multi_journal(v);
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, "**not recovered**: still bad at the journal's end "
	    "(2024-05-01 12:01:10): helm-bastion (NO DATA after ROLLBACK IMMEDIATELY).\n"));
	free(md);
	multi_free(v);
}

/* The last bad host back at OK (MONITOR counts as back) is recovery... */
static void
recovery_is_when_the_last_bad_host_is_back(void **state)
{
	struct record v[NMULTI] = { 0 };
	char *md, *js;
	cJSON *doc;

	(void)state;
	multi_journal(v);
	md = render_n(EXPORT_MD, v, 8);
	assert_non_null(strstr(md, "- Detected 2024-05-01 12:00:10; recovered 2024-05-01 12:01:30, "
	    "when the last host that was bad (helm-bastion) was back at OK.\n"));
	assert_non_null(strstr(md, "| Recovery | 2024-05-01 12:01:30 | 1m 20s |\n"));
	assert_non_null(strstr(md, "**Impact duration:** 1m 20s (first bad verdict to recovery)"));
	free(md);
	js = render_n(EXPORT_JSON, v, 8);
	doc = cJSON_Parse(js);
	assert_string_equal(jstr(json_times(doc), "recovery"), "2024-05-01T12:01:30.000Z");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(json_times(doc), "recovered")));
	assert_int_equal(cJSON_GetObjectItem(json_times(doc), "impact_s")->valuedouble, 80);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(doc,
	    "incident"), "still_bad")), 0);
	cJSON_Delete(doc);
	free(js);
	/* ...unless one goes bad again after it: then it is the later return. */
	md = render_n(EXPORT_MD, v, 9);
	assert_non_null(strstr(md, "**not recovered**: still bad at the journal's end "
	    "(2024-05-01 12:01:40): api-1 (CONSIDER ROLLBACK).\n"));
	free(md);
	md = render_n(EXPORT_MD, v, NMULTI);
	assert_non_null(strstr(md, "recovered 2024-05-01 12:02:10, when the last host that was "
	    "bad (api-1) was back at MONITOR.\n"));
	assert_non_null(strstr(md, "**Impact duration:** 2m 00s (first bad verdict to recovery)"));
	free(md);
	multi_free(v);
}

/* Each time in the zone as it was then, with UTC beside it (and the UTC
 * date where it differs); a fixed offset is named by itself; UTC alone
 * is given once. */
static void
zone_times_follow_dst_and_keep_utc(void **state)
{
	struct record v[3] = { 0 };
	struct export_opts o = { .id = "dst-0a0b0c", .tz_label = "Europe/Paris",
		.tz_at = paris_at };
	const int64_t eve = 1729985400000LL - T0;      /* 2024-10-26T23:30:00Z */
	char *md, *js;
	size_t len;
	cJSON *doc, *tz;

	(void)state;
	add_to(v, 0, eve / 1000, "incident.open", NULL, NULL, "{\"name\":\"dst\"}");
	add_to(v, 1, eve / 1000 + 3600, "note", NULL, NULL, "{\"text\":\"02:30 CEST\"}");
	add_to(v, 2, eve / 1000 + 7200, "note", NULL, NULL, "{\"text\":\"02:30 CET\"}");
	assert_int_equal(export_render(EXPORT_MD, v, 3, &o, &md, &len, NULL), 0);
	assert_non_null(strstr(md, "| 1 | 2024-10-27 01:30:00 CEST (2024-10-26 23:30:00 UTC) |"));
	assert_non_null(strstr(md, "| 2 | 2024-10-27 02:30:00 CEST (00:30:00 UTC) |"));
	assert_non_null(strstr(md, "| 3 | 2024-10-27 02:30:00 CET (01:30:00 UTC) |"));
	assert_non_null(strstr(md, "- **2024-10-27 02:30:00 CET (01:30:00 UTC)** alice@ws: 02:30 CET"));
	free(md);
	assert_int_equal(export_render(EXPORT_JSON, v, 3, &o, &js, &len, NULL), 0);
	doc = cJSON_Parse(js);
	tz = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "tz");
	assert_string_equal(jstr(tz, "label"), "Europe/Paris (CEST, UTC+02:00)");
	assert_int_equal(cJSON_GetObjectItem(tz, "offset_s")->valuedouble, 7200);
	cJSON_Delete(doc);
	free(js);

	o = (struct export_opts){ .id = "dst-0a0b0c", .tz_off = -5 * 3600 };
	assert_int_equal(export_render(EXPORT_MD, v, 3, &o, &md, &len, NULL), 0);
	assert_non_null(strstr(md, "times in UTC-05:00, each followed by UTC\n"));
	assert_non_null(strstr(md, "| 1 | 2024-10-26 18:30:00 UTC-05:00 (23:30:00 UTC) |"));
	free(md);

	o = (struct export_opts){ .id = "dst-0a0b0c" };
	assert_int_equal(export_render(EXPORT_MD, v, 3, &o, &md, &len, NULL), 0);
	assert_non_null(strstr(md, " · times in UTC\n"));
	assert_non_null(strstr(md, "| 1 | 2024-10-26 23:30:00 | alice@ws |"));
	assert_null(strstr(md, "UTC)"));
	free(md);
	records_free(v, 3);
}


/* The kill switch's change is the value it planned from and to, for the
 * compose switch (whose plan names no env_key) and the k8s one, and the
 * undo the other way. */
static void
killswitch_changes_say_the_value_from_and_to(void **state)
{
	struct record v[5] = { 0 };
	char *md, *js;
	cJSON *doc, *acts;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"exports\"}");
	add_to(v, 1, 10, "action.intent", "api-1", "ks-1", "{\"action\":\"compose.killswitch\","
	    "\"plan\":{\"action\":\"compose.killswitch\",\"service\":\"api\",\"from\":"
	    "\"EXPORT_MODE=on\",\"to\":\"EXPORT_MODE=off\",\"env_file\":\"/srv/app/.env\","
	    "\"keep_tag\":\"v1.4.1\"}}");
	add_to(v, 2, 20, "action.intent", "api-1", "ks-2", "{\"action\":\"compose.killswitch\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"EXPORT_MODE=off\",\"to\":"
	    "\"EXPORT_MODE=on\"}}");
	add_to(v, 3, 30, "action.intent", "k8s-1", "ks-3", "{\"action\":\"k8s.killswitch\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"EXPORT_MODE=(unset)\",\"to\":"
	    "\"EXPORT_MODE=off\",\"env_key\":\"EXPORT_MODE\",\"env_set\":\"off\"}}");
	add_to(v, 4, 40, "action.intent", "k8s-1", "ks-4", "{\"action\":\"k8s.killswitch\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"EXPORT_MODE=off\",\"to\":"
	    "\"EXPORT_MODE=(unset)\",\"env_key\":\"EXPORT_MODE\",\"env_remove\":true}}");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "| ks-1 | kill switch (docker compose up -d) | api-1 | alice@ws | "
	    "api EXPORT\\_MODE on "
	    "\xe2\x86\x92 off | "));
	assert_non_null(strstr(md, "| ks-2 | kill switch (docker compose up -d) | api-1 | alice@ws | "
	    "api EXPORT\\_MODE off "
	    "\xe2\x86\x92 on | "));
	assert_non_null(strstr(md, "| ks-3 | kill switch (kubectl set env) | k8s-1 | bob@laptop | "
	    "api EXPORT\\_MODE (unset) "
	    "\xe2\x86\x92 off | "));
	assert_non_null(strstr(md, "| ks-4 | kill switch (kubectl set env) | k8s-1 | alice@ws | "
	    "api EXPORT\\_MODE off "
	    "\xe2\x86\x92 (unset) | "));
	free(md);
	js = render_n(EXPORT_JSON, v, 5);
	doc = cJSON_Parse(js);
	acts = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "actions");
	assert_string_equal(jstr(cJSON_GetArrayItem(acts, 0), "change"),
	    "api EXPORT_MODE on \xe2\x86\x92 off");
	assert_string_equal(jstr(cJSON_GetArrayItem(acts, 1), "change"),
	    "api EXPORT_MODE off \xe2\x86\x92 on");
	cJSON_Delete(doc);
	free(js);
	records_free(v, 5);
}

/* A host never reached, its key waiting 21 s for K: no outage. TIMELINE
 * says it was reached once its key was trusted; Reachability has no row
 * for it; Data gaps names the wait as a key not trusted. A host never
 * reached that simply answered late is a first reach, not "UP again". */
static void
a_key_wait_is_no_outage(void **state)
{
	struct record v[6] = { 0 };
	char *md, *js, *row;
	cJSON *doc, *inc;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"trust\"}");
	add_to(v, 1, 7, "conn.change", "api-1", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"unknown host key ssh-ed25519 SHA256:abc\","
	    "\"since\":\"2024-05-01T12:00:07.000Z\",\"untrusted\":true,\"first\":true}");
	add_to(v, 2, 8, "conn.change", "api-2", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"connect: Connection refused\","
	    "\"since\":\"2024-05-01T12:00:08.000Z\",\"first\":true}");
	add_to(v, 3, 28, "conn.change", "api-1", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:00:28.000Z\",\"first\":true,\"untrusted\":true,"
	    "\"waited_s\":21}");
	add_to(v, 4, 40, "conn.change", "api-2", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:00:40.000Z\",\"first\":true,\"waited_s\":32}");
	add_to(v, 5, 60, "note", NULL, NULL, "{\"text\":\"done\"}");
	row = export_details(&v[1], NULL);
	assert_string_equal(row, "key not trusted: unknown host key ssh-ed25519 SHA256:abc (not "
	    "reached before: nothing is read until its key is trusted)");
	free(row);
	row = export_details(&v[3], NULL);
	assert_string_equal(row, "UP: reached after its key was trusted (waited 21s)");
	free(row);
	row = export_details(&v[4], NULL);
	assert_string_equal(row, "UP: reached for the first time, 32s after its first try");
	free(row);
	md = render_n(EXPORT_MD, v, 6);
	assert_null(strstr(md, "UP again"));
	assert_null(strstr(md, "| api-1 | 2024-05-01 12:00:07 | 2024-05-01 12:00:28 | 21s | unknown"));
	assert_non_null(strstr(md, "| api-1 | 2024-05-01 12:00:07 | 2024-05-01 12:00:28 | 21s | "
	    "key not trusted (unknown host key ssh-ed25519 SHA256:abc): nothing read until its "
	    "host key was trusted; not reached before, not DOWN |"));
	free(md);
	js = render_n(EXPORT_JSON, v, 6);
	doc = cJSON_Parse(js);
	inc = cJSON_GetObjectItem(doc, "incident");
	/* Only api-2, which did not answer, was unreachable. */
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(inc, "reachability")), 1);
	assert_string_equal(jstr(cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "reachability"), 0),
	    "host"), "api-2");
	assert_string_equal(jstr(cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "data_gaps"), 0),
	    "kind"), "untrusted");
	assert_string_equal(jstr(cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "data_gaps"), 1),
	    "kind"), "down");
	cJSON_Delete(doc);
	free(js);
	records_free(v, 6);
}

/* h3 refused from the start for a changed key appeared only under Data
 * gaps; h5, whose key changed while it was away, read "not back" as if
 * still lost. Each changed key has a Reachability row (trusted with K or
 * never) and a follow-up; an unknown key never trusted has a row too. */
static void
a_changed_host_key_is_reachability_and_a_follow_up(void **state)
{
	struct record v[9] = { 0 };
	char *md, *js;
	cJSON *doc, *inc, *x;
	int i, nfollow = 0;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"keys\"}");
	add_to(v, 1, 5, "conn.change", "h3", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"host key changed\",\"since\":\"2024-05-01T12:00:05.000Z\","
	    "\"untrusted\":true,\"first\":true}");
	add_to(v, 2, 5, "hostkey.changed", "h3", NULL, "{\"keytype\":\"ssh-ed25519\","
	    "\"fingerprint\":\"SHA256:new3\",\"old_keytype\":\"ssh-ed25519\","
	    "\"old_fingerprint\":\"SHA256:old3\",\"known_hosts\":\"/k/kh\","
	    "\"name\":\"[127.0.0.1]:2203\"}");
	add_to(v, 3, 20, "conn.change", "h5", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"transport read: Connection reset\","
	    "\"since\":\"2024-05-01T12:00:20.000Z\"}");
	add_to(v, 4, 30, "hostkey.changed", "h5", NULL, "{\"keytype\":\"ssh-ed25519\","
	    "\"fingerprint\":\"SHA256:new5\",\"old_keytype\":\"ssh-ed25519\","
	    "\"old_fingerprint\":\"SHA256:old5\",\"known_hosts\":\"/k/kh\","
	    "\"name\":\"[127.0.0.1]:2205\"}");
	add_to(v, 5, 38, "conn.change", "h6", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"unknown host key ssh-ed25519 SHA256:u6\","
	    "\"since\":\"2024-05-01T12:00:38.000Z\",\"untrusted\":true,\"first\":true}");
	add_to(v, 6, 90, "hostkey.trust", "h5", NULL, "{\"keytype\":\"ssh-ed25519\","
	    "\"fingerprint\":\"SHA256:new5\",\"known_hosts\":\"/k/kh\"}");
	add_to(v, 7, 95, "conn.change", "h5", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:01:35.000Z\",\"down_s\":75}");
	add_to(v, 8, 120, "note", NULL, NULL, "{\"text\":\"done\"}");
	md = render_n(EXPORT_MD, v, 9);
	assert_non_null(strstr(md, "| h3 | 2024-05-01 12:00:05 | **never trusted** from this "
	    "console | — | refused: host key CHANGED (known_hosts has SHA256:old3, it offered "
	    "SHA256:new3) |"));
	assert_non_null(strstr(md, "| h5 | 2024-05-01 12:00:30 | trusted with K at 2024-05-01 "
	    "12:01:30 by alice@ws | "));
	assert_non_null(strstr(md, "transport read: Connection reset; then refused from "
	    "2024-05-01 12:00:30: host key CHANGED (known_hosts has SHA256:old5, it offered "
	    "SHA256:new5) |"));
	assert_non_null(strstr(md, "| h6 | 2024-05-01 12:00:38 | **never trusted** from this "
	    "console | — | refused: unknown host key (unknown host key ssh-ed25519 SHA256:u6)"));
	assert_non_null(strstr(md, "- h3: its SSH host key changed at 2024-05-01 12:00:05 "
	    "(known_hosts has SHA256:old3, it offered SHA256:new3); never trusted from this "
	    "console: confirm the rotation was intended (a possible man in the middle)\n"));
	assert_non_null(strstr(md, "- h5: its SSH host key changed at 2024-05-01 12:00:30 "
	    "(known_hosts has SHA256:old5, it offered SHA256:new5); trusted with K at 2024-05-01 "
	    "12:01:30 by alice@ws: confirm the rotation was intended"));
	free(md);
	js = render_n(EXPORT_JSON, v, 9);
	doc = cJSON_Parse(js);
	inc = cJSON_GetObjectItem(doc, "incident");
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "reachability"), 0);
	assert_string_equal(jstr(x, "host"), "h3");
	assert_string_equal(jstr(x, "host_key"), "changed");
	assert_string_equal(jstr(x, "offered"), "SHA256:new3");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(x, "up")));
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(inc, "reachability")), 4);
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "reachability"), 1);
	assert_string_equal(jstr(x, "host"), "h5");
	assert_string_not_equal(jstr(x, "key_refused"), "(null)");
	for (i = 0; i < cJSON_GetArraySize(cJSON_GetObjectItem(inc, "followups")); i++) {
		x = cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "followups"), i);
		if (strcmp(jstr(x, "what"), "host_key_changed") == 0)
			nfollow++;
	}
	assert_int_equal(nfollow, 2);
	cJSON_Delete(doc);
	free(js);
	records_free(v, 9);
}

/* A host refused for a changed key that offered its known key again
 * came back UP by itself: "never trusted from this console" read as if
 * it were still refused. */
static void
a_changed_key_put_back_reads_offered_its_known_key_again(void **state)
{
	struct record v[5] = { 0 };
	char *md, *js;
	cJSON *doc, *inc, *x;
	int i;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"keys\"}");
	add_to(v, 1, 5, "conn.change", "h3", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"host key changed\",\"since\":\"2024-05-01T12:00:05.000Z\","
	    "\"untrusted\":true}");
	add_to(v, 2, 5, "hostkey.changed", "h3", NULL, "{\"keytype\":\"ssh-ed25519\","
	    "\"fingerprint\":\"SHA256:new3\",\"old_keytype\":\"ssh-ed25519\","
	    "\"old_fingerprint\":\"SHA256:old3\",\"known_hosts\":\"/k/kh\","
	    "\"name\":\"[127.0.0.1]:2203\"}");
	add_to(v, 3, 70, "conn.change", "h3", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:01:00.000Z\",\"down_s\":55}");
	add_to(v, 4, 120, "note", NULL, NULL, "{\"text\":\"done\"}");
	md = render_n(EXPORT_MD, v, 5);
	assert_null(strstr(md, "never trusted"));
	assert_non_null(strstr(md, "| h3 | 2024-05-01 12:00:05 | offered its known key again at "
	    "2024-05-01 12:01:00 | 55s | refused: host key CHANGED"));
	assert_non_null(strstr(md, "- h3: its SSH host key changed at 2024-05-01 12:00:05 "
	    "(known_hosts has SHA256:old3, it offered SHA256:new3); offered its known key again "
	    "at 2024-05-01 12:01:00: "));
	free(md);
	js = render_n(EXPORT_JSON, v, 5);
	doc = cJSON_Parse(js);
	inc = cJSON_GetObjectItem(doc, "incident");
	/* The DOWN's own row first (lost, then refused), then the key's. */
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "reachability"), 1);
	assert_string_equal(jstr(x, "host_key"), "changed");
	assert_false(cJSON_IsNull(cJSON_GetObjectItem(x, "up")));
	assert_non_null(cJSON_GetObjectItem(x, "known_again"));
	for (i = 0; i < cJSON_GetArraySize(cJSON_GetObjectItem(inc, "followups")); i++) {
		x = cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "followups"), i);
		if (strcmp(jstr(x, "what"), "host_key_changed") == 0)
			assert_non_null(cJSON_GetObjectItem(x, "known_again"));
	}
	cJSON_Delete(doc);
	free(js);
	records_free(v, 5);
}

/* A stretch of 57.6 s: TIMELINE (the UP's down_s), the Reachability table
 * and the JSON all say 58s, one rounding from one source. */
static void
reachability_duration_is_the_timelines(void **state)
{
	struct record v[3] = { 0 };
	char *md, *js;
	cJSON *doc, *reach;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"net\"}");
	add_to(v, 1, 10, "conn.change", "api-1", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"connection lost: transport read\","
	    "\"since\":\"2024-05-01T12:00:09.700Z\"}");
	add_to(v, 2, 80, "conn.change", "api-1", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:01:07.300Z\",\"down_s\":58}");
	md = render_n(EXPORT_MD, v, 3);
	assert_non_null(strstr(md, "| conn.change | api-1 | UP again after 58s DOWN |"));
	assert_non_null(strstr(md, "| api-1 | 2024-05-01 12:00:09 | 2024-05-01 12:01:07 | 58s | "));
	free(md);
	js = render_n(EXPORT_JSON, v, 3);
	doc = cJSON_Parse(js);
	reach = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "reachability");
	assert_int_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(reach, 0), "down_s")->valueint,
	    58);
	cJSON_Delete(doc);
	free(js);
	records_free(v, 3);
}

/* A console quit and opened again within the second: no duration to
 * speak of, only that it restarted. */
static void
a_restart_at_once_says_no_duration(void **state)
{
	struct record v[2] = { 0 };
	char *t;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"net\"}");
	add_to(v, 1, 60, "incident.resume", NULL, NULL, "{\"id\":\"net-1a2b3c\","
	    "\"unwatched_from\":\"2024-05-01T12:00:59.400Z\"}");
	t = export_details(&v[1], NULL);
	assert_string_equal(t, "console restarted at once");
	free(t);
	records_free(v, 2);
}

/* A host lost, then no console ran for a while, then the next console saw
 * it back: Reachability gives both bounds, the part seen DOWN the least
 * (never "at most" alone beside the JSON's min_s). */
static void
reachability_says_the_unwatched_part(void **state)
{
	struct record v[5] = { 0 };
	char *md, *js;
	cJSON *doc, *x;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"net\"}");
	add_to(v, 1, 9, "conn.change", "k8s-bastion", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"connect: Connection refused\"}");
	add_to(v, 2, 24, "shutdown", NULL, NULL, "{}");
	add_to(v, 3, 88, "incident.resume", NULL, NULL,
	    "{\"unwatched_from\":\"2024-05-01T12:00:24.000Z\"}");
	add_to(v, 4, 99, "conn.change", "k8s-bastion", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:01:29.000Z\",\"down_s\":80}");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "| k8s-bastion | 2024-05-01 12:00:09 | 2024-05-01 12:01:29 | "
	    "at least 16s, at most 1m 20s (nothing recorded for 1m 04s of it: it may have been back in "
	    "between) | connect: Connection refused |"));
	/* Its timeline row says the same bound, the UP record older than
	 * unwatched_s: counted from the resume. */
	assert_non_null(strstr(md, "| k8s-bastion | UP again after at least 16s, at most 1m 20s "
	    "DOWN (nothing recorded for 1m 04s of it: it may have been back in between) |"));
	free(md);
	/* A console that resumed inside the DOWN records it: TIMELINE says it. */
	record_free(&v[4]);
	add_to(v, 4, 99, "conn.change", "k8s-bastion", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:01:29.000Z\",\"down_s\":80,\"unwatched_s\":64}");
	md = export_details(&v[4], NULL);
	assert_string_equal(md, "UP again after at least 16s, at most 1m 20s DOWN (nothing "
	    "recorded for 1m 04s of it: it may have been back in between)");
	free(md);
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "| k8s-bastion | UP again after at least 16s, at most 1m 20s "
	    "DOWN (nothing recorded for 1m 04s of it: it may have been back in between) |"));
	free(md);
	js = render_n(EXPORT_JSON, v, 5);
	doc = cJSON_Parse(js);
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"),
	    "reachability"), 0);
	assert_int_equal(cJSON_GetObjectItem(x, "down_s")->valueint, 80);
	assert_int_equal(cJSON_GetObjectItem(x, "unwatched_s")->valueint, 64);
	/* The bounds the words give: seen DOWN for 16 s of it, 80 s at most. */
	assert_int_equal(cJSON_GetObjectItem(x, "min_s")->valueint, 16);
	assert_int_equal(cJSON_GetObjectItem(x, "max_s")->valueint, 80);
	cJSON_Delete(doc);
	free(js);
	records_free(v, 5);
}

/* A DOWN through two stretches no console ran (closed, reopened, closed
 * again): the UP's unwatched_s is their sum, not the last one alone, and
 * TIMELINE's row says the bound Reachability says, counted by the one
 * function. A resume made beside another console left nothing unwatched. */
static void
an_up_counts_every_unwatched_stretch_of_its_down(void **state)
{
	struct record v[9] = { 0 };
	char *md, *row, up[200];
	int64_t s;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"net\"}");
	add_to(v, 1, 9, "conn.change", "k8s-bastion", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"connect: Connection refused\"}");
	add_to(v, 2, 24, "shutdown", NULL, NULL, "{}");
	add_to(v, 3, 40, "incident.resume", NULL, NULL,
	    "{\"unwatched_from\":\"2024-05-01T12:00:24.000Z\"}");
	add_to(v, 4, 50, "shutdown", NULL, NULL, "{}");
	add_to(v, 5, 88, "incident.resume", NULL, NULL,
	    "{\"unwatched_from\":\"2024-05-01T12:00:50.000Z\"}");
	add_to(v, 6, 89, "incident.resume", NULL, NULL,
	    "{\"others_open\":true}");
	/* 16 s, then 38 s: 54 s, where the last resume alone said 38 s. */
	s = export_conn_unwatched_s(v, 7, v[1].ts_ms, T0 + 89000);
	assert_int_equal(s, 54);
	/* Stretches outside the DOWN count nothing. */
	assert_int_equal(export_conn_unwatched_s(v, 7, T0 + 95000, T0 + 99000), 0);
	assert_int_equal(export_conn_unwatched_s(v, 3, v[1].ts_ms, T0 + 20000), 0);
	snprintf(up, sizeof(up), "{\"state\":\"UP\",\"since\":\"2024-05-01T12:01:29.000Z\","
	    "\"down_s\":80,\"unwatched_s\":%lld}", (long long)s);
	add_to(v, 7, 99, "conn.change", "k8s-bastion", NULL, up);
	add_to(v, 8, 120, "note", NULL, NULL, "{\"text\":\"done\"}");
	row = export_details(&v[7], NULL);
	assert_string_equal(row, "UP again after at least 26s, at most 1m 20s DOWN (nothing "
	    "recorded for 54s of it: it may have been back in between)");
	free(row);
	md = render_n(EXPORT_MD, v, 9);
	assert_non_null(strstr(md, "| k8s-bastion | 2024-05-01 12:00:09 | 2024-05-01 12:01:29 | "
	    "at least 26s, at most 1m 20s (nothing recorded for 54s of it: it may have been back "
	    "in between) "
	    "| "));
	free(md);
	records_free(v, 9);
}

/* A host the console found DOWN on its first reading after a resume went
 * down somewhere in the stretch nobody watched: Reachability gives its
 * start as a range and its length as at least ("29s" with no caveat
 * for an outage of up to 1m 36s). */
static void
reachability_says_a_down_found_on_resume(void **state)
{
	struct record v[8] = { 0 };
	char *md, *js;
	cJSON *doc, *reach, *x;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"net\"}");
	add_to(v, 1, 10, "conn.change", "api-1", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"connect: Connection refused\"}");
	add_to(v, 2, 30, "conn.change", "api-1", NULL, "{\"state\":\"UP\",\"down_s\":20}");
	add_to(v, 3, 60, "shutdown", NULL, NULL, "{}");
	add_to(v, 4, 127, "incident.resume", NULL, NULL,
	    "{\"unwatched_from\":\"2024-05-01T12:01:00.000Z\"}");
	add_to(v, 5, 128, "conn.change", "api-1", NULL, "{\"state\":\"DOWN\","
	    "\"since\":\"2024-05-01T12:02:07.000Z\",\"reason\":\"connect: Connection refused\"}");
	add_to(v, 6, 157, "conn.change", "api-1", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:02:36.000Z\",\"down_s\":29}");
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, "| api-1 | between 2024-05-01 12:01:00 and 2024-05-01 12:02:07 "
	    "| 2024-05-01 12:02:36 | at least 29s, at most 1m 36s (already DOWN when a console "
	    "opened) | connect: Connection refused |"));
	/* The timeline's rows say it too, from records older consoles wrote
	 * without not_before or start_unseen_s. */
	assert_non_null(strstr(md, "| api-1 | DOWN: connect: Connection refused (already DOWN when "
	    "a console opened; it went down after 2024-05-01 12:01:00, the last record before) |"));
	assert_non_null(strstr(md, "| api-1 | UP again after at least 29s, at most 1m 36s DOWN "
	    "(already DOWN when a console opened) |"));
	/* The stretch a console watched from its start says no range. */
	assert_non_null(strstr(md, "| api-1 | 2024-05-01 12:00:10 | 2024-05-01 12:00:30 | 20s |"));
	free(md);
	js = render_n(EXPORT_JSON, v, 7);
	doc = cJSON_Parse(js);
	reach = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "reachability");
	x = cJSON_GetArrayItem(reach, 0);
	assert_null(cJSON_GetObjectItem(x, "down_not_before"));
	assert_null(cJSON_GetObjectItem(x, "at_least"));
	x = cJSON_GetArrayItem(reach, 1);
	assert_string_equal(cJSON_GetObjectItem(x, "down_not_before")->valuestring,
	    "2024-05-01T12:01:00.000Z");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(x, "at_least")));
	assert_int_equal(cJSON_GetObjectItem(x, "down_s")->valueint, 29);
	assert_int_equal(cJSON_GetObjectItem(x, "min_s")->valueint, 29);
	assert_int_equal(cJSON_GetObjectItem(x, "max_s")->valueint, 96);
	cJSON_Delete(doc);
	free(js);
	/* A DOWN well after the resume was seen going down: no range. */
	record_free(&v[5]);
	add_to(v, 5, 128, "conn.change", "api-1", NULL, "{\"state\":\"DOWN\","
	    "\"since\":\"2024-05-01T12:02:47.000Z\",\"reason\":\"connect: Connection refused\"}");
	record_free(&v[6]);
	add_to(v, 6, 157, "conn.change", "api-1", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:02:57.000Z\",\"down_s\":10}");
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, "| api-1 | 2024-05-01 12:02:47 | 2024-05-01 12:02:57 | 10s |"));
	assert_null(strstr(md, "already DOWN"));
	free(md);
	records_free(v, 7);
}

/* h5's sshd down 12:12:44 to 12:14:43; the console's last try
 * failed at 12:14:50 and the next, after its retry wait, got in at
 * 12:15:19. Reachability and Data gaps said "12:15:19 | 2m 35s", the
 * wait counted as DOWN. Its UP records the last failed try: Back is a
 * range, For a bound with why, TIMELINE says it too, and JSON has it.
 * A try within the slack, or none recorded (an older console), says
 * what it said before. */
static void
reachability_says_a_return_after_a_retry_wait(void **state)
{
	struct record v[7] = { 0 };
	char *md, *js, *row;
	cJSON *doc, *inc, *x;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 764, "conn.change", "h5", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"connection lost: transport read\","
	    "\"since\":\"2024-05-01T12:12:44.000Z\"}");
	add_to(v, 2, 770, "conn.change", "h6", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"connect: Connection refused\","
	    "\"since\":\"2024-05-01T12:12:50.000Z\"}");
	add_to(v, 3, 800, "conn.change", "h6", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:13:20.000Z\",\"down_s\":30,"
	    "\"last_failed_try\":\"2024-05-01T12:13:17.000Z\"}");
	add_to(v, 4, 929, "conn.change", "h5", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:15:19.000Z\",\"down_s\":155,"
	    "\"last_failed_try\":\"2024-05-01T12:14:50.000Z\"}");
	add_to(v, 5, 960, "note", NULL, NULL, "{\"text\":\"done\"}");
	row = export_details(&v[4], NULL);
	assert_string_equal(row, "UP again after at least 2m 06s, at most 2m 35s DOWN (last "
	    "failed try 29s before the reconnect: it may have been back any time in those 29s)");
	free(row);
	/* 3 s after the last failed try: the retry's own pace, nothing to say. */
	row = export_details(&v[3], NULL);
	assert_string_equal(row, "UP again after 30s DOWN");
	free(row);
	md = render_n(EXPORT_MD, v, 6);
	assert_non_null(strstr(md, "| h5 | 2024-05-01 12:12:44 | between 2024-05-01 12:14:50 and "
	    "2024-05-01 12:15:19 | at least 2m 06s, at most 2m 35s (last failed try 29s before "
	    "the reconnect: it may have been back any time in those 29s) | connection lost: "
	    "transport read |"));
	assert_non_null(strstr(md, "| h6 | 2024-05-01 12:12:50 | 2024-05-01 12:13:20 | 30s | "
	    "connect: Connection refused |"));
	/* Data gaps: the same cells, its why its own. */
	assert_non_null(strstr(md, "| h5 | 2024-05-01 12:12:44 | between 2024-05-01 12:14:50 and "
	    "2024-05-01 12:15:19 | at least 2m 06s, at most 2m 35s | DOWN (connection lost: "
	    "transport read): nothing read over its SSH connection |"));
	assert_non_null(strstr(md, "| h5 | UP again after at least 2m 06s, at most 2m 35s DOWN "
	    "(last failed try 29s before the reconnect: it may have been back any time in those "
	    "29s) |"));
	free(md);
	js = render_n(EXPORT_JSON, v, 6);
	doc = cJSON_Parse(js);
	inc = cJSON_GetObjectItem(doc, "incident");
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "reachability"), 0);
	assert_string_equal(jstr(x, "host"), "h5");
	assert_string_equal(jstr(x, "up"), "2024-05-01T12:15:19.000Z");
	assert_string_equal(jstr(x, "last_failed_try"), "2024-05-01T12:14:50.000Z");
	assert_int_equal(cJSON_GetObjectItem(x, "down_s")->valueint, 155);
	assert_int_equal(cJSON_GetObjectItem(x, "min_s")->valueint, 126);
	assert_int_equal(cJSON_GetObjectItem(x, "max_s")->valueint, 155);
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "reachability"), 1);
	assert_string_equal(jstr(x, "host"), "h6");
	assert_null(cJSON_GetObjectItem(x, "last_failed_try"));
	assert_int_equal(cJSON_GetObjectItem(x, "min_s")->valueint, 30);
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "data_gaps"), 0);
	assert_string_equal(jstr(x, "host"), "h5");
	assert_string_equal(jstr(x, "last_failed_try"), "2024-05-01T12:14:50.000Z");
	assert_int_equal(cJSON_GetObjectItem(x, "for_s")->valueint, 155);
	cJSON_Delete(doc);
	free(js);
	/* An UP an older console wrote, without the field: as before. */
	record_free(&v[4]);
	add_to(v, 4, 929, "conn.change", "h5", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:15:19.000Z\",\"down_s\":155}");
	md = render_n(EXPORT_MD, v, 6);
	assert_non_null(strstr(md, "| h5 | 2024-05-01 12:12:44 | 2024-05-01 12:15:19 | 2m 35s | "
	    "connection lost: transport read |"));
	assert_null(strstr(md, "last failed try"));
	free(md);
	records_free(v, 6);
}

/* the console killed (its last record 12:00:19), the host's sshd
 * stopped, a console opened at 12:00:52 and found it DOWN, was killed,
 * 31 s with none, the next saw it UP at 12:01:38. It may have gone down
 * just after 12:00:19 and may have been back in the 31 s: at least the
 * 14 s seen, at most 1m 19s. TIMELINE said "at most 45s", the export a
 * doubled "at most"; both now say one range, from one function. */
static void
a_down_found_on_opening_with_a_gap_inside_is_a_range(void **state)
{
	struct record v[7] = { 0 };
	struct connrec_span sp;
	char *md, *row, *js, up[256];
	cJSON *doc, *x;
	int64_t nb = 0;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"net\"}");
	add_to(v, 1, 19, "note", NULL, NULL, "{\"text\":\"watching\"}");
	add_to(v, 2, 52, "incident.resume", NULL, NULL, "{\"unwatched_from\":"
	    "\"2024-05-01T12:00:19.000Z\",\"ended_without_shutdown\":1,"
	    "\"last_record_ts\":\"2024-05-01T12:00:19.000Z\"}");
	/* What journal_conn asks before it writes the DOWN. */
	assert_true(export_conn_found_down(v, 3, "helm-bastion", T0 + 53000, &nb));
	assert_int_equal(nb, T0 + 19000);
	add_to(v, 3, 53, "conn.change", "helm-bastion", NULL, "{\"state\":\"DOWN\","
	    "\"since\":\"2024-05-01T12:00:53.000Z\",\"reason\":\"connect: Connection refused\","
	    "\"not_before\":\"2024-05-01T12:00:19.000Z\"}");
	add_to(v, 4, 84, "incident.resume", NULL, NULL, "{\"unwatched_from\":"
	    "\"2024-05-01T12:00:53.000Z\",\"ended_without_shutdown\":1,"
	    "\"last_record_ts\":\"2024-05-01T12:00:53.000Z\"}");
	/* ... and before it writes the UP. */
	export_conn_span(v, 5, "helm-bastion", T0 + 53000, T0 + 98000, &sp);
	assert_int_equal(sp.down_s, 45);
	assert_int_equal(sp.unwatched_s, 31);
	assert_int_equal(sp.start_unseen_s, 34);
	snprintf(up, sizeof(up), "{\"state\":\"UP\",\"since\":\"2024-05-01T12:01:38.000Z\","
	    "\"down_s\":45,\"unwatched_s\":31,\"start_unseen_s\":34}");
	add_to(v, 5, 108, "conn.change", "helm-bastion", NULL, up);
	add_to(v, 6, 120, "note", NULL, NULL, "{\"text\":\"done\"}");
	row = export_details(&v[5], NULL);
	assert_string_equal(row, "UP again after at least 14s, at most 1m 19s DOWN (already DOWN "
	    "when a console opened; nothing recorded for 31s of it: it may have been back in "
	    "between)");
	free(row);
	row = export_details(&v[3], NULL);
	assert_string_equal(row, "DOWN: connect: Connection refused (already DOWN when a console "
	    "opened; it went down after 12:00:19 UTC, the last record before)");
	free(row);
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, "| helm-bastion | between 2024-05-01 12:00:19 and 2024-05-01 "
	    "12:00:53 | 2024-05-01 12:01:38 | at least 14s, at most 1m 19s (already DOWN when a "
	    "console opened; nothing recorded for 31s of it: it may have been back in between) "
	    "| connect: Connection refused |"));
	assert_non_null(strstr(md, "| helm-bastion | UP again after at least 14s, at most 1m 19s "
	    "DOWN (already DOWN when a console opened; nothing recorded for 31s of it: it may "
	    "have been back in between) |"));
	assert_null(strstr(md, "at most: "));
	free(md);
	js = render_n(EXPORT_JSON, v, 7);
	doc = cJSON_Parse(js);
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"),
	    "reachability"), 0);
	assert_int_equal(cJSON_GetObjectItem(x, "min_s")->valueint, 14);
	assert_int_equal(cJSON_GetObjectItem(x, "max_s")->valueint, 79);
	cJSON_Delete(doc);
	free(js);
	/* An UP an older console wrote with down_s alone reads the same. */
	record_free(&v[5]);
	add_to(v, 5, 108, "conn.change", "helm-bastion", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:01:38.000Z\",\"down_s\":45}");
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, "| helm-bastion | UP again after at least 14s, at most 1m 19s "
	    "DOWN (already DOWN when a console opened; nothing recorded for 31s of it: it may "
	    "have been back in between) |"));
	free(md);
	records_free(v, 7);
}

/* conn.change records: the timeline says each in words, and Reachability
 * gives each stretch a host was unreachable, from its DOWN to the UP
 * that ended it (a second DOWN in between starts nothing new). */
static void
reachability_says_when_each_host_was_unreachable(void **state)
{
	struct record v[7] = { 0 };
	char *md, *js;
	cJSON *doc, *reach, *x;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"net\"}");
	add_to(v, 1, 37, "conn.change", "helm-bastion", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"connect: Connection refused\",\"since\":\"2024-05-01T12:00:37.000Z\"}");
	add_to(v, 2, 40, "conn.change", "k8s-bastion", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"timed out\",\"first\":true}");
	add_to(v, 3, 45, "conn.change", "helm-bastion", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"another console saw it too\"}");
	add_to(v, 4, 97, "conn.change", "helm-bastion", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:01:27.000Z\",\"down_s\":50,\"drops\":2}");
	add_to(v, 5, 100, "conn.change", "helm-bastion", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"Connection reset by peer\"}");
	add_to(v, 6, 130, "note", NULL, NULL, "{\"text\":\"done\"}");
	md = render_n(EXPORT_MD, v, 7);
	assert_non_null(strstr(md, "| conn.change | helm-bastion | DOWN: connect: Connection "
	    "refused |"));
	assert_non_null(strstr(md, "| conn.change | k8s-bastion | DOWN: timed out (not reached "
	    "before) |"));
	assert_non_null(strstr(md, "| conn.change | helm-bastion | UP again after 50s DOWN "
	    "(dropped 2 more times before it held) |"));
	assert_non_null(strstr(md, "## Reachability\n\n| Host | Unreachable from | Back | For | "
	    "Why |\n|---|---|---|---|---|\n"
	    "| helm-bastion | 2024-05-01 12:00:37 | 2024-05-01 12:01:27 | 50s | connect: "
	    "Connection refused; back and lost again 2 times before it held |\n"
	    "| k8s-bastion | 2024-05-01 12:00:40 | **not back** by the last record "
	    "(2024-05-01 12:02:10) | — | timed out |\n"
	    "| helm-bastion | 2024-05-01 12:01:40 | **not back** by the last record "
	    "(2024-05-01 12:02:10) | — | Connection reset by peer |\n\n## Data gaps"));
	/* A host DOWN read nothing meanwhile: Data gaps has each stretch. */
	assert_non_null(strstr(md, "## Data gaps\n\n| Host | No data from | Back | For | Why |\n"
	    "|---|---|---|---|---|\n"
	    "| helm-bastion | 2024-05-01 12:00:37 | 2024-05-01 12:01:27 | 50s | DOWN (connect: "
	    "Connection refused): nothing read over its SSH connection |\n"
	    "| k8s-bastion | 2024-05-01 12:00:40 | **not back** by the last record "
	    "(2024-05-01 12:02:10) | — | not reached (timed out): nothing read over its SSH "
	    "connection |\n"
	    "| helm-bastion | 2024-05-01 12:01:40 | **not back** by the last record "
	    "(2024-05-01 12:02:10) | — | DOWN (Connection reset by peer): nothing read over its "
	    "SSH connection |\n\n## Actions"));
	free(md);
	js = render_n(EXPORT_JSON, v, 7);
	doc = cJSON_Parse(js);
	reach = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "reachability");
	assert_int_equal(cJSON_GetArraySize(reach), 3);
	x = cJSON_GetArrayItem(reach, 0);
	assert_string_equal(jstr(x, "host"), "helm-bastion");
	assert_string_equal(jstr(x, "down"), "2024-05-01T12:00:37.000Z");
	assert_string_equal(jstr(x, "up"), "2024-05-01T12:01:27.000Z");
	assert_int_equal(cJSON_GetObjectItem(x, "down_s")->valueint, 50);
	assert_int_equal(cJSON_GetObjectItem(x, "drops")->valueint, 2);
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetArrayItem(reach, 1), "up")));
	cJSON_Delete(doc);
	free(js);
	/* Without conn.change records there is no such section. */
	md = render_n(EXPORT_MD, v, 1);
	assert_null(strstr(md, "Reachability"));
	free(md);
	records_free(v, 7);
}

/* poll.change records: TIMELINE and the timeline table say the data
 * stopped (what failed, the host still connected) and came back (after
 * how long, how many polls failed); Data gaps gives each stretch. */
static void
data_gaps_say_when_a_connected_hosts_data_stopped(void **state)
{
	struct record v[6] = { 0 };
	char *md, *js, *t;
	cJSON *doc, *gaps, *x;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"net\"}");
	add_to(v, 1, 25, "poll.change", "api-1", NULL, "{\"state\":\"lost\","
	    "\"what\":\"compose ps\",\"error\":\"exit 1: Cannot connect to the Docker daemon\","
	    "\"since\":\"2024-05-01T12:00:10.000Z\",\"failures\":3}");
	add_to(v, 2, 40, "poll.change", "k8s-1", NULL, "{\"state\":\"lost\","
	    "\"what\":\"api /healthz\",\"error\":\"no answer: Timeout was reached\","
	    "\"since\":\"2024-05-01T12:00:28.000Z\",\"failures\":2}");
	add_to(v, 3, 80, "poll.change", "api-1", NULL, "{\"state\":\"back\","
	    "\"since\":\"2024-05-01T12:01:20.000Z\",\"missing_s\":70,\"failures\":9}");
	add_to(v, 4, 130, "note", NULL, NULL, "{\"text\":\"done\"}");
	add_to(v, 5, 140, "poll.change", "api-2", NULL, "{\"state\":\"lost\","
	    "\"what\":\"compose ps\",\"error\":\"compose ps: line 1: not JSON\"}");
	/* The parser's error names the read already: said once. */
	t = export_details(&v[5], NULL);
	assert_string_equal(t, "no data: compose ps: line 1: not JSON (host still connected)");
	free(t);
	t = export_details(&v[1], NULL);
	assert_string_equal(t, "no data: compose ps: exit 1: Cannot connect to the Docker daemon "
	    "(host still connected; 3 polls failed)");
	free(t);
	t = export_details(&v[3], NULL);
	assert_string_equal(t, "data back after 1m 10s without (9 polls failed)");
	free(t);
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "| poll.change | k8s-1 | no data: api /healthz: no answer: "
	    "Timeout was reached (host still connected; 2 polls failed) |"));
	assert_non_null(strstr(md, "## Data gaps\n\n| Host | No data from | Back | For | Why |\n"
	    "|---|---|---|---|---|\n"
	    "| api-1 | 2024-05-01 12:00:10 | 2024-05-01 12:01:20 | 1m 10s | compose ps: exit 1: "
	    "Cannot connect to the Docker daemon; 9 polls failed |\n"
	    "| k8s-1 | 2024-05-01 12:00:28 | **not back** by the last record "
	    "(2024-05-01 12:02:10) | — | api /healthz: no answer: Timeout was reached; "
	    "2 polls failed |\n\n## Actions"));
	free(md);
	js = render_n(EXPORT_JSON, v, 5);
	doc = cJSON_Parse(js);
	gaps = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "data_gaps");
	assert_int_equal(cJSON_GetArraySize(gaps), 2);
	x = cJSON_GetArrayItem(gaps, 0);
	assert_string_equal(jstr(x, "kind"), "poll");
	assert_string_equal(jstr(x, "host"), "api-1");
	assert_string_equal(jstr(x, "from"), "2024-05-01T12:00:10.000Z");
	assert_string_equal(jstr(x, "to"), "2024-05-01T12:01:20.000Z");
	assert_int_equal(cJSON_GetObjectItem(x, "for_s")->valueint, 70);
	x = cJSON_GetArrayItem(gaps, 1);
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(x, "to")));
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(x, "for_s")));
	cJSON_Delete(doc);
	free(js);
	/* Without poll.change records or resumes there is no such section. */
	md = render_n(EXPORT_MD, v, 1);
	assert_null(strstr(md, "Data gaps"));
	free(md);
	records_free(v, 6);
}

/* h5, h11, h23 (k8s) and h10, h20 were DOWN; Reachability had
 * all five, Data gaps only h10 and h20, from a poll.change their consoles
 * wrote at the reconnect of a probe the lost session left failed ("host
 * still connected"). Every host DOWN has its row, and such a record,
 * from before the host came back, is not a gap of its own. */
static void
data_gaps_list_every_host_down(void **state)
{
	struct record v[9] = { 0 };
	char *md, *js;
	cJSON *doc, *gaps, *x;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 20, "conn.change", "h11", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"connection lost: transport read\","
	    "\"since\":\"2024-05-01T12:00:20.000Z\"}");
	add_to(v, 2, 21, "conn.change", "h10", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"connection lost: transport read\","
	    "\"since\":\"2024-05-01T12:00:21.000Z\"}");
	add_to(v, 3, 85, "conn.change", "h11", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:01:15.000Z\",\"down_s\":55}");
	add_to(v, 4, 186, "poll.change", "h10", NULL, "{\"state\":\"lost\","
	    "\"what\":\"api /healthz\",\"error\":\"no answer: no SSH connection to the host "
	    "now (the tunnel goes through it)\",\"since\":\"2024-05-01T12:00:20.500Z\","
	    "\"failures\":1}");
	add_to(v, 5, 186, "poll.change", "h10", NULL, "{\"state\":\"back\","
	    "\"since\":\"2024-05-01T12:03:06.000Z\",\"missing_s\":166,\"failures\":1}");
	add_to(v, 6, 195, "conn.change", "h10", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:03:05.000Z\",\"down_s\":164}");
	/* A connected host's failing reads are still a gap of their own. */
	add_to(v, 7, 200, "poll.change", "h7", NULL, "{\"state\":\"lost\","
	    "\"what\":\"compose ps\",\"error\":\"exit 1: boom\","
	    "\"since\":\"2024-05-01T12:03:05.000Z\",\"failures\":3}");
	add_to(v, 8, 230, "note", NULL, NULL, "{\"text\":\"done\"}");
	md = render_n(EXPORT_MD, v, 9);
	assert_non_null(strstr(md, "## Data gaps\n\n| Host | No data from | Back | For | Why |\n"
	    "|---|---|---|---|---|\n"
	    "| h11 | 2024-05-01 12:00:20 | 2024-05-01 12:01:15 | 55s | DOWN (connection lost: "
	    "transport read): nothing read over its SSH connection |\n"
	    "| h10 | 2024-05-01 12:00:21 | 2024-05-01 12:03:05 | 2m 44s | DOWN (connection lost: "
	    "transport read): nothing read over its SSH connection |\n"
	    "| h7 | 2024-05-01 12:03:05 | **not back** by the last record (2024-05-01 12:03:50) | "
	    "— | compose ps: exit 1: boom; 3 polls failed |\n\n## "));
	assert_null(strstr(md, "| h10 | 2024-05-01 12:00:20 |"));
	free(md);
	js = render_n(EXPORT_JSON, v, 9);
	doc = cJSON_Parse(js);
	gaps = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "data_gaps");
	assert_int_equal(cJSON_GetArraySize(gaps), 3);
	x = cJSON_GetArrayItem(gaps, 0);
	assert_string_equal(jstr(x, "kind"), "down");
	assert_string_equal(jstr(x, "host"), "h11");
	assert_string_equal(jstr(x, "from"), "2024-05-01T12:00:20.000Z");
	assert_string_equal(jstr(x, "to"), "2024-05-01T12:01:15.000Z");
	assert_int_equal(cJSON_GetObjectItem(x, "for_s")->valueint, 55);
	assert_string_equal(jstr(x, "why"), "DOWN (connection lost: transport read): nothing "
	    "read over its SSH connection");
	x = cJSON_GetArrayItem(gaps, 1);
	assert_string_equal(jstr(x, "host"), "h10");
	assert_int_equal(cJSON_GetObjectItem(x, "for_s")->valueint, 164);
	x = cJSON_GetArrayItem(gaps, 2);
	assert_string_equal(jstr(x, "kind"), "poll");
	assert_string_equal(jstr(x, "host"), "h7");
	cJSON_Delete(doc);
	free(js);
	records_free(v, 9);
}

/* sshd restarted with TCP forwarding off: a second DOWN, then an UP
 * (written once the return held), and from the new session's first probe
 * on, sent a moment before the console noticed the return, no health or
 * metrics to the end. The reads failed after the host was back, not in
 * its DOWN: a gap of its own, not back. */
static void
data_gaps_keep_reads_that_failed_past_the_return(void **state)
{
	struct record v[6] = { 0 };
	char *md, *js;
	cJSON *doc, *gaps, *x;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"net\"}");
	add_to(v, 1, 35, "conn.change", "h6", NULL, "{\"state\":\"DOWN\","
	    "\"reason\":\"connection lost: transport read\","
	    "\"since\":\"2024-05-01T12:00:35.000Z\"}");
	add_to(v, 2, 46, "conn.change", "h6", NULL, "{\"state\":\"UP\","
	    "\"since\":\"2024-05-01T12:00:36.250Z\",\"down_s\":1}");
	add_to(v, 3, 51, "poll.change", "h6", NULL, "{\"state\":\"lost\","
	    "\"what\":\"api /healthz\",\"error\":\"no answer: forwarding is prohibited on "
	    "this host's sshd (AllowTcpForwarding no, or PermitOpen): set tunnel = false or "
	    "allow it\",\"since\":\"2024-05-01T12:00:36.200Z\",\"failures\":3}");
	add_to(v, 4, 200, "note", NULL, NULL, "{\"text\":\"still dark\"}");
	add_to(v, 5, 230, "incident.close", NULL, NULL, "{}");
	md = render_n(EXPORT_MD, v, 6);
	assert_non_null(strstr(md, "## Data gaps\n\n| Host | No data from | Back | For | Why |\n"
	    "|---|---|---|---|---|\n"
	    "| h6 | 2024-05-01 12:00:35 | 2024-05-01 12:00:36 | 1s | DOWN (connection lost: "
	    "transport read): nothing read over its SSH connection |\n"
	    "| h6 | 2024-05-01 12:00:36 | **not back** by the last record (2024-05-01 "
	    "12:03:50) | — | api /healthz: no answer: forwarding is prohibited on this host's "
	    "sshd (AllowTcpForwarding no, or PermitOpen): set tunnel = false or allow it; "
	    "3 polls failed |\n"));
	free(md);
	js = render_n(EXPORT_JSON, v, 6);
	doc = cJSON_Parse(js);
	gaps = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "data_gaps");
	assert_int_equal(cJSON_GetArraySize(gaps), 2);
	x = cJSON_GetArrayItem(gaps, 1);
	assert_string_equal(jstr(x, "kind"), "poll");
	assert_string_equal(jstr(x, "host"), "h6");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(x, "to")));
	cJSON_Delete(doc);
	free(js);
	records_free(v, 6);
}

/* A resume says the stretch nothing recorded before it: closed (from,
 * to), stopped without a shutdown (since its last record), or a short
 * restart; in words true with read-only watchers on screen all along (they
 * record nothing): no writing console, never "not watched". Data gaps
 * lists each, a resume beside a running console none. */
static void
a_resume_says_how_long_no_writing_console_ran(void **state)
{
	struct record v[8] = { 0 };
	char *md, *js, *t;
	cJSON *doc, *gaps, *x;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"net\"}");
	add_to(v, 1, 60, "shutdown", NULL, NULL, "{\"reason\":\"quit\"}");
	add_to(v, 2, 60 + 38 * 60 + 12, "incident.resume", NULL, NULL, "{\"id\":\"net-1a2b3c\","
	    "\"unwatched_from\":\"2024-05-01T12:01:00.000Z\"}");
	add_to(v, 3, 2400, "note", NULL, NULL, "{\"text\":\"still bad\"}");
	add_to(v, 4, 2700, "incident.resume", NULL, NULL, "{\"id\":\"net-1a2b3c\","
	    "\"ended_without_shutdown\":1,\"last_record_ts\":\"2024-05-01T12:40:00.000Z\","
	    "\"was_armed\":true,\"unwatched_from\":\"2024-05-01T12:40:00.000Z\"}");
	add_to(v, 5, 2712, "incident.resume", NULL, NULL, "{\"id\":\"net-1a2b3c\","
	    "\"unwatched_from\":\"2024-05-01T12:45:00.000Z\"}");
	add_to(v, 6, 2800, "incident.resume", NULL, NULL, "{\"id\":\"net-1a2b3c\","
	    "\"others_open\":true}");
	add_to(v, 7, 2900, "note", NULL, NULL, "{\"text\":\"done\"}");
	t = export_details(&v[2], NULL);
	assert_string_equal(t, "not recorded: no writing console for 38m 12s (closed from "
	    "12:01:00 UTC to 12:39:12 UTC)");
	free(t);
	t = export_details(&v[4], NULL);
	assert_string_equal(t, "nothing recorded for 5m 00s since the last record (12:40:00 UTC) — "
	    "the console before ended without shutting down while armed");
	free(t);
	t = export_details(&v[5], NULL);
	assert_string_equal(t, "not recorded: no writing console for 12s (console restarted)");
	free(t);
	t = export_details(&v[6], NULL);
	assert_null(strstr(t, "not recorded"));
	assert_null(strstr(t, "not watched"));
	free(t);
	md = render_n(EXPORT_MD, v, 8);
	assert_non_null(strstr(md, "| incident.resume |  | not recorded: no writing console for "
	    "38m 12s (closed from 2024-05-01 12:01:00 to 2024-05-01 12:39:12) |"));
	assert_null(strstr(md, "not watched"));
	assert_non_null(strstr(md, "## Data gaps\n\n| Host | No data from | Back | For | Why |\n"
	    "|---|---|---|---|---|\n"
	    "| all hosts (no writing console running) | 2024-05-01 12:01:00 | 2024-05-01 12:39:12 | "
	    "38m 12s | not recorded: the writing console was closed |\n"
	    "| all hosts (nothing recorded since the last record) | 2024-05-01 12:40:00 | "
	    "2024-05-01 12:45:00 | 5m 00s | nothing recorded: the writing console stopped "
	    "without shutting down, some time after its last record |\n"
	    "| all hosts (no writing console running) | 2024-05-01 12:45:00 | 2024-05-01 12:45:12 | "
	    "12s | not recorded: the writing console was closed |\n\n## Actions"));
	free(md);
	js = render_n(EXPORT_JSON, v, 8);
	doc = cJSON_Parse(js);
	gaps = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "data_gaps");
	assert_int_equal(cJSON_GetArraySize(gaps), 3);
	x = cJSON_GetArrayItem(gaps, 0);
	assert_string_equal(jstr(x, "kind"), "unwatched");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(x, "host")));
	assert_string_equal(jstr(x, "from"), "2024-05-01T12:01:00.000Z");
	assert_int_equal(cJSON_GetObjectItem(x, "for_s")->valueint, 38 * 60 + 12);
	assert_false(cJSON_IsTrue(cJSON_GetObjectItem(x, "since_last_record")));
	assert_string_equal(jstr(x, "why"), "not recorded: the writing console was closed");
	/* The killed console's: only the silence since its last record. */
	x = cJSON_GetArrayItem(gaps, 1);
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(x, "since_last_record")));
	assert_string_equal(jstr(x, "why"), "nothing recorded: the writing console stopped "
	    "without shutting down, some time after its last record");
	cJSON_Delete(doc);
	free(js);
	records_free(v, 8);
}

/* Each action's section gives the commands its intent recorded, in the
 * order they run, and its whole outcome, which the table's cell cuts. */
static void
actions_give_their_commands_and_whole_outcome(void **state)
{
	struct record v[4] = { 0 };
	char long_detail[400], data[600], *md, *js, want[500];
	cJSON *doc, *cmds;

	(void)state;
	memset(long_detail, 0, sizeof(long_detail));
	snprintf(long_detail, sizeof(long_detail), "api runs rev 5 (v1.4.1) and /readyz answers "
	    "200; /readyz reports migrations_current false: the database schema is ahead of the "
	    "code: run the downgrade (M) before the old code writes to it, or roll the schema "
	    "forward; the releases.log line was written");
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"helm\"}");
	add_to(v, 1, 10, "action.intent", "helm-1", "op-h", "{\"action\":\"helm.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\","
	    "\"from_revision\":4,\"to_revision\":3,\"steps\":[{\"name\":\"helm rollback\","
	    "\"cmd\":\"helm rollback api 3 -n prod\"}],\"verify\":\"helm history api -n prod -o "
	    "json\"}}");
	add_to(v, 2, 20, "action.output", "helm-1", "op-h", "{\"step\":\"helm rollback\","
	    "\"exit\":0,\"lines_total\":1,\"lines\":[\"Rollback was a success! Happy Helming!\"]}");
	snprintf(data, sizeof(data), "{\"outcome\":\"ok\",\"detail\":\"%s\"}", long_detail);
	add_to(v, 3, 30, "action.end", "helm-1", "op-h", data);
	md = render_n(EXPORT_MD, v, 4);
	assert_non_null(strstr(md, "### op-h: rollback (helm rollback) on helm-1\n\n- Outcome: ok — "));
	assert_non_null(strstr(md, "Commands, as its action.intent recorded them before anything "
	    "was sent:\n\n```\n# helm rollback\nhelm rollback api 3 -n prod\n# read back\n"
	    "helm history api -n prod -o json\n```\n"));
	assert_non_null(strstr(md, "\nOutput of helm rollback: exit 0, 1 line; last: Rollback was "
	    "a success\\! Happy Helming\\!\n\n```\nRollback was a success! Happy Helming!\n```\n"));
	/* The whole outcome, escaped, in the section; the table's cell is cut. */
	snprintf(want, sizeof(want), "- Outcome: ok — api runs rev 5 (v1.4.1) and /readyz answers "
	    "200; /readyz reports migrations\\_current false: the database schema is ahead of the "
	    "code: run the downgrade (M) before the old code writes to it, or roll the schema "
	    "forward; the releases.log line was written\n");
	assert_non_null(strstr(md, want));
	assert_non_null(strstr(md, "or roll the… |\n"));
	free(md);
	js = render_n(EXPORT_JSON, v, 4);
	doc = cJSON_Parse(js);
	cmds = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(doc,
	    "incident"), "actions"), 0), "commands");
	assert_int_equal(cJSON_GetArraySize(cmds), 2);
	assert_string_equal(jstr(cJSON_GetArrayItem(cmds, 0), "cmd"),
	    "helm rollback api 3 -n prod");
	assert_string_equal(jstr(cJSON_GetArrayItem(cmds, 1), "step"), "read back");
	cJSON_Delete(doc);
	free(js);
	records_free(v, 4);
}

/* Outcomes known only because a re-read (or the engineer) settled an
 * UNKNOWN one are counted apart, and each section says what it was
 * before; an incident resolved and reopened has no Resolved time. */
static void
summary_counts_outcomes_settled_after_unknown(void **state)
{
	struct record v[13] = { 0 };
	char *md, *js;
	cJSON *doc, *acts;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"re-reads\"}");
	add_to(v, 1, 10, "action.intent", "api-1", "op-a", "{\"action\":\"compose.rollback\"}");
	add_to(v, 2, 20, "action.end", "api-1", "op-a", "{\"outcome\":\"ok\"}");
	add_to(v, 3, 30, "action.intent", "k8s-1", "op-b", "{\"action\":\"k8s.undo\"}");
	add_to(v, 4, 40, "action.end", "k8s-1", "op-b", "{\"outcome\":\"unknown\","
	    "\"detail\":\"connection lost during rollout status\"}");
	add_to(v, 5, 50, "action.intent", "helm-1", "op-c", "{\"action\":\"helm.rollback\"}");
	add_to(v, 6, 60, "incident.resolve", NULL, NULL, "{}");
	add_to(v, 7, 70, "incident.resume", NULL, NULL, "{\"unknown_ops\":[\"op-b\",\"op-c\"]}");
	add_to(v, 8, 80, "action.reconcile", "k8s-1", "op-b", "{\"outcome\":\"ok\","
	    "\"detail\":\"api runs rev 3\"}");
	add_to(v, 9, 90, "action.reconcile", "helm-1", "op-c", "{\"outcome\":\"ok\","
	    "\"detail\":\"api runs rev 3\"}");
	add_to(v, 10, 100, "action.intent", "api-1", "op-d", "{\"action\":\"runbook.command\"}");
	add_to(v, 11, 110, "action.end", "api-1", "op-d", "{\"outcome\":\"ok\"}");
	add_to(v, 12, 120, "note", NULL, NULL, "{\"text\":\"done\"}");
	md = render_n(EXPORT_MD, v, 13);
	assert_non_null(strstr(md, "- 4 actions: 4 ok (2 only after a re-read of an UNKNOWN "
	    "outcome), 0 failed, 0 unknown.\n"));
	assert_non_null(strstr(md, "### op-b: rollback (kubectl rollout undo) on k8s-1\n\n- Outcome: ok, after a re-read "
	    "of an UNKNOWN outcome — api runs rev 3\n- Before that: UNKNOWN — connection lost "
	    "during rollout status\n"));
	assert_non_null(strstr(md, "### op-c: rollback (helm rollback) on helm-1\n\n- Outcome: ok, after a "
	    "re-read of an UNKNOWN outcome — api runs rev 3\n- Before that: no action.end recorded "
	    "(the console running it was gone)\n"));
	/* Resolved, then resumed: open again, no Resolved time. */
	assert_null(strstr(md, "| Resolved |"));
	free(md);
	js = render_n(EXPORT_JSON, v, 13);
	doc = cJSON_Parse(js);
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(json_times(doc), "resolved")));
	acts = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "actions");
	assert_null(cJSON_GetObjectItem(cJSON_GetArrayItem(acts, 0), "settled_by"));
	assert_string_equal(jstr(cJSON_GetArrayItem(acts, 1), "settled_by"), "re-read");
	cJSON_Delete(doc);
	free(js);
	/* Settled by hand as failed, and one still UNKNOWN. */
	record_free(&v[9]);
	add_to(v, 9, 90, "action.reconcile", "helm-1", "op-c", "{\"by\":\"hand\","
	    "\"outcome\":\"failed\",\"detail\":\"still rev 4\"}");
	record_free(&v[11]);
	add_to(v, 11, 110, "action.end", "api-1", "op-d", "{\"outcome\":\"unknown\"}");
	md = render_n(EXPORT_MD, v, 13);
	assert_non_null(strstr(md, "- 4 actions: 2 ok (1 only after a re-read of an UNKNOWN "
	    "outcome), 1 failed (1 only settled by hand after an UNKNOWN outcome), "
	    "**1 UNKNOWN**.\n"));
	assert_non_null(strstr(md, "- Outcome: failed, settled by hand by alice@ws after an "
	    "UNKNOWN outcome — still rev 4\n"));
	free(md);
	records_free(v, 13);
}

/* A re-read that found nothing conclusive is kept with its action, and
 * settles nothing; the engineer's "failed" (U) is said as failed in their
 * words, never as "it did not take effect", even from an older journal
 * whose record's summary says so. */
static void
inconclusive_reread_and_failed_by_hand_are_said_as_recorded(void **state)
{
	struct record v[5] = { 0 };
	const char *found = "re-read after restart: api runs v1.4.0, revision 9, rollout "
	    "progressing, still after 120 s: whether it took effect is not known";
	char data[400], *md, *js;
	cJSON *doc, *act;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 10, "action.intent", "k8s-1", "op-u", "{\"action\":\"k8s.undo\"}");
	add_to(v, 2, 20, "incident.resume", NULL, NULL, "{\"unknown_ops\":[\"op-u\"]}");
	snprintf(data, sizeof(data), "{\"action\":\"k8s.undo\",\"outcome\":\"unknown\","
	    "\"detail\":\"%s\"}", found);
	add_to(v, 3, 150, "action.reconcile", "k8s-1", "op-u", data);
	md = render_n(EXPORT_MD, v, 4);
	assert_non_null(strstr(md, "0 failed, **1 UNKNOWN**.\n"));
	assert_non_null(strstr(md, "| Rollback end | **unknown**: the rollback on k8s-1 at "
	    "2024-05-01 12:00:10 (op-u) has no end "
	    "recorded | — |\n"));
	assert_non_null(strstr(md, "- Outcome: **UNKNOWN** — no action.end recorded: check the "
	    "real state before anything else\n- What a re-read found (it settled nothing): "
	    "re-read after restart: api runs v1.4.0, revision 9, rollout progressing, still "
	    "after 120 s: whether it took effect is not known\n"));
	assert_non_null(strstr(md, "| **UNKNOWN** | re-read after restart: api runs v1.4.0"));
	free(md);
	js = render_n(EXPORT_JSON, v, 4);
	doc = cJSON_Parse(js);
	act = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"),
	    "actions"), 0);
	assert_string_equal(jstr(act, "outcome"), "unknown");
	assert_false(cJSON_IsTrue(cJSON_GetObjectItem(act, "reconciled")));
	assert_string_equal(jstr(act, "reread"), found);
	cJSON_Delete(doc);
	free(js);

	add_to(v, 4, 200, "action.reconcile", "k8s-1", "op-u", "{\"action\":\"k8s.undo\","
	    "\"by\":\"hand\",\"outcome\":\"failed\",\"detail\":\"rollout stuck 2/3 on rev 9\","
	    "\"summary\":\"settled by hand: it did not take effect\"}");
	md = render_n(EXPORT_MD, v, 5);
	assert_null(strstr(md, "did not take effect"));
	assert_non_null(strstr(md, "| rollback (kubectl rollout undo) — settled by hand "
	    "by alice@ws: FAILED — rollout stuck 2/3 on rev 9 |"));
	assert_null(strstr(md, "| k8s.undo —"));
	assert_non_null(strstr(md, "- Outcome: failed, settled by hand by alice@ws after an "
	    "UNKNOWN outcome — rollout stuck 2/3 on rev 9\n- Before that: no action.end recorded (the console "
	    "running it was gone)\n- What a re-read found (it settled nothing): re-read after "
	    "restart"));
	assert_non_null(strstr(md, "| Rollback end (failed, settled by hand; built-in rollback "
	    "on k8s-1, op-u) |"));
	free(md);
	records_free(v, 5);
}

/* h2's undo ended FAILED (rollout status gave up, 2/3 ready) and its
 * rollout completed a minute later; the console said so. The Actions
 * table says both: FAILED when it ended, and when the rollout completed;
 * the rollback's end is then, and it counts as ok. */
/* A kill switch settled by /export after its re-read gave up: its row says
 * it once, not its reason, detail and summary one after another. */
static void
a_kill_switch_settled_by_export_says_it_once(void **state)
{
	char *t;

	(void)state;
	t = details_of("action.reconcile", "{\"action\":\"compose.killswitch\","
	    "\"by\":\"export\",\"outcome\":\"ok\",\"reread_ts\":\"2026-11-28T18:17:53.000Z\","
	    "\"export_read_ts\":\"2026-11-28T18:18:28.000Z\",\"export\":\"off\","
	    "\"reason\":\"/export read off at 18:18:28, after the re-read gave up\","
	    "\"detail\":\"/export read off at 18:18:28, after the re-read gave up\","
	    "\"summary\":\"h1's /export read off at 18:18:28, after the re-read of its kill "
	    "switch gave up at 18:17:53: now OK\"}");
	assert_string_equal(t, "compose.killswitch — h1's /export read off at 18:18:28, after "
	    "the re-read of its kill switch gave up at 18:17:53: now OK");
	free(t);
	/* The other way: what it left is said after. */
	t = details_of("action.reconcile", "{\"action\":\"compose.killswitch\","
	    "\"by\":\"export\",\"outcome\":\"failed\",\"export\":\"on\","
	    "\"reason\":\"/export read on at 18:18:28, after the re-read gave up: the export is "
	    "still on\",\"detail\":\"/export read on at 18:18:28, after the re-read gave up: the "
	    "export is still on\",\"summary\":\"h1's /export read on at 18:18:28, after the "
	    "re-read of its kill switch gave up at 18:17:53: now FAILED\"}");
	assert_string_equal(t, "compose.killswitch — h1's /export read on at 18:18:28, after "
	    "the re-read of its kill switch gave up at 18:17:53: now FAILED: the export is still "
	    "on");
	free(t);
}

static void
a_failed_rollback_whose_rollout_completed_later(void **state)
{
	struct record v[5] = { 0 };
	char *md, *js;
	cJSON *doc, *act;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"late\"}");
	add_to(v, 1, 10, "action.intent", "h2", "rb-1", "{\"action\":\"k8s.undo\",\"plan\":"
	    "{\"action\":\"k8s.undo\",\"service\":\"api\",\"from\":\"v1.5.0-bad\","
	    "\"to\":\"v1.4.1\"}}");
	add_to(v, 2, 130, "action.end", "h2", "rb-1", "{\"outcome\":\"failed\",\"detail\":"
	    "\"rollout status exited 1; undo applied (revision 7 at v1.4.1), rollout not "
	    "complete: 2/3 ready after 120 s\",\"rollout\":{\"revision\":7,\"tag\":\"v1.4.1\"}}");
	add_to(v, 3, 224, "action.reconcile", "h2", "rb-1", "{\"action\":\"k8s.undo\","
	    "\"by\":\"rollout\",\"outcome\":\"ok\",\"failed_ts\":\"2024-05-01T12:02:10.000Z\","
	    "\"completed_ts\":\"2024-05-01T12:03:42.000Z\",\"revision\":7,\"tag\":\"v1.4.1\","
	    "\"summary\":\"h2's rollout completed at 12:03:42, after its rollback ended FAILED at "
	    "12:02:10: now OK\",\"detail\":\"deployment/api at revision 7 runs v1.4.1: 3/3 ready, "
	    "3 updated\"}");
	add_to(v, 4, 300, "note", NULL, NULL, "{\"text\":\"done\"}");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "- 1 action: 1 ok (1 ended FAILED, its rollout completed "
	    "later), 0 failed, 0 unknown.\n"));
	assert_non_null(strstr(md, "| rb-1 | rollback (kubectl rollout undo) | h2 | alice@ws | "
	    "api v1.5.0-bad → v1.4.1 | 2024-05-01 "
	    "12:00:10 | 2024-05-01 12:02:10 | FAILED, rollout completed later at 2024-05-01 "
	    "12:03:42 | rollout status exited 1; undo applied (revision 7 at v1.4.1)"));
	assert_non_null(strstr(md, "### rb-1: rollback (kubectl rollout undo) on h2\n\n- Outcome: FAILED, rollout "
	    "completed later at 2024-05-01 12:03:42 — rollout status exited 1; undo applied "
	    "(revision 7 at v1.4.1), rollout not complete: 2/3 ready after 120 s\n- Then: h2's "
	    "rollout completed at 12:03:42, after its rollback ended FAILED at 12:02:10: now OK — "
	    "deployment/api at revision 7 runs v1.4.1: 3/3 ready, 3 updated\n"));
	assert_non_null(strstr(md, "| action.reconcile | h2 | rollback of api (kubectl rollout "
	    "undo) — h2's rollout completed "
	    "at 12:03:42, after its rollback ended FAILED at 12:02:10: now OK — deployment/api"));
	assert_non_null(strstr(md, "| Rollback end (ok: its rollout completed after it ended "
	    "FAILED; built-in rollback on h2, rb-1) | 2024-05-01 12:03:42 |"));
	free(md);
	js = render_n(EXPORT_JSON, v, 5);
	doc = cJSON_Parse(js);
	act = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"),
	    "actions"), 0);
	assert_string_equal(jstr(act, "outcome"), "ok");
	assert_string_equal(jstr(act, "settled_by"), "rollout");
	assert_string_equal(jstr(act, "ended_outcome"), "failed");
	assert_string_equal(jstr(act, "ended"), "2024-05-01T12:02:10.000Z");
	assert_string_equal(jstr(act, "rollout_completed"), "2024-05-01T12:03:42.000Z");
	cJSON_Delete(doc);
	free(js);
	records_free(v, 5);
}

/* A resume kept on a full disk and written once the journal recovered:
 * its row says first when it happened and that it was written late, so
 * the later time it was written at never reads as when it resumed. */
static void
a_resume_written_late_says_when_it_happened_first(void **state)
{
	struct record v[4] = { 0 };
	char *md, *tl;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"late\"}");
	add_to(v, 1, 63, "incident.resume", NULL, NULL, "{\"id\":\"late-0a1b2c\","
	    "\"late\":{\"gap_start\":\"2024-05-01T12:01:03.000Z\",\"gap_end\":"
	    "\"2024-05-01T12:01:40.000Z\",\"problem\":\"No space left on device\"}}");
	add_to(v, 2, 100, "journal.recover", NULL, NULL, "{\"problem\":\"No space left on "
	    "device\",\"kept\":1}");
	add_to(v, 3, 63, "action.refused", "h1", "op-1", "{\"reason\":\"never run\","
	    "\"late\":{\"gap_start\":\"2024-05-01T12:01:03.000Z\",\"gap_end\":"
	    "\"2024-05-01T12:01:40.000Z\"}}");
	tl = export_details(&v[1], NULL);
	assert_true(strncmp(tl, "[12:01:03 resumed, written late] at 12:01:40 UTC (kept while "
	    "the journal could not be written, from 12:01:03 UTC)", 94) == 0);
	free(tl);
	tl = export_details(&v[3], NULL);
	assert_true(strncmp(tl, "[12:01:03 written late] at 12:01:40 UTC", 39) == 0);
	free(tl);
	md = render_n(EXPORT_MD, v, 4);
	assert_non_null(strstr(md, "| incident.resume |  | \\[12:01:03 resumed, written late\\] "
	    "at 2024-05-01 12:01:40 (kept while"));
	assert_null(strstr(md, "written late, at "));
	free(md);
	records_free(v, 4);
}

/* The same for a helm rollback the console quit during: its end UNKNOWN,
 * a re-read found helm's revision failed by the wait, then its rollout
 * completed. It never said FAILED. */
static void
an_unknown_rollback_whose_rollout_completed_later(void **state)
{
	struct record v[5] = { 0 };
	char *md, *js;
	cJSON *doc, *act;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"late\"}");
	add_to(v, 1, 10, "action.intent", "h2", "rb-1", "{\"action\":\"helm.rollback\",\"plan\":"
	    "{\"action\":\"helm.rollback\",\"service\":\"api\",\"from\":\"1.5.0-bad\","
	    "\"to\":\"1.4.1\"}}");
	add_to(v, 2, 12, "action.end", "h2", "rb-1", "{\"outcome\":\"unknown\",\"detail\":"
	    "\"the console quit during helm rollback\"}");
	add_to(v, 3, 30, "action.reconcile", "h2", "rb-1", "{\"action\":\"helm.rollback\","
	    "\"outcome\":\"unknown\",\"rollout\":{\"revision\":4,\"tag\":\"1.4.1\"}}");
	add_to(v, 4, 60, "action.reconcile", "h2", "rb-1", "{\"action\":\"helm.rollback\","
	    "\"by\":\"rollout\",\"outcome\":\"ok\",\"reread_ts\":\"2024-05-01T12:00:30.000Z\","
	    "\"completed_ts\":\"2024-05-01T12:00:58.000Z\",\"revision\":4,\"tag\":\"1.4.1\","
	    "\"summary\":\"h2's rollout completed at 12:00:58, after its rollback ended UNKNOWN and "
	    "a re-read found it applied at 12:00:30: now OK\"}");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "UNKNOWN, rollout completed later at 2024-05-01 12:00:58"));
	assert_null(strstr(md, "FAILED, rollout completed later"));
	assert_non_null(strstr(md, "| Rollback end (ok: its rollout completed after it ended "
	    "UNKNOWN; built-in rollback on h2, rb-1) | 2024-05-01 12:00:58 |"));
	free(md);
	js = render_n(EXPORT_JSON, v, 5);
	doc = cJSON_Parse(js);
	act = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"),
	    "actions"), 0);
	assert_string_equal(jstr(act, "settled_by"), "rollout");
	assert_string_equal(jstr(act, "ended_outcome"), "unknown");
	cJSON_Delete(doc);
	free(js);
	records_free(v, 5);
}

/* An action whose console still runs (the caller found its .live byte
 * held) is still running, not UNKNOWN: its end is yet to come. */
static void
an_action_whose_console_still_runs_is_said_as_running(void **state)
{
	struct record v[3] = { 0 };
	struct export_running run = { .op = "op-r", .here = false };
	struct export_opts o = { .id = "live-1", .running = &run, .nrunning = 1 };
	char *md, *js;
	size_t len;
	cJSON *doc, *act;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"live\"}");
	add_to(v, 1, 10, "action.intent", "k8s-1", "op-r", "{\"action\":\"k8s.undo\"}");
	add_to(v, 2, 20, "note", NULL, NULL, "{\"text\":\"waiting\"}");
	assert_int_equal(export_render(EXPORT_MD, v, 3, &o, &md, &len, NULL), 0);
	assert_null(strstr(md, "UNKNOWN"));
	assert_null(strstr(md, "no action.end recorded"));
	assert_non_null(strstr(md, "0 failed, 0 unknown, 1 still running.\n"));
	assert_non_null(strstr(md, "- Outcome: still running in another console (no end "
	    "recorded yet)\n"));
	assert_non_null(strstr(md, "| running | still running in another console (no end "
	    "recorded yet) |"));
	assert_non_null(strstr(md, "the rollback on k8s-1 at 2024-05-01 12:00:10 (op-r) is still "
	    "running in another console | — |"));
	free(md);
	run.here = true;
	assert_int_equal(export_render(EXPORT_JSON, v, 3, &o, &js, &len, NULL), 0);
	doc = cJSON_Parse(js);
	act = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"),
	    "actions"), 0);
	assert_string_equal(jstr(act, "running"), "this console");
	cJSON_Delete(doc);
	free(js);
	/* Without the lock check's word it is UNKNOWN, as before. */
	md = render_n(EXPORT_MD, v, 3);
	assert_non_null(strstr(md, "- Outcome: **UNKNOWN** — no action.end recorded"));
	free(md);
	records_free(v, 3);
}

/* A degraded stretch of the journal is a data gap like a host DOWN: the
 * Markdown's Data gaps and the JSON's data_gaps have it, for every host,
 * with the problem that caused it. */
static void
degraded_journal_is_a_data_gap(void **state)
{
	struct record v[3] = { 0 };
	char *md, *js;
	cJSON *doc, *g;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"api 5xx\"}");
	add_to(v, 1, 200, "journal.recover", NULL, NULL, "{\"problem\":\"the journal file was "
	    "removed or moved: /tl/a.jsonl was deleted\",\"gap\":{\"gap_start\":"
	    "\"2024-05-01T12:01:00.000Z\",\"gap_end\":\"2024-05-01T12:03:20.000Z\"}}");
	add_to(v, 2, 210, "note", NULL, NULL, "{\"text\":\"back\"}");
	md = render_n(EXPORT_MD, v, 3);
	assert_non_null(strstr(md, "## Data gaps\n\n| Host | No data from | Back | For | Why |\n"
	    "|---|---|---|---|---|\n| all hosts (the journal degraded) | 2024-05-01 12:01:00 | "
	    "2024-05-01 12:03:20 | 2m 20s | the journal could not be written (the journal file "
	    "was removed or moved: /tl/a.jsonl was deleted): nothing was recorded meanwhile but "
	    "the records kept and written late (see Journal) |\n"));
	free(md);
	js = render_n(EXPORT_JSON, v, 3);
	doc = cJSON_Parse(js);
	g = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "data_gaps");
	assert_int_equal(cJSON_GetArraySize(g), 1);
	assert_string_equal(jstr(cJSON_GetArrayItem(g, 0), "kind"), "journal");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetArrayItem(g, 0), "host")));
	assert_int_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(g, 0), "for_s")->valuedouble, 140);
	cJSON_Delete(doc);
	free(js);
	records_free(v, 3);
}

/* A console gone beside others: the session.gone record a writing
 * console wrote is said in the Journal part and its timeline row; one
 * no console recorded (its .live lock free, passed as o.gone) is said
 * from the lock. */
static void
a_console_gone_is_said_from_its_record_or_its_lock(void **state)
{
	struct record v[5] = { 0 };
	struct session g = { .id = 4, .tracked = true, .actor = (char *)"bob@laptop",
		.pid = 77, .last_ts_ms = T0 + 40000 };
	struct export_opts o = { .id = "multi-7f3a2c", .gone = &g, .ngone = 1 };
	char *md, *md2;
	size_t len;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"api 5xx\",\"pid\":42}");
	add_to(v, 1, 10, "mode.change", NULL, NULL, "{\"mode\":\"armed\"}");
	add_to(v, 2, 20, "action.intent", "api-1", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"host\":\"api-1\",\"service\":\"api\",\"from\":\"v1.5.0-bad\","
	    "\"to\":\"v1.4.1\"}}");
	add_to(v, 3, 30, "session.gone", NULL, NULL, "{\"session\":1,\"actor\":\"alice@ws\","
	    "\"pid\":42,\"was_armed\":true,\"last_seq\":3,"
	    "\"last_record_ts\":\"2024-05-01T12:00:20.000Z\",\"unknown_ops\":[\"rb-1\"]}");
	md = render_n(EXPORT_MD, v, 4);
	assert_non_null(strstr(md, "### Journal\n\n- **2024-05-01 12:00:30** the console of "
	    "alice@ws, pid 42, ended without shutting down while armed (last record 2024-05-01 "
	    "12:00:20); it left 1 action without an outcome (UNKNOWN until a console re-reads or "
	    "settles it); seen by the console of bob@laptop.\n"));
	assert_non_null(strstr(md, "| session.gone |  | the console of alice@ws, pid 42, ended "
	    "without shutting down while armed"));
	assert_int_equal(export_render(EXPORT_MD, v, 4, &o, &md2, &len, NULL), 0);
	assert_non_null(strstr(md2, "- **2024-05-01 12:00:40** the console of bob@laptop, pid 77, "
	    "ended without shutting down (last record 2024-05-01 12:00:40); no console recorded "
	    "it: its lock on the journal is free.\n"));
	free(md);
	free(md2);
	records_free(v, 4);
}

/* A console killed -9 while armed, its journal's torn last line set aside
 * on resume: the resume's row says both whole, the Journal note under the
 * summary too, and the JSON lists them. */
static void
resumes_say_what_the_journal_lost(void **state)
{
	struct record v[6] = { 0 };
	const char *repaired = "line 22: no newline at the end (torn write): moved 408 bytes "
	    "to /home/oncall/.local/state/warroom/api-5xx-spike-7f3a2c.jsonl.torn";
	char data[600], *md, *js, *t, want[800], words[200];
	cJSON *doc, *jn;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"api 5xx\"}");
	add_to(v, 1, 10, "mode.change", NULL, NULL, "{\"mode\":\"armed\"}");
	add_to(v, 2, 20, "action.intent", "api-1", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"host\":\"api-1\",\"service\":\"api\",\"from\":\"v1.5.0-bad\","
	    "\"to\":\"v1.4.1\"}}");
	snprintf(data, sizeof(data), "{\"id\":\"api-5xx-spike-7f3a2c\",\"name\":\"api 5xx\","
	    "\"repaired\":\"%s\",\"ended_without_shutdown\":1,"
	    "\"last_record_ts\":\"2024-05-01T12:00:20.000Z\",\"was_armed\":true,"
	    "\"unknown_ops\":[\"rb-1\"]}", repaired);
	add_to(v, 3, 600, "incident.resume", NULL, NULL, data);
	add_to(v, 4, 610, "journal.recover", NULL, NULL, "{\"problem\":\"fdatasync failed: "
	    "No space left on device\",\"unconfirmed_seq\":5,\"unconfirmed_present\":false}");
	add_to(v, 5, 620, "note", NULL, NULL, "{\"text\":\"watching\"}");
	md = render_n(EXPORT_MD, v, 6);
	snprintf(want, sizeof(want), "| incident.resume |  | api 5xx — the console before ended "
	    "without shutting down while armed (last record 2024-05-01 12:00:20) — 1 action left "
	    "UNKNOWN by an earlier session: the rollback of api on api-1 at 2024-05-01 12:00:20 "
	    "(rb-1) — journal repaired: "
	    "line 22: no newline at the end (torn write): moved 408 bytes to "
	    "/home/oncall/.local/state/warroom/api-5xx-spike-7f3a2c.jsonl.torn |\n");
	assert_non_null(strstr(md, want));
	assert_non_null(strstr(md, "### Journal\n\n"
	    "- **2024-05-01 12:10:00** the console before ended without shutting down while armed "
	    "(last record 2024-05-01 12:00:20).\n"
	    "- **2024-05-01 12:10:00** a torn last record was set aside on resume: line 22: no "
	    "newline at the end (torn write): moved 408 bytes to /home/oncall/.local/state/warroom/"
	    "api-5xx-spike-7f3a2c.jsonl.torn; what it held is not in this post-mortem.\n"
	    "- **2024-05-01 12:10:10** the journal was degraded (fdatasync failed: No space left "
	    "on device) and recovered; the record whose write failed (seq 5) is not in the "
	    "file.\n\n## Key times"));
	assert_non_null(strstr(md, "| journal.recover |  | recovered from: fdatasync failed: No "
	    "space left on device; the record whose write failed (seq 5) is not in the file |\n"));
	free(md);
	js = render_n(EXPORT_JSON, v, 6);
	doc = cJSON_Parse(js);
	jn = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "journal");
	assert_int_equal(cJSON_GetArraySize(jn), 3);
	assert_string_equal(jstr(cJSON_GetArrayItem(jn, 0), "what"), "ended_without_shutdown");
	assert_string_equal(jstr(cJSON_GetArrayItem(jn, 0), "text"), "the console before ended "
	    "without shutting down while armed (last record 12:00:20 UTC)");
	assert_string_equal(jstr(cJSON_GetArrayItem(jn, 1), "what"), "repaired");
	assert_string_equal(jstr(cJSON_GetArrayItem(jn, 2), "what"), "recovered");
	assert_int_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(jn, 1), "seq")->valuedouble, 4);
	cJSON_Delete(doc);
	free(js);
	/* TIMELINE's words, in the console's UTC. */
	t = export_details(&v[3], NULL);
	assert_non_null(strstr(t, "api 5xx — the console before ended without shutting down "
	    "while armed (last record 12:00:20 UTC) — 1 action left UNKNOWN"));
	free(t);
	/* The console's message: the date when it is not today's. */
	export_unended_words(2, false, T0, T0 + 86400000LL, NULL, words, sizeof(words));
	assert_string_equal(words, "2 consoles before ended without shutting down (last record "
	    "2024-05-01 12:00:00 UTC)");
	/* Several ended, each armed or not on its own: not "the last one". */
	export_unended_words(2, true, T0, T0, NULL, words, sizeof(words));
	assert_string_equal(words, "2 consoles before ended without shutting down, at least one "
	    "of them armed (last record 12:00:00 UTC)");
	export_unended_words(0, false, T0, T0, NULL, words, sizeof(words));
	assert_string_equal(words, "");
	records_free(v, 6);
}

/* A journal written before notes were sanitized holds a raw U+202E in a
 * note, the incident's name and a runbook's command: the draft shows each
 * as <U+202E> (escaped for Markdown), TIMELINE's words too, and the JSON
 * keeps the same strings with the character as a \u escape. */
static void
bidi_controls_never_reach_an_export_raw(void **state)
{
	struct record v[5] = { 0 };
	char *md, *js, *t;
	cJSON *doc, *recs_j;

	add_to(v, 0, 0, "incident.open", NULL, NULL,
	    "{\"name\":\"api \xe2\x80\xaespike\",\"id\":\"bidi-7f3a2c\"}");
	add_to(v, 1, 60, "note", NULL, NULL,
	    "{\"text\":\"bidi \xe2\x80\xae evil override \xc2\x9b ok\"}");
	add_to(v, 2, 120, "action.intent", "api-1", "op-1",
	    "{\"action\":\"command\",\"plan\":{\"steps\":[{\"name\":\"run\","
	    "\"cmd\":\"echo \xe2\x81\xa6ok\xe2\x81\xa9\"}]},\"plan_hash\":\"crc32c:0\"}");
	add_to(v, 3, 130, "action.end", "api-1", "op-1", "{\"outcome\":\"ok\"}");
	add_to(v, 4, 140, "chat.announce", NULL, "chat-1",
	    "{\"id\":\"chat-1\",\"text\":\"rolled \xe2\x80\xae" "back\"}");
	md = render_n(EXPORT_MD, v, 5);
	golden("bidi-note.md", md);
	assert_null(strstr(md, "\xe2\x80\xae"));
	assert_null(strstr(md, "\xe2\x81\xa6"));
	assert_null(strstr(md, "\xc2\x9b"));
	js = render_n(EXPORT_JSON, v, 5);
	golden("bidi-note.json", js);
	assert_null(strstr(js, "\xe2\x80\xae"));
	assert_null(strstr(js, "\xc2\x9b"));
	/* The same strings to a JSON reader. */
	doc = cJSON_Parse(js);
	assert_non_null(doc);
	recs_j = cJSON_GetObjectItem(doc, "records");
	assert_string_equal(jstr(cJSON_GetObjectItem(cJSON_GetArrayItem(recs_j, 1), "data"),
	    "text"), "bidi \xe2\x80\xae evil override \xc2\x9b ok");
	cJSON_Delete(doc);
	t = export_details(&v[1], NULL);
	assert_string_equal(t, "bidi <U+202E> evil override \\x9b ok");
	free(t);
	free(md);
	free(js);
	records_free(v, 5);
}

/* A rollback confirmed by a console killed during its re-read: the
 * confirmation is in the timeline, the resume names it as never run, and
 * the refusal the resume wrote is an action that ran nothing. */
/* A (armed) was killed at 12:00:21; B, beside it, quit cleanly at
 * 12:00:56 and resumed at 12:00:58. The 2s gap is B's close, not A's
 * crash; A is named by actor and pid with its own last record. */
static void
a_resume_names_the_console_that_ended_unshut(void **state)
{
	struct record v[6] = { 0 };
	char words[512];
	char *t, *md;
	cJSON *d;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\",\"pid\":100}");
	add_to(v, 1, 3, "incident.resume", NULL, NULL, "{\"id\":\"qa-1a2b3c\",\"pid\":200,"
	    "\"others_open\":true}");
	add_to(v, 2, 21, "note", NULL, NULL, "{\"text\":\"A's last\"}");
	add_to(v, 3, 56, "shutdown", NULL, NULL, "{\"reason\":\"quit\"}");
	add_to(v, 4, 58, "incident.resume", NULL, NULL, "{\"id\":\"qa-1a2b3c\",\"pid\":300,"
	    "\"unwatched_from\":\"2024-05-01T12:00:56.000Z\",\"ended_without_shutdown\":1,"
	    "\"last_record_ts\":\"2024-05-01T12:00:21.000Z\",\"was_armed\":true,"
	    "\"ended_sessions\":[{\"session\":1,\"actor\":\"alice (root@vm)\",\"pid\":100,"
	    "\"last_record_ts\":\"2024-05-01T12:00:21.000Z\",\"was_armed\":true}]}");
	add_to(v, 5, 70, "note", NULL, NULL, "{\"text\":\"back\"}");
	t = export_details(&v[4], NULL);
	assert_string_equal(t, "not recorded: no writing console for 2s (console restarted) — "
	    "the console of "
	    "alice (root@vm), pid 100, ended without shutting down while armed (last record "
	    "12:00:21 UTC)");
	free(t);
	md = render_n(EXPORT_MD, v, 6);
	assert_null(strstr(md, "writing console stopped without shutting down"));
	free(md);
	/* The console's own words at the start, from the same list. */
	d = cJSON_Parse("[{\"session\":1,\"actor\":\"alice (root@vm)\",\"pid\":100,"
	    "\"was_armed\":true},{\"session\":9,\"actor\":\"carol (root@vm)\"}]");
	export_unended_words(1, true, T0 + 21000, T0, d, words, sizeof(words));
	assert_string_equal(words, "the console of alice (root@vm), pid 100, ended without "
	    "shutting down while armed (last record 12:00:21 UTC)");
	export_unended_words(2, true, T0 + 21000, T0, d, words, sizeof(words));
	assert_string_equal(words, "2 consoles before ended without shutting down, at least one "
	    "of them armed (last record 12:00:21 UTC): alice (root@vm), pid 100, armed; "
	    "carol (root@vm)");
	cJSON_Delete(d);
	records_free(v, 6);
}

/* Its intent line damaged (skipped), a rollback whose output and
 * reconcile came after it still ran: its row stands on its confirmation,
 * OK as the reconcile says, and nothing is counted refused. */
static void
a_rollback_whose_intent_line_is_damaged_keeps_its_row(void **state)
{
	struct record v[5] = { 0 };
	char *md;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"api 5xx\"}");
	add_to(v, 1, 10, "action.confirmed", "helm-bastion", "rb-1", "{\"action\":"
	    "\"helm.rollback\",\"service\":\"api\",\"from\":\"1.5.0-bad\",\"to\":\"1.4.1\"}");
	add_to(v, 2, 14, "action.output", "helm-bastion", "rb-1", "{\"step\":\"helm rollback\","
	    "\"exit\":0,\"lines\":[\"Rollback was a success!\"]}");
	add_to(v, 3, 40, "action.reconcile", "helm-bastion", "rb-1", "{\"outcome\":\"ok\","
	    "\"detail\":\"api runs 1.4.1\"}");
	add_to(v, 4, 60, "shutdown", NULL, NULL, "{\"reason\":\"quit\"}");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "- 1 action: 1 ok (1 only after a re-read of an UNKNOWN "
	    "outcome), 0 failed, 0 unknown.\n"));
	assert_null(strstr(md, "refused"));
	assert_non_null(strstr(md, "_Its action.intent line is damaged: what it recorded is "
	    "not known (its confirmation stands in for it)._"));
	assert_non_null(strstr(md, "| rb-1 | rollback (helm rollback) | helm-bastion | alice@ws | "
	    "api 1.5.0-bad "
	    "\xe2\x86\x92 1.4.1 | "));
	free(md);
	records_free(v, 5);
}

static void
a_confirmed_action_a_console_never_ran_is_said(void **state)
{
	struct record v[4] = { 0 };
	char *md, *t;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"api 5xx\"}");
	add_to(v, 1, 10, "action.confirmed", "api-1", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}");
	add_to(v, 2, 240, "incident.resume", NULL, NULL, "{\"id\":\"api-5xx-1a2b3c\","
	    "\"ended_without_shutdown\":1,\"last_record_ts\":\"2024-05-01T12:00:10.000Z\","
	    "\"confirmed_not_run\":[\"rollback of api on api-1 (v1.5.0-bad \xe2\x86\x92 v1.4.1), "
	    "confirmed at 12:00:10 UTC\"]}");
	add_to(v, 3, 240, "action.refused", "api-1", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"service\":\"api\",\"reason\":\"rollback of api on api-1 (v1.5.0-bad \xe2\x86\x92 v1.4.1), "
	    "confirmed at 12:00:10 UTC; the console ended during its re-read before running it: "
	    "nothing ran (no intent was recorded)\",\"confirmed\":true,\"confirmed_ts\":\"2024-05-01T12:00:10.000Z\"}");
	md = render_n(EXPORT_MD, v, 4);
	assert_non_null(strstr(md, "| action.confirmed | api-1 | confirmed: rollback of api on "
	    "api-1, v1.5.0-bad \xe2\x86\x92 v1.4.1; re-read before it runs |\n"));
	assert_non_null(strstr(md, "| incident.resume |  | the console before ended without "
	    "shutting down (last record 2024-05-01 12:00:10) — rollback of api on api-1 "
	    "(v1.5.0-bad \xe2\x86\x92 v1.4.1), confirmed at 12:00:10 UTC: never ran, no intent was "
	    "recorded after its confirmation |\n"));
	assert_non_null(strstr(md, "- 1 action: 0 ok, 0 failed, 0 unknown, 1 cancelled after "
	    "confirming (nothing ran).\n"));
	/* Started when it was confirmed, not when the resume refused it; its
	 * change as confirmed. */
	assert_non_null(strstr(md, "| \xe2\x80\x94 | rollback (docker compose up -d) | api-1 | bob@laptop | "
	    "api v1.5.0-bad "
	    "\xe2\x86\x92 v1.4.1 | 2024-05-01 12:00:10 | \xe2\x80\x94 | cancelled | rollback of api on api-1 (v1.5.0-bad "
	    "\xe2\x86\x92 v1.4.1), confirmed at 12:00:10 UTC; the console ended during its re-read "
	    "before running it: nothing ran (no intent was recorded) |\n"));
	free(md);
	t = export_details(&v[1], NULL);
	assert_string_equal(t, "confirmed: rollback of api on api-1, v1.5.0-bad \xe2\x86\x92 v1.4.1; "
	    "re-read before it runs");
	free(t);
	records_free(v, 4);
}

/* An incident: v1.5.0-bad deployed at 12:03:19 (compose ps), the first
 * bad verdict at 12:13. The post-mortem counts the impact from the
 * deploy; the status page's default "since" said 12:13, ten minutes
 * later than the post-mortem. Both now take the one start. */
static void
the_status_page_began_is_the_impact_start(void **state)
{
	struct record v[5] = { 0 };
	char began[32];
	char *md;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 1, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"first\":true}");
	add_to(v, 2, 200, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\",\"deployed_ms\":1714564999000,"
	    "\"deployed_from\":\"compose ps: container created\"}");
	add_to(v, 3, 780, "verdict.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"CONSIDER ROLLBACK\",\"reason\":\"r\"}");
	add_to(v, 4, 900, "note", NULL, NULL, "{\"text\":\"still bad\"}");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "**Impact duration:** ongoing since 2024-05-01 12:03:19 (bad "
	    "release deployed"));
	free(md);
	cause_clock(export_impact_from(v, 5), began, sizeof(began));
	assert_string_equal(began, "12:03 UTC");
	/* Before the verdict judged it, nothing is charged: the opening. */
	assert_int_equal(export_impact_from(v, 3), T0);
	assert_int_equal(export_impact_from(v, 0), 0);
	records_free(v, 5);
}

/* A k8s/helm incident: v1.5.0-bad went live ten minutes before the
 * console opened (helm history's updated time, journalled with the tag
 * as health.change data.deployed_ms); the first bad verdict came 8 s
 * after the opening. Detection is that verdict, the key times name the
 * deploy and its source, and the impact counts from the deploy. */
static void
impact_counts_from_the_bad_deploy(void **state)
{
	struct record v[5] = { 0 };
	const cJSON *times;
	cJSON *doc;
	char *md, *js;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 2, "health.change", "helm-bastion", NULL, "{\"service\":\"api\","
	    "\"tag\":\"1.5.0-bad\",\"first\":true,\"deployed_ms\":1714564193000,"
	    "\"deployed_from\":\"helm history: revision 4 updated\"}");
	add_to(v, 2, 8, "verdict.change", "helm-bastion", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"ROLLBACK IMMEDIATELY\",\"reason\":\"r\"}");
	add_to(v, 3, 300, "verdict.change", "helm-bastion", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"OK\",\"reason\":\"r\"}");
	add_to(v, 4, 320, "note", NULL, NULL, "{\"text\":\"done\"}");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "| Bad release deployed (1.5.0-bad on helm-bastion, per helm "
	    "history: revision 4 updated; already running at this console's first reading "
	    "(seq 2)) | 2024-05-01 11:49:53 | -10m 15s |\n"
	    "| Incident opened | 2024-05-01 12:00:00 | -8s |\n"
	    "| Detection (first bad verdict) | 2024-05-01 12:00:08 | 0s |\n"));
	assert_non_null(strstr(md, "**Impact duration:** 15m 07s (bad release deployed to "
	    "recovery)"));
	free(md);
	js = render_n(EXPORT_JSON, v, 5);
	doc = cJSON_Parse(js);
	times = json_times(doc);
	assert_string_equal(jstr(times, "bad_release_deployed"), "2024-05-01T11:49:53.000Z");
	assert_string_equal(jstr(times, "bad_release_source"), "helm history: revision 4 updated");
	assert_string_equal(jstr(times, "impact_from"), "bad_release_deployed");
	assert_string_equal(jstr(times, "detection"), "2024-05-01T12:00:08.000Z");
	assert_int_equal(cJSON_GetObjectItem(times, "impact_s")->valuedouble, 907);
	cJSON_Delete(doc);
	free(js);
	records_free(v, 5);
}

/* A tag change no action made is a deploy made outside this console
 * (health.change data.outside), with when it went live and where that was
 * read; our rollback's tag change is said as before. TIMELINE's line
 * (export_details) says UTC, the post-mortem its zone. */
static void
a_deploy_made_outside_is_named(void **state)
{
	struct record v[6] = { 0 };
	char *doc_md, *t;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 2, "health.change", "k8s-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"first\":true}");
	add_to(v, 2, 70, "health.change", "k8s-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.1-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true,"
	    "\"deployed_ms\":1714564861000,\"deployed_from\":\"kubectl pods: its oldest pod "
	    "created\"}");
	add_to(v, 3, 80, "verdict.change", "k8s-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"ROLLBACK IMMEDIATELY\",\"reason\":\"r\"}");
	add_to(v, 4, 200, "health.change", "k8s-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"was_tag\":\"v1.5.1-bad\"}");
	/* Outside, but the host's history did not say when. */
	add_to(v, 5, 210, "health.change", "k8s-2", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.1-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true}");
	t = export_details(&v[2], NULL);
	assert_string_equal(t, "api: v1.5.1-bad deployed outside this console at 12:01:01 UTC "
	    "(per kubectl pods: its oldest pod created); tag v1.4.1 -> v1.5.1-bad");
	free(t);
	t = export_details(&v[4], NULL);
	assert_string_equal(t, "api: tag v1.5.1-bad -> v1.4.1");
	free(t);
	t = export_details(&v[5], NULL);
	assert_string_equal(t, "api: v1.5.1-bad deployed outside this console; "
	    "tag v1.4.1 -> v1.5.1-bad");
	free(t);
	doc_md = render_n(EXPORT_MD, v, 6);
	assert_non_null(strstr(doc_md, "api: v1.5.1-bad deployed outside this console at "
	    "2024-05-01 12:01:01 (per kubectl pods: its oldest pod created); tag v1.4.1 -\\> "
	    "v1.5.1-bad |"));
	/* The key times name it as the bad deploy, from the same record. */
	assert_non_null(strstr(doc_md, "| Bad release deployed (v1.5.1-bad on k8s-1, per kubectl "
	    "pods: its oldest pod created; deployed outside this console (tag change seen at "
	    "seq 3)) | 2024-05-01 12:01:01 |"));
	free(doc_md);
	records_free(v, 6);
}

/* A compose release deployed outside this console, its container
 * re-created (same tag) before the verdict: a console restarted since
 * journalled the younger creation, yet the key time stays at the first
 * and says the re-creation; the tag change is named. Golden:
 * deploy-who.md. */
static void
bad_deploy_keeps_its_first_time_and_says_who(void **state)
{
	struct record v[6] = { 0 };
	const cJSON *times;
	cJSON *doc;
	char *md, *js;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 2, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"first\":true,\"deployed_ms\":1714561200000,"
	    "\"deployed_from\":\"compose ps: container created\"}");
	add_to(v, 2, 60, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true,"
	    "\"deployed_ms\":1714564855000,\"deployed_from\":\"compose ps: container created\"}");
	/* Written by a console started after the re-creation at 12:01:15. */
	add_to(v, 3, 80, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.5.0-bad\",\"healthz\":\"FAIL\","
	    "\"was_healthz\":\"OK\",\"deployed_ms\":1714564875000,"
	    "\"deployed_from\":\"compose ps: container created\",\"recreated_ms\":1714564875000}");
	add_to(v, 4, 90, "verdict.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"ROLLBACK IMMEDIATELY\",\"reason\":\"r\"}");
	add_to(v, 5, 300, "verdict.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"OK\",\"reason\":\"r\"}");
	md = render_n(EXPORT_MD, v, 6);
	assert_non_null(strstr(md, "| Bad release deployed (v1.5.0-bad on api-1, per compose ps: "
	    "container created; deployed outside this console (tag change seen at seq 3); the "
	    "same release re-created since, at 2024-05-01 12:01:15) | 2024-05-01 12:00:55 |"));
	assert_non_null(strstr(md, "**Impact duration:** 4m 05s (bad release deployed"));
	golden("deploy-who.md", md);
	free(md);
	js = render_n(EXPORT_JSON, v, 6);
	doc = cJSON_Parse(js);
	times = json_times(doc);
	assert_string_equal(jstr(times, "bad_release_deployed"), "2024-05-01T12:00:55.000Z");
	assert_string_equal(jstr(times, "bad_release_made_by"), "outside");
	assert_string_equal(jstr(times, "bad_release_recreated"), "2024-05-01T12:01:15.000Z");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(times, "bad_release_seen")));
	cJSON_Delete(doc);
	free(js);
	records_free(v, 6);
}

/* Its intent line damaged, its confirmation kept: the post-mortem names
 * the rollback from the confirmation's record, and says its intent is
 * not kept, never "intent seq". */
static void
bad_deploy_by_our_action_whose_intent_is_lost(void **state)
{
	struct record v[5] = { 0 };
	char *md;

	(void)state;
	add_to(v, 0, 2, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"first\":true}");
	add_to(v, 1, 30, "action.confirmed", "api-1", "op-7", "{\"action\":\"compose.rollback\","
	    "\"service\":\"api\",\"from\":\"v1.4.1\",\"to\":\"v1.3.9-bad\"}");
	add_to(v, 2, 31, "action.output", "api-1", "op-7", "{\"step\":\"up\"}");
	add_to(v, 3, 52, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.3.9-bad\",\"was_tag\":\"v1.4.1\",\"deployed_ms\":1714564845000,"
	    "\"deployed_from\":\"compose ps: container created\"}");
	add_to(v, 4, 80, "verdict.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"ROLLBACK IMMEDIATELY\",\"reason\":\"r\"}");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "deployed by this console's rollback, op-7 "
	    "(confirmation seq 2; its intent is not kept)) "));
	free(md);
	records_free(v, 5);
}

/* A bad tag our own action brought names that action; one whose time no
 * deploy history told is estimated from when the console first read it,
 * and says so. */
static void
bad_deploy_by_our_action_or_estimated(void **state)
{
	struct record v[6] = { 0 };
	const cJSON *times;
	cJSON *doc;
	char *md, *js;

	(void)state;
	add_to(v, 0, 2, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"first\":true}");
	add_to(v, 1, 30, "action.intent", "api-1", "op-7", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\"}}");
	add_to(v, 2, 50, "action.end", "api-1", "op-7", "{\"outcome\":\"ok\"}");
	add_to(v, 3, 52, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.3.9-bad\",\"was_tag\":\"v1.4.1\",\"deployed_ms\":1714564845000,"
	    "\"deployed_from\":\"compose ps: container created\"}");
	add_to(v, 4, 80, "verdict.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"ROLLBACK IMMEDIATELY\",\"reason\":\"r\"}");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "| Bad release deployed (v1.3.9-bad on api-1, per compose ps: "
	    "container created; deployed by this console's rollback, op-7 (intent seq 2)) "
	    "| 2024-05-01 12:00:45 |"));
	free(md);
	js = render_n(EXPORT_JSON, v, 5);
	doc = cJSON_Parse(js);
	times = json_times(doc);
	assert_string_equal(jstr(times, "bad_release_made_by"), "console");
	assert_string_equal(jstr(times, "bad_release_op"), "op-7");
	cJSON_Delete(doc);
	free(js);
	record_free(&v[3]);
	/* No time told (its history unread): the tag change the console saw
	 * bounds it, outside this console. */
	add_to(v, 3, 52, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.3.9-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true}");
	record_free(&v[1]);
	record_free(&v[2]);
	add_to(v, 1, 30, "note", NULL, NULL, "{\"text\":\"a\"}");
	add_to(v, 2, 50, "note", NULL, NULL, "{\"text\":\"b\"}");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "| Bad release deployed (v1.3.9-bad on api-1; time not told by "
	    "its deploy history: estimated from when this console first read the tag, at the "
	    "latest; deployed outside this console (tag change seen at seq 4)) | "
	    "2024-05-01 12:00:52 | -28s |"));
	/* An estimate is no start of the impact. */
	assert_non_null(strstr(md, "(first bad verdict"));
	free(md);
	js = render_n(EXPORT_JSON, v, 5);
	doc = cJSON_Parse(js);
	times = json_times(doc);
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(times, "bad_release_deployed")));
	assert_string_equal(jstr(times, "bad_release_seen"), "2024-05-01T12:00:52.000Z");
	assert_string_equal(jstr(times, "bad_release_tag"), "v1.3.9-bad");
	cJSON_Delete(doc);
	free(js);
	records_free(v, 5);
}

/* X on api-1 (off, then on again), then a tag set by someone else: a
 * journal written before the console knew a compose kill switch changes
 * no tag has no "outside" on that change. The post-mortem never puts the
 * deploy down to the kill switch (its redeploy pins the running tag). */
static void
bad_deploy_after_a_kill_switch_is_not_its(void **state)
{
	struct record v[7] = { 0 };
	const cJSON *times;
	cJSON *doc;
	char *md, *js;

	(void)state;
	add_to(v, 0, 2, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"first\":true}");
	add_to(v, 1, 10, "action.intent", "api-1", "ks-1", "{\"action\":\"compose.killswitch\","
	    "\"plan\":{\"service\":\"api\"}}");
	add_to(v, 2, 12, "action.end", "api-1", "ks-1", "{\"outcome\":\"ok\"}");
	add_to(v, 3, 14, "action.intent", "api-1", "ks-2", "{\"action\":\"compose.killswitch\","
	    "\"plan\":{\"service\":\"api\"}}");
	add_to(v, 4, 16, "action.end", "api-1", "ks-2", "{\"outcome\":\"ok\"}");
	add_to(v, 5, 20, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.7.0-bad\",\"was_tag\":\"v1.4.1\",\"deployed_ms\":1714564818000,"
	    "\"deployed_from\":\"compose ps: container created\"}");
	add_to(v, 6, 40, "verdict.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"ROLLBACK IMMEDIATELY\",\"reason\":\"r\"}");
	md = render_n(EXPORT_MD, v, 7);
	assert_null(strstr(md, "compose.killswitch, ks-2"));
	assert_null(strstr(md, "by this console's"));
	assert_non_null(strstr(md, "| Bad release deployed (v1.7.0-bad on api-1, per compose ps: "
	    "container created) | 2024-05-01 12:00:18 |"));
	free(md);
	js = render_n(EXPORT_JSON, v, 7);
	doc = cJSON_Parse(js);
	times = json_times(doc);
	assert_string_equal(jstr(times, "bad_release_made_by"), "unknown");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(times, "bad_release_op")));
	cJSON_Delete(doc);
	free(js);
	records_free(v, 7);
}

/* A whole incident in short: api-1 (api, jobs) on v1.5.0-bad, deployed 10
 * minutes before; helm-bastion and k8s-bastion deployed it again outside
 * this console during the incident; X on api-1 only; api rolled back on
 * api-1 (jobs left on the bad release, .env saying v1.4.1), and the two
 * others rolled back too. */
#define NINC 26

static void
qa_journal(struct record *v)
{
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 1, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"first\":true,\"deployed_ms\":1714564200000,"
	    "\"deployed_from\":\"compose ps: its container created\"}");
	add_to(v, 2, 1, "health.change", "api-1", NULL, "{\"service\":\"jobs\","
	    "\"tag\":\"v1.5.0-bad\",\"first\":true}");
	add_to(v, 3, 1, "health.change", "helm-bastion", NULL, "{\"service\":\"api\","
	    "\"tag\":\"1.4.1\",\"first\":true}");
	add_to(v, 4, 1, "health.change", "k8s-bastion", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"first\":true}");
	verdict(v, 5, 5, "api-1", "ROLLBACK IMMEDIATELY");
	add_to(v, 6, 30, "health.change", "helm-bastion", NULL, "{\"service\":\"api\","
	    "\"tag\":\"1.5.0-bad\",\"was_tag\":\"1.4.1\",\"outside\":true,"
	    "\"deployed_ms\":1714564829000,\"deployed_from\":\"helm history: revision 6 updated\"}");
	add_to(v, 7, 40, "action.intent", "api-1", "ks-1", "{\"action\":\"compose.killswitch\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"EXPORT_MODE=on\",\"to\":\"EXPORT_MODE=off\"}}");
	add_to(v, 8, 45, "action.end", "api-1", "ks-1", "{\"outcome\":\"ok\"}");
	add_to(v, 9, 46, "exports.change", "api-1", NULL, "{\"service\":\"api\",\"export\":\"off\","
	    "\"first\":true}");
	add_to(v, 10, 46, "exports.change", "helm-bastion", NULL, "{\"service\":\"api\","
	    "\"export\":\"on\",\"first\":true}");
	add_to(v, 11, 46, "exports.change", "k8s-bastion", NULL, "{\"service\":\"api\","
	    "\"export\":\"on\",\"first\":true}");
	add_to(v, 12, 60, "action.intent", "api-1", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	add_to(v, 13, 75, "action.end", "api-1", "rb-1", "{\"outcome\":\"ok\"}");
	add_to(v, 14, 76, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"was_tag\":\"v1.5.0-bad\"}");
	/* As an older console stored it: words that point the wrong way. */
	add_to(v, 15, 77, "env.check", "api-1", "rb-1", "{\"service\":\"jobs\","
	    "\"env_image_tag\":\"v1.4.1\",\"runs\":\"v1.5.0-bad\",\"agrees\":false,"
	    "\"summary\":\".env says IMAGE_TAG=v1.4.1 but jobs runs v1.5.0-bad: a plain `up -d` "
	    "brings v1.4.1 back\"}");
	add_to(v, 16, 90, "action.intent", "helm-bastion", "rb-2", "{\"action\":\"helm.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"1.5.0-bad\",\"to\":\"1.4.1\"}}");
	add_to(v, 17, 100, "action.end", "helm-bastion", "rb-2", "{\"outcome\":\"ok\"}");
	add_to(v, 18, 101, "health.change", "helm-bastion", NULL, "{\"service\":\"api\","
	    "\"tag\":\"1.4.1\",\"was_tag\":\"1.5.0-bad\"}");
	add_to(v, 19, 130, "health.change", "k8s-bastion", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true,"
	    "\"deployed_ms\":1714564930000,\"deployed_from\":\"kubectl pods: its oldest pod "
	    "created\"}");
	verdict(v, 20, 140, "k8s-bastion", "ROLLBACK IMMEDIATELY");
	add_to(v, 21, 150, "action.intent", "k8s-bastion", "rb-3", "{\"action\":\"k8s.undo\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	add_to(v, 22, 170, "action.end", "k8s-bastion", "rb-3", "{\"outcome\":\"ok\"}");
	add_to(v, 23, 171, "health.change", "k8s-bastion", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"was_tag\":\"v1.5.0-bad\"}");
	verdict(v, 24, 200, "api-1", "OK");
	verdict(v, 25, 210, "k8s-bastion", "OK");
}

/* jobs left on the bad release is a follow-up, with what .env says; the
 * hosts rolled back off it (or that never ran it) are no leak, though
 * their exports are on; the env.check row says which tag runs. */
static void
the_bad_release_left_running_is_a_follow_up(void **state)
{
	struct record v[NINC] = { 0 };
	const cJSON *fu, *x;
	char *md, *js;
	cJSON *doc;
	int i, found = 0;

	(void)state;
	qa_journal(v);
	md = render_n(EXPORT_MD, v, NINC);
	assert_non_null(strstr(md, "\n**Bad release still running**\n\n- jobs on api-1 still runs "
	    "v1.5.0-bad (.env says v1.4.1)\n"));
	assert_null(strstr(md, "still exports"));
	assert_null(strstr(md, "api on api-1 still runs"));
	assert_non_null(strstr(md, "| env.check | api-1 | jobs runs v1.5.0-bad; .env says "
	    "IMAGE\\_TAG=v1.4.1, so a plain \\`up -d\\` would start v1.4.1 |"));
	assert_null(strstr(md, "brings v1.4.1 back"));
	free(md);
	js = render_n(EXPORT_JSON, v, NINC);
	doc = cJSON_Parse(js);
	fu = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "followups");
	for (i = 0; i < cJSON_GetArraySize(fu); i++) {
		x = cJSON_GetArrayItem(fu, i);
		assert_string_not_equal(jstr(x, "what"), "still_exports");
		if (strcmp(jstr(x, "what"), "still_runs_bad_release") != 0)
			continue;
		found++;
		assert_string_equal(jstr(x, "host"), "api-1");
		assert_string_equal(jstr(x, "service"), "jobs");
		assert_string_equal(jstr(x, "tag"), "v1.5.0-bad");
		assert_string_equal(jstr(x, "env_says"), "v1.4.1");
	}
	assert_int_equal(found, 1);
	cJSON_Delete(doc);
	free(js);
	/* Before helm-bastion's rollback: it runs the bad release, exports on. */
	md = render_n(EXPORT_MD, v, 16);
	assert_non_null(strstr(md, "- helm-bastion: still exports (last answered: exports on) "
	    "while api runs 1.5.0-bad there, judged bad in this incident\n"));
	assert_null(strstr(md, "- k8s-bastion: still exports"));
	assert_non_null(strstr(md, "- api on helm-bastion still runs 1.5.0-bad\n"));
	free(md);
	records_free(v, NINC);
}

/* A rollback from a release no bad verdict was ever charged to (a healthy
 * h2 rolled from v1.4.1 to v1.4.0, every verdict OK) is said as what it
 * was, not as a release judged bad that h1 and h3 still run; jobs, whose
 * first reading on h4 came after v1.5.0-bad was judged bad by a verdict
 * on h3, and which still runs it at the end, is named. */
static void
a_rollback_from_a_release_no_verdict_judged_is_no_bad_release(void **state)
{
	struct record v[16] = { 0 };
	const cJSON *fu, *x;
	char *md, *js;
	cJSON *doc;
	int i, found = 0;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 1, "health.change", "h1", NULL, "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\"}");
	add_to(v, 2, 1, "health.change", "h2", NULL, "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\"}");
	add_to(v, 3, 1, "health.change", "h3", NULL, "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\"}");
	verdict(v, 4, 5, "h1", "OK");
	verdict(v, 5, 5, "h2", "OK");
	verdict(v, 6, 5, "h3", "OK");
	add_to(v, 7, 60, "action.intent", "h2", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.4.1\",\"to\":\"v1.4.0\"}}");
	add_to(v, 8, 70, "action.end", "h2", "rb-1", "{\"outcome\":\"ok\"}");
	add_to(v, 9, 71, "health.change", "h2", NULL, "{\"service\":\"api\",\"tag\":\"v1.4.0\","
	    "\"was_tag\":\"v1.4.1\"}");
	add_to(v, 10, 80, "note", NULL, NULL, "{\"text\":\"h2 back on v1.4.0\"}");
	md = render_n(EXPORT_MD, v, 11);
	assert_non_null(strstr(md, "- rolled back from v1.4.1 on h2 (no bad verdict on it in this "
	    "incident).\n"));
	assert_null(strstr(md, "judged bad"));
	assert_null(strstr(md, "Bad release still running"));
	assert_null(strstr(md, "still runs v1.4.1"));
	free(md);
	js = render_n(EXPORT_JSON, v, 11);
	doc = cJSON_Parse(js);
	fu = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "followups");
	for (i = 0; i < cJSON_GetArraySize(fu); i++)
		assert_string_not_equal(jstr(cJSON_GetArrayItem(fu, i), "what"),
		    "still_runs_bad_release");
	cJSON_Delete(doc);
	free(js);

	/* v1.5.0-bad judged bad by h3's verdict and rolled back there (to
	 * v1.4.0: a rollback to v1.4.1 would call it good again); jobs first
	 * read on h4 after that, still on it at the end. */
	record_free(&v[10]);
	add_to(v, 10, 80, "health.change", "h3", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\"}");
	verdict(v, 11, 90, "h3", "ROLLBACK IMMEDIATELY");
	add_to(v, 12, 100, "action.intent", "h3", "rb-2", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.0\"}}");
	add_to(v, 13, 110, "action.end", "h3", "rb-2", "{\"outcome\":\"ok\"}");
	add_to(v, 14, 111, "health.change", "h3", NULL, "{\"service\":\"api\",\"tag\":\"v1.4.0\","
	    "\"was_tag\":\"v1.5.0-bad\"}");
	add_to(v, 15, 120, "health.change", "h4", NULL, "{\"service\":\"jobs\","
	    "\"tag\":\"v1.5.0-bad\",\"healthz\":\"OK\",\"readyz\":\"OK\"}");
	md = render_n(EXPORT_MD, v, 16);
	assert_non_null(strstr(md, "- rolled back from v1.4.1 on h2 (no bad verdict on it in this "
	    "incident).\n"));
	assert_non_null(strstr(md, "\n**Bad release still running**\n\n- jobs on h4 still runs "
	    "v1.5.0-bad\n"));
	assert_null(strstr(md, "still runs v1.4.1"));
	free(md);
	js = render_n(EXPORT_JSON, v, 16);
	doc = cJSON_Parse(js);
	fu = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "followups");
	for (i = 0; i < cJSON_GetArraySize(fu); i++) {
		x = cJSON_GetArrayItem(fu, i);
		if (strcmp(jstr(x, "what"), "still_runs_bad_release") != 0)
			continue;
		found++;
		assert_string_equal(jstr(x, "service"), "jobs");
		assert_string_equal(jstr(x, "tag"), "v1.5.0-bad");
	}
	assert_int_equal(found, 1);
	cJSON_Delete(doc);
	free(js);
	records_free(v, 16);
}

/* a kill switch refused on helm-bastion, which was then
 * rolled off the bad release, is no Containment follow-up any more; yet
 * its exports are still on, and Containment says so and why they are no
 * leak, rather than leave it out as if they had gone off. */
static void
a_refused_kill_switch_on_a_host_rolled_back_is_no_follow_up(void **state)
{
	struct record v[NINC] = { 0 };
	const cJSON *fu;
	char *md, *js;
	cJSON *doc;
	int i;

	(void)state;
	qa_journal(v);
	/* In place of the env.check: the refusal, before helm's rollback. */
	record_free(&v[15]);
	memset(&v[15], 0, sizeof(v[15]));
	add_to(v, 15, 80, "action.refused", "helm-bastion", NULL, "{\"action\":"
	    "\"helm.killswitch\",\"service\":\"api\",\"reason\":\"a helm host: by hand\"}");
	md = render_n(EXPORT_MD, v, 16);
	assert_non_null(strstr(md, "- helm-bastion: kill switch not applied (refused: a helm "
	    "host: by hand)"));
	free(md);
	md = render_n(EXPORT_MD, v, NINC);
	assert_null(strstr(md, "kill switch not applied"));
	assert_non_null(strstr(md, "\n- helm-bastion: exports on (kill switch "
	    "refused: a helm host: by hand; not judged a leak: api runs 1.4.1)\n"));
	assert_null(strstr(md, "- k8s-bastion: exports on"));
	free(md);
	js = render_n(EXPORT_JSON, v, NINC);
	doc = cJSON_Parse(js);
	fu = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "followups");
	for (i = 0; i < cJSON_GetArraySize(fu); i++)
		assert_string_not_equal(jstr(cJSON_GetArrayItem(fu, i), "what"),
		    "killswitch_not_applied");
	cJSON_Delete(doc);
	free(js);
	records_free(v, NINC);
}

/* An incident, shortened: v1.5.0-bad deployed outside the
 * console on h1, then on h4 15 s later (the same rollout), each judged
 * ROLLBACK IMMEDIATELY; h7's own fault on the good tag (OK there first:
 * spared) flaps on after the release's hosts are back; a kill switch on
 * h4, rollbacks of api on h1 and h4 (jobs left on the bad release), a
 * status post, a runbook command, and X turning h4's exports back on:
 * refused once, then ok. */
#define NPM2 44

static void
pm2_journal(struct record *v)
{
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 1, "health.change", "h1", NULL, "{\"service\":\"jobs\","
	    "\"tag\":\"v1.4.1\",\"first\":true}");
	add_to(v, 2, 1, "health.change", "h1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"first\":true,\"healthz\":\"OK\",\"readyz\":\"OK\"}");
	add_to(v, 3, 1, "health.change", "h4", NULL, "{\"service\":\"jobs\","
	    "\"tag\":\"v1.4.1\",\"first\":true}");
	add_to(v, 4, 1, "health.change", "h4", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"first\":true,\"healthz\":\"OK\",\"readyz\":\"OK\"}");
	add_to(v, 5, 1, "health.change", "h7", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"first\":true,\"healthz\":\"OK\",\"readyz\":\"OK\"}");
	verdict(v, 6, 7, "h1", "OK");
	verdict(v, 7, 7, "h4", "OK");
	verdict(v, 8, 8, "h7", "OK");
	verdict(v, 9, 35, "h1", "ROLLBACK IMMEDIATELY");
	/* Written after the verdict, in this order: api, then jobs. */
	add_to(v, 10, 37, "health.change", "h1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true,"
	    "\"deployed_ms\":1714564832000,\"deployed_from\":\"compose ps: container created\"}");
	add_to(v, 11, 37, "health.change", "h1", NULL, "{\"service\":\"jobs\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true,"
	    "\"deployed_ms\":1714564832000,\"deployed_from\":\"compose ps: container created\"}");
	add_to(v, 12, 48, "health.change", "h4", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true,"
	    "\"deployed_ms\":1714564847000,\"deployed_from\":\"compose ps: container created\"}");
	add_to(v, 13, 48, "health.change", "h4", NULL, "{\"service\":\"jobs\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true,"
	    "\"deployed_ms\":1714564847000,\"deployed_from\":\"compose ps: container created\"}");
	verdict(v, 14, 52, "h4", "ROLLBACK IMMEDIATELY");
	add_to(v, 15, 100, "statuspage.queue", NULL, "sp-16", "{\"queue\":\"sp-16\","
	    "\"kind\":\"atlassian\",\"update\":{\"action\":\"create\",\"status\":"
	    "\"investigating\",\"name\":\"qa\",\"body\":\"Investigating errors in api\","
	    "\"impact\":\"\",\"components\":[],\"our_id\":\"qa-1\",\"page_id\":\"\"}}");
	add_to(v, 16, 100, "statuspage.sent", NULL, "sp-16", "{\"queue\":\"sp-16\",\"attempt\":1,"
	    "\"try\":1,\"action\":\"create\",\"status\":\"investigating\",\"method\":\"POST\","
	    "\"path\":\"/incidents\",\"page_incident\":\"\"}");
	add_to(v, 17, 100, "statuspage.post", NULL, "sp-16", "{\"queue\":\"sp-16\","
	    "\"action\":\"create\",\"page_incident\":\"p1\",\"status\":\"investigating\","
	    "\"found\":false}");
	verdict(v, 18, 106, "h7", "CONSIDER ROLLBACK");
	add_to(v, 19, 111, "action.confirmed", "h4", "ks-1", "{\"action\":\"compose.killswitch\","
	    "\"service\":\"api\",\"from\":\"EXPORT_MODE=on\",\"to\":\"EXPORT_MODE=off\"}");
	add_to(v, 20, 111, "action.intent", "h4", "ks-1", "{\"action\":\"compose.killswitch\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"EXPORT_MODE=on\",\"to\":\"EXPORT_MODE=off\"}}");
	add_to(v, 21, 111, "action.end", "h4", "ks-1", "{\"outcome\":\"ok\",\"detail\":\"off\"}");
	add_to(v, 22, 111, "exports.change", "h4", NULL, "{\"service\":\"api\",\"export\":\"off\","
	    "\"first\":true}");
	add_to(v, 23, 112, "exports.change", "h1", NULL, "{\"service\":\"api\",\"export\":\"on\","
	    "\"first\":true}");
	add_to(v, 24, 125, "action.intent", "h1", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	add_to(v, 25, 125, "action.end", "h1", "rb-1", "{\"outcome\":\"ok\",\"detail\":\"ok\"}");
	add_to(v, 26, 125, "health.change", "h1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"was_tag\":\"v1.5.0-bad\"}");
	verdict(v, 27, 132, "h1", "OK");
	add_to(v, 28, 153, "action.intent", "h4", "rb-2", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	add_to(v, 29, 154, "action.end", "h4", "rb-2", "{\"outcome\":\"ok\",\"detail\":\"ok\"}");
	add_to(v, 30, 154, "health.change", "h4", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"was_tag\":\"v1.5.0-bad\"}");
	verdict(v, 31, 162, "h4", "OK");
	verdict(v, 32, 200, "h7", "OK");
	verdict(v, 33, 210, "h7", "CONSIDER ROLLBACK");
	verdict(v, 34, 334, "h7", "OK");
	add_to(v, 35, 410, "action.intent", "h1", "rc-1", "{\"action\":\"runbook.command\","
	    "\"plan\":{\"steps\":[{\"name\":\"run\",\"cmd\":\"cd '/srv/app' || exit 1\\n"
	    "curl -fsS \\\"http://127.0.0.1:17001/readyz\\\"\"}],\"origin\":\"rollback.md line "
	    "27: Check health:\"}}");
	add_to(v, 36, 410, "action.end", "h1", "rc-1", "{\"outcome\":\"ok\",\"detail\":\"ok\"}");
	add_to(v, 37, 424, "action.confirmed", "h4", "ks-2", "{\"action\":\"compose.killswitch\","
	    "\"service\":\"api\",\"from\":\"EXPORT_MODE=off\",\"to\":\"EXPORT_MODE=on\"}");
	add_to(v, 38, 427, "action.refused", "h4", "ks-2", "{\"action\":\"compose.killswitch\","
	    "\"service\":\"api\",\"reason\":\"could not re-read h4 before running: connection "
	    "lost: transport read; nothing ran\",\"confirmed\":true}");
	add_to(v, 39, 447, "action.confirmed", "h4", "ks-3", "{\"action\":\"compose.killswitch\","
	    "\"service\":\"api\",\"from\":\"EXPORT_MODE=off\",\"to\":\"EXPORT_MODE=on\"}");
	add_to(v, 40, 447, "action.intent", "h4", "ks-3", "{\"action\":\"compose.killswitch\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"EXPORT_MODE=off\",\"to\":\"EXPORT_MODE=on\"}}");
	add_to(v, 41, 447, "action.end", "h4", "ks-3", "{\"outcome\":\"ok\",\"detail\":\"on\"}");
	add_to(v, 42, 447, "exports.change", "h4", NULL, "{\"service\":\"api\",\"export\":\"on\","
	    "\"was\":\"off\"}");
	add_to(v, 43, 500, "incident.resolve", NULL, NULL, "{}");
}

static void
pm2_free(struct record *v, size_t n)
{
	records_free(v, n);
}

/* The followups[] entry of what (and host), or NULL. */
static const cJSON *
followup_of(const cJSON *doc, const char *what, const char *host)
{
	const cJSON *x;

	cJSON_ArrayForEach(x, cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"),
	    "followups"))
		if (strcmp(jstr(x, "what"), what) == 0 && (host == NULL ||
		    strcmp(jstr(x, "host"), host) == 0))
			return x;
	return NULL;
}

/* X turning h4's exports back on, refused once, is no
 * containment gap (it would send someone to turn a healthy host's
 * exports off again); the Actions row of that refused try says what it
 * was to change. */
static void
a_refused_restore_is_no_containment_follow_up(void **state)
{
	struct record v[NPM2] = { 0 };
	const cJSON *acts, *x;
	char *md, *js;
	cJSON *doc;

	(void)state;
	pm2_journal(v);
	md = render_n(EXPORT_MD, v, NPM2);
	assert_null(strstr(md, "kill switch not applied"));
	assert_non_null(strstr(md, "| \xe2\x80\x94 | kill switch (docker compose up -d) | h4 | alice@ws | "
	    "api EXPORT\\_MODE "
	    "off \xe2\x86\x92 on | 2024-05-01 12:07:07 | \xe2\x80\x94 | cancelled | could not re-read h4 "
	    "before running: connection lost: transport read; nothing ran |\n"));
	free(md);
	/* Before the retry that went through: no gap either. */
	md = render_n(EXPORT_MD, v, 39);
	assert_null(strstr(md, "kill switch not applied"));
	free(md);
	js = render_n(EXPORT_JSON, v, NPM2);
	doc = cJSON_Parse(js);
	assert_null(followup_of(doc, "killswitch_not_applied", NULL));
	acts = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "actions");
	x = NULL;
	cJSON_ArrayForEach(x, acts)
		if (strcmp(jstr(x, "outcome"), "refused") == 0)
			break;
	assert_non_null(x);
	assert_string_equal(jstr(x, "change"), "api EXPORT_MODE off \xe2\x86\x92 on");
	cJSON_Delete(doc);
	free(js);
	pm2_free(v, NPM2);
}

/* h7's own fault (spared: OK there under v1.4.1 first)
 * flapped on after the release's hosts were back. The recovery is the
 * last host the release made bad back at OK (h4), and the impact ends
 * there; h7's later turns neither end nor extend it. Still bad at the
 * journal's end, h7 is said apart, not hidden behind "recovered". */
static void
recovery_comes_from_the_hosts_the_release_made_bad(void **state)
{
	struct record v[NPM2] = { 0 };
	const cJSON *inc, *times, *x;
	char *md, *js;
	cJSON *doc;

	(void)state;
	pm2_journal(v);
	md = render_n(EXPORT_MD, v, NPM2);
	assert_non_null(strstr(md, "- Detected 2024-05-01 12:00:35; recovered 2024-05-01 12:02:42, "
	    "when the last host that was bad (h4) was back at OK.\n"));
	assert_non_null(strstr(md, "| Recovery | 2024-05-01 12:02:42 | 2m 07s |\n"));
	assert_non_null(strstr(md, "**Impact duration:** 2m 10s (bad release deployed to "
	    "recovery)"));
	assert_null(strstr(md, "still bad at the journal's end"));
	free(md);
	js = render_n(EXPORT_JSON, v, NPM2);
	doc = cJSON_Parse(js);
	inc = cJSON_GetObjectItem(doc, "incident");
	times = cJSON_GetObjectItem(inc, "times");
	assert_string_equal(jstr(times, "recovery"), "2024-05-01T12:02:42.000Z");
	assert_int_equal(cJSON_GetObjectItem(times, "impact_s")->valueint, 130);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(inc, "still_bad_not_charged")), 0);
	cJSON_Delete(doc);
	free(js);
	/* The journal ends with h7 bad again: recovered all the same, and
	 * h7 named apart. */
	md = render_n(EXPORT_MD, v, 34);
	assert_non_null(strstr(md, "recovered 2024-05-01 12:02:42, when the last host that was bad "
	    "(h4) was back at OK.\n- Still bad at the journal's end (2024-05-01 12:03:30), not "
	    "charged to a release (its own fault: judged OK under what it ran before): h7 "
	    "(CONSIDER ROLLBACK).\n"));
	assert_null(strstr(md, "not recovered"));
	free(md);
	js = render_n(EXPORT_JSON, v, 34);
	doc = cJSON_Parse(js);
	inc = cJSON_GetObjectItem(doc, "incident");
	assert_string_equal(jstr(cJSON_GetObjectItem(inc, "times"), "recovery"),
	    "2024-05-01T12:02:42.000Z");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(inc, "still_bad")), 0);
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "still_bad_not_charged"), 0);
	assert_non_null(x);
	assert_string_equal(jstr(x, "host"), "h7");
	assert_string_equal(jstr(x, "verdict"), "CONSIDER ROLLBACK");
	cJSON_Delete(doc);
	free(js);
	pm2_free(v, NPM2);
}

/* h4 got v1.5.0-bad 15 s after h1, from the same rollout
 * outside the console, before anyone acted: "also deployed", not "again".
 * Again is for a host the release had gone from (h1, after its
 * rollback). */
static void
a_second_host_of_the_same_rollout_is_no_redeploy(void **state)
{
	struct record v[NPM2] = { 0 };
	char *md;
	size_t i;

	(void)state;
	pm2_journal(v);
	md = render_n(EXPORT_MD, v, NPM2);
	assert_non_null(strstr(md, "- v1.5.0-bad was also deployed during the incident, outside "
	    "this console: on h4 at 2024-05-01 12:00:47.\n"));
	assert_non_null(strstr(md, "| v1.5.0-bad also deployed: h4 12:00:47 (outside this "
	    "console) | 2024-05-01 12:00:47 | 12s |\n"));
	assert_null(strstr(md, "again"));
	free(md);
	/* h1's api brought back to it after its rollback: again, on h1. */
	for (i = 32; i < NPM2; i++)
		record_free(&v[i]);
	memset(&v[32], 0, (NPM2 - 32) * sizeof(v[0]));
	add_to(v, 32, 181, "health.change", "h1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true,"
	    "\"deployed_ms\":1714564980000,\"deployed_from\":\"compose ps: container created\"}");
	md = render_n(EXPORT_MD, v, 33);
	assert_non_null(strstr(md, "- v1.5.0-bad was also deployed during the incident, outside "
	    "this console: on h4 at 2024-05-01 12:00:47.\n- v1.5.0-bad was deployed again during "
	    "the incident, outside this console: on h1 at 2024-05-01 12:03:00.\n"));
	assert_non_null(strstr(md, "| v1.5.0-bad deployed again: h1 12:03:00 (outside this "
	    "console) | 2024-05-01 12:03:00 |"));
	free(md);
	pm2_free(v, 33);
}

/* api's and jobs' tag changes on h1 tell the same deploy
 * time; the key time points at the first of them (api, seq 11), not at
 * jobs' row after it. */
static void
the_bad_deploy_points_at_its_first_record(void **state)
{
	struct record v[NPM2] = { 0 };
	char *md;

	(void)state;
	pm2_journal(v);
	md = render_n(EXPORT_MD, v, NPM2);
	assert_non_null(strstr(md, "| Bad release deployed (v1.5.0-bad on h1, per compose ps: "
	    "container created; deployed outside this console (tag change seen at seq 11)) | "
	    "2024-05-01 12:00:32 | -3s |\n"));
	free(md);
	pm2_free(v, NPM2);
}

/* "h1: still exports" said no reason. h1 never had a
 * kill switch; its exports matter because jobs there still runs the bad
 * release (api was rolled back). The line says so, and JSON names it. */
static void
still_exports_says_which_service_runs_the_bad_release(void **state)
{
	struct record v[NPM2] = { 0 };
	const cJSON *x, *rb;
	char *md, *js;
	cJSON *doc;

	(void)state;
	pm2_journal(v);
	md = render_n(EXPORT_MD, v, NPM2);
	assert_non_null(strstr(md, "\n**Containment**\n\n"));
	assert_non_null(strstr(md, "\n- h1: still exports (last answered: "
	    "exports on) while jobs runs v1.5.0-bad there, judged bad in this incident\n"));
	/* h4's exports were turned back on by choice: named, with why. */
	assert_non_null(strstr(md, "\n- h4: exports on (not judged a leak: turned back on by a "
	    "kill switch at 2024-05-01 12:07:27)\n"));
	free(md);
	js = render_n(EXPORT_JSON, v, NPM2);
	doc = cJSON_Parse(js);
	assert_non_null(x = followup_of(doc, "still_exports", "h1"));
	rb = cJSON_GetObjectItem(x, "runs_bad");
	assert_int_equal(cJSON_GetArraySize(rb), 1);
	assert_string_equal(jstr(cJSON_GetArrayItem(rb, 0), "service"), "jobs");
	assert_string_equal(jstr(cJSON_GetArrayItem(rb, 0), "tag"), "v1.5.0-bad");
	cJSON_Delete(doc);
	free(js);
	pm2_free(v, NPM2);
}

/* a command holding double quotes was quoted in double
 * quotes (ran "curl -fsS "http://…/readyz""): it is set off in backticks,
 * or in double quotes when it holds a backtick itself. */
static void
a_command_in_the_change_cell_is_not_nested_in_quotes(void **state)
{
	struct record v[NPM2] = { 0 };
	char *md;

	(void)state;
	pm2_journal(v);
	md = render_n(EXPORT_MD, v, NPM2);
	assert_non_null(strstr(md, "| rc-1 | runbook command | h1 | alice@ws | ran \\`curl -fsS "
	    "\"http://127.0.0.1:17001/readyz\"\\` from rollback.md line 27: Check health: | "));
	free(md);
	record_free(&v[35]);
	memset(&v[35], 0, sizeof(v[35]));
	add_to(v, 35, 410, "action.intent", "h1", "rc-1", "{\"action\":\"runbook.command\","
	    "\"plan\":{\"steps\":[{\"name\":\"run\",\"cmd\":\"echo `date`\"}],\"origin\":"
	    "\"ops.md line 3: Date\"}}");
	md = render_n(EXPORT_JSON, v, NPM2);
	assert_non_null(strstr(md, "\"change\":\"ran \\\"echo `date`\\\" from ops.md line 3: "
	    "Date\""));
	free(md);
	pm2_free(v, NPM2);
}

/* every status post showed twice in the Timeline, as its
 * statuspage.queue and its statuspage.post. One that went through is one
 * row, its queue's, saying when it was posted; the JSON keeps both. */
static void
a_status_post_that_went_through_is_one_timeline_row(void **state)
{
	struct record v[NPM2] = { 0 };
	const cJSON *x;
	char *md, *js;
	cJSON *doc;
	int posts = 0;

	(void)state;
	pm2_journal(v);
	md = render_n(EXPORT_MD, v, NPM2);
	assert_non_null(strstr(md, "| 16 | 2024-05-01 12:01:40 | alice@ws | statuspage.queue |  | "
	    "queued: create investigating — qa — Investigating errors in api — posted "
	    "2024-05-01 12:01:40 |\n"));
	assert_null(strstr(md, "| statuspage.post |"));
	free(md);
	/* Not through yet: the queue row alone, as queued. */
	md = render_n(EXPORT_MD, v, 17);
	assert_non_null(strstr(md, "| statuspage.queue |  | queued: create investigating — qa — "
	    "Investigating errors in api |\n"));
	free(md);
	js = render_n(EXPORT_JSON, v, NPM2);
	doc = cJSON_Parse(js);
	cJSON_ArrayForEach(x, cJSON_GetObjectItem(doc, "records"))
		posts += strcmp(jstr(x, "kind"), "statuspage.post") == 0;
	assert_int_equal(posts, 1);
	cJSON_Delete(doc);
	free(js);
	pm2_free(v, NPM2);
}

/* The Time column of each Key times row, in the order shown ("—" for a
 * row with no time); returns how many. */
static size_t
key_times_of(const char *md, char times[][24], size_t cap)
{
	const char *p = strstr(md, "## Key times\n"), *end, *c;
	size_t n = 0;

	assert_non_null(p);
	end = strstr(p, "\n\n**Impact");
	assert_non_null(end);
	p = strstr(p, "|---|---|---|\n");
	assert_non_null(p);
	for (p += strlen("|---|---|---|\n"); p < end && n < cap; p = strchr(p, '\n') + 1) {
		const char *eol = strchr(p, '\n');

		/* The Time cell: between the last two " |" of the row. */
		for (c = eol - 2; c > p && !(c[0] == '|' && c[-1] == ' '); c--)
			;
		for (c = c - 2; c > p && !(c[0] == '|' && c[-1] == ' '); c--)
			;
		snprintf(times[n], 24, "%.*s", (int)(strchr(c + 2, '|') - (c + 2) - 1), c + 2);
		n++;
	}
	return n;
}

/* the key times read in time order (a redeploy after
 * the first response came before it); rows with no time go last. */
static void
key_times_are_in_time_order(void **state)
{
	struct record v[NINC] = { 0 };
	char times[32][24];
	size_t n, i;
	char *md;

	(void)state;
	qa_journal(v);
	md = render_n(EXPORT_MD, v, NINC);
	n = key_times_of(md, times, 32);
	assert_true(n >= 6);
	for (i = 1; i < n; i++) {
		if (strcmp(times[i], "—") == 0)
			continue;
		assert_string_not_equal(times[i - 1], "—");
		if (strcmp(times[i - 1], times[i]) > 0)
			fail_msg("key time %zu (%s) before %zu (%s)\n%s", i - 1, times[i - 1], i,
			    times[i], strstr(md, "## Key times"));
	}
	free(md);
	records_free(v, NINC);
}

/* The bad release deployed on other hosts during the incident, outside
 * this console: in the Summary and as a key time; the first deploy's row
 * as it was. Before any rollback from it, helm-bastion is one more host
 * of the same rollout ("also"); k8s-bastion, after api-1 was rolled back
 * off it, a deploy again. */
static void
the_bad_release_deployed_again_is_said(void **state)
{
	struct record v[NINC] = { 0 };
	char *md;

	(void)state;
	qa_journal(v);
	md = render_n(EXPORT_MD, v, NINC);
	assert_non_null(strstr(md, "- v1.5.0-bad was also deployed during the incident, outside "
	    "this console: on helm-bastion at 2024-05-01 12:00:29.\n- v1.5.0-bad was deployed "
	    "again during the incident, outside this console: on k8s-bastion at 2024-05-01 "
	    "12:02:10.\n"));
	assert_non_null(strstr(md, "| Bad release deployed (v1.5.0-bad on api-1, per compose ps: "
	    "its container created"));
	assert_non_null(strstr(md, ") | 2024-05-01 11:50:00 | -10m 05s |\n"));
	assert_non_null(strstr(md, "| v1.5.0-bad also deployed: helm-bastion 12:00:29 (outside "
	    "this console) | 2024-05-01 12:00:29 | 24s |\n"));
	assert_non_null(strstr(md, "| v1.5.0-bad deployed again: k8s-bastion 12:02:10 (outside "
	    "this console) | 2024-05-01 12:02:10 | 2m 05s |\n"));
	/* Nor is a deploy of it a rollback the console saw. */
	assert_non_null(strstr(md, "| Rollback start (built-in rollback on api-1, rb-1) | "
	    "2024-05-01 12:01:00 |"));
	free(md);
	/* Before the first of them: nothing said. */
	md = render_n(EXPORT_MD, v, 6);
	assert_null(strstr(md, "deployed again"));
	free(md);
	records_free(v, NINC);
}

/* A post taken over from a console that was gone reads as words, not
 * JSON: in its timeline row (its status from the queue record, for an
 * older record without it; TIMELINE's own from the record) and in the
 * status-page part, which names who took it over. */
static void
a_status_page_takeover_is_said_in_words(void **state)
{
	struct record v[5] = { 0 };
	const cJSON *x;
	cJSON *doc;
	char *md;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"sp\"}");
	add_to(v, 1, 10, "statuspage.queue", NULL, "sp-2-aaaa", "{\"queue\":\"sp-2-aaaa\","
	    "\"kind\":\"atlassian\",\"update\":{\"action\":\"create\",\"status\":"
	    "\"investigating\",\"name\":\"api down\",\"body\":\"Looking\",\"impact\":\"\","
	    "\"components\":[],\"our_id\":\"x\",\"page_id\":\"\"}}");
	add_to(v, 2, 25, "incident.resume", NULL, NULL, "{\"ended_without_shutdown\":1}");
	add_to(v, 3, 30, "statuspage.takeover", NULL, "sp-2-aaaa", "{\"queue\":\"sp-2-aaaa\","
	    "\"from_session\":1,\"from_actor\":\"alice@ws\"}");
	add_to(v, 4, 31, "statuspage.post", NULL, "sp-2-aaaa", "{\"queue\":\"sp-2-aaaa\","
	    "\"action\":\"create\",\"page_incident\":\"p1\",\"status\":\"investigating\"}");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "| statuspage.takeover |  | status page: bob@laptop took over "
	    "alice@ws's pending investigating post (that console no longer ran) |"));
	assert_null(strstr(md, "from\\_session"));
	assert_non_null(strstr(md, " — posted 2024-05-01 12:00:31; taken over by bob@laptop from "
	    "alice@ws at 2024-05-01 12:00:30 (that console no longer ran)\n"));
	free(md);
	md = render_n(EXPORT_JSON, v, 5);
	doc = cJSON_Parse(md);
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"),
	    "statuspage"), 0);
	assert_string_equal(jstr(x, "taken_over_by"), "bob@laptop");
	assert_string_equal(jstr(x, "taken_over_from"), "alice@ws");
	cJSON_Delete(doc);
	free(md);
	md = details_of("statuspage.takeover", "{\"queue\":\"sp-2-aaaa\",\"from_session\":1,"
	    "\"from_actor\":\"alice (root@vm)\",\"status\":\"monitoring\"}");
	assert_string_equal(md, "status page: this console took over alice (root@vm)'s pending "
	    "monitoring post (that console no longer ran)");
	free(md);
	records_free(v, 5);
}

/* helm-bastion leaving the bad release for 1.6.0, judged bad only
 * after: no "deployed again" of either for it; 1.6.0 named as another
 * release judged bad, with its judgement. */
static void
a_release_judged_bad_later_is_not_deployed_again(void **state)
{
	struct record v[NINC] = { 0 };
	char *md;
	int i;

	(void)state;
	qa_journal(v);
	for (i = 7; i < NINC; i++)
		record_free(&v[i]);
	memset(&v[7], 0, (NINC - 7) * sizeof(v[0]));
	add_to(v, 7, 60, "health.change", "helm-bastion", NULL, "{\"service\":\"api\","
	    "\"tag\":\"1.6.0\",\"was_tag\":\"1.5.0-bad\",\"outside\":true}");
	verdict(v, 8, 90, "helm-bastion", "CONSIDER ROLLBACK");
	md = render_n(EXPORT_MD, v, 9);
	assert_non_null(strstr(md, "- v1.5.0-bad was also deployed during the incident, outside "
	    "this console: on helm-bastion at 2024-05-01 12:00:29.\n"));
	assert_non_null(strstr(md, "- another release judged bad: 1.6.0 deployed on helm-bastion "
	    "at 2024-05-01 12:01:00, outside this console, judged CONSIDER ROLLBACK at "
	    "2024-05-01 12:01:30.\n"));
	assert_non_null(strstr(md, "| v1.5.0-bad also deployed: helm-bastion 12:00:29 "
	    "(outside this console) |"));
	assert_non_null(strstr(md, "| 1.6.0 deployed, judged bad later: helm-bastion 12:01:00 "
	    "(outside this console) |"));
	assert_null(strstr(md, "1.6.0 deployed again"));
	free(md);
	records_free(v, 9);
}

/* another release deployed outside on a compose host moves
 * both its services (two records), then a verdict and a rollback judge
 * it. One Summary line and one key time, with its first judgement, not
 * one per service ("judged bad by a rollback from it" for api and
 * "judged ROLLBACK IMMEDIATELY" for jobs); a second host on it is named
 * in the same line. */
static void
another_release_judged_bad_is_said_once(void **state)
{
	struct record v[NINC + 6] = { 0 };
	const char *p;
	char *md;
	int i;

	(void)state;
	qa_journal(v);
	add_to(v, NINC, 220, "health.change", "h16", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.6.0-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true}");
	add_to(v, NINC + 1, 220, "health.change", "h16", NULL, "{\"service\":\"jobs\","
	    "\"tag\":\"v1.6.0-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true}");
	add_to(v, NINC + 2, 230, "health.change", "h17", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.6.0-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true}");
	verdict(v, NINC + 3, 240, "h16", "ROLLBACK IMMEDIATELY");
	add_to(v, NINC + 4, 250, "action.intent", "h16", "rb-4", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.6.0-bad\",\"to\":\"v1.4.1\"}}");
	add_to(v, NINC + 5, 260, "action.end", "h16", "rb-4", "{\"outcome\":\"ok\"}");
	md = render_n(EXPORT_MD, v, NINC + 6);
	p = strstr(md, "- another release judged bad: v1.6.0-bad deployed on h16 at 2024-05-01 "
	    "12:03:40, on h17 at 2024-05-01 12:03:50, outside this console, judged ROLLBACK "
	    "IMMEDIATELY on h16 at 2024-05-01 12:04:00.\n");
	assert_non_null(p);
	assert_null(strstr(p + 3, "another release judged bad"));
	p = strstr(md, "| v1.6.0-bad deployed, judged bad later: h16 12:03:40, h17 12:03:50 "
	    "(outside this console) |");
	assert_non_null(p);
	assert_null(strstr(p + 3, "v1.6.0-bad deployed, judged bad later"));
	free(md);
	for (i = 0; i < NINC + 6; i++)
		record_free(&v[i]);
}

/* v1.5.0-bad set on h16 (judged ROLLBACK IMMEDIATELY, rolled
 * back), then v1.8.0-bad on h1, h4 and h19. The Summary said only
 * "another release judged bad: v1.8.0-bad …", "another" following
 * nothing: it names the release the Key times call the bad one first,
 * plainly, then the other as another. */
static void
the_summary_names_the_main_bad_release_first(void **state)
{
	static const char *const later[] = { "h1", "h4", "h19" };
	struct record v[20] = { 0 };
	const char *p, *q;
	size_t n = 0, i;
	char json[256];
	char *md;

	(void)state;
	add_to(v, n++, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, n++, 1, "health.change", "h16", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"first\":true}");
	for (i = 0; i < 3; i++) {
		add_to(v, n++, 1, "health.change", later[i], NULL, "{\"service\":\"api\","
		    "\"tag\":\"v1.4.1\",\"first\":true}");
	}
	verdict(v, n++, 5, "h16", "OK");
	add_to(v, n++, 100, "health.change", "h16", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true,"
	    "\"deployed_ms\":1714564899000,\"deployed_from\":\"compose ps: container created\"}");
	verdict(v, n++, 102, "h16", "ROLLBACK IMMEDIATELY");
	add_to(v, n++, 120, "action.intent", "h16", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	add_to(v, n++, 131, "action.end", "h16", "rb-1", "{\"outcome\":\"ok\"}");
	add_to(v, n++, 132, "health.change", "h16", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"was_tag\":\"v1.5.0-bad\"}");
	for (i = 0; i < 3; i++) {
		snprintf(json, sizeof(json), "{\"service\":\"api\",\"tag\":\"v1.8.0-bad\","
		    "\"was_tag\":\"v1.4.1\",\"outside\":true,\"deployed_ms\":%lld}",
		    1714564800000LL + 145000 + (long long)i * 1000);
		add_to(v, n++, 146 + (int64_t)i, "health.change", later[i], NULL, json);
	}
	verdict(v, n++, 150, "h1", "ROLLBACK IMMEDIATELY");
	md = render_n(EXPORT_MD, v, n);
	p = strstr(md, "- release judged bad: v1.5.0-bad deployed on h16 at 2024-05-01 12:01:39 "
	    "(per compose ps: container created), outside this console, judged ROLLBACK "
	    "IMMEDIATELY at 2024-05-01 12:01:42.\n");
	q = strstr(md, "- another release judged bad: v1.8.0-bad deployed on h1 at 2024-05-01 "
	    "12:02:25, on h4 at 2024-05-01 12:02:26, on h19 at 2024-05-01 12:02:27, outside this "
	    "console, judged ROLLBACK IMMEDIATELY on h1 at 2024-05-01 12:02:30.\n");
	assert_non_null(p);
	assert_non_null(q);
	assert_true(p < q);
	assert_true(q < strstr(md, "## Key times"));
	/* The Key times name the same release. */
	assert_non_null(strstr(md, "| Bad release deployed (v1.5.0-bad on h16, per compose ps: "
	    "container created;"));
	free(md);
	records_free(v, n);
}

/* A second release judged bad that no tag change brought (api-2 ran
 * v1.6.0-bad from its first reading, its deploy time not told) is named
 * as another, on the host it was judged on; one a rollback alone judged,
 * with no release named before it, is said plainly. */
static void
every_release_judged_bad_is_in_the_summary(void **state)
{
	struct record v[6] = { 0 };
	char *md;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 1, "health.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"first\":true,\"deployed_ms\":1714564790000,"
	    "\"deployed_from\":\"compose ps: its container created\"}");
	add_to(v, 2, 1, "health.change", "api-2", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.6.0-bad\",\"first\":true}");
	verdict(v, 3, 5, "api-1", "ROLLBACK IMMEDIATELY");
	verdict(v, 4, 6, "api-2", "CONSIDER ROLLBACK");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "- release judged bad: v1.5.0-bad deployed on api-1 at "
	    "2024-05-01 11:59:50 (per compose ps: its container created), already running at this "
	    "console's first reading, judged ROLLBACK IMMEDIATELY at 2024-05-01 12:00:05.\n"
	    "- another release judged bad: v1.6.0-bad on api-2, judged CONSIDER ROLLBACK at "
	    "2024-05-01 12:00:06.\n"));
	free(md);
	records_free(v, 5);

	memset(v, 0, sizeof(v));
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	verdict(v, 1, 5, "api-1", "ROLLBACK IMMEDIATELY");
	add_to(v, 2, 10, "action.intent", "api-1", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v2-bad\",\"to\":\"v1\"}}");
	add_to(v, 3, 20, "action.end", "api-1", "rb-1", "{\"outcome\":\"ok\"}");
	md = render_n(EXPORT_MD, v, 4);
	assert_non_null(strstr(md, "- release judged bad: v2-bad on api-1, judged bad by a rollback "
	    "from it at 2024-05-01 12:00:10.\n"));
	assert_null(strstr(md, "another release"));
	free(md);
	records_free(v, 4);
}

/* h13 under an http-500 fault moved between CONSIDER ROLLBACK
 * and MONITOR 23 times. The Markdown timeline says it in one row, where
 * the moves begin (the move into the pair before it a row of its own,
 * other hosts' records between them rows too); the JSON keeps every
 * record. */
static void
a_flapping_host_is_one_timeline_row(void **state)
{
	struct record v[30] = { 0 };
	size_t n = 0, i;
	const char *p;
	cJSON *doc;
	char *md;

	(void)state;
	add_to(v, n++, 0, "incident.open", NULL, NULL, "{\"name\":\"flap\"}");
	verdict(v, n++, 10, "h13", "MONITOR");
	for (i = 1; i <= 23; i++) {
		verdict(v, n++, 10 + (int64_t)i * 20, "h13", i % 2 ? "CONSIDER ROLLBACK" : "MONITOR");
		if (i == 4)
			verdict(v, n++, 95, "h2", "MONITOR");
	}
	md = render_n(EXPORT_MD, v, n);
	assert_non_null(strstr(md, "| 2 | 2024-05-01 12:00:10 | alice@ws | verdict.change | h13 | "
	    "MONITOR — r |\n"));
	/* Record 4 is bob's (add_to): two consoles wrote the moves. */
	p = strstr(md, "| 3–26 | 2024-05-01 12:00:30 | alice@ws and others | verdict.change | h13 | "
	    "verdict changed 23 times between MONITOR and CONSIDER ROLLBACK, 12:00:30–12:07:50; "
	    "worst CONSIDER ROLLBACK; last CONSIDER ROLLBACK at 12:07:50 — r |\n| 7 | 2024-05-01 "
	    "12:01:35 | alice@ws | verdict.change | h2 | MONITOR — r |\n");
	assert_non_null(p);
	assert_null(strstr(md, "| 4 |"));
	assert_null(strstr(md, "| 26 |"));
	free(md);
	md = render_n(EXPORT_JSON, v, n);
	doc = cJSON_Parse(md);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "records")), (int)n);
	cJSON_Delete(doc);
	free(md);
	records_free(v, n);
}

/* h13's http-500 switched on and off every 30 s walked its
 * verdict OK -> MONITOR -> CONSIDER ROLLBACK -> OK and flipped its
 * probes: the turns up to its worst level are rows, then one row for
 * the verdict's moves among the three levels (the worst and the last
 * named) and one for the health changes, each where its records begin;
 * the JSON keeps every record. */
static void
a_host_flapping_over_three_levels_folds_after_its_escalation(void **state)
{
	static const char *const walk[] = { "MONITOR", "CONSIDER ROLLBACK", "OK" };
	struct record v[40] = { 0 };
	size_t n = 0, i;
	cJSON *doc;
	char *md;

	(void)state;
	add_to(v, n++, 0, "incident.open", NULL, NULL, "{\"name\":\"flap\"}");
	verdict(v, n++, 5, "h13", "OK");
	for (i = 0; i < 12; i++) {
		int64_t t = 10 + (int64_t)i * 22;

		add_to(v, n++, t, "health.change", "h13", NULL, i % 3 == 2 ?
		    "{\"service\":\"api\",\"tag\":\"v1.4.1\",\"was_tag\":\"v1.4.1\","
		    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"was_healthz\":\"FAIL\","
		    "\"was_readyz\":\"FAIL\"}" : i % 3 == 0 ?
		    "{\"service\":\"api\",\"tag\":\"v1.4.1\",\"was_tag\":\"v1.4.1\","
		    "\"healthz\":\"OK\",\"readyz\":\"FAIL\",\"was_healthz\":\"OK\","
		    "\"was_readyz\":\"OK\"}" :
		    "{\"service\":\"api\",\"tag\":\"v1.4.1\",\"was_tag\":\"v1.4.1\","
		    "\"healthz\":\"FAIL\",\"readyz\":\"FAIL\",\"was_healthz\":\"OK\","
		    "\"was_readyz\":\"FAIL\"}");
		verdict(v, n++, t + 2, "h13", walk[i % 3]);
	}
	md = render_n(EXPORT_MD, v, n);
	/* Record 4 is bob's (add_to). Its MONITOR and the CONSIDER ROLLBACK
	 * after it, worse than all before: rows (the escalation is read);
	 * the flapping after them one row. */
	assert_non_null(strstr(md, "| 2 | 2024-05-01 12:00:05 | alice@ws | verdict.change | h13 | "
	    "OK — r |\n| 3–25 | 2024-05-01 12:00:10 | alice@ws | health.change | h13 | "
	    "api — health changed 12 times, 12:00:10–12:04:12: healthz between OK and FAIL, "
	    "readyz between OK and FAIL; last healthz OK, readyz OK |\n| 4 | 2024-05-01 "
	    "12:00:12 | bob@laptop | verdict.change | h13 | MONITOR — r |\n| 6 | 2024-05-01 "
	    "12:00:34 | alice@ws | verdict.change | h13 | CONSIDER ROLLBACK — r |\n| 8–26 | "
	    "2024-05-01 12:00:56 | alice@ws | verdict.change | h13 | verdict changed 10 times "
	    "between OK, MONITOR and CONSIDER ROLLBACK, 12:00:56–12:04:14; worst CONSIDER "
	    "ROLLBACK; last OK at 12:04:14 — r |\n"));
	for (i = 5; i <= 26; i++) {
		char row[16];

		if (i == 6 || i == 8)
			continue;
		snprintf(row, sizeof(row), "\n| %zu |", i);
		assert_null(strstr(md, row));
	}
	free(md);
	md = render_n(EXPORT_JSON, v, n);
	doc = cJSON_Parse(md);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "records")), (int)n);
	cJSON_Delete(doc);
	free(md);
	records_free(v, n);
}

/* h7's api flipped, the last flip to FAIL; the console was
 * killed (no shutdown) and reopened 75 s later, its first reading OK. One
 * row ran across the resume, "03:12:28–03:18:15 … last healthz OK": the
 * row ends before the resume, saying the FAIL the console died on, and
 * the new console's reading is a row of its own after it. */
static void
a_flapping_row_ends_at_a_kill_and_reopen(void **state)
{
	struct record v[16] = { 0 };
	size_t n = 0, i;
	char *md;

	(void)state;
	add_to(v, n++, 0, "incident.open", NULL, NULL, "{\"name\":\"flap\"}");
	add_to(v, n++, 2, "health.change", "h7", NULL, "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"first\":true}");
	for (i = 0; i < 7; i++)
		add_to(v, n++, 10 + (int64_t)i * 10, "health.change", "h7", NULL, i % 2 ?
		    "{\"service\":\"api\",\"tag\":\"v1.4.1\",\"was_tag\":\"v1.4.1\","
		    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"was_healthz\":\"FAIL\","
		    "\"was_readyz\":\"OK\"}" :
		    "{\"service\":\"api\",\"tag\":\"v1.4.1\",\"was_tag\":\"v1.4.1\","
		    "\"healthz\":\"FAIL\",\"readyz\":\"OK\",\"was_healthz\":\"OK\","
		    "\"was_readyz\":\"OK\"}");
	add_to(v, n++, 145, "incident.resume", NULL, NULL, "{\"id\":\"flap-1a2b3c\","
	    "\"unwatched_from\":\"2024-05-01T12:01:10.000Z\",\"ended_without_shutdown\":1,"
	    "\"last_record_ts\":\"2024-05-01T12:01:10.000Z\"}");
	add_to(v, n++, 146, "health.change", "h7", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"was_tag\":\"v1.4.1\",\"healthz\":\"OK\",\"readyz\":\"OK\","
	    "\"was_healthz\":\"FAIL\",\"was_readyz\":\"OK\"}");
	md = render_n(EXPORT_MD, v, n);
	assert_non_null(strstr(md, "| 3–9 | 2024-05-01 12:00:10 | alice@ws and others | "
	    "health.change | h7 | api — health changed 7 times, 12:00:10–12:01:10: healthz "
	    "between OK and FAIL, readyz OK; last healthz FAIL, readyz OK |\n| 10 | 2024-05-01 "
	    "12:02:25 | alice@ws | incident.resume |  | nothing recorded for 1m 15s"));
	assert_non_null(strstr(md, "|\n| 11 | 2024-05-01 12:02:26 | alice@ws | health.change | "
	    "h7 | api: healthz FAIL -\\> OK |\n"));
	free(md);
	records_free(v, n);
}

/* 32 first readings opened the timeline. Close together they
 * are one row: how many hosts (and services), whether all were healthy
 * or which were not (and how), and the tags, the most common counted and
 * any other naming its hosts, where a bad release would show. */
static void
first_readings_are_one_timeline_row(void **state)
{
	struct record v[8] = { 0 };
	cJSON *doc;
	char *md;
	size_t i;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"fleet\"}");
	add_to(v, 1, 1, "health.change", "h1", NULL, "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"first\":true}");
	add_to(v, 2, 1, "health.change", "h1", NULL, "{\"service\":\"jobs\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"first\":true}");
	add_to(v, 3, 2, "health.change", "h2", NULL, "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"FAIL\",\"first\":true}");
	add_to(v, 4, 3, "health.change", "h16", NULL, "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"first\":true}");
	/* A Helm host: its tag spelled without the v, no probe. */
	add_to(v, 5, 3, "health.change", "h3", NULL, "{\"service\":\"api\",\"tag\":\"1.4.1\","
	    "\"first\":true}");
	verdict(v, 6, 9, "h1", "OK");
	add_to(v, 7, 10, "health.change", "h4", NULL, "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"first\":true}");
	md = render_n(EXPORT_MD, v, 8);
	assert_non_null(strstr(md, "| 2–8 | 2024-05-01 12:00:01 | alice@ws and others | "
	    "health.change | 5 hosts | first readings on 5 hosts (6 services), 12:00:01–12:00:10: "
	    "healthy except h2/api (readyz FAIL); not probed: h3/api; v1.4.1 on 4 hosts, "
	    "v1.5.0-bad on h16 |\n"
	    "| 7 | 2024-05-01 12:00:09 | alice@ws | verdict.change | h1 | OK — r |\n"));
	assert_null(strstr(md, "(first reading)"));
	free(md);
	/* Healthy where probed, one release. */
	for (i = 3; i <= 4; i++) {
		cJSON_ReplaceItemInObject(v[i].data, "readyz", cJSON_CreateString("OK"));
		cJSON_ReplaceItemInObject(v[i].data, "tag", cJSON_CreateString("v1.4.1"));
	}
	md = render_n(EXPORT_MD, v, 8);
	assert_non_null(strstr(md, "| 5 hosts | first readings on 5 hosts (6 services), "
	    "12:00:01–12:00:10: healthy where probed; not probed: h3/api; all on v1.4.1 |\n"));
	free(md);
	/* One host's two services, all healthy, in one second: one time. */
	md = render_n(EXPORT_MD, v, 3);
	assert_non_null(strstr(md, "| 2–3 | 2024-05-01 12:00:01 | alice@ws | "
	    "health.change | 1 host | "
	    "first readings on 1 host (2 services), 12:00:01: all healthy; all on v1.4.1 |\n"));
	free(md);
	md = render_n(EXPORT_JSON, v, 8);
	doc = cJSON_Parse(md);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "records")), 8);
	cJSON_Delete(doc);
	free(md);
	records_free(v, 8);
}

/* each host's first verdict at the start, OK, is kept in the
 * journal (the evidence badrel spares a release with) and said in one
 * Markdown row; a first verdict that is not OK stays a row of its own. */
static void
first_oks_at_the_start_are_one_timeline_row(void **state)
{
	struct record v[6] = { 0 };
	cJSON *doc;
	char *md;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"fleet\"}");
	verdict(v, 1, 7, "h1", "OK");
	verdict(v, 2, 8, "h2", "MONITOR");
	verdict(v, 3, 9, "h2", "OK");
	add_to(v, 4, 9, "verdict.change", "h3", NULL, "{\"service\":\"api\",\"verdict\":\"OK\","
	    "\"reason\":\"r\"}");
	verdict(v, 5, 12, "h4", "OK");
	md = render_n(EXPORT_MD, v, 6);
	assert_non_null(strstr(md, "| 2–6 | 2024-05-01 12:00:07 | alice@ws | "
	    "verdict.change | 3 hosts | first verdict OK on 3 hosts: h1, h3/api, h4 "
	    "(12:00:07–12:00:12) |\n| 3 | 2024-05-01 12:00:08 | alice@ws | verdict.change | h2 | "
	    "MONITOR — r |\n| 4 | 2024-05-01 12:00:09 | bob@laptop | verdict.change | h2 | OK — r |\n"));
	assert_null(strstr(md, "| 5 |"));
	free(md);
	md = render_n(EXPORT_JSON, v, 6);
	doc = cJSON_Parse(md);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "records")), 6);
	cJSON_Delete(doc);
	free(md);
	records_free(v, 6);
}

/* k8s-bastion's v1.7.0-bad record (deployed 12:00:48) written at
 * 12:01:03, after the verdict at 12:00:54 judged on it: v1.7.0-bad is the
 * release judged bad and still running, not v1.6.1 (the tag recorded
 * last before the verdict); the record before the verdict says the same. */
static void
a_verdict_before_its_tag_record_judges_that_tag(void **state)
{
	struct record v[7] = { 0 };
	char *md;
	int late, i;

	(void)state;
	for (late = 0; late < 2; late++) {
		memset(v, 0, sizeof(v));
		add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
		add_to(v, 1, 1, "health.change", "api-1", NULL, "{\"service\":\"api\","
		    "\"tag\":\"v1.5.0-bad\",\"first\":true,\"deployed_ms\":1714564200000}");
		add_to(v, 2, 1, "health.change", "k8s-bastion", NULL, "{\"service\":\"api\","
		    "\"tag\":\"v1.6.0\",\"first\":true}");
		verdict(v, 3, 5, "api-1", "ROLLBACK IMMEDIATELY");
		add_to(v, 4, 30, "health.change", "k8s-bastion", NULL, "{\"service\":\"api\","
		    "\"tag\":\"v1.6.1\",\"was_tag\":\"v1.6.0\",\"outside\":true,"
		    "\"deployed_ms\":1714564827000}");
		add_to(v, late ? 6 : 5, late ? 63 : 50, "health.change", "k8s-bastion", NULL,
		    "{\"service\":\"api\",\"tag\":\"v1.7.0-bad\",\"was_tag\":\"v1.6.1\","
		    "\"outside\":true,\"deployed_ms\":1714564848000}");
		verdict(v, late ? 5 : 6, 54, "k8s-bastion", "ROLLBACK IMMEDIATELY");
		md = render_n(EXPORT_MD, v, 7);
		assert_non_null(strstr(md, "- another release judged bad: v1.7.0-bad deployed on "
		    "k8s-bastion at 2024-05-01 12:00:48, outside this console, judged ROLLBACK "
		    "IMMEDIATELY at 2024-05-01 12:00:54.\n"));
		assert_null(strstr(md, "judged bad: v1.6.1"));
		assert_null(strstr(md, "v1.6.1 deployed, judged bad later"));
		assert_non_null(strstr(md, "- api on k8s-bastion still runs v1.7.0-bad"));
		free(md);
		for (i = 0; i < 7; i++)
			record_free(&v[i]);
	}
}

/* The impact counted through a stretch no console ran (killed, restarted
 * minutes later) says how much of it nobody watched; a resume beside a
 * console still open is no such stretch. */
static void
impact_says_what_no_console_watched(void **state)
{
	struct record v[8] = { 0 };
	const cJSON *times, *gaps;
	cJSON *doc;
	char *md, *js;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"api 5xx\"}");
	add_to(v, 1, 10, "verdict.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"ROLLBACK IMMEDIATELY\",\"reason\":\"r\"}");
	add_to(v, 2, 60, "note", NULL, NULL, "{\"text\":\"rolling back\"}");
	/* Killed here: the next console starts 3m 44s later, alone. */
	add_to(v, 3, 284, "incident.resume", NULL, NULL, "{\"id\":\"multi-7f3a2c\","
	    "\"ended_without_shutdown\":1,\"last_record_ts\":\"2024-05-01T12:01:00.000Z\"}");
	add_to(v, 4, 290, "note", NULL, NULL, "{\"text\":\"a watcher beside it\"}");
	add_to(v, 5, 400, "incident.resume", NULL, NULL, "{\"id\":\"multi-7f3a2c\","
	    "\"others_open\":true}");
	add_to(v, 6, 410, "verdict.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"OK\",\"reason\":\"r\"}");
	add_to(v, 7, 500, "shutdown", NULL, NULL, "{\"reason\":\"quit\"}");
	md = render_n(EXPORT_MD, v, 8);
	assert_non_null(strstr(md, "**Impact duration:** 6m 40s (first bad verdict to recovery; of which "
	    "3m 44s with nothing recorded since the last record (its console stopped without "
	    "shutting down, when is not known: it may have watched part of it) from 2024-05-01 "
	    "12:01:00 to 2024-05-01 12:04:44)\n"));
	free(md);
	/* Not recovered yet: the ongoing impact says it too. */
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "**Impact duration:** ongoing since 2024-05-01 12:00:10 (first "
	    "bad verdict), not recovered (4m 40s up to the journal's last record, 2024-05-01 "
	    "12:04:50; of which "
	    "3m 44s with nothing recorded since the last record (its console stopped without "
	    "shutting down, when is not known: it may have watched part of it) from 2024-05-01 "
	    "12:01:00 to 2024-05-01 12:04:44)\n"));
	free(md);
	js = render_n(EXPORT_JSON, v, 8);
	doc = cJSON_Parse(js);
	times = json_times(doc);
	assert_int_equal(cJSON_GetObjectItem(times, "impact_s")->valuedouble, 400);
	assert_int_equal(cJSON_GetObjectItem(times, "impact_unobserved_s")->valuedouble, 224);
	gaps = cJSON_GetObjectItem(times, "unobserved");
	assert_int_equal(cJSON_GetArraySize(gaps), 1);
	assert_string_equal(jstr(cJSON_GetArrayItem(gaps, 0), "from"), "2024-05-01T12:01:00.000Z");
	assert_string_equal(jstr(cJSON_GetArrayItem(gaps, 0), "to"), "2024-05-01T12:04:44.000Z");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(gaps, 0),
	    "since_last_record")));
	cJSON_Delete(doc);
	free(js);
	/* Watched throughout: nothing said. */
	md = render_n(EXPORT_MD, v, 3);
	assert_null(strstr(md, "not recorded"));
	free(md);
	records_free(v, 8);
}

/* the impact line and Data gaps said "no writing console running"
 * for the silence after a killed console, which may have run (and
 * watched) for part of it. A clean quit's stretch still says no console
 * ran; a killed one's only that nothing was recorded since the last
 * record; an impact through both says each. */
static void
impact_and_data_gaps_tell_a_quit_from_a_kill(void **state)
{
	struct record v[9] = { 0 };
	const cJSON *times, *gaps;
	cJSON *doc;
	char *md, *js;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"api 5xx\"}");
	add_to(v, 1, 10, "verdict.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"ROLLBACK IMMEDIATELY\",\"reason\":\"r\"}");
	add_to(v, 2, 60, "shutdown", NULL, NULL, "{\"reason\":\"quit\"}");
	add_to(v, 3, 180, "incident.resume", NULL, NULL, "{\"id\":\"multi-7f3a2c\","
	    "\"unwatched_from\":\"2024-05-01T12:01:00.000Z\"}");
	add_to(v, 4, 200, "note", NULL, NULL, "{\"text\":\"still bad\"}");
	/* Killed after 12:03:20: the next console opens at 12:05:20. */
	add_to(v, 5, 320, "incident.resume", NULL, NULL, "{\"id\":\"multi-7f3a2c\","
	    "\"unwatched_from\":\"2024-05-01T12:03:20.000Z\",\"ended_without_shutdown\":1,"
	    "\"last_record_ts\":\"2024-05-01T12:03:20.000Z\"}");
	add_to(v, 6, 330, "verdict.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"OK\",\"reason\":\"r\"}");
	add_to(v, 7, 400, "shutdown", NULL, NULL, "{\"reason\":\"quit\"}");
	/* Recovered before the kill: only the quit's stretch counts. */
	record_free(&v[4]);
	add_to(v, 4, 190, "verdict.change", "api-1", NULL, "{\"service\":\"api\","
	    "\"verdict\":\"OK\",\"reason\":\"r\"}");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "**Impact duration:** 3m 00s (first bad verdict to recovery; "
	    "of which 2m 00s not recorded: no writing console running (a read-only watcher does "
	    "not record) from 2024-05-01 12:01:00 to 2024-05-01 12:03:00)\n"));
	assert_non_null(strstr(md, "| all hosts (no writing console running) | 2024-05-01 12:01:00 "
	    "| 2024-05-01 12:03:00 | 2m 00s | not recorded: the writing console was closed |\n"));
	assert_null(strstr(md, "nothing recorded"));
	free(md);
	/* Through both: each stretch says its own kind. */
	record_free(&v[4]);
	add_to(v, 4, 200, "note", NULL, NULL, "{\"text\":\"still bad\"}");
	md = render_n(EXPORT_MD, v, 8);
	assert_non_null(strstr(md, "**Impact duration:** 5m 20s (first bad verdict to recovery; "
	    "of which 4m 00s not recorded: no writing console running (a read-only watcher does "
	    "not record) from 2024-05-01 12:01:00 to 2024-05-01 12:03:00; nothing recorded since "
	    "the last record (its console stopped without shutting down, when is not known: it "
	    "may have watched part of it) from 2024-05-01 12:03:20 to 2024-05-01 12:05:20)\n"));
	assert_non_null(strstr(md, "| all hosts (no writing console running) | 2024-05-01 12:01:00 "
	    "| 2024-05-01 12:03:00 | 2m 00s | not recorded: the writing console was closed |\n"
	    "| all hosts (nothing recorded since the last record) | 2024-05-01 12:03:20 | "
	    "2024-05-01 12:05:20 | 2m 00s | nothing recorded: the writing console stopped without "
	    "shutting down, some time after its last record |\n"));
	assert_null(strstr(md, "no writing console running) | 2024-05-01 12:03:20"));
	free(md);
	js = render_n(EXPORT_JSON, v, 8);
	doc = cJSON_Parse(js);
	times = json_times(doc);
	gaps = cJSON_GetObjectItem(times, "unobserved");
	assert_int_equal(cJSON_GetArraySize(gaps), 2);
	assert_false(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(gaps, 0),
	    "since_last_record")));
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(gaps, 1),
	    "since_last_record")));
	gaps = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "data_gaps");
	assert_int_equal(cJSON_GetArraySize(gaps), 2);
	assert_false(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(gaps, 0),
	    "since_last_record")));
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(gaps, 1),
	    "since_last_record")));
	cJSON_Delete(doc);
	free(js);
	records_free(v, 8);
}

/* h13 and h16 run api and jobs at v1.4.1 for a day
 * (compose ps, read at the console's first reading), both judged OK at
 * 12:00:13; h13's own health fault turns it CONSIDER ROLLBACK twice, its
 * tags unchanged; then v1.5.0-bad goes to h16's api and it turns bad
 * (jobs stays on v1.4.1 there), rolled back to v1.4.1. */
#define NSCALE 20

static void
scale_journal(struct record *v)
{
	const char *hosts[] = { "h13", "h16" }, *svcs[] = { "api", "jobs" };
	char data[256];
	size_t i = 0, h, k;

	add_to(v, i++, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	for (h = 0; h < 2; h++)
		for (k = 0; k < 2; k++) {
			snprintf(data, sizeof(data), "{\"service\":\"%s\",\"tag\":\"v1.4.1\","
			    "\"first\":true,\"deployed_ms\":1714478400000,\"deployed_from\":"
			    "\"compose ps: container created\"}", svcs[k]);
			add_to(v, i++, 2, "health.change", hosts[h], NULL, data);
		}
	verdict(v, i++, 3, "h13", "NO DATA");
	verdict(v, i++, 3, "h16", "NO DATA");
	verdict(v, i++, 13, "h13", "OK");
	verdict(v, i++, 13, "h16", "OK");
	verdict(v, i++, 120, "h13", "CONSIDER ROLLBACK");
	verdict(v, i++, 150, "h13", "MONITOR");
	verdict(v, i++, 180, "h13", "CONSIDER ROLLBACK");
	add_to(v, i++, 200, "health.change", "h16", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true,"
	    "\"deployed_ms\":1714564998000,\"deployed_from\":\"compose ps: container created\"}");
	verdict(v, i++, 205, "h16", "ROLLBACK IMMEDIATELY");
	add_to(v, i++, 240, "action.intent", "h16", "op-1", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	add_to(v, i++, 270, "action.end", "h16", "op-1", "{\"outcome\":\"ok\"}");
	add_to(v, i++, 272, "health.change", "h16", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"was_tag\":\"v1.5.0-bad\"}");
	verdict(v, i++, 300, "h16", "OK");
	verdict(v, i++, 320, "h13", "MONITOR");
	verdict(v, i++, 400, "h13", "OK");
	assert_int_equal(i, NSCALE);
}

/* The release h13 ran OK before its fault is not the bad release: the
 * key time and the impact are v1.5.0-bad's on h16, never v1.4.1's day-old
 * deploy ("-24h 00m 31s", "Impact duration: 24h 08m 44s"); the
 * Summary says once why h13's turns were not charged to v1.4.1. */
static void
a_fault_on_a_host_ok_under_its_release_is_no_bad_deploy(void **state)
{
	struct record v[NSCALE] = { 0 };
	const cJSON *times;
	cJSON *doc;
	char *md, *js;

	(void)state;
	scale_journal(v);
	md = render_n(EXPORT_MD, v, NSCALE);
	assert_null(strstr(md, "v1.4.1 on h13"));
	assert_non_null(strstr(md, "| Bad release deployed (v1.5.0-bad on h16, per compose ps: "
	    "container created; deployed outside this console (tag change seen at seq 13)) | "
	    "2024-05-01 12:03:18 | 1m 18s |\n"));
	/* To h16 back at OK: h13's own fault neither ends nor extends it. */
	assert_non_null(strstr(md, "**Impact duration:** 1m 42s (bad release deployed to "
	    "recovery)"));
	assert_non_null(strstr(md, "- h13 turned CONSIDER ROLLBACK at 12:02:00 running v1.4.1, "
	    "which had been OK there since 12:00:13 — not charged to the release; so was one "
	    "more turn there, at 12:03:00.\n"));
	assert_null(strstr(md, "h16 turned"));
	free(md);
	js = render_n(EXPORT_JSON, v, NSCALE);
	doc = cJSON_Parse(js);
	times = json_times(doc);
	assert_string_equal(jstr(times, "bad_release_tag"), "v1.5.0-bad");
	assert_string_equal(jstr(times, "impact_from"), "bad_release_deployed");
	assert_int_equal(cJSON_GetObjectItem(times, "impact_s")->valuedouble, 102);
	cJSON_Delete(doc);
	free(js);
	records_free(v, NSCALE);
}


/* h7, OK under v1.4.1, turned ROLLBACK IMMEDIATELY at 12:00:20.8;
 * compose ps told v1.5.0-bad as deployed at 12:00:20, in a tag record
 * written after the verdict. The turn came in the deploy's second: the
 * new release's, so h7 is not said apart as its own fault, and its deploy
 * is the bad release's key time (the Summary and JSON agree). */
static void
a_turn_in_the_deploys_second_is_charged_to_the_release(void **state)
{
	struct record v[6] = { 0 };
	const cJSON *inc, *x;
	cJSON *doc;
	char *md, *js;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 1, "health.change", "h7", NULL, "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"first\":true,\"deployed_ms\":1714478400000}");
	verdict(v, 2, 5, "h7", "OK");
	verdict(v, 3, 20, "h7", "ROLLBACK IMMEDIATELY");
	v[3].ts_ms += 800;
	add_to(v, 4, 25, "health.change", "h7", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\",\"deployed_ms\":1714564820000,"
	    "\"deployed_from\":\"compose ps: container created\"}");
	add_to(v, 5, 40, "verdict.fresh", "h7", NULL, "{\"verdict\":\"ROLLBACK IMMEDIATELY\","
	    "\"from_ms\":1714564821000,\"reason\":\"r\"}");
	md = render_n(EXPORT_MD, v, 6);
	assert_null(strstr(md, "not charged"));
	assert_null(strstr(md, "h7 turned"));
	assert_non_null(strstr(md, "**not recovered**: still bad at the journal's end "
	    "(2024-05-01 12:00:40): h7 (ROLLBACK IMMEDIATELY)"));
	assert_non_null(strstr(md, "| Bad release deployed (v1.5.0-bad on h7, per compose ps: "
	    "container created) | 2024-05-01 12:00:20 | 0s |\n"));
	free(md);
	js = render_n(EXPORT_JSON, v, 6);
	doc = cJSON_Parse(js);
	inc = cJSON_GetObjectItem(doc, "incident");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(inc, "still_bad_not_charged")), 0);
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "still_bad"), 0);
	assert_non_null(x);
	assert_string_equal(jstr(x, "host"), "h7");
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "bad_releases"), 0);
	assert_non_null(x);
	assert_string_equal(jstr(x, "tag"), "v1.5.0-bad");
	cJSON_Delete(doc);
	free(js);
	records_free(v, 6);
}

/* h7's turn at 20 s was its own fault (OK there under v1.4.1 first:
 * spared); v1.5.0-bad came under the bad verdict and a verdict.fresh
 * judged it at 60 s: from then on h7 is the release's, still bad at the
 * end, and with an OK after it, the host whose return is the recovery. */
#define NFRESH 7

static void
fresh_journal(struct record *v)
{
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 1, "health.change", "h7", NULL, "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"first\":true}");
	verdict(v, 2, 5, "h7", "OK");
	verdict(v, 3, 20, "h7", "ROLLBACK IMMEDIATELY");
	add_to(v, 4, 30, "health.change", "h7", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\",\"deployed_ms\":1714564830000,"
	    "\"deployed_from\":\"compose ps: container created\"}");
	add_to(v, 5, 60, "verdict.fresh", "h7", NULL, "{\"verdict\":\"ROLLBACK IMMEDIATELY\","
	    "\"from_ms\":1714564831000,\"reason\":\"r\"}");
	verdict(v, 6, 120, "h7", "OK");
}

static void
a_fresh_verdict_makes_a_spared_host_the_releases(void **state)
{
	struct record v[NFRESH] = { 0 };
	const cJSON *inc, *x;
	cJSON *doc;
	char *md, *js;

	(void)state;
	fresh_journal(v);
	md = render_n(EXPORT_MD, v, NFRESH - 1);
	assert_non_null(strstr(md, "**not recovered**: still bad at the journal's end "
	    "(2024-05-01 12:01:00): h7 (ROLLBACK IMMEDIATELY)."));
	assert_null(strstr(md, "not charged to a release (its own fault"));
	free(md);
	js = render_n(EXPORT_JSON, v, NFRESH - 1);
	doc = cJSON_Parse(js);
	inc = cJSON_GetObjectItem(doc, "incident");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(inc, "still_bad_not_charged")), 0);
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(inc, "still_bad"), 0);
	assert_non_null(x);
	assert_string_equal(jstr(x, "host"), "h7");
	cJSON_Delete(doc);
	free(js);

	md = render_n(EXPORT_MD, v, NFRESH);
	assert_non_null(strstr(md, "recovered 2024-05-01 12:02:00, when the last host that was "
	    "bad (h7) was back at OK."));
	assert_non_null(strstr(md, "| Bad release deployed (v1.5.0-bad on h7, per compose ps: "
	    "container created) | 2024-05-01 12:00:30 |"));
	assert_non_null(strstr(md, "**Impact duration:** 1m 30s (bad release deployed to "
	    "recovery)"));
	js = render_n(EXPORT_JSON, v, NFRESH);
	doc = cJSON_Parse(js);
	assert_string_equal(jstr(json_times(doc), "recovery"), "2024-05-01T12:02:00.000Z");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(json_times(doc), "recovered")));
	cJSON_Delete(doc);
	free(js);
	free(md);
	records_free(v, NFRESH);
}

#define RESTARTS_ONLY "no metrics configured: verdict from restarts only"

/* api-1 has no metrics source: judged on restarts alone, its calm verdict
 * is NO DATA, never OK. Back at that NO DATA after its rollback, it is
 * recovered as far as restarts show, and said so; a host NO DATA
 * throughout (h2) is no host still bad. NO DATA because its restarts
 * went unread (DOWN) says nothing of health: the host stays bad. */
static void
a_host_without_metrics_recovers_when_its_restarts_calm(void **state)
{
	struct record v[8] = { 0 };
	cJSON *doc;
	char *md, *js;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 5, "verdict.change", "h2", NULL, "{\"verdict\":\"NO DATA\","
	    "\"reason\":\"0 restarts in 5m; " RESTARTS_ONLY "\"}");
	add_to(v, 2, 10, "verdict.change", "api-1", NULL, "{\"verdict\":\"ROLLBACK IMMEDIATELY\","
	    "\"reason\":\"4 restarts in 5m \xe2\x89\xa5 3; " RESTARTS_ONLY "\"}");
	add_to(v, 3, 20, "action.intent", "api-1", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v2\",\"to\":\"v1\"}}");
	add_to(v, 4, 25, "action.end", "api-1", "rb-1", "{\"outcome\":\"ok\",\"detail\":\"ok\"}");
	add_to(v, 5, 90, "verdict.change", "api-1", NULL, "{\"verdict\":\"NO DATA\","
	    "\"reason\":\"0 restarts in 5m; " RESTARTS_ONLY "\"}");
	add_to(v, 6, 100, "verdict.change", "api-2", NULL, "{\"verdict\":\"CONSIDER ROLLBACK\","
	    "\"reason\":\"error rate 3% > 2%\"}");
	add_to(v, 7, 150, "verdict.change", "api-2", NULL, "{\"verdict\":\"NO DATA\","
	    "\"reason\":\"no data for restarts (api-2 is DOWN); " RESTARTS_ONLY "\"}");

	md = render_n(EXPORT_MD, v, 6);
	assert_non_null(strstr(md, "recovered 2024-05-01 12:01:30 as far as restarts show, when "
	    "the last host that was bad (api-1) was back at NO DATA: restarts calm since "
	    "2024-05-01 12:01:30 (no metrics configured)."));
	assert_null(strstr(md, "not recovered"));
	assert_null(strstr(md, "still bad"));
	assert_non_null(strstr(md, "| Recovery (restarts calm; no metrics configured) | "
	    "2024-05-01 12:01:30 |"));
	free(md);
	js = render_n(EXPORT_JSON, v, 6);
	doc = cJSON_Parse(js);
	assert_string_equal(jstr(json_times(doc), "recovery"), "2024-05-01T12:01:30.000Z");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(json_times(doc), "recovery_restarts_only")));
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(doc,
	    "incident"), "still_bad")), 0);
	cJSON_Delete(doc);
	free(js);

	md = render_n(EXPORT_MD, v, 8);
	assert_non_null(strstr(md, "**not recovered**: still bad at the journal's end "
	    "(2024-05-01 12:02:30): api-2 (NO DATA after CONSIDER ROLLBACK)."));
	free(md);
	js = render_n(EXPORT_JSON, v, 8);
	doc = cJSON_Parse(js);
	assert_null(cJSON_GetObjectItem(json_times(doc), "recovery_restarts_only"));
	cJSON_Delete(doc);
	free(js);
	records_free(v, 8);
}

/* h3, without metrics, back at its calm NO DATA before api-1 came back at
 * OK: the recovery is api-1's, and h3's part in it is said as far as
 * restarts show. */
static void
a_host_back_on_restarts_alone_is_named_beside_the_recovery(void **state)
{
	struct record v[5] = { 0 };
	char *md;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 10, "verdict.change", "h3", NULL, "{\"verdict\":\"ROLLBACK IMMEDIATELY\","
	    "\"reason\":\"4 restarts in 5m \xe2\x89\xa5 3; " RESTARTS_ONLY "\"}");
	verdict(v, 2, 12, "api-1", "CONSIDER ROLLBACK");
	add_to(v, 3, 30, "verdict.change", "h3", NULL, "{\"verdict\":\"NO DATA\","
	    "\"reason\":\"0 restarts in 5m; " RESTARTS_ONLY "\"}");
	verdict(v, 4, 60, "api-1", "OK");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "recovered 2024-05-01 12:01:00, when the last host that was "
	    "bad (api-1) was back at OK; h3 only as far as restarts show (calm since 2024-05-01 "
	    "12:00:30, no metrics configured).\n"));
	assert_non_null(strstr(md, "| Recovery | 2024-05-01 12:01:00 |"));
	free(md);
	records_free(v, 5);
}

/* The console started while h13 was already bad on v1.4.1, deployed a
 * day before: nothing says it was fine there, so v1.4.1 stays judged bad
 * and its deploy a key time, but a day nobody watched is not claimed as
 * impact: that counts from the first bad verdict. Ten minutes before the
 * opening still counts (impact_counts_from_the_bad_deploy). */
static void
a_deploy_a_day_before_the_first_record_is_no_impact_start(void **state)
{
	struct record v[5] = { 0 };
	const cJSON *times;
	cJSON *doc;
	char *md, *js;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 2, "health.change", "h13", NULL, "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"first\":true,\"deployed_ms\":1714478400000,\"deployed_from\":\"compose ps: "
	    "container created\"}");
	verdict(v, 2, 3, "h13", "NO DATA");
	verdict(v, 3, 13, "h13", "CONSIDER ROLLBACK");
	verdict(v, 4, 300, "h13", "OK");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "| Bad release deployed (v1.4.1 on h13, per compose ps: "
	    "container created; already running at this console's first reading (seq 2); 24h "
	    "00m 00s before this incident's first record: not counted as impact) | 2024-04-30 "
	    "12:00:00 | -24h 00m 13s |\n"));
	assert_non_null(strstr(md, "**Impact duration:** 4m 47s (first bad verdict to "
	    "recovery)"));
	free(md);
	js = render_n(EXPORT_JSON, v, 5);
	doc = cJSON_Parse(js);
	times = json_times(doc);
	assert_string_equal(jstr(times, "bad_release_deployed"), "2024-04-30T12:00:00.000Z");
	assert_string_equal(jstr(times, "impact_from"), "first_bad_verdict");
	assert_int_equal(cJSON_GetObjectItem(times, "impact_s")->valuedouble, 287);
	cJSON_Delete(doc);
	free(js);
	records_free(v, 5);
}


/* A host OK under two releases (api and jobs differ) that turns bad:
 * one line names both, each with its service. */
static void
a_turn_charged_to_no_release_names_each_it_spared(void **state)
{
	struct record v[5] = { 0 };
	char *md;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 2, "health.change", "h1", NULL, "{\"service\":\"api\",\"tag\":\"v1.4.1\"}");
	add_to(v, 2, 2, "health.change", "h1", NULL, "{\"service\":\"jobs\",\"tag\":\"v2.0\"}");
	verdict(v, 3, 13, "h1", "OK");
	verdict(v, 4, 120, "h1", "ROLLBACK IMMEDIATELY");
	md = render_n(EXPORT_MD, v, 5);
	assert_non_null(strstr(md, "- h1 turned ROLLBACK IMMEDIATELY at 12:02:00 running v1.4.1 "
	    "(api), v2.0 (jobs), which had been OK there since 12:00:13 — not charged to these "
	    "releases.\n"));
	free(md);
	records_free(v, 5);
}


/* Two fleet rollbacks of api to v1.4.1, one from v1.5.0-bad,
 * one from v1.6.0-bad, each ending "helm-bastion OK": two identical
 * lines. Each says the release it rolled back from and when it began. */
static void
fleet_rollbacks_say_their_source_and_start(void **state)
{
	struct record v[9] = { 0 };
	char *md, *js;
	cJSON *doc;
	size_t i;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"fleet\"}");
	for (i = 0; i < 2; i++) {
		char start[400], end[400], op[8];
		const char *from = i == 0 ? "v1.5.0-bad" : "v1.6.0-bad";

		snprintf(op, sizeof(op), "rb-%zu", i + 1);
		snprintf(start, sizeof(start), "{\"summary\":\"started\",\"chain\":\"%s\","
		    "\"fleet\":{\"service\":\"api\",\"from\":\"%s\",\"to\":\"v1.4.1\"},"
		    "\"hosts\":[\"helm-bastion\"],\"left_out\":[]}", op, from);
		snprintf(end, sizeof(end), "{\"summary\":\"fleet rollback of api to v1.4.1: "
		    "helm-bastion OK\",\"chain\":\"%s\",\"fleet\":{\"service\":\"api\","
		    "\"from\":\"%s\",\"to\":\"v1.4.1\"},\"hosts\":[{\"host\":\"helm-bastion\","
		    "\"outcome\":\"ok\"}],\"left_out\":[]}", op, from);
		add_to(v, 1 + i * 4, 100 + (int64_t)i * 300, "chain.start", NULL, NULL, start);
		add_to(v, 2 + i * 4, 101 + (int64_t)i * 300, "action.intent", "helm-bastion", op,
		    "{\"action\":\"helm.rollback\",\"chain\":\"x\"}");
		add_to(v, 3 + i * 4, 120 + (int64_t)i * 300, "action.end", "helm-bastion", op,
		    "{\"action\":\"helm.rollback\",\"outcome\":\"ok\"}");
		add_to(v, 4 + i * 4, 121 + (int64_t)i * 300, "chain.end", NULL, NULL, end);
	}
	md = render_n(EXPORT_MD, v, 9);
	assert_non_null(strstr(md, "Fleet rollbacks (B):\n\n"
	    "- fleet rollback of api to v1.4.1: helm-bastion OK (from v1.5.0-bad, started "
	    "2024-05-01 12:01:40)\n"
	    "- fleet rollback of api to v1.4.1: helm-bastion OK (from v1.6.0-bad, started "
	    "2024-05-01 12:06:40)\n"));
	js = render_n(EXPORT_JSON, v, 9);
	doc = cJSON_Parse(js);
	assert_string_equal(jstr(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(doc,
	    "incident"), "chains"), 1), "started"), "2024-05-01T12:06:40.000Z");
	cJSON_Delete(doc);
	free(js);
	free(md);
	records_free(v, 9);
}

/* Every host ended on v1.4.1 over a schema ahead of it, which
 * only action details said. The last reading of each service that says
 * so is a follow-up, with the revisions when the record has them; a
 * service whose schema came back current, or that never said, is none. */
static void
a_schema_left_ahead_is_a_follow_up(void **state)
{
	struct record v[6] = { 0 };
	const cJSON *fu, *x;
	char *md, *js;
	cJSON *doc;
	int i, found = 0;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"db\"}");
	add_to(v, 1, 10, "health.change", "api-1", NULL, "{\"service\":\"api\",\"tag\":\"v1.4.1\","
	    "\"was_tag\":\"v1.5.0-bad\",\"healthz\":\"OK\",\"readyz\":\"OK\",\"schema_ahead\":true,"
	    "\"schema\":\"ahead\",\"schema_database\":\"0043\",\"schema_expected\":\"0041\"}");
	add_to(v, 2, 11, "health.change", "helm-bastion", NULL, "{\"service\":\"api\","
	    "\"tag\":\"1.4.1\",\"healthz\":\"OK\",\"readyz\":\"OK\",\"schema_ahead\":true,"
	    "\"schema\":\"ahead\",\"first\":true}");
	add_to(v, 3, 12, "health.change", "k8s-bastion", NULL, "{\"service\":\"api\","
	    "\"tag\":\"1.4.1\",\"healthz\":\"OK\",\"readyz\":\"OK\",\"schema_ahead\":true,"
	    "\"schema\":\"ahead\",\"first\":true}");
	/* Migrated down since: current again. */
	add_to(v, 4, 20, "health.change", "k8s-bastion", NULL, "{\"service\":\"api\","
	    "\"tag\":\"1.4.1\",\"was_tag\":\"1.4.1\",\"healthz\":\"OK\",\"readyz\":\"OK\","
	    "\"schema_ahead\":false,\"was_schema_ahead\":true,\"was_schema\":\"ahead\"}");
	add_to(v, 5, 30, "note", NULL, NULL, "{\"text\":\"done\"}");
	md = render_n(EXPORT_MD, v, 6);
	assert_non_null(strstr(md, "\n**Database schema**\n\n"
	    "- api on api-1 runs v1.4.1 on a schema ahead of it (database 0043, release expects "
	    "0041)\n"
	    "- api on helm-bastion runs 1.4.1 on a schema ahead of it\n"));
	assert_null(strstr(md, "api on k8s-bastion runs"));
	assert_null(strstr(md, "_None: every recorded step is ticked._"));
	free(md);
	js = render_n(EXPORT_JSON, v, 6);
	doc = cJSON_Parse(js);
	fu = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "followups");
	for (i = 0; i < cJSON_GetArraySize(fu); i++) {
		x = cJSON_GetArrayItem(fu, i);
		if (strcmp(jstr(x, "what"), "schema_ahead") != 0)
			continue;
		if (found++ == 0) {
			assert_string_equal(jstr(x, "host"), "api-1");
			assert_string_equal(jstr(x, "service"), "api");
			assert_string_equal(jstr(x, "tag"), "v1.4.1");
			assert_string_equal(jstr(x, "database"), "0043");
			assert_string_equal(jstr(x, "expected"), "0041");
		} else {
			assert_string_equal(jstr(x, "host"), "helm-bastion");
			assert_true(cJSON_IsNull(cJSON_GetObjectItem(x, "database")));
		}
	}
	assert_int_equal(found, 2);
	cJSON_Delete(doc);
	free(js);
	records_free(v, 6);
}


/* Two Compose hosts rolled back to v1.4.1 whose .env still says
 * v1.5.0-bad at the journal's end: one follow-up line names both, the
 * JSON one entry each. h2's .env was set since, h3 was never rolled back
 * to what it runs (a drift of its own, no rollback left it): neither is
 * one. The rollback that ended OK with .env left says so in its outcome. */
static void
an_env_left_on_the_bad_tag_is_a_follow_up(void **state)
{
	struct record v[12] = { 0 };
	const cJSON *fu, *x, *acts;
	char *md, *js;
	cJSON *doc;
	int i, found = 0;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"env\"}");
	add_to(v, 1, 10, "action.intent", "h1", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	add_to(v, 2, 20, "env.check", "h1", "rb-1", "{\"service\":\"api\",\"env_image_tag\":"
	    "\"v1.5.0-bad\",\"runs\":\"v1.4.1\",\"agrees\":false}");
	add_to(v, 3, 21, "action.end", "h1", "rb-1", "{\"outcome\":\"ok\",\"detail\":\"api runs "
	    "v1.4.1; WARNING: .env still says IMAGE_TAG=v1.5.0-bad\",\"env_updated\":false}");
	add_to(v, 4, 30, "action.intent", "h4", "rb-4", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	add_to(v, 5, 40, "env.check", "h4", "rb-4", "{\"service\":\"api\",\"env_image_tag\":"
	    "\"v1.5.0-bad\",\"runs\":\"v1.4.1\",\"agrees\":false}");
	add_to(v, 6, 41, "action.end", "h4", "rb-4", "{\"outcome\":\"ok\",\"detail\":\"ok\","
	    "\"env_updated\":false}");
	add_to(v, 7, 50, "action.intent", "h2", "rb-2", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	add_to(v, 8, 60, "env.check", "h2", "rb-2", "{\"service\":\"api\",\"env_image_tag\":"
	    "\"v1.5.0-bad\",\"runs\":\"v1.4.1\",\"agrees\":false}");
	add_to(v, 9, 61, "action.end", "h2", "rb-2", "{\"outcome\":\"ok\",\"detail\":\"ok\"}");
	/* Set by hand since: the poll's reading agrees. */
	add_to(v, 10, 70, "env.check", "h2", NULL, "{\"service\":\"api\",\"env_image_tag\":"
	    "\"v1.4.1\",\"runs\":\"v1.4.1\",\"agrees\":true}");
	add_to(v, 11, 80, "env.check", "h3", NULL, "{\"service\":\"api\",\"env_image_tag\":"
	    "\"v1.5.0-bad\",\"runs\":\"v1.4.1\",\"agrees\":false}");
	md = render_n(EXPORT_MD, v, 12);
	assert_non_null(strstr(md, "\n**.env drift**\n\n"
	    "- h1, h4: .env still says IMAGE_TAG=v1.5.0-bad: a plain `up -d` would start the bad "
	    "release (api runs v1.4.1, the rollback's target); set IMAGE_TAG=v1.4.1\n"));
	assert_null(strstr(md, "- h2"));
	assert_null(strstr(md, "h3, "));
	assert_null(strstr(md, "_None: every recorded step is ticked._"));
	/* The Actions table and the action's section say it is not plain OK. */
	assert_non_null(strstr(md, "| ok, .env NOT updated |"));
	assert_non_null(strstr(md, "- Outcome: ok, .env NOT updated"));
	/* The timeline's row names the action after the whole outcome. */
	assert_non_null(strstr(md, "ok, .env NOT updated — rollback of api"));
	free(md);
	js = render_n(EXPORT_JSON, v, 12);
	doc = cJSON_Parse(js);
	fu = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "followups");
	for (i = 0; i < cJSON_GetArraySize(fu); i++) {
		x = cJSON_GetArrayItem(fu, i);
		if (strcmp(jstr(x, "what"), "env_drift") != 0)
			continue;
		assert_string_equal(jstr(x, "host"), found++ == 0 ? "h1" : "h4");
		assert_string_equal(jstr(x, "service"), "api");
		assert_string_equal(jstr(x, "env_image_tag"), "v1.5.0-bad");
		assert_string_equal(jstr(x, "runs"), "v1.4.1");
	}
	assert_int_equal(found, 2);
	acts = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "actions");
	assert_true(cJSON_IsFalse(cJSON_GetObjectItem(cJSON_GetArrayItem(acts, 0),
	    "env_updated")));
	assert_null(cJSON_GetObjectItem(cJSON_GetArrayItem(acts, 2), "env_updated"));
	cJSON_Delete(doc);
	free(js);
	records_free(v, 12);
}


/* One rollout of v1.5.0-bad to four hosts of three drivers at 12:01:05
 * (helm h3 spells it 1.5.0-bad): h2's verdict, at 12:01:07, judged it
 * first, before its own tag record (12:01:12); h1 was at MONITOR then.
 * Later: h1 rolled back at 12:04:44; v1.5.1-bad outside on h5 at
 * 12:08:44; v1.5.0-bad again on h1 at 12:14:04, v1.5.2-bad there at
 * 12:14:59; the journal ends with an export record. */
#define NREL 40

static size_t
rel_journal(struct record *v)
{
	static const char *const hosts[] = { "h1", "h2", "h3", "h4", "h5" };
	size_t n = 0, i;
	char json[320];

	add_to(v, n++, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	for (i = 0; i < 5; i++)
		add_to(v, n++, 1, "health.change", hosts[i], NULL, i == 2 ?
		    "{\"service\":\"api\",\"tag\":\"1.4.1\",\"first\":true}" :
		    "{\"service\":\"api\",\"tag\":\"v1.4.1\",\"first\":true}");
	for (i = 0; i < 5; i++)
		verdict(v, n++, 5, hosts[i], "OK");
	add_to(v, n++, 66, "health.change", "h1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true,"
	    "\"deployed_ms\":1714564866000,\"deployed_from\":\"compose ps: container created\"}");
	verdict(v, n++, 67, "h2", "ROLLBACK IMMEDIATELY");
	add_to(v, n++, 67, "health.change", "h3", NULL, "{\"service\":\"api\","
	    "\"tag\":\"1.5.0-bad\",\"was_tag\":\"1.4.1\",\"outside\":true,"
	    "\"deployed_ms\":1714564867000,\"deployed_from\":\"helm history: updated\"}");
	add_to(v, n++, 67, "health.change", "h4", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true,"
	    "\"deployed_ms\":1714564867000,\"deployed_from\":\"compose ps: container created\"}");
	verdict(v, n++, 71, "h3", "ROLLBACK IMMEDIATELY");
	add_to(v, n++, 72, "health.change", "h2", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\",\"outside\":true,"
	    "\"deployed_ms\":1714564866000,\"deployed_from\":\"kubectl: rollout started\"}");
	verdict(v, n++, 72, "h1", "MONITOR");
	verdict(v, n++, 73, "h4", "ROLLBACK IMMEDIATELY");
	verdict(v, n++, 90, "h1", "ROLLBACK IMMEDIATELY");
	add_to(v, n++, 284, "action.intent", "h1", "rb-1", "{\"action\":\"compose.rollback\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	add_to(v, n++, 290, "action.end", "h1", "rb-1", "{\"outcome\":\"ok\"}");
	add_to(v, n++, 291, "health.change", "h1", NULL, "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"was_tag\":\"v1.5.0-bad\"}");
	verdict(v, n++, 320, "h1", "OK");
	snprintf(json, sizeof(json), "{\"service\":\"api\",\"tag\":\"v1.5.1-bad\","
	    "\"was_tag\":\"v1.4.1\",\"outside\":true,\"deployed_ms\":%lld,"
	    "\"deployed_from\":\"kubectl: rollout started\"}", 1714564800000LL + 524000);
	add_to(v, n++, 526, "health.change", "h5", NULL, json);
	verdict(v, n++, 530, "h5", "ROLLBACK IMMEDIATELY");
	snprintf(json, sizeof(json), "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\","
	    "\"was_tag\":\"v1.4.1\",\"outside\":true,\"deployed_ms\":%lld,"
	    "\"deployed_from\":\"compose ps: container created\"}", 1714564800000LL + 844000);
	add_to(v, n++, 845, "health.change", "h1", NULL, json);
	verdict(v, n++, 850, "h1", "ROLLBACK IMMEDIATELY");
	snprintf(json, sizeof(json), "{\"service\":\"api\",\"tag\":\"v1.5.2-bad\","
	    "\"was_tag\":\"v1.5.0-bad\",\"outside\":true,\"deployed_ms\":%lld,"
	    "\"deployed_from\":\"compose ps: container created\"}", 1714564800000LL + 899000);
	add_to(v, n++, 900, "health.change", "h1", NULL, json);
	verdict(v, n++, 901, "h1", "MONITOR");
	verdict(v, n++, 915, "h1", "ROLLBACK IMMEDIATELY");
	add_to(v, n++, 940, "export", NULL, NULL, "{\"markdown\":\"/t/qa.postmortem.md\","
	    "\"json\":\"/t/qa.postmortem.json\"}");
	assert_true(n <= NREL);
	return n;
}

/* The Summary and Key times named one host of the rollout (h1, at
 * MONITOR when h2's verdict judged it), left h2 out, and said h3's helm
 * spelling and h4 as "another release judged bad … by a rollback from
 * it" (h1's, minutes later). One release, every host, its judgement on
 * h2; the later releases stay apart. */
static void
one_rollout_over_three_drivers_is_one_bad_release(void **state)
{
	struct record v[NREL] = { 0 };
	size_t n;
	char *md;

	(void)state;
	n = rel_journal(v);
	md = render_n(EXPORT_MD, v, n);
	assert_non_null(strstr(md, "- release judged bad: v1.5.0-bad deployed on h1 at 2024-05-01 "
	    "12:01:06 (per compose ps: container created), on h2 at 2024-05-01 12:01:06, on h3 at "
	    "2024-05-01 12:01:07, on h4 at 2024-05-01 12:01:07, outside this console, judged "
	    "ROLLBACK IMMEDIATELY on h2 at 2024-05-01 12:01:07.\n"));
	assert_non_null(strstr(md, "| Bad release deployed (v1.5.0-bad on h1, per compose ps: "
	    "container created; deployed outside this console (tag change seen at seq 12); also "
	    "on h2 12:01:06, h3 12:01:07, h4 12:01:07, by the time it was judged bad) |"));
	assert_null(strstr(md, "1.5.0-bad deployed, judged bad later"));
	assert_null(strstr(md, "another release judged bad: 1.5.0-bad"));
	assert_non_null(strstr(md, "- another release judged bad: v1.5.1-bad deployed on h5 at "
	    "2024-05-01 12:08:44, outside this console, judged ROLLBACK IMMEDIATELY at 2024-05-01 "
	    "12:08:50.\n"));
	assert_non_null(strstr(md, "| v1.5.0-bad deployed again: h1 12:14:04 (outside this "
	    "console) |"));
	assert_non_null(strstr(md, "- another release judged bad: v1.5.2-bad deployed on h1 at "
	    "2024-05-01 12:14:59, outside this console, judged ROLLBACK IMMEDIATELY at 2024-05-01 "
	    "12:15:15.\n"));
	free(md);
	records_free(v, n);
}

static const cJSON *
release_of(const cJSON *arr, const char *tag, const char *kind)
{
	const cJSON *x;

	cJSON_ArrayForEach(x, arr)
		if (strcmp(jstr(x, "tag"), tag) == 0 && strcmp(jstr(x, "kind"), kind) == 0)
			return x;
	return NULL;
}

/* The JSON left out what the Markdown's Summary says: the
 * later releases, the redeploy, and every host of the first rollout. */
static void
the_json_names_every_release_the_summary_does(void **state)
{
	struct record v[NREL] = { 0 };
	const cJSON *inc, *x, *hs;
	size_t n;
	cJSON *doc;
	char *js;

	(void)state;
	n = rel_journal(v);
	js = render_n(EXPORT_JSON, v, n);
	doc = cJSON_Parse(js);
	inc = cJSON_GetObjectItem(doc, "incident");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(inc, "bad_releases")), 3);
	x = release_of(cJSON_GetObjectItem(inc, "bad_releases"), "v1.5.0-bad", "first");
	assert_non_null(x);
	hs = cJSON_GetObjectItem(x, "hosts");
	assert_int_equal(cJSON_GetArraySize(hs), 4);
	assert_string_equal(jstr(cJSON_GetArrayItem(hs, 1), "host"), "h2");
	assert_string_equal(jstr(cJSON_GetArrayItem(hs, 1), "deployed"), "2024-05-01T12:01:06.000Z");
	assert_string_equal(jstr(cJSON_GetArrayItem(hs, 2), "host"), "h3");
	assert_string_equal(jstr(cJSON_GetArrayItem(hs, 3), "host"), "h4");
	assert_string_equal(jstr(cJSON_GetObjectItem(x, "judged"), "host"), "h2");
	assert_string_equal(jstr(cJSON_GetObjectItem(x, "judged"), "at"), "2024-05-01T12:01:07.000Z");
	x = release_of(cJSON_GetObjectItem(inc, "bad_releases"), "v1.5.1-bad", "later");
	assert_non_null(x);
	assert_string_equal(jstr(cJSON_GetArrayItem(cJSON_GetObjectItem(x, "hosts"), 0),
	    "deployed"), "2024-05-01T12:08:44.000Z");
	assert_non_null(release_of(cJSON_GetObjectItem(inc, "bad_releases"), "v1.5.2-bad", "later"));
	x = release_of(cJSON_GetObjectItem(inc, "redeploys"), "v1.5.0-bad", "again");
	assert_non_null(x);
	assert_string_equal(jstr(cJSON_GetArrayItem(cJSON_GetObjectItem(x, "hosts"), 0), "host"),
	    "h1");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(x, "outside")));
	cJSON_Delete(doc);
	free(js);
	records_free(v, n);
}

/* e's own export record moved the "so far" end of a later
 * export (12m 02s up to its time against e's 11m 34s): both end at the
 * last record that is no export. */
static void
impact_so_far_ends_at_the_last_record_before_the_exports(void **state)
{
	struct record v[NREL] = { 0 };
	const cJSON *times;
	size_t n;
	cJSON *doc;
	char *md;

	(void)state;
	n = rel_journal(v);
	md = render_n(EXPORT_MD, v, n - 1);
	assert_non_null(strstr(md, "not recovered (14m 09s up to the journal's last record, "
	    "2024-05-01 12:15:15)"));
	free(md);
	md = render_n(EXPORT_MD, v, n);
	assert_non_null(strstr(md, "not recovered (14m 09s up to the journal's last record other "
	    "than an export, 2024-05-01 12:15:15)"));
	assert_null(strstr(md, "journal's end (2024-05-01 12:15:40)"));
	free(md);
	md = render_n(EXPORT_JSON, v, n);
	doc = cJSON_Parse(md);
	times = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "incident"), "times");
	assert_int_equal(cJSON_GetObjectItem(times, "impact_so_far_s")->valueint, 849);
	assert_string_equal(jstr(times, "impact_so_far_until"), "2024-05-01T12:15:15.000Z");
	cJSON_Delete(doc);
	free(md);
	records_free(v, n);
}

/* A step's rollback ran OK, a second console joined, and the step's later
 * rollback went UNKNOWN after the services recovered and was settled
 * FAILED by hand: the timeline says who joined and names the action each
 * action.end ends, as TIMELINE does; the Recovery key time, the action's
 * own section and the step each say what a reader must not miss. */
static void
a_late_failed_rollback_is_said_wherever_it_is_read(void **state)
{
	struct record v[10] = { 0 };
	char *md, *js;
	cJSON *root, *inc, *step;

	(void)state;
	add_to(v, 0, 0, "incident.open", NULL, NULL, "{\"name\":\"qa\"}");
	add_to(v, 1, 5, "runbook.load", NULL, NULL, "{\"runbook\":\"h.md\",\"steps\":["
	    "{\"step\":\"h.md:3\",\"title\":\"Roll the k8s api back\",\"acts\":[{\"kind\":"
	    "\"rollback\",\"service\":\"api\",\"driver\":\"k8s\"}]}]}");
	add_to(v, 2, 10, "verdict.change", "k8s-1", NULL,
	    "{\"service\":\"api\",\"verdict\":\"ROLLBACK IMMEDIATELY\",\"reason\":\"5xx\"}");
	add_to(v, 3, 20, "action.intent", "k8s-1", "op-a",
	    "{\"action\":\"k8s.undo\",\"plan\":{\"service\":\"api\"}}");
	add_to(v, 4, 30, "action.end", "k8s-1", "op-a", "{\"outcome\":\"ok\",\"detail\":\"rev 3\"}");
	add_to(v, 5, 40, "incident.resume", NULL, NULL,
	    "{\"others_open\":true,\"name\":\"qa\",\"consoles_open\":2}");
	free(v[5].actor);
	v[5].actor = xstrdup("bob@vm");
	add_to(v, 6, 50, "action.intent", "k8s-1", "op-b",
	    "{\"action\":\"k8s.undo\",\"plan\":{\"service\":\"api\"}}");
	add_to(v, 7, 60, "verdict.change", "k8s-1", NULL,
	    "{\"service\":\"api\",\"verdict\":\"OK\",\"reason\":\"calm\"}");
	add_to(v, 8, 70, "action.end", "k8s-1", "op-b",
	    "{\"outcome\":\"unknown\",\"detail\":\"connection lost\"}");
	add_to(v, 9, 90, "action.reconcile", "k8s-1", "op-b", "{\"action\":\"k8s.undo\","
	    "\"by\":\"hand\",\"outcome\":\"failed\",\"detail\":\"rollout stuck 2/3\"}");
	md = render_n(EXPORT_MD, v, 10);
	assert_non_null(strstr(md, "| 5 | 2024-05-01 12:00:30 | alice@ws | action.end | k8s-1 | "
	    "ok \xe2\x80\x94 rollback of api (kubectl rollout undo) \xe2\x80\x94 rev 3 |\n"));
	assert_non_null(strstr(md, "| action.end | k8s-1 | unknown \xe2\x80\x94 rollback of api "
	    "(kubectl rollout undo) \xe2\x80\x94 connection lost |\n"));
	/* So does the reconcile that settled it, not by its bare kind. */
	assert_non_null(strstr(md, "| action.reconcile | k8s-1 | rollback of api (kubectl rollout "
	    "undo) \xe2\x80\x94 settled by hand by alice@ws: FAILED \xe2\x80\x94 rollout stuck 2/3 |\n"));
	assert_non_null(strstr(md, "| 6 | 2024-05-01 12:00:40 | bob@vm | joined |  | qa (2 consoles "
	    "open) |\n"));
	/* Its intent says the action as its end does, not the bare kind. */
	assert_non_null(strstr(md, "| 7 | 2024-05-01 12:00:50 | alice@ws | action.intent | k8s-1 | "
	    "rollback of api (kubectl rollout undo) |\n"));
	assert_null(strstr(md, "| incident.resume |"));
	assert_non_null(strstr(md, "| Recovery (1 action did not end OK: see Follow-ups) | "
	    "2024-05-01 12:01:00 | 50s |\n"));
	assert_non_null(strstr(md, "- Outcome: failed, settled by hand by alice@ws after an "
	    "UNKNOWN outcome \xe2\x80\x94 rollout stuck 2/3\n"));
	assert_non_null(strstr(md, "- [ ] Roll the k8s api back (not ticked; its rollback on "
	    "k8s-1 FAILED at 2024-05-01 12:01:30 via r, settled by hand by alice@ws) (an earlier "
	    "one ran OK at 2024-05-01 12:00:30)\n"));
	free(md);
	/* With no end recorded, the second is UNKNOWN: the first still said. */
	md = render_n(EXPORT_MD, v, 8);
	assert_non_null(strstr(md, "- [ ] Roll the k8s api back (not ticked; its rollback on k8s-1 "
	    "started at 2024-05-01 12:00:50 is UNKNOWN via r) (an earlier one ran OK at "
	    "2024-05-01 12:00:30)\n"));
	free(md);
	/* Before the second one, the first did the step's work: nothing earlier to say. */
	md = render_n(EXPORT_MD, v, 6);
	assert_non_null(strstr(md, "- [ ] Roll the k8s api back (not ticked, but its rollback ran "
	    "OK on k8s-1 at 2024-05-01 12:00:20 via r)\n"));
	assert_null(strstr(md, "an earlier one ran OK"));
	free(md);
	/* TIMELINE's rows, in the same words. */
	md = export_details(&v[3], NULL);
	assert_string_equal(md, "rollback of api (kubectl rollout undo)");
	free(md);
	md = export_details(&v[5], NULL);
	assert_string_equal(md, "qa (2 consoles open)");
	free(md);
	js = render_n(EXPORT_JSON, v, 10);
	root = cJSON_Parse(js);
	assert_non_null(root);
	inc = cJSON_GetObjectItemCaseSensitive(root, "incident");
	step = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(inc, "checklist"), 0);
	assert_string_equal(jstr(cJSON_GetObjectItem(step, "ran_bad"), "earlier_ok_at"),
	    "2024-05-01T12:00:30.000Z");
	assert_string_equal(jstr(cJSON_GetObjectItem(step, "ran_bad"), "earlier_ok_op"), "op-a");
	cJSON_Delete(root);
	free(js);
	records_free(v, 10);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(markdown_matches_golden),
		cmocka_unit_test(inconclusive_reread_and_failed_by_hand_are_said_as_recorded),
		cmocka_unit_test(a_kill_switch_settled_by_export_says_it_once),
		cmocka_unit_test(a_failed_rollback_whose_rollout_completed_later),
		cmocka_unit_test(a_resume_written_late_says_when_it_happened_first),
		cmocka_unit_test(an_unknown_rollback_whose_rollout_completed_later),
		cmocka_unit_test(an_action_whose_console_still_runs_is_said_as_running),
		cmocka_unit_test(json_matches_golden),
		cmocka_unit_test(json_has_key_times_actions_chat_and_every_record),
		cmocka_unit_test(json_updates_carry_only_the_title_sent),
		cmocka_unit_test(markdown_shows_local_times_unknown_and_follow_ups),
		cmocka_unit_test(zone_times_follow_dst_and_keep_utc),
		cmocka_unit_test(md_escape_neutralises_markdown),
		cmocka_unit_test(markdown_renders_tables_with_every_row),
		cmocka_unit_test(health_change_details_name_what_changed),
		cmocka_unit_test(statuspage_queue_details_say_the_post),
		cmocka_unit_test(other_kinds_read_as_words),
		cmocka_unit_test(status_page_tries_read_as_words),
		cmocka_unit_test(status_page_updates_show_the_text_and_how_it_went),
		cmocka_unit_test(status_page_post_without_its_queue_record),
		cmocka_unit_test(a_post_refused_seven_times_is_one_row),
		cmocka_unit_test(a_failed_post_says_its_tries),
		cmocka_unit_test(an_earlier_deploy_starts_its_row),
		cmocka_unit_test(recovery_waits_for_every_bad_host),
		cmocka_unit_test(no_data_after_bad_is_not_recovery),
		cmocka_unit_test(rollback_end_is_when_the_last_rollback_settled),
		cmocka_unit_test(a_cut_off_rollback_ends_at_its_reread),
		cmocka_unit_test(rollbacks_run_as_written_count_with_their_source),
		cmocka_unit_test(a_tag_change_the_console_saw_is_the_rollback_without_an_action),
		cmocka_unit_test(ticked_steps_keep_their_outcome_and_due_time),
		cmocka_unit_test(checklist_keeps_each_step_under_its_section),
		cmocka_unit_test(follow_ups_say_which_steps_x_ran),
		cmocka_unit_test(steps_whose_action_ran_ok_are_no_follow_ups),
		cmocka_unit_test(a_failed_rollback_is_not_credited_and_stands_as_a_follow_up),
		cmocka_unit_test(follow_ups_say_which_steps_x_was_refused_on),
		cmocka_unit_test(a_runbook_longer_than_the_journal_exports),
		cmocka_unit_test(follow_ups_say_what_x_posted_checked_and_announced),
		cmocka_unit_test(smoke_rows_name_their_host_and_warning),
		cmocka_unit_test(checklist_by_runbook_and_ticks_of_the_file_apart),
		cmocka_unit_test(an_edited_runbook_is_listed_once_with_each_mark_on_its_step),
		cmocka_unit_test(a_mark_of_a_renamed_step_is_said_not_placed),
		cmocka_unit_test(a_runbook_loaded_again_is_listed_once_saying_when),
		cmocka_unit_test(a_runbook_loaded_under_two_keys_is_listed_once_when_its_bytes_match),
		cmocka_unit_test(a_mark_from_a_step_edited_since_says_it_is_an_earlier_version_s),
		cmocka_unit_test(a_load_that_could_not_place_marks_reads_as_words),
		cmocka_unit_test(actions_say_what_they_changed),
		cmocka_unit_test(shutdowns_say_who_ended_the_console),
		cmocka_unit_test(resumes_name_what_an_earlier_session_left_unknown),
		cmocka_unit_test(recovery_is_when_the_last_bad_host_is_back),
		cmocka_unit_test(killswitch_changes_say_the_value_from_and_to),
		cmocka_unit_test(reachability_says_when_each_host_was_unreachable),
		cmocka_unit_test(reachability_duration_is_the_timelines),
		cmocka_unit_test(a_key_wait_is_no_outage),
		cmocka_unit_test(a_changed_host_key_is_reachability_and_a_follow_up),
		cmocka_unit_test(a_changed_key_put_back_reads_offered_its_known_key_again),
		cmocka_unit_test(reachability_says_the_unwatched_part),
		cmocka_unit_test(an_up_counts_every_unwatched_stretch_of_its_down),
		cmocka_unit_test(reachability_says_a_down_found_on_resume),
		cmocka_unit_test(reachability_says_a_return_after_a_retry_wait),
		cmocka_unit_test(a_down_found_on_opening_with_a_gap_inside_is_a_range),
		cmocka_unit_test(a_restart_at_once_says_no_duration),
		cmocka_unit_test(data_gaps_say_when_a_connected_hosts_data_stopped),
		cmocka_unit_test(data_gaps_list_every_host_down),
		cmocka_unit_test(data_gaps_keep_reads_that_failed_past_the_return),
		cmocka_unit_test(a_resume_says_how_long_no_writing_console_ran),
		cmocka_unit_test(actions_give_their_commands_and_whole_outcome),
		cmocka_unit_test(summary_counts_outcomes_settled_after_unknown),
		cmocka_unit_test(resumes_say_what_the_journal_lost),
		cmocka_unit_test(a_console_gone_is_said_from_its_record_or_its_lock),
		cmocka_unit_test(degraded_journal_is_a_data_gap),
		cmocka_unit_test(refused_actions_and_fleet_rollbacks_are_listed),
		cmocka_unit_test(a_chain_nothing_confirmed_is_no_fleet_rollback),
		cmocka_unit_test(fleet_rollbacks_say_their_source_and_start),
		cmocka_unit_test(refused_kill_switch_is_a_follow_up),
		cmocka_unit_test(unknown_exports_are_a_follow_up),
		cmocka_unit_test(json_lists_refused_actions_and_fleet_rollbacks),
		cmocka_unit_test(bidi_controls_never_reach_an_export_raw),
		cmocka_unit_test(a_chain_says_the_settled_outcome_of_each_turn),
		cmocka_unit_test(conclusions_that_hang_on_a_damaged_line_say_so),
		cmocka_unit_test(a_resume_names_the_console_that_ended_unshut),
		cmocka_unit_test(a_rollback_whose_intent_line_is_damaged_keeps_its_row),
		cmocka_unit_test(a_confirmed_action_a_console_never_ran_is_said),
		cmocka_unit_test(impact_says_what_no_console_watched),
		cmocka_unit_test(impact_and_data_gaps_tell_a_quit_from_a_kill),
		cmocka_unit_test(the_status_page_began_is_the_impact_start),
		cmocka_unit_test(impact_counts_from_the_bad_deploy),
		cmocka_unit_test(a_fault_on_a_host_ok_under_its_release_is_no_bad_deploy),
		cmocka_unit_test(a_turn_in_the_deploys_second_is_charged_to_the_release),
		cmocka_unit_test(a_fresh_verdict_makes_a_spared_host_the_releases),
		cmocka_unit_test(a_host_without_metrics_recovers_when_its_restarts_calm),
		cmocka_unit_test(a_host_back_on_restarts_alone_is_named_beside_the_recovery),
		cmocka_unit_test(a_deploy_a_day_before_the_first_record_is_no_impact_start),
		cmocka_unit_test(a_turn_charged_to_no_release_names_each_it_spared),
		cmocka_unit_test(a_deploy_made_outside_is_named),
		cmocka_unit_test(bad_deploy_keeps_its_first_time_and_says_who),
		cmocka_unit_test(bad_deploy_by_our_action_or_estimated),
		cmocka_unit_test(bad_deploy_by_our_action_whose_intent_is_lost),
		cmocka_unit_test(bad_deploy_after_a_kill_switch_is_not_its),
		cmocka_unit_test(the_bad_release_left_running_is_a_follow_up),
		cmocka_unit_test(a_schema_left_ahead_is_a_follow_up),
		cmocka_unit_test(an_env_left_on_the_bad_tag_is_a_follow_up),
		cmocka_unit_test(a_rollback_from_a_release_no_verdict_judged_is_no_bad_release),
		cmocka_unit_test(the_bad_release_deployed_again_is_said),
		cmocka_unit_test(key_times_are_in_time_order),
		cmocka_unit_test(a_refused_kill_switch_on_a_host_rolled_back_is_no_follow_up),
		cmocka_unit_test(a_release_judged_bad_later_is_not_deployed_again),
		cmocka_unit_test(another_release_judged_bad_is_said_once),
		cmocka_unit_test(the_summary_names_the_main_bad_release_first),
		cmocka_unit_test(every_release_judged_bad_is_in_the_summary),
		cmocka_unit_test(a_flapping_host_is_one_timeline_row),
		cmocka_unit_test(a_host_flapping_over_three_levels_folds_after_its_escalation),
		cmocka_unit_test(a_flapping_row_ends_at_a_kill_and_reopen),
		cmocka_unit_test(first_readings_are_one_timeline_row),
		cmocka_unit_test(first_oks_at_the_start_are_one_timeline_row),
		cmocka_unit_test(a_verdict_before_its_tag_record_judges_that_tag),
		cmocka_unit_test(a_status_page_takeover_is_said_in_words),
		cmocka_unit_test(a_refused_restore_is_no_containment_follow_up),
		cmocka_unit_test(recovery_comes_from_the_hosts_the_release_made_bad),
		cmocka_unit_test(a_second_host_of_the_same_rollout_is_no_redeploy),
		cmocka_unit_test(the_bad_deploy_points_at_its_first_record),
		cmocka_unit_test(still_exports_says_which_service_runs_the_bad_release),
		cmocka_unit_test(a_command_in_the_change_cell_is_not_nested_in_quotes),
		cmocka_unit_test(a_status_post_that_went_through_is_one_timeline_row),
		cmocka_unit_test(one_rollout_over_three_drivers_is_one_bad_release),
		cmocka_unit_test(the_json_names_every_release_the_summary_does),
		cmocka_unit_test(impact_so_far_ends_at_the_last_record_before_the_exports),
		cmocka_unit_test(a_late_failed_rollback_is_said_wherever_it_is_read),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
