/*
 * plan.c — building the plan of a Compose rollback. The commands are the
 * ones a runbook gives (pull, then up -d with IMAGE_TAG overriding .env),
 * with every value single-quoted; the verification reads the running
 * image back, and the health gate waits for /readyz; a last step keeps
 * the target in .env when .env names another tag (plan_keep_tag). The
 * kill switch's plan edits .env with the same steps. Nothing here runs
 * anything.
 */
#include "warroom/plan.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/badrel.h"
#include "warroom/envfile.h"
#include "warroom/parse_compose.h"
#include "warroom/parse_k8s.h"
#include "warroom/record.h"
#include "warroom/shellread.h"

#define KS_KEY "EXPORT_MODE"                 /* the export kill switch's variable */

bool
plan_tag_valid(const char *tag)
{
	size_t n = strlen(tag), i;

	if (n == 0 || n > 127 || tag[0] == '-')
		return false;
	for (i = 0; i < n; i++)
		if (!(isalnum((unsigned char)tag[i]) || strchr("._-:@+", tag[i])))
			return false;
	return true;
}

/* What releases.log says of each tag, read oldest to newest. A rollback
 * line moves each service it names away from the tag that service last
 * had: that tag is marked rolled back, until a later successful line
 * deploys it again (a fix redeployed). */
#define REL_TAGS 64
#define REL_SVCS 16

struct rel_tag {
	char tag[128];
	int last_ok;                     /* line number of its latest successful line */
	int deployed;                    /* … of its latest successful deploy (not
	                                    a rollback to it): the release order */
	bool rolled;
	char at[8];                      /* the first rollback away since then */
};

struct rel_read {
	struct rel_tag t[REL_TAGS];
	int n;
	char svc[REL_SVCS][64], cur[REL_SVCS][128];
	int nsvc;
	char last[128];                  /* the tag of the latest successful line */
};

static struct rel_tag *
rel_tag(struct rel_read *r, const char *tag)
{
	int i, old = 0;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->t[i].tag, tag) == 0)
			return &r->t[i];
	if (r->n < REL_TAGS)
		i = r->n++;
	else {
		/* Bounded: the tag seen longest ago makes room. */
		for (i = 1; i < REL_TAGS; i++)
			if (r->t[i].last_ok < r->t[old].last_ok)
				old = i;
		i = old;
	}
	memset(&r->t[i], 0, sizeof(r->t[i]));
	wr_strlcpy(r->t[i].tag, tag, sizeof(r->t[i].tag));
	return &r->t[i];
}

/* The tag service svc ran before this line ("" for none: the latest line's). */
static char *
rel_cur(struct rel_read *r, const char *svc)
{
	int i;

	if (svc[0] == '\0')
		return r->last;
	for (i = 0; i < r->nsvc; i++)
		if (strcmp(r->svc[i], svc) == 0)
			return r->cur[i];
	if (r->nsvc == REL_SVCS)
		return r->last;
	i = r->nsvc++;
	wr_strlcpy(r->svc[i], svc, sizeof(r->svc[i]));
	wr_strlcpy(r->cur[i], r->last, sizeof(r->cur[i]));
	return r->cur[i];
}

/* One line: "<time> deploy|rollback IMAGE_TAG=T services=a,b result=ok …". */
static void
rel_line(struct rel_read *r, char *line, int lineno)
{
	char *tok, *save = NULL, *tag = NULL, *svcs = NULL, at[8] = "";
	bool ok = false, rollback = false, first = true;
	struct rel_tag *t;

	for (tok = strtok_r(line, " \t\r", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t\r", &save), first = false) {
		int64_t secs;

		/* Its time in UTC, as the console's clock shows it. */
		if (first && wr_parse_rfc3339(tok, strlen(tok), &secs, NULL) && secs >= 0)
			snprintf(at, sizeof(at), "%02d:%02d", (int)(secs % 86400 / 3600),
			    (int)(secs % 3600 / 60));
		else if (strncmp(tok, "IMAGE_TAG=", 10) == 0)
			tag = tok + 10;
		else if (strncmp(tok, "services=", 9) == 0)
			svcs = tok + 9;
		else if (strcmp(tok, "result=ok") == 0)
			ok = true;
		else if (strcmp(tok, "rollback") == 0)
			rollback = true;
	}
	if (tag == NULL || !ok || !plan_tag_valid(tag))
		return;
	/* Each service this line moved: a rollback marks what it left. */
	for (;;) {
		char name[64];
		size_t n = svcs ? strcspn(svcs, ",") : 0;
		char *cur;

		snprintf(name, sizeof(name), "%.*s", (int)(n < 63 ? n : 63), svcs ? svcs : "");
		cur = rel_cur(r, name);
		if (rollback && cur[0] != '\0' && strcmp(cur, tag) != 0) {
			struct rel_tag *from = rel_tag(r, cur);

			if (!from->rolled) {
				from->rolled = true;
				wr_strlcpy(from->at, at, sizeof(from->at));
			}
		}
		if (cur != r->last)
			wr_strlcpy(cur, tag, 128);
		if (svcs == NULL || svcs[n] == '\0')
			break;
		svcs += n + 1;
	}
	t = rel_tag(r, tag);
	t->last_ok = lineno;
	if (!rollback)
		t->deployed = lineno;
	t->rolled = false;               /* deployed again since: judged anew */
	t->at[0] = '\0';
	wr_strlcpy(r->last, tag, sizeof(r->last));
}

static void
rel_read(struct rel_read *r, const char *log, size_t len)
{
	size_t pos = 0;
	int lineno = 0;

	memset(r, 0, sizeof(*r));
	while (pos < len) {
		size_t end = pos, ln;
		char line[1024];

		while (end < len && log[end] != '\n')
			end++;
		ln = end - pos < sizeof(line) - 1 ? end - pos : sizeof(line) - 1;
		memcpy(line, log + pos, ln);
		line[ln] = '\0';
		rel_line(r, line, ++lineno);
		pos = end + 1;
	}
}

/* Indexes of r's successful tags other than current, newest first, those
 * rolled back from after the others. */
static int
rel_order(const struct rel_read *r, const char *current, int *idx)
{
	int n = 0, i, j, pass;

	for (pass = 0; pass < 2; pass++) {
		int from = n;

		for (i = 0; i < r->n; i++) {
			if (r->t[i].last_ok == 0 || r->t[i].rolled != (pass == 1) ||
			    strcmp(r->t[i].tag, current) == 0)
				continue;
			for (j = n++; j > from && r->t[idx[j - 1]].last_ok < r->t[i].last_ok; j--)
				idx[j] = idx[j - 1];
			idx[j] = i;
		}
	}
	return n;
}

size_t
plan_compose_targets(const char *log, size_t len, const char *current, char (*out)[128],
    size_t max)
{
	struct rel_read *r = xmalloc(sizeof(*r));
	int idx[REL_TAGS], n, i;
	size_t k = 0;

	rel_read(r, log, len);
	n = rel_order(r, current, idx);
	for (i = 0; i < n && k < max; i++)
		wr_strlcpy(out[k++], r->t[idx[i]].tag, sizeof(out[0]));
	free(r);
	return k;
}

bool
plan_compose_rolled_back(const char *log, size_t len, const char *tag, char at[8])
{
	struct rel_read *r = xmalloc(sizeof(*r));
	bool rolled = false;
	int i;

	at[0] = '\0';
	rel_read(r, log, len);
	for (i = 0; i < r->n; i++)
		/* A typed "1.4.1" is the v1.4.1 the log rolled back from. */
		if (badrel_same(r->t[i].tag, tag) && r->t[i].rolled) {
			rolled = true;
			wr_strlcpy(at, r->t[i].at, 8);
		}
	free(r);
	return rolled;
}

static bool
tag_in(const char *tag, const char (*list)[128], size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], tag) == 0)
			return true;
	return false;
}

const struct plan_bad *
plan_bad_of(const struct plan_bad *bad, size_t nbad, const char *tag)
{
	size_t i;

	/* Another driver's spelling ("1.5.0-bad" on helm) is the same release. */
	for (i = 0; i < nbad; i++)
		if (badrel_same(bad[i].tag, tag))
			return &bad[i];
	return NULL;
}

/* The line of releases.log that last deployed tag, a rollback to it not
 * counted (0: no deploy line names it). */
static int
rel_deployed(const struct rel_read *r, const char *tag)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->t[i].tag, tag) == 0)
			return r->t[i].deployed;
	return 0;
}

/* A tag's version ("v1.5.0-bad": 1, 5, 0; its suffix is not ordered) into
 * v[4]; false when it does not start with one. */
static bool
tag_version(const char *tag, long v[4])
{
	int i;

	if (*tag == 'v' || *tag == 'V')
		tag++;
	if (!isdigit((unsigned char)*tag))
		return false;
	for (i = 0; i < 4; i++) {
		char *end;

		v[i] = isdigit((unsigned char)*tag) ? strtol(tag, &end, 10) : 0;
		if (isdigit((unsigned char)*tag))
			tag = end;
		if (*tag == '.' && isdigit((unsigned char)tag[1]))
			tag++;
	}
	return true;
}

/* Whether tag is a roll forward from current: releases.log deployed it
 * after current (cur_dep, its line; dep, tag's) unless both are versions
 * and tag's is lower (an older release deployed again); with current
 * not deployed there, only a higher version is. */
static bool
tag_newer(const char *tag, int dep, const char *current, int cur_dep)
{
	long a[4], b[4];
	int i, cmp = 0;
	bool vers = tag_version(tag, a) && tag_version(current, b);

	for (i = 0; vers && i < 4 && cmp == 0; i++)
		cmp = a[i] < b[i] ? -1 : a[i] > b[i];
	if (cur_dep > 0)
		return dep > cur_dep && !(vers && cmp < 0);
	return vers && cmp > 0;
}

#define LAST_GOOD "last good in releases.log"

/* Add tag to out (once) with every reason it is there in its label:
 * bad (this incident rolled back from it), newer (releases.log deployed it
 * after the running tag) and a rollback line there moving away from it
 * each mark it, and a marked tag is never last good nor preselected. */
