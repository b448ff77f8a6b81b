/*
 * test_runbook_target.c — what a runbook step's rollback or kill switch
 * names is what runs, or the step is refused with the reason: the host,
 * the tag, the revision, the namespace, the switch's direction.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/runbook_lint.h"
#include "warroom/runbook_target.h"

/* h1, h2: compose (api, jobs); k1: k8s in shop (api); m1: helm (api). */
static void
fleet(struct config *cfg)
{
	static const struct { const char *name; enum config_driver d; const char *ns; } h[] = {
		{ "h1", DRIVER_COMPOSE, "" }, { "h2", DRIVER_COMPOSE, "" },
		{ "k1", DRIVER_K8S, "shop" }, { "m1", DRIVER_HELM, "default" },
	};
	size_t i;

	memset(cfg, 0, sizeof(*cfg));
	wr_strlcpy(cfg->file, "warroom.conf", sizeof(cfg->file));
	cfg->hosts = calloc(4, sizeof(*cfg->hosts));
	cfg->nhosts = 4;
	for (i = 0; i < 4; i++) {
		struct config_host *c = &cfg->hosts[i];

		wr_strlcpy(c->name, h[i].name, sizeof(c->name));
		c->driver = h[i].d;
		wr_strlcpy(c->namespace_, h[i].ns, sizeof(c->namespace_));
		wr_strlcpy(c->services[c->nservices++], "api", sizeof(c->services[0]));
		if (h[i].d == DRIVER_COMPOSE)
			wr_strlcpy(c->services[c->nservices++], "jobs", sizeof(c->services[0]));
	}
}

/* An action of kind k with NULL-terminated key, value pairs. */
static void
action(struct runbook_action *a, enum runbook_action_kind k, ...)
{
	va_list ap;
	const char *key;

	memset(a, 0, sizeof(*a));
	a->kind = k;
	va_start(ap, k);
	while ((key = va_arg(ap, const char *)) != NULL)
		runbook_action_add(a, key, va_arg(ap, const char *));
	va_end(ap);
}

static void
rollback_binding(void **state)
{
	struct config cfg;
	struct runbook_action a;
	struct runbook_target t;
	struct wr_err err;

	(void)state;
	fleet(&cfg);
	/* The selected host when it runs the service, else the first that does. */
	action(&a, RUNBOOK_ACT_ROLLBACK, "service", "jobs", "to", "v1.4.1", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 1, &t, &err), 0);
	assert_int_equal(t.host, 1);
	assert_int_equal(t.svc, 1);
	assert_string_equal(t.tag, "v1.4.1");
	assert_int_equal(runbook_target_rollback(&a, &cfg, 2, &t, &err), 0);
	assert_int_equal(t.host, 0);
	runbook_action_free(&a);

	/* last-good and previous are the usual choice, not a tag. */
	action(&a, RUNBOOK_ACT_ROLLBACK, "service", "api", "to", "last-good", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, -1, &t, &err), 0);
	assert_string_equal(t.tag, "");
	runbook_action_free(&a);

	/* host= wins over the selection, and must fit. */
	action(&a, RUNBOOK_ACT_ROLLBACK, "service", "api", "host", "h2", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 0, &t, &err), 0);
	assert_int_equal(t.host, 1);
	runbook_action_free(&a);
	action(&a, RUNBOOK_ACT_ROLLBACK, "service", "jobs", "host", "k1", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 0, &t, &err), -1);
	assert_string_equal(err.msg, "k1 runs no service jobs");
	runbook_action_free(&a);
	action(&a, RUNBOOK_ACT_ROLLBACK, "service", "api", "host", "h9", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 0, &t, &err), -1);
	assert_string_equal(err.msg, "the step names host h9, which warroom.conf does not list");
	runbook_action_free(&a);

	/* driver= and namespace= narrow the hosts. */
	action(&a, RUNBOOK_ACT_ROLLBACK, "service", "api", "driver", "helm", "revision", "7",
	    NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 0, &t, &err), 0);
	assert_int_equal(t.host, 3);
	assert_int_equal(t.revision, 7);
	runbook_action_free(&a);
	action(&a, RUNBOOK_ACT_ROLLBACK, "service", "api", "namespace", "shop", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 0, &t, &err), 0);
	assert_int_equal(t.host, 2);
	runbook_action_free(&a);
	action(&a, RUNBOOK_ACT_ROLLBACK, "service", "api", "namespace", "billing", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 2, &t, &err), -1);
	assert_string_equal(err.msg, "no host in the config runs api in namespace billing");
	runbook_action_free(&a);

	/* A revision is for k8s and helm; compose goes back to a tag. */
	action(&a, RUNBOOK_ACT_ROLLBACK, "service", "api", "revision", "3", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 0, &t, &err), -1);
	assert_non_null(strstr(err.msg, "h1 is a compose host"));
	runbook_action_free(&a);
	free(cfg.hosts);
}

