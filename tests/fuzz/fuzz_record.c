/*
 * fuzz_record.c — libFuzzer harness for the timeline's record decoder and
 * its recovery scan (record.c). The bytes are scanned as a journal three
 * ways: as they are, with every record-like line's crc made right, and
 * with the prev chain made right too (journal_fix.h), so the fuzzer gets
 * past the CRC-32C. Checked on every scan:
 *   - the part before a torn tail ends on a line boundary, within the
 *     bytes; the records kept have rising seqs, the last one's is the
 *     chain state; each damaged line named lies within that part, on a
 *     line start, in file order;
 *   - nothing follows that part only when not torn;
 *   - scanning that part alone gives the same records and damage, no tail;
 *   - scanning the rest from its chain state keeps nothing, and gives the
 *     same torn verdict and no damage;
 *   - the damage in words always fits and ends;
 *   - every kept record encodes, and that line decodes to the same fields.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude -I/usr/include/cjson tests/fuzz/fuzz_record.c \
 *     src/core/record.c src/core/util.c -lcjson -o fuzz_record
 *   ./fuzz_record -max_total_time=30 corpus/ tests/fuzz/corpus/record/
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journal_fix.h"
#include "warroom/record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "failed: %s\n", #c); abort(); } } while (0)

static bool
str_eq(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void
check_roundtrip(const struct record *r)
{
	struct record copy = *r, back;
	struct wr_err err;
	char *line, *a, *b;
	size_t len;

	CHECK(record_encode(&copy, &line, &len, &err) == 0);
	CHECK(len > 0 && line[len - 1] == '\n' && memchr(line, '\n', len - 1) == NULL);
	CHECK(record_decode(line, len - 1, &back, &err) == 0);
	CHECK(back.seq == r->seq && back.ts_ms == r->ts_ms && back.mono_ms == r->mono_ms);
	CHECK(back.prev == r->prev && back.crc == copy.crc);
	CHECK(str_eq(back.actor, r->actor) && str_eq(back.kind, r->kind));
	CHECK(str_eq(back.host, r->host) && str_eq(back.op, r->op));
	/* Printed, not cJSON_Compare: that one pairs duplicate keys by name. */
	a = cJSON_PrintUnformatted(back.data);
	b = cJSON_PrintUnformatted(r->data);
	CHECK(a != NULL && b != NULL && strcmp(a, b) == 0);
	cJSON_free(a);
	cJSON_free(b);
	record_free(&back);
	free(line);
}

static void
scan_one(const char *buf, size_t len)
{
	struct record_list keep = { 0 };
	struct record_scan s, again, rest;

	char words[64];

	record_scan(buf, len, 0, 0, 0, &keep, &s);
	CHECK(s.good_len <= len);
	CHECK(s.good_len == 0 || buf[s.good_len - 1] == '\n');
	CHECK(s.nrecords == keep.n);
	CHECK((s.good_len == len) == !s.torn);
	CHECK(s.last_seq == (keep.n > 0 ? keep.v[keep.n - 1].seq : 0));
	for (size_t i = 1; i < keep.n; i++)
		CHECK(keep.v[i].seq > keep.v[i - 1].seq);
	for (size_t i = 0; i < s.ndamage; i++) {
		const struct record_damage *d = &s.damage[i];

		CHECK(d->line >= 1 && d->line <= s.lines && d->offset < s.good_len);
		CHECK(d->offset == 0 || buf[d->offset - 1] == '\n');
		CHECK(d->kept_before <= s.nrecords);
		CHECK(i == 0 || (d->line >= d[-1].line && d->offset >= d[-1].offset));
		CHECK(memchr(d->detail, '\0', sizeof(d->detail)) != NULL);
	}
	CHECK(s.n_open_ops <= keep.n);
	CHECK(memchr(s.name, '\0', sizeof(s.name)) != NULL);
	record_scan_damage_words(&s, words, sizeof(words));
	CHECK(strlen(words) < sizeof(words) && (s.ndamage == 0) == (words[0] == '\0'));

	record_scan(buf, s.good_len, 0, 0, 0, NULL, &again);
	CHECK(again.nrecords == s.nrecords && !again.torn && again.ndamage == s.ndamage);
	CHECK(again.last_crc == s.last_crc && again.lines == s.lines);
	record_scan_free(&again);

	record_scan(buf + s.good_len, len - s.good_len, s.last_seq, s.last_crc, s.lines,
	    NULL, &rest);
	CHECK(rest.nrecords == 0 && rest.torn == s.torn && rest.ndamage == 0);
	record_scan_free(&rest);

	for (size_t i = 0; i < keep.n; i++)
		check_roundtrip(&keep.v[i]);
	record_list_free(&keep);
	record_scan_free(&s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *fixed;
	struct record r;
	struct wr_err err;

	scan_one((const char *)data, size);
	fixed = journal_fix(data, size, false);
	scan_one(fixed, size);
	/* The first line alone, decoded straight. */
	{
		const char *nl = memchr(fixed, '\n', size);
		size_t n = nl != NULL ? (size_t)(nl - fixed) : size;

		if (record_decode(fixed, n, &r, &err) == 0) {
			check_roundtrip(&r);
			record_free(&r);
		}
	}
	free(fixed);
	fixed = journal_fix(data, size, true);
	scan_one(fixed, size);
	free(fixed);
	return 0;
}
