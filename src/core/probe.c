/*
 * probe.c — /healthz, /readyz and /version bodies → health and version.
 *
 * The status code decides first: 5xx and most 4xx are FAIL whatever the
 * body says, 1xx is UNKNOWN. A redirect, 401, 403, 404, 405 or 410 says the
 * URL reaches no health endpoint at all (a wrong health_url, a proxy in
 * front): UNKNOWN and a hint to check the URL, never FAIL, which would send
 * the engineer after a service that may be fine.
 * A 2xx is OK unless the JSON body says otherwise through the fields
 * services commonly report: "ready", "status" (ok/pass/up/healthy vs
 * fail/down/error/unhealthy; "warn" stays OK) and the migration fields.
 * Migrations that are not current in a ready answer are no failure of
 * readiness, so the answer stays OK with schema_warn set, for HOSTS and the
 * health gate to name as a warning. Which way the schema differs decides
 * whether a migration downgrade may help (ahead, after a rollback) or
 * would drop what the running release needs (behind): it is read only from
 * revisions the body gives as data, never guessed from a bare
 * "migrations_current": false, and never from revisions that are not
 * plain numbers (alembic's are hashes: equal or not is all they say).
 * A body that says it is not ready is FAIL whatever else it says.
 * A 2xx whose body starts like JSON but does not parse is UNKNOWN, never OK:
 * a garbled answer is not a healthy one. probe_health_answer() adds what
 * only the transfer knows: an answer cut short or over the cap, or an HTML
 * page, is not a healthy one either.
 */
#include "warroom/probe.h"
#include "warroom/parse.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool
in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (wr_streq_ci(s, *list))
			return true;
	return false;
}

static size_t
skip_ws(const char *b, size_t len, size_t i)
{
	while (i < len && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
		i++;
	return i;
}

/* One revision as a body gives it: a whole number, or a string of 1 to
 * PROBE_REVISION_MAX - 1 printable non-space ASCII bytes, into out; *num
 * its value when it is a number or 1 to 9 digits, else -1. False for
 * anything else (absent, null, a fraction, an object, control bytes). */
static bool
revision(const cJSON *v, char *out, long *num)
{
	size_t i, n;

	*num = -1;
	if (cJSON_IsNumber(v)) {
		if (!(v->valuedouble >= 0 && v->valuedouble <= 999999999) ||
		    v->valuedouble != (double)(long)v->valuedouble)
			return false;
		*num = (long)v->valuedouble;
		snprintf(out, PROBE_REVISION_MAX, "%ld", *num);
		return true;
	}
	if (!cJSON_IsString(v) || v->valuestring == NULL)
		return false;
	n = strlen(v->valuestring);
	if (n == 0 || n >= PROBE_REVISION_MAX)
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)v->valuestring[i] <= 0x20 ||
		    (unsigned char)v->valuestring[i] >= 0x7f)
			return false;
	memcpy(out, v->valuestring, n + 1);
	/* Longer digit strings may be hashes that happen to hold no letter. */
	if (n <= 9 && strspn(out, "0123456789") == n)
		*num = strtol(out, NULL, 10);
	return true;
}

/* The database's and the expected revision from the pair of o's members
 * named db and want; false (out untouched) unless both are usable. */
static bool
revisions_in(const cJSON *o, const char *db, const char *want, struct probe_result *out,
    int *cmp)
{
	char d[PROBE_REVISION_MAX], w[PROBE_REVISION_MAX];
	long nd, nw;

	if (!cJSON_IsObject(o) ||
	    !revision(cJSON_GetObjectItemCaseSensitive(o, db), d, &nd) ||
	    !revision(cJSON_GetObjectItemCaseSensitive(o, want), w, &nw))
		return false;
	memcpy(out->rev_database, d, sizeof(d));
	memcpy(out->rev_expected, w, sizeof(w));
	/* -2: they differ, which way is not known. */
	if (nd >= 0 && nw >= 0)
		*cmp = nd < nw ? -1 : nd > nw;
	else
		*cmp = strcmp(d, w) == 0 ? 0 : -2;
	return true;
}

/* The schema's reading from the body's fields: the boolean says whether
 * the migrations are current, when the body has it; the revisions say
 * which way they differ, and whether, when it has no boolean. */