/* A revision=<REV> on a compose host: refused for the host it goes
 * to before the revision is asked for, in the lint's words; the same
 * placeholder on a k8s host, or a tag on a compose one, is asked. */
static void
a_revision_on_a_compose_host_is_refused_before_its_value(void **state)
{
	struct config cfg;
	struct runbook_action a;
	struct wr_err err;

	(void)state;
	fleet(&cfg);
	action(&a, RUNBOOK_ACT_ROLLBACK, "service", "api", "host", "h1", "revision", "<REV>",
	    NULL);
	assert_int_equal(runbook_target_revision_fits(&a, &cfg.hosts[0], &err), -1);
	assert_string_equal(err.msg, "the step names revision=<REV>, and h1 is a compose host: "
	    "compose rolls back to a tag (to=)");
	assert_int_equal(runbook_target_revision_fits(&a, &cfg.hosts[2], &err), 0);
	runbook_action_free(&a);
	action(&a, RUNBOOK_ACT_ROLLBACK, "service", "api", "host", "h1", "to", "<TAG>", NULL);
	assert_int_equal(runbook_target_revision_fits(&a, &cfg.hosts[0], &err), 0);
	runbook_action_free(&a);
	free(cfg.hosts);
}

static void
rollback_commands(void **state)
{
	struct config cfg;
	struct runbook_action a;
	struct runbook_target t;
	struct wr_err err;

	(void)state;
	fleet(&cfg);
	/* kubectl rollout undo deploy/api --to-revision=3 -n shop */
	action(&a, RUNBOOK_ACT_K8S_UNDO, "kind", "deployment", "name", "api", "namespace",
	    "shop", "revision", "3", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 0, &t, &err), 0);
	assert_int_equal(t.host, 2);
	assert_int_equal(t.svc, 0);
	assert_int_equal(t.revision, 3);
	runbook_action_free(&a);

	/* The same in another namespace is refused, with both named. */
	action(&a, RUNBOOK_ACT_K8S_UNDO, "kind", "deployment", "name", "api", "namespace",
	    "prod", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 2, &t, &err), -1);
	assert_string_equal(err.msg, "no k8s host in the config runs api in namespace prod");
	runbook_action_free(&a);

	/* A revision never read as a number is not the previous one: a
	 * placeholder is asked for (runbook_fill) before this, a $(…) refused. */
	action(&a, RUNBOOK_ACT_HELM_ROLLBACK, "release", "api", "revision", "<REVISION>", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 0, &t, &err), -1);
	assert_string_equal(err.msg, "the step's revision <REVISION> is not a revision number");
	runbook_action_free(&a);
	action(&a, RUNBOOK_ACT_K8S_UNDO, "kind", "deployment", "name", "api", "revision",
	    "$(pick)", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 2, &t, &err), -1);
	runbook_action_free(&a);
	action(&a, RUNBOOK_ACT_ROLLBACK, "service", "api", "to", "<TAG>", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 0, &t, &err), -1);
	assert_string_equal(err.msg, "the step's to=<TAG> has no value yet");
	runbook_action_free(&a);

	/* helm's --timeout is how long the gate waits. */
	action(&a, RUNBOOK_ACT_HELM_ROLLBACK, "release", "api", "revision", "3", "timeout", "5m",
	    "wait", "true", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 0, &t, &err), 0);
	assert_int_equal(t.timeout_s, 300);
	runbook_action_free(&a);
	action(&a, RUNBOOK_ACT_HELM_ROLLBACK, "release", "api", "timeout", "1m30s", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 0, &t, &err), 0);
	assert_int_equal(t.timeout_s, 90);
	runbook_action_free(&a);
	action(&a, RUNBOOK_ACT_HELM_ROLLBACK, "release", "api", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 0, &t, &err), 0);
	assert_int_equal(t.timeout_s, 0);
	runbook_action_free(&a);
	action(&a, RUNBOOK_ACT_HELM_ROLLBACK, "release", "api", "timeout", "$WAIT", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 0, &t, &err), -1);
	assert_string_equal(err.msg, "the step's --timeout $WAIT is not a duration (5m, 300s)");
	runbook_action_free(&a);
	action(&a, RUNBOOK_ACT_HELM_ROLLBACK, "release", "api", "timeout", "5x", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 0, &t, &err), -1);
	runbook_action_free(&a);

	/* Neither a statefulset nor a kube context is silently dropped. */
	action(&a, RUNBOOK_ACT_K8S_UNDO, "kind", "statefulset", "name", "api", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 2, &t, &err), -1);
	assert_non_null(strstr(err.msg, "statefulset/api"));
	runbook_action_free(&a);
	action(&a, RUNBOOK_ACT_K8S_UNDO, "kind", "deployment", "name", "api", "context",
	    "prod-eu", NULL);
	assert_int_equal(runbook_target_rollback(&a, &cfg, 2, &t, &err), -1);
	assert_non_null(strstr(err.msg, "kube context prod-eu"));
	runbook_action_free(&a);
	free(cfg.hosts);
}

