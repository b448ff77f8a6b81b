/*
 * test_keyseq.c — escape sequences curses left as characters are one key
 * each: the keypad's SS3 codes are Enter and the characters they show; a
 * CSI sequence is its key or one unknown key; ESC and a key is Alt and
 * that key; a lone ESC is Esc once its wait is over; a sequence split
 * across reads is still one key. No letter of a sequence ever comes out
 * as a key of its own. Curses' own key names are made readable.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "warroom/keyseq.h"

/* What came out, written "<name>" for a named key and the character
 * itself for a character (CR for Enter, ESC for Esc, ^C for Ctrl-C). */
static void
show(const struct keyseq_key *k, size_t n, char *got, size_t cap)
{
	size_t i, len;

	for (i = 0; i < n; i++) {
		len = strlen(got);
		if (k[i].kind == KEYSEQ_NAMED)
			snprintf(got + len, cap - len, "<%s>", k[i].name);
		else if (k[i].ch == '\r')
			snprintf(got + len, cap - len, "CR");
		else if (k[i].ch == 27)
			snprintf(got + len, cap - len, "ESC");
		else if (k[i].ch < 0x20)
			snprintf(got + len, cap - len, "^%c", (char)(k[i].ch + 0x40));
		else
			snprintf(got + len, cap - len, "%c", (char)k[i].ch);
	}
}

/* Feed bytes arriving together at now_ms; what came out is appended to got. */
static void
feed(struct keyseq *ks, const char *bytes, int64_t now_ms, char *got, size_t cap)
{
	struct keyseq_key out[KEYSEQ_OUT_MAX];
	size_t i;

	for (i = 0; bytes[i] != '\0'; i++)
		show(out, keyseq_char(ks, (unsigned char)bytes[i], now_ms, out), got, cap);
}

/* bytes at once, then as if the wait were over: every key they make. */
static const char *
keys_of(const char *bytes)
{
	static char got[512];
	struct keyseq ks = { 0 };
	struct keyseq_key out[KEYSEQ_OUT_MAX];

	got[0] = '\0';
	feed(&ks, bytes, 1000, got, sizeof(got));
	show(out, keyseq_expire(&ks, 1000 + KEYSEQ_BODY_WAIT_MS, out), got, sizeof(got));
	assert_int_equal(keyseq_wait_ms(&ks, 5000), -1);
	return got;
}

static void
keypad_enter_is_enter_and_runs_no_letter(void **state)
{
	(void)state;
	/* TERM=tmux-256color has no kent: keypad Enter arrives as ESC O M,
	 * which once was Esc (closing the dialog), O, then M (migration). */
	assert_string_equal(keys_of("\033OM"), "CR");
	assert_string_equal(keys_of("api\033OM"), "apiCR");
}

static void
keypad_digits_and_operators_are_what_they_show(void **state)
{
	(void)state;
	assert_string_equal(keys_of("\033Oq\033Or\033Op\033Oy\033Ox"), "12098");
	assert_string_equal(keys_of("\033Ok\033Om\033Oj\033Oo\033On\033Ol\033OX"), "+-*/.,=");
	assert_string_equal(keys_of("\033OI"), "^I");
}

