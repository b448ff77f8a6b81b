/*
 * statuspage.c — the status-page client: a write-ahead queue in the
 * timeline, sent one request at a time through http.c (statuspage.h has
 * the records and the retry rules; statuspage_req.c builds the bytes).
 *
 * One post is in flight at a time and posts go in order, so an update
 * never overtakes the create that gives it the page's incident id. A
 * create that might have reached the page (replayed from the journal, or
 * retried after an answer we did not get) first looks our incident up, so
 * the page never gets it twice. Each try's first mutating request is
 * journalled (statuspage.sent) before it leaves, so a restart knows an
 * update that may be on the page from one never sent: the first is read
 * back from the page's updates (reconcile), never sent blindly again. The
 * running console keeps the same rule: a retry of an update or resolve
 * whose try left and got no answer reads the page first too.
 */
#include "warroom/statuspage.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "warroom/config_files.h"
#include "warroom/http.h"
#include "warroom/loop.h"
#include "warroom/netcause.h"
#include "warroom/redact.h"
#include "warroom/sanitize.h"
#include "warroom/timeline.h"

#define TOKEN_MAX 512

enum phase {
	PHASE_START,             /* decide: look up first, or build the requests */
	PHASE_LOOKUP,            /* GET the incident list */
	PHASE_SEND,              /* reqs.v[idx] */
	PHASE_RECONCILE,         /* GET the incident's updates */
};

struct sp_item {
	char queue[STATUSPAGE_QUEUE_ID_MAX];
	struct statuspage_update u;
	bool lookup_first;       /* a create that may already be on the page */
	bool found;
	bool reconcile;          /* a try may have landed: read the page before any other */
	bool in_session;         /* … and that try was this console's (not replayed) */
	bool reconciled;         /* … and the page was read (found, or UNKNOWN) */
	bool resend;             /* the read found the page without it: the next try says so */
	int sends;               /* tries of it that left (the journal's before a restart too) */
	/* As a restart reads the journal (replay_try), kept by the running
	 * console too, so a quit can say what the next console does with it. */
	bool try_open;           /* its last statuspage.sent has no outcome yet */
	bool maybe_sent;         /* some try may have reached the page */
	char first_method[8];    /* its first try's method */
	char sent_page[STATUSPAGE_ID_MAX];  /* the page incident that try went to */
	int64_t first_sent_ms;   /* wall clock of its first statuspage.sent; 0: none */
	int64_t last_sent_ms;    /* … and of its last try */
	char page_created[40];   /* reconciled: the update's time as the page wrote it */
	int64_t page_created_ms;
	int skip;                /* posts of the same text and status already posted */
	uint64_t owner;          /* session of the console its last record came from */
	char owner_actor[64];    /* … and who that console writes as */
	bool taken;              /* taken over from another console's session */
	long last_http;          /* its last failed try's HTTP status; 0: none or no answer */
	bool answered;           /* its last try was answered 2xx without an incident */
	char answered_said[STATUSPAGE_SAID_MAX]; /* … the page's own words, or "" */
	bool superseded;         /* a create not sent: it would set the status back */
	bool as_update;          /* a create whose incident another post made: sent as
	                            an update of it (note says so) */
	char note[WR_ERR_MAX];
	int attempts;
	enum phase phase;
	struct statuspage_reqs reqs;
	size_t idx;
	struct sp_item *next;
};

struct statuspage {
	struct loop *loop;
	struct http_client *http;
	struct timeline *tl;
	enum statuspage_kind kind;
	char url[WR_URL_MAX];
	char auth[TOKEN_MAX + 64];       /* the header line with the token */
	char our_id[STATUSPAGE_ID_MAX];
	struct statuspage_opts opts;
	struct statuspage_state state;
	struct sp_item *head, *tail;
	bool in_flight;                  /* a request is out */
	bool check_wanted;               /* the check goes before the next post */
	bool checking;                   /* the request out is the check */
	int check_attempts;              /* checks that could not reach the page */
	uint64_t check_timer;            /* the next check, while out of reach */
	uint64_t serial;                 /* names this client to http callbacks */
	struct statuspage *next_live;
	uint64_t timer;
	int64_t next_send_ms;            /* rate limit: not before this */
	uint64_t rng;
	struct posted *posted;           /* updates on the page, for a read's skip */
	size_t nposted;
	char created_status[32];         /* the post that created the page's incident */
	int64_t created_ms;              /* … when the journal recorded it; 0: not known */
	statuspage_done_fn done;
	void *done_arg;
};

static void kick(struct statuspage *sp);

/* A post the journal has on the page: its status and text, so a
 * reconciled one is not taken for an earlier post of the same words. */
struct posted {
	enum statuspage_status status;
	char *body;
};

static void
posted_add(struct statuspage *sp, const struct statuspage_update *u)
{
	if (u->action == STATUSPAGE_CREATE)
		return;
	sp->posted = xrealloc(sp->posted, (sp->nposted + 1) * sizeof(*sp->posted));
	sp->posted[sp->nposted].status = u->status;
	sp->posted[sp->nposted++].body = xstrdup(u->body);
}

/* Posts of u's status and text the page already has: so many matches
 * are earlier posts, not u. */
static int
posted_same(const struct statuspage *sp, const struct statuspage_update *u)
{
	size_t i;
	int n = 0;

	for (i = 0; i < sp->nposted; i++)
		if (sp->posted[i].status == u->status && strcmp(sp->posted[i].body, u->body) == 0)
			n++;
	return n;
}

/* Live clients: http has no cancel, so a request's callback names its
 * client by serial and finds nothing once the client has been freed. */
static struct statuspage *live;
static uint64_t last_serial;

static struct statuspage *
find_live(uint64_t serial)
{
	struct statuspage *sp;

	for (sp = live; sp != NULL; sp = sp->next_live)
		if (sp->serial == serial)
			return sp;
	return NULL;
}

static const struct statuspage_opts default_opts = {
	.min_interval_ms = 1000,
	.backoff_base_ms = 1000,
	.backoff_cap_ms = 60000,
	.timeout_ms = 10000,
	.max_attempts = 10,
};

static uint64_t
rng_next(struct statuspage *sp)
{
	/* xorshift64*: jitter only, nothing secret. */
	sp->rng ^= sp->rng >> 12;
	sp->rng ^= sp->rng << 25;
	sp->rng ^= sp->rng >> 27;
	return sp->rng * 0x2545F4914F6CDD1DULL;
}

/* The URL is shown in the error: a status page's URL is no secret. */
static int
status_url_ok(const char *url, struct wr_err *err)
{
	char what[WR_URL_MAX + 32];

	snprintf(what, sizeof(what), "status page url %s", url);
	return http_url_check_secure(url, what, err);
}


/* How a queued post went: kept while the journal cannot be written, so
 * a post that went out is never sent again after a restart for want of
 * its record. */
