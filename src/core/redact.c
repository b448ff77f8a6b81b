/*
 * redact.c — finds secrets in text and replaces them with "[REDACTED]".
 *
 * Each rule is a small hand-written scanner that marks byte ranges of the
 * original text; the ranges are merged and the text rebuilt once. Marking
 * instead of rewriting keeps the rules independent (a bearer token inside
 * an Authorization header inside a URL is still one hit), and merging
 * adjacent ranges makes a second pass a no-op. Rules (DESIGN §3.3):
 *   headers     Authorization/Proxy-Authorization (scheme kept), Cookie,
 *               Set-Cookie, X-*-Token, X-Api-Key
 *   bearer      "Bearer <token>" anywhere
 *   url         https://user:[REDACTED]@host, ?token=… and friends
 *   key/value   KEY=VALUE, KEY: VALUE, "key": "value" with a secret KEY
 *   pem         the body of -----BEGIN … PRIVATE KEY----- blocks
 *   jwt         eyJ….….… three base64url segments
 *   vendor      GitHub (ghp_ gho_ ghu_ ghs_ ghr_ github_pat_), GitLab
 *               (glpat-) and Slack (xoxb- xoxp- xoxa- xoxr- xoxs- xapp-)
 *               tokens: the prefix kept, the rest redacted
 *   webhook     Slack's hooks.slack.com/services/… (and workflows/,
 *               triggers/) path, Discord's …/api/webhooks/ID/TOKEN token
 *   mysql       -pPASSWORD after mysql, mysqldump, mysqladmin, mariadb…
 *               (a bare -p asks for it and stays)
 *   registry    the exact value of every secret warroom loaded
 * Pure: no I/O, no globals.
 */
#include "warroom/redact.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_AVX2_PATH 1	/* chosen at run time: see redact_might() */
#endif

#include "warroom/redact_nib.h"
#include "warroom/util.h"

#define MARK_LEN (sizeof(WR_REDACTED) - 1)

struct span {
	size_t a, b;
};

struct spans {
	struct span *v;
	size_t n, cap;
};

/*
 * redact_might's buckets. Every word a rule looks for (trigger_at) holds
 * a window of three bytes that, with bit 5 forced on (lowercase for
 * letters; ':', '/' and '-' have it already, '_' becomes DEL), lie in one
 * bucket's first x second x third set; bucket 7 holds the registered
 * secrets' first three bytes (no secret is shorter than
 * WR_REDACT_MIN_SECRET). A bucket is tested as nibble tables
 * (Teddy-style: a byte is in a bucket's set when both its nibbles are),
 * so a set stands for every byte its low and high nibbles combine to. A
 * superset either way; every hit is checked by trigger_at or secret_at.
 * Three bytes, not two: "seq", "users", "item", "timeout" would hit on
 * two. Seven buckets for some twenty words: a window need not start its
 * word (".uth" for auth, "..cre." for secret), and the windows were
 * picked, and grouped, for the fewest hits on ordinary text (access,
 * syslog, JSON, k8s and database logs, stack traces, docs) once the
 * nibbles combine: none may lie in a line of hex digits (request ids),
 * a month or day name, or the "host/svc " prefix of the B1 bench. The
 * private-key rule needs none of its own: its label says "KEY".
 */
static const struct {
	const char *first, *second, *third;
} pair_buckets[7] = {
	{ "stu", "iot", "gkh" },	/* sig tok(en) (a)uth */
	{ "bk", "e", "ay" },		/* bea(rer) key */
	{ "c", "or", "oe" },		/* coo(kie) cre(dential) (se)cre(t) */
	{ "d", "sa", "nt" },		/* dsn dat(abase) */
	{ "pi", "aw", "sdt" },		/* pas(s) pwd (mar)iad(b) (github_)pat_ (gl)pat- */
	{ "hxy", "pousra", "_xpq" },	/* (g)h[pousr]_ xox xap (m)ysq(l) */
	{ "e:", "y/", "j/" },		/* eyJ :// */
};
#define SECRET_BUCKET 0x80

/* Byte k (0..2) of a start may be c in bucket bit. */
static void
nib_add(struct redactor *r, int k, unsigned char c, unsigned bit)
{
	c |= 0x20;
	r->nib[2 * k][c & 15] |= (unsigned char)bit;
	r->nib[2 * k + 1][c >> 4] |= (unsigned char)bit;
}

void
redact_init(struct redactor *r)
{
	const char *c;
	size_t k;

	r->secrets = NULL;
	r->lens = NULL;
	r->n = 0;
	memset(r->nib, 0, sizeof(r->nib));
	for (k = 0; k < WR_ARRAY_LEN(pair_buckets); k++) {
		for (c = pair_buckets[k].first; *c != '\0'; c++)
			nib_add(r, 0, (unsigned char)*c, 1u << k);
		for (c = pair_buckets[k].second; *c != '\0'; c++)
			nib_add(r, 1, (unsigned char)*c, 1u << k);
		for (c = pair_buckets[k].third; *c != '\0'; c++)
			nib_add(r, 2, (unsigned char)*c, 1u << k);
	}
	r->nib_ready = true;
}

void
redact_free(struct redactor *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->secrets[i]);
	free(r->secrets);
	free(r->lens);
	redact_init(r);
}

