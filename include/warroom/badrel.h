/*
 * badrel.h — the releases an incident judged bad, and what each host's
 * services run now, as the journal tells it: a release is bad once a
 * rollback started from it, or it ran on a host whose verdict turned to
 * CONSIDER ROLLBACK or worse before that host was ever judged OK under
 * it (a host OK under a release that then turns bad, the release
 * unchanged, has a fault of its own: load, a dependency, the host); a
 * release a rollback went to never is.
 * The containment rules (a host exporting is a leak only while it runs a
 * bad release), the post-mortem's follow-ups and its "deployed again"
 * key time, and the status page's cause read it. Pure: records' fields
 * in, state out.
 */
#ifndef WARROOM_BADREL_H
#define WARROOM_BADREL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

/* One run of readings of one tag by one host's service, in journal
 * order: the tag and when its release started. */
struct badrel_run {
	char *tag;                       /* owned */
	int64_t start_ms;
	int64_t may_ms;                  /* the earliest it may have started: a
	                                    deploy time told in whole seconds is
	                                    that second's start (start_ms its
	                                    end, badrel_runs_read); else start_ms */
};

/* One host's service: the tag its last health.change read, and every
 * run of tags it read, in journal order. */
struct badrel_svc {
	char *host, *service, *tag;      /* owned */
	struct badrel_run *runs;         /* owned */
	size_t nruns;
	int64_t said_ms;                 /* the time of the last health.change that read it */
};

/* One turn of a host's verdict to bad: what it judges may change while a
 * tag's record written after it tells a release that started before it.
 * A verdict.fresh (a verdict already bad, judged again on readings all
 * after a release started) is one too, judging only a release started by
 * from_ms. */
struct badrel_turn {
	char *host;                      /* owned */
	char *service;                   /* owned; NULL: every service */
	char *verdict;                   /* owned */
	int64_t at_ms;
	int64_t from_ms;                 /* verdict.fresh: its readings' start; 0:
	                                    a turn, judging what ran at at_ms */
};

/* One OK verdict of a host (or of one service of it): when. */
struct badrel_ok {
	char *host;                      /* owned */
	char *service;                   /* owned; NULL: every service */
	int64_t at_ms;
};

/* One turn to bad not charged to the release a host's service ran then:
 * the host had been judged OK under that release before it (ok_ms). */
struct badrel_spared {
	char *tag, *host, *service;      /* owned */
	char *verdict;                   /* owned: the verdict it turned to */
	int64_t at_ms;                   /* the turn */
	int64_t ok_ms;                   /* the first OK under the release there */
	size_t turn;                     /* 1 + the index of the turn */
};

/* One host's verdict: whether the last one asked for a rollback. */
struct badrel_host {
	char *host;                      /* owned */
	bool bad;
};

/* One judgement that a tag is bad: where, when and how. */
struct badrel_why {
	char *tag, *host;                /* owned */
	char *service;                   /* owned; NULL: the record named none */
	char *verdict;                   /* owned; NULL: a rollback started from
	                                    it, else the verdict the host turned to */
	int64_t at_ms;                   /* the record's time */
	size_t turn;                     /* 1 + the index of the verdict's turn;
	                                    0: a rollback's */
	bool host_bad;                   /* a rollback's: its host's last verdict
	                                    was CONSIDER ROLLBACK or worse then */
};

struct badrel {
	char **bad;                      /* tags judged bad, in the order judged */
	size_t nbad;
	char **good;                     /* tags a rollback went to */
	size_t ngood;
	struct badrel_svc *svc;
	size_t nsvc;
	struct badrel_host *hosts;
	size_t nhosts;
	struct badrel_why *why;          /* every judgement, in the order made */
	size_t nwhy;
	struct badrel_turn *turns;       /* every turn to bad, in journal order */
	size_t nturns;
	struct badrel_ok *oks;           /* every OK verdict, in journal order */
	size_t noks;
	struct badrel_spared *spared;    /* each service a turn was not charged
	                                    to, in the order of the turns */
	size_t nspared;
};

/* When a health.change says its release surely started: data.deployed_ms
 * when it is set (told in whole seconds: the end of that second), else
 * the record's time ts_ms. */
