/*
 * test_decide.c — the verdict: each threshold with its exact reason, the
 * worst rule first, "no data" never read as OK, hysteresis that moves up
 * at once and down only after calm checks (a missing figure never one of
 * them: a bad verdict is held, saying since when and why), an error rate
 * over too few requests judged by no rule and no calm check, and the
 * pane's number formats and sparkline.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "warroom/decide.h"

/* DESIGN §3.1 defaults, as config_init() sets them. */
static struct config_thresholds
thresholds_default(void)
{
	struct config_thresholds t = {
		.error_rate_rollback = 0.05,
		.error_rate_consider = 0.02,
		.error_rate_monitor = 0.01,
		.p95_rollback_ms = 2000,
		.p95_consider_ms = 1000,
		.p95_monitor_ms = 500,
		.restarts_rollback = 3,
		.restarts_window_s = 300,
	};

	return t;
}

static struct decide_verdict
verdict(double er, double p95, int restarts, const struct decide_verdict *prev)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = er, .p95_ms = p95, .restarts = restarts };

	return decide(&t, &m, prev, NULL);
}

static void
expect(double er, double p95, int restarts, enum decide_level level,
    const char *reason)
{
	struct decide_verdict v = verdict(er, p95, restarts, NULL);

	assert_string_equal(v.reason, reason);
	assert_string_equal(decide_level_name(v.level), decide_level_name(level));
	assert_int_equal(v.raw, level);
}

/* A compose host's restarts are per service: api crash-looping with jobs
 * calm is api's verdict, named, and jobs is not among those it rests on. */
static void
restarts_verdict_names_the_service_restarting(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_service svcs[2] = { { "api", 15 }, { "jobs", 0 } };
	struct decide_input m = { .error_rate = 0.001, .p95_ms = 100, .restarts = 15,
		.services = svcs, .nservices = 2 };
	struct decide_verdict v, w;
	char b[160];

	(void)state;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_string_equal(v.reason, "api: 15 restarts in 5m \xe2\x89\xa5 3");
	assert_int_equal(v.by, 1);
	assert_string_equal(v.by_names, "api");
	assert_true(decide_other_cause(&v, 1, "jobs", 0, false, b, sizeof(b)));
	assert_string_equal(b, "the verdict comes from api's restarts; jobs has 0");
	assert_false(decide_other_cause(&v, 0, "api", 15, false, b, sizeof(b)));
	assert_true(decide_other_cause(&v, 1, "jobs", -1, false, b, sizeof(b)));
	assert_string_equal(b, "the verdict comes from api's restarts; jobs's restarts are not "
	    "known");

	/* Out of the window, the held level still rests on api's restarts. */
	svcs[0].restarts = 0;
	m.restarts = 0;
	w = decide(&t, &m, &v, NULL);
	assert_int_equal(w.level, DECIDE_ROLLBACK);
	assert_true(w.held);
	assert_string_equal(w.by_names, "api");

	/* Both over the limit: both named, each with its count. */
	svcs[0].restarts = 15;
	svcs[1].restarts = 4;
	m.restarts = 15;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "api: 15, jobs: 4 restarts in 5m \xe2\x89\xa5 3");
	assert_int_equal(v.by, 3);
	assert_false(decide_other_cause(&v, 1, "jobs", 4, false, b, sizeof(b)));

	/* One service only: nothing to tell apart, the words as before. */
	m.nservices = 1;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "15 restarts in 5m \xe2\x89\xa5 3");
	assert_int_equal(v.by, 0);
}

/* An error rate at ROLLBACK too is the host's figure: the verdict is the
 * host's on every service, restarts or not; below it, restarts are still
 * the worst reason and the level rests on them. */
static void
metrics_verdict_stays_the_hosts(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_service svcs[2] = { { "api", 15 }, { "jobs", 0 } };
	struct decide_input m = { .error_rate = 0.08, .p95_ms = 100, .restarts = 15,
		.services = svcs, .nservices = 2 };
	struct decide_verdict v;
	char b[160];

	(void)state;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_int_equal(v.by, 0);
	assert_false(decide_other_cause(&v, 1, "jobs", 0, false, b, sizeof(b)));
	m.error_rate = 0.03;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.by, 1);
	assert_string_equal(v.reason, "api: 15 restarts in 5m \xe2\x89\xa5 3; error rate 3% > "
	    "2% (consider)");
	/* A level adopted from the journal says nothing of whose. */
	v = decide_adopt(&v, DECIDE_ROLLBACK);
	assert_int_equal(v.by, 1);
	svcs[0].restarts = 0;
	m.restarts = 0;
	v = decide(&t, &m, NULL, NULL);
	v = decide_adopt(&v, DECIDE_ROLLBACK);
	assert_int_equal(v.by, 0);
}

/* A console counts the restarts it watched, and of those before it only
 * each container's last: until it has watched a whole window a count
 * above 0 is a lower bound, "4+", in HOSTS and the verdict's words. */
static void
restarts_before_a_whole_window_are_at_least(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = 0.001, .p95_ms = 100, .restarts = 4,
		.restarts_partial = true };
	struct decide_verdict v;
	char b[16];

	(void)state;
	assert_true(decide_restarts_partial(34, 300));
	assert_true(decide_restarts_partial(0, 300));
	assert_false(decide_restarts_partial(300, 300));
	assert_false(decide_restarts_partial(4000, 300));
	decide_format_restarts(4, true, b, sizeof(b));
	assert_string_equal(b, "4+");
	decide_format_restarts(4, false, b, sizeof(b));
	assert_string_equal(b, "4");
	decide_format_restarts(12, true, b, sizeof(b));
	assert_string_equal(b, "12+");
	/* None seen is none: a container's last restart, in the window, is
	 * seen at once (a pod's last termination, a container's start). */
	decide_format_restarts(0, true, b, sizeof(b));
	assert_string_equal(b, "0");
	decide_format_restarts(-1, true, b, sizeof(b));
	assert_string_equal(b, "-");
	/* Cut, but always terminated. */
	assert_int_equal(decide_format_restarts(123, true, b, 3), 2);
	assert_string_equal(b, "12");
	/* Written by hand, digit for digit what "%d%s" gave, to the last int. */
	{
		static const int ns[] = { -5, 0, 1, 9, 10, 99, 100, 4096, 2147483647 };
		char want[16];
		size_t i, cap;
		int k;

		for (i = 0; i < sizeof(ns) / sizeof(ns[0]); i++)
			for (k = 0; k < 2; k++)
				for (cap = 1; cap <= sizeof(b); cap++) {
					size_t len;

					if (ns[i] < 0)
						len = (size_t)snprintf(want, cap, "-");
					else
						len = (size_t)snprintf(want, cap, "%d%s", ns[i],
						    k && ns[i] > 0 ? "+" : "");
					assert_int_equal(decide_format_restarts(ns[i], k, b, cap),
					    len >= cap ? cap - 1 : len);
					assert_string_equal(b, want);
				}
	}
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_string_equal(v.reason, "4+ restarts in 5m \xe2\x89\xa5 3");
	m.restarts = 1;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "below thresholds: error rate 0.1%, p95 100 ms, "
	    "1+ restarts in 5m");
	m.restarts = 0;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "below thresholds: error rate 0.1%, p95 100 ms, "
	    "0 restarts in 5m");
}

/* ---- rules ---- */

static void
verdict_rolls_back_above_five_percent_errors(void **state)
{
	expect(0.079, 420, 0, DECIDE_ROLLBACK, "error rate 7.9% > 5%");
}

static void
each_error_rate_threshold(void **state)
{
	expect(0.03, 100, 0, DECIDE_CONSIDER, "error rate 3% > 2%");
	expect(0.015, 100, 0, DECIDE_MONITOR, "error rate 1.5% > 1%");
	/* Equal is not above: exactly 5% is CONSIDER, not ROLLBACK. */
	expect(0.05, 100, 0, DECIDE_CONSIDER, "error rate 5% > 2%");
	/* Just above: enough digits that the two numbers differ. */
	expect(0.05001, 100, 0, DECIDE_ROLLBACK, "error rate 5.001% > 5%");
	expect(0.1234, 100, 0, DECIDE_ROLLBACK, "error rate 12.3% > 5%");
}

static void
each_p95_threshold(void **state)
{
	expect(0.001, 1500, 0, DECIDE_CONSIDER, "p95 1500 ms > 1000 ms");
	expect(0.001, 2500, 0, DECIDE_ROLLBACK, "p95 2500 ms > 2000 ms");
	expect(0.001, 600.4, 0, DECIDE_MONITOR, "p95 600 ms > 500 ms");
	expect(0.001, 500.2, 0, DECIDE_MONITOR, "p95 500.2 ms > 500 ms");
	expect(0.001, 500, 0, DECIDE_OK, "below thresholds: error rate 0.1%, p95 500 ms, 0 restarts in 5m");
}

/* A limit marked at_or_above fires at the value itself and says so; the
 * others only above it. */
