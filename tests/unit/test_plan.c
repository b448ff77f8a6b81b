/*
 * test_plan.c — rollback plans: the target read from releases.log, the
 * exact commands with every value quoted, tags refused when unsafe, and
 * a hash that changes with the plan. The kill switch on Compose (.env)
 * and on k8s (the deployment's container env), and what its undo restores.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"
#include "warroom/parse_compose.h"
#include "warroom/parse_k8s.h"
#include "warroom/plan.h"
#include "warroom/record.h"
#include "record_fixture.h"

static const char releases[] =
    "2026-11-23T07:55:30Z deploy IMAGE_TAG=v1.4.0 services=api,jobs result=ok\n"
    "2026-11-24T07:55:30Z deploy IMAGE_TAG=v1.4.5 services=api,jobs result=failed\n"
    "2026-11-25T07:55:30Z deploy IMAGE_TAG=v1.4.1 services=api,jobs result=ok\n"
    "2026-11-26T07:45:30Z deploy IMAGE_TAG=v1.5.0-bad services=api,jobs result=ok\n";

static void
target_is_the_last_good_other_tag(void **state)
{
	char tag[128];
	struct wr_err err;

	assert_int_equal(plan_compose_target(releases, strlen(releases), "v1.5.0-bad", tag,
	    sizeof(tag), &err), 0);
	assert_string_equal(tag, "v1.4.1");
	/* Running v1.4.1 (moved back by hand): v1.5.0-bad is newer, a roll
	 * forward, never a target found for it; v1.4.0 is the one before. */
	assert_int_equal(plan_compose_target(releases, strlen(releases), "v1.4.1", tag,
	    sizeof(tag), &err), 0);
	assert_string_equal(tag, "v1.4.0");
	assert_int_equal(plan_compose_target("", 0, "v1", tag, sizeof(tag), &err), -1);
	assert_string_equal(err.msg, "releases.log names no earlier successful tag than v1");
}

static void
every_target_newest_first(void **state)
{
	char tags[8][128];

	assert_int_equal(plan_compose_targets(releases, strlen(releases), "v1.5.0-bad", tags, 8), 2);
	assert_string_equal(tags[0], "v1.4.1");
	assert_string_equal(tags[1], "v1.4.0");
	assert_int_equal(plan_compose_targets(releases, strlen(releases), "v1.5.0-bad", tags, 1), 1);
	assert_int_equal(plan_compose_targets(releases, strlen(releases), "v1.4.1", tags, 8), 2);
	assert_string_equal(tags[0], "v1.5.0-bad");
	assert_int_equal(plan_compose_targets("", 0, "v1", tags, 8), 0);
}

/* Incident A rolled api back from v1.5.0-bad; its line follows the deploy. */
static const char after_rollback[] =
    "2026-11-23T07:55:30Z deploy IMAGE_TAG=v1.4.0 services=api,jobs result=ok\n"
    "2026-11-25T07:55:30Z deploy IMAGE_TAG=v1.4.1 services=api,jobs result=ok\n"
    "2026-11-26T07:45:30Z deploy IMAGE_TAG=v1.5.0-bad services=api,jobs result=ok\n"
    "2026-11-26T13:05:12Z rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom "
    "incident=a-1\n";

static void
a_tag_rolled_back_from_is_never_last_good(void **state)
{
	struct plan_candidate c[8];
	char tag[128], tags[8][128], at[8];
	struct wr_err err;

	/* A second console on api-1/api, which now runs v1.4.1. */
	assert_int_equal(plan_compose_candidates(after_rollback, strlen(after_rollback), "v1.4.1",
	    NULL, 0, NULL, 0, c, 8), 2);
	assert_string_equal(c[0].label, "v1.4.0  (last good in releases.log)");
	assert_false(c[0].rolled_back);
	assert_string_equal(c[1].tag, "v1.5.0-bad");
	assert_string_equal(c[1].label, "v1.5.0-bad  (newer than the running v1.4.1: a roll "
	    "forward, not back; rolled back from at 13:05 per releases.log)");
	assert_true(c[1].rolled_back);
	assert_string_equal(c[1].rolled_at, "13:05");
	assert_int_equal(plan_compose_target(after_rollback, strlen(after_rollback), "v1.4.1",
	    tag, sizeof(tag), &err), 0);
	assert_string_equal(tag, "v1.4.0");
	assert_int_equal(plan_compose_targets(after_rollback, strlen(after_rollback), "v1.4.1",
	    tags, 8), 2);
	assert_string_equal(tags[0], "v1.4.0");
	assert_string_equal(tags[1], "v1.5.0-bad");
	assert_true(plan_compose_rolled_back(after_rollback, strlen(after_rollback), "v1.5.0-bad",
	    at));
	assert_string_equal(at, "13:05");
	assert_false(plan_compose_rolled_back(after_rollback, strlen(after_rollback), "v1.4.0",
	    at));
	/* Typed without its v, it is the same release: still marked. */
	assert_true(plan_compose_rolled_back(after_rollback, strlen(after_rollback), "1.5.0-bad",
	    at));
	assert_string_equal(at, "13:05");
	/* Only the bad release left besides the running one: no target. */
	assert_int_equal(plan_compose_target(after_rollback + 146, strlen(after_rollback + 146),
	    "v1.4.1", tag, sizeof(tag), &err), -1);
	/* jobs still runs it: the rollback of api does not make it current there. */
	assert_int_equal(plan_compose_candidates(after_rollback, strlen(after_rollback),
	    "v1.5.0-bad", NULL, 0, NULL, 0, c, 8), 2);
	assert_string_equal(c[0].label, "v1.4.1  (last good in releases.log)");
	assert_string_equal(c[1].label, "v1.4.0");
}

/* x on a step recreating api and jobs with one tag (a drill): api
 * was rolled back to v1.4.1 in this incident, jobs still runs the bad one.
 * The tag the rollback went to comes first, said to fit jobs. */
static void
one_tag_for_several_services_offers_the_rollback_target(void **state)
{
	static const struct plan_bad bad[1] = { { "v1.5.0-bad", "", "" } };
	static const char targets[1][128] = { "v1.4.1" };
	struct plan_candidate api[8], jobs[8];
	struct plan_tag_svc s[2] = {
		{ .name = "api", .running = "v1.4.1", .c = api },
		{ .name = "jobs", .running = "v1.5.0-bad", .c = jobs },
	};
	struct plan_tag_fit f[8];

	(void)state;
	s[0].n = plan_compose_candidates(after_rollback, strlen(after_rollback), "v1.4.1", NULL,
	    0, bad, 1, api, 8);
	s[1].n = plan_compose_candidates(after_rollback, strlen(after_rollback), "v1.5.0-bad",
	    NULL, 0, NULL, 0, jobs, 8);
	assert_int_equal(plan_tag_merge(s, 2, targets, 1, f, 8), 3);
	assert_string_equal(f[0].label, "v1.4.1  (last good for jobs in releases.log)  "
	    "\xe2\x80\x94 this incident's rollback target: for jobs; api runs it");
	assert_false(f[0].marked);
	/* It fits both: nothing to add but whose last good it is (two
	 * tags both said "last good"). */
	assert_string_equal(f[1].label, "v1.4.0  (last good for api in releases.log)");
	assert_false(f[1].marked);
	assert_string_equal(f[2].tag, "v1.5.0-bad");
	assert_true(f[2].marked);
	assert_string_equal(f[2].label, "v1.5.0-bad  (rolling forward to v1.5.0-bad, which this "
	    "incident rolled back from; rolled back from at 13:05 per releases.log)  "
	    "\xe2\x80\x94 jobs runs it");
	/* With no rollback yet and both on the bad tag: as the dialog lists
	 * them, nothing added. */
	s[0].running = "v1.5.0-bad";
	s[0].n = plan_compose_candidates(after_rollback, strlen(after_rollback), "v1.5.0-bad",
	    NULL, 0, NULL, 0, api, 8);
	assert_int_equal(plan_tag_merge(s, 2, NULL, 0, f, 8), 2);
	assert_string_equal(f[0].label, "v1.4.1  (last good in releases.log)");
	assert_string_equal(f[1].label, "v1.4.0");
	/* One service: the target is said, not whom it fits. */
	assert_int_equal(plan_tag_merge(s + 1, 1, targets, 1, f, 1), 1);
	assert_string_equal(f[0].label, "v1.4.1  (last good in releases.log)  \xe2\x80\x94 this "
	    "incident's rollback target");
	/* Every service on the target already: not offered. */
	s[1].running = "v1.4.1";
	s[0].running = "v1.4.1";
	s[0].n = s[1].n = 0;
	assert_int_equal(plan_tag_merge(s, 2, targets, 1, f, 8), 0);
}

/* Whose last good a tag is does not hang on the order the step names
 * the services in: jobs first, v1.4.0 is still api's last good. */
static void
one_tag_for_several_services_names_whose_last_good(void **state)
{
	static const struct plan_bad bad[1] = { { "v1.5.0-bad", "", "" } };
	struct plan_candidate api[8], jobs[8];
	struct plan_tag_svc s[2] = {
		{ .name = "jobs", .running = "v1.5.0-bad", .c = jobs },
		{ .name = "api", .running = "v1.4.1", .c = api },
	};
	struct plan_tag_fit f[8];

	(void)state;
	s[0].n = plan_compose_candidates(after_rollback, strlen(after_rollback), "v1.5.0-bad",
	    NULL, 0, NULL, 0, jobs, 8);
	s[1].n = plan_compose_candidates(after_rollback, strlen(after_rollback), "v1.4.1", NULL,
	    0, bad, 1, api, 8);
	assert_int_equal(plan_tag_merge(s, 2, NULL, 0, f, 8), 3);
	assert_string_equal(f[0].label, "v1.4.1  (last good for jobs in releases.log)  "
	    "\xe2\x80\x94 for jobs; api runs it");
	assert_string_equal(f[1].label, "v1.4.0  (last good for api in releases.log)");
	/* Both on the bad tag: one last good for both, said plainly. */
	s[1].running = "v1.5.0-bad";
	s[1].n = plan_compose_candidates(after_rollback, strlen(after_rollback), "v1.5.0-bad",
	    NULL, 0, NULL, 0, api, 8);
	assert_int_equal(plan_tag_merge(s, 2, NULL, 0, f, 8), 2);
	assert_string_equal(f[0].label, "v1.4.1  (last good in releases.log)");
}

static void
several_rollbacks_mark_what_each_left(void **state)
{
	static const char log[] =
	    "2026-11-23T07:55:30Z deploy IMAGE_TAG=v1.4.0 services=api,jobs result=ok\n"
	    "2026-11-25T07:55:30Z deploy IMAGE_TAG=v1.4.1 services=api,jobs result=ok\n"
	    "2026-11-26T07:45:30Z deploy IMAGE_TAG=v1.5.0-bad services=api,jobs result=ok\n"
	    "2026-11-26T13:05:00Z rollback IMAGE_TAG=v1.4.1 services=api result=ok\n"
	    "2026-11-26T13:20:00Z rollback IMAGE_TAG=v1.4.1 services=jobs result=ok\n"
	    "2026-11-27T09:00:00Z deploy IMAGE_TAG=v1.6.0 services=api,jobs result=ok\n"
	    /* A failed rollback moved nothing. */
	    "2026-11-27T09:30:00Z rollback IMAGE_TAG=v1.4.0 services=api result=failed\n"
	    "2026-11-27T10:00:00+02:00 rollback IMAGE_TAG=v1.4.1 services=api,jobs result=ok\n";
	static const char bare[] = "deploy IMAGE_TAG=v1 result=ok\ndeploy IMAGE_TAG=v2 result=ok\n"
	    "rollback IMAGE_TAG=v1 result=ok\n";
	struct plan_candidate c[8];

	assert_int_equal(plan_compose_candidates(log, strlen(log), "v1.4.1", NULL, 0, NULL, 0,
	    c, 8), 3);
	assert_string_equal(c[0].label, "v1.4.0  (last good in releases.log)");
	/* Newest first among those rolled back from; the first rollback away
	 * from each is its time, in UTC. */
	assert_string_equal(c[1].label, "v1.6.0  (newer than the running v1.4.1: a roll forward, "
	    "not back; rolled back from at 08:00 per releases.log)");
	assert_string_equal(c[2].label, "v1.5.0-bad  (newer than the running v1.4.1: a roll "
	    "forward, not back; rolled back from at 13:05 per releases.log)");
	/* A rollback without a time or services still says what it left. */
	assert_int_equal(plan_compose_candidates(bare, strlen(bare), "v1", NULL, 0, NULL, 0, c, 8),
	    1);
	assert_string_equal(c[0].label, "v2  (newer than the running v1: a roll forward, not back; "
	    "rolled back from per releases.log)");
}

static void
a_redeploy_after_a_fix_is_judged_anew(void **state)
{
	/* The same tag deployed again after the rollback (the fix was
	 * elsewhere), then a newer release: it is the last good again. */
	static const char again[] =
	    "2026-11-25T07:55:30Z deploy IMAGE_TAG=v1.4.1 services=api result=ok\n"
	    "2026-11-26T07:45:30Z deploy IMAGE_TAG=v1.5.0 services=api result=ok\n"
	    "2026-11-26T08:05:00Z rollback IMAGE_TAG=v1.4.1 services=api result=ok\n"
	    "2026-11-27T07:45:30Z deploy IMAGE_TAG=v1.5.0 services=api result=ok\n"
	    "2026-11-28T07:45:30Z deploy IMAGE_TAG=v1.6.0-bad services=api result=ok\n";
	/* A fixed release instead: the bad one stays marked. */
	static const char fixed[] =
	    "2026-11-25T07:55:30Z deploy IMAGE_TAG=v1.4.1 services=api result=ok\n"
	    "2026-11-26T07:45:30Z deploy IMAGE_TAG=v1.5.0-bad services=api result=ok\n"
	    "2026-11-26T08:05:00Z rollback IMAGE_TAG=v1.4.1 services=api result=ok\n"
	    "2026-11-27T07:45:30Z deploy IMAGE_TAG=v1.5.1 services=api result=ok\n";
	struct plan_candidate c[8];

	assert_int_equal(plan_compose_candidates(again, strlen(again), "v1.6.0-bad", NULL, 0,
	    NULL, 0, c, 8), 2);
	assert_string_equal(c[0].label, "v1.5.0  (last good in releases.log)");
	assert_false(c[0].rolled_back);
	assert_string_equal(c[1].label, "v1.4.1");
	assert_int_equal(plan_compose_candidates(fixed, strlen(fixed), "v1.5.1", NULL, 0, NULL, 0,
	    c, 8), 2);
	assert_string_equal(c[0].label, "v1.4.1  (last good in releases.log)");
	assert_string_equal(c[1].label, "v1.5.0-bad  (rolled back from at 08:05 per releases.log)");
}

