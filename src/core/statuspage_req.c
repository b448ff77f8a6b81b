/*
 * statuspage_req.c — status-page posts as exact HTTP requests, and the
 * answers read back (statuspage_req.h has the path and lookup rules).
 *
 * Pure: the same update always gives the same bytes, which is what lets a
 * queued post be rebuilt from the journal after a restart and what the
 * unit tests compare against. Ids that come back from a page are checked
 * before they go into a path, so an answer cannot steer a later request.
 */
#include "warroom/statuspage_req.h"
#include "warroom/sanitize.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static const char *const action_names[] = { "create", "update", "resolve" };
static const char *const status_names[] = {
	"investigating", "identified", "monitoring", "resolved",
};
static const char *const impact_names[] = { "none", "minor", "major", "critical" };
static const char *const component_names[] = {
	"operational", "degraded_performance", "partial_outage", "major_outage",
	"under_maintenance",
};
/* Cachet component statuses for the names above (2.x and 3.x alike; neither
 * has a maintenance one: performance issues is closest). */
static const int cachet_component[] = { 1, 2, 3, 4, 2 };
/* Cachet's own words for incident statuses 1..4 (IncidentStatusEnum labels). */
static const char *const cachet_status_words[] = {
	"Investigating", "Identified", "Watching", "Fixed",
};

#define ATLASSIAN_AUTH "Authorization: OAuth "
#define CACHET_MARK_OPEN "<!-- warroom:"
#define CACHET_MARK_CLOSE " -->"

/* What differs between Cachet 2.x and 3.x; everything else is shared. */
struct cachet_api {
	const char *auth;                /* the auth header's prefix */
	const char *prefix;              /* the API's path under the site root */
	const char *list_query;          /* newest incidents first, 100 of them */
	const char *update_incident;     /* an update's answer names its incident here */
	bool create_component;           /* the create carries the first component */
	/* The status a page shows is its latest update's, so a status change
	 * without text is an update too (the status' own word as its text). */
	bool status_by_update;
	bool jsonapi;                    /* answers are JSON:API resources */
};

static const struct cachet_api cachet2_api = {
	.auth = "X-Cachet-Token: ",
	.prefix = "/api/v1",
	.list_query = "?sort=id&order=desc&per_page=100",
	.update_incident = "incident_id",
	.create_component = true,
};

/* Cachet 3 (cachethq/core): Sanctum bearer tokens; the create's component
 * list changed shape between releases, so components are always PUT. */
static const struct cachet_api cachet3_api = {
	.auth = "Authorization: Bearer ",
	.prefix = "/api",
	.list_query = "?per_page=100",
	.update_incident = "updateable_id",
	.status_by_update = true,
	.jsonapi = true,
};

/* The Cachet dialect of kind, NULL for a kind that is not Cachet. */
static const struct cachet_api *
cachet_api(enum statuspage_kind kind)
{
	switch (kind) {
	case STATUSPAGE_CACHET: return &cachet2_api;
	case STATUSPAGE_CACHET3: return &cachet3_api;
	default: return NULL;
	}
}

static int
lookup(const char *const *names, size_t n, const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

const char *
statuspage_action_name(enum statuspage_action a)
{
	return (size_t)a < WR_ARRAY_LEN(action_names) ? action_names[a] : "?";
}

const char *
statuspage_status_name(enum statuspage_status s)
{
	return (size_t)s < WR_ARRAY_LEN(status_names) ? status_names[s] : "?";
}

const char *
statuspage_post_words(const char *action, const char *status, char *buf, size_t cap)
{
	if (strcmp(action, "resolve") == 0 && strcmp(status, "resolved") == 0)
		snprintf(buf, cap, "resolve the incident");
	else
		snprintf(buf, cap, "%s %s", action, status);
	return buf;
}

const char *
statuspage_component_status_name(enum statuspage_component_status s)
{
	return (size_t)s < WR_ARRAY_LEN(component_names) ? component_names[s] : "?";
}

bool
statuspage_impact_ok(const char *s)
{
	return lookup(impact_names, WR_ARRAY_LEN(impact_names), s) >= 0;
}

void
statuspage_preview_facts(enum statuspage_kind kind, const struct statuspage_update *u,
    const char *asked_name, char *title, size_t tcap, char *impact, size_t icap)
{
	title[0] = impact[0] = '\0';
	if (u->action == STATUSPAGE_CREATE && (asked_name == NULL || asked_name[0] == '\0'))
		snprintf(title, tcap, "title \"%s\" (Tab edits it): the internal --incident name, "
		    "as no runbook name= gave one", u->name);
	else if (u->action == STATUSPAGE_CREATE)
		snprintf(title, tcap, "title \"%s\"", u->name);
	else if (asked_name != NULL && asked_name[0] != '\0')
		snprintf(title, tcap, "title \"%s\" not sent: the incident is already on the "
		    "page and keeps its title", asked_name);
	if (u->impact[0] == '\0')
		return;
	if (kind == STATUSPAGE_ATLASSIAN)
		snprintf(impact, icap, "impact %s", u->impact);
	else
		snprintf(impact, icap, "impact %s: this status page has no impact field",
		    u->impact);
}

char *
statuspage_chat_line(const char *title, const char *incident, const char *status,
    const char *text)
{
	struct wr_buf b = { 0 };
	size_t n;

	if (title != NULL && title[0] != '\0' && strcmp(title, incident) != 0)
		wr_buf_printf(&b, "%s (%s)", title, incident);
	else
		wr_buf_str(&b, incident);
	/* A text that opens with its own status ("Resolved: …", the
	 * templates' way) would read "resolved: Resolved: …". */
	n = strlen(status);
	if (n > 0 && strncasecmp(text, status, n) == 0 && text[n] == ':') {
		text += n + 1;
		while (*text == ' ')
			text++;
	}
	wr_buf_printf(&b, " \xe2\x80\x94 %s: %s", status, text);
	return wr_buf_take(&b);
}

/* s ends with suffix: its length, else 0. */
static size_t
ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && strncmp(s + n - k, suffix, k) == 0 ? k : 0;
}

