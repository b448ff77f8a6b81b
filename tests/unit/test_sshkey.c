/*
 * test_sshkey.c — OpenSSH fingerprint text, the kind of key a private
 * key file holds, and whether a file named as an identity is a usable
 * private key (fixtures made with ssh-keygen; throwaway test keys).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/sha256.h"
#include "warroom/sshkey.h"

static size_t
fixture(const char *name, char *buf, size_t cap)
{
	const char *top = getenv("top_srcdir");
	char path[1024];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/tests/unit/fixtures/sshkey/%s", top ? top : ".", name);
	f = fopen(path, "r");
	assert_non_null(f);
	n = fread(buf, 1, cap, f);
	fclose(f);
	return n;
}

static enum sshkey_kind
kind_of(const char *name)
{
	char buf[8192];
	size_t n = fixture(name, buf, sizeof(buf));

	return sshkey_private_kind(buf, n);
}

static enum sshkey_file
format_of(const char *name)
{
	char buf[8192];
	size_t n = fixture(name, buf, sizeof(buf));

	return sshkey_file_format(buf, n);
}

/* Every private key ssh-keygen writes, passphrase or not, is one; the
 * public half and anything else are not. */
static void
file_formats(void **state)
{
	static const char pem_after_text[] = "Bag Attributes\n    localKeyID: 01\n"
	    "-----BEGIN PRIVATE KEY-----\r\nMIIB\r\n-----END PRIVATE KEY-----\r\n";
	static const char rfc4716[] = "---- BEGIN SSH2 PUBLIC KEY ----\nAAAAC3Nz\n"
	    "---- END SSH2 PUBLIC KEY ----\n";

	assert_int_equal(format_of("ed25519"), SSHKEY_FILE_PRIVATE);
	assert_int_equal(format_of("ecdsa"), SSHKEY_FILE_PRIVATE);
	assert_int_equal(format_of("rsa_pem"), SSHKEY_FILE_PRIVATE);
	assert_int_equal(format_of("ed25519_pass"), SSHKEY_FILE_PRIVATE);
	assert_int_equal(format_of("ed25519.pub"), SSHKEY_FILE_PUBLIC);
	assert_int_equal(sshkey_file_format(pem_after_text, strlen(pem_after_text)),
	    SSHKEY_FILE_PRIVATE);
	assert_int_equal(sshkey_file_format(rfc4716, strlen(rfc4716)), SSHKEY_FILE_PUBLIC);
	assert_int_equal(sshkey_file_format("-----BEGIN PUBLIC KEY-----\nMFkw\n", 32),
	    SSHKEY_FILE_PUBLIC);
	assert_int_equal(sshkey_file_format("PuTTY-User-Key-File-3: ssh-ed25519\n", 35),
	    SSHKEY_FILE_PUTTY);
	assert_int_equal(sshkey_file_format("this is not a key\n", 18), SSHKEY_FILE_OTHER);
	assert_int_equal(sshkey_file_format("ssh-ed25519 is my key type\n", 27),
	    SSHKEY_FILE_OTHER);
	assert_int_equal(sshkey_file_format("", 0), SSHKEY_FILE_OTHER);
	/* The marker must be a line of its own, not a mention in text. */
	assert_int_equal(sshkey_file_format("see -----BEGIN OPENSSH PRIVATE KEY-----\n", 40),
	    SSHKEY_FILE_OTHER);
}

