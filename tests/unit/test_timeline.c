/*
 * test_timeline.c — the journal file layer on a real file system: create
 * (0600, O_EXCL, dir 0700), resume by name and by id, a torn tail set
 * aside, a damaged middle line skipped and named with the journal going
 * on after it (nothing rewritten or cut), intents without an end,
 * the degraded state after a failed write (RLIMIT_FSIZE) and its
 * recovery, two processes appending to one incident, the listing and the
 * export; a watcher (read-only console) that writes nothing, works on a
 * directory it cannot write, and follows what writers append: whole lines
 * only, each verified, a bad one named and skipped.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "warroom/timeline.h"

static char root[256];
static int ndir;

/* A fresh timeline dir per test, nested to exercise mkdir -p. */
static const char *
fresh_dir(void)
{
	static char dir[512];

	snprintf(dir, sizeof(dir), "%s/t%d/state/warroom", root, ++ndir);
	return dir;
}

static struct timeline *
open_as(const char *dir, const char *incident, const char *actor)
{
	struct timeline_open_opts o = { dir, incident, NULL, actor, NULL };
	struct timeline *tl;
	struct wr_err err;

	if (timeline_open(&o, &tl, &err) != 0)
		fail_msg("timeline_open: %s", err.msg);
	return tl;
}

static struct timeline *
open_tl(const char *dir, const char *incident)
{
	return open_as(dir, incident, "tester@box");
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *p;
	long n;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	p = calloc(1, (size_t)n + 1);
	if (fread(p, 1, (size_t)n, fp) != (size_t)n)
		n = 0;
	fclose(fp);
	if (len != NULL)
		*len = (size_t)n;
	return p;
}

static void
append_text(const char *path, const char *text)
{
	FILE *fp = fopen(path, "ab");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* Read back and check the whole chain verifies. */
static size_t
verified_records(const char *dir, const char *id, struct record_list *l)
{
	struct record_scan s;
	struct wr_err err;

	if (timeline_read(dir, id, l, &s, &err) != 0)
		fail_msg("timeline_read: %s", err.msg);
	if (s.torn || s.ndamage > 0)
		fail_msg("journal does not verify: %s", s.ndamage > 0 ? s.damage[0].detail :
		    s.why.msg);
	record_scan_free(&s);
	return s.nrecords;
}

static void
create_makes_a_private_dir_and_file(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "API 5xx spike");
	struct record_list l = { 0 };
	struct stat st;
	char *torn;

	assert_true(record_id_matches_slug(timeline_id(tl), "api-5xx-spike"));
	assert_false(timeline_resumed(tl));
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(stat(timeline_path(tl), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(timeline_last_seq(tl), 1);
	assert_int_equal(verified_records(dir, timeline_id(tl), &l), 1);
	assert_string_equal(l.v[0].kind, "incident.open");
	assert_string_equal(l.v[0].actor, "tester@box");
	assert_string_equal(cJSON_GetObjectItem(l.v[0].data, "name")->valuestring,
	    "API 5xx spike");
	torn = malloc(strlen(dir) + 64);
	snprintf(torn, strlen(dir) + 64, "%s/.%s.jsonl.new", dir, timeline_id(tl));
	assert_int_equal(access(torn, F_OK), -1);
	free(torn);
	record_list_free(&l);
	timeline_close(tl);
}

static void
resume_by_name_and_by_id_until_resolved(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *a = open_tl(dir, "db down"), *b, *c, *d;
	char id[128];

	snprintf(id, sizeof(id), "%s", timeline_id(a));
	assert_int_equal(timeline_note(a, "first", NULL), 0);
	timeline_close(a);
	b = open_tl(dir, "DB down!");
	assert_true(timeline_resumed(b));
	assert_string_equal(timeline_id(b), id);
	assert_int_equal(timeline_last_seq(b), 3);
	timeline_close(b);
	c = open_tl(dir, id);
	assert_string_equal(timeline_id(c), id);
	assert_int_equal(timeline_resolve(c, "fixed", NULL), 0);
	timeline_close(c);
	/* Resolved: the name starts a new incident; the id still resumes it. */
	d = open_tl(dir, "db down");
	assert_false(timeline_resumed(d));
	assert_string_not_equal(timeline_id(d), id);
	timeline_close(d);
}

static void
torn_tail_is_set_aside_and_appending_continues(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "torn");
	struct record_list l = { 0 };
	char path[1024], torn[1100], want[1300], *saved, *list = NULL;
	size_t listlen = 0;
	FILE *out;

	snprintf(path, sizeof(path), "%s", timeline_path(tl));
	assert_int_equal(timeline_note(tl, "one", NULL), 0);
	assert_int_equal(timeline_note(tl, "two", NULL), 0);
	timeline_close(tl);
	append_text(path, "{\"seq\":4,\"ts\":\"2024-05-01T1");
	/* Listed as open with a torn tail until a console sets it aside. */
	out = open_memstream(&list, &listlen);
	assert_int_equal(timeline_list(dir, out, NULL), 0);
	fclose(out);
	assert_non_null(strstr(list, "open           3 (torn tail)  torn\n"));
	free(list);
	tl = open_tl(dir, "torn");
	assert_false(timeline_read_only(tl));
	assert_false(timeline_degraded(tl));
	snprintf(torn, sizeof(torn), "%s.torn", path);
	/* Line 4 is the resume's now: the words name where the bytes went. */
	snprintf(want, sizeof(want), "last line set aside (a torn write: no newline at the "
	    "end): 27 bytes moved to %s", torn);
	assert_string_equal(timeline_notice(tl), want);
	saved = slurp(torn, NULL);
	assert_non_null(saved);
	assert_string_equal(saved, "{\"seq\":4,\"ts\":\"2024-05-01T1\n");
	free(saved);
	assert_int_equal(timeline_note(tl, "three", NULL), 0);
	assert_int_equal(verified_records(dir, timeline_id(tl), &l), 5);
	assert_string_equal(l.v[3].kind, "incident.resume");
	assert_string_equal(l.v[4].kind, "note");
	assert_string_equal(cJSON_GetObjectItem(l.v[3].data, "repaired")->valuestring, want);
	record_list_free(&l);
	timeline_close(tl);
}

/* The last record of an incident, which must be an incident.resume. */
static cJSON *
last_resume(const char *dir, const char *id)
{
	struct record_list l = { 0 };
	size_t n = verified_records(dir, id, &l);
	cJSON *d;

	assert_string_equal(l.v[n - 1].kind, "incident.resume");
	d = cJSON_Duplicate(l.v[n - 1].data, 1);
	record_list_free(&l);
	return d;
}

/* A console gone without its shutdown record (kill -9: closed without
 * one) is named by the next resume, with its last record's time and its
 * arming; one still running beside the resume is not judged. */
static void
a_console_gone_without_shutdown_is_named_on_resume(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *a = open_tl(dir, "killed"), *b, *c, *d, *e;
	cJSON *mode = cJSON_CreateObject(), *r;
	struct record_list l = { 0 };
	char id[128], ts[WR_TS_MAX];
	int64_t last;
	bool armed;

	snprintf(id, sizeof(id), "%s", timeline_id(a));
	cJSON_AddStringToObject(mode, "mode", "armed");
	assert_int_equal(timeline_append(a, "mode.change", NULL, NULL, mode, NULL), 0);
	verified_records(dir, id, &l);
	record_format_ts(l.v[1].ts_ms, ts);
	record_list_free(&l);
	timeline_close(a);                                      /* killed */
	b = open_tl(dir, id);
	r = last_resume(dir, id);
	assert_int_equal(cJSON_GetObjectItem(r, "ended_without_shutdown")->valuedouble, 1);
	assert_string_equal(cJSON_GetObjectItem(r, "last_record_ts")->valuestring, ts);
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(r, "was_armed")));
	assert_null(cJSON_GetObjectItem(r, "others_open"));
	/* Nobody watched from a's last record until this resume. */
	assert_string_equal(cJSON_GetObjectItem(r, "unwatched_from")->valuestring, ts);
	cJSON_Delete(r);
	assert_int_equal(timeline_unended(b, &last, &armed), 1);
	assert_true(armed);
	assert_int_equal(timeline_shutdown(b, "quit", NULL), 0);
	timeline_close(b);
	/* Shut down: nothing to say. */
	c = open_tl(dir, id);
	r = last_resume(dir, id);
	assert_null(cJSON_GetObjectItem(r, "ended_without_shutdown"));
	/* … but that nobody watched since b's shutdown is. */
	assert_non_null(cJSON_GetStringValue(cJSON_GetObjectItem(r, "unwatched_from")));
	cJSON_Delete(r);
	assert_int_equal(timeline_unended(c, NULL, NULL), 0);
	/* Beside c, still running: d judges nothing, and is killed. */
	d = open_tl(dir, id);
	r = last_resume(dir, id);
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(r, "others_open")));
	assert_null(cJSON_GetObjectItem(r, "ended_without_shutdown"));
	/* c watched meanwhile. */
	assert_null(cJSON_GetObjectItem(r, "unwatched_from"));
	cJSON_Delete(r);
	assert_int_equal(timeline_unended(d, NULL, NULL), 0);
	timeline_close(d);                                      /* killed */
	assert_int_equal(timeline_shutdown(c, "quit", NULL), 0);
	timeline_close(c);
	/* d's end is found once nobody runs, though c's shutdown came last. */
	e = open_tl(dir, id);
	r = last_resume(dir, id);
	assert_int_equal(cJSON_GetObjectItem(r, "ended_without_shutdown")->valuedouble, 1);
	assert_null(cJSON_GetObjectItem(r, "was_armed"));
	cJSON_Delete(r);
	timeline_close(e);
}

