/*
 * fuzz_runbook.c — libFuzzer harness for the runbook parser and both of
 * its printers: any bytes must parse without a crash, a leak or undefined
 * behaviour, and print as text and JSON.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_runbook.c src/core/runbook*.c \
 *     src/core/util.c -lmd4c -lcjson -lm -o fuzz_runbook
 *   ./fuzz_runbook -max_total_time=30 corpus/ docs/runbooks/
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "warroom/runbook.h"
#include "warroom/runbook_format.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct runbook rb;
	struct config_thresholds t = { 0 };
	char *s;

	runbook_parse(&rb, "fuzz.md", (const char *)data, size);
	runbook_matrix_apply(&rb.matrix, &t);
	s = runbook_format_text(&rb);
	free(s);
	s = runbook_format_json(&rb);
	free(s);
	runbook_free(&rb);
	return 0;
}
