/*
 * test_sshcfg.c — reading `ssh -G` output as OpenSSH 9.2 prints it, and
 * what warroom settles from it: where it connects, how known_hosts names
 * the host, the ssh-keygen -R that removes an old key.
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

/* The list ssh -G prints with no IdentityFile configured: a missing one
 * is nobody's mistake; one that ssh_config names is. */
static void
default_identities_and_hostkeyalias(void **state)
{
	const char *g =
	    "hostname h\nport 22\nhostkeyalias helm-prod\n"
	    "identityfile ~/.ssh/id_rsa\nidentityfile ~/.ssh/id_ecdsa\n"
	    "identityfile ~/.ssh/id_ecdsa_sk\nidentityfile ~/.ssh/id_ed25519\n"
	    "identityfile ~/.ssh/id_ed25519_sk\nidentityfile ~/.ssh/id_xmss\n"
	    "identityfile ~/.ssh/id_dsa\n";
	const char *team = "hostname h\nport 22\nhostkeyalias none\n"
	    "identityfile ~/.ssh/id_team\n";
	struct ssh_resolved r;
	struct wr_err err;

	assert_int_equal(sshcfg_parse(g, strlen(g), "/home/op", &r, &err), 0);
	assert_true(r.identities_default);
	assert_string_equal(r.hostkeyalias, "helm-prod");
	assert_int_equal(sshcfg_parse(team, strlen(team), "/home/op", &r, &err), 0);
	assert_false(r.identities_default);
	assert_string_equal(r.hostkeyalias, "");
}

static void
argv_for_ssh_g(void **state)
{
	const char *argv[SSHCFG_ARGV_MAX];
	char port[16];

	sshcfg_argv("/etc/team/ssh_config", 2222, "deploy", "api-1", port, argv);
	assert_string_equal(argv[0], "ssh");
	assert_string_equal(argv[1], "-G");
	assert_string_equal(argv[2], "-F");
	assert_string_equal(argv[3], "/etc/team/ssh_config");
	assert_string_equal(argv[5], "2222");
	assert_string_equal(argv[7], "deploy");
	assert_string_equal(argv[8], "--");
	assert_string_equal(argv[9], "api-1");
	assert_null(argv[10]);
	sshcfg_argv(NULL, 0, "", "api-1", port, argv);
	assert_string_equal(argv[2], "--");
	assert_null(argv[4]);
}

/* ssh_config's answer where the config says nothing; the config's own
 * values first; known_hosts' name as ssh looks it up. */
static void
settle_where_it_connects(void **state)
{
	const char *g = "user root\nhostname 127.0.0.1\nport 22201\nproxyjump jump\n"
	    "userknownhostsfile /team/known_hosts\nidentityfile /team/id\n"
	    "identityfile /keys/cfg\n";
	struct sshcfg_want w = { .name = "api-1", .identity_file = "/keys/cfg",
		.known_hosts = "/wr/known_hosts", .local_user = "me", .home = "/home/me" };
	struct ssh_resolved r;
	struct sshcfg_dest d;
	struct wr_err err;
	char buf[512];

	assert_int_equal(sshcfg_parse(g, strlen(g), "/home/me", &r, &err), 0);
	sshcfg_settle(&w, &r, &d);
	sshcfg_endpoint(&d, buf, sizeof(buf));
	assert_string_equal(buf, "root@127.0.0.1:22201 via jump");
	sshcfg_known_name(&d, buf, sizeof(buf));
	assert_string_equal(buf, "[127.0.0.1]:22201");
	/* ssh -G named no global file: OpenSSH's own, read after the others. */
	assert_int_equal(d.nknown, 4);
	assert_int_equal(d.nuser_known, 2);
	assert_string_equal(d.known[0], "/wr/known_hosts");
	assert_string_equal(d.known[1], "/team/known_hosts");
	assert_string_equal(d.known[2], "/etc/ssh/ssh_known_hosts");
	assert_string_equal(d.known[3], "/etc/ssh/ssh_known_hosts2");
	assert_false(d.hash_known);
	assert_int_equal(d.nidentity, 2);           /* the config's key once */
	assert_int_equal(d.ncfg_identity, 1);
	assert_string_equal(d.identities[1], "/team/id");
	assert_false(d.identities_only);

	w.address = "10.0.0.5";
	w.port = 22;
	w.user = "deploy";
	strcpy(r.hostkeyalias, "api-prod");
	r.proxyjump[0] = '\0';
	r.identities_only = true;
	sshcfg_settle(&w, &r, &d);
	assert_true(d.identities_only);             /* no agent key but those named */
	sshcfg_endpoint(&d, buf, sizeof(buf));
	assert_string_equal(buf, "deploy@10.0.0.5:22");
	sshcfg_known_name(&d, buf, sizeof(buf));
	assert_string_equal(buf, "api-prod");
	assert_int_equal(d.keyport, -1);

	/* No ssh -G at all: the name, the login user, port 22, ~/.ssh. */
	memset(&w, 0, sizeof(w));
	w.name = "db";
	w.local_user = "me";
	w.home = "/home/me";
	sshcfg_settle(&w, NULL, &d);
	sshcfg_endpoint(&d, buf, sizeof(buf));
	assert_string_equal(buf, "me@db:22");
	sshcfg_known_name(&d, buf, sizeof(buf));
	assert_string_equal(buf, "db");
	assert_string_equal(d.known[0], "/home/me/.ssh/known_hosts");
	assert_string_equal(d.known[1], "/etc/ssh/ssh_known_hosts");
	assert_false(d.identities_only);
}

