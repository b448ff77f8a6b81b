/*
 * latedone_watch.c — the console's side of latedone.h. After each poll,
 * a k8s row whose service's latest rollback ended FAILED is held against
 * what the poller read; once that rollback's rollout is read complete at
 * its tag and revision, one action.reconcile says so and the footer tells
 * it: the host counts as rolled back from then on (cause, rbtarget and
 * the post-mortem read that record). The same for a rollback of any driver
 * the engineer settled FAILED by hand that a poll then reads at its target
 * with /readyz ready (latedone.h). The journal itself is read only when
 * a FAILED rollback not looked at yet is the latest; a console that only
 * watches writes nothing, and of two consoles one writes.
 * A helm rollback whose --wait ran out is held the same way against the
 * release's newest revision and its Deployment's pods (the poller reads
 * both for a helm host); so is one that ended UNKNOWN (quit mid-wait)
 * once a re-read found helm's revision failed by the wait.
 * ksopen_watch does the same for a k8s kill switch that ended FAILED with
 * its rollout not complete, but only in memory: until its rollout is read
 * complete, the host counts as possibly exporting and X turns exports off
 * again, never back on.
 * A kill switch this console holds (confirmed here or taken over), left
 * UNKNOWN after its re-read gave up, is held against the poller's /export
 * the same way: read whole after that, one action.reconcile settles it,
 * OK as wanted, FAILED the other way (latedone_export_pending).
 */
#include "warroom/ui.h"

#include <string.h>

#include "warroom/plan.h"
#include "warroom/poller.h"
#include "warroom/timeline.h"

/* The op of svc's latest rollback on host as the console holds the
 * journal, or NULL. */
static const char *
latest_rollback(const struct app *app, const char *host, const char *svc)
{
	size_t i;

	for (i = app->nentries; i-- > 0;) {
		const struct timeline_entry *e = &app->entries[i];

		if (e->rollback && e->op[0] != '\0' && strcmp(e->host, host) == 0 &&
		    strcmp(e->service, svc) == 0)
			return e->op;
	}
	return NULL;
}

/* Whether op's last word in the journal is still its action.end saying
 * failed: nothing settled it since, here or in another console. */
static bool
still_failed(const struct app *app, const char *op)
{
	const struct timeline_entry *o = app_outcome_record(app, op);

	/* Or the engineer's FAILED by hand after an UNKNOWN end; or UNKNOWN
	 * still (its end, or a re-read that found the revision it made). */
	return o != NULL && ((strcmp(o->outcome, "failed") == 0 &&
	    (strcmp(o->kind, "action.end") == 0 ||
	    (strcmp(o->kind, "action.reconcile") == 0 && o->by_hand))) ||
	    (strcmp(o->outcome, "unknown") == 0 && !o->by_hand));
}

/* When op's last word was said (0: none): a re-read's after an UNKNOWN
 * end may make it pending. */
static int64_t
last_word_ms(const struct app *app, const char *op)
{
	const struct timeline_entry *o = app_outcome_record(app, op);

	return o != NULL ? o->ts_ms : 0;
}

struct due {
	const struct app *app;
	const char *op;
};

/* Asked with the journal locked and caught up: another console may have
 * written it a moment ago. */
static bool
still_due(void *arg)
{
	const struct due *d = arg;

	return still_failed(d->app, d->op);
}

/* Row c's answer of lookup for op (host's service svc): its end is
 * stored, so whether it is pending changes only with its last word (an
 * UNKNOWN end's re-read may find the revision it made, or give up): one
 * look at the journal per op and last word. */
static bool
looked_up(struct app *app, struct app_latedone *c, const char *op, const char *host,
    const char *svc, bool (*lookup)(const struct record *, size_t, const char *,
    const char *, struct latedone_pending *))
{
	struct record_list list;

	if (strcmp(c->op, op) == 0 && c->word_ms == last_word_ms(app, op))
		return c->pending;
	wr_strlcpy(c->op, op, sizeof(c->op));
	c->word_ms = last_word_ms(app, op);
	c->pending = false;
	if (journal_records(app, &list) != 0)
		return false;
	c->pending = lookup(list.v, list.n, host, svc, &c->p) && strcmp(c->p.op, op) == 0;
	record_list_free(&list);
	return c->pending;
}

