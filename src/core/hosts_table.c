/*
 * hosts_table.c — column priorities, the TAG, AGE and VERDICT cells (a
 * tag only the journal knows says so, a row on a release judged bad
 * says so), the health order and the hidden-rows markers of the HOSTS
 * table (naming a bad release too), the title's tally, and when the
 * selected row's last outcome has been overtaken.
 */
#include "warroom/hosts_table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/columns.h"
#include "warroom/decide.h"
#include "warroom/panemore.h"
#include "warroom/probe.h"
#include "warroom/util.h"

int
hosts_table_steps(bool stale, bool restarts, bool verdicts, enum hosts_exports exports,
    bool copies, int *steps)
{
	int n = 0;

	steps[n++] = HOSTS_COL_HOST;
	steps[n++] = HOSTS_COL_SVC;
	steps[n++] = HOSTS_COL_CONN;
	/* Whether to roll back rests on the tag first. */
	steps[n++] = HOSTS_COL_TAG;
	/* Then the verdict on it: without it the worst host's row read all
	 * green (its health may be fine while its error rate is not). */
	if (verdicts)
		steps[n++] = HOSTS_COL_VERDICT;
	/* A leak the kill switch did not stop outranks everything but the tag. */
	if (exports == HOSTS_EXPORTS_ON)
		steps[n++] = HOSTS_COL_EXPORT;
	/* Then whether it serves: a failing /healthz or migrations ahead
	 * ("ahead!", brief) out of sight made a failing row look healthy. */
	steps[n++] = HOSTS_COL_HEALTH;
	steps[n++] = HOSTS_COL_READY;
	/* A value of unknown age passes for a current one: its age is what
	 * says it may not be. A crash loop's count is in no other column.
	 * Either, left out, still marks its row (hosts_table_hidden_worst). */
	if (stale)
		steps[n++] = HOSTS_COL_AGE;
	if (restarts)
		steps[n++] = HOSTS_COL_RESTARTS;
	/* TAG's .env! (taken brief, the tag alone, until here) after what
	 * the service does now: a hazard for the next `up -d`, and left out
	 * the row's ! and the line under the table still say it. */
	steps[n++] = COLUMNS_WIDEN(HOSTS_COL_TAG);
	/* "ROLLBACK IMMEDIATELY" says no more than "ROLLBACK" does. */
	if (verdicts)
		steps[n++] = COLUMNS_WIDEN(HOSTS_COL_VERDICT);
	/* "41s ERR" over "ERR" once the tag and health are in. */
	if (stale)
		steps[n++] = COLUMNS_WIDEN(HOSTS_COL_AGE);
	steps[n++] = COLUMNS_WIDEN(HOSTS_COL_READY);
	steps[n++] = HOSTS_COL_STATE;
	if (!stale)
		steps[n++] = COLUMNS_WIDEN(HOSTS_COL_STATE);
	/* A /version that only repeats the tag tells nothing the TAG does
	 * not; one that differs is a warning and keeps its place. */
	if (!copies)
		steps[n++] = HOSTS_COL_VERSION;
	if (stale)
		steps[n++] = COLUMNS_WIDEN(HOSTS_COL_STATE);
	else
		steps[n++] = HOSTS_COL_AGE;
	if (!restarts)
		steps[n++] = HOSTS_COL_RESTARTS;
	if (exports == HOSTS_EXPORTS_KNOWN)
		steps[n++] = HOSTS_COL_EXPORT;
	if (copies)
		steps[n++] = HOSTS_COL_VERSION;
	/* "DOWN 2m43s" says little more than "DOWN 2m" does. */
	steps[n++] = COLUMNS_WIDEN(HOSTS_COL_CONN);
	steps[n++] = HOSTS_COL_DRIVER;
	steps[n++] = HOSTS_COL_ADDR;
	return n;
}

int
hosts_table_hidden_worst(const bool *show, const int *severity, int n)
{
	int c, worst = 0;

	for (c = 0; c < n; c++)
		if (!show[c] && severity[c] > worst)
			worst = severity[c];
	return worst;
}

bool
hosts_table_left_out(int c, bool old, bool drift, int *sev)
{
	/* .env as last read still brings another tag back at the next
	 * `up -d`: a hazard however old the reading. */
	if (drift)
		*sev = 2;
	/* CONN (or AGE's ERR) says the row is old, not how old: at 80
	 * columns AGE goes, and with it all that said so. */
	if (old && c == HOSTS_COL_AGE)
		return true;
	return *sev > 0;
}

