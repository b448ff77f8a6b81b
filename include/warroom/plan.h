/*
 * plan.h — what a rollback will do, decided before anything is sent: the
 * target, the exact remote commands in order, how the outcome is verified.
 * The confirmation dialog shows a plan, the journal stores it (and its
 * hash) in action.intent, and the runner executes exactly its steps.
 * Pure: the caller supplies what it read from the host.
 */
#ifndef WARROOM_PLAN_H
#define WARROOM_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "warroom/config.h"
#include "warroom/contain.h"
#include "warroom/driver_cmd.h"
#include "warroom/probe.h"

struct k8s_deploy;
struct k8s_env;

#define PLAN_STEPS_MAX 6

enum plan_step_kind {
	PLAN_EXEC,                       /* cmd runs on the host */
	PLAN_SFTP_WRITE,                 /* the kill switch's files, written over SFTP;
	                                    cmd says what in words */
};

struct plan_step {
	char name[48];                   /* "pull", "up -d", "record release" */
	char cmd[WR_CMD_MAX];            /* exactly what runs on the host */
	bool mutating;
	enum plan_step_kind kind;
	bool after_verify;               /* runs once the read-back and the health
	                                    gate passed (the rollback's .env step) */
};

struct plan {
	char action[48];                 /* "compose.rollback" */
	char host[WR_NAME_MAX];
	char service[WR_NAME_MAX];
	char from[128];                  /* the tag (or app version) running when planned */
	char to[128];                    /* the target tag, "" when unknown (k8s undo) */
	int from_rev, to_rev;            /* k8s/helm revisions; 0 for compose */
	struct plan_step steps[PLAN_STEPS_MAX];
	int nsteps;
	char verify_cmd[WR_CMD_MAX];     /* read back what runs now */
	char record_cmd[WR_CMD_MAX * 2]; /* after a verified OK: note it in releases.log */
	char readyz_url[WR_URL_MAX + 16]; /* health gate, "" when none */
	int health_timeout_s;
	/* The kill switch: one .env variable changed through SFTP. */
	char env_file[WR_PATH_MAX];      /* the .env as SFTP names it */
	char env_new[WR_PATH_MAX];       /* written beside it, then renamed over it */
	char env_backup[WR_PATH_MAX];    /* a copy of the previous file, kept */
	char env_hash[17];               /* of the text the plan was made from */
	char env_key[32], env_value[128]; /* what is set */
	unsigned long env_mode;          /* the file's permission bits, kept */
	char env_was[128];               /* the value .env held when planned */
	char env_shared[160];            /* other services that run the tag .env names
	                                    ("jobs, worker"), or "" */
	char keep_tag[128];              /* the redeployed service must still run it */
	char env_image_tag[128];         /* compose rollback or kill switch: IMAGE_TAG
	                                    in .env when planned; "" not read or none */
	char export_url[WR_URL_MAX + 16]; /* answers 404 once the switch is off */
	bool env_kept;                   /* kill switch: .env (the deployment's env)
	                                    holds the value already but /export says
	                                    the service does not run with it: no
	                                    edit, only the redeploy (rollout restart) */
	/* The kill switch on k8s: the deployment's container env, no file. */
	char env_container[WR_NAME_MAX]; /* the container whose env is set */
	bool env_remove;                 /* `KEY-`: the variable goes (undo of one
	                                    that was not set) */
	/* A runbook command block: shown and stored as the plan's one step. */
	char origin[160];                /* "runbook step 4.2", "" otherwise */
	char confirm[WR_NAME_MAX + 16];  /* the word to type ("downgrade api" for
	                                    what drops data); "" means the service */
	char warning[768];               /* said loudly in the dialog (a line
	                                    each, '\n' between), or "" */
	/* A k8s rollback: EXPORT_MODE in the running pod template and the
	 * target's (plan_export_word's words), "" when not read. */
	char export_now[64], export_to[64];
	char export_container[WR_NAME_MAX]; /* the container they were read from */
	char why[512];                   /* why it is called for (a runbook
	                                    command: what filled its values), in
	                                    the dialog, or "" */
	char named[128];                 /* helm: the target as a runbook step
	                                    named it when that is not its app
	                                    version (badrel_same); compose: as
	                                    typed or named when it runs as the
	                                    host spells it (tagspell); or "" */
	char spelled[320];               /* compose: "1.4.1 is v1.4.1 here
	                                    (releases.log)", in the dialog, or "" */
	char note[320];                  /* said plainly in the dialog, not as a
	                                    warning (plan_note_left_ours), or "" */
	/* A runbook command whose every command only reads (shellread):
	 * Enter alone confirms it. Else typed says why the name is typed. */
	bool reads_only;
	char typed[480];                 /* "`kubectl scale …`: kubectl scale is
	                                    not one that only reads", or "" */
};