/* GlobalKnownHostsFile and HashKnownHosts as ssh -G prints them; the
 * global files come after the user's, and are the only ones read-only. */
static void
global_files_and_hashing(void **state)
{
	const char *g = "hostname ::1\nport 14501\nuser root\nhashknownhosts yes\n"
	    "globalknownhostsfile /srv/team/ssh_known_hosts ~/team_hosts\n"
	    "userknownhostsfile ~/.ssh/known_hosts\n";
	struct sshcfg_want w = { .name = "v6", .known_hosts = "/wr/kh", .home = "/home/me" };
	struct ssh_resolved r;
	struct sshcfg_dest d;
	struct wr_err err;
	char buf[512];

	assert_int_equal(sshcfg_parse(g, strlen(g), "/home/me", &r, &err), 0);
	assert_true(r.hash_known_hosts);
	assert_int_equal(r.nglobal, 2);
	assert_string_equal(r.global_known_files[1], "/home/me/team_hosts");
	sshcfg_settle(&w, &r, &d);
	assert_true(d.hash_known);
	assert_int_equal(d.nknown, 4);
	assert_int_equal(d.nuser_known, 2);
	assert_string_equal(d.known[1], "/home/me/.ssh/known_hosts");
	assert_string_equal(d.known[2], "/srv/team/ssh_known_hosts");
	/* An IPv6 address in brackets, where ssh would put them. */
	sshcfg_endpoint(&d, buf, sizeof(buf));
	assert_string_equal(buf, "root@[::1]:14501");
	sshcfg_known_name(&d, buf, sizeof(buf));
	assert_string_equal(buf, "[::1]:14501");
	sshcfg_hostport("10.0.0.5", 22, buf, sizeof(buf));
	assert_string_equal(buf, "10.0.0.5:22");
}

/* The fix for a hop whose key ssh does not know: ssh as warroom runs it
 * (its ssh_config), writing where warroom looks. */
static void
hop_accept_command(void **state)
{
	const char *files[] = { "/wr/known_hosts", "/srv/ops keys/kh" };
	char buf[512];

	sshcfg_hop_accept("/etc/wr/ssh_config", "/wr/known_hosts", "web1", buf, sizeof(buf));
	assert_string_equal(buf, "ssh -F /etc/wr/ssh_config -o "
	    "UserKnownHostsFile=/wr/known_hosts web1");
	sshcfg_hop_accept(NULL, "", "ops@bastion:2222", buf, sizeof(buf));
	assert_string_equal(buf, "ssh ops@bastion:2222");
	sshcfg_hop_accept("", "/srv/ops keys/kh", "a,b", buf, sizeof(buf));
	assert_string_equal(buf, "ssh -o 'UserKnownHostsFile=\"/srv/ops keys/kh\"' -J a b");
	sshcfg_files_option("GlobalKnownHostsFile", files, 2, buf, sizeof(buf));
	assert_string_equal(buf, "GlobalKnownHostsFile=/wr/known_hosts \"/srv/ops keys/kh\"");
}

