/*
 * redact.h — secrets out of any text before it is stored or shown
 * (DESIGN §3.3): auth headers (scheme kept), bearer tokens, URL passwords,
 * token-like query parameters, KEY=VALUE / KEY: VALUE / "key": "value"
 * with a secret-looking KEY, PEM private keys, JWTs, GitHub, GitLab and
 * Slack tokens (their prefix kept), Slack and Discord webhook URLs' secret
 * path, a MySQL/MariaDB client's -pPASSWORD, and the exact value of every
 * secret warroom loaded itself. Each hit becomes "[REDACTED]", so
 * redacting twice changes nothing.
 */
#ifndef WARROOM_REDACT_H
#define WARROOM_REDACT_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#define WR_REDACTED "[REDACTED]"
#define WR_REDACT_MIN_SECRET 4

/* The registry of secrets warroom loaded; patterns need no registration. */
struct redactor {
	char **secrets;
	size_t *lens;                    /* strlen of each, for the hot path */
	size_t n;
	/* redact_might's tables (nibble -> bucket bits: first byte low,
	 * first high, second low, second high, third low, third high), set by
	 * redact_init and redact_add_secret; without them (nib_ready false)
	 * it takes the slower path that needs none. */
	unsigned char nib[6][16];
	bool nib_ready;
};

void redact_init(struct redactor *r);
void redact_free(struct redactor *r);

/* Register a loaded secret's exact value; values shorter than
 * WR_REDACT_MIN_SECRET bytes are ignored (they would mangle ordinary text). */
void redact_add_secret(struct redactor *r, const char *secret);

/* False only when no rule can match in s[0..n): none of the words the
 * rules look for (case-insensitive: secret, token, pass, pwd, key, dsn,
 * auth, cookie, bearer, credential, database, sig, "://", eyJ, ghp_ gho_
 * ghu_ ghs_ ghr_ github_pat_ glpat- xoxb- xoxp- xoxa- xoxr- xoxs- xapp-,
 * mysql, mariadb) nor a registered secret occurs. A cheap test before
 * redact_text on a hot path; true does not mean there is a secret. */
bool redact_might(const struct redactor *r, const char *s, size_t n);

/* For tests: redact_might on one implementation. A path this build or CPU
 * lacks falls back to the one redact_might would take. */
enum redact_path { REDACT_PATH_AUTO, REDACT_PATH_SCALAR, REDACT_PATH_SSE2, REDACT_PATH_AVX2 };
bool redact_might_path(const struct redactor *r, const char *s, size_t n, enum redact_path p);

/* Does a key name (k[0..len)) say "secret", as KEY=VALUE and JSON keys are
 * judged: SECRET, TOKEN, PASSWORD, API_KEY, CREDENTIAL… in any case. */
bool redact_key_is_secret(const char *k, size_t len);

/* The first query parameter of url (before any #) whose name says it is a
 * credential (token, access_token, api_key, key, secret, password, sig,
 * signature, auth…, as redaction knows them): its name's length, with
 * *name pointing at it in url; 0 when there is none. */
size_t redact_url_secret_param(const char *url, const char **name);

/* A malloc'd copy of s with every secret replaced. r may be NULL (patterns only). */
char *redact_text(const struct redactor *r, const char *s);

/* Redact every string in item, recursively through objects and arrays, in
 * place; a string or number under a secret-looking key is replaced whole. */
void redact_json(const struct redactor *r, cJSON *item);

#endif