/* The tag to roll back to: the most recent successful deploy in a
 * releases.log ("… IMAGE_TAG=T … result=ok") whose tag is not current
 * and that no later rollback line moved away from. 0, or -1 with err
 * when there is none. */
int plan_compose_target(const char *log, size_t len, const char *current, char *out,
    size_t cap, struct wr_err *err);

/* Every tag a releases.log offers to roll back to: successful deploys
 * other than current, newest first, each once, those a later rollback
 * moved away from last; at most max. */
size_t plan_compose_targets(const char *log, size_t len, const char *current,
    char (*out)[128], size_t max);

/* A Compose rollback target as the dialog lists it. */
struct plan_candidate {
	char tag[128];
	char label[320];                 /* "v1.4.1  (last good in releases.log)" */
	bool rolled_back;                /* a later releases.log rollback moved away
	                                    from it (since its latest deploy) */
	char rolled_at[8];               /* that rollback's "HH:MM" as its line
	                                    says it, "" when it says no time */
	bool bad;                        /* this incident rolled back from it */
	bool newer;                      /* releases.log deployed it after the
	                                    running tag (or its version is
	                                    higher): a roll forward */
	bool left;                       /* newer, and the timeline saw it run
	                                    here: the host was moved back from it */
	bool marked;                     /* any of the above: never last good,
	                                    never preselected, listed last */
	bool last_good;                  /* labelled last good in releases.log */
};

/* A release this incident judged bad for the service, on any host, and
 * why (badrel_why_words: "rolled back from on k8s-bastion at 18:31"; ""
 * says "rolled back from in this incident"); mark: the same standing
 * alone after a target (badrel_mark_words: "k8s-bastion rolled back from
 * v1.5.0-bad at 18:31"; "": why is used). */
struct plan_bad {
	char tag[128];
	char why[160];
	char mark[224];
};

/* The targets of a Compose rollback, in the dialog's order: the tags the
 * timeline saw run here (seen), then releases.log's successful ones newest
 * first; then the marked ones (never first, never "last good"): those a
 * later rollback line there moved away from, those in bad (this
 * incident judged them bad: matched as badrel_same does, labelled with
 * their why) and those deployed after current (a
 * roll forward; not a lower version deployed again, and with current not
 * deployed there, a higher version). current and unusable tags are left
 * out. Each label says
 * every reason its tag is there. At most max; returns the count. */
size_t plan_compose_candidates(const char *log, size_t len, const char *current,
    const char (*seen)[128], size_t nseen, const struct plan_bad *bad, size_t nbad,
    struct plan_candidate *out, size_t max);

/* The plan_bad of tag in bad (matched as badrel_same does), or NULL. */
const struct plan_bad *plan_bad_of(const struct plan_bad *bad, size_t nbad, const char *tag);

/* One service of a step that sets one tag for several (x's tag prompt). */
struct plan_tag_svc {
	const char *name;                /* the service */
	const char *running;             /* the tag it runs, "" unread */
	const struct plan_candidate *c;  /* its plan_compose_candidates */
	size_t n;
};

/* A tag the prompt offers for several services, and which ones it fits. */
struct plan_tag_fit {
	char tag[128];
	char label[400];                 /* "v1.4.1  (last good for jobs in
	                                    releases.log) — this incident's
	                                    rollback target:
	                                    for jobs; api runs it" */
	bool marked;                     /* marked for every service it is listed for */
};

