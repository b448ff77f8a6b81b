/*
 * test_timeline_keep.c — what the journal does for records that must not
 * be lost while it cannot be written (a full disk, here RLIMIT_FSIZE):
 * timeline_append_keep holds them in memory, in order and bounded, and
 * timeline_recover writes them right after its journal.recover, each with
 * the time it happened and data.late naming the gap; exports meanwhile say
 * the end is not stored yet, not "still running"; re-sync records after
 * the gap carry it too; a torn tail that appears under a running console
 * gets a journal.repair record when it is set aside.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "warroom/timeline.h"

static char root[256];
static int ndir;
static struct rlimit saved;

static const char *
fresh_dir(void)
{
	static char dir[512];

	snprintf(dir, sizeof(dir), "%s/k%d", root, ++ndir);
	return dir;
}

static struct timeline *
open_tl(const char *dir, const char *incident)
{
	struct timeline_open_opts o = { dir, incident, NULL, "tester@box", NULL };
	struct timeline *tl;
	struct wr_err err;

	if (timeline_open(&o, &tl, &err) != 0)
		fail_msg("timeline_open: %s", err.msg);
	return tl;
}

/* The disk "fills": a write past the file's size plus room is cut short. */
static void
disk_full(struct timeline *tl, off_t room)
{
	struct rlimit lim = saved;
	struct stat st;

	assert_int_equal(stat(timeline_path(tl), &st), 0);
	lim.rlim_cur = (rlim_t)(st.st_size + room);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
}

static void
disk_back(void)
{
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &saved), 0);
}

/* The verified records of tl's file; the chain must verify to its end. */
static size_t
verified(struct timeline *tl, struct record_list *l)
{
	struct record_scan s;
	struct wr_err err;
	char dir[512], *slash;

	snprintf(dir, sizeof(dir), "%s", timeline_path(tl));
	slash = strrchr(dir, '/');
	*slash = '\0';
	memset(l, 0, sizeof(*l));
	if (timeline_read(dir, timeline_id(tl), l, &s, &err) != 0)
		fail_msg("timeline_read: %s", err.msg);
	if (s.torn || s.ndamage > 0)
		fail_msg("journal does not verify: %s", s.ndamage > 0 ? s.damage[0].detail :
		    s.why.msg);
	record_scan_free(&s);
	return l->n;
}

