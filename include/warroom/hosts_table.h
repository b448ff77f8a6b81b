/*
 * hosts_table.h — the HOSTS table's rules that need no screen: which
 * columns matter most at the moment, how the age of a row's data reads
 * while the poll behind it fails, a row's verdict in its cell, how bad a
 * row's health is (the order of o by health), and the markers that say
 * rows are hidden above or below or by the filter (naming the worst of
 * them: a verdict, a bad release, a host DOWN or failing health), the
 * pane title's
 * tally of the fleet, and whether the selected row's last outcome still
 * says what it runs.
 * Pure: the caller passes what it read and measures the text it gets.
 */
#ifndef WARROOM_HOSTS_TABLE_H
#define WARROOM_HOSTS_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The columns, in table order. */
enum hosts_col {
	HOSTS_COL_HOST, HOSTS_COL_SVC, HOSTS_COL_CONN, HOSTS_COL_TAG, HOSTS_COL_VERDICT,
	HOSTS_COL_STATE,
	HOSTS_COL_HEALTH, HOSTS_COL_READY, HOSTS_COL_VERSION, HOSTS_COL_EXPORT, HOSTS_COL_RESTARTS,
	HOSTS_COL_AGE, HOSTS_COL_DRIVER, HOSTS_COL_ADDR, HOSTS_COL_COUNT
};

/* The order of the rows (o cycles through them). */
enum hosts_sort { HOSTS_BY_HOST, HOSTS_BY_HEALTH, HOSTS_BY_VERDICT };

/* Room for hosts_table_steps' answer. */
#define HOSTS_STEPS_MAX (2 * HOSTS_COL_COUNT)

/* The columns_pick steps of the table; HOST, SERVICE and CONN are the
 * first three, then TAG (brief, without its .env!), then VERDICT (brief,
 * "ROLLBACK", when verdicts: some host has metrics), then HEALTH and READY
 * (READY brief, "ahead!", until widened), so a narrow pane never hides
 * that a row fails; TAG widened (its .env!) after AGE and RST. stale:
 * some row shows values that may be old (its host not UP, or its poll
 * failing), so AGE comes next; restarts: some row counts restarts, so RST
 * comes next (else both go after VERSION). exports: EXP is shown only
 * when some row's /export said on or off (HOSTS_EXPORTS_KNOWN), right
 * after TAG when one still exports while a kill switch was asked for
 * (HOSTS_EXPORTS_ON: a leak, or on where a kill switch was asked for or
 * refused, leak or not). copies: no row's /version differs from its tag,
 * so VERSION, which then repeats TAG, goes after AGE, RST and EXP.
 * Returns how many steps were written. */
enum hosts_exports { HOSTS_EXPORTS_NONE, HOSTS_EXPORTS_KNOWN, HOSTS_EXPORTS_ON };
int hosts_table_steps(bool stale, bool restarts, bool verdicts, enum hosts_exports exports,
    bool copies, int *steps);

/* How bad the worst value in a row's columns left out is: severity[c]
 * is 0 (fine), 1 (a warning) or 2 (bad) for each of the n columns, and
 * only those with show[c] false count. Not 0: the row is marked, so a
 * column dropped for room never makes a failing row look healthy. */
int hosts_table_hidden_worst(const bool *show, const int *severity, int n);

/* Whether column c's value, left out of a row, is named under the table,
 * and how bad it then counts (*sev: in, as its colour says, 0 when dim;
 * out, for hosts_table_hidden_worst). old: the row's values were read
 * before its host went away or its poll began to fail (drawn dim, which
 * says nothing of how bad); drift: the value is a TAG with its .env!. A
 * bad value or a warning is named as it is; a .env! is bad, however old
 * the reading; an old row's AGE is named but marks nothing. */
bool hosts_table_left_out(int c, bool old, bool drift, int *sev);

