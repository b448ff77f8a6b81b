/*
 * test_logset.c — LOGS' lines, a ring per source: a flooding service
 * drops only its own oldest lines while a quiet one keeps its rare ones;
 * ids give one order across the rings, found back from any line whatever
 * the gaps between a ring's lines; what a flood dropped is counted; B4
 * stays under 8 bytes a line; services' rings share the limit by use, so
 * quiet and noisy tails keep back to about the same time, a tail added
 * drops nothing while there is room, and the rings never hold more than
 * the limit; a tail added later merges in by time, lines of one
 * millisecond in the order they came, full rings losing and doubling none.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/logset.h"
#include "xorshift.h"

/* "api-1/api 2026-01-01T00:MM:SSZ GET /v1/items status=200 n=N". */
static uint64_t
add(struct logset *s, unsigned ring, const char *who, int secs, uint64_t n)
{
	char t[160];
	int len = snprintf(t, sizeof(t), "%s 2026-01-01T00:%02d:%02dZ %s n=%llu", who,
	    secs / 60 % 60, secs % 60, ring == 2 ? "ERROR jobs panic: queue" :
	    "GET /v1/items status=200", (unsigned long long)n);

	return logset_append(s, ring, t, (size_t)len, false);
}

static void
one_ring_ids_are_its_seqs(void **state)
{
	struct logset s;
	struct logset_line l;
	uint64_t i;

	(void)state;
	logset_init(&s, 0);
	for (i = 0; i < 1000; i++)
		assert_int_equal(add(&s, WR_LOGSET_OWN, "f", 0, i), i);
	assert_int_equal(logset_count(&s), 1000);
	assert_int_equal(logset_first(&s), 0);
	assert_int_equal(logset_end(&s), 1000);
	assert_true(logset_get(&s, 417, &l));
	assert_int_equal(l.seq, 417);
	assert_non_null(strstr(l.text, "n=417"));
	/* A lone source needs no marks: ids are its seqs. */
	assert_int_equal(s.ring[WR_LOGSET_OWN].marks_len, 0);
	assert_int_equal(logset_count_after(&s, 989), 10);
	logset_free(&s);
}

/* A bad night: api floods at 20000 lines/s, jobs panics four times in
 * one second, LOGS follows both. Long after the flood has filled the whole
 * limit many times over, jobs' four lines are all there, first in order. */
static void
a_flood_keeps_a_quiet_service_lines(void **state)
{
	struct logset s;
	struct logset_line l;
	uint64_t panic[4], i, id;
	int k;

	(void)state;
	logset_init(&s, (size_t)1 << 20);
	logset_reset(&s, 2);
	assert_int_equal(logset_rings(&s), 3);
	for (i = 0; i < 2000; i++)
		add(&s, 1, "api-1/api", 1, i);
	for (k = 0; k < 4; k++) {
		panic[k] = add(&s, 2, "api-1/jobs", 2, (uint64_t)k);
		add(&s, 1, "api-1/api", 2, (uint64_t)k);
	}
	for (i = 0; i < 200000; i++)
		add(&s, 1, "api-1/api", 3 + (int)(i / 20000), i);
	/* api dropped most of its own lines, jobs none. */
	assert_true(logbuf_first(logset_buf(&s, 1)) > 150000);
	assert_int_equal(logbuf_count(logset_buf(&s, 2)), 4);
	assert_true(logset_memory(&s) <= ((size_t)1 << 20) + ((size_t)1 << 20) / 4);
	for (k = 0; k < 4; k++) {
		assert_true(logset_get(&s, panic[k], &l));
		assert_int_equal(l.ring, 2);
		assert_non_null(strstr(l.text, "ERROR jobs panic"));
	}
	/* They are the oldest lines of LOGS, and @00:00:02 finds the first. */
	assert_int_equal(logset_first(&s), panic[0]);
	assert_int_equal(logset_seek_time(&s, 1767225602), panic[0]);
	assert_int_equal(logset_time(&s, panic[0]), 1767225602);
	/* After the last of them: every api line kept. */
	assert_int_equal(logset_count_after(&s, panic[3]),
	    logbuf_count(logset_buf(&s, 1)));
	/* api's lines keep their order and ids after the interleaving. */
	id = logset_id(&s, 1, logbuf_first(logset_buf(&s, 1)));
	assert_true(id > panic[3]);
	assert_int_equal(logset_find(&s, 1, id), logbuf_first(logset_buf(&s, 1)));
	/* What the flood cost is known: api dropped every line it no longer
	 * holds, its oldest kept one well into the flood; jobs none. */
	assert_int_equal(logset_dropped(&s, 1), 202004 - logbuf_count(logset_buf(&s, 1)));
	assert_int_equal(logset_dropped(&s, 2), 0);
	assert_true(logset_oldest_time(&s, 1) > 1767225603);
	assert_int_equal(logset_oldest_time(&s, 2), 1767225602);
	/* A reset forgets it; the same share keeps its memory, not its count. */
	logset_reset(&s, 2);
	assert_int_equal(logset_dropped(&s, 1), 0);
	assert_int_equal(logset_oldest_time(&s, 1), WR_LOGBUF_NO_TIME);
	for (i = 0; i < 200000; i++)
		add(&s, 1, "api-1/api", 3, i);
	assert_int_equal(logset_dropped(&s, 1), 200000 - logbuf_count(logset_buf(&s, 1)));
	logset_free(&s);
}

