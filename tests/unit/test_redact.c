/*
 * test_redact.c — every redaction slot of DESIGN §3.3 on its own, a second
 * pass changing nothing, ordinary log lines left alone (near misses of each
 * vendor token, webhook and MySQL option too), and the canary: a token
 * planted in every slot never reaches the encoded journal lines or either
 * export.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/export.h"
#include "warroom/record.h"
#include "warroom/redact.h"

#define CANARY "cnryQ7"

static const struct {
	const char *in, *out;
} cases[] = {
	{ "Authorization: Bearer abcdef123456", "Authorization: Bearer [REDACTED]" },
	{ "proxy-authorization: Basic dXNlcjpwYXNz", "proxy-authorization: Basic [REDACTED]" },
	{ "Authorization: OAuth tok-1234", "Authorization: OAuth [REDACTED]" },
	/* A log line goes on after a one-token scheme's credentials. */
	{ "call Authorization: Bearer abc123 status=500 err=\"db down\"",
	  "call Authorization: Bearer [REDACTED] status=500 err=\"db down\"" },
	{ "Authorization: Digest username=\"u\", response=\"6629fae4\"",
	  "Authorization: Digest [REDACTED]" },
	{ "Cookie: session=abc; theme=dark", "Cookie: [REDACTED]" },
	{ "Set-Cookie: sid=xyz; HttpOnly", "Set-Cookie: [REDACTED]" },
	{ "X-Cachet-Token: abc123", "X-Cachet-Token: [REDACTED]" },
	{ "> x-auth-token:abc123\r\n> Accept: */*", "> x-auth-token:[REDACTED]\r\n> Accept: */*" },
	{ "curl -H 'Authorization: Bearer abcdefgh123' https://x",
	  "curl -H 'Authorization: Bearer [REDACTED]' https://x" },
	{ "{\"Authorization\": \"Bearer abcdefgh123\"}", "{\"Authorization\": \"Bearer [REDACTED]\"}" },
	/* A header inside a quoted string: its closing quote is the text's. */
	{ "echo \"calling upstream with Authorization: Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc\"",
	  "echo \"calling upstream with Authorization: Bearer [REDACTED]\"" },
	{ "run 'Authorization: Token abcdef123456' now", "run 'Authorization: Token [REDACTED]' now" },
	{ "echo \"with Authorization: Digest username=\"u\", response=\"6629fae4\"\"",
	  "echo \"with Authorization: Digest [REDACTED]\"" },
	/* A quote that closes nothing opened before is the credential's. */
	{ "say \"x\" Authorization: Bearer abcdef12345\"", "say \"x\" Authorization: Bearer [REDACTED]" },
	{ "sent with bearer abcdefgh.ijk-lmn/op= ok", "sent with bearer [REDACTED] ok" },
	{ "https://user:pw123@host/path", "https://user:[REDACTED]@host/path" },
	{ "postgres://u:pw@h/db", "postgres://u:[REDACTED]@h/db" },
	{ "GET /v1/x?access_token=abc&page=2 HTTP/1.1", "GET /v1/x?access_token=[REDACTED]&page=2 HTTP/1.1" },
	{ "https://s3/x?a=1&X-Amz-Signature=abc#f", "https://s3/x?a=1&X-Amz-Signature=[REDACTED]#f" },
	{ "https://h/cb?key=k1&sig=s2", "https://h/cb?key=[REDACTED]&sig=[REDACTED]" },
	{ "DB_PASSWORD=hunter2 next", "DB_PASSWORD=[REDACTED] next" },
	{ "export GITHUB_TOKEN=ghp_abc", "export GITHUB_TOKEN=[REDACTED]" },
	{ "api_token: xyz", "api_token: [REDACTED]" },
	{ "passwd = 'two words'", "passwd = '[REDACTED]'" },
	{ "{\"client_secret\": \"s3\\\"cr3t\", \"user\": \"bob\"}",
	  "{\"client_secret\": \"[REDACTED]\", \"user\": \"bob\"}" },
	{ "DATABASE_URL=postgres://u:p@h/db", "DATABASE_URL=[REDACTED]" },
	{ "SENTRY_DSN=https://k@o1.ingest.sentry.io/1", "SENTRY_DSN=[REDACTED]" },
	{ "private-key: abc", "private-key: [REDACTED]" },
	{ "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nAAAA\n-----END RSA PRIVATE KEY-----\n",
	  "key:\n-----BEGIN RSA PRIVATE KEY-----[REDACTED]-----END RSA PRIVATE KEY-----\n" },
	{ "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-abc_123 end", "jwt [REDACTED] end" },
	{ "registered s3cretvalue here", "registered [REDACTED] here" },
	/* Vendor tokens: the prefix kept, the rest redacted. */
	{ "git push with ghp_16C7e42F292c6912E7710c838347Ae178B4a ok",
	  "git push with ghp_[REDACTED] ok" },
	{ "gho_16C7e42F292c6912E7710c838347Ae178B4a", "gho_[REDACTED]" },
	{ "x=ghu_16C7e42F292c6912E7710c838347Ae178B4a;", "x=ghu_[REDACTED];" },
	{ "'ghs_16C7e42F292c6912E7710c838347Ae178B4aXY'", "'ghs_[REDACTED]'" },
	{ "(ghr_16C7e42F292c6912E7710c838347Ae178B4a)", "(ghr_[REDACTED])" },
	{ "GH=github_pat_11ABCDEFG0abcdefghijkl_mnopQRSTuv012 next",
	  "GH=github_pat_[REDACTED] next" },
	{ "bot xoxb-123456789012-1234567890123-AbCdEfGhIjKl up", "bot xoxb-[REDACTED] up" },
	{ "xoxp-1234567890 xoxa-2-abcdefghij xoxr-abcdefghij xoxs-abcdefghij",
	  "xoxp-[REDACTED] xoxa-[REDACTED] xoxr-[REDACTED] xoxs-[REDACTED]" },
	{ "app token xapp-1-A0123456789-0123456789-abcdef", "app token xapp-[REDACTED]" },
	{ "clone with glpat-xY_z-0123456789abcdefgh now", "clone with glpat-[REDACTED] now" },
	/* Webhook URLs whose path is the credential. */
	{ "curl -d @m.json https://hooks.slack.com/services/T0AAA0A0A/B0BBB0B0B/XXXXxxxxXXXXxxxx0000",
	  "curl -d @m.json https://hooks.slack.com/services/[REDACTED]" },
	{ "\"url\": \"https://HOOKS.slack.com/workflows/T01/A02/123/abcXYZ\"",
	  "\"url\": \"https://HOOKS.slack.com/workflows/[REDACTED]\"" },
	{ "POST https://discord.com/api/webhooks/112233445566/AbC-dEf_GhI?wait=true 204",
	  "POST https://discord.com/api/webhooks/112233445566/[REDACTED]?wait=true 204" },
	{ "https://discordapp.com/api/v10/webhooks/42/tok3n-x/slack",
	  "https://discordapp.com/api/v10/webhooks/42/[REDACTED]" },
	/* MySQL and MariaDB clients' -pPASSWORD. */
	{ "mysql -u root -pS3cr3t -h db shop", "mysql -u root -p[REDACTED] -h db shop" },
	{ "mysqldump -u root -pS3cr3t shop > shop.sql", "mysqldump -u root -p[REDACTED] shop > shop.sql" },
	{ "/usr/bin/mysqladmin -uroot -p'two words' status",
	  "/usr/bin/mysqladmin -uroot -p'[REDACTED]' status" },
	{ "mariadb-dump -p\"a\\\"b\" db; mariadb -pXy db",
	  "mariadb-dump -p\"[REDACTED]\" db; mariadb -p[REDACTED] db" },
	{ "argv [\"mysql\",\"-pS3cr3t\",\"shop\"]", "argv [\"mysql\",\"-p[REDACTED]\",\"shop\"]" },
	{ "kubectl exec mysql-0 -- mysql -uroot -pS3c\\ r3t -e 'show databases'",
	  "kubectl exec mysql-0 -- mysql -uroot -p[REDACTED] -e 'show databases'" },
	{ "mysql --password=S3cr3t shop", "mysql --password=[REDACTED] shop" },
	/* A marker completes a header or a token a first pass did not see:
	 * redacted at once, so a second pass changes nothing. */
	{ "Coos3cretvalueCookie: a=b", "Coo[REDACTED]Cookie: [REDACTED]" },
	{ "xs3cretvalueeyJa.b.c end", "x[REDACTED][REDACTED] end" },
};

