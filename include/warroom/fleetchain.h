/*
 * fleetchain.h — B's fleet rollback as data: a chain of per-host
 * rollbacks, each confirmed in its own dialog. Which other hosts listing
 * the service join it, and why each one that does not is left out; what
 * each host's turn ended as and whether the chain goes on after it; the
 * words of the dialog and of the summary said and journalled when the
 * chain ends. Pure: the caller says what it read of each host.
 */
#ifndef WARROOM_FLEETCHAIN_H
#define WARROOM_FLEETCHAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "warroom/config.h"
#include "warroom/record.h"

/* The selected host and B's others (at most WR_SERVICES_MAX). */
#define FLEETCHAIN_MAX (WR_SERVICES_MAX + 1)
/* Hosts left out whose tag is not known, named one by one in the dialog;
 * past that, a count. */
#define FLEETCHAIN_OUT_MAX 12
/* Lines for the other hosts left out, one per reason (a tag, a driver). */
#define FLEETCHAIN_GROUPS_MAX 6
/* Hosts the HOSTS filter hides that may run the bad tag, named per kind
 * (last read on it, tag not known); past that, "and N more". */
#define FLEETCHAIN_HIDDEN_NAMED 3
/* Hosts left out that run (or last ran) the bad tag, kept by name for the
 * summary; past that, a count. */
#define FLEETCHAIN_MISSED_MAX 16

enum fleetchain_turn {
	FLEETCHAIN_WAITING,              /* its turn never came: "not started" */
	FLEETCHAIN_ACTIVE,               /* planning, confirming or running now */
	FLEETCHAIN_OK,
	FLEETCHAIN_FAILED,
	FLEETCHAIN_UNKNOWN,
	FLEETCHAIN_CANCELLED,
	FLEETCHAIN_SKIPPED,              /* already on the target at its turn */
	FLEETCHAIN_DOWN,                 /* not UP at its turn: not rolled back */
	FLEETCHAIN_REFUSED,              /* refused at its turn (why) */
};

/* Who settled a turn that ended UNKNOWN (read back from the journal). */
enum fleetchain_settled {
	FLEETCHAIN_OWN_END,              /* its action's own end, or not settled */
	FLEETCHAIN_REREAD,               /* a re-read (action.reconcile) */
	FLEETCHAIN_BY_HAND,              /* the engineer (U: action.reconcile by hand) */
};

struct fleetchain_host {
	char name[WR_NAME_MAX];
	int host;                        /* the caller's index (config order) */
	enum fleetchain_turn turn;
	enum fleetchain_settled settled; /* how an UNKNOWN turn came to be OK/FAILED */
	char why[200];                   /* REFUSED, DOWN: the reason */
};

struct fleetchain {
	bool active;                     /* begun and not over */
	bool interrupted;                /* read from a journal with no chain.end */
	char id[64];                     /* set when the first host's rollback is
	                                    confirmed (its op id): chain.start's
	                                    "chain", carried by each host's records */
	char service[WR_NAME_MAX];
	char from[128];                  /* the tag B rolls back from */
	char to[128];                    /* the target, once confirmed on the first host */
	struct fleetchain_host hosts[FLEETCHAIN_MAX];
	size_t n, cur;                   /* hosts in turn order; whose turn it is */
	char out[FLEETCHAIN_OUT_MAX][200]; /* hosts left out whose tag is unknown, why */
	size_t nout;                     /* named one by one */
	/* Hosts left out that do not run the bad tag, one line per reason:
	 * "h2, h4 on v1.4.1", "h3, h5 are k8s hosts". */
	struct fleetchain_group {
		char why[140];           /* "on v1.4.1", "a k8s host", "read_only …" */
		char names[240];         /* "h2, h4", as many as fit */
		size_t n, nmore;         /* hosts in it; of them, not named */
		bool plural_verb;        /* why starts with "is": "are" for several */
	} groups[FLEETCHAIN_GROUPS_MAX];
	size_t ngroups;
	size_t nout_more;                /* left out past the room above */
	size_t nhidden;                  /* left out because the HOSTS filter hides them */
	size_t nhidden_from;             /* of them, last read on the tag B rolls back from */
	size_t nhidden_unread;           /* of them, whose tag is not known */
	/* The first FLEETCHAIN_HIDDEN_NAMED of each: "h7, h8, h9". */
	char hidden_from[FLEETCHAIN_HIDDEN_NAMED * (WR_NAME_MAX + 2)];
	char hidden_unread[FLEETCHAIN_HIDDEN_NAMED * (WR_NAME_MAX + 2)];
	/* Hosts left out that run the bad tag, or last ran it before they
	 * went away: the summary names them ("h10, h19 DOWN on v1.5.0-bad:
	 * not rolled back"), as the chain leaves them bad. */
	struct fleetchain_missed {
		char name[WR_NAME_MAX];
		char conn[16];           /* its state when not UP ("DOWN"), else "" */
		char driver[16];         /* its driver when another one ("k8s"), else ""
		                            (both set: another driver's, not UP) */
	} missed[FLEETCHAIN_MISSED_MAX];
	size_t nmissed;
	size_t ndown_more, nother_more;  /* of them, past the room above */
	size_t nunknown;                 /* left out with a tag not known (hidden too) */
	char driver[16];                 /* the chain's driver ("compose"), "" unknown */
};

