/*
 * test_fleetchain.c — B's chain as data: who joins and why the others are
 * left out (a DOWN host named, never dropped without a word); a host
 * already on the target skipped and the chain going on; a DOWN or failed
 * turn stopping the rest; the dialog's "then h2, h5" and the summary said
 * and journalled at the end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/export.h"
#include "warroom/fleetchain.h"
#include "warroom/record.h"

static struct fleetchain_cand
up_at(const char *name, const char *tag)
{
	struct fleetchain_cand c = { .name = name, .tag = tag, .age_s = 3 };

	return c;
}

static void
a_down_host_is_named_with_the_age_of_what_was_read(void **state)
{
	struct fleetchain fc;
	struct fleetchain_cand c = up_at("h2", "v1.4.1");
	char line[256];

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	assert_true(fleetchain_add(&fc, "h1", 0));
	/* Its row shows an older tag, read before it went away: what it ran
	 * when last seen, so it is rolled back too once it is back. */
	c.conn = "DOWN";
	c.age_s = 11;
	assert_false(fleetchain_consider(&fc, &c));
	assert_int_equal(fleetchain_out_lines(&fc), 1);
	fleetchain_out_line(&fc, 0, line, sizeof(line));
	assert_string_equal(line, "h2 DOWN, last seen on v1.4.1 11s ago: not included");
	c = up_at("h3", "v1.5.0-bad");
	assert_true(fleetchain_consider(&fc, &c));
	c.conn = "CONNECTING";
	c.age_s = -1;
	c.name = "h4";
	assert_false(fleetchain_consider(&fc, &c));
	fleetchain_out_line(&fc, 1, line, sizeof(line));
	assert_string_equal(line, "h4 CONNECTING, tag unknown (never read): not included");
	/* On the bad tag when it went away: left out, and named first. */
	c = up_at("h7", "v1.5.0-bad");
	c.conn = "DOWN";
	c.age_s = 4;
	assert_false(fleetchain_consider(&fc, &c));
	fleetchain_out_line(&fc, 2, line, sizeof(line));
	assert_string_equal(line, "h7 DOWN, last seen on v1.5.0-bad 4s ago: not included");
	assert_int_equal(fc.nout, 3);
}

/* A console started while h2 was DOWN never read its tag: B said "h2
 * DOWN, tag unknown (never read)" though the journal's health.change said
 * h2 ran v1.5.0-bad until it went. The journal's tag is named as the
 * journal's, with its time, and h2 is left on the bad release; a host the
 * journal knows nothing of stays never read. */
static void
a_down_host_only_the_journal_knows_is_last_seen_there(void **state)
{
	struct fleetchain fc;
	struct fleetchain_cand c = up_at("h2", "v1.5.0-bad");
	char line[512];

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	assert_true(fleetchain_add(&fc, "h1", 0));
	c.conn = "DOWN";
	c.age_s = -1;
	/* 2026-11-28T11:42:30Z */
	c.journal_ms = INT64_C(1795866150000);
	assert_false(fleetchain_consider(&fc, &c));
	fleetchain_out_line(&fc, 0, line, sizeof(line));
	assert_string_equal(line, "h2 DOWN, last seen on v1.5.0-bad at 11:42 UTC (journal): "
	    "not included");
	assert_int_equal(fc.nmissed, 1);
	assert_int_equal(fc.nunknown, 0);
	c = up_at("h3", "");
	c.conn = "DOWN";
	c.age_s = -1;
	assert_false(fleetchain_consider(&fc, &c));
	fleetchain_out_line(&fc, 1, line, sizeof(line));
	assert_string_equal(line, "h3 DOWN, tag unknown (never read): not included");
	fleetchain_confirmed(&fc, "rb-1", "v1.4.1");
	fleetchain_end_turn(&fc, FLEETCHAIN_OK, NULL, "v1.4.1");
	fleetchain_summary(&fc, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api to v1.4.1: h1 OK \xc2\xb7 h2 DOWN on "
	    "v1.5.0-bad: not rolled back");
}

/* B while h1's rollback was UNKNOWN (its sshd stopped) said "h1 DOWN,
 * last seen on v1.5.0-bad 10s ago", though the rollback had moved api to
 * v1.4.1 there. The unsettled rollback is what is known: it is named. */
static void
a_down_host_with_an_unsettled_rollback_names_it(void **state)
{
	struct fleetchain fc;
	struct fleetchain_cand c = up_at("h1", "v1.5.0-bad");
	char line[256];

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	assert_true(fleetchain_add(&fc, "h4", 0));
	c.conn = "DOWN";
	c.age_s = 10;
	c.unsettled = "rollback";
	c.unsettled_to = "v1.4.1";
	assert_false(fleetchain_consider(&fc, &c));
	fleetchain_out_line(&fc, 0, line, sizeof(line));
	assert_string_equal(line, "h1 DOWN, its rollback to v1.4.1 UNKNOWN: not included");
	assert_true(fleetchain_out_loud(&fc, 0));
	/* A k8s undo names no tag. */
	c = up_at("h2", "");
	c.conn = "CONNECTING";
	c.unsettled = "rollback";
	assert_false(fleetchain_consider(&fc, &c));
	fleetchain_out_line(&fc, 1, line, sizeof(line));
	assert_string_equal(line, "h2 CONNECTING, its rollback UNKNOWN: not included");
	/* UP: what it runs is read now, the unsettled action is its dialog's. */
	c = up_at("h3", "v1.5.0-bad");
	c.unsettled = "rollback";
	assert_true(fleetchain_consider(&fc, &c));
}

