/*
 * statuspage.h — the status-page client on the loop (DESIGN §3.4): posts
 * go through a queue kept in the timeline, so a restart neither loses nor
 * doubles them.
 *
 * Journal records (DESIGN §3.3), op = the queue id:
 *   statuspage.queue  {"queue", "kind", "update": {…}, "requests": [{method, path}]}
 *                     stored before anything is sent (write-ahead)
 *   statuspage.sent   {"queue", "attempt", "try", "action", "status", "method",
 *                     "path", "page_incident"[, "after_read": true]}
 *                     stored before a try's first mutating request leaves
 *                     (try: its how-many-th; after_read: a read of the page
 *                     found it missing after a try with no answer)
 *   statuspage.post   {"queue", "action", "page_incident", "status", "found"
 *                     [, "tries"]} the post reached the page (found: a
 *                     create whose incident was already there, so nothing
 *                     was created; with "reconciled": true, "first_sent_ms",
 *                     "page_created_at", "page_created_ms", "detail": an
 *                     update found on the page after a try with no answer,
 *                     not sent again — "in_session": true and
 *                     "last_sent_ms" when that try was this console's)
 *   statuspage.retry  {"queue", "attempt", "error", "http_status", "retry_ms"
 *                     [, "sent", "read_back"]}: sent, for a try's first
 *                     request, whether its bytes went out; read_back: it
 *                     may be on the page, so the page is read before any
 *                     other try
 *   statuspage.failed {"queue", "action", "error", "http_status"}: given up;
 *                     with "unknown": true, "reconciled": true,
 *                     "first_sent_ms", "detail": an update that could not be
 *                     found on the page after a try with no answer (or the
 *                     page not read), not sent again ("in_session" as above)
 *                     with "superseded": true, "page_incident",
 *                     "page_status": a create that never reached the page,
 *                     whose incident another post created at a later stage:
 *                     not sent, it would set the status back (not counted
 *                     as a failure)
 *   statuspage.takeover {"queue", "from_session", "from_actor", "status"}: a post
 *                     another console left pending, taken over by this one
 *                     (its console no longer runs); it sends it from now
 *   statuspage.check  {"ok", "http_status", "error" or "detail"} (op null):
 *                     the read at start (statuspage_check) failed, or worked
 *                     after failing
 * A post record may carry "as_update": true and "detail": a create whose
 * incident another post made meanwhile, sent as an update of it.
 *
 * On open, a queue record with neither post nor failed is pending
 * (statuspage_resume_decide): a create is looked up on the page first; a
 * post no try of which may have reached the page (none sent, or each
 * answered or never connected), or whose request is a PUT, is sent; any
 * other is read back from the incident's updates (statuspage_req_updates)
 * and ends posted when the page lists it, else UNKNOWN — never sent again
 * by itself, since a second PATCH is a second public update. A pending
 * post whose console still runs (its .live byte held) is left to that
 * console; one whose console is gone is taken over (statuspage_adopt, a
 * statuspage.takeover record). A create is "found" only when the page's
 * incident holds its own text and status (statuspage_req_find_create):
 * our incident made by another post supersedes it — sent as an update,
 * or not at all when it would set the status back.
 *
 * The running console keeps the rule: a try of an update or resolve (a
 * PATCH or POST) that left and got no answer (a timeout, a reset after
 * sending) is read back before anything else is sent
 * (statuspage_retry_decide): listed, it is posted; the page answering
 * without it, it is sent again; the page out of reach, the read is tried
 * again with the backoff and, given up, the post is UNKNOWN
 * (statuspage_read_decide). A try refused or unanswered before it left
 * (connection refused, DNS, a 429 or 5xx answer) is simply retried.
 *
 * Sending: https only, except to loopback (127.0.0.0/8, ::1, localhost);
 * the token (token_env or a 0600 token_file) goes only into the auth
 * header and is registered with the redactor. At most one request per
 * min_interval_ms (1 s: the page's limit per token). 420/429 wait for
 * Retry-After (or the backoff); 5xx, 3xx (never followed), timeouts and
 * connection errors back off exponentially with jitter; any other 4xx
 * gives up. In read-only mode nothing is sent and posts are refused.
 */
#ifndef WARROOM_STATUSPAGE_H
#define WARROOM_STATUSPAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "warroom/config.h"
#include "warroom/statuspage_badge.h"
#include "warroom/statuspage_req.h"
#include "warroom/util.h"

struct loop;
struct http_client;
struct timeline;
struct redactor;
struct statuspage;

#define STATUSPAGE_QUEUE_ID_MAX 48

/* Tunables; zero fields take the defaults shown. */
struct statuspage_opts {
	int64_t min_interval_ms;         /* 1000: rate limit per token */
	int64_t backoff_base_ms;         /* 1000: first retry delay */
	int64_t backoff_cap_ms;          /* 60000: longest retry delay */
	long timeout_ms;                 /* 10000: per request */
	int max_attempts;                /* 10: then statuspage.failed */
};

