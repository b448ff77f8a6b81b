/*
 * ingest_ref.h — the reference the chunk path (src/core/ingest.c) is held
 * to by its unit test and its fuzzer: view_logs.c's per-line path as it
 * was before, as a head splitter's callback (prefix, sanitize_buf_cut
 * counting what the splitter dropped, redact_might and redact_text,
 * logset_append into LOGS' own ring). Tests only.
 */
#ifndef WARROOM_TEST_INGEST_REF_H
#define WARROOM_TEST_INGEST_REF_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/logset.h"
#include "warroom/redact.h"
#include "warroom/sanitize.h"

struct ref {
	struct logset *set;
	const struct redactor *red;
	const char *prefix;
	unsigned source;
};

static inline void
ref_line(const char *line, size_t len, size_t dropped, void *arg)
{
	struct ref *r = arg;
	/* Static: 32 KiB is more stack than a fuzzer's thread should give. */
	static char buf[WR_SANITIZE_LINE_MAX + 256], clean[WR_SANITIZE_LINE_MAX + 1];
	size_t p = strlen(r->prefix), clen;
	char *redacted = NULL;
	const char *shown = clean;

	if (len > sizeof(buf) - p - 1) {
		dropped += len - (sizeof(buf) - p - 1);
		len = sizeof(buf) - p - 1;
	}
	memcpy(buf, r->prefix, p);
	memcpy(buf + p, line, len);
	sanitize_buf_cut(buf, p + len, dropped, clean, sizeof(clean), &clen);
	if (redact_might(r->red, clean, clen)) {
		clean[clen] = '\0';
		shown = redacted = redact_text(r->red, clean);
		clen = strlen(redacted);
	}
	logset_append(r->set, WR_LOGSET_OWN, shown, clen, r->source != 0);
	free(redacted);
}

#endif
