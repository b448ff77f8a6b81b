/*
 * test_ingest.c — the chunk path gives the ring exactly what the per-line
 * path always gave (linesplit, then per line: prefix, sanitize_buf,
 * redact_might/redact_text, logset_append — written out again here as the
 * reference), whatever the chunking, for escapes, C1, broken UTF-8,
 * bidi controls, CRLF, lines at and over 16 KiB, empty lines and planted
 * secrets; and no planted secret reaches the ring. A line over the cut is
 * one line, its marker counting all it lost; a run resumed from a whole
 * second stores no line twice.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/ingest.h"
#include "warroom/linescan.h"
#include "warroom/linesplit.h"
#include "warroom/sanitize.h"

#include "ingest_ref.h"
#include "xorshift.h"

#define SECRET1 "9f3c1a7e55b2d0c4e8a61f27b09d"
#define SECRET2 "Xq4kT9zR2vW8mN1bB5cY7hJ3"

/* Values that must never be found in the ring. */
static const char *const planted[] = {
	SECRET1, SECRET2, "hunter2secret", "zyxbearertok99", "p4ssw0rdz",
	"c2lnbmF0dXJlLXZhbHVl", "MIIEpAIBAAKCAQEA", "qtok9876543", "zzkeyvalue77",
	"GhClassic0123456789", "FineGrained0123456789", "ZzSlackTok99", "XappTok0123",
	"GlPersonal0123456789", "SlackHookSecret42", "DiscordHookTok77", "MyDumpPw55", "MariaPw66",
};

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint32_t
rng(void)
{
	return (uint32_t)(xorshift64(&rng_state) >> 16);
}

/* ---- the reference (ingest_ref.h) fed by a splitter ---- */


/* The stream as exec.c delivered it: the same chunks, one splitter. */
struct ref_stream {
	struct ref r;
	struct linesplit ls;
};

static void
ref_start(struct ref_stream *rs, struct logset *lb, const struct redactor *red,
    const char *prefix, unsigned source, size_t cap)
{
	rs->r = (struct ref){ lb, red, prefix, source };
	linesplit_init_head(&rs->ls, cap, ref_line, &rs->r);
}

static void
ref_end(struct ref_stream *rs)
{
	linesplit_finish(&rs->ls);
	linesplit_free(&rs->ls);
}

/* ---- the corpus ---- */

struct text {
	char *s;
	size_t n, cap;
};

static void
put(struct text *t, const char *s, size_t n)
{
	if (t->n + n > t->cap) {
		t->cap = (t->n + n) * 2;
		t->s = realloc(t->s, t->cap);
		assert_non_null(t->s);
	}
	memcpy(t->s + t->n, s, n);
	t->n += n;
}

static void
puts_(struct text *t, const char *s)
{
	put(t, s, strlen(s));
}

/* A line of n bytes of ASCII, then bad (may be "") at its end, then "\n". */
static void
long_line(struct text *t, size_t n, const char *bad)
{
	size_t i, bl = strlen(bad);

	for (i = 0; i + bl < n; i++) {
		char c = (char)('a' + i % 23);

		put(t, &c, 1);
	}
	put(t, bad, bl);
	puts_(t, "\n");
}

