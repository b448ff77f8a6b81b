/*
 * fuzz_logbuf.c — libFuzzer harness for LOGS' rings and their filter: the
 * input is a little program of appends (raw and pre-sanitized) into the
 * rings of a logset of minimum-size rings (one, or three sharing the
 * limit), patterns, filter steps and n/N searches. After every step each
 * ring must be within its limit with the right count of lines and every
 * retained line's id must lead back to it; a finished filter must hold
 * exactly the retained lines that match one by one, and N must walk them
 * in id order.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_logbuf.c src/core/logbuf.c src/core/logset.c \
 *     src/core/logfilter.c src/core/sanitize.c src/core/util.c \
 *     -lpcre2-8 -lcjson -o fuzz_logbuf
 *   ./fuzz_logbuf -max_total_time=30 corpus/
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/logbuf.h"
#include "warroom/logfilter.h"
#include "warroom/logset.h"
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

/* Every ring sound, ids rising within each and leading back to the line. */
static void
check_set(const struct logset *set)
{
	struct logset_line l;
	unsigned r;

	for (r = 0; r < logset_rings(set); r++) {
		const struct logbuf *lb = logset_buf(set, r);
		uint64_t s, id, prev = 0;

		check_ring(lb);
		for (s = logbuf_first(lb); s < logbuf_end(lb); s++) {
			id = logset_id(set, r, s);
			CHECK(s == logbuf_first(lb) || id > prev);
			CHECK(id < logset_end(set) && id >= logset_first(set));
			CHECK(logset_find(set, r, id) == s);
			CHECK(logset_get(set, id, &l) && l.ring == r && l.seq == s);
			prev = id;
		}
	}
}

static void
check_filter(struct logfilter *f, const struct logset *set)
{
	struct logbuf_line l;
	size_t n = logfilter_count(f, set), total = 0, k;
	uint64_t s, got, id = 0;
	unsigned r;

	for (r = 0; r < logset_rings(set); r++) {
		const struct logbuf *lb = logset_buf(set, r);
		size_t m = logfilter_ring_count(f, set, r);

		for (k = 0, s = logbuf_first(lb); s < logbuf_end(lb); s++) {
			logbuf_get(lb, s, &l);
			if (logfilter_match(f, l.text, l.len)) {
				CHECK(k < m && logfilter_ring_hit(f, r, k) == s);
				CHECK(!logfilter_next(f, set, logset_id(set, r, s), &got) ||
				    got > logset_id(set, r, s));
				k++;
			}
		}
		CHECK(k == m);
		total += m;
	}
	CHECK(total == n);
	/* N from past the newest line visits every match once, ids falling. */
	for (k = 0, id = logset_end(set); k < n; k++, id = got) {
		CHECK(logfilter_prev(f, set, id, &got));
		CHECK(got < id && got >= logset_first(set));
	}
	CHECK(!logfilter_prev(f, set, id, &got));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct logset set;
	struct logfilter f;
	struct wr_err err;
	struct logfilter_span sp[4];
	size_t i = 1;
	uint64_t got;

	if (size < 1)
		return 0;
	logset_init(&set, WR_LOGBUF_MIN_BYTES * 3);
	logset_reset(&set, data[0] & 2);	/* LOGS' own ring, or three */
	logfilter_init(&f);
	while (i + 2 <= size) {
		unsigned op = data[i] & 7, arg = data[i + 1], ring = arg % 3;
		size_t n;

		i += 2;
		n = arg < size - i ? arg : size - i;
		switch (op) {
		case 0: case 1: case 2:
			/* A raw line, appended many times over to cause drops. */
			{
				unsigned rep = 1 + (data[i - 2] >> 3) * 8, r;

				for (r = 0; r < rep; r++)
					logset_append_raw(&set, (ring + r) % 3, (const char *)data + i,
					    n - r % (n + 1), r % 2);
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
				logset_append(&set, ring, big, n * 97, arg & 1);
			}
			i += n;
			break;
		case 4:
			if (logfilter_set(&f, (const char *)data + i, n, &err) != 0)
				CHECK(strstr(err.msg, " at offset ") != NULL);
			i += n;
			break;
		case 5:
			logfilter_step(&f, &set, 1 + arg);
			break;
		case 6:
			if (f.re != NULL && logset_count(&set) > 0) {
				struct logset_line l;

				if (logset_get(&set, logset_end(&set) - 1, &l)) {
					n = logfilter_spans(&f, l.text, l.len, sp, 4);
					while (n-- > 0)
						CHECK(sp[n].start <= sp[n].end && sp[n].end <= l.len);
				}
			}
			if (logfilter_prev(&f, &set, logset_first(&set) + arg, &got))
				CHECK(got >= logset_first(&set) && got < logset_first(&set) + arg);
			break;
		default:
			logset_seek_time(&set, (int64_t)arg * 1000);
			break;
		}
		check_set(&set);
	}
	if (f.re != NULL) {
		while (!logfilter_step(&f, &set, 100))
			;
		check_filter(&f, &set);
	}
	logfilter_free(&f);
	logset_free(&set);
	return 0;
}
