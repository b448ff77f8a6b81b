/*
 * runbook_bind.c — `warroom` blocks: explicit bindings of steps to actions.
 *
 *   ```warroom
 *   rollback service=api to=last-good
 *   killswitch export off
 *   statuspage update status=identified message="Rolling back api"
 *   smoke url=/readyz expect=200
 *   ```
 *
 * Each line is a verb, its positional words and key=value pairs (values
 * may be "double" or 'single' quoted). The grammar of every verb is one
 * table below; anything it does not allow is an error with the line, since
 * a binding is the author's explicit intent and must never be half-read.
 * runbook_work_of() lists what x runs for a step: every binding, in order,
 * and its shell commands; runbook_work_errors() what of it did not read,
 * and runbook_work_refusal() why x then runs none of it.
 */
#include "warroom/runbook.h"
#include "warroom/sha256.h"
#include "warroom/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum val_type {
	V_NAME,          /* service, host, namespace: [A-Za-z0-9._/-] */
	V_TAG,           /* image tag or last-good / previous, or <name> */
	V_INT,           /* revision: 1…, or <name> */
	V_STATUS,        /* HTTP status 100–599 */
	V_TEXT,          /* any non-empty text */
	V_URL,           /* http(s)://… or /path */
	V_ENUM,          /* one of .choices */
};

struct key_spec {
	const char *key;
	enum val_type type;
	bool required;
	const char *choices;   /* V_ENUM: space separated */
};

#define KEYS_MAX 8
#define POS_MAX 2

struct verb_spec {
	const char *verb;
	enum runbook_action_kind kind;
	struct key_spec pos[POS_MAX];   /* positional words, in order */
	struct key_spec keys[KEYS_MAX];
};

static const char incident_status[] = "investigating identified monitoring resolved";

static const struct verb_spec verbs[] = {
	{ "rollback", RUNBOOK_ACT_ROLLBACK, { { NULL, 0, 0, NULL } }, {
		{ "service", V_NAME, true, NULL },
		{ "to", V_TAG, false, NULL },
		{ "host", V_NAME, false, NULL },
		{ "namespace", V_NAME, false, NULL },
		{ "revision", V_INT, false, NULL },
		{ "driver", V_ENUM, false, "compose k8s helm" },
	} },
	{ "killswitch", RUNBOOK_ACT_KILLSWITCH, {
		{ "switch", V_NAME, true, NULL },
		{ "state", V_ENUM, true, "on off" },
	}, {
		{ "service", V_NAME, false, NULL },
		{ "host", V_NAME, false, NULL },
	} },
	{ "statuspage", RUNBOOK_ACT_STATUSPAGE, {
		{ "op", V_ENUM, true, "create update resolve" },
	}, {
		{ "status", V_ENUM, false, incident_status },
		{ "impact", V_ENUM, false, "none minor major critical" },
		{ "name", V_TEXT, false, NULL },
		{ "message", V_TEXT, false, NULL },
	} },
	{ "smoke", RUNBOOK_ACT_SMOKE, { { NULL, 0, 0, NULL } }, {
		{ "url", V_URL, true, NULL },
		{ "expect", V_STATUS, false, NULL },
		{ "host", V_NAME, false, NULL },
		{ "service", V_NAME, false, NULL },
	} },
	{ "announce", RUNBOOK_ACT_ANNOUNCE, { { NULL, 0, 0, NULL } }, {
		{ "message", V_TEXT, true, NULL },
		{ "channel", V_NAME, false, NULL },
	} },
};

static bool
in_choices(const char *v, const char *choices)
{
	size_t n = strlen(v);
	const char *p = choices;

	while (*p != '\0') {
		size_t w = strcspn(p, " ");

		if (w == n && strncmp(p, v, n) == 0)
			return true;
		p += w;
		while (*p == ' ')
			p++;
	}
	return false;
}

/* Is v a whole <name> placeholder (a letter, then letters, digits and
 * _.:/-, as in shell blocks)? */
