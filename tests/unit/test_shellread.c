/*
 * test_shellread.c — which runbook scripts only read: the commands that
 * look (kubectl get, docker ps, helm status, curl GET, cat, grep…) and
 * nothing else. Every doubt — an unknown word, a redirection into a
 * file, an expansion, sudo, a chain or pipe with one part that may
 * change something — keeps the typed confirmation, with the reason.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "warroom/shellread.h"
#include "warroom/util.h"

static void
check(const char *script, bool want)
{
	char why[512];
	bool got = shellread_script(script, why, sizeof(why));

	if (got != want)
		fail_msg("%s: expected %s, got %s (%s)", script, want ? "reads only" :
		    "may change", got ? "reads only" : "may change", why);
	if (!got && why[0] == '\0')
		fail_msg("%s: refused with no reason", script);
	if (got && why[0] != '\0')
		fail_msg("%s: reads only, yet a reason: %s", script, why);
}

/* The first command that may change something, and why, as the dialog
 * says it. */
static void
why_is(const char *script, const char *want)
{
	char why[512];

	assert_false(shellread_script(script, why, sizeof(why)));
	assert_string_equal(why, want);
}

static void
kubectl_reads_and_changes(void **state)
{
	static const char *const reads[] = {
		"kubectl get pods",
		"kubectl get pods -n prod -o wide",
		"kubectl -n prod get deploy/api -o json",
		"kubectl --namespace=prod describe pod api-7d9",
		"kubectl --context staging logs deploy/api --since=10m --tail=200",
		"kubectl top pods",
		"kubectl rollout status deployment/api --timeout=5m",
		"kubectl rollout history deploy/api",
		"kubectl rollout history deploy/api --revision=3",
		"kubectl version",
		"kubectl config view --minify",
		"kubectl config current-context",
		"kubectl get pods -l 'app=api' -o jsonpath='{.items[*].metadata.name}'",
	};
	static const char *const changes[] = {
		"kubectl scale deployment api --replicas=0",
		"kubectl delete pod api-7d9",
		"kubectl rollout undo deploy/api",
		"kubectl rollout restart deploy/api",
		"kubectl rollout pause deploy/api",
		"kubectl apply -f api.yaml",
		"kubectl set env deploy/api EXPORT_MODE=off",
		"kubectl exec api-7d9 -- cat /etc/passwd",
		"kubectl edit deploy/api",
		"kubectl config use-context prod",
		"kubectl config set-context --current --namespace=x",
		"kubectl -n get delete pod x",            /* -n takes "get": the command is delete */
		"kubectl --namespace=get delete pod x",
		"kubectl --insecure-skip-tls-verify get pods", /* an option it does not know */
		"kubectl",
		"kubectl -n",
		"kubectl get pods *",                     /* a file name could be an option */
	};
	size_t i;

	(void)state;
	for (i = 0; i < WR_ARRAY_LEN(reads); i++)
		check(reads[i], true);
	for (i = 0; i < WR_ARRAY_LEN(changes); i++)
		check(changes[i], false);
	why_is("kubectl scale deployment api --replicas=0",
	    "`kubectl scale deployment api --replicas=0`: kubectl scale is not one that only "
	    "reads");
	why_is("kubectl rollout undo deploy/api",
	    "`kubectl rollout undo deploy/api`: kubectl rollout undo is not one that only reads");
}

static void
docker_and_compose(void **state)
{
	static const char *const reads[] = {
		"docker ps",
		"docker ps -a --format '{{.Names}} {{.Image}}'",
		"docker logs --since 10m api-1",
		"docker inspect api-1",
		"docker images",
		"docker compose ps",
		"docker compose -f docker-compose.yml --env-file .env ps api",
		"docker compose logs --tail=100 api",
		"docker compose config",
		"docker compose config --services",
		"docker-compose ps",
		"docker-compose -p recall_green logs api",
		"COMPOSE_PROJECT_NAME=recall_green docker compose ps",
		"IMAGE_TAG=v1.4.1 docker compose config",
	};
	static const char *const changes[] = {
		"docker compose up -d api",
		"docker compose pull",
		"docker compose restart api",
		"docker compose down",
		"docker compose run --rm api alembic downgrade -1",
		"docker compose exec api sh",
		"docker compose --dry-run up -d",
		"docker compose config -o out.yml",
		"docker compose config --output=out.yml",
		"docker rm -f api-1",
		"docker stop api-1",
		"docker --config /tmp/x compose ps",      /* plugins from elsewhere */
		"docker-compose up -d",
		"docker system prune -af",
		"DOCKER_CONFIG=/tmp/x docker compose ps",
		"PATH=/tmp/bin:$PATH docker ps",
	};
	size_t i;

	(void)state;
	for (i = 0; i < WR_ARRAY_LEN(reads); i++)
		check(reads[i], true);
	for (i = 0; i < WR_ARRAY_LEN(changes); i++)
		check(changes[i], false);
	why_is("DOCKER_CONFIG=/tmp/x docker compose ps",
	    "`DOCKER_CONFIG=/tmp/x docker compose ps`: it sets DOCKER_CONFIG, which changes what "
	    "runs or how");
}

