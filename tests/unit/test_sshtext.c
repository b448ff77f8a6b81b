/*
 * test_sshtext.c — OpenSSH's stderr as warroom reads it: the last lines
 * of a refusal in ssh's words, and the changed-host-key warning as
 * OpenSSH 9.2 prints it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/sshtext.h"

static void
tail_keeps_the_last_lines_cleaned(void **state)
{
	const char *g = "/home/op/.ssh/config: line 1: Bad configuration option: hosst\n"
	    "/home/op/.ssh/config: line 2: Bad configuration option: portt\n"
	    "/home/op/.ssh/config: terminating, 2 bad configuration options\n";
	const char *esc = "Warning: x\r\n\r\nevil \033]0;title\007 line\r\n\n";
	char out[512];

	sshtext_tail(g, strlen(g), 2, out, sizeof(out));
	assert_string_equal(out, "/home/op/.ssh/config: line 2: Bad configuration option: portt"
	    " / /home/op/.ssh/config: terminating, 2 bad configuration options");
	sshtext_tail(esc, strlen(esc), 3, out, sizeof(out));
	assert_string_equal(out, "Warning: x / evil ^[]0;title^G line");
	sshtext_tail("\n\n", 2, 3, out, sizeof(out));
	assert_string_equal(out, "");
	sshtext_tail("Host key verification failed.", 29, 1, out, sizeof(out));
	assert_string_equal(out, "Host key verification failed.");
}

static void
changed_key_warning(void **state)
{
	const char *w =
	    "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
	    "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
	    "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
	    "IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!\n"
	    "Someone could be eavesdropping on you right now (man-in-the-middle attack)!\n"
	    "It is also possible that a host key has just been changed.\n"
	    "The fingerprint for the ED25519 key sent by the remote host is\n"
	    "SHA256:KgUqQqS5cezhV0+uGYqU/i/fCRGKiaRzJBbipJxZ8Rs.\n"
	    "Please contact your system administrator.\n"
	    "Add correct host key in /tmp/kh to get rid of this message.\n"
	    "Offending ECDSA key in /tmp/ops: keys/kh:3\n"
	    "  remove with:\n"
	    "  ssh-keygen -f \"/tmp/kh\" -R \"[127.0.0.1]:15201\"\n"
	    "Host key for [127.0.0.1]:15201 has changed and you have requested strict checking.\n"
	    "Host key verification failed.\n";
	struct sshtext_changed c;

	assert_true(sshtext_hostkey_changed(w, strlen(w), &c));
	assert_string_equal(c.keytype, "ED25519");
	assert_string_equal(c.fingerprint, "SHA256:KgUqQqS5cezhV0+uGYqU/i/fCRGKiaRzJBbipJxZ8Rs");
	assert_string_equal(c.file, "/tmp/ops: keys/kh");
	assert_int_equal(c.line, 3);
	assert_string_equal(c.name, "[127.0.0.1]:15201");
	assert_false(sshtext_hostkey_changed("Host key verification failed.\n", 30, &c));
	/* The banner alone: changed, with nothing more named. */
	assert_true(sshtext_hostkey_changed(w, 120, &c));
	assert_string_equal(c.fingerprint, "");
	assert_int_equal(c.line, 0);
	/* Found by fuzz_sshcfg: " has changed" right after the prefix's own
	 * space made the name's length -1 (a read past the buffer). */
	{
		static const char odd[] = "@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @\n"
		    "Host key for has changed and you have requested strict checking.\n";

		assert_true(sshtext_hostkey_changed(odd, sizeof(odd) - 1, &c));
		assert_string_equal(c.name, "");
	}
}

static void
unknown_key_under_strict_checking(void **state)
{
	static const char w[] =
	    "No ED25519 host key is known for [127.0.0.1]:15201 and you have requested strict "
	    "checking.\r\nHost key verification failed.\r\n";
	static const char odd[] = "No  host key is known for  and you have requested strict checking.\n";
	struct sshtext_changed c;

	(void)state;
	assert_true(sshtext_hostkey_unknown(w, strlen(w), &c));
	assert_string_equal(c.keytype, "ED25519");
	assert_string_equal(c.name, "[127.0.0.1]:15201");
	assert_string_equal(c.fingerprint, "");
	assert_false(sshtext_hostkey_unknown("Host key verification failed.\n", 30, &c));
	assert_false(sshtext_hostkey_unknown("No ED25519 host key is known for x\n", 35, &c));
	/* BatchMode with StrictHostKeyChecking ask: only the last line. */
	assert_true(sshtext_hostkey_refused("Host key verification failed.\r\n", 31));
	assert_true(sshtext_hostkey_refused(w, strlen(w)));
	assert_false(sshtext_hostkey_refused("ssh: connect to host x port 22: Connection refused\n",
	    51));
	assert_false(sshtext_hostkey_refused("Host key verification failed", 28));
	/* Empty fields, never a negative length. */
	assert_true(sshtext_hostkey_unknown(odd, sizeof(odd) - 1, &c));
	assert_string_equal(c.keytype, "");
	assert_string_equal(c.name, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tail_keeps_the_last_lines_cleaned),
		cmocka_unit_test(changed_key_warning),
		cmocka_unit_test(unknown_key_under_strict_checking),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