static void
killswitch_direction(void **state)
{
	struct config cfg;
	struct runbook_action a;
	struct runbook_target t;
	struct wr_err err;

	(void)state;
	fleet(&cfg);
	action(&a, RUNBOOK_ACT_KILLSWITCH, "switch", "export", "state", "off", NULL);
	assert_int_equal(runbook_target_killswitch(&a, &cfg, 1, &t, &err), 0);
	assert_int_equal(t.host, 1);
	assert_int_equal(t.svc, -1);
	assert_string_equal(t.value, "off");
	runbook_action_free(&a);

	action(&a, RUNBOOK_ACT_KILLSWITCH, "switch", "EXPORT_MODE", "state", "on", "host", "h2",
	    "service", "jobs", NULL);
	assert_int_equal(runbook_target_killswitch(&a, &cfg, 0, &t, &err), 0);
	assert_int_equal(t.host, 1);
	assert_int_equal(t.svc, 1);
	assert_string_equal(t.value, "on");
	runbook_action_free(&a);

	/* The recognised `EXPORT_MODE=off docker compose up -d api`. */
	action(&a, RUNBOOK_ACT_KILLSWITCH, "name", "EXPORT_MODE", "value", "off", "service",
	    "api", NULL);
	assert_int_equal(runbook_target_killswitch(&a, &cfg, 0, &t, &err), 0);
	assert_int_equal(t.svc, 0);
	assert_string_equal(t.value, "off");
	runbook_action_free(&a);

	/* `kubectl set env deployment/api EXPORT_MODE=off -n shop` switches
	 * a Kubernetes host only, in the namespace it names. */
	action(&a, RUNBOOK_ACT_KILLSWITCH, "name", "EXPORT_MODE", "value", "off", "driver",
	    "k8s", "service", "api", "namespace", "shop", NULL);
	assert_int_equal(runbook_target_killswitch(&a, &cfg, 2, &t, &err), 0);
	assert_int_equal(t.host, 2);
	assert_int_equal(t.svc, 0);
	assert_int_equal(runbook_target_killswitch(&a, &cfg, 0, &t, &err), -1);
	assert_string_equal(err.msg, "h1 is a compose host, the step is for k8s");
	runbook_action_free(&a);
	action(&a, RUNBOOK_ACT_KILLSWITCH, "name", "EXPORT_MODE", "value", "off", "driver",
	    "k8s", "service", "api", "namespace", "prod", NULL);
	assert_int_equal(runbook_target_killswitch(&a, &cfg, 2, &t, &err), -1);
	assert_string_equal(err.msg, "the step names namespace prod, k1's config says shop");
	runbook_action_free(&a);
	action(&a, RUNBOOK_ACT_KILLSWITCH, "name", "EXPORT_MODE", "value", "off", "driver",
	    "k8s", "service", "api", "context", "prod-eu", NULL);
	assert_int_equal(runbook_target_killswitch(&a, &cfg, 2, &t, &err), -1);
	assert_non_null(strstr(err.msg, "kube context prod-eu"));
	runbook_action_free(&a);
	/* The compose forms do not switch a Kubernetes host. */
	action(&a, RUNBOOK_ACT_KILLSWITCH, "name", "EXPORT_MODE", "value", "off", "driver",
	    "compose", "file", ".env", NULL);
	assert_int_equal(runbook_target_killswitch(&a, &cfg, 2, &t, &err), -1);
	assert_string_equal(err.msg, "k1 is a k8s host, the step is for compose");
	assert_int_equal(runbook_target_killswitch(&a, &cfg, 1, &t, &err), 0);
	runbook_action_free(&a);

	action(&a, RUNBOOK_ACT_KILLSWITCH, "switch", "payments", "state", "off", NULL);
	assert_int_equal(runbook_target_killswitch(&a, &cfg, 0, &t, &err), -1);
	assert_string_equal(err.msg, "warroom's kill switch is EXPORT_MODE; the step names "
	    "'payments'");
	runbook_action_free(&a);
	action(&a, RUNBOOK_ACT_KILLSWITCH, "switch", "export", "state", "off", NULL);
	assert_int_equal(runbook_target_killswitch(&a, &cfg, -1, &t, &err), -1);
	assert_string_equal(err.msg, "no host selected: pick one in HOSTS");
	runbook_action_free(&a);
	free(cfg.hosts);
}

