/*
 * runbook.c — Markdown runbook (DESIGN §3.2) to sections, steps and blocks.
 *
 * md4c walks the document and calls back per block and per run of text;
 * this file keeps a stack of open blocks and routes text to whoever
 * collects it (a heading, a list item, a table cell, a code block).
 *
 * Line numbers: md4c reports none. Every MD_TEXT_* chunk it hands us for
 * normal text, code lines, table cells and HTML points into the caller's
 * buffer (the exceptions are its static "\n" and indentation strings, which
 * we recognise because they lie outside the buffer). A table of line starts
 * turns such a pointer into a line by binary search. Blocks that carry no
 * text yet (a list item before its text, an empty fence) get the first
 * non-blank line after the last source byte consumed (the "cursor"); fenced
 * code finds its opening fence through the info string's pointer or by
 * scanning forward for the fence, and moves the cursor past its closing
 * fence so the next block is not placed on it. A fence with no closing
 * fence after its content is an error (md4c runs it to the end).
 *
 * Untidy documents: with at most one heading, top-level numbered items
 * with one-line titles that carry a nested list (or are alone in their
 * list and followed by a bullet list or code) become sections, when there
 * are at least two such items and every item of their list is one; so
 * does a one-line title paragraph followed by a list ("pseudo" sections).
 * A first md4c pass (the outline) decides which; the second builds.
 *
 * Nested list items are sub-steps: steps of their own with a parent and a
 * depth, so each can be ticked and carry its own code.
 */
#include "warroom/runbook.h"
#include "warroom/runbook_route.h"

