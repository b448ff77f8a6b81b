/*
 * lineedit.h — a one-line UTF-8 text editor's state, without a screen:
 * insert, delete, move by character or word, Home/End, kill. The note prompt
 * draws it; tests drive it directly.
 */
#ifndef WARROOM_LINEEDIT_H
#define WARROOM_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

#define LINEEDIT_MAX 1024

struct lineedit {
	char text[LINEEDIT_MAX];         /* always valid UTF-8, NUL-terminated */
	size_t len;
	size_t cursor;                   /* byte offset, on a character boundary */
};

void lineedit_clear(struct lineedit *le);

/* Insert one Unicode character at the cursor; false when it does not fit
 * or is a control character. */
bool lineedit_insert(struct lineedit *le, unsigned int codepoint);

/* Delete the character before (backspace) or at (delete) the cursor. */
void lineedit_backspace(struct lineedit *le);
void lineedit_delete(struct lineedit *le);

void lineedit_left(struct lineedit *le);
void lineedit_right(struct lineedit *le);
void lineedit_home(struct lineedit *le);
void lineedit_end(struct lineedit *le);

/* Ctrl-U: delete from the start of the line to the cursor. */
void lineedit_kill_to_start(struct lineedit *le);

/* Alt-b, Alt-f: to the start of the word before the cursor, or past the
 * end of the word after it (a word: letters, digits, any non-ASCII
 * character, as a shell's readline has them). */
void lineedit_word_left(struct lineedit *le);
void lineedit_word_right(struct lineedit *le);

/* Alt-Backspace, Alt-d: delete back to where Alt-b would go, or on to
 * where Alt-f would. */
void lineedit_kill_word_back(struct lineedit *le);
void lineedit_kill_word_forward(struct lineedit *le);

/* Replace the text with utf8 (cursor at the end), to be edited: controls
 * become spaces, invalid bytes U+FFFD. False when it was cut to fit. */
bool lineedit_set(struct lineedit *le, const char *utf8);

/* Put the cursor at byte offset at (a pattern's error offset, say): at
 * the end when past it, else back to the start of the character there. */
void lineedit_cursor_to(struct lineedit *le, size_t at);

/* The text as a hidden prompt draws it: one "•" per character, in out
 * (cap bytes, always NUL-terminated, cut at a whole "•"); *cursor_col:
 * the cursor's column in it. Nothing typed shows, only how much. */
void lineedit_masked(const struct lineedit *le, char *out, size_t cap, size_t *cursor_col);

/* A typed confirmation ("arm", a service's name, "resolve"…): whether
 * typed is word exactly once leading and trailing spaces and tabs are set
 * aside (a paste's newline arrives as a space). Every typed confirmation
 * compares with this, so the field and the verdict never disagree. */
bool lineedit_typed_is(const char *typed, const char *word);

/* A prompt's question too wide for the footer's row, split: ctx, the
 * whole question (trailing spaces dropped) for the rows above it, and
 * label, its words before " (" with ": ", or "> ", for the row typed on. */
void lineedit_question_split(const char *ask, char *ctx, size_t ctxcap, char *label,
    size_t labelcap);

#endif
