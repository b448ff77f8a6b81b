/*
 * fleetchain.c — B's fleet rollback as data (fleetchain.h). A host left
 * out of the chain is never left out silently: the dialog names it and
 * why, the ones whose tag is not known first, since they may run the bad
 * tag too. A host's turn that does not end OK (or already on the target)
 * stops the rest, and the summary says what each host's turn came to.
 */
#include "warroom/fleetchain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/badrel.h"
#include "warroom/util.h"

/* Between a summary's hosts. */
#define SEP " \xc2\xb7 "

void
fleetchain_begin(struct fleetchain *fc, const char *service, const char *from)
{
	memset(fc, 0, sizeof(*fc));
	fc->active = true;
	wr_strlcpy(fc->service, service, sizeof(fc->service));
	wr_strlcpy(fc->from, from, sizeof(fc->from));
}

void
fleetchain_set_driver(struct fleetchain *fc, const char *driver)
{
	wr_strlcpy(fc->driver, driver != NULL ? driver : "", sizeof(fc->driver));
}

bool
fleetchain_add(struct fleetchain *fc, const char *name, int host)
{
	struct fleetchain_host *h;

	if (fc->n == FLEETCHAIN_MAX)
		return false;
	h = &fc->hosts[fc->n];
	memset(h, 0, sizeof(*h));
	wr_strlcpy(h->name, name, sizeof(h->name));
	h->host = host;
	h->turn = fc->n == 0 ? FLEETCHAIN_ACTIVE : FLEETCHAIN_WAITING;
	fc->n++;
	return true;
}

/* "last read 11s ago", "last read 12m ago", "never read"; without
 * "last read " when bare ("11s ago"). */
static void
age_words(long age_s, bool bare, char *buf, size_t cap)
{
	const char *last = bare ? "" : "last read ";

	if (age_s < 0)
		snprintf(buf, cap, "never read");
	else if (age_s < 120)
		snprintf(buf, cap, "%s%lds ago", last, age_s);
	else if (age_s < 2 * 3600)
		snprintf(buf, cap, "%s%ldm ago", last, age_s / 60);
	else
		snprintf(buf, cap, "%s%ldh ago", last, age_s / 3600);
}

/* When c's tag was last seen: "11s ago", or for a tag only the journal
 * knows "at 11:42 UTC (journal)" (its age would read as a read). */
static void
seen_words(const struct fleetchain_cand *c, char *buf, size_t cap)
{
	int64_t s;

	if (c->journal_ms <= 0) {
		age_words(c->age_s, true, buf, cap);
		return;
	}
	s = c->journal_ms / 1000 % 86400;
	snprintf(buf, cap, "at %02d:%02d UTC (journal)", (int)(s / 3600), (int)(s % 3600 / 60));
}

/* Keep why among the hosts left out whose tag is not known. */
static void
keep_out(struct fleetchain *fc, const char *why)
{
	if (fc->nout == FLEETCHAIN_OUT_MAX) {
		fc->nout_more++;
		return;
	}
	wr_strlcpy(fc->out[fc->nout++], why, sizeof(fc->out[0]));
}

/* Put name in the line of the hosts left out for why ("on v1.4.1"; one
 * starting "is a"/"is " takes "are"/"are " for several). */
static void
keep_grouped(struct fleetchain *fc, const char *name, const char *why)
{
	struct fleetchain_group *g = NULL;
	size_t i, len;

	for (i = 0; i < fc->ngroups && g == NULL; i++)
		if (strcmp(fc->groups[i].why, why) == 0)
			g = &fc->groups[i];
	if (g == NULL) {
		if (fc->ngroups == FLEETCHAIN_GROUPS_MAX) {
			fc->nout_more++;
			return;
		}
		g = &fc->groups[fc->ngroups++];
		memset(g, 0, sizeof(*g));
		wr_strlcpy(g->why, why, sizeof(g->why));
	}
	g->n++;
	len = strlen(g->names);
	/* Room kept for " and N more". */
	if (len + 2 + strlen(name) + 16 >= sizeof(g->names)) {
		g->nmore++;
		return;
	}
	snprintf(g->names + len, sizeof(g->names) - len, "%s%s", len ? ", " : "", name);
}

/* Keep name among the hosts left out on the bad tag: not UP (conn), of
 * another driver, or both; the summary names them. */
static void
keep_missed(struct fleetchain *fc, const char *name, const char *conn, const char *driver)
{
	struct fleetchain_missed *m;

	if (fc->nmissed == FLEETCHAIN_MISSED_MAX) {
		if (driver != NULL && driver[0] != '\0' && (conn == NULL || conn[0] == '\0'))
			fc->nother_more++;
		else
			fc->ndown_more++;
		return;
	}
	m = &fc->missed[fc->nmissed++];
	memset(m, 0, sizeof(*m));
	wr_strlcpy(m->name, name, sizeof(m->name));
	wr_strlcpy(m->conn, conn != NULL ? conn : "", sizeof(m->conn));
	wr_strlcpy(m->driver, driver != NULL ? driver : "", sizeof(m->driver));
}