void
hosts_table_title(enum hosts_sort sort, const char *filter, char *buf, size_t cap)
{
	const char *by = sort == HOSTS_BY_HEALTH ? "by health" :
	    sort == HOSTS_BY_VERDICT ? "by verdict" : "";

	snprintf(buf, cap, "%s%s%s%s%s", by, by[0] && filter[0] ? ", " : "",
	    filter[0] ? "having \"" : "", filter, filter[0] ? "\"" : "");
}

void
hosts_table_tag(const char *tag, bool journal, bool brief, int cells, char *buf, size_t cap)
{
	const char *p = tag;
	int keep;

	if (!journal || tag[0] == '\0') {
		wr_strlcpy(buf, tag, cap);
		return;
	}
	if (!brief && (cells <= 0 || (int)wr_utf8_chars(tag, strlen(tag)) + 10 <= cells)) {
		snprintf(buf, cap, "%s (journal)", tag);
		return;
	}
	if (cells <= 0 || (int)wr_utf8_chars(tag, strlen(tag)) + 4 <= cells) {
		snprintf(buf, cap, "%s (j)", tag);
		return;
	}
	/* Cut the tag, not the mark: an old tag must not read as a live read. */
	if ((keep = cells - 5) < 1) {
		wr_strlcpy(buf, "(j)", cap);
		return;
	}
	for (; *p != '\0'; p++)
		if (((unsigned char)*p & 0xC0) != 0x80 && keep-- == 0)
			break;
	snprintf(buf, cap, "%.*s\xe2\x80\xa6 (j)", (int)(p - tag), tag);
}

void
hosts_table_age(long age_s, bool failing, bool brief, char *buf, size_t cap)
{
	/* Written by hand, not snprintf: every row's AGE is formatted on
	 * every frame (twice, to fit the column), once a second when idle. */
	char out[48], digits[24];
	size_t n = 0, k = 0;
	char unit = 0;
	long v = 0;

	if (failing && brief)
		age_s = -1;
	if (age_s >= 0 && age_s < 100)
		v = age_s, unit = 's';
	else if (age_s >= 100 && age_s < 6000)
		v = age_s / 60, unit = 'm';
	else if (age_s >= 6000)
		v = age_s / 3600, unit = 'h';
	if (unit != 0) {
		do
			digits[k++] = (char)('0' + v % 10);
		while ((v /= 10) > 0);
		while (k > 0)
			out[n++] = digits[--k];
		out[n++] = unit;
	}
	if (failing) {
		if (n > 0)
			out[n++] = ' ';
		memcpy(out + n, "ERR", 3);
		n += 3;
	}
	out[n] = '\0';
	wr_strlcpy(buf, out, cap);
}

void
hosts_table_down(long down_s, bool brief, char *buf, size_t cap)
{
	if (down_s < 0)
		snprintf(buf, cap, "DOWN");
	else if (down_s < 60)
		snprintf(buf, cap, "DOWN %lds", down_s);
	else if (down_s < 3600 && brief)
		snprintf(buf, cap, "DOWN %ldm", down_s / 60);
	else if (down_s < 3600)
		snprintf(buf, cap, "DOWN %ldm%02lds", down_s / 60, down_s % 60);
	else if (brief)
		snprintf(buf, cap, "DOWN %ldh", down_s / 3600);
	else
		snprintf(buf, cap, "DOWN %ldh%02ldm", down_s / 3600, down_s % 3600 / 60);
}

const char *
hosts_table_untrusted(bool changed, bool revoked)
{
	/* An unknown key waits for K; a changed or revoked one never takes
	 * it, and must not read like the host K would fix. */
	return revoked ? "REVOKED" : changed ? "KEY CHG" : "UNTRUSTED";
}

/* The verdict in one word, for a marker short of room. */
static const char *
level_word(int level)
{
	switch (level) {
	case DECIDE_ROLLBACK: return "ROLLBACK";
	case DECIDE_CONSIDER: return "CONSIDER";
	default: return decide_level_name((enum decide_level)level);
	}
}

bool
hosts_table_bad_release(int level, bool bad_rel)
{
	return bad_rel && level < DECIDE_CONSIDER;
}

void
hosts_table_verdict(int level, bool held, bool bad_rel, bool brief, char *buf, size_t cap)
{
	/* jobs on the bad tag read OK by api's calm metrics after api alone
	 * was rolled back: the release comes first, the metrics after. */
	if (hosts_table_bad_release(level, bad_rel)) {
		if (brief || level < 0)
			snprintf(buf, cap, "%s", brief ? "BAD REL" : "BAD RELEASE");
		else
			snprintf(buf, cap, "BAD RELEASE (%s%s)",
			    decide_level_name((enum decide_level)level), held ? " held" : "");
		return;
	}
	if (level < 0) {
		buf[0] = '\0';
		return;
	}
	/* A held level is no longer what the metrics say: never bare. */
	wr_concat3(buf, cap, brief ? level_word(level) :
	    decide_level_name((enum decide_level)level), !held ? "" : brief ? "*" : " (held)", "");
}

