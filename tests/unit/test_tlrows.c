/*
 * test_tlrows.c — on a 24-host fleet with hosts hovering at a
 * threshold, TIMELINE filled with verdict.change rows and pushed the
 * rollbacks and posts out of view. Its rows now fold a flapping verdict
 * (and a service's flapping health) as the post-mortem does: ten flips
 * one row, drawn at the first, saying the count, the levels, the span
 * and the last level; the actions, notes and escalations around it stay
 * rows; a run that grows keeps its row; asked for, every record is a
 * row again. No row runs across a console's kill and reopen,
 * from the records as the console keeps them (tlrows_keep).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/export.h"
#include "warroom/tlrows.h"
#include "record_fixture.h"

#define MAXR 64

struct journal {
	struct record v[MAXR];
	size_t n;
	struct tlrows t;
};

/* 2027-01-15 08:00:00 UTC, plus at_s. */
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

	snprintf(json, sizeof(json), "{\"verdict\":\"%s\",\"reason\":\"error rate %s\"}", level,
	    strcmp(level, "OK") == 0 ? "0.1%" : "3.2%");
	add(j, at_s, "verdict.change", host, json);
}

static void
rollback(struct journal *j, int64_t at_s, const char *host)
{
	add(j, at_s, "action.intent", host, "{\"action\":\"compose.rollback\"}");
	add(j, at_s, "action.end", host, "{\"outcome\":\"ok\"}");
}

static void
done(struct journal *j)
{
	size_t i;

	for (i = 0; i < j->n; i++)
		cJSON_Delete(j->v[i].data);
	tlrows_free(&j->t);
}

/* A rollback of h1, its verdict at CONSIDER ROLLBACK, then ten flips
 * among OK, MONITOR and CONSIDER ROLLBACK with a note and a status post
 * among them, then a kill switch on h1. */
static void
ten_flips(struct journal *j)
{
	static const char *const walk[] = { "OK", "MONITOR", "CONSIDER ROLLBACK" };
	int i;

	rollback(j, 0, "h1");
	verdict(j, 10, "h1", "CONSIDER ROLLBACK");
	for (i = 0; i < 10; i++) {
		verdict(j, 20 + i * 10, "h1", walk[i % 3]);
		if (i == 4)
			add(j, 65, "note", NULL, "{\"text\":\"h1 hovers at the threshold\"}");
		if (i == 6)
			add(j, 85, "statuspage.post", NULL, "{\"status\":\"monitoring\"}");
	}
	add(j, 120, "action.intent", "h1", "{\"action\":\"killswitch\"}");
	add(j, 121, "action.end", "h1", "{\"outcome\":\"ok\"}");
}

static void
ten_flips_are_one_row_and_the_actions_stay(void **state)
{
	struct journal j = { .n = 0 };
	size_t i;

	(void)state;
	ten_flips(&j);
	assert_int_equal(j.n, 17);
	tlrows_build(&j.t, j.v, j.n, false);
	assert_int_equal(j.t.nruns, 1);
	/* intent, end, the verdict the flips moved from, the fold, the note,
	 * the post, the kill switch's intent and end. */
	assert_int_equal(j.t.nrows, 8);
	assert_int_equal(j.t.rows[0].first, 0);
	assert_int_equal(j.t.rows[1].first, 1);
	assert_int_equal(j.t.rows[2].first, 2);
	assert_int_equal(j.t.rows[2].run, 0);
	/* The fold: at the first flip, ten records, through the last. */
	assert_int_equal(j.t.rows[3].first, 3);
	assert_int_equal(j.t.rows[3].run, 1);
	assert_int_equal(j.t.rows[3].count, 10);
	assert_int_equal(j.t.rows[3].last, 14);
	assert_string_equal(j.v[j.t.rows[4].first].kind, "note");
	assert_string_equal(j.v[j.t.rows[5].first].kind, "statuspage.post");
	assert_string_equal(j.v[j.t.rows[6].first].kind, "action.intent");
	assert_string_equal(j.v[j.t.rows[7].first].kind, "action.end");
	for (i = 0; i < j.t.nrows; i++)
		assert_int_equal(j.t.rows[i].count, i == 3 ? 10 : 1);
	/* Each folded record is shown by the fold's row. */
	for (i = 3; i <= 14; i++)
		if (strcmp(j.v[i].kind, "verdict.change") == 0)
			assert_int_equal(tlrows_find(&j.t, i), 3);
	assert_int_equal(tlrows_find(&j.t, 8), 4);
	assert_int_equal(tlrows_find(&j.t, j.n), j.t.nrows);

	/* Every record: a row each, nothing folded. */
	tlrows_build(&j.t, j.v, j.n, true);
	assert_int_equal(j.t.nruns, 0);
	assert_int_equal(j.t.nrows, j.n);
	for (i = 0; i < j.n; i++) {
		assert_int_equal(j.t.rows[i].first, i);
		assert_int_equal(j.t.rows[i].count, 1);
		assert_int_equal(j.t.rows[i].run, 0);
		assert_int_equal(tlrows_find(&j.t, i), i);
	}
	done(&j);
}

