/*
 * test_rbplace.c — a journalled mark lands on the step it was made on,
 * however the runbook moved: by its line while the title there is the
 * same, else on the one step with that title, else nowhere, and then it
 * is said by title. A step inserted above (a common edit) moves every
 * mark with its step; a renamed step's mark is not placed anywhere; a
 * title the runbook has in two sections is told apart by its section,
 * and never guessed when the journal cannot say which; every mark not
 * placed is counted and named. A key the journal wrote
 * beside other runbooks finds its runbook by its path; a bare name two
 * runbooks now share finds neither.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/rbplace.h"
#include "record_fixture.h"

/* The runbook as it is now. */
static const char live_now[] =
    "# Live\n"
    "\n"
    "- [ ] Open the incident channel\n"
    "- [ ] Acknowledge the page\n"
    "- [ ] Check health\n"
    "\n"
    "## Mitigate\n"
    "\n"
    "- [ ] Roll back the API\n"
    "- [ ] Check health\n";

/* Its journalled load before the first step was inserted. */
static const char load_before[] =
    "{\"name\":\"live.md\",\"steps\":["
    "{\"step\":\"live.md:3\",\"title\":\"Acknowledge the page\",\"section\":\"Live\"},"
    "{\"step\":\"live.md:4\",\"title\":\"Check health\",\"section\":\"Live\"},"
    "{\"step\":\"live.md:8\",\"title\":\"Roll back the API\",\"section\":\"Mitigate\"},"
    "{\"step\":\"live.md:9\",\"title\":\"Check health\",\"section\":\"Mitigate\"}],"
    "\"sections\":[{\"section\":\"live.md:1\",\"title\":\"Live\"},"
    "{\"section\":\"live.md:6\",\"title\":\"Mitigate\"}]}";

/* The same load from a journal before sections were kept: titles only. */
static const char load_before_no_sections[] =
    "{\"name\":\"live.md\",\"steps\":["
    "{\"step\":\"live.md:3\",\"title\":\"Acknowledge the page\"},"
    "{\"step\":\"live.md:4\",\"title\":\"Check health\"},"
    "{\"step\":\"live.md:8\",\"title\":\"Roll back the API\"},"
    "{\"step\":\"live.md:9\",\"title\":\"Check health\"}]}";

/* dup.md: "Check health" after each phase, both ticked. */
static const char dup_before[] =
    "# Dup\n"
    "\n"
    "## Roll back\n"
    "\n"
    "- [ ] Roll back the API\n"
    "- [ ] Check health\n"
    "\n"
    "## Recover\n"
    "\n"
    "- [ ] Restart the workers\n"
    "- [ ] Check health\n";

struct fix {
	struct rbplace p;
	struct runbook rb;
};

static int
setup(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));

	runbook_parse(&f->rb, "live.md", live_now, strlen(live_now));
	rbplace_add_runbook(&f->p, "live.md", "/srv/rb/live.md", &f->rb);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fix *f = *state;

	rbplace_free(&f->p);
	runbook_free(&f->rb);
	free(f);
	return 0;
}

/* Fold the load of session as it was before the edit. */
static void
loaded_before(struct rbplace *p, uint64_t session)
{
	struct record r = rec("runbook.load", NULL, NULL, load_before);

	r.session = session;
	rbplace_note(p, &r);
	cJSON_Delete(r.data);
}

static enum rbplace_where
place(struct rbplace *p, const char *kind, uint64_t session, const char *json, char *id,
    bool *section)
{
	struct record r = rec(kind, "h1", "op1", json);
	enum rbplace_where w;

	r.session = session;
	w = rbplace_record(p, &r, id, 64, section);
	cJSON_Delete(r.data);
	return w;
}

static size_t
lost_words(struct rbplace *p, size_t b, char *buf, size_t cap)
{
	cJSON *lost = rbplace_lost_json(p, b);
	size_t n = rbplace_lost_words(lost, buf, cap);

	cJSON_Delete(lost);
	return n;
}

