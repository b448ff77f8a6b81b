/*
 * test_restartwin.c — restarts within the window from docker's running
 * totals: a crash loop counted as it happens, old restarts ageing out, a
 * recreated container starting fresh, short and full ids, replicas, and a
 * ring that overflows into a lower bound.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "warroom/restartwin.h"

#define FULL_A "4e31b57c930d8b0a7f1e2c3d4b5a69788796a5b4c3d2e1f00112233445566778"
#define FULL_B "5b167b15ac0e4c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f708192a3b"
#define FULL_C "9c0ffee1234567890abcdef1234567890abcdef1234567890abcdef123456789"
#define T0 1795678000

/* One container of the service seen at time t. */
static void
see(struct restartwin *w, int64_t t, const char *id, int count, int64_t started)
{
	struct restartwin_sample s = { .id = id, .count = count, .started = started };

	restartwin_observe(w, t, &s, 1);
}

static void
crash_loop_counts_within_the_window(void **state)
{
	struct restartwin w;

	(void)state;
	restartwin_init(&w);
	assert_int_equal(restartwin_count(&w, T0, 300), -1);
	see(&w, T0, FULL_A, 0, T0 - 3600);
	assert_int_equal(restartwin_count(&w, T0, 300), 0);
	see(&w, T0 + 30, FULL_A, 2, T0 + 29);
	assert_int_equal(restartwin_count(&w, T0 + 30, 300), 2);
	see(&w, T0 + 60, FULL_A, 4, T0 + 58);
	assert_int_equal(restartwin_count(&w, T0 + 60, 300), 4);
	/* Calm polls store nothing and change nothing. */
	for (int64_t t = T0 + 61; t < T0 + 329; t++)
		see(&w, t, FULL_A, 4, T0 + 58);
	assert_int_equal(restartwin_count(&w, T0 + 329, 300), 4);
	/* The first two leave the window, then the other two. */
	assert_int_equal(restartwin_count(&w, T0 + 331, 300), 2);
	assert_int_equal(restartwin_count(&w, T0 + 360, 300), 2);
	assert_int_equal(restartwin_count(&w, T0 + 361, 300), 0);
	/* A longer window still holds them. */
	assert_int_equal(restartwin_count(&w, T0 + 361, 3600), 4);
}

/* Restarts before the first sample are of unknown age: not counted, but
 * the last one is, when its start is inside the window. */
static void
first_sample_counts_only_what_it_can_place(void **state)
{
	struct restartwin w;

	(void)state;
	restartwin_init(&w);
	see(&w, T0, FULL_A, 7, T0 - 3600);
	assert_int_equal(restartwin_count(&w, T0, 300), 0);
	see(&w, T0 + 5, FULL_A, 8, T0 + 4);
	assert_int_equal(restartwin_count(&w, T0 + 5, 300), 1);

	restartwin_init(&w);
	see(&w, T0, FULL_A, 7, T0 - 60);
	assert_int_equal(restartwin_count(&w, T0, 300), 1);
	see(&w, T0 + 5, FULL_A, 9, T0 + 4);
	assert_int_equal(restartwin_count(&w, T0 + 5, 300), 3);
	assert_int_equal(restartwin_count(&w, T0 + 241, 300), 2);   /* T0-60 has left */

	/* Never restarted: its start is the first, not a restart. */
	restartwin_init(&w);
	see(&w, T0, FULL_A, 0, T0 - 10);
	assert_int_equal(restartwin_count(&w, T0, 300), 0);
}

static void
recreated_container_starts_fresh(void **state)
{
	struct restartwin w;

	(void)state;
	restartwin_init(&w);
	see(&w, T0, FULL_A, 0, T0 - 100);
	see(&w, T0 + 10, FULL_A, 5, T0 + 9);
	assert_int_equal(restartwin_count(&w, T0 + 10, 300), 5);
	/* up -d, a rollback: a new id, RestartCount 0. */
	see(&w, T0 + 20, FULL_B, 0, T0 + 19);
	assert_int_equal(restartwin_count(&w, T0 + 20, 300), 0);
	see(&w, T0 + 30, FULL_B, 1, T0 + 29);
	assert_int_equal(restartwin_count(&w, T0 + 30, 300), 1);
	/* The same id with a smaller count is a new container too. */
	see(&w, T0 + 40, FULL_B, 0, T0 + 39);
	assert_int_equal(restartwin_count(&w, T0 + 40, 300), 0);
	see(&w, T0 + 50, FULL_B, 2, T0 + 49);
	assert_int_equal(restartwin_count(&w, T0 + 50, 300), 2);
}

static void
short_and_full_ids_are_one_container(void **state)
{
	struct restartwin w;

	(void)state;
	restartwin_init(&w);
	see(&w, T0, "4e31b57c930d", 1, T0 - 1000);
	see(&w, T0 + 5, FULL_A, 3, T0 + 4);
	assert_int_equal(restartwin_count(&w, T0 + 5, 300), 2);
	see(&w, T0 + 10, "4e31b57c930d", 4, T0 + 9);
	assert_int_equal(restartwin_count(&w, T0 + 10, 300), 3);
	assert_string_equal(w.box[0].id, FULL_A);
	/* Too short to tell containers apart: ignored. */
	see(&w, T0 + 15, "4e31b5", 9, T0 + 14);
	assert_int_equal(restartwin_count(&w, T0 + 15, 300), -1);
}

/* No container listed (ps had one inspect did not, or none at all): the
 * count is unknown, never 0, and the history goes with the container. */
