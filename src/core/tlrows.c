/*
 * tlrows.c — the TIMELINE pane's rows (tlrows.h): flapfold_find marks
 * the records its runs fold; each run is drawn once, where its first
 * record is, and every other record is a row of its own. Built again
 * whole when records come: a run that grows keeps its first record, so
 * its row stays in place and says the newest level.
 */
#include "warroom/tlrows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/util.h"

void
tlrows_keep(struct record *f, const struct record *r)
{
	memset(f, 0, sizeof(*f));
	f->seq = r->seq;
	f->ts_ms = r->ts_ms;
	f->session = r->session;
	f->kind = xstrdup(r->kind);
	f->host = r->host != NULL ? xstrdup(r->host) : NULL;
	f->op = r->op != NULL ? xstrdup(r->op) : NULL;
	/* A resume's others_open and ended_sessions say whether it ends a
	 * gap; a shutdown's session, whether the last console left. A
	 * post's tries: which try, and what the page answered. */
	if (r->data != NULL && (strcmp(r->kind, "verdict.change") == 0 ||
	    strcmp(r->kind, "health.change") == 0 || strcmp(r->kind, "incident.resume") == 0 ||
	    strcmp(r->kind, "statuspage.sent") == 0 || strcmp(r->kind, "statuspage.retry") == 0))
		f->data = cJSON_Duplicate(r->data, 1);
}

void
tlrows_kept_free(struct record *f)
{
	free(f->kind);
	free(f->host);
	free(f->op);
	cJSON_Delete(f->data);
	memset(f, 0, sizeof(*f));
}

void
tlrows_free(struct tlrows *t)
{
	free(t->rows);
	free(t->runs);
	free(t->sps);
	free(t->row_of);
	memset(t, 0, sizeof(*t));
}

void
tlrows_build(struct tlrows *t, const struct record *v, size_t n, bool all)
{
	size_t i, *mark = xcalloc(n + 1, sizeof(*mark)), *spm = xcalloc(n + 1, sizeof(*spm));

	tlrows_free(t);
	if (!all) {
		t->nruns = flapfold_find(v, n, mark, &t->runs);
		t->nsps = spfold_find(v, n, spm, &t->sps);
	}
	t->rows = xcalloc(n + 1, sizeof(*t->rows));
	t->row_of = xcalloc(n + 1, sizeof(*t->row_of));
	t->nrecords = n;
	for (i = 0; i < n; i++) {
		const struct flapfold_run *f = mark[i] != 0 ? &t->runs[mark[i] - 1] : NULL;
		const struct spfold_run *p = spm[i] != 0 ? &t->sps[spm[i] - 1] : NULL;
		struct tlrows_row *r;

		/* A folded record after its run's first: shown by that row. */
		if (p != NULL && p->first != i) {
			t->row_of[i] = t->row_of[p->first];
			t->rows[t->row_of[i]].count++;
			continue;
		}
		if (f != NULL && f->first != i) {
			t->row_of[i] = t->row_of[f->first];
			t->rows[t->row_of[i]].count++;
			continue;
		}
		t->row_of[i] = t->nrows;
		r = &t->rows[t->nrows++];
		r->first = r->last = i;
		r->count = 1;
		r->run = mark[i];
		r->sp = spm[i];
		if (f != NULL)
			r->last = f->last;
		if (p != NULL)
			r->last = p->last;
	}
	free(mark);
	free(spm);
}

size_t
tlrows_folded(const struct tlrows *t, size_t *flaps, size_t *tries)
{
	size_t i;

	*flaps = *tries = 0;
	for (i = 0; i < t->nrows; i++) {
		if (t->rows[i].count < 2)
			continue;
		if (t->rows[i].sp != 0)
			*tries += t->rows[i].count;
		else
			*flaps += t->rows[i].count;
	}
	return *flaps + *tries;
}

void
tlrows_toggle_words(bool all, size_t flaps, size_t tries, char *out, size_t cap)
{
	const char *kinds = flaps > 0 && tries > 0 ?
	    "flapping verdicts or health, status-page tries" :
	    tries > 0 ? "status-page tries" : "flapping verdicts or health";
	/* Nothing folded now: what a folds, both kinds. */
	const char *both = "flapping verdicts or health and status-page tries";

	if (flaps + tries == 0)
		snprintf(out, cap, all ? "TIMELINE: every record (a folds %s again)" :
		    "TIMELINE: %s fold, none now (a shows every record)", both);
	else if (all)
		snprintf(out, cap, "TIMELINE: every record, %zu folded records unfolded (%s; a "
		    "folds them again)", flaps + tries, kinds);
	else
		snprintf(out, cap, "TIMELINE: %zu records folded (%s; a shows every record)",
		    flaps + tries, kinds);
}

size_t
tlrows_find(const struct tlrows *t, size_t i)
{
	return i < t->nrecords ? t->row_of[i] : t->nrows;
}
