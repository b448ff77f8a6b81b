/*
 * app.h — the application context: the one place mutable state lives.
 * Views draw from it, commands change it, the loop drives it.
 */
#ifndef WARROOM_APP_H
#define WARROOM_APP_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "warroom/armlock.h"
#include "warroom/chat_badge.h"
#include "warroom/config.h"
#include "warroom/connrec.h"
#include "warroom/pollrec.h"
#include "warroom/contain.h"
#include "warroom/deployby.h"
#include "warroom/deploytime.h"
#include "warroom/fleetchain.h"
#include "warroom/healthrec.h"
#include "warroom/columns.h"
#include "warroom/hosts_table.h"
#include "warroom/keygate.h"
#include "warroom/keyseq.h"
#include "warroom/latedone.h"
#include "warroom/lineedit.h"
#include "warroom/logfilter.h"
#include "warroom/logmerge.h"
#include "warroom/logset.h"
#include "warroom/logview.h"
#include "warroom/obsrec.h"
#include "warroom/outq.h"
#include "warroom/probe.h"
#include "warroom/rbfile.h"
#include "warroom/rbplace.h"
#include "warroom/redact.h"
#include "warroom/runbook.h"
#include "warroom/runbook_fill.h"
#include "warroom/safety.h"
#include "warroom/statuspage_badge.h"
#include "warroom/stepmark.h"
#include "warroom/stepran.h"
#include "warroom/layout.h"
#include "warroom/theme.h"
#include "warroom/tlrows.h"

/* Services LOGS can tail at once (merged by time). */
#define WR_LOGS_STREAMS 8


struct loop;
struct screen;
struct ssh_pool;
struct http_client;
struct tunnel_set;
struct poller;
struct action;
struct statuspage;
struct logs_stream;
struct chat;
struct decide_verdict;
struct timeline;
struct record;
struct envmark;
struct host_metrics;

/* What x started from one step or section: every action (its row names
 * their hosts), and its last post, announcement and smoke check. */
struct app_ran {
	struct action **v;               /* in the order they began */
	size_t n;
	enum stepmark_sent post, announce, smoke;
	char post_queue[48];             /* the post's queue id, to match its end */
	char announce_id[32];            /* … the announcement's */
	int smoke_host;
};

/* A runbook opened with -r and its checklist state in this console. */
struct app_runbook {
	char *path;
	char *key;                       /* the step ids' prefix: its file name, or
	                                    the trailing path that tells it from
	                                    another loaded runbook's (rbkey.h) */
	struct rbfile_watch watch;       /* its file as read and as last looked
	                                    at; changed: no longer what was read
	                                    (rbfile.h) */
	struct runbook rb;
	bool *checked;                   /* per step: as the file says, then as ticked */
	int64_t *ticked_at;              /* per step: ms of the last tick, 0 if none */
	bool *collapsed;                 /* per section */
	struct action **step_action;     /* per step: the last action it started, or NULL */
	struct action **section_action;  /* per section: the last its own blocks started */
	struct app_ran *ran;             /* per step, then per section (nsteps + s):
	                                    everything x started there */
	bool has_tminus;                 /* some step is a T-minus item */
	int64_t tzero_s;                 /* the run-of-show's T-0, 0 until set */
	size_t config_refusals;          /* what `warroom runbook -c` finds against
	                                    this config beyond the file's own errors */
	int config_refusal_line;         /* the first of them: its line and words */
	char config_refusal[300];
	size_t config_errors;            /* of those, the errors and the warnings, */
	size_t config_warnings;          /* counted in the pane's title beside the
	                                    file's own */
};

/* One line of the TIMELINE pane, kept from a stored record. */
struct timeline_entry {
	int64_t ts_ms;
	char kind[32];
	char outcome[16];                /* action.end: ok, failed, unknown;
	                                    smoke: ok, warn, failed */
	char host[64];                   /* the record's host, or "" */
	char op[48];                     /* the record's op, or "" */
	char actor[128];                 /* who wrote it: "bob (root@vm)", or "" */
	bool by_hand;                    /* action.reconcile: settled by the engineer */
	bool joined;                     /* incident.resume made beside another
	                                    console still open (its others_open) */
	bool rollback;                   /* action.intent: a release rollback (its
	                                    plan's action), not a kill switch or a
	                                    runbook command */
	bool killswitch;                 /* action.intent: a kill switch (its plan's action) */
	char service[WR_NAME_MAX];       /* action.intent: its plan's service, or "" */
	int64_t done_ms;                 /* action.reconcile by "rollout": when the
	                                    rollout of a FAILED rollback completed
	                                    (latedone.h); else 0 */
	bool orphaned;                   /* action.intent: its console went away before
	                                    its end (named by a later incident.resume) */
	uint64_t session;                /* the console that wrote it (record.h), 0 none */
	char what[96];                   /* action.intent: "kill switch of api" */
	const char *how;                 /* action.intent: what its kind runs,
	                                    "kubectl rollout undo" (unsettled_how) */
	bool adopt_tried;                /* action.intent of a console gone: this one
	                                    took it over to re-read (or tried) */
	char *text;                      /* redacted one-line details */
};