static size_t
candidate(struct plan_candidate *out, size_t n, size_t max, const struct rel_tag *t,
    const char *tag, bool last_good, bool seen, const struct plan_bad *badw, bool newer,
    const char *current)
{
	char why[400] = "";
	size_t i, w = 0;
	bool bad = badw != NULL;

	for (i = 0; i < n; i++)
		if (strcmp(out[i].tag, tag) == 0)
			return n;
	if (n == max)
		return n;
	memset(&out[n], 0, sizeof(out[n]));
	wr_strlcpy(out[n].tag, tag, sizeof(out[n].tag));
	out[n].bad = bad;
	out[n].newer = newer;
	out[n].left = newer && seen;
	if (bad && newer)
		w += (size_t)snprintf(why + w, sizeof(why) - w, "rolling forward to %.60s, which "
		    "this incident %.159s", tag, badw->why[0] ? badw->why : "rolled back from");
	else if (bad)
		/* Standing alone: the mark's words, which name tag and host. */
		w += (size_t)snprintf(why + w, sizeof(why) - w, "%.200s", badw->mark[0] ?
		    badw->mark : badw->why[0] ? badw->why : "rolled back from in this incident");
	else if (newer)
		w += (size_t)snprintf(why + w, sizeof(why) - w, "newer than the running %.60s: a "
		    "roll forward, not back", current);
	if (t != NULL && t->rolled) {
		out[n].rolled_back = true;
		wr_strlcpy(out[n].rolled_at, t->at, sizeof(out[n].rolled_at));
		w += (size_t)snprintf(why + w, sizeof(why) - w, "%srolled back from%s%s per "
		    "releases.log", w ? "; " : "", t->at[0] ? " at " : "", t->at);
	}
	out[n].marked = bad || newer || out[n].rolled_back;
	if (last_good && !out[n].marked) {
		out[n].last_good = true;
		w += (size_t)snprintf(why + w, sizeof(why) - w, LAST_GOOD);
	}
	if (seen)
		snprintf(why + w, sizeof(why) - w, "%sran here earlier%s", w ? "; " : "",
		    w ? "" : ", per the timeline");
	snprintf(out[n].label, sizeof(out[n].label), "%.127s%s%s%s", tag, why[0] ? "  (" : "",
	    why, why[0] ? ")" : "");
	return n + 1;
}

size_t
plan_compose_candidates(const char *log, size_t len, const char *current,
    const char (*seen)[128], size_t nseen, const struct plan_bad *bad, size_t nbad,
    struct plan_candidate *out, size_t max)
{
	struct rel_read *r = xmalloc(sizeof(*r));
	struct plan_candidate *all;
	const char *good = NULL;
	int idx[REL_TAGS], no, i, j, cur_ok;
	size_t n = 0, k, w = 0, cap;

	rel_read(r, log, len);
	no = rel_order(r, current, idx);
	/* Newer: deployed after the running tag was (a rollback line is no
	 * deploy), see tag_newer. */
	cur_ok = current[0] ? rel_deployed(r, current) : 0;
	/* The last good: the newest not rolled back, here or in releases.log,
	 * and not newer than the running tag. */
	for (i = 0; i < no && good == NULL; i++)
		if (!r->t[idx[i]].rolled && plan_bad_of(bad, nbad, r->t[idx[i]].tag) == NULL &&
		    !tag_newer(r->t[idx[i]].tag, r->t[idx[i]].deployed, current, cur_ok))
			good = r->t[idx[i]].tag;
	cap = nseen + (size_t)no;
	all = xmalloc((cap > 0 ? cap : 1) * sizeof(*all));
	for (k = 0; k < nseen; k++) {
		const struct rel_tag *t = NULL;

		if (strcmp(seen[k], current) == 0 || !plan_tag_valid(seen[k]))
			continue;
		for (j = 0; j < r->n; j++)
			if (strcmp(r->t[j].tag, seen[k]) == 0)
				t = &r->t[j];
		if (t != NULL && t->rolled)
			continue;               /* with the rolled back ones, last */
		n = candidate(all, n, cap, t, seen[k], good && strcmp(good, seen[k]) == 0, true,
		    plan_bad_of(bad, nbad, seen[k]), tag_newer(seen[k], t != NULL ? t->deployed : 0, current,
		    cur_ok),
		    current);
	}
	for (i = 0; i < no; i++) {
		const struct rel_tag *t = &r->t[idx[i]];

		n = candidate(all, n, cap, t, t->tag, t->tag == good, tag_in(t->tag, seen, nseen),
		    plan_bad_of(bad, nbad, t->tag), tag_newer(t->tag, t->deployed, current, cur_ok),
		    current);
	}
	/* The unmarked first, each part in its order: a marked one is never
	 * the first, so never the one Enter takes. */
	for (i = 0; i < 2; i++)
		for (k = 0; k < n && w < max; k++)
			if (all[k].marked == (i == 1))
				out[w++] = all[k];
	free(all);
	free(r);
	return w;
}

/* Whether tag suits service s: it does not run it, and s lists it
 * unmarked, or (a target) does not list it marked. */
static bool
tag_fits(const struct plan_tag_svc *s, const char *tag, bool target)
{
	size_t k;

	if (s->running != NULL && strcmp(s->running, tag) == 0)
		return false;
	for (k = 0; k < s->n; k++)
		if (strcmp(s->c[k].tag, tag) == 0)
			return !s->c[k].marked;
	return target;
}

/* base with its "last good" said to be the last good of whose (one or
 * some of several services: two tags may each be one's last good). */
static void
label_whose(const char *base, const char *whose, char *out, size_t cap)
{
	const char *at = strstr(base, LAST_GOOD);
	size_t lg = strlen("last good");

	if (at == NULL || whose[0] == '\0') {
		snprintf(out, cap, "%s", base);
		return;
	}
	snprintf(out, cap, "%.*s for %s%s", (int)(at - base) + (int)lg, base, whose,
	    at + lg);
}

/* out for tag: the first unmarked label a service gives it, one calling
 * it last good first (else the first marked one, else the bare tag),
 * then what it is to whom. */
static void
tag_fit(const struct plan_tag_svc *s, size_t ns, const char *tag, bool target,
    struct plan_tag_fit *out)
{
	const char *base = NULL;
	char fits[200] = "", runs[200] = "", whose[200] = "", lbl[sizeof(out->label)];
	size_t i, k, nf = 0, nr = 0, fw = 0, rw = 0, n, ng = 0, gw = 0;
	bool unmarked = false, good = false;

	memset(out, 0, sizeof(*out));
	wr_strlcpy(out->tag, tag, sizeof(out->tag));
	for (i = 0; i < ns; i++) {
		for (k = 0; k < s[i].n; k++) {
			const struct plan_candidate *c = &s[i].c[k];

			if (strcmp(c->tag, tag) != 0)
				continue;
			if (c->last_good)
				gw += (size_t)snprintf(whose + gw, gw < sizeof(whose) ?
				    sizeof(whose) - gw : 0, "%s%.60s", ng++ ? ", " : "", s[i].name);
			if (base == NULL || (!c->marked && !unmarked) || (c->last_good && !good)) {
				base = c->label;
				unmarked = !c->marked;
				good = c->last_good;
			}
			break;
		}
		if (s[i].running != NULL && strcmp(s[i].running, tag) == 0)
			rw += (size_t)snprintf(runs + rw, rw < sizeof(runs) ? sizeof(runs) - rw : 0,
			    "%s%.60s", nr++ ? ", " : "", s[i].name);
		else if (tag_fits(&s[i], tag, target))
			fw += (size_t)snprintf(fits + fw, fw < sizeof(fits) ? sizeof(fits) - fw : 0,
			    "%s%.60s", nf++ ? ", " : "", s[i].name);
	}
	out->marked = nf == 0;
	/* Every service's last good: the plain words say it. */
	if (ng == ns)
		whose[0] = '\0';
	label_whose(base != NULL ? base : tag, whose, lbl, sizeof(lbl));
	n = (size_t)snprintf(out->label, sizeof(out->label), "%.250s", lbl);
	/* With one service, or a tag that fits them all, the list says enough. */
	if (ns > 1 && nf < ns)
		snprintf(out->label + n, sizeof(out->label) - n, "  \xe2\x80\x94 %s%s%s%s%s%s%s",
		    target ? "this incident's rollback target" : "", target && nf ? ": " : "",
		    nf ? "for " : "", fits, nr && (nf || target) ? "; " : "", runs,
		    nr == 0 ? "" : nr == 1 ? " runs it" : " run it");
	else if (target)
		snprintf(out->label + n, sizeof(out->label) - n, "  \xe2\x80\x94 this incident's "
		    "rollback target");
}

static bool
tag_listed(const struct plan_tag_fit *out, size_t w, const char *tag)
{
	size_t j;

	for (j = 0; j < w; j++)
		if (strcmp(out[j].tag, tag) == 0)
			return true;
	return false;
}

size_t
plan_tag_merge(const struct plan_tag_svc *s, size_t ns, const char (*targets)[128],
    size_t ntargets, struct plan_tag_fit *out, size_t max)
{
	size_t w = 0, i, k;
	int pass;

	/* Targets first: the tag the incident's rollbacks went to is where
	 * the services not on it yet should go. */
	for (i = 0; i < ntargets && w < max; i++) {
		size_t nr = 0;

		for (k = 0; k < ns; k++)
			nr += s[k].running != NULL && strcmp(s[k].running, targets[i]) == 0;
		/* Every service on it already: nothing it would change. */
		if (targets[i][0] != '\0' && nr < ns && !tag_listed(out, w, targets[i]))
			tag_fit(s, ns, targets[i], true, &out[w++]);
	}
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < ns; i++)
			for (k = 0; k < s[i].n && w < max; k++)
				if (s[i].c[k].marked == (pass == 1) && !tag_listed(out, w, s[i].c[k].tag))
					tag_fit(s, ns, s[i].c[k].tag, tag_in(s[i].c[k].tag, targets,
					    ntargets), &out[w++]);
	return w;
}

/* Puts "TO <what>: going back to it …" first in p's warning. */
static void
warn_first(struct plan *p, const char *what)
{
	char rest[sizeof(p->warning)];
	int n;

	wr_strlcpy(rest, p->warning, sizeof(rest));
	n = snprintf(p->warning, sizeof(p->warning), "%.100s %.200s: going back to it very likely "
	    "brings the failure back; pick another target unless it was fixed", p->to, what);
	/* The notes already there follow, as far as they fit. */
	if (rest[0] != '\0' && n > 0 && (size_t)n + 2 < sizeof(p->warning)) {
		p->warning[n++] = '\n';
		wr_strlcpy(p->warning + n, rest, sizeof(p->warning) - (size_t)n);
	}
}

void
plan_warn_rolled_back(struct plan *p, const char *where)
{
	char what[100];

	snprintf(what, sizeof(what), "WAS ROLLED BACK FROM %.60s", where);
	warn_first(p, what);
}

void
plan_note_left_ours(struct plan *p, const char *words)
{
	snprintf(p->note, sizeof(p->note), "%.80s held OK as this incident's rollback target; "
	    "it was left after that (%.150s)", p->to, words);
}

void
plan_warn_bad(struct plan *p, const struct plan_bad *b)
{
	static const char rb[] = "rolled back from ";
	char what[240];

	if (b == NULL || b->why[0] == '\0')
		snprintf(what, sizeof(what), "WAS ROLLED BACK FROM in this incident");
	else if (strncmp(b->why, rb, sizeof(rb) - 1) == 0)
		snprintf(what, sizeof(what), "WAS ROLLED BACK FROM in this incident, %.150s",
		    b->why + sizeof(rb) - 1);
	else
		snprintf(what, sizeof(what), "WAS JUDGED BAD in this incident (%.150s)", b->why);
	warn_first(p, what);
}

int
plan_compose_target(const char *log, size_t len, const char *current, char *out,
    size_t cap, struct wr_err *err)
{
	struct plan_candidate c[1];

	if (plan_compose_candidates(log, len, current, NULL, 0, NULL, 0, c, 1) == 0 ||
	    c[0].marked)
		return wr_err_set(err, "releases.log names no earlier successful tag than %s",
		    current[0] ? current : "the running one");
	wr_strlcpy(out, c[0].tag, cap);
	return 0;
}