void
hosts_table_verdict_journal(int level, bool held, bool brief, char *buf, size_t cap)
{
	if (!hosts_table_bad_release(level, true))
		hosts_table_verdict(level, held, false, brief, buf, cap);
	else if (brief)
		snprintf(buf, cap, "BAD REL (j)");
	else if (level < 0)
		snprintf(buf, cap, "BAD RELEASE (journal)");
	else
		snprintf(buf, cap, "BAD RELEASE (%s%s, journal)",
		    decide_level_name((enum decide_level)level), held ? " held" : "");
}

void
hosts_table_verdict_by(int level, bool held, const char *by, bool brief, char *buf,
    size_t cap)
{
	/* jobs at 0 restarts read ROLLBACK IMMEDIATELY for api's crash
	 * loop, and r there rolled back jobs: whose comes with the level. */
	if (brief)
		snprintf(buf, cap, "%s%s (%s)", level_word(level), held ? "*" : "", by);
	else
		snprintf(buf, cap, "%s (%s%s)", decide_level_name((enum decide_level)level), by,
		    held ? ", held" : "");
}

int
hosts_table_health_rank(const struct hosts_health *h)
{
	bool probe = h->read && h->probed && h->have_probe;

	if (!h->up)
		return 10;
	/* What to do first, above what cannot be seen: h2 and h10 at NO
	 * DATA sorted above the three hosts to roll back. */
	if (h->level == DECIDE_ROLLBACK)
		return 9;
	if (h->read && h->broken)
		return 8;
	if (probe && (h->healthz == PROBE_FAIL || h->readyz == PROBE_FAIL))
		return 7;
	if (h->level == DECIDE_CONSIDER)
		return 6;
	if (hosts_table_bad_release(h->level, h->bad_rel))
		return 5;
	/* A hung or wrong endpoint (UNKNOWN) says nothing, as NO DATA does:
	 * a blind spot, after what is known bad. */
	if (h->level == DECIDE_NO_DATA || (probe && (h->healthz != PROBE_OK ||
	    h->readyz != PROBE_OK)))
		return 4;
	if (!h->read)
		return 1;
	/* A crash loop can leave the pods that still serve answering OK. */
	if (h->restarts > 0)
		return 3;
	if (h->warned)
		return 2;
	return h->probed && !h->have_probe ? 1 : 0;
}

struct order_key {
	int row, k1, k2, first;
};

static int
order_key_cmp(const void *a, const void *b)
{
	const struct order_key *x = a, *y = b;

	if (x->k1 != y->k1)
		return y->k1 - x->k1;
	if (x->k2 != y->k2)
		return y->k2 - x->k2;
	if (x->first != y->first)
		return x->first - y->first;
	return x->row - y->row;
}

/* A HOSTS shrunk to three rows for the pane below it scrolled round the
 * selected host: with an OK host selected, the ROLLBACK hosts that were
 * the reason to look were the rows it hid (only its border counted
 * them). */
int
hosts_table_top(const int *health, int n, int selpos, int body, bool shrunk)
{
	int top = selpos >= body ? selpos - (body - 1) : 0, worst = 0, first = -1, i;

	if (!shrunk || body < 1 || n <= body || selpos < 0 || selpos >= n)
		return top;
	for (i = 0; i < n; i++)
		if (health[i] > worst) {
			worst = health[i];
			first = i;
		}
	if (first < 0 || health[selpos] >= worst)
		return top;
	for (i = top; i < top + body && i < n; i++)
		if (health[i] == worst)
			return top;
	/* A selection above the worst row: both in sight when they fit
	 * (below it, scrolling to the selection already shows both). */
	if (selpos < first && first - selpos < body)
		return first - (body - 1);
	return first < n - body ? first : n - body;
}

void
hosts_table_order(const struct hosts_order_row *rows, int n, enum hosts_sort sort,
    int *order)
{
	struct order_key *k = xcalloc(n > 0 ? (size_t)n : 1, sizeof(*k));
	int i, j;

	for (i = 0; i < n; i++) {
		k[i].row = i;
		k[i].first = i;
		if (sort == HOSTS_BY_HOST)
			continue;
		/* The host's worst row keys all of its rows, so a host's
		 * rows stay together: h10 jobs landed rows away from h10
		 * api. */
		k[i].k1 = sort == HOSTS_BY_VERDICT ? rows[i].verdict : rows[i].health;
		k[i].k2 = sort == HOSTS_BY_VERDICT ? rows[i].health : rows[i].verdict;
		for (j = 0; j < n; j++) {
			int a, b;

			if (rows[j].host != rows[i].host)
				continue;
			a = sort == HOSTS_BY_VERDICT ? rows[j].verdict : rows[j].health;
			b = sort == HOSTS_BY_VERDICT ? rows[j].health : rows[j].verdict;
			if (j < k[i].first)
				k[i].first = j;
			if (a > k[i].k1)
				k[i].k1 = a;
			if (b > k[i].k2)
				k[i].k2 = b;
		}
	}
	qsort(k, (size_t)n, sizeof(*k), order_key_cmp);
	for (i = 0; i < n; i++)
		order[i] = k[i].row;
	free(k);
}