static void
at_or_above_fires_at_the_limit(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = 0.05, .p95_ms = 1000, .restarts = 0 };
	struct decide_verdict v;

	(void)state;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_CONSIDER);
	assert_string_equal(v.reason, "error rate 5% > 2%; p95 1000 ms > 500 ms (monitor)");
	t.at_or_above = WR_TH_GE_ERROR_ROLLBACK | WR_TH_GE_P95_CONSIDER;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_string_equal(v.reason,
	    "error rate 5% \xe2\x89\xa5 5%; p95 1000 ms \xe2\x89\xa5 1000 ms (consider)");
	m.error_rate = 0.0499;
	m.p95_ms = 999;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_CONSIDER);
}

static void
restarts_threshold(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = 0, .p95_ms = 100, .restarts = 1 };
	struct decide_verdict v;

	expect(0.001, 100, 3, DECIDE_ROLLBACK, "3 restarts in 5m \xe2\x89\xa5 3");
	expect(0.001, 100, 2, DECIDE_OK, "below thresholds: error rate 0.1%, p95 100 ms, 2 restarts in 5m");
	t.restarts_rollback = 1;
	t.restarts_window_s = 3600;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_string_equal(v.reason, "1 restart in 1h \xe2\x89\xa5 1");
	/* 0 disables the rule. */
	t.restarts_rollback = 0;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_OK);
}

/* A host with no metrics source at all: restarts, which the driver reads
 * over SSH, still fire the rule as on any host, and the reason says what
 * the verdict rests on; error rate and p95 were never asked for, so they
 * are no "no data" (a failure), and the verdict is never OK. */
static void
a_host_without_metrics_is_judged_on_restarts(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = NAN, .p95_ms = NAN, .restarts = 15,
		.no_metrics = true, .at_s = 1767225600 };
	struct decide_verdict v;

	(void)state;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(decide_level_name(v.level), "ROLLBACK IMMEDIATELY");
	assert_string_equal(v.reason, "15 restarts in 5m \xe2\x89\xa5 3; no metrics configured: "
	    "verdict from restarts only");
	assert_true(decide_first_verdict(&m, &v, 0));
	m.restarts_partial = true;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "15+ restarts in 5m \xe2\x89\xa5 3; no metrics configured: "
	    "verdict from restarts only");

	/* Calm: NO DATA, since OK would be health nobody measured, and the
	 * reason says why rather than "no data for error rate, p95". */
	m.restarts = 0;
	m.restarts_partial = false;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(decide_level_name(v.level), "NO DATA");
	assert_string_equal(v.reason, "0 restarts in 5m; no metrics configured: verdict from "
	    "restarts only");
	assert_null(strstr(v.reason, "no data for"));
	/* The post-mortem reads this NO DATA back as the host's calm. */
	assert_true(decide_reason_restarts_calm(v.reason));
	/* A first verdict at once: no figure will ever come. */
	assert_true(decide_first_verdict(&m, &v, 0));

	/* Restarts not read yet: missing, as on any host. */
	m.restarts = -1;
	m.no_data_why = "k8s-bastion is DOWN";
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(decide_level_name(v.level), "NO DATA");
	assert_string_equal(v.reason, "no data for restarts (k8s-bastion is DOWN); no metrics "
	    "configured: verdict from restarts only");
	assert_false(decide_reason_restarts_calm(v.reason));

	/* A driver that never reports restarts (helm): nothing to judge,
	 * said so, and a verdict all the same. */
	m.no_data_why = NULL;
	m.restarts_unreported = true;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(decide_level_name(v.level), "NO DATA");
	assert_string_equal(v.reason, "no metrics configured and no restart count reported: "
	    "nothing to judge");
	assert_false(decide_reason_restarts_calm(v.reason));
	assert_false(decide_reason_restarts_calm(NULL));
	assert_true(decide_first_verdict(&m, &v, 0));
}

/* Hysteresis as on any host: a ROLLBACK from restarts steps down only
 * after calm checks, each a calm one (no metric missing: none was asked
 * for), to NO DATA; and a host without metrics whose restarts cannot be
 * read holds the level for lack of data, as a host with metrics would. */
static void
a_host_without_metrics_steps_down_after_calm_checks(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = NAN, .p95_ms = NAN, .restarts = 15,
		.no_metrics = true, .at_s = 1767225600 };
	struct decide_verdict v, w;

	(void)state;
	v = decide(&t, &m, NULL, NULL);
	m.restarts = 0;
	m.at_s += 5;
	w = decide(&t, &m, &v, NULL);
	assert_string_equal(decide_level_name(w.level), "ROLLBACK IMMEDIATELY");
	assert_true(w.held);
	assert_false(w.held_no_data);
	assert_string_equal(w.reason, "0 restarts in 5m; no metrics configured: verdict from "
	    "restarts only; held at ROLLBACK IMMEDIATELY (1/2 calm checks)");
	m.at_s += 5;
	v = decide(&t, &m, &w, NULL);
	assert_string_equal(decide_level_name(v.level), "NO DATA");
	assert_false(v.held);

	/* Restarts unread while ROLLBACK: held for missing data. */
	m.restarts = 15;
	v = decide(&t, &m, NULL, NULL);
	m.restarts = -1;
	m.at_s += 5;
	w = decide(&t, &m, &v, NULL);
	assert_string_equal(decide_level_name(w.level), "ROLLBACK IMMEDIATELY");
	assert_true(w.held_no_data);
}

static void
worst_rule_comes_first(void **state)
{
	expect(0.015, 2500, 0, DECIDE_ROLLBACK,
	    "p95 2500 ms > 2000 ms; error rate 1.5% > 1% (monitor)");
	expect(0.03, 600, 4, DECIDE_ROLLBACK,
	    "4 restarts in 5m \xe2\x89\xa5 3; error rate 3% > 2% (consider); "
	    "p95 600 ms > 500 ms (monitor)");
	/* The fixture fleet's bad tag: ~8 % 5xx, p95 1.5 s. */
	expect(0.08, 1500, 0, DECIDE_ROLLBACK,
	    "error rate 8% > 5%; p95 1500 ms > 1000 ms (consider)");
}

static void
ok_says_what_it_measured(void **state)
{
	expect(0.001, 183.3, 0, DECIDE_OK,
	    "below thresholds: error rate 0.1%, p95 183 ms, 0 restarts in 5m");
}

/* ---- no data ---- */

static void
no_data_is_never_ok(void **state)
{
	expect(NAN, NAN, -1, DECIDE_NO_DATA, "no data for error rate, p95, restarts");
	expect(0.001, NAN, 0, DECIDE_NO_DATA,
	    "no data for p95; error rate 0.1%, 0 restarts in 5m");
	expect(NAN, 100, 0, DECIDE_NO_DATA,
	    "no data for error rate; p95 100 ms, 0 restarts in 5m");
}

/* Why a figure is missing goes with the verdict, so the journal's
 * verdict.change says it (a Prometheus timeout, a query matching nothing). */
static void
no_data_says_why(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = NAN, .p95_ms = NAN, .restarts = -1,
		.restarts_unreported = true, .no_data_why = "prometheus: Operation timed out "
		"after 5001 milliseconds with 0 bytes received" };
	struct decide_verdict v = decide(&t, &m, NULL, NULL);

	assert_int_equal(v.level, DECIDE_NO_DATA);
	assert_string_equal(v.reason, "no data for error rate, p95 (prometheus: Operation timed "
	    "out after 5001 milliseconds with 0 bytes received)");
	m.p95_ms = 2500;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_string_equal(v.reason, "p95 2500 ms > 2000 ms; no data for error rate (prometheus: "
	    "Operation timed out after 5001 milliseconds with 0 bytes received)");
	/* Only restarts missing: the metrics' source is not why. */
	m = (struct decide_input){ .error_rate = 0.001, .p95_ms = 120, .restarts = -1,
		.no_data_why = "metrics: HTTP 500" };
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "no data for restarts; error rate 0.1%, p95 120 ms");
	m.no_data_why = "";
	m.error_rate = NAN;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "no data for error rate, restarts; p95 120 ms");
}

/* an error rate of -50% was "OK below thresholds", +Inf "ROLLBACK
 * IMMEDIATELY error rate inf% > 5%". A figure no error rate or latency
 * can be is no data, never OK nor a rule firing; the caller's why, or
 * else its own. */
static void
impossible_figures_are_no_data(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = -0.5, .p95_ms = 120, .restarts = 0 };
	struct decide_verdict v = decide(&t, &m, NULL, NULL);

	assert_int_equal(v.level, DECIDE_NO_DATA);
	assert_string_equal(v.reason, "no data for error rate (an error rate of -50% cannot be); "
	    "p95 120 ms, 0 restarts in 5m");
	m.error_rate = INFINITY;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	assert_string_equal(v.reason, "no data for error rate (an error rate of +Inf% cannot be); "
	    "p95 120 ms, 0 restarts in 5m");
	m.error_rate = 5;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	m = (struct decide_input){ .error_rate = 0.001, .p95_ms = -3, .restarts = 0,
		.no_data_why = "prometheus: the p95 query gave -0.003: not a latency in seconds" };
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	assert_string_equal(v.reason, "no data for p95 (prometheus: the p95 query gave -0.003: "
	    "not a latency in seconds); error rate 0.1%, 0 restarts in 5m");
	m.p95_ms = INFINITY;
	m.no_data_why = NULL;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "no data for p95 (a p95 of +Inf ms cannot be); "
	    "error rate 0.1%, 0 restarts in 5m");
	/* Every request failing, give or take rounding, is a figure. */
	expect(1.0000000000000002, 120, 0, DECIDE_ROLLBACK, "error rate 100% > 5%");
}

