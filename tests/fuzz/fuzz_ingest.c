/*
 * fuzz_ingest.c — libFuzzer property for the chunk path: for any byte
 * stream, cut into chunks as the input says, ingest.c leaves the ring
 * holding exactly what the per-line path (linesplit, then prefix,
 * sanitize_buf, redact_might/redact_text, logset_append per line) gives
 * for the same chunks, and a registered secret never survives into it.
 * Byte 0 picks the prefix and the line cap, byte 1 seeds the chunk sizes.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_ingest.c src/core/ingest.c \
 *     src/core/linescan.c src/core/linesplit.c src/core/logbuf.c \
 *     src/core/logset.c \
 *     src/core/sanitize.c src/core/redact.c src/core/util.c \
 *     -lcjson -o fuzz_ingest
 *   ./fuzz_ingest -max_total_time=30 corpus/
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/ingest.h"
#include "warroom/linesplit.h"
#include "warroom/sanitize.h"

#include "../unit/ingest_ref.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "failed: %s\n", #c); abort(); } } while (0)
#define SECRET "Zx9Qw7Lk"


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const prefixes[] = { "", "api-1/api ", "db/tok", "h/Zx9" };
	static const size_t caps[] = { 16384, 1, 7, 64 };
	struct redactor red;
	struct logset set_old, set_now;
	const struct logbuf *old, *now;
	struct ingest in;
	struct ingest_opts o = { 0 };
	struct linesplit ls;
	struct ref r;
	uint32_t seed;
	size_t at = 2;
	uint64_t s;

	if (size < 2)
		return 0;
	redact_init(&red);
	redact_add_secret(&red, SECRET);
	logset_init(&set_old, 0);
	logset_init(&set_now, 0);
	old = logset_buf(&set_old, 0);
	now = logset_buf(&set_now, 0);
	o.prefix = prefixes[data[0] & 3];
	o.line_cap = caps[(data[0] >> 2) & 3];
	o.red = &red;
	o.set = &set_now;
	ingest_init(&in, &o);
	r = (struct ref){ &set_old, &red, o.prefix, 0 };
	linesplit_init_head(&ls, o.line_cap, ref_line, &r);
	seed = data[1] | 1u;
	while (at < size) {
		size_t n;

		seed = seed * 1103515245u + 12345u;
		n = (data[0] & 0x10) ? size - at : 1 + (seed >> 16) % 97;
		if (n > size - at)
			n = size - at;
		ingest_feed(&in, (const char *)data + at, n);
		linesplit_feed(&ls, (const char *)data + at, n);
		at += n;
	}
	ingest_finish(&in);
	linesplit_finish(&ls);
	CHECK(logbuf_first(old) == logbuf_first(now));
	CHECK(logbuf_end(old) == logbuf_end(now));
	for (s = logbuf_first(old); s < logbuf_end(old); s++) {
		struct logbuf_line x, y;

		CHECK(logbuf_get(old, s, &x) && logbuf_get(now, s, &y));
		CHECK(x.source == y.source);
		CHECK(x.len == y.len && memcmp(x.text, y.text, x.len) == 0);
		CHECK(memmem(y.text, y.len, SECRET, strlen(SECRET)) == NULL);
	}
	linesplit_free(&ls);
	ingest_free(&in);
	logset_free(&set_old);
	logset_free(&set_now);
	redact_free(&red);
	return 0;
}