void
redact_add_secret(struct redactor *r, const char *secret)
{
	size_t i;

	if (secret == NULL || strlen(secret) < WR_REDACT_MIN_SECRET)
		return;
	for (i = 0; i < r->n; i++)
		if (strcmp(r->secrets[i], secret) == 0)
			return;
	r->secrets = xrealloc(r->secrets, (r->n + 1) * sizeof(*r->secrets));
	r->lens = xrealloc(r->lens, (r->n + 1) * sizeof(*r->lens));
	r->lens[r->n] = strlen(secret);
	r->secrets[r->n++] = xstrdup(secret);
	for (i = 0; i < 3; i++)
		nib_add(r, (int)i, (unsigned char)secret[i], SECRET_BUCKET);
}

static void
span_add(struct spans *s, size_t a, size_t b)
{
	if (b <= a)
		return;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	s->v[s->n].a = a;
	s->v[s->n].b = b;
	s->n++;
}

static bool
ci_at(const char *s, size_t n, size_t i, const char *word)
{
	size_t k;

	for (k = 0; word[k] != '\0'; k++)
		if (i + k >= n || tolower((unsigned char)s[i + k]) != word[k])
			return false;
	return true;
}

static bool
is_alnum(char c)
{
	return isalnum((unsigned char)c) != 0;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

static bool
is_eol(char c)
{
	return c == '\n' || c == '\r';
}

static bool
is_b64url(char c)
{
	return is_alnum(c) || c == '-' || c == '_';
}

static bool
is_keychar(char c)
{
	return is_alnum(c) || c == '_' || c == '-' || c == '.';
}

/* A quoted value's end: the next unescaped quote q, or the end of the line. */
static size_t
quoted_end(const char *s, size_t n, size_t i, char q)
{
	while (i < n && s[i] != q && !is_eol(s[i])) {
		if (s[i] == '\\' && i + 1 < n)
			i++;
		i++;
	}
	return i < n ? i : n;
}

/* SECRET|TOKEN|PASSW(OR)D|API_KEY|PRIVATE_KEY|CREDENTIAL|DATABASE_URL|DSN,
 * case-insensitive, with '-' and '.' read as '_' so api-key and
 * private.key count too. */
bool
redact_key_is_secret(const char *k, size_t len)
{
	static const char *const words[] = {
		"secret", "token", "password", "passwd", "api_key", "apikey",
		"private_key", "credential", "database_url", "dsn",
	};
	char buf[128];
	size_t i, w;

	if (len == 0 || len >= sizeof(buf))
		return false;
	for (i = 0; i < len; i++) {
		char c = (char)tolower((unsigned char)k[i]);

		buf[i] = (c == '-' || c == '.') ? '_' : c;
	}
	buf[len] = '\0';
	for (w = 0; w < WR_ARRAY_LEN(words); w++)
		if (strstr(buf, words[w]) != NULL)
			return true;
	return false;
}

enum header_kind { HDR_NONE, HDR_AUTH, HDR_WHOLE };

static enum header_kind
header_kind(const char *k, size_t len)
{
	static const char *const whole[] = { "cookie", "set-cookie", "x-api-key" };
	size_t i;

	if ((len == 13 && ci_at(k, len, 0, "authorization")) ||
	    (len == 19 && ci_at(k, len, 0, "proxy-authorization")))
		return HDR_AUTH;
	for (i = 0; i < WR_ARRAY_LEN(whole); i++)
		if (strlen(whole[i]) == len && ci_at(k, len, 0, whole[i]))
			return HDR_WHOLE;
	if (len > 8 && ci_at(k, len, 0, "x-") && ci_at(k, len, len - 6, "-token"))
		return HDR_WHOLE;
	return HDR_NONE;
}

/* In an Authorization value, where the credentials start: after a scheme
 * word ("Bearer", "Basic", "OAuth"…) when one is there, else at v. For
 * the schemes whose credentials are one token (Bearer, Basic, Token) *end
 * moves to the token's end, so a log line's words after it stay readable;
 * other schemes' parameters (Digest's) may hold spaces and go to the end. */
static size_t
auth_creds(const char *s, size_t v, size_t *end)
{
	size_t i = v, t;

	if (i < *end && isalpha((unsigned char)s[i])) {
		while (i < *end && (is_alnum(s[i]) || s[i] == '-'))
			i++;
		if (i < *end && is_space(s[i])) {
			bool one = (i - v == 6 && ci_at(s, *end, v, "bearer")) ||
			    (i - v == 5 && (ci_at(s, *end, v, "basic") || ci_at(s, *end, v, "token")));

			while (i < *end && is_space(s[i]))
				i++;
			if (i >= *end)
				return v;
			for (t = i; one && t < *end && !is_space(s[t]); t++)
				;
			if (one)
				*end = t;
			return i;
		}
	}
	return v;
}

/* How many q in s[a..b) are not escaped with a backslash. */
static size_t
quotes_in(const char *s, size_t a, size_t b, char q)
{
	size_t i, k = 0;

	for (i = a; i < b; i++)
		if (s[i] == q && (i == 0 || s[i - 1] != '\\'))
			k++;
	return k;
}

/* A value that ends with a quote closing one opened before the header on
 * the same line (echo "… Authorization: Bearer tok") ends before it: the
 * quote is the text's, not the credential's. It goes only when it is
 * unmatched in the value and one is open before, so nothing but that one
 * quote is ever left out of the span. */
static size_t
closing_quote_trim(const char *s, size_t v, size_t end)
{
	size_t line = v;
	char q;

	if (end <= v || (s[end - 1] != '"' && s[end - 1] != '\'' && s[end - 1] != '`') ||
	    (end >= 2 && s[end - 2] == '\\'))
		return end;
	q = s[end - 1];
	while (line > 0 && !is_eol(s[line - 1]))
		line--;
	if (quotes_in(s, v, end, q) % 2 == 1 && quotes_in(s, line, v, q) % 2 == 1)
		return end - 1;
	return end;
}

static void
rule_headers(const char *s, size_t n, struct spans *out)
{
	size_t i, k, j, v, end;

	for (i = 0; i < n; i++) {
		char q = 0;
		enum header_kind kind;
		bool json = false;

		if (!isalpha((unsigned char)s[i]) ||
		    (i > 0 && (is_alnum(s[i - 1]) || s[i - 1] == '-' || s[i - 1] == '_')))
			continue;
		for (k = i; k < n && (is_alnum(s[k]) || s[k] == '-'); k++)
			;
		if ((kind = header_kind(s + i, k - i)) == HDR_NONE) {
			i = k;
			continue;
		}
		if (i > 0 && (s[i - 1] == '"' || s[i - 1] == '\''))
			q = s[i - 1];
		j = k;
		if (q != 0 && j < n && s[j] == q) {
			json = true;
			j++;
		}
		while (j < n && is_space(s[j]))
			j++;
		if (j >= n || s[j] != ':') {
			i = k;
			continue;
		}
		j++;
		while (j < n && is_space(s[j]))
			j++;
		if (json) {
			if (j >= n || s[j] != q) {
				i = k;
				continue;
			}
			v = j + 1;
			end = quoted_end(s, n, v, q);
		} else {
			v = j;
			for (end = v; end < n && !is_eol(s[end]) && (q == 0 || s[end] != q); end++)
				;
		}
		while (end > v && is_space(s[end - 1]))
			end--;
		if (kind == HDR_AUTH)
			v = auth_creds(s, v, &end);
		if (!json)
			end = closing_quote_trim(s, v, end);
		span_add(out, v, end);
		i = k;
	}
}

static bool
is_tokenchar(char c)
{
	return is_alnum(c) || strchr("-._~+/=", c) != NULL;
}

static void
rule_bearer(const char *s, size_t n, struct spans *out)
{
	size_t i, j, t;

	for (i = 0; i + 6 < n; i++) {
		if (!ci_at(s, n, i, "bearer") || (i > 0 && is_alnum(s[i - 1])))
			continue;
		j = i + 6;
		if (j >= n || !is_space(s[j]))
			continue;
		while (j < n && is_space(s[j]))
			j++;
		for (t = j; t < n && s[t] != '\0' && is_tokenchar(s[t]); t++)
			;
		if (t - j >= 8)
			span_add(out, j, t);
	}
}

static bool
url_stop(char c)
{
	return c == '\0' || isspace((unsigned char)c) || c == '"' || c == '\'' ||
	    c == '<' || c == '>' || c == '`';
}

/* scheme://user:PASSWORD@host — the password, for https and DSNs alike. */
static void
rule_userinfo(const char *s, size_t n, struct spans *out)
{
	const char *p = s;
	size_t i, a, end, at, colon;

	while ((p = memmem(p, n - (size_t)(p - s), "://", 3)) != NULL) {
		i = (size_t)(p - s);
		p += 3;
		if (i == 0 || !isalpha((unsigned char)s[i - 1]))
			continue;
		a = i + 3;
		for (end = a; end < n && !url_stop(s[end]) && s[end] != '/' &&
		    s[end] != '?' && s[end] != '#'; end++)
			;
		for (at = end; at > a && s[at - 1] != '@'; at--)
			;
		if (at == a)
			continue;
		at--;
		for (colon = a; colon < at && s[colon] != ':'; colon++)
			;
		if (colon < at)
			span_add(out, colon + 1, at);
	}
}

/* Query parameters whose value is a credential. */
static const char *const query_secret_names[] = {
	"access_token", "refresh_token", "id_token", "token", "auth",
	"api_key", "apikey", "api-key", "key", "secret", "client_secret",
	"password", "passwd", "pwd", "pass", "sig", "signature",
	"x-amz-signature", "x-amz-credential", "x-amz-security-token",
	"x-goog-signature", "x-goog-credential",
};

/* At s[i] ('?' or '&'), a credential's "name=": the '=' index, else 0. */
static size_t
query_secret_at(const char *s, size_t n, size_t i)
{
	size_t k, w;

	if (s[i] != '?' && s[i] != '&')
		return 0;
	for (k = i + 1; k < n && is_keychar(s[k]); k++)
		;
	if (k >= n || s[k] != '=')
		return 0;
	for (w = 0; w < WR_ARRAY_LEN(query_secret_names); w++)
		if (strlen(query_secret_names[w]) == k - i - 1 &&
		    ci_at(s, n, i + 1, query_secret_names[w]))
			return k;
	return 0;
}

/* ?access_token=…, &sig=… and other token-like query parameters, in full
 * URLs and in request lines alike. */
static void
rule_query(const char *s, size_t n, struct spans *out)
{
	size_t i, k, end;

	for (i = 0; i + 1 < n; i++) {
		if ((k = query_secret_at(s, n, i)) == 0)
			continue;
		for (end = k + 1; end < n && !url_stop(s[end]) && s[end] != '&' &&
		    s[end] != '#'; end++)
			;
		span_add(out, k + 1, end);
	}
}

size_t
redact_url_secret_param(const char *url, const char **name)
{
	const char *q = strchr(url, '?');
	size_t n, i, k;

	if (q == NULL)
		return 0;
	n = strcspn(url, "#");
	for (i = (size_t)(q - url); i + 1 < n; i++) {
		if ((k = query_secret_at(url, n, i)) != 0) {
			*name = url + i + 1;
			return k - i - 1;
		}
	}
	return 0;
}

static void
rule_keyvalue(const char *s, size_t n, struct spans *out)
{
	size_t i, k, j, v, end;

	for (i = 0; i < n; i++) {
		char sep, vq;

		if (!is_keychar(s[i]) || (i > 0 && is_keychar(s[i - 1])))
			continue;
		for (k = i; k < n && is_keychar(s[k]); k++)
			;
		if (!redact_key_is_secret(s + i, k - i)) {
			i = k - 1;
			continue;
		}
		j = k;
		if (i > 0 && (s[i - 1] == '"' || s[i - 1] == '\'') && j < n && s[j] == s[i - 1])
			j++;    /* "key": value */
		while (j < n && is_space(s[j]))
			j++;
		if (j >= n || (s[j] != '=' && s[j] != ':')) {
			i = k - 1;
			continue;
		}
		sep = s[j++];
		while (j < n && is_space(s[j]))
			j++;
		if (j >= n || is_eol(s[j]) || s[j] == '{' || s[j] == '[') {
			/* An object, a list or a "scheme:/path" is not one value. */
			if (j < n && s[j] == '[' && strncmp(s + j, WR_REDACTED, MARK_LEN) == 0)
				span_add(out, j, j + MARK_LEN);
			i = k - 1;
			continue;
		}
		vq = s[j];
		if (vq == '"' || vq == '\'') {
			v = j + 1;
			end = quoted_end(s, n, v, vq);
		} else {
			v = j;
			for (end = v; end < n && !isspace((unsigned char)s[end]) &&
			    s[end] != '"' && s[end] != '\'' && s[end] != '&' &&
			    (sep != ':' || (s[end] != ',' && s[end] != '}')); end++)
				;
		}
		span_add(out, v, end);
		i = k - 1;
	}
}

static void
rule_pem(const char *s, size_t n, struct spans *out)
{
	const char *p = s, *label_end, *body, *endm;

	while ((p = memmem(p, n - (size_t)(p - s), "-----BEGIN ", 11)) != NULL) {
		label_end = memmem(p + 11, n - (size_t)(p + 11 - s), "-----", 5);
		if (label_end == NULL)
			return;
		body = label_end + 5;
		if (memmem(p, (size_t)(label_end - p), "PRIVATE KEY", 11) == NULL) {
			p = body;
			continue;
		}
		endm = memmem(body, n - (size_t)(body - s), "-----END ", 9);
		if (endm == NULL)
			endm = s + n;
		span_add(out, (size_t)(body - s), (size_t)(endm - s));
		p = endm;
		if (p >= s + n)
			return;
	}
}

static void
rule_jwt(const char *s, size_t n, struct spans *out)
{
	size_t i, j, seg;

	for (i = 0; i + 3 < n; i++) {
		if (s[i] != 'e' || s[i + 1] != 'y' || s[i + 2] != 'J' ||
		    (i > 0 && is_b64url(s[i - 1])))
			continue;
		j = i;
		for (seg = 0; seg < 3; seg++) {
			size_t start = j;

			while (j < n && is_b64url(s[j]))
				j++;
			if (seg < 2 && (j == start || j >= n || s[j] != '.'))
				break;
			if (seg < 2)
				j++;
		}
		if (seg == 3)
			span_add(out, i, j);
	}
}

/* Vendor tokens known by their prefix: the prefix is kept (it says what
 * leaked), the rest redacted when long enough to be a token. No left
 * boundary: a token glued to other text ("TOKENghp_…") is one still. */
static const struct {
	const char *prefix;
	size_t min;		/* token characters needed after the prefix */
	const char *extra;	/* allowed beside [A-Za-z0-9] */
} vendor_tokens[] = {
	{ "ghp_", 36, "" }, { "gho_", 36, "" }, { "ghu_", 36, "" },
	{ "ghs_", 36, "" }, { "ghr_", 36, "" },	/* GitHub */
	{ "github_pat_", 22, "_" },		/* GitHub, fine-grained */
	{ "glpat-", 20, "_-" },			/* GitLab */
	{ "xoxb-", 10, "-" }, { "xoxp-", 10, "-" }, { "xoxa-", 10, "-" },
	{ "xoxr-", 10, "-" }, { "xoxs-", 10, "-" }, { "xapp-", 10, "-" },	/* Slack */
};

static void
rule_vendor(const char *s, size_t n, struct spans *out)
{
	size_t i, t, j;

	for (i = 0; i + 4 < n; i++) {
		if (s[i] != 'g' && s[i] != 'x')
			continue;
		for (t = 0; t < WR_ARRAY_LEN(vendor_tokens); t++) {
			size_t pl = strlen(vendor_tokens[t].prefix);

			if (i + pl > n || memcmp(s + i, vendor_tokens[t].prefix, pl) != 0)
				continue;
			for (j = i + pl; j < n && (is_alnum(s[j]) ||
			    (s[j] != '\0' && strchr(vendor_tokens[t].extra, s[j]) != NULL)); j++)
				;
			if (j - (i + pl) >= vendor_tokens[t].min)
				span_add(out, i + pl, j);
			break;
		}
	}
}

/* Where a URL's path ends: the query, the fragment or the URL's end. */
static size_t
path_end(const char *s, size_t n, size_t i)
{
	while (i < n && !url_stop(s[i]) && s[i] != '?' && s[i] != '#')
		i++;
	return i;
}

/* Webhook URLs whose path is the credential: Slack's
 * https://hooks.slack.com/services/T…/B…/… (and workflows/, triggers/)
 * from the path on; Discord's …/api/webhooks/ID/TOKEN, the token. */
static void
rule_webhook(const char *s, size_t n, struct spans *out)
{
	static const char *const slack[] = { "/services/", "/workflows/", "/triggers/" };
	static const char *const discord[] = {
		"discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com",
	};
	const char *p = s;
	size_t i, h, he, k, w;

	while ((p = memmem(p, n - (size_t)(p - s), "://", 3)) != NULL) {
		i = (size_t)(p - s) + 3;
		p += 3;
		for (he = i; he < n && !url_stop(s[he]) && s[he] != '/' && s[he] != '?' &&
		    s[he] != '#'; he++)
			;
		for (h = he; h > i && s[h - 1] != '@'; h--)	/* after any userinfo */
			;
		for (k = h; k < he && s[k] != ':'; k++)	/* before any port */
			;
		if (k - h == 15 && ci_at(s, n, h, "hooks.slack.com")) {
			for (w = 0; w < WR_ARRAY_LEN(slack); w++)
				if (ci_at(s, n, he, slack[w])) {
					span_add(out, he + strlen(slack[w]), path_end(s, n, he));
					break;
				}
			continue;
		}
		for (w = 0; w < WR_ARRAY_LEN(discord); w++)
			if (strlen(discord[w]) == k - h && ci_at(s, n, h, discord[w]))
				break;
		if (w == WR_ARRAY_LEN(discord) || !ci_at(s, n, he, "/api/"))
			continue;
		k = he + 5;
		if (k < n && s[k] == 'v') {	/* a versioned API: /api/v10/webhooks/ */
			for (k++; k < n && isdigit((unsigned char)s[k]); k++)
				;
			if (k < n && s[k] == '/')
				k++;
		}
		if (!ci_at(s, n, k, "webhooks/"))
			continue;
		k += 9;
		for (w = k; w < n && isdigit((unsigned char)s[w]); w++)	/* the id */
			;
		if (w > k && w < n && s[w] == '/')
			k = w + 1;
		span_add(out, k, path_end(s, n, k));
	}
}

static bool
is_argsep(char c)
{
	return is_space(c) || c == '"' || c == '\'';
}

/* After a MySQL/MariaDB client's name (mysql, mysqldump, mysqladmin,
 * mariadb, mariadb-dump…) up to the command's end: the password glued
 * to -p (-pSECRET, -p'SECRET', "-pSECRET" in a JSON argv). A bare -p
 * asks for it; -P is the port; other commands' -p (ls -pla) are not
 * looked at. The name needs no left boundary, as in rule_vendor. */
static void
rule_mysql(const char *s, size_t n, struct spans *out)
{
	size_t i, j, k, v, end;

	for (i = 0; i + 5 < n; i++) {
		if (s[i] != 'm')
			continue;
		if (memcmp(s + i, "mysql", 5) == 0)
			j = i + 5;
		else if (i + 7 <= n && memcmp(s + i, "mariadb", 7) == 0)
			j = i + 7;
		else
			continue;
		while (j < n && (islower((unsigned char)s[j]) || s[j] == '_' || s[j] == '-'))
			j++;
		if (j >= n || !is_argsep(s[j]))
			continue;
		for (k = j; k + 2 < n && !is_eol(s[k]) && s[k] != ';' && s[k] != '|' &&
		    s[k] != '&'; k++) {
			if (s[k] != '-' || s[k + 1] != 'p' || !is_argsep(s[k - 1]))
				continue;
			v = k + 2;
			if (is_space(s[v]) || is_eol(s[v]))
				continue;	/* -p alone: a prompt */
			if (s[k - 1] == '"' || s[k - 1] == '\'') {
				end = quoted_end(s, n, v, s[k - 1]);
			} else if (s[v] == '"' || s[v] == '\'') {
				end = quoted_end(s, n, v + 1, s[v]);
				v++;
			} else {
				for (end = v; end < n && !is_space(s[end]) && !is_eol(s[end]) &&
				    s[end] != '"' && s[end] != '\''; end++)
					if (s[end] == '\\' && end + 1 < n)
						end++;	/* an escaped space or quote */
			}
			span_add(out, v, end);
			k = end > k ? end - 1 : k;
		}
		i = j - 1;
	}
}

/* Registered secrets, except inside an earlier "[REDACTED]" (a short
 * secret like "DACT" must not eat the marker and undo idempotence). */
static void
rule_registry(const struct redactor *r, const char *s, size_t n, struct spans *out)
{
	size_t i, len;
	const char *p;

	for (i = 0; r != NULL && i < r->n; i++) {
		len = strlen(r->secrets[i]);
		p = s;
		while ((p = memmem(p, n - (size_t)(p - s), r->secrets[i], len)) != NULL) {
			size_t a = (size_t)(p - s), m;
			bool in_mark = false;

			for (m = a >= MARK_LEN ? a - MARK_LEN + 1 : 0; m <= a; m++)
				if (m + MARK_LEN <= n && memcmp(s + m, WR_REDACTED, MARK_LEN) == 0 &&
				    a + len <= m + MARK_LEN)
					in_mark = true;
			if (!in_mark)
				span_add(out, a, a + len);
			p++;
		}
	}
}

static int
span_cmp(const void *x, const void *y)
{
	const struct span *a = x, *b = y;

	return a->a < b->a ? -1 : a->a > b->a ? 1 : (a->b < b->b ? -1 : a->b > b->b);
}

static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 'a' - 'A') : c;
}

