/*
 * envmarks.c — the console's side of HOSTS' .env mark (envmark.c): each
 * row's mark from the journal's env.check records (ours, an earlier
 * session's, another console's), and the reads of .env that may clear
 * it: on C-r, and after any other action on that host ends (the
 * runbook's keep-tag step is a command that edits .env). A read is
 * journalled only when it says something new, so the journal holds what
 * .env said and when, not every C-r.
 */
#include "warroom/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/action.h"
#include "warroom/envfile.h"
#include "warroom/envmark.h"
#include "warroom/plan.h"
#include "warroom/poller.h"
#include "warroom/record.h"
#include "warroom/sftp.h"
#include "warroom/ssh.h"
#include "warroom/timeline.h"

/* One read of a host's .env in flight. */
struct env_read {
	struct app *app;
	int host;
	bool say;                        /* C-r asked: the footer says what it found */
	struct sftp_job *job;
};

/* HOSTS row of host h's service svc (config order). */
static int
row_of(const struct app *app, size_t h, int svc)
{
	int row = 0;
	size_t i;

	for (i = 0; i < h; i++)
		row += app->cfg.hosts[i].nservices;
	return row + svc;
}

static void
ensure(struct app *app)
{
	if (app->envmarks == NULL)
		app->envmarks = xcalloc((size_t)app_host_rows(app) + 1, sizeof(*app->envmarks));
	if (app->env_reads == NULL)
		app->env_reads = xcalloc(app->cfg.nhosts + 1, sizeof(*app->env_reads));
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
	envmark_fold(&app->envmarks[row_of(app, h, k)], r->data);
	app->dirty = true;
}

/* The tag HOSTS reads for the row now, "" when not read. */
static const char *
running(const struct app *app, int host, int svc)
{
	const struct svc_state *s = app->poller != NULL ? poller_state(app->poller, host, svc) :
	    NULL;

	return s != NULL && s->have_driver ? s->tag : "";
}

const struct envmark *
envmarks_on(const struct app *app, int host, int svc)
{
	const struct envmark *m;

	if (app->envmarks == NULL || host < 0 || (size_t)host >= app->cfg.nhosts)
		return NULL;
	m = &app->envmarks[row_of(app, (size_t)host, svc)];
	return envmark_on(m, running(app, host, svc)) ? m : NULL;
}

static bool
host_marked(const struct app *app, int host)
{
	int k;

	for (k = 0; k < app->cfg.hosts[host].nservices; k++)
		if (envmarks_on(app, host, k) != NULL)
			return true;
	return false;
}

/* .env read: an env.check for each marked service that it tells
 * something new, and the footer says what it found. */
static void
env_read_done(const struct sftp_result *r, void *arg)
{
	struct env_read *er = arg;
	struct app *app = er->app;
	const struct config_host *h = &app->cfg.hosts[er->host];
	char value[128], said[600] = "";
	struct wr_err err;
	size_t n = 0;
	int k;

	app->env_reads[er->host] = NULL;
	if (!r->ok) {
		if (er->say)
				app_say(app, "%s: .env could not be read again (%s): HOSTS keeps its "
			    ".env! mark", h->name, r->error);
		free(er);
		return;
	}
	if (!envfile_get(r->data, r->len, "IMAGE_TAG", value, sizeof(value)))
		wr_strlcpy(value, "(unset)", sizeof(value));
	for (k = 0; k < h->nservices; k++) {
		const struct envmark *m = envmarks_on(app, er->host, k);
		const char *runs;

		if (m == NULL)
			continue;
		runs = running(app, er->host, k)[0] ? running(app, er->host, k) : m->runs;
		n += (size_t)snprintf(said + n, n < sizeof(said) ? sizeof(said) - n : 0, "%s%s %s",
		    n ? "; " : "", h->services[k], strcmp(value, runs) == 0 ||
		    strcmp(value, "(unset)") == 0 ? "agrees now" : "still differs");
		if (!envmark_changes(m, value, runs))
			continue;
		if (timeline_append(app->tl, ENVMARK_KIND, h->name, NULL,
		    envmark_record(h->services[k], value, runs), &err) != 0)
			app_say(app, "%s: .env read, NOT recorded: %s", h->name, err.msg);
	}
	if (said[0] != '\0' && er->say)
		app_say(app, "%s: .env read again: IMAGE_TAG=%s (%s)", h->name, value, said);
	free(er);
	app->dirty = true;
}

int
envmarks_recheck(struct app *app, int host, bool say)
{
	int h, started = 0;

	/* Only a console that journals: the mark follows the journal. */
	if (app->envmarks == NULL || app->pool == NULL || app->tl == NULL ||
	    timeline_watching(app->tl))
		return 0;
	for (h = host < 0 ? 0 : host; h < (int)app->cfg.nhosts && (host < 0 || h == host); h++) {
		char path[WR_PATH_MAX];
		struct env_read *er;
		struct wr_err err;

		if (app->env_reads[h] != NULL || !host_marked(app, h) ||
		    ssh_pool_session(app->pool, h) == NULL ||
		    plan_env_path(&app->cfg.hosts[h], path, sizeof(path), &err) != 0)
			continue;
		er = xmalloc(sizeof(*er));
		er->app = app;
		er->host = h;
		er->say = say;
		er->job = sftp_read_start(app->pool, h, path, ENVFILE_MAX, 15000, env_read_done, er,
		    &err);
		if (er->job == NULL) {
			free(er);
			continue;
		}
		app->env_reads[h] = er;
		started++;
	}
	return started;
}

void
envmarks_free(struct app *app)
{
	size_t h;

	for (h = 0; app->env_reads != NULL && h < app->cfg.nhosts; h++)
		if (app->env_reads[h] != NULL) {
			sftp_cancel(app->env_reads[h]->job);
			free(app->env_reads[h]);
		}
	free(app->env_reads);
	free(app->envmarks);
	app->env_reads = NULL;
	app->envmarks = NULL;
}