/* The tags ns services could go to, each once: targets (the tags this
 * incident's rollbacks of them went to) first, then each service's
 * unmarked candidates, then the marked ones. A label says when the tag is
 * a target and, with several services, which it fits (not running it,
 * not marked for it) unless it fits them all, which already run it, and
 * whose last good it is unless it is every one's. At most max; returns
 * the count. */
size_t plan_tag_merge(const struct plan_tag_svc *s, size_t ns, const char (*targets)[128],
    size_t ntargets, struct plan_tag_fit *out, size_t max);

/* Whether releases.log says a rollback moved away from tag (matched as
 * badrel_same does: a typed 1.4.1 is v1.4.1) after its latest successful
 * deploy; that rollback's "HH:MM" (or "") into at. */
bool plan_compose_rolled_back(const char *log, size_t len, const char *tag, char at[8]);

/* Put the warning that p's target tag was rolled back from (where: "at
 * 13:00 per releases.log", "in this incident") first in p->warning. */
void plan_warn_rolled_back(struct plan *p, const char *where);

/* p's target is this incident's rollback target that held OK, and the
 * history says it was left later (words: "helm revision 6 is \"Rollback
 * to 4\""): a note, not the warning above, which would call it bad. */
void plan_note_left_ours(struct plan *p, const char *words);

/* Put the warning that p's target tag is one this incident judged bad
 * (b: "v1.5.0-bad WAS ROLLED BACK FROM in this incident, on k8s-bastion at
 * 18:31"; NULL: no where) first in p->warning. */
void plan_warn_bad(struct plan *p, const struct plan_bad *b);

/* True when a tag is safe to use (letters, digits, '.', '-', '_', ':', '@',
 * '+', at most 127 bytes). */
bool plan_tag_valid(const char *tag);

/* A Compose rollback of service svc on host h from → to; its releases.log
 * line names op (the action's id) and incident. */
int plan_compose_rollback(const struct config_host *h, int svc, const char *from,
    const char *to, int health_timeout_s, const char *incident, const char *op,
    struct plan *p, struct wr_err *err);

/* kubectl rollout undo of deployment svc from revision from_rev to
 * to_rev, then rollout status with the timeout. to_tag: the tag to_rev's
 * template runs (its ReplicaSet says), then verified; NULL or "" when
 * unknown. */
int plan_k8s_undo(const struct config_host *h, int svc, const char *from_tag,
    int from_rev, int to_rev, const char *to_tag, int timeout_s, struct plan *p,
    struct wr_err *err);

/* EXPORT_MODE (key) as a pod template container's env sets it, in words:
 * its value, "(unset)", or "(from a configMapKeyRef)" for a reference. */
void plan_export_word(const struct k8s_env *env, const char *key, char *out, size_t cap);

/* What a word of plan_export_word's means for the export: 1 off (the
 * value "off"), 0 on (another value, or unset: the documented default),
 * -1 not known here (a reference, or "": not read). */
int plan_export_state(const char *word);

/* The k8s rollback plan p's notes on EXPORT_MODE, said in its warning:
 * the target's pod template (to) against the running one (now), both
 * plan_export_word's, and a target at the running tag, which only
 * changes the pod template. ks: this host's latest kill switch
 * (plan_killswitch_last; NULL or at_ms 0: none), whose time, direction
 * and outcome an off template is said with. Kept in the plan
 * (export_now, export_to, container) for the intent and the outcome. */
struct plan_ks_last;
void plan_k8s_undo_notes(struct plan *p, const char *container, const char *now,
    const char *to, const struct plan_ks_last *ks);

/* A k8s or helm rollback target: its tag ("" when unknown), EXPORT_MODE
 * in its pod template (k8s, plan_export_word's), and its marks: a marked
 * target is listed last and never preselected. */
struct plan_target {
	char tag[128];
	char export_mode[64];
	bool bad;                        /* a release this incident rolled back from */
	bool same;                       /* helm: the running chart and app version */
	bool left;                       /* one the host's own history (helm's
	                                    "Rollback to N", k8s's moved
	                                    templates) says was rolled back from */
	bool stalled;                    /* the target of this incident's rollback
	                                    here that did not end OK: its rollout
	                                    may never have completed */
	bool ours;                       /* this incident's own OK rollback target
	                                    (rbtarget_is_target): left does not
	                                    demote it, bad still does */
};

