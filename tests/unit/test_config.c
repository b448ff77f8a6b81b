/*
 * test_config.c — warroom.conf parsing: good files resolve as documented,
 * and every kind of bad file is refused with its exact "file:line: message".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/config.h"
#include "warroom/ini_lines.h"
#include "warroom/statuspage_req.h"

static const struct config_env env = {
	.home = "/home/op",
	.xdg_state_home = NULL,
	.config_dir = "/etc/warroom",
};

static int
parse(struct config *cfg, const char *text)
{
	config_init(cfg, "prod.conf", &env);
	return config_parse(cfg, text, strlen(text), &env);
}

/* Parse text expecting exactly one error, equal to want. */
static void
expect_error(const char *text, const char *want)
{
	struct config cfg;

	assert_int_equal(parse(&cfg, text), -1);
	if (cfg.nerrors != 1 || strcmp(cfg.errors[0], want) != 0) {
		size_t i;

		for (i = 0; i < cfg.nerrors; i++)
			print_message("got: %s\n", cfg.errors[i]);
	}
	assert_int_equal(cfg.nerrors, 1);
	assert_string_equal(cfg.errors[0], want);
	config_free(&cfg);
}

/* Parse text expecting exactly the errors in want (NULL-terminated), in
 * the order they are reported. */
static void
expect_errors(const char *text, const char *const *want)
{
	struct config cfg;
	size_t i, n = 0;

	while (want[n] != NULL)
		n++;
	assert_int_equal(parse(&cfg, text), -1);
	if (cfg.nerrors != n)
		for (i = 0; i < cfg.nerrors; i++)
			print_message("got: %s\n", cfg.errors[i]);
	assert_int_equal(cfg.nerrors, n);
	for (i = 0; i < n; i++)
		assert_string_equal(cfg.errors[i], want[i]);
	config_free(&cfg);
}

static void
full_config_resolves(void **state)
{
	struct config cfg;
	const char *text =
	    "; production\n"
	    "[warroom]\n"
	    "read_only = false\n"
	    "timeline_dir = ~/incidents\n"
	    "theme = light\n"
	    "known_hosts = keys/known_hosts\n"
	    "ssh_config = ssh/config\n"
	    "poll_interval = 2s\n"
	    "[host \"api-1\"]\n"
	    "address = 10.0.0.5\n"
	    "user = deploy\n"
	    "port = 2222\n"
	    "driver = compose            ; inline comment\n"
	    "compose_dir = /srv/app/deploy\n"
	    "services = api jobs\n"
	    "health_url = http://127.0.0.1:8000\n"
	    "metrics_url = http://127.0.0.1:8000/metrics\n"
	    "metrics_token_env = METRICS_TOKEN\n"
	    "identity_file = ~/.ssh/id_ed25519\n"
	    "\n"
	    "[host \"k8s\"]\n"
	    "driver = k8s\n"
	    "services = api\n"
	    "read_only = yes\n"
	    "tunnel = no\n"
	    "\n"
	    "[statuspage]\n"
	    "kind = atlassian\n"
	    "url = https://api.statuspage.io/v1/pages/PAGE\n"
	    "token_file = ~/.config/warroom/statuspage.token\n"
	    "\n"
	    "[thresholds]\n"
	    "error_rate_rollback = 7.5%\n"
	    "p95_rollback_ms = 2500ms\n"
	    "restarts_rollback = 4/10m\n";

	assert_int_equal(parse(&cfg, text), 0);
	assert_int_equal(cfg.nerrors, 0);
	assert_false(cfg.read_only);
	assert_string_equal(cfg.timeline_dir, "/home/op/incidents");
	assert_string_equal(cfg.theme, "light");
	assert_int_equal(cfg.theme_line, 5);     /* a theme that is missing is reported there */
	assert_string_equal(cfg.known_hosts.path, "/etc/warroom/keys/known_hosts");
	assert_int_equal(cfg.known_hosts.line, 6);
	assert_string_equal(cfg.ssh_config.path, "/etc/warroom/ssh/config");
	assert_int_equal(cfg.poll_ms, 2000);
	assert_int_equal(cfg.metrics_ms, 5000);
	assert_int_equal(cfg.nhosts, 2);
	assert_string_equal(cfg.hosts[0].name, "api-1");
	assert_int_equal(cfg.hosts[0].line, 9);
	assert_string_equal(cfg.hosts[0].address, "10.0.0.5");
	assert_string_equal(cfg.hosts[0].user, "deploy");
	assert_int_equal(cfg.hosts[0].port, 2222);
	assert_int_equal(cfg.hosts[0].driver, DRIVER_COMPOSE);
	assert_int_equal(cfg.hosts[0].nservices, 2);
	assert_string_equal(cfg.hosts[0].services[1], "jobs");
	/* health_url speaks for the first service unless told otherwise. */
	assert_string_equal(cfg.hosts[0].health_service, "api");
	assert_true(config_probes_service(&cfg.hosts[0], 0));
	assert_false(config_probes_service(&cfg.hosts[0], 1));
	assert_false(config_probes_service(&cfg.hosts[1], 0));      /* no health_url */
	assert_string_equal(cfg.hosts[0].metrics_token_env, "METRICS_TOKEN");
	assert_string_equal(cfg.hosts[0].identity_file.path, "/home/op/.ssh/id_ed25519");
	assert_true(cfg.hosts[0].tunnel);
	assert_int_equal(cfg.hosts[1].driver, DRIVER_K8S);
	assert_string_equal(cfg.hosts[1].namespace_, "default");
	assert_true(cfg.hosts[1].read_only);
	assert_false(cfg.hosts[1].tunnel);
	assert_int_equal(cfg.statuspage.kind, STATUSPAGE_ATLASSIAN);
	assert_string_equal(cfg.statuspage.token_file.path,
	    "/home/op/.config/warroom/statuspage.token");
	assert_true(cfg.thresholds.error_rate_rollback > 0.0749 &&
	    cfg.thresholds.error_rate_rollback < 0.0751);
	assert_true(cfg.thresholds.p95_rollback_ms == 2500);
	assert_int_equal(cfg.thresholds.restarts_rollback, 4);
	assert_int_equal(cfg.thresholds.restarts_window_s, 600);
	/* Untouched thresholds keep the documented defaults. */
	assert_true(cfg.thresholds.error_rate_consider == 0.02);
	assert_true(cfg.thresholds.p95_monitor_ms == 500);
	assert_int_equal(cfg.thresholds.min_requests, 10);
	config_free(&cfg);
}

static void
defaults_without_warroom_section(void **state)
{
	static const char ka[] = "[warroom]\nkeepalive_interval = 3s\nstep_timeout = 10m\n"
	    "reconnect_max_interval = 2s\n";
	struct config cfg;
	struct config_env xdg = env;

	xdg.xdg_state_home = "/var/state";
	config_init(&cfg, "x.conf", &xdg);
	assert_int_equal(config_parse(&cfg, "", 0, &xdg), 0);
	assert_string_equal(cfg.timeline_dir, "/var/state/warroom");
	assert_string_equal(cfg.theme, "default");
	assert_int_equal(cfg.nhosts, 0);
	assert_int_equal(cfg.keepalive_ms, 10000);
	assert_int_equal(cfg.reconnect_max_ms, 60000);
	assert_int_equal(cfg.step_timeout_ms, 300000);
	config_free(&cfg);
	config_init(&cfg, "x.conf", &xdg);
	assert_int_equal(config_parse(&cfg, ka, strlen(ka), &xdg), 0);
	assert_int_equal(cfg.keepalive_ms, 3000);
	assert_int_equal(cfg.reconnect_max_ms, 2000);
	assert_int_equal(cfg.step_timeout_ms, 600000);
	config_free(&cfg);
	config_init(&cfg, "x.conf", &env);
	assert_string_equal(cfg.timeline_dir, "/home/op/.local/state/warroom");
	config_free(&cfg);
}

/* The log budget: a size with its unit, within what the rings can hold. */
static void
log_buffer_size(void **state)
{
	struct config cfg;
	char *d;

	(void)state;
	assert_int_equal(parse(&cfg, ""), 0);
	assert_true(cfg.log_buffer_bytes == (size_t)64 << 20);
	d = config_describe(&cfg);
	assert_non_null(strstr(d, "log_buffer: 64 MiB (all tailed services share it)\n"));
	free(d);
	config_free(&cfg);
	assert_int_equal(parse(&cfg, "[warroom]\nlog_buffer = 256MiB\n"), 0);
	assert_true(cfg.log_buffer_bytes == (size_t)256 << 20);
	assert_int_equal(cfg.log_buffer_line, 2);
	d = config_describe(&cfg);
	assert_non_null(strstr(d, "log_buffer: 256 MiB (all tailed services share it)\n"));
	free(d);
	config_free(&cfg);
	assert_int_equal(parse(&cfg, "[warroom]\nlog_buffer = 2 GiB\n"), 0);
	assert_true(cfg.log_buffer_bytes == (size_t)2 << 30);
	config_free(&cfg);
	assert_int_equal(parse(&cfg, "[warroom]\nlog_buffer = 1536kib\n"), 0);
	assert_true(cfg.log_buffer_bytes == (size_t)1536 << 10);
	d = config_describe(&cfg);
	assert_non_null(strstr(d, "log_buffer: 1536 KiB"));
	free(d);
	config_free(&cfg);
	assert_int_equal(parse(&cfg, "[warroom]\nlog_buffer = 4GiB\n"), 0);
	assert_true(cfg.log_buffer_bytes == (size_t)4 << 30);
	config_free(&cfg);
	expect_error("[warroom]\nlog_buffer = 256\n", "prod.conf:2: log_buffer: expected a "
	    "size like 256MiB or 1GiB (1 MiB to 4 GiB), got '256'");
	expect_error("[warroom]\nread_only = no\nlog_buffer = 512KiB\n", "prod.conf:3: "
	    "log_buffer: expected a size like 256MiB or 1GiB (1 MiB to 4 GiB), got '512KiB'");
	expect_error("[warroom]\nlog_buffer = 5GiB\n", "prod.conf:2: log_buffer: expected "
	    "a size like 256MiB or 1GiB (1 MiB to 4 GiB), got '5GiB'");
	expect_error("[warroom]\nlog_buffer = -1MiB\n", "prod.conf:2: log_buffer: expected "
	    "a size like 256MiB or 1GiB (1 MiB to 4 GiB), got '-1MiB'");
	expect_error("[warroom]\nlog_buffer = 99999999999999999999GiB\n", "prod.conf:2: "
	    "log_buffer: expected a size like 256MiB or 1GiB (1 MiB to 4 GiB), got "
	    "'99999999999999999999GiB'");
	expect_error("[warroom]\nlog_buffer = 64 MB\n", "prod.conf:2: log_buffer: expected "
	    "a size like 256MiB or 1GiB (1 MiB to 4 GiB), got '64 MB'");
}