/* r's number member key, asserted there. */
static double
num(const cJSON *r, const char *key)
{
	const cJSON *v = cJSON_GetObjectItem(r, key);

	if (!cJSON_IsNumber(v))
		fail_msg("no number %s in the resume", key);
	return v->valuedouble;
}

/* Whether a console holds byte n of tl's .live, tested as a resume does
 * (an open file of our own: OFD locks tell one open from another). */
static bool
byte_held(const struct timeline *tl, off_t n)
{
	char path[1024];
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = n, .l_len = 1 };
	int fd;

	snprintf(path, sizeof(path), "%s.live", timeline_path(tl));
	fd = open(path, O_RDWR);
	assert_true(fd >= 0);
	assert_int_equal(fcntl(fd, F_OFD_GETLK, &fl), 0);
	close(fd);
	return fl.l_type != F_UNLCK;
}

/* An incident: a console stays open beside the one that acts (the
 * usual case), and the acting one, armed, is killed. Two timelines in one
 * process are two consoles: each holds its own byte of .live (an OFD
 * lock). The next resume, made while the other still runs, names the
 * killed session, with its own last record (not the later one of the
 * console still open) and its arming, and never the running one; once
 * named, no later resume names it again. A read-only watcher holds no
 * byte and does not count; it can tell the killed console is gone. */
static void
a_console_killed_beside_a_running_one_is_named_on_resume(void **state)
{
	const char *dir = fresh_dir();
	struct timeline_open_opts wo = { dir, NULL, NULL, "watcher@ro", NULL };
	struct timeline *w = open_as(dir, "beside", "will@desk"), *a, *n, *m, *ro;
	struct record_list l = { 0 };
	cJSON *mode = cJSON_CreateObject(), *r, *x;
	char id[128], ts[WR_TS_MAX];
	uint64_t a_session;
	size_t i, k;
	int64_t last, a_last;
	bool armed;

	snprintf(id, sizeof(id), "%s", timeline_id(w));
	wo.incident = id;
	assert_true(byte_held(w, 1));                   /* incident.open is seq 1 */
	a = open_as(dir, id, "ann@laptop");
	a_session = timeline_last_seq(a);               /* its incident.resume */
	assert_true(byte_held(a, (off_t)a_session));
	assert_int_equal(timeline_watch(&wo, &ro, NULL), 0);
	/* The watcher can tell a running console from a gone one. */
	assert_int_equal(timeline_session_alive(ro, a_session), 1);
	assert_int_equal(timeline_session_alive(ro, 0), -1);
	cJSON_AddStringToObject(mode, "mode", "armed");
	assert_int_equal(timeline_append(a, "mode.change", NULL, NULL, mode, NULL), 0);
	assert_int_equal(timeline_note(a, "rolling api back", NULL), 0);
	k = verified_records(dir, id, &l);
	a_last = l.v[k - 1].ts_ms;
	record_format_ts(a_last, ts);
	for (i = 0; i < k; i++)                         /* each record names its session */
		assert_int_equal(l.v[i].session, strcmp(l.v[i].actor, "ann@laptop") == 0 ?
		    a_session : 1);
	record_list_free(&l);
	timeline_close(a);                              /* kill -9 */
	assert_false(byte_held(w, (off_t)a_session));
	assert_int_equal(timeline_session_alive(ro, a_session), 0);
	assert_int_equal(timeline_session_alive(ro, 1), 1);
	assert_int_equal(timeline_session_alive(w, a_session), 0);
	usleep(20000);
	assert_int_equal(timeline_note(w, "later, from the console still open", NULL), 0);
	n = open_as(dir, id, "nat@desk");
	r = last_resume(dir, id);
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(r, "others_open")));
	assert_int_equal(num(r, "ended_without_shutdown"), 1);
	assert_string_equal(cJSON_GetObjectItem(r, "last_record_ts")->valuestring, ts);
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(r, "was_armed")));
	x = cJSON_GetObjectItem(r, "ended_sessions");
	assert_int_equal(cJSON_GetArraySize(x), 1);
	x = cJSON_GetArrayItem(x, 0);
	assert_int_equal(num(x, "session"), (double)a_session);
	assert_string_equal(cJSON_GetObjectItem(x, "actor")->valuestring, "ann@laptop");
	cJSON_Delete(r);
	assert_int_equal(timeline_unended(n, &last, &armed), 1);
	assert_true(armed);
	assert_int_equal(last, a_last);
	/* Both still open shut down; the next resume, alone, has nothing to
	 * say: ann's end was said once. */
	assert_int_equal(timeline_shutdown(n, "quit", NULL), 0);
	assert_int_equal(timeline_shutdown(w, "quit", NULL), 0);
	timeline_close(n);
	timeline_close(w);
	m = open_tl(dir, id);
	r = last_resume(dir, id);
	assert_null(cJSON_GetObjectItem(r, "ended_without_shutdown"));
	assert_null(cJSON_GetObjectItem(r, "others_open"));
	cJSON_Delete(r);
	assert_int_equal(timeline_unended(m, NULL, NULL), 0);
	/* m, killed with only the read-only watcher open: named, alone. */
	timeline_close(m);
	m = open_tl(dir, id);
	r = last_resume(dir, id);
	assert_int_equal(num(r, "ended_without_shutdown"), 1);
	assert_null(cJSON_GetObjectItem(r, "others_open"));
	cJSON_Delete(r);
	timeline_close(m);
	timeline_close(ro);
}

/* Flip one byte of line n (1-based) of the file at path. */
static void
flip_in_line(const char *path, int n, size_t at)
{
	size_t len, off = 0;
	char *all = slurp(path, &len), c;
	int fd, i;

	for (i = 1; i < n; i++)
		off = (size_t)(strchr(all + off, '\n') - all) + 1;
	c = (char)(all[off + at] ^ 0x01);
	fd = open(path, O_WRONLY);
	assert_int_equal(pwrite(fd, &c, 1, (off_t)(off + at)), 1);
	close(fd);
	free(all);
}