static void
append(struct statuspage *sp, const char *kind, const char *queue, cJSON *data)
{
	struct wr_err err;

	if (timeline_append_keep(sp->tl, kind, NULL, queue, data, &err) < 0)
		snprintf(sp->state.last_error, sizeof(sp->state.last_error),
		    "journal: %s record not stored: %.400s", kind, err.msg);
}

/* The queue counted by the one rule the header and q's question share
 * (statuspage_left_add); the first answered post's words into why. */
static void
tally(const struct statuspage *sp, struct statuspage_left *l, char *why, size_t cap)
{
	const struct sp_item *it;

	memset(l, 0, sizeof(*l));
	if (cap > 0)
		why[0] = '\0';
	for (it = sp->head; it != NULL; it = it->next) {
		struct statuspage_left_item one = { .maybe_sent = it->maybe_sent,
			.try_open = it->try_open, .answered = it->answered };
		int before = l->answered;

		statuspage_left_add(l, &one);
		if (before == 0 && l->answered == 1 && cap > 0)
			wr_strlcpy(why, it->answered_said, cap);
	}
}

static void
count_pending(struct statuspage *sp)
{
	struct statuspage_left l;
	struct sp_item *it;

	sp->state.taken = 0;
	for (it = sp->head; it != NULL; it = it->next)
		if (it->taken) {
			sp->state.taken++;
			wr_strlcpy(sp->state.taken_from, it->owner_actor,
			    sizeof(sp->state.taken_from));
		}
	tally(sp, &l, NULL, 0);
	sp->state.pending = l.pending;
}

static void
enqueue(struct statuspage *sp, struct sp_item *it)
{
	if (sp->tail != NULL)
		sp->tail->next = it;
	else
		sp->head = it;
	sp->tail = it;
	count_pending(sp);
}

static void
pop_and_report(struct statuspage *sp, bool ok, long http_status, const char *error)
{
	struct sp_item *it = sp->head;
	struct statuspage_result r;

	memset(&r, 0, sizeof(r));
	wr_strlcpy(r.queue, it->queue, sizeof(r.queue));
	r.action = it->u.action;
	r.ok = ok;
	r.found = it->found;
	r.as_update = it->as_update;
	r.superseded = it->superseded;
	r.reconciled = it->reconciled;
	r.in_session = it->reconciled && it->in_session;
	r.first_sent_ms = it->first_sent_ms;
	r.page_created_ms = it->page_created_ms;
	r.http_status = http_status;
	wr_strlcpy(r.page_incident, sp->state.page_incident, sizeof(r.page_incident));
	wr_strlcpy(r.page_status, sp->state.page_status, sizeof(r.page_status));
	if (error != NULL)
		wr_strlcpy(r.error, error, sizeof(r.error));
	else if (it->as_update)
		wr_strlcpy(r.error, it->note, sizeof(r.error));
	sp->head = it->next;
	if (sp->head == NULL)
		sp->tail = NULL;
	sp->state.failing = false;       /* the next post has not failed yet */
	sp->state.retry_at_ms = 0;
	statuspage_reqs_free(&it->reqs);
	free(it);
	count_pending(sp);
	if (sp->done != NULL)
		sp->done(&r, sp->done_arg);
}

/* What a post read back from the page records (found: with the page's
 * time of it): that it was, when it was first sent, and why it was not
 * sent again — in_session's words for a try of this console, else a
 * restart's — then tail. */
static void
readback_fields(cJSON *d, const struct sp_item *it, bool found, const char *in_session,
    const char *tail)
{
	char detail[200];

	cJSON_AddBoolToObject(d, "reconciled", true);
	cJSON_AddNumberToObject(d, "first_sent_ms", (double)it->first_sent_ms);
	if (found) {
		cJSON_AddStringToObject(d, "page_created_at", it->page_created);
		cJSON_AddNumberToObject(d, "page_created_ms", (double)it->page_created_ms);
	}
	if (it->in_session) {
		cJSON_AddBoolToObject(d, "in_session", true);
		cJSON_AddNumberToObject(d, "last_sent_ms", (double)it->last_sent_ms);
	}
	snprintf(detail, sizeof(detail), "%s%s", it->in_session ? in_session :
	    "sent before a restart with no answer recorded", tail);
	cJSON_AddStringToObject(d, "detail", detail);
}

static void
item_done(struct statuspage *sp, long http_status)
{
	struct sp_item *it = sp->head;
	cJSON *d = cJSON_CreateObject();

	cJSON_AddStringToObject(d, "queue", it->queue);
	cJSON_AddStringToObject(d, "action", statuspage_action_name(it->u.action));
	cJSON_AddStringToObject(d, "page_incident", sp->state.page_incident);
	cJSON_AddStringToObject(d, "status", sp->state.page_status);
	cJSON_AddBoolToObject(d, "found", it->found);
	if (it->sends > 1)
		cJSON_AddNumberToObject(d, "tries", it->sends);
	if (it->as_update) {
		cJSON_AddBoolToObject(d, "as_update", true);
		cJSON_AddStringToObject(d, "detail", it->note);
	}
	if (it->u.action == STATUSPAGE_CREATE && !it->found) {
		wr_strlcpy(sp->created_status, sp->state.page_status, sizeof(sp->created_status));
		sp->created_ms = loop_wall_ms();
	}
	if (it->reconciled)
		readback_fields(d, it, true, "its try got no answer",
		    "; found on the page, not sent again");
	posted_add(sp, &it->u);
	sp->state.page_status_ms = loop_wall_ms();
	sp->state.last_error[0] = '\0';
	sp->state.failed = sp->state.unknown = 0;   /* the page now says what was posted last */
	sp->state.check = STATUSPAGE_CHECK_OK;   /* and it took the token */
	if (sp->check_timer != 0) {
		loop_timer_cancel(sp->loop, sp->check_timer);
		sp->check_timer = 0;
	}
	append(sp, "statuspage.post", it->queue, d);
	pop_and_report(sp, true, http_status, NULL);
}

static void
item_failed(struct statuspage *sp, long http_status, const char *why)
{
	struct sp_item *it = sp->head;
	cJSON *d = cJSON_CreateObject();

	snprintf(sp->state.last_error, sizeof(sp->state.last_error), "status page %s: %.400s",
	    statuspage_action_name(it->u.action), why);
	sp->state.failed++;
	sp->state.fail_status = http_status;
	netcause_words(http_status == 0 ? why : "", sp->state.fail_cause,
	    sizeof(sp->state.fail_cause));
	cJSON_AddStringToObject(d, "queue", it->queue);
	cJSON_AddStringToObject(d, "action", statuspage_action_name(it->u.action));
	cJSON_AddStringToObject(d, "error", why);
	cJSON_AddNumberToObject(d, "http_status", (double)http_status);
	append(sp, "statuspage.failed", it->queue, d);
	pop_and_report(sp, false, http_status, why);
}

/* A create that never reached the page and whose incident another post
 * created since, at a later stage: not sent, as it would set the page's
 * status back (statuspage_create_superseded). Closed, not a failure. */
