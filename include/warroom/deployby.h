/*
 * deployby.h — whose deploy a tag change was: the journal's actions on
 * each host (and service, when the plan names one), so a tag the console
 * saw change with none of them around it is said as a deploy made outside
 * this console. Pure: records in, answers out.
 */
#ifndef WARROOM_DEPLOYBY_H
#define WARROOM_DEPLOYBY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/record.h"

/* How long before a tag change an action of ours that ended still
 * counts as its cause: its end's re-read is written within a poll or
 * two, so one long ago did not make a change seen now. */
#define DEPLOYBY_WINDOW_MS (5 * 60 * 1000)

struct deployby_act {
	char *op, *host;
	char *service;                   /* the plan's; NULL: any of the host's */
	char *action;                    /* the intent's data.action, NULL: none */
	char *to;                        /* the plan's target tag, NULL: none */
	uint64_t seq;                    /* the intent's record */
	int64_t start_ms, end_ms;        /* intent, end (0: no end yet) */
	bool intent_lost;                /* none kept: seq, start_ms and the
	                                    rest are its action.confirmed's */
	bool unknown;                    /* ended UNKNOWN, no re-read or hand
	                                    has settled it since */
};

struct deployby {
	struct deployby_act *items;
	size_t n;
};

/* Take note of r when it is an action's intent, end (UNKNOWN kept
 * apart), or a reconcile: one that found its target running (a
 * re-read's, a late rollout's) moves its end; any with a known outcome
 * settles an UNKNOWN one. */
void deployby_note(struct deployby *d, const struct record *r);

/* The noted action that may have made a tag change of host's svc to tag
 * (NULL: not known) seen at at_ms, the last to start in the window
 * deployby_outside reads, or NULL: none (a deploy made outside this
 * console). A kill switch (any driver's) changes no tag, so it is never
 * one. */
const struct deployby_act *deployby_which(const struct deployby *d, const char *host,
    const char *svc, int64_t since_ms, int64_t at_ms, const char *tag);

/* Whether a tag change of host's svc to tag (NULL: not known) seen at
 * at_ms (the row's previous record at since_ms, 0: none) came with none
 * of the noted actions on it: none ran between max(since_ms, at_ms -
 * DEPLOYBY_WINDOW_MS) and at_ms. One with no end (nor an ok re-read), or
 * one that ended UNKNOWN and is not settled, is known by its start only:
 * in that window, or, since its command may run on past the row's later
 * records, within DEPLOYBY_WINDOW_MS before at_ms when tag is its plan's
 * target. */
bool deployby_outside(const struct deployby *d, const char *host, const char *svc,
    int64_t since_ms, int64_t at_ms, const char *tag);

/* Release what d holds; it is left empty. */
void deployby_free(struct deployby *d);

#endif