/* One changed byte in a note in the middle: the line is skipped and
 * named (file, line, byte offset, why), every record after it counts
 * (an action whose end came after it is settled; one whose end was the
 * damaged line stays UNKNOWN), and the console goes on writing after
 * the file's end: nothing before is overwritten or cut. */
static void
a_damaged_middle_line_is_skipped_named_and_the_journal_goes_on(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "bad middle");
	struct record_list l = { 0 };
	struct record_scan s;
	const char *const *ops;
	char path[1024], *before, *after, want[1200], id[128];
	size_t n1, n2, off;
	FILE *fp;

	snprintf(path, sizeof(path), "%s", timeline_path(tl));
	assert_int_equal(timeline_action_intent(tl, "op-a", "h1", "compose.rollback", NULL,
	    NULL, NULL, NULL), 0);
	assert_int_equal(timeline_action_intent(tl, "op-b", "h1", "compose.rollback", NULL,
	    NULL, NULL, NULL), 0);
	assert_int_equal(timeline_action_end(tl, "op-a", "h1", "ok", NULL, NULL), 0);  /* line 4 */
	assert_int_equal(timeline_note(tl, "saw 5xx", NULL), 0);
	assert_int_equal(timeline_action_end(tl, "op-b", "h1", "ok", NULL, NULL), 0);
	assert_int_equal(timeline_shutdown(tl, "quit", NULL), 0);
	timeline_close(tl);
	flip_in_line(path, 4, 40);
	before = slurp(path, &n1);
	off = 0;
	for (int i = 1; i < 4; i++)
		off = (size_t)(strchr(before + off, '\n') - before) + 1;

	tl = open_tl(dir, "bad middle");
	assert_false(timeline_read_only(tl));
	assert_false(timeline_degraded(tl));
	assert_string_equal(timeline_problem(tl), "");
	snprintf(want, sizeof(want), "%s: line 4 (byte %zu) damaged (checksum): skipped (seq 4 "
	    "missing); the 3 records after it kept", path, off);
	assert_string_equal(timeline_damage(tl), want);
	assert_int_equal(timeline_unknown_ops(tl, &ops), 1);
	assert_string_equal(ops[0], "op-a");
	assert_int_equal(timeline_damaged_after(tl, 2), 4);  /* op-a's intent: seq 2 */
	assert_int_equal(timeline_damaged_after(tl, 5), 0);
	assert_int_equal(timeline_last_seq(tl), 8);          /* its resume, after seq 7 */
	assert_int_equal(timeline_note(tl, "after the damage", NULL), 0);
	snprintf(id, sizeof(id), "%s", timeline_id(tl));
	timeline_close(tl);

	after = slurp(path, &n2);
	assert_true(n2 > n1);
	assert_memory_equal(before, after, n1);              /* appended, never rewritten */
	assert_int_equal(timeline_read(dir, id, &l, &s, NULL), 0);
	assert_false(s.torn);
	assert_int_equal(s.ndamage, 1);
	assert_int_equal(l.n, 8);
	assert_int_equal(l.v[7].seq, 9);
	assert_int_equal(l.v[7].prev, l.v[6].crc);           /* chained to the last kept */
	assert_string_equal(l.v[6].kind, "incident.resume");
	record_list_free(&l);
	record_scan_free(&s);
	/* The listing counts every record kept and names the line; the
	 * export warns of it and holds every record after it. */
	free(before);
	before = NULL;
	fp = open_memstream(&before, &n1);
	assert_int_equal(timeline_list(dir, fp, NULL), 0);
	fclose(fp);
	assert_non_null(strstr(before, " open "));
	assert_non_null(strstr(before, "      8 (damaged: line 4)  bad middle\n"));
	free(before);
	before = NULL;
	fp = open_memstream(&before, &n1);
	assert_int_equal(timeline_export(dir, id, EXPORT_MD, NULL, 0, fp, NULL), 0);
	fclose(fp);
	assert_non_null(strstr(before, "> - line 4 (byte "));
	assert_non_null(strstr(before, "| 9 | "));
	assert_null(strstr(before, "only the"));
	free(before);
	free(after);
}

/* Damage in the middle and a torn last line: a resume sets only the
 * torn line aside; the damaged line stays where it is. */
static void
a_resume_sets_aside_only_the_torn_tail_after_middle_damage(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "bad middle and tail");
	char path[1024], torn[1100], *before, *after, *kept;
	size_t n1, n2, nt;

	snprintf(path, sizeof(path), "%s", timeline_path(tl));
	assert_int_equal(timeline_note(tl, "one", NULL), 0);
	assert_int_equal(timeline_note(tl, "two", NULL), 0);
	timeline_close(tl);
	flip_in_line(path, 2, 30);
	append_text(path, "{\"seq\":4,\"ts\":\"2026-11-27T12:2");
	before = slurp(path, &n1);
	kept = strrchr(before, '\n') + 1;                  /* the torn bytes */
	tl = open_tl(dir, "bad middle and tail");
	assert_false(timeline_read_only(tl));
	assert_non_null(strstr(timeline_damage(tl), "line 2 ("));
	assert_non_null(strstr(timeline_notice(tl), "moved"));
	assert_int_equal(timeline_last_seq(tl), 4);          /* the resume after seq 3 */
	timeline_close(tl);
	after = slurp(path, &n2);
	assert_memory_equal(before, after, (size_t)(kept - before));
	snprintf(torn, sizeof(torn), "%s.torn", path);
	free(before);
	before = slurp(torn, &nt);
	assert_non_null(before);
	assert_non_null(strstr(before, "2026-11-27T12:2"));
	free(before);
	free(after);
}

/* The incident.resume record a console's open wrote. */
static cJSON *
resume_data(const char *dir, const char *id)
{
	struct record_list l = { 0 };
	cJSON *d;

	verified_records(dir, id, &l);
	assert_string_equal(l.v[l.n - 1].kind, "incident.resume");
	d = cJSON_Duplicate(l.v[l.n - 1].data, 1);
	record_list_free(&l);
	return d;
}

/* B's chain cut off by a crash is named by the next resume; once its
 * host's rollback was reconciled OK, a later resume does not name it
 * again (and would have said OK, not UNKNOWN). */
static void
an_interrupted_chain_is_named_by_one_resume(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "chain");
	const char *const *chains;
	char id[128];
	cJSON *d;

	snprintf(id, sizeof(id), "%s", timeline_id(tl));
	assert_int_equal(timeline_append(tl, "chain.start", NULL, NULL, cJSON_Parse(
	    "{\"summary\":\"started\",\"chain\":\"rb-1\",\"fleet\":{\"service\":\"api\","
	    "\"from\":\"v1.5.0-bad\",\"to\":\"v1.4.1\"},\"hosts\":[\"k8s-bastion\","
	    "\"k8s-bastion-b\"],\"left_out\":[]}"), NULL), 0);
	assert_int_equal(timeline_action_intent(tl, "rb-1", "k8s-bastion", "k8s.undo", NULL,
	    NULL, "rb-1", NULL), 0);
	timeline_close(tl);                                 /* killed: no shutdown */

	tl = open_tl(dir, id);
	assert_int_equal(timeline_chains_interrupted(tl, &chains), 1);
	assert_string_equal(chains[0], "fleet rollback of api to v1.4.1 interrupted: k8s-bastion "
	    "UNKNOWN \xc2\xb7 k8s-bastion-b not started");
	d = resume_data(dir, id);
	assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(d, "interrupted_chain_ids"),
	    0)->valuestring, "rb-1");
	cJSON_Delete(d);
	assert_int_equal(timeline_append(tl, "action.reconcile", "k8s-bastion", "rb-1",
	    cJSON_Parse("{\"action\":\"k8s.undo\",\"outcome\":\"ok\"}"), NULL), 0);
	assert_int_equal(timeline_shutdown(tl, "quit", NULL), 0);
	timeline_close(tl);

	for (int i = 0; i < 2; i++) {
		tl = open_tl(dir, id);
		assert_int_equal(timeline_chains_interrupted(tl, &chains), 0);
		d = resume_data(dir, id);
		assert_null(cJSON_GetObjectItem(d, "interrupted_chains"));
		cJSON_Delete(d);
		assert_int_equal(timeline_shutdown(tl, "quit", NULL), 0);
		timeline_close(tl);
	}
}