static void
labels_say_every_reason(void **state)
{
	static const char seen1[][128] = { "v1.4.1" };
	static const char seen2[][128] = { "v1.3.0", "v1.5.0-bad" };
	static const struct plan_bad bad[] = { { "v1.4.1", "", "" } };
	struct plan_candidate c[8];

	/* The timeline saw v1.4.1 run here, and it is releases.log's last good. */
	assert_int_equal(plan_compose_candidates(releases, strlen(releases), "v1.5.0-bad", seen1, 1,
	    NULL, 0, c, 8), 2);
	assert_string_equal(c[0].label, "v1.4.1  (last good in releases.log; ran here earlier)");
	assert_string_equal(c[1].label, "v1.4.0");
	/* Seen only; and one seen that releases.log says was rolled back from. */
	assert_int_equal(plan_compose_candidates(after_rollback, strlen(after_rollback), "v1.4.1",
	    seen2, 2, NULL, 0, c, 8), 3);
	assert_string_equal(c[0].label, "v1.3.0  (ran here earlier, per the timeline)");
	assert_string_equal(c[1].label, "v1.4.0  (last good in releases.log)");
	assert_string_equal(c[2].label, "v1.5.0-bad  (newer than the running v1.4.1: a roll "
	    "forward, not back; rolled back from at 13:05 per releases.log; ran here earlier)");
	/* One this incident rolled back from is not called last good, and
	 * comes after the unmarked ones. */
	assert_int_equal(plan_compose_candidates(releases, strlen(releases), "v1.5.0-bad", NULL, 0,
	    bad, 1, c, 8), 2);
	assert_string_equal(c[0].label, "v1.4.0  (last good in releases.log)");
	assert_false(c[0].marked);
	assert_string_equal(c[1].label, "v1.4.1  (rolled back from in this incident)");
	assert_true(c[1].bad);
	assert_true(c[1].marked);
}

/* api-1 moved back to v1.4.1 by hand (no releases.log line): the bad
 * release after it was offered as "last good; ran here earlier", first. */
static void
a_newer_tag_is_never_last_good_nor_first(void **state)
{
	static const char seen[][128] = { "v1.5.0-bad" };
	static const struct plan_bad bad[] = { { "v1.5.0-bad", "", "" } };
	struct plan_candidate c[8];
	char tag[128];
	struct wr_err err;

	assert_int_equal(plan_compose_candidates(releases, strlen(releases), "v1.4.1", seen, 1,
	    NULL, 0, c, 8), 2);
	assert_string_equal(c[0].label, "v1.4.0  (last good in releases.log)");
	assert_false(c[0].marked);
	assert_string_equal(c[1].label, "v1.5.0-bad  (newer than the running v1.4.1: a roll "
	    "forward, not back; ran here earlier)");
	assert_true(c[1].newer);
	assert_true(c[1].left);             /* the host was moved back from it */
	assert_true(c[1].marked);
	/* Not seen here: newer, but nothing says this host left it. */
	assert_int_equal(plan_compose_candidates(releases, strlen(releases), "v1.4.1", NULL, 0,
	    NULL, 0, c, 8), 2);
	assert_true(c[1].newer);
	assert_false(c[1].left);
	/* This incident rolled back from it: said as a roll forward to it. */
	assert_int_equal(plan_compose_candidates(releases, strlen(releases), "v1.4.1", NULL, 0,
	    bad, 1, c, 8), 2);
	assert_string_equal(c[1].label, "v1.5.0-bad  (rolling forward to v1.5.0-bad, which this "
	    "incident rolled back from)");
	/* Only newer ones: none found to go back to. */
	assert_int_equal(plan_compose_candidates(releases + 73 + 77, strlen(releases + 73 + 77),
	    "v1.4.1", NULL, 0, NULL, 0, c, 8), 1);
	assert_true(c[0].marked);
	assert_int_equal(plan_compose_target(releases + 73 + 77, strlen(releases + 73 + 77),
	    "v1.4.1", tag, sizeof(tag), &err), -1);
	/* A running tag releases.log does not deploy: versions order it. */
	assert_int_equal(plan_compose_candidates(releases, strlen(releases), "v9-hotfix", NULL, 0,
	    NULL, 0, c, 8), 3);
	assert_string_equal(c[0].label, "v1.5.0-bad  (last good in releases.log)");
	assert_int_equal(plan_compose_candidates(releases, strlen(releases), "v1.4.3-hotfix", NULL,
	    0, NULL, 0, c, 8), 3);
	assert_string_equal(c[0].label, "v1.4.1  (last good in releases.log)");
	assert_true(c[2].newer);
	assert_string_equal(c[2].tag, "v1.5.0-bad");
}

/* An older release deployed again after the running one (CI redeploying
 * it) is no roll forward: its version is lower. */
static void
an_older_release_deployed_again_is_not_newer(void **state)
{
	static const char log[] =
	    "2026-11-25T07:55:30Z deploy IMAGE_TAG=v1.4.1 services=api result=ok\n"
	    "2026-11-26T07:45:30Z deploy IMAGE_TAG=v1.6.0 services=api result=ok\n"
	    "2026-11-26T09:00:00Z deploy IMAGE_TAG=v1.4.1 services=api result=ok\n"
	    "2026-11-26T09:01:00Z deploy IMAGE_TAG=nightly services=api result=ok\n";
	struct plan_candidate c[8];

	assert_int_equal(plan_compose_candidates(log, strlen(log), "v1.6.0", NULL, 0, NULL, 0, c,
	    8), 2);
	assert_string_equal(c[0].label, "v1.4.1  (last good in releases.log)");
	assert_false(c[0].newer);
	/* No version to order by: deployed after, so newer. */
	assert_string_equal(c[1].tag, "nightly");
	assert_true(c[1].newer);
}

/* h1 rolled back OK to v1.4.1; r on it offered v1.4.0 as last good
 * first. Marks stay (v1.5.0-bad), and the caller preselects nothing
 * (rbtarget_note); the order here is still the unmarked first. */
static void
after_this_incidents_rollback_the_bad_tag_stays_marked(void **state)
{
	static const struct plan_bad bad[] = { { "v1.5.0-bad", "", "" } };
	struct plan_candidate c[8];

	assert_int_equal(plan_compose_candidates(after_rollback, strlen(after_rollback), "v1.4.1",
	    NULL, 0, bad, 1, c, 8), 2);
	assert_string_equal(c[0].tag, "v1.4.0");
	assert_string_equal(c[1].label, "v1.5.0-bad  (rolling forward to v1.5.0-bad, which this "
	    "incident rolled back from; rolled back from at 13:05 per releases.log)");
	assert_true(c[1].marked);
}

static void
a_rolled_back_target_is_warned_first(void **state)
{
	struct plan p;

	memset(&p, 0, sizeof(p));
	strcpy(p.to, "v1.5.0-bad");
	strcpy(p.warning, ".env is not changed (x)");
	plan_warn_rolled_back(&p, "at 13:05 per releases.log");
	assert_string_equal(p.warning, "v1.5.0-bad WAS ROLLED BACK FROM at 13:05 per releases.log: "
	    "going back to it very likely brings the failure back; pick another target unless "
	    "it was fixed\n.env is not changed (x)");
}

static void
unsafe_tags_are_refused(void **state)
{
	assert_true(plan_tag_valid("v1.4.1"));
	assert_true(plan_tag_valid("sha-8e1f2a"));
	assert_false(plan_tag_valid(""));
	assert_false(plan_tag_valid("-rm"));
	assert_false(plan_tag_valid("v1;rm -rf /"));
	assert_false(plan_tag_valid("$(id)"));
	assert_false(plan_tag_valid("a b"));
}

static struct config_host
host(void)
{
	struct config_host h;

	memset(&h, 0, sizeof(h));
	strcpy(h.name, "api-1");
	strcpy(h.compose_dir, "/srv/app deploy");
	strcpy(h.services[0], "api");
	strcpy(h.services[1], "jobs");
	h.nservices = 2;
	strcpy(h.health_url, "http://127.0.0.1:8000");
	h.driver = DRIVER_COMPOSE;
	return h;
}

static void
compose_rollback_commands(void **state)
{
	struct config_host h = host();
	struct plan p;
	struct wr_err err;
	char a[9], b[9];

	assert_int_equal(plan_compose_rollback(&h, 0, "v1.5.0-bad", "v1.4.1", 0, "api-5xx", "rb-1",
	    &p, &err), 0);
	assert_string_equal(p.action, "compose.rollback");
	assert_int_equal(p.nsteps, 2);
	assert_string_equal(p.steps[0].cmd, "cd '/srv/app deploy' && IMAGE_TAG='v1.4.1' "
	    "docker compose --env-file .env -f docker-compose.yml pull 'api'");
	assert_string_equal(p.steps[1].cmd, "cd '/srv/app deploy' && IMAGE_TAG='v1.4.1' "
	    "docker compose --env-file .env -f docker-compose.yml up -d 'api'");
	assert_true(p.steps[1].mutating);
	assert_string_equal(p.verify_cmd, "cd '/srv/app deploy' && docker compose ps -a --format json");
	assert_string_equal(p.readyz_url, "http://127.0.0.1:8000/readyz");
	assert_int_equal(p.health_timeout_s, 120);
	assert_non_null(strstr(p.record_cmd, "'rollback IMAGE_TAG=v1.4.1 services=api "
	    "result=ok by=warroom op=rb-1 incident=api-5xx' >> releases.log"));
	plan_hash(&p, a);
	strcpy(p.to, "v1.4.0");
	plan_hash(&p, b);
	assert_string_not_equal(a, b);
	assert_int_equal(strlen(a), 8);
}

static void
bad_plans_are_refused(void **state)
{
	struct config_host h = host();
	struct plan p;
	struct wr_err err;

	assert_int_equal(plan_compose_rollback(&h, 0, "v2", "v1;reboot", 0, NULL, "rb-1", &p, &err), -1);
	assert_string_equal(err.msg, "'v1;reboot' is not a usable tag");
	h.driver = DRIVER_K8S;
	assert_int_equal(plan_compose_rollback(&h, 0, "v2", "v1", 0, NULL, "rb-1", &p, &err), -1);
	assert_string_equal(err.msg, "api-1 is not a compose host");
}

static void
k8s_and_helm_plans(void **state)
{
	struct config_host h = host();
	struct plan p;
	struct wr_err err;

	h.driver = DRIVER_K8S;
	strcpy(h.namespace_, "prod");
	assert_int_equal(plan_k8s_undo(&h, 0, "v2", 4, 3, NULL, 60, &p, &err), 0);
	assert_string_equal(p.to, "");
	assert_int_equal(plan_k8s_undo(&h, 0, "v2", 4, 3, "v1", 60, &p, &err), 0);
	assert_string_equal(p.to, "v1");
	assert_string_equal(p.action, "k8s.undo");
	assert_string_equal(p.steps[0].cmd, "kubectl rollout undo deployment/api -n 'prod' --to-revision=3");
	assert_string_equal(p.steps[1].cmd, "kubectl rollout status deployment/api -n 'prod' --timeout=60s");
	assert_false(p.steps[1].mutating);
	assert_string_equal(p.verify_cmd, "kubectl get deploy 'api' -n 'prod' -o json");
	assert_int_equal(p.from_rev, 4);
	h.driver = DRIVER_HELM;
	assert_int_equal(plan_helm_rollback(&h, 0, "2.0", 4, "1.9", 3, 0, &p, &err), 0);
	assert_string_equal(p.steps[0].cmd, "helm rollback 'api' 3 -n 'prod' --wait --timeout 120s");
	assert_int_equal(p.nsteps, 1);
	assert_int_equal(plan_helm_rollback(&h, 0, "2.0", 4, "", 0, 0, &p, &err), -1);
	assert_string_equal(err.msg, "no revision to roll back to");
}

static void
killswitch_plan(void **state)
{
	static const char env[] = "IMAGE_TAG=v1.5.0-bad\nEXPORT_MODE=on\nDB_PASSWORD=hunter2\n";
	struct config_host h = host();
	struct plan p;
	struct wr_err err;
	char *json;
	cJSON *o;

	strcpy(h.compose_dir, "~/app/");
	strcpy(h.health_url, "http://127.0.0.1:8080");
	assert_int_equal(plan_killswitch(&h, 0, "v1.4.1", env, strlen(env), 0100640, "EXPORT_MODE",
	    "off", CONTAIN_EXPORT_ON, "ks-1-ab", 30, &p, &err), 0);
	assert_string_equal(p.action, "compose.killswitch");
	assert_string_equal(p.from, "EXPORT_MODE=on");
	assert_string_equal(p.to, "EXPORT_MODE=off");
	assert_string_equal(p.env_file, "app/.env");
	assert_string_equal(p.env_new, "app/.env.warroom-ks-1-ab.new");
	assert_string_equal(p.env_backup, "app/.env.warroom-ks-1-ab.bak");
	assert_int_equal(p.env_mode, 0640);
	assert_int_equal(p.nsteps, 3);
	assert_int_equal(p.steps[0].kind, PLAN_SFTP_WRITE);
	assert_string_equal(p.steps[1].cmd, "cd '~/app/' && mv -f -- .env.warroom-ks-1-ab.new .env");
	/* The running tag is pinned: .env names the bad one. */
	assert_string_equal(p.steps[2].cmd, "cd '~/app/' && IMAGE_TAG='v1.4.1' docker compose "
	    "--env-file .env -f docker-compose.yml up -d 'api'");
	assert_string_equal(p.export_url, "http://127.0.0.1:8080/export");
	/* Stored without the file's text: it holds secrets. */
	o = plan_to_json(&p);
	json = cJSON_PrintUnformatted(o);
	assert_null(strstr(json, "hunter2"));
	assert_non_null(strstr(json, "\"env_hash\":\""));
	cJSON_free(json);
	cJSON_Delete(o);
	/* Already off, and /export says so; a k8s host; an unsafe value; an
	 * unsafe op id. */
	assert_int_equal(plan_killswitch(&h, 0, "v1", "EXPORT_MODE=off\n", 16, 0600,
	    "EXPORT_MODE", "off", CONTAIN_EXPORT_OFF, "ks-1", 0, &p, &err), -1);
	assert_string_equal(err.msg, "EXPORT_MODE is already off in api-1's .env and /export "
	    "answers as disabled");
	assert_int_equal(plan_killswitch(&h, 0, "v1", env, strlen(env), 0600, "EXPORT_MODE",
	    "off;reboot", CONTAIN_EXPORT_ON, "ks-1", 0, &p, &err), -1);
	assert_int_equal(plan_killswitch(&h, 0, "v1", env, strlen(env), 0600, "EXPORT_MODE",
	    "off", CONTAIN_EXPORT_ON, "../x", 0, &p, &err), -1);
	h.driver = DRIVER_K8S;
	assert_int_equal(plan_killswitch(&h, 0, "v1", env, strlen(env), 0600, "EXPORT_MODE",
	    "off", CONTAIN_EXPORT_ON, "ks-1", 0, &p, &err), -1);
}

