/*
 * contain.c — whether exports are still on where the incident tried to
 * stop them: GET /export's answer judged, and the journal's kill switch
 * intents, ends and refusals and exports.change records folded per host.
 * A refusal stays open until a later kill switch on that host ends ok or
 * the probes see its export off: the engineer may do it by hand (helm).
 * Only a refusal of a kill switch turning exports off opens one: a
 * refused restore leaves them off, no leak. A restore (exports back on
 * by X) is no leak only while the host runs the release it was made
 * under and no kill switch has been asked since to turn them off: the
 * engineer chose exports on for that one, until asking for off again.
 */
#include "warroom/contain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "warroom/record.h"
#include "warroom/util.h"

enum contain_export
contain_export_answer(long status, const char *body, size_t len, bool cut)
{
	if (status == 404)
		return CONTAIN_EXPORT_OFF;
	if (status < 200 || status >= 300 || cut)
		return CONTAIN_EXPORT_UNKNOWN;
	/* The body is not NUL-terminated for us: look within len only. */
	if (body != NULL && len >= 8 && memmem(body, len, "disabled", 8) != NULL)
		return CONTAIN_EXPORT_OFF;
	return CONTAIN_EXPORT_ON;
}

enum contain_export
contain_export_checked(const struct contain_check *c, char *why, size_t cap)
{
	const char *err = c->error != NULL && c->error[0] != '\0' ? c->error : "no reason given";
	enum contain_export e;

	/* A 404 is whole without a body; any other status counts only with
	 * its body read to the end: "still on" must be read, not assumed. */
	e = contain_export_answer(c->status, c->body, c->len,
	    c->status != 404 && (c->broke_off || c->over_cap));
	if (e != CONTAIN_EXPORT_UNKNOWN || why == NULL || cap == 0)
		return e;
	if (c->timed_out && c->status == 0)
		snprintf(why, cap, "export not verified: /export's answer did not arrive in %d s",
		    c->timeout_s);
	else if (c->timed_out)
		snprintf(why, cap, "export not verified: /export's answer did not arrive in %d s "
		    "(status %ld came, its body did not)", c->timeout_s, c->status);
	else if (c->status == 0)
		snprintf(why, cap, "export not verified: GET /export had no answer: %.200s", err);
	else if (c->over_cap)
		snprintf(why, cap, "export not verified: /export answered %ld with a body over the "
		    "cap", c->status);
	else if (c->broke_off)
		snprintf(why, cap, "export not verified: /export answered %ld but its body broke "
		    "off: %.200s", c->status, err);
	else
		snprintf(why, cap, "export not verified: /export answered %ld, neither on nor off",
		    c->status);
	return e;
}

bool
contain_export_ask_due(int unsaid, int max, int64_t last_ms, int64_t now_ms)
{
	return unsaid < max || last_ms == 0 || now_ms - last_ms >= CONTAIN_EXPORT_SLOW_MS;
}

const char *
contain_export_name(enum contain_export e)
{
	return e == CONTAIN_EXPORT_ON ? "on" : e == CONTAIN_EXPORT_OFF ? "off" : "unknown";
}

enum contain_export
contain_export_parse(const char *name)
{
	if (name != NULL && strcmp(name, "on") == 0)
		return CONTAIN_EXPORT_ON;
	if (name != NULL && strcmp(name, "off") == 0)
		return CONTAIN_EXPORT_OFF;
	return CONTAIN_EXPORT_UNKNOWN;
}

enum contain_export
contain_export_counted(enum contain_export seen, bool rollout_open)
{
	/* One answer from whichever pod the Service picked says little while
	 * old and new pods both serve. */
	return seen == CONTAIN_EXPORT_OFF && rollout_open ? CONTAIN_EXPORT_ON : seen;
}

bool
contain_is_killswitch(const char *action)
{
	size_t n;

	if (action == NULL)
		return false;
	n = strlen(action);
	return n >= 10 && strcmp(action + n - 10, "killswitch") == 0;
}

