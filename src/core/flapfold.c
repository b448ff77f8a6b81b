/*
 * flapfold.c — runs of a host's verdict moving among levels and of its
 * services' health readings flipping, and groups of hosts' first
 * verdicts of OK and first readings (flapfold.h). One pass over the
 * records: per host (and service) and kind, what was said last and the
 * run going on; an action on the host or a change of its tag ends its
 * runs, since a reader wants the records before and after it as rows
 * around it, the first after it read afresh. So does a gap: a stretch no console recorded (a resume
 * made alone, the last console's shutdown, a journal's recovery or
 * repair) ends every run and group, a host's reachability changing (its
 * DOWN or lost polls, and their end) its own; the record after it moved
 * from something said before the gap, so it is a row, no move.
 */
#include "warroom/flapfold.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "warroom/decide.h"
#include "warroom/sessions.h"
#include "warroom/util.h"

/* One host's (and service's) verdicts, or health readings, so far. */
struct key {
	char *id;                /* "kind\x1fhost\x1fservice" (owned) */
	const char *host;        /* borrowed */
	enum flapfold_kind kind;
	const char *last;        /* VERDICT: the level said last; HEALTH: "" once
	                            read; NULL: none yet */
	int64_t last_ms;         /* … when */
	bool fresh;              /* a gap came since: the next record is a new
	                            reading, a row of its own */
	bool open;               /* a run goes on */
	bool held;               /* it began after a level that held
	                            (FLAPFOLD_HOLD_MS): it keeps slower moves */
	int64_t moved_ms;        /* when its last move came */
	size_t moves;
	struct flapfold_values levels, healthz, readyz;  /* its run's */
	size_t *idx;             /* its records (owned) */
	size_t nidx, cap;
};

struct state {
	struct key *keys;
	size_t nkeys, capkeys;
	size_t *slots;           /* 1 + index into keys; 0: empty */
	size_t mask;
	struct flapfold_run *runs;
	size_t nruns;
	size_t *mark;
	struct sessions consoles;  /* the consoles open, for shutdowns */
};

static uint64_t
hash_of(const char *s)
{
	uint64_t h = 1469598103934665603ULL;   /* FNV-1a */

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void
slots_put(struct state *st, size_t k)
{
	size_t i = (size_t)hash_of(st->keys[k].id) & st->mask;

	while (st->slots[i] != 0)
		i = (i + 1) & st->mask;
	st->slots[i] = k + 1;
}

/* The key of kind, host and svc (NULL: none), added when new. */
static struct key *
key_of(struct state *st, enum flapfold_kind kind, const char *host, const char *svc)
{
	size_t len = strlen(host) + 5 + (svc != NULL ? strlen(svc) : 0), i, k;
	char *id = xmalloc(len);

	snprintf(id, len, "%c\x1f%s\x1f%s", kind == FLAPFOLD_VERDICT ? 'v' : 'h', host,
	    svc != NULL ? svc : "");
	for (i = (size_t)hash_of(id) & st->mask; st->slots[i] != 0; i = (i + 1) & st->mask)
		if (strcmp(st->keys[st->slots[i] - 1].id, id) == 0) {
			free(id);
			return &st->keys[st->slots[i] - 1];
		}
	if (st->nkeys == st->capkeys) {
		st->capkeys = st->capkeys ? st->capkeys * 2 : 16;
		st->keys = xrealloc(st->keys, st->capkeys * sizeof(*st->keys));
	}
	k = st->nkeys++;
	memset(&st->keys[k], 0, sizeof(st->keys[k]));
	st->keys[k].id = id;
	st->keys[k].host = host;
	st->keys[k].kind = kind;
	/* At most half full: grow and place every key again. */
	if (2 * st->nkeys > st->mask + 1) {
		st->mask = st->mask * 2 + 1;
		free(st->slots);
		st->slots = xcalloc(st->mask + 1, sizeof(*st->slots));
		for (i = 0; i < st->nkeys; i++)
			slots_put(st, i);
	} else
		slots_put(st, k);
	return &st->keys[k];
}

static void
keys_free(struct state *st)
{
	size_t k;

	for (k = 0; k < st->nkeys; k++) {
		free(st->keys[k].id);
		free(st->keys[k].idx);
	}
	free(st->keys);
	free(st->slots);
}

static void
push(struct key *k, size_t i)
{
	if (k->nidx == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 16;
		k->idx = xrealloc(k->idx, k->cap * sizeof(*k->idx));
	}
	k->idx[k->nidx++] = i;
}

/* Adds value s to vals unless it is there (NULL: nothing said). */
static void
value_add(struct flapfold_values *vals, const char *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < vals->n; i++)
		if (strcasecmp(vals->v[i], s) == 0)
			return;
	if (vals->n < FLAPFOLD_VALUES_MAX)
		vals->v[vals->n++] = s;
	else
		vals->more = true;
}

