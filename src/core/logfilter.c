/*
 * logfilter.c — the LOGS filter: pcre2 (UTF, JIT when available) over the
 * lines of a logbuf, a bounded number of lines per step.
 *
 * The arena keeps every line followed by '\n', so for most patterns one
 * pcre2 call searches thousands of lines (compiled MULTILINE, ^ and $ sit
 * at line edges and \b sees '\n' as a non-word character, exactly as at
 * the ends of a lone line). A match inside one line is that line's match;
 * one that runs past its line's end is checked again on that line alone.
 * Patterns that could see past their line in other ways (lookaround and
 * inline options "(?", verbs "(*", \A \z \Z \G \K) are run line by line.
 * Nothing is allocated per line: one match_data serves every call.
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

void
logfilter_clear(struct logfilter *f)
{
	re_free(f->re);
	f->re = NULL;
	f->cursor = 0;
	f->matched = 0;
	f->hits_head = f->hits_len = 0;
}

void
logfilter_free(struct logfilter *f)
{
	re_free(f->re);
	free(f->hits);
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

bool
logfilter_match(const struct logfilter *f, const char *text, size_t len)
{
	return f->re != NULL && re_match(f->re, text, len, 0) >= 0;
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
hits_push(struct logfilter *f, uint64_t seq)
{
	if (f->hits_len == f->hits_cap) {
		size_t cap = f->hits_cap > 0 ? f->hits_cap * 2 : 256, i;
		uint64_t *h = xmalloc(cap * sizeof(*h));

		for (i = 0; i < f->hits_len; i++)
			h[i] = f->hits[(f->hits_head + i) & (f->hits_cap - 1)];
		free(f->hits);
		f->hits = h;
		f->hits_cap = cap;
		f->hits_head = 0;
	}
	f->hits[(f->hits_head + f->hits_len++) & (f->hits_cap - 1)] = seq;
	f->matched++;
}

uint64_t
logfilter_hit(const struct logfilter *f, size_t i)
{
	return f->hits[(f->hits_head + i) & (f->hits_cap - 1)];
}

/* Matches of lines the ring has dropped leave the list. */
static void
prune(struct logfilter *f, const struct logbuf *lb)
{
	while (f->hits_len > 0 && logfilter_hit(f, 0) < logbuf_first(lb)) {
		f->hits_head = (f->hits_head + 1) & (f->hits_cap - 1);
		f->hits_len--;
	}
	if (f->cursor < logbuf_first(lb))
		f->cursor = logbuf_first(lb);
}

size_t
logfilter_count(struct logfilter *f, const struct logbuf *lb)
{
	prune(f, lb);
	return f->hits_len;
}

/* Lines [seq, seq + n), one pcre2 call each. */
static void
scan_lines(struct logfilter *f, const struct logbuf *lb, uint64_t seq, uint64_t n)
{
	struct logbuf_line l;

	for (; n > 0; seq++, n--)
		if (logbuf_get(lb, seq, &l) && re_match(f->re, l.text, l.len, 0) >= 0)
			hits_push(f, seq);
}

/* Lines [seq, seq + n) lying back to back in text[bytes], searched as one. */
static void
scan_batch(struct logfilter *f, const struct logbuf *lb, uint64_t seq, size_t n,
    const char *text, size_t bytes)
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
			scan_lines(f, lb, at, stop - at);
			return;
		}
		ov = pcre2_get_ovector_pointer(f->re->md);
		if (ov[0] >= bytes)
			return;
		/* Matches come in order: look for the line from the last one on. */
		at = logbuf_locate(lb, near, (size_t)(stop - near), text + ov[0]);
		near = at + 1 < stop ? at + 1 : at;
		logbuf_get(lb, at, &l);
		if ((ov[1] >= ov[0] && text + ov[1] <= l.text + l.len) ||
		    re_match(f->re, l.text, l.len, 0) >= 0)
			hits_push(f, at);
		from = (size_t)(l.text + l.len + 1 - text);
	}
}

bool
logfilter_step(struct logfilter *f, const struct logbuf *lb, unsigned max_lines)
{
	uint64_t budget = max_lines;

	if (f->re == NULL)
		return true;
	prune(f, lb);
	while (budget > 0 && f->cursor < logbuf_end(lb)) {
		const char *text;
		size_t bytes, n;

		n = logbuf_span(lb, f->cursor, (size_t)budget, &text, &bytes);
		if (f->batch)
			scan_batch(f, lb, f->cursor, n, text, bytes);
		else
			scan_lines(f, lb, f->cursor, n);
		f->cursor += n;
		budget -= n;
	}
	return f->cursor >= logbuf_end(lb);
}

/* Index of the first hit > seq (hits_len when none). */
static size_t
first_after(const struct logfilter *f, uint64_t seq)
{
	size_t lo = 0, hi = f->hits_len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (logfilter_hit(f, mid) <= seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool
logfilter_next(struct logfilter *f, const struct logbuf *lb, uint64_t seq,
    uint64_t *out)
{
	size_t i;

	prune(f, lb);
	i = first_after(f, seq);
	if (i >= f->hits_len)
		return false;
	*out = logfilter_hit(f, i);
	return true;
}

bool
logfilter_prev(struct logfilter *f, const struct logbuf *lb, uint64_t seq,
    uint64_t *out)
{
	size_t i;

	prune(f, lb);
	i = seq > 0 ? first_after(f, seq - 1) : 0;
	if (i == 0)
		return false;
	*out = logfilter_hit(f, i - 1);
	return true;
}
