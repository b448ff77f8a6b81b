/*
 * loglevel.h — the severity a log line declares, so LOGS can colour
 * errors and warnings. Only the line's opening bytes are read, where every
 * common format puts it: a bare word ("ERROR", "WARN"), brackets
 * ("[error]"), logfmt ("level=warn"), JSON ("\"level\":\"error\""), klog
 * ("E1126 …") and Python ("ERROR:root:"). A lower-case word in the message
 * ("no error") is not a level.
 */
#ifndef WARROOM_LOGLEVEL_H
#define WARROOM_LOGLEVEL_H

#include <stddef.h>

enum loglevel {
	LOGLEVEL_NONE,                   /* none found, or info and below */
	LOGLEVEL_WARN,
	LOGLEVEL_ERROR,                  /* error, fatal, critical, panic… */
};

/* How far into a line the level is looked for. */
#define LOGLEVEL_SCAN 160

/* The level line[0..len) declares in its first LOGLEVEL_SCAN bytes. */
enum loglevel loglevel_of(const char *line, size_t len);

/* Bytes of the level word opening s[n] as a whole token ("ERROR",
 * "warn", "[ERROR]", "level=error", "ERROR:"), up to the space after it;
 * 0 when s does not open with one. */
size_t loglevel_word(const char *s, size_t n);

#endif