static void
csi_keys_are_named(void **state)
{
	(void)state;
	assert_string_equal(keys_of("\033[A\033[B\033OC\033OD"), "<Up><Down><Right><Left>");
	assert_string_equal(keys_of("\033[1~\033[4~\033[7~\033[8~\033[H\033OF"),
	    "<Home><End><Home><End><Home><End>");
	assert_string_equal(keys_of("\033[5~\033[6~\033[2~\033[3~"),
	    "<PgUp><PgDn><Insert><Delete>");
	assert_string_equal(keys_of("\033[1;5A\033[1;2B\033[1;5D\033[1;5H\033[5;5~\033[1;3C"),
	    "<C-Up><S-Down><C-Left><C-Home><C-PgUp><M-Right>");
	assert_string_equal(keys_of("\033[1;6A\033[1;8B"), "<C-S-Up><C-M-S-Down>");
	/* Shift-Tab as TERM=linux and vt100 do not list it. */
	assert_string_equal(keys_of("\033[Z"), "<S-Tab>");
	assert_string_equal(keys_of("\033OP\033[15~\033[24~\033[1;2P\033[15;5~\033O2Q"),
	    "<F1><F5><F12><S-F1><C-F5><S-F2>");
	/* The Linux console's own F1–F5. */
	assert_string_equal(keys_of("\033[[A\033[[E"), "<F1><F5>");
	assert_string_equal(keys_of("\033[200~\033[201~"), "<PasteStart><PasteEnd>");
	/* xterm's modifyOtherKeys: a modified character is a name, never it. */
	assert_string_equal(keys_of("\033[27;5;114~"), "<C-r>");
}

static void
unknown_sequence_is_one_key_and_then_keys_are_keys_again(void **state)
{
	char longer[128];

	(void)state;
	assert_string_equal(keys_of("\033[9X"), "<unknown key ESC [9X>");
	assert_string_equal(keys_of("\033[?1;2c"), "<unknown key ESC [?1;2c>");
	assert_string_equal(keys_of("\033[1;5z"), "<unknown key ESC [1;5z>");
	assert_string_equal(keys_of("\033OZq"), "<unknown key ESC OZ>q");
	assert_string_equal(keys_of("\033[99~A"), "<unknown key ESC [99~>A");
	/* Longer than it keeps: still one key, marked cut, and what follows
	 * is a key again. */
	snprintf(longer, sizeof(longer), "\033[%s;%sAq", "1111111111111111111111111111",
	    "22222222222");
	assert_string_equal(keys_of(longer),
	    "<unknown key ESC [1111111111111111111111\xe2\x80\xa6>q");
}

static void
alt_and_a_key_is_one_alt_key(void **state)
{
	(void)state;
	assert_string_equal(keys_of("\033r\0334\033b\033f\033d"), "<M-r><M-4><M-b><M-f><M-d>");
	assert_string_equal(keys_of("\033\177\033\010\033\r\033 \033\001"),
	    "<M-Backspace><M-Backspace><M-Enter><M-Space><M-C-a>");
	/* Esc twice is Esc twice, however fast: Esc always cancels. */
	assert_string_equal(keys_of("\033\033"), "ESCESC");
	assert_string_equal(keys_of("\033\033\033[A"), "ESCESC<Up>");
}

static void
lone_esc_is_esc_once_its_wait_is_over(void **state)
{
	struct keyseq ks = { 0 };
	struct keyseq_key out[KEYSEQ_OUT_MAX];
	char got[64] = "";

	(void)state;
	feed(&ks, "\033", 1000, got, sizeof(got));
	assert_string_equal(got, "");
	assert_int_equal(keyseq_wait_ms(&ks, 1000), KEYSEQ_ESC_WAIT_MS);
	assert_int_equal(keyseq_expire(&ks, 1000 + KEYSEQ_ESC_WAIT_MS - 1, out), 0);
	show(out, keyseq_expire(&ks, 1000 + KEYSEQ_ESC_WAIT_MS, out), got, sizeof(got));
	assert_string_equal(got, "ESC");
	assert_int_equal(keyseq_wait_ms(&ks, 2000), -1);
	/* A key long after an ESC nobody expired: Esc, then the key. */
	got[0] = '\0';
	feed(&ks, "\033", 3000, got, sizeof(got));
	feed(&ks, "r", 3000 + KEYSEQ_ESC_WAIT_MS, got, sizeof(got));
	assert_string_equal(got, "ESCr");
	/* Curses has nothing more: it has waited for what follows an ESC
	 * already, so a lone ESC is Esc at once and a key after it is itself;
	 * a begun sequence goes on waiting. */
	got[0] = '\0';
	feed(&ks, "\033", 3500, got, sizeof(got));
	show(out, keyseq_idle(&ks, out), got, sizeof(got));
	feed(&ks, "r", 3501, got, sizeof(got));
	feed(&ks, "\033[", 3502, got, sizeof(got));
	assert_int_equal(keyseq_idle(&ks, out), 0);
	feed(&ks, "A", 3550, got, sizeof(got));
	assert_string_equal(got, "ESCr<Up>");
	/* ESC [ and ESC O with nothing after them: Alt-[ and Alt-O. */
	assert_string_equal(keys_of("\033["), "<M-[>");
	assert_string_equal(keys_of("\033O"), "<M-O>");
	/* Flushed at once, whatever is pending. */
	feed(&ks, "\033", 4000, got, sizeof(got));
	assert_int_equal(keyseq_flush(&ks, out), 1);
	assert_int_equal(out[0].kind, KEYSEQ_CHAR);
	assert_int_equal(out[0].ch, 27);
	assert_int_equal(keyseq_flush(&ks, out), 0);
}

