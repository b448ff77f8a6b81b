/*
 * shellread.c — does a runbook script only read? A scanner of its own
 * (runbook_shell.c reads what the author wrote, for placeholders and
 * actions; this reads the script that runs, for one narrower question).
 * Words are read as sh reads them: quotes, backslashes, comments, line
 * continuations. Commands are split at newlines, ;, &&, || and |, and
 * each must be one the tables below know to only read, with options
 * they know. Anything else — a redirection into a file, an expansion or
 * substitution ($, backticks), a subshell or group, a background &, a
 * glob where an option could come of it, sudo, a word not in the tables
 * — means the script may change something, and the caller keeps the
 * typed confirmation. Wrong that way costs a few keystrokes; wrong the
 * other way could cost an outage.
 */
#include "warroom/shellread.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "warroom/util.h"

#define WORDS_MAX 96
#define WORD_MAX 1024

struct word {
	char s[WORD_MAX];
	size_t len;
	size_t first_quoted;             /* first quoted or escaped byte, or SIZE_MAX */
	bool glob;                       /* holds an unquoted * ? or [ */
};

struct cmd {
	struct word w[WORDS_MAX];
	size_t n;
	size_t start, end;               /* its bytes in the script */
};

/* What ends a command. */
enum sep { SEP_REFUSED = -1, SEP_END, SEP_LINE, SEP_SEMI, SEP_AND, SEP_OR, SEP_PIPE };

struct scan {
	const char *s;
	size_t i;
	char *why;
	size_t cap;
};

/* An option of a tool: its name ("-n", "--namespace") and whether it
 * takes a value. */
struct opt {
	const char *name;
	bool arg;
};

/* why = "`TEXT`: reason", TEXT being script bytes start..end on one line,
 * cut when long. */