static const char *const ordinary[] = {
	"2024-05-01T12:00:00Z INFO GET /api/v1/users?page=2&limit=50 200 12ms",
	"connection to db-1:5432 established",
	"user=alice action=login status=ok",
	"FATAL:  password authentication failed for user \"deploy\"",
	"Authorization failed for user bob",
	"keyboard interrupt received",
	"see https://example.com/docs#tokens for details",
	"docker compose up -d api",
	"the bearer of bad news",
	"eyJ is how a JWT starts",
	"tokenizer ready, 3 workers",
	"ssh deploy@10.0.0.5 -p 22",
	"git clone https://user@github.com/org/repo.git",
	"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
	"error_rate=7.9% p95_ms=1500 verdict=ROLLBACK",
	"abc",
	"",
	/* Near misses of the vendor-token, webhook and MySQL rules. */
	"the ghost of ghp_tooshort and github_pattern_matcher",
	"xoxo, hugs; xoxb-short; xapp-",
	"glpat-0123456789 is too short",
	"https://hooks.slack.com/ and https://discord.com/channels/1/2 and https://slack.com/services/x",
	"ls -pla /var/lib/mysql && tar -pxf mysql.tar && mkdir -p /tmp/mysql",
	"mysql -u root -p shop; mysql -P 3306 -p",
	"mysql.service: Main process exited; mysql: [Warning] -pX is insecure",
	"ssh -p 2222 db; mysql -e 'select 1' | grep -pX",
};

