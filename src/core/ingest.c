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
 *   - not longer than the cut (linesplit keeps its head and counts the rest).
 * Everything else — a line begun in an earlier chunk, an overlong one, the
 * tail waiting for its '\n', a line with a control, non-ASCII, or a
 * possible secret — goes through linesplit and the exact path.
 *
 * Resuming. A tool resumes a tail from a whole second (`docker compose
 * logs --since` takes seconds; the Kubernetes API keeps sinceTime in
 * seconds too), so the resumed run sends again every line of that second
 * it sent before the break. The second asked for is the one the newest
 * stored line carries, not the time its bytes arrived: the tool compares
 * the lines' own times (a host's clock that differs from ours moves
 * nothing), and the lines it sends again are then the ones we hold from
 * that second on, the first ones of the new run. The lines held from the
 * second before are looked at too, since docker stamps a line when it
 * reads it, a little after the service did. So the new run's first line
 * is looked for among the held ones; from there each next line must be
 * the next held one, and is dropped; the first line that is not (or the
 * end of the held lines) ends the skipping for the rest of the run. When
 * a line breaks the run of matches, an alignment further on that agrees
 * with every line dropped so far is taken instead (repeated identical
 * lines): nothing that matched has to be taken back, because the lines
 * dropped equal the held ones under either alignment. A line is compared
 * finished (prefixed, sanitized, redacted), by a 64-bit hash; only the
 * start of a resumed run takes the per-line path for it.
 *
 * A deployment's pods followed at once (kubectl logs -l … --prefix) are
 * streams of their own interleaved as they arrive, differently in each
 * run, so all of the above is done per pod (the "[pod/NAME/CONTAINER]"
 * each line begins with): a pod's held lines are its own from its last
 * line before the second ahead of the newest, and the resumed run's lines
 * of that pod are matched against them alone.
 */
#include "warroom/ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "warroom/linescan.h"
#include "warroom/sanitize.h"
#include "warroom/util.h"

/* As view_logs.c always had it: a longer line is cut here, before the
 * sanitizer counts the bytes it did not show. */
#define BUF_CAP (WR_SANITIZE_LINE_MAX + 256)
_Static_assert(WR_INGEST_PREFIX_MAX < 256, "the prefix fits beside a line");

static void
on_split(const char *line, size_t len, size_t dropped, void *arg)
{
	ingest_line(arg, line, len, dropped);
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
	linesplit_init_head(&in->split, in->o.line_cap, on_split, in);
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
	free(in->held);
	free(in->parts);
	memset(in, 0, sizeof(*in));
}

/* FNV-1a: a finished line compared with a held one. */
static uint64_t
line_hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ull;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ull;
	}
	return h ^ len;
}

/* The part a finished line belongs to: the hash of kubectl's pod prefix
 * right after ours ("[pod/NAME/CONTAINER]"), or 0 when it has none. */
static uint64_t
part_key(const struct ingest *in, const char *text, size_t len)
{
	const char *p = text + in->plen, *end;
	size_t n = len - in->plen;

	if (len < in->plen + 5 || memcmp(p, "[pod/", 5) != 0 ||
	    (end = memchr(p, ']', n < 256 ? n : 256)) == NULL)
		return 0;
	return line_hash(p, (size_t)(end + 1 - p)) | 1;	/* never 0 */
}

/* The part of key (added when add and there is room), or NULL. *hint is
 * the last one found: a run of one pod's lines finds it at once. */
static struct ingest_part *
part_find(struct ingest *in, uint64_t key, bool add, size_t *hint)
{
	size_t i;

	if (*hint < in->nparts && in->parts[*hint].key == key)
		return &in->parts[*hint];
	for (i = 0; i < in->nparts; i++)
		if (in->parts[i].key == key)
			return &in->parts[*hint = i];
	if (!add || in->nparts == WR_INGEST_PARTS_MAX)
		return NULL;
	if (in->nparts == in->parts_cap) {
		in->parts_cap = in->parts_cap ? in->parts_cap * 2 : 8;
		in->parts = xrealloc(in->parts, in->parts_cap * sizeof(*in->parts));
	}
	memset(&in->parts[in->nparts], 0, sizeof(in->parts[0]));
	in->parts[in->nparts].key = key;
	return &in->parts[*hint = in->nparts++];
}

