/*
 * test_badrel.c — the releases an incident judged bad: a rollback's from
 * (never its to), the tags a host ran when its verdict turned bad (not
 * while it stayed bad after a rollback); who still runs one, helm's
 * "1.5.0-bad" the same release as "v1.5.0-bad"; not known is -1; why a
 * tag is bad for one service, on any host, said with where and when.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "warroom/badrel.h"

static void
fold_at(struct badrel *b, const char *kind, const char *host, const char *data, int64_t ts_ms)
{
	cJSON *d = cJSON_Parse(data);

	assert_non_null(d);
	badrel_fold(b, kind, host, d, ts_ms);
	cJSON_Delete(d);
}

static void
fold(struct badrel *b, const char *kind, const char *host, const char *data)
{
	fold_at(b, kind, host, data, 0);
}

/* A runbook or a typed answer names a release by its image tag, helm by
 * the chart's appVersion: one comparison says they are the same when they
 * differ only by a leading v (or +build), and nothing fuzzier. */
static void
a_leading_v_is_no_other_release(void **state)
{
	(void)state;
	assert_true(badrel_same("v1.4.1", "1.4.1"));
	assert_true(badrel_same("1.4.1", "1.4.1"));
	assert_true(badrel_same("v1.4.1", "v1.4.1"));
	assert_true(badrel_same("1.4.1", "v1.4.1"));
	assert_true(badrel_same("1.5.0-bad", "v1.5.0-bad"));
	assert_true(badrel_same("V1.4.1", "1.4.1"));
	assert_true(badrel_same("latest", "latest"));
	assert_false(badrel_same("v1.4.1", "1.4.10"));
	assert_false(badrel_same("v1.4", "1.4.1"));
	assert_false(badrel_same("vv1.4.1", "v1.4.1"));
	assert_false(badrel_same("vnext", "next"));
	assert_false(badrel_same("v1.4.1", "1.4.1-rc1"));
	assert_false(badrel_same("v", ""));
	assert_false(badrel_same("", ""));
	assert_false(badrel_same(NULL, "v1.4.1"));
}

