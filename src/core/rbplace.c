/*
 * rbplace.c — journalled runbook marks placed on the runbooks loaded now.
 * A mark is kept by the title its step had; a title the journal cannot
 * give (a journal from before titles were kept with every load) falls
 * back to the line, only where nothing says the runbook changed. What
 * cannot be placed is remembered once per runbook, title, section and
 * kind, so it is said once however many records name it, and two steps
 * of one title are two marks.
 */
#include "warroom/rbplace.h"
#include "warroom/rbkey.h"
#include "warroom/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *
str_of(const cJSON *o, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

static void
rows_free(struct rbplace_row *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].section);
	}
	free(v);
}

/* A runbook.load's "steps" or "sections" array as rows (id key "step" or
 * "section"); entries without an id that ends in a line are skipped. A
 * step's section: its "section", else "" where the load lists sections
 * (it omits the empty title of the text before any heading), else not
 * known (a load from before sections were listed). */
static size_t
rows_of(const cJSON *arr, const char *idkey, bool listed, struct rbplace_row **out)
{
	const cJSON *e;
	size_t n = 0;
	int line;

	*out = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(**out));
	cJSON_ArrayForEach(e, arr) {
		const char *id = str_of(e, idkey), *title = str_of(e, "title");

		if (id == NULL || !rbkey_split(id, NULL, 0, &line))
			continue;
		(*out)[n].line = line;
		if (strcmp(idkey, "step") == 0 && (str_of(e, "section") != NULL || listed))
			(*out)[n].section = xstrdup(str_of(e, "section") != NULL ?
			    str_of(e, "section") : "");
		(*out)[n++].title = xstrdup(title != NULL ? title : "");
	}
	return n;
}

void
rbplace_add_runbook(struct rbplace *p, const char *key, const char *path,
    const struct runbook *rb)
{
	struct rbplace_book *b;
	size_t i;

	p->books = xrealloc(p->books, (p->nbooks + 1) * sizeof(*p->books));
	b = &p->books[p->nbooks++];
	memset(b, 0, sizeof(*b));
	b->key = xstrdup(key);
	b->path = path != NULL ? xstrdup(path) : NULL;
	b->steps = xcalloc(rb->nsteps + 1, sizeof(*b->steps));
	b->sections = xcalloc(rb->nsections + 1, sizeof(*b->sections));
	for (i = 0; i < rb->nsteps; i++) {
		b->steps[i].line = rb->steps[i].line;
		b->steps[i].title = xstrdup(rb->steps[i].text != NULL ? rb->steps[i].text : "");
		b->steps[i].section = xstrdup(rb->steps[i].section < rb->nsections &&
		    rb->sections[rb->steps[i].section].title != NULL ?
		    rb->sections[rb->steps[i].section].title : "");
	}
	for (i = 0; i < rb->nsections; i++) {
		b->sections[i].line = rb->sections[i].line;
		b->sections[i].title = xstrdup(rb->sections[i].title != NULL ?
		    rb->sections[i].title : "");
	}
	b->nsteps = rb->nsteps;
	b->nsections = rb->nsections;
	b->has_sections = true;
}

/* A runbook.load's runbook: "name" ("runbook" in the first journals). */
static const char *
load_name(const cJSON *load)
{
	const char *name = str_of(load, "name");

	return name != NULL ? name : str_of(load, "runbook");
}

void
rbplace_add_loaded(struct rbplace *p, const cJSON *load)
{
	struct rbplace_book *b;
	const char *name = load_name(load);

	if (name == NULL)
		return;
	p->books = xrealloc(p->books, (p->nbooks + 1) * sizeof(*p->books));
	b = &p->books[p->nbooks++];
	memset(b, 0, sizeof(*b));
	b->key = xstrdup(name);
	b->has_sections = cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(load, "sections"));
	b->nsteps = rows_of(cJSON_GetObjectItemCaseSensitive(load, "steps"), "step",
	    b->has_sections, &b->steps);
	b->nsections = rows_of(cJSON_GetObjectItemCaseSensitive(load, "sections"), "section",
	    false, &b->sections);
}

void
rbplace_alias(struct rbplace *p, size_t b, const char *key)
{
	struct rbplace_book *k = &p->books[b];

	k->aliases = xrealloc(k->aliases, (k->naliases + 1) * sizeof(*k->aliases));
	k->aliases[k->naliases++] = xstrdup(key);
}