static void
rollback_keeps_the_tag_in_env(void **state)
{
	static const char env[] = "export IMAGE_TAG=v1.5.0-bad\nDB_PASSWORD=hunter2\n";
	static const char ps[] =
	    "{\"Service\":\"api\",\"Image\":\"r/api:v1.5.0-bad\",\"State\":\"running\"}\n"
	    "{\"Service\":\"jobs\",\"Image\":\"r/jobs:v1.5.0-bad\",\"State\":\"running\"}\n"
	    "{\"Service\":\"web\",\"Image\":\"r/web:v9\",\"State\":\"running\"}\n";
	struct config_host h = host();
	struct compose_ps cps;
	struct plan p;
	struct wr_err err;
	char shared[160], *json;
	cJSON *o;

	strcpy(h.services[2], "web");
	h.nservices = 3;
	/* Who else runs the tag being left: jobs, not web. */
	assert_int_equal(parse_compose_ps(ps, strlen(ps), &cps, &err), 0);
	plan_tag_sharers(&h, 0, &cps, "v1.5.0-bad", shared, sizeof(shared));
	assert_string_equal(shared, "jobs");
	plan_tag_sharers(&h, 2, &cps, "v1.5.0-bad", shared, sizeof(shared));
	assert_string_equal(shared, "api, jobs");
	parse_compose_free(&cps);

	assert_int_equal(plan_compose_rollback(&h, 0, "v1.5.0-bad", "v1.4.1", 0, "i", "rb-1", &p, &err), 0);
	assert_int_equal(plan_keep_tag(&h, env, strlen(env), 0100600, "rb-1-ab", "jobs", &p,
	    &err), 1);
	/* pull and up -d first; the .env steps wait for the verification. */
	assert_int_equal(p.nsteps, 4);
	assert_int_equal(plan_first_after_verify(&p), 2);
	assert_false(p.steps[1].after_verify);
	assert_true(p.steps[2].after_verify && p.steps[3].after_verify);
	assert_int_equal(p.steps[2].kind, PLAN_SFTP_WRITE);
	assert_string_equal(p.steps[2].cmd, "sftp: copy /srv/app deploy/.env to /srv/app deploy/"
	    ".env.warroom-rb-1-ab.bak, write /srv/app deploy/.env.warroom-rb-1-ab.new with "
	    "IMAGE_TAG=v1.4.1 (mode 0600), fsync");
	assert_string_equal(p.steps[3].cmd, "cd '/srv/app deploy' && mv -f -- "
	    ".env.warroom-rb-1-ab.new .env");
	assert_string_equal(p.env_was, "v1.5.0-bad");
	assert_string_equal(p.env_value, "v1.4.1");
	assert_string_equal(p.env_shared, "jobs");
	/* Journalled with the tags, never the file's text. */
	o = plan_to_json(&p);
	json = cJSON_PrintUnformatted(o);
	assert_null(strstr(json, "hunter2"));
	assert_non_null(strstr(json, "\"env_was\":\"v1.5.0-bad\",\"env_set\":\"v1.4.1\""));
	assert_non_null(strstr(json, "\"name\":\"swap .env\",\"cmd\":\"cd '/srv/app deploy' && "
	    "mv -f -- .env.warroom-rb-1-ab.new .env\",\"after_verify\":true"));
	cJSON_free(json);
	cJSON_Delete(o);

	/* No IMAGE_TAG line, or the target already: no step. */
	assert_int_equal(plan_compose_rollback(&h, 0, "v1.5.0-bad", "v1.4.1", 0, "i", "rb-1", &p, &err), 0);
	assert_int_equal(plan_keep_tag(&h, "A=1\n", 4, 0600, "rb-1", "", &p, &err), 0);
	assert_int_equal(plan_keep_tag(&h, "IMAGE_TAG='v1.4.1'\n", 19, 0600, "rb-1", "", &p,
	    &err), 0);
	assert_int_equal(p.nsteps, 2);
	assert_string_equal(p.env_file, "");
	/* A .env we do not edit is an error, for the caller to say. */
	assert_int_equal(plan_keep_tag(&h, "IMAGE_TAG=v1\0x", 14, 0600, "rb-1", "", &p, &err), -1);
	/* Only a compose rollback has this step. */
	h.driver = DRIVER_HELM;
	assert_int_equal(plan_helm_rollback(&h, 0, "2.0", 4, "1.9", 3, 0, &p, &err), 0);
	assert_int_equal(plan_keep_tag(&h, env, strlen(env), 0600, "rb-1", "", &p, &err), -1);
}

/* HOSTS' .env! said in the dialog: .env's IMAGE_TAG against what the
 * service runs, and what the rollback or kill switch leaves in .env. No
 * drift, no words. */
static void
env_drift_is_said_with_what_env_keeps(void **state)
{
	static const char drift[] = "IMAGE_TAG=v1.5.0-bad\nEXPORT_MODE=on\n";
	struct config_host h = host();
	struct plan p;
	struct wr_err err;
	char w[512];

	(void)state;
	/* api runs v1.4.1 (rolled back by hand), .env says v1.5.0-bad. */
	assert_int_equal(plan_compose_rollback(&h, 0, "v1.4.1", "v1.4.0", 0, "i", "rb-1", &p, &err), 0);
	assert_int_equal(plan_keep_tag(&h, drift, strlen(drift), 0600, "rb-1", "", &p, &err), 1);
	assert_true(plan_env_drift(&p, w, sizeof(w)));
	assert_string_equal(w, ".env drift (HOSTS .env!): .env says IMAGE_TAG=v1.5.0-bad, api "
	    "runs v1.4.1. This rollback leaves IMAGE_TAG=v1.4.0 in .env once api is verified "
	    "healthy (the last step); if it stops before that, .env still says v1.5.0-bad and a "
	    "plain `docker compose up -d` brings it back");
	/* To the tag .env names: nothing to change, and then they agree. */
	assert_int_equal(plan_compose_rollback(&h, 0, "v1.4.1", "v1.5.0-bad", 0, "i", "rb-1", &p, &err), 0);
	assert_int_equal(plan_keep_tag(&h, drift, strlen(drift), 0600, "rb-1", "", &p, &err), 0);
	assert_true(plan_env_drift(&p, w, sizeof(w)));
	assert_string_equal(w, ".env drift (HOSTS .env!): .env says IMAGE_TAG=v1.5.0-bad, api "
	    "runs v1.4.1. This rollback goes to v1.5.0-bad, the tag .env names: .env is left as "
	    "it is, and then agrees");
	/* .env agrees with what runs: the usual rollback, no drift line. */
	assert_int_equal(plan_compose_rollback(&h, 0, "v1.5.0-bad", "v1.4.1", 0, "i", "rb-1", &p, &err), 0);
	assert_int_equal(plan_keep_tag(&h, drift, strlen(drift), 0600, "rb-1", "", &p, &err), 1);
	assert_false(plan_env_drift(&p, w, sizeof(w)));
	assert_string_equal(w, "");
	/* .env not read: nothing known to compare. */
	assert_int_equal(plan_compose_rollback(&h, 0, "v1.4.1", "v1.4.0", 0, "i", "rb-1", &p, &err), 0);
	assert_false(plan_env_drift(&p, w, sizeof(w)));
	/* The kill switch pins the running tag and leaves .env's other one. */
	assert_int_equal(plan_killswitch(&h, 0, "v1.4.1", drift, strlen(drift), 0600,
	    "EXPORT_MODE", "off", CONTAIN_EXPORT_ON, "ks-1", 0, &p, &err), 0);
	assert_true(plan_env_drift(&p, w, sizeof(w)));
	assert_string_equal(w, ".env drift (HOSTS .env!): .env says IMAGE_TAG=v1.5.0-bad, api "
	    "runs v1.4.1. The kill switch redeploys api at v1.4.1 and leaves "
	    "IMAGE_TAG=v1.5.0-bad in .env: the next plain `docker compose up -d` brings "
	    "v1.5.0-bad back");
	assert_int_equal(plan_killswitch(&h, 0, "v1.5.0-bad", drift, strlen(drift), 0600,
	    "EXPORT_MODE", "off", CONTAIN_EXPORT_ON, "ks-1", 0, &p, &err), 0);
	assert_false(plan_env_drift(&p, w, sizeof(w)));
}

/* A recorded or hand-written Deployment, and the env of its container c. */
static void
k8s_fixture(const char *name, const char *c, struct k8s_deploy *d, struct k8s_env *env)
{
	struct wr_err err;
	size_t len;
	char *buf = fixture_read(name, &len);

	assert_int_equal(parse_k8s_deploy(buf, len, d, &err), 0);
	assert_int_equal(parse_k8s_env(buf, len, c, env, &err), 0);
	free(buf);
}

static void
k8s_killswitch_plan(void **state)
{
	struct config_host h = host();
	struct k8s_deploy d;
	struct k8s_env env;
	struct plan p;
	struct wr_err err;
	char *json;
	cJSON *o;

	(void)state;
	h.driver = DRIVER_K8S;
	strcpy(h.namespace_, "prod");
	/* The fleet's deployment: one container, EXPORT_MODE=on, revision 4. */
	k8s_fixture("drivers/k8s_deploy.json", "api", &d, &env);
	assert_int_equal(plan_k8s_container(&d, "api", &err), 0);
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "EXPORT_MODE", "off",
	    CONTAIN_EXPORT_ON, 45, &p, &err), 0);
	assert_string_equal(p.action, "k8s.killswitch");
	assert_string_equal(p.from, "EXPORT_MODE=on");
	assert_string_equal(p.to, "EXPORT_MODE=off");
	assert_string_equal(p.keep_tag, "v1.5.0-bad");
	assert_string_equal(p.env_container, "api");
	assert_int_equal(p.from_rev, 4);
	assert_int_equal(p.nsteps, 2);
	assert_string_equal(p.steps[0].cmd, "kubectl set env deployment/api -n 'prod' "
	    "'EXPORT_MODE=off'");
	assert_true(p.steps[0].mutating);
	assert_int_equal(p.steps[0].kind, PLAN_EXEC);
	assert_string_equal(p.steps[1].cmd, "kubectl rollout status deployment/api -n 'prod' "
	    "--timeout=45s");
	assert_false(p.steps[1].mutating);
	assert_string_equal(p.verify_cmd, "kubectl get deploy 'api' -n 'prod' -o json");
	assert_string_equal(p.export_url, "http://127.0.0.1:8000/export");
	assert_string_equal(p.readyz_url, "http://127.0.0.1:8000/readyz");
	assert_string_equal(p.env_file, "");
	assert_string_equal(p.warning, "");
	o = plan_to_json(&p);
	json = cJSON_PrintUnformatted(o);
	assert_non_null(strstr(json, "\"container\":\"api\",\"env_key\":\"EXPORT_MODE\","
	    "\"env_set\":\"off\",\"keep_tag\":\"v1.5.0-bad\""));
	assert_non_null(strstr(json, "\"from_revision\":4"));
	cJSON_free(json);
	cJSON_Delete(o);
	/* Already off, and /export says so; an unsafe value; a name kubectl
	 * would not take. */
	strcpy(env.items[0].value, "off");
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "EXPORT_MODE", "off",
	    CONTAIN_EXPORT_OFF, 0, &p, &err), -1);
	assert_string_equal(err.msg, "EXPORT_MODE is already off in deployment api and /export "
	    "answers as disabled");
	/* The undo of a switch from unset: the variable removed. */
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "EXPORT_MODE", "",
	    CONTAIN_EXPORT_OFF, 0, &p, &err), 0);
	assert_string_equal(p.steps[0].cmd, "kubectl set env deployment/api -n 'prod' "
	    "'EXPORT_MODE-'");
	assert_string_equal(p.from, "EXPORT_MODE=off");
	assert_string_equal(p.to, "EXPORT_MODE=(unset)");
	assert_true(p.env_remove);
	assert_int_equal(p.health_timeout_s, 120);
	o = plan_to_json(&p);
	json = cJSON_PrintUnformatted(o);
	assert_non_null(strstr(json, "\"env_remove\":true"));
	assert_null(strstr(json, "env_set"));
	cJSON_free(json);
	cJSON_Delete(o);
	/* Off in the env, yet /export answers: a rollout that never completed
	 * (old pods serve). set env would roll out nothing: a restart does. */
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "EXPORT_MODE", "off",
	    CONTAIN_EXPORT_ON, 45, &p, &err), 0);
	assert_true(p.env_kept);
	assert_int_equal(p.nsteps, 2);
	assert_string_equal(p.steps[0].name, "rollout restart");
	assert_string_equal(p.steps[0].cmd, "kubectl rollout restart deployment/api -n 'prod'");
	assert_true(p.steps[0].mutating);
	assert_string_equal(p.steps[1].cmd, "kubectl rollout status deployment/api -n 'prod' "
	    "--timeout=45s");
	assert_string_equal(p.from, "EXPORT_MODE=off");
	assert_string_equal(p.to, "EXPORT_MODE=off");
	assert_string_equal(p.env_was, "off");
	assert_int_equal(p.from_rev, 4);
	assert_string_equal(p.warning, "deployment/api's env already says EXPORT_MODE=off but "
	    "/export still answers: the pods that answer do not run with it; this restarts the "
	    "rollout (kubectl rollout restart), the env not changed");
	o = plan_to_json(&p);
	json = cJSON_PrintUnformatted(o);
	assert_non_null(strstr(json, "\"env_set\":\"off\",\"env_kept\":true"));
	cJSON_free(json);
	cJSON_Delete(o);
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "EXPORT_MODE", "off;id",
	    CONTAIN_EXPORT_ON, 0, &p, &err), -1);
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "EXPORT MODE", "off",
	    CONTAIN_EXPORT_ON, 0, &p, &err), -1);
	env.n = 0;                       /* unset, exports on: removing it is nothing to do */
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "EXPORT_MODE", NULL,
	    CONTAIN_EXPORT_ON, 0, &p, &err), -1);
	assert_string_equal(err.msg, "EXPORT_MODE is already unset in deployment api and /export "
	    "answers");
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "EXPORT_MODE", "off",
	    CONTAIN_EXPORT_ON, 0, &p, &err), 0);
	assert_string_equal(p.from, "EXPORT_MODE=(unset)");
	/* Only on a k8s host. */
	h.driver = DRIVER_COMPOSE;
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "EXPORT_MODE", "off",
	    CONTAIN_EXPORT_ON, 0, &p, &err), -1);
	parse_k8s_env_free(&env);
}