static void
hosts_left_out_say_why_the_unknown_first(void **state)
{
	struct fleetchain fc;
	struct fleetchain_cand c;
	char line[256];

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_add(&fc, "h1", 0);
	c = up_at("h2", "v1.4.1");
	assert_false(fleetchain_consider(&fc, &c));
	c = up_at("h3", "v1.5.0-bad");
	c.other_driver = "k8s";
	assert_false(fleetchain_consider(&fc, &c));
	c = up_at("h4", "v1.5.0-bad");
	c.read_only = true;
	assert_false(fleetchain_consider(&fc, &c));
	c = up_at("h5", "v1.4.1");
	c.failing = true;
	c.age_s = 150;
	assert_false(fleetchain_consider(&fc, &c));
	c = up_at("h6", "");
	assert_false(fleetchain_consider(&fc, &c));
	c = up_at("h7", "v1.5.0-bad");
	c.hidden = true;
	assert_false(fleetchain_consider(&fc, &c));
	c.name = "h8";
	assert_false(fleetchain_consider(&fc, &c));
	/* Failing polls at the bad tag: planning reads it again, so it joins. */
	c = up_at("h9", "v1.5.0-bad");
	c.failing = true;
	assert_true(fleetchain_consider(&fc, &c));

	assert_int_equal(fleetchain_out_lines(&fc), 6);
	fleetchain_out_line(&fc, 0, line, sizeof(line));
	assert_string_equal(line, "h5 tag unknown (last read 2m ago: v1.4.1; its polls fail): "
	    "not included");
	fleetchain_out_line(&fc, 1, line, sizeof(line));
	assert_string_equal(line, "h6 UP, tag unknown (last read 3s ago): not included");
	/* Another driver's host on the bad tag: loud, right after those. */
	fleetchain_out_line(&fc, 2, line, sizeof(line));
	assert_string_equal(line, "h3 (k8s) also runs v1.5.0-bad: not in this rollback (r on it)");
	fleetchain_out_line(&fc, 3, line, sizeof(line));
	assert_string_equal(line, "h2 on v1.4.1: not included");
	fleetchain_out_line(&fc, 4, line, sizeof(line));
	assert_string_equal(line, "h4 is read_only in the config: not included");
	fleetchain_out_line(&fc, 5, line, sizeof(line));
	assert_string_equal(line, "2 hosts listing api hidden by the HOSTS filter: not included "
	    "(h7, h8 last read on v1.5.0-bad: an empty F filter shows them)");
	assert_true(fleetchain_out_loud(&fc, 0));
	assert_true(fleetchain_out_loud(&fc, 1));
	assert_true(fleetchain_out_loud(&fc, 2));
	assert_false(fleetchain_out_loud(&fc, 3));
	assert_true(fleetchain_out_loud(&fc, 5));
}

/* The hidden hosts that may run the bad tag are named, a few of each
 * kind, then counted: "2 last read on v1.8.0-bad" said which to look
 * for only to whoever cleared the filter. One on another tag is not. */
static void
hidden_hosts_that_may_run_the_bad_tag_are_named(void **state)
{
	struct fleetchain fc;
	struct fleetchain_cand c;
	char name[16], line[512];
	int i;

	(void)state;
	fleetchain_begin(&fc, "api", "v1.8.0-bad");
	fleetchain_add(&fc, "h1", 0);
	for (i = 2; i < 8; i++) {
		snprintf(name, sizeof(name), "h%d", i);
		c = up_at(name, i == 3 ? "v1.7.2" : "v1.8.0-bad");
		c.hidden = true;
		c.conn = i == 5 ? "DOWN" : NULL;
		assert_false(fleetchain_consider(&fc, &c));
	}
	assert_int_equal(fleetchain_out_lines(&fc), 1);
	fleetchain_out_line(&fc, 0, line, sizeof(line));
	assert_string_equal(line, "6 hosts listing api hidden by the HOSTS filter: not included "
	    "(h2, h4, h6 and 1 more last read on v1.8.0-bad, h5 whose tag is not known: an empty F "
	    "filter shows them)");
	assert_true(fleetchain_out_loud(&fc, 0));

	fleetchain_begin(&fc, "api", "v1.8.0-bad");
	fleetchain_add(&fc, "h1", 0);
	c = up_at("h9", "");
	c.hidden = true;
	assert_false(fleetchain_consider(&fc, &c));
	fleetchain_out_line(&fc, 0, line, sizeof(line));
	assert_string_equal(line, "1 host listing api hidden by the HOSTS filter: not included "
	    "(h9 whose tag is not known: an empty F filter shows them)");
}

/* 32 rows: B's dialog opened with 13 lines "h2 is a k8s host: not
 * included", its plan a PgDn away at 80x24. Hosts that do not run the
 * bad tag share a line per reason; each whose tag is unknown keeps its
 * own, up to the room, then a count. */
