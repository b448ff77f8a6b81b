/*
 * keyseq.c — escape sequences curses left as characters, read whole (see
 * keyseq.h). ESC [ starts a CSI sequence (parameter bytes 0x30–0x3F,
 * intermediates 0x20–0x2F, one final byte 0x40–0x7E), ESC O an SS3 one
 * (parameters, then one final byte); ESC and any other key is that key
 * with Alt. Whatever a sequence is, all of it is one key: none of its
 * letters ever runs as a key of its own.
 */
#include "warroom/keyseq.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ESC 27

static void
reset(struct keyseq *ks)
{
	ks->len = 0;
	ks->overflow = false;
}

static size_t
put_char(struct keyseq_key *out, unsigned ch)
{
	out->kind = KEYSEQ_CHAR;
	out->ch = ch;
	out->name[0] = '\0';
	return 1;
}

static size_t
put_name(struct keyseq_key *out, const char *fmt, ...)
{
	va_list ap;

	out->kind = KEYSEQ_NAMED;
	out->ch = 0;
	va_start(ap, fmt);
	vsnprintf(out->name, sizeof(out->name), fmt, ap);
	va_end(ap);
	return 1;
}

/* A character as a key's name: the footer's words for the few that are
 * not seen ("Enter", "C-a"), else the character in UTF-8. */
static void
char_name(unsigned ch, char *buf, size_t cap)
{
	const char *word = ch == '\r' || ch == '\n' ? "Enter" : ch == '\t' ? "Tab" :
	    ch == ' ' ? "Space" : ch == 127 || ch == 8 ? "Backspace" : ch == ESC ? "Esc" : NULL;

	if (word != NULL)
		snprintf(buf, cap, "%s", word);
	else if (ch < 0x20)
		snprintf(buf, cap, "C-%c", (char)(ch + 0x60));
	else if (ch >= 0x80 && ch < 0xa0)       /* a C1 control: nothing to show */
		snprintf(buf, cap, "U+%04X", ch);
	else if (ch < 0x80)
		snprintf(buf, cap, "%c", (char)ch);
	else if (ch < 0x800)
		snprintf(buf, cap, "%c%c", 0xc0 | (ch >> 6), 0x80 | (ch & 0x3f));
	else if (ch < 0x10000)
		snprintf(buf, cap, "%c%c%c", 0xe0 | (ch >> 12), 0x80 | ((ch >> 6) & 0x3f),
		    0x80 | (ch & 0x3f));
	else if (ch <= 0x10ffff)
		snprintf(buf, cap, "%c%c%c%c", 0xf0 | (ch >> 18), 0x80 | ((ch >> 12) & 0x3f),
		    0x80 | ((ch >> 6) & 0x3f), 0x80 | (ch & 0x3f));
	else
		snprintf(buf, cap, "U+%X", ch);
}

/* Modifier bits as xterm numbers them in a sequence (its parameter less
 * one): Shift 1, Alt 2, Ctrl 4, Meta 8 (said as Alt). */
enum { MOD_SHIFT = 1, MOD_ALT = 2, MOD_CTRL = 4, MOD_META = 8 };

/* "C-M-S-" for bits, in the order Emacs writes them. */
static const char *
mod_prefix(unsigned bits, char buf[8])
{
	size_t n = 0;

	if (bits & MOD_CTRL)
		buf[n++] = 'C', buf[n++] = '-';
	if (bits & (MOD_ALT | MOD_META))
		buf[n++] = 'M', buf[n++] = '-';
	if (bits & MOD_SHIFT)
		buf[n++] = 'S', buf[n++] = '-';
	buf[n] = '\0';
	return buf;
}

/* A function key past F12 is F1–F12 with modifiers, as xterm (and tmux)
 * number them: F13 is S-F1, F25 C-F1, F37 C-S-F1, F49 M-F1, F61 M-S-F1. */
static size_t
put_fkey(struct keyseq_key *out, unsigned n, unsigned bits)
{
	static const unsigned by_dozen[] = { 0, MOD_SHIFT, MOD_CTRL, MOD_CTRL | MOD_SHIFT,
		MOD_ALT, MOD_ALT | MOD_SHIFT };
	char pre[8];

	if (n >= 1 && n <= 72) {
		bits |= by_dozen[(n - 1) / 12];
		n = (n - 1) % 12 + 1;
	}
	return put_name(out, "%sF%u", mod_prefix(bits, pre), n);
}

