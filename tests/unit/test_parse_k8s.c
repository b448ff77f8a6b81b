/*
 * test_parse_k8s.c — kubectl Deployment and Pod JSON and rollout history
 * text: recorded from the fleet's kubectl shim, hand-written per the
 * Kubernetes API reference (missing fields, nulls, wrong types, several
 * containers per pod), and broken output. Also the shared helpers in
 * parse.c the k8s parser leans on: RFC 3339 times and image references.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/parse_k8s.h"
#include "fixture.h"

#define S(lit) (lit), strlen(lit)

static int64_t
t(const char *s)
{
	int64_t v = 0;

	assert_int_equal(parse_rfc3339(s, &v), 0);
	return v;
}

static int
deploy_fixture(const char *name, struct k8s_deploy *d, struct wr_err *err)
{
	size_t len;
	char *buf = fixture_read(name, &len);
	int rc = parse_k8s_deploy(buf, len, d, err);

	free(buf);
	return rc;
}

static int
pods_fixture(const char *name, struct k8s_pods *p, struct wr_err *err)
{
	size_t len;
	char *buf = fixture_read(name, &len);
	int rc = parse_k8s_pods(buf, len, p, err);

	free(buf);
	return rc;
}

static int
history_fixture(const char *name, struct k8s_history *h, struct wr_err *err)
{
	size_t len;
	char *buf = fixture_read(name, &len);
	int rc = parse_k8s_history(buf, len, h, err);

	free(buf);
	return rc;
}

static void
rfc3339_times(void **state)
{
	int64_t v;

	(void)state;
	assert_int_equal(t("1970-01-01T00:00:00Z"), 0);
	assert_int_equal(t("2026-11-26T07:43:54Z"), 1795679034);
	assert_int_equal(t("2026-11-26T09:43:54.123456+02:00"), 1795679034);
	assert_int_equal(t("2026-11-26T02:43:54-05:00"), 1795679034);
	assert_int_equal(t("2024-02-29T00:00:00z"), 1709164800);
	assert_int_equal(parse_rfc3339("yesterday", &v), -1);
	assert_int_equal(parse_rfc3339("2026-11-26T07:43:54", &v), -1);
	assert_int_equal(parse_rfc3339("2026-13-26T07:43:54Z", &v), -1);
	assert_int_equal(parse_rfc3339("2026-11-26T07:43:54.Z", &v), -1);
	assert_int_equal(parse_rfc3339("2026-11-26T07:43:54Zjunk", &v), -1);
	assert_int_equal(parse_rfc3339("2026-11-26T07:43:54+0200", &v), -1);
	assert_int_equal(parse_rfc3339(NULL, &v), -1);
}

static void
image_references(void **state)
{
	struct parse_image i;

	(void)state;
	parse_image_split("registry.local/acme/api:v1.5.0-bad", &i);
	assert_string_equal(i.repo, "registry.local/acme/api");
	assert_string_equal(i.tag, "v1.5.0-bad");
	parse_image_split("localhost:5000/acme/api", &i);
	assert_string_equal(i.repo, "localhost:5000/acme/api");
	assert_string_equal(i.tag, "latest");
	parse_image_split("localhost:5000/api:2@sha256:abcd", &i);
	assert_string_equal(i.repo, "localhost:5000/api");
	assert_string_equal(i.tag, "2");
	assert_string_equal(i.digest, "sha256:abcd");
	parse_image_split("envoy@sha256:ff", &i);
	assert_string_equal(i.tag, "");
	assert_string_equal(i.digest, "sha256:ff");
	parse_image_split("redis", &i);
	assert_string_equal(i.tag, "latest");
	parse_image_split("", &i);
	assert_string_equal(i.tag, "");
	parse_image_split("a:", &i);
	assert_string_equal(i.repo, "a");
	assert_string_equal(i.tag, "latest");
}

static void
recorded_deployment(void **state)
{
	struct k8s_deploy d;
	struct wr_err err;

	(void)state;
	assert_int_equal(deploy_fixture("drivers/k8s_deploy.json", &d, &err), 0);
	assert_string_equal(d.name, "api");
	assert_string_equal(d.namespace_, "prod");
	assert_int_equal(d.ncontainers, 1);
	assert_string_equal(d.containers[0].name, "api");
	assert_string_equal(d.containers[0].image, "registry.local/acme/api:v1.5.0-bad");
	assert_string_equal(d.containers[0].tag, "v1.5.0-bad");
	assert_int_equal(d.replicas, 3);
	assert_int_equal(d.ready, 3);
	assert_int_equal(d.updated, 3);
	assert_int_equal(d.available, 3);
	assert_int_equal(d.revision, 4);
	assert_string_equal(d.progressing.status, "True");
	assert_string_equal(d.progressing.reason, "NewReplicaSetAvailable");
	assert_string_equal(d.available_cond.reason, "MinimumReplicasAvailable");
	assert_int_equal(parse_k8s_rollout(&d), K8S_ROLLOUT_COMPLETE);
	assert_string_equal(d.selector, "app=api");
}

/* Deployment JSON with spec.selector sel (a JSON object text). */
static int
deploy_with_selector(const char *sel, struct k8s_deploy *d)
{
	char buf[1024];
	struct wr_err err;

	snprintf(buf, sizeof(buf), "{\"kind\":\"Deployment\",\"spec\":{\"selector\":%s}}", sel);
	return parse_k8s_deploy(buf, strlen(buf), d, &err);
}