static void
an_intent_without_end_is_reported_on_open(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "intents");
	const char *const *ops;

	assert_int_equal(timeline_action_intent(tl, "op-1", "api-1", "rollback",
	    cJSON_Parse("{\"to\":\"v1\"}"), NULL, NULL, NULL), 0);
	assert_int_equal(timeline_action_intent(tl, "op-2", "api-2", "rollback", NULL,
	    "h2", NULL, NULL), 0);
	assert_int_equal(timeline_action_end(tl, "op-1", "api-1", "ok", "at v1", NULL), 0);
	assert_int_equal(timeline_unknown_ops(tl, &ops), 0);
	timeline_close(tl);     /* "crash" with op-2 in flight */
	tl = open_tl(dir, "intents");
	assert_int_equal(timeline_unknown_ops(tl, &ops), 1);
	assert_string_equal(ops[0], "op-2");
	assert_int_equal(timeline_append(tl, "action.reconcile", "api-2", "op-2",
	    cJSON_Parse("{\"outcome\":\"ok\"}"), NULL), 0);
	assert_int_equal(timeline_unknown_ops(tl, &ops), 0);
	timeline_close(tl);
}

/* A k8s undo whose rollout status gave up: its end carries what the
 * read-back found as data ("rollout"), after the outcome and the words. */
static void
an_end_carries_what_it_found_as_data(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "endwith");
	struct record_list l = { 0 };
	const cJSON *ro;

	(void)state;
	assert_int_equal(timeline_action_intent(tl, "op-1", "h2", "k8s.undo", NULL, NULL, NULL,
	    NULL), 0);
	assert_int_equal(timeline_action_end_with(tl, "op-1", "h2", "failed", "rollout status "
	    "exited 1", cJSON_Parse("{\"rollout\":{\"revision\":7,\"tag\":\"v1.4.1\"}}"), NULL),
	    0);
	assert_int_equal(timeline_records(tl, &l, NULL), 0);
	assert_string_equal(l.v[l.n - 1].kind, "action.end");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(l.v[l.n - 1].data,
	    "outcome")), "failed");
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(l.v[l.n - 1].data,
	    "detail")), "rollout status exited 1");
	ro = cJSON_GetObjectItem(l.v[l.n - 1].data, "rollout");
	assert_int_equal(cJSON_GetObjectItem(ro, "revision")->valueint, 7);
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(ro, "tag")), "v1.4.1");
	record_list_free(&l);
	timeline_close(tl);
}

/* SIGTERM mid-action: the console records action.end unknown, then its
 * shutdown. The next open still has the op UNKNOWN, says so in the
 * resume, and only a reconcile settles it. */
static void
an_unknown_end_is_still_unknown_on_open(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "sigterm");
	struct record_list l = { 0 };
	const char *const *ops;
	const cJSON *u;
	size_t n;

	assert_int_equal(timeline_action_intent(tl, "op-1", "api-1", "compose.rollback", NULL,
	    "h1", NULL, NULL), 0);
	assert_int_equal(timeline_action_end(tl, "op-1", "api-1", "unknown",
	    "connection lost during up -d: shutting down", NULL), 0);
	assert_int_equal(timeline_shutdown(tl, "terminated", NULL), 0);
	timeline_close(tl);
	tl = open_tl(dir, "sigterm");
	assert_int_equal(timeline_unknown_ops(tl, &ops), 1);
	assert_string_equal(ops[0], "op-1");
	n = verified_records(dir, timeline_id(tl), &l);
	assert_string_equal(l.v[n - 1].kind, "incident.resume");
	u = cJSON_GetObjectItemCaseSensitive(l.v[n - 1].data, "unknown_ops");
	assert_int_equal(cJSON_GetArraySize(u), 1);
	assert_string_equal(cJSON_GetArrayItem(u, 0)->valuestring, "op-1");
	/* Named as a reader says it, for TIMELINE: never by the op id. */
	u = cJSON_GetObjectItemCaseSensitive(l.v[n - 1].data, "unknown_names");
	assert_int_equal(cJSON_GetArraySize(u), 1);
	assert_true(strncmp(cJSON_GetArrayItem(u, 0)->valuestring, "the rollback on api-1 at ",
	    25) == 0);
	record_list_free(&l);
	/* Another unknown end (a second console's) settles nothing either. */
	assert_int_equal(timeline_action_end(tl, "op-1", "api-1", "unknown", "again", NULL), 0);
	assert_int_equal(timeline_unknown_ops(tl, &ops), 1);
	assert_int_equal(timeline_append(tl, "action.reconcile", "api-1", "op-1",
	    cJSON_Parse("{\"outcome\":\"ok\"}"), NULL), 0);
	assert_int_equal(timeline_unknown_ops(tl, &ops), 0);
	timeline_close(tl);
	tl = open_tl(dir, "sigterm");
	assert_int_equal(timeline_unknown_ops(tl, &ops), 0);
	timeline_close(tl);
}

/* A console resuming beside one that is mid-action: that action is the
 * other's to finish, not UNKNOWN here, nor in the resume record; its
 * unknown end would make it so; with the other gone, a resume finds it. */
static void
an_action_running_beside_us_is_not_unknown(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *a = open_tl(dir, "beside"), *b, *c;
	const char *const *ops;
	char id[128];
	cJSON *r;

	snprintf(id, sizeof(id), "%s", timeline_id(a));
	assert_int_equal(timeline_action_intent(a, "op-1", "api-1", "compose.rollback", NULL,
	    "h1", NULL, NULL), 0);
	assert_int_equal(timeline_action_intent(a, "op-2", "api-2", "compose.rollback", NULL,
	    "h2", NULL, NULL), 0);
	assert_int_equal(timeline_action_end(a, "op-2", "api-2", "unknown", "connection lost",
	    NULL), 0);
	b = open_tl(dir, id);
	assert_int_equal(timeline_unknown_ops(b, &ops), 1);
	assert_string_equal(ops[0], "op-2");
	r = last_resume(dir, id);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(r, "unknown_ops")), 1);
	assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(r, "unknown_ops"), 0)->valuestring,
	    "op-2");
	cJSON_Delete(r);
	timeline_close(b);
	timeline_close(a);                                      /* killed mid-action */
	c = open_tl(dir, id);
	assert_int_equal(timeline_unknown_ops(c, &ops), 2);
	timeline_close(c);
}

/* What a re-read found without settling anything (an action.reconcile
 * saying unknown) leaves the action UNKNOWN for the next console; one
 * that says what happened settles it. */
