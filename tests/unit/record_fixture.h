/*
 * record_fixture.h — a journal record for a unit test, made in place: its
 * kind, host and op point at the caller's strings, its data is parsed from
 * json (free it with cJSON_Delete). Tests only; aborts on bad JSON.
 */
#ifndef WARROOM_TEST_RECORD_FIXTURE_H
#define WARROOM_TEST_RECORD_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "warroom/record.h"

static inline struct record
rec(const char *kind, const char *host, const char *op, const char *json)
{
	struct record r = { 0 };

	r.kind = (char *)kind;
	r.host = (char *)host;
	r.op = (char *)op;
	if ((r.data = cJSON_Parse(json)) == NULL) {
		fprintf(stderr, "record fixture: bad JSON: %s\n", json);
		abort();
	}
	return r;
}

#endif
