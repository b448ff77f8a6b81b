/*
 * runbook_target.c — a runbook step names what it rolls back or switches
 * off: `rollback service=api to=v1.4.1 host=h2`, `kubectl rollout undo
 * deploy/api --to-revision=3 -n shop`, `helm rollback api 7`, `killswitch
 * export off`. Every word it names is honoured or refused with the
 * reason: a step is the author's explicit intent, and acting on part of
 * it (the previous revision where it said 3, another namespace, the
 * switch turned back on where it said off) would be a silent surprise.
 */
#include "warroom/runbook_target.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A whole positive number, else 0. */
static int
revision_of(const char *v)
{
	char *end;
	long n;

	if (v == NULL || *v < '0' || *v > '9')
		return 0;
	n = strtol(v, &end, 10);
	return *end == '\0' && n > 0 && n < 1000000000 ? (int)n : 0;
}

int
runbook_target_duration(const char *v)
{
	long total = 0, n;
	char *end;

	if (v == NULL || *v < '0' || *v > '9')
		return -1;
	while (*v != '\0') {
		if (*v < '0' || *v > '9')
			return -1;
		n = strtol(v, &end, 10);
		v = end;
		if (*v == 'h')
			n *= 3600;
		else if (*v == 'm')
			n *= 60;
		else if (*v != 's' && *v != '\0')
			return -1;
		if (*v != '\0')
			v++;
		total += n;
		if (total > 24L * 3600)
			return -1;
	}
	return total > 0 ? (int)total : -1;
}

struct want {
	const char *svc, *ns;
	int driver;                      /* -1: any */
};

/* NULL when h can run the rollback; else why not, in words. */
static const char *
misfit(const struct config_host *h, const struct want *w, char *buf, size_t cap)
{
	if (w->driver >= 0 && (int)h->driver != w->driver)
		snprintf(buf, cap, "%s is a %s host, the step is for %s", h->name,
		    config_driver_name(h->driver), config_driver_name((enum config_driver)w->driver));
	else if (config_service_index(h, w->svc) < 0)
		snprintf(buf, cap, "%s runs no service %s", h->name, w->svc);
	else if (w->ns != NULL && h->driver == DRIVER_COMPOSE)
		snprintf(buf, cap, "%s is a compose host, the step names namespace %s", h->name,
		    w->ns);
	else if (w->ns != NULL && strcmp(h->namespace_, w->ns) != 0)
		snprintf(buf, cap, "the step names namespace %s, %s's config says %s", w->ns,
		    h->name, h->namespace_);
	else
		return NULL;
	return buf;
}

/* What a rollback's own words ask for, before any host is looked at:
 * its service, namespace and driver in *w, tag, revision and wait in *t;
 * -1 with err for what warroom would never honour. */
static int
rollback_words(const struct runbook_action *a, struct want *w, struct runbook_target *t,
    struct wr_err *err)
{
	const char *to = NULL, *v;

	memset(t, 0, sizeof(*t));
	t->host = t->svc = -1;
	*w = (struct want){ NULL, runbook_action_arg(a, "namespace"), -1 };
	switch (a->kind) {
	case RUNBOOK_ACT_ROLLBACK:
		w->svc = runbook_action_arg(a, "service");
		to = runbook_action_arg(a, "to");
		if ((v = runbook_action_arg(a, "driver")) != NULL)
			w->driver = strcmp(v, "k8s") == 0 ? DRIVER_K8S :
			    strcmp(v, "helm") == 0 ? DRIVER_HELM : DRIVER_COMPOSE;
		break;
	case RUNBOOK_ACT_K8S_UNDO:
		w->svc = runbook_action_arg(a, "name");
		w->driver = DRIVER_K8S;
		if ((v = runbook_action_arg(a, "kind")) != NULL && strcmp(v, "deployment") != 0)
			return wr_err_set(err, "warroom rolls back deployments; this step undoes "
			    "%s/%s: run it by hand", v, w->svc ? w->svc : "?");
		break;
	case RUNBOOK_ACT_HELM_ROLLBACK:
		w->svc = runbook_action_arg(a, "release");
		w->driver = DRIVER_HELM;
		break;
	default:
		return wr_err_set(err, "the step asks for no rollback");
	}
	if (w->svc == NULL)
		return wr_err_set(err, "the step's rollback names no service");
	if ((v = runbook_action_arg(a, "context")) != NULL)
		return wr_err_set(err, "the step names kube context %s; warroom runs kubectl in "
		    "each host's own context: check it, then roll back with r in HOSTS", v);
	/* Placeholders are filled before this (runbook_fill_action): one that
	 * is not, or a $(…), must never become the usual choice unsaid. */
	if ((v = runbook_action_arg(a, "revision")) != NULL &&
	    (t->revision = revision_of(v)) == 0)
		return a->kind == RUNBOOK_ACT_ROLLBACK ?
		    wr_err_set(err, "revision=%s is not a revision number", v) :
		    wr_err_set(err, "the step's revision %s is not a revision number", v);
	if (to != NULL && runbook_is_angle(to))
		return wr_err_set(err, "the step's to=%s has no value yet", to);
	if (to != NULL && strcmp(to, "last-good") != 0 && strcmp(to, "previous") != 0)
		wr_strlcpy(t->tag, to, sizeof(t->tag));
	/* helm's --timeout is how long the step waits: the gate waits as long. */
	if ((v = runbook_action_arg(a, "timeout")) != NULL &&
	    (t->timeout_s = runbook_target_duration(v)) < 0)
		return wr_err_set(err, "the step's --timeout %s is not a duration (5m, 300s)", v);
	return 0;
}

