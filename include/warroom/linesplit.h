/*
 * linesplit.h — bytes from a stream cut into lines. Partial lines wait for
 * the rest; a line longer than the cap is delivered in cap-sized pieces so
 * one endless line cannot eat memory.
 */
#ifndef WARROOM_LINESPLIT_H
#define WARROOM_LINESPLIT_H

#include <stdbool.h>
#include <stddef.h>

/* Called per line, without its newline (a trailing CR is dropped too);
 * cut is true when the line was split at the cap. */
typedef void (*linesplit_fn)(const char *line, size_t len, bool cut, void *arg);

struct linesplit {
	char *buf;
	size_t len, cap;
	linesplit_fn fn;
	void *arg;
};

/* A splitter delivering lines of at most cap bytes to fn. */
void linesplit_init(struct linesplit *ls, size_t cap, linesplit_fn fn, void *arg);

/* Feed bytes; complete lines are delivered at once. */
void linesplit_feed(struct linesplit *ls, const char *data, size_t len);

/* End of stream: a last line without newline is delivered. */
void linesplit_finish(struct linesplit *ls);

void linesplit_free(struct linesplit *ls);

#endif
