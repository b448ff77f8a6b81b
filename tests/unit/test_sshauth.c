/*
 * test_sshauth.c — which keys a host is offered and in what order
 * (IdentitiesOnly, configured identities through the agent), and the
 * reasons shown when none got in.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/sshauth.h"

/* Stand-in blobs: any bytes do, keys are compared whole. */
#define KEY(s) { (const unsigned char *)(s), sizeof(s) - 1 }

static void
assert_offer(const struct sshauth_offer *o, bool via_agent, int agent, int file)
{
	assert_int_equal(o->via_agent, via_agent);
	assert_int_equal(o->agent, agent);
	assert_int_equal(o->file, file);
}

/* The case: IdentityFile enc_key, IdentitiesOnly yes, the agent holding
 * seven other keys and enc_key last. Only enc_key is offered, through the
 * agent (it has a passphrase: its file alone could not be used). */
static void
identities_only_offers_the_named_key_through_the_agent(void **state)
{
	const struct sshauth_key files[] = { KEY("enc") };
	const struct sshauth_key agent[] = { KEY("o1"), KEY("o2"), KEY("o3"), KEY("o4"),
		KEY("o5"), KEY("o6"), KEY("o7"), KEY("enc") };
	struct sshauth_plan p;

	sshauth_order(files, 1, agent, 8, true, &p);
	assert_int_equal(p.n, 1);
	assert_offer(&p.offers[0], true, 7, 0);
	assert_int_equal(p.left_out, 7);
}

/* web3: IdentityFile names an RSA key the agent does not hold; the agent's
 * ed25519 key must not be offered instead. */
static void
identities_only_never_falls_back_to_other_agent_keys(void **state)
{
	const struct sshauth_key files[] = { KEY("rsa") };
	const struct sshauth_key agent[] = { KEY("ed25519") };
	struct sshauth_plan p;

	sshauth_order(files, 1, agent, 1, true, &p);
	assert_int_equal(p.n, 1);
	assert_offer(&p.offers[0], false, -1, 0);
	assert_int_equal(p.left_out, 1);
}

/* Without IdentitiesOnly: every configured identity first, in the
 * config's order (through the agent when it holds it, a file whose key is
 * not known from its file), then the agent's other keys in its order. */
static void
configured_identities_come_before_other_agent_keys(void **state)
{
	const struct sshauth_key files[] = { KEY("a"), KEY("f"), { NULL, 0 } };
	const struct sshauth_key agent[] = { KEY("x"), KEY("y"), KEY("a") };
	struct sshauth_plan p;

	sshauth_order(files, 3, agent, 3, false, &p);
	assert_int_equal(p.n, 5);
	assert_offer(&p.offers[0], true, 2, 0);
	assert_offer(&p.offers[1], false, -1, 1);
	assert_offer(&p.offers[2], false, -1, 2);
	assert_offer(&p.offers[3], true, 0, -1);
	assert_offer(&p.offers[4], true, 1, -1);
	assert_int_equal(p.left_out, 0);
}

/* The same key named twice (warroom.conf and ssh_config) is offered once;
 * files whose key is unknown are never taken for the same key. */
static void
a_key_named_twice_is_offered_once(void **state)
{
	const struct sshauth_key files[] = { KEY("a"), { NULL, 0 }, KEY("a"), { NULL, 0 } };
	const struct sshauth_key agent[] = { { NULL, 0 }, KEY("b") };
	struct sshauth_plan p;

	sshauth_order(files, 4, agent, 2, false, &p);
	assert_int_equal(p.n, 5);
	assert_offer(&p.offers[0], false, -1, 0);
	assert_offer(&p.offers[1], false, -1, 1);
	assert_offer(&p.offers[2], false, -1, 3);
	assert_offer(&p.offers[3], true, 0, -1);
	assert_offer(&p.offers[4], true, 1, -1);
}

/* No agent, no files: nothing to offer. A huge agent is cut at its cap. */
static void
empty_and_oversized_lists(void **state)
{
	struct sshauth_key agent[SSHAUTH_MAX_AGENT + 5];
	struct sshauth_plan p;
	int i;

	sshauth_order(NULL, 0, NULL, 0, false, &p);
	assert_int_equal(p.n, 0);
	for (i = 0; i < SSHAUTH_MAX_AGENT + 5; i++)
		agent[i] = (struct sshauth_key){ (const unsigned char *)&agent[i], 1 };
	sshauth_order(NULL, 0, agent, SSHAUTH_MAX_AGENT + 5, false, &p);
	assert_int_equal(p.n, SSHAUTH_MAX_AGENT);
	sshauth_order(NULL, 0, agent, SSHAUTH_MAX_AGENT + 5, true, &p);
	assert_int_equal(p.n, 0);
	assert_int_equal(p.left_out, SSHAUTH_MAX_AGENT);
}