static void
hosts_left_out_share_a_line_per_reason(void **state)
{
	struct fleetchain fc;
	struct fleetchain_cand c;
	char name[40], line[512];
	int i;

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_add(&fc, "h0", 0);
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "g%d", i);
		c = up_at(name, "v1.4.1");
		assert_false(fleetchain_consider(&fc, &c));
	}
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "k%d", i);
		c = up_at(name, "v1.4.1");
		c.other_driver = "k8s";
		assert_false(fleetchain_consider(&fc, &c));
	}
	for (i = 0; i < FLEETCHAIN_OUT_MAX + 2; i++) {
		snprintf(name, sizeof(name), "d%d", i);
		c = up_at(name, "v1.4.1");
		c.conn = "DOWN";
		assert_false(fleetchain_consider(&fc, &c));
	}
	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "long-host-name-%d", i);
		c = up_at(name, "v1.3.0");
		assert_false(fleetchain_consider(&fc, &c));
	}
	c = up_at("r1", "v1.5.0-bad");
	c.read_only = true;
	assert_false(fleetchain_consider(&fc, &c));

	assert_int_equal(fleetchain_out_lines(&fc), FLEETCHAIN_OUT_MAX + 4 + 1);
	fleetchain_out_line(&fc, 0, line, sizeof(line));
	assert_string_equal(line, "d0 DOWN, last seen on v1.4.1 3s ago: not included");
	fleetchain_out_line(&fc, FLEETCHAIN_OUT_MAX, line, sizeof(line));
	assert_string_equal(line, "g0, g1, g2 on v1.4.1: not included");
	fleetchain_out_line(&fc, FLEETCHAIN_OUT_MAX + 1, line, sizeof(line));
	assert_string_equal(line, "k0, k1, k2 are k8s hosts: not included");
	fleetchain_out_line(&fc, FLEETCHAIN_OUT_MAX + 2, line, sizeof(line));
	assert_non_null(strstr(line, "long-host-name-0, long-host-name-1, "));
	assert_non_null(strstr(line, " more on v1.3.0: not included"));
	fleetchain_out_line(&fc, FLEETCHAIN_OUT_MAX + 3, line, sizeof(line));
	assert_string_equal(line, "r1 is read_only in the config: not included");
	fleetchain_out_line(&fc, FLEETCHAIN_OUT_MAX + 4, line, sizeof(line));
	assert_string_equal(line, "2 more hosts listing api: not included");
	assert_true(fleetchain_out_loud(&fc, FLEETCHAIN_OUT_MAX - 1));
	assert_false(fleetchain_out_loud(&fc, FLEETCHAIN_OUT_MAX));
	assert_false(fleetchain_out_loud(&fc, FLEETCHAIN_OUT_MAX + 4));
}

static void
then_names_the_hosts_to_come(void **state)
{
	struct fleetchain fc;
	char buf[128], name[16];
	int i;

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_add(&fc, "h1", 0);
	fleetchain_then(&fc, 60, buf, sizeof(buf));
	assert_string_equal(buf, "");
	fleetchain_add(&fc, "h2", 1);
	fleetchain_add(&fc, "h5", 4);
	fleetchain_then(&fc, 60, buf, sizeof(buf));
	assert_string_equal(buf, "h2, h5");
	assert_true(fleetchain_end_turn(&fc, FLEETCHAIN_OK, NULL, "v1.4.1"));
	fleetchain_then(&fc, 60, buf, sizeof(buf));
	assert_string_equal(buf, "h5");
	for (i = 10; i < 20; i++) {
		snprintf(name, sizeof(name), "h%d", i);
		fleetchain_add(&fc, name, i);
	}
	fleetchain_then(&fc, 30, buf, sizeof(buf));
	assert_string_equal(buf, "h5, h10, h11, h12 and 7 more");
	assert_true(strlen(buf) <= 30);
	/* Too narrow for more than one: still one name. */
	fleetchain_then(&fc, 4, buf, sizeof(buf));
	assert_string_equal(buf, "h5 and 10 more");
}

static void
already_on_the_target_is_skipped_and_the_chain_goes_on(void **state)
{
	struct fleetchain fc;
	char line[512];

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_add(&fc, "h1", 0);
	fleetchain_add(&fc, "h3", 2);
	fleetchain_add(&fc, "h4", 3);
	assert_true(fleetchain_end_turn(&fc, FLEETCHAIN_OK, NULL, "v1.4.1"));
	assert_true(fleetchain_end_turn(&fc, FLEETCHAIN_SKIPPED, NULL, NULL));
	assert_string_equal(fleetchain_current(&fc)->name, "h4");
	assert_false(fleetchain_end_turn(&fc, FLEETCHAIN_OK, NULL, "v1.4.1"));
	assert_null(fleetchain_current(&fc));
	fleetchain_summary(&fc, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api to v1.4.1: h1 OK \xc2\xb7 h3 already on "
	    "v1.4.1, skipped \xc2\xb7 h4 OK");
}

static void
a_host_down_at_its_turn_stops_the_rest_and_is_counted(void **state)
{
	struct fleetchain fc;
	char line[512];

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_add(&fc, "h1", 0);
	fleetchain_add(&fc, "h3", 2);
	fleetchain_add(&fc, "h5", 4);
	fleetchain_add(&fc, "h6", 5);
	fleetchain_add(&fc, "h7", 6);
	assert_true(fleetchain_end_turn(&fc, FLEETCHAIN_OK, NULL, "v1.4.1"));
	assert_true(fleetchain_end_turn(&fc, FLEETCHAIN_OK, NULL, "v1.4.1"));
	assert_false(fleetchain_end_turn(&fc, FLEETCHAIN_DOWN, "h5 is DOWN: not rolled back",
	    NULL));
	assert_false(fc.active);
	/* Nothing more ends once it is over. */
	assert_false(fleetchain_end_turn(&fc, FLEETCHAIN_OK, NULL, NULL));
	fleetchain_summary(&fc, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api to v1.4.1: h1 OK \xc2\xb7 h3 OK \xc2\xb7 "
	    "h5 DOWN, not rolled back \xc2\xb7 h6, h7 not started");
}

