/*
 * test_runbook_fill.c — a step's shell blocks as the script that runs:
 * placeholders asked once each in order of first use, replaced at every
 * occurrence, values that would need quoting refused, known actions named;
 * a rollback's own placeholders (a revision, a tag) asked, checked for
 * what their place wants, and filled into its action; a transcript
 * (console) block gives its commands without prompts or output; what the
 * host's config holds ($HEALTH_URL, $METRICS_URL, its metrics token) is
 * filled from it, saying from where, or asked saying why not; a
 * secret-looking placeholder is marked and its value never echoed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/runbook_fill.h"

static const char md[] =
    "# Roll back\n"
    "\n"
    "1. Check the pods\n"
    "\n"
    "   ```bash\n"
    "   kubectl get pods -n $NAMESPACE -l app=<service>\n"
    "   kubectl logs -n $NAMESPACE deploy/<service> --since=5m | tail\n"
    "   ```\n"
    "\n"
    "2. Pin the image\n"
    "\n"
    "   ```sh\n"
    "   docker pull registry.local/<service>:sha-<commit>\n"
    "   ```\n"
    "\n"
    "3. Nothing to run here\n"
    "\n"
    "4. Kill the export\n"
    "\n"
    "   ```bash\n"
    "   sed -i 's/^EXPORT_MODE=.*/EXPORT_MODE=off/' .env\n"
    "   ```\n"
    "\n"
    "5. Roll back\n"
    "\n"
    "   ```bash\n"
    "   IMAGE_TAG=sha-<commit> docker compose --env-file .env up -d api jobs\n"
    "   ```\n";

static struct runbook rb;

static int
setup(void **state)
{
	runbook_parse(&rb, "t.md", md, strlen(md));
	return 0;
}

static int
teardown(void **state)
{
	runbook_free(&rb);
	return 0;
}

static void
asks_each_placeholder_once_in_order(void **state)
{
	struct runbook_fill f;
	struct wr_err err;
	char *s;

	assert_int_equal(runbook_fill_init(&f, &rb, 0, 0, &err), 0);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.labels[0], "$NAMESPACE");
	assert_string_equal(f.labels[1], "<service>");
	assert_null(runbook_fill_script(&f, &rb, &err));
	assert_string_equal(err.msg, "$NAMESPACE has no value yet");
	assert_int_equal(runbook_fill_set(&f, "prod", &err), 0);
	assert_false(runbook_fill_done(&f));
	assert_int_equal(runbook_fill_set(&f, "api", &err), 0);
	assert_true(runbook_fill_done(&f));
	s = runbook_fill_script(&f, &rb, &err);
	assert_string_equal(s, "kubectl get pods -n prod -l app=api\n"
	    "kubectl logs -n prod deploy/api --since=5m | tail\n");
	free(s);
	runbook_fill_free(&f);
}

static void
sha_placeholders_keep_their_prefix(void **state)
{
	struct runbook_fill f;
	struct wr_err err;
	char *s;

	assert_int_equal(runbook_fill_init(&f, &rb, 0, 1, &err), 0);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.labels[1], "sha-<commit>");
	assert_int_equal(runbook_fill_set(&f, "api", &err), 0);
	/* Typed with its prefix, the prefix is not doubled. */
	assert_int_equal(runbook_fill_set(&f, "sha-8e1f2a", &err), 0);
	s = runbook_fill_script(&f, &rb, &err);
	assert_string_equal(s, "docker pull registry.local/api:sha-8e1f2a\n");
	free(s);
	runbook_fill_free(&f);

	assert_int_equal(runbook_fill_init(&f, &rb, 0, 1, &err), 0);
	assert_int_equal(runbook_fill_set(&f, "api", &err), 0);
	assert_int_equal(runbook_fill_set(&f, "8e1f2a", &err), 0);
	s = runbook_fill_script(&f, &rb, &err);
	assert_string_equal(s, "docker pull registry.local/api:sha-8e1f2a\n");
	free(s);
	runbook_fill_free(&f);
}

