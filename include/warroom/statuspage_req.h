/*
 * statuspage_req.h — the status-page APIs as pure data (DESIGN §3.4): an
 * update (create, update or resolve an incident) becomes the exact HTTP
 * requests for Atlassian Statuspage v1, Cachet 2.x or Cachet 3.x, and their
 * answers become ids and statuses. No sockets, no clock, no secrets: the
 * caller sends the requests and appends the token to the auth header prefix.
 *
 * Paths are relative to the configured url, which is joined verbatim
 * (statuspage_req_url):
 *   atlassian  url names the page: https://api.statuspage.io/v1/pages/PAGEID
 *              paths: /incidents, /incidents/{id}, /incidents/unresolved
 *   cachet     url is the site root: https://status.example.com
 *              paths: /api/v1/incidents, /api/v1/incidents/{id}[/updates],
 *              /api/v1/components/{id}. A url already ending in /api/v1
 *              is accepted too (the suffix is not doubled).
 *   cachet3    url is Cachet's root (its path, if it has one):
 *              paths: /api/incidents, /api/incidents/{id}/updates,
 *              /api/components/{id}; a url ending in /api is accepted too.
 *              Answers are JSON:API resources ({"data":{"id":"12",
 *              "type":"incidents","attributes":{…}}}); a status change is
 *              always an incident update (the page shows the latest
 *              update's status) and components are always PUT.
 *
 * Finding our incident again after a restart (statuspage_req_find):
 *   atlassian  the incident whose metadata.warroom.incident is our id.
 *   cachet, cachet3  have no metadata, so a create's message ends with the
 *              marker line "<!-- warroom:OUR-ID -->" (an HTML comment:
 *              invisible on the rendered page). The incident whose message
 *              holds the marker wins; failing that, a not-fixed (status !=
 *              4) incident whose name equals ours exactly, the newest
 *              (highest id) first.
 */
#ifndef WARROOM_STATUSPAGE_REQ_H
#define WARROOM_STATUSPAGE_REQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "warroom/config.h"
#include "warroom/util.h"

#define STATUSPAGE_ID_MAX 64
#define STATUSPAGE_NAME_MAX 256
#define STATUSPAGE_BODY_MAX 4096
#define STATUSPAGE_MAX_COMPONENTS 8
#define STATUSPAGE_MAX_REQS (2 + STATUSPAGE_MAX_COMPONENTS)

enum statuspage_action {
	STATUSPAGE_CREATE,
	STATUSPAGE_UPDATE,
	STATUSPAGE_RESOLVE,
};

enum statuspage_status {
	STATUSPAGE_INVESTIGATING,        /* cachet 1 */
	STATUSPAGE_IDENTIFIED,           /* cachet 2 */
	STATUSPAGE_MONITORING,           /* cachet 3 "watching" */
	STATUSPAGE_RESOLVED,             /* cachet 4 "fixed" */
};

enum statuspage_component_status {
	STATUSPAGE_OPERATIONAL,          /* cachet 1 */
	STATUSPAGE_DEGRADED_PERFORMANCE, /* cachet 2 */
	STATUSPAGE_PARTIAL_OUTAGE,       /* cachet 3 */
	STATUSPAGE_MAJOR_OUTAGE,         /* cachet 4 */
	STATUSPAGE_UNDER_MAINTENANCE,    /* cachet has none: sent as 2 */
};

struct statuspage_component {
	char id[STATUSPAGE_ID_MAX];      /* cachet: a number, e.g. "1" */
	enum statuspage_component_status status;
};

/* One post to the page; everything needed to rebuild its requests. */
struct statuspage_update {
	enum statuspage_action action;
	enum statuspage_status status;
	char name[STATUSPAGE_NAME_MAX];          /* incident title; create needs one and
	                                            only a create sends it (updates
	                                            keep it for the lookup) */
	char body[STATUSPAGE_BODY_MAX];          /* the update's text, may be "" */
	char impact[16];                         /* none|minor|major|critical, or "";
	                                            Atlassian's impact_override, Cachet
	                                            has no such field */
	struct statuspage_component components[STATUSPAGE_MAX_COMPONENTS];
	size_t ncomponents;
	char our_id[STATUSPAGE_ID_MAX];          /* our incident id */
	char page_id[STATUSPAGE_ID_MAX];         /* the page's incident id, "" if unknown */
};