static bool
has_diag(const struct runbook *rb, enum runbook_severity sev, int line, const char *needle)
{
	size_t i;

	for (i = 0; i < rb->ndiags; i++)
		if (rb->diags[i].severity == sev && rb->diags[i].line == line &&
		    strstr(rb->diags[i].msg, needle) != NULL)
			return true;
	return false;
}

/* `warroom runbook -c`: what the console would refuse during the incident
 * is said now, with its line: an error for a binding, a warning for a
 * command x runs through a built-in (not one that runs as written among
 * others); without a config only what the words alone refuse. */
static void
lint_says_what_the_console_would_refuse(void **state)
{
	const char *md = "1. Bindings\n"
	    "   ```warroom\n"
	    "   rollback service=api host=api-2\n"          /* 3 */
	    "   killswitch export off service=worker\n"     /* 4 */
	    "   smoke url=/readyz host=h1\n"                /* 5 */
	    "   statuspage update status=identified\n"      /* 6 */
	    "   rollback service=api namespace=shop\n"      /* 7: k1 */
	    "   killswitch export off service=jobs\n"       /* 8: h1 */
	    "   ```\n"
	    "2. Undo in prod\n"
	    "   ```sh\n"
	    "   kubectl rollout undo deploy/api -n prod\n"  /* 12 */
	    "   ```\n"
	    "3. Undo one\n"
	    "   ```sh\n"
	    "   kubectl rollout undo deploy/<name> -n x\n"  /* 16: filled later */
	    "   ```\n"
	    "4. Helm\n"
	    "   ```sh\n"
	    "   helm rollback api 3\n"                      /* 20: m1 */
	    "   ```\n"
	    "5. Db\n"
	    "   ```sh\n"
	    "   kubectl rollout undo statefulset/db\n"      /* 24 */
	    "   ```\n"
	    "6. Both\n"
	    "   ```sh\n"
	    "   IMAGE_TAG=v1 docker compose up -d api jobs\n" /* 28: h1 */
	    "   ```\n"
	    "7. Web\n"
	    "   ```sh\n"
	    "   IMAGE_TAG=<tag> docker compose up -d api web\n"  /* 32 */
	    "   ```\n"
	    "8. As written\n"
	    "   ```sh\n"
	    "   kubectl rollout undo deploy/api -n prod && echo undone\n"  /* 36 */
	    "   ```\n"
	    "9. All\n"
	    "   ```sh\n"
	    "   IMAGE_TAG=v1 docker compose up -d\n"        /* 40 */
	    "   ```\n";
	struct runbook rb;
	struct config cfg;

	(void)state;
	fleet(&cfg);
	runbook_parse(&rb, "t.md", md, strlen(md));
	assert_int_equal(rb.ndiags, 0);
	runbook_lint(&rb, &cfg);
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 3, "warroom: rollback: the step names host "
	    "api-2, which warroom.conf does not list"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 4, "warroom: killswitch: no host in "
	    "warroom.conf can take it (h1 runs no service worker; the others neither)"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 5, "h1 has no health_url to put /readyz under"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 6, "warroom.conf has no [statuspage]"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 12, "k8s.undo: no k8s host in the config runs "
	    "api in namespace prod; x would refuse it"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 24, "warroom rolls back deployments"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 32, "compose.up: no compose host in "
	    "warroom.conf runs every service it names"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 40, "compose.up: the step's up -d names no "
	    "service"));
	assert_int_equal(rb.nerrors, 4);
	assert_int_equal(rb.nwarnings, 4);
	runbook_free(&rb);

	/* No config: only what no config could make right. */
	runbook_parse(&rb, "t.md", md, strlen(md));
	runbook_lint(&rb, NULL);
	assert_int_equal(rb.nerrors, 0);
	assert_int_equal(rb.nwarnings, 2);
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 24, "this step undoes statefulset/db"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 40, "names no service"));
	runbook_free(&rb);
	free(cfg.hosts);
}