/* LOGS follows every pod by the selector kubectl -l takes: only what
 * matchLabels can say, and only valid labels (it goes into a command). */
static void
selector_for_logs(void **state)
{
	struct k8s_deploy d;

	(void)state;
	assert_int_equal(deploy_with_selector("{\"matchLabels\":{\"app\":\"api\","
	    "\"app.kubernetes.io/component\":\"web_1\",\"tier\":\"\"}}", &d), 0);
	assert_string_equal(d.selector, "app=api,app.kubernetes.io/component=web_1,tier=");
	assert_int_equal(deploy_with_selector("{\"matchLabels\":{\"app\":\"api\"},"
	    "\"matchExpressions\":[{\"key\":\"tier\",\"operator\":\"In\","
	    "\"values\":[\"web\"]}]}", &d), 0);
	assert_string_equal(d.selector, "");               /* matches fewer pods than app=api */
	assert_int_equal(deploy_with_selector("{\"matchLabels\":{\"app\":\"api\"},"
	    "\"matchExpressions\":[]}", &d), 0);
	assert_string_equal(d.selector, "app=api");
	assert_int_equal(deploy_with_selector("{\"matchLabels\":{\"app\":\"a'b\"}}", &d), 0);
	assert_string_equal(d.selector, "");
	assert_int_equal(deploy_with_selector("{\"matchLabels\":{\"app\":\"$(id)\"}}", &d), 0);
	assert_string_equal(d.selector, "");
	assert_int_equal(deploy_with_selector("{\"matchLabels\":{\"-app\":\"x\"}}", &d), 0);
	assert_string_equal(d.selector, "");
	assert_int_equal(deploy_with_selector("{\"matchLabels\":{\"a/b/c\":\"x\"}}", &d), 0);
	assert_string_equal(d.selector, "");
	assert_int_equal(deploy_with_selector("{\"matchLabels\":{\"app\":\"x \"}}", &d), 0);
	assert_string_equal(d.selector, "");
	assert_int_equal(deploy_with_selector("{\"matchLabels\":{\"app\":3}}", &d), 0);
	assert_string_equal(d.selector, "");
	assert_int_equal(deploy_with_selector("{}", &d), 0);
	assert_string_equal(d.selector, "");
}

static void
recorded_rollout_in_progress(void **state)
{
	struct k8s_deploy d;
	struct wr_err err;

	(void)state;
	assert_int_equal(deploy_fixture("drivers/k8s_deploy_rolling.json", &d, &err), 0);
	assert_int_equal(d.revision, 5);
	assert_string_equal(d.containers[0].tag, "v1.4.1");
	assert_int_equal(d.updated, 1);
	assert_int_equal(d.ready, 2);
	assert_int_equal(d.status_replicas, 4);
	assert_string_equal(d.progressing.reason, "ReplicaSetUpdated");
	assert_int_equal(parse_k8s_rollout(&d), K8S_ROLLOUT_PROGRESSING);
}

static void
progress_deadline_exceeded(void **state)
{
	struct k8s_deploy d;
	struct wr_err err;

	(void)state;
	assert_int_equal(deploy_fixture("drivers/k8s_deploy_deadline.json", &d, &err), 0);
	assert_int_equal(d.revision, 6);
	assert_int_equal(d.ncontainers, 2);
	assert_string_equal(d.containers[0].tag, "v1.6.0");
	assert_string_equal(d.containers[1].name, "envoy");
	assert_string_equal(d.containers[1].tag, "");       /* by digest only */
	assert_string_equal(d.progressing.status, "False");
	assert_string_equal(d.progressing.reason, "ProgressDeadlineExceeded");
	assert_int_equal(parse_k8s_rollout(&d), K8S_ROLLOUT_STUCK);
}