/* Rings written in a random interleaving, some sources quiet for a long
 * stretch (gaps past 15 bits): every retained line's id is found back,
 * and each id names its line. */
static void
ids_survive_any_interleaving(void **state)
{
	struct logset s;
	uint64_t rng = 0x9e3779b97f4a7c15ull;
	static uint64_t ids[3][40000];
	size_t n[3] = { 0 }, i;
	unsigned r;

	(void)state;
	logset_init(&s, (size_t)8 << 20);
	logset_reset(&s, 2);
	for (i = 0; i < 120000; i++) {
		uint64_t x = xorshift64(&rng) % 1000;

		/* Mostly ring 1; ring 2 in bursts, then silent for 40000 lines. */
		r = x < 700 ? 1 : x < 990 ? (i / 40000 == 1 ? 1 : 2) : 0;
		if (n[r] < 40000)
			ids[r][n[r]++] = add(&s, r, "h/s", 0, i);
		else
			add(&s, 1, "h/s", 0, i);
	}
	for (r = 0; r < 3; r++) {
		const struct logbuf *lb = logset_buf(&s, r);
		uint64_t seq;

		for (seq = logbuf_first(lb); seq < logbuf_end(lb); seq++) {
			uint64_t id = logset_id(&s, r, seq);
			struct logset_line l;

			assert_int_equal(logset_find(&s, r, id), seq);
			assert_true(logset_get(&s, id, &l));
			assert_int_equal(l.ring, r);
			assert_int_equal(l.seq, seq);
			if (r != 1 && seq < n[r])
				assert_int_equal(id, ids[r][seq]);
		}
	}
	logset_free(&s);
}

/* B4 with two services interleaved line by line (every gap 2) and with
 * one alone: under 8 bytes beside each retained line's text. */
static void
memory_per_line_under_eight_bytes(void **state)
{
	struct logset s;
	uint64_t i;
	double per;

	(void)state;
	logset_init(&s, (size_t)16 << 20);
	logset_reset(&s, 2);
	for (i = 0; i < 600000; i++)
		add(&s, 1 + (unsigned)(i % 2), "api-1/api", 0, i);
	per = (double)(logset_memory(&s) - logset_text_bytes(&s)) / (double)logset_count(&s);
	assert_true(per <= 8.0);
	logset_reset(&s, 1);
	for (i = 0; i < 600000; i++)
		add(&s, 1, "api-1/api", 0, i);
	per = (double)(logset_memory(&s) - logset_text_bytes(&s)) / (double)logset_count(&s);
	assert_true(per <= 8.0);
	logset_free(&s);
}