bool
hosts_table_matches(const char *filter, const char *const *cells, int n)
{
	int i;

	if (filter[0] == '\0')
		return true;
	for (i = 0; i < n; i++)
		if (cells[i] != NULL && strcasestr(cells[i], filter) != NULL)
			return true;
	return false;
}

/* Whether rows[i]'s host has an earlier row (a host with two services
 * is one host). */
static bool
host_seen(const struct hosts_mark_row *rows, int i)
{
	int j;

	for (j = 0; j < i; j++)
		if (rows[j].host == rows[i].host)
			return true;
	return false;
}

/* Whether any of rows[i]'s host's rows (from i on) is so by is. */
static bool
host_any(const struct hosts_mark_row *rows, int n, int i,
    bool (*is)(const struct hosts_mark_row *))
{
	int j;

	for (j = i; j < n; j++)
		if (rows[j].host == rows[i].host && is(&rows[j]))
			return true;
	return false;
}

/* A row that reads BAD RELEASE. */
static bool
row_bad_rel(const struct hosts_mark_row *r)
{
	return hosts_table_bad_release(r->level, r->bad_rel);
}

static bool
row_unread(const struct hosts_mark_row *r)
{
	return r->unread;
}

/* A row whose /healthz or /readyz fails. */
static bool
row_failing(const struct hosts_mark_row *r)
{
	return r->failing;
}

/* A row on a schema ahead of its release. */
static bool
row_ahead(const struct hosts_mark_row *r)
{
	return r->ahead;
}

void
hosts_table_hidden(const struct hosts_mark_row *rows, int n, enum hosts_sort sort,
    struct hosts_hidden *out)
{
	int i, worst = -1, nunread = 0, nbad = 0, nahead = 0, nfailing = 0;
	const char *unread = NULL, *bad = NULL, *ahead = NULL, *failing = NULL;

	memset(out, 0, sizeof(*out));
	out->rows = n;
	out->level = -1;
	out->down_first = sort == HOSTS_BY_HEALTH;
	/* Only the rows out of sight: a ROLLBACK IMMEDIATELY in sight said
	 * nothing of another one below it. */
	for (i = 0; i < n; i++)
		if (rows[i].level >= DECIDE_MONITOR &&
		    (worst < 0 || rows[i].level > rows[worst].level))
			worst = i;
	for (i = 0; i < n; i++) {
		if (host_seen(rows, i))
			continue;
		/* Each host at the verdict named counted, as the hosts DOWN
		 * are: "h1 ROLLBACK IMMEDIATELY" alone hid h4 and h19. */
		if (worst >= 0 && rows[i].level == rows[worst].level && out->nworst++ == 0)
			out->worst = rows[i].host;
		if (rows[i].down && out->ndown++ == 0)
			out->down = rows[i].host;
		if (host_any(rows, n, i, row_bad_rel) && nbad++ == 0)
			bad = rows[i].host;
		/* Any of its rows: h6's failing poll hid it from every marker. */
		if (!rows[i].down && host_any(rows, n, i, row_unread) && nunread++ == 0)
			unread = rows[i].host;
		if (!rows[i].down && host_any(rows, n, i, row_failing) && nfailing++ == 0)
			failing = rows[i].host;
		if (host_any(rows, n, i, row_ahead) && nahead++ == 0)
			ahead = rows[i].host;
	}
	if (worst >= 0)
		out->level = rows[worst].level;
	/* Ranked as the title ranks it, between CONSIDER and MONITOR: h20
	 * still on the bad release below the fold left ▼ naming h22's
	 * MONITOR, or nothing. */
	if (nbad > 0 && out->level < DECIDE_CONSIDER) {
		out->worst = bad;
		out->nworst = nbad;
		out->bad_rel = true;
	}
	/* Ranked as the title ranks it, after a bad release and before
	 * MONITOR: a rollback left unfinished below the fold went unsaid
	 * though the title counted it. */
	if (nahead > 0 && !out->bad_rel && out->level < DECIDE_CONSIDER) {
		out->worst = ahead;
		out->nworst = nahead;
		out->ahead = true;
	}
	/* A host failing its health check serves no one, as a host DOWN
	 * does not: named after them, before the hosts not read (a known
	 * failure before a blind spot, as the title puts it). */
	if (out->ndown == 0 && nfailing > 0) {
		out->down = failing;
		out->ndown = nfailing;
		out->failing = true;
		/* By health ROLLBACK IMMEDIATELY sorts above a failing check. */
		out->down_first = out->down_first && out->level < DECIDE_ROLLBACK;
	}
	/* A host we cannot see is a risk to name, after the hosts DOWN. */
	if (out->ndown == 0 && nunread > 0) {
		out->down = unread;
		out->ndown = nunread;
		out->unread = true;
		/* … and CONSIDER or a bad release above what cannot be seen. */
		out->down_first = out->down_first && out->level < DECIDE_CONSIDER && !out->bad_rel;
	}
}

