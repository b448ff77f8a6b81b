/*
 * record.h — one timeline record and the journal line that stores it.
 *
 * The line format is DESIGN §3.3, keys in this fixed order:
 *   {"seq":N,"ts":"…","mono_ms":N,"actor":"…","session":N,"kind":"…",
 *    "host":"…"|null,"op":"…"|null,"data":{…},"prev":"xxxxxxxx",
 *    "crc":"xxxxxxxx"}
 * "session" (sessions.h) is left out when 0: journals written before it
 * read as they always did.
 * crc is the CRC-32C of the line's bytes with the `,"crc":"xxxxxxxx"` member
 * removed (so it is checked without re-encoding anything); prev is the crc
 * of the record before (first record: "00000000"). Everything here is pure:
 * bytes and times in, structs out.
 */
#ifndef WARROOM_RECORD_H
#define WARROOM_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "warroom/sessions.h"
#include "warroom/util.h"

#define WR_TS_MAX 32             /* "2024-05-01T12:00:00.123Z" and NUL */
#define WR_INCIDENT_ID_MAX 64
#define WR_INCIDENT_NAME_MAX 128
#define WR_SLUG_MAX 48
#define WR_ID_SUFFIX_BYTES 3     /* random bytes -> 6 hex digits */

struct record {
	uint64_t seq;
	int64_t ts_ms;           /* wall clock, ms since the Unix epoch (UTC) */
	int64_t mono_ms;         /* CLOCK_MONOTONIC of the writer */
	char *actor;             /* "user@machine" */
	uint64_t session;        /* seq of the writer's incident.open or resume
	                            (sessions.h); 0: not said */
	char *kind;              /* "note", "action.intent", … */
	char *host;              /* NULL encodes as null */
	char *op;                /* NULL encodes as null */
	cJSON *data;             /* always an object */
	uint32_t prev;
	uint32_t crc;            /* filled by encode and decode */
};

/* Records in file order; record_list_free releases them. */
struct record_list {
	struct record *v;
	size_t n, cap;
};

/* Why a line of a journal was not used, or where its chain broke. */
enum record_damage_why {
	RECORD_DAMAGE_CHECKSUM,  /* its crc does not match its bytes */
	RECORD_DAMAGE_TRUNCATED, /* cut short: no crc at its end */
	RECORD_DAMAGE_JSON,      /* not a record: garbage, bad JSON, a field missing */
	RECORD_DAMAGE_SEQ,       /* a whole record whose seq or prev does not follow */
};

/* record_damage.line of a damaged last line set aside to the .torn file:
 * no line of the journal holds it now (the next record took its number). */
#define RECORD_LINE_ASIDE ((size_t)-1)

/* One damaged line with records after it (record_scan). A skipped line
 * is left where it is and never used; a whole record whose seq or prev
 * does not follow the one before is kept (the chain goes on from it),
 * and what is missing before it is named. */
struct record_damage {
	enum record_damage_why why;
	bool skipped;            /* the line's bytes are not used; else the record
	                            is kept and the break is before it */
	size_t line;             /* 1-based line number in the file */
	size_t offset;           /* byte offset of the line in the bytes scanned */
	uint64_t after_seq;      /* the last record kept before it; 0: none */
	uint64_t next_seq;       /* the first record kept after it (for a kept one,
	                            its own seq); 0: none yet */
	size_t kept_before;      /* records this scan kept before it */
	bool glued;              /* skipped bytes cut short, then a whole record on
	                            the same line, kept (counted after kept_before) */
	char detail[160];        /* "bad crc (stored …, computed …)", "seq 5 after seq 7" */
};

/* What a scan of journal bytes found (see record_scan). */
struct record_scan {
	size_t good_len;         /* bytes before the torn tail (all of them when
	                            not torn), damaged lines in the middle included */
	size_t nrecords;         /* records kept (this scan only) */
	uint64_t last_seq;       /* chain state after the last record kept */
	uint32_t last_crc;
	size_t lines;            /* lines in good_len (kept or skipped) */
	bool torn;               /* bytes after good_len are bad lines with no record
	                            after them: a torn tail (usually one line) */
	bool partial;            /* … torn because it has no newline yet: a reader
	                            following a live journal waits for the rest */
	struct wr_err why;       /* "line N: …" when torn */
	bool tail_whole;         /* … and the tail starts with a whole line (it ends
	                            in a newline): written whole and damaged since,
	                            not a write cut short, so it may have held an
	                            intent as a skipped line in the middle may */
	struct record_damage tail_damage;   /* the tail's first line (damage when
	                                       tail_whole) */
	size_t tail_lines;       /* lines in the torn tail */
	struct record_damage *damage;   /* damaged lines with records after them, */
	size_t ndamage;                 /* in file order (malloc'd) */
	int64_t first_ts_ms, last_ts_ms;
	char name[WR_INCIDENT_NAME_MAX];    /* data.name of incident.open */
	bool resolved;           /* last incident.resolve not followed by a resume */
	char **open_ops;         /* action.intent op ids whose outcome is not known:
	                            no action.end, or one that says unknown,
	                            and no action.reconcile after it; also ops
	                            with output (or an end saying unknown) and
	                            no intent kept after a skipped damaged line,
	                            which may have held it */
	uint64_t *open_op_session;  /* per open op: the session of its action.intent
	                               while no action.end has come (it may still
	                               be running there); 0 once one said unknown */
	size_t n_open_ops;
	/* Sessions (incident.open, incident.resume) with no shutdown record
	 * and not yet judged ended by a resume. */
	struct sessions sessions;
};