/* sha-<commit> wants a commit: a tag typed there (sha-v1.4.1) would name
 * an image that does not exist, so it is refused with where a tag goes. */
static void
sha_placeholders_take_only_a_commit(void **state)
{
	struct runbook_fill f;
	struct wr_err err;

	assert_int_equal(runbook_fill_init(&f, &rb, 0, 1, &err), 0);
	assert_int_equal(runbook_fill_set(&f, "api", &err), 0);
	assert_int_equal(runbook_fill_set(&f, "v1.4.1", &err), -1);
	assert_string_equal(err.msg, "'v1.4.1' refused: sha-<commit> takes a commit id (hex, "
	    "e.g. 8e1f2a), not a tag; a tag goes where a runbook writes <TAG>");
	assert_int_equal(runbook_fill_set(&f, "sha-v1.4.1", &err), -1);
	assert_string_equal(err.msg, "'sha-v1.4.1' refused: sha-<commit> takes a commit id (hex, "
	    "e.g. 8e1f2a), not a tag; a tag goes where a runbook writes <TAG>");
	assert_int_equal(runbook_fill_set(&f, "sha-sha-8e1f2a", &err), -1);
	assert_int_equal(runbook_fill_set(&f, "latest", &err), -1);
	assert_int_equal(runbook_fill_set(&f, "8e1", &err), -1);
	assert_int_equal(runbook_fill_set(&f, "sha-", &err), -1);
	assert_string_equal(err.msg, "sha-<commit> needs a value; nothing is guessed");
	assert_int_equal(f.cur, 1);
	assert_int_equal(runbook_fill_set(&f, "0123456789abcdef0123456789abcdef01234567", &err), 0);
	assert_true(runbook_fill_done(&f));
	runbook_fill_free(&f);
}

/* The shipped Compose runbook's steps by hand ask for the tag itself, so
 * the one the fleet runs (v1.4.1) goes into .env as it is. */
static void
the_shipped_rollback_asks_for_the_tag(void **state)
{
	static const char *want[] = {
		"IMAGE_TAG=v1.4.1 docker compose --env-file .env pull api jobs\n",
		"IMAGE_TAG=v1.4.1 docker compose --env-file .env up -d --no-deps api jobs\n",
		"sed -i 's/^IMAGE_TAG=.*/IMAGE_TAG=v1.4.1/' .env\n",
	};
	const char *top = getenv("top_srcdir");
	char path[4096], buf[16384];
	struct runbook r;
	struct runbook_fill f;
	struct wr_err err;
	size_t len, s, k = 0;
	FILE *fp;
	char *script;

	(void)state;
	snprintf(path, sizeof(path), "%s/docs/runbooks/compose-rollback.md",
	    top != NULL && top[0] != '\0' ? top : ".");
	assert_non_null(fp = fopen(path, "r"));
	len = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	assert_true(len < sizeof(buf));
	runbook_parse(&r, "compose-rollback.md", buf, len);
	for (s = 0; s < r.nsteps; s++) {
		if (r.steps[s].section == WR_RUNBOOK_NONE ||
		    strncmp(r.sections[r.steps[s].section].title, "3.", 2) != 0)
			continue;
		assert_true(k < 3);
		assert_int_equal(runbook_fill_init(&f, &r, r.steps[s].section, s, &err), 0);
		assert_int_equal(f.n, 1);
		assert_string_equal(f.labels[0], "<TAG>");
		assert_int_equal(runbook_fill_set(&f, "v1.4.1", &err), 0);
		script = runbook_fill_script(&f, &r, &err);
		assert_string_equal(script, want[k++]);
		free(script);
		runbook_fill_free(&f);
	}
	assert_int_equal(k, 3);
	runbook_free(&r);
}