static void
an_inserted_step_moves_each_mark_with_its_step(void **state)
{
	struct fix *f = *state;
	char id[64], words[256];
	bool sec;

	loaded_before(&f->p, 5);
	assert_int_equal(place(&f->p, "step.check", 5,
	    "{\"step\":\"live.md:3\",\"title\":\"Acknowledge the page\"}", id, &sec), RBPLACE_HERE);
	assert_string_equal(id, "live.md:4");
	assert_false(sec);
	/* The intent holds no title: its console's load gives it. */
	assert_int_equal(place(&f->p, "action.intent", 5,
	    "{\"plan\":{\"runbook_step\":\"live.md:8\"}}", id, &sec), RBPLACE_HERE);
	assert_string_equal(id, "live.md:9");
	assert_int_equal(place(&f->p, "statuspage.queue", 5,
	    "{\"runbook_section\":\"live.md:6\"}", id, &sec), RBPLACE_HERE);
	assert_string_equal(id, "live.md:7");
	assert_true(sec);
	assert_int_equal(lost_words(&f->p, 0, words, sizeof(words)), 0);
	assert_string_equal(words, "");
}

static void
an_unchanged_step_keeps_its_line(void **state)
{
	struct fix *f = *state;
	char id[64];
	bool sec;

	assert_int_equal(place(&f->p, "step.check", 9,
	    "{\"step\":\"live.md:9\",\"title\":\"Roll back the API\"}", id, &sec), RBPLACE_HERE);
	assert_string_equal(id, "live.md:9");
}

static void
a_renamed_step_gets_no_mark_and_is_said(void **state)
{
	struct fix *f = *state;
	char id[64], words[256];
	bool sec;

	/* The console that wrote them called line 9 something the runbook
	 * no longer has. */
	{
		struct record r = rec("runbook.load", NULL, NULL,
		    "{\"name\":\"live.md\",\"steps\":[{\"step\":\"live.md:9\","
		    "\"title\":\"Roll back the API to v1\"}]}");

		r.session = 7;
		rbplace_note(&f->p, &r);
		cJSON_Delete(r.data);
	}
	assert_int_equal(place(&f->p, "action.intent", 7,
	    "{\"plan\":{\"runbook_step\":\"live.md:9\"}}", id, &sec), RBPLACE_LOST);
	assert_int_equal(place(&f->p, "step.check", 7,
	    "{\"step\":\"live.md:9\",\"title\":\"Roll back the API to v1\"}", id, &sec),
	    RBPLACE_LOST);
	/* Said once per title and kind, however many records name it. */
	assert_int_equal(place(&f->p, "step.check", 7,
	    "{\"step\":\"live.md:9\",\"title\":\"Roll back the API to v1\"}", id, &sec),
	    RBPLACE_LOST);
	assert_int_equal(lost_words(&f->p, 0, words, sizeof(words)), 2);
	assert_string_equal(words, "2 marks not placed: \"Roll back the API to v1\" (x ran it), "
	    "\"Roll back the API to v1\" (ticked)");
}

static void
a_title_the_runbook_has_twice_is_told_apart_by_its_section(void **state)
{
	struct fix *f = *state;
	char id[64], words[256];
	bool sec;

	loaded_before(&f->p, 5);
	/* Line 4 was "Check health" under Live; now two steps are called
	 * "Check health", one in each section. */
	assert_int_equal(place(&f->p, "smoke", 5, "{\"runbook_step\":\"live.md:4\"}", id, &sec),
	    RBPLACE_HERE);
	assert_string_equal(id, "live.md:5");
	assert_int_equal(place(&f->p, "step.check", 5,
	    "{\"step\":\"live.md:9\",\"title\":\"Check health\"}", id, &sec), RBPLACE_HERE);
	assert_string_equal(id, "live.md:10");
	assert_int_equal(lost_words(&f->p, 0, words, sizeof(words)), 0);
}