/* A key with a passphrase is skipped only when the agent does not hold
 * it, and the reason says which of that is the case. */
static void
passphrase_reason_is_true(void **state)
{
	struct sshauth_tally t = { .agent = SSHAUTH_AGENT_OK, .sock = "/run/a.sock" };
	char why[300];

	sshauth_passphrase_why(&t, true, why, sizeof(why));
	assert_string_equal(why, "it has a passphrase and ssh-agent does not hold it; ssh-add it");
	assert_false(t.agent_said);
	sshauth_passphrase_why(&t, false, why, sizeof(why));
	assert_string_equal(why, "it has a passphrase and no .pub beside it to find it in "
	    "ssh-agent; write one with ssh-keygen -y");
	t.agent = SSHAUTH_AGENT_UNREACHABLE;
	sshauth_passphrase_why(&t, true, why, sizeof(why));
	assert_string_equal(why, "it has a passphrase and no ssh-agent answers at "
	    "/run/a.sock; ssh-add it to a running ssh-agent");
	assert_true(t.agent_said);
	t.agent = SSHAUTH_AGENT_UNSET;
	t.sock = "";
	sshauth_passphrase_why(&t, true, why, sizeof(why));
	assert_string_equal(why, "it has a passphrase and SSH_AUTH_SOCK is empty; ssh-add it "
	    "to a running ssh-agent");
	t.sock = NULL;
	sshauth_passphrase_why(&t, true, why, sizeof(why));
	assert_string_equal(why, "it has a passphrase and SSH_AUTH_SOCK is not set; ssh-add "
	    "it to a running ssh-agent");
}

/* The reason for a failure: the notes, then what they leave out. The
 * agent is named only here (a key file that logs in never needed it),
 * and only once. */
static void
failure_reason(void **state)
{
	struct sshauth_tally t = { .agent = SSHAUTH_AGENT_OK, .offered = 5,
		.other_refused = 5, .untried = 3 };
	char why[600];

	sshauth_failure(&t, "", why, sizeof(why));
	assert_string_equal(why, "5 ssh-agent keys refused; stopped after 5 refused keys, "
	    "before sshd's MaxAuthTries (6 by default) ends the connection; 3 more not "
	    "offered: name the host's key with IdentityFile and IdentitiesOnly yes");

	t = (struct sshauth_tally){ .agent = SSHAUTH_AGENT_OK, .offered = 1, .left_out = 1 };
	sshauth_failure(&t, "/k/rsa skipped: rsa keys cannot sign here", why, sizeof(why));
	assert_string_equal(why, "/k/rsa skipped: rsa keys cannot sign here; 1 other "
	    "ssh-agent key not offered (IdentitiesOnly yes)");

	t = (struct sshauth_tally){ .agent = SSHAUTH_AGENT_UNSET, .sock = "", .offered = 1,
		.other_refused = 1 };
	sshauth_failure(&t, "/k/id refused", why, sizeof(why));
	assert_string_equal(why, "/k/id refused; 1 ssh-agent key refused; no ssh-agent to "
	    "ask (SSH_AUTH_SOCK is empty)");
	t.agent_said = true;
	sshauth_failure(&t, "/k/id refused", why, sizeof(why));
	assert_string_equal(why, "/k/id refused; 1 ssh-agent key refused");
	t = (struct sshauth_tally){ .agent = SSHAUTH_AGENT_UNREACHABLE, .sock = "/tmp/gone" };
	sshauth_failure(&t, "", why, sizeof(why));
	assert_string_equal(why, "no ssh-agent answers at /tmp/gone");

	t = (struct sshauth_tally){ .agent = SSHAUTH_AGENT_OK };
	sshauth_failure(&t, NULL, why, sizeof(why));
	assert_string_equal(why, "no key to offer: no identity file exists and ssh-agent "
	    "holds none");
	t.agent = SSHAUTH_AGENT_OFF;
	sshauth_failure(&t, "", why, sizeof(why));
	assert_string_equal(why, "no key to offer: no identity file exists");

	/* A short buffer is cut, never overrun. */
	t = (struct sshauth_tally){ .agent = SSHAUTH_AGENT_OK, .other_refused = 2 };
	sshauth_failure(&t, "0123456789", why, 16);
	assert_int_equal(strlen(why), 15);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(identities_only_offers_the_named_key_through_the_agent),
		cmocka_unit_test(identities_only_never_falls_back_to_other_agent_keys),
		cmocka_unit_test(configured_identities_come_before_other_agent_keys),
		cmocka_unit_test(a_key_named_twice_is_offered_once),
		cmocka_unit_test(empty_and_oversized_lists),
		cmocka_unit_test(passphrase_reason_is_true),
		cmocka_unit_test(failure_reason),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
