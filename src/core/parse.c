/*
 * parse.c — helpers the tool-output parsers share (parse_compose.c,
 * parse_k8s.c, parse_helm.c, probe.c). Everything here takes untrusted
 * bytes: copies are bounded and cut at UTF-8 boundaries, numbers are
 * range-checked, and nothing allocates.
 */
#include "warroom/parse.h"
#include "warroom/sanitize.h"
#include "warroom/util.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

/* Copy n bytes of src into dst[cap], cutting before a partial UTF-8
 * sequence so a cut string never ends in half a character. */
static void
copy_utf8(char *dst, size_t cap, const char *src, size_t n)
{
	if (cap == 0)
		return;
	if (n >= cap) {
		n = cap - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

void
parse_image_split(const char *ref, struct parse_image *out)
{
	const char *at, *slash, *colon, *end;

	memset(out, 0, sizeof(*out));
	if (ref == NULL)
		return;
	end = ref + strlen(ref);
	at = strchr(ref, '@');
	if (at != NULL) {
		copy_utf8(out->digest, sizeof(out->digest), at + 1, (size_t)(end - at - 1));
		end = at;
	}
	slash = NULL;
	colon = NULL;
	for (const char *p = ref; p < end; p++) {
		if (*p == '/')
			slash = p;
		else if (*p == ':')
			colon = p;
	}
	/* A ':' before the last '/' is a registry port, not a tag. */
	if (colon != NULL && (slash == NULL || colon > slash)) {
		copy_utf8(out->tag, sizeof(out->tag), colon + 1, (size_t)(end - colon - 1));
		end = colon;
	}
	copy_utf8(out->repo, sizeof(out->repo), ref, (size_t)(end - ref));
	if (out->tag[0] == '\0' && out->digest[0] == '\0' && out->repo[0] != '\0')
		wr_strlcpy(out->tag, "latest", sizeof(out->tag));
}

static bool
digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

int
parse_rfc3339(const char *s, int64_t *epoch)
{
	int y, mo, d, h, mi, sec, oh = 0, om = 0, sign = 0;
	const char *p;

	if (s == NULL || strlen(s) < 20)
		return -1;
	if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) ||
	    s[7] != '-' || !digits(s + 8, 2, &d) ||
	    (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
	    !digits(s + 11, 2, &h) || s[13] != ':' || !digits(s + 14, 2, &mi) ||
	    s[16] != ':' || !digits(s + 17, 2, &sec))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
		return -1;
	p = s + 19;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return -1;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'Z' || *p == 'z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		sign = *p == '+' ? 1 : -1;
		if (!digits(p + 1, 2, &oh) || p[3] != ':' || !digits(p + 4, 2, &om) ||
		    oh > 23 || om > 59)
			return -1;
		p += 6;
	} else {
		return -1;
	}
	if (*p != '\0')
		return -1;
	*epoch = wr_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
	    sign * (oh * 3600 + om * 60);
	return 0;
}

bool
parse_json_str(const struct cJSON *item, char *dst, size_t cap)
{
	if (cap > 0)
		dst[0] = '\0';
	if (item == NULL || !cJSON_IsString(item) || item->valuestring == NULL)
		return false;
	copy_utf8(dst, cap, item->valuestring, strlen(item->valuestring));
	return true;
}

bool
parse_json_member(const struct cJSON *obj, const char *key, char *dst, size_t cap)
{
	const cJSON *item = cJSON_IsObject(obj) ?
	    cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;

	return parse_json_str(item, dst, cap);
}

int
parse_json_int(const struct cJSON *obj, const char *key, int dflt)
{
	const cJSON *item = cJSON_IsObject(obj) ?
	    cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
	double v;

	if (item == NULL || !cJSON_IsNumber(item))
		return dflt;
	v = item->valuedouble;
	if (!(v >= INT_MIN && v <= INT_MAX))
		return dflt;
	return (int)v;
}

void
parse_excerpt(const char *buf, size_t len, char *dst, size_t cap)
{
	size_t n = 0, o;

	if (cap == 0)
		return;
	while (n < len && n < 40 && buf[n] != '\n')
		n++;
	/* Never cut a character in two: the sanitizer would show the rest of
	 * it as U+FFFD, a byte the program never meant. */
	if (n == 40 && n < len) {
		size_t k = n;

		while (k > n - 3 && ((unsigned char)buf[k] & 0xc0) == 0x80)
			k--;
		if (((unsigned char)buf[k] & 0xc0) == 0x80 || k == n)
			k = n;
		n = k;
	}
	/* The one sanitizer: valid UTF-8 stays, controls show as on screen;
	 * room kept for the "...". */
	sanitize_buf(buf, n, dst, cap > 4 ? cap - 3 : cap, &o);
	if (n < len && buf[n] != '\n' && o + 3 < cap) {
		memcpy(dst + o, "...", 3);
		dst[o + 3] = '\0';
	}
}

int
parse_line_of(const char *buf, size_t pos)
{
	int line = 1;

	for (size_t i = 0; i < pos; i++)
		if (buf[i] == '\n')
			line++;
	return line;
}