static void
corpus(struct text *t, int plen)
{
	static const char *const lines[] = {
		"2025-06-01T12:00:00.001Z INFO  api req=1a2b GET /api/orders/17 status=200 dur_ms=12 seq=1\n",
		"2025-06-01T12:00:00.002Z ERROR api req=1a2c GET /export status=503 err=\"upstream timeout\"\n",
		"clipboard \x1b]52;c;ZWNobyBwd25lZA==\x07 c1 \x9b" "31m \xc0\xaf bidi \xe2\x80\xae" "evil\xe2\x80\xac\n",
		"C1 as UTF-8 \xc2\x9b" "31m and DEL \x7f and NUL \0 inside\n",
		"broken \xe2\x80 then \xed\xa0\x80 surrogate \xf4\x90\x80\x80 big \xff\xfe\n",
		"caf\xc3\xa9 na\xc3\xafve \xe6\x97\xa5\xe6\x9c\xac\n",
		"crlf line\r\n",
		"\r\n",
		"\n",
		"a lone \r in the middle\n",
		"tab\tseparated\tvalues\n",
		"db password=hunter2secret ok\n",
		"Authorization: Bearer zyxbearertok99\n",
		"GET https://u:p4ssw0rdz@h.example/x HTTP/1.1\n",
		"jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl end\n",
		"-----BEGIN RSA PRIVATE KEY-----MIIEpAIBAAKCAQEA-----END RSA PRIVATE KEY-----\n",
		"loaded " SECRET1 " and " SECRET2 "\n",
		"GET /cb?code=1&token=qtok9876543 status=302\n",
		"API_KEY: zzkeyvalue77\n",
		"seq=12 item=3 users=4 timeout=5 sig status=200\n",
		"::// ----- eyJ pwd\n",
		"push ghp_GhClassic0123456789abcdefghijklmnopqr ok\n",
		"GH github_pat_11FineGrained0123456789_abcdef\n",
		"bot xoxb-123456789012-1234567890123-ZzSlackTok99 app xapp-1-XappTok0123\n",
		"clone glpat-GlPersonal0123456789xyz\n",
		"notify https://hooks.slack.com/services/T0/B0/SlackHookSecret42 ok\n",
		"POST https://discord.com/api/webhooks/42/DiscordHookTok77 204\n",
		"mysqldump -u root -pMyDumpPw55 shop > shop.sql\n",
		"mariadb -pMariaPw66 shop\n",
		"ghost xoxo ls -pla tar -pxf github_pattern mysql -p shop\n",
	};
	size_t i, k;

	for (k = 0; k < 3; k++)
		for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
			const char *l = lines[(i * 7 + k) % (sizeof(lines) / sizeof(lines[0]))];

			/* The NUL line has an embedded NUL: its length by hand. */
			if (strncmp(l, "C1 as UTF-8", 11) == 0)
				put(t, l, strlen(l) + 1 + strlen(l + strlen(l) + 1));
			else
				puts_(t, l);
		}
	/* At and around the caps: the cut (16384 raw bytes) and the
	 * sanitizer's (16384 output bytes, prefix included). */
	long_line(t, 16384, "");
	long_line(t, 16384 - (size_t)plen, "");
	long_line(t, 16384 - (size_t)plen + 1, "");
	long_line(t, 16385, "");
	long_line(t, 16383, "\r");
	long_line(t, 16384, "\r");
	long_line(t, 32768, "");
	long_line(t, 40000, "\x1b");
	long_line(t, 16000, "\xe2\x80\xae");
	long_line(t, 300, SECRET2);
	for (i = 0; i < 400; i++) {
		char l[160];

		snprintf(l, sizeof(l), "2025-06-01T12:00:%02zu.%03zuZ INFO  api req=%08x GET /api/users/%zu "
		    "status=%s dur_ms=%u seq=%zu\n", i / 60 % 60, i % 1000, rng(), i,
		    i % 13 == 0 ? "500" : "200", rng() % 2000, i);
		puts_(t, l);
	}
	puts_(t, "last line without a newline");
}

static void
setup_redactor(struct redactor *r)
{
	redact_init(r);
	redact_add_secret(r, SECRET1);
	redact_add_secret(r, SECRET2);
}

static void
assert_same_ring(const struct logbuf *a, const struct logbuf *b)
{
	uint64_t s;

	assert_int_equal(logbuf_first(a), logbuf_first(b));
	assert_int_equal(logbuf_end(a), logbuf_end(b));
	for (s = logbuf_first(a); s < logbuf_end(a); s++) {
		struct logbuf_line x, y;

		assert_true(logbuf_get(a, s, &x));
		assert_true(logbuf_get(b, s, &y));
		assert_int_equal(x.len, y.len);
		assert_memory_equal(x.text, y.text, x.len);
		assert_int_equal(x.source, y.source);
	}
}

static void
assert_no_secret(const struct logbuf *lb)
{
	uint64_t s;
	size_t k;

	for (s = logbuf_first(lb); s < logbuf_end(lb); s++) {
		struct logbuf_line l;

		assert_true(logbuf_get(lb, s, &l));
		for (k = 0; k < sizeof(planted) / sizeof(planted[0]); k++)
			if (memmem(l.text, l.len, planted[k], strlen(planted[k])) != NULL)
				fail_msg("%s survived in %.*s", planted[k], (int)l.len, l.text);
	}
}