#include <ctype.h>
#include <md4c.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
buf_free(struct wr_buf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

/* ---- diagnostics ---- */

void
runbook_diag(struct runbook *rb, enum runbook_severity sev, int line,
    const char *fmt, ...)
{
	char msg[WR_ERR_MAX];
	struct runbook_diag *d;
	va_list ap;

	if (sev == RUNBOOK_ERROR)
		rb->nerrors++;
	else
		rb->nwarnings++;
	/* Past the cap only the counts grow; runbook_parse adds a summary. */
	if (rb->ndiags >= WR_RUNBOOK_DIAG_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	rb->diags = runbook_grow(rb->diags, rb->ndiags, sizeof(*rb->diags));
	d = &rb->diags[rb->ndiags++];
	d->severity = sev;
	d->line = line;
	d->msg = xstrdup(msg);
}

void
runbook_diags_sort(struct runbook *rb)
{
	struct runbook_diag d;
	size_t i, j;

	/* Insertion sort: stable, and the list is nearly in order already. */
	for (i = 1; i < rb->ndiags; i++) {
		d = rb->diags[i];
		for (j = i; j > 0 && rb->diags[j - 1].line > d.line; j--)
			rb->diags[j] = rb->diags[j - 1];
		rb->diags[j] = d;
	}
}

/* ---- the outline pass: where the pseudo sections are ---- */

struct outline_item {
	size_t text_len;
	bool multiline;        /* soft/hard break or a second paragraph */
	char last;             /* last byte of its own text */
	bool nested;           /* holds a list */
	bool promote;
};

struct outline_block {
	MD_BLOCKTYPE type;
	size_t text_len;       /* paragraphs */
	bool multiline;
	char last;
	size_t first_item, nitems;
	bool promote;
};

struct outline {
	struct outline_block *blocks;
	size_t nblocks;
	struct outline_item *items;
	size_t nitems;
	size_t nheadings;
	int depth;             /* DOC is depth 1 */
	int first_level;       /* level of the first heading, 0 if none */
	int paras_in_item;
};

static struct outline_item *
outline_cur_item(struct outline *o)
{
	struct outline_block *b;

	if (o->nblocks == 0)
		return NULL;
	b = &o->blocks[o->nblocks - 1];
	if (b->type != MD_BLOCK_OL || b->nitems == 0)
		return NULL;
	return &o->items[b->first_item + b->nitems - 1];
}

static int
outline_enter(MD_BLOCKTYPE type, void *detail, void *arg)
{
	struct outline *o = arg;
	struct outline_item *it;

	o->depth++;
	if (type == MD_BLOCK_H) {
		if (o->nheadings++ == 0)
			o->first_level = (int)((MD_BLOCK_H_DETAIL *)detail)->level;
	}
	if (o->depth == 2) {
		o->blocks = runbook_grow(o->blocks, o->nblocks, sizeof(*o->blocks));
		memset(&o->blocks[o->nblocks], 0, sizeof(*o->blocks));
		o->blocks[o->nblocks].type = type;
		o->blocks[o->nblocks].first_item = o->nitems;
		o->nblocks++;
	} else if (o->depth == 3 && type == MD_BLOCK_LI &&
	    o->blocks[o->nblocks - 1].type == MD_BLOCK_OL) {
		o->items = runbook_grow(o->items, o->nitems, sizeof(*o->items));
		memset(&o->items[o->nitems], 0, sizeof(*o->items));
		o->nitems++;
		o->blocks[o->nblocks - 1].nitems++;
		o->paras_in_item = 0;
	} else if (o->depth == 4 && (it = outline_cur_item(o)) != NULL) {
		if (type == MD_BLOCK_UL || type == MD_BLOCK_OL)
			it->nested = true;
		else if (type == MD_BLOCK_P && o->paras_in_item++ > 0)
			it->multiline = true;
	}
	return 0;
}

static int
outline_leave(MD_BLOCKTYPE type, void *detail, void *arg)
{
	struct outline *o = arg;

	o->depth--;
	return 0;
}

static int
outline_span(MD_SPANTYPE type, void *detail, void *arg)
{
	return 0;
}

static int
outline_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *arg)
{
	struct outline *o = arg;
	struct outline_item *it;
	struct outline_block *b;
	bool brk = type == MD_TEXT_BR || type == MD_TEXT_SOFTBR;

	if (o->nblocks == 0)
		return 0;
	b = &o->blocks[o->nblocks - 1];
	if (o->depth == 2 && b->type == MD_BLOCK_P) {
		b->multiline = b->multiline || brk;
		b->text_len += size;
		if (size > 0 && text != NULL && !brk)
			b->last = text[size - 1];
	} else if ((o->depth == 3 || (o->depth == 4 && o->paras_in_item == 1)) &&
	    (it = outline_cur_item(o)) != NULL && !it->nested) {
		it->multiline = it->multiline || brk;
		it->text_len += size;
		if (size > 0 && text != NULL && !brk)
			it->last = text[size - 1];
	}
	return 0;
}

/* A title is one short line that does not read like a sentence. */
static bool
outline_title_like(size_t len, bool multiline, char last, size_t max)
{
	return len > 0 && len <= max && !multiline && last != '.';
}

static void
outline_decide(struct outline *o)
{
	size_t i, j, candidates = 0;

	if (o->nheadings > 1)
		return;
	for (i = 0; i < o->nblocks; i++) {
		struct outline_block *b = &o->blocks[i];
		MD_BLOCKTYPE next = i + 1 < o->nblocks ? o->blocks[i + 1].type :
		    MD_BLOCK_DOC;
		bool next_list = next == MD_BLOCK_UL || next == MD_BLOCK_OL;
		size_t here = 0;

		if (b->type == MD_BLOCK_P)
			b->promote = next_list &&
			    outline_title_like(b->text_len, b->multiline, b->last, 60);
		if (b->type != MD_BLOCK_OL)
			continue;
		for (j = 0; j < b->nitems; j++) {
			struct outline_item *it = &o->items[b->first_item + j];

			if (!outline_title_like(it->text_len, it->multiline, it->last, 80))
				continue;
			it->promote = it->nested || (b->nitems == 1 &&
			    (next == MD_BLOCK_UL || next == MD_BLOCK_CODE));
			here += it->promote;
		}
		/* A list is a list of sections only if every item is one. */
		if (here != b->nitems)
			for (j = 0; j < b->nitems; j++)
				o->items[b->first_item + j].promote = false;
		else
			candidates += here;
	}
	/* One numbered item with sub-items is a step with sub-steps. */
	if (candidates < 2)
		for (j = 0; j < o->nitems; j++)
			o->items[j].promote = false;
}

static void
outline_free(struct outline *o)
{
	free(o->blocks);
	free(o->items);
}

/* ---- the building pass ---- */

struct frame {
	MD_BLOCKTYPE type;
	struct wr_buf text;      /* H, LI, TH/TD, promoted P */
	int text_line;         /* line of the first in-buffer text, 0: none */
	size_t step;           /* LI: its step; WR_RUNBOOK_NONE for a section item */
	size_t section;        /* H, section item, promoted P: its section */
	bool section_item;
	bool promoted;
	bool ordered;          /* UL/OL */
	unsigned start;        /* OL: number of its first item */
	size_t first_step;     /* UL/OL: rb->nsteps when it opened */
	size_t top_index;      /* UL/OL at the top: its outline block */
	size_t item_index;     /* UL/OL: items seen so far */
};

struct table {
	char **cells;
	int *lines;            /* per row */
	size_t ncells, nrows, ncols, row_cells;
};

struct builder {
	struct runbook *rb;
	const char *buf;
	size_t len;
	size_t *starts;        /* offsets of line starts */
	size_t nstarts;
	size_t cursor;
	struct frame *stack;
	size_t depth, cap;
	struct outline *outline;
	size_t top_index;      /* top-level blocks entered so far */
	size_t open[7];        /* last section per heading level */
	int pseudo_level;
	size_t section;        /* current section, WR_RUNBOOK_NONE before any */
	bool trailing;         /* a list just closed at trailing_depth */
	size_t trailing_depth, trailing_step;
	bool in_code;
	char fence;
	size_t fence_len;      /* the opening fence's run: a close needs as many */
	struct wr_buf code;
	struct runbook_block cur;
	struct table table;
	bool in_table;
};

static void
lines_index(struct builder *b)
{
	size_t i, cap = 1024;

	b->starts = xmalloc(cap * sizeof(*b->starts));
	b->starts[0] = 0;
	b->nstarts = 1;
	for (i = 0; i < b->len; i++) {
		char c = b->buf[i];

		/* md4c ends lines at \n, \r\n and a lone \r; so do we. */
		if (c == '\n' || (c == '\r' && (i + 1 >= b->len || b->buf[i + 1] != '\n'))) {
			if (b->nstarts == cap) {
				cap *= 2;
				b->starts = xrealloc(b->starts, cap * sizeof(*b->starts));
			}
			b->starts[b->nstarts++] = i + 1;
		}
	}
}

static int
line_of(const struct builder *b, size_t off)
{
	size_t lo = 0, hi = b->nstarts;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (b->starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (int)(lo + 1);
}

/* Offset of text in the source, or (size_t)-1 when md4c made it up. */
static size_t
source_off(const struct builder *b, const char *text)
{
	uintptr_t p = (uintptr_t)text, s = (uintptr_t)b->buf;

	if (text == NULL || p < s || p >= s + b->len)
		return (size_t)-1;
	return (size_t)(p - s);
}

static size_t
line_end(const struct builder *b, size_t off)
{
	while (off < b->len && b->buf[off] != '\n' && b->buf[off] != '\r')
		off++;
	if (off < b->len && b->buf[off] == '\r')
		off++;
	if (off < b->len && b->buf[off] == '\n')
		off++;
	return off;
}

/* Where the next block can start: the cursor's line if the cursor is at
 * a line start, else the line after. */
static size_t
scan_start(const struct builder *b)
{
	size_t c = b->cursor;

	if (c == 0 || c >= b->len || b->buf[c - 1] == '\n' || b->buf[c - 1] == '\r')
		return c;
	return line_end(b, c);
}

static bool
line_blank(const struct builder *b, size_t off)
{
	for (; off < b->len && b->buf[off] != '\n' && b->buf[off] != '\r'; off++)
		if (b->buf[off] != ' ' && b->buf[off] != '\t')
			return false;
	return true;
}

/* The first non-blank line at or after the cursor. */
static size_t
next_line_off(const struct builder *b)
{
	size_t off = scan_start(b);

	while (off < b->len && line_blank(b, off))
		off = line_end(b, off);
	return off;
}

static int
guess_line(const struct builder *b)
{
	return line_of(b, next_line_off(b));
}

/* How many ch the line at off starts with after container prefixes
 * (spaces, '>', list markers); *end, when not NULL, is set past them. */
static size_t
fence_run(const struct builder *b, size_t off, char ch, size_t *end)
{
	size_t n = 0;

	for (;;) {
		while (off < b->len && (b->buf[off] == ' ' || b->buf[off] == '\t' ||
		    b->buf[off] == '>'))
			off++;
		if (off + 1 < b->len && b->buf[off] != '\0' && strchr("-*+", b->buf[off]) != NULL &&
		    (b->buf[off + 1] == ' ' || b->buf[off + 1] == '\t')) {
			off++;
			continue;
		}
		if (off < b->len && isdigit((unsigned char)b->buf[off])) {
			size_t d = off;

			while (d < b->len && isdigit((unsigned char)b->buf[d]))
				d++;
			if (d < b->len && (b->buf[d] == '.' || b->buf[d] == ')') &&
			    d + 1 < b->len && (b->buf[d + 1] == ' ' || b->buf[d + 1] == '\t')) {
				off = d + 1;
				continue;
			}
		}
		break;
	}
	while (off < b->len && b->buf[off] == ch)
		off++, n++;
	if (end != NULL)
		*end = off;
	return n;
}

/* Does the line at off open or close a fence of ch? */
static bool
fence_line(const struct builder *b, size_t off, char ch)
{
	return fence_run(b, off, ch, NULL) >= 3;
}

/* Does the line at off close a fence of at least min ch: the run and
 * nothing after it but blanks? */
static bool
fence_closes(const struct builder *b, size_t off, char ch, size_t min)
{
	size_t end;

	if (fence_run(b, off, ch, &end) < min)
		return false;
	return line_blank(b, end);
}

/* Offset of the next fence line of ch at or after the cursor; len if none. */
static size_t
find_fence(const struct builder *b, char ch)
{
	size_t off = scan_start(b);

	while (off < b->len && !fence_line(b, off, ch))
		off = line_end(b, off);
	return off;
}

static void
consume(struct builder *b, const char *text, size_t size)
{
	size_t off = source_off(b, text);

	if (off != (size_t)-1 && off + size > b->cursor)
		b->cursor = off + size;
}

/* ---- model helpers ---- */

static size_t
section_add(struct builder *b, int level, int line, bool pseudo)
{
	struct runbook *rb = b->rb;
	struct runbook_section *s;
	size_t idx = rb->nsections;
	int k;

	rb->sections = runbook_grow(rb->sections, idx, sizeof(*rb->sections));
	s = &rb->sections[idx];
	memset(s, 0, sizeof(*s));
	s->level = level;
	s->pseudo = pseudo;
	s->line = line;
	s->parent = WR_RUNBOOK_NONE;
	for (k = level - 1; k >= 1; k--)
		if (b->open[k] != WR_RUNBOOK_NONE) {
			s->parent = b->open[k];
			break;
		}
	if (level >= 1 && level <= 6) {
		b->open[level] = idx;
		for (k = level + 1; k <= 6; k++)
			b->open[k] = WR_RUNBOOK_NONE;
	}
	rb->nsections++;
	b->section = idx;
	return idx;
}

/* The current section, making the untitled preamble one if needed. */
static size_t
section_cur(struct builder *b, int line)
{
	if (b->section == WR_RUNBOOK_NONE) {
		section_add(b, 0, line, false);
		b->rb->sections[b->section].title = xstrdup("");
	}
	return b->section;
}

static struct frame *
frame_push(struct builder *b, MD_BLOCKTYPE type)
{
	struct frame *f;

	if (b->depth == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 16;
		b->stack = xrealloc(b->stack, b->cap * sizeof(*b->stack));
	}
	f = &b->stack[b->depth++];
	memset(f, 0, sizeof(*f));
	f->type = type;
	f->step = WR_RUNBOOK_NONE;
	f->section = WR_RUNBOOK_NONE;
	return f;
}

/* The innermost list item, or NULL. */
static struct frame *
frame_item(struct builder *b)
{
	size_t i;

	for (i = b->depth; i > 0; i--)
		if (b->stack[i - 1].type == MD_BLOCK_LI)
			return &b->stack[i - 1];
	return NULL;
}

/* Copy src without leading/trailing blanks, inner whitespace runs as one. */
static char *
squeeze(const char *src)
{
	size_t n = strlen(src), i, o = 0;
	char *d = xmalloc(n + 1);
	bool space = false;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)src[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = o > 0;
			continue;
		}
		if (space)
			d[o++] = ' ';
		space = false;
		d[o++] = (char)c;
	}
	d[o] = '\0';
	return d;
}