/* Add name to names (one of n hosts now) while it holds fewer than
 * FLEETCHAIN_HIDDEN_NAMED. */
static void
name_hidden(char *names, size_t cap, size_t n, const char *name)
{
	size_t len = strlen(names);

	if (n <= FLEETCHAIN_HIDDEN_NAMED)
		snprintf(names + len, cap - len, "%s%s", len ? ", " : "", name);
}

bool
fleetchain_consider(struct fleetchain *fc, const struct fleetchain_cand *c)
{
	char why[sizeof(fc->out[0])], age[48];
	const char *tag = c->tag != NULL ? c->tag : "";
	/* Its tag was read here, or the journal said it before it went. */
	bool known = c->age_s >= 0 || (c->journal_ms > 0 && c->conn != NULL);

	if (c->hidden) {
		fc->nhidden++;
		if (c->conn != NULL || tag[0] == '\0' || c->failing) {
			fc->nunknown++;
			name_hidden(fc->hidden_unread, sizeof(fc->hidden_unread),
			    ++fc->nhidden_unread, c->name);
		} else if (badrel_same(tag, fc->from)) {
			name_hidden(fc->hidden_from, sizeof(fc->hidden_from), ++fc->nhidden_from,
			    c->name);
		}
		return false;
	}
	age_words(c->age_s, false, age, sizeof(age));
	/* Across drivers the same release is spelt otherwise (helm's app
	 * version "1.5.0-bad", compose's "v1.5.0-bad"): the one rule HOSTS'
	 * BAD RELEASE uses. */
	if (c->other_driver != NULL && c->conn == NULL && !c->failing &&
	    badrel_same(tag, fc->from)) {
		/* Bad too, and B does not reach it: its own line, loud, and
		 * named in the summary (not one of "h2, h5 are k8s hosts"). */
		keep_missed(fc, c->name, NULL, c->other_driver);
		return false;
	}
	if (c->other_driver != NULL && c->conn != NULL && c->unsettled == NULL &&
	    known && badrel_same(tag, fc->from)) {
		/* Not UP and last seen bad: with the unknown, named, not one
		 * of "h7, h10 are compose hosts". */
		seen_words(c, age, sizeof(age));
		snprintf(why, sizeof(why), "%s (%s) %s, last seen on %s %s", c->name,
		    c->other_driver, c->conn, tag, age);
		keep_missed(fc, c->name, c->conn, c->other_driver);
		keep_out(fc, why);
		return false;
	}
	if (c->other_driver != NULL) {
		snprintf(why, sizeof(why), "is a %s host", c->other_driver);
		keep_grouped(fc, c->name, why);
		return false;
	}
	if (c->read_only) {
		keep_grouped(fc, c->name, "is read_only in the config");
		return false;
	}
	if (c->conn != NULL && c->unsettled != NULL) {
		/* The tag read before it went away may be old news: its own
		 * action may have changed it (not "last seen on v1.5.0-bad"
		 * where api already runs v1.4.1). */
		snprintf(why, sizeof(why), "%s %s, its %s%s%s UNKNOWN", c->name, c->conn,
		    c->unsettled, c->unsettled_to != NULL && c->unsettled_to[0] ? " to " : "",
		    c->unsettled_to != NULL ? c->unsettled_to : "");
	} else if (c->conn != NULL && tag[0] != '\0' && known) {
		/* What it ran when last seen, so nobody forgets it when it is
		 * back; it may run another tag now: named with the unknown. */
		seen_words(c, age, sizeof(age));
		snprintf(why, sizeof(why), "%s %s, last seen on %s %s", c->name, c->conn, tag, age);
		/* Bad when last seen: the chain leaves it so, and says it. */
		if (badrel_same(tag, fc->from))
			keep_missed(fc, c->name, c->conn, NULL);
		else
			fc->nunknown++;
	} else if (c->conn != NULL)
		snprintf(why, sizeof(why), "%s %s, tag unknown (%s)", c->name, c->conn, age);
	else if (tag[0] == '\0')
		snprintf(why, sizeof(why), "%s UP, tag unknown (%s)", c->name, age);
	else if (strcmp(tag, fc->from) == 0)
		return true;             /* failing polls too: planning reads it again */
	else if (c->failing)
		snprintf(why, sizeof(why), "%s tag unknown (%s: %s; its polls fail)", c->name, age,
		    tag);
	else {
		snprintf(why, sizeof(why), "on %s", tag);
		keep_grouped(fc, c->name, why);
		return false;
	}
	if (c->conn == NULL || c->unsettled != NULL || tag[0] == '\0' || !known)
		fc->nunknown++;
	keep_out(fc, why);
	return false;
}