/* Feed data in random chunks (some tiny, some whole) to a fresh ingest and
 * the same chunks to the reference (linesplit's pieces depend on where
 * chunks end: a partial line reaching the cap is cut before its '\n'). */
static void
chunked(struct ingest *in, struct ref_stream *rs, const char *data, size_t len, int style)
{
	size_t at = 0;

	while (at < len) {
		size_t n;

		switch (style) {
		case 0: n = len; break;
		case 1: n = 1 + rng() % 7; break;
		case 2: n = 1 + rng() % 200; break;
		case 3: n = 1 + rng() % 70000; break;
		default: n = rng() % 4 == 0 ? 1 + rng() % 3 : 1 + rng() % 20000; break;
		}
		if (n > len - at)
			n = len - at;
		ingest_feed(in, data + at, n);
		linesplit_feed(&rs->ls, data + at, n);
		at += n;
	}
	ingest_finish(in);
	ref_end(rs);
}

static void
compare(const char *prefix, size_t ring_bytes, int style, const struct text *t)
{
	struct redactor red;
	struct logset old, now;
	struct ingest in;
	struct ingest_opts o = { .prefix = prefix, .source = 1, .red = &red };
	struct ref_stream rs;

	setup_redactor(&red);
	logset_init(&old, ring_bytes);
	logset_init(&now, ring_bytes);
	o.set = &now;
	ingest_init(&in, &o);
	ref_start(&rs, &old, &red, prefix, 1, 16384);
	chunked(&in, &rs, t->s, t->n, style);
	assert_same_ring(logset_buf(&old, 0), logset_buf(&now, 0));
	assert_int_equal(in.lines, logset_end(&old));
	/* The plain lines took the chunk path (not with a prefix that may
	 * start a word; in large chunks, where most lines lie inside one). */
	if (linescan_prefix_plain(&red, prefix, strlen(prefix)) && (style == 0 || style == 3))
		assert_true(in.fast >= 400);
	assert_no_secret(logset_buf(&now, 0));
	ingest_free(&in);
	logset_free(&old);
	logset_free(&now);
	redact_free(&red);
}

static void
chunked_equals_per_line_for_every_prefix_and_chunking(void **state)
{
	static const char *const prefixes[] = {
		"", "api-1/api ", "auth-1/api ", "db-1/tok", "h/9f",
		"a-very-long-host-name-0123456789-0123456789-0123456789-0123456789-"
		"0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-"
		"0123456789-0123456789-0123/svc ",
	};
	size_t p;
	int style;

	(void)state;
	for (p = 0; p < sizeof(prefixes) / sizeof(prefixes[0]); p++) {
		struct text t = { 0 };

		corpus(&t, (int)strlen(prefixes[p]));
		for (style = 0; style < 5; style++) {
			compare(prefixes[p], 0, style, &t);	/* 64 MiB: nothing dropped */
			compare(prefixes[p], WR_LOGBUF_MIN_BYTES, style, &t);	/* wraps, drops */
		}
		free(t.s);
	}
}

/* Every split point of a short stream, one chunk boundary at a time. */
static void
every_boundary_of_a_short_stream(void **state)
{
	static const char s[] =
	    "one\r\ntwo \xe2\x80\xae three\n\nfour token=abc12345 x\ncaf\xc3\xa9\n"
	    "Bearer abcdefghijklmnopq\n" SECRET1 "\nend";
	size_t cut, n = sizeof(s) - 1;
	struct redactor red;

	(void)state;
	setup_redactor(&red);
	for (cut = 0; cut <= n; cut++) {
		struct logset old, now;
		struct ingest in;
		struct ingest_opts o = { .prefix = "api-1/api ", .red = &red, .line_cap = 8 };
		struct ref_stream rs;

		logset_init(&old, 0);
		logset_init(&now, 0);
		o.set = &now;
		ingest_init(&in, &o);
		ref_start(&rs, &old, &red, "api-1/api ", 0, 8);
		ingest_feed(&in, s, cut);
		linesplit_feed(&rs.ls, s, cut);
		ingest_feed(&in, s + cut, n - cut);
		linesplit_feed(&rs.ls, s + cut, n - cut);
		ingest_finish(&in);
		ref_end(&rs);
		assert_same_ring(logset_buf(&old, 0), logset_buf(&now, 0));
		ingest_free(&in);
		logset_free(&old);
		logset_free(&now);
	}
	redact_free(&red);
}

