/*
 * parse_k8s.c — kubectl's JSON and text answers → structs (a container's
 * env list too, for the kill switch, and a revision's, from its ReplicaSet,
 * for a rollback's plan).
 *
 * The Kubernetes API omits zero-valued status counters (a deployment with
 * no ready pod has no "readyReplicas"), so absence reads as 0, and
 * spec.replicas as its API default 1. Rollout state follows the checks
 * `kubectl rollout status` makes, in the same order. Restarts "within a
 * window" count containers whose lastState.terminated.finishedAt falls in
 * the window: restartCount alone cannot tell an old crash from a new one.
 * The time is passed in; nothing here reads a clock. A revision's image
 * comes from the ReplicaSet that holds its pod template, the same object
 * `kubectl rollout history --revision=N` prints.
 *
 * A Deployment's selector is kept as the text `kubectl logs -l` takes, so
 * LOGS can follow every pod it owns. Only matchLabels can be said that way
 * here: with matchExpressions, or a key or value that is not a valid label
 * (the selector text goes into a remote command), it is left "", and the
 * caller falls back to one pod rather than select other pods.
 */
#include "warroom/parse_k8s.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cJSON *
member(const cJSON *obj, const char *key)
{
	return cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
}

/* obj.a.b… by a NULL-terminated path; NULL when any step is missing. */
static const cJSON *
path(const cJSON *obj, const char *const *keys)
{
	for (; obj != NULL && *keys != NULL; keys++)
		obj = member(obj, *keys);
	return obj;
}

/* x when it is an array, else NULL: cJSON_ArrayForEach would walk an
 * object's members too, and its macro does not parenthesise its argument. */
static const cJSON *
array_or_null(const cJSON *x)
{
	return cJSON_IsArray(x) ? x : NULL;
}

static int64_t
json_i64(const cJSON *obj, const char *key, int64_t dflt)
{
	const cJSON *item = member(obj, key);

	if (!cJSON_IsNumber(item) || !(item->valuedouble >= -9.0e15 &&
	    item->valuedouble <= 9.0e15))
		return dflt;
	return (int64_t)item->valuedouble;
}

/* A whole cJSON document from buf, or NULL with "what: not JSON: …". */
static cJSON *
parse_doc(const char *buf, size_t len, const char *what, struct wr_err *err)
{
	const char *end = NULL;
	cJSON *doc = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
	char ex[200];
	size_t at;

	if (doc != NULL) {
		at = (size_t)(end - buf);
		while (at < len && (buf[at] == ' ' || buf[at] == '\n' ||
		    buf[at] == '\r' || buf[at] == '\t'))
			at++;
		if (at == len)
			return doc;
		cJSON_Delete(doc);
		parse_excerpt(buf + at, len - at, ex, sizeof(ex));
		wr_err_set(err, "%s: line %d: junk after the object: %s", what,
		    parse_line_of(buf, at), ex);
		return NULL;
	}
	at = end != NULL && end >= buf && (size_t)(end - buf) <= len ?
	    (size_t)(end - buf) : 0;
	if (at >= len) {
		wr_err_set(err, "%s: line %d: not JSON: truncated", what,
		    parse_line_of(buf, len));
		return NULL;
	}
	parse_excerpt(buf + at, len - at, ex, sizeof(ex));
	wr_err_set(err, "%s: line %d: not JSON: %s", what, parse_line_of(buf, at), ex);
	return NULL;
}

/* A JSON object document and its "kind" ("" when it has none), or NULL
 * with "what: …" in err. */
static cJSON *
parse_object(const char *buf, size_t len, const char *what, char *kind, size_t kcap,
    struct wr_err *err)
{
	cJSON *doc = parse_doc(buf, len, what, err);

	if (doc == NULL)
		return NULL;
	if (!cJSON_IsObject(doc)) {
		cJSON_Delete(doc);
		wr_err_set(err, "%s: not a JSON object", what);
		return NULL;
	}
	kind[0] = '\0';
	parse_json_member(doc, "kind", kind, kcap);
	return doc;
}