/* The AGE cell: how old the data is ("41s", "12m", "3h"; age_s < 0:
 * none), followed by "ERR" while the poll behind it fails ("ERR" alone
 * when brief: the line under the table then says how old). */
void hosts_table_age(long age_s, bool failing, bool brief, char *buf, size_t cap);

/* The TAG cell: the tag read ("" unread, "-" none), or with journal the
 * tag the journal last said of a row this console never read, its host
 * not UP: "v1.5.0-bad (journal)", brief "v1.5.0-bad (j)", and in cells > 0
 * cells the tag cut, never the mark ("v1.5.0-ba… (j)"): never passing for
 * a tag read now. */
void hosts_table_tag(const char *tag, bool journal, bool brief, int cells, char *buf,
    size_t cap);

/* The CONN cell of a host DOWN for down_s seconds (< 0: not known,
 * "DOWN"): how long it has been away, "DOWN 41s", "DOWN 2m43s", "DOWN
 * 1h05m"; brief, the largest unit alone ("DOWN 2m", "DOWN 1h"). Never
 * the retry's countdown, which read as the time down. */
void hosts_table_down(long down_s, bool brief, char *buf, size_t cap);

/* The CONN cell of a host whose key is not trusted: "KEY CHG" for a
 * changed key, "REVOKED" for a revoked one, else "UNTRUSTED" (unknown). */
const char *hosts_table_untrusted(bool changed, bool revoked);

/* Whether a row running a release this incident judged bad (bad_rel)
 * says so in its VERDICT cell and counts in the tally: while its host's
 * verdict (level, < 0: none) asks for no rollback. CONSIDER ROLLBACK or
 * worse already does; below it the host's metrics (another service's,
 * often) would read the row as fine. */
bool hosts_table_bad_release(int level, bool bad_rel);

/* The VERDICT cell of a row whose host's verdict is level (enum
 * decide_level; < 0: none yet, ""): its name ("ROLLBACK IMMEDIATELY",
 * brief "ROLLBACK", "CONSIDER"), and while hysteresis holds it above what
 * the metrics say, " (held)" after it, brief "*" ("ROLLBACK*"). A row on
 * a bad release (hosts_table_bad_release) reads "BAD RELEASE" first, the
 * verdict after it ("BAD RELEASE (OK)", "BAD RELEASE (MONITOR held)"),
 * brief "BAD REL". */
void hosts_table_verdict(int level, bool held, bool bad_rel, bool brief, char *buf, size_t cap);

/* hosts_table_verdict of a row on a bad release only by the tag the
 * journal last said of it (its host away, never read by this console):
 * "BAD RELEASE (journal)", "BAD RELEASE (OK held, journal)", brief "BAD
 * REL (j)" — the likeliest state, never passing for one read now. */
void hosts_table_verdict_journal(int level, bool held, bool brief, char *buf, size_t cap);

/* The VERDICT cell of a row whose host's verdict rests on other services'
 * restarts alone (by: their names, decide_verdict's by_names): the
 * host's verdict with whose it is, "ROLLBACK IMMEDIATELY (api)", held
 * "… (api, held)", brief "ROLLBACK (api)", "ROLLBACK* (api)": never read
 * as this service's own. */
void hosts_table_verdict_by(int level, bool held, const char *by, bool brief, char *buf,
    size_t cap);

/* What HOSTS read of a row, for how bad its health is. */
struct hosts_health {
	bool up;                         /* its host's connection is UP */
	bool read;                       /* the service was read at all */
	bool broken;                     /* its poll fails, or its container is
	                                    exited, absent or unhealthy */
	bool probed;                     /* health_url serves this service */
	bool have_probe;                 /* … and a probe round answered */
	int healthz, readyz;             /* enum probe_health */
	bool warned;                     /* migrations not current, or /version
	                                    differs from the tag */
	int restarts;                    /* within the window; < 0: not known */
	int level;                       /* its host's verdict; < 0: none yet */
	bool bad_rel;                    /* it runs a release judged bad */
};

