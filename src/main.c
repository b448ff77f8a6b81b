/*
 * main.c — command line, start-up and teardown. The only file that may
 * exit(); everything else returns errors as values.
 */
#include <errno.h>
#include <pwd.h>
#include <signal.h>
#include <time.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "warroom/config_files.h"
#include "warroom/loop.h"
#include "warroom/outfile.h"
#include "warroom/redact.h"
#include "warroom/runbook.h"
#include "warroom/runbook_format.h"
#include "warroom/runbook_lint.h"
#include "warroom/exec.h"
#include "warroom/http.h"
#include "warroom/poller.h"
#include "warroom/rbkey.h"
#include "warroom/rbwatch.h"
#include "warroom/ssh.h"
#include "warroom/sshcfg_run.h"
#include "warroom/statuspage.h"
#include "warroom/chat.h"
#include "warroom/actor.h"
#include "warroom/timeline.h"
#include "warroom/tunnel.h"
#include "warroom/theme_files.h"
#include "warroom/theme_fit.h"
#include "warroom/ui.h"

enum {
	OPT_READ_ONLY = 256,
	OPT_INCIDENT,
	OPT_CHECK_CONFIG,
	OPT_THEME,
	OPT_SCREEN_TEST,
	OPT_SIZE,
	OPT_AS,
};

static const struct option options[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "runbook", required_argument, NULL, 'r' },
	{ "read-only", no_argument, NULL, OPT_READ_ONLY },
	{ "incident", required_argument, NULL, OPT_INCIDENT },
	{ "check-config", no_argument, NULL, OPT_CHECK_CONFIG },
	{ "theme", required_argument, NULL, OPT_THEME },
	{ "as", required_argument, NULL, OPT_AS },
	{ "screen-test", required_argument, NULL, OPT_SCREEN_TEST },
	{ "size", required_argument, NULL, OPT_SIZE },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

struct opts {
	const char *config;
	const char **runbooks;
	int nrunbooks;
	bool read_only;
	const char *incident;
	bool check_config;
	const char *theme;
	const char *as;                  /* --as NAME: the person at this console */
	const char *screen_test;
	int cols, lines;
	bool timeline_only;              /* a subcommand: only timeline_dir is used */
};

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: warroom [-c FILE] [-r RUNBOOK]... [--incident NAME] [--read-only]\n"
	    "               [--as NAME] [--theme NAME] [--check-config]\n"
	    "       warroom incidents [-c FILE]\n"
	    "       warroom runbook [-c FILE] [--json] FILE...\n"
	    "       warroom export ID [-c FILE] [--format md|json] [--tz ZONE]\n"
	    "                         [-o FILE [--force]]\n"
	    "\n"
	    "An incident-response console: hosts, health, logs and the runbook on one screen.\n"
	    "\n"
	    "  -c, --config FILE     config file (default: $XDG_CONFIG_HOME/warroom/warroom.conf)\n"
	    "  -r, --runbook FILE    Markdown runbook to open (may be given several times)\n"
	    "      --incident NAME   the incident this console works on\n"
	    "      --read-only       watch only: nothing can change production\n"
	    "      --as NAME         record NAME before the account: \"bob (root@vm)\"\n"
	    "      --theme NAME      colour theme (default, light, high-contrast, monochrome)\n"
	    "      --check-config    check the config and theme, print the result, exit 0/1\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\n"
	    "  incidents             list the incidents in the timeline directory\n"
	    "  export ID|NAME        print an incident's post-mortem draft (Markdown or JSON);\n"
	    "                        -o writes a new FILE (--force replaces one, never a journal)\n"
	    "  runbook FILE...       print how runbooks read as checklists; exit 1 on errors\n"
	    "                        (with -c, also what the config lacks for their steps)\n"
	    "\n"
	    "-c may come before the subcommand too: warroom -c FILE incidents.\n"
	    "\n"
	    "Press ? in the console for its keys. See warroom(1), warroom.conf(5)\n"
	    "and warroom-runbook(5).\n");
}

static const char *
default_config(char *buf, size_t cap)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		snprintf(buf, cap, "%s/warroom/warroom.conf", xdg);
	else
		snprintf(buf, cap, "%s/.config/warroom/warroom.conf", home ? home : "");
	return buf;
}

static int
parse_args(int argc, char **argv, struct opts *o)
{
	int c;

	while ((c = getopt_long(argc, argv, "c:r:hV", options, NULL)) != -1) {
		switch (c) {
		case 'c': o->config = optarg; break;
		case 'r':
			o->runbooks = xrealloc(o->runbooks, (size_t)(o->nrunbooks + 1) * sizeof(char *));
			o->runbooks[o->nrunbooks++] = optarg;
			break;
		case OPT_READ_ONLY: o->read_only = true; break;
		case OPT_INCIDENT: o->incident = optarg; break;
		case OPT_CHECK_CONFIG: o->check_config = true; break;
		case OPT_THEME: o->theme = optarg; break;
		case OPT_AS: {
			struct wr_err err;

			if (actor_name_check(optarg, &err) != 0) {
				fprintf(stderr, "warroom: --as: %s\n", err.msg);
				return 2;
			}
			o->as = optarg;
			break;
		}
		case OPT_SCREEN_TEST: o->screen_test = optarg; break;
		case OPT_SIZE:
			if (sscanf(optarg, "%dx%d", &o->cols, &o->lines) != 2 || o->cols < 1 ||
			    o->lines < 1) {
				fprintf(stderr, "warroom: --size needs WIDTHxHEIGHT\n");
				return 2;
			}
			break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("warroom %s\n", PACKAGE_VERSION); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "warroom: unexpected argument '%s'\n", argv[optind]);
		usage(stderr);
		return 2;
	}
	/* Refused, as a subcommand refuses the console's options: dropped
	 * silently, it would read as checked. */
	if (o->check_config && o->incident != NULL) {
		fprintf(stderr, "warroom: --incident is an option of the console; --check-config "
		    "does not take it\n");
		return 2;
	}
	if (o->check_config && o->nrunbooks > 0) {
		fprintf(stderr, "warroom: -r is an option of the console; --check-config does not "
		    "take it (warroom runbook -c FILE RUNBOOK checks a runbook against the "
		    "config)\n");
		return 2;
	}
	return -1;
}

static void
print_errors(const struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->nerrors; i++)
		fprintf(stderr, "%s\n", cfg->errors[i]);
}

/* A host with no metrics source: its verdict can say no more than its
 * restarts (helm's, nothing at all). */