/* Random bytes heavy in newlines, CRs and words, tiny caps. */
static void
random_streams_agree(void **state)
{
	static const char *const bits[] = {
		"\n", "\r", "\r\n", "token", "://", "-----", "eyJ", "\x1b", "\xc3\xa9",
		"\xe2\x80", SECRET2, "abc ", "Bearer ", "x=", "\t",
	};
	static char buf[20000];
	struct redactor red;
	int round;

	(void)state;
	setup_redactor(&red);
	for (round = 0; round < 300; round++) {
		size_t n = 0, want = rng() % sizeof(buf), cap = 1 + rng() % 100;
		struct logset old, now;
		struct ingest in;
		struct ingest_opts o = { .prefix = round % 2 ? "h/s " : "", .red = &red,
			.line_cap = cap };
		struct ref_stream rs;

		while (n < want) {
			const char *b = bits[rng() % (sizeof(bits) / sizeof(bits[0]))];
			size_t l = strlen(b);

			if (rng() % 2) {
				buf[n++] = (char)(' ' + rng() % 95);
				continue;
			}
			if (n + l > want)
				break;
			memcpy(buf + n, b, l);
			n += l;
		}
		logset_init(&old, WR_LOGBUF_MIN_BYTES);
		logset_init(&now, WR_LOGBUF_MIN_BYTES);
		o.set = &now;
		ingest_init(&in, &o);
		ref_start(&rs, &old, &red, o.prefix, 0, cap);
		chunked(&in, &rs, buf, n, round % 5);
		assert_same_ring(logset_buf(&old, 0), logset_buf(&now, 0));
		ingest_free(&in);
		logset_free(&old);
		logset_free(&now);
	}
	redact_free(&red);
}

struct merged {
	struct logset *lb;
	size_t raw_bytes;
};

static void
to_ring(const char *text, size_t len, const char *raw, size_t raw_len, unsigned source,
    void *arg)
{
	struct merged *m = arg;

	(void)raw;
	assert_int_equal(source, 0);
	m->raw_bytes += raw_len;
	logset_append(m->lb, WR_LOGSET_OWN, text, len, false);
}

/* Without a ring (several streams merged) each line comes out finished. */
static void
lines_for_a_merge_come_out_finished(void **state)
{
	struct text t = { 0 };
	struct redactor red;
	struct logset old, now;
	struct merged m = { &now, 0 };
	struct ingest in;
	struct ingest_opts o = { .prefix = "api-1/api ", .red = &red, .on_line = to_ring,
		.arg = &m };
	struct ref_stream rs;

	(void)state;
	corpus(&t, 10);
	setup_redactor(&red);
	logset_init(&old, 0);
	logset_init(&now, 0);
	ingest_init(&in, &o);
	ref_start(&rs, &old, &red, "api-1/api ", 0, 16384);
	chunked(&in, &rs, t.s, t.n, 4);
	assert_same_ring(logset_buf(&old, 0), logset_buf(&now, 0));
	assert_true(m.raw_bytes > 0);
	ingest_free(&in);
	logset_free(&old);
	logset_free(&now);
	redact_free(&red);
	free(t.s);
}

/* A secret loaded after the stream started is redacted from then on. */
static void
a_secret_loaded_later_is_redacted(void **state)
{
	struct redactor red;
	struct logset lb;
	struct ingest in;
	struct ingest_opts o = { .prefix = "api-1/api ", .red = &red };
	struct logset_line l;

	(void)state;
	redact_init(&red);
	logset_init(&lb, 0);
	o.set = &lb;
	ingest_init(&in, &o);
	ingest_feed(&in, "a zqwvxy7788 b\n", 15);
	redact_add_secret(&red, "zqwvxy7788");
	ingest_feed(&in, "c zqwvxy7788 d\n", 15);
	assert_true(logset_get(&lb, 0, &l));
	assert_int_equal(l.len, 24);
	assert_true(logset_get(&lb, 1, &l));
	assert_null(memmem(l.text, l.len, "zqwvxy7788", 10));
	ingest_free(&in);
	logset_free(&lb);
	redact_free(&red);
}