/* What the header and the actions show. */
struct statuspage_state {
	char page_incident[STATUSPAGE_ID_MAX];   /* "" until known */
	char page_status[32];                    /* last status the page confirmed */
	int64_t page_status_ms;                  /* wall clock of the post that set it;
	                                            0: not known (read from the page) */
	int pending;                             /* queued posts not yet done */
	char last_error[WR_ERR_MAX];             /* "" after a success */
	bool failing;                            /* the first pending post's last try failed */
	long fail_status;                        /* the last failure's HTTP status; 0: no answer */
	char fail_cause[80];                     /* … and then why (netcause_words) */
	int64_t retry_at_ms;                     /* loop clock of its next try; 0: none waiting */
	int failed;                              /* posts given up since the last that went
	                                            through (this session and the journal's) */
	int unknown;                             /* … of them, replayed ones left UNKNOWN */
	enum statuspage_check check;             /* the read at start, until a post goes through */
	long check_status;                       /* its answer's HTTP status; 0: none */
	char check_words[96];                    /* what it found (statuspage_check_words) */
	int taken;                               /* pending posts taken over from another
	                                            console (statuspage_adopt) */
	char taken_from[64];                     /* … the last one's console, user@machine */
};

/* How one post ended; passed to the completion callback. */
struct statuspage_result {
	bool check;                      /* the read at start, not a post: ok, or error */
	bool recovered;                  /* check: ok after it failed (not its first answer) */
	char queue[STATUSPAGE_QUEUE_ID_MAX];
	enum statuspage_action action;
	bool ok;
	bool found;                      /* a create answered by the lookup, or a
	                                    replayed update found on the page */
	bool superseded;                 /* a create not sent: another post made the
	                                    incident at a later stage (error: the words) */
	bool as_update;                  /* a create sent as an update of the incident
	                                    another post made (error: the words) */
	bool reconciled;                 /* after a try that may have landed: read back,
	                                    not sent (ok: found; else UNKNOWN) */
	bool in_session;                 /* reconciled: that try was this console's, not
	                                    one from before a restart */
	int64_t first_sent_ms;           /* reconciled: wall clock of its first try */
	int64_t page_created_ms;         /* found: when the page says it was created; 0 */
	long http_status;                /* the last answer's status, 0 if none */
	char page_incident[STATUSPAGE_ID_MAX];
	char page_status[32];
	char error[WR_ERR_MAX];
};

typedef void (*statuspage_done_fn)(const struct statuspage_result *r, void *arg);

/* A client for cfg's page and our incident: reads the token, checks the
 * URL, replays the journal and starts sending any pending posts. NULL with
 * err when the page cannot be used. red, tl, http and loop must outlive it. */
struct statuspage *statuspage_new(struct loop *loop, struct http_client *http,
    struct timeline *tl, struct redactor *red, const struct config_statuspage *cfg,
    const char *our_id, struct wr_err *err);

/* Change the tunables (before posting; tests shorten the delays). */
void statuspage_set_opts(struct statuspage *sp, const struct statuspage_opts *o);

/* Called once per post when it is sent or given up (from the loop), and
 * when the check's outcome changes (result.check). */
void statuspage_set_callback(struct statuspage *sp, statuspage_done_fn fn, void *arg);

/* Read the page once before any post (statuspage_req_check: a GET), so a
 * wrong token, page id or url is found at start, not at the first post:
 * its outcome goes to the state and the callback, and to the journal when
 * it failed (or works again after failing). A page out of reach (no
 * answer, 5xx, 429) is read again with the backoff until it answers or a
 * post goes through. Nothing is sent in read-only mode. */
void statuspage_check(struct statuspage *sp);

/* Store u in the journal and queue it (u->our_id is the client's; page_id
 * may be "": the last known one is used); the queue id goes to queue_id.
 * step (NULL or "": none) is the runbook step x posted it from (section: a
 * section's id), named in the record for the post-mortem and the row's
 * mark, with code (runbook_work_code, or NULL): what the step held then, so
 * a step edited since is told apart. -1 with err (nothing stored, nothing
 * sent) in read-only mode, when the journal refuses the record, or when u
 * cannot be expressed. */
int statuspage_post(struct statuspage *sp, const struct statuspage_update *u,
    const char *step, bool section, const char *code,
    char queue_id[STATUSPAGE_QUEUE_ID_MAX], struct wr_err *err);

/* Take over the posts another console left pending, as the journal has
 * them, when that console no longer runs (never one it still sends), and
 * learn the page's incident from a newer post of another console; the
 * taken posts go after ours, each journalled (statuspage.takeover). Called
 * when the console arms and before it posts. Returns how many were taken,
 * 0 in read-only mode, -1 with err when the journal cannot be read. */
int statuspage_adopt(struct statuspage *sp, struct wr_err *err);

/* This console's queued posts now, counted as the header counts them
 * (statuspage_left_add; state.pending is its pending): what a quit
 * leaves, as the next writing console will read the journal (replay):
 * unsent, sent by it; maybe, a try of which left with no answer (the one
 * out now too), looked for on the page first (statuspage_resume_decide);
 * answered, of unsent, those answered 2xx with no incident, the first's
 * own error text ("" none) into why. unsent, maybe and answered are 0 in
 * read-only mode, where nothing is sent. */
void statuspage_left(const struct statuspage *sp, struct statuspage_left *l, char *why,
    size_t cap);

/* Last known page incident and status, pending posts, last error. */
const struct statuspage_state *statuspage_state(const struct statuspage *sp);

/* Stop timers and forget the queue (the journal keeps it); in-flight
 * requests are the http client's to abort. */
void statuspage_free(struct statuspage *sp);

#endif