static bool
no_metrics(const struct config_host *h)
{
	return h->metrics_url[0] == '\0' && !config_uses_prometheus(h);
}

/* Secrets that are named but missing are worth a warning, not a refusal:
 * the console still shows everything else. So is a host without metrics,
 * whose verdict can say no more than its restarts: a crash-looping host
 * is still rolled back, a slow or failing one never. */
static void
print_warnings(const struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->nwarnings; i++)
		printf("warning: %s\n", cfg->warnings[i]);
	for (i = 0; i < cfg->nhosts; i++) {
		const struct config_host *h = &cfg->hosts[i];
		const char *env = h->metrics_token_env;

		if (env[0] != '\0' && getenv(env) == NULL)
			printf("warning: host \"%s\": $%s is not set (metrics_token_env): its "
			    "metrics are asked without a token\n", h->name, env);
		/* The default namespace is seldom where a release runs: a host
		 * left without one would watch the wrong pods in silence. */
		if (h->driver != DRIVER_COMPOSE && h->namespace_line == 0)
			printf("warning: %s: no namespace: watching \"%s\"\n", h->name,
			    h->namespace_);
		if (no_metrics(h))
			printf("warning: %s: no metrics_url or prometheus_url%s\n", h->name,
			    h->driver == DRIVER_HELM ? ", and helm reports no restarts: it has "
			    "nothing to judge (NO DATA)" : ": its verdict rests on restarts alone");
	}
	if (cfg->statuspage.token_env[0] != '\0' && getenv(cfg->statuspage.token_env) == NULL)
		printf("warning: [statuspage]: $%s is not set\n", cfg->statuspage.token_env);
	if (cfg->chat.webhook_url_env[0] != '\0' && getenv(cfg->chat.webhook_url_env) == NULL)
		printf("warning: [chat]: $%s is not set: nothing will be announced\n",
		    cfg->chat.webhook_url_env);
}

/* --check-config asks `ssh -G` about every host, as the console does:
 * where each is really reached and the known_hosts files its key is
 * checked against go into where[] (malloc'd strings). A failing ssh -G (a
 * broken ssh_config) is said in ssh's words and fails the check: the
 * console would never connect such a host. ssh_config's IdentityFile
 * that does not exist is a warning, into warnings. read_only: a console
 * that trusts no key with K, so a host whose key is in no known_hosts
 * file could never be connected: it fails too, with how to add it.
 * Returns how many hosts failed. */
static int
check_ssh(const struct config *cfg, struct config_where *where, struct wr_buf *warnings,
    bool read_only)
{
	const struct passwd *pw = getpwuid(getuid());
	const char *home = getenv("HOME");
	int bad = 0;
	size_t i;

	for (i = 0; i < cfg->nhosts; i++) {
		const struct config_host *c = &cfg->hosts[i];
		struct sshcfg_want w = {
			.name = c->name, .address = c->address, .user = c->user,
			.identity_file = c->identity_file.path, .port = c->port,
			.known_hosts = cfg->known_hosts.path, .home = home,
			.local_user = pw != NULL ? pw->pw_name : NULL,
		};
		const char *argv[SSHCFG_ARGV_MAX];
		struct ssh_resolved *r = xmalloc(sizeof(*r));
		struct sshcfg_dest *d = xmalloc(sizeof(*d));
		struct wr_buf kh = { 0 };
		char port[16], ep[400], shown[WR_PATH_MAX];
		struct wr_err err;
		int k;

		sshcfg_argv(cfg->ssh_config.path, c->port, c->user,
		    c->address[0] ? c->address : c->name, port, argv);
		if (sshcfg_run(argv, home, r, &err) != 0) {
			fprintf(stderr, "warroom: host \"%s\": %s\n", c->name, err.msg);
			/* What the config says, and no port 22 made up. */
			port[0] = '\0';
			if (c->port != 0)
				snprintf(port, sizeof(port), ":%d", c->port);
			snprintf(ep, sizeof(ep), "%.64s%s%.255s%s (not resolved: ssh -G failed)",
			    c->user, c->user[0] ? "@" : "", c->address[0] ? c->address : c->name,
			    port);
			where[i].endpoint = xstrdup(ep);
			bad++;
		} else {
			sshcfg_settle(&w, r, d);
			sshcfg_endpoint(d, ep, sizeof(ep));
			where[i].endpoint = xstrdup(ep);
			where[i].name_is_address = sshcfg_name_is_address(&w, r);
			for (k = 0; k < d->nuser_known; k++)
				wr_buf_printf(&kh, "%s%s", k ? " " : "", d->known[k]);
			/* ssh_config's GlobalKnownHostsFile (or OpenSSH's): read, never written. */
			if (d->nknown > d->nuser_known)
				wr_buf_str(&kh, "; global, read only:");
			for (; k < d->nknown; k++)
				wr_buf_printf(&kh, " %s", d->known[k]);
			if (d->keyport < 0)
				wr_buf_printf(&kh, " (as HostKeyAlias %s)", d->keyname);
			if (d->hash_known && cfg->known_hosts.path[0])
				wr_buf_str(&kh, "; K hashes the names it adds (HashKnownHosts yes)");
			where[i].known_hosts = wr_buf_take(&kh);
			if (read_only && !ssh_key_known(d)) {
				const char *file = cfg->known_hosts.path;
				char name[300], cmd[WR_PATH_MAX + 300];

				sshcfg_known_name(d, name, sizeof(name));
				fprintf(stderr, "warroom: host \"%s\": its key (%s) is in no known_hosts "
				    "file, and --read-only trusts none with K: check the fingerprint and ",
				    c->name, name);
				if (d->jump[0] != '\0' || d->proxycommand)
					fprintf(stderr, "connect once with ssh first (it asks, and adds "
					    "the key to %s)\n", file[0] != '\0' ? file : "~/.ssh/known_hosts");
				else {
					sshcfg_keyscan_add(name, file, cmd, sizeof(cmd));
					fprintf(stderr, "add it first with %s, or connect once with ssh\n",
					    cmd);
				}
				bad++;
			}
			for (k = d->ncfg_identity; k < d->nidentity && !d->identities_default; k++)
				if (access(d->identities[k], F_OK) != 0) {
					sshcfg_tilde(d->identities[k], home, shown, sizeof(shown));
					wr_buf_printf(warnings, "warning: host \"%s\": IdentityFile %s "
					    "from ssh_config does not exist\n", c->name, shown);
				}
		}
		free(r);
		free(d);
	}
	return bad;
}