/* One HTTP request, minus the secret: send auth_prefix + token as a header. */
struct statuspage_req {
	char method[8];                  /* GET POST PATCH PUT */
	char path[256];                  /* relative to the configured url */
	char *body;                      /* JSON (malloc'd), NULL for GET */
	const char *auth_prefix;         /* e.g. "Authorization: OAuth ", "X-Cachet-Token: " */
	bool creates;                    /* its answer carries the new incident's id */
};

struct statuspage_reqs {
	struct statuspage_req v[STATUSPAGE_MAX_REQS];
	size_t n;
};

/* Values for statuspage_template; NULL leaves that placeholder as is. */
struct statuspage_vars {
	const char *service, *from_tag, *to_tag, *incident, *time, *since, *began;
};

/* Names as the Atlassian API spells them; -1 from the parsers if unknown. */
const char *statuspage_action_name(enum statuspage_action a);
const char *statuspage_status_name(enum statuspage_status s);
const char *statuspage_component_status_name(enum statuspage_component_status s);
int statuspage_action_parse(const char *s);

/* A post in words for the engineer: "update monitoring", "create
 * identified", and "resolve the incident" rather than "resolve resolved".
 * Returns buf. */
const char *statuspage_post_words(const char *action, const char *status, char *buf,
    size_t cap);
int statuspage_status_parse(const char *s);

/* Whether a post of status to sets the page back: to a stage before
 * page_status, the status the page confirmed last (investigating <
 * identified < monitoring < resolved). If so, its words into buf: "the
 * page already says identified (posted 19:42); this sets it back to
 * investigating", the time (UTC) left out when at_ms is 0. */
bool statuspage_backwards_words(const char *page_status, int64_t at_ms,
    enum statuspage_status to, char *buf, size_t cap);
int statuspage_component_status_parse(const char *s);

/* True for an impact the page knows: none, minor, major, critical. */
bool statuspage_impact_ok(const char *s);

/* The preview's words for what u sets besides its text: title (a create's
 * name, or why asked_name, a title asked for, is not sent on an update) and
 * impact (its value, or that kind has no impact field); "" for nothing. A
 * create with no title asked for (asked_name NULL or "") sends the
 * incident's own --incident name: said so, and that Tab edits it. */
void statuspage_preview_facts(enum statuspage_kind kind, const struct statuspage_update *u,
    const char *asked_name, char *title, size_t tcap, char *impact, size_t icap);

/* A status-page post as the chat reads it (malloc'd): "TITLE (INCIDENT) —
 * status: text", the title customers read first; "INCIDENT — status:
 * text" when the page's title is that name, or not known (title NULL or
 * ""). A text opening with "Status:" drops it: the status is said once. */
char *statuspage_chat_line(const char *title, const char *incident, const char *status,
    const char *text);

/* The preview's words for where a post goes, so a staging page taken for
 * production shows before Enter: kind (as the config spells it), the
 * page id (atlassian) and the url's host (no user or password) and path,
 * then the page's incident it updates (page_incident, "" for a new one):
 * "posts to atlassian page PAGEID at HOST, incident ID". */
void statuspage_preview_where(enum statuspage_kind kind, const char *url,
    const char *page_incident, char *out, size_t cap);

/* The requests that carry u to the page, in sending order. update and
 * resolve need u->page_id. -1 with err when u cannot be expressed. */
int statuspage_req_build(enum statuspage_kind kind, const struct statuspage_update *u,
    struct statuspage_reqs *out, struct wr_err *err);

/* The request that lists the incidents our lookup searches. */
void statuspage_req_lookup(enum statuspage_kind kind, struct statuspage_req *out);

