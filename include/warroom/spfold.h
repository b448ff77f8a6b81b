/*
 * spfold.h — one status-page post's tries, said at once. A post the page
 * keeps refusing (HTTP 500 for two minutes) is tried again and again, and
 * each try (statuspage.sent) and each refusal (statuspage.retry) is a
 * record: TIMELINE and the post-mortem's timeline would show a dozen rows
 * that say one thing. The tries of one post (one op: its queue id) fold
 * into one row where the first of them is, when there are two or more.
 * A retry that may be on the page (data.read_back) stays a row: what is
 * done next hangs on it. The post's end (posted, failed) is its own row.
 * Pure: records in, indexes out; the records are never changed.
 */
#ifndef WARROOM_SPFOLD_H
#define WARROOM_SPFOLD_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/record.h"

/* HTTP statuses one run keeps; past that, more is set. */
#define SPFOLD_STATUSES_MAX 4

/* The tries of one post, folded. */
struct spfold_run {
	size_t first, last;      /* indexes of its first and last record */
	size_t count;            /* how many records it folds */
	int tries;               /* the highest try number its records name */
	int refused;             /* tries the page answered 400 or more */
	int unanswered;          /* tries with no HTTP answer */
	int lookups_refused;     /* look-ups (a retry with no try of its own:
	                            the GET before a create is sent again, a
	                            read back) answered 400 or more */
	int lookups_unanswered;  /* … and with no HTTP answer */
	bool answered;           /* the last try met its retry: a retry now
	                            is a look-up's (false at first: a try
	                            record may be out of view) */
	int statuses[SPFOLD_STATUSES_MAX];  /* the refusals' statuses, as met */
	size_t nstatuses;
	bool more;               /* other statuses did not fit */
	const char *status;      /* the post's status and action, as its try
	                            records name them (borrowed); NULL: none */
	const char *action;
};

/* The runs among v[n]: for each op, its statuspage.sent and
 * statuspage.retry records (but read_back retries), two or more, in
 * journal order. The records a run folds get mark[i] = 1 + the index of
 * the run in *runs (in order of their first records), the rest 0 (mark
 * has n entries). The caller frees *runs; returns how many. */
size_t spfold_find(const struct record *v, size_t n, size_t *mark, struct spfold_run **runs);

/* Counts record r (index i, a try or a retry of f's post) into f, f->first
 * already set: how spfold_find builds a run, and how the post-mortem
 * counts every try of a post. The first retry after a try answers it;
 * the others before the next try are look-ups'. */
void spfold_add(struct spfold_run *f, const struct record *r, size_t i);

/* "5 look-ups refused", "2 look-ups not answered", "3 look-ups failed"
 * (some of each): the failed look-ups of f, into out; "" when none. */
void spfold_lookup_words(const struct spfold_run *f, char *out, size_t cap);

/* "7 refused (HTTP 500)", "2 refused (HTTP 500, 429) and 1 not
 * answered", "3 not answered": the failed tries a run (or a post) met,
 * into out; "" when none failed. */
void spfold_failed_words(int refused, int unanswered, const int *statuses, size_t nstatuses,
    bool more, char *out, size_t cap);

#endif