/* What a marked target's label ends with. */
#define PLAN_NOTE_BAD "  (rolled back from in this incident)"
#define PLAN_NOTE_LEFT "  (rolled back from, per the release history)"
#define PLAN_NOTE_SAME "  (same version as running: nothing would change)"
#define PLAN_NOTE_STALLED "  (this incident's rollback to it here did not end OK)"

/* Which of n targets (newest good first) to preselect: the first not at
 * the running tag run ("": not known) that keeps the export as it is now
 * (on or off; any when now is not known, or the tags were not read); -1
 * when the newest tag has none (a rollback that changes EXPORT_MODE is
 * never preselected). When all run the running tag: one whose
 * EXPORT_MODE is now's, else -1 (none). */
int plan_k8s_default(const struct plan_target *t, int n, const char *now, const char *run);

/* Whether a helm revision (chart, app version) is the running one's
 * version, so rolling back to it changes nothing; unknown ("") never is. */
bool plan_same_version(const char *chart, const char *app, const char *run_chart,
    const char *run_app);

/* What a named target matched, for the dialog: "v1.4.1 = helm revision 2
 * (app version 1.4.1)". */
void plan_helm_named_words(const char *named, int rev, const char *app, char *buf,
    size_t cap);

/* The note t's label ends with: PLAN_NOTE_BAD, _LEFT, _SAME, _STALLED or "". */
const char *plan_target_note(const struct plan_target *t);

/* Whether t is marked so that it goes after the unmarked ones: rolled
 * back from (here, or per the history unless it is ours) or the same
 * version. A stalled one keeps its place: it is marked, and never
 * preselected silently. */
bool plan_target_marked(const struct plan_target *t);

/* The dialog's order of n targets (as found, newest first) into order:
 * the unmarked, then the same version, then the rolled back from, each
 * kept in its order. Returns how many are unmarked. */
int plan_targets_order(const struct plan_target *t, int n, int *order);

/* Which of n targets in plan_targets_order's order (the first nfree
 * unmarked) to preselect: plan_k8s_default's (now: the running
 * EXPORT_MODE, run: the running tag, both "" on helm) among the unmarked,
 * or among all when named (the engineer named the target: a runbook
 * step's revision, marked or not, at any tag); -1 when none is to be
 * (every one marked, the one it would be changes the export, or is
 * stalled: its rollout here did not complete), and why goes to why. */
int plan_targets_default(const struct plan_target *t, int n, int nfree, bool named,
    const char *now, const char *run, char *why, size_t cap);

/* A helm rollback plan p to the running version: said in its warning. */
void plan_warn_same(struct plan *p);

/* One more line of p's warning: note, as far as it fits. */
void plan_warn_note(struct plan *p, const char *note);

/* The plan p of a dialog that lists targets but preselects none: it
 * keeps its action, host, service and from, loses its target and steps
 * (nothing can run), and why is its warning. */
void plan_unpick(struct plan *p, const char *why);

/* Whether p is plan_unpick's: a rollback with no target picked yet. */
bool plan_unpicked(const struct plan *p);

/* A rollback's change to EXPORT_MODE in deployment svc for its outcome
 * (before, after: plan_export_word's): "EXPORT_MODE=off -> on in
 * deployment/api's env: exports are back ON"; "" when neither changed nor
 * known. */
void plan_export_change(const char *svc, const char *before, const char *after, char *out,
    size_t cap);

/* What a k8s plan's change left when its rollout status failed (d: the
 * deployment read back after it, tag: what its container runs, waited_s:
 * how long rollout status waited, 0 when it did not time out): "undo
 * applied (revision 7 at v1.4.1), rollout not complete: 2/3 ready after
 * 15 s; …" (an undo at its target says another r goes past it), or
 * that the revision did not move. */