/* Does s[i..] start with w (lowercase), letters compared without case? */
static bool
word_at(const char *s, size_t n, size_t i, const char *w, size_t wl)
{
	size_t k;

	if (i + wl > n)
		return false;
	for (k = 0; k < wl; k++) {
		if (lower((unsigned char)s[i + k]) != (unsigned char)w[k])
			return false;
	}
	return true;
}

#define AT(w) word_at(s, n, i, w, sizeof(w) - 1)
/* The word w begins k bytes before s[i]: s is the whole text here, never
 * a copy starting at i. */
#define BACK(k, w) (i >= (k) && word_at(s, n, i - (k), w, sizeof(w) - 1))

/* Is a word a rule looks for at or around s[i], where its bucket window
 * (pair_buckets) starts? (Checked where a pre-filter hit.) */
static bool
trigger_at(const char *s, size_t n, size_t i)
{
	switch (lower((unsigned char)s[i])) {
	case 's': return AT("sig");
	case 't': return AT("token");
	case 'u': return BACK(1, "auth");
	case 'b': return AT("bearer");
	case 'k': return AT("key");
	case 'c': return AT("cookie") || AT("credential") || BACK(2, "secret");
	case 'd': return AT("dsn") || AT("database");
	case 'p': return AT("pass") || AT("pwd") || BACK(7, "github_pat_") || BACK(2, "glpat-");
	case 'i': return BACK(3, "mariadb");
	case 'h': return BACK(1, "ghp_") || BACK(1, "gho_") || BACK(1, "ghu_") ||
	    BACK(1, "ghs_") || BACK(1, "ghr_");
	case 'x': return AT("xoxb-") || AT("xoxp-") || AT("xoxa-") || AT("xoxr-") ||
	    AT("xoxs-") || AT("xapp-");
	case 'y': return BACK(1, "mysql");
	case 'e': return AT("eyj");
	case ':': return AT("://");
	default: return false;
	}
}

