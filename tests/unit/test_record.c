/*
 * test_record.c — journal lines: CRC-32C vectors, the exact line format,
 * decode, the prev chain, and the recovery scan's verdict on torn tails,
 * bad crcs, damaged lines in the middle (skipped, named, everything after
 * them kept), reordered and removed records.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/record.h"

#define T0 1714564800123LL      /* 2024-05-01T12:00:00.123Z */

struct journal {
	char *buf;
	size_t len;
	size_t off[16];         /* start of each line; off[n] = len */
	size_t n;
};

static void
journal_add(struct journal *j, const char *kind, const char *op, cJSON *data)
{
	static uint32_t prev;
	struct record r = { 0 };
	char *line;
	size_t len;

	if (j->n == 0)
		prev = 0;
	r.seq = j->n + 1;
	r.ts_ms = T0 + (int64_t)j->n * 1000;
	r.mono_ms = 5000 + (int64_t)j->n * 1000;
	r.actor = "alice@ws";
	r.kind = (char *)kind;
	r.op = (char *)op;
	r.data = data != NULL ? data : cJSON_CreateObject();
	r.prev = prev;
	assert_int_equal(record_encode(&r, &line, &len, NULL), 0);
	prev = r.crc;
	cJSON_Delete(r.data);
	j->buf = realloc(j->buf, j->len + len + 1);
	memcpy(j->buf + j->len, line, len + 1);
	j->off[j->n++] = j->len;
	j->len += len;
	j->off[j->n] = j->len;
	free(line);
}

static void
journal_five(struct journal *j)
{
	int i;

	memset(j, 0, sizeof(*j));
	for (i = 0; i < 5; i++) {
		cJSON *d = cJSON_CreateObject();

		cJSON_AddNumberToObject(d, "i", i);
		journal_add(j, "note", NULL, d);
	}
}

static void
crc32c_matches_known_vectors(void **state)
{
	unsigned char zeros[32] = { 0 }, ones[32], inc[32];
	int i;

	for (i = 0; i < 32; i++) {
		ones[i] = 0xff;
		inc[i] = (unsigned char)i;
	}
	assert_int_equal(crc32c(0, "123456789", 9), 0xe3069283u);
	assert_int_equal(crc32c(0, "", 0), 0);
	/* RFC 3720 B.4 */
	assert_int_equal(crc32c(0, zeros, 32), 0x8a9136aau);
	assert_int_equal(crc32c(0, ones, 32), 0x62a8ab43u);
	assert_int_equal(crc32c(0, inc, 32), 0x46dd794eu);
	assert_int_equal(crc32c(crc32c(0, "1234", 4), "56789", 5), 0xe3069283u);
}

static void
timestamps_round_trip_in_utc_with_ms(void **state)
{
	char ts[WR_TS_MAX];
	int64_t ms;

	record_format_ts(0, ts);
	assert_string_equal(ts, "1970-01-01T00:00:00.000Z");
	record_format_ts(T0, ts);
	assert_string_equal(ts, "2024-05-01T12:00:00.123Z");
	assert_int_equal(record_parse_ts("2024-02-29T23:59:59.999Z", &ms), 0);
	record_format_ts(ms, ts);
	assert_string_equal(ts, "2024-02-29T23:59:59.999Z");
	assert_int_equal(record_parse_ts(ts, &ms), 0);
	assert_int_equal(record_parse_ts("2024-05-01T12:00:00Z", &ms), -1);
	assert_int_equal(record_parse_ts("2024-13-01T12:00:00.000Z", &ms), -1);
	assert_int_equal(record_parse_ts("2024-05-01 12:00:00.000Z", &ms), -1);
}

static void
encode_writes_the_exact_line_format(void **state)
{
	struct record r = { 0 };
	char *line, want_crc[9];
	const char *body;
	size_t len;

	r.seq = 1;
	r.ts_ms = T0;
	r.mono_ms = 42;
	r.actor = "alice@ws";
	r.kind = "note";
	r.data = cJSON_Parse("{\"text\":\"hi\\nthere\"}");
	assert_int_equal(record_encode(&r, &line, &len, NULL), 0);
	body = "{\"seq\":1,\"ts\":\"2024-05-01T12:00:00.123Z\",\"mono_ms\":42,"
	    "\"actor\":\"alice@ws\",\"kind\":\"note\",\"host\":null,\"op\":null,"
	    "\"data\":{\"text\":\"hi\\nthere\"},\"prev\":\"00000000\"}";
	snprintf(want_crc, sizeof(want_crc), "%08x", crc32c(0, body, strlen(body)));
	assert_int_equal(len, strlen(line));
	assert_int_equal(memcmp(line, body, strlen(body) - 1), 0);
	assert_memory_equal(line + strlen(body) - 1, ",\"crc\":\"", 8);
	assert_memory_equal(line + strlen(body) - 1 + 8, want_crc, 8);
	assert_string_equal(line + len - 3, "\"}\n");
	assert_null(memchr(line, '\n', len - 1));
	assert_int_equal(r.crc, crc32c(0, body, strlen(body)));
	free(line);
	cJSON_Delete(r.data);
}