static void
judge_schema(const cJSON *o, struct probe_result *out)
{
	const cJSON *mig = cJSON_GetObjectItemCaseSensitive(o, "migrations_current");
	int cmp = 0;
	bool revs = revisions_in(cJSON_GetObjectItemCaseSensitive(o, "migrations"),
	    "database", "expected", out, &cmp) ||
	    revisions_in(o, "database_revision", "expected_revision", out, &cmp);

	if (cJSON_IsTrue(mig) || (!cJSON_IsBool(mig) && revs && cmp == 0))
		out->schema = PROBE_SCHEMA_CURRENT;
	else if (!cJSON_IsBool(mig) && !revs)
		out->schema = PROBE_SCHEMA_UNSAID;
	else if (revs && cmp == 1)
		out->schema = PROBE_SCHEMA_AHEAD;
	else if (revs && cmp == -1)
		out->schema = PROBE_SCHEMA_BEHIND;
	else                            /* "false" alone, or with equal revisions */
		out->schema = PROBE_SCHEMA_UNSURE;
	out->has_migrations = out->schema != PROBE_SCHEMA_UNSAID;
	out->migrations_current = out->schema == PROBE_SCHEMA_CURRENT;
}

/* What the JSON body says: -1 fail, 0 nothing, 1 good; why in why[cap]. */
static int
judge_json(const cJSON *o, struct probe_result *out, char *why, size_t cap)
{
	static const char *const good[] = { "ok", "pass", "up", "healthy",
	    "ready", "green", NULL };
	static const char *const bad[] = { "fail", "failed", "down", "error",
	    "unhealthy", "red", "critical", "not ready", NULL };
	const cJSON *ready = cJSON_GetObjectItemCaseSensitive(o, "ready");
	char status[64], ex[160];
	int verdict = 0;

	why[0] = '\0';
	if (cJSON_IsBool(ready)) {
		out->has_ready = true;
		out->ready = cJSON_IsTrue(ready);
	}
	judge_schema(o, out);
	if (out->has_ready && !out->ready) {
		snprintf(why, cap, "not ready");
		return -1;
	}
	if (parse_json_member(o, "status", status, sizeof(status))) {
		parse_excerpt(status, strlen(status), ex, sizeof(ex));
		if (in_list(status, bad)) {
			snprintf(why, cap, "status \"%s\"", ex);
			return -1;
		}
		if (in_list(status, good))
			verdict = 1;
		else if (status[0] != '\0')
			snprintf(why, cap, "status \"%s\"", ex);
	}
	if (out->has_ready)
		verdict = 1;
	if (out->has_migrations && !out->migrations_current) {
		snprintf(why + strlen(why), cap - strlen(why), "%s%s", why[0] ? "; " : "",
		    probe_schema_words(out->schema));
		if (out->rev_database[0] != '\0')
			snprintf(why + strlen(why), cap - strlen(why), " (database %s, release "
			    "expects %s)", out->rev_database, out->rev_expected);
	} else if (why[0] == '\0' && out->has_ready && out->has_migrations)
		snprintf(why, cap, "ready, migrations current");
	else if (why[0] == '\0' && out->has_migrations)
		snprintf(why, cap, "migrations current");
	else if (why[0] == '\0' && out->has_ready)
		snprintf(why, cap, "ready");
	return verdict;
}

const char *
probe_schema_words(enum probe_schema s)
{
	switch (s) {
	case PROBE_SCHEMA_AHEAD:
		return PROBE_WORDS_AHEAD;
	case PROBE_SCHEMA_BEHIND:
		return PROBE_WORDS_BEHIND;
	case PROBE_SCHEMA_UNSURE:
		return PROBE_WORDS_UNSURE;
	case PROBE_SCHEMA_CURRENT:
	case PROBE_SCHEMA_UNSAID:
		break;
	}
	return NULL;
}

void
probe_schema_outcome(const struct probe_result *r, bool runbook_step, char *buf, size_t cap)
{
	const char *w = probe_schema_words(r->schema);
	char revs[2 * PROBE_REVISION_MAX + 40] = "";

	if (cap == 0)
		return;
	buf[0] = '\0';
	if (w == NULL)
		return;
	if (r->rev_database[0] != '\0')
		snprintf(revs, sizeof(revs), " (database %s, release expects %s)", r->rev_database,
		    r->rev_expected);
	/* Ahead: the runbook's step only when it has one; else the console's
	 * own downgrade, which the engineer may not know of. */
	snprintf(buf, cap, " but %s%s (%s)", w, revs, r->schema == PROBE_SCHEMA_AHEAD ?
	    (runbook_step ? "see the runbook's migration step" : "M downgrades it one revision "
	    "if this release cannot run on it; no runbook has a migration step") :
	    r->schema == PROBE_SCHEMA_BEHIND ?
	    "the release needs a migration the database lacks: migrate forward, never down" :
	    "find out which way before any migration step: a downgrade on a schema behind "
	    "drops what the release needs");
}

