/*
 * fuzz_sshcfg.c — libFuzzer harness for the `ssh -G` reader: any bytes
 * parse or fail with a message; what it keeps is NUL-terminated inside its
 * fields, the counts stay within their arrays and the port within 1..65535.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_sshcfg.c src/core/sshcfg.c src/core/util.c \
 *     -o fuzz_sshcfg
 *   ./fuzz_sshcfg -max_total_time=30 corpus/ tests/fuzz/corpus/sshcfg/
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/sshcfg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "failed: %s\n", #c); abort(); } } while (0)
#define TERMINATED(a) (memchr((a), '\0', sizeof(a)) != NULL)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ssh_resolved r;
	struct wr_err err;

	err.msg[0] = '\0';
	if (sshcfg_parse((const char *)data, size, "/home/op", &r, &err) != 0) {
		CHECK(err.msg[0] != '\0');
		return 0;
	}
	CHECK(TERMINATED(r.hostname) && TERMINATED(r.user));
	CHECK(TERMINATED(r.proxyjump) && TERMINATED(r.proxycommand));
	CHECK(r.port >= 1 && r.port <= 65535);
	CHECK(r.nidentity >= 0 && r.nidentity <= SSHCFG_MAX_FILES);
	CHECK(r.nknown >= 0 && r.nknown <= SSHCFG_MAX_FILES);
	for (int i = 0; i < r.nidentity; i++)
		CHECK(TERMINATED(r.identity_files[i]));
	for (int i = 0; i < r.nknown; i++)
		CHECK(TERMINATED(r.known_hosts_files[i]));
	return 0;
}
