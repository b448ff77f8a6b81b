/*
 * runbook_format.c — struct runbook as text (for review) and JSON (for
 * tools). The text keeps document order: a section's own blocks and its
 * steps are merged by line. Diagnostics come last as "file:line: …" so an
 * editor can jump to them. Text is written as it was in the file; making
 * it safe for a terminal is the caller's job (sanitize.c).
 */
#include "warroom/runbook_format.h"
#include "warroom/runbook_route.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Text with each newline followed by indent spaces. */
static void
out_indented(struct wr_buf *o, const char *s, size_t n, int indent)
{
	size_t i, from = 0;

	for (i = 0; i < n; i++)
		if (s[i] == '\n') {
			wr_buf_add(o, s + from, i + 1 - from);
			wr_buf_printf(o, "%*s", indent, "");
			from = i + 1;
		}
	wr_buf_add(o, s + from, n - from);
}

static void
out_action(struct wr_buf *o, const struct runbook_action *a)
{
	size_t i;

	wr_buf_printf(o, "%s", runbook_action_name(a->kind));
	for (i = 0; i < a->nargs; i++)
		wr_buf_printf(o, " %s=%s", a->args[i].key, a->args[i].value);
}

static void
text_command(struct wr_buf *o, const struct runbook_command *c, int indent)
{
	size_t i, j;

	wr_buf_printf(o, "%*s$ ", indent, "");
	out_indented(o, c->text, c->len, indent + 2);
	wr_buf_printf(o, "  (line %d%s)\n", c->line, c->compound ? ", compound" : "");
	for (i = 0; i < c->nph; i++) {
		const struct runbook_placeholder *p = &c->ph[i];

		wr_buf_printf(o, "%*splaceholder %s %s at", indent + 4, "",
		    runbook_ph_kind_name(p->kind), p->name);
		for (j = 0; j < p->npos; j++)
			wr_buf_printf(o, "%s %zu+%zu", j ? "," : "", p->pos[j].off, p->pos[j].len);
		wr_buf_add(o, "\n", 1);
	}
	if (c->action.kind != RUNBOOK_ACT_NONE) {
		wr_buf_printf(o, "%*saction ", indent + 4, "");
		out_action(o, &c->action);
		wr_buf_add(o, "\n", 1);
	}
}

static void
text_block(struct wr_buf *o, const struct runbook_block *b, int indent)
{
	size_t i;

	wr_buf_printf(o, "%*s[%s %s, lines %d-%d]\n", indent, "",
	    b->lang[0] != '\0' ? b->lang : b->fenced ? "(no language)" : "(indented)",
	    runbook_block_kind_name(b->kind), b->line, b->first_line + b->nlines -
	    (b->fenced ? 0 : 1));
	for (i = 0; i < b->ncmds; i++)
		text_command(o, &b->cmds[i], indent + 2);
	for (i = 0; i < b->nbinds; i++) {
		wr_buf_printf(o, "%*sbinding ", indent + 2, "");
		out_action(o, &b->binds[i].action);
		wr_buf_printf(o, "  (line %d)\n", b->binds[i].line);
	}
}

/* "x runs as written: …" under a step's (or section's own) shell blocks. */
static void
text_route(struct wr_buf *o, const struct runbook *rb, size_t section, size_t step,
    int indent)
{
	struct runbook_route r;

	runbook_route_of(rb, section, step, &r);
	if (r.path != RUNBOOK_PATH_NONE)
		wr_buf_printf(o, "%*sx %s\n", indent, "", r.why);
}

static void
text_step(struct wr_buf *o, const struct runbook *rb, size_t si)
{
	const struct runbook_step *s = &rb->steps[si];
	int indent = 2 + 2 * s->depth;
	size_t i;

	if (s->ordered)
		wr_buf_printf(o, "%*s%u. ", indent, "", s->number);
	else
		wr_buf_printf(o, "%*s- ", indent, "");
	wr_buf_printf(o, "%s%s", s->task ? (s->checked ? "[x] " : "[ ] ") : "", s->text);
	if (s->has_tminus)
		wr_buf_printf(o, "  {T%+lds}", s->tminus_s);
	wr_buf_printf(o, "  (line %d)\n", s->line);
	for (i = 0; i < rb->nblocks; i++)
		if (rb->blocks[i].step == si)
			text_block(o, &rb->blocks[i], indent + 4);
	text_route(o, rb, s->section, si, indent + 4);
}