static void
missing_and_null_fields_take_api_defaults(void **state)
{
	struct k8s_deploy d;
	struct wr_err err;

	(void)state;
	assert_int_equal(deploy_fixture("drivers/k8s_deploy_minimal.json", &d, &err), 0);
	assert_int_equal(d.replicas, 1);
	assert_int_equal(d.ready, 0);
	assert_int_equal(d.revision, 0);
	assert_string_equal(d.containers[0].tag, "latest");
	assert_string_equal(d.progressing.type, "");
	assert_int_equal(parse_k8s_rollout(&d), K8S_ROLLOUT_PROGRESSING);
	assert_int_equal(deploy_fixture("drivers/k8s_deploy_nulls.json", &d, &err), 0);
	assert_string_equal(d.name, "");
	assert_int_equal(d.revision, 0);                    /* a number, not the API's string */
	assert_int_equal(d.replicas, 1);
	assert_int_equal(d.ncontainers, 0);
}

static void
broken_deployments(void **state)
{
	struct k8s_deploy d;
	struct wr_err err;

	(void)state;
	assert_int_equal(deploy_fixture("drivers/k8s_deploy_badjson.json", &d, &err), -1);
	assert_string_equal(err.msg, "kubectl deployment: line 52: not JSON: ,}{\"fleet\": bad-json fault");
	assert_int_equal(parse_k8s_deploy(S("{\"kind\":\n\"Deploy"), &d, &err), -1);
	assert_string_equal(err.msg, "kubectl deployment: line 2: not JSON: Deploy");
	assert_int_equal(deploy_fixture("drivers/k8s_deploy_wrong_kind.json", &d, &err), -1);
	assert_string_equal(err.msg, "kubectl deployment: kind is \"Status\", not Deployment");
	assert_int_equal(parse_k8s_deploy("[1]", 3, &d, &err), -1);
	assert_string_equal(err.msg, "kubectl deployment: not a JSON object");
	assert_int_equal(parse_k8s_deploy("{} {}", 5, &d, &err), -1);
	assert_string_equal(err.msg, "kubectl deployment: line 1: junk after the object: {}");
	assert_int_equal(parse_k8s_deploy("", 0, &d, &err), -1);
	assert_int_equal(parse_k8s_deploy("\xff\xfe{", 3, &d, &err), -1);
	assert_string_equal(err.msg, "kubectl deployment: line 1: not JSON: \xef\xbf\xbd\xef\xbf\xbd{");
}

static void
recorded_pods_restarting(void **state)
{
	struct k8s_pods p;
	struct wr_err err;
	int64_t now = t("2026-11-26T07:44:03Z");

	(void)state;
	assert_int_equal(pods_fixture("drivers/k8s_pods.json", &p, &err), 0);
	assert_int_equal(p.n, 3);
	assert_string_equal(p.items[0].name, "api-7z62hrvt9b-8frx5");
	assert_string_equal(p.items[0].phase, "Running");
	assert_true(p.items[0].ready);
	assert_int_equal(p.items[0].ncontainers, 1);
	assert_string_equal(p.items[0].containers[0].tag, "v1.5.0-bad");
	assert_string_equal(p.items[0].containers[0].state, "running");
	assert_int_equal(p.items[0].containers[0].restarts, 30);
	assert_int_equal(p.items[0].containers[0].last_exit_code, 1);
	assert_string_equal(p.items[0].containers[0].last_reason, "Error");
	assert_int_equal(p.items[0].containers[0].last_finished, t("2026-11-26T07:43:54Z"));
	assert_int_equal(parse_k8s_restarts_within(&p, now, 300), 3);
	assert_int_equal(parse_k8s_restarts_within(&p, now, 8), 2);
	assert_int_equal(parse_k8s_restarts_total(&p), 90);
	parse_k8s_pods_free(&p);
	assert_int_equal(pods_fixture("drivers/k8s_pods_rolling.json", &p, &err), 0);
	assert_int_equal(p.n, 3);
	assert_string_equal(p.items[2].containers[0].tag, "v1.4.1");
	assert_false(p.items[2].containers[0].ready);
	assert_int_equal(parse_k8s_restarts_within(&p, now, 300), 0);
	parse_k8s_pods_free(&p);
}