void
rbplace_note(struct rbplace *p, const struct record *r)
{
	struct rbplace_load *l;
	const char *name;

	if (r->kind == NULL || strcmp(r->kind, "runbook.load") != 0 ||
	    (name = load_name(r->data)) == NULL)
		return;
	p->loads = xrealloc(p->loads, (p->nloads + 1) * sizeof(*p->loads));
	l = &p->loads[p->nloads++];
	memset(l, 0, sizeof(*l));
	l->session = r->session;
	l->key = xstrdup(name);
	l->has_sections = cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(r->data, "sections"));
	l->nsteps = rows_of(cJSON_GetObjectItemCaseSensitive(r->data, "steps"), "step",
	    l->has_sections, &l->steps);
	l->nsections = rows_of(cJSON_GetObjectItemCaseSensitive(r->data, "sections"), "section",
	    false, &l->sections);
}

int
rbplace_book_of(const struct rbplace *p, const char *key)
{
	size_t i, j;
	int found = -1;

	for (i = 0; i < p->nbooks; i++) {
		if (strcmp(p->books[i].key, key) == 0)
			return (int)i;
		for (j = 0; j < p->books[i].naliases; j++)
			if (strcmp(p->books[i].aliases[j], key) == 0)
				return (int)i;
	}
	/* A key from a run with other runbooks beside it: by trailing parts,
	 * of the path read now, or (no path: a post-mortem) of the key. */
	for (i = 0; i < p->nbooks; i++) {
		const struct rbplace_book *b = &p->books[i];
		bool names = b->path != NULL ? rbkey_names_path(key, b->path) :
		    rbkey_names_path(key, b->key) || rbkey_names_path(b->key, key);

		if (!names)
			continue;
		if (found >= 0)
			return -2;
		found = (int)i;
	}
	return found;
}

/* The load of key its writer made (the newest of session's), else the
 * newest of key by anyone; NULL when the journal has none. */
static const struct rbplace_load *
load_of(const struct rbplace *p, uint64_t session, const char *key)
{
	size_t i;

	for (i = p->nloads; session != 0 && i-- > 0;)
		if (p->loads[i].session == session && strcmp(p->loads[i].key, key) == 0)
			return &p->loads[i];
	for (i = p->nloads; i-- > 0;)
		if (strcmp(p->loads[i].key, key) == 0)
			return &p->loads[i];
	return NULL;
}

static const struct rbplace_row *
row_at(const struct rbplace_row *v, size_t n, int line)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].line == line)
			return &v[i];
	return NULL;
}

/* The load lists exactly the steps the book has: nothing moved. */
static bool
load_is_book(const struct rbplace_load *l, const struct rbplace_book *b)
{
	size_t i;

	if (l->nsteps != b->nsteps)
		return false;
	for (i = 0; i < l->nsteps; i++)
		if (l->steps[i].line != b->steps[i].line ||
		    strcmp(l->steps[i].title, b->steps[i].title) != 0)
			return false;
	return true;
}

/* Two section titles the same, NULL (not known) only as NULL. */
static bool
same_in(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

static void
lose(struct rbplace *p, const char *key, const char *title, const char *in, int line,
    bool section, enum rbplace_mark mark, bool ambiguous)
{
	char at[32];
	struct rbplace_lost *e;
	size_t i;

	if (mark == RBPLACE_ROW)
		return;
	if (title == NULL) {
		snprintf(at, sizeof(at), "line %d", line);
		title = at;
	}
	for (i = 0; i < p->nlost; i++) {
		e = &p->lost[i];
		if (strcmp(e->key, key) != 0 || strcmp(e->title, title) != 0 ||
		    !same_in(e->in, in) || e->section != section)
			continue;
		/* An untick takes a lost tick back: nothing is lost then. */
		if (e->mark == RBPLACE_TICK && (mark == RBPLACE_TICK || mark == RBPLACE_UNTICK)) {
			e->gone = mark == RBPLACE_UNTICK;
			return;
		}
		if (e->mark == mark)
			return;
	}
	if (mark == RBPLACE_UNTICK)
		return;
	p->lost = xrealloc(p->lost, (p->nlost + 1) * sizeof(*p->lost));
	e = &p->lost[p->nlost++];
	e->key = xstrdup(key);
	e->title = xstrdup(title);
	e->in = in != NULL ? xstrdup(in) : NULL;
	e->mark = mark;
	e->section = section;
	e->ambiguous = ambiguous;
	e->gone = false;
}

/* The row a mark made on a step of title under section in (NULL: not
 * known) goes on now. Only rows under in count while the runbook still
 * has steps under in: a title after each phase is told apart by its
 * phase, and a mark never crosses to another phase's step; a section
 * renamed since says nothing, and the title alone decides. Of those, the
 * one at line, else the only one; else NULL: never guessed. */
static const struct rbplace_row *
row_for(const struct rbplace_row *v, size_t n, int line, const char *title, const char *in)
{
	const struct rbplace_row *only = NULL;
	size_t i, same = 0;
	bool narrow = false;

	for (i = 0; in != NULL && i < n && !narrow; i++)
		narrow = v[i].section != NULL && strcmp(v[i].section, in) == 0;
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].title, title) != 0 || (narrow && !same_in(v[i].section, in)))
			continue;
		if (v[i].line == line)
			return &v[i];
		only = &v[i];
		same++;
	}
	return same == 1 ? only : NULL;
}