static void
keygen_remove_command(void **state)
{
	char buf[256];

	sshcfg_keygen_remove("[127.0.0.1]:22201", "/home/op/.ssh/known_hosts", buf, sizeof(buf));
	assert_string_equal(buf, "ssh-keygen -R '[127.0.0.1]:22201' -f /home/op/.ssh/known_hosts");
	sshcfg_keygen_remove("helm-prod", "/srv/ops keys/known hosts", buf, sizeof(buf));
	assert_string_equal(buf, "ssh-keygen -R 'helm-prod' -f '/srv/ops keys/known hosts'");
	sshcfg_keygen_remove("h", "", buf, sizeof(buf));
	assert_string_equal(buf, "ssh-keygen -R 'h'");
	/* HOSTS, METRICS and TIMELINE say one thing of a changed key. */
	sshcfg_key_changed_fix("[127.0.0.1]:22201", "/k/kh", buf, sizeof(buf));
	assert_string_equal(buf, "if the new key is right: ssh-keygen -R '[127.0.0.1]:22201' -f "
	    "/k/kh, then K");
	/* K after ssh-keygen -R: the key refused as changed is not new. */
	sshcfg_trust_words("", 0, buf, sizeof(buf));
	assert_string_equal(buf, "the key it offers, which nothing here has seen before:");
	sshcfg_trust_words("SHA256:UboI", 1795712202000, buf, sizeof(buf));
	assert_string_equal(buf, "this key replaced SHA256:UboI (refused as HOST KEY CHANGED at "
	    "16:56:42): confirm the rotation was intended; the key it offers:");
	sshcfg_tilde("/home/op/.ssh/id_team", "/home/op", buf, sizeof(buf));
	assert_string_equal(buf, "~/.ssh/id_team");
	sshcfg_tilde("/home/operator/id", "/home/op", buf, sizeof(buf));
	assert_string_equal(buf, "/home/operator/id");
}

static void
readonly_trust_words(void **state)
{
	char buf[512];

	(void)state;
	sshcfg_keyscan_add("[127.0.0.1]:22201", "/home/op/.ssh/known_hosts", buf, sizeof(buf));
	assert_string_equal(buf, "ssh-keyscan -p 22201 127.0.0.1 >> /home/op/.ssh/known_hosts");
	sshcfg_keyscan_add("db.example.com", "/srv/ops keys/kh", buf, sizeof(buf));
	assert_string_equal(buf, "ssh-keyscan db.example.com >> '/srv/ops keys/kh'");
	sshcfg_keyscan_add("[::1]:2222", "", buf, sizeof(buf));
	assert_string_equal(buf, "ssh-keyscan -p 2222 ::1 >> ~/.ssh/known_hosts");
	sshcfg_readonly_trust("[10.0.0.5]:2222", true, "/wr/known_hosts", buf, sizeof(buf));
	assert_string_equal(buf, "read-only mode trusts no host keys: check the fingerprint and "
	    "add it with ssh-keyscan -p 2222 10.0.0.5 >> /wr/known_hosts or connect once with "
	    "ssh, then C-r");
	/* Through a hop keyscan cannot reach it: ssh can. */
	sshcfg_readonly_trust("[10.0.0.5]:2222", false, "", buf, sizeof(buf));
	assert_string_equal(buf, "read-only mode trusts no host keys: check the fingerprint and "
	    "connect once with ssh (it asks, and adds the key to ~/.ssh/known_hosts), then C-r");
}

/* A name with no address and no HostName is itself where ssh goes; a
 * HostName (whatever its case after ssh lowercases the name) or an
 * address is not. */
static void
name_is_address_only_without_either(void **state)
{
	struct sshcfg_want w = { .name = "API-1", .address = "" };
	struct ssh_resolved r = { 0 };

	(void)state;
	wr_strlcpy(r.hostname, "api-1", sizeof(r.hostname));
	assert_true(sshcfg_name_is_address(&w, &r));
	assert_true(sshcfg_name_is_address(&w, NULL));
	wr_strlcpy(r.hostname, "10.0.0.5", sizeof(r.hostname));
	assert_false(sshcfg_name_is_address(&w, &r));
	w.address = "api-1.example.com";
	wr_strlcpy(r.hostname, "api-1.example.com", sizeof(r.hostname));
	assert_false(sshcfg_name_is_address(&w, &r));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(resolved_fields),
		cmocka_unit_test(missing_hostname_is_an_error),
		cmocka_unit_test(proxycommand_none_is_empty),
		cmocka_unit_test(default_identities_and_hostkeyalias),
		cmocka_unit_test(argv_for_ssh_g),
		cmocka_unit_test(settle_where_it_connects),
		cmocka_unit_test(keygen_remove_command),
		cmocka_unit_test(global_files_and_hashing),
		cmocka_unit_test(hop_accept_command),
		cmocka_unit_test(readonly_trust_words),
		cmocka_unit_test(name_is_address_only_without_either),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