void
fleetchain_confirmed(struct fleetchain *fc, const char *id, const char *to)
{
	wr_strlcpy(fc->id, id != NULL ? id : "", sizeof(fc->id));
	if (to != NULL && to[0] != '\0')
		wr_strlcpy(fc->to, to, sizeof(fc->to));
}

bool
fleetchain_started(const struct fleetchain *fc)
{
	return fc->id[0] != '\0';
}

const struct fleetchain_host *
fleetchain_current(const struct fleetchain *fc)
{
	return fc->active && fc->cur < fc->n ? &fc->hosts[fc->cur] : NULL;
}

bool
fleetchain_goes_on(enum fleetchain_turn turn)
{
	return turn == FLEETCHAIN_OK || turn == FLEETCHAIN_SKIPPED;
}

bool
fleetchain_end_turn(struct fleetchain *fc, enum fleetchain_turn turn, const char *why,
    const char *to)
{
	struct fleetchain_host *h;

	if (fleetchain_current(fc) == NULL)
		return false;
	h = &fc->hosts[fc->cur];
	h->turn = turn;
	wr_strlcpy(h->why, why != NULL ? why : "", sizeof(h->why));
	if (turn == FLEETCHAIN_OK && to != NULL && to[0] != '\0' && fc->to[0] == '\0')
		wr_strlcpy(fc->to, to, sizeof(fc->to));
	if (!fleetchain_goes_on(turn) || fc->cur + 1 >= fc->n) {
		fc->active = false;
		return false;
	}
	fc->hosts[++fc->cur].turn = FLEETCHAIN_ACTIVE;
	return true;
}

void
fleetchain_then(const struct fleetchain *fc, size_t width, char *buf, size_t cap)
{
	size_t i, len = 0, k = 0;
	char more[32];

	if (cap == 0)
		return;
	buf[0] = '\0';
	for (i = fc->cur + 1; i < fc->n; i++, k++) {
		size_t name = strlen(fc->hosts[i].name), rest = fc->n - i - 1;
		int m = rest > 0 ? snprintf(more, sizeof(more), " and %zu more", rest) : 0;

		/* The first name always; the next ones while the count still fits. */
		if (k > 0 && len + 2 + name + (size_t)m > width)
			break;
		len += (size_t)snprintf(buf + len, len < cap ? cap - len : 0, "%s%s",
		    k > 0 ? ", " : "", fc->hosts[i].name);
		if (len >= cap)
			return;
	}
	if (i < fc->n)
		snprintf(buf + len, cap - len, " and %zu more", fc->n - i);
}

void
fleetchain_scope(const struct fleetchain *fc, char *buf, size_t cap)
{
	const char *name = fc->cur < fc->n ? fc->hosts[fc->cur].name : "?";
	/* Hosts whose tag is not known may run it too; hidden ones were not
	 * looked at: "only" is said no wider than what was read. */
	const char *run = fc->nout + fc->nout_more > 0 ? "known to run" : "running";
	const char *shown = fc->nhidden > 0 ? " shown" : "";

	if (fc->n <= 1)
		snprintf(buf, cap, "fleet rollback of %s at %s: %s is the only%s %s%shost %s it",
		    fc->service, fc->from, name, shown, fc->driver, fc->driver[0] ? " " : "", run);
	else
		snprintf(buf, cap, "fleet rollback of %s at %s: %s is host %zu of %zu%s %s%shosts "
		    "%s it", fc->service, fc->from, name, fc->cur + 1, fc->n, shown, fc->driver,
		    fc->driver[0] ? " " : "", run);
}

/* Of the hosts left out on the bad tag, those of another driver UP (other)
 * or those not UP in state conn (NULL: any), of any driver, named; and
 * how many. */
static size_t
missed_names(const struct fleetchain *fc, bool other, const char *conn, struct wr_buf *b)
{
	size_t i, k = 0;

	for (i = 0; i < fc->nmissed; i++) {
		const struct fleetchain_missed *m = &fc->missed[i];

		if ((m->driver[0] != '\0' && m->conn[0] == '\0') != other ||
		    (!other && conn != NULL && strcmp(m->conn, conn) != 0))
			continue;
		if (b != NULL && m->driver[0] != '\0')
			wr_buf_printf(b, "%s%s (%s)", k > 0 ? ", " : "", m->name, m->driver);
		else if (b != NULL)
			wr_buf_printf(b, "%s%s", k > 0 ? ", " : "", m->name);
		k++;
	}
	return k;
}

