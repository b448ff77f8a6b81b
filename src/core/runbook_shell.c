/*
 * runbook_shell.c — a runbook's shell blocks as simple commands.
 *
 * A small lexer for the shell a runbook author writes: words with '…',
 * "…", backslashes, $(…), ${…} and `…`; backslash-newline continuations;
 * comments; the separators newline ; && || | & ;; and redirections with
 * heredocs. It is not a shell: it only has to find where each simple
 * command starts and ends, what its words are, and which of them are
 * placeholders (<name>, sha-<name>, $VAR) the engineer must fill in.
 *
 * A command in a pipeline, in the background or inside for/while/if/case
 * or a group is marked compound and never replaced by a built-in action:
 * the action would run without the context the author wrote around it.
 * One in a loop, or in a function the block calls twice (or from a loop),
 * is marked as one that may run more than once: x refuses a rollback
 * there as it refuses two written ones. Functions are seen only as
 * `name() {…}` or `function name {…}`, called by that name in the block.
 * Variables the block defines itself (X=1 cmd, export X=…, for X in,
 * read X, ${X:-default}) and those the shell sets (HOME, PATH, …) are not
 * placeholders.
 */
#include "warroom/runbook.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the lexer ---- */

enum tok_type {
	T_EOF,
	T_WORD,
	T_NL,
	T_SEMI,
	T_AND,
	T_OR,
	T_PIPE,
	T_AMP,
	T_DSEMI,
	T_LPAREN,
	T_RPAREN,
	T_REDIR,
	T_BODY,          /* a heredoc's body, just before its newline */
};

struct tok {
	enum tok_type type;
	size_t start, end;
	char *value;     /* T_WORD: quotes removed; T_REDIR: the operator */
	bool heredoc;    /* T_REDIR: << or <<- */
};

#define HEREDOCS_MAX 8

struct lexer {
	const char *t;
	size_t n, i;
	bool unterminated;
	size_t bad_at;
	struct {
		char *delim;
		bool strip_tabs;
	} pending[HEREDOCS_MAX];
	int npending;
	bool want_delim;
	bool delim_strip;
	bool queued_nl;
	size_t queued_at;
};

/* Length of an angle placeholder "<name>" at s[i], 0 if none. */
static size_t
angle_len(const char *s, size_t i, size_t n)
{
	size_t j;

	if (s[i] != '<' || (i > 0 && s[i - 1] == '<') || i + 2 >= n ||
	    !isalpha((unsigned char)s[i + 1]))
		return 0;
	for (j = i + 1; j < n && j - i <= 64; j++) {
		unsigned char c = (unsigned char)s[j];

		if (c == '>')
			return j + 1 - i;
		if (!(isalnum(c) || (c != '\0' && strchr("_.:/-", c) != NULL)))
			return 0;
	}
	return 0;
}

/* Index after the group opened at s[i] ('(' or '{'), quotes respected. */
static size_t
skip_group(struct lexer *lx, size_t i)
{
	const char *s = lx->t;
	char open = s[i], close = open == '(' ? ')' : '}';
	int depth = 0;

	for (; i < lx->n; i++) {
		char c = s[i];

		if (c == '\\') {
			i++;
			continue;
		}
		if (c == '\'' && open == '(') {
			const char *q = memchr(s + i + 1, '\'', lx->n - i - 1);

			if (q == NULL)
				break;
			i = (size_t)(q - s);
			continue;
		}
		if (c == open)
			depth++;
		else if (c == close && --depth == 0)
			return i + 1;
	}
	if (!lx->unterminated)
		lx->bad_at = i < lx->n ? i : lx->n;
	lx->unterminated = true;
	return lx->n;
}

static void
lex_word(struct lexer *lx, struct tok *tk)
{
	const char *s = lx->t;
	struct wr_buf v = { 0 };
	size_t i = lx->i, j, a;

	tk->type = T_WORD;
	tk->start = i;
	while (i < lx->n) {
		char c = s[i];

		if ((a = angle_len(s, i, lx->n)) > 0) {
			wr_buf_add(&v, s + i, a);
			i += a;
			continue;
		}
		if (c != '\0' && strchr(" \t\r\n;&|()<>", c) != NULL)
			break;
		if (c == '\\') {
			if (i + 1 < lx->n && s[i + 1] != '\n')
				wr_buf_add(&v, s + i + 1, 1);
			i += 2;
			continue;
		}
		if (c == '\'') {
			const char *q = memchr(s + i + 1, '\'', lx->n - i - 1);

			j = q != NULL ? (size_t)(q - s) : lx->n;
			wr_buf_add(&v, s + i + 1, j - i - 1);
			if (q == NULL && !lx->unterminated) {
				lx->unterminated = true;
				lx->bad_at = i;
			}
			i = j + 1;
			continue;
		}
		if (c == '"') {
			size_t q = i;

			for (i++; i < lx->n && s[i] != '"'; ) {
				if (s[i] == '\\' && i + 1 < lx->n && s[i + 1] != '\0' &&
				    strchr("\"\\$`\n", s[i + 1]) != NULL) {
					if (s[i + 1] != '\n')
						wr_buf_add(&v, s + i + 1, 1);
					i += 2;
				} else if (s[i] == '$' && i + 1 < lx->n && s[i + 1] == '(') {
					j = skip_group(lx, i + 1);
					wr_buf_add(&v, s + i, j - i);
					i = j;
				} else {
					wr_buf_add(&v, s + i, 1);
					i++;
				}
			}
			if (i >= lx->n && !lx->unterminated) {
				lx->unterminated = true;
				lx->bad_at = q;
			}
			i++;
			continue;
		}
		if (c == '$' && i + 1 < lx->n && (s[i + 1] == '(' || s[i + 1] == '{')) {
			j = skip_group(lx, i + 1);
			wr_buf_add(&v, s + i, j - i);
			i = j;
			continue;
		}
		if (c == '`') {
			for (j = i + 1; j < lx->n && s[j] != '`'; j++)
				if (s[j] == '\\')
					j++;
			j = j < lx->n ? j + 1 : lx->n;
			wr_buf_add(&v, s + i, j - i);
			i = j;
			continue;
		}
		wr_buf_add(&v, &c, 1);
		i++;
	}
	if (i > lx->n)
		i = lx->n;
	lx->i = i;
	tk->end = i;
	tk->value = wr_buf_take(&v);
}

/* Skip the bodies of pending heredocs starting at s[i] (a line start);
 * returns the index after the last terminator line (or n). */
static size_t
skip_heredocs(struct lexer *lx, size_t i)
{
	int k;

	for (k = 0; k < lx->npending; k++) {
		const char *d = lx->pending[k].delim;
		size_t dl = strlen(d);

		while (i < lx->n) {
			size_t e = i, b = i;

			while (e < lx->n && lx->t[e] != '\n')
				e++;
			if (lx->pending[k].strip_tabs)
				while (b < e && lx->t[b] == '\t')
					b++;
			i = e < lx->n ? e + 1 : e;
			if (e - b == dl && memcmp(lx->t + b, d, dl) == 0)
				break;
		}
		free(lx->pending[k].delim);
	}
	lx->npending = 0;
	return i;
}