enum rbplace_where
rbplace_id(struct rbplace *p, const struct record *r, const char *id, bool section,
    const char *title, enum rbplace_mark mark, char *out, size_t cap)
{
	char key[WR_PATH_MAX];
	const struct rbplace_load *l;
	const struct rbplace_book *b;
	const struct rbplace_row *rows, *at;
	const char *in = NULL;
	size_t nrows;
	int line, bi;

	wr_strlcpy(out, id, cap);
	if (!rbkey_split(id, key, sizeof(key), &line) || (bi = rbplace_book_of(p, key)) == -1)
		return RBPLACE_OTHER;
	l = load_of(p, r != NULL ? r->session : 0, key);
	/* What the writer's load says of that line: its title, when the
	 * record holds none, and its section. */
	if (l != NULL && (!section || l->has_sections) &&
	    (at = row_at(section ? l->sections : l->steps, section ? l->nsections : l->nsteps,
	    line)) != NULL && (title == NULL || strcmp(at->title, title) == 0)) {
		title = at->title;
		in = at->section;
	}
	if (bi == -2) {
		lose(p, key, title, in, line, section, mark, true);
		return RBPLACE_LOST;
	}
	b = &p->books[bi];
	/* Its sections are not known (a post-mortem of an older journal). */
	if (section && !b->has_sections)
		return RBPLACE_OTHER;
	rows = section ? b->sections : b->steps;
	nrows = section ? b->nsections : b->nsteps;
	if (title == NULL) {
		/* No title to check: by its line only where nothing says the
		 * runbook changed (no load of it at all, or a load from before
		 * sections were listed whose steps are the book's). */
		at = row_at(rows, nrows, line);
		if (at != NULL && (l == NULL || (section && !l->has_sections && load_is_book(l, b)))) {
			rbkey_id(b->key, line, out, cap);
			return RBPLACE_HERE;
		}
		lose(p, b->key, NULL, NULL, line, section, mark, false);
		return RBPLACE_LOST;
	}
	if ((at = row_for(rows, nrows, line, title, in)) != NULL) {
		rbkey_id(b->key, at->line, out, cap);
		return RBPLACE_HERE;
	}
	lose(p, b->key, title, in, line, section, mark, false);
	return RBPLACE_LOST;
}

enum rbplace_where
rbplace_record(struct rbplace *p, const struct record *r, char *id, size_t cap, bool *section)
{
	const cJSON *from = r->data;
	const char *step, *title = NULL, *k = r->kind != NULL ? r->kind : "";
	enum rbplace_mark mark;

	*section = false;
	if (cap > 0)
		id[0] = '\0';
	if (strcmp(k, "step.check") == 0 || strcmp(k, "step.uncheck") == 0) {
		if ((step = str_of(r->data, "step")) == NULL)
			return RBPLACE_NONE;
		return rbplace_id(p, r, step, false, str_of(r->data, "title"),
		    k[5] == 'c' ? RBPLACE_TICK : RBPLACE_UNTICK, id, cap);
	}
	if (strcmp(k, "action.intent") == 0) {
		from = cJSON_GetObjectItemCaseSensitive(r->data, "plan");
		mark = RBPLACE_RAN;
	} else if (strcmp(k, "statuspage.queue") == 0)
		mark = RBPLACE_POST;
	else if (strcmp(k, "chat.announce") == 0)
		mark = RBPLACE_ANNOUNCE;
	else if (strcmp(k, "smoke") == 0)
		mark = RBPLACE_SMOKE;
	else if (strcmp(k, "action.refused") == 0 || strcmp(k, "action.stale") == 0)
		mark = RBPLACE_REFUSED;
	else
		return RBPLACE_NONE;
	step = str_of(from, "runbook_step");
	if (step == NULL || step[0] == '\0') {
		step = str_of(from, "runbook_section");
		*section = true;
	}
	if (step == NULL || step[0] == '\0') {
		*section = false;
		return RBPLACE_NONE;
	}
	return rbplace_id(p, r, step, *section, title, mark, id, cap);
}

static const char *
mark_words(enum rbplace_mark m)
{
	switch (m) {
	case RBPLACE_TICK:
	case RBPLACE_UNTICK:
		return "ticked";
	case RBPLACE_RAN:
		return "x ran it";
	case RBPLACE_POST:
		return "posted from it";
	case RBPLACE_ANNOUNCE:
		return "announced from it";
	case RBPLACE_SMOKE:
		return "smoke check from it";
	case RBPLACE_REFUSED:
		return "x refused";
	case RBPLACE_ROW:
		break;
	}
	return "mark";
}

