/*
 * main.c — command line, start-up and teardown. The only file that may
 * exit(); everything else returns errors as values.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "warroom/config_files.h"
#include "warroom/loop.h"
#include "warroom/theme_files.h"
#include "warroom/ui.h"

enum {
	OPT_READ_ONLY = 256,
	OPT_INCIDENT,
	OPT_CHECK_CONFIG,
	OPT_THEME,
	OPT_SCREEN_TEST,
	OPT_SIZE,
};

static const struct option options[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "runbook", required_argument, NULL, 'r' },
	{ "read-only", no_argument, NULL, OPT_READ_ONLY },
	{ "incident", required_argument, NULL, OPT_INCIDENT },
	{ "check-config", no_argument, NULL, OPT_CHECK_CONFIG },
	{ "theme", required_argument, NULL, OPT_THEME },
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
	const char *screen_test;
	int cols, lines;
};

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: warroom [-c FILE] [-r RUNBOOK]... [--incident NAME] [--read-only]\n"
	    "               [--theme NAME] [--check-config]\n"
	    "\n"
	    "An incident-response console: hosts, health, logs and the runbook on one screen.\n"
	    "\n"
	    "  -c, --config FILE     config file (default: $XDG_CONFIG_HOME/warroom/warroom.conf)\n"
	    "  -r, --runbook FILE    Markdown runbook to open (may be given several times)\n"
	    "      --incident NAME   the incident this console works on\n"
	    "      --read-only       watch only: nothing can change production\n"
	    "      --theme NAME      colour theme (default, light, high-contrast, monochrome)\n"
	    "      --check-config    validate the config, print what it resolves to, exit 0/1\n"
	    "  -h, --help            show this help\n"
	    "  -V, --version         show the version\n"
	    "\n"
	    "Press ? in the console for its keys. See warroom(1) and warroom.conf(5).\n");
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
	return -1;
}

static void
print_errors(const struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->nerrors; i++)
		fprintf(stderr, "%s\n", cfg->errors[i]);
}

/* Secrets that are named but missing are worth a warning, not a refusal:
 * the console still shows everything else. */
static void
print_warnings(const struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->nhosts; i++) {
		const char *env = cfg->hosts[i].metrics_token_env;

		if (env[0] != '\0' && getenv(env) == NULL)
			printf("warning: host \"%s\": $%s is not set\n", cfg->hosts[i].name, env);
	}
	if (cfg->statuspage.token_env[0] != '\0' && getenv(cfg->statuspage.token_env) == NULL)
		printf("warning: [statuspage]: $%s is not set\n", cfg->statuspage.token_env);
}

static int
load_config(struct app *app, const struct opts *o)
{
	char path[WR_PATH_MAX];
	const char *file = o->config;

	if (file == NULL) {
		file = default_config(path, sizeof(path));
		if (access(file, F_OK) != 0 && !o->check_config) {
			/* No config yet: an empty console, which says how to add hosts. */
			struct config_env env = { .home = getenv("HOME"),
				.xdg_state_home = getenv("XDG_STATE_HOME") };

			config_init(&app->cfg, file, &env);
			return 0;
		}
	}
	if (config_load(&app->cfg, file) != 0) {
		print_errors(&app->cfg);
		return -1;
	}
	return 0;
}

static int
check_runbooks(const struct opts *o)
{
	int i;

	for (i = 0; i < o->nrunbooks; i++)
		if (access(o->runbooks[i], R_OK) != 0) {
			fprintf(stderr, "warroom: runbook %s: %s\n", o->runbooks[i], strerror(errno));
			return -1;
		}
	return 0;
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
		app->fake_clock = true;
		app->fake_now = app->started = 1767225600;  /* 2026-01-01 00:00:00 UTC */
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
	if ((app->loop = loop_new(&err)) == NULL || console_signals(app) != 0) {
		fprintf(stderr, "warroom: %s\n", app->loop ? "cannot set up signals" : err.msg);
		return 1;
	}
	if ((app->screen = screen_open(app, false, 0, 0, &err)) == NULL) {
		fprintf(stderr, "warroom: %s\n", err.msg);
		return 1;
	}
	return console_run(app);
}

int
main(int argc, char **argv)
{
	struct opts o = { 0 };
	struct app app = { 0 };
	struct wr_err err;
	int rc;

	setlocale(LC_ALL, "");
	if ((rc = parse_args(argc, argv, &o)) >= 0)
		return rc;
	if (load_config(&app, &o) != 0) {
		free(o.runbooks);
		return 1;
	}
	if (o.check_config) {
		char *desc = config_describe(&app.cfg);

		fputs(desc, stdout);
		print_warnings(&app.cfg);
		printf("config OK\n");
		free(desc);
		config_free(&app.cfg);
		free(o.runbooks);
		return 0;
	}
	if (check_runbooks(&o) != 0)
		goto fail;
	if (theme_load(&app.theme, o.theme ? o.theme : app.cfg.theme, &err) != 0) {
		fprintf(stderr, "warroom: %s\n", err.msg);
		goto fail;
	}
	app.safety.read_only = o.read_only || app.cfg.read_only;
	app.incident = o.incident;
	app.runbooks = o.runbooks;
	app.nrunbooks = o.nrunbooks;
	app.started = time(NULL);
	rc = run(&app, &o);
	loop_free(app.loop);
	free(app.screen);
	config_free(&app.cfg);
	free(o.runbooks);
	return rc;
fail:
	config_free(&app.cfg);
	free(o.runbooks);
	return 1;
}
