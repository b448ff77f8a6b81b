/*
 * fuzz_parse_helm.c — libFuzzer harness for `helm history` and `helm list`
 * JSON: any bytes, no crash, no leak, and the picked indexes stay in range.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_parse_helm.c src/core/parse_helm.c \
 *     src/core/parse.c src/core/util.c -lcjson -o fuzz_parse_helm
 *   ./fuzz_parse_helm -max_total_time=30 corpus/ tests/unit/fixtures/drivers/
 */
#include <stddef.h>
#include <stdint.h>

#include "warroom/parse_helm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct helm_history h;
	struct helm_list l;
	struct wr_err err;

	if (parse_helm_history(buf, size, &h, &err) == 0) {
		if (h.current >= (int)h.n || h.rollback >= h.current + (h.current < 0))
			__builtin_trap();
		parse_helm_history_free(&h);
	}
	if (parse_helm_list(buf, size, &l, &err) == 0)
		parse_helm_list_free(&l);
	return 0;
}
