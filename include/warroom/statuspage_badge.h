/*
 * statuspage_badge.h — the header's word on status-page posts that have
 * not gone through: how many wait, the last failure, when the next try
 * is, or that one was given up. Pure: the caller passes the client's
 * state and the seconds left; the text is ASCII, so its length is its
 * width on screen.
 */
#ifndef WARROOM_STATUSPAGE_BADGE_H
#define WARROOM_STATUSPAGE_BADGE_H

#include <stdbool.h>
#include <stddef.h>

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

#endif
