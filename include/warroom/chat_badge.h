/*
 * chat_badge.h — the header's word on chat announcements that did not go
 * through: one given up (the webhook refused it, or gave up after its
 * retries), one whose outcome is UNKNOWN (no answer after sending), or one
 * being retried now. Read from the journal's chat.* records, so a console
 * that announces and one that only watches show the same; it stays until
 * a later announcement goes through. Pure; the text is ASCII.
 */
#ifndef WARROOM_CHAT_BADGE_H
#define WARROOM_CHAT_BADGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

/* What the journal says of the announcements. Zero it to start. */
struct chat_journal {
	int announced, closed;   /* chat.announce records, and those ended */
	int failed;              /* given up since the last that went through */
	int unknown;             /* ended UNKNOWN since then (may be in the channel) */
	bool failing;            /* a retry after the last end */
	long fail_status;        /* the last failure's HTTP status; 0: no answer */
	char why[96];            /* … in a few words ("HTTP 404", "cannot resolve x") */
	int64_t retry_at_ms;     /* wall clock of the next try, 0: none said */
};

/* Fold one record (its kind, data and wall-clock time) into j: chat.announce
 * opens one, chat.post closes it and clears the failures, chat.failed
 * closes it as failed or unknown, chat.retry says it is being retried.
 * Records of other kinds change nothing. */
void chat_journal_fold(struct chat_journal *j, const char *kind, const cJSON *data,
    int64_t ts_ms);

/* The badge at wall-clock now_ms, with a space at each end, in the longest
 * wording no wider than max_width (the shortest when none is); "" when
 * nothing failed. Returns its length (dst always terminated). */
size_t chat_badge(const struct chat_journal *j, int64_t now_ms, int max_width, char *dst,
    size_t cap);

#endif