/* A line over the cut (20 000 bytes after a 10-byte prefix) is one line,
 * cut once, its marker counting every byte not shown; the line after it
 * is whole, wherever the chunks end. */
static void
an_overlong_line_is_one_line_cut_once(void **state)
{
	struct text t = { 0 };
	int style;

	(void)state;
	long_line(&t, 20000, "");
	puts_(&t, "2026-11-27T05:42:17.000Z INFO  next\n");
	for (style = 0; style < 5; style++) {
		struct logset set;
		struct ingest in;
		struct ingest_opts o = { .prefix = "api-1/api " };
		size_t at, k, shown = WR_SANITIZE_LINE_MAX - WR_SANITIZE_MARKER_MAX;
		char marker[40];
		struct logset_line l;

		logset_init(&set, 0);
		o.set = &set;
		ingest_init(&in, &o);
		for (at = 0; at < t.n; at += k) {
			k = style == 0 ? t.n : 1 + rng() % (style == 1 ? 7 : style * 3000);
			if (k > t.n - at)
				k = t.n - at;
			ingest_feed(&in, t.s + at, k);
		}
		ingest_finish(&in);
		assert_int_equal(logset_count(&set), 2);
		assert_true(logset_get(&set, 0, &l));
		snprintf(marker, sizeof(marker), "\xe2\x80\xa6[+%zu bytes]", 10 + 20000 - shown);
		assert_int_equal(l.len, shown + strlen(marker));
		assert_memory_equal(l.text, "api-1/api ", 10);
		assert_memory_equal(l.text + 10, t.s, shown - 10);
		assert_memory_equal(l.text + shown, marker, strlen(marker));
		assert_true(logset_get(&set, 1, &l));
		assert_int_equal(l.len, 10 + 35);
		assert_memory_equal(l.text + 10, "2026-11-27T05:42:17.000Z INFO  next", 35);
		ingest_free(&in);
		logset_free(&set);
	}
	free(t.s);
}

/* ---- resuming ---- */

/* The lines of a source, stamped: nper a second from second s0 for nsec
 * seconds, an ERROR among them; as the file a tool reads. */
static void
stamped(struct text *t, int s0, int nsec, int nper)
{
	int s, i;

	for (s = s0; s < s0 + nsec; s++)
		for (i = 0; i < nper; i++) {
			char l[160];

			snprintf(l, sizeof(l), "2026-11-27T05:42:%02d.%03dZ %s  api GET /v1/items "
			    "n=%d\n", s, i * 37, i == 3 ? "ERROR" : "INFO ", s * 100 + i);
			puts_(t, l);
		}
}

/* Offset of the first line of t stamped at second s or later. */
static size_t
from_second(const struct text *t, int s)
{
	char key[32];
	const char *p;

	snprintf(key, sizeof(key), "2026-11-27T05:42:%02d", s);
	p = memmem(t->s, t->n, key, strlen(key));
	assert_non_null(p);
	return (size_t)(p - t->s);
}

/* Lines of ring holding needle. */
static size_t
ring_count(const struct logset *set, unsigned ring, const char *needle)
{
	const struct logbuf *lb = logset_buf(set, ring);
	struct logbuf_line l;
	uint64_t s;
	size_t n = 0;

	for (s = logbuf_first(lb); s < logbuf_end(lb); s++)
		if (logbuf_get(lb, s, &l) && memmem(l.text, l.len, needle, strlen(needle)) != NULL)
			n++;
	return n;
}