/* One thing a marker names: a verdict or a bad release (down false; its
 * words those of the title's tally and the VERDICT cell) or the hosts DOWN, in
 * form 0 (whole), 1 (short), 2 (the host alone) or, as the second thing,
 * 3 (without its host: "ROLLBACK", "3 ROLLBACK", "2 DOWN"). */
static void
thing(const struct hosts_hidden *h, bool down, int form, char *buf, size_t cap)
{
	const char *host = down ? h->down : h->worst;
	const char *what = down ? (h->failing ? (form == 0 ? "failing health" : "failing") :
	    h->unread ? "not read" : "DOWN") : h->bad_rel ?
	    (form == 0 ? "on a bad release" : "BAD REL") : h->ahead ?
	    (form == 0 ? "schema ahead" : "ahead!") : form == 0 ?
	    decide_level_name((enum decide_level)h->level) : level_word(h->level);
	int count = down ? h->ndown : h->nworst;

	if (form == 2)
		snprintf(buf, cap, "%s", host);
	else if (form == 3 && (down || count > 1))
		snprintf(buf, cap, "%d %s", count, what);
	else if (form == 3)
		snprintf(buf, cap, "%s", what);
	else if (count <= 1)
		snprintf(buf, cap, "%s %s", host, what);
	else
		snprintf(buf, cap, form == 0 ? "%s and %d more %s" : "%s +%d %s", host,
		    count - 1, what);
}

/* A marker's forms: prefix (0 longest … 3), the worse thing's form, the
 * other's (-1: left out): hosts' names go after the marker's own words,
 * the other thing's before the worse thing's. */
static const struct {
	signed char prefix, first, second;
} forms[] = {
	{ 0, 0, 0 }, { 1, 0, 1 }, { 1, 1, 1 }, { 2, 1, 1 }, { 2, 1, 3 }, { 2, 1, -1 },
	{ 3, 1, -1 }, { 3, 2, -1 },
	/* Nothing to name: the count alone. */
	{ 0, -1, -1 }, { 1, -1, -1 }, { 3, -1, -1 },
};

/* The forms that name something come first, up to this one. */
#define FORMS_NAMING 8

bool
hosts_table_more(enum hosts_more kind, bool utf8, const struct hosts_hidden *h, int form,
    char *buf, size_t cap)
{
	const char *rows = h->rows == 1 ? "row" : "rows";
	bool has_v = h->worst != NULL, has_d = h->ndown > 0 && h->down != NULL;
	bool down_a = has_d && (h->down_first || !has_v);
	char prefix[64], a[160], b[160];
	int p;

	buf[0] = '\0';
	if (!has_v && !has_d)
		form += FORMS_NAMING;
	if (form < 0 || form >= (int)WR_ARRAY_LEN(forms))
		return false;
	p = forms[form].prefix;
	if (kind == HOSTS_MORE_FILTER)
		snprintf(prefix, sizeof(prefix), p == 0 ? "filter hides %d %s" : p == 1 ?
		    "filter hides %d" : "F hides %d", h->rows, rows);
	else
		panemore_text(kind == HOSTS_MORE_UP, utf8, h->rows, p, prefix, sizeof(prefix));
	if (forms[form].first < 0) {
		snprintf(buf, cap, "%s", prefix);
		return true;
	}
	thing(h, down_a, forms[form].first, a, sizeof(a));
	b[0] = '\0';
	if (forms[form].second >= 0 && has_v && has_d)
		thing(h, !down_a, forms[form].second, b, sizeof(b));
	/* "worst" says the verdict named is the worst of several rows; in
	 * front of hosts DOWN it read oddly. */
	snprintf(buf, cap, "%s%s%s%s%s", prefix, p == 3 && kind != HOSTS_MORE_FILTER ? " " :
	    kind != HOSTS_MORE_FILTER && !down_a && h->rows > 1 && p <= 1 ? ", worst " : ": ",
	    a, b[0] == '\0' ? "" : p == 0 ? "; " : ", ", b);
	return true;
}

