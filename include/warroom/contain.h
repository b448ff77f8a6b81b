/*
 * contain.h — containment as the journal and the probes tell it: what a
 * service's GET /export answers (on, off, not known), and per host whether
 * a kill switch was asked for, whether one turning exports off worked, and
 * whether one was refused with nothing since to make up for it. HOSTS, the
 * header, E and the post-mortem all read it from here. Pure: records'
 * fields in, state out.
 */
#ifndef WARROOM_CONTAIN_H
#define WARROOM_CONTAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "warroom/badrel.h"

enum contain_export {
	CONTAIN_EXPORT_UNKNOWN,
	CONTAIN_EXPORT_ON,
	CONTAIN_EXPORT_OFF,
};

/* What GET /export answered (status 0: none; cut: cut short or over the
 * cap): OFF for 404 or a 2xx whose body says "disabled", ON for any other
 * whole 2xx, UNKNOWN for everything else. */
enum contain_export contain_export_answer(long status, const char *body, size_t len, bool cut);

/* GET /export as the kill switch's check read it: the status (0: no
 * answer), the body read and whether it broke off (an error after the
 * status: a timeout mid-body) or went over the cap. */
struct contain_check {
	long status;
	const char *body;
	size_t len;
	bool broke_off;                  /* the transfer ended in an error */
	bool over_cap;                   /* the body was longer than the cap */
	bool timed_out;                  /* that error was the request's timeout */
	int timeout_s;                   /* … of this many seconds */
	const char *error;               /* the error's words, or NULL */
};

/* What the check proves: OFF or ON only from a whole answer (a 404, or a
 * 2xx whose body was read to its end), else UNKNOWN with why[cap] saying
 * so ("export not verified: /export's answer did not arrive in 5 s"): a
 * status with an unread body proves nothing, and neither does no answer. */
enum contain_export contain_export_checked(const struct contain_check *c, char *why, size_t cap);

/* Whether a service whose /export said neither on nor off unsaid times
 * running (HOSTS' EXPORT "?") is asked again now: every round below max,
 * then every CONTAIN_EXPORT_SLOW_MS after last_ms (when it was last
 * asked), so a host answering again is seen without a key. */
#define CONTAIN_EXPORT_SLOW_MS 30000
bool contain_export_ask_due(int unsaid, int max, int64_t last_ms, int64_t now_ms);

/* What a host's exports count as (HOSTS' EXPORT, the header's EXPORTS ON,
 * E): what /export answered, except that off is no proof while the host's
 * last kill switch left a rollout not read complete (rollout_open,
 * latedone_ks_pending): the old pods behind the Service may still export,
 * so it counts as on. */
enum contain_export contain_export_counted(enum contain_export seen, bool rollout_open);

/* "on", "off" or "unknown", as exports.change records and HOSTS say it. */
const char *contain_export_name(enum contain_export e);

/* The name back to its state; anything else is UNKNOWN. */
enum contain_export contain_export_parse(const char *name);

/* One host as the journal tells it (strings owned). */
struct contain_host {
	char *host;
	bool ks_asked;                   /* a kill switch was asked for here */
	bool ks_off_ok;                  /* one turning exports off ended ok */
	bool refused_open;               /* the last refused one has had no later kill
	                                    switch end ok, nor exports.change say off */
	char *refused_action;            /* that refusal's action ("helm.killswitch") */
	char *refused_service;           /* … its service, or NULL */
	char *refused_reason;            /* … and why, or NULL */
	int64_t refused_ms;
	enum contain_export exports;     /* what exports.change last said */
	bool off_asked;                  /* a kill switch turning exports off was
	                                    asked for here (or refused) */
	/* The last kill switch here that ended ok turned exports off: when it
	 * ended, its action and op ("k8s.killswitch", its id); 0 and NULL
	 * once a later one turned them back on. */
	int64_t off_ms;
	char *off_action, *off_op;
	bool restored;                   /* … or turned them back on: exports on is
	                                    what the engineer chose, no leak */
	int64_t restored_ms;             /* when that restore ended */
	int64_t unknown_ms;              /* exports.change last said "unknown": no
	                                    answer from /export since then (its
	                                    since_ms, else its time); 0 otherwise */
};

/* A kill switch's intent whose ok end is still to come. */
struct contain_op {
	char *op;
	size_t host;                     /* index into v */
	bool off;                        /* it turns exports off */
	bool settled;                    /* ended not ok (failed): not in flight,
	                                    though a re-read may still settle it */
	char *action;                    /* its data.action */
};

/* A kill switch the engineer confirmed (action.confirmed): which way it
 * was to turn exports, for a refusal of the same op, which names none. */
struct contain_asked {
	char *op;
	bool off;
};

struct contain {
	struct contain_host *v;
	size_t n;
	struct contain_op *ops;
	size_t nops;
	struct contain_asked *asked;
	size_t nasked;
	struct badrel rel;               /* who runs a release judged bad */
};

/* Whether an action kind is a kill switch ("compose.killswitch" and the
 * like; helm's, which is always refused, too). */
bool contain_is_killswitch(const char *action);