static int
step(struct plan *p, const char *name, bool mutating, struct wr_err *err,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int
step(struct plan *p, const char *name, bool mutating, struct wr_err *err,
    const char *fmt, ...)
{
	struct plan_step *s;
	va_list ap;
	int n;

	if (p->nsteps == PLAN_STEPS_MAX)
		return wr_err_set(err, "too many steps");
	s = &p->steps[p->nsteps++];
	wr_strlcpy(s->name, name, sizeof(s->name));
	s->mutating = mutating;
	va_start(ap, fmt);
	n = vsnprintf(s->cmd, sizeof(s->cmd), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(s->cmd))
		return wr_err_set(err, "command too long");
	return 0;
}

int
plan_compose_rollback(const struct config_host *h, int svc, const char *from,
    const char *to, int health_timeout_s, const char *incident, const char *op,
    struct plan *p, struct wr_err *err)
{
	char dir[WR_CMD_MAX] = "", qsvc[256] = "", qtag[300] = "", line[700], qline[1600] = "";

	memset(p, 0, sizeof(*p));
	if (h->driver != DRIVER_COMPOSE)
		return wr_err_set(err, "%s is not a compose host", h->name);
	if (svc < 0 || svc >= h->nservices)
		return wr_err_set(err, "no such service");
	if (!plan_tag_valid(to))
		return wr_err_set(err, "'%s' is not a usable tag", to);
	if (!driver_cmd_quote(dir, sizeof(dir), h->compose_dir) ||
	    !driver_cmd_quote(qsvc, sizeof(qsvc), h->services[svc]) ||
	    !driver_cmd_quote(qtag, sizeof(qtag), to))
		return wr_err_set(err, "cannot quote the plan's values");
	wr_strlcpy(p->action, "compose.rollback", sizeof(p->action));
	wr_strlcpy(p->host, h->name, sizeof(p->host));
	wr_strlcpy(p->service, h->services[svc], sizeof(p->service));
	wr_strlcpy(p->from, from, sizeof(p->from));
	wr_strlcpy(p->to, to, sizeof(p->to));
	p->health_timeout_s = health_timeout_s > 0 ? health_timeout_s : 120;
	/* Pull first, so the switch itself is quick and a missing image fails
	 * before anything stops. IMAGE_TAG in the environment wins over .env. */
	if (step(p, "pull", true, err, "cd %s && IMAGE_TAG=%s docker compose --env-file .env "
	    "-f docker-compose.yml pull %s", dir, qtag, qsvc) != 0 ||
	    step(p, "up -d", true, err, "cd %s && IMAGE_TAG=%s docker compose --env-file .env "
	    "-f docker-compose.yml up -d %s", dir, qtag, qsvc) != 0)
		return -1;
	/* The op names this rollback's line whatever the host's clock stamps
	 * (relwritten.c): before the incident, whose name may hold spaces. */
	snprintf(line, sizeof(line), "rollback IMAGE_TAG=%s services=%s result=ok by=warroom "
	    "op=%s incident=%s", to, h->services[svc], op != NULL && op[0] ? op : "-",
	    incident ? incident : "-");
	/* Only after the rollback is verified healthy, and only where the host
	 * keeps a releases.log. */
	if (!driver_cmd_quote(qline, sizeof(qline), line))
		return wr_err_set(err, "cannot quote the release line");
	snprintf(p->record_cmd, sizeof(p->record_cmd), "cd %s && if [ -f releases.log ]; then "
	    "printf '%%s %%s\\n' \"$(date -u +%%Y-%%m-%%dT%%H:%%M:%%SZ)\" %s >> releases.log; fi",
	    dir, qline);
	snprintf(p->verify_cmd, sizeof(p->verify_cmd),
	    "cd %s && docker compose ps -a --format json", dir);
	if (h->health_url[0])
		snprintf(p->readyz_url, sizeof(p->readyz_url), "%s/readyz", h->health_url);
	return 0;
}

int
plan_env_path(const struct config_host *h, char *out, size_t cap, struct wr_err *err)
{
	const char *d = h->compose_dir;
	size_t n;

	/* SFTP starts in the login's home: "~/x" is "x" there. */
	if (strncmp(d, "~/", 2) == 0)
		d += 2;
	n = strlen(d);
	while (n > 1 && d[n - 1] == '/')
		n--;
	if ((size_t)snprintf(out, cap, "%.*s/.env", (int)n, d) >= cap)
		return wr_err_set(err, "compose_dir too long");
	return 0;
}

void
plan_env_sibling(const char *env_file, const char *op, const char *ext, char *out, size_t cap)
{
	snprintf(out, cap, "%.960s.warroom-%.40s.%s", env_file, op, ext);
}

/* The plan bound to .env as read (its path, hash and mode), key=value
 * what it holds or sets; env_kept until env_steps adds the edit. */
static int
env_keep(const struct config_host *h, const char *env_text, size_t env_len,
    unsigned long mode, const char *key, const char *value, struct plan *p,
    struct wr_err *err)
{
	if (strlen(key) >= sizeof(p->env_key) || !envfile_value_valid(value))
		return wr_err_set(err, "cannot set %s=%s in .env", key, value);
	wr_strlcpy(p->env_key, key, sizeof(p->env_key));
	wr_strlcpy(p->env_value, value, sizeof(p->env_value));
	p->env_mode = mode & 07777;
	p->env_kept = true;
	envfile_hash(env_text, env_len, p->env_hash);
	return plan_env_path(h, p->env_file, sizeof(p->env_file) - 64, err);
}

/* The .env edit the kill switch and the rollback's last step share:
 * key=value in a new file beside env_file (a copy of the old one kept),
 * then one rename(2) over it; SFTP v3 cannot rename over a file, so a
 * remote mv -f does it. dir: compose_dir, quoted. Adds two steps. */
static int
env_steps(const struct config_host *h, const char *dir, const char *env_text, size_t env_len,
    unsigned long mode, const char *key, const char *value, const char *op, bool after_verify,
    struct plan *p, struct wr_err *err)
{
	if (op[0] == '\0' || strlen(op) > 40 ||
	    strspn(op, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(op))
		return wr_err_set(err, "'%s' is not an op id", op);
	if (env_keep(h, env_text, env_len, mode, key, value, p, err) != 0)
		return -1;
	p->env_kept = false;
	plan_env_sibling(p->env_file, op, "new", p->env_new, sizeof(p->env_new));
	plan_env_sibling(p->env_file, op, "bak", p->env_backup, sizeof(p->env_backup));
	if (step(p, "write .env", true, err, "sftp: copy %s to %s, write %s with %s=%s "
	    "(mode %04lo), fsync", p->env_file, p->env_backup, p->env_new, key, value,
	    p->env_mode) != 0)
		return -1;
	p->steps[p->nsteps - 1].kind = PLAN_SFTP_WRITE;
	p->steps[p->nsteps - 1].after_verify = after_verify;
	if (step(p, "swap .env", true, err, "cd %s && mv -f -- .env.warroom-%s.new .env", dir,
	    op) != 0)
		return -1;
	p->steps[p->nsteps - 1].after_verify = after_verify;
	return 0;
}

void
plan_tag_sharers(const struct config_host *h, int svc, const struct compose_ps *ps,
    const char *tag, char *out, size_t cap)
{
	const struct compose_container *c;
	size_t n = 0;
	int i;

	if (cap > 0)
		out[0] = '\0';
	for (i = 0; i < h->nservices && tag[0] != '\0'; i++) {
		if (i == svc || (c = parse_compose_find(ps, h->services[i])) == NULL ||
		    strcmp(c->tag, tag) != 0 || n + strlen(h->services[i]) + 3 > cap)
			continue;
		n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? ", " : "", h->services[i]);
	}
}

int
plan_keep_tag(const struct config_host *h, const char *env_text, size_t env_len,
    unsigned long mode, const char *op, const char *shared, struct plan *p,
    struct wr_err *err)
{
	char dir[WR_CMD_MAX] = "", was[128];

	if (strcmp(p->action, "compose.rollback") != 0)
		return wr_err_set(err, "not a compose rollback");
	if (envfile_check(env_text, env_len, err) != 0)
		return -1;
	/* What .env says beside what runs: the dialog's drift line. */
	if (!envfile_get(env_text, env_len, "IMAGE_TAG", p->env_image_tag,
	    sizeof(p->env_image_tag)))
		p->env_image_tag[0] = '\0';
	/* No IMAGE_TAG line: compose takes the tag from elsewhere (a default
	 * in the compose file), and nothing here would bring the old one back. */
	if (!envfile_get(env_text, env_len, "IMAGE_TAG", was, sizeof(was)) ||
	    strcmp(was, p->to) == 0)
		return 0;
	if (!driver_cmd_quote(dir, sizeof(dir), h->compose_dir))
		return wr_err_set(err, "cannot quote compose_dir");
	if (env_steps(h, dir, env_text, env_len, mode, "IMAGE_TAG", p->to, op, true, p, err) != 0)
		return -1;
	wr_strlcpy(p->env_was, was, sizeof(p->env_was));
	wr_strlcpy(p->env_shared, shared != NULL ? shared : "", sizeof(p->env_shared));
	return 1;
}

bool
plan_env_drift(const struct plan *p, char *out, size_t cap)
{
	const char *e = p->env_image_tag;
	bool ks = strcmp(p->action, "compose.killswitch") == 0;
	const char *runs = ks ? p->keep_tag : p->from;

	if (cap > 0)
		out[0] = '\0';
	if ((!ks && strcmp(p->action, "compose.rollback") != 0) || e[0] == '\0' ||
	    runs[0] == '\0' || strcmp(e, runs) == 0)
		return false;
	if (ks)
		/* It redeploys at the running tag with IMAGE_TAG of its own, and
		 * edits EXPORT_MODE only: .env's other tag stays. */
		snprintf(out, cap, ".env drift (HOSTS .env!): .env says IMAGE_TAG=%s, %s runs %s. "
		    "The kill switch redeploys %s at %s and leaves IMAGE_TAG=%s in .env: the next "
		    "plain `docker compose up -d` brings %s back", e, p->service, runs, p->service,
		    runs, e, e);
	else if (plan_unpicked(p))
		snprintf(out, cap, ".env drift (HOSTS .env!): .env says IMAGE_TAG=%s, %s runs %s",
		    e, p->service, runs);
	else if (strcmp(e, p->to) == 0)
		snprintf(out, cap, ".env drift (HOSTS .env!): .env says IMAGE_TAG=%s, %s runs %s. "
		    "This rollback goes to %s, the tag .env names: .env is left as it is, and then "
		    "agrees", e, p->service, runs, p->to);
	else if (plan_first_after_verify(p) < p->nsteps)
		snprintf(out, cap, ".env drift (HOSTS .env!): .env says IMAGE_TAG=%s, %s runs %s. "
		    "This rollback leaves IMAGE_TAG=%s in .env once %s is verified healthy (the "
		    "last step); if it stops before that, .env still says %s and a plain `docker "
		    "compose up -d` brings it back", e, p->service, runs, p->to, p->service, e);
	else
		/* .env is not one it edits (the plan's warning says why). */
		snprintf(out, cap, ".env drift (HOSTS .env!): .env says IMAGE_TAG=%s, %s runs %s. "
		    "This rollback does not change .env: it keeps IMAGE_TAG=%s, and the next plain "
		    "`docker compose up -d` brings %s back", e, p->service, runs, e, e);
	return true;
}

int
plan_first_after_verify(const struct plan *p)
{
	int i;

	for (i = 0; i < p->nsteps && !p->steps[i].after_verify; i++)
		;
	return i;
}

/* The dialog's bold line for a plan that only redeploys: where the value
 * is (".env", "deployment/api's env"), what /export says, who does not
 * run with it and how ("api", "was not redeployed"), and what the plan
 * does about it. */
static void
kept_warning(struct plan *p, const char *where, const char *now, enum contain_export seen,
    const char *who, const char *not_with, const char *does)
{
	bool off = strcmp(p->env_value, "off") == 0;
	bool known = !off || seen == CONTAIN_EXPORT_ON;
	size_t n = strlen(p->warning);

	snprintf(p->warning + n, sizeof(p->warning) - n, "%s%s already says %s=%s but %s: "
	    "%s %s with it; %s", n ? "\n" : "", where, p->env_key, now,
	    !off ? "/export answers as disabled (exports are off)" : known ?
	    "/export still answers" : "whether /export still answers is not known", who,
	    known ? not_with : "may not run", does);
}

int
plan_killswitch(const struct config_host *h, int svc, const char *tag, const char *env_text,
    size_t env_len, unsigned long mode, const char *key, const char *value,
    enum contain_export seen, const char *op, int health_timeout_s, struct plan *p,
    struct wr_err *err)
{
	char dir[WR_CMD_MAX] = "", qsvc[256] = "", qtag[300] = "", old[128];
	enum plan_ks_how how;
	bool set;

	memset(p, 0, sizeof(*p));
	if (h->driver != DRIVER_COMPOSE)
		return wr_err_set(err, "%s is a %s host: the kill switch edits a compose host's "
		    ".env (run the runbook's command for this driver instead)", h->name,
		    config_driver_name(h->driver));
	if (svc < 0 || svc >= h->nservices)
		return wr_err_set(err, "no such service");
	if (!envfile_value_valid(value))
		return wr_err_set(err, "'%s' is not a value the kill switch writes", value);
	if (!plan_tag_valid(tag))
		return wr_err_set(err, "%s runs '%s', which is not a usable tag", h->services[svc],
		    tag);
	if (op[0] == '\0' || strspn(op, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(op))
		return wr_err_set(err, "'%s' is not an op id", op);
	if (strlen(key) > 31)
		return wr_err_set(err, "variable name too long");
	if (envfile_check(env_text, env_len, err) != 0)
		return -1;
	set = envfile_get(env_text, env_len, key, old, sizeof(old));
	if (!set)
		wr_strlcpy(old, "(unset)", sizeof(old));
	if ((how = plan_killswitch_how(set ? old : NULL, value, seen)) == PLAN_KS_ALREADY)
		return wr_err_set(err, "%s is already %s in %s's .env%s", key, value, h->name,
		    seen == CONTAIN_EXPORT_UNKNOWN ? " (what /export answers is not known)" :
		    seen == CONTAIN_EXPORT_OFF ? " and /export answers as disabled" :
		    " and /export answers");
	if (!driver_cmd_quote(dir, sizeof(dir), h->compose_dir) ||
	    !driver_cmd_quote(qsvc, sizeof(qsvc), h->services[svc]) ||
	    !driver_cmd_quote(qtag, sizeof(qtag), tag))
		return wr_err_set(err, "cannot quote the plan's values");
	wr_strlcpy(p->action, "compose.killswitch", sizeof(p->action));
	wr_strlcpy(p->host, h->name, sizeof(p->host));
	wr_strlcpy(p->service, h->services[svc], sizeof(p->service));
	snprintf(p->from, sizeof(p->from), "%.31s=%.90s", key, old);
	snprintf(p->to, sizeof(p->to), "%.31s=%.90s", key, value);
	wr_strlcpy(p->keep_tag, tag, sizeof(p->keep_tag));
	if (!envfile_get(env_text, env_len, "IMAGE_TAG", p->env_image_tag,
	    sizeof(p->env_image_tag)))
		p->env_image_tag[0] = '\0';
	p->health_timeout_s = health_timeout_s > 0 ? health_timeout_s : 120;
	if (how == PLAN_KS_REDEPLOY) {
		/* Bound to .env as read all the same; no file written. */
		if (env_keep(h, env_text, env_len, mode, key, value, p, err) != 0)
			return -1;
		kept_warning(p, ".env", old, seen, h->services[svc], "was not redeployed",
		    "this redeploys it (.env is not changed)");
	} else if (env_steps(h, dir, env_text, env_len, mode, key, value, op, false, p, err) != 0)
		return -1;
	if (step(p, "redeploy", true, err, "cd %s && IMAGE_TAG=%s docker compose --env-file .env "
	    "-f docker-compose.yml up -d %s", dir, qtag, qsvc) != 0)
		return -1;
	snprintf(p->verify_cmd, sizeof(p->verify_cmd),
	    "cd %s && docker compose ps -a --format json", dir);
	if (h->health_url[0]) {
		snprintf(p->readyz_url, sizeof(p->readyz_url), "%s/readyz", h->health_url);
		snprintf(p->export_url, sizeof(p->export_url), "%s/export", h->health_url);
	}
	return 0;
}

int
plan_command(const struct config_host *h, const char *script, const char *origin,
    const char *said, const char *warning, struct plan *p, struct wr_err *err)
{
	char dir[WR_CMD_MAX] = "";
	size_t n;

	memset(p, 0, sizeof(*p));
	if (script[0] == '\0')
		return wr_err_set(err, "nothing to run");
	wr_strlcpy(p->action, "runbook.command", sizeof(p->action));
	wr_strlcpy(p->host, h->name, sizeof(p->host));
	wr_strlcpy(p->confirm, h->name, sizeof(p->confirm));
	wr_strlcpy(p->origin, origin, sizeof(p->origin));
	wr_strlcpy(p->why, said != NULL ? said : "", sizeof(p->why));
	wr_strlcpy(p->warning, warning != NULL ? warning : "", sizeof(p->warning));
	if (h->nservices > 0)
		wr_strlcpy(p->service, h->services[0], sizeof(p->service));
	p->nsteps = 1;
	wr_strlcpy(p->steps[0].name, "run", sizeof(p->steps[0].name));
	/* Runbooks write their commands for the Compose directory. */
	if (h->driver == DRIVER_COMPOSE && h->compose_dir[0] != '\0') {
		char q[WR_CMD_MAX] = "";

		if (!driver_cmd_quote(q, sizeof(q), h->compose_dir))
			return wr_err_set(err, "cannot quote compose_dir");
		snprintf(dir, sizeof(dir), "cd %s || exit 1\n", q);
	}
	n = (size_t)snprintf(p->steps[0].cmd, sizeof(p->steps[0].cmd), "%s%s%s", dir,
	    PLAN_SCRIPT_PREAMBLE, script);
	if (n >= sizeof(p->steps[0].cmd))
		return wr_err_set(err, "the step's commands are longer than %zu bytes",
		    sizeof(p->steps[0].cmd) - 1 - (n - strlen(script)));
	/* Whatever a runbook's shell does, it is treated as a change (read-only
	 * mode and arming refuse it all the same); only the confirmation is
	 * lighter when every command of it only reads. */
	p->steps[0].mutating = true;
	p->reads_only = shellread_script(script, p->typed, sizeof(p->typed));
	return 0;
}

void
plan_command_failure(int status, const char *last, const char *prev, char *buf, size_t cap)
{
	size_t ml = strlen(PLAN_SCRIPT_STOPPED);

	if (strncmp(last, PLAN_SCRIPT_STOPPED, ml) != 0)
		snprintf(buf, cap, "run exited %d%s%s", status, last[0] ? ": " : "", last);
	else if (last[ml] == '\0')         /* a shell with an ERR trap but no command text */
		snprintf(buf, cap, "run exited %d%s%s", status, prev[0] ? ": " : "", prev);
	else                                /* the line before is usually the command's complaint */
		snprintf(buf, cap, "run stopped at `%s` (exit %d)%s%s", last + ml, status,
		    prev[0] ? ": " : "", prev);
}

enum plan_schema
plan_schema_of(const struct probe_result *readyz, bool have, int64_t sent_ms,
    int64_t changed_ms)
{
	/* An answer asked for before a deploy or an action may describe the
	 * schema before it; a cut or HTML answer is nobody's word. */
	if (!have || sent_ms <= 0 || sent_ms < changed_ms || readyz->untrusted ||
	    readyz->http_status == 0 || !readyz->has_migrations)
		return PLAN_SCHEMA_UNKNOWN;
	switch (readyz->schema) {
	case PROBE_SCHEMA_CURRENT:
		return PLAN_SCHEMA_CURRENT;
	case PROBE_SCHEMA_AHEAD:
		return PLAN_SCHEMA_AHEAD;
	case PROBE_SCHEMA_BEHIND:
		return PLAN_SCHEMA_BEHIND;
	case PROBE_SCHEMA_UNSURE:
		return PLAN_SCHEMA_UNSURE;
	case PROBE_SCHEMA_UNSAID:
		break;
	}
	return PLAN_SCHEMA_UNKNOWN;
}

bool
plan_gate_warning(const struct plan *p, const struct probe_result *readyz, bool have,
    char *out, size_t cap)
{
	if (cap > 0)
		out[0] = '\0';
	if (p->readyz_url[0] == '\0' || !have || !readyz->wrong_url)
		return false;
	/* Waiting would only end UNKNOWN: say so before anything runs. */
	snprintf(out, cap, "the gate cannot pass: GET %s answers %d now (is health_url right?); "
	    "the change would be made and end UNKNOWN, its health not known", p->readyz_url,
	    readyz->http_status);
	return true;
}

/* Whether revision b is the one just below a, both all digits of one
 * width ("0042", "0041"): then one step down reaches it. */
static bool
rev_just_below(const char *a, const char *b)
{
	size_t i, n = strlen(a);
	unsigned long x, y;

	if (n == 0 || n > 18 || strlen(b) != n)
		return false;
	for (i = 0; i < n; i++)
		if (a[i] < '0' || a[i] > '9' || b[i] < '0' || b[i] > '9')
			return false;
	x = strtoul(a, NULL, 10);
	y = strtoul(b, NULL, 10);
	return x > 0 && y == x - 1;
}

int
plan_migrate_down(const struct config_host *h, int svc, enum plan_schema schema,
    const char *database, const char *expected, int health_timeout_s, struct plan *p,
    struct wr_err *err)
{
	char dir[WR_CMD_MAX] = "", qsvc[256] = "", revs[264] = "";
	/* An UNKNOWN reading may predate a change: its revisions too. */
	bool named = schema != PLAN_SCHEMA_UNKNOWN && database != NULL && database[0] != '\0' &&
	    expected != NULL && expected[0] != '\0';

	memset(p, 0, sizeof(*p));
	if (h->driver != DRIVER_COMPOSE)
		return wr_err_set(err, "%s is a %s host: the downgrade runs in a compose one-off "
		    "container (use the runbook's command for this driver)", h->name,
		    config_driver_name(h->driver));
	if (svc < 0 || svc >= h->nservices)
		return wr_err_set(err, "no such service");
	/* A downgrade drops data: it is for a schema left ahead of a
	 * rolled-back release, never for one that matches it, and never for
	 * one the release has not caught up to: that would drop one more. */
	if (schema == PLAN_SCHEMA_CURRENT)
		return wr_err_set(err, "/readyz on %s says the migrations are current: the "
		    "schema matches the release %s runs, and a downgrade would only drop data",
		    h->name, h->services[svc]);
	if (schema == PLAN_SCHEMA_BEHIND)
		return wr_err_set(err, "/readyz on %s says the schema is behind the release %s "
		    "runs: a downgrade would drop a migration that release needs (and its data); "
		    "run the release's migrations forward (alembic upgrade head) or roll %s back "
		    "to a release that matches the schema", h->name, h->services[svc],
		    h->services[svc]);
	if (!driver_cmd_quote(dir, sizeof(dir), h->compose_dir) ||
	    !driver_cmd_quote(qsvc, sizeof(qsvc), h->services[svc]))
		return wr_err_set(err, "cannot quote the plan's values");
	wr_strlcpy(p->action, "compose.migrate_down", sizeof(p->action));
	wr_strlcpy(p->host, h->name, sizeof(p->host));
	wr_strlcpy(p->service, h->services[svc], sizeof(p->service));
	/* Typing the name every rollback asks for is a habit by now: what
	 * can drop data asks for its own words. */
	snprintf(p->confirm, sizeof(p->confirm), "downgrade %s", h->services[svc]);
	if (named) {
		wr_strlcpy(p->from, database, sizeof(p->from));
		/* -1 is one step: it reaches the release's revision only
		 * when that is the one just below. */
		if (rev_just_below(database, expected))
			wr_strlcpy(p->to, expected, sizeof(p->to));
		else
			snprintf(p->to, sizeof(p->to), "one revision down (release expects %s)",
			    expected);
		snprintf(revs, sizeof(revs), " (%s -> %s)", p->from, p->to);
	} else {
		wr_strlcpy(p->from, "current schema", sizeof(p->from));
		wr_strlcpy(p->to, "one revision down", sizeof(p->to));
	}
	snprintf(p->warning, sizeof(p->warning), "DATABASE CHANGE: the schema goes one revision "
	    "down%s; data in what the newer revision added may be dropped and is not restored by "
	    "an upgrade", revs);
	/* Which way is not known: said in the warning colour, with what a
	 * wrong guess costs. */
	if (schema == PLAN_SCHEMA_AHEAD)
		snprintf(p->why, sizeof(p->why), "/readyz says the schema is ahead of the release "
		    "%s runs (as after a rollback)%s%s%s%s", h->services[svc],
		    named ? ": database " : "", named ? database : "",
		    named ? ", release expects " : "", named ? expected : "");
	else if (schema == PLAN_SCHEMA_UNSURE)
		snprintf(p->why, sizeof(p->why), "/readyz says the migrations are not current but "
		    "not whether the schema is ahead of the release %s runs or behind it. If it "
		    "is behind, a downgrade drops one more migration that release needs: check "
		    "(alembic current, alembic heads) before going on", h->services[svc]);
	else
		snprintf(p->why, sizeof(p->why), "/readyz does not say whether the schema is "
		    "ahead of the release %s runs or behind it. If it is behind, a downgrade "
		    "drops one more migration that release needs: check (alembic current, alembic "
		    "heads) before going on", h->services[svc]);
	p->health_timeout_s = health_timeout_s > 0 ? health_timeout_s : 120;
	if (step(p, "alembic downgrade -1", true, err, "cd %s && docker compose --env-file .env "
	    "-f docker-compose.yml run --rm %s alembic downgrade -1", dir, qsvc) != 0)
		return -1;
	if (h->health_url[0])
		snprintf(p->readyz_url, sizeof(p->readyz_url), "%s/readyz", h->health_url);
	return 0;
}

static const char *
schema_words(enum plan_schema s)
{
	switch (s) {
	case PLAN_SCHEMA_AHEAD:
		return "the schema is ahead";
	case PLAN_SCHEMA_CURRENT:
		return "the migrations are current";
	case PLAN_SCHEMA_BEHIND:
		return "the schema is behind";
	case PLAN_SCHEMA_UNSURE:
		return "the migrations are not current, which way not said";
	case PLAN_SCHEMA_UNKNOWN:
		break;
	}
	return "nothing of the schema";
}

bool
plan_migrate_down_still(enum plan_schema planned, enum plan_schema now, const char *service,
    const char *answer, char *why, size_t cap)
{
	/* As sure as the dialog was, or surer that the schema is ahead. */
	bool ok = now == PLAN_SCHEMA_AHEAD ||
	    (now == PLAN_SCHEMA_UNSURE && planned != PLAN_SCHEMA_AHEAD) ||
	    (now == PLAN_SCHEMA_UNKNOWN && planned == PLAN_SCHEMA_UNKNOWN);

	if (cap > 0)
		why[0] = '\0';
	if (ok)
		return true;
	if (now == PLAN_SCHEMA_BEHIND)
		snprintf(why, cap, "/readyz now says the schema is behind the release %s runs: a "
		    "downgrade would drop a migration it needs; nothing ran", service);
	else if (now == PLAN_SCHEMA_CURRENT)
		snprintf(why, cap, "/readyz now says the migrations are current: a downgrade "
		    "would only drop data; nothing ran");
	else
		snprintf(why, cap, "/readyz said %s when the dialog opened, and now %s (%s); "
		    "nothing ran (M again reads it afresh)", schema_words(planned),
		    schema_words(now), answer != NULL && answer[0] ? answer : "no reading");
	return false;
}

static int
common(const struct config_host *h, int svc, enum config_driver want, const char *action,
    struct plan *p, char *ns, size_t nscap, char *qsvc, size_t qcap, struct wr_err *err)
{
	memset(p, 0, sizeof(*p));
	if (h->driver != want)
		return wr_err_set(err, "%s is not a %s host", h->name, config_driver_name(want));
	if (svc < 0 || svc >= h->nservices)
		return wr_err_set(err, "no such service");
	if (!driver_cmd_quote(ns, nscap, h->namespace_) ||
	    !driver_cmd_quote(qsvc, qcap, h->services[svc]))
		return wr_err_set(err, "cannot quote the plan's values");
	wr_strlcpy(p->action, action, sizeof(p->action));
	wr_strlcpy(p->host, h->name, sizeof(p->host));
	wr_strlcpy(p->service, h->services[svc], sizeof(p->service));
	return 0;
}

int
plan_k8s_undo(const struct config_host *h, int svc, const char *from_tag, int from_rev,
    int to_rev, const char *to_tag, int timeout_s, struct plan *p, struct wr_err *err)
{
	char ns[256] = "", qsvc[256] = "", rev[48] = "";

	if (common(h, svc, DRIVER_K8S, "k8s.undo", p, ns, sizeof(ns), qsvc, sizeof(qsvc),
	    err) != 0)
		return -1;
	wr_strlcpy(p->from, from_tag, sizeof(p->from));
	if (to_tag != NULL)
		wr_strlcpy(p->to, to_tag, sizeof(p->to));
	p->from_rev = from_rev;
	p->to_rev = to_rev;
	p->health_timeout_s = timeout_s > 0 ? timeout_s : 120;
	if (to_rev > 0)
		snprintf(rev, sizeof(rev), " --to-revision=%d", to_rev);
	/* The config allows only [A-Za-z0-9._-] in service names, so
	 * deployment/NAME needs no quoting (and would not parse with it). */
	if (step(p, "rollout undo", true, err, "kubectl rollout undo deployment/%s -n %s%s",
	    h->services[svc], ns, rev) != 0 ||
	    step(p, "rollout status", false, err, "kubectl rollout status deployment/%s -n %s "
	    "--timeout=%ds", h->services[svc], ns, p->health_timeout_s) != 0)
		return -1;
	snprintf(p->verify_cmd, sizeof(p->verify_cmd), "kubectl get deploy %s -n %s -o json",
	    qsvc, ns);
	if (h->health_url[0])
		snprintf(p->readyz_url, sizeof(p->readyz_url), "%s/readyz", h->health_url);
	return 0;
}

void
plan_export_word(const struct k8s_env *env, const char *key, char *out, size_t cap)
{
	const struct k8s_env_var *v = parse_k8s_env_find(env, key);

	if (v == NULL)
		snprintf(out, cap, "(unset)");
	else if (v->value_from[0] != '\0')
		snprintf(out, cap, "(from a %s)", v->value_from);
	else if (v->value[0] == '\0')
		snprintf(out, cap, "(empty)");
	else if (v->value_cut || !envfile_value_valid(v->value))
		snprintf(out, cap, "(another value)");   /* remote text: not shown */
	else
		snprintf(out, cap, "%s", v->value);
}

int
plan_export_state(const char *word)
{
	if (word[0] == '\0' || strncmp(word, "(from ", 6) == 0)
		return -1;
	return strcmp(word, "off") == 0;
}

/* "EXPORT_MODE=off", "EXPORT_MODE unset", "EXPORT_MODE from a secretKeyRef". */
static const char *
mode_words(const char *word, char *out, size_t cap)
{
	if (strcmp(word, "(unset)") == 0)
		snprintf(out, cap, KS_KEY " unset");
	else if (word[0] == '(')
		snprintf(out, cap, KS_KEY " %.*s", (int)strlen(word + 1) - 1, word + 1);
	else
		snprintf(out, cap, KS_KEY "=%s", word);
	return out;
}

/* Append one note to p->warning, each on a line of its own. */
static void
warn(struct plan *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
warn(struct plan *p, const char *fmt, ...)
{
	size_t n = strlen(p->warning);
	va_list ap;

	if (n > 0 && n + 2 < sizeof(p->warning))
		n += (size_t)snprintf(p->warning + n, sizeof(p->warning) - n, "\n");
	if (n + 1 >= sizeof(p->warning))
		return;
	va_start(ap, fmt);
	vsnprintf(p->warning + n, sizeof(p->warning) - n, fmt, ap);
	va_end(ap);
}

void
plan_k8s_undo_notes(struct plan *p, const char *container, const char *now, const char *to,
    const struct plan_ks_last *ks)
{
	int sn = plan_export_state(now), st = plan_export_state(to);
	char since[160] = "", target[128], a[96], b[96];

	wr_strlcpy(p->export_container, container, sizeof(p->export_container));
	wr_strlcpy(p->export_now, now, sizeof(p->export_now));
	wr_strlcpy(p->export_to, to, sizeof(p->export_to));
	/* The latest switch, not the last that worked: an off since undone,
	 * then one that FAILED, is no "off since". */
	if (ks != NULL && ks->at_ms > 0 && ks->off) {
		int64_t day = ks->at_ms / 1000 % 86400;

		if (strcmp(ks->outcome, "ok") == 0)
			snprintf(since, sizeof(since), " since the kill switch at %02d:%02d UTC",
			    (int)(day / 3600), (int)(day / 60 % 60));
		else
			snprintf(since, sizeof(since), " in the pod template, but the kill switch at "
			    "%02d:%02d UTC turning them off %s: exports may still be on",
			    (int)(day / 3600), (int)(day / 60 % 60),
			    strcmp(ks->outcome, "failed") == 0 ? "FAILED" :
			    strcmp(ks->outcome, "unknown") == 0 ? "ended UNKNOWN" : "has not ended");
	}
	if (strcmp(to, "(unset)") == 0)
		snprintf(target, sizeof(target), "revision %d sets no " KS_KEY, p->to_rev);
	else if (to[0] == '(')
		snprintf(target, sizeof(target), "revision %d has %s", p->to_rev,
		    mode_words(to, a, sizeof(a)));
	else
		snprintf(target, sizeof(target), "revision %d has " KS_KEY "=%s", p->to_rev, to);
	/* A rollback brings the target's whole pod template back, env and
	 * all: the kill switch's env entry goes with the template it is in. */
	if (sn == 1 && st == 0)
		warn(p, "%s: this rollback turns exports back ON (now off%s)", target, since);
	else if (sn == 1 && st < 0 && to[0] != '\0')
		warn(p, "%s: this rollback may turn exports back ON (now off%s)", target, since);
	else if (sn == 1 && to[0] == '\0')
		warn(p, "revision %d's " KS_KEY " could not be read: this rollback may turn exports "
		    "back ON (now off%s)", p->to_rev, since);
	else if (sn == 0 && st == 1)
		warn(p, "%s: this rollback turns exports OFF (now %s)", target,
		    mode_words(now, b, sizeof(b)));
	if (p->to[0] != '\0' && strcmp(p->to, p->from) == 0) {
		if (now[0] != '\0' && to[0] != '\0' && strcmp(now, to) != 0)
			warn(p, "same tag %s: this only changes the pod template: %s -> %s", p->to,
			    mode_words(now, a, sizeof(a)), mode_words(to, b, sizeof(b)));
		else
			warn(p, "same tag %s: this only changes the pod template (its env or "
			    "settings), not the release", p->to);
	}
}

/* Whether t runs the running tag run (both known): going back to it
 * changes no release, only the pod template. */
static bool
at_running_tag(const struct plan_target *t, const char *run)
{
	return run[0] != '\0' && t->tag[0] != '\0' && strcmp(t->tag, run) == 0;
}

int
plan_k8s_default(const struct plan_target *t, int n, const char *now, const char *run)
{
	int sn = plan_export_state(now), first = -1, i;

	/* A rollback is to another release: the newest at another tag (or
	 * one whose tag is unknown) comes first. */
	for (i = 0; i < n && first < 0; i++)
		if (!at_running_tag(&t[i], run))
			first = i;
	if (first < 0) {
		/* Only the running tag: one that leaves EXPORT_MODE as it is,
		 * never one that would undo (or may undo) a kill switch. */
		for (i = 0; i < n; i++)
			if (now[0] != '\0' && strcmp(t[i].export_mode, now) == 0)
				return i;
		return -1;
	}
	if (sn < 0 || t[first].tag[0] == '\0' ||
	    plan_export_state(t[first].export_mode) == sn)
		return first;
	for (i = first + 1; i < n; i++)
		if (strcmp(t[i].tag, t[first].tag) == 0 &&
		    plan_export_state(t[i].export_mode) == sn)
			return i;
	/* Turning exports on or off is never Enter's doing: the engineer
	 * picks it, with the warning in view. */
	return -1;
}

bool
plan_same_version(const char *chart, const char *app, const char *run_chart,
    const char *run_app)
{
	return chart[0] != '\0' && app[0] != '\0' && strcmp(chart, run_chart) == 0 &&
	    strcmp(app, run_app) == 0;
}

void
plan_helm_named_words(const char *named, int rev, const char *app, char *buf, size_t cap)
{
	snprintf(buf, cap, "%.120s = helm revision %d (app version %.120s)", named, rev, app);
}

const char *
plan_target_note(const struct plan_target *t)
{
	return t->bad ? PLAN_NOTE_BAD : t->left ? PLAN_NOTE_LEFT : t->same ? PLAN_NOTE_SAME :
	    t->stalled ? PLAN_NOTE_STALLED : "";
}

/* 0 unmarked (or stalled), 1 the same version, 2 rolled back from: the
 * listing order. This incident's own OK target outranks the history: a
 * later "Rollback to N" back to the bad release (someone outside the
 * console) says it was left, not that it was bad, so it stays unmarked
 * (its note still says so). A release this incident judged bad never is. */
static int
target_rank(const struct plan_target *t)
{
	return t->bad || (t->left && !t->ours) ? 2 : t->same ? 1 : 0;
}

bool
plan_target_marked(const struct plan_target *t)
{
	return target_rank(t) > 0;
}

int
plan_targets_order(const struct plan_target *t, int n, int *order)
{
	int rank, i, k = 0, nfree = 0;

	for (rank = 0; rank < 3; rank++)
		for (i = 0; i < n; i++)
			if (target_rank(&t[i]) == rank) {
				order[k++] = i;
				nfree += rank == 0;
			}
	return nfree;
}

/* The tags of t[0..n) whose rank is rank, each once, comma separated. */
static void
tags_ranked(const struct plan_target *t, int n, int rank, char *out, size_t cap)
{
	size_t w = 0;
	int i, j;

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (target_rank(&t[i]) != rank)
			continue;
		for (j = 0; j < i && (target_rank(&t[j]) != rank || strcmp(t[j].tag, t[i].tag) != 0);
		    j++)
			;
		if (j < i || w + strlen(t[i].tag) + 6 >= cap)
			continue;
		w += (size_t)snprintf(out + w, cap - w, "%s%s", w ? ", " : "",
		    t[i].tag[0] ? t[i].tag : "tag unknown");
	}
}

int
plan_targets_default(const struct plan_target *t, int n, int nfree, bool named,
    const char *now, const char *run, char *why, size_t cap)
{
	char bad[160], same[160];
	int d;

	if (cap > 0)
		why[0] = '\0';
	if (named) {                     /* theirs to judge, marks and all */
		d = plan_k8s_default(t, n, now, "");
		return d < 0 && n > 0 ? 0 : d;
	}
	if (n <= 0)
		return 0;
	if (nfree > 0) {
		if ((d = plan_k8s_default(t, nfree, now, run)) >= 0 && t[d].stalled) {
			/* Its rollout here did not complete: going there again
			 * is the engineer's call, made with the mark in view. */
			snprintf(why, cap, "nothing is preselected: %s, the newest earlier release, is "
			    "where this incident's rollback here went and it did not end OK; Up/Down "
			    "picks one", t[d].tag[0] ? t[d].tag : "tag unknown");
			return -1;
		}
		if (d >= 0)
			return d;
		for (d = 0; d < nfree && at_running_tag(&t[d], run); d++)
			;
		if (d < nfree) {
			/* The newest other release would turn exports on or off. */
			snprintf(why, cap, "nothing is preselected: %s, the newest earlier release, "
			    "%s change EXPORT_MODE (now %s); Up/Down picks one", t[d].tag,
			    t[d].export_mode[0] ? "would" : "may", now);
			return -1;
		}
		/* Only the running tag is left, and it would touch the export
		 * (or may: what one of them sets was not read). */
		for (d = 0; d < nfree && now[0] != '\0' && t[d].export_mode[0] != '\0'; d++)
			;
		snprintf(why, cap, "nothing is preselected: every earlier revision%s runs the "
		    "running tag %s and %s change EXPORT_MODE (now %s); Up/Down picks one",
		    nfree < n ? " not rolled back from" : "", run, d < nfree ? "may" : "would",
		    now[0] ? now : "not read");
		return -1;
	}
	/* Every one is marked: picking one is the engineer's call, made with
	 * the reason in view, never Enter's. */
	tags_ranked(t, n, 2, bad, sizeof(bad));
	tags_ranked(t, n, 1, same, sizeof(same));
	for (d = 0; d < n && !(t[d].left && !t[d].bad); d++)
		;
	if (same[0] == '\0' && d < n)
		snprintf(why, cap, "nothing is preselected: every earlier revision was rolled back "
		    "from, in this incident or per the release history (%s); Up/Down picks one, "
		    "only if it was fixed", bad);
	else if (same[0] == '\0')
		snprintf(why, cap, "nothing is preselected: every earlier revision was rolled back "
		    "from in this incident (%s); Up/Down picks one, only if it was fixed", bad);
	else if (bad[0] == '\0')
		snprintf(why, cap, "nothing is preselected: every earlier revision is the same "
		    "version as running (%s): a rollback to it would change nothing; Up/Down picks "
		    "one", same);
	else
		snprintf(why, cap, "nothing is preselected: every earlier revision was rolled back "
		    "from in this incident (%s) or is the same version as running (%s); Up/Down "
		    "picks one", bad, same);
	return -1;
}

void
plan_warn_same(struct plan *p)
{
	warn(p, "same version as running (%s): nothing would change", p->to[0] ? p->to :
	    "version unknown");
}

void
plan_warn_note(struct plan *p, const char *note)
{
	warn(p, "%s", note);
}

void
plan_unpick(struct plan *p, const char *why)
{
	p->to[0] = '\0';
	p->to_rev = 0;
	memset(p->steps, 0, sizeof(p->steps));
	p->nsteps = 0;
	p->verify_cmd[0] = p->record_cmd[0] = '\0';
	p->export_to[0] = '\0';
	wr_strlcpy(p->warning, why, sizeof(p->warning));
}

bool
plan_unpicked(const struct plan *p)
{
	return p->nsteps == 0 && p->action[0] != '\0' &&
	    strcmp(p->action, "runbook.command") != 0;
}

void
plan_export_change(const char *svc, const char *before, const char *after, char *out,
    size_t cap)
{
	int sb = plan_export_state(before), sa = plan_export_state(after);
	char a[96], b[96];

	if (cap > 0)
		out[0] = '\0';
	if (before[0] == '\0' || after[0] == '\0' || strcmp(before, after) == 0)
		return;
	snprintf(out, cap, "%s -> %s in deployment/%s's env%s", mode_words(before, a, sizeof(a)),
	    mode_words(after, b, sizeof(b)), svc, sb == 1 && sa == 0 ?
	    ": exports are back ON" : sb == 1 && sa < 0 ? ": exports may be back ON" :
	    sb != 1 && sa == 1 ? ": exports are OFF" : "");
}

void
plan_k8s_unfinished(const struct plan *p, const struct k8s_deploy *d, const char *tag,
    int waited_s, char *out, size_t cap)
{
	const char *what = strcmp(p->action, "k8s.undo") == 0 ? "undo" :
	    p->nsteps > 0 ? p->steps[0].name : "change";
	size_t n;

	if (d->revision <= p->from_rev) {
		snprintf(out, cap, "deployment/%s is still at revision %d (%s): the %s did not take",
		    p->service, d->revision, tag[0] ? tag : "tag unknown", what);
		return;
	}
	n = (size_t)snprintf(out, cap, "%s applied (revision %d at %s), rollout not complete: "
	    "%d/%d ready", what, d->revision, tag[0] ? tag : "tag unknown", d->ready,
	    d->replicas);
	if (waited_s > 0 && n < cap)
		n += (size_t)snprintf(out + n, cap - n, " after %d s", waited_s);
	/* The change is in place: the old pods serve until the new ones are
	 * ready, and what runs next starts from the new revision. */
	if (n < cap && strcmp(p->action, "k8s.undo") == 0 && tag[0] && strcmp(tag, p->to) == 0)
		/* At the target already: one more r goes past the good release,
		 * never an invitation to retry. */
		snprintf(out + n, cap - n, "; it may still complete: revision %d runs %s, this "
		    "undo's target: another r would go past it", d->revision, tag);
	else if (n < cap && strcmp(p->action, "k8s.undo") == 0)
		snprintf(out + n, cap - n, "; it may still complete: r would now roll back from "
		    "revision %d (this undo's), not %d", d->revision, p->from_rev);
	else if (n < cap && strcmp(p->action, "k8s.killswitch") == 0)
		/* The env says the new value; what answers does not run with it. */
		snprintf(out + n, cap - n, "; it may still complete: the old pods serve until the "
		    "new ones are ready, exports still %s there",
		    strcmp(p->env_value, "off") == 0 ? "on" : "off");
	else if (n < cap)
		snprintf(out + n, cap - n, "; it may still complete: the old pods serve until the "
		    "new ones are ready");
}

int
plan_k8s_container(const struct k8s_deploy *d, const char *svc, struct wr_err *err)
{
	int i;

	if (d->ncontainers == 1)
		return 0;
	/* A sidecar (a proxy, a log shipper) has env of its own: the switch
	 * goes to the service's container, never to a guessed one. */
	for (i = 0; i < d->ncontainers; i++)
		if (strcmp(d->containers[i].name, svc) == 0)
			return i;
	if (d->ncontainers == 0)
		return wr_err_set(err, "deployment %s has no container", svc);
	return wr_err_set(err, "deployment %s has %d containers and none is named %s: which "
	    "one reads EXPORT_MODE is not clear (set it by hand with kubectl set env -c)", svc,
	    d->ncontainers, svc);
}

static bool
env_key_valid(const char *k)
{
	size_t n = strlen(k);

	return n > 0 && n < 32 && !isdigit((unsigned char)k[0]) &&
	    strspn(k, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

int
plan_k8s_killswitch(const struct config_host *h, int svc, const struct k8s_deploy *d,
    const struct k8s_env *env, const char *key, const char *value, enum contain_export seen,
    int timeout_s, struct plan *p, struct wr_err *err)
{
	char ns[256] = "", qsvc[256] = "", arg[200], qarg[420] = "", qc[WR_NAME_MAX * 4 + 8] = "";
	char where[WR_NAME_MAX + 32];
	const struct k8s_env_var *v;
	const char *tag = "";
	bool remove = value == NULL || value[0] == '\0';
	enum plan_ks_how how;
	int i;

	if (common(h, svc, DRIVER_K8S, "k8s.killswitch", p, ns, sizeof(ns), qsvc, sizeof(qsvc),
	    err) != 0)
		return -1;
	if (!env_key_valid(key))
		return wr_err_set(err, "'%s' is not a variable name the kill switch sets", key);
	if (!remove && !envfile_value_valid(value))
		return wr_err_set(err, "'%s' is not a value the kill switch writes", value);
	for (i = 0; i < d->ncontainers; i++)
		if (strcmp(d->containers[i].name, env->container) == 0)
			tag = d->containers[i].tag;
	if (!plan_tag_valid(tag))
		return wr_err_set(err, "container %s of %s runs '%s', which is not a usable tag",
		    env->container, h->services[svc], tag);
	if (d->revision <= 0)
		return wr_err_set(err, "deployment %s has no revision annotation: a new rollout "
		    "could not be told from the old one", h->services[svc]);
	v = parse_k8s_env_find(env, key);
	/* A value from a ConfigMap or a Secret belongs there: an env entry set
	 * here would hide it, and an undo could not bring the reference back. */
	if (v != NULL && v->value_from[0] != '\0')
		return wr_err_set(err, "%s in container %s of deployment %s comes from a %s "
		    "(valueFrom): change it there, not with the kill switch", key, env->container,
		    h->services[svc], v->value_from);
	if (v != NULL && (v->value_cut || (v->value[0] != '\0' && !envfile_value_valid(v->value))))
		return wr_err_set(err, "%s in container %s of deployment %s holds a value the kill "
		    "switch could not put back", key, env->container, h->services[svc]);
	how = plan_killswitch_how(v != NULL ? v->value : NULL, remove ? NULL : value, seen);
	if (how == PLAN_KS_ALREADY)
		return wr_err_set(err, "%s is already %s in deployment %s%s", key,
		    remove ? "unset" : value, h->services[svc],
		    seen == CONTAIN_EXPORT_UNKNOWN ? " (what /export answers is not known)" :
		    seen == CONTAIN_EXPORT_OFF ? " and /export answers as disabled" :
		    " and /export answers");
	wr_strlcpy(p->env_container, env->container, sizeof(p->env_container));
	wr_strlcpy(p->env_key, key, sizeof(p->env_key));
	wr_strlcpy(p->env_value, remove ? "" : value, sizeof(p->env_value));
	p->env_remove = remove;
	wr_strlcpy(p->env_was, v != NULL ? v->value : "", sizeof(p->env_was));
	snprintf(p->from, sizeof(p->from), "%.31s=%.90s", key, v != NULL ? v->value : "(unset)");
	snprintf(p->to, sizeof(p->to), "%.31s=%.90s", key, remove ? "(unset)" : value);
	wr_strlcpy(p->keep_tag, tag, sizeof(p->keep_tag));
	p->from_rev = d->revision;
	p->health_timeout_s = timeout_s > 0 ? timeout_s : 120;
	if (v == NULL && env->env_from)
		snprintf(p->warning, sizeof(p->warning), "container %s also takes variables from "
		    "envFrom (a ConfigMap or Secret): %s may be set there; %s", env->container, key,
		    remove ? "removing the entry lets that value apply again" :
		    "the entry set here takes precedence over it");
	snprintf(arg, sizeof(arg), remove ? "%s-" : "%s=%s", key, remove ? "" : value);
	/* -c only where it matters: without it kubectl sets every container. */
	if (d->ncontainers > 1 && !driver_cmd_quote(qc + 4, sizeof(qc) - 4, env->container))
		return wr_err_set(err, "cannot quote the container's name");
	if (d->ncontainers > 1)
		memcpy(qc, " -c ", 4);
	if (!driver_cmd_quote(qarg, sizeof(qarg), arg))
		return wr_err_set(err, "cannot quote the plan's values");
	if (how == PLAN_KS_REDEPLOY) {
		/* set env would change no template, so roll out none: a rollout
		 * that never completed leaves the old pods serving as before. */
		p->env_kept = true;
		snprintf(where, sizeof(where), "deployment/%s's env", h->services[svc]);
		kept_warning(p, where, v != NULL ? v->value : "(unset)", seen, "the pods that answer",
		    "do not run", "this restarts the rollout (kubectl rollout restart), the env not "
		    "changed");
	}
	/* Service names are [A-Za-z0-9._-] (config): deployment/NAME unquoted. */
	if ((how == PLAN_KS_REDEPLOY ? step(p, "rollout restart", true, err, "kubectl rollout "
	    "restart deployment/%s -n %s", h->services[svc], ns) :
	    step(p, "set env", true, err, "kubectl set env deployment/%s -n %s%s %s",
	    h->services[svc], ns, qc, qarg)) != 0 ||
	    step(p, "rollout status", false, err, "kubectl rollout status deployment/%s -n %s "
	    "--timeout=%ds", h->services[svc], ns, p->health_timeout_s) != 0)
		return -1;
	snprintf(p->verify_cmd, sizeof(p->verify_cmd), "kubectl get deploy %s -n %s -o json",
	    qsvc, ns);
	if (h->health_url[0]) {
		snprintf(p->readyz_url, sizeof(p->readyz_url), "%s/readyz", h->health_url);
		snprintf(p->export_url, sizeof(p->export_url), "%s/export", h->health_url);
	}
	return 0;
}

int
plan_helm_rollback(const struct config_host *h, int svc, const char *from, int from_rev,
    const char *to, int to_rev, int timeout_s, struct plan *p, struct wr_err *err)
{
	char ns[256] = "", qsvc[256] = "";

	if (common(h, svc, DRIVER_HELM, "helm.rollback", p, ns, sizeof(ns), qsvc, sizeof(qsvc),
	    err) != 0)
		return -1;
	if (to_rev <= 0)
		return wr_err_set(err, "no revision to roll back to");
	wr_strlcpy(p->from, from, sizeof(p->from));
	wr_strlcpy(p->to, to, sizeof(p->to));
	p->from_rev = from_rev;
	p->to_rev = to_rev;
	p->health_timeout_s = timeout_s > 0 ? timeout_s : 120;
	/* helm waits for the release's pods itself: a wait that runs out
	 * leaves the rollback applied, which latedone can tell from its history. */
	if (step(p, "helm rollback", true, err, "helm rollback %s %d -n %s --wait --timeout %ds",
	    qsvc, to_rev, ns, p->health_timeout_s) != 0)
		return -1;
	snprintf(p->verify_cmd, sizeof(p->verify_cmd), "helm history %s -n %s -o json", qsvc, ns);
	if (h->health_url[0])
		snprintf(p->readyz_url, sizeof(p->readyz_url), "%s/readyz", h->health_url);
	return 0;
}

cJSON *
plan_to_json(const struct plan *p)
{
	cJSON *o = cJSON_CreateObject(), *steps = cJSON_AddArrayToObject(o, "steps");
	int i;

	cJSON_AddStringToObject(o, "action", p->action);
	cJSON_AddStringToObject(o, "host", p->host);
	cJSON_AddStringToObject(o, "service", p->service);
	cJSON_AddStringToObject(o, "from", p->from);
	cJSON_AddStringToObject(o, "to", p->to);
	if (p->from_rev || p->to_rev) {
		cJSON_AddNumberToObject(o, "from_revision", p->from_rev);
		cJSON_AddNumberToObject(o, "to_revision", p->to_rev);
	}
	for (i = 0; i < p->nsteps; i++) {
		cJSON *s = cJSON_CreateObject();

		cJSON_AddStringToObject(s, "name", p->steps[i].name);
		cJSON_AddStringToObject(s, "cmd", p->steps[i].cmd);
		if (p->steps[i].after_verify)
			cJSON_AddBoolToObject(s, "after_verify", true);
		cJSON_AddItemToArray(steps, s);
	}
	cJSON_AddStringToObject(o, "verify", p->verify_cmd);
	cJSON_AddStringToObject(o, "record", p->record_cmd);
	if (p->readyz_url[0])
		cJSON_AddStringToObject(o, "health_gate", p->readyz_url);
	if (p->env_file[0]) {
		/* Never the file's text: it holds secrets. Its hash binds the plan. */
		cJSON_AddStringToObject(o, "env_file", p->env_file);
		cJSON_AddStringToObject(o, "env_backup", p->env_backup);
		cJSON_AddStringToObject(o, "env_hash", p->env_hash);
		cJSON_AddStringToObject(o, "keep_tag", p->keep_tag);
		/* The kill switch's redeploy only: no file of its own to clean up. */
		if (p->env_kept)
			cJSON_AddBoolToObject(o, "env_kept", true);
		if (p->env_was[0]) {
			/* The rollback's last step: a tag, never a secret. */
			cJSON_AddStringToObject(o, "env_was", p->env_was);
			cJSON_AddStringToObject(o, "env_set", p->env_value);
		}
		if (p->export_url[0])
			cJSON_AddStringToObject(o, "export_check", p->export_url);
	}
	if (p->env_container[0]) {
		/* The k8s kill switch: what its re-read after UNKNOWN checks. */
		cJSON_AddStringToObject(o, "container", p->env_container);
		cJSON_AddStringToObject(o, "env_key", p->env_key);
		if (p->env_remove)
			cJSON_AddBoolToObject(o, "env_remove", true);
		else
			cJSON_AddStringToObject(o, "env_set", p->env_value);
		if (p->env_kept)
			cJSON_AddBoolToObject(o, "env_kept", true);
		cJSON_AddStringToObject(o, "keep_tag", p->keep_tag);
		if (p->export_url[0])
			cJSON_AddStringToObject(o, "export_check", p->export_url);
	}
	if (p->export_now[0]) {
		/* A k8s rollback: EXPORT_MODE before and in the target template. */
		cJSON *e = cJSON_AddObjectToObject(o, "export_mode");

		cJSON_AddStringToObject(e, "container", p->export_container);
		cJSON_AddStringToObject(e, "now", p->export_now);
		cJSON_AddStringToObject(e, "target", p->export_to);
	}
	if (p->origin[0])
		cJSON_AddStringToObject(o, "origin", p->origin);
	if (p->warning[0])
		cJSON_AddStringToObject(o, "warning", p->warning);
	if (p->why[0])
		cJSON_AddStringToObject(o, "why", p->why);
	if (p->named[0])
		cJSON_AddStringToObject(o, "named", p->named);
	/* How it was confirmed: Enter alone, since it only reads. */
	if (p->reads_only)
		cJSON_AddBoolToObject(o, "reads_only", true);
	cJSON_AddNumberToObject(o, "health_timeout_s", p->health_timeout_s);
	return o;
}

void
plan_hash(const struct plan *p, char out[9])
{
	cJSON *o = plan_to_json(p);
	char *s = cJSON_PrintUnformatted(o);

	snprintf(out, 9, "%08x", crc32c(0, s, strlen(s)));
	cJSON_free(s);
	cJSON_Delete(o);
}

void
plan_confirm_words(const struct plan *p, const char *verb, char *head, size_t hcap,
    char *change, size_t ccap)
{
	const char *word = p->confirm[0] ? p->confirm : p->service;
	bool command = strcmp(p->action, "runbook.command") == 0;
	/* Words with a space are quoted: typed bare they would run into the
	 * sentence ("type downgrade api and press"). */
	bool quote = strchr(word, ' ') != NULL;
	char to[160];

	if (p->reads_only) {
		snprintf(head, hcap, "reads only: Enter runs it on %s", p->host);
		change[0] = '\0';
		return;
	}
	snprintf(head, hcap, "%stype %s%s%s and press Enter to %s%s%s on %s", plan_unpicked(p) ?
	    "pick a target with Up/Down, then " : "", quote ? "\"" : "", word, quote ? "\"" : "",
	    verb,
	    command || p->service[0] == '\0' ? "" : " ", command ? "" : p->service, p->host);
	if (p->from[0] == '\0' && p->to[0] == '\0') {
		change[0] = '\0';
		return;
	}
	/* The kill switch's redeploy only: nothing moves but what runs. */
	if (p->env_kept) {
		snprintf(change, ccap, "%s as it is, redeployed with it", p->to);
		return;
	}
	/* A k8s undo whose target tag is not known names its revision. */
	if (plan_unpicked(p))
		snprintf(to, sizeof(to), "? (none picked)");
	else if (p->to[0] != '\0')
		snprintf(to, sizeof(to), "%s", p->to);
	else if (p->to_rev > 0)
		snprintf(to, sizeof(to), "revision %d", p->to_rev);
	else
		snprintf(to, sizeof(to), "the previous revision");
	snprintf(change, ccap, "%s -> %s", p->from[0] ? p->from : "?", to);
}

/* Whether v[i] is a kill switch's intent on host; its plan's from and to
 * into *from and *to, and whether it is k8s's into *k8s. */
static bool
ks_intent(const struct record *r, const char *host, const char **from, const char **to,
    bool *k8s)
{
	const cJSON *plan = cJSON_GetObjectItemCaseSensitive(r->data, "plan");
	const char *act = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(plan, "action"));
	const char *f = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(plan, "from"));

	if (strcmp(r->kind, "action.intent") != 0 || r->op == NULL || r->host == NULL ||
	    strcmp(r->host, host) != 0 || act == NULL ||
	    (strcmp(act, "compose.killswitch") != 0 && strcmp(act, "k8s.killswitch") != 0) ||
	    (*to = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(plan, "to"))) == NULL)
		return false;
	*from = f != NULL ? f : "";
	*k8s = strcmp(act, "k8s.killswitch") == 0;
	return true;
}

/* Whether op ended ok in v (its action.end, or a later action.reconcile). */
static bool
op_ended_ok(const struct record *v, size_t n, const char *op)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((strcmp(v[i].kind, "action.end") == 0 ||
		    strcmp(v[i].kind, "action.reconcile") == 0) && v[i].op != NULL &&
		    strcmp(v[i].op, op) == 0 && cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(v[i].data, "outcome")) != NULL &&
		    strcmp(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(v[i].data,
		    "outcome")), "ok") == 0)
			return true;
	return false;
}

