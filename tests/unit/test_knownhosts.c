/*
 * test_knownhosts.c — known_hosts lines as OpenSSH reads them: markers,
 * host patterns (wildcards, negation, hashed names from ssh-keygen -H),
 * a revoked key found with its line, and the line K appends (on a line of
 * its own, hashed as ssh-keygen would). The HMAC is libcrypto's, as the
 * console's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "warroom/knownhosts.h"
#include "warroom/sshkey.h"

#define KEY "AAAAC3NzaC1lZDI1NTE5AAAAIM0yQ7tYXMC/riJjFU8HOJtvc8Wc3FbTvpfTLAuJY77p"
#define OTHER "AAAAC3NzaC1lZDI1NTE5AAAAIAn0wAgS1t3Rm0F4l1ZyJk2t2m2wLvh8fQ9G6a3c0s1Z"
/* ssh-keygen -H of "[127.0.0.1]:2222 ssh-ed25519 KEY". */
#define HASHED "|1|LPqCzuK/BeCCu8cHYj91zYS91i0=|xCxbNjSDG3d34NcrIByme5q/DBM="

static void
hmac_sha1(const unsigned char *key, size_t keylen, const unsigned char *data, size_t len,
    unsigned char out[20])
{
	unsigned int n = 20;

	HMAC(EVP_sha1(), key, (int)keylen, data, len, out, &n);
}

static size_t
blob(const char *b64, unsigned char *out, size_t cap)
{
	return (size_t)sshkey_base64_decode(b64, strlen(b64), out, cap);
}

static void
lines_split_with_their_markers(void **state)
{
	struct knownhosts_line l;
	const char *s;

	s = "@revoked * ssh-ed25519 " KEY " old key\n";
	assert_int_equal(knownhosts_split(s, strlen(s), &l), 1);
	assert_int_equal(l.marker, KNOWNHOSTS_REVOKED);
	assert_int_equal(l.hosts_len, 1);
	assert_memory_equal(l.keytype, "ssh-ed25519", l.keytype_len);
	assert_int_equal(l.key_len, strlen(KEY));
	s = "@cert-authority *.example.com ssh-ed25519 " KEY;
	assert_int_equal(knownhosts_split(s, strlen(s), &l), 1);
	assert_int_equal(l.marker, KNOWNHOSTS_CA);
	assert_int_equal(l.hosts_len, strlen("*.example.com"));
	s = "  [10.0.0.5]:2222,web1 ssh-ed25519 " KEY "\r\n";
	assert_int_equal(knownhosts_split(s, strlen(s), &l), 1);
	assert_int_equal(l.marker, KNOWNHOSTS_PLAIN);
	assert_memory_equal(l.hosts, "[10.0.0.5]:2222,web1", l.hosts_len);
	assert_int_equal(l.key_len, strlen(KEY));
	assert_int_equal(knownhosts_split("# a comment\n", 12, &l), 0);
	assert_int_equal(knownhosts_split("   \n", 4, &l), 0);
	assert_int_equal(knownhosts_split("@revoked web1\n", 14, &l), -1);
	assert_int_equal(knownhosts_split("web1 ssh-ed25519", 16, &l), -1);
}

static void
patterns_match_as_ssh_does(void **state)
{
#define M(pat, name) knownhosts_hosts_match(pat, strlen(pat), name, hmac_sha1)
	assert_true(M("*", "[127.0.0.1]:14501"));
	assert_true(M("[127.0.0.1]:14501", "[127.0.0.1]:14501"));
	assert_false(M("127.0.0.1", "[127.0.0.1]:14501"));
	assert_true(M("web1,web2", "web2"));
	assert_true(M("WEB?.example.com", "web1.example.com"));
	assert_false(M("web?.example.com", "web10.example.com"));
	assert_true(M("*.example.com", "db.example.com"));
	assert_false(M("*.example.com,!db.example.com", "db.example.com"));
	assert_true(M("*.example.com,!db.example.com", "web.example.com"));
	assert_false(M("!web1", "web1"));
	assert_false(M("!web1", "web2"));      /* only a veto: nothing positive */
	assert_true(M("a*b*c", "aXXbYYc"));
	assert_false(M("a*b*c", "aXXbYY"));
	assert_true(M(HASHED, "[127.0.0.1]:2222"));
	assert_false(M(HASHED, "[127.0.0.1]:2223"));
	assert_false(knownhosts_hosts_match(HASHED, strlen(HASHED), "[127.0.0.1]:2222", NULL));
#undef M
}

