/*
 * ingest.c — log bytes into a LOGS ring, a chunk at a time.
 *
 * The per-line path (prefix, sanitize_buf, redact_might, redact_text,
 * logset_append) costs a handful of passes and calls per line; a flood is
 * mostly plain ASCII with nothing to redact. So a chunk is scanned once
 * (linescan), and a complete line inside it goes to the ring untouched
 * when the scan proves both steps would leave it as it is:
 *   - no byte the sanitizer changes, and prefix + line within the
 *     sanitizer's cap (so no "…[+N bytes]" marker);
 *   - no position where a redaction word or secret may start, in the line
 *     or (linescan_prefix_plain) in the prefix before it;
 *   - not longer than the cut (linesplit would deliver it in pieces).
 * Everything else — a line begun in an earlier chunk, an overlong one, the
 * tail waiting for its '\n', a line with a control, non-ASCII, or a
 * possible secret — goes through linesplit and the exact path.
 */
#include "warroom/ingest.h"

#include <stdlib.h>
#include <string.h>

#include "warroom/linescan.h"
#include "warroom/sanitize.h"
#include "warroom/util.h"

/* As view_logs.c always had it: a longer line is cut here, before the
 * sanitizer counts the bytes it did not show. */
#define BUF_CAP (WR_SANITIZE_LINE_MAX + 256)
_Static_assert(WR_INGEST_PREFIX_MAX < 256, "the prefix fits beside a line");

static void
on_split(const char *line, size_t len, bool cut, void *arg)
{
	(void)cut;	/* a cut piece is stored like any other line */
	ingest_line(arg, line, len);
}

void
ingest_init(struct ingest *in, const struct ingest_opts *o)
{
	memset(in, 0, sizeof(*in));
	in->o = *o;
	if (in->o.line_cap == 0)
		in->o.line_cap = 16384;
	if (o->prefix != NULL) {
		in->plen = strlen(o->prefix);
		if (in->plen > WR_INGEST_PREFIX_MAX)
			in->plen = WR_INGEST_PREFIX_MAX;
		memcpy(in->prefix, o->prefix, in->plen);
	}
	in->o.prefix = in->prefix;
	linesplit_init(&in->split, in->o.line_cap, on_split, in);
	in->buf = xmalloc(BUF_CAP);
	in->clean = xmalloc(WR_SANITIZE_LINE_MAX + 1);
}

void
ingest_free(struct ingest *in)
{
	linesplit_free(&in->split);
	free(in->buf);
	free(in->clean);
	free(in->nl);
	free(in->slow);
	free(in->run);
	memset(in, 0, sizeof(*in));
}

void
ingest_line(struct ingest *in, const char *line, size_t len)
{
	size_t clen;
	char *redacted = NULL;
	const char *shown = in->clean;

	/* Our prefix is plain ASCII; the whole line goes through the sanitizer,
	 * then, when it may hold one, the redactor (a log line may carry a
	 * token or a DATABASE_URL: DESIGN §3.3). */
	if (len > BUF_CAP - in->plen - 1)
		len = BUF_CAP - in->plen - 1;
	memcpy(in->buf, in->prefix, in->plen);
	memcpy(in->buf + in->plen, line, len);
	sanitize_buf(in->buf, in->plen + len, in->clean, WR_SANITIZE_LINE_MAX + 1, &clen);
	if (redact_might(in->o.red, in->clean, clen)) {
		in->clean[clen] = '\0';
		shown = redacted = redact_text(in->o.red, in->clean);
		clen = strlen(redacted);
	}
	if (in->o.set != NULL)
		logset_append(in->o.set, in->o.ring, shown, clen, in->o.source != 0);
	else if (in->o.on_line != NULL)
		in->o.on_line(shown, clen, line, len, in->o.source, in->o.arg);
	in->lines++;
	free(redacted);
}

static void
run_flush(struct ingest *in, const char *base, size_t *n)
{
	if (*n == 0)
		return;
	logset_append_run(in->o.set, in->o.ring, in->prefix, in->plen, base, in->run, *n,
	    in->o.source != 0);
	in->lines += *n;
	in->fast += *n;
	*n = 0;
}

/* The complete lines of data[a .. b) (b just past a '\n'; nothing pending
 * in the splitter), clean ones a run at a time. */
static void
lines_fast(struct ingest *in, const char *data, size_t a, size_t b, bool plain)
{
	size_t n = 0;

	while (a < b) {
		size_t e = linescan_next(in->nl, a, b), end = e;

		if (end > a && data[end - 1] == '\r')
			end--;	/* linesplit drops a CR before the LF */
		if (e - a > in->o.line_cap) {
			/* linesplit's pieces, exactly. */
			run_flush(in, data, &n);
			linesplit_feed(&in->split, data + a, e + 1 - a);
		} else if (!plain || in->plen + (end - a) > WR_SANITIZE_LINE_MAX ||
		    linescan_any(in->slow, a, end)) {
			run_flush(in, data, &n);
			ingest_line(in, data + a, end - a);
		} else {
			if (n == in->run_cap) {
				in->run_cap = in->run_cap ? in->run_cap * 2 : 256;
				in->run = xrealloc(in->run, in->run_cap * sizeof(*in->run));
			}
			in->run[n].off = (uint32_t)a;
			in->run[n++].len = (uint32_t)(end - a);
		}
		a = e + 1;
	}
	run_flush(in, data, &n);
}

/* The offset just past the last '\n' of data[0 .. len), or 0. */
static size_t
after_last_nl(const uint64_t *nl, size_t len)
{
	size_t w = WR_LINESCAN_WORDS(len);

	while (w > 0) {
		w--;
		if (nl[w] != 0)
			return w * 64 + (size_t)(63 - __builtin_clzll(nl[w])) + 1;
	}
	return 0;
}

void
ingest_feed(struct ingest *in, const char *data, size_t len)
{
	size_t a = 0, b, words = WR_LINESCAN_WORDS(len);

	if (in->o.set == NULL) {
		/* Lines for a caller that orders them: each one exactly. */
		linesplit_feed(&in->split, data, len);
		return;
	}
	/* Offsets into a piece are 32-bit. */
	while (len > ((size_t)1 << 30)) {
		ingest_feed(in, data, (size_t)1 << 30);
		data += (size_t)1 << 30;
		len -= (size_t)1 << 30;
		words = WR_LINESCAN_WORDS(len);
	}
	if (len == 0)
		return;
	if (words > in->words) {
		in->words = words;
		in->nl = xrealloc(in->nl, words * sizeof(*in->nl));
		in->slow = xrealloc(in->slow, words * sizeof(*in->slow));
	}
	linescan_run(in->o.red, data, len, in->nl, in->slow);
	if (in->split.len > 0) {
		/* A line begun in an earlier chunk ends at the first '\n'. */
		a = linescan_next(in->nl, 0, len);
		if (a == len) {
			linesplit_feed(&in->split, data, len);
			return;
		}
		linesplit_feed(&in->split, data, a + 1);
		a++;
	}
	b = after_last_nl(in->nl, len);
	if (in->o.red != NULL && in->plain_secrets != in->o.red->n + 1) {
		/* Once, and again when a secret is loaded (the tables grow). */
		in->plain = linescan_prefix_plain(in->o.red, in->prefix, in->plen);
		in->plain_secrets = in->o.red->n + 1;
	}
	if (b > a)
		lines_fast(in, data, a, b, in->o.red != NULL && in->plain);
	else
		b = a;
	if (b < len)
		linesplit_feed(&in->split, data + b, len - b);
}

void
ingest_finish(struct ingest *in)
{
	linesplit_finish(&in->split);
}
