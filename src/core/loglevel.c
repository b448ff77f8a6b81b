/*
 * loglevel.c — a log line's declared severity, read from its opening bytes.
 *
 * Words are matched whole (the bytes on either side are not letters or
 * digits). Upper-case words count anywhere in the scanned part; a
 * lower-case one only where a format marks it as the level: after
 * "level=", "lvl=", "severity=", inside brackets, or as the JSON value of
 * "level"/"severity", or opening the line before a colon ("panic: …").
 * That keeps "connection error" in a message from
 * reading as an error line. The first level found decides: a line that
 * says INFO first is not an error because its message quotes one.
 */
#include "warroom/loglevel.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

struct word {
	const char *text;
	enum loglevel level;
};

static const struct word words[] = {
	{ "ERROR", LOGLEVEL_ERROR }, { "ERR", LOGLEVEL_ERROR }, { "FATAL", LOGLEVEL_ERROR },
	{ "CRITICAL", LOGLEVEL_ERROR }, { "CRIT", LOGLEVEL_ERROR }, { "PANIC", LOGLEVEL_ERROR },
	{ "EMERG", LOGLEVEL_ERROR }, { "ALERT", LOGLEVEL_ERROR }, { "SEVERE", LOGLEVEL_ERROR },
	{ "WARNING", LOGLEVEL_WARN }, { "WARN", LOGLEVEL_WARN },
	{ "INFO", LOGLEVEL_NONE }, { "DEBUG", LOGLEVEL_NONE }, { "TRACE", LOGLEVEL_NONE },
	{ "NOTICE", LOGLEVEL_NONE }, { "INF", LOGLEVEL_NONE }, { "DBG", LOGLEVEL_NONE },
};

#define NOT_A_LEVEL (-1)

static bool
is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* The level word at s[0..n), whole, in any case when any_case; or
 * NOT_A_LEVEL. */
static int
word_at(const char *s, size_t n, bool any_case)
{
	size_t i, k;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		k = strlen(words[i].text);
		if (k > n || (k < n && is_alnum((unsigned char)s[k])))
			continue;
		if (any_case ? strncasecmp(s, words[i].text, k) == 0 :
		    memcmp(s, words[i].text, k) == 0)
			return (int)words[i].level;
	}
	return NOT_A_LEVEL;
}

/* After a key that names the level: "level=", "\"level\":\"", "[". */
static int
keyed(const char *s, size_t n, size_t at)
{
	static const char *const keys[] = { "level=", "lvl=", "severity=", "\"level\":\"",
		"\"level\": \"", "\"severity\":\"", "\"severity\": \"", "\"lvl\":\"", "[" };
	size_t i, k;
	char c = s[at];

	/* Every key starts with one of these: most bytes leave at once. */
	if (c != 'l' && c != 'L' && c != 's' && c != 'S' && c != '"' && c != '[')
		return NOT_A_LEVEL;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		k = strlen(keys[i]);
		if (at + k <= n && strncasecmp(s + at, keys[i], k) == 0 &&
		    (at == 0 || !is_alnum((unsigned char)s[at - 1]) || keys[i][0] == '"' ||
		    keys[i][0] == '['))
			return word_at(s + at + k, n - at - k, true);
	}
	return NOT_A_LEVEL;
}

enum loglevel
loglevel_of(const char *line, size_t len)
{
	size_t n = len < LOGLEVEL_SCAN ? len : LOGLEVEL_SCAN, i;
	int l;

	/* "panic: …", "fatal: …", "error: …", "warning: …" open a line in any
	 * case (Go's runtime, most CLIs). */
	if ((l = word_at(line, n, true)) != NOT_A_LEVEL) {
		size_t k = 0;

		while (k < n && is_alnum((unsigned char)line[k]))
			k++;
		if (k < n && line[k] == ':')
			return (enum loglevel)l;
	}
	/* klog: "E1126 19:00:00.123456 …", "W1126 …" at the very start. */
	if (n >= 6 && (line[0] == 'E' || line[0] == 'F' || line[0] == 'W') &&
	    line[1] >= '0' && line[1] <= '9' && line[2] >= '0' && line[2] <= '9' &&
	    line[3] >= '0' && line[3] <= '9' && line[4] >= '0' && line[4] <= '9' && line[5] == ' ')
		return line[0] == 'W' ? LOGLEVEL_WARN : LOGLEVEL_ERROR;
	for (i = 0; i < n; i++) {
		if (i > 0 && is_alnum((unsigned char)line[i - 1]))
			continue;               /* only at the start of a word */
		if ((l = keyed(line, n, i)) != NOT_A_LEVEL)
			return (enum loglevel)l;
		if (line[i] >= 'A' && line[i] <= 'Z' &&
		    (l = word_at(line + i, n - i, false)) != NOT_A_LEVEL)
			return (enum loglevel)l;
	}
	return LOGLEVEL_NONE;
}

size_t
loglevel_word(const char *s, size_t n)
{
	static const char *const keys[] = { "level=", "lvl=", "severity=", "[" };
	const char *sp = memchr(s, ' ', n);
	size_t tok = sp != NULL ? (size_t)(sp - s) : n, a = 0, b, i, k;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		k = strlen(keys[i]);
		if (tok > k && strncasecmp(s, keys[i], k) == 0) {
			a = k;
			break;
		}
	}
	b = tok;
	if (b > a && (s[b - 1] == ':' || (s[b - 1] == ']' && a > 0 && s[0] == '[')))
		b--;
	/* The whole token is the word: "ERRORS" and "errorCount" are not. */
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		k = strlen(words[i].text);
		if (b - a == k && strncasecmp(s + a, words[i].text, k) == 0)
			return tok;
	}
	return 0;
}