int
runbook_target_rollback(const struct runbook_action *a, const struct config *cfg,
    int selected, struct runbook_target *t, struct wr_err *err)
{
	const char *on = runbook_action_arg(a, "host");
	struct want w;
	char why[256];
	size_t i;
	int pick = -1;

	if (rollback_words(a, &w, t, err) != 0)
		return -1;
	if (on != NULL) {
		if ((pick = config_host_index(cfg, on)) < 0)
			return wr_err_set(err, "the step names host %s, which %s does not list", on,
			    cfg->file);
		if (misfit(&cfg->hosts[pick], &w, why, sizeof(why)) != NULL)
			return wr_err_set(err, "%s", why);
	} else if (selected >= 0 && (size_t)selected < cfg->nhosts &&
	    misfit(&cfg->hosts[selected], &w, why, sizeof(why)) == NULL) {
		pick = selected;
	} else {
		for (i = 0; i < cfg->nhosts && pick < 0; i++)
			if (misfit(&cfg->hosts[i], &w, why, sizeof(why)) == NULL)
				pick = (int)i;
		if (pick < 0)
			return wr_err_set(err, "no %s%shost in the config runs %s%s%s",
			    w.driver >= 0 ? config_driver_name((enum config_driver)w.driver) : "",
			    w.driver >= 0 ? " " : "", w.svc, w.ns ? " in namespace " : "",
			    w.ns ? w.ns : "");
	}
	if (t->revision > 0 && cfg->hosts[pick].driver == DRIVER_COMPOSE)
		return wr_err_set(err, "the step names revision %d, and %s is a compose host: "
		    "compose rolls back to a tag (to=)", t->revision, cfg->hosts[pick].name);
	t->host = pick;
	t->svc = config_service_index(&cfg->hosts[pick], w.svc);
	return 0;
}

int
runbook_target_revision_fits(const struct runbook_action *a, const struct config_host *h,
    struct wr_err *err)
{
	const char *revision = runbook_action_arg(a, "revision");

	if (revision == NULL || h->driver != DRIVER_COMPOSE)
		return 0;
	return wr_err_set(err, "the step names revision=%s, and %s is a compose host: compose "
	    "rolls back to a tag (to=)", revision, h->name);
}

/* A kill switch's own words: the switch, on or off (into t->value), no
 * kube context; -1 with err otherwise. */
static int
killswitch_words(const struct runbook_action *a, struct runbook_target *t, struct wr_err *err)
{
	const char *name, *value, *v;

	memset(t, 0, sizeof(*t));
	t->host = t->svc = -1;
	if (a->kind != RUNBOOK_ACT_KILLSWITCH)
		return wr_err_set(err, "the step asks for no kill switch");
	/* A binding says `killswitch SWITCH on|off`; a recognised command
	 * `EXPORT_MODE=off`. */
	name = runbook_action_arg(a, "switch");
	if (name == NULL)
		name = runbook_action_arg(a, "name");
	value = runbook_action_arg(a, "state");
	if (value == NULL)
		value = runbook_action_arg(a, "value");
	if (!runbook_is_export_switch(name))
		return wr_err_set(err, "warroom's kill switch is EXPORT_MODE; the step names '%s'",
		    name ? name : "");
	if (value == NULL || (strcmp(value, "off") != 0 && strcmp(value, "on") != 0))
		return wr_err_set(err, "the step turns the kill switch to '%s', not on or off",
		    value ? value : "");
	if ((v = runbook_action_arg(a, "context")) != NULL)
		return wr_err_set(err, "the step names kube context %s; warroom runs kubectl in "
		    "each host's own context: check it, then use X in HOSTS", v);
	wr_strlcpy(t->value, value, sizeof(t->value));
	return 0;
}