void
statuspage_preview_where(enum statuspage_kind kind, const char *url,
    const char *page_incident, char *out, size_t cap)
{
	const char *host = strstr(url, "://"), *path, *at, *pages, *name;
	size_t nhost, npath, nid;
	char incident[STATUSPAGE_ID_MAX + 16];

	host = host != NULL ? host + 3 : url;
	path = host + strcspn(host, "/?#");
	/* A user or password in the url is a secret, not a place. */
	at = memchr(host, '@', (size_t)(path - host));
	while (at != NULL) {
		host = at + 1;
		at = memchr(host, '@', (size_t)(path - host));
	}
	nhost = (size_t)(path - host);
	npath = *path == '/' ? strcspn(path, "?#") : 0;
	while (npath > 0 && path[npath - 1] == '/')
		npath--;
	/* Cachet's API suffix says nothing of which site it is. */
	if (kind == STATUSPAGE_CACHET)
		npath -= ends_with(path, npath, "/api/v1");
	else if (kind == STATUSPAGE_CACHET3)
		npath -= ends_with(path, npath, "/api");
	if (page_incident != NULL && page_incident[0] != '\0')
		snprintf(incident, sizeof(incident), "incident %s", page_incident);
	else
		wr_strlcpy(incident, "a new incident", sizeof(incident));
	name = config_statuspage_kind_name(kind);
	pages = kind == STATUSPAGE_ATLASSIAN && npath > 0 ? strstr(path, "/pages/") : NULL;
	if (pages != NULL && pages < path + npath) {
		pages += strlen("/pages/");
		nid = strcspn(pages, "/?#");
		if (pages + nid > path + npath)
			nid = (size_t)(path + npath - pages);
		snprintf(out, cap, "posts to %s page %.*s at %.*s, %s", name, (int)nid, pages,
		    (int)nhost, host, incident);
		return;
	}
	snprintf(out, cap, "posts to %s at %.*s%.*s, %s", name, (int)nhost, host, (int)npath,
	    path, incident);
}

int
statuspage_action_parse(const char *s)
{
	return lookup(action_names, WR_ARRAY_LEN(action_names), s);
}

int
statuspage_status_parse(const char *s)
{
	return lookup(status_names, WR_ARRAY_LEN(status_names), s);
}

bool
statuspage_backwards_words(const char *page_status, int64_t at_ms,
    enum statuspage_status to, char *buf, size_t cap)
{
	int was = page_status != NULL ? statuspage_status_parse(page_status) : -1;
	char when[32] = "";

	if (cap > 0)
		buf[0] = '\0';
	if (was < 0 || (int)to >= was)
		return false;
	if (at_ms > 0) {
		time_t t = (time_t)(at_ms / 1000);
		struct tm tm;

		if (gmtime_r(&t, &tm) != NULL)
			strftime(when, sizeof(when), " (posted %H:%M)", &tm);
	}
	snprintf(buf, cap, "the page already says %s%s; this sets it back to %s",
	    statuspage_status_name((enum statuspage_status)was), when,
	    statuspage_status_name(to));
	return true;
}

int
statuspage_component_status_parse(const char *s)
{
	return lookup(component_names, WR_ARRAY_LEN(component_names), s);
}

/* Ids that may go into a path: [A-Za-z0-9_-], not empty. */
static bool
id_ok(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
			return false;
	return true;
}