static void
identity_check_says_why_and_the_fix(void **state)
{
	char buf[8192], why[512];
	size_t n;

	(void)state;
	n = fixture("ed25519", buf, sizeof(buf));
	assert_int_equal(sshkey_identity_check("/k/id", buf, n, 0100600, true, why,
	    sizeof(why)), 0);
	assert_int_equal(sshkey_identity_check("/k/id", buf, n, 0100400, true, why,
	    sizeof(why)), 0);
	assert_int_equal(sshkey_identity_check("/k/id", buf, n, 0100644, true, why,
	    sizeof(why)), -1);
	assert_string_equal(why, "permissions 0644 are too open (ssh would ignore this key "
	    "too); chmod 600 /k/id");
	/* Someone else's key (root's, read by a service user): OpenSSH's rule
	 * is only for our own files. */
	assert_int_equal(sshkey_identity_check("/k/id", buf, n, 0100644, false, why,
	    sizeof(why)), 0);

	n = fixture("ed25519.pub", buf, sizeof(buf));
	assert_int_equal(sshkey_identity_check("/k/id.pub", buf, n, 0100644, true, why,
	    sizeof(why)), -1);
	assert_string_equal(why, "this is the public key; name the private key /k/id");
	assert_int_equal(sshkey_identity_check("/k/deploy", buf, n, 0100600, true, why,
	    sizeof(why)), -1);
	assert_string_equal(why, "this is a public key; name its private key (the file "
	    "ssh-keygen wrote beside the .pub)");

	assert_int_equal(sshkey_identity_check("/k/notes", "hello\n", 6, 0100600, true, why,
	    sizeof(why)), -1);
	assert_string_equal(why, "this is not a private key (no \"-----BEGIN … PRIVATE "
	    "KEY-----\" line); name the private key file, as for ssh -i");
	assert_int_equal(sshkey_identity_check("/k/empty", "", 0, 0100600, true, why,
	    sizeof(why)), -1);
	assert_string_equal(why, "this file is empty; name the private key file, as for "
	    "ssh -i");
	assert_int_equal(sshkey_identity_check("/k/id.ppk", "PuTTY-User-Key-File-2: x\n", 25,
	    0100600, true, why, sizeof(why)), -1);
	assert_string_equal(why, "this is a PuTTY key, which libssh2 cannot read; convert "
	    "it: puttygen /k/id.ppk -O private-openssh -o KEYFILE");
}

/* Behind a passphrase the algorithm still shows (--check-config refuses
 * an RSA identity_file whether or not it has one). */
static void
private_key_algorithms(void **state)
{
	char buf[8192];
	size_t n;

	(void)state;
	n = fixture("rsa_pass", buf, sizeof(buf));
	assert_int_equal(sshkey_private_kind(buf, n), SSHKEY_ENCRYPTED);
	assert_int_equal(sshkey_private_algo(buf, n), SSHKEY_RSA);
	n = fixture("ed25519_pass", buf, sizeof(buf));
	assert_int_equal(sshkey_private_algo(buf, n), SSHKEY_ED25519);
	n = fixture("rsa_pem", buf, sizeof(buf));
	assert_int_equal(sshkey_private_algo(buf, n), SSHKEY_RSA);
	n = fixture("ecdsa", buf, sizeof(buf));
	assert_int_equal(sshkey_private_algo(buf, n), SSHKEY_ECDSA);
	assert_int_equal(sshkey_private_algo("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n",
	    43), SSHKEY_UNKNOWN);
	assert_int_equal(sshkey_private_algo("-----BEGIN RSA PRIVATE KEY-----\n"
	    "Proc-Type: 4,ENCRYPTED\n", 55), SSHKEY_RSA);
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

/* FIPS 180-4's examples, and a length whose padding takes a second block. */
static void
sha256_matches_fips_examples(void **state)
{
	static const unsigned char abc[32] = {
		0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde,
		0x5d, 0xae, 0x22, 0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c,
		0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad,
	};
	static const unsigned char two[32] = {
		0x24, 0x8d, 0x6a, 0x61, 0xd2, 0x06, 0x38, 0xb8, 0xe5, 0xc0, 0x26, 0x93,
		0x0c, 0x3e, 0x60, 0x39, 0xa3, 0x3c, 0xe4, 0x59, 0x64, 0xff, 0x21, 0x67,
		0xf6, 0xec, 0xed, 0xd4, 0x19, 0xdb, 0x06, 0xc1,
	};
	static const unsigned char thousand[32] = {
		0x41, 0xed, 0xec, 0xe4, 0x2d, 0x63, 0xe8, 0xd9, 0xbf, 0x51, 0x5a, 0x9b,
		0xa6, 0x93, 0x2e, 0x1c, 0x20, 0xcb, 0xc9, 0xf5, 0xa5, 0xd1, 0x34, 0x64,
		0x5a, 0xdb, 0x5d, 0xb1, 0xb9, 0x73, 0x7e, 0xa3,
	};
	char a[1000];
	unsigned char d[32];

	sha256("abc", 3, d);
	assert_memory_equal(d, abc, 32);
	sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, d);
	assert_memory_equal(d, two, 32);
	memset(a, 'a', sizeof(a));
	sha256(a, sizeof(a), d);
	assert_memory_equal(d, thousand, 32);
}

