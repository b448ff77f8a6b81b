/*
 * test_flapfold.c — a host's verdict moving back and forth between two
 * levels is found as one run (QA scale 6: h13 wrote 23 rows of CONSIDER
 * ROLLBACK <-> MONITOR); fewer moves, a third level, an action on the
 * host, a tag change or a long quiet stretch end a run, and other hosts'
 * records between do not. Hosts' first verdicts of OK close together
 * are one group (QA scale 6: 24 of them at the start).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/flapfold.h"
#include "record_fixture.h"

#define MAXR 64

struct journal {
	struct record v[MAXR];
	size_t n;
	size_t mark[MAXR];
	struct flapfold_run *runs;
	size_t nruns;
};

static void
add(struct journal *j, int64_t at_s, const char *kind, const char *host, const char *json)
{
	assert_true(j->n < MAXR);
	j->v[j->n] = rec(kind, host, NULL, json);
	j->v[j->n].seq = j->n + 1;
	j->v[j->n].ts_ms = 1800000000000LL + at_s * 1000;
	j->n++;
}

static void
verdict(struct journal *j, int64_t at_s, const char *host, const char *level)
{
	char json[128];

	snprintf(json, sizeof(json), "{\"verdict\":\"%s\",\"reason\":\"r\"}", level);
	add(j, at_s, "verdict.change", host, json);
}

static void
find(struct journal *j)
{
	j->nruns = flapfold_find(j->v, j->n, j->mark, &j->runs);
}

static void
done(struct journal *j)
{
	size_t i;

	for (i = 0; i < j->n; i++)
		cJSON_Delete(j->v[i].data);
	free(j->runs);
}

/* h13 enters MONITOR, then flaps; h2's records between stay rows. */
static void
a_flapping_host_is_one_run(void **state)
{
	struct journal j = { .n = 0 };
	size_t i;

	(void)state;
	verdict(&j, 0, "h13", "MONITOR");
	for (i = 1; i <= 23; i++) {
		verdict(&j, (int64_t)i * 20, "h13", i % 2 ? "CONSIDER ROLLBACK" : "MONITOR");
		if (i == 5)
			verdict(&j, 101, "h2", "ROLLBACK IMMEDIATELY");
	}
	find(&j);
	assert_int_equal(j.nruns, 1);
	assert_int_equal(j.runs[0].moves, 23);
	assert_int_equal(j.runs[0].first, 1);
	assert_int_equal(j.runs[0].last, j.n - 1);
	/* The worse level first. */
	assert_string_equal(j.runs[0].a, "CONSIDER ROLLBACK");
	assert_string_equal(j.runs[0].b, "MONITOR");
	assert_int_equal(j.mark[0], 0);          /* the move into the pair */
	for (i = 1; i < j.n; i++)
		assert_int_equal(j.mark[i], strcmp(j.v[i].host, "h2") == 0 ? 0 : 1);
	done(&j);
}

/* Three moves are rows; a third level ends the run; runs of two hosts
 * keep to their own hosts and come in journal order. */
static void
fewer_moves_or_a_third_level_are_rows(void **state)
{
	struct journal j = { .n = 0 };
	size_t i;

	(void)state;
	verdict(&j, 0, "h1", "MONITOR");
	verdict(&j, 10, "h1", "CONSIDER ROLLBACK");
	verdict(&j, 20, "h1", "MONITOR");
	verdict(&j, 30, "h1", "CONSIDER ROLLBACK");
	verdict(&j, 40, "h1", "ROLLBACK IMMEDIATELY");
	verdict(&j, 45, "h2", "OK");
	for (i = 0; i < 4; i++)
		verdict(&j, 50 + (int64_t)i, "h2", i % 2 ? "OK" : "NO DATA");
	for (i = 0; i < 4; i++)
		verdict(&j, 60 + (int64_t)i, "h1", i % 2 ? "ROLLBACK IMMEDIATELY" : "OK");
	find(&j);
	assert_int_equal(j.nruns, 2);
	assert_string_equal(j.v[j.runs[0].first].host, "h2");
	assert_string_equal(j.runs[0].a, "NO DATA");
	assert_string_equal(j.runs[0].b, "OK");
	assert_int_equal(j.runs[0].moves, 4);
	assert_string_equal(j.v[j.runs[1].first].host, "h1");
	assert_int_equal(j.runs[1].first, 10);
	assert_int_equal(j.runs[1].moves, 4);
	for (i = 0; i < 6; i++)
		assert_int_equal(j.mark[i], 0);
	done(&j);
}

