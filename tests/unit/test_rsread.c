/*
 * test_rsread.c — a k8s service's ReplicaSets are read the first round,
 * again when the deployment's revision or tag moves, and after a failed
 * read once its backoff is over; not while the deployment stays.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "warroom/rsread.h"

#define T0 1795683840000LL
#define POLL 5000

static void
first_round_reads_then_same_skips(void **state)
{
	struct rsread r;

	(void)state;
	memset(&r, 0, sizeof(r));
	assert_true(rsread_due(&r, 4, "v1.5.0", T0));
	assert_true(rsread_waiting(&r, 4, "v1.5.0"));
	rsread_sent(&r, 4, "v1.5.0");
	/* Out: not sent twice, and still awaited. */
	assert_false(rsread_due(&r, 4, "v1.5.0", T0 + POLL));
	assert_true(rsread_waiting(&r, 4, "v1.5.0"));
	rsread_answered(&r, true, T0 + 100, POLL);
	assert_false(rsread_waiting(&r, 4, "v1.5.0"));
	/* Rounds later, the same revision and tag: nothing new to read. */
	assert_false(rsread_due(&r, 4, "v1.5.0", T0 + POLL));
	assert_false(rsread_due(&r, 4, "v1.5.0", T0 + 3600000));
}

static void
revision_or_tag_change_reads_again(void **state)
{
	struct rsread r;

	(void)state;
	memset(&r, 0, sizeof(r));
	rsread_sent(&r, 4, "v1.5.0");
	rsread_answered(&r, true, T0, POLL);
	/* A rollout restart: a new revision of the same tag. */
	assert_true(rsread_due(&r, 5, "v1.5.0", T0 + POLL));
	assert_true(rsread_waiting(&r, 5, "v1.5.0"));
	rsread_sent(&r, 5, "v1.5.0");
	rsread_answered(&r, true, T0 + POLL, POLL);
	assert_false(rsread_due(&r, 5, "v1.5.0", T0 + 2 * POLL));
	/* An undo or set image: another tag (a revision too). */
	assert_true(rsread_due(&r, 6, "v1.4.1", T0 + 2 * POLL));
	/* The template's tag moved before the controller's revision did. */
	assert_true(rsread_due(&r, 5, "v1.4.1", T0 + 2 * POLL));
}

static void
failed_read_retries_with_backoff(void **state)
{
	struct rsread r;
	int64_t t = T0;

	(void)state;
	memset(&r, 0, sizeof(r));
	rsread_sent(&r, 4, "v1.5.0");
	rsread_answered(&r, false, t, POLL);
	/* The deploy time does not wait for a read that failed. */
	assert_false(rsread_waiting(&r, 4, "v1.5.0"));
	assert_false(rsread_due(&r, 4, "v1.5.0", t + POLL - 1));
	assert_true(rsread_due(&r, 4, "v1.5.0", t + POLL));
	rsread_sent(&r, 4, "v1.5.0");
	t += POLL;
	rsread_answered(&r, false, t, POLL);
	/* Twice as long after the second failure. */
	assert_false(rsread_due(&r, 4, "v1.5.0", t + 2 * POLL - 1));
	assert_true(rsread_due(&r, 4, "v1.5.0", t + 2 * POLL));
	/* However many, never more than the cap apart. */
	for (int i = 0; i < 20; i++) {
		rsread_sent(&r, 4, "v1.5.0");
		rsread_answered(&r, false, t, POLL);
	}
	assert_true(rsread_due(&r, 4, "v1.5.0", t + RSREAD_BACKOFF_MAX_MS));
	/* A new revision does not wait out the old one's backoff. */
	assert_true(rsread_due(&r, 5, "v1.5.1", t + 1));
	rsread_sent(&r, 5, "v1.5.1");
	assert_int_equal(r.fails, 0);
	rsread_answered(&r, false, t + 2, POLL);
	assert_true(rsread_due(&r, 5, "v1.5.1", t + 2 + POLL));
	/* An answer at last: nothing more until the deployment moves. */
	rsread_sent(&r, 5, "v1.5.1");
	rsread_answered(&r, true, t + 3 + POLL, POLL);
	assert_false(rsread_due(&r, 5, "v1.5.1", t + 3600000));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_round_reads_then_same_skips),
		cmocka_unit_test(revision_or_tag_change_reads_again),
		cmocka_unit_test(failed_read_retries_with_backoff),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