/* Fold one record (its kind, host, op id and data) into c. */
void contain_fold(struct contain *c, const char *kind, const char *host, const char *op,
    const cJSON *data, int64_t ts_ms);

/* Whether a kill switch was asked for (or refused) on host: where its
 * exports stand is then news whatever they are (HOSTS keeps its EXPORT
 * in view: a refused helm host left on read as contained once hidden). */
bool contain_ks_here(const struct contain *c, const char *host);

/* Whether a kill switch was asked for on any host. */
bool contain_ks_anywhere(const struct contain *c);

/* Whether a kill switch turning h's exports back on is in flight: its
 * intent has no settled end yet (running, or left unknown by an earlier
 * session until a re-read settles it). */
bool contain_turning_on(const struct contain *c, const struct contain_host *h);

/* Whether h's last kill switch that ended ok turned its exports back on,
 * none asked since to turn them off (whatever its end, refused too), and
 * h still runs the releases it ran then (each service's tag not changed
 * since; a tag first read later counts as the one it ran): the engineer
 * chose exports on for that release, not for one deployed since. */
bool contain_restore_holds(const struct contain *c, const struct contain_host *h);

/* Whether host exporting is a leak: a kill switch turning exports off was
 * asked for somewhere in this incident, host's exports were not
 * deliberately turned back on since for the release it runs now
 * (contain_restore_holds), nor are being (a restore is the intended
 * state), and host runs a release the incident judged bad (or what it
 * runs is not known): exports on a good release are no leak. */
bool contain_leaks_if_on(const struct contain *c, const char *host);

/* Why a host's exports, were they on, are or are not a leak
 * (contain_leaks_if_on), so a host left exporting is never silently
 * dropped from what the post-mortem says of containment. */
enum contain_calm {
	CONTAIN_CALM_LEAK,               /* they would be a leak */
	CONTAIN_CALM_RESTORED,           /* turned back on by choice (contain_restore_holds) */
	CONTAIN_CALM_TURNING_ON,         /* a kill switch turning them on is in flight */
	CONTAIN_CALM_GOOD_RELEASE,       /* host runs no release judged bad */
	CONTAIN_CALM_NONE_OFF,           /* no kill switch turning exports off was asked for */
};

/* The reason behind contain_leaks_if_on for host (LEAK when it is one). */
enum contain_calm contain_calm_of(const struct contain *c, const char *host);

/* contain_leaks_if_on with what host runs as read here (n readings,
 * badrel_host_runs_bad_read): a watcher's own readings newer than the
 * journal's, so its badge agrees with its HOSTS pane. */
bool contain_leaks_if_on_read(const struct contain *c, const char *host,
    const struct badrel_reading *r, size_t n);

/* Whether h's kill switch turning exports off (a refused restore is none)
 * was refused with nothing since, while h runs a bad release or one not
 * known (contain_leaks_if_on): E's prompt and the follow-ups ask this. */
bool contain_refused_gap(const struct contain *c, const struct contain_host *h);

/* "exports restored on h1, h2" for the hosts whose restore still holds
 * (contain_restore_holds), into buf; returns how many (0: ""). */
size_t contain_restored_words(const struct contain *c, char *buf, size_t cap);

/* Whether h was left with exports off by a kill switch: the last one that
 * ended ok turned them off and no probe has read them on since. */
bool contain_left_off(const struct contain_host *h);

/* Whether the journal last said h's exports are not known (no answer
 * from /export) while that may hide a leak (contain_leaks_if_on). */
bool contain_exports_unknown(const struct contain *c, const struct contain_host *h);

/* The host's entry, or NULL when the journal never named it so; valid until
 * the next contain_fold (which may move the entries). */
const struct contain_host *contain_host(const struct contain *c, const char *host);

/* What E says before resolving: the hosts that still export (exporting,
 * n of them: live readings, or the journal's), those whose exports are
 * not known (unknown, nunknown of them, with since_ms: when their /export
 * last went unanswered, the earliest said, 0: not yet asked), then those
 * whose kill switch was refused with nothing since ("h3 still exports;
 * h4: exports not known (no answer from /export since 15:42:10 UTC); kill
 * switch refused on h5"), into buf. Returns how many hosts it names (0:
 * buf ""). */
size_t contain_resolve_words(const struct contain *c, const char *const *exporting, size_t n,
    const char *const *unknown, const int64_t *since_ms, size_t nunknown, char *buf, size_t cap);

/* The header's leak badge into buf: " EXPORTS ON: h2 h3; ?: h4 " (on:
 * the hosts whose /export answers on; unknown: those whose answer is not
 * known, never left out as if off), three names each at most. Returns
 * false (buf "") when both lists are empty. */
bool contain_badge(const char *const *on, size_t non, const char *const *unknown, size_t nunknown,
    char *buf, size_t cap);

/* The same badge in counts, for a header without room for the names:
 * " EXPORTS ON: 2 hosts; ?: 1 ". False (buf "") when both are 0. */
bool contain_badge_counts(size_t non, size_t nunknown, char *buf, size_t cap);

/* contain_restored_words in a count: "exports restored on 2 hosts"
 * (n > 0; buf "" for 0). */
void contain_restored_count(size_t n, char *buf, size_t cap);

void contain_free(struct contain *c);

#endif