static void
crlf_and_bom_are_accepted(void **state)
{
	struct config cfg;

	assert_int_equal(parse(&cfg, "\xef\xbb\xbf[warroom]\r\nread_only = true\r\n"), 0);
	assert_true(cfg.read_only);
	config_free(&cfg);
}

static void
describe_never_prints_secrets(void **state)
{
	struct config cfg;
	char *d;

	assert_int_equal(parse(&cfg,
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "metrics_token_env = MY_TOKEN\n"), 0);
	d = config_describe(&cfg);
	assert_non_null(strstr(d, "a: a:22 driver=compose compose_dir=/srv services=api"));
	assert_non_null(strstr(d, "metrics token: from $MY_TOKEN"));
	assert_non_null(strstr(d, "known_hosts: none named here (ssh_config's files only; "
	    "K cannot add a key)\n"));
	free(d);
	/* What ssh -G said, in place of the config's guess. */
	d = config_describe_where(&cfg, &(struct config_where){
	    .endpoint = "root@10.0.0.5:22201 via jump", .known_hosts = "/team/known_hosts" },
	    NULL);
	assert_non_null(strstr(d, "  a: root@10.0.0.5:22201 via jump driver=compose "
	    "compose_dir=/srv services=api\n"));
	assert_non_null(strstr(d, "    known_hosts: /team/known_hosts\n"));
	assert_null(strstr(d, "a:22"));
	assert_null(strstr(d, "the name is the address"));
	free(d);
	/* Nothing says where "a" is: the summary line says its name is used. */
	d = config_describe_where(&cfg, &(struct config_where){
	    .endpoint = "op@a:22", .name_is_address = true }, NULL);
	assert_non_null(strstr(d, "  a: op@a:22 driver=compose compose_dir=/srv services=api "
	    "(no address here or in ssh_config: the name is the address)\n"));
	free(d);
	config_free(&cfg);
	/* An IPv6 address in brackets: "::1:14501" reads as another address. */
	assert_int_equal(parse(&cfg, "[host \"v6\"]\naddress = ::1\nport = 14501\nuser = root\n"
	    "compose_dir = /srv\nservices = api\n"), 0);
	d = config_describe(&cfg);
	assert_non_null(strstr(d, "  v6: root@[::1]:14501 driver=compose"));
	free(d);
	config_free(&cfg);
}

static void
components_chat_and_templates(void **state)
{
	struct config cfg;

	assert_int_equal(parse(&cfg, "[statuspage]\nkind = atlassian\n"
	    "url = https://api.statuspage.io/v1/pages/p1\ntoken_env = SP_TOKEN\n"
	    "components = cmp1=major_outage cmp2\nimpact = major\n"
	    "[chat]\nwebhook_url_env = SLACK_HOOK\n"
	    "[templates]\nresolved = Done: {service} on {to_tag}.\n"), 0);
	assert_int_equal(cfg.statuspage.ncomponents, 2);
	assert_string_equal(cfg.statuspage.components[1], "cmp2");
	assert_string_equal(cfg.statuspage.component_status[0], "major_outage");
	assert_string_equal(cfg.statuspage.component_status[1], "partial_outage");
	assert_string_equal(cfg.statuspage.impact, "major");
	assert_string_equal(cfg.chat.webhook_url_env, "SLACK_HOOK");
	assert_int_equal(cfg.chat.webhook_url_env_line, 8);  /* a plain-http URL is reported there */
	assert_string_equal(cfg.templates[WR_TEMPLATE_RESOLVED], "Done: {service} on {to_tag}.");
	/* Untouched templates stay unset: warroom's words (cause_template). */
	assert_string_equal(cfg.templates[WR_TEMPLATE_INVESTIGATING], "");
	config_free(&cfg);
	/* A status's words for a rollback that ended UNKNOWN or FAILED. */
	assert_int_equal(parse(&cfg, "[templates]\nmonitoring = We rolled back {service}.\n"
	    "monitoring_unknown = Checking {service}.\nresolved_failed = Still on it.\n"), 0);
	assert_string_equal(cfg.templates[WR_TEMPLATE_MONITORING], "We rolled back {service}.");
	assert_string_equal(cfg.templates_if[WR_TEMPLATE_IF_UNKNOWN][WR_TEMPLATE_MONITORING],
	    "Checking {service}.");
	assert_string_equal(cfg.templates_if[WR_TEMPLATE_IF_FAILED][WR_TEMPLATE_RESOLVED],
	    "Still on it.");
	assert_string_equal(cfg.templates_if[WR_TEMPLATE_IF_FAILED][WR_TEMPLATE_MONITORING], "");
	assert_string_equal(config_template_if_name(WR_TEMPLATE_IF_UNKNOWN), "unknown");
	config_free(&cfg);
	expect_error("[templates]\nmonitoring_unkown = x\n",
	    "prod.conf:2: unknown key 'monitoring_unkown' in [templates] (did you mean "
	    "'monitoring_unknown'?)");
	expect_error("[templates]\nidentified_failed = at {when}\n",
	    "prod.conf:2: identified_failed: unknown placeholder {when} (known: {service} "
	    "{from_tag} {to_tag} {since} {began} {incident} {time})");
	expect_error("[statuspage]\nkind = atlassian\nurl = https://x/v1/pages/p\n"
	    "token_env = T\ncomponents = cmp1=down\n",
	    "prod.conf:5: components: 'down' is not a component status (operational, "
	    "degraded_performance, partial_outage, major_outage, under_maintenance)");
	expect_error("[chat]\n", "prod.conf:1: [chat] needs webhook_url_env or "
	    "webhook_url_file (the URL is a secret)");
	expect_error("[templates]\nfixed = x\n",
	    "prod.conf:2: unknown key 'fixed' in [templates]");
}

static void
unknown_section(void **state)
{
	expect_error("[warroom]\n[hosts]\n",
	    "prod.conf:2: unknown section [hosts]: expected [warroom], [host \"name\"], "
	    "[statuspage], [chat], [templates] or [thresholds]");
}

static void
misspelt_section_gets_a_suggestion(void **state)
{
	expect_error("[threshold]\n", "prod.conf:1: unknown section [threshold] (did you mean [thresholds]?)");
}

/* The keys under a misspelt section are checked as that section's, in
 * the same run: a second run must not be needed to see them. */
static void
misspelt_section_keys_are_checked_as_the_guess(void **state)
{
	static const char *const warroom[] = {
		"prod.conf:1: unknown section [warrom] (did you mean [warroom]?)",
		"prod.conf:2: unknown key 'timline_dir' in [warroom] (did you mean 'timeline_dir'?)",
		"prod.conf:3: poll_interval: expected an interval like 5s or 1m (1 s to 1 h), "
		"got 'often'",
		NULL,
	};
	static const char *const thresholds[] = {
		"prod.conf:1: unknown section [threshold] (did you mean [thresholds]?)",
		"prod.conf:2: unknown key 'p95_rollback' in [thresholds] (did you mean "
		"'p95_rollback_ms'?)",
		NULL,
	};

	expect_errors("[warrom]\ntimline_dir = /tmp\npoll_interval = often\n", warroom);
	expect_errors("[threshold]\np95_rollback = 3000\n", thresholds);
	/* Nothing near: nothing to check its keys against. */
	expect_error("[colours]\nfoo = bar\n", "prod.conf:1: unknown section [colours]: "
	    "expected [warroom], [host \"name\"], [statuspage], [chat], [templates] or "
	    "[thresholds]");
}

/* A quoted name says a host was meant, however its word is misspelt; its
 * keys are checked as a host's in the same run. */
static void
misspelt_host_section_gets_a_suggestion(void **state)
{
	static const char *const want[] = {
		"prod.conf:1: unknown section [hots \"a\"] (did you mean [host \"a\"]?)",
		"prod.conf:2: unknown key 'adress' in [host \"a\"] (did you mean 'address'?)",
		"prod.conf:3: port: expected a number from 1 to 65535, got 'ssh'",
		NULL,
	};

	expect_errors("[hots \"a\"]\nadress = 10.0.0.1\nport = ssh\ncompose_dir = /srv\n"
	    "services = api\n", want);
	expect_error("[Host \"b-2\"]\n",
	    "prod.conf:1: unknown section [Host \"b-2\"] (did you mean [host \"b-2\"]?)");
	/* Far from host: no guess at what it means. */
	expect_error("[colour \"red\"]\n", "prod.conf:1: unknown section [colour \"red\"]: "
	    "expected [warroom], [host \"name\"], [statuspage], [chat], [templates] or "
	    "[thresholds]");
}

static void
unknown_key_gets_a_suggestion(void **state)
{
	expect_error("[host \"api-1\"]\nadress = 10.0.0.1\ncompose_dir = /srv\nservices = api\n",
	    "prod.conf:2: unknown key 'adress' in [host \"api-1\"] (did you mean 'address'?)");
}

static void
unknown_key_without_suggestion(void **state)
{
	expect_error("[warroom]\ncolour_scheme = dark\n",
	    "prod.conf:2: unknown key 'colour_scheme' in [warroom]");
}

/* compse in a host section got no "did you mean": its edit distance
 * to compose_dir is 5. A key's leading words misspelt are suggested;
 * words merely sharing letters with a key are not. */
static void
unknown_key_suggestions_near_and_far(void **state)
{
	static const struct {
		const char *section, *typed, *want;   /* want NULL: no suggestion */
	} cases[] = {
		{ "host \"a\"", "compse", "compose_dir" },
		{ "host \"a\"", "compose", "compose_dir" },
		{ "host \"a\"", "helth", "health_url" },
		{ "host \"a\"", "identity", "identity_file" },
		{ "host \"a\"", "adress", "address" },
		{ "warroom", "timline", "timeline_dir" },
		{ "warroom", "prometheus", "prometheus_url" },
		{ "host \"a\"", "name", NULL },       /* not namespace */
		{ "host \"a\"", "dir", NULL },        /* not driver */
		{ "host \"a\"", "hostname", NULL },
		{ "host \"a\"", "image", NULL },
		{ "host \"a\"", "user_name", NULL },
		{ "warroom", "colour_scheme", NULL },
		{ "warroom", "debug", NULL },
	};
	char text[256], want[256];
	size_t i;

	(void)state;
	for (i = 0; i < WR_ARRAY_LEN(cases); i++) {
		struct config cfg;

		snprintf(text, sizeof(text), "[%s]\n%s = x\n", cases[i].section, cases[i].typed);
		if (cases[i].want != NULL)
			snprintf(want, sizeof(want), "prod.conf:2: unknown key '%s' in [%s] "
			    "(did you mean '%s'?)", cases[i].typed, cases[i].section, cases[i].want);
		else
			snprintf(want, sizeof(want), "prod.conf:2: unknown key '%s' in [%s]",
			    cases[i].typed, cases[i].section);
		parse(&cfg, text);
		assert_true(cfg.nerrors >= 1);
		/* A host section's own checks (line 1) come first. */
		assert_string_equal(cfg.errors[cfg.nerrors - 1], want);
		config_free(&cfg);
	}
}