static void
every_other_end_stops_the_rest(void **state)
{
	static const enum fleetchain_turn stop[] = {
		FLEETCHAIN_FAILED, FLEETCHAIN_UNKNOWN, FLEETCHAIN_CANCELLED, FLEETCHAIN_DOWN,
		FLEETCHAIN_REFUSED,
	};
	struct fleetchain fc;
	char line[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(stop) / sizeof(stop[0]); i++) {
		fleetchain_begin(&fc, "api", "v1.5.0-bad");
		fleetchain_add(&fc, "h1", 0);
		fleetchain_add(&fc, "h2", 1);
		assert_false(fleetchain_goes_on(stop[i]));
		assert_false(fleetchain_end_turn(&fc, stop[i], "no revision at v1.4.1", NULL));
		assert_int_equal(fc.hosts[1].turn, FLEETCHAIN_WAITING);
	}
	/* The first host stopped before a target was known: "from". */
	fleetchain_summary(&fc, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api from v1.5.0-bad: h1 refused (no revision "
	    "at v1.4.1) \xc2\xb7 h2 not started");
}

static void
the_record_holds_the_summary_and_each_outcome(void **state)
{
	struct fleetchain fc;
	struct fleetchain_cand c = up_at("h2", "v1.4.1");
	struct record r = { .kind = (char *)"chain.end" };
	cJSON *d, *hosts;
	char *text;

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_add(&fc, "h1", 0);
	fleetchain_add(&fc, "h3", 2);
	c.conn = "DOWN";
	fleetchain_consider(&fc, &c);
	fleetchain_end_turn(&fc, FLEETCHAIN_OK, NULL, "v1.4.1");
	fleetchain_end_turn(&fc, FLEETCHAIN_UNKNOWN, NULL, NULL);
	d = fleetchain_record(&fc);
	assert_string_equal(cJSON_GetObjectItem(d, "summary")->valuestring,
	    "fleet rollback of api to v1.4.1: h1 OK \xc2\xb7 h3 UNKNOWN");
	/* No top-level "service": the export says the summary alone. */
	assert_null(cJSON_GetObjectItem(d, "service"));
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(d, "fleet"), "to")->valuestring,
	    "v1.4.1");
	hosts = cJSON_GetObjectItem(d, "hosts");
	assert_int_equal(cJSON_GetArraySize(hosts), 2);
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(hosts, 1), "outcome")->valuestring,
	    "unknown");
	assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(d, "left_out"), 0)->valuestring,
	    "h2 DOWN, last seen on v1.4.1 3s ago: not included");
	/* TIMELINE and the post-mortem's timeline say the summary, in words. */
	r.data = d;
	text = export_details(&r, NULL);
	assert_string_equal(text, "fleet rollback of api to v1.4.1: h1 OK \xc2\xb7 h3 UNKNOWN");
	free(text);
	cJSON_Delete(d);
}

/* Cancelled after its confirmation (the re-read before running failed):
 * the chain's end still names the target confirmed, and its id. */
/* Esc on B's first dialog journalled a chain.end with no chain.start:
 * a chain is journalled only once its first host was confirmed. */
static void
a_chain_starts_at_its_first_confirmation(void **state)
{
	struct fleetchain fc;

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_add(&fc, "h7", 6);
	fleetchain_add(&fc, "h8", 7);
	assert_false(fleetchain_started(&fc));
	/* Put away before anything was confirmed: over, never started. */
	assert_false(fleetchain_end_turn(&fc, FLEETCHAIN_CANCELLED, NULL, NULL));
	assert_false(fleetchain_started(&fc));
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_add(&fc, "h7", 6);
	fleetchain_confirmed(&fc, "rb-1", "v1.4.1");
	assert_true(fleetchain_started(&fc));
}

static void
a_chain_cancelled_after_confirmation_names_its_target(void **state)
{
	struct fleetchain fc;
	char line[512];
	cJSON *d;

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_add(&fc, "h7", 6);
	fleetchain_add(&fc, "h8", 7);
	fleetchain_confirmed(&fc, "rb-1", "v1.4.1");
	assert_false(fleetchain_end_turn(&fc, FLEETCHAIN_CANCELLED, NULL, NULL));
	fleetchain_summary(&fc, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api to v1.4.1: h7 CANCELLED \xc2\xb7 h8 not "
	    "started");
	d = fleetchain_record(&fc);
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(d, "fleet"), "to")->valuestring,
	    "v1.4.1");
	assert_string_equal(cJSON_GetObjectItem(d, "chain")->valuestring, "rb-1");
	cJSON_Delete(d);
}

static void
rec(struct record *r, uint64_t seq, const char *kind, const char *host, const char *op,
    cJSON *data)
{
	memset(r, 0, sizeof(*r));
	r->seq = seq;
	r->kind = (char *)kind;
	r->host = (char *)host;
	r->op = (char *)op;
	r->data = data;
}

/* With h10 and h19 DOWN on the bad tag and h23 (k8s) running it, the
 * outcome read "h4 OK · h13 OK · h22 OK", and chain.start counted the
 * bad hosts among 21 "not included": the summary names the hosts the
 * chain leaves bad, the start apart from those that never needed it. */
