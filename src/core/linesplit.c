/*
 * linesplit.c — cuts a byte stream into lines with one bounded buffer.
 * Complete lines inside a fed chunk are delivered straight from the chunk;
 * only a trailing partial line is copied. A head splitter keeps the first
 * cap bytes of an overlong line and only counts the rest, so the line
 * arrives once, whole or cut, however many chunks it spans.
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
linesplit_init_head(struct linesplit *ls, size_t cap, linesplit_head_fn fn, void *arg)
{
	linesplit_init(ls, cap, NULL, arg);
	ls->head = fn;
}

void
linesplit_drop(struct linesplit *ls)
{
	ls->len = 0;
	ls->over = 0;
	ls->over_cr = false;
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
	if (ls->head != NULL)
		ls->head(line, len, 0, ls->arg);
	else
		ls->fn(line, len, cut, ls->arg);
}

/* A head splitter's overlong line ends: its head and what was dropped (a
 * CR before the newline is not part of the line). */
static void
emit_over(struct linesplit *ls)
{
	size_t dropped = ls->over - (ls->over_cr ? 1 : 0);

	ls->head(ls->buf, ls->len, dropped, ls->arg);
	ls->len = ls->over = 0;
	ls->over_cr = false;
}

/* Head splitter: take the next take bytes of a line that outgrew the cap
 * (the buffer filled to the cap, the rest counted). */
static void
take_over(struct linesplit *ls, const char *data, size_t take)
{
	size_t room = ls->cap - ls->len;

	if (room > take)
		room = take;
	memcpy(ls->buf + ls->len, data, room);
	ls->len += room;
	if (take > room) {
		ls->over += take - room;
		ls->over_cr = data[take - 1] == '\r';
	}
}

void
linesplit_feed(struct linesplit *ls, const char *data, size_t len)
{
	while (len > 0) {
		const char *nl = memchr(data, '\n', len);
		size_t take = nl ? (size_t)(nl - data) : len;

		/* A line that fits exactly is whole; only one past the cap is cut.
		 * A full buffer waits for the next byte to say which. */
		if (ls->head != NULL && (ls->over > 0 || ls->len + take > ls->cap)) {
			take_over(ls, data, take);
			if (nl == NULL)
				return;
			emit_over(ls);
			data += take + 1;
			len -= take + 1;
			continue;
		}
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
	if (ls->over > 0)
		emit_over(ls);
	else if (ls->len > 0)
		emit(ls, ls->buf, ls->len, false);
	ls->len = 0;
}