static void
item_superseded(struct statuspage *sp, const char *page_id, const char *page_status)
{
	struct sp_item *it = sp->head;
	cJSON *d = cJSON_CreateObject();
	char words[WR_ERR_MAX];

	statuspage_superseded_words(it->u.status, it->sends > 0 || it->attempts > 0,
	    it->last_http, sp->created_status, sp->created_ms, page_status, words,
	    sizeof(words));
	cJSON_AddStringToObject(d, "queue", it->queue);
	cJSON_AddStringToObject(d, "action", statuspage_action_name(it->u.action));
	cJSON_AddStringToObject(d, "error", words);
	cJSON_AddNumberToObject(d, "http_status", (double)it->last_http);
	cJSON_AddBoolToObject(d, "superseded", true);
	cJSON_AddStringToObject(d, "page_incident", page_id);
	cJSON_AddStringToObject(d, "page_status", page_status);
	append(sp, "statuspage.failed", it->queue, d);
	it->superseded = true;
	pop_and_report(sp, false, it->last_http, words);
}

/* "monitoring update", "resolve": what the engineer would post again. */
static const char *
post_name(const struct statuspage_update *u, char *buf, size_t cap)
{
	if (u->action == STATUSPAGE_RESOLVE)
		snprintf(buf, cap, "resolve");
	else
		snprintf(buf, cap, "%s %s", statuspage_status_name(u->status),
		    statuspage_action_name(u->action));
	return buf;
}

/* A replayed post the page could not be shown to hold: never sent again
 * (a second PATCH is a second update customers read), ended UNKNOWN so
 * the engineer decides. */
static void
item_unknown(struct statuspage *sp, long http_status, const char *why)
{
	struct sp_item *it = sp->head;
	cJSON *d = cJSON_CreateObject();
	char what[64], when[16] = "?", msg[WR_ERR_MAX];
	time_t t = (time_t)(it->first_sent_ms / 1000);
	struct tm tm;

	if (it->in_session)
		t = (time_t)(it->last_sent_ms / 1000);
	if (t > 0 && gmtime_r(&t, &tm) != NULL)
		strftime(when, sizeof(when), "%H:%M:%S", &tm);
	if (it->in_session)
		snprintf(msg, sizeof(msg), "%s may have been posted (sent %s UTC, no answer; the "
		    "page could not be read back: %.300s): not sent again; S sends it again",
		    post_name(&it->u, what, sizeof(what)), when, why);
	else
		snprintf(msg, sizeof(msg), "%s may not have been posted (sent %s UTC before a "
		    "restart, no answer recorded; %.300s): S sends it again",
		    post_name(&it->u, what, sizeof(what)), when, why);
	snprintf(sp->state.last_error, sizeof(sp->state.last_error), "status page: %.480s", msg);
	sp->state.failed++;
	sp->state.unknown++;
	sp->state.fail_status = http_status;
	sp->state.fail_cause[0] = '\0';
	cJSON_AddStringToObject(d, "queue", it->queue);
	cJSON_AddStringToObject(d, "action", statuspage_action_name(it->u.action));
	cJSON_AddStringToObject(d, "error", msg);
	cJSON_AddNumberToObject(d, "http_status", (double)http_status);
	cJSON_AddBoolToObject(d, "unknown", true);
	readback_fields(d, it, false, "its try got no answer and the page could not be read back",
	    "; not sent again");
	append(sp, "statuspage.failed", it->queue, d);
	it->reconciled = true;           /* read back (or tried to), not sent */
	pop_and_report(sp, false, http_status, msg);
}

static void
on_timer(void *arg)
{
	struct statuspage *sp = arg;

	sp->timer = 0;
	sp->state.retry_at_ms = 0;
	kick(sp);
}

/* A retryable failure: wait (Retry-After as the page said it, bounded, or
 * exponential backoff with jitter), or give up after max_attempts. left:
 * the request's bytes went out (statuspage_try_maybe_applied). A try of
 * an update or resolve that may have reached the page is read back
 * before anything is sent again (statuspage_retry_decide). */
static void
item_retry(struct statuspage *sp, long http_status, long retry_after_s, const char *why,
    bool left)
{
	struct sp_item *it = sp->head;
	bool first = it->phase == PHASE_SEND && it->idx == 0, maybe = false;
	int64_t delay;
	cJSON *d;

	if (first && it->reqs.n > 0 &&
	    (maybe = statuspage_try_maybe_applied(http_status, left ? 1 : 0, why)) &&
	    statuspage_retry_decide(it->u.action, true, it->reqs.v[0].method) ==
	    STATUSPAGE_RESUME_RECONCILE) {
		it->reconcile = it->in_session = true;
		it->skip = posted_same(sp, &it->u);
	}
	/* As replay_try reads the retry record below ("sent" only on a
	 * first request's). */
	if (it->try_open && statuspage_try_maybe_applied(http_status, first ? left : -1, why))
		it->maybe_sent = true;
	it->try_open = false;
	it->last_http = http_status;
	if (++it->attempts >= sp->opts.max_attempts) {
		char msg[WR_ERR_MAX];

		snprintf(msg, sizeof(msg), "gave up after %d attempts: %.400s", it->attempts, why);
		if (it->reconcile)
			item_unknown(sp, http_status, msg);
		else
			item_failed(sp, http_status, msg);
		return;
	}
	delay = statuspage_retry_delay_ms(it->attempts, retry_after_s, sp->opts.backoff_base_ms,
	    sp->opts.backoff_cap_ms, rng_next(sp));
	/* A create whose answer we did not read may have landed: look first. */
	if (it->u.action == STATUSPAGE_CREATE && it->phase == PHASE_SEND && it->idx == 0)
		it->lookup_first = true;
	if (it->phase != PHASE_SEND || it->idx == 0) {
		statuspage_reqs_free(&it->reqs);
		it->phase = PHASE_START;
	}
	snprintf(sp->state.last_error, sizeof(sp->state.last_error),
	    "status page %s: %.400s (attempt %d, retry in %" PRId64 " ms)",
	    statuspage_action_name(it->u.action), why, it->attempts, delay);
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "queue", it->queue);
	cJSON_AddNumberToObject(d, "attempt", it->attempts);
	cJSON_AddStringToObject(d, "error", why);
	cJSON_AddNumberToObject(d, "http_status", (double)http_status);
	cJSON_AddNumberToObject(d, "retry_ms", (double)delay);
	/* Whether this try may be on the page: a restart reads the record. */
	if (first)
		cJSON_AddBoolToObject(d, "sent", left);
	if (it->reconcile && it->in_session && maybe)
		cJSON_AddBoolToObject(d, "read_back", true);
	append(sp, "statuspage.retry", it->queue, d);
	sp->state.failing = true;
	sp->state.fail_status = http_status;
	netcause_words(http_status == 0 ? why : "", sp->state.fail_cause,
	    sizeof(sp->state.fail_cause));
	sp->state.retry_at_ms = loop_now_ms() + delay;
	sp->timer = loop_timer_add(sp->loop, delay, 0, on_timer, sp);
}