/* The chat's webhook URL is a credential: https, or http to loopback only,
 * checked with the rest of the file rather than at the first announcement.
 * It is read from its file or variable (one not set is only a warning), and
 * never named in the message. */
static void
check_chat_url(struct config *cfg)
{
	const struct config_chat *c = &cfg->chat;
	char url[WR_URL_MAX];
	struct redactor red;
	struct wr_err err;
	char *said;

	if (c->line == 0 || (c->webhook_url_env[0] != '\0' && getenv(c->webhook_url_env) == NULL))
		return;
	/* A file that cannot be read is reported by config_load already. */
	if (secret_read(c->webhook_url_env, c->webhook_url_file.path, "[chat] webhook URL", url,
	    sizeof(url), &err) != 0)
		return;
	if (http_url_check_secure(url, "[chat] webhook URL", &err) != 0) {
		redact_init(&red);
		redact_add_secret(&red, url);
		said = redact_text(&red, err.msg);
		config_add_error(cfg, c->webhook_url_env[0] != '\0' ? c->webhook_url_env_line :
		    c->webhook_url_file.line, "%s", said);
		free(said);
		redact_free(&red);
	}
	explicit_bzero(url, sizeof(url));
}

/* What the parse cannot judge alone, reported with the file's other
 * problems so that one check lists them all, each at its line: a
 * credential's URL that would travel in clear (the status page's and the
 * chat's: the clients would refuse them at the first post), and the theme
 * the config names (unless --theme overrides it). A subcommand reads only
 * timeline_dir and needs neither the chat nor a theme. */
static void
check_more(struct config *cfg, const struct opts *o)
{
	struct wr_err err;
	struct theme t;

	if (cfg->statuspage.url[0] != '\0' &&
	    http_url_check_secure(cfg->statuspage.url, "[statuspage] url", &err) != 0)
		config_add_error(cfg, cfg->statuspage.line, "%s", err.msg);
	if (o->timeline_only)
		return;
	/* A console with no host starts, and says how to add one; a check
	 * that passes a file with none would send someone to an empty
	 * screen. */
	if (o->check_config && cfg->nhosts == 0 && cfg->nerrors == 0)
		config_add_error(cfg, 0, "no hosts: add a [host \"name\"] section (see "
		    "warroom.conf(5))");
	check_chat_url(cfg);
	if (o->theme == NULL && cfg->theme_line != 0 && theme_load(&t, cfg->theme, &err) != 0)
		config_add_error(cfg, cfg->theme_line, "theme: %s", err.msg);
}

static int
load_config(struct app *app, const struct opts *o)
{
	char path[WR_PATH_MAX];
	const char *file = o->config;
	size_t before;
	int rc;

	if (file == NULL) {
		file = default_config(path, sizeof(path));
		if (access(file, F_OK) != 0 && o->check_config) {
			const char *example = config_example_path();

			/* A first run: where a config comes from, not only ENOENT. */
			if (example != NULL)
				fprintf(stderr, "warroom: no config at %s: pass -c FILE, or start "
				    "from %s (see warroom.conf(5))\n", file, example);
			else
				fprintf(stderr, "warroom: no config at %s: pass -c FILE, or start "
				    "from the EXAMPLE in warroom.conf(5)\n", file);
			return -1;
		}
		if (access(file, F_OK) != 0) {
			/* No config yet: an empty console, which says how to add hosts. */
			struct config_env env = { .home = getenv("HOME"),
				.xdg_state_home = getenv("XDG_STATE_HOME") };

			config_init(&app->cfg, file, &env);
			app->config_missing = true;
			app->example_conf = config_example_path();
			return 0;
		}
	}
	rc = config_load(&app->cfg, file);
	before = app->cfg.nerrors;
	check_more(&app->cfg, o);
	if (rc != 0 || app->cfg.nerrors > before) {
		print_errors(&app->cfg);
		config_free(&app->cfg);
		return -1;
	}
	return 0;
}

/* The theme --theme names, else the config's: the same for --check-config
 * as for a start, so a check passes only what would start. */
