/*
 * logstatus.h — what LOGS' status line keeps when the pane is narrow.
 * What changes what the pane shows wins the room: paused (with the new
 * lines), a tail NOT STREAMING, the filter (and what it could not search).
 * The line count and the label give way first (hidden timestamps only
 * to a brief word, merged tails' label to its first name and a count,
 * which goes only after the counts are brief); then the counts and then the states are worded
 * briefly; then the lesser counts go and the filter's pattern is cut.
 * The modes the user turned on (wrap, the timestamps' word) go last, only
 * when nothing else can. Pure: widths in, choices out.
 */
#ifndef WARROOM_LOGSTATUS_H
#define WARROOM_LOGSTATUS_H

#include <stddef.h>

/* The parts, in the order they are drawn. */
enum logstatus_part {
	LOGSTATUS_LABEL,         /* "api-1/api", "api-1/api, api-2/api, by time" */
	LOGSTATUS_GAP,           /* "NOT STREAMING: why; retrying" */
	LOGSTATUS_LINES,         /* "1214 lines" */
	LOGSTATUS_FILTER,        /* "filter /status=5/ (case)" */
	LOGSTATUS_MATCHING,      /* "3 matching (searching, 41%)" */
	LOGSTATUS_UNSEARCHED,    /* "1 line could not be searched (match limit)" */
	LOGSTATUS_DROPPED,       /* "api-1/api: oldest kept 05:47:06 (N dropped)" */
	LOGSTATUS_WRAP,          /* "wrap" */
	LOGSTATUS_TIMES,         /* "timestamps hidden (t)" */
	LOGSTATUS_PAUSED,        /* "PAUSED +78 new (f follows)" */
	LOGSTATUS_PARTS
};

/* Columns of each part's whole wording and of its brief one (0: the part
 * is not there; a brief 0: it has none), and of the gap between parts. */
struct logstatus_in {
	int cols;
	int sep;
	int full[LOGSTATUS_PARTS];
	int brief[LOGSTATUS_PARTS];
};

enum logstatus_form { LOGSTATUS_GONE, LOGSTATUS_BRIEF, LOGSTATUS_FULL };

struct logstatus_fit {
	enum logstatus_form form[LOGSTATUS_PARTS];
	int filter_cols;         /* > 0: the filter cut to this many columns */
};

/* The wording of each part that fits in in->cols, given way in the order
 * above. */
void logstatus_fit(const struct logstatus_in *in, struct logstatus_fit *out);

/* Merged tails' label in at most cols columns (a byte a column): every
 * name joined by ", " and tail when they fit, else as many names as fit
 * and a count of the rest ("h2/api, h4/api +6"), the first at least. */
void logstatus_names(const char *const *names, int n, const char *tail, int cols,
    char *out, size_t cap);

/* The footer's words when Enter on a HOSTS row turned LOGS from was
 * services merged to label alone: what happened and how to merge again
 * ("LOGS now follows h1/api only (was 8 merged); + on a HOSTS row adds a
 * service back"); with was < 2, "LOGS: tailing h1/api". */
void logstatus_replaced(const char *label, int was, char *out, size_t cap);

/* What an empty LOGS pane says when the filter matches none of the lines
 * its tail (label) holds: "filter /WARN/ matches none of h1/api's 2684
 * lines; / edits it, / then C-u Enter clears it". */
void logstatus_none_match(const char *pattern, const char *label, size_t lines, char *out,
    size_t cap);

/* The filter part cut to cols columns (a character a column): lead
 * ("filter " or ""), "/", as much of pattern as fits, "…/", then tail
 * (" (case)") whole, which says how the pattern is read; whole when it
 * fits. Into out[cap]. */
void logstatus_filter(const char *lead, const char *pattern, const char *tail, int cols,
    char *out, size_t cap);

/* Columns the parts take as chosen in f, gaps included. */
int logstatus_width(const struct logstatus_in *in, const struct logstatus_fit *f);

#endif