/* Where level s goes among the levels: decide_level's order, a word it
 * does not know after them all. */
static int
level_rank(const char *s)
{
	enum decide_level l;

	return decide_level_parse(s, &l) ? (int)l : DECIDE_ROLLBACK + 1;
}

/* The rank of the worst of vals' levels. */
static int
worst_rank(const struct flapfold_values *vals)
{
	int worst = -1;
	size_t i;

	for (i = 0; i < vals->n; i++)
		if (level_rank(vals->v[i]) > worst)
			worst = level_rank(vals->v[i]);
	return worst;
}

/* The levels best first, words decide_level does not know after them as
 * met; the worst it knows, or NULL. */
static const char *
levels_sort(struct flapfold_values *vals)
{
	size_t i, j;

	/* Insertion sort: stable, and a run has a handful. */
	for (i = 1; i < vals->n; i++) {
		const char *s = vals->v[i];

		for (j = i; j > 0 && level_rank(vals->v[j - 1]) > level_rank(s); j--)
			vals->v[j] = vals->v[j - 1];
		vals->v[j] = s;
	}
	for (i = vals->n; i-- > 0;)
		if (level_rank(vals->v[i]) <= DECIDE_ROLLBACK)
			return vals->v[i];
	return NULL;
}

/* The run k has going ends: kept when it moved often enough. */
static void
close_run(struct state *st, struct key *k)
{
	struct flapfold_run *r;
	size_t i;

	if (k->open && k->moves >= FLAPFOLD_MIN_MOVES) {
		st->runs = xrealloc(st->runs, (st->nruns + 1) * sizeof(*st->runs));
		r = &st->runs[st->nruns++];
		memset(r, 0, sizeof(*r));
		r->kind = k->kind;
		r->first = k->idx[0];
		r->last = k->idx[k->nidx - 1];
		r->moves = k->moves;
		r->levels = k->levels;
		r->healthz = k->healthz;
		r->readyz = k->readyz;
		if (r->kind == FLAPFOLD_VERDICT)
			r->worst = levels_sort(&r->levels);
		for (i = 0; i < k->nidx; i++)
			st->mark[k->idx[i]] = st->nruns;
	}
	k->open = false;
	k->held = false;
	k->nidx = 0;
	k->moves = 0;
	memset(&k->levels, 0, sizeof(k->levels));
	memset(&k->healthz, 0, sizeof(k->healthz));
	memset(&k->readyz, 0, sizeof(k->readyz));
}

static const char *
str_in(const cJSON *data, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(data, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static bool
is_kind(const struct record *r, const char *kind)
{
	return r->host != NULL && r->kind != NULL && strcmp(r->kind, kind) == 0;
}

/* A health.change that changed the service's tag. */
static bool
tag_changed(const struct record *r)
{
	const char *t = str_in(r->data, "tag"), *w = str_in(r->data, "was_tag");

	return t != NULL && w != NULL && t[0] != '\0' && w[0] != '\0' && strcmp(t, w) != 0;
}

/* An action on r's host, or a change of its tag: a reader wants the
 * records around it as rows. */
static bool
breaks_runs(const struct record *r)
{
	return is_kind(r, "action.intent") || is_kind(r, "action.end") ||
	    is_kind(r, "action.reconcile") || (is_kind(r, "health.change") && tag_changed(r));
}

/* A record after which nothing of r's host was read for a while: its
 * connection lost or back (conn.change), its polls failing or back
 * (poll.change). */
static bool
host_gap(const struct record *r)
{
	return is_kind(r, "conn.change") || is_kind(r, "poll.change");
}

/* Whether r marks a stretch no console recorded, consoles the sessions
 * of the records before (r is noted into them): a console opening alone
 * (another open beside it recorded all along), the last open console's
 * shutdown, a recovery from a degraded journal, a torn tail set aside. */
static bool
console_gap(struct sessions *consoles, const struct record *r)
{
	const char *kind = r->kind;

	if (kind == NULL)
		return false;
	sessions_note(consoles, r);
	if (strcmp(kind, "incident.resume") == 0)
		return !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "others_open"));
	if (strcmp(kind, "shutdown") == 0)
		return consoles->n == 0;
	return strcmp(kind, "incident.open") == 0 || strcmp(kind, "journal.recover") == 0 ||
	    strcmp(kind, "journal.repair") == 0;
}

