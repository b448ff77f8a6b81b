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

static void
journal_time_adopted_for_the_same_tag(void **state)
{
	struct deploytime t;

	(void)state;
	/* A console taking over after a rollout restart reads only the new
	 * pods (its ReplicaSet reads fail); the journal has the release's
	 * first time. */
	memset(&t, 0, sizeof(t));
	deploytime_note(&t, "v1.13.0-bad", T0 + 145000, "kubectl pods: its oldest pod created", 0);
	deploytime_adopt(&t, "v1.13.0-bad", T0, "kubectl rs: its first ReplicaSet created",
	    T0 + 140000);
	assert_true(t.first_ms == T0);
	assert_string_equal(t.first_from, "kubectl rs: its first ReplicaSet created");
	assert_true(t.recreated_ms == T0 + 140000);
	/* A container re-created before this console read it: its own
	 * instance is the re-creation once the journal's time is earlier. */
	memset(&t, 0, sizeof(t));
	deploytime_note(&t, "v1.13.0-bad", T0 + 145000, "compose ps: container created",
	    T0 + 145000);
	assert_true(t.recreated_ms == 0);
	deploytime_adopt(&t, "v1.13.0-bad", T0, "compose ps: container created", 0);
	assert_true(t.first_ms == T0 && t.recreated_ms == T0 + 145000);
	memset(&t, 0, sizeof(t));
	deploytime_note(&t, "v1.13.0-bad", T0 + 145000, "kubectl pods: its oldest pod created", 0);
	deploytime_adopt(&t, "v1.13.0-bad", T0, "kubectl rs: its first ReplicaSet created",
	    T0 + 140000);
	/* Later readings of the same tag do not move it back. */
	deploytime_note(&t, "v1.13.0-bad", T0 + 145000, "kubectl pods: its oldest pod created", 0);
	assert_true(t.first_ms == T0);
	/* A later journal time, or none, keeps the earlier own one. */
	deploytime_adopt(&t, "v1.13.0-bad", T0 + 5000, "x", 0);
	deploytime_adopt(&t, "v1.13.0-bad", 0, "", 0);
	assert_true(t.first_ms == T0);
	assert_string_equal(t.first_from, "kubectl rs: its first ReplicaSet created");
	assert_true(t.recreated_ms == T0 + 140000);
}

static void
journal_time_of_another_tag_ignored(void **state)
{
	struct deploytime t;

	(void)state;
	memset(&t, 0, sizeof(t));
	deploytime_note(&t, "v1.14.0", T0 + 600000, "kubectl pods: its oldest pod created", 0);
	deploytime_adopt(&t, "v1.13.0-bad", T0, "kubectl rs: its first ReplicaSet created",
	    T0 + 1000);
	assert_string_equal(t.tag, "v1.14.0");
	assert_true(t.first_ms == T0 + 600000);
	assert_string_equal(t.first_from, "kubectl pods: its oldest pod created");
	assert_true(t.recreated_ms == 0);
	/* Nothing read yet: the journal's tag is not this console's. */
	memset(&t, 0, sizeof(t));
	deploytime_adopt(&t, "v1.13.0-bad", T0, "x", 0);
	assert_true(t.first_ms == 0 && t.tag[0] == '\0');
	deploytime_adopt(&t, "", T0, "x", 0);
	assert_true(t.first_ms == 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(recreated_container_keeps_the_first_time),
		cmocka_unit_test(earlier_reading_wins_with_its_source),
		cmocka_unit_test(journal_time_adopted_for_the_same_tag),
		cmocka_unit_test(journal_time_of_another_tag_ignored),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