int
plan_killswitch_last(const struct record *v, size_t n, const char *host,
    struct plan_ks_last *last)
{
	const char *from, *to;
	bool k8s;
	size_t i, k;

	memset(last, 0, sizeof(*last));
	for (i = n; i-- > 0;) {
		if (!ks_intent(&v[i], host, &from, &to, &k8s))
			continue;
		last->at_ms = v[i].ts_ms;
		last->off = strcmp(to, KS_KEY "=off") == 0;
		/* Its settled word: a re-read's reconcile after an end says last. */
		for (k = i + 1; k < n; k++) {
			const char *oc = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
			    v[k].data, "outcome"));

			if ((strcmp(v[k].kind, "action.end") != 0 &&
			    strcmp(v[k].kind, "action.reconcile") != 0) || v[k].op == NULL ||
			    strcmp(v[k].op, v[i].op) != 0 || oc == NULL)
				continue;
			last->at_ms = v[k].ts_ms;
			wr_strlcpy(last->outcome, oc, sizeof(last->outcome));
		}
		return 1;
	}
	return 0;
}

int
plan_killswitch_restore(const struct record *v, size_t n, const char *host, char *out,
    size_t cap, int64_t *at_ms)
{
	const char *from = NULL, *to, *f;
	bool k8s = false, k8s_at;
	size_t i, k, at = n;

	/* Newest first: the kill switch that turned the export off last; an
	 * undo since does not change what it replaced, and one settled ok
	 * by a re-read counts like one that ended ok. */
	for (i = n; i-- > 0 && at == n;) {
		const cJSON *oc = cJSON_GetObjectItemCaseSensitive(v[i].data, "outcome");

		if ((strcmp(v[i].kind, "action.end") != 0 &&
		    strcmp(v[i].kind, "action.reconcile") != 0) || v[i].op == NULL ||
		    v[i].host == NULL || strcmp(v[i].host, host) != 0 || !cJSON_IsString(oc) ||
		    strcmp(oc->valuestring, "ok") != 0)
			continue;
		for (k = i; k-- > 0;) {
			if (strcmp(v[k].kind, "action.intent") != 0 || v[k].op == NULL ||
			    strcmp(v[k].op, v[i].op) != 0)
				continue;
			if (ks_intent(&v[k], host, &f, &to, &k8s) && strcmp(to, KS_KEY "=off") == 0) {
				at = k;
				if (at_ms != NULL)
					*at_ms = v[i].ts_ms;
			}
			break;
		}
	}
	if (at == n)
		return 0;
	/* What the first switch of its chain replaced: a retry after one that
	 * failed started from off (.env written, its redeploy failed), and
	 * putting that back would restore nothing. The chain reaches back to
	 * the last restore that ended ok; a switch from off says nothing. */
	for (k = at + 1; k-- > 0;) {
		if (!ks_intent(&v[k], host, &f, &to, &k8s_at))
			continue;
		if (strcmp(to, KS_KEY "=off") != 0) {
			if (op_ended_ok(v, n, v[k].op))
				break;
			continue;
		}
		if ((f = strchr(f, '=')) != NULL && strcmp(f + 1, "off") != 0) {
			from = f + 1;
			k8s = k8s_at;
		}
	}
	/* k8s: a variable that was not set is removed again, so whatever set
	 * it before (the image, envFrom) does again; .env keeps a line. Every
	 * switch from off: "on", as with none. */
	if (from != NULL && k8s && strcmp(from, "(unset)") == 0)
		from = "";
	else if (from == NULL || strcmp(from, "(unset)") == 0 || !envfile_value_valid(from))
		from = "on";
	snprintf(out, cap, "%s", from);
	return 1;
}