#ifdef __SSE2__
/* Positions among 16 where a word's window (pair_buckets) may start, by
 * its first two bytes (raw_a: the bytes, raw_b: the same one further),
 * bit 5 forced on (lowercase letters; ':' and '/' have it already). A
 * superset: every hit is checked by trigger_at. */
static unsigned
pair_hits16(__m128i raw_a, __m128i raw_b)
{
	const __m128i bit5 = _mm_set1_epi8(0x20);
	__m128i a = _mm_or_si128(raw_a, bit5), b = _mm_or_si128(raw_b, bit5);
	__m128i m;

#define F(c) _mm_cmpeq_epi8(a, _mm_set1_epi8(c))
#define S(c) _mm_cmpeq_epi8(b, _mm_set1_epi8(c))
	m = _mm_and_si128(F('s'), S('i'));
	m = _mm_or_si128(m, _mm_and_si128(F('t'), S('o')));
	m = _mm_or_si128(m, _mm_and_si128(F('u'), S('t')));
	m = _mm_or_si128(m, _mm_and_si128(F('b'), S('e')));
	m = _mm_or_si128(m, _mm_and_si128(F('k'), S('e')));
	m = _mm_or_si128(m, _mm_and_si128(F('c'), _mm_or_si128(S('o'), S('r'))));
	m = _mm_or_si128(m, _mm_and_si128(F('d'), _mm_or_si128(S('s'), S('a'))));
	m = _mm_or_si128(m, _mm_and_si128(F('p'), _mm_or_si128(S('a'), S('w'))));
	m = _mm_or_si128(m, _mm_and_si128(F('i'), S('a')));
	/* (g)hp_, (g)ho_, (g)hu_, (g)hs_, (g)hr_ */
	m = _mm_or_si128(m, _mm_and_si128(F('h'), _mm_or_si128(_mm_or_si128(S('p'), S('o')),
	    _mm_or_si128(_mm_or_si128(S('u'), S('s')), S('r')))));
	m = _mm_or_si128(m, _mm_and_si128(F('x'), _mm_or_si128(S('o'), S('a'))));
	m = _mm_or_si128(m, _mm_and_si128(F('y'), S('s')));
	m = _mm_or_si128(m, _mm_and_si128(F('e'), S('y')));
	m = _mm_or_si128(m, _mm_and_si128(F(':'), S('/')));
#undef F
#undef S
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* Does a registered secret start at s[i]? */
static bool
secret_at(const struct redactor *r, const char *s, size_t n, size_t i)
{
	size_t k;

	for (k = 0; r != NULL && k < r->n; k++)
		if (i + r->lens[k] <= n && memcmp(s + i, r->secrets[k], r->lens[k]) == 0)
			return true;
	return false;
}

#ifdef __SSE2__
/* The sixteen starts s[i..i+16) (only those under mask): a and b are
 * s[i..] and s[i+1..]; the rare pair hits are checked in full. */
static bool
block_might(const struct redactor *r, const char *s, size_t n, size_t i, __m128i a,
    __m128i b, unsigned mask)
{
	unsigned hits = pair_hits16(a, b) & mask, own = 0;
	size_t k;

	for (k = 0; r != NULL && k < r->n; k++)
		own |= (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpeq_epi8(a, _mm_set1_epi8(r->secrets[k][0])),
		    _mm_cmpeq_epi8(b, _mm_set1_epi8(r->secrets[k][1]))));
	for (own &= mask; hits != 0; hits &= hits - 1)
		if (trigger_at(s, n, i + (size_t)__builtin_ctz(hits)))
			return true;
	for (; own != 0; own &= own - 1)
		if (secret_at(r, s, n, i + (size_t)__builtin_ctz(own)))
			return true;
	return false;
}
#endif