/* The ring holds each line of t exactly once, in order, after prefix. */
static void
assert_ring_is(const struct logset *set, unsigned ring, const char *prefix,
    const struct text *t)
{
	const struct logbuf *lb = logset_buf(set, ring);
	size_t at = 0, p = strlen(prefix);
	uint64_t s = logbuf_first(lb);

	while (at < t->n) {
		const char *nl = memchr(t->s + at, '\n', t->n - at);
		size_t len = (size_t)(nl - (t->s + at));
		struct logbuf_line l;

		assert_true(s < logbuf_end(lb));
		assert_true(logbuf_get(lb, s++, &l));
		assert_int_equal(l.len, p + len);
		assert_memory_equal(l.text, prefix, p);
		assert_memory_equal(l.text + p, t->s + at, len);
		at += len + 1;
	}
	assert_int_equal(s, logbuf_end(lb));
}

/* A tail of 10 lines a second stored up to 05:42:17 breaks off; the tool
 * asked from 05:42:17 on sends that second's 10 lines again (the ERROR
 * among them), then new ones: each is stored once, in order — whatever
 * the chunks, and also when (as docker does) it starts a few lines of the
 * second before. */
static void
a_resumed_run_stores_no_line_twice(void **state)
{
	struct text src = { 0 };
	int early, style;

	(void)state;
	stamped(&src, 15, 5, 10);	/* 05:42:15 .. 05:42:19 */
	for (early = 0; early < 2; early++)
		for (style = 0; style < 5; style++) {
			struct logset set;
			struct ingest in;
			struct ingest_opts o = { .prefix = "api-1/api ", .ring = 1 };
			size_t resume = from_second(&src, 17), at, k;
			char since[40] = "";

			logset_init(&set, 0);
			logset_reset(&set, 1);
			o.set = &set;
			ingest_init(&in, &o);
			/* Nothing stored yet: nothing to resume from. */
			assert_false(ingest_resume(&in, &set, 1, since, sizeof(since)));
			ingest_feed(&in, src.s, from_second(&src, 18));
			ingest_finish(&in);
			assert_true(ingest_resume(&in, &set, 1, since, sizeof(since)));
			assert_string_equal(since, "2026-11-27T05:42:17Z");
			for (k = 0; early && k < 4; k++)	/* 4 lines of 05:42:16 first */
				resume = (size_t)((const char *)memrchr(src.s, '\n', resume - 1) -
				    src.s) + 1;
			for (at = resume; at < src.n; at += k) {
				k = style == 0 ? src.n : 1 + rng() % (style == 1 ? 7 : 900);
				if (k > src.n - at)
					k = src.n - at;
				ingest_feed(&in, src.s + at, k);
			}
			ingest_finish(&in);
			assert_ring_is(&set, 1, "api-1/api ", &src);
			assert_int_equal(ring_count(&set, 1, "T05:42:17"), 10);
			assert_int_equal(ring_count(&set, 1, "ERROR"), 5);
			assert_int_equal(in.skipped, early ? 14 : 10);
			ingest_free(&in);
			logset_free(&set);
		}
	free(src.s);
}

/* Lines merged with other streams leave through on_line: the same skip. */
static void
a_resumed_merged_run_stores_no_line_twice(void **state)
{
	struct text src = { 0 };
	struct logset set;
	struct merged m = { &set, 0 };
	struct ingest in;
	struct ingest_opts o = { .prefix = "api-1/api ", .on_line = to_ring, .arg = &m };
	size_t resume;
	char since[40];

	(void)state;
	stamped(&src, 15, 4, 7);
	resume = from_second(&src, 16);
	logset_init(&set, 0);
	ingest_init(&in, &o);
	ingest_feed(&in, src.s, from_second(&src, 17));
	ingest_finish(&in);
	assert_true(ingest_resume(&in, &set, WR_LOGSET_OWN, since, sizeof(since)));
	assert_string_equal(since, "2026-11-27T05:42:16Z");
	ingest_feed(&in, src.s + resume, src.n - resume);
	ingest_finish(&in);
	assert_ring_is(&set, WR_LOGSET_OWN, "api-1/api ", &src);
	ingest_free(&in);
	logset_free(&set);
	free(src.s);
}

static void
feed_lines(struct ingest *in, const char *const *lines)
{
	for (; *lines != NULL; lines++) {
		ingest_feed(in, *lines, strlen(*lines));
		ingest_feed(in, "\n", 1);
	}
}