struct app {
	struct config cfg;
	struct theme theme;
	struct safety_state safety;
	struct loop *loop;               /* NULL in screen-test mode */
	struct screen *screen;
	struct ssh_pool *pool;           /* one session per config host, same order;
	                                    NULL in screen-test mode */
	struct http_client *http;
	struct tunnel_set *tunnels;
	struct poller *poller;           /* tags, states and health per row */
	char **tokens;                   /* per host: its metrics token, or NULL */

	struct logset logs;              /* the LOGS pane's lines, sanitized: a ring
	                                    per tailed service and LOGS' own */
	struct logfilter filter;
	bool filtering;                  /* a pattern is set */
	char filter_text[LINEEDIT_MAX];  /* the whole pattern (a restart sets it again) */
	char filter_refused[LINEEDIT_MAX]; /* the last pattern pcre2 refused, for / to
	                                    bring back to fix ("" none) */
	size_t filter_refused_at;        /* … the byte offset pcre2 named */
	struct logs_stream *streams[WR_LOGS_STREAMS]; /* the tailed services */
	int nstreams;
	struct logmerge merge;           /* two or more: lines merged by time */
	struct logmerge_fill merge_fill; /* what reconnects brought of the time away */
	uint64_t merge_timer;
	int64_t streams_since_ms;        /* when the tails (re)started */
	int64_t logs_newest_ms;          /* the newest time a merged line stored carried */
	bool logs_unmerged;              /* a tail added by + stored lines older than that */
	int64_t logs_merged_ms;          /* ... put among the others by time at this loop time */
	char follow_label[160];          /* "api-1/api", "api-1/api, api-2/api, by time" */
	char logs_ring_name[WR_LOGSET_RINGS][128]; /* "api-1/api"; "": LOGS' own */
	struct logview logs_view;        /* following, or paused where it stays */
	uint64_t logs_cursor;            /* with a filter: the current match */
	bool logs_wrap, logs_hide_times;
	int logs_hcol;                   /* unwrapped: text columns scrolled past (> <);
	                                    with a filter, past each line's own shift
	                                    to its match, so < 0 goes back from it */
	/* What LOGS' last frame drew, for the keys that act on what was seen. */
	int logs_end_hcol;               /* the logs_hcol showing the longest line's end */
	int logs_shift_max;              /* the widest shift to a match */
	size_t logs_cut_seen;            /* lines ending in ingest's "…[+N bytes]" */
	struct logview_line logs_drawn[512];
	size_t logs_ndrawn;
	bool work_pending;               /* a view has more to do: wake again soon */
	int64_t last_key_ms;             /* loop clock of the last key; 0: none yet */
	uint64_t logs_end_at_tick;       /* logset_end at the last clock tick */
	uint64_t logs_per_s;             /* LOGS lines in the last second */
	bool tick_due;                   /* the clock ticked: calm frames follow it */

