/*
 * test_parse_helm.c — `helm history -o json` and `helm list -o json`:
 * recorded from the fleet's helm shim (before and after a rollback), the
 * helm.sh history example as JSON, failed/pending revisions, broken output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/parse_helm.h"
#include "fixture.h"

static int
history_fixture(const char *name, struct helm_history *h, struct wr_err *err)
{
	size_t len;
	char *buf = fixture_read(name, &len);
	int rc = parse_helm_history(buf, len, h, err);

	free(buf);
	return rc;
}

static void
recorded_history(void **state)
{
	struct helm_history h;
	struct wr_err err;

	(void)state;
	assert_int_equal(history_fixture("drivers/helm_history.json", &h, &err), 0);
	assert_int_equal(h.n, 4);
	assert_int_equal(h.current, 3);
	assert_int_equal(h.items[h.current].revision, 4);
	assert_string_equal(h.items[h.current].chart, "api-0.12.0");
	assert_string_equal(h.items[h.current].app_version, "1.5.0-bad");
	assert_string_equal(h.items[h.current].status, "deployed");
	assert_string_equal(h.items[h.current].updated, "2026-11-26T07:33:55.504578Z");
	assert_int_equal(h.items[h.rollback].revision, 3);
	assert_string_equal(h.items[h.rollback].app_version, "1.4.1");
	parse_helm_history_free(&h);
}

static void
recorded_history_after_rollback(void **state)
{
	struct helm_history h;
	struct wr_err err;

	(void)state;
	assert_int_equal(history_fixture("drivers/helm_history_after_rollback.json", &h, &err), 0);
	assert_int_equal(h.items[h.current].revision, 5);
	assert_string_equal(h.items[h.current].description, "Rollback to 3");
	assert_int_equal(h.items[h.rollback].revision, 4);   /* what `helm rollback api` would do */
	parse_helm_history_free(&h);
}

static void
docs_example(void **state)
{
	struct helm_history h;
	struct wr_err err;

	(void)state;
	assert_int_equal(history_fixture("drivers/helm_history_docs.json", &h, &err), 0);
	assert_int_equal(h.n, 4);
	assert_int_equal(h.items[h.current].revision, 4);
	assert_int_equal(h.items[h.rollback].revision, 3);
	assert_string_equal(h.items[2].description, "Rolled back to 2");
	parse_helm_history_free(&h);
}

static void
failed_and_pending_are_never_targets(void **state)
{
	struct helm_history h;
	struct wr_err err;

	(void)state;
	assert_int_equal(history_fixture("drivers/helm_history_failed.json", &h, &err), 0);
	assert_int_equal(h.items[h.current].revision, 3);    /* pending-upgrade 4 is not current */
	assert_int_equal(h.items[h.rollback].revision, 1);   /* failed 2 skipped */
	parse_helm_history_free(&h);
	assert_int_equal(history_fixture("drivers/helm_history_no_deployed.json", &h, &err), 0);
	assert_int_equal(h.current, -1);
	assert_int_equal(h.rollback, -1);
	parse_helm_history_free(&h);
}

static void
broken_history(void **state)
{
	struct helm_history h;
	struct wr_err err;

	(void)state;
	assert_int_equal(history_fixture("drivers/helm_history_badjson.json", &h, &err), -1);
	assert_string_equal(err.msg, "helm history: line 1: not JSON: ,}{\"fleet\": bad-json fault");
	assert_int_equal(h.n, 0);
	assert_null(h.items);
	assert_int_equal(history_fixture("drivers/helm_history_bad_revision.json", &h, &err), -1);
	assert_string_equal(err.msg, "helm history: element 2: no valid \"revision\"");
	assert_null(h.items);
	assert_int_equal(history_fixture("drivers/helm_history_object.json", &h, &err), -1);
	assert_string_equal(err.msg, "helm history: not a JSON array");
	assert_int_equal(history_fixture("drivers/helm_history_empty.json", &h, &err), -1);
	assert_string_equal(err.msg, "helm history: no revisions");
	assert_int_equal(parse_helm_history("[{\"revision\":2},{\"revision\":1}]", 31, &h, &err), -1);
	assert_string_equal(err.msg, "helm history: element 2: revision 1 not after 2");
	assert_int_equal(parse_helm_history("[{\"revision\":1.5}]", 18, &h, &err), -1);
	assert_int_equal(parse_helm_history("Error: release: not found\n", 26, &h, &err), -1);
	assert_string_equal(err.msg, "helm history: line 1: not JSON: Error: release: not found");
}

static void
recorded_list(void **state)
{
	struct helm_list l;
	struct wr_err err;
	size_t len;
	char *buf = fixture_read("drivers/helm_list.json", &len);

	(void)state;
	assert_int_equal(parse_helm_list(buf, len, &l, &err), 0);
	free(buf);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].name, "api");
	assert_string_equal(l.items[0].namespace_, "prod");
	assert_int_equal(l.items[0].revision, 4);            /* printed as "4" */
	assert_string_equal(l.items[0].status, "deployed");
	assert_string_equal(l.items[0].app_version, "1.5.0-bad");
	parse_helm_list_free(&l);
	assert_int_equal(parse_helm_list("[]", 2, &l, &err), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(parse_helm_list("[{},null]", 9, &l, &err), -1);
	assert_string_equal(err.msg, "helm list: element 2: not an object");
	assert_null(l.items);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(recorded_history),
		cmocka_unit_test(recorded_history_after_rollback),
		cmocka_unit_test(docs_example),
		cmocka_unit_test(failed_and_pending_are_never_targets),
		cmocka_unit_test(broken_history),
		cmocka_unit_test(recorded_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