static void
pods_with_several_containers_and_odd_fields(void **state)
{
	struct k8s_pods p;
	struct wr_err err;
	const struct k8s_pod_container *c;

	(void)state;
	assert_int_equal(pods_fixture("drivers/k8s_pods_multi.json", &p, &err), 0);
	assert_int_equal(p.n, 4);
	assert_false(p.items[0].ready);
	assert_int_equal(p.items[0].ncontainers, 2);
	c = &p.items[0].containers[0];
	assert_string_equal(c->state, "waiting");
	assert_string_equal(c->reason, "CrashLoopBackOff");
	assert_int_equal(c->restarts, 7);
	assert_int_equal(p.items[0].containers[1].last_finished, 0);
	assert_string_equal(p.items[1].containers[0].last_reason, "OOMKilled");
	assert_int_equal(p.items[1].containers[0].last_finished, t("2026-11-26T11:57:59Z"));
	assert_string_equal(p.items[2].phase, "Pending");
	assert_int_equal(p.items[2].ncontainers, 0);
	c = &p.items[3].containers[0];
	assert_false(c->ready);                             /* "yes" is not true */
	assert_int_equal(c->restarts, 0);                   /* -4 is nonsense */
	assert_string_equal(c->state, "");
	assert_int_equal(c->last_finished, 0);              /* "yesterday" */
	assert_int_equal(parse_k8s_restarts_within(&p, t("2026-11-26T12:00:00Z"), 300), 2);
	assert_int_equal(parse_k8s_restarts_within(&p, t("2026-11-26T12:00:00Z"), 60), 1);
	assert_int_equal(parse_k8s_restarts_within(&p, t("2026-11-26T12:00:00Z"), 59), 0);
	/* A finish after "now" (clock skew) is not counted. */
	assert_int_equal(parse_k8s_restarts_within(&p, t("2026-11-26T11:58:00Z"), 300), 1);
	assert_int_equal(parse_k8s_restarts_total(&p), 11);
	parse_k8s_pods_free(&p);
}

static void
empty_and_broken_pod_lists(void **state)
{
	struct k8s_pods p;
	struct wr_err err;

	(void)state;
	assert_int_equal(pods_fixture("drivers/k8s_pods_empty.json", &p, &err), 0);
	assert_int_equal(p.n, 0);
	assert_int_equal(parse_k8s_restarts_within(&p, 100, 300), 0);
	parse_k8s_pods_free(&p);
	assert_int_equal(pods_fixture("drivers/k8s_pods_items_not_array.json", &p, &err), -1);
	assert_string_equal(err.msg, "kubectl pods: not a List of Pods");
	assert_int_equal(pods_fixture("drivers/k8s_pods_badjson.json", &p, &err), -1);
	assert_string_equal(err.msg, "kubectl pods: line 174: not JSON: ,}{\"fleet\": bad-json fault");
	assert_null(p.items);
	assert_int_equal(parse_k8s_pods(S("{\"kind\":\"List\",\"items\":[{},1]}"), &p, &err), -1);
	assert_string_equal(err.msg, "kubectl pods: item 2: not an object");
	assert_null(p.items);
	assert_int_equal(parse_k8s_pods(S("{\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\"}}"), &p, &err), 0);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.items[0].name, "x");
	parse_k8s_pods_free(&p);
}

