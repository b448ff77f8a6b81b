/*
 * envmark.c — the mark HOSTS puts on a Compose service whose .env still
 * names another IMAGE_TAG than it runs. A rollback runs the target with
 * IMAGE_TAG from the environment; when .env keeps the old tag (the keep
 * step refused, failed, or never planned; an UNKNOWN re-read), the next
 * plain `up -d` by anyone re-deploys it, hours later. The outcome says so
 * once; this mark stays on the row until a read of .env agrees. Every
 * read the console makes is an env.check record, so a resumed console
 * and one following the journal show the same mark.
 */
#include "warroom/envmark.h"

#include <stdio.h>
#include <string.h>

#include "warroom/util.h"

#define UNSET "(unset)"

cJSON *
envmark_record(const char *service, const char *value, const char *runs)
{
	cJSON *d = cJSON_CreateObject();
	bool agrees = strcmp(value, runs) == 0 || strcmp(value, UNSET) == 0;
	char summary[700];

	if (strcmp(value, UNSET) == 0)
		snprintf(summary, sizeof(summary), ".env sets no IMAGE_TAG; %.128s runs %.128s",
		    service, runs);
	else if (agrees)
		snprintf(summary, sizeof(summary), ".env says IMAGE_TAG=%.128s, as %.128s runs",
		    value, service);
	else
		snprintf(summary, sizeof(summary), ".env says IMAGE_TAG=%.128s but %.64s runs "
		    "%.128s: a plain `up -d` brings %.128s back", value, service, runs, value);
	cJSON_AddStringToObject(d, "service", service);
	cJSON_AddStringToObject(d, "env_image_tag", value);
	cJSON_AddStringToObject(d, "runs", runs);
	cJSON_AddBoolToObject(d, "agrees", agrees);
	cJSON_AddStringToObject(d, "summary", summary);
	return d;
}

void
envmark_fold(struct envmark *m, const cJSON *data)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(data, "env_image_tag");
	const cJSON *r = cJSON_GetObjectItemCaseSensitive(data, "runs");

	if (!cJSON_IsString(v) || !cJSON_IsString(r))
		return;
	m->have = true;
	wr_strlcpy(m->env_tag, v->valuestring, sizeof(m->env_tag));
	wr_strlcpy(m->runs, r->valuestring, sizeof(m->runs));
}

bool
envmark_on(const struct envmark *m, const char *now)
{
	if (!m->have || strcmp(m->env_tag, UNSET) == 0 || strcmp(m->env_tag, m->runs) == 0)
		return false;
	return now[0] == '\0' || strcmp(now, m->runs) == 0;
}

bool
envmark_changes(const struct envmark *m, const char *value, const char *runs)
{
	return !m->have || strcmp(m->env_tag, value) != 0 || strcmp(m->runs, runs) != 0;
}

void
envmark_tag_cell(const char *tag, char *out, size_t cap)
{
	snprintf(out, cap, "%s .env!", tag);
}

void
envmark_detail(const char *host, const char *svc, const struct envmark *m, char *out,
    size_t cap)
{
	snprintf(out, cap, "%s/%s: keep IMAGE_TAG=%s in .env: it says %s, which a plain `up -d` "
	    "brings back; C-r re-reads it", host, svc, m->runs, m->env_tag);
}