void plan_k8s_unfinished(const struct plan *p, const struct k8s_deploy *d, const char *tag,
    int waited_s, char *out, size_t cap);

/* helm rollback of release svc from revision from_rev (app version from)
 * to to_rev (app version to). */
int plan_helm_rollback(const struct config_host *h, int svc, const char *from,
    int from_rev, const char *to, int to_rev, int timeout_s, struct plan *p,
    struct wr_err *err);

/* The other services of compose host h (svc aside), comma separated into
 * out, that run tag in ps: they very likely take it from the same
 * IMAGE_TAG in .env, so a plain `up -d` moves them with it. */
struct compose_ps;
void plan_tag_sharers(const struct config_host *h, int svc, const struct compose_ps *ps,
    const char *tag, char *out, size_t cap);

/* The Compose rollback's last step, added to its plan p: when the .env
 * text (env_len bytes, mode its permission bits) sets IMAGE_TAG to another
 * value than p->to, set it to p->to once the rollback is verified and
 * healthy, the kill switch's way (backup, new file, one rename). shared:
 * plan_tag_sharers' names, for the dialog. op names the files. 1 when the
 * step was added, 0 when .env needs none (no IMAGE_TAG line, or the
 * target already), -1 with err. */
int plan_keep_tag(const struct config_host *h, const char *env_text, size_t env_len,
    unsigned long mode, const char *op, const char *shared, struct plan *p,
    struct wr_err *err);

/* HOSTS' .env! in the dialog of a compose rollback or kill switch p: when
 * .env's IMAGE_TAG (p->env_image_tag) is not the tag the service runs,
 * what each says and what the action leaves in .env (the rollback: its
 * target, kept once verified; the kill switch: the same other tag, which
 * the next plain `up -d` brings back), into out. false, out "": no drift. */
bool plan_env_drift(const struct plan *p, char *out, size_t cap);

/* The plan's first step that runs after verification, or nsteps. */
int plan_first_after_verify(const struct plan *p);

/* The .env of compose host h as SFTP names it (relative to the login's
 * home when compose_dir starts with ~/). -1 with err when too long. */
int plan_env_path(const struct config_host *h, char *out, size_t cap, struct wr_err *err);

/* The file the kill switch of op keeps beside env_file, ext "new" or
 * "bak": env_file.warroom-OP.EXT. */
void plan_env_sibling(const char *env_file, const char *op, const char *ext, char *out,
    size_t cap);

/* The kill switch on compose host h: set key=value in its .env (text as
 * read, env_len bytes, mode its permission bits) through SFTP — a backup
 * copy and the new file beside it, then an atomic rename over it — and
 * redeploy service svc at the tag it runs now. op names the files. seen:
 * what GET /export answers now; with .env holding value already it decides
 * (plan_killswitch_how): only the redeploy (env_kept, said in warning), or
 * refused. */
int plan_killswitch(const struct config_host *h, int svc, const char *tag,
    const char *env_text, size_t env_len, unsigned long mode, const char *key,
    const char *value, enum contain_export seen, const char *op, int health_timeout_s,
    struct plan *p, struct wr_err *err);

/* The container of deployment d the k8s kill switch changes: its only
 * one, else the one named svc; -1 with err when neither says which. */
int plan_k8s_container(const struct k8s_deploy *d, const char *svc, struct wr_err *err);

/* The kill switch on k8s host h: `kubectl set env` of key=value in
 * container env->container of deployment svc (value NULL or "": `key-`,
 * the variable removed), then rollout status with the timeout. d: the
 * deployment as read (revision, the container's tag), env: that
 * container's env list. Verified by the deployment's env, a newer revision
 * rolled out at the same tag, /export and /readyz. Refused when env takes
 * key from a reference (valueFrom). When env holds value already, seen
 * (what GET /export answers now) decides (plan_killswitch_how): `kubectl
 * rollout restart` in place of set env (env_kept, said in warning), or
 * refused. */
int plan_k8s_killswitch(const struct config_host *h, int svc, const struct k8s_deploy *d,
    const struct k8s_env *env, const char *key, const char *value, enum contain_export seen,
    int timeout_s, struct plan *p, struct wr_err *err);