static void
a_title_the_runbook_has_twice_is_not_guessed(void **state)
{
	struct fix *f = *state;
	char id[64], words[256];
	bool sec;
	struct record r = rec("runbook.load", NULL, NULL, load_before_no_sections);

	/* A journal that kept no sections: line 4 was "Check health"; now it
	 * is "Acknowledge the page", and two steps are called so. */
	r.session = 5;
	rbplace_note(&f->p, &r);
	cJSON_Delete(r.data);
	assert_int_equal(place(&f->p, "smoke", 5, "{\"runbook_step\":\"live.md:4\"}", id, &sec),
	    RBPLACE_LOST);
	assert_int_equal(lost_words(&f->p, 0, words, sizeof(words)), 1);
	assert_string_equal(words, "1 mark not placed: \"Check health\" (smoke check from it)");
	/* Line 9 was "Check health" too; it is not now: lost, said once. */
	assert_int_equal(place(&f->p, "smoke", 5, "{\"runbook_step\":\"live.md:9\"}", id, &sec),
	    RBPLACE_LOST);
	assert_int_equal(lost_words(&f->p, 0, words, sizeof(words)), 1);
}

/* The load dup.md's console wrote (session 1), as the console writes it. */
static void
dup_loaded(struct rbplace *p, const char *text)
{
	struct runbook rb;
	cJSON *load = cJSON_CreateObject(), *steps = cJSON_AddArrayToObject(load, "steps");
	cJSON *secs = cJSON_AddArrayToObject(load, "sections");
	char id[32];
	size_t i;
	struct record r;

	runbook_parse(&rb, "dup.md", text, strlen(text));
	cJSON_AddStringToObject(load, "name", "dup.md");
	for (i = 0; i < rb.nsteps; i++) {
		cJSON *s = cJSON_CreateObject();

		snprintf(id, sizeof(id), "dup.md:%d", rb.steps[i].line);
		cJSON_AddStringToObject(s, "step", id);
		cJSON_AddStringToObject(s, "title", rb.steps[i].text);
		cJSON_AddStringToObject(s, "section", rb.sections[rb.steps[i].section].title);
		cJSON_AddItemToArray(steps, s);
	}
	for (i = 0; i < rb.nsections; i++) {
		cJSON *s = cJSON_CreateObject();

		snprintf(id, sizeof(id), "dup.md:%d", rb.sections[i].line);
		cJSON_AddStringToObject(s, "section", id);
		cJSON_AddStringToObject(s, "title", rb.sections[i].title);
		cJSON_AddItemToArray(secs, s);
	}
	memset(&r, 0, sizeof(r));
	r.kind = "runbook.load";
	r.session = 1;
	r.data = load;
	rbplace_note(p, &r);
	cJSON_Delete(load);
	runbook_free(&rb);
}

/* dup.md as it is now (text), with session 1's ticks on both "Check
 * health" steps (lines 6 and 11 then) folded: how many placed, the ids
 * in placed[], the lost words. */
static int
dup_ticks(const char *text, char placed[2][64], char *words, size_t cap)
{
	struct rbplace p = { 0 };
	struct runbook rb;
	const char *ticks[] = {
		"{\"step\":\"dup.md:6\",\"title\":\"Check health\"}",
		"{\"step\":\"dup.md:11\",\"title\":\"Check health\"}",
	};
	bool sec;
	int i, n = 0;

	runbook_parse(&rb, "dup.md", text, strlen(text));
	rbplace_add_runbook(&p, "dup.md", "/q/dup.md", &rb);
	dup_loaded(&p, dup_before);
	for (i = 0; i < 2; i++) {
		placed[i][0] = '\0';
		if (place(&p, "step.check", 1, ticks[i], placed[i], &sec) == RBPLACE_HERE)
			n++;
		else
			placed[i][0] = '\0';	/* lost: nothing placed */
	}
	lost_words(&p, 0, words, cap);
	rbplace_free(&p);
	runbook_free(&rb);
	return n;
}

