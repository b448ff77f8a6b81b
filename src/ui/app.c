/*
 * app.c — small accessors over the application context.
 */
#include "warroom/app.h"

#include <stdarg.h>
#include <stdio.h>

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