static void
read_container(const cJSON *c, char *name, size_t ncap, char *image,
    size_t icap, char *tag, size_t tcap)
{
	struct parse_image img;

	parse_json_member(c, "name", name, ncap);
	parse_json_member(c, "image", image, icap);
	tag[0] = '\0';
	if (image[0] != '\0') {
		parse_image_split(image, &img);
		wr_strlcpy(tag, img.tag, tcap);
	}
}

/* A metav1.Time member as epoch ms; 0 when absent or not a time. */
static int64_t
time_ms(const cJSON *obj, const char *key)
{
	char when[64];
	int64_t secs;
	int ms;

	if (!parse_json_member(obj, key, when, sizeof(when)) ||
	    !wr_parse_rfc3339(when, strlen(when), &secs, &ms) || secs <= 0)
		return 0;
	return secs * 1000 + ms;
}

static void
read_condition(const cJSON *c, struct k8s_condition *out)
{
	parse_json_member(c, "type", out->type, sizeof(out->type));
	parse_json_member(c, "status", out->status, sizeof(out->status));
	parse_json_member(c, "reason", out->reason, sizeof(out->reason));
	parse_json_member(c, "message", out->message, sizeof(out->message));
	out->last_update_ms = time_ms(c, "lastUpdateTime");
}

/* A decimal annotation such as "4"; 0 when it is anything else. */
static int
small_number(const char *s)
{
	int v = 0;

	if (*s == '\0' || strlen(s) > 9)
		return 0;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (*s - '0');
	}
	return v;
}

static int
check_kind(const cJSON *doc, const char *want, const char *what, struct wr_err *err)
{
	char kind[64];

	if (!cJSON_IsObject(doc))
		return wr_err_set(err, "%s: not a JSON object", what);
	if (parse_json_member(doc, "kind", kind, sizeof(kind)) &&
	    strcmp(kind, want) != 0)
		return wr_err_set(err, "%s: kind is \"%s\", not %s", what, kind, want);
	return 0;
}

static bool
alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* n bytes of a label name or value (at most max): letters, digits, '-',
 * '_', '.' (prefix: '-', '.'), a letter or digit at each end. */
static bool
label_part(const char *s, size_t n, size_t max, bool prefix)
{
	size_t i;

	if (n == 0 || n > max || !alnum(s[0]) || !alnum(s[n - 1]))
		return false;
	for (i = 0; i < n; i++)
		if (!alnum(s[i]) && s[i] != '-' && s[i] != '.' && (prefix || s[i] != '_'))
			return false;
	return true;
}

/* A label key ([prefix/]name) or value as the API validates them: the
 * selector text goes into a remote command, so nothing a shell reads. */
static bool
label_ok(const char *s, bool value)
{
	const char *slash = value ? NULL : strchr(s, '/');

	if (value)
		return s[0] == '\0' || label_part(s, strlen(s), 63, false);
	if (slash == NULL)
		return label_part(s, strlen(s), 63, false);
	return label_part(s, (size_t)(slash - s), 253, true) &&
	    label_part(slash + 1, strlen(slash + 1), 63, false);
}

/* spec.selector as "k=v,k2=v2" into out (cap bytes), or "" (see above). */
static void
read_selector(const cJSON *spec, char *out, size_t cap)
{
	const cJSON *sel = member(spec, "selector"), *labels = member(sel, "matchLabels"), *l;
	const cJSON *exprs = member(sel, "matchExpressions");
	size_t at = 0;
	int n;

	out[0] = '\0';
	if (!cJSON_IsObject(labels) || (cJSON_IsArray(exprs) && cJSON_GetArraySize(exprs) > 0))
		return;
	for (l = labels->child; l != NULL; l = l->next) {
		if (!cJSON_IsString(l) || l->string == NULL || !label_ok(l->string, false) ||
		    !label_ok(l->valuestring, true))
			goto none;
		n = snprintf(out + at, cap - at, "%s%s=%s", at > 0 ? "," : "", l->string,
		    l->valuestring);
		if (n < 0 || (size_t)n >= cap - at)
			goto none;
		at += (size_t)n;
	}
	return;
none:
	out[0] = '\0';
}

