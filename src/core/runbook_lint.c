/*
 * runbook_lint.c — a runbook checked as the console would take it during
 * the incident, so that CI catches `host=api-2` before 3 a.m. does.
 *
 * Reading (runbook_parse) already refuses what no console could run; this
 * pass asks runbook_target_check, the console's own rules, about every
 * rollback and kill switch, and with a config looks for what each step
 * names: the host, the service, its namespace and driver, a health_url
 * for a smoke check's /path, [statuspage] or [chat] for a post. A binding
 * the console would refuse is an error (the author's explicit intent
 * cannot happen); a command x runs through a built-in action a warning,
 * since it can still be run by hand (a known command among others runs
 * as written: x refuses nothing of it). A tag or revision left to the
 * engineer (to=<TAG>) does not spare the host and service beside it their
 * checks; a step whose host or service is a placeholder is checked once
 * it is filled, in the console.
 */
#include "warroom/runbook_lint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/runbook_route.h"
#include "warroom/runbook_target.h"

/* Whether an argument's value is only needed by the checks that wait for
 * it: the tag or revision the engineer is asked for, a compose rollback's
 * tag ("IMAGE_TAG=<tag>"), a post's words. The host, service, namespace,
 * kind or URL beside it are checked whatever it holds. */
static bool
can_wait(enum runbook_action_kind k, const char *key)
{
	static const char *const keys[] = { "to", "revision", "image_tag", "env", "timeout",
	    "message", NULL };
	size_t i;

	if (k == RUNBOOK_ACT_STATUSPAGE && strcmp(key, "name") == 0)
		return true;          /* the post's title, not a deployment's name */
	for (i = 0; keys[i] != NULL; i++)
		if (strcmp(key, keys[i]) == 0)
			return true;
	return false;
}

/* a without the values only the engineer's answer will say, into out;
 * false (out empty) when one of them is something the checks need, as a
 * host=<HOST>: then the step is checked once it is filled, in the console.
 * *revision is the revision left out, or NULL. */
static bool
written_part(const struct runbook_action *a, struct runbook_action *out, const char **revision)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	out->kind = a->kind;
	*revision = NULL;
	for (i = 0; i < a->nargs; i++) {
		if (strpbrk(a->args[i].value, "<$") == NULL) {
			runbook_action_add(out, a->args[i].key, a->args[i].value);
			continue;
		}
		if (!can_wait(a->kind, a->args[i].key)) {
			runbook_action_free(out);
			return false;
		}
		if (strcmp(a->args[i].key, "revision") == 0)
			*revision = a->args[i].value;
	}
	return true;
}

/* Does some host of the driver (-1: any) run svc? */
static bool
runs(const struct config *cfg, const char *svc, int driver)
{
	size_t i;

	for (i = 0; i < cfg->nhosts; i++)
		if ((driver < 0 || (int)cfg->hosts[i].driver == driver) &&
		    config_service_index(&cfg->hosts[i], svc) >= 0)
			return true;
	return false;
}

/* The config's file name without its directory: a runbook's lint is read
 * beside the console that loaded it, where the name says which file;
 * --check-config names the whole path. */
static const char *
cfg_name(const struct config *cfg)
{
	const char *slash = strrchr(cfg->file, '/');

	return slash != NULL && slash[1] != '\0' ? slash + 1 : cfg->file;
}

/* What cfg lacks for a (beyond rollbacks and kill switches), or -1 with err. */
static int
config_check(const struct runbook_action *a, const struct config *cfg, struct wr_err *err)
{
	const char *host = runbook_action_arg(a, "host"), *svc = runbook_action_arg(a, "service");
	const char *url = runbook_action_arg(a, "url");
	size_t i;
	int h;

	switch (a->kind) {
	case RUNBOOK_ACT_SMOKE:
		if (host != NULL && (h = config_host_index(cfg, host)) < 0)
			return wr_err_set(err, "the step names host %s, which %s does not list",
			    host, cfg_name(cfg));
		if (host != NULL && svc != NULL && config_service_index(&cfg->hosts[h], svc) < 0)
			return wr_err_set(err, "%s runs no service %s", host, svc);
		if (host == NULL && svc != NULL && !runs(cfg, svc, -1))
			return wr_err_set(err, "no host in %s runs %s", cfg_name(cfg), svc);
		if (url == NULL || url[0] != '/')
			return 0;
		if (host != NULL && cfg->hosts[h].health_url[0] == '\0')
			return wr_err_set(err, "%s has no health_url to put %s under", host, url);
		for (i = 0; i < cfg->nhosts && cfg->hosts[i].health_url[0] == '\0'; i++)
			;
		if (host == NULL && i == cfg->nhosts)
			return wr_err_set(err, "no host in %s has a health_url to put %s under",
			    cfg_name(cfg), url);
		return 0;
	case RUNBOOK_ACT_STATUSPAGE:
		if (cfg->statuspage.kind == STATUSPAGE_NONE && cfg->chat.line == 0)
			return wr_err_set(err, "%s has no [statuspage] (nor [chat]) to post to",
			    cfg_name(cfg));
		return 0;
	case RUNBOOK_ACT_ANNOUNCE:
		if (cfg->chat.line == 0)
			return wr_err_set(err, "%s has no [chat] to announce to", cfg_name(cfg));
		return 0;
	case RUNBOOK_ACT_MIGRATE_DOWN:
		if (svc != NULL && !runs(cfg, svc, DRIVER_COMPOSE))
			return wr_err_set(err, "no compose host in %s runs %s", cfg_name(cfg), svc);
		return 0;
	case RUNBOOK_ACT_COMPOSE_UP:
		/* Compose fails on a service the project lacks: the host x runs it
		 * on must run every service the step names. */
		for (h = 0; h < (int)cfg->nhosts; h++) {
			if (cfg->hosts[h].driver != DRIVER_COMPOSE)
				continue;
			for (i = 0; i < a->nargs && (strcmp(a->args[i].key, "service") != 0 ||
			    config_service_index(&cfg->hosts[h], a->args[i].value) >= 0); i++)
				;
			if (i == a->nargs)
				return 0;
		}
		for (i = 0; i < a->nargs && strcmp(a->args[i].key, "service") != 0; i++)
			;
		return i == a->nargs ? 0 : wr_err_set(err, "no compose host in %s runs every "
		    "service it names", cfg_name(cfg));
	default:
		return 0;
	}
}

