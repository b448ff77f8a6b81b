/*
 * linescan.c — one pass over a chunk of log text: line ends, and the bytes
 * that keep a line off the fast path (DESIGN §3.5 and §3.3 still apply to
 * every line; this only finds the lines where both are sure to change
 * nothing).
 *
 * A byte is slow when the sanitizer would change it (C0 but tab, DEL,
 * >= 0x80: non-ASCII lines take the exact sanitizer, which knows UTF-8) or
 * when a redaction word's window (three bytes inside the word) or a
 * secret may start there: the three bytes from it, bit 5 forced on, lie
 * in one bucket of the redactor's nibble tables (the same test as
 * redact_might's AVX2 pre-test, so a superset of its starts). Bytes past the chunk's end count as 0 in that test; a window
 * that runs into the next line can only add a "maybe". AVX2 does 64
 * bytes per step with pshufb lookups; SSE2 lacks pshufb, so it finds line
 * ends and unclean bytes with compares and the starts from byte tables,
 * as the scalar path does. All three give the same bits.
 */
#include "warroom/linescan.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_AVX2_PATH 1	/* chosen at run time: see linescan_run() */
#endif

#include "warroom/redact_nib.h"
#include "warroom/util.h"

/* Byte tables from the nibble tables: t[k][c] is the buckets in which c
 * may be a start's byte k. */
struct start_tables {
	unsigned char t[3][256];
};

static void
tables_make(const struct redactor *r, struct start_tables *st)
{
	int k, c;

	for (k = 0; k < 3; k++)
		for (c = 0; c < 256; c++)
			st->t[k][c] = (unsigned char)redact_nib_byte(r, k, (unsigned char)c);
}

static bool
unclean(unsigned char c)
{
	return (c < 0x20 && c != '\t') || c >= 0x7f;
}

/* Starts among s[i .. i + 64) (at most n - i of them), the bytes past n
 * read as 0. */
static uint64_t
starts64(const struct start_tables *st, const unsigned char *s, size_t n, size_t i)
{
	uint64_t m = 0;
	size_t k, end = n - i < 64 ? n - i : 64;

	for (k = 0; k < end; k++) {
		size_t j = i + k;
		unsigned b1 = j + 1 < n ? s[j + 1] : 0, b2 = j + 2 < n ? s[j + 2] : 0;

		if ((st->t[0][s[j]] & st->t[1][b1] & st->t[2][b2]) != 0)
			m |= (uint64_t)1 << k;
	}
	return m;
}

static void
scan_scalar(const struct start_tables *st, const unsigned char *s, size_t n,
    uint64_t *nl, uint64_t *slow)
{
	size_t i, k;

	for (i = 0; i < n; i += 64) {
		uint64_t a = 0, u = 0;
		size_t end = n - i < 64 ? n - i : 64;

		for (k = 0; k < end; k++) {
			if (s[i + k] == '\n')
				a |= (uint64_t)1 << k;
			if (unclean(s[i + k]))
				u |= (uint64_t)1 << k;
		}
		nl[i / 64] = a;
		slow[i / 64] = u | starts64(st, s, n, i);
	}
}

#ifdef __SSE2__
static void
scan_sse2(const struct start_tables *st, const unsigned char *s, size_t n,
    uint64_t *nl, uint64_t *slow)
{
	const __m128i lf = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t'),
	    below = _mm_set1_epi8(0x1f), del = _mm_set1_epi8(0x7f);
	size_t i = 0;

	for (; i + 64 <= n; i += 64) {
		uint64_t a = 0, keep = 0;
		int q;

		for (q = 0; q < 4; q++) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16 * q));
			/* Signed compares: bytes >= 0x80 are negative, so not "> 0x1f". */
			__m128i ok = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(v, below),
			    _mm_cmplt_epi8(v, del)), _mm_cmpeq_epi8(v, tab));

			a |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, lf)) << (16 * q);
			keep |= (uint64_t)(unsigned)_mm_movemask_epi8(ok) << (16 * q);
		}
		nl[i / 64] = a;
		slow[i / 64] = ~keep | starts64(st, s, n, i);
	}
	if (i < n)	/* the last 1..63 bytes */
		scan_scalar(st, s + i, n - i, nl + i / 64, slow + i / 64);
}
#endif

#ifdef HAVE_AVX2_PATH
#define LOAD32(p) _mm256_loadu_si256((const __m256i *)(const void *)(p))

