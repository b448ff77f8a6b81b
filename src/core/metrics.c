/*
 * metrics.c — Prometheus text exposition format (0.0.4) and the
 * /api/v1/query JSON answer, read without allocating per sample.
 *
 * The parser walks the buffer once, line by line, and hands each sample to
 * a callback as spans into the buffer: a 400 000-line scrape costs no
 * malloc at all (DESIGN §5 B7). Label text is validated here, so the label
 * helpers below can walk it again cheaply when a caller asks. A line that
 * repeats the one before it up to some label resumes from there (struct
 * tpl), and a plain decimal value is read eight bytes at a time; both give
 * exactly what the full path gives (tests/unit/test_metrics.c checks). Other
 * numbers go through an exact fast path (Clinger: a mantissa below 2^53
 * times a power of ten up to 10^22) and fall back to strtod_l in the C
 * locale, so a comma-decimal LC_NUMERIC set by the UI never changes what
 * we read.
 *
 * On top of that, metrics_scrape_read() folds one scrape into counts per
 * status class and a summed histogram (PromQL's sum by (le)), and
 * metrics_rates_compute() gives the rates between two scrapes with
 * rate()'s reset rule and histogram_quantile()'s interpolation.
 */
#include "warroom/metrics.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- characters ---- */

#define C_NAME_START 1                   /* [a-zA-Z_:] */
#define C_NAME 2                         /* [a-zA-Z0-9_:] */
#define C_LABEL 4                        /* [a-zA-Z0-9_] */
#define C_BLANK 8                        /* space, tab */

static const unsigned char cclass[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 3, 0, 0, 0, 0, 0,
	0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
	7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0, 7,
	0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
	7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0, 0,
	/* 0x80..0xff: nothing */
};

static inline bool
is_blank(char c)
{
	return (cclass[(unsigned char)c] & C_BLANK) != 0;
}

static inline bool
is_alpha_(unsigned char c)
{
	return (cclass[c] & C_NAME_START) != 0 && c != ':';
}

static inline bool
is_digit(unsigned char c)
{
	return (unsigned char)(c - '0') < 10;
}

static inline bool
is_name_start(unsigned char c)
{
	return (cclass[c] & C_NAME_START) != 0;
}

static inline bool
is_name_char(unsigned char c)
{
	return (cclass[c] & C_NAME) != 0;
}

static inline bool
is_label_char(unsigned char c)
{
	return (cclass[c] & C_LABEL) != 0;
}

/* The end of a run of class c from s: four bytes per step, so the loads
 * do not wait on each other (names are a third of a typical line). */
static inline const char *
skip_class(const char *s, const char *e, unsigned char c)
{
	const unsigned char *u = (const unsigned char *)s;

	while (e - (const char *)u >= 4 &&
	    (cclass[u[0]] & cclass[u[1]] & cclass[u[2]] & cclass[u[3]] & c))
		u += 4;
	while ((const char *)u < e && (cclass[*u] & c))
		u++;
	return (const char *)u;
}

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* The first '"' or '\\' in [s, e), or e. Eight bytes at a time: label
 * values are where most of a line's bytes are. */
static inline const char *
find_quote_or_backslash(const char *s, const char *e)
{
	while (e - s >= 8) {
		uint64_t w, q, b;

		memcpy(&w, s, 8);
		q = w ^ (ONES * '"');
		b = w ^ (ONES * '\\');
		q = (q - ONES) & ~q & HIGHS;
		b = (b - ONES) & ~b & HIGHS;
		if ((q | b) != 0)
			break;
		s += 8;
	}
	while (s < e && *s != '"' && *s != '\\')
		s++;
	return s;
}

static bool
span_is(const char *p, size_t n, const char *s)
{
	size_t l = strlen(s);

	return n == l && memcmp(p, s, l) == 0;
}

static bool
span_is_ci(const char *p, size_t n, const char *s)
{
	size_t i;

	if (n != strlen(s))
		return false;
	for (i = 0; i < n; i++)
		if ((p[i] | 0x20) != s[i])
			return false;
	return true;
}