	int64_t armed_until_ms;          /* loop clock; 0: not armed */
	struct armlock arm_lock;         /* held while armed or our action runs */
	struct action **actions;         /* every action of this session */
	uint64_t *actions_said;          /* per action: hash of the outcome last
	                                    said of it, 0: none yet */
	size_t nactions;
	struct action *confirming;       /* the one whose dialog is open */
	struct lineedit confirm_text;    /* what was typed in the dialog */
	int dialog_scroll;               /* first body row the dialog shows */
	int dialog_total, dialog_rows;   /* its body's rows and the room for them,
	                                    as last drawn: PgUp/PgDn's page */
	struct statuspage *statuspage;   /* [statuspage] with a journal, or NULL */
	struct chat *chat;               /* [chat] with a journal, or NULL */
	char chat_off[300];              /* no client: why the chat is not told ("not
	                                    configured", "unavailable: …"), or "" */
	char statuspage_off[300];        /* … and why the status page is not */
	int target_host, target_svc;     /* a runbook step's target for r, or -1 */
	struct action **target_slot;     /* where to note the action it starts */
	char target_tag[128];            /* a runbook step's IMAGE_TAG for r, or "" */
	int target_rev;                  /* a runbook step's k8s/helm revision, or 0 */
	int target_timeout_s;            /* … its own wait (helm or rollout status
	                                    --timeout), or 0 */
	char target_ks[4];               /* a runbook step's kill switch: "off", "on",
	                                    or "" for X's own toggle */
	struct app_queued {              /* a runbook step's further services, */
		int host, svc;           /* rolled back one after another, each */
		char tag[128];           /* with its own dialog */
		struct action **slot;
		bool follow;             /* B's: goes where the first one went */
	} queue[WR_SERVICES_MAX];
	int nqueue;
	char queue_filter[64];           /* the HOSTS filter B's hosts passed, or "" */
	char queue_origin[64];           /* B: the host whose target the rest go to */
	char target_from[64];            /* … named for the rollback it starts, or "" */
	struct action *queue_after;      /* the rollback the queue waits on */
	bool target_queued;              /* the target's rollback heads the queue */
	struct fleetchain fleet;         /* B's chain: its hosts and their turns */
	struct action *fleet_action;     /* … the current host's rollback, or NULL */
	bool fleet_tell;                 /* … over, its summary not said yet */
	char fleet_last[700];            /* … what stopped it, said after the summary */
	const struct action *fleet_by;   /* … the rollback whose end ended it, or NULL */
	char fleet_said[512];            /* … its summary and what stopped it, as said */
	char fleet_lead[512];            /* what leads the footer until a key, else "":
	                                    that summary, or the chains a resume
	                                    found interrupted */
	struct app_xrun {                /* x's place in a step's or section's work */
		int rb;                  /* runbook */
		size_t section, step;
		size_t next;             /* the item the next x runs */
		struct action **slot;    /* where the last item's action lands … */
		struct action *before;   /* … and what was there before it */
		bool asking;             /* the last item's prompt is open: Esc there
		                            (or a refusal after it) stops the rest */
	} xrun;
	struct action **rerun_slot;      /* the step's or section's slot x (or Enter)
	                                    last started from … */
	char rerun_note[300];            /* … and what the journal said ran there
	                                    before ("this step ran at 03:12:44 in an
	                                    earlier session: OK on h1"; without
	                                    one, this console's own OK run), or "":
	                                    its action's dialog says it */
	char matrix_from[128];           /* runbook whose matrix is in force, or "" */