bool
ingest_resume(struct ingest *in, const struct logset *set, unsigned ring,
    char *since, size_t cap)
{
	const struct logbuf *lb;
	struct logset_line l;
	struct ingest_part *pt;
	uint64_t first, seq, from, *hash = NULL;
	uint32_t *which = NULL;
	int64_t t, newest = WR_LOGBUF_NO_TIME;
	size_t hint = 0, closed = 0, n = 0, i;
	time_t tt;
	struct tm tm;

	in->nheld = in->nparts = in->open_parts = 0;
	if (ring >= logset_rings(set))
		return false;
	lb = logset_buf(set, ring);
	first = logbuf_first(lb);
	/* The newest stamped line of the stream (a warning is the tool's
	 * stderr, never sent again), then back, part by part, to the last
	 * line stamped before the second ahead of it: each part's held lines
	 * start after its own. Pods' lines arrive interleaved, one pod's a
	 * little behind another's, so the walk goes on until every part met
	 * so far has its older line. */
	for (seq = logbuf_end(lb); seq > first && newest == WR_LOGBUF_NO_TIME; seq--)
		if (logset_line(set, ring, seq - 1, &l) && !l.warn &&
		    logbuf_parse_time(l.text, l.len, &t))
			newest = t;
	if (newest == WR_LOGBUF_NO_TIME)
		return false;
	for (from = logbuf_end(lb); from > first && logbuf_end(lb) - from < WR_INGEST_HELD_MAX;
	    from--) {
		if (!logset_line(set, ring, from - 1, &l) || l.warn)
			continue;
		if ((pt = part_find(in, part_key(in, l.text, l.len), true, &hint)) == NULL)
			break;	/* more pods than told apart: hold what is found */
		if (pt->closed || !logbuf_parse_time(l.text, l.len, &t) || t >= newest - 1)
			continue;
		pt->closed = true;
		pt->cut = from - 1;
		if (++closed == in->nparts) {
			from--;
			break;
		}
	}
	/* The held lines of each part, in order, one segment each: a closed
	 * part's after its older line, an open one's all from where the walk
	 * stopped. */
	hash = xmalloc((size_t)(logbuf_end(lb) - from + 1) * sizeof(*hash));
	which = xmalloc((size_t)(logbuf_end(lb) - from + 1) * sizeof(*which));
	for (seq = from; seq < logbuf_end(lb); seq++) {
		if (!logset_line(set, ring, seq, &l) || l.warn ||
		    (pt = part_find(in, part_key(in, l.text, l.len), false, &hint)) == NULL ||
		    (pt->closed && seq <= pt->cut))
			continue;
		hash[n] = line_hash(l.text, l.len);
		which[n++] = (uint32_t)hint;
		pt->n++;
	}
	for (i = 0, seq = 0; i < in->nparts; i++) {
		in->parts[i].start = (size_t)seq;
		seq += in->parts[i].n;
		in->parts[i].n = 0;
		in->parts[i].seeking = in->parts[i].start < seq;
		in->parts[i].done = !in->parts[i].seeking;
		in->open_parts += in->parts[i].seeking;
	}
	if (n > in->held_cap) {
		in->held_cap = n;
		in->held = xrealloc(in->held, in->held_cap * sizeof(*in->held));
	}
	for (i = 0; i < n; i++) {
		pt = &in->parts[which[i]];
		in->held[pt->start + pt->n++] = hash[i];
	}
	in->nheld = in->open_parts > 0 ? n : 0;
	free(hash);
	free(which);
	tt = (time_t)newest;
	if (gmtime_r(&tt, &tm) == NULL || cap < 21)
		return false;
	snprintf(since, cap, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	return true;
}

/* Part pt has sent again all it will: once no part is left, the resumed
 * run's lines go the fast way again. */
static void
part_done(struct ingest *in, struct ingest_part *pt)
{
	pt->done = true;
	if (--in->open_parts == 0)
		in->nheld = 0;
}

/* Is this finished line of a resumed run one the stream holds already? */
static bool
resume_skip(struct ingest *in, const char *text, size_t len)
{
	uint64_t h = line_hash(text, len);
	size_t hint = 0, j, k;
	struct ingest_part *pt = part_find(in, part_key(in, text, len), false, &hint);
	const uint64_t *held;

	if (pt == NULL || pt->done)
		return false;
	held = in->held + pt->start;
	k = pt->matched;
	if (pt->seeking) {
		pt->seeking = false;
		for (j = 0; j < pt->n && held[j] != h; j++)
			;
		if (j == pt->n) {
			part_done(in, pt);	/* nothing sent again */
			return false;
		}
		pt->from = j;
		pt->matched = 0;
	} else if (held[pt->from + k] != h) {
		/* Another alignment that agrees with the k lines dropped. */
		for (j = pt->from + 1; j + k <= pt->n; j++) {
			if (memcmp(held + j, held + pt->from, k * sizeof(*held)) != 0)
				continue;
			if (j + k == pt->n || held[j + k] == h)
				break;
		}
		if (j + k >= pt->n) {
			part_done(in, pt);	/* every held line came again, or none more */
			return false;
		}
		pt->from = j;
	}
	if (pt->from + ++pt->matched == pt->n)
		part_done(in, pt);	/* the last held line: new lines follow */
	in->skipped++;
	return true;
}

void
ingest_line(struct ingest *in, const char *line, size_t len, size_t dropped)
{
	size_t clen;
	char *redacted = NULL;
	const char *shown = in->clean;

	/* Our prefix is plain ASCII; the whole line goes through the sanitizer,
	 * then, when it may hold one, the redactor (a log line may carry a
	 * token or a DATABASE_URL: DESIGN §3.3). Its marker counts every byte
	 * of the line not shown, those the splitter dropped too. */
	if (len > BUF_CAP - in->plen - 1) {
		dropped += len - (BUF_CAP - in->plen - 1);
		len = BUF_CAP - in->plen - 1;
	}
	memcpy(in->buf, in->prefix, in->plen);
	memcpy(in->buf + in->plen, line, len);
	sanitize_buf_cut(in->buf, in->plen + len, dropped, in->clean, WR_SANITIZE_LINE_MAX + 1,
	    &clen);
	if (redact_might(in->o.red, in->clean, clen)) {
		in->clean[clen] = '\0';
		shown = redacted = redact_text(in->o.red, in->clean);
		clen = strlen(redacted);
	}
	if (in->nheld > 0 && resume_skip(in, shown, clen)) {
		free(redacted);
		return;
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
		} else if (!plain || in->nheld > 0 ||
		    in->plen + (end - a) > WR_SANITIZE_LINE_MAX ||
		    linescan_any(in->slow, a, end)) {
			run_flush(in, data, &n);
			ingest_line(in, data + a, end - a, 0);
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
ingest_drop_partial(struct ingest *in)
{
	linesplit_drop(&in->split);
}

void
ingest_finish(struct ingest *in)
{
	linesplit_finish(&in->split);
}
