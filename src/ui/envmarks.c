/*
 * envmarks.c — the console's side of HOSTS' .env mark (envmark.c). The
 * poll reads each Compose host's .env with its tags, so a row is marked
 * whenever .env names another IMAGE_TAG than the service runs, whoever
 * made them differ (a runbook's commands, a colleague's shell, the
 * built-in rollback before its keep-tag step). The journal's env.check
 * records (ours, an earlier session's, another console's) speak for a
 * row the poll has not read yet. The drift appearing and clearing is
 * journalled once each, never while an action on the host is still
 * running or before a read that began after its end: that action's own
 * record says what it left.
 */
#include "warroom/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/action.h"
#include "warroom/envmark.h"
#include "warroom/poller.h"
#include "warroom/record.h"
#include "warroom/timeline.h"

static void
ensure(struct app *app)
{
	if (app->envmarks == NULL)
		app->envmarks = xcalloc((size_t)app_host_rows(app) + 1, sizeof(*app->envmarks));
}

void
envmarks_apply(struct app *app, const struct record *r)
{
	const cJSON *sv = cJSON_GetObjectItemCaseSensitive(r->data, "service");
	size_t h;
	int k;

	if (strcmp(r->kind, ENVMARK_KIND) != 0 || r->host == NULL || !cJSON_IsString(sv))
		return;
	for (h = 0; h < app->cfg.nhosts && strcmp(app->cfg.hosts[h].name, r->host) != 0; h++)
		;
	if (h == app->cfg.nhosts || (k = config_service_index(&app->cfg.hosts[h],
	    sv->valuestring)) < 0)
		return;
	ensure(app);
	envmark_fold(&app->envmarks[app_config_row(app, h, k)], r->data);
	app->dirty = true;
}

bool
envmarks_on(const struct app *app, int host, int svc, struct envmark *out)
{
	static const struct envmark none;
	const struct svc_state *s;
	const struct envmark *m;

	if (host < 0 || (size_t)host >= app->cfg.nhosts || svc < 0 ||
	    svc >= app->cfg.hosts[host].nservices)
		return false;
	s = app_state(app, host, svc);       /* a screen test's :state too */
	m = app->envmarks != NULL ? &app->envmarks[app_config_row(app, (size_t)host, svc)] : &none;
	if (s == NULL || !s->have_driver)
		return envmark_show(m, "", "", out);
	return envmark_show(m, s->env_tag, s->tag, out);
}

void
envmarks_poll(struct app *app)
{
	struct wr_err err;
	size_t h;
	int k;

	/* Only a console that journals, to a healthy journal (said once,
	 * in the header, when it is not); the mark itself needs no record. */
	if (app->poller == NULL || app->tl == NULL || timeline_watching(app->tl) ||
	    timeline_read_only(app->tl) || timeline_degraded(app->tl))
		return;
	ensure(app);
	for (h = 0; h < app->cfg.nhosts; h++) {
		const struct config_host *ch = &app->cfg.hosts[h];

		/* An action on the host journals what it leaves in .env itself. */
		if (ch->driver != DRIVER_COMPOSE || actions_running_on(app, (int)h))
			continue;
		for (k = 0; k < ch->nservices; k++) {
			const struct svc_state *s = poller_state(app->poller, (int)h, k);
			struct envmark *m = &app->envmarks[app_config_row(app, h, k)];

			/* A read from before an action's end (or C-r) is old news. */
			if (s == NULL || !s->have_driver || s->tag_read_ms < s->refresh_ms ||
			    !envmark_news(m, s->env_tag, s->tag))
				continue;
			/* The record folds into m through the journal's observer. */
			if (timeline_append(app->tl, ENVMARK_KIND, ch->name, NULL,
			    envmark_record(ch->services[k], s->env_tag, s->tag, m), &err) != 0) {
				app_say(app, "%s/%s: .env drift NOT recorded: %s", ch->name,
				    ch->services[k], err.msg);
				return;
			}
		}
	}
}

void
envmarks_free(struct app *app)
{
	free(app->envmarks);
	app->envmarks = NULL;
}
