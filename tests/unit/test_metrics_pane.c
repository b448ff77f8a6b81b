/*
 * test_metrics_pane.c — METRICS short of room: the verdict, its reason,
 * errors and p95 are the last rows to go, a host in trouble before the
 * figures around it, a long failure cut rather than dropped; what goes
 * is counted, naming the worst hidden host at MONITOR or worse, in forms
 * that get shorter. The error-rate and p95 rows: sparklines against the
 * rollback threshold, with that scale, and gaps for missing scrapes. The
 * thresholds row: every level judged by, and the calm margin.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <math.h>

#include "warroom/config.h"
#include "warroom/decide.h"
#include "warroom/metrics_pane.h"

#define ROW(k) { .kind = (k), .height = 1 }
#define HOST(l) { .kind = (l) >= DECIDE_MONITOR ? METRICS_PANE_BAD_HOST : \
	METRICS_PANE_HOST, .height = 1, .level = (l) }

/* The pane of the demo fleet's api-1, in drawing order. */
static const struct metrics_pane_row pane[] = {
	ROW(METRICS_PANE_VERDICT), ROW(METRICS_PANE_REASON), ROW(METRICS_PANE_ERRORS),
	ROW(METRICS_PANE_P95), ROW(METRICS_PANE_RATE), ROW(METRICS_PANE_RESTARTS),
	ROW(METRICS_PANE_THRESHOLDS), HOST(DECIDE_ROLLBACK), HOST(DECIDE_MONITOR),
	HOST(DECIDE_OK),
};
#define N ((int)(sizeof(pane) / sizeof(pane[0])))

static void
three_rows_keep_the_verdict_its_reason_and_errors(void **state)
{
	struct metrics_pane_row r[N];
	int worst;

	(void)state;
	memcpy(r, pane, sizeof(r));
	assert_int_equal(metrics_pane_fit(r, N, 3, &worst), N - 3);
	assert_true(r[0].shown && r[1].shown && r[2].shown);
	assert_false(r[3].shown);
	/* The ROLLBACK host is hidden: the marker names it. */
	assert_int_equal(worst, 7);
}

static void
p95_then_hosts_in_trouble_before_the_rest(void **state)
{
	struct metrics_pane_row r[N];
	int worst;

	(void)state;
	memcpy(r, pane, sizeof(r));
	assert_int_equal(metrics_pane_fit(r, N, 5, &worst), N - 5);
	assert_true(r[3].shown);
	assert_true(r[7].shown);           /* ROLLBACK over req/s */
	assert_false(r[4].shown);
	/* The shown ROLLBACK is not named again; the hidden MONITOR is. */
	assert_int_equal(worst, 8);
	memcpy(r, pane, sizeof(r));
	assert_int_equal(metrics_pane_fit(r, N, 6, &worst), N - 6);
	assert_true(r[8].shown);
	assert_false(r[9].shown);          /* an OK host is named by nobody */
	assert_int_equal(worst, -1);
}

static void
everything_fits_nothing_hidden(void **state)
{
	struct metrics_pane_row r[N];
	int worst, i;

	(void)state;
	memcpy(r, pane, sizeof(r));
	assert_int_equal(metrics_pane_fit(r, N, 20, &worst), 0);
	for (i = 0; i < N; i++)
		assert_true(r[i].shown && r[i].rows == 1);
	assert_int_equal(worst, -1);
}

static void
a_long_failure_is_cut_not_dropped(void **state)
{
	struct metrics_pane_row r[] = {
		ROW(METRICS_PANE_VERDICT), ROW(METRICS_PANE_REASON), ROW(METRICS_PANE_ERRORS),
		ROW(METRICS_PANE_P95),
		{ .kind = METRICS_PANE_WHY, .height = 3, .min_height = 1 },
		ROW(METRICS_PANE_THRESHOLDS),
	};
	int worst;

	(void)state;
	assert_int_equal(metrics_pane_fit(r, 6, 5, &worst), 1);
	assert_true(r[4].shown);
	assert_int_equal(r[4].rows, 1);
	assert_false(r[5].shown);
	/* No room at all: the rows that need none still count. */
	assert_int_equal(metrics_pane_fit(r, 6, 0, &worst), 6);
}