/* 64 bytes from p (reading p[0 .. 66)): line ends in *a, slow bytes returned. */
__attribute__((target("avx2"))) static inline uint64_t
block64(const unsigned char *p, const __m256i t[6], uint64_t *a)
{
	const __m256i lf = _mm256_set1_epi8('\n'), tab = _mm256_set1_epi8('\t'),
	    below = _mm256_set1_epi8(0x1f), del = _mm256_set1_epi8(0x7f),
	    zero = _mm256_setzero_si256();
	uint64_t nlm = 0, keep = 0, none = 0;
	int h;

	for (h = 0; h < 2; h++) {
		__m256i v = LOAD32(p + 32 * h);
		__m256i ok = _mm256_or_si256(_mm256_and_si256(_mm256_cmpgt_epi8(v, below),
		    _mm256_cmpgt_epi8(del, v)), _mm256_cmpeq_epi8(v, tab));
		__m256i m = redact_nib_buckets32(v, LOAD32(p + 32 * h + 1), LOAD32(p + 32 * h + 2),
		    t[0], t[1], t[2], t[3], t[4], t[5]);

		nlm |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, lf)) << (32 * h);
		keep |= (uint64_t)(uint32_t)_mm256_movemask_epi8(ok) << (32 * h);
		none |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(m, zero)) << (32 * h);
	}
	*a = nlm;
	return ~keep | ~none;
}

__attribute__((target("avx2"))) static void
scan_avx2(const struct redactor *r, const unsigned char *s, size_t n, uint64_t *nl,
    uint64_t *slow)
{
	__m256i t[6];
	size_t i = 0;
	int k;

	for (k = 0; k < 6; k++)
		t[k] = _mm256_broadcastsi128_si256(_mm_loadu_si128(
		    (const __m128i *)(const void *)r->nib[k]));
	for (; i + 64 + 2 <= n; i += 64)
		slow[i / 64] = block64(s + i, t, &nl[i / 64]);
	if (i < n) {
		/* The last 1..65 bytes from a zero-padded copy, one or two blocks. */
		unsigned char pad[128 + 2] = { 0 };
		size_t rest = n - i, w;

		memcpy(pad, s + i, rest);
		for (w = 0; w * 64 < rest; w++) {
			uint64_t keep = rest - w * 64 >= 64 ? ~(uint64_t)0 :
			    ((uint64_t)1 << (rest - w * 64)) - 1;

			slow[i / 64 + w] = block64(pad + 64 * w, t, &nl[i / 64 + w]) & keep;
			nl[i / 64 + w] &= keep;
		}
	}
}
#undef LOAD32
#endif

void
linescan_run_path(const struct redactor *r, const char *src, size_t n, uint64_t *nl,
    uint64_t *slow, enum linescan_path p)
{
	const unsigned char *s = (const unsigned char *)src;
	struct start_tables st;

	if (n == 0)
		return;
	if (r == NULL || !r->nib_ready) {
		/* No tables to rule a start out: every line takes the exact path. */
		scan_scalar(&(struct start_tables){ { { 0 } } }, s, n, nl, slow);
		memset(slow, 0xff, WR_LINESCAN_WORDS(n) * sizeof(*slow));
		if (n % 64 != 0)
			slow[n / 64] = ((uint64_t)1 << (n % 64)) - 1;
		return;
	}
#ifdef HAVE_AVX2_PATH
	if (wr_cpu_has_avx2() && (p == LINESCAN_AUTO || p == LINESCAN_AVX2)) {
		scan_avx2(r, s, n, nl, slow);
		return;
	}
#endif
	tables_make(r, &st);
#ifdef __SSE2__
	if (p != LINESCAN_SCALAR) {
		scan_sse2(&st, s, n, nl, slow);
		return;
	}
#endif
	scan_scalar(&st, s, n, nl, slow);
}

void
linescan_run(const struct redactor *r, const char *s, size_t n, uint64_t *nl,
    uint64_t *slow)
{
	linescan_run_path(r, s, n, nl, slow, LINESCAN_AUTO);
}

bool
linescan_prefix_plain(const struct redactor *r, const char *prefix, size_t n)
{
	const unsigned char *s = (const unsigned char *)prefix;
	struct start_tables st;
	unsigned any[3] = { 0, 0, 0 };
	size_t i;
	int k, c;

	if (r == NULL || !r->nib_ready)
		return n == 0;
	tables_make(r, &st);
	/* A byte past the prefix may be anything: every bucket of its table. */
	for (k = 0; k < 3; k++)
		for (c = 0; c < 256; c++)
			any[k] |= st.t[k][c];
	for (i = 0; i < n; i++) {
		unsigned b1 = i + 1 < n ? st.t[1][s[i + 1]] : any[1];
		unsigned b2 = i + 2 < n ? st.t[2][s[i + 2]] : any[2];

		if ((st.t[0][s[i]] & b1 & b2) != 0)
			return false;
	}
	return true;
}