/* What turning the export back on restores on host, when a kill switch
 * there that set EXPORT_MODE=off ended ok (action.end, or a later
 * action.reconcile, in these journal records): the value the first switch
 * of its chain replaced (back to the last restore that ended ok, skipping
 * switches that started from off: a retry after a failed one) goes to out,
 * the newest such end's time to *at_ms (when not NULL), and 1 is returned;
 * 0 when none did. When it was unset, or every one started from off: "on"
 * on a compose host (its .env line is kept); unset on k8s gives "" (the
 * variable is removed again, so the image's default or envFrom decides). */
struct record;
int plan_killswitch_restore(const struct record *v, size_t n, const char *host, char *out,
    size_t cap, int64_t *at_ms);

/* A host's latest kill switch (compose's or k8s's) in journal records. */
struct plan_ks_last {
	int64_t at_ms;                   /* its end (ok, failed, unknown), else its
	                                    intent's time; 0: none */
	bool off;                        /* it was to turn exports off */
	char outcome[16];                /* "ok", "failed", "unknown"; "": no end */
};

/* host's latest kill switch in v[0..n), whichever way and however it
 * ended, into *last (zeroed when none); returns 1, or 0 for none. */
int plan_killswitch_last(const struct record *v, size_t n, const char *host,
    struct plan_ks_last *last);

/* The value the kill switch sets: want "off" or "on" as a runbook step
 * names it, or NULL for X, whose direction comes from what GET /export
 * answers now (seen), never from .env alone (a redeploy that failed
 * leaves .env off while the service still exports): back on only when
 * /export is seen off, else (on, or not known) off. On is restore
 * (plan_killswitch_restore's), or "on" when NULL. */
const char *plan_killswitch_value(enum contain_export seen, const char *want,
    const char *restore);

/* What X plans from: what GET /export answered (seen), except that off
 * is not known while the host's last kill switch left its rollout not
 * complete (rollout_open): old pods may still export, and one answer
 * never restores them. */
enum contain_export plan_killswitch_seen(enum contain_export seen, bool rollout_open);

/* Why X turns exports off again then, said first in the plan's warning. */
#define PLAN_KS_OPEN_WHY "the last kill switch's rollout did not complete: old pods may " \
	"still export"
/* … when that kill switch ended UNKNOWN (its rollout not read complete). */
#define PLAN_KS_UNKNOWN_WHY "the last kill switch ended UNKNOWN and its rollout is not read " \
	"complete: old pods may still export"
/* … when a rollback moved the deployment since and its rollout is not
 * read complete yet. */
#define PLAN_KS_RB_WHY "a rollback since the last kill switch is not read complete: old " \
	"pods may still export"

/* What the kill switch setting value must do, given what the host holds
 * (now: NULL when unset; value "": the variable removed) and what GET
 * /export answers (seen). */
enum plan_ks_how {
	PLAN_KS_SET,                     /* change the value, then redeploy */
	PLAN_KS_REDEPLOY,                /* the value is in place but /export does
	                                    not show it (or, turning off, cannot
	                                    say): redeploy only */
	PLAN_KS_ALREADY,                 /* in place and /export agrees (or, turning
	                                    back on, cannot say: never blind) */
};
enum plan_ks_how plan_killswitch_how(const char *now, const char *value,
    enum contain_export seen);

/* What a runbook script's ERR trap prints (bash: the command's text). */
#define PLAN_SCRIPT_STOPPED "warroom: stopped at: "

/* The lines before a runbook script: set -e stops it at the first command
 * that fails, as an engineer pasting line by line would stop; where the
 * shell has an ERR trap (bash), it names that command on stderr. */
#define PLAN_SCRIPT_PREAMBLE \
	"trap 'echo \"" PLAN_SCRIPT_STOPPED "$BASH_COMMAND\" >&2' ERR 2>/dev/null\nset -e\n"