static void
reset_drops_every_line_and_ids_go_on(void **state)
{
	struct logset s;
	uint64_t gen;

	(void)state;
	logset_init(&s, 0);
	add(&s, WR_LOGSET_OWN, "x", 0, 0);
	add(&s, WR_LOGSET_OWN, "x", 0, 1);
	gen = s.gen;
	logset_reset(&s, 1);
	assert_int_not_equal(s.gen, gen);
	assert_int_equal(logset_count(&s), 0);
	assert_int_equal(logset_first(&s), 2);
	assert_int_equal(add(&s, 1, "x", 0, 2), 2);
	/* A ring past those in use stands for LOGS' own. */
	assert_int_equal(add(&s, 5, "x", 0, 3), 3);
	assert_int_equal(logbuf_count(logset_buf(&s, WR_LOGSET_OWN)), 1);
	logset_free(&s);
}

/* "h4/api 2026-01-01T01:02:03Z ..." stamped secs after midnight, len
 * bytes long (at least the prefix and time). */
static uint64_t
add_at(struct logset *s, unsigned ring, int64_t secs, size_t len)
{
	char t[4096];
	int n = snprintf(t, sizeof(t), "h%u/api 2026-01-01T%02d:%02d:%02dZ GET /cart status=200 ",
	    ring, (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));

	if (len > sizeof(t))
		len = sizeof(t);
	if ((size_t)n < len)
		memset(t + n, 'x', len - (size_t)n);
	return logset_append(s, ring, t, len > (size_t)n ? len : (size_t)n, false);
}

#define MIDNIGHT 1767225600

/* h4/api at 1000 lines/s beside h2 at 20 and h9 at 5, in 16 MiB for a
 * quarter of an hour: h4 keeps over 90% of what the pool could hold of
 * all three, and the quiet two keep back to about where h4's lines begin
 * (further by their smallest room at most), not a third each (with h4
 * left under a minute while they kept everything). */
static void
quiet_and_noisy_tails_keep_back_to_similar_times(void **state)
{
	struct logset s;
	int64_t sec, tn, tq, tr, span;
	int k;

	(void)state;
	logset_init(&s, (size_t)16 << 20);
	logset_reset(&s, 3);
	for (sec = 0; sec < 900; sec++) {
		for (k = 0; k < 1000; k++)
			add_at(&s, 1, sec, 100);
		for (k = 0; k < 20; k++)
			add_at(&s, 2, sec, 100);
		for (k = 0; k < 5; k++)
			add_at(&s, 3, sec, 100);
		assert_true(logset_held(&s) <= logset_pool(&s));
	}
	tn = logset_oldest_time(&s, 1) - MIDNIGHT;
	tq = logset_oldest_time(&s, 2) - MIDNIGHT;
	tr = logset_oldest_time(&s, 3) - MIDNIGHT;
	span = 900 - tn;
	/* The pool holds 160 s of all three (101 bytes a line, '\n' too). */
	assert_true(span >= 160 * 9 / 10);
	assert_true(tq <= tn + span / 10 && tq >= tn - span);
	assert_true(tr <= tn + span / 10 && tr >= tn - span);
	assert_true(logset_dropped(&s, 2) > 0);
	assert_true(logset_dropped(&s, 3) > 0);
	logset_free(&s);
}

/* The pool of 4 MiB holds a 1.5 MiB flood's ten minutes and three quiet
 * tails; + starts over with eight tails, each backlog again: nothing is
 * dropped, as nothing needs to be (equal shares would have left h1 half
 * a MiB). */
static void
adding_a_tail_drops_nothing_when_there_is_room(void **state)
{
	struct logset s;
	unsigned services, r;
	int i;

	(void)state;
	logset_init(&s, (size_t)4 << 20);
	for (services = 4; services <= 8; services += 4) {
		logset_reset(&s, services);
		for (i = 0; i < 15000; i++) {
			add_at(&s, 1, i / 25, 100);
			for (r = 2; r <= services; r++)
				if (i % 150 == 0)
					add_at(&s, r, i / 25, 100);
		}
		for (r = 1; r <= services; r++)
			assert_int_equal(logset_dropped(&s, r), 0);
		assert_int_equal(logbuf_count(logset_buf(&s, 1)), 15000);
	}
	logset_free(&s);
}