static void
values_that_need_quoting_are_refused(void **state)
{
	struct runbook_fill f;
	struct wr_err err;

	assert_int_equal(runbook_fill_init(&f, &rb, 0, 0, &err), 0);
	assert_int_equal(runbook_fill_set(&f, "", &err), -1);
	assert_string_equal(err.msg, "$NAMESPACE needs a value; nothing is guessed");
	assert_int_equal(runbook_fill_set(&f, "prod; reboot", &err), -1);
	assert_int_equal(runbook_fill_set(&f, "$(id)", &err), -1);
	assert_int_equal(runbook_fill_set(&f, "--all", &err), -1);
	assert_string_equal(err.msg, "'--all' refused: it would read as an option");
	assert_int_equal(f.cur, 0);
	runbook_fill_free(&f);
}

static void
steps_without_commands_and_known_actions(void **state)
{
	struct runbook_fill f;
	struct wr_err err;

	assert_int_equal(runbook_fill_init(&f, &rb, 0, 2, &err), -1);
	assert_string_equal(err.msg, "this step has no shell commands to run");
	runbook_fill_free(&f);
	assert_int_equal(runbook_fill_init(&f, &rb, 0, 3, &err), 0);
	assert_int_equal(f.known, RUNBOOK_ACT_KILLSWITCH);
	assert_int_equal(f.n, 0);
	runbook_fill_free(&f);
}

static void
a_known_rollback_gets_its_tag(void **state)
{
	struct runbook_fill f;
	struct wr_err err;
	char *tag;

	assert_int_equal(runbook_fill_init(&f, &rb, 0, 4, &err), 0);
	assert_int_equal(f.known, RUNBOOK_ACT_COMPOSE_UP);
	assert_string_equal(runbook_action_arg(&f.known_cmd->action, "service"), "api");
	assert_int_equal(runbook_fill_set(&f, "8e1f2a", &err), 0);
	tag = runbook_fill_assign(&f, "IMAGE_TAG");
	assert_string_equal(tag, "sha-8e1f2a");
	free(tag);
	assert_null(runbook_fill_assign(&f, "OTHER"));
	runbook_fill_free(&f);
}

static const char rollbacks_md[] =
    "# Roll back\n"
    "\n"
    "1. kubectl\n"
    "\n"
    "   ```bash\n"
    "   kubectl rollout undo deployment/api -n $NS --to-revision=<REVISION>\n"
    "   ```\n"
    "\n"
    "2. helm\n"
    "\n"
    "   ```bash\n"
    "   helm rollback api <REV> -n prod --wait --timeout 90s\n"
    "   ```\n"
    "\n"
    "3. context\n"
    "\n"
    "   ```bash\n"
    "   kubectl --context \"$CTX\" rollout undo deployment/api --to-revision=<REV>\n"
    "   ```\n"
    "\n"
    "4. binding\n"
    "\n"
    "   ```warroom\n"
    "   rollback service=api to=<TAG>\n"
    "   rollback service=api driver=helm revision=<REV> host=m1\n"
    "   ```\n";

/* Step i's first known command, or NULL. */
static const struct runbook_command *
known_of(const struct runbook *r, size_t step)
{
	size_t b;

	for (b = 0; b < r->nblocks; b++)
		if (r->blocks[b].step == step && r->blocks[b].ncmds > 0)
			return &r->blocks[b].cmds[0];
	return NULL;
}

static const struct runbook_action *
binding_of(const struct runbook *r, size_t step, size_t k)
{
	size_t b;

	for (b = 0; b < r->nblocks; b++)
		if (r->blocks[b].step == step && r->blocks[b].nbinds > k)
			return &r->blocks[b].binds[k].action;
	return NULL;
}