	const char *incident;            /* --incident NAME, or NULL */
	struct timeline *tl;             /* the incident's journal, or NULL */
	int64_t journal_retry_ms;        /* degraded: next recovery attempt; watching
	                                    with no journal yet: next look for one */
	char journal_news[512];          /* what the journal did by itself (a torn
	                                    tail set aside), said at the next tick */
	char watch_wait[256];            /* watching with no journal: why (none yet,
	                                    or only resolved ones, named) */
	struct timespec watch_dir_mtime; /* watching a resolved incident: the journal
	                                    directory when last looked for a new one */
	int64_t watch_full_ms;           /* … and when to look again regardless */
	struct app_latedone {            /* per HOSTS row: its service's latest
	                                    rollback that ended FAILED, as
	                                    latedone_watch last looked at it */
		char op[48];             /* that rollback ("" none looked at) */
		int64_t word_ms;         /* … its last outcome record's time then */
		bool pending;            /* … its rollout may still complete */
		struct latedone_pending p;
	} *latedone;
	struct app_latedone *latekill;   /* per HOSTS row: the host's last kill
	                                    switch, of its service, left UNKNOWN
	                                    after its re-read gave up, as
	                                    latedone_watch last looked at it */
	struct app_ksopen {              /* per host: its last kill switch, as
	                                    ksopen_watch last looked at it */
		char op[48];             /* that kill switch ("" none looked at) */
		int64_t end_ms;          /* … its last outcome record's time, and */
		int64_t rb_ms;           /* the host's last rollback's, when looked */
		bool open;               /* … ended FAILED or UNKNOWN, its rollout
		                            not read complete since, nor a rollback's
		                            since it (latedone_ks_pending) */
		struct latedone_pending p;
	} *ksopen;
	struct app_seen {                /* per HOSTS row: what health.change last said */
		bool have;
		char tag[128];           /* "" when none could say it (tag_reread false) */
		int64_t tag_ms;          /* the last record saying tag: when */
		int healthz, readyz;     /* enum probe_health */
		enum probe_schema schema_warn; /* readyz ready, migrations not current
		                            (healthrec_schema) */
		int64_t at_ms;           /* that record's time, wall-clock */
		struct deploytime deploy; /* the earliest deployed_ms said of tag (and
		                            recreated_ms): a console taking over or
		                            resuming keeps it (deploytime_adopt) */
		bool export_have;        /* an exports.change of this row (its service) */
		int export_said;         /* … said: enum contain_export */
		int64_t export_ms;       /* … written then */
	} *seen;
	/* What this console itself last observed and settled, against what the
	 * journal says (obsrec.h): per HOSTS row its health and its exports,
	 * per host its verdict. */
	struct obsrec_mine *obs_health, *obs_exports, *obs_verdicts;
	struct healthrec_queue *health_held; /* per HOSTS row: health changes
	                                    waiting for a tag read after them
	                                    (healthrec.h) */
	bool obs_writer_was;             /* this console recorded observations at
	                                    the last tick (obswriter.h) */
	bool obs_watched;                /* … another did when last asked, or this
	                                    one was stopped: recording next is a
	                                    takeover (verdicts adopted) */
	struct deployby deployby;        /* the journal's actions: whose deploy a
	                                    tag change was */
	struct envmark *envmarks;        /* per HOSTS row: what the last env.check said
	                                    of its .env (envmarks.c) */
	char (*verdicts)[24];            /* per host: the verdict the timeline last recorded */
	int64_t *verdicts_ms;            /* … and when */
	char (*verdicts_unstored)[24];   /* per host: the verdict last said "not recorded
	                                    now" (said once, not at every scrape) */
	bool *verdicts_adopted;          /* per host: its first verdict here took the
	                                    journal's level as its hysteresis state
	                                    (a resumed incident: decide_adopt) */
	struct app_hostkey {             /* per host: the refused key hostkey.changed
	                                    (or .revoked) last recorded */
		char fp[64];             /* its fingerprint ("" none) */
		char old[64];            /* … the one known_hosts held then ("" not read) */
		int64_t at_ms;           /* … when it was recorded */
	} *hostkeys;
	struct app_conn {                /* per host: its reachability (connrec.h) */
		enum connrec_state said; /* what the last conn.change said */
		int64_t said_since_ms;   /* … DOWN: since when it said so */
		bool said_first;         /* … DOWN: `first`, never reached before */
		bool said_untrusted;     /* … DOWN: `untrusted`, its key not trusted */
		bool reached;            /* the journal knows it was reached (a
		                            conn.change, a tag read over SSH) */
		struct connrec_live live; /* what this console's session saw */
		bool poll_lost;          /* the last poll.change said its data stopped */
		int64_t poll_since_ms;   /* … lost: the first failed read it names */
		int64_t poll_up_ms;      /* wall clock: its session UP since; 0 not UP */
		struct pollrec_live poll; /* what this console's reads saw (pollrec.h) */
	} *conns;
	struct redactor red;             /* every secret loaded, for redaction */
	struct timeline_entry *entries;  /* what the TIMELINE pane shows */
	size_t nentries, capentries;
	struct record *folds;            /* each entry's record as its folding reads
	                                    it (tlrows_keep), same index (owned) */
	struct tlrows tl_rows;           /* TIMELINE's rows, as of tl_rows_at entries */
	size_t tl_rows_at;
	bool tl_rows_all;                /* … built with tl_all */
	bool tl_all;                     /* TIMELINE shows every record, none folded (a) */
	bool many_actors;                /* the entries have more than one actor:
	                                    TIMELINE says who wrote each */
	struct stepran steps_ran;        /* what the journal says x ran from each
	                                    runbook step: a reopened incident's marks */
	struct rbplace place;            /* where the journal's marks go on the
	                                    runbooks loaded now, and those that
	                                    could not be placed */
	size_t place_said;               /* how many of place.lost the footer said */
	int rbwatch_ticks;               /* seconds since the runbook files were
	                                    last compared with what was read */
	struct statuspage_journal sp_journal; /* the journal's status-page posts, for a
	                                    console without a client (read-only) */
	struct chat_journal chat_journal; /* the journal's chat announcements: the
	                                    CHAT badge, for every console */
	uint64_t gone_unrecorded;        /* a session.gone that failed: said once */
	struct sessions arm_sessions;    /* the journal's open consoles and their
	                                    arming: a watcher names the armed one */
	struct contain contain;          /* the journal's kill switches and exports:
	                                    EXPORTS ON, HOSTS' EXP mark, E's warning */
	size_t outcomes_at;              /* app_open_outcomes as of this nentries: */
	size_t unknown_seen, none_yet_seen;
	int64_t incident_start_ms;       /* the incident.open record's time */
	int tl_scroll;                   /* rows scrolled up from the newest */
	bool tl_detail;                  /* the TIMELINE entry overlay is open (Enter) */
	struct app_runbook *runbooks;    /* -r FILE…, parsed */
	int nrunbooks;
	int rb_cur;                      /* the runbook RUNBOOK shows */
	int rb_sel;                      /* selected row among its visible rows */
	bool rb_detail;                  /* the step detail overlay is open */
	char rb_detail_note[200];        /* why Enter opened it rather than the
	                                    step's dialog ("" when it did not) */