static bool
digits_only(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

static struct statuspage_req *
add_req(struct statuspage_reqs *out, const char *method, const char *auth,
    cJSON *body)
{
	struct statuspage_req *r = &out->v[out->n++];

	memset(r, 0, sizeof(*r));
	wr_strlcpy(r->method, method, sizeof(r->method));
	r->auth_prefix = auth;
	if (body != NULL) {
		r->body = cJSON_PrintUnformatted(body);
		if (r->body == NULL)
			abort();
		cJSON_Delete(body);
	}
	return r;
}

static int
build_atlassian(const struct statuspage_update *u, struct statuspage_reqs *out,
    struct wr_err *err)
{
	cJSON *root = cJSON_CreateObject(), *inc, *meta, *ids, *comps;
	struct statuspage_req *r;
	size_t i;

	inc = cJSON_AddObjectToObject(root, "incident");
	/* Only a create titles the incident: an update's name (kept for the
	 * lookup) would rename what customers already read. */
	if (u->action == STATUSPAGE_CREATE)
		cJSON_AddStringToObject(inc, "name", u->name);
	cJSON_AddStringToObject(inc, "status", statuspage_status_name(u->status));
	if (u->body[0] != '\0')
		cJSON_AddStringToObject(inc, "body", u->body);
	if (u->impact[0] != '\0')
		cJSON_AddStringToObject(inc, "impact_override", u->impact);
	if (u->ncomponents > 0) {
		ids = cJSON_AddArrayToObject(inc, "component_ids");
		comps = cJSON_AddObjectToObject(inc, "components");
		for (i = 0; i < u->ncomponents; i++) {
			cJSON_AddItemToArray(ids, cJSON_CreateString(u->components[i].id));
			cJSON_AddStringToObject(comps, u->components[i].id,
			    statuspage_component_status_name(u->components[i].status));
		}
	}
	meta = cJSON_AddObjectToObject(cJSON_AddObjectToObject(inc, "metadata"), "warroom");
	cJSON_AddStringToObject(meta, "incident", u->our_id);
	if (u->action == STATUSPAGE_CREATE) {
		r = add_req(out, "POST", ATLASSIAN_AUTH, root);
		wr_strlcpy(r->path, "/incidents", sizeof(r->path));
		r->creates = true;
	} else {
		r = add_req(out, "PATCH", ATLASSIAN_AUTH, root);
		snprintf(r->path, sizeof(r->path), "/incidents/%s", u->page_id);
	}
	(void)err;
	return 0;
}

static void
cachet_components(const struct cachet_api *api, const struct statuspage_update *u,
    size_t from, struct statuspage_reqs *out)
{
	struct statuspage_req *r;
	cJSON *b;
	size_t i;

	for (i = from; i < u->ncomponents; i++) {
		b = cJSON_CreateObject();
		cJSON_AddNumberToObject(b, "status", cachet_component[u->components[i].status]);
		r = add_req(out, "PUT", api->auth, b);
		snprintf(r->path, sizeof(r->path), "%s/components/%s", api->prefix,
		    u->components[i].id);
	}
}

static int
build_cachet(const struct cachet_api *api, const struct statuspage_update *u,
    struct statuspage_reqs *out, struct wr_err *err)
{
	struct statuspage_req *r;
	const char *text;
	cJSON *b;
	char *msg;
	size_t i, n;

	for (i = 0; i < u->ncomponents; i++)
		if (!digits_only(u->components[i].id))
			return wr_err_set(err, "cachet component ids are numbers, not \"%s\"",
			    u->components[i].id);
	b = cJSON_CreateObject();
	if (u->action == STATUSPAGE_CREATE) {
		n = strlen(u->body) + strlen(u->our_id) + 32;
		msg = xmalloc(n);
		snprintf(msg, n, "%s%s" CACHET_MARK_OPEN "%s" CACHET_MARK_CLOSE, u->body,
		    u->body[0] != '\0' ? "\n\n" : "", u->our_id);
		cJSON_AddStringToObject(b, "name", u->name);
		cJSON_AddStringToObject(b, "message", msg);
		cJSON_AddNumberToObject(b, "status", (int)u->status + 1);
		cJSON_AddNumberToObject(b, "visible", 1);
		free(msg);
		if (api->create_component && u->ncomponents > 0) {
			/* Cachet 2's create takes one component; the rest are PUT. */
			cJSON_AddNumberToObject(b, "component_id", atoi(u->components[0].id));
			cJSON_AddNumberToObject(b, "component_status",
			    cachet_component[u->components[0].status]);
		}
		r = add_req(out, "POST", api->auth, b);
		snprintf(r->path, sizeof(r->path), "%s/incidents", api->prefix);
		r->creates = true;
		cachet_components(api, u, api->create_component ? 1 : 0, out);
		return 0;
	}
	/* An update needs a message; a bare status change is a PUT where the
	 * incident's own status is what the page shows. */
	cJSON_AddNumberToObject(b, "status", (int)u->status + 1);
	text = u->body[0] != '\0' ? u->body :
	    api->status_by_update ? cachet_status_words[u->status] : NULL;
	if (text != NULL) {
		cJSON_AddStringToObject(b, "message", text);
		r = add_req(out, "POST", api->auth, b);
		snprintf(r->path, sizeof(r->path), "%s/incidents/%s/updates", api->prefix,
		    u->page_id);
	} else {
		r = add_req(out, "PUT", api->auth, b);
		snprintf(r->path, sizeof(r->path), "%s/incidents/%s", api->prefix, u->page_id);
	}
	cachet_components(api, u, 0, out);
	return 0;
}

int
statuspage_req_build(enum statuspage_kind kind, const struct statuspage_update *u,
    struct statuspage_reqs *out, struct wr_err *err)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	if (u->ncomponents > STATUSPAGE_MAX_COMPONENTS)
		return wr_err_set(err, "at most %d components per post", STATUSPAGE_MAX_COMPONENTS);
	if ((size_t)u->action >= WR_ARRAY_LEN(action_names) ||
	    (size_t)u->status >= WR_ARRAY_LEN(status_names))
		return wr_err_set(err, "unknown action or status");
	for (i = 0; i < u->ncomponents; i++) {
		if (!id_ok(u->components[i].id))
			return wr_err_set(err, "bad component id \"%s\"", u->components[i].id);
		if ((size_t)u->components[i].status >= WR_ARRAY_LEN(component_names))
			return wr_err_set(err, "unknown component status");
	}
	if (u->impact[0] != '\0' && !statuspage_impact_ok(u->impact))
		return wr_err_set(err, "unknown impact \"%s\" (none, minor, major or critical)",
		    u->impact);
	if (u->our_id[0] == '\0')
		return wr_err_set(err, "a post needs our incident id");
	if (u->action == STATUSPAGE_CREATE && u->name[0] == '\0')
		return wr_err_set(err, "creating an incident needs a name");
	if (u->action != STATUSPAGE_CREATE && !id_ok(u->page_id))
		return wr_err_set(err, u->page_id[0] == '\0' ?
		    "the page's incident id is not known yet" :
		    "the page's incident id is not a plain id");
	if (kind == STATUSPAGE_ATLASSIAN)
		return build_atlassian(u, out, err);
	if (cachet_api(kind) != NULL)
		return build_cachet(cachet_api(kind), u, out, err);
	return wr_err_set(err, "no status page is configured");
}