static void
registry(struct redactor *r)
{
	redact_init(r);
	redact_add_secret(r, "s3cretvalue");
	redact_add_secret(r, "abc");            /* too short: ignored */
	redact_add_secret(r, "DACT");           /* must not eat "[REDACTED]" */
}

static void
every_slot_is_redacted(void **state)
{
	struct redactor r;
	size_t i;

	registry(&r);
	assert_int_equal(r.n, 2);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = redact_text(&r, cases[i].in);

		if (strcmp(out, cases[i].out) != 0)
			fail_msg("case %zu:\n  in:   %s\n  got:  %s\n  want: %s", i, cases[i].in,
			    out, cases[i].out);
		/* The hot path's pre-test must never wave a secret through. */
		if (!redact_might(&r, cases[i].in, strlen(cases[i].in)))
			fail_msg("case %zu: redact_might said no: %s", i, cases[i].in);
		free(out);
	}
	/* And it does say no to a plain log line. */
	assert_false(redact_might(&r, "2026-11-26T10:18:50.928Z INFO api req=5e1ba2e5 "
	    "ip=10.19.202.248 GET /api/orders status=200 dur_ms=19 tag=v1.4.1", 108));
	redact_free(&r);
}

/* The pre-test works 16 bytes at a time with a padded last block: every
 * word and secret, at every offset, ending anywhere up to the line's end,
 * must be seen; the filler alone must not. */
static void
pre_test_sees_words_at_every_offset(void **state)
{
	static const char *const words[] = { "secret", "sig", "token", "pass", "pwd", "key",
		"dsn", "database", "auth", "cookie", "credential", "bearer", "eyJ", "://",
		"TOKEN", "Bearer", "AUTH", "SECRET", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
		"github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xapp-",
		"mysql", "mariadb", "MySQL", "MariaDB", "PRIVATE KEY" };
	struct redactor r;
	char line[128];
	size_t w, off, n;
	enum redact_path p;

	registry(&r);
	for (w = 0; w < sizeof(words) / sizeof(words[0]) + r.n; w++) {
		const char *word = w < sizeof(words) / sizeof(words[0]) ? words[w] :
		    r.secrets[w - sizeof(words) / sizeof(words[0])];

		for (off = 0; off < 80; off++) {
			memset(line, 'x', sizeof(line));
			memcpy(line + off, word, strlen(word));
			for (n = off + strlen(word); n < off + strlen(word) + 40 && n <= sizeof(line); n++)
				for (p = REDACT_PATH_AUTO; p <= REDACT_PATH_AVX2; p++)
					if (!redact_might_path(&r, line, n, p))
						fail_msg("\"%s\" at %zu in %zu bytes not seen (path %d)",
						    word, off, n, (int)p);
		}
	}
	memset(line, 'x', sizeof(line));
	for (n = 0; n <= sizeof(line); n++)
		for (p = REDACT_PATH_AUTO; p <= REDACT_PATH_AVX2; p++)
			assert_false(redact_might_path(&r, line, n, p));
	redact_free(&r);
}