static void
decode_returns_what_was_encoded(void **state)
{
	struct record r = { 0 }, d;
	char *line;
	size_t len;

	r.seq = 7;
	r.ts_ms = T0;
	r.mono_ms = 123456789012LL;
	r.actor = "bob@laptop";
	r.kind = "action.intent";
	r.host = "api-1";
	r.op = "op-7";
	r.data = cJSON_Parse("{\"action\":\"rollback\",\"plan\":{\"to\":\"v1\"}}");
	r.prev = 0xdeadbeef;
	assert_int_equal(record_encode(&r, &line, &len, NULL), 0);
	assert_int_equal(record_decode(line, len - 1, &d, NULL), 0);
	assert_int_equal(d.seq, 7);
	assert_int_equal(d.ts_ms, T0);
	assert_int_equal(d.mono_ms, 123456789012LL);
	assert_string_equal(d.actor, "bob@laptop");
	assert_string_equal(d.kind, "action.intent");
	assert_string_equal(d.host, "api-1");
	assert_string_equal(d.op, "op-7");
	assert_int_equal(d.prev, 0xdeadbeefu);
	assert_int_equal(d.crc, r.crc);
	assert_string_equal(cJSON_GetObjectItem(d.data, "action")->valuestring, "rollback");
	record_free(&d);
	free(line);
	cJSON_Delete(r.data);
}

static void
decode_rejects_a_flipped_byte_and_a_missing_crc(void **state)
{
	struct journal j;
	struct record d;
	struct wr_err e;

	journal_five(&j);
	j.buf[10] ^= 1;
	assert_int_equal(record_decode(j.buf, j.off[1] - 1, &d, &e), -1);
	assert_non_null(strstr(e.msg, "bad crc"));
	assert_int_equal(record_decode("{\"seq\":1}", 9, &d, &e), -1);
	assert_int_equal(record_decode("", 0, &d, &e), -1);
	free(j.buf);
}

/* A line with a right crc but a bad ts or prev: the message quotes the
 * value (found by fuzz_record: it was formatted after the JSON was freed). */
static void
seal(char *line, size_t len)
{
	char hex[9];

	snprintf(hex, sizeof(hex), "%08x",
	    (unsigned)crc32c(crc32c(0, line, len - 18), "}", 1));
	memcpy(line + len - 10, hex, 8);
}

static void
decode_quotes_a_bad_timestamp_and_prev(void **state)
{
	char bad_ts[] = "{\"seq\":1,\"ts\":\"2024-05-01 12:00:00\",\"mono_ms\":1,"
	    "\"actor\":\"a\",\"kind\":\"note\",\"host\":null,\"op\":null,\"data\":{},"
	    "\"prev\":\"00000000\",\"crc\":\"00000000\"}";
	char bad_prev[] = "{\"seq\":1,\"ts\":\"2024-05-01T12:00:00.000Z\",\"mono_ms\":1,"
	    "\"actor\":\"a\",\"kind\":\"note\",\"host\":null,\"op\":null,\"data\":{},"
	    "\"prev\":\"xyz\",\"crc\":\"00000000\"}";
	struct record d;
	struct wr_err e;

	seal(bad_ts, strlen(bad_ts));
	assert_int_equal(record_decode(bad_ts, strlen(bad_ts), &d, &e), -1);
	assert_string_equal(e.msg, "bad timestamp \"2024-05-01 12:00:00\"");
	seal(bad_prev, strlen(bad_prev));
	assert_int_equal(record_decode(bad_prev, strlen(bad_prev), &d, &e), -1);
	assert_string_equal(e.msg, "bad prev \"xyz\"");
}

/* A console's session number sits after the actor; 0 writes nothing (the
 * line of an older journal), and one that is not a whole number >= 1 is
 * refused like any field of the wrong type. */
