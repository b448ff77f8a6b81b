/*
 * fuzz_sshcfg.c — libFuzzer harness for what warroom reads of OpenSSH:
 * the `ssh -G` reader (any bytes parse or fail with a message; what it
 * keeps is NUL-terminated inside its fields, the counts stay within their
 * arrays and the port within 1..65535, the settled destination too) and
 * ssh's stderr (the tail and the changed-key warning's fields come out
 * terminated and clean: no control byte), and known_hosts lines (split
 * fields stay inside the line; a revoked key's line number is one of the
 * input's; any hosts field matches or not without reading past it).
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_sshcfg.c src/core/sshcfg.c src/core/sshtext.c \
 *     src/core/knownhosts.c src/core/sshkey.c src/core/sha256.c \
 *     src/core/sanitize.c src/core/driver_cmd.c src/core/util.c -o fuzz_sshcfg
 *   ./fuzz_sshcfg -max_total_time=30 corpus/ tests/fuzz/corpus/sshcfg/
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/knownhosts.h"
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

/* Not HMAC-SHA1: only deterministic, which is all the matching needs. */
static void
fake_hmac(const unsigned char *key, size_t keylen, const unsigned char *data, size_t len,
    unsigned char out[20])
{
	memset(out, 0, 20);
	for (size_t i = 0; i < keylen; i++)
		out[i % 20] ^= key[i];
	for (size_t i = 0; i < len; i++)
		out[(i + 7) % 20] += data[i];
}

/* known_hosts readers over the input as a file. */
static void
known_hosts(const char *buf, size_t size)
{
	static const unsigned char blob[] = "\0\0\0\x0bssh-ed25519";
	struct knownhosts_line l;
	size_t pos = 0;
	int lines = 0, r;

	while (pos < size) {
		const char *nl = memchr(buf + pos, '\n', size - pos);
		size_t e = nl != NULL ? (size_t)(nl - buf) : size;

		lines++;
		r = knownhosts_split(buf + pos, e - pos, &l);
		CHECK(r >= -1 && r <= 1);
		if (r == 1) {
			CHECK(l.hosts >= buf + pos && l.hosts + l.hosts_len <= buf + e);
			CHECK(l.key >= buf + pos && l.key + l.key_len <= buf + e);
			(void)knownhosts_hosts_match(l.hosts, l.hosts_len, "[127.0.0.1]:2222",
			    fake_hmac);
			(void)knownhosts_key_is(&l, blob, sizeof(blob) - 1);
		}
		pos = e + 1;
	}
	r = knownhosts_find_revoked(buf, size, "web1", blob, sizeof(blob) - 1, fake_hmac);
	CHECK(r >= 0 && r <= lines);
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

	known_hosts((const char *)data, size);
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
	CHECK(r.nglobal >= 0 && r.nglobal <= SSHCFG_MAX_FILES);
	for (int i = 0; i < r.nidentity; i++)
		CHECK(TERMINATED(r.identity_files[i]));
	for (int i = 0; i < r.nknown; i++)
		CHECK(TERMINATED(r.known_hosts_files[i]));
	CHECK(TERMINATED(r.hostkeyalias));
	sshcfg_settle(&w, &r, &d);
	CHECK(d.nidentity <= SSHCFG_MAX_FILES + 1 && d.nknown <= 2 * SSHCFG_MAX_FILES + 1);
	CHECK(d.nuser_known <= d.nknown);
	sshcfg_known_name(&d, name, sizeof(name));
	CHECK(TERMINATED(name));
	return 0;
}