/* The cells forms x and y take together (-1: not drawn). */
static int
pair_cells(const int *wx, int x, const int *wy, int y)
{
	int n = 0;

	if (x >= 0)
		n += wx[x] + 2;
	if (y >= 0)
		n += wy[y] + 2;
	return n + (x >= 0 && y >= 0);
}

void
hosts_table_share(const int *wx, int nx, const int *wy, int ny, int room, int *fx, int *fy)
{
	int x, y;

	*fx = *fy = -1;
	/* The more important one as long as the other's shortest form
	 * leaves room for, then the other as long as what is left allows.
	 * Counting steps shortened kept "▼ 2 more rows", which names
	 * nothing, beside "F hides 25: h1 +2 ROLLBACK" that had to drop
	 * its hosts DOWN for it. */
	for (x = 0; ny > 0 && x < (nx > 0 ? nx : 1); x++) {
		if (pair_cells(wx, nx > 0 ? x : -1, wy, ny - 1) > room)
			continue;
		for (y = 0; pair_cells(wx, nx > 0 ? x : -1, wy, y) > room; y++)
			;
		*fx = nx > 0 ? x : -1;
		*fy = y;
		return;
	}
	for (x = 0; x < nx; x++)
		if (pair_cells(wx, x, wy, -1) <= room) {
			*fx = x;
			return;
		}
}

int
hosts_table_more_named(const struct hosts_hidden *h)
{
	int n = 0;

	if (h->worst == NULL && (h->ndown <= 0 || h->down == NULL))
		return 0;
	/* Forms 0 and 1 of thing() say the state; 2 the host alone. */
	while (n < FORMS_NAMING && forms[n].first >= 0 && forms[n].first <= 1)
		n++;
	return n;
}

void
hosts_table_top_share(const int *tw, int nt, const int *uw, int nu, int named, int room,
    int *ft, int *fu)
{
	int t, u;

	*ft = nt > 0 ? nt - 1 : -1;
	*fu = -1;
	if (nu <= 0) {
		for (t = 0; t < nt; t++)
			if (tw[t] <= room) {
				*ft = t;
				return;
			}
		return;
	}
	/* ▲ named whole (its state, its count) before the title's longer
	 * words: "▲23 h1" beside "of 24 hosts" hid four ROLLBACK hosts. */
	if (named > nu)
		named = nu;
	for (t = 0; named > 0 && t < nt; t++) {
		if (tw[t] + uw[named - 1] + 3 > room)
			continue;
		for (u = 0; tw[t] + uw[u] + 3 > room; u++)
			;
		*ft = t;
		*fu = u;
		return;
	}
	for (t = 0; t < nt; t++)
		if (tw[t] + uw[nu - 1] + 3 <= room) {
			*ft = t;
			*fu = nu - 1;
			return;
		}
}

int
hosts_table_more_severity(const struct hosts_hidden *h)
{
	/* A bad release is in the bad colour, as its rows and the title are. */
	if (h->ndown > 0 || (h->worst != NULL && (h->bad_rel || h->level >= DECIDE_CONSIDER)))
		return 2;
	return h->worst != NULL ? 1 : 0;
}

void
hosts_table_tally(const struct hosts_mark_row *rows, int n, struct hosts_tally *out)
{
	int i, j, level;
	bool down, bad_rel, ahead, failing, changed, untrusted;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		if (host_seen(rows, i))
			continue;
		/* A host once, at the worst of its rows: two services at
		 * ROLLBACK IMMEDIATELY are one host to roll back. */
		level = rows[i].level;
		down = rows[i].down;
		bad_rel = rows[i].bad_rel;
		ahead = rows[i].ahead;
		failing = rows[i].failing;
		changed = rows[i].key_changed;
		untrusted = rows[i].untrusted;
		for (j = i + 1; j < n; j++)
			if (rows[j].host == rows[i].host) {
				if (rows[j].level > level)
					level = rows[j].level;
				down = down || rows[j].down;
				bad_rel = bad_rel || rows[j].bad_rel;
				ahead = ahead || rows[j].ahead;
				failing = failing || rows[j].failing;
				changed = changed || rows[j].key_changed;
				untrusted = untrusted || rows[j].untrusted;
			}
		out->hosts++;
		out->rollback += level == DECIDE_ROLLBACK;
		out->consider += level == DECIDE_CONSIDER;
		/* On a bad release, not MONITOR: its rows say BAD RELEASE. */
		if (hosts_table_bad_release(level, bad_rel))
			out->bad_rel++;
		else
			out->monitor += level == DECIDE_MONITOR;
		/* A verdict held while its host is away is still the verdict:
		 * the host counts in both. */
		out->down += down;
		out->unread += !down && host_any(rows, n, i, row_unread);
		/* Whatever its verdict: h3 and h6 answered 503 at verdict OK. */
		out->failing += !down && failing;
		/* Whatever its verdict: a rollback that left the schema ahead
		 * is not a clean OK (the smoke check's WARN). */
		out->ahead += ahead;
		/* Neither DOWN nor read, so counted nowhere else: h3 refused
		 * for a changed key left "4 ROLLBACK IMMEDIATELY, 1 DOWN of 8
		 * hosts" silent about it. */
		out->key_changed += changed;
		out->untrusted += !changed && untrusted;
	}
}