/* A runbook step's script (placeholders filled) on host h, run once after
 * PLAN_SCRIPT_PREAMBLE (and a cd into compose_dir); its exit status is the
 * outcome. The host's name is the confirmation, or Enter alone when every
 * command only reads (p->reads_only; else p->typed says why). said: what
 * the dialog and the journal say of values nobody typed in view
 * (runbook_fill_said), or ""; warning (NULL or "": none) goes to
 * p->warning: a rollback it runs unverified (runbook_route_unverified). */
int plan_command(const struct config_host *h, const char *script, const char *origin,
    const char *said, const char *warning, struct plan *p, struct wr_err *err);

/* The outcome of a runbook script that exited status (not 0), from its
 * last two output lines: the command the ERR trap named, else the last. */
void plan_command_failure(int status, const char *last, const char *prev, char *buf,
    size_t cap);

/* A service's database schema against the release it runs, as its
 * /readyz last said (probe.h's reading, trusted only when fresh). */
enum plan_schema {
	PLAN_SCHEMA_UNKNOWN,             /* /readyz does not say, or said it before a change */
	PLAN_SCHEMA_AHEAD,               /* not current, the database past the release */
	PLAN_SCHEMA_CURRENT,             /* current */
	PLAN_SCHEMA_BEHIND,              /* not current, the database short of the release */
	PLAN_SCHEMA_UNSURE,              /* not current, which way not said */
};

/* What readyz says of the schema. have: a whole probe round answered;
 * sent_ms: when readyz's request went out; changed_ms: the latest change
 * the answer may predate (the tag's, an action's end): a request sent
 * before it says nothing. */
enum plan_schema plan_schema_of(const struct probe_result *readyz, bool have,
    int64_t sent_ms, int64_t changed_ms);

/* The health gate's warning when its URL answers no health answer now
 * (probe_status_wrong_url): "the gate cannot pass: GET URL answers 404
 * now …", into out[cap]. readyz: the last probe of p's readyz_url, have: a
 * whole round answered. False, out "", when there is nothing to warn of. */
bool plan_gate_warning(const struct plan *p, const struct probe_result *readyz, bool have,
    char *out, size_t cap);

/* alembic downgrade -1 in a one-off container of compose service svc,
 * then /readyz must answer 200 with the migrations current. Refused when
 * schema is CURRENT (a downgrade would only drop data) or BEHIND (it would
 * drop a revision the running release needs); UNSURE and UNKNOWN are said
 * as warnings, AHEAD as the reason to go on. database, expected: the
 * revisions that /readyz gave (NULL or "": not given), named in the plan
 * ("0042 -> 0041") unless schema is UNKNOWN. The confirmation is "downgrade
 * SERVICE", not the name every rollback asks for: it can drop data. */
int plan_migrate_down(const struct config_host *h, int svc, enum plan_schema schema,
    const char *database, const char *expected, int health_timeout_s, struct plan *p,
    struct wr_err *err);

/* Whether a downgrade planned on schema `planned` may still run when /readyz
 * now says `now` (answer: that answer's probe reason): never on CURRENT or
 * BEHIND, nor on a reading less sure than the one the dialog showed (AHEAD
 * gone UNSURE or silent). Why not into why[cap] ("" when it may). */
bool plan_migrate_down_still(enum plan_schema planned, enum plan_schema now,
    const char *service, const char *answer, char *why, size_t cap);

/* The plan as stored in action.intent (caller owns the object). */
cJSON *plan_to_json(const struct plan *p);

/* The plan's hash as 8 hex digits: the confirmation is bound to it. */
void plan_hash(const struct plan *p, char out[9]);

/* The confirmation dialog's always-visible question, naming what Enter
 * changes whatever is scrolled: into head "type WORD and press Enter to
 * VERB SERVICE on HOST" (verb: "roll back", "switch"…; a command names no
 * service; plan_unpick's asks to pick a target first; a command that
 * reads only: "reads only: Enter runs it on HOST"), into change
 * "FROM -> TO" ("" for a plan that moves no tag or value: a runbook
 * command; TO "? (none picked)" for plan_unpick's; "TO as it is,
 * redeployed with it" for a kill switch's redeploy only). */
void plan_confirm_words(const struct plan *p, const char *verb, char *head, size_t hcap,
    char *change, size_t ccap);

#endif