static void
an_inconclusive_reread_settles_nothing(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *a = open_tl(dir, "reread"), *b, *c;
	const char *const *ops;
	char id[128];

	(void)state;
	snprintf(id, sizeof(id), "%s", timeline_id(a));
	assert_int_equal(timeline_action_intent(a, "op-1", "k8s-1", "k8s.undo", NULL, "h1",
	    NULL, NULL), 0);
	timeline_close(a);                                      /* killed mid-action */
	b = open_tl(dir, id);
	assert_int_equal(timeline_unknown_ops(b, &ops), 1);
	assert_int_equal(timeline_append(b, "action.reconcile", "k8s-1", "op-1",
	    cJSON_Parse("{\"outcome\":\"unknown\",\"detail\":\"rollout progressing\"}"),
	    NULL), 0);
	assert_int_equal(timeline_unknown_ops(b, &ops), 1);
	timeline_close(b);
	c = open_tl(dir, id);
	assert_int_equal(timeline_unknown_ops(c, &ops), 1);
	assert_string_equal(ops[0], "op-1");
	assert_int_equal(timeline_append(c, "action.reconcile", "k8s-1", "op-1",
	    cJSON_Parse("{\"by\":\"hand\",\"outcome\":\"failed\",\"detail\":\"stuck\"}"),
	    NULL), 0);
	assert_int_equal(timeline_unknown_ops(c, &ops), 0);
	timeline_close(c);
}

/* warroom export beside a console mid-action: its action is still
 * running there (its .live byte is held), not UNKNOWN; the console's own
 * export says "this console"; once that console is gone, UNKNOWN. */
static void
an_export_beside_a_running_action_says_it_runs(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *a = open_tl(dir, "export-live");
	char id[128], *buf = NULL;
	size_t len;
	FILE *out;

	(void)state;
	snprintf(id, sizeof(id), "%s", timeline_id(a));
	assert_int_equal(timeline_action_intent(a, "op-1", "k8s-1", "k8s.undo", NULL, "h1",
	    NULL, NULL), 0);
	out = open_memstream(&buf, &len);
	assert_int_equal(timeline_export(dir, id, EXPORT_MD, NULL, 0, out, NULL), 0);
	fclose(out);
	assert_non_null(strstr(buf, "- Outcome: still running in another console (no end "
	    "recorded yet)\n"));
	assert_null(strstr(buf, "no action.end recorded"));
	free(buf);
	buf = NULL;
	out = open_memstream(&buf, &len);
	assert_int_equal(timeline_export(dir, id, EXPORT_MD, NULL, timeline_session(a), out,
	    NULL), 0);
	fclose(out);
	assert_non_null(strstr(buf, "- Outcome: still running in this console"));
	free(buf);
	buf = NULL;
	timeline_close(a);                                      /* killed mid-action */
	out = open_memstream(&buf, &len);
	assert_int_equal(timeline_export(dir, id, EXPORT_MD, NULL, 0, out, NULL), 0);
	fclose(out);
	assert_non_null(strstr(buf, "- Outcome: **UNKNOWN** — no action.end recorded"));
	assert_null(strstr(buf, "still running"));
	free(buf);
}

static void
failed_write_degrades_until_recovered(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "full disk");
	struct record_list l = { 0 };
	struct record_scan s;
	struct rlimit old, lim;
	struct wr_err err;
	struct stat st;
	char torn[1100];
	const cJSON *present;

	assert_int_equal(timeline_note(tl, "one", NULL), 0);
	assert_int_equal(timeline_note(tl, "two", NULL), 0);
	assert_int_equal(stat(timeline_path(tl), &st), 0);
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	lim = old;
	lim.rlim_cur = (rlim_t)st.st_size + 40;         /* the next record is cut */
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	assert_int_equal(timeline_note(tl, "this record does not fit", &err), -1);
	assert_true(timeline_degraded(tl));
	assert_non_null(strstr(err.msg, "degraded"));
	/* Refused while degraded, even though a small record might fit. */
	assert_int_equal(timeline_note(tl, "x", &err), -1);
	assert_non_null(strstr(err.msg, "degraded"));
	/* Nor does a retry make it healthy while the disk still fails. */
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);

	/* What was stored before is intact; the torn record is only a tail. */
	assert_int_equal(timeline_read(dir, timeline_id(tl), NULL, &s, NULL), 0);
	assert_true(s.torn);
	assert_int_equal(s.ndamage, 0);
	assert_int_equal(s.nrecords, 3);
	record_scan_free(&s);

	assert_int_equal(timeline_recover(tl, &err), 0);
	assert_false(timeline_degraded(tl));
	snprintf(torn, sizeof(torn), "%s.torn", timeline_path(tl));
	assert_int_equal(access(torn, F_OK), 0);
	assert_int_equal(timeline_note(tl, "after recovery", NULL), 0);
	assert_int_equal(verified_records(dir, timeline_id(tl), &l), 5);
	assert_string_equal(l.v[3].kind, "journal.recover");
	present = cJSON_GetObjectItem(l.v[3].data, "unconfirmed_present");
	assert_true(cJSON_IsFalse(present));
	assert_int_equal(cJSON_GetObjectItem(l.v[3].data, "unconfirmed_seq")->valuedouble, 4);
	record_list_free(&l);
	timeline_close(tl);
}

/* A console that resumes on a full disk keeps its incident.resume and
 * the refusal after it, and writes them first, marked late, once the
 * journal recovers: the console before it is still named, and the
 * resume's seq is the session every record of ours carries. */
static void
a_resume_on_a_full_disk_is_written_late_once_it_recovers(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "full at start");
	struct record_list l = { 0 };
	struct rlimit old, lim;
	struct wr_err err;
	struct stat st;
	char id[WR_INCIDENT_ID_MAX + 16], path[1024];
	uint64_t session;
	size_t n;

	(void)state;
	snprintf(id, sizeof(id), "%s", timeline_id(tl));
	snprintf(path, sizeof(path), "%s", timeline_path(tl));
	assert_int_equal(timeline_append(tl, "action.confirmed", "api-1", "rb-1", cJSON_Parse(
	    "{\"action\":\"compose.rollback\",\"service\":\"api\",\"from\":\"v2-bad\","
	    "\"to\":\"v1\"}"), NULL), 0);
	timeline_close(tl);             /* no shutdown record: as if killed */
	assert_int_equal(stat(path, &st), 0);
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	lim = old;
	lim.rlim_cur = (rlim_t)st.st_size;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	tl = open_tl(dir, id);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	assert_true(timeline_degraded(tl));
	assert_int_equal(timeline_kept(tl), 2);
	assert_int_equal(timeline_append_keep(tl, "note", NULL, NULL, cJSON_Parse(
	    "{\"text\":\"meanwhile\"}"), &err), 1);
	assert_int_equal(timeline_recover(tl, &err), 0);
	n = verified_records(dir, id, &l);
	assert_int_equal(n, 6);
	assert_string_equal(l.v[2].kind, "incident.resume");
	assert_non_null(cJSON_GetObjectItem(l.v[2].data, "late"));
	assert_non_null(cJSON_GetObjectItem(l.v[2].data, "ended_sessions"));
	assert_non_null(cJSON_GetObjectItem(l.v[2].data, "confirmed_not_run"));
	session = timeline_session(tl);
	assert_int_equal(session, l.v[2].seq);
	assert_int_equal(l.v[2].session, l.v[2].seq);
	assert_string_equal(l.v[3].kind, "journal.recover");
	assert_string_equal(l.v[4].kind, "action.refused");
	assert_string_equal(l.v[4].op, "rb-1");
	assert_string_equal(l.v[5].kind, "note");
	for (size_t i = 3; i < n; i++)
		assert_int_equal(l.v[i].session, session);
	record_list_free(&l);
	timeline_close(tl);
}

