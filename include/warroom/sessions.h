/*
 * sessions.h — the consoles that wrote a journal, one session each, and
 * which of them ended without a shutdown record (kill -9, a crash).
 *
 * A session starts with its incident.open or incident.resume; that
 * record's seq is its number, and every record the console writes after
 * carries it ("session", record.h) while the console holds byte N of
 * <journal>.live locked (timeline.c). A session is over with its shutdown
 * record, or once a resume judged it ended without one. Records with no
 * number (older journals, or a console that could not take its byte) are
 * counted as before: such a session is judged only by a resume made while
 * no other console runs. Pure: records in, counts and JSON out.
 */
#ifndef WARROOM_SESSIONS_H
#define WARROOM_SESSIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

struct record;

/* One session not known to be over. */
struct session {
	uint64_t id;            /* seq of its incident.open / incident.resume */
	bool tracked;           /* its records carry id: its .live byte can be tested */
	char *actor;            /* "user@machine" of its opening record */
	long pid;               /* its console's pid (data.pid), 0 when not said */
	int64_t last_ts_ms;     /* its last record (tracked sessions) */
	bool armed;             /* its last mode.change armed (tracked sessions) */
	int64_t armed_ms;       /* when it armed, while armed */
	uint64_t last_seq;      /* its last record's seq (tracked sessions) */
	uint64_t gone_seq;      /* the session.gone record of it, 0: none yet */
};

/* The sessions of a journal with no shutdown record yet, in file order. */
struct sessions {
	struct session *v;
	size_t n, cap;
	bool armed;             /* untracked: the last mode.change with no session
	                           armed, and no such shutdown or lone resume after */
	int64_t last_ts_ms;     /* the journal's last record */
};

/* Fold one good record (file order) into s. A session.gone record
 * (data.session) marks that session recorded gone; it stays open for the
 * watcher's words until a resume, which does not report it again. */
void sessions_note(struct sessions *s, const struct record *r);

void sessions_free(struct sessions *s);

/* The open session armed last, as its records say (a watcher's header and
 * its refusal of A name it), or NULL. An arming that ran out is a
 * mode.change too; a console killed while armed stays armed here until a
 * resume judges it over. */
const struct session *sessions_armed(const struct sessions *s);

/* A watcher's words for s, the armed session (sessions_armed), whose
 * console alive says still runs (1), is gone (0: its byte of .live is
 * free) or cannot be told (-1), into buf: "alice@box since 13:05 UTC", or
 * for a tracked one that is gone "alice@box, last record 13:20 UTC".
 * Returns whether it is gone: the journal's arming speaks for nobody. */
bool sessions_armed_words(const struct session *s, int alive, char *buf, size_t cap);

/* What a resume found of the sessions before it. */
struct sessions_ended {
	size_t n;               /* ended without a shutdown record */
	int64_t last_ms;        /* the latest of their last records */
	bool armed;             /* one of them was armed */
	/* Of those, the ones a session.gone recorded already: not in n, and
	 * listed apart (data recorded_gone: session, actor, pid, gone_seq,
	 * was_armed) so the journal says each ended once. */
	size_t said_n;
	int64_t said_last_ms;
	bool said_armed;
};

/* Judge the sessions before a resume. alone (no other console holds
 * <journal>.live): all of them are over. Otherwise only tracked ones
 * whose byte is free (alive[i] false for s->v[i]) are; the others are
 * left for a later resume. One a session.gone already recorded is over,
 * counted in said_n, not n. Adds to data ended_without_shutdown,
 * last_record_ts, was_armed and ended_sessions (one object per session:
 * session, actor, pid, last_record_ts, was_armed) when any ended, and
 * others_open when not alone, with consoles_open (the writing consoles
 * whose byte is held, this one counted) when every byte was tested and
 * every session is tracked; alone, unwatched_from: the journal's last
 * record, from when no console watched until this resume. */
struct sessions_ended sessions_judge(const struct sessions *s, bool alone, const bool *alive,
    cJSON *data);

/* Into data (a session.gone record's) what the journal holds of gone,
 * a session whose console no longer holds its .live byte: session,
 * actor, pid, was_armed, last_seq, last_record_ts. */
void sessions_gone_data(const struct session *gone, cJSON *data);

#endif
