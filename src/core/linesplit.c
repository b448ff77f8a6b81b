/*
 * linesplit.c — cuts a byte stream into lines with one bounded buffer.
 * Complete lines inside a fed chunk are delivered straight from the chunk;
 * only a trailing partial line is copied.
 */
#include "warroom/linesplit.h"

#include <stdlib.h>
#include <string.h>

#include "warroom/util.h"

void
linesplit_init(struct linesplit *ls, size_t cap, linesplit_fn fn, void *arg)
{
	memset(ls, 0, sizeof(*ls));
	ls->cap = cap > 0 ? cap : 1;
	ls->buf = xmalloc(ls->cap);
	ls->fn = fn;
	ls->arg = arg;
}

void
linesplit_free(struct linesplit *ls)
{
	free(ls->buf);
	ls->buf = NULL;
}

static void
emit(struct linesplit *ls, const char *line, size_t len, bool cut)
{
	if (!cut && len > 0 && line[len - 1] == '\r')
		len--;
	ls->fn(line, len, cut, ls->arg);
}

void
linesplit_feed(struct linesplit *ls, const char *data, size_t len)
{
	while (len > 0) {
		const char *nl = memchr(data, '\n', len);
		size_t take = nl ? (size_t)(nl - data) : len;

		/* A line that fits exactly is whole; only one past the cap is cut.
		 * A full buffer waits for the next byte to say which. */
		if (ls->len + take > ls->cap) {
			/* Fill the buffer to the cap and deliver it as a cut piece. */
			size_t room = ls->cap - ls->len;

			memcpy(ls->buf + ls->len, data, room);
			emit(ls, ls->buf, ls->cap, true);
			ls->len = 0;
			data += room;
			len -= room;
			continue;
		}
		if (nl == NULL) {
			memcpy(ls->buf + ls->len, data, take);
			ls->len += take;
			return;
		}
		if (ls->len == 0) {
			emit(ls, data, take, false);
		} else {
			memcpy(ls->buf + ls->len, data, take);
			emit(ls, ls->buf, ls->len + take, false);
			ls->len = 0;
		}
		data += take + 1;
		len -= take + 1;
	}
}

void
linesplit_finish(struct linesplit *ls)
{
	if (ls->len > 0)
		emit(ls, ls->buf, ls->len, false);
	ls->len = 0;
}