	bool config_missing;             /* no file at cfg.file: an empty console */
	const char *example_conf;        /* then the example to start from, or NULL
	                                    (config_example_path) */
	time_t started;                  /* wall clock when the console opened */
	bool fake_clock;                 /* screen tests: time moves only by script */
	time_t fake_now;
	struct {                         /* screen tests' :header: what the badges */
		bool on;                 /* say instead of the live state */
		long armed_s;            /* 0: not armed */
		size_t unknown;          /* outcomes not known */
		int armed_by;            /* another console armed: 1, and gone: 2 */
		size_t none_yet;         /* others' actions with no outcome yet */
		size_t gone_open;        /* of no outcome, their console gone */
		size_t exports_on;       /* hosts still exporting (named from a fixed list) */
		size_t restored;         /* hosts whose exports were turned back on */
		struct statuspage_badge_in sp;
	} fake_header;
	struct host_metrics *fake_metrics; /* screen tests' :metrics, per host, or NULL */
	struct svc_state *fake_states;   /* screen tests' :state, nhosts x WR_SERVICES_MAX,
	                                    or NULL */
	bool *fake_up;                   /* screen tests' :state conn=up, per host, or NULL */
	bool *fake_down;                 /* … conn=down (DOWN, not just not connected) */
	time_t *fake_down_since;         /* … since when (the script's clock), kept
	                                    while conn=down is said again */

	enum pane_id focus;
	int host_sel;                    /* selected row in HOSTS, config order */
	char host_filter[64];            /* HOSTS shows only rows matching it ("" all) */
	enum hosts_sort host_sort;
	struct columns_hold hosts_cols;  /* HOSTS' columns, kept while they fit */
	int running_actions;             /* as q's question reads now: actions not yet
	                                    ended, chat messages and status-page posts
	                                    pending */