int64_t badrel_started(const cJSON *data, int64_t ts_ms);

/* Adds one reading of a service's tag (its release's start) to its runs
 * in journal order: the last run's tag again continues that run (its
 * earliest start counts); another tag starts a new run (may_ms start_ms). */
void badrel_runs_add(struct badrel_run **v, size_t *n, const char *tag, int64_t start_ms);

/* badrel_runs_add for a health.change's tag, its data and time: started
 * badrel_started, and may_ms data.deployed_ms as told. */
void badrel_runs_read(struct badrel_run **v, size_t *n, const char *tag, const cJSON *data,
    int64_t ts_ms);

/* The index of the latest run that may have started by at_ms but surely
 * only after it (a deploy time told in whole seconds, at_ms in that
 * second); -1 when none. */
long badrel_running_in_second(const struct badrel_run *v, size_t n, int64_t at_ms);

/* The index of the run that was running at at_ms among n runs of one
 * service: the latest start at or before at_ms (a later run on a tie),
 * runs journalled after at_ms included, since a new tag's record may be
 * written after a verdict judged on it; -1 when none had started. */
long badrel_running_at(const struct badrel_run *v, size_t n, int64_t at_ms);

/* Frees n runs and v. */
void badrel_runs_free(struct badrel_run *v, size_t n);

/* Whether two tags name the same release: equal but for a leading v
 * before a digit and "+build" ("v1.5.0-bad", helm's "1.5.0-bad"); the
 * one comparison of a typed or listed tag with releases known. */
bool badrel_same(const char *a, const char *b);

/* Fold one record (its kind, host, data and time) into b: health.change
 * (the tag a service runs), verdict.change (a turn to bad judges the tags
 * its host ran then, badrel_running_at, also per a health.change folded
 * later, except a tag the host had an OK verdict under before the turn:
 * that turn goes to spared, unless it came in the second a deploy time
 * told in whole seconds names: then it judges that release), verdict.fresh (a bad verdict judged on
 * readings from data.from_ms on judges, as a turn, the tags that started
 * by then) and a rollback's action.intent (plan.from bad, plan.to good; a
 * later rollback from a tag makes it bad again). */
void badrel_fold(struct badrel *b, const char *kind, const char *host, const cJSON *data,
    int64_t ts_ms);

/* Whether host's verdict, bad since before one of its services' release
 * started (a new tag under a bad verdict, which no turn judged), judged
 * now on readings all from from_ms on, judges that release: its run
 * started at or before from_ms and after host's last turn, and no
 * rollback went to it. The console then records a verdict.fresh. */
bool badrel_fresh_due(const struct badrel *b, const char *host, int64_t from_ms);

/* Whether tag is one the incident judged bad (and no rollback went to
 * since a rollback last started from it). */
bool badrel_is_bad(const struct badrel *b, const char *tag);

/* Whether tag is bad (badrel_is_bad) and a bad verdict judged it: a
 * turn of some host's verdict charged to it (any host, any service), or
 * a rollback from it started while its host's verdict was bad (what that
 * host ran was bad, its tag unread or not). One rolled back from only on
 * hosts judged fine is the engineer's choice, no fault the incident
 * found: the post-mortem says that rollback, not a bad release left
 * running. */
bool badrel_verdict_bad(const struct badrel *b, const char *tag);

/* Why tag is bad for service svc (any host, any driver's spelling): the
 * first rollback of svc that started from it, else the first verdict
 * that judged it as svc's tag; NULL when it is not bad for svc. */
const struct badrel_why *badrel_why(const struct badrel *b, const char *svc, const char *tag);

/* As badrel_why, for a dialog on host: host's own judgement first (its
 * rollback from tag, else its verdict), another host's only when host
 * has none; host NULL is badrel_why. */
const struct badrel_why *badrel_why_on(const struct badrel *b, const char *host,
    const char *svc, const char *tag);

/* The first judgement that tag is bad for svc made before at_ms (a
 * deploy of it then is one of a release already judged bad); NULL when it
 * was judged only later, or is not bad. */
const struct badrel_why *badrel_why_before(const struct badrel *b, const char *svc,
    const char *tag, int64_t at_ms);