static void
unreported_restarts_do_not_block_ok(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = 0.001, .p95_ms = 120, .restarts = -1,
		.restarts_unreported = true };
	struct decide_verdict v = decide(&t, &m, NULL, NULL);

	assert_int_equal(v.level, DECIDE_OK);
	assert_string_equal(v.reason, "below thresholds: error rate 0.1%, p95 120 ms");
	m.restarts_unreported = false;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	/* Before the first two scrapes of a compose host: nothing measured,
	 * and the reason does not end in a dangling separator. */
	m = (struct decide_input){ .error_rate = NAN, .p95_ms = NAN, .restarts = -1,
		.restarts_unreported = true };
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	assert_string_equal(v.reason, "no data for error rate, p95");
}

static void
no_data_does_not_hide_a_firing_rule(void **state)
{
	expect(0.079, NAN, -1, DECIDE_ROLLBACK,
	    "error rate 7.9% > 5%; no data for p95, restarts");
	expect(NAN, 700, 0, DECIDE_MONITOR, "p95 700 ms > 500 ms; no data for error rate");
}

static void
no_data_ranks_between_ok_and_monitor(void **state)
{
	assert_true(DECIDE_OK < DECIDE_NO_DATA);
	assert_true(DECIDE_NO_DATA < DECIDE_MONITOR);
	assert_true(DECIDE_MONITOR < DECIDE_CONSIDER);
	assert_true(DECIDE_CONSIDER < DECIDE_ROLLBACK);
	assert_string_equal(decide_level_name(DECIDE_ROLLBACK), "ROLLBACK IMMEDIATELY");
	assert_string_equal(decide_level_name(DECIDE_CONSIDER), "CONSIDER ROLLBACK");
	assert_string_equal(decide_level_name(DECIDE_MONITOR), "MONITOR");
	assert_string_equal(decide_level_name(DECIDE_NO_DATA), "NO DATA");
	assert_string_equal(decide_level_name(DECIDE_OK), "OK");
}

/* ---- hysteresis ---- */

static void
worse_is_immediate(void **state)
{
	struct decide_verdict v = verdict(0.001, 100, 0, NULL);

	assert_int_equal(v.level, DECIDE_OK);
	v = verdict(0.079, 100, 0, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_string_equal(v.reason, "error rate 7.9% > 5%");
	v = verdict(0.015, 100, 0, NULL);
	v = verdict(0.03, 100, 0, &v);
	assert_int_equal(v.level, DECIDE_CONSIDER);
}

static void
better_needs_calm_checks(void **state)
{
	struct decide_verdict v = verdict(0.079, 100, 0, NULL);

	v = verdict(0.03, 100, 0, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_int_equal(v.raw, DECIDE_CONSIDER);
	assert_int_equal(v.calm, 1);
	assert_string_equal(v.reason,
	    "error rate 3% > 2%; held at ROLLBACK IMMEDIATELY (1/2 calm checks)");
	v = verdict(0.03, 100, 0, &v);
	assert_int_equal(v.level, DECIDE_CONSIDER);
	assert_int_equal(v.calm, 0);
	assert_string_equal(v.reason, "error rate 3% > 2%");
}

static void
a_held_verdict_says_so_first(void **state)
{
	struct decide_verdict v = verdict(0.079, 100, 0, NULL);
	char head[96], why[WR_DECIDE_REASON_MAX + 64];

	/* Back below every threshold, one calm check of two. */
	v = verdict(0, 179, 0, &v);
	assert_true(v.held);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	decide_headline(&v, 80, head, sizeof(head));
	assert_string_equal(head, "ROLLBACK IMMEDIATELY (held: 1/2 calm checks)");
	/* METRICS at 80 columns: 46 cells, "api-1  " before it. */
	decide_headline(&v, 46 - 7, head, sizeof(head));
	assert_string_equal(head, "ROLLBACK IMMEDIATELY (held 1/2)");
	decide_headline(&v, 10, head, sizeof(head));
	assert_string_equal(head, "ROLLBACK IMMEDIATELY");
	decide_reason_shown(&v, why, sizeof(why));
	assert_string_equal(why, "held, 1/2 calm checks: below thresholds: error rate 0%, p95 179 ms, "
	    "0 restarts in 5m");
	/* Not held: the name and the reason as they are. */
	v = verdict(0, 179, 0, &v);
	assert_false(v.held);
	decide_headline(&v, 80, head, sizeof(head));
	assert_string_equal(head, "OK");
	decide_reason_shown(&v, why, sizeof(why));
	assert_string_equal(why, v.reason);
}

static void
within_the_margin_is_not_calm(void **state)
{
	/* 4.8% is below 5% but not 10% below it (4.5%): no progress. */
	struct decide_verdict v = verdict(0.079, 100, 0, NULL);
	int i;

	for (i = 0; i < 5; i++) {
		v = verdict(0.048, 100, 0, &v);
		assert_int_equal(v.level, DECIDE_ROLLBACK);
		assert_int_equal(v.raw, DECIDE_CONSIDER);
		assert_int_equal(v.calm, 0);
	}
	assert_string_equal(v.reason,
	    "error rate 4.8% is not yet below 4.5% (10% under the 5% rollback threshold); "
	    "now error rate 4.8% > 2%; held at ROLLBACK IMMEDIATELY (0/2 calm checks)");
	/* A flap back inside the margin restarts the count. */
	v = verdict(0.03, 100, 0, &v);
	assert_int_equal(v.calm, 1);
	v = verdict(0.048, 100, 0, &v);
	assert_int_equal(v.calm, 0);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	v = verdict(0.03, 100, 0, &v);
	v = verdict(0.03, 100, 0, &v);
	assert_int_equal(v.level, DECIDE_CONSIDER);
}

static void
the_worst_level_of_a_calm_run_wins(void **state)
{
	struct decide_verdict v = verdict(0.079, 100, 0, NULL);

	v = verdict(0.001, 100, 0, &v);        /* would be OK */
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	v = verdict(0.03, 100, 0, &v);         /* CONSIDER */
	assert_int_equal(v.level, DECIDE_CONSIDER);
	v = verdict(0.001, 100, 0, &v);
	v = verdict(0.001, 100, 0, &v);
	assert_int_equal(v.level, DECIDE_OK);
}

/* 2026-01-01 10:02:11 UTC. */
#define T0 1767261731

/* A round at wall clock at_s: NAN no data (a scrape failed: why). */
static struct decide_verdict
round_at(double er, double p95, int restarts, const char *why, int64_t at_s,
    const struct decide_verdict *prev)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = er, .p95_ms = p95, .restarts = restarts,
		.no_data_why = why, .at_s = at_s };

	return decide(&t, &m, prev, NULL);
}

/* helm-bastion: ROLLBACK IMMEDIATELY, then /metrics
 * answers HTTP 302. A failed scrape is not under any threshold: the level
 * stays, said to be held for lack of data since the first failure, the
 * calm run does not start, and the level never changes (so the caller
 * writes no verdict.change) for as long as the hold lasts. */
/* A count from a poll that has since failed is not current: restarts are
 * missing data like a failed scrape's error rate, so no OK rests on it;
 * the reason says what the last good read said and how long ago. */
static void
restarts_from_a_failing_poll_say_how_old(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = 0.001, .p95_ms = 182, .restarts = 0,
		.at_s = T0 + 240, .restarts_read_s = T0 };
	struct decide_verdict v;

	(void)state;
	/* The error rate and p95 still speak (Prometheus read directly while
	 * SSH is down): judged, the counts said as of their last good read. */
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_OK);
	assert_string_equal(v.reason, "below thresholds: error rate 0.1%, p95 182 ms, 0 restarts "
	    "in 5m as of 4m ago (poll failing)");
	/* A crash loop read before the poll failed still fires, saying so. */
	m.restarts = 45;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_non_null(strstr(v.reason, "45 restarts in 5m as of 4m ago (poll failing) \xe2\x89\xa5 3"));
	/* Current counts say nothing of age. */
	m.restarts_read_s = 0;
	v = decide(&t, &m, NULL, NULL);
	assert_null(strstr(v.reason, "poll failing"));
}

static void
missing_data_holds_rollback(void **state)
{
	struct decide_verdict v = round_at(0.0674, 120, 0, "", T0 - 5, NULL);
	char head[160], why[WR_DECIDE_REASON_MAX * 3];
	int i;

	(void)state;
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	for (i = 0; i < 59; i++) {
		v = round_at(NAN, NAN, 0, "metrics: HTTP 302", T0 + 5 * i, &v);
		assert_int_equal(v.level, DECIDE_ROLLBACK);
		assert_int_equal(v.raw, DECIDE_NO_DATA);
		assert_true(v.held);
		assert_true(v.held_no_data);
		assert_int_equal(v.calm, 0);
	}
	assert_string_equal(v.reason, "no data for error rate, p95 (metrics: HTTP 302); "
	    "0 restarts in 5m; held at ROLLBACK IMMEDIATELY (no data since 10:02:11)");
	decide_headline(&v, 80, head, sizeof(head));
	assert_string_equal(head,
	    "ROLLBACK IMMEDIATELY (held: no data since 10:02:11 \xe2\x80\x94 metrics: HTTP 302)");
	decide_headline(&v, 51, head, sizeof(head));
	assert_string_equal(head, "ROLLBACK IMMEDIATELY (held: no data since 10:02:11)");
	decide_headline(&v, 39, head, sizeof(head));
	assert_string_equal(head, "ROLLBACK IMMEDIATELY (held: no data)");
	decide_reason_shown(&v, why, sizeof(why));
	assert_string_equal(why, "held, no data since 10:02:11: before it, error rate 6.74% > 5%; "
	    "now no data for error rate, p95 (metrics: HTTP 302); 0 restarts in 5m");
}