static void
the_session_number_is_after_the_actor_and_round_trips(void **state)
{
	struct record r = { 0 }, d;
	char *line, bad[] = "{\"seq\":1,\"ts\":\"2024-05-01T12:00:00.000Z\",\"mono_ms\":1,"
	    "\"actor\":\"a\",\"session\":0,\"kind\":\"note\",\"host\":null,\"op\":null,"
	    "\"data\":{},\"prev\":\"00000000\",\"crc\":\"00000000\"}";
	size_t len;
	struct wr_err e;

	r.seq = 9;
	r.ts_ms = T0;
	r.actor = "alice@ws";
	r.session = 4;
	r.kind = "note";
	r.data = cJSON_CreateObject();
	assert_int_equal(record_encode(&r, &line, &len, NULL), 0);
	assert_non_null(strstr(line, "\"actor\":\"alice@ws\",\"session\":4,\"kind\":\"note\""));
	assert_int_equal(record_decode(line, len - 1, &d, NULL), 0);
	assert_int_equal(d.session, 4);
	record_free(&d);
	free(line);
	r.session = 0;
	assert_int_equal(record_encode(&r, &line, &len, NULL), 0);
	assert_null(strstr(line, "session"));
	assert_int_equal(record_decode(line, len - 1, &d, NULL), 0);
	assert_int_equal(d.session, 0);
	record_free(&d);
	free(line);
	cJSON_Delete(r.data);
	seal(bad, strlen(bad));
	assert_int_equal(record_decode(bad, strlen(bad), &d, &e), -1);
	assert_non_null(strstr(e.msg, "wrong type"));
}

static void
scan_verifies_a_whole_chain(void **state)
{
	struct journal j;
	struct record_list keep = { 0 };
	struct record_scan s;

	journal_five(&j);
	record_scan(j.buf, j.len, 0, 0, 0, &keep, &s);
	assert_false(s.torn);
	assert_int_equal(s.ndamage, 0);
	assert_int_equal(s.good_len, j.len);
	assert_int_equal(s.nrecords, 5);
	assert_int_equal(s.last_seq, 5);
	assert_int_equal(s.lines, 5);
	assert_int_equal(keep.n, 5);
	assert_int_equal(s.last_crc, keep.v[4].crc);
	assert_int_equal(s.first_ts_ms, T0);
	assert_int_equal(s.last_ts_ms, T0 + 4000);
	record_list_free(&keep);
	record_scan_free(&s);
	free(j.buf);
}

static void
scan_continues_a_chain_from_a_known_tail(void **state)
{
	struct journal j;
	struct record_scan head, tail;

	journal_five(&j);
	record_scan(j.buf, j.off[3], 0, 0, 0, NULL, &head);
	record_scan(j.buf + j.off[3], j.len - j.off[3], head.last_seq, head.last_crc,
	    head.lines, NULL, &tail);
	assert_int_equal(tail.ndamage, 0);
	assert_int_equal(tail.nrecords, 2);
	assert_int_equal(tail.last_seq, 5);
	record_scan_free(&tail);
	/* A wrong starting crc is a broken chain: named, the records kept. */
	record_scan(j.buf + j.off[3], j.len - j.off[3], head.last_seq, head.last_crc ^ 1,
	    head.lines, NULL, &tail);
	assert_int_equal(tail.ndamage, 1);
	assert_int_equal(tail.damage[0].line, 4);
	assert_false(tail.damage[0].skipped);
	assert_int_equal(tail.nrecords, 2);
	record_scan_free(&tail);
	record_scan_free(&head);
	free(j.buf);
}

static void
scan_calls_a_line_without_newline_a_torn_tail(void **state)
{
	struct journal j;
	struct record_scan s;

	journal_five(&j);
	record_scan(j.buf, j.len - 7, 0, 0, 0, NULL, &s);
	assert_true(s.torn);
	assert_true(s.partial);          /* a follower waits for the rest */
	assert_false(s.tail_whole);      /* a write that never finished */
	assert_int_equal(s.ndamage, 0);
	assert_int_equal(s.good_len, j.off[4]);
	assert_int_equal(s.last_seq, 4);
	assert_non_null(strstr(s.why.msg, "line 5"));
	record_scan_free(&s);
	free(j.buf);
}