static void
a_revoked_key_is_found_with_its_line(void **state)
{
	unsigned char key[128], other[128];
	size_t kn = blob(KEY, key, sizeof(key)), on = blob(OTHER, other, sizeof(other));
	const char *file =
	    "# team keys\n"
	    "[127.0.0.1]:14501 ssh-ed25519 " KEY "\n"
	    "@cert-authority * ssh-ed25519 " KEY "\n"
	    "@revoked [127.0.0.1]:14502 ssh-ed25519 " KEY "\n"
	    "@revoked [127.0.0.1]:14501 ssh-ed25519 " OTHER "\n"
	    "@revoked " HASHED " ssh-ed25519 " KEY "\n"
	    "@revoked * ssh-ed25519 " OTHER;          /* no final newline */

	/* A plain line and a CA line for the key are not revocations. */
	assert_int_equal(knownhosts_find_revoked(file, strlen(file), "[127.0.0.1]:14501", key,
	    kn, hmac_sha1), 0);
	assert_int_equal(knownhosts_find_revoked(file, strlen(file), "[127.0.0.1]:14502", key,
	    kn, hmac_sha1), 4);
	assert_int_equal(knownhosts_find_revoked(file, strlen(file), "[127.0.0.1]:14501",
	    other, on, hmac_sha1), 5);
	assert_int_equal(knownhosts_find_revoked(file, strlen(file), "[127.0.0.1]:2222", key,
	    kn, hmac_sha1), 6);
	assert_int_equal(knownhosts_find_revoked(file, strlen(file), "anything", other, on,
	    hmac_sha1), 7);
}

/* Whether a host's key is there at all: its own line, a pattern or a
 * hashed name; never a revocation or a CA's key. */
static void
a_host_is_found_by_its_own_line(void **state)
{
	const char *file =
	    "# team keys\n"
	    "@revoked [127.0.0.1]:14502 ssh-ed25519 " KEY "\n"
	    "@cert-authority db-* ssh-ed25519 " KEY "\n"
	    "[127.0.0.1]:14501 ssh-ed25519 " KEY "\n"
	    "web?,!web9 ssh-ed25519 " KEY "\n"
	    HASHED " ssh-ed25519 " KEY;               /* no final newline */

	assert_int_equal(knownhosts_find_name(file, strlen(file), "[127.0.0.1]:14501",
	    hmac_sha1), 4);
	assert_int_equal(knownhosts_find_name(file, strlen(file), "[127.0.0.1]:14502",
	    hmac_sha1), 0);
	assert_int_equal(knownhosts_find_name(file, strlen(file), "db-1", hmac_sha1), 0);
	assert_int_equal(knownhosts_find_name(file, strlen(file), "web1", hmac_sha1), 5);
	assert_int_equal(knownhosts_find_name(file, strlen(file), "web9", hmac_sha1), 0);
	assert_int_equal(knownhosts_find_name(file, strlen(file), "[127.0.0.1]:2222",
	    hmac_sha1), 6);
}

static void
the_entry_starts_on_a_line_of_its_own(void **state)
{
	unsigned char key[128];
	size_t kn = blob(KEY, key, sizeof(key));
	char out[512];
	long n = knownhosts_entry(-1, "[::1]:14501", "ssh-ed25519", key, kn, out, sizeof(out));

	assert_int_equal(n, strlen(out));
	assert_string_equal(out, "[::1]:14501 ssh-ed25519 " KEY "\n");
	knownhosts_entry('\n', "web1", "ssh-ed25519", key, kn, out, sizeof(out));
	assert_string_equal(out, "web1 ssh-ed25519 " KEY "\n");
	/* The file's last line has no newline: it is ended first. */
	knownhosts_entry('=', "web1", "ssh-ed25519", key, kn, out, sizeof(out));
	assert_string_equal(out, "\nweb1 ssh-ed25519 " KEY "\n");
	assert_int_equal(knownhosts_entry('\n', "web1", "ssh-ed25519", key, kn, out, 40), -1);
}

static void
a_hashed_name_is_what_ssh_keygen_writes(void **state)
{
	/* The salt of the ssh-keygen -H line above gives its hash again. */
	const unsigned char salt[20] = { 0x2c, 0xfa, 0x82, 0xce, 0xe2, 0xbf, 0x05, 0xe0, 0x82,
	    0xbb, 0xc7, 0x07, 0x62, 0x3f, 0x75, 0xcd, 0x84, 0xbd, 0xd6, 0x2d };
	char out[128];

	assert_int_equal(knownhosts_hash_name(salt, sizeof(salt), "[127.0.0.1]:2222", hmac_sha1,
	    out, sizeof(out)), 0);
	assert_string_equal(out, HASHED);
	assert_int_equal(knownhosts_hash_name(salt, sizeof(salt), "x", hmac_sha1, out, 20), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines_split_with_their_markers),
		cmocka_unit_test(patterns_match_as_ssh_does),
		cmocka_unit_test(a_revoked_key_is_found_with_its_line),
		cmocka_unit_test(a_host_is_found_by_its_own_line),
		cmocka_unit_test(the_entry_starts_on_a_line_of_its_own),
		cmocka_unit_test(a_hashed_name_is_what_ssh_keygen_writes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