static void
hosts_left_on_the_bad_tag_are_in_the_summary(void **state)
{
	struct fleetchain fc, back;
	struct fleetchain_cand c;
	struct record v[2];
	char line[1024];
	cJSON *d;

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_set_driver(&fc, "compose");
	fleetchain_add(&fc, "h4", 3);
	fleetchain_add(&fc, "h13", 12);
	c = up_at("h10", "v1.5.0-bad");
	c.conn = "DOWN";
	c.age_s = 30;
	assert_false(fleetchain_consider(&fc, &c));
	c.name = "h19";
	assert_false(fleetchain_consider(&fc, &c));
	c = up_at("h1", "v1.4.1");
	assert_false(fleetchain_consider(&fc, &c));
	c = up_at("h2", "v1.4.1");
	c.other_driver = "k8s";
	assert_false(fleetchain_consider(&fc, &c));
	c = up_at("h23", "v1.5.0-bad");
	c.other_driver = "k8s";
	assert_false(fleetchain_consider(&fc, &c));
	c = up_at("h7", "");
	c.conn = "CONNECTING";
	c.age_s = -1;
	assert_false(fleetchain_consider(&fc, &c));
	fleetchain_confirmed(&fc, "rb-1", "v1.4.1");
	d = fleetchain_start_record(&fc);
	assert_string_equal(cJSON_GetObjectItem(d, "summary")->valuestring, "fleet rollback of "
	    "api from v1.5.0-bad to v1.4.1 started: h4, h13, in this order; h10, h19 DOWN on "
	    "v1.5.0-bad: not rolled back \xc2\xb7 h23 (k8s) on v1.5.0-bad: not in this rollback "
	    "(r on it); 3 others not included (1 of them may run v1.5.0-bad: tag not known)");
	rec(&v[0], 1, "chain.start", NULL, NULL, d);
	fleetchain_end_turn(&fc, FLEETCHAIN_OK, NULL, "v1.4.1");
	fleetchain_end_turn(&fc, FLEETCHAIN_OK, NULL, "v1.4.1");
	fleetchain_summary(&fc, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api to v1.4.1: h4 OK \xc2\xb7 h13 OK \xc2\xb7 "
	    "h10, h19 DOWN on v1.5.0-bad: not rolled back \xc2\xb7 h23 (k8s) on v1.5.0-bad: not "
	    "in this rollback (r on it)");
	/* The post-mortem rebuilds it from the journal: the same words. */
	rec(&v[1], 2, "chain.end", NULL, NULL, fleetchain_record(&fc));
	assert_string_equal(cJSON_GetObjectItem(v[1].data, "summary")->valuestring, line);
	assert_true(fleetchain_from_journal(&back, v, 2, 0));
	fleetchain_summary(&back, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api to v1.4.1: h4 OK \xc2\xb7 h13 OK \xc2\xb7 "
	    "h10, h19 DOWN on v1.5.0-bad: not rolled back \xc2\xb7 h23 (k8s) on v1.5.0-bad: not "
	    "in this rollback (r on it)");
	cJSON_Delete(v[0].data);
	cJSON_Delete(v[1].data);
}

/* Helm reads the release as "1.5.0-bad" where compose reads
 * "v1.5.0-bad": B on a compose host put the helm hosts running it under
 * "h3, h9 are helm hosts: not included", named none of them in the
 * summary, and hid a hidden helm host on it. The same release is the
 * same whatever the spelling; the chain's own hosts still match exactly. */
static void
another_driver_on_the_bad_release_is_named_whatever_its_spelling(void **state)
{
	struct fleetchain fc;
	struct fleetchain_cand c;
	char line[1024];

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_set_driver(&fc, "compose");
	fleetchain_add(&fc, "h1", 0);
	c = up_at("h3", "1.5.0-bad");
	c.other_driver = "helm";
	assert_false(fleetchain_consider(&fc, &c));
	c = up_at("h9", "1.4.1");
	c.other_driver = "helm";
	assert_false(fleetchain_consider(&fc, &c));
	c = up_at("h12", "1.5.0-bad");
	c.other_driver = "helm";
	c.hidden = true;
	assert_false(fleetchain_consider(&fc, &c));
	/* A compose host spelling it otherwise is not the plan's to roll. */
	c = up_at("h4", "1.5.0-bad");
	assert_false(fleetchain_consider(&fc, &c));

	assert_int_equal(fleetchain_out_lines(&fc), 4);
	fleetchain_out_line(&fc, 0, line, sizeof(line));
	assert_string_equal(line, "h3 (helm) also runs v1.5.0-bad: not in this rollback (r on it)");
	fleetchain_out_line(&fc, 1, line, sizeof(line));
	assert_string_equal(line, "h9 is a helm host: not included");
	fleetchain_out_line(&fc, 3, line, sizeof(line));
	assert_string_equal(line, "1 host listing api hidden by the HOSTS filter: not included "
	    "(h12 last read on v1.5.0-bad: an empty F filter shows them)");
	fleetchain_end_turn(&fc, FLEETCHAIN_OK, NULL, "v1.4.1");
	fleetchain_summary(&fc, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api to v1.4.1: h1 OK \xc2\xb7 h3 (helm) on "
	    "v1.5.0-bad: not in this rollback (r on it)");
}

/* B on a helm host said "h1, h7 are compose hosts: not included" with h1
 * UP on v1.5.0-bad and h7 DOWN, last seen on it: both are named, the
 * DOWN one with the unknown first and in the summary, also read back
 * from the journal. */