static void
k8s_killswitch_refusals(void **state)
{
	struct config_host h = host();
	struct k8s_deploy d;
	struct k8s_env env;
	struct plan p;
	struct wr_err err;

	(void)state;
	h.driver = DRIVER_K8S;
	strcpy(h.namespace_, "prod");
	/* Three containers: the one named like the service, and -c says so. */
	k8s_fixture("drivers/k8s_deploy_env.json", "api", &d, &env);
	assert_int_equal(plan_k8s_container(&d, "api", &err), 1);
	assert_int_equal(plan_k8s_container(&d, "jobs", &err), -1);
	assert_string_equal(err.msg, "deployment jobs has 3 containers and none is named jobs: "
	    "which one reads EXPORT_MODE is not clear (set it by hand with kubectl set env -c)");
	/* EXPORT_MODE appears twice; the later (off) is what runs. */
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "EXPORT_MODE", "on",
	    CONTAIN_EXPORT_OFF, 30, &p, &err), 0);
	assert_string_equal(p.steps[0].cmd, "kubectl set env deployment/api -n 'prod' -c 'api' "
	    "'EXPORT_MODE=on'");
	assert_string_equal(p.from, "EXPORT_MODE=off");
	assert_string_equal(p.keep_tag, "v1.4.1");
	assert_int_equal(p.from_rev, 7);
	/* From a Secret or a ConfigMap: refused, saying so. */
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "DATABASE_URL", "off",
	    CONTAIN_EXPORT_ON, 30, &p, &err), -1);
	assert_string_equal(err.msg, "DATABASE_URL in container api of deployment api comes from "
	    "a secretKeyRef (valueFrom): change it there, not with the kill switch");
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "FEATURE_FLAGS", "off",
	    CONTAIN_EXPORT_ON, 30, &p, &err), -1);
	assert_non_null(strstr(err.msg, "comes from a configMapKeyRef (valueFrom)"));
	/* A value it could not put back on undo. */
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "LONG", "off",
	    CONTAIN_EXPORT_ON, 30, &p, &err), -1);
	assert_non_null(strstr(err.msg, "holds a value the kill switch could not put back"));
	/* Not set, but envFrom may set it: said in the plan. */
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "NEW_SWITCH", "off",
	    CONTAIN_EXPORT_ON, 30, &p, &err), 0);
	assert_string_equal(p.warning, "container api also takes variables from envFrom (a "
	    "ConfigMap or Secret): NEW_SWITCH may be set there; the entry set here takes "
	    "precedence over it");
	parse_k8s_env_free(&env);
	/* The sidecar's own EXPORT_MODE is never the one read for api. */
	k8s_fixture("drivers/k8s_deploy_env.json", "envoy", &d, &env);
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "EXPORT_MODE", "off",
	    CONTAIN_EXPORT_ON, 30, &p, &err), 0);
	assert_string_equal(p.steps[0].cmd, "kubectl set env deployment/api -n 'prod' -c 'envoy' "
	    "'EXPORT_MODE=off'");
	parse_k8s_env_free(&env);
	/* No revision annotation: a new rollout could not be told apart. */
	k8s_fixture("drivers/k8s_deploy_minimal.json", "api", &d, &env);
	assert_int_equal(d.revision, 0);
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "EXPORT_MODE", "off",
	    CONTAIN_EXPORT_ON, 30, &p, &err), -1);
	assert_non_null(strstr(err.msg, "no revision annotation"));
	parse_k8s_env_free(&env);
}

static void
killswitch_undo_value_from_the_journal(void **state)
{
	struct record v[6];
	int64_t at = 0;
	char out[64];
	size_t i;

	v[0] = rec("action.intent", "h1", "ks-1", "{\"plan\":{\"action\":\"compose.killswitch\","
	    "\"from\":\"EXPORT_MODE=full\",\"to\":\"EXPORT_MODE=off\"}}");
	v[1] = rec("action.end", "h1", "ks-1", "{\"outcome\":\"ok\"}");
	v[1].ts_ms = 1795746660000;          /* 2026-11-27T02:31:00Z */
	v[2] = rec("action.intent", "h1", "rb-1", "{\"plan\":{\"action\":\"compose.rollback\"}}");
	v[3] = rec("action.end", "h1", "rb-1", "{\"outcome\":\"ok\"}");
	v[4] = rec("action.intent", "h1", "ks-2", "{\"plan\":{\"action\":\"compose.killswitch\","
	    "\"from\":\"EXPORT_MODE=off\",\"to\":\"EXPORT_MODE=full\"}}");
	v[5] = rec("action.end", "h1", "ks-2", "{\"outcome\":\"failed\"}");
	/* The failed undo does not count; a rollback in between does not either. */
	assert_int_equal(plan_killswitch_restore(v, 6, "h1", out, sizeof(out), &at), 1);
	assert_string_equal(out, "full");
	assert_true(at == 1795746660000);
	assert_int_equal(plan_killswitch_restore(v, 6, "h2", out, sizeof(out), NULL), 0);
	/* An undo that ended ok does not change what the switch replaced:
	 * whether X turns it off or on is read from the host, not from here. */
	cJSON_Delete(v[5].data);
	v[5] = rec("action.end", "h1", "ks-2", "{\"outcome\":\"ok\"}");
	assert_int_equal(plan_killswitch_restore(v, 6, "h1", out, sizeof(out), NULL), 1);
	assert_string_equal(out, "full");
	for (i = 0; i < 6; i++)
		cJSON_Delete(v[i].data);
	/* k8s: the value it replaced, or "" (remove it again) when unset. */
	v[0] = rec("action.intent", "k1", "ks-3", "{\"plan\":{\"action\":\"k8s.killswitch\","
	    "\"from\":\"EXPORT_MODE=(unset)\",\"to\":\"EXPORT_MODE=off\"}}");
	v[1] = rec("action.end", "k1", "ks-3", "{\"outcome\":\"ok\"}");
	assert_int_equal(plan_killswitch_restore(v, 2, "k1", out, sizeof(out), NULL), 1);
	assert_string_equal(out, "");
	cJSON_Delete(v[0].data);
	v[0] = rec("action.intent", "k1", "ks-3", "{\"plan\":{\"action\":\"k8s.killswitch\","
	    "\"from\":\"EXPORT_MODE=on\",\"to\":\"EXPORT_MODE=off\"}}");
	assert_int_equal(plan_killswitch_restore(v, 2, "k1", out, sizeof(out), NULL), 1);
	assert_string_equal(out, "on");
	/* UNKNOWN, then settled ok by the re-read: it turned the export off. */
	cJSON_Delete(v[1].data);
	v[1] = rec("action.end", "k1", "ks-3", "{\"outcome\":\"unknown\"}");
	assert_int_equal(plan_killswitch_restore(v, 2, "k1", out, sizeof(out), NULL), 0);
	v[2] = rec("action.reconcile", "k1", "ks-3", "{\"outcome\":\"ok\"}");
	v[2].ts_ms = 42;
	assert_int_equal(plan_killswitch_restore(v, 3, "k1", out, sizeof(out), &at), 1);
	assert_string_equal(out, "on");
	assert_true(at == 42);
	for (i = 0; i < 3; i++)
		cJSON_Delete(v[i].data);
}

static void
killswitch_undo_value_from_the_chains_first_switch(void **state)
{
	struct record v[10];
	int64_t at = 0;
	char out[64];
	size_t i;

	(void)state;
	/* FAILED (.env written off, redeploy failed), then a redeploy
	 * only from off that ended ok: restore what the first replaced. */
	v[0] = rec("action.intent", "h1", "ks-1", "{\"plan\":{\"action\":\"compose.killswitch\","
	    "\"from\":\"EXPORT_MODE=on\",\"to\":\"EXPORT_MODE=off\"}}");
	v[1] = rec("action.end", "h1", "ks-1", "{\"outcome\":\"failed\"}");
	v[2] = rec("action.intent", "h1", "ks-2", "{\"plan\":{\"action\":\"compose.killswitch\","
	    "\"from\":\"EXPORT_MODE=off\",\"to\":\"EXPORT_MODE=off\"}}");
	v[3] = rec("action.end", "h1", "ks-2", "{\"outcome\":\"ok\"}");
	v[3].ts_ms = 77;
	assert_int_equal(plan_killswitch_restore(v, 4, "h1", out, sizeof(out), &at), 1);
	assert_string_equal(out, "on");
	assert_true(at == 77);
	/* A restore that ended ok closes a chain: the next one starts anew. */
	v[4] = rec("action.intent", "h1", "ks-3", "{\"plan\":{\"action\":\"compose.killswitch\","
	    "\"from\":\"EXPORT_MODE=off\",\"to\":\"EXPORT_MODE=on\"}}");
	v[5] = rec("action.end", "h1", "ks-3", "{\"outcome\":\"ok\"}");
	v[6] = rec("action.intent", "h1", "ks-4", "{\"plan\":{\"action\":\"compose.killswitch\","
	    "\"from\":\"EXPORT_MODE=full\",\"to\":\"EXPORT_MODE=off\"}}");
	v[7] = rec("action.end", "h1", "ks-4", "{\"outcome\":\"failed\"}");
	v[8] = rec("action.intent", "h1", "ks-5", "{\"plan\":{\"action\":\"compose.killswitch\","
	    "\"from\":\"EXPORT_MODE=off\",\"to\":\"EXPORT_MODE=off\"}}");
	v[9] = rec("action.end", "h1", "ks-5", "{\"outcome\":\"ok\"}");
	assert_int_equal(plan_killswitch_restore(v, 10, "h1", out, sizeof(out), NULL), 1);
	assert_string_equal(out, "full");
	/* A restore that failed does not: the chain reaches past it. */
	cJSON_Delete(v[5].data);
	v[5] = rec("action.end", "h1", "ks-3", "{\"outcome\":\"failed\"}");
	cJSON_Delete(v[6].data);
	v[6] = rec("action.intent", "h1", "ks-4", "{\"plan\":{\"action\":\"compose.killswitch\","
	    "\"from\":\"EXPORT_MODE=on\",\"to\":\"EXPORT_MODE=off\"}}");
	assert_int_equal(plan_killswitch_restore(v, 10, "h1", out, sizeof(out), NULL), 1);
	assert_string_equal(out, "on");
	/* Every switch from off (.env said off before this incident): "on". */
	assert_int_equal(plan_killswitch_restore(v + 2, 2, "h1", out, sizeof(out), NULL), 1);
	assert_string_equal(out, "on");
	/* k8s: unset before the first one, "" (removed again). */
	for (i = 0; i < 10; i++)
		cJSON_Delete(v[i].data);
	v[0] = rec("action.intent", "k1", "ks-6", "{\"plan\":{\"action\":\"k8s.killswitch\","
	    "\"from\":\"EXPORT_MODE=(unset)\",\"to\":\"EXPORT_MODE=off\"}}");
	v[1] = rec("action.end", "k1", "ks-6", "{\"outcome\":\"failed\"}");
	v[2] = rec("action.intent", "k1", "ks-7", "{\"plan\":{\"action\":\"k8s.killswitch\","
	    "\"from\":\"EXPORT_MODE=off\",\"to\":\"EXPORT_MODE=off\"}}");
	v[3] = rec("action.end", "k1", "ks-7", "{\"outcome\":\"ok\"}");
	assert_int_equal(plan_killswitch_restore(v, 4, "k1", out, sizeof(out), NULL), 1);
	assert_string_equal(out, "");
	for (i = 0; i < 4; i++)
		cJSON_Delete(v[i].data);
}

static void
killswitch_direction_from_what_export_answers(void **state)
{
	(void)state;
	/* X: off unless /export answers off; then the value replaced. */
	assert_string_equal(plan_killswitch_value(CONTAIN_EXPORT_ON, NULL, "full"), "off");
	assert_string_equal(plan_killswitch_value(CONTAIN_EXPORT_OFF, NULL, "full"), "full");
	assert_string_equal(plan_killswitch_value(CONTAIN_EXPORT_OFF, NULL, ""), "");
	/* No kill switch of this incident to undo: on. */
	assert_string_equal(plan_killswitch_value(CONTAIN_EXPORT_OFF, NULL, NULL), "on");
	/* Not known (no answer, no health_url): never restored blind. */
	assert_string_equal(plan_killswitch_value(CONTAIN_EXPORT_UNKNOWN, NULL, "full"), "off");
	/* the last kill switch's rollout not complete, /export off from
	 * the new pods: not known, so off again (rollout restart), never on. */
	assert_int_equal(plan_killswitch_seen(CONTAIN_EXPORT_OFF, true), CONTAIN_EXPORT_UNKNOWN);
	assert_string_equal(plan_killswitch_value(plan_killswitch_seen(CONTAIN_EXPORT_OFF, true),
	    NULL, "on"), "off");
	assert_int_equal(plan_killswitch_how("off", "off", plan_killswitch_seen(CONTAIN_EXPORT_OFF,
	    true)), PLAN_KS_REDEPLOY);
	assert_int_equal(plan_killswitch_seen(CONTAIN_EXPORT_OFF, false), CONTAIN_EXPORT_OFF);
	assert_int_equal(plan_killswitch_seen(CONTAIN_EXPORT_ON, true), CONTAIN_EXPORT_ON);
	/* A runbook step's direction is its own. */
	assert_string_equal(plan_killswitch_value(CONTAIN_EXPORT_OFF, "off", "full"), "off");
	assert_string_equal(plan_killswitch_value(CONTAIN_EXPORT_ON, "on", NULL), "on");
	assert_string_equal(plan_killswitch_value(CONTAIN_EXPORT_ON, "on", "full"), "full");

	/* .env off (a redeploy that failed) + /export on: off, redeploy only. */
	assert_string_equal(plan_killswitch_value(CONTAIN_EXPORT_ON, NULL, "on"), "off");
	assert_int_equal(plan_killswitch_how("off", "off", CONTAIN_EXPORT_ON), PLAN_KS_REDEPLOY);
	/* .env off + /export off: restored, .env edited. */
	assert_string_equal(plan_killswitch_value(CONTAIN_EXPORT_OFF, NULL, "on"), "on");
	assert_int_equal(plan_killswitch_how("off", "on", CONTAIN_EXPORT_OFF), PLAN_KS_SET);
	/* .env on + /export on: off, .env edited. */
	assert_int_equal(plan_killswitch_how("on", "off", CONTAIN_EXPORT_ON), PLAN_KS_SET);
	assert_int_equal(plan_killswitch_how(NULL, "off", CONTAIN_EXPORT_ON), PLAN_KS_SET);
	/* /export not known: off, whatever .env says; redeployed when it
	 * says off already (the service may not run with it). */
	assert_int_equal(plan_killswitch_how("off", "off", CONTAIN_EXPORT_UNKNOWN),
	    PLAN_KS_REDEPLOY);
	assert_int_equal(plan_killswitch_how("on", "off", CONTAIN_EXPORT_UNKNOWN), PLAN_KS_SET);
	/* Off already and /export agrees: nothing to do (a step's off). */
	assert_int_equal(plan_killswitch_how("off", "off", CONTAIN_EXPORT_OFF), PLAN_KS_ALREADY);
	/* A restore that failed to redeploy: .env on, /export off. */
	assert_string_equal(plan_killswitch_value(CONTAIN_EXPORT_OFF, NULL, NULL), "on");
	assert_int_equal(plan_killswitch_how("on", "on", CONTAIN_EXPORT_OFF), PLAN_KS_REDEPLOY);
	/* A step's on with .env on and /export on or not known: nothing. */
	assert_int_equal(plan_killswitch_how("on", "on", CONTAIN_EXPORT_ON), PLAN_KS_ALREADY);
	assert_int_equal(plan_killswitch_how("on", "on", CONTAIN_EXPORT_UNKNOWN), PLAN_KS_ALREADY);
	/* k8s's removal: unset already is in place. */
	assert_int_equal(plan_killswitch_how("off", "", CONTAIN_EXPORT_OFF), PLAN_KS_SET);
	assert_int_equal(plan_killswitch_how(NULL, "", CONTAIN_EXPORT_OFF), PLAN_KS_REDEPLOY);
	assert_int_equal(plan_killswitch_how(NULL, NULL, CONTAIN_EXPORT_ON), PLAN_KS_ALREADY);
}

