/*
 * logfilter.c — the LOGS filter: pcre2 (UTF, JIT when available) over the
 * lines of each ring of a logset, a bounded number of lines per step.
 *
 * The arena keeps every line followed by '\n', so for most patterns one
 * pcre2 call searches thousands of lines (compiled MULTILINE, ^ and $ sit
 * at line edges and \b sees '\n' as a non-word character, exactly as at
 * the ends of a lone line). A match inside one line is that line's match;
 * one that runs past its line's end is checked again on that line alone.
 * Patterns that could see past their line in other ways (lookaround and
 * inline options "(?", verbs "(*", \A \z \Z \G \K) are run line by line.
 * Nothing is allocated per line: one match_data serves every call. Each
 * ring is searched on its own (its lines lie back to back in its arena);
 * the rings' matches are put in one order by id only when asked (n, N).
 * A call that fails (a limit) over many lines is run again line by line;
 * a line that fails alone is kept with the matches and listed apart.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "warroom/logfilter.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

struct logfilter_re {
	pcre2_code *code;
	pcre2_match_data *md;
	bool jit;
};

void
logfilter_init(struct logfilter *f)
{
	memset(f, 0, sizeof(*f));
}

static void
re_free(struct logfilter_re *re)
{
	if (re == NULL)
		return;
	pcre2_match_data_free(re->md);
	pcre2_code_free(re->code);
	free(re);
}

/* Every ring's search from its start. */
static void
restart(struct logfilter *f)
{
	unsigned i;

	for (i = 0; i < WR_LOGSET_RINGS; i++) {
		f->r[i].cursor = 0;
		f->r[i].hits.head = f->r[i].hits.len = 0;
		f->r[i].errs.head = f->r[i].errs.len = 0;
	}
}

void
logfilter_clear(struct logfilter *f)
{
	re_free(f->re);
	f->re = NULL;
	f->matched = 0;
	f->error = 0;
	restart(f);
}

void
logfilter_free(struct logfilter *f)
{
	unsigned i;

	re_free(f->re);
	for (i = 0; i < WR_LOGSET_RINGS; i++) {
		free(f->r[i].hits.v);
		free(f->r[i].errs.v);
	}
	memset(f, 0, sizeof(*f));
}

/* Smart case: an uppercase letter that is not part of an escape (\S, \D,
 * \P{Lu}) makes the pattern case-sensitive. */
static bool
has_upper(const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (p[i] == '\\') {
			i++;
			if (i + 1 < len && (p[i] == 'p' || p[i] == 'P') && p[i + 1] == '{')
				while (i < len && p[i] != '}')
					i++;
			continue;
		}
		if (p[i] >= 'A' && p[i] <= 'Z')
			return true;
	}
	return false;
}

/* Whether a match can only depend on the characters of its own line. */
static bool
batch_safe(const char *p, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i++) {
		if (p[i] == '\\') {
			if (strchr("AzZGK", p[i + 1]) != NULL)
				return false;
			i++;
		} else if (p[i] == '(' && (p[i + 1] == '*' ||
		    (p[i + 1] == '?' && (i + 2 >= len || p[i + 2] != ':')))) {
			return false;
		}
	}
	return true;
}

int
logfilter_set(struct logfilter *f, const char *pattern, size_t len,
    struct wr_err *err)
{
	return logfilter_set_at(f, pattern, len, NULL, err);
}

int
logfilter_set_at(struct logfilter *f, const char *pattern, size_t len, size_t *erroff_out,
    struct wr_err *err)
{
	uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_MULTILINE;
	pcre2_compile_context *cc;
	struct logfilter_re *re;
	PCRE2_SIZE erroff;
	int errcode;
	bool caseless = !has_upper(pattern, len);

	if (caseless)
		opts |= PCRE2_CASELESS;
	cc = pcre2_compile_context_create(NULL);
	pcre2_set_newline(cc, PCRE2_NEWLINE_LF);
	re = xcalloc(1, sizeof(*re));
	re->code = pcre2_compile((PCRE2_SPTR)pattern, len, opts, &errcode, &erroff, cc);
	pcre2_compile_context_free(cc);
	if (re->code == NULL) {
		PCRE2_UCHAR msg[256];

		free(re);
		if (erroff_out != NULL)
			*erroff_out = (size_t)erroff;
		if (pcre2_get_error_message(errcode, msg, sizeof(msg)) < 0)
			wr_strlcpy((char *)msg, "invalid pattern", sizeof(msg));
		return wr_err_set(err, "%s at offset %zu", (const char *)msg, (size_t)erroff);
	}
	re->jit = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;
	re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
	if (re->md == NULL) {
		re_free(re);
		return wr_err_set(err, "out of memory for the pattern");
	}
	logfilter_clear(f);
	f->re = re;
	f->caseless = caseless;
	f->batch = batch_safe(pattern, len);
	return 0;
}