/* "h23 (k8s), h24 (helm)[ and 2 more]"; how many hosts in all. */
static size_t
missed_other(const struct fleetchain *fc, struct wr_buf *b)
{
	size_t k = missed_names(fc, true, NULL, b);

	if (k == 0 && fc->nother_more > 0 && b != NULL)
		wr_buf_printf(b, "%zu hosts of another driver", fc->nother_more);
	else if (fc->nother_more > 0 && b != NULL)
		wr_buf_printf(b, " and %zu more", fc->nother_more);
	return k + fc->nother_more;
}

/* The hosts left out on the bad tag, as the summary ends: " · h10, h19
 * DOWN on v1.5.0-bad: not rolled back · h23 (k8s) on v1.5.0-bad: not in
 * this rollback". */
static void
missed_summary(const struct fleetchain *fc, struct wr_buf *b)
{
	size_t i, j, n;

	/* One group per state (DOWN, CONNECTING…), in the order first met. */
	for (i = 0; i < fc->nmissed; i++) {
		const struct fleetchain_missed *m = &fc->missed[i];
		bool seen = false;

		for (j = 0; j < i && !seen; j++)
			seen = strcmp(fc->missed[j].conn, m->conn) == 0;
		if (m->conn[0] == '\0' || seen)
			continue;
		wr_buf_str(b, SEP);
		missed_names(fc, false, m->conn, b);
		wr_buf_printf(b, " %s on %s: not rolled back", m->conn, fc->from);
	}
	if (fc->ndown_more > 0)
		wr_buf_printf(b, "%s%zu more not UP on %s: not rolled back", SEP, fc->ndown_more,
		    fc->from);
	if (missed_other(fc, NULL) > 0) {
		wr_buf_str(b, SEP);
		n = missed_other(fc, b);
		wr_buf_printf(b, " on %s: not in this rollback (r on %s)", fc->from,
		    n == 1 ? "it" : "each");
	}
}

/* Every host left out, named or counted. */
static size_t
left_out_count(const struct fleetchain *fc)
{
	size_t i, n = fc->nout + fc->nout_more + fc->nhidden + missed_other(fc, NULL);

	for (i = 0; i < fc->ngroups; i++)
		n += fc->groups[i].n;
	return n;
}


/* The n hidden hosts of a kind: their names, then "and N more" past those
 * named. */
static void
hidden_names(const char *names, size_t n, char *buf, size_t cap)
{
	if (n > FLEETCHAIN_HIDDEN_NAMED)
		snprintf(buf, cap, "%s and %zu more", names, n - FLEETCHAIN_HIDDEN_NAMED);
	else
		snprintf(buf, cap, "%s", names);
}

size_t
fleetchain_out_lines(const struct fleetchain *fc)
{
	return fc->nout + (missed_other(fc, NULL) > 0) + fc->ngroups + (fc->nout_more > 0) +
	    (fc->nhidden > 0);
}

void
fleetchain_out_line(const struct fleetchain *fc, size_t i, char *buf, size_t cap)
{
	if (cap > 0)
		buf[0] = '\0';
	if (i < fc->nout) {
		snprintf(buf, cap, "%s: not included", fc->out[i]);
		return;
	}
	i -= fc->nout;
	if (missed_other(fc, NULL) > 0 && i-- == 0) {
		struct wr_buf b = { 0 };
		size_t n = missed_other(fc, &b);
		char *names = wr_buf_take(&b);

		snprintf(buf, cap, "%s also run%s %s: not in this rollback (r on %s)", names,
		    n == 1 ? "s" : "", fc->from, n == 1 ? "it" : "each");
		free(names);
		return;
	}
	if (i < fc->ngroups) {
		const struct fleetchain_group *g = &fc->groups[i];
		bool several = g->n > 1, is = strncmp(g->why, "is ", 3) == 0;
		char more[40] = "";

		if (g->nmore > 0)
			snprintf(more, sizeof(more), " and %zu more", g->nmore);
		if (several && strncmp(g->why, "is a ", 5) == 0)
			/* "are k8s hosts" */
			snprintf(buf, cap, "%s%s are %ss: not included", g->names, more, g->why + 5);
		else
			snprintf(buf, cap, "%s%s %s%s: not included", g->names, more,
			    several && is ? "are " : "", several && is ? g->why + 3 : g->why);
		return;
	}
	i -= fc->ngroups;
	if (i == 0 && fc->nout_more > 0) {
		snprintf(buf, cap, "%zu more host%s listing %s: not included", fc->nout_more,
		    fc->nout_more == 1 ? "" : "s", fc->service);
		return;
	}
	if (fc->nhidden > 0) {
		size_t len = (size_t)snprintf(buf, cap, "%zu host%s listing %s hidden by the HOSTS "
		    "filter: not included", fc->nhidden, fc->nhidden == 1 ? "" : "s", fc->service);

		char what[700] = "", from[300], unread[300];

		/* Hidden is not safe: say what they may run, and which they
		 * are (a count alone sent the engineer clearing the filter to
		 * find them). */
		hidden_names(fc->hidden_from, fc->nhidden_from, from, sizeof(from));
		hidden_names(fc->hidden_unread, fc->nhidden_unread, unread, sizeof(unread));
		if (fc->nhidden_from > 0 && fc->nhidden_unread > 0)
			snprintf(what, sizeof(what), "%s last read on %.60s, %s whose tag is not known",
			    from, fc->from, unread);
		else if (fc->nhidden_from > 0)
			snprintf(what, sizeof(what), "%s last read on %.60s", from, fc->from);
		else if (fc->nhidden_unread > 0)
			snprintf(what, sizeof(what), "%s whose tag is not known", unread);
		if (what[0] != '\0' && len < cap)
			snprintf(buf + len, cap - len, " (%s: an empty F filter shows them)", what);
	}
}

