/*
 * runbook_fill.c — placeholders of a step's shell blocks gathered by kind
 * and name (the same <tag> twice is asked once), then replaced at every
 * span the shell scanner recorded, right to left within each command so
 * earlier offsets stay valid. A rollback's placeholders (its recognised
 * command's, or a binding's to=<TAG>) are asked the same way, each held
 * to what its place wants (a revision number, a tag), and filled into a
 * copy of the action, which then names its target as a literal would.
 * A transcript block (console, shell-session) gives only its commands.
 */
#include "warroom/runbook_fill.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *
label(enum runbook_ph_kind k, const char *name, char *buf, size_t cap)
{
	snprintf(buf, cap, k == RUNBOOK_PH_ANGLE ? "<%s>" : k == RUNBOOK_PH_SHA ? "sha-<%s>" :
	    "$%s", name);
	return buf;
}

/* Placeholder kind/name, asked once however often it occurs; its value
 * must be what want says (the strictest of its places). */
static void
fill_add(struct runbook_fill *f, enum runbook_ph_kind kind, const char *name,
    enum runbook_fill_want want)
{
	char lb[256];
	size_t k;

	for (k = 0; k < f->n; k++)
		if (f->kinds[k] == kind && strcmp(f->names[k], name) == 0) {
			if (want != RUNBOOK_WANT_ANY)
				f->wants[k] = want;
			return;
		}
	f->labels = xrealloc(f->labels, (f->n + 1) * sizeof(*f->labels));
	f->kinds = xrealloc(f->kinds, (f->n + 1) * sizeof(*f->kinds));
	f->names = xrealloc(f->names, (f->n + 1) * sizeof(*f->names));
	f->values = xrealloc(f->values, (f->n + 1) * sizeof(*f->values));
	f->wants = xrealloc(f->wants, (f->n + 1) * sizeof(*f->wants));
	f->kinds[f->n] = kind;
	f->names[f->n] = xstrdup(name);
	f->labels[f->n] = xstrdup(label(kind, name, lb, sizeof(lb)));
	f->values[f->n] = NULL;
	f->wants[f->n] = want;
	f->n++;
}

int
runbook_fill_init(struct runbook_fill *f, const struct runbook *rb, size_t section,
    size_t step, struct wr_err *err)
{
	size_t b, c, p;

	memset(f, 0, sizeof(*f));
	f->section = section;
	f->step = step;
	runbook_route_of(rb, section, step, &f->route);
	if (f->route.path == RUNBOOK_PATH_BUILTIN) {
		f->known = f->route.builtin->action.kind;
		f->known_cmd = f->route.builtin;
	}
	for (b = 0; b < rb->nblocks; b++) {
		const struct runbook_block *blk = &rb->blocks[b];

		if (!runbook_route_block(blk, section, step))
			continue;
		for (c = 0; c < blk->ncmds; c++) {
			const struct runbook_command *cmd = &blk->cmds[c];

			for (p = 0; p < cmd->nph; p++)
				fill_add(f, cmd->ph[p].kind, cmd->ph[p].name, RUNBOOK_WANT_ANY);
		}
	}
	for (b = 0; b < rb->nblocks; b++)
		if (runbook_route_block(&rb->blocks[b], section, step))
			return 0;
	return wr_err_set(err, "this %s has no shell commands to run", step ==
	    WR_RUNBOOK_NONE ? "section" : "step");
}

/* A git commit id as image tags carry it: 4 to 64 lowercase hex digits. */
static bool
is_commit(const char *s)
{
	size_t n = strlen(s);

	return n >= 4 && n <= 64 && strspn(s, "0123456789abcdef") == n;
}