static void
a_refused_write_with_nothing_written_also_degrades(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "efbig");
	struct rlimit old, lim;
	struct wr_err err;
	struct stat st;

	assert_int_equal(stat(timeline_path(tl), &st), 0);
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	lim = old;
	lim.rlim_cur = (rlim_t)st.st_size;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	assert_int_equal(timeline_note(tl, "no room", &err), -1);
	assert_non_null(strstr(err.msg, "File too large (the file size limit, ulimit -f, is "
	    "reached)"));
	/* Recovery while the disk still refuses: still degraded. */
	assert_int_equal(timeline_recover(tl, NULL), -1);
	assert_true(timeline_degraded(tl));
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	assert_int_equal(timeline_recover(tl, NULL), 0);
	assert_int_equal(timeline_note(tl, "room again", NULL), 0);
	assert_int_equal(timeline_last_seq(tl), 3);     /* open, journal.recover, note */
	timeline_close(tl);
}

/* rm of the journal under a running console: the next append is refused,
 * degraded with the cause and the way back; once a copy of all it stored
 * is at the path again, recovery succeeds and appends go on there. */
static void
a_removed_journal_degrades_until_put_back(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "rm journal");
	char src[128], dst[512], *p, *text;
	struct record_list l = { 0 };
	struct wr_err err;
	size_t len;
	FILE *f;

	assert_int_equal(timeline_note(tl, "one", NULL), 0);
	assert_int_equal(unlink(timeline_path(tl)), 0);
	assert_int_equal(timeline_note(tl, "into the void", &err), -1);
	assert_true(timeline_degraded(tl));
	assert_true(timeline_gone(tl));
	assert_non_null(strstr(err.msg, "the journal file was removed or moved: "));
	assert_non_null(strstr(timeline_problem(tl), " was deleted while this console wrote it"));
	assert_int_equal(timeline_recover(tl, &err), -1);
	/* The way back the problem names: cp /proc/PID/fd/N PATH. */
	p = strstr(timeline_problem(tl), "cp /proc/");
	assert_non_null(p);
	assert_int_equal(sscanf(p, "cp %127s %511[^)]", src, dst), 2);
	assert_string_equal(dst, timeline_path(tl));
	text = slurp(src, &len);
	assert_non_null(text);
	assert_non_null(f = fopen(dst, "wb"));
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
	free(text);
	assert_int_equal(timeline_recover(tl, &err), 0);
	assert_false(timeline_gone(tl));
	assert_int_equal(timeline_note(tl, "two", NULL), 0);
	assert_int_equal(verified_records(dir, timeline_id(tl), &l), 4);
	assert_string_equal(l.v[2].kind, "journal.recover");
	assert_non_null(strstr(cJSON_GetObjectItem(l.v[2].data, "problem")->valuestring,
	    "removed or moved"));
	record_list_free(&l);
	timeline_close(tl);
}

/* mv of the timeline directory: found by timeline_follow (no append
 * needed), said with where the journal is now; recovered once moved back. */
static void
a_moved_directory_is_found_between_appends(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "mv dir");
	char moved[600], want[700];
	struct wr_err err;

	assert_int_equal(timeline_follow(tl, &err), 0);
	snprintf(moved, sizeof(moved), "%s.moved", dir);
	assert_int_equal(rename(dir, moved), 0);
	assert_int_equal(timeline_follow(tl, &err), -1);
	assert_true(timeline_degraded(tl));
	assert_true(timeline_gone(tl));
	snprintf(want, sizeof(want), "the journal file was removed or moved: it is now %s/%s.jsonl, "
	    "and %s names no file", moved, timeline_id(tl), timeline_path(tl));
	if (strstr(timeline_problem(tl), want) == NULL)
		fail_msg("%s\nwanted %s", timeline_problem(tl), want);
	assert_int_equal(timeline_note(tl, "refused", NULL), -1);
	assert_int_equal(timeline_recover(tl, &err), -1);
	assert_int_equal(rename(moved, dir), 0);
	assert_int_equal(timeline_recover(tl, &err), 0);
	assert_false(timeline_degraded(tl));
	assert_int_equal(timeline_note(tl, "back", NULL), 0);
	timeline_close(tl);
}

/* A second console on the name of an incident whose journal was removed
 * under its running console: refused, naming that console's pid and the
 * cp back (by name and by id), instead of a new incident beside it; once
 * that console is gone, its left-over .live no longer stands in the way. */
static void
a_name_whose_journal_is_gone_under_its_console_is_refused(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "gone name"), *other = NULL;
	struct timeline_open_opts o = { dir, "gone name", NULL, "tester@box", NULL };
	char want[700], src[128], dst[600], *text;
	struct wr_err err;
	size_t len;
	FILE *f;

	assert_int_equal(unlink(timeline_path(tl)), 0);
	assert_int_equal(timeline_open(&o, &other, &err), -1);
	assert_null(other);
	snprintf(want, sizeof(want), "incident %s's journal %s is missing, yet console pid %ld "
	    "still runs on it", timeline_id(tl), timeline_path(tl), (long)getpid());
	if (strstr(err.msg, want) == NULL)
		fail_msg("%s\nwanted %s", err.msg, want);
	assert_int_equal(sscanf(strstr(err.msg, "cp /proc/"), "cp %127s %599[^,]", src, dst), 2);
	assert_string_equal(dst, timeline_path(tl));
	o.incident = timeline_id(tl);
	assert_int_equal(timeline_open(&o, &other, &err), -1);
	assert_non_null(strstr(err.msg, want));
	/* The way back it names brings the incident back. */
	text = slurp(src, &len);
	assert_non_null(text);
	assert_non_null(f = fopen(dst, "wb"));
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
	free(text);
	assert_int_equal(timeline_recover(tl, &err), 0);
	/* Gone again, and its console with it: a new incident opens. */
	assert_int_equal(unlink(timeline_path(tl)), 0);
	timeline_close(tl);
	o.incident = "gone name";
	if (timeline_open(&o, &other, &err) != 0)
		fail_msg("timeline_open: %s", err.msg);
	timeline_close(other);
}

#define PER_WRITER 2000