static void
the_marker_names_the_host_and_gets_shorter(void **state)
{
	/* The count as HOSTS, RUNBOOK and TIMELINE say it (panemore.c),
	 * then the key, then whom. */
	static const char *const want[] = {
		"▼ 3 more rows (z shows them), worst helm-bastion ROLLBACK IMMEDIATELY",
		"▼ 3 more rows (z), worst helm-bastion ROLLBACK IMMEDIATELY",
		"▼ 3 more rows (z), worst helm-bastion ROLLBACK",
		"▼ 3 more (z), worst helm-bastion ROLLBACK",
		"▼ 3 more, worst helm-bastion ROLLBACK",
		"▼ 3 more rows (z shows them)",
		"▼ 3 more (z)",
		"▼ 3 more",
		"▼ 3",
		"▼3",
	};
	char buf[128];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		assert_true(metrics_pane_more(true, 3, "helm-bastion", DECIDE_ROLLBACK, 0, true,
		    (int)i, buf, sizeof(buf)));
		assert_string_equal(buf, want[i]);
		if (i > 0)
			assert_true(strlen(want[i]) < strlen(want[i - 1]));
	}
	assert_false(metrics_pane_more(true, 3, "helm-bastion", DECIDE_ROLLBACK, 0, true,
	    (int)i, buf, sizeof(buf)));
	/* Nobody to name, zoomed (no hint), ASCII. */
	assert_true(metrics_pane_more(false, 2, NULL, 0, 0, false, 0, buf, sizeof(buf)));
	assert_string_equal(buf, "v 2 more rows");
	/* One row hidden: no "worst" of one. */
	assert_true(metrics_pane_more(true, 1, "api-2", DECIDE_MONITOR, 0, false, 0, buf,
	    sizeof(buf)));
	assert_string_equal(buf, "▼ 1 more row: api-2 MONITOR");
	/* 80x24's METRICS border (42 columns for words) keeps the key. */
	assert_true(metrics_pane_more(true, 6, "k8s-bastion", DECIDE_ROLLBACK, 0, true, 3, buf,
	    sizeof(buf)));
	assert_string_equal(buf, "▼ 6 more (z), worst k8s-bastion ROLLBACK");
	assert_true(strlen(buf) - 2 <= 42);
	/* The other hidden hosts at that verdict counted: "(h16 ROLLBACK)"
	 * alone hid h20, h21 and h23. */
	assert_true(metrics_pane_more(true, 27, "h16", DECIDE_ROLLBACK, 3, true, 0, buf,
	    sizeof(buf)));
	assert_string_equal(buf, "▼ 27 more rows (z shows them), worst h16 and 3 more ROLLBACK "
	    "IMMEDIATELY");
	assert_true(metrics_pane_more(true, 27, "h16", DECIDE_ROLLBACK, 3, true, 3, buf,
	    sizeof(buf)));
	assert_string_equal(buf, "▼ 27 more (z), worst h16 +3 ROLLBACK");
	{
		struct metrics_pane_row r[] = {
			{ .kind = METRICS_PANE_BAD_HOST, .level = DECIDE_ROLLBACK, .shown = true },
			{ .kind = METRICS_PANE_BAD_HOST, .level = DECIDE_ROLLBACK },
			{ .kind = METRICS_PANE_BAD_HOST, .level = DECIDE_CONSIDER },
			{ .kind = METRICS_PANE_BAD_HOST, .level = DECIDE_ROLLBACK },
		};

		/* Hidden and at its level, itself and those in sight left out. */
		assert_int_equal(metrics_pane_alike(r, 4, 1), 1);
		assert_int_equal(metrics_pane_alike(r, 4, -1), 0);
	}
}

static void
a_scroll_key_says_why_not(void **state)
{
	char buf[160];

	(void)state;
	assert_string_equal(metrics_pane_noscroll(6, false, buf, sizeof(buf)),
	    "METRICS does not scroll: z shows the 6 rows left out");
	assert_string_equal(metrics_pane_noscroll(1, true, buf, sizeof(buf)),
	    "METRICS does not scroll: 1 row left out even zoomed; a taller terminal shows it");
	assert_string_equal(metrics_pane_noscroll(0, false, buf, sizeof(buf)),
	    "METRICS does not scroll: every row is in view");
}