/* What B read of one other host that lists the service. */
struct fleetchain_cand {
	const char *name;
	const char *other_driver;        /* its driver when not the selected row's, else NULL */
	bool read_only;                  /* read_only in the config */
	bool hidden;                     /* the HOSTS filter hides its row */
	const char *conn;                /* NULL when UP, else its state ("DOWN") */
	const char *tag;                 /* the tag last read, "" for none */
	long age_s;                      /* seconds since that read; < 0: never read */
	int64_t journal_ms;              /* > 0: this console never read it, and tag
	                                    is what the journal last said of it then
	                                    (wall clock): said as such, not as read */
	bool failing;                    /* its last poll failed */
	const char *unsettled;           /* its own action on the service that ended
	                                    UNKNOWN and is not settled ("rollback"),
	                                    else NULL */
	const char *unsettled_to;        /* … where it went ("" or NULL: not known) */
};

/* Start an empty chain rolling service back from tag from. */
void fleetchain_begin(struct fleetchain *fc, const char *service, const char *from);

/* The chain's driver (config_driver_name), for words that say which
 * hosts B considered ("no UP compose host runs api at …"). */
void fleetchain_set_driver(struct fleetchain *fc, const char *driver);

/* Add a host in turn order, the first (the selected one, or when that
 * is not UP the first host that joins) ACTIVE; false when the chain is
 * full. */
bool fleetchain_add(struct fleetchain *fc, const char *name, int host);

/* Does c join the chain (UP, same driver, not read-only, shown, running
 * fc->from)? When not, why is kept for the dialog, the hosts whose tag
 * is unknown (not UP, never read, polls failing) first; one not UP with
 * an unsettled action names that, not the tag last read ("h1 DOWN, its
 * rollback to v1.4.1 UNKNOWN"): the action may have moved it since. One
 * not UP that only the journal knows is "last seen on v1.5.0-bad at
 * 11:42 UTC (journal)", and left on the bad tag as one read would be.
 * Another driver's host is on fc->from by badrel_same (helm's spelling). */
bool fleetchain_consider(struct fleetchain *fc, const struct fleetchain_cand *c);

/* The first host's rollback was confirmed as op id, to target to: the
 * chain is journalled from now on (chain.start) and its end names to
 * even if nothing ran. */
void fleetchain_confirmed(struct fleetchain *fc, const char *id, const char *to);

/* Did the chain start (its first host's rollback confirmed, chain.start
 * journalled)? Only then is its end journalled (chain.end): B closed
 * before anything was confirmed is no fleet rollback, and a chain.end
 * with no chain.start before it would be one. */
bool fleetchain_started(const struct fleetchain *fc);

/* The host whose turn it is, or NULL once the chain is over. */
const struct fleetchain_host *fleetchain_current(const struct fleetchain *fc);

/* Does a host's turn that ended as turn let the chain go on (OK, or
 * already on the target)? Anything else stops the rest. */
bool fleetchain_goes_on(enum fleetchain_turn turn);

/* The current host's turn ended as turn (why: for REFUSED and DOWN, else
 * NULL; to: the target it went to, "" or NULL unknown). True when the
 * next host's turn has begun; false when the chain is over (every host
 * done, or this turn stopped the rest, which stay "not started"). */