void
statuspage_req_lookup(enum statuspage_kind kind, struct statuspage_req *out)
{
	const struct cachet_api *api = cachet_api(kind);

	memset(out, 0, sizeof(*out));
	wr_strlcpy(out->method, "GET", sizeof(out->method));
	if (api != NULL) {
		out->auth_prefix = api->auth;
		snprintf(out->path, sizeof(out->path), "%s/incidents%s", api->prefix,
		    api->list_query);
	} else {
		out->auth_prefix = ATLASSIAN_AUTH;
		wr_strlcpy(out->path, "/incidents/unresolved", sizeof(out->path));
	}
}

void
statuspage_req_check(enum statuspage_kind kind, struct statuspage_req *out)
{
	const struct cachet_api *api = cachet_api(kind);

	memset(out, 0, sizeof(*out));
	wr_strlcpy(out->method, "GET", sizeof(out->method));
	if (api != NULL) {
		out->auth_prefix = api->auth;
		snprintf(out->path, sizeof(out->path), "%s/ping", api->prefix);
	} else
		out->auth_prefix = ATLASSIAN_AUTH;     /* "": the page's own url */
}

void
statuspage_reqs_free(struct statuspage_reqs *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].body);
		r->v[i].body = NULL;
	}
	r->n = 0;
}

int
statuspage_req_url(enum statuspage_kind kind, const char *base, const char *path,
    char *out, size_t cap, struct wr_err *err)
{
	const struct cachet_api *api = cachet_api(kind);
	size_t blen = strlen(base), plen;
	int n;

	while (blen > 0 && base[blen - 1] == '/')
		blen--;
	/* A base that already names the API (…/api/v1, …/api) is not doubled. */
	if (api != NULL && (plen = strlen(api->prefix)) <= blen &&
	    strncmp(path, api->prefix, plen) == 0 && path[plen] == '/' &&
	    strncmp(base + blen - plen, api->prefix, plen) == 0)
		path += plen;
	if (*path == '/')
		path++;
	/* No path: the url itself (Atlassian's page), without a trailing '/'. */
	n = snprintf(out, cap, "%.*s%s%s", (int)blen, base, *path ? "/" : "", path);
	if (n < 0 || (size_t)n >= cap)
		return wr_err_set(err, "status page URL too long");
	return 0;
}

/* A JSON id (string or integer) as text; false when it is neither or unsafe. */
static bool
json_id(const cJSON *v, char id[STATUSPAGE_ID_MAX])
{
	if (cJSON_IsString(v) && v->valuestring != NULL) {
		if (!wr_strlcpy(id, v->valuestring, STATUSPAGE_ID_MAX))
			return false;
	} else if (cJSON_IsNumber(v) && v->valuedouble >= 0 && v->valuedouble < 1e15 &&
	    v->valuedouble == (double)(long long)v->valuedouble)
		snprintf(id, STATUSPAGE_ID_MAX, "%lld", (long long)v->valuedouble);
	else
		return false;
	return id_ok(id);
}

/* A Cachet status number: 2.x gives it bare, 3.x as {"human","value"};
 * -1 when neither. */
static int
cachet_status_value(const cJSON *v)
{
	if (cJSON_IsObject(v))
		v = cJSON_GetObjectItemCaseSensitive(v, "value");
	return cJSON_IsNumber(v) ? v->valueint : -1;
}

/* An incident's status as an Atlassian name (cachet's 1..4 mapped). */
static void
json_status(const cJSON *v, char status[32])
{
	int n = cachet_status_value(v);

	status[0] = '\0';
	if (cJSON_IsString(v) && v->valuestring != NULL)
		wr_strlcpy(status, v->valuestring, 32);
	else if (n >= 1 && n <= 4)
		wr_strlcpy(status, status_names[n - 1], 32);
}

/* The object holding a Cachet incident's fields: a JSON:API resource keeps
 * them under "attributes"; NULL when that is not an object. */
static const cJSON *
cachet_fields(const struct cachet_api *api, const cJSON *res)
{
	const cJSON *f = api->jsonapi ? cJSON_GetObjectItemCaseSensitive(res, "attributes") : res;

	return cJSON_IsObject(f) ? f : NULL;
}

/* A Cachet resource's id: JSON:API's "id" (a string), else the field. */
static const cJSON *
cachet_id(const struct cachet_api *api, const cJSON *res, const cJSON *fields)
{
	const cJSON *v = api->jsonapi ? cJSON_GetObjectItemCaseSensitive(res, "id") : NULL;

	return v != NULL ? v : cJSON_GetObjectItemCaseSensitive(fields, "id");
}

/* An id as a number for "newest first"; -1 when it is not one. */
static double
id_number(const cJSON *v)
{
	if (cJSON_IsNumber(v))
		return v->valuedouble;
	if (cJSON_IsString(v) && v->valuestring != NULL && digits_only(v->valuestring) &&
	    strlen(v->valuestring) < 16)
		return strtod(v->valuestring, NULL);
	return -1;
}

static cJSON *
parse_json(const char *body, size_t len, struct wr_err *err)
{
	cJSON *j = cJSON_ParseWithLength(body, len);

	if (j == NULL)
		wr_err_set(err, "the status page's answer is not JSON");
	return j;
}

/* A page's incident list (Cachet's under "data"): the parsed answer to
 * free, *list in it; NULL (err set) when it is no list. */
static cJSON *
incident_list(const char *body, size_t len, const struct cachet_api *api,
    const cJSON **list, struct wr_err *err)
{
	cJSON *j;

	if ((j = parse_json(body, len, err)) == NULL)
		return NULL;
	*list = api != NULL ? cJSON_GetObjectItemCaseSensitive(j, "data") : j;
	if (!cJSON_IsArray(*list)) {
		cJSON_Delete(j);
		wr_err_set(err, "the status page's incident list is not a list");
		return NULL;
	}
	return j;
}

