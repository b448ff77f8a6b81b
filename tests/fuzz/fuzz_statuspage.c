/*
 * fuzz_statuspage.c — libFuzzer harness for the status-page readers of
 * every kind: the first byte picks Atlassian, Cachet 2.x or Cachet 3.x
 * (its JSON:API resources), the rest is the page's answer. An incident id
 * that comes back goes into the next request's path, so it is never empty
 * and holds only [A-Za-z0-9_-]; a failed read leaves it empty; the lookup
 * answers 1 (with such an id), 0 or -1. The same bytes read as a queued
 * post (the journal's form) either fail or survive a round trip, and the
 * requests built from them stay plain paths with JSON bodies.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude tests/fuzz/fuzz_statuspage.c src/core/statuspage_req.c \
 *     src/core/util.c -lcjson -o fuzz_statuspage
 *   ./fuzz_statuspage -max_total_time=30 corpus/ tests/fuzz/corpus/statuspage/
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/statuspage_req.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const enum statuspage_kind kinds[] = {
	STATUSPAGE_ATLASSIAN, STATUSPAGE_CACHET, STATUSPAGE_CACHET3,
};

static void
check_id(const char *id, int found)
{
	const char *p;

	if (found != 1) {
		if (id[0] != '\0')
			__builtin_trap();
		return;
	}
	if (id[0] == '\0')
		__builtin_trap();
	for (p = id; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			__builtin_trap();
}

/* A queued post: a round trip keeps it; its requests stay plain paths. */
static void
check_post(enum statuspage_kind kind, const char *text, size_t len)
{
	struct statuspage_update u, back;
	struct statuspage_reqs r;
	struct wr_err err;
	cJSON *j = cJSON_ParseWithLength(text, len), *again;
	size_t i;

	if (j == NULL)
		return;
	if (statuspage_update_from_json(j, &u, &err) == 0) {
		again = statuspage_update_to_json(&u);
		if (statuspage_update_from_json(again, &back, &err) != 0 ||
		    memcmp(&u, &back, sizeof(u)) != 0)
			__builtin_trap();
		cJSON_Delete(again);
		if (statuspage_req_build(kind, &u, &r, &err) == 0) {
			for (i = 0; i < r.n; i++) {
				cJSON *b;

				if (r.v[i].path[0] != '/' || strstr(r.v[i].path, "..") != NULL ||
				    strchr(r.v[i].path, '?') != NULL || r.v[i].auth_prefix == NULL)
					__builtin_trap();
				if (r.v[i].body != NULL) {
					if ((b = cJSON_Parse(r.v[i].body)) == NULL)
						__builtin_trap();
					cJSON_Delete(b);
				}
			}
			statuspage_reqs_free(&r);
		}
	}
	cJSON_Delete(j);
}

/* The same bytes as the page's answer to a read-back: an update is found
 * (with a time that fits its buffer) or not, or the answer is no list;
 * so is a create. */
static void
check_read_back(enum statuspage_kind kind, const char *body, size_t len)
{
	struct statuspage_update u = { .action = STATUSPAGE_UPDATE,
	    .status = STATUSPAGE_MONITORING };
	struct wr_err err;
	char when[40];
	int64_t when_ms = -1;
	int r;

	strcpy(u.body, "A fix is in place; we are watching.");
	strcpy(u.our_id, "api-5xx-spike-a1b2c3");
	strcpy(u.page_id, "p0abc");
	r = statuspage_req_find_update(kind, body, len, &u, 0, when, &when_ms, &err);
	if (r < -1 || r > 1 || (r == 1 && strlen(when) >= sizeof(when)) || when_ms < 0)
		__builtin_trap();
	u.action = STATUSPAGE_CREATE;
	u.status = STATUSPAGE_INVESTIGATING;
	r = statuspage_req_find_create(kind, body, len, &u, "p0abc", 1, &err);
	if (r < -1 || r > 1)
		__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char id[STATUSPAGE_ID_MAX], status[32];
	enum statuspage_kind kind;
	struct wr_err err;
	const char *body;
	int r;

	if (size < 1)
		return 0;
	kind = kinds[data[0] % 3];
	body = (const char *)data + 1;
	size--;
	r = statuspage_req_parse_incident(kind, body, size, id, status, &err);
	check_id(id, r == 0 ? 1 : 0);
	if (strlen(status) >= sizeof(status))
		__builtin_trap();
	r = statuspage_req_find(kind, body, size, "api-5xx-spike-a1b2c3", "API 5xx spike", id,
	    status, &err);
	if (r < -1 || r > 1)
		__builtin_trap();
	check_id(id, r);
	r = statuspage_req_find(kind, body, size, "api-5xx-spike-a1b2c3", NULL, id, status,
	    &err);
	check_id(id, r);
	check_post(kind, body, size);
	check_read_back(kind, body, size);
	return 0;
}
