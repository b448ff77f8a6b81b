/*
 * fuzz_redact.c — libFuzzer harness for redact.c. The input is split at
 * its first NUL: before it, a secret to register; after it, text. The
 * secret is kept to [A-Za-z0-9] (bytes outside it are dropped) and used
 * only when it is at least WR_REDACT_MIN_SECRET long and is not part of
 * the marker "[REDACTED]" itself. It is planted in the text as a whole
 * word (spaces either side) at a place the input picks.
 *
 * Property: the registered secret never appears in redact_text's output,
 * redacting that output again changes nothing, and redact_might is true
 * wherever redact_text changes anything; its three paths (AVX2, SSE2,
 * scalar) agree.
 * Why it holds exactly: the output is kept runs of the input with markers
 * between them; an alphanumeric secret cannot span a marker's edge ('[' and
 * ']' are not alphanumeric) nor lie inside a marker (excluded above), so it
 * could only survive inside a kept run — where the registry rule would have
 * marked it. Also checked: the planted text and the text as given run
 * through redact_json inside a JSON string under an ordinary key, and the
 * secret does not survive there either; nothing crashes or leaks.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *     -Iinclude -I/usr/include/cjson tests/fuzz/fuzz_redact.c \
 *     src/core/redact.c src/core/util.c -lcjson -o fuzz_redact
 *   ./fuzz_redact -max_total_time=30 corpus/ tests/fuzz/corpus/redact/
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "warroom/redact.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "failed: %s\n", #c); abort(); } } while (0)

static void
check_json(const struct redactor *r, const char *text, const char *secret)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *s;

	if (cJSON_AddStringToObject(o, "message", text) == NULL) {
		cJSON_Delete(o);
		return;
	}
	redact_json(r, o);
	s = cJSON_GetObjectItemCaseSensitive(o, "message");
	CHECK(cJSON_IsString(s));
	if (secret != NULL)
		CHECK(strstr(s->valuestring, secret) == NULL);
	cJSON_Delete(o);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size);
	size_t slen = nul != NULL ? (size_t)(nul - data) : 0, tlen, at, i, k = 0;
	const char *text;
	char *secret, *planted, *out, *again;
	struct redactor r;

	/* The text, NUL-terminated, NULs inside it dropped. */
	text = nul != NULL ? (const char *)nul + 1 : (const char *)data;
	tlen = nul != NULL ? size - slen - 1 : size;
	planted = malloc(tlen + slen + 3);
	secret = malloc(slen + 1);
	if (planted == NULL || secret == NULL)
		abort();
	for (i = 0; i < slen; i++)
		if (isalnum(data[i]))
			secret[k++] = (char)data[i];
	secret[k] = '\0';

	redact_init(&r);
	if (k >= WR_REDACT_MIN_SECRET && strstr("[REDACTED]", secret) == NULL) {
		redact_add_secret(&r, secret);
	} else {
		free(secret);
		secret = NULL;
	}

	/* Plant the secret at a place picked by the text's length. */
	at = tlen > 0 ? (size_t)data[size - 1] % (tlen + 1) : 0;
	for (i = 0, k = 0; i < tlen; i++) {
		if (i == at && secret != NULL) {
			planted[k++] = ' ';
			memcpy(planted + k, secret, strlen(secret));
			k += strlen(secret);
			planted[k++] = ' ';
		}
		if (text[i] != '\0')
			planted[k++] = text[i];
	}
	if (at >= tlen && secret != NULL) {
		planted[k++] = ' ';
		memcpy(planted + k, secret, strlen(secret));
		k += strlen(secret);
		planted[k++] = ' ';
	}
	planted[k] = '\0';

	out = redact_text(&r, planted);
	if (secret != NULL)
		CHECK(strstr(out, secret) == NULL);
	/* The pre-test says no only where redaction changes nothing, and its
	 * AVX2, SSE2 and scalar paths give the same answer (each checks
	 * every hit in full); also on the text as given, which may hold
	 * bytes the planted copy dropped. */
	if (strcmp(out, planted) != 0)
		CHECK(redact_might(&r, planted, strlen(planted)));
	{
		bool m = redact_might_path(&r, planted, strlen(planted), REDACT_PATH_SCALAR);

		CHECK(redact_might_path(&r, planted, strlen(planted), REDACT_PATH_SSE2) == m);
		CHECK(redact_might_path(&r, planted, strlen(planted), REDACT_PATH_AVX2) == m);
		m = redact_might_path(&r, text, tlen, REDACT_PATH_SCALAR);
		CHECK(redact_might_path(&r, text, tlen, REDACT_PATH_SSE2) == m);
		CHECK(redact_might_path(&r, text, tlen, REDACT_PATH_AVX2) == m);
	}
	again = redact_text(&r, out);
	if (secret != NULL)
		CHECK(strstr(again, secret) == NULL);
	CHECK(strcmp(again, out) == 0);	/* a second pass changes nothing */
	free(again);
	free(out);

	/* Patterns only, no registry. */
	out = redact_text(NULL, planted);
	free(out);

	check_json(&r, planted, secret);
	free(planted);
	free(secret);
	redact_free(&r);
	return 0;
}