int
runbook_target_killswitch(const struct runbook_action *a, const struct config *cfg,
    int selected, struct runbook_target *t, struct wr_err *err)
{
	const char *on = runbook_action_arg(a, "host");
	const char *svc = runbook_action_arg(a, "service"), *v;
	struct want w = { svc, runbook_action_arg(a, "namespace"), -1 };
	char why[256];

	if (killswitch_words(a, t, err) != 0)
		return -1;
	if (on != NULL) {
		if ((selected = config_host_index(cfg, on)) < 0)
			return wr_err_set(err, "the step names host %s, which %s does not list", on,
			    cfg->file);
	} else if (selected < 0 || (size_t)selected >= cfg->nhosts) {
		return wr_err_set(err, "no host selected: pick one in HOSTS");
	}
	if (svc != NULL && (t->svc = config_service_index(&cfg->hosts[selected], svc)) < 0)
		return wr_err_set(err, "%s runs no service %s", cfg->hosts[selected].name, svc);
	/* `kubectl set env` switches a deployment, `docker compose` and
	 * `sed -i .env` a compose project: the other kind of host would get
	 * a switch the step never described. */
	if ((v = runbook_action_arg(a, "driver")) != NULL)
		w.driver = strcmp(v, "k8s") == 0 ? DRIVER_K8S : DRIVER_COMPOSE;
	if (svc != NULL && misfit(&cfg->hosts[selected], &w, why, sizeof(why)) != NULL)
		return wr_err_set(err, "%s", why);
	if (svc == NULL && w.driver >= 0 && (int)cfg->hosts[selected].driver != w.driver)
		return wr_err_set(err, "%s is a %s host, the step is for %s",
		    cfg->hosts[selected].name, config_driver_name(cfg->hosts[selected].driver),
		    config_driver_name((enum config_driver)w.driver));
	t->host = selected;
	return 0;
}

/* A compose rollback names its services: -1 with err when it names none. */
static int
compose_up_words(const struct runbook_action *a, struct wr_err *err)
{
	size_t i;

	for (i = 0; i < a->nargs; i++)
		if (strcmp(a->args[i].key, "service") == 0)
			return 0;
	return wr_err_set(err, "the step's up -d names no service (Compose would recreate "
	    "them all): the built-in rolls back one service at a time, so name them");
}

int
runbook_target_check(const struct runbook_action *a, const struct config *cfg,
    struct wr_err *err)
{
	struct runbook_target t;
	struct wr_err first;
	struct want w;
	size_t i;

	switch (a->kind) {
	case RUNBOOK_ACT_ROLLBACK:
	case RUNBOOK_ACT_K8S_UNDO:
	case RUNBOOK_ACT_HELM_ROLLBACK:
		if (cfg == NULL)
			return rollback_words(a, &w, &t, err);
		/* No host selected: the one it names, else the first that fits. */
		return runbook_target_rollback(a, cfg, -1, &t, err);
	case RUNBOOK_ACT_KILLSWITCH:
		if (cfg == NULL || runbook_action_arg(a, "host") != NULL)
			return cfg == NULL ? killswitch_words(a, &t, err) :
			    runbook_target_killswitch(a, cfg, -1, &t, err);
		if (killswitch_words(a, &t, err) != 0)
			return -1;
		if (cfg->nhosts == 0)
			return wr_err_set(err, "%s lists no host to switch", cfg->file);
		/* Whichever host is selected then: it is enough that one fits. */
		for (i = 0; i < cfg->nhosts; i++)
			if (runbook_target_killswitch(a, cfg, (int)i, &t, i == 0 ? &first : err) == 0)
				return 0;
		return wr_err_set(err, "no host in %s can take it (%s%s)", cfg->file, first.msg,
		    cfg->nhosts > 1 ? "; the others neither" : "");
	case RUNBOOK_ACT_COMPOSE_UP:
		return compose_up_words(a, err);
	default:
		return 0;
	}
}

int
runbook_target_compose_up(const struct runbook_action *a, const struct config_host *h,
    int *svc, struct wr_err *err)
{
	char runs[WR_SERVICES_MAX * (WR_NAME_MAX + 2)] = "";
	size_t i, len = 0;
	int n = 0, k, j;

	if (compose_up_words(a, err) != 0)
		return -1;
	for (i = 0; i < a->nargs; i++) {
		if (strcmp(a->args[i].key, "service") != 0)
			continue;
		if ((k = config_service_index(h, a->args[i].value)) < 0) {
			/* Compose itself would fail on it: nothing starts. */
			for (j = 0; j < h->nservices && len < sizeof(runs); j++)
				len += (size_t)snprintf(runs + len, sizeof(runs) - len, "%s%s",
				    j ? ", " : "", h->services[j]);
			return wr_err_set(err, "%s runs no service %s (it runs %s): fix the step",
			    h->name, a->args[i].value, h->nservices ? runs : "none");
		}
		for (j = 0; j < n && svc[j] != k; j++)
			;
		if (j == n && n < WR_SERVICES_MAX)
			svc[n++] = k;
	}
	return n;
}
