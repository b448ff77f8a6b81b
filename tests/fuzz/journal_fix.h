/*
 * journal_fix.h — shared by fuzz_record.c and fuzz_export.c: rewrites
 * journal bytes so that each line's crc (and, when asked, its prev) is
 * right, letting the fuzzer reach the decoder's JSON and field checks
 * instead of stopping at the CRC-32C every mutation breaks.
 */
#ifndef WARROOM_FUZZ_JOURNAL_FIX_H
#define WARROOM_FUZZ_JOURNAL_FIX_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/record.h"

#define FIX_TAIL ",\"crc\":\"00000000\"}"
#define FIX_TAIL_LEN (sizeof(FIX_TAIL) - 1)

/* A malloc'd copy of buf (len bytes) where every line that ends like a
 * record ("…,"crc":"xxxxxxxx"}") carries the crc of its bytes; with
 * chain, a `"prev":"xxxxxxxx"` member is first set to the line before's. */
static char *
journal_fix(const uint8_t *buf, size_t len, bool chain)
{
	char *out = malloc(len + 1), hex[9];
	size_t pos = 0;
	uint32_t last = 0;

	if (out == NULL)
		abort();
	memcpy(out, buf, len);
	out[len] = '\0';
	while (pos < len) {
		char *line = out + pos, *nl = memchr(line, '\n', len - pos), *p;
		size_t n = nl != NULL ? (size_t)(nl - line) : len - pos;
		uint32_t crc;

		if (n >= FIX_TAIL_LEN + 2 && line[0] == '{' &&
		    memcmp(line + n - FIX_TAIL_LEN, ",\"crc\":\"", 8) == 0 &&
		    memcmp(line + n - 2, "\"}", 2) == 0) {
			if (chain && (p = memmem(line, n - FIX_TAIL_LEN, "\"prev\":\"", 8)) != NULL &&
			    (size_t)(p - line) + 16 <= n - FIX_TAIL_LEN) {
				snprintf(hex, sizeof(hex), "%08x", (unsigned)last);
				memcpy(p + 8, hex, 8);
			}
			crc = crc32c(crc32c(0, line, n - FIX_TAIL_LEN), "}", 1);
			snprintf(hex, sizeof(hex), "%08x", (unsigned)crc);
			memcpy(line + n - 10, hex, 8);
			last = crc;
		}
		pos += n + 1;
	}
	return out;
}

#endif