static void
a_rollbacks_placeholders_are_asked_then_named(void **state)
{
	const struct runbook_command *c;
	struct runbook_action out;
	struct runbook r;
	struct runbook_fill f;
	struct wr_err err;

	runbook_parse(&r, "r.md", rollbacks_md, strlen(rollbacks_md));
	assert_int_equal(r.nerrors, 0);

	/* kubectl: both placeholders its values hold, in their order. */
	c = known_of(&r, 0);
	assert_int_equal(c->action.kind, RUNBOOK_ACT_K8S_UNDO);
	assert_int_equal(runbook_fill_init_action(&f, &c->action, c), 2);
	assert_string_equal(f.labels[0], "$NS");
	assert_string_equal(f.labels[1], "<REVISION>");
	/* Before any value: what the step names whatever is typed. */
	runbook_fill_action(&f, &c->action, &out);
	assert_null(runbook_action_arg(&out, "namespace"));
	assert_null(runbook_action_arg(&out, "revision"));
	assert_string_equal(runbook_action_arg(&out, "name"), "api");
	runbook_action_free(&out);
	assert_int_equal(runbook_fill_set(&f, "prod", &err), 0);
	/* A revision is a number: nothing else is taken. */
	assert_int_equal(runbook_fill_set(&f, "v1.4.1", &err), -1);
	assert_string_equal(err.msg, "'v1.4.1' refused: <REVISION> is a revision number (1, 2, …)");
	assert_int_equal(runbook_fill_set(&f, "0", &err), -1);
	assert_int_equal(runbook_fill_set(&f, "3", &err), 0);
	assert_true(runbook_fill_done(&f));
	runbook_fill_action(&f, &c->action, &out);
	assert_int_equal(out.kind, RUNBOOK_ACT_K8S_UNDO);
	assert_string_equal(runbook_action_arg(&out, "namespace"), "prod");
	assert_string_equal(runbook_action_arg(&out, "revision"), "3");
	runbook_action_free(&out);
	runbook_fill_free(&f);

	/* helm rollback api <REV>. */
	c = known_of(&r, 1);
	assert_int_equal(c->action.kind, RUNBOOK_ACT_HELM_ROLLBACK);
	assert_int_equal(runbook_fill_init_action(&f, &c->action, c), 1);
	assert_string_equal(f.labels[0], "<REV>");
	assert_int_equal(runbook_fill_set(&f, "2", &err), 0);
	runbook_fill_action(&f, &c->action, &out);
	assert_string_equal(runbook_action_arg(&out, "revision"), "2");
	assert_string_equal(runbook_action_arg(&out, "timeout"), "90s");
	runbook_action_free(&out);
	runbook_fill_free(&f);

	/* A kube context is refused whatever it holds: never asked for. */
	c = known_of(&r, 2);
	assert_int_equal(runbook_fill_init_action(&f, &c->action, c), 1);
	assert_string_equal(f.labels[0], "<REV>");
	runbook_fill_action(&f, &c->action, &out);
	assert_string_equal(runbook_action_arg(&out, "context"), "$CTX");
	runbook_action_free(&out);
	runbook_fill_free(&f);

	/* A binding's to=<TAG> takes a tag; revision=<REV> a number. */
	assert_int_equal(runbook_fill_init_action(&f, binding_of(&r, 3, 0), NULL), 1);
	assert_string_equal(f.labels[0], "<TAG>");
	assert_int_equal(runbook_fill_set(&f, "registry/api:v1", &err), -1);
	assert_string_equal(err.msg, "'registry/api:v1' refused: <TAG> is an image tag (letters, "
	    "digits, ._-)");
	assert_int_equal(runbook_fill_set(&f, "v1.4.1", &err), 0);
	runbook_fill_action(&f, binding_of(&r, 3, 0), &out);
	assert_int_equal(out.kind, RUNBOOK_ACT_ROLLBACK);
	assert_string_equal(runbook_action_arg(&out, "to"), "v1.4.1");
	assert_string_equal(runbook_action_arg(&out, "service"), "api");
	runbook_action_free(&out);
	runbook_fill_free(&f);
	assert_int_equal(runbook_fill_init_action(&f, binding_of(&r, 3, 1), NULL), 1);
	assert_int_equal(runbook_fill_set(&f, "abc", &err), -1);
	runbook_fill_free(&f);

	/* Nothing to ask where the values hold none. */
	assert_int_equal(runbook_fill_init_action(&f, &known_of(&rb, 3)->action, known_of(&rb, 3)),
	    0);
	runbook_fill_free(&f);
	runbook_free(&r);
}

/* A transcript runs its commands: prompts, output lines and blank lines
 * go; a continuation stays as written; placeholders still fill. */