/* The AVX2, SSE2 and scalar pre-tests agree on random lines made of the
 * bytes the words start with (upper and lower case), the bytes the
 * nibble buckets also take in ('*', '=', '\r', high bytes), the
 * secrets' bytes and filler, at every length up to 200. Each path is only
 * a superset test, but all three check every hit exactly, so they must
 * give the same answer. */
static void
pre_test_paths_agree(void **state)
{
	static const char alphabet[] = "stbkcdpae:-/ioruywSTBKCDPAEIORUYW*=\r\n\x80\xff\x00"
	    "xyz019 _.?&[]\"'JjsS3DACTghmqlHGXMQ\x7f";
	static const char *const words[] = { "secret", "SIG", "Token", "pass", "pwd", "kEy",
		"dsn", "database", "auth", "cookie", "credential", "bearer", "eyJ", "://",
		"-----", "s3cretvalue", "DACT", "\xc3\xa9tait-secret", "Q*=q-zz", "ghp_", "GHS_",
		"github_pat_", "glpat-", "xoxb-", "xapp-", "mysql", "MariaDB", "ysq", "iadb",
		"hp_" };
	struct redactor r;
	char line[256];
	uint64_t x = 0x243f6a8885a308d3ull;
	size_t it, n, i, said = 0;

	(void)state;
	registry(&r);
	redact_add_secret(&r, "\xc3\xa9tait-secret");   /* a first byte >= 0x80 */
	redact_add_secret(&r, "Q*=q-zz");
	for (it = 0; it < 200000; it++) {
		bool a, b, c;
		char *exact;

		n = it % 201;
		for (i = 0; i < n; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			/* Mostly filler, so that many lines hold no word at all. */
			line[i] = (x >> 40) % 8 != 0 ? 'x' : alphabet[(x >> 8) % (sizeof(alphabet) - 1)];
		}
		/* Half the lines get a word, a secret or a near miss (the word
		 * one byte short), anywhere, possibly running past the end. */
		if (n > 0 && (x >> 20) % 2 == 0) {
			const char *w = words[(x >> 24) % (sizeof(words) / sizeof(words[0]))];
			size_t at = (size_t)(x >> 32) % n, wl = strlen(w) - (x >> 30) % 2;

			memcpy(line + at, w, at + wl <= n ? wl : n - at);
		}
		/* An exact-size copy on the heap: ASan sees any read past it. */
		exact = malloc(n > 0 ? n : 1);
		assert_non_null(exact);
		memcpy(exact, line, n);
		a = redact_might_path(&r, exact, n, REDACT_PATH_AVX2);
		b = redact_might_path(&r, exact, n, REDACT_PATH_SSE2);
		c = redact_might_path(&r, exact, n, REDACT_PATH_SCALAR);
		free(exact);
		if (a != c || b != c)
			fail_msg("paths disagree on %zu bytes: avx2 %d sse2 %d scalar %d", n, a, b, c);
		said += c;
	}
	/* Both answers came up often enough to mean something. */
	assert_true(said > 20000 && said < 180000);
	redact_free(&r);
}

static void
redacting_twice_changes_nothing(void **state)
{
	struct redactor r;
	size_t i;

	registry(&r);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *once = redact_text(&r, cases[i].in), *twice = redact_text(&r, once);

		if (strcmp(once, twice) != 0)
			fail_msg("case %zu not idempotent:\n  once:  %s\n  twice: %s", i, once, twice);
		free(once);
		free(twice);
	}
	redact_free(&r);
}

static void
ordinary_log_lines_are_left_alone(void **state)
{
	struct redactor r;
	size_t i;

	registry(&r);
	for (i = 0; i < sizeof(ordinary) / sizeof(ordinary[0]); i++) {
		char *out = redact_text(&r, ordinary[i]);

		if (strcmp(out, ordinary[i]) != 0)
			fail_msg("false positive:\n  in:  %s\n  got: %s", ordinary[i], out);
		free(out);
	}
	redact_free(&r);
}

/* Words that look like the new prefixes do not even pass the pre-test. */
static void
near_misses_pass_no_pre_test(void **state)
{
	static const char *const lines[] = {
		"the ghost town", "xoxo, hugs", "ls -pla /var/lib && tar -pxf a.tar",
		"see github_pattern", "php_info() and echo_off", "xapp_1 xoxb_2",
		"GHPP_ and gho-", "my sql is fine", "maria db",
	};
	struct redactor r;
	enum redact_path p;
	size_t i;

	(void)state;
	registry(&r);
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		for (p = REDACT_PATH_AUTO; p <= REDACT_PATH_AVX2; p++)
			if (redact_might_path(&r, lines[i], strlen(lines[i]), p))
				fail_msg("pre-test said yes (path %d): %s", (int)p, lines[i]);
	redact_free(&r);
}