/* The readable form of the pending bytes, for a key nobody knows. */
static size_t
put_unknown(struct keyseq_key *out, const struct keyseq *ks)
{
	char shown[sizeof(ks->buf) + 8];
	size_t i, n = 0;

	for (i = 1; i < ks->len && n + 5 < sizeof(shown); i++) {
		unsigned char c = (unsigned char)ks->buf[i];

		if (c >= 0x20 && c < 0x7f)
			shown[n++] = (char)c;
		else
			n += (size_t)snprintf(shown + n, sizeof(shown) - n, "^%c", (char)(c ^ 0x40));
	}
	shown[n] = '\0';
	return put_name(out, "unknown key ESC %s%s", shown, ks->overflow ? "\xe2\x80\xa6" : "");
}

/* End what is pending as what it is so far. */
static size_t
end_pending(struct keyseq *ks, struct keyseq_key *out)
{
	size_t n;

	if (ks->len == 0)
		return 0;
	if (ks->len == 1)
		n = put_char(out, ESC);
	else if (ks->len == 2)
		n = put_name(out, "M-%c", ks->buf[1]);
	else
		n = put_unknown(out, ks);
	reset(ks);
	return n;
}

/* Up to four numbers separated by ';' (an empty one is 1); false for
 * anything else in the parameters (a private marker, a ':'). */
static bool
numbers(const char *p, size_t len, unsigned num[4], size_t *count)
{
	size_t i, k = 0;
	unsigned v = 0;
	bool any = false;

	*count = 0;
	if (len == 0)
		return true;
	for (i = 0; i <= len; i++) {
		if (i == len || p[i] == ';') {
			if (k == 4)
				return false;
			num[k++] = any ? v : 1;
			v = 0;
			any = false;
		} else if (p[i] >= '0' && p[i] <= '9') {
			if (v > 100000)
				return false;
			v = v * 10 + (unsigned)(p[i] - '0');
			any = true;
		} else
			return false;
	}
	*count = k;
	return true;
}

/* The bits of a modifier parameter (1 is none). */
static unsigned
mod_bits(unsigned param)
{
	return param >= 2 && param <= 16 ? param - 1 : 0;
}

/* The keys named by the final byte alone, with or without modifiers. */
static const char *
cursor_key(char final)
{
	switch (final) {
	case 'A': return "Up";
	case 'B': return "Down";
	case 'C': return "Right";
	case 'D': return "Left";
	case 'H': return "Home";
	case 'F': return "End";
	case 'E': return "Begin";
	default: return NULL;
	}
}

/* ESC [ n ~ as the vt220 and xterm number the editing and function keys;
 * F-numbers past 12 go through put_fkey. */
static size_t
tilde_key(struct keyseq_key *out, unsigned n, unsigned bits)
{
	static const struct {
		unsigned n;
		const char *name;
		unsigned f;
	} keys[] = {
		{ 1, "Home", 0 }, { 2, "Insert", 0 }, { 3, "Delete", 0 }, { 4, "End", 0 },
		{ 5, "PgUp", 0 }, { 6, "PgDn", 0 }, { 7, "Home", 0 }, { 8, "End", 0 },
		{ 11, NULL, 1 }, { 12, NULL, 2 }, { 13, NULL, 3 }, { 14, NULL, 4 },
		{ 15, NULL, 5 }, { 17, NULL, 6 }, { 18, NULL, 7 }, { 19, NULL, 8 },
		{ 20, NULL, 9 }, { 21, NULL, 10 }, { 23, NULL, 11 }, { 24, NULL, 12 },
		{ 25, NULL, 13 }, { 26, NULL, 14 }, { 28, NULL, 15 }, { 29, NULL, 16 },
		{ 31, NULL, 17 }, { 32, NULL, 18 }, { 33, NULL, 19 }, { 34, NULL, 20 },
	};
	char pre[8];
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (keys[i].n == n)
			return keys[i].f ? put_fkey(out, keys[i].f, bits) :
			    put_name(out, "%s%s", mod_prefix(bits, pre), keys[i].name);
	return 0;
}

/* A character key with modifiers (xterm's ESC [ 27 ; m ; c ~): always a
 * name, never the character itself. */
