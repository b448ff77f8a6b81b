/*
 * sanitize.c — untrusted bytes -> safe UTF-8 for display and storage.
 *
 * Every string that came from outside passes here once (DESIGN §3.5), so
 * it is built for log floods: a run of printable ASCII is found 16 bytes at
 * a time and copied with memcpy; only the bytes around a control character
 * or a multibyte sequence take the slow path.
 *
 * Choices worth knowing:
 * - DEL shows as \x7f, like C1, so every "this byte is a control" that is
 *   not a C0 caret reads the same.
 * - A lone byte 0x80..0x9f in otherwise valid text is a raw C1 control (an
 *   8-bit CSI is 0x9b) and shows as \x9b; continuation bytes trailing a
 *   broken sequence are part of the damage and show as U+FFFD, one per
 *   maximal subpart (so a surrogate ED A0 80 is three U+FFFD).
 * - The cap counts output bytes, marker included. That keeps the result
 *   idempotent (sanitizing it again changes nothing) and bounds storage.
 * - A line already cut before it came here (the splitter keeps a head)
 *   says so the same way: its marker counts the bytes dropped there too.
 */
#include "warroom/sanitize.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
/* Printable-byte mask of 16 bytes (signed compares: bytes >= 0x80 are
 * negative, so they fail "> 0x1f"). */
#define PRINTABLE16(v) ((unsigned)_mm_movemask_epi8(_mm_and_si128( \
	_mm_cmpgt_epi8((v), _mm_set1_epi8(0x1f)), _mm_cmplt_epi8((v), _mm_set1_epi8(0x7f)))))
#endif
#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include "warroom/util.h"

static const char marker_head[] = "\xe2\x80\xa6[+";	/* "…[+" */
static const char marker_tail[] = " bytes]";
static const char hexdigits[] = "0123456789abcdef";
static const char hexupper[] = "0123456789ABCDEF";

/* Length of the run of printable ASCII (0x20..0x7e) that starts at s. */
static size_t
ascii_run(const unsigned char *s, size_t n)
{
	size_t i = 0;

#ifdef __SSE2__
	while (i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned m = PRINTABLE16(v);

		if (m != 0xffff)
			return i + (size_t)__builtin_ctz(~m);
		i += 16;
	}
#endif
	while (i < n && s[i] >= 0x20 && s[i] < 0x7f)
		i++;
	return i;
}

#ifdef __SSE2__
/*
 * The fast path: copy the run of printable ASCII at s[n] (s[0] printable)
 * to d[room], checking and storing 16 bytes at a time in one pass. Whole
 * vectors are stored even past the run's end; those bytes are within room
 * and get overwritten. The last bytes are one load ending at the input's
 * end, whose first bytes this run already copied. Returns the bytes
 * copied; fewer than the run when room ran short (the caller finishes).
 */
static size_t
copy_printable_sse2(const unsigned char *s, size_t n, char *d, size_t room)
{
	size_t i = 0;
	unsigned m;

	while (i + 16 <= n && i + 16 <= room) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));

		_mm_storeu_si128((__m128i *)(void *)(d + i), v);
		if ((m = PRINTABLE16(v)) != 0xffff)
			return i + (size_t)__builtin_ctz(~m);
		i += 16;
	}
	if (i < n && n >= 16 && n <= room) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));

		_mm_storeu_si128((__m128i *)(void *)(d + n - 16), v);
		m = PRINTABLE16(v);
		return m == 0xffff ? n : n - 16 + (size_t)__builtin_ctz(~m);
	}
	return i;
}

#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_AVX2_PATH 1	/* chosen at run time: see copy_printable() */

/* The same 32 bytes at a time, for CPUs that have AVX2. */
__attribute__((target("avx2"))) static size_t
copy_printable_avx2(const unsigned char *s, size_t n, char *d, size_t room)
{
	const __m256i below = _mm256_set1_epi8(0x1f), del = _mm256_set1_epi8(0x7f);
	size_t i = 0;
	unsigned m;

	while (i + 32 <= n && i + 32 <= room) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));

		_mm256_storeu_si256((__m256i *)(void *)(d + i), v);
		m = (unsigned)_mm256_movemask_epi8(_mm256_and_si256(
		    _mm256_cmpgt_epi8(v, below), _mm256_cmpgt_epi8(del, v)));
		if (m != 0xffffffffu)
			return i + (size_t)__builtin_ctz(~m);
		i += 32;
	}
	if (i < n && n >= 32 && n <= room) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + n - 32));

		_mm256_storeu_si256((__m256i *)(void *)(d + n - 32), v);
		m = (unsigned)_mm256_movemask_epi8(_mm256_and_si256(
		    _mm256_cmpgt_epi8(v, below), _mm256_cmpgt_epi8(del, v)));
		return m == 0xffffffffu ? n : n - 32 + (size_t)__builtin_ctz(~m);
	}
	return i + copy_printable_sse2(s + i, n - i, d + i, room - i);
}
#endif
#endif