/* The offset of text's "T-15m:" start: 1 with *out set, 0 when it has
 * none, -1 when a number lacks its unit (*unit_at: the bytes up to it). */
static int
tminus_read(const char *text, long *out, size_t *unit_at)
{
	const char *p = text;
	long total = 0, n;
	int sign = 1;
	bool any = false;

	if (p[0] != 'T' || (p[1] != '-' && p[1] != '+' && p[1] != '\xe2'))
		return 0;
	if (p[1] == '\xe2') {
		/* U+2212 MINUS SIGN, as typed by word processors. */
		if ((unsigned char)p[2] != 0x88 || (unsigned char)p[3] != 0x92)
			return 0;
		sign = -1;
		p += 4;
	} else {
		sign = p[1] == '-' ? -1 : 1;
		p += 2;
	}
	if (!isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p)) {
		n = 0;
		while (isdigit((unsigned char)*p) && n < 1000000)
			n = n * 10 + (*p++ - '0');
		if (*p == 'h')
			total += n * 3600, p++;
		else if (strncmp(p, "min", 3) == 0)
			total += n * 60, p += 3;
		else if (*p == 'm')
			total += n * 60, p++;
		else if (*p == 's')
			total += n, p++;
		else if (n == 0 && !any)
			;       /* T-0 needs no unit */
		else {
			*unit_at = (size_t)(p - text);
			return -1;
		}
		any = true;
	}
	while (*p == ' ')
		p++;
	if (*p != ':' && *p != '\0' && strncmp(p, "\xe2\x80\x94", 3) != 0 &&
	    strncmp(p, "\xe2\x80\x93", 3) != 0 && *p != '-')
		return 0;
	*out = sign * total;
	return 1;
}