/* The earliest turn of host's verdict, at or before at_ms, that judged
 * tag as service svc's release there (a spared turn judged nothing; a
 * rollback's word is no verdict's); NULL when none did. */
const struct badrel_why *badrel_verdict_judged(const struct badrel *b, const char *host,
    const char *svc, const char *tag, int64_t at_ms);

/* The tags bad for service svc, one badrel_why_on host each (host NULL:
 * badrel_why), in the order first judged, into out (at most max);
 * returns the count. */
size_t badrel_bad_of(const struct badrel *b, const char *host, const char *svc,
    const struct badrel_why **out, size_t max);

/* Whether host's turn to bad at at_ms (svc: the service its verdict named,
 * or NULL) was charged to no release but spared: the host's own fault. */
bool badrel_spared_turn(const struct badrel *b, const char *host, const char *svc,
    int64_t at_ms);

/* Whether host's turn at at_ms (svc as for badrel_spared_turn), a
 * verdict.fresh's too, judged some release: charged, neither spared nor
 * judging nothing. */
bool badrel_turn_charged(const struct badrel *b, const char *host, const char *svc,
    int64_t at_ms);

/* w in words, its time in UTC: "rolled back from on k8s-bastion at 18:31"
 * ("rolled back from in this incident at 18:31" for a record with no host),
 * "judged bad: api-1 ran it when its verdict turned CONSIDER ROLLBACK at
 * 18:20". */
void badrel_why_words(const struct badrel_why *w, char *out, size_t cap);

/* w in words after the tag it judged, standing alone: "k8s-bastion
 * rolled back from it at 18:31" ("this incident rolled back from it …"
 * with no host), a verdict's judgement as badrel_why_words says it. */
void badrel_why_alone(const struct badrel_why *w, char *out, size_t cap);

/* w as a mark on a target of host here, standing alone, naming the tag
 * and whose it is: here's own "this host rolled back from v1.5.0-bad at
 * 04:02", another's "another host, h7, rolled back from v1.5.0-bad at
 * 04:02" (so it is never read as here's history), "judged bad on another
 * host: api-1 ran v2 when its verdict turned CONSIDER ROLLBACK at 18:20";
 * here NULL: "h7 rolled back from ...", "judged bad: api-1 ran ...". */
void badrel_mark_words(const struct badrel_why *w, const char *here, char *out, size_t cap);

/* Whether host runs a bad release now: 1 one of its services does, 0
 * none does, -1 not known (no tag read for it yet, or no release was
 * judged bad at all). */
int badrel_host_runs_bad(const struct badrel *b, const char *host);

/* One service's tag as this console read it (not yet journalled, on a
 * watcher with no writing console running): when the read began, and
 * whether this console's own verdict on the host, on figures all from
 * after that release started, asks for a rollback (CONSIDER or worse). */
struct badrel_reading {
	const char *service, *tag;
	int64_t read_ms;
	bool judged_bad;
};

/* badrel_host_runs_bad with host's services as read here (n readings):
 * a reading newer than the journal's last word on its service, of
 * another release, stands for it; a release the incident never judged
 * is bad there when the reading's verdict is. */
int badrel_host_runs_bad_read(const struct badrel *b, const char *host,
    const struct badrel_reading *r, size_t n);

/* Whether each of host's services runs now the release it ran at at_ms:
 * its last run is the one running then (badrel_running_at; the first run
 * when none had started, a tag first read later); a release left and
 * deployed again is a new run. True when no tag was read for host. */
bool badrel_host_same_since(const struct badrel *b, const char *host, int64_t at_ms);

/* host's services whose last tag is a bad release, into buf ("jobs runs
 * v1.5.0-bad, api runs v1.5.0-bad"); returns how many (0: buf ""). */
size_t badrel_host_bad_words(const struct badrel *b, const char *host, char *buf, size_t cap);

/* Every service of host with the tag it last read, into buf ("api runs
 * 1.4.1, jobs runs v1.4.1"); returns how many (0: buf ""). */
size_t badrel_host_runs_words(const struct badrel *b, const char *host, char *buf, size_t cap);

void badrel_free(struct badrel *b);

#endif