/* Lost mark e is one of book b's (its own, or of a key naming it among
 * others). */
static bool
lost_of(const struct rbplace *p, const struct rbplace_lost *e, size_t b)
{
	if (e->gone)
		return false;
	if (e->ambiguous)
		return p->books[b].path != NULL ? rbkey_names_path(e->key, p->books[b].path) :
		    rbkey_names_path(e->key, p->books[b].key);
	return strcmp(e->key, p->books[b].key) == 0;
}

/* e's title alone does not say which step of book b it was: b has a step
 * of that title under another section, or lost a mark of one. */
static bool
lost_needs_section(const struct rbplace *p, const struct rbplace_lost *e, size_t b)
{
	const struct rbplace_book *k = &p->books[b];
	size_t i;

	if (e->section || e->in == NULL)
		return false;
	for (i = 0; i < k->nsteps; i++)
		if (strcmp(k->steps[i].title, e->title) == 0 && !same_in(k->steps[i].section, e->in))
			return true;
	for (i = 0; i < p->nlost; i++)
		if (!p->lost[i].section && lost_of(p, &p->lost[i], b) &&
		    strcmp(p->lost[i].title, e->title) == 0 && !same_in(p->lost[i].in, e->in))
			return true;
	return false;
}

cJSON *
rbplace_lost_json(const struct rbplace *p, size_t b)
{
	cJSON *arr = NULL, *o;
	size_t i;

	for (i = 0; b < p->nbooks && i < p->nlost; i++) {
		const struct rbplace_lost *e = &p->lost[i];

		if (!lost_of(p, e, b))
			continue;
		if (arr == NULL)
			arr = cJSON_CreateArray();
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "title", e->title);
		cJSON_AddStringToObject(o, "mark", mark_words(e->mark));
		if (lost_needs_section(p, e, b))
			cJSON_AddStringToObject(o, "in", e->in);
		if (e->section)
			cJSON_AddBoolToObject(o, "section", true);
		/* Its key named this runbook and another: which one it was for
		 * is not known. */
		if (e->ambiguous)
			cJSON_AddStringToObject(o, "of", e->key);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

size_t
rbplace_lost_words(const cJSON *lost, char *buf, size_t cap)
{
	const cJSON *e;
	size_t n = 0;

	if (cap > 0)
		buf[0] = '\0';
	cJSON_ArrayForEach(e, lost)
		n++;
	if (n == 0)
		return 0;
	wr_appendf(buf, cap, "%zu mark%s not placed:", n, n == 1 ? "" : "s");
	n = 0;
	cJSON_ArrayForEach(e, lost) {
		const char *of = str_of(e, "of"), *title = str_of(e, "title");
		const char *mark = str_of(e, "mark"), *in = str_of(e, "in");

		wr_appendf(buf, cap, "%s %s\"%s\"", n++ > 0 ? "," : "",
		    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "section")) ? "section " : "",
		    title != NULL ? title : "?");
		if (in != NULL && in[0] != '\0')
			wr_appendf(buf, cap, " under \"%s\"", in);
		else if (in != NULL)
			wr_appendf(buf, cap, " above the first heading");
		wr_appendf(buf, cap, " (%s", mark != NULL ? mark : "mark");
		if (of != NULL)
			wr_appendf(buf, cap, "; %s names more than one runbook now", of);
		wr_appendf(buf, cap, ")");
	}
	return n;
}

void
rbplace_forget(struct rbplace *p)
{
	size_t i;

	for (i = 0; i < p->nloads; i++) {
		free(p->loads[i].key);
		rows_free(p->loads[i].steps, p->loads[i].nsteps);
		rows_free(p->loads[i].sections, p->loads[i].nsections);
	}
	free(p->loads);
	p->loads = NULL;
	p->nloads = 0;
	for (i = 0; i < p->nlost; i++) {
		free(p->lost[i].key);
		free(p->lost[i].title);
		free(p->lost[i].in);
	}
	free(p->lost);
	p->lost = NULL;
	p->nlost = 0;
}

void
rbplace_free(struct rbplace *p)
{
	size_t i, j;

	rbplace_forget(p);
	for (i = 0; i < p->nbooks; i++) {
		free(p->books[i].key);
		free(p->books[i].path);
		for (j = 0; j < p->books[i].naliases; j++)
			free(p->books[i].aliases[j]);
		free(p->books[i].aliases);
		rows_free(p->books[i].steps, p->books[i].nsteps);
		rows_free(p->books[i].sections, p->books[i].nsections);
	}
	free(p->books);
	memset(p, 0, sizeof(*p));
}