bool
runbook_has_binding(const struct runbook *rb, enum runbook_action_kind k)
{
	size_t b, i;

	for (b = 0; b < rb->nblocks; b++)
		for (i = 0; i < rb->blocks[b].nbinds; i++)
			if (rb->blocks[b].binds[i].action.kind == k)
				return true;
	return false;
}

/* Whether c runs `alembic … downgrade`, built-in or not (a loop, another
 * service, another revision). */
static bool
runs_downgrade(const struct runbook_command *c)
{
	size_t i;

	if (c->action.kind == RUNBOOK_ACT_MIGRATE_DOWN)
		return true;
	for (i = 0; i < c->argc; i++)
		if (strcmp(c->argv[i], "alembic") == 0)
			break;
	for (; i < c->argc; i++)
		if (strcmp(c->argv[i], "downgrade") == 0)
			return true;
	return false;
}

bool
runbook_has_migration_step(const struct runbook *rb)
{
	size_t b, i;

	for (b = 0; b < rb->nblocks; b++)
		for (i = 0; i < rb->blocks[b].ncmds; i++)
			if (runs_downgrade(&rb->blocks[b].cmds[i]))
				return true;
	return false;
}

bool
runbook_tminus(const char *text, long *offset_s)
{
	size_t at;

	return text != NULL && tminus_read(text, offset_s, &at) == 1;
}

/* "T-15m:", "T-0:", "T+1h30m:" at the start of a step. */
static void
step_tminus(struct runbook *rb, struct runbook_step *s)
{
	size_t at = 0;
	int got = tminus_read(s->text, &s->tminus_s, &at);

	if (got < 0)
		runbook_diag(rb, RUNBOOK_WARNING, s->line,
		    "'%.*s': a time offset needs a unit (s, m or h)", (int)at, s->text);
	s->has_tminus = got == 1;
	if (got != 1)
		s->tminus_s = 0;
}

static void
step_begin(struct builder *b, struct frame *f, const MD_BLOCK_LI_DETAIL *d)
{
	struct runbook *rb = b->rb;
	struct runbook_step *s;
	struct frame *list = b->depth >= 2 ? &b->stack[b->depth - 2] : NULL;
	size_t i;
	int line, depth = 0;

	if (d->is_task && d->task_mark_offset < b->len)
		line = line_of(b, d->task_mark_offset);
	else
		line = guess_line(b);
	rb->steps = runbook_grow(rb->steps, rb->nsteps, sizeof(*rb->steps));
	s = &rb->steps[rb->nsteps];
	memset(s, 0, sizeof(*s));
	s->line = line;
	s->section = section_cur(b, line);
	s->parent = WR_RUNBOOK_NONE;
	for (i = b->depth - 1; i > 0; i--) {
		struct frame *g = &b->stack[i - 1];

		if (g->type != MD_BLOCK_LI || g->section_item)
			continue;
		if (s->parent == WR_RUNBOOK_NONE)
			s->parent = g->step;
		depth++;
	}
	s->depth = depth;
	s->ordered = list != NULL && list->ordered;
	if (s->ordered)
		s->number = list->start + (unsigned)list->item_index - 1;
	s->task = d->is_task != 0;
	s->checked = d->is_task && (d->task_mark == 'x' || d->task_mark == 'X');
	f->step = rb->nsteps++;
}

static void
step_end(struct builder *b, struct frame *f)
{
	struct runbook_step *s = &b->rb->steps[f->step];
	char *raw = wr_buf_take(&f->text);

	s->text = squeeze(raw);
	free(raw);
	if (f->text_line > 0 && f->text_line < s->line)
		s->line = f->text_line;
	step_tminus(b->rb, s);
}

static void
title_end(struct builder *b, struct frame *f)
{
	struct runbook_section *s = &b->rb->sections[f->section];
	char *raw = wr_buf_take(&f->text);
	size_t n;

	s->title = squeeze(raw);
	free(raw);
	/* "Overview:" as a title reads better without its colon. */
	n = strlen(s->title);
	if (s->pseudo && n > 1 && s->title[n - 1] == ':')
		s->title[n - 1] = '\0';
	if (f->text_line > 0)
		s->line = f->text_line;
}

/* ---- code blocks ---- */

static bool
lang_is(const char *lang, const char *const *names)
{
	for (; *names != NULL; names++)
		if (wr_streq_ci(lang, *names))
			return true;
	return false;
}

static void
code_begin(struct builder *b, const MD_BLOCK_CODE_DETAIL *d)
{
	static const char *const shells[] = {
		"", "bash", "sh", "shell", "zsh", "ksh", "console", "shell-session",
		"terminal", "shellsession", NULL,
	};
	struct runbook_block *c = &b->cur;
	size_t info_off = source_off(b, d->info.text), off;
	struct frame *item;

	memset(c, 0, sizeof(*c));
	c->fenced = d->fence_char != 0;
	c->info = xstrndup(d->info.text ? d->info.text : "", d->info.size);
	c->lang = xstrndup(d->lang.text ? d->lang.text : "", d->lang.size);
	if (!c->fenced) {
		c->kind = RUNBOOK_BLOCK_OTHER;
		c->line = c->first_line = guess_line(b);
	} else {
		if (info_off != (size_t)-1)
			off = b->starts[line_of(b, info_off) - 1];
		else
			off = find_fence(b, d->fence_char);
		b->fence_len = 3;
		if (off < b->len) {
			c->line = line_of(b, off);
			if (off >= b->cursor)
				b->cursor = line_end(b, off);
			if (fence_run(b, off, d->fence_char, NULL) > 3)
				b->fence_len = fence_run(b, off, d->fence_char, NULL);
		} else {
			c->line = guess_line(b);
		}
		c->first_line = c->line + 1;
		if (wr_streq_ci(c->lang, "warroom"))
			c->kind = RUNBOOK_BLOCK_WARROOM;
		else if (lang_is(c->lang, shells))
			c->kind = RUNBOOK_BLOCK_SHELL;
		else
			c->kind = RUNBOOK_BLOCK_OTHER;
	}
	c->step = WR_RUNBOOK_NONE;
	/* The step or section it follows: a list that just closed beside it,
	 * else the item it sits in, else the section. */
	if (b->trailing && b->trailing_depth == b->depth - 1)
		c->step = b->trailing_step;
	else if ((item = frame_item(b)) != NULL && !item->section_item)
		c->step = item->step;
	c->section = c->step != WR_RUNBOOK_NONE ? b->rb->steps[c->step].section :
	    section_cur(b, c->line);
	b->fence = d->fence_char;
	b->in_code = true;
}