static void
on_lookup_answer(struct statuspage *sp, const struct http_response *r)
{
	struct sp_item *it = sp->head;
	char id[STATUSPAGE_ID_MAX], status[32];
	struct wr_err err;
	int f;

	f = statuspage_req_find(sp->kind, r->body, r->len, sp->our_id, it->u.name, id,
	    status, &err);
	if (f < 0) {
		item_retry(sp, r->status, 0, err.msg, false);
		return;
	}
	if (f == 1) {
		wr_strlcpy(sp->state.page_incident, id, sizeof(sp->state.page_incident));
		wr_strlcpy(sp->state.page_status, status, sizeof(sp->state.page_status));
		if (it->u.action == STATUSPAGE_CREATE) {
			/* Our incident is there; whether this create made it is
			 * another question: only its own text and status say so. */
			f = statuspage_req_find_create(sp->kind, r->body, r->len, &it->u, id,
			    posted_same(sp, &it->u), &err);
			if (f < 0) {
				item_retry(sp, r->status, 0, err.msg, false);
				return;
			}
			if (f == 1) {
				/* Already on the page: creating it again would double it. */
				it->found = true;
				item_done(sp, r->status);
				return;
			}
			if (statuspage_create_superseded(it->u.status, status)) {
				item_superseded(sp, id, status);
				return;
			}
			statuspage_superseded_words(it->u.status, it->sends > 0 || it->attempts > 0,
			    it->last_http, sp->created_status, sp->created_ms, status, it->note,
			    sizeof(it->note));
			it->u.action = STATUSPAGE_UPDATE;
			it->as_update = true;
		}
		wr_strlcpy(it->u.page_id, id, sizeof(it->u.page_id));
	} else if (it->u.action != STATUSPAGE_CREATE) {
		item_failed(sp, r->status, "our incident is not on the page: create it first");
		return;
	}
	it->lookup_first = false;
	it->phase = PHASE_START;
}

/* The page's updates, read for a post after a try that may have landed
 * (statuspage_read_decide): there, it is posted (its components, states,
 * are set again); not there, sent again only when the try was this
 * console's; otherwise read again or UNKNOWN, never sent blindly. */
static void
on_reconcile_answer(struct statuspage *sp, const struct http_response *r)
{
	struct sp_item *it = sp->head;
	struct wr_err err;
	char why[160];
	int f;

	f = statuspage_req_find_update(sp->kind, r->body, r->len, &it->u, it->skip,
	    it->page_created, &it->page_created_ms, &err);
	switch (statuspage_read_decide(r->status, f, it->in_session)) {
	case STATUSPAGE_READ_AGAIN:
		item_retry(sp, r->status, 0, err.msg, false);
		return;
	case STATUSPAGE_READ_UNKNOWN:
		if (f == 0)
			snprintf(why, sizeof(why), "the page's incident %s does not list it",
			    it->u.page_id);
		item_unknown(sp, r->status, f == 0 ? why : err.msg);
		return;
	case STATUSPAGE_READ_SEND:
		/* The page answered and lacks it: this try never landed. */
		it->reconcile = false;
		it->resend = true;
		statuspage_reqs_free(&it->reqs);
		it->phase = PHASE_START;
		return;
	case STATUSPAGE_READ_POSTED:
		break;
	}
	it->reconcile = false;
	it->reconciled = it->found = true;
	wr_strlcpy(sp->state.page_incident, it->u.page_id, sizeof(sp->state.page_incident));
	statuspage_reqs_free(&it->reqs);
	if (statuspage_req_build(sp->kind, &it->u, &it->reqs, &err) != 0 || it->reqs.n <= 1) {
		wr_strlcpy(sp->state.page_status, statuspage_status_name(it->u.status),
		    sizeof(sp->state.page_status));
		item_done(sp, r->status);
		return;
	}
	it->phase = PHASE_SEND;
	it->idx = 1;
}

/* Write-ahead of a try: a restart must know it may have reached the page. */
static int
record_sent(struct statuspage *sp, struct sp_item *it, const struct statuspage_req *q,
    struct wr_err *err)
{
	cJSON *d = cJSON_CreateObject();
	int64_t now = loop_wall_ms();

	cJSON_AddStringToObject(d, "queue", it->queue);
	cJSON_AddNumberToObject(d, "attempt", it->attempts + 1);
	/* The reader's words (export.c): which post, its how-many-th try. */
	cJSON_AddNumberToObject(d, "try", it->sends + 1);
	cJSON_AddStringToObject(d, "action", statuspage_action_name(it->u.action));
	cJSON_AddStringToObject(d, "status", statuspage_status_name(it->u.status));
	if (it->resend)
		cJSON_AddBoolToObject(d, "after_read", true);
	cJSON_AddStringToObject(d, "method", q->method);
	cJSON_AddStringToObject(d, "path", q->path);
	cJSON_AddStringToObject(d, "page_incident", it->u.page_id);
	if (timeline_append(sp->tl, "statuspage.sent", NULL, it->queue, d, err) != 0)
		return -1;
	/* As replay_try reads this record. */
	if (it->try_open)
		it->maybe_sent = true;
	it->try_open = true;
	if (it->first_method[0] == '\0')
		wr_strlcpy(it->first_method, q->method, sizeof(it->first_method));
	it->sends++;
	it->resend = false;
	if (it->first_sent_ms == 0)
		it->first_sent_ms = now;
	it->last_sent_ms = now;
	return 0;
}

static void
on_send_answer(struct statuspage *sp, const struct http_response *r)
{
	struct sp_item *it = sp->head;
	char id[STATUSPAGE_ID_MAX], status[32];
	struct wr_err err;

	/* The first request is about the incident itself; the rest are components. */
	if (it->idx == 0) {
		if (statuspage_req_parse_incident(sp->kind, r->body, r->len, id, status,
		    &err) != 0) {
			/* A create and an update alike answer with the incident; a 2xx
			 * without one (a locked page's {"error":…}) saved nothing, so
			 * the post is tried again, not recorded as delivered. Sent and
			 * answered, not "not sent yet": the flag says so. */
			it->answered = r->status >= 200 && r->status < 300;
			if (it->answered)
				statuspage_req_error_text(r->body, r->len, it->answered_said,
				    sizeof(it->answered_said));
			item_retry(sp, r->status, 0, err.msg, false);
			return;
		} else {
			wr_strlcpy(sp->state.page_incident, id, sizeof(sp->state.page_incident));
			if (status[0] != '\0')
				wr_strlcpy(sp->state.page_status, status,
				    sizeof(sp->state.page_status));
		}
	}
	if (++it->idx == it->reqs.n) {
		if (sp->state.page_status[0] == '\0' || it->u.action != STATUSPAGE_CREATE)
			wr_strlcpy(sp->state.page_status, statuspage_status_name(it->u.status),
			    sizeof(sp->state.page_status));
		item_done(sp, r->status);
	}
}