static void
a_step_inserted_above_a_title_of_two_sections_moves_nothing(void **state)
{
	/* An edit: a step inserted at the top of "Roll back". */
	const char *now =
	    "# Dup\n\n## Roll back\n\n- [ ] Page the API owner\n- [ ] Roll back the API\n"
	    "- [ ] Check health\n\n## Recover\n\n- [ ] Restart the workers\n"
	    "- [ ] Check health\n";
	char placed[2][64], words[256];

	(void)state;
	assert_int_equal(dup_ticks(now, placed, words, sizeof(words)), 2);
	assert_string_equal(placed[0], "dup.md:7");
	assert_string_equal(placed[1], "dup.md:12");
	assert_string_equal(words, "");
}

static void
every_mark_not_placed_is_counted_and_named(void **state)
{
	/* Both "Check health" steps renamed: two ticks lost, said apart. */
	const char *now =
	    "# Dup\n\n## Roll back\n\n- [ ] Roll back the API\n- [ ] Check health and logs\n"
	    "\n## Recover\n\n- [ ] Restart the workers\n- [ ] Check health and logs\n";
	char placed[2][64], words[256];

	(void)state;
	assert_int_equal(dup_ticks(now, placed, words, sizeof(words)), 0);
	assert_string_equal(words, "2 marks not placed: \"Check health\" under \"Roll back\" "
	    "(ticked), \"Check health\" under \"Recover\" (ticked)");
}

static void
a_mark_never_crosses_to_another_section_s_step(void **state)
{
	/* "Check health" taken out of "Roll back" and a step inserted above:
	 * Recover's is the only one left, and not the one ticked there. */
	const char *now =
	    "# Dup\n\n## Roll back\n\n- [ ] Page the API owner\n- [ ] Roll back the API\n"
	    "\n## Recover\n\n- [ ] Restart the workers\n- [ ] Check health\n";
	char placed[2][64], words[256];

	(void)state;
	assert_int_equal(dup_ticks(now, placed, words, sizeof(words)), 1);
	assert_string_equal(placed[1], "dup.md:11");
	assert_string_equal(words, "1 mark not placed: \"Check health\" under \"Roll back\" "
	    "(ticked)");
}

static void
a_renamed_section_leaves_the_title_to_decide(void **state)
{
	/* "## Recover" became "## Recovery": its step is still the one
	 * "Check health" of the runbook's that can be meant. */
	const char *now =
	    "# Dup\n\n## Roll back\n\n- [ ] Roll back the API\n\n## Recovery\n\n"
	    "- [ ] Restart the workers\n- [ ] Check health\n";
	char placed[2][64], words[256];

	(void)state;
	assert_int_equal(dup_ticks(now, placed, words, sizeof(words)), 1);
	assert_string_equal(placed[1], "dup.md:10");
	assert_string_equal(words, "1 mark not placed: \"Check health\" under \"Roll back\" "
	    "(ticked)");
}

static void
a_lost_tick_taken_back_is_not_said(void **state)
{
	struct fix *f = *state;
	char id[64], words[256];
	bool sec;

	assert_int_equal(place(&f->p, "step.check", 3,
	    "{\"step\":\"live.md:2\",\"title\":\"Page the DBA\"}", id, &sec), RBPLACE_LOST);
	assert_int_equal(place(&f->p, "step.uncheck", 3,
	    "{\"step\":\"live.md:2\",\"title\":\"Page the DBA\"}", id, &sec), RBPLACE_LOST);
	assert_int_equal(lost_words(&f->p, 0, words, sizeof(words)), 0);
}