static void
code_end(struct builder *b)
{
	struct runbook *rb = b->rb;
	struct runbook_block *c;
	size_t i, off;

	rb->blocks = runbook_grow(rb->blocks, rb->nblocks, sizeof(*rb->blocks));
	c = &rb->blocks[rb->nblocks++];
	*c = b->cur;
	memset(&b->cur, 0, sizeof(b->cur));
	c->len = b->code.len;
	c->text = wr_buf_take(&b->code);
	for (i = 0; i < c->len; i++)
		if (c->text[i] == '\n')
			c->nlines++;
	if (c->len > 0 && c->text[c->len - 1] != '\n')
		c->nlines++;
	if (c->fenced) {
		/* md4c ends a fence never closed at the end of its container or
		 * of the document, taking in whatever follows as code (headings,
		 * steps): the first line after the content that is not blank
		 * must be the closing fence, else x would run that text. */
		off = next_line_off(b);
		if (off < b->len && fence_closes(b, off, b->fence, b->fence_len))
			b->cursor = line_end(b, off);
		else if (c->nlines > 1)
			runbook_diag(rb, RUNBOOK_ERROR, c->line, "code fence opened here is "
			    "never closed: lines %d-%d are read as its code", c->first_line,
			    c->first_line + c->nlines - 1);
		else if (c->nlines == 1)
			runbook_diag(rb, RUNBOOK_ERROR, c->line, "code fence opened here is "
			    "never closed: line %d is read as its code", c->first_line);
		else
			runbook_diag(rb, RUNBOOK_ERROR, c->line,
			    "code fence opened here is never closed");
	}
	b->in_code = false;
	if (c->kind == RUNBOOK_BLOCK_SHELL)
		runbook_shell_scan(rb, c);
	else if (c->kind == RUNBOOK_BLOCK_WARROOM)
		runbook_bind_scan(rb, c);
}

/* ---- tables ---- */

static void
table_free(struct table *t)
{
	size_t i;

	for (i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->lines);
	memset(t, 0, sizeof(*t));
}

static void
table_cell(struct table *t, char *cell)
{
	if (t->ncols > 0 && t->row_cells >= t->ncols) {
		free(cell);     /* md4c drops extra cells; so do we */
		return;
	}
	t->cells = runbook_grow(t->cells, t->ncells, sizeof(*t->cells));
	t->cells[t->ncells++] = cell;
	t->row_cells++;
}

static void
table_row_end(struct table *t)
{
	while (t->row_cells < t->ncols)
		table_cell(t, xstrdup(""));
	t->row_cells = 0;
	t->nrows++;
}

/* ---- md4c callbacks ---- */

static bool
at_top(const struct builder *b)
{
	return b->depth == 1;
}

static int
on_enter(MD_BLOCKTYPE type, void *detail, void *arg)
{
	struct builder *b = arg;
	struct frame *parent = b->depth > 0 ? &b->stack[b->depth - 1] : NULL;
	struct outline *o = b->outline;
	struct outline_block *ob = NULL;
	struct frame *f;

	if (b->trailing && b->trailing_depth == b->depth && type != MD_BLOCK_CODE)
		b->trailing = false;
	if (at_top(b) && b->top_index < o->nblocks)
		ob = &o->blocks[b->top_index++];
	f = frame_push(b, type);
	/* The push may have moved the stack. */
	parent = b->depth >= 2 ? &b->stack[b->depth - 2] : NULL;
	switch (type) {
	case MD_BLOCK_H: {
		int level = (int)((MD_BLOCK_H_DETAIL *)detail)->level;

		f->section = section_add(b, level, guess_line(b), false);
		break;
	}
	case MD_BLOCK_P:
		/* A later paragraph of an item continues its text. */
		if (parent != NULL && parent->type == MD_BLOCK_LI && parent->text.len > 0)
			wr_buf_add(&parent->text, " ", 1);
		if (ob != NULL && ob->promote) {
			f->promoted = true;
			f->section = section_add(b, b->pseudo_level, guess_line(b), true);
		}
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		f->ordered = type == MD_BLOCK_OL;
		if (f->ordered)
			f->start = ((MD_BLOCK_OL_DETAIL *)detail)->start;
		f->first_step = b->rb->nsteps;
		f->top_index = ob != NULL ? (size_t)(ob - o->blocks) : WR_RUNBOOK_NONE;
		break;
	case MD_BLOCK_LI: {
		size_t idx = parent->item_index++;

		if (parent->top_index != WR_RUNBOOK_NONE && parent->ordered) {
			struct outline_block *lb = &o->blocks[parent->top_index];

			if (idx < lb->nitems && o->items[lb->first_item + idx].promote) {
				f->section_item = true;
				f->section = section_add(b, b->pseudo_level, guess_line(b),
				    true);
				break;
			}
		}
		step_begin(b, f, detail);
		break;
	}
	case MD_BLOCK_CODE:
		code_begin(b, detail);
		break;
	case MD_BLOCK_TABLE:
		table_free(&b->table);
		b->table.ncols = ((MD_BLOCK_TABLE_DETAIL *)detail)->col_count;
		b->in_table = true;
		break;
	case MD_BLOCK_TR:
		if (b->in_table) {
			struct table *t = &b->table;

			t->lines = runbook_grow(t->lines, t->nrows, sizeof(*t->lines));
			t->lines[t->nrows] = guess_line(b);
			t->row_cells = 0;
		}
		break;
	default:
		break;
	}
	return 0;
}