static void
scan_calls_a_whole_bad_last_line_damage_set_aside(void **state)
{
	struct journal j;
	struct record_scan s;
	char words[400], want[100];

	journal_five(&j);
	j.buf[j.off[4] + 3] ^= 0x20;
	record_scan(j.buf, j.len, 0, 0, 0, NULL, &s);
	assert_true(s.torn);
	assert_false(s.partial);         /* whole, and bad: nothing to wait for */
	assert_int_equal(s.ndamage, 0);
	assert_int_equal(s.good_len, j.off[4]);
	/* Written whole and damaged since: named as damage that may have
	 * held an intent after seq 4, not as a torn write. */
	assert_true(s.tail_whole);
	assert_int_equal(s.tail_damage.line, 5);
	assert_int_equal(s.tail_damage.after_seq, 4);
	assert_true(s.tail_damage.skipped);
	assert_int_equal(s.tail_damage.why, RECORD_DAMAGE_CHECKSUM);
	assert_non_null(strstr(s.why.msg, "line 5: bad crc"));
	assert_non_null(strstr(s.why.msg, "(damaged last record)"));
	assert_null(strstr(s.why.msg, "torn"));
	/* Set aside, line 5 is the next record's: the words name no line. */
	record_aside_words(&s, j.len - j.off[4], "/j.jsonl.torn", words, sizeof(words));
	assert_non_null(strstr(words, "last line set aside (bad crc"));
	assert_non_null(strstr(words, ": a damaged last record): "));
	assert_null(strstr(words, "line 5"));
	snprintf(want, sizeof(want), " bytes moved to /j.jsonl.torn");
	assert_non_null(strstr(words, want));
	record_scan_free(&s);
	free(j.buf);
}

/* The bytes of j with text put in place of line i (0-based), or before it
 * when replace is false; the result's length in *len. */
static char *
with_line(const struct journal *j, size_t i, const char *text, bool replace, size_t *len)
{
	size_t n = strlen(text), cut = replace ? j->off[i + 1] - j->off[i] : 0;
	char *out = malloc(j->len + n + 1);

	memcpy(out, j->buf, j->off[i]);
	memcpy(out + j->off[i], text, n);
	memcpy(out + j->off[i] + n, j->buf + j->off[i] + cut, j->len - j->off[i] - cut);
	*len = j->len + n - cut;
	out[*len] = '\0';
	return out;
}

/* One changed byte in a note in the middle: that line is skipped and
 * named; every record after it is kept, and the seq gap it leaves is
 * no torn tail. */
static void
scan_skips_a_bad_crc_in_the_middle_and_keeps_the_rest(void **state)
{
	struct journal j;
	struct record_list keep = { 0 };
	struct record_scan s;
	char words[300], want[300];

	journal_five(&j);
	j.buf[j.off[2] + 20] ^= 0x01;
	record_scan(j.buf, j.len, 0, 0, 0, &keep, &s);
	assert_false(s.torn);
	assert_int_equal(s.good_len, j.len);
	assert_int_equal(s.lines, 5);
	assert_int_equal(s.nrecords, 4);
	assert_int_equal(keep.n, 4);
	assert_int_equal(keep.v[1].seq, 2);
	assert_int_equal(keep.v[2].seq, 4);
	assert_int_equal(s.last_seq, 5);
	assert_int_equal(s.last_crc, keep.v[3].crc);
	assert_int_equal(s.ndamage, 1);
	assert_true(s.damage[0].skipped);
	assert_int_equal(s.damage[0].why, RECORD_DAMAGE_CHECKSUM);
	assert_int_equal(s.damage[0].line, 3);
	assert_int_equal(s.damage[0].offset, j.off[2]);
	assert_int_equal(s.damage[0].after_seq, 2);
	assert_int_equal(s.damage[0].next_seq, 4);
	assert_non_null(strstr(s.damage[0].detail, "bad crc"));
	record_scan_damage_words(&s, words, sizeof(words));
	snprintf(want, sizeof(want), "line 3 (byte %zu) damaged (checksum): skipped (seq 3 "
	    "missing); the 2 records after it kept", j.off[2]);
	assert_string_equal(words, want);
	record_list_free(&keep);
	record_scan_free(&s);
	free(j.buf);
}

/* A garbage line between two records: skipped, and nothing is missing
 * since the chain goes on across it. */
static void
scan_skips_a_garbage_line_and_the_chain_goes_on(void **state)
{
	struct journal j;
	struct record_scan s;
	char *buf, words[300];
	size_t len;

	journal_five(&j);
	buf = with_line(&j, 2, "garbage, not a record\n", false, &len);
	record_scan(buf, len, 0, 0, 0, NULL, &s);
	assert_false(s.torn);
	assert_int_equal(s.nrecords, 5);
	assert_int_equal(s.lines, 6);
	assert_int_equal(s.ndamage, 1);
	assert_int_equal(s.damage[0].why, RECORD_DAMAGE_JSON);
	assert_int_equal(s.damage[0].line, 3);
	record_scan_damage_words(&s, words, sizeof(words));
	assert_non_null(strstr(words, "line 3 (byte "));
	assert_non_null(strstr(words, "damaged (JSON): skipped; the 3 records after it kept"));
	assert_null(strstr(words, "missing"));
	record_scan_free(&s);
	free(buf);
	free(j.buf);
}