static void
say(char *why, size_t cap, const char *s, size_t start, size_t end, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static void
say(char *why, size_t cap, const char *s, size_t start, size_t end, const char *fmt, ...)
{
	char text[96], reason[400];
	size_t o = 0, i = start;
	va_list ap;

	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\n'))
		end--;
	for (; i < end && o + 4 < sizeof(text) - 4; i++) {
		if (s[i] == '\\' && i + 1 < end && s[i + 1] == '\n')
			continue;
		text[o++] = s[i] == '\n' || s[i] == '\t' ? ' ' : s[i];
	}
	if (i < end) {
		/* Cut before a character, not in it, and say so. */
		while (o > 0 && i > start && ((unsigned char)s[i] & 0xc0) == 0x80) {
			o--;
			i--;
		}
		memcpy(text + o, "…", strlen("…"));
		o += strlen("…");
	}
	text[o] = '\0';
	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	if (why != NULL && cap > 0)
		snprintf(why, cap, "`%s`: %s", text, reason);
}

/* ---- words and commands ---- */

static void
word_begin(struct word *w)
{
	w->len = 0;
	w->s[0] = '\0';
	w->first_quoted = SIZE_MAX;
	w->glob = false;
}

static bool
put(struct word *w, char ch, bool quoted)
{
	if (w->len + 1 >= WORD_MAX)
		return false;
	if (quoted && w->first_quoted == SIZE_MAX)
		w->first_quoted = w->len;
	w->s[w->len++] = ch;
	w->s[w->len] = '\0';
	return true;
}

/* The reason for a refusal found while scanning: the command so far and
 * the rest of its line. */
static int
refuse(struct scan *sc, const struct cmd *c, const char *reason)
{
	size_t end = sc->i;

	while (sc->s[end] != '\0' && sc->s[end] != '\n')
		end++;
	say(sc->why, sc->cap, sc->s, c->start, end, "%s", reason);
	return SEP_REFUSED;
}

/* Ends the word being read, if any; false when there are too many. */
static bool
end_word(struct cmd *c, bool *in_word)
{
	if (!*in_word)
		return true;
	*in_word = false;
	if (c->n + 1 >= WORDS_MAX)
		return false;
	word_begin(&c->w[++c->n]);
	return true;
}

static bool
delim(char ch)
{
	return ch == '\0' || strchr(" \t\n;|&", ch) != NULL;
}

/* A > at sc->i (the word before it read as its descriptor when it is
 * one): only a copy of a descriptor (2>&1) or /dev/null writes nothing.
 * False when refused. */
static bool
redirect(struct scan *sc, struct cmd *c, bool *in_word)
{
	const char *s = sc->s;
	struct word *w = &c->w[c->n];
	size_t n;

	if (*in_word && w->first_quoted == SIZE_MAX && strspn(w->s, "0123456789") == w->len) {
		word_begin(w);                  /* 2>…: a descriptor, not an argument */
		*in_word = false;
	} else if (!end_word(c, in_word)) {
		return refuse(sc, c, "too many words to judge"), false;
	}
	sc->i++;
	if (s[sc->i] == '>' || s[sc->i] == '|')
		return refuse(sc, c, "it writes into a file (>> or >|)"), false;
	if (s[sc->i] == '&') {
		sc->i++;
		n = strspn(s + sc->i, "0123456789");
		if (n == 0 || !delim(s[sc->i + n]))
			return refuse(sc, c, "it writes into a file (>&)"), false;
		sc->i += n;
		return true;
	}
	while (s[sc->i] == ' ' || s[sc->i] == '\t')
		sc->i++;
	if (strncmp(s + sc->i, "/dev/null", 9) != 0 || !delim(s[sc->i + 9]))
		return refuse(sc, c, "it writes into a file (>)"), false;
	sc->i += 9;
	return true;
}

/* Text in double quotes from sc->i (past the opening one); false when
 * refused. */
static bool
double_quoted(struct scan *sc, struct cmd *c)
{
	const char *s = sc->s;
	struct word *w = &c->w[c->n];

	for (;;) {
		char ch = s[sc->i];

		if (ch == '\0')
			return refuse(sc, c, "a double quote is never closed"), false;
		sc->i++;
		if (ch == '"')
			return true;
		if (ch == '$' || ch == '`')
			return refuse(sc, c, "$ or ` in double quotes expands to something not "
			    "known before it runs"), false;
		if (ch == '\\' && s[sc->i] == '\n') {
			sc->i++;
			continue;
		}
		if (ch == '\\' && s[sc->i] != '\0' && strchr("$`\"\\", s[sc->i]) != NULL)
			ch = s[sc->i++];
		if (!put(w, ch, true))
			return refuse(sc, c, "a word too long to judge"), false;
	}
}

/* Reads the next command into c; returns what ended it, or SEP_REFUSED
 * with sc->why set. after_op: the last one ended with an operator that
 * wants more (|, &&, ||), so newlines and comments may come first. */
static int
next_command(struct scan *sc, struct cmd *c, bool after_op)
{
	const char *s = sc->s;
	bool in_word = false;
	size_t e;

	c->n = 0;
	word_begin(&c->w[0]);
	for (;;) {
		while (s[sc->i] == ' ' || s[sc->i] == '\t')
			sc->i++;
		if (s[sc->i] == '\\' && s[sc->i + 1] == '\n')
			sc->i += 2;
		else if (after_op && s[sc->i] == '\n')
			sc->i++;
		else if (after_op && s[sc->i] == '#')
			sc->i += strcspn(s + sc->i, "\n");
		else
			break;
	}
	c->start = sc->i;
	for (;;) {
		char ch = s[sc->i];
		struct word *w = &c->w[c->n];

		c->end = sc->i;
		switch (ch) {
		case '\0':
			if (!end_word(c, &in_word))
				return refuse(sc, c, "too many words to judge");
			return SEP_END;
		case ' ':
		case '\t':
			if (!end_word(c, &in_word))
				return refuse(sc, c, "too many words to judge");
			sc->i++;
			break;
		case '\n':
			if (!end_word(c, &in_word))
				return refuse(sc, c, "too many words to judge");
			sc->i++;
			return SEP_LINE;
		case ';':
			if (!end_word(c, &in_word))
				return refuse(sc, c, "too many words to judge");
			if (s[sc->i + 1] == ';')
				return refuse(sc, c, ";; belongs to a case this console does not read");
			sc->i++;
			return SEP_SEMI;
		case '&':
			if (!end_word(c, &in_word))
				return refuse(sc, c, "too many words to judge");
			if (s[sc->i + 1] != '&')
				return refuse(sc, c, s[sc->i + 1] == '>' ? "it writes into a file (&>)" :
				    "& runs it in the background, out of sight");
			sc->i += 2;
			return SEP_AND;
		case '|':
			if (!end_word(c, &in_word))
				return refuse(sc, c, "too many words to judge");
			if (s[sc->i + 1] == '|') {
				sc->i += 2;
				return SEP_OR;
			}
			if (s[sc->i + 1] == '&')
				return refuse(sc, c, "|& is not read here");
			sc->i++;
			return SEP_PIPE;
		case '>':
			if (!redirect(sc, c, &in_word))
				return SEP_REFUSED;
			break;
		case '<':
			return refuse(sc, c, "< redirections are not read here");
		case '$':
			return refuse(sc, c, "$ expands to something not known before it runs");
		case '`':
			return refuse(sc, c, "` runs another command first");
		case '(':
		case ')':
		case '{':
		case '}':
			return refuse(sc, c, "a subshell, group or brace expansion is not read here");
		case '!':
			return refuse(sc, c, "! is not read here");
		case '#':
			if (!in_word) {
				sc->i += strcspn(s + sc->i, "\n");
				break;
			}
			if (!put(w, ch, false))
				return refuse(sc, c, "a word too long to judge");
			sc->i++;
			break;
		case '\\':
			if (s[sc->i + 1] == '\n') {
				sc->i += 2;
				break;
			}
			if (s[sc->i + 1] == '\0')
				return refuse(sc, c, "it ends in a lone backslash");
			if (!put(w, s[sc->i + 1], true))
				return refuse(sc, c, "a word too long to judge");
			in_word = true;
			sc->i += 2;
			break;
		case '\'':
			e = sc->i + 1 + strcspn(s + sc->i + 1, "'");
			if (s[e] != '\'')
				return refuse(sc, c, "a single quote is never closed");
			for (sc->i++; sc->i < e; sc->i++)
				if (!put(w, s[sc->i], true))
					return refuse(sc, c, "a word too long to judge");
			/* '' is an empty word still. */
			if (w->first_quoted == SIZE_MAX)
				w->first_quoted = w->len;
			in_word = true;
			sc->i++;
			break;
		case '"':
			sc->i++;
			if (!double_quoted(sc, c))
				return SEP_REFUSED;
			if (w->first_quoted == SIZE_MAX)
				w->first_quoted = w->len;
			in_word = true;
			break;
		default:
			if (ch == '*' || ch == '?' || ch == '[')
				w->glob = true;
			if (!put(w, ch, false))
				return refuse(sc, c, "a word too long to judge");
			in_word = true;
			sc->i++;
			break;
		}
	}
}

/* ---- the commands known to only read ---- */

static bool
in_list(const char *s, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* NAME=value before a command, with NAME and = unquoted. */
static bool
is_assignment(const struct word *w)
{
	size_t i;

	if (!((w->s[0] >= 'A' && w->s[0] <= 'Z') || (w->s[0] >= 'a' && w->s[0] <= 'z') ||
	    w->s[0] == '_'))
		return false;
	for (i = 1; i < w->len && w->s[i] != '='; i++)
		if (!((w->s[i] >= 'A' && w->s[i] <= 'Z') || (w->s[i] >= 'a' && w->s[i] <= 'z') ||
		    (w->s[i] >= '0' && w->s[i] <= '9') || w->s[i] == '_'))
			return false;
	return i < w->len && (w->first_quoted == SIZE_MAX || w->first_quoted > i);
}

/* A variable that changes which program runs, how the shell reads, or
 * where a tool finds its configuration and plugins. */
static bool
risky_variable(const char *w)
{
	static const char *const names[] = {
		"PATH", "IFS", "ENV", "BASH_ENV", "SHELLOPTS", "BASHOPTS", "PS4", "HOME",
		"CDPATH", "GLOBIGNORE", "CURL_HOME", "XDG_CONFIG_HOME", "DOCKER_CONFIG",
		"HELM_PLUGINS", "KUBECTL_PLUGINS_PATH",
	};
	size_t n = strcspn(w, "=");
	char name[64];

	if (n >= sizeof(name))
		return true;
	memcpy(name, w, n);
	name[n] = '\0';
	return in_list(name, names, WR_ARRAY_LEN(names)) || strncmp(name, "LD_", 3) == 0 ||
	    strncmp(name, "BASH_FUNC", 9) == 0;
}

/* Past the options of table t from a[*k] up to the first operand (long
 * --x, --x=v; short -x, -xV); false with the reason when one is not
 * there or lacks its value. */
static bool
skip_opts(const char *tool, const struct word *a, size_t n, size_t *k, const struct opt *t,
    size_t nt, char *r, size_t cap)
{
	while (*k < n && a[*k].s[0] == '-' && a[*k].s[1] != '\0') {
		const char *o = a[*k].s, *eq = o[1] == '-' ? strchr(o, '=') : NULL;
		size_t ol = eq != NULL ? (size_t)(eq - o) : strlen(o), i;
		const struct opt *hit = NULL;
		bool attached = eq != NULL;

		for (i = 0; i < nt && hit == NULL; i++) {
			size_t tl = strlen(t[i].name);

			if (o[1] == '-' ? ol == tl && strncmp(o, t[i].name, tl) == 0 :
			    tl == 2 && o[1] == t[i].name[1]) {
				hit = &t[i];
				attached = attached || (o[1] != '-' && o[2] != '\0');
			}
		}
		if (hit == NULL || (!hit->arg && attached)) {
			snprintf(r, cap, "%.80s %.80s is not an option this console knows to only read", tool,
			    o);
			return false;
		}
		if (hit->arg && !attached && ++*k == n) {
			snprintf(r, cap, "%.80s %.80s lacks its value", tool, o);
			return false;
		}
		(*k)++;
	}
	return true;
}

static bool
kubectl_reads(const struct word *a, size_t n, char *r, size_t cap)
{
	static const struct opt global[] = {
		{ "-n", true }, { "--namespace", true }, { "--context", true },
		{ "--kubeconfig", true }, { "--cluster", true }, { "--user", true },
		{ "--request-timeout", true }, { "-v", true }, { "--v", true },
	};
	static const char *const reads[] = {
		"get", "describe", "logs", "top", "version", "explain", "api-resources",
		"api-versions",
	};
	static const char *const config_reads[] = { "view", "current-context", "get-contexts" };
	size_t k = 1;
	const char *sub, *next;

	if (!skip_opts("kubectl", a, n, &k, global, WR_ARRAY_LEN(global), r, cap))
		return false;
	if (k == n) {
		snprintf(r, cap, "kubectl names no command");
		return false;
	}
	sub = a[k].s;
	next = k + 1 < n ? a[k + 1].s : "";
	if (in_list(sub, reads, WR_ARRAY_LEN(reads)))
		return true;
	if (strcmp(sub, "rollout") == 0 && (strcmp(next, "status") == 0 ||
	    strcmp(next, "history") == 0))
		return true;
	if (strcmp(sub, "config") == 0 && in_list(next, config_reads, WR_ARRAY_LEN(config_reads)))
		return true;
	if (strcmp(sub, "rollout") == 0 || strcmp(sub, "config") == 0)
		snprintf(r, cap, "kubectl %.80s %.80s is not one that only reads", sub, next);
	else
		snprintf(r, cap, "kubectl %.80s is not one that only reads", sub);
	return false;
}

static bool
helm_reads(const struct word *a, size_t n, char *r, size_t cap)
{
	static const struct opt global[] = {
		{ "-n", true }, { "--namespace", true }, { "--kube-context", true },
		{ "--kubeconfig", true }, { "--debug", false },
	};
	static const char *const reads[] = { "history", "hist", "status", "list", "ls", "version" };
	static const char *const get_reads[] = {
		"all", "values", "manifest", "notes", "hooks", "metadata",
	};
	size_t k = 1;
	const char *sub, *next;

	if (!skip_opts("helm", a, n, &k, global, WR_ARRAY_LEN(global), r, cap))
		return false;
	if (k == n) {
		snprintf(r, cap, "helm names no command");
		return false;
	}
	sub = a[k].s;
	next = k + 1 < n ? a[k + 1].s : "";
	if (in_list(sub, reads, WR_ARRAY_LEN(reads)) ||
	    (strcmp(sub, "get") == 0 && in_list(next, get_reads, WR_ARRAY_LEN(get_reads))))
		return true;
	snprintf(r, cap, "helm %.80s%s%.80s is not one that only reads", sub,
	    strcmp(sub, "get") == 0 && next[0] ? " " : "", strcmp(sub, "get") == 0 ? next : "");
	return false;
}

/* docker compose (or docker-compose) from a[k]: its own options, then
 * the command. */
static bool
compose_reads(const char *tool, const struct word *a, size_t n, size_t k, char *r, size_t cap)
{
	static const struct opt global[] = {
		{ "-f", true }, { "--file", true }, { "-p", true }, { "--project-name", true },
		{ "--env-file", true }, { "--project-directory", true }, { "--profile", true },
		{ "--ansi", true }, { "--progress", true }, { "--parallel", true },
		{ "--compatibility", false },
	};
	static const char *const reads[] = { "ps", "logs", "images", "ls", "top", "version" };
	size_t j;

	if (!skip_opts(tool, a, n, &k, global, WR_ARRAY_LEN(global), r, cap))
		return false;
	if (k == n) {
		snprintf(r, cap, "%.80s names no command", tool);
		return false;
	}
	if (in_list(a[k].s, reads, WR_ARRAY_LEN(reads)))
		return true;
	if (strcmp(a[k].s, "config") == 0) {
		/* It prints the resolved file, unless told to write it. */
		for (j = k + 1; j < n; j++)
			if (strncmp(a[j].s, "--output", 8) == 0 || (a[j].s[0] == '-' &&
			    a[j].s[1] != '-' && strchr(a[j].s, 'o') != NULL)) {
				snprintf(r, cap, "%.80s config %.80s writes a file", tool, a[j].s);
				return false;
			}
		return true;
	}
	snprintf(r, cap, "%.80s %.80s is not one that only reads", tool, a[k].s);
	return false;
}

static bool
docker_reads(const struct word *a, size_t n, char *r, size_t cap)
{
	static const struct opt global[] = {
		{ "-H", true }, { "--host", true }, { "-c", true }, { "--context", true },
		{ "-l", true }, { "--log-level", true }, { "-D", false }, { "--debug", false },
	};
	static const char *const reads[] = { "ps", "logs", "inspect", "images", "version", "info" };
	size_t k = 1;

	if (!skip_opts("docker", a, n, &k, global, WR_ARRAY_LEN(global), r, cap))
		return false;
	if (k == n) {
		snprintf(r, cap, "docker names no command");
		return false;
	}
	if (in_list(a[k].s, reads, WR_ARRAY_LEN(reads)))
		return true;
	if (strcmp(a[k].s, "compose") == 0)
		return compose_reads("docker compose", a, n, k + 1, r, cap);
	snprintf(r, cap, "docker %.80s is not one that only reads", a[k].s);
	return false;
}

/* Why a curl option is not one that only reads. */
static const char *
curl_why(const char *o)
{
	static const char *const method[] = { "-X", "--request" };
	static const char *const body[] = {
		"-d", "--data", "--data-ascii", "--data-binary", "--data-raw", "--data-urlencode",
		"--json", "-F", "--form", "--form-string",
	};
	static const char *const upload[] = { "-T", "--upload-file" };
	static const char *const file[] = {
		"-o", "--output", "-O", "--remote-name", "--remote-name-all", "-D", "--dump-header",
		"-c", "--cookie-jar", "--trace", "--trace-ascii", "--libcurl", "--stderr",
		"--output-dir", "--create-dirs", "-J", "--remote-header-name",
	};

	if (in_list(o, method, WR_ARRAY_LEN(method)))
		return "sets the request method (only GET and HEAD read)";
	if (in_list(o, body, WR_ARRAY_LEN(body)))
		return "sends a body";
	if (in_list(o, upload, WR_ARRAY_LEN(upload)))
		return "uploads";
	if (in_list(o, file, WR_ARRAY_LEN(file)))
		return "writes a file on the host";
	if (strcmp(o, "-K") == 0 || strcmp(o, "--config") == 0)
		return "takes its options from a file";
	return "is not an option this console knows to only read";
}

/* An http(s) URL; a bare one curl reads as http unless its name makes
 * curl guess another protocol. */
static bool
curl_url(const char *u)
{
	static const char *const guessed[] = { "ftp.", "dict.", "ldap.", "imap.", "pop3.", "smtp." };
	const char *sep = strstr(u, "://");
	size_t i;

	if (sep != NULL)
		return (sep - u == 4 && strncasecmp(u, "http", 4) == 0) ||
		    (sep - u == 5 && strncasecmp(u, "https", 5) == 0);
	for (i = 0; i < WR_ARRAY_LEN(guessed); i++)
		if (strncasecmp(u, guessed[i], strlen(guessed[i])) == 0)
			return false;
	return true;
}

/* A header asking the server to take a GET as another method, or read
 * from a file. */
static bool
curl_header_reads(const char *h)
{
	static const char *const override[] = {
		"x-http-method-override", "x-http-method", "x-method-override",
	};
	size_t n = strcspn(h, ":"), i;

	if (h[0] == '@')
		return false;
	for (i = 0; i < WR_ARRAY_LEN(override); i++)
		if (n == strlen(override[i]) && strncasecmp(h, override[i], n) == 0)
			return false;
	return true;
}

static bool
curl_value(const char *o, const char *v, char *r, size_t cap)
{
	if ((strcmp(o, "-H") == 0 || strcmp(o, "--header") == 0) && !curl_header_reads(v)) {
		snprintf(r, cap, "curl %.80s %.80s may make the request another method", o, v);
		return false;
	}
	if (strcmp(o, "--url") == 0 && !curl_url(v)) {
		snprintf(r, cap, "curl to %.80s is not an http(s) GET", v);
		return false;
	}
	return true;
}

static bool
curl_reads(const struct word *a, size_t n, char *r, size_t cap)
{
	/* Options that only change how a GET or HEAD is made or shown. */
	static const struct opt ok[] = {
		{ "-s", false }, { "--silent", false }, { "-S", false }, { "--show-error", false },
		{ "-f", false }, { "--fail", false }, { "--fail-with-body", false },
		{ "-L", false }, { "--location", false }, { "-i", false }, { "--include", false },
		{ "-I", false }, { "--head", false }, { "-v", false }, { "--verbose", false },
		{ "-k", false }, { "--insecure", false }, { "-G", false }, { "--get", false },
		{ "-g", false }, { "--globoff", false }, { "-4", false }, { "-6", false },
		{ "--ipv4", false }, { "--ipv6", false }, { "--compressed", false },
		{ "-N", false }, { "--no-buffer", false }, { "-#", false },
		{ "--progress-bar", false }, { "--no-progress-meter", false }, { "-q", false },
		{ "--http1.1", false }, { "--http2", false }, { "--no-keepalive", false },
		{ "--path-as-is", false }, { "--raw", false }, { "--fail-early", false },
		{ "-H", true }, { "--header", true }, { "-u", true }, { "--user", true },
		{ "-m", true }, { "--max-time", true }, { "--connect-timeout", true },
		{ "-w", true }, { "--write-out", true }, { "-A", true }, { "--user-agent", true },
		{ "-e", true }, { "--referer", true }, { "-b", true }, { "--cookie", true },
		{ "--retry", true }, { "--retry-delay", true }, { "--retry-max-time", true },
		{ "--cacert", true }, { "--capath", true }, { "-E", true }, { "--cert", true },
		{ "--key", true }, { "--resolve", true }, { "--connect-to", true },
		{ "-x", true }, { "--proxy", true }, { "--noproxy", true }, { "--url", true },
		{ "--oauth2-bearer", true }, { "--max-filesize", true }, { "-r", true },
		{ "--range", true }, { "--unix-socket", true }, { "--interface", true },
	};
	bool operands = false;
	size_t j, i, p;

	for (j = 1; j < n; j++) {
		const char *o = a[j].s;

		if (operands || o[0] != '-' || o[1] == '\0') {
			if (!curl_url(o)) {
				snprintf(r, cap, "curl to %.80s is not an http(s) GET", o);
				return false;
			}
			continue;
		}
		if (strcmp(o, "--") == 0) {
			operands = true;
			continue;
		}
		/* Output thrown away writes nothing (-o /dev/null -w '%{http_code}'). */
		if ((strcmp(o, "-o") == 0 || strcmp(o, "--output") == 0) && j + 1 < n &&
		    strcmp(a[j + 1].s, "/dev/null") == 0) {
			j++;
			continue;
		}
		if (o[1] == '-') {
			for (i = 0; i < WR_ARRAY_LEN(ok) && strcmp(ok[i].name, o) != 0; i++)
				;
			if (i == WR_ARRAY_LEN(ok)) {
				snprintf(r, cap, "curl %.80s %.80s", o, curl_why(o));
				return false;
			}
			if (ok[i].arg && ++j == n) {
				snprintf(r, cap, "curl %.80s lacks its value", o);
				return false;
			}
			if (ok[i].arg && !curl_value(o, a[j].s, r, cap))
				return false;
			continue;
		}
		/* -sSfL, -XPOST, -H'…': letters until one that takes a value. */
		for (p = 1; o[p] != '\0'; p++) {
			char one[3] = { '-', o[p], '\0' };

			if (o[p] == 'o' && strcmp(o + p + 1, "/dev/null") == 0)
				break;
			if (o[p] == 'o' && o[p + 1] == '\0' && j + 1 < n &&
			    strcmp(a[j + 1].s, "/dev/null") == 0) {
				j++;
				break;
			}
			for (i = 0; i < WR_ARRAY_LEN(ok) && strcmp(ok[i].name, one) != 0; i++)
				;
			if (i == WR_ARRAY_LEN(ok)) {
				snprintf(r, cap, "curl %.80s %.80s", one, curl_why(one));
				return false;
			}
			if (!ok[i].arg)
				continue;
			if (o[p + 1] == '\0' && ++j == n) {
				snprintf(r, cap, "curl %.80s lacks its value", one);
				return false;
			}
			if (!curl_value(one, o[p + 1] != '\0' ? o + p + 1 : a[j].s, r, cap))
				return false;
			break;
		}
	}
	return true;
}

/* date prints; given a time to set (-s, or MMDDhhmm) it sets the clock. */
static bool
date_reads(const struct word *a, size_t n, char *r, size_t cap)
{
	static const char *const flags[] = { "-u", "--utc", "--universal", "-R", "--rfc-email" };
	size_t j;

	for (j = 1; j < n; j++) {
		const char *o = a[j].s;

		if (o[0] == '+' || in_list(o, flags, WR_ARRAY_LEN(flags)) ||
		    strncmp(o, "-I", 2) == 0 || strncmp(o, "--iso-8601", 10) == 0 ||
		    strncmp(o, "--rfc-3339=", 11) == 0 || strncmp(o, "--date=", 7) == 0 ||
		    strncmp(o, "--reference=", 12) == 0)
			continue;
		if ((strcmp(o, "-d") == 0 || strcmp(o, "--date") == 0 || strcmp(o, "-r") == 0 ||
		    strcmp(o, "--reference") == 0) && j + 1 < n) {
			j++;
			continue;
		}
		snprintf(r, cap, "date %.80s may set the clock", o);
		return false;
	}
	return true;
}

/* set with shell options only (set -euo pipefail): the script's own. */
static bool
set_reads(const struct word *a, size_t n, char *r, size_t cap)
{
	static const char *const names[] = { "pipefail", "errexit", "nounset", "xtrace", "verbose" };
	size_t j;

	for (j = 1; j < n; j++) {
		const char *o = a[j].s;

		if (in_list(o, names, WR_ARRAY_LEN(names)) || ((o[0] == '-' || o[0] == '+') &&
		    o[1] != '\0' && strspn(o + 1, "euxvo") == strlen(o + 1)))
			continue;
		snprintf(r, cap, "set %.80s is not a shell option this console knows", o);
		return false;
	}
	return true;
}

/* Tools that never write whatever their arguments (globs allowed). */
static const char *const plain[] = {
	"cat", "grep", "tail", "head", "ls", "wc", "jq", "echo", "pwd", "true",
};

/* Does the command a[0..n-1] (assignments before it gone) only read? */
static bool
command_reads(const struct word *a, size_t n, char *r, size_t cap)
{
	const char *name = a[0].s;
	size_t j;

	if (strcmp(name, "sudo") == 0 || strcmp(name, "doas") == 0 || strcmp(name, "su") == 0) {
		snprintf(r, cap, "%.80s runs it as another user", name);
		return false;
	}
	if (in_list(name, plain, WR_ARRAY_LEN(plain)))
		return true;
	/* A file name a glob finds could be read as an option. */
	for (j = 1; j < n; j++)
		if (a[j].glob) {
			snprintf(r, cap, "%.80s expands to file names before it runs", a[j].s);
			return false;
		}
	if (strcmp(name, "kubectl") == 0)
		return kubectl_reads(a, n, r, cap);
	if (strcmp(name, "helm") == 0)
		return helm_reads(a, n, r, cap);
	if (strcmp(name, "docker") == 0)
		return docker_reads(a, n, r, cap);
	if (strcmp(name, "docker-compose") == 0)
		return compose_reads("docker-compose", a, n, 1, r, cap);
	if (strcmp(name, "curl") == 0)
		return curl_reads(a, n, r, cap);
	if (strcmp(name, "date") == 0)
		return date_reads(a, n, r, cap);
	if (strcmp(name, "set") == 0)
		return set_reads(a, n, r, cap);
	/* The script's own: where it runs, when it stops. */
	if ((strcmp(name, "cd") == 0 || strcmp(name, "exit") == 0) && n <= 2)
		return true;
	if (strcmp(name, "sleep") == 0 && n == 2 && strspn(a[1].s, "0123456789.smhd") == a[1].len)
		return true;
	snprintf(r, cap, "%.80s is not a command this console knows to only read", name);
	return false;
}

/* The command c, assignments and all. */
static bool
judge(const struct cmd *c, char *r, size_t cap)
{
	size_t k;

	for (k = 0; k < c->n && is_assignment(&c->w[k]); k++)
		if (risky_variable(c->w[k].s)) {
			snprintf(r, cap, "it sets %.*s, which changes what runs or how",
			    (int)strcspn(c->w[k].s, "="), c->w[k].s);
			return false;
		}
	if (k == c->n) {
		snprintf(r, cap, "it sets a shell variable for what follows");
		return false;
	}
	return command_reads(&c->w[k], c->n - k, r, cap);
}

bool
shellread_script(const char *script, char *why, size_t cap)
{
	struct scan sc = { .s = script, .i = 0, .why = why, .cap = cap };
	struct cmd *c = xmalloc(sizeof(*c));
	char reason[400];
	size_t ncmds = 0, from = 0;
	bool after_op = false, ok = true;
	int sep;

	if (why != NULL && cap > 0)
		why[0] = '\0';
	for (;;) {
		sep = next_command(&sc, c, after_op);
		if (sep == SEP_REFUSED) {
			ok = false;
			break;
		}
		if (c->n == 0 && (after_op || sep == SEP_SEMI || sep == SEP_AND || sep == SEP_OR ||
		    sep == SEP_PIPE)) {
			/* From the command before it, which the operator follows. */
			say(why, cap, script, from, sc.i, "an operator with no command on one side");
			ok = false;
			break;
		}
		if (c->n > 0) {
			if (!judge(c, reason, sizeof(reason))) {
				say(why, cap, script, c->start, c->end, "%s", reason);
				ok = false;
				break;
			}
			ncmds++;
			from = c->start;
		}
		if (sep == SEP_END)
			break;
		after_op = sep == SEP_AND || sep == SEP_OR || sep == SEP_PIPE;
	}
	free(c);
	if (ok && ncmds == 0) {
		if (why != NULL && cap > 0)
			snprintf(why, cap, "no command in it");
		ok = false;
	}
	return ok;
}