/* A Deployment's document (a kind other than Deployment refused), or
 * NULL with "what: …" in err. */
static cJSON *
parse_deploy_doc(const char *buf, size_t len, const char *what, struct wr_err *err)
{
	cJSON *doc = parse_doc(buf, len, what, err);

	if (doc != NULL && check_kind(doc, "Deployment", what, err) != 0) {
		cJSON_Delete(doc);
		return NULL;
	}
	return doc;
}

int
parse_k8s_deploy(const char *buf, size_t len, struct k8s_deploy *out,
    struct wr_err *err)
{
	static const char *const rev_path[] = { "metadata", "annotations",
	    "deployment.kubernetes.io/revision", NULL };
	static const char *const ctr_path[] = { "spec", "template", "spec",
	    "containers", NULL };
	const char *what = "kubectl deployment";
	const cJSON *meta, *spec, *st, *item, *list;
	char rev[16];
	cJSON *doc;

	memset(out, 0, sizeof(*out));
	if ((doc = parse_deploy_doc(buf, len, what, err)) == NULL)
		return -1;
	meta = member(doc, "metadata");
	spec = member(doc, "spec");
	st = member(doc, "status");
	parse_json_member(meta, "name", out->name, sizeof(out->name));
	parse_json_member(meta, "namespace", out->namespace_, sizeof(out->namespace_));
	out->generation = json_i64(meta, "generation", 0);
	if (parse_json_str(path(doc, rev_path), rev, sizeof(rev)))
		out->revision = small_number(rev);
	out->replicas = parse_json_int(spec, "replicas", 1);
	read_selector(spec, out->selector, sizeof(out->selector));
	list = array_or_null(path(doc, ctr_path));
	cJSON_ArrayForEach(item, list) {
		struct k8s_container *c;

		if (out->ncontainers >= WR_K8S_CONTAINERS_MAX)
			break;
		if (!cJSON_IsObject(item))
			continue;
		c = &out->containers[out->ncontainers++];
		read_container(item, c->name, sizeof(c->name), c->image,
		    sizeof(c->image), c->tag, sizeof(c->tag));
	}
	out->status_replicas = parse_json_int(st, "replicas", 0);
	out->ready = parse_json_int(st, "readyReplicas", 0);
	out->updated = parse_json_int(st, "updatedReplicas", 0);
	out->available = parse_json_int(st, "availableReplicas", 0);
	out->observed_generation = json_i64(st, "observedGeneration", 0);
	list = array_or_null(member(st, "conditions"));
	cJSON_ArrayForEach(item, list) {
		struct k8s_condition c;

		memset(&c, 0, sizeof(c));
		read_condition(item, &c);
		if (strcmp(c.type, "Progressing") == 0)
			out->progressing = c;
		else if (strcmp(c.type, "Available") == 0)
			out->available_cond = c;
	}
	cJSON_Delete(doc);
	return 0;
}

enum k8s_rollout
parse_k8s_rollout(const struct k8s_deploy *d)
{
	if (d->generation > d->observed_generation)
		return K8S_ROLLOUT_PROGRESSING;
	if (strcmp(d->progressing.reason, "ProgressDeadlineExceeded") == 0)
		return K8S_ROLLOUT_STUCK;
	if (d->updated < d->replicas || d->status_replicas > d->updated ||
	    d->available < d->updated)
		return K8S_ROLLOUT_PROGRESSING;
	return K8S_ROLLOUT_COMPLETE;
}

int64_t
parse_k8s_progressed_ms(const struct k8s_deploy *d)
{
	/* The reasons the deployment controller gives its current
	 * ReplicaSet (pkg/controller/deployment/util); a stuck, paused or
	 * resumed rollout's time says nothing of when it went live. */
	static const char *const live[] = { "NewReplicaSetCreated", "FoundNewReplicaSet",
		"ReplicaSetUpdated", "NewReplicaSetAvailable" };
	size_t i;

	/* Until the controller saw this template the condition is the last one's. */
	if (d->generation > d->observed_generation || strcmp(d->progressing.status, "True") != 0)
		return 0;
	for (i = 0; i < WR_ARRAY_LEN(live); i++)
		if (strcmp(d->progressing.reason, live[i]) == 0)
			return d->progressing.last_update_ms;
	return 0;
}

