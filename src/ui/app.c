/*
 * app.c — small accessors over the application context.
 */
#include "warroom/app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/export.h"
#include "warroom/record.h"

#define STATUS_SECONDS 6

time_t
app_now(const struct app *app)
{
	return app->fake_clock ? app->fake_now : time(NULL);
}

void
app_say(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->status, sizeof(app->status), fmt, ap);
	va_end(ap);
	app->status_until = app_now(app) + STATUS_SECONDS;
	app->dirty = true;
}

int
app_host_rows(const struct app *app)
{
	size_t i;
	int n = 0;

	for (i = 0; i < app->cfg.nhosts; i++)
		n += app->cfg.hosts[i].nservices;
	return n;
}

void
app_add_record(struct app *app, const struct record *r)
{
	struct timeline_entry *e;
	const cJSON *outcome;

	if (app->nentries == app->capentries) {
		app->capentries = app->capentries ? app->capentries * 2 : 64;
		app->entries = xrealloc(app->entries, app->capentries * sizeof(*app->entries));
	}
	e = &app->entries[app->nentries++];
	e->ts_ms = r->ts_ms;
	wr_strlcpy(e->kind, r->kind, sizeof(e->kind));
	outcome = cJSON_GetObjectItemCaseSensitive(r->data, "outcome");
	wr_strlcpy(e->outcome, cJSON_IsString(outcome) ? outcome->valuestring : "",
	    sizeof(e->outcome));
	e->text = export_details(r, &app->red);
	if (strcmp(r->kind, "incident.open") == 0 || app->incident_start_ms == 0)
		app->incident_start_ms = r->ts_ms;
	app->dirty = true;
}

void
app_free_entries(struct app *app)
{
	size_t i;

	for (i = 0; i < app->nentries; i++)
		free(app->entries[i].text);
	free(app->entries);
	app->entries = NULL;
	app->nentries = app->capentries = 0;
}