static bool
might_scalar(const struct redactor *r, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (trigger_at(s, n, i) || secret_at(r, s, n, i))
			return true;
	return false;
}

#ifdef __SSE2__
static bool
might_sse2(const struct redactor *r, const char *s, size_t n)
{
	size_t i = 0;
	char tail[33] = { 0 };

	/* Sixteen bytes at a time; only the rare pair hits (of the words, and
	 * of each registered secret's first two bytes) are looked at. */
	for (; i + 17 <= n; i += 16)
		if (block_might(r, s, n, i,
		    _mm_loadu_si128((const __m128i *)(const void *)(s + i)),
		    _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1)), 0xffff))
			return true;
	/* The last 1..16 starts, from a zero-padded copy: one more block
	 * instead of a byte-by-byte loop. A window or secret starting there
	 * lies wholly in the copy; zeros start none. Its hits are checked
	 * in s itself, where a word may begin before i. */
	if (i < n) {
		memcpy(tail, s + i, n - i);
		return block_might(r, s, n, i,
		    _mm_loadu_si128((const __m128i *)(const void *)tail),
		    _mm_loadu_si128((const __m128i *)(const void *)(tail + 1)),
		    (1u << (n - i)) - 1);
	}
	return false;
}
#endif

#ifdef HAVE_AVX2_PATH
/* Every word and secret is at least this long, so the last MIN_WORD - 1
 * bytes start none. */