static void
a_turn_to_bad_judges_what_the_host_ran(void **state)
{
	struct badrel b = { 0 };

	(void)state;
	fold(&b, "health.change", "api-1", "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\"}");
	fold(&b, "health.change", "api-1", "{\"service\":\"jobs\",\"tag\":\"v1.5.0-bad\"}");
	fold(&b, "health.change", "k8s", "{\"service\":\"api\",\"tag\":\"v1.4.1\"}");
	/* Nothing judged yet: not known, never "runs none". */
	assert_int_equal(badrel_host_runs_bad(&b, "api-1"), -1);
	fold(&b, "verdict.change", "api-1", "{\"verdict\":\"ROLLBACK IMMEDIATELY\"}");
	assert_true(badrel_is_bad(&b, "v1.5.0-bad"));
	assert_true(badrel_is_bad(&b, "1.5.0-bad"));
	assert_false(badrel_is_bad(&b, "v1.4.1"));
	assert_int_equal(badrel_host_runs_bad(&b, "api-1"), 1);
	assert_int_equal(badrel_host_runs_bad(&b, "k8s"), 0);
	assert_int_equal(badrel_host_runs_bad(&b, "helm"), -1);
	/* api rolled back; jobs still on the bad release. */
	fold(&b, "action.intent", "api-1", "{\"action\":\"compose.rollback\",\"plan\":"
	    "{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	fold(&b, "health.change", "api-1", "{\"service\":\"api\",\"tag\":\"v1.4.1\"}");
	assert_int_equal(badrel_host_runs_bad(&b, "api-1"), 1);
	fold(&b, "health.change", "api-1", "{\"service\":\"jobs\",\"tag\":\"v1.4.1\"}");
	assert_int_equal(badrel_host_runs_bad(&b, "api-1"), 0);
	/* Still bad after the rollback (the rate window), a new level: no
	 * turn, so v1.4.1 is not judged; nor could it be, rolled back to. */
	fold(&b, "verdict.change", "api-1", "{\"verdict\":\"CONSIDER ROLLBACK\"}");
	assert_false(badrel_is_bad(&b, "v1.4.1"));
	/* A helm host deploys it again outside: it runs it. */
	fold(&b, "health.change", "helm", "{\"service\":\"api\",\"tag\":\"1.5.0-bad\"}");
	assert_int_equal(badrel_host_runs_bad(&b, "helm"), 1);
	badrel_free(&b);
}

static void
a_rollback_alone_judges_its_from(void **state)
{
	struct badrel b = { 0 };

	(void)state;
	fold(&b, "health.change", "h1", "{\"service\":\"api\",\"tag\":\"v2\"}");
	fold(&b, "action.intent", "h1", "{\"action\":\"rollback\",\"plan\":{\"service\":\"api\","
	    "\"from\":\"v2\",\"to\":\"v1\"}}");
	assert_true(badrel_is_bad(&b, "v2"));
	assert_false(badrel_is_bad(&b, "v1"));
	assert_int_equal(badrel_host_runs_bad(&b, "h1"), 1);
	/* A re-read that could not read the tag says nothing of it. */
	fold(&b, "health.change", "h1", "{\"service\":\"api\",\"tag_reread\":false}");
	assert_int_equal(badrel_host_runs_bad(&b, "h1"), 1);
	/* A kill switch is no rollback. */
	fold(&b, "action.intent", "h1", "{\"action\":\"compose.killswitch\",\"plan\":"
	    "{\"from\":\"EXPORT_MODE=on\",\"to\":\"EXPORT_MODE=off\"}}");
	assert_false(badrel_is_bad(&b, "EXPORT_MODE=on"));
	badrel_free(&b);
}

/* k8s-bastion rolled api back from v1.5.0-bad; api-1 (compose) runs
 * v1.5.1-bad. The release is bad for api on every host, whatever the
 * driver spells it, and the words say where and when. */
static void
why_a_tag_is_bad_for_a_service(void **state)
{
	/* 2026-11-26 18:31:05 UTC and 18:20:00 UTC. */
	const int64_t t1831 = 1795717865000LL, t1820 = 1795717200000LL;
	const struct badrel_why *w, *all[8];
	struct badrel b = { 0 };
	char words[160];

	(void)state;
	fold_at(&b, "health.change", "api-1", "{\"service\":\"jobs\",\"tag\":\"v2-jobs\"}", 0);
	fold_at(&b, "verdict.change", "api-1", "{\"verdict\":\"CONSIDER ROLLBACK\"}", t1820);
	fold_at(&b, "action.intent", "k8s-bastion", "{\"action\":\"k8s.undo\",\"plan\":"
	    "{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}", t1831);
	w = badrel_why(&b, "api", "1.5.0-bad");
	assert_non_null(w);
	assert_string_equal(w->host, "k8s-bastion");
	badrel_why_words(w, words, sizeof(words));
	assert_string_equal(words, "rolled back from on k8s-bastion at 18:31");
	/* Standing alone after the tag, its "from" keeps its object. */
	badrel_why_alone(w, words, sizeof(words));
	assert_string_equal(words, "k8s-bastion rolled back from it at 18:31");
	/* Alone after a target (a k8s revision of another host read
	 * "(rolled back from on h7 at 04:02)"): the tag and where, in full. */
	badrel_mark_words(w, NULL, words, sizeof(words));
	assert_string_equal(words, "k8s-bastion rolled back from v1.5.0-bad at 18:31");
	assert_null(badrel_why(&b, "api", "v1.4.1"));
	/* Bad for jobs (its host's verdict turned), not for api. */
	assert_null(badrel_why(&b, "api", "v2-jobs"));
	w = badrel_why(&b, "jobs", "v2-jobs");
	assert_non_null(w);
	badrel_why_words(w, words, sizeof(words));
	assert_string_equal(words, "judged bad: api-1 ran it when its verdict turned CONSIDER "
	    "ROLLBACK at 18:20");
	badrel_mark_words(w, NULL, words, sizeof(words));
	assert_string_equal(words, "judged bad: api-1 ran v2-jobs when its verdict turned "
	    "CONSIDER ROLLBACK at 18:20");
	assert_int_equal(badrel_bad_of(&b, NULL, "api", all, 8), 1);
	assert_string_equal(all[0]->tag, "v1.5.0-bad");
	/* The target rolled back from later on another host: bad again. */
	fold_at(&b, "action.intent", "helm-bastion", "{\"action\":\"helm.rollback\",\"plan\":"
	    "{\"service\":\"api\",\"from\":\"1.4.1\",\"to\":\"1.4.0\"}}", t1831 + 60000);
	assert_true(badrel_is_bad(&b, "v1.4.1"));
	assert_int_equal(badrel_bad_of(&b, NULL, "api", all, 8), 2);
	assert_string_equal(all[1]->host, "helm-bastion");
	badrel_free(&b);
}

/* A release judged bad before a deploy of it, or only after: helm-bastion
 * leaving 1.5.0-bad for 1.6.0, judged bad later, is no redeploy of
 * either. */
static void
judged_before_a_deploy_or_only_after(void **state)
{
	struct badrel b = { 0 };

	(void)state;
	fold_at(&b, "health.change", "api-1", "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\"}", 1000);
	fold_at(&b, "verdict.change", "api-1", "{\"verdict\":\"ROLLBACK IMMEDIATELY\"}", 5000);
	fold_at(&b, "health.change", "helm", "{\"service\":\"api\",\"tag\":\"1.6.0\"}", 30000);
	fold_at(&b, "verdict.change", "helm", "{\"verdict\":\"CONSIDER ROLLBACK\"}", 60000);
	assert_non_null(badrel_why_before(&b, "api", "1.5.0-bad", 30000));
	assert_null(badrel_why_before(&b, "api", "1.5.0-bad", 5000));
	assert_null(badrel_why_before(&b, "api", "1.6.0", 30000));
	assert_non_null(badrel_why_before(&b, "api", "1.6.0", 60001));
	assert_null(badrel_why_before(&b, "jobs", "1.5.0-bad", 30000));
	badrel_free(&b);
}

/* the new tag's record, which says when it started (22:24:48),
 * journalled after the verdict judged on it (22:24:54): the verdict is
 * that release's, not the good one recorded last; in the old order the
 * same. The rule: the latest release started by then, whenever written. */
static void
a_verdict_judges_the_release_started_before_it(void **state)
{
	const int64_t ms[] = { 0, 27000, 48000, 54000, 63000 };
	int late;

	(void)state;
	for (late = 0; late < 2; late++) {
		struct badrel b = { 0 };
		const struct badrel_why *w;
		const char *bad = "{\"service\":\"api\",\"tag\":\"v1.7.0-bad\","
		    "\"deployed_ms\":48000}";

		fold_at(&b, "health.change", "k8s", "{\"service\":\"api\",\"tag\":\"v1.6.1\","
		    "\"deployed_ms\":27000}", 30000);
		if (!late)
			fold_at(&b, "health.change", "k8s", bad, 50000);
		fold_at(&b, "verdict.change", "k8s", "{\"verdict\":\"ROLLBACK IMMEDIATELY\"}",
		    ms[3]);
		if (late) {
			/* Until the record comes, the verdict's is the tag known. */
			assert_true(badrel_is_bad(&b, "v1.6.1"));
			fold_at(&b, "health.change", "k8s", bad, ms[4]);
		}
		assert_true(badrel_is_bad(&b, "v1.7.0-bad"));
		assert_false(badrel_is_bad(&b, "v1.6.1"));
		assert_int_equal(badrel_host_runs_bad(&b, "k8s"), 1);
		assert_non_null(w = badrel_why(&b, "api", "v1.7.0-bad"));
		assert_int_equal(w->at_ms, ms[3]);
		assert_string_equal(w->verdict, "ROLLBACK IMMEDIATELY");
		assert_null(badrel_why(&b, "api", "v1.6.1"));
		/* A later record of the same tag saying a later start (a
		 * re-created pod) moves nothing. */
		fold_at(&b, "health.change", "k8s", "{\"service\":\"api\",\"tag\":\"v1.7.0-bad\","
		    "\"deployed_ms\":90000}", 91000);
		assert_true(badrel_is_bad(&b, "v1.7.0-bad"));
		badrel_free(&b);
	}
}

/* 2026-11-27 00:00:00 UTC, and a minute of it. */
#define T0 1795737600000LL
#define MIN 60000LL
/* A first reading of v1.4.1, deployed a day before T0, for service %s. */
#define FIRST_READ "{\"service\":\"%s\",\"tag\":\"v1.4.1\",\"first\":true," \
	"\"deployed_ms\":1795651200000}"

/* all hosts on v1.4.1 for a day (compose ps says so at the
 * console's first reading), each judged OK at 00:12; h13's health then
 * fails (a host fault, its tag unchanged) and its verdict swings between
 * CONSIDER ROLLBACK and MONITOR. v1.4.1 was OK there first: no turn of
 * h13 is charged to it. Then v1.5.0-bad goes to h16 alone, which turns
 * bad before any OK under it: that one is. */
static void
a_release_judged_ok_on_its_host_is_not_charged_with_its_fault(void **state)
{
	const struct badrel_why *w;
	struct badrel b = { 0 };
	char data[160];
	int i;

	(void)state;
	snprintf(data, sizeof(data), FIRST_READ, "api");
	fold_at(&b, "health.change", "h13", data, T0 + 12 * MIN);
	fold_at(&b, "health.change", "h16", data, T0 + 12 * MIN);
	snprintf(data, sizeof(data), FIRST_READ, "jobs");
	fold_at(&b, "health.change", "h13", data, T0 + 12 * MIN);
	fold_at(&b, "health.change", "h16", data, T0 + 12 * MIN);
	fold_at(&b, "verdict.change", "h13", "{\"verdict\":\"NO DATA\"}", T0 + 12 * MIN + 1000);
	fold_at(&b, "verdict.change", "h16", "{\"verdict\":\"NO DATA\"}", T0 + 12 * MIN + 1000);
	fold_at(&b, "verdict.change", "h13", "{\"verdict\":\"OK\"}", T0 + 12 * MIN + 11000);
	fold_at(&b, "verdict.change", "h16", "{\"verdict\":\"OK\"}", T0 + 12 * MIN + 11000);
	for (i = 0; i < 3; i++) {
		fold_at(&b, "verdict.change", "h13", "{\"verdict\":\"CONSIDER ROLLBACK\"}",
		    T0 + (14 + 2 * i) * MIN);
		fold_at(&b, "verdict.change", "h13", "{\"verdict\":\"MONITOR\"}",
		    T0 + (15 + 2 * i) * MIN);
	}
	assert_false(badrel_is_bad(&b, "v1.4.1"));
	assert_null(badrel_why(&b, "api", "v1.4.1"));
	assert_int_equal(b.nturns, 3);
	/* Each turn, each service: said as not charged, with the OK first
	 * judged under the release there. */
	assert_int_equal(b.nspared, 6);
	assert_string_equal(b.spared[0].host, "h13");
	assert_string_equal(b.spared[0].tag, "v1.4.1");
	assert_string_equal(b.spared[0].verdict, "CONSIDER ROLLBACK");
	assert_int_equal(b.spared[0].at_ms, T0 + 14 * MIN);
	assert_int_equal(b.spared[0].ok_ms, T0 + 12 * MIN + 11000);
	assert_int_equal(b.spared[5].turn, 3);
	assert_int_equal(b.spared[5].ok_ms, T0 + 12 * MIN + 11000);
	/* The bad release on h16: deployed, bad before any OK under it. */
	fold_at(&b, "health.change", "h16", "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\","
	    "\"was_tag\":\"v1.4.1\",\"deployed_ms\":1795738379000}", T0 + 13 * MIN);
	fold_at(&b, "verdict.change", "h16", "{\"verdict\":\"ROLLBACK IMMEDIATELY\"}",
	    T0 + 13 * MIN + 5000);
	assert_true(badrel_is_bad(&b, "v1.5.0-bad"));
	assert_non_null(w = badrel_why(&b, "api", "v1.5.0-bad"));
	assert_string_equal(w->host, "h16");
	/* h16's jobs stayed on v1.4.1, OK there since 00:12: not charged. */
	assert_false(badrel_is_bad(&b, "v1.4.1"));
	assert_null(badrel_why(&b, "jobs", "v1.4.1"));
	assert_int_equal(badrel_host_runs_bad(&b, "h16"), 1);
	assert_int_equal(badrel_host_runs_bad(&b, "h13"), 0);
	/* A turn charged to no release is the host's own: the post-mortem's
	 * recovery does not wait for it. One charged for any service is not. */
	assert_true(badrel_spared_turn(&b, "h13", NULL, T0 + 14 * MIN));
	assert_false(badrel_turn_charged(&b, "h13", NULL, T0 + 14 * MIN));
	assert_true(badrel_spared_turn(&b, "h13", NULL, T0 + 18 * MIN));
	assert_false(badrel_spared_turn(&b, "h16", NULL, T0 + 13 * MIN + 5000));
	assert_false(badrel_spared_turn(&b, "h13", NULL, T0 + 15 * MIN));
	assert_false(badrel_spared_turn(&b, "h13", "api", T0 + 14 * MIN));
	badrel_free(&b);
}

/* Why a host's exports are a leak, in words: which of its services runs
 * a release judged bad ("h1: still exports" with no reason; its
 * api was rolled back, jobs was not). */
/* Whether a host still runs what it ran at a time: a restart of the same
 * tag is the same release; another tag, or the first back again, is not. */
static void
the_same_release_since_a_time(void **state)
{
	struct badrel b = { 0 };

	(void)state;
	assert_true(badrel_host_same_since(&b, "h1", 1000));
	fold_at(&b, "health.change", "h1", "{\"service\":\"api\",\"tag\":\"v1\","
	    "\"deployed_ms\":500}", 600);
	fold_at(&b, "health.change", "h1", "{\"service\":\"jobs\",\"tag\":\"v1\"}", 2000);
	/* jobs first read later: taken as what it ran at 1000. */
	assert_true(badrel_host_same_since(&b, "h1", 1000));
	fold_at(&b, "health.change", "h1", "{\"service\":\"api\",\"tag\":\"v1\","
	    "\"deployed_ms\":2500}", 2600);
	assert_true(badrel_host_same_since(&b, "h1", 1000));
	fold_at(&b, "health.change", "h1", "{\"service\":\"jobs\",\"tag\":\"v2\","
	    "\"deployed_ms\":3050}", 3100);
	assert_false(badrel_host_same_since(&b, "h1", 1000));
	assert_true(badrel_host_same_since(&b, "h1", 3500));
	assert_true(badrel_host_same_since(&b, "h2", 1000));
	fold_at(&b, "health.change", "h1", "{\"service\":\"jobs\",\"tag\":\"v1\","
	    "\"deployed_ms\":4050}", 4100);
	assert_false(badrel_host_same_since(&b, "h1", 1000));
	badrel_free(&b);
}

static void
the_services_a_host_runs_bad_in_words(void **state)
{
	struct badrel b = { 0 };
	char buf[120];

	(void)state;
	fold(&b, "health.change", "h1", "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\"}");
	fold(&b, "health.change", "h1", "{\"service\":\"jobs\",\"tag\":\"v1.5.0-bad\"}");
	fold(&b, "health.change", "h2", "{\"service\":\"api\",\"tag\":\"v1.4.1\"}");
	assert_int_equal(badrel_host_bad_words(&b, "h1", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
	fold(&b, "action.intent", "h1", "{\"action\":\"compose.rollback\",\"plan\":"
	    "{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}");
	assert_int_equal(badrel_host_bad_words(&b, "h1", buf, sizeof(buf)), 2);
	assert_string_equal(buf, "api runs v1.5.0-bad, jobs runs v1.5.0-bad");
	fold(&b, "health.change", "h1", "{\"service\":\"api\",\"tag\":\"v1.4.1\"}");
	assert_int_equal(badrel_host_bad_words(&b, "h1", buf, sizeof(buf)), 1);
	assert_string_equal(buf, "jobs runs v1.5.0-bad");
	assert_int_equal(badrel_host_bad_words(&b, "h2", buf, sizeof(buf)), 0);
	assert_int_equal(badrel_host_bad_words(&b, "h9", buf, sizeof(buf)), 0);
	/* Cut to the buffer, never past it. */
	assert_int_equal(badrel_host_bad_words(&b, "h1", buf, 8), 1);
	assert_string_equal(buf, "jobs ru");
	badrel_free(&b);
}

/* The status page names the rollback from a release its own host's
 * verdict judged: a spared turn judged nothing, a rollback is no verdict,
 * and only a turn at or before the given time counts. */
static void
judged_by_a_verdict_on_one_host(void **state)
{
	const struct badrel_why *w;
	struct badrel b = { 0 };

	(void)state;
	fold_at(&b, "health.change", "h13", "{\"service\":\"api\",\"tag\":\"v1.4.1\"}", T0);
	fold_at(&b, "verdict.change", "h13", "{\"verdict\":\"OK\"}", T0 + MIN);
	fold_at(&b, "verdict.change", "h13", "{\"verdict\":\"CONSIDER ROLLBACK\"}",
	    T0 + 2 * MIN);
	fold_at(&b, "action.intent", "h13", "{\"action\":\"compose.rollback\",\"plan\":"
	    "{\"service\":\"api\",\"from\":\"v1.4.1\",\"to\":\"v1.4.0\"}}", T0 + 3 * MIN);
	assert_true(badrel_is_bad(&b, "v1.4.1"));
	assert_null(badrel_verdict_judged(&b, "h13", "api", "v1.4.1", T0 + 3 * MIN));
	fold_at(&b, "health.change", "h16", "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\"}",
	    T0 + 4 * MIN);
	fold_at(&b, "verdict.change", "h16", "{\"verdict\":\"ROLLBACK IMMEDIATELY\"}",
	    T0 + 5 * MIN);
	w = badrel_verdict_judged(&b, "h16", "api", "1.5.0-bad", T0 + 5 * MIN);
	assert_non_null(w);
	assert_string_equal(w->verdict, "ROLLBACK IMMEDIATELY");
	assert_int_equal(w->at_ms, T0 + 5 * MIN);
	assert_null(badrel_verdict_judged(&b, "h16", "api", "v1.5.0-bad", T0 + 4 * MIN));
	assert_null(badrel_verdict_judged(&b, "h13", "api", "v1.5.0-bad", T0 + 6 * MIN));
	assert_null(badrel_verdict_judged(&b, "h16", "jobs", "v1.5.0-bad", T0 + 6 * MIN));
	badrel_free(&b);
}

/* A canary: the bad release on one host, the others on the old one and
 * OK. The canary's turn is charged to the new release, never to the old
 * one it ran OK before, also while the new tag's record comes only after
 * the verdict (a slow read). Another host running the new release with
 * OK at the same time does not clear it: a release may fail on one host
 * only (its traffic, its data) and still be the cause there. */
static void
a_canary_charges_the_new_release_only(void **state)
{
	const char *bad = "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\",\"was_tag\":\"v1.4.1\","
	    "\"deployed_ms\":1795738500000}";          /* 00:15:00 */
	int late;

	(void)state;
	for (late = 0; late < 2; late++) {
		struct badrel b = { 0 };
		const char *h[] = { "h1", "h2", "h3" };
		size_t i;

		for (i = 0; i < 3; i++) {
			fold_at(&b, "health.change", h[i], "{\"service\":\"api\",\"tag\":\"v1.4.1\","
			    "\"first\":true}", T0 + 10 * MIN);
			fold_at(&b, "verdict.change", h[i], "{\"verdict\":\"OK\"}", T0 + 11 * MIN);
		}
		/* h3 got it too, and stays OK. */
		fold_at(&b, "health.change", "h3", bad, T0 + 15 * MIN + 2000);
		if (!late)
			fold_at(&b, "health.change", "h2", bad, T0 + 15 * MIN + 2000);
		fold_at(&b, "verdict.change", "h2", "{\"verdict\":\"ROLLBACK IMMEDIATELY\"}",
		    T0 + 15 * MIN + 20000);
		if (late) {
			/* Until the new tag is read, the turn has no release to charge:
			 * v1.4.1 was OK on h2. */
			assert_false(badrel_is_bad(&b, "v1.4.1"));
			assert_int_equal(b.nspared, 1);
			fold_at(&b, "health.change", "h2", bad, T0 + 15 * MIN + 30000);
		}
		assert_true(badrel_is_bad(&b, "v1.5.0-bad"));
		assert_false(badrel_is_bad(&b, "v1.4.1"));
		assert_int_equal(b.nspared, 0);
		assert_int_equal(badrel_host_runs_bad(&b, "h1"), 0);
		assert_int_equal(badrel_host_runs_bad(&b, "h2"), 1);
		assert_int_equal(badrel_host_runs_bad(&b, "h3"), 1);
		badrel_free(&b);
	}
}

/* Deployed, then bad before any OK under it (MONITOR on the way, NO
 * DATA in between): charged as before. An OK judged under the release
 * before it turned (after NO DATA too) clears it; an OK before the
 * deploy, under the old release, does not. */
static void
a_release_bad_before_any_ok_under_it_is_charged(void **state)
{
	struct badrel b = { 0 };

	(void)state;
	fold_at(&b, "health.change", "h1", "{\"service\":\"api\",\"tag\":\"v1.4.1\"}", T0);
	fold_at(&b, "verdict.change", "h1", "{\"verdict\":\"OK\"}", T0 + MIN);
	fold_at(&b, "health.change", "h1", "{\"service\":\"api\",\"tag\":\"v1.6.0\","
	    "\"was_tag\":\"v1.4.1\"}", T0 + 2 * MIN);
	fold_at(&b, "verdict.change", "h1", "{\"verdict\":\"MONITOR\"}", T0 + 3 * MIN);
	fold_at(&b, "verdict.change", "h1", "{\"verdict\":\"NO DATA\"}", T0 + 4 * MIN);
	fold_at(&b, "verdict.change", "h1", "{\"verdict\":\"CONSIDER ROLLBACK\"}", T0 + 5 * MIN);
	assert_true(badrel_is_bad(&b, "v1.6.0"));
	assert_int_equal(b.nspared, 0);
	/* v1.7.0 judged OK there, then NO DATA, then bad: not charged. */
	fold_at(&b, "health.change", "h1", "{\"service\":\"api\",\"tag\":\"v1.7.0\","
	    "\"was_tag\":\"v1.6.0\"}", T0 + 6 * MIN);
	fold_at(&b, "verdict.change", "h1", "{\"verdict\":\"OK\"}", T0 + 8 * MIN);
	fold_at(&b, "verdict.change", "h1", "{\"verdict\":\"NO DATA\"}", T0 + 9 * MIN);
	fold_at(&b, "verdict.change", "h1", "{\"verdict\":\"ROLLBACK IMMEDIATELY\"}",
	    T0 + 10 * MIN);
	assert_false(badrel_is_bad(&b, "v1.7.0"));
	assert_int_equal(b.nspared, 1);
	assert_int_equal(b.spared[0].ok_ms, T0 + 8 * MIN);
	assert_true(badrel_is_bad(&b, "v1.6.0"));
	badrel_free(&b);
}

/* The console started while the host was already bad: the journal has
 * no verdict under the release before the turn (NO DATA first, or the
 * bad verdict at once), so nothing says it was fine there: charged. */
static void
a_host_already_bad_at_the_first_reading_is_charged(void **state)
{
	int direct;

	(void)state;
	for (direct = 0; direct < 2; direct++) {
		struct badrel b = { 0 };

		fold_at(&b, "health.change", "h13", "{\"service\":\"api\",\"tag\":\"v1.4.1\","
		    "\"first\":true,\"deployed_ms\":1795651200000}", T0 + 12 * MIN);
		if (!direct)
			fold_at(&b, "verdict.change", "h13", "{\"verdict\":\"NO DATA\"}",
			    T0 + 12 * MIN + 1000);
		fold_at(&b, "verdict.change", "h13", "{\"verdict\":\"CONSIDER ROLLBACK\"}",
		    T0 + 12 * MIN + 11000);
		assert_true(badrel_is_bad(&b, "v1.4.1"));
		assert_non_null(badrel_why(&b, "api", "v1.4.1"));
		assert_int_equal(b.nspared, 0);
		/* An OK after the turn, then a turn again: that one is not. */
		fold_at(&b, "verdict.change", "h13", "{\"verdict\":\"OK\"}", T0 + 14 * MIN);
		fold_at(&b, "verdict.change", "h13", "{\"verdict\":\"CONSIDER ROLLBACK\"}",
		    T0 + 15 * MIN);
		assert_int_equal(b.nspared, 1);
		assert_true(badrel_is_bad(&b, "v1.4.1"));
		badrel_free(&b);
	}
}

/* The rule itself: the latest start at or before the time, in whatever
 * order journalled; none started: -1. */
static void
the_release_running_at_a_time(void **state)
{
	struct badrel_run *v = NULL;
	size_t n = 0;

	(void)state;
	badrel_runs_add(&v, &n, "v1", 10);
	badrel_runs_add(&v, &n, "v1", 5);
	badrel_runs_add(&v, &n, "v2", 40);
	badrel_runs_add(&v, &n, "v2", 60);
	badrel_runs_add(&v, &n, "v3", 30);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].start_ms, 5);
	assert_int_equal(badrel_running_at(v, n, 4), -1);
	assert_int_equal(badrel_running_at(v, n, 5), 0);
	assert_int_equal(badrel_running_at(v, n, 35), 2);
	assert_int_equal(badrel_running_at(v, n, 40), 1);
	badrel_runs_free(v, n);
}

/* CI: a rollback's container created at 35.9 s is told as 35 s by
 * compose ps; the verdict at 35.6 s judged the release before it. A
 * deploy time in whole seconds surely began only at the end of it. */
static void
a_deploy_time_in_whole_seconds_starts_at_its_end(void **state)
{
	cJSON *d = cJSON_Parse("{\"deployed_ms\":35000}");
	cJSON *e = cJSON_Parse("{\"deployed_ms\":35250}");
	cJSON *none = cJSON_Parse("{}");
	struct badrel_run *v = NULL;
	size_t n = 0;

	(void)state;
	assert_int_equal(badrel_started(d, 36044), 35999);
	assert_int_equal(badrel_started(e, 36044), 35250);
	assert_int_equal(badrel_started(none, 36044), 36044);
	/* Yet it may have begun at 35 s: a verdict in that second may be its. */
	badrel_runs_read(&v, &n, "v2", d, 36044);
	assert_int_equal(v[0].start_ms, 35999);
	assert_int_equal(v[0].may_ms, 35000);
	assert_int_equal(badrel_running_in_second(v, n, 35600), 0);
	assert_int_equal(badrel_running_in_second(v, n, 34999), -1);
	assert_int_equal(badrel_running_in_second(v, n, 35999), -1);
	badrel_runs_free(v, n);
	cJSON_Delete(d);
	cJSON_Delete(e);
	cJSON_Delete(none);
}

/* h7, OK under v1.4.1, turned ROLLBACK IMMEDIATELY at 09:58:20.8;
 * compose ps told v1.5.0-bad as deployed at 09:58:20, in a record written
 * after the verdict. The turn is in the deploy's second: it came with the
 * new release, not h7's own fault under the old one. Spared still when
 * the new tag is one a rollback went to (the engineer's good word). */
static void
a_turn_in_a_deploys_second_is_the_new_releases(void **state)
{
	const int64_t dep = 1795773500000LL, turn = dep + 800;   /* 09:58:20, .8 */
	const struct badrel_why *w;
	int good;

	(void)state;
	for (good = 0; good < 2; good++) {
		struct badrel b = { 0 };
		char data[160];

		snprintf(data, sizeof(data), "{\"service\":\"api\",\"tag\":\"v1.4.1\","
		    "\"deployed_ms\":%lld}", (long long)(dep - 86400000LL));
		fold_at(&b, "health.change", "h7", data, dep - 60000);
		fold_at(&b, "verdict.change", "h7", "{\"verdict\":\"OK\"}", dep - 50000);
		if (good)
			fold_at(&b, "action.intent", "h1", "{\"action\":\"compose.rollback\","
			    "\"plan\":{\"service\":\"api\",\"from\":\"v1.4.1\","
			    "\"to\":\"v1.5.0-bad\"}}", dep - 40000);
		fold_at(&b, "verdict.change", "h7", "{\"verdict\":\"ROLLBACK IMMEDIATELY\"}",
		    turn);
		snprintf(data, sizeof(data), "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\","
		    "\"was_tag\":\"v1.4.1\",\"deployed_ms\":%lld}", (long long)dep);
		fold_at(&b, "health.change", "h7", data, turn + 5000);
		if (good) {
			assert_true(badrel_spared_turn(&b, "h7", NULL, turn));
			assert_int_equal(b.nspared, 1);
			assert_string_equal(b.spared[0].tag, "v1.4.1");
			badrel_free(&b);
			continue;
		}
		assert_false(badrel_spared_turn(&b, "h7", NULL, turn));
		assert_int_equal(b.nspared, 0);
		assert_true(badrel_is_bad(&b, "v1.5.0-bad"));
		assert_false(badrel_is_bad(&b, "v1.4.1"));
		assert_non_null(w = badrel_why(&b, "api", "v1.5.0-bad"));
		assert_string_equal(w->host, "h7");
		assert_int_equal(w->at_ms, turn);
		assert_int_equal(badrel_host_runs_bad(&b, "h7"), 1);
		badrel_free(&b);
	}
}

/* An incident: api-1 was rolled back from v1.5.0-bad at 06:13 and from
 * v1.6.0-bad at 06:16, helm-bastion from both at 06:14 and 06:19. r on
 * helm-bastion explained both with api-1's rollbacks and never said its
 * own. The host's own judgement first; another host's only when it has
 * none, and then named as another host's. */
static void
a_dialog_on_a_host_says_its_own_rollback_first(void **state)
{
	/* 2026-11-27 06:13, 06:14, 06:16 and 06:19 UTC. */
	const int64_t t0613 = 1795760000000LL - 20000, t0614 = t0613 + 60000,
	    t0616 = t0613 + 180000, t0619 = t0613 + 360000;
	const struct badrel_why *w, *all[8];
	struct badrel b = { 0 };
	char words[224];

	(void)state;
	fold_at(&b, "action.intent", "api-1", "{\"action\":\"compose.rollback\",\"plan\":"
	    "{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}", t0613);
	fold_at(&b, "action.intent", "helm-bastion", "{\"action\":\"helm.rollback\",\"plan\":"
	    "{\"service\":\"api\",\"from\":\"1.5.0-bad\",\"to\":\"1.4.1\"}}", t0614);
	fold_at(&b, "action.intent", "api-1", "{\"action\":\"compose.rollback\",\"plan\":"
	    "{\"service\":\"api\",\"from\":\"v1.6.0-bad\",\"to\":\"v1.4.1\"}}", t0616);
	fold_at(&b, "action.intent", "helm-bastion", "{\"action\":\"helm.rollback\",\"plan\":"
	    "{\"service\":\"api\",\"from\":\"1.6.0-bad\",\"to\":\"1.4.1\"}}", t0619);
	/* k8s-bastion's verdict judged v1.6.0-bad, later than both rollbacks. */
	fold_at(&b, "health.change", "k8s-bastion", "{\"service\":\"api\",\"tag\":"
	    "\"v1.6.0-bad\"}", t0616);
	fold_at(&b, "verdict.change", "k8s-bastion", "{\"verdict\":\"CONSIDER ROLLBACK\"}",
	    t0619 + 60000);

	assert_int_equal(badrel_bad_of(&b, "helm-bastion", "api", all, 8), 2);
	assert_string_equal(all[0]->host, "helm-bastion");
	badrel_mark_words(all[0], "helm-bastion", words, sizeof(words));
	assert_string_equal(words, "this host rolled back from 1.5.0-bad at 06:14");
	badrel_why_words(all[0], words, sizeof(words));
	assert_string_equal(words, "rolled back from on helm-bastion at 06:14");
	badrel_mark_words(all[1], "helm-bastion", words, sizeof(words));
	assert_string_equal(words, "this host rolled back from 1.6.0-bad at 06:19");

	/* k8s-bastion was never rolled back: its own verdict first. */
	assert_non_null(w = badrel_why_on(&b, "k8s-bastion", "api", "v1.6.0-bad"));
	badrel_mark_words(w, "k8s-bastion", words, sizeof(words));
	assert_string_equal(words, "judged bad: this host ran v1.6.0-bad when its verdict "
	    "turned CONSIDER ROLLBACK at 06:20");
	/* v1.5.0-bad only another host's: named as such. */
	assert_non_null(w = badrel_why_on(&b, "k8s-bastion", "api", "1.5.0-bad"));
	badrel_mark_words(w, "k8s-bastion", words, sizeof(words));
	assert_string_equal(words, "another host, api-1, rolled back from v1.5.0-bad at 06:13");
	/* A host with no word of its own on a verdict-judged tag. */
	assert_non_null(w = badrel_why_on(&b, "h9", "api", "v1.6.0-bad"));
	assert_string_equal(w->host, "api-1");
	fold_at(&b, "action.intent", "h9", "{\"action\":\"compose.rollback\",\"plan\":"
	    "{\"service\":\"jobs\",\"from\":\"v1.6.0-bad\",\"to\":\"v1.4.1\"}}", t0619);
	/* Its rollback of another service says nothing of api. */
	assert_string_equal(badrel_why_on(&b, "h9", "api", "v1.6.0-bad")->host, "api-1");
	badrel_free(&b);
}

/* Never an empty word: a rollback record with no host says where it was
 * judged as the incident; a kill switch (set env, its own "from") judges
 * no release, so its revision carries no rollback-from mark. */
static void
marks_never_say_an_empty_word_nor_a_kill_switch(void **state)
{
	const int64_t t0402 = 1795752120000LL;   /* 2026-11-27 04:02:00 UTC */
	const struct badrel_why *w;
	struct badrel b = { 0 };
	char words[200];

	(void)state;
	fold_at(&b, "action.intent", "h2", "{\"action\":\"k8s.killswitch\",\"plan\":"
	    "{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.5.0-bad\"}}", t0402);
	assert_false(badrel_is_bad(&b, "v1.5.0-bad"));
	assert_null(badrel_why(&b, "api", "v1.5.0-bad"));
	fold_at(&b, "action.intent", NULL, "{\"action\":\"k8s.undo\",\"plan\":"
	    "{\"service\":\"api\",\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"}}", t0402);
	w = badrel_why(&b, "api", "v1.5.0-bad");
	assert_non_null(w);
	badrel_why_words(w, words, sizeof(words));
	assert_string_equal(words, "rolled back from in this incident at 04:02");
	badrel_why_alone(w, words, sizeof(words));
	assert_string_equal(words, "this incident rolled back from it at 04:02");
	badrel_mark_words(w, NULL, words, sizeof(words));
	assert_string_equal(words, "this incident rolled back from v1.5.0-bad at 04:02");
	badrel_free(&b);
}