const char *
plan_killswitch_value(enum contain_export seen, const char *want, const char *restore)
{
	const char *on = restore != NULL ? restore : "on";

	if (want != NULL && strcmp(want, "off") == 0)
		return "off";
	if (want != NULL && strcmp(want, "on") == 0)
		return on;
	/* X: what the service does decides, never .env alone (a redeploy that
	 * failed leaves .env off while it still exports) nor this incident's
	 * history; not known is taken as on: never restored blind. */
	return seen == CONTAIN_EXPORT_OFF ? on : "off";
}

enum contain_export
plan_killswitch_seen(enum contain_export seen, bool rollout_open)
{
	return seen == CONTAIN_EXPORT_OFF && rollout_open ? CONTAIN_EXPORT_UNKNOWN : seen;
}

enum plan_ks_how
plan_killswitch_how(const char *now, const char *value, enum contain_export seen)
{
	bool remove = value == NULL || value[0] == '\0';
	bool off = !remove && strcmp(value, "off") == 0;

	if (remove ? now != NULL : now == NULL || strcmp(now, value) != 0)
		return PLAN_KS_SET;
	/* In place, yet the service may not run with it (its redeploy or
	 * rollout failed): redeployed, unless /export shows it took. Back on
	 * needs /export seen off: an answer not known never restores. */
	if (off)
		return seen == CONTAIN_EXPORT_OFF ? PLAN_KS_ALREADY : PLAN_KS_REDEPLOY;
	return seen == CONTAIN_EXPORT_OFF ? PLAN_KS_REDEPLOY : PLAN_KS_ALREADY;
}