void
fleetchain_none_words(const struct fleetchain *fc, char *buf, size_t cap)
{
	struct wr_buf b = { 0 };
	char line[1024];
	size_t i, n;
	char *s;

	wr_buf_printf(&b, "no UP %s%shost runs %s at %s: no fleet rollback (", fc->driver,
	    fc->driver[0] ? " " : "", fc->service, fc->from);
	/* Every host whose tag is not known: any of them may be the bad one
	 * (naming the first alone hid the second DOWN host). */
	for (i = 0; i < fc->nout; i++) {
		fleetchain_out_line(fc, i, line, sizeof(line));
		wr_buf_printf(&b, "%s%s", i > 0 ? "; " : "", line);
	}
	if (fc->nout_more > 0)
		wr_buf_printf(&b, "; %zu more host%s listing %s: not included", fc->nout_more,
		    fc->nout_more == 1 ? "" : "s", fc->service);
	if (fc->nout == 0 && fleetchain_out_lines(fc) > 0) {
		fleetchain_out_line(fc, 0, line, sizeof(line));
		wr_buf_str(&b, line);
	}
	wr_buf_str(&b, ")");
	if (missed_other(fc, NULL) > 0) {
		wr_buf_str(&b, "; ");
		n = missed_other(fc, &b);
		wr_buf_printf(&b, " run%s it too: r there", n == 1 ? "s" : "");
	}
	s = wr_buf_take(&b);
	wr_strlcpy(buf, s, cap);
	free(s);
}

bool
fleetchain_out_loud(const struct fleetchain *fc, size_t i)
{
	if (i < fc->nout)
		return true;
	/* Another driver's hosts running the bad tag. */
	if (i == fc->nout && missed_other(fc, NULL) > 0)
		return true;
	/* The filter line, when it hides hosts that may run the bad tag. */
	return i + 1 == fleetchain_out_lines(fc) && fc->nhidden > 0 &&
	    fc->nhidden_from + fc->nhidden_unread > 0;
}

const char *
fleetchain_turn_words(enum fleetchain_turn turn, const char *to, char *buf, size_t cap)
{
	static const char *const words[] = {
		[FLEETCHAIN_WAITING] = "not started", [FLEETCHAIN_ACTIVE] = "in progress",
		[FLEETCHAIN_OK] = "OK", [FLEETCHAIN_FAILED] = "FAILED",
		[FLEETCHAIN_UNKNOWN] = "UNKNOWN", [FLEETCHAIN_CANCELLED] = "CANCELLED",
		[FLEETCHAIN_DOWN] = "DOWN, not rolled back", [FLEETCHAIN_REFUSED] = "refused",
	};

	if (turn == FLEETCHAIN_SKIPPED)
		snprintf(buf, cap, "already on %s, skipped", to != NULL && to[0] ? to :
		    "the target");
	else
		snprintf(buf, cap, "%s", (unsigned)turn < WR_ARRAY_LEN(words) && words[turn] ?
		    words[turn] : "?");
	return buf;
}

void
fleetchain_summary(const struct fleetchain *fc, char *buf, size_t cap)
{
	struct wr_buf b = { 0 };
	char words[200];
	size_t i;
	char *s;

	wr_buf_printf(&b, "fleet rollback of %s %s %s%s:", fc->service, fc->to[0] ? "to" : "from",
	    fc->to[0] ? fc->to : fc->from, fc->interrupted ? " interrupted" : "");
	for (i = 0; i < fc->n; i++) {
		const struct fleetchain_host *h = &fc->hosts[i];

		wr_buf_printf(&b, "%s%s", i > 0 ? SEP : " ", h->name);
		/* Hosts never started go as one group: "h3, h4 not started". */
		while (h->turn == FLEETCHAIN_WAITING && i + 1 < fc->n &&
		    fc->hosts[i + 1].turn == FLEETCHAIN_WAITING)
			wr_buf_printf(&b, ", %s", fc->hosts[++i].name);
		wr_buf_printf(&b, " %s", fleetchain_turn_words(h->turn, fc->to, words,
		    sizeof(words)));
		if (h->settled == FLEETCHAIN_REREAD)
			wr_buf_str(&b, " after re-read");
		else if (h->settled == FLEETCHAIN_BY_HAND)
			wr_buf_str(&b, ", settled by hand");
		if (h->turn == FLEETCHAIN_REFUSED && h->why[0] != '\0')
			wr_buf_printf(&b, " (%.100s)", h->why);
	}
	missed_summary(fc, &b);
	s = wr_buf_take(&b);
	wr_strlcpy(buf, s, cap);
	free(s);
}