/* Row c of host h, service svc: is a FAILED rollback's rollout waiting,
 * looked up in the journal only when it is one not looked at yet. */
static bool
pending(struct app *app, struct app_latedone *c, int h, int svc)
{
	const struct config_host *ch = &app->cfg.hosts[h];
	const char *op = latest_rollback(app, ch->name, ch->services[svc]);

	if (op == NULL || !still_failed(app, op))
		return false;
	return looked_up(app, c, op, ch->name, ch->services[svc], latedone_pending);
}

/* One poll's reading of the row, as latedone_check takes it: complete is
 * the driver's own word (k8s: rollout complete; compose: running; helm:
 * the deployed release's tag was read). For a helm rollback whose wait
 * ran out (helm_late): the newest release revision and its Deployment. */
static void
read_of(enum config_driver d, const struct svc_state *s, bool helm_late,
    struct latedone_read *r)
{
	if (helm_late) {
		/* Both reads after the end, so the older of the two. */
		*r = (struct latedone_read){
			.tag = s->helm_newest_tag, .revision = s->helm_newest_rev,
			.release_status = s->helm_newest_status,
			.deploy_tag = s->deploy_read ? s->deploy_tag : "",
			.desired = s->desired, .ready = s->ready, .updated = s->updated,
			.complete = s->deploy_read && s->deploy_complete, .state = s->state,
			.available_ms = strcmp(s->progressed_why, "NewReplicaSetAvailable") == 0 ?
			    s->progressed_ms : 0,
			.read_ms = s->deploy_read && s->deploy_read_ms < s->tag_read_ms ?
			    s->deploy_read_ms : s->tag_read_ms,
		};
		return;
	}
	*r = (struct latedone_read){
		.tag = s->tag, .rs_tag = s->rs_tag, .revision = s->revision,
		.desired = s->desired, .ready = s->ready, .updated = s->updated,
		.complete = d == DRIVER_K8S ? strcmp(s->health, "complete") == 0 :
		    d == DRIVER_COMPOSE ? strcmp(s->state, "running") == 0 : true,
		.state = s->state,
		.readyz_ok = s->have_probe && s->readyz.health == PROBE_OK,
		.readyz_ms = s->readyz_sent_ms,
		.available_ms = strcmp(s->progressed_why, "NewReplicaSetAvailable") == 0 ?
		    s->progressed_ms : 0,
		.read_ms = s->tag_read_ms,
		.export_env = s->export_env,
	};
}

/* Journal what c's reading r found (latedone_record, done at done) and
 * say it; an UNKNOWN action this console holds is settled by it. */
static void
settle(struct app *app, struct app_latedone *c, const struct latedone_read *r, int64_t done)
{
	char said[400], reason[400];
	struct wr_err err;
	struct due due;
	cJSON *d;
	int rc;

	c->pending = false;      /* said once, whatever happens next */
	d = latedone_record(&c->p, r, done);
	wr_strlcpy(said, cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(d, "summary")),
	    sizeof(said));
	/* The action's own words: a kill switch's name what /export read. */
	wr_strlcpy(reason, c->p.export_wait ? cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(d, "reason")) : said, sizeof(reason));
	due = (struct due){ app, c->op };
	/* d is consumed. */
	rc = timeline_append_keep_if(app->tl, "action.reconcile", c->p.host, c->p.op, d,
	    still_due, &due, &err);
	if (rc == 0 || rc == 1) {
		/* An UNKNOWN one held here is settled by it; a kill switch's
		 * outcome, said by that, already names what /export read. */
		if (c->p.unknown && actions_rollout_completed(app, c->p.op, reason) &&
		    c->p.export_wait && rc == 0)
			return;
		app_say(app, "%s%s%s%s", said, rc == 1 ? " (not stored yet: " : "",
		    rc == 1 ? err.msg : "", rc == 1 ? ")" : "");
	}
	else if (rc < 0)
		app_say(app, "%s%s, but it is NOT recorded: %s", c->p.host,
		    c->p.export_wait ? "'s /export was read" : c->p.by_hand ?
		    " reached its rollback's target" : "'s rollout completed", err.msg);
}