static void
a_transcript_runs_its_commands_only(void **state)
{
	static const char t[] =
	    "# Check\n"
	    "\n"
	    "1. Look at the service\n"
	    "\n"
	    "   ```console\n"
	    "   $ docker compose ps <service>\n"
	    "   NAME   IMAGE          STATUS\n"
	    "   api    shop:v1.5.0    Up 3 minutes\n"
	    "\n"
	    "   $ curl -fsS \\\n"
	    "       http://127.0.0.1:8080/readyz\n"
	    "   {\"ready\": true}\n"
	    "   ```\n";
	struct runbook r;
	struct runbook_fill f;
	struct wr_err err;
	char *s;

	(void)state;
	runbook_parse(&r, "t.md", t, strlen(t));
	assert_int_equal(runbook_fill_init(&f, &r, 0, 0, &err), 0);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.labels[0], "<service>");
	assert_int_equal(runbook_fill_set(&f, "api", &err), 0);
	s = runbook_fill_script(&f, &r, &err);
	assert_string_equal(s, "docker compose ps api\n"
	    "curl -fsS \\\n"
	    "    http://127.0.0.1:8080/readyz\n");
	free(s);
	runbook_fill_free(&f);
	runbook_free(&r);
}

/* x on a step whose only block is sample output says so, and on a step
 * it refuses gives the reason; neither gathers a placeholder. */
static void
output_and_refused_steps_fill_nothing(void **state)
{
	static const char t[] =
	    "# Check\n"
	    "\n"
	    "1. Sample output\n"
	    "   ```\n"
	    "   [2025-09-30T12:34:10Z] Smoke test completed\n"
	    "   ```\n"
	    "2. Undo\n"
	    "   ```bash\n"
	    "   kubectl rollout undo deploy/api -n <ns>\n"
	    "   kubectl rollout undo deploy/api -n <ns> --to-revision=<N>\n"
	    "   ```\n";
	struct runbook r;
	struct runbook_fill f;
	struct wr_err err;

	(void)state;
	runbook_parse(&r, "t.md", t, strlen(t));
	assert_int_equal(runbook_fill_init(&f, &r, 0, 0, &err), -1);
	assert_string_equal(err.msg, "this step has no commands to run: its block of line 4 is "
	    "output, never run (line 5 starts with `[2025-09-30T12:34:10Z]`, which is no "
	    "command name)");
	runbook_fill_free(&f);
	assert_int_equal(runbook_fill_init(&f, &r, 0, 1, &err), -1);
	assert_int_equal(f.n, 0);
	assert_true(strncmp(err.msg, "nothing ran: x refuses: `kubectl rollout undo deploy/api "
	    "-n <ns>` (line 9) and ", 70) == 0);
	runbook_fill_free(&f);
	runbook_free(&r);
}

static const char verify_md[] =
    "# Verify\n"
    "\n"
    "1. Check\n"
    "\n"
    "   ```bash\n"
    "   curl -fsS \"$HEALTH_URL/readyz\"\n"
    "   curl -fsS -H \"Authorization: Bearer ${METRICS_TOKEN}\" \"$METRICS_URL\" | grep -c '^http'\n"
    "   mysql -u app -p$DB_PASSWORD -e 'select 1' <db>\n"
    "   ```\n";

static void
host_of(struct config_host *h)
{
	memset(h, 0, sizeof(*h));
	wr_strlcpy(h->name, "api-1", sizeof(h->name));
	wr_strlcpy(h->health_url, "http://127.0.0.1:11001", sizeof(h->health_url));
	wr_strlcpy(h->metrics_url, "http://127.0.0.1:11001/metrics", sizeof(h->metrics_url));
	wr_strlcpy(h->metrics_token_file.path, "/srv/wr/metrics.token",
	    sizeof(h->metrics_token_file.path));
}

/* What the host's config holds is filled from it and says from where; the
 * rest is asked, from where the config stops; the script holds them all. */
