/*
 * decide.h — thresholds + current metrics -> the METRICS pane's verdict.
 *
 * decide() is pure and stateless: the caller keeps the last verdict and
 * passes it back in, which is how hysteresis works. Moving to a worse level
 * is immediate; moving to a better one needs every metric to sit below the
 * thresholds by a margin for a number of consecutive evaluations. A metric
 * that is missing is never such an evaluation: a bad verdict is held while
 * data is missing, saying since when, and gives way (to NO DATA at best,
 * never OK) only after a while without it.
 *
 * "No data" (a metric the caller could not get) is never read as good:
 * when no rule fires and some metric is missing the verdict is NO DATA,
 * which ranks above OK and below MONITOR. A host with no metrics source
 * (no_metrics) is judged on its restarts alone, by the same rule and
 * hysteresis, NO DATA at best, the reason saying so. A host's figures
 * speak for all its services, restarts for one: a verdict resting on
 * restarts alone says whose (by), for HOSTS and the r dialog.
 *
 * An error rate counted over fewer requests than the thresholds'
 * min_requests (one 500 in 20 requests is "5%") fires no level, nor does
 * a p95 over them, but neither is a missing figure: a quiet, healthy
 * service can be OK, and the reason says so ("error rate 5%, p95 120 ms
 * (1 of 20 requests: too few to judge, min_requests 30)"). Such an evaluation is not calm: a bad verdict stays,
 * held ("error rate not judged since …"), and the calm run starts over.
 * Like missing data it gives way after a while, to what the judged
 * figures say and NO DATA at best, as a missing error rate would: OK would
 * be health nobody measured. A service at OK stays OK while quiet. A hold
 * going on from missing data to too few requests, or back, keeps the time
 * it began. The caller adds up scrape intervals until there are enough
 * requests (ratewin.h), and says over how long ("p95 1504 ms (last 5s)
 * > 1000 ms"). Where the count is not known (a Prometheus query, whose
 * own range the caller cannot see) the figures are judged as they come. Also here: the
 * pane's number formats and its sparkline.
 */
#ifndef WARROOM_DECIDE_H
#define WARROOM_DECIDE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/config.h"

/* Room for a reason naming every failing Prometheus query. */
#define WR_DECIDE_REASON_MAX 512

/* The services a verdict's by can name (bits of a uint32_t). */
#define WR_DECIDE_BY_MAX 32

/* Defaults of struct decide_params. */
#define WR_DECIDE_MARGIN 0.10
#define WR_DECIDE_CALM_CHECKS 2
#define WR_DECIDE_NO_DATA_HOLD_S 300
/* The most calm checks a verdict can ask for (more are cut to this). */
#define WR_DECIDE_CALM_MAX 8

/* In order of severity: a larger value is worse. */
enum decide_level {
	DECIDE_OK,
	DECIDE_NO_DATA,
	DECIDE_MONITOR,
	DECIDE_CONSIDER,
	DECIDE_ROLLBACK,
};

/* One service's own restart count, for naming whose restarts a verdict
 * rests on (a host's metrics cannot be split by service; restarts can). */
struct decide_service {
	const char *name;
	int restarts;                    /* within the window; < 0: not known */
};

/* What the caller measured. */
struct decide_input {
	double error_rate;               /* fraction of requests; NAN: no data */
	double p95_ms;                   /* NAN: no data */
	int restarts;                    /* within the thresholds' window; < 0: no data
	                                    (a host's: its worst service's) */
	const struct decide_service *services;  /* the host's services in config
	                                    order, or NULL: with more than one,
	                                    a restarts clause names those at or
	                                    over the limit ("api: 15 restarts") */
	int nservices;
	bool restarts_unreported;        /* the driver has no restart count at all
	                                    (compose ps, helm): not "no data" */
	bool restarts_partial;           /* restarts counts less than the window
	                                    (the console watched less): at least */
	bool no_metrics;                 /* the host has no metrics source at all
	                                    (no metrics_url, no Prometheus): error
	                                    rate and p95 are not missing but never
	                                    measured, and the verdict rests on
	                                    restarts alone, NO DATA at best */
	const char *no_data_why;         /* why error rate or p95 is missing
	                                    ("prometheus: …"), or NULL: said after
	                                    "no data for …" in parentheses */
	int64_t at_s;                    /* wall clock of this evaluation (Unix
	                                    seconds, UTC), or 0: unknown */
	double requests;                 /* requests error_rate and p95_ms were
	                                    counted over, or 0 (NAN): not known */
	double span_s;                   /* … over how long, when more than one
	                                    scrape interval ("3 of 36 requests,
	                                    last 18s"); 0: one, not said */
	int64_t restarts_read_s;         /* the driver's poll is failing and the
	                                    restart counts are from its last good
	                                    read then (wall clock, Unix seconds);
	                                    0: current. Old counts are judged,
	                                    the reason saying how old */
};

