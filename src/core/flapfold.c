/*
 * flapfold.c — runs of a host's verdict moving back and forth between
 * two levels, and groups of hosts' first verdicts of OK (flapfold.h).
 * One pass over the records: per host (and service) the level said last
 * and the run going on; an action on the host or a change of its tag
 * ends its runs, since a reader wants the verdicts before and after it
 * as rows around it.
 */
#include "warroom/flapfold.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "warroom/decide.h"
#include "warroom/util.h"

/* One host's (and service's) verdicts so far. */
struct key {
	char *id;                /* "host\x1fservice" (owned) */
	const char *host;        /* borrowed */
	const char *last;        /* the level said last; NULL: none yet */
	int64_t last_ms;         /* … when */
	bool open;               /* a run goes on */
	const char *a, *b;       /* its two levels */
	size_t moves;
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

/* The key of host and svc (NULL: none), added when new. */
static struct key *
key_of(struct state *st, const char *host, const char *svc)
{
	size_t len = strlen(host) + 2 + (svc != NULL ? strlen(svc) : 0), i, k;
	char *id = xmalloc(len);

	snprintf(id, len, "%s\x1f%s", host, svc != NULL ? svc : "");
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
push(struct key *k, size_t i)
{
	if (k->nidx == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 16;
		k->idx = xrealloc(k->idx, k->cap * sizeof(*k->idx));
	}
	k->idx[k->nidx++] = i;
}

/* The run k has going ends: kept when it moved often enough. */
static void
close_run(struct state *st, struct key *k)
{
	struct flapfold_run *r;
	enum decide_level la, lb;
	size_t i;

	if (k->open && k->moves >= FLAPFOLD_MIN_MOVES) {
		st->runs = xrealloc(st->runs, (st->nruns + 1) * sizeof(*st->runs));
		r = &st->runs[st->nruns++];
		r->first = k->idx[0];
		r->last = k->idx[k->nidx - 1];
		r->moves = k->moves;
		r->a = k->a;
		r->b = k->b;
		if (decide_level_parse(r->a, &la) && decide_level_parse(r->b, &lb) && la < lb) {
			r->a = k->b;
			r->b = k->a;
		}
		for (i = 0; i < k->nidx; i++)
			st->mark[k->idx[i]] = st->nruns;
	}
	k->open = false;
	k->nidx = 0;
	k->moves = 0;
}

static const char *
str_in(const cJSON *data, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(data, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* An action on r's host, or a change of its tag: a reader wants the
 * verdicts around it as rows. */
static bool
breaks_runs(const struct record *r)
{
	const char *t, *w;

	if (r->host == NULL || r->kind == NULL)
		return false;
	if (strcmp(r->kind, "action.intent") == 0 || strcmp(r->kind, "action.end") == 0 ||
	    strcmp(r->kind, "action.reconcile") == 0)
		return true;
	if (strcmp(r->kind, "health.change") != 0)
		return false;
	t = str_in(r->data, "tag");
	w = str_in(r->data, "was_tag");
	return t != NULL && w != NULL && t[0] != '\0' && w[0] != '\0' && strcmp(t, w) != 0;
}

static void
verdict(struct state *st, const struct record *r, size_t i, const char *level)
{
	struct key *k = key_of(st, r->host, str_in(r->data, "service"));
	const char *prev = k->last;

	k->last = level;
	if (prev == NULL) {
		k->last_ms = r->ts_ms;
		return;
	}
	if (k->open && r->ts_ms - k->last_ms > FLAPFOLD_GAP_MS)
		close_run(st, k);
	k->last_ms = r->ts_ms;
	if (strcasecmp(level, prev) == 0) {
		/* Said again (a re-sync, a second console): in the run, no move. */
		if (k->open)
			push(k, i);
		return;
	}
	if (!k->open || !((strcasecmp(prev, k->a) == 0 && strcasecmp(level, k->b) == 0) ||
	    (strcasecmp(prev, k->b) == 0 && strcasecmp(level, k->a) == 0))) {
		close_run(st, k);
		k->open = true;
		k->a = prev;
		k->b = level;
	}
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

		if (breaks_runs(r)) {
			for (k = 0; k < st.nkeys; k++)
				if (strcmp(st.keys[k].host, r->host) == 0)
					close_run(&st, &st.keys[k]);
			continue;
		}
		if (r->host != NULL && r->kind != NULL && strcmp(r->kind, "verdict.change") == 0 &&
		    (level = str_in(r->data, "verdict")) != NULL)
			verdict(&st, r, i, level);
	}
	for (k = 0; k < st.nkeys; k++) {
		close_run(&st, &st.keys[k]);
		free(st.keys[k].id);
		free(st.keys[k].idx);
	}
	free(st.keys);
	free(st.slots);
	/* In journal order (they were kept in the order they ended), the
	 * marks following: a run is known by its first record. */
	first = xcalloc(st.nruns + 1, sizeof(*first));
	for (k = 0; k < st.nruns; k++)
		first[k] = st.runs[k].first;
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

size_t
flapfold_first_ok(const struct record *v, size_t n, size_t *mark,
    struct flapfold_group **groups)
{
	struct state st = { .mask = 15 };
	struct flapfold_group *g = NULL, cur = { 0 };
	size_t i, k, ng = 0;
	int64_t last_ms = 0;

	st.slots = xcalloc(st.mask + 1, sizeof(*st.slots));
	memset(mark, 0, n * sizeof(*mark));
	for (i = 0; i <= n; i++) {
		const struct record *r = i < n ? &v[i] : NULL;
		const char *level = NULL;
		struct key *key;
		bool first_ok = false;

		if (r != NULL && r->host != NULL && r->kind != NULL &&
		    strcmp(r->kind, "verdict.change") == 0 &&
		    (level = str_in(r->data, "verdict")) != NULL) {
			key = key_of(&st, r->host, str_in(r->data, "service"));
			first_ok = key->last == NULL && strcasecmp(level, "OK") == 0;
			key->last = level;
		}
		if (r != NULL && !first_ok)
			continue;
		/* The group so far ends: at the end, or before one too late. */
		if (cur.count > 0 && (r == NULL || r->ts_ms - last_ms > FLAPFOLD_FIRST_GAP_MS)) {
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
		if (cur.count == 0)
			cur.first = i;
		cur.last = i;
		cur.count++;
		mark[i] = SIZE_MAX;     /* in the group going on */
		last_ms = r->ts_ms;
	}
	for (k = 0; k < st.nkeys; k++) {
		free(st.keys[k].id);
		free(st.keys[k].idx);
	}
	free(st.keys);
	free(st.slots);
	*groups = g;
	return ng;
}