/* A string, or an object's "message" or "detail" string. */
static const char *
said_of(const cJSON *v)
{
	if (cJSON_IsString(v))
		return v->valuestring;
	if (cJSON_IsObject(v)) {
		const char *m = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(v, "message"));

		return m != NULL ? m : cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(v,
		    "detail"));
	}
	return NULL;
}

bool
statuspage_req_error_text(const char *body, size_t len, char *out, size_t cap)
{
	static const char *const keys[] = { "error", "errors", "message", "detail" };
	const char *said = NULL;
	cJSON *j;
	size_t i;

	if (cap == 0)
		return false;
	out[0] = '\0';
	if (body == NULL || (j = cJSON_ParseWithLength(body, len)) == NULL)
		return false;
	for (i = 0; said == NULL && cJSON_IsObject(j) && i < sizeof(keys) / sizeof(keys[0]); i++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, keys[i]);

		said = cJSON_IsArray(v) ? said_of(cJSON_GetArrayItem(v, 0)) : said_of(v);
	}
	/* The page's own words are text from outside: sanitized and cut. */
	if (said != NULL && said[0] != '\0')
		sanitize_line(said, strlen(said), out, cap);
	cJSON_Delete(j);
	return out[0] != '\0';
}

int
statuspage_req_parse_incident(enum statuspage_kind kind, const char *body, size_t len,
    char id[STATUSPAGE_ID_MAX], char status[32], struct wr_err *err)
{
	const struct cachet_api *api = cachet_api(kind);
	const cJSON *o, *f, *v;
	cJSON *j;
	int r = 0;

	id[0] = status[0] = '\0';
	if ((j = parse_json(body, len, err)) == NULL)
		return -1;
	o = api != NULL ? cJSON_GetObjectItemCaseSensitive(j, "data") : j;
	f = !cJSON_IsObject(o) ? NULL : api != NULL ? cachet_fields(api, o) : o;
	char said[STATUSPAGE_SAID_MAX];

	if (f == NULL && statuspage_req_error_text(body, len, said, sizeof(said)))
		r = wr_err_set(err, "the status page's answer is not an incident; it says: \"%s\"",
		    said);
	else if (f == NULL)
		r = wr_err_set(err, "the status page's answer is not an incident");
	else {
		/* A cachet update answers with the update; it names its incident. */
		v = api != NULL ? cJSON_GetObjectItemCaseSensitive(f, api->update_incident) : NULL;
		if (v == NULL)
			v = api != NULL ? cachet_id(api, o, f) : cJSON_GetObjectItemCaseSensitive(o, "id");
		if (!json_id(v, id)) {
			/* A 200 that says why it saved nothing: its words name it. */
			if (statuspage_req_error_text(body, len, said, sizeof(said)))
				r = wr_err_set(err, "the status page's answer has no usable incident "
				    "id; it says: \"%s\"", said);
			else
				r = wr_err_set(err, "the status page's answer has no usable incident id");
		}
		else
			json_status(cJSON_GetObjectItemCaseSensitive(f, "status"), status);
	}
	cJSON_Delete(j);
	if (r != 0)
		id[0] = '\0';
	return r;
}

static bool
atlassian_ours(const cJSON *inc, const char *our_id)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(inc, "metadata");
	const cJSON *v;

	m = cJSON_GetObjectItemCaseSensitive(m, "warroom");
	v = cJSON_GetObjectItemCaseSensitive(m, "incident");
	return cJSON_IsString(v) && strcmp(v->valuestring, our_id) == 0;
}

static bool
cachet_marked(const cJSON *inc, const char *our_id)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(inc, "message");
	const char *p;
	size_t idlen = strlen(our_id);

	if (!cJSON_IsString(m))
		return false;
	for (p = m->valuestring; (p = strstr(p, CACHET_MARK_OPEN)) != NULL; p++) {
		const char *q = p + strlen(CACHET_MARK_OPEN);

		if (strncmp(q, our_id, idlen) == 0 &&
		    strncmp(q + idlen, CACHET_MARK_CLOSE, strlen(CACHET_MARK_CLOSE)) == 0)
			return true;
	}
	return false;
}

int
statuspage_req_find(enum statuspage_kind kind, const char *body, size_t len,
    const char *our_id, const char *name, char id[STATUSPAGE_ID_MAX], char status[32],
    struct wr_err *err)
{
	const struct cachet_api *api = cachet_api(kind);
	const cJSON *list, *inc, *f, *best = NULL, *best_f = NULL;
	double best_id = -1, n;
	cJSON *j;
	int r = 0;