static void export_watch(struct app *app);

void
latedone_watch(struct app *app)
{
	int rows = app_host_rows(app), row = 0, k;
	size_t h;

	if (app->tl == NULL || timeline_watching(app->tl) || app->poller == NULL ||
	    timeline_degraded(app->tl) || timeline_read_only(app->tl))
		return;
	if (app->latedone == NULL)
		app->latedone = xcalloc((size_t)rows + 1, sizeof(*app->latedone));
	for (h = 0; h < app->cfg.nhosts; h++)
		for (k = 0; k < app->cfg.hosts[h].nservices; k++, row++) {
			struct app_latedone *c = &app->latedone[row];
			const struct svc_state *s = app_state(app, (int)h, k);
			struct latedone_read r;
			int64_t done;

			/* A failed read says nothing of now. A rollout's FAILED is
			 * k8s's or a helm --wait's; a FAILED by hand, any driver's. */
			if (s == NULL || !s->have_driver || s->driver_error[0] != '\0' ||
			    (app->cfg.hosts[h].driver == DRIVER_K8S &&
			    strcmp(s->health, "complete") != 0) || !pending(app, c, (int)h, k) ||
			    (app->cfg.hosts[h].driver == DRIVER_COMPOSE && !c->p.by_hand))
				continue;
			read_of(app->cfg.hosts[h].driver, s, app->cfg.hosts[h].driver == DRIVER_HELM &&
			    !c->p.by_hand, &r);
			if (latedone_check(&c->p, &r, &done))
				settle(app, c, &r, done);
		}
	export_watch(app);
}

/* host's last kill-switch (killswitch) or rollback entry with an op, as
 * the console holds the journal, or NULL. */
static const struct timeline_entry *
latest_action(const struct app *app, const char *host, bool killswitch)
{
	size_t i;

	for (i = app->nentries; i-- > 0;) {
		const struct timeline_entry *e = &app->entries[i];

		if ((killswitch ? e->killswitch : e->rollback) && e->op[0] != '\0' &&
		    strcmp(e->host, host) == 0)
			return e;
	}
	return NULL;
}

/* The op of host's last kill switch, or NULL. */
static const char *
latest_killswitch(const struct app *app, const char *host)
{
	const struct timeline_entry *e = latest_action(app, host, true);

	return e != NULL ? e->op : NULL;
}

/* When host's last rollback began (its intent), 0 when none. */
static int64_t
latest_rollback_ms(const struct app *app, const char *host)
{
	const struct timeline_entry *e = latest_action(app, host, false);

	return e != NULL ? e->ts_ms : 0;
}

/* Whether op's last word leaves it open: FAILED (its end, or by hand
 * after UNKNOWN) or still UNKNOWN (its end, or a re-read that gave up);
 * *at_ms: that word's time. */
static bool
still_open(const struct app *app, const char *op, int64_t *at_ms)
{
	const struct timeline_entry *o = app_outcome_record(app, op);

	if (o == NULL)
		return false;
	*at_ms = o->ts_ms;
	return still_failed(app, op) || (strcmp(o->outcome, "unknown") == 0 && !o->by_hand);
}

