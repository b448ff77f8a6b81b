/*
 * pace.h — how eagerly the console serves the network. While someone is
 * typing, an action runs or logs pour in, everything is served at once;
 * when the console is only watching a calm fleet, network work is batched
 * into a few passes a second (loop_set_batch), which is most of its idle
 * cost.
 */
#ifndef WARROOM_PACE_H
#define WARROOM_PACE_H

#include <stdbool.h>
#include <stdint.h>

/* Serve at once for this long after a key. */
#define PACE_AFTER_KEY_MS 10000
/* Calm: network work is served at most once per this many ms. */
#define PACE_CALM_SLOT_MS 250
/* More LOGS lines than this per second is a live stream, never batched. */
#define PACE_LIVE_LINES_PER_S 100

struct pace_in {
	int64_t since_key_ms;            /* since the last key; < 0: none yet */
	bool interacting;                /* a dialog, prompt or help is open */
	bool busy;                       /* an action runs, a host connects, a view has work */
	uint64_t log_lines_per_s;        /* lines that reached LOGS in the last second */
};

/* The batching slot for loop_set_batch: 0 (serve at once) or PACE_CALM_SLOT_MS. */
int64_t pace_batch_ms(const struct pace_in *in);

#endif