/* --check-config listed 14, 27, 40, 15, 16, 28, 34, 41: every key's
 * problems, then every host's. The list is in line order, and problems
 * of one line keep the order they were found in. */
static void
errors_in_line_order(void **state)
{
	(void)state;
	expect_errors("[warroom]\ntheme2 = x\n\n[host \"a\"]\nservices = api\ncompse = /srv\n"
	    "health_service = worker\n\n[host \"b\"]\nport = 70000\n[host \"c\"]\n"
	    "api_token = x\n", (const char *const[]){
	    "prod.conf:2: unknown key 'theme2' in [warroom] (did you mean 'theme'?)",
	    "prod.conf:4: host \"a\": driver compose needs compose_dir",
	    "prod.conf:6: unknown key 'compse' in [host \"a\"] (did you mean 'compose_dir'?)",
	    "prod.conf:7: host \"a\": health_service worker is not one of its services",
	    "prod.conf:9: host \"b\": no services (add services = name …)",
	    "prod.conf:9: host \"b\": driver compose needs compose_dir",
	    "prod.conf:10: port: expected a number from 1 to 65535, got '70000'",
	    "prod.conf:11: host \"c\": no services (add services = name …)",
	    "prod.conf:11: host \"c\": driver compose needs compose_dir",
	    "prod.conf:12: 'api_token' in [host \"c\"]: secrets are never written in the "
	    "config; name an environment variable (*_env) or a 0600 file (*_file)",
	    NULL });
}

/* What is checked after the parse (files, the theme, URLs: config_files.c
 * and main.c) joins the list at its line; a problem of the whole file
 * (line 0) comes first. */
static void
later_errors_join_in_line_order(void **state)
{
	struct config cfg;

	(void)state;
	assert_int_equal(parse(&cfg, "[warroom]\ntheme2 = x\n[host \"a\"]\ncompose_dir = /srv\n"
	    "services = api\nport = 0\n"), -1);
	config_add_error(&cfg, 4, "later at %d", 4);
	config_add_error(&cfg, 0, "the whole file");
	config_add_error(&cfg, 2, "later at %d", 2);
	config_add_error(&cfg, 9, "after all");
	assert_int_equal(cfg.nerrors, 6);
	assert_string_equal(cfg.errors[0], "prod.conf: the whole file");
	assert_string_equal(cfg.errors[1],
	    "prod.conf:2: unknown key 'theme2' in [warroom] (did you mean 'theme'?)");
	assert_string_equal(cfg.errors[2], "prod.conf:2: later at 2");
	assert_string_equal(cfg.errors[3], "prod.conf:4: later at 4");
	assert_string_equal(cfg.errors[4],
	    "prod.conf:6: port: expected a number from 1 to 65535, got '0'");
	assert_string_equal(cfg.errors[5], "prod.conf:9: after all");
	config_free(&cfg);
}

static void
inline_secret_is_refused(void **state)
{
	expect_error("[statuspage]\nkind = cachet\nurl = https://status.example.com\n"
	    "token_env = TOK\ntoken = abc123\n",
	    "prod.conf:5: 'token' in [statuspage]: secrets are never written in the "
	    "config; name an environment variable (*_env) or a 0600 file (*_file)");
}

/* on a shared ops account every console read root@vm. */
static void
actor_names_the_person(void **state)
{
	struct config cfg;
	char *d;

	(void)state;
	assert_int_equal(parse(&cfg, "[warroom]\nactor = bob\n"), 0);
	assert_string_equal(cfg.actor, "bob");
	assert_int_equal(cfg.actor_line, 2);
	/* --check-config says who actions are journalled under, and why. */
	d = config_describe_where(&cfg, NULL, &(struct config_who){ .account = "root@vm" });
	assert_non_null(strstr(d, "\ntheme: default\nactor: bob (root@vm), from actor = at "
	    "line 2\n"));
	free(d);
	d = config_describe_where(&cfg, NULL, &(struct config_who){ .account = "root@vm",
	    .as = "alice" });
	assert_non_null(strstr(d, "\nactor: alice (root@vm), from --as (over actor = bob at "
	    "line 2)\n"));
	free(d);
	config_free(&cfg);
	assert_int_equal(parse(&cfg, "[warroom]\n"), 0);
	assert_string_equal(cfg.actor, "");
	config_free(&cfg);
	expect_error("[warroom]\nactor = bob (admin)\n",
	    "prod.conf:2: actor: an actor name cannot hold ( or ): the account is added in "
	    "parentheses, got 'bob (admin)'");
}

static void
bad_port(void **state)
{
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\nport = 70000\n",
	    "prod.conf:4: port: expected a number from 1 to 65535, got '70000'");
}

static void
hash_comment_gets_a_hint(void **state)
{
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\nport = 22 # ssh\n",
	    "prod.conf:4: port: expected a number from 1 to 65535, got '22 # ssh' "
	    "(inline comments start with ';', not '#')");
}

/* The hint goes wherever a value holds " #", whatever part of it was
 * refused and whichever layer refuses it (a file check after the parse
 * says it at the key's line too). */
static void
hash_comment_hint_everywhere(void **state)
{
	struct config cfg;

	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api jobs # worker\n",
	    "prod.conf:3: services: expected service names of letters, digits, '-', '_' "
	    "and '.', got '#' (inline comments start with ';', not '#')");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "driver = compose # the default\n",
	    "prod.conf:4: driver: expected compose, k8s or helm, got 'compose # the default' "
	    "(inline comments start with ';', not '#')");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "health_service = api # jobs has none\n",
	    "prod.conf:4: host \"a\": health_service api # jobs has none is not one of "
	    "its services (inline comments start with ';', not '#')");
	assert_int_equal(parse(&cfg, "[warroom]\nknown_hosts = kh # ours\n"), 0);
	config_add_error(&cfg, 2, "known_hosts /etc/warroom/kh # ours: No such file");
	config_add_error(&cfg, 1, "something else");
	assert_string_equal(cfg.errors[1], "prod.conf:2: known_hosts /etc/warroom/kh # ours: "
	    "No such file (inline comments start with ';', not '#')");
	assert_string_equal(cfg.errors[0], "prod.conf:1: something else");
	config_free(&cfg);
}

static void
intervals_take_s_m_and_h(void **state)
{
	static const char text[] = "[warroom]\npoll_interval = 1h\nprobe_interval = 2m\n"
	    "metrics_interval = 7\n";
	struct config cfg;

	config_init(&cfg, "x.conf", &env);
	assert_int_equal(config_parse(&cfg, text, strlen(text), &env), 0);
	assert_int_equal(cfg.poll_ms, 3600 * 1000);
	assert_int_equal(cfg.probe_ms, 120 * 1000);
	assert_int_equal(cfg.metrics_ms, 7000);
	config_free(&cfg);
}

static void
bad_interval(void **state)
{
	expect_error("[warroom]\nmetrics_interval = 2h\n",
	    "prod.conf:2: metrics_interval: expected an interval like 5s or 1m (1 s to 1 h), got '2h'");
}

/* arm_time: seconds to hours, for an arming shorter than a minute. */
static void
arm_time_takes_s_m_and_h(void **state)
{
	static const char text[] = "[warroom]\narm_time = 20s\n";
	static const char mins[] = "[warroom]\narm_minutes = 3\n";
	struct config cfg;

	config_init(&cfg, "x.conf", &env);
	assert_int_equal(config_parse(&cfg, text, strlen(text), &env), 0);
	assert_int_equal(cfg.arm_ms, 20 * 1000);
	config_free(&cfg);
	config_init(&cfg, "x.conf", &env);
	assert_int_equal(config_parse(&cfg, mins, strlen(mins), &env), 0);
	assert_int_equal(cfg.arm_ms, 3 * 60 * 1000);
	config_free(&cfg);
}

static void
bad_arm_time(void **state)
{
	expect_error("[warroom]\narm_time = 5s\n",
	    "prod.conf:2: arm_time: expected a time like 90s, 15m or 2h (10 s to 4 h), got '5s'");
	expect_error("[warroom]\narm_time = 5h\n",
	    "prod.conf:2: arm_time: expected a time like 90s, 15m or 2h (10 s to 4 h), got '5h'");
	expect_error("[warroom]\narm_minutes = 2\narm_time = 30s\n",
	    "prod.conf:3: arm_time: arm_minutes and arm_time both set (the other at line 2): keep one");
}

static void
bad_bool(void **state)
{
	expect_error("[warroom]\nread_only = maybe\n",
	    "prod.conf:2: read_only: expected true or false, got 'maybe'");
}

static void
bad_driver(void **state)
{
	expect_error("[host \"a\"]\ndriver = nomad\nservices = api\n",
	    "prod.conf:2: driver: expected compose, k8s or helm, got 'nomad'");
}

static void
duplicate_host(void **state)
{
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "[host \"b\"]\ncompose_dir = /srv\nservices = api\n"
	    "[host \"a\"]\nport = 22\n",
	    "prod.conf:7: duplicate host \"a\" (first defined at line 1)");
}

/* A config with a host pasted twice. One error for the section, not one
 * more "set twice" per key the first one set too; within the copy a key
 * set twice is still said, and so is a bad value. */
static void
duplicate_host_once(void **state)
{
	const char *host = "[host \"api-1\"]\naddress = 10.0.0.1\nuser = deploy\n"
	    "compose_dir = /srv\nservices = api jobs\nport = 22\n";
	char text[512];
	struct config cfg;

	snprintf(text, sizeof(text), "%s%s", host, host);
	expect_error(text, "prod.conf:7: duplicate host \"api-1\" (first defined at line 1)");
	snprintf(text, sizeof(text), "%s%sport = 23\n", host, host);
	assert_int_equal(parse(&cfg, text), -1);
	assert_int_equal(cfg.nerrors, 2);
	assert_string_equal(cfg.errors[1], "prod.conf:13: 'port' set twice in [host \"api-1\"] "
	    "(first at line 12)");
	config_free(&cfg);
	snprintf(text, sizeof(text), "%s%sdriver = nomad\n", host, host);
	assert_int_equal(parse(&cfg, text), -1);
	assert_int_equal(cfg.nerrors, 2);
	assert_string_equal(cfg.errors[1],
	    "prod.conf:13: driver: expected compose, k8s or helm, got 'nomad'");
	config_free(&cfg);
	/* [statuspage] twice likewise: the section is the error. */
	expect_error("[statuspage]\nkind = cachet\nurl = https://s.example.com\ntoken_env = T\n"
	    "[statuspage]\nkind = cachet\nurl = https://s.example.com\ntoken_env = T\n",
	    "prod.conf:5: [statuspage] appears twice (first at line 1)");
}