static void
rollout_history_text(void **state)
{
	struct k8s_history h;
	struct wr_err err;

	(void)state;
	assert_int_equal(history_fixture("drivers/k8s_rollout_history.txt", &h, &err), 0);
	assert_int_equal(h.n, 4);
	assert_int_equal(h.items[3].revision, 4);
	assert_string_equal(h.items[3].change_cause,
	    "kubectl set image deployment/api api=registry.local/acme/api:v1.5.0-bad");
	parse_k8s_history_free(&h);
	assert_int_equal(history_fixture("drivers/k8s_rollout_history_after_undo.txt", &h, &err), 0);
	assert_int_equal(h.n, 4);
	assert_int_equal(h.items[2].revision, 4);
	assert_int_equal(h.items[3].revision, 5);
	parse_k8s_history_free(&h);
	assert_int_equal(history_fixture("drivers/k8s_rollout_history_docs.txt", &h, &err), 0);
	assert_int_equal(h.n, 3);
	assert_string_equal(h.items[0].change_cause, "");   /* <none> */
	assert_string_equal(h.items[2].change_cause,
	    "kubectl set image deployment/nginx-deployment nginx=nginx:1.161");
	parse_k8s_history_free(&h);
	assert_int_equal(history_fixture("drivers/k8s_rollout_history_none.txt", &h, &err), 0);
	assert_int_equal(h.n, 0);
	assert_int_equal(history_fixture("drivers/k8s_rollout_history_bad.txt", &h, &err), -1);
	assert_string_equal(err.msg,
	    "rollout history: line 4: not a revision: error: deployments.apps \"api\" not found");
	assert_null(h.items);
	assert_int_equal(parse_k8s_history("hello\n", 6, &h, &err), -1);
	assert_string_equal(err.msg, "rollout history: no REVISION header");
}

static int
rs_fixture(const char *name, struct k8s_rs_images *rs, struct wr_err *err)
{
	size_t len;
	char *buf = fixture_read(name, &len);
	int rc = parse_k8s_rs_images(buf, len, "api", rs, err);

	free(buf);
	return rc;
}

static void
replicasets_give_each_revision_its_image(void **state)
{
	struct k8s_rs_images rs;
	struct wr_err err;

	(void)state;
	assert_int_equal(rs_fixture("drivers/k8s_replicasets.json", &rs, &err), 0);
	/* The canary's ReplicaSet and the one without a revision are not api's. */
	assert_int_equal(rs.n, 3);
	assert_int_equal(rs.items[0].revision, 2);
	assert_int_equal(rs.items[1].revision, 3);
	assert_int_equal(rs.items[2].revision, 4);
	assert_string_equal(parse_k8s_rs_tag(&rs, 2), "v1.4.0");
	/* A registry with a port is not a tag. */
	assert_string_equal(parse_k8s_rs_tag(&rs, 3), "v1.4.1");
	assert_string_equal(rs.items[1].image, "registry.local:5000/acme/api:v1.4.1");
	/* The first container, as the running tag is read: not the sidecar. */
	assert_string_equal(parse_k8s_rs_tag(&rs, 4), "v1.5.0-bad");
	assert_null(parse_k8s_rs_tag(&rs, 1));
	assert_null(parse_k8s_rs_tag(&rs, 99));
	parse_k8s_rs_free(&rs);
	assert_int_equal(rs.n, 0);
}

/* A rollout restart (twice) after v1.5.0-bad came: each made a new
 * ReplicaSet of the same image; the release came with the first. */
static void
restarted_release_first_ran_with_its_first_replicaset(void **state)
{
	struct k8s_rs_images rs;
	struct wr_err err;
	int64_t latest;
	char from[64];

	(void)state;
	assert_int_equal(rs_fixture("drivers/k8s_replicasets_restarted.json", &rs, &err), 0);
	assert_int_equal(rs.n, 4);
	assert_true(rs.items[1].created_ms == 1795683840000LL);  /* 09:04:00Z, revision 4 */
	assert_true(parse_k8s_rs_first_ran(&rs, "v1.5.0-bad", &latest) == 1795683840000LL);
	/* The newest (09:40:07) says it was re-created since. */
	assert_true(latest == 1795686007000LL);
	/* That time wins over pods all younger and a condition the restart moved. */
	assert_true(parse_k8s_deployed(NULL, "v1.5.0-bad", 1795683840000LL, 1795686010000LL,
	    "NewReplicaSetAvailable", from, sizeof(from)) == 1795683840000LL);
	assert_string_equal(from, "kubectl rs: its first ReplicaSet created");
	/* Not the running tag: nothing from here. */
	assert_true(parse_k8s_rs_first_ran(&rs, "v1.4.1", &latest) == 0);
	assert_true(latest == 0);

	/* Released, replaced, released again (a new template): from the second. */
	rs.items[1].tag[0] = 'x';
	assert_true(parse_k8s_rs_first_ran(&rs, "v1.5.0-bad", &latest) == 1795685472000LL);
	/* The run begins at a ReplicaSet an undo moved up: made long before
	 * it came back, so it says nothing. */
	rs.items[2].nmoved = 1;
	assert_true(parse_k8s_rs_first_ran(&rs, "v1.5.0-bad", &latest) == 0);
	rs.items[2].nmoved = 0;
	/* One alone, never restarted: its time, nothing since. */
	rs.n = 2;
	rs.items[1].tag[0] = 'v';
	assert_true(parse_k8s_rs_first_ran(&rs, "v1.5.0-bad", &latest) == 1795683840000LL);
	assert_true(latest == 0);
	rs.n = 4;
	parse_k8s_rs_free(&rs);
	assert_true(parse_k8s_rs_first_ran(NULL, "v1.5.0-bad", &latest) == 0);
}

