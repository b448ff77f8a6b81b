/*
 * action_impl.h — what action.c shares with the files that add an action
 * kind (action_killswitch.c, action_k8s_killswitch.c, action_command.c): the action itself and the
 * runner's pieces. Not for use outside src/io/action*.c.
 */
#ifndef WARROOM_ACTION_IMPL_H
#define WARROOM_ACTION_IMPL_H

#include "warroom/action.h"
#include "warroom/contain.h"
#include "warroom/rbtarget.h"
#include "warroom/exec.h"
#include "warroom/http.h"
#include "warroom/probe.h"

#define MARK "---warroom-releases---"
#define MARK_RS "---warroom-replicasets---"   /* k8s: the revisions' images follow */

struct sftp_job;

#define ACT_CHOICES_MAX 8

/* A target planning found: a tag (compose, helm's app version) and a
 * revision (k8s, helm), and how the dialog lists it. */
struct act_choice {
	char tag[128];
	int rev;
	char label[400];
	char export_mode[64];            /* k8s: EXPORT_MODE in its pod template
	                                    (plan_export_word's), "" unread */
	bool rolled_back;                /* compose: releases.log says a rollback
	                                    moved away from it */
	char rolled_at[8];               /* when ("HH:MM"), or "" */
	bool same;                       /* helm: the running chart and app version */
	bool marked;                     /* compose: plan_candidate's marked */
	bool left;                       /* compose: plan_candidate's left */
	bool hist_left;                  /* k8s/helm: the history says it was rolled
	                                    back from (rbtarget_*_left) */
	bool stalled;                    /* this incident's rollback here went to it
	                                    and did not end OK */
	bool unchanged;                  /* … ended FAILED and changed nothing
	                                    (rbtarget_unchanged_words): said, not
	                                    marked */
	char mark[176];                  /* why any of them, for its label and
	                                    warning or note */
};

typedef void (*act_step_fn)(struct action *a, const struct exec_result *r);

struct act_current {
	char tag[128];                   /* image tag, or the chart's app version */
	char state[64];                  /* running / rollout state / release status */
	int revision;                    /* k8s/helm; 0 for compose */
	int newest_rev;                  /* k8s: revision; helm: the history's last,
	                                    whatever its status; 0 for compose */
	bool settled;                    /* running / rollout complete / deployed */
	bool rolling;                    /* k8s: rollout progressing (neither
	                                    complete nor past its deadline) */
};