/* The read-only GET that checks the configuration at start: Atlassian's
 * page itself (the configured url: proves the token and the page id);
 * Cachet's ping (proves the url reaches its API; Cachet reads need no
 * token, so a wrong one shows only at the first post). */
void statuspage_req_check(enum statuspage_kind kind, struct statuspage_req *out);

void statuspage_reqs_free(struct statuspage_reqs *r);

/* The wait before retry number attempts (1: the first retry): the page's
 * Retry-After when it gave one (retry_after_s > 0), bounded to 1..300 s,
 * plus under 0.1 s to spread; else backoff doubling from base_ms up to
 * cap_ms, in its upper half by rnd (any random number). */
int64_t statuspage_retry_delay_ms(int attempts, long retry_after_s, int64_t base_ms,
    int64_t cap_ms, uint64_t rnd);

/* base + path into out[cap] (one '/' between; a cachet base's trailing
 * /api/v1, a cachet3 base's trailing /api, is not repeated; an empty path
 * gives base without a trailing '/'). -1 with err
 * when it does not fit. */
int statuspage_req_url(enum statuspage_kind kind, const char *base, const char *path,
    char *out, size_t cap, struct wr_err *err);

/* How much of a page's own error text is kept (sanitized, cut). */
#define STATUSPAGE_SAID_MAX 160

/* The error text a page's JSON answer gives ("error", "errors"[0],
 * "message" or "detail": a string, or an object's "message"/"detail"),
 * sanitized and cut to cap, into out; false when it gives none. */
bool statuspage_req_error_text(const char *body, size_t len, char *out, size_t cap);

/* A create's or update's answer → the page's incident id and its status
 * (Atlassian name, "" when the answer has none). -1 with err when
 * malformed; with no id, err quotes the answer's error text when it has one. */
int statuspage_req_parse_incident(enum statuspage_kind kind, const char *body, size_t len,
    char id[STATUSPAGE_ID_MAX], char status[32], struct wr_err *err);

/* A lookup answer → our incident (rule above): 1 found (id, status set),
 * 0 not there, -1 with err when the answer is malformed. */
int statuspage_req_find(enum statuspage_kind kind, const char *body, size_t len,
    const char *our_id, const char *name, char id[STATUSPAGE_ID_MAX], char status[32],
    struct wr_err *err);

/* What a restart does with a post the journal holds with no end:
 * LOOKUP a create (search our incident first, then create it only if it
 * is not there); SEND a post whose request never reached the page
 * (queued only, or each try ended without leaving or with an answer), or
 * whose first request is a PUT (it sets a state: sending it twice
 * changes nothing); else RECONCILE: read the page's updates and never
 * send it blindly again, since a second PATCH or POST is a second
 * update customers read. */
enum statuspage_resume {
	STATUSPAGE_RESUME_SEND,
	STATUSPAGE_RESUME_LOOKUP,
	STATUSPAGE_RESUME_RECONCILE,
};
enum statuspage_resume statuspage_resume_decide(enum statuspage_action action,
    bool maybe_sent, const char *first_method);

/* Whether a try that failed with this answer (HTTP status, 0 for none;
 * left: 1 the request's bytes went out, 0 they did not, -1 not known;
 * the transfer's error) may have reached the page: no answer, and the
 * request left (left -1: the connection was made — not refused, not
 * unresolvable, not a connect timeout; a reset after sending counts).
 * An answered failure (5xx, 429, 3xx) is taken as not applied. */
bool statuspage_try_maybe_applied(long http_status, int left, const char *error);

/* What a retry does after a try of the same post failed: the restart's
 * rule (statuspage_resume_decide) in the running console, so a PATCH or
 * POST that may have reached the page (maybe_applied) is read back first
 * (RECONCILE), a create looked up (LOOKUP), anything else sent again. */
enum statuspage_resume statuspage_retry_decide(enum statuspage_action action,
    bool maybe_applied, const char *method);

/* What the read of the page's updates (statuspage_req_updates) tells a
 * post that may already be there. */