#define MIN_WORD 3
_Static_assert(WR_REDACT_MIN_SECRET >= MIN_WORD, "a secret is at least MIN_WORD bytes");

/* Which of 32 starts may begin a word (*secret: a registered secret):
 * a holds the bytes at the starts, b and c the bytes one and two
 * further; t0..t5 the six nibble tables, each in both lanes. */
__attribute__((target("avx2"))) static inline unsigned
pair_hits32(__m256i a, __m256i b, __m256i c, __m256i t0, __m256i t1, __m256i t2,
    __m256i t3, __m256i t4, __m256i t5, unsigned *secret)
{
	__m256i m = redact_nib_buckets32(a, b, c, t0, t1, t2, t3, t4, t5);

	*secret = (unsigned)_mm256_movemask_epi8(m);	/* SECRET_BUCKET is bit 7 */
	return ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
	    _mm256_and_si256(m, _mm256_set1_epi8(SECRET_BUCKET - 1)), _mm256_setzero_si256()));
}

/* The hits among the 32 starts from i, under mask, checked in full. */
static bool
hits_might(const struct redactor *r, const char *s, size_t n, size_t i, unsigned words,
    unsigned secrets, unsigned mask)
{
	for (words &= mask; words != 0; words &= words - 1)
		if (trigger_at(s, n, i + (size_t)__builtin_ctz(words)))
			return true;
	for (secrets &= mask; secrets != 0; secrets &= secrets - 1)
		if (secret_at(r, s, n, i + (size_t)__builtin_ctz(secrets)))
			return true;
	return false;
}