bool
probe_smoke_warning(const struct probe_result *r, char *buf, size_t cap)
{
	const char *why = strstr(r->reason, ": ");

	if (cap > 0)
		buf[0] = '\0';
	if (r->health == PROBE_OK && r->schema_warn == PROBE_SCHEMA_UNSAID)
		return false;
	snprintf(buf, cap, "%s", why != NULL ? why + 2 : r->health == PROBE_OK ? "a warning" :
	    r->health == PROBE_FAIL ? "readyz FAIL" : "readyz UNKNOWN");
	return true;
}

const char *
probe_schema_name(enum probe_schema s)
{
	switch (s) {
	case PROBE_SCHEMA_CURRENT:
		return "current";
	case PROBE_SCHEMA_AHEAD:
		return "ahead";
	case PROBE_SCHEMA_BEHIND:
		return "behind";
	case PROBE_SCHEMA_UNSURE:
		return "unsure";
	case PROBE_SCHEMA_UNSAID:
		break;
	}
	return "unsaid";
}

bool
probe_status_wrong_url(int http_status)
{
	switch (http_status) {
	case 401: case 403: case 404: case 405: case 410:
		return true;
	}
	return http_status >= 300 && http_status < 400;
}

void
probe_health(int http_status, const char *body, size_t len,
    struct probe_result *out)
{
	char why[240] = "";
	int says = 0;
	bool broken = false, ignored = false;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->http_status = http_status;
	if (http_status <= 0 || http_status > 999) {
		out->health = PROBE_UNKNOWN;
		snprintf(out->reason, sizeof(out->reason), "no answer");
		return;
	}
	if (probe_status_wrong_url(http_status)) {
		/* Whatever its body says is not the service's health. */
		out->health = PROBE_UNKNOWN;
		out->wrong_url = true;
		snprintf(out->reason, sizeof(out->reason), "HTTP %d: is health_url right?",
		    http_status);
		return;
	}
	if (body == NULL)
		len = 0;
	if (len > WR_PROBE_BODY_MAX) {
		ignored = true;
		len = 0;
	}
	i = skip_ws(body, len, 0);
	if (i < len && body[i] == '{') {
		const char *end = NULL;
		cJSON *o = cJSON_ParseWithLengthOpts(body + i, len - i, &end, 0);

		if (o == NULL || skip_ws(body, len, (size_t)(end - body)) != len)
			broken = true;
		else
			says = judge_json(o, out, why, sizeof(why));
		cJSON_Delete(o);
	}
	if (http_status >= 400) {
		out->health = PROBE_FAIL;
	} else if (http_status < 200 || http_status >= 300) {
		out->health = PROBE_UNKNOWN;
	} else if (broken) {
		out->health = PROBE_UNKNOWN;
		snprintf(why, sizeof(why), "malformed JSON body");
	} else {
		out->health = says < 0 ? PROBE_FAIL : PROBE_OK;
	}
	if (out->health == PROBE_OK && out->has_migrations && !out->migrations_current)
		out->schema_warn = out->schema;
	if (broken && http_status >= 400)
		why[0] = '\0';
	if (ignored)
		snprintf(why, sizeof(why), "body over %d bytes ignored", WR_PROBE_BODY_MAX);
	snprintf(out->reason, sizeof(out->reason), "HTTP %d%s%s", http_status,
	    why[0] != '\0' ? ": " : "", why);
}

/* text/html or application/xhtml+xml, parameters and case aside. */
static bool
is_html(const char *ct)
{
	size_t i = 0;

	if (ct == NULL)
		return false;
	while (ct[i] == ' ' || ct[i] == '\t')
		i++;
	return strncasecmp(ct + i, "text/html", 9) == 0 ||
	    strncasecmp(ct + i, "application/xhtml+xml", 21) == 0;
}

/* libcurl's (or the tunnel's) message: printable ASCII only, bounded. */
static void
ascii(const char *s, char *out, size_t cap)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i + 1 < cap; i++)
		out[i] = s[i] >= 0x20 && s[i] < 0x7f ? s[i] : '?';
	out[i] = '\0';
}