static void
helm(void **state)
{
	static const char *const reads[] = {
		"helm history api -n prod",
		"helm status api",
		"helm list -A",
		"helm ls -n prod",
		"helm get values api --revision 3",
		"helm get manifest api",
		"helm --kube-context prod history api -o json",
	};
	static const char *const changes[] = {
		"helm rollback api 3",
		"helm upgrade api ./chart",
		"helm uninstall api",
		"helm get",
		"helm plugin install x",
		"helm diff upgrade api ./chart",
	};
	size_t i;

	(void)state;
	for (i = 0; i < WR_ARRAY_LEN(reads); i++)
		check(reads[i], true);
	for (i = 0; i < WR_ARRAY_LEN(changes); i++)
		check(changes[i], false);
}

static void
curl_gets_only(void **state)
{
	static const char *const reads[] = {
		"curl -fsS http://127.0.0.1:8000/readyz",
		"curl -s -o /dev/null -w '%{http_code}' https://api.example.com/healthz",
		"curl -so/dev/null --output /dev/null http://x/",
		"curl -sSI https://api.example.com/",
		"curl -H 'Authorization: Bearer x' -m 5 http://localhost:9100/metrics",
		"curl -sH'Accept: application/json' localhost:8000/version",
		"curl --max-time 5 --retry 2 https://api.example.com/readyz",
		"curl -fsS http://127.0.0.1:8000/readyz | jq .migrations_current",
		"curl -G https://api.example.com/search",
	};
	static const char *const changes[] = {
		"curl -XPOST http://127.0.0.1:8000/admin/flush",
		"curl -X POST http://127.0.0.1:8000/admin/flush",
		"curl -sXDELETE http://x/",
		"curl --request DELETE http://x/",
		"curl -X GET http://x/",                  /* any -X: strict */
		"curl -d '{}' http://x/",
		"curl -sd x=1 http://x/",
		"curl --data-binary @f http://x/",
		"curl --json '{}' http://x/",
		"curl -F file=@f http://x/",
		"curl -T f http://x/",
		"curl --upload-file f http://x/",
		"curl -o out http://x/",
		"curl -sSo out http://x/",
		"curl -O http://x/file",
		"curl -K cfg http://x/",
		"curl -H 'X-HTTP-Method-Override: DELETE' http://x/",
		"curl gopher://127.0.0.1:6379/_FLUSHALL",
		"curl dict://127.0.0.1:11211/",
		"curl ftp.example.com/file",
		"curl --frobnicate http://x/",
		"curl -s http://x/ > out.json",
	};
	size_t i;

	(void)state;
	for (i = 0; i < WR_ARRAY_LEN(reads); i++)
		check(reads[i], true);
	for (i = 0; i < WR_ARRAY_LEN(changes); i++)
		check(changes[i], false);
	why_is("curl -XPOST http://127.0.0.1:8000/admin/flush",
	    "`curl -XPOST http://127.0.0.1:8000/admin/flush`: curl -X sets the request method "
	    "(only GET and HEAD read)");
	why_is("curl -sd x=1 http://x/", "`curl -sd x=1 http://x/`: curl -d sends a body");
}

static void
plain_readers(void **state)
{
	static const char *const reads[] = {
		"cat /srv/app/releases.log",
		"tail -n 50 /var/log/app/*.log",
		"head -5 .env.example",
		"grep -c ERROR /var/log/app/api.log",
		"ls -la /srv/app",
		"jq '.items | length' out.json",
		"date -u +%Y-%m-%dT%H:%M:%SZ",
		"date",
		"echo checking",
		"echo \"checked by alice\"",
		"wc -l releases.log",
		"set -euo pipefail\nkubectl get pods",
		"cd /srv/app && docker compose ps",
		"sleep 30; kubectl get pods",
	};
	static const char *const changes[] = {
		"date -s '2020-01-01'",
		"date 010112002025",
		"rm -rf /srv/app",
		"systemctl restart api",
		"sed -i s/a/b/ .env",
		"awk '{print}' x",
		"tee out.log",
		"psql -c 'select 1'",
		"/usr/bin/kubectl get pods",              /* by its path: not the known one */
		"bash -c 'kubectl get pods'",
		"env kubectl get pods",
		"xargs kubectl delete pod",
		"watch kubectl get pods",
		"X=1",
		"cd /a /b",
	};
	size_t i;

	(void)state;
	for (i = 0; i < WR_ARRAY_LEN(reads); i++)
		check(reads[i], true);
	for (i = 0; i < WR_ARRAY_LEN(changes); i++)
		check(changes[i], false);
}