/* Every bad level is held so; OK is not (missing data from OK is NO DATA
 * at once, as before), and NO DATA stays NO DATA. */
static void
missing_data_holds_every_bad_level(void **state)
{
	const double er[] = { 0.03, 0.015 };
	const enum decide_level lvl[] = { DECIDE_CONSIDER, DECIDE_MONITOR };
	struct decide_verdict v;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		v = round_at(er[i], 120, 0, "", T0 - 5, NULL);
		v = round_at(NAN, NAN, 0, "metrics: HTTP 302", T0, &v);
		assert_int_equal(v.level, lvl[i]);
		assert_true(v.held_no_data);
		v = round_at(NAN, NAN, 0, "metrics: HTTP 302", T0 + 60, &v);
		assert_int_equal(v.level, lvl[i]);
	}
	v = round_at(0.001, 120, 0, "", T0 - 5, NULL);
	v = round_at(NAN, NAN, 0, "metrics: HTTP 302", T0, &v);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	assert_false(v.held);
	assert_string_equal(v.reason, "no data for error rate, p95 (metrics: HTTP 302); "
	    "0 restarts in 5m");
	v = round_at(NAN, NAN, 0, "metrics: HTTP 302", T0 + 5, &v);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	assert_false(v.held);
}

/* Held at NO DATA while figures that came back are not calm long enough
 * yet: the reason says why NO DATA (none until then, and the source's
 * failure), never "below thresholds" under NO DATA. */
static void
data_back_says_why_no_data(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_params p = decide_params_default();
	struct decide_input m = { .error_rate = 0.001, .p95_ms = 182, .restarts = 0,
		.at_s = T0 + 5 };
	struct decide_verdict v, w;
	char why[300];

	(void)state;
	v = round_at(NAN, NAN, 0, "metrics: HTTP 502", T0, NULL);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	v = round_at(0.001, 182, 0, "", T0 + 5, &v);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	assert_true(v.held);
	assert_string_equal(v.reason, "no data until 10:02:16 (metrics: HTTP 502); since then "
	    "error rate 0.1%, p95 182 ms, 0 restarts in 5m; held at NO DATA (1/2 calm checks)");
	decide_reason_shown(&v, why, sizeof(why));
	assert_string_equal(why, "held, 1/2 calm checks: no data until 10:02:16 (metrics: "
	    "HTTP 502); since then error rate 0.1%, p95 182 ms, 0 restarts in 5m");
	v = round_at(0.001, 182, 0, "", T0 + 10, &v);
	assert_int_equal(v.level, DECIDE_OK);
	assert_string_equal(v.reason, "below thresholds: error rate 0.1%, p95 182 ms, "
	    "0 restarts in 5m");

	/* A longer run keeps the time the figures came back; a first NO DATA
	 * with no failure said (a rate needs two scrapes) names none. */
	p.calm_checks = 3;
	v = round_at(NAN, NAN, 0, "", T0, NULL);
	w = decide(&t, &m, &v, &p);
	m.at_s = T0 + 10;
	w = decide(&t, &m, &w, &p);
	assert_int_equal(w.level, DECIDE_NO_DATA);
	assert_string_equal(w.reason, "no data until 10:02:16; since then error rate 0.1%, "
	    "p95 182 ms, 0 restarts in 5m; held at NO DATA (2/3 calm checks)");
	m.at_s = T0 + 15;
	w = decide(&t, &m, &w, &p);
	assert_int_equal(w.level, DECIDE_OK);
}

/* One figure missing is as good as none for calm: Prometheus's p95 query
 * failing while the error rate is fine keeps ROLLBACK, and the hold says
 * what the present figure is. */