/* The old key a known_hosts line holds, as ssh-keygen -lf prints it. */
static void
known_hosts_line_fingerprint(void **state)
{
	char line[512], type[32], fp[64];
	size_t n = fixture("ed25519.pub", line, sizeof(line) - 40);

	line[n] = '\0';
	memmove(line + 18, line, n + 1);
	memcpy(line, "[127.0.0.1]:2201  ", 18);
	assert_int_equal(sshkey_known_line(line, type, sizeof(type), fp, sizeof(fp)), 0);
	assert_string_equal(type, "ssh-ed25519");
	assert_string_equal(fp, "SHA256:OanNnzZkvk5kSePRnT8Rdw5M95QGYW1sL4WeonB3yKw");
	memmove(line + 16, line, strlen(line) + 1);
	memcpy(line, "@cert-authority ", 16);
	assert_int_equal(sshkey_known_line(line, type, sizeof(type), fp, sizeof(fp)), 0);
	assert_string_equal(fp, "SHA256:OanNnzZkvk5kSePRnT8Rdw5M95QGYW1sL4WeonB3yKw");
	assert_int_equal(sshkey_known_line("# a comment\n", type, sizeof(type), fp,
	    sizeof(fp)), -1);
	assert_int_equal(sshkey_known_line("host ssh-ed25519\n", type, sizeof(type), fp,
	    sizeof(fp)), -1);
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

/* The public key a key file holds, as the agent lists it: from the .pub,
 * from an OpenSSH private key (behind a passphrase too), never from PEM. */
static void
public_blobs(void **state)
{
	static const char pass_pub[] = "AAAAC3NzaC1lZDI1NTE5AAAAIOR0/Q6azwKwDgXejwY1jcZX"
	    "OU3QDdY8vyK9tvvIdqKc";
	unsigned char from_pub[512], from_priv[512], want[512];
	char buf[8192];
	long a, b, w;
	size_t n;

	n = fixture("ed25519.pub", buf, sizeof(buf));
	a = sshkey_public_blob(buf, n, from_pub, sizeof(from_pub));
	n = fixture("ed25519", buf, sizeof(buf));
	b = sshkey_public_blob(buf, n, from_priv, sizeof(from_priv));
	assert_int_equal(a, 51);
	assert_int_equal(b, 51);
	assert_memory_equal(from_pub, from_priv, 51);
	assert_int_equal(sshkey_blob_kind(from_pub, 51), SSHKEY_ED25519);

	/* Behind a passphrase: what ssh-keygen -y prints, without asking. */
	n = fixture("ed25519_pass", buf, sizeof(buf));
	b = sshkey_public_blob(buf, n, from_priv, sizeof(from_priv));
	w = sshkey_base64_decode(pass_pub, strlen(pass_pub), want, sizeof(want));
	assert_int_equal(b, w);
	assert_memory_equal(from_priv, want, (size_t)w);

	n = fixture("ecdsa", buf, sizeof(buf));
	b = sshkey_public_blob(buf, n, from_priv, sizeof(from_priv));
	assert_true(b > 0);
	assert_int_equal(sshkey_blob_kind(from_priv, (size_t)b), SSHKEY_ECDSA);
	assert_int_equal(sshkey_public_blob(buf, n, from_priv, 10), -1);

	n = fixture("rsa_pem", buf, sizeof(buf));
	assert_int_equal(sshkey_public_blob(buf, n, from_priv, sizeof(from_priv)), -1);
	/* A line whose blob does not name its type, or no blob at all. */
	assert_int_equal(sshkey_public_blob("ssh-rsa AAAAC3NzaC1lZDI1NTE5\n", 29, from_priv,
	    sizeof(from_priv)), -1);
	assert_int_equal(sshkey_public_blob("ssh-ed25519\n", 12, from_priv,
	    sizeof(from_priv)), -1);
	assert_int_equal(sshkey_public_blob("", 0, from_priv, sizeof(from_priv)), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(private_key_kinds),
		cmocka_unit_test(private_key_algorithms),
		cmocka_unit_test(fingerprint_matches_openssh),
		cmocka_unit_test(sha256_matches_fips_examples),
		cmocka_unit_test(known_hosts_line_fingerprint),
		cmocka_unit_test(base64_round_trip),
		cmocka_unit_test(blob_kinds),
		cmocka_unit_test(file_formats),
		cmocka_unit_test(identity_check_says_why_and_the_fix),
		cmocka_unit_test(public_blobs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