static void
chains_and_pipes_read_only_when_every_part_does(void **state)
{
	static const char *const reads[] = {
		"kubectl get pods; kubectl get deploy",
		"kubectl get pods && kubectl rollout status deploy/api",
		"kubectl get pods || echo no pods",
		"kubectl get pods | grep api",
		"kubectl get pods |\n  grep api",
		"docker compose logs --tail=500 api | grep -c ERROR",
		"kubectl logs deploy/api 2>&1 | tail -n 20",
		"kubectl get pods 2>/dev/null",
		"kubectl get pods > /dev/null",
		"# look first\nkubectl get pods   # all of them\n\ndocker ps\n",
		"kubectl get pods \\\n  -n prod",
	};
	static const char *const changes[] = {
		"kubectl get pods; kubectl delete pod x",
		"kubectl get pods && kubectl delete pod x",
		"kubectl get pods || kubectl delete pod x",
		"kubectl get pods\nkubectl delete pod x",
		"docker compose logs | tee /etc/x",
		"kubectl get pods -o name | xargs kubectl delete",
		"kubectl get pods > pods.txt",
		"kubectl get pods >> pods.txt",
		"kubectl get pods 2> err.txt",
		"kubectl get pods &> all.txt",
		"kubectl get pods >&out.txt",
		"kubectl logs -f deploy/api &",
		"kubectl get pods |",
		"| grep x",
		"kubectl get pods ;; echo",
		"grep x < in.txt",
		"cat <<EOF\nx\nEOF",
	};
	size_t i;

	(void)state;
	for (i = 0; i < WR_ARRAY_LEN(reads); i++)
		check(reads[i], true);
	for (i = 0; i < WR_ARRAY_LEN(changes); i++)
		check(changes[i], false);
	why_is("kubectl get pods; kubectl delete pod x",
	    "`kubectl delete pod x`: kubectl delete is not one that only reads");
	why_is("docker compose logs --tail=50 api | tee /etc/x",
	    "`tee /etc/x`: tee is not a command this console knows to only read");
	why_is("kubectl get pods > pods.txt",
	    "`kubectl get pods > pods.txt`: it writes into a file (>)");
}

static void
expansions_substitutions_and_sudo_never_read(void **state)
{
	static const char *const changes[] = {
		"kubectl get pod $(cat victims)",
		"kubectl get pod `cat victims`",
		"kubectl get pods -n $NS",
		"kubectl get pods -n ${NS}",
		"echo \"$TOKEN\"",
		"echo \"`id`\"",
		"sudo docker ps",
		"sudo -u deploy kubectl get pods",
		"doas cat /etc/shadow",
		"(kubectl get pods)",
		"{ kubectl get pods; }",
		"echo {a,b}",
		"! kubectl get pods",
		"if true; then kubectl delete pod x; fi",
		"for p in a b; do kubectl delete pod $p; done",
		"kubectl get pods 'unclosed",
		"kubectl get pods \"unclosed",
		"kubectl get pods \\",
		"LD_PRELOAD=/tmp/x.so cat x",
		"",
		"# only a comment\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < WR_ARRAY_LEN(changes); i++)
		check(changes[i], false);
	why_is("sudo docker ps", "`sudo docker ps`: sudo runs it as another user");
	why_is("kubectl get pod $(cat victims)",
	    "`kubectl get pod $(cat victims)`: $ expands to something not known before it runs");
	/* Quoted, the same characters are only text. */
	check("echo '$(rm -rf /) `x` > y; z'", true);
	check("grep 'a|b' x", true);
	check("echo \"a > b\"", true);
	check("grep \\; x", true);
}

static void
a_long_command_is_cut_in_the_reason(void **state)
{
	char why[512], script[400];

	(void)state;
	snprintf(script, sizeof(script), "kubectl delete pod %0200d", 7);
	assert_false(shellread_script(script, why, sizeof(why)));
	assert_non_null(strstr(why, "…`: kubectl delete is not one that only reads"));
	assert_true(strlen(why) < 200);
	/* A small buffer is cut, not overrun. */
	memset(why, 'x', sizeof(why));
	assert_false(shellread_script("sudo ls", why, 8));
	assert_int_equal(strlen(why), 7);
	/* No buffer at all: the answer alone. */
	assert_false(shellread_script("sudo ls", NULL, 0));
	assert_true(shellread_script("ls", NULL, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kubectl_reads_and_changes),
		cmocka_unit_test(docker_and_compose),
		cmocka_unit_test(helm),
		cmocka_unit_test(curl_gets_only),
		cmocka_unit_test(plain_readers),
		cmocka_unit_test(chains_and_pipes_read_only_when_every_part_does),
		cmocka_unit_test(expansions_substitutions_and_sudo_never_read),
		cmocka_unit_test(a_long_command_is_cut_in_the_reason),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
