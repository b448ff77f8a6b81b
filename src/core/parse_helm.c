/*
 * parse_helm.c — Helm 3's JSON answers → structs.
 *
 * `helm history -o json` is one array in ascending revision order with
 * integer revisions; `helm list -o json` prints revisions as strings. The
 * current revision is the last one "deployed"; the rollback target is the
 * last one before it that was "deployed" or "superseded", so a failed or
 * pending release is never offered. A history that is empty is an error:
 * helm exits 1 ("release: not found") rather than print [].
 */
#include "warroom/parse_helm.h"
#include "warroom/parse.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The array in buf, or NULL with "what: line N: …" in err. */
static cJSON *
parse_array(const char *buf, size_t len, const char *what, struct wr_err *err)
{
	const char *end = NULL;
	cJSON *doc = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
	char ex[200];
	size_t at;

	if (doc == NULL) {
		at = end != NULL && end >= buf && (size_t)(end - buf) <= len ?
		    (size_t)(end - buf) : 0;
		if (at >= len) {
			wr_err_set(err, "%s: line %d: not JSON: truncated", what,
			    parse_line_of(buf, len));
			return NULL;
		}
		parse_excerpt(buf + at, len - at, ex, sizeof(ex));
		wr_err_set(err, "%s: line %d: not JSON: %s", what,
		    parse_line_of(buf, at), ex);
		return NULL;
	}
	at = (size_t)(end - buf);
	while (at < len && (buf[at] == ' ' || buf[at] == '\n' || buf[at] == '\r' ||
	    buf[at] == '\t'))
		at++;
	if (at != len) {
		parse_excerpt(buf + at, len - at, ex, sizeof(ex));
		wr_err_set(err, "%s: line %d: junk after the array: %s", what,
		    parse_line_of(buf, at), ex);
		cJSON_Delete(doc);
		return NULL;
	}
	if (!cJSON_IsArray(doc)) {
		wr_err_set(err, "%s: not a JSON array", what);
		cJSON_Delete(doc);
		return NULL;
	}
	return doc;
}

/* A revision printed as a number or a decimal string; -1 otherwise. */
static int
revision_of(const cJSON *o)
{
	const cJSON *r = cJSON_GetObjectItemCaseSensitive(o, "revision");
	int v = 0;

	if (cJSON_IsNumber(r))
		return r->valuedouble >= 1 && r->valuedouble <= 2147483647.0 &&
		    r->valuedouble == (double)(int)r->valuedouble ? (int)r->valuedouble : -1;
	if (!cJSON_IsString(r) || r->valuestring == NULL || r->valuestring[0] == '\0' ||
	    strlen(r->valuestring) > 9)
		return -1;
	for (const char *p = r->valuestring; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (*p - '0');
	}
	return v >= 1 ? v : -1;
}

static int
history_items(const cJSON *arr, struct helm_history *out, struct wr_err *err)
{
	const cJSON *o;
	size_t i = 0;

	cJSON_ArrayForEach(o, arr) {
		struct helm_revision *r;

		i++;
		if (!cJSON_IsObject(o))
			return wr_err_set(err, "helm history: element %zu: not an object", i);
		if (out->n >= WR_HELM_MAX)
			return wr_err_set(err, "helm history: more than %d revisions", WR_HELM_MAX);
		out->items = xrealloc(out->items, (out->n + 1) * sizeof(*out->items));
		r = &out->items[out->n];
		memset(r, 0, sizeof(*r));
		if ((r->revision = revision_of(o)) < 0)
			return wr_err_set(err, "helm history: element %zu: no valid \"revision\"", i);
		if (out->n > 0 && r->revision <= out->items[out->n - 1].revision)
			return wr_err_set(err, "helm history: element %zu: revision %d "
			    "not after %d", i, r->revision, out->items[out->n - 1].revision);
		parse_json_member(o, "updated", r->updated, sizeof(r->updated));
		parse_json_member(o, "status", r->status, sizeof(r->status));
		parse_json_member(o, "chart", r->chart, sizeof(r->chart));
		parse_json_member(o, "app_version", r->app_version, sizeof(r->app_version));
		parse_json_member(o, "description", r->description, sizeof(r->description));
		out->n++;
	}
	if (out->n == 0)
		return wr_err_set(err, "helm history: no revisions");
	return 0;
}

int
parse_helm_history(const char *buf, size_t len, struct helm_history *out,
    struct wr_err *err)
{
	cJSON *arr;
	int rc;

	memset(out, 0, sizeof(*out));
	out->current = -1;
	out->rollback = -1;
	if ((arr = parse_array(buf, len, "helm history", err)) == NULL)
		return -1;
	rc = history_items(arr, out, err);
	cJSON_Delete(arr);
	if (rc != 0) {
		parse_helm_history_free(out);
		return -1;
	}
	for (size_t i = out->n; i-- > 0;)
		if (strcmp(out->items[i].status, "deployed") == 0) {
			out->current = (int)i;
			break;
		}
	for (int i = out->current - 1; i >= 0; i--)
		if (strcmp(out->items[i].status, "superseded") == 0 ||
		    strcmp(out->items[i].status, "deployed") == 0) {
			out->rollback = i;
			break;
		}
	return 0;
}

void
parse_helm_history_free(struct helm_history *h)
{
	free(h->items);
	memset(h, 0, sizeof(*h));
	h->current = -1;
	h->rollback = -1;
}

int
parse_helm_list(const char *buf, size_t len, struct helm_list *out,
    struct wr_err *err)
{
	const cJSON *o;
	cJSON *arr;
	size_t i = 0;

	memset(out, 0, sizeof(*out));
	if ((arr = parse_array(buf, len, "helm list", err)) == NULL)
		return -1;
	cJSON_ArrayForEach(o, arr) {
		struct helm_release *r;

		i++;
		if (!cJSON_IsObject(o) || out->n >= WR_HELM_MAX) {
			if (out->n >= WR_HELM_MAX)
				wr_err_set(err, "helm list: more than %d releases", WR_HELM_MAX);
			else
				wr_err_set(err, "helm list: element %zu: not an object", i);
			cJSON_Delete(arr);
			parse_helm_list_free(out);
			return -1;
		}
		out->items = xrealloc(out->items, (out->n + 1) * sizeof(*out->items));
		r = &out->items[out->n++];
		memset(r, 0, sizeof(*r));
		parse_json_member(o, "name", r->name, sizeof(r->name));
		parse_json_member(o, "namespace", r->namespace_, sizeof(r->namespace_));
		r->revision = revision_of(o);
		if (r->revision < 0)
			r->revision = 0;
		parse_json_member(o, "updated", r->updated, sizeof(r->updated));
		parse_json_member(o, "status", r->status, sizeof(r->status));
		parse_json_member(o, "chart", r->chart, sizeof(r->chart));
		parse_json_member(o, "app_version", r->app_version, sizeof(r->app_version));
	}
	cJSON_Delete(arr);
	return 0;
}

void
parse_helm_list_free(struct helm_list *l)
{
	free(l->items);
	memset(l, 0, sizeof(*l));
}