/* The console asks the same question of one step (or a section's own
 * blocks) as `warroom runbook -c` asks of the file: what x would refuse
 * there before any dialog, each item with its line and why, so the pane
 * marks the step and x refuses it without a confirmation. */
static void
a_step_says_what_x_would_refuse_under_the_config(void **state)
{
	const char *md = "1. Roll back api on api-1\n"
	    "   ```warroom\n"
	    "   rollback service=api host=api-2\n"          /* 3 */
	    "   ```\n"
	    "2. Post\n"
	    "   ```warroom\n"
	    "   statuspage update status=identified\n"      /* 7 */
	    "   smoke url=/readyz host=h1\n"                /* 8 */
	    "   ```\n"
	    "3. Fine\n"
	    "   ```warroom\n"
	    "   rollback service=api host=h1\n"
	    "   ```\n"
	    "4. Undo in prod\n"
	    "   ```sh\n"
	    "   kubectl rollout undo deploy/api -n prod\n"  /* 16 */
	    "   ```\n"
	    "\n"
	    "## Own\n"
	    "\n"
	    "```warroom\n"
	    "rollback service=api host=api-9\n"             /* 22 */
	    "```\n";
	struct runbook_refusal r[2];
	struct runbook rb;
	struct config cfg;

	(void)state;
	fleet(&cfg);
	runbook_parse(&rb, "t.md", md, strlen(md));
	assert_int_equal(rb.ndiags, 0);
	assert_int_equal(runbook_lint_work(&rb, 0, 0, &cfg, r, 2), 1);
	assert_int_equal(r[0].line, 3);
	assert_true(r[0].binding);
	assert_int_equal(r[0].kind, RUNBOOK_ACT_ROLLBACK);
	assert_string_equal(r[0].why, "the step names host api-2, which warroom.conf does not list");
	/* Every one counted; the first cap of them said. */
	assert_int_equal(runbook_lint_work(&rb, 0, 1, &cfg, r, 1), 2);
	assert_int_equal(r[0].line, 7);
	assert_string_equal(r[0].why, "warroom.conf has no [statuspage] (nor [chat]) to post to");
	assert_int_equal(runbook_lint_work(&rb, 0, 1, &cfg, NULL, 0), 2);
	assert_int_equal(runbook_lint_work(&rb, 0, 2, &cfg, r, 2), 0);
	assert_int_equal(runbook_lint_work(&rb, 0, 3, &cfg, r, 2), 1);
	assert_int_equal(r[0].line, 16);
	assert_false(r[0].binding);
	/* Section 0 holds what comes before the first heading. */
	assert_int_equal(runbook_lint_work(&rb, 1, WR_RUNBOOK_NONE, &cfg, r, 2), 1);
	assert_int_equal(r[0].line, 22);
	/* No config: the words alone, and these words are fine. */
	assert_int_equal(runbook_lint_work(&rb, 0, 0, NULL, r, 2), 0);
	/* The file's check says the same of each. */
	runbook_lint(&rb, &cfg);
	assert_int_equal(rb.nerrors, 4);
	assert_int_equal(rb.nwarnings, 1);
	runbook_free(&rb);
	free(cfg.hosts);
}

/* A tag or revision left to the engineer (to=<TAG>, revision=<REV>,
 * --to-revision=$REV) is asked for during the incident, but the host and
 * service beside it are written: they are checked now, and so is a
 * revision on a compose host, which no value could make right. A host or
 * service that is itself a placeholder waits for its value. */