enum statuspage_read {
	STATUSPAGE_READ_POSTED,          /* the page lists it: posted, not sent again */
	STATUSPAGE_READ_SEND,            /* the page answered and lacks it: send it */
	STATUSPAGE_READ_AGAIN,           /* no usable answer: read again after the backoff */
	STATUSPAGE_READ_UNKNOWN,         /* give up: UNKNOWN, never sent blindly */
};

/* The read's answer (HTTP status, 0 for none; found: what
 * statuspage_req_find_update said, -1 for an answer that is no list) →
 * what to do. in_session: the try that got no answer was this console's,
 * so a page that answered without the update never got it (SEND); after a
 * restart a missing update stays UNKNOWN. A page out of reach (no answer,
 * 5xx, 420/429, 3xx) is read again; any other refusal is UNKNOWN. */
enum statuspage_read statuspage_read_decide(long http_status, int found, bool in_session);

/* The GET that lists the updates of the page's incident page_id (for
 * statuspage_req_find_update): Atlassian's incident itself (its
 * incident_updates), Cachet's /incidents/{id}/updates. */
void statuspage_req_updates(enum statuspage_kind kind, const char *page_id,
    struct statuspage_req *out);

/* Whether the answer of statuspage_req_updates holds u (an update or
 * resolve): an update with the text and status u's request carried
 * (Cachet's text for a bare status as build sends it). Only more than
 * skip such updates count (skip: posts of the same text and status the
 * journal already has on the page). 1 found, with when (the page's
 * creation time of the newest match, as the page wrote it, "" if none)
 * and when_ms (it as Unix ms, 0 when unreadable); 0 not there; -1 with
 * err when the answer is not such a list. */
int statuspage_req_find_update(enum statuspage_kind kind, const char *body, size_t len,
    const struct statuspage_update *u, int skip, char when[40], int64_t *when_ms,
    struct wr_err *err);

/* Whether the incident page_id in a lookup answer (statuspage_req_lookup)
 * holds the create u itself, not just our incident: Atlassian's incident
 * lists an update with u's status and text (more than skip of them);
 * Cachet's message is u's text and marker as the create sent them. 1
 * yes; 0 no (another post created it, or page_id is not listed); -1 with
 * err for an answer that is no list. */
int statuspage_req_find_create(enum statuspage_kind kind, const char *body, size_t len,
    const struct statuspage_update *u, const char *page_id, int skip, struct wr_err *err);

/* A create that never reached the page, whose incident another post
 * created meanwhile: true when it must not be sent, since its status
 * (mine) comes before page_status, the status the page shows; false: it
 * goes as an update of that incident. An unknown page_status: false. */
bool statuspage_create_superseded(enum statuspage_status mine, const char *page_status);

/* Such a create in words: "investigating post never reached the page
 * (HTTP 500); the incident was created by the identified post at 18:45;
 * not sent: it would set the status back" (or "sent as an update of
 * it"). last_http 0: "no answer"; one never tried "was queued as a
 * create" instead of never reaching the page;
 * creator_status "" names "another post", creator_ms 0 leaves out when. */
void statuspage_superseded_words(enum statuspage_status mine, bool tried, long last_http,
    const char *creator_status, int64_t creator_ms, const char *page_status,
    char *buf, size_t cap);

/* Whether this console (session ours) takes over a post whose last record
 * came from session owner, whose console alive says runs (1), is gone (0)
 * or cannot be told (-1): not when it is ours, nor while that console
 * runs and sends it itself (it would be posted twice). */
bool statuspage_takeover(uint64_t owner, uint64_t ours, int alive);

/* u as a JSON object (for the journal) and back; from_json fills err with
 * the first bad or missing field. */
cJSON *statuspage_update_to_json(const struct statuspage_update *u);
int statuspage_update_from_json(const cJSON *j, struct statuspage_update *u,
    struct wr_err *err);

/* Fill {service} {from_tag} {to_tag} {incident} {time} {since} {began} in tpl; unknown
 * placeholders and ones whose value is NULL stay as written. malloc'd. */
char *statuspage_template(const char *tpl, const struct statuspage_vars *v);

#endif