/* The tally's forms, longest first: level names whole, "on a bad
 * release", "schema ahead" and "not read" or their brief words ("bad
 * rel", "ahead!", "unread"), "of N hosts", the order's and the filter's
 * words, and which counts (4 all, 3 all but MONITOR's, 2 without "not
 * read" and "schema ahead" too, 1 the worst and
 * DOWN, 0 the worse of those two, -1 none and no words). MONITOR's count
 * goes first: at 3 a.m. "2 on a bad release" matters more. */
static const struct {
	bool whole, brief, of, sort, filter;
	signed char counts;
} tally_forms[] = {
	{ true, false, true, true, true, 4 }, { false, false, true, true, true, 4 },
	{ false, false, true, true, true, 3 }, { false, false, false, true, true, 3 },
	{ false, true, false, true, true, 3 }, { false, true, false, false, true, 3 },
	{ false, true, false, false, false, 3 }, { false, true, false, false, false, 2 },
	{ false, true, false, false, false, 1 }, { false, true, false, false, false, 0 },
	{ false, true, false, false, false, -1 },
};

bool
hosts_table_tally_title(const struct hosts_tally *t, enum hosts_sort sort, const char *filter,
    int form, char *buf, size_t cap, size_t *lead)
{
	/* Ranks: a bad release below CONSIDER ROLLBACK (no rollback asked
	 * of its host's metrics) and above MONITOR (the incident's own
	 * judgement of what it runs). */
	enum { R_UNTRUSTED = -5, R_AHEAD, R_UNREAD, R_FAILING, R_DOWN, R_MONITOR = 1, R_BAD_REL,
		R_CONSIDER, R_ROLLBACK, R_KEY_CHANGED };
	const struct {
		int n, rank;
	} part[] = {
		{ t->key_changed, R_KEY_CHANGED }, { t->rollback, R_ROLLBACK },
		{ t->consider, R_CONSIDER }, { t->bad_rel, R_BAD_REL },
		{ t->ahead, R_AHEAD }, { t->monitor, R_MONITOR }, { t->down, R_DOWN },
		{ t->failing, R_FAILING }, { t->unread, R_UNREAD }, { t->untrusted, R_UNTRUSTED },
	};
	/* The worst verdict worse than MONITOR: MONITOR alone is kept
	 * only while nothing else is counted. */
	int worst = t->rollback > 0 ? R_ROLLBACK : t->consider > 0 ? R_CONSIDER :
	    t->bad_rel > 0 ? R_BAD_REL : -1;
	/* Alone, hosts DOWN outweigh a bad release (what runs there is not
	 * seen at all), and lead by health as they do in the pane's order. */
	bool down_wins = t->down > 0 && (sort == HOSTS_BY_HEALTH || worst < R_CONSIDER);
	static const char *const bad_rel_words[] = { "on a bad release", "bad rel" };
	static const char *const unread_words[] = { "not read", "unread" };
	static const char *const ahead_words[] = { "schema ahead", "ahead!" };
	static const char *const failing_words[] = { "failing health", "failing" };
	static const char *const changed_words[] = { "KEY CHANGED", "KEY CHG!" };
	static const char *const untrusted_words[] = { "untrusted", "untrust" };
	bool brief;
	int k, counts, first, second, place;
	char words[160];
	size_t i;

	buf[0] = '\0';
	*lead = 0;
	if (t->monitor == 0 && worst < 0 && t->down == 0 && t->unread == 0 && t->ahead == 0 &&
	    t->failing == 0 && t->key_changed == 0 && t->untrusted == 0) {
		/* Nothing to count: the title as it was. */
		if (form != 0)
			return false;
		hosts_table_title(sort, filter, buf, cap);
		return true;
	}
	if (form < 0 || form >= (int)WR_ARRAY_LEN(tally_forms))
		return false;
	counts = tally_forms[form].counts;
	if (counts < 0)
		return true;
	brief = tally_forms[form].brief;
	/* The two kept longest: the worst verdict and DOWN, in that order
	 * unless DOWN wins; with neither, "failing health", "not read", then "schema ahead"
	 * (not a verdict, but a rollback left unfinished), then MONITOR. */
	first = down_wins ? R_DOWN : worst >= 0 ? worst : t->down > 0 ? R_DOWN :
	    t->failing > 0 ? R_FAILING : t->unread > 0 ? R_UNREAD : t->untrusted > 0 ? R_UNTRUSTED :
	    t->ahead > 0 ? R_AHEAD : R_MONITOR;
	second = first == R_DOWN ? (worst >= 0 ? worst : 0) : t->down > 0 ? R_DOWN : 0;
	for (i = 0; i < WR_ARRAY_LEN(part); i++) {
		k = part[i].rank;
		if (part[i].n == 0)
			continue;
		/* Whole counts only, dropped in a fixed order: MONITOR's, then
		 * "not read", "failing health" and "schema ahead", then the
		 * lesser of two bad verdicts; the worst and DOWN last, and a
		 * changed host key never (a possible man in the middle). */
		place = k == R_KEY_CHANGED || k == first ? 0 : k == second ? 1 :
		    k == R_MONITOR ? 4 : k == R_UNREAD || k == R_AHEAD || k == R_FAILING ? 3 : 2;
		if (counts < place)
			continue;
		wr_appendf(buf, cap, "%s%d %s", buf[0] != '\0' ? ", " : "", part[i].n,
		    k == R_KEY_CHANGED ? changed_words[brief] :
		    k == R_UNTRUSTED ? untrusted_words[brief] :
		    k == R_UNREAD ? unread_words[brief] : k == R_AHEAD ? ahead_words[brief] :
		    k == R_FAILING ? failing_words[brief] :
		    k == R_DOWN ? "DOWN" :
		    k == R_BAD_REL ? bad_rel_words[brief] : k == R_MONITOR ? level_word(DECIDE_MONITOR) :
		    tally_forms[form].whole ?
		    decide_level_name(k == R_ROLLBACK ? DECIDE_ROLLBACK : DECIDE_CONSIDER) :
		    level_word(k == R_ROLLBACK ? DECIDE_ROLLBACK : DECIDE_CONSIDER));
	}
	/* "of 24 hosts": a filter showing 3 rows must not read as a fleet
	 * of 3. */
	if (tally_forms[form].of)
		wr_appendf(buf, cap, " of %d host%s", t->hosts, t->hosts == 1 ? "" : "s");
	*lead = strlen(buf);
	hosts_table_title(tally_forms[form].sort ? sort : HOSTS_BY_HOST,
	    tally_forms[form].filter ? filter : "", words, sizeof(words));
	if (words[0] != '\0')
		wr_appendf(buf, cap, ", %s", words);
	return true;
}