/* The rows of a report: a healthy p95 sits low, the bad one stands
 * high, each with its scale; errors clip at the rollback threshold. */
static void
series_rows_have_a_scale(void **state)
{
	const double h2[] = { 181, 175, 190, 181 };
	const double api1[] = { 1493, 1480, 2600, 1493 };
	const double err[] = { 0, 0.01, 0.079, 0.0674 };
	char b[400];

	(void)state;
	metrics_pane_series(true, 181, h2, 4, 2000, 44, b, sizeof(b));
	assert_string_equal(b, "p95    181 ms  ▂▂▂▂ 0–2000 ms");
	metrics_pane_series(true, 1493, api1, 4, 2000, 44, b, sizeof(b));
	assert_string_equal(b, "p95    1493 ms ▆▆█▆ 0–2000 ms");
	metrics_pane_series(false, 0.0674, err, 4, 0.05, 44, b, sizeof(b));
	assert_string_equal(b, "errors 6.74%   ▁▂██ 0–5%");
}

/* Failed scrapes are gaps at the right end, not a line that stopped. */
static void
series_missing_scrapes_are_gaps(void **state)
{
	const double err[] = { 0.0674, 0.07, NAN, NAN, NAN };
	char b[400];

	(void)state;
	metrics_pane_series(false, NAN, err, 5, 0.05, 44, b, sizeof(b));
	assert_string_equal(b, "errors no data ██··· 0–5%");
}

/* Fitted to the width: the scale takes its columns from the sparkline,
 * which keeps the newest; too narrow for both, the scale goes first. */
static void
series_fits_its_width(void **state)
{
	double hist[120];
	char b[400];
	size_t i;

	(void)state;
	for (i = 0; i < 120; i++)
		hist[i] = i < 100 ? 0.001 : 0.079;
	/* 44 columns: 15 before, " 0–5%" 5 after, 24 bars. */
	metrics_pane_series(false, 0.079, hist, 120, 0.05, 44, b, sizeof(b));
	assert_string_equal(b, "errors 7.9%    ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁████ 0–5%");
	/* 22 columns: 7 left for bars, 2 after the scale: 2 < 4, no scale. */
	metrics_pane_series(false, 0.079, hist, 120, 0.05, 22, b, sizeof(b));
	assert_string_equal(b, "errors 7.9%    ▁▁▁▁▁██");
	/* No room for bars at all: the name and the figure. */
	metrics_pane_series(false, 0.079, hist, 120, 0.05, 15, b, sizeof(b));
	assert_string_equal(b, "errors 7.9%    ");
	/* Cut, but terminated. */
	assert_int_equal(metrics_pane_series(false, 0.079, hist, 120, 0.05, 44, b, 8), 7);
	assert_string_equal(b, "errors ");
}

/* The thresholds row names every level the verdict is judged by, not the
 * rollback one alone, and the margin a calm check must clear. */
static void
thresholds_row_lists_every_level(void **state)
{
	struct config_thresholds t = {
		.error_rate_rollback = 0.05, .error_rate_consider = 0.02,
		.error_rate_monitor = 0.01, .p95_rollback_ms = 2000, .p95_consider_ms = 1000,
		.p95_monitor_ms = 500, .restarts_rollback = 3, .restarts_window_s = 300,
	};
	char b[400];

	(void)state;
	metrics_pane_thresholds(&t, false, 0.1, 0, "", b, sizeof(b));
	assert_string_equal(b, "rollback at errors > 5%, p95 > 2000 ms, 3 restarts in 5m; "
	    "consider at errors > 2%, p95 > 1000 ms; monitor at errors > 1%, p95 > 500 ms; "
	    "calm 10% under a level");
	/* A runbook's matrix: its operators, its levels (one left out is
	 * off), its line. */
	t.at_or_above = WR_TH_GE_ERROR_CONSIDER;
	t.error_rate_monitor = t.p95_monitor_ms = INFINITY;
	t.p95_consider_ms = INFINITY;
	metrics_pane_thresholds(&t, false, 0.1, 0, "rollback.md:7", b, sizeof(b));
	assert_string_equal(b, "rollback at errors > 5%, p95 > 2000 ms, 3 restarts in 5m; "
	    "consider at errors \xe2\x89\xa5 2%; calm 10% under a level (matrix: rollback.md:7)");
	/* Judged on restarts alone: that limit, or that it is off. */
	metrics_pane_thresholds(&t, true, 0.1, 0, "", b, sizeof(b));
	assert_string_equal(b, "rollback at 3 restarts in 5m");
	t.restarts_rollback = 0;
	metrics_pane_thresholds(&t, true, 0.1, 0, "", b, sizeof(b));
	assert_string_equal(b, "the restarts rule is off (restarts_rollback)");
	/* Cut, but terminated. */
	assert_int_equal(metrics_pane_thresholds(&t, true, 0.1, 0, "", b, 8), 7);
}

