/*
 * redact_nib.h — how the redactor's nibble tables are read (redact.c
 * fills them): the buckets in which a byte may be byte k (0..2) of the
 * start of a word's three-byte window (redact.c's pair_buckets) or of a
 * secret, case folded by forcing bit 5. One reading
 * for redact_might's AVX2 pre-test and for linescan, which must find
 * every start the pre-test finds. For the core's own sources.
 */
#ifndef WARROOM_REDACT_NIB_H
#define WARROOM_REDACT_NIB_H

#include "warroom/redact.h"

/* The buckets in which c may be byte k of a start. */
static inline unsigned
redact_nib_byte(const struct redactor *r, int k, unsigned char c)
{
	c |= 0x20;
	return r->nib[2 * k][c & 15] & r->nib[2 * k + 1][c >> 4];
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* The same for 32 starts at once: a, b and c hold bytes 0, 1 and 2 of
 * each start, t0..t5 the six tables (redactor.nib) in both lanes; one
 * byte of buckets per start, 0 where none can begin. */
__attribute__((target("avx2"))) static inline __m256i
redact_nib_buckets32(__m256i a, __m256i b, __m256i c, __m256i t0, __m256i t1, __m256i t2,
    __m256i t3, __m256i t4, __m256i t5)
{
	const __m256i bit5 = _mm256_set1_epi8(0x20), low = _mm256_set1_epi8(0x0f);
#define NIB32(v, tl, th) _mm256_and_si256( \
	_mm256_shuffle_epi8(tl, _mm256_and_si256(v, low)), \
	_mm256_shuffle_epi8(th, _mm256_and_si256(_mm256_srli_epi16(v, 4), low)))

	a = _mm256_or_si256(a, bit5);
	b = _mm256_or_si256(b, bit5);
	c = _mm256_or_si256(c, bit5);
	return _mm256_and_si256(_mm256_and_si256(NIB32(a, t0, t1), NIB32(b, t2, t3)),
	    NIB32(c, t4, t5));
#undef NIB32
}
#endif

#endif
