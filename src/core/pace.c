/*
 * pace.c — when the console may batch its network work. Batching adds up
 * to one slot to each network round trip, so it is allowed only when
 * nobody is waiting on one: no recent key, no open dialog, no action or
 * connection in progress, no stream of log lines.
 */
#include "warroom/pace.h"

int64_t
pace_batch_ms(const struct pace_in *in)
{
	if (in->since_key_ms >= 0 && in->since_key_ms < PACE_AFTER_KEY_MS)
		return 0;
	if (in->interacting || in->busy || in->log_lines_per_s > PACE_LIVE_LINES_PER_S)
		return 0;
	return PACE_CALM_SLOT_MS;
}
