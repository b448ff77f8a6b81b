/*
 * runbook_fill.c — placeholders of a step's shell blocks gathered by kind
 * and name (the same <tag> twice is asked once), then replaced at every
 * span the shell scanner recorded, right to left within each command so
 * earlier offsets stay valid. A rollback's placeholders (its recognised
 * command's, or a binding's to=<TAG>) are asked the same way, each held
 * to what its place wants (a revision number, a tag), and filled into a
 * copy of the action, which then names its target as a literal would.
 * A transcript block (console, shell-session) gives only its commands.
 * What the host's config already holds ($HEALTH_URL, $METRICS_URL, its
 * metrics token) is filled from it and says so; a placeholder whose name
 * looks secret is marked, so it is typed hidden and never echoed.
 */
#include "warroom/runbook_fill.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "warroom/redact.h"

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
			f->tag[k] = f->tag[k] || want == RUNBOOK_WANT_TAG;
			return;
		}
	f->labels = xrealloc(f->labels, (f->n + 1) * sizeof(*f->labels));
	f->kinds = xrealloc(f->kinds, (f->n + 1) * sizeof(*f->kinds));
	f->names = xrealloc(f->names, (f->n + 1) * sizeof(*f->names));
	f->values = xrealloc(f->values, (f->n + 1) * sizeof(*f->values));
	f->wants = xrealloc(f->wants, (f->n + 1) * sizeof(*f->wants));
	f->secret = xrealloc(f->secret, (f->n + 1) * sizeof(*f->secret));
	f->tag = xrealloc(f->tag, (f->n + 1) * sizeof(*f->tag));
	f->from = xrealloc(f->from, (f->n + 1) * sizeof(*f->from));
	f->note = xrealloc(f->note, (f->n + 1) * sizeof(*f->note));
	f->kinds[f->n] = kind;
	f->names[f->n] = xstrdup(name);
	f->labels[f->n] = xstrdup(label(kind, name, lb, sizeof(lb)));
	f->values[f->n] = NULL;
	f->wants[f->n] = want;
	f->secret[f->n] = runbook_fill_name_is_secret(name);
	f->tag[f->n] = want == RUNBOOK_WANT_TAG || runbook_fill_name_is_tag(name);
	f->from[f->n] = NULL;
	f->note[f->n] = NULL;
	f->n++;
}

/* Is w a word of name (case aside), words being runs of letters and digits? */
static bool
has_word(const char *name, const char *w)
{
	const char *p = name, *e;

	while (*p != '\0') {
		for (e = p; isalnum((unsigned char)*e); e++)
			;
		if ((size_t)(e - p) == strlen(w) && strncasecmp(p, w, (size_t)(e - p)) == 0)
			return true;
		p = *e != '\0' ? e + 1 : e;
	}
	return false;
}

bool
runbook_fill_name_is_tag(const char *name)
{
	return has_word(name, "tag");
}

void
runbook_fill_running(const char *const *names, const char *const *states, size_t n,
    char *buf, size_t cap)
{
	struct wr_buf out = { 0 };
	size_t i, k;
	bool *done = xcalloc(n + 1, sizeof(*done));

	for (i = 0; i < n; i++) {
		if (done[i] || states[i][0] == '\0')
			continue;
		if (out.len > 0)
			wr_buf_str(&out, "; ");
		/* Every service that runs the same, named once before it. */
		for (k = i; k < n; k++)
			if (!done[k] && strcmp(states[k], states[i]) == 0) {
				if (k > i)
					wr_buf_str(&out, ", ");
				wr_buf_str(&out, names[k]);
				done[k] = true;
			}
		wr_buf_str(&out, " at ");
		wr_buf_str(&out, states[i]);
	}
	snprintf(buf, cap, "%s", out.s != NULL ? out.s : "");
	free(out.s);
	free(done);
}

bool
runbook_fill_name_is_secret(const char *name)
{
	static const char *const words[] = { "key", "pass", "pwd", "auth" };
	const char *p = name, *e;
	size_t w;

	if (redact_key_is_secret(name, strlen(name)))
		return true;
	/* Word by word: KEY in DEPLOY_KEY, not in MONKEY or KEYSPACE. */
	while (*p != '\0') {
		for (e = p; isalnum((unsigned char)*e); e++)
			;
		for (w = 0; w < WR_ARRAY_LEN(words); w++)
			if ((size_t)(e - p) == strlen(words[w]) && strncasecmp(p, words[w], e - p) == 0)
				return true;
		p = *e != '\0' ? e + 1 : e;
	}
	return false;
}

static bool mentions(enum runbook_ph_kind kind, const char *name, const char *value);

/* Marks as tags the placeholders cmd's NAME=value assignments hold where
 * NAME ends in TAG. */