/* A line cut short in the middle (with its newline, or with the next
 * record written right after the cut bytes): skipped, and a whole
 * record glued after the cut is kept. */
static void
scan_skips_a_truncated_middle_line(void **state)
{
	struct journal j;
	struct record_scan s;
	char *buf, cut[64], words[400];
	size_t len;

	journal_five(&j);
	memcpy(cut, j.buf + j.off[2], 30);
	memcpy(cut + 30, "\n", 2);
	buf = with_line(&j, 2, cut, true, &len);
	record_scan(buf, len, 0, 0, 0, NULL, &s);
	assert_false(s.torn);
	assert_int_equal(s.nrecords, 4);
	assert_int_equal(s.ndamage, 1);
	assert_int_equal(s.damage[0].why, RECORD_DAMAGE_TRUNCATED);
	assert_int_equal(s.damage[0].line, 3);
	record_scan_free(&s);
	free(buf);
	/* No newline after the cut: line 3 holds 30 bytes, then record 4. */
	cut[30] = '\0';
	buf = with_line(&j, 2, cut, true, &len);
	record_scan(buf, len, 0, 0, 0, NULL, &s);
	assert_false(s.torn);
	assert_int_equal(s.lines, 4);
	assert_int_equal(s.nrecords, 4);
	assert_int_equal(s.last_seq, 5);
	assert_int_equal(s.ndamage, 1);
	assert_int_equal(s.damage[0].why, RECORD_DAMAGE_TRUNCATED);
	assert_int_equal(s.damage[0].next_seq, 4);
	assert_non_null(strstr(s.damage[0].detail, "a whole one after it"));
	/* Record 4 shares line 3; only record 5 (line 4) comes after it. */
	record_scan_damage_words(&s, words, sizeof(words));
	assert_non_null(strstr(words, "line 3 (byte "));
	assert_non_null(strstr(words, "damaged (cut short): skipped (seq 3 missing); the whole "
	    "record after the cut on the same line and the 1 record after it kept"));
	record_scan_free(&s);
	free(buf);
	free(j.buf);
}

/* Damage in the middle and a torn last line: the one skipped, the other
 * a torn tail; good_len stops before the tail only. */
static void
scan_tells_middle_damage_from_a_torn_tail(void **state)
{
	struct journal j;
	struct record_scan s, rest;

	journal_five(&j);
	j.buf[j.off[1] + 20] ^= 0x01;
	j.buf[j.off[4] + 20] ^= 0x01;
	record_scan(j.buf, j.len, 0, 0, 0, NULL, &s);
	assert_true(s.torn);
	assert_int_equal(s.ndamage, 1);
	assert_int_equal(s.damage[0].line, 2);
	assert_int_equal(s.good_len, j.off[4]);
	assert_int_equal(s.nrecords, 3);
	assert_int_equal(s.last_seq, 4);
	assert_non_null(strstr(s.why.msg, "line 5"));
	/* A writer going on after the tail chains to record 4: clean. */
	record_scan(j.buf + j.off[4], 0, s.last_seq, s.last_crc, s.lines, NULL, &rest);
	assert_false(rest.torn);
	assert_int_equal(rest.ndamage, 0);
	record_scan_free(&rest);
	record_scan_free(&s);
	free(j.buf);
}

/* Two bad lines at the end, no record after them: one torn tail, set
 * aside whole, not damage in the middle. */
static void
scan_calls_bad_lines_at_the_end_one_torn_tail(void **state)
{
	struct journal j;
	struct record_scan s;
	char words[400];

	journal_five(&j);
	j.buf[j.off[3] + 20] ^= 0x01;
	j.buf[j.off[4] + 20] ^= 0x01;
	record_scan(j.buf, j.len, 0, 0, 0, NULL, &s);
	assert_true(s.torn);
	assert_false(s.partial);
	assert_int_equal(s.ndamage, 0);
	assert_int_equal(s.good_len, j.off[3]);
	assert_int_equal(s.lines, 3);
	assert_non_null(strstr(s.why.msg, "lines 4-5: bad crc"));
	assert_true(s.tail_whole);       /* the first of them is whole */
	assert_int_equal(s.tail_damage.line, 4);
	record_aside_words(&s, j.len - j.off[3], "/j.jsonl.torn", words, sizeof(words));
	assert_non_null(strstr(words, "last 2 lines set aside (the first: bad crc"));
	assert_null(strstr(words, "lines 4-5"));
	record_scan_free(&s);
	free(j.buf);
}

