/*
 * test_quitask.c — q while something runs names it and says it ends
 * UNKNOWN; QA saw only "An action or announcement is still in flight".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/quitask.h"

static void
one_action_is_named(void **state)
{
	const char *a[] = { "rollback of api on k8s-bastion (rollout status)" };
	char buf[400];

	(void)state;
	quitask_words(a, 1, 0, buf, sizeof(buf));
	assert_string_equal(buf, "rollback of api on k8s-bastion (rollout status) is still "
	    "running: quitting ends it UNKNOWN in the journal (the host may or may not finish "
	    "what was sent).");
}

static void
several_and_a_chat(void **state)
{
	const char *a[] = { "rollback of api on h1 (up -d)", "kill switch of api on h2 (up -d)",
		"rollback of jobs on h3 (pull)", "rollback of api on h4 (pull)" };
	char buf[600];

	(void)state;
	quitask_words(a, 4, 1, buf, sizeof(buf));
	assert_string_equal(buf, "still running: rollback of api on h1 (up -d), kill switch of "
	    "api on h2 (up -d), rollback of jobs on h3 (pull) and 1 more; an announcement to "
	    "the chat is still being sent: quitting ends them UNKNOWN in the journal (the host "
	    "may or may not finish what was sent).");
}

static void
only_a_chat_or_nothing(void **state)
{
	char buf[300];

	(void)state;
	quitask_words(NULL, 0, 1, buf, sizeof(buf));
	assert_string_equal(buf, "an announcement to the chat is still being sent: quitting "
	    "ends it UNKNOWN in the journal (the chat may or may not have it).");
	quitask_words(NULL, 0, 0, buf, sizeof(buf));
	assert_string_equal(buf, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_action_is_named),
		cmocka_unit_test(several_and_a_chat),
		cmocka_unit_test(only_a_chat_or_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
