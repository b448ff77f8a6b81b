/*
 * linesplit.h — bytes from a stream cut into lines. Partial lines wait for
 * the rest; a line longer than the cap is delivered in cap-sized pieces
 * (output a caller puts back together), or, for lines that are shown
 * (logs), as its first cap bytes once, with the count of the bytes
 * dropped after them up to its newline; so one endless line cannot eat
 * memory.
 */
#ifndef WARROOM_LINESPLIT_H
#define WARROOM_LINESPLIT_H

#include <stdbool.h>
#include <stddef.h>

/* Called per line, without its newline (a trailing CR is dropped too);
 * cut is true when the line was split at the cap. */
typedef void (*linesplit_fn)(const char *line, size_t len, bool cut, void *arg);

/* Called per line of a head splitter: its first len bytes (at most the
 * cap; a trailing CR dropped), and how many bytes of it after them were
 * dropped (0: the whole line). */
typedef void (*linesplit_head_fn)(const char *line, size_t len, size_t dropped, void *arg);

struct linesplit {
	char *buf;
	size_t len, cap;
	linesplit_fn fn;                 /* pieces, or */
	linesplit_head_fn head;          /* the head of each line */
	size_t over;                     /* head: bytes past the cap so far */
	bool over_cr;                    /* ... the last of them a CR */
	void *arg;
};

/* A splitter delivering lines of at most cap bytes to fn. */
void linesplit_init(struct linesplit *ls, size_t cap, linesplit_fn fn, void *arg);

/* A splitter delivering each line once to fn: a longer one cut to its
 * first cap bytes, the rest up to its newline dropped and counted. */
void linesplit_init_head(struct linesplit *ls, size_t cap, linesplit_head_fn fn, void *arg);

/* Feed bytes; complete lines are delivered at once. */
void linesplit_feed(struct linesplit *ls, const char *data, size_t len);

/* End of stream: a last line without newline is delivered. */
void linesplit_finish(struct linesplit *ls);

/* Forget a line begun and not ended (its stream was cut off and will send
 * it again whole): nothing is delivered. */
void linesplit_drop(struct linesplit *ls);

void linesplit_free(struct linesplit *ls);

#endif
