/*
 * action.h — an action as a state machine driven by loop events:
 * PLANNING (read the host) → CONFIRMING (the dialog) → CHECKING (re-read:
 * a stale plan runs nothing) → RUNNING (action.intent stored first, then
 * each step) → VERIFYING (read back, health gate) → OK | FAILED | UNKNOWN.
 * A connection lost while a step runs ends UNKNOWN, never a guess; the
 * host is then re-read when it returns and what was found is recorded.
 */
#ifndef WARROOM_ACTION_H
#define WARROOM_ACTION_H

#include <stdbool.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "warroom/config.h"
#include "warroom/plan.h"
#include "warroom/unsettled.h"

struct loop;
struct ssh_pool;
struct http_client;
struct tunnel_set;
struct timeline;
struct logset;
struct redactor;
struct action;

enum action_state {
	ACTION_PLANNING,
	ACTION_CONFIRMING,
	ACTION_CHECKING,
	ACTION_RUNNING,
	ACTION_VERIFYING,
	ACTION_OK,
	ACTION_FAILED,
	ACTION_UNKNOWN,
	ACTION_CANCELLED,                /* nothing was sent */
};

struct rbtarget;

struct action_env {
	struct loop *loop;
	struct ssh_pool *pool;
	struct http_client *http;
	struct tunnel_set *tunnels;
	struct timeline *tl;
	const struct config *cfg;
	struct logset *out;              /* command output goes here (LOGS' own ring) */
	const struct redactor *red;      /* … redacted with it first, when set */
	const char *incident;
	/* A compose rollback's first targets: tags this incident's timeline
	 * saw the service run before (newest first), copied at start. */
	const char (*seen_tags)[128];
	size_t nseen_tags;
	/* Releases this incident judged bad for this service on any host (a
	 * rollback started from it, or a verdict turned bad while it ran), with
	 * why: never a rollback's default target (listed last, marked). */
	const struct plan_bad *bad_tags;
	size_t nbad_tags;
	/* This incident's rollback target of the service (rbtarget.h), copied
	 * at start; NULL: no rollback of it ended OK. A host already there is
	 * offered no preselected target, and the dialog says why first. */
	const struct rbtarget *rb_target;
	/* Who named a rollback's target, when not a runbook step: the host
	 * B sent before this one ("h1"), copied at start; NULL otherwise. */
	const char *target_from;
	/* The host's latest kill switch (plan_killswitch_last; at_ms 0: none):
	 * a rollback that turns exports back on says since when they were
	 * off, or that the latest switch turning them off did not work. */
	struct plan_ks_last ks_last;
	/* k8s: the host's last kill switch ended FAILED with its rollout not
	 * read complete since (app_ks_rollout_open): /export answering off
	 * proves nothing, so the kill switch turns exports off again. */
	bool ks_rollout_open;
	const char *ks_open_why;         /* … and why, said first in X's plan
	                                    (app_ks_open_why; NULL: PLAN_KS_OPEN_WHY) */
	/* Compose: HOSTS' last reading of the host, copied at start: .env's
	 * IMAGE_TAG ("" not read) and the tag each service ran (as the host's
	 * services, "" unknown). A runbook command that moves a service off
	 * another tag onto .env's says so in its outcome. NULL: none. */
	const char *env_tag;
	const char (*ran_tags)[128];
	/* A runbook step's own wait for the health gate (helm --timeout, or a
	 * rollout status --timeout after an undo), in seconds; 0:
	 * health_timeout. */
	int health_timeout_s;
	/* A loaded runbook has a migration step (runbook_has_migration_step): an
	 * outcome with the schema ahead points at it, else at M. */
	bool migration_step;
	void (*on_change)(struct action *a, void *arg);
	void *arg;
};

/* Begin planning a rollback of service svc on host (to: the tag the
 * engineer named, rev: the k8s/helm revision, or NULL and 0 for the
 * driver's own choice: releases.log, the rollout or helm history); NULL
 * with err when it cannot even start (host not UP, read-only host, a bad
 * tag, a revision for compose). */
struct action *action_rollback_start(const struct action_env *env, int host, int svc,
    const char *to, int rev, struct wr_err *err);

/* Begin planning the kill switch on host (compose: EXPORT_MODE in its .env
 * through SFTP, then service svc redeployed at the tag it runs; k8s: the
 * deployment's env): want "off" or "on" as a runbook step names it, or
 * NULL (X) to turn the export off unless the host holds off now, and then
 * back on; on sets restore, the value this incident's kill switch
 * replaced (NULL: "on"; see plan_killswitch_value). */
struct action *action_killswitch_start(const struct action_env *env, int host, int svc,
    const char *want, const char *restore, struct wr_err *err);

/* A runbook step's script (placeholders filled) on host, shown in full
 * and run once; CONFIRMING at once (the host's name is the confirmation).
 * said and warning as plan_command takes them. */
struct action *action_command_start(const struct action_env *env, int host,
    const char *script, const char *origin, const char *said, const char *warning,
    struct wr_err *err);

/* alembic downgrade -1 for compose service svc on host, CONFIRMING at once;
 * gated on /readyz reporting the migrations current. schema, database,
 * expected: what its last /readyz said (CURRENT is refused, see
 * plan_migrate_down). */
struct action *action_migrate_down_start(const struct action_env *env, int host, int svc,
    enum plan_schema schema, const char *database, const char *expected, struct wr_err *err);

/* Whether choice i is marked (a tag this incident or releases.log rolled
 * back from, a roll forward, helm's running version): drawn in the
 * warning colour, never preselected. */