/* One pcre2 call; >= 0 with the match in md's ovector, < 0 for none. */
static int
re_match(const struct logfilter_re *re, const char *s, size_t len, size_t from)
{
	if (re->jit)
		return pcre2_jit_match(re->code, (PCRE2_SPTR)s, len, from, 0, re->md, NULL);
	return pcre2_match(re->code, (PCRE2_SPTR)s, len, from, 0, re->md, NULL);
}

/* A line that matches or that pcre2 gave up on: both are shown. */
static bool
shown(int rc)
{
	return rc >= 0 || rc != PCRE2_ERROR_NOMATCH;
}

bool
logfilter_match(const struct logfilter *f, const char *text, size_t len)
{
	return f->re != NULL && shown(re_match(f->re, text, len, 0));
}

size_t
logfilter_spans(const struct logfilter *f, const char *text, size_t len,
    struct logfilter_span *spans, size_t max)
{
	size_t n = 0, from = 0;

	if (f->re == NULL)
		return 0;
	while (n < max && from <= len && re_match(f->re, text, len, from) >= 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(f->re->md);

		if (ov[1] < ov[0])	/* \K in a lookahead: nothing to paint */
			break;
		spans[n].start = ov[0];
		spans[n].end = ov[1];
		n++;
		from = ov[1];
		if (ov[1] == ov[0]) {
			/* An empty match: step over one whole character. */
			from++;
			while (from < len && ((unsigned char)text[from] & 0xc0) == 0x80)
				from++;
		}
	}
	return n;
}

static void
seqs_push(struct logfilter_seqs *q, uint64_t seq)
{
	if (q->len == q->cap) {
		size_t cap = q->cap > 0 ? q->cap * 2 : 256, i;
		uint64_t *v = xmalloc(cap * sizeof(*v));

		for (i = 0; i < q->len; i++)
			v[i] = q->v[(q->head + i) & (q->cap - 1)];
		free(q->v);
		q->v = v;
		q->cap = cap;
		q->head = 0;
	}
	q->v[(q->head + q->len++) & (q->cap - 1)] = seq;
}

static uint64_t
seqs_at(const struct logfilter_seqs *q, size_t j)
{
	return q->v[(q->head + j) & (q->cap - 1)];
}

/* Numbers below first leave the front. */
static void
seqs_prune(struct logfilter_seqs *q, uint64_t first)
{
	while (q->len > 0 && seqs_at(q, 0) < first) {
		q->head = (q->head + 1) & (q->cap - 1);
		q->len--;
	}
}

/* Line seq of r gave rc: a match is a hit; a failure too, listed apart. */
static void
line_result(struct logfilter *f, struct logfilter_ring *r, uint64_t seq, int rc)
{
	if (!shown(rc))
		return;
	seqs_push(&r->hits, seq);
	f->matched++;
	if (rc < 0) {
		seqs_push(&r->errs, seq);
		f->error = rc;
	}
}

static uint64_t
hit_at(const struct logfilter_ring *r, size_t j)
{
	return seqs_at(&r->hits, j);
}

uint64_t
logfilter_ring_hit(const struct logfilter *f, unsigned ring, size_t j)
{
	return hit_at(&f->r[ring], j);
}

/* Matches of lines a ring has dropped leave its list; a set that dropped
 * every line starts the search over. */
static void
prune(struct logfilter *f, const struct logset *s)
{
	unsigned i;

	if (f->gen != s->gen) {
		restart(f);
		f->gen = s->gen;
	}
	for (i = 0; i < logset_rings(s); i++) {
		struct logfilter_ring *r = &f->r[i];
		uint64_t first = logbuf_first(logset_buf(s, i));

		seqs_prune(&r->hits, first);
		seqs_prune(&r->errs, first);
		if (r->cursor < first)
			r->cursor = first;
	}
}

size_t
logfilter_count(struct logfilter *f, const struct logset *s)
{
	size_t n = 0;
	unsigned i;

	prune(f, s);
	for (i = 0; i < logset_rings(s); i++)
		n += f->r[i].hits.len;
	return n;
}

size_t
logfilter_unsearched(struct logfilter *f, const struct logset *s)
{
	size_t n = 0;
	unsigned i;

	prune(f, s);
	for (i = 0; i < logset_rings(s); i++)
		n += f->r[i].errs.len;
	return n;
}

const char *
logfilter_error_words(const struct logfilter *f)
{
	switch (f->error) {
	case 0: return NULL;
	case PCRE2_ERROR_MATCHLIMIT: return "match limit";
	case PCRE2_ERROR_DEPTHLIMIT: return "depth limit";
	case PCRE2_ERROR_HEAPLIMIT: return "heap limit";
	case PCRE2_ERROR_JIT_STACKLIMIT: return "JIT stack";
	default: return "pcre2 error";
	}
}

size_t
logfilter_ring_count(struct logfilter *f, const struct logset *s, unsigned ring)
{
	prune(f, s);
	return ring < logset_rings(s) ? f->r[ring].hits.len : 0;
}