int64_t
parse_k8s_deployed(const struct k8s_pods *pods, const char *tag, int64_t rs_ms,
    int64_t progressed_ms, const char *reason, char *from, size_t cap)
{
	int64_t oldest = 0;
	size_t i;
	int j;

	if (cap > 0)
		from[0] = '\0';
	/* The ReplicaSet is made as the rollout begins; pods and the
	 * condition move with a restart or a rescheduled pod, it does not. */
	if (rs_ms > 0) {
		snprintf(from, cap, "kubectl rs: its first ReplicaSet created");
		return rs_ms;
	}
	/* A pod of the release: any container of it runs tag. Pods are made
	 * at the rollout's start, but one evicted since is younger: hence the
	 * condition too. */
	for (i = 0; tag != NULL && tag[0] != '\0' && pods != NULL && i < pods->n; i++) {
		const struct k8s_pod *p = &pods->items[i];

		for (j = 0; j < p->ncontainers; j++)
			if (strcmp(p->containers[j].tag, tag) == 0)
				break;
		if (j < p->ncontainers && p->created_ms > 0 &&
		    (oldest == 0 || p->created_ms < oldest))
			oldest = p->created_ms;
	}
	if (oldest > 0 && (progressed_ms <= 0 || oldest <= progressed_ms)) {
		snprintf(from, cap, "kubectl pods: its oldest pod created");
		return oldest;
	}
	if (progressed_ms > 0) {
		snprintf(from, cap, "kubectl deploy: Progressing %s", reason != NULL ? reason : "");
		return progressed_ms;
	}
	return 0;
}

static void
read_pod_container(const cJSON *cs, struct k8s_pod_container *c)
{
	static const char *const states[] = { "running", "waiting", "terminated" };
	const cJSON *state = member(cs, "state");
	const cJSON *term = member(member(cs, "lastState"), "terminated");
	const cJSON *ready = member(cs, "ready");
	char when[64];
	int64_t t;

	read_container(cs, c->name, sizeof(c->name), c->image, sizeof(c->image),
	    c->tag, sizeof(c->tag));
	c->ready = cJSON_IsTrue(ready);
	c->restarts = parse_json_int(cs, "restartCount", 0);
	if (c->restarts < 0)
		c->restarts = 0;
	for (size_t i = 0; i < WR_ARRAY_LEN(states); i++) {
		const cJSON *s = member(state, states[i]);

		if (cJSON_IsObject(s)) {
			wr_strlcpy(c->state, states[i], sizeof(c->state));
			parse_json_member(s, "reason", c->reason, sizeof(c->reason));
			break;
		}
	}
	if (cJSON_IsObject(term)) {
		c->last_exit_code = parse_json_int(term, "exitCode", 0);
		parse_json_member(term, "reason", c->last_reason, sizeof(c->last_reason));
		if (parse_json_member(term, "finishedAt", when, sizeof(when)) &&
		    parse_rfc3339(when, &t) == 0)
			c->last_finished = t;
	}
}

static void
read_pod(const cJSON *o, struct k8s_pod *p)
{
	const cJSON *st = member(o, "status"), *item, *list;

	memset(p, 0, sizeof(*p));
	parse_json_member(member(o, "metadata"), "name", p->name, sizeof(p->name));
	p->created_ms = time_ms(member(o, "metadata"), "creationTimestamp");
	parse_json_member(st, "phase", p->phase, sizeof(p->phase));
	list = array_or_null(member(st, "conditions"));
	cJSON_ArrayForEach(item, list) {
		char type[32], status[16];

		parse_json_member(item, "type", type, sizeof(type));
		parse_json_member(item, "status", status, sizeof(status));
		if (strcmp(type, "Ready") == 0)
			p->ready = strcmp(status, "True") == 0;
	}
	list = array_or_null(member(st, "containerStatuses"));
	cJSON_ArrayForEach(item, list) {
		if (p->ncontainers >= WR_K8S_CONTAINERS_MAX)
			break;
		if (cJSON_IsObject(item))
			read_pod_container(item, &p->containers[p->ncontainers++]);
	}
}

