/*
 * fuzz_export.c — libFuzzer harness for the post-mortem renderers
 * (export.c) fed arbitrary decoded records: the first byte picks the time
 * zone offset and options, the rest is read as journal lines whose crc is
 * made right (journal_fix.h); every line that decodes becomes a record,
 * chain or not, or (option bit 0x08, the prev chain made right too) the
 * records the recovery scan keeps, with the damaged lines it names passed
 * as timeline_export passes them. Checked: both formats render; the output is as long as
 * it says and NUL-terminated; the JSON export parses as a JSON object;
 * each record's one-line details render; Markdown escaping leaves no
 * control byte and no unescaped '|' (a note cannot split a table row).
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude -I/usr/include/cjson tests/fuzz/fuzz_export.c \
 *     src/core/export.c src/core/record.c src/core/redact.c \
 *     src/core/util.c -lcjson -o fuzz_export
 *   ./fuzz_export -max_total_time=30 corpus/ tests/fuzz/corpus/record/
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journal_fix.h"
#include "warroom/export.h"
#include "warroom/record.h"
#include "warroom/redact.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "failed: %s\n", #c); abort(); } } while (0)

static void
check_escaped(const char *text)
{
	char *buf = NULL;
	size_t len = 0, cap = 0, i;

	export_md_escape(text, &buf, &len, &cap);
	if (buf == NULL) {
		CHECK(text[0] == '\0');
		return;
	}
	CHECK(strlen(buf) == len);
	for (i = 0; i < len; i++) {
		CHECK((unsigned char)buf[i] >= 0x20 && buf[i] != 0x7f);
		if (buf[i] == '\\') {
			CHECK(i + 1 < len);
			i++;
		} else {
			CHECK(buf[i] != '|');
		}
	}
	free(buf);
}

static void
render(enum export_format f, const struct record *v, size_t n, const struct export_opts *o)
{
	struct wr_err err;
	char *out = NULL;
	size_t len = 0;

	CHECK(export_render(f, v, n, o, &out, &len, &err) == 0);
	CHECK(out != NULL && strlen(out) == len);
	if (f == EXPORT_JSON) {
		cJSON *j = cJSON_ParseWithLength(out, len);

		CHECK(cJSON_IsObject(j));
		cJSON_Delete(j);
	}
	free(out);
}

/* A zone whose offset turns at every hour and whose abbreviation holds
 * Markdown the draft must drop. */
static void
odd_zone(int64_t ms, void *arg, long *off, char *abbr, size_t cap)
{
	(void)arg;
	*off = (ms / 3600000) % 2 != 0 ? 3600 : -36000;
	snprintf(abbr, cap, "%s", (ms / 3600000) % 3 != 0 ? "C|E*T" : "");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct export_opts o = { .id = "fuzz-incident-0a1b2c" };
	struct record_scan scan = { 0 };
	struct redactor red;
	struct record *v = NULL;
	size_t n = 0, cap = 0, pos = 0;
	char *buf;
	uint8_t opt;

	if (size < 1)
		return 0;
	opt = data[0];
	data++;
	size--;
	/* -14 h .. +14 h in quarter hours, a label or not (and a zone that
	 * changes), a warning or not. */
	o.tz_off = ((long)(opt & 0x7f) - 56) * 900;
	if (opt & 0x80)
		o.tz_label = "Europe/Paris";
	if ((opt & 0x84) == 0x84)
		o.tz_at = odd_zone;
	if (opt & 0x01)
		o.warning = "journal damaged at line 7";
	redact_init(&red);
	redact_add_secret(&red, "hunter2-canary");
	o.red = (opt & 0x02) ? &red : NULL;

	buf = journal_fix(data, size, (opt & 0x08) != 0);
	/* As timeline_export reads a journal: the scan's records and the
	 * damaged lines it skipped, which the draft names in place. */
	if (opt & 0x08) {
		struct record_list keep = { 0 };

		record_scan(buf, size, 0, 0, 0, &keep, &scan);
		v = keep.v;
		n = keep.n;
		o.damage = scan.damage;
		o.ndamage = scan.ndamage;
		pos = size;
	}
	while (pos < size) {
		const char *nl = memchr(buf + pos, '\n', size - pos);
		size_t len = nl != NULL ? (size_t)(nl - (buf + pos)) : size - pos;
		struct record r;

		if (record_decode(buf + pos, len, &r, NULL) == 0) {
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				v = realloc(v, cap * sizeof(*v));
				if (v == NULL)
					abort();
			}
			v[n++] = r;
		}
		pos += len + 1;
	}
	free(buf);

	render(EXPORT_MD, v, n, &o);
	render(EXPORT_JSON, v, n, &o);
	for (size_t i = 0; i < n; i++) {
		char *d = export_details(&v[i], o.red);

		CHECK(d != NULL);
		free(d);
		check_escaped(v[i].actor);
		check_escaped(v[i].kind);
	}
	for (size_t i = 0; i < n; i++)
		record_free(&v[i]);
	free(v);
	record_scan_free(&scan);
	redact_free(&red);
	return 0;
}
