/*
 * runbook_target.h — where a runbook step's rollback or kill switch goes:
 * the host, services, tag, revision and value its binding or recognised
 * command names, checked against the config. Pure: no I/O.
 */
#ifndef WARROOM_RUNBOOK_TARGET_H
#define WARROOM_RUNBOOK_TARGET_H

#include "warroom/config.h"
#include "warroom/runbook.h"
#include "warroom/util.h"

struct runbook_target {
	int host;                /* index into cfg->hosts */
	int svc;                 /* index into its services; -1: the caller's choice */
	char tag[128];           /* the tag the step names; "": the usual choice */
	int revision;            /* the revision it names; 0: the usual choice */
	char value[64];          /* kill switch: "off" or "on" */
	int timeout_s;           /* the step's own wait (helm --timeout); 0: the config's */
};

/* A helm/kubectl duration ("5m", "90s", "1m30s", "2h", "300") in seconds,
 * at most a day; -1 when it is none. */
int runbook_target_duration(const char *v);

/* The rollback a (ROLLBACK, K8S_UNDO or HELM_ROLLBACK) asks for: the host
 * it names, else the selected one if it fits, else the first that does.
 * -1 with err saying why when no host fits or the step names something
 * warroom would not honour (another namespace, a kube context, a kind). */
int runbook_target_rollback(const struct runbook_action *a, const struct config *cfg,
    int selected, struct runbook_target *t, struct wr_err *err);

/* Whether rollback a may go to host h with the revision it names: -1
 * with err when it names one (revision=, its placeholder not yet filled
 * too) and h is a compose host, which goes back to a tag; no value could
 * make it right, so the console says so before asking for any, as the
 * lint does. 0 otherwise. */
int runbook_target_revision_fits(const struct runbook_action *a, const struct config_host *h,
    struct wr_err *err);

/* The kill switch a (KILLSWITCH) asks for: its host (host= or the selected
 * one), service (service=, else -1) and value ("off" or "on"). -1 with err
 * for another switch or a host not in the config. */
int runbook_target_killswitch(const struct runbook_action *a, const struct config *cfg,
    int selected, struct runbook_target *t, struct wr_err *err);

/* Whether the console could honour a (a rollback or kill switch; a
 * compose up -d only as far as it names services; any other kind passes)
 * on some host of cfg, none being selected: the host it names, else any
 * that fits. cfg NULL: only its own words (the switch, on or off, a kind,
 * a kube context, a revision or wait). 0, or -1 with err saying why;
 * `warroom runbook` lints with it. */
int runbook_target_check(const struct runbook_action *a, const struct config *cfg,
    struct wr_err *err);

/* The services a compose rollback `IMAGE_TAG=T docker compose up -d A B`
 * (a, COMPOSE_UP) names, as indexes into h's services (svc holds
 * WR_SERVICES_MAX), in order, each once: their count, or -1 with err when
 * it names none or one h does not run. Nothing of it runs then. */
int runbook_target_compose_up(const struct runbook_action *a, const struct config_host *h,
    int *svc, struct wr_err *err);

#endif