int
runbook_fill_set(struct runbook_fill *f, const char *value, struct wr_err *err)
{
	static const char ok[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789._:/@+=,-";
	const char *typed = value;

	if (f->cur >= f->n)
		return wr_err_set(err, "every placeholder already has its value");
	/* The runbook writes the prefix itself: typed again, it is not doubled. */
	if (f->kinds[f->cur] == RUNBOOK_PH_SHA && strncmp(value, "sha-", 4) == 0)
		value += 4;
	if (value[0] == '\0')
		return wr_err_set(err, "%s needs a value; nothing is guessed", f->labels[f->cur]);
	if (strspn(value, ok) != strlen(value))
		return wr_err_set(err, "'%s' refused: only letters, digits and ._:/@+=,- "
		    "(nothing is quoted for you)", value);
	if (value[0] == '-')
		return wr_err_set(err, "'%s' refused: it would read as an option", value);
	/* sha-v1.4.1 names no image: a tag belongs in a <TAG> placeholder. */
	if (f->kinds[f->cur] == RUNBOOK_PH_SHA && !is_commit(value))
		return wr_err_set(err, "'%s' refused: %s takes a commit id (hex, e.g. 8e1f2a), "
		    "not a tag; a tag goes where a runbook writes <TAG>", typed, f->labels[f->cur]);
	if (f->wants[f->cur] == RUNBOOK_WANT_REVISION &&
	    (strspn(value, "0123456789") != strlen(value) || value[0] == '0' || strlen(value) > 9))
		return wr_err_set(err, "'%s' refused: %s is a revision number (1, 2, …)", value,
		    f->labels[f->cur]);
	if (f->wants[f->cur] == RUNBOOK_WANT_TAG &&
	    (strcspn(value, ":/@+=,") != strlen(value) || strlen(value) > 128))
		return wr_err_set(err, "'%s' refused: %s is an image tag (letters, digits, ._-)",
		    value, f->labels[f->cur]);
	f->values[f->cur++] = xstrdup(value);
	return 0;
}

bool
runbook_fill_done(const struct runbook_fill *f)
{
	return f->cur == f->n;
}

/* The value for a placeholder occurrence. */
static const char *
value_of(const struct runbook_fill *f, const struct runbook_placeholder *ph)
{
	size_t k;

	for (k = 0; k < f->n; k++)
		if (f->kinds[k] == ph->kind && strcmp(f->names[k], ph->name) == 0)
			return f->values[k];
	return NULL;
}

struct hit {
	size_t off, len;
	const char *with;
	bool sha;
};

static int
by_off(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;

	return x->off < y->off ? -1 : x->off > y->off;
}

/* A transcript's view (prompts and output blanked) as a script: blanked
 * lines dropped, a command's leading blanks (its prompt was there) cut;
 * a continuation line stays as written. */
static void
squeeze_transcript(struct wr_buf *out, const char *s, size_t n)
{
	size_t i = 0, e, p;
	bool cont = false;

	while (i < n) {
		for (e = i; e < n && s[e] != '\n'; e++)
			;
		for (p = i; p < e && (s[p] == ' ' || s[p] == '\t'); p++)
			;
		if (p < e) {
			wr_buf_add(out, cont ? s + i : s + p, e - (cont ? i : p));
			wr_buf_add(out, "\n", 1);
			cont = s[e - 1] == '\\';
		}
		i = e + 1;
	}
}

char *
runbook_fill_script(const struct runbook_fill *f, const struct runbook *rb, struct wr_err *err)
{
	struct wr_buf out = { 0 };
	size_t b, c, p, s, nh, at;
	struct hit *hits;

	if (!runbook_fill_done(f))
		return wr_err_set(err, "%s has no value yet", f->labels[f->cur]), NULL;
	for (b = 0; b < rb->nblocks; b++) {
		const struct runbook_block *blk = &rb->blocks[b];
		struct wr_buf one = { 0 };
		char *view = NULL;
		const char *text = blk->text;

		if (!runbook_route_block(blk, f->section, f->step))
			continue;
		/* A transcript runs its commands, never its prompts or output. */
		if (runbook_block_is_console(blk))
			text = view = runbook_console_view(blk->text, blk->len);
		/* Every occurrence in the block, by its offset in the block. */
		nh = 0;
		for (c = 0; c < blk->ncmds; c++)
			for (p = 0; p < blk->cmds[c].nph; p++)
				nh += blk->cmds[c].ph[p].npos;
		hits = xcalloc(nh ? nh : 1, sizeof(*hits));
		nh = 0;
		for (c = 0; c < blk->ncmds; c++)
			for (p = 0; p < blk->cmds[c].nph; p++)
				for (s = 0; s < blk->cmds[c].ph[p].npos; s++) {
					hits[nh].off = blk->cmds[c].off + blk->cmds[c].ph[p].pos[s].off;
					hits[nh].len = blk->cmds[c].ph[p].pos[s].len;
					hits[nh].with = value_of(f, &blk->cmds[c].ph[p]);
					hits[nh].sha = blk->cmds[c].ph[p].kind == RUNBOOK_PH_SHA;
					nh++;
				}
		qsort(hits, nh, sizeof(*hits), by_off);
		at = 0;
		for (s = 0; s < nh; s++) {
			if (hits[s].off < at || hits[s].off + hits[s].len > blk->len ||
			    hits[s].with == NULL)
				continue;
			wr_buf_add(&one, text + at, hits[s].off - at);
			if (hits[s].sha)
				wr_buf_str(&one, "sha-");
			wr_buf_str(&one, hits[s].with);
			at = hits[s].off + hits[s].len;
		}
		wr_buf_add(&one, text + at, blk->len - at);
		if (view != NULL)
			squeeze_transcript(&out, one.s, one.len);
		else if (one.len > 0)
			wr_buf_add(&out, one.s, one.len);
		if (out.len > 0 && out.s[out.len - 1] != '\n')
			wr_buf_add(&out, "\n", 1);
		free(one.s);
		free(view);
		free(hits);
	}
	return wr_buf_take(&out);
}

char *
runbook_fill_word(const struct runbook_fill *f, const char *word)
{
	struct wr_buf out = { 0 };
	const char *p = word;
	char brace[256];
	size_t k, n = 0;

	while (*p != '\0') {
		for (k = 0; k < f->n; k++) {
			if (f->values[k] == NULL)
				continue;
			snprintf(brace, sizeof(brace), "${%s}", f->names[k]);
			if (f->kinds[k] == RUNBOOK_PH_VAR && strncmp(p, brace, strlen(brace)) == 0) {
				n = strlen(brace);
				break;
			}
			if (strncmp(p, f->labels[k], strlen(f->labels[k])) == 0) {
				n = strlen(f->labels[k]);
				break;
			}
		}
		if (k == f->n) {
			wr_buf_add(&out, p++, 1);
			continue;
		}
		if (f->kinds[k] == RUNBOOK_PH_SHA)
			wr_buf_str(&out, "sha-");
		wr_buf_str(&out, f->values[k]);
		p += n;
	}
	return wr_buf_take(&out);
}

char *
runbook_fill_assign(const struct runbook_fill *f, const char *name)
{
	size_t i, nl = strlen(name);

	if (f->known_cmd == NULL)
		return NULL;
	for (i = 0; i < f->known_cmd->nassigns; i++)
		if (strncmp(f->known_cmd->assigns[i], name, nl) == 0 &&
		    f->known_cmd->assigns[i][nl] == '=')
			return runbook_fill_word(f, f->known_cmd->assigns[i] + nl + 1);
	return NULL;
}

void
runbook_fill_free(struct runbook_fill *f)
{
	size_t k;

	for (k = 0; k < f->n; k++) {
		free(f->labels[k]);
		free(f->names[k]);
		free(f->values[k]);
	}
	free(f->labels);
	free(f->kinds);
	free(f->names);
	free(f->values);
	free(f->wants);
	memset(f, 0, sizeof(*f));
}

/* What a placeholder in an action's value for key must hold; -1: it is
 * not asked, since no value there is honoured (kubectl runs in each
 * host's own context: a step naming one is refused as written). */
static int
want_of(const char *key)
{
	return strcmp(key, "revision") == 0 ? RUNBOOK_WANT_REVISION :
	    strcmp(key, "to") == 0 ? RUNBOOK_WANT_TAG :
	    strcmp(key, "context") == 0 ? -1 : RUNBOOK_WANT_ANY;
}

/* Does value hold the placeholder (as "<x>", "sha-<x>", "$X" or "${X}")? */
static bool
mentions(enum runbook_ph_kind kind, const char *name, const char *value)
{
	char lb[256], brace[256];

	snprintf(brace, sizeof(brace), "${%s}", name);
	return strstr(value, label(kind, name, lb, sizeof(lb))) != NULL ||
	    (kind == RUNBOOK_PH_VAR && strstr(value, brace) != NULL);
}

size_t
runbook_fill_init_action(struct runbook_fill *f, const struct runbook_action *a,
    const struct runbook_command *cmd)
{
	size_t i, p;

	memset(f, 0, sizeof(*f));
	f->section = f->step = WR_RUNBOOK_NONE;
	for (i = 0; i < a->nargs; i++) {
		const char *v = a->args[i].value;
		int want = want_of(a->args[i].key);

		if (want < 0)
			continue;
		if (cmd == NULL) {
			if (runbook_is_angle(v)) {
				char name[72];

				snprintf(name, sizeof(name), "%.*s", (int)strlen(v) - 2, v + 1);
				fill_add(f, RUNBOOK_PH_ANGLE, name, (enum runbook_fill_want)want);
			}
			continue;
		}
		/* The command's placeholders, in the order its values name them. */
		for (p = 0; p < cmd->nph; p++)
			if (mentions(cmd->ph[p].kind, cmd->ph[p].name, v))
				fill_add(f, cmd->ph[p].kind, cmd->ph[p].name,
				    (enum runbook_fill_want)want);
	}
	return f->n;
}

void
runbook_fill_action(const struct runbook_fill *f, const struct runbook_action *a,
    struct runbook_action *out)
{
	size_t i, k;

	memset(out, 0, sizeof(*out));
	out->kind = a->kind;
	for (i = 0; i < a->nargs; i++) {
		const char *v = a->args[i].value;
		char *filled;

		for (k = 0; k < f->n; k++)
			if (f->values[k] == NULL && mentions(f->kinds[k], f->names[k], v))
				break;
		if (k < f->n)
			continue;      /* not known yet: as if the step did not say */
		filled = runbook_fill_word(f, v);
		runbook_action_add(out, a->args[i].key, filled);
		free(filled);
	}
}
