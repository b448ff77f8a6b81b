/*
 * probe.h — what a service's /healthz, /readyz and /version bodies say.
 *
 * Bodies are untrusted: anything is read without a crash, sizes are
 * capped, and nothing from the body reaches a reason but short printable
 * excerpts. The HTTP fetch itself is http.c's job; this only judges.
 */
#ifndef WARROOM_PROBE_H
#define WARROOM_PROBE_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/util.h"

#define WR_PROBE_BODY_MAX 65536          /* longer bodies are judged by status alone */
#define WR_VERSION_MAX 128

enum probe_health {
	PROBE_UNKNOWN,
	PROBE_OK,
	PROBE_FAIL,
};

/* What a /readyz body says of the database schema against the release
 * the service runs. "migrations_current", when the body has it, says
 * whether they match; revisions (probe_health) say which way they differ. */
enum probe_schema {
	PROBE_SCHEMA_UNSAID,             /* no usable migration fields */
	PROBE_SCHEMA_CURRENT,
	PROBE_SCHEMA_AHEAD,              /* the database is past the release's
	                                    revision (as after a rollback) */
	PROBE_SCHEMA_BEHIND,             /* the release expects a revision the
	                                    database has not reached */
	PROBE_SCHEMA_UNSURE,             /* not current; which way is not said */
};

#define PROBE_REVISION_MAX 24            /* a revision as kept and said */

struct probe_result {
	enum probe_health health;
	int http_status;                 /* as given; 0 = no answer */
	bool has_ready;                  /* the body had a boolean "ready" */
	bool ready;
	bool has_migrations;             /* the body says whether the migrations
	                                    are current (schema not UNSAID) */
	bool migrations_current;
	enum probe_schema schema;        /* what the body says, whatever the status */
	char rev_database[PROBE_REVISION_MAX]; /* the revisions it gave (printable,
	                                    no spaces), "" when it gave none usable */
	char rev_expected[PROBE_REVISION_MAX];
	enum probe_schema schema_warn;   /* OK, but the schema is not current
	                                    (AHEAD, BEHIND or UNSURE): a warning,
	                                    not a failure; UNSAID otherwise */
	bool untrusted;                  /* cut short, over the cap or an HTML page */
	bool wrong_url;                  /* a status that is no health answer at all
	                                    (probe_status_wrong_url): UNKNOWN */
	char reason[256];                /* one line: "HTTP 503: not ready" */
};

/* What a ready answer whose migrations are not current means, in the words
 * HOSTS, the health records, actions' outcomes and smoke checks all use. */
#define PROBE_WORDS_AHEAD "migrations not current: the schema is ahead of this release"
#define PROBE_WORDS_BEHIND "migrations not current: the schema is behind this release"
#define PROBE_WORDS_UNSURE "migrations not current: /readyz does not say whether the " \
	"schema is ahead of this release or behind it"

enum probe_version_cmp {
	PROBE_VERSION_UNKNOWN,           /* either side empty, or the tag is "latest" */
	PROBE_VERSION_MATCH,
	PROBE_VERSION_MISMATCH,
};

/* Whether an HTTP status says the URL reaches no health endpoint (3xx,
 * 401, 403, 404, 405, 410) rather than how the service is. */
bool probe_status_wrong_url(int http_status);

/* Judge a health or readiness answer (status 0 = none). 5xx and other 4xx
 * are FAIL; 2xx is OK unless JSON says otherwise ("ready":false,
 * "status":"fail"); a schema that is not current leaves a 2xx OK with
 * schema_warn set; 2xx with broken JSON and 1xx are UNKNOWN; a wrong-URL
 * status (probe_status_wrong_url) is UNKNOWN with wrong_url set, "HTTP
 * 404: is health_url right?", its body unread. The schema's fields:
 * "migrations_current" (boolean), and the database's revision and the one
 * the code expects, as "migrations":{"database":R,"expected":R} or
 * top-level "database_revision" and "expected_revision"; R a string or a
 * whole number. Both revisions of 1 to 9 digits compare as numbers (the
 * direction), any others only as equal or not. */
void probe_health(int http_status, const char *body, size_t len,
    struct probe_result *out);

/* The words for a schema that is not current (PROBE_WORDS_*), or NULL
 * for CURRENT and UNSAID. */
const char *probe_schema_words(enum probe_schema s);

/* What an action's outcome adds when its gate's 200 answer says the
 * migrations are not current: " but " PROBE_WORDS_*, the revisions when
 * given, and what to do (ahead: the runbook's migration step when
 * runbook_step, which a loaded runbook has, else the M key; behind:
 * migrate forward, never down; unsure: find out which way first), into
 * buf; "" when they are current or the answer does not say. */
void probe_schema_outcome(const struct probe_result *r, bool runbook_step, char *buf,
    size_t cap);

/* What a smoke check of /readyz that got the 2xx it expected adds when
 * the answer is no plain OK (migrations not current, not ready, no health
 * answer at all): the probe's reason without its "HTTP nnn: ", into buf.
 * False, buf "", when the answer is a plain OK. */
bool probe_smoke_warning(const struct probe_result *r, char *buf, size_t cap);

/* The short name a record keeps: "current", "ahead", "behind", "unsure"
 * or "unsaid". */
const char *probe_schema_name(enum probe_schema s);

/* Judge a whole HTTP answer as probe_health() does, and then distrust it:
 * an answer cut short (error set although a status came: a timeout in the
 * middle of the body), one whose body went over the caller's cap (cut), or
 * an HTML page (a proxy's or a login page answering for the service) is
 * UNKNOWN with untrusted set, never OK. FAIL and wrong-URL answers stay as
 * they are. No answer (status 0) is "no answer: " and error's printable
 * ASCII. content_type and error may be NULL or "". */
void probe_health_answer(int http_status, const char *content_type, bool cut,
    const char *error, const char *body, size_t len, struct probe_result *out);

/* A probe that could not be asked (its host not reachable the way it
 * goes, why: "h5 is DOWN"): UNKNOWN, no answer, "not asked: " and why. */
void probe_unasked(const char *why, struct probe_result *out);

/* "OK", "FAIL" or "UNKNOWN". */
const char *probe_health_name(enum probe_health h);

/* The version a /version body reports: JSON "version", else JSON "tag",
 * else the first line of plain text. Returns 0, or -1 with why in err. */
int probe_version(const char *body, size_t len, char *out, size_t cap,
    struct wr_err *err);

/* Compare the running image tag with a reported version. A leading "v"
 * before a digit and a "+build" suffix are ignored on both sides, so
 * "v1.2.3" matches "1.2.3" and "1.2.3+abc"; otherwise exact. */
enum probe_version_cmp probe_version_compare(const char *tag, const char *version);

#endif
