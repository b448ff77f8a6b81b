/*
 * parse_compose.c — `docker compose ps -a --format json` → containers.
 *
 * Compose printed one JSON array until v2.21 and one object per line since
 * (compose#10918); zero containers print nothing. Both are read with
 * cJSON_ParseWithLengthOpts in a loop, so the same code takes a whole
 * array or a run of objects, and a broken object is named by its line.
 * Field names follow the docs and the recorded shapes: ID Name Image
 * Project Service State Status Health ExitCode, the creation time
 * (CreatedAt's text, or Created's seconds before v2.21) (+ RestartCount
 * if a version prints it). Missing or mistyped fields read as empty; an
 * object with no "Service" is an error, since nothing can be shown for it.
 *
 * Restart counts come from `docker inspect --format` lines instead (see
 * driver_cmd_compose_restarts): one container per line, four fields, the
 * service last since it is the one field a template could leave empty.
 *
 * The poll's answer begins with .env's IMAGE_TAG lines and a mark line
 * (driver_cmd_compose_poll); parse_compose_env splits them off.
 */
#include "warroom/parse_compose.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/driver_cmd.h"
#include "warroom/envfile.h"

static size_t
skip_space(const char *buf, size_t len, size_t pos)
{
	while (pos < len && (buf[pos] == ' ' || buf[pos] == '\t' ||
	    buf[pos] == '\n' || buf[pos] == '\r'))
		pos++;
	return pos;
}

/* Go's time.Time.String() as docker ps prints CreatedAt ("2024-02-01
 * 10:00:00 +0100 CET", a fraction possible) as epoch ms; 0 when it is not
 * that. The zone's name is ignored: the offset before it says it all. */
static int64_t
go_time_ms(const char *s)
{
	char iso[48];
	const char *sp = strchr(s, ' '), *off;
	size_t n;
	int64_t secs;
	int ms;

	/* "YYYY-MM-DD HH:MM:SS[.frac]" then " +hhmm": made RFC 3339. */
	if (sp == NULL || (off = strchr(sp + 1, ' ')) == NULL)
		return 0;
	n = (size_t)(off - s);
	if (n + 7 > sizeof(iso) || (off[1] != '+' && off[1] != '-') ||
	    strspn(off + 2, "0123456789") < 4)
		return 0;
	memcpy(iso, s, n);
	snprintf(iso + n, sizeof(iso) - n, "%c%.2s:%.2s", off[1], off + 2, off + 4);
	if (!wr_parse_rfc3339(iso, strlen(iso), &secs, &ms) || secs <= 0)
		return 0;
	return secs * 1000 + ms;
}

/* When the container was created: "CreatedAt" (Compose >= v2.21, docker
 * ps's text) or "Created" (before, Unix seconds); 0 when neither reads. */
static int64_t
created_ms(const cJSON *o)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, "Created");
	char at[64];

	if (parse_json_member(o, "CreatedAt", at, sizeof(at)) && go_time_ms(at) > 0)
		return go_time_ms(at);
	if (cJSON_IsNumber(n) && n->valuedouble > 0 && n->valuedouble < 1e11)
		return (int64_t)n->valuedouble * 1000;
	return 0;
}

static int
add_container(struct compose_ps *ps, const cJSON *o, int line, size_t elem,
    struct wr_err *err)
{
	struct compose_container *c;
	struct parse_image img;
	char where[48];

	if (elem > 0)
		snprintf(where, sizeof(where), "element %zu", elem);
	else
		snprintf(where, sizeof(where), "line %d", line);
	if (!cJSON_IsObject(o))
		return wr_err_set(err, "compose ps: %s: not an object", where);
	if (ps->n >= WR_COMPOSE_MAX)
		return wr_err_set(err, "compose ps: more than %d containers", WR_COMPOSE_MAX);
	ps->items = xrealloc(ps->items, (ps->n + 1) * sizeof(*ps->items));
	c = &ps->items[ps->n];
	memset(c, 0, sizeof(*c));
	if (!parse_json_member(o, "Service", c->service, sizeof(c->service)) ||
	    c->service[0] == '\0')
		return wr_err_set(err, "compose ps: %s: no \"Service\"", where);
	parse_json_member(o, "Name", c->name, sizeof(c->name));
	parse_json_member(o, "Image", c->image, sizeof(c->image));
	parse_json_member(o, "State", c->state, sizeof(c->state));
	parse_json_member(o, "Health", c->health, sizeof(c->health));
	parse_json_member(o, "Status", c->status, sizeof(c->status));
	c->exit_code = parse_json_int(o, "ExitCode", 0);
	c->restarts = parse_json_int(o, "RestartCount", -1);
	c->created_ms = created_ms(o);
	if (c->image[0] != '\0') {
		parse_image_split(c->image, &img);
		wr_strlcpy(c->tag, img.tag, sizeof(c->tag));
		wr_strlcpy(c->digest, img.digest, sizeof(c->digest));
	}
	ps->n++;
	return 0;
}

static int
not_json(const char *buf, size_t len, size_t start, const char *what,
    struct wr_err *err)
{
	char ex[200];
	size_t ls = start;

