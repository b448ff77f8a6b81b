/*
 * keygate.c — whether a key may act, given what the console shows (see
 * keygate.h): a paste is text and never keys, a screen too small to show
 * anything confirms nothing, and keys typed while a dialog is planned wait
 * for it.
 */
#include "warroom/keygate.h"

#include <string.h>

#include "warroom/commands.h"

static bool
is_named(const char *name, const char *want)
{
	return name != NULL && strcmp(name, want) == 0;
}

/* A pasted character as it goes into a one-line prompt: line breaks and
 * tabs are spaces (a newline must never be an Enter), other controls
 * nothing. */
static bool
paste_char(enum keygate_kind kind, unsigned ch, unsigned *text)
{
	if (kind != KEYGATE_CHAR)
		return false;
	if (ch == '\r' || ch == '\n' || ch == '\t') {
		*text = ' ';
		return true;
	}
	if (ch < 0x20 || (ch >= 0x7f && ch < 0xa0))
		return false;
	*text = ch;
	return true;
}

static enum keygate_why
paste_blocked(const struct keygate_in *in)
{
	if (in->too_small)
		return KEYGATE_WHY_TOO_SMALL;
	if (in->planning)
		return KEYGATE_WHY_PLANNING;
	if (!in->text_open)
		return KEYGATE_WHY_NO_PROMPT;
	return KEYGATE_WHY_NONE;
}

bool
keygate_pasting(const struct keygate *st, int64_t now_ms)
{
	return st->pasting && now_ms - st->last_ms <= KEYGATE_PASTE_GAP_MS;
}

enum keygate_verdict
keygate(struct keygate *st, const struct keygate_in *in, enum keygate_kind kind, unsigned ch,
    const char *name, unsigned *text)
{
	enum keygate_why why;

	if (st->pasting && !keygate_pasting(st, in->now_ms))
		st->pasting = false;     /* its end was lost: this is typed */
	st->last_ms = in->now_ms;
	switch (kind) {
	case KEYGATE_PASTE_START:
		st->pasting = true;
		st->dropped = KEYGATE_WHY_NONE;
		return KEYGATE_DROP;
	case KEYGATE_PASTE_END:
		if (!st->pasting)
			return KEYGATE_DROP;
		st->pasting = false;
		return st->dropped != KEYGATE_WHY_NONE ? KEYGATE_PASTE_IGNORED : KEYGATE_DROP;
	default:
		break;
	}
	if (st->pasting) {
		if (!paste_char(kind, ch, text))
			return KEYGATE_DROP;
		if ((why = paste_blocked(in)) != KEYGATE_WHY_NONE) {
			if (st->dropped == KEYGATE_WHY_NONE)
				st->dropped = why;
			return KEYGATE_DROP;
		}
		return KEYGATE_TYPE;
	}
	if (in->planning)
		return is_named(name, "Esc") ? KEYGATE_CANCEL_PLAN : KEYGATE_WAIT_PLAN;
	if (in->too_small) {
		/* Nothing is drawn: only what closes things, or quits. The
		 * notice asks the quit question itself (toosmall.h): its y
		 * quits, as any other key says no (y is never ignored). */
		if (is_named(name, "Esc") || in->quit_question)
			return KEYGATE_ACT;
		if (in->main_screen && command_for_key(name) == WR_CMD_QUIT)
			return KEYGATE_ACT;
		return KEYGATE_DROP;
	}
	return KEYGATE_ACT;
}
