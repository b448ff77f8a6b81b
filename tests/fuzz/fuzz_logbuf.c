/*
 * fuzz_logbuf.c — libFuzzer harness for the log ring and its filter: the
 * input is a little program of appends (raw and pre-sanitized), patterns,
 * filter steps and n/N searches on a minimum-size ring. After every step
 * the ring must be within its limit with the right count of lines, and a
 * finished filter must hold exactly the retained lines that match one by
 * one.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_logbuf.c src/core/logbuf.c \
 *     src/core/logfilter.c src/core/sanitize.c src/core/util.c \
 *     -lpcre2-8 -o fuzz_logbuf
 *   ./fuzz_logbuf -max_total_time=30 corpus/
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/logbuf.h"
#include "warroom/logfilter.h"
#include "warroom/sanitize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "failed: %s\n", #c); abort(); } } while (0)

static void
check_ring(const struct logbuf *lb)
{
	struct logbuf_line l;
	size_t bytes = 0;
	uint64_t s;

	CHECK(lb->arena_cap <= lb->limit);
	CHECK(logbuf_count(lb) == lb->end - lb->first);
	for (s = logbuf_first(lb); s < logbuf_end(lb); s++) {
		CHECK(logbuf_get(lb, s, &l));
		CHECK(memchr(l.text, '\n', l.len) == NULL);
		bytes += l.len;
	}
	CHECK(bytes == logbuf_text_bytes(lb));
	CHECK(bytes + logbuf_count(lb) <= lb->limit);
}

static void
check_filter(struct logfilter *f, const struct logbuf *lb)
{
	struct logbuf_line l;
	size_t k = 0, n = logfilter_count(f, lb);
	uint64_t s, got;

	for (s = logbuf_first(lb); s < logbuf_end(lb); s++) {
		logbuf_get(lb, s, &l);
		if (logfilter_match(f, l.text, l.len)) {
			CHECK(k < n && logfilter_hit(f, k) == s);
			CHECK(!logfilter_next(f, lb, s, &got) || got > s);
			k++;
		}
	}
	CHECK(k == n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct logbuf lb;
	struct logfilter f;
	struct wr_err err;
	struct logfilter_span sp[4];
	size_t i = 0;
	uint64_t got;

	logbuf_init(&lb, WR_LOGBUF_MIN_BYTES);
	logfilter_init(&f);
	while (i + 2 <= size) {
		unsigned op = data[i] & 7, arg = data[i + 1];
		size_t n;

		i += 2;
		n = arg < size - i ? arg : size - i;
		switch (op) {
		case 0: case 1: case 2:
			/* A raw line, appended many times over to cause drops. */
			{
				unsigned rep = 1 + (data[i - 2] >> 3) * 8, r;

				for (r = 0; r < rep; r++)
					logbuf_append_raw(&lb, (const char *)data + i, n - r % (n + 1), r);
			}
			i += n;
			break;
		case 3:
			/* A long line as given (not sanitized), up to 24 KiB. */
			{
				static char big[256 * 97];
				size_t k;

				for (k = 0; k < n * 97; k++)
					big[k] = (char)data[i + k % n];
				logbuf_append(&lb, big, n * 97, arg);
			}
			i += n;
			break;
		case 4:
			if (logfilter_set(&f, (const char *)data + i, n, &err) != 0)
				CHECK(strstr(err.msg, " at offset ") != NULL);
			i += n;
			break;
		case 5:
			logfilter_step(&f, &lb, 1 + arg);
			break;
		case 6:
			if (f.re != NULL && logbuf_count(&lb) > 0) {
				struct logbuf_line l;

				logbuf_get(&lb, logbuf_end(&lb) - 1, &l);
				n = logfilter_spans(&f, l.text, l.len, sp, 4);
				while (n-- > 0)
					CHECK(sp[n].start <= sp[n].end && sp[n].end <= l.len);
			}
			if (logfilter_prev(&f, &lb, logbuf_first(&lb) + arg, &got))
				CHECK(got >= logbuf_first(&lb) && got < logbuf_first(&lb) + arg);
			break;
		default:
			logbuf_seek_time(&lb, (int64_t)arg * 1000);
			break;
		}
		check_ring(&lb);
	}
	if (f.re != NULL) {
		while (!logfilter_step(&f, &lb, 100))
			;
		check_filter(&f, &lb);
	}
	logfilter_free(&f);
	logbuf_free(&lb);
	return 0;
}
