/*
 * test_sessions.c — which consoles a journal shows still open, and what a
 * resume says of those that ended without a shutdown record: each
 * numbered session with its own last record and arming, judged beside
 * running consoles by its byte of .live; unnumbered ones (older
 * journals) only by a resume made alone.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/record.h"
#include "warroom/sessions.h"

#define T0 1714564800000LL      /* 2024-05-01T12:00:00.000Z */

/* Fold one record: seq, the session it carries (0: none), who, kind, the
 * time T0 + seq s, and data (consumed; NULL: {}). */
static void
note(struct sessions *s, uint64_t seq, uint64_t session, const char *actor, const char *kind,
    cJSON *data)
{
	struct record r = { 0 };

	r.seq = seq;
	r.session = session;
	r.ts_ms = T0 + (int64_t)seq * 1000;
	r.actor = (char *)actor;
	r.kind = (char *)kind;
	r.data = data != NULL ? data : cJSON_CreateObject();
	sessions_note(s, &r);
	cJSON_Delete(r.data);
}

static cJSON *
mode(const char *m)
{
	cJSON *d = cJSON_CreateObject();

	cJSON_AddStringToObject(d, "mode", m);
	return d;
}

static cJSON *
beside(void)
{
	cJSON *d = cJSON_CreateObject();

	cJSON_AddBoolToObject(d, "others_open", true);
	return d;
}

static const char *
str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	assert_true(cJSON_IsString(v));
	return v->valuestring;
}

/* An incident: alice's console armed and acting is killed
 * while bob's (resumed beside it) still runs. A resume beside bob names
 * alice's session alone, with her last record (not bob's later one) and
 * her arming; bob's stays open. */
static void
a_session_killed_beside_a_running_one_is_named(void **state)
{
	struct sessions s = { 0 };
	struct sessions_ended e;
	bool alive[] = { false, true };
	cJSON *d = cJSON_CreateObject(), *x;

	note(&s, 1, 1, "alice@a", "incident.open", NULL);
	note(&s, 2, 1, "alice@a", "mode.change", mode("armed"));
	note(&s, 3, 3, "bob@b", "incident.resume", beside());
	note(&s, 4, 1, "alice@a", "action.intent", NULL);
	note(&s, 5, 3, "bob@b", "health.change", NULL);
	assert_int_equal(s.n, 2);
	e = sessions_judge(&s, false, alive, d);
	assert_int_equal(e.n, 1);
	assert_int_equal(e.last_ms, T0 + 4000);
	assert_true(e.armed);
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(d, "others_open")));
	/* bob's and this one: alice's, gone, is not counted. */
	assert_int_equal(cJSON_GetObjectItem(d, "consoles_open")->valueint, 2);
	assert_int_equal(cJSON_GetObjectItem(d, "ended_without_shutdown")->valuedouble, 1);
	assert_string_equal(str(d, "last_record_ts"), "2024-05-01T12:00:04.000Z");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(d, "was_armed")));
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(d, "ended_sessions")), 1);
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(d, "ended_sessions"), 0);
	assert_int_equal(cJSON_GetObjectItem(x, "session")->valuedouble, 1);
	assert_string_equal(str(x, "actor"), "alice@a");
	assert_string_equal(str(x, "last_record_ts"), "2024-05-01T12:00:04.000Z");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(x, "was_armed")));
	/* That resume stored: alice's session is over, bob's and its own run. */
	note(&s, 6, 6, "carol@c", "incident.resume", d);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.v[0].id, 3);
	assert_int_equal(s.v[1].id, 6);
	sessions_free(&s);
}

static cJSON *
with_pid(cJSON *d, int pid)
{
	cJSON_AddNumberToObject(d, "pid", pid);
	return d;
}

/* alice (armed) was killed, bob quit cleanly after, then bob came
 * back alone. The resume names alice's session with her pid and her last
 * record; bob's clean quit opened the unwatched stretch, not her. */