static void
on_check_timer(void *arg)
{
	struct statuspage *sp = arg;

	sp->check_timer = 0;
	sp->check_wanted = true;
	kick(sp);
}

/* The check's answer: a refusal stays (the config is wrong until it is
 * changed); a page out of reach is read again with the backoff. Said to
 * the journal and the callback only when the outcome changes. */
static void
on_check_answer(struct statuspage *sp, const struct http_response *r)
{
	enum statuspage_check was = sp->state.check, c = statuspage_check_outcome(r->status);
	char cause[80] = "", words[sizeof(sp->state.check_words)];
	bool changed;
	int64_t delay;
	cJSON *d;

	if (r->status == 0)
		netcause_words(r->error, cause, sizeof(cause));
	statuspage_check_words(r->status, cause, words, sizeof(words));
	changed = c != was || (c != STATUSPAGE_CHECK_OK && strcmp(words, sp->state.check_words) != 0);
	sp->state.check = c;
	sp->state.check_status = r->status;
	wr_strlcpy(sp->state.check_words, words, sizeof(sp->state.check_words));
	if (c == STATUSPAGE_CHECK_UNREACHED) {
		int shift = sp->check_attempts < 20 ? sp->check_attempts : 20;

		sp->check_attempts++;
		delay = sp->opts.backoff_base_ms << shift;
		if (delay > sp->opts.backoff_cap_ms)
			delay = sp->opts.backoff_cap_ms;
		sp->check_timer = loop_timer_add(sp->loop, delay, 0, on_check_timer, sp);
	} else
		sp->check_attempts = 0;
	if (!changed)
		return;
	/* A first good answer is the normal case: only trouble, and its end, is journalled. */
	if (c != STATUSPAGE_CHECK_OK || statuspage_check_recovered(was, c)) {
		d = cJSON_CreateObject();
		cJSON_AddBoolToObject(d, "ok", c == STATUSPAGE_CHECK_OK);
		cJSON_AddNumberToObject(d, "http_status", (double)r->status);
		if (c != STATUSPAGE_CHECK_OK)
			cJSON_AddStringToObject(d, "error", words);
		else
			cJSON_AddStringToObject(d, "detail", "the page answers again");
		append(sp, "statuspage.check", NULL, d);
	}
	if (sp->done != NULL) {
		struct statuspage_result res;

		memset(&res, 0, sizeof(res));
		res.check = true;
		res.ok = c == STATUSPAGE_CHECK_OK;
		res.recovered = statuspage_check_recovered(was, c);
		res.http_status = r->status;
		if (!res.ok)
			wr_strlcpy(res.error, words, sizeof(res.error));
		sp->done(&res, sp->done_arg);
	}
}

static void
on_http_done(const struct http_response *r, void *arg)
{
	uint64_t serial = (uint64_t)(uintptr_t)arg;
	struct statuspage *sp = find_live(serial);
	char why[WR_ERR_MAX];

	if (sp == NULL)
		return;          /* the client was freed meanwhile */
	sp->in_flight = false;
	if (sp->checking) {
		sp->checking = false;
		on_check_answer(sp, r);
		if (find_live(serial) == sp)
			kick(sp);
		return;
	}
	if (r->status >= 200 && r->status < 300) {
		if (sp->head->phase == PHASE_LOOKUP)
			on_lookup_answer(sp, r);
		else if (sp->head->phase == PHASE_RECONCILE)
			on_reconcile_answer(sp, r);
		else
			on_send_answer(sp, r);
	} else if (r->status == 0) {
		snprintf(why, sizeof(why), "no answer: %.256s", r->error[0] ? r->error : "unknown");
		item_retry(sp, 0, 0, why, r->sent);
	} else if (r->status == 420 || r->status == 429) {
		snprintf(why, sizeof(why), "rate limited (HTTP %ld)", r->status);
		item_retry(sp, r->status, r->retry_after_s, why, false);
	} else if (r->status >= 300 && r->status < 400) {
		snprintf(why, sizeof(why), "HTTP %ld redirect refused (not followed)", r->status);
		item_retry(sp, r->status, 0, why, false);
	} else if (r->status >= 500) {
		snprintf(why, sizeof(why), "HTTP %ld", r->status);
		item_retry(sp, r->status, r->retry_after_s, why, false);
	} else if (sp->head->phase == PHASE_RECONCILE) {
		snprintf(why, sizeof(why), "the page answered HTTP %ld to the read", r->status);
		item_unknown(sp, r->status, why);
	} else {
		snprintf(why, sizeof(why), "HTTP %ld: %.200s", r->status, r->body);
		item_failed(sp, r->status, why);
	}
	if (find_live(serial) == sp)     /* the callback may have freed us */
		kick(sp);
}

static int
send_req(struct statuspage *sp, const struct statuspage_req *q, struct wr_err *err)
{
	const char *headers[] = { sp->auth, "Accept: application/json", NULL };
	struct http_request req;
	char url[WR_URL_MAX + 256];
	if (statuspage_req_url(sp->kind, sp->url, q->path, url, sizeof(url), err) != 0)
		return -1;
	memset(&req, 0, sizeof(req));
	req.method = q->method;
	req.url = url;
	req.body = q->body;
	req.body_len = q->body != NULL ? strlen(q->body) : 0;
	req.headers = headers;
	req.timeout_ms = sp->opts.timeout_ms;
	req.max_body = 1024 * 1024;
	req.mutating = strcmp(q->method, "GET") != 0;
	if (http_start(sp->http, &req, on_http_done, (void *)(uintptr_t)sp->serial, err) != 0)
		return -1;
	sp->in_flight = true;
	sp->next_send_ms = loop_now_ms() + sp->opts.min_interval_ms;
	return 0;
}