static void
scan_names_reordered_records(void **state)
{
	struct journal j;
	struct record_scan s;
	char *swapped;

	journal_five(&j);
	swapped = malloc(j.len);
	memcpy(swapped, j.buf, j.off[1]);
	memcpy(swapped + j.off[1], j.buf + j.off[2], j.off[3] - j.off[2]);
	memcpy(swapped + j.off[1] + (j.off[3] - j.off[2]), j.buf + j.off[1], j.off[2] - j.off[1]);
	memcpy(swapped + j.off[3], j.buf + j.off[3], j.len - j.off[3]);
	record_scan(swapped, j.len, 0, 0, 0, NULL, &s);
	/* Record 3 kept where it is, the gap before it named; record 2 after
	 * it is out of order: skipped. */
	assert_int_equal(s.nrecords, 4);
	assert_int_equal(s.ndamage, 2);
	assert_int_equal(s.damage[0].line, 2);
	assert_false(s.damage[0].skipped);
	assert_non_null(strstr(s.damage[0].detail, "seq 3 follows seq 1"));
	assert_int_equal(s.damage[1].line, 3);
	assert_true(s.damage[1].skipped);
	assert_int_equal(s.damage[1].why, RECORD_DAMAGE_SEQ);
	assert_non_null(strstr(s.damage[1].detail, "seq 2 after seq 3"));
	assert_false(s.torn);
	record_scan_free(&s);
	free(swapped);
	free(j.buf);
}

static void
scan_names_a_removed_record(void **state)
{
	struct journal j;
	struct record_scan s;
	char words[300];

	journal_five(&j);
	memmove(j.buf + j.off[2], j.buf + j.off[3], j.len - j.off[3]);
	record_scan(j.buf, j.len - (j.off[3] - j.off[2]), 0, 0, 0, NULL, &s);
	assert_int_equal(s.nrecords, 4);
	assert_int_equal(s.ndamage, 1);
	assert_int_equal(s.damage[0].line, 3);
	assert_false(s.damage[0].skipped);
	record_scan_damage_words(&s, words, sizeof(words));
	assert_non_null(strstr(words, "seq 4 follows seq 2: kept (seq 3 missing)"));
	record_scan_free(&s);
	free(j.buf);
}

static void
scan_names_a_forged_prev_even_on_the_last_line(void **state)
{
	struct journal j;
	struct record_scan s;
	struct record r = { 0 };
	char *line;
	size_t len;

	journal_five(&j);
	/* A well-formed record 5 whose prev does not match record 4. */
	r.seq = 5;
	r.ts_ms = T0;
	r.actor = "mallory@x";
	r.kind = "note";
	r.prev = 0x12345678;
	assert_int_equal(record_encode(&r, &line, &len, NULL), 0);
	memcpy(j.buf + j.off[4], line, len);
	record_scan(j.buf, j.off[4] + len, 0, 0, 0, NULL, &s);
	assert_false(s.torn);
	assert_int_equal(s.ndamage, 1);
	assert_int_equal(s.damage[0].line, 5);
	assert_non_null(strstr(s.damage[0].detail, "chain is broken"));
	record_scan_free(&s);
	free(line);
	free(j.buf);
}

static cJSON *
outcome(const char *oc)
{
	cJSON *d = cJSON_CreateObject();

	cJSON_AddStringToObject(d, "outcome", oc);
	return d;
}

static void
scan_lists_intents_without_an_end(void **state)
{
	struct journal j = { 0 };
	struct record_scan s;
	cJSON *d = cJSON_CreateObject();

	cJSON_AddStringToObject(d, "name", "api 5xx");
	journal_add(&j, "incident.open", NULL, d);
	journal_add(&j, "action.intent", "op-a", NULL);
	journal_add(&j, "action.intent", "op-b", NULL);
	journal_add(&j, "action.end", "op-a", outcome("ok"));
	journal_add(&j, "incident.resolve", NULL, NULL);
	record_scan(j.buf, j.len, 0, 0, 0, NULL, &s);
	assert_int_equal(s.n_open_ops, 1);
	assert_string_equal(s.open_ops[0], "op-b");
	assert_string_equal(s.name, "api 5xx");
	assert_true(s.resolved);
	record_scan_free(&s);
	free(j.buf);
}

/* A console stopped by SIGTERM mid-action records action.end unknown
 * before its shutdown: that end settles nothing, only a reconcile does. */