/* The fold's words: the count, the levels, the span, the worst and the
 * last level with its reason, in UTC, as the post-mortem says them. */
static void
a_fold_says_count_levels_span_and_last(void **state)
{
	struct journal j = { .n = 0 };
	char *words;

	(void)state;
	ten_flips(&j);
	tlrows_build(&j.t, j.v, j.n, false);
	words = export_flap_words(j.v, &j.t.runs[0], NULL);
	assert_string_equal(words, "verdict changed 10 times between OK, MONITOR and CONSIDER "
	    "ROLLBACK, 08:00:20\xe2\x80\x93" "08:01:50; worst CONSIDER ROLLBACK; last OK at "
	    "08:01:50 \xe2\x80\x94 error rate 0.1%");
	free(words);
	done(&j);
}

/* Three moves are rows; the fourth folds them into one row at the first,
 * and each flip after it joins that row, which says the newest level. */
static void
a_growing_run_keeps_its_row(void **state)
{
	struct journal j = { .n = 0 };
	char *words;
	int i;

	(void)state;
	rollback(&j, 0, "h1");
	verdict(&j, 10, "h1", "CONSIDER ROLLBACK");
	for (i = 0; i < 3; i++)
		verdict(&j, 20 + i * 10, "h1", i % 2 ? "CONSIDER ROLLBACK" : "MONITOR");
	tlrows_build(&j.t, j.v, j.n, false);
	assert_int_equal(j.t.nrows, j.n);

	verdict(&j, 50, "h1", "CONSIDER ROLLBACK");
	tlrows_build(&j.t, j.v, j.n, false);
	assert_int_equal(j.t.nrows, 4);
	assert_int_equal(j.t.rows[3].first, 3);
	assert_int_equal(j.t.rows[3].count, 4);

	verdict(&j, 60, "h1", "MONITOR");
	add(&j, 61, "note", NULL, "{\"text\":\"watching h1\"}");
	verdict(&j, 70, "h1", "CONSIDER ROLLBACK");
	verdict(&j, 80, "h1", "MONITOR");
	tlrows_build(&j.t, j.v, j.n, false);
	assert_int_equal(j.t.nrows, 5);
	assert_int_equal(j.t.rows[3].first, 3);
	assert_int_equal(j.t.rows[3].count, 7);
	assert_int_equal(j.t.rows[3].last, j.n - 1);
	assert_string_equal(j.v[j.t.rows[4].first].kind, "note");
	words = export_flap_words(j.v, &j.t.runs[0], NULL);
	assert_non_null(strstr(words, "changed 7 times"));
	assert_non_null(strstr(words, "last MONITOR at 08:01:20"));
	free(words);
	done(&j);
}

/* A turn worse than every level the run met (ROLLBACK IMMEDIATELY) is a
 * row of its own, never folded; so is another host's verdict among the
 * flips. */
static void
an_escalation_stays_a_row(void **state)
{
	struct journal j = { .n = 0 };
	size_t i, esc = 0, other = 0;

	(void)state;
	verdict(&j, 0, "h1", "CONSIDER ROLLBACK");
	for (i = 0; i < 5; i++) {
		verdict(&j, 10 + (int64_t)i * 10, "h1", i % 2 ? "CONSIDER ROLLBACK" : "MONITOR");
		if (i == 2) {
			other = j.n;
			verdict(&j, 31, "h2", "CONSIDER ROLLBACK");
		}
	}
	esc = j.n;
	verdict(&j, 70, "h1", "ROLLBACK IMMEDIATELY");
	tlrows_build(&j.t, j.v, j.n, false);
	assert_int_equal(j.t.nruns, 1);
	assert_int_equal(j.t.nrows, 4);
	assert_int_equal(j.t.rows[tlrows_find(&j.t, esc)].first, esc);
	assert_int_equal(j.t.rows[tlrows_find(&j.t, esc)].run, 0);
	assert_int_equal(j.t.rows[tlrows_find(&j.t, other)].first, other);
	assert_int_equal(j.t.rows[tlrows_find(&j.t, other)].count, 1);
	done(&j);
}

/* A service's health flipping with it folds the same way; its first
 * reading stays a row. */
