/*
 * envmark.c — the mark HOSTS puts on a Compose service whose .env names
 * another IMAGE_TAG than it runs. Whoever set the running tag from the
 * environment (the built-in rollback before its keep-tag step, a
 * runbook's `IMAGE_TAG=… up -d`, a colleague's shell) left .env behind,
 * and the next plain `up -d` by anyone re-deploys .env's tag, hours
 * later. The poll reads .env with the tags, so the mark is the host's
 * state, not what the console remembers doing; the journal gets one
 * env.check when the drift appears and one when it clears, and the last
 * one marks a row the poll has not read yet (a restart, a watcher).
 */
#include "warroom/envmark.h"

#include <stdio.h>
#include <string.h>

#include "warroom/util.h"

#define UNSET "(unset)"

bool
envmark_drift(const char *env_tag, const char *runs)
{
	if (env_tag[0] == '\0' || strcmp(env_tag, UNSET) == 0 || runs[0] == '\0' ||
	    strncmp(runs, "sha256:", 7) == 0)
		return false;
	return strcmp(env_tag, runs) != 0;
}

bool
envmark_not_updated(const cJSON *data)
{
	return data != NULL && cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(data,
	    "env_updated"));
}

cJSON *
envmark_record(const char *service, const char *value, const char *runs,
    const struct envmark *was)
{
	cJSON *d = cJSON_CreateObject();
	bool agrees = !envmark_drift(value, runs);
	bool cleared = agrees && was != NULL && was->have && envmark_drift(was->env_tag, was->runs);
	char summary[700];

	if (strcmp(value, UNSET) == 0)
		snprintf(summary, sizeof(summary), ".env sets no IMAGE_TAG; %.128s runs %.128s",
		    service, runs);
	else if (!agrees)
		envmark_words(service, value, runs, summary, sizeof(summary));
	else if (cleared && strcmp(runs, was->runs) != 0)
		/* The service moved to .env's tag: a plain `up -d`, or a deploy. */
		snprintf(summary, sizeof(summary), "%.64s %.128s -> %.128s, the tag .env names "
		    "(IMAGE_TAG=%.128s)", service, was->runs, runs, value);
	else if (cleared)
		snprintf(summary, sizeof(summary), ".env says IMAGE_TAG=%.128s now (was %.128s), as "
		    "%.64s runs", value, was->env_tag, service);
	else
		snprintf(summary, sizeof(summary), ".env says IMAGE_TAG=%.128s, as %.128s runs",
		    value, service);
	cJSON_AddStringToObject(d, "service", service);
	cJSON_AddStringToObject(d, "env_image_tag", value);
	cJSON_AddStringToObject(d, "runs", runs);
	cJSON_AddBoolToObject(d, "agrees", agrees);
	cJSON_AddStringToObject(d, "summary", summary);
	return d;
}

/* Which tag .env would start is not always the bad one coming back
 * (after a rollback by hand it is the good one): said as what it is. */
void
envmark_words(const char *service, const char *env_tag, const char *runs, char *out,
    size_t cap)
{
	snprintf(out, cap, "%.64s runs %.128s; .env says IMAGE_TAG=%.128s, so a plain `up -d` "
	    "would start %.128s", service, runs, env_tag, env_tag);
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
	if (!m->have || !envmark_drift(m->env_tag, m->runs))
		return false;
	return now[0] == '\0' || strcmp(now, m->runs) == 0;
}

bool
envmark_show(const struct envmark *m, const char *env_tag, const char *now,
    struct envmark *out)
{
	if (env_tag[0] != '\0') {
		out->have = true;
		wr_strlcpy(out->env_tag, env_tag, sizeof(out->env_tag));
		wr_strlcpy(out->runs, now, sizeof(out->runs));
		return envmark_drift(env_tag, now);
	}
	if (!envmark_on(m, now))
		return false;
	*out = *m;
	return true;
}

bool
envmark_news(const struct envmark *m, const char *env_tag, const char *runs)
{
	bool now = envmark_drift(env_tag, runs), was;

	/* Nothing to compare: no news, whatever the journal said. */
	if (env_tag[0] == '\0' || runs[0] == '\0' || strncmp(runs, "sha256:", 7) == 0)
		return false;
	if (!m->have)
		return now;
	was = envmark_drift(m->env_tag, m->runs);
	if (now != was)
		return true;
	return now && (strcmp(env_tag, m->env_tag) != 0 || strcmp(runs, m->runs) != 0);
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
	/* What up -d would do, not what would keep the running tag: for a
	 * service left on the bad tag that read as advice to keep it. */
	snprintf(out, cap, "%s: .env says %s, %s runs %s: a plain `up -d` would start %s "
	    "in place of %s", host, m->env_tag, svc, m->runs, m->env_tag, m->runs);
}

size_t
envmark_brought_back(const char *const *names, const char *const *before,
    const char *const *after, size_t n, const char *env_tag, char *out, size_t cap)
{
	size_t i, k = 0, o;

	if (cap == 0)
		return 0;
	o = (size_t)snprintf(out, cap, "WARNING: it brought back .env's IMAGE_TAG=%s: ", env_tag);
	for (i = 0; i < n; i++) {
		if (!envmark_drift(env_tag, before[i]) || strcmp(after[i], env_tag) != 0)
			continue;
		if (o < cap)
			o += (size_t)snprintf(out + o, cap - o, "%s%s %s -> %s", k ? ", " : "",
			    names[i], before[i], after[i]);
		k++;
	}
	if (k == 0)
		out[0] = '\0';
	return k;
}