struct action {
	struct action_env env;
	enum action_state state;
	int host, svc;
	const struct config_host *cfg;
	struct plan plan;
	const char *verb;                /* "rollback", "kill switch", … in messages */
	char op[48];
	int step;                        /* index into plan.steps while RUNNING */
	char step_name[64];
	char reason[1024];
	size_t unstored_at, unstored_len;    /* reason's " (its end is not stored
	                                        yet …)": where, and how long (0: none) */
	int64_t started_ms;
	char *buf;                       /* the running command's stdout */
	size_t len, cap;
	char last_line[256];             /* for messages: the last output line, sanitized */
	char prev_line[256];             /* … and the one before it */
	struct exec_cmd *cmd;
	struct sftp_job *sftp;
	uint64_t timer;
	int64_t gate_deadline;
	int64_t gate_seen_ms;            /* the health gate last looked at the host */
	int64_t gate_down_ms;            /* … and found it not UP for this long */
	char gate_down_why[256];         /* … first why ("" while it never was) */
	bool intent_stored;
	bool confirmed;                  /* the engineer typed the confirmation */
	bool cancel_told;                /* CANCELLED, and journalled (or by Esc) */
	bool cancel_by_hand;             /* … by the engineer (Esc) */
	bool at_target;                  /* planning found it already on want */
	bool reconciled;
	int64_t reread_since;            /* first re-read after UNKNOWN (loop clock) */
	bool reread_gave_up;             /* … and the grace ran out: U settles it */
	bool settled_late;               /* … then a later read settled it: its
	                                    words replace the re-read's */
	bool reread_rolling;             /* the last re-read found the change made
	                                    and its k8s rollout progressing: the
	                                    console is waiting for it to settle */
	bool rollout_watched;            /* a re-read found a helm rollback applied,
	                                    failed by its wait: the poller's read of
	                                    its pods settles it (latedone) */
	char reread_how[160];            /* adopted from a console gone beside this
	                                    one: "re-read after taking over from
	                                    alice's console (gone)"; "re-read": a
	                                    kill switch whose /export check got no
	                                    whole answer (nothing reconnected); "":
	                                    restart or reconnect */
	int64_t export_read_ms;          /* wall clock: the re-read's /export answer
	                                    that settled a kill switch, 0: none */
	bool adopted;                    /* taken over from an earlier session's
	                                    journal (action_adopt_unknown): its
	                                    re-read is after a restart */
	size_t reread_at;                /* where in reason what a re-read found
	                                    begins; 0: nothing yet */
	bool rename_dropped;             /* the connection dropped while mv renamed .env */
	bool env_tried;                  /* rollback: its .env step was started
	                                    (after verify, or after a re-read) */
	bool env_stale;                  /* rollback: .env was last known to name
	                                    another tag than the target (env.check) */
	bool env_on_reread;              /* … by the re-read after UNKNOWN: its end
	                                    is that re-read's action.reconcile */
	int64_t env_wait_since;          /* the re-read first found .env not yet renamed */
	struct probe_result gate_said;   /* the gate's 200 answer, once it came */
	enum plan_schema planned_schema; /* a downgrade: what /readyz said of the
	                                    schema when its dialog opened */
	char migrations[512];            /* the OK path's words after "answers 200"
	                                    for migrations not current
	                                    (probe_schema_outcome), or "" */
	bool record_ran;                 /* rollback: the releases.log line was tried
	                                    (by an earlier session, if adopted) */
	char record_err[256];            /* … and why it was not written, or "" */
	bool record_elsewhere;           /* adopted: its plan had that line, for the
	                                    console that confirmed it to write */
	bool record_checked;             /* … and the re-read read releases.log back */
	bool record_by_op;               /* … and that line names op (older plans'
	                                    lines have only their stamp) */
	int64_t intent_ms;               /* adopted: its intent's time (a line
	                                    stamped before it is another's) */
	struct act_current reread_cur;   /* what the re-read after UNKNOWN found */
	struct {
		int revision;            /* k8s: rollout status gave up with the
		                            change applied at this revision (0: not
		                            so); its end's "rollout" says it, for
		                            latedone to see it complete later */
		int ready, desired;
		char tag[128];
	} unfinished;
	/* Hooks of an action kind; NULL: the rollback's. */
	void (*precheck)(struct action *a);      /* after the tag re-read, before the intent */
	void (*run_special)(struct action *a);   /* a step that is not a command */
	act_step_fn verified;                    /* the read-back's answer */
	void (*gate_ok)(struct action *a);       /* /readyz answered 200 */
	act_step_fn step_failed;                 /* a step exited non-zero; NULL: FAILED
	                                            with its last line */
	void (*reconcile)(struct action *a);     /* re-read after UNKNOWN */
	void (*finished)(struct action *a);      /* the outcome is stored */
	void (*exited_ok)(struct action *a);     /* the last step exited 0 and there is
	                                            nothing to verify; NULL: OK */
	/* The .env's texts, old and new (never journalled: a .env holds
	 * secrets): the kill switch's, the rollback's last step's. */
	char *env_old, *env_new;
	size_t env_old_len, env_new_len;
	void (*env_written)(struct action *a, const char *why); /* act_env_write's end */
	bool env_read;                   /* rollback: .env was read while planning */
	unsigned long env_mode;          /* … its permission bits */
	char env_shared[160];            /* … the services that run the tag it leaves */
	char env_error[256];             /* … or why it could not be */
	char done_msg[768];              /* rollback: the verified outcome, before its
	                                    last step (.env) adds to it; or what the
	                                    re-read after UNKNOWN found so far */
	char want[128];                  /* kill switch: the value to set; rollback:
	                                    the tag named, or "" */
	char ks_want[8];                 /* kill switch: "off" or "on" as a step
	                                    names it, "" for X (the host decides) */
	char ks_restore[128];            /* … what on sets, when ks_has_restore */
	bool ks_has_restore;
	char export_now[64];             /* k8s rollback: EXPORT_MODE running, */
	char export_container[WR_NAME_MAX]; /* … read from this container */
	char export_note[256];           /* … what it changed, said in the outcome */
	char want_typed[128];            /* compose rollback: want as typed or named,
	                                    when tagspell respelt it; else "" */
	char spell_words[320];           /* … what the dialog says of its spelling */
	bool spell_loud;                 /* … a warning: no release or several match */
	char want_from[64];              /* rollback: the host B went to want on, or "" */
	int want_rev;                    /* rollback: the revision a runbook step named, or 0 */
	char ks_tag[128];                /* kill switch: the tag read while planning */
	enum contain_export ks_seen;     /* … what GET /export answered then */
	void (*ks_planned)(struct action *a);  /* … what planning does once it has */
	char ks_found[128];              /* kill switch: the value .env (or the
	                                    deployment's env) held on re-read */
	bool no_health_gate;
	/* A rollback's targets to pick from in the dialog. */
	struct act_current planned_cur;  /* what ran when the plan was made */
	char seen[4][128];               /* env.seen_tags, copied */
	size_t nseen;
	struct plan_bad bad[8];          /* env.bad_tags, copied */
	char env_before[128];            /* env.env_tag, copied ("" none) */
	char ran_before[WR_SERVICES_MAX][128];  /* env.ran_tags, copied */
	char runbook_step[WR_PATH_MAX + 16];  /* x's step id, or "" */
	bool runbook_section;                 /* … that id is a section's (its own blocks) */
	char runbook_code[16];                /* what it runs (runbook_work_code), or "" */
	char chain[64];                 /* B's chain id, or "" */
	size_t nbad;
	struct act_choice choices[ACT_CHOICES_MAX];
	int nchoices, choice;            /* choice -1: none preselected (every one
	                                    marked), the plan plan_unpick's */
	char unpicked[384];              /* … and why, said in the dialog */
	struct rbtarget rb;              /* env.rb_target, copied ("" to: none) */
	bool at_rb_target;               /* the host runs it: nothing preselected */
	bool needs_target;               /* compose without a releases.log target */             /* runbook commands: the exit status is the outcome */
};