static void
a_down_host_of_another_driver_last_seen_on_the_bad_release_is_named(void **state)
{
	struct fleetchain fc, back;
	struct fleetchain_cand c;
	struct record v[2];
	char line[1024];

	(void)state;
	fleetchain_begin(&fc, "api", "1.5.0-bad");
	fleetchain_set_driver(&fc, "helm");
	fleetchain_add(&fc, "h3", 2);
	c = up_at("h1", "v1.5.0-bad");
	c.other_driver = "compose";
	assert_false(fleetchain_consider(&fc, &c));
	c = up_at("h4", "v1.4.1");
	c.other_driver = "compose";
	assert_false(fleetchain_consider(&fc, &c));
	c = up_at("h7", "v1.5.0-bad");
	c.other_driver = "compose";
	c.conn = "DOWN";
	c.age_s = 30;
	assert_false(fleetchain_consider(&fc, &c));
	c = up_at("h10", "v1.4.1");
	c.other_driver = "compose";
	c.conn = "DOWN";
	assert_false(fleetchain_consider(&fc, &c));

	assert_int_equal(fleetchain_out_lines(&fc), 3);
	fleetchain_out_line(&fc, 0, line, sizeof(line));
	assert_string_equal(line, "h7 (compose) DOWN, last seen on v1.5.0-bad 30s ago: "
	    "not included");
	assert_true(fleetchain_out_loud(&fc, 0));
	fleetchain_out_line(&fc, 1, line, sizeof(line));
	assert_string_equal(line, "h1 (compose) also runs 1.5.0-bad: not in this rollback "
	    "(r on it)");
	fleetchain_out_line(&fc, 2, line, sizeof(line));
	assert_string_equal(line, "h4, h10 are compose hosts: not included");
	fleetchain_confirmed(&fc, "rb-1", "1.4.1");
	rec(&v[0], 1, "chain.start", NULL, NULL, fleetchain_start_record(&fc));
	fleetchain_end_turn(&fc, FLEETCHAIN_OK, NULL, "1.4.1");
	fleetchain_summary(&fc, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api to 1.4.1: h3 OK \xc2\xb7 h7 (compose) "
	    "DOWN on 1.5.0-bad: not rolled back \xc2\xb7 h1 (compose) on 1.5.0-bad: not in this "
	    "rollback (r on it)");
	rec(&v[1], 2, "chain.end", NULL, NULL, fleetchain_record(&fc));
	assert_true(fleetchain_from_journal(&back, v, 2, 0));
	fleetchain_summary(&back, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api to 1.4.1: h3 OK \xc2\xb7 h7 (compose) "
	    "DOWN on 1.5.0-bad: not rolled back \xc2\xb7 h1 (compose) on 1.5.0-bad: not in this "
	    "rollback (r on it)");
	cJSON_Delete(v[0].data);
	cJSON_Delete(v[1].data);
}

/* B on h10 with h10 and h19 DOWN on the bad tag named h10 alone, and
 * said "no UP host runs" with h23 (k8s) UP on it: every host whose tag is
 * not known is named, the driver said, the other driver's host pointed
 * at. */
static void
no_up_host_names_every_down_one_and_the_driver(void **state)
{
	struct fleetchain fc;
	struct fleetchain_cand c;
	char line[1024];

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_set_driver(&fc, "compose");
	c = up_at("h10", "v1.5.0-bad");
	c.conn = "DOWN";
	c.age_s = 106;
	assert_false(fleetchain_consider(&fc, &c));
	c.name = "h19";
	c.age_s = 100;
	assert_false(fleetchain_consider(&fc, &c));
	c = up_at("h23", "v1.5.0-bad");
	c.other_driver = "k8s";
	assert_false(fleetchain_consider(&fc, &c));
	fleetchain_none_words(&fc, line, sizeof(line));
	assert_string_equal(line, "no UP compose host runs api at v1.5.0-bad: no fleet rollback "
	    "(h10 DOWN, last seen on v1.5.0-bad 106s ago: not included; h19 DOWN, last seen on "
	    "v1.5.0-bad 100s ago: not included); h23 (k8s) runs it too: r there");
}

/* A console killed mid-chain: the journal's chain.start and each host's
 * records carrying its id say what came of every host, "not started" for
 * the ones whose turn never came; a chain.end says the chain ended. */
