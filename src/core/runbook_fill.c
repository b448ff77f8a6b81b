/*
 * runbook_fill.c — placeholders of a step's shell blocks gathered by kind
 * and name (the same <tag> twice is asked once), then replaced at every
 * span the shell scanner recorded, right to left within each command so
 * earlier offsets stay valid.
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

int
runbook_fill_init(struct runbook_fill *f, const struct runbook *rb, size_t section,
    size_t step, struct wr_err *err)
{
	size_t b, c, p, k;
	char lb[256];

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

			for (p = 0; p < cmd->nph; p++) {
				for (k = 0; k < f->n; k++)
					if (f->kinds[k] == cmd->ph[p].kind &&
					    strcmp(f->names[k], cmd->ph[p].name) == 0)
						break;
				if (k < f->n)
					continue;
				f->labels = xrealloc(f->labels, (f->n + 1) * sizeof(*f->labels));
				f->kinds = xrealloc(f->kinds, (f->n + 1) * sizeof(*f->kinds));
				f->names = xrealloc(f->names, (f->n + 1) * sizeof(*f->names));
				f->values = xrealloc(f->values, (f->n + 1) * sizeof(*f->values));
				f->kinds[f->n] = cmd->ph[p].kind;
				f->names[f->n] = xstrdup(cmd->ph[p].name);
				f->labels[f->n] = xstrdup(label(cmd->ph[p].kind, cmd->ph[p].name, lb,
				    sizeof(lb)));
				f->values[f->n] = NULL;
				f->n++;
			}
		}
	}
	for (b = 0; b < rb->nblocks; b++)
		if (runbook_route_block(&rb->blocks[b], section, step))
			return 0;
	return wr_err_set(err, "this %s has no shell commands to run", step ==
	    WR_RUNBOOK_NONE ? "section" : "step");
}

int
runbook_fill_set(struct runbook_fill *f, const char *value, struct wr_err *err)
{
	static const char ok[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789._:/@+=,-";

	if (f->cur >= f->n)
		return wr_err_set(err, "every placeholder already has its value");
	if (f->kinds[f->cur] == RUNBOOK_PH_SHA && strncmp(value, "sha-", 4) == 0)
		value += 4;
	if (value[0] == '\0')
		return wr_err_set(err, "%s needs a value; nothing is guessed", f->labels[f->cur]);
	if (strspn(value, ok) != strlen(value))
		return wr_err_set(err, "'%s' refused: only letters, digits and ._:/@+=,- "
		    "(nothing is quoted for you)", value);
	if (value[0] == '-')
		return wr_err_set(err, "'%s' refused: it would read as an option", value);
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

		if (!runbook_route_block(blk, f->section, f->step))
			continue;
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
			wr_buf_add(&out, blk->text + at, hits[s].off - at);
			if (hits[s].sha)
				wr_buf_str(&out, "sha-");
			wr_buf_str(&out, hits[s].with);
			at = hits[s].off + hits[s].len;
		}
		wr_buf_add(&out, blk->text + at, blk->len - at);
		if (out.len > 0 && out.s[out.len - 1] != '\n')
			wr_buf_add(&out, "\n", 1);
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
	memset(f, 0, sizeof(*f));
}