/* A rollback from a release judges it bad (the console's rule), but a bad
 * verdict judged it only when one was charged to it somewhere, or the
 * rollback started while its host was bad: h2 rolled off v1.4.1 while OK
 * is the engineer's choice; h3 rolled off v2 while bad, its tag never
 * read, is a verdict's; v3, which h4 ran when it turned bad, is one. */
static void
a_rollback_from_a_host_judged_fine_is_no_bad_verdict(void **state)
{
	struct badrel b = { 0 };

	(void)state;
	fold_at(&b, "health.change", "h2", "{\"service\":\"api\",\"tag\":\"v1.4.1\"}", 1);
	fold_at(&b, "verdict.change", "h2", "{\"verdict\":\"OK\"}", 2);
	fold_at(&b, "action.intent", "h2", "{\"action\":\"compose.rollback\",\"plan\":"
	    "{\"service\":\"api\",\"from\":\"v1.4.1\",\"to\":\"v1.4.0\"}}", 3);
	assert_true(badrel_is_bad(&b, "v1.4.1"));
	assert_false(badrel_verdict_bad(&b, "v1.4.1"));
	assert_false(badrel_verdict_bad(&b, "v1.4.0"));
	fold_at(&b, "verdict.change", "h3", "{\"verdict\":\"ROLLBACK IMMEDIATELY\"}", 4);
	fold_at(&b, "action.intent", "h3", "{\"action\":\"compose.rollback\",\"plan\":"
	    "{\"service\":\"api\",\"from\":\"v2\",\"to\":\"v1.4.0\"}}", 5);
	assert_true(badrel_verdict_bad(&b, "v2"));
	fold_at(&b, "health.change", "h4", "{\"service\":\"jobs\",\"tag\":\"v3\"}", 6);
	fold_at(&b, "verdict.change", "h4", "{\"verdict\":\"CONSIDER ROLLBACK\"}", 7);
	assert_true(badrel_verdict_bad(&b, "3"));
	assert_false(badrel_verdict_bad(&b, "v1.4.1"));
	badrel_free(&b);
}