static int
on_leave(MD_BLOCKTYPE type, void *detail, void *arg)
{
	struct builder *b = arg;
	struct frame *f = &b->stack[b->depth - 1];

	switch (type) {
	case MD_BLOCK_H:
		title_end(b, f);
		break;
	case MD_BLOCK_P:
		if (f->promoted)
			title_end(b, f);
		break;
	case MD_BLOCK_LI:
		if (f->section_item)
			title_end(b, f);
		else
			step_end(b, f);
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		if (b->rb->nsteps > f->first_step) {
			b->trailing = true;
			b->trailing_depth = b->depth - 1;
			b->trailing_step = b->rb->nsteps - 1;
		}
		break;
	case MD_BLOCK_CODE:
		code_end(b);
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		if (b->in_table) {
			char *raw = wr_buf_take(&f->text);

			table_cell(&b->table, squeeze(raw));
			free(raw);
			if (f->text_line > 0 && b->table.row_cells == 1)
				b->table.lines[b->table.nrows] = f->text_line;
		}
		break;
	case MD_BLOCK_TR:
		if (b->in_table)
			table_row_end(&b->table);
		break;
	case MD_BLOCK_THEAD:
		/* Step over the |---|---| row so an empty first row is placed right. */
		b->cursor = line_end(b, scan_start(b));
		break;
	case MD_BLOCK_TABLE:
		if (b->in_table && b->table.nrows > 0 && b->table.ncols > 0)
			runbook_matrix_read(b->rb, b->table.cells, b->table.lines,
			    b->table.nrows, b->table.ncols);
		table_free(&b->table);
		b->in_table = false;
		break;
	default:
		break;
	}
	buf_free(&f->text);
	b->depth--;
	if (b->trailing && b->trailing_depth > b->depth)
		b->trailing = false;
	return 0;
}

static int
on_span(MD_SPANTYPE type, void *detail, void *arg)
{
	return 0;
}

/* The frame collecting inline text now, or NULL when it is dropped. */
static struct frame *
collector(struct builder *b)
{
	struct frame *f;

	if (b->depth == 0)
		return NULL;
	f = &b->stack[b->depth - 1];
	switch (f->type) {
	case MD_BLOCK_H:
	case MD_BLOCK_LI:
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		return f;
	case MD_BLOCK_P:
		if (f->promoted)
			return f;
		if (b->depth >= 2 && b->stack[b->depth - 2].type == MD_BLOCK_LI)
			return &b->stack[b->depth - 2];
		return NULL;
	default:
		return NULL;
	}
}

static int
on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *arg)
{
	struct builder *b = arg;
	struct frame *f;
	size_t off = source_off(b, text);

	consume(b, text, size);
	if (b->in_code) {
		if (type == MD_TEXT_NULLCHAR)
			wr_buf_add(&b->code, "\xef\xbf\xbd", 3);
		else if (text != NULL)
			wr_buf_add(&b->code, text, size);
		return 0;
	}
	if ((f = collector(b)) == NULL)
		return 0;
	if (f->text_line == 0 && off != (size_t)-1 && type != MD_TEXT_BR &&
	    type != MD_TEXT_SOFTBR)
		f->text_line = line_of(b, off);
	switch (type) {
	case MD_TEXT_BR:
	case MD_TEXT_SOFTBR:
		wr_buf_add(&f->text, " ", 1);
		break;
	case MD_TEXT_NULLCHAR:
		wr_buf_add(&f->text, "\xef\xbf\xbd", 3);
		break;
	default:
		if (text != NULL)
			wr_buf_add(&f->text, text, size);
		break;
	}
	return 0;
}

/* ---- entry points ---- */

static void
utf8_check(struct runbook *rb, const char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = 0, bad = 0;
	int line = 1, last_bad = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 :
		    (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
		size_t k;
		bool ok = n > 0 && i + n <= len && !(n == 2 && c < 0xc2) &&
		    !(n == 4 && c > 0xf4);

		for (k = 1; ok && k < n; k++)
			ok = (s[i + k] & 0xc0) == 0x80;
		if (c == '\n')
			line++;
		if (ok) {
			i += n;
			continue;
		}
		if (line != last_bad && bad++ < 10)
			runbook_diag(rb, RUNBOOK_WARNING, line,
			    "invalid UTF-8; the text is kept as it is");
		last_bad = line;
		i++;
	}
	if (bad > 10)
		runbook_diag(rb, RUNBOOK_WARNING, 0,
		    "invalid UTF-8 on %zu more lines", bad - 10);
}

int
runbook_size_check(const char *name, unsigned long long size, struct wr_err *err)
{
	if (size <= WR_RUNBOOK_MAX_BYTES)
		return 0;
	return wr_err_set(err, "%s: %llu bytes (%.1f MiB); a runbook may be at most %u MiB "
	    "(%u bytes): split it or trim it", name, size, (double)size / (1024.0 * 1024.0),
	    WR_RUNBOOK_MAX_BYTES / (1024u * 1024u), WR_RUNBOOK_MAX_BYTES);
}

/* ---- steps worded alike ---- */

struct step_key {
	size_t section, parent, step;
	const char *text;
};

/* By section, parent and words: steps worded alike side by side end up
 * next to each other, in file order. */
static int
step_key_cmp(const void *pa, const void *pb)
{
	const struct step_key *a = pa, *b = pb;
	int c;

	if (a->section != b->section)
		return a->section < b->section ? -1 : 1;
	if (a->parent != b->parent)
		return a->parent < b->parent ? -1 : 1;
	if ((c = strcmp(a->text, b->text)) != 0)
		return c;
	return a->step < b->step ? -1 : a->step > b->step;
}

static bool
same_words(const struct step_key *a, const struct step_key *b)
{
	return a->section == b->section && a->parent == b->parent && strcmp(a->text, b->text) == 0;
}

/* Where steps worded alike are, in words: under their parent step, in
 * their section, or before any heading. */