static int
load_theme(struct app *app, const struct opts *o)
{
	struct wr_err err;

	if (theme_load(&app->theme, o->theme ? o->theme : app->cfg.theme, &err) != 0) {
		fprintf(stderr, "warroom: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static char *slurp(const char *path, size_t *len, struct wr_err *err);

/* A runbook that did not read cleanly says so at once, in words that stay
 * until a key: a step it could not read is a step nobody sees. So does one
 * that asks what this config cannot do, rather than at the step's x
 * during the incident. Every runbook's, one after another. (Said after the
 * matrix's note, which gives way to it.) */
static void
runbook_errors_say(struct app *app)
{
	struct wr_buf said = { 0 };
	int i;
	size_t k;

	for (i = 0; i < app->nrunbooks; i++) {
		const struct runbook *rb = &app->runbooks[i].rb;

		for (k = 0; k < rb->ndiags && rb->diags[k].severity != RUNBOOK_ERROR; k++)
			;
		if (k == rb->ndiags)
			continue;
		wr_buf_printf(&said, "%srunbook %s: %zu error%s (line %d: %s); warroom runbook %s "
		    "lists them; what could be read is loaded", said.len ? " | " : "",
		    app->runbooks[i].key, rb->nerrors, rb->nerrors == 1 ? "" : "s",
		    rb->diags[k].line, rb->diags[k].msg, app->runbooks[i].path);
	}
	/* The first in words, the others by their line: the footer holds 512. */
	for (i = 0, k = 0; i < app->nrunbooks; i++) {
		const struct app_runbook *r = &app->runbooks[i];

		if (r->config_refusals == 0)
			continue;
		wr_buf_printf(&said, "%srunbook %s asks %zu thing%s this config cannot do (line %d",
		    said.len ? " | " : "", r->key, r->config_refusals,
		    r->config_refusals == 1 ? "" : "s", r->config_refusal_line);
		if (k++ == 0)
			wr_buf_printf(&said, ": %s", r->config_refusal);
		wr_buf_str(&said, "); warroom runbook -c lists them");
	}
	if (said.len > 0) {
		app_say(app, "%s", said.s);
		app->status_held = true;
	}
	free(said.s);
}

/* What `warroom runbook -c` would add against this config (a post with
 * no [statuspage], a host no entry fits), counted on a copy so the
 * checklist keeps the file's own marks and x its refusals. */
static void
config_refusals(struct app *app, struct app_runbook *r, const char *buf, size_t len)
{
	struct runbook copy;
	size_t errors, warnings, k, j, nparsed;
	const char **parsed;

	runbook_parse(&copy, r->key, buf, len);
	errors = copy.nerrors;
	warnings = copy.nwarnings;
	/* The lint sorts every problem by line: its own are those whose
	 * message the parse did not hold. */
	nparsed = copy.ndiags;
	parsed = xmalloc((nparsed + 1) * sizeof(*parsed));
	for (k = 0; k < nparsed; k++)
		parsed[k] = copy.diags[k].msg;
	runbook_lint(&copy, &app->cfg);
	r->config_errors = copy.nerrors - errors;
	r->config_warnings = copy.nwarnings - warnings;
	r->config_refusals = r->config_errors + r->config_warnings;
	for (k = 0; r->config_refusals > 0 && k < copy.ndiags; k++) {
		for (j = 0; j < nparsed && parsed[j] != copy.diags[k].msg; j++)
			;
		if (j < nparsed)
			continue;
		r->config_refusal_line = copy.diags[k].line;
		wr_strlcpy(r->config_refusal, copy.diags[k].msg, sizeof(r->config_refusal));
		break;
	}
	free(parsed);
	runbook_free(&copy);
}

/* Hosts without metrics are --check-config's warnings that matter in an
 * incident (a slow or failing host is never rolled back): counted at
 * start, the first in words and the rest by number, after everything else
 * said then, so that a full footer cuts them, not what came first. */
static void
config_hosts_say(struct app *app)
{
	struct wr_buf said = { 0 };
	size_t i, n = 0;

	for (i = 0; i < app->cfg.nhosts; i++) {
		const struct config_host *h = &app->cfg.hosts[i];

		if (!no_metrics(h))
			continue;
		if (n++ == 0)
			wr_buf_printf(&said, "%s: %s", h->name,
			    h->driver == DRIVER_HELM ? "nothing to judge (NO DATA)" :
			    "verdict from restarts alone");
	}
	if (n > 1)
		wr_buf_printf(&said, "; +%zu more", n - 1);
	if (n > 0) {
		/* Beside what was said before (the matrix's note), not over it. */
		if (app->status[0] != '\0')
			app->status_held = true;
		app_say_also(app, "config: %zu host%s without metrics (%s); warroom --check-config "
		    "lists %s", n, n == 1 ? "" : "s", said.s, n == 1 ? "it" : "them");
		app->status_held = true;
	}
	free(said.s);
}

/* What the config may mean but most likely does not (a query without
 * {host} shared by several hosts) is said at start as --check-config says
 * it, beside anything else said then, and kept until a key. */
static void
config_warnings_say(struct app *app)
{
	const char *file = app->cfg.file, *base = strrchr(file, '/');
	size_t i, n = strlen(file);

	for (i = 0; i < app->cfg.nwarnings; i++) {
		const char *w = app->cfg.warnings[i];

		/* The file's name is enough in the footer's few lines: the
		 * console was just started with it. */
		if (base != NULL && strncmp(w, file, n) == 0 && w[n] == ':')
			w += base + 1 - file;
		if (app->status[0] != '\0')
			app->status_held = true;
		app_say_also(app, "warning: %s", w);
		app->status_held = true;
	}
	config_hosts_say(app);
}

/* Parse every -r runbook; the first one with a decision matrix overrides
 * [thresholds] for this incident, and any other matrix is said ignored. */
static int
load_runbooks(struct app *app, const struct opts *o)
{
	struct runbook_matrix_src *src;
	char said[512];
	struct wr_err err;
	size_t ignored;
	int i, pick;

	char **where = xcalloc((size_t)o->nrunbooks + 1, sizeof(*where));
	char **keys = xcalloc((size_t)o->nrunbooks + 1, sizeof(*keys));
	const char **use = xcalloc((size_t)o->nrunbooks + 1, sizeof(*use));
	int *from = xcalloc((size_t)o->nrunbooks + 1, sizeof(*from));
	size_t n = 0, k;
	int rc = 0;

	/* Keys from resolved paths: the same however the file is named on the
	 * command line, so a resumed incident finds its marks. The same file
	 * twice is one runbook. */
	for (i = 0; i < o->nrunbooks; i++) {
		char *real = realpath(o->runbooks[i], NULL);

		for (k = 0; real != NULL && k < n && strcmp(use[k], real) != 0; k++)
			;
		if (real != NULL && k < n) {
			app_say_also(app, "runbook %s is %s again: loaded once", o->runbooks[i],
			    o->runbooks[from[k]]);
			free(real);
			continue;
		}
		where[n] = real;
		use[n] = real != NULL ? real : o->runbooks[i];
		from[n++] = i;
	}
	rbkey_names(use, n, keys);
	for (k = 0; k < n && rc == 0; k++) {
		const char *path = o->runbooks[from[k]];
		struct rbfile_stamp st;
		size_t len;
		char *buf;

		/* Stamped before reading: an edit while it is read shows as one. */
		rbwatch_stamp(path, &st);
		if ((buf = slurp(path, &len, &err)) == NULL) {
			fprintf(stderr, "warroom: runbook %s\n", err.msg);
			rc = -1;
			break;
		}
		app_add_runbook(app, path, keys[k], where[k], buf, len, &err);
		/* The bytes read: a later touch is told from an edit by them. */
		rbfile_sum(&st, buf, len);
		rbfile_watch_start(&app->runbooks[app->nrunbooks - 1].watch, &st);
		config_refusals(app, &app->runbooks[app->nrunbooks - 1], buf, len);
		free(buf);
	}
	for (k = 0; k < n; k++) {
		free(where[k]);
		free(keys[k]);
	}
	free(where);
	free(keys);
	free(use);
	free(from);
	if (rc != 0)
		return rc;
	src = app_matrix_sources(app);
	if ((pick = runbook_matrix_pick(src, (size_t)app->nrunbooks)) >= 0) {
		runbook_matrix_apply(src[pick].m, &app->cfg.thresholds);
		snprintf(app->matrix_from, sizeof(app->matrix_from), "%s:%d", src[pick].name,
		    src[pick].m->line);
	}
	ignored = runbook_matrix_describe(src, (size_t)app->nrunbooks, said, sizeof(said));
	free(src);
	if (ignored == 0 && said[0] != '\0')
		app_say(app, "%s", said);
	runbook_errors_say(app);
	/* Another runbook's matrix left out changes the verdicts unseen:
	 * said beside the errors, and kept until a key. */
	if (ignored > 0) {
		app_say_also(app, "%s", said);
		app->status_held = true;
	}
	return 0;
}

static void
on_host_change(int host, void *arg)
{
	struct app *app = arg;

	app->dirty = true;
	/* The reads' session clock first (poll_up_ms): the round the
	 * poller sends now for a host back UP is then this session's. */
	journal_poll(app);
	poller_host_changed(app->poller, host);
	journal_hostkey(app, host);
	journal_conn(app);
}

static void
on_data_change(void *arg)
{
	struct app *app = arg;

	app->dirty = true;
	/* Before the health records: a tag that changed with a late rollout
	 * (a helm revision failed by its wait, now running) follows the
	 * reconcile that makes it this console's (deployby). */
	latedone_watch(app);   /* a FAILED rollback's rollout completed since */
	journal_health(app);
	journal_poll(app);
	ksopen_watch(app);     /* … and a FAILED kill switch's */
	envmarks_poll(app);
	logs_widen(app);	/* a deployment read: its one-pod tail follows every pod */
}

/* A host's first verdict or a change of its level: the timeline records
 * it (the post-mortem reads recovery from the first OK after a rollback). */
static void
on_verdict(int host, const struct decide_verdict *v, void *arg)
{
	struct app *app = arg;

	app->dirty = true;
	journal_verdict(app, host, v);
}

/* Each host keeps its SSH session and a few kept-alive HTTP connections
 * through it open (two fds each), so a fleet of a few hundred hosts needs
 * more than the usual soft limit of 1024; the hard limit allows it. */
static void
raise_fd_limit(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= 16384)
		return;
	rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > 16384 ? 16384 : rl.rlim_max;
	(void)setrlimit(RLIMIT_NOFILE, &rl);
}

/* One SSH session per configured host, connecting in the background, and
 * the poller that keeps each row's tag, state and health fresh. */
static void
start_hosts(struct app *app)
{
	const struct passwd *pw = getpwuid(getuid());
	struct ssh_pool_opts opts = {
		.known_hosts = app->cfg.known_hosts.path[0] ? app->cfg.known_hosts.path : NULL,
		.ssh_config = app->cfg.ssh_config.path[0] ? app->cfg.ssh_config.path : NULL,
		.home = getenv("HOME"),
		.local_user = pw != NULL ? pw->pw_name : NULL,
		.use_ssh_config = true,
		.use_agent = true,
		.keepalive_s = app->cfg.keepalive_ms / 1000,
		.backoff_max_ms = app->cfg.reconnect_max_ms,
		.on_change = on_host_change,
		.arg = app,
	};
	struct poller_opts popts = { .on_change = on_data_change, .on_verdict = on_verdict,
		.poll_ms = app->cfg.poll_ms, .probe_ms = app->cfg.probe_ms,
		.metrics_ms = app->cfg.metrics_ms,
		.tokens = (const char *const *)app->tokens, .arg = app };
	struct wr_err err;
	size_t i;

	app->pool = ssh_pool_new(app->loop, &opts);
	ssh_pool_set_read_only(app->pool, app->safety.read_only);
	for (i = 0; i < app->cfg.nhosts; i++) {
		const struct config_host *h = &app->cfg.hosts[i];
		struct ssh_target t = {
			.name = h->name,
			.address = h->address,
			.user = h->user,
			.port = h->port,
			.identity_file = h->identity_file.path,
		};

		ssh_pool_add(app->pool, &t);
	}
	ssh_pool_start(app->pool);
	app->tunnels = tunnel_set_new(app->loop, app->pool);
	if ((app->http = http_new(app->loop, &err)) == NULL) {
		app_say_also(app, "HTTP unavailable: %s", err.msg);
		return;
	}
	http_set_read_only(app->http, app->safety.read_only);
	http_set_tunnels(app->http, app->tunnels);
	app->poller = poller_new(app->loop, app->pool, app->http, app->tunnels, &app->cfg,
	    &popts);
	/* A resumed incident whose journal holds a kill switch. */
	poller_watch_exports(app->poller, contain_ks_anywhere(&app->contain));
	poller_start(app->poller);
}

/* Every secret the config names is registered for redaction, so its exact
 * value never reaches the screen or the journal. */
static void
load_secrets(struct app *app)
{
	char buf[8192];
	struct wr_err err;
	size_t i;

	redact_init(&app->red);
	app->tokens = xcalloc(app->cfg.nhosts + 1, sizeof(char *));
	for (i = 0; i < app->cfg.nhosts; i++) {
		const struct config_host *h = &app->cfg.hosts[i];

		if (h->metrics_token_env[0] && getenv(h->metrics_token_env) != NULL) {
			redact_add_secret(&app->red, getenv(h->metrics_token_env));
			app->tokens[i] = xstrdup(getenv(h->metrics_token_env));
		}
		if (h->metrics_token_file.path[0] &&
		    secret_read_file(h->metrics_token_file.path, buf, sizeof(buf), &err) == 0) {
			redact_add_secret(&app->red, buf);
			app->tokens[i] = xstrdup(buf);
		}
	}
	if (app->cfg.statuspage.token_env[0] && getenv(app->cfg.statuspage.token_env) != NULL)
		redact_add_secret(&app->red, getenv(app->cfg.statuspage.token_env));
	if (app->cfg.statuspage.token_file.path[0] &&
	    secret_read_file(app->cfg.statuspage.token_file.path, buf, sizeof(buf), &err) == 0)
		redact_add_secret(&app->red, buf);
	/* The chat's webhook URL is a credential too, from the start: chat_new
	 * runs only with an incident, after the hosts' first lines. */
	if (app->cfg.chat.webhook_url_env[0] && getenv(app->cfg.chat.webhook_url_env) != NULL)
		redact_add_secret(&app->red, getenv(app->cfg.chat.webhook_url_env));
	if (app->cfg.chat.webhook_url_file.path[0] &&
	    secret_read_file(app->cfg.chat.webhook_url_file.path, buf, sizeof(buf), &err) == 0)
		redact_add_secret(&app->red, buf);
	memset(buf, 0, sizeof(buf));
}

static int
run(struct app *app, const struct opts *o)
{
	struct wr_err err;
	FILE *script = NULL;
	int rc;

	if (o->screen_test != NULL) {
		if ((script = fopen(o->screen_test, "r")) == NULL) {
			fprintf(stderr, "warroom: %s: %s\n", o->screen_test, strerror(errno));
			return 1;
		}
		if ((app->screen = screen_open(app, true, o->cols ? o->cols : 80,
		    o->lines ? o->lines : 24, &err)) == NULL) {
			fclose(script);
			fprintf(stderr, "warroom: %s\n", err.msg);
			return 1;
		}
		rc = script_run(app, script, o->screen_test);
		fclose(script);
		screen_close(app->screen);
		return rc;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "warroom: the console needs a terminal (try --check-config "
		    "or --help)\n");
		return 1;
	}
	/* A terminal nothing can be drawn on is refused before the journal
	 * records a console that never showed. */
	if (screen_check_terminal(&err) != 0) {
		fprintf(stderr, "warroom: %s\n", err.msg);
		return 1;
	}
	/* The journal before the screen: an incident that cannot be recorded
	 * is refused plainly, on a normal terminal. */
	if (journal_open(app, &err) != 0) {
		fprintf(stderr, "warroom: incident journal: %s\n", err.msg);
		return 1;
	}
	if ((app->loop = loop_new(&err)) == NULL || console_signals(app) != 0) {
		fprintf(stderr, "warroom: %s\n", app->loop ? "cannot set up signals" : err.msg);
		return 1;
	}
	if ((app->screen = screen_open(app, false, 0, 0, &err)) == NULL) {
		fprintf(stderr, "warroom: %s\n", err.msg);
		return 1;
	}
	raise_fd_limit();
	start_hosts(app);
	journal_adopt_unknown(app);
	actions_statuspage_open(app);
	rc = console_run(app);
	/* The journal closes in main, after the sessions: an action still
	 * running (q confirmed) ends UNKNOWN, and its records go before the
	 * shutdown record, not into a closed journal. */
	if (app->exit_reason == NULL)
		app->exit_reason = "quit";
	return rc;
}

/* The timeline directory for the subcommands: from -c FILE or the
 * default config, else the default directory. */
static int
sub_timeline_dir(const char *conf, struct config *cfg)
{
	struct opts o = { .config = conf, .timeline_only = true };
	struct app tmp = { 0 };

	if (load_config(&tmp, &o) != 0)
		return -1;
	*cfg = tmp.cfg;
	return 0;
}

/* Each subcommand's usage: to stdout for -h/--help (exit 0), to stderr
 * for a bad command line (exit 2). */
static void
incidents_usage(FILE *f)
{
	fprintf(f,
	    "usage: warroom incidents [-c FILE]\n"
	    "\n"
	    "List the incidents in the timeline directory: id, start, last event,\n"
	    "open or resolved, records, name.\n"
	    "\n"
	    "  -c, --config FILE     config file whose timeline_dir is listed\n"
	    "  -h, --help            show this help\n");
}

static int
cmd_incidents(int argc, char **argv)
{
	static const struct option iopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *conf = NULL;
	struct config cfg;
	struct wr_err err;
	int c, r;

	optind = 1;
	while ((c = getopt_long(argc, argv, "c:h", iopts, NULL)) != -1) {
		switch (c) {
		case 'c': conf = optarg; break;
		case 'h': incidents_usage(stdout); return 0;
		default: incidents_usage(stderr); return 2;
		}
	}
	if (sub_timeline_dir(conf, &cfg) != 0)
		return 1;
	r = timeline_list(cfg.timeline_dir, stdout, &err);
	if (r != 0)
		fprintf(stderr, "warroom: %s\n", err.msg);
	config_free(&cfg);
	return r != 0 ? 1 : 0;
}

/* Make zone the process's TZ, for zone_at; -1 when it names none. glibc
 * takes any string and falls back to UTC unseen ("America/New_Yrok"
 * printed as "times in America (UTC)"), so the name must be one of the
 * zone database's files. */
static int
resolve_tz(const char *zone)
{
	const char *dir = getenv("TZDIR");
	char path[WR_PATH_MAX];

	if (strcmp(zone, "UTC") != 0 && strcmp(zone, "GMT") != 0) {
		snprintf(path, sizeof(path), "%s/%s", dir && dir[0] ? dir : "/usr/share/zoneinfo",
		    zone);
		if (zone[0] == '\0' || zone[0] == '/' || strstr(zone, "..") != NULL ||
		    access(path, R_OK) != 0)
			return -1;
	}
	setenv("TZ", zone, 1);
	tzset();
	return 0;
}

/* The TZ zone's offset and abbreviation at ms: each exported time in the
 * zone as it was then (CET in winter, CEST in summer), not as it is now. */
static void
zone_at(int64_t ms, void *arg, long *off, char *abbr, size_t cap)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	(void)arg;
	if (localtime_r(&t, &tm) == NULL)
		return;
	*off = tm.tm_gmtoff;
	snprintf(abbr, cap, "%s", tm.tm_zone != NULL ? tm.tm_zone : "");
}