/* Every retained line of ring r still reads as stored: its ring's name
 * and its own seq ("#SEQ;"), whatever rings grew or gave room back. */
static void
lines_intact(const struct logset *s, unsigned r)
{
	const struct logbuf *lb = logset_buf(s, r);
	char want[64];
	uint64_t seq;

	for (seq = logbuf_first(lb); seq < logbuf_end(lb); seq++) {
		struct logbuf_line l;
		int n;

		assert_true(logbuf_get(lb, seq, &l));
		n = snprintf(want, sizeof(want), "h%u/api ", r);
		assert_memory_equal(l.text, want, (size_t)n);
		n = snprintf(want, sizeof(want), "#%llu;", (unsigned long long)seq);
		assert_true(l.len >= (size_t)n);
		assert_memory_equal(l.text + l.len - (size_t)n, want, (size_t)n);
	}
}

/* Eight tails at random rates and line lengths, started over now and then
 * with fewer or more: the rings never hold more arena than the pool, nor
 * lines beyond it, and what they hold is still found by id and reads as
 * it was stored. */
static void
the_rings_never_exceed_the_limit(void **state)
{
	struct logset s;
	uint64_t rng = 0x2545f4914f6cdd1dull, id;
	struct logset_line l;
	unsigned services = 8, r, i;
	size_t used;
	int64_t sec = 0;
	long n;

	(void)state;
	logset_init(&s, (size_t)2 << 20);
	logset_reset(&s, services);
	for (n = 0; n < 300000; n++) {
		uint64_t x = xorshift64(&rng);

		if (n % 60000 == 59999) {
			services = 1 + (unsigned)(x % 8);
			logset_reset(&s, services);
		}
		/* Ring 1 floods, the others come and go. */
		r = x % 4 != 0 ? 1 : 1 + (unsigned)(x >> 8) % services;
		if (n % 500 == 0)
			sec++;
		{
			char t[4200], tail[32];
			const struct logbuf *lb = logset_buf(&s, r);
			size_t len = 40 + (size_t)((x >> 20) % (x % 97 == 0 ? 4000 : 300));
			int k = snprintf(t, sizeof(t), "h%u/api 2026-01-01T%02d:%02d:%02dZ ", r,
			    (int)(sec / 3600), (int)(sec / 60 % 60), (int)(sec % 60));
			int m = snprintf(tail, sizeof(tail), "#%llu;",
			    (unsigned long long)logbuf_end(lb));

			memset(t + k, 'x', len);
			memcpy(t + k + len, tail, (size_t)m);
			logset_append(&s, r, t, (size_t)k + len + (size_t)m, false);
		}
		if (n % 97 != 0)
			continue;
		if (n % 9700 == 0)
			for (i = 1; i <= services; i++)
				lines_intact(&s, i);
		assert_true(logset_held(&s) <= logset_pool(&s));
		for (i = 1, used = 0; i <= services; i++)
			used += logbuf_used(logset_buf(&s, i));
		assert_true(used <= logset_pool(&s));
		id = logset_id(&s, r, logbuf_first(logset_buf(&s, r)));
		assert_true(logset_get(&s, id, &l));
		assert_int_equal(l.ring, r);
	}
	logset_free(&s);
}

/* + adds a tail whose backlog is older than lines the first holds: the
 * first keeps every line and its order, the new ring's lines go in by
 * their time, untimed ones beside the line before them, and an id held
 * (a paused view's line) follows its line. */
