/*
 * fuzz_sshcfg.c — libFuzzer harness for what warroom reads of OpenSSH:
 * the `ssh -G` reader (any bytes parse or fail with a message; what it
 * keeps is NUL-terminated inside its fields, the counts stay within their
 * arrays and the port within 1..65535, the settled destination too) and
 * ssh's stderr (the tail and the changed-key warning's fields come out
 * terminated and clean: no control byte).
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_sshcfg.c src/core/sshcfg.c src/core/sshtext.c \
 *     src/core/sanitize.c src/core/driver_cmd.c src/core/util.c -o fuzz_sshcfg
 *   ./fuzz_sshcfg -max_total_time=30 corpus/ tests/fuzz/corpus/sshcfg/
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/sshcfg.h"
#include "warroom/sshtext.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "failed: %s\n", #c); abort(); } } while (0)
#define TERMINATED(a) (memchr((a), '\0', sizeof(a)) != NULL)

static int
clean(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 && *s != '\t')
			return 0;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ssh_resolved r;
	static struct sshcfg_dest d;
	struct sshcfg_want w = { .name = "h", .home = "/home/op" };
	struct sshtext_changed c;
	struct wr_err err;
	char tail[512], name[300];

	sshtext_tail((const char *)data, size, 3, tail, sizeof(tail));
	CHECK(TERMINATED(tail) && clean(tail));
	if (sshtext_hostkey_changed((const char *)data, size, &c)) {
		CHECK(TERMINATED(c.keytype) && TERMINATED(c.fingerprint));
		CHECK(TERMINATED(c.file) && TERMINATED(c.name));
		CHECK(clean(c.keytype) && clean(c.fingerprint) && clean(c.file) && clean(c.name));
	}
	if (sshtext_hostkey_unknown((const char *)data, size, &c)) {
		CHECK(TERMINATED(c.keytype) && TERMINATED(c.name));
		CHECK(clean(c.keytype) && clean(c.name) && c.fingerprint[0] == '\0');
	}
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
	CHECK(TERMINATED(r.hostkeyalias));
	sshcfg_settle(&w, &r, &d);
	CHECK(d.nidentity <= SSHCFG_MAX_FILES + 1 && d.nknown <= SSHCFG_MAX_FILES + 2);
	sshcfg_known_name(&d, name, sizeof(name));
	CHECK(TERMINATED(name));
	return 0;
}