static void
health_flips_fold_too(void **state)
{
	struct journal j = { .n = 0 };
	char *words;
	int i;

	(void)state;
	add(&j, 0, "health.change", "h1",
	    "{\"service\":\"api\",\"first\":true,\"healthz\":\"OK\",\"readyz\":\"OK\","
	    "\"tag\":\"v1\"}");
	for (i = 0; i < 6; i++)
		add(&j, 10 + i * 10, "health.change", "h1", i % 2 ?
		    "{\"service\":\"api\",\"healthz\":\"OK\",\"was_healthz\":\"FAIL\"}" :
		    "{\"service\":\"api\",\"healthz\":\"FAIL\",\"was_healthz\":\"OK\"}");
	tlrows_build(&j.t, j.v, j.n, false);
	assert_int_equal(j.t.nrows, 2);
	assert_int_equal(j.t.rows[0].count, 1);
	assert_int_equal(j.t.rows[1].count, 6);
	words = export_flap_words(j.v, &j.t.runs[0], NULL);
	assert_string_equal(words, "api \xe2\x80\x94 health changed 6 times, 08:00:10\xe2\x80\x93"
	    "08:01:00: healthz between OK and FAIL; last healthz OK");
	free(words);
	done(&j);
}

/* The pane reads the records as tlrows_keep keeps them: flips go on
 * across a second console opening beside the first (it recorded all
 * along), and end at a reopen after a kill, the first verdict after it
 * a row of its own. */
static void
a_row_ends_at_a_reopen_not_at_a_second_console(void **state)
{
	struct journal j = { .n = 0 };
	struct record kept[MAXR];
	size_t i;

	(void)state;
	add(&j, 0, "incident.open", NULL, "{\"id\":\"x\",\"pid\":1}");
	verdict(&j, 1, "h7", "OK");
	for (i = 0; i < 4; i++) {
		verdict(&j, 10 + (int64_t)i * 10, "h7", i % 2 ? "OK" : "CONSIDER ROLLBACK");
		if (i == 1)
			add(&j, 25, "incident.resume", NULL, "{\"id\":\"x\",\"pid\":2,"
			    "\"others_open\":true}");
	}
	add(&j, 120, "incident.resume", NULL, "{\"id\":\"x\",\"pid\":3,"
	    "\"unwatched_from\":\"2027-01-15T08:00:40.000Z\",\"ended_without_shutdown\":2}");
	verdict(&j, 121, "h7", "CONSIDER ROLLBACK");
	for (i = 0; i < j.n; i++)
		tlrows_keep(&kept[i], &j.v[i]);
	tlrows_build(&j.t, kept, j.n, false);
	assert_int_equal(j.t.nruns, 1);
	/* open, OK, the fold (with the second console's resume a row after
	 * it), the reopen, the verdict after it. */
	assert_int_equal(j.t.nrows, 6);
	assert_int_equal(j.t.rows[2].first, 2);
	assert_int_equal(j.t.rows[2].count, 4);
	assert_int_equal(j.t.rows[2].last, 6);
	assert_string_equal(j.v[j.t.rows[3].first].kind, "incident.resume");
	assert_string_equal(j.v[j.t.rows[4].first].kind, "incident.resume");
	assert_int_equal(j.t.rows[5].first, 8);
	assert_int_equal(j.t.rows[5].run, 0);
	for (i = 0; i < j.n; i++)
		tlrows_kept_free(&kept[i]);
	done(&j);
}

/* The page answering HTTP 500: a monitoring post's tries 2..8 and its
 * seven refusals (try 1 is no row of the console's: export_row_hidden)
 * were 14 rows. Kept as the console keeps them, they are one row at the
 * first refusal, worded as the post-mortem words it; the post's queue
 * and end stay rows; a shows every record. */
static void
a_posts_refused_tries_are_one_row(void **state)
{
	static const int at[] = { 24, 26, 30, 38, 54, 86, 110, 136 };
	struct journal j = { .n = 0 };
	struct record kept[MAXR];
	char json[256], *words;
	size_t i;
	int t;

	(void)state;
	add(&j, 24, "statuspage.queue", NULL, "{\"queue\":\"sp-1\"}");
	for (t = 1; t <= 8; t++) {
		if (t > 1) {
			snprintf(json, sizeof(json), "{\"queue\":\"sp-1\",\"try\":%d,"
			    "\"action\":\"update\",\"status\":\"monitoring\"}", t);
			add(&j, at[t - 1], "statuspage.sent", NULL, json);
		}
		if (t < 8)
			add(&j, at[t - 1], "statuspage.retry", NULL, "{\"queue\":\"sp-1\","
			    "\"error\":\"HTTP 500\",\"http_status\":500}");
	}
	add(&j, 136, "statuspage.post", NULL, "{\"queue\":\"sp-1\",\"tries\":8}");
	for (i = 0; i < j.n; i++) {
		j.v[i].op = (char *)"sp-1";
		tlrows_keep(&kept[i], &j.v[i]);
	}
	tlrows_build(&j.t, kept, j.n, false);
	assert_int_equal(j.t.nrows, 3);
	assert_int_equal(j.t.rows[1].first, 1);
	assert_int_equal(j.t.rows[1].last, 14);
	assert_int_equal(j.t.rows[1].count, 14);
	assert_int_equal(j.t.rows[1].sp, 1);
	assert_int_equal(j.t.rows[1].run, 0);
	words = export_spfold_words(kept, &j.t.sps[0], NULL);
	assert_string_equal(words, "status page: monitoring update: 8 tries, 7 refused "
	    "(HTTP 500), 08:00:24–08:02:16");
	free(words);
	tlrows_build(&j.t, kept, j.n, true);
	assert_int_equal(j.t.nrows, j.n);
	for (i = 0; i < j.n; i++)
		tlrows_kept_free(&kept[i]);
	done(&j);
}

