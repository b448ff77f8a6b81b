/*
 * sessions.c — which consoles a journal shows still open, and what a
 * resume says of those that ended without a shutdown record (sessions.h).
 *
 * Numbered records are put to their own session, so a console killed
 * beside others that still run is named with its own last record and
 * arming. Records with no number keep the counting the journal always
 * had: a shutdown ends one such session, and only a resume made alone
 * judges them.
 */
#include "warroom/sessions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/record.h"
#include "warroom/util.h"

static void
drop(struct sessions *s, size_t i)
{
	free(s->v[i].actor);
	memmove(&s->v[i], &s->v[i + 1], (s->n - i - 1) * sizeof(*s->v));
	s->n--;
}

static void
clear(struct sessions *s)
{
	while (s->n > 0)
		drop(s, s->n - 1);
}

static void
push(struct sessions *s, const struct record *r)
{
	const cJSON *pid;
	struct session *e;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 4;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	e = &s->v[s->n++];
	memset(e, 0, sizeof(*e));
	e->id = r->seq;
	e->tracked = r->session == r->seq;
	e->actor = xstrdup(r->actor != NULL ? r->actor : "");
	e->last_ts_ms = r->ts_ms;
	e->last_seq = r->seq;
	pid = cJSON_GetObjectItemCaseSensitive(r->data, "pid");
	if (cJSON_IsNumber(pid) && pid->valuedouble >= 1 && pid->valuedouble < 1e9)
		e->pid = (long)pid->valuedouble;
}

/* The tracked session numbered id, or -1. */
static long
find(const struct sessions *s, uint64_t id)
{
	size_t i;

	for (i = 0; id != 0 && i < s->n; i++)
		if (s->v[i].tracked && s->v[i].id == id)
			return (long)i;
	return -1;
}

/* A resume made beside running consoles: the sessions it found ended
 * (by number) are over; the others stay open. */
static void
drop_judged(struct sessions *s, const cJSON *ended)
{
	const cJSON *e;
	long i;

	cJSON_ArrayForEach(e, ended) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(e, "session");

		if (cJSON_IsNumber(id) && id->valuedouble >= 1 &&
		    id->valuedouble <= 9007199254740992.0 &&
		    (i = find(s, (uint64_t)id->valuedouble)) >= 0)
			drop(s, (size_t)i);
	}
}

void
sessions_note(struct sessions *s, const struct record *r)
{
	long i = find(s, r->session);

	s->last_ts_ms = r->ts_ms;
	if (i >= 0) {
		s->v[i].last_ts_ms = r->ts_ms;
		s->v[i].last_seq = r->seq;
	}
	if (strcmp(r->kind, "session.gone") == 0) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(r->data, "session");
		long g;

		/* Its last record stays the gone console's own, not this one. */
		if (cJSON_IsNumber(id) && id->valuedouble >= 1 &&
		    id->valuedouble <= 9007199254740992.0 &&
		    (g = find(s, (uint64_t)id->valuedouble)) >= 0 && s->v[g].gone_seq == 0)
			s->v[g].gone_seq = r->seq;
	} else if (strcmp(r->kind, "incident.open") == 0) {
		clear(s);
		push(s, r);
		s->armed = false;
	} else if (strcmp(r->kind, "incident.resume") == 0) {
		/* Made alone, it judged every session before it. */
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r->data, "others_open"))) {
			size_t k;

			drop_judged(s, cJSON_GetObjectItemCaseSensitive(r->data, "ended_sessions"));
			/* Recorded gone before: over as well, not judged again. */
			for (k = s->n; k > 0; k--)
				if (s->v[k - 1].gone_seq != 0)
					drop(s, k - 1);
		} else {
			clear(s);
			s->armed = false;
		}
		push(s, r);
	} else if (strcmp(r->kind, "shutdown") == 0) {
		if (i >= 0) {
			drop(s, (size_t)i);
		} else if (r->session == 0) {
			size_t k;

			for (k = s->n; k > 0; k--)
				if (!s->v[k - 1].tracked) {
					drop(s, k - 1);
					break;
				}
			s->armed = false;
		}
	} else if (strcmp(r->kind, "mode.change") == 0) {
		const cJSON *mode = cJSON_GetObjectItemCaseSensitive(r->data, "mode");
		bool armed = cJSON_IsString(mode) && strcmp(mode->valuestring, "armed") == 0;

		if (i >= 0) {
			s->v[i].armed = armed;
			s->v[i].armed_ms = armed ? r->ts_ms : 0;
		} else if (r->session == 0)
			s->armed = armed;
	}
}

void
sessions_free(struct sessions *s)
{
	clear(s);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

const struct session *
sessions_armed(const struct sessions *s)
{
	const struct session *best = NULL;
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].armed && (best == NULL || s->v[i].armed_ms >= best->armed_ms))
			best = &s->v[i];
	return best;
}