/* Each turn as chain.end records it. */
static const char *const outcomes[] = {
	[FLEETCHAIN_WAITING] = "not started", [FLEETCHAIN_ACTIVE] = "in progress",
	[FLEETCHAIN_OK] = "ok", [FLEETCHAIN_FAILED] = "failed",
	[FLEETCHAIN_UNKNOWN] = "unknown", [FLEETCHAIN_CANCELLED] = "cancelled",
	[FLEETCHAIN_SKIPPED] = "skipped", [FLEETCHAIN_DOWN] = "down",
	[FLEETCHAIN_REFUSED] = "refused",
};

/* The hosts left out on the bad tag ("missed": host, and conn or
 * driver; counts past those named), for a journal's reader to say them
 * as the live summary did. */
static void
record_missed(const struct fleetchain *fc, cJSON *d)
{
	cJSON *arr;
	size_t i;

	if (fc->nmissed == 0)
		return;
	arr = cJSON_AddArrayToObject(d, "missed");
	for (i = 0; i < fc->nmissed; i++) {
		cJSON *m = cJSON_CreateObject();

		cJSON_AddStringToObject(m, "host", fc->missed[i].name);
		if (fc->missed[i].driver[0] != '\0')
			cJSON_AddStringToObject(m, "driver", fc->missed[i].driver);
		/* Both for a host of another driver not UP. */
		if (fc->missed[i].driver[0] == '\0' || fc->missed[i].conn[0] != '\0')
			cJSON_AddStringToObject(m, "conn", fc->missed[i].conn);
		cJSON_AddItemToArray(arr, m);
	}
	if (fc->ndown_more > 0)
		cJSON_AddNumberToObject(d, "missed_down_more", (double)fc->ndown_more);
	if (fc->nother_more > 0)
		cJSON_AddNumberToObject(d, "missed_other_more", (double)fc->nother_more);
}

/* What chain.start and chain.end both hold: the id and the fleet. */
static cJSON *
record_head(const struct fleetchain *fc, const char *summary)
{
	cJSON *d = cJSON_CreateObject(), *f;

	cJSON_AddStringToObject(d, "summary", summary);
	if (fc->id[0] != '\0')
		cJSON_AddStringToObject(d, "chain", fc->id);
	/* Not "service": the export's details would say it before the summary. */
	f = cJSON_AddObjectToObject(d, "fleet");
	cJSON_AddStringToObject(f, "service", fc->service);
	cJSON_AddStringToObject(f, "from", fc->from);
	cJSON_AddStringToObject(f, "to", fc->to);
	record_missed(fc, d);
	return d;
}

static void
record_left_out(const struct fleetchain *fc, cJSON *d)
{
	cJSON *out = cJSON_AddArrayToObject(d, "left_out");
	char line[1024];
	size_t i;

	for (i = 0; i < fleetchain_out_lines(fc); i++) {
		fleetchain_out_line(fc, i, line, sizeof(line));
		cJSON_AddItemToArray(out, cJSON_CreateString(line));
	}
}

cJSON *
fleetchain_record(const struct fleetchain *fc)
{
	cJSON *d, *hosts;
	char line[1024];
	size_t i;

	fleetchain_summary(fc, line, sizeof(line));
	d = record_head(fc, line);
	hosts = cJSON_AddArrayToObject(d, "hosts");
	for (i = 0; i < fc->n; i++) {
		cJSON *h = cJSON_CreateObject();

		cJSON_AddStringToObject(h, "host", fc->hosts[i].name);
		cJSON_AddStringToObject(h, "outcome", outcomes[fc->hosts[i].turn]);
		if (fc->hosts[i].why[0] != '\0')
			cJSON_AddStringToObject(h, "why", fc->hosts[i].why);
		if (fc->hosts[i].settled != FLEETCHAIN_OWN_END)
			cJSON_AddStringToObject(h, "settled_by",
			    fc->hosts[i].settled == FLEETCHAIN_BY_HAND ? "hand" : "re-read");
		cJSON_AddItemToArray(hosts, h);
	}
	record_left_out(fc, d);
	return d;
}

