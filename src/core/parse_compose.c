/*
 * parse_compose.c — `docker compose ps -a --format json` → containers.
 *
 * Compose printed one JSON array until v2.21 and one object per line since
 * (compose#10918); zero containers print nothing. Both are read with
 * cJSON_ParseWithLengthOpts in a loop, so the same code takes a whole
 * array or a run of objects, and a broken object is named by its line.
 * Field names follow the docs and the recorded shapes: ID Name Image
 * Project Service State Status Health ExitCode (+ RestartCount if a
 * version prints it). Missing or mistyped fields read as empty; an
 * object with no "Service" is an error, since nothing can be shown for it.
 */
#include "warroom/parse_compose.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t
skip_space(const char *buf, size_t len, size_t pos)
{
	while (pos < len && (buf[pos] == ' ' || buf[pos] == '\t' ||
	    buf[pos] == '\n' || buf[pos] == '\r'))
		pos++;
	return pos;
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

const struct compose_container *
parse_compose_find(const struct compose_ps *ps, const char *svc)
{
	for (size_t i = 0; i < ps->n; i++)
		if (strcmp(ps->items[i].service, svc) == 0)
			return &ps->items[i];
	return NULL;
}
