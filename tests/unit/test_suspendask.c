/*
 * test_suspendask.c — Ctrl-Z while an action runs is refused with its
 * name and what to do; armed, the console disarms before it stops and
 * says so once continued.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/suspendask.h"

static void
decides(void **state)
{
	(void)state;
	assert_int_equal(suspendask_decide(0, false), SUSPENDASK_STOP);
	assert_int_equal(suspendask_decide(0, true), SUSPENDASK_DISARM_STOP);
	/* Disarmed with its action still running, or armed: refused alike. */
	assert_int_equal(suspendask_decide(1, false), SUSPENDASK_REFUSE);
	assert_int_equal(suspendask_decide(2, true), SUSPENDASK_REFUSE);
}

static void
one_running(void **state)
{
	char buf[300];

	(void)state;
	suspendask_refusal("rollback of api on h1", 1, buf, sizeof(buf));
	assert_string_equal(buf, "not suspended: rollback of api on h1 is running (its host "
	    "may end it if this console stops); wait for its outcome");
}

static void
several_running(void **state)
{
	char buf[300];

	(void)state;
	suspendask_refusal("kill switch of api on h2", 3, buf, sizeof(buf));
	assert_string_equal(buf, "not suspended: kill switch of api on h2 and 2 more are "
	    "running (their hosts may end them if this console stops); wait for their outcomes");
}

static void
resumed(void **state)
{
	char buf[200];

	(void)state;
	suspendask_resumed(false, buf, sizeof(buf));
	assert_string_equal(buf, "disarmed when suspended (Ctrl-Z): A arms again");
	suspendask_resumed(true, buf, sizeof(buf));
	assert_string_equal(buf, "disarmed when suspended (Ctrl-Z); the confirmation open then "
	    "was closed, nothing ran: A arms again");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decides),
		cmocka_unit_test(one_running),
		cmocka_unit_test(several_running),
		cmocka_unit_test(resumed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
