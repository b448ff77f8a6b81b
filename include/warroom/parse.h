/*
 * parse.h — what the tool-output parsers share: image references split into
 * repository, tag and digest; RFC 3339 times as epoch seconds; bounded
 * copies of untrusted JSON strings; a printable excerpt for error messages.
 */
#ifndef WARROOM_PARSE_H
#define WARROOM_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WR_IMAGE_MAX 512
#define WR_TAG_MAX 128
#define WR_DIGEST_MAX 80

struct cJSON;

/* An image reference "host:5000/org/app:tag@sha256:…" taken apart. */
struct parse_image {
	char repo[WR_IMAGE_MAX];         /* "host:5000/org/app" */
	char tag[WR_TAG_MAX];            /* "tag"; "latest" when neither tag nor digest */
	char digest[WR_DIGEST_MAX];      /* "sha256:…" or "" */
};

/* Split ref at the last ':' after the last '/', and at '@' for a digest.
 * Never fails: overlong parts are cut, an empty ref gives empty fields. */
void parse_image_split(const char *ref, struct parse_image *out);

/* "2026-11-26T07:43:54Z", with optional fraction and ±hh:mm offset, to
 * epoch seconds. Returns 0, or -1 when s is not such a time. */
int parse_rfc3339(const char *s, int64_t *epoch);

/* Copy item's string value into dst[cap] when item is a JSON string, cut at
 * a UTF-8 boundary; otherwise dst is "". Returns true when it was a string. */
bool parse_json_str(const struct cJSON *item, char *dst, size_t cap);

/* The string member key of obj into dst[cap], "" when absent or not a string. */
bool parse_json_member(const struct cJSON *obj, const char *key, char *dst, size_t cap);

/* The integer member key of obj, or dflt when absent, not a number or out
 * of int range. */
int parse_json_int(const struct cJSON *obj, const char *key, int dflt);

/* Up to 40 bytes of buf (never half a character) through the one
 * sanitizer into dst[cap], "..." when there was more, for "not JSON: …"
 * messages; stops at a newline. */
void parse_excerpt(const char *buf, size_t len, char *dst, size_t cap);

/* 1-based line number of byte offset pos in buf. */
int parse_line_of(const char *buf, size_t pos);

#endif