bool
runbook_is_angle(const char *v)
{
	size_t n = strlen(v), i;

	if (n < 3 || n > 66 || v[0] != '<' || v[n - 1] != '>' || !isalpha((unsigned char)v[1]))
		return false;
	for (i = 2; i < n - 1; i++)
		if (!isalnum((unsigned char)v[i]) && strchr("_.:/-", v[i]) == NULL)
			return false;
	return true;
}

/* NULL when v fits; else what was expected. */
static const char *
check_value(const struct key_spec *k, const char *v)
{
	size_t i;
	char *end;
	long n;

	if (*v == '\0')
		return "a value";
	/* The tag or revision asked for when x runs it: never guessed. */
	if ((k->type == V_TAG || k->type == V_INT) && runbook_is_angle(v))
		return NULL;
	switch (k->type) {
	case V_NAME:
	case V_TAG:
		if (strlen(v) > 128)
			return "at most 128 bytes";
		for (i = 0; v[i] != '\0'; i++)
			if (!(isalnum((unsigned char)v[i]) || strchr(k->type == V_NAME ?
			    "._/-" : "._-", v[i]) != NULL))
				return k->type == V_NAME ?
				    "a name of letters, digits, '.', '_', '/' and '-'" :
				    "an image tag, last-good, previous or a <placeholder>";
		return NULL;
	case V_INT:
	case V_STATUS:
		n = strtol(v, &end, 10);
		if (!isdigit((unsigned char)v[0]) || *end != '\0')
			return k->type == V_INT ? "a revision number or a <placeholder>" :
			    "an HTTP status";
		if (k->type == V_INT && n < 1)
			return "a revision number from 1";
		if (k->type == V_STATUS && (n < 100 || n > 599))
			return "an HTTP status from 100 to 599";
		return NULL;
	case V_TEXT:
		return NULL;
	case V_URL:
		if (strncmp(v, "http://", 7) != 0 && strncmp(v, "https://", 8) != 0 &&
		    v[0] != '/')
			return "an http:// or https:// URL, or a /path on the service";
		if (strpbrk(v, " \t") != NULL)
			return "a URL without spaces";
		return NULL;
	case V_ENUM:
		return in_choices(v, k->choices) ? NULL : k->choices;
	}
	return "a value";
}

/* Split one line into words; a word's quotes are removed. Returns -1 and
 * fills *why on an unterminated quote. */
static int
split_words(const char *s, size_t n, char ***out, size_t *nout, const char **why)
{
	size_t i = 0;

	*out = NULL;
	*nout = 0;
	while (i < n) {
		char *w;
		size_t o = 0;

		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
			i++;
		if (i >= n)
			break;
		w = xmalloc(n - i + 1);
		while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\r') {
			char q = s[i];

			if (q == '"' || q == '\'') {
				for (i++; i < n && s[i] != q; i++) {
					if (q == '"' && s[i] == '\\' && i + 1 < n)
						i++;
					w[o++] = s[i];
				}
				if (i >= n) {
					free(w);
					while (*nout > 0)
						free((*out)[--*nout]);
					free(*out);
					*out = NULL;
					*why = "unterminated quote";
					return -1;
				}
				i++;
			} else {
				w[o++] = s[i++];
			}
		}
		w[o] = '\0';
		*out = runbook_grow(*out, *nout, sizeof(**out));
		(*out)[(*nout)++] = w;
	}
	return 0;
}

static const struct verb_spec *
find_verb(const char *v)
{
	size_t i;

	for (i = 0; i < WR_ARRAY_LEN(verbs); i++)
		if (strcmp(verbs[i].verb, v) == 0)
			return &verbs[i];
	return NULL;
}

static void
unknown_verb(struct runbook *rb, int line, const char *v)
{
	const char *best = NULL;
	size_t i, d, bestd = 3;

	for (i = 0; i < WR_ARRAY_LEN(verbs); i++)
		if ((d = wr_name_distance(v, verbs[i].verb)) < bestd) {
			bestd = d;
			best = verbs[i].verb;
		}
	if (best != NULL)
		runbook_diag(rb, RUNBOOK_ERROR, line,
		    "warroom: unknown action '%s' (did you mean '%s'?)", v, best);
	else
		runbook_diag(rb, RUNBOOK_ERROR, line, "warroom: unknown action '%s' "
		    "(known: rollback, killswitch, statuspage, smoke, announce)", v);
}