static void
duplicate_key(void **state)
{
	expect_error("[warroom]\ntheme = light\ntheme = default\n",
	    "prod.conf:3: 'theme' set twice in [warroom] (first at line 2)");
}

static void
host_section_without_quotes(void **state)
{
	expect_error("[host api-1]\n",
	    "prod.conf:1: bad host section [host api-1]: write [host \"name\"]");
}

static void
host_name_with_bad_characters(void **state)
{
	expect_error("[host \"a b\"]\ncompose_dir = /srv\nservices = api\n",
	    "prod.conf:1: host name \"a b\": use letters, digits, '.', '-' and '_'");
}

static void
host_without_services(void **state)
{
	expect_error("[host \"a\"]\ncompose_dir = /srv\n",
	    "prod.conf:1: host \"a\": no services (add services = name …)");
}

static void
compose_host_without_dir(void **state)
{
	expect_error("[host \"a\"]\nservices = api\n",
	    "prod.conf:1: host \"a\": driver compose needs compose_dir");
}

static void
relative_compose_dir(void **state)
{
	expect_error("[host \"a\"]\ncompose_dir = srv/app\nservices = api\n",
	    "prod.conf:2: compose_dir: expected an absolute path on the host, got 'srv/app'");
}

static void
health_service_names_the_probed_service(void **state)
{
	struct config cfg;

	(void)state;
	assert_int_equal(parse(&cfg, "[host \"a\"]\ncompose_dir = /srv\nservices = jobs api\n"
	    "health_url = http://127.0.0.1:8000\nhealth_service = api\n"
	    "[host \"b\"]\ncompose_dir = /srv\nservices = web api\n"
	    "health_url = http://127.0.0.1:8000\nhealth_service = *\n"), 0);
	assert_int_equal(cfg.nerrors, 0);
	assert_false(config_probes_service(&cfg.hosts[0], 0));
	assert_true(config_probes_service(&cfg.hosts[0], 1));
	assert_true(config_probes_service(&cfg.hosts[1], 0));
	assert_true(config_probes_service(&cfg.hosts[1], 1));
	config_free(&cfg);
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api jobs\n"
	    "health_service = web\n",
	    "prod.conf:4: host \"a\": health_service web is not one of its services");
}

static void
bad_url(void **state)
{
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\nhealth_url = 127.0.0.1:8000\n",
	    "prod.conf:4: health_url: expected an http:// or https:// URL, got '127.0.0.1:8000'");
}

static void
bad_env_name(void **state)
{
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\nmetrics_token_env = $TOKEN\n",
	    "prod.conf:4: metrics_token_env: expected an environment variable name, got '$TOKEN'");
}

static void
token_env_and_file_together(void **state)
{
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "metrics_token_env = T\nmetrics_token_file = /t\n",
	    "prod.conf:5: host \"a\": set metrics_token_env or metrics_token_file, not both");
}

static void
bad_percentage(void **state)
{
	expect_error("[thresholds]\nerror_rate_rollback = 0.05\n",
	    "prod.conf:2: error_rate_rollback: expected a percentage like 5%, got '0.05'");
}

static void
bad_restarts(void **state)
{
	expect_error("[thresholds]\nrestarts_rollback = 3 per 5m\n",
	    "prod.conf:2: restarts_rollback: expected restarts per window like 3/5m, got '3 per 5m'");
}

/* min_requests: a count, 0 turning the guard off; anything else is
 * refused with what was expected. */
static void
min_requests_key(void **state)
{
	struct config cfg;

	(void)state;
	assert_int_equal(parse(&cfg, "[thresholds]\nmin_requests = 30\n"), 0);
	assert_int_equal(cfg.thresholds.min_requests, 30);
	config_free(&cfg);
	assert_int_equal(parse(&cfg, "[thresholds]\nmin_requests = 0\n"), 0);
	assert_int_equal(cfg.thresholds.min_requests, 0);
	config_free(&cfg);
	expect_error("[thresholds]\nmin_requests = ten\n",
	    "prod.conf:2: min_requests: expected a number from 0 to 1000000, got 'ten'");
	expect_error("[thresholds]\nmin_requests = -1\n",
	    "prod.conf:2: min_requests: expected a number from 0 to 1000000, got '-1'");
	expect_error("[thresholds]\nmin_request = 30\n",
	    "prod.conf:2: unknown key 'min_request' in [thresholds] (did you mean 'min_requests'?)");
}

/* The order is said with both keys, their values and where each comes
 * from: the default is often the one in the way. */
static void
thresholds_out_of_order(void **state)
{
	struct config cfg;

	expect_error("[thresholds]\nerror_rate_monitor = 10%\n",
	    "prod.conf:2: [thresholds]: error_rate_monitor (10%, line 2) is above "
	    "error_rate_consider (2%, the default): error rates must rise from monitor to "
	    "consider to rollback");
	expect_error("[thresholds]\nerror_rate_rollback = 0.5%\n",
	    "prod.conf:2: [thresholds]: error_rate_consider (2%, the default) is above "
	    "error_rate_rollback (0.5%, line 2): error rates must rise from monitor to "
	    "consider to rollback");
	(void)state;
	assert_int_equal(parse(&cfg, "[thresholds]\np95_consider_ms = 3000\n"
	    "p95_rollback_ms = 2500\np95_monitor_ms = 4000\n"), -1);
	assert_int_equal(cfg.nerrors, 2);
	assert_string_equal(cfg.errors[0], "prod.conf:3: [thresholds]: p95_consider_ms "
	    "(3000 ms, line 2) is above p95_rollback_ms (2500 ms, line 3): p95 limits must "
	    "rise from monitor to consider to rollback");
	assert_string_equal(cfg.errors[1], "prod.conf:4: [thresholds]: p95_monitor_ms "
	    "(4000 ms, line 4) is above p95_consider_ms (3000 ms, line 2): p95 limits must "
	    "rise from monitor to consider to rollback");
	config_free(&cfg);
}

static void
statuspage_incomplete(void **state)
{
	struct config cfg;

	assert_int_equal(parse(&cfg, "[statuspage]\nkind = atlassian\n"), -1);
	assert_int_equal(cfg.nerrors, 2);
	assert_string_equal(cfg.errors[0], "prod.conf:1: [statuspage] needs url");
	assert_string_equal(cfg.errors[1], "prod.conf:1: [statuspage] needs token_env or token_file");
	config_free(&cfg);
}

static void
bad_statuspage_kind(void **state)
{
	expect_error("[statuspage]\nkind = pagerduty\nurl = https://x\ntoken_env = T\n",
	    "prod.conf:2: kind: expected atlassian, cachet or cachet3, got 'pagerduty'");
}

static void
statuspage_kinds_by_name(void **state)
{
	static const struct {
		const char *word;
		enum statuspage_kind kind;
	} kinds[] = {
		{ "atlassian", STATUSPAGE_ATLASSIAN },
		{ "cachet", STATUSPAGE_CACHET },
		{ "cachet3", STATUSPAGE_CACHET3 },
	};
	struct config cfg;
	char text[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		snprintf(text, sizeof(text), "[statuspage]\nkind = %s\n"
		    "url = https://status.example.com\ntoken_env = TOK\n", kinds[i].word);
		assert_int_equal(parse(&cfg, text), 0);
		assert_int_equal(cfg.statuspage.kind, kinds[i].kind);
		assert_string_equal(config_statuspage_kind_name(cfg.statuspage.kind),
		    kinds[i].word);
		config_free(&cfg);
	}
	assert_string_equal(config_statuspage_kind_name(STATUSPAGE_NONE), "none");
	/* Case matters, as for every other word in the file. */
	expect_error("[statuspage]\nkind = Cachet3\nurl = https://x\ntoken_env = T\n",
	    "prod.conf:2: kind: expected atlassian, cachet or cachet3, got 'Cachet3'");
}

/* Above every section, a key is sent to the section it belongs in. */
static void
key_outside_section(void **state)
{
	expect_error("theme = light\n",
	    "prod.conf:1: 'theme' is outside any section: put it under [warroom]");
	expect_error("address = 10.0.0.5\n",
	    "prod.conf:1: 'address' is outside any section: put it under a [host \"name\"] "
	    "section");
	expect_error("prometheus_url = http://p:9090\n",
	    "prod.conf:1: 'prometheus_url' is outside any section: put it under [warroom] "
	    "(for every host) or a [host \"name\"] section");
	expect_error("error_rate_rollback = 5%\n",
	    "prod.conf:1: 'error_rate_rollback' is outside any section: put it under "
	    "[thresholds]");
	expect_error("token_env = T\n",
	    "prod.conf:1: 'token_env' is outside any section: put it under [statuspage]");
	expect_error("colour = red\n",
	    "prod.conf:1: 'colour' is outside any section: put it under its section "
	    "([warroom], [host \"name\"], [statuspage], [chat], [templates] or [thresholds])");
}

/* An empty services = is said at its own line, not the section's. */
static void
empty_services_at_its_line(void **state)
{
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices =\n",
	    "prod.conf:3: services: empty value (name the services to watch, like "
	    "services = api jobs)");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = ,\n",
	    "prod.conf:3: services: empty value (name the services to watch, like "
	    "services = api jobs)");
}

/* A {word} no template fills would go out literally on the status page. */
static void
template_placeholders(void **state)
{
	struct config cfg;
	struct statuspage_vars v = { .service = "S", .from_tag = "F", .to_tag = "T",
		.incident = "I", .time = "M", .since = "N", .began = "B" };
	char tpl[64];
	char *out;
	int i;

	(void)state;
	expect_error("[templates]\ninvestigating = We look at {servce} since {began}.\n",
	    "prod.conf:2: investigating: unknown placeholder {servce} (did you mean "
	    "{service}?) (known: {service} {from_tag} {to_tag} {since} {began} {incident} "
	    "{time})");
	expect_error("[templates]\nresolved = Fixed at {when}.\n",
	    "prod.conf:2: resolved: unknown placeholder {when} (known: {service} {from_tag} "
	    "{to_tag} {since} {began} {incident} {time})");
	/* Braces around no word, or a count, are text. */
	assert_int_equal(parse(&cfg, "[templates]\nidentified = {service} { } {\"a\": 1} {} {2}\n"),
	    0);
	config_free(&cfg);
	/* Every placeholder the check knows is one the status page fills. */
	for (i = 0; config_template_placeholder(i) != NULL; i++) {
		snprintf(tpl, sizeof(tpl), "{%s}", config_template_placeholder(i));
		out = statuspage_template(tpl, &v);
		assert_string_not_equal(out, tpl);
		free(out);
	}
	assert_int_equal(i, 7);
}