/* An action on the host, a change of its tag or ten quiet minutes end a
 * run: the verdicts around them are rows. A record saying the level
 * again is folded, not counted; one of another service is its own. */
static void
an_action_a_tag_change_or_a_gap_ends_a_run(void **state)
{
	struct journal j = { .n = 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++)
		verdict(&j, (int64_t)i, "h1", i % 2 ? "MONITOR" : "CONSIDER ROLLBACK");
	add(&j, 3, "action.intent", "h1", "{\"action\":\"rollback\"}");
	for (i = 0; i < 3; i++)
		verdict(&j, 4 + (int64_t)i, "h1", i % 2 ? "CONSIDER ROLLBACK" : "MONITOR");
	add(&j, 8, "health.change", "h1",
	    "{\"service\":\"api\",\"tag\":\"v2\",\"was_tag\":\"v1\"}");
	for (i = 0; i < 3; i++)
		verdict(&j, 9 + (int64_t)i, "h1", i % 2 ? "MONITOR" : "CONSIDER ROLLBACK");
	verdict(&j, 12 + 600, "h1", "MONITOR");
	verdict(&j, 613, "h1", "CONSIDER ROLLBACK");
	find(&j);
	assert_int_equal(j.nruns, 0);
	done(&j);

	memset(&j, 0, sizeof(j));
	verdict(&j, 0, "h1", "MONITOR");
	verdict(&j, 1, "h1", "CONSIDER ROLLBACK");
	add(&j, 2, "verdict.change", "h1",
	    "{\"service\":\"jobs\",\"verdict\":\"OK\",\"reason\":\"r\"}");
	verdict(&j, 3, "h1", "CONSIDER ROLLBACK");
	verdict(&j, 4, "h1", "MONITOR");
	verdict(&j, 5, "h1", "CONSIDER ROLLBACK");
	verdict(&j, 6, "h1", "MONITOR");
	find(&j);
	assert_int_equal(j.nruns, 1);
	assert_int_equal(j.runs[0].moves, 4);
	assert_int_equal(j.runs[0].first, 1);
	assert_int_equal(j.mark[2], 0);
	assert_int_equal(j.mark[3], 1);
	done(&j);
}

/* A fleet's first verdicts at the start, each OK, close together: one
 * group; a host's later OK, a first verdict that is not OK and a first
 * OK a minute and more after the group are not in it, nor is a group
 * of one. */
static void
first_oks_close_together_are_one_group(void **state)
{
	struct journal j = { .n = 0 };
	struct flapfold_group *g;
	size_t n;

	(void)state;
	add(&j, 0, "incident.open", NULL, "{}");
	verdict(&j, 5, "h1", "OK");
	add(&j, 5, "health.change", "h2", "{\"service\":\"api\",\"tag\":\"v1\"}");
	verdict(&j, 6, "h2", "OK");
	verdict(&j, 7, "h3", "MONITOR");
	verdict(&j, 30, "h4", "OK");
	verdict(&j, 40, "h1", "MONITOR");
	verdict(&j, 50, "h1", "OK");
	verdict(&j, 200, "h5", "OK");
	verdict(&j, 400, "h6", "OK");
	verdict(&j, 410, "h7", "OK");
	n = flapfold_first_ok(j.v, j.n, j.mark, &g);
	assert_int_equal(n, 2);
	assert_int_equal(g[0].first, 1);
	assert_int_equal(g[0].last, 5);
	assert_int_equal(g[0].count, 3);
	assert_int_equal(g[1].first, 9);
	assert_int_equal(g[1].count, 2);
	assert_int_equal(j.mark[1], 1);
	assert_int_equal(j.mark[2], 0);
	assert_int_equal(j.mark[3], 1);
	assert_int_equal(j.mark[4], 0);          /* h3: MONITOR */
	assert_int_equal(j.mark[5], 1);
	assert_int_equal(j.mark[7], 0);          /* h1 again */
	assert_int_equal(j.mark[8], 0);          /* h5 alone */
	assert_int_equal(j.mark[9], 2);
	assert_int_equal(j.mark[10], 2);
	free(g);
	done(&j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_flapping_host_is_one_run),
		cmocka_unit_test(fewer_moves_or_a_third_level_are_rows),
		cmocka_unit_test(an_action_a_tag_change_or_a_gap_ends_a_run),
		cmocka_unit_test(first_oks_close_together_are_one_group),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
