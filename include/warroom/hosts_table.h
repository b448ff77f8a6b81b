/*
 * hosts_table.h — the HOSTS table's rules that need no screen: which
 * columns matter most at the moment, how the age of a row's data reads
 * while the poll behind it fails, a row's verdict in its cell, and the
 * marker that says rows are hidden above or below (naming one that is
 * worse than all in sight).
 * Pure: the caller passes what it read and measures the text it gets.
 */
#ifndef WARROOM_HOSTS_TABLE_H
#define WARROOM_HOSTS_TABLE_H

#include <stdbool.h>
#include <stddef.h>

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
 * (HOSTS_EXPORTS_ON). Returns how many steps were written. */
enum hosts_exports { HOSTS_EXPORTS_NONE, HOSTS_EXPORTS_KNOWN, HOSTS_EXPORTS_ON };
int hosts_table_steps(bool stale, bool restarts, bool verdicts, enum hosts_exports exports,
    int *steps);

/* How bad the worst value in a row's columns left out is: severity[c]
 * is 0 (fine), 1 (a warning) or 2 (bad) for each of the n columns, and
 * only those with show[c] false count. Not 0: the row is marked, so a
 * column dropped for room never makes a failing row look healthy. */
int hosts_table_hidden_worst(const bool *show, const int *severity, int n);

/* The AGE cell: how old the data is ("41s", "12m", "3h"; age_s < 0:
 * none), followed by "ERR" while the poll behind it fails ("ERR" alone
 * when brief: the line under the table then says how old). */
void hosts_table_age(long age_s, bool failing, bool brief, char *buf, size_t cap);

/* The VERDICT cell of a row whose host's verdict is level (enum
 * decide_level; < 0: none yet, ""): its name ("ROLLBACK IMMEDIATELY",
 * brief "ROLLBACK", "CONSIDER"), and while hysteresis holds it above what
 * the metrics say, " (held)" after it, brief "*" ("ROLLBACK*"). */
void hosts_table_verdict(int level, bool held, bool brief, char *buf, size_t cap);

/* Of n hidden rows with verdict levels[i] (enum decide_level; < 0: none
 * yet), the one a marker names: the worst, when it is MONITOR or worse
 * and worse than every row in sight (shown_worst). Its index, or -1. */
int hosts_table_worst(const int *levels, int n, int shown_worst);

/* The marker of hidden rows above (up) or below, in wording form (0 the
 * longest; each next one shorter), naming host name at verdict level
 * when name is not NULL; arrows in UTF-8 or ASCII. False when there is
 * no such form (the shortest is the last); buf always terminated. */
bool hosts_table_more(bool up, bool utf8, int hidden, const char *name, int level,
    int form, char *buf, size_t cap);

/* The words after "HOSTS" in the pane's title: the order when not by
 * host ("by verdict"), then the filter's text ("having \"k8s\""); "" for
 * neither. The sort goes there, not in the HOST column's title, which
 * would widen it past what the names need. */
void hosts_table_title(enum hosts_sort sort, const char *filter, char *buf, size_t cap);

#endif
