/*
 * keyseq.h — the keys in what the terminal sends that curses did not turn
 * into a key code of its own. A terminfo entry without kent (tmux-256color,
 * screen) leaves the keypad's ESC O M to arrive as ESC, O and M; a
 * modified arrow a terminfo entry does not list arrives as ESC [ 1 ; 5 A;
 * Alt-r arrives as ESC r. Read one character at a time, each of those
 * would run a key (Esc closing a dialog, M opening another). Here a whole
 * sequence is one key: a known one by its name ("Up", "S-Tab", "C-Up",
 * "M-r"), the keypad's SS3 codes as the characters they show, anything
 * else one unknown key ("unknown key ESC [9X") that no command is bound
 * to. Curses' own names for the key codes it does know ("kUP5", "KEY_SF")
 * are made readable the same way. Pure: the console passes the clock.
 */
#ifndef WARROOM_KEYSEQ_H
#define WARROOM_KEYSEQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An ESC with nothing after it this long is the Esc key (keyseq_idle
 * says so sooner: curses has already waited its ESCDELAY for what
 * follows). */
#define KEYSEQ_ESC_WAIT_MS 25
/* A begun sequence (ESC [ or ESC O …) waits this long for its next byte:
 * a slow link may split it, and no typist follows ESC [ this fast. */
#define KEYSEQ_BODY_WAIT_MS 100
/* At most this many keys come out of one call. */
#define KEYSEQ_OUT_MAX 2
#define KEYSEQ_NAME_MAX 48

enum keyseq_kind {
	KEYSEQ_CHAR,                     /* a character (ch): typed text, Enter (\r), Esc (27) */
	KEYSEQ_NAMED,                    /* a key by its name (name) */
};

struct keyseq_key {
	enum keyseq_kind kind;
	unsigned ch;                     /* KEYSEQ_CHAR: the character */
	char name[KEYSEQ_NAME_MAX];      /* KEYSEQ_NAMED: "Up", "C-Up", "M-r",
	                                    "PasteStart", "unknown key ESC [9X" */
};

/* A sequence begun and not yet ended, kept between keys by the console
 * (all zero: nothing pending). */
struct keyseq {
	char buf[24];                    /* the pending bytes, ESC first */
	size_t len;
	bool overflow;                   /* longer than buf: swallowed to its end */
	int64_t last_ms;                 /* when its last byte came */
};

/* One character as curses gave it, at now_ms. Writes the keys it ends
 * into out and returns how many (0 while a sequence goes on). Ctrl-C,
 * Ctrl-\ and a second ESC never join a sequence: they always arrive as
 * themselves (Esc always cancels). */
size_t keyseq_char(struct keyseq *ks, unsigned ch, int64_t now_ms,
    struct keyseq_key out[KEYSEQ_OUT_MAX]);

/* A key curses named (readable: keyseq_curses), at now_ms: after a lone
 * ESC it is that key with Alt ("M-Up"); any other pending sequence ends
 * first as what it was. Returns the keys written to out. */
size_t keyseq_named(struct keyseq *ks, const char *name, int64_t now_ms,
    struct keyseq_key out[KEYSEQ_OUT_MAX]);

/* Curses has nothing more buffered: it waited its ESCDELAY after an ESC
 * and nothing came, so a lone ESC is Esc now (a key typed later is not
 * Alt and that key). A begun ESC [ or ESC O goes on waiting (a slow link
 * may split it). Returns the keys written to out (0 or 1). */
size_t keyseq_idle(struct keyseq *ks, struct keyseq_key out[KEYSEQ_OUT_MAX]);

/* How long until the pending sequence ends by itself (keyseq_expire);
 * -1 when nothing is pending. */
int64_t keyseq_wait_ms(const struct keyseq *ks, int64_t now_ms);

/* End the pending sequence if nothing came for its wait (a lone ESC is
 * Esc, ESC [ is M-[, a cut one is an unknown key); returns the keys
 * written to out (0 or 1). */
size_t keyseq_expire(struct keyseq *ks, int64_t now_ms, struct keyseq_key out[KEYSEQ_OUT_MAX]);

/* End the pending sequence now, whatever its wait; 0 or 1 keys. */
size_t keyseq_flush(struct keyseq *ks, struct keyseq_key out[KEYSEQ_OUT_MAX]);

/* A key code's readable name from curses' name for it (keyname()):
 * "kUP5" is C-Up, "KEY_SF" S-Down, "KEY_F(13)" S-F1 (xterm's numbering),
 * "kcbt2" S-Tab; the keypad's "KEY_C1" or "kpADD" is the character it
 * shows ('1', '+'). NULL is "an unknown key". */
void keyseq_curses(const char *curses_name, struct keyseq_key *out);

#endif