static const char *
str_of(const cJSON *o, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

static void
set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = s != NULL ? xstrdup(s) : NULL;
}

static size_t
host_slot(struct contain *c, const char *host)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->v[i].host, host) == 0)
			return i;
	c->v = xrealloc(c->v, (c->n + 1) * sizeof(*c->v));
	memset(&c->v[c->n], 0, sizeof(c->v[0]));
	c->v[c->n].host = xstrdup(host);
	return c->n++;
}

/* Whether a kill switch's "to" (KEY=VALUE, or the value) is off. */
static bool
to_off(const char *to)
{
	const char *eq = strrchr(to, '=');

	return strcasecmp(eq != NULL ? eq + 1 : to, "off") == 0;
}

/* Whether a kill switch's plan turns exports off: its "to" is KEY=off. */
static bool
plan_off(const cJSON *data)
{
	const cJSON *plan = cJSON_GetObjectItemCaseSensitive(data, "plan");
	const char *to = str_of(plan, "to");

	if (to == NULL)
		return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(data, "off"));
	return to_off(to);
}

/* Whether a refused kill switch was to turn exports off: its plan's (or
 * its own "to") when it has one, else its confirmation's (same op); a
 * refusal that names no direction anywhere (helm's X, before any dialog)
 * is taken as off, the emergency it is there for. */
static bool
refused_off(const struct contain *c, const char *op, const cJSON *data)
{
	size_t i;

	if (cJSON_GetObjectItemCaseSensitive(data, "plan") != NULL)
		return plan_off(data);
	if (str_of(data, "to") != NULL)
		return to_off(str_of(data, "to"));
	for (i = c->nasked; op != NULL && i-- > 0;)
		if (strcmp(c->asked[i].op, op) == 0)
			return c->asked[i].off;
	return true;
}

/* Forget ops[i], keeping the rest in intent order (the newest last). */
static void
op_drop(struct contain *c, size_t i)
{
	free(c->ops[i].op);
	free(c->ops[i].action);
	memmove(&c->ops[i], &c->ops[i + 1], (c->nops - i - 1) * sizeof(c->ops[0]));
	c->nops--;
}

static void
op_end(struct contain *c, const char *op, const cJSON *data, int64_t ts_ms)
{
	const char *outcome = str_of(data, "outcome");
	size_t i;

	for (i = 0; i < c->nops; i++) {
		struct contain_host *h;

		if (strcmp(c->ops[i].op, op) != 0)
			continue;
		/* Only a settled ok counts: failed and unknown leave it as it was.
		 * Failed is no longer in flight, yet kept: a re-read by hand may
		 * still say it took effect. */
		if (outcome == NULL || strcmp(outcome, "unknown") == 0)
			return;
		if (strcmp(outcome, "ok") != 0) {
			c->ops[i].settled = true;
			return;
		}
		h = &c->v[c->ops[i].host];
		h->restored = !c->ops[i].off;
		if (c->ops[i].off) {
			h->ks_off_ok = true;
			h->refused_open = false;
			h->off_ms = ts_ms;
			set_str(&h->off_action, c->ops[i].action);
			set_str(&h->off_op, op);
			h->restored_ms = 0;
		} else {
			/* Back on by the engineer's choice: nothing left off here. */
			h->restored_ms = ts_ms;
			h->off_ms = 0;
			set_str(&h->off_action, NULL);
			set_str(&h->off_op, NULL);
		}
		op_drop(c, i);
		return;
	}
}

/* The restore's choice of exports on ends: a later kill switch asked to
 * turn them off. */
static void
restore_end(struct contain_host *h)
{
	h->restored = false;
	h->restored_ms = 0;
}