cJSON *
fleetchain_start_record(const struct fleetchain *fc)
{
	struct wr_buf b = { 0 };
	cJSON *d, *hosts;
	size_t i;
	char *s;

	wr_buf_printf(&b, "fleet rollback of %s from %s to %s started: ", fc->service, fc->from,
	    fc->to[0] ? fc->to : "the target chosen on the first host");
	for (i = 0; i < fc->n; i++)
		wr_buf_printf(&b, "%s%s", i > 0 ? ", " : "", fc->hosts[i].name);
	wr_buf_str(&b, ", in this order");
	/* The bad hosts it leaves are not counted with those that never
	 * needed it: named, as the summary at its end names them. */
	if (fc->nmissed + fc->ndown_more + fc->nother_more > 0) {
		struct wr_buf m = { 0 };
		char *ms;

		missed_summary(fc, &m);
		ms = wr_buf_take(&m);
		/* Without the leading " · ", in the start's "; " list. */
		wr_buf_printf(&b, "; %s", ms + strlen(SEP));
		free(ms);
	}
	if (left_out_count(fc) > fc->nmissed + fc->ndown_more + fc->nother_more) {
		size_t rest = left_out_count(fc) - fc->nmissed - fc->ndown_more - fc->nother_more;
		size_t maybe = fc->nunknown + fc->nhidden_from;

		if (fc->nmissed + fc->ndown_more + fc->nother_more > 0)
			wr_buf_printf(&b, "; %zu other%s not included", rest, rest == 1 ? "" : "s");
		else
			wr_buf_printf(&b, "; %zu not included", rest);
		if (maybe > 0)
			wr_buf_printf(&b, " (%zu of them may run %s: %s)", maybe, fc->from,
			    fc->nhidden_from > 0 ? "tag not known, or hidden" : "tag not known");
	}
	s = wr_buf_take(&b);
	d = record_head(fc, s);
	free(s);
	hosts = cJSON_AddArrayToObject(d, "hosts");
	for (i = 0; i < fc->n; i++)
		cJSON_AddItemToArray(hosts, cJSON_CreateString(fc->hosts[i].name));
	record_left_out(fc, d);
	return d;
}

/* The string at key in o, or "". */
static const char *
str_at(const cJSON *o, const char *key)
{
	const cJSON *j = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(j) ? j->valuestring : "";
}

/* The turn chain.end recorded as word, FLEETCHAIN_WAITING when none. */
static enum fleetchain_turn
turn_of(const char *word)
{
	size_t t;

	for (t = 0; t < WR_ARRAY_LEN(outcomes); t++)
		if (outcomes[t] != NULL && strcmp(outcomes[t], word) == 0)
			return (enum fleetchain_turn)t;
	return FLEETCHAIN_WAITING;
}

/* The host of the chain named name, or NULL. */
static struct fleetchain_host *
host_named(struct fleetchain *fc, const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < fc->n; i++)
		if (strcmp(fc->hosts[i].name, name) == 0)
			return &fc->hosts[i];
	return NULL;
}

/* An action.end's outcome as a turn. */
static enum fleetchain_turn
end_turn_of(const struct record *r)
{
	const char *o = str_at(r->data, "outcome");

	return strcmp(o, "ok") == 0 ? FLEETCHAIN_OK : strcmp(o, "failed") == 0 ?
	    FLEETCHAIN_FAILED : FLEETCHAIN_UNKNOWN;
}

/* An action.reconcile settling op (record_settles) is the last word on
 * the turn of the host whose op it is: kept in settles[] (NULL: none). */
static void
settle_note(const struct fleetchain *fc, char ops[][64], const struct record *r,
    const struct record **settles)
{
	size_t k;

	for (k = 0; k < fc->n; k++)
		if (strcmp(ops[k], r->op) == 0)
			settles[k] = r;
}