	id[0] = status[0] = '\0';
	if ((j = incident_list(body, len, api, &list, err)) == NULL)
		return -1;
	cJSON_ArrayForEach(inc, list) {
		if (!cJSON_IsObject(inc))
			continue;
		if (api == NULL) {
			if (atlassian_ours(inc, our_id)) {
				best = best_f = inc;
				break;
			}
			continue;
		}
		if ((f = cachet_fields(api, inc)) == NULL)
			continue;
		if (cachet_marked(f, our_id)) {
			best = inc;
			best_f = f;
			break;
		}
		if (name != NULL && name[0] != '\0') {
			const cJSON *nm = cJSON_GetObjectItemCaseSensitive(f, "name");

			if (cJSON_IsString(nm) && strcmp(nm->valuestring, name) == 0 &&
			    cachet_status_value(cJSON_GetObjectItemCaseSensitive(f, "status")) != 4 &&
			    (n = id_number(cachet_id(api, inc, f))) > best_id) {
				best_id = n;
				best = inc;
				best_f = f;
			}
		}
	}
	/* A name match loses to a marker found later in the list. */
	if (best != NULL && api != NULL && !cachet_marked(best_f, our_id)) {
		cJSON_ArrayForEach(inc, list)
			if (cJSON_IsObject(inc) && (f = cachet_fields(api, inc)) != NULL &&
			    cachet_marked(f, our_id)) {
				best = inc;
				best_f = f;
				break;
			}
	}
	if (best != NULL) {
		if (!json_id(api != NULL ? cachet_id(api, best, best_f) :
		    cJSON_GetObjectItemCaseSensitive(best, "id"), id)) {
			id[0] = '\0';   /* never half an id, as for a failed parse */
			r = wr_err_set(err, "our incident on the page has no usable id");
		} else {
			json_status(cJSON_GetObjectItemCaseSensitive(best_f, "status"), status);
			r = 1;
		}
	}
	cJSON_Delete(j);
	return r;
}

cJSON *
statuspage_update_to_json(const struct statuspage_update *u)
{
	cJSON *j = cJSON_CreateObject(), *a, *c;
	size_t i;

	cJSON_AddStringToObject(j, "action", statuspage_action_name(u->action));
	cJSON_AddStringToObject(j, "status", statuspage_status_name(u->status));
	cJSON_AddStringToObject(j, "name", u->name);
	cJSON_AddStringToObject(j, "body", u->body);
	cJSON_AddStringToObject(j, "impact", u->impact);
	a = cJSON_AddArrayToObject(j, "components");
	for (i = 0; i < u->ncomponents && i < STATUSPAGE_MAX_COMPONENTS; i++) {
		c = cJSON_CreateObject();
		cJSON_AddStringToObject(c, "id", u->components[i].id);
		cJSON_AddStringToObject(c, "status",
		    statuspage_component_status_name(u->components[i].status));
		cJSON_AddItemToArray(a, c);
	}
	cJSON_AddStringToObject(j, "our_id", u->our_id);
	cJSON_AddStringToObject(j, "page_id", u->page_id);
	return j;
}

static int
get_str(const cJSON *j, const char *key, char *out, size_t cap, struct wr_err *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, key);

	if (!cJSON_IsString(v))
		return wr_err_set(err, "queued post: \"%s\" missing", key);
	if (!wr_strlcpy(out, v->valuestring, cap))
		return wr_err_set(err, "queued post: \"%s\" too long", key);
	return 0;
}

int
statuspage_update_from_json(const cJSON *j, struct statuspage_update *u,
    struct wr_err *err)
{
	char word[32];
	const cJSON *a, *c;
	int v;

	memset(u, 0, sizeof(*u));
	if (!cJSON_IsObject(j))
		return wr_err_set(err, "queued post: not an object");
	if (get_str(j, "action", word, sizeof(word), err) != 0)
		return -1;
	if ((v = statuspage_action_parse(word)) < 0)
		return wr_err_set(err, "queued post: unknown action \"%s\"", word);
	u->action = (enum statuspage_action)v;
	if (get_str(j, "status", word, sizeof(word), err) != 0)
		return -1;
	if ((v = statuspage_status_parse(word)) < 0)
		return wr_err_set(err, "queued post: unknown status \"%s\"", word);
	u->status = (enum statuspage_status)v;
	if (get_str(j, "name", u->name, sizeof(u->name), err) != 0 ||
	    get_str(j, "body", u->body, sizeof(u->body), err) != 0 ||
	    get_str(j, "impact", u->impact, sizeof(u->impact), err) != 0 ||
	    get_str(j, "our_id", u->our_id, sizeof(u->our_id), err) != 0 ||
	    get_str(j, "page_id", u->page_id, sizeof(u->page_id), err) != 0)
		return -1;
	a = cJSON_GetObjectItemCaseSensitive(j, "components");
	if (!cJSON_IsArray(a))
		return wr_err_set(err, "queued post: \"components\" missing");
	cJSON_ArrayForEach(c, a) {
		struct statuspage_component *k;

		if (u->ncomponents == STATUSPAGE_MAX_COMPONENTS)
			return wr_err_set(err, "queued post: too many components");
		k = &u->components[u->ncomponents];
		if (get_str(c, "id", k->id, sizeof(k->id), err) != 0 ||
		    get_str(c, "status", word, sizeof(word), err) != 0)
			return -1;
		if ((v = statuspage_component_status_parse(word)) < 0)
			return wr_err_set(err, "queued post: unknown component status \"%s\"", word);
		k->status = (enum statuspage_component_status)v;
		u->ncomponents++;
	}
	return 0;
}

static void
buf_add(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*buf = xrealloc(*buf, *cap);
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
}

char *
statuspage_template(const char *tpl, const struct statuspage_vars *v)
{
	const struct {
		const char *name;
		const char *value;
	} known[] = {
		{ "service", v ? v->service : NULL },
		{ "from_tag", v ? v->from_tag : NULL },
		{ "to_tag", v ? v->to_tag : NULL },
		{ "incident", v ? v->incident : NULL },
		{ "time", v ? v->time : NULL },
		{ "since", v ? v->since : NULL },
		{ "began", v ? v->began : NULL },
	};
	size_t len = 0, cap = strlen(tpl) + 64, i;
	char *out = xmalloc(cap);
	const char *p = tpl, *open, *close;

	out[0] = '\0';
	while ((open = strchr(p, '{')) != NULL) {
		buf_add(&out, &len, &cap, p, (size_t)(open - p));
		close = strchr(open + 1, '}');
		if (close == NULL)
			break;
		for (i = 0; i < WR_ARRAY_LEN(known); i++)
			if (known[i].value != NULL &&
			    strlen(known[i].name) == (size_t)(close - open - 1) &&
			    strncmp(open + 1, known[i].name, (size_t)(close - open - 1)) == 0)
				break;
		if (i < WR_ARRAY_LEN(known)) {
			buf_add(&out, &len, &cap, known[i].value, strlen(known[i].value));
			p = close + 1;
		} else {
			/* Not ours: keep the '{' and look again after it. */
			buf_add(&out, &len, &cap, open, 1);
			p = open + 1;
		}
	}
	if (open != NULL)
		p = open;
	buf_add(&out, &len, &cap, p, strlen(p));
	return out;
}