int
parse_k8s_pods(const char *buf, size_t len, struct k8s_pods *out,
    struct wr_err *err)
{
	const char *what = "kubectl pods";
	const cJSON *items, *o;
	char kind[64];
	cJSON *doc;
	size_t i = 0;

	memset(out, 0, sizeof(*out));
	if ((doc = parse_object(buf, len, what, kind, sizeof(kind), err)) == NULL)
		return -1;
	if (strcmp(kind, "Pod") == 0) {
		out->items = xcalloc(1, sizeof(*out->items));
		read_pod(doc, &out->items[0]);
		out->n = 1;
		cJSON_Delete(doc);
		return 0;
	}
	items = member(doc, "items");
	if (items != NULL && cJSON_IsNull(items))
		items = NULL;               /* an empty list may print "items": null */
	if ((kind[0] != '\0' && strcmp(kind, "List") != 0 && strcmp(kind, "PodList") != 0) ||
	    (items != NULL && !cJSON_IsArray(items)) || (items == NULL && kind[0] == '\0')) {
		cJSON_Delete(doc);
		return wr_err_set(err, "%s: not a List of Pods", what);
	}
	cJSON_ArrayForEach(o, items) {
		i++;
		if (!cJSON_IsObject(o)) {
			cJSON_Delete(doc);
			parse_k8s_pods_free(out);
			return wr_err_set(err, "%s: item %zu: not an object", what, i);
		}
		if (out->n >= WR_K8S_PODS_MAX)
			break;
		out->items = xrealloc(out->items, (out->n + 1) * sizeof(*out->items));
		read_pod(o, &out->items[out->n++]);
	}
	cJSON_Delete(doc);
	return 0;
}

void
parse_k8s_pods_free(struct k8s_pods *pods)
{
	free(pods->items);
	memset(pods, 0, sizeof(*pods));
}

int
parse_k8s_restarts_within(const struct k8s_pods *pods, int64_t now, int window_s)
{
	int n = 0;

	for (size_t i = 0; i < pods->n; i++)
		for (int j = 0; j < pods->items[i].ncontainers; j++) {
			int64_t t = pods->items[i].containers[j].last_finished;

			if (t != 0 && t <= now && t >= now - window_s)
				n++;
		}
	return n;
}

int
parse_k8s_restarts_total(const struct k8s_pods *pods)
{
	int n = 0;

	for (size_t i = 0; i < pods->n; i++)
		for (int j = 0; j < pods->items[i].ncontainers; j++) {
			int r = pods->items[i].containers[j].restarts;

			n = r > 0 && n > 2147483647 - r ? 2147483647 : n + r;
		}
	return n;
}

/* One line of rollout history (no '\n'): skipped until the REVISION
 * header, then "N  change-cause" appended to h. */
static int
history_line(struct k8s_history *h, const char *line, size_t n, int lineno,
    bool *header, struct wr_err *err)
{
	size_t i = 0, j;
	int rev = 0;
	struct k8s_revision *r;
	char ex[200];

	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	if (n == 0)
		return 0;
	if (!*header) {
		if (n >= 8 && memcmp(line, "REVISION", 8) == 0)
			*header = true;
		return 0;     /* "deployment.apps/api" names the object */
	}
	while (i < n && line[i] >= '0' && line[i] <= '9' && i < 9)
		rev = rev * 10 + (line[i++] - '0');
	if (i == 0 || (i < n && line[i] != ' ' && line[i] != '\t')) {
		parse_excerpt(line, n, ex, sizeof(ex));
		return wr_err_set(err, "rollout history: line %d: not a revision: %s",
		    lineno, ex);
	}
	if (h->n >= WR_K8S_REVISIONS_MAX)
		return wr_err_set(err, "rollout history: more than %d revisions",
		    WR_K8S_REVISIONS_MAX);
	h->items = xrealloc(h->items, (h->n + 1) * sizeof(*h->items));
	r = &h->items[h->n++];
	memset(r, 0, sizeof(*r));
	r->revision = rev;
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	j = n - i;
	if (!(j == 6 && memcmp(line + i, "<none>", 6) == 0)) {
		if (j >= sizeof(r->change_cause))
			j = sizeof(r->change_cause) - 1;
		while (j > 0 && j < n - i && ((unsigned char)line[i + j] & 0xC0) == 0x80)
			j--;
		memcpy(r->change_cause, line + i, j);
		r->change_cause[j] = '\0';
	}
	return 0;
}

