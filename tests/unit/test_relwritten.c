/*
 * test_relwritten.c — a rollback's releases.log line read back: found
 * only when stamped at or after its intent, for its tag and service.
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

static const char LOG[] =
    "2026-11-20T10:00:00Z deploy IMAGE_TAG=v1.4.1 services=api result=ok\n"
    "2026-11-28T08:50:00Z rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom incident=qa\n"
    "2026-11-28T09:00:00Z rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom incident=qa";

static void
the_line_stamped_since_the_intent_is_found(void **state)
{
	(void)state;
	/* The intent at 09:00:00.700: the line stamped 09:00:00 is its own. */
	assert_true(relwritten_found(LOG, "v1.4.1", "api", T0 + 700));
	assert_false(relwritten_found(LOG, "v1.4.1", "api", T0 + 1000));
	/* Another tag or service: not it. */
	assert_false(relwritten_found(LOG, "v1.4.0", "api", T0));
	assert_false(relwritten_found(LOG, "v1.4.1", "jobs", T0));
	assert_false(relwritten_found(LOG, "v1.4.1", "ap", T0));
}

/* Only the earlier rollback's line to the same tag: not written. */
static void
an_earlier_rollbacks_line_is_not_this_ones(void **state)
{
	(void)state;
	assert_false(relwritten_found(
	    "2026-11-28T08:50:00Z rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom incident=qa\n",
	    "v1.4.1", "api", T0));
	assert_false(relwritten_found("", "v1.4.1", "api", T0));
	assert_false(relwritten_found(NULL, "v1.4.1", "api", T0));
	assert_false(relwritten_found("garbage\n\n rollback IMAGE_TAG=v1.4.1 services=api "
	    "result=ok by=warroom\n", "v1.4.1", "api", T0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_line_stamped_since_the_intent_is_found),
		cmocka_unit_test(an_earlier_rollbacks_line_is_not_this_ones),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