int
hosts_table_tally_severity(const struct hosts_tally *t)
{
	if (t->down > 0 || t->unread > 0 || t->failing > 0 || t->rollback > 0 || t->consider > 0 ||
	    t->bad_rel > 0 || t->key_changed > 0 || t->untrusted > 0)
		return 2;
	return t->monitor > 0 || t->ahead > 0 ? 1 : 0;
}

bool
hosts_table_superseded(const struct hosts_since_action *o, char *buf, size_t cap)
{
	char when[16];
	bool deployed;

	buf[0] = '\0';
	/* A tag first read before the end is the one the action found or
	 * left (a FAILED rollback's, still running): nothing came since. A
	 * console's first read after it (one started since) saw no change:
	 * its re-read settles the outcome instead. */
	if (o->to[0] == '\0' || o->tag[0] == '\0' || o->end_ms <= 0 || o->seen_ms <= o->end_ms ||
	    !o->replaced || strcmp(o->tag, o->to) == 0)
		return false;
	/* The driver's history says when it went live, in whole seconds
	 * (the end's second counts as after it); a time before the end is
	 * an older one (a ReplicaSet made before, scaled up again). */
	deployed = o->deployed_ms > 0 && o->deployed_ms >= o->end_ms / 1000 * 1000;
	wr_clock_utc(deployed ? o->deployed_ms : o->seen_ms, when, sizeof(when));
	if (deployed)
		snprintf(buf, cap, "now %s, deployed%s at %s", o->tag,
		    o->outside ? " outside this console" : "", when);
	else
		snprintf(buf, cap, "now %s, read at %s%s", o->tag, when,
		    o->outside ? " (deployed outside this console)" : "");
	return true;
}
