/*
 * rsread.h — when a k8s service's ReplicaSets are worth reading again.
 * They say when the running tag first ran, which changes only with the
 * deployment's revision or tag: read once, then again when either moves
 * (a rollout, an undo, a restart) or after a failed read, with backoff.
 * The deploy answer of every round says both, so the extra kubectl call
 * per service and round goes. Pure: readings in, answers out.
 */
#ifndef WARROOM_RSREAD_H
#define WARROOM_RSREAD_H

#include <stdbool.h>
#include <stdint.h>

/* A failed read waits base, then twice as long each time, up to this. */
#define RSREAD_BACKOFF_MAX_MS (5 * 60 * 1000)

struct rsread {
	bool asked;                      /* a read was sent, for the key below */
	bool out;                        /* … and has not answered yet */
	bool ok;                         /* the last answer told the tag's ReplicaSets */
	int revision;                    /* the deployment's revision and tag when */
	char tag[128];                   /* the last read was sent */
	int fails;                       /* failed reads of that key in a row */
	int64_t retry_ms;                /* after a failure: not again before (wall ms) */
};

/* Should a read go now, the deployment at revision running tag? First
 * time, a revision or tag other than the last read's, or the last read
 * failed and its backoff is over; never while one is out. */
bool rsread_due(const struct rsread *r, int revision, const char *tag, int64_t now_ms);

/* Is the answer for revision and tag still to come (due or out, and not
 * one that failed already)? The deploy time waits for it then. */
bool rsread_waiting(const struct rsread *r, int revision, const char *tag);

/* A read was sent for revision and tag. */
void rsread_sent(struct rsread *r, int revision, const char *tag);

/* The read out answered: ok when it told the ReplicaSets of the tag it
 * was sent for; a failure waits base_ms, doubling, before the next. */
void rsread_answered(struct rsread *r, bool ok, int64_t now_ms, int64_t base_ms);

#endif
