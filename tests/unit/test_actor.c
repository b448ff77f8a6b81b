/*
 * test_actor.c — a console on a shared account names its person with
 * --as / `actor =`; the account stays beside it, never hidden.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/actor.h"

/* alice and bob both on root@vm read the same in every record. */
static void
name_goes_before_the_account(void **state)
{
	char buf[128];

	(void)state;
	actor_compose("bob", "root@vm", buf, sizeof(buf));
	assert_string_equal(buf, "bob (root@vm)");
	actor_compose(NULL, "root@vm", buf, sizeof(buf));
	assert_string_equal(buf, "root@vm");
	actor_compose("", "root@vm", buf, sizeof(buf));
	assert_string_equal(buf, "root@vm");
}

static void
short_form_is_the_name(void **state)
{
	char buf[64];

	(void)state;
	actor_short("bob (root@vm)", buf, sizeof(buf));
	assert_string_equal(buf, "bob");
	actor_short("root@vm", buf, sizeof(buf));
	assert_string_equal(buf, "root@vm");
	actor_short("Ana María (ops@bastion)", buf, sizeof(buf));
	assert_string_equal(buf, "Ana María");
	actor_short("bob (root@vm)", buf, 3);
	assert_string_equal(buf, "bo");
}

static void
names_a_person_can_give(void **state)
{
	struct wr_err err;

	(void)state;
	assert_int_equal(actor_name_check("bob", &err), 0);
	assert_int_equal(actor_name_check("Ana María", &err), 0);
	assert_int_equal(actor_name_check("bob.smith-2", &err), 0);
}

static void
names_refused_with_a_reason(void **state)
{
	struct wr_err err;
	char long_name[64];

	(void)state;
	assert_int_equal(actor_name_check("", &err), -1);
	assert_non_null(strstr(err.msg, "empty"));
	assert_int_equal(actor_name_check("bob (admin)", &err), -1);
	assert_non_null(strstr(err.msg, "( or )"));
	assert_int_equal(actor_name_check(" bob", &err), -1);
	assert_int_equal(actor_name_check("bob\033[2J", &err), -1);
	assert_non_null(strstr(err.msg, "printable"));
	assert_int_equal(actor_name_check("b\xffob", &err), -1);
	assert_int_equal(actor_name_check("bo\tb", &err), -1);
	memset(long_name, 'a', 41);
	long_name[41] = '\0';
	assert_int_equal(actor_name_check(long_name, &err), -1);
	assert_non_null(strstr(err.msg, "at most 40"));
}

/* --check-config did not say who actions are journalled under. It
 * says the actor as recorded and where the name came from. */
static void
source_says_where_the_name_came_from(void **state)
{
	char buf[160];

	(void)state;
	actor_source(NULL, "bob", 4, "root@vm", buf, sizeof(buf));
	assert_string_equal(buf, "bob (root@vm), from actor = at line 4");
	actor_source("alice", NULL, 0, "root@vm", buf, sizeof(buf));
	assert_string_equal(buf, "alice (root@vm), from --as");
	actor_source("alice", "bob", 4, "root@vm", buf, sizeof(buf));
	assert_string_equal(buf, "alice (root@vm), from --as (over actor = bob at line 4)");
	actor_source(NULL, "", 0, "root@vm", buf, sizeof(buf));
	assert_string_equal(buf, "root@vm, the account alone (no actor = or --as)");
	actor_source("", NULL, 0, "root@vm", buf, sizeof(buf));
	assert_string_equal(buf, "root@vm, the account alone (no actor = or --as)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(name_goes_before_the_account),
		cmocka_unit_test(short_form_is_the_name),
		cmocka_unit_test(names_a_person_can_give),
		cmocka_unit_test(names_refused_with_a_reason),
		cmocka_unit_test(source_says_where_the_name_came_from),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