/* How bad a row is, for o by health (worst first): host not UP, its
 * host at ROLLBACK IMMEDIATELY, a broken container or failing poll,
 * /healthz or /readyz FAIL, CONSIDER ROLLBACK, on a bad release
 * (hosts_table_bad_release), NO DATA or a probe without an answer
 * (UNKNOWN), restarts in the window, a warning, not read yet, OK (0). */
int hosts_table_health_rank(const struct hosts_health *h);

/* A row, in config order, as o orders it. */
struct hosts_order_row {
	const char *host;                /* the same pointer for a host's rows */
	int health;                      /* hosts_table_health_rank */
	int verdict;                     /* higher is worse */
};

/* order[pos] = the index of the row at position pos of the n rows under
 * sort: by host as given; by verdict or by health each host's rows
 * together, at its worst row's verdict (then health) or health (then
 * verdict), so a host never reads as two. */
void hosts_table_order(const struct hosts_order_row *rows, int n, enum hosts_sort sort,
    int *order);

/* The first of n rows (health: each row's hosts_table_health_rank, in
 * the order shown) in sight of body rows, the selected at selpos: just
 * enough scroll to show it; shrunk (HOSTS giving its rows to a pane
 * below), from the first worst row when that would be out of sight and
 * the selection is less bad. */
int hosts_table_top(const int *health, int n, int selpos, int body, bool shrunk);

/* Whether filter ("": all) is in one of the n cells, in any case (F). */
bool hosts_table_matches(const char *filter, const char *const *cells, int n);

/* A row as the hidden-rows markers weigh it. */
struct hosts_mark_row {
	const char *host;                /* the same pointer for a host's rows */
	int level;                       /* its host's verdict; < 0: none yet */
	bool down;                       /* its host's connection is DOWN */
	bool unread;                     /* its poll fails or its health gives no
	                                    answer (UNKNOWN): not seen now */
	bool bad_rel;                    /* it runs a release judged bad */
	bool ahead;                      /* its /readyz says the schema is ahead of
	                                    its release */
	bool failing;                    /* its /healthz or /readyz says FAIL, its
	                                    host UP */
	bool key_changed;                /* its host offered a key other than the
	                                    one known_hosts holds: refused */
	bool untrusted;                  /* its host's key is not known (nor
	                                    changed): nothing is sent to it */
};

/* What a marker says of the rows it counts, out of sight (whatever is
 * in sight: a host as bad there may hide another one): the worst verdict
 * among them (MONITOR or worse) and how many hosts have it, or, with
 * none at CONSIDER ROLLBACK or worse, the hosts with a row reading BAD
 * RELEASE, or else on a schema ahead (ranked as the tally ranks them),
 * the hosts DOWN among them (or else failing health, or else not read),
 * and which of the two is worse by the pane's order (by health a host
 * DOWN, failing health but beside ROLLBACK IMMEDIATELY, not read but
 * beside CONSIDER or worse or a bad release; else the verdict). A host
 * with two rows is counted once. */
struct hosts_hidden {
	int rows;
	const char *worst;               /* the first host of the verdict (or bad
	                                    release) named, or NULL */
	int level;                       /* the worst verdict among them; < 0: none */
	int nworst;                      /* hosts with that verdict (or on a bad
	                                    release) */
	bool bad_rel;                    /* worst names hosts on a bad release */
	bool ahead;                      /* worst names hosts on a schema ahead of
	                                    their release (below CONSIDER, no bad
	                                    release: ranked as the tally ranks it) */
	const char *down;                /* the first host DOWN, or NULL */
	int ndown;                       /* hosts DOWN (each counted once) */
	bool down_first;
	bool failing;                    /* none DOWN: down and ndown are the
	                                    hosts failing health */
	bool unread;                     /* none DOWN nor failing health: down and
	                                    ndown are the hosts not read, said
	                                    "not read" */
};