/* Hysteresis. */
struct decide_params {
	double margin;                   /* relative: 0.10 = 10 % below a threshold */
	int calm_checks;                 /* consecutive calm evaluations to improve
	                                    (1..WR_DECIDE_CALM_MAX) */
	int no_data_hold_s;              /* a bad verdict held for missing data or
	                                    too few requests gives way after this
	                                    long (≤ 0: the default) */
};

/* One evaluation, also the state the next one starts from. */
struct decide_verdict {
	enum decide_level level;         /* what to show */
	enum decide_level raw;           /* what these metrics alone say */
	enum decide_level pending;       /* the better level being confirmed */
	int calm;                        /* calm evaluations counted towards it */
	enum decide_level run[WR_DECIDE_CALM_MAX];  /* their levels (with the
	                                    margin), oldest first */
	bool held;                       /* hysteresis keeps level above what the
	                                    metrics say (the reason ends "; held at …") */
	int calm_needed;                 /* … until this many calm evaluations */
	bool held_no_data;               /* … because data is missing: no calm check */
	bool held_too_few;               /* … because the error rate had too few
	                                    requests to judge: no calm check either */
	int64_t no_data_since;           /* … since then, either (Unix seconds; 0:
	                                    unknown) */
	char no_data_why[96];            /* … the source's failure, or ""; also
	                                    kept at NO DATA for missing data, and
	                                    held from there (data_back) */
	int64_t data_back;               /* held at NO DATA with every figure
	                                    back (not calm long enough yet): the
	                                    check they came back at (Unix
	                                    seconds; 0: unknown) */
	char before[WR_DECIDE_REASON_MAX];  /* … the reason of the last evaluation
	                                    with its data */
	char reason[WR_DECIDE_REASON_MAX];  /* worst clause first, "; " between */
	uint32_t by;                     /* the services (bit i: the input's
	                                    services[i]) whose restarts alone the
	                                    level rests on; 0: the host's figures
	                                    (or one service, or not known) */
	char by_names[96];               /* … their names, ", " between, or "" */
};

/* The defaults: 10 % margin, 2 calm checks, 5 minutes' hold without data. */
struct decide_params decide_params_default(void);

/* Evaluate m against t. prev NULL: no history, the raw level is shown;
 * p NULL: the defaults. Thresholds ≤ 0 for restarts disable that rule;
 * an error rate or p95 over fewer than t->min_requests known requests
 * fires none.
 * A better level waits for calm_checks calm evaluations in a row and is
 * the worst of the last calm_checks; one missing a metric is not calm and
 * holds a bad verdict until no_data_hold_s after the first (never, while
 * m->at_s is 0), then the level is what the data says; one with too few
 * requests is not calm either and holds it alike, then gives way to what
 * the judged figures say, NO DATA at best (OK while prev was). */
struct decide_verdict decide(const struct config_thresholds *t,
    const struct decide_input *m, const struct decide_verdict *prev,
    const struct decide_params *p);

/* Whether v, judged on m with no history, is a host's first verdict:
 * it has a figure (error rate or p95) or a rule fired (restarts need no
 * rates), or a host without metrics has its restarts (or its driver
 * never reports any); or, after rounds earlier rounds without one, the source said
 * why data is missing (m->no_data_why), or two rounds went by with
 * none. A first round's NO DATA because a rate needs a second scrape is
 * no verdict: not a change to record, nor a level to hold (the next
 * round judges afresh). */
bool decide_first_verdict(const struct decide_input *m, const struct decide_verdict *v,
    int rounds);

