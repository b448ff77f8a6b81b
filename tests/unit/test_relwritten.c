/*
 * test_relwritten.c — a rollback's releases.log line read back: its own
 * line is the one naming its op, whatever the host's clock stamped it;
 * a line written before lines named their op is found by its stamp,
 * within the skew margin, for its tag, service and incident.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "warroom/relwritten.h"

/* 2026-11-28T09:00:00Z */
#define T0 1795856400000LL
#define OP "rb-692962d0-1a2b"

static const char LOG[] =
    "2026-11-20T10:00:00Z deploy IMAGE_TAG=v1.4.1 services=api result=ok\n"
    "2026-11-28T08:50:00Z rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom incident=qa\n"
    "2026-11-28T09:00:00Z rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom incident=qa";

/* The line as plan_compose_rollback writes it, stamped at `at`. */
#define OPLINE(at, op, inc) \
	at " rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom op=" op " incident=" inc "\n"

static void
the_line_naming_the_op_is_found_whatever_its_stamp(void **state)
{
	(void)state;
	/* On time, and from a host whose clock is an hour behind or ahead. */
	assert_int_equal(relwritten_find(OPLINE("2026-11-28T09:01:00Z", OP, "qa"),
	    "v1.4.1", "api", OP, "qa", T0), RELWRITTEN_BY_OP);
	assert_int_equal(relwritten_find(OPLINE("2026-11-28T08:01:00Z", OP, "qa"),
	    "v1.4.1", "api", OP, "qa", T0), RELWRITTEN_BY_OP);
	assert_int_equal(relwritten_find(OPLINE("2026-11-28T10:01:00Z", OP, "qa"),
	    "v1.4.1", "api", OP, "qa", T0), RELWRITTEN_BY_OP);
	/* Even with no stamp it could read: the op says whose it is. */
	assert_int_equal(relwritten_find("garbled rollback IMAGE_TAG=v1.4.1 services=api "
	    "result=ok by=warroom op=" OP " incident=qa\n", "v1.4.1", "api", OP, "qa", T0),
	    RELWRITTEN_BY_OP);
	/* Resumed under another spelling of the incident: still its op. */
	assert_int_equal(relwritten_find(OPLINE("2026-11-28T09:01:00Z", OP, "qa"),
	    "v1.4.1", "api", OP, "qa-1a2b3c", T0), RELWRITTEN_BY_OP);
}

/* A host clock ahead makes an earlier rollback's line look later than the
 * intent: with ops, another op's line is never this one's. */
static void
another_ops_line_is_not_this_ones(void **state)
{
	(void)state;
	assert_int_equal(relwritten_find(OPLINE("2026-11-28T09:30:00Z", "rb-692962d0-ffff", "qa"),
	    "v1.4.1", "api", OP, "qa", T0), RELWRITTEN_NOT_FOUND);
	/* Another incident's, its own op and name. */
	assert_int_equal(relwritten_find(OPLINE("2026-11-28T09:01:00Z", "rb-692962d1-0001", "other"),
	    "v1.4.1", "api", OP, "qa", T0), RELWRITTEN_NOT_FOUND);
	/* A prefix of the op is not the op. */
	assert_int_equal(relwritten_find(OPLINE("2026-11-28T09:01:00Z", OP "0", "qa"),
	    "v1.4.1", "api", OP, "qa", T0), RELWRITTEN_NOT_FOUND);
	/* The plan's line names its op: an op-less line at the right time
	 * is an older console's, not this one's. */
	assert_int_equal(relwritten_find(LOG, "v1.4.1", "api", OP, "qa", T0),
	    RELWRITTEN_NOT_FOUND);
	/* Its op on another tag or service: not it. */
	assert_int_equal(relwritten_find(OPLINE("2026-11-28T09:01:00Z", OP, "qa"),
	    "v1.4.0", "api", OP, "qa", T0), RELWRITTEN_NOT_FOUND);
	assert_int_equal(relwritten_find(OPLINE("2026-11-28T09:01:00Z", OP, "qa"),
	    "v1.4.1", "jobs", OP, "qa", T0), RELWRITTEN_NOT_FOUND);
}

/* A plan from before lines named their op (op NULL): the stamp, allowing
 * RELWRITTEN_SKEW_S for a host clock behind the console's. */