	while (ls > 0 && buf[ls - 1] != '\n')
		ls--;
	parse_excerpt(buf + ls, len - ls, ex, sizeof(ex));
	return wr_err_set(err, "compose ps: line %d: %s: %s",
	    parse_line_of(buf, start), what, ex);
}

static int
parse_array(const char *buf, size_t len, size_t pos, struct compose_ps *ps,
    struct wr_err *err)
{
	const char *end = NULL;
	cJSON *arr = cJSON_ParseWithLengthOpts(buf + pos, len - pos, &end, 0);
	const cJSON *o;
	size_t i = 0;
	int rc = 0;

	if (arr == NULL) {
		size_t at = end != NULL ? (size_t)(end - buf) : pos;

		return not_json(buf, len, at < len ? at : pos, "not JSON", err);
	}
	if (skip_space(buf, len, (size_t)(end - buf)) != len) {
		cJSON_Delete(arr);
		return not_json(buf, len, (size_t)(end - buf), "junk after the array", err);
	}
	ps->shape = COMPOSE_SHAPE_ARRAY;
	cJSON_ArrayForEach(o, arr) {
		if ((rc = add_container(ps, o, 0, ++i, err)) != 0)
			break;
	}
	cJSON_Delete(arr);
	return rc;
}

static int
parse_any(const char *buf, size_t len, struct compose_ps *out,
    struct wr_err *err)
{
	size_t pos;

	pos = skip_space(buf, len, 0);
	if (pos == len)
		return 0;
	if (buf[pos] == '[')
		return parse_array(buf, len, pos, out, err);
	out->shape = COMPOSE_SHAPE_LINES;
	while (pos < len) {
		const char *end = NULL;
		cJSON *o;
		int rc;

		if (buf[pos] != '{')
			return not_json(buf, len, pos, "not JSON", err);
		o = cJSON_ParseWithLengthOpts(buf + pos, len - pos, &end, 0);
		if (o == NULL)
			return not_json(buf, len, pos, "not JSON", err);
		rc = add_container(out, o, parse_line_of(buf, pos), 0, err);
		cJSON_Delete(o);
		if (rc != 0)
			return rc;
		pos = (size_t)(end - buf);
		/* One object per line: another on the same line is junk. */
		while (pos < len && (buf[pos] == ' ' || buf[pos] == '\t' || buf[pos] == '\r'))
			pos++;
		if (pos < len && buf[pos] != '\n')
			return not_json(buf, len, pos, "junk after the object", err);
		pos = skip_space(buf, len, pos);
	}
	return 0;
}

int
parse_compose_ps(const char *buf, size_t len, struct compose_ps *out,
    struct wr_err *err)
{
	memset(out, 0, sizeof(*out));
	if (parse_any(buf, len, out, err) == 0)
		return 0;
	parse_compose_free(out);
	return -1;
}

void
parse_compose_free(struct compose_ps *ps)
{
	free(ps->items);
	memset(ps, 0, sizeof(*ps));
}

int
parse_compose_ps_memo(struct compose_ps_memo *memo, const char *buf, size_t len,
    const struct compose_ps **out, struct wr_err *err)
{
	if (memo->valid && len == memo->len && memcmp(buf, memo->buf, len) == 0) {
		*out = &memo->ps;
		return 0;
	}
	parse_compose_memo_free(memo);
	if (parse_compose_ps(buf, len, &memo->ps, err) != 0)
		return -1;
	memo->buf = xmalloc(len + 1);
	memcpy(memo->buf, buf, len);
	memo->len = len;
	memo->valid = true;
	*out = &memo->ps;
	return 0;
}

void
parse_compose_memo_free(struct compose_ps_memo *memo)
{
	free(memo->buf);
	parse_compose_free(&memo->ps);
	memset(memo, 0, sizeof(*memo));
}

const struct compose_container *
parse_compose_find(const struct compose_ps *ps, const char *svc)
{
	for (size_t i = 0; i < ps->n; i++)
		if (strcmp(ps->items[i].service, svc) == 0)
			return &ps->items[i];
	return NULL;
}

void
parse_compose_absent_why(const struct compose_ps *ps, const char *svc, char *out, size_t cap)
{
	struct wr_buf b = { 0 };
	const char *best = NULL;
	size_t i, k, d, bestd = 3, listed = 0;
	char *s;

	if (ps->n == 0) {
		snprintf(out, cap, "no service %s in the compose project: it has no containers",
		    svc);
		return;
	}
	wr_buf_printf(&b, "no service %s in the compose project (it has: ", svc);
	for (i = 0; i < ps->n; i++) {
		const char *name = ps->items[i].service;

		/* Each service once, in the order ps lists them. */
		for (k = 0; k < i && strcmp(ps->items[k].service, name) != 0; k++)
			;
		if (k < i)
			continue;
		if (listed < 8)
			wr_buf_printf(&b, "%s%s", listed ? ", " : "", name);
		else if (listed == 8)
			wr_buf_str(&b, ", …");
		listed++;
		if ((d = wr_edit_distance(svc, name)) < bestd) {
			bestd = d;
			best = name;
		}
	}
	wr_buf_str(&b, ")");
	if (best != NULL)
		wr_buf_printf(&b, "; did you mean %s in services =?", best);
	s = wr_buf_take(&b);
	wr_strlcpy(out, s, cap);
	free(s);
}