static void
dup_where(const struct runbook *rb, const struct step_key *k, char *buf, size_t cap)
{
	const struct runbook_section *sec = &rb->sections[k->section];
	char t[96];

	if (k->parent != WR_RUNBOOK_NONE) {
		wr_utf8_shorten(t, sizeof(t), rb->steps[k->parent].text, 60);
		snprintf(buf, cap, "under step \"%s\"", t);
	} else if (sec->level == 0) {
		snprintf(buf, cap, "before any heading");
	} else if (sec->title[0] == '\0') {
		snprintf(buf, cap, "in the untitled section at line %d", sec->line);
	} else {
		wr_utf8_shorten(t, sizeof(t), sec->title, 60);
		snprintf(buf, cap, "in section \"%s\"", t);
	}
}

/* Steps worded alike in one section under one parent: nothing tells them
 * apart where only their words are shown (the timeline's "ticked …", the
 * post-mortem's checklist), so the author hears of it, with every line. */
static void
dup_steps(struct runbook *rb)
{
	struct step_key *k;
	size_t i, j, m, n;
	char lines[160], where[128], title[96];

	if (rb->nsteps < 2)
		return;
	k = xcalloc(rb->nsteps, sizeof(*k));
	for (i = n = 0; i < rb->nsteps; i++)
		if (rb->steps[i].text[0] != '\0' && rb->steps[i].section != WR_RUNBOOK_NONE)
			k[n++] = (struct step_key){ rb->steps[i].section, rb->steps[i].parent, i,
			    rb->steps[i].text };
	qsort(k, n, sizeof(*k), step_key_cmp);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && same_words(&k[i], &k[j]); j++)
			;
		if (j - i < 2)
			continue;
		lines[0] = '\0';
		/* Room for the last line and "…" is kept: a cut list says so. */
		for (m = i; m < j && strlen(lines) + 16 < sizeof(lines); m++)
			wr_appendf(lines, sizeof(lines), "%s%d", m > i ? ", " : "",
			    rb->steps[k[m].step].line);
		if (m < j)
			wr_appendf(lines, sizeof(lines), ", \xe2\x80\xa6");
		wr_utf8_shorten(title, sizeof(title), k[i].text, 60);
		dup_where(rb, &k[i], where, sizeof(where));
		runbook_diag(rb, RUNBOOK_WARNING, rb->steps[k[i].step].line, "step \"%s\" is written "
		    "%zu times %s (lines %s): nothing tells them apart in the timeline or the "
		    "post-mortem; word each its own way", title, j - i, where, lines);
	}
	free(k);
}

int
runbook_parse(struct runbook *rb, const char *name, const char *buf, size_t len)
{
	struct outline o;
	struct builder b;
	MD_PARSER p;
	unsigned flags = MD_FLAG_TASKLISTS | MD_FLAG_TABLES;
	size_t i;
	int k;

	memset(rb, 0, sizeof(*rb));
	rb->name = xstrdup(name != NULL ? name : "");
	if (buf == NULL)
		len = 0;
	/* A byte-order mark is no text: md4c would read the first line after
	 * it as a paragraph and lose the heading. Lines are counted from the
	 * text after it, which starts on line 1 all the same. */
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	if (len > (size_t)UINT32_MAX - 1) {
		runbook_diag(rb, RUNBOOK_WARNING, 0, "file too large; read up to 4 GiB");
		len = (size_t)UINT32_MAX - 1;
	}
	utf8_check(rb, buf, len);

	memset(&o, 0, sizeof(o));
	memset(&p, 0, sizeof(p));
	p.flags = flags;
	p.enter_block = outline_enter;
	p.leave_block = outline_leave;
	p.enter_span = outline_span;
	p.leave_span = outline_span;
	p.text = outline_text;
	if (md_parse(buf != NULL ? buf : "", (MD_SIZE)len, &p, &o) != 0)
		runbook_diag(rb, RUNBOOK_WARNING, 0, "the Markdown outline pass failed");
	outline_decide(&o);

	memset(&b, 0, sizeof(b));
	b.rb = rb;
	b.buf = buf != NULL ? buf : "";
	b.len = len;
	b.outline = &o;
	b.section = WR_RUNBOOK_NONE;
	for (k = 0; k <= 6; k++)
		b.open[k] = WR_RUNBOOK_NONE;
	b.pseudo_level = o.first_level > 0 && o.first_level < 6 ? o.first_level + 1 : 2;
	lines_index(&b);
	p.enter_block = on_enter;
	p.leave_block = on_leave;
	p.enter_span = on_span;
	p.leave_span = on_span;
	p.text = on_text;
	if (md_parse(b.buf, (MD_SIZE)len, &p, &b) != 0)
		runbook_diag(rb, RUNBOOK_ERROR, 0, "the Markdown parser failed");
	/* md4c closes every block it opens; this only guards an aborted parse. */
	for (i = 0; i < b.depth; i++)
		buf_free(&b.stack[i].text);
	if (b.in_code) {
		free(b.cur.info);
		free(b.cur.lang);
		buf_free(&b.code);
	}
	table_free(&b.table);
	free(b.stack);
	free(b.starts);
	outline_free(&o);

	/* What x would refuse is an error of the runbook, so CI and the
	 * console's marks say so before 3 a.m. does. */
	runbook_route_check(rb);
	dup_steps(rb);
	if (rb->nsteps == 0 && rb->nblocks == 0)
		runbook_diag(rb, RUNBOOK_WARNING, 0, "no steps and no code blocks found");
	runbook_diags_sort(rb);
	if (rb->ndiags >= WR_RUNBOOK_DIAG_MAX) {
		struct runbook_diag *d = &rb->diags[WR_RUNBOOK_DIAG_MAX - 1];
		char msg[128];

		snprintf(msg, sizeof(msg), "… %zu errors and %zu warnings in all",
		    rb->nerrors, rb->nwarnings);
		free(d->msg);
		d->msg = xstrdup(msg);
		d->line = 0;
	}
	return rb->nerrors > 0 ? -1 : 0;
}

void *
runbook_grow(void *p, size_t n, size_t size)
{
	size_t cap;

	if (n >= 4 && (n & (n - 1)) != 0)
		return p;       /* room left: capacity is the next power of two */
	cap = n < 4 ? 4 : n * 2;
	return xrealloc(p, cap * size);
}