static size_t
copy_printable(const unsigned char *s, size_t n, char *d, size_t room)
{
#ifdef HAVE_AVX2_PATH
	if (wr_cpu_has_avx2())
		return copy_printable_avx2(s, n, d, room);
#endif
#ifdef __SSE2__
	return copy_printable_sse2(s, n, d, room);
#else
	(void)s;
	(void)n;
	(void)d;
	(void)room;
	return 0;
#endif
}

/*
 * One UTF-8 sequence at s (s[0] >= 0x80): its length (2..4) with the code
 * point in *cp, or 0 with the length of the maximal subpart in *bad.
 * Ranges follow Unicode Table 3-7, which rules out overlongs, surrogates
 * and code points above U+10FFFF.
 */
static size_t
utf8_next(const unsigned char *s, size_t n, uint32_t *cp, size_t *bad)
{
	unsigned c = s[0], lo = 0x80, hi = 0xbf;
	size_t need, i;
	uint32_t v;

	if (c >= 0xc2 && c <= 0xdf) {
		need = 1;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2;
		v = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		v = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else {
		*bad = 1;
		return 0;
	}
	for (i = 1; i <= need; i++) {
		if (i >= n || s[i] < lo || s[i] > hi) {
			*bad = i;
			return 0;
		}
		v = (v << 6) | (s[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = v;
	return need + 1;
}

/* Bidirectional formatting controls that can reorder what a reader sees. */
static bool
is_bidi(uint32_t cp)
{
	return cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/*
 * Where output goes. Text is written up to `soft` (the cap less room for a
 * marker); past it the position is remembered and writing goes on up to
 * `hard`. If the input ends before `hard`, all of it fits and no marker is
 * needed; otherwise the output is cut back to the remembered position.
 */
struct sink {
	char *dst;
	size_t o, lim, hard;
	size_t ck_in, ck_out;
	bool past_soft;
};

/* Room for need more bytes, input position i; false when out of room. */
static bool
sink_room(struct sink *k, size_t need, size_t i)
{
	if (k->o + need <= k->lim)
		return true;
	if (k->past_soft)
		return false;
	k->past_soft = true;
	k->ck_in = i;
	k->ck_out = k->o;
	k->lim = k->hard;
	return k->o + need <= k->lim;
}

/* Write "…[+N bytes]" at the checkpoint; false when the cap is too small
 * for it and the output became a bare ellipsis (or nothing). */
static bool
sink_cut(struct sink *k, size_t rest)
{
	char digits[24];
	size_t nd = 0, need;

	do {
		digits[sizeof(digits) - 1 - nd++] = (char)('0' + rest % 10);
		rest /= 10;
	} while (rest > 0);
	k->o = k->ck_out;
	need = sizeof(marker_head) - 1 + nd + sizeof(marker_tail) - 1;
	if (k->o + need > k->hard) {
		/* Only for caps too small to hold any marker: an ellipsis at most. */
		k->o = 0;
		if (k->hard >= 3) {
			memcpy(k->dst, marker_head, 3);
			k->o = 3;
		}
		return false;
	}
	memcpy(k->dst + k->o, marker_head, sizeof(marker_head) - 1);
	k->o += sizeof(marker_head) - 1;
	memcpy(k->dst + k->o, digits + sizeof(digits) - nd, nd);
	k->o += nd;
	memcpy(k->dst + k->o, marker_tail, sizeof(marker_tail) - 1);
	k->o += sizeof(marker_tail) - 1;
	return true;
}

size_t
sanitize_buf(const char *src, size_t len, char *dst, size_t cap, size_t *out_len)
{
	return sanitize_buf_cut(src, len, 0, dst, cap, out_len);
}

size_t
sanitize_buf_cut(const char *src, size_t len, size_t more, char *dst, size_t cap,
    size_t *out_len)
{
	const unsigned char *s = (const unsigned char *)src;
	struct sink k = { .dst = dst };
	bool damaged = false;
	size_t i = 0, shown = len;

	if (cap == 0) {
		if (out_len != NULL)
			*out_len = 0;
		return 0;
	}
	k.hard = cap - 1;
	k.lim = k.hard > WR_SANITIZE_MARKER_MAX ? k.hard - WR_SANITIZE_MARKER_MAX : 0;

	while (i < len) {
		unsigned c = s[i];
		char u[12];
		const char *unit = u;
		size_t ulen, used = 1;

		if (c >= 0x20 && c < 0x7f) {
			size_t run, take;

			take = copy_printable(s + i, len - i, dst + k.o, k.lim - k.o);
			k.o += take;
			i += take;
			damaged = false;
			if (i >= len || s[i] < 0x20 || s[i] >= 0x7f)
				continue;
			/* Stopped for room: copy what fits, then see about the cap. */
			run = ascii_run(s + i, len - i);
			take = run < k.lim - k.o ? run : k.lim - k.o;

			memcpy(dst + k.o, s + i, take);
			k.o += take;
			i += take;
			damaged = false;
			if (take < run && !sink_room(&k, 1, i))
				goto cut;
			continue;
		}
		if (c == '\t') {
			u[0] = '\t';
			ulen = 1;
			damaged = false;
		} else if (c < 0x20) {
			u[0] = '^';
			u[1] = (char)(c + 0x40);
			ulen = 2;
			damaged = false;
		} else if (c == 0x7f) {
			memcpy(u, "\\x7f", 4);
			ulen = 4;
			damaged = false;
		} else {
			uint32_t cp = 0;
			size_t bad = 0, n = utf8_next(s + i, len - i, &cp, &bad);

			if (n > 0) {
				used = n;
				damaged = false;
				if (cp <= 0x9f) {
					u[0] = '\\';
					u[1] = 'x';
					u[2] = hexdigits[cp >> 4];
					u[3] = hexdigits[cp & 15];
					ulen = 4;
				} else if (is_bidi(cp)) {
					memcpy(u, "<U+", 3);
					u[3] = hexupper[(cp >> 12) & 15];
					u[4] = hexupper[(cp >> 8) & 15];
					u[5] = hexupper[(cp >> 4) & 15];
					u[6] = hexupper[cp & 15];
					u[7] = '>';
					ulen = 8;
				} else {
					unit = (const char *)s + i;
					ulen = n;
				}
			} else if (!damaged && c <= 0x9f) {
				/* A raw C1 control standing alone. */
				u[0] = '\\';
				u[1] = 'x';
				u[2] = hexdigits[c >> 4];
				u[3] = hexdigits[c & 15];
				ulen = 4;
			} else {
				used = bad;
				memcpy(u, "\xef\xbf\xbd", 3);
				ulen = 3;
				damaged = true;
			}
		}
		if (!sink_room(&k, ulen, i))
			goto cut;
		memcpy(dst + k.o, unit, ulen);
		k.o += ulen;
		i += used;
	}
	if (more == 0)
		goto done;
	/* All of src written, but the line went on: the marker after it, or
	 * where the room for one began. */
	if (!k.past_soft) {
		k.ck_in = len;
		k.ck_out = k.o;
	}
cut:
	shown = sink_cut(&k, len - k.ck_in + more) ? k.ck_in : 0;
done:
	dst[k.o] = '\0';
	if (out_len != NULL)
		*out_len = k.o;
	return shown;
}

size_t
sanitize_line(const char *src, size_t len, char *dst, size_t cap)
{
	return sanitize_buf(src, len, dst, cap, NULL);
}

size_t
sanitize_bound(size_t len)
{
	/* The widest expansion is 4 bytes per input byte: a raw C1 byte or DEL
	 * becomes \x9b, a 2-byte C1 or U+061C becomes 4 or 8 bytes. */
	if (len > (SIZE_MAX - 1) / 4)
		return SIZE_MAX;
	return 4 * len + 1;
}

char *
sanitize_dup(const char *src, size_t len, size_t *out_len)
{
	size_t cap = sanitize_bound(len);
	char *dst;

	if (cap > WR_SANITIZE_LINE_MAX + 1)
		cap = WR_SANITIZE_LINE_MAX + 1;
	dst = xmalloc(cap);
	sanitize_buf(src, len, dst, cap, out_len);
	return dst;
}

bool
sanitize_is_clean(const char *src, size_t len)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t bad, n;

		i += ascii_run(s + i, len - i);
		if (i >= len)
			break;
		if (s[i] == '\t') {
			i++;
			continue;
		}
		if (s[i] < 0x80)
			return false;
		n = utf8_next(s + i, len - i, &cp, &bad);
		if (n == 0 || cp <= 0x9f || is_bidi(cp))
			return false;
		i += n;
	}
	return true;
}

size_t
sanitize_char(uint32_t cp, char out[WR_SANITIZE_CHAR_MAX])
{
	if (cp < 0x20) {
		out[0] = '^';
		out[1] = (char)(cp + 0x40);
		out[2] = '\0';
		return 2;
	}
	if (cp >= 0x7f && cp <= 0x9f) {
		snprintf(out, WR_SANITIZE_CHAR_MAX, "\\x%c%c", hexdigits[cp >> 4], hexdigits[cp & 15]);
		return 4;
	}
	if (is_bidi(cp)) {
		snprintf(out, WR_SANITIZE_CHAR_MAX, "<U+%c%c%c%c>", hexupper[(cp >> 12) & 15],
		    hexupper[(cp >> 8) & 15], hexupper[(cp >> 4) & 15], hexupper[cp & 15]);
		return 8;
	}
	out[0] = '\0';
	return 0;
}

size_t
sanitize_plain_run(const char *s, size_t len)
{
	size_t i = 0;

	/* One unsigned compare per byte: 0x20-0x7e maps to 0-0x5e. */
	while (i < len && (unsigned char)(s[i] - 0x20) < 0x5f)
		i++;
	return i;
}

bool
sanitize_is_cut(const char *s, size_t len)
{
	size_t t = sizeof(marker_tail) - 1, h = sizeof(marker_head) - 1, i;

	if (len < h + 1 + t || memcmp(s + len - t, marker_tail, t) != 0)
		return false;
	for (i = len - t; i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9'; i--)
		;
	return i < len - t && i >= h && memcmp(s + i - h, marker_head, h) == 0;
}