void
ksopen_watch(struct app *app)
{
	size_t h;
	int k;

	if (app->tl == NULL)
		return;
	if (app->ksopen == NULL)
		app->ksopen = xcalloc(app->cfg.nhosts + 1, sizeof(*app->ksopen));
	for (h = 0; h < app->cfg.nhosts; h++) {
		struct app_ksopen *c = &app->ksopen[h];
		const struct config_host *ch = &app->cfg.hosts[h];
		const char *op;
		struct record_list list;
		int64_t at = 0, rb;

		if (ch->driver != DRIVER_K8S)
			continue;
		op = latest_killswitch(app, ch->name);
		/* Settled since (U, a re-read) or a newer one: as it says. */
		if (op == NULL || !still_open(app, op, &at)) {
			c->open = false;
			c->op[0] = '\0';
			continue;
		}
		rb = latest_rollback_ms(app, ch->name);
		if (strcmp(c->op, op) != 0 || c->end_ms != at || c->rb_ms != rb) {
			/* Looked up again only when its last word or the host's
			 * last rollback is new: a re-read's revision, an undo. */
			wr_strlcpy(c->op, op, sizeof(c->op));
			c->end_ms = at;
			c->rb_ms = rb;
			c->open = false;
			if (journal_records(app, &list) == 0) {
				c->open = latedone_ks_pending(list.v, list.n, ch->name, &c->p) &&
				    strcmp(c->p.op, op) == 0;
				record_list_free(&list);
			}
		}
		if (!c->open)
			continue;
		for (k = 0; k < ch->nservices; k++) {
			const struct svc_state *s = app_state(app, (int)h, k);
			struct latedone_read r;
			int64_t done;

			if (strcmp(ch->services[k], c->p.service) != 0 || s == NULL ||
			    !s->have_driver || s->driver_error[0] != '\0' ||
			    strcmp(s->health, "complete") != 0)
				continue;
			read_of(ch->driver, s, false, &r);
			/* The rollback's completion rule, never a second one. */
			if (latedone_check(&c->p, &r, &done))
				c->open = false;
		}
	}
}

bool
app_ks_rollout_open(const struct app *app, int h)
{
	return app->ksopen != NULL && h >= 0 && (size_t)h < app->cfg.nhosts &&
	    app->ksopen[h].open;
}

const char *
app_ks_open_why(const struct app *app, int h)
{
	const struct latedone_pending *p;

	if (!app_ks_rollout_open(app, h))
		return NULL;
	p = &app->ksopen[h].p;
	return p->superseded ? PLAN_KS_RB_WHY : p->unknown ? PLAN_KS_UNKNOWN_WHY :
	    PLAN_KS_OPEN_WHY;
}

/* Row c of host h, service svc: is the host's last kill switch, of svc,
 * UNKNOWN with its re-read given up, and held by this console? Looked up
 * in the journal once per kill switch and last word, as pending(). */
static bool
export_pending(struct app *app, struct app_latedone *c, int h, int svc)
{
	const struct config_host *ch = &app->cfg.hosts[h];
	const char *op = latest_killswitch(app, ch->name);

	/* The console that confirmed it or took it over says, no other. */
	if (op == NULL || !still_failed(app, op) || !actions_hold_op(app, op))
		return false;
	return looked_up(app, c, op, ch->name, ch->services[svc], latedone_export_pending);
}

/* Whether host h's kill switch c, k8s, had its rollout read complete
 * (ksopen_watch, looking at the same last word: it runs after this);
 * compose has none to wait for. */
static bool
rollout_read(const struct app *app, int h, const struct app_latedone *c)
{
	const struct app_ksopen *o;

	if (app->cfg.hosts[h].driver != DRIVER_K8S)
		return true;
	if (app->ksopen == NULL)
		return false;
	o = &app->ksopen[h];
	return strcmp(o->op, c->op) == 0 && o->end_ms == c->word_ms && !o->open;
}

/* A kill switch left UNKNOWN after its re-read gave up: the poller's
 * /export, read whole since, settles it (latedone_export_pending). A k8s
 * one whose rollout is not read complete waits for that first: until
 * then old pods may answer /export, so off proves nothing. */
static void
export_watch(struct app *app)
{
	int rows = app_host_rows(app), row = 0, k;
	size_t h;

	if (app->latekill == NULL)
		app->latekill = xcalloc((size_t)rows + 1, sizeof(*app->latekill));
	for (h = 0; h < app->cfg.nhosts; h++)
		for (k = 0; k < app->cfg.hosts[h].nservices; k++, row++) {
			struct app_latedone *c = &app->latekill[row];
			const struct svc_state *s = app_state(app, (int)h, k);
			struct latedone_read r = { 0 };
			int64_t done;

			if (s == NULL || !export_pending(app, c, (int)h, k) ||
			    !rollout_read(app, (int)h, c))
				continue;
			r.export_said = s->export_state;
			r.export_ms = s->export_sent_ms;
			if (latedone_check(&c->p, &r, &done))
				settle(app, c, &r, done);
		}
}