static size_t
modified_char(struct keyseq_key *out, unsigned ch, unsigned bits)
{
	char pre[8], name[16];

	char_name(ch, name, sizeof(name));
	return put_name(out, "%s%s", mod_prefix(bits, pre), name);
}

/* A whole CSI sequence: ks->buf is ESC [ params final. */
static size_t
csi_key(const struct keyseq *ks, struct keyseq_key *out)
{
	const char *p = ks->buf + 2;
	size_t len = ks->len - 3, count;
	char final = ks->buf[ks->len - 1], pre[8];
	unsigned num[4], bits;
	const char *name;

	if (ks->overflow || !numbers(p, len, num, &count))
		return 0;
	bits = count >= 2 ? mod_bits(num[1]) : 0;
	if (final == '~' && count >= 1) {
		if (num[0] == 200 && count == 1)
			return put_name(out, "PasteStart");
		if (num[0] == 201 && count == 1)
			return put_name(out, "PasteEnd");
		if (num[0] == 27 && count == 3)
			return modified_char(out, num[2], bits);
		return count <= 2 ? tilde_key(out, num[0], bits) : 0;
	}
	if (count > 2 || (count >= 1 && num[0] != 1))
		return 0;
	if ((name = cursor_key(final)) != NULL)
		return put_name(out, "%s%s", mod_prefix(bits, pre), name);
	if (final >= 'P' && final <= 'S')
		return put_fkey(out, (unsigned)(final - 'P' + 1), bits);
	if (final == 'Z')
		return put_name(out, "%sS-Tab", mod_prefix(bits & ~(unsigned)MOD_SHIFT, pre));
	return 0;
}

/* The keypad in application mode (SS3): its characters, as the main
 * keyboard's same keys type them. */
static unsigned
keypad_char(char final)
{
	static const char ops[] = "j*k+l,m-n.o/X=M\rI\t";
	const char *at;

	if (final >= 'p' && final <= 'y')
		return (unsigned)('0' + (final - 'p'));
	if ((at = strchr(ops, final)) != NULL && ((at - ops) % 2) == 0)
		return (unsigned char)at[1];
	return 0;
}

/* A whole SS3 sequence: ks->buf is ESC O params final. */
static size_t
ss3_key(const struct keyseq *ks, struct keyseq_key *out)
{
	char final = ks->buf[ks->len - 1], pre[8];
	unsigned num[4], bits, ch;
	size_t count;
	const char *name;

	if (ks->overflow || !numbers(ks->buf + 2, ks->len - 3, num, &count) || count > 2)
		return 0;
	/* Old xterms put the modifier alone before the final: ESC O 5 A. */
	bits = count >= 1 ? mod_bits(num[count - 1]) : 0;
	if ((ch = keypad_char(final)) != 0)
		return bits == 0 ? put_char(out, ch) : modified_char(out, ch, bits);
	if ((name = cursor_key(final)) != NULL)
		return put_name(out, "%s%s", mod_prefix(bits, pre), name);
	if (final >= 'P' && final <= 'S')
		return put_fkey(out, (unsigned)(final - 'P' + 1), bits);
	return 0;
}

static void
append(struct keyseq *ks, unsigned ch, int64_t now_ms)
{
	if (ks->len < sizeof(ks->buf))
		ks->buf[ks->len++] = (char)ch;
	else
		ks->overflow = true;
	ks->last_ms = now_ms;
}

/* The whole sequence ended with its final byte: its key, or unknown. */
static size_t
finish(struct keyseq *ks, struct keyseq_key *out)
{
	size_t n = ks->buf[1] == '[' ? csi_key(ks, out) : ss3_key(ks, out);

	if (n == 0)
		n = put_unknown(out, ks);
	reset(ks);
	return n;
}