/* a's words say what folds: ten flips and a post's 14 tries are 24
 * folded records, counted as both kinds, never "flapping ones" alone;
 * one kind folded names that kind only. */
static void
the_fold_words_name_both_kinds(void **state)
{
	struct journal j = { .n = 0 };
	struct record kept[MAXR];
	char json[256], words[256];
	size_t i, flaps, tries;
	int t;

	(void)state;
	ten_flips(&j);
	for (t = 2; t <= 8; t++) {
		snprintf(json, sizeof(json), "{\"queue\":\"sp-1\",\"try\":%d,"
		    "\"action\":\"update\",\"status\":\"monitoring\"}", t);
		add(&j, 130 + t, "statuspage.sent", NULL, json);
		add(&j, 130 + t, "statuspage.retry", NULL, "{\"queue\":\"sp-1\","
		    "\"error\":\"HTTP 500\",\"http_status\":500}");
	}
	for (i = 0; i < j.n; i++) {
		if (strncmp(j.v[i].kind, "statuspage.", 11) == 0 && j.v[i].data != NULL &&
		    cJSON_GetObjectItem(j.v[i].data, "queue") != NULL)
			j.v[i].op = (char *)"sp-1";
		tlrows_keep(&kept[i], &j.v[i]);
	}
	tlrows_build(&j.t, kept, j.n, false);
	assert_int_equal(tlrows_folded(&j.t, &flaps, &tries), 24);
	assert_int_equal(flaps, 10);
	assert_int_equal(tries, 14);
	tlrows_toggle_words(true, flaps, tries, words, sizeof(words));
	assert_string_equal(words, "TIMELINE: every record, 24 folded records unfolded "
	    "(flapping verdicts or health, status-page tries; a folds them again)");
	tlrows_toggle_words(false, flaps, tries, words, sizeof(words));
	assert_string_equal(words, "TIMELINE: 24 records folded (flapping verdicts or health, "
	    "status-page tries; a shows every record)");
	tlrows_toggle_words(false, 0, 14, words, sizeof(words));
	assert_string_equal(words, "TIMELINE: 14 records folded (status-page tries; a shows "
	    "every record)");
	tlrows_toggle_words(true, 10, 0, words, sizeof(words));
	assert_string_equal(words, "TIMELINE: every record, 10 folded records unfolded "
	    "(flapping verdicts or health; a folds them again)");
	tlrows_toggle_words(false, 0, 0, words, sizeof(words));
	assert_string_equal(words, "TIMELINE: flapping verdicts or health and status-page tries "
	    "fold, none now (a shows every record)");
	tlrows_toggle_words(true, 0, 0, words, sizeof(words));
	assert_string_equal(words, "TIMELINE: every record (a folds flapping verdicts or health "
	    "and status-page tries again)");
	/* Every record its own row: nothing folded. */
	tlrows_build(&j.t, kept, j.n, true);
	assert_int_equal(tlrows_folded(&j.t, &flaps, &tries), 0);
	assert_int_equal(flaps + tries, 0);
	for (i = 0; i < j.n; i++) {
		tlrows_kept_free(&kept[i]);
		j.v[i].op = NULL;
	}
	done(&j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ten_flips_are_one_row_and_the_actions_stay),
		cmocka_unit_test(a_fold_says_count_levels_span_and_last),
		cmocka_unit_test(a_growing_run_keeps_its_row),
		cmocka_unit_test(an_escalation_stays_a_row),
		cmocka_unit_test(health_flips_fold_too),
		cmocka_unit_test(a_row_ends_at_a_reopen_not_at_a_second_console),
		cmocka_unit_test(a_posts_refused_tries_are_one_row),
		cmocka_unit_test(the_fold_words_name_both_kinds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