static void
another_runbook_s_marks_are_left_as_they_are(void **state)
{
	struct fix *f = *state;
	char id[64];
	bool sec;

	assert_int_equal(place(&f->p, "step.check", 3,
	    "{\"step\":\"rollback.md:3\",\"title\":\"x\"}", id, &sec), RBPLACE_OTHER);
	assert_string_equal(id, "rollback.md:3");
	assert_int_equal(place(&f->p, "note", 3, "{\"text\":\"hi\"}", id, &sec), RBPLACE_NONE);
}

static void
a_journal_with_no_titles_places_by_line(void **state)
{
	struct fix *f = *state;
	char id[64];
	bool sec;

	/* No load, no title: a journal from before either was kept. */
	assert_int_equal(place(&f->p, "action.intent", 0,
	    "{\"plan\":{\"runbook_step\":\"live.md:4\"}}", id, &sec), RBPLACE_HERE);
	assert_string_equal(id, "live.md:4");
}

static void
a_session_s_own_load_says_what_its_lines_meant(void **state)
{
	struct fix *f = *state;
	char id[64];
	bool sec;
	struct record r = rec("runbook.load", NULL, NULL,
	    "{\"name\":\"live.md\",\"steps\":[{\"step\":\"live.md:4\","
	    "\"title\":\"Acknowledge the page\"}]}");

	/* Session 5 loaded the old runbook, session 6 the new one; session
	 * 5's record after 6's load still means the old line 3. */
	loaded_before(&f->p, 5);
	r.session = 6;
	rbplace_note(&f->p, &r);
	cJSON_Delete(r.data);
	assert_int_equal(place(&f->p, "action.refused", 5, "{\"runbook_step\":\"live.md:3\"}", id,
	    &sec), RBPLACE_HERE);
	assert_string_equal(id, "live.md:4");
	assert_int_equal(place(&f->p, "action.refused", 6, "{\"runbook_step\":\"live.md:4\"}", id,
	    &sec), RBPLACE_HERE);
	assert_string_equal(id, "live.md:4");
}

static void
same_named_runbooks_keep_apart_and_an_old_bare_key_finds_neither(void **state)
{
	struct rbplace p = { 0 };
	struct runbook a, b;
	const char *ta = "- [ ] Team: show containers\n", *tb = "- [ ] Platform: restart api\n";
	char id[64], words[256];
	bool sec;
	cJSON *lost;

	(void)state;
	runbook_parse(&a, "team/check.md", ta, strlen(ta));
	runbook_parse(&b, "platform/check.md", tb, strlen(tb));
	rbplace_add_runbook(&p, "team/check.md", "/q/team/check.md", &a);
	rbplace_add_runbook(&p, "platform/check.md", "/q/platform/check.md", &b);
	assert_int_equal(place(&p, "step.check", 2,
	    "{\"step\":\"team/check.md:1\",\"title\":\"Team: show containers\"}", id, &sec),
	    RBPLACE_HERE);
	assert_string_equal(id, "team/check.md:1");
	assert_int_equal(place(&p, "step.check", 1,
	    "{\"step\":\"check.md:1\",\"title\":\"Team: show containers\"}", id, &sec),
	    RBPLACE_LOST);
	assert_int_equal(rbplace_book_of(&p, "check.md"), -2);
	lost = rbplace_lost_json(&p, 1);
	assert_int_equal(rbplace_lost_words(lost, words, sizeof(words)), 1);
	assert_string_equal(words, "1 mark not placed: \"Team: show containers\" (ticked; check.md "
	    "names more than one runbook now)");
	cJSON_Delete(lost);
	rbplace_free(&p);
	runbook_free(&a);
	runbook_free(&b);
}