void
contain_fold(struct contain *c, const char *kind, const char *host, const char *op,
    const cJSON *data, int64_t ts_ms)
{
	struct contain_host *h;
	const char *action = str_of(data, "action");

	badrel_fold(&c->rel, kind, host, data, ts_ms);
	if ((strcmp(kind, "action.end") == 0 || strcmp(kind, "action.reconcile") == 0) &&
	    op != NULL) {
		op_end(c, op, data, ts_ms);
		return;
	}
	if (host == NULL)
		return;
	if (strcmp(kind, "action.intent") == 0 && contain_is_killswitch(action) && op != NULL) {
		size_t k = host_slot(c, host);

		c->v[k].ks_asked = true;
		c->v[k].off_asked |= plan_off(data);
		/* Asked to turn exports off again: the engineer no longer chose
		 * them on, whatever this switch's end (a FAILED one may leave
		 * them on: that is a leak, not the restore). */
		if (plan_off(data))
			restore_end(&c->v[k]);
		c->ops = xrealloc(c->ops, (c->nops + 1) * sizeof(*c->ops));
		c->ops[c->nops++] = (struct contain_op){ .op = xstrdup(op), .host = k,
			.off = plan_off(data), .action = xstrdup(action) };
	} else if (strcmp(kind, "action.confirmed") == 0 && contain_is_killswitch(action) &&
	    op != NULL && str_of(data, "to") != NULL) {
		c->asked = xrealloc(c->asked, (c->nasked + 1) * sizeof(*c->asked));
		c->asked[c->nasked++] = (struct contain_asked){ xstrdup(op),
			to_off(str_of(data, "to")) };
	} else if (strcmp(kind, "action.refused") == 0 && contain_is_killswitch(action)) {
		size_t k = host_slot(c, host);  /* before c->v is read: it may move */

		h = &c->v[k];
		h->ks_asked = true;
		/* A refused restore (X turning exports back on) leaves nothing
		 * leaking that was not before: no gap to make up for. */
		if (!refused_off(c, op, data))
			return;
		h->off_asked = true;
		h->refused_open = true;
		restore_end(h);
		h->refused_ms = ts_ms;
		set_str(&h->refused_action, action);
		set_str(&h->refused_service, str_of(data, "service"));
		set_str(&h->refused_reason, str_of(data, "reason"));
	} else if (strcmp(kind, "exports.change") == 0) {
		size_t k = host_slot(c, host);

		h = &c->v[k];
		h->exports = contain_export_parse(str_of(data, "export"));
		/* Said not known (a hung /export): since the ask that went
		 * unanswered, as the console saw it. */
		h->unknown_ms = 0;
		if (h->exports == CONTAIN_EXPORT_UNKNOWN) {
			const cJSON *since = cJSON_GetObjectItemCaseSensitive(data, "since_ms");

			h->unknown_ms = cJSON_IsNumber(since) && since->valuedouble > 0 ?
			    (int64_t)since->valuedouble : ts_ms > 0 ? ts_ms : 1;
		}
		/* Off by other means (helm upgrade by hand): contained after all. */
		if (h->exports == CONTAIN_EXPORT_OFF)
			h->refused_open = false;
	}
}

bool
contain_ks_anywhere(const struct contain *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].ks_asked)
			return true;
	return false;
}

bool
contain_ks_here(const struct contain *c, const char *host)
{
	const struct contain_host *h = contain_host(c, host);

	return h != NULL && h->ks_asked;
}

bool
contain_turning_on(const struct contain *c, const struct contain_host *h)
{
	bool on = false;
	size_t i;

	/* The newest intent still open here says which way it is going. */
	for (i = 0; i < c->nops; i++)
		if (&c->v[c->ops[i].host] == h)
			on = !c->ops[i].off && !c->ops[i].settled;
	return on;
}

bool
contain_restore_holds(const struct contain *c, const struct contain_host *h)
{
	/* A release deployed since (rolled back to, or from outside the
	 * console) is not what the engineer chose exports on for. */
	return h != NULL && h->restored && badrel_host_same_since(&c->rel, h->host, h->restored_ms);
}

bool
contain_leaks_if_on(const struct contain *c, const char *host)
{
	return contain_leaks_if_on_read(c, host, NULL, 0);
}