/* A gap for k: its run ends, and the next record is a reading afresh. */
static void
gap(struct state *st, struct key *k)
{
	close_run(st, k);
	k->fresh = true;
}

/* k's run ends when a move comes too late; one opens when none goes on.
 * A run's first move whose level held FLAPFOLD_HOLD_MS before the next
 * is no flap: it stays a row and the run starts at the next move, so a
 * fold never starts long before the flapping does (once: a run that
 * began so keeps slower moves, a slow flap folds from its second). */
static void
move_at(struct state *st, struct key *k, const struct record *r, bool moves)
{
	if (k->open && r->ts_ms - k->last_ms > FLAPFOLD_GAP_MS)
		close_run(st, k);
	else if (moves && k->open && k->moves == 1 && !k->held &&
	    r->ts_ms - k->moved_ms > FLAPFOLD_HOLD_MS) {
		close_run(st, k);
		k->held = true;
	}
	k->last_ms = r->ts_ms;
	if (moves)
		k->moved_ms = r->ts_ms;
}

static void
verdict(struct state *st, const struct record *r, size_t i, const char *level)
{
	struct key *k = key_of(st, FLAPFOLD_VERDICT, r->host, str_in(r->data, "service"));
	const char *prev = k->last;

	k->last = level;
	if (prev == NULL || k->fresh) {
		k->fresh = false;
		k->last_ms = r->ts_ms;
		return;
	}
	move_at(st, k, r, strcasecmp(level, prev) != 0);
	if (strcasecmp(level, prev) == 0) {
		/* Said again (a re-sync, a second console): in the run, no move. */
		if (k->open)
			push(k, i);
		return;
	}
	/* A turn worse than every level the run has met is no flapping: an
	 * escalation a reader must see as a row of its own. What follows
	 * it may fold again. */
	if (k->open && level_rank(level) > worst_rank(&k->levels)) {
		close_run(st, k);
		return;
	}
	/* Any level goes on the run: a fault switched on and off walks
	 * through the ones between. */
	if (!k->open) {
		k->open = true;
		value_add(&k->levels, prev);
	}
	value_add(&k->levels, level);
	push(k, i);
	k->moves++;
}

/* A health.change that is no change of tag: every one but a first
 * reading is a move (it is written only when something changed). */
static void
health(struct state *st, const struct record *r, size_t i)
{
	struct key *k = key_of(st, FLAPFOLD_HEALTH, r->host, str_in(r->data, "service"));

	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "first")) || k->fresh) {
		/* A console reading it afresh: a row of its own. */
		close_run(st, k);
		k->fresh = false;
		k->last = "";
		k->last_ms = r->ts_ms;
		return;
	}
	move_at(st, k, r, true);
	if (!k->open) {
		k->open = true;
		value_add(&k->healthz, str_in(r->data, "was_healthz"));
		value_add(&k->readyz, str_in(r->data, "was_readyz"));
	}
	value_add(&k->healthz, str_in(r->data, "healthz"));
	value_add(&k->readyz, str_in(r->data, "readyz"));
	k->last = "";
	push(k, i);
	k->moves++;
}

static int
by_first(const void *x, const void *y)
{
	const struct flapfold_run *a = x, *b = y;

	return a->first < b->first ? -1 : a->first > b->first;
}