static void
broken_replicaset_lists(void **state)
{
	struct k8s_rs_images rs;
	struct wr_err err;
	static const char not_list[] = "{\"kind\":\"ReplicaSet\",\"metadata\":{}}";
	static const char items_obj[] = "{\"kind\":\"List\",\"items\":{}}";
	static const char item_num[] = "{\"kind\":\"List\",\"items\":[1]}";
	static const char empty[] = "{\"kind\":\"List\",\"items\":null}";

	(void)state;
	assert_int_equal(rs_fixture("drivers/k8s_replicasets_duplicate_revision.json", &rs, &err), -1);
	assert_string_equal(err.msg, "kubectl replicasets: two ReplicaSets of api claim revision 2");
	assert_int_equal(rs.n, 0);
	assert_int_equal(parse_k8s_rs_images(not_list, sizeof(not_list) - 1, "api", &rs, &err), -1);
	assert_string_equal(err.msg, "kubectl replicasets: not a List of ReplicaSets");
	assert_int_equal(parse_k8s_rs_images(items_obj, sizeof(items_obj) - 1, "api", &rs, &err), -1);
	assert_int_equal(parse_k8s_rs_images(item_num, sizeof(item_num) - 1, "api", &rs, &err), -1);
	assert_string_equal(err.msg, "kubectl replicasets: item 1: not an object");
	assert_int_equal(parse_k8s_rs_images("Error from server (Forbidden)", 29, "api", &rs, &err), -1);
	assert_non_null(strstr(err.msg, "kubectl replicasets: line 1: not JSON"));
	assert_int_equal(parse_k8s_rs_images(empty, sizeof(empty) - 1, "api", &rs, &err), 0);
	assert_int_equal(rs.n, 0);
	assert_null(parse_k8s_rs_tag(&rs, 1));
}

static void
container_env_lists(void **state)
{
	static const char no_ctr[] = "{\"kind\":\"Deployment\",\"spec\":{\"template\":"
	    "{\"spec\":{\"containers\":{\"name\":\"api\"}}}}}";
	const struct k8s_env_var *v;
	struct k8s_env env;
	struct wr_err err;
	size_t len;
	char *buf = fixture_read("drivers/k8s_deploy_env.json", &len);

	(void)state;
	/* The container named, not the first: a sidecar's EXPORT_MODE is its own. */
	assert_int_equal(parse_k8s_env(buf, len, "api", &env, &err), 0);
	assert_string_equal(env.container, "api");
	assert_true(env.env_from);
	assert_int_equal(env.n, 8);           /* "not an object" skipped */
	/* Named twice: the later entry is the one the kubelet uses. */
	v = parse_k8s_env_find(&env, "EXPORT_MODE");
	assert_non_null(v);
	assert_string_equal(v->value, "off");
	assert_string_equal(v->value_from, "");
	v = parse_k8s_env_find(&env, "DATABASE_URL");
	assert_string_equal(v->value_from, "secretKeyRef");
	assert_string_equal(v->value, "");
	assert_string_equal(parse_k8s_env_find(&env, "FEATURE_FLAGS")->value_from,
	    "configMapKeyRef");
	assert_string_equal(parse_k8s_env_find(&env, "POD_NAME")->value_from, "fieldRef");
	v = parse_k8s_env_find(&env, "EMPTY");
	assert_string_equal(v->value, "");
	assert_false(v->value_cut);
	assert_true(parse_k8s_env_find(&env, "LONG")->value_cut);
	assert_null(parse_k8s_env_find(&env, "NOPE"));
	parse_k8s_env_free(&env);

	assert_int_equal(parse_k8s_env(buf, len, "envoy", &env, &err), 0);
	assert_false(env.env_from);
	assert_string_equal(parse_k8s_env_find(&env, "EXPORT_MODE")->value, "sidecar-only");
	parse_k8s_env_free(&env);

	/* No env at all. */
	assert_int_equal(parse_k8s_env(buf, len, "migrate", &env, &err), 0);
	assert_int_equal(env.n, 0);
	assert_null(parse_k8s_env_find(&env, "EXPORT_MODE"));
	parse_k8s_env_free(&env);

	assert_int_equal(parse_k8s_env(buf, len, "worker", &env, &err), -1);
	assert_string_equal(err.msg, "kubectl deployment: the pod template has no container worker");
	assert_int_equal(env.n, 0);
	free(buf);
	assert_int_equal(parse_k8s_env(no_ctr, sizeof(no_ctr) - 1, "api", &env, &err), -1);
	assert_int_equal(parse_k8s_env(S("{\"kind\":\"Pod\"}"), "api", &env, &err), -1);
	assert_string_equal(err.msg, "kubectl deployment: kind is \"Pod\", not Deployment");
	assert_int_equal(parse_k8s_env(S("Error from server"), "api", &env, &err), -1);

	/* The fleet's recorded deployment: one container, EXPORT_MODE=on. */
	buf = fixture_read("drivers/k8s_deploy.json", &len);
	assert_int_equal(parse_k8s_env(buf, len, "api", &env, &err), 0);
	assert_string_equal(parse_k8s_env_find(&env, "EXPORT_MODE")->value, "on");
	assert_false(env.env_from);
	parse_k8s_env_free(&env);
	free(buf);
}

