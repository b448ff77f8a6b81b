/*
 * cause.h — which rollback of an incident speaks for its cause, read from
 * the incident's journal records, and where its service stands on every
 * host that runs it: what the status-page and chat templates fill
 * {service}, {from_tag}, {to_tag}, {since} and {began} with, and the
 * default words, which claim only what the journal proves. Pure.
 */
#ifndef WARROOM_CAUSE_H
#define WARROOM_CAUSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/config.h"

struct record;

/* What the journal proves of the service across the hosts that ran from. */
enum cause_state {
	CAUSE_UNDER_WAY,                 /* on one of them a rollback runs, or ended
	                                    UNKNOWN and was not settled since */
	CAUSE_BACK,                      /* every one is proven off from */
	CAUSE_NOT_BACK,                  /* none under way, and one is still on from,
	                                    after a failed rollback, or not read */
};

struct cause {
	char host[WR_NAME_MAX];          /* of the rollback that names the cause */
	char service[WR_NAME_MAX];
	char from[128];                  /* the release rolled back from */
	char to[128];                    /* where that rollback's chain took the
	                                    service on host; CAUSE_BACK on one tag:
	                                    that tag */
	bool judged;                     /* a turn of host's verdict to ROLLBACK
	                                    IMMEDIATELY or CONSIDER ROLLBACK judged
	                                    from (badrel) */
	enum cause_state state;
	int nhosts;                      /* hosts of service that ran from, or whose
	                                    tag the journal does not hold */
	int nback;                       /* ... proven off from, not under way */
	int nunder_way;                  /* ... with a rollback running or UNKNOWN */
	int nunknown;                    /* ... of those, UNKNOWN: an end or re-read
	                                    said so, or a resume found its console
	                                    gone */
	int nfailed;                     /* ... none running, whose latest rollback
	                                    ended FAILED (not back, whatever tag is
	                                    read there since) */
	int nbad_again;                  /* ... off from, none running, that run
	                                    another bad release now: one judged
	                                    bad, or one no rollback went to while
	                                    their verdict asks for a rollback (an
	                                    outside deploy); never counted back */
	char again_host[WR_NAME_MAX];    /* the first of those, and its tag */
	char again_tag[128];
	bool again_judged;               /* ... that tag judged bad (else only the
	                                    host's verdict says so) */
	bool one_tag;                    /* CAUSE_BACK, and all on the same tag */
	int64_t since_ms;                /* CAUSE_BACK: when the last of them was
	                                    proven off from */
};

/* The incident's cause in records v[0..n) (journal order): the first
 * rollback away from a release a turn of its host's verdict to ROLLBACK
 * IMMEDIATELY or CONSIDER ROLLBACK judged before it (badrel_verdict_judged),
 * else the first rollback; an earlier rollback of that service from another
 * release still bad (badrel_is_bad) names that one instead, the release the
 * impact started with; to follows the rollbacks
 * of that service on that host that went on from where it left it. The
 * state is the service's on every host that runs it: hosts[0..nhosts)
 * (the config) that list it, and any host a rollback of it names. A host
 * is off from once a rollback's end or reconcile said ok or a
 * health.change read another tag (not after its latest rollback FAILED:
 * a k8s template reads the target before its rollout completes; a later
 * reconcile saying that rollout completed counts from when it did). 1
 * found, 0 none. */
int cause_find(const struct record *v, size_t n, const struct config_host *hosts,
    size_t nhosts, struct cause *out);

/* When the incident began, as far as v[0..n) knows: the first verdict
 * asking for a rollback or /healthz turning FAIL, else incident.open
 * (else the first record). 0 for no records. */
int64_t cause_began(const struct record *v, size_t n);

/* The service the trouble of v[0..n) is in, for {service} before any
 * rollback names the cause: that of the first failing /healthz or verdict
 * asking for a rollback whose host ran one service only. false: none. */
bool cause_trouble_service(const struct record *v, size_t n, char *out, size_t cap);

/* ms as "HH:MM UTC"; 0: words saying the time is not confirmed. */
void cause_clock(int64_t ms, char *out, size_t cap);

/* {since}: "HH:MM UTC" when the last host was proven back (CAUSE_BACK),
 * else words saying it is not confirmed. */
void cause_since(const struct cause *c, char *out, size_t cap);

/* The default text of a post at status (WR_TEMPLATE_*) into out, for when
 * [templates] sets none: "back on TAG" only in CAUSE_BACK on one tag,
 * "under way" while a rollback runs on any host, "verifying whether the
 * rollback took effect" (never "under way") where one is UNKNOWN, else the
 * hosts rolled back counted, and those whose rollback FAILED said as not
 * complete (c NULL: the journal holds no rollback).
 * "Resolved ... normal again" only in CAUSE_BACK (or c NULL) with not_ok
 * (hosts whose verdict asks for a rollback now) 0; else "in part", what is
 * proven and that the work goes on. Placeholders as in [templates].
 * Returns 0 with out "" where no honest default exists: identified while
 * a host runs another bad release (nbad_again; cause_silent_why says why). */
int cause_template(int status, const struct cause *c, int not_ok, char *out, size_t cap);

/* Why cause_template offered no text for c, for the S dialog, into out:
 * the host running another bad release, and that the words are the
 * engineer's to write. */
void cause_silent_why(const struct cause *c, char *out, size_t cap);

/* A default text (cause_template's) amended, in place in text[cap], for a
 * service whose /readyz says the database schema is ahead of the release
 * it runs: "back on {to_tag}", "runs {to_tag}" and "rolled back on every
 * host" get "(the database schema is ahead of it: 0042 vs 0041)" after
 * them (database, expected: the revisions; NULL or "": the words without
 * them). Customers must not read a clean return that the smoke check
 * calls WARN. Returns how many places were amended. */
int cause_schema_ahead(char *text, size_t cap, const char *database, const char *expected);

/* How the rollback a post speaks of ended, as far as a custom text may
 * claim it: its own words assume it worked. */
enum cause_outcome {
	CAUSE_OUTCOME_NONE,              /* no rollback, one under way, or none of
	                                    its hosts UNKNOWN or FAILED */
	CAUSE_OUTCOME_UNKNOWN,           /* on a host, UNKNOWN and not settled */
	CAUSE_OUTCOME_FAILED,            /* none UNKNOWN; on a host, FAILED and
	                                    nothing said ok there since */
};

/* c's outcome (NULL: no rollback, NONE): UNKNOWN before FAILED. */
enum cause_outcome cause_outcome(const struct cause *c);

/* "UNKNOWN", "FAILED", "" for NONE. */
const char *cause_outcome_name(enum cause_outcome oc);

/* The text a post starts from: own (a runbook step's message=, else the
 * status's [templates] text; "" or NULL: none) while oc is NONE; for an
 * UNKNOWN or FAILED oc, for_oc (the status's _unknown or _failed
 * template) when set, else dflt (cause_template's words), own set aside:
 * *replaced then says so. */
const char *cause_words(const char *own, const char *for_oc, enum cause_outcome oc,
    const char *dflt, bool *replaced);

/* Why cause_words set own aside, for the S dialog, into out: who wrote
 * own (whose: "your template", "the runbook's message"), what it says
 * (said, filled in, cut at 60 characters), the outcome, the key for
 * words of one's own (key: "monitoring_unknown") and that editing the text
 * overrides it. */
void cause_words_why(const char *whose, const char *said, enum cause_outcome oc,
    const char *key, char *out, size_t cap);

#endif