static void
tag_assigns(struct runbook_fill *f, const struct runbook_command *cmd)
{
	size_t i, k, nl;

	for (i = 0; i < cmd->nassigns; i++) {
		const char *a = cmd->assigns[i];

		nl = strcspn(a, "=");
		if (a[nl] != '=' || nl < 3 || strncasecmp(a + nl - 3, "tag", 3) != 0)
			continue;
		for (k = 0; k < f->n; k++)
			if (mentions(f->kinds[k], f->names[k], a + nl + 1))
				f->tag[k] = true;
	}
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
	/* runbook_work_refusal says it first; this is the last guard. */
	if (f->route.path == RUNBOOK_PATH_REFUSED)
		return wr_err_set(err, "nothing ran: x %s", f->route.why);
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
	/* IMAGE_TAG=<GOOD>: whatever its name, the value is a tag. */
	for (b = 0; b < rb->nblocks; b++) {
		const struct runbook_block *blk = &rb->blocks[b];

		for (c = 0; runbook_route_block(blk, section, step) && c < blk->ncmds; c++)
			tag_assigns(f, &blk->cmds[c]);
	}
	for (b = 0; b < rb->nblocks; b++)
		if (runbook_route_block(&rb->blocks[b], section, step))
			return 0;
	/* Sample output under a step is no command: say so, not just "none". */
	for (b = 0; b < rb->nblocks; b++) {
		const struct runbook_block *blk = &rb->blocks[b];

		if (blk->kind == RUNBOOK_BLOCK_OUTPUT && blk->step == step &&
		    (step != WR_RUNBOOK_NONE || blk->section == section))
			return wr_err_set(err, "this %s has no commands to run: its block of line %d "
			    "is output, never run (line %d starts with `%s`, which is no command name)",
			    step == WR_RUNBOOK_NONE ? "section" : "step", blk->line, blk->output_line,
			    blk->output_word);
	}
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

/* A value no shell reads as anything but one word: -1 with err (naming
 * it as shown) otherwise. */
static int
plain_word(const char *value, const char *shown, struct wr_err *err)
{
	static const char ok[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789._:/@+=,-";

	if (strspn(value, ok) != strlen(value))
		return wr_err_set(err, "%s refused: only letters, digits and ._:/@+=,- "
		    "(nothing is quoted for you)", shown);
	if (value[0] == '-')
		return wr_err_set(err, "%s refused: it would read as an option", shown);
	return 0;
}

/* Past every placeholder that has its value (some came from the config). */
static void
advance(struct runbook_fill *f)
{
	while (f->cur < f->n && f->values[f->cur] != NULL)
		f->cur++;
}

/* A typed value as an error names it: quoted, or, for a secret, not at
 * all (a refused secret is not put back on the screen). */
static const char *
shown_as(const struct runbook_fill *f, const char *v, char *buf, size_t cap)
{
	if (f->secret[f->cur])
		snprintf(buf, cap, "the hidden value of %s", f->labels[f->cur]);
	else
		snprintf(buf, cap, "'%.256s'", v);
	return buf;
}

int
runbook_fill_set(struct runbook_fill *f, const char *value, struct wr_err *err)
{
	const char *typed = value;
	char b[300];

	if (f->cur >= f->n)
		return wr_err_set(err, "every placeholder already has its value");
	/* The runbook writes the prefix itself: typed again, it is not doubled. */
	if (f->kinds[f->cur] == RUNBOOK_PH_SHA && strncmp(value, "sha-", 4) == 0)
		value += 4;
	if (value[0] == '\0')
		return wr_err_set(err, "%s needs a value; nothing is guessed", f->labels[f->cur]);
	if (plain_word(value, shown_as(f, value, b, sizeof(b)), err) != 0)
		return -1;
	/* sha-v1.4.1 names no image: a tag belongs in a <TAG> placeholder. */
	if (f->kinds[f->cur] == RUNBOOK_PH_SHA && !is_commit(value))
		return wr_err_set(err, "%s refused: %s takes a commit id (hex, e.g. 8e1f2a), "
		    "not a tag; a tag goes where a runbook writes <TAG>",
		    shown_as(f, typed, b, sizeof(b)), f->labels[f->cur]);
	if (f->wants[f->cur] == RUNBOOK_WANT_REVISION &&
	    (strspn(value, "0123456789") != strlen(value) || value[0] == '0' || strlen(value) > 9))
		return wr_err_set(err, "%s refused: %s is a revision number (1, 2, …)",
		    shown_as(f, value, b, sizeof(b)), f->labels[f->cur]);
	if (f->wants[f->cur] == RUNBOOK_WANT_TAG &&
	    (strcspn(value, ":/@+=,") != strlen(value) || strlen(value) > 128))
		return wr_err_set(err, "%s refused: %s is an image tag (letters, digits, ._-)",
		    shown_as(f, value, b, sizeof(b)), f->labels[f->cur]);
	f->values[f->cur] = xstrdup(value);
	advance(f);
	return 0;
}

/* Placeholder $name's value from the config (from: where it is set), or
 * why it stays to be asked: missing (what host lacks, after its name) when
 * there is no value, or a value that is not a plain word. */
static void
from_config(struct runbook_fill *f, const char *name, const char *value, const char *host,
    const char *from, const char *missing)
{
	char buf[320];
	struct wr_err err;
	size_t k;

	for (k = 0; k < f->n; k++) {
		if (f->kinds[k] != RUNBOOK_PH_VAR || strcmp(f->names[k], name) != 0 ||
		    f->values[k] != NULL)
			continue;
		free(f->note[k]);
		f->note[k] = NULL;
		if (value == NULL || value[0] == '\0') {
			snprintf(buf, sizeof(buf), "%s %s", host, missing);
			f->note[k] = xstrdup(buf);
		} else if (plain_word(value, "it", &err) != 0) {
			snprintf(buf, sizeof(buf), "%s's %s would need quoting here", host, from);
			f->note[k] = xstrdup(buf);
		} else {
			f->values[k] = xstrdup(value);
			snprintf(buf, sizeof(buf), "%s's %s", host, from);
			f->from[k] = xstrdup(buf);
		}
	}
}

size_t
runbook_fill_from_host(struct runbook_fill *f, const struct config_host *h, const char *token)
{
	char from[WR_NAME_MAX + 48], missing[WR_NAME_MAX + 80];
	size_t k, before = 0, after = 0;

	for (k = 0; k < f->n; k++)
		before += f->values[k] != NULL;
	from_config(f, "HEALTH_URL", h->health_url, h->name, "health_url",
	    "has no health_url in the config");
	from_config(f, "METRICS_URL", h->metrics_url, h->name, "metrics_url",
	    h->prom.url[0] != '\0' ? "reads its metrics from Prometheus: no metrics_url in the "
	    "config" : "has no metrics_url in the config");
	/* Where main.c took the token from: the file wins over the environment. */
	if (h->metrics_token_file.path[0] != '\0')
		snprintf(from, sizeof(from), "metrics token from metrics_token_file");
	else
		snprintf(from, sizeof(from), "metrics token from $%s (metrics_token_env)",
		    h->metrics_token_env);
	if (h->metrics_token_file.path[0] == '\0' && h->metrics_token_env[0] == '\0')
		snprintf(missing, sizeof(missing), "has no metrics token in the config "
		    "(metrics_token_file, metrics_token_env)");
	else
		snprintf(missing, sizeof(missing), "has a metrics token in the config, but it "
		    "was not loaded (%s)", h->metrics_token_file.path[0] != '\0' ?
		    "metrics_token_file unreadable" : "its variable is not set");
	from_config(f, "METRICS_TOKEN", token, h->name, from, missing);
	if (h->metrics_token_env[0] != '\0' && strcmp(h->metrics_token_env, "METRICS_TOKEN") != 0)
		from_config(f, h->metrics_token_env, token, h->name, from, missing);
	advance(f);
	for (k = 0; k < f->n; k++)
		after += f->values[k] != NULL;
	return after - before;
}

bool
runbook_fill_done(const struct runbook_fill *f)
{
	return f->cur == f->n;
}

size_t
runbook_fill_asked(const struct runbook_fill *f, size_t *nth)
{
	size_t k, n = 0;

	*nth = 0;
	for (k = 0; k < f->n; k++) {
		if (f->from[k] != NULL)
			continue;
		n++;
		if (k <= f->cur)
			*nth = n;
	}
	return n;
}

void
runbook_fill_said(const struct runbook_fill *f, char *buf, size_t cap)
{
	struct wr_buf out = { 0 };
	const char *sep = "from the config, not typed: ";
	size_t k;

	for (k = 0; k < f->n; k++)
		if (f->from[k] != NULL && f->values[k] != NULL) {
			wr_buf_str(&out, sep);
			wr_buf_str(&out, f->labels[k]);
			wr_buf_str(&out, " is ");
			wr_buf_str(&out, f->from[k]);
			sep = ", ";
		}
	sep = out.len > 0 ? "; hidden (shown as " WR_REDACTED "): " : "hidden (shown as "
	    WR_REDACTED "): ";
	for (k = 0; k < f->n; k++)
		if (f->secret[k] && f->values[k] != NULL) {
			wr_buf_str(&out, sep);
			wr_buf_str(&out, f->labels[k]);
			sep = ", ";
		}
	snprintf(buf, cap, "%s", out.s != NULL ? out.s : "");
	free(out.s);
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
		free(f->from[k]);
		free(f->note[k]);
	}
	free(f->secret);
	free(f->tag);
	free(f->from);
	free(f->note);
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
