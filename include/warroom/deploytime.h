/*
 * deploytime.h — when a row's running release first ran, kept while its
 * tag stays: a restart or re-creation of the same release makes a younger
 * container, pod or ReplicaSet, and the reading each poll gives moves with
 * it, but the release came at the first. Pure: readings in, answer out.
 */
#ifndef WARROOM_DEPLOYTIME_H
#define WARROOM_DEPLOYTIME_H

#include <stdint.h>

struct deploytime {
	char tag[128];                   /* the tag the times are of; "" none yet */
	int64_t first_ms;                /* the earliest reading of it, epoch ms; 0 none */
	char first_from[64];             /* where that reading came from */
	int64_t recreated_ms;            /* the running instance was made later than
	                                    first_ms (re-created since); 0 not seen */
	int64_t instance_ms;             /* the newest running instance read; 0 none */
};

/* Fold one poll's reading into t: tag, when it went live by that poll (0:
 * not said) and from where, and when the running instance (a container,
 * the newest ReplicaSet) was made (0: not said). Another tag starts anew. */
void deploytime_note(struct deploytime *t, const char *tag, int64_t ms, const char *from,
    int64_t instance_ms);

/* Seed t from the journal's latest record of the row: for the tag t holds,
 * the earlier of t's time and the record's ms (with its from), and its
 * recreated_ms or t's instance when later; another tag, or none read yet,
 * keeps t's own. */
void deploytime_adopt(struct deploytime *t, const char *tag, int64_t ms, const char *from,
    int64_t recreated_ms);

#endif