static void
one_missing_figure_is_not_calm(void **state)
{
	struct decide_verdict v = round_at(0.079, 120, 0, "", T0 - 5, NULL);
	char why[WR_DECIDE_REASON_MAX * 3];

	(void)state;
	v = round_at(0.001, NAN, 0, "prometheus: timeout", T0, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_true(v.held_no_data);
	decide_reason_shown(&v, why, sizeof(why));
	assert_string_equal(why, "held, no data since 10:02:11: before it, error rate 7.9% > 5%; "
	    "now no data for p95 (prometheus: timeout); error rate 0.1%, 0 restarts in 5m");
	/* A missing restart count too. */
	v = round_at(0.079, 120, 0, "", T0, NULL);
	v = round_at(0.001, 120, -1, "", T0 + 5, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_true(v.held_no_data);
}

/* A failed scrape breaks a calm run: the count starts again after it. */
static void
missing_data_breaks_the_calm_run(void **state)
{
	struct decide_verdict v = round_at(0.079, 120, 0, "", T0, NULL);

	(void)state;
	v = round_at(0.001, 120, 0, "", T0 + 5, &v);
	assert_int_equal(v.calm, 1);
	v = round_at(NAN, NAN, 0, "metrics: HTTP 302", T0 + 10, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_int_equal(v.calm, 0);
	v = round_at(0.001, 120, 0, "", T0 + 15, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_false(v.held_no_data);
	assert_int_equal(v.calm, 1);
	assert_string_equal(v.reason, "below thresholds: error rate 0.1%, p95 120 ms, 0 restarts "
	    "in 5m; held at ROLLBACK IMMEDIATELY (1/2 calm checks)");
	v = round_at(0.001, 120, 0, "", T0 + 20, &v);
	assert_int_equal(v.level, DECIDE_OK);
	/* Data back and bad: the level it says, at once. */
	v = round_at(0.079, 120, 0, "", T0, NULL);
	v = round_at(NAN, NAN, 0, "metrics: HTTP 302", T0 + 5, &v);
	v = round_at(0.03, 2500, 0, "", T0 + 10, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_false(v.held);
	assert_string_equal(v.reason, "p95 2500 ms > 2000 ms; error rate 3% > 2% (consider)");
}

/* After five minutes without data the hold gives way to what the data
 * says (NO DATA, never OK), and that change's reason says what it was;
 * from there OK needs its calm checks like any other improvement. */
static void
a_long_hold_gives_way_to_no_data(void **state)
{
	struct decide_verdict v = round_at(0.079, 120, 0, "", T0 - 5, NULL);

	(void)state;
	v = round_at(NAN, NAN, 0, "metrics: HTTP 302", T0, &v);
	v = round_at(NAN, NAN, 0, "metrics: HTTP 302", T0 + 299, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	v = round_at(NAN, NAN, 0, "metrics: HTTP 302", T0 + 300, &v);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	assert_false(v.held);
	assert_string_equal(v.reason, "no data for error rate, p95 (metrics: HTTP 302); "
	    "0 restarts in 5m; no data since 10:02:11 after ROLLBACK IMMEDIATELY");
	v = round_at(NAN, NAN, 0, "metrics: HTTP 302", T0 + 305, &v);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	v = round_at(0.001, 120, 0, "", T0 + 310, &v);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	assert_true(v.held);
	v = round_at(0.001, 120, 0, "", T0 + 315, &v);
	assert_int_equal(v.level, DECIDE_OK);
	/* With a figure still there, to the level it says. */
	v = round_at(0.079, 120, 0, "", T0 - 5, NULL);
	v = round_at(NAN, 700, 0, "prometheus: timeout", T0, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	v = round_at(NAN, 700, 0, "prometheus: timeout", T0 + 300, &v);
	assert_int_equal(v.level, DECIDE_MONITOR);
	/* The caller's hold. */
	{
		struct config_thresholds t = thresholds_default();
		struct decide_params p = decide_params_default();
		struct decide_input m = { .error_rate = NAN, .p95_ms = NAN, .restarts = 0,
			.at_s = T0 };

		assert_int_equal(p.no_data_hold_s, 300);
		p.no_data_hold_s = 50;
		v = round_at(0.079, 120, 0, "", T0 - 5, NULL);
		v = decide(&t, &m, &v, &p);
		m.at_s = T0 + 49;
		v = decide(&t, &m, &v, &p);
		assert_int_equal(v.level, DECIDE_ROLLBACK);
		m.at_s = T0 + 50;
		v = decide(&t, &m, &v, &p);
		assert_int_equal(v.level, DECIDE_NO_DATA);
	}
}

/* Without a clock the hold cannot time out, nor say since when. */
static void
no_clock_holds_without_since(void **state)
{
	struct decide_verdict v = verdict(0.079, 100, 0, NULL);
	char head[96], why[WR_DECIDE_REASON_MAX * 3];
	int i;

	(void)state;
	for (i = 0; i < 200; i++)
		v = verdict(NAN, NAN, -1, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_string_equal(v.reason,
	    "no data for error rate, p95, restarts; held at ROLLBACK IMMEDIATELY (no data)");
	decide_headline(&v, 80, head, sizeof(head));
	assert_string_equal(head, "ROLLBACK IMMEDIATELY (held: no data)");
	decide_reason_shown(&v, why, sizeof(why));
	assert_string_equal(why, "held, no data: before it, error rate 7.9% > 5%; "
	    "now no data for error rate, p95, restarts");
}

/* h1 going down from CONSIDER ROLLBACK: a MONITOR seen
 * on the way keeps the level at MONITOR, and it says it is held there
 * with the calm check already counted, never "below thresholds" bare. */
static void
monitor_on_the_way_down_says_why(void **state)
{
	struct decide_verdict v = verdict(0.03, 245, 0, NULL);
	char why[WR_DECIDE_REASON_MAX + 64];

	(void)state;
	v = verdict(0.015, 245, 0, &v);
	assert_int_equal(v.level, DECIDE_CONSIDER);
	v = verdict(0.0083, 245, 0, &v);
	assert_int_equal(v.level, DECIDE_MONITOR);
	assert_true(v.held);
	assert_int_equal(v.calm, 1);
	assert_string_equal(v.reason, "below thresholds: error rate 0.83%, p95 245 ms, 0 restarts "
	    "in 5m; held at MONITOR (1/2 calm checks)");
	decide_reason_shown(&v, why, sizeof(why));
	assert_string_equal(why, "held, 1/2 calm checks: below thresholds: error rate 0.83%, "
	    "p95 245 ms, 0 restarts in 5m");
	v = verdict(0.0083, 245, 0, &v);
	assert_int_equal(v.level, DECIDE_OK);
	assert_false(v.held);
	/* MONITOR because within the margin of its threshold: held, 0/2. */
	v = verdict(0.03, 245, 0, NULL);
	v = verdict(0.0095, 245, 0, &v);
	v = verdict(0.0095, 245, 0, &v);
	assert_int_equal(v.level, DECIDE_MONITOR);
	assert_true(v.held);
	assert_string_equal(v.reason, "error rate 0.95% is not yet below 0.9% (10% under the 1% "
	    "monitor threshold); now error rate 0.95%, p95 245 ms, 0 restarts in 5m; held at "
	    "MONITOR (0/2 calm checks)");
	/* MONITOR because over its threshold: that threshold, not held. */
	v = verdict(0.03, 245, 0, NULL);
	v = verdict(0.015, 245, 0, &v);
	v = verdict(0.015, 245, 0, &v);
	assert_int_equal(v.level, DECIDE_MONITOR);
	assert_false(v.held);
	assert_string_equal(v.reason, "error rate 1.5% > 1%");
}

/* Below the consider threshold but not by the margin: the check does not
 * count, and the reason says what the figure must get under, not "below
 * thresholds" beside a hold that never moves. */
static void
held_within_the_margin_says_what_to_get_under(void **state)
{
	struct decide_verdict v = verdict(0.025, 182, 0, NULL);
	char why[WR_DECIDE_REASON_MAX + 64];

	(void)state;
	v = verdict(0.0198, 182, 0, &v);
	v = verdict(0.0198, 182, 0, &v);
	assert_int_equal(v.level, DECIDE_CONSIDER);
	assert_int_equal(v.calm, 0);
	decide_reason_shown(&v, why, sizeof(why));
	assert_string_equal(why, "held, 0/2 calm checks: error rate 1.98% is not yet below 1.8% "
	    "(10% under the 2% consider threshold); now error rate 1.98% > 1%");
	/* p95 the same way, in its own unit. */
	v = verdict(0.001, 1500, 0, NULL);
	v = verdict(0.001, 950, 0, &v);
	assert_int_equal(v.level, DECIDE_CONSIDER);
	assert_string_equal(v.reason, "p95 950 ms is not yet below 900 ms (10% under the 1000 ms "
	    "consider threshold); now p95 950 ms > 500 ms; held at "
	    "CONSIDER ROLLBACK (0/2 calm checks)");
}

/* Whatever the path, a level above what the metrics say is held, and a
 * verdict not held never reads "below thresholds" above OK. */
static void
a_level_above_the_metrics_is_always_held(void **state)
{
	const double er[] = { 0.079, 0.0095, 0.03, 0.0083, 0.015, 0.001, 0.048, 0.0083,
		0.0083, 0.021, 0.0019, 0.0095, 0.001, 0.001, 0.06, 0.001, 0.011, 0.001 };
	struct config_thresholds t = thresholds_default();
	struct decide_params p = decide_params_default();
	struct decide_verdict v;
	int c;
	size_t i;

	(void)state;
	for (c = 1; c <= 4; c++) {
		struct decide_input m = { .p95_ms = 120, .restarts = 0 };

		p.calm_checks = c;
		for (i = 0; i < sizeof(er) / sizeof(er[0]); i++) {
			m.error_rate = er[i];
			v = decide(&t, &m, i == 0 ? NULL : &v, &p);
			assert_true(v.level >= v.raw);
			assert_int_equal(v.held, v.level > v.raw);
			if (!v.held && v.level > DECIDE_OK)
				assert_null(strstr(v.reason, "below thresholds"));
		}
	}
}

/* With three calm checks the level is the worst of the last three, and
 * the ones after it count on towards better. */
static void
calm_checks_are_the_last_ones(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_params p = { .margin = 0.10, .calm_checks = 3 };
	struct decide_input m = { .p95_ms = 120, .restarts = 0 };
	struct decide_verdict v;

	(void)state;
	m.error_rate = 0.079;
	v = decide(&t, &m, NULL, &p);
	m.error_rate = 0.015;                   /* MONITOR */
	v = decide(&t, &m, &v, &p);
	m.error_rate = 0.001;                   /* OK */
	v = decide(&t, &m, &v, &p);
	v = decide(&t, &m, &v, &p);
	assert_int_equal(v.level, DECIDE_MONITOR);
	assert_int_equal(v.calm, 2);
	assert_true(v.held);
	v = decide(&t, &m, &v, &p);
	assert_int_equal(v.level, DECIDE_OK);
	assert_false(v.held);
}

static void
params_are_the_callers(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_params p = { .margin = 0, .calm_checks = 3 };
	struct decide_input hot = { .error_rate = 0.079, .p95_ms = 100, .restarts = 0 },
	    edge = { .error_rate = 0.0499, .p95_ms = 100, .restarts = 0 };
	struct decide_verdict v = decide(&t, &hot, NULL, &p);

	assert_true(decide_params_default().margin == WR_DECIDE_MARGIN);
	assert_int_equal(decide_params_default().calm_checks, 2);
	/* With no margin, 4.99% counts as calm; three of them are needed. */
	v = decide(&t, &edge, &v, &p);
	v = decide(&t, &edge, &v, &p);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	v = decide(&t, &edge, &v, &p);
	assert_int_equal(v.level, DECIDE_CONSIDER);
	/* calm_checks 1: the first calm evaluation is enough. */
	p.calm_checks = 1;
	p.margin = 0.10;
	v = decide(&t, &hot, NULL, &p);
	v = decide(&t, &edge, &v, &p);
	assert_int_equal(v.level, DECIDE_ROLLBACK);   /* inside the margin */
	edge.error_rate = 0.03;
	v = decide(&t, &edge, &v, &p);
	assert_int_equal(v.level, DECIDE_CONSIDER);
}

/* ---- too few requests ---- */

/* A round over a known count of requests, with min_requests min (the
 * thresholds otherwise the defaults), at wall clock at_s. */
static struct decide_verdict
sampled(double errors, double requests, int min, double p95, int64_t at_s,
    const struct decide_verdict *prev)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = requests > 0 ? errors / requests : NAN,
		.p95_ms = p95, .restarts = 0, .at_s = at_s, .requests = requests };

	t.min_requests = min;
	return decide(&t, &m, prev, NULL);
}

/* One 500 among 20 requests is "5%", one among 3 "33.3%": neither is a
 * reason to roll back. No level fires, the figure is not missing (a quiet
 * healthy service is OK), and the reason says why it was not judged. */
static void
too_few_requests_fire_nothing(void **state)
{
	struct decide_verdict v;

	(void)state;
	v = sampled(1, 20, 30, 120, T0, NULL);
	assert_int_equal(v.raw, DECIDE_OK);
	assert_string_equal(v.reason, "error rate 5%, p95 120 ms (1 of 20 requests: too few to judge, "
	    "min_requests 30); below thresholds: 0 restarts in 5m");
	v = sampled(1, 3, 10, 120, T0, NULL);
	assert_int_equal(v.raw, DECIDE_OK);
	assert_string_equal(v.reason, "error rate 33.3%, p95 120 ms (1 of 3 requests: too few to judge, "
	    "min_requests 10); below thresholds: 0 restarts in 5m");
	/* Nor is a p95 over them: one slow request of three is no reason
	 * either. */
	v = sampled(1, 3, 10, 1500, T0, NULL);
	assert_int_equal(v.raw, DECIDE_OK);
	assert_string_equal(v.reason, "error rate 33.3%, p95 1500 ms (1 of 3 requests: too few "
	    "to judge, min_requests 10); below thresholds: 0 restarts in 5m");
	/* A missing p95 is still NO DATA. */
	v = sampled(1, 3, 10, NAN, T0, NULL);
	assert_int_equal(v.raw, DECIDE_NO_DATA);
	assert_string_equal(v.reason, "error rate 33.3% (1 of 3 requests: too few to judge, "
	    "min_requests 10); no data for p95; 0 restarts in 5m");
	/* Counts that are expected values (the fixture fleet's). */
	v = sampled(0.4, 8.5, 10, 120, T0, NULL);
	assert_int_equal(v.raw, DECIDE_OK);
	assert_string_equal(v.reason, "error rate 4.71%, p95 120 ms (0.4 of 8.5 requests: too few to "
	    "judge, min_requests 10); below thresholds: 0 restarts in 5m");
}

/* Enough requests: the rule fires as always, and says the count. No
 * requests at all is no error rate, as before. */
static void
enough_requests_are_judged_with_their_count(void **state)
{
	struct decide_verdict v;

	(void)state;
	v = sampled(30, 400, 30, 120, T0, NULL);
	assert_int_equal(v.raw, DECIDE_ROLLBACK);
	assert_string_equal(v.reason, "error rate 7.5% (30 of 400 requests) > 5%");
	/* min_requests itself is enough. */
	v = sampled(1, 30, 30, 120, T0, NULL);
	assert_int_equal(v.raw, DECIDE_CONSIDER);
	assert_string_equal(v.reason, "error rate 3.33% (1 of 30 requests) > 2%");
	v = sampled(0, 0, 30, 120, T0, NULL);
	assert_int_equal(v.raw, DECIDE_NO_DATA);
	assert_string_equal(v.reason, "no data for error rate; p95 120 ms, 0 restarts in 5m");
}

/* A count added up over several scrape intervals says over how long;
 * one interval's (span 0) says nothing more. */
static void
a_count_over_several_intervals_says_its_span(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = 3.0 / 36, .p95_ms = 120, .restarts = 0,
		.at_s = T0, .requests = 36, .span_s = 18.2 };
	struct decide_verdict v;

	(void)state;
	t.min_requests = 10;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "error rate 8.33% (3 of 36 requests, last 18s) > 5%");
	m.error_rate = 0;
	m.requests = 4;
	m.span_s = 300;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "error rate 0%, p95 120 ms (0 of 4 requests, last 5m: too few to judge, "
	    "min_requests 10); below thresholds: 0 restarts in 5m");
	m.span_s = 0;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "error rate 0%, p95 120 ms (0 of 4 requests: too few to judge, "
	    "min_requests 10); below thresholds: 0 restarts in 5m");
}

/* A p95 taken over several scrape intervals says their span, as the
 * error rate does; over too few requests it is said with the count, and
 * without an error rate the count stands alone. */
static void
a_windowed_p95_says_its_span(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = 0, .p95_ms = 1504, .restarts = 0,
		.at_s = T0, .requests = 36, .span_s = 5 };
	struct decide_verdict v;

	(void)state;
	t.min_requests = 10;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.raw, DECIDE_CONSIDER);
	assert_string_equal(v.reason, "p95 1504 ms (last 5s) > 1000 ms");
	m.span_s = 0;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "p95 1504 ms > 1000 ms");
	m.error_rate = NAN;
	m.requests = 4;
	m.span_s = 12;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.raw, DECIDE_NO_DATA);
	assert_string_equal(v.reason, "p95 1504 ms (4 requests, last 12s: too few to judge, "
	    "min_requests 10); no data for error rate; 0 restarts in 5m");
}

