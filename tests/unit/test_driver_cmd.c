/*
 * test_driver_cmd.c — the polling command lines, exactly, and the shell
 * quoting under them: nasty values are checked by the string we build and
 * by what /bin/sh makes of it (printf %s of the quoted word must give the
 * value back byte for byte).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "warroom/driver_cmd.h"

static struct config_host
host(enum config_driver d, const char *dir, const char *ns)
{
	struct config_host h;

	memset(&h, 0, sizeof(h));
	wr_strlcpy(h.name, "api-1", sizeof(h.name));
	h.driver = d;
	wr_strlcpy(h.compose_dir, dir, sizeof(h.compose_dir));
	wr_strlcpy(h.namespace_, ns, sizeof(h.namespace_));
	return h;
}

static void
quote_is(const char *in, const char *want)
{
	char buf[256] = "";

	assert_true(driver_cmd_quote(buf, sizeof(buf), in));
	assert_string_equal(buf, want);
}

/* The shell must give back exactly what we quoted. */
static void
shell_round_trip(const char *in)
{
	char cmd[1024] = "printf %s ", out[512];
	size_t n;
	FILE *p;

	assert_true(driver_cmd_quote(cmd, sizeof(cmd), in));
	p = popen(cmd, "r");
	assert_non_null(p);
	n = fread(out, 1, sizeof(out) - 1, p);
	out[n] = '\0';
	assert_int_equal(pclose(p), 0);
	assert_string_equal(out, in);
}

static void
quoting_nasty_values(void **state)
{
	static const char *const nasty[] = {
		"plain", "with space", "it's", "''", "$HOME", "`id`", "$(id)",
		"a\nb", "back\\slash", "\"dq\"", "semi;colon && rm -rf /", "*", "~",
		"tab\there", "!bang", "'$(id)'`id`'", "",
	};

	(void)state;
	quote_is("plain", "'plain'");
	quote_is("", "''");
	quote_is("it's", "'it'\\''s'");
	quote_is("''", "''\\'''\\'''");
	quote_is("$HOME `id` $(id)", "'$HOME `id` $(id)'");
	quote_is("a\nb", "'a\nb'");
	for (size_t i = 0; i < WR_ARRAY_LEN(nasty); i++)
		shell_round_trip(nasty[i]);
}

static void
quoting_never_overflows(void **state)
{
	char buf[8] = "x";

	(void)state;
	assert_true(driver_cmd_quote(buf, sizeof(buf), "abcd"));   /* x'abcd' = 7 */
	assert_string_equal(buf, "x'abcd'");
	buf[1] = '\0';
	assert_false(driver_cmd_quote(buf, sizeof(buf), "abcde"));
	assert_string_equal(buf, "x");
	assert_false(driver_cmd_quote(buf, sizeof(buf), "'''"));
}

