/*
 * test_runbook_fill.c — a step's shell blocks as the script that runs:
 * placeholders asked once each in order of first use, replaced at every
 * occurrence, values that would need quoting refused, known actions named.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/runbook_fill.h"

static const char md[] =
    "# Roll back\n"
    "\n"
    "1. Check the pods\n"
    "\n"
    "   ```bash\n"
    "   kubectl get pods -n $NAMESPACE -l app=<service>\n"
    "   kubectl logs -n $NAMESPACE deploy/<service> --since=5m | tail\n"
    "   ```\n"
    "\n"
    "2. Pin the image\n"
    "\n"
    "   ```sh\n"
    "   docker pull registry.local/<service>:sha-<commit>\n"
    "   ```\n"
    "\n"
    "3. Nothing to run here\n"
    "\n"
    "4. Kill the export\n"
    "\n"
    "   ```bash\n"
    "   sed -i 's/^EXPORT_MODE=.*/EXPORT_MODE=off/' .env\n"
    "   ```\n"
    "\n"
    "5. Roll back\n"
    "\n"
    "   ```bash\n"
    "   IMAGE_TAG=sha-<commit> docker compose --env-file .env up -d api jobs\n"
    "   ```\n";

static struct runbook rb;

static int
setup(void **state)
{
	runbook_parse(&rb, "t.md", md, strlen(md));
	return 0;
}

static int
teardown(void **state)
{
	runbook_free(&rb);
	return 0;
}

static void
asks_each_placeholder_once_in_order(void **state)
{
	struct runbook_fill f;
	struct wr_err err;
	char *s;

	assert_int_equal(runbook_fill_init(&f, &rb, 0, 0, &err), 0);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.labels[0], "$NAMESPACE");
	assert_string_equal(f.labels[1], "<service>");
	assert_null(runbook_fill_script(&f, &rb, &err));
	assert_string_equal(err.msg, "$NAMESPACE has no value yet");
	assert_int_equal(runbook_fill_set(&f, "prod", &err), 0);
	assert_false(runbook_fill_done(&f));
	assert_int_equal(runbook_fill_set(&f, "api", &err), 0);
	assert_true(runbook_fill_done(&f));
	s = runbook_fill_script(&f, &rb, &err);
	assert_string_equal(s, "kubectl get pods -n prod -l app=api\n"
	    "kubectl logs -n prod deploy/api --since=5m | tail\n");
	free(s);
	runbook_fill_free(&f);
}

static void
sha_placeholders_keep_their_prefix(void **state)
{
	struct runbook_fill f;
	struct wr_err err;
	char *s;

	assert_int_equal(runbook_fill_init(&f, &rb, 0, 1, &err), 0);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.labels[1], "sha-<commit>");
	assert_int_equal(runbook_fill_set(&f, "api", &err), 0);
	assert_int_equal(runbook_fill_set(&f, "sha-8e1f2a", &err), 0);
	s = runbook_fill_script(&f, &rb, &err);
	assert_string_equal(s, "docker pull registry.local/api:sha-8e1f2a\n");
	free(s);
	runbook_fill_free(&f);
}

static void
values_that_need_quoting_are_refused(void **state)
{
	struct runbook_fill f;
	struct wr_err err;

	assert_int_equal(runbook_fill_init(&f, &rb, 0, 0, &err), 0);
	assert_int_equal(runbook_fill_set(&f, "", &err), -1);
	assert_string_equal(err.msg, "$NAMESPACE needs a value; nothing is guessed");
	assert_int_equal(runbook_fill_set(&f, "prod; reboot", &err), -1);
	assert_int_equal(runbook_fill_set(&f, "$(id)", &err), -1);
	assert_int_equal(runbook_fill_set(&f, "--all", &err), -1);
	assert_string_equal(err.msg, "'--all' refused: it would read as an option");
	assert_int_equal(f.cur, 0);
	runbook_fill_free(&f);
}

static void
steps_without_commands_and_known_actions(void **state)
{
	struct runbook_fill f;
	struct wr_err err;

	assert_int_equal(runbook_fill_init(&f, &rb, 0, 2, &err), -1);
	assert_string_equal(err.msg, "this step has no shell commands to run");
	runbook_fill_free(&f);
	assert_int_equal(runbook_fill_init(&f, &rb, 0, 3, &err), 0);
	assert_int_equal(f.known, RUNBOOK_ACT_KILLSWITCH);
	assert_int_equal(f.n, 0);
	runbook_fill_free(&f);
}

static void
a_known_rollback_gets_its_tag(void **state)
{
	struct runbook_fill f;
	struct wr_err err;
	char *tag;

	assert_int_equal(runbook_fill_init(&f, &rb, 0, 4, &err), 0);
	assert_int_equal(f.known, RUNBOOK_ACT_COMPOSE_UP);
	assert_string_equal(runbook_action_arg(&f.known_cmd->action, "service"), "api");
	assert_int_equal(runbook_fill_set(&f, "8e1f2a", &err), 0);
	tag = runbook_fill_assign(&f, "IMAGE_TAG");
	assert_string_equal(tag, "sha-8e1f2a");
	free(tag);
	assert_null(runbook_fill_assign(&f, "OTHER"));
	runbook_fill_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(asks_each_placeholder_once_in_order),
		cmocka_unit_test(sha_placeholders_keep_their_prefix),
		cmocka_unit_test(values_that_need_quoting_are_refused),
		cmocka_unit_test(steps_without_commands_and_known_actions),
		cmocka_unit_test(a_known_rollback_gets_its_tag),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