static void
export_usage(FILE *f)
{
	fprintf(f,
	    "usage: warroom export ID|NAME [-c FILE] [--format md|json] [--tz ZONE]\n"
	    "                              [-o FILE [--force]]\n"
	    "\n"
	    "Print an incident's post-mortem draft. ID as 'warroom incidents' lists it;\n"
	    "a NAME picks that name's latest incident.\n"
	    "\n"
	    "  -c, --config FILE     config file whose timeline_dir is read\n"
	    "  -f, --format md|json  Markdown (the default) or JSON\n"
	    "      --tz ZONE         Markdown times in ZONE (as it was then), then UTC\n"
	    "  -o, --output FILE     write a new FILE, mode 0600, instead of stdout\n"
	    "      --force           let -o replace an existing file (never a journal)\n"
	    "  -h, --help            show this help\n");
}

static int
cmd_export(int argc, char **argv)
{
	static const struct option eopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "tz", required_argument, NULL, 'z' },
		{ "force", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *conf = NULL, *outfile = NULL, *tz = NULL;
	enum export_format fmt = EXPORT_MD;
	struct export_opts zone = { .tz_at = zone_at };
	struct outfile of;
	struct config cfg;
	struct wr_err err;
	FILE *out = stdout;
	bool force = false;
	int c, r;

	optind = 1;
	while ((c = getopt_long(argc, argv, "c:f:o:h", eopts, NULL)) != -1) {
		switch (c) {
		case 'c': conf = optarg; break;
		case 'f':
			if (export_format_parse(optarg, &fmt) != 0) {
				fprintf(stderr, "warroom: --format must be md or json\n");
				return 2;
			}
			break;
		case 'o': outfile = optarg; break;
		case 'z': tz = optarg; break;
		case 'F': force = true; break;
		case 'h': export_usage(stdout); return 0;
		default: export_usage(stderr); return 2;
		}
	}
	if (optind != argc - 1) {
		export_usage(stderr);
		return 2;
	}
	if (sub_timeline_dir(conf, &cfg) != 0)
		return 1;
	if (tz != NULL && resolve_tz(tz) != 0) {
		fprintf(stderr, "warroom: --tz %s: not a time zone (a name from the zone "
		    "database, like Europe/Paris or America/New_York, or UTC)\n", tz);
		config_free(&cfg);
		return 2;
	}
	if (outfile != NULL && (out = outfile_open(&of, outfile, force, &err)) == NULL) {
		fprintf(stderr, "warroom: %s\n", err.msg);
		config_free(&cfg);
		return 1;
	}
	/* In UTC each time would only be given twice. */
	zone.tz_label = tz;
	r = timeline_export(cfg.timeline_dir, argv[optind], fmt, tz != NULL &&
	    strcmp(tz, "UTC") != 0 && strcmp(tz, "GMT") != 0 ? &zone : NULL, 0, out, &err);
	/* A failed export leaves -o's file as it was. */
	if (out != stdout) {
		if (r != 0)
			outfile_abort(&of);
		else
			r = outfile_commit(&of, &err);
	}
	if (r != 0)
		fprintf(stderr, "warroom: %s\n", err.msg);
	config_free(&cfg);
	return r != 0 ? 1 : 0;
}

