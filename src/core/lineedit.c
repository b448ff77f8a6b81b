/*
 * lineedit.c — editing one line of UTF-8 in a fixed buffer. The cursor
 * moves by whole characters, so the text stays valid UTF-8 whatever keys
 * arrive.
 */
#include "warroom/lineedit.h"

#include <stdio.h>
#include <string.h>

static bool
is_cont(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

void
lineedit_clear(struct lineedit *le)
{
	le->text[0] = '\0';
	le->len = le->cursor = 0;
}

static size_t
encode(unsigned int cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

bool
lineedit_insert(struct lineedit *le, unsigned int cp)
{
	char enc[4];
	size_t n;

	/* Controls (C0, DEL, C1), surrogates and non-characters stay out. */
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xd800 && cp < 0xe000) ||
	    cp > 0x10ffff)
		return false;
	n = encode(cp, enc);
	if (le->len + n >= sizeof(le->text))
		return false;
	memmove(le->text + le->cursor + n, le->text + le->cursor, le->len - le->cursor + 1);
	memcpy(le->text + le->cursor, enc, n);
	le->len += n;
	le->cursor += n;
	return true;
}

/* The code point at *p (advancing it); U+FFFD for a malformed sequence. */
static unsigned int
decode(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned int cp, min;
	int n, i;

	if (s[0] < 0x80) {
		*p = s + 1;
		return s[0];
	}
	if ((s[0] & 0xe0) == 0xc0)
		n = 1, cp = s[0] & 0x1f, min = 0x80;
	else if ((s[0] & 0xf0) == 0xe0)
		n = 2, cp = s[0] & 0x0f, min = 0x800;
	else if ((s[0] & 0xf8) == 0xf0)
		n = 3, cp = s[0] & 0x07, min = 0x10000;
	else {
		*p = s + 1;
		return 0xfffd;
	}
	for (i = 1; i <= n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*p = s + i;
			return 0xfffd;
		}
		cp = cp << 6 | (s[i] & 0x3f);
	}
	*p = s + n + 1;
	return cp < min || (cp >= 0xd800 && cp < 0xe000) || cp > 0x10ffff ? 0xfffd : cp;
}

bool
lineedit_set(struct lineedit *le, const char *utf8)
{
	const unsigned char *p = (const unsigned char *)utf8;

	lineedit_clear(le);
	while (*p != '\0') {
		unsigned int cp = decode(&p);

		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
			cp = ' ';
		if (!lineedit_insert(le, cp))
			return false;
	}
	return true;
}

static size_t
prev_boundary(const struct lineedit *le, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && is_cont(le->text[at]))
		at--;
	return at;
}

static size_t
next_boundary(const struct lineedit *le, size_t at)
{
	if (at >= le->len)
		return le->len;
	at++;
	while (at < le->len && is_cont(le->text[at]))
		at++;
	return at;
}

static void
cut(struct lineedit *le, size_t from, size_t to)
{
	memmove(le->text + from, le->text + to, le->len - to + 1);
	le->len -= to - from;
}

void
lineedit_backspace(struct lineedit *le)
{
	size_t p = prev_boundary(le, le->cursor);

	cut(le, p, le->cursor);
	le->cursor = p;
}

void
lineedit_delete(struct lineedit *le)
{
	cut(le, le->cursor, next_boundary(le, le->cursor));
}

void
lineedit_left(struct lineedit *le)
{
	le->cursor = prev_boundary(le, le->cursor);
}

void
lineedit_right(struct lineedit *le)
{
	le->cursor = next_boundary(le, le->cursor);
}

void
lineedit_home(struct lineedit *le)
{
	le->cursor = 0;
}

void
lineedit_end(struct lineedit *le)
{
	le->cursor = le->len;
}

void
lineedit_cursor_to(struct lineedit *le, size_t at)
{
	if (at > le->len)
		at = le->len;
	/* Never inside a character: its continuation bytes are 10xxxxxx. */
	while (at > 0 && at < le->len && ((unsigned char)le->text[at] & 0xc0) == 0x80)
		at--;
	le->cursor = at;
}

void
lineedit_kill_to_start(struct lineedit *le)
{
	cut(le, 0, le->cursor);
	le->cursor = 0;
}

/* Whether the character starting at byte at is part of a word. */
static bool
wordy(const struct lineedit *le, size_t at)
{
	unsigned char c = (unsigned char)le->text[at];

	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

static size_t
word_start(const struct lineedit *le, size_t at)
{
	size_t p;

	while (at > 0 && !wordy(le, p = prev_boundary(le, at)))
		at = p;
	while (at > 0 && wordy(le, p = prev_boundary(le, at)))
		at = p;
	return at;
}

static size_t
word_end(const struct lineedit *le, size_t at)
{
	while (at < le->len && !wordy(le, at))
		at = next_boundary(le, at);
	while (at < le->len && wordy(le, at))
		at = next_boundary(le, at);
	return at;
}

void
lineedit_word_left(struct lineedit *le)
{
	le->cursor = word_start(le, le->cursor);
}

void
lineedit_word_right(struct lineedit *le)
{
	le->cursor = word_end(le, le->cursor);
}

void
lineedit_kill_word_back(struct lineedit *le)
{
	size_t p = word_start(le, le->cursor);

	cut(le, p, le->cursor);
	le->cursor = p;
}

void
lineedit_kill_word_forward(struct lineedit *le)
{
	cut(le, le->cursor, word_end(le, le->cursor));
}

void
lineedit_masked(const struct lineedit *le, char *out, size_t cap, size_t *cursor_col)
{
	static const char dot[] = "\xe2\x80\xa2";   /* U+2022 BULLET */
	size_t i, o = 0, col = 0;

	if (cap > 0)
		out[0] = '\0';
	for (i = 0; i < le->len; i++) {
		if (is_cont(le->text[i]))
			continue;
		if (i < le->cursor)
			col++;
		if (o + sizeof(dot) <= cap) {
			memcpy(out + o, dot, sizeof(dot));      /* with its NUL */
			o += sizeof(dot) - 1;
		}
	}
	*cursor_col = col;
}

/* Only what a paste or a stray key leaves at the ends: inside, a space is
 * part of what was asked for (or not). */
static bool
blank(char c)
{
	return c == ' ' || c == '\t';
}

bool
lineedit_typed_is(const char *typed, const char *word)
{
	size_t n, k = strlen(word);

	while (blank(*typed))
		typed++;
	n = strlen(typed);
	while (n > 0 && blank(typed[n - 1]))
		n--;
	return n == k && k > 0 && strncmp(typed, word, k) == 0;
}

void
lineedit_question_split(const char *ask, char *ctx, size_t ctxcap, char *label,
    size_t labelcap)
{
	const char *paren = strstr(ask, " (");
	size_t n = strlen(ask);

	while (n > 0 && blank(ask[n - 1]))
		n--;
	if (ctxcap > 0) {
		if (n >= ctxcap) {
			/* Cut on a character's start, so ctx stays valid UTF-8. */
			n = ctxcap - 1;
			while (n > 0 && is_cont(ask[n]))
				n--;
		}
		memcpy(ctx, ask, n);
		ctx[n] = '\0';
	}
	if (labelcap == 0)
		return;
	/* The words naming what is asked, the choices left to the rows above. */
	n = paren != NULL ? (size_t)(paren - ask) : 0;
	if (n == 0 || n + 3 > labelcap) {
		snprintf(label, labelcap, "> ");
		return;
	}
	snprintf(label, labelcap, "%.*s: ", (int)n, ask);
}