/* .env already holds the value but /export says the service does not run
 * with it (its redeploy failed): only the redeploy, said in bold. */
static void
killswitch_redeploys_when_env_holds_it(void **state)
{
	static const char env[] = "IMAGE_TAG=v1.4.1\nEXPORT_MODE=off\n";
	struct config_host h = host();
	struct plan p;
	struct wr_err err;
	char *json, head[256], change[256];
	cJSON *o;

	(void)state;
	strcpy(h.health_url, "http://127.0.0.1:8080");
	assert_int_equal(plan_killswitch(&h, 0, "v1.4.1", env, strlen(env), 0600, "EXPORT_MODE",
	    "off", CONTAIN_EXPORT_ON, "ks-2", 30, &p, &err), 0);
	assert_true(p.env_kept);
	assert_string_equal(p.from, "EXPORT_MODE=off");
	assert_string_equal(p.to, "EXPORT_MODE=off");
	assert_string_equal(p.env_value, "off");
	assert_int_equal(p.nsteps, 1);
	assert_string_equal(p.steps[0].name, "redeploy");
	assert_string_equal(p.steps[0].cmd, "cd '/srv/app deploy' && IMAGE_TAG='v1.4.1' docker "
	    "compose --env-file .env -f docker-compose.yml up -d 'api'");
	/* Still bound to .env as read; no file of its own beside it. */
	assert_string_equal(p.env_file, "/srv/app deploy/.env");
	assert_true(p.env_hash[0] != '\0');
	assert_string_equal(p.env_new, "");
	assert_string_equal(p.env_backup, "");
	assert_string_equal(p.export_url, "http://127.0.0.1:8080/export");
	assert_string_equal(p.warning, ".env already says EXPORT_MODE=off but /export still "
	    "answers: api was not redeployed with it; this redeploys it (.env is not changed)");
	o = plan_to_json(&p);
	json = cJSON_PrintUnformatted(o);
	assert_non_null(strstr(json, "\"env_kept\":true"));
	cJSON_free(json);
	cJSON_Delete(o);
	plan_confirm_words(&p, "switch", head, sizeof(head), change, sizeof(change));
	assert_string_equal(change, "EXPORT_MODE=off as it is, redeployed with it");
	/* /export not known: redeployed all the same, saying so. */
	assert_int_equal(plan_killswitch(&h, 0, "v1.4.1", env, strlen(env), 0600, "EXPORT_MODE",
	    "off", CONTAIN_EXPORT_UNKNOWN, "ks-2", 30, &p, &err), 0);
	assert_true(p.env_kept);
	assert_string_equal(p.warning, ".env already says EXPORT_MODE=off but whether /export "
	    "still answers is not known: api may not run with it; this redeploys it (.env is "
	    "not changed)");
	/* A restore whose redeploy failed: .env on, /export disabled. */
	assert_int_equal(plan_killswitch(&h, 0, "v1.4.1", "EXPORT_MODE=on\n", 15, 0600,
	    "EXPORT_MODE", "on", CONTAIN_EXPORT_OFF, "ks-3", 30, &p, &err), 0);
	assert_true(p.env_kept);
	assert_int_equal(p.nsteps, 1);
	assert_string_equal(p.warning, ".env already says EXPORT_MODE=on but /export answers as "
	    "disabled (exports are off): api was not redeployed with it; this redeploys it (.env "
	    "is not changed)");
	/* The usual switch writes .env: not kept. */
	assert_int_equal(plan_killswitch(&h, 0, "v1.4.1", env, strlen(env), 0600, "EXPORT_MODE",
	    "on", CONTAIN_EXPORT_OFF, "ks-4", 30, &p, &err), 0);
	assert_false(p.env_kept);
	assert_int_equal(p.nsteps, 3);
	assert_string_equal(p.warning, "");
}

static void
k8s_rollback_says_what_it_does_to_the_export(void **state)
{
	struct config_host h = host();
	struct k8s_env env;
	struct wr_err err;
	struct plan p;
	char word[64], *json;
	cJSON *o;

	(void)state;
	h.driver = DRIVER_K8S;
	strcpy(h.namespace_, "prod");
	/* Words for what a template sets. */
	memset(&env, 0, sizeof(env));
	plan_export_word(&env, "EXPORT_MODE", word, sizeof(word));
	assert_string_equal(word, "(unset)");
	env.items = calloc(1, sizeof(*env.items));
	env.n = 1;
	strcpy(env.items[0].name, "EXPORT_MODE");
	strcpy(env.items[0].value, "off");
	plan_export_word(&env, "EXPORT_MODE", word, sizeof(word));
	assert_string_equal(word, "off");
	assert_int_equal(plan_export_state(word), 1);
	strcpy(env.items[0].value, "on\x1b[2J");
	plan_export_word(&env, "EXPORT_MODE", word, sizeof(word));
	assert_string_equal(word, "(another value)");
	assert_int_equal(plan_export_state(word), 0);
	strcpy(env.items[0].value_from, "secretKeyRef");
	plan_export_word(&env, "EXPORT_MODE", word, sizeof(word));
	assert_string_equal(word, "(from a secretKeyRef)");
	assert_int_equal(plan_export_state(word), -1);
	free(env.items);
	assert_int_equal(plan_export_state("(unset)"), 0);
	assert_int_equal(plan_export_state(""), -1);

	/* After the kill switch (revision 6 off), back to revision 5 at the
	 * same tag: its template turns exports back on. */
	assert_int_equal(plan_k8s_undo(&h, 0, "v1.4.1", 6, 5, "v1.4.1", 30, &p, &err), 0);
	plan_k8s_undo_notes(&p, "api", "off", "on", &(struct plan_ks_last){ 1795746660000, true,
	    "ok" });
	assert_string_equal(p.warning, "revision 5 has EXPORT_MODE=on: this rollback turns "
	    "exports back ON (now off since the kill switch at 02:31 UTC)\nsame tag v1.4.1: "
	    "this only changes the pod template: EXPORT_MODE=off -> EXPORT_MODE=on");
	o = plan_to_json(&p);
	json = cJSON_PrintUnformatted(o);
	assert_non_null(strstr(json, "\"export_mode\":{\"container\":\"api\",\"now\":\"off\","
	    "\"target\":\"on\"}"));
	assert_non_null(strstr(json, "\"warning\":\"revision 5 has EXPORT_MODE=on"));
	cJSON_free(json);
	cJSON_Delete(o);
	/* Off by other hands than this incident's; a template without it. */
	assert_int_equal(plan_k8s_undo(&h, 0, "v1.5.0-bad", 6, 3, "v1.4.1", 30, &p, &err), 0);
	plan_k8s_undo_notes(&p, "api", "off", "(unset)", NULL);
	assert_string_equal(p.warning, "revision 3 sets no EXPORT_MODE: this rollback turns "
	    "exports back ON (now off)");
	assert_int_equal(plan_k8s_undo(&h, 0, "v1.5.0-bad", 6, 3, "v1.4.1", 30, &p, &err), 0);
	plan_k8s_undo_notes(&p, "api", "off", "(from a configMapKeyRef)", NULL);
	assert_string_equal(p.warning, "revision 3 has EXPORT_MODE from a configMapKeyRef: this "
	    "rollback may turn exports back ON (now off)");
	assert_int_equal(plan_k8s_undo(&h, 0, "v1.5.0-bad", 6, 3, "", 30, &p, &err), 0);
	plan_k8s_undo_notes(&p, "api", "off", "", NULL);
	assert_string_equal(p.warning, "revision 3's EXPORT_MODE could not be read: this "
	    "rollback may turn exports back ON (now off)");
	/* The other way round. */
	assert_int_equal(plan_k8s_undo(&h, 0, "v1.4.1", 7, 6, "v1.4.1", 30, &p, &err), 0);
	plan_k8s_undo_notes(&p, "api", "(unset)", "off", NULL);
	assert_string_equal(p.warning, "revision 6 has EXPORT_MODE=off: this rollback turns "
	    "exports OFF (now EXPORT_MODE unset)\nsame tag v1.4.1: this only changes the pod "
	    "template: EXPORT_MODE unset -> EXPORT_MODE=off");
	/* Nothing to say: another tag, the export as it is. */
	assert_int_equal(plan_k8s_undo(&h, 0, "v1.5.0-bad", 4, 3, "v1.4.1", 30, &p, &err), 0);
	plan_k8s_undo_notes(&p, "api", "on", "on", NULL);
	assert_string_equal(p.warning, "");
	/* The same tag and env: still only a template change. */
	assert_int_equal(plan_k8s_undo(&h, 0, "v1.4.1", 4, 3, "v1.4.1", 30, &p, &err), 0);
	plan_k8s_undo_notes(&p, "api", "on", "on", NULL);
	assert_string_equal(p.warning, "same tag v1.4.1: this only changes the pod template (its "
	    "env or settings), not the release");
	/* Not read: nothing said, nothing journalled. */
	assert_int_equal(plan_k8s_undo(&h, 0, "v1.5.0-bad", 4, 3, "", 30, &p, &err), 0);
	plan_k8s_undo_notes(&p, "api", "", "", NULL);
	assert_string_equal(p.warning, "");
	o = plan_to_json(&p);
	assert_null(cJSON_GetObjectItem(o, "export_mode"));
	cJSON_Delete(o);
}

static void
k8s_rollback_target_keeps_the_kill_switch(void **state)
{
	struct plan_target t[4] = {
		{ .tag = "v1.4.1", .export_mode = "on" },
		{ .tag = "v1.4.1", .export_mode = "off" },
		{ .tag = "v1.4.0", .export_mode = "off" },
		{ .tag = "v1.5.0-bad", .export_mode = "off" },
	};

	(void)state;
	/* Exports off now: the good tag's revision that keeps them off. */
	assert_int_equal(plan_k8s_default(t, 4, "off", "v1.5.0-bad"), 1);
	/* On now: the newest keeps them on already. */
	assert_int_equal(plan_k8s_default(t, 4, "on", "v1.5.0-bad"), 0);
	assert_int_equal(plan_k8s_default(t, 4, "(unset)", "v1.5.0-bad"), 0);
	/* None at the good tag keeps them off: none, never one that turns
	 * exports back on (the engineer picks it, the dialog warning). */
	strcpy(t[1].export_mode, "on");
	assert_int_equal(plan_k8s_default(t, 4, "off", "v1.5.0-bad"), -1);
	/* What is not known decides nothing. */
	assert_int_equal(plan_k8s_default(t, 4, "", "v1.5.0-bad"), 0);
	assert_int_equal(plan_k8s_default(t, 0, "off", "v1.5.0-bad"), -1);
	strcpy(t[0].tag, "");
	assert_int_equal(plan_k8s_default(t, 4, "off", "v1.5.0-bad"), 0);
}

/* Finding: after the kill switch on k8s (revision 5: v1.5.0-bad with
 * EXPORT_MODE=off), r and B preselected revision 4, the same bad tag with
 * EXPORT_MODE=on: confirming it undid the switch and kept the bad image. */