/* Identical lines: the run sent again starts at the second X, so the
 * first guess (the first X) fails at Z, and the alignment from the second
 * X, which agrees with the X dropped, takes it. A run that sends other
 * lines first stores them all; an unstamped stream resumes by arrival. */
static void
repeated_and_foreign_lines_resume_right(void **state)
{
	static const char *const held[] = {
		"2026-11-27T05:42:17Z X", "2026-11-27T05:42:17Z Y", "2026-11-27T05:42:17Z X",
		"2026-11-27T05:42:17Z Z", NULL,
	};
	static const char *const again[] = {
		"2026-11-27T05:42:17Z X", "2026-11-27T05:42:17Z Z", "2026-11-27T05:42:18Z N",
		NULL,
	};
	static const char *const other[] = {
		"2026-11-27T05:42:18Z P", "2026-11-27T05:42:17Z X", NULL,
	};
	static const char *const plain[] = { "no time here", NULL };
	struct logset set;
	struct ingest in;
	struct ingest_opts o = { .prefix = "" };
	char since[40];

	(void)state;
	logset_init(&set, 0);
	o.set = &set;
	ingest_init(&in, &o);
	feed_lines(&in, held);
	assert_true(ingest_resume(&in, &set, WR_LOGSET_OWN, since, sizeof(since)));
	feed_lines(&in, again);
	assert_int_equal(logset_count(&set), 5);
	assert_int_equal(in.skipped, 2);
	/* Resumed again: P was never held, so it and the X after it stay. */
	assert_true(ingest_resume(&in, &set, WR_LOGSET_OWN, since, sizeof(since)));
	assert_string_equal(since, "2026-11-27T05:42:18Z");
	feed_lines(&in, other);
	assert_int_equal(logset_count(&set), 7);
	assert_int_equal(in.skipped, 2);
	ingest_free(&in);
	logset_free(&set);

	logset_init(&set, 0);
	o.set = &set;
	ingest_init(&in, &o);
	feed_lines(&in, plain);
	assert_false(ingest_resume(&in, &set, WR_LOGSET_OWN, since, sizeof(since)));
	feed_lines(&in, plain);
	assert_int_equal(logset_count(&set), 2);
	ingest_free(&in);
	logset_free(&set);
}

/* A deployment's pods followed at once (kubectl --prefix): each pod's
 * lines come in its own order, but the pods' lines interleave differently
 * in the resumed run, and pod b's older line arrived after newer lines of
 * the others. Every pod's lines sent again are recognised among its own:
 * only the three new lines are stored. */
static void
a_resumed_run_of_several_pods_stores_no_line_twice(void **state)
{
	static const char *const held[] = {
		"[pod/api-1/api] 2026-11-27T05:42:16Z a0",
		"[pod/api-3/api] 2026-11-27T05:42:17Z c1",
		"[pod/api-1/api] 2026-11-27T05:42:17Z a1",
		"[pod/api-2/api] 2026-11-27T05:42:14Z b-old",
		"[pod/api-2/api] 2026-11-27T05:42:17Z b1",
		"[pod/api-1/api] 2026-11-27T05:42:17Z a2",
		"[pod/api-3/api] 2026-11-27T05:42:17Z c2",
		NULL,
	};
	static const char *const again[] = {
		"[pod/api-2/api] 2026-11-27T05:42:17Z b1",
		"[pod/api-3/api] 2026-11-27T05:42:17Z c1",
		"[pod/api-1/api] 2026-11-27T05:42:17Z a1",
		"[pod/api-3/api] 2026-11-27T05:42:17Z c2",
		"[pod/api-2/api] 2026-11-27T05:42:18Z b-new",
		"[pod/api-1/api] 2026-11-27T05:42:17Z a2",
		"[pod/api-1/api] 2026-11-27T05:42:18Z a-new",
		"[pod/api-3/api] 2026-11-27T05:42:18Z c-new",
		NULL,
	};
	struct logset set;
	struct ingest in;
	struct ingest_opts o = { .prefix = "k1/api ", .ring = 1 };
	char since[40];

	(void)state;
	logset_init(&set, 0);
	logset_reset(&set, 1);
	o.set = &set;
	ingest_init(&in, &o);
	feed_lines(&in, held);
	assert_true(ingest_resume(&in, &set, 1, since, sizeof(since)));
	assert_string_equal(since, "2026-11-27T05:42:17Z");
	feed_lines(&in, again);
	assert_int_equal(logset_count(&set), 10);
	assert_int_equal(in.skipped, 5);
	assert_int_equal(ring_count(&set, 1, " c1"), 1);
	assert_int_equal(ring_count(&set, 1, " a2"), 1);
	assert_int_equal(ring_count(&set, 1, "-new"), 3);
	ingest_free(&in);
	logset_free(&set);
}

