/*
 * fuzz_config.c — libFuzzer harness for the warroom.conf parser: any bytes
 * parse or fail with every problem as a "file:line: message"; the result
 * describes itself (config_describe) and frees without a crash, a leak or
 * undefined behaviour. A parse that fails leaves at least one message.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_config.c src/core/config.c \
 *     src/core/ini_lines.c src/core/util.c -linih -o fuzz_config
 *   ./fuzz_config -max_total_time=30 corpus/ examples/ tests/fuzz/corpus/config/
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "failed: %s\n", #c); abort(); } } while (0)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct config_env env = {
		.home = "/home/op",
		.xdg_state_home = NULL,
		.config_dir = "/etc/warroom",
	};
	struct config cfg;
	char *d;
	int rc;

	config_init(&cfg, "fuzz.conf", &env);
	rc = config_parse(&cfg, (const char *)data, size, &env);
	CHECK(rc == 0 || cfg.nerrors > 0);
	for (size_t i = 0; i < cfg.nerrors; i++)
		CHECK(strncmp(cfg.errors[i], "fuzz.conf:", 10) == 0);
	for (size_t i = 0; i < cfg.nhosts; i++) {
		CHECK(strlen(cfg.hosts[i].name) < sizeof(cfg.hosts[i].name));
		CHECK(cfg.hosts[i].nservices >= 0 && cfg.hosts[i].nservices <= WR_SERVICES_MAX);
	}
	d = config_describe(&cfg);
	CHECK(d != NULL);
	free(d);
	config_free(&cfg);
	return 0;
}
