/*
 * test_keygate.c — which keys may act: a paste is text for the open
 * prompt or dialog (newlines as spaces, never an Enter, never a command)
 * or dropped with why; a too-small screen lets only Esc and q act (and
 * any key answer the quit question its notice asks);
 * planning lets only Esc act, to cancel.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/keygate.h"

static const struct keygate_in main_screen = { .main_screen = true, .now_ms = 1000 };
static const struct keygate_in prompt_open = { .text_open = true, .now_ms = 1000 };

/* The verdict for a plain character (its name as keys_name gives it). */
static enum keygate_verdict
char_key(struct keygate *st, const struct keygate_in *in, unsigned ch, unsigned *text)
{
	char name[2] = { (char)ch, '\0' };

	return keygate(st, in, KEYGATE_CHAR, ch, ch == '\r' ? "Enter" : ch == 27 ? "Esc" : name,
	    text);
}

static void
paste_into_a_prompt_is_text_with_newlines_as_spaces(void **state)
{
	struct keygate st = { 0 };
	const char *paste = "ok\r\nn\te";
	const char *want = "ok  n e";
	unsigned text = 0;
	size_t i;

	assert_int_equal(keygate(&st, &prompt_open, KEYGATE_PASTE_START, 0, NULL, &text),
	    KEYGATE_DROP);
	for (i = 0; paste[i] != '\0'; i++) {
		assert_int_equal(char_key(&st, &prompt_open, (unsigned char)paste[i], &text),
		    KEYGATE_TYPE);
		assert_int_equal(text, (unsigned char)want[i]);
	}
	/* Other controls and keys (an arrow in the pasted bytes) are nothing. */
	assert_int_equal(char_key(&st, &prompt_open, 27, &text), KEYGATE_DROP);
	assert_int_equal(char_key(&st, &prompt_open, 3, &text), KEYGATE_DROP);
	assert_int_equal(keygate(&st, &prompt_open, KEYGATE_KEYCODE, 0403, "Up", &text),
	    KEYGATE_DROP);
	assert_int_equal(keygate(&st, &prompt_open, KEYGATE_CHAR, 0xe9, "é", &text), KEYGATE_TYPE);
	assert_int_equal(text, 0xe9);
	assert_int_equal(keygate(&st, &prompt_open, KEYGATE_PASTE_END, 0, NULL, &text),
	    KEYGATE_DROP);
	/* After it, Enter is Enter again. */
	assert_int_equal(char_key(&st, &prompt_open, '\r', &text), KEYGATE_ACT);
}

static void
paste_with_no_prompt_runs_no_key_and_says_so_at_its_end(void **state)
{
	struct keygate st = { 0 };
	const char *paste = "o\nn\ner\n";
	unsigned text;
	size_t i;

	keygate(&st, &main_screen, KEYGATE_PASTE_START, 0, NULL, &text);
	for (i = 0; paste[i] != '\0'; i++)
		assert_int_equal(char_key(&st, &main_screen, (unsigned char)paste[i], &text),
		    KEYGATE_DROP);
	assert_int_equal(keygate(&st, &main_screen, KEYGATE_PASTE_END, 0, NULL, &text),
	    KEYGATE_PASTE_IGNORED);
	assert_int_equal(st.dropped, KEYGATE_WHY_NO_PROMPT);
	assert_int_equal(char_key(&st, &main_screen, 'o', &text), KEYGATE_ACT);
	/* An end with no start is nothing. */
	assert_int_equal(keygate(&st, &main_screen, KEYGATE_PASTE_END, 0, NULL, &text),
	    KEYGATE_DROP);
}

static void
paste_into_an_unseen_prompt_or_while_planning_goes_nowhere(void **state)
{
	struct keygate_in small = prompt_open, planning = prompt_open;
	struct keygate st = { 0 };
	unsigned text;

	small.too_small = true;
	keygate(&st, &small, KEYGATE_PASTE_START, 0, NULL, &text);
	assert_int_equal(char_key(&st, &small, 'a', &text), KEYGATE_DROP);
	assert_int_equal(keygate(&st, &small, KEYGATE_PASTE_END, 0, NULL, &text),
	    KEYGATE_PASTE_IGNORED);
	assert_int_equal(st.dropped, KEYGATE_WHY_TOO_SMALL);

	planning.planning = true;
	keygate(&st, &planning, KEYGATE_PASTE_START, 0, NULL, &text);
	assert_int_equal(char_key(&st, &planning, 'a', &text), KEYGATE_DROP);
	assert_int_equal(keygate(&st, &planning, KEYGATE_PASTE_END, 0, NULL, &text),
	    KEYGATE_PASTE_IGNORED);
	assert_int_equal(st.dropped, KEYGATE_WHY_PLANNING);
}