static void
replicasets_keep_each_revisions_env(void **state)
{
	/* A sidecar first, and a Deployment that does not own it. */
	static const char two[] = "{\"kind\":\"List\",\"items\":["
	    "{\"metadata\":{\"annotations\":{\"deployment.kubernetes.io/revision\":\"7\"},"
	    "\"ownerReferences\":[{\"kind\":\"Deployment\",\"name\":\"api\"}]},"
	    "\"spec\":{\"template\":{\"spec\":{\"containers\":["
	    "{\"name\":\"envoy\",\"env\":[{\"name\":\"EXPORT_MODE\",\"value\":\"x\"}]},"
	    "{\"name\":\"api\",\"env\":[{\"name\":\"EXPORT_MODE\",\"valueFrom\":"
	    "{\"configMapKeyRef\":{\"name\":\"flags\",\"key\":\"export\"}}}]}]}}}},"
	    "{\"metadata\":{\"annotations\":{\"deployment.kubernetes.io/revision\":\"8\"},"
	    "\"ownerReferences\":[{\"kind\":\"Deployment\",\"name\":\"api-canary\"}]},"
	    "\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"api\"}]}}}}]}";
	struct k8s_env env;
	struct wr_err err;
	size_t len;
	char *buf = fixture_read("drivers/k8s_replicasets_env.json", &len);

	(void)state;
	/* Recorded from the fleet after `kubectl set env … EXPORT_MODE=off`:
	 * revision 5 is the kill switch's template, 4 the one before it. */
	assert_int_equal(parse_k8s_rs_env(buf, len, "api", 5, "api", &env, &err), 0);
	assert_string_equal(parse_k8s_env_find(&env, "EXPORT_MODE")->value, "off");
	parse_k8s_env_free(&env);
	assert_int_equal(parse_k8s_rs_env(buf, len, "api", 4, "api", &env, &err), 0);
	assert_string_equal(parse_k8s_env_find(&env, "EXPORT_MODE")->value, "on");
	parse_k8s_env_free(&env);
	assert_int_equal(parse_k8s_rs_env(buf, len, "api", 9, "api", &env, &err), -1);
	assert_string_equal(err.msg, "kubectl replicasets: no ReplicaSet of api holds revision 9");
	assert_int_equal(parse_k8s_rs_env(buf, len, "api", 0, "api", &env, &err), -1);
	assert_int_equal(parse_k8s_rs_env(buf, len, "api", 4, "worker", &env, &err), -1);
	assert_string_equal(err.msg, "kubectl replicasets: the pod template has no container worker");
	assert_int_equal(env.n, 0);
	free(buf);

	/* The container named, not the first; a reference is named as one. */
	assert_int_equal(parse_k8s_rs_env(two, sizeof(two) - 1, "api", 7, "api", &env, &err), 0);
	assert_string_equal(parse_k8s_env_find(&env, "EXPORT_MODE")->value_from,
	    "configMapKeyRef");
	parse_k8s_env_free(&env);
	/* Revision 8 belongs to another Deployment. */
	assert_int_equal(parse_k8s_rs_env(two, sizeof(two) - 1, "api", 8, "api", &env, &err), -1);
	assert_int_equal(parse_k8s_rs_env(S("Error from server"), "api", 1, "api", &env, &err), -1);
}