static void
scan_keeps_an_unknown_end_open_until_reconciled(void **state)
{
	struct journal j = { 0 };
	struct record_scan s;

	journal_add(&j, "incident.open", NULL, NULL);
	journal_add(&j, "action.intent", "op-a", NULL);
	journal_add(&j, "action.end", "op-a", outcome("unknown"));
	journal_add(&j, "action.intent", "op-b", NULL);
	journal_add(&j, "action.end", "op-b", outcome("unknown"));
	journal_add(&j, "action.reconcile", "op-b", outcome("ok"));
	journal_add(&j, "action.intent", "op-c", NULL);
	journal_add(&j, "action.end", "op-c", outcome("failed"));
	journal_add(&j, "action.intent", "op-d", NULL);
	journal_add(&j, "action.end", "op-d", NULL);
	journal_add(&j, "shutdown", NULL, NULL);
	record_scan(j.buf, j.len, 0, 0, 0, NULL, &s);
	assert_int_equal(s.ndamage, 0);
	assert_int_equal(s.n_open_ops, 2);
	assert_string_equal(s.open_ops[0], "op-a");
	assert_string_equal(s.open_ops[1], "op-d");    /* an end without an outcome */
	record_scan_free(&s);
	free(j.buf);
}

/* The end of op-a is the damaged line: op-a stays open (UNKNOWN, to be
 * re-read); op-b's end after the damage is kept, so op-b is settled. */
static void
scan_an_end_in_a_damaged_line_leaves_the_op_open(void **state)
{
	struct journal j = { 0 };
	struct record_scan s;

	journal_add(&j, "incident.open", NULL, NULL);
	journal_add(&j, "action.intent", "op-a", NULL);
	journal_add(&j, "action.intent", "op-b", NULL);
	journal_add(&j, "action.end", "op-a", outcome("ok"));
	journal_add(&j, "action.end", "op-b", outcome("ok"));
	journal_add(&j, "note", NULL, NULL);
	j.buf[j.off[3] + 20] ^= 0x01;
	record_scan(j.buf, j.len, 0, 0, 0, NULL, &s);
	assert_int_equal(s.nrecords, 5);
	assert_int_equal(s.ndamage, 1);
	assert_int_equal(s.n_open_ops, 1);
	assert_string_equal(s.open_ops[0], "op-a");
	record_scan_free(&s);
	free(j.buf);
}

/* Intents in damaged lines: op-a's output was kept and no end, so it ran
 * and its outcome is not known (open); op-b's end ok settles it; op-c
 * ended unknown (open); op-d's output with no damaged line before it is
 * no lost intent (not open). */
static void
scan_an_op_whose_intent_line_is_damaged_and_has_output_is_open(void **state)
{
	struct journal j = { 0 };
	struct record_scan s;

	journal_add(&j, "incident.open", NULL, NULL);
	journal_add(&j, "action.output", "op-d", NULL);
	journal_add(&j, "action.confirmed", "op-a", NULL);
	journal_add(&j, "action.intent", "op-a", NULL);
	journal_add(&j, "action.output", "op-a", NULL);
	journal_add(&j, "action.intent", "op-b", NULL);
	journal_add(&j, "action.output", "op-b", NULL);
	journal_add(&j, "action.end", "op-b", outcome("ok"));
	journal_add(&j, "action.intent", "op-c", NULL);
	journal_add(&j, "action.end", "op-c", outcome("unknown"));
	journal_add(&j, "note", NULL, NULL);
	j.buf[j.off[3] + 20] ^= 0x01;
	j.buf[j.off[5] + 20] ^= 0x01;
	j.buf[j.off[8] + 20] ^= 0x01;
	record_scan(j.buf, j.len, 0, 0, 0, NULL, &s);
	assert_int_equal(s.ndamage, 3);
	assert_int_equal(s.n_open_ops, 2);
	assert_string_equal(s.open_ops[0], "op-a");
	assert_string_equal(s.open_ops[1], "op-c");
	assert_int_equal(s.open_op_session[1], 0);
	record_scan_free(&s);
	free(j.buf);
}

static cJSON *
mode(const char *m)
{
	cJSON *d = cJSON_CreateObject();

	cJSON_AddStringToObject(d, "mode", m);
	return d;
}

/* Sessions with no shutdown after them: a lone resume judges those
 * before it, one beside a running console adds to them, a shutdown
 * ends one; the arming of the one left armed. */