/* Tell the owner the action moved. An action first found CANCELLED for
 * any reason but the engineer's Esc is journalled as action.refused
 * (with its reason, and whether it was confirmed) unless its own record
 * (action.refused, action.stale) was stored already. */
void act_changed(struct action *a);

/* Run cmd on the action's host; its stdout collects in a->buf, every line
 * is shown in LOGS, and next gets the end. -1 with a->reason when it could
 * not start. */
int act_run_cmd(struct action *a, const char *cmd, bool mutating, int timeout_ms,
    act_step_fn next);

/* act_run_cmd for a read the action makes for itself (the plan's, the
 * precheck's, the verification's): not mutating, and only its stderr is
 * shown in LOGS, not the JSON it parses. */
int act_read_cmd(struct action *a, const char *cmd, int timeout_ms, act_step_fn next);

/* A new action's planning read (cmd, then next): a, or NULL with err
 * when it could not start, a freed. */
struct action *act_plan_read(struct action *a, const char *cmd, act_step_fn next,
    struct wr_err *err);

/* End the action with an outcome (action.end journalled when the intent was). */
void act_finish(struct action *a, enum action_state s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Parse the driver's read-back in buf. */
int act_read_current(struct action *a, const char *buf, size_t len, struct act_current *cur,
    struct wr_err *err);

/* The verification's read-back parsed into cur: 0, or -1 with the action
 * ended (UNKNOWN when the connection dropped, FAILED when unreadable). */
int act_read_back(struct action *a, const struct exec_result *r, struct act_current *cur);

/* Store action.intent, then run the plan's steps (write-ahead). */
void act_begin(struct action *a);

/* The current step is done: run the next, or verify. */
void act_next_step(struct action *a);

/* Wait for /readyz to answer 200 (up to the plan's timeout), then gate_ok. */
void act_gate_start(struct action *a);

/* GET url from the host's service (through its tunnel when it has one). */
int act_http_get(struct action *a, const char *url, http_done_fn done, struct wr_err *err);

/* An adopted kill switch intent: its files and its re-read. */
void act_killswitch_adopt(struct action *a, const cJSON *plan);

/* What GET /export says: 1 disabled (404, or a 2xx that says
 * "disabled"), 0 on (another 2xx read whole), -1 it does not say: no
 * answer, or a body cut short (contain_export_checked). */
int act_export_disabled(const struct http_response *r);

/* The same as a state, with why[cap] saying what was not verified when
 * it is UNKNOWN ("export not verified: /export's answer did not arrive
 * in 5 s"). */
enum contain_export act_export_checked(const struct http_response *r, char *why, size_t cap);

/* A re-read's /export answer settles a: " (/export read off at 17:20:05)"
 * (UTC) appended to found[cap], the time kept in a->export_read_ms. */
void act_export_read_at(struct action *a, bool off, char *found, size_t cap);

/* The kill switch on a k8s host (action_killswitch_start's, want and
 * restore alike; a restore "" removes the variable). */
struct action *act_k8s_killswitch_start(const struct action_env *env, int host, int svc,
    const char *want, const char *restore, struct wr_err *err);

/* A kill switch's want and restore kept in a (see action_killswitch_start). */
void act_ks_wants(struct action *a, const char *want, const char *restore);

/* The value a kill switch planned on a sets, now /export was asked
 * (a->ks_seen), kept in a->want. */
const char *act_ks_value(struct action *a);

/* Planning a kill switch, once the host's value is read: ask GET /export
 * (a->ks_seen: what it answers, UNKNOWN with no health_url or no clear
 * answer), then next(a) unless the action was cancelled meanwhile. */
void act_ks_ask_export(struct action *a, void (*next)(struct action *a));

/* Planning found no plan to offer (why): CANCELLED, nothing sent, and
 * the refusal journalled as action.refused, as the dialog never opens. */
void act_refuse(struct action *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* An adopted k8s kill switch intent: its container, value and re-read. */
void act_k8s_killswitch_adopt(struct action *a, const cJSON *plan);

/* Write the plan's copy of the old .env (env_old to env_backup), then the
 * new text beside it (env_new to plan.env_new), over SFTP; then done(a,
 * NULL), or done(a, why) when either failed (.env itself is untouched). */
void act_env_write(struct action *a, void (*done)(struct action *a, const char *why));

/* Remove the plan's new .env from beside .env (it was never swapped in),
 * journalled as action.cleanup; nothing when SFTP is busy or the host down. */
void act_env_drop_new(struct action *a);

/* A Compose rollback verified and healthy (msg says so): run its last step
 * (IMAGE_TAG kept in .env) when the plan has one, else end it OK. */
void act_rollback_done(struct action *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Whose /readyz the health gate asks ("/readyz", "api's /readyz"): the
 * host has one health_url, which may be another service's. */
const char *act_gate_name(const struct action *a, char *buf, size_t cap);

/* A rollback's re-read after UNKNOWN found the target running (found says
 * so, reread_cur what): ask /readyz, write or account for the releases.log
 * line, then read .env (Compose) and record action.reconcile, ok. */
void act_reread_took(struct action *a, const char *found);

/* The Compose rollback's re-read, last: read .env (the plan's, else
 * compose_dir's), say whether it still names another tag than the target,
 * and record action.reconcile with a->done_msg and that. */
void act_keep_tag_reconcile(struct action *a);

/* The re-read found the target healthy and releases.log noted: run the
 * .env step this console's plan still owes (never sent before the drop),
 * as the OK path would, ending in action.reconcile. False when there is
 * none to run (then act_keep_tag_reconcile says what .env holds). */
bool act_keep_tag_after_reread(struct action *a);

/* A Compose rollback adopted from the journal: its .env step's files. */
void act_keep_tag_adopt(struct action *a, const cJSON *plan);

/* Journal an action.output for a step that ran no command (an SFTP
 * step): its name, the error or "", and one line saying what it did. */
void act_record_step(struct action *a, const char *step, const char *error,
    const char *line);

/* How a re-read's finding opens: "re-read after restart" for an action
 * adopted from an earlier session, else "re-read after reconnect". */
const char *act_reread_words(const struct action *a);

/* A re-read after UNKNOWN found it took effect: found goes in the reason
 * and, with fields (taken over), in an action.reconcile record, ok. */
void act_reconcile_ok(struct action *a, const char *found, const char *summary,
    cJSON *fields);

/* Try reconciling again later (after UNKNOWN). */
void act_reconcile_later(struct action *a);

/* A re-read after UNKNOWN that does not show the outcome yet (found says
 * what it shows): the dropped command may still be running on the host,
 * so read again until health_timeout has passed since the first re-read;
 * then stop, with found in the reason and in an action.reconcile whose
 * outcome is unknown, and leave the outcome to the engineer (U). */
void act_reread_again(struct action *a, const char *found);

/* Stop re-reading now: found, tail and then in the reason; found and tail
 * in an action.reconcile whose outcome is unknown (with "rollout" when a
 * k8s kill switch's or helm rollback's revision was found applied). */
void act_reread_give_up(struct action *a, const char *found, const char *tail,
    const char *then);

/* A new action of this kind on host/svc, PLANNING; the op id made. */
struct action *act_new(const struct action_env *env, int host, int svc, const char *verb,
    const char *prefix);

#endif