/* Credentials in a URL are refused without quoting them, with where they
 * belong; a port out of range or a URL without a host is refused at once. */
static void
urls_checked_whole(void **state)
{
	struct config cfg;

	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "health_url = http://admin:hunter2@127.0.0.1:8000\n",
	    "prod.conf:4: health_url: no user:password@ in the URL: secrets are never written "
	    "in the config (the health endpoints are asked without credentials)");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "metrics_url = https://ops@m.example.com/metrics\n",
	    "prod.conf:4: metrics_url: no user@ in the URL: secrets are never written "
	    "in the config (a bearer token goes in metrics_token_env or metrics_token_file)");
	/* A token in the query string is one in the file too: refused, never
	 * quoted back, whatever else is wrong with the URL. */
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "metrics_url = http://127.0.0.1:25301/metrics?token=abc123secret\n",
	    "prod.conf:4: metrics_url: no token= in the URL's query: secrets are never written "
	    "in the config (a bearer token goes in metrics_token_env or metrics_token_file)");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "health_url = http://h:99999/readyz?x=1&API_KEY=abc123secret\n",
	    "prod.conf:4: health_url: no API_KEY= in the URL's query: secrets are never written "
	    "in the config (the health endpoints are asked without credentials)");
	expect_error("[statuspage]\nkind = cachet\nurl = https://status.example.com/?sig=zz\n"
	    "token_env = T\n",
	    "prod.conf:3: url: no sig= in the URL's query: secrets are never written "
	    "in the config (the API token goes in token_env or token_file)");
	/* A name that only contains one, or one after the #, is no credential. */
	assert_int_equal(parse(&cfg, "[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "metrics_url = http://127.0.0.1:9100/metrics?monkey=1#token=x\n"), 0);
	config_free(&cfg);
	expect_error("[statuspage]\nkind = cachet\nurl = https://a:b@status.example.com\n"
	    "token_env = T\n",
	    "prod.conf:3: url: no user:password@ in the URL: secrets are never written "
	    "in the config (the API token goes in token_env or token_file)");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "health_url = http://127.0.0.1:80000\n",
	    "prod.conf:4: health_url: the port in 'http://127.0.0.1:80000' is not a number "
	    "from 1 to 65535");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "health_url = http://h:/x\n",
	    "prod.conf:4: health_url: the port in 'http://h:/x' is not a number from 1 to 65535");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "health_url = http://\n",
	    "prod.conf:4: health_url: expected a URL with a host, like http://127.0.0.1:8000, "
	    "got 'http://'");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "metrics_url = http://:9100/metrics\n",
	    "prod.conf:4: metrics_url: expected a URL with a host, like http://127.0.0.1:8000, "
	    "got 'http://:9100/metrics'");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "health_url = http://127.0.0.1:8000/healthz/\n",
	    "prod.conf:4: health_url: give the base URL, like http://127.0.0.1:8000: /healthz, "
	    "/readyz and /version are added to it, got 'http://127.0.0.1:8000/healthz/'");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "health_url = http://[]:80\n",
	    "prod.conf:4: health_url: expected a URL with a host, like http://127.0.0.1:8000, "
	    "got 'http://[]:80'");
	(void)state;
	assert_int_equal(parse(&cfg, "[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "health_url = http://[::1]:8000\nmetrics_url = https://m.example.com/metrics?x=a@b\n"),
	    0);
	assert_string_equal(cfg.hosts[0].health_url, "http://[::1]:8000");
	config_free(&cfg);
}

/* Paths are the config's directory's: "./x" is no "/etc/warroom/./x". */
static void
relative_paths_resolve_clean(void **state)
{
	struct config cfg;

	(void)state;
	assert_int_equal(parse(&cfg, "[warroom]\nknown_hosts = ./known_hosts\n"
	    "ssh_config = .//ssh/config\ntimeline_dir = .\n"), 0);
	assert_string_equal(cfg.known_hosts.path, "/etc/warroom/known_hosts");
	assert_string_equal(cfg.ssh_config.path, "/etc/warroom/ssh/config");
	assert_string_equal(cfg.timeline_dir, "/etc/warroom");
	assert_int_equal(cfg.timeline_dir_line, 4);
	config_free(&cfg);
}

/* The man page's EXAMPLE pasted as man prints it: every line indented. */
static void
indented_lines_are_read(void **state)
{
	struct config cfg;

	(void)state;
	assert_int_equal(parse(&cfg, "       [warroom]\n       timeline_dir = ~/incidents\n"
	    "       theme = light\n\n       [host \"api-1\"]\n       address = 10.0.0.5\n"
	    "\tcompose_dir = /srv/app\n       services = api jobs\n"), 0);
	assert_string_equal(cfg.theme, "light");
	assert_int_equal(cfg.nhosts, 1);
	assert_string_equal(cfg.hosts[0].address, "10.0.0.5");
	assert_int_equal(cfg.hosts[0].nservices, 2);
	config_free(&cfg);
	/* A value wrapped onto the next line is said, never glued on. */
	expect_error("[warroom]\nerror_rate_query = sum(rate(x{s=~\"5..\"}[1m]))\n"
	    "  / sum(rate(x{a=\"b\"}[1m]))\n",
	    "prod.conf:3: cannot read this line: it is indented like more of the value above, "
	    "but a value is one line: join the two lines (or write 'key = value')");
}

/* OpenSSH's rule for the files that decide where the console connects. */
static void
file_trust(void **state)
{
	char why[512];

	(void)state;
	assert_int_equal(config_file_trusted("ssh_config", "/c", "what ssh runs", 0100644, 1000,
	    1000, why, sizeof(why)), 0);
	assert_int_equal(config_file_trusted("ssh_config", "/c", "what ssh runs", 0100600, 0,
	    1000, why, sizeof(why)), 0);
	assert_int_equal(config_file_trusted("known_hosts", "/k", "which host keys are trusted",
	    0100666, 1000, 1000, why, sizeof(why)), -1);
	assert_string_equal(why, "known_hosts /k is writable by group or others (mode 0666), "
	    "and it decides which host keys are trusted (as ssh says: bad permissions): "
	    "chmod go-w /k");
	assert_int_equal(config_file_trusted("config", "/w", "x", 0100664, 0, 1000, why,
	    sizeof(why)), -1);
	assert_int_equal(config_file_trusted("config", "/w", "where the console connects",
	    0100600, 1001, 1000, why, sizeof(why)), -1);
	assert_string_equal(why, "config /w is owned by uid 1001, neither you nor root, and it "
	    "decides where the console connects (as ssh says: bad owner); use a copy of your "
	    "own");
}

static void
syntax_error_line(void **state)
{
	expect_error("[warroom]\nread_only\n",
	    "prod.conf:2: cannot read this line: expected 'key = value' or a [section]");
}

/* A header that lost its ']' is the one error: the keys below it belong to
 * no section, not to the host above (where each was "set twice"). */
static void
unclosed_section_header_is_the_only_error(void **state)
{
	expect_error("[host \"api-1\"]\naddress = 10.0.0.5\ncompose_dir = /srv\n"
	    "services = api\n\n[host \"k8s\"\naddress = 10.0.0.6\ndriver = k8s\n"
	    "services = api\n[warroom]\ntheme = light\n",
	    "prod.conf:6: cannot read this line: a [section] needs its closing ']' (the "
	    "keys below it, up to the next section, are not read)");
}

/* Every unreadable line is reported, where it stands among the others. */
static void
unreadable_lines_in_line_order(void **state)
{
	struct config cfg;

	assert_int_equal(parse(&cfg, "[warroom]\nread_only\ntheme2 = x\nfoo\n"
	    "[statuspage ; note]\nkind = cachet\n[warroom]\nkeepalive_interval = 0\n"), -1);
	assert_int_equal(cfg.nerrors, 5);
	assert_string_equal(cfg.errors[0],
	    "prod.conf:2: cannot read this line: expected 'key = value' or a [section]");
	assert_string_equal(cfg.errors[1],
	    "prod.conf:3: unknown key 'theme2' in [warroom] (did you mean 'theme'?)");
	assert_string_equal(cfg.errors[2],
	    "prod.conf:4: cannot read this line: expected 'key = value' or a [section]");
	assert_string_equal(cfg.errors[3], "prod.conf:5: cannot read this line: a [section] "
	    "needs its closing ']' (the keys below it, up to the next section, are not read)");
	assert_string_equal(cfg.errors[4], "prod.conf:8: keepalive_interval: expected an "
	    "interval like 5s or 1m (1 s to 1 h), got '0'");
	config_free(&cfg);
}

/* inih's own reading of a line, which the reports above rely on. */
static void
line_kinds_follow_inih(void **state)
{
	(void)state;
	assert_int_equal(ini_line_kind("\n", false), INI_LINE_BLANK);
	assert_int_equal(ini_line_kind("  # note\n", true), INI_LINE_BLANK);
	assert_int_equal(ini_line_kind("[warroom]  ; main\n", false), INI_LINE_SECTION);
	assert_int_equal(ini_line_kind("[warroom ; ]\n", false), INI_LINE_UNCLOSED);
	assert_int_equal(ini_line_kind("[host \"a\"\n", false), INI_LINE_UNCLOSED);
	assert_int_equal(ini_line_kind("port: 22\n", false), INI_LINE_KEY);
	assert_int_equal(ini_line_kind("a;b = 1\n", false), INI_LINE_KEY);
	assert_int_equal(ini_line_kind("read_only ; = x\n", false), INI_LINE_NO_SEPARATOR);
	assert_int_equal(ini_line_kind("  more words\n", true), INI_LINE_CONTINUATION);
	/* Indented keys and sections are read as such (ini_lines.c). */
	assert_int_equal(ini_line_kind("  port = 22\n", true), INI_LINE_KEY);
	assert_int_equal(ini_line_kind("\t[host \"a\"]\n", true), INI_LINE_SECTION);
	assert_int_equal(ini_line_kind("  / sum(x{a=\"b\"})\n", true), INI_LINE_CONTINUATION);
	assert_int_equal(ini_line_kind("  more words\n", false), INI_LINE_NO_SEPARATOR);
}

static void
line_too_long(void **state)
{
	char text[400];

	memset(text, 'x', sizeof(text));
	memcpy(text, "[warroom]\ntheme = ", 18);
	text[sizeof(text) - 2] = '\n';
	text[sizeof(text) - 1] = '\0';
	expect_error(text, "prod.conf:2: line too long (at most 197 bytes)");
}