static void
a_paste_whose_end_never_came_ends_at_a_pause(void **state)
{
	struct keygate_in later = prompt_open;
	struct keygate st = { 0 };
	unsigned text;

	assert_false(keygate_pasting(&st, prompt_open.now_ms));
	keygate(&st, &prompt_open, KEYGATE_PASTE_START, 0, NULL, &text);
	assert_int_equal(char_key(&st, &prompt_open, '\r', &text), KEYGATE_TYPE);
	/* Pasting as long as it goes on (its bytes are not read as keys)… */
	assert_true(keygate_pasting(&st, prompt_open.now_ms + KEYGATE_PASTE_GAP_MS));
	later.now_ms += KEYGATE_PASTE_GAP_MS + 1;
	/* … and no longer after the pause, before any key says so. */
	assert_false(keygate_pasting(&st, later.now_ms));
	assert_int_equal(char_key(&st, &later, 27, &text), KEYGATE_ACT);
	assert_false(st.pasting);
}

static void
too_small_lets_only_esc_and_quit_act(void **state)
{
	struct keygate_in in = { .too_small = true, .text_open = true, .now_ms = 1 };
	struct keygate st = { 0 };
	unsigned text;

	/* A dialog or prompt nobody can see: Enter and typing do nothing. */
	assert_int_equal(char_key(&st, &in, '\r', &text), KEYGATE_DROP);
	assert_int_equal(char_key(&st, &in, 'i', &text), KEYGATE_DROP);
	assert_int_equal(char_key(&st, &in, 'q', &text), KEYGATE_DROP);
	assert_int_equal(keygate(&st, &in, KEYGATE_KEYCODE, 0, "Down", &text), KEYGATE_DROP);
	assert_int_equal(char_key(&st, &in, 27, &text), KEYGATE_ACT);
	/* The main screen: q still quits (asking while an action runs), no
	 * other key acts unseen. */
	in.text_open = false;
	in.main_screen = true;
	assert_int_equal(char_key(&st, &in, 'q', &text), KEYGATE_ACT);
	assert_int_equal(char_key(&st, &in, 'r', &text), KEYGATE_DROP);
	assert_int_equal(char_key(&st, &in, 'o', &text), KEYGATE_DROP);
	assert_int_equal(char_key(&st, &in, '\r', &text), KEYGATE_DROP);
	/* Something else open (help, a detail): y acts on nothing unseen. */
	in.main_screen = false;
	assert_int_equal(char_key(&st, &in, 'y', &text), KEYGATE_DROP);
	assert_int_equal(char_key(&st, &in, 27, &text), KEYGATE_ACT);
}

/* q at 70x20 with an action running opened a question nobody could
 * see, and y was ignored. The notice now asks it (toosmall.h): y quits,
 * any other key answers no. */
static void
too_small_quit_question_takes_every_key(void **state)
{
	struct keygate_in in = { .too_small = true, .quit_question = true, .now_ms = 1 };
	struct keygate st = { 0 };
	unsigned text;

	assert_int_equal(char_key(&st, &in, 'y', &text), KEYGATE_ACT);
	assert_int_equal(char_key(&st, &in, 'n', &text), KEYGATE_ACT);
	assert_int_equal(char_key(&st, &in, '\r', &text), KEYGATE_ACT);
	assert_int_equal(char_key(&st, &in, 27, &text), KEYGATE_ACT);
	/* A paste is still no answer. */
	assert_int_equal(keygate(&st, &in, KEYGATE_PASTE_START, 0, NULL, &text), KEYGATE_DROP);
	assert_int_equal(char_key(&st, &in, 'y', &text), KEYGATE_DROP);
}

static void
keys_wait_while_a_dialog_is_planned(void **state)
{
	struct keygate_in in = main_screen;
	struct keygate st = { 0 };
	const char *burst = "jobs\rSq";
	unsigned text;
	size_t i;

	in.planning = true;
	for (i = 0; burst[i] != '\0'; i++)
		assert_int_equal(char_key(&st, &in, (unsigned char)burst[i], &text),
		    KEYGATE_WAIT_PLAN);
	assert_int_equal(keygate(&st, &in, KEYGATE_KEYCODE, 0, "Down", &text), KEYGATE_WAIT_PLAN);
	assert_int_equal(char_key(&st, &in, 27, &text), KEYGATE_CANCEL_PLAN);
	in.planning = false;
	assert_int_equal(char_key(&st, &in, 'j', &text), KEYGATE_ACT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paste_into_a_prompt_is_text_with_newlines_as_spaces),
		cmocka_unit_test(paste_with_no_prompt_runs_no_key_and_says_so_at_its_end),
		cmocka_unit_test(paste_into_an_unseen_prompt_or_while_planning_goes_nowhere),
		cmocka_unit_test(a_paste_whose_end_never_came_ends_at_a_pause),
		cmocka_unit_test(too_small_lets_only_esc_and_quit_act),
		cmocka_unit_test(too_small_quit_question_takes_every_key),
		cmocka_unit_test(keys_wait_while_a_dialog_is_planned),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