static void
lint_checks_the_host_whatever_the_tag_holds(void **state)
{
	const char *md = "1. Bindings\n"
	    "   ```warroom\n"
	    "   rollback service=api host=api-2 to=<TAG>\n"          /* 3 */
	    "   rollback service=payments to=<TAG>\n"                /* 4 */
	    "   rollback service=payments revision=<REV>\n"          /* 5 */
	    "   rollback service=api host=h1 revision=<REV>\n"       /* 6 */
	    "   rollback service=api host=h1 to=<TAG>\n"             /* 7: fine */
	    "   rollback service=api host=k1 revision=<REV>\n"       /* 8: fine */
	    "   ```\n"
	    "2. Helm\n"
	    "   ```sh\n"
	    "   helm rollback payments <REV>\n"                      /* 12 */
	    "   ```\n"
	    "3. Undo\n"
	    "   ```sh\n"
	    "   kubectl rollout undo deploy/api -n prod --to-revision=$REV\n"  /* 16 */
	    "   ```\n"
	    "4. Undo one\n"
	    "   ```sh\n"
	    "   kubectl rollout undo deploy/<name> -n x --to-revision=<REV>\n" /* 20: waits */
	    "   ```\n";
	struct runbook rb;
	struct config cfg;

	(void)state;
	fleet(&cfg);
	runbook_parse(&rb, "t.md", md, strlen(md));
	assert_int_equal(rb.ndiags, 0);
	runbook_lint(&rb, &cfg);
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 3, "warroom: rollback: the step names host "
	    "api-2, which warroom.conf does not list"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 4, "warroom: rollback: no host in the config "
	    "runs payments"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 5, "warroom: rollback: no host in the config "
	    "runs payments"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 6, "warroom: rollback: the step names "
	    "revision=<REV>, and h1 is a compose host: compose rolls back to a tag (to=)"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 12, "helm.rollback: no helm host in the config "
	    "runs payments; x would refuse it"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 16, "k8s.undo: no k8s host in the config runs "
	    "api in namespace prod; x would refuse it"));
	assert_int_equal(rb.nerrors, 4);
	assert_int_equal(rb.nwarnings, 2);
	runbook_free(&rb);

	/* No config: the words alone, which a placeholder does not spoil. */
	runbook_parse(&rb, "t.md", md, strlen(md));
	runbook_lint(&rb, NULL);
	assert_int_equal(rb.ndiags, 0);
	runbook_free(&rb);
	free(cfg.hosts);
}

/* `IMAGE_TAG=T docker compose up -d A B`: every service it names, each
 * once, or nothing at all when one is not the host's (Compose itself would
 * fail on it) or none is named. */
static void
compose_up_names_every_service_or_nothing_runs(void **state)
{
	struct config cfg;
	struct runbook_action a;
	struct wr_err err;
	int svc[WR_SERVICES_MAX];

	(void)state;
	fleet(&cfg);
	action(&a, RUNBOOK_ACT_COMPOSE_UP, "service", "jobs", "service", "api", "service", "jobs",
	    "image_tag", "<tag>", NULL);
	assert_int_equal(runbook_target_compose_up(&a, &cfg.hosts[0], svc, &err), 2);
	assert_int_equal(svc[0], 1);
	assert_int_equal(svc[1], 0);
	runbook_action_free(&a);

	action(&a, RUNBOOK_ACT_COMPOSE_UP, "service", "api", "service", "worker", NULL);
	assert_int_equal(runbook_target_compose_up(&a, &cfg.hosts[0], svc, &err), -1);
	assert_string_equal(err.msg, "h1 runs no service worker (it runs api, jobs): fix the step");
	runbook_action_free(&a);

	action(&a, RUNBOOK_ACT_COMPOSE_UP, "image_tag", "v1", NULL);
	assert_int_equal(runbook_target_compose_up(&a, &cfg.hosts[0], svc, &err), -1);
	assert_string_equal(err.msg, "the step's up -d names no service (Compose would recreate "
	    "them all): the built-in rolls back one service at a time, so name them");
	runbook_action_free(&a);
	free(cfg.hosts);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rollback_binding),
		cmocka_unit_test(a_revision_on_a_compose_host_is_refused_before_its_value),
		cmocka_unit_test(rollback_commands),
		cmocka_unit_test(killswitch_direction),
		cmocka_unit_test(lint_says_what_the_console_would_refuse),
		cmocka_unit_test(lint_checks_the_host_whatever_the_tag_holds),
		cmocka_unit_test(a_step_says_what_x_would_refuse_under_the_config),
		cmocka_unit_test(compose_up_names_every_service_or_nothing_runs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