void
runbook_action_add(struct runbook_action *a, const char *key, const char *value)
{
	a->args = runbook_grow(a->args, a->nargs, sizeof(*a->args));
	a->args[a->nargs].key = xstrdup(key);
	a->args[a->nargs].value = xstrdup(value);
	a->nargs++;
}

void
runbook_action_free(struct runbook_action *a)
{
	size_t i;

	for (i = 0; i < a->nargs; i++) {
		free(a->args[i].key);
		free(a->args[i].value);
	}
	free(a->args);
	memset(a, 0, sizeof(*a));
}

const char *
runbook_action_arg(const struct runbook_action *a, const char *key)
{
	size_t i;

	for (i = 0; i < a->nargs; i++)
		if (strcmp(a->args[i].key, key) == 0)
			return a->args[i].value;
	return NULL;
}

const struct runbook_action *
runbook_command_reads(const struct runbook_command *c)
{
	return c->action.kind != RUNBOOK_ACT_NONE ? &c->action : &c->written;
}

static void
strv_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
runbook_cmds_free(struct runbook_command *c, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		struct runbook_command *cmd = &c[i];

		free(cmd->text);
		strv_free(cmd->argv, cmd->argc);
		strv_free(cmd->assigns, cmd->nassigns);
		for (j = 0; j < cmd->nph; j++) {
			free(cmd->ph[j].name);
			free(cmd->ph[j].pos);
		}
		free(cmd->ph);
		runbook_action_free(&cmd->action);
		runbook_action_free(&cmd->written);
	}
	free(c);
}

static void
block_free(struct runbook_block *c)
{
	size_t i;

	runbook_cmds_free(c->cmds, c->ncmds);
	free(c->output_word);
	for (i = 0; i < c->nbinds; i++)
		runbook_action_free(&c->binds[i].action);
	free(c->binds);
	free(c->info);
	free(c->lang);
	free(c->text);
}

void
runbook_free(struct runbook *rb)
{
	size_t i;

	for (i = 0; i < rb->nsections; i++)
		free(rb->sections[i].title);
	for (i = 0; i < rb->nsteps; i++)
		free(rb->steps[i].text);
	for (i = 0; i < rb->nblocks; i++)
		block_free(&rb->blocks[i]);
	for (i = 0; i < rb->ndiags; i++)
		free(rb->diags[i].msg);
	free(rb->sections);
	free(rb->steps);
	free(rb->blocks);
	free(rb->diags);
	free(rb->matrix.rows);
	free(rb->name);
	memset(rb, 0, sizeof(*rb));
}

void
runbook_stats(const struct runbook *rb, struct runbook_stats *st)
{
	size_t i, j;

	memset(st, 0, sizeof(*st));
	st->sections = rb->nsections;
	st->steps = rb->nsteps;
	st->blocks = rb->nblocks;
	st->matrix_rows = rb->matrix.nrows;
	st->errors = rb->nerrors;
	st->warnings = rb->nwarnings;
	for (i = 0; i < rb->nsteps; i++) {
		st->tasks += rb->steps[i].task;
		st->checked += rb->steps[i].checked;
		st->tminus += rb->steps[i].has_tminus;
	}
	for (i = 0; i < rb->nblocks; i++) {
		const struct runbook_block *c = &rb->blocks[i];

		st->commands += c->ncmds;
		st->bindings += c->nbinds;
		st->actions += c->nbinds;
		for (j = 0; j < c->ncmds; j++) {
			st->placeholders += c->cmds[j].nph;
			st->actions += c->cmds[j].action.kind != RUNBOOK_ACT_NONE;
		}
	}
}

const char *
runbook_action_name(enum runbook_action_kind k)
{
	switch (k) {
	case RUNBOOK_ACT_NONE: return "command";
	case RUNBOOK_ACT_K8S_UNDO: return "k8s.undo";
	case RUNBOOK_ACT_K8S_STATUS: return "k8s.status";
	case RUNBOOK_ACT_HELM_ROLLBACK: return "helm.rollback";
	case RUNBOOK_ACT_COMPOSE_PULL: return "compose.pull";
	case RUNBOOK_ACT_COMPOSE_UP: return "compose.up";
	case RUNBOOK_ACT_KILLSWITCH: return "killswitch";
	case RUNBOOK_ACT_MIGRATE_DOWN: return "migrate.down";
	case RUNBOOK_ACT_SMOKE: return "smoke";
	case RUNBOOK_ACT_ROLLBACK: return "rollback";
	case RUNBOOK_ACT_STATUSPAGE: return "statuspage";
	case RUNBOOK_ACT_ANNOUNCE: return "announce";
	}
	return "?";
}

const char *
runbook_level_name(enum runbook_level l)
{
	switch (l) {
	case RUNBOOK_LEVEL_ROLLBACK: return "ROLLBACK";
	case RUNBOOK_LEVEL_CONSIDER: return "CONSIDER";
	case RUNBOOK_LEVEL_MONITOR: return "MONITOR";
	}
	return "?";
}

const char *
runbook_metric_name(enum runbook_metric m)
{
	switch (m) {
	case RUNBOOK_METRIC_ERROR_RATE: return "error_rate";
	case RUNBOOK_METRIC_P95_MS: return "p95_ms";
	case RUNBOOK_METRIC_RESTARTS: return "restarts";
	}
	return "?";
}

const char *
runbook_ph_kind_name(enum runbook_ph_kind k)
{
	switch (k) {
	case RUNBOOK_PH_ANGLE: return "angle";
	case RUNBOOK_PH_SHA: return "sha";
	case RUNBOOK_PH_VAR: return "var";
	}
	return "?";
}

const char *
runbook_block_kind_name(enum runbook_block_kind k)
{
	switch (k) {
	case RUNBOOK_BLOCK_SHELL: return "shell";
	case RUNBOOK_BLOCK_WARROOM: return "warroom";
	case RUNBOOK_BLOCK_OTHER: return "other";
	case RUNBOOK_BLOCK_OUTPUT: return "output";
	}
	return "?";
}