static void
the_hosts_config_fills_what_it_holds(void **state)
{
	struct config_host h;
	struct runbook r;
	struct runbook_fill f;
	struct wr_err err;
	char *s, said[512];
	size_t nth;

	(void)state;
	host_of(&h);
	runbook_parse(&r, "v.md", verify_md, strlen(verify_md));
	assert_int_equal(runbook_fill_init(&f, &r, 0, 0, &err), 0);
	assert_int_equal(f.n, 5);
	assert_int_equal(runbook_fill_from_host(&f, &h, "83854818382e9bb9"), 3);
	assert_string_equal(f.values[0], "http://127.0.0.1:11001");
	assert_string_equal(f.from[0], "api-1's health_url");
	assert_string_equal(f.from[1], "api-1's metrics token from metrics_token_file");
	assert_string_equal(f.from[2], "api-1's metrics_url");
	assert_null(f.from[3]);
	/* Only what the config cannot answer is asked, and counted. */
	assert_int_equal(f.cur, 3);
	assert_string_equal(f.labels[f.cur], "$DB_PASSWORD");
	assert_int_equal(runbook_fill_asked(&f, &nth), 2);
	assert_int_equal(nth, 1);
	assert_false(runbook_fill_done(&f));
	assert_int_equal(runbook_fill_set(&f, "hunter2hunter2", &err), 0);
	assert_string_equal(f.labels[f.cur], "<db>");
	assert_int_equal(runbook_fill_asked(&f, &nth), 2);
	assert_int_equal(nth, 2);
	assert_int_equal(runbook_fill_set(&f, "orders", &err), 0);
	assert_true(runbook_fill_done(&f));
	runbook_fill_said(&f, said, sizeof(said));
	assert_string_equal(said, "from the config, not typed: $HEALTH_URL is api-1's health_url, "
	    "$METRICS_TOKEN is api-1's metrics token from metrics_token_file, $METRICS_URL is "
	    "api-1's metrics_url; hidden (shown as [REDACTED]): $METRICS_TOKEN, $DB_PASSWORD");
	s = runbook_fill_script(&f, &r, &err);
	assert_string_equal(s, "curl -fsS \"http://127.0.0.1:11001/readyz\"\n"
	    "curl -fsS -H \"Authorization: Bearer 83854818382e9bb9\" "
	    "\"http://127.0.0.1:11001/metrics\" | grep -c '^http'\n"
	    "mysql -u app -phunter2hunter2 -e 'select 1' orders\n");
	free(s);
	runbook_fill_free(&f);

	/* The name metrics_token_env gives is the token too. */
	h.metrics_token_file.path[0] = '\0';
	wr_strlcpy(h.metrics_token_env, "DB_PASSWORD", sizeof(h.metrics_token_env));
	assert_int_equal(runbook_fill_init(&f, &r, 0, 0, &err), 0);
	assert_int_equal(runbook_fill_from_host(&f, &h, "tok3n-from-env"), 4);
	assert_string_equal(f.values[3], "tok3n-from-env");
	assert_string_equal(f.from[3], "api-1's metrics token from $DB_PASSWORD (metrics_token_env)");
	assert_string_equal(f.labels[f.cur], "<db>");
	runbook_fill_free(&f);
	runbook_free(&r);
}

/* What the config lacks, or holds in a form that would need quoting, is
 * asked, and the note says why: never a guess, never silence. */