static void
lex_next(struct lexer *lx, struct tok *tk)
{
	const char *s = lx->t;

	memset(tk, 0, sizeof(*tk));
	if (lx->queued_nl) {
		lx->queued_nl = false;
		tk->type = T_NL;
		tk->start = lx->queued_at;
		tk->end = lx->queued_at + 1;
		return;
	}
	while (lx->i < lx->n) {
		size_t i = lx->i;
		char c = s[i], d = i + 1 < lx->n ? s[i + 1] : '\0';

		if (c == ' ' || c == '\t' || c == '\r') {
			lx->i++;
			continue;
		}
		if (c == '\\' && d == '\n') {
			lx->i += 2;
			continue;
		}
		if (c == '#') {
			while (lx->i < lx->n && s[lx->i] != '\n')
				lx->i++;
			continue;
		}
		tk->start = i;
		if (c == '\n') {
			if (lx->npending > 0) {
				tk->type = T_BODY;
				tk->start = i + 1;
				tk->end = skip_heredocs(lx, i + 1);
				lx->queued_nl = true;
				lx->queued_at = tk->end > 0 ? tk->end - 1 : 0;
				lx->i = tk->end;
				return;
			}
			tk->type = T_NL;
			lx->i++;
		} else if (c == ';') {
			tk->type = d == ';' ? T_DSEMI : T_SEMI;
			lx->i += d == ';' ? 2 : 1;
		} else if (c == '&' && d == '&') {
			tk->type = T_AND;
			lx->i += 2;
		} else if (c == '&' && d == '>') {
			tk->type = T_REDIR;
			lx->i += i + 2 < lx->n && s[i + 2] == '>' ? 3 : 2;
		} else if (c == '&') {
			tk->type = T_AMP;
			lx->i++;
		} else if (c == '|') {
			tk->type = d == '|' ? T_OR : T_PIPE;
			lx->i += d == '|' || d == '&' ? 2 : 1;
		} else if (c == '(') {
			tk->type = T_LPAREN;
			lx->i++;
		} else if (c == ')') {
			tk->type = T_RPAREN;
			lx->i++;
		} else if ((c == '<' || c == '>') && angle_len(s, i, lx->n) == 0) {
			static const char *const ops[] = {
				"<<<", "<<-", "<<", "<&", "<>", ">>", ">&", ">|", "<", ">",
			};
			size_t k;

			tk->type = T_REDIR;
			for (k = 0; k < WR_ARRAY_LEN(ops); k++)
				if (strncmp(s + i, ops[k], strlen(ops[k])) == 0)
					break;
			lx->i += strlen(ops[k]);
			tk->heredoc = k == 1 || k == 2;
			tk->value = xstrdup(ops[k]);
			if (tk->heredoc) {
				lx->want_delim = true;
				lx->delim_strip = k == 1;
			}
		} else {
			lex_word(lx, tk);
			/* "2>" and "2>&1": the digits name a descriptor. */
			if (lx->i < lx->n && (s[lx->i] == '>' || s[lx->i] == '<') &&
			    tk->value[0] != '\0' &&
			    strspn(tk->value, "0123456789") == strlen(tk->value) &&
			    tk->end - tk->start == strlen(tk->value)) {
				free(tk->value);
				tk->value = NULL;
				continue;
			}
			if (lx->want_delim) {
				lx->want_delim = false;
				if (lx->npending < HEREDOCS_MAX) {
					lx->pending[lx->npending].delim = xstrdup(tk->value);
					lx->pending[lx->npending].strip_tabs = lx->delim_strip;
					lx->npending++;
				}
			}
		}
		tk->end = lx->i;
		return;
	}
	if (lx->npending > 0)
		skip_heredocs(lx, lx->n);
	tk->type = T_EOF;
	tk->start = tk->end = lx->n;
}

/* ---- simple commands ---- */

struct def {
	char *name;
	size_t from;     /* first command index it covers */
};

/* What opened a level of nesting: only loops and function bodies matter. */
enum level_kind { LV_OTHER, LV_FOR, LV_SELECT, LV_WHILE, LV_UNTIL, LV_FUNC };

#define LEVELS_MAX 32

/* A function the block defines: its body is commands [from, to). */
struct fn {
	char *name;
	size_t from, to;
};

struct scan {
	struct runbook *rb;
	struct runbook_block *blk;
	const char *text;  /* the block's text, or its console-prompt view */
	size_t len;
	struct def *defs;
	size_t ndefs;
	size_t line_off;   /* line counting: text[0..line_off) holds */
	int line;          /* this line */
	/* the command being built */
	char **argv;
	size_t argc;
	char **assigns;
	size_t nassigns;
	bool started;
	size_t start, end;
	bool compound;
	bool header;       /* for/select/case line: not a command */
	bool want_target;
	bool want_var;     /* next word is a for/select variable */
	bool pipe_in;
	int depth;
	int case_depth;
	/* what opened each level (levels deeper than LEVELS_MAX: unknown) */
	enum level_kind level[LEVELS_MAX];
	char *level_fn[LEVELS_MAX];  /* LV_FUNC: its name, owned */
	size_t level_from[LEVELS_MAX];
	char *fn_pending;  /* a function's name, its body next */
	bool fn_paren;     /* between its "(" and ")" */
	bool want_fname;   /* next word names a `function` */
	struct fn *fns;
	size_t nfns;
};

/* One level deeper, opened by kind. */
static void
level_push(struct scan *sc, enum level_kind kind)
{
	if (sc->depth < LEVELS_MAX) {
		sc->level[sc->depth] = kind;
		sc->level_fn[sc->depth] = NULL;
		sc->level_from[sc->depth] = sc->blk->ncmds;
		if (kind == LV_FUNC) {
			sc->level_fn[sc->depth] = sc->fn_pending;
			sc->fn_pending = NULL;
		}
	}
	sc->depth++;
}

/* One level out: a function's body ends there. */
static void
level_pop(struct scan *sc)
{
	int d;

	if (sc->depth == 0)
		return;
	d = --sc->depth;
	if (d < LEVELS_MAX && sc->level[d] == LV_FUNC && sc->level_fn[d] != NULL) {
		sc->fns = runbook_grow(sc->fns, sc->nfns, sizeof(*sc->fns));
		sc->fns[sc->nfns].name = sc->level_fn[d];
		sc->fns[sc->nfns].from = sc->level_from[d];
		sc->fns[sc->nfns].to = sc->blk->ncmds;
		sc->nfns++;
		sc->level_fn[d] = NULL;
	}
}

/* The innermost loop around the command being built: its words, or NULL. */
static const char *
loop_around(const struct scan *sc)
{
	int d;

	for (d = (sc->depth < LEVELS_MAX ? sc->depth : LEVELS_MAX) - 1; d >= 0; d--)
		switch (sc->level[d]) {
		case LV_FOR:
			return "a for loop";
		case LV_SELECT:
			return "a select loop";
		case LV_WHILE:
			return "a while loop";
		case LV_UNTIL:
			return "an until loop";
		default:
			break;
		}
	return NULL;
}

static void
def_add(struct scan *sc, const char *name, size_t len, size_t from)
{
	sc->defs = runbook_grow(sc->defs, sc->ndefs, sizeof(*sc->defs));
	sc->defs[sc->ndefs].name = xstrndup(name, len);
	sc->defs[sc->ndefs].from = from;
	sc->ndefs++;
}