/* min_requests 0 is the old rule; so is a count not known (a Prometheus
 * query), which fires without one. */
static void
min_requests_zero_or_no_count_is_the_old_rule(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = 0.05, .p95_ms = 120, .restarts = 0 };
	struct decide_verdict v;

	(void)state;
	v = sampled(1, 3, 0, 120, T0, NULL);
	assert_int_equal(v.raw, DECIDE_ROLLBACK);
	assert_string_equal(v.reason, "error rate 33.3% (1 of 3 requests) > 5%");
	v = sampled(1, 20, 0, 120, T0, NULL);
	assert_int_equal(v.raw, DECIDE_CONSIDER);
	t.min_requests = 30;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.raw, DECIDE_CONSIDER);
	assert_string_equal(v.reason, "error rate 5% > 2%");
	m.requests = NAN;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "error rate 5% > 2%");
}

/* Not judged is not calm: a held bad verdict stays (its run starts over)
 * and says so first, since when. Like missing data, after no_data_hold_s
 * it gives way, to NO DATA rather than OK (nobody judged the error rate),
 * saying what it was; NO DATA then stays, not held, while it is quiet. */
static void
too_few_requests_hold_then_give_way(void **state)
{
	struct decide_verdict v = sampled(30, 400, 10, 120, T0 - 10, NULL);
	char head[80], why[WR_DECIDE_REASON_MAX * 3];
	int i;

	(void)state;
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	v = sampled(0, 400, 10, 120, T0 - 5, &v);
	assert_int_equal(v.calm, 1);
	for (i = 0; i < 60; i++) {
		v = sampled(3, 5, 10, 120, T0 + 5 * i, &v);
		assert_int_equal(v.level, DECIDE_ROLLBACK);
		assert_int_equal(v.raw, DECIDE_OK);
		assert_true(v.held);
		assert_true(v.held_too_few);
		assert_false(v.held_no_data);
		assert_int_equal(v.calm, 0);
	}
	assert_string_equal(v.reason, "error rate 60%, p95 120 ms (3 of 5 requests: too few to judge, "
	    "min_requests 10); below thresholds: 0 restarts in 5m; "
	    "held at ROLLBACK IMMEDIATELY (error rate not judged since 10:02:11)");
	decide_headline(&v, 80, head, sizeof(head));
	assert_string_equal(head, "ROLLBACK IMMEDIATELY (held: error rate not judged since 10:02:11)");
	decide_headline(&v, 60, head, sizeof(head));
	assert_string_equal(head, "ROLLBACK IMMEDIATELY (held: error rate not judged)");
	decide_headline(&v, 45, head, sizeof(head));
	assert_string_equal(head, "ROLLBACK IMMEDIATELY (held: too few requests)");
	decide_reason_shown(&v, why, sizeof(why));
	assert_string_equal(why, "held, error rate not judged since 10:02:11: before it, "
	    "below thresholds: error rate 0%, p95 120 ms, 0 restarts in 5m; "
	    "now error rate 60%, p95 120 ms (3 of 5 requests: too few to judge, "
	    "min_requests 10); below thresholds: 0 restarts in 5m");
	/* Five minutes after the first: NO DATA, which says what it was. */
	v = sampled(3, 5, 10, 120, T0 + 300, &v);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	assert_int_equal(v.raw, DECIDE_OK);
	assert_false(v.held);
	assert_false(v.held_too_few);
	assert_string_equal(v.reason, "error rate 60%, p95 120 ms (3 of 5 requests: too few to judge, "
	    "min_requests 10); 0 restarts in 5m; "
	    "error rate not judged since 10:02:11 after ROLLBACK IMMEDIATELY");
	decide_headline(&v, 80, head, sizeof(head));
	assert_string_equal(head, "NO DATA");
	/* Still quiet: NO DATA, neither held nor timed out again. */
	for (i = 1; i <= 100; i++) {
		v = sampled(0, 2, 10, 120, T0 + 300 + 5 * i, &v);
		assert_int_equal(v.level, DECIDE_NO_DATA);
		assert_false(v.held);
	}
	assert_string_equal(v.reason, "error rate 0%, p95 120 ms (0 of 2 requests: too few to judge, "
	    "min_requests 10); 0 restarts in 5m");
	/* Traffic back: OK after its calm checks, as after missing data. */
	v = sampled(0, 400, 10, 120, T0 + 900, &v);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	assert_true(v.held);
	v = sampled(0, 400, 10, 120, T0 + 905, &v);
	assert_int_equal(v.level, DECIDE_OK);
}

/* The level given way to is what the judged figures say, NO DATA at best,
 * as with a missing error rate; the caller's hold is the limit. */