static void
what_the_config_lacks_is_asked_saying_why(void **state)
{
	struct config_host h;
	struct runbook r;
	struct runbook_fill f;
	struct wr_err err;
	char said[64];

	(void)state;
	host_of(&h);
	h.metrics_url[0] = '\0';
	wr_strlcpy(h.prom.url, "http://prom:9090", sizeof(h.prom.url));
	wr_strlcpy(h.health_url, "http://127.0.0.1:11001/?a=1&b=2", sizeof(h.health_url));
	runbook_parse(&r, "v.md", verify_md, strlen(verify_md));
	assert_int_equal(runbook_fill_init(&f, &r, 0, 0, &err), 0);
	assert_int_equal(runbook_fill_from_host(&f, &h, NULL), 0);
	assert_int_equal(f.cur, 0);
	runbook_fill_said(&f, said, sizeof(said));
	assert_string_equal(said, "");
	assert_string_equal(f.note[0], "api-1's health_url would need quoting here");
	assert_string_equal(f.note[1], "api-1 has a metrics token in the config, but it was not "
	    "loaded (metrics_token_file unreadable)");
	assert_string_equal(f.note[2], "api-1 reads its metrics from Prometheus: no metrics_url "
	    "in the config");
	assert_null(f.note[3]);
	runbook_fill_free(&f);

	h.metrics_token_file.path[0] = '\0';
	assert_int_equal(runbook_fill_init(&f, &r, 0, 0, &err), 0);
	runbook_fill_from_host(&f, &h, NULL);
	assert_string_equal(f.note[1], "api-1 has no metrics token in the config "
	    "(metrics_token_file, metrics_token_env)");
	/* A token the host has needs no typing once it is there. */
	runbook_fill_free(&f);
	runbook_free(&r);
}

/* Names that look secret (the redactor's words, or KEY/PASS/PWD/AUTH as
 * a word) are typed hidden; a refused secret is not echoed. */
static void
secret_looking_placeholders_are_never_echoed(void **state)
{
	struct runbook r;
	struct runbook_fill f;
	struct wr_err err;

	(void)state;
	assert_true(runbook_fill_name_is_secret("METRICS_TOKEN"));
	assert_true(runbook_fill_name_is_secret("DB_PASSWORD"));
	assert_true(runbook_fill_name_is_secret("client_secret"));
	assert_true(runbook_fill_name_is_secret("AWS_CREDENTIALS"));
	assert_true(runbook_fill_name_is_secret("DEPLOY_KEY"));
	assert_true(runbook_fill_name_is_secret("ssh-key"));
	assert_true(runbook_fill_name_is_secret("DB_PASS"));
	assert_true(runbook_fill_name_is_secret("BASIC_AUTH"));
	assert_false(runbook_fill_name_is_secret("TAG"));
	assert_false(runbook_fill_name_is_secret("MONKEY"));
	assert_false(runbook_fill_name_is_secret("KEYSPACE"));
	assert_false(runbook_fill_name_is_secret("HEALTH_URL"));
	assert_false(runbook_fill_name_is_secret("commit"));

	runbook_parse(&r, "v.md", verify_md, strlen(verify_md));
	assert_int_equal(runbook_fill_init(&f, &r, 0, 0, &err), 0);
	assert_false(f.secret[0]);
	assert_true(f.secret[1]);
	assert_false(f.secret[2]);
	assert_true(f.secret[3]);
	assert_false(f.secret[4]);
	assert_int_equal(runbook_fill_set(&f, "http://h:1", &err), 0);
	assert_int_equal(runbook_fill_set(&f, "s3cret;rm", &err), -1);
	assert_null(strstr(err.msg, "s3cret"));
	assert_string_equal(err.msg, "the hidden value of $METRICS_TOKEN refused: only letters, "
	    "digits and ._:/@+=,- (nothing is quoted for you)");
	assert_int_equal(runbook_fill_set(&f, "-s3cret", &err), -1);
	assert_string_equal(err.msg, "the hidden value of $METRICS_TOKEN refused: it would read "
	    "as an option");
	assert_int_equal(runbook_fill_set(&f, "s3cret", &err), 0);
	/* Not a secret: the refused value is named, to be fixed. */
	assert_int_equal(runbook_fill_set(&f, "a b", &err), -1);
	assert_string_equal(err.msg, "'a b' refused: only letters, digits and ._:/@+=,- (nothing "
	    "is quoted for you)");
	runbook_fill_free(&f);
	runbook_free(&r);
}

/* Which placeholders hold an image tag (their prompt shows the running
 * tag and where it could go back to): a value of a *TAG= assignment, TAG
 * as a word of the name, a binding's to=; not STAGE, not a revision. */
