/*
 * test_tunnel_why.c — a refused tunnel channel in words: each of libssh2
 * 1.10's channel-open failures (as its last error says them) names its
 * cause and remedy, never curl's symptom.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/tunnel_why.h"

static void
nothing_listens_there(void **state)
{
	char out[200];

	(void)state;
	tunnel_why_open("Channel open failure (connect failed)", "127.0.0.1", 1, out, sizeof(out));
	assert_string_equal(out, "the host could not connect to 127.0.0.1:1 (tunnel: connect failed)");
	tunnel_why_open("Channel open failure (connect failed)", "::1", 8000, out, sizeof(out));
	assert_string_equal(out, "the host could not connect to [::1]:8000 (tunnel: connect failed)");
}

/* OpenSSH says a name it cannot resolve as "connect failed" too. */
static void
a_name_may_not_resolve_on_the_host(void **state)
{
	char out[200];

	(void)state;
	tunnel_why_open("Channel open failure (connect failed)", "no-such-host.invalid", 8000,
	    out, sizeof(out));
	assert_string_equal(out, "the host could not connect to no-such-host.invalid:8000 "
	    "(tunnel: connect failed; does the name resolve on the host?)");
	tunnel_why_open("Channel open failure (connect failed)", "localhost", 80, out, sizeof(out));
	assert_string_equal(out, "the host could not connect to localhost:80 (tunnel: connect failed)");
}

static void
forwarding_prohibited(void **state)
{
	char out[200];

	(void)state;
	tunnel_why_open("Channel open failure (administratively prohibited)", "127.0.0.1", 8000,
	    out, sizeof(out));
	assert_string_equal(out, "forwarding is prohibited on this host's sshd "
	    "(AllowTcpForwarding no, or PermitOpen): set tunnel = false or allow it");
}

static void
the_other_codes_and_anything_else(void **state)
{
	char out[200], small[24];

	(void)state;
	tunnel_why_open("Channel open failure (resource shortage)", "10.0.0.5", 9090, out,
	    sizeof(out));
	assert_string_equal(out, "the host's sshd is short of resources: no channel to "
	    "10.0.0.5:9090 (tunnel: resource shortage)");
	tunnel_why_open("Channel open failure (unknown channel type)", "10.0.0.5", 9090, out,
	    sizeof(out));
	assert_string_equal(out, "the host's sshd does not forward TCP (tunnel: unknown channel "
	    "type): set tunnel = false");
	tunnel_why_open("Channel open failure", "10.0.0.5", 9090, out, sizeof(out));
	assert_string_equal(out, "the tunnel to 10.0.0.5:9090 did not open: Channel open failure");
	tunnel_why_open("odd\x1b[2J", "h", 1, out, sizeof(out));
	assert_string_equal(out, "the tunnel to h:1 did not open: odd^[[2J");
	tunnel_why_open(NULL, "h", 1, out, sizeof(out));
	assert_string_equal(out, "the tunnel to h:1 did not open: no reason given");
	tunnel_why_open("Channel open failure (connect failed)", "127.0.0.1", 1, small,
	    sizeof(small));
	assert_int_equal(strlen(small), sizeof(small) - 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nothing_listens_there),
		cmocka_unit_test(a_name_may_not_resolve_on_the_host),
		cmocka_unit_test(forwarding_prohibited),
		cmocka_unit_test(the_other_codes_and_anything_else),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