static const struct key_spec *
find_key(const struct verb_spec *vs, const char *key, size_t klen)
{
	size_t i;

	for (i = 0; i < KEYS_MAX && vs->keys[i].key != NULL; i++)
		if (strlen(vs->keys[i].key) == klen &&
		    strncmp(vs->keys[i].key, key, klen) == 0)
			return &vs->keys[i];
	return NULL;
}

static void
unknown_key(struct runbook *rb, int line, const struct verb_spec *vs,
    const char *key)
{
	const char *best = NULL;
	size_t i, d, bestd = 3;

	for (i = 0; i < KEYS_MAX && vs->keys[i].key != NULL; i++)
		if ((d = wr_name_distance(key, vs->keys[i].key)) < bestd) {
			bestd = d;
			best = vs->keys[i].key;
		}
	if (best != NULL)
		runbook_diag(rb, RUNBOOK_ERROR, line,
		    "warroom: %s: unknown key '%s' (did you mean '%s'?)", vs->verb, key,
		    best);
	else
		runbook_diag(rb, RUNBOOK_ERROR, line, "warroom: %s: unknown key '%s'",
		    vs->verb, key);
}

/* A post's or announcement's message= is filled as a [templates] text is
 * (statuspage_template): a {word} it does not know would go out as
 * written, braces and all, so each is an error worded as warroom.conf's.
 * Returns whether there was one. */