static void
a_key_written_beside_another_runbook_finds_its_path(void **state)
{
	struct fix *f = *state;
	char id[64];
	bool sec;

	(void)state;
	/* Written when srv/rb/live.md was loaded beside another live.md. */
	assert_int_equal(place(&f->p, "step.check", 2,
	    "{\"step\":\"rb/live.md:4\",\"title\":\"Acknowledge the page\"}", id, &sec),
	    RBPLACE_HERE);
	assert_string_equal(id, "live.md:4");
	assert_int_equal(place(&f->p, "step.check", 2,
	    "{\"step\":\"other/live.md:4\",\"title\":\"Acknowledge the page\"}", id, &sec),
	    RBPLACE_OTHER);
}

static void
a_post_mortem_places_on_the_last_load(void **state)
{
	struct rbplace p = { 0 };
	cJSON *now = cJSON_Parse("{\"name\":\"live.md\",\"steps\":["
	    "{\"step\":\"live.md:3\",\"title\":\"Open the incident channel\"},"
	    "{\"step\":\"live.md:4\",\"title\":\"Acknowledge the page\"}]}");
	char id[64];

	(void)state;
	rbplace_add_loaded(&p, now);
	loaded_before(&p, 1);
	assert_int_equal(rbplace_id(&p, NULL, "live.md:3", false, "Acknowledge the page",
	    RBPLACE_TICK, id, sizeof(id)), RBPLACE_HERE);
	assert_string_equal(id, "live.md:4");
	/* "team/live.md" from a run beside another live.md: the same runbook. */
	assert_int_equal(rbplace_book_of(&p, "team/live.md"), 0);
	cJSON_Delete(now);
	rbplace_free(&p);
}

/* An alias names its book outright: "check.md", loaded alone first, is
 * the tail of both "platform/check.md" and "team/check.md" loaded later
 * side by side; the post-mortem knows by the bytes which it was. */
static void
an_alias_names_its_book_among_books_of_one_file_name(void **state)
{
	struct rbplace p = { 0 };
	cJSON *a = cJSON_Parse("{\"name\":\"platform/check.md\",\"steps\":[]}");
	cJSON *b = cJSON_Parse("{\"name\":\"team/check.md\",\"steps\":[]}");

	(void)state;
	rbplace_add_loaded(&p, a);
	rbplace_add_loaded(&p, b);
	assert_int_equal(rbplace_book_of(&p, "check.md"), -2);
	rbplace_alias(&p, 0, "check.md");
	assert_int_equal(rbplace_book_of(&p, "check.md"), 0);
	assert_int_equal(rbplace_book_of(&p, "team/check.md"), 1);
	cJSON_Delete(a);
	cJSON_Delete(b);
	rbplace_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(an_inserted_step_moves_each_mark_with_its_step, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(an_unchanged_step_keeps_its_line, setup, teardown),
		cmocka_unit_test_setup_teardown(a_renamed_step_gets_no_mark_and_is_said, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(a_title_the_runbook_has_twice_is_told_apart_by_its_section,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(a_title_the_runbook_has_twice_is_not_guessed, setup,
		    teardown),
		cmocka_unit_test(a_step_inserted_above_a_title_of_two_sections_moves_nothing),
		cmocka_unit_test(every_mark_not_placed_is_counted_and_named),
		cmocka_unit_test(a_mark_never_crosses_to_another_section_s_step),
		cmocka_unit_test(a_renamed_section_leaves_the_title_to_decide),
		cmocka_unit_test_setup_teardown(a_lost_tick_taken_back_is_not_said, setup, teardown),
		cmocka_unit_test_setup_teardown(another_runbook_s_marks_are_left_as_they_are, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(a_journal_with_no_titles_places_by_line, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(a_session_s_own_load_says_what_its_lines_meant,
		    setup, teardown),
		cmocka_unit_test(same_named_runbooks_keep_apart_and_an_old_bare_key_finds_neither),
		cmocka_unit_test_setup_teardown(a_key_written_beside_another_runbook_finds_its_path,
		    setup, teardown),
		cmocka_unit_test(a_post_mortem_places_on_the_last_load),
		cmocka_unit_test(an_alias_names_its_book_among_books_of_one_file_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