static void
text_matrix(struct wr_buf *o, const struct runbook_matrix *m)
{
	size_t i;

	if (!m->present)
		return;
	wr_buf_printf(o, "\ndecision matrix (line %d):\n", m->line);
	for (i = 0; i < m->nrows; i++) {
		const struct runbook_matrix_row *r = &m->rows[i];
		const char *op = runbook_matrix_op(r);

		switch (r->metric) {
		case RUNBOOK_METRIC_ERROR_RATE:
			wr_buf_printf(o, "  error rate %s %g%%", op, r->value * 100);
			break;
		case RUNBOOK_METRIC_P95_MS:
			wr_buf_printf(o, "  p95 latency %s %gms", op, r->value);
			break;
		case RUNBOOK_METRIC_RESTARTS:
			wr_buf_printf(o, "  pod crashes %s %g in %ds", op, r->value, r->window_s);
			break;
		}
		wr_buf_printf(o, " -> %s  (line %d)\n", runbook_level_name(r->level), r->line);
	}
}

#define PLURAL(n) ((n) == 1 ? "" : "s")

char *
runbook_format_text(const struct runbook *rb)
{
	struct wr_buf o = { 0 };
	struct runbook_stats st;
	size_t i, j, k, last;

	runbook_stats(rb, &st);
	/* Ticked out of every step, as RUNBOOK's "1/15" counts: any step can
	 * be ticked, not only a "- [ ]" task item. */
	wr_buf_printf(&o, "%s: %zu section%s, %zu step%s, %zu/%zu ticked (%zu %s task "
	    "item%s), %zu code block%s, %zu command%s, %zu placeholder%s, %zu action%s, "
	    "%zu error%s, %zu warning%s\n", rb->name, st.sections, PLURAL(st.sections),
	    st.steps, PLURAL(st.steps), st.checked, st.steps, st.tasks,
	    st.tasks == 1 ? "is a" : "are", PLURAL(st.tasks), st.blocks, PLURAL(st.blocks),
	    st.commands, PLURAL(st.commands), st.placeholders, PLURAL(st.placeholders),
	    st.actions, PLURAL(st.actions), st.errors, PLURAL(st.errors), st.warnings,
	    PLURAL(st.warnings));
	for (i = 0; i < rb->nsections; i++) {
		const struct runbook_section *s = &rb->sections[i];

		wr_buf_add(&o, "\n", 1);
		if (s->level == 0)
			wr_buf_printf(&o, "(before the first heading)  (line %d)\n", s->line);
		else
			wr_buf_printf(&o, "%.*s %s%s  (line %d)\n", s->level, "######", s->title,
			    s->pseudo ? "  [from a list item or title line]" : "", s->line);
		/* Steps and the section's own blocks, merged by line. */
		j = 0;
		k = 0;
		for (;;) {
			while (j < rb->nsteps && rb->steps[j].section != i)
				j++;
			while (k < rb->nblocks && (rb->blocks[k].section != i ||
			    rb->blocks[k].step != WR_RUNBOOK_NONE))
				k++;
			if (j >= rb->nsteps && k >= rb->nblocks)
				break;
			if (k >= rb->nblocks || (j < rb->nsteps &&
			    rb->steps[j].line <= rb->blocks[k].line)) {
				text_step(&o, rb, j++);
			} else {
				text_block(&o, &rb->blocks[k], 2);
				/* Its own commands run together: said once, after the last. */
				for (last = k + 1; last < rb->nblocks; last++)
					if (runbook_route_block(&rb->blocks[last], i, WR_RUNBOOK_NONE))
						break;
				if (last == rb->nblocks &&
				    runbook_route_block(&rb->blocks[k], i, WR_RUNBOOK_NONE))
					text_route(&o, rb, i, WR_RUNBOOK_NONE, 2);
				k++;
			}
		}
	}
	text_matrix(&o, &rb->matrix);
	if (rb->ndiags > 0)
		wr_buf_add(&o, "\n", 1);
	for (i = 0; i < rb->ndiags; i++) {
		const struct runbook_diag *d = &rb->diags[i];

		if (d->line > 0)
			wr_buf_printf(&o, "%s:%d: %s: %s\n", rb->name, d->line,
			    d->severity == RUNBOOK_ERROR ? "error" : "warning", d->msg);
		else
			wr_buf_printf(&o, "%s: %s: %s\n", rb->name,
			    d->severity == RUNBOOK_ERROR ? "error" : "warning", d->msg);
	}
	return wr_buf_take(&o);
}

/* ---- JSON ---- */

static cJSON *
json_index(size_t i)
{
	return i == WR_RUNBOOK_NONE ? cJSON_CreateNull() : cJSON_CreateNumber((double)i);
}