static void
k8s_after_the_kill_switch_the_running_tag_is_not_preselected(void **state)
{
	/* The demo's rollout history before revision 5, newest first. */
	struct plan_target t[4] = {
		{ .tag = "v1.5.0-bad", .export_mode = "on" },
		{ .tag = "v1.4.1", .export_mode = "on" },
		{ .tag = "v1.4.0", .export_mode = "on" },
		{ .tag = "v1.3.2", .export_mode = "on" },
	};
	struct config_host h = host();
	struct wr_err err;
	struct plan p;
	char why[384];

	(void)state;
	/* The last good tag, revision 3 (v1.4.1), turns exports back on:
	 * never preselected (the README says so), and said why;
	 * revision 4 is no rollback at all. */
	assert_int_equal(plan_k8s_default(t, 4, "off", "v1.5.0-bad"), -1);
	assert_int_equal(plan_targets_default(t, 4, 4, false, "off", "v1.5.0-bad", why,
	    sizeof(why)), -1);
	assert_string_equal(why, "nothing is preselected: v1.4.1, the newest earlier release, "
	    "would change EXPORT_MODE (now off); Up/Down picks one");
	/* With exports on too: the running tag is no rollback target. */
	assert_int_equal(plan_targets_default(t, 4, 4, false, "on", "v1.5.0-bad", why,
	    sizeof(why)), 1);
	/* v1.4.1 rolled back from (marked, listed last): the next tag, v1.4.0. */
	{
		struct plan_target o[4] = { t[0], t[2], t[3], t[1] };

		o[3].bad = true;
		assert_int_equal(plan_targets_default(o, 4, 3, false, "on", "v1.5.0-bad", why,
		    sizeof(why)), 1);
	}
	/* Only the running tag left, and it would turn exports back on: none. */
	assert_int_equal(plan_k8s_default(t, 1, "off", "v1.5.0-bad"), -1);
	assert_int_equal(plan_targets_default(t, 1, 1, false, "off", "v1.5.0-bad", why,
	    sizeof(why)), -1);
	assert_string_equal(why, "nothing is preselected: every earlier revision runs the running "
	    "tag v1.5.0-bad and would change EXPORT_MODE (now off); Up/Down picks one");
	/* …the others rolled back from. */
	{
		struct plan_target o[2] = { t[0], t[1] };

		o[1].bad = true;
		assert_int_equal(plan_targets_default(o, 2, 1, false, "off", "v1.5.0-bad", why,
		    sizeof(why)), -1);
		assert_string_equal(why, "nothing is preselected: every earlier revision not rolled "
		    "back from runs the running tag v1.5.0-bad and would change EXPORT_MODE (now "
		    "off); Up/Down picks one");
	}
	/* Its EXPORT_MODE not read: it may, so none either. */
	{
		struct plan_target o[1] = { { .tag = "v1.5.0-bad", .export_mode = "" } };

		assert_int_equal(plan_targets_default(o, 1, 1, false, "off", "v1.5.0-bad", why,
		    sizeof(why)), -1);
		assert_string_equal(why, "nothing is preselected: every earlier revision runs the "
		    "running tag v1.5.0-bad and may change EXPORT_MODE (now off); Up/Down picks one");
	}
	/* At the running tag, keeping the export: only a template change, offered. */
	strcpy(t[0].export_mode, "off");
	assert_int_equal(plan_k8s_default(t, 1, "off", "v1.5.0-bad"), 0);
	/* Named (a runbook step's revision 4): theirs, at any tag. */
	strcpy(t[0].export_mode, "on");
	assert_int_equal(plan_targets_default(t, 1, 1, true, "off", "v1.5.0-bad", why,
	    sizeof(why)), 0);
	/* Picked by hand: the warnings as before. */
	h.driver = DRIVER_K8S;
	strcpy(h.namespace_, "prod");
	assert_int_equal(plan_k8s_undo(&h, 0, "v1.5.0-bad", 5, 4, "v1.5.0-bad", 60, &p, &err), 0);
	plan_k8s_undo_notes(&p, "api", "off", "on", NULL);
	assert_string_equal(p.warning, "revision 4 has EXPORT_MODE=on: this rollback turns exports "
	    "back ON (now off)\nsame tag v1.5.0-bad: this only changes the pod template: "
	    "EXPORT_MODE=off -> EXPORT_MODE=on");
}

/* Finding: a runbook step's typed revision went back to the bad release
 * unsaid. Named, it is still the one planned, and still marked and
 * warned first, before the export's notes. */
static void
a_named_bad_revision_is_marked_and_warned_first(void **state)
{
	struct plan_target t[1] = { { .tag = "v1.5.0-bad", .export_mode = "on", .bad = true, .same = false } };
	struct config_host h = host();
	struct wr_err err;
	struct plan p;
	char why[384];

	(void)state;
	assert_int_equal(plan_targets_default(t, 1, 0, true, "on", "", why, sizeof(why)), 0);
	assert_string_equal(why, "");
	assert_string_equal(plan_target_note(&t[0]), "  (rolled back from in this incident)");
	h.driver = DRIVER_K8S;
	strcpy(h.namespace_, "prod");
	assert_int_equal(plan_k8s_undo(&h, 0, "v1.4.1", 5, 4, "v1.5.0-bad", 60, &p, &err), 0);
	plan_k8s_undo_notes(&p, "api", "off", "on", NULL);
	plan_warn_rolled_back(&p, "in this incident");
	assert_string_equal(p.warning, "v1.5.0-bad WAS ROLLED BACK FROM in this incident: going "
	    "back to it very likely brings the failure back; pick another target unless it was "
	    "fixed\nrevision 4 has EXPORT_MODE=on: this rollback turns exports back ON (now off)");
	/* helm's `helm rollback api <REV>`, the same. */
	h.driver = DRIVER_HELM;
	assert_int_equal(plan_helm_rollback(&h, 0, "1.4.1", 5, "1.5.0-bad", 4, 0, &p, &err), 0);
	plan_warn_rolled_back(&p, "in this incident");
	assert_string_equal(p.warning, "1.5.0-bad WAS ROLLED BACK FROM in this incident: going "
	    "back to it very likely brings the failure back; pick another target unless it was "
	    "fixed");
}

/* this incident's own OK target, left later by an outside "Rollback
 * to N" back to the bad release, was preselected under a red "WAS ROLLED
 * BACK FROM … brings the failure back". It is a plain note now. */
static void
own_target_left_later_is_a_note(void **state)
{
	struct config_host h = host();
	struct plan p;
	struct wr_err err;

	(void)state;
	h.driver = DRIVER_HELM;
	assert_int_equal(plan_helm_rollback(&h, 0, "1.5.0-bad", 7, "1.4.1", 5, 0, &p, &err), 0);
	plan_note_left_ours(&p, "helm revision 6 is \"Rollback to 4\"");
	assert_string_equal(p.warning, "");
	assert_string_equal(p.note, "1.4.1 held OK as this incident's rollback target; it was "
	    "left after that (helm revision 6 is \"Rollback to 4\")");
}

/* Finding: helm preselected the revision the running one is a copy of. */
static void
helm_same_version_is_flagged_never_preselected(void **state)
{
	struct plan_target t[3] = {
		{ .tag = "1.4.1", .export_mode = "", .bad = false, .same = true }, { .tag = "1.4.0", .export_mode = "", .bad = false, .same = false }, { .tag = "1.3.2", .export_mode = "", .bad = false, .same = false },
	};
	struct config_host h = host();
	struct wr_err err;
	struct plan p;
	char why[384];
	int order[3], nfree;

	(void)state;
	assert_true(plan_same_version("api-0.11.0", "1.4.1", "api-0.11.0", "1.4.1"));
	assert_false(plan_same_version("api-0.12.0", "1.4.1", "api-0.11.0", "1.4.1"));
	assert_false(plan_same_version("api-0.11.0", "1.4.0", "api-0.11.0", "1.4.1"));
	assert_false(plan_same_version("", "", "", ""));
	/* The natural target (newest) is the same version: listed after the others. */
	nfree = plan_targets_order(t, 3, order);
	assert_int_equal(nfree, 2);
	assert_int_equal(order[0], 1);
	assert_int_equal(order[1], 2);
	assert_int_equal(order[2], 0);
	assert_string_equal(plan_target_note(&t[0]),
	    "  (same version as running: nothing would change)");
	assert_string_equal(plan_target_note(&t[1]), "");
	/* The only choice: listed, flagged, not preselected, and said why. */
	assert_int_equal(plan_targets_default(t, 1, 0, false, "", "", why, sizeof(why)), -1);
	assert_string_equal(why, "nothing is preselected: every earlier revision is the same "
	    "version as running (1.4.1): a rollback to it would change nothing; Up/Down picks one");
	/* Picked anyway: its plan says so, as k8s says a same-tag target's. */
	h.driver = DRIVER_HELM;
	strcpy(h.namespace_, "prod");
	assert_int_equal(plan_helm_rollback(&h, 0, "1.4.1", 5, "1.4.1", 3, 0, &p, &err), 0);
	plan_warn_same(&p);
	assert_string_equal(p.warning, "same version as running (1.4.1): nothing would change");
	/* Rolled back from as well: that first. */
	plan_warn_rolled_back(&p, "in this incident");
	assert_string_equal(p.warning, "1.4.1 WAS ROLLED BACK FROM in this incident: going back "
	    "to it very likely brings the failure back; pick another target unless it was fixed\n"
	    "same version as running (1.4.1): nothing would change");
}

/* Finding: k8s refused outright when every earlier revision was rolled
 * back from; now they are all listed, marked, and none preselected. */
static void
all_marked_targets_are_listed_none_preselected(void **state)
{
	struct plan_target t[4] = {
		{ .tag = "v1.5.0-bad", .export_mode = "on", .bad = true, .same = false }, { .tag = "v1.4.1", .export_mode = "on", .bad = false, .same = false },
		{ .tag = "v1.4.1", .export_mode = "off", .bad = false, .same = false }, { .tag = "v1.4.0", .export_mode = "on", .bad = true, .same = false },
	};
	struct config_host h = host();
	struct wr_err err;
	struct plan p;
	char why[384], head[300], change[300];
	int order[4], nfree;

	(void)state;
	/* Some unmarked: they come first, in their order, and the default is
	 * among them (the one keeping exports off, as before). */
	nfree = plan_targets_order(t, 4, order);
	assert_int_equal(nfree, 2);
	assert_int_equal(order[0], 1);
	assert_int_equal(order[1], 2);
	assert_int_equal(order[2], 0);
	assert_int_equal(order[3], 3);
	{
		struct plan_target o[4] = { t[1], t[2], t[0], t[3] };

		assert_int_equal(plan_targets_default(o, 4, 2, false, "off", "", why, sizeof(why)), 1);
		assert_int_equal(plan_targets_default(o, 4, 2, false, "on", "", why, sizeof(why)), 0);
		assert_string_equal(why, "");
	}
	/* Every one rolled back from: none, and why. */
	t[1].bad = t[2].bad = true;
	assert_int_equal(plan_targets_order(t, 4, order), 0);
	assert_int_equal(plan_targets_default(t, 4, 0, false, "on", "", why, sizeof(why)), -1);
	assert_string_equal(why, "nothing is preselected: every earlier revision was rolled back "
	    "from in this incident (v1.5.0-bad, v1.4.1, v1.4.0); Up/Down picks one, only if it "
	    "was fixed");
	/* Rolled back from, or the same version. */
	t[1].bad = false;
	t[1].same = true;
	assert_int_equal(plan_targets_default(t, 4, 0, false, "on", "", why, sizeof(why)), -1);
	assert_string_equal(why, "nothing is preselected: every earlier revision was rolled back "
	    "from in this incident (v1.5.0-bad, v1.4.1, v1.4.0) or is the same version as "
	    "running (v1.4.1); Up/Down picks one");
	/* Named by the engineer: theirs, marked or not. */
	assert_int_equal(plan_targets_default(t, 4, 0, true, "on", "", why, sizeof(why)), 0);
	/* The dialog's plan while none is picked: nothing to run or confirm. */
	h.driver = DRIVER_K8S;
	strcpy(h.namespace_, "prod");
	strcpy(h.health_url, "http://127.0.0.1:8080");
	assert_int_equal(plan_k8s_undo(&h, 0, "v1.4.0", 7, 6, "v1.5.0-bad", 60, &p, &err), 0);
	assert_false(plan_unpicked(&p));
	plan_unpick(&p, "nothing is preselected: x");
	assert_true(plan_unpicked(&p));
	assert_int_equal(p.nsteps, 0);
	assert_int_equal(p.to_rev, 0);
	assert_int_equal(p.from_rev, 7);
	assert_string_equal(p.to, "");
	assert_string_equal(p.verify_cmd, "");
	assert_string_equal(p.warning, "nothing is preselected: x");
	plan_confirm_words(&p, "roll back", head, sizeof(head), change, sizeof(change));
	assert_string_equal(head, "pick a target with Up/Down, then type api and press Enter to "
	    "roll back api on api-1");
	assert_string_equal(change, "v1.4.0 -> ? (none picked)");
}

static void
k8s_rollback_outcome_words(void **state)
{
	struct config_host h = host();
	struct k8s_deploy d;
	struct k8s_env env;
	struct wr_err err;
	struct plan p;
	char out[512];

	(void)state;
	plan_export_change("api", "off", "on", out, sizeof(out));
	assert_string_equal(out, "EXPORT_MODE=off -> EXPORT_MODE=on in deployment/api's env: "
	    "exports are back ON");
	plan_export_change("api", "on", "off", out, sizeof(out));
	assert_string_equal(out, "EXPORT_MODE=on -> EXPORT_MODE=off in deployment/api's env: "
	    "exports are OFF");
	plan_export_change("api", "on", "(unset)", out, sizeof(out));
	assert_string_equal(out, "EXPORT_MODE=on -> EXPORT_MODE unset in deployment/api's env");
	plan_export_change("api", "off", "off", out, sizeof(out));
	assert_string_equal(out, "");
	plan_export_change("api", "", "off", out, sizeof(out));
	assert_string_equal(out, "");

	/* rollout status timed out after the undo: revision 5 holds it, 2 of
	 * 3 pods ready (the fleet's rolling deployment). */
	h.driver = DRIVER_K8S;
	strcpy(h.namespace_, "prod");
	k8s_fixture("drivers/k8s_deploy_rolling.json", "api", &d, &env);
	parse_k8s_env_free(&env);
	assert_int_equal(plan_k8s_undo(&h, 0, "v1.5.0-bad", 4, 3, "v1.4.1", 15, &p, &err), 0);
	/* Revision 5 runs the undo's target: r again would go past it. */
	plan_k8s_unfinished(&p, &d, "v1.4.1", 15, out, sizeof(out));
	assert_string_equal(out, "undo applied (revision 5 at v1.4.1), rollout not complete: 2/3 "
	    "ready after 15 s; it may still complete: revision 5 runs v1.4.1, this undo's "
	    "target: another r would go past it");
	/* At another tag than planned (or unknown), from where r starts. */
	plan_k8s_unfinished(&p, &d, "v1.4.0", 0, out, sizeof(out));
	assert_string_equal(out, "undo applied (revision 5 at v1.4.0), rollout not complete: 2/3 "
	    "ready; it may still complete: r would now roll back from revision 5 (this undo's), "
	    "not 4");
	plan_k8s_unfinished(&p, &d, "", 0, out, sizeof(out));
	assert_string_equal(out, "undo applied (revision 5 at tag unknown), rollout not complete: "
	    "2/3 ready; it may still complete: r would now roll back from revision 5 (this "
	    "undo's), not 4");
	/* The revision did not move: nothing is in place. */
	p.from_rev = 5;
	plan_k8s_unfinished(&p, &d, "v1.4.1", 15, out, sizeof(out));
	assert_string_equal(out, "deployment/api is still at revision 5 (v1.4.1): the undo did "
	    "not take");
	/* The kill switch's set env. */
	k8s_fixture("drivers/k8s_deploy.json", "api", &d, &env);
	assert_int_equal(plan_k8s_killswitch(&h, 0, &d, &env, "EXPORT_MODE", "off",
	    CONTAIN_EXPORT_ON, 20, &p, &err), 0);
	parse_k8s_env_free(&env);
	d.revision = 5;
	d.ready = 2;
	plan_k8s_unfinished(&p, &d, "v1.5.0-bad", 20, out, sizeof(out));
	assert_string_equal(out, "set env applied (revision 5 at v1.5.0-bad), rollout not "
	    "complete: 2/3 ready after 20 s; it may still complete: the old pods serve until the "
	    "new ones are ready, exports still on there");
}