/* Send the head item's next request if nothing stops us now. */
static void
kick(struct statuspage *sp)
{
	struct sp_item *it = sp->head;
	struct statuspage_req lookup_req;
	struct wr_err err;
	int64_t wait;

	if (sp->in_flight || sp->timer != 0)
		return;
	if (sp->check_wanted && !http_read_only(sp->http)) {
		struct statuspage_req check_req;

		if ((wait = sp->next_send_ms - loop_now_ms()) > 0) {
			sp->timer = loop_timer_add(sp->loop, wait, 0, on_timer, sp);
			return;
		}
		sp->check_wanted = false;
		statuspage_req_check(sp->kind, &check_req);
		if (send_req(sp, &check_req, &err) == 0) {
			sp->checking = true;
			return;
		}
		/* Not even sent (a url http.c cannot take): said as the check's answer. */
		{
			struct http_response fake;

			memset(&fake, 0, sizeof(fake));
			wr_strlcpy(fake.error, err.msg, sizeof(fake.error));
			on_check_answer(sp, &fake);
		}
	}
	if (it == NULL)
		return;
	if (http_read_only(sp->http)) {
		snprintf(sp->state.last_error, sizeof(sp->state.last_error),
		    "read-only mode: %d status page post%s not sent", sp->state.pending,
		    sp->state.pending == 1 ? "" : "s");
		return;
	}
	if ((wait = sp->next_send_ms - loop_now_ms()) > 0) {
		sp->timer = loop_timer_add(sp->loop, wait, 0, on_timer, sp);
		return;
	}
	if (it->phase == PHASE_START) {
		/* A create queued before another made the incident (a post
		 * taken over, two in a row): the page says what becomes of it. */
		if (it->u.action == STATUSPAGE_CREATE && sp->state.page_incident[0] != '\0')
			it->lookup_first = true;
		if (it->u.action != STATUSPAGE_CREATE && it->u.page_id[0] == '\0')
			wr_strlcpy(it->u.page_id, sp->state.page_incident, sizeof(it->u.page_id));
		if (it->reconcile && it->u.page_id[0] == '\0') {
			item_unknown(sp, 0, "the page's incident is not known, so it cannot be read");
			kick(sp);
			return;
		}
		if (it->reconcile) {
			it->phase = PHASE_RECONCILE;
		} else if (it->lookup_first ||
		    (it->u.action != STATUSPAGE_CREATE && it->u.page_id[0] == '\0')) {
			it->phase = PHASE_LOOKUP;
		} else {
			if (statuspage_req_build(sp->kind, &it->u, &it->reqs, &err) != 0) {
				item_failed(sp, 0, err.msg);
				kick(sp);
				return;
			}
			it->phase = PHASE_SEND;
			it->idx = 0;
		}
	}
	if (it->phase == PHASE_LOOKUP) {
		statuspage_req_lookup(sp->kind, &lookup_req);
		if (send_req(sp, &lookup_req, &err) != 0)
			item_retry(sp, 0, 0, err.msg, false);
		return;
	}
	if (it->phase == PHASE_RECONCILE) {
		statuspage_req_updates(sp->kind, it->u.page_id, &lookup_req);
		if (send_req(sp, &lookup_req, &err) != 0)
			item_retry(sp, 0, 0, err.msg, false);
		return;
	}
	if (it->idx == 0 && strcmp(it->reqs.v[0].method, "GET") != 0 &&
	    record_sent(sp, it, &it->reqs.v[0], &err) != 0) {
		char why[WR_ERR_MAX];

		snprintf(why, sizeof(why), "journal: not sent, its send record was not stored: %.300s",
		    err.msg);
		item_retry(sp, 0, 0, why, false);
		return;
	}
	if (send_req(sp, &it->reqs.v[it->idx], &err) != 0)
		item_retry(sp, 0, 0, err.msg, false);
}

static struct sp_item *
item_new(const char *queue, const struct statuspage_update *u)
{
	struct sp_item *it = xcalloc(1, sizeof(*it));

	wr_strlcpy(it->queue, queue, sizeof(it->queue));
	it->u = *u;
	return it;
}

static struct sp_item *
find_item(struct statuspage *sp, const char *q)
{
	struct sp_item *it;

	for (it = sp->head; it != NULL; it = it->next)
		if (strcmp(it->queue, q) == 0)
			return it;
	return NULL;
}

/* Each try's send record, and what the retry after it says: did the try
 * leave and get no answer? A try with neither (the console stopped
 * meanwhile) may have reached the page. */
static void
replay_try(struct sp_item *it, const struct record *r)
{
	const cJSON *v;

	if (strcmp(r->kind, "statuspage.sent") == 0) {
		if (it->try_open)
			it->maybe_sent = true;   /* a try with no outcome, then another */
		it->try_open = true;
		it->sends++;
		it->last_sent_ms = r->ts_ms;
		if (it->first_sent_ms == 0) {
			it->first_sent_ms = r->ts_ms;
			v = cJSON_GetObjectItemCaseSensitive(r->data, "method");
			wr_strlcpy(it->first_method, cJSON_IsString(v) ? v->valuestring : "",
			    sizeof(it->first_method));
		}
		v = cJSON_GetObjectItemCaseSensitive(r->data, "page_incident");
		if (cJSON_IsString(v) && v->valuestring[0] != '\0')
			wr_strlcpy(it->sent_page, v->valuestring, sizeof(it->sent_page));
	} else if (it->try_open) {       /* statuspage.retry */
		const cJSON *hs = cJSON_GetObjectItemCaseSensitive(r->data, "http_status");
		const cJSON *left = cJSON_GetObjectItemCaseSensitive(r->data, "sent");

		/* Records before "sent" was written leave it to the error's words. */
		v = cJSON_GetObjectItemCaseSensitive(r->data, "error");
		if (statuspage_try_maybe_applied(cJSON_IsNumber(hs) ? (long)hs->valuedouble : 0,
		    cJSON_IsBool(left) ? cJSON_IsTrue(left) : -1,
		    cJSON_IsString(v) ? v->valuestring : NULL))
			it->maybe_sent = true;
		it->try_open = false;
	}
}

/* How each post left pending goes on: sent, looked up, or read back. */
static void
replay_decide(struct statuspage *sp)
{
	struct sp_item *it;

	for (it = sp->head; it != NULL; it = it->next) {
		if (it->try_open)
			it->maybe_sent = true;
		switch (statuspage_resume_decide(it->u.action, it->maybe_sent, it->first_method)) {
		case STATUSPAGE_RESUME_LOOKUP:
			it->lookup_first = true;
			break;
		case STATUSPAGE_RESUME_RECONCILE:
			it->reconcile = true;
			if (it->u.page_id[0] == '\0')
				wr_strlcpy(it->u.page_id, it->sent_page[0] != '\0' ? it->sent_page :
				    sp->state.page_incident, sizeof(it->u.page_id));
			it->skip = posted_same(sp, &it->u);
			break;
		case STATUSPAGE_RESUME_SEND:
			break;
		}
	}
}

/* Rebuild the queue from the journal into sp (a scratch client, see
 * replay): queue records without a post or failed record are pending;
 * the last post names the page's incident. */