bool fleetchain_end_turn(struct fleetchain *fc, enum fleetchain_turn turn, const char *why,
    const char *to);

/* The hosts after the current one ("h2, h5"), as many names as fit in
 * width bytes, then "and N more"; "" when none. */
void fleetchain_then(const struct fleetchain *fc, size_t width, char *buf, size_t cap);

/* The dialog's line saying it is B's fleet rollback and its scope,
 * naming the host whose turn it is: "fleet rollback of jobs at
 * v1.5.0-bad: api-1 is the only compose host running it", "…: h1 is
 * host 1 of 3 compose hosts running it". */
void fleetchain_scope(const struct fleetchain *fc, char *buf, size_t cap);

/* The dialog's lines on the hosts left out: how many, and line i. First
 * each host whose tag is not known ("h2 DOWN, last seen on v1.5.0-bad 11s
 * ago: not included"), then those of another driver running the bad tag
 * ("h23 (k8s) also runs v1.5.0-bad: not in this rollback (r on it)"),
 * then one line per other reason ("h2, h4 on
 * v1.4.1: not included"), then the counts of those not named and of
 * those the HOSTS filter hides, naming those that may run the bad tag
 * ("h7, h8, h9 and 2 more last read on v1.5.0-bad"). */
size_t fleetchain_out_lines(const struct fleetchain *fc);
void fleetchain_out_line(const struct fleetchain *fc, size_t i, char *buf, size_t cap);

/* B finding no UP host of its driver on the tag: why, naming every host
 * left out whose tag is not known and those of another driver running it
 * ("no UP compose host runs api at v1.5.0-bad: no fleet rollback (h10 DOWN,
 * …: not included; h19 DOWN, …: not included); h23 (k8s) runs it too: r
 * there"). */
void fleetchain_none_words(const struct fleetchain *fc, char *buf, size_t cap);

/* Whether line i names hosts that may run the bad tag (said loudly). */
bool fleetchain_out_loud(const struct fleetchain *fc, size_t i);

/* The words of a turn, as the summary says them ("OK", "DOWN, not
 * rolled back"; to: the target, for "already on TO, skipped"). A turn
 * settled after it was UNKNOWN says how in fleetchain_summary ("OK after
 * re-read", "FAILED, settled by hand"). */
const char *fleetchain_turn_words(enum fleetchain_turn turn, const char *to, char *buf,
    size_t cap);

/* One line for the end: "fleet rollback of api to v1.4.1: h1 OK · h2
 * UNKNOWN · h3, h4 not started", then the hosts left out on the bad tag
 * ("· h10, h19 DOWN on v1.5.0-bad: not rolled back"; "from TAG" while no
 * target is known; "… to v1.4.1 interrupted: …" for a chain its journal
 * never ended). */
void fleetchain_summary(const struct fleetchain *fc, char *buf, size_t cap);

/* The journal record of the end: summary, chain id, service, from, to,
 * and each host's outcome (and why, and settled_by "re-read" or "hand"
 * for one settled after it was UNKNOWN), the left out hosts' reasons. */
cJSON *fleetchain_record(const struct fleetchain *fc);

/* The journal record of the start (chain.start), stored once the first
 * host's rollback is confirmed, before its action.intent: chain id,
 * service, from, to, the hosts in turn order and the left out hosts'. */
cJSON *fleetchain_start_record(const struct fleetchain *fc);

/* The chain v[start] (a chain.start) begins, as the records after it
 * tell: each host's outcome from its records carrying the chain id
 * (action.intent and its end, action.refused), "not started" for a host
 * with none; an UNKNOWN one then settled (action.reconcile: a re-read or
 * by hand, before or after the chain.end) has that outcome. False when
 * no chain.end follows: fc->interrupted is set and a host whose action
 * has no end (and no settling) is UNKNOWN. */
bool fleetchain_from_journal(struct fleetchain *fc, const struct record *v, size_t n,
    size_t start);

/* Did an incident.resume in v after v[start] (the chain.start of fc, read
 * by fleetchain_from_journal) already say this chain was interrupted?
 * Its "interrupted_chain_ids", or in a resume from before those, a
 * summary of the same service and target. A resume says it once. */
bool fleetchain_reported(const struct fleetchain *fc, const struct record *v, size_t n,
    size_t start);

#endif