/* A key on a line too long to read was set, not missing: its line is
 * the one error, with no "need error_rate_query" for each host after it. */
static void
line_too_long_is_no_missing_key(void **state)
{
	char q[240], text[1024];

	memset(q, 'x', sizeof(q) - 1);
	q[sizeof(q) - 1] = '\0';
	snprintf(text, sizeof(text), "[warroom]\nprometheus_url = http://prom:9090\n"
	    "error_rate_query = %s\np95_query = p{host=\"{host}\"}\n"
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "[host \"b\"]\ncompose_dir = /srv\nservices = api\n", q);
	expect_error(text, "prod.conf:3: line too long (at most 197 bytes)");
	/* In a host section: that host's own key. */
	snprintf(text, sizeof(text), "[warroom]\nprometheus_url = http://prom:9090\n"
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "  error_rate_query = %s\np95_query = p{host=\"{host}\"}\n", q);
	expect_error(text, "prod.conf:6: line too long (at most 197 bytes)");
	snprintf(text, sizeof(text), "[host \"a\"]\nservices = api\ncompose_dir = /%s\n", q);
	expect_error(text, "prod.conf:3: line too long (at most 197 bytes)");
}

static void
duplicate_service(void **state)
{
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api api\n",
	    "prod.conf:3: services: 'api' listed twice");
}

static void
every_error_is_reported(void **state)
{
	struct config cfg;

	assert_int_equal(parse(&cfg, "[warroom]\nread_only = perhaps\ntheme2 = x\n[bogus]\n"), -1);
	assert_int_equal(cfg.nerrors, 3);
	config_free(&cfg);
}

/* a key warroom does not know, or a bad value of one the host's
 * checks do not need, hid every other problem of its host until the
 * next run. Each is said at once, with its suggestion. */
static void
unknown_host_key_hides_nothing(void **state)
{
	(void)state;
	expect_errors("[host \"a\"]\ncompose_dir = /srv\nservices = api jobs\ncompse = x\n"
	    "health_service = worker\n", (const char *const[]){
	    "prod.conf:4: unknown key 'compse' in [host \"a\"] (did you mean 'compose_dir'?)",
	    "prod.conf:5: host \"a\": health_service worker is not one of its services",
	    NULL });
	expect_errors("[host \"a\"]\ncompse_dir = /srv\nservices = api\n", (const char *const[]){
	    "prod.conf:1: host \"a\": driver compose needs compose_dir",
	    "prod.conf:2: unknown key 'compse_dir' in [host \"a\"] (did you mean 'compose_dir'?)",
	    NULL });
	expect_errors("[host \"a\"]\nport = 70000\nservices = api\n", (const char *const[]){
	    "prod.conf:1: host \"a\": driver compose needs compose_dir",
	    "prod.conf:2: port: expected a number from 1 to 65535, got '70000'",
	    NULL });
	expect_errors("[host \"a\"]\napi_token = x\n", (const char *const[]){
	    "prod.conf:1: host \"a\": no services (add services = name …)",
	    "prod.conf:1: host \"a\": driver compose needs compose_dir",
	    "prod.conf:2: 'api_token' in [host \"a\"]: secrets are never written in the "
	    "config; name an environment variable (*_env) or a 0600 file (*_file)",
	    NULL });
	/* What a check needs, when refused, still spares its follow-on: the
	 * bad value is the one mistake. */
	expect_error("[host \"a\"]\ncompose_dir = srv\nservices = api\n",
	    "prod.conf:2: compose_dir: expected an absolute path on the host, got 'srv'");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api b@d\nhealth_service = b@d\n",
	    "prod.conf:3: services: expected service names of letters, digits, '-', '_' "
	    "and '.', got 'b@d'");
}

/* namespace on a compose host was silently ignored while compose_dir
 * on a k8s host was refused. A key of one driver on a host of another is
 * refused at its line, naming the host's driver and where it was set. */
static void
driver_keys_only_on_their_driver(void **state)
{
	struct config cfg;

	(void)state;
	expect_error("[host \"a\"]\ndriver = compose\ncompose_dir = /srv\nnamespace = prod\n"
	    "services = api\n",
	    "prod.conf:4: host \"a\": namespace is only for drivers k8s and helm, and this "
	    "host's driver is compose (line 2)");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nnamespace = prod\nservices = api\n",
	    "prod.conf:3: host \"a\": namespace is only for drivers k8s and helm, and this "
	    "host's driver is compose (the default: its section sets no driver)");
	expect_error("[host \"h\"]\ndriver = helm\nservices = api\ncompose_dir = /srv\n",
	    "prod.conf:4: host \"h\": compose_dir is only for driver compose, and this "
	    "host's driver is helm (line 2)");
	/* One config: the typo and the misplaced key in one run. */
	expect_errors("[host \"k\"]\ndriver = k8s\ncompose_dir = /srv\nnamepsace = prod\n"
	    "services = api\n", (const char *const[]){
	    "prod.conf:3: host \"k\": compose_dir is only for driver compose, and this "
	    "host's driver is k8s (line 2)",
	    "prod.conf:4: unknown key 'namepsace' in [host \"k\"] (did you mean 'namespace'?)",
	    NULL });
	/* Whether its value is good or not, it is not for this driver. */
	expect_errors("[host \"k\"]\ndriver = k8s\ncompose_dir = srv\nservices = api\n",
	    (const char *const[]){
	    "prod.conf:3: compose_dir: expected an absolute path on the host, got 'srv'",
	    "prod.conf:3: host \"k\": compose_dir is only for driver compose, and this "
	    "host's driver is k8s (line 2)",
	    NULL });
	/* A driver that is refused cannot say which keys are its own. */
	expect_error("[host \"a\"]\ndriver = nomad\nnamespace = prod\ncompose_dir = /srv\n"
	    "services = api\n",
	    "prod.conf:2: driver: expected compose, k8s or helm, got 'nomad'");
	assert_int_equal(parse(&cfg, "[host \"k\"]\ndriver = k8s\nnamespace = shop\nservices = api\n"
	    "[host \"h\"]\nnamespace = prod\ndriver = helm\nservices = api\n"), 0);
	assert_string_equal(cfg.hosts[0].namespace_, "shop");
	assert_string_equal(cfg.hosts[1].namespace_, "prod");
	config_free(&cfg);
}

/* A refused host section (bad name, duplicate) still has its keys
 * checked: every problem in one run, not one more per run. */
static void
refused_host_sections_keys_are_checked(void **state)
{
	struct config cfg;

	assert_int_equal(parse(&cfg, "[host \"a b\"]\nservices = api api\ntunnel = perhaps\n"
	    "[host \"ok\"]\ncompose_dir = /srv\nservices = api\n[host \"ok\"]\ndriver = nomad\n"),
	    -1);
	assert_int_equal(cfg.nerrors, 5);
	assert_string_equal(cfg.errors[1], "prod.conf:2: services: 'api' listed twice");
	assert_string_equal(cfg.errors[2], "prod.conf:3: tunnel: expected true or false, got 'perhaps'");
	assert_string_equal(cfg.errors[4],
	    "prod.conf:8: driver: expected compose, k8s or helm, got 'nomad'");
	/* Only the good one is kept. */
	assert_int_equal(cfg.nhosts, 1);
	config_free(&cfg);
}

/* ---- metrics from Prometheus ---- */

#define ER_Q "sum(rate(http_requests_total{host=\"{host}\",status=~\"5..\"}[1m]))" \
	" / sum(rate(http_requests_total{host=\"{host}\"}[1m]))"

static void
prometheus_defaults_and_overrides(void **state)
{
	struct config cfg;
	char *d;
	const char *text =
	    "[warroom]\n"
	    "prometheus_url = http://prom:9090\n"
	    "error_rate_query = " ER_Q "\n"
	    "p95_query = histogram_quantile(0.95, sum by (le) (rate(x_bucket{host=\"{host}\"}[1m])))\n"
	    "[host \"api-1\"]\n"                                   /* 5 */
	    "compose_dir = /srv\nservices = api\n"
	    "[host \"api-2\"]\n"                                   /* 8 */
	    "compose_dir = /srv\nservices = api\n"
	    "metrics_url = http://127.0.0.1:8000/metrics\n"
	    "[host \"api-3\"]\n"                                   /* 12 */
	    "compose_dir = /srv\nservices = api\ntunnel = no\n"
	    "prometheus_url = https://prom.example.com/prometheus/\n"
	    "p95_query = max(p95{instance=\"{host}:9100\"})\n"
	    "request_rate_query = sum(rate(http_requests_total{host=\"{host}\"}[1m]))\n"
	    "up_query = min(up{job=\"api\",host=\"{host}\"})\n";

	assert_int_equal(parse(&cfg, text), 0);
	assert_int_equal(cfg.nhosts, 3);
	/* [warroom]'s settings are every host's, {host} filled in. */
	assert_true(config_uses_prometheus(&cfg.hosts[0]));
	assert_string_equal(cfg.hosts[0].prom.url, "http://prom:9090");
	assert_int_equal(cfg.hosts[0].prom.url_line, 2);
	assert_string_equal(cfg.hosts[0].prom.query[WR_QUERY_ERROR_RATE],
	    "sum(rate(http_requests_total{host=\"api-1\",status=~\"5..\"}[1m]))"
	    " / sum(rate(http_requests_total{host=\"api-1\"}[1m]))");
	assert_int_equal(cfg.hosts[0].prom.query_line[WR_QUERY_ERROR_RATE], 3);
	assert_string_equal(cfg.hosts[0].prom.query[WR_QUERY_P95],
	    "histogram_quantile(0.95, sum by (le) (rate(x_bucket{host=\"api-1\"}[1m])))");
	assert_string_equal(cfg.hosts[0].prom.query[WR_QUERY_REQUEST_RATE], "");
	/* A metrics_url of its own wins over the default. */
	assert_false(config_uses_prometheus(&cfg.hosts[1]));
	assert_string_equal(cfg.hosts[1].metrics_url, "http://127.0.0.1:8000/metrics");
	/* A host's own keys override [warroom]'s, one by one. */
	assert_true(config_uses_prometheus(&cfg.hosts[2]));
	assert_string_equal(cfg.hosts[2].prom.url, "https://prom.example.com/prometheus/");
	assert_int_equal(cfg.hosts[2].prom.url_line, 16);
	assert_string_equal(cfg.hosts[2].prom.query[WR_QUERY_P95],
	    "max(p95{instance=\"api-3:9100\"})");
	assert_int_equal(cfg.hosts[2].prom.query_line[WR_QUERY_P95], 17);
	assert_non_null(strstr(cfg.hosts[2].prom.query[WR_QUERY_ERROR_RATE], "{host=\"api-3\"}"));
	assert_string_equal(cfg.hosts[2].prom.query[WR_QUERY_REQUEST_RATE],
	    "sum(rate(http_requests_total{host=\"api-3\"}[1m]))");
	assert_string_equal(config_query_key(WR_QUERY_REQUEST_RATE), "request_rate_query");
	/* up_query is optional, its {host} filled in like the others'. */
	assert_string_equal(cfg.hosts[0].prom.query[WR_QUERY_UP], "");
	assert_string_equal(cfg.hosts[2].prom.query[WR_QUERY_UP],
	    "min(up{job=\"api\",host=\"api-3\"})");
	assert_true(cfg.hosts[2].prom.query_has_host[WR_QUERY_UP]);
	assert_string_equal(config_query_key(WR_QUERY_UP), "up_query");
	/* After a rollback, figures reach back over the queries' longest
	 * range (api-3: p95 has none, the error rate [1m]). */
	assert_int_equal(cfg.hosts[0].prom.window_s, 60);
	assert_int_equal(cfg.hosts[2].prom.window_s, 60);
	assert_int_equal(cfg.hosts[1].prom.window_s, 0);

	d = config_describe(&cfg);
	assert_non_null(strstr(d, "    metrics from Prometheus: prometheus_url=http://prom:9090 "
	    "(through SSH)\n      error_rate_query=sum(rate(http_requests_total{host=\"api-1\""));
	assert_non_null(strstr(d, "prometheus_url=https://prom.example.com/prometheus/ (direct)\n"));
	assert_non_null(strstr(d, "      p95_query=max(p95{instance=\"api-3:9100\"})\n"));
	assert_non_null(strstr(d, "      up_query=min(up{job=\"api\",host=\"api-3\"})\n"
	    "      window 1m (the longest range in error_rate_query, p95_query)\n"));
	free(d);
	config_free(&cfg);
}