static void
sequence_split_across_reads_is_one_key(void **state)
{
	struct keyseq ks = { 0 };
	struct keyseq_key out[KEYSEQ_OUT_MAX];
	char got[128] = "";

	(void)state;
	feed(&ks, "\033[1;", 1000, got, sizeof(got));
	assert_string_equal(got, "");
	assert_int_equal(keyseq_wait_ms(&ks, 1050), KEYSEQ_BODY_WAIT_MS - 50);
	assert_int_equal(keyseq_expire(&ks, 1050, out), 0);
	feed(&ks, "5A", 1050, got, sizeof(got));
	assert_string_equal(got, "<C-Up>");
	/* Byte by byte, each within the wait of the one before. */
	got[0] = '\0';
	feed(&ks, "\033", 2000, got, sizeof(got));
	feed(&ks, "O", 2020, got, sizeof(got));
	feed(&ks, "M", 2110, got, sizeof(got));
	assert_string_equal(got, "CR");
	/* Cut short by silence: one unknown key, said once. */
	got[0] = '\0';
	feed(&ks, "\033[1;", 3000, got, sizeof(got));
	show(out, keyseq_expire(&ks, 3000 + KEYSEQ_BODY_WAIT_MS, out), got, sizeof(got));
	assert_string_equal(got, "<unknown key ESC [1;>");
}

static void
a_byte_that_cannot_be_in_a_sequence_ends_it_and_is_itself(void **state)
{
	(void)state;
	assert_string_equal(keys_of("\033[1\r"), "<unknown key ESC [1>CR");
	assert_string_equal(keys_of("\033O\r"), "<M-O>CR");
	assert_string_equal(keys_of("\033[1\033[A"), "<unknown key ESC [1><Up>");
	/* Ctrl-C always interrupts: never swallowed by a sequence. */
	assert_string_equal(keys_of("\033[1\003"), "<unknown key ESC [1>^C");
	assert_string_equal(keys_of("\033\003"), "ESC^C");
	assert_string_equal(keys_of("\033\034"), "ESC^\\");
}

static void
plain_text_passes_as_it_is(void **state)
{
	struct keyseq ks = { 0 };
	struct keyseq_key out[KEYSEQ_OUT_MAX];

	(void)state;
	assert_string_equal(keys_of("q1r[O]M"), "q1r[O]M");
	assert_int_equal(keyseq_char(&ks, 0x1f600, 1, out), 1);
	assert_int_equal(out[0].kind, KEYSEQ_CHAR);
	assert_int_equal(out[0].ch, 0x1f600);
	assert_int_equal(keyseq_char(&ks, 0x1b, 1, out), 0);
	assert_int_equal(keyseq_char(&ks, 0xe9, 2, out), 1);
	assert_string_equal(out[0].name, "M-\xc3\xa9");
}