/* A tail of the one pod kubectl picked (its lines named, --prefix) is
 * widened to every pod: cut off in the middle of a line, it resumes from
 * the second of its newest line with the selector. The pod's lines sent
 * again are not stored twice and the line cut off comes whole; the other
 * pods' lines of that second were never held and are all stored. */
static void
a_tail_widened_to_every_pod_stores_no_line_twice(void **state)
{
	static const char *const one[] = {
		"[pod/api-1/api] 2026-11-27T05:42:16Z a0",
		"[pod/api-1/api] 2026-11-27T05:42:17Z a1",
		"[pod/api-1/api] 2026-11-27T05:42:17Z a2",
		NULL,
	};
	static const char *const all[] = {
		"[pod/api-2/api] 2026-11-27T05:42:17Z b1",
		"[pod/api-1/api] 2026-11-27T05:42:17Z a1",
		"[pod/api-3/api] 2026-11-27T05:42:17Z c1",
		"[pod/api-1/api] 2026-11-27T05:42:17Z a2",
		"[pod/api-1/api] 2026-11-27T05:42:18Z a3",
		"[pod/api-2/api] 2026-11-27T05:42:18Z b2",
		NULL,
	};
	const char *cut = "[pod/api-1/api] 2026-11-27T05:42:18Z a";
	struct logset set;
	struct ingest in;
	struct ingest_opts o = { .prefix = "k1/api ", .ring = 1 };
	char since[40];

	(void)state;
	logset_init(&set, 0);
	logset_reset(&set, 1);
	o.set = &set;
	ingest_init(&in, &o);
	feed_lines(&in, one);
	ingest_feed(&in, cut, strlen(cut));
	ingest_drop_partial(&in);
	assert_true(ingest_resume(&in, &set, 1, since, sizeof(since)));
	assert_string_equal(since, "2026-11-27T05:42:17Z");
	feed_lines(&in, all);
	ingest_finish(&in);
	assert_int_equal(in.skipped, 2);
	assert_int_equal(logset_count(&set), 7);	/* 3 held, 4 new, none cut */
	assert_int_equal(ring_count(&set, 1, " a1"), 1);
	assert_int_equal(ring_count(&set, 1, " a2"), 1);
	assert_int_equal(ring_count(&set, 1, "k1/api [pod/api-1/api] 2026-11-27T05:42:18Z a3"), 1);
	assert_int_equal(ring_count(&set, 1, " b1"), 1);
	assert_int_equal(ring_count(&set, 1, " c1"), 1);
	assert_int_equal(ring_count(&set, 1, "Z a[pod/"), 0);	/* the cut line not glued on */
	ingest_free(&in);
	logset_free(&set);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(chunked_equals_per_line_for_every_prefix_and_chunking),
		cmocka_unit_test(every_boundary_of_a_short_stream),
		cmocka_unit_test(random_streams_agree),
		cmocka_unit_test(lines_for_a_merge_come_out_finished),
		cmocka_unit_test(a_secret_loaded_later_is_redacted),
		cmocka_unit_test(an_overlong_line_is_one_line_cut_once),
		cmocka_unit_test(a_resumed_run_stores_no_line_twice),
		cmocka_unit_test(a_resumed_merged_run_stores_no_line_twice),
		cmocka_unit_test(a_resumed_run_of_several_pods_stores_no_line_twice),
		cmocka_unit_test(repeated_and_foreign_lines_resume_right),
		cmocka_unit_test(a_tail_widened_to_every_pod_stores_no_line_twice),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