static bool
message_fields(struct runbook *rb, int line, const struct verb_spec *vs,
    const struct key_spec *ks, const char *v)
{
	char why[WR_ERR_MAX];
	bool bad = false;
	const char *p;
	size_t n;

	if (strcmp(ks->key, "message") != 0)
		return false;
	for (p = v; (p = strchr(p, '<')) != NULL; p++) {
		/* A command's <PLACEHOLDER> is never asked for in a message:
		 * it would be posted as written ("back on <GOOD_TAG>"). */
		n = strspn(p + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
		if (n > 0 && p[1 + n] == '>' && isalpha((unsigned char)p[1]))
			runbook_diag(rb, RUNBOOK_WARNING, line, "warroom: %s: message: %.*s is posted "
			    "as written (a message is not asked for placeholders; it is filled "
			    "from {fields}, such as {to_tag})", vs->verb, (int)n + 2, p);
	}
	while (config_placeholder_unknown(WR_PLACEHOLDERS_TEMPLATE, &v, why, sizeof(why))) {
		runbook_diag(rb, RUNBOOK_ERROR, line, "warroom: %s: message: %s", vs->verb, why);
		bad = true;
	}
	return bad;
}

/* Read one line; returns true and fills a when it had no error. */
static bool
bind_line(struct runbook *rb, int line, char **w, size_t nw,
    struct runbook_action *a)
{
	const struct verb_spec *vs = find_verb(w[0]);
	const struct key_spec *ks;
	const char *why, *eq;
	size_t i, npos = 0, errs = rb->nerrors;
	unsigned given = 0;     /* keys seen, good or bad: bit per vs->keys[] */

	if (vs == NULL) {
		unknown_verb(rb, line, w[0]);
		return false;
	}
	a->kind = vs->kind;
	for (i = 1; i < nw; i++) {
		if ((eq = strchr(w[i], '=')) == NULL) {
			if (npos >= POS_MAX || vs->pos[npos].key == NULL) {
				runbook_diag(rb, RUNBOOK_ERROR, line,
				    "warroom: %s: unexpected word '%s' (expected key=value)",
				    vs->verb, w[i]);
				continue;
			}
			ks = &vs->pos[npos++];
			if ((why = check_value(ks, w[i])) != NULL)
				runbook_diag(rb, RUNBOOK_ERROR, line,
				    "warroom: %s: bad %s '%s' (expected %s)", vs->verb, ks->key,
				    w[i], why);
			else
				runbook_action_add(a, ks->key, w[i]);
			continue;
		}
		if ((ks = find_key(vs, w[i], (size_t)(eq - w[i]))) == NULL) {
			char key[64];

			snprintf(key, sizeof(key), "%.*s", (int)(eq - w[i]), w[i]);
			if (vs->kind == RUNBOOK_ACT_STATUSPAGE &&
			    strncmp(key, "component", 9) == 0)
				/* Once read and dropped: said, so no one counts on it. */
				runbook_diag(rb, RUNBOOK_ERROR, line, "warroom: statuspage: %s= is "
				    "not supported (affected components come from [statuspage] "
				    "components in the config)", key);
			else
				unknown_key(rb, line, vs, key);
			continue;
		}
		if (given & (1u << (ks - vs->keys))) {
			runbook_diag(rb, RUNBOOK_ERROR, line, "warroom: %s: '%s' given twice",
			    vs->verb, ks->key);
			continue;
		}
		given |= 1u << (ks - vs->keys);
		if ((why = check_value(ks, eq + 1)) != NULL)
			runbook_diag(rb, RUNBOOK_ERROR, line,
			    "warroom: %s: bad %s '%s' (expected %s)", vs->verb, ks->key,
			    eq + 1, why);
		else if (!message_fields(rb, line, vs, ks, eq + 1))
			runbook_action_add(a, ks->key, eq + 1);
	}
	for (i = 0; i < POS_MAX && vs->pos[i].key != NULL; i++)
		if (i >= npos)
			runbook_diag(rb, RUNBOOK_ERROR, line, "warroom: %s: missing %s",
			    vs->verb, vs->pos[i].key);
	for (i = 0; i < KEYS_MAX && vs->keys[i].key != NULL; i++)
		if (vs->keys[i].required && !(given & (1u << i)))
			runbook_diag(rb, RUNBOOK_ERROR, line, "warroom: %s: missing %s=",
			    vs->verb, vs->keys[i].key);
	/* The console drives one switch: a binding for another would be
	 * refused during the incident, so it is refused here, in CI. */
	if (vs->kind == RUNBOOK_ACT_KILLSWITCH && rb->nerrors == errs &&
	    !runbook_is_export_switch(runbook_action_arg(a, "switch")))
		runbook_diag(rb, RUNBOOK_ERROR, line, "warroom: killswitch: warroom's kill "
		    "switch is EXPORT_MODE (killswitch export on|off); this line names '%s'",
		    runbook_action_arg(a, "switch"));
	/* A status page post needs to say what the status is. */
	if (vs->kind == RUNBOOK_ACT_STATUSPAGE && rb->nerrors == errs) {
		const char *op = runbook_action_arg(a, "op");

		if (op != NULL && strcmp(op, "resolve") != 0 &&
		    runbook_action_arg(a, "status") == NULL)
			runbook_diag(rb, RUNBOOK_ERROR, line,
			    "warroom: statuspage %s: missing status=", op);
		if (op != NULL && strcmp(op, "create") == 0 &&
		    runbook_action_arg(a, "name") == NULL)
			runbook_diag(rb, RUNBOOK_ERROR, line,
			    "warroom: statuspage create: missing name=");
		/* The title is the create's: an update never renames it. */
		if (op != NULL && strcmp(op, "create") != 0 &&
		    runbook_action_arg(a, "name") != NULL)
			runbook_diag(rb, RUNBOOK_ERROR, line,
			    "warroom: statuspage %s: name= titles a new incident (statuspage "
			    "create); an update keeps the title it was created with", op);
	}
	return rb->nerrors == errs;
}

bool
runbook_is_export_switch(const char *name)
{
	return name != NULL && (strcasecmp(name, "export") == 0 ||
	    strcasecmp(name, "export_mode") == 0 || strcasecmp(name, "exports") == 0);
}

void
runbook_bind_scan(struct runbook *rb, struct runbook_block *b)
{
	size_t i = 0, k;
	int line = b->first_line;

	while (i < b->len) {
		size_t e = i, s;
		char **w = NULL;
		size_t nw = 0;
		const char *why = NULL;
		struct runbook_action a = { 0 };

		while (e < b->len && b->text[e] != '\n')
			e++;
		s = i;
		while (s < e && (b->text[s] == ' ' || b->text[s] == '\t'))
			s++;
		if (s < e && b->text[s] != '#') {
			if (split_words(b->text + s, e - s, &w, &nw, &why) != 0) {
				runbook_diag(rb, RUNBOOK_ERROR, line, "warroom: %s", why);
			} else if (nw > 0) {
				if (bind_line(rb, line, w, nw, &a)) {
					b->binds = runbook_grow(b->binds, b->nbinds,
					    sizeof(*b->binds));
					b->binds[b->nbinds].line = line;
					b->binds[b->nbinds].action = a;
					b->nbinds++;
				} else {
					runbook_action_free(&a);
				}
			}
			for (k = 0; k < nw; k++)
				free(w[k]);
			free(w);
		}
		line++;
		i = e + 1;
	}
}

size_t
runbook_work_of(const struct runbook *rb, size_t section, size_t step,
    struct runbook_work *out, size_t cap)
{
	size_t b, k, n = 0;
	bool shell = false;

	for (b = 0; b < rb->nblocks; b++) {
		const struct runbook_block *blk = &rb->blocks[b];

		if (blk->step != step || (step == WR_RUNBOOK_NONE && blk->section != section))
			continue;
		if (blk->kind == RUNBOOK_BLOCK_SHELL && blk->ncmds > 0 && !shell) {
			shell = true;
			if (n < cap)
				out[n] = (struct runbook_work){ NULL, blk->line };
			n++;
		}
		for (k = 0; k < blk->nbinds; k++, n++)
			if (n < cap)
				out[n] = (struct runbook_work){ &blk->binds[k].action,
				    blk->binds[k].line };
	}
	return n;
}

/* One item of a step's work in x's words. A binding without host= acts
 * on the HOSTS row's host, as the shell commands do. */
static void
work_item_words(const struct runbook_work *w, bool first, char *buf, size_t cap)
{
	const struct runbook_action *a = w->bind;
	const char *host, *svc;
	char on[300];

	if (a == NULL) {
		/* "them": the commands the overlay lists above this line. */
		snprintf(buf, cap, "runs %s on the HOSTS host, asking for each placeholder",
		    first ? "them" : "the commands");
		return;
	}
	host = runbook_action_arg(a, "host");
	snprintf(on, sizeof(on), "%s%s", host != NULL ? "" : "the HOSTS host",
	    host != NULL ? host : "");
	svc = runbook_action_arg(a, "service");
	switch (a->kind) {
	case RUNBOOK_ACT_ROLLBACK:
		snprintf(buf, cap, "rolls %s back on %s with the built-in rollback",
		    svc != NULL ? svc : "the service", on);
		break;
	case RUNBOOK_ACT_KILLSWITCH:
		snprintf(buf, cap, "turns the %s switch %s on %s",
		    runbook_action_arg(a, "switch") ? runbook_action_arg(a, "switch") : "kill",
		    runbook_action_arg(a, "state") ? runbook_action_arg(a, "state") : "", on);
		break;
	case RUNBOOK_ACT_STATUSPAGE:
		wr_strlcpy(buf, "posts to the status page", cap);
		break;
	case RUNBOOK_ACT_ANNOUNCE:
		wr_strlcpy(buf, "announces in the chat", cap);
		break;
	case RUNBOOK_ACT_SMOKE:
		snprintf(buf, cap, "smoke-checks %s on %s", runbook_action_arg(a, "url") ?
		    runbook_action_arg(a, "url") : "its URL", on);
		break;
	default:
		snprintf(buf, cap, "runs %s", runbook_action_name(a->kind));
		break;
	}
}

void
runbook_work_words(const struct runbook *rb, size_t section, size_t step, char *buf,
    size_t cap)
{
	struct runbook_work w[16];
	char item[400];
	size_t n, i, len;

	if (cap == 0)
		return;
	buf[0] = '\0';
	n = runbook_work_of(rb, section, step, w, WR_ARRAY_LEN(w));
	for (i = 0; i < n && i < WR_ARRAY_LEN(w); i++) {
		work_item_words(&w[i], i == 0, item, sizeof(item));
		len = strlen(buf);
		snprintf(buf + len, cap - len, "%s%s", i == 0 ? "x " : ", then ", item);
	}
	if (n > WR_ARRAY_LEN(w)) {
		len = strlen(buf);
		snprintf(buf + len, cap - len, ", and %zu more", n - WR_ARRAY_LEN(w));
	}
	if (n > 0) {
		len = strlen(buf);
		snprintf(buf + len, cap - len, ".");
	}
}

void
runbook_work_code(const struct runbook *rb, size_t section, size_t step,
    char out[WR_RUNBOOK_CODE_LEN + 1])
{
	unsigned char sum[32];
	char *buf = NULL;
	size_t b, len = 0, cap = 0, i, e, end;

	for (b = 0; b < rb->nblocks; b++) {
		const struct runbook_block *blk = &rb->blocks[b];

		if (blk->step != step || (step == WR_RUNBOOK_NONE && blk->section != section) ||
		    (blk->kind != RUNBOOK_BLOCK_SHELL && blk->kind != RUNBOOK_BLOCK_WARROOM))
			continue;
		/* Each block's kind and lines; a blank added or trailing spaces
		 * trimmed change nothing that runs. */
		if (cap < len + blk->len + 4) {
			cap = (len + blk->len + 4) * 2;
			buf = xrealloc(buf, cap);
		}
		buf[len++] = blk->kind == RUNBOOK_BLOCK_SHELL ? 'S' : 'W';
		for (i = 0; i < blk->len; i = e + 1) {
			for (e = i; e < blk->len && blk->text[e] != '\n'; e++)
				;
			for (end = e; end > i && isspace((unsigned char)blk->text[end - 1]); end--)
				;
			if (end == i)
				continue;
			memcpy(buf + len, blk->text + i, end - i);
			len += end - i;
			buf[len++] = '\n';
		}
		buf[len++] = '\0';
	}
	sha256(buf != NULL ? buf : "", len, sum);
	free(buf);
	for (i = 0; i < WR_RUNBOOK_CODE_LEN / 2; i++)
		snprintf(out + 2 * i, 3, "%02x", sum[i]);
}

bool
runbook_diag_in_work(const struct runbook *rb, const struct runbook_diag *d, size_t section,
    size_t step)
{
	size_t b;

	for (b = 0; b < rb->nblocks; b++) {
		const struct runbook_block *blk = &rb->blocks[b];
		/* A fenced block ends at its closing fence, after its content. */
		int last = blk->first_line + blk->nlines - (blk->fenced ? 0 : 1);

		if (blk->step != step || (step == WR_RUNBOOK_NONE && blk->section != section))
			continue;
		if (d->line >= blk->line && d->line <= last)
			return true;
	}
	return false;
}

size_t
runbook_work_errors(const struct runbook *rb, size_t section, size_t step,
    const struct runbook_diag **first)
{
	size_t k, n = 0;

	if (first != NULL)
		*first = NULL;
	for (k = 0; k < rb->ndiags; k++) {
		if (rb->diags[k].severity != RUNBOOK_ERROR ||
		    !runbook_diag_in_work(rb, &rb->diags[k], section, step))
			continue;
		if (n++ == 0 && first != NULL)
			*first = &rb->diags[k];
	}
	return n;
}

size_t
runbook_work_refusal(const struct runbook *rb, size_t section, size_t step, char *buf,
    size_t cap)
{
	const struct runbook_diag *bad;
	size_t n = runbook_work_errors(rb, section, step, &bad);
	char more[64] = "";

	if (cap > 0)
		buf[0] = '\0';
	if (n == 0 || cap == 0)
		return n;
	if (n > 1)
		snprintf(more, sizeof(more), " (and %zu more)", n - 1);
	snprintf(buf, cap, "%s:%d: %s%s \xe2\x80\x94 fix the runbook; nothing ran", rb->name,
	    bad->line, bad->msg, more);
	return n;
}
