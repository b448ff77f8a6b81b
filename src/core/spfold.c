/*
 * spfold.c — a status-page post's tries folded into one row (spfold.h).
 * One pass over the records; a post's op is looked up among the posts
 * met so far (a few dozen at most), not in the whole journal.
 */
#include "warroom/spfold.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/util.h"

static bool
is_kind(const struct record *r, const char *kind)
{
	return r->kind != NULL && strcmp(r->kind, kind) == 0;
}

static const cJSON *
field(const struct record *r, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(r->data, key);
}

/* Whether r is a try of a post a run may fold. */
static bool
foldable(const struct record *r)
{
	if (r->op == NULL || r->op[0] == '\0')
		return false;
	/* Sent again after a read back did not find it on the page: why a
	 * post went twice, a row of its own. */
	if (is_kind(r, "statuspage.sent"))
		return !cJSON_IsTrue(field(r, "after_read"));
	/* May be on the page: the next step depends on it, a row of its own. */
	return is_kind(r, "statuspage.retry") && !cJSON_IsTrue(field(r, "read_back"));
}

static void
add_status(struct spfold_run *f, int status)
{
	size_t i;

	for (i = 0; i < f->nstatuses; i++)
		if (f->statuses[i] == status)
			return;
	if (f->nstatuses < SPFOLD_STATUSES_MAX)
		f->statuses[f->nstatuses++] = status;
	else
		f->more = true;
}

void
spfold_add(struct spfold_run *f, const struct record *r, size_t i)
{
	const cJSON *t = field(r, "try"), *code;

	f->last = i;
	f->count++;
	if (is_kind(r, "statuspage.sent")) {
		if (cJSON_IsNumber(t) && (int)t->valuedouble > f->tries)
			f->tries = (int)t->valuedouble;
		if (f->status == NULL)
			f->status = cJSON_GetStringValue(field(r, "status"));
		if (f->action == NULL)
			f->action = cJSON_GetStringValue(field(r, "action"));
		f->answered = false;
		return;
	}
	code = field(r, "http_status");
	/* A retry with no try of its own failed a look-up (the GETs before a
	 * create goes again): counted apart, or "2 tries, 6 refused" says more
	 * refusals than tries. One that says whether its request left ("sent")
	 * answers a try's first request, whatever came before. */
	if (f->answered && !cJSON_IsBool(field(r, "sent"))) {
		if (cJSON_IsNumber(code) && code->valuedouble >= 400)
			f->lookups_refused++;
		else
			f->lookups_unanswered++;
		return;
	}
	f->answered = true;
	if (cJSON_IsNumber(code) && code->valuedouble >= 400) {
		f->refused++;
		add_status(f, (int)code->valuedouble);
	} else {
		f->unanswered++;
	}
}

size_t
spfold_find(const struct record *v, size_t n, size_t *mark, struct spfold_run **runs)
{
	struct spfold_run *out = NULL;
	size_t i, k, nout = 0, nkeep = 0, *first = xcalloc(n + 1, sizeof(*first));

	memset(mark, 0, n * sizeof(*mark));
	/* Every op's records as one candidate run, in order of first records. */
	for (i = 0; i < n; i++) {
		if (!foldable(&v[i]))
			continue;
		for (k = nout; k-- > 0;)
			if (strcmp(v[out[k].first].op, v[i].op) == 0)
				break;
		if (k == (size_t)-1) {
			out = xrealloc(out, (nout + 1) * sizeof(*out));
			memset(&out[nout], 0, sizeof(*out));
			out[nout].first = i;
			k = nout++;
		}
		spfold_add(&out[k], &v[i], i);
		mark[i] = k + 1;
	}
	/* One try alone is a row as it is: only runs of two or more stay. */
	for (k = 0; k < nout; k++) {
		first[k] = out[k].count >= 2 ? ++nkeep : 0;
		if (first[k] != 0)
			out[first[k] - 1] = out[k];
	}
	for (i = 0; i < n; i++)
		if (mark[i] != 0)
			mark[i] = first[mark[i] - 1];
	free(first);
	*runs = out;
	return nkeep;
}

void
spfold_failed_words(int refused, int unanswered, const int *statuses, size_t nstatuses,
    bool more, char *out, size_t cap)
{
	size_t i, len = 0;

	out[0] = '\0';
	if (refused > 0) {
		len = (size_t)snprintf(out, cap, "%d refused (HTTP ", refused);
		for (i = 0; i < nstatuses && len < cap; i++)
			len += (size_t)snprintf(out + len, cap - len, "%s%d", i > 0 ? ", " : "",
			    statuses[i]);
		if (len < cap)
			len += (size_t)snprintf(out + len, cap - len, "%s)", more ? ", …" : "");
	}
	if (unanswered > 0 && len < cap)
		snprintf(out + len, cap - len, "%s%d not answered", refused > 0 ? " and " : "",
		    unanswered);
}

void
spfold_lookup_words(const struct spfold_run *f, char *out, size_t cap)
{
	int n = f->lookups_refused + f->lookups_unanswered;
	const char *how = f->lookups_unanswered == 0 ? "refused" :
	    f->lookups_refused == 0 ? "not answered" : "failed";

	if (cap == 0)
		return;
	out[0] = '\0';
	if (n > 0)
		snprintf(out, cap, "%d look-up%s %s", n, n == 1 ? "" : "s", how);
}
