/*
 * linescan.h — one vector pass over a chunk of a log stream that marks,
 * per byte, where lines end and which bytes make a line need the exact
 * per-line path: a byte the sanitizer would change (C0 controls but tab,
 * DEL, any byte >= 0x80) or a position where a word the redactor looks
 * for, or a registered secret, may start (its nibble tables, as in
 * redact_might). A line with no such byte is stored as it is.
 */
#ifndef WARROOM_LINESCAN_H
#define WARROOM_LINESCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/redact.h"

/* Bitmap words for n bytes (bit i of word i / 64 is byte i). */
#define WR_LINESCAN_WORDS(n) (((n) + 63) / 64)

/* Which implementation runs; every one gives the same bits. */
enum linescan_path { LINESCAN_AUTO, LINESCAN_SCALAR, LINESCAN_SSE2, LINESCAN_AVX2 };

/* Mark s[0..n): nl gets the '\n' bytes, slow the bytes that need the exact
 * path (a superset: a possible redaction start is only a maybe). Both hold
 * WR_LINESCAN_WORDS(n) words; bits past n are 0. Without a redactor with
 * nibble tables every byte is slow. */
void linescan_run(const struct redactor *r, const char *s, size_t n, uint64_t *nl,
    uint64_t *slow);

/* linescan_run on one implementation (for tests); one this build or CPU
 * lacks falls back to the one linescan_run takes. */
void linescan_run_path(const struct redactor *r, const char *s, size_t n, uint64_t *nl,
    uint64_t *slow, enum linescan_path p);

/* True when no redaction word or secret can start in prefix[0..n), however
 * the text after it goes on: then only a line's own bytes decide. */
bool linescan_prefix_plain(const struct redactor *r, const char *prefix, size_t n);

/* The first set bit at or after a and before b, or b when there is none.
 * Inline: ingest calls it twice per line of a flood. */
static inline size_t
linescan_next(const uint64_t *bits, size_t a, size_t b)
{
	size_t w;
	uint64_t m;

	if (a >= b)
		return b;
	w = a / 64;
	m = bits[w] & (~(uint64_t)0 << (a % 64));
	while (m == 0) {
		if (++w * 64 >= b)
			return b;
		m = bits[w];
	}
	a = w * 64 + (size_t)__builtin_ctzll(m);
	return a < b ? a : b;
}

/* Whether any bit in [a, b) of bits is set. */
static inline bool
linescan_any(const uint64_t *bits, size_t a, size_t b)
{
	return linescan_next(bits, a, b) < b;
}

#endif