static void
a_tail_added_later_merges_in_by_time(void **state)
{
	struct logset s;
	struct logset_line l;
	uint64_t id, ids[3], prev_t = 0;
	unsigned r;
	int i, n1 = 0, n2 = 0;

	(void)state;
	logset_init(&s, (size_t)4 << 20);
	logset_reset(&s, 1);
	for (i = 0; i < 600; i++)
		add(&s, 1, "h4/api", i, (uint64_t)i);
	assert_int_equal(logset_add_ring(&s), 2);
	for (i = 0; i < 600; i += 10) {
		add(&s, 2, "h1/api", i + 5, (uint64_t)i);
		logset_append(&s, 2, "h1/api   at goroutine 7", 23, true);
	}
	ids[0] = logset_find(&s, 1, 0) + 300;	/* h4/api n=300 */
	ids[1] = logset_end(&s);
	ids[2] = 3;
	assert_true(logset_get(&s, ids[0], &l));
	logset_merge_ring(&s, 2, ids, 3);
	assert_int_equal(logset_count(&s), 720);
	assert_int_equal(logset_dropped(&s, 1), 0);
	assert_true(logset_get(&s, ids[0], &l));
	assert_non_null(strstr(l.text, "h4/api 2026-01-01T00:05:00Z"));
	assert_int_equal(ids[1], logset_end(&s));
	for (id = logset_first(&s); id < logset_end(&s); id++) {
		assert_true(logset_get(&s, id, &l));
		r = l.ring;
		if (r == 1) {
			char want[32];

			snprintf(want, sizeof(want), "n=%d", n1++);
			assert_non_null(strstr(l.text, want));
		} else if (l.warn) {
			/* Right after its stamped line. */
			assert_true(logset_get(&s, id - 1, &l));
			assert_int_equal(l.ring, 2);
			continue;
		} else
			n2++;
		assert_true(logset_time(&s, id) >= (int64_t)prev_t);
		prev_t = (uint64_t)logset_time(&s, id);
	}
	assert_int_equal(n1, 600);
	assert_int_equal(n2, 60);
	/* Lines stored after keep coming in order. */
	id = add(&s, 1, "h4/api", 600, 600);
	assert_true(logset_get(&s, id, &l));
	assert_int_equal(l.ring, 1);
	assert_int_equal(logset_add_ring(&s), 3);
	logset_free(&s);
}

/* "who 2026-01-01T00:00:01.123Z tag": a line stamped to the millisecond. */
static void
add_ms(struct logset *s, unsigned ring, const char *who, int ms, const char *tag)
{
	char t[96];
	int len = snprintf(t, sizeof(t), "%s 2026-01-01T00:00:01.%03dZ %s", who, ms, tag);

	logset_append(s, ring, t, (size_t)len, false);
}

/* The tags of the set's lines in id order, space separated. */
static void
tags_in_order(const struct logset *s, char *out, size_t cap)
{
	struct logset_line l;
	uint64_t id;
	size_t n = 0;

	out[0] = '\0';
	for (id = logset_first(s); id < logset_end(s); id++) {
		const char *sp;

		if (!logset_get(s, id, &l))
			continue;
		sp = memchr(l.text, 'Z', l.len);
		assert_non_null(sp);
		sp += 2;
		n += (size_t)snprintf(out + n, cap - n, "%s%.*s", n > 0 ? " " : "",
		    (int)(l.len - (size_t)(sp - l.text)), sp);
		assert_true(n < cap);
	}
}

/* Lines of one millisecond from two tails: a merge puts the new tail's
 * after the ones held (they were there first), each tail's in its own
 * order; earlier and later ones go before and after. */
static void
lines_of_one_millisecond_keep_their_order(void **state)
{
	struct logset s;
	char got[256];

	(void)state;
	logset_init(&s, (size_t)4 << 20);
	logset_reset(&s, 1);
	add_ms(&s, 1, "h4/api", 123, "a0");
	add_ms(&s, 1, "h4/api", 123, "a1");
	add_ms(&s, 1, "h4/api", 123, "a2");
	add_ms(&s, 1, "h4/api", 124, "a3");
	assert_int_equal(logset_add_ring(&s), 2);
	add_ms(&s, 2, "h1/api", 122, "b0");
	add_ms(&s, 2, "h1/api", 123, "b1");
	add_ms(&s, 2, "h1/api", 123, "b2");
	add_ms(&s, 2, "h1/api", 123, "b3");
	add_ms(&s, 2, "h1/api", 125, "b4");
	logset_merge_ring(&s, 2, NULL, 0);
	tags_in_order(&s, got, sizeof(got));
	assert_string_equal(got, "b0 a0 a1 a2 b1 b2 b3 a3 b4");
	/* Merged again (its backlog still arriving): nothing moves. */
	logset_merge_ring(&s, 2, NULL, 0);
	tags_in_order(&s, got, sizeof(got));
	assert_string_equal(got, "b0 a0 a1 a2 b1 b2 b3 a3 b4");
	logset_free(&s);
}