static void
too_few_requests_give_way_like_a_missing_rate(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_params p = decide_params_default();
	struct decide_input m = { .error_rate = 0, .p95_ms = 1500, .restarts = 0,
		.at_s = T0, .requests = 5 };
	struct decide_verdict v, w;
	int i;

	(void)state;
	/* p95 over the CONSIDER limit, but over the same 5 requests: not
	 * judged either, so NO DATA, not CONSIDER. */
	v = sampled(30, 400, 10, 1500, T0 - 5, NULL);
	v = sampled(0, 5, 10, 1500, T0, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_true(v.held_too_few);
	v = sampled(0, 5, 10, 1500, T0 + 300, &v);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	assert_string_equal(v.reason, "error rate 0%, p95 1500 ms (0 of 5 requests: "
	    "too few to judge, min_requests 10); 0 restarts in 5m; "
	    "error rate not judged since 10:02:11 after ROLLBACK IMMEDIATELY");
	/* The same service with its error rate missing instead reads alike. */
	w = sampled(30, 400, 10, 120, T0 - 5, NULL);
	w = round_at(NAN, 120, 0, "", T0, &w);
	w = round_at(NAN, 120, 0, "", T0 + 300, &w);
	v = sampled(30, 400, 10, 120, T0 - 5, NULL);
	v = sampled(0, 5, 10, 120, T0, &v);
	v = sampled(0, 5, 10, 120, T0 + 300, &v);
	assert_int_equal(v.level, w.level);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	/* no_data_hold_s is the caller's. */
	t.min_requests = 10;
	p.no_data_hold_s = 50;
	v = sampled(30, 400, 10, 120, T0 - 5, NULL);
	v = decide(&t, &m, &v, &p);
	m.p95_ms = 120;
	m.at_s = T0 + 49;
	v = decide(&t, &m, &v, &p);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	m.at_s = T0 + 50;
	v = decide(&t, &m, &v, &p);
	assert_int_equal(v.level, DECIDE_NO_DATA);
	/* Without a clock it cannot time out, nor say since when. */
	m.at_s = 0;
	v = sampled(30, 400, 10, 120, 0, NULL);
	for (i = 0; i < 200; i++)
		v = decide(&t, &m, &v, &p);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_string_equal(v.reason, "error rate 0%, p95 120 ms (0 of 5 requests: too few to judge, "
	    "min_requests 10); below thresholds: 0 restarts in 5m; "
	    "held at ROLLBACK IMMEDIATELY (error rate not judged)");
}

/* Traffic back before the limit: the hold ends through its calm checks,
 * as ever; too few again later starts a new clock. */
static void
too_few_requests_then_traffic_releases_by_calm_checks(void **state)
{
	struct decide_verdict v = sampled(30, 400, 10, 120, T0 - 5, NULL);

	(void)state;
	v = sampled(0, 5, 10, 120, T0, &v);
	v = sampled(0, 5, 10, 120, T0 + 200, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	v = sampled(0, 400, 10, 120, T0 + 290, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_false(v.held_too_few);
	assert_int_equal(v.calm, 1);
	assert_string_equal(v.reason, "below thresholds: error rate 0%, "
	    "p95 120 ms, 0 restarts in 5m; held at ROLLBACK IMMEDIATELY (1/2 calm checks)");
	/* Too few again: the run over, a new clock; the old one is gone. */
	v = sampled(0, 5, 10, 120, T0 + 295, &v);
	assert_int_equal(v.calm, 0);
	v = sampled(0, 5, 10, 120, T0 + 305, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_true(v.held_too_few);
	v = sampled(0, 400, 10, 120, T0 + 310, &v);
	v = sampled(0, 400, 10, 120, T0 + 315, &v);
	assert_int_equal(v.level, DECIDE_OK);
	assert_false(v.held);
}

/* Quiet and never bad stays OK, however long; a hold going on between
 * missing data and too few requests keeps the time it began. */
static void
too_few_requests_keep_ok_and_the_holds_clock(void **state)
{
	struct decide_verdict v = sampled(0, 400, 10, 120, T0 - 5, NULL);
	char why[WR_DECIDE_REASON_MAX * 3];
	int i;

	(void)state;
	for (i = 0; i < 200; i++) {
		v = sampled(0, 3, 10, 120, T0 + 5 * i, &v);
		assert_int_equal(v.level, DECIDE_OK);
		assert_false(v.held);
	}
	v = sampled(30, 400, 10, 120, T0 - 5, NULL);
	v = round_at(NAN, NAN, 0, "metrics: HTTP 302", T0, &v);
	v = sampled(0, 5, 10, 120, T0 + 100, &v);
	assert_true(v.held_too_few);
	decide_reason_shown(&v, why, sizeof(why));
	assert_string_equal(why, "held, error rate not judged since 10:02:11: before it, "
	    "error rate 7.5% (30 of 400 requests) > 5%; now error rate 0%, p95 120 ms (0 of 5 "
	    "requests: too few to judge, min_requests 10); below thresholds: 0 restarts in 5m");
	v = round_at(NAN, NAN, 0, "metrics: HTTP 302", T0 + 200, &v);
	assert_true(v.held_no_data);
	assert_int_equal(v.no_data_since, T0);
	v = sampled(0, 5, 10, 120, T0 + 300, &v);
	assert_int_equal(v.level, DECIDE_NO_DATA);
}

/* ---- formats ---- */

static void
formats(void **state)
{
	char b[32];

	decide_format_percent(0.079, b, sizeof(b));
	assert_string_equal(b, "7.9%");
	decide_format_percent(0.05, b, sizeof(b));
	assert_string_equal(b, "5%");
	decide_format_percent(0.0012, b, sizeof(b));
	assert_string_equal(b, "0.12%");
	decide_format_percent(0, b, sizeof(b));
	assert_string_equal(b, "0%");
	decide_format_percent(1, b, sizeof(b));
	assert_string_equal(b, "100%");
	decide_format_percent(NAN, b, sizeof(b));
	assert_string_equal(b, "no data");
	decide_format_percent(INFINITY, b, sizeof(b));
	assert_string_equal(b, "+Inf%");
	decide_format_ms(1500, b, sizeof(b));
	assert_string_equal(b, "1500 ms");
	decide_format_ms(183.33, b, sizeof(b));
	assert_string_equal(b, "183 ms");
	decide_format_ms(2.5, b, sizeof(b));
	assert_string_equal(b, "2.5 ms");
	decide_format_ms(NAN, b, sizeof(b));
	assert_string_equal(b, "no data");
	decide_format_window(300, b, sizeof(b));
	assert_string_equal(b, "5m");
	decide_format_window(3600, b, sizeof(b));
	assert_string_equal(b, "1h");
	decide_format_window(5400, b, sizeof(b));
	assert_string_equal(b, "1h30m");
	decide_format_window(90, b, sizeof(b));
	assert_string_equal(b, "90s");
	/* Cut, but always terminated. */
	assert_int_equal(decide_format_ms(1500, b, 5), 4);
	assert_string_equal(b, "1500");
}

static void
sparkline(void **state)
{
	const double ramp[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
	const double gaps[] = { 0.08, NAN, 0.04, 0 };
	const double flat[] = { 0, 0, 0 };
	const double inf[] = { 1, INFINITY, 2 };
	char b[64];

	/* No scale given: from 0 to the greatest. */
	assert_int_equal(decide_sparkline(ramp, 8, 0, b, sizeof(b)), 24);
	assert_string_equal(b, "▁▂▃▄▅▆▇█");
	/* No data is a gap that shows, a dot. */
	decide_sparkline(gaps, 4, 0, b, sizeof(b));
	assert_string_equal(b, "█·▅▁");
	decide_sparkline(flat, 3, 0, b, sizeof(b));
	assert_string_equal(b, "▁▁▁");
	decide_sparkline(inf, 3, 0, b, sizeof(b));
	assert_string_equal(b, "▅██");
	/* Only whole characters fit: 7 bytes hold two bars. */
	assert_int_equal(decide_sparkline(ramp, 8, 0, b, 7), 6);
	assert_string_equal(b, "▁▂");
	assert_int_equal(decide_sparkline(ramp, 0, 0, b, sizeof(b)), 0);
	assert_string_equal(b, "");
}

/* Scaled to a threshold: a healthy h2 (p95 181 ms) sits
 * low where it drew a wall; api-1 at 1493 ms stands high; a 1% blip of
 * errors against 5% is a small bump, not a full bar; over it clips. */
static void
sparkline_against_a_threshold(void **state)
{
	const double healthy[] = { 181, 175, 190, 181, 170, 185 };
	const double bad[] = { 1493, 1480, 1510, 1493 };
	const double blip[] = { 0, 0, 0.01, 0, 0 };
	const double over[] = { 0.02, 0.05, 0.079, INFINITY, NAN, 0.05 };
	char b[64];

	(void)state;
	decide_sparkline(healthy, 6, 2000, b, sizeof(b));
	assert_string_equal(b, "▂▂▂▂▂▂");
	decide_sparkline(bad, 4, 2000, b, sizeof(b));
	assert_string_equal(b, "▆▆▆▆");
	decide_sparkline(blip, 5, 0.05, b, sizeof(b));
	assert_string_equal(b, "▁▁▂▁▁");
	decide_sparkline(over, 6, 0.05, b, sizeof(b));
	assert_string_equal(b, "▄███·█");
	/* A NAN or negative scale is no scale. */
	decide_sparkline(blip, 5, NAN, b, sizeof(b));
	assert_string_equal(b, "▁▁█▁▁");
	decide_sparkline(blip, 5, -1, b, sizeof(b));
	assert_string_equal(b, "▁▁█▁▁");
}

static void
sparkline_fits_its_width_newest_last(void **state)
{
	const double ramp[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
	const double spike[] = { 0, 0, 0, 7, 0, 0, NAN, NAN };
	char b[64];

	/* Room for all: one bar each. */
	decide_sparkline_fit(ramp, 8, 10, 0, b, sizeof(b));
	assert_string_equal(b, "▁▂▃▄▅▆▇█");
	/* Four bars for eight values: each the greatest of two, the newest
	 * last (the old sparkline cut the newest off a narrow pane). */
	decide_sparkline_fit(ramp, 8, 4, 0, b, sizeof(b));
	assert_string_equal(b, "▂▄▆█");
	/* A one-sample spike survives; a share with no data is a gap. */
	decide_sparkline_fit(spike, 8, 4, 0, b, sizeof(b));
	assert_string_equal(b, "▁█▁·");
	decide_sparkline_fit(spike, 8, 4, 14, b, sizeof(b));
	assert_string_equal(b, "▁▅▁·");
}

/* ---- taking over recording ---- */

/* two writing consoles, each with its own hysteresis; the one taking
 * over wrote its own held level although nothing changed. It adopts the
 * journal's latest level instead, as far as its metrics allow. */
static void
takeover_adopts_the_journals_level(void **state)
{
	struct decide_verdict bad = verdict(0.06, 120, 0, NULL), mine, v;

	(void)state;
	/* Held at ROLLBACK, 1/2 calm checks here; the other console's run
	 * ended, and the journal says OK. */
	mine = verdict(0.0, 120, 0, &bad);
	assert_int_equal(mine.level, DECIDE_ROLLBACK);
	assert_true(mine.held);
	v = decide_adopt(&mine, DECIDE_OK);
	assert_int_equal(v.level, DECIDE_OK);
	assert_false(v.held);
	assert_string_equal(v.reason, "below thresholds: error rate 0%, p95 120 ms, "
	    "0 restarts in 5m");
	/* No change to write at the next calm round. */
	assert_int_equal(verdict(0.0, 120, 0, &v).level, DECIDE_OK);

	/* The other way: OK here, the journal's recorder held ROLLBACK. Held
	 * here too, its calm run from 0; the run then ends as usual. */
	mine = verdict(0.0, 120, 0, NULL);
	v = decide_adopt(&mine, DECIDE_ROLLBACK);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_true(v.held);
	assert_int_equal(v.calm, 0);
	assert_non_null(strstr(v.reason, "; held at ROLLBACK IMMEDIATELY (0/2 calm checks; "
	    "as the journal's last verdict)"));
	v = verdict(0.0, 120, 0, &v);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_int_equal(verdict(0.0, 120, 0, &v).level, DECIDE_OK);
}

/* Never below what this console's metrics say: that is a change. */
static void
takeover_never_adopts_below_the_metrics(void **state)
{
	struct decide_verdict mine = verdict(0.03, 120, 0, NULL), v;

	(void)state;
	assert_int_equal(mine.level, DECIDE_CONSIDER);
	v = decide_adopt(&mine, DECIDE_OK);
	assert_int_equal(v.level, DECIDE_CONSIDER);
	assert_string_equal(v.reason, mine.reason);
	/* Between: held at the journal's level above the metrics. */
	v = decide_adopt(&mine, DECIDE_ROLLBACK);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_true(v.held);
}

/* A host's first verdict (every host wrote NO DATA, then
 * OK, at the start): a round with a figure, or one a rule fired on, is
 * one; a first round with neither (a rate needs a second scrape) is
 * not; after it, missing data said why, or a third round, is. */
static void
first_verdict_needs_a_figure_or_a_reason(void **state)
{
	struct config_thresholds t = thresholds_default();
	struct decide_input m = { .error_rate = NAN, .p95_ms = NAN, .restarts = 0 };
	struct decide_verdict v = decide(&t, &m, NULL, NULL);

	(void)state;
	assert_int_equal(v.level, DECIDE_NO_DATA);
	assert_false(decide_first_verdict(&m, &v, 0));
	assert_false(decide_first_verdict(&m, &v, 1));
	assert_true(decide_first_verdict(&m, &v, 2));
	m.no_data_why = "metrics: HTTP 401";
	v = decide(&t, &m, NULL, NULL);
	assert_false(decide_first_verdict(&m, &v, 0));
	assert_true(decide_first_verdict(&m, &v, 1));
	/* Restarts need no rates. */
	m.restarts = 4;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_true(decide_first_verdict(&m, &v, 0));
	m = (struct decide_input){ .error_rate = 0.001, .p95_ms = 182, .restarts = 0 };
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_OK);
	assert_true(decide_first_verdict(&m, &v, 0));
	/* One figure is enough: its level is what it says. */
	m.p95_ms = NAN;
	v = decide(&t, &m, NULL, NULL);
	assert_true(decide_first_verdict(&m, &v, 0));
}

/* A journal's NO DATA judged no figures: a console that has them (a
 * resumed one, say) is not held at NO DATA by it; its verdict is a
 * change to write. */
static void
adopting_no_data_holds_nothing(void **state)
{
	struct decide_verdict mine = verdict(0.001, 120, 0, NULL), v;

	(void)state;
	v = decide_adopt(&mine, DECIDE_NO_DATA);
	assert_int_equal(v.level, DECIDE_OK);
	assert_false(v.held);
	assert_string_equal(v.reason, mine.reason);
	mine = verdict(NAN, NAN, 0, NULL);
	assert_int_equal(decide_adopt(&mine, DECIDE_NO_DATA).level, DECIDE_NO_DATA);
}

static void
level_names_parse_back(void **state)
{
	enum decide_level l = DECIDE_OK, got;

	(void)state;
	for (l = DECIDE_OK; l <= DECIDE_ROLLBACK; l++) {
		assert_true(decide_level_parse(decide_level_name(l), &got));
		assert_int_equal(got, l);
	}
	assert_false(decide_level_parse("ROLLBACK", &got));
	assert_false(decide_level_parse(NULL, &got));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(verdict_rolls_back_above_five_percent_errors),
		cmocka_unit_test(restarts_verdict_names_the_service_restarting),
		cmocka_unit_test(metrics_verdict_stays_the_hosts),
		cmocka_unit_test(impossible_figures_are_no_data),
		cmocka_unit_test(takeover_adopts_the_journals_level),
		cmocka_unit_test(takeover_never_adopts_below_the_metrics),
		cmocka_unit_test(adopting_no_data_holds_nothing),
		cmocka_unit_test(first_verdict_needs_a_figure_or_a_reason),
		cmocka_unit_test(data_back_says_why_no_data),
		cmocka_unit_test(level_names_parse_back),
		cmocka_unit_test(each_error_rate_threshold),
		cmocka_unit_test(each_p95_threshold),
		cmocka_unit_test(restarts_threshold),
		cmocka_unit_test(a_host_without_metrics_is_judged_on_restarts),
		cmocka_unit_test(a_host_without_metrics_steps_down_after_calm_checks),
		cmocka_unit_test(restarts_before_a_whole_window_are_at_least),
		cmocka_unit_test(at_or_above_fires_at_the_limit),
		cmocka_unit_test(worst_rule_comes_first),
		cmocka_unit_test(ok_says_what_it_measured),
		cmocka_unit_test(no_data_is_never_ok),
		cmocka_unit_test(no_data_says_why),
		cmocka_unit_test(no_data_does_not_hide_a_firing_rule),
		cmocka_unit_test(unreported_restarts_do_not_block_ok),
		cmocka_unit_test(no_data_ranks_between_ok_and_monitor),
		cmocka_unit_test(worse_is_immediate),
		cmocka_unit_test(better_needs_calm_checks),
		cmocka_unit_test(within_the_margin_is_not_calm),
		cmocka_unit_test(held_within_the_margin_says_what_to_get_under),
		cmocka_unit_test(the_worst_level_of_a_calm_run_wins),
		cmocka_unit_test(restarts_from_a_failing_poll_say_how_old),
		cmocka_unit_test(missing_data_holds_rollback),
		cmocka_unit_test(missing_data_holds_every_bad_level),
		cmocka_unit_test(one_missing_figure_is_not_calm),
		cmocka_unit_test(missing_data_breaks_the_calm_run),
		cmocka_unit_test(a_long_hold_gives_way_to_no_data),
		cmocka_unit_test(no_clock_holds_without_since),
		cmocka_unit_test(monitor_on_the_way_down_says_why),
		cmocka_unit_test(a_level_above_the_metrics_is_always_held),
		cmocka_unit_test(calm_checks_are_the_last_ones),
		cmocka_unit_test(a_held_verdict_says_so_first),
		cmocka_unit_test(params_are_the_callers),
		cmocka_unit_test(too_few_requests_fire_nothing),
		cmocka_unit_test(enough_requests_are_judged_with_their_count),
		cmocka_unit_test(a_count_over_several_intervals_says_its_span),
		cmocka_unit_test(a_windowed_p95_says_its_span),
		cmocka_unit_test(min_requests_zero_or_no_count_is_the_old_rule),
		cmocka_unit_test(too_few_requests_hold_then_give_way),
		cmocka_unit_test(too_few_requests_give_way_like_a_missing_rate),
		cmocka_unit_test(too_few_requests_then_traffic_releases_by_calm_checks),
		cmocka_unit_test(too_few_requests_keep_ok_and_the_holds_clock),
		cmocka_unit_test(formats),
		cmocka_unit_test(sparkline),
		cmocka_unit_test(sparkline_against_a_threshold),
		cmocka_unit_test(sparkline_fits_its_width_newest_last),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