int
parse_k8s_history(const char *buf, size_t len, struct k8s_history *out,
    struct wr_err *err)
{
	bool header = false;
	size_t pos = 0;
	int lineno = 0;

	memset(out, 0, sizeof(*out));
	while (pos < len) {
		size_t end = pos, n;

		while (end < len && buf[end] != '\n')
			end++;
		n = end - pos;
		if (n > 0 && buf[pos + n - 1] == '\r')
			n--;
		lineno++;
		if (history_line(out, buf + pos, n, lineno, &header, err) != 0) {
			parse_k8s_history_free(out);
			return -1;
		}
		pos = end + 1;
	}
	/* kubectl's answer for a deployment with no revisions at all. */
	if (!header && memmem(buf, len, "No rollout history found", 24) != NULL)
		return 0;
	if (!header)
		return wr_err_set(err, "rollout history: no REVISION header");
	return 0;
}

void
parse_k8s_history_free(struct k8s_history *h)
{
	free(h->items);
	memset(h, 0, sizeof(*h));
}

/* Does a Deployment named deploy own this object (ownerReferences)? */
static bool
owned_by_deploy(const cJSON *meta, const char *deploy)
{
	const cJSON *ref, *refs = array_or_null(member(meta, "ownerReferences"));
	char kind[64], name[WR_NAME_MAX];

	cJSON_ArrayForEach(ref, refs) {
		if (!cJSON_IsObject(ref))
			continue;
		parse_json_member(ref, "kind", kind, sizeof(kind));
		parse_json_member(ref, "name", name, sizeof(name));
		if (strcmp(kind, "Deployment") == 0 && strcmp(name, deploy) == 0)
			return true;
	}
	return false;
}

/* "2,4": the revision-history annotation into r->moved, oldest first (as
 * the controller appends); anything not a list of numbers is dropped. */
static void
read_moved(const char *s, struct k8s_rs_image *r)
{
	char num[16];
	size_t k;

	while (*s != '\0' && r->nmoved < (int)(sizeof(r->moved) / sizeof(r->moved[0]))) {
		for (k = 0; s[k] != '\0' && s[k] != ',' && k + 1 < sizeof(num); k++)
			num[k] = s[k];
		num[k] = '\0';
		if ((s[k] != '\0' && s[k] != ',') || (r->moved[r->nmoved] = small_number(num)) <= 0) {
			r->nmoved = 0;
			return;
		}
		r->nmoved++;
		s += k + (s[k] == ',');
	}
}

static int
by_revision(const void *a, const void *b)
{
	const struct k8s_rs_image *x = a, *y = b;

	return (x->revision > y->revision) - (x->revision < y->revision);
}

int
parse_k8s_rs_images(const char *buf, size_t len, const char *deploy,
    struct k8s_rs_images *out, struct wr_err *err)
{
	static const char *const rev_path[] = { "metadata", "annotations",
	    "deployment.kubernetes.io/revision", NULL };
	static const char *const moved_path[] = { "metadata", "annotations",
	    "deployment.kubernetes.io/revision-history", NULL };
	static const char *const ctr_path[] = { "spec", "template", "spec",
	    "containers", NULL };
	const char *what = "kubectl replicasets";
	char moved[128];
	const cJSON *items, *o, *c;
	char kind[64], rev[16], name[WR_NAME_MAX];
	cJSON *doc;
	size_t i = 0, k;

