/*
 * keygate.h — whether a key may act, given what the console shows. A
 * paste (the terminal's bracketed paste) is text for the open prompt or
 * dialog, never keys: its newlines never confirm and its letters never
 * run commands. Nothing acts on a screen too small to show it, and while
 * an action reads its host before its dialog opens, keys wait for that
 * dialog instead of landing on the screen behind it. Pure: the console
 * keeps the state and does what the verdict says.
 */
#ifndef WARROOM_KEYGATE_H
#define WARROOM_KEYGATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A paste arrives in one burst: a key this long after the last one ends
 * a paste whose end marker never came, so the keyboard is never lost. */
#define KEYGATE_PASTE_GAP_MS 1000

enum keygate_kind {
	KEYGATE_CHAR,                    /* a character (ch) */
	KEYGATE_KEYCODE,                 /* a function key, an arrow… */
	KEYGATE_PASTE_START,             /* the terminal's ESC[200~ */
	KEYGATE_PASTE_END,               /* … and its ESC[201~ */
};

/* Why a paste went nowhere (said when it ends). */
enum keygate_why {
	KEYGATE_WHY_NONE,
	KEYGATE_WHY_NO_PROMPT,           /* nothing takes text */
	KEYGATE_WHY_TOO_SMALL,           /* the prompt is not drawn */
	KEYGATE_WHY_PLANNING,            /* a dialog is about to open */
};

/* Kept between keys by the console. */
struct keygate {
	bool pasting;                    /* between a paste's start and end */
	enum keygate_why dropped;        /* this paste's text went nowhere: why */
	int64_t last_ms;                 /* when the last key came */
};

/* What the console shows as the key arrives. */
struct keygate_in {
	bool text_open;                  /* a prompt or a dialog takes typed text */
	bool main_screen;                /* nothing over the panes: the table's keys act */
	bool too_small;                  /* the terminal is below the minimum size */
	bool quit_question;              /* q's "Quit anyway? (y/N)" is open: every
	                                    key answers it (y quits, others stay) */
	bool planning;                   /* an action reads its host before its dialog */
	int64_t now_ms;                  /* a monotonic clock */
};

enum keygate_verdict {
	KEYGATE_ACT,                     /* handled as usual */
	KEYGATE_DROP,                    /* ignored, nothing said */
	KEYGATE_TYPE,                    /* a paste's character: insert *text as typed */
	KEYGATE_PASTE_IGNORED,           /* a paste ended with nowhere to go: say why
	                                    (st->dropped) */
	KEYGATE_WAIT_PLAN,               /* ignored: say the dialog is being planned */
	KEYGATE_CANCEL_PLAN,             /* Esc while planning: cancel it */
};

/* Whether a paste is going on at now_ms (its end marker not lost): its
 * bytes are text, never escape sequences to be read as keys. */
bool keygate_pasting(const struct keygate *st, int64_t now_ms);

/* The verdict for one key: kind, its character ch (KEYGATE_CHAR) and its
 * name ("Esc", "q", "Enter"; NULL when it has none). In a paste every
 * newline and tab becomes a space in *text and other controls are
 * dropped. A too-small screen lets only Esc and, on the main screen, the
 * quit key act, and any key while the quit question is open (its notice
 * says y quits). Planning lets only Esc act, which cancels the plan. */
enum keygate_verdict keygate(struct keygate *st, const struct keygate_in *in,
    enum keygate_kind kind, unsigned ch, const char *name, unsigned *text);

#endif