bool
fleetchain_from_journal(struct fleetchain *fc, const struct record *v, size_t n,
    size_t start)
{
	const cJSON *f = cJSON_GetObjectItemCaseSensitive(v[start].data, "fleet"), *j;
	char ops[FLEETCHAIN_MAX][64] = { { 0 } };
	const struct record *settles[FLEETCHAIN_MAX] = { NULL };
	bool ended = false;
	size_t i, k;

	fleetchain_begin(fc, str_at(f, "service"), str_at(f, "from"));
	fc->active = false;
	fleetchain_confirmed(fc, str_at(v[start].data, "chain"), str_at(f, "to"));
	cJSON_ArrayForEach(j, cJSON_GetObjectItemCaseSensitive(v[start].data, "hosts"))
		if (cJSON_IsString(j))
			fleetchain_add(fc, j->valuestring, (int)fc->n);
	for (i = 0; i < fc->n; i++)
		fc->hosts[i].turn = FLEETCHAIN_WAITING;
	/* The hosts it left on the bad tag, as its start named them. */
	cJSON_ArrayForEach(j, cJSON_GetObjectItemCaseSensitive(v[start].data, "missed"))
		keep_missed(fc, str_at(j, "host"), str_at(j, "conn"), str_at(j, "driver"));
	j = cJSON_GetObjectItemCaseSensitive(v[start].data, "missed_down_more");
	fc->ndown_more += cJSON_IsNumber(j) && j->valuedouble > 0 ? (size_t)j->valuedouble : 0;
	j = cJSON_GetObjectItemCaseSensitive(v[start].data, "missed_other_more");
	fc->nother_more += cJSON_IsNumber(j) && j->valuedouble > 0 ? (size_t)j->valuedouble : 0;
	for (i = start + 1; i < n; i++) {
		const struct record *r = &v[i];
		struct fleetchain_host *h;

		/* An UNKNOWN turn settled later (a re-read, or U), even after
		 * the chain.end: the summary says what is known now. */
		if (r->op != NULL && strcmp(r->kind, "action.reconcile") == 0 &&
		    record_settles(r)) {
			settle_note(fc, ops, r, settles);
			continue;
		}
		if (ended)
			continue;
		if (strcmp(r->kind, "chain.end") == 0 &&
		    strcmp(str_at(r->data, "chain"), fc->id) == 0) {
			/* Its own end says what each turn came to. */
			cJSON_ArrayForEach(j, cJSON_GetObjectItemCaseSensitive(r->data, "hosts"))
				if ((h = host_named(fc, str_at(j, "host"))) != NULL) {
					h->turn = turn_of(str_at(j, "outcome"));
					h->settled = FLEETCHAIN_OWN_END;
					wr_strlcpy(h->why, str_at(j, "why"), sizeof(h->why));
				}
			f = cJSON_GetObjectItemCaseSensitive(r->data, "fleet");
			if (str_at(f, "to")[0] != '\0')
				wr_strlcpy(fc->to, str_at(f, "to"), sizeof(fc->to));
			ended = true;
			continue;
		}
		if (r->op != NULL && strcmp(r->kind, "action.end") == 0) {
			for (k = 0; k < fc->n; k++)
				if (strcmp(ops[k], r->op) == 0)
					fc->hosts[k].turn = end_turn_of(r);
			continue;
		}
		if (strcmp(str_at(r->data, "chain"), fc->id) != 0 ||
		    (h = host_named(fc, r->host)) == NULL)
			continue;
		if (strcmp(r->kind, "action.intent") == 0 && r->op != NULL) {
			/* Begun, and no end yet: nobody knows what it did. */
			h->turn = FLEETCHAIN_UNKNOWN;
			wr_strlcpy(ops[h - fc->hosts], r->op, sizeof(ops[0]));
		} else if (strcmp(r->kind, "action.refused") == 0) {
			/* Already on the target: skipped, as the live chain said. */
			h->turn = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "down")) ?
			    FLEETCHAIN_DOWN : cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data,
			    "at_target")) ? FLEETCHAIN_SKIPPED :
			    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data,
			    "confirmed")) ? FLEETCHAIN_CANCELLED : FLEETCHAIN_REFUSED;
			wr_strlcpy(h->why, str_at(r->data, "reason"), sizeof(h->why));
		}
	}
	for (k = 0; k < fc->n; k++)
		if (settles[k] != NULL && fc->hosts[k].turn == FLEETCHAIN_UNKNOWN) {
			fc->hosts[k].turn = end_turn_of(settles[k]);
			fc->hosts[k].settled = strcmp(str_at(settles[k]->data, "by"), "hand") == 0 ?
			    FLEETCHAIN_BY_HAND : FLEETCHAIN_REREAD;
		}
	fc->interrupted = !ended;
	return ended;
}

bool
fleetchain_reported(const struct fleetchain *fc, const struct record *v, size_t n,
    size_t start)
{
	char prefix[400];
	const cJSON *j;
	size_t i;

	/* How fleetchain_summary begins for this chain, interrupted. */
	snprintf(prefix, sizeof(prefix), "fleet rollback of %s %s %s interrupted:", fc->service,
	    fc->to[0] ? "to" : "from", fc->to[0] ? fc->to : fc->from);
	for (i = start + 1; i < n; i++) {
		const cJSON *ids;

		if (strcmp(v[i].kind, "incident.resume") != 0)
			continue;
		ids = cJSON_GetObjectItemCaseSensitive(v[i].data, "interrupted_chain_ids");
		if (ids != NULL) {
			cJSON_ArrayForEach(j, ids)
				if (cJSON_IsString(j) && fc->id[0] != '\0' &&
				    strcmp(j->valuestring, fc->id) == 0)
					return true;
			continue;
		}
		cJSON_ArrayForEach(j, cJSON_GetObjectItemCaseSensitive(v[i].data,
		    "interrupted_chains"))
			if (cJSON_IsString(j) &&
			    strncmp(j->valuestring, prefix, strlen(prefix)) == 0)
				return true;
	}
	return false;
}