static size_t
step(struct keyseq *ks, unsigned ch, int64_t now_ms, struct keyseq_key *out)
{
	char name[16];
	size_t n;

	if (ks->len == 0) {
		if (ch != ESC)
			return put_char(out, ch);
		reset(ks);
		append(ks, ch, now_ms);
		return 0;
	}
	/* Ctrl-C and Ctrl-\ interrupt, whatever came before them. */
	if (ch == 0x03 || ch == 0x1c) {
		n = end_pending(ks, out);
		return n + put_char(out + n, ch);
	}
	if (ks->len == 1) {
		if (ch == '[' || ch == 'O') {
			append(ks, ch, now_ms);
			return 0;
		}
		/* Esc twice is Esc twice: Esc always cancels, however fast
		 * it is pressed. The second may begin a sequence of its own. */
		if (ch == ESC) {
			ks->last_ms = now_ms;
			return put_char(out, ESC);
		}
		char_name(ch, name, sizeof(name));
		reset(ks);
		return put_name(out, "M-%s", name);
	}
	/* The Linux console's F1–F5: ESC [ [ A … ESC [ [ E. */
	if (ks->len == 3 && ks->buf[1] == '[' && ks->buf[2] == '[' && ch >= 0x40 && ch <= 0x7e) {
		append(ks, ch, now_ms);
		n = ch >= 'A' && ch <= 'E' ? put_fkey(out, ch - 'A' + 1, 0) : put_unknown(out, ks);
		reset(ks);
		return n;
	}
	if ((ch >= 0x30 && ch <= 0x3f) || (ks->buf[1] == '[' && ch >= 0x20 && ch <= 0x2f)) {
		append(ks, ch, now_ms);
		return 0;
	}
	if (ch >= 0x40 && ch <= 0x7e) {
		append(ks, ch, now_ms);
		if (ks->len == 3 && ks->buf[1] == '[' && ch == '[')
			return 0;
		return finish(ks, out);
	}
	/* Anything else cuts the sequence short; the byte is itself. */
	n = end_pending(ks, out);
	return n + step(ks, ch, now_ms, out + n);
}

static bool
expired(const struct keyseq *ks, int64_t now_ms)
{
	return ks->len > 0 && keyseq_wait_ms(ks, now_ms) == 0;
}

size_t
keyseq_char(struct keyseq *ks, unsigned ch, int64_t now_ms, struct keyseq_key out[KEYSEQ_OUT_MAX])
{
	size_t n = expired(ks, now_ms) ? end_pending(ks, out) : 0;

	return n + step(ks, ch, now_ms, out + n);
}

size_t
keyseq_named(struct keyseq *ks, const char *name, int64_t now_ms,
    struct keyseq_key out[KEYSEQ_OUT_MAX])
{
	size_t n = expired(ks, now_ms) ? end_pending(ks, out) : 0;

	if (ks->len == 1) {
		reset(ks);
		return n + put_name(out + n, "M-%s", name);
	}
	n += end_pending(ks, out + n);
	return n + put_name(out + n, "%s", name);
}

size_t
keyseq_idle(struct keyseq *ks, struct keyseq_key out[KEYSEQ_OUT_MAX])
{
	return ks->len == 1 ? end_pending(ks, out) : 0;
}

int64_t
keyseq_wait_ms(const struct keyseq *ks, int64_t now_ms)
{
	int64_t wait, left;

	if (ks->len == 0)
		return -1;
	wait = ks->len == 1 ? KEYSEQ_ESC_WAIT_MS : KEYSEQ_BODY_WAIT_MS;
	left = ks->last_ms + wait - now_ms;
	return left > 0 ? left : 0;
}

size_t
keyseq_expire(struct keyseq *ks, int64_t now_ms, struct keyseq_key out[KEYSEQ_OUT_MAX])
{
	return expired(ks, now_ms) ? end_pending(ks, out) : 0;
}

size_t
keyseq_flush(struct keyseq *ks, struct keyseq_key out[KEYSEQ_OUT_MAX])
{
	return end_pending(ks, out);
}

/* ncurses' extended key names (from terminfo's user capabilities): a
 * base and xterm's modifier number ("kUP5" is Ctrl-Up; none is Shift). */