static void
json_values_under_secret_keys_are_replaced_whole(void **state)
{
	cJSON *d = cJSON_Parse("{\"password\":\"p w\",\"pin_token\":1234,"
	    "\"headers\":{\"Authorization\":\"Basic abc\",\"Cookie\":\"a=b\"},"
	    "\"tokens\":[\"t1\",\"t2\"],\"note\":\"ok, DB_PASSWORD=x\",\"n\":5}");
	char *s;

	redact_json(NULL, d);
	s = cJSON_PrintUnformatted(d);
	assert_string_equal(s, "{\"password\":\"[REDACTED]\",\"pin_token\":\"[REDACTED]\","
	    "\"headers\":{\"Authorization\":\"Basic [REDACTED]\",\"Cookie\":\"[REDACTED]\"},"
	    "\"tokens\":[\"[REDACTED]\",\"[REDACTED]\"],\"note\":\"ok, DB_PASSWORD=[REDACTED]\","
	    "\"n\":5}");
	cJSON_free(s);
	cJSON_Delete(d);
}

/* Build the journal a console would write, with a canary in every slot. */
static void
canary_never_reaches_the_journal_or_the_exports(void **state)
{
	static const char *const texts[] = {
		"Authorization: Bearer " CANARY "hdr00001",
		"Proxy-Authorization: Basic " CANARY "proxy001",
		"Cookie: session=" CANARY "cookie",
		"X-Cachet-Token: " CANARY "xtoken",
		"retrying with bearer " CANARY "bearer01 now",
		"git push https://deploy:" CANARY "userinfo@git.example.com/repo",
		"GET /v1/metrics?access_token=" CANARY "query HTTP/1.1",
		"METRICS_TOKEN=" CANARY "kv and more",
		"password: " CANARY "colon",
		"{\"api_key\": \"" CANARY "json\"}",
		"db postgres://app:" CANARY "dsn@db:5432/app",
		"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNz" CANARY "pem\n"
		    "-----END OPENSSH PRIVATE KEY-----",
		"jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0." CANARY "sig",
		"echo hunter-" CANARY "reg-42 | tee x",
		"GIT_ASKPASS says ghp_" CANARY "abcdefghijklmnopqrstuvwxyz0123",
		"fine-grained github_pat_11" CANARY "finegrained_0123 used",
		"glpat-" CANARY "gitlab0123456789",
		"slack bot xoxb-1234-" CANARY "slack, app xapp-1-A" CANARY "app",
		"posted to https://hooks.slack.com/services/T01/B02/" CANARY "hook",
		"POST https://discord.com/api/webhooks/42/" CANARY "disc 204",
		"mysqldump -uroot -p" CANARY "my shop > shop.sql",
	};
	struct record_list l = { 0 };
	struct record_scan s;
	struct redactor red;
	struct export_opts o = {
		.id = "canary-000001", .tz_off = 3600, .tz_label = "Europe/Paris",
	};
	char *journal = NULL, *out;
	size_t jlen = 0, len, i;
	uint32_t prev = 0;
	enum export_format f;

	redact_init(&red);
	redact_add_secret(&red, "hunter-" CANARY "reg-42");
	redact_add_secret(&red, "db-" CANARY "host");
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]) + 2; i++) {
		struct record r = { 0 };
		char *line;
		size_t n;

		r.seq = i + 1;
		r.ts_ms = 1714564800000LL + (int64_t)i * 1000;
		r.actor = redact_text(&red, "alice@ws");
		r.kind = "note";
		r.data = cJSON_CreateObject();
		if (i < sizeof(texts) / sizeof(texts[0])) {
			cJSON_AddStringToObject(r.data, "text", texts[i]);
		} else if (i == sizeof(texts) / sizeof(texts[0])) {
			r.kind = "action.intent";
			r.op = "op-1";
			r.host = redact_text(&red, "db-" CANARY "host");
			cJSON_AddStringToObject(r.data, "action", "rollback");
			cJSON_AddItemToObject(r.data, "plan", cJSON_Parse(
			    "{\"headers\":{\"Authorization\":\"Bearer " CANARY "plan1\"},"
			    "\"password\":\"" CANARY "plan2\",\"argv\":[\"--token=" CANARY "plan3\"]}"));
		} else {
			r.kind = "statuspage.post";
			cJSON_AddStringToObject(r.data, "status", "investigating");
			cJSON_AddStringToObject(r.data, "body", "see https://u:" CANARY "sp@status/x");
		}
		redact_json(&red, r.data);
		r.prev = prev;
		assert_int_equal(record_encode(&r, &line, &n, NULL), 0);
		prev = r.crc;
		journal = realloc(journal, jlen + n + 1);
		memcpy(journal + jlen, line, n + 1);
		jlen += n;
		free(line);
		free(r.actor);
		free(r.host);
		cJSON_Delete(r.data);
	}
	if (strstr(journal, CANARY) != NULL)
		fail_msg("canary in the journal:\n%s", strstr(journal, CANARY) - 40);
	record_scan(journal, jlen, 0, 0, 0, &l, &s);
	assert_false(s.torn || s.ndamage > 0);
	for (f = EXPORT_MD; f <= EXPORT_JSON; f++) {
		o.red = &red;
		assert_int_equal(export_render(f, l.v, l.n, &o, &out, &len, NULL), 0);
		if (strstr(out, CANARY) != NULL)
			fail_msg("canary in the %s export near: %.80s", f == EXPORT_MD ? "md" : "json",
			    strstr(out, CANARY) - 40);
		assert_non_null(strstr(out, "REDACTED"));
		free(out);
	}
	record_list_free(&l);
	record_scan_free(&s);
	free(journal);
	redact_free(&red);
}