static int
replay_scan(struct statuspage *sp, struct wr_err *err)
{
	struct record_list list;
	size_t i;

	if (timeline_records(sp->tl, &list, err) != 0)
		return -1;
	for (i = 0; i < list.n; i++) {
		const struct record *r = &list.v[i];
		const char *q = r->op;
		struct sp_item *it, **pp;

		if (q == NULL || strncmp(r->kind, "statuspage.", 11) != 0)
			continue;
		if (strcmp(r->kind, "statuspage.queue") == 0) {
			struct statuspage_update u;
			struct wr_err e2;

			if (statuspage_update_from_json(
			    cJSON_GetObjectItemCaseSensitive(r->data, "update"), &u, &e2) != 0) {
				snprintf(sp->state.last_error, sizeof(sp->state.last_error),
				    "journal seq %" PRIu64 ": %.400s", r->seq, e2.msg);
				continue;
			}
			it = item_new(q, &u);
			enqueue(sp, it);
		} else if (strcmp(r->kind, "statuspage.takeover") == 0) {
			;                /* only its session below: who sends it now */
		} else if (strcmp(r->kind, "statuspage.sent") == 0 ||
		    strcmp(r->kind, "statuspage.retry") == 0) {
			if ((it = find_item(sp, q)) != NULL)
				replay_try(it, r);
		} else if (strcmp(r->kind, "statuspage.post") == 0 ||
		    strcmp(r->kind, "statuspage.failed") == 0) {
			const cJSON *pi = cJSON_GetObjectItemCaseSensitive(r->data, "page_incident");
			const cJSON *st = cJSON_GetObjectItemCaseSensitive(r->data, "status");

			if (cJSON_IsString(pi) && pi->valuestring[0] != '\0')
				wr_strlcpy(sp->state.page_incident, pi->valuestring,
				    sizeof(sp->state.page_incident));
			if (strcmp(r->kind, "statuspage.post") == 0 && cJSON_IsString(st)) {
				const cJSON *ac = cJSON_GetObjectItemCaseSensitive(r->data, "action");

				wr_strlcpy(sp->state.page_status, st->valuestring,
				    sizeof(sp->state.page_status));
				sp->state.page_status_ms = r->ts_ms;
				/* The post that made the incident, for a create it supersedes. */
				if (cJSON_IsString(ac) && strcmp(ac->valuestring, "create") == 0 &&
				    !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "found"))) {
					wr_strlcpy(sp->created_status, st->valuestring,
					    sizeof(sp->created_status));
					sp->created_ms = r->ts_ms;
				}
			}
			/* A post given up before the restart is still not on the page. */
			if (strcmp(r->kind, "statuspage.post") == 0)
				sp->state.failed = sp->state.unknown = 0;
			else if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data,
			    "superseded"))) {
				const cJSON *hs = cJSON_GetObjectItemCaseSensitive(r->data,
				    "http_status");

				sp->state.failed++;
				if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "unknown")))
					sp->state.unknown++;
				sp->state.fail_status = cJSON_IsNumber(hs) ? (long)hs->valuedouble : 0;
			}
			for (pp = &sp->head; *pp != NULL; pp = &(*pp)->next)
				if (strcmp((*pp)->queue, q) == 0) {
					it = *pp;
					*pp = it->next;
					if (strcmp(r->kind, "statuspage.post") == 0)
						posted_add(sp, &it->u);
					free(it);
					break;
				}
			sp->tail = NULL;
			for (it = sp->head; it != NULL; it = it->next)
				sp->tail = it;
			continue;
		}
		/* Who sends it now: the console its last record came from. */
		if ((it = find_item(sp, q)) != NULL) {
			it->owner = r->session;
			wr_strlcpy(it->owner_actor, r->actor != NULL ? r->actor : "",
			    sizeof(it->owner_actor));
			if (strcmp(r->kind, "statuspage.retry") == 0) {
				const cJSON *hs = cJSON_GetObjectItemCaseSensitive(r->data,
				    "http_status");

				it->last_http = cJSON_IsNumber(hs) ? (long)hs->valuedouble : 0;
			}
		}
	}
	record_list_free(&list);
	replay_decide(sp);
	return 0;
}

/* The journal's posts into sp: at start everything it says (start), later
 * (statuspage_adopt) the page's incident when the journal knows a newer
 * post, and the posts left pending by another console. A post is taken
 * only from a console that no longer runs (statuspage_takeover), and the
 * takeover is journalled, so a watcher and the next console know who
 * sends it; one still in its console's hands is left to it. Returns how
 * many were taken over from another session. */
static int
replay(struct statuspage *sp, bool start, struct wr_err *err)
{
	struct statuspage tmp;
	struct sp_item *it, *next;
	uint64_t ours = timeline_session(sp->tl);
	int taken = 0;
	size_t i;

	memset(&tmp, 0, sizeof(tmp));
	tmp.tl = sp->tl;
	tmp.kind = sp->kind;
	if (replay_scan(&tmp, err) != 0) {
		for (it = tmp.head; it != NULL; it = next) {
			next = it->next;
			free(it);
		}
		for (i = 0; i < tmp.nposted; i++)
			free(tmp.posted[i].body);
		free(tmp.posted);
		return -1;
	}
	if (start || (tmp.state.page_incident[0] != '\0' &&
	    tmp.state.page_status_ms > sp->state.page_status_ms)) {
		wr_strlcpy(sp->state.page_incident, tmp.state.page_incident,
		    sizeof(sp->state.page_incident));
		wr_strlcpy(sp->state.page_status, tmp.state.page_status,
		    sizeof(sp->state.page_status));
		sp->state.page_status_ms = tmp.state.page_status_ms;
	}
	if (start) {
		sp->state.failed = tmp.state.failed;
		sp->state.unknown = tmp.state.unknown;
		sp->state.fail_status = tmp.state.fail_status;
		wr_strlcpy(sp->state.last_error, tmp.state.last_error,
		    sizeof(sp->state.last_error));
	}
	if (tmp.created_ms > sp->created_ms) {
		wr_strlcpy(sp->created_status, tmp.created_status, sizeof(sp->created_status));
		sp->created_ms = tmp.created_ms;
	}
	/* The journal holds every post on the page, ours and others'. */
	for (i = 0; i < sp->nposted; i++)
		free(sp->posted[i].body);
	free(sp->posted);
	sp->posted = tmp.posted;
	sp->nposted = tmp.nposted;
	for (it = tmp.head; it != NULL; it = next) {
		next = it->next;
		it->next = NULL;
		if (find_item(sp, it->queue) != NULL || !statuspage_takeover(it->owner, ours,
		    it->owner != 0 ? timeline_session_alive(sp->tl, it->owner) : -1)) {
			free(it);
			continue;
		}
		if (it->owner != 0 && it->owner != ours) {
			cJSON *d = cJSON_CreateObject();

			cJSON_AddStringToObject(d, "queue", it->queue);
			cJSON_AddNumberToObject(d, "from_session", (double)it->owner);
			cJSON_AddStringToObject(d, "from_actor", it->owner_actor);
			/* Its words need no lookup of the queue record. */
			cJSON_AddStringToObject(d, "status", statuspage_status_name(it->u.status));
			append(sp, "statuspage.takeover", it->queue, d);
			it->taken = true;
			taken++;
		}
		enqueue(sp, it);
	}
	count_pending(sp);
	return taken;
}

int
statuspage_adopt(struct statuspage *sp, struct wr_err *err)
{
	int n;

	if (http_read_only(sp->http))
		return 0;
	if ((n = replay(sp, false, err)) > 0)
		kick(sp);
	return n;
}

struct statuspage *
statuspage_new(struct loop *loop, struct http_client *http, struct timeline *tl,
    struct redactor *red, const struct config_statuspage *cfg, const char *our_id,
    struct wr_err *err)
{
	struct statuspage *sp;
	char token[TOKEN_MAX];
	const char *prefix;
	struct statuspage_req probe_req;

