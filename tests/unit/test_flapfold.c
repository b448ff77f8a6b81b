/*
 * test_flapfold.c — a host's verdict moving back and forth between two
 * levels is found as one run (h13 wrote 23 rows of CONSIDER
 * ROLLBACK <-> MONITOR), and so is one moving among three
 * (OK -> MONITOR -> CONSIDER ROLLBACK -> OK, a fault switched on and off)
 * and its service's health flipping with it (22 health.change rows);
 * fewer moves, an action on the host, a tag change or a long quiet
 * stretch end a run, and other hosts' records between do not. Hosts'
 * first verdicts of OK close together are one group (24 of
 * them at the start), and so are first readings (32). No run
 * or group spans a stretch nobody recorded (h7's flips folded
 * across a kill -9 and the reopen) or a host's DOWN.
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

#define MAXR 96

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
	/* The better level first, the worst named. */
	assert_int_equal(j.runs[0].kind, FLAPFOLD_VERDICT);
	assert_int_equal(j.runs[0].levels.n, 2);
	assert_string_equal(j.runs[0].levels.v[0], "MONITOR");
	assert_string_equal(j.runs[0].levels.v[1], "CONSIDER ROLLBACK");
	assert_string_equal(j.runs[0].worst, "CONSIDER ROLLBACK");
	assert_int_equal(j.mark[0], 0);          /* the move into the pair */
	for (i = 1; i < j.n; i++)
		assert_int_equal(j.mark[i], strcmp(j.v[i].host, "h2") == 0 ? 0 : 1);
	done(&j);
}

/* h13's fault switched on and off every 30 s walks its
 * verdict OK -> MONITOR -> CONSIDER ROLLBACK -> OK, 12 moves in 4.5
 * minutes: one run among the three levels, best first, the worst named;
 * the first verdict (OK) it moved from is no part of it. */
static void
a_host_moving_among_three_levels_is_one_run(void **state)
{
	static const char *const walk[] = { "MONITOR", "CONSIDER ROLLBACK", "OK" };
	struct journal j = { .n = 0 };
	size_t i;

	(void)state;
	verdict(&j, 0, "h13", "OK");
	for (i = 0; i < 12; i++)
		verdict(&j, 10 + (int64_t)i * 22, "h13", walk[i % 3]);
	find(&j);
	/* OK -> MONITOR, then CONSIDER ROLLBACK, worse than all before it:
	 * rows (an escalation); the flapping after it is one run. */
	assert_int_equal(j.nruns, 1);
	assert_int_equal(j.runs[0].moves, 10);
	assert_int_equal(j.runs[0].first, 3);
	assert_int_equal(j.runs[0].last, 12);
	assert_int_equal(j.runs[0].levels.n, 3);
	assert_false(j.runs[0].levels.more);
	assert_string_equal(j.runs[0].levels.v[0], "OK");
	assert_string_equal(j.runs[0].levels.v[1], "MONITOR");
	assert_string_equal(j.runs[0].levels.v[2], "CONSIDER ROLLBACK");
	assert_string_equal(j.runs[0].worst, "CONSIDER ROLLBACK");
	for (i = 0; i < 3; i++)
		assert_int_equal(j.mark[i], 0);
	for (i = 3; i < j.n; i++)
		assert_int_equal(j.mark[i], 1);
	done(&j);
}

/* Three moves are rows, whatever the levels; a turn worse than every
 * level a run has met (ROLLBACK IMMEDIATELY) ends it and is a row of its
 * own, the flapping after it a run again; runs of two hosts keep to
 * their own hosts and come in journal order. */