	bool help_visible;
	bool zoomed;                     /* the focused pane fills the body (z) */
	int help_scroll;                 /* first line shown when help is long */
	bool prompt_active;              /* the footer prompt is open */
	enum { PROMPT_NOTE, PROMPT_TRUST, PROMPT_FILTER, PROMPT_ARM, PROMPT_STATUS, PROMPT_TZERO,
		PROMPT_FILL, PROMPT_TAG, PROMPT_ANNOUNCE, PROMPT_HOST_FILTER, PROMPT_JUMP,
		PROMPT_SETTLE, PROMPT_RESOLVE, PROMPT_POST_TEXT } prompt_kind;
	int post_status;                 /* PROMPT_POST_TEXT: the status being posted */
	bool resolved;                   /* E marked the incident resolved */
	size_t settle_idx;               /* PROMPT_SETTLE: the action in actions[] */
	char settle_error[160];          /* PROMPT_SETTLE: why the last answer was refused */
	int tag_host, tag_svc;           /* PROMPT_TAG: the rollback that needs a tag */
	char tag_why[200];               /* … and why none could be offered */
	struct runbook_fill fill;        /* PROMPT_FILL: a step's placeholders */
	int fill_host, fill_rb;          /* … the host chosen and the runbook */
	char fill_error[160];            /* why the last value was refused, or "" */
	const struct runbook_action *fill_action; /* a step's rollback whose placeholders
	                                    are asked (then filled into it), or NULL */
	struct action **fill_slot;       /* … where its action is noted */
	int fill_wait_s;                 /* … its rollout status's own wait, or 0 */
	char fill_hint[160];             /* … what its host runs now, for the prompt */
	struct tagread *tagread;         /* … a tag's: releases.log read for it
	                                    (tagread.c), or NULL */
	char post_message[512];          /* a runbook's statuspage message= for the next
	                                    post instead of the template, or its
	                                    announce message, or "" */
	char post_set_aside[600];        /* why the S box's text is warroom's words, not
	                                    the template's or message='s: the rollback
	                                    ended UNKNOWN or FAILED (cause_words_why),
	                                    or why it has no text (cause_silent_why),
	                                    or "" */
	char post_name[256];             /* a runbook's statuspage name= (the public
	                                    title) for the next post, or one typed
	                                    after Tab in the S box, or "" */
	bool post_title_edit;            /* the footer holds that title, not the text */
	char post_text_keep[LINEEDIT_MAX]; /* … and the text, meanwhile */
	bool post_no_echo;               /* the next post is not echoed to the chat:
	                                    its runbook announces there itself */
	char page_title[256];            /* the title the page's incident was created
	                                    with (the last create queued), or "" */
	char post_impact[16];            /* … and its impact=, over [statuspage] impact */
	char post_step[WR_PATH_MAX + 16]; /* … and the step x posts or announces from
	                                    (its id), or "": the post-mortem's link */
	bool post_section;               /* … post_step is a section's id */
	char post_code[WR_RUNBOOK_CODE_LEN + 1]; /* … and what that step runs
	                                    (runbook_work_code), or "" */
	struct app_ran *post_ran;        /* … and where its row keeps how it went, or NULL */
	int prompt_host;                 /* PROMPT_TRUST: the host asked about */
	char trust_error[160];           /* … why the last name typed was refused, or "" */
	struct lineedit prompt;
	char prompt_note[64];            /* said at the prompt's end while it is open
	                                    ("paste cut at 1006 characters"), or "" */
	struct keygate keygate;          /* a paste in progress (keys.c) */
	unsigned paste_kept;             /* characters this paste put in */
	bool paste_cut;                  /* … and the rest did not fit: said once */
	struct keyseq keyseq;            /* an escape sequence begun (keys.c) */
	bool confirm_quit;               /* "quit while an action runs?" asked */
	char quit_words[800];            /* what runs, and what a quit does to it
	                                    (quitask_words), as the last frame drew it */
	const char *quit_ask;            /* … and its last words (quitask_ask) */
	bool quit_changed;               /* y came after it changed: asked again */
	int quit_signal;                 /* … asked for Ctrl-C or Ctrl-\ (SIGINT,
	                                    SIGQUIT; 0: q): y ends as the signal */
	bool quit;
	int exit_signal;                 /* the signal that ended the console: SIGTERM,
	                                    SIGHUP, or SIGINT/SIGQUIT quitting */
	const char *exit_reason;         /* the journal's shutdown reason, once the
	                                    console ran: quit (q), terminated
	                                    (SIGTERM), hangup (SIGHUP or the
	                                    terminal gone), interrupted (SIGINT,
	                                    SIGQUIT) */
	char exported[WR_PATH_MAX + 128]; /* the post-mortem draft e last wrote
	                                    this run, "" none: said at the end */
	bool dirty;                      /* something changed: redraw this pass */
	bool full_redraw;                /* repaint every cell (C-l, resize) */

	char status[1536];               /* the footer's message */
	char said[1536];                 /* the last message said, whole (the footer
	                                    may show it beside an outcome) */
	time_t status_until;
	bool status_held;                /* too long for the footer's one line: wrapped
	                                    above it, and kept until the next key */
	const void *status_about;        /* what it describes while that holds, or NULL */
	char status_lead[512];           /* what must be read before anything said
	                                    later (a resume's warning): it leads the
	                                    footer until a key, "" once read */
	struct outq outq;                /* outcomes: the one on screen, those after it */
	char status_aside[1024];         /* said beside an unread outcome, "" none */
	bool answering_key;              /* a key is being handled: what is said answers it */
	bool status_keyed;               /* status is a key's answer (app_say while
	                                    answering one): the next key drops it */
	bool aside_leads;                /* status_aside answered a key: it goes first */
	enum { SAID_OUTCOME, SAID_STATUS, SAID_ASIDE } said_at;
	                                 /* where the last said went: an outcome,
	                                    the plain message or beside an outcome */
};

/* Wall-clock now: real time, or the script's clock in screen tests. */
time_t app_now(const struct app *app);

/* Whether this console's restart counts are lower bounds: it has watched
 * less than the restarts window (decide_restarts_partial). */
bool app_restarts_partial(const struct app *app);

/* Show msg in the footer for a few seconds; one too long for a line is
 * wrapped onto the rows above it and stays until a key is pressed. */
