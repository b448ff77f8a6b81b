/*
 * test_deploytime.c — a release's deploy time stays where the tag first
 * ran: a re-created container (compose up of the same tag), a rollout
 * restart or a rescheduled pod does not move it; a new tag does.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "warroom/deploytime.h"

#define T0 1795683840000LL

static void
recreated_container_keeps_the_first_time(void **state)
{
	struct deploytime t;

	(void)state;
	memset(&t, 0, sizeof(t));
	deploytime_note(&t, "v1.5.0-bad", T0, "compose ps: container created", T0);
	assert_true(t.first_ms == T0);
	assert_true(t.recreated_ms == 0);
	/* Same answer next poll: nothing new. */
	deploytime_note(&t, "v1.5.0-bad", T0, "compose ps: container created", T0);
	assert_true(t.recreated_ms == 0);
	/* Re-created ten minutes on: the release still came at T0. */
	deploytime_note(&t, "v1.5.0-bad", T0 + 600000, "compose ps: container created",
	    T0 + 600000);
	assert_true(t.first_ms == T0);
	assert_string_equal(t.first_from, "compose ps: container created");
	assert_true(t.recreated_ms == T0 + 600000);
	/* A poll that cannot say keeps both. */
	deploytime_note(&t, "v1.5.0-bad", 0, "", 0);
	assert_true(t.first_ms == T0 && t.recreated_ms == T0 + 600000);
	/* A new tag is a new release: counted afresh. */
	deploytime_note(&t, "v1.4.1", T0 + 900000, "compose ps: container created",
	    T0 + 900000);
	assert_string_equal(t.tag, "v1.4.1");
	assert_true(t.first_ms == T0 + 900000);
	assert_true(t.recreated_ms == 0);
}

static void
earlier_reading_wins_with_its_source(void **state)
{
	struct deploytime t;

	(void)state;
	memset(&t, 0, sizeof(t));
	/* Unknown first (pods not read yet), then a condition, then the pods. */
	deploytime_note(&t, "v2", 0, "", 0);
	assert_true(t.first_ms == 0);
	deploytime_note(&t, "v2", T0 + 5000, "kubectl deploy: Progressing ReplicaSetUpdated", 0);
	deploytime_note(&t, "v2", T0, "kubectl pods: its oldest pod created", 0);
	assert_true(t.first_ms == T0);
	assert_string_equal(t.first_from, "kubectl pods: its oldest pod created");
	/* A pod replaced later: younger, ignored; and no instance said: no re-creation. */
	deploytime_note(&t, "v2", T0 + 60000, "kubectl pods: its oldest pod created", 0);
	assert_true(t.first_ms == T0);
	assert_true(t.recreated_ms == 0);
	deploytime_note(&t, NULL, T0, "x", 0);
	assert_string_equal(t.tag, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(recreated_container_keeps_the_first_time),
		cmocka_unit_test(earlier_reading_wins_with_its_source),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