static void
the_killed_console_is_named_by_actor_and_pid(void **state)
{
	struct sessions s = { 0 };
	cJSON *d = cJSON_CreateObject(), *x;

	(void)state;
	note(&s, 1, 1, "alice (root@vm)", "incident.open", with_pid(cJSON_CreateObject(), 100));
	note(&s, 2, 1, "alice (root@vm)", "mode.change", mode("armed"));
	note(&s, 3, 3, "bob (root@vm)", "incident.resume", with_pid(beside(), 200));
	note(&s, 21, 1, "alice (root@vm)", "note", NULL);
	note(&s, 56, 3, "bob (root@vm)", "shutdown", NULL);
	assert_int_equal(sessions_judge(&s, true, NULL, d).n, 1);
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(d, "ended_sessions"), 0);
	assert_string_equal(str(x, "actor"), "alice (root@vm)");
	assert_int_equal(cJSON_GetObjectItem(x, "pid")->valuedouble, 100);
	assert_string_equal(str(x, "last_record_ts"), "2024-05-01T12:00:21.000Z");
	assert_string_equal(str(d, "last_record_ts"), "2024-05-01T12:00:21.000Z");
	assert_string_equal(str(d, "unwatched_from"), "2024-05-01T12:00:56.000Z");
	cJSON_Delete(d);
	sessions_free(&s);
}

/* Nothing ended: only "others_open"; every byte held, nothing judged. */
static void
running_sessions_are_never_named(void **state)
{
	struct sessions s = { 0 };
	bool alive[] = { true, true };
	cJSON *d = cJSON_CreateObject();

	note(&s, 1, 1, "alice@a", "incident.open", NULL);
	note(&s, 2, 2, "bob@b", "incident.resume", beside());
	assert_int_equal(sessions_judge(&s, false, alive, d).n, 0);
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(d, "others_open")));
	/* Both still hold their byte: three open, with this one. */
	assert_int_equal(cJSON_GetObjectItem(d, "consoles_open")->valueint, 3);
	assert_null(cJSON_GetObjectItem(d, "ended_without_shutdown"));
	assert_null(cJSON_GetObjectItem(d, "ended_sessions"));
	/* Another console watched meanwhile: no stretch unwatched. */
	assert_null(cJSON_GetObjectItem(d, "unwatched_from"));
	cJSON_Delete(d);
	/* No bytes tested at all: nothing either, not even a count. */
	d = cJSON_CreateObject();
	assert_int_equal(sessions_judge(&s, false, NULL, d).n, 0);
	assert_null(cJSON_GetObjectItem(d, "consoles_open"));
	cJSON_Delete(d);
	sessions_free(&s);
}

/* A shutdown ends the session that wrote it, whichever came last; each
 * session's arming is its own. */
static void
a_shutdown_and_an_arming_belong_to_their_session(void **state)
{
	struct sessions s = { 0 };
	struct sessions_ended e;
	cJSON *d = cJSON_CreateObject();

	note(&s, 1, 1, "alice@a", "incident.open", NULL);
	note(&s, 2, 2, "bob@b", "incident.resume", beside());
	note(&s, 3, 2, "bob@b", "mode.change", mode("armed"));
	note(&s, 4, 1, "alice@a", "note", NULL);
	note(&s, 5, 2, "bob@b", "mode.change", mode("disarmed"));
	note(&s, 6, 1, "alice@a", "mode.change", mode("armed"));
	note(&s, 7, 2, "bob@b", "shutdown", NULL);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.v[0].id, 1);
	e = sessions_judge(&s, true, NULL, d);
	assert_int_equal(e.n, 1);
	assert_true(e.armed);
	assert_int_equal(e.last_ms, T0 + 6000);
	assert_null(cJSON_GetObjectItem(d, "others_open"));
	/* Alone: nobody watched since the journal's last record (bob's shutdown). */
	assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d, "unwatched_from")),
	    "2024-05-01T12:00:07.000Z");
	cJSON_Delete(d);
	note(&s, 8, 1, "alice@a", "mode.change", mode("disarmed"));
	d = cJSON_CreateObject();
	assert_false(sessions_judge(&s, true, NULL, d).armed);
	cJSON_Delete(d);
	/* A resume made alone judged them all: only its own is open. */
	note(&s, 9, 9, "carol@c", "incident.resume", NULL);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.v[0].id, 9);
	sessions_free(&s);
}