bool
parse_compose_env(const char *buf, size_t len, size_t *ps_off, char *env, size_t cap)
{
	static const char mark[] = WR_COMPOSE_ENV_MARK;
	size_t ml = sizeof(mark) - 1, p, e;

	*ps_off = 0;
	if (cap > 0)
		env[0] = '\0';
	/* The first line that is the mark: grep printed only IMAGE_TAG lines
	 * before it. */
	for (p = 0; p + ml <= len; p = e + 1) {
		const char *nl = memchr(buf + p, '\n', len - p);

		e = nl != NULL ? (size_t)(nl - buf) : len;
		if (e - p != ml || memcmp(buf + p, mark, ml) != 0)
			continue;
		/* IMAGE_TAG= names no tag either. */
		if (!envfile_get(buf, p, "IMAGE_TAG", env, cap) || env[0] == '\0')
			wr_strlcpy(env, "(unset)", cap);
		*ps_off = e < len ? e + 1 : len;
		return true;
	}
	return false;
}

/* Docker prints "<no value>" for a missing label: a container compose
 * did not make. Any other service word must be a name compose allows. */
static bool
service_word(const char *s, size_t n)
{
	if (n == 10 && memcmp(s, "<no value>", 10) == 0)
		return true;
	if (n == 0 || n >= WR_NAME_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-' || s[i] == '.'))
			return false;
	return true;
}

/* One line's four space-separated fields into c; the reason on failure. */
static const char *
restart_line(const char *l, size_t n, struct compose_restart *c)
{
	const char *f[4], *end = l + n;
	size_t fl[4], k = 0;
	char num[16], ts[64], *e;
	long v;

	while (k < 4) {
		while (l < end && *l == ' ')
			l++;
		if (l == end)
			break;
		f[k] = l;
		while (l < end && *l != ' ')
			l++;
		fl[k] = (size_t)(l - f[k]);
		k++;
	}
	while (l < end && *l == ' ')
		l++;
	if (k < 4)
		return "fewer than 4 fields";
	/* "<no value>" has a space: the service is the rest of the line. */
	fl[3] = (size_t)(end - f[3]);
	while (fl[3] > 0 && f[3][fl[3] - 1] == ' ')
		fl[3]--;
	if (fl[0] < 12 || fl[0] > 64 || strspn(f[0], "0123456789abcdef") < fl[0])
		return "not a container id";
	if (fl[1] >= sizeof(num) || strspn(f[1], "0123456789") < fl[1])
		return "restart count is not a number";
	memcpy(num, f[1], fl[1]);
	num[fl[1]] = '\0';
	errno = 0;
	v = strtol(num, &e, 10);
	if (errno != 0 || v > INT_MAX)
		return "restart count out of range";
	if (fl[2] >= sizeof(ts))
		return "start time is not a time";
	memcpy(ts, f[2], fl[2]);
	ts[fl[2]] = '\0';
	if (parse_rfc3339(ts, &c->started) != 0)
		return "start time is not a time";
	if (c->started < 0)
		c->started = 0;         /* "0001-01-01T00:00:00Z": never started */
	if (!service_word(f[3], fl[3]))
		return "not a service name";
	memcpy(c->id, f[0], fl[0]);
	c->id[fl[0]] = '\0';
	memcpy(c->service, f[3], fl[3]);
	c->service[fl[3]] = '\0';
	c->count = (int)v;
	return NULL;
}

int
parse_compose_restarts(const char *buf, size_t len, struct compose_restarts *out,
    struct wr_err *err)
{
	size_t pos = 0;
	int line = 0;

	memset(out, 0, sizeof(*out));
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t next = nl != NULL ? (size_t)(nl - buf) + 1 : len;
		size_t n = next - pos - (nl != NULL);
		struct compose_restart c;
		const char *why;

		line++;
		if (n > 0 && buf[pos + n - 1] == '\r')
			n--;
		if (skip_space(buf, pos + n, pos) == pos + n) {
			pos = next;
			continue;
		}
		memset(&c, 0, sizeof(c));
		why = out->n >= WR_COMPOSE_MAX ? "too many containers" :
		    restart_line(buf + pos, n, &c);
		if (why != NULL) {
			char ex[200];

			parse_excerpt(buf + pos, n, ex, sizeof(ex));
			parse_compose_restarts_free(out);
			return wr_err_set(err, "docker inspect: line %d: %s: %s", line, why, ex);
		}
		out->items = xrealloc(out->items, (out->n + 1) * sizeof(*out->items));
		out->items[out->n++] = c;
		pos = next;
	}
	return 0;
}

void
parse_compose_restarts_free(struct compose_restarts *rs)
{
	free(rs->items);
	memset(rs, 0, sizeof(*rs));
}
