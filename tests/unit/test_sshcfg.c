/*
 * test_sshcfg.c — reading `ssh -G` output as OpenSSH 9.2 prints it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/sshcfg.h"

static void
resolved_fields(void **state)
{
	const char *g =
	    "User deploy\n"
	    "hostname 10.0.0.5\n"
	    "port 2222\n"
	    "identitiesonly yes\n"
	    "serveraliveinterval 15\n"
	    "identityfile ~/.ssh/id_ed25519\n"
	    "identityfile /keys/ops\n"
	    "userknownhostsfile ~/.ssh/known_hosts ~/.ssh/known_hosts2\n"
	    "connecttimeout none\n"
	    "proxyjump bastion\n";
	struct ssh_resolved r;
	struct wr_err err;

	assert_int_equal(sshcfg_parse(g, strlen(g), "/home/op", &r, &err), 0);
	assert_string_equal(r.user, "deploy");
	assert_string_equal(r.hostname, "10.0.0.5");
	assert_int_equal(r.port, 2222);
	assert_true(r.identities_only);
	assert_int_equal(r.server_alive_interval_s, 15);
	assert_int_equal(r.nidentity, 2);
	assert_string_equal(r.identity_files[0], "/home/op/.ssh/id_ed25519");
	assert_string_equal(r.identity_files[1], "/keys/ops");
	assert_int_equal(r.nknown, 2);
	assert_string_equal(r.known_hosts_files[1], "/home/op/.ssh/known_hosts2");
	assert_int_equal(r.connect_timeout_s, 0);
	assert_string_equal(r.proxyjump, "bastion");
	assert_string_equal(r.proxycommand, "");
}

static void
missing_hostname_is_an_error(void **state)
{
	struct ssh_resolved r;
	struct wr_err err;

	assert_int_equal(sshcfg_parse("user x\n", 7, "/h", &r, &err), -1);
	assert_string_equal(err.msg, "ssh -G gave no usable hostname and port");
	assert_int_equal(sshcfg_parse("hostname a\nport 99999\n", 22, "/h", &r, &err), -1);
}

static void
proxycommand_none_is_empty(void **state)
{
	const char *g = "hostname h\nport 22\nproxycommand none\nproxyjump none\n";
	struct ssh_resolved r;
	struct wr_err err;

	assert_int_equal(sshcfg_parse(g, strlen(g), "/h", &r, &err), 0);
	assert_string_equal(r.proxycommand, "");
	assert_string_equal(r.proxyjump, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(resolved_fields),
		cmocka_unit_test(missing_hostname_is_an_error),
		cmocka_unit_test(proxycommand_none_is_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