/* An export re-redacts: records that reached it unredacted still leak nothing. */
static void
export_redacts_records_that_were_not(void **state)
{
	struct record r = { 0 };
	struct redactor red;
	struct export_opts o = { .id = "x-000001" };
	enum export_format f;
	char *out;
	size_t len;

	redact_init(&red);
	redact_add_secret(&red, CANARY "late");
	o.red = &red;
	r.seq = 1;
	r.actor = "a@b";
	r.kind = "note";
	r.host = CANARY "late";
	r.data = cJSON_Parse("{\"text\":\"Authorization: Bearer " CANARY "raw1\","
	    "\"token\":\"" CANARY "raw2\",\"x\":{\"y\":\"" CANARY "late\"}}");
	for (f = EXPORT_MD; f <= EXPORT_JSON; f++) {
		assert_int_equal(export_render(f, &r, 1, &o, &out, &len, NULL), 0);
		if (strstr(out, CANARY) != NULL)
			fail_msg("canary in export: %s", out);
		free(out);
	}
	cJSON_Delete(r.data);
	redact_free(&red);
}

/* The config's check: the first credential-named query parameter of a
 * URL, by the names redaction uses; none in the path or after the #. */
static void
url_secret_param_is_named(void **state)
{
	const char *k = NULL;
	size_t n;

	(void)state;
	n = redact_url_secret_param("http://h/metrics?token=abc123secret", &k);
	assert_int_equal(n, 5);
	assert_memory_equal(k, "token", 5);
	n = redact_url_secret_param("http://h/m?a=1&Access_Token=x&sig=y", &k);
	assert_int_equal(n, 12);
	assert_memory_equal(k, "Access_Token", 12);
	assert_int_equal(redact_url_secret_param("http://h/token=x/metrics", &k), 0);
	assert_int_equal(redact_url_secret_param("http://h/m?tokens=1&key", &k), 0);
	assert_int_equal(redact_url_secret_param("http://h/m?a=1#&secret=x", &k), 0);
	n = redact_url_secret_param("http://h/m?password=", &k);
	assert_int_equal(n, 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_slot_is_redacted),
		cmocka_unit_test(pre_test_sees_words_at_every_offset),
		cmocka_unit_test(pre_test_paths_agree),
		cmocka_unit_test(redacting_twice_changes_nothing),
		cmocka_unit_test(ordinary_log_lines_are_left_alone),
		cmocka_unit_test(near_misses_pass_no_pre_test),
		cmocka_unit_test(json_values_under_secret_keys_are_replaced_whole),
		cmocka_unit_test(canary_never_reaches_the_journal_or_the_exports),
		cmocka_unit_test(export_redacts_records_that_were_not),
		cmocka_unit_test(url_secret_param_is_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