static void
prometheus_host_settings_alone(void **state)
{
	struct config cfg;

	/* No [warroom] defaults: a host may carry everything itself. */
	assert_int_equal(parse(&cfg, "[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "prometheus_url = http://127.0.0.1:9090\nerror_rate_query = er{h=\"{host}\"}\n"
	    "p95_query = p95\n"), 0);
	assert_true(config_uses_prometheus(&cfg.hosts[0]));
	assert_string_equal(cfg.hosts[0].prom.query[WR_QUERY_ERROR_RATE], "er{h=\"a\"}");
	assert_string_equal(cfg.hosts[0].prom.query[WR_QUERY_P95], "p95");
	/* Whether {host} was filled in: an empty answer then asks about it. */
	assert_true(cfg.hosts[0].prom.query_has_host[WR_QUERY_ERROR_RATE]);
	assert_false(cfg.hosts[0].prom.query_has_host[WR_QUERY_P95]);
	assert_string_equal(config_query_words(WR_QUERY_ERROR_RATE), "error-rate");
	/* No range to read (recording rules): the documented default. */
	assert_int_equal(cfg.hosts[0].prom.window_s, WR_PROM_WINDOW_S);
	assert_int_equal(WR_PROM_WINDOW_S, 300);
	config_free(&cfg);
	/* Queries as defaults with no prometheus_url anywhere: nothing reads them. */
	assert_int_equal(parse(&cfg, "[warroom]\np95_query = p95\n"
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\n"), 0);
	assert_false(config_uses_prometheus(&cfg.hosts[0]));
	config_free(&cfg);
}

static void
metrics_url_and_prometheus_url_together(void **state)
{
	expect_error("[warroom]\nerror_rate_query = e\np95_query = p\n"
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "prometheus_url = http://prom:9090\nmetrics_url = http://127.0.0.1:8000/metrics\n",
	    "prod.conf:8: host \"a\": set metrics_url or prometheus_url, not both");
}

/* The queries are needed whatever is wrong with the URL: both said in
 * the run that says the URL, not one run later. */
static void
prometheus_queries_checked_past_a_bad_url(void **state)
{
	static const char *const def[] = {
		"prod.conf:2: prometheus_url: give the Prometheus server's base URL, like "
		"http://prom:9090, not its API: /api/v1/query is added to it, got "
		"'http://prom:9090/api/v1/query'",
		"prod.conf:3: host \"a\": metrics from Prometheus need error_rate_query "
		"(in [host \"a\"] or [warroom])",
		"prod.conf:3: host \"a\": metrics from Prometheus need p95_query "
		"(in [host \"a\"] or [warroom])",
		NULL,
	};
	static const char *const own[] = {
		"prod.conf:1: host \"a\": metrics from Prometheus need p95_query "
		"(in [host \"a\"] or [warroom])",
		"prod.conf:4: prometheus_url: expected an http:// or https:// URL, got 'prom:9090'",
		NULL,
	};

	expect_errors("[warroom]\nprometheus_url = http://prom:9090/api/v1/query\n"
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\n", def);
	expect_errors("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "prometheus_url = prom:9090\nerror_rate_query = e\n", own);
	/* A refused query is not also missing. */
	expect_error("[warroom]\nprometheus_url = http://prom:9090/api/v1\n"
	    "p95_query = p\nerror_rate_query = e # mine\n"
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\n",
	    "prod.conf:2: prometheus_url: give the Prometheus server's base URL, like "
	    "http://prom:9090, not its API: /api/v1/query is added to it, got "
	    "'http://prom:9090/api/v1'");
}

static void
prometheus_needs_both_queries(void **state)
{
	struct config cfg;

	expect_error("[warroom]\nprometheus_url = http://prom:9090\np95_query = p\n"
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\n",
	    "prod.conf:4: host \"a\": metrics from Prometheus need error_rate_query "
	    "(in [host \"a\"] or [warroom])");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "prometheus_url = http://prom:9090\nerror_rate_query = e\n",
	    "prod.conf:1: host \"a\": metrics from Prometheus need p95_query "
	    "(in [host \"a\"] or [warroom])");
	/* Both missing: both named. */
	assert_int_equal(parse(&cfg, "[warroom]\nprometheus_url = http://prom:9090\n"
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\n"), -1);
	assert_int_equal(cfg.nerrors, 2);
	assert_non_null(strstr(cfg.errors[0], "need error_rate_query"));
	assert_non_null(strstr(cfg.errors[1], "need p95_query"));
	config_free(&cfg);
}

static void
query_without_prometheus(void **state)
{
	expect_error("[warroom]\nprometheus_url = http://prom:9090\n"
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "metrics_url = http://127.0.0.1:8000/metrics\np95_query = p\n",
	    "prod.conf:7: host \"a\": p95_query is for Prometheus, but the host scrapes "
	    "its metrics_url");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "request_rate_query = r\n",
	    "prod.conf:4: host \"a\": request_rate_query needs a prometheus_url "
	    "(here or in [warroom])");
}

static void
bad_prometheus_url(void **state)
{
	expect_error("[warroom]\nprometheus_url = prom:9090\nerror_rate_query = e\n"
	    "p95_query = p\n[host \"a\"]\ncompose_dir = /srv\nservices = api\n",
	    "prod.conf:2: prometheus_url: expected an http:// or https:// URL, got 'prom:9090'");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "prometheus_url = http://prom:9090/api/v1/query?query=up\n"
	    "error_rate_query = e\np95_query = p\n",
	    "prod.conf:4: prometheus_url: expected a base URL like http://prom:9090, without "
	    "?query or #fragment, got 'http://prom:9090/api/v1/query?query=up'");
	/* The password is not quoted back. */
	expect_error("[warroom]\nprometheus_url = https://op:hunter2@prom:9090\n",
	    "prod.conf:2: prometheus_url: no user:password@ in the URL: secrets are never "
	    "written in the config (nothing but the query is sent to Prometheus)");
	/* Its API's path is added to it, not given. */
	expect_error("[warroom]\nprometheus_url = http://prom:9090/api/v1/query\n",
	    "prod.conf:2: prometheus_url: give the Prometheus server's base URL, like "
	    "http://prom:9090, not its API: /api/v1/query is added to it, got "
	    "'http://prom:9090/api/v1/query'");
	expect_error("[warroom]\np95_query =\n", "prod.conf:2: p95_query: empty value");
	expect_error("[warroom]\np95_querry = x\n",
	    "prod.conf:2: unknown key 'p95_querry' in [warroom] (did you mean 'p95_query'?)");
}

/* One query without {host} that several hosts ask the same server gives
 * each the same fleet-wide figure (a bad host diluted, a healthy one
 * blamed): the file is used, with a warning naming the query and the
 * hosts; each host knows which of its queries are shared, and with whom. */
static void
shared_query_without_host_warns(void **state)
{
	struct config cfg;
	char others[256];

	(void)state;
	assert_int_equal(parse(&cfg, "[warroom]\nprometheus_url = http://prom:9090\n"
	    "error_rate_query = sum(rate(e[1m])) / sum(rate(r[1m]))\n"
	    "p95_query = p{host=\"{host}\"}\n"
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "[host \"b\"]\ncompose_dir = /srv\nservices = api\n"
	    "[host \"c\"]\ncompose_dir = /srv\nservices = api\n"
	    "[host \"d\"]\ncompose_dir = /srv\nservices = api\n"
	    "metrics_url = http://127.0.0.1:8000/metrics\n"), 0);
	assert_int_equal(cfg.nwarnings, 1);
	assert_string_equal(cfg.warnings[0], "prod.conf:3: error_rate_query has no {host}: "
	    "hosts a, b and c ask http://prom:9090 the same query, so each verdict rests on "
	    "one fleet-wide figure (a bad host diluted, healthy ones blamed); select each "
	    "host's series with {host}, such as host=\"{host}\"");
	assert_true(cfg.hosts[0].prom.query_shared[WR_QUERY_ERROR_RATE]);
	assert_false(cfg.hosts[0].prom.query_shared[WR_QUERY_P95]);
	assert_false(cfg.hosts[3].prom.query_shared[WR_QUERY_ERROR_RATE]);
	assert_int_equal(config_query_shared_with(&cfg, 1, WR_QUERY_ERROR_RATE, others,
	    sizeof(others)), 2);
	assert_string_equal(others, "a, c");
	assert_int_equal(config_query_shared_with(&cfg, 1, WR_QUERY_P95, others,
	    sizeof(others)), 0);
	assert_string_equal(others, "");
	config_free(&cfg);

	/* The same text in two host sections is shared as well; a host's own
	 * server or a single host is not. Each host's 127.0.0.1 through its
	 * SSH connection may be a Prometheus of its own: said so. */
	assert_int_equal(parse(&cfg, "[warroom]\nprometheus_url = http://127.0.0.1:9090\n"
	    "p95_query = p{host=\"{host}\"}\n"
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\nerror_rate_query = e\n"
	    "request_rate_query = r\n"
	    "[host \"b\"]\ncompose_dir = /srv\nservices = api\nerror_rate_query = e\n"
	    "request_rate_query = r\n"
	    "[host \"c\"]\ncompose_dir = /srv\nservices = api\nerror_rate_query = e\n"
	    "prometheus_url = http://prom2:9090\n"), 0);
	assert_int_equal(cfg.nwarnings, 1);
	assert_string_equal(cfg.warnings[0], "prod.conf:7: error_rate_query and "
	    "request_rate_query have no {host}: hosts a and b ask http://127.0.0.1:9090 the "
	    "same queries, so each verdict rests on one fleet-wide figure (a bad host diluted, "
	    "healthy ones blamed); select each host's series with {host}, such as "
	    "host=\"{host}\" (unless each host's own Prometheus answers there, through its SSH "
	    "connection)");
	assert_true(cfg.hosts[1].prom.query_shared[WR_QUERY_REQUEST_RATE]);
	assert_false(cfg.hosts[2].prom.query_shared[WR_QUERY_ERROR_RATE]);
	config_free(&cfg);
	assert_int_equal(parse(&cfg, "[warroom]\nprometheus_url = http://prom:9090\n"
	    "error_rate_query = e\np95_query = p\n"
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\n"), 0);
	assert_int_equal(cfg.nwarnings, 0);
	config_free(&cfg);

	/* up_query as well: one host's scrapes failing would make every host
	 * NO DATA, or a fleet-wide up above 0 vouch for a host unscraped. */
	assert_int_equal(parse(&cfg, "[warroom]\nprometheus_url = http://prom:9090\n"
	    "error_rate_query = e{host=\"{host}\"}\np95_query = p{host=\"{host}\"}\n"
	    "up_query = min(up{job=\"api\"})\n"
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "[host \"b\"]\ncompose_dir = /srv\nservices = api\n"), 0);
	assert_int_equal(cfg.nwarnings, 1);
	assert_string_equal(cfg.warnings[0], "prod.conf:5: up_query has no {host}: hosts a and "
	    "b ask http://prom:9090 the same query, so each verdict rests on one fleet-wide "
	    "figure (a bad host diluted, healthy ones blamed); select each host's series with "
	    "{host}, such as host=\"{host}\"");
	assert_true(cfg.hosts[0].prom.query_shared[WR_QUERY_UP]);
	assert_false(cfg.hosts[0].prom.query_shared[WR_QUERY_ERROR_RATE]);
	assert_int_equal(config_query_shared_with(&cfg, 0, WR_QUERY_UP, others, sizeof(others)),
	    1);
	assert_string_equal(others, "b");
	config_free(&cfg);

	/* A warning is as likely the '#' mistake as an error is. */
	assert_int_equal(parse(&cfg, "[warroom]\nprometheus_url = http://prom:9090\n"
	    "error_rate_query = e{host=\"{host}\"}\np95_query = p{host=\"{host}\"}\n"
	    "up_query = min(up{job=\"api\"}) # the fleet's\n"
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "[host \"b\"]\ncompose_dir = /srv\nservices = api\n"), 0);
	assert_int_equal(cfg.nwarnings, 1);
	assert_string_equal(cfg.warnings[0], "prod.conf:5: up_query has no {host}: hosts a and "
	    "b ask http://prom:9090 the same query, so each verdict rests on one fleet-wide "
	    "figure (a bad host diluted, healthy ones blamed); select each host's series with "
	    "{host}, such as host=\"{host}\" (inline comments start with ';', not '#')");
	config_free(&cfg);
}

/* A misspelt {host} would be sent as written and match nothing: refused
 * as a template's is, with the one meant. A regular expression's count
 * ({2}) is no placeholder. */
static void
query_placeholder_misspelt(void **state)
{
	struct config cfg;

	expect_error("[warroom]\nprometheus_url = http://prom:9090\n"
	    "error_rate_query = sum(rate(x{host=\"{hots}\"}[1m]))\np95_query = p{host=\"{host}\"}\n"
	    "[host \"a\"]\ncompose_dir = /srv\nservices = api\n",
	    "prod.conf:3: error_rate_query: unknown placeholder {hots} (did you mean {host}?) "
	    "(known: {host})");
	expect_error("[host \"a\"]\ncompose_dir = /srv\nservices = api\n"
	    "prometheus_url = http://prom:9090\nerror_rate_query = e{host=\"{host}\"}\n"
	    "p95_query = p{instance=\"{instance}:9100\"}\n",
	    "prod.conf:6: p95_query: unknown placeholder {instance} (known: {host})");
	expect_error("[warroom]\nprometheus_url = http://prom:9090\n"
	    "error_rate_query = e{host=\"{host}\"}\np95_query = p{host=\"{host}\"}\n"
	    "up_query = up{host=\"{hots}\"}\n[host \"a\"]\ncompose_dir = /srv\nservices = api\n",
	    "prod.conf:5: up_query: unknown placeholder {hots} (did you mean {host}?) "
	    "(known: {host})");
	assert_int_equal(parse(&cfg, "[warroom]\nprometheus_url = http://prom:9090\n"
	    "error_rate_query = sum(rate(x{host=\"{host}\",status=~\"5[0-9]{2}\"}[1m]))\n"
	    "p95_query = p{host=\"{host}\"}\n[host \"a\"]\ncompose_dir = /srv\nservices = api\n"),
	    0);
	assert_non_null(strstr(cfg.hosts[0].prom.query[WR_QUERY_ERROR_RATE], "5[0-9]{2}"));
	config_free(&cfg);
}

static void
query_too_long_once_filled_in(void **state)
{
	char text[1024], name[48];

	memset(name, 'h', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	/* 30 × {host} fits a line; 30 × 47 bytes of name do not fit a query. */
	snprintf(text, sizeof(text), "[warroom]\nprometheus_url = http://p:9090\n"
	    "error_rate_query = e\np95_query = "
	    "{host}{host}{host}{host}{host}{host}{host}{host}{host}{host}"
	    "{host}{host}{host}{host}{host}{host}{host}{host}{host}{host}"
	    "{host}{host}{host}{host}{host}{host}{host}{host}{host}{host}\n"
	    "[host \"%s\"]\ncompose_dir = /srv\nservices = api\n", name);
	{
		char want[256];

		snprintf(want, sizeof(want), "prod.conf:4: host \"%s\": p95_query is longer than "
		    "1023 bytes once {host} is filled in", name);
		expect_error(text, want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(full_config_resolves),
		cmocka_unit_test(defaults_without_warroom_section),
		cmocka_unit_test(log_buffer_size),
		cmocka_unit_test(crlf_and_bom_are_accepted),
		cmocka_unit_test(describe_never_prints_secrets),
		cmocka_unit_test(unknown_section),
		cmocka_unit_test(components_chat_and_templates),
		cmocka_unit_test(misspelt_section_gets_a_suggestion),
		cmocka_unit_test(misspelt_section_keys_are_checked_as_the_guess),
		cmocka_unit_test(misspelt_host_section_gets_a_suggestion),
		cmocka_unit_test(unknown_key_gets_a_suggestion),
		cmocka_unit_test(unknown_key_without_suggestion),
		cmocka_unit_test(unknown_key_suggestions_near_and_far),
		cmocka_unit_test(errors_in_line_order),
		cmocka_unit_test(later_errors_join_in_line_order),
		cmocka_unit_test(inline_secret_is_refused),
		cmocka_unit_test(actor_names_the_person),
		cmocka_unit_test(bad_port),
		cmocka_unit_test(hash_comment_gets_a_hint),
		cmocka_unit_test(hash_comment_hint_everywhere),
		cmocka_unit_test(bad_bool),
		cmocka_unit_test(intervals_take_s_m_and_h),
		cmocka_unit_test(bad_interval),
		cmocka_unit_test(arm_time_takes_s_m_and_h),
		cmocka_unit_test(bad_arm_time),
		cmocka_unit_test(bad_driver),
		cmocka_unit_test(duplicate_host),
		cmocka_unit_test(duplicate_host_once),
		cmocka_unit_test(duplicate_key),
		cmocka_unit_test(host_section_without_quotes),
		cmocka_unit_test(host_name_with_bad_characters),
		cmocka_unit_test(host_without_services),
		cmocka_unit_test(compose_host_without_dir),
		cmocka_unit_test(relative_compose_dir),
		cmocka_unit_test(health_service_names_the_probed_service),
		cmocka_unit_test(bad_url),
		cmocka_unit_test(bad_env_name),
		cmocka_unit_test(token_env_and_file_together),
		cmocka_unit_test(bad_percentage),
		cmocka_unit_test(bad_restarts),
		cmocka_unit_test(min_requests_key),
		cmocka_unit_test(thresholds_out_of_order),
		cmocka_unit_test(statuspage_incomplete),
		cmocka_unit_test(bad_statuspage_kind),
		cmocka_unit_test(statuspage_kinds_by_name),
		cmocka_unit_test(key_outside_section),
		cmocka_unit_test(empty_services_at_its_line),
		cmocka_unit_test(template_placeholders),
		cmocka_unit_test(urls_checked_whole),
		cmocka_unit_test(relative_paths_resolve_clean),
		cmocka_unit_test(indented_lines_are_read),
		cmocka_unit_test(file_trust),
		cmocka_unit_test(syntax_error_line),
		cmocka_unit_test(unclosed_section_header_is_the_only_error),
		cmocka_unit_test(unreadable_lines_in_line_order),
		cmocka_unit_test(line_kinds_follow_inih),
		cmocka_unit_test(line_too_long),
		cmocka_unit_test(line_too_long_is_no_missing_key),
		cmocka_unit_test(duplicate_service),
		cmocka_unit_test(every_error_is_reported),
		cmocka_unit_test(refused_host_sections_keys_are_checked),
		cmocka_unit_test(unknown_host_key_hides_nothing),
		cmocka_unit_test(driver_keys_only_on_their_driver),
		cmocka_unit_test(prometheus_defaults_and_overrides),
		cmocka_unit_test(prometheus_host_settings_alone),
		cmocka_unit_test(metrics_url_and_prometheus_url_together),
		cmocka_unit_test(prometheus_needs_both_queries),
		cmocka_unit_test(prometheus_queries_checked_past_a_bad_url),
		cmocka_unit_test(query_without_prometheus),
		cmocka_unit_test(bad_prometheus_url),
		cmocka_unit_test(query_too_long_once_filled_in),
		cmocka_unit_test(query_placeholder_misspelt),
		cmocka_unit_test(shared_query_without_host_warns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