static bool
extended(const char *kn, struct keyseq_key *out)
{
	static const struct {
		const char *base, *name;
	} bases[] = {
		{ "UP", "Up" }, { "DN", "Down" }, { "LFT", "Left" }, { "RIT", "Right" },
		{ "HOM", "Home" }, { "END", "End" }, { "NXT", "PgDn" }, { "PRV", "PgUp" },
		{ "DC", "Delete" }, { "IC", "Insert" }, { "BEG", "Begin" },
	};
	char pre[8];
	size_t i, n;

	for (i = 0; i < sizeof(bases) / sizeof(bases[0]); i++) {
		n = strlen(bases[i].base);
		if (kn[0] != 'k' || strncmp(kn + 1, bases[i].base, n) != 0)
			continue;
		if (kn[1 + n] == '\0')
			return put_name(out, "S-%s", bases[i].name);
		if (kn[1 + n] >= '2' && kn[1 + n] <= '8' && kn[2 + n] == '\0')
			return put_name(out, "%s%s", mod_prefix((unsigned)(kn[1 + n] - '1'), pre),
			    bases[i].name);
	}
	return false;
}

void
keyseq_curses(const char *kn, struct keyseq_key *out)
{
	/* curses' names, the keypad's first: its keys are what they show. */
	static const struct {
		const char *curses, *name;
		unsigned ch;
	} names[] = {
		{ "KEY_A1", NULL, '7' }, { "ka2", NULL, '8' }, { "KEY_A3", NULL, '9' },
		{ "kb1", NULL, '4' }, { "KEY_B2", NULL, '5' }, { "kb3", NULL, '6' },
		{ "KEY_C1", NULL, '1' }, { "kc2", NULL, '2' }, { "KEY_C3", NULL, '3' },
		{ "kpZRO", NULL, '0' }, { "kpADD", NULL, '+' }, { "kpSUB", NULL, '-' },
		{ "kpMUL", NULL, '*' }, { "kpDIV", NULL, '/' }, { "kpDOT", NULL, '.' },
		{ "kpCMA", NULL, ',' }, { "kpEQL", NULL, '=' }, { "KEY_ENTER", NULL, '\r' },
		{ "KEY_UP", "Up", 0 }, { "KEY_DOWN", "Down", 0 }, { "KEY_LEFT", "Left", 0 },
		{ "KEY_RIGHT", "Right", 0 }, { "KEY_HOME", "Home", 0 }, { "KEY_END", "End", 0 },
		{ "KEY_PPAGE", "PgUp", 0 }, { "KEY_NPAGE", "PgDn", 0 }, { "KEY_IC", "Insert", 0 },
		{ "KEY_DC", "Delete", 0 }, { "KEY_BACKSPACE", "Backspace", 0 },
		{ "KEY_BTAB", "S-Tab", 0 }, { "KEY_BEG", "Begin", 0 }, { "kp5", "Begin", 0 },
		{ "KEY_SF", "S-Down", 0 }, { "KEY_SR", "S-Up", 0 }, { "KEY_SLEFT", "S-Left", 0 },
		{ "KEY_SRIGHT", "S-Right", 0 }, { "KEY_SHOME", "S-Home", 0 },
		{ "KEY_SEND", "S-End", 0 }, { "KEY_SNEXT", "S-PgDn", 0 },
		{ "KEY_SPREVIOUS", "S-PgUp", 0 }, { "KEY_SIC", "S-Insert", 0 },
		{ "KEY_SDC", "S-Delete", 0 },
	};
	char word[KEYSEQ_NAME_MAX];
	unsigned f;
	size_t i;
	int end = 0;

	if (kn == NULL) {
		put_name(out, "an unknown key");
		return;
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(kn, names[i].curses) == 0) {
			if (names[i].name == NULL)
				put_char(out, names[i].ch);
			else
				put_name(out, "%s", names[i].name);
			return;
		}
	if (sscanf(kn, "KEY_F(%u)%n", &f, &end) == 1 && end > 0 && kn[end] == '\0') {
		put_fkey(out, f, 0);
		return;
	}
	/* Back-tab under another name (TERM=linux calls ESC [ Z kcbt2). */
	if (strncmp(kn, "kcbt", 4) == 0) {
		put_name(out, "S-Tab");
		return;
	}
	if (extended(kn, out))
		return;
	/* Any other KEY_SUSPEND is "Suspend". */
	if (strncmp(kn, "KEY_", 4) == 0 && kn[4] != '\0') {
		snprintf(word, sizeof(word), "%s", kn + 4);
		for (i = 1; word[i] != '\0'; i++)
			if (word[i] >= 'A' && word[i] <= 'Z')
				word[i] = (char)(word[i] - 'A' + 'a');
		put_name(out, "%s", word);
		return;
	}
	put_name(out, "%s", kn);
}