/* Read a whole runbook into memory (once, at start); one over
 * WR_RUNBOOK_MAX_BYTES is refused, its size said, and never held whole. */
static char *
slurp(const char *path, size_t *len, struct wr_err *err)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, skip[65536];
	size_t cap = 0, n = 0, got;
	unsigned long long total;
	struct stat st;

	if (f == NULL) {
		wr_err_set(err, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    runbook_size_check(path, (unsigned long long)st.st_size, err) != 0) {
		fclose(f);
		return NULL;
	}
	/* Up to one byte past the limit is kept; a pipe's rest is counted. */
	do {
		if (n + 65536 > cap) {
			cap = cap ? cap * 2 : 131072;
			buf = xrealloc(buf, cap + 1);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0 && n <= WR_RUNBOOK_MAX_BYTES);
	total = n;
	while (n > WR_RUNBOOK_MAX_BYTES && (got = fread(skip, 1, sizeof(skip), f)) > 0)
		total += got;
	if (ferror(f)) {
		fclose(f);
		free(buf);
		wr_err_set(err, "%s: read error", path);
		return NULL;
	}
	fclose(f);
	if (runbook_size_check(path, total, err) != 0) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

static void
runbook_usage(FILE *f)
{
	fprintf(f,
	    "usage: warroom runbook [-c FILE] [--json] FILE...\n"
	    "\n"
	    "Print how each runbook reads as a checklist; exit 1 on any error.\n"
	    "\n"
	    "  -c, --config FILE     also check the steps against this config\n"
	    "      --json            print JSON (an array for several files)\n"
	    "  -h, --help            show this help\n");
}

/* The linter: how each runbook reads, and, with -c, whether the config
 * has what its steps name. Exits 1 on any error. */
static int
cmd_runbook(int argc, char **argv)
{
	static const struct option ropts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct config cfg;
	const char *conf = NULL;
	bool json = false;
	int c, i, first, rc = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "c:h", ropts, NULL)) != -1) {
		switch (c) {
		case 'c': conf = optarg; break;
		case 'j': json = true; break;
		case 'h': runbook_usage(stdout); return 0;
		default: runbook_usage(stderr); return 2;
		}
	}
	first = optind;
	if (first >= argc) {
		runbook_usage(stderr);
		return 2;
	}
	if (conf != NULL && config_load(&cfg, conf) != 0) {
		print_errors(&cfg);
		config_free(&cfg);
		return 1;
	}
	if (json && argc - first > 1)
		printf("[\n");
	for (i = first; i < argc; i++) {
		struct runbook rb;
		struct wr_err err;
		size_t len;
		char *buf = slurp(argv[i], &len, &err), *out;

		if (buf == NULL) {
			fprintf(stderr, "warroom: %s\n", err.msg);
			rc = 1;
			continue;
		}
		runbook_parse(&rb, argv[i], buf, len);
		runbook_lint(&rb, conf != NULL ? &cfg : NULL);
		if (rb.nerrors > 0)
			rc = 1;
		out = json ? runbook_format_json(&rb) : runbook_format_text(&rb);
		fputs(out, stdout);
		if (json && argc - first > 1)
			printf("%s\n", i + 1 < argc ? "," : "");
		free(out);
		runbook_free(&rb);
		free(buf);
	}
	if (json && argc - first > 1)
		printf("]\n");
	if (conf != NULL)
		config_free(&cfg);
	return rc;
}

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} subcommands[] = {
	{ "incidents", cmd_incidents },
	{ "export", cmd_export },
	{ "runbook", cmd_runbook },
};

