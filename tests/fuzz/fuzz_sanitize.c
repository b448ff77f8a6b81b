/*
 * fuzz_sanitize.c — libFuzzer harness for the sanitizer: whatever the
 * bytes and the cap, the output is valid UTF-8 with no control but tab and
 * no bidi control, fits the cap, says how much it left out, and comes out
 * unchanged when sanitized again. The same bytes go to loglevel_of, which
 * LOGS runs on every line it draws: it must not read past them.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_sanitize.c src/core/sanitize.c \
 *     src/core/util.c -o fuzz_sanitize
 *   ./fuzz_sanitize -max_total_time=30 corpus/
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/loglevel.h"
#include "warroom/sanitize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "failed: %s\n", #c); abort(); } } while (0)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in;
	char *out, *again, tail[48];
	size_t cap, len, olen, alen, shown, full;

	{
		/* An exact-size copy, so ASan sees any read past its end. */
		char *line = malloc(size ? size : 1);

		memcpy(line, data, size);
		(void)loglevel_of(line, size);
		free(line);
	}
	if (size < 2)
		return 0;
	/* The first two bytes pick the cap: 1 .. 1024. */
	cap = 1 + (((size_t)data[0] << 8 | data[1]) % 1024);
	in = (const char *)data + 2;
	len = size - 2;
	out = malloc(cap);
	again = malloc(cap);

	shown = sanitize_buf(in, len, out, cap, &olen);
	CHECK(olen < cap);
	CHECK(out[olen] == '\0');
	CHECK(strlen(out) == olen);
	CHECK(shown <= len);
	CHECK(sanitize_is_clean(out, olen));
	if (shown < len && shown > 0) {
		int n = snprintf(tail, sizeof(tail), "[+%zu bytes]", len - shown);

		CHECK(olen >= (size_t)n && memcmp(out + olen - n, tail, (size_t)n) == 0);
	}
	/* Idempotent under the same cap. */
	CHECK(sanitize_buf(out, olen, again, cap, &alen) == olen);
	CHECK(alen == olen && memcmp(out, again, olen) == 0);
	free(out);
	free(again);

	/* With sanitize_bound() room, everything is shown. */
	full = sanitize_bound(len);
	out = malloc(full);
	CHECK(sanitize_buf(in, len, out, full, &olen) == len);
	CHECK(olen >= len && olen < full);
	CHECK(sanitize_is_clean(out, olen));
	free(out);

	out = sanitize_dup(in, len, &olen);
	CHECK(olen <= WR_SANITIZE_LINE_MAX && sanitize_is_clean(out, olen));
	free(out);
	return 0;
}