/* Fold the n rows (in the pane's order) into *out. */
void hosts_table_hidden(const struct hosts_mark_row *rows, int n, enum hosts_sort sort,
    struct hosts_hidden *out);

/* Which marker: rows hidden above, below, or by the filter. */
enum hosts_more { HOSTS_MORE_UP, HOSTS_MORE_DOWN, HOSTS_MORE_FILTER };

/* The marker of h in wording form (0 the longest; each next one shorter,
 * the worse thing's host kept as long as anything is named): "▼ 19 more
 * rows, worst h17 and 2 more ROLLBACK IMMEDIATELY; h11 DOWN" … "▼ 19:
 * h17 +2 ROLLBACK, 1 DOWN" … "▼19 h17" … "▼19"; hosts DOWN first, no
 * "worst": "▼ 19 more rows: h11 and 1 more DOWN"; "filter hides 29 rows:
 * h17 ROLLBACK IMMEDIATELY" … "F hides 29"; a bad release "▼ 19 more rows,
 * worst h20 on a bad release" … "▼19 h20 BAD REL"; a schema ahead "▼ 19 more
 * rows, worst h3 schema ahead" … "▼19 h3 ahead!"; "▼ 19 more rows: h3 and 1
 * more failing health" … "▼19 h3 +1 failing". Arrows in UTF-8 or ASCII. False
 * when there is no such form (the shortest is the last); buf always
 * terminated. */
bool hosts_table_more(enum hosts_more kind, bool utf8, const struct hosts_hidden *h, int form,
    char *buf, size_t cap);

/* Two markers sharing a border row of room cells (each with a space on
 * either side, and a cell of border between them): of the nx forms of
 * the more important one (widths wx[], longest first) and the ny of the
 * other (n 0: no such marker), the forms drawn in *fx and *fy (-1: left
 * out). The more important one is as long as the other's shortest form
 * leaves room for, the other as long as what is left allows; when not
 * even their shortest fit together, the more important one alone. */
void hosts_table_share(const int *wx, int nx, const int *wy, int ny, int room, int *fx,
    int *fy);

/* How many of h's marker forms (from 0) still name the worse thing's
 * state and count ("▲23 h1 +4 ROLLBACK"); those after name a host
 * alone or nothing. 0 when nothing is named. */
int hosts_table_more_named(const struct hosts_hidden *h);

/* The pane's title (nt forms, widths tw[], longest first) and ▲ (nu forms,
 * uw[], of which the first named keep the state and count) on one top
 * border of room cells (▲ takes its width, a space either side and a
 * cell of border): the forms drawn in *ft and *fu (-1: ▲ left out). The
 * title as long as ▲'s shortest named form leaves room for, then ▲ as
 * long as the rest allows; when that cannot be, ▲'s shortest form with
 * the title's first that fits beside it (or its last). nu 0: the
 * title's first that fits. */
void hosts_table_top_share(const int *tw, int nt, const int *uw, int nu, int named, int room,
    int *ft, int *fu);

/* How loud a marker of h is: 2 (a host DOWN, failing health or not read,
 * CONSIDER ROLLBACK or worse, a bad release named), 1 (MONITOR, a schema ahead), 0. */
int hosts_table_more_severity(const struct hosts_hidden *h);

/* The words after "HOSTS" in the pane's title: the order when not by
 * host ("by verdict"), then the filter's text ("having \"k8s\""); "" for
 * neither. The sort goes there, not in the HOST column's title, which
 * would widen it past what the names need. */
void hosts_table_title(enum hosts_sort sort, const char *filter, char *buf, size_t cap);