/* k8s-bastion's verdict turned ROLLBACK IMMEDIATELY under
 * v1.5.0-bad, then v1.5.2-bad was deployed and the verdict stayed bad: no
 * turn, so nothing judged the new release. A verdict judged on readings
 * all after it started (verdict.fresh) does; one whose readings reach
 * back before it (the old release's errors) does not; a rollback's
 * target never is. */
static void
a_release_deployed_under_a_bad_verdict_is_judged_on_its_own_readings(void **state)
{
	struct badrel b = { 0 };

	(void)state;
	fold_at(&b, "health.change", "k8s-bastion", "{\"service\":\"api\","
	    "\"tag\":\"v1.5.0-bad\",\"deployed_ms\":500}", 1000);
	assert_false(badrel_fresh_due(&b, "k8s-bastion", 900));
	fold_at(&b, "verdict.change", "k8s-bastion", "{\"verdict\":\"ROLLBACK IMMEDIATELY\"}",
	    1500);
	assert_true(badrel_is_bad(&b, "v1.5.0-bad"));
	/* The turn judged what ran then: nothing more to judge. */
	assert_false(badrel_fresh_due(&b, "k8s-bastion", 1400));
	fold_at(&b, "health.change", "k8s-bastion", "{\"service\":\"api\","
	    "\"tag\":\"v1.5.2-bad\",\"deployed_ms\":5000}", 5100);
	assert_false(badrel_is_bad(&b, "v1.5.2-bad"));
	assert_int_equal(badrel_host_runs_bad(&b, "k8s-bastion"), 0);
	/* Readings from before the deploy: not its own. */
	assert_false(badrel_fresh_due(&b, "k8s-bastion", 4000));
	fold_at(&b, "verdict.fresh", "k8s-bastion", "{\"verdict\":\"ROLLBACK IMMEDIATELY\","
	    "\"from_ms\":4000}", 5200);
	assert_false(badrel_is_bad(&b, "v1.5.2-bad"));
	assert_true(badrel_fresh_due(&b, "k8s-bastion", 6000));
	fold_at(&b, "verdict.fresh", "k8s-bastion", "{\"verdict\":\"ROLLBACK IMMEDIATELY\","
	    "\"from_ms\":6000}", 7000);
	assert_true(badrel_is_bad(&b, "v1.5.2-bad"));
	assert_true(badrel_turn_charged(&b, "k8s-bastion", NULL, 7000));
	assert_true(badrel_turn_charged(&b, "k8s-bastion", NULL, 1500));
	assert_false(badrel_turn_charged(&b, "k8s-bastion", NULL, 1400));
	assert_true(badrel_verdict_bad(&b, "v1.5.2-bad"));
	assert_int_equal(badrel_host_runs_bad(&b, "k8s-bastion"), 1);
	assert_non_null(badrel_verdict_judged(&b, "k8s-bastion", "api", "v1.5.2-bad", 7000));
	assert_null(badrel_why_before(&b, "api", "v1.5.2-bad", 6999));
	/* Judged once: no second record. */
	assert_false(badrel_fresh_due(&b, "k8s-bastion", 9000));
	/* Rolled back to a good release, the window still bad: never judged. */
	fold_at(&b, "action.intent", "k8s-bastion", "{\"action\":\"k8s.undo\","
	    "\"plan\":{\"service\":\"api\",\"from\":\"v1.5.2-bad\",\"to\":\"v1.4.1\"}}",
	    10000);
	fold_at(&b, "health.change", "k8s-bastion", "{\"service\":\"api\","
	    "\"tag\":\"v1.4.1\",\"deployed_ms\":10500}", 11000);
	assert_false(badrel_fresh_due(&b, "k8s-bastion", 12000));
	/* Not bad now: nothing to judge again. */
	fold_at(&b, "verdict.change", "k8s-bastion", "{\"verdict\":\"OK\"}", 13000);
	fold_at(&b, "health.change", "k8s-bastion", "{\"service\":\"api\","
	    "\"tag\":\"v1.6.0\",\"deployed_ms\":14000}", 14100);
	assert_false(badrel_fresh_due(&b, "k8s-bastion", 15000));
	badrel_free(&b);
}

