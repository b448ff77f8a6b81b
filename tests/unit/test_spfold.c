/*
 * test_spfold.c — with the status page answering HTTP 500, posting
 * "monitoring" added 14 rows to TIMELINE and the post-mortem (each try
 * and each refusal, up to try 8, 09:00:24–09:02:16). A post's tries fold
 * into one run, counting the tries and the refusals with their statuses;
 * a post sent once is no run; a try that may be on the page stays out;
 * other records between and another post's tries do not break it, a
 * try sent again after a read back stays a row, and the look-ups between
 * tries are counted apart from them.
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
#include "warroom/spfold.h"
#include "record_fixture.h"

#define MAXR 48

struct journal {
	struct record v[MAXR];
	size_t n;
	size_t mark[MAXR];
	struct spfold_run *runs;
	size_t nruns;
};

/* 2026-11-28 09:00:00 UTC, plus at_s. */
static void
add(struct journal *j, int64_t at_s, const char *kind, const char *op, const char *json)
{
	assert_true(j->n < MAXR);
	j->v[j->n] = rec(kind, NULL, op, json);
	j->v[j->n].seq = j->n + 1;
	j->v[j->n].ts_ms = 1795856400000LL + at_s * 1000;
	j->n++;
}

static void
sent(struct journal *j, int64_t at_s, const char *op, int try)
{
	char json[256];

	snprintf(json, sizeof(json), "{\"queue\":\"%s\",\"try\":%d,\"action\":\"update\","
	    "\"status\":\"monitoring\",\"method\":\"PATCH\",\"path\":\"/x\"}", op, try);
	add(j, at_s, "statuspage.sent", op, json);
}

static void
retry(struct journal *j, int64_t at_s, const char *op, int code)
{
	char json[256];

	snprintf(json, sizeof(json), "{\"queue\":\"%s\",\"error\":\"HTTP %d\","
	    "\"http_status\":%d,\"retry_ms\":1000}", op, code, code);
	add(j, at_s, "statuspage.retry", op, json);
}

static void
done(struct journal *j)
{
	size_t i;

	for (i = 0; i < j->n; i++)
		cJSON_Delete(j->v[i].data);
	free(j->runs);
}

/* A post through an outage: queued at 09:00:24, tries 1..8, the first
 * seven refused with HTTP 500, posted at 09:02:16. */
static void
eight_tries_are_one_run(void **state)
{
	static const int at[] = { 24, 26, 30, 38, 54, 86, 110, 136 };
	struct journal j = { .n = 0 };
	char words[128];
	int t;

	(void)state;
	add(&j, 24, "statuspage.queue", "q1", "{\"update\":{\"status\":\"monitoring\"}}");
	for (t = 1; t <= 8; t++) {
		sent(&j, at[t - 1], "q1", t);
		if (t < 8)
			retry(&j, at[t - 1], "q1", 500);
		/* Another record between: no break. */
		if (t == 4)
			add(&j, 40, "note", NULL, "{\"text\":\"page is down\"}");
	}
	add(&j, 136, "statuspage.post", "q1", "{\"queue\":\"q1\",\"tries\":8}");
	j.nruns = spfold_find(j.v, j.n, j.mark, &j.runs);
	assert_int_equal(j.nruns, 1);
	assert_int_equal(j.runs[0].first, 1);
	assert_int_equal(j.runs[0].last, j.n - 2);
	assert_int_equal(j.runs[0].count, 15);
	assert_int_equal(j.runs[0].tries, 8);
	assert_int_equal(j.runs[0].refused, 7);
	assert_int_equal(j.runs[0].unanswered, 0);
	assert_int_equal(j.runs[0].nstatuses, 1);
	assert_int_equal(j.runs[0].statuses[0], 500);
	assert_string_equal(j.runs[0].status, "monitoring");
	assert_string_equal(j.runs[0].action, "update");
	/* The queue, the note and the post stay rows. */
	assert_int_equal(j.mark[0], 0);
	assert_int_equal(j.mark[9], 0);
	assert_int_equal(j.mark[j.n - 1], 0);
	assert_int_equal(j.mark[1], 1);
	assert_int_equal(j.mark[j.n - 2], 1);
	spfold_failed_words(j.runs[0].refused, j.runs[0].unanswered, j.runs[0].statuses,
	    j.runs[0].nstatuses, j.runs[0].more, words, sizeof(words));
	assert_string_equal(words, "7 refused (HTTP 500)");
	done(&j);
}

/* One try, answered: no run. A read_back retry stays out; a second post's
 * tries are their own run, refusals and no answers counted apart. */
