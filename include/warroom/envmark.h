/*
 * envmark.h — HOSTS' mark for a Compose service whose .env names another
 * IMAGE_TAG than the one it runs, as the console last read .env after a
 * rollback (an env.check record): a plain `docker compose up -d` there
 * would bring that other tag back. Pure: records in, words out.
 */
#ifndef WARROOM_ENVMARK_H
#define WARROOM_ENVMARK_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

/* The env.check record's kind. */
#define ENVMARK_KIND "env.check"

/* What the last env.check of one service said. */
struct envmark {
	bool have;
	char env_tag[128];               /* IMAGE_TAG in .env then, "(unset)" when none */
	char runs[128];                  /* the tag the service ran then */
};

/* An env.check record's data for service, which runs runs, read with
 * IMAGE_TAG=value in .env ("(unset)" when .env sets none); the caller
 * owns it. */
cJSON *envmark_record(const char *service, const char *value, const char *runs);

/* Fold an env.check record's data into m, the mark of its service. */
void envmark_fold(struct envmark *m, const cJSON *data);

/* Whether the mark shows while the service runs now ("" when not read):
 * .env names another tag, and the service still runs what it ran when
 * .env was read (after a deploy since, the read says nothing). */
bool envmark_on(const struct envmark *m, const char *now);

/* Whether a new read (IMAGE_TAG=value while the service runs runs) says
 * something m does not: only such a read is recorded. */
bool envmark_changes(const struct envmark *m, const char *value, const char *runs);

/* The TAG cell of a marked row: "v1.4.1 .env!". */
void envmark_tag_cell(const char *tag, char *out, size_t cap);

/* The HOSTS detail line of a marked row, what to do first (it is cut at
 * 80 columns): "api-1/api: keep IMAGE_TAG=v1.4.1 in .env: it says
 * v1.5.0-bad, which a plain `up -d` brings back; C-r re-reads it". */
void envmark_detail(const char *host, const char *svc, const struct envmark *m, char *out,
    size_t cap);

#endif