static void
a_chain_is_read_back_from_its_journal(void **state)
{
	struct fleetchain fc, back;
	struct fleetchain_cand c = up_at("h2", "v1.4.1");
	struct record v[5];
	char line[512];
	cJSON *d;

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_add(&fc, "h1", 0);
	fleetchain_add(&fc, "h4", 3);
	fleetchain_consider(&fc, &c);
	fleetchain_confirmed(&fc, "rb-1", "v1.4.1");
	d = fleetchain_start_record(&fc);
	assert_string_equal(cJSON_GetObjectItem(d, "summary")->valuestring, "fleet rollback of "
	    "api from v1.5.0-bad to v1.4.1 started: h1, h4, in this order; 1 not included");
	assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(d, "hosts"), 1)->valuestring,
	    "h4");
	rec(&v[0], 1, "chain.start", NULL, NULL, d);
	rec(&v[1], 2, "action.intent", "h1", "rb-1", cJSON_Parse("{\"action\":\"compose.rollback\","
	    "\"chain\":\"rb-1\"}"));
	/* Another action on h4, not the chain's: not its turn. */
	rec(&v[2], 3, "action.intent", "h4", "rc-9", cJSON_Parse("{\"action\":\"runbook.command\"}"));
	assert_false(fleetchain_from_journal(&back, v, 3, 0));
	assert_true(back.interrupted);
	fleetchain_summary(&back, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api to v1.4.1 interrupted: h1 UNKNOWN \xc2\xb7 "
	    "h4 not started");
	rec(&v[3], 4, "action.end", "h1", "rb-1", cJSON_Parse("{\"outcome\":\"ok\"}"));
	assert_false(fleetchain_from_journal(&back, v, 4, 0));
	fleetchain_summary(&back, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api to v1.4.1 interrupted: h1 OK \xc2\xb7 "
	    "h4 not started");
	/* h4 already on the target: skipped, as the live chain said, not
	 * refused. */
	rec(&v[4], 5, "action.refused", "h4", NULL, cJSON_Parse("{\"action\":"
	    "\"compose.rollback\",\"confirmed\":false,\"at_target\":true,\"chain\":\"rb-1\"}"));
	assert_false(fleetchain_from_journal(&back, v, 5, 0));
	assert_int_equal(back.hosts[1].turn, FLEETCHAIN_SKIPPED);
	cJSON_Delete(v[4].data);
	/* Ended: its own end's outcomes, not "interrupted". */
	fleetchain_end_turn(&fc, FLEETCHAIN_OK, NULL, "v1.4.1");
	fleetchain_end_turn(&fc, FLEETCHAIN_FAILED, NULL, NULL);
	rec(&v[4], 5, "chain.end", NULL, NULL, fleetchain_record(&fc));
	assert_true(fleetchain_from_journal(&back, v, 5, 0));
	assert_false(back.interrupted);
	fleetchain_summary(&back, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api to v1.4.1: h1 OK \xc2\xb7 h4 FAILED");
	for (size_t i = 0; i < 5; i++)
		cJSON_Delete(v[i].data);
}

/* A turn cut off UNKNOWN and later settled (a re-read, or by hand; after
 * the chain.end too) reads as what settled it, and says how. */
static void
a_turn_settled_after_unknown_reads_as_settled(void **state)
{
	struct fleetchain fc, back;
	struct record v[6];
	char line[512];
	cJSON *d;

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_add(&fc, "k8s-bastion", 0);
	fleetchain_add(&fc, "k8s-bastion-b", 1);
	fleetchain_confirmed(&fc, "rb-1", "v1.4.1");
	rec(&v[0], 1, "chain.start", NULL, NULL, fleetchain_start_record(&fc));
	rec(&v[1], 2, "action.intent", "k8s-bastion", "rb-1", cJSON_Parse("{\"action\":"
	    "\"k8s.undo\",\"chain\":\"rb-1\"}"));
	rec(&v[2], 3, "incident.resume", NULL, NULL, cJSON_Parse("{}"));
	/* A re-read that found nothing conclusive settles nothing. */
	rec(&v[3], 4, "action.reconcile", "k8s-bastion", "rb-1", cJSON_Parse("{\"outcome\":"
	    "\"unknown\"}"));
	assert_false(fleetchain_from_journal(&back, v, 4, 0));
	fleetchain_summary(&back, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api to v1.4.1 interrupted: k8s-bastion "
	    "UNKNOWN \xc2\xb7 k8s-bastion-b not started");
	rec(&v[4], 5, "action.reconcile", "k8s-bastion", "rb-1", cJSON_Parse("{\"outcome\":"
	    "\"ok\",\"detail\":\"revision 3\"}"));
	assert_false(fleetchain_from_journal(&back, v, 5, 0));
	fleetchain_summary(&back, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api to v1.4.1 interrupted: k8s-bastion "
	    "OK after re-read \xc2\xb7 k8s-bastion-b not started");
	d = fleetchain_record(&back);
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(d, "hosts"),
	    0), "settled_by")->valuestring, "re-read");
	cJSON_Delete(d);
	/* A chain that ended with the turn UNKNOWN, settled by hand after. */
	fleetchain_end_turn(&fc, FLEETCHAIN_UNKNOWN, NULL, NULL);
	cJSON_Delete(v[2].data);
	rec(&v[2], 3, "chain.end", NULL, NULL, fleetchain_record(&fc));
	cJSON_Delete(v[4].data);
	rec(&v[4], 5, "action.reconcile", "k8s-bastion", "rb-1", cJSON_Parse("{\"by\":\"hand\","
	    "\"outcome\":\"failed\",\"detail\":\"still v1.5.0-bad\"}"));
	assert_true(fleetchain_from_journal(&back, v, 5, 0));
	fleetchain_summary(&back, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api to v1.4.1: k8s-bastion FAILED, settled "
	    "by hand \xc2\xb7 k8s-bastion-b not started");
	for (size_t i = 0; i < 5; i++)
		cJSON_Delete(v[i].data);
}

/* An interrupted chain is named by one resume: a later one finds it
 * among the ids an earlier resume named (or, before those ids, among
 * its summaries), and another chain is not taken for it. */
