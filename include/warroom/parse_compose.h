/*
 * parse_compose.h — `docker compose ps -a --format json` read into one
 * struct per container. Both shapes Compose has printed are accepted: a
 * JSON array (before v2.21) and one object per line (v2.21 on); no
 * containers prints nothing at all, which is a valid, empty answer.
 */
#ifndef WARROOM_PARSE_COMPOSE_H
#define WARROOM_PARSE_COMPOSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/config.h"
#include "warroom/parse.h"
#include "warroom/util.h"

#define WR_COMPOSE_MAX 1024              /* containers accepted in one answer */

enum compose_shape {
	COMPOSE_SHAPE_EMPTY,             /* nothing but whitespace */
	COMPOSE_SHAPE_ARRAY,             /* Compose < v2.21 */
	COMPOSE_SHAPE_LINES,             /* Compose >= v2.21 */
};

struct compose_container {
	char service[WR_NAME_MAX];       /* "Service" */
	char name[128];                  /* "Name" (container name) */
	char image[WR_IMAGE_MAX];        /* "Image", "" when absent (old Compose) */
	char tag[WR_TAG_MAX];            /* from image: "v1.4.1", "latest", "" */
	char digest[WR_DIGEST_MAX];      /* from image: "sha256:…" or "" */
	char state[32];                  /* running exited restarting paused created dead removing */
	char health[32];                 /* healthy unhealthy starting or "" */
	int exit_code;                   /* "ExitCode", 0 when absent */
	int restarts;                    /* "RestartCount" when present, else -1 */
	char status[128];                /* "Status" text, "Up 10 minutes (healthy)" */
	int64_t created_ms;              /* "CreatedAt" (or "Created", old Compose),
	                                    epoch ms; 0 when absent or unreadable */
};

struct compose_ps {
	enum compose_shape shape;
	struct compose_container *items;
	size_t n;
};

/* Parse ps output into out (free with parse_compose_free). Returns 0, or
 * -1 with "compose ps: line N: …" in err and out left empty. */
int parse_compose_ps(const char *buf, size_t len, struct compose_ps *out,
    struct wr_err *err);

/* Release what parse_compose_ps allocated; out is left empty. */
void parse_compose_free(struct compose_ps *ps);

/* The last answer parse_compose_ps_memo read and its result: an idle
 * fleet prints the same ps answer poll after poll, so it is parsed once. */
struct compose_ps_memo {
	char *buf;                       /* the answer's bytes, as read */
	size_t len;
	struct compose_ps ps;            /* what they parsed to */
	bool valid;
};

/* parse_compose_ps, except that an answer byte for byte the memo's last
 * gives that result again unparsed. *out points into memo, valid until the
 * next call; on -1 (err set) the memo is emptied. */
int parse_compose_ps_memo(struct compose_ps_memo *memo, const char *buf, size_t len,
    const struct compose_ps **out, struct wr_err *err);

/* Release what the memo holds; it is left empty (and reusable). */
void parse_compose_memo_free(struct compose_ps_memo *memo);

/* The first container of service svc, or NULL. */
const struct compose_container *parse_compose_find(const struct compose_ps *ps,
    const char *svc);

/* Why svc has no container in ps, in words for its row: the services the
 * project has, and the one meant when a name is close (a typo in
 * services = reads as a vanished container otherwise). */
void parse_compose_absent_why(const struct compose_ps *ps, const char *svc, char *out,
    size_t cap);

/* Split driver_cmd_compose_poll's answer: compose ps's begins at
 * *ps_off, and .env's IMAGE_TAG before it goes into env ("(unset)" when
 * no line assigns it a value). False, env "" and *ps_off 0, when the answer has
 * no .env part (a command without it). */
bool parse_compose_env(const char *buf, size_t len, size_t *ps_off, char *env, size_t cap);

/* One line of driver_cmd_compose_restarts' answer: a container as
 * `docker inspect` sees it. */
struct compose_restart {
	char id[65];                     /* hex, as printed: 64 long, or 12+ if cut */
	char service[WR_NAME_MAX];       /* compose's service label; "<no value>" if none */
	int count;                       /* RestartCount, >= 0 */
	int64_t started;                 /* State.StartedAt, epoch s; 0: never started */
};

struct compose_restarts {
	struct compose_restart *items;
	size_t n;
};

/* Parse "<id> <count> <startedAt> <service>" lines into out (free with
 * parse_compose_restarts_free). Blank output is a valid, empty answer.
 * Any line that does not read makes the whole answer -1 with "docker
 * inspect: line N: …" in err, out empty: a count is never guessed. */
int parse_compose_restarts(const char *buf, size_t len, struct compose_restarts *out,
    struct wr_err *err);

/* Release what parse_compose_restarts allocated; out is left empty. */
void parse_compose_restarts_free(struct compose_restarts *rs);

#endif
