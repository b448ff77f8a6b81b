/*
 * test_armwords.c — A's refusal names the real cause when another console
 * holds the arm lock: armed; disarmed with an action still running; or
 * stopped (Ctrl-Z).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/armwords.h"

static const char holder[] = "root@vm (pid 21707 on /dev/pts/2) since 18:40:59 UTC";

static void
the_holder_pid_is_read(void **state)
{
	(void)state;
	assert_int_equal(armwords_pid(holder), 21707);
	assert_int_equal(armwords_pid("bob@box"), 0);
	assert_int_equal(armwords_pid(""), 0);
	assert_int_equal(armwords_pid(NULL), 0);
}

static void
a_stopped_process_is_told_from_its_stat(void **state)
{
	(void)state;
	assert_true(armwords_stopped("21707 (warroom) T 1 21707 ..."));
	assert_true(armwords_stopped("21707 (war) room) t 1 ..."));
	assert_false(armwords_stopped("21707 (warroom) S 1 21707 ..."));
	assert_false(armwords_stopped("21707 (a) T) S 1 ..."));
	assert_false(armwords_stopped(""));
}

static void
an_armed_holder_is_named_armed(void **state)
{
	char buf[400];

	(void)state;
	armwords_refusal(holder, "", false, buf, sizeof(buf));
	assert_non_null(strstr(buf, "since 18:40:59 UTC is armed"));
	assert_non_null(strstr(buf, "ask them to disarm (A)"));
}

/* disarmed mid-X, the kill switch still running. */
static void
a_disarmed_holder_names_its_running_action(void **state)
{
	char buf[400];

	(void)state;
	armwords_refusal(holder, "kill switch of api on k8s-bastion", false, buf, sizeof(buf));
	assert_string_equal(buf, "root@vm (pid 21707 on /dev/pts/2) disarmed, but its kill "
	    "switch of api on k8s-bastion still runs: arming is possible once it ends (one "
	    "armed console at a time)");
	assert_null(strstr(buf, "is armed"));
	assert_null(strstr(buf, "ask them to disarm"));
}

static void
a_stopped_holder_is_named_stopped(void **state)
{
	char buf[400];

	(void)state;
	armwords_refusal(holder, "", true, buf, sizeof(buf));
	assert_non_null(strstr(buf, "pid 21707 is stopped (SIGSTOP, a debugger?): continue it (kill -CONT 21707) or end it"));
	assert_null(strstr(buf, "is armed since"));
	assert_null(strstr(buf, "since 18:40:59"));
}

/* Whole minutes as before ("ARMED for 15 min"); arm_time's seconds said. */
static void
an_arming_length_is_said_in_minutes_and_seconds(void **state)
{
	char buf[32];

	(void)state;
	armwords_length(15 * 60 * 1000, buf, sizeof(buf));
	assert_string_equal(buf, "15 min");
	armwords_length(20 * 1000, buf, sizeof(buf));
	assert_string_equal(buf, "20 s");
	armwords_length(90 * 1000, buf, sizeof(buf));
	assert_string_equal(buf, "1 min 30 s");
}

static void
the_badge_says_the_time_is_left(void **state)
{
	char buf[32];

	(void)state;
	armwords_badge(14 * 60 + 59, true, buf, sizeof(buf));
	assert_string_equal(buf, " ARMED 14:59 left ");
	armwords_badge(65, false, buf, sizeof(buf));
	assert_string_equal(buf, " ARMED 1:05 ");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_holder_pid_is_read),
		cmocka_unit_test(a_stopped_process_is_told_from_its_stat),
		cmocka_unit_test(an_armed_holder_is_named_armed),
		cmocka_unit_test(a_disarmed_holder_names_its_running_action),
		cmocka_unit_test(a_stopped_holder_is_named_stopped),
		cmocka_unit_test(an_arming_length_is_said_in_minutes_and_seconds),
		cmocka_unit_test(the_badge_says_the_time_is_left),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