static struct probe_result
readyz(int status, const char *body)
{
	struct probe_result r;

	probe_health(status, body, strlen(body), &r);
	return r;
}

static void
schema_from_the_last_readyz(void **state)
{
	struct probe_result cur = readyz(200, "{\"ready\":true,\"migrations_current\":true}");
	struct probe_result unsure = readyz(200, "{\"ready\":true,\"migrations_current\":false}");
	struct probe_result ahead = readyz(200, "{\"ready\":true,\"migrations_current\":false,"
	    "\"migrations\":{\"database\":\"0042\",\"expected\":\"0041\"}}");
	struct probe_result behind = readyz(200, "{\"ready\":true,\"migrations_current\":false,"
	    "\"migrations\":{\"database\":\"0041\",\"expected\":\"0042\"}}");
	struct probe_result silent = readyz(200, "{\"ready\":true}");
	struct probe_result html = cur;

	assert_int_equal(plan_schema_of(&cur, true, 2000, 1000), PLAN_SCHEMA_CURRENT);
	assert_int_equal(plan_schema_of(&ahead, true, 2000, 1000), PLAN_SCHEMA_AHEAD);
	assert_int_equal(plan_schema_of(&ahead, true, 2000, 2000), PLAN_SCHEMA_AHEAD);
	assert_int_equal(plan_schema_of(&behind, true, 2000, 1000), PLAN_SCHEMA_BEHIND);
	/* migrations_current false alone is no direction. */
	assert_int_equal(plan_schema_of(&unsure, true, 2000, 1000), PLAN_SCHEMA_UNSURE);
	/* Asked for before the last change (a downgrade that just ended): no word. */
	assert_int_equal(plan_schema_of(&ahead, true, 999, 1000), PLAN_SCHEMA_UNKNOWN);
	assert_int_equal(plan_schema_of(&behind, true, 999, 1000), PLAN_SCHEMA_UNKNOWN);
	assert_int_equal(plan_schema_of(&cur, true, 999, 1000), PLAN_SCHEMA_UNKNOWN);
	assert_int_equal(plan_schema_of(&cur, false, 2000, 1000), PLAN_SCHEMA_UNKNOWN);
	assert_int_equal(plan_schema_of(&cur, true, 0, 0), PLAN_SCHEMA_UNKNOWN);
	assert_int_equal(plan_schema_of(&silent, true, 2000, 1000), PLAN_SCHEMA_UNKNOWN);
	html.untrusted = true;
	assert_int_equal(plan_schema_of(&html, true, 2000, 1000), PLAN_SCHEMA_UNKNOWN);
	html = readyz(0, "");
	assert_int_equal(plan_schema_of(&html, true, 2000, 1000), PLAN_SCHEMA_UNKNOWN);
}

/* A gate whose URL answers no health answer now cannot pass: the dialog
 * says so before anything runs. A 5xx or a not-ready 200 can still pass. */
static void
gate_warning_when_the_url_is_wrong(void **state)
{
	struct config_host h = host();
	struct probe_result nope = readyz(404, "{\"error\":\"not found\"}");
	struct probe_result down = readyz(503, "{\"ready\":false}");
	struct probe_result moved = readyz(302, "");
	struct plan p;
	struct wr_err err;
	char out[512];

	(void)state;
	wr_strlcpy(h.health_url, "http://127.0.0.1:8000/nope", sizeof(h.health_url));
	assert_int_equal(plan_compose_rollback(&h, 0, "v1.5.0-bad", "v1.4.1", 15, "inc", "rb-1", &p, &err), 0);
	assert_true(plan_gate_warning(&p, &nope, true, out, sizeof(out)));
	assert_string_equal(out, "the gate cannot pass: GET http://127.0.0.1:8000/nope/readyz "
	    "answers 404 now (is health_url right?); the change would be made and end UNKNOWN, "
	    "its health not known");
	assert_true(plan_gate_warning(&p, &moved, true, out, sizeof(out)));
	assert_false(plan_gate_warning(&p, &nope, false, out, sizeof(out)));
	assert_string_equal(out, "");
	assert_false(plan_gate_warning(&p, &down, true, out, sizeof(out)));
	p.readyz_url[0] = '\0';
	assert_false(plan_gate_warning(&p, &nope, true, out, sizeof(out)));
}

static void
downgrade_only_when_the_schema_is_ahead(void **state)
{
	struct config_host h = host();
	struct plan p;
	struct wr_err err;

	assert_int_equal(plan_migrate_down(&h, 0, PLAN_SCHEMA_CURRENT, NULL, NULL, 0, &p, &err),
	    -1);
	assert_string_equal(err.msg, "/readyz on api-1 says the migrations are current: the "
	    "schema matches the release api runs, and a downgrade would only drop data");

	assert_int_equal(plan_migrate_down(&h, 0, PLAN_SCHEMA_AHEAD, NULL, NULL, 0, &p, &err), 0);
	assert_string_equal(p.action, "compose.migrate_down");
	assert_string_equal(p.why, "/readyz says the schema is ahead of the release api runs "
	    "(as after a rollback)");
	assert_non_null(strstr(p.warning, "DATABASE CHANGE: the schema goes one revision down"));
	assert_string_equal(p.steps[0].cmd, "cd '/srv/app deploy' && docker compose --env-file "
	    ".env -f docker-compose.yml run --rm 'api' alembic downgrade -1");

	/* No direction: said in the warning colour (why), with what a
	 * downgrade does to a schema behind. */
	assert_int_equal(plan_migrate_down(&h, 0, PLAN_SCHEMA_UNKNOWN, NULL, NULL, 0, &p, &err), 0);
	assert_string_equal(p.why, "/readyz does not say whether the schema is ahead of the "
	    "release api runs or behind it. If it is behind, a downgrade drops one more "
	    "migration that release needs: check (alembic current, alembic heads) before "
	    "going on");
	assert_int_equal(plan_migrate_down(&h, 0, PLAN_SCHEMA_UNSURE, NULL, NULL, 0, &p, &err), 0);
	assert_string_equal(p.why, "/readyz says the migrations are not current but not "
	    "whether the schema is ahead of the release api runs or behind it. If it is "
	    "behind, a downgrade drops one more migration that release needs: check (alembic "
	    "current, alembic heads) before going on");
	assert_non_null(strstr(p.warning, "DATABASE CHANGE"));
}

/* The downgrade asked for the service's name, as every rollback does,
 * and its plan said "current schema -> one revision down" though /readyz
 * gave the revisions. It asks for "downgrade SERVICE" and names them. */
static void
downgrade_names_revisions_and_asks_its_own_words(void **state)
{
	struct config_host h = host();
	struct plan p;
	struct wr_err err;
	char head[256], change[256];

	(void)state;
	assert_int_equal(plan_migrate_down(&h, 0, PLAN_SCHEMA_AHEAD, "0042", "0041", 0, &p, &err),
	    0);
	assert_string_equal(p.confirm, "downgrade api");
	assert_string_equal(p.why, "/readyz says the schema is ahead of the release api runs "
	    "(as after a rollback): database 0042, release expects 0041");
	assert_non_null(strstr(p.warning, "the schema goes one revision down (0042 -> 0041);"));
	plan_confirm_words(&p, "downgrade", head, sizeof(head), change, sizeof(change));
	assert_string_equal(head, "type \"downgrade api\" and press Enter to downgrade api on "
	    "api-1");
	assert_string_equal(change, "0042 -> 0041");
	/* One step down does not reach a release two revisions behind. */
	assert_int_equal(plan_migrate_down(&h, 0, PLAN_SCHEMA_AHEAD, "0043", "0041", 0, &p, &err),
	    0);
	plan_confirm_words(&p, "downgrade", head, sizeof(head), change, sizeof(change));
	assert_string_equal(change, "0043 -> one revision down (release expects 0041)");
	/* Revisions read before a change say nothing of now. */
	assert_int_equal(plan_migrate_down(&h, 0, PLAN_SCHEMA_UNKNOWN, "0042", "0041", 0, &p,
	    &err), 0);
	plan_confirm_words(&p, "downgrade", head, sizeof(head), change, sizeof(change));
	assert_string_equal(change, "current schema -> one revision down");
	assert_string_equal(p.confirm, "downgrade api");
}

/* Data loss: the newer release back over a downgraded schema.
 * M refuses and says what to do instead. */
static void
downgrade_refused_when_the_schema_is_behind(void **state)
{
	struct config_host h = host();
	struct plan p;
	struct wr_err err;

	(void)state;
	assert_int_equal(plan_migrate_down(&h, 0, PLAN_SCHEMA_BEHIND, NULL, NULL, 0, &p, &err), -1);
	assert_string_equal(err.msg, "/readyz on api-1 says the schema is behind the release api "
	    "runs: a downgrade would drop a migration that release needs (and its data); run "
	    "the release's migrations forward (alembic upgrade head) or roll api back to a "
	    "release that matches the schema");
	assert_string_equal(p.action, "");
	assert_int_equal(p.nsteps, 0);
}

/* Right before running, /readyz is asked again: the downgrade runs only
 * on a reading as sure as its dialog's, never on one behind or current. */
static void
downgrade_rechecked_before_running(void **state)
{
	char why[512];

	(void)state;
	assert_true(plan_migrate_down_still(PLAN_SCHEMA_AHEAD, PLAN_SCHEMA_AHEAD, "api", "",
	    why, sizeof(why)));
	assert_string_equal(why, "");
	assert_true(plan_migrate_down_still(PLAN_SCHEMA_UNSURE, PLAN_SCHEMA_UNSURE, "api", "",
	    why, sizeof(why)));
	assert_true(plan_migrate_down_still(PLAN_SCHEMA_UNKNOWN, PLAN_SCHEMA_AHEAD, "api", "",
	    why, sizeof(why)));
	assert_true(plan_migrate_down_still(PLAN_SCHEMA_UNKNOWN, PLAN_SCHEMA_UNKNOWN, "api", "",
	    why, sizeof(why)));
	assert_false(plan_migrate_down_still(PLAN_SCHEMA_AHEAD, PLAN_SCHEMA_BEHIND, "api", "",
	    why, sizeof(why)));
	assert_string_equal(why, "/readyz now says the schema is behind the release api runs: "
	    "a downgrade would drop a migration it needs; nothing ran");
	assert_false(plan_migrate_down_still(PLAN_SCHEMA_UNKNOWN, PLAN_SCHEMA_BEHIND, "api", "",
	    why, sizeof(why)));
	assert_false(plan_migrate_down_still(PLAN_SCHEMA_AHEAD, PLAN_SCHEMA_CURRENT, "api", "",
	    why, sizeof(why)));
	assert_string_equal(why, "/readyz now says the migrations are current: a downgrade "
	    "would only drop data; nothing ran");
	assert_false(plan_migrate_down_still(PLAN_SCHEMA_AHEAD, PLAN_SCHEMA_UNSURE, "api",
	    "HTTP 200: x", why, sizeof(why)));
	assert_false(plan_migrate_down_still(PLAN_SCHEMA_AHEAD, PLAN_SCHEMA_UNKNOWN, "api",
	    "no answer: timed out", why, sizeof(why)));
	assert_string_equal(why, "/readyz said the schema is ahead when the dialog opened, and "
	    "now nothing of the schema (no answer: timed out); nothing ran (M again reads it "
	    "afresh)");
	assert_false(plan_migrate_down_still(PLAN_SCHEMA_UNSURE, PLAN_SCHEMA_UNKNOWN, "api", "",
	    why, sizeof(why)));
}

