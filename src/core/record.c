/*
 * record.c — timeline records to journal lines and back, the CRC-32C that
 * seals each line, the prev chain that links them, and the recovery scan
 * that says how much of a journal can be trusted.
 *
 * The scan never lets one damaged line hide the records after it: a line
 * that does not verify is skipped and named (line, byte offset, why), the
 * chain goes on from the next record that does, and only bad last lines
 * are a tail a writer may set aside: torn when the line has no newline
 * yet, damaged (and named so) when it is whole.
 *
 * The crc is computed over the line's own bytes (minus the crc member), not
 * over a re-encoding, so verifying never depends on how cJSON prints
 * numbers or escapes. seq and mono_ms are written as raw integers for the
 * same reason. Nothing here reads a clock or a file: the io layer
 * (src/io/timeline.c) passes times and bytes in.
 */
#include "warroom/record.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* `,"crc":"xxxxxxxx"}` closes every line. */
#define CRC_TAIL_LEN 18

static uint32_t crc_table[256];
static bool crc_ready;

static void
crc_init(void)
{
	uint32_t i, j, c;

	for (i = 0; i < 256; i++) {
		c = i;
		for (j = 0; j < 8; j++)
			c = (c & 1) ? (c >> 1) ^ 0x82f63b78u : c >> 1;
		crc_table[i] = c;
	}
	crc_ready = true;
}

uint32_t
crc32c(uint32_t crc, const void *buf, size_t len)
{
	const unsigned char *p = buf;

	if (!crc_ready)
		crc_init();
	crc = ~crc;
	while (len-- > 0)
		crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

void
record_format_ts(int64_t ms, char out[WR_TS_MAX])
{
	int64_t days, rem, y;
	int m, d;

	days = ms / 86400000;
	rem = ms % 86400000;
	if (rem < 0) {
		rem += 86400000;
		days--;
	}
	wr_civil_from_days(days, &y, &m, &d);
	snprintf(out, WR_TS_MAX, "%04" PRId64 "-%02d-%02dT%02d:%02d:%02d.%03dZ",
	    y, m, d, (int)(rem / 3600000), (int)(rem / 60000 % 60),
	    (int)(rem / 1000 % 60), (int)(rem % 1000));
}

static int
digits(const char *s, int n, int *out)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
record_parse_ts(const char *s, int64_t *ms)
{
	int y, mo, d, h, mi, sec, milli;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (strlen(s) != 24 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
	    s[13] != ':' || s[16] != ':' || s[19] != '.' || s[23] != 'Z')
		return -1;
	if (digits(s, 4, &y) || digits(s + 5, 2, &mo) || digits(s + 8, 2, &d) ||
	    digits(s + 11, 2, &h) || digits(s + 14, 2, &mi) ||
	    digits(s + 17, 2, &sec) || digits(s + 20, 3, &milli))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || h > 23 || mi > 59 || sec > 60)
		return -1;
	*ms = (wr_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec) * 1000 + milli;
	return 0;
}

static void
hex8(uint32_t v, char out[9])
{
	snprintf(out, 9, "%08" PRIx32, v);
}

