/*
 * fuzz_record.c — libFuzzer harness for the timeline's record decoder and
 * its recovery scan (record.c). The bytes are scanned as a journal three
 * ways: as they are, with every record-like line's crc made right, and
 * with the prev chain made right too (journal_fix.h), so the fuzzer gets
 * past the CRC-32C. Checked on every scan:
 *   - the verified prefix ends on a line boundary, within the bytes, and
 *     holds exactly the records kept; torn and corrupt never both;
 *   - nothing follows the prefix only when neither torn nor corrupt;
 *   - scanning the prefix alone gives the same records, clean;
 *   - scanning the rest from the prefix's chain state gives what the first
 *     scan said about it (torn/corrupt);
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

	record_scan(buf, len, 0, 0, 0, &keep, &s);
	CHECK(s.good_len <= len);
	CHECK(s.good_len == 0 || buf[s.good_len - 1] == '\n');
	CHECK(s.nrecords == keep.n);
	CHECK(!(s.torn && s.corrupt));
	CHECK((s.good_len == len) == (!s.torn && !s.corrupt));
	CHECK(s.last_seq == keep.n);
	CHECK(s.n_open_ops <= keep.n);
	CHECK(memchr(s.name, '\0', sizeof(s.name)) != NULL);

	record_scan(buf, s.good_len, 0, 0, 0, NULL, &again);
	CHECK(again.nrecords == s.nrecords && !again.torn && !again.corrupt);
	CHECK(again.last_crc == s.last_crc && again.lines == s.lines);
	record_scan_free(&again);

	record_scan(buf + s.good_len, len - s.good_len, s.last_seq, s.last_crc, s.lines,
	    NULL, &rest);
	CHECK(rest.nrecords == 0 && rest.torn == s.torn && rest.corrupt == s.corrupt);
	CHECK(rest.bad_line == s.bad_line);
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