static const char *
str_in(const cJSON *o, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

static cJSON *
end_data(const char *outcome)
{
	cJSON *d = cJSON_CreateObject();

	cJSON_AddStringToObject(d, "outcome", outcome);
	cJSON_AddStringToObject(d, "detail", "redeployed");
	return d;
}

static char *
export_md(struct timeline *tl, bool own)
{
	char dir[512], *slash, *buf = NULL;
	size_t len;
	FILE *out = open_memstream(&buf, &len);

	snprintf(dir, sizeof(dir), "%s", timeline_path(tl));
	slash = strrchr(dir, '/');
	*slash = '\0';
	if (own)
		assert_int_equal(timeline_export_own(tl, EXPORT_MD, out, NULL), 0);
	else
		assert_int_equal(timeline_export(dir, timeline_id(tl), EXPORT_MD, NULL, 0, out,
		    NULL), 0);
	fclose(out);
	return buf;
}

/* An action's output and end while the disk is full: kept, said not
 * stored yet (not "still running") by the console's export and by one
 * from elsewhere; once space is back, written after the journal.recover,
 * in order, with their own times and the gap in data.late. */
static void
an_end_while_degraded_is_kept_and_written_late(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "kept end");
	struct record_list l;
	struct wr_err err;
	const cJSON *late;
	int64_t before_end, since, a, z;
	char *md;
	size_t n;

	(void)state;
	assert_int_equal(timeline_action_intent(tl, "ks-1", "api-1", "compose.killswitch",
	    NULL, NULL, NULL, NULL), 0);
	disk_full(tl, 40);
	assert_int_equal(timeline_note(tl, "this note does not fit", &err), -1);
	assert_true(timeline_degraded(tl));
	since = timeline_degraded_since(tl);
	assert_true(since > 0);
	assert_int_equal(timeline_append_keep(tl, "action.output", "api-1", "ks-1",
	    cJSON_CreateObject(), &err), 1);
	assert_non_null(strstr(err.msg, "kept, and written once it recovers"));
	before_end = since;
	assert_int_equal(timeline_append_keep(tl, "action.end", "api-1", "ks-1",
	    end_data("ok"), &err), 1);
	assert_int_equal(timeline_kept(tl), 2);
	assert_string_equal(timeline_kept_outcome(tl, "ks-1"), "ok");
	assert_null(timeline_kept_outcome(tl, "other"));
	disk_back();

	/* Meanwhile: its end is not stored yet, and no export says running. */
	md = export_md(tl, true);
	assert_non_null(strstr(md, "- Outcome: ended in this console; its end is not stored "
	    "yet"));
	assert_non_null(strstr(md, "| ok, not stored yet |"));
	assert_null(strstr(md, "still running"));
	free(md);
	md = export_md(tl, false);
	assert_non_null(strstr(md, "no end stored yet: the console running it cannot write "
	    "the journal"));
	assert_null(strstr(md, "still running"));
	free(md);

	assert_int_equal(timeline_recover(tl, &err), 0);
	assert_false(timeline_degraded(tl));
	assert_int_equal(timeline_degraded_since(tl), 0);
	assert_int_equal(timeline_kept(tl), 0);
	n = verified(tl, &l);
	assert_int_equal(n, 5);         /* open, intent, recover, output, end */
	assert_string_equal(l.v[2].kind, "journal.recover");
	assert_int_equal(cJSON_GetObjectItem(l.v[2].data, "kept")->valuedouble, 2);
	assert_string_equal(l.v[3].kind, "action.output");
	assert_string_equal(l.v[4].kind, "action.end");
	assert_string_equal(str_in(l.v[4].data, "outcome"), "ok");
	/* Its own time (when it happened), not the recovery's. */
	assert_true(l.v[4].ts_ms >= before_end && l.v[4].ts_ms <= l.v[2].ts_ms);
	late = cJSON_GetObjectItem(l.v[4].data, "late");
	assert_non_null(late);
	assert_int_equal(record_parse_ts(str_in(late, "gap_start"), &a), 0);
	assert_int_equal(record_parse_ts(str_in(late, "gap_end"), &z), 0);
	assert_int_equal(a, since);
	timeline_gap(tl, &a, &z);
	assert_int_equal(a, since);
	assert_true(z >= a);
	assert_non_null(strstr(str_in(late, "problem"), "short write"));
	record_list_free(&l);

	/* Ended at last: the export says so, the late mark in its row. */
	md = export_md(tl, false);
	assert_null(strstr(md, "not stored yet"));
	assert_non_null(strstr(md, "written late\\] at "));
	assert_non_null(strstr(md, "2 records kept meanwhile are written right after it"));
	free(md);
	timeline_close(tl);
}

/* A record's own write fails (the disk fills under it): kept, the torn
 * bytes set aside on recovery, and the record written once, late. */
static void
a_failed_write_of_a_kept_record_is_written_once(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "torn end");
	struct record_list l;
	struct wr_err err;

	(void)state;
	assert_int_equal(timeline_action_intent(tl, "rb-1", "api-1", "compose.rollback",
	    NULL, NULL, NULL, NULL), 0);
	disk_full(tl, 30);
	assert_int_equal(timeline_append_keep(tl, "action.end", "api-1", "rb-1",
	    end_data("failed"), &err), 1);
	assert_true(timeline_degraded(tl));
	assert_int_equal(timeline_kept(tl), 1);
	/* Still full: recovery fails and keeps it. */
	assert_int_equal(timeline_recover(tl, &err), -1);
	assert_int_equal(timeline_kept(tl), 1);
	disk_back();
	assert_int_equal(timeline_recover(tl, &err), 0);
	assert_int_equal(verified(tl, &l), 4);     /* open, intent, recover, end */
	assert_string_equal(l.v[2].kind, "journal.recover");
	assert_false(cJSON_IsTrue(cJSON_GetObjectItem(l.v[2].data, "unconfirmed_present")));
	assert_non_null(cJSON_GetObjectItem(l.v[2].data, "repaired"));
	assert_string_equal(l.v[3].kind, "action.end");
	assert_non_null(cJSON_GetObjectItem(l.v[3].data, "late"));
	record_list_free(&l);
	/* Healthy: the next one is written at once, not marked. */
	assert_int_equal(timeline_append_keep(tl, "action.reconcile", "api-1", "rb-1",
	    end_data("failed"), &err), 0);
	assert_int_equal(verified(tl, &l), 5);
	assert_null(cJSON_GetObjectItem(l.v[4].data, "late"));
	record_list_free(&l);
	timeline_close(tl);
}

/* At most TIMELINE_KEPT_MAX wait: the next is refused, said lost, and
 * the journal.recover counts it. */
