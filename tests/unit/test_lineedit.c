/*
 * test_lineedit.c — the note editor's text: UTF-8 stays whole under
 * cursor moves, deletes, Ctrl-U and the Alt keys' word moves and kills; controls are refused; a hidden prompt
 * shows one bullet per character and nothing of the text; a typed
 * confirmation sets aside the spaces at its ends (a paste's newline).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/lineedit.h"

static void
type(struct lineedit *le, const unsigned int *cps, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		assert_true(lineedit_insert(le, cps[i]));
}

static void
insert_and_move_over_multibyte(void **state)
{
	struct lineedit le;
	const unsigned int word[] = { 'a', 0xe9, 0x1f525, 'z' };   /* a é 🔥 z */

	lineedit_clear(&le);
	type(&le, word, 4);
	assert_string_equal(le.text, "a\xc3\xa9\xf0\x9f\x94\xa5z");
	lineedit_left(&le);
	lineedit_left(&le);
	assert_int_equal(le.cursor, 3);
	lineedit_backspace(&le);                 /* removes é whole */
	assert_string_equal(le.text, "a\xf0\x9f\x94\xa5z");
	lineedit_delete(&le);                    /* removes 🔥 whole */
	assert_string_equal(le.text, "az");
	lineedit_insert(&le, '-');
	assert_string_equal(le.text, "a-z");
}

static void
home_end_and_kill(void **state)
{
	struct lineedit le;
	const unsigned int w[] = { 'r', 'o', 'l', 'l' };

	lineedit_clear(&le);
	type(&le, w, 4);
	lineedit_home(&le);
	lineedit_insert(&le, '>');
	lineedit_end(&le);
	assert_int_equal(le.cursor, le.len);
	lineedit_left(&le);
	lineedit_kill_to_start(&le);
	assert_string_equal(le.text, "l");
	assert_int_equal(le.cursor, 0);
	lineedit_backspace(&le);                 /* at the start: nothing */
	assert_string_equal(le.text, "l");
	lineedit_end(&le);
	lineedit_delete(&le);                    /* at the end: nothing */
	assert_string_equal(le.text, "l");
}

static void
words_move_and_go_whole(void **state)
{
	struct lineedit le;

	(void)state;
	assert_true(lineedit_set(&le, "rollback api-1 caf\xc3\xa9  now"));
	lineedit_word_left(&le);                 /* to "now" */
	assert_int_equal(le.cursor, strlen("rollback api-1 caf\xc3\xa9  "));
	lineedit_word_left(&le);                 /* over the spaces to "café" */
	assert_int_equal(le.cursor, strlen("rollback api-1 "));
	lineedit_word_left(&le);                 /* "1" of "api-1" */
	assert_int_equal(le.cursor, strlen("rollback api-"));
	lineedit_word_right(&le);
	assert_int_equal(le.cursor, strlen("rollback api-1"));
	lineedit_word_right(&le);                /* past "café", é whole */
	assert_int_equal(le.cursor, strlen("rollback api-1 caf\xc3\xa9"));
	lineedit_kill_word_back(&le);
	assert_string_equal(le.text, "rollback api-1   now");
	lineedit_kill_word_forward(&le);
	assert_string_equal(le.text, "rollback api-1 ");
	lineedit_kill_word_forward(&le);         /* nothing after: nothing goes */
	assert_string_equal(le.text, "rollback api-1 ");
	lineedit_home(&le);
	lineedit_kill_word_back(&le);            /* nothing before */
	lineedit_word_left(&le);
	assert_int_equal(le.cursor, 0);
	lineedit_kill_word_forward(&le);
	assert_string_equal(le.text, " api-1 ");
	lineedit_end(&le);
	lineedit_kill_word_back(&le);            /* "1" and the space after it */
	assert_string_equal(le.text, " api-");
	lineedit_kill_word_back(&le);
	assert_string_equal(le.text, " ");
	lineedit_kill_word_back(&le);
	assert_string_equal(le.text, "");
	assert_int_equal(le.cursor, 0);
}

static void
controls_and_overflow_are_refused(void **state)
{
	struct lineedit le;
	size_t i;

	lineedit_clear(&le);
	assert_false(lineedit_insert(&le, 0x1b));
	assert_false(lineedit_insert(&le, 0x9b));
	assert_false(lineedit_insert(&le, 0xd800));
	assert_false(lineedit_insert(&le, 0x110000));
	for (i = 0; i < LINEEDIT_MAX; i++)
		lineedit_insert(&le, 'x');
	assert_int_equal(le.len, LINEEDIT_MAX - 1);
	assert_int_equal(strlen(le.text), LINEEDIT_MAX - 1);
}

/* A prefilled text (the status page's) arrives editable and clean. */
static void
set_prefills_cleanly(void **state)
{
	struct lineedit le;
	char big[LINEEDIT_MAX + 10];

	(void)state;
	assert_true(lineedit_set(&le, "Rolling back api — ünï ✓"));
	assert_string_equal(le.text, "Rolling back api — ünï ✓");
	assert_int_equal(le.cursor, le.len);
	lineedit_backspace(&le);
	assert_string_equal(le.text, "Rolling back api — ünï ");
	/* Controls become spaces; broken, overlong and surrogate bytes U+FFFD. */
	assert_true(lineedit_set(&le, "a\tb\nc\x1b[2Jd"));
	assert_string_equal(le.text, "a b c [2Jd");
	assert_true(lineedit_set(&le, "x\xc3y\xc0\xafz\xed\xa0\x80"));
	assert_string_equal(le.text, "x\xef\xbf\xbdy\xef\xbf\xbdz\xef\xbf\xbd");
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_false(lineedit_set(&le, big));
	assert_int_equal(le.len, LINEEDIT_MAX - 1);
}