/* One block of 32 starts from s + i (reading s[i .. i + 34)). */
#define LOAD32(p) _mm256_loadu_si256((const __m256i *)(const void *)(p))
#define BLOCK32(p, i, mask) \
	(words = pair_hits32(LOAD32((p) + (i)), LOAD32((p) + (i) + 1), LOAD32((p) + (i) + 2), \
	    t0, t1, t2, t3, t4, t5, &secrets), \
	    ((words | secrets) & (mask)) != 0 && hits_might(r, p, n, i, words, secrets, mask))

/* Thirty-two starts at a time with six table lookups (pshufb) instead of
 * 22 compares per 16; a hit is a start whose three bytes share a bucket. */
__attribute__((target("avx2"))) static bool
might_avx2(const struct redactor *r, const char *s, size_t n)
{
#define TABLE(k) \
	_mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)r->nib[k]))
	/* Six registers, not an array: an array was stored to the stack on
	 * every call. */
	const __m256i t0 = TABLE(0), t1 = TABLE(1), t2 = TABLE(2), t3 = TABLE(3),
	    t4 = TABLE(4), t5 = TABLE(5);
#undef TABLE
	unsigned words, secrets;
	size_t i = 0;

	if (n < 32 + 2) {
		char pad[64] = { 0 };

		/* Short: from a zero-padded copy; zeros start none, and the
		 * mask keeps starts inside s. */
		memcpy(pad, s, n);
		return BLOCK32(pad, 0, n >= 32 ? ~0u : (1u << n) - 1);
	}
	for (; i + 32 + 2 <= n; i += 32)
		if (BLOCK32(s, i, ~0u))
			return true;
	/* The starts i .. n - MIN_WORD left: one block ending at s[n - 1],
	 * overlapping the last, the starts already seen masked off. */
	if (i + MIN_WORD <= n) {
		size_t j = n - 34;

		return BLOCK32(s, j, ~0u << (i - j));
	}
	return false;
}
#undef BLOCK32
#undef LOAD32
#endif