static void
the_kept_records_are_bounded_and_a_lost_one_is_counted(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "kept bound");
	struct record_list l;
	struct wr_err err;
	size_t i;

	(void)state;
	disk_full(tl, 20);
	assert_int_equal(timeline_note(tl, "fills it", &err), -1);
	for (i = 0; i < TIMELINE_KEPT_MAX; i++)
		assert_int_equal(timeline_append_keep(tl, "action.output", "h", "op",
		    NULL, &err), 1);
	assert_int_equal(timeline_append_keep(tl, "action.end", "h", "op", end_data("ok"),
	    &err), -1);
	assert_non_null(strstr(err.msg, "NOT kept for later either"));
	assert_non_null(strstr(err.msg, "is lost"));
	assert_int_equal(timeline_kept(tl), TIMELINE_KEPT_MAX);
	disk_back();
	assert_int_equal(timeline_recover(tl, &err), 0);
	assert_int_equal(verified(tl, &l), 2 + TIMELINE_KEPT_MAX);    /* open, recover */
	assert_string_equal(l.v[1].kind, "journal.recover");
	assert_int_equal(cJSON_GetObjectItem(l.v[1].data, "not_kept")->valuedouble, 1);
	assert_int_equal(cJSON_GetObjectItem(l.v[1].data, "kept")->valuedouble,
	    TIMELINE_KEPT_MAX);
	record_list_free(&l);
	timeline_close(tl);
}

/* What holds after a gap is written with data.resync naming the gap the
 * journal.recover names; before any gap, nothing is added. */
static void
a_resync_names_the_gap(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "resync");
	struct record_list l;
	struct wr_err err;
	const cJSON *rs, *gap;
	cJSON *d;

	(void)state;
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "verdict", "ROLLBACK IMMEDIATELY");
	assert_int_equal(timeline_append_resync(tl, "verdict.change", "h1", d, &err), 0);
	disk_full(tl, 20);
	assert_int_equal(timeline_note(tl, "fills it", &err), -1);
	disk_back();
	assert_int_equal(timeline_recover(tl, &err), 0);
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "verdict", "OK");
	assert_int_equal(timeline_append_resync(tl, "verdict.change", "h1", d, &err), 0);
	assert_int_equal(verified(tl, &l), 4);
	assert_null(cJSON_GetObjectItem(l.v[1].data, "resync"));
	gap = cJSON_GetObjectItem(l.v[2].data, "gap");
	rs = cJSON_GetObjectItem(l.v[3].data, "resync");
	assert_non_null(gap);
	assert_non_null(rs);
	assert_string_equal(str_in(rs, "gap_start"), str_in(gap, "gap_start"));
	assert_string_equal(str_in(rs, "gap_end"), str_in(gap, "gap_end"));
	record_list_free(&l);
	/* The export reads recovery from it: between the gap's ends. */
	{
		char *md = export_md(tl, false);

		assert_non_null(strstr(md, "recovered between "));
		assert_null(strstr(md, "not recovered"));
		assert_non_null(strstr(md, "re-sync after the journal could not be written"));
		free(md);
	}
	timeline_close(tl);
}

/* Another console's cut write leaves a torn last line under us: our next
 * record sets it aside and a journal.repair before it says so. */
static void
a_torn_tail_found_while_running_is_journalled(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "torn under us");
	struct record_list l;
	const char *torn = "{\"seq\":99,\"ts\":\"2026-11-27T12:2";
	char path[600];
	FILE *fp;

	(void)state;
	fp = fopen(timeline_path(tl), "ab");
	assert_non_null(fp);
	fputs(torn, fp);
	fclose(fp);
	assert_int_equal(timeline_note(tl, "after it", NULL), 0);
	assert_int_equal(verified(tl, &l), 3);
	assert_string_equal(l.v[1].kind, "journal.repair");
	assert_int_equal(cJSON_GetObjectItem(l.v[1].data, "bytes")->valuedouble, strlen(torn));
	snprintf(path, sizeof(path), "%s.torn", timeline_path(tl));
	assert_string_equal(str_in(l.v[1].data, "torn_file"), path);
	assert_int_equal(access(path, F_OK), 0);
	assert_string_equal(l.v[2].kind, "note");
	record_list_free(&l);
	timeline_close(tl);
}

static int
setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &saved);
	snprintf(root, sizeof(root), "%s/wr-keep-XXXXXX", tmp ? tmp : "/tmp");
	return mkdtemp(root) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[512];

	(void)state;
	setrlimit(RLIMIT_FSIZE, &saved);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(an_end_while_degraded_is_kept_and_written_late),
		cmocka_unit_test(a_failed_write_of_a_kept_record_is_written_once),
		cmocka_unit_test(the_kept_records_are_bounded_and_a_lost_one_is_counted),
		cmocka_unit_test(a_resync_names_the_gap),
		cmocka_unit_test(a_torn_tail_found_while_running_is_journalled),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