/* A short, printable copy of untrusted text for an error message. */
static void
quote_token(const char *p, size_t n, char *dst, size_t cap)
{
	size_t i, o = 0;

	for (i = 0; i < n && o + 4 < cap; i++) {
		unsigned char c = (unsigned char)p[i];

		dst[o++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
	}
	if (i < n && o + 4 <= cap) {
		memcpy(dst + o, "...", 3);
		o += 3;
	}
	dst[o] = '\0';
}

/* ---- numbers ---- */

static const double pow10_exact[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static locale_t
c_locale(void)
{
	static locale_t loc;

	if (loc == (locale_t)0)
		loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	return loc;
}

static bool
parse_double_slow(const char *p, size_t n, double *out)
{
	char tmp[128];
	char *end;
	locale_t loc;

	if (n == 0 || n >= sizeof(tmp))
		return false;
	memcpy(tmp, p, n);
	tmp[n] = '\0';
	/* strtod takes leading spaces and "nan(...)"; the format does not. */
	if (!(tmp[0] == '+' || tmp[0] == '-' || tmp[0] == '.' ||
	    is_name_char((unsigned char)tmp[0])) || strchr(tmp, '(') != NULL)
		return false;
	loc = c_locale();
	*out = loc != (locale_t)0 ? strtod_l(tmp, &end, loc) : strtod(tmp, &end);
	return end == tmp + n;
}

bool
metrics_parse_double(const char *p, size_t n, double *out)
{
	const char *s = p, *e = p + n;
	bool neg = false, digits = false;
	uint64_t m = 0;
	int sig = 0, scale = 0;

	if (s < e && (*s == '-' || *s == '+')) {
		neg = *s == '-';
		s++;
	}
	for (; s < e && is_digit((unsigned char)*s); s++) {
		digits = true;
		if (m == 0 && *s == '0')
			continue;
		if (++sig > 19)
			return parse_double_slow(p, n, out);
		m = m * 10 + (uint64_t)(*s - '0');
	}
	if (s < e && *s == '.') {
		for (s++; s < e && is_digit((unsigned char)*s); s++) {
			digits = true;
			scale--;
			if (m == 0 && *s == '0')
				continue;
			if (++sig > 19)
				return parse_double_slow(p, n, out);
			m = m * 10 + (uint64_t)(*s - '0');
		}
	}
	if (!digits) {
		size_t rest = (size_t)(e - s);

		if (span_is_ci(s, rest, "inf") || span_is_ci(s, rest, "infinity")) {
			*out = neg ? -INFINITY : INFINITY;
			return true;
		}
		if (span_is_ci(s, rest, "nan") && s == p) {
			*out = NAN;
			return true;
		}
		return false;
	}
	if (s < e && (*s == 'e' || *s == 'E')) {
		int ex = 0, esign = 1;
		bool edig = false;

		s++;
		if (s < e && (*s == '-' || *s == '+'))
			esign = *s++ == '-' ? -1 : 1;
		for (; s < e && is_digit((unsigned char)*s); s++) {
			edig = true;
			if (ex < 10000)
				ex = ex * 10 + (*s - '0');
		}
		if (!edig)
			return false;
		scale += esign * ex;
	}
	if (s != e)
		return parse_double_slow(p, n, out);
	if (m == 0) {
		*out = neg ? -0.0 : 0.0;
		return true;
	}
	if (m > (UINT64_C(1) << 53) || scale < -22 || scale > 22)
		return parse_double_slow(p, n, out);
	*out = scale < 0 ? (double)m / pow10_exact[-scale] : (double)m * pow10_exact[scale];
	if (neg)
		*out = -*out;
	return true;
}

static bool
parse_int64(const char *p, size_t n, int64_t *out)
{
	const char *e = p + n;
	bool neg = false;
	uint64_t v = 0;

	if (p < e && (*p == '-' || *p == '+')) {
		neg = *p == '-';
		p++;
	}
	if (p == e)
		return false;
	for (; p < e; p++) {
		if (!is_digit((unsigned char)*p) || v > (UINT64_C(1) << 62))
			return false;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	*out = neg ? -(int64_t)v : (int64_t)v;
	return true;
}

/* ---- the text format ---- */

struct family {
	const char *name;
	size_t len;
	enum metrics_type type;
};

static enum metrics_type
sample_type(const struct family *f, const char *name, size_t len)
{
	const char *rest;
	size_t rlen;

	if (f->len == 0 || len < f->len || memcmp(name, f->name, f->len) != 0)
		return METRICS_UNTYPED;
	rest = name + f->len;
	rlen = len - f->len;
	if (rlen == 0)
		return f->type;
	if (f->type == METRICS_HISTOGRAM && (span_is(rest, rlen, "_bucket") ||
	    span_is(rest, rlen, "_sum") || span_is(rest, rlen, "_count")))
		return f->type;
	if (f->type == METRICS_SUMMARY && (span_is(rest, rlen, "_sum") ||
	    span_is(rest, rlen, "_count")))
		return f->type;
	return METRICS_UNTYPED;
}

/* "# TYPE name type", "# HELP name text" or any other comment. */
static const char *
parse_comment(const char *s, const char *e, struct family *fam)
{
	const char *name, *t;
	size_t tlen;

	s++;                                     /* '#' */
	if (s == e || !is_blank(*s))
		return NULL;
	while (s < e && is_blank(*s))
		s++;
	if (e - s >= 4 && memcmp(s, "HELP", 4) == 0 && (s + 4 == e || is_blank(s[4]))) {
		s += 4;
		while (s < e && is_blank(*s))
			s++;
		if (s == e || !is_name_start((unsigned char)*s))
			return "HELP without a metric name";
		return NULL;
	}
	if (!(e - s >= 4 && memcmp(s, "TYPE", 4) == 0 && (s + 4 == e || is_blank(s[4]))))
		return NULL;                     /* a plain comment */
	s += 4;
	while (s < e && is_blank(*s))
		s++;
	name = s;
	if (s == e || !is_name_start((unsigned char)*s))
		return "TYPE without a metric name";
	while (s < e && is_name_char((unsigned char)*s))
		s++;
	fam->name = name;
	fam->len = (size_t)(s - name);
	while (s < e && is_blank(*s))
		s++;
	t = s;
	while (s < e && !is_blank(*s))
		s++;
	tlen = (size_t)(s - t);
	while (s < e && is_blank(*s))
		s++;
	if (s != e)
		return "TYPE line has extra text";
	if (span_is(t, tlen, "counter"))
		fam->type = METRICS_COUNTER;
	else if (span_is(t, tlen, "gauge"))
		fam->type = METRICS_GAUGE;
	else if (span_is(t, tlen, "histogram"))
		fam->type = METRICS_HISTOGRAM;
	else if (span_is(t, tlen, "summary"))
		fam->type = METRICS_SUMMARY;
	else if (span_is(t, tlen, "untyped"))
		fam->type = METRICS_UNTYPED;
	else {
		fam->len = 0;
		return "unknown metric type in TYPE line";
	}
	return NULL;
}

/*
 * The line before as a template. Exporters write a family's series one
 * after another, and a series' line usually repeats the one before it up
 * to the last label or two:
 *
 *   http_requests_total{service="api",path="/orders",status="200"} 1027
 *   http_requests_total{service="api",path="/orders",status="500"} 3
 *
 * The parser is a left-to-right automaton, so where two lines agree on
 * their first k bytes it is in the same state after them. The template
 * keeps the offsets (from the first non-blank byte) where the last sample
 * line's parse stood just after '{' and just after each label value's
 * closing '"', each reached by looking only at the bytes before it. A new
 * line is compared with that one a word at a time; the parse resumes at the
 * last such offset within the common prefix, with the name, its type and
 * the labels' start taken over. The bytes skipped were checked on the line
 * before; what follows is parsed as ever, so results and messages are the
 * same byte for byte. Any comment line (a TYPE line changes the types) and
 * any bad line drop the template.
 */
#define TPL_MARKS 16

struct tpl {
	const char *s;                   /* NULL: none */
	size_t len;                      /* of the line from s, '\r' excluded */
	size_t name_len;
	size_t labels_off;               /* just after '{'; 0: no labels */
	size_t nmarks;
	size_t marks[TPL_MARKS];         /* just after each value's closing '"' */
	enum metrics_type type;          /* of the name under the current family */
};

/* How many leading bytes a and b share, of the first n. */
static inline size_t
common_prefix(const char *a, const char *b, size_t n)
{
	size_t i = 0;

	while (n - i >= 8) {
		uint64_t x, y;

		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		if (x != y) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return i + (size_t)__builtin_ctzll(x ^ y) / 8;
#else
			break;
#endif
		}
		i += 8;
	}
	while (i < n && a[i] == b[i])
		i++;
	return i;
}

/* Labels from s, just after '{', or (after_value) from just after a label
 * value's closing '"'. *sp ends on '}'. NULL or why not. Offsets after
 * values go to t, counted from line. */
static const char *
parse_labels(const char **sp, const char *e, bool after_value,
    const char *line, struct tpl *t)
{
	const char *s = *sp;

	for (;;) {
		if (!after_value) {
			while (s < e && is_blank(*s))
				s++;
			if (s == e)
				return "missing '}'";
			if (*s == '}')
				break;
			if (!is_alpha_((unsigned char)*s))
				return "expected a label name";
			s = skip_class(s, e, C_LABEL);
			while (s < e && is_blank(*s))
				s++;
			if (s == e || *s != '=')
				return "expected '=' after a label name";
			s++;
			while (s < e && is_blank(*s))
				s++;
			if (s == e || *s != '"')
				return "expected '\"' to open a label value";
			for (s++;; s++) {
				s = find_quote_or_backslash(s, e);
				if (s == e)
					return "unterminated label value";
				if (*s == '"')
					break;
				if (++s == e)
					return "unterminated label value";
				if (*s != '\\' && *s != '"' && *s != 'n')
					return "bad escape in a label value (only \\\\ \\\" \\n)";
			}
			s++;
			if (t->nmarks < TPL_MARKS)
				t->marks[t->nmarks++] = (size_t)(s - line);
		}
		after_value = false;
		while (s < e && is_blank(*s))
			s++;
		if (s < e && *s == ',') {
			s++;
			continue;
		}
		if (s < e && *s == '}')
			break;
		return s == e ? "missing '}'" : "expected ',' or '}' after a label value";
	}
	*sp = s;
	return NULL;
}

static inline const char *
token_end(const char *s, const char *e)
{
	while (s < e && !is_blank(*s))
		s++;
	return s;
}

/* The common value, up to 15 digits with an optional '.', read in the
 * same pass that finds its end; anything else takes the full path. */
static inline bool
value_loop(const char **sp, const char *e, double *out)
{
	const char *s = *sp;
	uint64_t m = 0;
	int n = 0, frac = -1;

	for (; s < e; s++) {
		unsigned d = (unsigned)(unsigned char)*s - '0';

		if (d < 10) {
			m = m * 10 + d;
			n++;
			if (frac >= 0)
				frac++;
		} else if (*s == '.' && frac < 0)
			frac = 0;
		else
			break;
	}
	if (n == 0 || n > 15 || (s < e && !is_blank(*s)))
		return false;
	*out = frac > 0 ? (double)m / pow10_exact[frac] : (double)m;
	*sp = s;
	return true;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* How many of the eight bytes at s are leading digits (0..8), and in *v
 * what they read as: a whole run at once, so a value's length, which
 * varies from line to line, costs no branch per digit. */
static inline unsigned
digits8(const char *s, uint64_t *v)
{
	uint64_t w, nd, x;
	unsigned n;

	memcpy(&w, s, 8);
	/* A byte is a digit when its high nibble is 3 and stays 3 with 6
	 * added. A carry out of a byte ≥ 0xfa spoils only bytes after it,
	 * which are past the first non-digit anyway. */
	nd = ((w & (ONES * 0xf0)) ^ (ONES * 0x30)) |
	    (((w + ONES * 0x06) & (ONES * 0xf0)) ^ (ONES * 0x30));
	nd = (((nd & (ONES * 0x7f)) + ONES * 0x7f) | nd) & HIGHS;
	n = nd != 0 ? (unsigned)__builtin_ctzll(nd) / 8 : 8;
	if (n == 0) {
		*v = 0;
		return 0;
	}
	/* The n digits to the top, zeros (leading zeros) below, then the
	 * usual pairwise folding: 2, 4, 8 digits. */
	x = ((w & (ONES * 0x0f)) << (8 * (8 - n)));
	x = (x * 10 + (x >> 8)) & UINT64_C(0x00ff00ff00ff00ff);
	x = (x * 100 + (x >> 16)) & UINT64_C(0x0000ffff0000ffff);
	x = (x * 10000 + (x >> 32)) & UINT64_C(0x00000000ffffffff);
	*v = x;
	return n;
}

/* value_loop's answer for the common value, a digit run at a time; the
 * loop for what the runs cannot settle. lim: the end of the buffer, for
 * loads past e (the byte at e, when before lim, is '\r' or '\n'). */
static inline bool
value_fast(const char **sp, const char *e, const char *lim, double *out)
{
	const char *s = *sp;
	uint64_t ip, fp;
	unsigned ni, nf = 0;

	if (lim - s < 8 || (ni = digits8(s, &ip)) == 8)
		return value_loop(sp, e, out);
	s += ni;
	if (s < e && *s == '.') {
		s++;
		if (lim - s < 8 || (nf = digits8(s, &fp)) == 8)
			return value_loop(sp, e, out);
		s += nf;
		ip = ip * (uint64_t)pow10_exact[nf] + fp;
	}
	if (ni + nf == 0 || (s < e && !is_blank(*s)))
		return false;
	*out = nf > 0 ? (double)ip / pow10_exact[nf] : (double)ip;
	*sp = s;
	return true;
}
#else
static inline bool
value_fast(const char **sp, const char *e, const char *lim, double *out)
{
	(void)lim;
	return value_loop(sp, e, out);
}
#endif

/* One sample line without its end of line, s on its first non-blank
 * byte. NULL or why not. *resumed: the name's type is t->type. t becomes
 * this line's template (the caller drops it when the line is bad). */
static const char *
parse_sample(const char *s, const char *e, const char *lim, struct tpl *t,
    bool *resumed, struct metrics_sample *out, char *why, size_t whycap)
{
	const char *line = s, *v, *err;
	bool after_value = false, in_labels = false;
	size_t k, i;

	*resumed = false;
	if (t->s != NULL && t->labels_off > 0 &&
	    (k = common_prefix(s, t->s, (size_t)(e - s) < t->len ?
	    (size_t)(e - s) : t->len)) >= t->labels_off) {
		/* Same as the line before up to a label: go on from there. */
		for (i = t->nmarks; i > 0 && t->marks[i - 1] > k; i--)
			;
		t->nmarks = i;
		out->name.ptr = s;
		out->name.len = t->name_len;
		out->labels.ptr = s + t->labels_off;
		s = line + (i > 0 ? t->marks[i - 1] : t->labels_off);
		after_value = i > 0;
		*resumed = true;
		in_labels = true;
	} else {
		t->labels_off = 0;
		t->nmarks = 0;
		out->name.ptr = s;
		if (!is_name_start((unsigned char)*s))
			return "expected a metric name";
		s = skip_class(s, e, C_NAME);
		out->name.len = (size_t)(s - out->name.ptr);
		t->name_len = out->name.len;
		if (s < e && !is_blank(*s) && *s != '{')
			return "bad character in a metric name";
		while (s < e && is_blank(*s))
			s++;
		out->labels.ptr = s;
		out->labels.len = 0;
		if (s < e && *s == '{') {
			s++;
			out->labels.ptr = s;
			t->labels_off = (size_t)(s - line);
			in_labels = true;
		}
	}
	if (in_labels) {
		if ((err = parse_labels(&s, e, after_value, line, t)) != NULL)
			return err;
		out->labels.len = (size_t)(s - out->labels.ptr);
		s++;
		while (s < e && is_blank(*s))
			s++;
	}
	t->s = line;
	t->len = (size_t)(e - line);
	if (s == e)
		return "missing value";
	v = s;
	if (value_fast(&s, e, lim, &out->value))
		;
	else if (s = token_end(s, e),
	    !metrics_parse_double(v, (size_t)(s - v), &out->value)) {
		char tok[40];

		quote_token(v, (size_t)(s - v), tok, sizeof(tok));
		snprintf(why, whycap, "bad value \"%s\"", tok);
		return why;
	}
	while (s < e && is_blank(*s))
		s++;
	out->has_timestamp = false;
	out->timestamp_ms = 0;
	if (s < e) {
		v = s;
		while (s < e && !is_blank(*s))
			s++;
		if (!parse_int64(v, (size_t)(s - v), &out->timestamp_ms))
			return "bad timestamp (integer milliseconds)";
		out->has_timestamp = true;
		while (s < e && is_blank(*s))
			s++;
		if (s != e)
			return "extra text after the timestamp";
	}
	return NULL;
}

static void
note_bad(struct metrics_parse_stats *st, size_t line, const char *why)
{
	if (st->bad_lines++ == 0)
		wr_err_set(&st->first_bad, "line %zu: %s", line, why);
}

int
metrics_parse(const char *buf, size_t len, metrics_sample_fn fn, void *ctx,
    struct metrics_parse_stats *st)
{
	const char *p = buf, *end = buf + len;
	struct family fam = { NULL, 0, METRICS_UNTYPED };
	struct metrics_sample smp;
	struct tpl tpl = { 0 };
	bool resumed;
	char why[96];
	size_t line = 0;

	memset(st, 0, sizeof(*st));
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *next, *s, *e, *err;

		if (eol == NULL)
			eol = end;
		next = eol < end ? eol + 1 : end;
		line++;
		e = eol;
		if (e > p && e[-1] == '\r')
			e--;
		s = p;
		p = next;
		while (s < e && is_blank(*s))
			s++;
		if (s == e)
			continue;
		if (*s == '#') {
			tpl.s = NULL;
			if ((err = parse_comment(s, e, &fam)) != NULL)
				note_bad(st, line, err);
			continue;
		}
		if ((err = parse_sample(s, e, end, &tpl, &resumed, &smp, why,
		    sizeof(why))) != NULL) {
			tpl.s = NULL;
			note_bad(st, line, err);
			continue;
		}
		if (!resumed)
			tpl.type = sample_type(&fam, smp.name.ptr, smp.name.len);
		smp.type = tpl.type;
		smp.line = line;
		st->samples++;
		if (fn != NULL && fn(ctx, &smp) != 0)
			break;
	}
	st->lines = line;
	return st->bad_lines > 0 ? -1 : 0;
}

/* ---- labels ---- */

bool
metrics_label_next(struct metrics_span labels, size_t *pos,
    struct metrics_span *name, struct metrics_span *value)
{
	const char *s = labels.ptr + *pos, *e = labels.ptr + labels.len;

	if (*pos >= labels.len)
		return false;
	while (s < e && (is_blank(*s) || *s == ','))
		s++;
	if (s == e || !is_alpha_((unsigned char)*s))
		return false;
	name->ptr = s;
	while (s < e && is_label_char((unsigned char)*s))
		s++;
	name->len = (size_t)(s - name->ptr);
	while (s < e && (is_blank(*s) || *s == '='))
		s++;
	if (s == e || *s != '"')
		return false;
	value->ptr = ++s;
	while (s < e && *s != '"') {
		if (*s == '\\' && s + 1 < e)
			s++;
		s++;
	}
	value->len = (size_t)(s - value->ptr);
	if (s < e)
		s++;
	*pos = (size_t)(s - labels.ptr);
	return true;
}

bool
metrics_label_get(struct metrics_span labels, const char *name,
    struct metrics_span *value)
{
	struct metrics_span n, v;
	size_t pos = 0, want = strlen(name);

	while (metrics_label_next(labels, &pos, &n, &v)) {
		if (n.len == want && memcmp(n.ptr, name, want) == 0) {
			*value = v;
			return true;
		}
	}
	return false;
}

bool
metrics_value_eq(struct metrics_span raw, const char *s)
{
	size_t i;

	for (i = 0; i < raw.len; i++, s++) {
		char c = raw.ptr[i];

		if (c == '\\' && i + 1 < raw.len) {
			c = raw.ptr[++i];
			if (c == 'n')
				c = '\n';
		}
		if (*s == '\0' || *s != c)
			return false;
	}
	return *s == '\0';
}

size_t
metrics_value_unescape(struct metrics_span raw, char *dst, size_t cap)
{
	size_t i, o = 0;

	for (i = 0; i < raw.len; i++, o++) {
		char c = raw.ptr[i];

		if (c == '\\' && i + 1 < raw.len) {
			c = raw.ptr[++i];
			if (c == 'n')
				c = '\n';
		}
		if (cap > 0 && o < cap - 1)
			dst[o] = c;
	}
	if (cap > 0)
		dst[o < cap - 1 ? o : cap - 1] = '\0';
	return o;
}

/* ---- one scrape, reduced ---- */

struct scrape_ctx {
	struct metrics_scrape *out;
	const char *req;
	size_t req_len;
	const char *dur;
	size_t dur_len;
	const char *status_label;        /* NULL: auto */
	const char *match_label;
	const char *match_value;
};

static void
scrape_bad(struct metrics_scrape *out, size_t line, const char *why)
{
	note_bad(&out->stats, line, why);
}

static bool
scrape_matches(const struct scrape_ctx *c, const struct metrics_sample *s)
{
	struct metrics_span v;

	if (c->match_label == NULL)
		return true;
	return metrics_label_get(s->labels, c->match_label, &v) &&
	    metrics_value_eq(v, c->match_value);
}

static void
scrape_request(struct scrape_ctx *c, const struct metrics_sample *s)
{
	struct metrics_scrape *out = c->out;
	struct metrics_span v;
	const char *used = NULL;
	int cls = 0;

	if (c->status_label != NULL) {
		if (metrics_label_get(s->labels, c->status_label, &v))
			used = c->status_label;
	} else if (metrics_label_get(s->labels, "status", &v))
		used = "status";
	else if (metrics_label_get(s->labels, "code", &v))
		used = "code";
	if (used != NULL) {
		if (out->status_label[0] == '\0')
			wr_strlcpy(out->status_label, used, sizeof(out->status_label));
		if (v.len > 0 && v.ptr[0] >= '1' && v.ptr[0] <= '5')
			cls = v.ptr[0] - '0';
	}
	if (isnan(s->value))
		return;                  /* a NaN counter adds nothing we can use */
	out->has_requests = true;
	out->requests_by_class[cls] += s->value;
	out->requests += s->value;
}

static void
scrape_bucket(struct scrape_ctx *c, const struct metrics_sample *s)
{
	struct metrics_scrape *out = c->out;
	struct metrics_span v;
	char tmp[64];
	double le;
	size_t i;

	if (!metrics_label_get(s->labels, "le", &v)) {
		scrape_bad(out, s->line, "histogram bucket without an le label");
		return;
	}
	if (memchr(v.ptr, '\\', v.len) != NULL) {
		size_t n = metrics_value_unescape(v, tmp, sizeof(tmp));

		if (n >= sizeof(tmp) || !metrics_parse_double(tmp, n, &le)) {
			scrape_bad(out, s->line, "bad le value");
			return;
		}
	} else if (!metrics_parse_double(v.ptr, v.len, &le)) {
		scrape_bad(out, s->line, "bad le value");
		return;
	}
	if (isnan(le)) {
		scrape_bad(out, s->line, "bad le value");
		return;
	}
	out->has_histogram = true;
	/* Series usually repeat the same bounds in order: look from the end. */
	for (i = out->nbuckets; i > 0 && out->buckets[i - 1].le > le; i--)
		;
	if (i > 0 && out->buckets[i - 1].le == le) {
		out->buckets[i - 1].count += s->value;
		return;
	}
	if (out->nbuckets == WR_METRICS_BUCKETS_MAX) {
		scrape_bad(out, s->line, "too many histogram buckets");
		return;
	}
	memmove(&out->buckets[i + 1], &out->buckets[i],
	    (out->nbuckets - i) * sizeof(out->buckets[0]));
	out->buckets[i].le = le;
	out->buckets[i].count = s->value;
	out->nbuckets++;
}

static void
add_or_set(double *acc, double v)
{
	*acc = isnan(*acc) ? v : *acc + v;
}

static int
scrape_sample(void *ctx, const struct metrics_sample *s)
{
	struct scrape_ctx *c = ctx;
	const char *n = s->name.ptr;
	size_t len = s->name.len;

	if (len == c->req_len && memcmp(n, c->req, len) == 0) {
		if (scrape_matches(c, s))
			scrape_request(c, s);
	} else if (len > c->dur_len && memcmp(n, c->dur, c->dur_len) == 0) {
		const char *rest = n + c->dur_len;
		size_t rlen = len - c->dur_len;

		if (span_is(rest, rlen, "_bucket")) {
			if (scrape_matches(c, s))
				scrape_bucket(c, s);
		} else if (span_is(rest, rlen, "_sum")) {
			if (scrape_matches(c, s))
				add_or_set(&c->out->duration_sum, s->value);
		} else if (span_is(rest, rlen, "_count")) {
			if (scrape_matches(c, s))
				add_or_set(&c->out->duration_count, s->value);
		}
	} else if (span_is(n, len, "process_start_time_seconds")) {
		if (isnan(c->out->start_time))
			c->out->start_time = s->value;
	}
	return 0;
}

int
metrics_scrape_read(const char *buf, size_t len,
    const struct metrics_select *sel, struct metrics_scrape *out,
    struct wr_err *err)
{
	static const struct metrics_select none;
	struct scrape_ctx c;

	if (sel == NULL)
		sel = &none;
	memset(out, 0, sizeof(*out));
	out->duration_sum = NAN;
	out->duration_count = NAN;
	out->start_time = NAN;
	c.out = out;
	c.req = sel->requests != NULL ? sel->requests : WR_METRICS_REQUESTS;
	c.req_len = strlen(c.req);
	c.dur = sel->duration != NULL ? sel->duration : WR_METRICS_DURATION;
	c.dur_len = strlen(c.dur);
	c.status_label = sel->status_label;
	c.match_label = sel->match_label != NULL && sel->match_value != NULL ?
	    sel->match_label : NULL;
	c.match_value = sel->match_value;
	metrics_parse(buf, len, scrape_sample, &c, &out->stats);
	if (out->stats.bad_lines > 0) {
		return wr_err_set(err, "%zu unreadable line%s; first: %s",
		    out->stats.bad_lines, out->stats.bad_lines == 1 ? "" : "s",
		    out->stats.first_bad.msg);
	}
	return 0;
}

/* ---- two scrapes ---- */

double
metrics_quantile(double q, const struct metrics_bucket *b, size_t n)
{
	struct metrics_bucket bk[WR_METRICS_BUCKETS_MAX];
	size_t i, m = 0, lo;
	double max = -INFINITY, obs, rank, start, count;

	if (isnan(q))
		return NAN;
	if (q < 0)
		return -INFINITY;
	if (q > 1)
		return INFINITY;
	if (n == 0 || n > WR_METRICS_BUCKETS_MAX || !isinf(b[n - 1].le) || b[n - 1].le < 0)
		return NAN;
	/* Coalesce equal bounds (ours are unique already), then force the
	 * counts monotonic as Prometheus does for scrapes taken mid-update. */
	for (i = 0; i < n; i++) {
		if (m > 0 && bk[m - 1].le == b[i].le) {
			bk[m - 1].count += b[i].count;
			continue;
		}
		bk[m++] = b[i];
	}
	for (i = 0; i < m; i++) {
		if (bk[i].count > max)
			max = bk[i].count;
		else if (bk[i].count < max)
			bk[i].count = max;
	}
	if (m < 2)
		return NAN;
	obs = bk[m - 1].count;
	if (obs == 0 || isnan(obs))
		return NAN;
	rank = q * obs;
	/* The first bucket with count ≥ rank, searching all but the last. */
	for (lo = 0; lo < m - 1 && !(bk[lo].count >= rank); lo++)
		;
	if (lo == m - 1)
		return bk[m - 2].le;
	if (lo == 0 && bk[0].le <= 0)
		return bk[0].le;
	start = 0;
	count = bk[lo].count;
	if (lo > 0) {
		start = bk[lo - 1].le;
		count -= bk[lo - 1].count;
		rank -= bk[lo - 1].count;
	}
	return start + (bk[lo].le - start) * (rank / count);
}

static double
increase(bool reset, double prev, double cur)
{
	return reset ? cur : cur - prev;
}

static double
prev_bucket(const struct metrics_scrape *s, double le)
{
	size_t i;

	for (i = 0; i < s->nbuckets; i++)
		if (s->buckets[i].le == le)
			return s->buckets[i].count;
	return 0;
}

int
metrics_rates_compute(const struct metrics_scrape *prev,
    const struct metrics_scrape *cur, double interval_s,
    struct metrics_rates *out, struct wr_err *err)
{
	bool reset = false, reqs, hist;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->interval_s = interval_s;
	out->requests = out->errors = out->request_rate = NAN;
	out->error_rate = out->p95_s = NAN;
	if (!(interval_s > 0))
		return wr_err_set(err, "interval must be positive, not %g s", interval_s);
	reqs = prev->has_requests && cur->has_requests;
	hist = prev->has_histogram && cur->has_histogram;
	/* One process writes every series of a scrape: a decrease anywhere
	 * means it restarted, and then every counter started again from 0. */
	if (reqs) {
		for (i = 0; i < 6; i++)
			if (cur->requests_by_class[i] < prev->requests_by_class[i])
				reset = true;
	}
	if (hist) {
		for (i = 0; i < cur->nbuckets; i++)
			if (cur->buckets[i].count < prev_bucket(prev, cur->buckets[i].le))
				reset = true;
		if (cur->duration_count < prev->duration_count)
			reset = true;
	}
	if (!isnan(prev->start_time) && !isnan(cur->start_time) &&
	    prev->start_time != cur->start_time)
		reset = true;
	out->reset = reset;
	if (reqs) {
		out->requests = 0;
		for (i = 0; i < 6; i++)
			out->requests += increase(reset, prev->requests_by_class[i],
			    cur->requests_by_class[i]);
		out->errors = increase(reset, prev->requests_by_class[5],
		    cur->requests_by_class[5]);
		out->request_rate = out->requests / interval_s;
		if (out->requests > 0)
			out->error_rate = out->errors / out->requests;
	}
	if (hist) {
		for (i = 0; i < cur->nbuckets; i++) {
			out->buckets[i].le = cur->buckets[i].le;
			out->buckets[i].count = increase(reset,
			    prev_bucket(prev, cur->buckets[i].le), cur->buckets[i].count);
		}
		out->nbuckets = cur->nbuckets;
		out->p95_s = metrics_quantile(0.95, out->buckets, out->nbuckets);
	}
	return 0;
}

/* ---- /api/v1/query ---- */

/* A printable, bounded copy of a server's message. */
static void
clean_copy(char *dst, size_t cap, const char *src)
{
	quote_token(src, strlen(src), dst, cap);
}

static int
query_sample(const cJSON *pair, double *ts, double *v, struct wr_err *err)
{
	const cJSON *t, *s;

	if (!cJSON_IsArray(pair) || cJSON_GetArraySize(pair) != 2)
		return wr_err_set(err, "Prometheus answer: a sample is not [time, \"value\"]");
	t = cJSON_GetArrayItem(pair, 0);
	s = cJSON_GetArrayItem(pair, 1);
	if (!cJSON_IsNumber(t) || !cJSON_IsString(s))
		return wr_err_set(err, "Prometheus answer: a sample is not [time, \"value\"]");
	if (!metrics_parse_double(s->valuestring, strlen(s->valuestring), v)) {
		char tok[40];

		clean_copy(tok, sizeof(tok), s->valuestring);
		return wr_err_set(err, "Prometheus answer: bad sample value \"%s\"", tok);
	}
	*ts = t->valuedouble;
	return 0;
}

static int
query_read(const cJSON *root, struct metrics_query *out, struct wr_err *err)
{
	const cJSON *status, *data, *rtype, *result, *el;
	char a[64], b[256];
	int n;

	if (!cJSON_IsObject(root))
		return wr_err_set(err, "Prometheus answer is not a JSON object");
	status = cJSON_GetObjectItemCaseSensitive(root, "status");
	if (!cJSON_IsString(status))
		return wr_err_set(err, "Prometheus answer has no \"status\"");
	if (strcmp(status->valuestring, "success") != 0) {
		const cJSON *et = cJSON_GetObjectItemCaseSensitive(root, "errorType");
		const cJSON *em = cJSON_GetObjectItemCaseSensitive(root, "error");

		clean_copy(a, sizeof(a), cJSON_IsString(et) ? et->valuestring : "unknown");
		clean_copy(b, sizeof(b), cJSON_IsString(em) ? em->valuestring : "no message");
		out->refused = true;
		return wr_err_set(err, "Prometheus query failed (%s): %s", a, b);
	}
	data = cJSON_GetObjectItemCaseSensitive(root, "data");
	rtype = cJSON_GetObjectItemCaseSensitive(data, "resultType");
	result = cJSON_GetObjectItemCaseSensitive(data, "result");
	if (!cJSON_IsObject(data) || !cJSON_IsString(rtype) || result == NULL)
		return wr_err_set(err, "Prometheus answer has no data.resultType/result");
	if (strcmp(rtype->valuestring, "scalar") == 0) {
		out->nseries = 1;
		return query_sample(result, &out->timestamp, &out->value, err);
	}
	if (strcmp(rtype->valuestring, "matrix") == 0)
		return wr_err_set(err, "Prometheus answered a range vector (matrix); want an "
		    "instant vector or scalar");
	if (strcmp(rtype->valuestring, "vector") != 0) {
		clean_copy(a, sizeof(a), rtype->valuestring);
		return wr_err_set(err, "Prometheus answered a %s; want an instant vector or scalar", a);
	}
	if (!cJSON_IsArray(result))
		return wr_err_set(err, "Prometheus answer: vector result is not an array");
	n = cJSON_GetArraySize(result);
	out->nseries = (size_t)n;
	if (n == 0)
		return 0;                        /* no series: no data */
	if (n > 1)
		return wr_err_set(err, "Prometheus query returned %d series; "
		    "aggregate it to one (e.g. sum(...))", n);
	el = cJSON_GetArrayItem(result, 0);
	if (!cJSON_IsObject(el))
		return wr_err_set(err, "Prometheus answer: a vector element is not an object");
	return query_sample(cJSON_GetObjectItemCaseSensitive(el, "value"),
	    &out->timestamp, &out->value, err);
}

int
metrics_query_parse(const char *buf, size_t len, struct metrics_query *out,
    struct wr_err *err)
{
	cJSON *root;
	int rc;

	out->value = NAN;
	out->timestamp = NAN;
	out->nseries = 0;
	out->refused = false;
	root = cJSON_ParseWithLength(buf, len);
	if (root == NULL)
		return wr_err_set(err, "Prometheus answer is not valid JSON");
	rc = query_read(root, out, err);
	cJSON_Delete(root);
	if (rc != 0) {
		out->value = NAN;
		out->timestamp = NAN;
	}
	return rc;
}

void
metrics_http_why(long status, const char *token_env, bool token_file, bool token_sent,
    char *out, size_t cap)
{
	/* A refusal means a token: the one that went, or why none did. */
	if (status != 401 && status != 403)
		snprintf(out, cap, "metrics: HTTP %ld", status);
	else if (token_sent)
		snprintf(out, cap, "metrics: HTTP %ld: the token was refused", status);
	else if (token_env[0] != '\0')
		snprintf(out, cap, "metrics: HTTP %ld: $%s is not set (metrics_token_env), so no "
		    "token was sent", status, token_env);
	else if (token_file)
		snprintf(out, cap, "metrics: HTTP %ld: the metrics_token_file could not be read "
		    "at start, so no token was sent", status);
	else
		snprintf(out, cap, "metrics: HTTP %ld: the endpoint wants a token (set "
		    "metrics_token_env or metrics_token_file)", status);
}

void
metrics_query_why_empty(const char *what, size_t nseries, const char *host, char *out,
    size_t cap)
{
	/* An empty vector is what a label that matches nothing gives: the
	 * most common mistake is {host} where the label holds another name.
	 * The other cause is not the config: a minute or so after its scrapes
	 * of the host began failing, Prometheus drops the host's series. */
	if (nseries == 0 && host != NULL)
		snprintf(out, cap, "the %s query matched no series (is {host} the label value? "
		    "it was '%s') or Prometheus no longer has %s's series (its scrapes failing?)",
		    what, host, host);
	else if (nseries == 0)
		snprintf(out, cap, "the %s query matched no series (a label matching nothing, or "
		    "Prometheus no longer has the series: its scrapes failing?)", what);
	else
		snprintf(out, cap, "the %s query's value is NaN (no requests in its window?)", what);
}

bool
metrics_up_failing(double value, size_t nseries, const char *host, bool has_host,
    char *out, size_t cap)
{
	if (cap > 0)
		out[0] = '\0';
	if (nseries == 0) {
		/* No target: a label that matches nothing, or one Prometheus
		 * no longer scrapes; either way nothing vouches for the host. */
		snprintf(out, cap, "Prometheus has no scrape target for %s: the up query matched no "
		    "series%s%s%s", host, has_host ? " (is {host} the label value? it was '" : "",
		    has_host ? host : "", has_host ? "')" : "");
		return true;
	}
	if (isnan(value)) {
		snprintf(out, cap, "Prometheus cannot say it scrapes %s (up is NaN)", host);
		return true;
	}
	if (value > 0)
		return false;
	snprintf(out, cap, "Prometheus cannot scrape %s (up is %g)", host, value == 0 ? 0.0 : value);
	return true;
}

/* A PromQL duration ("1h30m", "500ms", or plain seconds "90") from *p up
 * to ']' or ':' (blanks around it allowed), in milliseconds; -1 when it is
 * none. *p is left after it. */
static double
promql_duration_ms(const char **p)
{
	static const struct { const char *unit; double ms; } units[] = {
		/* "ms" before "m": the longest unit that matches. */
		{ "ms", 1 }, { "s", 1000 }, { "m", 60000 }, { "h", 3600000 },
		{ "d", 86400000 }, { "w", 7 * 86400000.0 }, { "y", 365 * 86400000.0 },
	};
	const char *s = *p;
	double total = 0;
	bool any = false;
	size_t u;

	while (*s == ' ' || *s == '\t')
		s++;
	while (isdigit((unsigned char)*s)) {
		char *end;
		double n = strtod(s, &end);

		s = end;
		for (u = 0; u < WR_ARRAY_LEN(units); u++)
			if (strncmp(s, units[u].unit, strlen(units[u].unit)) == 0)
				break;
		if (u == WR_ARRAY_LEN(units)) {
			/* Plain seconds, only alone. */
			if (any)
				return -1;
			total = n * 1000;
			any = true;
			break;
		}
		s += strlen(units[u].unit);
		total += n * units[u].ms;
		any = true;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (!any || (*s != ']' && *s != ':'))
		return -1;
	*p = s;
	return total;
}

int
metrics_query_range_s(const char *query)
{
	const char *p = query;
	double best = 0;

	while (*p != '\0') {
		if (*p == '"' || *p == '\'' || *p == '`') {
			/* A string: a regex's [0-9] is no range. Backticks take no
			 * escapes. */
			char q = *p++;

			while (*p != '\0' && *p != q) {
				if (q != '`' && *p == '\\' && p[1] != '\0')
					p++;
				p++;
			}
			if (*p != '\0')
				p++;
		} else if (*p == '#') {
			while (*p != '\0' && *p != '\n')
				p++;
		} else if (*p == '[') {
			const char *s = p + 1;
			double ms = promql_duration_ms(&s);

			if (ms > best)
				best = ms;
			p = ms >= 0 ? s : p + 1;
		} else
			p++;
	}
	return best > 0 ? (int)ceil(best / 1000.0) : 0;
}

/* Rounding may put a ratio of sums a hair past its bounds, and an errors
 * counter read a moment before the requests counter a little past 1:
 * every request failing must never read as no figure. A percentage is
 * far past it. */
#define RATIO_UNDER 1e-9
#define RATIO_OVER 0.01

bool
metrics_query_value_ok(enum config_query q, double v, char *why, size_t cap)
{
	static const char *const unit[WR_QUERY_COUNT] = {
		"a ratio between 0 and 1", "a latency in seconds", "requests per second",
		"a scrape status",
	};
	char num[32];
	bool ok;

	if (isnan(v))
		return true;
	switch (q) {
	case WR_QUERY_ERROR_RATE:
		ok = v >= -RATIO_UNDER && v <= 1 + RATIO_OVER;
		break;
	case WR_QUERY_P95:
	case WR_QUERY_REQUEST_RATE:
		ok = v >= 0 && isfinite(v);
		break;
	default:
		return true;
	}
	if (ok)
		return true;
	if (isinf(v))
		snprintf(num, sizeof(num), "%s", v > 0 ? "+Inf" : "-Inf");
	else
		snprintf(num, sizeof(num), "%g", v);
	/* A percentage where a ratio is wanted: the likely mistake. */
	snprintf(why, cap, "the %s query gave %s: not %s%s", config_query_words(q), num, unit[q],
	    q == WR_QUERY_ERROR_RATE && isfinite(v) && v > 1 + RATIO_OVER && v <= 100 ?
	    " (a percentage? 5% is 0.05)" : "");
	return false;
}

int
metrics_prom_round(const struct metrics_prom_answer a[WR_QUERY_COUNT], const char *host,
    const bool has_host[WR_QUERY_COUNT], double figure[WR_QUERY_COUNT], char *why,
    size_t cap, size_t part_at[WR_QUERY_COUNT])
{
	const struct metrics_prom_answer *up = &a[WR_QUERY_UP];
	struct wr_buf b = { 0 };
	char part[256];
	bool said[WR_QUERY_COUNT] = { false }, unvouched = false;
	int q, o, asked = 0, met, parts = 0;

	for (q = 0; q < WR_QUERY_COUNT; q++) {
		asked += a[q].asked;
		figure[q] = NAN;
	}
	/* up_query first: when Prometheus cannot vouch for the host (up 0,
	 * no target, the query failed), rate() still answers from the last
	 * good samples, and none of the round's figures is live. Its failure
	 * is the first thing said; a failed query, with the others below. */
	if (up->asked) {
		if (up->error != NULL && up->error[0] != '\0')
			unvouched = true;
		else if (metrics_up_failing(up->value, up->nseries, host, has_host[WR_QUERY_UP], part,
		    sizeof(part))) {
			unvouched = said[WR_QUERY_UP] = true;
			if (part_at != NULL)
				part_at[parts] = 0;
			parts++;
			wr_buf_str(&b, part);
		}
	}
	for (q = 0; q < WR_QUERY_COUNT; q++) {
		const char *err = a[q].error != NULL ? a[q].error : "";

		if (!a[q].asked || said[q])
			continue;
		part[0] = '\0';
		if (err[0] != '\0' && a[q].bad_answer)
			snprintf(part, sizeof(part), "%s: %s", config_query_key(q), err);
		else if (err[0] != '\0') {
			/* The same failure of the server, or of the way there, for
			 * several queries: one clause, naming them unless all. */
			struct wr_buf keys = { 0 };

			for (o = q, met = 0; o < WR_QUERY_COUNT; o++)
				if (a[o].asked && !a[o].bad_answer && a[o].error != NULL &&
				    strcmp(a[o].error, err) == 0) {
					said[o] = true;
					wr_buf_printf(&keys, "%s%s", met++ ? ", " : "", config_query_key(o));
				}
			snprintf(part, sizeof(part), "%s%s%s", met < asked ? keys.s : "",
			    met < asked ? ": " : "", err);
			free(keys.s);
		} else if (isnan(a[q].value))
			metrics_query_why_empty(config_query_words(q), a[q].nseries,
			    has_host[q] ? host : NULL, part, sizeof(part));
		else if (metrics_query_value_ok(q, a[q].value, part, sizeof(part)) && !unvouched)
			figure[q] = a[q].value;
		if (part[0] == '\0')
			continue;
		if (b.len > 0)
			wr_buf_str(&b, "; ");
		/* Where it begins, if it fits in why at all. */
		if (part_at != NULL && b.len < cap)
			part_at[parts] = b.len;
		parts += b.len < cap;
		wr_buf_printf(&b, "%s%s", b.len ? "" : "prometheus: ", part);
	}
	snprintf(why, cap, "%s", b.s != NULL ? b.s : "");
	free(b.s);
	return parts;
}

void
metrics_prom_http_why(long status, char *out, size_t cap)
{
	/* Such a status comes from something other than Prometheus's API:
	 * a path prefix too many or missing, a proxy's redirect. */
	if ((status >= 300 && status < 400) || status == 404 || status == 405 || status == 410)
		snprintf(out, cap, "HTTP %ld: is prometheus_url right? it should be the server's "
		    "base URL", status);
	else
		snprintf(out, cap, "HTTP %ld", status);
}