static void
one_try_no_run_and_posts_apart(void **state)
{
	struct journal j = { .n = 0 };
	char words[128];

	(void)state;
	sent(&j, 0, "q1", 1);
	add(&j, 1, "statuspage.post", "q1", "{\"queue\":\"q1\"}");
	sent(&j, 10, "q2", 1);
	add(&j, 11, "statuspage.retry", "q2", "{\"queue\":\"q2\",\"error\":\"timeout\","
	    "\"http_status\":0,\"read_back\":true}");
	sent(&j, 12, "q2", 2);
	retry(&j, 12, "q2", 429);
	sent(&j, 14, "q2", 3);
	add(&j, 15, "statuspage.retry", "q2", "{\"queue\":\"q2\",\"error\":\"reset\","
	    "\"http_status\":0}");
	sent(&j, 16, "q2", 4);
	retry(&j, 16, "q2", 503);
	j.nruns = spfold_find(j.v, j.n, j.mark, &j.runs);
	assert_int_equal(j.nruns, 1);
	assert_int_equal(j.mark[0], 0);
	assert_int_equal(j.mark[3], 0);     /* read_back: a row of its own */
	assert_int_equal(j.runs[0].first, 2);
	assert_int_equal(j.runs[0].count, 7);
	assert_int_equal(j.runs[0].tries, 4);
	assert_int_equal(j.runs[0].refused, 2);
	assert_int_equal(j.runs[0].unanswered, 1);
	spfold_failed_words(j.runs[0].refused, j.runs[0].unanswered, j.runs[0].statuses,
	    j.runs[0].nstatuses, j.runs[0].more, words, sizeof(words));
	assert_string_equal(words, "2 refused (HTTP 429, 503) and 1 not answered");
	spfold_failed_words(0, 3, NULL, 0, false, words, sizeof(words));
	assert_string_equal(words, "3 not answered");
	spfold_failed_words(0, 0, NULL, 0, false, words, sizeof(words));
	assert_string_equal(words, "");
	done(&j);
}

/* The page did not answer a try, a read back did not find it, and it was
 * sent again: that try (after_read) and the retry that read back are rows
 * of their own, so the post-mortem says why the post went twice. */
static void
a_try_sent_again_after_a_read_is_a_row(void **state)
{
	struct journal j = { .n = 0 };

	(void)state;
	sent(&j, 0, "q1", 1);
	add(&j, 2, "statuspage.retry", "q1", "{\"queue\":\"q1\",\"error\":\"timeout\","
	    "\"http_status\":0,\"read_back\":true}");
	add(&j, 3, "statuspage.sent", "q1", "{\"queue\":\"q1\",\"try\":2,\"action\":\"update\","
	    "\"status\":\"identified\",\"after_read\":true}");
	retry(&j, 3, "q1", 503);
	sent(&j, 5, "q1", 3);
	j.nruns = spfold_find(j.v, j.n, j.mark, &j.runs);
	assert_int_equal(j.mark[1], 0);
	assert_int_equal(j.mark[2], 0);
	assert_int_equal(j.nruns, 1);
	assert_int_equal(j.runs[0].count, 3);
	assert_int_equal(j.runs[0].refused, 1);
	assert_int_equal(j.mark[0], 1);
	assert_int_equal(j.mark[4], 1);
	done(&j);
}

/* "S identified" with the page answering HTTP 500, then the
 * fault cleared. Requests: POST (500), five GET look-ups (500 but the
 * last), POST (201). TIMELINE said "6 tries, 6 refused" while failing
 * and "2 tries, 6 refused" after: more refusals than tries. The retry of
 * a try counts as the try's; the rest are look-ups', said apart. */
static void
lookups_are_not_tries(void **state)
{
	struct journal j = { .n = 0 };
	struct spfold_run f;
	char words[128], *row;
	int k;

	(void)state;
	sent(&j, 0, "q1", 1);
	add(&j, 0, "statuspage.retry", "q1", "{\"queue\":\"q1\",\"error\":\"HTTP 500\","
	    "\"http_status\":500,\"sent\":false}");
	for (k = 1; k <= 4; k++)
		retry(&j, k, "q1", 500);
	/* A look-up with no answer: counted apart too. */
	add(&j, 5, "statuspage.retry", "q1", "{\"queue\":\"q1\",\"error\":\"timeout\","
	    "\"http_status\":0}");
	sent(&j, 6, "q1", 2);
	j.nruns = spfold_find(j.v, j.n, j.mark, &j.runs);
	assert_int_equal(j.nruns, 1);
	assert_int_equal(j.runs[0].tries, 2);
	assert_int_equal(j.runs[0].refused, 1);
	assert_int_equal(j.runs[0].unanswered, 0);
	assert_int_equal(j.runs[0].lookups_refused, 4);
	assert_int_equal(j.runs[0].lookups_unanswered, 1);
	spfold_lookup_words(&j.runs[0], words, sizeof(words));
	assert_string_equal(words, "5 look-ups failed");
	/* TIMELINE's and the post-mortem's row: tries and look-ups apart. */
	row = export_spfold_words(j.v, &j.runs[0], NULL);
	assert_string_equal(row, "status page: monitoring update: 2 tries, 1 refused "
	    "(HTTP 500), 5 look-ups failed, 09:00:00–09:00:06");
	free(row);

	/* While failing, the console keeps no row of try 1: its first retry
	 * is still a try's, the look-ups after it are not. */
	memset(&f, 0, sizeof(f));
	for (k = 1; k <= 5; k++)
		spfold_add(&f, &j.v[k], (size_t)k);
	assert_int_equal(f.refused, 1);
	assert_int_equal(f.lookups_refused, 4);
	spfold_lookup_words(&f, words, sizeof(words));
	assert_string_equal(words, "4 look-ups refused");
	f.lookups_refused = 0;
	f.lookups_unanswered = 1;
	spfold_lookup_words(&f, words, sizeof(words));
	assert_string_equal(words, "1 look-up not answered");
	f.lookups_unanswered = 0;
	spfold_lookup_words(&f, words, sizeof(words));
	assert_string_equal(words, "");
	done(&j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(eight_tries_are_one_run),
		cmocka_unit_test(one_try_no_run_and_posts_apart),
		cmocka_unit_test(a_try_sent_again_after_a_read_is_a_row),
		cmocka_unit_test(lookups_are_not_tries),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