/* Console options that take their value in the next word. */
static bool
takes_value(const char *opt)
{
	static const char *const with[] = {
		"-c", "-r", "--config", "--runbook", "--incident", "--theme", "--screen-test",
		"--size", "--as",
	};
	size_t i;

	for (i = 0; i < WR_ARRAY_LEN(with); i++)
		if (strcmp(opt, with[i]) == 0)
			return true;
	return false;
}

/* Options only the console reads: before a subcommand they would be
 * dropped without a word, so they are refused by name. */
static bool
console_only(const char *opt)
{
	static const char *const only[] = {
		"-r", "--runbook", "--incident", "--read-only", "--theme", "--check-config",
		"--screen-test", "--size", "--as",
	};
	size_t i, n;

	if (opt[0] == '-' && opt[1] == 'r')
		return true;    /* -r FILE, -rFILE */
	for (i = 0; i < WR_ARRAY_LEN(only); i++) {
		n = strlen(only[i]);
		if (strncmp(opt, only[i], n) == 0 && (opt[n] == '\0' || opt[n] == '='))
			return true;
	}
	return false;
}

/* A subcommand, wherever it comes among the options: `warroom -c FILE
 * incidents` is `warroom incidents -c FILE`, as git and kubectl users
 * expect. Returns its exit status, or -1 when argv names none (the
 * console). */