/* CRC-32C (Castagnoli, reflected 0x82f63b78) of buf, continuing from crc
 * (start with 0). crc32c(0, "123456789", 9) == 0xe3069283. */
uint32_t crc32c(uint32_t crc, const void *buf, size_t len);

/* Format ms since the epoch as RFC3339 UTC with milliseconds. */
void record_format_ts(int64_t ms, char out[WR_TS_MAX]);

/* Parse exactly "YYYY-MM-DDTHH:MM:SS.mmmZ"; -1 if it is anything else. */
int record_parse_ts(const char *s, int64_t *ms);

/* Encode r (seq, times, actor, kind, host, op, data, prev) as one journal
 * line ending in '\n'; sets r->crc. *line is malloc'd. */
int record_encode(struct record *r, char **line, size_t *len, struct wr_err *err);

/* Decode one line (without its '\n') and check its crc; the chain is not
 * checked here. On success out owns its strings (record_free). */
int record_decode(const char *line, size_t len, struct record *out, struct wr_err *err);

/* The record as a cJSON object in line order, crc included; data is added
 * as a reference, so free the result before r. */
cJSON *record_to_json(const struct record *r);

void record_free(struct record *r);
void record_list_free(struct record_list *l);

/* Scan journal bytes whose chain continues from (seq, crc, line): the first
 * record should have seq+1 and prev crc; line is the count of lines before
 * buf. Good records are appended to keep when it is not NULL. Never fails,
 * and never lets one bad line hide the records after it: a line that does
 * not decode (or whose record is out of order) is skipped and named in
 * out->damage, a whole record whose seq or prev does not follow is kept
 * with the break named, and only bad lines with no record after them are
 * a torn tail (safe to set aside; one starting with a whole line is named
 * in out->tail_damage). A bad line holding a whole record after cut-off
 * bytes keeps that record. */
void record_scan(const char *buf, size_t len, uint64_t seq, uint32_t crc,
    size_t line, struct record_list *keep, struct record_scan *out);

/* A torn tail of s set aside, in words that stay true once its lines are
 * gone from the journal (no line number the file now gives another
 * record): "last line set aside (bad crc (…): a damaged last record): 1715
 * bytes moved to PATH". */
void record_aside_words(const struct record_scan *s, size_t bytes, const char *path,
    char *buf, size_t cap);

/* The damage one entry names, in words: "line 12 (byte 2345) damaged
 * (checksum): skipped; the 52 records after it kept" (nafter: records kept
 * since kept_before; a glued record is said apart, not counted after it). */
void record_damage_words(const struct record_damage *d, size_t nafter, char *buf,
    size_t cap);

/* All of s's damage in one line ("" when none): each entry as
 * record_damage_words says it, the first few, then how many more. */
void record_scan_damage_words(const struct record_scan *s, char *buf, size_t cap);

void record_scan_free(struct record_scan *s);

/* An action.end whose outcome is not ok or failed (unknown, or none): the
 * op's outcome is still to be found (a re-read or U settles it). */
bool record_end_unknown(const struct record *r);

/* An action.end or action.reconcile that settles its op's outcome: an end
 * saying ok or failed, a reconcile not saying unknown (a re-read that
 * found nothing conclusive records one so, and settles nothing). */
bool record_settles(const struct record *r);

/* Lowercase ASCII slug of an incident name: runs of anything but [a-z0-9]
 * become one '-', at most WR_SLUG_MAX bytes; "incident" when nothing is left. */
void record_slug(const char *name, char *out, size_t cap);

/* Incident id "<slug>-<6 hex>" from a slug and WR_ID_SUFFIX_BYTES random bytes. */
void record_make_id(const char *slug, const unsigned char *rnd, char *out, size_t cap);

/* True when id is "<slug>-<6 lowercase hex>" for this slug. */
bool record_id_matches_slug(const char *id, const char *slug);

/* True when s is usable as an incident id in a file name: [a-z0-9-], not
 * empty, not starting with '-' or '.', shorter than WR_INCIDENT_ID_MAX. */
bool record_id_valid(const char *s);

#endif