/* The whole fleet at a glance, whatever is scrolled or filtered away:
 * hosts (each counted once, at the worst verdict of its rows) at each
 * verdict MONITOR or worse, hosts below CONSIDER ROLLBACK with a row on a
 * bad release (hosts_table_bad_release), hosts DOWN (a host DOWN with a
 * verdict held counts in both), hosts not DOWN with a row not read, hosts
 * not DOWN with a row whose /healthz or /readyz FAILs (whatever its
 * verdict), and hosts with a row whose /readyz says the schema is ahead of
 * its release. */
struct hosts_tally {
	int hosts;                       /* every host */
	int rollback, consider, monitor; /* hosts at ROLLBACK IMMEDIATELY, … */
	int bad_rel;                     /* hosts "on a bad release" */
	int down;                        /* hosts DOWN */
	int unread;                      /* hosts UP whose reads fail ("not read") */
	int failing;                     /* hosts UP whose health FAILs ("failing
	                                    health") */
	int ahead;                       /* hosts with a row on a schema ahead of
	                                    its release ("schema ahead") */
	int key_changed;                 /* hosts refused for a changed host key
	                                    ("KEY CHANGED") */
	int untrusted;                   /* hosts whose key is unknown
	                                    ("untrusted") */
};

/* Count the n rows (any order) into *out. */
void hosts_table_tally(const struct hosts_mark_row *rows, int n, struct hosts_tally *out);

/* The words after "HOSTS" in the pane's title with t's tally before
 * hosts_table_title's, in wording form (0 the longest): "1 KEY CHANGED, 3 ROLLBACK
 * IMMEDIATELY, 1 CONSIDER ROLLBACK, 2 on a bad release, 1 schema ahead, 2
 * MONITOR, 2 DOWN, 2 failing health, 1 not read of 24 hosts, by verdict,
 * having \"k8s\"", then level
 * names short ("3 ROLLBACK, 1 CONSIDER"), without MONITOR's count,
 * without "of 24 hosts", with "2 bad rel", "1 ahead!", "2 failing" and "1
 * unread", without the order's then the filter's words, without "not
 * read", "failing" and "ahead!", then
 * with the worst (a
 * bad release ranks between CONSIDER and MONITOR) and DOWN alone, the
 * worse of the two alone (DOWN by health or beside a bad release), and
 * "" last; a count is never cut, and MONITOR's, "not read" or "schema
 * ahead" stays while nothing worse is counted. *lead: the tally's bytes at
 * buf's start (0 when none). With no host MONITOR or worse, DOWN, failing
 * health, not read nor schema ahead,
 * one form: hosts_table_title's words. False when there is no such form;
 * buf always terminated. */
bool hosts_table_tally_title(const struct hosts_tally *t, enum hosts_sort sort,
    const char *filter, int form, char *buf, size_t cap, size_t *lead);

/* How loud the tally is: 2 (a host DOWN, CONSIDER ROLLBACK or worse, on
 * a bad release, failing health, not read), 1 (MONITOR, a schema ahead), 0 (nothing to count). */
int hosts_table_tally_severity(const struct hosts_tally *t);

/* The latest finished action on a row, against what the row runs now. */
struct hosts_since_action {
	const char *to;                  /* the tag it left the service on ("": it
	                                    moves no tag, a command) */
	int64_t end_ms;                  /* its outcome's record (end, or what
	                                    settled it), 0 not known */
	const char *tag;                 /* the tag read now ("": not read) */
	int64_t seen_ms;                 /* the first read saying tag answered then */
	bool replaced;                   /* … and tag replaced another one read
	                                    (a first read says no change) */
	int64_t deployed_ms;             /* tag went live then, per the driver's
	                                    history; 0 not told */
	bool outside;                    /* no action of the journal's made it */
};

/* Whether the row's tag was seen to move off the action's after its end,
 * so its outcome no longer says what runs there; then buf has what does
 * ("now v1.5.0-bad, deployed outside this console at 09:14:03"). */
bool hosts_table_superseded(const struct hosts_since_action *o, char *buf, size_t cap);

#endif