/* Rings that fill what they share, a flood dropping lines, and a tail
 * added whose backlog takes room from them: the merge keeps every line
 * the rings held, each once, and what each ring dropped stays counted;
 * a held id follows its line, one past the end stays the end. */
static void
a_merge_of_full_rings_loses_and_doubles_nothing(void **state)
{
	struct logset s;
	struct logset_line l;
	size_t before, r1, r2, k;
	uint64_t id, ids[2], d1;
	char held[160], *seen;
	int i;

	(void)state;
	logset_init(&s, (size_t)256 << 10);
	logset_reset(&s, 1);
	for (i = 0; i < 12000; i++)
		add(&s, 1, "h4/api", 600 + i / 20, (uint64_t)i);
	assert_true(logset_dropped(&s, 1) > 0);
	assert_int_equal(logset_add_ring(&s), 2);
	for (i = 0; i < 3000; i++)
		add(&s, 2, "h1/api", i / 5, (uint64_t)i);
	before = logset_count(&s);
	r1 = logbuf_count(logset_buf(&s, 1));
	r2 = logbuf_count(logset_buf(&s, 2));
	d1 = logset_dropped(&s, 1);
	ids[0] = logset_end(&s) - 10;
	assert_true(logset_get(&s, ids[0], &l));
	snprintf(held, sizeof(held), "%.*s", (int)l.len, l.text);
	ids[1] = logset_end(&s);
	logset_merge_ring(&s, 2, ids, 2);
	assert_int_equal(logset_count(&s), before);
	assert_int_equal(logbuf_count(logset_buf(&s, 1)), r1);
	assert_int_equal(logbuf_count(logset_buf(&s, 2)), r2);
	assert_int_equal(logset_dropped(&s, 1), d1);
	assert_true(logset_get(&s, ids[0], &l));
	assert_int_equal(l.len, strlen(held));
	assert_memory_equal(l.text, held, l.len);
	assert_int_equal(ids[1], logset_end(&s));
	/* Every id a line, every line once: n= numbers per ring seen once. */
	seen = calloc(2 * 12000, 1);
	assert_non_null(seen);
	k = 0;
	for (id = logset_first(&s); id < logset_end(&s); id++) {
		const char *p;
		unsigned long n;

		assert_true(logset_get(&s, id, &l));
		p = strstr(l.text, "n=");
		assert_non_null(p);
		n = strtoul(p + 2, NULL, 10);
		assert_true(n < 12000);
		assert_int_equal(seen[(l.ring - 1) * 12000 + n], 0);
		seen[(l.ring - 1) * 12000 + n] = 1;
		k++;
	}
	assert_int_equal(k, before);
	free(seen);
	logset_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_ring_ids_are_its_seqs),
		cmocka_unit_test(a_flood_keeps_a_quiet_service_lines),
		cmocka_unit_test(ids_survive_any_interleaving),
		cmocka_unit_test(memory_per_line_under_eight_bytes),
		cmocka_unit_test(reset_drops_every_line_and_ids_go_on),
		cmocka_unit_test(quiet_and_noisy_tails_keep_back_to_similar_times),
		cmocka_unit_test(adding_a_tail_drops_nothing_when_there_is_room),
		cmocka_unit_test(the_rings_never_exceed_the_limit),
		cmocka_unit_test(a_tail_added_later_merges_in_by_time),
		cmocka_unit_test(lines_of_one_millisecond_keep_their_order),
		cmocka_unit_test(a_merge_of_full_rings_loses_and_doubles_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