/* A watcher with no writing console running reads deploys the journal
 * never got: its own reading, newer than the journal's word and of
 * another release, stands for it, both ways; an older one does not. A
 * release never judged is bad where the reading's own verdict is. */
static void
a_newer_reading_stands_for_the_journal(void **state)
{
	struct badrel b = { 0 };
	struct badrel_reading bad = { "api", "1.5.0-bad", 2000, false };
	struct badrel_reading good = { "api", "v1.4.1", 2000, false };
	struct badrel_reading old = { "api", "v1.4.1", 500, false };
	struct badrel_reading fresh = { "api", "v1.8.0-bad", 2000, true };
	struct badrel_reading calm = { "api", "v1.8.0-bad", 2000, false };

	(void)state;
	fold_at(&b, "health.change", "api-1", "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\"}", 100);
	fold_at(&b, "health.change", "helm", "{\"service\":\"api\",\"tag\":\"1.4.1\"}", 100);
	fold_at(&b, "verdict.change", "api-1", "{\"verdict\":\"ROLLBACK IMMEDIATELY\"}", 200);
	fold_at(&b, "health.change", "api-1", "{\"service\":\"api\",\"tag\":\"v1.5.0-bad\"}", 1000);
	assert_int_equal(badrel_host_runs_bad(&b, "helm"), 0);
	assert_int_equal(badrel_host_runs_bad_read(&b, "helm", &bad, 1), 1);
	assert_int_equal(badrel_host_runs_bad(&b, "api-1"), 1);
	assert_int_equal(badrel_host_runs_bad_read(&b, "api-1", &good, 1), 0);
	/* Read before the journal's last word: the journal is newer. */
	assert_int_equal(badrel_host_runs_bad_read(&b, "api-1", &old, 1), 1);
	/* A host the journal never named, read here. */
	assert_int_equal(badrel_host_runs_bad_read(&b, "k8s", &bad, 1), 1);
	assert_int_equal(badrel_host_runs_bad_read(&b, "k8s", &good, 1), 0);
	assert_int_equal(badrel_host_runs_bad_read(&b, "k8s", NULL, 0), -1);
	/* A release never judged: the reading's verdict says. */
	assert_int_equal(badrel_host_runs_bad_read(&b, "helm", &fresh, 1), 1);
	assert_int_equal(badrel_host_runs_bad_read(&b, "helm", &calm, 1), 0);
	badrel_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_leading_v_is_no_other_release),
		cmocka_unit_test(a_turn_in_a_deploys_second_is_the_new_releases),
		cmocka_unit_test(a_turn_to_bad_judges_what_the_host_ran),
		cmocka_unit_test(a_rollback_alone_judges_its_from),
		cmocka_unit_test(why_a_tag_is_bad_for_a_service),
		cmocka_unit_test(a_dialog_on_a_host_says_its_own_rollback_first),
		cmocka_unit_test(marks_never_say_an_empty_word_nor_a_kill_switch),
		cmocka_unit_test(judged_before_a_deploy_or_only_after),
		cmocka_unit_test(a_verdict_judges_the_release_started_before_it),
		cmocka_unit_test(the_release_running_at_a_time),
		cmocka_unit_test(a_deploy_time_in_whole_seconds_starts_at_its_end),
		cmocka_unit_test(a_release_judged_ok_on_its_host_is_not_charged_with_its_fault),
		cmocka_unit_test(judged_by_a_verdict_on_one_host),
		cmocka_unit_test(a_canary_charges_the_new_release_only),
		cmocka_unit_test(a_release_bad_before_any_ok_under_it_is_charged),
		cmocka_unit_test(a_host_already_bad_at_the_first_reading_is_charged),
		cmocka_unit_test(the_services_a_host_runs_bad_in_words),
		cmocka_unit_test(the_same_release_since_a_time),
		cmocka_unit_test(a_rollback_from_a_host_judged_fine_is_no_bad_verdict),
		cmocka_unit_test(a_release_deployed_under_a_bad_verdict_is_judged_on_its_own_readings),
		cmocka_unit_test(a_newer_reading_stands_for_the_journal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