static void
fewer_moves_are_rows_and_a_new_level_goes_on(void **state)
{
	struct journal j = { .n = 0 };
	size_t i;

	(void)state;
	verdict(&j, 0, "h1", "MONITOR");
	verdict(&j, 10, "h1", "CONSIDER ROLLBACK");
	verdict(&j, 20, "h1", "MONITOR");
	verdict(&j, 30, "h1", "CONSIDER ROLLBACK");
	verdict(&j, 35, "h3", "OK");
	verdict(&j, 36, "h3", "MONITOR");
	verdict(&j, 37, "h3", "CONSIDER ROLLBACK");
	verdict(&j, 38, "h3", "OK");
	verdict(&j, 40, "h1", "ROLLBACK IMMEDIATELY");
	verdict(&j, 45, "h2", "OK");
	for (i = 0; i < 4; i++)
		verdict(&j, 50 + (int64_t)i, "h2", i % 2 ? "OK" : "NO DATA");
	for (i = 0; i < 4; i++)
		verdict(&j, 60 + (int64_t)i, "h1", i % 2 ? "ROLLBACK IMMEDIATELY" : "OK");
	find(&j);
	assert_int_equal(j.nruns, 2);
	assert_string_equal(j.v[j.runs[0].first].host, "h2");
	assert_string_equal(j.runs[0].levels.v[0], "OK");
	assert_string_equal(j.runs[0].levels.v[1], "NO DATA");
	assert_int_equal(j.runs[0].moves, 4);
	assert_string_equal(j.v[j.runs[1].first].host, "h1");
	assert_int_equal(j.runs[1].first, 14);
	assert_int_equal(j.runs[1].last, j.n - 1);
	assert_int_equal(j.runs[1].moves, 4);
	assert_int_equal(j.runs[1].levels.n, 2);
	assert_string_equal(j.runs[1].levels.v[0], "OK");
	assert_string_equal(j.runs[1].levels.v[1], "ROLLBACK IMMEDIATELY");
	assert_string_equal(j.runs[1].worst, "ROLLBACK IMMEDIATELY");
	/* h1's three moves before its escalation, the escalation itself and
	 * h3's three moves (its CONSIDER ROLLBACK an escalation too): rows. */
	for (i = 0; i < 9; i++)
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

/* A health.change of h's api: healthz and readyz now and before. */
static void
health(struct journal *j, int64_t at_s, const char *h, const char *hz, const char *was_hz,
    const char *rz, const char *was_rz)
{
	char json[256];

	snprintf(json, sizeof(json), "{\"service\":\"api\",\"tag\":\"v1\",\"was_tag\":\"v1\","
	    "\"healthz\":\"%s\",\"readyz\":\"%s\",\"was_healthz\":\"%s\","
	    "\"was_readyz\":\"%s\"}", hz, rz, was_hz, was_rz);
	add(j, at_s, "health.change", h, json);
}

/* h13's probes flip with the fault (22 rows of "readyz FAIL
 * -> OK", "healthz …") beside its verdict's moves: one health run and one
 * verdict run, each with its own records; its first reading is no move.
 * Each probe's answers are kept, the ones moved from too. */
static void
a_service_s_health_flipping_is_one_run(void **state)
{
	struct journal j = { .n = 0 };
	size_t i, nv = 0, nh = 0;

	(void)state;
	add(&j, 0, "health.change", "h13", "{\"service\":\"api\",\"tag\":\"v1\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"first\":true}");
	verdict(&j, 1, "h13", "OK");
	for (i = 0; i < 6; i++) {
		int64_t t = 10 + (int64_t)i * 30;

		health(&j, t, "h13", "OK", "OK", "FAIL", "OK");
		health(&j, t + 5, "h13", "FAIL", "OK", "FAIL", "FAIL");
		verdict(&j, t + 6, "h13", i % 2 ? "CONSIDER ROLLBACK" : "MONITOR");
		health(&j, t + 15, "h13", "OK", "FAIL", i == 5 ? "UNKNOWN" : "OK", "FAIL");
		verdict(&j, t + 16, "h13", "OK");
	}
	find(&j);
	assert_int_equal(j.nruns, 2);
	assert_int_equal(j.runs[0].kind, FLAPFOLD_HEALTH);
	assert_int_equal(j.runs[0].first, 2);
	assert_int_equal(j.runs[0].moves, 18);
	assert_int_equal(j.runs[0].healthz.n, 2);
	assert_string_equal(j.runs[0].healthz.v[0], "OK");
	assert_string_equal(j.runs[0].healthz.v[1], "FAIL");
	assert_int_equal(j.runs[0].readyz.n, 3);
	assert_string_equal(j.runs[0].readyz.v[0], "OK");
	assert_string_equal(j.runs[0].readyz.v[1], "FAIL");
	assert_string_equal(j.runs[0].readyz.v[2], "UNKNOWN");
	assert_int_equal(j.runs[1].kind, FLAPFOLD_VERDICT);
	/* OK -> MONITOR -> OK, then the escalation to CONSIDER ROLLBACK:
	 * rows; the nine moves after it a run. */
	assert_int_equal(j.runs[1].moves, 9);
	assert_string_equal(j.runs[1].levels.v[0], "OK");
	assert_string_equal(j.runs[1].levels.v[2], "CONSIDER ROLLBACK");
	assert_int_equal(j.mark[0], 0);
	assert_int_equal(j.mark[1], 0);
	for (i = 2; i < j.n; i++) {
		if (strcmp(j.v[i].kind, "health.change") == 0)
			nh += j.mark[i] == 1;
		else
			nv += j.mark[i] == 2;
	}
	assert_int_equal(nh, 18);
	assert_int_equal(nv, 9);
	done(&j);
}

/* Health flips end as verdict runs do: an action on the host, a change
 * of its tag (of any service), a long quiet stretch, or the service read
 * afresh; fewer than four moves are rows, and another service's are its
 * own. */
static void
health_runs_end_as_verdict_runs_do(void **state)
{
	struct journal j = { .n = 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++)
		health(&j, (int64_t)i, "h1", i % 2 ? "OK" : "FAIL", i % 2 ? "FAIL" : "OK", "OK", "OK");
	add(&j, 3, "action.intent", "h1", "{\"action\":\"rollback\"}");
	for (i = 0; i < 3; i++)
		health(&j, 4 + (int64_t)i, "h1", i % 2 ? "OK" : "FAIL", i % 2 ? "FAIL" : "OK", "OK",
		    "OK");
	add(&j, 8, "health.change", "h1", "{\"service\":\"jobs\",\"tag\":\"v2\","
	    "\"was_tag\":\"v1\"}");
	for (i = 0; i < 3; i++)
		health(&j, 9 + (int64_t)i, "h1", i % 2 ? "OK" : "FAIL", i % 2 ? "FAIL" : "OK", "OK",
		    "OK");
	health(&j, 12 + 600, "h1", "FAIL", "OK", "OK", "OK");
	health(&j, 613, "h1", "OK", "FAIL", "OK", "OK");
	add(&j, 614, "health.change", "h1", "{\"service\":\"api\",\"tag\":\"v2\","
	    "\"healthz\":\"OK\",\"readyz\":\"OK\",\"first\":true}");
	health(&j, 615, "h1", "FAIL", "OK", "OK", "OK");
	health(&j, 616, "h1", "OK", "FAIL", "OK", "OK");
	/* Another service's four flips between: a run of its own. */
	for (i = 0; i < 4; i++)
		add(&j, 617 + (int64_t)i, "health.change", "h1", i % 2 ?
		    "{\"service\":\"jobs\",\"readyz\":\"OK\",\"was_readyz\":\"FAIL\"}" :
		    "{\"service\":\"jobs\",\"readyz\":\"FAIL\",\"was_readyz\":\"OK\"}");
	find(&j);
	assert_int_equal(j.nruns, 1);
	assert_int_equal(j.runs[0].first, j.n - 4);
	assert_int_equal(j.runs[0].healthz.n, 0);
	assert_int_equal(j.runs[0].readyz.n, 2);
	done(&j);
}

/* 32 first readings open the journal, a second console's a
 * minute and more later its own group; a change that is no first reading
 * and a first reading alone are no part of one. */
static void
first_readings_close_together_are_one_group(void **state)
{
	struct journal j = { .n = 0 };
	struct flapfold_group *g;
	size_t n;

	(void)state;
	add(&j, 0, "incident.open", NULL, "{}");
	add(&j, 1, "health.change", "h1", "{\"service\":\"api\",\"tag\":\"v1\",\"first\":true}");
	add(&j, 1, "health.change", "h1", "{\"service\":\"jobs\",\"tag\":\"v1\",\"first\":true}");
	verdict(&j, 2, "h1", "OK");
	add(&j, 2, "health.change", "h2", "{\"service\":\"api\",\"tag\":\"v1\",\"first\":true,"
	    "\"healthz\":\"FAIL\"}");
	add(&j, 3, "health.change", "h2", "{\"service\":\"api\",\"tag\":\"v1\",\"healthz\":\"OK\","
	    "\"was_healthz\":\"FAIL\"}");
	add(&j, 100, "health.change", "h3", "{\"service\":\"api\",\"tag\":\"v1\",\"first\":true}");
	add(&j, 300, "health.change", "h4", "{\"service\":\"api\",\"tag\":\"v1\",\"first\":true}");
	add(&j, 320, "health.change", "h5", "{\"service\":\"api\",\"tag\":\"v1\",\"first\":true}");
	n = flapfold_first_readings(j.v, j.n, j.mark, &g);
	assert_int_equal(n, 2);
	assert_int_equal(g[0].first, 1);
	assert_int_equal(g[0].last, 4);
	assert_int_equal(g[0].count, 3);
	assert_int_equal(g[1].first, 7);
	assert_int_equal(g[1].count, 2);
	assert_int_equal(j.mark[1], 1);
	assert_int_equal(j.mark[2], 1);
	assert_int_equal(j.mark[3], 0);          /* a verdict */
	assert_int_equal(j.mark[4], 1);
	assert_int_equal(j.mark[5], 0);          /* a change */
	assert_int_equal(j.mark[6], 0);          /* h3 alone */
	assert_int_equal(j.mark[8], 2);
	free(g);
	done(&j);
}

/* A health.change of h's api turning healthz from was to now. */
static void
flip(struct journal *j, int64_t at_s, const char *h, const char *now, const char *was)
{
	char json[256];

	snprintf(json, sizeof(json), "{\"service\":\"api\",\"tag\":\"v1\",\"was_tag\":\"v1\","
	    "\"healthz\":\"%s\",\"readyz\":\"OK\",\"was_healthz\":\"%s\",\"was_readyz\":\"OK\"}",
	    now, was);
	add(j, at_s, "health.change", h, json);
}

/* h7's api flipped 7 times, the last to FAIL; the console was
 * killed and reopened 74 s later, and its first reading (OK, written as
 * a change from the journal's FAIL) was folded in as the 8th: the run
 * ends at the resume, the reading after it is a row of its own, and the
 * flips after that a run again. */
static void
a_resume_after_a_kill_ends_a_run(void **state)
{
	struct journal j = { .n = 0 };
	size_t i;

	(void)state;
	add(&j, 0, "incident.open", NULL, "{}");
	add(&j, 1, "health.change", "h7", "{\"service\":\"api\",\"tag\":\"v1\",\"healthz\":\"OK\","
	    "\"readyz\":\"OK\",\"first\":true}");
	for (i = 0; i < 7; i++)
		flip(&j, 10 + (int64_t)i * 10, "h7", i % 2 ? "OK" : "FAIL", i % 2 ? "FAIL" : "OK");
	add(&j, 144, "incident.resume", NULL, "{\"unwatched_from\":\"x\","
	    "\"ended_without_shutdown\":1}");
	flip(&j, 145, "h7", "OK", "FAIL");
	for (i = 0; i < 4; i++)
		flip(&j, 150 + (int64_t)i * 10, "h7", i % 2 ? "OK" : "FAIL", i % 2 ? "FAIL" : "OK");
	find(&j);
	assert_int_equal(j.nruns, 2);
	assert_int_equal(j.runs[0].first, 2);
	assert_int_equal(j.runs[0].last, 8);
	assert_int_equal(j.runs[0].moves, 7);
	assert_int_equal(j.mark[9], 0);          /* the resume */
	assert_int_equal(j.mark[10], 0);         /* the new console's reading */
	assert_int_equal(j.runs[1].first, 11);
	assert_int_equal(j.runs[1].last, j.n - 1);
	assert_int_equal(j.runs[1].moves, 4);
	done(&j);
}

/* Verdicts alike, at a recovery from a degraded journal; a console
 * opening beside one that records (others_open), or leaving while
 * another stays, is no gap; the last one leaving is. */
static void
a_gap_in_the_journal_ends_a_verdict_run(void **state)
{
	struct journal j = { .n = 0 };
	size_t i;

	(void)state;
	add(&j, 0, "incident.open", NULL, "{}");
	verdict(&j, 1, "h1", "OK");
	for (i = 0; i < 4; i++)
		verdict(&j, 10 + (int64_t)i, "h1", i % 2 ? "OK" : "MONITOR");
	add(&j, 20, "journal.recover", NULL, "{\"problem\":\"No space left on device\"}");
	verdict(&j, 21, "h1", "MONITOR");
	for (i = 0; i < 2; i++)
		verdict(&j, 22 + (int64_t)i, "h1", i % 2 ? "MONITOR" : "OK");
	add(&j, 24, "incident.resume", NULL, "{\"others_open\":true}");
	for (i = 0; i < 2; i++)
		verdict(&j, 25 + (int64_t)i, "h1", i % 2 ? "MONITOR" : "OK");
	add(&j, 27, "shutdown", NULL, "{\"reason\":\"quit\"}");
	for (i = 0; i < 2; i++)
		verdict(&j, 28 + (int64_t)i, "h1", i % 2 ? "MONITOR" : "OK");
	add(&j, 30, "shutdown", NULL, "{\"reason\":\"quit\"}");
	for (i = 0; i < 4; i++)
		verdict(&j, 40 + (int64_t)i, "h1", i % 2 ? "MONITOR" : "OK");
	find(&j);
	assert_int_equal(j.nruns, 2);
	assert_int_equal(j.runs[0].first, 2);
	assert_int_equal(j.runs[0].last, 5);
	assert_int_equal(j.mark[7], 0);          /* the first verdict after it */
	/* Across the second console's opening and the first's leaving. */
	assert_int_equal(j.runs[1].first, 8);
	assert_int_equal(j.runs[1].last, 15);
	assert_int_equal(j.runs[1].moves, 6);
	assert_int_equal(j.mark[11], 2);
	assert_int_equal(j.mark[14], 2);
	/* After the last console left: the first a row, three moves rows. */
	for (i = 16; i < j.n; i++)
		assert_int_equal(j.mark[i], 0);
	done(&j);
}

/* A host's DOWN (its verdict NO DATA meanwhile) ends its runs, and its
 * UP too, so no row says a flip it could not have seen; another host's
 * run goes on across it. */
static void
a_host_s_down_stretch_ends_its_runs(void **state)
{
	struct journal j = { .n = 0 };
	size_t i;

	(void)state;
	verdict(&j, 0, "h1", "OK");
	verdict(&j, 0, "h2", "OK");
	for (i = 0; i < 4; i++) {
		verdict(&j, 10 + (int64_t)i, "h1", i % 2 ? "OK" : "MONITOR");
		verdict(&j, 10 + (int64_t)i, "h2", i % 2 ? "OK" : "MONITOR");
	}
	add(&j, 20, "conn.change", "h1", "{\"state\":\"DOWN\",\"reason\":\"connection lost\"}");
	verdict(&j, 21, "h1", "NO DATA");
	verdict(&j, 21, "h2", "MONITOR");
	add(&j, 60, "conn.change", "h1", "{\"state\":\"UP\",\"down_s\":40}");
	verdict(&j, 61, "h1", "MONITOR");
	verdict(&j, 61, "h2", "OK");
	for (i = 0; i < 3; i++)
		verdict(&j, 70 + (int64_t)i, "h1", i % 2 ? "MONITOR" : "OK");
	find(&j);
	assert_int_equal(j.nruns, 2);
	assert_string_equal(j.v[j.runs[0].first].host, "h1");
	assert_int_equal(j.runs[0].last, 8);
	assert_string_equal(j.v[j.runs[1].first].host, "h2");
	assert_int_equal(j.runs[1].moves, 6);
	assert_int_equal(j.runs[1].last, 15);
	/* h1's NO DATA, its first verdict after the UP and three moves. */
	for (i = 10; i < j.n; i++)
		if (strcmp(j.v[i].host, "h1") == 0)
			assert_int_equal(j.mark[i], 0);
	done(&j);
}

/* A console killed 20 s after its first readings and reopened: the
 * readings on each side of the resume are a group each. */
static void
first_readings_do_not_group_across_a_resume(void **state)
{
	struct journal j = { .n = 0 };
	struct flapfold_group *g;
	size_t n;

	(void)state;
	add(&j, 0, "incident.open", NULL, "{}");
	add(&j, 1, "health.change", "h1", "{\"service\":\"api\",\"tag\":\"v1\",\"first\":true}");
	add(&j, 2, "health.change", "h2", "{\"service\":\"api\",\"tag\":\"v1\",\"first\":true}");
	add(&j, 20, "incident.resume", NULL, "{\"ended_without_shutdown\":1}");
	add(&j, 21, "health.change", "h3", "{\"service\":\"api\",\"tag\":\"v1\",\"first\":true}");
	add(&j, 22, "health.change", "h4", "{\"service\":\"api\",\"tag\":\"v1\",\"first\":true}");
	n = flapfold_first_readings(j.v, j.n, j.mark, &g);
	assert_int_equal(n, 2);
	assert_int_equal(g[0].last, 2);
	assert_int_equal(g[1].first, 4);
	assert_int_equal(j.mark[3], 0);
	free(g);
	done(&j);
}

/* helm-bastion rolled back (its verdict ROLLBACK IMMEDIATELY
 * before), OK 11 s later and OK for close to two minutes; then its fault
 * switched on and off walked it among three levels. The OK after the
 * rollback is a row (a level from before an action is none the run met),
 * so is CONSIDER ROLLBACK, and the turn to ROLLBACK IMMEDIATELY, worse
 * than both, is a row of its own: the fold starts after it, not at the
 * OK two minutes before. */
static void
an_escalation_after_an_action_is_a_row(void **state)
{
	static const char *const walk[] = { "OK", "CONSIDER ROLLBACK", "ROLLBACK IMMEDIATELY" };
	struct journal j = { .n = 0 };
	size_t i;

	(void)state;
	verdict(&j, 0, "helm", "ROLLBACK IMMEDIATELY");
	add(&j, 30, "action.end", "helm", "{\"action\":\"rollback\",\"outcome\":\"ok\"}");
	verdict(&j, 41, "helm", "OK");
	add(&j, 43, "note", NULL, "{\"text\":\"unrelated\"}");
	verdict(&j, 147, "helm", "CONSIDER ROLLBACK");
	verdict(&j, 152, "helm", "ROLLBACK IMMEDIATELY");
	for (i = 0; i < 9; i++)
		verdict(&j, 160 + (int64_t)i * 12, "helm", walk[i % 3]);
	find(&j);
	assert_int_equal(j.nruns, 1);
	assert_int_equal(j.runs[0].first, 6);
	assert_int_equal(j.runs[0].last, j.n - 1);
	assert_int_equal(j.runs[0].moves, 9);
	assert_string_equal(j.runs[0].worst, "ROLLBACK IMMEDIATELY");
	for (i = 0; i < 6; i++)
		assert_int_equal(j.mark[i], 0);
	done(&j);
}

/* With no action before it: an OK that stood two minutes is no part of
 * the flapping after it, which folds from its first move. A flap slower
 * than that still folds, from its second move. */
static void
a_fold_starts_where_the_flapping_does(void **state)
{
	struct journal j = { .n = 0 };
	size_t i;

	(void)state;
	verdict(&j, 0, "h1", "CONSIDER ROLLBACK");
	verdict(&j, 10, "h1", "OK");
	for (i = 0; i < 6; i++)
		verdict(&j, 130 + (int64_t)i * 10, "h1", i % 2 ? "OK" : "MONITOR");
	find(&j);
	assert_int_equal(j.nruns, 1);
	assert_int_equal(j.runs[0].first, 2);
	assert_int_equal(j.runs[0].moves, 6);
	assert_int_equal(j.mark[1], 0);
	done(&j);

	memset(&j, 0, sizeof(j));
	verdict(&j, 0, "h1", "OK");
	for (i = 0; i < 6; i++)
		verdict(&j, 100 + (int64_t)i * 100, "h1", i % 2 ? "OK" : "MONITOR");
	find(&j);
	assert_int_equal(j.nruns, 1);
	assert_int_equal(j.runs[0].first, 2);
	assert_int_equal(j.runs[0].moves, 5);
	done(&j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_flapping_host_is_one_run),
		cmocka_unit_test(a_host_moving_among_three_levels_is_one_run),
		cmocka_unit_test(fewer_moves_are_rows_and_a_new_level_goes_on),
		cmocka_unit_test(an_action_a_tag_change_or_a_gap_ends_a_run),
		cmocka_unit_test(first_oks_close_together_are_one_group),
		cmocka_unit_test(a_service_s_health_flipping_is_one_run),
		cmocka_unit_test(health_runs_end_as_verdict_runs_do),
		cmocka_unit_test(first_readings_close_together_are_one_group),
		cmocka_unit_test(a_resume_after_a_kill_ends_a_run),
		cmocka_unit_test(a_gap_in_the_journal_ends_a_verdict_run),
		cmocka_unit_test(a_host_s_down_stretch_ends_its_runs),
		cmocka_unit_test(first_readings_do_not_group_across_a_resume),
		cmocka_unit_test(an_escalation_after_an_action_is_a_row),
		cmocka_unit_test(a_fold_starts_where_the_flapping_does),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