/* A secret typed: as many bullets as characters (a multibyte one is one),
 * the cursor's column counted in them, the text itself nowhere. */
static void
masked_shows_only_the_length(void **state)
{
	struct lineedit le;
	const unsigned int pw[] = { 'h', 'u', 0xe9, 't', '2' };
	char out[64], tiny[8];
	size_t col;

	(void)state;
	lineedit_clear(&le);
	lineedit_masked(&le, out, sizeof(out), &col);
	assert_string_equal(out, "");
	assert_int_equal(col, 0);
	type(&le, pw, 5);
	lineedit_masked(&le, out, sizeof(out), &col);
	assert_string_equal(out, "\u2022\u2022\u2022\u2022\u2022");
	assert_int_equal(col, 5);
	assert_null(strstr(out, "hu"));
	lineedit_left(&le);
	lineedit_left(&le);
	lineedit_masked(&le, out, sizeof(out), &col);
	assert_int_equal(col, 3);
	/* Cut at a whole bullet, never half of one. */
	lineedit_masked(&le, tiny, sizeof(tiny), &col);
	assert_string_equal(tiny, "\u2022\u2022");
}

/* A paste's newline arrives as a space: "arm " is arm, as the field
 * shows; anything else still is not. */
static void
typed_confirmations_set_the_ends_aside(void **state)
{
	struct lineedit le;
	const unsigned int pasted[] = { 'a', 'r', 'm', ' ' };

	(void)state;
	lineedit_clear(&le);
	type(&le, pasted, 4);
	assert_string_equal(le.text, "arm ");
	assert_true(lineedit_typed_is(le.text, "arm"));
	assert_true(lineedit_typed_is("arm", "arm"));
	assert_true(lineedit_typed_is(" \tapi  ", "api"));
	assert_true(lineedit_typed_is("api-1 ", "api-1"));
	assert_false(lineedit_typed_is("ar m", "arm"));
	assert_false(lineedit_typed_is("arms", "arm"));
	assert_false(lineedit_typed_is("ar", "arm"));
	assert_false(lineedit_typed_is("Arm", "arm"));
	assert_false(lineedit_typed_is("api jobs", "api"));
	/* Nothing typed confirms nothing, not even an empty word. */
	assert_false(lineedit_typed_is("  ", "arm"));
	assert_false(lineedit_typed_is("", ""));
}

/* A refused pattern comes back with the cursor at pcre2's offset, never
 * inside a character, and at the end when the offset is past it. */
static void
cursor_goes_to_a_byte_offset(void **state)
{
	struct lineedit le;

	(void)state;
	assert_true(lineedit_set(&le, "st(é]x"));
	lineedit_cursor_to(&le, 2);
	assert_int_equal(le.cursor, 2);
	lineedit_cursor_to(&le, 4);           /* inside é (bytes 3 and 4) */
	assert_int_equal(le.cursor, 3);
	lineedit_cursor_to(&le, 99);
	assert_int_equal(le.cursor, le.len);
	assert_true(lineedit_insert(&le, ')'));
	assert_string_equal(le.text, "st(é]x)");
	lineedit_cursor_to(&le, 0);
	assert_int_equal(le.cursor, 0);
}

/* A question too wide for the footer's row goes above it whole; the row
 * typed on keeps its words before the choices, or a bare "> ". */
static void
long_question_splits_into_context_and_label(void **state)
{
	char ctx[128], label[64];

	(void)state;
	lineedit_question_split("status page (investigating/identified/monitoring/resolved): ",
	    ctx, sizeof(ctx), label, sizeof(label));
	assert_string_equal(ctx, "status page (investigating/identified/monitoring/resolved):");
	assert_string_equal(label, "status page: ");
	lineedit_question_split("HOSTS: rows whose host, service or address has: ", ctx,
	    sizeof(ctx), label, sizeof(label));
	assert_string_equal(ctx, "HOSTS: rows whose host, service or address has:");
	assert_string_equal(label, "> ");
	lineedit_question_split("filter /", ctx, sizeof(ctx), label, sizeof(label));
	assert_string_equal(ctx, "filter /");
	assert_string_equal(label, "> ");
	/* Small buffers: cut, never overrun. */
	lineedit_question_split("status page (x): ", ctx, 5, label, 4);
	assert_string_equal(ctx, "stat");
	assert_string_equal(label, "> ");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(insert_and_move_over_multibyte),
		cmocka_unit_test(home_end_and_kill),
		cmocka_unit_test(words_move_and_go_whole),
		cmocka_unit_test(controls_and_overflow_are_refused),
		cmocka_unit_test(set_prefills_cleanly),
		cmocka_unit_test(masked_shows_only_the_length),
		cmocka_unit_test(typed_confirmations_set_the_ends_aside),
		cmocka_unit_test(cursor_goes_to_a_byte_offset),
		cmocka_unit_test(long_question_splits_into_context_and_label),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