int64_t
statuspage_retry_delay_ms(int attempts, long retry_after_s, int64_t base_ms, int64_t cap_ms,
    uint64_t rnd)
{
	int shift = attempts - 1 < 0 ? 0 : attempts - 1 < 20 ? attempts - 1 : 20;
	int64_t delay, half;

	/* The page said when: that, not a backoff grown by earlier failures
	 * (a 429 with Retry-After: 1 waited 57 s); bounded, so a page cannot
	 * park the queue for hours. */
	if (retry_after_s > 0)
		return (retry_after_s > 300 ? 300 : retry_after_s) * 1000 + (int64_t)(rnd % 100);
	delay = base_ms << shift;
	if (delay > cap_ms)
		delay = cap_ms;
	half = delay / 2;
	return half + (half > 0 ? (int64_t)(rnd % (uint64_t)(half + 1)) : 0);
}

enum statuspage_resume
statuspage_resume_decide(enum statuspage_action action, bool maybe_sent,
    const char *first_method)
{
	if (action == STATUSPAGE_CREATE)
		return STATUSPAGE_RESUME_LOOKUP;
	if (!maybe_sent || (first_method != NULL && strcmp(first_method, "PUT") == 0))
		return STATUSPAGE_RESUME_SEND;
	return STATUSPAGE_RESUME_RECONCILE;
}

bool
statuspage_try_maybe_applied(long http_status, int left, const char *error)
{
	if (http_status != 0)
		return false;
	if (left >= 0)
		return left == 1;
	if (error == NULL)
		return true;
	/* curl's words for a request that never left: no connection made.
	 * "Connection reset by peer" is not one: the request may have left. */
	return strstr(error, "connect to") == NULL && strstr(error, "Failed to connect") == NULL &&
	    strstr(error, "resolve") == NULL && strstr(error, "refused") == NULL &&
	    strstr(error, "Connection timed out") == NULL &&
	    strstr(error, "Resolving timed out") == NULL && strstr(error, "SSL connect") == NULL;
}

enum statuspage_resume
statuspage_retry_decide(enum statuspage_action action, bool maybe_applied, const char *method)
{
	return statuspage_resume_decide(action, maybe_applied, method);
}

enum statuspage_read
statuspage_read_decide(long http_status, int found, bool in_session)
{
	if (http_status == 0 || http_status == 420 || http_status == 429 ||
	    (http_status >= 300 && http_status < 400) || http_status >= 500)
		return STATUSPAGE_READ_AGAIN;
	if (http_status < 200 || http_status >= 300)
		return STATUSPAGE_READ_UNKNOWN;
	if (found == 1)
		return STATUSPAGE_READ_POSTED;
	/* Only this console's own try is known to be over: after a restart a
	 * missing update may be one a slow page has yet to apply. */
	if (found == 0)
		return in_session ? STATUSPAGE_READ_SEND : STATUSPAGE_READ_UNKNOWN;
	return in_session ? STATUSPAGE_READ_AGAIN : STATUSPAGE_READ_UNKNOWN;
}

void
statuspage_req_updates(enum statuspage_kind kind, const char *page_id,
    struct statuspage_req *out)
{
	const struct cachet_api *api = cachet_api(kind);

	memset(out, 0, sizeof(*out));
	wr_strlcpy(out->method, "GET", sizeof(out->method));
	if (api != NULL) {
		out->auth_prefix = api->auth;
		snprintf(out->path, sizeof(out->path), "%s/incidents/%s/updates?per_page=100",
		    api->prefix, page_id);
	} else {
		out->auth_prefix = ATLASSIAN_AUTH;
		snprintf(out->path, sizeof(out->path), "/incidents/%s", page_id);
	}
}

/* The creation time an update carries: Atlassian's and Cachet 2's
 * created_at, Cachet 3's created.string. */
static const char *
update_created(const struct cachet_api *api, const cJSON *f)
{
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(f, "created_at");

	if (api != NULL && api->jsonapi)
		c = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(f,
		    "created"), "string");
	return cJSON_IsString(c) ? c->valuestring : NULL;
}

/* Updates in list matching u's status and text (text: what its request
 * carried); the newest one's creation time, as the page wrote it, to
 * *newest. */
static int
count_matches(const struct cachet_api *api, const cJSON *list,
    const struct statuspage_update *u, const char *text, const char **newest)
{
	const cJSON *up, *f, *m, *st;
	const char *c;
	int matches = 0;

	cJSON_ArrayForEach(up, list) {
		f = api != NULL ? cachet_fields(api, up) : up;
		if (f == NULL)
			continue;
		m = cJSON_GetObjectItemCaseSensitive(f, api != NULL ? "message" : "body");
		/* Atlassian keeps a status change without text as an empty body. */
		if (!(cJSON_IsString(m) && text != NULL && strcmp(m->valuestring, text) == 0) &&
		    !(api == NULL && text[0] == '\0' && (m == NULL || cJSON_IsNull(m))))
			continue;
		st = cJSON_GetObjectItemCaseSensitive(f, "status");
		if (api != NULL ? cachet_status_value(st) != (int)u->status + 1 :
		    !cJSON_IsString(st) || strcmp(st->valuestring,
		    statuspage_status_name(u->status)) != 0)
			continue;
		matches++;
		c = update_created(api, f);
		if (c != NULL && (*newest == NULL || strcmp(c, *newest) > 0))
			*newest = c;
	}
	return matches;
}