bool
sessions_armed_words(const struct session *s, int alive, char *buf, size_t cap)
{
	const char *who = s->actor != NULL && s->actor[0] != '\0' ? s->actor : "another console";
	char when[WR_TS_MAX];
	/* Only a tracked session's byte says it is gone; never name a
	 * console dead on a guess. */
	bool gone = alive == 0 && s->tracked;

	record_format_ts(gone ? s->last_ts_ms : s->armed_ms, when);
	if (gone)
		snprintf(buf, cap, "%s, last record %.5s UTC", who, when + 11);
	else
		snprintf(buf, cap, "%s since %.5s UTC", who, when + 11);
	return gone;
}

struct sessions_ended
sessions_judge(const struct sessions *s, bool alone, const bool *alive, cJSON *data)
{
	struct sessions_ended out = { 0 };
	cJSON *list = NULL, *said = NULL;
	char ts[WR_TS_MAX];
	size_t i, last_untracked = s->n, open = 1;

	for (i = 0; i < s->n; i++)
		if (!s->v[i].tracked)
			last_untracked = i;
	/* How many write now, this one with them: only when every byte
	 * told (an untracked session's console may be any of them). */
	for (i = 0; !alone && alive != NULL && i < s->n; i++)
		open += s->v[i].tracked && s->v[i].gone_seq == 0 && alive[i];
	for (i = 0; i < s->n; i++) {
		const struct session *e = &s->v[i];
		bool armed;
		int64_t last;
		cJSON *o;

		/* Beside a running console only a tracked session's byte
		 * tells: an untracked one waits for a resume made alone. */
		if (!alone && (!e->tracked || alive == NULL || alive[i]))
			continue;
		/* An untracked session's records are not told apart: the
		 * journal's last one, and the arming it was left with. */
		last = e->tracked ? e->last_ts_ms : s->last_ts_ms;
		armed = e->tracked ? e->armed : i == last_untracked && s->armed;
		/* Recorded gone by a console that saw it (session.gone): this
		 * resume names it to whoever starts it, and records it apart,
		 * so the journal says it ended once. */
		if (e->gone_seq != 0) {
			if (out.said_n == 0 || last > out.said_last_ms)
				out.said_last_ms = last;
			out.said_armed = out.said_armed || armed;
			out.said_n++;
			if (said == NULL)
				said = cJSON_AddArrayToObject(data, "recorded_gone");
			o = cJSON_CreateObject();
			cJSON_AddNumberToObject(o, "session", (double)e->id);
			cJSON_AddStringToObject(o, "actor", e->actor);
			if (e->pid > 0)
				cJSON_AddNumberToObject(o, "pid", (double)e->pid);
			cJSON_AddNumberToObject(o, "gone_seq", (double)e->gone_seq);
			if (armed)
				cJSON_AddBoolToObject(o, "was_armed", true);
			cJSON_AddItemToArray(said, o);
			continue;
		}
		if (out.n == 0 || last > out.last_ms)
			out.last_ms = last;
		out.armed = out.armed || armed;
		out.n++;
		if (list == NULL)
			list = cJSON_CreateArray();
		o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "session", (double)e->id);
		cJSON_AddStringToObject(o, "actor", e->actor);
		if (e->pid > 0)
			cJSON_AddNumberToObject(o, "pid", (double)e->pid);
		if (e->tracked) {
			record_format_ts(e->last_ts_ms, ts);
			cJSON_AddStringToObject(o, "last_record_ts", ts);
		}
		if (armed)
			cJSON_AddBoolToObject(o, "was_armed", true);
		cJSON_AddItemToArray(list, o);
	}
	if (!alone) {
		cJSON_AddBoolToObject(data, "others_open", true);
		if (alive != NULL && last_untracked == s->n && open > 1)
			cJSON_AddNumberToObject(data, "consoles_open", (double)open);
	} else if (s->last_ts_ms != 0) {
		/* Nobody watched from the journal's last record to this resume:
		 * said with it, so TIMELINE shows the gap where it is. */
		record_format_ts(s->last_ts_ms, ts);
		cJSON_AddStringToObject(data, "unwatched_from", ts);
	}
	if (out.n > 0) {
		record_format_ts(out.last_ms, ts);
		cJSON_AddNumberToObject(data, "ended_without_shutdown", (double)out.n);
		cJSON_AddStringToObject(data, "last_record_ts", ts);
		if (out.armed)
			cJSON_AddBoolToObject(data, "was_armed", true);
		cJSON_AddItemToObject(data, "ended_sessions", list);
	}
	return out;
}

void
sessions_gone_data(const struct session *gone, cJSON *data)
{
	char ts[WR_TS_MAX];

	cJSON_AddNumberToObject(data, "session", (double)gone->id);
	cJSON_AddStringToObject(data, "actor", gone->actor != NULL ? gone->actor : "");
	if (gone->pid > 0)
		cJSON_AddNumberToObject(data, "pid", (double)gone->pid);
	if (gone->armed)
		cJSON_AddBoolToObject(data, "was_armed", true);
	cJSON_AddNumberToObject(data, "last_seq", (double)gone->last_seq);
	record_format_ts(gone->last_ts_ms, ts);
	cJSON_AddStringToObject(data, "last_record_ts", ts);
}