size_t
logfilter_searched(struct logfilter *f, const struct logset *s)
{
	size_t n = 0;
	unsigned i;

	prune(f, s);
	for (i = 0; i < logset_rings(s); i++)
		n += (size_t)(f->r[i].cursor - logbuf_first(logset_buf(s, i)));
	return n;
}

/* Lines [seq, seq + n) of lb, one pcre2 call each. */
static void
scan_lines(struct logfilter *f, struct logfilter_ring *r, const struct logbuf *lb,
    uint64_t seq, uint64_t n)
{
	struct logbuf_line l;

	for (; n > 0; seq++, n--)
		if (logbuf_get(lb, seq, &l))
			line_result(f, r, seq, re_match(f->re, l.text, l.len, 0));
}

/* Lines [seq, seq + n) lying back to back in text[bytes], searched as one. */
static void
scan_batch(struct logfilter *f, struct logfilter_ring *r, const struct logbuf *lb,
    uint64_t seq, size_t n, const char *text, size_t bytes)
{
	uint64_t stop = seq + n, near = seq;
	size_t from = 0;

	while (from < bytes) {
		int rc = re_match(f->re, text, bytes, from);
		struct logbuf_line l;
		PCRE2_SIZE *ov;
		uint64_t at;

		if (rc == PCRE2_ERROR_NOMATCH)
			return;
		if (rc < 0) {
			/* A limit hit over many lines: retry them one by one. */
			at = logbuf_locate(lb, near, (size_t)(stop - near), text + from);
			scan_lines(f, r, lb, at, stop - at);
			return;
		}
		ov = pcre2_get_ovector_pointer(f->re->md);
		if (ov[0] >= bytes)
			return;
		/* Matches come in order: look for the line from the last one on. */
		at = logbuf_locate(lb, near, (size_t)(stop - near), text + ov[0]);
		near = at + 1 < stop ? at + 1 : at;
		logbuf_get(lb, at, &l);
		if (ov[1] >= ov[0] && text + ov[1] <= l.text + l.len)
			line_result(f, r, at, 0);
		else
			line_result(f, r, at, re_match(f->re, l.text, l.len, 0));
		from = (size_t)(l.text + l.len + 1 - text);
	}
}

bool
logfilter_step(struct logfilter *f, const struct logset *s, unsigned max_lines)
{
	uint64_t budget = max_lines;
	bool done = true;
	unsigned i;

	if (f->re == NULL)
		return true;
	prune(f, s);
	for (i = 0; i < logset_rings(s); i++) {
		struct logfilter_ring *r = &f->r[i];
		const struct logbuf *lb = logset_buf(s, i);

		while (budget > 0 && r->cursor < logbuf_end(lb)) {
			const char *text;
			size_t bytes, n;

			n = logbuf_span(lb, r->cursor, (size_t)budget, &text, &bytes);
			if (f->batch)
				scan_batch(f, r, lb, r->cursor, n, text, bytes);
			else
				scan_lines(f, r, lb, r->cursor, n);
			r->cursor += n;
			budget -= n;
		}
		done = done && r->cursor >= logbuf_end(lb);
	}
	return done;
}

/* Index of ring i's first hit with an id above id (hits.len when none). */
static size_t
first_after(const struct logfilter *f, const struct logset *s, unsigned i, uint64_t id)
{
	const struct logfilter_ring *r = &f->r[i];
	size_t lo = 0, hi = r->hits.len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (logset_id(s, i, hit_at(r, mid)) <= id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
logfilter_count_after(struct logfilter *f, const struct logset *s, uint64_t id)
{
	size_t n = 0;
	unsigned i;

	prune(f, s);
	for (i = 0; i < logset_rings(s); i++)
		n += f->r[i].hits.len - first_after(f, s, i, id);
	return n;
}

bool
logfilter_next(struct logfilter *f, const struct logset *s, uint64_t id, uint64_t *out)
{
	bool found = false;
	unsigned i;

	prune(f, s);
	for (i = 0; i < logset_rings(s); i++) {
		size_t j = first_after(f, s, i, id);
		uint64_t at;

		if (j < f->r[i].hits.len &&
		    (at = logset_id(s, i, hit_at(&f->r[i], j)), !found || at < *out)) {
			*out = at;
			found = true;
		}
	}
	return found;
}

bool
logfilter_prev(struct logfilter *f, const struct logset *s, uint64_t id, uint64_t *out)
{
	bool found = false;
	unsigned i;

	prune(f, s);
	for (i = 0; i < logset_rings(s); i++) {
		size_t j = id > 0 ? first_after(f, s, i, id - 1) : 0;
		uint64_t at;

		if (j > 0 && (at = logset_id(s, i, hit_at(&f->r[i], j - 1)), !found || at > *out)) {
			*out = at;
			found = true;
		}
	}
	return found;
}