static size_t
name_len(const char *s)
{
	size_t n = 0;

	if (!(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return 0;
	while (isalnum((unsigned char)s[n]) || s[n] == '_')
		n++;
	return n;
}

/* NAME= at the start of the raw word s[start..end)? */
static bool
is_assign(const char *s, size_t start, size_t end)
{
	size_t n = name_len(s + start);

	return n > 0 && start + n < end && s[start + n] == '=';
}

static void
strv_add(char ***v, size_t *n, char *s)
{
	*v = runbook_grow(*v, *n, sizeof(**v));
	(*v)[(*n)++] = s;
}

static void
cmd_reset(struct scan *sc)
{
	size_t i;

	for (i = 0; i < sc->argc; i++)
		free(sc->argv[i]);
	for (i = 0; i < sc->nassigns; i++)
		free(sc->assigns[i]);
	free(sc->argv);
	free(sc->assigns);
	sc->argv = sc->assigns = NULL;
	sc->argc = sc->nassigns = 0;
	sc->started = sc->compound = sc->header = false;
	sc->want_target = sc->want_var = false;
}

static void
cmd_finish(struct scan *sc, enum tok_type sep)
{
	struct runbook_block *b = sc->blk;
	struct runbook_command *c;
	size_t i, end = sc->end;

	if (!sc->started || sc->header || (sc->argc == 0 && sc->nassigns == 0)) {
		cmd_reset(sc);
		sc->pipe_in = sep == T_PIPE;
		return;
	}
	while (end > sc->start && sc->text[end - 1] != '\0' &&
	    strchr(" \t\r\n", sc->text[end - 1]) != NULL)
		end--;
	b->cmds = runbook_grow(b->cmds, b->ncmds, sizeof(*b->cmds));
	c = &b->cmds[b->ncmds++];
	memset(c, 0, sizeof(*c));
	c->off = sc->start;
	c->len = end - sc->start;
	/* Not xstrndup: a NUL byte in the block must not shorten the text. */
	c->text = xmalloc(c->len + 1);
	memcpy(c->text, sc->text + sc->start, c->len);
	c->text[c->len] = '\0';
	/* Commands come in source order: count newlines once. */
	for (i = sc->line_off; i < sc->start; i++)
		sc->line += sc->text[i] == '\n';
	sc->line_off = sc->start;
	c->line = sc->line;
	c->argv = sc->argv;
	c->argc = sc->argc;
	c->assigns = sc->assigns;
	c->nassigns = sc->nassigns;
	c->compound = sc->compound || sc->depth > 0 || sc->pipe_in ||
	    sep == T_PIPE || sep == T_AMP;
	if (loop_around(sc) != NULL)
		wr_strlcpy(c->repeats, loop_around(sc), sizeof(c->repeats));
	/* A command between `f()` and a body: f was no function. */
	free(sc->fn_pending);
	sc->fn_pending = NULL;
	wr_strlcpy(c->sep, sep == T_SEMI ? ";" : sep == T_AND ? "&&" : sep == T_OR ? "||" :
	    sep == T_PIPE ? "|" : sep == T_AMP ? "&" : sep == T_DSEMI ? ";;" : "",
	    sizeof(c->sep));
	sc->argv = sc->assigns = NULL;
	sc->argc = sc->nassigns = 0;
	cmd_reset(sc);
	sc->pipe_in = sep == T_PIPE;
}

static void
cmd_word(struct scan *sc, struct tok *tk)
{
	const char *w = tk->value;

	if (sc->want_target) {
		sc->want_target = false;
		sc->end = tk->end;
		free(tk->value);
		return;
	}
	if (sc->want_fname) {
		/* `function NAME`: no command, a body to come. */
		sc->want_fname = false;
		free(sc->fn_pending);
		sc->fn_pending = tk->value;
		return;
	}
	if (sc->fn_pending != NULL && strcmp(w, "{") == 0) {
		cmd_reset(sc);
		level_push(sc, LV_FUNC);
		sc->compound = true;
		free(tk->value);
		return;
	}
	if (sc->want_var) {
		size_t n = name_len(w);

		sc->want_var = false;
		if (n > 0 && w[n] == '\0')
			def_add(sc, w, n, sc->blk->ncmds);
	}
	if (sc->argc == 0 && sc->nassigns == 0 && !sc->header) {
		/* Reserved words at command position. */
		if (strcmp(w, "do") == 0 || strcmp(w, "then") == 0 ||
		    strcmp(w, "else") == 0 || strcmp(w, "!") == 0 ||
		    strcmp(w, "time") == 0 || strcmp(w, "elif") == 0) {
			sc->compound = sc->compound || strcmp(w, "elif") == 0;
			free(tk->value);
			return;
		}
		if (strcmp(w, "if") == 0 || strcmp(w, "while") == 0 ||
		    strcmp(w, "until") == 0 || strcmp(w, "{") == 0) {
			level_push(sc, strcmp(w, "while") == 0 ? LV_WHILE :
			    strcmp(w, "until") == 0 ? LV_UNTIL : LV_OTHER);
			sc->compound = true;
			free(tk->value);
			return;
		}
		if (strcmp(w, "function") == 0) {
			sc->header = true;
			sc->started = true;
			sc->start = tk->start;
			sc->want_fname = true;
			free(tk->value);
			return;
		}
		if (strcmp(w, "done") == 0 || strcmp(w, "fi") == 0 ||
		    strcmp(w, "}") == 0 || strcmp(w, "esac") == 0) {
			level_pop(sc);
			if (strcmp(w, "esac") == 0 && sc->case_depth > 0)
				sc->case_depth--;
			free(tk->value);
			return;
		}
		if (strcmp(w, "for") == 0 || strcmp(w, "select") == 0 ||
		    strcmp(w, "case") == 0) {
			level_push(sc, strcmp(w, "for") == 0 ? LV_FOR :
			    strcmp(w, "select") == 0 ? LV_SELECT : LV_OTHER);
			sc->header = true;
			sc->want_var = strcmp(w, "case") != 0;
			sc->case_depth += strcmp(w, "case") == 0;
		}
	}
	if (!sc->started) {
		sc->started = true;
		sc->start = tk->start;
	}
	sc->end = tk->end;
	if (sc->argc == 0 && is_assign(sc->text, tk->start, tk->end))
		strv_add(&sc->assigns, &sc->nassigns, tk->value);
	else
		strv_add(&sc->argv, &sc->argc, tk->value);
}

/* ---- functions ---- */

/* The commands of a function the block calls twice, or from a loop, may
 * run more than once: marked so (an inner loop's mark stays). */
static void
mark_called(struct scan *sc)
{
	struct runbook_block *b = sc->blk;
	size_t f, i, calls;
	const char *in_loop;
	char why[64];

	for (f = 0; f < sc->nfns; f++) {
		const struct fn *fn = &sc->fns[f];

		calls = 0;
		in_loop = NULL;
		for (i = 0; i < b->ncmds; i++)
			if ((i < fn->from || i >= fn->to) && b->cmds[i].argc > 0 &&
			    strcmp(b->cmds[i].argv[0], fn->name) == 0) {
				calls++;
				if (b->cmds[i].repeats[0] != '\0' && in_loop == NULL)
					in_loop = b->cmds[i].repeats;
			}
		if (calls < 2 && in_loop == NULL)
			continue;
		if (in_loop != NULL)
			snprintf(why, sizeof(why), "function %.16s, called in %.24s", fn->name, in_loop);
		else
			snprintf(why, sizeof(why), "function %.16s, called %zu times", fn->name, calls);
		for (i = fn->from; i < fn->to && i < b->ncmds; i++)
			if (b->cmds[i].repeats[0] == '\0')
				wr_strlcpy(b->cmds[i].repeats, why, sizeof(b->cmds[i].repeats));
	}
}

/* ---- variable definitions ---- */

static void
defs_of_command(struct scan *sc, size_t idx)
{
	struct runbook_command *c = &sc->blk->cmds[idx];
	size_t i, n;

	for (i = 0; i < c->nassigns; i++)
		def_add(sc, c->assigns[i], name_len(c->assigns[i]), idx);
	if (c->argc == 0)
		return;
	if (strcmp(c->argv[0], "export") == 0 || strcmp(c->argv[0], "local") == 0 ||
	    strcmp(c->argv[0], "declare") == 0 || strcmp(c->argv[0], "readonly") == 0 ||
	    strcmp(c->argv[0], "typeset") == 0) {
		for (i = 1; i < c->argc; i++)
			if ((n = name_len(c->argv[i])) > 0 && c->argv[i][n] == '=')
				def_add(sc, c->argv[i], n, idx);
	} else if (strcmp(c->argv[0], "read") == 0) {
		for (i = 1; i < c->argc; i++) {
			const char *a = c->argv[i];

			if (a[0] == '-') {
				/* Options that take an argument. */
				if (strchr("adinNptu", a[strlen(a) - 1]) != NULL &&
				    strlen(a) == 2 && a[1] != 'r' && a[1] != 's')
					i++;
				continue;
			}
			if ((n = name_len(a)) > 0 && a[n] == '\0')
				def_add(sc, a, n, idx);
		}
	}
}

static bool
defined(const struct scan *sc, const char *name, size_t len, size_t idx)
{
	static const char *const shell_vars[] = {
		"HOME", "PATH", "PWD", "OLDPWD", "USER", "LOGNAME", "SHELL",
		"HOSTNAME", "RANDOM", "SECONDS", "LINENO", "UID", "EUID", "PPID",
		"IFS", "BASH_SOURCE", "FUNCNAME", "REPLY", "PIPESTATUS", "TMPDIR",
		"TERM", "LANG",
	};
	size_t i;

	for (i = 0; i < WR_ARRAY_LEN(shell_vars); i++)
		if (strlen(shell_vars[i]) == len && memcmp(shell_vars[i], name, len) == 0)
			return true;
	for (i = 0; i < sc->ndefs; i++)
		if (sc->defs[i].from <= idx && strlen(sc->defs[i].name) == len &&
		    memcmp(sc->defs[i].name, name, len) == 0)
			return true;
	return false;
}

/* ---- placeholders ---- */

static void
ph_add(struct runbook_command *c, enum runbook_ph_kind kind, const char *name,
    size_t nlen, size_t off, size_t len)
{
	struct runbook_placeholder *p = NULL;
	size_t i;

	for (i = 0; i < c->nph; i++)
		if (c->ph[i].kind == kind && strlen(c->ph[i].name) == nlen &&
		    memcmp(c->ph[i].name, name, nlen) == 0) {
			p = &c->ph[i];
			break;
		}
	if (p == NULL) {
		c->ph = runbook_grow(c->ph, c->nph, sizeof(*c->ph));
		p = &c->ph[c->nph++];
		memset(p, 0, sizeof(*p));
		p->kind = kind;
		p->name = xstrndup(name, nlen);
	}
	p->pos = runbook_grow(p->pos, p->npos, sizeof(*p->pos));
	p->pos[p->npos].off = off;
	p->pos[p->npos].len = len;
	p->npos++;
}

/* $NAME or ${NAME…} at s[i]: adds a placeholder; returns bytes to skip. */
static size_t
scan_var(const struct scan *sc, struct runbook_command *c, size_t idx,
    const char *s, size_t i, size_t n)
{
	size_t nl, j, k;
	const char *name;

	if (i + 1 >= n)
		return 1;
	if (s[i + 1] != '{') {
		nl = name_len(s + i + 1);
		if (nl == 0 || i + 1 + nl > n)
			return 1;
		if (!defined(sc, s + i + 1, nl, idx))
			ph_add(c, RUNBOOK_PH_VAR, s + i + 1, nl, i, nl + 1);
		return nl + 1;
	}
	j = i + 2;
	if (j < n && s[j] == '#')
		j++;
	name = s + j;
	nl = name_len(name);
	if (nl == 0 || j + nl > n)
		return 2;
	for (k = j + nl; k < n && s[k] != '}'; k++)
		;
	if (k >= n)
		return 2;
	/* ${X:-default} and ${X=default} supply their own value. */
	if (s[j + nl] != '\0' && strchr(":-=", s[j + nl]) != NULL && !(s[j + nl] == ':' &&
	    j + nl + 1 < n && s[j + nl + 1] != '\0' &&
	    strchr("?+", s[j + nl + 1]) != NULL) &&
	    s[j + nl] != '}')
		return k + 1 - i;
	if (!defined(sc, name, nl, idx))
		ph_add(c, RUNBOOK_PH_VAR, name, nl, i, k + 1 - i);
	return k + 1 - i;
}

static void
scan_placeholders(struct scan *sc, size_t idx)
{
	struct runbook_command *c = &sc->blk->cmds[idx];
	const char *s = c->text;
	size_t n = c->len, i = 0, a;
	bool sq = false, dq = false;

	while (i < n) {
		char ch = s[i];

		if ((a = angle_len(s, i, n)) > 0) {
			if (i >= 4 && memcmp(s + i - 4, "sha-", 4) == 0)
				ph_add(c, RUNBOOK_PH_SHA, s + i + 1, a - 2, i - 4, a + 4);
			else
				ph_add(c, RUNBOOK_PH_ANGLE, s + i + 1, a - 2, i, a);
			i += a;
			continue;
		}
		if (sq) {
			sq = ch != '\'';
			i++;
		} else if (ch == '\\') {
			i += 2;
		} else if (ch == '\'' && !dq) {
			sq = true;
			i++;
		} else if (ch == '"') {
			dq = !dq;
			i++;
		} else if (ch == '$') {
			i += scan_var(sc, c, idx, s, i, n);
		} else {
			i++;
		}
	}
}

/* ---- known commands ---- */

static bool
streq(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

/* "--key=value" or "--key value" or "-k value": the value, advancing *i. */
static const char *
flag_value(char **argv, size_t argc, size_t *i, const char *short_, const char *long_)
{
	const char *a = argv[*i];
	size_t ll = long_ != NULL ? strlen(long_) : 0;

	if ((short_ != NULL && streq(a, short_)) || (long_ != NULL && streq(a, long_))) {
		if (*i + 1 >= argc)
			return NULL;
		return argv[++*i];
	}
	if (long_ != NULL && strncmp(a, long_, ll) == 0 && a[ll] == '=')
		return a + ll + 1;
	/* "-nprod" */
	if (short_ != NULL && strlen(short_) == 2 && strncmp(a, short_, 2) == 0 &&
	    a[2] != '\0' && short_[1] != '-')
		return a + 2;
	return NULL;
}

static bool
k8s_kind(const char *t, const char **kind)
{
	static const char *const map[][2] = {
		{ "deployment", "deployment" }, { "deployments", "deployment" },
		{ "deploy", "deployment" }, { "daemonset", "daemonset" },
		{ "daemonsets", "daemonset" }, { "ds", "daemonset" },
		{ "statefulset", "statefulset" }, { "statefulsets", "statefulset" },
		{ "sts", "statefulset" },
	};
	size_t i;

	for (i = 0; i < WR_ARRAY_LEN(map); i++)
		if (streq(t, map[i][0])) {
			*kind = map[i][1];
			return true;
		}
	return false;
}

/* `kubectl set env deployment/NAME EXPORT_MODE=off`, from argv[i] on: the
 * kill switch of a Kubernetes host, which the built-in runs with its
 * rollout wait and checks. Any other variable, option or kind runs as
 * written. */
/* One word of `KIND/NAME` or `KIND NAME`, setting *kind and *name as they
 * come; false when it cannot be one (a third word, an unknown kind). */
static bool
k8s_resource_word(const char *w, const char **kind, const char **name)
{
	const char *slash = strchr(w, '/');
	char tbuf[64];

	if (*name != NULL)
		return false;
	if (slash != NULL) {
		if ((size_t)(slash - w) >= sizeof(tbuf) || slash[1] == '\0')
			return false;
		memcpy(tbuf, w, (size_t)(slash - w));
		tbuf[slash - w] = '\0';
		if (!k8s_kind(tbuf, kind))
			return false;
		*name = slash + 1;
	} else if (*kind == NULL) {
		return k8s_kind(w, kind);
	} else {
		*name = w;
	}
	return true;
}

static bool
recognise_k8s_setenv(struct runbook_command *c, char **argv, size_t argc, size_t i,
    const char *ns, const char *ctx)
{
	struct runbook_action *a = &c->action;
	const char *kind = NULL, *name = NULL, *v;
	bool off = false;

	for (; i < argc; i++) {
		const char *w = argv[i];

		if (w[0] == '-') {
			if ((v = flag_value(argv, argc, &i, "-n", "--namespace")) != NULL)
				ns = v;
			else if ((v = flag_value(argv, argc, &i, NULL, "--context")) != NULL)
				ctx = v;
			else
				return false;
		} else if (strchr(w, '=') != NULL) {
			if (!streq(w, "EXPORT_MODE=off") || off)
				return false;
			off = true;
		} else if (!k8s_resource_word(w, &kind, &name)) {
			return false;
		}
	}
	if (name == NULL || !off || !streq(kind, "deployment"))
		return false;
	a->kind = RUNBOOK_ACT_KILLSWITCH;
	runbook_action_add(a, "name", "EXPORT_MODE");
	runbook_action_add(a, "value", "off");
	runbook_action_add(a, "driver", "k8s");
	runbook_action_add(a, "service", name);
	if (ns != NULL)
		runbook_action_add(a, "namespace", ns);
	if (ctx != NULL)
		runbook_action_add(a, "context", ctx);
	return true;
}

static bool
recognise_kubectl(struct runbook_command *c, char **argv, size_t argc)
{
	struct runbook_action *a = &c->action;
	const char *ns = NULL, *ctx = NULL, *rev = NULL, *timeout = NULL;
	const char *kind = NULL, *name = NULL, *v;
	size_t i = 1;
	bool undo;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if ((v = flag_value(argv, argc, &i, "-n", "--namespace")) != NULL)
			ns = v;
		else if ((v = flag_value(argv, argc, &i, NULL, "--context")) != NULL)
			ctx = v;
		else
			return false;
	}
	if (i + 1 < argc && streq(argv[i], "set") && streq(argv[i + 1], "env"))
		return recognise_k8s_setenv(c, argv, argc, i + 2, ns, ctx);
	if (i + 1 >= argc || !streq(argv[i], "rollout") ||
	    !(streq(argv[i + 1], "undo") || streq(argv[i + 1], "status")))
		return false;
	undo = streq(argv[i + 1], "undo");
	for (i += 2; i < argc; i++) {
		const char *w = argv[i];

		if (w[0] == '-') {
			if ((v = flag_value(argv, argc, &i, "-n", "--namespace")) != NULL)
				ns = v;
			else if ((v = flag_value(argv, argc, &i, NULL, "--context")) != NULL)
				ctx = v;
			else if (undo && (v = flag_value(argv, argc, &i, NULL,
			    "--to-revision")) != NULL)
				rev = v;
			else if (!undo && (v = flag_value(argv, argc, &i, NULL,
			    "--timeout")) != NULL)
				timeout = v;
			else if (!undo && (streq(w, "-w") || streq(w, "--watch") ||
			    streq(w, "--watch=true")))
				;
			else
				return false;
			continue;
		}
		if (!k8s_resource_word(w, &kind, &name))
			return false;
	}
	if (name == NULL)
		return false;
	a->kind = undo ? RUNBOOK_ACT_K8S_UNDO : RUNBOOK_ACT_K8S_STATUS;
	runbook_action_add(a, "kind", kind);
	runbook_action_add(a, "name", name);
	if (ns != NULL)
		runbook_action_add(a, "namespace", ns);
	if (ctx != NULL)
		runbook_action_add(a, "context", ctx);
	if (rev != NULL)
		runbook_action_add(a, "revision", rev);
	if (timeout != NULL)
		runbook_action_add(a, "timeout", timeout);
	return true;
}

static bool
recognise_helm(struct runbook_command *c, char **argv, size_t argc)
{
	struct runbook_action *a = &c->action;
	const char *ns = NULL, *ctx = NULL, *rel = NULL, *rev = NULL, *timeout = NULL, *v;
	bool wait = false;
	size_t i;

	if (argc < 3 || !streq(argv[1], "rollback"))
		return false;
	for (i = 2; i < argc; i++) {
		const char *w = argv[i];

		if (w[0] == '-') {
			if ((v = flag_value(argv, argc, &i, "-n", "--namespace")) != NULL)
				ns = v;
			else if ((v = flag_value(argv, argc, &i, NULL, "--kube-context")) != NULL)
				ctx = v;
			else if ((v = flag_value(argv, argc, &i, NULL, "--timeout")) != NULL)
				timeout = v;
			else if (streq(w, "--wait") || streq(w, "--cleanup-on-fail") ||
			    streq(w, "--force") || streq(w, "--recreate-pods"))
				wait = wait || streq(w, "--wait");
			else
				return false;
			continue;
		}
		if (rel == NULL)
			rel = w;
		else if (rev == NULL)
			rev = w;
		else
			return false;
	}
	if (rel == NULL)
		return false;
	a->kind = RUNBOOK_ACT_HELM_ROLLBACK;
	runbook_action_add(a, "release", rel);
	if (rev != NULL)
		runbook_action_add(a, "revision", rev);
	if (ns != NULL)
		runbook_action_add(a, "namespace", ns);
	if (ctx != NULL)
		runbook_action_add(a, "context", ctx);
	if (timeout != NULL)
		runbook_action_add(a, "timeout", timeout);
	if (wait)
		runbook_action_add(a, "wait", "true");
	return true;
}

/* The built-in downgrade is `run --rm SERVICE alembic downgrade -1` and
 * nothing else: another revision (base, 0040, -2) or a config file of its
 * own is not what it would run, so such a command stays as written. */
static bool
recognise_alembic(struct runbook_action *a, char **argv, size_t argc, size_t i)
{
	if (i + 3 != argc || !streq(argv[i], "alembic") || !streq(argv[i + 1], "downgrade") ||
	    !streq(argv[i + 2], "-1"))
		return false;
	a->kind = RUNBOOK_ACT_MIGRATE_DOWN;
	runbook_action_add(a, "revision", "-1");
	return true;
}

/* Does word w expand nothing but the command's own $VAR placeholders (the
 * ones the engineer is asked for)? A variable the block sets itself, a
 * ${X:-default}, $(…) or `…` has a value only the shell knows. */
static bool
expands_only_placeholders(const struct runbook_command *c, const char *w)
{
	const char *p;
	size_t k, nl;

	if (strchr(w, '`') != NULL)
		return false;
	for (p = strchr(w, '$'); p != NULL; p = strchr(p + 1, '$')) {
		bool brace = p[1] == '{';
		const char *name = p + 1 + brace;

		nl = name_len(name);
		if (nl == 0 || (brace && name[nl] != '}'))
			return false;
		for (k = 0; k < c->nph; k++)
			if (c->ph[k].kind == RUNBOOK_PH_VAR && strlen(c->ph[k].name) == nl &&
			    memcmp(c->ph[k].name, name, nl) == 0)
				break;
		if (k == c->nph)
			return false;
	}
	return true;
}

/* The env assignments of c as env=… arguments, IMAGE_TAG also as image_tag. */
static void
compose_env(struct runbook_action *a, const struct runbook_command *c)
{
	size_t i;

	for (i = 0; i < c->nassigns; i++) {
		if (strncmp(c->assigns[i], "IMAGE_TAG=", 10) == 0)
			runbook_action_add(a, "image_tag", c->assigns[i] + 10);
		runbook_action_add(a, "env", c->assigns[i]);
	}
}

/* Options of docker compose itself that take a value, short and long. */
static const char *const compose_valued[][2] = {
	{ "-f", "--file" }, { "-p", "--project-name" }, { NULL, "--project-directory" },
	{ NULL, "--profile" }, { NULL, "--env-file" }, { NULL, "--ansi" },
	{ NULL, "--progress" }, { NULL, "--parallel" },
};

/* Options of `up` other than -d that still leave it recreating, detached,
 * the services it names: taking a value, then not. --dry-run, --no-start,
 * --abort-on-container-exit … are no redeploy and are not among them. */
static const char *const up_valued[][2] = {
	{ "-t", "--timeout" }, { NULL, "--wait-timeout" }, { NULL, "--pull" },
	{ NULL, "--scale" },
};
static const char *const up_plain[] = {
	"--no-deps", "--force-recreate", "--no-recreate", "--remove-orphans", "--wait",
	"--no-build", "--build", "--quiet-pull", "-V", "--renew-anon-volumes",
	"--always-recreate-deps", "--no-color", "--no-log-prefix", "-y", "--yes",
	"--compatibility", "--verbose",
};

/* Is argv[*i] one of the valued options in tab (advancing *i past its
 * value)? Its words go into own as one "own" argument. */
static bool
own_valued(char **argv, size_t argc, size_t *i, const char *const (*tab)[2], size_t n,
    struct runbook_action *own)
{
	size_t k, at = *i;
	const char *v;
	char w[256];

	for (k = 0; k < n; k++) {
		if ((v = flag_value(argv, argc, i, tab[k][0], tab[k][1])) == NULL)
			continue;
		if (*i > at)
			snprintf(w, sizeof(w), "%s %s", argv[at], v);
		else
			snprintf(w, sizeof(w), "%s", argv[at]);
		runbook_action_add(own, "own", w);
		return true;
	}
	return false;
}

/* Is w one of the words in tab? */
static bool
among(const char *w, const char *const *tab, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (streq(w, tab[k]))
			return true;
	return false;
}

/* A docker compose command. The built-in actions run `docker compose
 * --env-file .env -f docker-compose.yml … up -d SERVICE` in compose_dir,
 * so only such a command becomes c->action: one with another project,
 * file, profile, option or variable would be silently replaced by the
 * default one. An `up -d` with such words is still a recreate of the
 * services it names, and goes into c->written as what it is (the
 * post-mortem counts a step's recreate that a built-in action did). */
static bool
recognise_compose(struct runbook_command *c, char **argv, size_t argc)
{
	struct runbook_action *a = &c->action, tmp = { 0 }, own = { 0 }, svcs = { 0 };
	size_t i, k;
	const char *v, *sub;
	bool detach = false, killswitch = false, ok = false;

	i = streq(argv[0], "docker-compose") ? 1 : 2;
	if (i == 2 && (argc < 2 || !streq(argv[1], "compose")))
		return false;
	for (; i < argc && argv[i][0] == '-'; i++) {
		size_t at = i;

		if ((v = flag_value(argv, argc, &i, "-f", "--file")) != NULL &&
		    (streq(v, "docker-compose.yml") || streq(v, "./docker-compose.yml")))
			runbook_action_add(&tmp, "file", v);
		else if ((i = at, v = flag_value(argv, argc, &i, NULL, "--env-file")) != NULL &&
		    (streq(v, ".env") || streq(v, "./.env")))
			runbook_action_add(&tmp, "env_file", v);
		else if ((i = at, own_valued(argv, argc, &i, compose_valued,
		    WR_ARRAY_LEN(compose_valued), &own)))
			;
		else if (streq(argv[i], "--compatibility") || streq(argv[i], "--verbose"))
			runbook_action_add(&own, "own", argv[i]);
		else
			goto out;
	}
	/* Only the variables the built-in action sets itself. */
	for (k = 0; k < c->nassigns; k++)
		if (!(strncmp(c->assigns[k], "IMAGE_TAG=", 10) == 0 &&
		    expands_only_placeholders(c, c->assigns[k] + 10)) &&
		    !streq(c->assigns[k], "EXPORT_MODE=off"))
			runbook_action_add(&own, "own", c->assigns[k]);
	if (i >= argc)
		goto out;
	sub = argv[i++];
	if (streq(sub, "pull") || streq(sub, "up")) {
		bool up = streq(sub, "up");

		/* Options may follow the services too: compose reads them all. */
		for (; i < argc; i++) {
			const char *w = argv[i];

			if (w[0] != '-') {
				runbook_action_add(&svcs, "service", w);
				continue;
			}
			if (streq(w, "-d") || streq(w, "--detach"))
				detach = true;
			else if (!up && (streq(w, "-q") || streq(w, "--quiet") ||
			    streq(w, "--ignore-pull-failures") || streq(w, "--include-deps")))
				;
			else if (up && among(w, up_plain, WR_ARRAY_LEN(up_plain)))
				runbook_action_add(&own, "own", w);
			else if (!(up && own_valued(argv, argc, &i, up_valued,
			    WR_ARRAY_LEN(up_valued), &own)))
				goto out;
			/* An option after a service: the built-in names services last. */
			if (svcs.nargs > 0)
				runbook_action_add(&own, "own", w);
		}
		/* A foreground `up` never returns; it is not a redeploy. */
		if (up && !detach)
			goto out;
		for (k = 0; k < c->nassigns; k++)
			killswitch = killswitch || streq(c->assigns[k], "EXPORT_MODE=off");
		/* The kill switch redeploys at the running tag: an IMAGE_TAG
		 * beside EXPORT_MODE=off would be dropped. Written otherwise it
		 * is no recreate either: what it switches is the shell's. */
		if (killswitch && (c->nassigns != 1 || !up || own.nargs > 0))
			goto out;
		/* Only an up -d is read as written: a pull of its own is a look. */
		if (own.nargs > 0 && !up)
			goto out;
		if (own.nargs > 0)
			a = &c->written;
		if (killswitch) {
			a->kind = RUNBOOK_ACT_KILLSWITCH;
			runbook_action_add(a, "name", "EXPORT_MODE");
			runbook_action_add(a, "value", "off");
			runbook_action_add(a, "driver", "compose");
		} else {
			a->kind = up ? RUNBOOK_ACT_COMPOSE_UP : RUNBOOK_ACT_COMPOSE_PULL;
		}
		for (k = 0; k < svcs.nargs; k++)
			runbook_action_add(a, "service", svcs.args[k].value);
	} else if (streq(sub, "run") || streq(sub, "exec")) {
		const char *svc = NULL;

		if (c->nassigns > 0 || own.nargs > 0)
			goto out;
		for (; i < argc && argv[i][0] == '-'; i++) {
			const char *w = argv[i];

			/* The built-in downgrade runs `run --rm SERVICE`: an
			 * environment, directory or user of its own is not honoured. */
			if (!(streq(w, "--rm") || streq(w, "-T") || streq(w, "-i") ||
			    streq(w, "-t") || streq(w, "-it")))
				goto out;
		}
		if (i < argc)
			svc = argv[i++];
		if (svc == NULL || !recognise_alembic(a, argv, argc, i)) {
			runbook_action_free(a);
			goto out;
		}
		runbook_action_add(a, "service", svc);
	} else {
		goto out;
	}
	for (k = 0; k < tmp.nargs; k++)
		runbook_action_add(a, tmp.args[k].key, tmp.args[k].value);
	for (k = 0; k < own.nargs; k++)
		runbook_action_add(a, own.args[k].key, own.args[k].value);
	compose_env(a, c);
	ok = true;
out:
	runbook_action_free(&tmp);
	runbook_action_free(&own);
	runbook_action_free(&svcs);
	return ok;
}

/* EXPORT_MODE=off alone, exported, or written into a file with sed -i. */
static bool
recognise_killswitch(struct runbook_command *c, char **argv, size_t argc)
{
	struct runbook_action *a = &c->action;
	size_t i;

	if (argc == 0) {
		for (i = 0; i < c->nassigns; i++)
			if (streq(c->assigns[i], "EXPORT_MODE=off"))
				break;
		if (i == c->nassigns)
			return false;
	} else if (streq(argv[0], "export")) {
		if (argc != 2 || !streq(argv[1], "EXPORT_MODE=off"))
			return false;
	} else if (streq(argv[0], "sed")) {
		const char *file = NULL;
		bool inplace = false, sets = false;

		for (i = 1; i < argc; i++) {
			if (strncmp(argv[i], "-i", 2) == 0)
				inplace = true;
			else if (strstr(argv[i], "EXPORT_MODE=off") != NULL && !sets)
				sets = true;
			else if (argv[i][0] == '-')
				return false;
			else
				file = argv[i];
		}
		if (!inplace || !sets || file == NULL)
			return false;
		a->kind = RUNBOOK_ACT_KILLSWITCH;
		runbook_action_add(a, "name", "EXPORT_MODE");
		runbook_action_add(a, "value", "off");
		runbook_action_add(a, "driver", "compose");
		runbook_action_add(a, "file", file);
		return true;
	} else {
		return false;
	}
	a->kind = RUNBOOK_ACT_KILLSWITCH;
	runbook_action_add(a, "name", "EXPORT_MODE");
	runbook_action_add(a, "value", "off");
	return true;
}

static void
recognise(struct runbook_command *c)
{
	char **argv = c->argv;
	size_t argc = c->argc;

	/* sudo … is never one: the built-ins run as the ssh user, and a
	 * command the author wrote with sudo must not silently lose it. */
	if (c->compound)
		return;
	if (argc == 0 || streq(argv[0], "export") || streq(argv[0], "sed")) {
		recognise_killswitch(c, argv, argc);
		return;
	}
	if (streq(argv[0], "kubectl"))
		recognise_kubectl(c, argv, argc);
	else if (streq(argv[0], "helm"))
		recognise_helm(c, argv, argc);
	else if (streq(argv[0], "docker") || streq(argv[0], "docker-compose"))
		recognise_compose(c, argv, argc);
	if (c->action.kind == RUNBOOK_ACT_NONE)
		runbook_action_free(&c->action);
}

/* ---- output that is no command ---- */

static bool
all_in(const char *s, const char *set)
{
	return strspn(s, set) == strlen(s);
}

bool
runbook_command_name_ok(const char *w)
{
	static const char name_chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789._+-/";
	const char *p;
	bool lower = false, upper = false;
	size_t n = strlen(w), letters = 0;

	if (n == 0)
		return true;
	/* What the shell gives meaning to: a variable or substitution (not a
	 * lone $, a prompt), a placeholder the engineer fills, a builtin. */
	if ((w[0] == '$' && n > 1) || w[0] == '<' || strchr(w, '`') != NULL)
		return true;
	if (streq(w, "[") || streq(w, "[[") || streq(w, ":") || streq(w, ".") ||
	    streq(w, "{") || streq(w, "}") || streq(w, "!"))
		return true;
	/* A path: /usr/bin/x, ./run, ../x, ~/bin/x, .venv/bin/python; not
	 * "..." or "..". */
	if (w[0] == '/' || strncmp(w, "./", 2) == 0 || strncmp(w, "../", 3) == 0 ||
	    strncmp(w, "~/", 2) == 0 || (w[0] == '.' && (isalpha((unsigned char)w[1]) ||
	    w[1] == '_')))
		return all_in(w, name_chars) || w[0] == '/' || w[0] == '~';
	/* NAME:, http://, [INFO], |, ├──, -, *, %, 12:00, … */
	if (!all_in(w, name_chars))
		return false;
	if (w[n - 1] == '.' || w[n - 1] == ',')
		return false;                  /* "Done." */
	for (p = w; *p != '\0'; p++) {
		lower |= islower((unsigned char)*p) != 0;
		upper |= isupper((unsigned char)*p) != 0;
		letters += isalpha((unsigned char)*p) != 0;
	}
	/* 2025-09-30T12:00Z, 10.0.0.5, 1/1, 0; not 7z or 2to3. */
	if (isdigit((unsigned char)w[0]))
		return lower;
	if (!isalpha((unsigned char)w[0]) && w[0] != '_')
		return false;
	/* NAME READY STATUS, ERROR, HTTP/1.1: no command is all capitals. */
	if (upper && !lower && letters >= 2)
		return false;
	/* Waiting, Error, Release: a sentence, not a command (Rscript is
	 * written `command Rscript`). */
	if (isupper((unsigned char)w[0]) && letters == n && letters >= 2) {
		for (p = w + 1; *p != '\0' && islower((unsigned char)*p); p++)
			;
		if (*p == '\0')
			return false;
	}
	return true;
}

/* A word as a message quotes it: cut at 40 bytes, on a character. */
static char *
word_cut(const char *w)
{
	size_t n = strlen(w);
	char *s;

	if (n <= 40)
		return xstrdup(w);
	n = 40;
	while (n > 0 && ((unsigned char)w[n] & 0xC0) == 0x80)
		n--;
	s = xmalloc(n + 4);
	memcpy(s, w, n);
	memcpy(s + n, "\xe2\x80\xa6", 4);
	return s;
}

/* The end of the shell word at text[i], quotes kept: the word as the
 * author wrote it, not as the shell would pass it on. */
static size_t
raw_word_end(const char *text, size_t len, size_t i)
{
	char q = '\0';

	for (; i < len; i++) {
		if (q != '\0') {
			if (text[i] == q)
				q = '\0';
			else if (q == '"' && text[i] == '\\' && i + 1 < len)
				i++;
		} else if (text[i] == '\'' || text[i] == '"')
			q = text[i];
		else if (text[i] == '\\' && i + 1 < len)
			i++;
		else if (text[i] == '\0' || strchr(" \t\r\n;&|<>()", text[i]) != NULL)
			break;
	}
	return i;
}

/* c's first word as written in the block (after its NAME=value words):
 * `{"ready": true}` is quoted back as `{"ready":`, not the shell's {ready:. */
static char *
raw_first_word(const struct runbook_command *c)
{
	size_t i = 0, k, end;

	for (k = 0; k <= c->nassigns; k++) {
		while (i < c->len && (c->text[i] == ' ' || c->text[i] == '\t'))
			i++;
		end = raw_word_end(c->text, c->len, i);
		if (k == c->nassigns && end > i)
			return xstrndup(c->text + i, end - i);
		i = end;
	}
	return xstrdup(c->argv[0]);
}

static void
mark_output(struct runbook_block *b, struct runbook_command *c)
{
	char *word;

	if (c->argc == 0 || runbook_command_name_ok(c->argv[0]))
		return;
	c->output = true;
	if (b->output_line == 0) {
		b->output_line = c->line;
		word = raw_first_word(c);
		b->output_word = word_cut(word);
		free(word);
	}
}

/* An unlabelled fence holding a line that is no command reads as output:
 * none of it runs (never a part), and the author is told why. */
static void
to_output(struct runbook *rb, struct runbook_block *b)
{
	bool prompt = streq(b->output_word, "$");

	runbook_cmds_free(b->cmds, b->ncmds);
	b->cmds = NULL;
	b->ncmds = 0;
	b->kind = RUNBOOK_BLOCK_OUTPUT;
	if (prompt)
		runbook_diag(rb, RUNBOOK_WARNING, b->line, "the unlabelled block of line %d is "
		    "read as output and never run: line %d starts with a $ prompt (a transcript: "
		    "label it console to run only its $ lines)", b->line, b->output_line);
	else
		runbook_diag(rb, RUNBOOK_WARNING, b->line, "the unlabelled block of line %d is "
		    "read as output and never run: line %d starts with `%s`, which is no command "
		    "name (label it text; commands go in a block of their own)", b->line,
		    b->output_line, b->output_word);
}

/* ---- the block ---- */

bool
runbook_block_is_console(const struct runbook_block *b)
{
	return wr_streq_ci(b->lang, "console") || wr_streq_ci(b->lang, "shell-session") ||
	    wr_streq_ci(b->lang, "shellsession") || wr_streq_ci(b->lang, "terminal");
}

/* Prompt lines ("$ cmd") and their continuations stay; everything else
 * is blanked so offsets stay those of the block. */
char *
runbook_console_view(const char *t, size_t n)
{
	char *v = xmalloc(n + 1);
	size_t i = 0;
	bool cont = false;

	memcpy(v, t, n);
	v[n] = '\0';
	while (i < n) {
		size_t e = i, p = i;

		while (e < n && v[e] != '\n')
			e++;
		while (p < e && (v[p] == ' ' || v[p] == '\t'))
			p++;
		if (!cont && p + 1 < e && v[p] == '$' && v[p + 1] == ' ') {
			memset(v + i, ' ', p + 2 - i);
		} else if (!cont) {
			memset(v + i, ' ', e - i);
		}
		cont = e > i && v[e - 1] == '\\';
		i = e + 1;
	}
	return v;
}

void
runbook_shell_scan(struct runbook *rb, struct runbook_block *b)
{
	struct scan sc;
	struct lexer lx;
	struct tok tk;
	char *view = NULL;
	size_t i;

	memset(&sc, 0, sizeof(sc));
	memset(&lx, 0, sizeof(lx));
	sc.rb = rb;
	sc.blk = b;
	sc.text = b->text;
	sc.len = b->len;
	sc.line = b->first_line;
	if (runbook_block_is_console(b))
		sc.text = view = runbook_console_view(b->text, b->len);
	lx.t = sc.text;
	lx.n = sc.len;
	for (;;) {
		lex_next(&lx, &tk);
		switch (tk.type) {
		case T_EOF:
			cmd_finish(&sc, T_NL);
			break;
		case T_WORD:
			cmd_word(&sc, &tk);
			continue;
		case T_REDIR:
			free(tk.value);
			sc.want_target = true;
			if (sc.started)
				sc.end = tk.end;
			continue;
		case T_BODY:
			if (sc.started)
				sc.end = tk.end;
			continue;
		case T_LPAREN:
			/* `NAME()` or `function NAME()`: a function, its body next. */
			if (sc.started && !sc.header && sc.argc == 1 && sc.nassigns == 0 &&
			    sc.case_depth == 0) {
				free(sc.fn_pending);
				sc.fn_pending = xstrdup(sc.argv[0]);
				cmd_reset(&sc);
				sc.fn_paren = true;
				continue;
			}
			if (sc.header && sc.fn_pending != NULL) {
				sc.fn_paren = true;
				continue;
			}
			level_push(&sc, sc.fn_pending != NULL && !sc.started ? LV_FUNC : LV_OTHER);
			sc.compound = true;
			continue;
		case T_RPAREN:
			if (sc.fn_paren) {
				sc.fn_paren = false;
				continue;
			}
			if (sc.case_depth > 0 && sc.argc <= 1 && sc.nassigns == 0) {
				/* "pattern)" of a case arm */
				cmd_reset(&sc);
				continue;
			}
			cmd_finish(&sc, T_SEMI);
			level_pop(&sc);
			continue;
		default:
			cmd_finish(&sc, tk.type);
			continue;
		}
		break;
	}
	cmd_reset(&sc);
	while (sc.depth > 0)
		level_pop(&sc);    /* a body never closed: a function still */
	mark_called(&sc);
	for (i = 0; i < sc.nfns; i++)
		free(sc.fns[i].name);
	free(sc.fns);
	free(sc.fn_pending);
	for (i = 0; i < b->ncmds; i++)
		defs_of_command(&sc, i);
	for (i = 0; i < b->ncmds; i++) {
		scan_placeholders(&sc, i);
		recognise(&b->cmds[i]);
		mark_output(b, &b->cmds[i]);
	}
	for (i = 0; i < sc.ndefs; i++)
		free(sc.defs[i].name);
	free(sc.defs);
	free(view);
	/* Sample output with no label is the common case: it is output, and a
	 * quote in it says nothing about commands. */
	if (b->output_line > 0 && b->fenced && b->lang[0] == '\0') {
		to_output(rb, b);
		return;
	}
	if (lx.unterminated) {
		int line = b->first_line;

		for (i = 0; i < lx.bad_at && i < b->len; i++)
			line += b->text[i] == '\n';
		runbook_diag(rb, RUNBOOK_WARNING, line,
		    "unterminated quote or group in a shell block; commands after it "
		    "may be split wrongly");
	}
}