/* Arguments as an object; a repeated key (service, file, env) an array. */
static cJSON *
json_action(const struct runbook_action *a)
{
	cJSON *obj = cJSON_CreateObject(), *args;
	size_t i;

	cJSON_AddStringToObject(obj, "kind", runbook_action_name(a->kind));
	args = cJSON_AddObjectToObject(obj, "args");
	for (i = 0; i < a->nargs; i++) {
		cJSON *old = cJSON_GetObjectItemCaseSensitive(args, a->args[i].key);

		if (old == NULL) {
			cJSON_AddStringToObject(args, a->args[i].key, a->args[i].value);
		} else if (cJSON_IsArray(old)) {
			cJSON_AddItemToArray(old, cJSON_CreateString(a->args[i].value));
		} else {
			cJSON *arr = cJSON_CreateArray();

			cJSON_AddItemToArray(arr, cJSON_CreateString(old->valuestring));
			cJSON_AddItemToArray(arr, cJSON_CreateString(a->args[i].value));
			cJSON_ReplaceItemInObjectCaseSensitive(args, a->args[i].key, arr);
		}
	}
	return obj;
}

static cJSON *
json_strings(char **v, size_t n)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(v[i]));
	return arr;
}

static cJSON *
json_command(const struct runbook_command *c)
{
	cJSON *o = cJSON_CreateObject(), *phs;
	size_t i, j;

	cJSON_AddNumberToObject(o, "line", c->line);
	cJSON_AddNumberToObject(o, "offset", (double)c->off);
	cJSON_AddStringToObject(o, "text", c->text);
	cJSON_AddItemToObject(o, "argv", json_strings(c->argv, c->argc));
	cJSON_AddItemToObject(o, "env", json_strings(c->assigns, c->nassigns));
	cJSON_AddBoolToObject(o, "compound", c->compound);
	phs = cJSON_AddArrayToObject(o, "placeholders");
	for (i = 0; i < c->nph; i++) {
		cJSON *p = cJSON_CreateObject(), *pos;

		cJSON_AddStringToObject(p, "kind", runbook_ph_kind_name(c->ph[i].kind));
		cJSON_AddStringToObject(p, "name", c->ph[i].name);
		pos = cJSON_AddArrayToObject(p, "positions");
		for (j = 0; j < c->ph[i].npos; j++) {
			cJSON *pair = cJSON_CreateArray();

			cJSON_AddItemToArray(pair, cJSON_CreateNumber((double)c->ph[i].pos[j].off));
			cJSON_AddItemToArray(pair, cJSON_CreateNumber((double)c->ph[i].pos[j].len));
			cJSON_AddItemToArray(pos, pair);
		}
		cJSON_AddItemToArray(phs, p);
	}
	if (c->action.kind != RUNBOOK_ACT_NONE)
		cJSON_AddItemToObject(o, "action", json_action(&c->action));
	else
		cJSON_AddNullToObject(o, "action");
	return o;
}

/* How x runs the shell commands: {"path": "builtin"|"script", "why": …},
 * or null when there are none. */
static cJSON *
json_route(const struct runbook *rb, size_t section, size_t step)
{
	struct runbook_route r;
	cJSON *o;

	runbook_route_of(rb, section, step, &r);
	if (r.path == RUNBOOK_PATH_NONE)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "path", r.path == RUNBOOK_PATH_BUILTIN ? "builtin" :
	    r.path == RUNBOOK_PATH_REFUSED ? "refused" : "script");
	cJSON_AddStringToObject(o, "why", r.why);
	return o;
}

static cJSON *
json_block(const struct runbook_block *b)
{
	cJSON *o = cJSON_CreateObject(), *arr;
	size_t i;

	cJSON_AddNumberToObject(o, "line", b->line);
	cJSON_AddNumberToObject(o, "first_line", b->first_line);
	cJSON_AddNumberToObject(o, "lines", b->nlines);
	cJSON_AddStringToObject(o, "kind", runbook_block_kind_name(b->kind));
	cJSON_AddStringToObject(o, "lang", b->lang);
	cJSON_AddStringToObject(o, "info", b->info);
	cJSON_AddBoolToObject(o, "fenced", b->fenced);
	cJSON_AddNumberToObject(o, "section", (double)b->section);
	cJSON_AddItemToObject(o, "step", json_index(b->step));
	cJSON_AddStringToObject(o, "text", b->text);
	arr = cJSON_AddArrayToObject(o, "commands");
	for (i = 0; i < b->ncmds; i++)
		cJSON_AddItemToArray(arr, json_command(&b->cmds[i]));
	arr = cJSON_AddArrayToObject(o, "bindings");
	for (i = 0; i < b->nbinds; i++) {
		cJSON *x = json_action(&b->binds[i].action);

		cJSON_AddNumberToObject(x, "line", b->binds[i].line);
		cJSON_AddItemToArray(arr, x);
	}
	return o;
}