/* Whether service svc (its index in the input's services) is not among
 * those v's level rests on, while v rests on other services' restarts
 * alone: then dst has the words the r dialog says before a rollback of it
 * ("the verdict comes from api's restarts; jobs has 0"; its own count
 * restarts, partial "2+", < 0 "jobs's restarts are not known"). */
bool decide_other_cause(const struct decide_verdict *v, int svc, const char *name,
    int restarts, bool partial, char *dst, size_t cap);

/* "ROLLBACK IMMEDIATELY", "CONSIDER ROLLBACK", "MONITOR", "OK", "NO DATA". */
const char *decide_level_name(enum decide_level l);

/* The level named name (decide_level_name's words) into *out; false for
 * any other word. */
bool decide_level_parse(const char *name, enum decide_level *out);

/* Whether a verdict's reason, as recorded, says its host has no metrics
 * source and was judged on restarts read (none missing): a NO DATA then
 * is its calm, as good as such a host gets. */
bool decide_reason_restarts_calm(const char *reason);

/* This console's verdict state mine, taking over recording from a console
 * whose hysteresis held another level, or resuming the incident: the
 * journal's latest level said is adopted as far as mine's metrics allow
 * (never below mine->raw, what they alone say), held above raw with its
 * calm run starting over (the record carries no count), so only a change
 * of the metrics is written after. A said NO DATA is not held over
 * figures mine has. A hold for missing data or too few requests keeps
 * its clock. */
struct decide_verdict decide_adopt(const struct decide_verdict *mine, enum decide_level said);

/* The verdict as METRICS titles it, in at most max columns: its level's
 * name and, while held, for how long ("ROLLBACK IMMEDIATELY (held: 1/2
 * calm checks)", "… (held 1/2)"; "… (held: no data since 10:02:11 —
 * metrics: HTTP 302)", "… (held: no data)"; "… (held: error rate not
 * judged since 03:12:40)", "… (held: too few requests)"): a held verdict
 * is never shown bare when its shortest form fits. Returns the length. */
size_t decide_headline(const struct decide_verdict *v, int max, char *dst, size_t cap);

/* The reason as METRICS shows it: a held verdict's hold first ("held,
 * 1/2 calm checks: below thresholds: …"; "held, no data since 10:02:11:
 * before it, error rate 6.74% > 5%; now no data for …"; "held, error rate
 * not judged since 03:12:40: before it, …; now …"), so a narrow pane
 * shows why the level stays. Otherwise the reason as is. Returns the length. */
size_t decide_reason_shown(const struct decide_verdict *v, char *dst, size_t cap);

/* A fraction as a percentage ("7.9%", "5%", "0.12%"); NAN: "no data".
 * Returns the length written to dst[cap] (always terminated). */
size_t decide_format_percent(double fraction, char *dst, size_t cap);

/* Milliseconds ("1500 ms", "2.5 ms"); NAN: "no data". As above. */
size_t decide_format_ms(double ms, char *dst, size_t cap);

/* A window in seconds as "5m", "1h", "90s", "1h30m". As above. */
size_t decide_format_window(int seconds, char *dst, size_t cap);

/* Whether a restart count read by a console that has watched for
 * watched_s covers less than window_s, so is only a lower bound. */
bool decide_restarts_partial(int64_t watched_s, int window_s);

/* A restart count as HOSTS and the verdict say it: "4", "4+" (at least:
 * partial and above 0), "-" (n < 0: not known). As above. */
size_t decide_format_restarts(int n, bool partial, char *dst, size_t cap);

/* n values as U+2581..U+2588 bars, 0 the lowest and full the highest
 * (greater values clip at it); full ≤ 0 or NAN: scaled from min(0, least)
 * to the greatest. NAN (no data) is a gap, "·". Writes whole characters
 * only into dst[cap] (always terminated) and returns the bytes written. */
size_t decide_sparkline(const double *v, size_t n, double full, char *dst, size_t cap);

/* decide_sparkline in at most cols bars, the newest last: with more values
 * than bars, each bar is the greatest of its share (a spike is never
 * averaged away; a gap only when its whole share has no data). */
size_t decide_sparkline_fit(const double *v, size_t n, size_t cols, double full, char *dst,
    size_t cap);

#endif
