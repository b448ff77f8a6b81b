/*
 * metrics_pane.h — which rows the METRICS pane keeps when it is short of
 * room, and the marker that says what it left out. The verdict, its
 * reason, the error rate and p95 go last; whatever is hidden is counted
 * on the pane's border, naming the worst hidden host when it is MONITOR
 * or worse. Pure: the caller measures its rows and draws the ones kept.
 * Also the text of the error-rate and p95 rows, sparklines and scale,
 * and of the thresholds row.
 */
#ifndef WARROOM_METRICS_PANE_H
#define WARROOM_METRICS_PANE_H

#include <stdbool.h>
#include <stddef.h>

/* The kinds of row, most pressing first: rows are kept in this order. */
enum metrics_pane_kind {
	METRICS_PANE_VERDICT,            /* the selected host and its verdict (or why none) */
	METRICS_PANE_REASON,
	METRICS_PANE_ERRORS,
	METRICS_PANE_P95,
	METRICS_PANE_DOWN,               /* no scrapes while the host is not UP */
	METRICS_PANE_WHY,                /* the last scrape's failure, wrapped */
	METRICS_PANE_SHARED,             /* its Prometheus figures are other hosts' too */
	METRICS_PANE_BAD_HOST,           /* another host at MONITOR or worse */
	METRICS_PANE_RATE,               /* req/s, where from */
	METRICS_PANE_RESTARTS,
	METRICS_PANE_THRESHOLDS,
	METRICS_PANE_HOST,               /* another host, OK or without data */
};

struct metrics_pane_row {
	enum metrics_pane_kind kind;
	int height;                      /* rows it takes whole */
	int min_height;                  /* fewer it may be cut to (0: whole or none) */
	int level;                       /* another host's: enum decide_level */
	/* metrics_pane_fit's answer */
	bool shown;
	int rows;                        /* rows given, <= height */
};

/* Which of rows[0..n) (in drawing order) show in h rows: kind by kind,
 * most pressing first, each in drawing order, whole (or cut to no less
 * than its min_height) when it fits. Returns how many are hidden; *worst
 * is the hidden host row to name (the worst, MONITOR or worse), or -1. */
int metrics_pane_fit(struct metrics_pane_row *rows, int n, int h, int *worst);

/* How many other hidden host rows are at the level of rows[worst] (as
 * metrics_pane_fit chose it; -1: 0), so the marker can count them. */
int metrics_pane_alike(const struct metrics_pane_row *rows, int n, int worst);

/* The marker of hidden rows in wording form (0 the longest; each next
 * one shorter): the count in panemore's words, as every pane's border
 * says it, then that z shows them when hint, then the worst hidden host
 * at its verdict level when name is not NULL and how many more hidden
 * hosts are at it: "▼ 27 more rows (z), worst h16 and 3 more ROLLBACK
 * IMMEDIATELY", "▼ 27 more (z), worst h16 +3 ROLLBACK"; arrow in UTF-8
 * or ASCII. False when there is no such form (the shortest is the last);
 * buf always terminated. */
bool metrics_pane_more(bool utf8, int hidden, const char *name, int level, int also,
    bool hint, int form, char *buf, size_t cap);

/* The footer's answer to a scroll key (j, k, PgDn, End…) in METRICS,
 * which keeps its rows by importance rather than scrolling: how to see
 * the hidden rows (z, or a taller terminal when zoomed already), or
 * that all are in view. Returns buf. */
const char *metrics_pane_noscroll(int hidden, bool zoomed, char *buf, size_t cap);

/* The error-rate (p95 false: a fraction) or p95 (true: ms) row in at most
 * width columns: its name, the figure now, the sparkline of hist[0..n)
 * (oldest first; NAN no data, a gap) with a full bar at full, the
 * rollback threshold (greater values clip at it, so a healthy line sits
 * low), and that scale after it ("0–5%"); short of room the scale goes
 * before the sparkline does. dst always terminated; returns the length. */
size_t metrics_pane_series(bool p95, double now, const double *hist, size_t n, double full,
    int width, char *dst, size_t cap);

struct config_thresholds;

/* The forms of the thresholds row, longest first. */
#define METRICS_PANE_THRESHOLDS_FORMS 3

/* The thresholds row: every level t judges by, worst first (errors, p95
 * and restarts at rollback; errors and p95 at consider and monitor; a level
 * off is left out), with the operator its rule applies, how far under a
 * level (margin, 0.10 = 10%) a check must be to count as calm, and the
 * runbook line the matrix came from (NULL or ""). restarts_only: a host
 * judged on restarts alone. form 0 in words; 1 in figures ("rollback >5%
 * >2000ms …"); 2 and past, the levels alone, for a narrow pane. dst
 * always terminated; returns the length. */
size_t metrics_pane_thresholds(const struct config_thresholds *t, bool restarts_only,
    double margin, int form, const char *matrix_from, char *dst, size_t cap);

#endif
