/*
 * envmark.h — HOSTS' mark for a Compose service whose .env names another
 * IMAGE_TAG than the one it runs: a plain `docker compose up -d` there
 * would bring that other tag back. The poll reads .env with the tags
 * (driver_cmd_compose_poll), so the mark follows the host whoever changed
 * it; env.check records journal the drift appearing and clearing, and
 * speak for a row the poll has not read. Pure: strings in, words out.
 */
#ifndef WARROOM_ENVMARK_H
#define WARROOM_ENVMARK_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

/* The env.check record's kind. */
#define ENVMARK_KIND "env.check"

/* What .env said of one service, with the tag it ran then: the last
 * env.check's, or the poll's reading. */
struct envmark {
	bool have;
	char env_tag[128];               /* IMAGE_TAG in .env, "(unset)" when none */
	char runs[128];                  /* the tag the service ran */
};

/* An env.check record's data for service, which runs runs, read with
 * IMAGE_TAG=value in .env ("(unset)" when .env sets none); was: the last
 * env.check of the service, or NULL, for the words of a drift that
 * clears. The caller owns it. */
cJSON *envmark_record(const char *service, const char *value, const char *runs,
    const struct envmark *was);

/* A drift in plain words, which tag runs first: "jobs runs v1.5.0-bad;
 * .env says IMAGE_TAG=v1.4.1, so a plain `up -d` would start v1.4.1". */
void envmark_words(const char *service, const char *env_tag, const char *runs, char *out,
    size_t cap);

/* Fold an env.check record's data into m, the mark of its service. */
void envmark_fold(struct envmark *m, const cJSON *data);

/* Does a service that runs runs drift from .env's IMAGE_TAG env_tag?
 * .env names a tag ("" not read, "(unset)" none) and the service runs
 * another ("" not read, or a digest: nothing to compare with). */
bool envmark_drift(const char *env_tag, const char *runs);

/* Whether the last env.check m still marks a service that runs now (""
 * when not read): it drifted, and the service runs what it ran then
 * (after a deploy since, the old read says nothing). */
bool envmark_on(const struct envmark *m, const char *now);

/* The mark a HOSTS row shows, into *out: the poll's own reading (env_tag
 * not "") against the tag the service runs now; without one, the last
 * env.check m while envmark_on. False: no mark. */
bool envmark_show(const struct envmark *m, const char *env_tag, const char *now,
    struct envmark *out);

/* Whether the poll's reading (env_tag, runs) is news to journal, m being
 * the last env.check: the drift appearing, clearing, or naming other
 * tags. A first reading that agrees, or one with nothing to compare, is
 * not. */
bool envmark_news(const struct envmark *m, const char *env_tag, const char *runs);

/* The outcome words' tail for a Compose rollback that ended OK while
 * .env still names another tag: the next plain `up -d` undoes it. */
#define ENVMARK_NOT_UPDATED ", .env NOT updated"

/* Whether an outcome record's data (action.end, action.reconcile) says
 * .env was left naming another tag than the rollback's ("env_updated":
 * false). */
bool envmark_not_updated(const cJSON *data);

/* The TAG cell of a marked row: "v1.4.1 .env!". */
void envmark_tag_cell(const char *tag, char *out, size_t cap);

/* The HOSTS detail line of a marked row (cut at 80 columns, the facts
 * first): "api-1: .env says v1.5.0-bad, api runs v1.4.1: a plain `up -d`
 * would start v1.5.0-bad in place of v1.4.1": what it would start, never
 * advice to keep the running tag. */
void envmark_detail(const char *host, const char *svc, const struct envmark *m, char *out,
    size_t cap);

/* What a command did to the services that drifted from .env's env_tag
 * before it (before[i], per names[i]; after[i] what they run since):
 * "WARNING: it brought back .env's IMAGE_TAG=v1.5.0-bad: api v1.4.1 ->
 * v1.5.0-bad, jobs …" for those now on env_tag, into out. Returns how
 * many; 0 leaves out "". */
size_t envmark_brought_back(const char *const *names, const char *const *before,
    const char *const *after, size_t n, const char *env_tag, char *out, size_t cap);

#endif