bool
redact_might_path(const struct redactor *r, const char *s, size_t n, enum redact_path p)
{
#ifdef HAVE_AVX2_PATH
	if (wr_cpu_has_avx2() && r != NULL && r->nib_ready && (p == REDACT_PATH_AUTO || p == REDACT_PATH_AVX2))
		return might_avx2(r, s, n);
#endif
	if (p == REDACT_PATH_SCALAR)
		return might_scalar(r, s, n);
#ifdef __SSE2__
	return might_sse2(r, s, n);
#else
	return might_scalar(r, s, n);
#endif
}

bool
redact_might(const struct redactor *r, const char *s, size_t n)
{
	return redact_might_path(r, s, n, REDACT_PATH_AUTO);
}

#undef AT
#undef BACK

/* Every rule once over s: a malloc'd copy with each hit replaced, or NULL
 * when no rule hit. */
static char *
redact_pass(const struct redactor *r, const char *s)
{
	struct spans sp = { 0 };
	size_t n = strlen(s), i, at = 0, len = 0;
	char *out;

	rule_pem(s, n, &sp);
	rule_headers(s, n, &sp);
	rule_bearer(s, n, &sp);
	rule_userinfo(s, n, &sp);
	rule_query(s, n, &sp);
	rule_keyvalue(s, n, &sp);
	rule_jwt(s, n, &sp);
	rule_vendor(s, n, &sp);
	rule_webhook(s, n, &sp);
	rule_mysql(s, n, &sp);
	rule_registry(r, s, n, &sp);
	if (sp.n == 0)
		return NULL;
	qsort(sp.v, sp.n, sizeof(*sp.v), span_cmp);
	out = xmalloc(n + sp.n * MARK_LEN + 1);
	for (i = 0; i < sp.n; i++) {
		size_t a = sp.v[i].a, b = sp.v[i].b;

		/* Merge overlapping and touching ranges into one marker. */
		while (i + 1 < sp.n && sp.v[i + 1].a <= b) {
			if (sp.v[i + 1].b > b)
				b = sp.v[i + 1].b;
			i++;
		}
		if (a < at)
			a = at;
		memcpy(out + len, s + at, a - at);
		len += a - at;
		memcpy(out + len, WR_REDACTED, MARK_LEN);
		len += MARK_LEN;
		at = b;
	}
	memcpy(out + len, s + at, n - at);
	len += n - at;
	out[len] = '\0';
	free(sp.v);
	return out;
}

/* Passes until one changes nothing, so that redacting twice changes
 * nothing: a marker can complete what a rule looks for, which the pass
 * before did not see ("Coo" + a registered secret + "Cookie: a=b" leaves
 * "Coo[REDACTED]Cookie: a=b", a Cookie header now). Bounded, in case. */
#define MAX_PASSES 4

char *
redact_text(const struct redactor *r, const char *s)
{
	char *out = redact_pass(r, s), *next;
	int k;

	if (out == NULL)
		return xstrdup(s);
	for (k = 1; k < MAX_PASSES && (next = redact_pass(r, out)) != NULL; k++) {
		bool same = strcmp(next, out) == 0;

		free(out);
		out = next;
		if (same)
			break;
	}
	return out;
}

static void
set_string(cJSON *it, const char *v)
{
	if (strcmp(it->valuestring, v) != 0)
		cJSON_SetValuestring(it, v);
}

/* A value under key: replaced whole for a secret key, credentials only for
 * an Authorization key, otherwise redacted as text. */
static void
redact_child(const struct redactor *r, cJSON *parent, cJSON *it, const char *key)
{
	size_t klen = key != NULL ? strlen(key) : 0;
	enum header_kind hk = key != NULL ? header_kind(key, klen) : HDR_NONE;
	bool secret = key != NULL && redact_key_is_secret(key, klen);

	if (cJSON_IsString(it) && it->valuestring != NULL) {
		if (hk == HDR_AUTH) {
			const char *s = it->valuestring;
			/* A JSON value is one header's: all after the scheme goes. */
			size_t n = strlen(s), e = n, c = auth_creds(s, 0, &e);
			char *v;

			if (c == n)
				return;
			v = xmalloc(c + MARK_LEN + 1);
			memcpy(v, s, c);
			memcpy(v + c, WR_REDACTED, MARK_LEN + 1);
			set_string(it, v);
			free(v);
		} else if (secret || hk == HDR_WHOLE) {
			if (it->valuestring[0] != '\0')
				set_string(it, WR_REDACTED);
		} else {
			char *v = redact_text(r, it->valuestring);

			set_string(it, v);
			free(v);
		}
	} else if (cJSON_IsNumber(it) && (secret || hk != HDR_NONE) && parent != NULL) {
		cJSON *rep = cJSON_CreateString(WR_REDACTED);

		/* Move the key over: ReplaceItemViaPointer keeps no name. */
		rep->string = it->string;
		rep->type |= it->type & cJSON_StringIsConst;
		it->string = NULL;
		cJSON_ReplaceItemViaPointer(parent, it, rep);
	} else if (cJSON_IsObject(it) || cJSON_IsArray(it)) {
		cJSON *c, *next;

		for (c = it->child; c != NULL; c = next) {
			next = c->next;
			redact_child(r, it, c, cJSON_IsObject(it) ? c->string : key);
		}
	}
}

void
redact_json(const struct redactor *r, cJSON *item)
{
	if (item != NULL)
		redact_child(r, NULL, item, NULL);
}