	memset(out, 0, sizeof(*out));
	if ((doc = parse_object(buf, len, what, kind, sizeof(kind), err)) == NULL)
		return -1;
	items = member(doc, "items");
	if (items != NULL && cJSON_IsNull(items))
		items = NULL;               /* an empty list may print "items": null */
	if ((strcmp(kind, "List") != 0 && strcmp(kind, "ReplicaSetList") != 0) ||
	    (items != NULL && !cJSON_IsArray(items))) {
		cJSON_Delete(doc);
		return wr_err_set(err, "%s: not a List of ReplicaSets", what);
	}
	cJSON_ArrayForEach(o, items) {
		struct k8s_rs_image r;

		i++;
		if (!cJSON_IsObject(o)) {
			cJSON_Delete(doc);
			parse_k8s_rs_free(out);
			return wr_err_set(err, "%s: item %zu: not an object", what, i);
		}
		memset(&r, 0, sizeof(r));
		if (!parse_json_str(path(o, rev_path), rev, sizeof(rev)) ||
		    (r.revision = small_number(rev)) <= 0 ||
		    !owned_by_deploy(member(o, "metadata"), deploy))
			continue;
		c = array_or_null(path(o, ctr_path));
		c = c != NULL ? cJSON_GetArrayItem(c, 0) : NULL;
		if (!cJSON_IsObject(c))
			continue;
		read_container(c, name, sizeof(name), r.image, sizeof(r.image), r.tag,
		    sizeof(r.tag));
		if (parse_json_str(path(o, moved_path), moved, sizeof(moved)))
			read_moved(moved, &r);
		r.created_ms = time_ms(member(o, "metadata"), "creationTimestamp");
		/* Two ReplicaSets never share a revision; if they do, the
		 * answer is not to be trusted for either. */
		for (k = 0; k < out->n && out->items[k].revision != r.revision; k++)
			;
		if (k < out->n) {
			cJSON_Delete(doc);
			parse_k8s_rs_free(out);
			return wr_err_set(err, "%s: two ReplicaSets of %s claim revision %d", what,
			    deploy, r.revision);
		}
		if (out->n >= WR_K8S_REVISIONS_MAX)
			break;
		out->items = xrealloc(out->items, (out->n + 1) * sizeof(*out->items));
		out->items[out->n++] = r;
	}
	cJSON_Delete(doc);
	if (out->n > 1)
		qsort(out->items, out->n, sizeof(*out->items), by_revision);
	return 0;
}

const char *
parse_k8s_rs_tag(const struct k8s_rs_images *rs, int rev)
{
	size_t i;

	for (i = 0; rs != NULL && i < rs->n; i++)
		if (rs->items[i].revision == rev)
			return rs->items[i].tag[0] ? rs->items[i].tag : NULL;
	return NULL;
}

int64_t
parse_k8s_rs_first_ran(const struct k8s_rs_images *rs, const char *tag, int64_t *latest)
{
	size_t i;

	*latest = 0;
	if (rs == NULL || rs->n == 0 || tag == NULL || tag[0] == '\0' ||
	    strcmp(rs->items[rs->n - 1].tag, tag) != 0)
		return 0;
	/* Back from the newest while the image stays: a restart changes
	 * the template (an annotation) but not what runs. Another tag in
	 * between means the release came again after it: from there. */
	for (i = rs->n - 1; i > 0 && strcmp(rs->items[i - 1].tag, tag) == 0; i--)
		;
	if (rs->items[i].created_ms <= 0 || rs->items[i].nmoved > 0 ||
	    rs->items[rs->n - 1].created_ms <= 0)
		return 0;
	if (rs->items[rs->n - 1].created_ms > rs->items[i].created_ms)
		*latest = rs->items[rs->n - 1].created_ms;
	return rs->items[i].created_ms;
}

void
parse_k8s_rs_free(struct k8s_rs_images *rs)
{
	free(rs->items);
	memset(rs, 0, sizeof(*rs));
}