void
probe_health_answer(int http_status, const char *content_type, bool cut,
    const char *error, const char *body, size_t len, struct probe_result *out)
{
	char ex[120];
	const char *why = NULL;

	probe_health(http_status, body, len, out);
	if (http_status <= 0 || http_status > 999) {
		if (error != NULL && error[0] != '\0') {
			snprintf(out->reason, sizeof(out->reason), "no answer: ");
			ascii(error, out->reason + strlen(out->reason),
			    sizeof(out->reason) - strlen(out->reason));
		}
		return;
	}
	if (out->health == PROBE_FAIL || out->wrong_url)
		return;
	if (error != NULL && error[0] != '\0') {
		ascii(error, ex, sizeof(ex));
		why = ex;
	} else if (cut) {
		snprintf(ex, sizeof(ex), "body over %zu bytes, cut", len);
		why = ex;
	} else if (is_html(content_type)) {
		why = "an HTML page, not a health answer";
	}
	if (why == NULL)
		return;
	out->health = PROBE_UNKNOWN;
	out->untrusted = true;
	out->schema_warn = PROBE_SCHEMA_UNSAID;
	snprintf(out->reason, sizeof(out->reason), "HTTP %d: %s%s", http_status,
	    error != NULL && error[0] != '\0' ? "cut short: " : "", why);
}

void
probe_unasked(const char *why, struct probe_result *out)
{
	memset(out, 0, sizeof(*out));
	out->health = PROBE_UNKNOWN;
	snprintf(out->reason, sizeof(out->reason), "not asked: %s",
	    why != NULL && why[0] != '\0' ? why : "no reason given");
}

const char *
probe_health_name(enum probe_health h)
{
	switch (h) {
	case PROBE_OK:
		return "OK";
	case PROBE_FAIL:
		return "FAIL";
	case PROBE_UNKNOWN:
		break;
	}
	return "UNKNOWN";
}

/* A version string is 1..cap-1 bytes of printable ASCII without spaces. */
static int
take_version(const char *s, size_t n, char *out, size_t cap, struct wr_err *err)
{
	if (n == 0)
		return wr_err_set(err, "version: empty");
	if (n >= cap || n >= WR_VERSION_MAX)
		return wr_err_set(err, "version: longer than %d bytes", WR_VERSION_MAX - 1);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= 0x20 || (unsigned char)s[i] >= 0x7f)
			return wr_err_set(err, "version: not printable ASCII at byte %zu", i);
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

int
probe_version(const char *body, size_t len, char *out, size_t cap,
    struct wr_err *err)
{
	size_t i, e;

	if (cap > 0)
		out[0] = '\0';
	if (body == NULL)
		len = 0;
	if (len > WR_PROBE_BODY_MAX)
		return wr_err_set(err, "version: body over %d bytes", WR_PROBE_BODY_MAX);
	i = skip_ws(body, len, 0);
	if (i < len && body[i] == '{') {
		const char *end = NULL;
		cJSON *o = cJSON_ParseWithLengthOpts(body + i, len - i, &end, 0);
		const cJSON *v;
		int rc;

		if (o == NULL || skip_ws(body, len, (size_t)(end - body)) != len) {
			cJSON_Delete(o);
			return wr_err_set(err, "version: malformed JSON body");
		}
		v = cJSON_GetObjectItemCaseSensitive(o, "version");
		if (!cJSON_IsString(v))
			v = cJSON_GetObjectItemCaseSensitive(o, "tag");
		if (!cJSON_IsString(v) || v->valuestring == NULL) {
			cJSON_Delete(o);
			return wr_err_set(err, "version: no \"version\" or \"tag\" string");
		}
		rc = take_version(v->valuestring, strlen(v->valuestring), out, cap, err);
		cJSON_Delete(o);
		return rc;
	}
	for (e = i; e < len && body[e] != '\n' && body[e] != '\r'; e++)
		;
	while (e > i && (body[e - 1] == ' ' || body[e - 1] == '\t'))
		e--;
	return take_version(body + i, e - i, out, cap, err);
}

/* The comparable part of a version: without a "v" before a digit and
 * without "+build" metadata. */
static void
normal_version(const char *s, const char **start, size_t *n)
{
	const char *plus;

	if ((s[0] == 'v' || s[0] == 'V') && s[1] >= '0' && s[1] <= '9')
		s++;
	plus = strchr(s, '+');
	*start = s;
	*n = plus != NULL ? (size_t)(plus - s) : strlen(s);
}

enum probe_version_cmp
probe_version_compare(const char *tag, const char *version)
{
	const char *a, *b;
	size_t na, nb;

	if (tag == NULL || version == NULL || tag[0] == '\0' || version[0] == '\0' ||
	    strcmp(tag, "latest") == 0)
		return PROBE_VERSION_UNKNOWN;
	normal_version(tag, &a, &na);
	normal_version(version, &b, &nb);
	if (na == 0 || nb == 0)
		return PROBE_VERSION_UNKNOWN;
	return na == nb && memcmp(a, b, na) == 0 ? PROBE_VERSION_MATCH :
	    PROBE_VERSION_MISMATCH;
}