static void
tag_placeholders_are_known_as_tags(void **state)
{
	static const char tags_md[] =
	    "# Roll back\n"
	    "\n"
	    "1. Pin it\n"
	    "\n"
	    "   ```bash\n"
	    "   IMAGE_TAG=<GOOD> docker compose --env-file .env pull\n"
	    "   echo <who> <GOOD_TAG> <STAGE> <last-good-tag> $API_TAG\n"
	    "   ```\n";
	struct runbook r;
	struct runbook_fill f;
	struct wr_err err;

	(void)state;
	runbook_parse(&r, "t.md", tags_md, strlen(tags_md));
	assert_int_equal(runbook_fill_init(&f, &r, 0, 0, &err), 0);
	assert_int_equal(f.n, 6);
	assert_string_equal(f.labels[0], "<GOOD>");
	assert_true(f.tag[0]);
	assert_string_equal(f.labels[1], "<who>");
	assert_false(f.tag[1]);
	assert_string_equal(f.labels[2], "<GOOD_TAG>");
	assert_true(f.tag[2]);
	assert_string_equal(f.labels[3], "<STAGE>");
	assert_false(f.tag[3]);
	assert_string_equal(f.labels[4], "<last-good-tag>");
	assert_true(f.tag[4]);
	assert_string_equal(f.labels[5], "$API_TAG");
	assert_true(f.tag[5]);
	runbook_fill_free(&f);
	runbook_free(&r);

	runbook_parse(&r, "r.md", rollbacks_md, strlen(rollbacks_md));
	assert_int_equal(runbook_fill_init_action(&f, binding_of(&r, 3, 0), NULL), 1);
	assert_true(f.tag[0]);                        /* to=<TAG> */
	runbook_fill_free(&f);
	assert_int_equal(runbook_fill_init_action(&f, binding_of(&r, 3, 1), NULL), 1);
	assert_false(f.tag[0]);                       /* revision=<REV> */
	runbook_fill_free(&f);
	runbook_free(&r);
}

/* What a tag prompt says the host runs: services grouped by it. */
static void
the_running_tags_are_said_grouped(void **state)
{
	const char *names[] = { "api", "jobs", "worker", "cron" };
	const char *states[] = { "v1.5.0-bad", "v1.5.0-bad", "v1.4.1", "" };
	const char *k8s[] = { "revision 6, v1.5.0-bad" };
	char buf[160];

	(void)state;
	runbook_fill_running(names, states, 4, buf, sizeof(buf));
	assert_string_equal(buf, "api, jobs at v1.5.0-bad; worker at v1.4.1");
	runbook_fill_running(names, k8s, 1, buf, sizeof(buf));
	assert_string_equal(buf, "api at revision 6, v1.5.0-bad");
	runbook_fill_running(names + 3, states + 3, 1, buf, sizeof(buf));
	assert_string_equal(buf, "");
	runbook_fill_running(names, states, 4, buf, 12);
	assert_string_equal(buf, "api, jobs a");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(asks_each_placeholder_once_in_order),
		cmocka_unit_test(sha_placeholders_keep_their_prefix),
		cmocka_unit_test(sha_placeholders_take_only_a_commit),
		cmocka_unit_test(the_shipped_rollback_asks_for_the_tag),
		cmocka_unit_test(values_that_need_quoting_are_refused),
		cmocka_unit_test(steps_without_commands_and_known_actions),
		cmocka_unit_test(a_known_rollback_gets_its_tag),
		cmocka_unit_test(a_rollbacks_placeholders_are_asked_then_named),
		cmocka_unit_test(a_transcript_runs_its_commands_only),
		cmocka_unit_test(output_and_refused_steps_fill_nothing),
		cmocka_unit_test(the_hosts_config_fills_what_it_holds),
		cmocka_unit_test(what_the_config_lacks_is_asked_saying_why),
		cmocka_unit_test(secret_looking_placeholders_are_never_echoed),
		cmocka_unit_test(tag_placeholders_are_known_as_tags),
		cmocka_unit_test(the_running_tags_are_said_grouped),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
