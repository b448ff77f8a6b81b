/*
 * fuzz_shellread.c — libFuzzer harness for the read-only classifier:
 * whatever the bytes, it answers without reading past them, its reason
 * fits the buffer, says something whenever the answer is no and nothing
 * when it is yes, and the same bytes always get the same answer. A
 * script that reads only still reads only with a comment line added.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_shellread.c src/core/shellread.c \
 *     src/core/util.c -lcjson -o fuzz_shellread
 *   ./fuzz_shellread -max_total_time=30 tests/fuzz/corpus/shellread/
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/shellread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "failed: %s\n", #c); abort(); } } while (0)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *t, why[256], again[256];
	size_t cap;
	bool yes;

	if (size > 8192)
		return 0;
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	cap = size > 0 ? data[0] % sizeof(why) : 0;
	memset(why, 'x', sizeof(why));
	yes = shellread_script(s, why, cap);
	if (cap > 0) {
		CHECK(memchr(why, '\0', cap) != NULL);
		CHECK(yes == (why[0] == '\0') || cap == 1);
	}
	CHECK(shellread_script(s, again, sizeof(again)) == yes);
	CHECK(shellread_script(s, NULL, 0) == yes);
	if (yes) {
		t = malloc(size + 16);
		snprintf(t, size + 16, "# a note\n%s", s);
		CHECK(shellread_script(t, NULL, 0));
		free(t);
	}
	free(s);
	return 0;
}