static void
scan_counts_sessions_without_a_shutdown(void **state)
{
	struct journal j = { 0 };
	struct record_scan s;
	cJSON *beside = cJSON_CreateObject();

	journal_add(&j, "incident.open", NULL, NULL);
	journal_add(&j, "mode.change", NULL, mode("armed"));
	record_scan(j.buf, j.len, 0, 0, 0, NULL, &s);
	assert_int_equal(s.sessions.n, 1);
	assert_true(s.sessions.armed);
	record_scan_free(&s);
	journal_add(&j, "incident.resume", NULL, NULL);          /* alone: the open was judged */
	cJSON_AddBoolToObject(beside, "others_open", true);
	journal_add(&j, "incident.resume", NULL, beside);
	journal_add(&j, "mode.change", NULL, mode("armed"));
	journal_add(&j, "mode.change", NULL, mode("disarmed"));
	record_scan(j.buf, j.len, 0, 0, 0, NULL, &s);
	assert_int_equal(s.sessions.n, 2);
	assert_false(s.sessions.armed);
	record_scan_free(&s);
	journal_add(&j, "shutdown", NULL, NULL);
	record_scan(j.buf, j.len, 0, 0, 0, NULL, &s);
	assert_int_equal(s.sessions.n, 1);
	record_scan_free(&s);
	journal_add(&j, "shutdown", NULL, NULL);
	journal_add(&j, "shutdown", NULL, NULL);                 /* never below none */
	record_scan(j.buf, j.len, 0, 0, 0, NULL, &s);
	assert_int_equal(s.sessions.n, 0);
	record_scan_free(&s);
	free(j.buf);
}

static void
slugs_and_ids_are_file_name_safe(void **state)
{
	char slug[WR_SLUG_MAX + 1], id[WR_INCIDENT_ID_MAX];
	unsigned char rnd[3] = { 0x7f, 0x3a, 0x2c };

	record_slug("API 5xx spike!", slug, sizeof(slug));
	assert_string_equal(slug, "api-5xx-spike");
	record_slug("  ../../etc/passwd  ", slug, sizeof(slug));
	assert_string_equal(slug, "etc-passwd");
	record_slug("!!!", slug, sizeof(slug));
	assert_string_equal(slug, "incident");
	record_slug("a very long incident name that keeps going and going and going", slug,
	    sizeof(slug));
	assert_true(strlen(slug) <= WR_SLUG_MAX);
	assert_true(slug[strlen(slug) - 1] != '-');
	record_make_id("api-5xx-spike", rnd, id, sizeof(id));
	assert_string_equal(id, "api-5xx-spike-7f3a2c");
	assert_true(record_id_matches_slug(id, "api-5xx-spike"));
	assert_false(record_id_matches_slug(id, "api-5xx"));
	assert_false(record_id_matches_slug("api-5xx-spike-7f3a2", "api-5xx-spike"));
	assert_true(record_id_valid(id));
	assert_false(record_id_valid("../x"));
	assert_false(record_id_valid("-x"));
	assert_false(record_id_valid(""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(crc32c_matches_known_vectors),
		cmocka_unit_test(timestamps_round_trip_in_utc_with_ms),
		cmocka_unit_test(encode_writes_the_exact_line_format),
		cmocka_unit_test(decode_returns_what_was_encoded),
		cmocka_unit_test(decode_rejects_a_flipped_byte_and_a_missing_crc),
		cmocka_unit_test(decode_quotes_a_bad_timestamp_and_prev),
		cmocka_unit_test(the_session_number_is_after_the_actor_and_round_trips),
		cmocka_unit_test(scan_verifies_a_whole_chain),
		cmocka_unit_test(scan_continues_a_chain_from_a_known_tail),
		cmocka_unit_test(scan_calls_a_line_without_newline_a_torn_tail),
		cmocka_unit_test(scan_calls_a_whole_bad_last_line_damage_set_aside),
		cmocka_unit_test(scan_skips_a_bad_crc_in_the_middle_and_keeps_the_rest),
		cmocka_unit_test(scan_skips_a_garbage_line_and_the_chain_goes_on),
		cmocka_unit_test(scan_skips_a_truncated_middle_line),
		cmocka_unit_test(scan_tells_middle_damage_from_a_torn_tail),
		cmocka_unit_test(scan_calls_bad_lines_at_the_end_one_torn_tail),
		cmocka_unit_test(scan_names_reordered_records),
		cmocka_unit_test(scan_names_a_removed_record),
		cmocka_unit_test(scan_names_a_forged_prev_even_on_the_last_line),
		cmocka_unit_test(scan_an_end_in_a_damaged_line_leaves_the_op_open),
		cmocka_unit_test(scan_an_op_whose_intent_line_is_damaged_and_has_output_is_open),
		cmocka_unit_test(scan_lists_intents_without_an_end),
		cmocka_unit_test(scan_keeps_an_unknown_end_open_until_reconciled),
		cmocka_unit_test(scan_counts_sessions_without_a_shutdown),
		cmocka_unit_test(slugs_and_ids_are_file_name_safe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