/* .env's IMAGE_TAG lines only, then ps (exec'd), in the same command. */
static void
compose_poll_reads_env_too(void **state)
{
	struct config_host h = host(DRIVER_COMPOSE, "/srv/app/deploy", "");
	char cmd[WR_CMD_MAX];
	struct wr_err err;

	(void)state;
	assert_int_equal(driver_cmd_compose_poll(&h, cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "cd '/srv/app/deploy' && { grep -E "
	    "'^[[:space:]]*(export[[:space:]]+)?IMAGE_TAG[[:space:]]*=' .env 2>/dev/null; "
	    "echo '#warroom .env'; exec docker compose ps -a --format json; }");
	h = host(DRIVER_K8S, "", "prod");
	assert_int_equal(driver_cmd_compose_poll(&h, cmd, sizeof(cmd), &err), -1);
	h = host(DRIVER_COMPOSE, "/srv/app/deploy", "");
	assert_int_equal(driver_cmd_compose_poll(&h, cmd, 80, &err), -1);
	assert_string_equal(cmd, "");
}

static void
compose_command(void **state)
{
	struct config_host h = host(DRIVER_COMPOSE, "/srv/app/deploy", "");
	char cmd[WR_CMD_MAX];
	struct wr_err err;

	(void)state;
	assert_int_equal(driver_cmd_compose_ps(&h, cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "cd '/srv/app/deploy' && docker compose ps -a --format json");
	h = host(DRIVER_COMPOSE, "/srv/it's $(here)", "");
	assert_int_equal(driver_cmd_compose_ps(&h, cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "cd '/srv/it'\\''s $(here)' && docker compose ps -a --format json");
	h = host(DRIVER_COMPOSE, "~/app dir", "");
	assert_int_equal(driver_cmd_compose_ps(&h, cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "cd ~/'app dir' && docker compose ps -a --format json");
	h = host(DRIVER_COMPOSE, "~", "");
	assert_int_equal(driver_cmd_compose_ps(&h, cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "cd ~ && docker compose ps -a --format json");
	h = host(DRIVER_COMPOSE, "~deploy/app", "");
	assert_int_equal(driver_cmd_compose_ps(&h, cmd, sizeof(cmd), &err), -1);
	assert_string_equal(err.msg, "compose_dir \"~user\" paths are not supported: use an absolute path");
	h = host(DRIVER_COMPOSE, "/srv/a\nb", "");
	assert_int_equal(driver_cmd_compose_ps(&h, cmd, sizeof(cmd), &err), -1);
	assert_string_equal(err.msg, "compose_dir has a control character");
	assert_string_equal(cmd, "");
	h = host(DRIVER_K8S, "", "prod");
	assert_int_equal(driver_cmd_compose_ps(&h, cmd, sizeof(cmd), &err), -1);
	assert_string_equal(err.msg, "host \"api-1\" uses driver k8s, not compose");
	h = host(DRIVER_COMPOSE, "/srv/app/deploy", "");
	assert_int_equal(driver_cmd_compose_ps(&h, cmd, 20, &err), -1);
	assert_string_equal(err.msg, "command longer than 19 bytes");
	assert_string_equal(cmd, "");
}

static void
compose_restarts_command(void **state)
{
	struct config_host h = host(DRIVER_COMPOSE, "/srv/it's", "");
	char cmd[WR_CMD_MAX];
	struct wr_err err;

	(void)state;
	assert_int_equal(driver_cmd_compose_restarts(&h, cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "cd '/srv/it'\\''s' && ids=$(docker compose ps -a -q) && "
	    "[ -n \"$ids\" ] && docker inspect --format '{{.Id}} {{.RestartCount}} "
	    "{{.State.StartedAt}} {{index .Config.Labels \"com.docker.compose.service\"}}' $ids");
	h = host(DRIVER_COMPOSE, "~deploy/app", "");
	assert_int_equal(driver_cmd_compose_restarts(&h, cmd, sizeof(cmd), &err), -1);
	h = host(DRIVER_HELM, "", "prod");
	assert_int_equal(driver_cmd_compose_restarts(&h, cmd, sizeof(cmd), &err), -1);
	assert_string_equal(err.msg, "host \"api-1\" uses driver helm, not compose");
	h = host(DRIVER_COMPOSE, "/srv/app", "");
	assert_int_equal(driver_cmd_compose_restarts(&h, cmd, 60, &err), -1);
	assert_string_equal(cmd, "");
}

/* What sh makes of the restarts command: no container and a failing
 * docker both exit non-zero with nothing on stdout; the template reaches
 * docker as one word, and every id as its own. */
static void
compose_restarts_in_a_shell(void **state)
{
	struct config_host h;
	char dir[] = "/tmp/wr-drvcmd-XXXXXX", cmd[WR_CMD_MAX], script[WR_CMD_MAX * 2];
	char out[1024];
	struct wr_err err;
	size_t n;
	FILE *p, *f;
	int rc;

	(void)state;
	assert_non_null(mkdtemp(dir));
	h = host(DRIVER_COMPOSE, dir, "");
	assert_int_equal(driver_cmd_compose_restarts(&h, cmd, sizeof(cmd), &err), 0);
	snprintf(script, sizeof(script), "%s/docker", dir);
	f = fopen(script, "w");
	assert_non_null(f);
	/* A docker that lists $IDS for ps -q, fails when FAIL is set, and
	 * prints each inspect argument on its own line. */
	fputs("#!/bin/sh\n[ -n \"$FAIL\" ] && exit 1\n"
	    "if [ \"$1\" = compose ]; then [ -n \"$IDS\" ] && printf '%s\\n' $IDS; exit 0; fi\n"
	    "shift; for a; do printf '<%s>\\n' \"$a\"; done\n", f);
	fclose(f);
	chmod(script, 0755);
	for (int k = 0; k < 3; k++) {
		snprintf(script, sizeof(script), "PATH=%s:$PATH; %s; export PATH IDS FAIL; %s", dir,
		    k == 0 ? "IDS='aaa bbb'" : k == 1 ? "IDS=" : "FAIL=1 IDS=aaa", cmd);
		p = popen(script, "r");
		assert_non_null(p);
		n = fread(out, 1, sizeof(out) - 1, p);
		out[n] = '\0';
		rc = pclose(p);
		if (k == 0) {
			assert_int_equal(rc, 0);
			assert_string_equal(out, "<--format>\n<" WR_COMPOSE_RESTARTS_FORMAT ">\n"
			    "<aaa>\n<bbb>\n");
		} else {
			assert_int_not_equal(rc, 0);
			assert_string_equal(out, "");
		}
	}
	snprintf(script, sizeof(script), "rm -rf '%s'", dir);
	assert_int_equal(system(script), 0);
}

static void
k8s_commands(void **state)
{
	struct config_host h = host(DRIVER_K8S, "", "prod");
	char cmd[WR_CMD_MAX];
	struct wr_err err;

	(void)state;
	assert_int_equal(driver_cmd_k8s_deploy(&h, "api", cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "kubectl get deploy 'api' -n 'prod' -o json");
	assert_int_equal(driver_cmd_k8s_pods(&h, "api", cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "kubectl get pods -n 'prod' -l 'app=api' -o json");
	assert_int_equal(driver_cmd_k8s_replicasets(&h, "api", cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "kubectl get rs -n 'prod' -l 'app=api' -o json");
	assert_int_equal(driver_cmd_k8s_history(&h, "api", cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "kubectl rollout history 'deployment/api' -n 'prod'");
	assert_int_equal(driver_cmd_k8s_pods(&h, "a'b", cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "kubectl get pods -n 'prod' -l 'app=a'\\''b' -o json");
	h.namespace_[0] = '\0';
	assert_int_equal(driver_cmd_k8s_deploy(&h, "api", cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "kubectl get deploy 'api' -n 'default' -o json");
	assert_int_equal(driver_cmd_k8s_deploy(&h, "-A", cmd, sizeof(cmd), &err), -1);
	assert_string_equal(err.msg, "service \"-A\" starts with '-'");
	assert_int_equal(driver_cmd_k8s_deploy(&h, "", cmd, sizeof(cmd), &err), -1);
	assert_string_equal(err.msg, "service is empty");
	assert_int_equal(driver_cmd_k8s_pods(&h, "a\x1b[2J", cmd, sizeof(cmd), &err), -1);
	assert_string_equal(err.msg, "service has a control character");
	wr_strlcpy(h.namespace_, "--all-namespaces", sizeof(h.namespace_));
	assert_int_equal(driver_cmd_k8s_history(&h, "api", cmd, sizeof(cmd), &err), -1);
	assert_string_equal(err.msg, "namespace \"--all-namespaces\" starts with '-'");
}

static void
helm_commands(void **state)
{
	struct config_host h = host(DRIVER_HELM, "", "prod");
	char cmd[WR_CMD_MAX], big[200];
	struct wr_err err;

	(void)state;
	assert_int_equal(driver_cmd_helm_history(&h, "api", cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "helm history 'api' -n 'prod' -o json");
	assert_int_equal(driver_cmd_helm_list(&h, cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "helm list -n 'prod' -o json");
	/* Its Deployment, for the pods a helm rollback's --wait waited for. */
	assert_int_equal(driver_cmd_helm_deploy(&h, "api", cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "kubectl get deploy 'api' -n 'prod' -o json");
	assert_int_equal(driver_cmd_helm_history(&h, "x`reboot`", cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "helm history 'x`reboot`' -n 'prod' -o json");
	assert_int_equal(driver_cmd_k8s_deploy(&h, "api", cmd, sizeof(cmd), &err), -1);
	assert_string_equal(err.msg, "host \"api-1\" uses driver helm, not k8s");
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	h.driver = DRIVER_K8S;
	assert_int_equal(driver_cmd_k8s_pods(&h, big, cmd, sizeof(cmd), &err), -1);
	assert_string_equal(err.msg, "service name longer than 63 bytes");
}

/* LOGS' follow commands: a k8s deployment by its selector, every pod and
 * each line's pod named; one pod only while the selector is unknown, its
 * lines named too. */
static void
logs_commands(void **state)
{
	struct config_host k = host(DRIVER_K8S, "", "prod"), hl = host(DRIVER_HELM, "", "prod");
	struct config_host c = host(DRIVER_COMPOSE, "/srv/a b", "");
	char cmd[WR_CMD_MAX];
	struct wr_err err;

	(void)state;
	assert_int_equal(driver_cmd_logs(&k, "api", "app=api,tier=web", 3, cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "kubectl logs -f -l 'app=api,tier=web' --prefix "
	    "--max-log-requests=20 -n 'prod' --since-time={since}");
	assert_true(driver_cmd_logs_all_pods(&k, "app=api", 3));
	/* More pods than kubectl's room by default: room for them and a surge. */
	assert_int_equal(driver_cmd_logs(&k, "api", "app=api", 40, cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "kubectl logs -f -l 'app=api' --prefix "
	    "--max-log-requests=51 -n 'prod' --since-time={since}");
	/* No selector yet (first poll not back), or too many pods: one pod. */
	assert_int_equal(driver_cmd_logs(&k, "api", "", 0, cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "kubectl logs -f 'deployment/api' --prefix -n 'prod' "
	    "--since-time={since}");
	assert_false(driver_cmd_logs_all_pods(&k, "", 0));
	assert_false(driver_cmd_logs_all_pods(&k, NULL, 0));
	assert_int_equal(driver_cmd_logs(&k, "api", NULL, 0, cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "kubectl logs -f 'deployment/api' --prefix -n 'prod' "
	    "--since-time={since}");
	assert_int_equal(driver_cmd_logs(&k, "api", "app=api", WR_K8S_LOG_PODS_MAX + 1, cmd,
	    sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "kubectl logs -f 'deployment/api' --prefix -n 'prod' "
	    "--since-time={since}");
	assert_false(driver_cmd_logs_all_pods(&k, "app=api", WR_K8S_LOG_PODS_MAX + 1));
	assert_int_equal(driver_cmd_logs(&k, "-A", "app=api", 3, cmd, sizeof(cmd), &err), -1);
	assert_string_equal(err.msg, "service \"-A\" starts with '-'");
	k.namespace_[0] = '\0';
	assert_int_equal(driver_cmd_logs(&k, "api", "app=a'b", 3, cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "kubectl logs -f -l 'app=a'\\''b' --prefix "
	    "--max-log-requests=20 -n 'default' --since-time={since}");
	/* Helm: the release's pods, as before. */
	assert_int_equal(driver_cmd_logs(&hl, "api", NULL, 0, cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "kubectl logs -f -l 'app.kubernetes.io/instance=api' -n 'prod' "
	    "--max-log-requests=20 --since-time={since}");
	assert_true(driver_cmd_logs_all_pods(&hl, NULL, 0));
	assert_int_equal(driver_cmd_logs(&c, "api", NULL, 0, cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "cd '/srv/a b' && docker compose logs -f --no-log-prefix "
	    "--since {since} 'api'");
	assert_false(driver_cmd_logs_all_pods(&c, NULL, 0));
	wr_strlcpy(c.compose_dir, "~/app", sizeof(c.compose_dir));
	assert_int_equal(driver_cmd_logs(&c, "api", NULL, 0, cmd, sizeof(cmd), &err), 0);
	assert_string_equal(cmd, "cd ~/'app' && docker compose logs -f --no-log-prefix "
	    "--since {since} 'api'");
}

static void
watch_command(void **state)
{
	const char *cmds[] = { "cd '/srv/app' && docker compose ps -a --format json",
		"kubectl get pods -n 'prod' -o json" };
	char buf[WR_CMD_MAX];
	struct wr_err err;

	assert_int_equal(driver_cmd_watch(cmds, 2, "wr-9f2c", buf, sizeof(buf), &err), 0);
	/* Each command's stderr is kept, and its last line said on failure;
	 * no command reads the loop's stdin, whose lines ask for the next
	 * round and whose end ends the loop. */
	assert_string_equal(buf, "sh -c 'nl=$(printf '\\''\\nx'\\''); nl=${nl%x}; "
	    "while :; do { e=$( (cd '\\''/srv/app'\\'' "
	    "&& docker compose ps -a --format json) </dev/null 2>&1 >&3 3>&-); s=$?; } 3>&1; "
	    "[ $s = 0 ] || "
	    "printf '\\''wr-9f2c e %s\\n'\\'' \"${e##*\"$nl\"}\"; echo wr-9f2c 0 $s || exit; "
	    "{ e=$( (kubectl get pods -n '\\''prod'\\'' -o json) </dev/null 2>&1 >&3 3>&-); "
	    "s=$?; } 3>&1; "
	    "[ $s = 0 ] || printf '\\''wr-9f2c e %s\\n'\\'' \"${e##*\"$nl\"}\"; "
	    "echo wr-9f2c 1 $s || exit; read -r t || exit; done'");
	assert_int_equal(driver_cmd_watch(cmds, 1, "Bad;", buf, sizeof(buf), &err), -1);
}

static void
watch_stderr_lines(void **state)
{
	size_t at;

	(void)state;
	assert_true(driver_cmd_watch_stderr("wr-9f2c e cd: can't cd", 22, "wr-9f2c", &at));
	assert_int_equal(at, 10);
	assert_false(driver_cmd_watch_stderr("wr-9f2c 0 2", 11, "wr-9f2c", &at));
	assert_false(driver_cmd_watch_stderr("wr-0000 e x", 11, "wr-9f2c", &at));
	assert_false(driver_cmd_watch_stderr("x wr-9f2c e x", 13, "wr-9f2c", &at));
}

static void
watch_markers(void **state)
{
	size_t at;
	int idx, st;

	assert_true(driver_cmd_watch_marker("wr-9f2c 1 0", 11, "wr-9f2c", &at, &idx, &st));
	assert_int_equal(at, 0);
	assert_int_equal(idx, 1);
	assert_int_equal(st, 0);
	/* Output without a final newline runs into the marker. */
	assert_true(driver_cmd_watch_marker("}]wr-9f2c 0 127", 15, "wr-9f2c", &at, &idx, &st));
	assert_int_equal(at, 2);
	assert_int_equal(st, 127);
	/* Not markers: another token, trailing text, no status, the token mid-line. */
	assert_false(driver_cmd_watch_marker("wr-0000 0 0", 11, "wr-9f2c", &at, &idx, &st));
	assert_false(driver_cmd_watch_marker("wr-9f2c 0 0 x", 13, "wr-9f2c", &at, &idx, &st));
	assert_false(driver_cmd_watch_marker("wr-9f2c 0", 9, "wr-9f2c", &at, &idx, &st));
	assert_false(driver_cmd_watch_marker("{\"x\":\"wr-9f2c\"}", 15, "wr-9f2c", &at, &idx,
	    &st));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quoting_nasty_values),
		cmocka_unit_test(quoting_never_overflows),
		cmocka_unit_test(compose_command),
		cmocka_unit_test(compose_poll_reads_env_too),
		cmocka_unit_test(compose_restarts_command),
		cmocka_unit_test(compose_restarts_in_a_shell),
		cmocka_unit_test(k8s_commands),
		cmocka_unit_test(helm_commands),
		cmocka_unit_test(logs_commands),
		cmocka_unit_test(watch_command),
		cmocka_unit_test(watch_markers),
		cmocka_unit_test(watch_stderr_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