/* One env[] entry: a value, or valueFrom's first key (its kind). */
static void
read_env_var(const cJSON *item, struct k8s_env_var *v)
{
	const cJSON *val = member(item, "value"), *from = member(item, "valueFrom");

	memset(v, 0, sizeof(*v));
	parse_json_member(item, "name", v->name, sizeof(v->name));
	if (cJSON_IsString(val)) {
		v->value_cut = strlen(val->valuestring) >= sizeof(v->value);
		wr_strlcpy(v->value, val->valuestring, sizeof(v->value));
	}
	if (cJSON_IsObject(from))
		wr_strlcpy(v->value_from, from->child != NULL && from->child->string != NULL ?
		    from->child->string : "valueFrom", sizeof(v->value_from));
}

/* The env of the container named container in a pod template's
 * containers list into out; -1 with "what: …" when none is named so. */
static int
container_env(const cJSON *list, const char *container, const char *what,
    struct k8s_env *out, struct wr_err *err)
{
	const cJSON *item, *c = NULL, *envs, *e;
	char name[WR_NAME_MAX];

	cJSON_ArrayForEach(item, list) {
		if (c == NULL && cJSON_IsObject(item) &&
		    parse_json_member(item, "name", name, sizeof(name)) &&
		    strcmp(name, container) == 0)
			c = item;
	}
	if (c == NULL)
		return wr_err_set(err, "%s: the pod template has no container %s", what,
		    container);
	wr_strlcpy(out->container, container, sizeof(out->container));
	out->env_from = cJSON_GetArraySize(array_or_null(member(c, "envFrom"))) > 0;
	envs = array_or_null(member(c, "env"));
	if (cJSON_GetArraySize(envs) > 0)
		out->items = xcalloc((size_t)cJSON_GetArraySize(envs), sizeof(*out->items));
	cJSON_ArrayForEach(e, envs) {
		if (cJSON_IsObject(e))
			read_env_var(e, &out->items[out->n++]);
	}
	return 0;
}

static const char *const template_containers[] = { "spec", "template", "spec",
    "containers", NULL };

int
parse_k8s_env(const char *buf, size_t len, const char *container, struct k8s_env *out,
    struct wr_err *err)
{
	const char *what = "kubectl deployment";
	cJSON *doc;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((doc = parse_deploy_doc(buf, len, what, err)) == NULL)
		return -1;
	rc = container_env(array_or_null(path(doc, template_containers)), container, what, out,
	    err);
	cJSON_Delete(doc);
	return rc;
}

int
parse_k8s_rs_env(const char *buf, size_t len, const char *deploy, int rev,
    const char *container, struct k8s_env *out, struct wr_err *err)
{
	static const char *const rev_path[] = { "metadata", "annotations",
	    "deployment.kubernetes.io/revision", NULL };
	const char *what = "kubectl replicasets";
	const cJSON *items, *o, *found = NULL;
	char kind[64], r[16];
	cJSON *doc;
	int rc;

	memset(out, 0, sizeof(*out));
	if (rev <= 0)
		return wr_err_set(err, "%s: no revision %d", what, rev);
	if ((doc = parse_object(buf, len, what, kind, sizeof(kind), err)) == NULL)
		return -1;
	items = array_or_null(member(doc, "items"));
	cJSON_ArrayForEach(o, items) {
		if (found == NULL && cJSON_IsObject(o) && parse_json_str(path(o, rev_path), r,
		    sizeof(r)) && small_number(r) == rev && owned_by_deploy(member(o, "metadata"),
		    deploy))
			found = o;
	}
	if (found == NULL) {
		cJSON_Delete(doc);
		return wr_err_set(err, "%s: no ReplicaSet of %s holds revision %d", what, deploy,
		    rev);
	}
	rc = container_env(array_or_null(path(found, template_containers)), container, what,
	    out, err);
	cJSON_Delete(doc);
	return rc;
}

const struct k8s_env_var *
parse_k8s_env_find(const struct k8s_env *env, const char *name)
{
	size_t i;

	for (i = env->n; i-- > 0;)
		if (strcmp(env->items[i].name, name) == 0)
			return &env->items[i];
	return NULL;
}

void
parse_k8s_env_free(struct k8s_env *env)
{
	free(env->items);
	memset(env, 0, sizeof(*env));
}