void app_say(struct app *app, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* app_say at start-up, where several things may need saying: after a
 * message still held unread (a runbook's errors), both are kept, the held
 * one first, wrapped above the footer until a key. */
void app_say_also(struct app *app, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* app_say_also for what must be read before anything said after it (a
 * console before ended without shutting down): it leads the footer, with
 * later messages after it, until a key is pressed. */
void app_say_lead(struct app *app, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* app_say about one thing (an action planning, or waiting for its
 * confirmation): the message goes with app_unsay(about) once untrue. */
void app_say_about(struct app *app, const void *about, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Drop the footer's message if it is still the one said about about (an
 * unread outcome stays: only what was said beside it goes). */
void app_unsay(struct app *app, const void *about);

/* A key on the main screen is being handled: the last key's answer (a
 * hint, "no later match") goes, so an old answer never stands for the new
 * key's; outcomes, and what was said unasked, stay. */
void app_unsay_key_answer(struct app *app);

/* app_say for an action's outcome (OK, FAILED, UNKNOWN, refused): it stays
 * at least a few seconds, those said meanwhile are shown after it at once,
 * and anything else said meanwhile goes beside it, never in its place. */
void app_say_outcome(struct app *app, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* app_say_outcome of key's (an action's): its later outcome replaces its
 * queued one, and one already shown or queued is not queued again. True:
 * shown at once. */
bool app_say_outcome_of(struct app *app, const void *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* What was just said with app_say (a refusal the journal keeps) is an
 * outcome of key's after all: it leaves the plain message's place, where
 * the next key would take it, and is said as app_say_outcome_of says. */
void app_said_is_outcome(struct app *app, const void *key);

/* Whether the footer shows an outcome not yet on screen its few seconds. */
bool app_outcome_unread(const struct app *app);

/* Once a second: the next waiting outcome takes the footer when the one
 * shown has been read (its time passed, and a held one seen with a key). */
void app_status_tick(struct app *app);

/* Open the footer's prompt of this kind (a PROMPT_*), empty. */
void app_ask(struct app *app, int kind);

/* Keep a stored record for the TIMELINE pane. */
void app_add_record(struct app *app, const struct record *r);

/* The record that settled op's outcome last: its latest action.reconcile
 * with an outcome, else its action.end; NULL when the journal holds none. */
const struct timeline_entry *app_outcome_record(const struct app *app, const char *op);

/* What a watcher shows of actions from the journal (the console that
 * acted counts its own): *unknown, outcomes left UNKNOWN (an action.end
 * "unknown", or an intent whose console went away, with no reconcile
 * since); *none_yet, intents with no outcome recorded yet (running, or
 * their console died and nobody resumed). */
void app_open_outcomes(struct app *app, size_t *unknown, size_t *none_yet);

/* Load a runbook for the RUNBOOK pane: read from path (resolved: where,
 * or NULL), its step ids under key (rbkey_names); -1 with err when it
 * cannot be read. */
int app_add_runbook(struct app *app, const char *path, const char *key, const char *where,
    const char *buf, size_t len, struct wr_err *err);

/* The marks of the journal that could not be placed on the runbooks
 * loaded now, not said yet: said in the footer, once each. */
void app_say_unplaced(struct app *app);

/* Compare each runbook's file with what was read (every few seconds, from
 * the console's tick): one that changed says so in RUNBOOK. */
void app_watch_runbooks(struct app *app);

/* Whether step k is ticked in the runbook file ("- [x]") and by nothing
 * since: shown [f], not counted as done in this incident (as the
 * post-mortem counts it). */
bool app_step_infile(const struct app_runbook *r, size_t k);

/* The stable id of a step in the journal: "KEY:LINE" (app_runbook.key). */
void app_step_id(const struct app_runbook *r, size_t step, char *buf, size_t cap);

/* The same for a section, whose own blocks' actions name it apart from
 * the steps (runbook_section): "file.md:LINE" of its heading. */
void app_section_id(const struct app_runbook *r, size_t section, char *buf, size_t cap);

/* The step's or section's record of what x started there, for a slot of
 * a runbook's step_action or section_action; NULL for any other slot. */
struct app_ran *app_slot_ran(struct app *app, struct action **slot);

/* The runbooks' decision matrices in -r order, for runbook_matrix_pick
 * and runbook_matrix_describe (malloc'd, app->nrunbooks of them). */
struct runbook_matrix_src *app_matrix_sources(const struct app *app);

/* Free the runbooks. */
void app_free_runbooks(struct app *app);

/* Free the TIMELINE pane's entries and what they said x ran from runbook steps. */
void app_free_entries(struct app *app);

/* Whether the console is armed now (and the safety state says so). */
bool app_armed(struct app *app);

/* True once when the arming has run out by the clock (then forgotten). */
bool app_arming_expired(struct app *app);

/* Take the incident's arm lock (armlock.h) for arming; false with why in
 * buf when another console holds it or it cannot be had. keep false
 * lets it go again at once (a look before the prompt). */
bool app_arm_lock(struct app *app, bool keep, char *buf, size_t cap);

/* Whether process pid on this machine is stopped (Ctrl-Z, SIGSTOP: /proc
 * says T or t); false when it cannot be told. */
bool app_pid_stopped(long pid);

/* Let the arm lock go once disarmed and no action of ours still runs. */
void app_arm_lock_settle(struct app *app);

/* Disarm and let the arm lock go when the journal or the lock's .arm file
 * was removed or moved: that lock no longer keeps a second console from
 * arming. Called on every tick. */
void app_arm_lock_check(struct app *app);

/* The host index of the selected HOSTS row, or -1. */
int app_selected_host(const struct app *app);

/* Why a read-only console trusts no key of host, and the way by hand
 * (ssh-keyscan into the known_hosts K would write, or ssh), then C-r. */
void app_trust_by_hand(const struct app *app, int host, char *out, size_t cap);

/* The same, with the row's service index (within its host) in *svc. */
int app_selected_service(const struct app *app, int *svc);

/* The host index of HOSTS row (config order), its service's index within
 * the host in *svc; -1 (and *svc -1) when there is no such row. */
int app_row_host(const struct app *app, int row, int *svc);

/* Does HOSTS row (config order) pass the HOSTS filter? Its host, service,
 * address, tag or /version holds the filter text, in any case. */
bool app_row_shown(const struct app *app, int row);

/* The same for host h's service svc: is its row shown? */
bool app_service_shown(const struct app *app, int h, int svc);

/* Where host h is reached (HOSTS' ADDRESS): "user@address:port via hop"
 * once ssh_config is read, else the config's address (or name) and port. */
void app_host_where(const struct app *app, int h, char *buf, size_t cap);

/* Host h's metrics: the poller's, or in screen tests what :metrics gave
 * it; NULL when there are none. */
const struct host_metrics *app_metrics(const struct app *app, int h);

/* The reason of host h's verdict v as METRICS and its verdict.change
 * record say it: after "rolled back 21 s ago: the rate window still
 * holds the old release's errors — " while v is bad and h's figures
 * (app_metrics) reach back before its latest rollback that settled OK
 * (rbtarget_verdict_words, from the timeline in memory). Returns the length. */
size_t app_verdict_words(const struct app *app, int h, const struct decide_verdict *v,
    const char *reason, char *out, size_t cap);

/* Host h's service svc as last read: the poller's, or in screen tests
 * what :state gave it; NULL when there is none. */
const struct svc_state *app_state(const struct app *app, int h, int svc);

/* The tag the journal last said of host h's service svc (*ms: when)
 * while this console has read none there; NULL once it read one, or when
 * the journal says none. Shown as the journal's, never as read now. */
const char *app_journal_tag(const struct app *app, int h, int svc, int64_t *ms);

/* Number of rows in the HOSTS table (one per host and service). */
int app_host_rows(const struct app *app);

/* Host h's service svc as a row of the per-row arrays (config order:
 * every service of the hosts before it first). */
int app_config_row(const struct app *app, size_t h, int svc);

/* How many hosts' verdicts say CONSIDER ROLLBACK or worse, at most `most`
 * named in buf ("api-1 ROLLBACK IMMEDIATELY, … and 2 more": the rest
 * counted, never cut; NULL with cap 0: only counted): what a "fixed" post
 * or a resolve would contradict. */
int app_hosts_not_ok(const struct app *app, size_t most, char *buf, size_t cap);

/* Whether host h exports: its probed service's /export as last read
 * (unknown while it has not answered: never, timed out, an error), or,
 * for a host the console does not probe, what the journal last said. */
enum contain_export app_host_export(const struct app *app, int h);

/* Whether host h exporting is a leak (contain_leaks_if_on) as this
 * console reads it: its own tag readings newer than the journal's stand
 * for them, so the header and HOSTS agree with its HOSTS pane. */
bool app_leaks_if_on(const struct app *app, int h);

/* The hosts that export while a kill switch turning exports off was asked
 * for somewhere in this incident (none otherwise), less those whose
 * exports the engineer turned back on, their names in names[] (up to max). */
size_t app_exports_on(const struct app *app, const char **names, size_t max);

/* The probed hosts whose /export answer is not known while a kill switch
 * was asked for somewhere (none otherwise): never counted as off. since,
 * when not NULL, gets each one's "no answer since" (the first unanswered
 * ask, else what the journal said; 0: none asked yet). */
size_t app_exports_unknown(const struct app *app, const char **names, int64_t *since,
    size_t max);

#endif