/* A revision (of a, as written), whatever its value, on the compose host
 * the rollback part (its revision left out) would go to: -1 with err, as
 * the console refuses it before asking for any value. */
static int
revision_on_compose(const struct runbook_action *part, const struct runbook_action *a,
    const char *revision, const struct config *cfg, struct wr_err *err)
{
	struct runbook_target t;
	struct wr_err ignored;

	if (revision == NULL || cfg == NULL ||
	    runbook_target_rollback(part, cfg, -1, &t, &ignored) != 0)
		return 0;
	return runbook_target_revision_fits(a, &cfg->hosts[t.host], err);
}

/* Whether x would refuse a (at line, a binding or the built-in command),
 * into r when it would. */
static bool
refused(const struct runbook_action *a, int line, bool binding, const struct config *cfg,
    struct runbook_refusal *r)
{
	struct runbook_action part;
	const char *revision;
	struct wr_err err;
	int rc;

	if (!written_part(a, &part, &revision))
		return false;
	rc = runbook_target_check(&part, cfg, &err) != 0 ||
	    (cfg != NULL && config_check(&part, cfg, &err) != 0) ||
	    revision_on_compose(&part, a, revision, cfg, &err) != 0;
	runbook_action_free(&part);
	if (rc == 0)
		return false;
	r->line = line;
	r->binding = binding;
	r->kind = a->kind;
	wr_strlcpy(r->why, err.msg, sizeof(r->why));
	return true;
}

/* What x would refuse of one block, in its order: up to cap into out;
 * returns how many there are. */
static size_t
block_refusals(const struct runbook *rb, const struct runbook_block *blk,
    const struct config *cfg, struct runbook_refusal *out, size_t cap)
{
	struct runbook_route route;
	struct runbook_refusal r;
	size_t k, n = 0;

	for (k = 0; k < blk->nbinds; k++)
		if (refused(&blk->binds[k].action, blk->binds[k].line, true, cfg, &r) && n++ < cap)
			out[n - 1] = r;
	/* Only the command x runs through a built-in: one among other
	 * commands runs as written, and x refuses nothing of it. */
	runbook_route_of(rb, blk->section, blk->step, &route);
	for (k = 0; k < blk->ncmds; k++)
		if (&blk->cmds[k] == route.builtin &&
		    refused(&blk->cmds[k].action, blk->cmds[k].line, false, cfg, &r) && n++ < cap)
			out[n - 1] = r;
	return n;
}

size_t
runbook_lint_work(const struct runbook *rb, size_t section, size_t step,
    const struct config *cfg, struct runbook_refusal *out, size_t cap)
{
	size_t b, n = 0, k;

	for (b = 0; b < rb->nblocks; b++) {
		const struct runbook_block *blk = &rb->blocks[b];

		if (blk->step != step || (step == WR_RUNBOOK_NONE && blk->section != section))
			continue;
		k = block_refusals(rb, blk, cfg, out + (n < cap ? n : cap), n < cap ? cap - n : 0);
		n += k;
	}
	return n;
}

void
runbook_lint(struct runbook *rb, const struct config *cfg)
{
	struct runbook_refusal *r;
	size_t b, k, n;
	bool capped = rb->ndiags >= WR_RUNBOOK_DIAG_MAX;  /* its summary last */

	for (b = 0; b < rb->nblocks; b++) {
		if ((n = block_refusals(rb, &rb->blocks[b], cfg, NULL, 0)) == 0)
			continue;
		r = xcalloc(n, sizeof(*r));
		block_refusals(rb, &rb->blocks[b], cfg, r, n);
		for (k = 0; k < n; k++) {
			/* A binding the console would refuse is an error: the
			 * author's explicit intent cannot happen. */
			if (r[k].binding)
				runbook_diag(rb, RUNBOOK_ERROR, r[k].line, "warroom: %s: %s",
				    runbook_action_name(r[k].kind), r[k].why);
			else
				runbook_diag(rb, RUNBOOK_WARNING, r[k].line, "%s: %s; x would refuse it",
				    runbook_action_name(r[k].kind), r[k].why);
		}
		free(r);
	}
	if (!capped)
		runbook_diags_sort(rb);
}
