/*
 * fuzz_parse_k8s.c — libFuzzer harness for the kubectl parsers: the same
 * bytes go to the Deployment (and its container env), Pod list,
 * ReplicaSet list (and a revision's container env) and rollout history
 * parsers; none may crash, leak or hit undefined behaviour, and a
 * ReplicaSet list comes out sorted by revision, each revision once.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_parse_k8s.c src/core/parse_k8s.c \
 *     src/core/parse.c src/core/util.c -lcjson -o fuzz_parse_k8s
 *   ./fuzz_parse_k8s -max_total_time=30 corpus/ tests/unit/fixtures/drivers/
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/parse_k8s.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct k8s_deploy d;
	struct k8s_pods p;
	struct k8s_history h;
	struct k8s_rs_images rs;
	struct k8s_env env;
	struct wr_err err;
	size_t i;

	if (parse_k8s_deploy(buf, size, &d, &err) == 0)
		(void)parse_k8s_rollout(&d);
	if (parse_k8s_env(buf, size, "api", &env, &err) == 0) {
		const struct k8s_env_var *v = parse_k8s_env_find(&env, "EXPORT_MODE");

		if (v != NULL && strlen(v->value) >= sizeof(v->value))
			abort();
		parse_k8s_env_free(&env);
	}
	if (parse_k8s_pods(buf, size, &p, &err) == 0) {
		(void)parse_k8s_restarts_within(&p, 1795679034, 300);
		(void)parse_k8s_restarts_total(&p);
		parse_k8s_pods_free(&p);
	}
	if (parse_k8s_history(buf, size, &h, &err) == 0)
		parse_k8s_history_free(&h);
	if (parse_k8s_rs_images(buf, size, "api", &rs, &err) == 0) {
		for (i = 1; i < rs.n; i++)
			if (rs.items[i - 1].revision >= rs.items[i].revision)
				abort();
		(void)parse_k8s_rs_tag(&rs, 3);
		for (i = 0; i < rs.n; i++) {
			int64_t latest = -1, first = parse_k8s_rs_first_ran(&rs, rs.items[i].tag,
			    &latest);

			/* The first of a run is never after its latest. */
			if (first > 0 && latest > 0 && first > latest)
				abort();
		}
		parse_k8s_rs_free(&rs);
	}
	for (i = 1; i <= 4; i++)
		if (parse_k8s_rs_env(buf, size, "api", (int)i, "api", &env, &err) == 0) {
			const struct k8s_env_var *v = parse_k8s_env_find(&env, "EXPORT_MODE");

			if (v != NULL && strlen(v->value) >= sizeof(v->value))
				abort();
			parse_k8s_env_free(&env);
		}
	return 0;
}