static void
an_older_plans_line_is_found_by_its_time(void **state)
{
	(void)state;
	/* The intent at 09:00:00.700: the line stamped 09:00:00 is its own. */
	assert_int_equal(relwritten_find(LOG, "v1.4.1", "api", NULL, "qa", T0 + 700),
	    RELWRITTEN_BY_TIME);
	/* A host clock two minutes behind: stamped before the intent, within
	 * the margin. */
	assert_int_equal(relwritten_find(
	    "2026-11-28T08:58:00Z rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom incident=qa\n",
	    "v1.4.1", "api", NULL, "qa", T0), RELWRITTEN_BY_TIME);
	/* Ten minutes before: an earlier rollback's line to the same tag. */
	assert_int_equal(relwritten_find(
	    "2026-11-28T08:50:00Z rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom incident=qa\n",
	    "v1.4.1", "api", NULL, "qa", T0), RELWRITTEN_NOT_FOUND);
	assert_int_equal(relwritten_find(LOG, "v1.4.1", "api", NULL, "qa",
	    T0 + 1000 + RELWRITTEN_SKEW_S * 1000LL), RELWRITTEN_NOT_FOUND);
	/* Another incident's line at the right time. */
	assert_int_equal(relwritten_find(
	    "2026-11-28T09:01:00Z rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom incident=other\n",
	    "v1.4.1", "api", NULL, "qa", T0), RELWRITTEN_NOT_FOUND);
	assert_int_equal(relwritten_find(
	    "2026-11-28T09:01:00Z rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom incident=qa2\n",
	    "v1.4.1", "api", NULL, "qa", T0), RELWRITTEN_NOT_FOUND);
	/* A line naming an op is a later console's, never this plan's. */
	assert_int_equal(relwritten_find(OPLINE("2026-11-28T09:01:00Z", OP, "qa"),
	    "v1.4.1", "api", NULL, "qa", T0), RELWRITTEN_NOT_FOUND);
	/* Another tag or service: not it. */
	assert_int_equal(relwritten_find(LOG, "v1.4.0", "api", NULL, "qa", T0), RELWRITTEN_NOT_FOUND);
	assert_int_equal(relwritten_find(LOG, "v1.4.1", "jobs", NULL, "qa", T0), RELWRITTEN_NOT_FOUND);
	assert_int_equal(relwritten_find(LOG, "v1.4.1", "ap", NULL, "qa", T0), RELWRITTEN_NOT_FOUND);
}

static void
nothing_to_find(void **state)
{
	(void)state;
	assert_int_equal(relwritten_find("", "v1.4.1", "api", OP, "qa", T0), RELWRITTEN_NOT_FOUND);
	assert_int_equal(relwritten_find(NULL, "v1.4.1", "api", OP, "qa", T0), RELWRITTEN_NOT_FOUND);
	assert_int_equal(relwritten_find("garbage\n\n rollback IMAGE_TAG=v1.4.1 services=api "
	    "result=ok by=warroom incident=qa\n", "v1.4.1", "api", NULL, "qa", T0),
	    RELWRITTEN_NOT_FOUND);
}

/* Whether a plan's releases.log command writes its op into the line. */
static void
a_plans_command_names_its_op_or_not(void **state)
{
	(void)state;
	assert_true(relwritten_names_op("cd 'app' && if [ -f releases.log ]; then printf '%s %s\\n' "
	    "\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" 'rollback IMAGE_TAG=v1.4.1 services=api result=ok "
	    "by=warroom op=" OP " incident=qa' >> releases.log; fi", OP));
	assert_false(relwritten_names_op("cd 'app' && if [ -f releases.log ]; then printf '%s %s\\n' "
	    "\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" 'rollback IMAGE_TAG=v1.4.1 services=api result=ok "
	    "by=warroom incident=qa' >> releases.log; fi", OP));
	assert_false(relwritten_names_op("... by=warroom op=" OP "0 incident=qa'", OP));
	assert_false(relwritten_names_op("", OP));
	assert_false(relwritten_names_op(NULL, OP));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_line_naming_the_op_is_found_whatever_its_stamp),
		cmocka_unit_test(another_ops_line_is_not_this_ones),
		cmocka_unit_test(an_older_plans_line_is_found_by_its_time),
		cmocka_unit_test(nothing_to_find),
		cmocka_unit_test(a_plans_command_names_its_op_or_not),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