bool action_choice_marked(const struct action *a, int i);

/* A rollback's targets, newest first (releases.log tags, earlier rollout
 * revisions, helm revisions); the plan is for action_choice(), or -1 when
 * none is preselected (every one marked: plan_unpick's plan). */
int action_nchoices(const struct action *a);
const char *action_choice_label(const struct action *a, int i);
int action_choice(const struct action *a);

/* Re-plan for target i while CONFIRMING (the confirmation is bound to the
 * new plan); -1 with err otherwise. */
int action_choose(struct action *a, int i, struct wr_err *err);

/* A compose rollback found no target in releases.log: one must be typed. */
bool action_needs_target(const struct action *a);

/* Why no target is preselected (the dialog's first warning, lines
 * "\n"-separated), "" when one is. */
const char *action_unpicked_why(const struct action *a);

/* A rollback to a named tag found the host already running it: CANCELLED,
 * with nothing to do (B's chain skips it and goes on). */
bool action_at_target(const struct action *a);

/* The typed confirmation matched: re-check and run (nothing while no
 * target is picked, action_choice() -1). */
void action_confirm(struct action *a);

/* Cancel before anything is sent (PLANNING or CONFIRMING only): the
 * engineer's Esc. Any other CANCELLED is journalled as action.refused. */
void action_cancel(struct action *a);

/* CANCELLED by action_cancel (Esc), not by what the host said. */
bool action_cancelled_by_hand(const struct action *a);

enum action_state action_state(const struct action *a);
const char *action_state_name(enum action_state s);
const struct plan *action_plan(const struct action *a);
int action_host(const struct action *a);
int action_service(const struct action *a);
const char *action_step(const struct action *a);     /* what runs now */
const char *action_verb(const struct action *a);     /* "rollback", "kill switch", … */
/* The action's kind as its records name it ("k8s.undo"), also before
 * its plan is made. */
const char *action_kind(const struct action *a);
const char *action_reason(const struct action *a);   /* outcome's why */
const char *action_op(const struct action *a);       /* its journal records' op */

/* Its action.end, kept while the journal could not be written, is stored
 * now: the reason says so instead of "not stored yet". */
void action_end_stored(struct action *a);

/* The part of action_reason a re-read after UNKNOWN wrote ("re-read after
 * restart: …" or "… after reconnect: …", to the end), or NULL: none. */
const char *action_reread(const struct action *a);

/* The runbook step x started it from (its step id), named in the intent
 * so the post-mortem knows the step ran, with what the step runs (code:
 * runbook_work_code, or NULL) so a step edited since is told apart;
 * before the intent is stored. */
void action_set_step(struct action *a, const char *step_id, const char *code);

/* The same for a runbook section's own blocks (its id, app_section_id):
 * named in the intent as runbook_section, apart from any step. */
void action_set_section(struct action *a, const char *section_id, const char *code);

/* The fleet rollback (B) it is a turn of, by chain id: named in its
 * intent, and in its action.refused when confirmed and nothing ran. */
void action_set_chain(struct action *a, const char *chain);
int64_t action_started_ms(const struct action *a);
bool action_finished(const struct action *a);        /* OK, FAILED, UNKNOWN, CANCELLED */
bool action_reconciled(const struct action *a);      /* UNKNOWN, and its host re-read since */
bool action_env_stale(const struct action *a);       /* ended with .env naming another tag */
bool action_rereadable(const struct action *a);      /* warroom can re-read what it did */

/* UNKNOWN, and the last re-read found the change made and its k8s rollout
 * still progressing: the console re-reads it until it settles (or its
 * grace runs out); or found a helm rollback applied, failed by its wait:
 * the poller reads its pods (latedone). */
bool action_waits_rollout(const struct action *a);

/* The journal says a's rollout completed after its UNKNOWN end (a
 * latedone record, summary its words): a counts as settled, the words
 * take the re-read's place in its reason (action_reread). Nothing when
 * a is not UNKNOWN or settled already. */
void action_rollout_completed(struct action *a, const char *summary);

/* Whether action_reread is what settled a after its re-read (its words
 * whole, no "re-read …: " before them): action_rollout_completed. */
bool action_settled_late(const struct action *a);

/* UNKNOWN, read back without settling it, and still re-read (the
 * dropped command may still be at work): the seconds of re-reading left
 * before the console gives up (health_timeout from the first read back);
 * 0 when it is not re-reading. */
long action_reread_left_s(const struct action *a);

/* UNKNOWN and read back since without settling it: what the host runs
 * ("" when the re-read names no tag); NULL: no re-read has answered yet. */
const char *action_read_not_settled(const struct action *a);

/* Settle an UNKNOWN outcome by hand: the engineer checked the host and
 * says ok or failed and what they saw (redacted, as everywhere it shows);
 * recorded as action.reconcile (by hand). -1 with err when a is not
 * UNKNOWN or the journal refuses. */
int action_settle(struct action *a, bool ok, const char *saw, struct wr_err *err);

/* An action a previous session left UNKNOWN (its action.intent with no
 * action.end, or with one saying unknown; u holds its records): shown
 * UNKNOWN, never run again; once its host is UP, what runs there is read
 * and recorded as action.reconcile. */
struct action *action_adopt_unknown(const struct action_env *env,
    const struct unsettled_op *u, struct wr_err *err);

/* Free an action (pending work is abandoned; only when finished). */
void action_free(struct action *a);

#endif
