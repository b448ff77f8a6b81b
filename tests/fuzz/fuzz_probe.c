/*
 * fuzz_probe.c — libFuzzer harness for the health and version readers:
 * the first two bytes pick an HTTP status, the rest is the body; the
 * version found must be printable ASCII and compare without a crash. The
 * whole-answer judge never calls an answer cut short, over the cap or an
 * HTML page OK, whatever the body (the error text is the body's head); a
 * schema is never ahead or behind but from revisions the body gave.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_probe.c src/core/probe.c \
 *     src/core/parse.c src/core/util.c -lcjson -o fuzz_probe
 *   ./fuzz_probe -max_total_time=30 corpus/ tests/unit/fixtures/drivers/
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "warroom/probe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct probe_result r;
	struct wr_err err;
	char v[WR_VERSION_MAX];
	int status = 200;

	if (size >= 2) {
		status = (data[0] << 8 | data[1]) % 700;
		data += 2;
		size -= 2;
	}
	probe_health(status, (const char *)data, size, &r);
	if (strlen(r.reason) >= sizeof(r.reason))
		__builtin_trap();
	{
		char said[512];

		/* A direction only from revisions the body gave as data. */
		if ((r.schema == PROBE_SCHEMA_AHEAD || r.schema == PROBE_SCHEMA_BEHIND) &&
		    (r.rev_database[0] == '\0' || r.rev_expected[0] == '\0'))
			__builtin_trap();
		if (r.schema_warn != PROBE_SCHEMA_UNSAID && r.health != PROBE_OK)
			__builtin_trap();
		probe_schema_outcome(&r, size > 0 && data[0] & 1, said, sizeof(said));
		probe_smoke_warning(&r, said, sizeof(said));
	}
	{
		char errtext[64];
		size_t n = size < sizeof(errtext) - 1 ? size : sizeof(errtext) - 1;

		memcpy(errtext, data, n);
		errtext[n] = '\0';
		probe_health_answer(status, "text/html; charset=utf-8", false, "",
		    (const char *)data, size, &r);
		if (r.health == PROBE_OK || strlen(r.reason) >= sizeof(r.reason))
			__builtin_trap();
		probe_health_answer(status, "application/json", true, "",
		    (const char *)data, size, &r);
		if (r.health == PROBE_OK)
			__builtin_trap();
		probe_health_answer(status, NULL, false, errtext, (const char *)data, size, &r);
		if ((errtext[0] != '\0' && r.health == PROBE_OK) ||
		    strlen(r.reason) >= sizeof(r.reason))
			__builtin_trap();
	}
	if (probe_version((const char *)data, size, v, sizeof(v), &err) == 0) {
		for (const char *p = v; *p != '\0'; p++)
			if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f)
				__builtin_trap();
		(void)probe_version_compare(v, "v1.2.3");
		(void)probe_version_compare("1.2.3", v);
	}
	return 0;
}