static int
parse_hex8(const char *s, uint32_t *out)
{
	uint32_t v = 0;
	int i;

	for (i = 0; i < 8; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9')
			v = v << 4 | (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v << 4 | (uint32_t)(c - 'a' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

cJSON *
record_to_json(const struct record *r)
{
	cJSON *o = cJSON_CreateObject();
	char num[32], ts[WR_TS_MAX], hex[9];

	snprintf(num, sizeof(num), "%" PRIu64, r->seq);
	cJSON_AddRawToObject(o, "seq", num);
	record_format_ts(r->ts_ms, ts);
	cJSON_AddStringToObject(o, "ts", ts);
	snprintf(num, sizeof(num), "%" PRId64, r->mono_ms);
	cJSON_AddRawToObject(o, "mono_ms", num);
	cJSON_AddStringToObject(o, "actor", r->actor != NULL ? r->actor : "");
	if (r->session != 0) {
		snprintf(num, sizeof(num), "%" PRIu64, r->session);
		cJSON_AddRawToObject(o, "session", num);
	}
	cJSON_AddStringToObject(o, "kind", r->kind != NULL ? r->kind : "");
	if (r->host != NULL)
		cJSON_AddStringToObject(o, "host", r->host);
	else
		cJSON_AddNullToObject(o, "host");
	if (r->op != NULL)
		cJSON_AddStringToObject(o, "op", r->op);
	else
		cJSON_AddNullToObject(o, "op");
	if (r->data != NULL)
		cJSON_AddItemReferenceToObject(o, "data", r->data);
	else
		cJSON_AddObjectToObject(o, "data");
	hex8(r->prev, hex);
	cJSON_AddStringToObject(o, "prev", hex);
	hex8(r->crc, hex);
	cJSON_AddStringToObject(o, "crc", hex);
	return o;
}

int
record_encode(struct record *r, char **line, size_t *len, struct wr_err *err)
{
	cJSON *o, *crc_item;
	char *text, *out, hex[9];
	size_t n;

	if (r->kind == NULL || r->kind[0] == '\0')
		return wr_err_set(err, "record without a kind");
	if (r->data != NULL && !cJSON_IsObject(r->data))
		return wr_err_set(err, "record data must be an object");
	o = record_to_json(r);
	/* Print without the crc member: those are the bytes the crc seals. */
	crc_item = cJSON_DetachItemFromObjectCaseSensitive(o, "crc");
	cJSON_Delete(crc_item);
	text = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	if (text == NULL)
		return wr_err_set(err, "cannot encode record");
	n = strlen(text);
	r->crc = crc32c(0, text, n);
	hex8(r->crc, hex);
	out = xmalloc(n + CRC_TAIL_LEN + 1);
	memcpy(out, text, n - 1);
	snprintf(out + n - 1, CRC_TAIL_LEN + 2, ",\"crc\":\"%s\"}\n", hex);
	cJSON_free(text);
	/* Read it back before anyone stores it: a record that lost a member
	 * on the way (cJSON drops what it cannot allocate) is refused, never
	 * written half. */
	{
		struct record back;
		struct wr_err why;

		if (record_decode(out, n - 1 + CRC_TAIL_LEN, &back, &why) != 0) {
			free(out);
			return wr_err_set(err, "cannot encode record: %s", why.msg);
		}
		record_free(&back);
	}
	*line = out;
	*len = n - 1 + CRC_TAIL_LEN + 1;
	return 0;
}

static const char *
opt_string(const cJSON *o, const char *key, bool *ok)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	if (cJSON_IsNull(v))
		return NULL;
	if (!cJSON_IsString(v)) {
		*ok = false;
		return NULL;
	}
	return v->valuestring;
}

static bool
whole_number(const cJSON *v, double min)
{
	return cJSON_IsNumber(v) && v->valuedouble >= min &&
	    v->valuedouble <= 9007199254740992.0 &&
	    v->valuedouble == (double)(int64_t)v->valuedouble;
}

/* record_decode, saying why a line is not a record in *why. */
static int
decode(const char *line, size_t len, struct record *out, struct wr_err *err,
    enum record_damage_why *why)
{
	const char *tail, *ts, *actor, *kind, *host, *op, *prev;
	cJSON *root, *seq, *mono, *session;
	uint32_t want, got, prev_crc;
	int64_t ts_ms;
	bool ok = true;

	memset(out, 0, sizeof(*out));
	*why = RECORD_DAMAGE_JSON;
	if (len == 0 || line[0] != '{')
		return wr_err_set(err, "not a record");
	*why = RECORD_DAMAGE_TRUNCATED;
	if (len < CRC_TAIL_LEN + 2)
		return wr_err_set(err, "cut short: no crc at the end of the record");
	tail = line + len - CRC_TAIL_LEN;
	if (memcmp(tail, ",\"crc\":\"", 8) != 0 || memcmp(tail + 16, "\"}", 2) != 0 ||
	    parse_hex8(tail + 8, &want) != 0)
		return wr_err_set(err, "no crc at the end of the record");
	*why = RECORD_DAMAGE_CHECKSUM;
	got = crc32c(crc32c(0, line, len - CRC_TAIL_LEN), "}", 1);
	if (got != want)
		return wr_err_set(err, "bad crc (stored %08" PRIx32 ", computed %08" PRIx32 ")",
		    want, got);
	*why = RECORD_DAMAGE_JSON;
	root = cJSON_ParseWithLength(line, len);
	if (root == NULL || !cJSON_IsObject(root)) {
		cJSON_Delete(root);
		return wr_err_set(err, "bad JSON");
	}
	seq = cJSON_GetObjectItemCaseSensitive(root, "seq");
	mono = cJSON_GetObjectItemCaseSensitive(root, "mono_ms");
	session = cJSON_GetObjectItemCaseSensitive(root, "session");
	ts = opt_string(root, "ts", &ok);
	actor = opt_string(root, "actor", &ok);
	kind = opt_string(root, "kind", &ok);
	host = opt_string(root, "host", &ok);
	op = opt_string(root, "op", &ok);
	prev = opt_string(root, "prev", &ok);
	if (!ok || !whole_number(seq, 1) || !whole_number(mono, -9007199254740992.0) ||
	    (session != NULL && !whole_number(session, 1)) ||
	    ts == NULL || actor == NULL || kind == NULL || kind[0] == '\0' || prev == NULL ||
	    !cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(root, "data"))) {
		cJSON_Delete(root);
		return wr_err_set(err, "record is missing a field or has one of the wrong type");
	}
	/* ts and prev point into root: format the message before freeing it. */
	if (record_parse_ts(ts, &ts_ms) != 0) {
		wr_err_set(err, "bad timestamp \"%.40s\"", ts);
		cJSON_Delete(root);
		return -1;
	}
	if (strlen(prev) != 8 || parse_hex8(prev, &prev_crc) != 0) {
		wr_err_set(err, "bad prev \"%.20s\"", prev);
		cJSON_Delete(root);
		return -1;
	}
	out->seq = (uint64_t)seq->valuedouble;
	out->ts_ms = ts_ms;
	out->mono_ms = (int64_t)mono->valuedouble;
	out->session = session != NULL ? (uint64_t)session->valuedouble : 0;
	out->actor = xstrdup(actor);
	out->kind = xstrdup(kind);
	out->host = host != NULL ? xstrdup(host) : NULL;
	out->op = op != NULL ? xstrdup(op) : NULL;
	out->data = cJSON_DetachItemFromObjectCaseSensitive(root, "data");
	out->prev = prev_crc;
	out->crc = want;
	cJSON_Delete(root);
	return 0;
}

int
record_decode(const char *line, size_t len, struct record *out, struct wr_err *err)
{
	enum record_damage_why why;

	return decode(line, len, out, err, &why);
}

void
record_free(struct record *r)
{
	free(r->actor);
	free(r->kind);
	free(r->host);
	free(r->op);
	cJSON_Delete(r->data);
	memset(r, 0, sizeof(*r));
}

void
record_list_free(struct record_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		record_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

bool
record_end_unknown(const struct record *r)
{
	const cJSON *o = cJSON_GetObjectItemCaseSensitive(r->data, "outcome");

	return strcmp(r->kind, "action.end") == 0 &&
	    (!cJSON_IsString(o) || (strcmp(o->valuestring, "ok") != 0 &&
	    strcmp(o->valuestring, "failed") != 0));
}

bool
record_settles(const struct record *r)
{
	const cJSON *o = cJSON_GetObjectItemCaseSensitive(r->data, "outcome");

	if (strcmp(r->kind, "action.reconcile") == 0)
		return !cJSON_IsString(o) || strcmp(o->valuestring, "unknown") != 0;
	return strcmp(r->kind, "action.end") == 0 && !record_end_unknown(r);
}

static void
open_ops_add(struct record_scan *s, const char *op, uint64_t session)
{
	size_t i;

	for (i = 0; i < s->n_open_ops; i++)
		if (strcmp(s->open_ops[i], op) == 0)
			return;
	s->open_ops = xrealloc(s->open_ops, (s->n_open_ops + 1) * sizeof(*s->open_ops));
	s->open_op_session = xrealloc(s->open_op_session,
	    (s->n_open_ops + 1) * sizeof(*s->open_op_session));
	s->open_op_session[s->n_open_ops] = session;
	s->open_ops[s->n_open_ops++] = xstrdup(op);
}

/* An end that said unknown: the op is no longer running anywhere. */
static void
open_ops_ended(struct record_scan *s, const char *op)
{
	size_t i;

	for (i = 0; i < s->n_open_ops; i++)
		if (strcmp(s->open_ops[i], op) == 0)
			s->open_op_session[i] = 0;
}

static void
open_ops_remove(struct record_scan *s, const char *op)
{
	size_t i;

	for (i = 0; i < s->n_open_ops; i++)
		if (strcmp(s->open_ops[i], op) == 0) {
			free(s->open_ops[i]);
			s->open_ops[i] = s->open_ops[--s->n_open_ops];
			s->open_op_session[i] = s->open_op_session[s->n_open_ops];
			return;
		}
}

static bool
open_op(const struct record_scan *s, const char *op)
{
	size_t i;

	for (i = 0; i < s->n_open_ops; i++)
		if (strcmp(s->open_ops[i], op) == 0)
			return true;
	return false;
}

/* Has this scan skipped a damaged line (one that may have held an intent)? */
static bool
skipped_before(const struct record_scan *s)
{
	size_t i;

	for (i = 0; i < s->ndamage; i++)
		if (s->damage[i].skipped)
			return true;
	return false;
}

/* Fold one good record into what the scan reports about the incident. */
static void
scan_note(struct record_scan *s, const struct record *r)
{
	sessions_note(&s->sessions, r);
	if (s->nrecords == 0)
		s->first_ts_ms = r->ts_ms;
	s->last_ts_ms = r->ts_ms;
	if (strcmp(r->kind, "incident.open") == 0) {
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(r->data, "name");

		if (cJSON_IsString(name) && s->name[0] == '\0')
			wr_strlcpy(s->name, name->valuestring, sizeof(s->name));
		s->resolved = false;
	} else if (strcmp(r->kind, "incident.resume") == 0) {
		s->resolved = false;
	} else if (strcmp(r->kind, "incident.resolve") == 0) {
		s->resolved = true;
	} else if (r->op != NULL && strcmp(r->kind, "action.intent") == 0) {
		open_ops_add(s, r->op, r->session);
	} else if (r->op != NULL && strcmp(r->kind, "action.output") == 0 && !open_op(s, r->op) &&
	    skipped_before(s)) {
		/* Output comes only after its intent is stored: with none kept,
		 * a damaged line held it, and the op ran with no end yet. */
		open_ops_add(s, r->op, r->session);
	} else if (r->op != NULL && strcmp(r->kind, "action.end") == 0 && record_end_unknown(r)) {
		if (!open_op(s, r->op) && skipped_before(s))
			open_ops_add(s, r->op, 0);
		open_ops_ended(s, r->op);
	} else if (r->op != NULL && record_settles(r)) {
		/* An end or a re-read that says unknown settles nothing: the
		 * op stays open until a reconcile says what happened. */
		open_ops_remove(s, r->op);
	}
}

/* Name a damaged line in s; its next_seq is filled when a record is kept
 * after it. */
static struct record_damage *
damage_add(struct record_scan *s, enum record_damage_why why, bool skipped, size_t line,
    size_t offset, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static struct record_damage *
damage_add(struct record_scan *s, enum record_damage_why why, bool skipped, size_t line,
    size_t offset, const char *fmt, ...)
{
	struct record_damage *d;
	va_list ap;

	s->damage = xrealloc(s->damage, (s->ndamage + 1) * sizeof(*s->damage));
	d = &s->damage[s->ndamage++];
	memset(d, 0, sizeof(*d));
	d->why = why;
	d->skipped = skipped;
	d->line = line;
	d->offset = offset;
	d->after_seq = s->last_seq;
	d->kept_before = s->nrecords;
	va_start(ap, fmt);
	vsnprintf(d->detail, sizeof(d->detail), fmt, ap);
	va_end(ap);
	return d;
}

/* A line that does not decode may still end in a whole record after
 * bytes cut off (a torn write with another record written after it).
 * `{"seq":` only ever opens a record: inside a string its quotes would
 * be escaped. Returns where that record starts, decoded into r, or NULL. */
static const char *
whole_record_inside(const char *line, size_t len, struct record *r)
{
	static const char open[] = "{\"seq\":";
	const char *p = line + 1, *end = line + len;
	enum record_damage_why why;
	struct wr_err e;

	while (p < end && (p = memmem(p, (size_t)(end - p), open, sizeof(open) - 1)) != NULL) {
		if (decode(p, (size_t)(end - p), r, &e, &why) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* Keep r: fold it into the scan and fill the next_seq of the damage
 * named since the last record kept. */
static void
scan_keep(struct record_scan *s, struct record *r, struct record_list *keep)
{
	size_t i;

	for (i = s->ndamage; i > 0 && s->damage[i - 1].next_seq == 0; i--)
		s->damage[i - 1].next_seq = r->seq;
	scan_note(s, r);
	s->nrecords++;
	s->last_seq = r->seq;
	s->last_crc = r->crc;
	if (keep != NULL) {
		if (keep->n == keep->cap) {
			keep->cap = keep->cap ? keep->cap * 2 : 64;
			keep->v = xrealloc(keep->v, keep->cap * sizeof(*keep->v));
		}
		keep->v[keep->n++] = *r;
	} else {
		record_free(r);
	}
}

void
record_scan(const char *buf, size_t len, uint64_t seq, uint32_t crc,
    size_t line, struct record_list *keep, struct record_scan *out)
{
	size_t pos = 0, kept_nd = 0, kept_len = 0, kept_lines = line;
	bool after_skip = false;

	memset(out, 0, sizeof(*out));
	out->last_seq = seq;
	out->last_crc = crc;
	out->lines = line;
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos), *at;
		size_t n, lineno = out->lines + 1;
		enum record_damage_why why;
		struct record r;
		struct wr_err e;

		if (nl == NULL) {
			/* Still being written, or torn: never a record yet. */
			out->partial = true;
			damage_add(out, RECORD_DAMAGE_TRUNCATED, true, lineno, pos,
			    "no newline at the end (torn write)");
			out->lines = lineno;
			break;
		}
		n = (size_t)(nl - (buf + pos));
		if (decode(buf + pos, n, &r, &e, &why) != 0) {
			/* Never let one bad line hide what follows: skip it, named. */
			at = whole_record_inside(buf + pos, n, &r);
			damage_add(out, at != NULL ? RECORD_DAMAGE_TRUNCATED : why, true, lineno, pos,
			    "%s%s", at != NULL ? "a cut-off record with a whole one after it on the "
			    "same line: " : "", e.msg)->glued = at != NULL;
			after_skip = true;
			if (at == NULL)
				goto next;
		}
		if (r.seq <= out->last_seq) {
			/* A record again, or one out of order: the chain already
			 * went past it. */
			damage_add(out, RECORD_DAMAGE_SEQ, true, lineno, pos, "seq %" PRIu64
			    " after seq %" PRIu64 ": repeated or out of order", r.seq, out->last_seq);
			after_skip = true;
			record_free(&r);
			goto next;
		}
		if (!after_skip && (r.seq != out->last_seq + 1 || r.prev != out->last_crc)) {
			/* A whole record that does not follow: what is missing before
			 * it is named, and the chain goes on from it. */
			if (r.seq != out->last_seq + 1)
				damage_add(out, RECORD_DAMAGE_SEQ, false, lineno, pos, "seq %" PRIu64
				    " follows seq %" PRIu64, r.seq, out->last_seq);
			else
				damage_add(out, RECORD_DAMAGE_SEQ, false, lineno, pos, "the chain is "
				    "broken: prev %08" PRIx32 " is not the crc of seq %" PRIu64 " (%08"
				    PRIx32 ")", r.prev, out->last_seq, out->last_crc);
		}
		after_skip = false;
		scan_keep(out, &r, keep);
		kept_nd = out->ndamage;
		kept_len = (size_t)(nl - buf) + 1;
		kept_lines = lineno;
next:
		out->lines = lineno;
		pos = (size_t)(nl - buf) + 1;
	}
	out->good_len = pos;
	/* Bad lines with no record after them are a torn tail, not damage in
	 * the middle: the one place a writer may cut (to the last record kept,
	 * the bytes set aside). */
	if (out->ndamage > kept_nd) {
		const struct record_damage *d = &out->damage[kept_nd];
		size_t nbad = out->lines - d->line + 1;

		out->torn = true;
		/* Only a line with no newline is a write that never finished;
		 * a whole one was written and damaged since: set aside all the
		 * same (the file stays appendable), but named as damage, since
		 * it may have held an intent. */
		out->tail_whole = !(nbad == 1 && out->partial);
		out->tail_damage = *d;
		out->tail_lines = nbad;
		if (nbad == 1 && out->partial)
			wr_err_set(&out->why, "line %zu: %s", d->line, d->detail);
		else if (nbad == 1)
			wr_err_set(&out->why, "line %zu: %s (damaged last record)", d->line,
			    d->detail);
		else
			wr_err_set(&out->why, "lines %zu-%zu: %s, and every line after it to the end "
			    "(torn tail)", d->line, out->lines, d->detail);
		out->ndamage = kept_nd;
		out->good_len = kept_len;
		out->lines = kept_lines;
	}
}

void
record_aside_words(const struct record_scan *s, size_t bytes, const char *path, char *buf,
    size_t cap)
{
	const struct record_damage *d = &s->tail_damage;

	if (s->tail_lines > 1)
		snprintf(buf, cap, "last %zu lines set aside (the first: %s; a torn tail): %zu "
		    "bytes moved to %s", s->tail_lines, d->detail, bytes, path);
	else if (s->tail_whole)
		snprintf(buf, cap, "last line set aside (%s: a damaged last record): %zu byte%s "
		    "moved to %s", d->detail, bytes, bytes == 1 ? "" : "s", path);
	else
		snprintf(buf, cap, "last line set aside (a torn write: no newline at the end): "
		    "%zu byte%s moved to %s", bytes, bytes == 1 ? "" : "s", path);
}

static const char *const damage_why_words[] = {
	[RECORD_DAMAGE_CHECKSUM] = "checksum",
	[RECORD_DAMAGE_TRUNCATED] = "cut short",
	[RECORD_DAMAGE_JSON] = "JSON",
	[RECORD_DAMAGE_SEQ] = "seq",
};

void
record_damage_words(const struct record_damage *d, size_t nafter, char *buf, size_t cap)
{
	struct wr_buf b = { 0 };
	uint64_t lo = d->after_seq + 1, hi = d->next_seq > 0 ? d->next_seq - 1 : 0;
	char *s;

	if (d->skipped)
		wr_buf_printf(&b, "line %zu (byte %zu) damaged (%s): skipped", d->line, d->offset,
		    damage_why_words[d->why]);
	else
		wr_buf_printf(&b, "line %zu (byte %zu): %s: kept", d->line, d->offset, d->detail);
	/* What the seqs say is gone: the records kept around it do not meet. */
	if (d->next_seq > 0 && hi >= lo) {
		if (hi == lo)
			wr_buf_printf(&b, " (seq %" PRIu64 " missing)", lo);
		else
			wr_buf_printf(&b, " (seq %" PRIu64 "-%" PRIu64 " missing)", lo, hi);
	}
	/* The record glued to the cut bytes is on the damaged line, not
	 * after it: a reader counting the lines below found one fewer. */
	if (d->skipped && d->glued && nafter > 0) {
		nafter--;
		wr_buf_printf(&b, "; the whole record after the cut on the same line and the %zu "
		    "record%s after it kept", nafter, nafter == 1 ? "" : "s");
	} else if (d->skipped)
		wr_buf_printf(&b, "; the %zu record%s after it kept", nafter,
		    nafter == 1 ? "" : "s");
	s = wr_buf_take(&b);
	wr_strlcpy(buf, s, cap);
	free(s);
}

/* Damage entries named one by one in a summary; past that, a count. */
#define DAMAGE_SAID 3

void
record_scan_damage_words(const struct record_scan *s, char *buf, size_t cap)
{
	struct wr_buf b = { 0 };
	char one[400], *t;
	size_t i;

	for (i = 0; i < s->ndamage && i < DAMAGE_SAID; i++) {
		record_damage_words(&s->damage[i], s->nrecords - s->damage[i].kept_before, one,
		    sizeof(one));
		wr_buf_printf(&b, "%s%s", i > 0 ? "; " : "", one);
	}
	if (s->ndamage > DAMAGE_SAID)
		wr_buf_printf(&b, "; and %zu more damaged line%s", s->ndamage - DAMAGE_SAID,
		    s->ndamage - DAMAGE_SAID == 1 ? "" : "s");
	t = wr_buf_take(&b);
	wr_strlcpy(buf, t, cap);
	free(t);
}

void
record_scan_free(struct record_scan *s)
{
	size_t i;

	for (i = 0; i < s->n_open_ops; i++)
		free(s->open_ops[i]);
	free(s->open_ops);
	free(s->open_op_session);
	s->open_ops = NULL;
	s->open_op_session = NULL;
	s->n_open_ops = 0;
	free(s->damage);
	s->damage = NULL;
	s->ndamage = 0;
	sessions_free(&s->sessions);
}

void
record_slug(const char *name, char *out, size_t cap)
{
	size_t n = 0, max = cap - 1 < WR_SLUG_MAX ? cap - 1 : WR_SLUG_MAX;
	bool dash = false;

	for (; *name != '\0' && n < max; name++) {
		char c = *name;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && n > 0) {
				if (n + 1 >= max)
					break;
				out[n++] = '-';
			}
			dash = false;
			out[n++] = c;
		} else {
			dash = true;
		}
	}
	out[n] = '\0';
	if (n == 0)
		wr_strlcpy(out, "incident", cap);
}

void
record_make_id(const char *slug, const unsigned char *rnd, char *out, size_t cap)
{
	snprintf(out, cap, "%s-%02x%02x%02x", slug, rnd[0], rnd[1], rnd[2]);
}

bool
record_id_matches_slug(const char *id, const char *slug)
{
	size_t n = strlen(slug), i;

	if (strncmp(id, slug, n) != 0 || id[n] != '-' || strlen(id + n + 1) != 6)
		return false;
	for (i = n + 1; id[i] != '\0'; i++)
		if (!((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'f')))
			return false;
	return true;
}

bool
record_id_valid(const char *s)
{
	size_t n = 0;

	if (s[0] == '\0' || s[0] == '-')
		return false;
	for (; s[n] != '\0'; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') ||
		    s[n] == '-' || s[n] == '_'))
			return false;
	return n < WR_INCIDENT_ID_MAX;
}