static int
subcommand(int argc, char **argv)
{
	char **v;
	int i, k, at = -1, rc;
	size_t s;

	for (i = 1; i < argc && at < 0; i++) {
		if (strcmp(argv[i], "--") == 0)
			return -1;
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			/* --help and --version answer before anything else. */
			if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0 ||
			    strcmp(argv[i], "-V") == 0 || strcmp(argv[i], "--version") == 0)
				return -1;
			if (takes_value(argv[i]))
				i++;
			continue;
		}
		at = i;
	}
	if (at < 0)
		return -1;
	for (s = 0; s < WR_ARRAY_LEN(subcommands); s++)
		if (strcmp(argv[at], subcommands[s].name) == 0)
			break;
	if (s == WR_ARRAY_LEN(subcommands))
		return -1;
	for (i = 1; i < at; i++)
		if (argv[i][0] == '-' && console_only(argv[i])) {
			fprintf(stderr, "warroom: %s is an option of the console; 'warroom %s' does "
			    "not take it\n", argv[i], argv[at]);
			return 2;
		}
	if (at == 1)
		return subcommands[s].run(argc - 1, argv + 1);
	/* The subcommand first, then the options given before it, then the rest. */
	v = xcalloc((size_t)argc + 1, sizeof(*v));
	v[0] = argv[at];
	for (i = 1, k = 1; i < at; i++)
		v[k++] = argv[i];
	for (i = at + 1; i < argc; i++)
		v[k++] = argv[i];
	rc = subcommands[s].run(argc - 1, v);
	free(v);
	return rc;
}

int
main(int argc, char **argv)
{
	struct opts o = { 0 };
	struct app app = { 0 };
	int rc;

	setlocale(LC_ALL, "");
	wr_json_init();
	/* A peer that has gone away must be an EPIPE the caller handles, not
	 * a signal that ends the console in the middle of a rollback. */
	signal(SIGPIPE, SIG_IGN);
	/* Past the file size limit (ulimit -f) a write must fail with EFBIG,
	 * which degrades the journal, not end the console unrecorded. */
	signal(SIGXFSZ, SIG_IGN);
	if ((rc = subcommand(argc, argv)) >= 0)
		return rc;
	if ((rc = parse_args(argc, argv, &o)) >= 0) {
		free(o.runbooks);
		return rc;
	}
	if (load_config(&app, &o) != 0) {
		free(o.runbooks);
		return 1;
	}
	if (o.check_config) {
		struct config_where *where;
		struct wr_buf warnings = { 0 };
		char *desc, *warned, account[256];
		int bad;

		if (load_theme(&app, &o) != 0) {
			config_free(&app.cfg);
			free(o.runbooks);
			return 1;
		}
		/* Describe the theme in force, which --theme may have changed. */
		if (o.theme != NULL)
			wr_strlcpy(app.cfg.theme, o.theme, sizeof(app.cfg.theme));
		where = xcalloc(app.cfg.nhosts + 1, sizeof(*where));
		bad = check_ssh(&app.cfg, where, &warnings, o.read_only || app.cfg.read_only);
		timeline_account(account, sizeof(account));
		desc = config_describe_where(&app.cfg, where,
		    &(struct config_who){ .account = account, .as = o.as });
		fputs(desc, stdout);
		print_warnings(&app.cfg);
		/* What the theme becomes on 8 or 16 colours (a start says it in
		 * the footer, on such a terminal only). */
		if (o.read_only || app.cfg.read_only)
			wr_buf_str(&warnings, "read-only: nothing is changed, and no host key is "
			    "trusted with K: each host's must be in a known_hosts file already\n");
		theme_lint(&app.theme, &warnings);
		warned = wr_buf_take(&warnings);
		fputs(warned, stdout);
		free(warned);
		if (bad == 0)
			printf("config OK\n");
		free(desc);
		for (size_t i = 0; i < app.cfg.nhosts; i++) {
			free((char *)where[i].endpoint);
			free((char *)where[i].known_hosts);
		}
		free(where);
		config_free(&app.cfg);
		free(o.runbooks);
		return bad == 0 ? 0 : 1;
	}
	app.started = time(NULL);
	if (o.screen_test != NULL) {
		/* Screen tests: the clock moves only when the script says so. */
		app.fake_clock = true;
		app.fake_now = app.started = 1767225600;  /* 2026-01-01 00:00:00 UTC */
	}
	if (load_runbooks(&app, &o) != 0)
		goto fail;
	config_warnings_say(&app);
	if (load_theme(&app, &o) != 0)
		goto fail;
	app.safety.read_only = o.read_only || app.cfg.read_only;
	/* --as wins over actor = in the config, as --theme over theme =. */
	if (o.as != NULL)
		wr_strlcpy(app.cfg.actor, o.as, sizeof(app.cfg.actor));
	app.incident = o.incident;
	app.target_host = -1;
	logset_init(&app.logs, app.cfg.log_buffer_bytes);
	logfilter_init(&app.filter);
	load_secrets(&app);
	rc = run(&app, &o);
	/* HTTP first (its requests end without callbacks), then the sessions
	 * (their commands end through the poller, and actions still running
	 * record it: the journal closes after them), then the poller. */
	logs_stop(&app);
	logmerge_free(&app.merge);
	statuspage_free(app.statuspage);
	chat_free(app.chat);
	http_free(app.http);
	tunnel_set_free(app.tunnels);
	tagread_free(&app);
	ssh_pool_free(app.pool);
	poller_free(app.poller);
	actions_free(&app);
	/* A journal left without what this console recorded is an error
	 * (3), unless a signal's status says more. */
	if (!journal_close(&app, app.exit_reason ? app.exit_reason : "exit") && rc == 0)
		rc = 3;
	envmarks_free(&app);
	free(app.fake_metrics);
	free(app.fake_states);
	free(app.fake_up);
	free(app.fake_down);
	free(app.fake_down_since);
	free(app.seen);
	free(app.latedone);
	free(app.latekill);
	free(app.ksopen);
	free(app.verdicts);
	free(app.verdicts_ms);
	free(app.verdicts_unstored);
	free(app.verdicts_adopted);
	free(app.obs_health);
	free(app.health_held);
	free(app.obs_exports);
	free(app.obs_verdicts);
	free(app.hostkeys);
	free(app.conns);
	loop_free(app.loop);
	app_free_entries(&app);
	app_free_runbooks(&app);
	logfilter_free(&app.filter);
	logset_free(&app.logs);
	for (size_t t = 0; app.tokens != NULL && t < app.cfg.nhosts; t++)
		free(app.tokens[t]);
	free(app.tokens);
	redact_free(&app.red);
	free(app.screen);
	config_free(&app.cfg);
	free(o.runbooks);
	return rc;
fail:
	app_free_runbooks(&app);
	config_free(&app.cfg);
	free(o.runbooks);
	return 1;
}