static void
an_interrupted_chain_is_reported_once(void **state)
{
	struct fleetchain fc, back;
	struct record v[3];

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_add(&fc, "h1", 0);
	fleetchain_confirmed(&fc, "rb-1", "v1.4.1");
	rec(&v[0], 1, "chain.start", NULL, NULL, fleetchain_start_record(&fc));
	rec(&v[1], 2, "action.intent", "h1", "rb-1", cJSON_Parse("{\"chain\":\"rb-1\"}"));
	rec(&v[2], 3, "incident.resume", NULL, NULL, cJSON_Parse("{\"unknown_ops\":[\"rb-1\"]}"));
	assert_false(fleetchain_from_journal(&back, v, 3, 0));
	assert_false(fleetchain_reported(&back, v, 3, 0));
	cJSON_Delete(v[2].data);
	rec(&v[2], 3, "incident.resume", NULL, NULL, cJSON_Parse("{\"interrupted_chains\":"
	    "[\"fleet rollback of api to v1.4.1 interrupted: h1 UNKNOWN\"],"
	    "\"interrupted_chain_ids\":[\"rb-9\"]}"));
	assert_false(fleetchain_reported(&back, v, 3, 0));     /* another chain's */
	cJSON_Delete(v[2].data);
	rec(&v[2], 3, "incident.resume", NULL, NULL, cJSON_Parse("{\"interrupted_chains\":"
	    "[\"x\"],\"interrupted_chain_ids\":[\"rb-1\"]}"));
	assert_true(fleetchain_reported(&back, v, 3, 0));
	/* A resume of an older console: its summary only. */
	cJSON_Delete(v[2].data);
	rec(&v[2], 3, "incident.resume", NULL, NULL, cJSON_Parse("{\"interrupted_chains\":"
	    "[\"fleet rollback of api to v1.4.1 interrupted: h1 UNKNOWN\"]}"));
	assert_true(fleetchain_reported(&back, v, 3, 0));
	assert_false(fleetchain_reported(&back, v, 2, 0));     /* none after the start */
	for (size_t i = 0; i < 3; i++)
		cJSON_Delete(v[i].data);
}

static void
a_full_chain_refuses_more(void **state)
{
	struct fleetchain fc;
	int i;

	(void)state;
	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	for (i = 0; i < FLEETCHAIN_MAX; i++)
		assert_true(fleetchain_add(&fc, "h", i));
	assert_false(fleetchain_add(&fc, "h", i));
}

static void
the_dialog_says_it_is_the_fleet_rollback_and_its_scope(void **state)
{
	struct fleetchain fc;
	struct fleetchain_cand c = up_at("api-2", "v1.4.1");
	char line[256];

	(void)state;
	fleetchain_begin(&fc, "jobs", "v1.5.0-bad");
	fleetchain_set_driver(&fc, "compose");
	assert_true(fleetchain_add(&fc, "api-1", 0));
	assert_false(fleetchain_consider(&fc, &c));
	/* One host alone: still B's words, not r's. */
	fleetchain_scope(&fc, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of jobs at v1.5.0-bad: api-1 is the only "
	    "compose host running it");
	/* A host whose tag is not known may run it: "only" no wider than read. */
	c = up_at("api-3", "v1.5.0-bad");
	c.conn = "DOWN";
	assert_false(fleetchain_consider(&fc, &c));
	fleetchain_scope(&fc, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of jobs at v1.5.0-bad: api-1 is the only "
	    "compose host known to run it");

	fleetchain_begin(&fc, "api", "v1.5.0-bad");
	fleetchain_set_driver(&fc, "compose");
	assert_true(fleetchain_add(&fc, "h1", 0));
	assert_true(fleetchain_add(&fc, "h3", 2));
	assert_true(fleetchain_add(&fc, "h5", 4));
	c = up_at("h7", "v1.5.0-bad");
	c.hidden = true;
	assert_false(fleetchain_consider(&fc, &c));
	fleetchain_scope(&fc, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api at v1.5.0-bad: h1 is host 1 of 3 shown "
	    "compose hosts running it");
	assert_true(fleetchain_end_turn(&fc, FLEETCHAIN_OK, NULL, "v1.4.1"));
	fleetchain_scope(&fc, line, sizeof(line));
	assert_string_equal(line, "fleet rollback of api at v1.5.0-bad: h3 is host 2 of 3 shown "
	    "compose hosts running it");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_down_host_is_named_with_the_age_of_what_was_read),
		cmocka_unit_test(the_dialog_says_it_is_the_fleet_rollback_and_its_scope),
		cmocka_unit_test(a_down_host_with_an_unsettled_rollback_names_it),
		cmocka_unit_test(a_down_host_only_the_journal_knows_is_last_seen_there),
		cmocka_unit_test(hosts_left_out_say_why_the_unknown_first),
		cmocka_unit_test(hidden_hosts_that_may_run_the_bad_tag_are_named),
		cmocka_unit_test(hosts_left_out_share_a_line_per_reason),
		cmocka_unit_test(hosts_left_on_the_bad_tag_are_in_the_summary),
		cmocka_unit_test(another_driver_on_the_bad_release_is_named_whatever_its_spelling),
		cmocka_unit_test(a_down_host_of_another_driver_last_seen_on_the_bad_release_is_named),
		cmocka_unit_test(no_up_host_names_every_down_one_and_the_driver),
		cmocka_unit_test(then_names_the_hosts_to_come),
		cmocka_unit_test(already_on_the_target_is_skipped_and_the_chain_goes_on),
		cmocka_unit_test(a_host_down_at_its_turn_stops_the_rest_and_is_counted),
		cmocka_unit_test(every_other_end_stops_the_rest),
		cmocka_unit_test(the_record_holds_the_summary_and_each_outcome),
		cmocka_unit_test(a_chain_starts_at_its_first_confirmation),
		cmocka_unit_test(a_chain_cancelled_after_confirmation_names_its_target),
		cmocka_unit_test(a_chain_is_read_back_from_its_journal),
		cmocka_unit_test(a_turn_settled_after_unknown_reads_as_settled),
		cmocka_unit_test(an_interrupted_chain_is_reported_once),
		cmocka_unit_test(a_full_chain_refuses_more),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