/* Records with no session number (an older console, or one that could
 * not take its byte) are not judged beside a running console, whatever
 * the bytes say; alone, they are, with the journal's last record and
 * the arming it was left with, as the journal always counted them. */
static void
unnumbered_sessions_wait_for_a_resume_made_alone(void **state)
{
	struct sessions s = { 0 };
	struct sessions_ended e;
	bool alive[] = { false, false, false };
	cJSON *d = cJSON_CreateObject();

	note(&s, 1, 0, "alice@a", "incident.open", NULL);
	note(&s, 2, 0, "alice@a", "mode.change", mode("armed"));
	note(&s, 3, 0, "bob@b", "incident.resume", beside());
	note(&s, 4, 4, "carol@c", "incident.resume", beside());
	note(&s, 5, 4, "carol@c", "shutdown", NULL);
	assert_int_equal(s.n, 2);
	assert_false(s.v[0].tracked);
	assert_int_equal(sessions_judge(&s, false, alive, d).n, 0);
	cJSON_Delete(d);
	d = cJSON_CreateObject();
	e = sessions_judge(&s, true, NULL, d);
	assert_int_equal(e.n, 2);
	assert_true(e.armed);
	assert_int_equal(e.last_ms, T0 + 5000);
	assert_null(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(d,
	    "ended_sessions"), 0), "last_record_ts"));
	cJSON_Delete(d);
	/* An unnumbered shutdown ends one unnumbered session. */
	note(&s, 6, 0, "bob@b", "shutdown", NULL);
	assert_int_equal(s.n, 1);
	assert_false(s.armed);
	sessions_free(&s);
}

/* A watcher names the console armed now: the one that armed last and is
 * still armed, with when; none once it disarms, quits or a resume judges
 * it over. */
static void
the_armed_console_is_named_with_when(void **state)
{
	struct sessions s = { 0 };
	const struct session *a;

	(void)state;
	note(&s, 1, 1, "alice@a", "incident.open", NULL);
	assert_null(sessions_armed(&s));
	note(&s, 2, 2, "bob@b", "incident.resume", beside());
	note(&s, 3, 1, "alice@a", "mode.change", mode("armed"));
	a = sessions_armed(&s);
	assert_non_null(a);
	assert_string_equal(a->actor, "alice@a");
	assert_int_equal(a->armed_ms, T0 + 3000);
	note(&s, 4, 1, "alice@a", "mode.change", mode("disarmed"));
	assert_null(sessions_armed(&s));
	note(&s, 5, 2, "bob@b", "mode.change", mode("armed"));
	assert_string_equal(sessions_armed(&s)->actor, "bob@b");
	note(&s, 6, 2, "bob@b", "shutdown", NULL);
	assert_null(sessions_armed(&s));
	/* Killed while armed: armed until a resume says it ended. */
	note(&s, 7, 1, "alice@a", "mode.change", mode("armed"));
	assert_string_equal(sessions_armed(&s)->actor, "alice@a");
	note(&s, 8, 8, "carol@c", "incident.resume", NULL);
	assert_null(sessions_armed(&s));
	sessions_free(&s);
}

/* A watcher's words for the armed console: who and since when while it
 * runs (or cannot be told); once its byte of .live is free, that it is
 * gone, with its last record, not since when it armed. An untracked one
 * is never called gone. */
static void
an_armed_console_killed_is_said_gone(void **state)
{
	struct sessions s = { 0 };
	const struct session *a;
	char buf[200];

	(void)state;
	note(&s, 1, 1, "alice@a", "incident.open", NULL);
	note(&s, 2, 1, "alice@a", "mode.change", mode("armed"));
	note(&s, 65, 1, "alice@a", "note", NULL);
	a = sessions_armed(&s);
	assert_non_null(a);
	assert_false(sessions_armed_words(a, 1, buf, sizeof(buf)));
	assert_string_equal(buf, "alice@a since 12:00 UTC");
	assert_false(sessions_armed_words(a, -1, buf, sizeof(buf)));
	assert_string_equal(buf, "alice@a since 12:00 UTC");
	assert_true(sessions_armed_words(a, 0, buf, sizeof(buf)));
	assert_string_equal(buf, "alice@a, last record 12:01 UTC");
	sessions_free(&s);
	/* No session number: its byte says nothing. */
	{
		struct session old = { .id = 3, .tracked = false, .actor = (char *)"old@box",
			.last_ts_ms = T0 + 65000, .armed = true, .armed_ms = T0 + 2000 };

		assert_false(sessions_armed_words(&old, 0, buf, sizeof(buf)));
		assert_string_equal(buf, "old@box since 12:00 UTC");
	}
}

