/*
 * restartwin.h — "how many restarts in the last N minutes" for a service
 * whose tool only reports each container's running total (docker's
 * RestartCount, a pod container's restartCount). Pure and fixed-size: the caller passes the time and each
 * poll's (id, count, start time) samples; nothing is allocated.
 */
#ifndef WARROOM_RESTARTWIN_H
#define WARROOM_RESTARTWIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RESTARTWIN_CONTAINERS 16         /* containers of one service followed */
#define RESTARTWIN_STEPS 32              /* count changes kept per container */
#define RESTARTWIN_ID_MAX 160            /* 64 hex digits, or "pod/container" */

/* One container as one poll saw it. */
struct restartwin_sample {
	const char *id;                  /* docker's hex id (a 12-digit short id matches
	                                    its full id), or any other name, matched
	                                    whole ("pod/container") */
	int count;                       /* RestartCount, >= 0 */
	int64_t started;                 /* last start, epoch s; 0 when unknown */
};

struct restartwin_step {
	int64_t t;                       /* the poll that saw the count change */
	int count;
};

/* One container followed: its count when first seen and each change since. */
struct restartwin_box {
	char id[RESTARTWIN_ID_MAX];      /* "" when the box is free */
	int first;                       /* count when first seen */
	int64_t first_start;             /* its start then, if that was a restart; else 0 */
	int last;                        /* the latest count */
	struct restartwin_step steps[RESTARTWIN_STEPS];  /* a ring, oldest at head */
	int head, n;
	bool dropped;                    /* older steps were dropped to make room */
	int dropped_count;               /* the count before the oldest kept step */
};

struct restartwin {
	struct restartwin_box box[RESTARTWIN_CONTAINERS];
};

/* An empty window: no container followed, the count unknown. */
void restartwin_init(struct restartwin *w);

/* One poll's samples for the service at time now (epoch s), all of its
 * containers: a new id (or a count that went down) starts fresh, and a
 * container missing from s is forgotten. n 0: none is running. */
void restartwin_observe(struct restartwin *w, int64_t now,
    const struct restartwin_sample *s, size_t n);

/* Restarts within [now - window_s, now] (at the polls that saw them), summed over the
 * containers of the last poll; -1 when it had none. */
int restartwin_count(const struct restartwin *w, int64_t now, int window_s);

#endif