/* When the running release went live: the oldest pod running its tag,
 * or the Progressing condition's lastUpdateTime when earlier (its pods
 * replaced since) and only when it speaks of the current template. */
static void
deploy_time_from_pods_and_progressing(void **state)
{
	struct k8s_deploy d;
	struct k8s_pods p;
	struct wr_err err;
	char from[64];
	int64_t prog;

	(void)state;
	/* NewReplicaSetAvailable at 2026-11-26T07:33:55Z. */
	assert_int_equal(deploy_fixture("drivers/k8s_deploy.json", &d, &err), 0);
	prog = parse_k8s_progressed_ms(&d);
	assert_true(prog == 1795678435000LL);
	assert_true(d.progressing.last_update_ms == 1795678435000LL);
	/* A stuck rollout's time, or one the controller has not seen: none. */
	assert_int_equal(deploy_fixture("drivers/k8s_deploy_deadline.json", &d, &err), 0);
	assert_true(parse_k8s_progressed_ms(&d) == 0);
	assert_int_equal(deploy_fixture("drivers/k8s_deploy_unobserved.json", &d, &err), 0);
	assert_true(parse_k8s_progressed_ms(&d) == 0);

	/* Half a rollout: v1.4.1's day-old pods beside v1.5.0-bad's, one of
	 * those replaced at 07:41:12, one with an unreadable time. */
	assert_int_equal(pods_fixture("drivers/k8s_pods_mixed.json", &p, &err), 0);
	assert_int_equal(p.n, 5);
	assert_true(p.items[0].created_ms == 1795597920000LL);   /* 2026-11-25T09:12:00Z */
	assert_true(p.items[4].created_ms == 0);
	/* The old tag's pods never count for the new one. */
	assert_true(parse_k8s_deployed(&p, "v1.5.0-bad", 0, 0, "", from, sizeof(from)) ==
	    1795678436000LL);
	assert_string_equal(from, "kubectl pods: its oldest pod created");
	/* A condition earlier than every pod left (all replaced) wins. */
	assert_true(parse_k8s_deployed(&p, "v1.5.0-bad", 0, 1795678400000LL,
	    "NewReplicaSetAvailable", from, sizeof(from)) == 1795678400000LL);
	assert_string_equal(from, "kubectl deploy: Progressing NewReplicaSetAvailable");
	/* A later one (the rollout completed at 07:35:00) does not. */
	assert_true(parse_k8s_deployed(&p, "v1.5.0-bad", 0, 1795678500000LL, "NewReplicaSetAvailable",
	    from, sizeof(from)) == 1795678436000LL);
	assert_string_equal(from, "kubectl pods: its oldest pod created");
	/* No pod runs it, nothing else says: unknown. */
	assert_true(parse_k8s_deployed(&p, "v9", 0, 0, "", from, sizeof(from)) == 0);
	assert_string_equal(from, "");
	/* Pods not read (NULL): the condition alone. */
	assert_true(parse_k8s_deployed(NULL, "v1.5.0-bad", 0, prog, "NewReplicaSetAvailable", from,
	    sizeof(from)) == prog);
	parse_k8s_pods_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(deploy_time_from_pods_and_progressing),
		cmocka_unit_test(restarted_release_first_ran_with_its_first_replicaset),
		cmocka_unit_test(rfc3339_times),
		cmocka_unit_test(image_references),
		cmocka_unit_test(recorded_deployment),
		cmocka_unit_test(selector_for_logs),
		cmocka_unit_test(recorded_rollout_in_progress),
		cmocka_unit_test(progress_deadline_exceeded),
		cmocka_unit_test(missing_and_null_fields_take_api_defaults),
		cmocka_unit_test(broken_deployments),
		cmocka_unit_test(recorded_pods_restarting),
		cmocka_unit_test(pods_with_several_containers_and_odd_fields),
		cmocka_unit_test(empty_and_broken_pod_lists),
		cmocka_unit_test(rollout_history_text),
		cmocka_unit_test(replicasets_give_each_revision_its_image),
		cmocka_unit_test(broken_replicaset_lists),
		cmocka_unit_test(container_env_lists),
		cmocka_unit_test(replicasets_keep_each_revisions_env),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