	if (strcmp(config_statuspage_kind_name(cfg->kind), "none") == 0) {
		wr_err_set(err, "no status page is configured");
		return NULL;
	}
	if (our_id == NULL || our_id[0] == '\0' || strlen(our_id) >= STATUSPAGE_ID_MAX) {
		wr_err_set(err, "status page: a usable incident id is needed");
		return NULL;
	}
	if (status_url_ok(cfg->url, err) != 0 || secret_read(cfg->token_env,
	    cfg->token_file.path, "status page token", token, sizeof(token), err) != 0)
		return NULL;
	if (red != NULL)
		redact_add_secret(red, token);
	sp = xcalloc(1, sizeof(*sp));
	sp->loop = loop;
	sp->http = http;
	sp->tl = tl;
	sp->kind = cfg->kind;
	sp->opts = default_opts;
	wr_strlcpy(sp->url, cfg->url, sizeof(sp->url));
	wr_strlcpy(sp->our_id, our_id, sizeof(sp->our_id));
	statuspage_req_lookup(cfg->kind, &probe_req);
	prefix = probe_req.auth_prefix;
	snprintf(sp->auth, sizeof(sp->auth), "%s%s", prefix, token);
	explicit_bzero(token, sizeof(token));
	sp->serial = ++last_serial;
	sp->next_live = live;
	live = sp;
	sp->rng = (uint64_t)loop_now_ms() * 0x9E3779B97F4A7C15ULL ^ (uint64_t)getpid();
	if (sp->rng == 0)
		sp->rng = 1;
	if (replay(sp, true, err) < 0) {
		statuspage_free(sp);
		return NULL;
	}
	kick(sp);
	return sp;
}

void
statuspage_set_opts(struct statuspage *sp, const struct statuspage_opts *o)
{
	sp->opts.min_interval_ms = o->min_interval_ms > 0 ? o->min_interval_ms : default_opts.min_interval_ms;
	sp->opts.backoff_base_ms = o->backoff_base_ms > 0 ? o->backoff_base_ms : default_opts.backoff_base_ms;
	sp->opts.backoff_cap_ms = o->backoff_cap_ms > 0 ? o->backoff_cap_ms : default_opts.backoff_cap_ms;
	sp->opts.timeout_ms = o->timeout_ms > 0 ? o->timeout_ms : default_opts.timeout_ms;
	sp->opts.max_attempts = o->max_attempts > 0 ? o->max_attempts : default_opts.max_attempts;
}

void
statuspage_set_callback(struct statuspage *sp, statuspage_done_fn fn, void *arg)
{
	sp->done = fn;
	sp->done_arg = arg;
}

void
statuspage_check(struct statuspage *sp)
{
	if (http_read_only(sp->http))
		return;
	sp->check_wanted = true;
	kick(sp);
}

int
statuspage_post(struct statuspage *sp, const struct statuspage_update *u,
    const char *step, bool section, const char *code,
    char queue_id[STATUSPAGE_QUEUE_ID_MAX], struct wr_err *err)
{
	struct statuspage_update copy = *u;
	struct statuspage_reqs reqs;
	struct sp_item *it;
	cJSON *d, *list, *one;
	size_t i;

	if (http_read_only(sp->http))
		return wr_err_set(err, "read-only mode: status page posts are refused");
	wr_strlcpy(copy.our_id, sp->our_id, sizeof(copy.our_id));
	/* What customers read went through the sanitizer (DESIGN §3.5): a
	 * pasted bidi control is posted as the preview showed it. */
	sanitize_line(u->name, strlen(u->name), copy.name, sizeof(copy.name));
	sanitize_line(u->body, strlen(u->body), copy.body, sizeof(copy.body));
	/* Catch what can never be sent now, not after a restart. */
	if (copy.action == STATUSPAGE_CREATE && copy.name[0] == '\0')
		return wr_err_set(err, "creating an incident needs a name");
	snprintf(queue_id, STATUSPAGE_QUEUE_ID_MAX, "sp-%" PRIu64 "-%04x",
	    timeline_last_seq(sp->tl) + 1, (unsigned)(rng_next(sp) & 0xffff));
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "queue", queue_id);
	cJSON_AddStringToObject(d, "kind", config_statuspage_kind_name(sp->kind));
	cJSON_AddItemToObject(d, "update", statuspage_update_to_json(&copy));
	if (step != NULL && step[0] != '\0') {
		cJSON_AddStringToObject(d, section ? "runbook_section" : "runbook_step", step);
		if (code != NULL && code[0] != '\0')
			cJSON_AddStringToObject(d, "runbook_code", code);
	}
	if (copy.action == STATUSPAGE_CREATE || copy.page_id[0] != '\0') {
		if (statuspage_req_build(sp->kind, &copy, &reqs, err) != 0) {
			cJSON_Delete(d);
			return -1;
		}
		list = cJSON_AddArrayToObject(d, "requests");
		for (i = 0; i < reqs.n; i++) {
			one = cJSON_CreateObject();
			cJSON_AddStringToObject(one, "method", reqs.v[i].method);
			cJSON_AddStringToObject(one, "path", reqs.v[i].path);
			cJSON_AddItemToArray(list, one);
		}
		statuspage_reqs_free(&reqs);
	}
	/* Write-ahead: nothing is sent unless the journal holds the post. */
	if (timeline_append(sp->tl, "statuspage.queue", NULL, queue_id, d, err) != 0)
		return -1;
	it = item_new(queue_id, &copy);
	enqueue(sp, it);
	kick(sp);
	return 0;
}

void
statuspage_left(const struct statuspage *sp, struct statuspage_left *l, char *why, size_t cap)
{
	tally(sp, l, why, cap);
	/* Nothing is sent in read-only mode: a quit leaves nothing undone. */
	if (http_read_only(sp->http))
		l->unsent = l->maybe = l->answered = 0;
}

const struct statuspage_state *
statuspage_state(const struct statuspage *sp)
{
	return &sp->state;
}

void
statuspage_free(struct statuspage *sp)
{
	struct statuspage **pp;
	struct sp_item *it;
	size_t i;

	if (sp == NULL)
		return;
	for (pp = &live; *pp != NULL; pp = &(*pp)->next_live)
		if (*pp == sp) {
			*pp = sp->next_live;
			break;
		}
	if (sp->timer != 0)
		loop_timer_cancel(sp->loop, sp->timer);
	if (sp->check_timer != 0)
		loop_timer_cancel(sp->loop, sp->check_timer);
	while ((it = sp->head) != NULL) {
		sp->head = it->next;
		statuspage_reqs_free(&it->reqs);
		free(it);
	}
	for (i = 0; i < sp->nposted; i++)
		free(sp->posted[i].body);
	free(sp->posted);
	explicit_bzero(sp->auth, sizeof(sp->auth));
	free(sp);
}