/* The one rule behind contain_leaks_if_on_read and contain_calm_of. */
static enum contain_calm
calm_read(const struct contain *c, const char *host, const struct badrel_reading *r, size_t n)
{
	const struct contain_host *h = contain_host(c, host);
	size_t i;

	if (contain_restore_holds(c, h))
		return CONTAIN_CALM_RESTORED;
	if (h != NULL && contain_turning_on(c, h))
		return CONTAIN_CALM_TURNING_ON;
	/* Never ran the bad release, or rolled back off it: its exports
	 * are what they should be. */
	if (badrel_host_runs_bad_read(&c->rel, host, r, n) == 0)
		return CONTAIN_CALM_GOOD_RELEASE;
	for (i = 0; i < c->n; i++)
		if (c->v[i].off_asked)
			return CONTAIN_CALM_LEAK;
	return CONTAIN_CALM_NONE_OFF;
}

bool
contain_leaks_if_on_read(const struct contain *c, const char *host,
    const struct badrel_reading *r, size_t n)
{
	return calm_read(c, host, r, n) == CONTAIN_CALM_LEAK;
}

enum contain_calm
contain_calm_of(const struct contain *c, const char *host)
{
	return calm_read(c, host, NULL, 0);
}

bool
contain_refused_gap(const struct contain *c, const struct contain_host *h)
{
	/* Rolled off the bad release since: nothing left to contain there. */
	return h->refused_open && badrel_host_runs_bad(&c->rel, h->host) != 0;
}

size_t
contain_restored_words(const struct contain *c, char *buf, size_t cap)
{
	size_t i, n = 0;
	int len = 0;

	if (cap == 0)
		return 0;
	buf[0] = '\0';
	for (i = 0; i < c->n; i++) {
		if (!contain_restore_holds(c, &c->v[i]))
			continue;
		len += snprintf(buf + len, (size_t)len < cap ? cap - (size_t)len : 0, "%s%s",
		    n > 0 ? ", " : "exports restored on ", c->v[i].host);
		n++;
	}
	return n;
}

bool
contain_left_off(const struct contain_host *h)
{
	return h->off_ms != 0 && !h->restored && h->exports != CONTAIN_EXPORT_ON;
}

bool
contain_exports_unknown(const struct contain *c, const struct contain_host *h)
{
	return h->unknown_ms != 0 && h->exports == CONTAIN_EXPORT_UNKNOWN &&
	    contain_leaks_if_on(c, h->host);
}

const struct contain_host *
contain_host(const struct contain *c, const char *host)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->v[i].host, host) == 0)
			return &c->v[i];
	return NULL;
}

static bool
listed(const char *const *v, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return true;
	return false;
}

size_t
contain_resolve_words(const struct contain *c, const char *const *exporting, size_t n,
    const char *const *unknown, const int64_t *since_ms, size_t nunknown, char *buf, size_t cap)
{
	size_t i, named = 0, refused = 0;
	int64_t since = 0;
	char when[WR_TS_MAX];
	int len = 0;

	if (cap == 0)
		return 0;
	buf[0] = '\0';
	for (i = 0; i < n; i++, named++)
		len += snprintf(buf + len, (size_t)len < cap ? cap - (size_t)len : 0, "%s%s",
		    i > 0 ? ", " : "", exporting[i]);
	if (n > 0)
		len += snprintf(buf + len, (size_t)len < cap ? cap - (size_t)len : 0, " still "
		    "export%s", n == 1 ? "s" : "");
	/* Not known may be a leak as well: named as a warning, never as off. */
	for (i = 0; i < nunknown; i++, named++) {
		len += snprintf(buf + len, (size_t)len < cap ? cap - (size_t)len : 0, "%s%s",
		    i > 0 ? ", " : n > 0 ? "; " : "", unknown[i]);
		if (since_ms != NULL && since_ms[i] > 0 && (since == 0 || since_ms[i] < since))
			since = since_ms[i];
	}
	if (nunknown > 0 && since > 0) {
		record_format_ts(since, when);
		when[19] = '\0';
		len += snprintf(buf + len, (size_t)len < cap ? cap - (size_t)len : 0, ": exports "
		    "not known (no answer from /export since %s UTC)", when + 11);
	} else if (nunknown > 0)
		len += snprintf(buf + len, (size_t)len < cap ? cap - (size_t)len : 0, ": exports "
		    "not known (no answer from /export yet)");
	for (i = 0; i < c->n; i++) {
		if (!contain_refused_gap(c, &c->v[i]) || listed(exporting, n, c->v[i].host) ||
		    listed(unknown, nunknown, c->v[i].host))
			continue;
		len += snprintf(buf + len, (size_t)len < cap ? cap - (size_t)len : 0, "%s%s",
		    refused > 0 ? ", " : n + nunknown > 0 ? "; kill switch refused on " :
		    "kill switch refused on ", c->v[i].host);
		refused++;
		named++;
	}
	return named;
}

