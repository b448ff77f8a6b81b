/*
 * fuzz_parse_compose.c — libFuzzer harness for the `docker compose ps`
 * parser, the poll's .env part before it and the `docker inspect`
 * restart-count lines: any bytes must parse or fail with a message,
 * without a crash, a leak or undefined behaviour; a count read is never
 * negative; the .env split stays inside the answer.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_parse_compose.c src/core/parse_compose.c \
 *     src/core/parse.c src/core/envfile.c src/core/util.c -lcjson \
 *     -o fuzz_parse_compose
 *   ./fuzz_parse_compose -max_total_time=30 corpus/ tests/unit/fixtures/drivers/
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "warroom/parse_compose.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct compose_ps ps;
	struct compose_restarts rs;
	struct wr_err err;
	char env[128];
	size_t off;

	if (parse_compose_env((const char *)data, size, &off, env, sizeof(env)) ?
	    off > size || env[0] == '\0' || strlen(env) >= sizeof(env) : off != 0 || env[0] != '\0')
		__builtin_trap();
	if (parse_compose_ps((const char *)data, size, &ps, &err) == 0) {
		for (size_t i = 0; i < ps.n; i++)
			if (strlen(ps.items[i].tag) >= sizeof(ps.items[i].tag))
				__builtin_trap();
		parse_compose_free(&ps);
	} else if (ps.items != NULL || err.msg[0] == '\0') {
		__builtin_trap();
	}
	if (parse_compose_restarts((const char *)data, size, &rs, &err) == 0) {
		for (size_t i = 0; i < rs.n; i++)
			if (rs.items[i].count < 0 || strlen(rs.items[i].id) < 12)
				__builtin_trap();
		parse_compose_restarts_free(&rs);
	} else if (rs.items != NULL || err.msg[0] == '\0') {
		__builtin_trap();
	}
	return 0;
}
