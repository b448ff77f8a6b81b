/*
 * export.c — records to a Markdown post-mortem draft or a JSON document.
 *
 * One pass over the records builds a summary (key times, actions by op,
 * checklist); the renderers then print it. Every string that leaves goes
 * through the redactor once more — the journal is already redacted, but a
 * secret registered after a record was written must not leak through an
 * export either. Markdown text is escaped so that a `|` in a note cannot
 * split a table row. JSON keys are added in a fixed order, so the output
 * is stable byte for byte.
 */
#include "warroom/export.h"
#include "warroom/badrel.h"
#include "warroom/cause.h"
#include "warroom/connrec.h"
#include "warroom/contain.h"
#include "warroom/decide.h"
#include "warroom/deployby.h"
#include "warroom/envmark.h"
#include "warroom/flapfold.h"
#include "warroom/spfold.h"
#include "warroom/latedone.h"
#include "warroom/fleetchain.h"
#include "warroom/healthrec.h"
#include "warroom/pollrec.h"
#include "warroom/rbkey.h"
#include "warroom/rbplace.h"
#include "warroom/runbook.h"
#include "warroom/runbook_route.h"
#include "warroom/sanitize.h"
#include "warroom/sessions.h"
#include "warroom/sshcfg.h"
#include "warroom/statuspage_req.h"
#include "warroom/stepran.h"
#include "warroom/unsettled.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NO_TIME INT64_MIN
#define CELL_MAX 200
#define TIME_MAX 112            /* "YYYY-MM-DD HH:MM:SS ABBR (YYYY-MM-DD HH:MM:SS UTC)" */

struct pm_action {
	const struct record *intent;
	const struct record *end;       /* action.end or a later action.reconcile */
	const struct record *was;       /* the action.end (UNKNOWN) a reconcile settled */
	const struct record *reread;    /* the last action.reconcile saying unknown:
	                                   what a re-read found, settling nothing */
	int running;                    /* no end: 1 its console still runs, 2 it is
	                                   the one exporting (export_opts.running) */
	const char *unstored;           /* its console keeps records of it the journal
	                                   could not store: its kept end's outcome,
	                                   or ""; NULL: none (export_running) */
	const struct record **outs;     /* its action.output records, in order */
	size_t nouts;
	enum rb_kind {
		RB_NONE,                /* no rollback */
		RB_BUILTIN,             /* a built-in rollback (data.action says so) */
		RB_COMMAND,             /* a runbook command holding one, as x tells
		                           them (runbook_route_script_change) */
	} rb;
	char rb_cmd[64];                /* RB_COMMAND: that command, cut */
	const struct record_damage *hidden; /* outcome not known, and a damaged line
	                                       after its last record may hold it */
};

struct pm_step {
	const char *step, *title;
	const char *section;            /* runbook.load's data.steps[].section: the
	                                   title of the section it is in; NULL: none
	                                   recorded (before any heading, or older) */
	size_t rb;                      /* index into pm->rbs: the runbook it belongs to */
	bool done;                      /* ticked during the incident (a step.check) */
	int64_t ticked_at;              /* the step.check that ticked it last; NO_TIME */
	bool preticked;                 /* "- [x]" in the runbook file, and no record since */
	const struct record *ran;       /* the last thing x ran from it: an action's
	                                   intent, a status-page post's queue record, a
	                                   smoke check or a chat announcement; NULL: none */
	const char *code;               /* what it runs as last loaded (runbook.load's
	                                   steps[].code); NULL: not said */
	const cJSON *acts;              /* runbook.load's steps[].acts: the built-in
	                                   actions its blocks bind; NULL: none said */
	const struct pm_action *ran_ok; /* not ticked, but its own work ran OK: x
	                                   from it, or a built-in action of a kind it
	                                   binds on its host; NULL: neither */
	const struct pm_action *ran_bad; /* not ticked, and the last built-in
	                                   action it binds ended FAILED or UNKNOWN:
	                                   still to do (step_ran_ok); NULL: not so */
	const struct pm_action *ok_before; /* with ran_bad: the last one before it
	                                   that ran OK, lest a reader think none
	                                   ever did; NULL: none */
};

/* Op ids and step ids to their index: exports of 100k-record incidents
 * must not look them up linearly. Open addressing, at most half full:
 * it doubles as keys come (a runbook's steps can outnumber the records). */
struct strmap {
	const char **keys;
	size_t *vals;
	size_t mask;
	size_t n;
};

/* One host (and service, where the record names one) as its verdict.change
 * records leave it: bad from CONSIDER/ROLLBACK until OK/MONITOR. */
struct pm_key {
	char *id;                       /* "host" or "host/service" (owned) */
	const char *host, *service;     /* service NULL: the record named none */
	const char *verdict;            /* the last verdict recorded */
	const char *bad;                /* the bad verdict it is in; NULL: not bad */
	const char *spared;             /* … or the one of a turn charged to no
	                                   release (badrel: its own fault), kept
	                                   apart from the recovery; NULL: none */
	uint64_t seq;                   /* the record of that last verdict */
	int64_t back_calm;              /* back from bad at a NO DATA of a host
	                                   without metrics (restarts calm) then,
	                                   not seen OK since; NO_TIME: not so */
};

/* The text of a status-page post lives in its statuspage.queue record
 * (data.update); statuspage.post, .failed and .retry (same op, the queue
 * id) only say how sending it went. */
struct sp_post {
	const struct record *queue;     /* NULL: a post whose queue record is missing */
	const struct record *end;       /* statuspage.post or .failed; NULL: pending */
	const struct record *retry;     /* the last statuspage.retry before the end */
	const struct record *sent;      /* its first statuspage.sent (a try left) */
	const struct record *takeover;  /* the last statuspage.takeover of it: who
	                                   sent it after its console was gone */
	struct spfold_run tries;        /* its tries and refusals before its end
	                                   (first, last: unused) */
	const struct record *first_fail; /* its first statuspage.retry */
};

/* One of B's fleet rollbacks as its chain.end has (or would have) it:
 * data.summary, data.fleet (service, from, to), data.hosts (host,
 * outcome, why). Both renderings read it, so they say the same. */
struct pm_chain {
	cJSON *own;                     /* rebuilt from chain.start and what followed */
	const cJSON *data;              /* own, or a chain.end from before chain.start */
	bool interrupted;               /* no chain.end: a console stopped mid-chain */
	const struct record *rec;       /* its chain.start, or its own chain.end */
	const struct record_damage *hidden; /* interrupted, and a damaged line after
	                                       its start may hold its chain.end */
};

/* A key runbook.load gave and the one it is listed under: its own, or,
 * loaded under another key with the same bytes, that one's (pm_books). */
struct pm_rbname {
	const char *name, *canon;
};

struct pm {
	struct strmap ops, stepmap, keymap, spmap;
	struct sp_post *sp;             /* status-page posts, in the order they began */
	size_t nsp;
	const char *name;
	bool resolved;
	int64_t resolved_at;            /* the incident.resolve that left it resolved */
	int64_t detect, first_resp, rb_start, rb_end, recovery;
	int64_t opened;                 /* incident.open (else the first record) */
	int64_t first_bad;              /* the first bad verdict: detection */
	int64_t first_charged;          /* the first one of a turn not spared
	                                   (badrel_spared_turn); NO_TIME: none */
	int64_t deployed;               /* the bad release went live, per the host's
	                                   deploy history (pm_deployed); NO_TIME */
	const struct record *deployed_rec;  /* the health.change that said so (the
	                                       earliest of its tag's run), or with
	                                       deployed NO_TIME the one estimating it */
	const struct record *deployed_came; /* where that tag came to its row: a tag
	                                       change, or the first reading */
	const struct deployby_act *deployed_by; /* the action of ours that made that
	                                       change; NULL: none or not a change */
	int64_t deployed_recreated;     /* the same release re-created later
	                                   (data.recreated_ms); NO_TIME: not seen */
	struct deployby deployby;       /* the journal's actions (deployed_by's) */
	bool deployed_early;            /* deployed long before the journal's first
	                                   record (PRE_RECORD_IMPACT_MS): no impact */
	int64_t impact_from;            /* deployed (not early), else first_bad;
	                                   NO_TIME: neither */
	const struct pm_action *rb_first;   /* the rollback that started first */
	const struct record *seen_first;    /* tag changes the console saw that count
	                                       as rollbacks (pm_seen): the first, */
	const struct record *seen_last;     /* … and the last */
	const struct pm_action *rb_last;    /* the rollback that settled last */
	const struct pm_action *rb_open;    /* a rollback never settled: no end known */
	enum { REC_NONE, REC_VERDICTS, REC_RESOLVE } recovered_by;
	const char *last_back;          /* the key whose return was the recovery */
	const char *back_at;            /* and the verdict it came back at */
	bool back_calm;                 /* … a NO DATA of restarts alone */
	struct pm_key *keys;
	size_t nkeys, nbad;
	size_t nspared_bad;             /* keys whose last verdict is a spared turn's */
	bool ever_bad;
	struct pm_action *acts;
	size_t nacts;
	struct pm_step *steps;
	size_t nsteps;
	const char **rbs;               /* runbook names, in the order first met */
	size_t nrbs;
	struct pm_rbname *rbnames;      /* each key a runbook.load gave, first met first */
	size_t nrbnames;
	struct rbplace place;           /* each runbook's last runbook.load, with the
	                                   marks that fit no step of it (rbplace.h) */
	const char **placed;            /* per record that step_of names a step: the
	                                   step of the last load it goes on, or NULL */
	char **owned;                   /* step ids made here (placed ones) */
	size_t nowned;
	size_t n_ok, n_failed, n_unknown, n_running, n_done, n_preticked;
	size_t n_ran_ok;                /* steps not ticked whose work ran OK (ran_ok) */
	size_t n_standing;              /* actions left standing (action_standing) */
	size_t n_unstored;              /* of the running: records kept, not stored */
	const struct record *back_resync;   /* the recovery is a re-sync after a gap */
	const struct record **refused;  /* actions refused, nothing ran (action.refused:
	                                   after confirming, or before any dialog) */
	const struct record **refused_conf; /* … each one's action.confirmed (same
	                                       op), or NULL */
	size_t n_refused, n_refused_confirmed;
	size_t n_cancelled, n_skipped;  /* … of them, as refused_word says them */
	struct contain contain;         /* kill switches and exports, per host */
	struct pm_chain *chains;        /* B's fleet rollbacks, in the order begun */
	size_t nchains;
	size_t n_ok_by[4], n_failed_by[4];  /* by settled_by(): own end, re-read, hand,
	                                       rollout completed later */
	size_t n_unknown_hidden;        /* UNKNOWN, a damaged line after it (hidden) */
	const struct record_damage *rec_hidden; /* still bad, and a damaged line after
	                                           a bad host's last verdict may hold
	                                           its recovery */
};

int
export_format_parse(const char *s, enum export_format *out)
{
	if (strcmp(s, "md") == 0 || strcmp(s, "markdown") == 0)
		*out = EXPORT_MD;
	else if (strcmp(s, "json") == 0)
		*out = EXPORT_JSON;
	else
		return -1;
	return 0;
}

void
export_md_escape(const char *text, char **buf, size_t *len, size_t *cap)
{
	struct wr_buf b = { *buf, *len, *cap };
	size_t n = strlen(text), i, clean_len;
	char *flat = xmalloc(n + 1), *clean = xmalloc(sanitize_bound(n));
	const unsigned char *p;
	char pair[2] = { '\\', 0 };

	/* A line break or tab in a cell is a space; then the one sanitizer
	 * (DESIGN §3.5): a bidi control or C1 in a note from an older journal
	 * reads <U+202E>, as the console shows it, never raw. */
	for (i = 0; i < n; i++)
		flat[i] = (unsigned char)text[i] < 0x20 || text[i] == 0x7f ? ' ' : text[i];
	flat[n] = '\0';
	sanitize_buf(flat, n, clean, sanitize_bound(n), &clean_len);
	for (p = (const unsigned char *)clean; *p != '\0'; p++) {
		if (strchr("\\`*_[]<>|~#!&", *p) != NULL) {
			pair[1] = (char)*p;
			wr_buf_add(&b, pair, 2);
		} else {
			wr_buf_add(&b, (const char *)p, 1);
		}
	}
	free(flat);
	free(clean);
	if (b.s == NULL)
		wr_buf_add(&b, "", 0);
	*buf = b.s;
	*len = b.len;
	*cap = b.cap;
}

/* Lines of a code block (commands, output) as the sanitizer writes each:
 * a runbook's command may hold a bidi control it ran with, and the draft
 * shows it as <U+202E>, not turned around. */
static void
sb_code(struct wr_buf *b, const char *text)
{
	while (*text != '\0') {
		size_t n = strcspn(text, "\n"), out;
		char *clean = xmalloc(sanitize_bound(n));

		sanitize_buf(text, n, clean, sanitize_bound(n), &out);
		wr_buf_add(b, clean, out);
		free(clean);
		text += n;
		if (*text == '\n') {
			wr_buf_add(b, "\n", 1);
			text++;
		}
	}
}

/* The draft's opening warning: a degraded journal's cause, torn line. */
#define WARNING_MAX 2048

/* Redact, cut to max bytes (0: whole) on a UTF-8 boundary, escape. */
static void
sb_text_max(struct wr_buf *b, const struct export_opts *o, const char *s, size_t max)
{
	char *r = redact_text(o->red, s != NULL ? s : "");
	size_t n = strlen(r);

	if (max > 0 && n > max) {
		n = max;
		while (n > 0 && ((unsigned char)r[n] & 0xc0) == 0x80)
			n--;
		r = xrealloc(r, n + sizeof("…"));
		memcpy(r + n, "…", sizeof("…"));
	}
	export_md_escape(r, &b->s, &b->len, &b->cap);
	free(r);
}

/* Text for a table cell: cut to CELL_MAX bytes. */
static void
sb_text(struct wr_buf *b, const struct export_opts *o, const char *s)
{
	sb_text_max(b, o, s, CELL_MAX);
}

static const char *
dstr(const struct record *r, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(r->data, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A string member of o (NULL when o is not an object or it is no string). */
static const char *
jstr_in(const cJSON *o, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

/* A line warroom puts before a runbook's script: the cd into compose_dir,
 * and what stops it at the first failing command (set -e, its ERR trap). */
static bool
warroom_line(const char *p, size_t len)
{
	return (len > 13 && strncmp(p, "cd ", 3) == 0 &&
	    strncmp(p + len - 10, " || exit 1", 10) == 0) ||
	    (len == 6 && strncmp(p, "set -e", 6) == 0) ||
	    (strncmp(p, "trap '", 6) == 0 && memmem(p, len, "warroom: stopped at: ", 21) != NULL);
}

/* A runbook command's script as the Change cell says it: its first line
 * (cut), how many more, and where in the runbook it came from:
 * "ran `systemctl restart api` (+2 lines) from compose.md line 36: …".
 * Set off in backticks, as the key times set off a command: a command's
 * own double quotes nested in ours read wrong (ran "curl -fsS
 * "http://…/readyz""); in double quotes when it holds a backtick. The
 * `cd compose_dir || exit 1` warroom puts first is not the runbook's. */
static void
script_change(const cJSON *plan, char *buf, size_t cap)
{
	const cJSON *steps = cJSON_GetObjectItemCaseSensitive(plan, "steps");
	const char *cmd = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetArrayItem(steps, 0), "cmd"));
	const char *origin = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(plan, "origin"));
	const char *p, *nl;
	size_t len, more = 0;
	char first[96];

	buf[0] = '\0';
	if (cmd == NULL)
		return;
	for (p = cmd; (len = strcspn(p, "\n")) > 0 && p[len] == '\n' && warroom_line(p, len);)
		p += len + 1;
	while (*p == '\n' || *p == ' ' || *p == '\t')
		p++;
	len = strcspn(p, "\n");
	for (nl = p + len; *nl != '\0'; nl++)
		if (*nl == '\n' && nl[1] != '\0' && nl[1] != '\n')
			more++;
	if (len > 60) {
		len = 60;
		while (len > 0 && ((unsigned char)p[len] & 0xc0) == 0x80)
			len--;
		snprintf(first, sizeof(first), "%.*s…", (int)len, p);
	} else {
		snprintf(first, sizeof(first), "%.*s", (int)len, p);
	}
	snprintf(buf, cap, strchr(first, '`') != NULL && strchr(first, '"') == NULL ?
	    "ran \"%s\"" : "ran `%s`", first);
	if (more > 0)
		snprintf(buf + strlen(buf), cap - strlen(buf), " (+%zu line%s)", more,
		    more == 1 ? "" : "s");
	if (origin != NULL && origin[0] != '\0')
		snprintf(buf + strlen(buf), cap - strlen(buf), " from %s", origin);
}

/* What an action changed, from its intent's plan: "api v1.5.0-bad → v1.4.1",
 * "api rev 4 (v1.5.0-bad) → rev 3 (v1.4.1)", "api EXPORT_MODE=off"; for a
 * runbook command what it ran and from where; "" when the plan names no
 * change. */
static void
plan_words(const char *act, const cJSON *p, char *buf, size_t cap)
{
	const cJSON *svc = cJSON_GetObjectItemCaseSensitive(p, "service");
	const cJSON *from = cJSON_GetObjectItemCaseSensitive(p, "from");
	const cJSON *to = cJSON_GetObjectItemCaseSensitive(p, "to");
	const cJSON *fr = cJSON_GetObjectItemCaseSensitive(p, "from_revision");
	const cJSON *tr = cJSON_GetObjectItemCaseSensitive(p, "to_revision");
	const cJSON *key = cJSON_GetObjectItemCaseSensitive(p, "env_key");
	const cJSON *set = cJSON_GetObjectItemCaseSensitive(p, "env_set");
	const cJSON *rm = cJSON_GetObjectItemCaseSensitive(p, "env_remove");
	const char *sv = cJSON_IsString(svc) ? svc->valuestring : "";
	const char *f = cJSON_IsString(from) ? from->valuestring : "";
	const char *t = cJSON_IsString(to) ? to->valuestring : "";

	buf[0] = '\0';
	if (act != NULL && strcmp(act, "runbook.command") == 0) {
		script_change(p, buf, cap);
		return;
	}
	if (act != NULL && strstr(act, "killswitch") != NULL) {
		/* The compose switch keeps no env_key in its plan: EXPORT_MODE. */
		const char *k = cJSON_IsString(key) ? key->valuestring : "EXPORT_MODE";
		const char *fe = strchr(f, '='), *te = strchr(t, '=');

		/* Both switches plan from and to as KEY=VALUE ("(unset)" too). */
		if (fe != NULL && te != NULL && fe > f && fe - f == te - t &&
		    strncmp(f, t, (size_t)(fe - f)) == 0) {
			snprintf(buf, cap, "%s %.*s %s \xe2\x86\x92 %s", sv, (int)(fe - f), f,
			    fe + 1, te + 1);
			return;
		}
		if (cJSON_IsTrue(rm))
			snprintf(buf, cap, "%s %s unset", sv, k);
		else if (cJSON_IsString(set) && set->valuestring[0] != '\0')
			snprintf(buf, cap, "%s %s=%s", sv, k, set->valuestring);
		return;
	}
	if (cJSON_IsNumber(fr) && cJSON_IsNumber(tr) && tr->valueint > 0)
		snprintf(buf, cap, "%s rev %d (%s) \xe2\x86\x92 rev %d (%s)", sv, fr->valueint, f,
		    tr->valueint, t[0] ? t : "?");
	else if (f[0] != '\0' && t[0] != '\0' && strcmp(f, t) != 0)
		snprintf(buf, cap, "%s %s \xe2\x86\x92 %s", sv, f, t);
}

static void
plan_change(const struct record *intent, char *buf, size_t cap)
{
	const cJSON *plan = cJSON_GetObjectItemCaseSensitive(intent->data, "plan");

	/* An action.confirmed standing in for a damaged intent has the
	 * plan's service, from and to in its data. */
	plan_words(dstr(intent, "action"), plan != NULL ? plan : intent->data, buf, cap);
}

/* The outcome an action.refused is given where the console said it: a
 * confirmed one stopped before it ran (a failed re-read) is CANCELLED in
 * the footer and on its step's row, one already on the tag SKIPPED; so
 * "cancelled" and "skipped" here too, not "refused". */
static const char *
refused_word(const struct record *r)
{
	const char *w = stepran_unrun_word(r);

	return w == NULL ? "refused" : strcmp(w, "CANCELLED") == 0 ? "cancelled" :
	    strcmp(w, "SKIPPED") == 0 ? "skipped" : "refused";
}

/* What a refused action was to change, from its confirmation (same op:
 * its service, from and to, as a plan has them): "api EXPORT_MODE off →
 * on"; "" when it was refused before any dialog. */
static void
refused_change(const struct record *confirmed, char *buf, size_t cap)
{
	buf[0] = '\0';
	if (confirmed != NULL)
		plan_words(dstr(confirmed, "action"), confirmed->data, buf, cap);
}

static bool
kind_is(const struct record *r, const char *kind)
{
	return strcmp(r->kind, kind) == 0;
}

static bool
is_rollback(const struct record *r)
{
	const char *a = dstr(r, "action");

	return a != NULL && (strstr(a, "rollback") != NULL || strstr(a, "undo") != NULL);
}

/* Whether an action.intent rolls back, and how: a built-in rollback, or a
 * runbook command whose script holds one as x tells them (the same words
 * that make x refuse two of them in a step), its command into a->rb_cmd. */
static enum rb_kind
rollback_kind(const struct record *intent, struct pm_action *a)
{
	const char *act = dstr(intent, "action"), *script;

	if (is_rollback(intent))
		return RB_BUILTIN;
	if (act == NULL || strcmp(act, "runbook.command") != 0)
		return RB_NONE;
	script = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(
	    cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(intent->data,
	    "plan"), "steps"), 0), "cmd"));
	if (script != NULL && runbook_route_script_change(script, "rollback", a->rb_cmd,
	    sizeof(a->rb_cmd)))
		return RB_COMMAND;
	return RB_NONE;
}

static bool
is_response(const struct record *r)
{
	static const char *const kinds[] = {
		"note", "step.check", "step.uncheck", "action.intent",
		"statuspage.queue", "statuspage.post", "mode.change",
	};
	size_t i;

	for (i = 0; i < WR_ARRAY_LEN(kinds); i++)
		if (kind_is(r, kinds[i]))
			return true;
	return false;
}

static void
strmap_init(struct strmap *m, size_t n)
{
	size_t cap = 16;

	while (cap < 2 * n + 1)
		cap *= 2;
	m->keys = xcalloc(cap, sizeof(*m->keys));
	m->vals = xcalloc(cap, sizeof(*m->vals));
	m->mask = cap - 1;
	m->n = 0;
}

static void
strmap_free(struct strmap *m)
{
	free(m->keys);
	free(m->vals);
}

/* The slot for key: *found tells whether it was there already. */
static size_t
strmap_slot(const struct strmap *m, const char *key, bool *found)
{
	uint32_t h = 2166136261u;
	const unsigned char *p;
	size_t i;

	for (p = (const unsigned char *)key; *p != '\0'; p++)
		h = (h ^ *p) * 16777619u;
	for (i = h & m->mask; m->keys[i] != NULL; i = (i + 1) & m->mask)
		if (strcmp(m->keys[i], key) == 0) {
			*found = true;
			return i;
		}
	*found = false;
	return i;
}

/* Put key (not there: strmap_slot said where) with val; slots found
 * before are stale afterwards, as the map may have grown. */
static void
strmap_put(struct strmap *m, size_t slot, const char *key, size_t val)
{
	struct strmap big;
	size_t i, j;
	bool found;

	m->keys[slot] = key;
	m->vals[slot] = val;
	if (2 * ++m->n + 1 <= m->mask + 1)
		return;
	strmap_init(&big, m->mask + 1);
	for (i = 0; i <= m->mask; i++)
		if (m->keys[i] != NULL) {
			j = strmap_slot(&big, m->keys[i], &found);
			big.keys[j] = m->keys[i];
			big.vals[j] = m->vals[i];
		}
	big.n = m->n;
	strmap_free(m);
	*m = big;
}

/* The index of runbook name among those met, added when new. Few runbooks
 * per incident: a linear look-up. */
static size_t
runbook_index(struct pm *pm, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < pm->nrbs; i++)
		if (strlen(pm->rbs[i]) == len && strncmp(pm->rbs[i], name, len) == 0)
			return i;
	pm->rbs = xrealloc(pm->rbs, (pm->nrbs + 1) * sizeof(*pm->rbs));
	pm->rbs[pm->nrbs] = xstrndup(name, len);
	return pm->nrbs++;
}

/* The step with this id, added when new: in runbook rb (NULL: the one its
 * id names, "file.md:LINE"). */
static struct pm_step *
step_find(struct pm *pm, const char *step, const char *rb)
{
	bool found;
	size_t slot = strmap_slot(&pm->stepmap, step, &found);
	const char *colon = strrchr(step, ':');
	struct pm_step *st;

	if (found)
		return &pm->steps[pm->stepmap.vals[slot]];
	strmap_put(&pm->stepmap, slot, step, pm->nsteps);
	pm->steps = xrealloc(pm->steps, (pm->nsteps + 1) * sizeof(*pm->steps));
	st = &pm->steps[pm->nsteps++];
	memset(st, 0, sizeof(*st));
	st->step = step;
	st->title = step;
	st->ticked_at = NO_TIME;
	if (rb != NULL)
		st->rb = runbook_index(pm, rb, strlen(rb));
	else if (colon != NULL && colon > step)
		st->rb = runbook_index(pm, step, (size_t)(colon - step));
	else
		st->rb = runbook_index(pm, "", 0);
	return st;
}

/* A step id made here, kept as long as pm. */
static const char *
pm_own(struct pm *pm, const char *id)
{
	pm->owned = xrealloc(pm->owned, (pm->nowned + 1) * sizeof(*pm->owned));
	return pm->owned[pm->nowned++] = xstrdup(id);
}

/* step_find for an id placed here (rbplace): the step it names, the id
 * kept when new. */
static struct pm_step *
step_find_placed(struct pm *pm, const char *id)
{
	bool found;
	size_t slot = strmap_slot(&pm->stepmap, id, &found);

	if (found)
		return &pm->steps[pm->stepmap.vals[slot]];
	return step_find(pm, pm_own(pm, id), NULL);
}

static struct pm_action *
action_find(struct pm *pm, const char *op)
{
	bool found;
	size_t slot = strmap_slot(&pm->ops, op, &found);

	return found ? &pm->acts[pm->ops.vals[slot]] : NULL;
}

static void
action_add(struct pm *pm, const struct record *intent)
{
	bool found;
	size_t slot = strmap_slot(&pm->ops, intent->op, &found);

	if (!found)
		strmap_put(&pm->ops, slot, intent->op, pm->nacts);
	else
		pm->ops.vals[slot] = pm->nacts;
	pm->acts = xrealloc(pm->acts, (pm->nacts + 1) * sizeof(*pm->acts));
	memset(&pm->acts[pm->nacts], 0, sizeof(pm->acts[0]));
	pm->acts[pm->nacts].intent = intent;
	pm->acts[pm->nacts].rb = rollback_kind(intent, &pm->acts[pm->nacts]);
	pm->nacts++;
}

/* "ok", "failed" or "unknown" for an action; no end at all is unknown. */
static const char *
action_outcome(const struct pm_action *a)
{
	const char *s = a->end != NULL ? dstr(a->end, "outcome") : NULL;

	if (s == NULL)
		return "unknown";
	if (strcasecmp(s, "ok") == 0)
		return "ok";
	if (strcasecmp(s, "failed") == 0)
		return "failed";
	return "unknown";
}

/* Whether a ended OK with .env still naming another tag (its end says
 * so): the Actions table's outcome says it is not done. */
static bool
env_not_updated(const struct pm_action *a)
{
	return a->running == 0 && a->end != NULL && strcmp(action_outcome(a), "ok") == 0 &&
	    envmark_not_updated(a->end->data);
}

/* Whether a ended OK (settled, not running). */
static bool
action_ok(const struct pm_action *a)
{
	return a->running == 0 && strcmp(action_outcome(a), "ok") == 0;
}

/* Whether a and l name the same thing: both NULL, or equal. */
static bool
same_or_null(const char *a, const char *l)
{
	return a == NULL ? l == NULL : l != NULL && strcmp(a, l) == 0;
}

/* Whether a is left standing: it ended FAILED or UNKNOWN (settled by hand
 * as failed, or never settled) and no later action of the same kind on
 * its host and service ended OK. A "recovered" verdict does not undo it:
 * the post-mortem lists it as a follow-up. */
static bool
action_standing(const struct pm *pm, const struct pm_action *a)
{
	const char *svc = jstr_in(cJSON_GetObjectItemCaseSensitive(a->intent->data, "plan"),
	    "service");
	size_t i;

	if (a->running != 0 || action_ok(a))
		return false;
	for (i = 0; i < pm->nacts; i++) {
		const struct pm_action *l = &pm->acts[i];

		if (l->intent->ts_ms < a->intent->ts_ms || l == a || !action_ok(l))
			continue;
		if (same_or_null(l->intent->host, a->intent->host) &&
		    same_or_null(dstr(l->intent, "action"), dstr(a->intent, "action")) &&
		    same_or_null(jstr_in(cJSON_GetObjectItemCaseSensitive(l->intent->data,
		    "plan"), "service"), svc))
			return false;
	}
	return true;
}

/* An action with no end whose console still runs, or keeps its end
 * because the journal could not store it, in words. */
static const char *
running_words(const struct pm_action *a)
{
	if (a->unstored != NULL && a->running == 2 && a->unstored[0] != '\0')
		return "ended in this console; its end is not stored yet: the journal cannot "
		    "be written, and the console writes it once the journal recovers";
	if (a->unstored != NULL && a->running == 2)
		return "still running in this console; records of it wait to be stored (the "
		    "journal cannot be written)";
	if (a->unstored != NULL)
		return "no end stored yet: the console running it cannot write the journal and "
		    "keeps its records until it can (running, or ended there)";
	return a->running == 2 ? "still running in this console (no end recorded yet)" :
	    "still running in another console (no end recorded yet)";
}

/* The Outcome cell of an action with no end that still runs: "running",
 * or the outcome its console keeps, not stored yet. */
static void
running_outcome(struct wr_buf *b, const struct pm_action *a)
{
	if (a->unstored != NULL && a->unstored[0] != '\0' && a->running == 2)
		wr_buf_printf(b, "%s, not stored yet", strcmp(a->unstored, "ok") == 0 ||
		    strcmp(a->unstored, "failed") == 0 ? a->unstored : "**UNKNOWN**");
	else
		wr_buf_str(b, a->unstored != NULL ? "not stored yet" : "running");
}

/* How an action's outcome came to be known: 0 its own action.end, 1 a
 * re-read after it was UNKNOWN, 2 the engineer settling it by hand (U),
 * 3 its rollout read complete after it ended FAILED (latedone.h). */
static int
settled_by(const struct pm_action *a)
{
	const char *by;

	if (a->end == NULL || !kind_is(a->end, "action.reconcile"))
		return 0;
	if (latedone_completed_ms(a->end) > 0)
		return 3;
	by = dstr(a->end, "by");
	return by != NULL && strcmp(by, "hand") == 0 ? 2 : 1;
}

/* Settled by its rollout (settled_by 3) after an UNKNOWN end a re-read
 * found applied, not a FAILED one (latedone_record's "reread_ts"). */
static bool
late_after_unknown(const struct pm_action *a)
{
	return dstr(a->end, "reread_ts") != NULL;
}

/* When a's outcome holds from: its end's or reconcile's time; for one
 * whose rollout completed after a FAILED end, when it completed. */
static int64_t
settled_ms(const struct pm_action *a)
{
	return settled_by(a) == 3 ? latedone_completed_ms(a->end) : a->end->ts_ms;
}

/* When a ended: its action.end's time (a FAILED end a later completed
 * rollout settled: that end's, not the record that told of it). */
static int64_t
ended_ms(const struct pm_action *a)
{
	if (a->end == NULL)
		return NO_TIME;
	return settled_by(a) == 3 && a->was != NULL ? a->was->ts_ms : a->end->ts_ms;
}

/* The first damaged line after record seq (skipped, or a break with
 * records missing before the one kept): a conclusion drawn from the
 * records after seq may lack what it held. NULL: none. */
static const struct record_damage *
damage_after(const struct export_opts *o, uint64_t seq)
{
	size_t i;

	for (i = 0; o != NULL && i < o->ndamage; i++)
		if (o->damage[i].after_seq >= seq)
			return &o->damage[i];
	return NULL;
}

/* A damaged line as a conclusion names it: "damaged line 31", or for a
 * record kept after a break "the records missing before line 31". */
static void
damage_ref(struct wr_buf *b, const struct record_damage *d)
{
	if (d->skipped)
		wr_buf_printf(b, "damaged line %zu", d->line);
	else
		wr_buf_printf(b, "the records missing before line %zu", d->line);
}

/* How a verdict bears on recovery: 1 bad, 0 good, -1 neither (NO DATA or
 * a name we do not know: a bad host stays bad until it is seen good). */
static int
verdict_badness(const char *verdict)
{
	if (strcasecmp(verdict, "CONSIDER ROLLBACK") == 0 ||
	    strcasecmp(verdict, "ROLLBACK IMMEDIATELY") == 0)
		return 1;
	if (strcasecmp(verdict, "OK") == 0 || strcasecmp(verdict, "MONITOR") == 0)
		return 0;
	return -1;
}

static struct pm_key *
key_find(struct pm *pm, const struct record *r)
{
	const char *host = r->host != NULL ? r->host : "?", *svc = dstr(r, "service");
	struct wr_buf id = { 0 };
	struct pm_key *k;
	bool found;
	size_t slot;

	wr_buf_str(&id, host);
	if (svc != NULL)
		wr_buf_printf(&id, "/%s", svc);
	slot = strmap_slot(&pm->keymap, id.s, &found);
	if (found) {
		free(id.s);
		return &pm->keys[pm->keymap.vals[slot]];
	}
	pm->keys = xrealloc(pm->keys, (pm->nkeys + 1) * sizeof(*pm->keys));
	k = &pm->keys[pm->nkeys];
	memset(k, 0, sizeof(*k));
	k->back_calm = NO_TIME;
	k->id = wr_buf_take(&id);
	k->host = host;
	k->service = svc;
	strmap_put(&pm->keymap, slot, k->id, pm->nkeys++);
	return k;
}

/* Recovery is the moment the last bad host/service was seen good again,
 * provided none went bad after it; a verdict.change changes one key. A
 * turn to bad charged to no release (badrel: the host was OK under what
 * it ran) is the host's own fault: it neither holds the recovery back
 * nor ends it (h7's flapping on the good tag would make the "recovery"
 * and the release's impact end minutes late); a verdict.fresh that
 * judged a release makes such a host the release's from its time. A
 * host with no metrics source is never OK: its NO DATA judged on calm
 * restarts is as good as it gets, and counts as back (said so). Run
 * after every record is folded: a tag record written after a verdict
 * may change its charge. */
static void
pm_verdict(struct pm *pm, const struct record *r)
{
	const char *verdict = dstr(r, "verdict"), *host = r->host != NULL ? r->host : "?";
	struct pm_key *k;
	bool calm;
	int bad;

	if (verdict == NULL)
		return;
	k = key_find(pm, r);
	bad = verdict_badness(verdict);
	if (kind_is(r, "verdict.fresh")) {
		/* Already bad: only what it judged changes; no verdict said. */
		if (bad != 1 || k->bad != NULL || !badrel_turn_charged(&pm->contain.rel, host,
		    dstr(r, "service"), r->ts_ms))
			return;
		if (k->verdict == NULL)
			k->verdict = verdict;
	} else {
		k->verdict = verdict;
		k->seq = r->seq;
	}
	calm = bad < 0 && strcasecmp(verdict, "NO DATA") == 0 &&
	    decide_reason_restarts_calm(dstr(r, "reason"));
	if (calm)
		bad = 0;
	if (bad == 1) {
		if (pm->first_bad == NO_TIME)
			pm->first_bad = r->ts_ms;
		pm->ever_bad = true;
		if (k->bad == NULL && !kind_is(r, "verdict.fresh") && (k->spared != NULL ||
		    badrel_spared_turn(&pm->contain.rel, host, dstr(r, "service"), r->ts_ms))) {
			pm->nspared_bad += k->spared == NULL;
			k->spared = verdict;
			return;
		}
		if (k->spared != NULL) {
			k->spared = NULL;
			pm->nspared_bad--;
		}
		if (pm->first_charged == NO_TIME)
			pm->first_charged = r->ts_ms;
		if (k->bad == NULL)
			pm->nbad++;
		k->bad = verdict;
		k->back_calm = NO_TIME;
		pm->recovery = NO_TIME;
		pm->recovered_by = REC_NONE;
	} else if (bad == 0 && k->spared != NULL) {
		k->spared = NULL;
		pm->nspared_bad--;
	} else if (bad == 0 && k->bad != NULL) {
		k->bad = NULL;
		k->back_calm = calm ? r->ts_ms : NO_TIME;
		if (--pm->nbad == 0) {
			pm->recovery = r->ts_ms;
			pm->recovered_by = REC_VERDICTS;
			pm->last_back = k->id;
			pm->back_at = verdict;
			pm->back_calm = calm;
			/* Seen good only once the journal came back: some moment
			 * in the gap, this record's time at the latest. */
			pm->back_resync = cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(r->data,
			    "resync")) ? r : NULL;
		}
	} else if (bad == 0 && !calm)
		k->back_calm = NO_TIME;
}

static bool
is_sp_end(const struct record *r)
{
	return kind_is(r, "statuspage.post") || kind_is(r, "statuspage.failed");
}

/* The post whose queue record or end record r is (its op looked up), or
 * NULL. */
static const struct sp_post *
sp_of(const struct pm *pm, const struct record *r)
{
	const struct sp_post *p;
	bool found;
	size_t slot;

	if (r->op == NULL)
		return NULL;
	slot = strmap_slot(&pm->spmap, r->op, &found);
	if (!found)
		return NULL;
	p = &pm->sp[pm->spmap.vals[slot]];
	return p->queue == r || p->end == r ? p : NULL;
}

/* Whether the post p went through: its end is a statuspage.post. */
static bool
sp_through(const struct sp_post *p)
{
	return p != NULL && p->queue != NULL && p->end != NULL && kind_is(p->end, "statuspage.post");
}

/* Status-page posts, one pass: a post begins at its queue record, or at
 * an end whose queue record is missing; a retry or an end after it (same
 * op) says how sending it went. Looked up by op: 100k-record exports
 * must not scan the journal once per post. */
static void
pm_sp(struct pm *pm, const struct record *r)
{
	struct sp_post *p = NULL;
	bool found = false, queue = kind_is(r, "statuspage.queue");
	size_t slot = 0;

	if (!queue && !is_sp_end(r) && !kind_is(r, "statuspage.retry") &&
	    !kind_is(r, "statuspage.sent") && !kind_is(r, "statuspage.takeover"))
		return;
	if (r->op != NULL) {
		slot = strmap_slot(&pm->spmap, r->op, &found);
		if (found)
			p = &pm->sp[pm->spmap.vals[slot]];
	}
	if (queue || (p == NULL && is_sp_end(r))) {
		pm->sp = xrealloc(pm->sp, (pm->nsp + 1) * sizeof(*pm->sp));
		memset(&pm->sp[pm->nsp], 0, sizeof(*pm->sp));
		if (queue)
			pm->sp[pm->nsp].queue = r;
		else
			pm->sp[pm->nsp].end = r;
		/* Only a queue record is what later records of its op report on. */
		if (queue && r->op != NULL) {
			if (!found)
				strmap_put(&pm->spmap, slot, r->op, pm->nsp);
			else
				pm->spmap.vals[slot] = pm->nsp;
		}
		pm->nsp++;
		return;
	}
	if (p == NULL || p->end != NULL)
		return;
	if (kind_is(r, "statuspage.takeover"))
		p->takeover = r;
	else if (kind_is(r, "statuspage.sent")) {
		if (p->sent == NULL)
			p->sent = r;
		spfold_add(&p->tries, r, 0);
	} else if (kind_is(r, "statuspage.retry")) {
		p->retry = r;
		if (p->tries.refused + p->tries.unanswered == 0)
			p->first_fail = r;
		spfold_add(&p->tries, r, 0);
	} else
		p->end = r;
}

/* A health.change in which the console saw a service's tag change: not
 * its first reading, and read again after its host changed. */
static bool
tag_changed(const struct record *r)
{
	const char *t = dstr(r, "tag"), *w = dstr(r, "was_tag");

	return kind_is(r, "health.change") && r->host != NULL && dstr(r, "service") != NULL &&
	    t != NULL && w != NULL && t[0] != '\0' && w[0] != '\0' && strcmp(t, w) != 0 &&
	    !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "first")) &&
	    !cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(r->data, "tag_reread"));
}

/* One host's service as pm_seen follows it: its verdict, and a tag change
 * waiting for the verdict after it. */
struct seen_key {
	char *id;                       /* "host/service" (owned) */
	const char *host, *service;
	int bad;                        /* verdict_badness of its last verdict; -1 none */
	const struct record *pending;   /* a tag change, its verdict after not seen yet */
	int bad_before;                 /* … and the verdict it changed under */
};

/* A tag change counts as a rollback the console saw unless it made a
 * service that was not bad go bad (the first verdict after it, before its
 * tag changes again): that one brought a bad release back. */
static void
seen_settle(struct pm *pm, struct seen_key *k, int bad_after)
{
	const struct record *r = k->pending;

	k->pending = NULL;
	if (r == NULL || (k->bad_before != 1 && bad_after == 1))
		return;
	if (pm->seen_first == NULL || r->ts_ms < pm->seen_first->ts_ms)
		pm->seen_first = r;
	if (pm->seen_last == NULL || r->ts_ms >= pm->seen_last->ts_ms)
		pm->seen_last = r;
}

/* The tag changes the console saw (health.change), one pass: what speaks
 * for a rollback when no action recorded one, or one came first. */
static void
pm_seen(struct pm *pm, const struct record *v, size_t n)
{
	struct seen_key *keys = NULL;
	struct strmap map;
	size_t nkeys = 0, i, k, slot;
	bool found;

	strmap_init(&map, 16);

	for (i = 0; i < n; i++) {
		const struct record *r = &v[i];
		const char *svc = dstr(r, "service"), *verdict = dstr(r, "verdict");
		bool health = kind_is(r, "health.change") && r->host != NULL && svc != NULL;
		int bad;

		if (!health && !(kind_is(r, "verdict.change") && verdict != NULL && r->host != NULL))
			continue;
		if (health) {
			struct wr_buf id = { 0 };

			/* Its first reading makes it known: verdicts before its
			 * first tag change count then. */
			wr_buf_printf(&id, "%s/%s", r->host, svc);
			slot = strmap_slot(&map, id.s, &found);
			if (found) {
				k = map.vals[slot];
				free(id.s);
			} else {
				keys = xrealloc(keys, (nkeys + 1) * sizeof(*keys));
				k = nkeys;
				keys[nkeys++] = (struct seen_key){ wr_buf_take(&id), r->host, svc, -1, NULL,
				    -1 };
				strmap_put(&map, slot, keys[k].id, k);
			}
			if (tag_changed(r)) {
				seen_settle(pm, &keys[k], -1);
				/* To a release the incident judged bad: a deploy of
				 * it, whatever verdict came after. */
				if (!badrel_is_bad(&pm->contain.rel, dstr(r, "tag"))) {
					keys[k].pending = r;
					keys[k].bad_before = keys[k].bad;
				}
			}
			continue;
		}
		/* A verdict of the host (no service named) is every service's. */
		if ((bad = verdict_badness(verdict)) < 0)
			continue;
		if (svc != NULL) {
			struct wr_buf id = { 0 };

			wr_buf_printf(&id, "%s/%s", r->host, svc);
			slot = strmap_slot(&map, id.s, &found);
			free(id.s);
			if (found) {
				seen_settle(pm, &keys[map.vals[slot]], bad);
				keys[map.vals[slot]].bad = bad;
			}
			continue;
		}
		for (k = 0; k < nkeys; k++)
			if (strcmp(keys[k].host, r->host) == 0) {
				seen_settle(pm, &keys[k], bad);
				keys[k].bad = bad;
			}
	}
	for (k = 0; k < nkeys; k++) {
		seen_settle(pm, &keys[k], -1);
		free(keys[k].id);
	}
	free(keys);
	strmap_free(&map);
}

/* Does a tag change the console saw start the rollbacks (before any
 * rollback action, or with none)? */
static bool
start_seen(const struct pm *pm)
{
	return pm->seen_first != NULL && (pm->rb_first == NULL ||
	    pm->seen_first->ts_ms < pm->rb_first->intent->ts_ms);
}

/* The rollbacks start at the first (built-in or a runbook command holding
 * one) and end when the last of them settled: its action.end, or
 * the re-read or hand settling that turned an UNKNOWN end ok or failed.
 * An UNKNOWN end was only where the console lost track (cut off, killed),
 * so while any rollback is unsettled the end is not known. */
static void
pm_rollback_end(struct pm *pm)
{
	size_t i;

	for (i = 0; i < pm->nacts; i++) {
		const struct pm_action *a = &pm->acts[i];

		if (a->rb == RB_NONE)
			continue;
		/* The start: the earliest across hosts and consoles. */
		if (pm->rb_first == NULL || a->intent->ts_ms < pm->rb_first->intent->ts_ms)
			pm->rb_first = a;
		if (strcmp(action_outcome(a), "unknown") == 0)
			pm->rb_open = a;
		else if (pm->rb_last == NULL || settled_ms(a) >= pm->rb_end) {
			pm->rb_last = a;
			pm->rb_end = settled_ms(a);
		}
	}
	if (pm->rb_open != NULL)
		pm->rb_end = NO_TIME;
	if (pm->rb_first != NULL)
		pm->rb_start = pm->rb_first->intent->ts_ms;
	/* A tag change the console saw before any rollback action (made by
	 * hand, or by a command not told as one) is when it began. */
	if (start_seen(pm))
		pm->rb_start = pm->seen_first->ts_ms;
	/* No action: what the console saw is all there is of its end. */
	if (pm->rb_first == NULL && pm->seen_last != NULL)
		pm->rb_end = pm->seen_last->ts_ms;
}

/* The runbook step x ran r from, or NULL: an action's plan names it, a
 * status-page post, smoke check, chat announcement or an x refused before
 * any dialog its own data. */
static const char *
step_of(const struct record *r)
{
	if (kind_is(r, "action.intent"))
		return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetObjectItemCaseSensitive(r->data, "plan"), "runbook_step"));
	if (kind_is(r, "statuspage.queue") || kind_is(r, "smoke") || kind_is(r, "chat.announce") ||
	    kind_is(r, "action.refused"))
		return dstr(r, "runbook_step");
	return NULL;
}

/* What a kind of work does, as bits: a step's binding and a built-in
 * action match when they share one. A compose rollback pulls and
 * recreates the services on the good tag, as a rollback section's
 * `docker compose pull` and `up` do; a kill switch recreates them on the
 * tag they run, which rolls nothing back. */
enum { FAM_ROLLBACK = 1, FAM_KILLSWITCH = 2, FAM_MIGRATE = 4, FAM_RECREATE = 8 };

/* A step's binding (runbook_action_name) as FAM_ bits; 0: none here. */
static unsigned
fam_of_bind(const char *kind)
{
	if (kind == NULL)
		return 0;
	if (strcmp(kind, "rollback") == 0 || strcmp(kind, "k8s.undo") == 0 ||
	    strcmp(kind, "helm.rollback") == 0)
		return FAM_ROLLBACK;
	if (strcmp(kind, "killswitch") == 0)
		return FAM_KILLSWITCH;
	if (strcmp(kind, "migrate.down") == 0)
		return FAM_MIGRATE;
	if (strcmp(kind, "compose.up") == 0 || strcmp(kind, "compose.pull") == 0)
		return FAM_RECREATE;
	return 0;
}

/* A built-in action's data.action as FAM_ bits; 0: none of these. */
static unsigned
fam_of_action(const char *action)
{
	const char *dot = action != NULL ? strchr(action, '.') : NULL;

	if (dot == NULL)
		return 0;
	if (strcmp(action, "compose.rollback") == 0)
		return FAM_ROLLBACK | FAM_RECREATE;
	if (strcmp(action, "k8s.undo") == 0 || strcmp(action, "helm.rollback") == 0)
		return FAM_ROLLBACK;
	if (strcmp(dot, ".killswitch") == 0)
		return FAM_KILLSWITCH;
	if (strcmp(action, "compose.migrate_down") == 0 || strcmp(action, "migrate.down") == 0)
		return FAM_MIGRATE;
	return 0;
}

/* Whether binding b's driver (driver=, or a kind naming one) allows
 * built-in action act: a helm rollback does not do a k8s step's work. */
static bool
driver_allows(const cJSON *b, const char *act)
{
	const char *kind = jstr_in(b, "kind"), *drv = jstr_in(b, "driver");

	if (act == NULL)
		return false;
	if (kind != NULL && (strcmp(kind, "k8s.undo") == 0 || strcmp(kind, "helm.rollback") == 0))
		return strcmp(kind, act) == 0;
	if (drv == NULL)
		return true;
	if (strcmp(drv, "k8s") == 0)
		return strncmp(act, "k8s.", 4) == 0;
	if (strcmp(drv, "helm") == 0)
		return strncmp(act, "helm.", 5) == 0;
	if (strcmp(drv, "compose") == 0)
		return strncmp(act, "compose.", 8) == 0;
	return true;
}

/* Whether built-in action a does what binding b (a steps[].acts entry)
 * asks, where b asks it: the same kind (of those in mask) by the driver
 * b names, and the host and service b names when it names them. */
static bool
act_matches(const struct pm_action *a, const cJSON *b, unsigned mask)
{
	const char *host = jstr_in(b, "host"), *svc = jstr_in(b, "service");
	const char *asvc = jstr_in(cJSON_GetObjectItemCaseSensitive(a->intent->data, "plan"),
	    "service");

	if ((fam_of_bind(jstr_in(b, "kind")) & fam_of_action(dstr(a->intent, "action")) &
	    mask) == 0)
		return false;
	if (!driver_allows(b, dstr(a->intent, "action")))
		return false;
	if (host != NULL && (a->intent->host == NULL || strcmp(host, a->intent->host) != 0))
		return false;
	return svc == NULL || asvc == NULL || strcmp(svc, asvc) == 0;
}

static bool ran_earlier(const struct pm_step *st);

/* A step not ticked whose own work ran OK: the action x last ran from it
 * (of the step as it is now), else the last built-in action it binds
 * (kind, driver, host, service) when that one ended OK; NULL when
 * neither. When that last one did not end OK, *bad is it: the step is
 * still to do, and says how its work went. Nothing is ticked for it: the
 * post-mortem only stops listing it as left to do. */
static const struct pm_action *
step_ran_ok(struct pm *pm, const struct pm_step *st, const struct pm_action **bad,
    const struct pm_action **ok_before)
{
	const struct pm_action *a, *best = NULL, *best_ok = NULL;
	unsigned mask = 0;
	const cJSON *b;
	size_t i;

	*bad = *ok_before = NULL;
	if (st->done)
		return NULL;
	cJSON_ArrayForEach(b, st->acts)
		mask |= fam_of_bind(jstr_in(b, "kind"));
	/* Setting the switch and recreating to read it is a kill switch: a
	 * rollback's recreate did not set it. */
	if (mask & ~(unsigned)FAM_RECREATE)
		mask &= ~(unsigned)FAM_RECREATE;
	if (st->ran != NULL && kind_is(st->ran, "action.intent") && st->ran->op != NULL &&
	    !ran_earlier(st) && (a = action_find(pm, st->ran->op)) != NULL && action_ok(a))
		return a;
	for (i = 0; i < pm->nacts; i++) {
		a = &pm->acts[i];
		/* One that ran before x on the step went wrong did not do it;
		 * one still running has no outcome to tell. */
		if (a->running != 0 || (st->ran != NULL && a->intent->ts_ms < st->ran->ts_ms))
			continue;
		cJSON_ArrayForEach(b, st->acts)
			if (act_matches(a, b, mask)) {
				if (best == NULL || a->intent->ts_ms >= best->intent->ts_ms)
					best = a;
				if (action_ok(a) && (best_ok == NULL ||
				    a->intent->ts_ms >= best_ok->intent->ts_ms))
					best_ok = a;
			}
	}
	if (best != NULL && !action_ok(best)) {
		/* What x ran from the step says it already. */
		if (st->ran == NULL || st->ran != best->intent) {
			*bad = best;
			*ok_before = best_ok;
		}
		return NULL;
	}
	return best;
}

/* A step x ran is no forgotten step, ticked or not: each step keeps the
 * last thing x ran from it. */
static void
pm_links(struct pm *pm, const struct record *v, size_t n)
{
	const char *id;
	bool found;
	size_t i, slot;

	for (i = 0; i < n; i++) {
		if (step_of(&v[i]) == NULL || (id = pm->placed[i]) == NULL)
			continue;
		slot = strmap_slot(&pm->stepmap, id, &found);
		/* What x did from a step outweighs a later x refused there. */
		if (found && kind_is(&v[i], "action.refused") &&
		    pm->steps[pm->stepmap.vals[slot]].ran != NULL &&
		    !kind_is(pm->steps[pm->stepmap.vals[slot]].ran, "action.refused"))
			continue;
		if (found)
			pm->steps[pm->stepmap.vals[slot]].ran = &v[i];
	}
}

/* A chain.start: the chain as the records after it tell (fleetchain.c);
 * a chain.end without a chain id (a journal from before chain.start)
 * says it all itself. */
static void
pm_chain(struct pm *pm, const struct record *v, size_t n, size_t i, const struct export_opts *o)
{
	struct pm_chain *c;

	pm->chains = xrealloc(pm->chains, (pm->nchains + 1) * sizeof(*pm->chains));
	c = &pm->chains[pm->nchains++];
	memset(c, 0, sizeof(*c));
	c->rec = &v[i];
	if (kind_is(&v[i], "chain.start")) {
		struct fleetchain *fc = xcalloc(1, sizeof(*fc));

		c->interrupted = !fleetchain_from_journal(fc, v, n, i);
		c->own = fleetchain_record(fc);
		free(fc);
	}
	c->data = c->own != NULL ? c->own : v[i].data;
	if (c->interrupted)
		c->hidden = damage_after(o, v[i].seq);
}

/* One row's run of readings of one tag, back from v[i] (a health.change
 * with a tag): the earliest deployed_ms no later than until, the record
 * saying it, the latest recreated_ms, and the record the tag came with.
 * A console restarted, or a record written for a health change, may carry
 * a later time for the same release (a re-created container): the
 * earliest counts. */
struct pm_run {
	int64_t deployed, recreated;
	const struct record *said, *came;
};

static struct pm_run
pm_tag_run(const struct record *v, size_t i, int64_t until)
{
	const char *host = v[i].host, *svc = dstr(&v[i], "service"), *tag = dstr(&v[i], "tag");
	struct pm_run run = { .deployed = NO_TIME, .recreated = NO_TIME, .came = &v[i] };

	for (i++; i-- > 0;) {
		const cJSON *ms = cJSON_GetObjectItemCaseSensitive(v[i].data, "deployed_ms");
		const cJSON *re = cJSON_GetObjectItemCaseSensitive(v[i].data, "recreated_ms");

		if (!kind_is(&v[i], "health.change") || v[i].host == NULL ||
		    strcmp(v[i].host, host) != 0 || dstr(&v[i], "service") == NULL ||
		    strcmp(dstr(&v[i], "service"), svc) != 0 || dstr(&v[i], "tag") == NULL)
			continue;
		if (strcmp(dstr(&v[i], "tag"), tag) != 0)
			break;
		run.came = &v[i];
		if (cJSON_IsNumber(ms) && ms->valuedouble > 0 &&
		    (int64_t)ms->valuedouble <= until &&
		    (run.deployed == NO_TIME || (int64_t)ms->valuedouble <= run.deployed)) {
			run.deployed = (int64_t)ms->valuedouble;
			run.said = &v[i];
		}
		if (cJSON_IsNumber(re) && (int64_t)re->valuedouble > run.recreated)
			run.recreated = (int64_t)re->valuedouble;
		/* The tag came here: before it the row ran another. */
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(v[i].data, "first")) ||
		    (dstr(&v[i], "was_tag") != NULL && strcmp(dstr(&v[i], "was_tag"), tag) != 0))
			break;
	}
	if (run.deployed == NO_TIME || run.recreated <= run.deployed)
		run.recreated = NO_TIME;
	return run;
}

/* The action of ours that made the tag change came (NULL: none, or the
 * row's first reading), as the live record judged it (deployby). */
static const struct deployby_act *
pm_made_by(struct pm *pm, const struct record *v, const struct record *came)
{
	const char *svc = dstr(came, "service");
	int64_t since = 0;
	size_t i, at = (size_t)(came - v);

	if (dstr(came, "was_tag") == NULL ||
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(came->data, "outside")))
		return NULL;
	for (i = at; i-- > 0;)
		if (kind_is(&v[i], "health.change") && v[i].host != NULL &&
		    strcmp(v[i].host, came->host) == 0 && dstr(&v[i], "service") != NULL &&
		    strcmp(dstr(&v[i], "service"), svc) == 0) {
			since = v[i].ts_ms;
			break;
		}
	return deployby_which(&pm->deployby, came->host, svc, since, came->ts_ms,
	    dstr(came, "tag"));
}

/* The record of host's service svc to read the release it ran at at_ms
 * from (badrel_running_at: a tag's record may be written after a verdict
 * judged on it; one deployed in at_ms's whole second when rel's turn at
 * at_ms judged it): that run's last reading by at_ms, else its first; n
 * when none had started. */
static size_t
pm_running_at(const struct badrel *rel, const struct record *v, size_t n, const char *host,
    const char *svc, int64_t at_ms)
{
	struct badrel_run *runs = NULL;
	size_t *pick = NULL, nruns = 0, i, was, at = n;
	long k;

	for (i = 0; i < n; i++) {
		if (!kind_is(&v[i], "health.change") || v[i].host == NULL ||
		    strcmp(v[i].host, host) != 0 || dstr(&v[i], "service") == NULL ||
		    strcmp(dstr(&v[i], "service"), svc) != 0 || dstr(&v[i], "tag") == NULL)
			continue;
		was = nruns;
		badrel_runs_read(&runs, &nruns, dstr(&v[i], "tag"), v[i].data, v[i].ts_ms);
		if (nruns != was) {
			pick = xrealloc(pick, nruns * sizeof(*pick));
			pick[nruns - 1] = i;
		} else if (v[i].ts_ms <= at_ms)
			pick[nruns - 1] = i;
	}
	if ((k = badrel_running_at(runs, nruns, at_ms)) >= 0) {
		long j = badrel_running_in_second(runs, nruns, at_ms);

		/* As badrel charged the turn: the release deployed in its second. */
		if (j >= 0 && badrel_verdict_judged(rel, host, svc, runs[j].tag, at_ms) != NULL)
			k = j;
		at = pick[k];
	}
	badrel_runs_free(runs, nruns);
	free(pick);
	return at;
}

/* When the bad release went live: for each host's first bad verdict at
 * which a service ran a release the incident judged bad (badrel: a host
 * OK under its release before a fault is no bad deploy), the run of that
 * tag (pm_running_at, pm_tag_run) that carries data.deployed_ms (its
 * deploy history's time: helm history's updated, …); the earliest of
 * them. None says: the tag change a service's reading came with
 * estimates it (the latest such change, else a first reading), the time
 * NO_TIME. Whether the verdict at found such a release. */
static bool
pm_deployed_at(struct pm *pm, const struct record *v, size_t n, size_t at)
{
	const char *host = v[at].host, **seen = NULL;
	size_t i, k, nseen = 0;
	bool found = false;

	for (i = 0; i < n; i++) {
		const char *svc = dstr(&v[i], "service");
		struct pm_run run;
		size_t r;

		if (!kind_is(&v[i], "health.change") || v[i].host == NULL || svc == NULL ||
		    strcmp(v[i].host, host) != 0 || dstr(&v[i], "tag") == NULL)
			continue;
		for (k = 0; k < nseen && strcmp(seen[k], svc) != 0; k++)
			;
		if (k < nseen)
			continue;
		seen = xrealloc(seen, (nseen + 1) * sizeof(*seen));
		seen[nseen++] = svc;
		if ((r = pm_running_at(&pm->contain.rel, v, n, host, svc, v[at].ts_ms)) == n ||
		    badrel_why(&pm->contain.rel, svc, dstr(&v[r], "tag")) == NULL ||
		    !badrel_verdict_bad(&pm->contain.rel, dstr(&v[r], "tag")))
			continue;
		found = true;
		run = pm_tag_run(v, r, v[at].ts_ms);
		/* Services deployed together tell one time: the first record
		 * of it is the one named (api's row, not jobs' after it). */
		if (run.deployed != NO_TIME && (pm->deployed == NO_TIME ||
		    run.deployed < pm->deployed || (run.deployed == pm->deployed &&
		    run.came->seq < pm->deployed_came->seq))) {
			pm->deployed = run.deployed;
			pm->deployed_rec = run.said;
			pm->deployed_came = run.came;
			pm->deployed_recreated = run.recreated;
		} else if (pm->deployed == NO_TIME && run.deployed == NO_TIME &&
		    (pm->deployed_came == NULL ||
		    (dstr(run.came, "was_tag") != NULL &&
		    (dstr(pm->deployed_came, "was_tag") == NULL ||
		    run.came->ts_ms > pm->deployed_came->ts_ms)))) {
			pm->deployed_rec = pm->deployed_came = run.came;
			pm->deployed_recreated = NO_TIME;
		}
	}
	free(seen);
	return found;
}

static void
pm_deployed(struct pm *pm, const struct record *v, size_t n)
{
	const char **hosts = NULL;
	size_t i, k, nhosts = 0;

	for (i = 0; i < n; i++) {
		/* A verdict.fresh judged the release that came under a bad
		 * verdict: its deploy too. */
		if ((!kind_is(&v[i], "verdict.change") && !kind_is(&v[i], "verdict.fresh")) ||
		    v[i].host == NULL || dstr(&v[i], "verdict") == NULL ||
		    verdict_badness(dstr(&v[i], "verdict")) != 1)
			continue;
		for (k = 0; k < nhosts && strcmp(hosts[k], v[i].host) != 0; k++)
			;
		/* A host's later turn may be a bad release's, its first not. */
		if (k < nhosts || !pm_deployed_at(pm, v, n, i))
			continue;
		hosts = xrealloc(hosts, (nhosts + 1) * sizeof(*hosts));
		hosts[nhosts++] = v[i].host;
	}
	free(hosts);
	for (i = 0; i < n; i++)
		deployby_note(&pm->deployby, &v[i]);
	if (pm->deployed_came != NULL)
		pm->deployed_by = pm_made_by(pm, v, pm->deployed_came);
}

/* A bad release deployed more than this before the journal's first
 * record: nobody watched it then, and an hour covers a deploy, its alert
 * and the console opened in answer; beyond it the impact is not claimed
 * to start at the deploy. */
#define PRE_RECORD_IMPACT_MS (60 * 60 * 1000LL)

/* How many records up to the last one that is no export record: what an
 * impact "so far" and a host "still bad" are measured up to. Writing the
 * draft observes nothing, so e's export record, and a later export of the
 * same journal, end it alike. All n when every record is an export. */
static size_t
observed_n(const struct record *v, size_t n)
{
	size_t k = n;

	while (k > 0 && kind_is(&v[k - 1], "export"))
		k--;
	return k > 0 ? k : n;
}

/* The time of observed_n's last record; NO_TIME with no record. */
static int64_t
observed_end(const struct record *v, size_t n)
{
	return n > 0 ? v[observed_n(v, n) - 1].ts_ms : NO_TIME;
}

/* Whether the impact counts from the bad release's deploy. */
static bool
impact_by_deploy(const struct pm *pm)
{
	return pm->deployed != NO_TIME && !pm->deployed_early;
}

/* A runbook.load's runbook: "name" ("runbook" in the first journals). */
static const char *
load_name(const struct record *r)
{
	return dstr(r, "name") != NULL ? dstr(r, "name") : dstr(r, "runbook");
}

/* What the impact counts from, in the Markdown's words: the bad deploy,
 * the first bad verdict, or (a host's own fault came first) the first
 * one charged to a release. */
static const char *
impact_from_words(const struct pm *pm)
{
	if (impact_by_deploy(pm))
		return "bad release deployed";
	return pm->impact_from == pm->first_bad ? "first bad verdict" :
	    "first bad verdict charged to a release";
}

/* Each runbook's checklist is its last runbook.load: its steps first, in
 * the file's order, the runbooks in the order first loaded. The marks of
 * earlier loads and records are placed on it as the console places them
 * (rbplace.h): an edited runbook is listed once, as last loaded, each
 * tick on the step it was made on. */
/* A runbook.load step's section title (data.steps[].section), or NULL. */
static const char *
step_section(const cJSON *s)
{
	const cJSON *sec = cJSON_GetObjectItemCaseSensitive(s, "section");

	return cJSON_IsString(sec) && sec->valuestring[0] != '\0' ? sec->valuestring : NULL;
}

/* The key runbook.load name is listed under (pm->rbnames). */
static const char *
rb_canon(const struct pm *pm, const char *name)
{
	size_t i;

	for (i = 0; i < pm->nrbnames; i++)
		if (strcmp(pm->rbnames[i].name, name) == 0)
			return pm->rbnames[i].canon;
	return name;
}

/* Whether keys a and b may name one file: one is the other's trailing
 * part ("check.md", "platform/check.md"), as a runbook's key is once it
 * is loaded without another of its file name beside it (rbkey.h). The
 * journal holds no path to say more. */
static bool
keys_related(const char *a, const char *b)
{
	return strcmp(a, b) != 0 && (rbkey_names_path(a, b) || rbkey_names_path(b, a));
}

/* Whether the loads of keys a and b read the same bytes: 1 a load of
 * each holds the same SHA-256, 0 both hold one and none is shared, -1
 * not known (loads from before the sum was kept). */
static int
same_bytes(const struct record *v, size_t n, const char *a, const char *b)
{
	bool sa = false, sb = false;
	size_t i, j;

	for (i = 0; i < n; i++) {
		const char *ni = load_name(&v[i]), *sum = dstr(&v[i], "sha256");

		if (!kind_is(&v[i], "runbook.load") || ni == NULL || sum == NULL)
			continue;
		if (strcmp(ni, b) == 0)
			sb = true;
		if (strcmp(ni, a) != 0)
			continue;
		sa = true;
		for (j = 0; j < n; j++)
			if (kind_is(&v[j], "runbook.load") && load_name(&v[j]) != NULL &&
			    strcmp(load_name(&v[j]), b) == 0 && dstr(&v[j], "sha256") != NULL &&
			    strcmp(dstr(&v[j], "sha256"), sum) == 0)
				return 1;
	}
	return sa && sb ? 0 : -1;
}

/* The keys loaded are pm->rbnames. A key joins the runbook of an earlier
 * one when loads of both read the same bytes and it is the trailing part
 * of each key there, or they of it: "platform/check.md" loaded beside
 * team/check.md, then "check.md" alone, is one runbook listed once, under
 * the key of its last load (its ticks, under either key, placed on it as
 * the console places them); never two keys one console had at once
 * ("platform/check.md", "team/check.md"), which are two runbooks. */
static void
pm_books(struct pm *pm, const struct record *v, size_t n)
{
	size_t *last = NULL, *root, nn = 0, i, j, k, m, c;
	bool fits;

	for (i = 0; i < n; i++) {
		const char *name = load_name(&v[i]);

		if (!kind_is(&v[i], "runbook.load") || name == NULL)
			continue;
		for (k = 0; k < nn && strcmp(pm->rbnames[k].name, name) != 0; k++)
			;
		if (k == nn) {
			pm->rbnames = xrealloc(pm->rbnames, (nn + 1) * sizeof(*pm->rbnames));
			last = xrealloc(last, (nn + 1) * sizeof(*last));
			pm->rbnames[nn].name = pm->rbnames[nn].canon = name;
			nn++;
		}
		last[k] = i;
	}
	pm->nrbnames = nn;
	root = xcalloc(nn + 1, sizeof(*root));
	for (k = 0; k < nn; k++) {
		root[k] = k;
		for (j = 0; j < k && root[k] == k; j++) {
			if (!keys_related(pm->rbnames[j].name, pm->rbnames[k].name) ||
			    same_bytes(v, n, pm->rbnames[j].name, pm->rbnames[k].name) != 1)
				continue;
			for (m = 0, fits = true; m < k && fits; m++)
				fits = root[m] != root[j] ||
				    keys_related(pm->rbnames[m].name, pm->rbnames[k].name);
			if (fits)
				root[k] = root[j];
		}
	}
	for (k = 0; k < nn; k++) {
		const cJSON *s;

		if (root[k] != k)
			continue;
		for (m = c = k; m < nn; m++)
			if (root[m] == k && last[m] > last[c])
				c = m;
		rbplace_add_loaded(&pm->place, v[last[c]].data);
		for (m = k; m < nn; m++) {
			if (root[m] != k)
				continue;
			pm->rbnames[m].canon = pm->rbnames[c].name;
			if (m != c)
				rbplace_alias(&pm->place, pm->place.nbooks - 1, pm->rbnames[m].name);
		}
		cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(v[last[c]].data, "steps")) {
			const cJSON *id = cJSON_GetObjectItemCaseSensitive(s, "step");
			const cJSON *title = cJSON_GetObjectItemCaseSensitive(s, "title");
			struct pm_step *st;

			if (!cJSON_IsString(id))
				continue;
			st = step_find(pm, id->valuestring, pm->rbnames[c].name);
			if (cJSON_IsString(title))
				st->title = title->valuestring;
			st->section = step_section(s);
			st->code = jstr_in(s, "code");
			st->acts = cJSON_GetObjectItemCaseSensitive(s, "acts");
		}
	}
	free(root);
	free(last);
}

/* The runbook.load records of runbook name (under any key listed as it),
 * in the journal's order, into *out (malloc'd); how many. A runbook
 * loaded twice (a console restarted after an edit, two consoles) is one
 * runbook: these say when. */
static size_t
loads_of(const struct pm *pm, const struct record *v, size_t n, const char *name,
    const struct record ***out)
{
	size_t i, k = 0;

	*out = NULL;
	for (i = 0; i < n; i++) {
		if (!kind_is(&v[i], "runbook.load") || load_name(&v[i]) == NULL ||
		    strcmp(rb_canon(pm, load_name(&v[i])), name) != 0)
			continue;
		*out = xrealloc(*out, (k + 1) * sizeof(**out));
		(*out)[k++] = &v[i];
	}
	return k;
}

/* Whether load b read other bytes than load a before it: 1 it did, 0 it
 * did not, -1 not known. By the file's SHA-256 where both loads hold it;
 * else by their steps (id, title, section): steps that differ say the file
 * changed, the same steps do not say it did not (its prose may have). */
static int
load_changed(const struct record *a, const struct record *b)
{
	const cJSON *sa = cJSON_GetObjectItemCaseSensitive(a->data, "steps");
	const cJSON *sb = cJSON_GetObjectItemCaseSensitive(b->data, "steps");
	static const char *const keys[] = { "step", "title", "section" };
	const cJSON *x, *y;
	size_t k;

	if (dstr(a, "sha256") != NULL && dstr(b, "sha256") != NULL)
		return strcmp(dstr(a, "sha256"), dstr(b, "sha256")) != 0;
	if (cJSON_GetArraySize(sa) != cJSON_GetArraySize(sb))
		return 1;
	for (x = sa != NULL ? sa->child : NULL, y = sb != NULL ? sb->child : NULL;
	    x != NULL && y != NULL; x = x->next, y = y->next)
		for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
			const char *p = jstr_in(x, keys[k]), *q = jstr_in(y, keys[k]);

			if ((p == NULL) != (q == NULL) || (p != NULL && strcmp(p, q) != 0))
				return 1;
		}
	return -1;
}

/* A runbook.load's steps: each one's done and preticked, on the step of
 * the last load it goes on (the last load's own are its checklist). */
static void
pm_load(struct pm *pm, const struct record *r)
{
	const cJSON *steps = cJSON_GetObjectItemCaseSensitive(r->data, "steps"), *s;
	const char *rb = rb_canon(pm, load_name(r));
	char at[WR_PATH_MAX + 16];

	cJSON_ArrayForEach(s, steps) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(s, "step");
		const cJSON *title = cJSON_GetObjectItemCaseSensitive(s, "title");
		const cJSON *done = cJSON_GetObjectItemCaseSensitive(s, "done");
		enum rbplace_where w;
		struct pm_step *st;

		if (!cJSON_IsString(id))
			continue;
		w = rbplace_id(&pm->place, r, id->valuestring, false,
		    cJSON_GetStringValue(title), cJSON_IsTrue(done) ? RBPLACE_TICK : RBPLACE_ROW,
		    at, sizeof(at));
		if (w == RBPLACE_LOST)
			continue;
		if (w == RBPLACE_HERE)
			st = step_find_placed(pm, at);
		else {
			st = step_find(pm, id->valuestring, rb);
			if (cJSON_IsString(title))
				st->title = title->valuestring;
			st->section = step_section(s);
			st->code = jstr_in(s, "code");
			st->acts = cJSON_GetObjectItemCaseSensitive(s, "acts");
		}
		if (cJSON_IsBool(done))
			st->done = cJSON_IsTrue(done);
		/* Ticked in the file is the author's, not this incident's. */
		st->preticked = !st->done && cJSON_IsTrue(
		    cJSON_GetObjectItemCaseSensitive(s, "preticked"));
	}
}

/* A tick or untick, on the step it goes on; one that fits no step is
 * left out (and said: rbplace's lost). */
static void
pm_tick(struct pm *pm, const struct record *r)
{
	char at[WR_PATH_MAX + 16];
	struct pm_step *st;
	bool section;

	switch (rbplace_record(&pm->place, r, at, sizeof(at), &section)) {
	case RBPLACE_HERE:
		st = step_find_placed(pm, at);
		break;
	case RBPLACE_OTHER:
		st = step_find(pm, dstr(r, "step"), NULL);
		if (dstr(r, "title") != NULL)
			st->title = dstr(r, "title");
		break;
	default:
		return;
	}
	st->done = kind_is(r, "step.check");
	st->ticked_at = st->done ? r->ts_ms : NO_TIME;
	st->preticked = false;
}

/* What x ran or sent from a step (step_of), on the step it goes on:
 * pm->placed[i]. */
static void
pm_place(struct pm *pm, const struct record *r, size_t i)
{
	char at[WR_PATH_MAX + 16];
	bool section;

	switch (rbplace_record(&pm->place, r, at, sizeof(at), &section)) {
	case RBPLACE_HERE:
		pm->placed[i] = section ? NULL : pm_own(pm, at);
		break;
	case RBPLACE_OTHER:
		pm->placed[i] = section ? NULL : step_of(r);
		break;
	default:
		break;
	}
}

static void
pm_build(struct pm *pm, const struct record *v, size_t n, const struct export_opts *o)
{
	size_t i, j;

	memset(pm, 0, sizeof(*pm));
	strmap_init(&pm->ops, n);
	strmap_init(&pm->stepmap, n);
	strmap_init(&pm->keymap, n);
	strmap_init(&pm->spmap, n);
	pm->detect = pm->first_resp = pm->rb_start = pm->rb_end = pm->recovery = NO_TIME;
	pm->resolved_at = pm->opened = pm->first_bad = pm->deployed = NO_TIME;
	pm->first_charged = NO_TIME;
	pm->deployed_recreated = NO_TIME;
	pm->placed = xcalloc(n + 1, sizeof(*pm->placed));
	pm_books(pm, v, n);
	for (i = 0; i < n; i++)
		if (kind_is(&v[i], "incident.open")) {
			pm->opened = v[i].ts_ms;
			pm->name = dstr(&v[i], "name");
			break;
		}
	if (pm->opened == NO_TIME && n > 0)
		pm->opened = v[0].ts_ms;
	for (i = 0; i < n; i++) {
		const struct record *r = &v[i];

		if (kind_is(r, "incident.open") || kind_is(r, "incident.resume"))
			pm->resolved = false;
		else if (kind_is(r, "incident.resolve")) {
			pm->resolved = true;
			pm->resolved_at = r->ts_ms;
		}
		if (pm->first_resp == NO_TIME && is_response(r) && r->ts_ms >= pm->opened)
			pm->first_resp = r->ts_ms;
		if (kind_is(r, "action.intent") && r->op != NULL && action_find(pm, r->op) == NULL)
			action_add(pm, r);
		/* Its intent line damaged, a later record of the op proves it
		 * ran: the row stands on its confirmation, not dropped. */
		if ((kind_is(r, "action.output") || kind_is(r, "action.end") ||
		    kind_is(r, "action.reconcile")) && r->op != NULL && action_find(pm, r->op) == NULL)
			for (j = i; j-- > 0;)
				if (kind_is(&v[j], "action.confirmed") && v[j].op != NULL &&
				    strcmp(v[j].op, r->op) == 0) {
					action_add(pm, &v[j]);
					break;
				}
		if (kind_is(r, "action.output") && r->op != NULL) {
			struct pm_action *a = action_find(pm, r->op);

			if (a != NULL) {
				a->outs = xrealloc(a->outs, (a->nouts + 1) * sizeof(*a->outs));
				a->outs[a->nouts++] = r;
			}
		}
		if ((kind_is(r, "action.end") || kind_is(r, "action.reconcile")) && r->op != NULL) {
			struct pm_action *a = action_find(pm, r->op);

			if (a != NULL && kind_is(r, "action.reconcile") && !record_settles(r))
				a->reread = r;
			else if (a != NULL && kind_is(r, "action.reconcile") && a->end != NULL &&
			    kind_is(a->end, "action.end"))
				a->was = a->end;
			if (a != NULL && (kind_is(r, "action.end") || record_settles(r)))
				a->end = r;
		}
		/* Refused before a dialog too (a helm kill switch): what was asked
		 * and not done is part of the record, not only of the timeline. */
		if (kind_is(r, "action.refused")) {
			pm->refused = xrealloc(pm->refused, (pm->n_refused + 1) * sizeof(*pm->refused));
			pm->refused_conf = xrealloc(pm->refused_conf, (pm->n_refused + 1) *
			    sizeof(*pm->refused_conf));
			pm->refused_conf[pm->n_refused] = NULL;
			/* Only a confirmed one has an op: few, looked up back. */
			for (j = i; r->op != NULL && j-- > 0;)
				if (kind_is(&v[j], "action.confirmed") && v[j].op != NULL &&
				    strcmp(v[j].op, r->op) == 0) {
					pm->refused_conf[pm->n_refused] = &v[j];
					break;
				}
			pm->refused[pm->n_refused++] = r;
			pm->n_refused_confirmed += cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data,
			    "confirmed"));
			pm->n_cancelled += strcmp(refused_word(r), "cancelled") == 0;
			pm->n_skipped += strcmp(refused_word(r), "skipped") == 0;
		}
		contain_fold(&pm->contain, r->kind, r->host, r->op, r->data, r->ts_ms);
		if (kind_is(r, "chain.start") ||
		    (kind_is(r, "chain.end") && dstr(r, "chain") == NULL))
			pm_chain(pm, v, n, i, o);
		pm_sp(pm, r);
		rbplace_note(&pm->place, r);
		if (kind_is(r, "runbook.load"))
			pm_load(pm, r);
		if ((kind_is(r, "step.check") || kind_is(r, "step.uncheck")) && dstr(r, "step") != NULL)
			pm_tick(pm, r);
		else
			pm_place(pm, r, i);
	}
	/* Once badrel has read every tag record: which turns it spared. */
	for (i = 0; i < n; i++)
		if (kind_is(&v[i], "verdict.change") || kind_is(&v[i], "verdict.fresh"))
			pm_verdict(pm, &v[i]);
	pm_links(pm, v, n);
	/* Detected by the first bad verdict, not by the console's opening
	 * (which may come before or long after it); none: the opening. */
	pm->detect = pm->first_bad != NO_TIME ? pm->first_bad : pm->opened;
	pm_deployed(pm, v, n);
	/* Deployed a day before anyone watched, the release's harm is not
	 * known to have begun then (not "Impact duration: 24h 08m"):
	 * counted from the first bad verdict, the deploy still a key time. */
	pm->deployed_early = pm->deployed != NO_TIME && n > 0 &&
	    v[0].ts_ms - pm->deployed > PRE_RECORD_IMPACT_MS;
	/* A host's own fault before the release came is not its impact. */
	pm->impact_from = impact_by_deploy(pm) ? pm->deployed : pm->first_charged;
	/* No verdict was ever bad: only the engineer's resolve says it is over. */
	for (j = 0; !pm->ever_bad && pm->recovered_by == REC_NONE && j < n; j++)
		if (kind_is(&v[j], "incident.resolve")) {
			pm->recovery = v[j].ts_ms;
			pm->recovered_by = REC_RESOLVE;
		}
	/* Only an action with no end at all can still be running. */
	for (i = 0; o != NULL && i < o->nrunning; i++) {
		struct pm_action *a = action_find(pm, o->running[i].op);

		if (a != NULL && a->end == NULL) {
			a->running = o->running[i].here ? 2 : 1;
			a->unstored = o->running[i].unstored;
		}
	}
	pm_seen(pm, v, n);
	pm_rollback_end(pm);
	for (i = 0; i < pm->nacts; i++) {
		const char *oc = action_outcome(&pm->acts[i]);

		if (pm->acts[i].running != 0) {
			pm->n_running++;
			pm->n_unstored += pm->acts[i].unstored != NULL;
		} else if (strcmp(oc, "ok") == 0) {
			pm->n_ok++;
			pm->n_ok_by[settled_by(&pm->acts[i])]++;
		} else if (strcmp(oc, "failed") == 0) {
			pm->n_failed++;
			pm->n_failed_by[settled_by(&pm->acts[i])]++;
		} else {
			struct pm_action *a = &pm->acts[i];
			uint64_t last = a->intent->seq;

			if (a->end != NULL && a->end->seq > last)
				last = a->end->seq;
			if (a->reread != NULL && a->reread->seq > last)
				last = a->reread->seq;
			pm->n_unknown++;
			/* Its end, or the re-read that settles it, may be what a
			 * damaged line after its last record held. */
			if ((a->hidden = damage_after(o, last)) != NULL)
				pm->n_unknown_hidden++;
		}
	}
	for (i = 0; pm->nbad > 0 && pm->rec_hidden == NULL && i < pm->nkeys; i++)
		if (pm->keys[i].bad != NULL)
			pm->rec_hidden = damage_after(o, pm->keys[i].seq);
	for (i = 0; i < pm->nacts; i++)
		pm->n_standing += action_standing(pm, &pm->acts[i]);
	for (i = 0; i < pm->nsteps; i++) {
		pm->n_done += pm->steps[i].done;
		pm->steps[i].ran_ok = step_ran_ok(pm, &pm->steps[i], &pm->steps[i].ran_bad,
		    &pm->steps[i].ok_before);
		pm->n_ran_ok += pm->steps[i].ran_ok != NULL;
		/* Counted once: its action's OK is the incident's own word. */
		pm->n_preticked += pm->steps[i].preticked && pm->steps[i].ran_ok == NULL;
	}
}

static void
pm_free(struct pm *pm)
{
	size_t i;

	for (i = 0; i < pm->nacts; i++)
		free(pm->acts[i].outs);
	free(pm->acts);
	free(pm->refused);
	free(pm->refused_conf);
	deployby_free(&pm->deployby);
	contain_free(&pm->contain);
	for (i = 0; i < pm->nchains; i++)
		cJSON_Delete(pm->chains[i].own);
	free(pm->chains);
	free(pm->steps);
	rbplace_free(&pm->place);
	free(pm->placed);
	for (i = 0; i < pm->nowned; i++)
		free(pm->owned[i]);
	free(pm->owned);
	for (i = 0; i < pm->nrbs; i++)
		free((char *)pm->rbs[i]);
	free(pm->rbs);
	free(pm->rbnames);
	for (i = 0; i < pm->nkeys; i++)
		free(pm->keys[i].id);
	free(pm->keys);
	strmap_free(&pm->keymap);
	strmap_free(&pm->spmap);
	free(pm->sp);
	strmap_free(&pm->ops);
	strmap_free(&pm->stepmap);
}

/* The longest run of backticks in text, or best if longer. */
static size_t
backtick_run(const char *text, size_t best)
{
	size_t run = 0;

	for (; text != NULL && *text != '\0'; text++) {
		run = *text == '`' ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return best;
}

/* A fence no line can close early: one backtick more than the longest run. */
static size_t
fence_len(const cJSON *lines)
{
	const cJSON *l;
	size_t best = 2;

	cJSON_ArrayForEach(l, lines)
		if (cJSON_IsString(l))
			best = backtick_run(l->valuestring, best);
	return best + 1;
}

static void
md_fence(struct wr_buf *b, size_t f)
{
	size_t j;

	for (j = 0; j < f; j++)
		wr_buf_str(b, "`");
	wr_buf_str(b, "\n");
}

/* One command an action.intent recorded: its step's name, the command
 * (or an SFTP step's words), and when it runs if not in turn. */
struct pm_cmd {
	const char *name, *cmd, *when;
};

#define CMDS_MAX 16

/* The commands an action.intent's plan holds, in the order they run: its
 * steps, the read-back, the release recorded after a verified OK, the
 * steps kept for after the health gate. */
static size_t
intent_commands(const struct record *intent, struct pm_cmd *out, size_t max)
{
	const cJSON *plan = cJSON_GetObjectItemCaseSensitive(intent->data, "plan");
	const cJSON *steps = cJSON_GetObjectItemCaseSensitive(plan, "steps"), *st;
	const char *verify = jstr_in(plan, "verify"), *rec = jstr_in(plan, "record");
	size_t n = 0;
	int pass;

	if (!cJSON_IsObject(plan) || !cJSON_IsArray(steps))
		return 0;
	for (pass = 0; pass < 2; pass++) {
		cJSON_ArrayForEach(st, steps) {
			const char *cmd = jstr_in(st, "cmd"), *name = jstr_in(st, "name");
			bool later = cJSON_IsTrue(
			    cJSON_GetObjectItemCaseSensitive(st, "after_verify"));

			if (cmd == NULL || cmd[0] == '\0' || later != (pass == 1) || n == max)
				continue;
			out[n].name = name != NULL && name[0] != '\0' ? name : "step";
			out[n].cmd = cmd;
			out[n++].when = later ? "once read back and healthy" : NULL;
		}
		if (pass == 0 && verify != NULL && verify[0] != '\0' && n < max)
			out[n++] = (struct pm_cmd){ "read back", verify, NULL };
		if (pass == 0 && rec != NULL && rec[0] != '\0' && n < max)
			out[n++] = (struct pm_cmd){ "record the release", rec,
			    "after a verified OK" };
	}
	return n;
}

/* An action's commands as its intent recorded them, before anything was
 * sent: a code block, each under a comment naming its step. */
static void
md_commands(struct wr_buf *b, const struct export_opts *o, const struct pm_action *a)
{
	struct pm_cmd c[CMDS_MAX];
	size_t n = intent_commands(a->intent, c, CMDS_MAX), i, f = 2;
	char *red;

	if (n == 0 && kind_is(a->intent, "action.confirmed")) {
		wr_buf_str(b, "\n_Its action.intent line is damaged: what it recorded is not "
		    "known (its confirmation stands in for it)._\n");
		return;
	}
	if (n == 0) {
		wr_buf_str(b, "\n_Its action.intent records no commands._\n");
		return;
	}
	for (i = 0; i < n; i++)
		f = backtick_run(c[i].cmd, backtick_run(c[i].name, f));
	wr_buf_str(b, "\nCommands, as its action.intent recorded them before anything was "
	    "sent:\n\n");
	md_fence(b, f + 1);
	for (i = 0; i < n; i++) {
		red = redact_text(o->red, c[i].name);
		wr_buf_str(b, "# ");
		sb_code(b, red);
		wr_buf_printf(b, "%s%s%s\n", c[i].when != NULL ? " (" : "",
		    c[i].when != NULL ? c[i].when : "", c[i].when != NULL ? ")" : "");
		free(red);
		red = redact_text(o->red, c[i].cmd);
		sb_code(b, red);
		wr_buf_str(b, red[0] != '\0' && red[strlen(red) - 1] == '\n' ? "" : "\n");
		free(red);
	}
	md_fence(b, f + 1);
}

/* What one action.output record printed (its last lines) as a code block. */
static void
md_output(struct wr_buf *b, const struct export_opts *o, const struct record *r)
{
	const cJSON *lines = cJSON_GetObjectItemCaseSensitive(r->data, "lines");
	const cJSON *tot = cJSON_GetObjectItemCaseSensitive(r->data, "lines_total");
	const cJSON *l;
	char *d = export_details(r, o->red);
	int nl = cJSON_GetArraySize(lines);
	size_t f;

	wr_buf_str(b, "\nOutput of ");
	sb_text_max(b, o, d, 0);
	free(d);
	if (cJSON_IsNumber(tot) && tot->valuedouble > nl)
		wr_buf_printf(b, " (the last %d shown)", nl);
	wr_buf_str(b, "\n");
	if (nl == 0)
		return;
	f = fence_len(lines);
	wr_buf_str(b, "\n");
	md_fence(b, f);
	cJSON_ArrayForEach(l, lines) {
		char *red;

		if (!cJSON_IsString(l))
			continue;
		red = redact_text(o->red, l->valuestring);
		sb_code(b, red);
		wr_buf_str(b, "\n");
		free(red);
	}
	md_fence(b, f);
}

/* An UNKNOWN action whose settling may be in a damaged line, said so
 * rather than taken as never ended: "no action.end found; damaged line
 * 31 after its intent may have held it: check the real state before
 * anything else" (after sep when something was said before it).
 * Nothing for any other action. */
static void
md_hidden_end(struct wr_buf *b, const struct pm_action *a, const char *sep)
{
	bool bare = a->end == NULL && a->reread == NULL;

	if (a->hidden == NULL || a->running != 0)
		return;
	wr_buf_str(b, sep);
	if (bare)
		wr_buf_str(b, "no action.end found; ");
	damage_ref(b, a->hidden);
	wr_buf_str(b, bare ? " after its intent may have held it" :
	    " after it may have held what settled it");
	wr_buf_str(b, ": check the real state before anything else");
}

static void fmt_time(int64_t ms, const struct export_opts *o, char out[TIME_MAX]);

/* An action that ended FAILED and whose rollout completed later: "FAILED,
 * rollout completed later at 2026-11-28 03:50:12" (the Actions table's
 * outcome, and its details'). */
static void
late_words(struct wr_buf *b, const struct export_opts *o, const struct pm_action *a)
{
	char ts[TIME_MAX];

	fmt_time(settled_ms(a), o, ts);
	wr_buf_printf(b, "%s, rollout completed later at %s", late_after_unknown(a) ? "UNKNOWN" :
	    "FAILED", ts);
}

static void
late_outcome(struct wr_buf *b, const struct export_opts *o, const struct pm_action *a)
{
	wr_buf_str(b, "\n\n- Outcome: ");
	late_words(b, o, a);
}

/* Each action in full, under the Actions table (whose cells are cut):
 * its whole outcome (and the UNKNOWN one a re-read or the engineer
 * settled), the commands it planned, and what its steps printed. */
static void
md_action_details(struct wr_buf *b, const struct export_opts *o, const struct pm *pm)
{
	static const char *const by_words[] = { "", ", after a re-read of an UNKNOWN outcome",
		" after an UNKNOWN outcome", "" };
	size_t i, k;

	for (i = 0; i < pm->nacts; i++) {
		const struct pm_action *a = &pm->acts[i];
		const char *oc = action_outcome(a);
		int by = settled_by(a);
		char kind[80];

		wr_buf_str(b, "\n### ");
		sb_text(b, o, a->intent->op);
		wr_buf_str(b, ": ");
		unsettled_kind_words(dstr(a->intent, "action"), kind, sizeof(kind));
		sb_text(b, o, kind);
		if (a->intent->host != NULL) {
			wr_buf_str(b, " on ");
			sb_text(b, o, a->intent->host);
		}
		if (a->running != 0)
			wr_buf_printf(b, "\n\n- Outcome: %s", running_words(a));
		else if (by == 3)
			late_outcome(b, o, a);
		else {
			wr_buf_printf(b, "\n\n- Outcome: %s%s",
			    strcmp(oc, "unknown") == 0 ? "**UNKNOWN**" : oc,
			    env_not_updated(a) ? ENVMARK_NOT_UPDATED : "");
			/* Whose word it is, as the Actions table's By says. */
			if (by == 2) {
				wr_buf_str(b, ", settled by hand");
				if (a->end->actor != NULL) {
					wr_buf_str(b, " by ");
					sb_text(b, o, a->end->actor);
				}
			}
			wr_buf_str(b, by_words[by]);
		}
		if (a->running != 0) {
			/* Its end is still to come: nothing to say of it yet. */
		} else if (by == 3) {
			/* Its own end's words; what completed is said below. */
			if (a->was != NULL && dstr(a->was, "detail") != NULL) {
				wr_buf_str(b, " — ");
				sb_text_max(b, o, dstr(a->was, "detail"), 0);
			}
		} else if (a->end == NULL && a->hidden == NULL) {
			wr_buf_str(b, " — no action.end recorded: check the real state before "
			    "anything else");
		} else if (a->end != NULL && dstr(a->end, "detail") != NULL) {
			wr_buf_str(b, " — ");
			sb_text_max(b, o, dstr(a->end, "detail"), 0);
		}
		md_hidden_end(b, a, a->end != NULL && dstr(a->end, "detail") != NULL ? "; " :
		    " — ");
		wr_buf_str(b, "\n");
		if (by == 3) {
			wr_buf_str(b, "- Then: ");
			sb_text_max(b, o, dstr(a->end, "summary") != NULL ? dstr(a->end, "summary") :
			    "its rollout completed", 0);
			if (dstr(a->end, "detail") != NULL) {
				wr_buf_str(b, " — ");
				sb_text_max(b, o, dstr(a->end, "detail"), 0);
			}
			wr_buf_str(b, "\n");
		} else if (by != 0) {
			wr_buf_str(b, "- Before that: ");
			if (a->was == NULL) {
				wr_buf_str(b, "no action.end recorded (the console running it was "
				    "gone)");
			} else {
				wr_buf_str(b, "UNKNOWN");
				if (dstr(a->was, "detail") != NULL) {
					wr_buf_str(b, " — ");
					sb_text_max(b, o, dstr(a->was, "detail"), 0);
				}
			}
			wr_buf_str(b, "\n");
		}
		if (a->reread != NULL && dstr(a->reread, "detail") != NULL) {
			wr_buf_str(b, "- What a re-read found (it settled nothing): ");
			sb_text_max(b, o, dstr(a->reread, "detail"), 0);
			wr_buf_str(b, "\n");
		}
		md_commands(b, o, a);
		for (k = 0; k < a->nouts; k++)
			md_output(b, o, a->outs[k]);
	}
}

/* "UTC+hh:mm" for an offset (seconds east of UTC); "UTC" for 0. */
static void
utc_offset_name(long off, char *out, size_t cap)
{
	long a = off < 0 ? -off : off;

	if (off == 0)
		wr_strlcpy(out, "UTC", cap);
	else
		snprintf(out, cap, "UTC%c%02ld:%02ld", off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
}

/* Does the draft show a zone beside UTC? */
static bool
zone_shown(const struct export_opts *o)
{
	return o->tz_at != NULL || o->tz_off != 0 ||
	    (o->tz_label != NULL && o->tz_label[0] != '\0' && strcmp(o->tz_label, "UTC") != 0);
}

/* The zone's offset at ms and its abbreviation ("CET"; "UTC+01:00" when it
 * has none), kept to characters Markdown leaves alone. */
static long
zone_at(const struct export_opts *o, int64_t ms, char *abbr, size_t cap)
{
	long off = o->tz_off;
	size_t i, k;

	abbr[0] = '\0';
	if (o->tz_at != NULL)
		o->tz_at(ms, o->tz_arg, &off, abbr, cap);
	for (i = k = 0; abbr[i] != '\0' && k + 1 < cap; i++)
		if (strchr("+-", abbr[i]) != NULL || (abbr[i] >= '0' && abbr[i] <= '9') ||
		    ((abbr[i] | 0x20) >= 'a' && (abbr[i] | 0x20) <= 'z'))
			abbr[k++] = abbr[i];
	abbr[k] = '\0';
	if (abbr[0] == '\0')
		utc_offset_name(off, abbr, cap);
	return off;
}

/* "YYYY-MM-DD HH:MM:SS" in UTC, or with a zone "YYYY-MM-DD HH:MM:SS CET
 * (HH:MM:SS UTC)" (the UTC date too when it differs); "—" for no time. */
static void
fmt_time(int64_t ms, const struct export_opts *o, char out[TIME_MAX])
{
	char loc[WR_TS_MAX], utc[WR_TS_MAX], abbr[32];
	long off;

	if (ms == NO_TIME) {
		wr_strlcpy(out, "—", TIME_MAX);
		return;
	}
	record_format_ts(ms, utc);
	utc[10] = ' ';
	utc[19] = '\0';
	if (!zone_shown(o)) {
		wr_strlcpy(out, utc, TIME_MAX);
		return;
	}
	off = zone_at(o, ms, abbr, sizeof(abbr));
	record_format_ts(ms + (int64_t)off * 1000, loc);
	loc[10] = ' ';
	loc[19] = '\0';
	snprintf(out, TIME_MAX, "%s %s (%s UTC)", loc, abbr,
	    memcmp(loc, utc, 10) == 0 ? utc + 11 : utc);
}

static void
fmt_dur(int64_t ms, char *out, size_t cap)
{
	int64_t s = ms / 1000;

	/* Before detection (the deploy, an opening after the verdict). */
	if (s < 0 && cap > 1) {
		out[0] = '-';
		fmt_dur(-ms, out + 1, cap - 1);
	} else if (s >= 3600)
		snprintf(out, cap, "%" PRId64 "h %02" PRId64 "m %02" PRId64 "s", s / 3600,
		    s / 60 % 60, s % 60);
	else if (s >= 60)
		snprintf(out, cap, "%" PRId64 "m %02" PRId64 "s", s / 60, s % 60);
	else
		snprintf(out, cap, "%" PRId64 "s", s);
}

/* Under this, a gap no console watched is a restart: said without fuss. */
#define GAP_SHORT_MS 60000

/* Whether v[j] is an incident.resume made with no other console open,
 * after a stretch nobody watched; *from: when that began (its
 * unwatched_from, else the record before it, as older journals say). */
static bool
resume_gap(const struct record *v, size_t j, int64_t *from)
{
	const char *f;

	if (!kind_is(&v[j], "incident.resume") || (v[j].data != NULL &&
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(v[j].data, "others_open"))))
		return false;
	f = v[j].data != NULL ? dstr(&v[j], "unwatched_from") : NULL;
	if (f != NULL && record_parse_ts(f, from) == 0)
		return true;
	if (j == 0)
		return false;
	*from = v[j - 1].ts_ms;
	return true;
}

int64_t
export_conn_unwatched_s(const struct record *v, size_t n, int64_t down_ms, int64_t up_ms)
{
	int64_t from, sum = 0;
	size_t k;

	/* Every stretch counts, not only the last resume's: a console closed,
	 * reopened and closed again left two. One outside it adds 0. */
	for (k = 0; k < n; k++)
		if (resume_gap(v, k, &from))
			sum += connrec_unwatched_ms(down_ms, up_ms, from, v[k].ts_ms);
	return connrec_down_s(0, sum);
}

/* The same for a host's stretch from down to back (records v[i] and
 * *back): what its UP row, Reachability and the JSON say. */
static int64_t
conn_unwatched_s(const struct record *v, size_t i, const struct record *back)
{
	return export_conn_unwatched_s(v, (size_t)(back - v), v[i].ts_ms, back->ts_ms);
}

/* Whether the resume r comes after a console that stopped without its
 * shutdown record (killed, crashed). */
static bool
resume_after_crash(const struct record *r)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(r->data, "ended_without_shutdown");

	return cJSON_IsNumber(n) && n->valuedouble >= 1;
}

/* Whether the stretch before the resume r that no console watched,
 * from `from`, began with a console ending without its shutdown record:
 * its last record is where the stretch starts. A console that ended so
 * earlier, beside one that later quit cleanly, did not open the stretch
 * (else the clean quit is blamed on the killed console). */
static bool
gap_from_crash(const struct record *r, int64_t from)
{
	const char *last = dstr(r, "last_record_ts");
	int64_t ms;

	if (!resume_after_crash(r))
		return false;
	/* Older resumes said no time: the crash is all they knew. */
	return last == NULL || record_parse_ts(last, &ms) != 0 || ms >= from;
}

/* At most this many of the stretches no console watched are named. */
#define UNWATCHED_SAID 3

/* Where resume_gap_words says a stretch no console recorded. */
enum gap_at { GAP_ROW, GAP_IMPACT, GAP_HOSTS, GAP_WHY };

static bool resume_gap_silent(const struct record *r);
static bool resume_gap_words(struct wr_buf *b, const struct record *r,
    const struct export_opts *o, enum gap_at at);

/* The stretches of [from, to] no console recorded: from the record before
 * an incident.resume made with no other console open (its console had
 * ended, or was killed after that record) to that resume. Their total in
 * ms; the first cap into a[] and z[] (and the resume's index into res[]
 * unless NULL), their count into *ngaps. */
static int64_t
unwatched(const struct record *v, size_t n, int64_t from, int64_t to, int64_t *a, int64_t *z,
    size_t *res, size_t cap, size_t *ngaps)
{
	int64_t total = 0, s, e;
	size_t j;

	*ngaps = 0;
	for (j = 1; from != NO_TIME && to != NO_TIME && j < n; j++) {
		if (!resume_gap(v, j, &s))
			continue;
		s = s > from ? s : from;
		e = v[j].ts_ms < to ? v[j].ts_ms : to;
		/* Under a second is a restart, not a stretch anyone missed. */
		if (e - s < 1000)
			continue;
		if (*ngaps < cap) {
			a[*ngaps] = s;
			z[*ngaps] = e;
			if (res != NULL)
				res[*ngaps] = j;
		}
		(*ngaps)++;
		total += e - s;
	}
	return total;
}

/* The impact line's "; of which 3m 44s not recorded: …" for [from, to].
 * A read-only watcher may have run then: it records nothing, so the
 * words say no writing console ran, not that nobody watched. After a
 * killed console they say only that nothing was recorded ("; of which
 * 3m 44s with nothing recorded since the last record …"): it may have
 * run. Each run of stretches of one kind gets its words once. */
static void
md_unwatched(struct wr_buf *b, const struct record *v, size_t n, const struct export_opts *o,
    int64_t from, int64_t to)
{
	int64_t a[UNWATCHED_SAID], z[UNWATCHED_SAID], total;
	char dur[48], t0[TIME_MAX], t1[TIME_MAX];
	size_t k, ngaps, res[UNWATCHED_SAID];
	struct wr_buf said = { 0 };
	bool silent[UNWATCHED_SAID], all;

	if ((total = unwatched(v, n, from, to, a, z, res, UNWATCHED_SAID, &ngaps)) == 0)
		return;
	/* Stretches not named may be of either kind. */
	all = ngaps <= UNWATCHED_SAID;
	for (k = 0; k < ngaps && k < UNWATCHED_SAID; k++) {
		silent[k] = resume_gap_silent(&v[res[k]]);
		all = all && silent[k];
	}
	fmt_dur(total, dur, sizeof(dur));
	wr_buf_printf(b, "; of which %s %s", dur, all ? "with" : "not recorded:");
	for (k = 0; k < ngaps && k < UNWATCHED_SAID; k++) {
		fmt_time(a[k], o, t0);
		fmt_time(z[k], o, t1);
		if (k > 0 && silent[k] != silent[k - 1])
			wr_buf_str(b, ";");
		else if (k > 0)
			wr_buf_str(b, k + 1 == ngaps ? " and" : ",");
		if (k == 0 || silent[k] != silent[k - 1]) {
			said.len = 0;
			resume_gap_words(&said, &v[res[k]], o, GAP_IMPACT);
			wr_buf_printf(b, " %s", said.s);
		}
		wr_buf_printf(b, " from %s to %s", t0, t1);
	}
	if (ngaps > UNWATCHED_SAID)
		wr_buf_printf(b, ", and %zu more", ngaps - UNWATCHED_SAID);
	free(said.s);
}

/* The zone as of ms: "UTC", or "Europe/Paris (CET, UTC+01:00)"; *off
 * gets its offset then. */
static void
tz_describe(const struct export_opts *o, int64_t ms, char *out, size_t cap, long *off)
{
	char abbr[32], utc[32];

	*off = 0;
	if (!zone_shown(o)) {
		wr_strlcpy(out, "UTC", cap);
		return;
	}
	*off = zone_at(o, ms, abbr, sizeof(abbr));
	utc_offset_name(*off, utc, sizeof(utc));
	if (o->tz_label == NULL || o->tz_label[0] == '\0' || strcmp(o->tz_label, utc) == 0)
		snprintf(out, cap, "%s", utc);
	else if (strcmp(abbr, utc) == 0)
		snprintf(out, cap, "%s (%s)", o->tz_label, utc);
	else
		snprintf(out, cap, "%s (%s, %s)", o->tz_label, abbr, utc);
}

/* How a health.change says readiness's migration warning. */
static const char *
schema_change_words(enum probe_schema s)
{
	switch (s) {
	case PROBE_SCHEMA_AHEAD:
		return "migrations not current (schema ahead)";
	case PROBE_SCHEMA_BEHIND:
		return "migrations not current (schema behind)";
	case PROBE_SCHEMA_UNSURE:
		return "migrations not current (ahead or behind: not said)";
	case PROBE_SCHEMA_CURRENT:
	case PROBE_SCHEMA_UNSAID:
		break;
	}
	return NULL;
}

static void when_in(int64_t ms, int64_t ref_ms, const struct export_opts *o,
    char out[TIME_MAX]);

/* A new tag no action of the journal's made (data.outside): "1.5.1-bad
 * deployed outside this console at 15:21:08 UTC (per compose ps: container
 * created)", the time as its host's deploy history says, when it does. */
static void
outside_words(struct wr_buf *b, const struct record *r, const struct export_opts *o)
{
	const cJSON *ms = cJSON_GetObjectItemCaseSensitive(r->data, "deployed_ms");
	const char *from = dstr(r, "deployed_from");
	char when[TIME_MAX];

	wr_buf_printf(b, "%s deployed outside this console", dstr(r, "tag"));
	if (!cJSON_IsNumber(ms) || ms->valuedouble <= 0)
		return;
	when_in((int64_t)ms->valuedouble, r->ts_ms, o, when);
	wr_buf_printf(b, " at %s", when);
	if (from != NULL && from[0] != '\0')
		wr_buf_printf(b, " (per %s)", from);
}

static void utc_short(int64_t ms, int64_t ref_ms, char *out, size_t cap);

/* When what r tells came, if before prev_ms: a new tag's deployed_ms
 * (its first reading's, or an unchanged tag's, is an old deploy, not
 * this row's news) or a held change's observed_ms, the earlier; *what
 * says which. NO_TIME: none earlier. */
static int64_t
early_ms(const struct record *r, int64_t prev_ms, const char **what)
{
	const cJSON *dep = cJSON_GetObjectItemCaseSensitive(r->data, "deployed_ms");
	const cJSON *seen = cJSON_GetObjectItemCaseSensitive(r->data, "observed_ms");
	const char *tag = dstr(r, "tag"), *was = dstr(r, "was_tag");
	int64_t at = NO_TIME;

	if (r->data == NULL)
		return NO_TIME;
	/* Earlier as the rows show times, to the second: the same second
	 * reads in order already. */
	prev_ms -= prev_ms % 1000;
	if (cJSON_IsNumber(seen) && seen->valuedouble > 0 &&
	    (int64_t)seen->valuedouble < prev_ms) {
		at = (int64_t)seen->valuedouble;
		*what = "seen";
	}
	if (cJSON_IsNumber(dep) && dep->valuedouble > 0 && (int64_t)dep->valuedouble < prev_ms &&
	    ((int64_t)dep->valuedouble < at || at == NO_TIME) && tag != NULL && was != NULL &&
	    was[0] != '\0' && strcmp(tag, was) != 0 &&
	    !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "first"))) {
		at = (int64_t)dep->valuedouble;
		*what = "deployed";
	}
	return at;
}

/* early_ms's words, "[08:53:06 deployed] ": the time of day in o's zone
 * (NULL: UTC, unlabelled, as TIMELINE's rows), the date only when not
 * r's own. */
static void
early_words(struct wr_buf *b, const struct record *r, int64_t prev_ms,
    const struct export_opts *o)
{
	const char *what = NULL;
	int64_t at = early_ms(r, prev_ms, &what);
	char ts[TIME_MAX], row[TIME_MAX];
	size_t len;

	if (at == NO_TIME)
		return;
	if (o == NULL) {
		utc_short(at, r->ts_ms, ts, sizeof(ts));
		if ((len = strlen(ts)) > 4 && strcmp(ts + len - 4, " UTC") == 0)
			ts[len - 4] = '\0';
	} else {
		fmt_time(at, o, ts);
		fmt_time(r->ts_ms, o, row);
		if (memcmp(ts, row, 11) == 0)
			memmove(ts, ts + 11, strlen(ts + 11) + 1);
	}
	/* The time first: a cut row keeps it. */
	wr_buf_printf(b, "[%s %s] ", ts, what);
}

void
export_early_words(const struct record *r, int64_t prev_ms, char *out, size_t cap)
{
	struct wr_buf b = { 0 };

	early_words(&b, r, prev_ms, NULL);
	wr_strlcpy(out, b.s != NULL ? b.s : "", cap);
	free(b.s);
}

/* A health.change: the service, then what changed ("healthz OK -> FAIL",
 * "tag a -> b", "migrations not current (schema behind)"), or its
 * first reading; one whose tag could not be read
 * again after the host changed says so, a new tag deployed outside this
 * console says that first; one held for a tag read after its probes says
 * when they saw it. Values were sanitized when stored. */
static bool
health_details(struct wr_buf *b, const struct record *r, const struct export_opts *o)
{
	static const char *const keys[][2] = {
		{ "tag", "was_tag" }, { "healthz", "was_healthz" }, { "readyz", "was_readyz" },
	};
	const char *svc = dstr(r, "service");
	bool first = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "first"));
	bool unread = cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(r->data, "tag_reread"));
	/* Only records of a probed service carry the schema. */
	bool said = cJSON_IsBool(cJSON_GetObjectItemCaseSensitive(r->data, "schema_ahead"));
	bool was_said = cJSON_IsBool(cJSON_GetObjectItemCaseSensitive(r->data,
	    "was_schema_ahead"));
	enum probe_schema now = healthrec_schema(r->data, false);
	enum probe_schema was = healthrec_schema(r->data, true);
	const char *ready = dstr(r, "readyz");
	const cJSON *seen = cJSON_GetObjectItemCaseSensitive(r->data, "observed_ms");
	const cJSON *dropped = cJSON_GetObjectItemCaseSensitive(r->data, "held_dropped");
	char when[TIME_MAX];
	size_t i, n = 0;

	if (svc == NULL || (dstr(r, "tag") == NULL && !unread))
		return false;
	wr_buf_printf(b, "%s: ", svc);
	if (dstr(r, "tag") != NULL && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data,
	    "outside"))) {
		outside_words(b, r, o);
		wr_buf_str(b, "; ");
	}
	for (i = 0; i < WR_ARRAY_LEN(keys); i++) {
		const char *nv = dstr(r, keys[i][0]), *wv = dstr(r, keys[i][1]);

		if (nv == NULL || (!first && wv != NULL && strcmp(nv, wv) == 0))
			continue;
		if (n++ > 0)
			wr_buf_str(b, ", ");
		if (first || wv == NULL)
			wr_buf_printf(b, "%s %s", keys[i][0], nv);
		else
			wr_buf_printf(b, "%s %s -> %s", keys[i][0], wv, nv);
	}
	/* Ready with the migrations not current is no failure of readiness:
	 * said beside it, which way when /readyz said, when it came, went or
	 * turned. Gone with readiness itself, the readyz change says it. */
	if (said && (first || !was_said ? now != PROBE_SCHEMA_UNSAID : now != was)) {
		if (now != PROBE_SCHEMA_UNSAID)
			wr_buf_printf(b, "%s%s", n++ > 0 ? ", " : "", schema_change_words(now));
		else if (ready == NULL || strcmp(ready, "OK") == 0)
			wr_buf_printf(b, "%s%s", n++ > 0 ? ", " : "", "migrations current again");
	}
	if (unread)
		wr_buf_printf(b, "%stag not re-read%s%s", n > 0 ? "; " : "",
		    dstr(r, "tag_error") ? ": " : "", dstr(r, "tag_error") ? dstr(r, "tag_error") : "");
	/* Held for a tag read after its probe round, written later. */
	if (cJSON_IsNumber(seen) && seen->valuedouble > 0) {
		when_in((int64_t)seen->valuedouble, r->ts_ms, o, when);
		wr_buf_printf(b, " (seen at %s)", when);
	}
	if (cJSON_IsNumber(dropped) && dropped->valuedouble >= 1)
		wr_buf_printf(b, "; %d change%s after it not recorded", (int)dropped->valuedouble,
		    dropped->valuedouble >= 2 ? "s" : "");
	if (first)
		wr_buf_str(b, " (first reading)");
	return true;
}

/* A queued status-page post: what it will say ("queued: create
 * identified — api 5xx"), not its JSON. */
static bool
queue_details(struct wr_buf *b, const struct record *r)
{
	const cJSON *u = cJSON_GetObjectItemCaseSensitive(r->data, "update");
	const cJSON *action = cJSON_GetObjectItemCaseSensitive(u, "action");
	const cJSON *status = cJSON_GetObjectItemCaseSensitive(u, "status");
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(u, "name");
	const cJSON *body = cJSON_GetObjectItemCaseSensitive(u, "body");
	const cJSON *impact = cJSON_GetObjectItemCaseSensitive(u, "impact");
	char words[64];

	if (!cJSON_IsString(action) || !cJSON_IsString(status))
		return false;
	wr_buf_printf(b, "queued: %s", statuspage_post_words(action->valuestring,
	    status->valuestring, words, sizeof(words)));
	/* Only a create sends the title; an update's name is for the lookup. */
	if (strcmp(action->valuestring, "create") == 0 && cJSON_IsString(name) &&
	    name->valuestring[0] != '\0')
		wr_buf_printf(b, " — %s", name->valuestring);
	if (cJSON_IsString(impact) && impact->valuestring[0] != '\0')
		wr_buf_printf(b, " (impact %s)", impact->valuestring);
	if (cJSON_IsString(body) && body->valuestring[0] != '\0')
		wr_buf_printf(b, " — %s", body->valuestring);
	return true;
}

/* Who ended a console, as a reader of the post-mortem needs it: a
 * console stopped from outside is not the engineer quitting. The signal
 * names are what journals before these words recorded. */
static const char *
shutdown_words(const char *reason)
{
	static const char *const words[][2] = {
		{ "terminated", "terminated (SIGTERM), not quit by the engineer" },
		{ "SIGTERM", "terminated (SIGTERM), not quit by the engineer" },
		{ "hangup", "hangup: the terminal went away (SIGHUP or its window closed), "
		    "not quit by the engineer" },
		{ "SIGHUP", "hangup: the terminal went away (SIGHUP or its window closed), "
		    "not quit by the engineer" },
		{ "interrupted", "interrupted (Ctrl-C or Ctrl-\\)" },
	};
	size_t i;

	for (i = 0; i < WR_ARRAY_LEN(words); i++)
		if (strcmp(reason, words[i][0]) == 0)
			return words[i][1];
	return reason;
}

/* A resume's outcomes still UNKNOWN from an earlier session, after the
 * generic keys, each by what it was and when it began: the post-mortem
 * (pm knows the op's intent) keeps the op id after it, to match the
 * journal; TIMELINE takes the words the resume wrote (unknown_names);
 * the op id alone only when neither knows it (an older journal). */
static void
resume_unknown(struct wr_buf *b, const struct record *r, const struct pm *pm,
    const struct export_opts *o)
{
	const cJSON *ops = cJSON_GetObjectItemCaseSensitive(r->data, "unknown_ops"), *op;
	const cJSON *names = cJSON_GetObjectItemCaseSensitive(r->data, "unknown_names");
	int n = cJSON_GetArraySize(ops), k = 0;
	char name[256], when[TIME_MAX];
	const char *said;

	if (n <= 0)
		return;
	wr_buf_printf(b, "%s%d action%s left UNKNOWN by an earlier session: ", b->len ? " — " : "",
	    n, n == 1 ? "" : "s");
	cJSON_ArrayForEach(op, ops) {
		bool found = false;
		size_t slot = 0;

		if (!cJSON_IsString(op))
			continue;
		if (k++ > 0)
			wr_buf_str(b, "; ");
		if (pm != NULL)
			slot = strmap_slot(&pm->ops, op->valuestring, &found);
		if (!found) {
			said = cJSON_GetStringValue(cJSON_GetArrayItem(names, k - 1));
			wr_buf_str(b, said != NULL && said[0] != '\0' ? said : op->valuestring);
			continue;
		}
		unsettled_name(pm->acts[pm->ops.vals[slot]].intent, name, sizeof(name));
		when_in(pm->acts[pm->ops.vals[slot]].intent->ts_ms, r->ts_ms, o, when);
		wr_buf_printf(b, "the %s at %s (%s)", name, when, op->valuestring);
	}
}

/* A resume's fleet rollbacks (B) left with no chain.end: not continued. */
static void
resume_chains(struct wr_buf *b, const struct record *r)
{
	const cJSON *c;

	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(r->data, "interrupted_chains"))
		if (cJSON_IsString(c))
			wr_buf_printf(b, "%s%s (not continued)", b->len ? " — " : "", c->valuestring);
}

/* A resume's actions an earlier console confirmed and never ran. */
static void
resume_unrun(struct wr_buf *b, const struct record *r)
{
	const cJSON *c;

	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(r->data, "confirmed_not_run"))
		if (cJSON_IsString(c))
			wr_buf_printf(b, "%s%s: never ran, no intent was recorded after its "
			    "confirmation", b->len ? " — " : "", c->valuestring);
	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(r->data, "confirmed_unknown"))
		if (cJSON_IsString(c))
			wr_buf_printf(b, "%s%s", b->len ? " — " : "", c->valuestring);
}

/* One ended session of a resume's ended_sessions: "bob (root@vm), pid
 * 4242"; false (nothing written) when it names no actor (older journals). */
static bool
unended_who(struct wr_buf *b, const cJSON *e)
{
	const char *actor = jstr_in(e, "actor");
	const cJSON *pid = cJSON_GetObjectItemCaseSensitive(e, "pid");

	if (actor == NULL || actor[0] == '\0')
		return false;
	wr_buf_str(b, actor);
	if (cJSON_IsNumber(pid) && pid->valuedouble >= 1 && pid->valuedouble < 1e9)
		wr_buf_printf(b, ", pid %.0f", pid->valuedouble);
	return true;
}

/* The sessions before a resume that ended with no shutdown record, in
 * words, with the latest of their last records' times. Each one is named
 * by actor and pid where the resume recorded them (sessions: its
 * ended_sessions), so a console that quit cleanly is never the one
 * blamed. */
static void
unended_words(struct wr_buf *b, size_t n, bool armed, const char *when, const cJSON *sessions)
{
	const cJSON *e;
	bool named = false;
	size_t k = 0;

	cJSON_ArrayForEach(e, sessions)
		named = named || (jstr_in(e, "actor") != NULL && jstr_in(e, "actor")[0] != '\0');
	if (n == 1 && named) {
		e = cJSON_GetArrayItem(sessions, 0);
		wr_buf_str(b, "the console of ");
		unended_who(b, e);
		/* "…, pid 4242, ended": the pid set off on both sides. */
		wr_buf_str(b, cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(e, "pid")) ? "," : "");
		wr_buf_str(b, " ended without shutting down");
	} else if (n == 1)
		wr_buf_str(b, "the console before ended without shutting down");
	else
		wr_buf_printf(b, "%zu consoles before ended without shutting down", n);
	if (armed)
		wr_buf_str(b, n == 1 ? " while armed" : ", at least one of them armed");
	if (when != NULL)
		wr_buf_printf(b, " (last record %s)", when);
	if (n == 1 || !named)
		return;
	wr_buf_str(b, ":");
	cJSON_ArrayForEach(e, sessions) {
		wr_buf_str(b, k++ == 0 ? " " : "; ");
		if (!unended_who(b, e))
			wr_buf_str(b, "a console");
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "was_armed")))
			wr_buf_str(b, ", armed");
	}
}

/* ms as the console says times: "05:38:13 UTC", the date first when it
 * is not ref_ms's (UTC) date. */
static void
utc_short(int64_t ms, int64_t ref_ms, char *out, size_t cap)
{
	char ts[WR_TS_MAX], ref[WR_TS_MAX];

	record_format_ts(ms, ts);
	record_format_ts(ref_ms, ref);
	ts[19] = '\0';
	if (memcmp(ts, ref, 10) == 0)
		snprintf(out, cap, "%s UTC", ts + 11);
	else
		snprintf(out, cap, "%.10s %s UTC", ts, ts + 11);
}

void
export_unended_words(size_t n, bool armed, int64_t last_ms, int64_t now_ms,
    const cJSON *sessions, char *out, size_t cap)
{
	struct wr_buf b = { 0 };
	char when[48];

	if (cap == 0)
		return;
	out[0] = '\0';
	if (n == 0)
		return;
	utc_short(last_ms, now_ms, when, sizeof(when));
	unended_words(&b, n, armed, when, sessions);
	wr_strlcpy(out, b.s, cap);
	free(b.s);
}

/* A console gone, as a session.gone record (or, when none recorded it,
 * sessions_gone_data of its session) says it: "the console of alice
 * (root@vm), pid 4242, ended without shutting down while armed (last
 * record 05:38:13 UTC); it left 1 action without an outcome (UNKNOWN
 * until a console re-reads or settles it)". by: who recorded it (NULL:
 * nobody did, its .live lock says so). */
static void
gone_words(struct wr_buf *b, const cJSON *d, int64_t at_ms, const struct export_opts *o,
    const char *by)
{
	cJSON *one = cJSON_CreateArray();
	const char *last = jstr_in(d, "last_record_ts");
	const cJSON *ops = cJSON_GetObjectItemCaseSensitive(d, "unknown_ops");
	char when[TIME_MAX];
	int64_t ms;
	int nops = cJSON_GetArraySize(ops);

	cJSON_AddItemToArray(one, cJSON_Duplicate(d, true));
	if (last != NULL && record_parse_ts(last, &ms) == 0) {
		if (o != NULL)
			fmt_time(ms, o, when);
		else
			utc_short(ms, at_ms, when, sizeof(when));
	} else
		last = NULL;
	unended_words(b, 1, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(d, "was_armed")),
	    last != NULL ? when : NULL, one);
	cJSON_Delete(one);
	if (nops > 0)
		wr_buf_printf(b, "; it left %d action%s without an outcome (UNKNOWN until a "
		    "console re-reads or settles %s)", nops, nops == 1 ? "" : "s",
		    nops == 1 ? "it" : "them");
	if (by != NULL && by[0] != '\0')
		wr_buf_printf(b, "; seen by the console of %s", by);
	else if (by == NULL)
		wr_buf_str(b, "; no console recorded it: its lock on the journal is free");
}

/* ms as a time in o's zone, or (o NULL) as the console says it. */
static void
when_in(int64_t ms, int64_t ref_ms, const struct export_opts *o, char out[TIME_MAX])
{
	if (o != NULL)
		fmt_time(ms, o, out);
	else
		utc_short(ms, ref_ms, out, TIME_MAX);
}

/* Whether the stretch no console recorded before the resume r began at
 * the last record of a console that stopped without its shutdown record
 * (killed, crashed): only the silence is known then, not that no console
 * ran. From its unwatched_from; older resumes said no time. */
static bool
resume_gap_silent(const struct record *r)
{
	const char *f = dstr(r, "unwatched_from");
	int64_t from;

	if (f == NULL || record_parse_ts(f, &from) != 0)
		from = 0;
	return gap_from_crash(r, from);
}

/* The words for the stretch no console recorded before the resume r, at
 * the place they go. GAP_ROW (TIMELINE, the timeline table): "not
 * recorded: no writing console for 38m 12s (closed from 18:02:01 UTC to
 * 18:40:13 UTC)" (read-only watchers may have been on screen: they record
 * nothing, so the words never say nobody watched), or
 * after a crash "nothing recorded for 38m 12s since the last record
 * (18:02:01 UTC)", which resume_unended then explains; returns whether
 * it said the time of the crashed console's last record (only when that
 * record began the gap). GAP_IMPACT, GAP_HOSTS, GAP_WHY: the impact
 * line's, and a Data gaps row's Host and Why, for such a stretch; returns
 * whether it began at a crash. One place decides, so no part of the
 * post-mortem says no console ran where one may have. */
static bool
resume_gap_words(struct wr_buf *b, const struct record *r, const struct export_opts *o,
    enum gap_at at)
{
	const char *f = dstr(r, "unwatched_from");
	char dur[48], t0[TIME_MAX], t1[TIME_MAX];
	int64_t from;
	bool crash;

	crash = resume_gap_silent(r);
	if (at != GAP_ROW) {
		if (at == GAP_IMPACT)
			wr_buf_str(b, crash ? "nothing recorded since the last record (its console "
			    "stopped without shutting down, when is not known: it may have watched "
			    "part of it)" : "no writing console running (a read-only watcher does "
			    "not record)");
		else if (at == GAP_HOSTS)
			wr_buf_str(b, crash ? "all hosts (nothing recorded since the last record)" :
			    "all hosts (no writing console running)");
		else
			wr_buf_str(b, crash ? "nothing recorded: the writing console stopped without "
			    "shutting down, some time after its last record" :
			    "not recorded: the writing console was closed");
		return crash;
	}
	if (f == NULL || record_parse_ts(f, &from) != 0 || from > r->ts_ms)
		return false;
	fmt_dur(r->ts_ms - from, dur, sizeof(dur));
	when_in(from, r->ts_ms, o, t0);
	when_in(r->ts_ms, r->ts_ms, o, t1);
	if (b->len > 0)
		wr_buf_str(b, " — ");
	/* Under a second: a restart, nothing missed worth a duration. */
	if (r->ts_ms - from < 1000 && !crash) {
		wr_buf_str(b, "console restarted at once");
		return false;
	}
	/* A killed console may have run on after its last record, watching
	 * and recording nothing because nothing changed: only the silence is
	 * known, not when it stopped (its lock on .live leaves no time). */
	if (crash)
		wr_buf_printf(b, "nothing recorded for %s since the last record (%s)", dur, t0);
	else if (r->ts_ms - from < GAP_SHORT_MS)
		wr_buf_printf(b, "not recorded: no writing console for %s (console restarted)", dur);
	else
		wr_buf_printf(b, "not recorded: no writing console for %s (closed from %s to %s)",
		    dur, t0, t1);
	return crash;
}

/* An incident.resume's news of the sessions before it: those that ended
 * with no shutdown record (killed, crashed), times in o's zone (NULL:
 * the console's UTC). */
static void
resume_unended(struct wr_buf *b, const struct record *r, const struct export_opts *o,
    bool when_said)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(r->data, "ended_without_shutdown");
	const char *last = dstr(r, "last_record_ts");
	char when[TIME_MAX];
	int64_t ms;

	if (!cJSON_IsNumber(n) || n->valuedouble < 1)
		return;
	/* The gap before the resume said it already (resume_gap_words). */
	if (last != NULL && !when_said && record_parse_ts(last, &ms) == 0) {
		if (o != NULL)
			fmt_time(ms, o, when);
		else
			utc_short(ms, r->ts_ms, when, sizeof(when));
	} else {
		last = NULL;
	}
	if (b->len > 0)
		wr_buf_str(b, " — ");
	unended_words(b, n->valuedouble > 1e6 ? 1000000 : (size_t)n->valuedouble,
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "was_armed")),
	    last != NULL ? when : NULL,
	    cJSON_GetObjectItemCaseSensitive(r->data, "ended_sessions"));
}

/* The gap {gap_start, gap_end} data.key of r names; false when none. */
static bool
gap_of(const struct record *r, const char *key, int64_t *start, int64_t *end)
{
	const cJSON *g = cJSON_GetObjectItemCaseSensitive(r->data, key);
	const char *a = jstr_in(g, "gap_start"), *z = jstr_in(g, "gap_end");

	return a != NULL && z != NULL && record_parse_ts(a, start) == 0 &&
	    record_parse_ts(z, end) == 0;
}

/* What a record written after a gap in the journal says of it, first in
 * its details so no cut hides it: kept and written late (data.late: its
 * time is when it happened), or a re-sync of what held at the gap's end
 * (data.resync: the change came at some moment in the gap). */
static void
gap_words(struct wr_buf *b, const struct record *r, const struct export_opts *o)
{
	char t0[TIME_MAX], t1[TIME_MAX];
	int64_t a, z;

	if (gap_of(r, "late", &a, &z)) {
		char at[TIME_MAX];
		size_t len;

		/* When it happened first, as a held change's "[… seen]": its
		 * row comes after records that happened later (a resume kept
		 * on a full disk, written once the journal recovered). */
		when_in(r->ts_ms, r->ts_ms, o, at);
		if (o != NULL && strlen(at) > 11)
			memmove(at, at + 11, strlen(at + 11) + 1);
		else if (o == NULL && (len = strlen(at)) > 4 && strcmp(at + len - 4, " UTC") == 0)
			at[len - 4] = '\0';
		when_in(a, r->ts_ms, o, t0);
		when_in(z, r->ts_ms, o, t1);
		wr_buf_printf(b, "[%s %swritten late] at %s (kept while the journal could not be "
		    "written, from %s)", at, kind_is(r, "incident.resume") ? "resumed, " : "", t1,
		    t0);
	} else if (gap_of(r, "resync", &a, &z)) {
		when_in(a, r->ts_ms, o, t0);
		when_in(z, r->ts_ms, o, t1);
		wr_buf_printf(b, "re-sync after the journal could not be written from %s to %s: "
		    "the change came at some moment in that gap", t0, t1);
	}
}

/* A journal.recover's records kept meanwhile (written after it, late) and
 * those that could not even be kept (lost). */
static void
kept_words(struct wr_buf *b, const struct record *r)
{
	const cJSON *kept = cJSON_GetObjectItemCaseSensitive(r->data, "kept");
	const cJSON *lost = cJSON_GetObjectItemCaseSensitive(r->data, "not_kept");

	if (cJSON_IsNumber(kept) && kept->valuedouble >= 1)
		wr_buf_printf(b, "; %.0f record%s kept meanwhile %s written right after it, "
		    "marked late", kept->valuedouble, kept->valuedouble == 1 ? "" : "s",
		    kept->valuedouble == 1 ? "is" : "are");
	if (cJSON_IsNumber(lost) && lost->valuedouble >= 1)
		wr_buf_printf(b, "; %.0f record%s could not even be kept (too many waited) and "
		    "%s lost", lost->valuedouble, lost->valuedouble == 1 ? "" : "s",
		    lost->valuedouble == 1 ? "is" : "are");
}

/* A journal.recover: what degraded the journal, whether the record whose
 * write failed is in the file after all, and any torn tail set aside. */
static bool
recover_details(struct wr_buf *b, const struct record *r)
{
	const cJSON *seq = cJSON_GetObjectItemCaseSensitive(r->data, "unconfirmed_seq");
	const char *problem = dstr(r, "problem"), *repaired = dstr(r, "repaired");

	if (problem == NULL)
		return false;
	wr_buf_printf(b, "recovered from: %s", problem);
	if (cJSON_IsNumber(seq))
		wr_buf_printf(b, "; the record whose write failed (seq %.0f) is %s",
		    seq->valuedouble, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data,
		    "unconfirmed_present")) ? "in the file after all" : "not in the file");
	if (repaired != NULL)
		wr_buf_printf(b, "; journal repaired: %s", repaired);
	kept_words(b, r);
	return true;
}

/* A conn.change's "since", else its own time. */
static int64_t
conn_since(const struct record *r)
{
	int64_t ms;

	return dstr(r, "since") != NULL && record_parse_ts(dstr(r, "since"), &ms) == 0 ? ms :
	    r->ts_ms;
}

/* Whether r is a record of kind saying state of its host. */
static bool
state_is(const struct record *r, const char *kind, const char *state)
{
	return kind_is(r, kind) && r->host != NULL && dstr(r, "state") != NULL &&
	    strcmp(dstr(r, "state"), state) == 0;
}

/* Whether v[i] starts a stretch of its host in state bad (conn.change
 * DOWN, poll.change lost): the host's record of kind before it (if any)
 * said otherwise. *back: the record saying good that ends it, or NULL
 * while none does. */
static bool
state_stretch(const struct record *v, size_t n, size_t i, const char *kind, const char *bad,
    const char *good, const struct record **back)
{
	size_t k;

	*back = NULL;
	if (!state_is(&v[i], kind, bad))
		return false;
	for (k = i; k-- > 0;)
		if (kind_is(&v[k], kind) && v[k].host != NULL &&
		    strcmp(v[k].host, v[i].host) == 0) {
			if (state_is(&v[k], kind, bad))
				return false;
			break;
		}
	for (k = i + 1; k < n; k++)
		if (state_is(&v[k], kind, good) && strcmp(v[k].host, v[i].host) == 0) {
			*back = &v[k];
			break;
		}
	return true;
}

/* Whether r is a conn.change saying state of its host. */
static bool
conn_is(const struct record *r, const char *state)
{
	return state_is(r, "conn.change", state);
}

/* Whether v[i] starts a stretch of its host unreachable: a DOWN whose
 * host's conn.change before it (if any) said UP. *back: the UP that ends
 * it, or NULL while none does. */
static bool
conn_stretch(const struct record *v, size_t n, size_t i, const struct record **back)
{
	return state_stretch(v, n, i, "conn.change", "DOWN", "UP", back);
}

/* Whether the DOWN v[i] is a host never reached waiting for its key to
 * be trusted: it answered, so Reachability has no outage to count. */
static bool
conn_key_wait(const struct record *v, size_t i)
{
	return conn_is(&v[i], "DOWN") &&
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(v[i].data, "first")) &&
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(v[i].data, "untrusted"));
}

/* Whether v[i] says its host offered a key other than the one
 * known_hosts holds (changed, or marked @revoked): refused, nothing sent. */
static bool
key_refused(const struct record *v, size_t i)
{
	return (kind_is(&v[i], "hostkey.changed") || kind_is(&v[i], "hostkey.revoked")) &&
	    v[i].host != NULL && dstr(&v[i], "fingerprint") != NULL;
}

/* The first refused key (key_refused) of host in v[from..to), or to. */
static size_t
key_refused_in(const struct record *v, size_t from, size_t to, const char *host)
{
	size_t k;

	for (k = from; k < to; k++)
		if (key_refused(v, k) && strcmp(v[k].host, host) == 0)
			break;
	return k;
}

/* The hostkey.trust (K) of host after v[i] (of key fp, or of any key
 * when fp is NULL), or NULL: a changed key trusted once known_hosts
 * lost the old one. */
static const struct record *
key_trusted_after(const struct record *v, size_t n, size_t i, const char *host,
    const char *fp)
{
	size_t k;

	for (k = i + 1; k < n; k++)
		if (kind_is(&v[k], "hostkey.trust") && v[k].host != NULL &&
		    strcmp(v[k].host, host) == 0 && (fp == NULL ||
		    (dstr(&v[k], "fingerprint") != NULL &&
		    strcmp(dstr(&v[k], "fingerprint"), fp) == 0)))
			return &v[k];
	return NULL;
}

/* The conn.change UP of v[i]'s host after the refused key v[i] that no
 * K came before (nor another refusal), or NULL: it offered its known key
 * again (a key put back is retried on the backoff and comes back by
 * itself, trusted with no K). */
static const struct record *
key_back_after(const struct record *v, size_t n, size_t i)
{
	size_t k;

	for (k = i + 1; k < n; k++) {
		if (v[k].host == NULL || strcmp(v[k].host, v[i].host) != 0)
			continue;
		if (kind_is(&v[k], "hostkey.trust") || key_refused(v, k))
			return NULL;
		if (conn_is(&v[k], "UP"))
			return &v[k];
	}
	return NULL;
}

/* Whether v[i] is a host's unknown key (not a changed one: that has its
 * own row) waiting for K that K never trusted: never reached at all. One
 * trusted on first contact is the routine wait conn_key_wait skips. */
static bool
key_never_trusted(const struct record *v, size_t n, size_t i)
{
	const struct record *back;

	return conn_key_wait(v, i) && conn_stretch(v, n, i, &back) && back == NULL &&
	    key_trusted_after(v, n, i, v[i].host, NULL) == NULL &&
	    key_refused_in(v, 0, n, v[i].host) == n;
}

/* "(known_hosts has SHA256:o, it offered SHA256:n)" of the refused key
 * r (key_refused); a revoked one "(SHA256:n, marked @revoked in known_hosts)". */
static void
key_refused_fps(struct wr_buf *b, const struct export_opts *o, const struct record *r)
{
	const char *old = dstr(r, "old_fingerprint");

	if (kind_is(r, "hostkey.revoked")) {
		wr_buf_str(b, "(");
		sb_text(b, o, dstr(r, "fingerprint"));
		wr_buf_str(b, ", marked @revoked in known_hosts)");
		return;
	}
	wr_buf_str(b, "(known_hosts has ");
	sb_text(b, o, old != NULL && old[0] != '\0' ? old : "a key not read");
	wr_buf_str(b, ", it offered ");
	sb_text(b, o, dstr(r, "fingerprint"));
	wr_buf_str(b, ")");
}

/* "host key CHANGED (known_hosts has SHA256:o, it offered SHA256:n)" of
 * the refused key r (key_refused), as Reachability says it. */
static void
key_refused_words(struct wr_buf *b, const struct export_opts *o, const struct record *r)
{
	const char *hop = dstr(r, "hop");

	wr_buf_str(b, kind_is(r, "hostkey.revoked") ? "REVOKED host key " : "host key CHANGED ");
	if (hop != NULL && hop[0] != '\0') {
		wr_buf_str(b, "on ProxyJump hop ");
		sb_text(b, o, hop);
		wr_buf_str(b, " ");
	}
	key_refused_fps(b, o, r);
}

/* Whether a DOWN of host first read at down_ms (records v[0..i) before
 * it) was the first reading of a console that resumed after a stretch
 * nobody watched, the host not DOWN in the journal before: it went down
 * somewhere in that stretch, not when seen. *not_before: when the
 * stretch began (the last record, the host not DOWN then). */
static bool
found_down(const struct record *v, size_t i, const char *host, int64_t down,
    int64_t *not_before)
{
	int64_t from;
	size_t k;

	for (k = i; host != NULL && k-- > 0;) {
		/* Anything of this host since the resume: this console saw it. */
		if (v[k].host != NULL && strcmp(v[k].host, host) == 0)
			return false;
		if (resume_gap(v, k, &from)) {
			if (down - v[k].ts_ms > EXPORT_FIRST_READ_MS || from >= down)
				return false;
			*not_before = from;
			return true;
		}
	}
	return false;
}

/* found_down for the DOWN v[i] (a stretch's start); one never reached
 * was not UP before either. */
static bool
conn_down_unwatched(const struct record *v, size_t i, int64_t *not_before)
{
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(v[i].data, "first")))
		return false;
	return found_down(v, i, v[i].host, conn_since(&v[i]), not_before);
}

bool
export_conn_found_down(const struct record *v, size_t n, const char *host, int64_t down_ms,
    int64_t *not_before)
{
	return found_down(v, n, host, down_ms, not_before);
}

/* How long a stretch lasted, in s: what its UP said (down_s, as TIMELINE
 * shows it), else from the two records' times by the same rounding. */
static int64_t
conn_stretch_s(const struct record *down, const struct record *back)
{
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(back->data, "down_s");

	if (cJSON_IsNumber(s) && s->valuedouble >= 0)
		return (int64_t)s->valuedouble;
	return connrec_down_s(conn_since(down), conn_since(back));
}

/* A number data.key of r says (>= 0), else -1. */
static int64_t
dnum(const struct record *r, const char *key)
{
	const cJSON *x = r->data != NULL ? cJSON_GetObjectItemCaseSensitive(r->data, key) : NULL;

	return cJSON_IsNumber(x) && x->valuedouble >= 0 ? (int64_t)x->valuedouble : -1;
}

/* When the UP back says its host's last try that failed was
 * (last_failed_try), if that bounds its return: the host came back
 * between it and the reconnect, the console waiting to try again
 * (connrec_end_unseen_s). NO_TIME otherwise: older consoles wrote none. */
static int64_t
conn_back_after(const struct record *back)
{
	const char *t = back != NULL ? dstr(back, "last_failed_try") : NULL;
	int64_t ms;

	if (t == NULL || record_parse_ts(t, &ms) != 0 ||
	    connrec_end_unseen_s(ms, conn_since(back)) <= 0)
		return NO_TIME;
	return ms;
}

/* What is known of the stretch from the DOWN v[i] to its UP *back: what
 * the UP says, else (older consoles wrote less) counted from the journal
 * by the rules the console that writes it uses, so TIMELINE, the
 * timeline table, Reachability and the JSON say one thing. */
static void
conn_span_of(const struct record *v, size_t i, const struct record *back,
    struct connrec_span *sp)
{
	int64_t nb;

	sp->down_s = conn_stretch_s(&v[i], back);
	if ((sp->unwatched_s = dnum(back, "unwatched_s")) < 0)
		sp->unwatched_s = conn_unwatched_s(v, i, back);
	if ((sp->start_unseen_s = dnum(back, "start_unseen_s")) < 0)
		sp->start_unseen_s = conn_down_unwatched(v, i, &nb) ?
		    connrec_down_s(nb, conn_since(&v[i])) : 0;
	nb = conn_back_after(back);
	sp->end_unseen_s = nb != NO_TIME ? connrec_end_unseen_s(nb, conn_since(back)) : 0;
}

void
export_conn_span(const struct record *v, size_t n, const char *host, int64_t down_ms,
    int64_t up_ms, struct connrec_span *sp)
{
	int64_t nb;
	size_t k, start = n;

	sp->down_s = connrec_down_s(down_ms, up_ms);
	sp->unwatched_s = export_conn_unwatched_s(v, n, down_ms, up_ms);
	sp->start_unseen_s = 0;
	/* Its last failed try is the pool's, not the journal's: the caller's. */
	sp->end_unseen_s = 0;
	/* The DOWN that began it: the first of the host's conn.change DOWN
	 * since its last UP (a second DOWN starts nothing new). */
	for (k = n; host != NULL && k-- > 0;) {
		if (!kind_is(&v[k], "conn.change") || v[k].host == NULL ||
		    strcmp(v[k].host, host) != 0)
			continue;
		if (!conn_is(&v[k], "DOWN"))
			break;
		start = k;
	}
	if (start < n && conn_down_unwatched(v, start, &nb))
		sp->start_unseen_s = connrec_down_s(nb, conn_since(&v[start]));
}

/* "DOWN: connect: Connection refused (already DOWN when a console
 * opened; it went down after 21:54:18, the last record before)", "key
 * not trusted: unknown host key … (not reached before: …)", "UP: reached
 * after its key was trusted (waited 21s)", "UP
 * again after 50s DOWN", "UP again after at most 1m 08s DOWN (nothing
 * recorded for 48s of it: it may have been back in between)", "UP again
 * after at least 2m 06s, at most 2m 35s DOWN (last failed try 29s before
 * the reconnect: ...)". */
static bool
conn_details(struct wr_buf *b, const struct record *r, const struct export_opts *o)
{
	const cJSON *drops = cJSON_GetObjectItemCaseSensitive(r->data, "drops");
	const char *nb = dstr(r, "not_before");
	bool first = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "first"));
	bool untrusted = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "untrusted"));
	char len[128], why[CONNREC_WHY_MAX], t[TIME_MAX];
	struct connrec_span sp;
	int64_t ms;

	if (conn_is(r, "DOWN")) {
		/* It answered with a key nobody trusted yet: not down. */
		wr_buf_printf(b, "%s: %s", untrusted ? "key not trusted" : "DOWN",
		    dstr(r, "reason") != NULL ? dstr(r, "reason") : "no reason recorded");
		if (first && untrusted)
			wr_buf_str(b, " (not reached before: nothing is read until its key is "
			    "trusted)");
		else if (first)
			wr_buf_str(b, " (not reached before)");
		else if (nb != NULL && record_parse_ts(nb, &ms) == 0) {
			when_in(ms, r->ts_ms, o, t);
			wr_buf_printf(b, " (already DOWN when a console opened; it went down after "
			    "%s, the last record before)", t);
		}
		return true;
	}
	if (!conn_is(r, "UP"))
		return false;
	/* Never reached before: it waited, it did not come back. */
	if (first) {
		connrec_dur(dnum(r, "waited_s") > 0 ? dnum(r, "waited_s") : 0, len, sizeof(len));
		if (untrusted)
			wr_buf_printf(b, "UP: reached after its key was trusted (waited %s)", len);
		else
			wr_buf_printf(b, "UP: reached for the first time, %s after its first try",
			    len);
		return true;
	}
	wr_buf_str(b, "UP again");
	if ((sp.down_s = dnum(r, "down_s")) >= 0) {
		sp.unwatched_s = dnum(r, "unwatched_s") > 0 ? dnum(r, "unwatched_s") : 0;
		sp.start_unseen_s = dnum(r, "start_unseen_s") > 0 ? dnum(r, "start_unseen_s") : 0;
		ms = conn_back_after(r);
		sp.end_unseen_s = ms != NO_TIME ? connrec_end_unseen_s(ms, conn_since(r)) : 0;
		connrec_span_words(&sp, len, sizeof(len), why, sizeof(why));
		wr_buf_printf(b, " after %s DOWN", len);
		if (why[0] != '\0')
			wr_buf_printf(b, " (%s)", why);
	}
	if (cJSON_IsNumber(drops) && drops->valuedouble > 0)
		wr_buf_printf(b, " (dropped %.0f more time%s before it held)", drops->valuedouble,
		    drops->valuedouble == 1 ? "" : "s");
	return true;
}

/* Whether r is a poll.change saying state ("lost", "back") of its host. */
static bool
poll_is(const struct record *r, const char *state)
{
	return state_is(r, "poll.change", state);
}

/* Whether v[i] starts a stretch of its host's data missing: a lost whose
 * host's poll.change before it (if any) said back. *back: the back that
 * ends it, or NULL while none does. */
static bool
poll_stretch(const struct record *v, size_t n, size_t i, const struct record **back)
{
	return state_stretch(v, n, i, "poll.change", "lost", "back", back);
}

/* How long a host's data was missing, in s: what its back said
 * (missing_s, as TIMELINE shows it), else from the two records' times. */
static int64_t
poll_stretch_s(const struct record *lost, const struct record *back)
{
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(back->data, "missing_s");

	if (cJSON_IsNumber(s) && s->valuedouble >= 0)
		return (int64_t)s->valuedouble;
	return pollrec_missing_s(conn_since(lost), conn_since(back));
}

/* " (3 polls failed)", or "" without a count. */
static void
poll_failures(struct wr_buf *b, const struct record *r, const char *open, const char *close)
{
	const cJSON *f = cJSON_GetObjectItemCaseSensitive(r->data, "failures");

	if (cJSON_IsNumber(f) && f->valuedouble >= 1)
		wr_buf_printf(b, "%s%.0f poll%s failed%s", open, f->valuedouble,
		    f->valuedouble == 1 ? "" : "s", close);
}

/* "compose ps: exit 1: …": the read that failed and its error, the read
 * said once where the error names it already ("compose ps: line 1: …"). */
static void
poll_what_error(struct wr_buf *b, const struct record *r)
{
	const char *what = dstr(r, "what") != NULL ? dstr(r, "what") : "a read";
	const char *error = dstr(r, "error") != NULL ? dstr(r, "error") : "no error recorded";
	size_t n = strlen(what);

	if (strncmp(error, what, n) == 0 && error[n] == ':')
		wr_buf_str(b, error);
	else
		wr_buf_printf(b, "%s: %s", what, error);
}

/* "no data: compose ps: exit 1: … (host still connected; 3 polls failed)",
 * "data back after 1m 10s without (9 polls failed)". */
static bool
poll_details(struct wr_buf *b, const struct record *r)
{
	const cJSON *missing = cJSON_GetObjectItemCaseSensitive(r->data, "missing_s");
	char dur[48];

	if (poll_is(r, "lost")) {
		wr_buf_str(b, "no data: ");
		poll_what_error(b, r);
		wr_buf_str(b, " (host still connected");
		poll_failures(b, r, "; ", "");
		wr_buf_str(b, ")");
		return true;
	}
	if (!poll_is(r, "back"))
		return false;
	wr_buf_str(b, "data back");
	if (cJSON_IsNumber(missing)) {
		fmt_dur((int64_t)missing->valuedouble * 1000, dur, sizeof(dur));
		wr_buf_printf(b, " after %s without", dur);
	}
	poll_failures(b, r, " (", ")");
	return true;
}

/* A status-page post's try number: "try", or "attempt" in records
 * written before there was one; 0 when neither. */
static int
sp_try(const struct record *r)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(r->data, "try");

	if (!cJSON_IsNumber(t))
		t = cJSON_GetObjectItemCaseSensitive(r->data, "attempt");
	return cJSON_IsNumber(t) ? (int)t->valuedouble : 0;
}

bool
export_row_hidden(const struct record *r)
{
	/* The ordinary single try: its post, retry or failed row says how it
	 * went, and the status-page part when it first left. */
	return kind_is(r, "statuspage.sent") && r->data != NULL && sp_try(r) == 1 &&
	    !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "after_read"));
}

bool
export_joined(const struct record *r)
{
	return kind_is(r, "incident.resume") && r->data != NULL &&
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "others_open"));
}

const char *
export_kind_shown(const char *kind)
{
	return kind != NULL && strcmp(kind, "statuspage.sent") == 0 ? "statuspage.try" : kind;
}

/* A status-page try as a reader wants it, never readable as delivered
 * (the record is stored before the try leaves; the rows after it say how
 * it went): "status page: monitoring update: try 2 sent, waiting for the
 * answer"; a record without the post's words names the request. */
static bool
sp_sent_details(struct wr_buf *b, const struct record *r)
{
	const char *action = dstr(r, "action"), *status = dstr(r, "status");
	bool again = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "after_read"));

	wr_buf_str(b, "status page: ");
	if (action != NULL && strcmp(action, "resolve") == 0)
		wr_buf_str(b, "resolve");
	else if (action != NULL && status != NULL)
		wr_buf_printf(b, "%s %s", status, action);
	else
		wr_buf_printf(b, "%s %s", dstr(r, "method") ? dstr(r, "method") : "request",
		    dstr(r, "path") ? dstr(r, "path") : "");
	if (sp_try(r) > 0)
		wr_buf_printf(b, ": try %d", sp_try(r));
	else
		wr_buf_str(b, ": a try");
	wr_buf_printf(b, " sent%s, waiting for the answer", again ?
	    " again (the page did not list it)" : "");
	return true;
}

static const char *sp_field(const struct sp_post *p, const char *key);

/* The status of the post a takeover names: its record's (since it was
 * stored), else its queue record's (pm, the post-mortem's); NULL. */
static const char *
sp_takeover_status(const struct record *r, const struct pm *pm)
{
	size_t i;

	if (dstr(r, "status") != NULL)
		return dstr(r, "status");
	for (i = 0; pm != NULL && r->op != NULL && i < pm->nsp; i++)
		if (pm->sp[i].queue != NULL && pm->sp[i].queue->op != NULL &&
		    strcmp(pm->sp[i].queue->op, r->op) == 0)
			return sp_field(&pm->sp[i], "status");
	return NULL;
}

/* "status page: bob took over alice's pending investigating post (that
 * console no longer ran)". */
static bool
sp_takeover_details(struct wr_buf *b, const struct record *r, const struct pm *pm)
{
	const char *status = sp_takeover_status(r, pm);

	wr_buf_printf(b, "status page: %s took over %s's pending %s%spost (that console no "
	    "longer ran)", r->actor != NULL ? r->actor : "this console",
	    dstr(r, "from_actor") != NULL ? dstr(r, "from_actor") : "another console",
	    status != NULL ? status : "", status != NULL ? " " : "");
	return true;
}

/* Kinds the generic keys do not describe: their words, not their JSON;
 * false (nothing written) for any other kind or shape. */
static bool
kind_details(struct wr_buf *b, const struct record *r, const struct export_opts *o,
    const struct pm *pm)
{
	const cJSON *n;

	if (kind_is(r, "statuspage.sent"))
		return sp_sent_details(b, r);
	if (kind_is(r, "statuspage.takeover"))
		return sp_takeover_details(b, r, pm);
	/* A try that may be on the page: what happens before any other. */
	if (kind_is(r, "statuspage.retry") && dstr(r, "error") != NULL &&
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "read_back"))) {
		wr_buf_printf(b, "%s; it may be on the page: read back before it is sent again",
		    dstr(r, "error"));
		return true;
	}
	/* The page answered and said no: refused, in so many words. */
	n = kind_is(r, "statuspage.retry") ? cJSON_GetObjectItemCaseSensitive(r->data,
	    "http_status") : NULL;
	if (cJSON_IsNumber(n) && n->valuedouble >= 400 && dstr(r, "error") != NULL) {
		wr_buf_printf(b, "refused: %s; not delivered, it is tried again", dstr(r, "error"));
		return true;
	}

	if (kind_is(r, "shutdown") && dstr(r, "reason") != NULL) {
		wr_buf_str(b, shutdown_words(dstr(r, "reason")));
		return true;
	}
	if (kind_is(r, "session.gone")) {
		gone_words(b, r->data, r->ts_ms, o, "");
		return true;
	}
	/* As its end's row names it ("rollback of api (kubectl rollout
	 * undo)"), not by its record kind; the host has its own column. */
	if (kind_is(r, "action.intent") && dstr(r, "action") != NULL && dstr(r, "action")[0]) {
		char what[300];
		char *t;

		unsettled_what(r, what, sizeof(what));
		t = unsettled_end_words("", NULL, what, unsettled_how(dstr(r, "action")));
		wr_buf_str(b, t);
		free(t);
		return true;
	}
	if (kind_is(r, "health.change"))
		return health_details(b, r, o);
	/* Still bad, judged again on the release that came since. */
	if (kind_is(r, "verdict.fresh") && dstr(r, "verdict") != NULL) {
		const cJSON *from = cJSON_GetObjectItemCaseSensitive(r->data, "from_ms");
		char when[TIME_MAX];

		wr_buf_printf(b, "%s on the release running now", dstr(r, "verdict"));
		if (cJSON_IsNumber(from) && from->valuedouble > 0) {
			when_in((int64_t)from->valuedouble, r->ts_ms, o, when);
			wr_buf_printf(b, " (figures from %s on, after it started)", when);
		}
		if (dstr(r, "reason") != NULL)
			wr_buf_printf(b, " — %s", dstr(r, "reason"));
		return true;
	}
	if (kind_is(r, "conn.change"))
		return conn_details(b, r, o);
	if (kind_is(r, "poll.change"))
		return poll_details(b, r);
	/* "api exports: on → off", or "api exports: on (first read)". */
	if (kind_is(r, "exports.change") && dstr(r, "export") != NULL) {
		wr_buf_printf(b, "%s exports: ", dstr(r, "service") ? dstr(r, "service") : "?");
		if (dstr(r, "was") != NULL)
			wr_buf_printf(b, "%s \xe2\x86\x92 %s", dstr(r, "was"), dstr(r, "export"));
		else if (strcmp(dstr(r, "export"), "unknown") == 0)
			wr_buf_str(b, "unknown (never answered)");
		else
			wr_buf_printf(b, "%s (first read)", dstr(r, "export"));
		return true;
	}
	/* Said from the outcome and the engineer's words, whatever summary
	 * an older console stored ("it did not take effect" for failed). */
	if (kind_is(r, "action.reconcile") && dstr(r, "by") != NULL &&
	    strcmp(dstr(r, "by"), "hand") == 0 && dstr(r, "outcome") != NULL) {
		if (dstr(r, "action") != NULL)
			wr_buf_printf(b, "%s — ", dstr(r, "action"));
		wr_buf_printf(b, "settled by hand by %s: %s", r->actor != NULL ? r->actor : "?",
		    strcmp(dstr(r, "outcome"), "ok") == 0 ?
		    "OK" : strcmp(dstr(r, "outcome"), "failed") == 0 ? "FAILED" : dstr(r, "outcome"));
		if (dstr(r, "detail") != NULL)
			wr_buf_printf(b, " — %s", dstr(r, "detail"));
		return true;
	}
	/* A FAILED rollback's rollout seen complete later: what it says first. */
	if (latedone_completed_ms(r) > 0 && dstr(r, "summary") != NULL) {
		if (dstr(r, "action") != NULL)
			wr_buf_printf(b, "%s — ", dstr(r, "action"));
		wr_buf_str(b, dstr(r, "summary"));
		if (dstr(r, "detail") != NULL)
			wr_buf_printf(b, " — %s", dstr(r, "detail"));
		return true;
	}
	/* A kill switch /export settled after its re-read gave up: its
	 * reason and detail are the summary's first half, so said once. */
	if (kind_is(r, "action.reconcile") && dstr(r, "by") != NULL &&
	    strcmp(dstr(r, "by"), "export") == 0 && dstr(r, "summary") != NULL) {
		if (dstr(r, "action") != NULL)
			wr_buf_printf(b, "%s — ", dstr(r, "action"));
		wr_buf_str(b, dstr(r, "summary"));
		if (dstr(r, "outcome") != NULL && strcmp(dstr(r, "outcome"), "failed") == 0 &&
		    dstr(r, "export") != NULL)
			wr_buf_printf(b, ": the export is still %s", dstr(r, "export"));
		return true;
	}
	if (kind_is(r, "journal.recover"))
		return recover_details(b, r);
	/* A drift said from its fields, whatever words an older console
	 * stored ("brings v1.4.1 back" of the good tag). */
	if (kind_is(r, ENVMARK_KIND) && dstr(r, "service") != NULL &&
	    dstr(r, "env_image_tag") != NULL && dstr(r, "runs") != NULL &&
	    envmark_drift(dstr(r, "env_image_tag"), dstr(r, "runs"))) {
		char words[600];

		envmark_words(dstr(r, "service"), dstr(r, "env_image_tag"), dstr(r, "runs"), words,
		    sizeof(words));
		wr_buf_str(b, words);
		return true;
	}
	if (kind_is(r, "action.confirmed") && dstr(r, "action") != NULL) {
		char name[200];

		unsettled_name(r, name, sizeof(name));
		wr_buf_printf(b, "confirmed: %s", name);
		if (dstr(r, "from") != NULL && dstr(r, "to") != NULL &&
		    (dstr(r, "from")[0] != '\0' || dstr(r, "to")[0] != '\0'))
			wr_buf_printf(b, ", %s \xe2\x86\x92 %s", dstr(r, "from")[0] ? dstr(r, "from") : "?",
			    dstr(r, "to")[0] ? dstr(r, "to") : "?");
		wr_buf_str(b, "; re-read before it runs");
		return true;
	}
	if (kind_is(r, "journal.repair") && dstr(r, "repaired") != NULL) {
		wr_buf_printf(b, "a torn last line appeared while this console ran (another "
		    "console's write cut short?): %s", dstr(r, "repaired"));
		return true;
	}
	if (kind_is(r, "statuspage.queue"))
		return queue_details(b, r);
	if (kind_is(r, "export") && dstr(r, "markdown") != NULL) {
		wr_buf_printf(b, "%s%s", dstr(r, "markdown"), dstr(r, "json") ? " (and .json)" : "");
		return true;
	}
	if (kind_is(r, "action.output") && dstr(r, "step") != NULL) {
		const cJSON *ex = cJSON_GetObjectItemCaseSensitive(r->data, "exit");
		const cJSON *tot = cJSON_GetObjectItemCaseSensitive(r->data, "lines_total");
		const cJSON *lines = cJSON_GetObjectItemCaseSensitive(r->data, "lines");
		int nl = cJSON_GetArraySize(lines);
		const cJSON *last = nl > 0 ? cJSON_GetArrayItem(lines, nl - 1) : NULL;

		wr_buf_printf(b, "%s: ", dstr(r, "step"));
		if (cJSON_IsNumber(ex))
			wr_buf_printf(b, "exit %.0f", ex->valuedouble);
		else
			wr_buf_printf(b, "no exit status (%s)", dstr(r, "error") ? dstr(r, "error") : "?");
		if (cJSON_IsNumber(tot))
			wr_buf_printf(b, ", %.0f line%s", tot->valuedouble,
			    tot->valuedouble == 1 ? "" : "s");
		if (cJSON_IsString(last))
			wr_buf_printf(b, "; last: %s", last->valuestring);
		return true;
	}
	if (kind_is(r, "smoke") && dstr(r, "url") != NULL) {
		const cJSON *st = cJSON_GetObjectItemCaseSensitive(r->data, "status");
		const cJSON *ex = cJSON_GetObjectItemCaseSensitive(r->data, "expect");

		bool ok = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "ok"));
		const char *warn = dstr(r, "warning");

		/* The expected status with a warning (a /readyz whose migrations
		 * are not current) is no plain OK. */
		wr_buf_printf(b, "smoke GET %s%s: %s", dstr(r, "url"),
		    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "metrics_token")) ?
		    " (with the metrics token)" : "", !ok ? "FAILED" : warn != NULL ? "WARN" : "OK");
		if (cJSON_IsNumber(st) && st->valuedouble > 0)
			wr_buf_printf(b, " — %.0f", st->valuedouble);
		else if (dstr(r, "error") != NULL)
			wr_buf_printf(b, " — no answer: %s", dstr(r, "error"));
		if (cJSON_IsNumber(ex))
			wr_buf_printf(b, " (expected %.0f)", ex->valuedouble);
		if (ok && warn != NULL)
			wr_buf_printf(b, ", but %s", warn);
		return true;
	}
	if (kind_is(r, "hostkey.trust") && dstr(r, "fingerprint") != NULL) {
		wr_buf_printf(b, "trusted %s %s", dstr(r, "keytype") ? dstr(r, "keytype") : "key",
		    dstr(r, "fingerprint"));
		if (dstr(r, "known_hosts") != NULL && dstr(r, "known_hosts")[0] != '\0')
			wr_buf_printf(b, ", written to %s", dstr(r, "known_hosts"));
		return true;
	}
	if (kind_is(r, "hostkey.changed") && dstr(r, "fingerprint") != NULL) {
		const char *old = dstr(r, "old_fingerprint"), *hop = dstr(r, "hop");

		wr_buf_printf(b, "HOST KEY CHANGED%s%s: offered %s %s; known_hosts had %s %s",
		    hop != NULL ? " on ProxyJump hop " : "", hop != NULL ? hop : "",
		    dstr(r, "keytype") ? dstr(r, "keytype") : "key", dstr(r, "fingerprint"),
		    dstr(r, "old_keytype") && dstr(r, "old_keytype")[0] ? dstr(r, "old_keytype") :
		    "a key", old != NULL && old[0] ? old : "(not read)");
		if (dstr(r, "name") != NULL && dstr(r, "name")[0] != '\0')
			wr_buf_printf(b, " for %s", dstr(r, "name"));
		if (dstr(r, "known_hosts") != NULL && dstr(r, "known_hosts")[0] != '\0')
			wr_buf_printf(b, " in %s", dstr(r, "known_hosts"));
		wr_buf_str(b, "; nothing was sent");
		/* At 80 columns HOSTS' line cuts the command: here it is whole. */
		if (dstr(r, "name") != NULL && dstr(r, "name")[0] != '\0') {
			char fix[WR_PATH_MAX + 600];

			sshcfg_key_changed_fix(dstr(r, "name"), dstr(r, "known_hosts"), fix,
			    sizeof(fix));
			wr_buf_printf(b, "; %s", fix);
		}
		return true;
	}
	if (kind_is(r, "hostkey.revoked") && dstr(r, "fingerprint") != NULL) {
		const char *file = dstr(r, "known_hosts");

		n = cJSON_GetObjectItemCaseSensitive(r->data, "line");
		wr_buf_printf(b, "REVOKED HOST KEY offered: %s %s",
		    dstr(r, "keytype") ? dstr(r, "keytype") : "key", dstr(r, "fingerprint"));
		if (dstr(r, "name") != NULL && dstr(r, "name")[0] != '\0')
			wr_buf_printf(b, " for %s", dstr(r, "name"));
		if (file != NULL && file[0] != '\0') {
			wr_buf_printf(b, ", marked @revoked in %s", file);
			if (cJSON_IsNumber(n))
				wr_buf_printf(b, ":%.0f", n->valuedouble);
		}
		wr_buf_str(b, "; nothing was sent");
		return true;
	}
	/* A resume on an edited runbook: the marks it could not place. */
	n = cJSON_GetObjectItemCaseSensitive(r->data, "unplaced");
	if (kind_is(r, "runbook.load") && dstr(r, "name") != NULL && cJSON_IsArray(n)) {
		char words[1024];

		rbplace_lost_words(n, words, sizeof(words));
		wr_buf_printf(b, "%s: runbook changed since: %s", dstr(r, "name"), words);
		return true;
	}
	n = cJSON_GetObjectItemCaseSensitive(r->data, "tzero");
	if (kind_is(r, "runbook.tzero") && cJSON_IsNumber(n) && dstr(r, "name") != NULL) {
		char when[WR_TS_MAX];

		record_format_ts((int64_t)n->valuedouble * 1000, when);
		when[10] = ' ';
		when[16] = '\0';       /* "YYYY-MM-DD HH:MM" */
		wr_buf_printf(b, "%s: T-0 at %s UTC", dstr(r, "name"), when);
		return true;
	}
	return false;
}

/* A record's details without what a gap in the journal adds. */
static char *
details_own(const struct record *r, const struct redactor *red, const struct pm *pm,
    const struct export_opts *o)
{
	static const char *const keys[] = {
		"text", "title", "action", "outcome", "status", "service", "verdict",
		"state", "reason", "detail", "body", "mode", "name", "summary", "error",
	};
	struct wr_buf line = { 0 };
	const cJSON *n;
	size_t i;

	if (r->data != NULL && kind_details(&line, r, o, pm))
		return wr_buf_take(&line);
	/* The outcome of a post's tries, said as such beside a try's row. */
	if (kind_is(r, "statuspage.post"))
		wr_buf_str(&line, "delivered:");
	if (strncmp(r->kind, "step.", 5) == 0 && dstr(r, "title") == NULL && dstr(r, "step") != NULL)
		wr_buf_str(&line, dstr(r, "step"));
	if (r->data != NULL && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "unknown")) &&
	    dstr(r, "outcome") == NULL)
		wr_buf_str(&line, "UNKNOWN");
	/* Confirmed, then stopped before it ran: the footer's word, not only
	 * the kind's "refused". */
	if (kind_is(r, "action.refused") && r->data != NULL &&
	    strcmp(refused_word(r), "cancelled") == 0)
		wr_buf_str(&line, "CANCELLED");
	for (i = 0; i < WR_ARRAY_LEN(keys); i++) {
		const char *s = dstr(r, keys[i]);

		if (s == NULL)
			continue;
		if (line.len > 0)
			wr_buf_str(&line, strcmp(line.s, "delivered:") == 0 ? " " : " — ");
		wr_buf_str(&line, s);
		/* An OK that left .env naming the tag it left: no plain OK. */
		if (strcmp(keys[i], "outcome") == 0 && strcmp(s, "ok") == 0 &&
		    envmark_not_updated(r->data))
			wr_buf_str(&line, ENVMARK_NOT_UPDATED);
	}
	if (line.len > 0 && strcmp(line.s, "delivered:") == 0)
		line.s[--line.len] = '\0';      /* nothing more known of it */
	n = r->data != NULL ? cJSON_GetObjectItemCaseSensitive(r->data, "tries") : NULL;
	if (kind_is(r, "statuspage.post") && cJSON_IsNumber(n) && n->valuedouble > 1)
		wr_buf_printf(&line, " (try %.0f)", n->valuedouble);
	/* Joined beside others: how many wrote then, when the record says. */
	n = export_joined(r) ? cJSON_GetObjectItemCaseSensitive(r->data, "consoles_open") : NULL;
	if (cJSON_IsNumber(n) && n->valuedouble >= 2)
		wr_buf_printf(&line, "%s(%.0f consoles open)", line.len > 0 ? " " : "",
		    n->valuedouble);
	if (r->data != NULL && kind_is(r, "incident.resume")) {
		resume_unended(&line, r, o, resume_gap_words(&line, r, o, GAP_ROW));
		resume_unknown(&line, r, pm, o);
		resume_chains(&line, r);
		resume_unrun(&line, r);
		if (dstr(r, "repaired") != NULL)
			wr_buf_printf(&line, "%sjournal repaired: %s", line.len > 0 ? " — " : "",
			    dstr(r, "repaired"));
	}
	if (line.len == 0 && r->data != NULL && r->data->child != NULL) {
		cJSON *copy = cJSON_Duplicate(r->data, 1);
		char *text;

		redact_json(red, copy);
		text = cJSON_PrintUnformatted(copy);
		cJSON_Delete(copy);
		if (text != NULL)
			wr_buf_str(&line, text);
		cJSON_free(text);
	}
	return wr_buf_take(&line);
}

/* export_details, with pm (NULL: none) to name what records refer to,
 * and times in o's zone (NULL: UTC, as the console shows them). */
static char *
details(const struct record *r, const struct redactor *red, const struct pm *pm,
    const struct export_opts *o)
{
	struct wr_buf gap = { 0 };
	char *own = details_own(r, red, pm, o);

	if (r->data != NULL)
		gap_words(&gap, r, o);
	if (gap.len == 0)
		return own;
	if (own[0] != '\0')
		wr_buf_printf(&gap, " — %s", own);
	free(own);
	return wr_buf_take(&gap);
}

/* text (malloc'd, consumed) as TIMELINE draws it: through the sanitizer,
 * whatever an older journal stored (a note's raw bidi control). */
static char *
screen_text(char *text)
{
	size_t n = strlen(text), out;
	char *clean;

	if (sanitize_is_clean(text, n))
		return text;
	clean = xmalloc(sanitize_bound(n));
	sanitize_buf(text, n, clean, sanitize_bound(n), &out);
	free(text);
	return clean;
}

char *
export_details(const struct record *r, const struct redactor *red)
{
	return screen_text(details(r, red, NULL, NULL));
}

/* An action.end's or action.reconcile's text (malloc'd, consumed) naming
 * the action it ends or settles, as TIMELINE's row does: "ok — rollback of
 * api (kubectl rollout undo) — rev 3"; as it was when no intent of its op
 * is kept. */
static char *
end_named(char *text, const struct record *r, const struct pm *pm)
{
	char what[200], *t;
	size_t i;

	for (i = 0; i < pm->nacts; i++)
		if (pm->acts[i].intent->op != NULL && strcmp(pm->acts[i].intent->op, r->op) == 0)
			break;
	if (i == pm->nacts)
		return text;
	unsettled_what(pm->acts[i].intent, what, sizeof(what));
	t = unsettled_row_words(r, text, what, unsettled_how(dstr(pm->acts[i].intent, "action")));
	free(text);
	return t;
}

/* The Details cell of the timeline table. */
static void
md_details(struct wr_buf *b, const struct export_opts *o, const struct pm *pm,
    const struct record *r)
{
	char *text = details(r, o->red, pm, o);

	if (pm != NULL && (kind_is(r, "action.end") || kind_is(r, "action.reconcile")) &&
	    r->op != NULL)
		text = end_named(text, r, pm);
	/* What a resume or a recovery says of the journal is never cut: a
	 * reader must be able to tell that a record was lost. */
	sb_text_max(b, o, text, kind_is(r, "incident.resume") ||
	    kind_is(r, "journal.recover") ? 0 : CELL_MAX);
	free(text);
}

/* md_details, but a conn.change an older console wrote with less gets
 * what the journal tells: an UP its unwatched_s and start_unseen_s, a
 * DOWN found on a console's first reading its not_before, as
 * Reachability counts them. */
static void
md_conn_details(struct wr_buf *b, const struct export_opts *o, const struct pm *pm,
    const struct record *v, size_t n, size_t i)
{
	const struct record *back = NULL;
	struct connrec_span sp;
	char ts[WR_TS_MAX];
	struct record r;
	int64_t nb;
	size_t k = i;

	if (v[i].data == NULL || (!conn_is(&v[i], "UP") && !conn_is(&v[i], "DOWN"))) {
		md_details(b, o, pm, &v[i]);
		return;
	}
	r = v[i];
	r.data = cJSON_Duplicate(v[i].data, 1);
	if (conn_is(&v[i], "DOWN")) {
		if (dstr(&v[i], "not_before") == NULL && conn_stretch(v, n, i, &back) &&
		    conn_down_unwatched(v, i, &nb)) {
			record_format_ts(nb, ts);
			cJSON_AddStringToObject(r.data, "not_before", ts);
		}
	} else {
		for (k = i; k-- > 0;)
			if (conn_stretch(v, n, k, &back) && back == &v[i])
				break;
	}
	if (k < i) {
		conn_span_of(v, k, back, &sp);
		if (dnum(&v[i], "unwatched_s") < 0 && sp.unwatched_s > 0)
			cJSON_AddNumberToObject(r.data, "unwatched_s", (double)sp.unwatched_s);
		if (dnum(&v[i], "start_unseen_s") < 0 && sp.start_unseen_s > 0)
			cJSON_AddNumberToObject(r.data, "start_unseen_s",
			    (double)sp.start_unseen_s);
	}
	md_details(b, o, pm, &r);
	cJSON_Delete(r.data);
}

/* The key times' rows as they are made: they come from several places
 * (a redeploy found later may be earlier than a row made before it), so
 * they are put in time order before they are written. */
#define KEY_ROWS_MAX 64
struct key_rows {
	struct wr_buf b;
	size_t n, off[KEY_ROWS_MAX];
	int64_t t[KEY_ROWS_MAX];
};

/* A row at time t (NO_TIME: none) starts here in kr->b. */
static void
key_row_start(struct key_rows *kr, int64_t t)
{
	if (kr->n == KEY_ROWS_MAX)
		return;                 /* never so many: it joins the row before */
	kr->off[kr->n] = kr->b.len;
	kr->t[kr->n++] = t;
}

/* The rows in time order, equal times as they came, those with no time
 * last; kr is freed. */
static void
key_rows_flush(struct wr_buf *b, struct key_rows *kr)
{
	size_t idx[KEY_ROWS_MAX], i, j, k, end;

	for (i = 0; i < kr->n; i++) {
		/* Insertion sort: stable, and there are a dozen rows. */
		for (j = i; j > 0 && (kr->t[idx[j - 1]] == NO_TIME ? kr->t[i] != NO_TIME :
		    kr->t[i] != NO_TIME && kr->t[i] < kr->t[idx[j - 1]]); j--)
			idx[j] = idx[j - 1];
		idx[j] = i;
	}
	for (i = 0; i < kr->n; i++) {
		k = idx[i];
		end = k + 1 < kr->n ? kr->off[k + 1] : kr->b.len;
		wr_buf_add(b, kr->b.s + kr->off[k], end - kr->off[k]);
	}
	free(kr->b.s);
}

static void
md_key_time(struct key_rows *kr, const struct export_opts *o, const struct pm *pm,
    const char *what, int64_t t)
{
	char ts[TIME_MAX], dur[48];
	struct wr_buf *b = &kr->b;

	fmt_time(t, o, ts);
	if (t != NO_TIME && pm->detect != NO_TIME)
		fmt_dur(t - pm->detect, dur, sizeof(dur));
	else
		wr_strlcpy(dur, "—", sizeof(dur));
	key_row_start(kr, t);
	wr_buf_printf(b, "| %s | %s | %s |\n", what, ts, dur);
}

/* Who made the bad release, in the key times: deployed outside this
 * console (the tag change's data.outside), by an action of ours (its
 * intent named), or before the console's first reading of it; and a
 * re-creation of the same release since, which moved no deploy time. */
static void
deployed_who(struct wr_buf *b, const struct export_opts *o, const struct pm *pm)
{
	const struct record *came = pm->deployed_came;
	char when[TIME_MAX];

	if (came == NULL)
		return;
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(came->data, "outside")))
		wr_buf_printf(b, "; deployed outside this console (tag change seen at seq %"
		    PRIu64 ")",
		    came->seq);
	else if (pm->deployed_by != NULL) {
		wr_buf_str(b, "; deployed by this console's ");
		sb_text(b, o, unsettled_verb(pm->deployed_by->action));
		wr_buf_str(b, ", ");
		sb_text(b, o, pm->deployed_by->op);
		/* Only its confirmation is kept (a damaged intent line):
		 * name that record, never an intent there is none of. */
		if (pm->deployed_by->intent_lost)
			wr_buf_printf(b, " (confirmation seq %" PRIu64 "; its intent is not kept)",
			    pm->deployed_by->seq);
		else
			wr_buf_printf(b, " (intent seq %" PRIu64 ")", pm->deployed_by->seq);
	} else if (dstr(came, "was_tag") == NULL)
		wr_buf_printf(b, "; already running at this console's first reading (seq %"
		    PRIu64 ")", came->seq);
	if (pm->deployed_recreated != NO_TIME) {
		fmt_time(pm->deployed_recreated, o, when);
		wr_buf_printf(b, "; the same release re-created since, at %s", when);
	}
}

/* Where a rollback time comes from, in plain words (escaped when
 * written): the built-in action, or the runbook command that held one. */
static void
rb_action_words(struct wr_buf *b, const struct pm_action *a)
{
	const char *host = a->intent->host != NULL ? a->intent->host : "?";

	if (a->rb == RB_COMMAND)
		wr_buf_printf(b, "runbook command on %s, %s: `%s`, run as written, not verified "
		    "by warroom", host, a->intent->op, a->rb_cmd);
	else
		wr_buf_printf(b, "built-in %s on %s, %s", unsettled_verb(dstr(a->intent, "action")),
		    host, a->intent->op);
}

/* The same for a tag change the console saw; before: rollback actions
 * came after it. */
static void
rb_seen_words(struct wr_buf *b, const struct record *r, bool before)
{
	wr_buf_printf(b, "%s on %s: tag changed to %s (from %s), seen by the console; no "
	    "rollback action recorded%s", dstr(r, "service"), r->host, dstr(r, "tag"),
	    dstr(r, "was_tag"), before ? " before it" : "");
}

/* "Rollback start (words)": a key time's name with where it comes from. */
static void
md_rollback_row(struct key_rows *b, const struct export_opts *o, const struct pm *pm,
    const char *what, const char *words, int64_t t)
{
	struct wr_buf name = { 0 };

	wr_buf_printf(&name, "%s (", what);
	sb_text_max(&name, o, words, 0);
	wr_buf_str(&name, ")");
	md_key_time(b, o, pm, name.s, t);
	free(name.s);
}

/* The key times' rollback start: the earliest rollback action on any
 * host, or a tag change the console saw before it (or with none), each
 * said with its source. */
static void
md_rollback_start(struct key_rows *b, const struct export_opts *o, const struct pm *pm)
{
	struct wr_buf w = { 0 };

	if (pm->rb_start == NO_TIME) {
		md_key_time(b, o, pm, "Rollback start", NO_TIME);
		return;
	}
	if (start_seen(pm))
		rb_seen_words(&w, pm->seen_first, pm->rb_first != NULL);
	else
		rb_action_words(&w, pm->rb_first);
	md_rollback_row(b, o, pm, "Rollback start", w.s, pm->rb_start);
	free(w.s);
}

/* The key times' rollback end: when the last rollback settled, with its
 * outcome, how it was settled and its source; unknown while one never
 * was; with no rollback action, the last tag change the console saw. */
static void
md_rollback_end(struct key_rows *kr, const struct export_opts *o, const struct pm *pm)
{
	const struct pm_action *a = pm->rb_open != NULL ? pm->rb_open : pm->rb_last;
	struct wr_buf w = { 0 }, *b = &kr->b;
	char name[300], when[TIME_MAX];

	if (a == NULL && pm->seen_last != NULL) {
		rb_seen_words(&w, pm->seen_last, false);
		wr_buf_str(&w, "; its outcome not verified");
		md_rollback_row(kr, o, pm, "Rollback end", w.s, pm->rb_end);
		free(w.s);
		return;
	}
	if (a == NULL) {
		md_key_time(kr, o, pm, "Rollback end", NO_TIME);
		return;
	}
	if (pm->rb_open != NULL) {
		key_row_start(kr, NO_TIME);
		/* What it was and when, as a reader names it; the op id
		 * after, to find it in the journal. */
		unsettled_name(a->intent, name, sizeof(name));
		fmt_time(a->intent->ts_ms, o, when);
		wr_buf_str(b, "| Rollback end | **unknown**: the ");
		sb_text(b, o, name);
		wr_buf_printf(b, " at %s (", when);
		sb_text(b, o, a->intent->op);
		wr_buf_str(b, ")");
		wr_buf_str(b, a->unstored != NULL ? (a->running == 2 && a->unstored[0] != '\0' ?
		    " ended in this console, its end not stored yet (the journal cannot be "
		    "written)" : " has no end stored yet (its console cannot write the journal)") :
		    a->running != 0 ? (a->running == 2 ? " is still running in this "
		    "console" : " is still running in another console") : a->end == NULL ?
		    " has no end recorded" : " ended UNKNOWN and was never settled");
		if (a->running == 0 && a->hidden != NULL) {
			wr_buf_str(b, ", but ");
			damage_ref(b, a->hidden);
			wr_buf_str(b, " after it may have held what settled it");
		}
		wr_buf_str(b, " | — |\n");
		return;
	}
	wr_buf_printf(&w, "%s%s; ", action_outcome(a), !kind_is(a->end, "action.reconcile") ?
	    (a->rb == RB_COMMAND ? ", by its exit status" : "") : settled_by(a) == 3 ?
	    (late_after_unknown(a) ? ": its rollout completed after it ended UNKNOWN" :
	    ": its rollout completed after it ended FAILED") :
	    dstr(a->end, "by") != NULL && strcmp(dstr(a->end, "by"), "hand") == 0 ?
	    ", settled by hand" : " after re-read");
	rb_action_words(&w, a);
	md_rollback_row(kr, o, pm, "Rollback end", w.s, pm->rb_end);
	free(w.s);
}

/* The record that ended the chat announcement v[i] (same op), or NULL. */
static const struct record *
chat_end(const struct record *v, size_t n, size_t i)
{
	size_t k;

	for (k = i + 1; k < n && v[i].op != NULL; k++)
		if ((kind_is(&v[k], "chat.post") || kind_is(&v[k], "chat.failed")) &&
		    v[k].op != NULL && strcmp(v[k].op, v[i].op) == 0)
			return &v[k];
	return NULL;
}

/* How a chat announcement ended, by the record that ended it (or none). */
enum chat_end_kind { CHAT_NONE, CHAT_POSTED, CHAT_FAILED, CHAT_UNKNOWN };

/* The same, as the Markdown draft and the JSON summary say it. */
static const char *const chat_end_md[] = { "no outcome recorded", "posted", "FAILED", "UNKNOWN" };
static const char *const chat_end_json[] = { "none", "posted", "failed", "unknown" };

static enum chat_end_kind
chat_outcome(const struct record *end)
{
	if (end == NULL)
		return CHAT_NONE;
	if (kind_is(end, "chat.post"))
		return CHAT_POSTED;
	return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(end->data, "unknown")) ?
	    CHAT_UNKNOWN : CHAT_FAILED;
}

/* The summary's recovery line: when, or why not (the hosts still bad). */

enum sp_outcome { SP_PENDING, SP_POSTED, SP_FAILED, SP_UNKNOWN };
static const char *const sp_outcome_json[] = { "pending", "posted", "failed", "unknown" };

static enum sp_outcome
sp_outcome(const struct sp_post *p)
{
	if (p->end == NULL)
		return SP_PENDING;
	if (kind_is(p->end, "statuspage.post"))
		return SP_POSTED;
	/* Sent before a restart, not found on the page: it may be there. */
	return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p->end->data, "unknown")) ?
	    SP_UNKNOWN : SP_FAILED;
}

/* A field of the queued update; the end record's own field for a post
 * whose queue record is missing. */
static const char *
sp_field(const struct sp_post *p, const char *key)
{
	const cJSON *u, *s;

	if (p->queue == NULL)
		return dstr(p->end, key);
	u = cJSON_GetObjectItemCaseSensitive(p->queue->data, "update");
	s = cJSON_GetObjectItemCaseSensitive(u, key);
	return cJSON_IsString(s) ? s->valuestring : NULL;
}

/* After a post's time, the tries that failed before it went through:
 * " after 7 refused tries from 09:00:24 (HTTP 500)", " after 3 failed
 * tries from 09:00:24: 2 refused (HTTP 429, 503) and 1 not answered",
 * "; 5 look-ups refused" after either when they failed too;
 * nothing when its first try went through. From when its first try left
 * (its first retry's time when no try record was kept). */
static void
sp_failed_tries(struct wr_buf *b, const struct export_opts *o, const struct sp_post *p)
{
	const struct spfold_run *t = &p->tries;
	int failed = t->refused + t->unanswered;
	char ts[TIME_MAX], words[160];
	size_t i;

	if (failed == 0 || p->first_fail == NULL)
		return;
	fmt_time(p->sent != NULL && p->sent->ts_ms <= p->first_fail->ts_ms ? p->sent->ts_ms :
	    p->first_fail->ts_ms, o, ts);
	if (t->unanswered == 0) {
		wr_buf_printf(b, " after %d refused tr%s from %s (HTTP ", failed,
		    failed == 1 ? "y" : "ies", ts);
		for (i = 0; i < t->nstatuses; i++)
			wr_buf_printf(b, "%s%d", i > 0 ? ", " : "", t->statuses[i]);
		wr_buf_str(b, t->more ? ", …)" : ")");
	} else if (t->refused == 0) {
		wr_buf_printf(b, " after %d tr%s not answered from %s", failed,
		    failed == 1 ? "y" : "ies", ts);
	} else {
		spfold_failed_words(t->refused, t->unanswered, t->statuses, t->nstatuses, t->more,
		    words, sizeof(words));
		wr_buf_printf(b, " after %d failed tries from %s: %s", failed, ts, words);
	}
	spfold_lookup_words(t, words, sizeof(words));
	if (words[0] != '\0')
		wr_buf_printf(b, "; %s", words);
}

/* A post that gave up after more than one try: " after 5 tries from
 * 09:00:24 to 09:00:54, last answer HTTP 500" (its end's status; "the
 * last not answered" when none came), from when its first try left. Nothing for a
 * single try: its error says it all. */
static void
sp_failed_span(struct wr_buf *b, const struct export_opts *o, const struct sp_post *p)
{
	const struct spfold_run *t = &p->tries;
	const cJSON *code = cJSON_GetObjectItemCaseSensitive(p->end->data, "http_status");
	/* The try that failed last has no retry record: the end answers it. */
	int tries = t->refused + t->unanswered + 1;
	int64_t from = p->sent != NULL ? p->sent->ts_ms :
	    p->first_fail != NULL ? p->first_fail->ts_ms : NO_TIME;
	char ts[TIME_MAX], ts2[TIME_MAX];

	if (t->tries > tries)
		tries = t->tries;
	if (tries < 2 || from == NO_TIME)
		return;
	if (p->first_fail != NULL && p->first_fail->ts_ms < from)
		from = p->first_fail->ts_ms;
	fmt_time(from, o, ts);
	fmt_time(p->end->ts_ms, o, ts2);
	wr_buf_printf(b, " after %d tries from %s to %s", tries, ts, ts2);
	if (cJSON_IsNumber(code) && code->valuedouble > 0)
		wr_buf_printf(b, ", last answer HTTP %d", (int)code->valuedouble);
	else
		wr_buf_str(b, ", the last not answered");
}

/* "- **time** status (action): text — posted time", the text as queued;
 * one never answered or refused says so. */
static void
md_sp_post(struct wr_buf *b, const struct export_opts *o, const struct sp_post *p)
{
	const char *body = sp_field(p, "body"), *status = sp_field(p, "status");
	const char *action = sp_field(p, "action"), *name = sp_field(p, "name");
	const char *impact = sp_field(p, "impact");
	char ts[TIME_MAX];
	bool reconciled;

	fmt_time((p->queue != NULL ? p->queue : p->end)->ts_ms, o, ts);
	wr_buf_printf(b, "- **%s** ", ts);
	sb_text(b, o, status != NULL ? status : "?");
	if (action != NULL) {
		wr_buf_str(b, " (");
		sb_text(b, o, action);
		/* What customers read as the title, and the impact it claimed. */
		if (strcmp(action, "create") == 0 && name != NULL && name[0] != '\0') {
			wr_buf_str(b, " \"");
			sb_text(b, o, name);
			wr_buf_str(b, "\"");
		}
		if (impact != NULL && impact[0] != '\0') {
			wr_buf_str(b, ", impact ");
			sb_text(b, o, impact);
		}
		wr_buf_str(b, ")");
	}
	wr_buf_str(b, ": ");
	if (body != NULL && body[0] != '\0')
		sb_text(b, o, body);
	else if (p->queue != NULL)
		wr_buf_str(b, "_no text_");
	else
		wr_buf_str(b, "_text not in the journal (no statuspage.queue record)_");
	reconciled = p->end != NULL &&
	    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p->end->data, "reconciled"));
	if (reconciled && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p->end->data,
	    "in_session"))) {
		/* The try this console did not repeat: when it left. */
		const cJSON *ls = cJSON_GetObjectItemCaseSensitive(p->end->data, "last_sent_ms");

		fmt_time(cJSON_IsNumber(ls) && ls->valuedouble > 0 ? (int64_t)ls->valuedouble :
		    NO_TIME, o, ts);
		wr_buf_printf(b, " — sent %s, no answer; ", ts);
	} else if (reconciled) {
		/* The try a restart did not repeat: when it left, and what the page said. */
		fmt_time(p->sent != NULL ? p->sent->ts_ms : NO_TIME, o, ts);
		wr_buf_printf(b, " — first sent %s, no answer before the console stopped; ", ts);
	}
	switch (sp_outcome(p)) {
	case SP_POSTED:
		if (reconciled) {
			const cJSON *pc = cJSON_GetObjectItemCaseSensitive(p->end->data,
			    "page_created_ms");

			fmt_time(cJSON_IsNumber(pc) && pc->valuedouble > 0 ?
			    (int64_t)pc->valuedouble : NO_TIME, o, ts);
			wr_buf_printf(b, "posted %s as found on the page", ts);
			fmt_time(p->end->ts_ms, o, ts);
			wr_buf_printf(b, " (read back %s), not sent again", ts);
			break;
		}
		fmt_time(p->end->ts_ms, o, ts);
		wr_buf_printf(b, " — posted %s", ts);
		sp_failed_tries(b, o, p);
		if (dstr(p->end, "detail") != NULL && cJSON_IsTrue(
		    cJSON_GetObjectItemCaseSensitive(p->end->data, "as_update"))) {
			wr_buf_str(b, " as an update: ");
			sb_text(b, o, dstr(p->end, "detail"));
		}
		break;
	case SP_UNKNOWN:
		fmt_time(p->end->ts_ms, o, ts);
		wr_buf_printf(b, "%s**UNKNOWN**, not sent again (read back %s)",
		    reconciled ? "" : " — ", ts);
		if (dstr(p->end, "error") != NULL) {
			wr_buf_str(b, ": ");
			sb_text(b, o, dstr(p->end, "error"));
		}
		break;
	case SP_FAILED:
		/* A create another post's incident made moot: a decision, no failure. */
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p->end->data, "superseded")))
			wr_buf_str(b, " — **not posted**");
		else {
			wr_buf_str(b, " — **FAILED, not posted**");
			sp_failed_span(b, o, p);
		}
		if (dstr(p->end, "error") != NULL) {
			wr_buf_str(b, ": ");
			sb_text(b, o, dstr(p->end, "error"));
		}
		break;
	case SP_PENDING:
		wr_buf_str(b, " — **queued, never confirmed posted** (no answer recorded by the "
		    "journal's end");
		if (p->retry != NULL && dstr(p->retry, "error") != NULL) {
			wr_buf_str(b, "; last try: ");
			sb_text(b, o, dstr(p->retry, "error"));
		}
		wr_buf_str(b, ")");
		break;
	}
	if (p->takeover != NULL) {
		/* Who sent it once the console that queued it was gone. */
		wr_buf_str(b, "; taken over by ");
		sb_text(b, o, p->takeover->actor != NULL ? p->takeover->actor : "?");
		wr_buf_str(b, " from ");
		sb_text(b, o, dstr(p->takeover, "from_actor") != NULL ?
		    dstr(p->takeover, "from_actor") : "another console");
		fmt_time(p->takeover->ts_ms, o, ts);
		wr_buf_printf(b, " at %s (that console no longer ran)", ts);
	}
	wr_buf_str(b, "\n");
}

/* The keys still bad at the journal's end, "h1 (ROLLBACK IMMEDIATELY
 * after CONSIDER ROLLBACK)", comma-separated: those in a turn charged to
 * a release, or (spared) those in one charged to none. */
static void
md_keys_still_bad(struct wr_buf *b, const struct export_opts *o, const struct pm *pm,
    bool spared)
{
	size_t i, k = 0;

	for (i = 0; i < pm->nkeys; i++) {
		const struct pm_key *key = &pm->keys[i];
		const char *bad = spared ? key->spared : key->bad;

		if (bad == NULL)
			continue;
		if (k++ > 0)
			wr_buf_str(b, ", ");
		sb_text(b, o, key->id);
		wr_buf_str(b, " (");
		sb_text(b, o, key->verdict);
		if (strcmp(key->verdict, bad) != 0) {
			wr_buf_str(b, " after ");
			sb_text(b, o, bad);
		}
		wr_buf_str(b, ")");
	}
}

/* Hosts other than the last one back that came back on restarts alone
 * (no metrics: NO DATA is their calm), not seen OK since: "; h3 only as
 * far as restarts show (calm since 12:31, no metrics configured)". */
static void
md_calm_others(struct wr_buf *b, const struct export_opts *o, const struct pm *pm)
{
	char ts[TIME_MAX];
	size_t i;

	for (i = 0; i < pm->nkeys; i++) {
		const struct pm_key *k = &pm->keys[i];

		if (k->back_calm == NO_TIME || k->bad != NULL || k->id == pm->last_back)
			continue;
		fmt_time(k->back_calm, o, ts);
		wr_buf_str(b, "; ");
		sb_text(b, o, k->id);
		wr_buf_printf(b, " only as far as restarts show (calm since %s, no metrics "
		    "configured)", ts);
	}
}

/* "; but 1 action did not end OK (see Follow-ups)" beside "recovered":
 * the verdicts came back, yet a failed rollback may still stand. */
static void
md_standing_note(struct wr_buf *b, const struct pm *pm)
{
	if (pm->n_standing > 0)
		wr_buf_printf(b, "; but %zu action%s did not end OK (see Follow-ups)",
		    pm->n_standing, pm->n_standing == 1 ? "" : "s");
}

static void
md_recovery_line(struct wr_buf *b, const struct record *v, size_t n,
    const struct export_opts *o, const struct pm *pm)
{
	char ts[TIME_MAX], ts2[TIME_MAX];

	fmt_time(pm->detect, o, ts);
	fmt_time(pm->recovery, o, ts2);
	wr_buf_printf(b, "- Detected %s; ", ts);
	if (pm->recovered_by == REC_VERDICTS && pm->back_resync != NULL) {
		int64_t a, z;
		char t0[TIME_MAX];

		/* Seen good only when the journal came back after a gap. */
		if (!gap_of(pm->back_resync, "resync", &a, &z))
			a = pm->recovery;
		fmt_time(a, o, t0);
		wr_buf_printf(b, "recovered between %s and %s: the last host that was bad (", t0,
		    ts2);
		sb_text(b, o, pm->last_back);
		wr_buf_str(b, ") was back at ");
		sb_text(b, o, pm->back_at);
		if (pm->back_calm)
			wr_buf_str(b, " (restarts calm; no metrics configured)");
		wr_buf_str(b, " when the journal could be written again; it came back at some "
		    "moment in that gap, and the later time is counted");
		md_calm_others(b, o, pm);
		md_standing_note(b, pm);
		wr_buf_str(b, ".\n");
		return;
	}
	if (pm->recovered_by == REC_VERDICTS) {
		wr_buf_printf(b, "recovered %s%s, when the last host that was bad (", ts2,
		    pm->back_calm ? " as far as restarts show" : "");
		sb_text(b, o, pm->last_back);
		wr_buf_str(b, ") was back at ");
		sb_text(b, o, pm->back_at);
		if (pm->back_calm)
			wr_buf_printf(b, ": restarts calm since %s (no metrics configured)", ts2);
		md_calm_others(b, o, pm);
		md_standing_note(b, pm);
		wr_buf_str(b, ".\n");
		return;
	}
	if (pm->recovered_by == REC_RESOLVE) {
		wr_buf_printf(b, "recovered %s (marked resolved; no verdict was worse "
		    "than MONITOR)", ts2);
		md_standing_note(b, pm);
		wr_buf_str(b, ".\n");
		return;
	}
	if (pm->nbad == 0) {
		wr_buf_str(b, "no recovery recorded.\n");
		return;
	}
	fmt_time(observed_end(v, n), o, ts2);
	if (pm->rec_hidden != NULL)
		wr_buf_printf(b, "**not known to be recovered**: still bad at the last verdict "
		    "the journal holds (its end: %s): ", ts2);
	else
		wr_buf_printf(b, "**not recovered**: still bad at the journal's end (%s): ", ts2);
	md_keys_still_bad(b, o, pm, false);
	if (pm->rec_hidden != NULL) {
		wr_buf_str(b, "; ");
		damage_ref(b, pm->rec_hidden);
		wr_buf_str(b, " after it may have held a later verdict");
	}
	wr_buf_str(b, ".\n");
}

/* The recovery line, then the hosts still bad at the journal's end in
 * turns charged to no release (their own fault): said apart, so that
 * neither "recovered" hides them nor they hold the release's recovery. */
static void
md_recovery_summary(struct wr_buf *b, const struct record *v, size_t n,
    const struct export_opts *o, const struct pm *pm)
{
	char ts[TIME_MAX];

	md_recovery_line(b, v, n, o, pm);
	if (pm->nspared_bad == 0)
		return;
	fmt_time(observed_end(v, n), o, ts);
	wr_buf_printf(b, "- Still bad at the journal's end (%s), not charged to a release (its "
	    "own fault: judged OK under what it ran before): ", ts);
	md_keys_still_bad(b, o, pm, true);
	wr_buf_str(b, ".\n");
}

/* Whether what x last ran or sent from st came from an earlier version
 * of it: its record's runbook_code (an intent's plan holds it) is not what
 * the step runs as last loaded. Records and loads that do not say (older
 * journals) are taken as the same (stepran_code_changed). */
static bool
ran_earlier(const struct pm_step *st)
{
	const struct record *r = st->ran;

	if (r == NULL)
		return false;
	return stepran_code_changed(kind_is(r, "action.intent") ? jstr_in(
	    cJSON_GetObjectItemCaseSensitive(r->data, "plan"), "runbook_code") :
	    dstr(r, "runbook_code"), st->code);
}

/* After what the post-mortem says x did from a step whose code changed
 * since: its outcome is not that of the step listed. */
#define EARLIER_WORDS " (an earlier version of this step)"

/* " (not ticked; x ran it at TIME: OUTCOME)" for a step x ran: how the
 * action, post, smoke check or announcement it started ended; then, when
 * it came from an earlier version of the step (earlier), EARLIER_WORDS. */
static void
md_ran(struct wr_buf *b, const struct record *v, size_t n, const struct export_opts *o,
    const struct pm *pm, const struct record *r, bool earlier)
{
	static const char *const sp_md[] = { "queued, never confirmed posted", "posted",
		"FAILED, not posted", "UNKNOWN, may not be posted" };
	char ts[TIME_MAX];
	bool found;
	size_t slot;

	fmt_time(r->ts_ms, o, ts);
	if (kind_is(r, "action.intent")) {
		const struct pm_action *a = r->op != NULL ? action_find((struct pm *)pm, r->op) : NULL;

		wr_buf_printf(b, " (not ticked; x ran it at %s: %s)", ts,
		    a != NULL ? action_outcome(a) : "unknown");
	} else if (kind_is(r, "action.refused")) {
		wr_buf_printf(b, " (not ticked; x was refused at %s: ", ts);
		sb_text(b, o, dstr(r, "reason") != NULL ? dstr(r, "reason") : "no reason recorded");
		wr_buf_str(b, ")");
	} else if (kind_is(r, "statuspage.queue")) {
		slot = r->op != NULL ? strmap_slot(&pm->spmap, r->op, &found) : 0;
		wr_buf_printf(b, " (not ticked; x posted it to the status page at %s: %s)", ts,
		    r->op != NULL && found ? sp_md[sp_outcome(&pm->sp[pm->spmap.vals[slot]])] :
		    sp_md[SP_PENDING]);
	} else if (kind_is(r, "smoke")) {
		wr_buf_printf(b, " (not ticked; x ran its smoke check at %s: %s)", ts,
		    !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "ok")) ? "FAILED" :
		    dstr(r, "warning") != NULL ? "WARN" : "OK");
	} else {
		wr_buf_printf(b, " (not ticked; x announced it at %s: %s)", ts,
		    chat_end_md[chat_outcome(chat_end(v, n, (size_t)(r - v)))]);
	}
	if (earlier)
		wr_buf_str(b, EARLIER_WORDS);
}

/* " (not ticked, but its rollback ran OK on api-1 at TIME via r)" for a
 * step whose own work ran OK (pm_step.ran_ok): how, where, when and
 * from which key, so that no one redoes it. */
static void
md_ran_ok(struct wr_buf *b, const struct export_opts *o, const struct pm_step *st)
{
	const struct record *r = st->ran_ok->intent;
	unsigned f = fam_of_action(dstr(r, "action"));
	bool from_step = step_of(r) != NULL;
	char ts[TIME_MAX];

	fmt_time(r->ts_ms, o, ts);
	if (st->ran != NULL && st->ran == r)
		wr_buf_str(b, " (not ticked, but x ran it OK");
	else
		wr_buf_printf(b, " (not ticked, but its %s ran OK", f & FAM_ROLLBACK ? "rollback" :
		    f & FAM_KILLSWITCH ? "kill switch" : "migration downgrade");
	if (r->host != NULL) {
		wr_buf_str(b, " on ");
		sb_text(b, o, r->host);
	}
	wr_buf_printf(b, " at %s", ts);
	if (st->ran != r)
		wr_buf_printf(b, " via %s", from_step ? "x from another step" :
		    f & FAM_ROLLBACK ? "r" : f & FAM_KILLSWITCH ? "X" : "M");
	wr_buf_str(b, ")");
}

/* " (not ticked; its rollback on k8s-1 FAILED at TIME via r)" for a step
 * whose last bound action did not end OK (pm_step.ran_bad): the work is
 * still to do, and no one should read it as done; a hand settle says by
 * whom. */
static void
md_ran_bad(struct wr_buf *b, const struct export_opts *o, const struct pm_step *st)
{
	const struct pm_action *a = st->ran_bad;
	const struct record *r = a->intent;
	unsigned f = fam_of_action(dstr(r, "action"));
	bool failed = strcmp(action_outcome(a), "failed") == 0;
	char ts[TIME_MAX];

	fmt_time(failed ? ended_ms(a) : r->ts_ms, o, ts);
	wr_buf_printf(b, " (not ticked; its %s", f & FAM_ROLLBACK ? "rollback" :
	    f & FAM_KILLSWITCH ? "kill switch" : "migration downgrade");
	if (r->host != NULL) {
		wr_buf_str(b, " on ");
		sb_text(b, o, r->host);
	}
	wr_buf_printf(b, failed ? " FAILED at %s" : " started at %s is UNKNOWN", ts);
	wr_buf_printf(b, " via %s", step_of(r) != NULL ? "x from another step" :
	    f & FAM_ROLLBACK ? "r" : f & FAM_KILLSWITCH ? "X" : "M");
	if (settled_by(a) == 2 && a->end->actor != NULL) {
		wr_buf_str(b, ", settled by hand by ");
		sb_text(b, o, a->end->actor);
	}
	wr_buf_str(b, ")");
	if (st->ok_before != NULL) {
		fmt_time(ended_ms(st->ok_before), o, ts);
		wr_buf_printf(b, " (an earlier one ran OK at %s)", ts);
	}
}

/* A ticked step whose last run from x did not go as asked: how it went,
 * after the title (" — smoke FAILED on api-1: GET http://h/healthz
 * answered 503 (expected 200)"); nothing when it went as asked. A tick
 * is the engineer's word; the outcome stays beside it. One from an
 * earlier version of the step (earlier) is said however it went, with
 * EARLIER_WORDS: an OK of other commands is not this step's. */
static void
md_ticked_outcome(struct wr_buf *b, const struct record *v, size_t n,
    const struct export_opts *o, const struct pm *pm, const struct record *r, bool earlier)
{
	static const char *const sp_md[] = { "queued, never confirmed posted", "posted",
		"FAILED, not posted", "UNKNOWN, may not be posted" };
	struct wr_buf w = { 0 };
	bool found;
	size_t slot;

	if (kind_is(r, "smoke")) {
		const cJSON *st = cJSON_GetObjectItemCaseSensitive(r->data, "status");
		const cJSON *ex = cJSON_GetObjectItemCaseSensitive(r->data, "expect");
		bool ok = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "ok"));
		const char *warn = dstr(r, "warning");

		if (ok && warn == NULL && !earlier)
			return;
		wr_buf_printf(&w, "smoke %s%s%s: GET %s",
		    !ok ? "FAILED" : warn != NULL ? "WARN" : "OK",
		    r->host != NULL ? " on " : "", r->host != NULL ? r->host : "",
		    dstr(r, "url") != NULL ? dstr(r, "url") : "?");
		if (cJSON_IsNumber(st) && st->valuedouble > 0)
			wr_buf_printf(&w, " answered %.0f", st->valuedouble);
		else
			wr_buf_printf(&w, " got no answer%s%s", dstr(r, "error") ? ": " : "",
			    dstr(r, "error") ? dstr(r, "error") : "");
		if (cJSON_IsNumber(ex))
			wr_buf_printf(&w, " (expected %.0f)", ex->valuedouble);
		if (ok && warn != NULL)
			wr_buf_printf(&w, ", but %s", warn);
	} else if (kind_is(r, "action.intent")) {
		const struct pm_action *a = r->op != NULL ? action_find((struct pm *)pm, r->op) : NULL;
		const char *oc = a != NULL ? action_outcome(a) : "unknown";

		if ((strcmp(oc, "ok") == 0 || (a != NULL && a->running != 0)) && !earlier)
			return;
		wr_buf_printf(&w, "x ran it: %s", a != NULL && a->running != 0 ? "still running" :
		    strcmp(oc, "ok") == 0 ? "OK" : strcmp(oc, "failed") == 0 ? "FAILED" :
		    "UNKNOWN");
		if (a != NULL && a->end != NULL && dstr(a->end, "detail") != NULL)
			wr_buf_printf(&w, ": %s", dstr(a->end, "detail"));
	} else if (kind_is(r, "action.refused")) {
		wr_buf_printf(&w, "x was refused: %s", dstr(r, "reason") != NULL ? dstr(r, "reason") :
		    "no reason recorded");
	} else if (kind_is(r, "statuspage.queue")) {
		enum sp_outcome so = SP_PENDING;

		slot = r->op != NULL ? strmap_slot(&pm->spmap, r->op, &found) : 0;
		if (r->op != NULL && found)
			so = sp_outcome(&pm->sp[pm->spmap.vals[slot]]);
		if (so == SP_POSTED && !earlier)
			return;
		wr_buf_printf(&w, "its status-page post: %s", sp_md[so]);
	} else {
		enum chat_end_kind ce = chat_outcome(chat_end(v, n, (size_t)(r - v)));

		if (ce == CHAT_POSTED && !earlier)
			return;
		wr_buf_printf(&w, "its announcement: %s", chat_end_md[ce]);
	}
	wr_buf_str(b, " — ");
	sb_text(b, o, w.s);
	if (earlier)
		wr_buf_str(b, EARLIER_WORDS);
	free(w.s);
}

/* How what x last ran from a step went, one word for JSON: an action's
 * "ok", "failed", "unknown" or "running"; a smoke check's "ok", "warn" or
 * "failed"; a post's "posted", "failed" or "pending"; an announcement's
 * "posted", "failed", "unknown" or "none"; an x refused, "refused". */
static const char *
ran_result(const struct record *v, size_t n, const struct pm *pm, const struct record *r)
{
	bool found;
	size_t slot;

	if (kind_is(r, "smoke"))
		return !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "ok")) ? "failed" :
		    dstr(r, "warning") != NULL ? "warn" : "ok";
	if (kind_is(r, "action.intent")) {
		const struct pm_action *a = r->op != NULL ? action_find((struct pm *)pm, r->op) : NULL;

		return a != NULL && a->running != 0 ? "running" : a != NULL ? action_outcome(a) :
		    "unknown";
	}
	if (kind_is(r, "action.refused"))
		return "refused";
	if (kind_is(r, "statuspage.queue")) {
		slot = r->op != NULL ? strmap_slot(&pm->spmap, r->op, &found) : 0;
		return sp_outcome_json[r->op != NULL && found ?
		    sp_outcome(&pm->sp[pm->spmap.vals[slot]]) : SP_PENDING];
	}
	return chat_end_json[chat_outcome(chat_end(v, n, (size_t)(r - v)))];
}

/* The T-0 runbook.tzero last set for runbook name (ms); NO_TIME: never. */
static int64_t
tzero_of(const struct pm *pm, const struct record *v, size_t n, const char *name)
{
	const cJSON *t;
	size_t i;

	for (i = n; i-- > 0;)
		if (kind_is(&v[i], "runbook.tzero") && dstr(&v[i], "name") != NULL &&
		    strcmp(rb_canon(pm, dstr(&v[i], "name")), name) == 0 &&
		    cJSON_IsNumber(t = cJSON_GetObjectItemCaseSensitive(v[i].data, "tzero")))
			return (int64_t)t->valuedouble * 1000;
	return NO_TIME;
}

/* A run-of-show step's due time from its "T-10m:" and the runbook's T-0,
 * and when it was ticked: " — due …, ticked …". */
static void
md_due(struct wr_buf *b, const struct export_opts *o, const struct pm_step *st, int64_t tzero)
{
	char ts[TIME_MAX];
	long off;

	if (tzero == NO_TIME || !runbook_tminus(st->title, &off))
		return;
	fmt_time(tzero + (int64_t)off * 1000, o, ts);
	wr_buf_printf(b, " — due %s", ts);
	if (st->done && st->ticked_at != NO_TIME) {
		fmt_time(st->ticked_at, o, ts);
		wr_buf_printf(b, ", ticked %s", ts);
	}
}

/* .env's IMAGE_TAG for host's service as its last env.check said it,
 * while it named another tag than the service ran, which it still runs
 * (runs); NULL: none said, or not so. */
static const char *
env_says(const struct record *v, size_t n, const char *host, const char *svc, const char *runs)
{
	size_t i = n;

	while (i-- > 0) {
		const struct record *r = &v[i];

		if (!kind_is(r, ENVMARK_KIND) || r->host == NULL || strcmp(r->host, host) != 0 ||
		    dstr(r, "service") == NULL || strcmp(dstr(r, "service"), svc) != 0)
			continue;
		if (dstr(r, "env_image_tag") == NULL || dstr(r, "runs") == NULL ||
		    strcmp(dstr(r, "runs"), runs) != 0 ||
		    !envmark_drift(dstr(r, "env_image_tag"), runs))
			return NULL;
		return dstr(r, "env_image_tag");
	}
	return NULL;
}

/* Services still on a release the incident judged bad at the journal's
 * end (their last tag read, a console's first reading too): the bad
 * release is not gone while one runs it, whatever the rollbacks did
 * elsewhere. Only one a bad verdict was charged to somewhere
 * (badrel_verdict_bad): a release only rolled back from is no fault found,
 * and the Summary says that rollback (md_other_bad). How many lines. */
static size_t
md_still_bad(struct wr_buf *b, const struct record *v, size_t n, const struct export_opts *o,
    const struct pm *pm)
{
	const struct badrel *rel = &pm->contain.rel;
	size_t i, k = 0;

	for (i = 0; i < rel->nsvc; i++) {
		const struct badrel_svc *s = &rel->svc[i];
		const char *env;

		if (!badrel_verdict_bad(rel, s->tag))
			continue;
		wr_buf_str(b, k++ == 0 ? "\n**Bad release still running**\n\n- " : "- ");
		sb_text(b, o, s->service);
		wr_buf_str(b, " on ");
		sb_text(b, o, s->host);
		wr_buf_str(b, " still runs ");
		sb_text(b, o, s->tag);
		if ((env = env_says(v, n, s->host, s->service, s->tag)) != NULL) {
			wr_buf_str(b, " (.env says ");
			sb_text(b, o, env);
			wr_buf_str(b, ")");
		}
		wr_buf_str(b, "\n");
	}
	return k;
}

/* Each action left standing (action_standing), as a follow-up:
 * "k8s-1: rollback of api FAILED (op-b, settled by hand by alice@ws at
 * TIME) — rollout stuck 2/3: check the rollout". How many lines. */
static size_t
md_standing(struct wr_buf *b, const struct export_opts *o, const struct pm *pm)
{
	char ts[TIME_MAX];
	size_t i, k = 0;

	for (i = 0; i < pm->nacts; i++) {
		const struct pm_action *a = &pm->acts[i];
		const char *act = dstr(a->intent, "action");
		const char *svc = jstr_in(cJSON_GetObjectItemCaseSensitive(a->intent->data,
		    "plan"), "service");
		unsigned f = fam_of_action(act);
		bool failed = strcmp(action_outcome(a), "failed") == 0;
		const char *detail = a->end != NULL ? dstr(a->end, "detail") : NULL;

		if (!action_standing(pm, a))
			continue;
		wr_buf_str(b, k++ == 0 ? "\n**Actions that did not end OK**\n\n- " : "- ");
		sb_text(b, o, a->intent->host != NULL ? a->intent->host : "no host");
		wr_buf_str(b, ": ");
		if (f & FAM_ROLLBACK)
			wr_buf_str(b, "rollback");
		else if (f & FAM_KILLSWITCH)
			wr_buf_str(b, "kill switch");
		else if (f & FAM_MIGRATE)
			wr_buf_str(b, "migration downgrade");
		else
			sb_text(b, o, act != NULL ? act : "action");
		if (svc != NULL) {
			wr_buf_str(b, " of ");
			sb_text(b, o, svc);
		}
		wr_buf_str(b, failed ? " FAILED (" : " is UNKNOWN (");
		sb_text(b, o, a->intent->op);
		if (settled_by(a) == 2) {
			fmt_time(a->end->ts_ms, o, ts);
			wr_buf_str(b, ", settled by hand by ");
			sb_text(b, o, a->end->actor != NULL ? a->end->actor : "?");
			wr_buf_printf(b, " at %s", ts);
		} else if (!failed) {
			wr_buf_str(b, ", never settled");
		}
		wr_buf_str(b, ")");
		if (detail != NULL) {
			wr_buf_str(b, " \xe2\x80\x94 ");
			sb_text(b, o, detail);
		}
		wr_buf_str(b, act != NULL && (strcmp(act, "k8s.undo") == 0 ||
		    strcmp(act, "helm.rollback") == 0) ? ": check the rollout\n" : f != 0 ?
		    ": check what it runs now\n" : ": check the real state\n");
	}
	return k;
}

/* A health.change that read /readyz: it carries schema_ahead. */
static bool
reads_schema(const struct record *r)
{
	return kind_is(r, "health.change") &&
	    cJSON_IsBool(cJSON_GetObjectItemCaseSensitive(r->data, "schema_ahead"));
}

/* Each host's service's last record that want takes, in the order the
 * services were first met. The caller frees *out; how many. */
static size_t
last_each(const struct record *v, size_t n, bool (*want)(const struct record *),
    const struct record ***out)
{
	const struct record **last = NULL;
	struct wr_buf *ids = NULL;
	struct strmap map;
	size_t nlast = 0, i, slot;
	bool found;

	strmap_init(&map, 16);
	for (i = 0; i < n; i++) {
		const struct record *r = &v[i];
		struct wr_buf id = { 0 };

		if (r->host == NULL || dstr(r, "service") == NULL || !want(r))
			continue;
		wr_buf_printf(&id, "%s/%s", r->host, dstr(r, "service"));
		slot = strmap_slot(&map, id.s, &found);
		if (found) {
			last[map.vals[slot]] = r;
			free(id.s);
			continue;
		}
		last = xrealloc(last, (nlast + 1) * sizeof(*last));
		ids = xrealloc(ids, (nlast + 1) * sizeof(*ids));
		last[nlast] = r;
		ids[nlast] = id;        /* the map borrows its text */
		strmap_put(&map, slot, id.s, nlast);
		nlast++;
	}
	for (i = 0; i < nlast; i++)
		free(ids[i].s);
	free(ids);
	strmap_free(&map);
	*out = last;
	return nlast;
}

/* Each service's last health.change that read /readyz (it carries
 * schema_ahead) where it said the schema is ahead of the release or
 * behind it: a release left on a schema not its own (a rollback over
 * migrations a bad release ran). The caller frees *out; how many. */
static size_t
schema_left(const struct record *v, size_t n, const struct record ***out)
{
	size_t i, k, nlast = last_each(v, n, reads_schema, out);

	for (i = 0, k = 0; i < nlast; i++) {
		enum probe_schema s = healthrec_schema((*out)[i]->data, false);

		if (s == PROBE_SCHEMA_AHEAD || s == PROBE_SCHEMA_BEHIND)
			(*out)[k++] = (*out)[i];
	}
	return k;
}

static bool
reads_env(const struct record *r)
{
	return kind_is(r, ENVMARK_KIND) && dstr(r, "env_image_tag") != NULL &&
	    dstr(r, "runs") != NULL;
}

/* The compose.rollback intent on r's host that took r's service to what
 * it runs, the latest; NULL: none did. */
static const struct record *
rolled_back_to(const struct record *v, size_t n, const struct record *r)
{
	size_t i;

	for (i = n; i-- > 0;) {
		const cJSON *p = cJSON_GetObjectItemCaseSensitive(v[i].data, "plan");
		const char *svc = jstr_in(p, "service"), *to = jstr_in(p, "to");

		if (kind_is(&v[i], "action.intent") && v[i].host != NULL &&
		    strcmp(v[i].host, r->host) == 0 && dstr(&v[i], "action") != NULL &&
		    strcmp(dstr(&v[i], "action"), "compose.rollback") == 0 && svc != NULL &&
		    strcmp(svc, dstr(r, "service")) == 0 && to != NULL &&
		    strcmp(to, dstr(r, "runs")) == 0)
			return &v[i];
	}
	return NULL;
}

/* Each Compose service whose last .env reading (env.check) names another
 * IMAGE_TAG than it runs, where what it runs is a rollback's target: the
 * next plain `up -d` undoes that rollback. *from (freed with *out): each
 * one's rollback, the tag it left. The caller frees *out; how many. */
static size_t
env_left(const struct record *v, size_t n, const struct record ***out, const char ***from)
{
	size_t i, k, nlast = last_each(v, n, reads_env, out);
	const struct record *rb;

	*from = xmalloc((nlast + 1) * sizeof(**from));
	for (i = 0, k = 0; i < nlast; i++) {
		const struct record *r = (*out)[i];

		if (!envmark_drift(dstr(r, "env_image_tag"), dstr(r, "runs")) ||
		    (rb = rolled_back_to(v, n, r)) == NULL)
			continue;
		(*from)[k] = jstr_in(cJSON_GetObjectItemCaseSensitive(rb->data, "plan"), "from");
		(*out)[k++] = r;
	}
	return k;
}

/* Whether env_left's a and b read alike (one line names both hosts). */
static bool
env_alike(const struct record *a, const char *afrom, const struct record *b,
    const char *bfrom)
{
	return strcmp(dstr(a, "service"), dstr(b, "service")) == 0 &&
	    strcmp(dstr(a, "env_image_tag"), dstr(b, "env_image_tag")) == 0 &&
	    strcmp(dstr(a, "runs"), dstr(b, "runs")) == 0 &&
	    ((afrom == NULL) == (bfrom == NULL)) && (afrom == NULL || strcmp(afrom, bfrom) == 0);
}

/* env_left's services as follow-ups, hosts alike on one line: "h1, h4:
 * .env still says IMAGE_TAG=v1.5.0-bad: a plain `up -d` would start the
 * bad release (api runs v1.4.1, the rollback's target); set
 * IMAGE_TAG=v1.4.1". How many lines. */
static size_t
md_env_left(struct wr_buf *b, const struct record *v, size_t n, const struct export_opts *o)
{
	const struct record **left;
	const char **from;
	size_t i, j, lines = 0, k = env_left(v, n, &left, &from);
	bool *said = xmalloc(k + 1);

	memset(said, 0, k + 1);
	for (i = 0; i < k; i++) {
		const struct record *r = left[i];
		const char *env = dstr(r, "env_image_tag");

		if (said[i])
			continue;
		wr_buf_str(b, lines++ == 0 ? "\n**.env drift**\n\n- " : "- ");
		for (j = i; j < k; j++) {
			if (said[j] || !env_alike(r, from[i], left[j], from[j]))
				continue;
			said[j] = true;
			if (j != i)
				wr_buf_str(b, ", ");
			sb_text(b, o, left[j]->host);
		}
		wr_buf_str(b, ": .env still says IMAGE_TAG=");
		sb_text(b, o, env);
		wr_buf_str(b, ": a plain `up -d` would start ");
		if (from[i] != NULL && strcmp(from[i], env) == 0)
			wr_buf_str(b, "the bad release");
		else
			sb_text(b, o, env);
		wr_buf_str(b, " (");
		sb_text(b, o, dstr(r, "service"));
		wr_buf_str(b, " runs ");
		sb_text(b, o, dstr(r, "runs"));
		wr_buf_str(b, ", the rollback's target); set IMAGE_TAG=");
		sb_text(b, o, dstr(r, "runs"));
		wr_buf_str(b, "\n");
	}
	free(said);
	free(from);
	free(left);
	return lines;
}

/* schema_left's services as follow-ups: "api on h1 runs v1.4.1 on a
 * schema ahead of it (database 0043, release expects 0041)". Action
 * details said it once; the release is left there. How many lines. */
static size_t
md_schema_left(struct wr_buf *b, const struct record *v, size_t n,
    const struct export_opts *o)
{
	const struct record **left;
	size_t i, k = schema_left(v, n, &left);

	for (i = 0; i < k; i++) {
		const struct record *r = left[i];

		wr_buf_str(b, i == 0 ? "\n**Database schema**\n\n- " : "- ");
		sb_text(b, o, dstr(r, "service"));
		wr_buf_str(b, " on ");
		sb_text(b, o, r->host);
		wr_buf_str(b, " runs ");
		sb_text(b, o, dstr(r, "tag") != NULL ? dstr(r, "tag") : "its release");
		wr_buf_printf(b, " on a schema %s of it", healthrec_schema(r->data, false) ==
		    PROBE_SCHEMA_AHEAD ? "ahead" : "behind");
		if (dstr(r, "schema_database") != NULL && dstr(r, "schema_expected") != NULL) {
			wr_buf_str(b, " (database ");
			sb_text(b, o, dstr(r, "schema_database"));
			wr_buf_str(b, ", release expects ");
			sb_text(b, o, dstr(r, "schema_expected"));
			wr_buf_str(b, ")");
		}
		wr_buf_str(b, "\n");
	}
	free(left);
	return k;
}

/* Follow-ups per changed host key (key_refused): "h3: its SSH host key
 * changed at T (…): confirm the rotation was intended (a possible man in
 * the middle)", trusted with K or not. How many lines. */
static size_t
md_host_keys(struct wr_buf *b, const struct record *v, size_t n,
    const struct export_opts *o)
{
	const struct record *trust, *back;
	char ts[TIME_MAX];
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (!key_refused(v, i))
			continue;
		wr_buf_str(b, k++ == 0 ? "\n**Host keys**\n\n- " : "- ");
		sb_text(b, o, v[i].host);
		fmt_time(v[i].ts_ms, o, ts);
		wr_buf_printf(b, kind_is(&v[i], "hostkey.revoked") ? ": it offered a revoked SSH "
		    "host key at %s " : ": its SSH host key changed at %s ", ts);
		key_refused_fps(b, o, &v[i]);
		trust = key_trusted_after(v, n, i, v[i].host, dstr(&v[i], "fingerprint"));
		if (trust != NULL) {
			fmt_time(trust->ts_ms, o, ts);
			wr_buf_printf(b, "; trusted with K at %s by ", ts);
			sb_text(b, o, trust->actor != NULL ? trust->actor : "someone not recorded");
		} else if ((back = key_back_after(v, n, i)) != NULL) {
			fmt_time(conn_since(back), o, ts);
			wr_buf_printf(b, "; offered its known key again at %s", ts);
		} else
			wr_buf_str(b, "; never trusted from this console");
		wr_buf_str(b, ": confirm the rotation was intended (a possible man in the "
		    "middle)\n");
	}
	return k;
}

/* The checklist, one list per runbook (named: steps of two runbooks may
 * have the same text), then the follow-ups it leaves, grouped the same
 * way. A step ticked only in the runbook file ("- [x]") is the author's,
 * not this incident's: neither done nor left out. */
/* Whether the journal last said host h exports while a kill switch was
 * asked for somewhere: the leak the kill switch was meant to stop (unless
 * the engineer turned h's exports back on: that is intended). */
static bool
still_exports(const struct pm *pm, const struct contain_host *h)
{
	return h->exports == CONTAIN_EXPORT_ON && contain_leaks_if_on(&pm->contain, h->host);
}

/* Why host h's exports matter, after its containment line: which of its
 * services runs a release judged bad ("h1: still exports" names jobs
 * there, not none), or that what it runs is not known good. */
static void
md_leak_why(struct wr_buf *b, const struct export_opts *o, const struct pm *pm,
    const struct contain_host *h)
{
	char words[600];

	if (badrel_host_bad_words(&pm->contain.rel, h->host, words, sizeof(words)) > 0) {
		wr_buf_str(b, " while ");
		sb_text_max(b, o, words, 0);
		wr_buf_str(b, " there, judged bad in this incident");
	} else if (badrel_host_runs_bad(&pm->contain.rel, h->host) < 0)
		wr_buf_str(b, "; not known to run a good release");
}

/* A host a kill switch was asked for (or refused on) whose exports were
 * last read on, yet are no leak: said with why, so that it does not drop
 * out of Containment as if its exports had gone off ("helm-bastion:
 * exports on (kill switch refused: …; not judged a leak: api runs
 * 1.4.1)"). */
static void
md_on_not_leak(struct wr_buf *b, const struct export_opts *o, const struct pm *pm,
    const struct contain_host *h)
{
	char words[600], ts[TIME_MAX];

	sb_text(b, o, h->host);
	wr_buf_str(b, ": exports on (");
	if (h->refused_action != NULL) {
		wr_buf_str(b, "kill switch refused: ");
		sb_text(b, o, h->refused_reason != NULL ? h->refused_reason : "no reason given");
		wr_buf_str(b, "; ");
	}
	wr_buf_str(b, "not judged a leak: ");
	switch (contain_calm_of(&pm->contain, h->host)) {
	case CONTAIN_CALM_RESTORED:
		fmt_time(h->restored_ms, o, ts);
		wr_buf_printf(b, "turned back on by a kill switch at %s", ts);
		break;
	case CONTAIN_CALM_TURNING_ON:
		wr_buf_str(b, "a kill switch turning them back on had not ended");
		break;
	case CONTAIN_CALM_NONE_OFF:
		wr_buf_str(b, "no kill switch in this incident was to turn exports off");
		break;
	default:
		if (badrel_host_runs_words(&pm->contain.rel, h->host, words, sizeof(words)) > 0)
			sb_text_max(b, o, words, 0);
		else
			wr_buf_str(b, "runs no release judged bad");
		break;
	}
	wr_buf_str(b, ")\n");
}

/* Containment left undone, first among the follow-ups: each host whose
 * kill switch was refused with nothing since, each the probes last read
 * exporting after a kill switch ran somewhere, each whose /export last
 * went unanswered then (it may export: check it), each a kill switch
 * left with exports off (to restore once the fix ships), and each a kill
 * switch was asked for whose exports are on but no leak, with why (left
 * out, a refused helm host on a good release read as contained). How
 * many lines. */
static size_t
md_containment(struct wr_buf *b, const struct export_opts *o, const struct pm *pm)
{
	char ts[TIME_MAX];
	size_t i, n = 0;

	for (i = 0; i < pm->contain.n; i++) {
		const struct contain_host *h = &pm->contain.v[i];
		bool refused = contain_refused_gap(&pm->contain, h);

		/* Not known is not off: said apart from a left-off's restore. */
		if (contain_exports_unknown(&pm->contain, h)) {
			wr_buf_str(b, n++ == 0 ? "\n**Containment**\n\n- " : "- ");
			sb_text(b, o, h->host);
			fmt_time(h->unknown_ms, o, ts);
			wr_buf_printf(b, ": exports not known (no answer from /export since %s): "
			    "check whether it still exports\n", ts);
		}
		if (contain_left_off(h)) {
			wr_buf_str(b, n++ == 0 ? "\n**Containment**\n\n- " : "- ");
			sb_text(b, o, h->host);
			fmt_time(h->off_ms, o, ts);
			wr_buf_printf(b, ": exports OFF since %s (", ts);
			sb_text(b, o, h->off_action != NULL ? h->off_action : "kill switch");
			if (h->off_op != NULL) {
				wr_buf_str(b, ", op ");
				sb_text(b, o, h->off_op);
			}
			wr_buf_str(b, "): restore exports when the fix ships\n");
			continue;
		}
		if (!refused && !still_exports(pm, h)) {
			if (h->ks_asked && h->exports == CONTAIN_EXPORT_ON) {
				wr_buf_str(b, n++ == 0 ? "\n**Containment**\n\n- " : "- ");
				md_on_not_leak(b, o, pm, h);
			}
			continue;
		}
		wr_buf_str(b, n++ == 0 ? "\n**Containment**\n\n- " : "- ");
		sb_text(b, o, h->host);
		if (refused) {
			wr_buf_str(b, ": kill switch not applied (refused: ");
			sb_text(b, o, h->refused_reason != NULL ? h->refused_reason : "no reason given");
			wr_buf_str(b, ")");
		}
		if (still_exports(pm, h))
			wr_buf_str(b, refused ? "; last answered: exports on" :
			    ": still exports (last answered: exports on)");
		md_leak_why(b, o, pm, h);
		wr_buf_str(b, "\n");
	}
	return n;
}

/* Before st, the title of its section when the steps listed before it
 * (*last: the section of the one before; first: none yet) were in
 * another: steps worded alike in two sections ("Check health" after each
 * phase) are told apart by it. */
static void
md_section(struct wr_buf *b, const struct export_opts *o, const struct pm_step *st,
    const char **last, bool first)
{
	if (st->section == NULL || (!first && *last != NULL && strcmp(*last, st->section) == 0)) {
		*last = st->section;
		return;
	}
	wr_buf_str(b, first ? "_" : "\n_");
	sb_text(b, o, st->section);
	wr_buf_str(b, "_\n\n");
	*last = st->section;
}

/* The marks the journal holds for runbook g that fit no step of it as
 * last loaded (edited since: rbplace.h), by title, after its list. */
static void
md_unplaced(struct wr_buf *b, const struct export_opts *o, const struct pm *pm, size_t g)
{
	int k = rbplace_book_of(&pm->place, pm->rbs[g]);
	cJSON *lost = k >= 0 ? rbplace_lost_json(&pm->place, (size_t)k) : NULL;
	char words[1024];

	if (lost == NULL)
		return;
	rbplace_lost_words(lost, words, sizeof(words));
	cJSON_Delete(lost);
	wr_buf_str(b, "\n_Runbook changed since: ");
	sb_text_max(b, o, words, 0);
	wr_buf_str(b, "_\n");
}

static void clock_in(int64_t ms, const struct export_opts *o, char *out, size_t cap);

/* The keys listed as runbook g that are not its own (the same bytes
 * loaded under them, pm_books) into out, at most max; how many. */
static size_t
rb_aliases(const struct pm *pm, size_t g, const char **out, size_t max)
{
	size_t i, k = 0;

	for (i = 0; i < pm->nrbnames && k < max; i++)
		if (strcmp(pm->rbnames[i].canon, pm->rbs[g]) == 0 &&
		    strcmp(pm->rbnames[i].name, pm->rbs[g]) != 0)
			out[k++] = pm->rbnames[i].name;
	return k;
}

/* The runbooks listed before runbook g whose keys one of g's is the
 * trailing part of, or they of it, though their loads read other bytes
 * (both known by SHA-256), into out, at most max; how many. Said only of
 * a runbook listed under one key: one the same bytes tie to another key
 * is known to be that file. */
static size_t
rb_others(const struct pm *pm, const struct record *v, size_t n, size_t g, const char **out,
    size_t max)
{
	size_t i, j, k = 0, q;
	const char *alias;

	if (rb_aliases(pm, g, &alias, 1) > 0)
		return 0;
	for (i = 0; i < pm->nrbnames; i++) {
		if (strcmp(pm->rbnames[i].canon, pm->rbs[g]) != 0)
			continue;
		for (j = 0; j < i && k < max; j++) {
			if (strcmp(pm->rbnames[j].canon, pm->rbs[g]) == 0 ||
			    !keys_related(pm->rbnames[i].name, pm->rbnames[j].name) ||
			    same_bytes(v, n, pm->rbnames[i].name, pm->rbnames[j].name) != 0)
				continue;
			for (q = 0; q < k && strcmp(out[q], pm->rbnames[j].canon) != 0; q++)
				;
			if (q == k)
				out[k++] = pm->rbnames[j].canon;
		}
	}
	return k;
}

/* Keys a runbook names together, at most: few runbooks share a name. */
#define RB_KEYS_MAX 8

/* After a runbook's name, what the reader needs to know of its loads, in
 * one parenthesis: the other keys the same bytes were loaded under
 * ("also loaded as platform/check.md, the same content"), or the runbooks
 * of a related key whose bytes differ ("other content than
 * platform/check.md: listed as another runbook"); then, when the journal
 * loaded it again after its file changed (a console restarted on the
 * edited file, or a second console), when ("loaded at 01:02:10, again at
 * 01:30:44 after it changed"): its checklist is the last load, listed
 * once, and the reader learns the steps were not all the same the whole
 * incident. A load of the same bytes again (a restart) says nothing new:
 * the timeline has it. */
static void
md_loads(struct wr_buf *b, const struct record *v, size_t n, const struct export_opts *o,
    const struct pm *pm, size_t g)
{
	const struct record **l;
	const char *keys[RB_KEYS_MAX];
	size_t k, nl = loads_of(pm, v, n, pm->rbs[g], &l), changed = 0, nk;
	bool open = false;
	char at[TIME_MAX];

	if ((nk = rb_aliases(pm, g, keys, RB_KEYS_MAX)) > 0) {
		wr_buf_str(b, " (also loaded as ");
		for (k = 0; k < nk; k++) {
			wr_buf_str(b, k > 0 ? ", " : "");
			sb_text(b, o, keys[k]);
		}
		wr_buf_str(b, ", the same content");
		open = true;
	} else if ((nk = rb_others(pm, v, n, g, keys, RB_KEYS_MAX)) > 0) {
		wr_buf_str(b, " (other content than ");
		for (k = 0; k < nk; k++) {
			wr_buf_str(b, k > 0 ? ", " : "");
			sb_text(b, o, keys[k]);
		}
		wr_buf_str(b, ": listed as another runbook");
		open = true;
	}
	for (k = 1; k < nl; k++)
		changed += load_changed(l[k - 1], l[k]) == 1;
	for (k = 0; changed > 0 && k < nl; k++) {
		if (k > 0 && load_changed(l[k - 1], l[k]) != 1)
			continue;
		clock_in(l[k]->ts_ms, o, at, sizeof(at));
		wr_buf_printf(b, "%s at %s%s", k > 0 ? ", again" : open ? "; loaded" : " (loaded",
		    at, k == 0 ? "" : " after it changed");
	}
	if (changed > 0 || open)
		wr_buf_str(b, ")");
	free(l);
}

static void
md_checklist(struct wr_buf *b, const struct record *v, size_t n, const struct export_opts *o,
    const struct pm *pm)
{
	size_t g, i, k, done, total, ranok;
	const char *section;
	char ts[TIME_MAX];
	int64_t tzero;
	bool tminus;
	long off;

	wr_buf_str(b, "\n## Checklist\n");
	if (pm->nsteps == 0)
		wr_buf_str(b, "\n_No checklist steps were recorded._\n");
	for (g = 0; g < pm->nrbs; g++) {
		for (i = done = total = ranok = 0; i < pm->nsteps; i++)
			if (pm->steps[i].rb == g) {
				total++;
				done += pm->steps[i].done;
				ranok += pm->steps[i].ran_ok != NULL;
			}
		if (total == 0)
			continue;
		tzero = tzero_of(pm, v, n, pm->rbs[g]);
		for (i = 0, tminus = false; i < pm->nsteps && !tminus; i++)
			tminus = pm->steps[i].rb == g && runbook_tminus(pm->steps[i].title, &off);
		wr_buf_str(b, "\n**");
		sb_text(b, o, pm->rbs[g][0] != '\0' ? pm->rbs[g] : "no runbook named");
		wr_buf_str(b, "**");
		md_loads(b, v, n, o, pm, g);
		if (ranok > 0)
			wr_buf_printf(b, ": %zu of %zu steps ticked; %zu more whose action ran "
			    "OK\n\n", done, total, ranok);
		else
			wr_buf_printf(b, ": %zu of %zu steps done\n\n", done, total);
		if (tminus && tzero == NO_TIME)
			wr_buf_str(b, "_T-0 was never set (T in RUNBOOK): its T-minus steps have no due "
			    "time._\n\n");
		else if (tminus) {
			fmt_time(tzero, o, ts);
			wr_buf_printf(b, "_T-0 at %s; each T-minus step is due then._\n\n", ts);
		}
		for (i = 0, k = 0, section = NULL; i < pm->nsteps; i++) {
			if (pm->steps[i].rb != g)
				continue;
			md_section(b, o, &pm->steps[i], &section, k++ == 0);
			wr_buf_str(b, pm->steps[i].done ? "- [x] " : "- [ ] ");
			sb_text(b, o, pm->steps[i].title);
			if (pm->steps[i].done && pm->steps[i].ran != NULL)
				md_ticked_outcome(b, v, n, o, pm, pm->steps[i].ran,
				    ran_earlier(&pm->steps[i]));
			else if (pm->steps[i].ran_ok != NULL)
				md_ran_ok(b, o, &pm->steps[i]);
			else if (pm->steps[i].ran_bad != NULL)
				md_ran_bad(b, o, &pm->steps[i]);
			md_due(b, o, &pm->steps[i], tzero);
			wr_buf_str(b, pm->steps[i].preticked ? " _(ticked in the runbook file, not "
			    "during the incident)_\n" : "\n");
		}
		md_unplaced(b, o, pm, g);
	}
	wr_buf_str(b, "\n### Follow-ups\n");
	k = md_containment(b, o, pm);
	k += md_still_bad(b, v, n, o, pm);
	k += md_standing(b, o, pm);
	k += md_host_keys(b, v, n, o);
	k += md_env_left(b, v, n, o);
	if (md_schema_left(b, v, n, o) + k == 0 && pm->n_done + pm->n_ran_ok == pm->nsteps)
		wr_buf_str(b, pm->n_ran_ok > 0 ? "\n_None: every recorded step is ticked, or its "
		    "action ran OK._\n" : "\n_None: every recorded step is ticked._\n");
	for (g = 0; g < pm->nrbs; g++) {
		bool named = false;

		for (i = 0, section = NULL; i < pm->nsteps; i++) {
			const struct pm_step *st = &pm->steps[i];

			/* Work that ran OK is no follow-up: the checklist says how. */
			if (st->rb != g || st->done || st->ran_ok != NULL)
				continue;
			if (!named) {
				wr_buf_str(b, "\n**");
				sb_text(b, o, pm->rbs[g][0] != '\0' ? pm->rbs[g] : "no runbook named");
				wr_buf_str(b, "**\n\n");
			}
			md_section(b, o, st, &section, !named);
			named = true;
			wr_buf_str(b, "- ");
			sb_text(b, o, st->title);
			if (st->ran_bad != NULL)
				md_ran_bad(b, o, st);
			else if (st->ran != NULL)
				md_ran(b, v, n, o, pm, st->ran, ran_earlier(st));
			else if (st->preticked)
				wr_buf_str(b, " (ticked in the runbook file only, never during the "
				    "incident)");
			else
				wr_buf_str(b, " (not ticked during the incident)");
			wr_buf_str(b, "\n");
		}
	}
}

/* "4 ok (2 only after a re-read of an UNKNOWN outcome)": how many ended
 * so, and how many of them only because a re-read or the engineer (U)
 * settled an UNKNOWN outcome, or a FAILED one's rollout completed later
 * (by[] is indexed by settled_by()). */
static void
md_count(struct wr_buf *b, const char *word, size_t total, const size_t by[4])
{
	wr_buf_printf(b, "%zu %s", total, word);
	if (by[1] + by[2] + by[3] == 0)
		return;
	wr_buf_str(b, " (");
	if (by[1] > 0)
		wr_buf_printf(b, "%zu only after a re-read of an UNKNOWN outcome", by[1]);
	if (by[2] > 0)
		wr_buf_printf(b, "%s%zu only settled by hand after an UNKNOWN outcome",
		    by[1] > 0 ? ", " : "", by[2]);
	if (by[3] > 0)
		wr_buf_printf(b, "%s%zu ended FAILED, %s rollout completed later",
		    by[1] + by[2] > 0 ? ", " : "", by[3], by[3] == 1 ? "its" : "their");
	wr_buf_str(b, ")");
}

/* What the journal tells of itself, one fact per kind of news. */
enum jnote { JN_UNENDED, JN_REPAIRED, JN_RECOVERED, JN_COUNT };
static const char *const jnote_json[] = { "ended_without_shutdown", "repaired", "recovered" };

/* The news of kind what record r holds about the journal, in words into b
 * (times in o's zone; NULL: UTC); false when it holds none. */
static bool
journal_note(const struct record *r, enum jnote what, const struct export_opts *o,
    struct wr_buf *b)
{
	bool resume = kind_is(r, "incident.resume"), recover = kind_is(r, "journal.recover");
	const cJSON *seq;

	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
	switch (what) {
	case JN_UNENDED:
		if (resume)
			resume_unended(b, r, o, false);
		else if (kind_is(r, "session.gone"))
			gone_words(b, r->data, r->ts_ms, o, r->actor != NULL ? r->actor : "");
		break;
	case JN_REPAIRED:
		if ((resume || recover || kind_is(r, "journal.repair")) &&
		    dstr(r, "repaired") != NULL)
			wr_buf_printf(b, "a torn last record was set aside %s: %s; what it held "
			    "is not in this post-mortem", resume ? "on resume" : recover ?
			    "on recovery" : "while a console ran (another console's write cut "
			    "short?)", dstr(r, "repaired"));
		break;
	case JN_RECOVERED:
		if (!recover || dstr(r, "problem") == NULL)
			break;
		wr_buf_printf(b, "the journal was degraded (%s) and recovered", dstr(r, "problem"));
		{
			int64_t a, z;
			char t0[TIME_MAX];

			if (gap_of(r, "gap", &a, &z)) {
				when_in(a, r->ts_ms, o, t0);
				wr_buf_printf(b, "; nothing could be written from %s", t0);
			}
		}
		seq = cJSON_GetObjectItemCaseSensitive(r->data, "unconfirmed_seq");
		if (cJSON_IsNumber(seq))
			wr_buf_printf(b, "; the record whose write failed (seq %.0f) is %s",
			    seq->valuedouble, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data,
			    "unconfirmed_present")) ? "in the file after all" : "not in the file");
		kept_words(b, r);
		break;
	default:
		break;
	}
	return b->len > 0;
}

/* A console gone that no console recorded (its .live byte free), in
 * words into b. */
static void
live_gone_note(struct wr_buf *b, const struct session *g, const struct export_opts *o)
{
	cJSON *d = cJSON_CreateObject();

	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
	sessions_gone_data(g, d);
	gone_words(b, d, g->last_ts_ms, o, NULL);
	cJSON_Delete(d);
}

/* The Journal note under the summary: torn records set aside, consoles
 * that ended without a shutdown record (recorded, or told by their free
 * .live byte), recoveries; nothing when there was none. */
static void
md_journal(struct wr_buf *b, const struct record *v, size_t n, const struct export_opts *o)
{
	struct wr_buf w = { 0 };
	char ts[TIME_MAX];
	bool any = false;
	size_t i;
	int k;

	for (i = 0; i < n; i++)
		for (k = 0; k < JN_COUNT; k++) {
			if (v[i].data == NULL || !journal_note(&v[i], (enum jnote)k, o, &w))
				continue;
			if (!any)
				wr_buf_str(b, "### Journal\n\n");
			any = true;
			fmt_time(v[i].ts_ms, o, ts);
			wr_buf_printf(b, "- **%s** ", ts);
			sb_text_max(b, o, w.s, 0);
			wr_buf_str(b, ".\n");
		}
	for (i = 0; i < o->ngone; i++) {
		if (!any)
			wr_buf_str(b, "### Journal\n\n");
		any = true;
		live_gone_note(&w, &o->gone[i], o);
		fmt_time(o->gone[i].last_ts_ms, o, ts);
		wr_buf_printf(b, "- **%s** ", ts);
		sb_text_max(b, o, w.s, 0);
		wr_buf_str(b, ".\n");
	}
	if (any)
		wr_buf_str(b, "\n");
	free(w.s);
}

/* An action refused before anything ran, as an Actions row; conf: its
 * confirmation, which says what it was to change, or NULL. */
static void
md_refused_row(struct wr_buf *b, const struct export_opts *o, const struct record *r,
    const struct record *conf)
{
	char ts[TIME_MAX], change[400], kind[80];
	int64_t at = r->ts_ms;

	/* Refused on resume: it started when it was confirmed. */
	if (dstr(r, "confirmed_ts") != NULL && record_parse_ts(dstr(r, "confirmed_ts"), &at) != 0)
		at = r->ts_ms;
	fmt_time(at, o, ts);
	wr_buf_str(b, "| \xe2\x80\x94 | ");
	unsettled_kind_words(dstr(r, "action"), kind, sizeof(kind));
	sb_text(b, o, kind);
	wr_buf_str(b, " | ");
	sb_text(b, o, r->host != NULL ? r->host : "");
	wr_buf_str(b, " | ");
	sb_text(b, o, r->actor);
	wr_buf_str(b, " | ");
	refused_change(conf, change, sizeof(change));
	sb_text(b, o, change[0] != '\0' ? change : "\xe2\x80\x94");
	wr_buf_printf(b, " | %s | \xe2\x80\x94 | %s | ", ts, refused_word(r));
	sb_text(b, o, dstr(r, "reason") != NULL ? dstr(r, "reason") : "");
	wr_buf_str(b, " |\n");
}

/* Is the next action in journal order the k-th refused one rather than
 * the i-th that ran? Both renderings list them interleaved. */
static bool
refused_next(const struct pm *pm, size_t i, size_t k)
{
	return k < pm->n_refused && (i == pm->nacts || pm->refused[k]->seq < pm->acts[i].intent->seq);
}

/* Whether anything of chain c was confirmed: it has an id (its first
 * host's rollback was confirmed, chain.start), or a host's turn came to
 * more than "cancelled" or "not started" (a journal from before
 * chain.start). B closed with Esc before anything ran is no fleet
 * rollback. */
static bool
chain_confirmed(const struct pm_chain *c)
{
	const cJSON *h;

	if (jstr_in(c->data, "chain") != NULL)
		return true;
	cJSON_ArrayForEach(h, cJSON_GetObjectItemCaseSensitive(c->data, "hosts")) {
		const char *out = jstr_in(h, "outcome");

		if (out == NULL || (strcmp(out, "cancelled") != 0 && strcmp(out, "not started") != 0))
			return true;
	}
	return false;
}

/* " (from v1.5.0-bad, started …)": two rollbacks of a service to one
 * release read alike otherwise (the summary names the source only when
 * there is no target); a chain.end from before chain.start says when it
 * ended. */
static void
chain_whence(struct wr_buf *b, const struct export_opts *o, const struct pm_chain *c)
{
	const cJSON *f = cJSON_GetObjectItemCaseSensitive(c->data, "fleet");
	const char *from = jstr_in(f, "from"), *to = jstr_in(f, "to");
	char ts[TIME_MAX];

	fmt_time(c->rec->ts_ms, o, ts);
	wr_buf_str(b, " (");
	if (from != NULL && from[0] != '\0' && to != NULL && to[0] != '\0') {
		wr_buf_str(b, "from ");
		sb_text(b, o, from);
		wr_buf_str(b, ", ");
	}
	wr_buf_printf(b, "%s %s)", kind_is(c->rec, "chain.start") ? "started" : "ended", ts);
}

/* B's fleet rollbacks, each with what every host's turn came to ("not
 * started" too); one with no chain.end is said interrupted; one of which
 * nothing was confirmed is left out (its chain.end stays a timeline
 * row). */
static void
md_chains(struct wr_buf *b, const struct export_opts *o, const struct pm *pm)
{
	size_t i, k = 0;

	for (i = 0; i < pm->nchains; i++) {
		const char *s = jstr_in(pm->chains[i].data, "summary");

		if (s == NULL || !chain_confirmed(&pm->chains[i]))
			continue;
		wr_buf_str(b, k++ == 0 ? "\nFleet rollbacks (B):\n\n- " : "- ");
		sb_text(b, o, s);
		chain_whence(b, o, &pm->chains[i]);
		if (pm->chains[i].hidden != NULL) {
			wr_buf_str(b, " (");
			damage_ref(b, pm->chains[i].hidden);
			wr_buf_str(b, " after its start may have held its end)");
		}
		wr_buf_str(b, "\n");
	}
}

/* Records kept after damage d, of the n exported (a record kept at a
 * break is not after it). */
static size_t
kept_after(const struct record_damage *d, size_t n)
{
	size_t before = d->kept_before + (d->skipped ? 0 : 1);

	return before <= n ? n - before : 0;
}

/* A damaged line as a Timeline row: where, why, the decoder's words. */
static void
md_damage_row(struct wr_buf *b, const struct export_opts *o, const struct record_damage *d)
{
	static const char *const why[] = {
		[RECORD_DAMAGE_CHECKSUM] = "checksum", [RECORD_DAMAGE_TRUNCATED] = "cut short",
		[RECORD_DAMAGE_JSON] = "JSON", [RECORD_DAMAGE_SEQ] = "seq",
	};

	wr_buf_printf(b, "| \xe2\x80\x94 | \xe2\x80\x94 |  | _%s_ |  | line %zu (byte %zu), "
	    "damaged (%s): ", d->skipped ? "skipped" : "chain broken", d->line, d->offset,
	    why[d->why]);
	sb_text(b, o, d->detail);
	wr_buf_str(b, d->skipped ? "; what it held is not here" : "; the record after it kept");
	wr_buf_str(b, " |\n");
}

/* The journal's damaged lines under a warning: each line, its byte
 * offset, why, and the records kept after it (n: all records kept). */
static void
md_damage(struct wr_buf *b, const struct export_opts *o, size_t n)
{
	char words[400];
	size_t i;

	if (o->ndamage == 0)
		return;
	wr_buf_printf(b, "> **Warning:** the journal has %zu damaged line%s; every record "
	    "around %s that verifies is here:\n", o->ndamage, o->ndamage == 1 ? "" : "s",
	    o->ndamage == 1 ? "it" : "them");
	for (i = 0; i < o->ndamage; i++) {
		record_damage_words(&o->damage[i], kept_after(&o->damage[i], n), words,
		    sizeof(words));
		wr_buf_str(b, "> - ");
		sb_text(b, o, words);
		wr_buf_str(b, "\n");
	}
	wr_buf_str(b, "\n");
}

/* A DOWN stretch's Host, from, Back and For cells, each followed by
 * " | ", as Reachability and Data gaps both say them (an end not seen is
 * a range: found DOWN on opening, back after a failed try's wait);
 * say_why adds the words on what was not seen of it after For
 * (connrec_span_words, as TIMELINE's UP row says them). back: its UP
 * record, NULL none. */
static void
down_cells(struct wr_buf *b, const struct export_opts *o, const struct record *v, size_t n,
    size_t i, const struct record *back, bool say_why)
{
	char ts[TIME_MAX], ts2[TIME_MAX], len[128], why[CONNREC_WHY_MAX];
	struct connrec_span sp;
	int64_t not_before = 0, tried;

	sb_text(b, o, v[i].host);
	fmt_time(conn_since(&v[i]), o, ts);
	/* Found DOWN by a console just resumed: it went down unseen, so its
	 * start is a range; For says why. */
	if (conn_down_unwatched(v, i, &not_before)) {
		fmt_time(not_before, o, ts2);
		wr_buf_printf(b, " | between %s and %s | ", ts2, ts);
	} else
		wr_buf_printf(b, " | %s | ", ts);
	if (back == NULL) {
		fmt_time(observed_end(v, n), o, ts2);
		wr_buf_printf(b, "**not back** by the last record (%s) | — | ", ts2);
		return;
	}
	fmt_time(conn_since(back), o, ts2);
	conn_span_of(v, i, back, &sp);
	connrec_span_words(&sp, len, sizeof(len), why, sizeof(why));
	/* Back after a failed try and the wait for the next: it came back
	 * somewhere in between, not when the console got in. */
	if ((tried = conn_back_after(back)) != NO_TIME) {
		fmt_time(tried, o, ts);
		wr_buf_printf(b, "between %s and %s | %s", ts, ts2, len);
	} else
		wr_buf_printf(b, "%s | %s", ts2, len);
	if (say_why && why[0] != '\0')
		wr_buf_printf(b, " (%s)", why);
	wr_buf_str(b, " | ");
}

/* When each host was unreachable (its conn.change records; not a host
 * never reached that waited for its key: it answered): only for a
 * journal that has any. */
static void
md_reach_head(struct wr_buf *b, bool *any)
{
	if (!*any)
		wr_buf_str(b, "\n## Reachability\n\n| Host | Unreachable from | Back | "
		    "For | Why |\n|---|---|---|---|---|\n");
	*any = true;
}

/* A host refused for its key from v[i] (a changed or revoked key, or an
 * unknown one waiting for K): refused, not DOWN, until K trusted a key
 * (trust), or it offered its known key again (back: its UP), or never
 * from this console (both NULL). */
static void
md_key_row(struct wr_buf *b, const struct export_opts *o, const struct record *v, size_t i,
    int64_t from, const struct record *trust, const struct record *back)
{
	char ts[TIME_MAX], len[64];

	wr_buf_str(b, "| ");
	sb_text(b, o, v[i].host);
	fmt_time(from, o, ts);
	wr_buf_printf(b, " | %s | ", ts);
	if (trust == NULL && back != NULL) {
		fmt_time(conn_since(back), o, ts);
		wr_buf_printf(b, "offered its known key again at %s", ts);
		connrec_dur(connrec_down_s(from, conn_since(back)), len, sizeof(len));
		wr_buf_printf(b, " | %s | refused: ", len);
	} else if (trust != NULL) {
		fmt_time(trust->ts_ms, o, ts);
		wr_buf_printf(b, "trusted with K at %s by ", ts);
		sb_text(b, o, trust->actor != NULL ? trust->actor : "someone not recorded");
		connrec_dur(connrec_down_s(from, trust->ts_ms), len, sizeof(len));
		wr_buf_printf(b, " | %s | refused: ", len);
	} else
		wr_buf_str(b, "**never trusted** from this console | — | refused: ");
	if (key_refused(v, i))
		key_refused_words(b, o, &v[i]);
	else {
		wr_buf_str(b, "unknown host key (");
		sb_text(b, o, dstr(&v[i], "reason") != NULL ? dstr(&v[i], "reason") :
		    "no reason recorded");
		wr_buf_str(b, "); nothing is sent until K trusts it");
	}
	wr_buf_str(b, " |\n");
}

static void
md_reachability(struct wr_buf *b, const struct record *v, size_t n,
    const struct export_opts *o)
{
	const struct record *back;
	const cJSON *drops;
	bool any = false;
	size_t i, k;

	for (i = 0; i < n; i++) {
		/* A changed key is refused, not DOWN: a row of its own (h3 was
		 * named only under Data gaps). */
		if (key_refused(v, i)) {
			md_reach_head(b, &any);
			md_key_row(b, o, v, i, v[i].ts_ms,
			    key_trusted_after(v, n, i, v[i].host, dstr(&v[i], "fingerprint")),
			    key_back_after(v, n, i));
			continue;
		}
		if (key_never_trusted(v, n, i)) {
			md_reach_head(b, &any);
			md_key_row(b, o, v, i, conn_since(&v[i]), NULL, NULL);
			continue;
		}
		if (!conn_stretch(v, n, i, &back) || conn_key_wait(v, i))
			continue;
		md_reach_head(b, &any);
		wr_buf_str(b, "| ");
		down_cells(b, o, v, n, i, back, true);
		sb_text(b, o, dstr(&v[i], "reason") != NULL ? dstr(&v[i], "reason") : "not recorded");
		drops = back != NULL ? cJSON_GetObjectItemCaseSensitive(back->data, "drops") : NULL;
		if (cJSON_IsNumber(drops) && drops->valuedouble > 0)
			wr_buf_printf(b, "; back and lost again %.0f time%s before it held",
			    drops->valuedouble, drops->valuedouble == 1 ? "" : "s");
		/* Lost, then refused for a changed key on the way back: not
		 * just "not back". */
		k = key_refused_in(v, i + 1, back != NULL ? (size_t)(back - v) : n, v[i].host);
		if (k < (back != NULL ? (size_t)(back - v) : n)) {
			char ts[TIME_MAX];

			fmt_time(v[k].ts_ms, o, ts);
			wr_buf_printf(b, "; then refused from %s: ", ts);
			key_refused_words(b, o, &v[k]);
		}
		wr_buf_str(b, " |\n");
	}
}

/* What begins a Data gaps row. */
enum data_gap {
	DATA_GAP_NONE,
	DATA_GAP_UNWATCHED,              /* no console recorded (an incident.resume) */
	DATA_GAP_DOWN,                   /* its host DOWN (a conn.change) */
	DATA_GAP_POLL,                   /* its host UP, its reads failing (a poll.change) */
	DATA_GAP_JOURNAL,                /* nothing could be written (a journal.recover) */
};

/* Whether the poll.change lost v[i] was of its host's DOWN alone: an
 * UP's since (its record comes once the return held, often after) falls
 * between the failure's since and the record, and the reads were back
 * by the time that return held (its record, or a settle after it for a
 * console that wrote it at once; back: the stretch's end, NULL none).
 * Older consoles wrote one at the reconnect, of a probe the lost session
 * left failed; the DOWN's row says that gap. Reads still failing once
 * the host was back (the new session's first probe can be sent a moment
 * before the console marks the return) are a gap of their own. */
static bool
poll_lost_in_down(const struct record *v, size_t n, size_t i, const struct record *back)
{
	int64_t since = conn_since(&v[i]), up, held;
	size_t k;

	if (back == NULL)
		return false;
	for (k = 0; k < n; k++) {
		if (!conn_is(&v[k], "UP") || strcmp(v[k].host, v[i].host) != 0)
			continue;
		up = conn_since(&v[k]);
		held = v[k].ts_ms > up + CONNREC_SETTLE_MS ? v[k].ts_ms : up + CONNREC_SETTLE_MS;
		if (up >= since && up <= v[i].ts_ms && conn_since(back) <= held)
			return true;
	}
	return false;
}

/* Whether v[i] begins a stretch some host's data stopped, and which: the
 * whole incident while no console ran (before a resume made alone;
 * *from: since when), a host DOWN (nothing read over its connection), a
 * host UP whose reads failed. *back: what ended a host's stretch, or
 * NULL while nothing did. Every host whose data stopped has its row,
 * whatever its driver (DOWN hosts too). */
static enum data_gap
data_gap_at(const struct record *v, size_t n, size_t i, int64_t *from,
    const struct record **back)
{
	int64_t end;

	*back = NULL;
	if (resume_gap(v, i, from))
		return DATA_GAP_UNWATCHED;
	/* A degraded stretch: what changed in it was not recorded (but what
	 * was kept and written late), for every host alike. */
	if (kind_is(&v[i], "journal.recover") && gap_of(&v[i], "gap", from, &end))
		return DATA_GAP_JOURNAL;
	if (conn_stretch(v, n, i, back))
		return DATA_GAP_DOWN;
	if (poll_stretch(v, n, i, back) && !poll_lost_in_down(v, n, i, *back))
		return DATA_GAP_POLL;
	*back = NULL;
	return DATA_GAP_NONE;
}

/* Why a Data gaps row: the read that failed and how often, that its host
 * was DOWN and why, that no console ran at all (closed), or that nothing
 * was recorded after a console's last record (stopped without its
 * shutdown record). */
static void
gap_why(struct wr_buf *why, const struct record *r, const struct record *back)
{
	if (kind_is(r, "incident.resume")) {
		resume_gap_words(why, r, NULL, GAP_WHY);
		return;
	}
	if (kind_is(r, "journal.recover")) {
		wr_buf_printf(why, "the journal could not be written (%s): nothing was recorded "
		    "meanwhile but the records kept and written late (see Journal)",
		    dstr(r, "problem") != NULL ? dstr(r, "problem") : "no reason recorded");
		return;
	}
	if (conn_is(r, "DOWN")) {
		bool first = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "first"));

		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "untrusted"))) {
			wr_buf_printf(why, "key not trusted (%s): nothing read until its host key "
			    "was trusted%s", dstr(r, "reason") != NULL ? dstr(r, "reason") :
			    "no reason recorded", first ? "; not reached before, not DOWN" : "");
			return;
		}
		wr_buf_printf(why, "%s (%s): nothing read over its SSH connection",
		    first ? "not reached" : "DOWN", dstr(r, "reason") != NULL ?
		    dstr(r, "reason") : "no reason recorded");
		return;
	}
	poll_what_error(why, r);
	poll_failures(why, back != NULL ? back : r, "; ", "");
}

/* The stretches the console saw no data (data_gap_at): a host DOWN (its
 * conn.change records, as Reachability times them), a host connected
 * whose reads failed (its poll.change records), and the whole incident
 * while no console ran (before each incident.resume made alone). Only
 * for a journal that has any. */
static void
md_data_gaps(struct wr_buf *b, const struct record *v, size_t n, const struct export_opts *o)
{
	char ts[TIME_MAX], ts2[TIME_MAX], dur[48];
	const struct record *back;
	struct wr_buf why = { 0 };
	bool any = false;
	int64_t from;
	size_t i;

	for (i = 0; i < n; i++) {
		enum data_gap g = data_gap_at(v, n, i, &from, &back);
		bool console = g == DATA_GAP_UNWATCHED;

		if (g == DATA_GAP_NONE)
			continue;
		if (!any)
			wr_buf_str(b, "\n## Data gaps\n\n| Host | No data from | Back | For | Why |\n"
			    "|---|---|---|---|---|\n");
		any = true;
		why.len = 0;
		if (why.s != NULL)
			why.s[0] = '\0';
		wr_buf_str(b, "| ");
		if (g == DATA_GAP_JOURNAL) {
			int64_t a, z;

			gap_of(&v[i], "gap", &a, &z);
			fmt_time(a, o, ts);
			fmt_time(z, o, ts2);
			fmt_dur(z - a, dur, sizeof(dur));
			wr_buf_printf(b, "all hosts (the journal degraded) | %s | %s | %s | ", ts, ts2,
			    dur);
		} else if (console) {
			resume_gap_words(b, &v[i], o, GAP_HOSTS);
			fmt_time(from, o, ts);
			fmt_time(v[i].ts_ms, o, ts2);
			fmt_dur(v[i].ts_ms - from, dur, sizeof(dur));
			wr_buf_printf(b, " | %s | %s | %s | ", ts, ts2, dur);
		} else if (g == DATA_GAP_DOWN) {
			/* From, back and for as Reachability says them. */
			down_cells(b, o, v, n, i, back, false);
		} else {
			sb_text(b, o, v[i].host);
			fmt_time(conn_since(&v[i]), o, ts);
			wr_buf_printf(b, " | %s | ", ts);
			if (back != NULL) {
				fmt_time(conn_since(back), o, ts2);
				fmt_dur(poll_stretch_s(&v[i], back) * 1000, dur, sizeof(dur));
				wr_buf_printf(b, "%s | %s | ", ts2, dur);
			} else {
				fmt_time(observed_end(v, n), o, ts2);
				wr_buf_printf(b, "**not back** by the last record (%s) | — | ", ts2);
			}
		}
		gap_why(&why, &v[i], back);
		sb_text(b, o, why.s);
		wr_buf_str(b, " |\n");
	}
	free(why.s);
}

/* When a deploy a health.change tells went live: its history's time,
 * else when the console saw it. */
static int64_t
deploy_ms(const struct record *r)
{
	const cJSON *ms = cJSON_GetObjectItemCaseSensitive(r->data, "deployed_ms");

	return cJSON_IsNumber(ms) && ms->valuedouble > 0 ? (int64_t)ms->valuedouble : r->ts_ms;
}

/* The bad release deployed again outside this console after it first went
 * live (impact_from): each tag change to a release the incident judged
 * bad that no action of the journal made, in journal order. The caller
 * frees *out; how many. */
static size_t
redeploys(const struct pm *pm, const struct record *v, size_t n, const struct record ***out)
{
	size_t i, k = 0;

	*out = NULL;
	for (i = 0; pm->impact_from != NO_TIME && i < n; i++) {
		const struct record *r = &v[i];

		if (!kind_is(r, "health.change") || r == pm->deployed_rec || r->host == NULL ||
		    !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "outside")) ||
		    !badrel_is_bad(&pm->contain.rel, dstr(r, "tag")) ||
		    deploy_ms(r) <= pm->impact_from)
			continue;
		*out = xrealloc(*out, (k + 1) * sizeof(**out));
		(*out)[k++] = r;
	}
	return k;
}

/* "HH:MM:SS" in o's zone ("HH:MM:SS CET" when one is shown). */
static void
clock_in(int64_t ms, const struct export_opts *o, char *out, size_t cap)
{
	char ts[WR_TS_MAX], abbr[32] = "";
	long off = zone_shown(o) ? zone_at(o, ms, abbr, sizeof(abbr)) : 0;

	record_format_ts(ms + (int64_t)off * 1000, ts);
	ts[19] = '\0';
	snprintf(out, cap, zone_shown(o) ? "%s %s" : "%s", ts + 11, abbr);
}

/* The judgement a redeploy's tag had before it went live (deploy_ms: its
 * record may be written after a verdict judged on it); NULL: judged bad
 * only later. */
static const struct badrel_why *
judged_before(const struct pm *pm, const struct record *r)
{
	return badrel_why_before(&pm->contain.rel, dstr(r, "service"), dstr(r, "tag"),
	    deploy_ms(r));
}

/* How a redeploy reads: its release judged bad only after it went live
 * (another release); one more host of a rollout already judged bad
 * ("also deployed": h4, 15 s after h1, not "deployed again");
 * or deployed again, once the release had gone from some host before it
 * went live (a rollback from it started, or a service's tag moved off it:
 * a new rollout after a rollback, or this host's own return to it). */
enum redeploy_kind { RD_LATER, RD_TOO, RD_AGAIN };

/* One line of redeploys: a release (as said), how it came, each host's
 * first record of it, and for another release its first judgement. */
struct rd_group {
	const char *tag;
	enum redeploy_kind kind;
	const struct record **recs;     /* owned array; one per host */
	size_t nrecs;
	const struct badrel_why *w;     /* RD_LATER: first_judged; else NULL */
};

/* One more host of the bad release's first rollout: when it went live
 * there, and the reading that says so. */
struct pm_rollhost {
	const char *host;
	int64_t at;
	const struct record *r;
};

static enum redeploy_kind
redeploy_kind(const struct pm *pm, const struct record *v, size_t n, const struct record *r)
{
	const char *tag = dstr(r, "tag");
	int64_t at = deploy_ms(r);
	size_t i;

	if (judged_before(pm, r) == NULL)
		return RD_LATER;
	for (i = 0; i < n; i++) {
		const struct record *x = &v[i];

		if (kind_is(x, "action.intent") && is_rollback(x) && x->ts_ms < at &&
		    badrel_same(jstr_in(cJSON_GetObjectItemCaseSensitive(x->data, "plan"),
		    "from"), tag))
			return RD_AGAIN;
		if (kind_is(x, "health.change") && deploy_ms(x) < at &&
		    badrel_same(dstr(x, "was_tag"), tag) && !badrel_same(dstr(x, "tag"), tag))
			return RD_AGAIN;
	}
	return RD_TOO;
}

/* Whether re[i] starts its release's line: the first of the records
 * re[0..k) of the same release (badrel_same) and the same kind (kinds[]:
 * each one's redeploy_kind). */
static bool
redeploy_first(const struct record **re, const enum redeploy_kind *kinds, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (kinds[j] == kinds[i] && badrel_same(dstr(re[j], "tag"), dstr(re[i], "tag")))
			return false;
	return true;
}

/* Whether re[j] names a host an earlier record of the same line re[i..j)
 * named already (a host's services deployed together). */
static bool
redeploy_host_said(const struct record **re, const enum redeploy_kind *kinds, size_t i,
    size_t j)
{
	size_t h;

	for (h = i; h < j; h++)
		if (kinds[h] == kinds[j] && badrel_same(dstr(re[h], "tag"), dstr(re[j], "tag")) &&
		    strcmp(re[h]->host, re[j]->host) == 0)
			return true;
	return false;
}

/* The first judgement that tag (any spelling, any service) is bad: a
 * verdict's turn or a rollback from it; NULL when none. */
static const struct badrel_why *
first_judged(const struct badrel *rel, const char *tag)
{
	const struct badrel_why *w = NULL;
	size_t i;

	for (i = 0; i < rel->nwhy; i++)
		if (badrel_same(rel->why[i].tag, tag) && (w == NULL || rel->why[i].at_ms < w->at_ms))
			w = &rel->why[i];
	return w;
}

/* ", judged ROLLBACK IMMEDIATELY at T", ", judged bad by a rollback from
 * it at T", with " on HOST" where the judging host is not here (the one
 * host the line named; NULL: it named several); nothing without one. */
static void
judged_words(struct wr_buf *b, const struct export_opts *o, const struct badrel_why *w,
    const char *here)
{
	char ts[TIME_MAX];

	if (w == NULL)
		return;
	fmt_time(w->at_ms, o, ts);
	if (w->verdict != NULL) {
		wr_buf_str(b, ", judged ");
		sb_text(b, o, w->verdict);
	} else
		wr_buf_str(b, ", judged bad by a rollback from it");
	if (w->host != NULL && w->host[0] != '\0' && (here == NULL || strcmp(here, w->host) != 0)) {
		wr_buf_str(b, " on ");
		sb_text(b, o, w->host);
	}
	wr_buf_printf(b, " at %s", ts);
}

/* Whether r, a reading of the release the Key times call the bad one (in
 * any driver's spelling: badrel_same, as the rollback dialogs compare),
 * came with it before anything judged it: that release's first rollout
 * (k8s h2 with compose h1, helm h3 a second later), said on its line,
 * never as another release. */
static bool
main_rollout(const struct pm *pm, const struct record *r)
{
	const char *tag = pm->deployed_rec != NULL ? dstr(pm->deployed_rec, "tag") : NULL;

	if (tag == NULL || !kind_is(r, "health.change") || r->host == NULL ||
	    !badrel_same(dstr(r, "tag"), tag))
		return false;
	return (pm->impact_from != NO_TIME && deploy_ms(r) <= pm->impact_from) ||
	    judged_before(pm, r) == NULL;
}

/* The hosts other than the Key times' one that the bad release's first
 * rollout reached (main_rollout), each once with its earliest deploy
 * time, in the order they got it; the caller frees *out. How many. */
static size_t
main_rollout_hosts(const struct pm *pm, const struct record *v, size_t n,
    struct pm_rollhost **out)
{
	struct pm_rollhost t;
	size_t i, h, k = 0;

	*out = NULL;
	for (i = 0; i < n; i++) {
		if (!main_rollout(pm, &v[i]) || strcmp(v[i].host, pm->deployed_rec->host) == 0)
			continue;
		for (h = 0; h < k && strcmp((*out)[h].host, v[i].host) != 0; h++)
			;
		if (h == k) {
			*out = xrealloc(*out, (k + 1) * sizeof(**out));
			(*out)[k].host = v[i].host;
			(*out)[k].at = deploy_ms(&v[i]);
			(*out)[k++].r = &v[i];
		} else if (deploy_ms(&v[i]) < (*out)[h].at) {
			(*out)[h].at = deploy_ms(&v[i]);
			(*out)[h].r = &v[i];
		}
	}
	/* Insertion sort: a handful of hosts; ties keep journal order. */
	for (i = 1; i < k; i++)
		for (h = i; h > 0 && (*out)[h - 1].at > (*out)[h].at; h--) {
			t = (*out)[h];
			(*out)[h] = (*out)[h - 1];
			(*out)[h - 1] = t;
		}
	return k;
}

/* The redeploys (redeploys) as the exports say them: one group per
 * release and kind (redeploy_kind), each host once with its first
 * record; a first rollout's hosts (main_rollout) are the bad release's
 * own line, not here. The caller frees with rd_groups_free; how many. */
static size_t
rd_groups(const struct pm *pm, const struct record *v, size_t n, struct rd_group **out)
{
	const struct record **re;
	size_t k = redeploys(pm, v, n, &re), i, j, ng = 0;
	enum redeploy_kind *kinds = xcalloc(k + 1, sizeof(*kinds));

	*out = NULL;
	for (i = 0; i < k; i++)
		kinds[i] = redeploy_kind(pm, v, n, re[i]);
	for (i = 0; i < k; i++) {
		struct rd_group *g;

		if (!redeploy_first(re, kinds, i) || main_rollout(pm, re[i]))
			continue;
		*out = xrealloc(*out, (ng + 1) * sizeof(**out));
		g = &(*out)[ng++];
		memset(g, 0, sizeof(*g));
		g->kind = kinds[i];
		/* The first deploy's spelling when it is the same release (helm
		 * drops the "v"). */
		g->tag = g->kind != RD_LATER && pm->deployed_rec != NULL &&
		    badrel_same(dstr(pm->deployed_rec, "tag"), dstr(re[i], "tag")) ?
		    dstr(pm->deployed_rec, "tag") : dstr(re[i], "tag");
		/* Another release's first judgement, of any of its services: a
		 * host's verdict judges them all, and a rollback later is no
		 * earlier word. */
		if (g->kind == RD_LATER)
			g->w = first_judged(&pm->contain.rel, dstr(re[i], "tag"));
		for (j = i; j < k; j++) {
			if (kinds[j] != kinds[i] || !badrel_same(dstr(re[j], "tag"), dstr(re[i], "tag")) ||
			    redeploy_host_said(re, kinds, i, j))
				continue;
			g->recs = xrealloc(g->recs, (g->nrecs + 1) * sizeof(*g->recs));
			g->recs[g->nrecs++] = re[j];
		}
	}
	free(re);
	free(kinds);
	return ng;
}

static void
rd_groups_free(struct rd_group *g, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(g[i].recs);
	free(g);
}

/* A release judged bad deployed again during the incident: a Summary line
 * (key false) or a key time's words (key true) per release, naming each
 * host once and when; a release judged bad only after it was deployed is
 * another release, said once with its first judgement, or plainly when
 * no release was named before it (*named, set once one is; NULL with
 * key). Nothing when none was. */
static void
md_redeploys(struct wr_buf *b, const struct record *v, size_t n, const struct export_opts *o,
    const struct pm *pm, struct key_rows *key, bool *named)
{
	struct rd_group *g;
	size_t ng = rd_groups(pm, v, n, &g), i, j;
	char ts[TIME_MAX];
	struct wr_buf what = { 0 };

	for (i = 0; i < ng; i++) {
		bool again = g[i].kind != RD_LATER;

		what.len = 0;
		if (what.s != NULL)
			what.s[0] = '\0';
		sb_text(&what, o, g[i].tag);
		if (g[i].kind == RD_AGAIN)
			wr_buf_str(&what, key ? " deployed again: " : " was deployed again during the "
			    "incident, outside this console: ");
		else if (g[i].kind == RD_TOO)
			wr_buf_str(&what, key ? " also deployed: " : " was also deployed during the "
			    "incident, outside this console: ");
		else
			wr_buf_str(&what, key ? " deployed, judged bad later: " : " deployed ");
		for (j = 0; j < g[i].nrecs; j++) {
			if (j > 0)
				wr_buf_str(&what, ", ");
			if (!key)
				wr_buf_str(&what, "on ");
			sb_text(&what, o, g[i].recs[j]->host);
			if (key)
				clock_in(deploy_ms(g[i].recs[j]), o, ts, sizeof(ts));
			else
				fmt_time(deploy_ms(g[i].recs[j]), o, ts);
			wr_buf_printf(&what, key ? " %s" : " at %s", ts);
		}
		if (key) {
			wr_buf_str(&what, " (outside this console)");
			md_key_time(key, o, pm, what.s, deploy_ms(g[i].recs[0]));
			continue;
		}
		if (!again) {
			wr_buf_str(&what, ", outside this console");
			judged_words(&what, o, g[i].w, g[i].nrecs == 1 ? g[i].recs[0]->host : NULL);
			/* The first release named is said plainly. */
			wr_buf_printf(b, "- %s judged bad: %s.\n", *named ? "another release" :
			    "release", what.s);
			*named = true;
		} else
			wr_buf_printf(b, "- %s.\n", what.s);
	}
	free(what.s);
	rd_groups_free(g, ng);
}

/* The other hosts of the bad release's first rollout, in the key times:
 * "; also on h2 12:01:06, h3 12:01:07, by the time it was judged bad". */
static void
deployed_more(struct wr_buf *b, const struct record *v, size_t n,
    const struct export_opts *o, const struct pm *pm)
{
	struct pm_rollhost *more;
	size_t nmore = main_rollout_hosts(pm, v, n, &more), i;
	char ts[TIME_MAX];

	for (i = 0; i < nmore; i++) {
		wr_buf_str(b, i == 0 ? "; also on " : ", ");
		sb_text(b, o, more[i].host);
		clock_in(more[i].at, o, ts, sizeof(ts));
		wr_buf_printf(b, " %s", ts);
	}
	if (nmore > 0)
		wr_buf_str(b, ", by the time it was judged bad");
	free(more);
}

/* The release the Key times call the bad one (pm->deployed_rec), a
 * Summary line in their words: "- release judged bad: v1.5.0-bad deployed
 * on h16 at T (per compose ps: …), outside this console, judged ROLLBACK
 * IMMEDIATELY at T." A reader of the Summary alone learns the main
 * cause; later releases are "another". Whether it said one. */
static bool
md_bad_release(struct wr_buf *b, const struct record *v, size_t n,
    const struct export_opts *o, const struct pm *pm)
{
	const struct record *r = pm->deployed_rec, *came = pm->deployed_came;
	const char *tag = r != NULL ? dstr(r, "tag") : NULL;
	char ts[TIME_MAX], dur[48];
	struct pm_rollhost *more;
	size_t nmore, i;

	if (tag == NULL || r->host == NULL)
		return false;
	nmore = main_rollout_hosts(pm, v, n, &more);
	wr_buf_str(b, "- release judged bad: ");
	sb_text(b, o, tag);
	wr_buf_str(b, " deployed on ");
	sb_text(b, o, r->host);
	if (pm->deployed != NO_TIME) {
		fmt_time(pm->deployed, o, ts);
		wr_buf_printf(b, " at %s (per ", ts);
		sb_text(b, o, dstr(r, "deployed_from") != NULL ? dstr(r, "deployed_from") :
		    "its deploy history");
		wr_buf_str(b, ")");
		if (pm->deployed_early && n > 0) {
			fmt_dur(v[0].ts_ms - pm->deployed, dur, sizeof(dur));
			wr_buf_printf(b, ", %s before this incident's first record", dur);
		}
	} else {
		/* As the key time estimates it. */
		fmt_time(r->ts_ms, o, ts);
		wr_buf_printf(b, " by %s at the latest (its deploy history did not tell when; "
		    "this console read it then)", ts);
	}
	/* Every host the same rollout reached before it was judged. */
	for (i = 0; i < nmore; i++) {
		wr_buf_str(b, ", on ");
		sb_text(b, o, more[i].host);
		fmt_time(more[i].at, o, ts);
		wr_buf_printf(b, " at %s", ts);
	}
	if (came != NULL && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(came->data, "outside")))
		wr_buf_str(b, ", outside this console");
	else if (pm->deployed_by != NULL) {
		wr_buf_str(b, ", by this console's ");
		sb_text(b, o, unsettled_verb(pm->deployed_by->action));
		wr_buf_str(b, " ");
		sb_text(b, o, pm->deployed_by->op);
	} else if (came != NULL && dstr(came, "was_tag") == NULL)
		wr_buf_str(b, ", already running at this console's first reading");
	judged_words(b, o, first_judged(&pm->contain.rel, tag), nmore == 0 ? r->host : NULL);
	wr_buf_str(b, ".\n");
	free(more);
	return true;
}

/* " on h1, h2": each host tag was judged on (a verdict or a rollback
 * from it), once; nothing when none is named. */
static void
md_why_hosts(struct wr_buf *b, const struct export_opts *o, const struct badrel *rel,
    const char *tag)
{
	size_t j, h, nh;

	for (j = 0, nh = 0; j < rel->nwhy; j++) {
		bool again = false;

		if (!badrel_same(rel->why[j].tag, tag) || rel->why[j].host[0] == '\0')
			continue;
		for (h = 0; h < j && !again; h++)
			again = badrel_same(rel->why[h].tag, tag) &&
			    strcmp(rel->why[h].host, rel->why[j].host) == 0;
		if (again)
			continue;
		wr_buf_str(b, nh++ == 0 ? " on " : ", ");
		sb_text(b, o, rel->why[j].host);
	}
}

/* Whether rel->bad[i] is said by a line before md_other_bad's: no longer
 * bad, the Key times' release, a redeploy's (re[0..k)), or an earlier
 * spelling of it. */
static bool
other_bad_said(const struct pm *pm, const struct record **re, size_t k, size_t i)
{
	const struct badrel *rel = &pm->contain.rel;
	const char *tag = rel->bad[i];
	size_t j;

	if (!badrel_is_bad(rel, tag) || (pm->deployed_rec != NULL &&
	    badrel_same(dstr(pm->deployed_rec, "tag"), tag)))
		return true;
	for (j = 0; j < k; j++)
		if (badrel_same(dstr(re[j], "tag"), tag))
			return true;
	for (j = 0; j < i; j++)
		if (badrel_same(rel->bad[j], tag))
			return true;
	return false;
}

/* Each release still judged bad that neither the line above nor a
 * redeploy's names (one a rollback alone judged, one running from the
 * start on a host that was not the first judged), a Summary line with
 * the hosts it was judged on and its first judgement; plainly when no
 * release was named before (named false). */
static void
md_other_bad(struct wr_buf *b, const struct record *v, size_t n,
    const struct export_opts *o, const struct pm *pm, bool named)
{
	const struct badrel *rel = &pm->contain.rel;
	const struct record **re;
	size_t k = redeploys(pm, v, n, &re), i;

	for (i = 0; i < rel->nbad; i++) {
		const char *tag = rel->bad[i];
		const struct badrel_why *w;

		if (other_bad_said(pm, re, k, i))
			continue;
		/* No bad verdict on it anywhere: the engineer's rollback, said
		 * as such, never as a release judged bad still running. */
		if (!badrel_verdict_bad(rel, tag)) {
			wr_buf_str(b, "- rolled back from ");
			sb_text(b, o, tag);
			md_why_hosts(b, o, rel, tag);
			wr_buf_str(b, " (no bad verdict on it in this incident).\n");
			continue;
		}
		wr_buf_printf(b, "- %s judged bad: ", named ? "another release" : "release");
		named = true;
		sb_text(b, o, tag);
		md_why_hosts(b, o, rel, tag);
		w = first_judged(rel, tag);
		/* md_why_hosts named the hosts it was judged on. */
		judged_words(b, o, w, w != NULL ? w->host : NULL);
		wr_buf_str(b, ".\n");
	}
	free(re);
}

/* Whether turn (1 + its index) of rel was charged to some release. */
static bool
turn_charged(const struct badrel *rel, size_t turn)
{
	size_t i;

	for (i = 0; i < rel->nwhy; i++)
		if (rel->why[i].turn == turn)
			return true;
	return false;
}

/* Whether turns a and b (1 + their index) spared the same releases of
 * one host, each OK there since the same time: one line says both. */
static bool
spared_alike(const struct badrel *rel, size_t a, size_t b)
{
	size_t i, j, na = 0, nb = 0;

	for (i = 0; i < rel->nspared; i++) {
		const struct badrel_spared *p = &rel->spared[i];
		bool twin = false;

		if (p->turn != a)
			continue;
		na++;
		for (j = 0; j < rel->nspared && !twin; j++)
			twin = rel->spared[j].turn == b && strcmp(rel->spared[j].service,
			    p->service) == 0 && strcmp(rel->spared[j].tag, p->tag) == 0 &&
			    rel->spared[j].ok_ms == p->ok_ms && strcmp(rel->spared[j].host,
			    p->host) == 0;
		if (!twin)
			return false;
	}
	for (i = 0; i < rel->nspared; i++)
		nb += rel->spared[i].turn == b;
	return na == nb;
}

/* Each turn to bad charged to no release, a Summary line: the host had
 * been judged OK under what it ran (badrel), so a rollback dialog did
 * not mark it and the key times do not count it; a host's later turns
 * alike (a flapping fault) are counted on the same line. Nothing when
 * every turn was charged. */
static void
md_spared(struct wr_buf *b, const struct export_opts *o, const struct pm *pm)
{
	const struct badrel *rel = &pm->contain.rel;
	bool *said = xcalloc(rel->nturns + 1, sizeof(*said));
	char ts[TIME_MAX];
	size_t i, j, k, more, last;

	for (i = 0; i < rel->nspared; i++) {
		const struct badrel_spared *p = &rel->spared[i];
		int64_t ok_ms = p->ok_ms;
		bool one = true;

		if (said[p->turn] || turn_charged(rel, p->turn))
			continue;
		said[p->turn] = true;
		for (k = i + 1; k < rel->nspared && rel->spared[k].turn == p->turn; k++)
			one = one && badrel_same(rel->spared[k].tag, p->tag);
		wr_buf_str(b, "- ");
		sb_text(b, o, p->host);
		wr_buf_str(b, " turned ");
		sb_text(b, o, p->verdict);
		clock_in(p->at_ms, o, ts, sizeof(ts));
		wr_buf_printf(b, " at %s running ", ts);
		/* Each service's release when they differ; OK since the latest
		 * of their first OKs. */
		for (k = i; k < rel->nspared && rel->spared[k].turn == p->turn; k++) {
			if (rel->spared[k].ok_ms > ok_ms)
				ok_ms = rel->spared[k].ok_ms;
			if (one && k > i)
				continue;
			if (k > i)
				wr_buf_str(b, ", ");
			sb_text(b, o, rel->spared[k].tag);
			if (!one) {
				wr_buf_str(b, " (");
				sb_text(b, o, rel->spared[k].service);
				wr_buf_str(b, ")");
			}
		}
		clock_in(ok_ms, o, ts, sizeof(ts));
		wr_buf_printf(b, ", which had been OK there since %s \xe2\x80\x94 not charged to %s",
		    ts, one ? "the release" : "these releases");
		for (more = 0, last = 0, j = i + 1; j < rel->nspared; j++) {
			const struct badrel_spared *q = &rel->spared[j];

			if (said[q->turn] || strcmp(q->host, p->host) != 0 ||
			    turn_charged(rel, q->turn) || !spared_alike(rel, p->turn, q->turn))
				continue;
			said[q->turn] = true;
			more++;
			last = j;
		}
		if (more > 0) {
			clock_in(rel->spared[last].at_ms, o, ts, sizeof(ts));
			if (more == 1)
				wr_buf_printf(b, "; so was one more turn there, at %s", ts);
			else
				wr_buf_printf(b, "; so were %zu more turns there, the last at %s",
				    more, ts);
		}
		wr_buf_str(b, ".\n");
	}
	free(said);
}

/* The Seq, Time, Actor and Kind cells of a row folding the records
 * mark[i] == id + 1 among v[first..last] ("and others" when two consoles
 * wrote them), and the Host cell's opening "| ". */
static void
md_fold_head(struct wr_buf *b, const struct export_opts *o, const struct record *v,
    const size_t *mark, size_t id, size_t first, size_t last)
{
	const struct record *r = &v[first];
	char ts[TIME_MAX];
	bool others = false;
	size_t i;

	for (i = first; i <= last && !others; i++)
		others = mark[i] == id + 1 && strcmp(v[i].actor, r->actor) != 0;
	fmt_time(r->ts_ms, o, ts);
	wr_buf_printf(b, "| %" PRIu64 "–%" PRIu64 " | %s | ", r->seq, v[last].seq, ts);
	sb_text(b, o, r->actor);
	wr_buf_str(b, others ? " and others | " : " | ");
	sb_text(b, o, r->kind);
	wr_buf_str(b, " | ");
}

/* "01:02:10–01:06:40" in o's zone; one time when both are one. */
static void
clock_range(struct wr_buf *b, const struct export_opts *o, int64_t from, int64_t to)
{
	char t0[TIME_MAX], t1[TIME_MAX];

	clock_in(from, o, t0, sizeof(t0));
	clock_in(to, o, t1, sizeof(t1));
	if (strcmp(t0, t1) == 0)
		wr_buf_str(b, t0);
	else
		wr_buf_printf(b, "%s\xe2\x80\x93%s", t0, t1);
}

/* "OK, MONITOR and CONSIDER ROLLBACK" ("…, and others" past the room). */
static void
values_words(struct wr_buf *b, const struct flapfold_values *vals)
{
	size_t i;

	for (i = 0; i < vals->n; i++)
		wr_buf_printf(b, "%s%s", i == 0 ? "" : i + 1 < vals->n || vals->more ? ", " :
		    " and ", vals->v[i]);
	if (vals->more)
		wr_buf_str(b, " and others");
}

/* One probe's answers in a health run: "healthz between OK and FAIL",
 * "readyz OK" when it held; nothing when no record said it. */
static void
probe_values_words(struct wr_buf *b, const char *name, const struct flapfold_values *vals,
    const char **sep)
{
	if (vals->n == 0)
		return;
	wr_buf_printf(b, "%s%s %s", *sep, name, vals->n > 1 ? "between " : "");
	values_words(b, vals);
	*sep = ", ";
}

/* A host's verdict moving among levels, or its service's health
 * flipping, in the words of the one row that stands for its records
 * (flapfold.h), times in o's zone: "verdict changed 12 times between OK,
 * MONITOR and CONSIDER ROLLBACK, 01:02:10–01:06:40; worst CONSIDER
 * ROLLBACK; last OK at 01:06:40 — its reason", "api — health changed 22
 * times, 01:02:10–01:06:40: healthz between OK and FAIL, readyz between
 * OK and FAIL; last healthz OK, readyz OK". The post-mortem's timeline
 * and TIMELINE (export_flap_words) say it so. */
static void
flap_words(struct wr_buf *d, const struct export_opts *o, const struct record *v,
    const struct flapfold_run *f)
{
	const struct record *r = &v[f->first], *last = &v[f->last];
	char t0[TIME_MAX], t1[TIME_MAX];
	const char *sep = "";

	if (dstr(r, "service") != NULL)
		wr_buf_printf(d, "%s — ", dstr(r, "service"));
	clock_in(r->ts_ms, o, t0, sizeof(t0));
	clock_in(last->ts_ms, o, t1, sizeof(t1));
	if (f->kind == FLAPFOLD_VERDICT) {
		wr_buf_printf(d, "verdict changed %zu times between ", f->moves);
		values_words(d, &f->levels);
		wr_buf_printf(d, ", %s\xe2\x80\x93%s", t0, t1);
		if (f->worst != NULL)
			wr_buf_printf(d, "; worst %s", f->worst);
		wr_buf_printf(d, "; last %s at %s", dstr(last, "verdict"), t1);
		if (dstr(last, "reason") != NULL)
			wr_buf_printf(d, " — %s", dstr(last, "reason"));
	} else {
		wr_buf_printf(d, "health changed %zu times, %s\xe2\x80\x93%s: ", f->moves, t0, t1);
		probe_values_words(d, "healthz", &f->healthz, &sep);
		probe_values_words(d, "readyz", &f->readyz, &sep);
		sep = "; last ";
		if (dstr(last, "healthz") != NULL) {
			wr_buf_printf(d, "%shealthz %s", sep, dstr(last, "healthz"));
			sep = ", ";
		}
		if (dstr(last, "readyz") != NULL) {
			wr_buf_printf(d, "%sreadyz %s", sep, dstr(last, "readyz"));
			sep = ", ";
		}
		if (schema_change_words(healthrec_schema(last->data, false)) != NULL)
			wr_buf_printf(d, "%s%s", sep, schema_change_words(
			    healthrec_schema(last->data, false)));
		if (cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(last->data, "tag_reread")))
			wr_buf_str(d, "; tag not re-read");
	}
}

/* No zone: UTC, as TIMELINE says its times. */
static const struct export_opts utc_opts = { 0 };

/* A row's words built into d, redacted and made fit for the screen
 * (export_flap_words, export_spfold_words); d is freed. */
static char *
row_screen_words(struct wr_buf *d, const struct redactor *red)
{
	char *text = redact_text(red, d->s != NULL ? d->s : "");

	free(d->s);
	return screen_text(text);
}

char *
export_flap_words(const struct record *v, const struct flapfold_run *f,
    const struct redactor *red)
{
	struct wr_buf d = { 0 };

	flap_words(&d, &utc_opts, v, f);
	return row_screen_words(&d, red);
}

/* A post's tries in the words of the one row that stands for them
 * (spfold.h), times in o's zone: "status page: monitoring update: 8
 * tries, 7 refused (HTTP 500), 09:00:24–09:02:16". The post-mortem's
 * timeline and TIMELINE (export_spfold_words) say it so. */
static void
spfold_words(struct wr_buf *d, const struct export_opts *o, const struct record *v,
    const struct spfold_run *f)
{
	char words[160];
	int tries = f->tries > 0 ? f->tries : f->refused + f->unanswered;

	wr_buf_str(d, "status page: ");
	if (f->action != NULL && strcmp(f->action, "resolve") == 0)
		wr_buf_str(d, "resolve: ");
	else if (f->action != NULL && f->status != NULL)
		wr_buf_printf(d, "%s %s: ", f->status, f->action);
	spfold_failed_words(f->refused, f->unanswered, f->statuses, f->nstatuses, f->more,
	    words, sizeof(words));
	wr_buf_printf(d, "%d tr%s, %s, ", tries, tries == 1 ? "y" : "ies",
	    words[0] != '\0' ? words : "none failed");
	/* Look-ups are requests too, but not tries: said apart. */
	spfold_lookup_words(f, words, sizeof(words));
	if (words[0] != '\0')
		wr_buf_printf(d, "%s, ", words);
	clock_range(d, o, v[f->first].ts_ms, v[f->last].ts_ms);
}

char *
export_spfold_words(const struct record *v, const struct spfold_run *f,
    const struct redactor *red)
{
	struct wr_buf d = { 0 };

	spfold_words(&d, &utc_opts, v, f);
	return row_screen_words(&d, red);
}

/* The row of spfold_words in place of a post's tries, where they begin.
 * The JSON keeps every record. */
static void
md_spfold_row(struct wr_buf *b, const struct export_opts *o, const struct record *v,
    const size_t *mark, const struct spfold_run *runs, size_t run)
{
	const struct spfold_run *f = &runs[run];
	struct wr_buf d = { 0 };

	md_fold_head(b, o, v, mark, run, f->first, f->last);
	wr_buf_str(b, " | ");
	spfold_words(&d, o, v, f);
	sb_text_max(b, o, d.s, CELL_MAX);
	wr_buf_str(b, " |\n");
	free(d.s);
}

/* The row of flap_words in place of the run's records, where they begin.
 * The JSON keeps every record. */
static void
md_flap_row(struct wr_buf *b, const struct export_opts *o, const struct record *v,
    const size_t *flap, const struct flapfold_run *runs, size_t run)
{
	const struct flapfold_run *f = &runs[run];
	struct wr_buf d = { 0 };

	md_fold_head(b, o, v, flap, run, f->first, f->last);
	sb_text(b, o, v[f->first].host);
	wr_buf_str(b, " | ");
	flap_words(&d, o, v, f);
	sb_text_max(b, o, d.s, CELL_MAX);
	wr_buf_str(b, " |\n");
	free(d.s);
}

/* Hosts' first verdicts of OK close together, one timeline row in place
 * of theirs (flapfold_first_ok): "first verdict OK on 24 hosts: h1, h2,
 * … (00:12:40–00:12:52)". The JSON keeps every record. */
static void
md_first_ok_row(struct wr_buf *b, const struct export_opts *o, const struct record *v,
    const size_t *mark, const struct flapfold_group *groups, size_t g)
{
	const struct flapfold_group *f = &groups[g];
	const struct record *r = &v[f->first], *last = &v[f->last];
	struct wr_buf d = { 0 };
	const char *sep = "";
	size_t i;

	md_fold_head(b, o, v, mark, g, f->first, f->last);
	wr_buf_printf(b, "%zu hosts | ", f->count);
	wr_buf_printf(&d, "first verdict OK on %zu hosts: ", f->count);
	for (i = f->first; i <= f->last; i++) {
		if (mark[i] != g + 1)
			continue;
		wr_buf_printf(&d, "%s%s", sep, v[i].host);
		if (dstr(&v[i], "service") != NULL)
			wr_buf_printf(&d, "/%s", dstr(&v[i], "service"));
		sep = ", ";
	}
	wr_buf_str(&d, " (");
	clock_range(&d, o, r->ts_ms, last->ts_ms);
	wr_buf_str(&d, ")");
	sb_text(b, o, d.s);
	wr_buf_str(b, " |\n");
	free(d.s);
}

/* Names a first-readings row gives one by one; past them, a count. */
#define FIRST_NAMES_MAX 8

/* Whether a health.change carries a probe's answer. */
static bool
probed(const struct record *r)
{
	return dstr(r, "healthz") != NULL || dstr(r, "readyz") != NULL;
}

/* Whether a first reading says its service healthy: both probes OK, the
 * migrations current, the tag read. Not probed is no health at all. */
static bool
reading_healthy(const struct record *r)
{
	return dstr(r, "healthz") != NULL && strcmp(dstr(r, "healthz"), "OK") == 0 &&
	    dstr(r, "readyz") != NULL && strcmp(dstr(r, "readyz"), "OK") == 0 &&
	    healthrec_schema(r->data, false) == PROBE_SCHEMA_UNSAID && dstr(r, "tag") != NULL;
}

/* What a first reading that is not healthy said: "healthz FAIL, readyz
 * FAIL", "migrations not current (schema behind)", "tag not read". */
static void
reading_unhealthy_words(struct wr_buf *b, const struct record *r)
{
	const char *sep = "";

	if (dstr(r, "healthz") != NULL && strcmp(dstr(r, "healthz"), "OK") != 0) {
		wr_buf_printf(b, "healthz %s", dstr(r, "healthz"));
		sep = ", ";
	}
	if (dstr(r, "readyz") != NULL && strcmp(dstr(r, "readyz"), "OK") != 0) {
		wr_buf_printf(b, "%sreadyz %s", sep, dstr(r, "readyz"));
		sep = ", ";
	}
	if (schema_change_words(healthrec_schema(r->data, false)) != NULL) {
		wr_buf_printf(b, "%s%s", sep, schema_change_words(healthrec_schema(r->data,
		    false)));
		sep = ", ";
	}
	if (dstr(r, "tag") == NULL)
		wr_buf_printf(b, "%stag not read", sep);
}

/* The hosts of group g's records (mark[i] == g + 1) that pass keep
 * (NULL: all), each once: how many; the first FIRST_NAMES_MAX of them
 * named into d, then "and N more" (said when say). */
static size_t
group_hosts(struct wr_buf *d, const struct record *v, const size_t *mark,
    const struct flapfold_group *f, size_t g, const char *tag, bool say)
{
	size_t i, j, count = 0;

	for (i = f->first; i <= f->last; i++) {
		bool again = false;

		if (mark[i] != g + 1 || (tag != NULL && (dstr(&v[i], "tag") == NULL ||
		    !badrel_same(dstr(&v[i], "tag"), tag))))
			continue;
		for (j = f->first; j < i && !again; j++)
			again = mark[j] == g + 1 && strcmp(v[j].host, v[i].host) == 0 &&
			    (tag == NULL || (dstr(&v[j], "tag") != NULL &&
			    badrel_same(dstr(&v[j], "tag"), tag)));
		if (again)
			continue;
		if (say && count < FIRST_NAMES_MAX)
			wr_buf_printf(d, "%s%s", count > 0 ? ", " : "", v[i].host);
		count++;
	}
	if (say && count > FIRST_NAMES_MAX)
		wr_buf_printf(d, " and %zu more", count - FIRST_NAMES_MAX);
	return count;
}

/* Services' first readings close together, one timeline row in place of
 * theirs (flapfold_first_readings): "first readings on 24 hosts (32
 * services), 00:58:10–00:58:14: all healthy; all on v1.4.1", or naming
 * the services that were not healthy and the hosts on a tag other than
 * the most common one ("v1.4.1 on 23 hosts, v1.5.0-bad on h16"), where a
 * bad release may hide. The JSON keeps every record. */
static void
md_first_readings_row(struct wr_buf *b, const struct export_opts *o, const struct record *v,
    const size_t *mark, const struct flapfold_group *groups, size_t g)
{
	const struct flapfold_group *f = &groups[g];
	const char **tags = NULL, *common = NULL;
	size_t i, k, hosts, ntags = 0, sick = 0, unprobed = 0, most = 0, said = 0;
	struct wr_buf d = { 0 };

	md_fold_head(b, o, v, mark, g, f->first, f->last);
	hosts = group_hosts(NULL, v, mark, f, g, NULL, false);
	wr_buf_printf(b, "%zu host%s | ", hosts, hosts == 1 ? "" : "s");
	wr_buf_printf(&d, "first readings on %zu host%s", hosts, hosts == 1 ? "" : "s");
	if (f->count != hosts)
		wr_buf_printf(&d, " (%zu services)", f->count);
	wr_buf_str(&d, ", ");
	clock_range(&d, o, v[f->first].ts_ms, v[f->last].ts_ms);
	wr_buf_str(&d, ": ");
	for (i = f->first; i <= f->last; i++) {
		if (mark[i] != g + 1)
			continue;
		if (!probed(&v[i]))
			unprobed++;
		else if (!reading_healthy(&v[i]))
			sick++;
		if (dstr(&v[i], "tag") == NULL)
			continue;
		/* One release however a driver spells it (helm drops the v). */
		for (k = 0; k < ntags && !badrel_same(tags[k], dstr(&v[i], "tag")); k++)
			;
		if (k == ntags) {
			tags = xrealloc(tags, (ntags + 1) * sizeof(*tags));
			tags[ntags++] = dstr(&v[i], "tag");
		}
	}
	if (sick == 0 && unprobed == 0)
		wr_buf_str(&d, "all healthy");
	else if (unprobed == f->count)
		wr_buf_str(&d, "not probed");
	else {
		wr_buf_str(&d, sick == 0 ? "healthy where probed" : "healthy except ");
		for (i = f->first; i <= f->last && sick > 0; i++) {
			if (mark[i] != g + 1 || reading_healthy(&v[i]) || !probed(&v[i]))
				continue;
			if (said == FIRST_NAMES_MAX) {
				wr_buf_printf(&d, " and %zu more", sick - said);
				break;
			}
			wr_buf_printf(&d, "%s%s/%s (", said++ > 0 ? ", " : "", v[i].host,
			    dstr(&v[i], "service"));
			reading_unhealthy_words(&d, &v[i]);
			wr_buf_str(&d, ")");
		}
		for (i = f->first, said = 0; i <= f->last && unprobed > 0; i++) {
			if (mark[i] != g + 1 || probed(&v[i]))
				continue;
			if (said == FIRST_NAMES_MAX) {
				wr_buf_printf(&d, " and %zu more", unprobed - said);
				break;
			}
			wr_buf_printf(&d, "%s%s/%s", said++ > 0 ? ", " : "; not probed: ", v[i].host,
			    dstr(&v[i], "service"));
		}
	}
	/* The most common tag is counted; every other one names its hosts. */
	for (k = 0; k < ntags; k++) {
		size_t c = group_hosts(NULL, v, mark, f, g, tags[k], false);

		if (c > most) {
			most = c;
			common = tags[k];
		}
	}
	if (ntags == 1)
		wr_buf_printf(&d, "; all on %s", common);
	for (k = 0; ntags > 1 && k < ntags; k++) {
		wr_buf_printf(&d, "%s%s on ", k == 0 ? "; " : ", ", tags[k]);
		if (tags[k] == common)
			wr_buf_printf(&d, "%zu hosts", most);
		else
			group_hosts(&d, v, mark, f, g, tags[k], true);
	}
	sb_text_max(b, o, d.s, 0);
	wr_buf_str(b, " |\n");
	free(d.s);
	free(tags);
}

static void
render_md(struct wr_buf *b, const struct record *v, size_t n, const struct export_opts *o,
    const struct pm *pm)
{
	char ts[TIME_MAX], ts2[TIME_MAX], tz[160], dur[48];
	struct key_rows kt;
	long off;
	size_t i, k, notes = 0, posts = 0, chats = 0, *flap, *first_ok, *first_read, *spf;
	struct spfold_run *sps;
	struct flapfold_run *flaps;
	struct flapfold_group *oks, *reads;
	const struct sp_post *sp;
	bool named;

	wr_buf_str(b, "# Post-mortem: ");
	sb_text(b, o, pm->name != NULL ? pm->name : o->id);
	tz_describe(o, pm->detect != NO_TIME ? pm->detect : 0, tz, sizeof(tz), &off);
	wr_buf_printf(b, "\n\nIncident `%s` · %s · %zu records · times in ",
	    o->id, pm->resolved ? "resolved" : "open", n);
	sb_text(b, o, tz);
	wr_buf_str(b, zone_shown(o) ? ", each followed by UTC\n\n" : "\n\n");
	if (o->warning != NULL) {
		/* Not a cell: a degraded journal's way back is at its end. */
		wr_buf_str(b, "> **Warning:** ");
		sb_text_max(b, o, o->warning, WARNING_MAX);
		wr_buf_str(b, "\n\n");
	}
	md_damage(b, o, n);

	wr_buf_str(b, "## Summary\n\n_Draft: say what happened, why, and what fixed it._\n\n");
	md_recovery_summary(b, v, n, o, pm);
	named = md_bad_release(b, v, n, o, pm);
	md_redeploys(b, v, n, o, pm, NULL, &named);
	md_other_bad(b, v, n, o, pm, named);
	md_spared(b, o, pm);
	wr_buf_printf(b, "- %zu action%s: ", pm->nacts + pm->n_refused,
	    pm->nacts + pm->n_refused == 1 ? "" : "s");
	md_count(b, "ok", pm->n_ok, pm->n_ok_by);
	wr_buf_str(b, ", ");
	md_count(b, "failed", pm->n_failed, pm->n_failed_by);
	wr_buf_printf(b, pm->n_unknown > 0 ? ", **%zu UNKNOWN**" : ", %zu unknown",
	    pm->n_unknown);
	if (pm->n_unknown_hidden > 0)
		wr_buf_printf(b, " (%s%zu with a damaged line after it that may have held "
		    "its end)", pm->n_unknown_hidden == pm->n_unknown ? "" : "of them, ",
		    pm->n_unknown_hidden);
	if (pm->n_running > pm->n_unstored)
		wr_buf_printf(b, ", %zu still running", pm->n_running - pm->n_unstored);
	if (pm->n_unstored > 0)
		wr_buf_printf(b, ", %zu with records not stored yet (the journal cannot be "
		    "written)", pm->n_unstored);
	/* Confirmed and stopped before running: cancelled, as the footer
	 * said it; refused ones apart. */
	if (pm->n_refused > pm->n_cancelled + pm->n_skipped)
		wr_buf_printf(b, ", **%zu refused** (nothing ran)",
		    pm->n_refused - pm->n_cancelled - pm->n_skipped);
	if (pm->n_cancelled > 0)
		wr_buf_printf(b, ", %zu cancelled after confirming (nothing ran)", pm->n_cancelled);
	if (pm->n_skipped > 0)
		wr_buf_printf(b, ", %zu skipped (already on the tag asked for)", pm->n_skipped);
	wr_buf_str(b, ".\n");
	wr_buf_printf(b, "- Checklist: %zu of %zu steps %s", pm->n_done, pm->nsteps,
	    pm->n_ran_ok > 0 ? "ticked" : "done");
	if (pm->n_ran_ok > 0)
		wr_buf_printf(b, "; %zu more whose action ran OK, not ticked", pm->n_ran_ok);
	if (pm->n_preticked > 0)
		wr_buf_printf(b, "; %zu more ticked only in the runbook file%s, never during the "
		    "incident", pm->n_preticked, pm->nrbs > 1 ? "s" : "");
	wr_buf_str(b, ".\n\n");
	md_journal(b, v, n, o);

	wr_buf_str(b, "## Key times\n\n| Event | Time | Since detection |\n|---|---|---|\n");
	memset(&kt, 0, sizeof(kt));
	if (pm->deployed_rec != NULL) {
		struct wr_buf what = { 0 };

		/* The release the first bad verdict judged, from where it is
		 * told, and who made it. */
		wr_buf_str(&what, "Bad release deployed (");
		sb_text(&what, o, dstr(pm->deployed_rec, "tag") != NULL ?
		    dstr(pm->deployed_rec, "tag") : "its release");
		wr_buf_str(&what, " on ");
		sb_text(&what, o, pm->deployed_rec->host);
		if (pm->deployed != NO_TIME) {
			wr_buf_str(&what, ", per ");
			sb_text(&what, o, dstr(pm->deployed_rec, "deployed_from") != NULL ?
			    dstr(pm->deployed_rec, "deployed_from") : "its deploy history");
		} else
			wr_buf_str(&what, "; time not told by its deploy history: estimated "
			    "from when this console first read the tag, at the latest");
		deployed_who(&what, o, pm);
		deployed_more(&what, v, n, o, pm);
		if (pm->deployed_early) {
			fmt_dur(v[0].ts_ms - pm->deployed, dur, sizeof(dur));
			wr_buf_printf(&what, "; %s before this incident's first record: not "
			    "counted as impact", dur);
		}
		wr_buf_str(&what, ")");
		md_key_time(&kt, o, pm, what.s, pm->deployed != NO_TIME ? pm->deployed :
		    pm->deployed_came->ts_ms);
		free(what.s);
	}
	/* In the order they came: the console may open before or after. */
	if (pm->opened < pm->detect)
		md_key_time(&kt, o, pm, "Incident opened", pm->opened);
	md_key_time(&kt, o, pm, pm->first_bad != NO_TIME ? "Detection (first bad verdict)" :
	    "Detection (incident opened; no bad verdict recorded)", pm->detect);
	if (pm->opened > pm->detect)
		md_key_time(&kt, o, pm, "Incident opened", pm->opened);
	md_key_time(&kt, o, pm, "First response", pm->first_resp);
	md_redeploys(b, v, n, o, pm, &kt, NULL);
	md_rollback_start(&kt, o, pm);
	md_rollback_end(&kt, o, pm);
	if (pm->nbad > 0 && pm->rec_hidden != NULL) {
		key_row_start(&kt, NO_TIME);
		wr_buf_str(&kt.b, "| Recovery | **not known**: ");
		damage_ref(&kt.b, pm->rec_hidden);
		wr_buf_str(&kt.b, " may have held it | — |\n");
	} else if (pm->nbad > 0) {
		key_row_start(&kt, NO_TIME);
		wr_buf_str(&kt.b, "| Recovery | **not recovered** | — |\n");
	} else {
		char what[160];
		bool calm = pm->recovered_by == REC_VERDICTS && pm->back_calm;

		/* Recovered, yet an action that did not end OK may still stand:
		 * said beside the time, as the Summary says it. */
		if (pm->n_standing > 0)
			snprintf(what, sizeof(what), "Recovery (%s%zu action%s did not end OK: see "
			    "Follow-ups)", calm ? "restarts calm; no metrics configured; " : "",
			    pm->n_standing, pm->n_standing == 1 ? "" : "s");
		else
			snprintf(what, sizeof(what), "%s", calm ? "Recovery (restarts calm; no "
			    "metrics configured)" : "Recovery");
		md_key_time(&kt, o, pm, what, pm->recovery);
	}
	if (pm->resolved)
		md_key_time(&kt, o, pm, "Resolved", pm->resolved_at);
	key_rows_flush(b, &kt);
	/* Counted from the bad deploy when its history tells, else from the
	 * first bad verdict; never from the console's opening. Through any
	 * stretch no console watched, and said so. */
	if (pm->recovery != NO_TIME && pm->impact_from != NO_TIME) {
		fmt_dur(pm->recovery - pm->impact_from, dur, sizeof(dur));
		wr_buf_printf(b, "\n**Impact duration:** %s (%s to recovery", dur,
		    impact_from_words(pm));
		md_unwatched(b, v, n, o, pm->impact_from, pm->recovery);
		wr_buf_str(b, ")\n\n");
	} else if (n > 0 && pm->impact_from != NO_TIME && pm->nbad > 0) {
		int64_t end = observed_end(v, n);

		fmt_time(pm->impact_from, o, ts);
		fmt_time(end, o, ts2);
		fmt_dur(end - pm->impact_from, dur, sizeof(dur));
		wr_buf_printf(b, "\n**Impact duration:** ongoing since %s (%s), %s "
		    "(%s up to the journal's last record%s, %s", ts,
		    impact_from_words(pm), pm->rec_hidden != NULL ? "not known to be recovered" :
		    "not recovered", dur, observed_n(v, n) < n ? " other than an export" : "", ts2);
		md_unwatched(b, v, n, o, pm->impact_from, end);
		wr_buf_str(b, ")\n\n");
	} else if (pm->ever_bad) {
		wr_buf_str(b, "\n**Impact duration:** unknown (no bad deploy recorded, and no bad "
		    "verdict charged to a release: each was its host's own fault)\n\n");
	} else {
		wr_buf_str(b, "\n**Impact duration:** unknown (no bad verdict or bad deploy "
		    "recorded)\n\n");
	}

	wr_buf_str(b, "## Timeline\n\n| Seq | Time | Actor | Kind | Host | Details |\n"
	    "|---:|---|---|---|---|---|\n");
	flap = xcalloc(n + 1, sizeof(*flap));
	flapfold_find(v, n, flap, &flaps);
	first_ok = xcalloc(n + 1, sizeof(*first_ok));
	flapfold_first_ok(v, n, first_ok, &oks);
	first_read = xcalloc(n + 1, sizeof(*first_read));
	flapfold_first_readings(v, n, first_read, &reads);
	spf = xcalloc(n + 1, sizeof(*spf));
	spfold_find(v, n, spf, &sps);
	for (i = 0, k = 0; i <= n; i++) {
		/* A damaged line in its place among the records kept around it. */
		while (k < o->ndamage && o->damage[k].kept_before <= i)
			md_damage_row(b, o, &o->damage[k++]);
		if (i == n)
			break;
		/* A post's tries: one row where the first left (a first try
		 * is otherwise hidden, its outcome's row saying it). */
		if (spf[i] != 0) {
			if (sps[spf[i] - 1].first == i)
				md_spfold_row(b, o, v, spf, sps, spf[i] - 1);
			continue;
		}
		if (export_row_hidden(&v[i]))
			continue;
		/* A flapping host's moves, hosts' first OKs, services' first
		 * readings: one row where they begin. */
		if (flap[i] != 0) {
			if (flaps[flap[i] - 1].first == i)
				md_flap_row(b, o, v, flap, flaps, flap[i] - 1);
			continue;
		}
		if (first_ok[i] != 0) {
			if (oks[first_ok[i] - 1].first == i)
				md_first_ok_row(b, o, v, first_ok, oks, first_ok[i] - 1);
			continue;
		}
		if (first_read[i] != 0) {
			if (reads[first_read[i] - 1].first == i)
				md_first_readings_row(b, o, v, first_read, reads,
				    first_read[i] - 1);
			continue;
		}
		/* A post that went through is one row, its queue's, saying when
		 * it was posted: not again in its end's row. A failed
		 * or pending one keeps its rows; the JSON keeps every record. */
		sp = sp_of(pm, &v[i]);
		if (sp_through(sp) && sp->end == &v[i])
			continue;
		fmt_time(v[i].ts_ms, o, ts);
		wr_buf_printf(b, "| %" PRIu64 " | %s | ", v[i].seq, ts);
		sb_text(b, o, v[i].actor);
		wr_buf_str(b, " | ");
		/* As TIMELINE says it; the JSON keeps the record's kind. */
		sb_text(b, o, export_joined(&v[i]) ? "joined" : v[i].kind);
		wr_buf_str(b, " | ");
		sb_text(b, o, v[i].host != NULL ? v[i].host : "");
		wr_buf_str(b, " | ");
		/* Written late (held for a tag read): when it came, first. */
		if (i > 0)
			early_words(b, &v[i], v[i - 1].ts_ms, o);
		md_conn_details(b, o, pm, v, n, i);
		if (sp_through(sp) && sp->queue == &v[i]) {
			const cJSON *tries = cJSON_GetObjectItemCaseSensitive(sp->end->data, "tries");

			fmt_time(sp->end->ts_ms, o, ts);
			wr_buf_printf(b, " \xe2\x80\x94 posted %s", ts);
			if (cJSON_IsNumber(tries) && tries->valuedouble > 1)
				wr_buf_printf(b, " (try %.0f)", tries->valuedouble);
		}
		wr_buf_str(b, " |\n");
	}
	if (n == 0)
		wr_buf_str(b, "| | | | | | _no records_ |\n");
	free(flap);
	free(flaps);
	free(first_ok);
	free(oks);
	free(first_read);
	free(reads);
	free(spf);
	free(sps);

	md_reachability(b, v, n, o);
	md_data_gaps(b, v, n, o);

	wr_buf_str(b, "\n## Actions\n\n");
	if (pm->nacts + pm->n_refused == 0)
		wr_buf_str(b, "_No actions were run._\n");
	else
		wr_buf_str(b, "| Op | Action | Host | By | Change | Started | Ended | Outcome | "
		    "Detail |\n|---|---|---|---|---|---|---|---|---|\n");
	for (i = 0, k = 0; i < pm->nacts || k < pm->n_refused; i++) {
		const struct pm_action *a;
		const char *oc;
		char change[400], kind[80];

		/* In journal order, the refused among the rest (acts may be
		 * NULL when only refusals were recorded). */
		if (refused_next(pm, i, k)) {
			md_refused_row(b, o, pm->refused[k], pm->refused_conf[k]);
			k++;
			i--;
			continue;
		}
		a = &pm->acts[i];
		oc = action_outcome(a);

		fmt_time(a->intent->ts_ms, o, ts);
		fmt_time(ended_ms(a), o, ts2);
		wr_buf_str(b, "| ");
		sb_text(b, o, a->intent->op);
		wr_buf_str(b, " | ");
		unsettled_kind_words(dstr(a->intent, "action"), kind, sizeof(kind));
		sb_text(b, o, kind);
		wr_buf_str(b, " | ");
		sb_text(b, o, a->intent->host);
		wr_buf_str(b, " | ");
		sb_text(b, o, a->intent->actor);
		wr_buf_str(b, " | ");
		plan_change(a->intent, change, sizeof(change));
		sb_text(b, o, change[0] ? change : "\xe2\x80\x94");
		wr_buf_printf(b, " | %s | %s | ", ts, ts2);
		if (a->running != 0)
			running_outcome(b, a);
		else if (settled_by(a) == 3)
			late_words(b, o, a);
		else if (settled_by(a) == 2) {
			wr_buf_printf(b, "%s (settled by hand by ", strcmp(oc, "unknown") == 0 ?
			    "**UNKNOWN**" : oc);
			sb_text(b, o, a->end->actor);
			wr_buf_str(b, ")");
		} else
			wr_buf_printf(b, "%s%s%s", strcmp(oc, "unknown") == 0 ? "**UNKNOWN**" : oc,
			    env_not_updated(a) ? ENVMARK_NOT_UPDATED : "",
			    a->end != NULL && kind_is(a->end, "action.reconcile") ? " (reconciled)" :
			    "");
		wr_buf_str(b, " | ");
		if (a->running != 0)
			wr_buf_str(b, running_words(a));
		else if (settled_by(a) == 3 && a->was != NULL)
			/* Its own end's words: the outcome said what came after. */
			sb_text(b, o, dstr(a->was, "detail"));
		else if (strcmp(oc, "unknown") == 0 && a->reread != NULL)
			sb_text(b, o, dstr(a->reread, "detail"));
		else if (a->end == NULL && a->hidden == NULL)
			wr_buf_str(b, "no action.end recorded: check the real state before anything else");
		else if (a->end != NULL)
			sb_text(b, o, dstr(a->end, "detail"));
		md_hidden_end(b, a, a->end == NULL && a->reread == NULL ? "" : "; ");
		wr_buf_str(b, " |\n");
	}

	md_chains(b, o, pm);

	md_action_details(b, o, pm);

	md_checklist(b, v, n, o, pm);

	wr_buf_str(b, "\n## Notes\n\n");
	for (i = 0; i < n; i++) {
		if (!kind_is(&v[i], "note"))
			continue;
		fmt_time(v[i].ts_ms, o, ts);
		wr_buf_printf(b, "- **%s** ", ts);
		sb_text(b, o, v[i].actor);
		wr_buf_str(b, ": ");
		sb_text(b, o, dstr(&v[i], "text"));
		wr_buf_str(b, "\n");
		notes++;
	}
	if (notes == 0)
		wr_buf_str(b, "_No notes._\n");

	wr_buf_str(b, "\n## Status-page updates\n\n");
	for (i = 0; i < pm->nsp; i++) {
		md_sp_post(b, o, &pm->sp[i]);
		posts++;
	}
	if (posts == 0)
		wr_buf_str(b, "_None queued or posted._\n");

	wr_buf_str(b, "\n## Chat announcements\n\n");
	for (i = 0; i < n; i++) {
		const struct record *end;

		if (!kind_is(&v[i], "chat.announce"))
			continue;
		end = chat_end(v, n, i);
		fmt_time(v[i].ts_ms, o, ts);
		wr_buf_printf(b, "- **%s** ", ts);
		sb_text(b, o, dstr(&v[i], "text"));
		wr_buf_printf(b, " — %s", chat_end_md[chat_outcome(end)]);
		if (end != NULL && dstr(end, "error") != NULL) {
			wr_buf_str(b, ": ");
			sb_text(b, o, dstr(end, "error"));
		}
		wr_buf_str(b, "\n");
		chats++;
	}
	if (chats == 0)
		wr_buf_str(b, "_None announced._\n");
}

static void
json_time(cJSON *o, const char *key, int64_t t)
{
	char ts[WR_TS_MAX];

	if (t == NO_TIME) {
		cJSON_AddNullToObject(o, key);
		return;
	}
	record_format_ts(t, ts);
	cJSON_AddStringToObject(o, key, ts);
}

static void
json_str(cJSON *o, const char *key, const struct export_opts *eo, const char *s)
{
	char *r;

	if (s == NULL) {
		cJSON_AddNullToObject(o, key);
		return;
	}
	r = redact_text(eo->red, s);
	cJSON_AddStringToObject(o, key, r);
	free(r);
}

/* "unplaced": the journal's marks that fit no step of their runbook as
 * last loaded (md_unplaced), each with its runbook. */
static void
json_unplaced(cJSON *inc, const struct export_opts *o, const struct pm *pm)
{
	cJSON *arr = cJSON_AddArrayToObject(inc, "unplaced"), *lost, *e;
	size_t b;

	for (b = 0; b < pm->place.nbooks; b++) {
		if ((lost = rbplace_lost_json(&pm->place, b)) == NULL)
			continue;
		cJSON_ArrayForEach(e, lost) {
			cJSON *x = cJSON_CreateObject();
			const cJSON *of = cJSON_GetObjectItemCaseSensitive(e, "of");

			json_str(x, "runbook", o, pm->place.books[b].key);
			json_str(x, "title", o, cJSON_GetStringValue(
			    cJSON_GetObjectItemCaseSensitive(e, "title")));
			cJSON_AddStringToObject(x, "mark", cJSON_GetStringValue(
			    cJSON_GetObjectItemCaseSensitive(e, "mark")));
			cJSON_AddBoolToObject(x, "section",
			    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "section")));
			if (cJSON_IsString(of))
				json_str(x, "of", o, of->valuestring);
			cJSON_AddItemToArray(arr, x);
		}
		cJSON_Delete(lost);
	}
}

/* "runbooks": each runbook the journal loaded, with each load's time and,
 * from the second on, whether the file had changed since the one before
 * (null: not known; md_loads); "also_named", the other keys the same
 * bytes were loaded under, each load's key then as "as"; "not_same_as",
 * the runbooks listed before it of a related key and other bytes. */
static void
json_runbooks(cJSON *inc, const struct record *v, size_t n, const struct export_opts *o,
    const struct pm *pm)
{
	cJSON *arr = cJSON_AddArrayToObject(inc, "runbooks"), *x, *loads, *e, *ks;
	const struct record **l;
	const char *keys[RB_KEYS_MAX];
	size_t g, k, nl, na, no;
	int c;

	for (g = 0; g < pm->nrbs; g++) {
		if ((nl = loads_of(pm, v, n, pm->rbs[g], &l)) == 0)
			continue;
		x = cJSON_CreateObject();
		json_str(x, "name", o, pm->rbs[g]);
		if ((na = rb_aliases(pm, g, keys, RB_KEYS_MAX)) > 0) {
			ks = cJSON_AddArrayToObject(x, "also_named");
			for (k = 0; k < na; k++) {
				char *r = redact_text(o->red, keys[k]);

				cJSON_AddItemToArray(ks, cJSON_CreateString(r));
				free(r);
			}
		}
		if ((no = rb_others(pm, v, n, g, keys, RB_KEYS_MAX)) > 0) {
			ks = cJSON_AddArrayToObject(x, "not_same_as");
			for (k = 0; k < no; k++) {
				char *r = redact_text(o->red, keys[k]);

				cJSON_AddItemToArray(ks, cJSON_CreateString(r));
				free(r);
			}
		}
		loads = cJSON_AddArrayToObject(x, "loads");
		for (k = 0; k < nl; k++) {
			e = cJSON_CreateObject();
			json_time(e, "at", l[k]->ts_ms);
			if (na > 0)
				json_str(e, "as", o, load_name(l[k]));
			if (k > 0 && (c = load_changed(l[k - 1], l[k])) >= 0)
				cJSON_AddBoolToObject(e, "changed", c == 1);
			else if (k > 0)
				cJSON_AddNullToObject(e, "changed");
			cJSON_AddItemToArray(loads, e);
		}
		cJSON_AddItemToArray(arr, x);
		free(l);
	}
}

/* The Markdown summary's action counts; refused ones ran nothing and are
 * counted apart from the outcomes. */
static void
json_counts(cJSON *inc, const struct pm *pm)
{
	cJSON *c = cJSON_AddObjectToObject(inc, "action_counts");

	cJSON_AddNumberToObject(c, "total", (double)(pm->nacts + pm->n_refused));
	cJSON_AddNumberToObject(c, "ok", (double)pm->n_ok);
	cJSON_AddNumberToObject(c, "failed", (double)pm->n_failed);
	cJSON_AddNumberToObject(c, "unknown", (double)pm->n_unknown);
	cJSON_AddNumberToObject(c, "running", (double)pm->n_running);
	/* Only while a console keeps records the journal could not store. */
	if (pm->n_unstored > 0)
		cJSON_AddNumberToObject(c, "not_stored", (double)pm->n_unstored);
	cJSON_AddNumberToObject(c, "refused", (double)pm->n_refused);
	cJSON_AddNumberToObject(c, "refused_confirmed", (double)pm->n_refused_confirmed);
	/* The Summary's "did not end OK" beside "recovered". */
	cJSON_AddNumberToObject(c, "standing", (double)pm->n_standing);
}

/* An action refused before anything ran, as an actions entry:
 * outcome "refused", the reason as its detail. */
static cJSON *
json_refused(const struct export_opts *o, const struct record *r, const struct record *conf)
{
	cJSON *x = cJSON_CreateObject();
	int64_t at = r->ts_ms;
	char change[400];

	if (dstr(r, "confirmed_ts") != NULL && record_parse_ts(dstr(r, "confirmed_ts"), &at) != 0)
		at = r->ts_ms;
	json_str(x, "op", o, r->op);
	json_str(x, "action", o, dstr(r, "action"));
	json_str(x, "host", o, r->host);
	json_str(x, "by", o, r->actor);
	refused_change(conf, change, sizeof(change));
	json_str(x, "change", o, change[0] != '\0' ? change : NULL);
	json_time(x, "started", at);
	cJSON_AddNullToObject(x, "ended");
	cJSON_AddStringToObject(x, "outcome", "refused");
	cJSON_AddBoolToObject(x, "reconciled", false);
	json_str(x, "detail", o, dstr(r, "reason"));
	return x;
}

/* "runs_bad": host's services on a release judged bad (service, tag),
 * as md_leak_why says them; null when what it runs is not known. */
static void
json_runs_bad(cJSON *x, const struct export_opts *o, const struct pm *pm, const char *host)
{
	const struct badrel *rel = &pm->contain.rel;
	cJSON *arr;
	size_t i;

	if (badrel_host_runs_bad(rel, host) < 0) {
		cJSON_AddNullToObject(x, "runs_bad");
		return;
	}
	arr = cJSON_AddArrayToObject(x, "runs_bad");
	for (i = 0; i < rel->nsvc; i++) {
		cJSON *s;

		if (strcmp(rel->svc[i].host, host) != 0 || !badrel_is_bad(rel, rel->svc[i].tag))
			continue;
		s = cJSON_CreateObject();
		json_str(s, "service", o, rel->svc[i].service);
		json_str(s, "tag", o, rel->svc[i].tag);
		cJSON_AddItemToArray(arr, s);
	}
}

/* The Markdown follow-ups' containment lines (md_containment), as
 * "followups": per host, the kill switch refused with nothing since
 * (its action, service and reason) and whether it still exports, exports
 * not known (no answer since when; still_exports null), or exports left
 * off by a kill switch (since when, its action and op). */
static void
json_containment(cJSON *inc, const struct export_opts *o, const struct pm *pm)
{
	cJSON *arr = cJSON_AddArrayToObject(inc, "followups");
	size_t i;

	for (i = 0; i < pm->contain.n; i++) {
		const struct contain_host *h = &pm->contain.v[i];
		bool refused = contain_refused_gap(&pm->contain, h);
		cJSON *x;

		if (contain_exports_unknown(&pm->contain, h)) {
			x = cJSON_CreateObject();
			json_str(x, "host", o, h->host);
			cJSON_AddStringToObject(x, "what", "exports_unknown");
			json_time(x, "no_answer_since", h->unknown_ms);
			cJSON_AddNullToObject(x, "still_exports");
			cJSON_AddItemToArray(arr, x);
		}
		if (contain_left_off(h)) {
			x = cJSON_CreateObject();
			json_str(x, "host", o, h->host);
			cJSON_AddStringToObject(x, "what", "restore_exports");
			json_time(x, "off_since", h->off_ms);
			json_str(x, "action", o, h->off_action);
			json_str(x, "op", o, h->off_op);
			cJSON_AddBoolToObject(x, "still_exports", false);
			cJSON_AddItemToArray(arr, x);
			continue;
		}
		if (!refused && !still_exports(pm, h))
			continue;
		x = cJSON_CreateObject();
		json_str(x, "host", o, h->host);
		cJSON_AddStringToObject(x, "what", refused ? "killswitch_not_applied" :
		    "still_exports");
		if (refused) {
			json_str(x, "action", o, h->refused_action);
			json_str(x, "service", o, h->refused_service);
			json_str(x, "reason", o, h->refused_reason);
			json_time(x, "refused", h->refused_ms);
		}
		cJSON_AddBoolToObject(x, "still_exports", still_exports(pm, h));
		json_runs_bad(x, o, pm, h->host);
		cJSON_AddItemToArray(arr, x);
	}
}

/* md_still_bad's services, as followups[] entries. */
static void
json_still_bad(cJSON *arr, const struct record *v, size_t n, const struct export_opts *o,
    const struct pm *pm)
{
	const struct badrel *rel = &pm->contain.rel;
	size_t i;

	for (i = 0; i < rel->nsvc; i++) {
		const struct badrel_svc *s = &rel->svc[i];
		cJSON *x;

		if (!badrel_verdict_bad(rel, s->tag))
			continue;
		x = cJSON_CreateObject();
		json_str(x, "host", o, s->host);
		cJSON_AddStringToObject(x, "what", "still_runs_bad_release");
		json_str(x, "service", o, s->service);
		json_str(x, "tag", o, s->tag);
		json_str(x, "env_says", o, env_says(v, n, s->host, s->service, s->tag));
		cJSON_AddItemToArray(arr, x);
	}
}

/* md_standing's actions, as followups[] entries ("action_not_ok"):
 * the same order and facts as the Markdown's lines. */
static void
json_standing(cJSON *arr, const struct export_opts *o, const struct pm *pm)
{
	size_t i;

	for (i = 0; i < pm->nacts; i++) {
		const struct pm_action *a = &pm->acts[i];
		cJSON *x;

		if (!action_standing(pm, a))
			continue;
		x = cJSON_CreateObject();
		json_str(x, "host", o, a->intent->host);
		cJSON_AddStringToObject(x, "what", "action_not_ok");
		json_str(x, "op", o, a->intent->op);
		json_str(x, "action", o, dstr(a->intent, "action"));
		json_str(x, "service", o, jstr_in(cJSON_GetObjectItemCaseSensitive(
		    a->intent->data, "plan"), "service"));
		cJSON_AddStringToObject(x, "outcome", action_outcome(a));
		json_str(x, "settled_by_hand_by", o, settled_by(a) == 2 ? a->end->actor : NULL);
		json_time(x, "settled", settled_by(a) == 2 ? a->end->ts_ms : NO_TIME);
		json_str(x, "detail", o, a->end != NULL ? dstr(a->end, "detail") : NULL);
		cJSON_AddItemToArray(arr, x);
	}
}

/* md_schema_left's services, as followups[] entries ("schema_ahead" or
 * "schema_behind"; database and expected null when not recorded). */
/* The Markdown's host-key follow-ups (md_host_keys): per changed or
 * revoked key, when, both fingerprints, and the K that trusted it (or
 * known_again: when it offered its known key again). */
static void
json_host_keys(cJSON *arr, const struct record *v, size_t n, const struct export_opts *o)
{
	const struct record *trust, *back;
	size_t i;

	for (i = 0; i < n; i++) {
		cJSON *x;

		if (!key_refused(v, i))
			continue;
		x = cJSON_CreateObject();
		json_str(x, "host", o, v[i].host);
		cJSON_AddStringToObject(x, "what", kind_is(&v[i], "hostkey.revoked") ?
		    "host_key_revoked" : "host_key_changed");
		json_time(x, "at", v[i].ts_ms);
		json_str(x, "offered", o, dstr(&v[i], "fingerprint"));
		json_str(x, "known", o, dstr(&v[i], "old_fingerprint"));
		trust = key_trusted_after(v, n, i, v[i].host, dstr(&v[i], "fingerprint"));
		json_time(x, "trusted", trust != NULL ? trust->ts_ms : NO_TIME);
		json_str(x, "trusted_by", o, trust != NULL ? trust->actor : NULL);
		back = trust == NULL ? key_back_after(v, n, i) : NULL;
		if (back != NULL)
			json_time(x, "known_again", conn_since(back));
		cJSON_AddItemToArray(arr, x);
	}
}

static void
json_schema_left(cJSON *arr, const struct record *v, size_t n, const struct export_opts *o)
{
	const struct record **left;
	size_t i, k = schema_left(v, n, &left);

	for (i = 0; i < k; i++) {
		cJSON *x = cJSON_CreateObject();

		json_str(x, "host", o, left[i]->host);
		cJSON_AddStringToObject(x, "what", healthrec_schema(left[i]->data, false) ==
		    PROBE_SCHEMA_AHEAD ? "schema_ahead" : "schema_behind");
		json_str(x, "service", o, dstr(left[i], "service"));
		json_str(x, "tag", o, dstr(left[i], "tag"));
		json_str(x, "database", o, dstr(left[i], "schema_database"));
		json_str(x, "expected", o, dstr(left[i], "schema_expected"));
		cJSON_AddItemToArray(arr, x);
	}
	free(left);
}

/* md_env_left's services as followups[] entries ("env_drift"), one per
 * host. */
static void
json_env_left(cJSON *arr, const struct record *v, size_t n, const struct export_opts *o)
{
	const struct record **left;
	const char **from;
	size_t i, k = env_left(v, n, &left, &from);

	for (i = 0; i < k; i++) {
		cJSON *x = cJSON_CreateObject();

		json_str(x, "host", o, left[i]->host);
		cJSON_AddStringToObject(x, "what", "env_drift");
		json_str(x, "service", o, dstr(left[i], "service"));
		json_str(x, "env_image_tag", o, dstr(left[i], "env_image_tag"));
		json_str(x, "runs", o, dstr(left[i], "runs"));
		json_str(x, "rolled_back_from", o, from[i]);
		cJSON_AddItemToArray(arr, x);
	}
	free(from);
	free(left);
}

/* Where a rollback time came from, as the Markdown key times say it: an
 * action (a, its source "built-in" or "runbook command") or a tag change
 * the console saw (seen, source "seen"); null when neither. */
static void
json_rb_source(cJSON *times, const char *key, const struct export_opts *o,
    const struct pm_action *a, const struct record *seen, bool before)
{
	struct wr_buf w = { 0 };
	cJSON *x;

	if (a == NULL && seen == NULL) {
		cJSON_AddNullToObject(times, key);
		return;
	}
	x = cJSON_AddObjectToObject(times, key);
	if (a != NULL) {
		cJSON_AddStringToObject(x, "source", a->rb == RB_COMMAND ? "runbook command" :
		    "built-in");
		json_str(x, "op", o, a->intent->op);
		json_str(x, "host", o, a->intent->host);
		if (a->rb == RB_COMMAND)
			json_str(x, "command", o, a->rb_cmd);
		rb_action_words(&w, a);
	} else {
		cJSON_AddStringToObject(x, "source", "seen");
		json_str(x, "host", o, seen->host);
		json_str(x, "service", o, dstr(seen, "service"));
		json_str(x, "from", o, dstr(seen, "was_tag"));
		json_str(x, "to", o, dstr(seen, "tag"));
		rb_seen_words(&w, seen, before);
	}
	json_str(x, "said", o, w.s);
	free(w.s);
}

/* B's fleet rollbacks from pm->chains, every one (md_chains leaves out
 * those of which nothing was confirmed: confirmed false here). */
static void
json_chains(cJSON *inc, const struct export_opts *o, const struct pm *pm)
{
	cJSON *arr = cJSON_AddArrayToObject(inc, "chains");
	size_t i;

	for (i = 0; i < pm->nchains; i++) {
		const cJSON *d = pm->chains[i].data, *h;
		const cJSON *f = cJSON_GetObjectItemCaseSensitive(d, "fleet");
		const char *to = jstr_in(f, "to");
		cJSON *x = cJSON_CreateObject(), *hosts;

		json_str(x, "chain", o, jstr_in(d, "chain"));
		json_str(x, "service", o, jstr_in(f, "service"));
		json_str(x, "from", o, jstr_in(f, "from"));
		json_str(x, "target", o, to != NULL && to[0] != '\0' ? to : NULL);
		json_time(x, kind_is(pm->chains[i].rec, "chain.start") ? "started" : "ended",
		    pm->chains[i].rec->ts_ms);
		cJSON_AddBoolToObject(x, "interrupted", pm->chains[i].interrupted);
		cJSON_AddBoolToObject(x, "confirmed", chain_confirmed(&pm->chains[i]));
		if (pm->chains[i].hidden != NULL)
			cJSON_AddNumberToObject(x, "end_may_be_in_damaged_line",
			    (double)pm->chains[i].hidden->line);
		json_str(x, "summary", o, jstr_in(d, "summary"));
		hosts = cJSON_AddArrayToObject(x, "hosts");
		cJSON_ArrayForEach(h, cJSON_GetObjectItemCaseSensitive(d, "hosts")) {
			cJSON *y = cJSON_CreateObject();

			json_str(y, "host", o, jstr_in(h, "host"));
			json_str(y, "outcome", o, jstr_in(h, "outcome"));
			if (jstr_in(h, "why") != NULL)
				json_str(y, "why", o, jstr_in(h, "why"));
			if (jstr_in(h, "settled_by") != NULL)
				json_str(y, "settled_by", o, jstr_in(h, "settled_by"));
			cJSON_AddItemToArray(hosts, y);
		}
		cJSON_AddItemToArray(arr, x);
	}
}

/* The journal's damaged lines, as md_damage lists them. */
static void
json_damage(cJSON *inc, const struct export_opts *o, size_t n)
{
	static const char *const why[] = {
		[RECORD_DAMAGE_CHECKSUM] = "checksum", [RECORD_DAMAGE_TRUNCATED] = "cut short",
		[RECORD_DAMAGE_JSON] = "json", [RECORD_DAMAGE_SEQ] = "seq",
	};
	cJSON *arr = cJSON_AddArrayToObject(inc, "damaged_lines");
	size_t i;

	for (i = 0; i < o->ndamage; i++) {
		const struct record_damage *d = &o->damage[i];
		cJSON *x = cJSON_CreateObject();

		cJSON_AddNumberToObject(x, "line", (double)d->line);
		cJSON_AddNumberToObject(x, "byte", (double)d->offset);
		cJSON_AddStringToObject(x, "why", why[d->why]);
		cJSON_AddBoolToObject(x, "skipped", d->skipped);
		json_str(x, "detail", o, d->detail);
		if (d->after_seq > 0)
			cJSON_AddNumberToObject(x, "after_seq", (double)d->after_seq);
		else
			cJSON_AddNullToObject(x, "after_seq");
		if (d->next_seq > 0)
			cJSON_AddNumberToObject(x, "next_seq", (double)d->next_seq);
		else
			cJSON_AddNullToObject(x, "next_seq");
		cJSON_AddNumberToObject(x, "kept_after", (double)kept_after(d, n));
		cJSON_AddItemToArray(arr, x);
	}
}

/* A judgement (badrel_why) as the JSON says it; null when none. */
static cJSON *
json_judged(const struct export_opts *o, const struct badrel_why *w)
{
	cJSON *x;

	if (w == NULL)
		return cJSON_CreateNull();
	x = cJSON_CreateObject();
	cJSON_AddStringToObject(x, "by", w->verdict != NULL ? "verdict" : "rollback");
	json_str(x, "verdict", o, w->verdict);
	json_str(x, "host", o, w->host != NULL && w->host[0] != '\0' ? w->host : NULL);
	json_time(x, "at", w->at_ms);
	return x;
}

/* One host of a release: when it went live there and what told it (each
 * NULL / NO_TIME when not known). */
static void
json_rel_host(cJSON *hosts, const struct export_opts *o, const char *host, int64_t at,
    const char *source)
{
	cJSON *x = cJSON_CreateObject();

	json_str(x, "host", o, host);
	json_time(x, "deployed", at);
	json_str(x, "source", o, source);
	cJSON_AddItemToArray(hosts, x);
}

/* Every release the Summary names and every redeploy it says, as the
 * Markdown says them (md_bad_release, md_redeploys, md_other_bad):
 * bad_releases (kind first: the Key times' one with every host of its
 * first rollout; later: deployed, judged bad later; judged: judged where
 * it ran; rolled_back_only: no bad verdict on it) and redeploys (again,
 * also). */
static void
json_releases(cJSON *inc, const struct record *v, size_t n, const struct export_opts *o,
    const struct pm *pm)
{
	const struct badrel *rel = &pm->contain.rel;
	cJSON *rels = cJSON_AddArrayToObject(inc, "bad_releases");
	cJSON *rds = cJSON_AddArrayToObject(inc, "redeploys");
	cJSON *x, *hosts;
	struct rd_group *g;
	const struct record **re;
	struct pm_rollhost *more;
	size_t ng, k, i, j, h;
	const char *tag = pm->deployed_rec != NULL ? dstr(pm->deployed_rec, "tag") : NULL;

	if (tag != NULL && pm->deployed_rec->host != NULL) {
		const struct record *came = pm->deployed_came;

		x = cJSON_CreateObject();
		json_str(x, "tag", o, tag);
		cJSON_AddStringToObject(x, "kind", "first");
		hosts = cJSON_AddArrayToObject(x, "hosts");
		json_rel_host(hosts, o, pm->deployed_rec->host, pm->deployed,
		    pm->deployed != NO_TIME ? dstr(pm->deployed_rec, "deployed_from") : NULL);
		k = main_rollout_hosts(pm, v, n, &more);
		for (i = 0; i < k; i++)
			json_rel_host(hosts, o, more[i].host, more[i].at,
			    dstr(more[i].r, "deployed_from"));
		free(more);
		cJSON_AddBoolToObject(x, "outside", came != NULL &&
		    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(came->data, "outside")));
		cJSON_AddItemToObject(x, "judged", json_judged(o, first_judged(rel, tag)));
		cJSON_AddItemToArray(rels, x);
	}
	ng = rd_groups(pm, v, n, &g);
	for (i = 0; i < ng; i++) {
		x = cJSON_CreateObject();
		json_str(x, "tag", o, g[i].tag);
		cJSON_AddStringToObject(x, "kind", g[i].kind == RD_LATER ? "later" :
		    g[i].kind == RD_AGAIN ? "again" : "also");
		hosts = cJSON_AddArrayToObject(x, "hosts");
		for (j = 0; j < g[i].nrecs; j++)
			json_rel_host(hosts, o, g[i].recs[j]->host, deploy_ms(g[i].recs[j]),
			    dstr(g[i].recs[j], "deployed_from"));
		/* redeploys() takes only tag changes no action made. */
		cJSON_AddBoolToObject(x, "outside", true);
		if (g[i].kind == RD_LATER) {
			cJSON_AddItemToObject(x, "judged", json_judged(o, g[i].w));
			cJSON_AddItemToArray(rels, x);
		} else
			cJSON_AddItemToArray(rds, x);
	}
	rd_groups_free(g, ng);
	k = redeploys(pm, v, n, &re);
	for (i = 0; i < rel->nbad; i++) {
		if (other_bad_said(pm, re, k, i))
			continue;
		x = cJSON_CreateObject();
		json_str(x, "tag", o, rel->bad[i]);
		cJSON_AddStringToObject(x, "kind", badrel_verdict_bad(rel, rel->bad[i]) ?
		    "judged" : "rolled_back_only");
		/* The hosts it was judged on, once each (md_why_hosts). */
		hosts = cJSON_AddArrayToObject(x, "hosts");
		for (j = 0; j < rel->nwhy; j++) {
			bool again = false;

			if (!badrel_same(rel->why[j].tag, rel->bad[i]) || rel->why[j].host[0] == '\0')
				continue;
			for (h = 0; h < j && !again; h++)
				again = badrel_same(rel->why[h].tag, rel->bad[i]) &&
				    strcmp(rel->why[h].host, rel->why[j].host) == 0;
			if (!again)
				json_rel_host(hosts, o, rel->why[j].host, NO_TIME, NULL);
		}
		cJSON_AddNullToObject(x, "outside");
		cJSON_AddItemToObject(x, "judged", json_judged(o, first_judged(rel, rel->bad[i])));
		cJSON_AddItemToArray(rels, x);
	}
	free(re);
}

static cJSON *
json_incident(const struct record *v, size_t n, const struct export_opts *o,
    const struct pm *pm)
{
	cJSON *inc = cJSON_CreateObject(), *tz, *times, *acts, *steps, *chat, *bad, *sp, *jn;
	cJSON *reach, *dgaps;
	char label[160], change[400];
	struct pm_cmd cmds[CMDS_MAX];
	struct wr_buf w = { 0 };
	long off, toff;
	int64_t tz0, *tzs, from;
	size_t i, k, m, nc;
	int q;

	cJSON_AddStringToObject(inc, "id", o->id);
	json_str(inc, "name", o, pm->name);
	cJSON_AddStringToObject(inc, "state", pm->resolved ? "resolved" : "open");
	cJSON_AddNumberToObject(inc, "records", (double)n);
	json_time(inc, "first_ts", n > 0 ? v[0].ts_ms : NO_TIME);
	json_time(inc, "last_ts", n > 0 ? v[n - 1].ts_ms : NO_TIME);
	tz = cJSON_AddObjectToObject(inc, "tz");
	tz_describe(o, pm->detect != NO_TIME ? pm->detect : 0, label, sizeof(label), &off);
	cJSON_AddStringToObject(tz, "label", label);
	cJSON_AddNumberToObject(tz, "offset_s", (double)off);
	times = cJSON_AddObjectToObject(inc, "times");
	json_time(times, "detection", pm->detect);
	cJSON_AddStringToObject(times, "detection_by", pm->first_bad != NO_TIME ?
	    "first_bad_verdict" : "incident_open");
	json_time(times, "opened", pm->opened);
	json_time(times, "bad_release_deployed", pm->deployed);
	json_str(times, "bad_release_source", o, pm->deployed_rec != NULL ?
	    dstr(pm->deployed_rec, "deployed_from") : NULL);
	json_str(times, "bad_release_host", o, pm->deployed_rec != NULL ?
	    pm->deployed_rec->host : NULL);
	json_str(times, "bad_release_tag", o, pm->deployed_rec != NULL ?
	    dstr(pm->deployed_rec, "tag") : NULL);
	/* Unknown, the console's first reading of the tag bounds it. */
	json_time(times, "bad_release_seen", pm->deployed == NO_TIME &&
	    pm->deployed_came != NULL ? pm->deployed_came->ts_ms : NO_TIME);
	cJSON_AddItemToObject(times, "bad_release_made_by", pm->deployed_came == NULL ?
	    cJSON_CreateNull() : cJSON_CreateString(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(
	    pm->deployed_came->data, "outside")) ? "outside" : pm->deployed_by != NULL ?
	    "console" : dstr(pm->deployed_came, "was_tag") == NULL ? "before_first_reading" :
	    "unknown"));
	json_str(times, "bad_release_op", o, pm->deployed_by != NULL ? pm->deployed_by->op :
	    NULL);
	json_time(times, "bad_release_recreated", pm->deployed_recreated);
	json_releases(inc, v, n, o, pm);
	cJSON_AddStringToObject(times, "impact_from", impact_by_deploy(pm) ?
	    "bad_release_deployed" : pm->impact_from == NO_TIME ? "unknown" :
	    pm->impact_from == pm->first_bad ? "first_bad_verdict" : "first_charged_verdict");
	json_time(times, "first_response", pm->first_resp);
	json_time(times, "rollback_start", pm->rb_start);
	json_time(times, "rollback_end", pm->rb_end);
	if (pm->rb_open != NULL || pm->rb_last != NULL)
		cJSON_AddStringToObject(times, "rollback_outcome",
		    pm->rb_open != NULL ? "unknown" : action_outcome(pm->rb_last));
	else
		cJSON_AddNullToObject(times, "rollback_outcome");
	json_rb_source(times, "rollback_start_source", o, start_seen(pm) ? NULL : pm->rb_first,
	    start_seen(pm) ? pm->seen_first : NULL, pm->rb_first != NULL);
	json_rb_source(times, "rollback_end_source", o, pm->rb_open != NULL ? pm->rb_open :
	    pm->rb_last, pm->rb_first == NULL ? pm->seen_last : NULL, false);
	json_time(times, "recovery", pm->recovery);
	{
		int64_t a, z;

		/* Seen good only after a gap in the journal: recovery came at
		 * some moment from this one to "recovery". */
		if (pm->recovered_by == REC_VERDICTS && pm->back_resync != NULL &&
		    gap_of(pm->back_resync, "resync", &a, &z))
			json_time(times, "recovery_earliest", a);
	}
	cJSON_AddBoolToObject(times, "recovered", pm->recovery != NO_TIME);
	/* Back at a NO DATA judged on restarts alone: no health measured. */
	if (pm->recovered_by == REC_VERDICTS && pm->back_calm)
		cJSON_AddBoolToObject(times, "recovery_restarts_only", true);
	if (pm->nbad > 0 && pm->rec_hidden != NULL)
		cJSON_AddNumberToObject(times, "recovery_may_be_in_damaged_line",
		    (double)pm->rec_hidden->line);
	if (pm->recovery != NO_TIME && pm->impact_from != NO_TIME)
		cJSON_AddNumberToObject(times, "impact_s",
		    (double)((pm->recovery - pm->impact_from) / 1000));
	else
		cJSON_AddNullToObject(times, "impact_s");
	/* Not recovered: how long so far, up to the last record that is no
	 * export (observed_end), as the Markdown says it. */
	if (pm->recovery == NO_TIME && pm->impact_from != NO_TIME && n > 0) {
		cJSON_AddNumberToObject(times, "impact_so_far_s",
		    (double)((observed_end(v, n) - pm->impact_from) / 1000));
		json_time(times, "impact_so_far_until", observed_end(v, n));
	} else {
		cJSON_AddNullToObject(times, "impact_so_far_s");
		cJSON_AddNullToObject(times, "impact_so_far_until");
	}
	/* Of that, what no console watched (the Markdown's "unobserved"). */
	if (pm->impact_from != NO_TIME && n > 0) {
		int64_t *a = xcalloc(n, sizeof(*a)), *z = xcalloc(n, sizeof(*z)), total;
		cJSON *gaps;
		size_t ngaps, g, *res = xcalloc(n, sizeof(*res));

		total = unwatched(v, n, pm->impact_from, pm->recovery != NO_TIME ? pm->recovery :
		    observed_end(v, n), a, z, res, n, &ngaps);
		cJSON_AddNumberToObject(times, "impact_unobserved_s", (double)(total / 1000));
		gaps = cJSON_AddArrayToObject(times, "unobserved");
		for (g = 0; g < ngaps; g++) {
			cJSON *x = cJSON_CreateObject();

			json_time(x, "from", a[g]);
			json_time(x, "to", z[g]);
			/* Began at a killed console's last record: it may have run. */
			cJSON_AddBoolToObject(x, "since_last_record", resume_gap_silent(&v[res[g]]));
			cJSON_AddItemToArray(gaps, x);
		}
		free(a);
		free(z);
		free(res);
	} else {
		cJSON_AddNullToObject(times, "impact_unobserved_s");
		cJSON_AddArrayToObject(times, "unobserved");
	}
	json_time(times, "resolved", pm->resolved ? pm->resolved_at : NO_TIME);
	bad = cJSON_AddArrayToObject(inc, "still_bad");
	for (i = 0; i < pm->nkeys; i++) {
		cJSON *x;

		if (pm->keys[i].bad == NULL)
			continue;
		x = cJSON_CreateObject();
		json_str(x, "host", o, pm->keys[i].host);
		json_str(x, "service", o, pm->keys[i].service);
		json_str(x, "verdict", o, pm->keys[i].verdict);
		json_str(x, "bad_verdict", o, pm->keys[i].bad);
		cJSON_AddItemToArray(bad, x);
	}
	/* Bad in a turn charged to no release: apart, as the Summary says. */
	bad = cJSON_AddArrayToObject(inc, "still_bad_not_charged");
	for (i = 0; i < pm->nkeys; i++) {
		cJSON *x;

		if (pm->keys[i].spared == NULL)
			continue;
		x = cJSON_CreateObject();
		json_str(x, "host", o, pm->keys[i].host);
		json_str(x, "service", o, pm->keys[i].service);
		json_str(x, "verdict", o, pm->keys[i].verdict);
		json_str(x, "bad_verdict", o, pm->keys[i].spared);
		cJSON_AddItemToArray(bad, x);
	}
	json_counts(inc, pm);
	acts = cJSON_AddArrayToObject(inc, "actions");
	for (i = 0, k = 0; i < pm->nacts || k < pm->n_refused; i++) {
		const struct pm_action *a;
		cJSON *x;

		/* In journal order, the refused among the rest, as in Markdown. */
		if (refused_next(pm, i, k)) {
			cJSON_AddItemToArray(acts, json_refused(o, pm->refused[k],
			    pm->refused_conf[k]));
			k++;
			i--;
			continue;
		}
		a = &pm->acts[i];
		x = cJSON_CreateObject();
		json_str(x, "op", o, a->intent->op);
		json_str(x, "action", o, dstr(a->intent, "action"));
		json_str(x, "host", o, a->intent->host);
		/* Who confirmed it: the console's --as name. */
		json_str(x, "by", o, a->intent->actor);
		plan_change(a->intent, change, sizeof(change));
		json_str(x, "change", o, change[0] != '\0' ? change : NULL);
		json_time(x, "started", a->intent->ts_ms);
		json_time(x, "ended", ended_ms(a));
		cJSON_AddStringToObject(x, "outcome", action_outcome(a));
		if (env_not_updated(a))
			cJSON_AddFalseToObject(x, "env_updated");
		cJSON_AddBoolToObject(x, "reconciled",
		    a->end != NULL && kind_is(a->end, "action.reconcile"));
		if (settled_by(a) != 0)
			cJSON_AddStringToObject(x, "settled_by", settled_by(a) == 3 ? "rollout" :
			    settled_by(a) == 2 ? "hand" : "re-read");
		if (settled_by(a) == 2)
			json_str(x, "settled_by_hand_by", o, a->end->actor);
		/* FAILED or UNKNOWN and not undone later: a follow-up. */
		cJSON_AddBoolToObject(x, "standing", action_standing(pm, a));
		/* FAILED, then its rollout completed: both said. */
		if (settled_by(a) == 3) {
			cJSON_AddStringToObject(x, "ended_outcome", late_after_unknown(a) ?
			    "unknown" : "failed");
			json_time(x, "rollout_completed", settled_ms(a));
		}
		if (a->end != NULL && dstr(a->end, "detail") != NULL)
			json_str(x, "detail", o, dstr(a->end, "detail"));
		if (a->running != 0)
			cJSON_AddStringToObject(x, "running", a->running == 2 ? "this console" :
			    "another console");
		/* Its console keeps records of it the journal could not store. */
		if (a->unstored != NULL) {
			cJSON_AddBoolToObject(x, "not_stored", true);
			if (a->unstored[0] != '\0')
				json_str(x, "kept_outcome", o, a->unstored);
		}
		if (a->reread != NULL && dstr(a->reread, "detail") != NULL)
			json_str(x, "reread", o, dstr(a->reread, "detail"));
		if (a->hidden != NULL && a->running == 0)
			cJSON_AddNumberToObject(x, "end_may_be_in_damaged_line",
			    (double)a->hidden->line);
		/* m, not k: k counts the refused ones interleaved above. */
		if ((nc = intent_commands(a->intent, cmds, CMDS_MAX)) > 0) {
			cJSON *cs = cJSON_AddArrayToObject(x, "commands");

			for (m = 0; m < nc; m++) {
				cJSON *c = cJSON_CreateObject();

				json_str(c, "step", o, cmds[m].name);
				json_str(c, "cmd", o, cmds[m].cmd);
				if (cmds[m].when != NULL)
					cJSON_AddStringToObject(c, "when", cmds[m].when);
				cJSON_AddItemToArray(cs, c);
			}
		}
		if (a->nouts > 0) {
			cJSON *outs = cJSON_AddArrayToObject(x, "output");

			for (m = 0; m < a->nouts; m++) {
				cJSON *c = cJSON_Duplicate(a->outs[m]->data, true);

				redact_json(o->red, c);
				cJSON_AddItemToArray(outs, c);
			}
		}
		cJSON_AddItemToArray(acts, x);
	}
	json_chains(inc, o, pm);
	json_containment(inc, o, pm);
	json_still_bad(cJSON_GetObjectItemCaseSensitive(inc, "followups"), v, n, o, pm);
	json_standing(cJSON_GetObjectItemCaseSensitive(inc, "followups"), o, pm);
	json_host_keys(cJSON_GetObjectItemCaseSensitive(inc, "followups"), v, n, o);
	json_schema_left(cJSON_GetObjectItemCaseSensitive(inc, "followups"), v, n, o);
	json_env_left(cJSON_GetObjectItemCaseSensitive(inc, "followups"), v, n, o);
	steps = cJSON_AddArrayToObject(inc, "checklist");
	/* Each runbook's T-0 once: a runbook's steps can outnumber records. */
	tzs = xmalloc((pm->nrbs + 1) * sizeof(*tzs));
	for (k = 0; k < pm->nrbs; k++)
		tzs[k] = tzero_of(pm, v, n, pm->rbs[k]);
	for (i = 0; i < pm->nsteps; i++) {
		cJSON *x = cJSON_CreateObject();

		json_str(x, "step", o, pm->steps[i].step);
		json_str(x, "title", o, pm->steps[i].title);
		json_str(x, "section", o, pm->steps[i].section);
		json_str(x, "runbook", o, pm->rbs[pm->steps[i].rb]);
		cJSON_AddBoolToObject(x, "done", pm->steps[i].done);
		cJSON_AddBoolToObject(x, "preticked", pm->steps[i].preticked);
		json_time(x, "ticked", pm->steps[i].done ? pm->steps[i].ticked_at : NO_TIME);
		/* A run-of-show step: when it was due by the runbook's T-0. */
		tz0 = tzs[pm->steps[i].rb];
		json_time(x, "due", tz0 != NO_TIME && runbook_tminus(pm->steps[i].title, &toff) ?
		    tz0 + (int64_t)toff * 1000 : NO_TIME);
		if (pm->steps[i].ran != NULL) {
			cJSON *ran = cJSON_AddObjectToObject(x, "ran");

			cJSON_AddStringToObject(ran, "kind", pm->steps[i].ran->kind);
			json_time(ran, "at", pm->steps[i].ran->ts_ms);
			cJSON_AddStringToObject(ran, "outcome", ran_result(v, n, pm,
			    pm->steps[i].ran));
			/* From a step edited since: not the outcome of the step listed. */
			cJSON_AddBoolToObject(ran, "earlier_version", ran_earlier(&pm->steps[i]));
		} else {
			cJSON_AddNullToObject(x, "ran");
		}
		/* Not ticked, but its work ran OK: no follow-up. */
		if (pm->steps[i].ran_ok != NULL) {
			const struct record *r = pm->steps[i].ran_ok->intent;
			cJSON *ok = cJSON_AddObjectToObject(x, "ran_ok");

			json_str(ok, "action", o, dstr(r, "action"));
			json_str(ok, "host", o, r->host);
			json_time(ok, "at", r->ts_ms);
			cJSON_AddBoolToObject(ok, "from_this_step", pm->steps[i].ran == r);
		} else {
			cJSON_AddNullToObject(x, "ran_ok");
		}
		/* Its last bound action did not end OK: still to do. */
		if (pm->steps[i].ran_bad != NULL) {
			const struct pm_action *a = pm->steps[i].ran_bad;
			cJSON *nok = cJSON_AddObjectToObject(x, "ran_bad");

			json_str(nok, "action", o, dstr(a->intent, "action"));
			json_str(nok, "host", o, a->intent->host);
			json_time(nok, "at", a->intent->ts_ms);
			cJSON_AddStringToObject(nok, "outcome", action_outcome(a));
			json_str(nok, "settled_by_hand_by", o, settled_by(a) == 2 ?
			    a->end->actor : NULL);
			/* The step's work ran OK once before: its op and end. */
			json_str(nok, "earlier_ok_op", o, pm->steps[i].ok_before != NULL ?
			    pm->steps[i].ok_before->intent->op : NULL);
			json_time(nok, "earlier_ok_at", pm->steps[i].ok_before != NULL ?
			    ended_ms(pm->steps[i].ok_before) : NO_TIME);
		} else {
			cJSON_AddNullToObject(x, "ran_bad");
		}
		cJSON_AddItemToArray(steps, x);
	}
	free(tzs);
	json_unplaced(inc, o, pm);
	json_runbooks(inc, v, n, o, pm);
	sp = cJSON_AddArrayToObject(inc, "statuspage");
	for (i = 0; i < pm->nsp; i++) {
		const struct sp_post p = pm->sp[i];
		const cJSON *pc;
		cJSON *x;

		x = cJSON_CreateObject();
		json_str(x, "queue", o, (p.queue != NULL ? p.queue : p.end)->op);
		json_time(x, "queued", p.queue != NULL ? p.queue->ts_ms : NO_TIME);
		json_str(x, "action", o, sp_field(&p, "action"));
		json_str(x, "status", o, sp_field(&p, "status"));
		/* Only a create sends a title: an update's queued name is the
		 * lookup's, never what customers read (statuspage_req.c). */
		json_str(x, "name", o, sp_field(&p, "action") != NULL &&
		    strcmp(sp_field(&p, "action"), "create") == 0 ? sp_field(&p, "name") : NULL);
		json_str(x, "impact", o, sp_field(&p, "impact"));
		json_str(x, "body", o, sp_field(&p, "body"));
		cJSON_AddStringToObject(x, "outcome", sp_outcome_json[sp_outcome(&p)]);
		json_time(x, "ended", p.end != NULL ? p.end->ts_ms : NO_TIME);
		json_time(x, "first_sent", p.sent != NULL ? p.sent->ts_ms : NO_TIME);
		cJSON_AddBoolToObject(x, "reconciled", p.end != NULL && cJSON_IsTrue(
		    cJSON_GetObjectItemCaseSensitive(p.end->data, "reconciled")));
		pc = p.end != NULL ? cJSON_GetObjectItemCaseSensitive(p.end->data,
		    "page_created_ms") : NULL;
		json_time(x, "page_created", cJSON_IsNumber(pc) && pc->valuedouble > 0 ?
		    (int64_t)pc->valuedouble : NO_TIME);
		json_str(x, "page_incident", o, p.end != NULL ? dstr(p.end, "page_incident") : NULL);
		json_str(x, "error", o, p.end != NULL ? dstr(p.end, "error") :
		    p.retry != NULL ? dstr(p.retry, "error") : NULL);
		if (p.takeover != NULL) {
			/* Who sent it once the console that queued it was gone. */
			json_str(x, "taken_over_by", o, p.takeover->actor);
			json_str(x, "taken_over_from", o, dstr(p.takeover, "from_actor"));
			json_time(x, "taken_over", p.takeover->ts_ms);
		}
		cJSON_AddItemToArray(sp, x);
	}
	chat = cJSON_AddArrayToObject(inc, "chat");
	for (i = 0; i < n; i++) {
		const struct record *end;
		cJSON *x;

		if (!kind_is(&v[i], "chat.announce"))
			continue;
		end = chat_end(v, n, i);
		x = cJSON_CreateObject();
		json_str(x, "op", o, v[i].op);
		json_time(x, "announced", v[i].ts_ms);
		json_str(x, "text", o, dstr(&v[i], "text"));
		cJSON_AddStringToObject(x, "outcome", chat_end_json[chat_outcome(end)]);
		json_str(x, "error", o, end != NULL ? dstr(end, "error") : NULL);
		cJSON_AddItemToArray(chat, x);
	}
	/* When each host was unreachable, as the Markdown's Reachability. */
	reach = cJSON_AddArrayToObject(inc, "reachability");
	for (i = 0; i < n; i++) {
		const struct record *back;
		const cJSON *drops;
		int64_t not_before;
		size_t kr, end;
		cJSON *x;

		/* Refused for its key, as the Markdown's rows: "down" from the
		 * refusal, "up" when K trusted a key (null: never). */
		if (key_refused(v, i) || key_never_trusted(v, n, i)) {
			const struct record *trust = key_trusted_after(v, n, i, v[i].host,
			    key_refused(v, i) ? dstr(&v[i], "fingerprint") : NULL);
			const struct record *again = trust == NULL && key_refused(v, i) ?
			    key_back_after(v, n, i) : NULL;
			int64_t refused = key_refused(v, i) ? v[i].ts_ms : conn_since(&v[i]);
			int64_t up = trust != NULL ? trust->ts_ms :
			    again != NULL ? conn_since(again) : NO_TIME;

			x = cJSON_CreateObject();
			json_str(x, "host", o, v[i].host);
			json_time(x, "down", refused);
			json_time(x, "up", up);
			if (again != NULL)
				json_time(x, "known_again", up);
			cJSON_AddStringToObject(x, "host_key", kind_is(&v[i], "hostkey.revoked") ?
			    "revoked" : key_refused(v, i) ? "changed" : "unknown");
			json_str(x, "offered", o, dstr(&v[i], "fingerprint"));
			json_str(x, "known", o, dstr(&v[i], "old_fingerprint"));
			json_str(x, "trusted_by", o, trust != NULL ? trust->actor : NULL);
			if (up != NO_TIME)
				cJSON_AddNumberToObject(x, "down_s",
				    (double)connrec_down_s(refused, up));
			json_str(x, "reason", o, key_refused(v, i) ? NULL : dstr(&v[i], "reason"));
			cJSON_AddItemToArray(reach, x);
			continue;
		}
		if (!conn_stretch(v, n, i, &back) || conn_key_wait(v, i))
			continue;
		x = cJSON_CreateObject();
		json_str(x, "host", o, v[i].host);
		json_time(x, "down", conn_since(&v[i]));
		json_time(x, "up", back != NULL ? conn_since(back) : NO_TIME);
		/* Back after its last failed try: it came back after this. */
		if (conn_back_after(back) != NO_TIME)
			json_time(x, "last_failed_try", conn_back_after(back));
		/* Found DOWN on a resume: it went down unseen, after this. */
		if (conn_down_unwatched(v, i, &not_before)) {
			json_time(x, "down_not_before", not_before);
			cJSON_AddBoolToObject(x, "at_least", true);
		}
		if (back != NULL) {
			struct connrec_span span;

			conn_span_of(v, i, back, &span);
			cJSON_AddNumberToObject(x, "down_s", (double)span.down_s);
			/* Of it, nothing recorded: it may have been back in between. */
			cJSON_AddNumberToObject(x, "unwatched_s", (double)span.unwatched_s);
			/* The bounds Reachability's words give. */
			cJSON_AddNumberToObject(x, "min_s", (double)connrec_span_min_s(&span));
			cJSON_AddNumberToObject(x, "max_s", (double)connrec_span_max_s(&span));
		}
		json_str(x, "reason", o, dstr(&v[i], "reason"));
		drops = back != NULL ? cJSON_GetObjectItemCaseSensitive(back->data, "drops") : NULL;
		cJSON_AddNumberToObject(x, "drops", cJSON_IsNumber(drops) ? drops->valuedouble : 0);
		/* Lost, then refused for a changed key on the way back. */
		end = back != NULL ? (size_t)(back - v) : n;
		if ((kr = key_refused_in(v, i + 1, end, v[i].host)) < end)
			json_time(x, "key_refused", v[kr].ts_ms);
		cJSON_AddItemToArray(reach, x);
	}
	/* The stretches with no data, as the Markdown's Data gaps. */
	dgaps = cJSON_AddArrayToObject(inc, "data_gaps");
	for (i = 0; i < n; i++) {
		static const char *const gap_kind[] = { [DATA_GAP_UNWATCHED] = "unwatched",
			[DATA_GAP_DOWN] = "down", [DATA_GAP_POLL] = "poll",
			[DATA_GAP_JOURNAL] = "journal" };
		const struct record *back = NULL;
		enum data_gap g = data_gap_at(v, n, i, &from, &back);
		bool console = g == DATA_GAP_UNWATCHED;
		struct wr_buf why = { 0 };
		cJSON *x;

		if (g == DATA_GAP_NONE)
			continue;
		x = cJSON_CreateObject();
		/* A key waiting for K: no data, but no outage either. */
		cJSON_AddStringToObject(x, "kind", g == DATA_GAP_DOWN && conn_key_wait(v, i) ?
		    "untrusted" : gap_kind[g]);
		bool jgap = g == DATA_GAP_JOURNAL;
		int64_t jfrom = 0, jto = 0;

		if (jgap)
			gap_of(&v[i], "gap", &jfrom, &jto);
		json_str(x, "host", o, console || jgap ? NULL : v[i].host);
		json_time(x, "from", jgap ? jfrom : console ? from : conn_since(&v[i]));
		json_time(x, "to", jgap ? jto : console ? v[i].ts_ms : back != NULL ?
		    conn_since(back) : NO_TIME);
		if (jgap)
			cJSON_AddNumberToObject(x, "for_s", (double)((jto - jfrom) / 1000));
		else if (console) {
			cJSON_AddNumberToObject(x, "for_s", (double)((v[i].ts_ms - from) / 1000));
			cJSON_AddBoolToObject(x, "since_last_record", resume_gap_silent(&v[i]));
		} else if (g == DATA_GAP_DOWN && back != NULL) {
			struct connrec_span span;

			conn_span_of(v, i, back, &span);
			cJSON_AddNumberToObject(x, "for_s", (double)span.down_s);
			/* Back between it and "to", as Reachability says. */
			if (conn_back_after(back) != NO_TIME)
				json_time(x, "last_failed_try", conn_back_after(back));
		} else if (back != NULL)
			cJSON_AddNumberToObject(x, "for_s", (double)poll_stretch_s(&v[i], back));
		else
			cJSON_AddNullToObject(x, "for_s");
		gap_why(&why, &v[i], back);
		json_str(x, "why", o, why.s);
		free(why.s);
		cJSON_AddItemToArray(dgaps, x);
	}
	jn = cJSON_AddArrayToObject(inc, "journal");
	for (i = 0; i < n; i++)
		for (q = 0; q < JN_COUNT; q++) {
			cJSON *x;

			if (v[i].data == NULL || !journal_note(&v[i], (enum jnote)q, NULL, &w))
				continue;
			x = cJSON_CreateObject();
			json_time(x, "at", v[i].ts_ms);
			cJSON_AddNumberToObject(x, "seq", (double)v[i].seq);
			cJSON_AddStringToObject(x, "what", jnote_json[q]);
			json_str(x, "text", o, w.s);
			cJSON_AddItemToArray(jn, x);
		}
	for (i = 0; i < o->ngone; i++) {
		cJSON *x = cJSON_CreateObject();

		live_gone_note(&w, &o->gone[i], NULL);
		json_time(x, "at", o->gone[i].last_ts_ms);
		cJSON_AddStringToObject(x, "what", "ended_without_shutdown");
		json_str(x, "text", o, w.s);
		cJSON_AddItemToArray(jn, x);
	}
	free(w.s);
	json_str(inc, "warning", o, o->warning);
	json_damage(inc, o, n);
	return inc;
}

/* One record as the journal has it, with its strings redacted again. */
static char *
json_record(const struct record *r, const struct export_opts *o)
{
	struct record copy = *r;
	char *text;
	cJSON *j;

	copy.actor = redact_text(o->red, r->actor);
	copy.host = r->host != NULL ? redact_text(o->red, r->host) : NULL;
	copy.op = r->op != NULL ? redact_text(o->red, r->op) : NULL;
	copy.data = r->data != NULL ? cJSON_Duplicate(r->data, 1) : NULL;
	redact_json(o->red, copy.data);
	j = record_to_json(&copy);
	text = cJSON_PrintUnformatted(j);
	cJSON_Delete(j);
	free(copy.actor);
	free(copy.host);
	free(copy.op);
	cJSON_Delete(copy.data);
	return text;
}

/* JSON text as cJSON printed it, with every character the sanitizer would
 * not show as itself (DEL, C1, bidi controls) written as a \\u escape:
 * the same string to a JSON reader, nothing a terminal acts on to one
 * who pipes the export to it. They only occur inside strings. */
static void
json_add(struct wr_buf *b, const char *text)
{
	const unsigned char *p = (const unsigned char *)text, *run = p;
	char rep[WR_SANITIZE_CHAR_MAX], esc[8];

	while (*p != '\0') {
		uint32_t cp = 0;
		size_t n = 0;

		if (*p == 0x7f)
			cp = *p, n = 1;
		else if ((p[0] & 0xe0) == 0xc0 && (p[1] & 0xc0) == 0x80)
			cp = (uint32_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f), n = 2;
		else if ((p[0] & 0xf0) == 0xe0 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80)
			cp = (uint32_t)(p[0] & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 |
			    (p[2] & 0x3f), n = 3;
		if (n == 0 || sanitize_char(cp, rep) == 0) {
			p += n > 0 ? n : 1;
			continue;
		}
		wr_buf_add(b, (const char *)run, (size_t)(p - run));
		snprintf(esc, sizeof(esc), "\\u%04x", (unsigned)cp);
		wr_buf_str(b, esc);
		p += n;
		run = p;
	}
	wr_buf_add(b, (const char *)run, (size_t)(p - run));
}

static void
render_json(struct wr_buf *b, const struct record *v, size_t n, const struct export_opts *o,
    const struct pm *pm)
{
	cJSON *inc = json_incident(v, n, o, pm);
	char *text = cJSON_PrintUnformatted(inc);
	size_t i;

	cJSON_Delete(inc);
	wr_buf_str(b, "{\"incident\":");
	json_add(b, text != NULL ? text : "null");
	cJSON_free(text);
	wr_buf_str(b, ",\"records\":[");
	for (i = 0; i < n; i++) {
		text = json_record(&v[i], o);
		if (i > 0)
			wr_buf_str(b, ",\n");
		else
			wr_buf_str(b, "\n");
		json_add(b, text != NULL ? text : "null");
		cJSON_free(text);
	}
	wr_buf_str(b, "\n]}\n");
}

int64_t
export_impact_from(const struct record *v, size_t n)
{
	struct pm pm;
	int64_t at;

	pm_build(&pm, v, n, NULL);
	at = pm.impact_from;
	pm_free(&pm);
	return at != NO_TIME ? at : cause_began(v, n);
}

int
export_render(enum export_format format, const struct record *v, size_t n,
    const struct export_opts *o, char **out, size_t *len, struct wr_err *err)
{
	struct wr_buf b = { 0 };
	struct pm pm;

	if (o == NULL || o->id == NULL)
		return wr_err_set(err, "export needs an incident id");
	pm_build(&pm, v, n, o);
	if (format == EXPORT_MD)
		render_md(&b, v, n, o, &pm);
	else
		render_json(&b, v, n, o, &pm);
	pm_free(&pm);
	*len = b.len;
	*out = wr_buf_take(&b);
	return 0;
}
