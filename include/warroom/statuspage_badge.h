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

/* What the console's read of the page at start (statuspage_check) found:
 * nothing yet, the page and token answered, the page refused them (a
 * wrong token or page id: posts will fail too), or it could not be
 * reached (no answer, 5xx, rate limited: tried again). */
enum statuspage_check {
	STATUSPAGE_CHECK_NONE,
	STATUSPAGE_CHECK_OK,
	STATUSPAGE_CHECK_REFUSED,
	STATUSPAGE_CHECK_UNREACHED,
};

/* What the badge is made from (struct statuspage_state, read at a time). */
struct statuspage_badge_in {
	int pending;             /* posts queued and not yet through */
	int failed;              /* posts given up since the last that went through */
	int unknown;             /* … of them, replayed after a restart and not found on
	                            the page: UNKNOWN, not FAILED */
	bool failing;            /* the first pending post's last try failed */
	long fail_status;        /* that failure's (or the given-up one's) HTTP status; 0: no answer */
	long retry_in_s;         /* seconds to its next try; < 0: trying now */
	char cause[80];          /* fail_status 0: why there was no answer (netcause_words),
	                            "" to say "no answer" */
	enum statuspage_check check;  /* the read at start, until a post goes through */
	long check_status;       /* its HTTP status; 0: no answer */
	char check_words[96];    /* what it found (statuspage_check_words) */
	int gone;                /* of pending, posts whose console is gone: no one
	                            sends them until a writing console takes them over */
	char gone_actor[64];     /* the first such post's console, user@machine */
	bool gone_quit;          /* … which quit (a shutdown record), not killed */
	char gone_next[48];      /* who sends them: "the next writing console sends it" */
};

/* One queued post of this console, as its count reads it. */
struct statuspage_left_item {
	bool maybe_sent;         /* some try of it may have reached the page */
	bool try_open;           /* its last try is out, with no outcome yet */
	bool answered;           /* its last try was answered 2xx without an incident */
};

/* This console's queued posts, counted once (statuspage_left_add) for
 * both the header's "N pending" and q's question, so the two never
 * disagree: pending == unsent + maybe. */
struct statuspage_left {
	int pending;             /* every queued post not yet through */
	int unsent;              /* … no try of which may be on the page: the next
	                            writing console sends them */
	int maybe;               /* … a try of which may be (one out now too): the
	                            next writing console looks for them first */
	int answered;            /* of unsent, answered 2xx without an incident */
};

/* Count one queued post into l (zeroed first by the caller). A try out
 * now counts as maybe sent, as a restart's replay would read it. */
void statuspage_left_add(struct statuspage_left *l, const struct statuspage_left_item *it);

/* A check's answer (HTTP status, 0 for none) as an outcome: 2xx OK; no
 * answer, 5xx and 420/429 UNREACHED (worth trying again); any other
 * status REFUSED (the token, the page id or the url is wrong). */
enum statuspage_check statuspage_check_outcome(long status);

/* Whether a check's outcome going from was to now is a recovery worth
 * saying ("reachable again"): OK after a refusal or no answer; a first
 * good answer is the normal case, not news. */
bool statuspage_check_recovered(enum statuspage_check was, enum statuspage_check now);

/* What a check's answer means, in a few words: "token refused (HTTP
 * 401)", "page not found (HTTP 404)", "HTTP 503", or for no answer the
 * cause ("cannot resolve status-api.invalid"). Returns the length. */
size_t statuspage_check_words(long status, const char *cause, char *dst, size_t cap);

/* Whether in is trouble (drawn as such): a post failing or given up, or a
 * check that did not reach or was refused by the page. */
bool statuspage_badge_trouble(const struct statuspage_badge_in *in);

/* The badge, with a space at each end, in the longest wording no wider
 * than max_width, or the shortest when none is: a failing page is never
 * left unsaid. "" when every post went through and the check found
 * nothing wrong. Returns its length (dst[cap] always terminated). */
size_t statuspage_badge(const struct statuspage_badge_in *in, int max_width, char *dst,
    size_t cap);

/* A pending post and the console that sends it: the session of the last
 * statuspage.* record naming it (statuspage.takeover moves it). */
struct statuspage_owner {
	char queue[48];
	uint64_t session;        /* 0: not said (an older journal) */
	char actor[64];
	bool quit;               /* that session's shutdown record came after */
};

#define STATUSPAGE_OWNERS 16

/* What the journal says of the posts: statuspage.queue opens one,
 * statuspage.post or statuspage.failed closes it, statuspage.retry says
 * the head's last try failed and when the next is (as the client's own
 * replay reads them); statuspage.check is the read at start. Zero it to
 * start. */
struct statuspage_journal {
	int queued, closed;      /* posts queued, and those that went through or were given up */
	int failed;              /* given up since the last that went through */
	int unknown;             /* … of them UNKNOWN (statuspage.failed with unknown) */
	bool failing;            /* a retry after the last post or failure */
	long fail_status;
	char cause[80];          /* fail_status 0: why, from the record's error */
	int64_t retry_at_ms;     /* wall clock of the next try, 0: none said */
	enum statuspage_check check;
	long check_status;
	char check_words[96];
	struct statuspage_owner open[STATUSPAGE_OWNERS];   /* pending posts' consoles
	                                                    (statuspage_journal_note) */
	int nopen;
};

/* Fold one record (its kind, data and wall-clock time) into j; records of
 * other kinds change nothing. */
void statuspage_journal_fold(struct statuspage_journal *j, const char *kind,
    const cJSON *data, int64_t ts_ms);

/* Who sends each pending post (j->open): a record's kind, op (the queue
 * id), session and actor; a "shutdown" record marks its session's posts
 * as left by a console that quit. Records of other kinds change nothing. */
void statuspage_journal_note(struct statuspage_journal *j, const char *kind, const char *op,
    uint64_t session, const char *actor);

/* Whether the console of session still runs: 1 yes, 0 gone, -1 not known. */
typedef int (*statuspage_alive_fn)(uint64_t session, void *arg);

/* The pending posts of j not sent by session ours (0 for a watcher):
 * returned, and into out, those whose console alive says is gone (gone,
 * gone_actor, gone_quit; next: gone_next's words, who sends them). */
int statuspage_journal_others(const struct statuspage_journal *j, uint64_t ours,
    statuspage_alive_fn alive, void *arg, const char *next, struct statuspage_badge_in *out);

/* The badge's input from j at wall-clock now_ms. */
void statuspage_journal_badge_in(const struct statuspage_journal *j, int64_t now_ms,
    struct statuspage_badge_in *out);

/* What E says while the public incident is not resolved (page_status,
 * the last status the page confirmed; "" or NULL: none posted): "the
 * status page still says monitoring: S resolved first, or it stays
 * public" into buf; "" when nothing is public or it says resolved.
 * after: the words for once the incident is resolved (the console then
 * disarmed): what to do to post resolved. Returns whether it said it. */
bool statuspage_open_words(const char *page_status, bool after, char *buf, size_t cap);

#endif
