/*
 * test_sshkey.c — OpenSSH fingerprint text and the kind of key a private
 * key file holds (fixtures made with ssh-keygen; throwaway test keys).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/sshkey.h"

static enum sshkey_kind
kind_of(const char *name)
{
	const char *top = getenv("top_srcdir");
	char path[1024], buf[8192];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/tests/unit/fixtures/sshkey/%s", top ? top : ".", name);
	f = fopen(path, "r");
	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	return sshkey_private_kind(buf, n);
}

static void
private_key_kinds(void **state)
{
	assert_int_equal(kind_of("ed25519"), SSHKEY_ED25519);
	assert_int_equal(kind_of("ecdsa"), SSHKEY_ECDSA);
	assert_int_equal(kind_of("rsa"), SSHKEY_RSA);
	assert_int_equal(kind_of("rsa_pem"), SSHKEY_RSA);
	assert_int_equal(kind_of("ed25519_pass"), SSHKEY_ENCRYPTED);
	assert_int_equal(sshkey_private_kind("garbage", 7), SSHKEY_UNKNOWN);
	assert_int_equal(sshkey_private_kind("-----BEGIN OPENSSH PRIVATE KEY-----\n!!!\n"
	    "-----END OPENSSH PRIVATE KEY-----\n", 75), SSHKEY_UNKNOWN);
}

static void
fingerprint_matches_openssh(void **state)
{
	/* SHA-256 of nothing, as OpenSSH would print it. */
	static const unsigned char empty[32] = {
		0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8,
		0x99, 0x6f, 0xb9, 0x24, 0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c,
		0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
	};
	char fp[64];

	sshkey_fingerprint(empty, fp, sizeof(fp));
	assert_string_equal(fp, "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
}

static void
base64_round_trip(void **state)
{
	const unsigned char in[] = "warroom\x01\xff";
	char enc[32];
	unsigned char dec[32];

	assert_int_equal(sshkey_base64_encode(in, 9, enc, sizeof(enc), 1), 12);
	assert_string_equal(enc, "d2Fycm9vbQH/");
	assert_int_equal(sshkey_base64_decode(enc, strlen(enc), dec, sizeof(dec)), 9);
	assert_memory_equal(dec, in, 9);
	assert_int_equal(sshkey_base64_encode((const unsigned char *)"a", 1, enc, sizeof(enc), 0), 2);
	assert_string_equal(enc, "YQ");
	assert_int_equal(sshkey_base64_encode((const unsigned char *)"a", 1, enc, 2, 1), -1);
	assert_int_equal(sshkey_base64_decode("a$b", 3, dec, sizeof(dec)), -1);
}

static void
blob_kinds(void **state)
{
	const unsigned char ed[] = "\0\0\0\x0bssh-ed25519";
	const unsigned char rsa[] = "\0\0\0\x07ssh-rsa";
	const unsigned char shortb[] = "\0\0\0\x20ssh";

	assert_int_equal(sshkey_blob_kind(ed, 15), SSHKEY_ED25519);
	assert_int_equal(sshkey_blob_kind(rsa, 11), SSHKEY_RSA);
	assert_int_equal(sshkey_blob_kind(shortb, 7), SSHKEY_UNKNOWN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(private_key_kinds),
		cmocka_unit_test(fingerprint_matches_openssh),
		cmocka_unit_test(base64_round_trip),
		cmocka_unit_test(blob_kinds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