static void
missing_container_is_unknown_and_forgotten(void **state)
{
	struct restartwin w;

	(void)state;
	restartwin_init(&w);
	see(&w, T0, FULL_A, 0, T0 - 100);
	see(&w, T0 + 5, FULL_A, 3, T0 + 4);
	restartwin_observe(&w, T0 + 10, NULL, 0);
	assert_int_equal(restartwin_count(&w, T0 + 10, 300), -1);
	/* Seen again, it is a first sample: only its last restart is placed. */
	see(&w, T0 + 15, FULL_A, 3, T0 + 4);
	assert_int_equal(restartwin_count(&w, T0 + 15, 300), 1);
}

static void
replicas_are_summed(void **state)
{
	struct restartwin w;
	struct restartwin_sample s[6] = {
		{ FULL_A, 0, T0 - 100 }, { FULL_B, 0, T0 - 100 },
	};

	(void)state;
	restartwin_init(&w);
	restartwin_observe(&w, T0, s, 2);
	s[0].count = 2;
	s[1].count = 1;
	restartwin_observe(&w, T0 + 5, s, 2);
	assert_int_equal(restartwin_count(&w, T0 + 5, 300), 3);
	/* One replica replaced: the other keeps its count. */
	s[0] = (struct restartwin_sample){ FULL_C, 0, T0 + 9 };
	restartwin_observe(&w, T0 + 10, s, 2);
	assert_int_equal(restartwin_count(&w, T0 + 10, 300), 1);
	/* More replicas than boxes: the first RESTARTWIN_CONTAINERS count. */
	{
		struct restartwin_sample many[RESTARTWIN_CONTAINERS + 4];
		char ids[RESTARTWIN_CONTAINERS + 4][16];
		int i, n = RESTARTWIN_CONTAINERS + 4;

		many[0] = s[0];
		many[1] = s[1];
		for (i = 2; i < n; i++) {
			snprintf(ids[i], sizeof(ids[i]), "%012x", 0xabc000 + i);
			many[i] = (struct restartwin_sample){ ids[i], 0, 0 };
		}
		restartwin_observe(&w, T0 + 15, many, (size_t)n);
		for (i = 0; i < n; i++)
			many[i].count++;
		restartwin_observe(&w, T0 + 20, many, (size_t)n);
		assert_int_equal(restartwin_count(&w, T0 + 20, 300), 1 + RESTARTWIN_CONTAINERS);
	}
}

/* Kubernetes: "pod/container" names, matched whole. Pods of one
 * ReplicaSet share a long prefix and must never count as one another;
 * a crash loop of one pod counts each restartCount rise. */
static void
pod_names_match_whole(void **state)
{
	struct restartwin w;
	struct restartwin_sample s[3] = {
		{ "api-7d9f8c6b5-x2x4z/api", 5, 0 },
		{ "api-7d9f8c6b5-abcde/api", 2, 0 },
		{ "api-7d9f8c6b5-x2x4z/api-sidecar", 0, 0 },
	};
	int i;

	(void)state;
	restartwin_init(&w);
	restartwin_observe(&w, T0, s, 3);
	assert_int_equal(restartwin_count(&w, T0, 300), 0);
	/* Only the first pod's container crash-loops: a restart every 20 s. */
	for (i = 1; i <= 10; i++) {
		s[0].count++;
		restartwin_observe(&w, T0 + 20 * i, s, 3);
	}
	assert_int_equal(restartwin_count(&w, T0 + 200, 300), 10);
	/* The sidecar's rise is its own. */
	s[2].count = 1;
	restartwin_observe(&w, T0 + 210, s, 3);
	assert_int_equal(restartwin_count(&w, T0 + 210, 300), 11);
	/* A short name is a name, not a short docker id. */
	s[0] = (struct restartwin_sample){ "a/b", 0, 0 };
	restartwin_init(&w);
	restartwin_observe(&w, T0, s, 1);
	s[0].count = 2;
	restartwin_observe(&w, T0 + 5, s, 1);
	assert_int_equal(restartwin_count(&w, T0 + 5, 300), 2);
}

/* More changes than the ring holds: the oldest go, and what is left is a
 * lower bound of at least RESTARTWIN_STEPS, never an undercount below it. */
static void
overflowing_ring_gives_a_lower_bound(void **state)
{
	struct restartwin w;
	int i;

	(void)state;
	restartwin_init(&w);
	see(&w, T0, FULL_A, 0, T0 - 100);
	for (i = 1; i <= 40; i++)
		see(&w, T0 + i, FULL_A, i, T0 + i);
	assert_int_equal(restartwin_count(&w, T0 + 40, 300), RESTARTWIN_STEPS);
	/* Windows the kept steps cover are exact (both ends included). */
	assert_int_equal(restartwin_count(&w, T0 + 40, 20), 21);
	/* Steps of many restarts each (fast crashes, slow polls). */
	restartwin_init(&w);
	see(&w, T0, FULL_A, 0, T0 - 100);
	for (i = 1; i <= 40; i++)
		see(&w, T0 + 5 * i, FULL_A, 3 * i, T0 + 5 * i);
	assert_true(restartwin_count(&w, T0 + 200, 300) >= RESTARTWIN_STEPS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(crash_loop_counts_within_the_window),
		cmocka_unit_test(first_sample_counts_only_what_it_can_place),
		cmocka_unit_test(recreated_container_starts_fresh),
		cmocka_unit_test(short_and_full_ids_are_one_container),
		cmocka_unit_test(missing_container_is_unknown_and_forgotten),
		cmocka_unit_test(replicas_are_summed),
		cmocka_unit_test(pod_names_match_whole),
		cmocka_unit_test(overflowing_ring_gives_a_lower_bound),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