/* A narrow pane (METRICS is 46 columns inside at 80x24) cut the full
 * row after "consider": the shorter forms say every level in figures,
 * the prose goes first ("at errors", "p95", the spaces in "2000 ms"),
 * then the margin and the matrix's line. */
static void
thresholds_row_shortens_its_words_not_its_levels(void **state)
{
	struct config_thresholds t = {
		.error_rate_rollback = 0.05, .error_rate_consider = 0.02,
		.error_rate_monitor = 0.01, .p95_rollback_ms = 2000, .p95_consider_ms = 1000,
		.p95_monitor_ms = 500, .restarts_rollback = 3, .restarts_window_s = 300,
	};
	char b[400];

	(void)state;
	metrics_pane_thresholds(&t, false, 0.1, 1, "", b, sizeof(b));
	assert_string_equal(b, "rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; "
	    "monitor >1% >500ms; calm 10% under");
	metrics_pane_thresholds(&t, false, 0.1, 2, "", b, sizeof(b));
	assert_string_equal(b, "rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; "
	    "monitor >1% >500ms");
	/* The matrix's operators and levels; its line goes with the margin. */
	t.at_or_above = WR_TH_GE_ERROR_CONSIDER;
	t.error_rate_monitor = t.p95_monitor_ms = INFINITY;
	t.p95_consider_ms = INFINITY;
	metrics_pane_thresholds(&t, false, 0.1, 1, "rollback.md:7", b, sizeof(b));
	assert_string_equal(b, "rollback >5% >2000ms 3 restarts/5m; consider \xe2\x89\xa5" "2%; "
	    "calm 10% under (rollback.md:7)");
	metrics_pane_thresholds(&t, false, 0.1, 2, "rollback.md:7", b, sizeof(b));
	assert_string_equal(b, "rollback >5% >2000ms 3 restarts/5m; consider \xe2\x89\xa5" "2%");
	/* Past the shortest form, the shortest. */
	metrics_pane_thresholds(&t, false, 0.1, METRICS_PANE_THRESHOLDS_FORMS, "", b, sizeof(b));
	assert_string_equal(b, "rollback >5% >2000ms 3 restarts/5m; consider \xe2\x89\xa5" "2%");
	/* Restarts alone were short already. */
	metrics_pane_thresholds(&t, true, 0.1, 2, "", b, sizeof(b));
	assert_string_equal(b, "rollback at 3 restarts in 5m");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(three_rows_keep_the_verdict_its_reason_and_errors),
		cmocka_unit_test(p95_then_hosts_in_trouble_before_the_rest),
		cmocka_unit_test(everything_fits_nothing_hidden),
		cmocka_unit_test(a_long_failure_is_cut_not_dropped),
		cmocka_unit_test(the_marker_names_the_host_and_gets_shorter),
		cmocka_unit_test(a_scroll_key_says_why_not),
		cmocka_unit_test(series_rows_have_a_scale),
		cmocka_unit_test(series_missing_scrapes_are_gaps),
		cmocka_unit_test(series_fits_its_width),
		cmocka_unit_test(thresholds_row_lists_every_level),
		cmocka_unit_test(thresholds_row_shortens_its_words_not_its_levels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