static void
two_processes_append_one_chain(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "shared");
	struct record_list l = { 0 };
	char id[128];
	size_t seen[2] = { 0, 0 }, i;
	int w, status;
	pid_t pid[2];

	snprintf(id, sizeof(id), "%s", timeline_id(tl));
	timeline_close(tl);
	for (w = 0; w < 2; w++) {
		if ((pid[w] = fork()) == 0) {
			struct timeline *mine = open_tl(dir, id);
			char text[32];

			for (i = 0; i < PER_WRITER; i++) {
				snprintf(text, sizeof(text), "w%d %zu", w, i);
				if (timeline_note(mine, text, NULL) != 0)
					_exit(1);
			}
			timeline_close(mine);
			_exit(0);
		}
		assert_true(pid[w] > 0);
	}
	for (w = 0; w < 2; w++) {
		assert_int_equal(waitpid(pid[w], &status, 0), pid[w]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	assert_int_equal(verified_records(dir, id, &l), 1 + 2 + 2 * PER_WRITER);
	for (i = 0; i < l.n; i++) {
		const cJSON *t = cJSON_GetObjectItem(l.v[i].data, "text");
		char want[32];

		if (!cJSON_IsString(t))
			continue;
		w = t->valuestring[1] - '0';
		snprintf(want, sizeof(want), "w%d %zu", w, seen[w]);
		assert_string_equal(t->valuestring, want);     /* each writer's in order */
		seen[w]++;
	}
	assert_int_equal(seen[0], PER_WRITER);
	assert_int_equal(seen[1], PER_WRITER);
	record_list_free(&l);
}

static void
observe(const struct record *r, void *arg)
{
	*(uint64_t *)arg = r->seq;
}

static void
the_observer_sees_each_stored_record(void **state)
{
	struct timeline *tl = open_tl(fresh_dir(), "observed");
	uint64_t last = 0;

	timeline_set_observer(tl, observe, &last);
	assert_int_equal(timeline_note(tl, "n", NULL), 0);
	assert_int_equal(last, 2);
	timeline_close(tl);
}

static struct timeline *
watch_tl(const char *dir, const char *incident)
{
	struct timeline_open_opts o = { dir, incident, NULL, "watcher@box", NULL };
	struct timeline *tl;
	struct wr_err err;

	if (timeline_watch(&o, &tl, &err) != 0)
		fail_msg("timeline_watch: %s", err.msg);
	return tl;
}

/* What an observer was handed, in order. */
struct seen {
	size_t n;
	uint64_t seq[16];
	char kind[16][32];
};

static void
collect(const struct record *r, void *arg)
{
	struct seen *s = arg;

	if (s->n < 16) {
		s->seq[s->n] = r->seq;
		snprintf(s->kind[s->n], sizeof(s->kind[0]), "%s", r->kind);
	}
	s->n++;
}

static void
watching_writes_nothing_and_creates_nothing(void **state)
{
	const char *dir = fresh_dir();
	struct timeline_open_opts o = { dir, "not yet", NULL, "watcher@box", NULL };
	struct timeline *tl, *w;
	struct wr_err err;
	char path[1024], torn[1100], *before, *after;
	size_t n1, n2;
	struct stat st;

	/* No journal yet: said, and nothing made, not even the directory. */
	assert_int_equal(timeline_watch(&o, &w, &err), 1);
	assert_null(w);
	assert_non_null(strstr(err.msg, "no journal for incident not yet yet"));
	assert_int_equal(stat(dir, &st), -1);
	tl = open_tl(dir, "not yet");
	snprintf(path, sizeof(path), "%s", timeline_path(tl));
	assert_int_equal(timeline_note(tl, "one", NULL), 0);
	timeline_close(tl);
	/* A torn last line is the writer's to set aside, not ours. */
	append_text(path, "{\"seq\":3,\"ts\":\"2024-05-01T1");
	before = slurp(path, &n1);
	w = watch_tl(dir, "not yet");
	assert_true(timeline_watching(w));
	assert_true(timeline_resumed(w));
	assert_false(timeline_read_only(w));
	assert_int_equal(timeline_last_seq(w), 2);
	assert_non_null(strstr(timeline_notice(w), "line 3"));
	assert_int_equal(timeline_note(w, "from the watcher", &err), -1);
	assert_non_null(strstr(err.msg, "read-only mode"));
	assert_int_equal(timeline_step(w, "rb.md:3", "step", true, &err), -1);
	assert_int_equal(timeline_shutdown(w, "quit", &err), -1);
	assert_int_equal(timeline_recover(w, &err), -1);
	timeline_close(w);
	after = slurp(path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	snprintf(torn, sizeof(torn), "%s.torn", path);
	assert_int_equal(access(torn, F_OK), -1);
	free(before);
	free(after);
}

/* A name whose only journal is resolved has nothing open to watch: the
 * watcher waits for the next one, and says which resolved id it can open. */
static void
watching_a_resolved_name_names_its_id(void **state)
{
	const char *dir = fresh_dir();
	struct timeline_open_opts o = { dir, "qa", NULL, "watcher@box", NULL };
	struct timeline *tl = open_tl(dir, "qa"), *w;
	struct wr_err err;
	char id[128], want[400];

	(void)state;
	snprintf(id, sizeof(id), "%s", timeline_id(tl));
	assert_int_equal(timeline_resolve(tl, "done", NULL), 0);
	timeline_close(tl);
	assert_int_equal(timeline_watch(&o, &w, &err), 1);
	assert_null(w);
	snprintf(want, sizeof(want), "incident qa is resolved (%s; --incident %s watches it), "
	    "no new one open yet", id, id);
	assert_string_equal(err.msg, want);
	w = watch_tl(dir, id);
	assert_string_equal(timeline_id(w), id);
	timeline_close(w);
}

/* chmod every directory from root down to dir (and chown when root). */
static void
path_mode(const char *dir, mode_t mode, uid_t uid)
{
	char p[1024];
	size_t i, n = strlen(root);

	snprintf(p, sizeof(p), "%s", dir);
	for (i = n; ; i++) {
		if (p[i] == '/' || p[i] == '\0') {
			char c = p[i];

			p[i] = '\0';
			assert_int_equal(chmod(p, p[n] == '\0' || c != '\0' ? 0711 : mode), 0);
			if (uid != 0 && c == '\0')
				assert_int_equal(chown(p, uid, (gid_t)-1), 0);
			p[i] = c;
			if (c == '\0')
				break;
		}
	}
}

/* A watcher needs to read, never to write: on a directory and journal it
 * cannot write (as nobody when run as root), it opens and follows; a
 * console that acts cannot open there. */
static void
a_watcher_works_where_it_cannot_write(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "ro dir");
	uid_t as = geteuid() == 0 ? 65534 : 0;
	char path[1024];
	int status;
	pid_t pid;

	snprintf(path, sizeof(path), "%s", timeline_path(tl));
	assert_int_equal(timeline_note(tl, "one", NULL), 0);
	timeline_close(tl);
	if (as != 0)
		assert_int_equal(chown(path, as, (gid_t)-1), 0);
	assert_int_equal(chmod(path, 0400), 0);
	path_mode(dir, 0500, as);
	if ((pid = fork()) == 0) {
		struct timeline_open_opts o = { dir, "ro dir", NULL, "watcher@box", NULL };
		struct timeline *w;
		struct wr_err err;

		if (as != 0 && (setgid(as) != 0 || setuid(as) != 0))
			_exit(2);
		if (timeline_open(&o, &w, &err) == 0)
			_exit(3);                /* it could write here: no proof */
		if (timeline_watch(&o, &w, &err) != 0 || timeline_last_seq(w) != 2 ||
		    timeline_follow(w, &err) != 0)
			_exit(4);
		timeline_close(w);
		_exit(0);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	path_mode(dir, 0700, 0);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void
a_watcher_follows_records_appended_after_open(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "follow"), *other, *w;
	struct seen ws = { 0 }, ts = { 0 };
	char id[128];

	snprintf(id, sizeof(id), "%s", timeline_id(tl));
	w = watch_tl(dir, "follow");
	timeline_set_observer(w, collect, &ws);
	assert_int_equal(timeline_follow(w, NULL), 0);
	assert_int_equal(timeline_note(tl, "one", NULL), 0);
	assert_int_equal(timeline_follow(w, NULL), 1);
	assert_int_equal(ws.n, 1);
	assert_int_equal(ws.seq[0], 2);
	assert_string_equal(ws.kind[0], "note");
	assert_int_equal(timeline_follow(w, NULL), 0);          /* nothing new */
	/* A writer sees a second writer's records too: by following, and by
	 * the catch-up before its own append, in file order. */
	timeline_set_observer(tl, collect, &ts);
	other = open_tl(dir, id);                               /* incident.resume */
	assert_int_equal(timeline_follow(tl, NULL), 1);
	assert_int_equal(timeline_note(other, "two", NULL), 0);
	assert_int_equal(timeline_note(tl, "three", NULL), 0);
	assert_int_equal(ts.n, 3);
	assert_string_equal(ts.kind[0], "incident.resume");
	assert_int_equal(ts.seq[1], 4);
	assert_int_equal(ts.seq[2], 5);
	assert_int_equal(timeline_follow(w, NULL), 3);
	assert_int_equal(ws.n, 4);
	assert_int_equal(ws.seq[3], 5);
	assert_int_equal(timeline_last_seq(w), 5);
	timeline_close(other);
	timeline_close(tl);
	timeline_close(w);
}

static void
a_torn_partial_line_is_not_applied_until_whole(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "partial"), *w;
	struct seen ws = { 0 };
	char path[1024], *all;
	size_t n0, n1, half;
	FILE *fp;

	snprintf(path, sizeof(path), "%s", timeline_path(tl));
	w = watch_tl(dir, "partial");
	timeline_set_observer(w, collect, &ws);
	free(slurp(path, &n0));
	assert_int_equal(timeline_note(tl, "whole in the end", NULL), 0);
	all = slurp(path, &n1);
	half = n0 + (n1 - n0) / 2;
	/* The file as a reader could find it mid-write: half a line. */
	assert_int_equal(truncate(path, (off_t)half), 0);
	assert_int_equal(timeline_follow(w, NULL), 0);
	assert_int_equal(ws.n, 0);
	assert_int_equal(timeline_follow(w, NULL), 0);
	fp = fopen(path, "ab");
	fwrite(all + half, 1, n1 - half, fp);
	fclose(fp);
	assert_int_equal(timeline_follow(w, NULL), 1);
	assert_int_equal(ws.n, 1);
	assert_string_equal(ws.kind[0], "note");
	assert_false(timeline_read_only(w));
	free(all);
	timeline_close(tl);
	timeline_close(w);
}

static void
a_bad_line_in_the_new_tail_is_named_and_skipped_once_more_follows(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *tl = open_tl(dir, "bad tail"), *tl2, *w;
	struct seen ws = { 0 };
	struct wr_err err;
	char path[1024], *all, c;
	size_t n0, n1;
	int fd;

	snprintf(path, sizeof(path), "%s", timeline_path(tl));
	tl2 = open_tl(dir, "bad tail");                     /* a second console: seq 2 */
	w = watch_tl(dir, "bad tail");
	timeline_set_observer(w, collect, &ws);
	free(slurp(path, &n0));
	assert_int_equal(timeline_note(tl, "damaged", NULL), 0);       /* seq 3, line 3 */
	all = slurp(path, &n1);
	fd = open(path, O_WRONLY);
	c = (char)(all[n0 + 30] ^ 0x01);
	assert_int_equal(pwrite(fd, &c, 1, (off_t)n0 + 30), 1);
	/* A whole line with a bad crc: said, not applied. */
	assert_int_equal(timeline_follow(w, &err), -1);
	assert_non_null(strstr(err.msg, "line 3"));
	assert_int_equal(ws.n, 0);
	assert_int_equal(timeline_last_seq(w), 2);
	/* With a record after it, the line is skipped and named; the record
	 * after it is shown, and the journal stays open. */
	assert_int_equal(pwrite(fd, all + n0, n1 - n0, (off_t)n1), (ssize_t)(n1 - n0));
	close(fd);
	assert_int_equal(timeline_follow(w, &err), -1);
	assert_non_null(strstr(err.msg, "line 3 (byte "));
	assert_non_null(strstr(err.msg, "skipped; the 1 record after it kept"));
	assert_false(timeline_read_only(w));
	assert_int_equal(ws.n, 1);
	assert_int_equal(ws.seq[0], 3);
	assert_int_equal(timeline_follow(w, &err), 0);          /* said once */
	/* The other writer's catch-up before its next record meets it too:
	 * said once by its own follow, its record chained after the copy,
	 * and nothing set aside or cut. */
	assert_int_equal(timeline_note(tl2, "next", NULL), 0);
	assert_string_equal(timeline_notice(tl2), "");
	assert_int_equal(timeline_follow(tl2, &err), -1);
	assert_non_null(strstr(err.msg, "line 3 (byte "));
	assert_int_equal(timeline_follow(tl2, &err), 0);
	assert_int_equal(timeline_last_seq(tl2), 4);
	assert_int_equal(timeline_follow(w, &err), 1);
	assert_int_equal(ws.seq[1], 4);
	free(all);
	timeline_close(tl);
	timeline_close(tl2);
	timeline_close(w);
}

static void
listing_and_export_read_without_writing(void **state)
{
	const char *dir = fresh_dir();
	struct timeline *a = open_tl(dir, "alpha"), *b = open_tl(dir, "beta | two");
	char *buf = NULL, id[128];
	size_t len = 0;
	FILE *out;

	snprintf(id, sizeof(id), "%s", timeline_id(a));
	assert_int_equal(timeline_resolve(a, "done", NULL), 0);
	assert_int_equal(timeline_note(b, "Authorization: Bearer abcdefgh12345", NULL), 0);
	out = open_memstream(&buf, &len);
	assert_int_equal(timeline_list(dir, out, NULL), 0);
	fclose(out);
	assert_non_null(strstr(buf, "STARTED"));
	assert_non_null(strstr(buf, id));
	assert_non_null(strstr(buf, "resolved"));
	assert_non_null(strstr(buf, "open"));
	assert_non_null(strstr(buf, "beta | two"));
	free(buf);
	buf = NULL;
	out = open_memstream(&buf, &len);
	assert_int_equal(timeline_export(dir, timeline_id(b), EXPORT_MD, NULL, 0, out, NULL), 0);
	fclose(out);
	assert_non_null(strstr(buf, "# Post-mortem: beta \\| two"));
	assert_non_null(strstr(buf, "Bearer \\[REDACTED\\]"));
	assert_null(strstr(buf, "abcdefgh12345"));
	free(buf);
	buf = NULL;
	out = open_memstream(&buf, &len);
	assert_int_equal(timeline_export(dir, "../etc", EXPORT_JSON, NULL, 0, out, NULL), -1);
	fclose(out);
	free(buf);
	timeline_close(a);
	timeline_close(b);
}

static int
setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(root, sizeof(root), "%s/wr-timeline-XXXXXX", tmp ? tmp : "/tmp");
	return mkdtemp(root) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(create_makes_a_private_dir_and_file),
		cmocka_unit_test(resume_by_name_and_by_id_until_resolved),
		cmocka_unit_test(torn_tail_is_set_aside_and_appending_continues),
		cmocka_unit_test(a_console_gone_without_shutdown_is_named_on_resume),
		cmocka_unit_test(a_console_killed_beside_a_running_one_is_named_on_resume),
		cmocka_unit_test(a_damaged_middle_line_is_skipped_named_and_the_journal_goes_on),
		cmocka_unit_test(a_resume_sets_aside_only_the_torn_tail_after_middle_damage),
		cmocka_unit_test(an_interrupted_chain_is_named_by_one_resume),
		cmocka_unit_test(an_intent_without_end_is_reported_on_open),
		cmocka_unit_test(an_end_carries_what_it_found_as_data),
		cmocka_unit_test(an_inconclusive_reread_settles_nothing),
		cmocka_unit_test(an_export_beside_a_running_action_says_it_runs),
		cmocka_unit_test(an_unknown_end_is_still_unknown_on_open),
		cmocka_unit_test(an_action_running_beside_us_is_not_unknown),
		cmocka_unit_test(failed_write_degrades_until_recovered),
		cmocka_unit_test(a_resume_on_a_full_disk_is_written_late_once_it_recovers),
		cmocka_unit_test(a_refused_write_with_nothing_written_also_degrades),
		cmocka_unit_test(a_removed_journal_degrades_until_put_back),
		cmocka_unit_test(a_moved_directory_is_found_between_appends),
		cmocka_unit_test(a_name_whose_journal_is_gone_under_its_console_is_refused),
		cmocka_unit_test(two_processes_append_one_chain),
		cmocka_unit_test(the_observer_sees_each_stored_record),
		cmocka_unit_test(listing_and_export_read_without_writing),
		cmocka_unit_test(watching_writes_nothing_and_creates_nothing),
		cmocka_unit_test(watching_a_resolved_name_names_its_id),
		cmocka_unit_test(a_watcher_works_where_it_cannot_write),
		cmocka_unit_test(a_watcher_follows_records_appended_after_open),
		cmocka_unit_test(a_torn_partial_line_is_not_applied_until_whole),
		cmocka_unit_test(a_bad_line_in_the_new_tail_is_named_and_skipped_once_more_follows),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