/* What shell runs cmd prints (stdout and stderr, in order) into out. */
static int
run_in(const char *shell, const char *cmd, char *out, size_t cap)
{
	char path[] = "/tmp/test_plan.XXXXXX", line[512];
	FILE *f, *p;
	size_t n = 0;
	int fd = mkstemp(path), st;

	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fputs(cmd, f);
	fclose(f);
	snprintf(line, sizeof(line), "%s -c \"$(cat %s)\" 2>&1", shell, path);
	p = popen(line, "r");
	assert_non_null(p);
	out[0] = '\0';
	while (fgets(line, sizeof(line), p) != NULL && n + strlen(line) < cap)
		n += (size_t)snprintf(out + n, cap - n, "%s", line);
	st = pclose(p);
	unlink(path);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* A runbook script stops at its first failing command, in bash and in a
 * POSIX sh alike, as an engineer pasting it line by line would stop;
 * bash names the command, unexpanded, as the dialog showed it. */
static void
runbook_script_stops_at_the_first_failure(void **state)
{
	struct config_host h = host();
	struct plan p;
	struct wr_err err;
	char out[2048], msg[600];
	const char *script = "X=1\necho one\nls /nonexistent-wr-$X\necho two\n";

	h.driver = DRIVER_K8S;
	assert_int_equal(plan_command(&h, script, "rb.md line 3: Roll", "", NULL, &p, &err), 0);
	assert_string_equal(p.action, "runbook.command");
	assert_int_equal(p.nsteps, 1);
	assert_true(p.steps[0].mutating);
	/* What runs is what the dialog shows: the preamble, then the script. */
	assert_string_equal(p.steps[0].cmd, "trap 'echo \"warroom: stopped at: $BASH_COMMAND\" "
	    ">&2' ERR 2>/dev/null\nset -e\nX=1\necho one\nls /nonexistent-wr-$X\necho two\n");
	assert_int_equal(run_in("bash", p.steps[0].cmd, out, sizeof(out)), 2);
	assert_null(strstr(out, "two"));
	assert_non_null(strstr(out, "\nwarroom: stopped at: ls /nonexistent-wr-$X\n"));
	assert_int_equal(run_in("sh", p.steps[0].cmd, out, sizeof(out)), 2);
	assert_non_null(strstr(out, "one\n"));
	assert_null(strstr(out, "two"));
	assert_null(strstr(out, "trap"));   /* sh has no ERR trap: said nothing */

	/* A Compose host's script runs in compose_dir. */
	h.driver = DRIVER_COMPOSE;
	assert_int_equal(plan_command(&h, "true\n", "o", NULL, NULL, &p, &err), 0);
	assert_string_equal(p.steps[0].cmd, "cd '/srv/app deploy' || exit 1\n"
	    PLAN_SCRIPT_PREAMBLE "true\n");
	assert_string_equal(p.warning, "");

	/* A rollback run as written: the dialog says so loudly, whole. */
	memset(msg, 'w', 500);
	memcpy(msg, "NOT the built-in rollback", 25);
	msg[500] = '\0';
	assert_int_equal(plan_command(&h, "IMAGE_TAG=v1 docker compose up -d api jobs\n", "o",
	    NULL, msg, &p, &err), 0);
	assert_string_equal(p.warning, msg);

	/* The outcome names the command the trap named, with its complaint. */
	plan_command_failure(1, "warroom: stopped at: docker compose --profile extra up -d x",
	    "no such service: x", msg, sizeof(msg));
	assert_string_equal(msg, "run stopped at `docker compose --profile extra up -d x` "
	    "(exit 1): no such service: x");
	plan_command_failure(2, "ls: cannot access 'y'", "one", msg, sizeof(msg));
	assert_string_equal(msg, "run exited 2: ls: cannot access 'y'");
	plan_command_failure(3, "warroom: stopped at: ", "boom", msg, sizeof(msg));
	assert_string_equal(msg, "run exited 3: boom");
	plan_command_failure(1, "", "", msg, sizeof(msg));
	assert_string_equal(msg, "run exited 1");
}

/* A script whose every command only reads is confirmed with Enter: the
 * dialog says so, and the journal's plan records it. Any other keeps the
 * typed name, and says which command is why. Both are changes to the
 * choke point and exec (read-only mode still refuses them). */
static void
a_script_that_only_reads_is_confirmed_with_enter(void **state)
{
	struct config_host h = host();
	char head[300], change[300], *js;
	struct plan p;
	struct wr_err err;
	cJSON *o;

	(void)state;
	assert_int_equal(plan_command(&h, "kubectl rollout history deploy/api\n"
	    "kubectl get pods | grep api\n", "rb.md line 3: Look", "", NULL, &p, &err), 0);
	assert_true(p.reads_only);
	assert_string_equal(p.typed, "");
	assert_true(p.steps[0].mutating);
	plan_confirm_words(&p, "run it", head, sizeof(head), change, sizeof(change));
	assert_string_equal(head, "reads only: Enter runs it on api-1");
	assert_string_equal(change, "");
	o = plan_to_json(&p);
	js = cJSON_PrintUnformatted(o);
	assert_non_null(strstr(js, "\"reads_only\":true"));
	cJSON_free(js);
	cJSON_Delete(o);

	assert_int_equal(plan_command(&h, "kubectl get pods\n"
	    "kubectl scale deployment api --replicas=0\n", "rb.md line 9: Stop", "", NULL, &p,
	    &err), 0);
	assert_false(p.reads_only);
	assert_string_equal(p.typed, "`kubectl scale deployment api --replicas=0`: kubectl scale "
	    "is not one that only reads");
	plan_confirm_words(&p, "run it", head, sizeof(head), change, sizeof(change));
	assert_string_equal(head, "type api-1 and press Enter to run it on api-1");
	o = plan_to_json(&p);
	js = cJSON_PrintUnformatted(o);
	assert_null(strstr(js, "reads_only"));
	cJSON_free(js);
	cJSON_Delete(o);
}

static void
confirm_question_names_the_change(void **state)
{
	struct config_host h = host();
	char head[300], change[300];
	struct plan p;
	struct wr_err err;

	(void)state;
	assert_int_equal(plan_compose_rollback(&h, 0, "v1.5.0-bad", "v1.4.1", 0, "i", "rb-1", &p, &err), 0);
	plan_confirm_words(&p, "roll back", head, sizeof(head), change, sizeof(change));
	assert_string_equal(head, "type api and press Enter to roll back api on api-1");
	assert_string_equal(change, "v1.5.0-bad -> v1.4.1");
	/* A k8s undo whose target's tag is unknown: its revision. */
	h.driver = DRIVER_K8S;
	strcpy(h.namespace_, "prod");
	assert_int_equal(plan_k8s_undo(&h, 0, "v2", 4, 3, NULL, 60, &p, &err), 0);
	plan_confirm_words(&p, "roll back", head, sizeof(head), change, sizeof(change));
	assert_string_equal(change, "v2 -> revision 3");
	/* A runbook command moves nothing and its word is its own. */
	memset(&p, 0, sizeof(p));
	strcpy(p.action, "runbook.command");
	strcpy(p.host, "api-1");
	strcpy(p.confirm, "run");
	plan_confirm_words(&p, "run it", head, sizeof(head), change, sizeof(change));
	assert_string_equal(head, "type run and press Enter to run it on api-1");
	assert_string_equal(change, "");
}

/* What the dialog says a named helm target matched (the match itself is
 * badrel_same's, test_badrel). */
static void
helm_named_target_matches_without_its_v(void **state)
{
	char buf[160];

	(void)state;
	plan_helm_named_words("v1.4.1", 2, "1.4.1", buf, sizeof(buf));
	assert_string_equal(buf, "v1.4.1 = helm revision 2 (app version 1.4.1)");
}

/* The journal keeps the name the step used beside the app version. */
static void
helm_named_target_is_journalled(void **state)
{
	struct config_host h = { .driver = DRIVER_HELM, .nservices = 1 };
	struct wr_err err;
	struct plan p;
	cJSON *o;

	(void)state;
	strcpy(h.name, "helm-1");
	strcpy(h.services[0], "api");
	strcpy(h.namespace_, "prod");
	assert_int_equal(plan_helm_rollback(&h, 0, "1.5.0-bad", 4, "1.4.1", 2, 0, &p, &err), 0);
	o = plan_to_json(&p);
	assert_null(cJSON_GetObjectItemCaseSensitive(o, "named"));
	cJSON_Delete(o);
	strcpy(p.named, "v1.4.1");
	o = plan_to_json(&p);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(o, "named")->valuestring, "v1.4.1");
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(o, "to")->valuestring, "1.4.1");
	cJSON_Delete(o);
}

/* in a new incident r preselected the release an earlier incident
 * rolled back from (helm's "Rollback to 3", k8s's undone revision): it is
 * marked and listed last as this incident's are; and after a FAILED undo
 * its target, whose rollout never completed, is not preselected silently. */
static void
history_rolled_back_from_and_stalled_targets(void **state)
{
	struct plan_target t[3] = {
		{ .tag = "1.5.0-bad", .left = true }, { .tag = "1.4.1" }, { .tag = "1.4.0" },
	};
	int order[3], nfree;
	char why[384];

	(void)state;
	assert_string_equal(plan_target_note(&t[0]), "  (rolled back from, per the release history)");
	assert_true(plan_target_marked(&t[0]));
	nfree = plan_targets_order(t, 3, order);
	assert_int_equal(nfree, 2);
	assert_int_equal(order[0], 1);
	assert_int_equal(order[2], 0);
	{
		struct plan_target o[3] = { t[1], t[2], t[0] };

		assert_int_equal(plan_targets_default(o, 3, 2, false, "", "", why, sizeof(why)), 0);
		/* The newest free one is where this incident's undo stalled. */
		o[0].stalled = true;
		assert_false(plan_target_marked(&o[0]));
		assert_string_equal(plan_target_note(&o[0]),
		    "  (this incident's rollback to it here did not end OK)");
		assert_int_equal(plan_targets_default(o, 3, 2, false, "", "", why, sizeof(why)), -1);
		assert_string_equal(why, "nothing is preselected: 1.4.1, the newest earlier release, "
		    "is where this incident's rollback here went and it did not end OK; Up/Down "
		    "picks one");
	}
	/* Every one rolled back from, one per the history only. */
	t[1].bad = t[2].bad = true;
	assert_int_equal(plan_targets_default(t, 3, 0, false, "", "", why, sizeof(why)), -1);
	assert_string_equal(why, "nothing is preselected: every earlier revision was rolled back "
	    "from, in this incident or per the release history (1.5.0-bad, 1.4.1, 1.4.0); Up/Down "
	    "picks one, only if it was fixed");
}

/* X off at 02:31 (ok), on at 02:33 (ok), off at 02:35
 * (FAILED, rollout stuck). The latest switch is the 02:35 one: the
 * rollback dialog names it, its outcome, and that exports may still be
 * on, not "off since 02:31". */
static void
the_latest_kill_switch_and_its_outcome(void **state)
{
	struct plan_ks_last last;
	struct record v[7];
	struct plan p;
	struct wr_err err;
	struct config_host h = host();
	size_t i;

	(void)state;
	v[0] = rec("action.intent", "k1", "ks-1", "{\"plan\":{\"action\":\"k8s.killswitch\","
	    "\"from\":\"EXPORT_MODE=on\",\"to\":\"EXPORT_MODE=off\"}}");
	v[1] = rec("action.end", "k1", "ks-1", "{\"outcome\":\"ok\"}");
	v[1].ts_ms = 1795746660000;          /* 02:31 */
	v[2] = rec("action.intent", "k1", "ks-2", "{\"plan\":{\"action\":\"k8s.killswitch\","
	    "\"from\":\"EXPORT_MODE=off\",\"to\":\"EXPORT_MODE=on\"}}");
	v[3] = rec("action.end", "k1", "ks-2", "{\"outcome\":\"ok\"}");
	v[3].ts_ms = 1795746780000;          /* 02:33 */
	v[4] = rec("action.intent", "k1", "ks-3", "{\"plan\":{\"action\":\"k8s.killswitch\","
	    "\"from\":\"EXPORT_MODE=on\",\"to\":\"EXPORT_MODE=off\"}}");
	v[4].ts_ms = 1795746880000;
	v[5] = rec("action.end", "k1", "ks-3", "{\"outcome\":\"failed\"}");
	v[5].ts_ms = 1795746900000;          /* 02:35 */
	v[6] = rec("action.intent", "k1", "rb-1", "{\"plan\":{\"action\":\"k8s.undo\"}}");
	assert_int_equal(plan_killswitch_last(v, 7, "k2", &last), 0);
	assert_true(last.at_ms == 0);
	assert_int_equal(plan_killswitch_last(v, 7, "k1", &last), 1);
	assert_true(last.at_ms == 1795746900000);
	assert_true(last.off);
	assert_string_equal(last.outcome, "failed");
	h.driver = DRIVER_K8S;
	strcpy(h.namespace_, "prod");
	assert_int_equal(plan_k8s_undo(&h, 0, "v1.5.0-bad", 6, 3, "v1.4.1", 30, &p, &err), 0);
	plan_k8s_undo_notes(&p, "api", "off", "on", &last);
	assert_string_equal(p.warning, "revision 3 has EXPORT_MODE=on: this rollback turns "
	    "exports back ON (now off in the pod template, but the kill switch at 02:35 UTC "
	    "turning them off FAILED: exports may still be on)");
	/* Still running: its intent's time. */
	assert_int_equal(plan_killswitch_last(v, 5, "k1", &last), 1);
	assert_true(last.at_ms == 1795746880000);
	assert_string_equal(last.outcome, "");
	/* The restore before it, ok: no "off since" from an earlier switch. */
	assert_int_equal(plan_killswitch_last(v, 4, "k1", &last), 1);
	assert_false(last.off);
	assert_int_equal(plan_k8s_undo(&h, 0, "v1.5.0-bad", 6, 3, "v1.4.1", 30, &p, &err), 0);
	plan_k8s_undo_notes(&p, "api", "off", "on", &last);
	assert_string_equal(p.warning, "revision 3 has EXPORT_MODE=on: this rollback turns "
	    "exports back ON (now off)");
	for (i = 0; i < 7; i++)
		cJSON_Delete(v[i].data);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(target_is_the_last_good_other_tag),
		cmocka_unit_test(unsafe_tags_are_refused),
		cmocka_unit_test(every_target_newest_first),
		cmocka_unit_test(a_tag_rolled_back_from_is_never_last_good),
		cmocka_unit_test(several_rollbacks_mark_what_each_left),
		cmocka_unit_test(one_tag_for_several_services_offers_the_rollback_target),
		cmocka_unit_test(one_tag_for_several_services_names_whose_last_good),
		cmocka_unit_test(a_redeploy_after_a_fix_is_judged_anew),
		cmocka_unit_test(labels_say_every_reason),
		cmocka_unit_test(a_newer_tag_is_never_last_good_nor_first),
		cmocka_unit_test(an_older_release_deployed_again_is_not_newer),
		cmocka_unit_test(after_this_incidents_rollback_the_bad_tag_stays_marked),
		cmocka_unit_test(a_rolled_back_target_is_warned_first),
		cmocka_unit_test(compose_rollback_commands),
		cmocka_unit_test(bad_plans_are_refused),
		cmocka_unit_test(k8s_and_helm_plans),
		cmocka_unit_test(killswitch_plan),
		cmocka_unit_test(k8s_killswitch_plan),
		cmocka_unit_test(k8s_killswitch_refusals),
		cmocka_unit_test(rollback_keeps_the_tag_in_env),
		cmocka_unit_test(env_drift_is_said_with_what_env_keeps),
		cmocka_unit_test(killswitch_undo_value_from_the_journal),
		cmocka_unit_test(the_latest_kill_switch_and_its_outcome),
		cmocka_unit_test(killswitch_undo_value_from_the_chains_first_switch),
		cmocka_unit_test(killswitch_direction_from_what_export_answers),
		cmocka_unit_test(killswitch_redeploys_when_env_holds_it),
		cmocka_unit_test(k8s_rollback_says_what_it_does_to_the_export),
		cmocka_unit_test(k8s_rollback_target_keeps_the_kill_switch),
		cmocka_unit_test(k8s_after_the_kill_switch_the_running_tag_is_not_preselected),
		cmocka_unit_test(a_named_bad_revision_is_marked_and_warned_first),
		cmocka_unit_test(own_target_left_later_is_a_note),
		cmocka_unit_test(helm_same_version_is_flagged_never_preselected),
		cmocka_unit_test(helm_named_target_matches_without_its_v),
		cmocka_unit_test(helm_named_target_is_journalled),
		cmocka_unit_test(all_marked_targets_are_listed_none_preselected),
		cmocka_unit_test(history_rolled_back_from_and_stalled_targets),
		cmocka_unit_test(k8s_rollback_outcome_words),
		cmocka_unit_test(schema_from_the_last_readyz),
		cmocka_unit_test(gate_warning_when_the_url_is_wrong),
		cmocka_unit_test(downgrade_only_when_the_schema_is_ahead),
		cmocka_unit_test(downgrade_refused_when_the_schema_is_behind),
		cmocka_unit_test(downgrade_names_revisions_and_asks_its_own_words),
		cmocka_unit_test(downgrade_rechecked_before_running),
		cmocka_unit_test(runbook_script_stops_at_the_first_failure),
		cmocka_unit_test(a_script_that_only_reads_is_confirmed_with_enter),
		cmocka_unit_test(confirm_question_names_the_change),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
