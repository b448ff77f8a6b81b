/*
 * statuspage_badge.h — the header's word on status-page posts that have
 * not gone through: how many wait, the last failure, when the next try
 * is, or that one was given up. Pure: the caller passes the client's
 * state and the seconds left; the text is ASCII, so its length is its
 * width on screen. A console without a client (read-only) reads the same
 * state from the journal's statuspage.* records (statuspage_journal_fold).
 */
#ifndef WARROOM_STATUSPAGE_BADGE_H
#define WARROOM_STATUSPAGE_BADGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

/* What the badge is made from (struct statuspage_state, read at a time). */
struct statuspage_badge_in {
	int pending;             /* posts queued and not yet through */
	int failed;              /* posts given up since the last that went through */
	bool failing;            /* the first pending post's last try failed */
	long fail_status;        /* that failure's (or the given-up one's) HTTP status; 0: no answer */
	long retry_in_s;         /* seconds to its next try; < 0: trying now */
};

/* The badge, with a space at each end, in the longest wording no wider
 * than max_width, or the shortest when none is: a failing page is never
 * left unsaid. "" when every post went through. Returns its length
 * (dst[cap] always terminated). */
size_t statuspage_badge(const struct statuspage_badge_in *in, int max_width, char *dst,
    size_t cap);

/* What the journal says of the posts: statuspage.queue opens one,
 * statuspage.post or statuspage.failed closes it, statuspage.retry says
 * the head's last try failed and when the next is (as the client's own
 * replay reads them). Zero it to start. */
struct statuspage_journal {
	int queued, closed;      /* posts queued, and those that went through or were given up */
	int failed;              /* given up since the last that went through */
	bool failing;            /* a retry after the last post or failure */
	long fail_status;
	int64_t retry_at_ms;     /* wall clock of the next try, 0: none said */
};

/* Fold one record (its kind, data and wall-clock time) into j; records of
 * other kinds change nothing. */
void statuspage_journal_fold(struct statuspage_journal *j, const char *kind,
    const cJSON *data, int64_t ts_ms);

/* The badge's input from j at wall-clock now_ms. */
void statuspage_journal_badge_in(const struct statuspage_journal *j, int64_t now_ms,
    struct statuspage_badge_in *out);

#endif