char *
runbook_format_json(const struct runbook *rb)
{
	cJSON *root = cJSON_CreateObject(), *arr, *x;
	struct runbook_stats st;
	char *printed, *res;
	size_t i, n;

	runbook_stats(rb, &st);
	cJSON_AddStringToObject(root, "file", rb->name);
	x = cJSON_AddObjectToObject(root, "counts");
	cJSON_AddNumberToObject(x, "sections", (double)st.sections);
	cJSON_AddNumberToObject(x, "steps", (double)st.steps);
	cJSON_AddNumberToObject(x, "tasks", (double)st.tasks);
	cJSON_AddNumberToObject(x, "checked", (double)st.checked);
	cJSON_AddNumberToObject(x, "blocks", (double)st.blocks);
	cJSON_AddNumberToObject(x, "commands", (double)st.commands);
	cJSON_AddNumberToObject(x, "placeholders", (double)st.placeholders);
	cJSON_AddNumberToObject(x, "actions", (double)st.actions);
	cJSON_AddNumberToObject(x, "errors", (double)st.errors);
	cJSON_AddNumberToObject(x, "warnings", (double)st.warnings);

	arr = cJSON_AddArrayToObject(root, "sections");
	for (i = 0; i < rb->nsections; i++) {
		const struct runbook_section *s = &rb->sections[i];

		x = cJSON_CreateObject();
		cJSON_AddStringToObject(x, "title", s->title);
		cJSON_AddNumberToObject(x, "level", s->level);
		cJSON_AddBoolToObject(x, "pseudo", s->pseudo);
		cJSON_AddNumberToObject(x, "line", s->line);
		cJSON_AddItemToObject(x, "parent", json_index(s->parent));
		cJSON_AddItemToObject(x, "x", json_route(rb, i, WR_RUNBOOK_NONE));
		cJSON_AddItemToArray(arr, x);
	}
	arr = cJSON_AddArrayToObject(root, "steps");
	for (i = 0; i < rb->nsteps; i++) {
		const struct runbook_step *s = &rb->steps[i];

		x = cJSON_CreateObject();
		cJSON_AddStringToObject(x, "text", s->text);
		cJSON_AddNumberToObject(x, "line", s->line);
		cJSON_AddNumberToObject(x, "section", (double)s->section);
		cJSON_AddItemToObject(x, "parent", json_index(s->parent));
		cJSON_AddNumberToObject(x, "depth", s->depth);
		cJSON_AddBoolToObject(x, "ordered", s->ordered);
		cJSON_AddNumberToObject(x, "number", s->number);
		cJSON_AddBoolToObject(x, "task", s->task);
		cJSON_AddBoolToObject(x, "checked", s->checked);
		if (s->has_tminus)
			cJSON_AddNumberToObject(x, "tminus_s", (double)s->tminus_s);
		else
			cJSON_AddNullToObject(x, "tminus_s");
		cJSON_AddItemToObject(x, "x", json_route(rb, s->section, i));
		cJSON_AddItemToArray(arr, x);
	}
	arr = cJSON_AddArrayToObject(root, "blocks");
	for (i = 0; i < rb->nblocks; i++)
		cJSON_AddItemToArray(arr, json_block(&rb->blocks[i]));
	if (rb->matrix.present) {
		x = cJSON_AddObjectToObject(root, "matrix");
		cJSON_AddNumberToObject(x, "line", rb->matrix.line);
		arr = cJSON_AddArrayToObject(x, "rows");
		for (i = 0; i < rb->matrix.nrows; i++) {
			const struct runbook_matrix_row *r = &rb->matrix.rows[i];
			cJSON *row = cJSON_CreateObject();

			cJSON_AddNumberToObject(row, "line", r->line);
			cJSON_AddStringToObject(row, "metric", runbook_metric_name(r->metric));
			cJSON_AddStringToObject(row, "level", runbook_level_name(r->level));
			cJSON_AddStringToObject(row, "op", runbook_matrix_op(r));
			cJSON_AddNumberToObject(row, "value", r->value);
			if (r->metric == RUNBOOK_METRIC_RESTARTS)
				cJSON_AddNumberToObject(row, "window_s", r->window_s);
			cJSON_AddItemToArray(arr, row);
		}
	} else {
		cJSON_AddNullToObject(root, "matrix");
	}
	arr = cJSON_AddArrayToObject(root, "diagnostics");
	for (i = 0; i < rb->ndiags; i++) {
		x = cJSON_CreateObject();
		cJSON_AddNumberToObject(x, "line", rb->diags[i].line);
		cJSON_AddStringToObject(x, "severity",
		    rb->diags[i].severity == RUNBOOK_ERROR ? "error" : "warning");
		cJSON_AddStringToObject(x, "message", rb->diags[i].msg);
		cJSON_AddItemToArray(arr, x);
	}
	printed = cJSON_Print(root);
	cJSON_Delete(root);
	if (printed == NULL) {
		/* cJSON reports only allocation failure here. */
		fprintf(stderr, "warroom: out of memory printing JSON\n");
		abort();
	}
	n = strlen(printed);
	res = xmalloc(n + 2);
	memcpy(res, printed, n);
	res[n] = '\n';
	res[n + 1] = '\0';
	cJSON_free(printed);
	return res;
}