int
statuspage_req_find_update(enum statuspage_kind kind, const char *body, size_t len,
    const struct statuspage_update *u, int skip, char when[40], int64_t *when_ms,
    struct wr_err *err)
{
	const struct cachet_api *api = cachet_api(kind);
	const char *text = u->body, *newest = NULL;
	const cJSON *list;
	int r;
	int64_t secs;
	int ms;
	cJSON *j;

	when[0] = '\0';
	*when_ms = 0;
	/* The text the request carried (build_cachet's choice for a bare status). */
	if (api != NULL && text[0] == '\0')
		text = api->status_by_update ? cachet_status_words[u->status] : NULL;
	if ((j = parse_json(body, len, err)) == NULL)
		return -1;
	list = api != NULL ? cJSON_GetObjectItemCaseSensitive(j, "data") :
	    cJSON_GetObjectItemCaseSensitive(j, "incident_updates");
	if (!cJSON_IsArray(list)) {
		cJSON_Delete(j);
		return wr_err_set(err, "the status page's answer holds no list of updates");
	}
	r = count_matches(api, list, u, text, &newest) > skip ? 1 : 0;
	if (r == 1 && newest != NULL) {
		wr_strlcpy(when, newest, 40);
		/* A time before 1970 is no creation time of this incident's. */
		if (wr_parse_rfc3339(newest, strlen(newest), &secs, &ms) && secs > 0)
			*when_ms = secs * 1000 + ms;
	}
	cJSON_Delete(j);
	return r;
}

int
statuspage_req_find_create(enum statuspage_kind kind, const char *body, size_t len,
    const struct statuspage_update *u, const char *page_id, int skip, struct wr_err *err)
{
	const struct cachet_api *api = cachet_api(kind);
	const char *newest = NULL;
	const cJSON *list, *inc, *f, *ups, *m;
	char id[STATUSPAGE_ID_MAX];
	cJSON *j;
	int r = 0;
	size_t n;
	char *msg;

	if ((j = incident_list(body, len, api, &list, err)) == NULL)
		return -1;
	cJSON_ArrayForEach(inc, list) {
		if (!cJSON_IsObject(inc))
			continue;
		f = api != NULL ? cachet_fields(api, inc) : inc;
		if (f == NULL || !json_id(api != NULL ? cachet_id(api, inc, f) :
		    cJSON_GetObjectItemCaseSensitive(inc, "id"), id) || strcmp(id, page_id) != 0)
			continue;
		if (api == NULL) {
			/* Atlassian lists each incident's updates, the first one too. */
			ups = cJSON_GetObjectItemCaseSensitive(inc, "incident_updates");
			if (!cJSON_IsArray(ups))
				r = wr_err_set(err, "the page's incident %s lists no updates", id);
			else
				r = count_matches(NULL, ups, u, u->body, &newest) > skip ? 1 : 0;
			break;
		}
		/* Cachet keeps a create's text as the incident's message, marker
		 * and all, exactly as build_cachet sent it. */
		n = strlen(u->body) + strlen(u->our_id) + 32;
		msg = xmalloc(n);
		snprintf(msg, n, "%s%s" CACHET_MARK_OPEN "%s" CACHET_MARK_CLOSE, u->body,
		    u->body[0] != '\0' ? "\n\n" : "", u->our_id);
		m = cJSON_GetObjectItemCaseSensitive(f, "message");
		r = cJSON_IsString(m) && strcmp(m->valuestring, msg) == 0 ? 1 : 0;
		free(msg);
		break;
	}
	cJSON_Delete(j);
	return r;
}

bool
statuspage_create_superseded(enum statuspage_status mine, const char *page_status)
{
	int page = page_status != NULL ? statuspage_status_parse(page_status) : -1;

	return page >= 0 && (int)mine < page;
}

void
statuspage_superseded_words(enum statuspage_status mine, bool tried, long last_http,
    const char *creator_status, int64_t creator_ms, const char *page_status,
    char *buf, size_t cap)
{
	char why[32], by[96] = "another post", when[16] = "";
	bool back = statuspage_create_superseded(mine, page_status);

	if (last_http > 0)
		snprintf(why, sizeof(why), "HTTP %ld", last_http);
	else
		snprintf(why, sizeof(why), "no answer");
	if (creator_ms > 0) {
		time_t t = (time_t)(creator_ms / 1000);
		struct tm tm;

		if (gmtime_r(&t, &tm) != NULL)
			strftime(when, sizeof(when), " at %H:%M", &tm);
	}
	if (creator_status != NULL && creator_status[0] != '\0')
		snprintf(by, sizeof(by), "the %s post%s", creator_status, when);
	/* A create never tried only waited behind the one that made it. */
	snprintf(buf, cap, "%s post %s%s%s; the incident was created by %s; %s",
	    statuspage_status_name(mine), tried ? "never reached the page (" : "was queued as a create",
	    tried ? why : "", tried ? ")" : "", by,
	    back ? "not sent: it would set the status back" : "sent as an update of it");
}

bool
statuspage_takeover(uint64_t owner, uint64_t ours, int alive)
{
	/* A console still holding its .live byte is sending its own posts. */
	return owner != ours && alive != 1;
}