size_t
flapfold_find(const struct record *v, size_t n, size_t *mark, struct flapfold_run **runs)
{
	struct state st = { .mask = 15, .mark = mark };
	size_t i, k, *to, *first;

	st.slots = xcalloc(st.mask + 1, sizeof(*st.slots));
	memset(mark, 0, n * sizeof(*mark));
	for (i = 0; i < n; i++) {
		const struct record *r = &v[i];
		const char *level;

		if (console_gap(&st.consoles, r)) {
			for (k = 0; k < st.nkeys; k++)
				gap(&st, &st.keys[k]);
			continue;
		}
		if (breaks_runs(r) || (r->host != NULL && host_gap(r))) {
			for (k = 0; k < st.nkeys; k++)
				if (strcmp(st.keys[k].host, r->host) == 0) {
					gap(&st, &st.keys[k]);
				}
			continue;
		}
		if (is_kind(r, "verdict.change") && (level = str_in(r->data, "verdict")) != NULL)
			verdict(&st, r, i, level);
		else if (is_kind(r, "health.change") && str_in(r->data, "service") != NULL)
			health(&st, r, i);
	}
	for (k = 0; k < st.nkeys; k++)
		close_run(&st, &st.keys[k]);
	keys_free(&st);
	sessions_free(&st.consoles);
	/* In journal order (they were kept in the order they ended), the
	 * marks following: a run is known by its first record. */
	first = xcalloc(st.nruns + 1, sizeof(*first));
	for (k = 0; k < st.nruns; k++)
		first[k] = st.runs[k].first;
	if (st.nruns > 1)
		qsort(st.runs, st.nruns, sizeof(*st.runs), by_first);
	to = xcalloc(n + 1, sizeof(*to));
	for (k = 0; k < st.nruns; k++)
		to[st.runs[k].first] = k + 1;
	for (i = 0; i < n; i++)
		if (mark[i] != 0)
			mark[i] = to[first[mark[i] - 1]];
	free(to);
	free(first);
	*runs = st.runs;
	return st.nruns;
}

/* Whether r opens or joins a group: a host's first verdict, OK; a first
 * reading. */
typedef bool (*first_pick)(struct state *st, const struct record *r);

static bool
pick_first_ok(struct state *st, const struct record *r)
{
	const char *level;
	struct key *key;
	bool first;

	if (!is_kind(r, "verdict.change") || (level = str_in(r->data, "verdict")) == NULL)
		return false;
	key = key_of(st, FLAPFOLD_VERDICT, r->host, str_in(r->data, "service"));
	first = key->last == NULL && strcasecmp(level, "OK") == 0;
	key->last = level;
	return first;
}

static bool
pick_first_reading(struct state *st, const struct record *r)
{
	(void)st;
	return is_kind(r, "health.change") && str_in(r->data, "service") != NULL &&
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "first"));
}

/* The groups of records pick takes, each within FLAPFOLD_FIRST_GAP_MS of
 * the one before and no gap (console_gap) between, at least two. */
static size_t
first_groups(const struct record *v, size_t n, size_t *mark, struct flapfold_group **groups,
    first_pick pick)
{
	struct state st = { .mask = 15 };
	struct flapfold_group *g = NULL, cur = { 0 };
	size_t i, k, ng = 0;
	int64_t last_ms = 0;

	st.slots = xcalloc(st.mask + 1, sizeof(*st.slots));
	memset(mark, 0, n * sizeof(*mark));
	for (i = 0; i <= n; i++) {
		const struct record *r = i < n ? &v[i] : NULL;
		bool split = r == NULL || console_gap(&st.consoles, r);

		if (!split && !pick(&st, r))
			continue;
		/* The group so far ends: at the end, at a gap, or before one too
		 * late. */
		if (cur.count > 0 && (split || r->ts_ms - last_ms > FLAPFOLD_FIRST_GAP_MS)) {
			if (cur.count >= 2) {
				g = xrealloc(g, (ng + 1) * sizeof(*g));
				g[ng++] = cur;
				for (k = cur.first; k <= cur.last; k++)
					if (mark[k] == SIZE_MAX)
						mark[k] = ng;
			}
			for (k = cur.first; k <= cur.last; k++)
				if (mark[k] == SIZE_MAX)
					mark[k] = 0;
			cur.count = 0;
		}
		if (r == NULL)
			break;
		if (split)
			continue;
		if (cur.count == 0)
			cur.first = i;
		cur.last = i;
		cur.count++;
		mark[i] = SIZE_MAX;     /* in the group going on */
		last_ms = r->ts_ms;
	}
	keys_free(&st);
	sessions_free(&st.consoles);
	*groups = g;
	return ng;
}

size_t
flapfold_first_ok(const struct record *v, size_t n, size_t *mark,
    struct flapfold_group **groups)
{
	return first_groups(v, n, mark, groups, pick_first_ok);
}

size_t
flapfold_first_readings(const struct record *v, size_t n, size_t *mark,
    struct flapfold_group **groups)
{
	return first_groups(v, n, mark, groups, pick_first_reading);
}