static void
a_key_curses_named_after_esc_is_alt_that_key(void **state)
{
	struct keyseq ks = { 0 };
	struct keyseq_key out[KEYSEQ_OUT_MAX];
	char got[128] = "";

	(void)state;
	show(out, keyseq_named(&ks, "Up", 1000, out), got, sizeof(got));
	feed(&ks, "\033", 1000, got, sizeof(got));
	show(out, keyseq_named(&ks, "Up", 1000, out), got, sizeof(got));
	feed(&ks, "\033[1", 1000, got, sizeof(got));
	show(out, keyseq_named(&ks, "Down", 1000, out), got, sizeof(got));
	feed(&ks, "\033", 2000, got, sizeof(got));
	show(out, keyseq_named(&ks, "Down", 3000, out), got, sizeof(got));
	assert_string_equal(got, "<Up><M-Up><unknown key ESC [1><Down>ESC<Down>");
}

/* curses' name for a key, as the footer says it. */
static const char *
curses_says(const char *kn)
{
	static char got[64];
	struct keyseq_key k;

	got[0] = '\0';
	keyseq_curses(kn, &k);
	show(&k, 1, got, sizeof(got));
	return got;
}

static void
curses_names_are_made_readable(void **state)
{
	(void)state;
	assert_string_equal(curses_says("kUP5"), "<C-Up>");
	assert_string_equal(curses_says("KEY_SF"), "<S-Down>");
	assert_string_equal(curses_says("KEY_SR"), "<S-Up>");
	assert_string_equal(curses_says("kLFT5"), "<C-Left>");
	assert_string_equal(curses_says("kHOM5"), "<C-Home>");
	assert_string_equal(curses_says("kRIT3"), "<M-Right>");
	assert_string_equal(curses_says("kUP6"), "<C-S-Up>");
	assert_string_equal(curses_says("kDN"), "<S-Down>");
	assert_string_equal(curses_says("kDC5"), "<C-Delete>");
	assert_string_equal(curses_says("KEY_SLEFT"), "<S-Left>");
	assert_string_equal(curses_says("KEY_F(5)"), "<F5>");
	assert_string_equal(curses_says("KEY_F(13)"), "<S-F1>");
	assert_string_equal(curses_says("KEY_F(25)"), "<C-F1>");
	assert_string_equal(curses_says("KEY_F(50)"), "<M-F2>");
	assert_string_equal(curses_says("kcbt2"), "<S-Tab>");
	assert_string_equal(curses_says("KEY_BTAB"), "<S-Tab>");
	assert_string_equal(curses_says("KEY_SUSPEND"), "<Suspend>");
	assert_string_equal(curses_says(NULL), "<an unknown key>");
	/* The keypad where terminfo names it (TERM=xterm-256color). */
	assert_string_equal(curses_says("KEY_C1"), "1");
	assert_string_equal(curses_says("KEY_A1"), "7");
	assert_string_equal(curses_says("kc2"), "2");
	assert_string_equal(curses_says("kpADD"), "+");
	assert_string_equal(curses_says("kpZRO"), "0");
	assert_string_equal(curses_says("KEY_ENTER"), "CR");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keypad_enter_is_enter_and_runs_no_letter),
		cmocka_unit_test(keypad_digits_and_operators_are_what_they_show),
		cmocka_unit_test(csi_keys_are_named),
		cmocka_unit_test(unknown_sequence_is_one_key_and_then_keys_are_keys_again),
		cmocka_unit_test(alt_and_a_key_is_one_alt_key),
		cmocka_unit_test(lone_esc_is_esc_once_its_wait_is_over),
		cmocka_unit_test(sequence_split_across_reads_is_one_key),
		cmocka_unit_test(a_byte_that_cannot_be_in_a_sequence_ends_it_and_is_itself),
		cmocka_unit_test(plain_text_passes_as_it_is),
		cmocka_unit_test(a_key_curses_named_after_esc_is_alt_that_key),
		cmocka_unit_test(curses_names_are_made_readable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