/* Up to three names of v after lead, "…" for the rest. */
static int
badge_names(char *buf, size_t cap, int len, const char *lead, const char *const *v, size_t n)
{
	size_t i;

	len += snprintf(buf + len, (size_t)len < cap ? cap - (size_t)len : 0, "%s", lead);
	for (i = 0; i < n && i < 3; i++)
		len += snprintf(buf + len, (size_t)len < cap ? cap - (size_t)len : 0, "%s%.40s",
		    i > 0 ? " " : "", v[i]);
	if (n > 3)
		len += snprintf(buf + len, (size_t)len < cap ? cap - (size_t)len : 0, " …");
	return len;
}

bool
contain_badge(const char *const *on, size_t non, const char *const *unknown, size_t nunknown,
    char *buf, size_t cap)
{
	int len = 0;

	if (cap == 0)
		return false;
	buf[0] = '\0';
	if (non == 0 && nunknown == 0)
		return false;
	len = snprintf(buf, cap, " EXPORTS");
	if (non > 0)
		len = badge_names(buf, cap, len, " ON: ", on, non);
	if (nunknown > 0)
		len = badge_names(buf, cap, len, non > 0 ? "; ?: " : " ?: ", unknown, nunknown);
	if ((size_t)len + 1 < cap)
		snprintf(buf + len, cap - (size_t)len, " ");
	return true;
}

bool
contain_badge_counts(size_t non, size_t nunknown, char *buf, size_t cap)
{
	int len;

	if (cap == 0)
		return false;
	buf[0] = '\0';
	if (non == 0 && nunknown == 0)
		return false;
	len = snprintf(buf, cap, " EXPORTS");
	if (non > 0)
		len += snprintf(buf + len, (size_t)len < cap ? cap - (size_t)len : 0, " ON: %zu host%s",
		    non, non == 1 ? "" : "s");
	if (nunknown > 0)
		len += snprintf(buf + len, (size_t)len < cap ? cap - (size_t)len : 0, "%s?: %zu%s",
		    non > 0 ? "; " : " ", nunknown, non > 0 ? "" : nunknown == 1 ? " host" : " hosts");
	if ((size_t)len + 1 < cap)
		snprintf(buf + len, cap - (size_t)len, " ");
	return true;
}

void
contain_restored_count(size_t n, char *buf, size_t cap)
{
	if (cap == 0)
		return;
	buf[0] = '\0';
	if (n > 0)
		snprintf(buf, cap, "exports restored on %zu host%s", n, n == 1 ? "" : "s");
}

void
contain_free(struct contain *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].host);
		free(c->v[i].refused_action);
		free(c->v[i].refused_service);
		free(c->v[i].refused_reason);
		free(c->v[i].off_action);
		free(c->v[i].off_op);
	}
	for (i = 0; i < c->nops; i++) {
		free(c->ops[i].op);
		free(c->ops[i].action);
	}
	for (i = 0; i < c->nasked; i++)
		free(c->asked[i].op);
	free(c->v);
	free(c->ops);
	free(c->asked);
	badrel_free(&c->rel);
	memset(c, 0, sizeof(*c));
}