/* alice (armed, pid 4242) is killed beside bob, whose console records
 * her gone: the record names her session, pid, arming and last record
 * (not bob's later one); she still reads armed and gone to a watcher
 * until a resume, and that resume (alone, or beside bob) does not count
 * her a second time. */
static void
a_session_recorded_gone_is_not_judged_again(void **state)
{
	struct sessions s = { 0 };
	struct sessions_ended e;
	bool alive[] = { false, true };
	cJSON *g = cJSON_CreateObject(), *d = cJSON_CreateObject(), *d2 = cJSON_CreateObject();

	(void)state;
	note(&s, 1, 1, "alice@a", "incident.open", with_pid(cJSON_CreateObject(), 4242));
	note(&s, 2, 1, "alice@a", "mode.change", mode("armed"));
	note(&s, 3, 3, "bob@b", "incident.resume", beside());
	note(&s, 4, 1, "alice@a", "action.intent", NULL);
	note(&s, 5, 3, "bob@b", "health.change", NULL);
	sessions_gone_data(&s.v[0], g);
	assert_int_equal(cJSON_GetObjectItem(g, "session")->valuedouble, 1);
	assert_int_equal(cJSON_GetObjectItem(g, "pid")->valuedouble, 4242);
	assert_int_equal(cJSON_GetObjectItem(g, "last_seq")->valuedouble, 4);
	assert_string_equal(str(g, "last_record_ts"), "2024-05-01T12:00:04.000Z");
	assert_string_equal(str(g, "actor"), "alice@a");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(g, "was_armed")));
	note(&s, 6, 3, "bob@b", "session.gone", g);
	assert_int_equal(s.v[0].gone_seq, 6);
	assert_int_equal(s.v[0].last_seq, 4);
	assert_non_null(sessions_armed(&s));
	assert_int_equal(sessions_armed(&s)->id, 1);
	/* A resume beside bob: nothing ended that was not said. */
	e = sessions_judge(&s, false, alive, d);
	assert_int_equal(e.n, 0);
	assert_int_equal(e.said_n, 1);
	assert_true(e.said_armed);
	assert_null(cJSON_GetObjectItem(d, "ended_without_shutdown"));
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(d, "recorded_gone")), 1);
	note(&s, 7, 7, "alice@a", "incident.resume", d);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.v[0].id, 3);
	assert_null(sessions_armed(&s));
	sessions_free(&s);
	/* And alone, once bob quit before it was judged. */
	note(&s, 1, 1, "alice@a", "incident.open", NULL);
	note(&s, 2, 1, "alice@a", "mode.change", mode("armed"));
	note(&s, 3, 3, "bob@b", "incident.resume", beside());
	g = cJSON_CreateObject();
	sessions_gone_data(&s.v[0], g);
	note(&s, 4, 3, "bob@b", "session.gone", g);
	note(&s, 5, 3, "bob@b", "shutdown", NULL);
	e = sessions_judge(&s, true, NULL, d2);
	assert_int_equal(e.n, 0);
	assert_null(cJSON_GetObjectItem(d2, "ended_without_shutdown"));
	cJSON_Delete(d2);
	sessions_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_session_killed_beside_a_running_one_is_named),
		cmocka_unit_test(the_killed_console_is_named_by_actor_and_pid),
		cmocka_unit_test(running_sessions_are_never_named),
		cmocka_unit_test(a_shutdown_and_an_arming_belong_to_their_session),
		cmocka_unit_test(unnumbered_sessions_wait_for_a_resume_made_alone),
		cmocka_unit_test(the_armed_console_is_named_with_when),
		cmocka_unit_test(an_armed_console_killed_is_said_gone),
		cmocka_unit_test(a_session_recorded_gone_is_not_judged_again),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
