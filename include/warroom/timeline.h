/*
 * timeline.h — the incident journal on disk (DESIGN §3.3): open or resume
 * an incident, append records durably, recover from a degraded state, and
 * the listing and export behind `warroom incidents` and `warroom export`.
 *
 * Files are <dir>/<id>.jsonl, one record per line (record.h). An append is
 * one write() under an exclusive flock() on the file, after re-reading any
 * records other consoles added since our last append, then fdatasync();
 * only then does timeline_append return 0. Two consoles can share one
 * incident (only one armed: armlock.h) and the seq/prev chain stays
 * whole, and each follows the other:
 * records another process appended reach the observer in file order
 * (timeline_follow, or the catch-up before our own append).
 *
 * Every console that writes holds <journal>.live locked shared while the
 * journal is open, and one byte of it exclusive (an OFD lock): byte N,
 * where N is the seq of its own incident.open or incident.resume, its
 * session number, which every record it writes carries (sessions.h). The
 * kernel drops both when the console dies. A resume names the sessions
 * before it that ended without a shutdown record ("ended_without_shutdown":
 * N, "last_record_ts" the latest of their last records, "was_armed" when
 * one was armed, "ended_sessions" each with its own): made alone, every
 * one not shut down; beside running consoles ("others_open"), those whose
 * byte is free. A session whose records carry no number (an older
 * console) is judged only by a resume made alone.
 *
 * A read-only console watches (timeline_watch): it opens an existing
 * journal O_RDONLY (a read-only filesystem will do), never creates,
 * resumes, repairs or appends, and follows what the others write.
 *
 * Resume rule for --incident ARG, in order:
 *   1. ARG is an id and <dir>/<ARG>.jsonl exists: resume that file.
 *   2. Otherwise slug(ARG) names a family "<slug>-<6 hex>": resume the one
 *      that is not resolved (no incident.resolve after its last open or
 *      resume) with the latest last event. A damaged one still counts,
 *      rather than quietly forking.
 *   3. None: create "<slug>-<6 random hex>", written first as an O_EXCL
 *      0600 temporary with its incident.open record, then linked into
 *      place, so nobody ever sees an empty journal.
 *
 * Damaged lines in the middle (a bad crc, bad JSON, a record out of
 * order: record_scan) are skipped, named (timeline_damage: file, line,
 * byte offset, why) and left in place; every record around them that
 * verifies counts, a seq gap after one is no torn tail, and records we
 * append go after the file's end, chained to the last record kept. Only
 * a bad last line is set aside as torn; nothing else is ever truncated.
 *
 * States the header shows:
 *   read-only  a watcher found the journal shrunk under it; nothing is written.
 *   degraded   a write or fdatasync failed, or the journal's path no longer
 *              names the file we write (removed, or moved with or without
 *              its directory: an fstat/lstat check before every append and
 *              on every timeline_follow); appends are refused until
 *              timeline_recover() succeeds. Recovery waits for the
 *              filesystem to have a free block, reopens the file, flushes
 *              and drops its cached pages, re-reads it, checks that the
 *              last record we were told was stored is there with the crc
 *              we wrote, sets aside a torn tail, and stores a
 *              journal.recover record saying what happened to the record
 *              whose write failed and the gap ("gap": gap_start, gap_end).
 *              A failed record is never rewritten as if it had not failed.
 *
 * Records that must not be lost (what an action writes after its intent:
 * output, end, reconcile; a post's or chain's outcome) go through
 * timeline_append_keep: while the journal is degraded, or when their own
 * write fails, they are kept in memory (at most TIMELINE_KEPT_MAX records
 * and TIMELINE_KEPT_BYTES) and written in order right after the
 * journal.recover, each with its own times (when it happened) and
 * data.late {gap_start, gap_end, problem}; one whose failed write is in
 * the file after all is not written again. While any is kept the console
 * holds byte 2^40 + session of .live, so an export elsewhere can tell.
 * A torn last line found while the console runs (another console's cut
 * write) is set aside before our next record, and a journal.repair
 * record (repaired, bytes, torn_file, why) says so.
 */
#ifndef WARROOM_TIMELINE_H
#define WARROOM_TIMELINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "warroom/export.h"
#include "warroom/quitask.h"
#include "warroom/record.h"
#include "warroom/redact.h"
#include "warroom/util.h"

/* A journal's name ends in TIMELINE_SUFFIX; its companions add one of
 * these to the journal's whole name: bytes cut off a torn tail, the arm
 * lock (armlock.h) and the live-session locks. */
#define TIMELINE_SUFFIX ".jsonl"
#define TIMELINE_TORN_SUFFIX ".torn"
#define TIMELINE_ARM_SUFFIX ".arm"
#define TIMELINE_LIVE_SUFFIX ".live"

/* The most timeline_append_keep holds while the journal is degraded. */
#define TIMELINE_KEPT_MAX 512
#define TIMELINE_KEPT_BYTES ((size_t)4 << 20)

/* True when path names a journal or one of its companions: a file only
 * the journal's own code may write. */
bool timeline_file_name(const char *path);

struct timeline;

struct timeline_open_opts {
	const char *dir;                /* timeline_dir; created 0700 (mkdir -p) */
	const char *incident;           /* --incident NAME, or an incident id */
	const struct redactor *red;     /* NULL: patterns only; must outlive the timeline */
	const char *actor;              /* NULL: "user@machine" from getpwuid/gethostname */
	const char *as;                 /* --as / actor =: put before the account,
	                                   "bob (root@vm)"; NULL or "": none */
};

/* Called after each record is stored (data belongs to the timeline). */
typedef void (*timeline_observer)(const struct record *r, void *arg);

/* Open or resume per the rule above and store incident.open or
 * incident.resume. Returns 0 with *out set (check timeline_read_only and
 * timeline_degraded), or -1 when no journal could be opened at all
 * (errno: why the journal's file would not open, when that was it), or
 * when a console still holds the .live of this name's incident whose
 * journal is missing (err names its pid and the cp back; errno EBUSY). */
int timeline_open(const struct timeline_open_opts *o, struct timeline **out,
    struct wr_err *err);

/* Watch an incident without any power to change it: resume rules 1 and 2,
 * never 3; nothing is written, repaired or set aside, and every append is
 * refused. 0 with *out set; 1 with *out NULL when the incident has no
 * journal yet, or only resolved ones (err says so, naming the latest
 * resolved id; try again later); -1 when it cannot be read. */
int timeline_watch(const struct timeline_open_opts *o, struct timeline **out,
    struct wr_err *err);

/* Pass the observer every whole record another process appended since we
 * last looked, verified as on open (crc, prev chain). One fstat and no read
 * while the size is unchanged; a writer holding the lock means "next time".
 * A last line without its newline waits for the rest. Returns how many were
 * passed on, or -1 with err when a bad line is found: a whole last one is
 * not shown (it waits to be set aside); one with records after it is
 * skipped and named, and the records after it are passed on. Damage a
 * catch-up before one of our appends found is said here too, once. */
int timeline_follow(struct timeline *tl, struct wr_err *err);

/* Close without writing anything (call timeline_shutdown first). */
void timeline_close(struct timeline *tl);

const char *timeline_id(const struct timeline *tl);
const char *timeline_path(const struct timeline *tl);
/* Who this console writes as: "user@machine" (after its as name, "bob
 * (user@machine)"), or timeline_open_opts.actor. */
const char *timeline_actor(const struct timeline *tl);
/* The account a console runs under, "user@machine" (getpwuid, gethostname):
 * the actor without an as name. */
void timeline_account(char *out, size_t cap);
bool timeline_resumed(const struct timeline *tl);
bool timeline_read_only(const struct timeline *tl);
bool timeline_watching(const struct timeline *tl);   /* opened by timeline_watch */
bool timeline_degraded(const struct timeline *tl);
/* Degraded because the journal's path no longer names the file this
 * console writes (removed or moved; checked before every append and by
 * timeline_follow): its arm lock no longer keeps other consoles out. */
bool timeline_gone(const struct timeline *tl);

/* Degraded at this process's file size limit (ulimit -f): it cannot
 * recover in this console, so arming it is pointless. */
bool timeline_size_limit(const struct timeline *tl);

/* The directory the journal this console holds open is in now, when it
 * was moved away (timeline_gone) and still has a name; false otherwise
 * (removed, or not moved). Where e writes a post-mortem then. */
bool timeline_now_at(const struct timeline *tl, char *dir, size_t cap);
uint64_t timeline_last_seq(const struct timeline *tl);
uint64_t timeline_session(const struct timeline *tl);  /* our session; 0: none */

/* Whether the console of session (a tracked one, sessions.h) still runs:
 * 1 it holds its byte of .live, 0 it does not (gone: killed, crashed),
 * -1 cannot be told (no .live to read, session 0). A watcher may ask. */
int timeline_session_alive(struct timeline *tl, uint64_t session);

/* Why the journal is read-only or degraded; "" when healthy. */
const char *timeline_problem(const struct timeline *tl);

/* What open repaired (a torn tail set aside), for the status line; "" if nothing. */
const char *timeline_notice(const struct timeline *tl);

/* The damaged lines last found ("<path>: line 12 (byte 2345) damaged
 * (checksum): skipped; the 52 records after it kept"); "" when none. */
const char *timeline_damage(const struct timeline *tl);

/* The line of the first damaged line found after record seq (what it
 * held may be a later record of the same action); 0: none. */
size_t timeline_damaged_after(const struct timeline *tl, uint64_t seq);

/* On resume: how many earlier sessions our incident.resume said ended
 * without a shutdown record (0: none), the latest of their last records'
 * times, and whether one of them was armed. */
size_t timeline_unended(const struct timeline *tl, int64_t *last_ms, bool *armed);

/* Those sessions as our incident.resume named them (its ended_sessions:
 * session, actor, pid, last_record_ts, was_armed), or NULL. */
const cJSON *timeline_unended_sessions(const struct timeline *tl);

/* Op ids an earlier session left UNKNOWN: an action.intent with no
 * action.end, or with one whose outcome is unknown, and no
 * action.reconcile. Show them UNKNOWN and re-read them; never re-run them. */
size_t timeline_unknown_ops(const struct timeline *tl, const char *const **ops);

/* B's fleet rollbacks an earlier session left with no chain.end, as
 * summaries ("fleet rollback of api to v1.4.1 interrupted: h1 UNKNOWN ·
 * h4 not started"), as our incident.resume says them. Never continued. */
size_t timeline_chains_interrupted(const struct timeline *tl, const char *const **chains);

/* Actions an earlier session confirmed and ended before running (during
 * the re-read before the intent), as our incident.resume names them
 * ("rollback of api on api-1 (v1.5.0-bad → v1.4.1), confirmed at
 * 12:13:39 UTC"); each is recorded refused, with its op, after it. */
size_t timeline_confirmed_unrun(const struct timeline *tl, const char *const **words);

/* Such confirmations with a damaged line after them that may be their
 * intent, as whole sentences saying the outcome is UNKNOWN (our
 * incident.resume's confirmed_unknown); never recorded refused. */
size_t timeline_confirmed_unknown(const struct timeline *tl, const char *const **sentences);

void timeline_set_observer(struct timeline *tl, timeline_observer fn, void *arg);

/* Called before a record about host (any kind but conn.change) is
 * appended, with the journal unlocked, so the caller can write first what
 * must precede it (a held return); appends it makes call it no more. */
typedef void (*timeline_before_host)(const char *host, void *arg);

/* Set (fn NULL: clear) the hook timeline_before_host describes. */
void timeline_set_before_host(struct timeline *tl, timeline_before_host fn, void *arg);

/* Redact and store one record; data (an object, may be NULL) is consumed
 * whatever happens. 0 only once the record is written and fdatasync'd. */
int timeline_append(struct timeline *tl, const char *kind, const char *host,
    const char *op, cJSON *data, struct wr_err *err);

/* Whether a record is still due, asked with the journal locked and read
 * up to its end (what other consoles added reached the observer first). */
typedef bool (*timeline_still_due)(void *arg);

/* timeline_append only when due(arg) says so once the journal is locked
 * and caught up: two consoles observing one host write a change once.
 * 0 stored; 1 not due (nothing written, data consumed); -1 as
 * timeline_append. */
int timeline_append_if(struct timeline *tl, const char *kind, const char *host,
    cJSON *data, timeline_still_due due, void *arg, struct wr_err *err);

/* timeline_append_keep, but due(arg) is asked first (with the journal
 * locked and caught up, when it can be written now): 2 not due, nothing
 * written or kept, data consumed. */
int timeline_append_keep_if(struct timeline *tl, const char *kind, const char *host,
    const char *op, cJSON *data, timeline_still_due due, void *arg, struct wr_err *err);

/* Whether the journal, as far as this console has read it, holds an
 * outcome of op (an action.end or action.reconcile saying ok or failed),
 * or (*unknown) a reconcile saying it could not be told. */
bool timeline_op_settled(const struct timeline *tl, const char *op, bool *unknown);

/* timeline_append for a record that must not be lost (see above): 0
 * stored now; 1 kept to be written once the journal recovers (err says
 * why not now); -1 neither: read-only, or the bound reached (err says it
 * is lost). data is consumed. */
int timeline_append_keep(struct timeline *tl, const char *kind, const char *host,
    const char *op, cJSON *data, struct wr_err *err);

/* How many records timeline_append_keep holds, not yet written. */
size_t timeline_kept(const struct timeline *tl);

/* The kept records, oldest first, as a console ending with them names
 * them (v[i] points into tl: valid until its next append or close);
 * *dropped: those refused by the bound meanwhile, never kept. Returns how
 * many of timeline_kept were put in v (at most cap). */
size_t timeline_kept_list(const struct timeline *tl, struct quitask_lost *v, size_t cap,
    size_t *dropped);

/* Of the kept records of op: the outcome of its kept action.end or
 * action.reconcile, "" when only others are kept, NULL when none is. */
const char *timeline_kept_outcome(const struct timeline *tl, const char *op);

/* When the journal turned degraded (wall-clock ms); 0 when it is not. */
int64_t timeline_degraded_since(const struct timeline *tl);

/* The last gap the journal recovered from (ms; both 0: none yet). */
void timeline_gap(const struct timeline *tl, int64_t *start_ms, int64_t *end_ms);

/* timeline_append of what holds now, after a gap: data.resync {gap_start,
 * gap_end} says the state may have changed at any moment in the gap
 * (verdicts, health not written while the journal was degraded). */
int timeline_append_resync(struct timeline *tl, const char *kind, const char *host,
    cJSON *data, struct wr_err *err);

/* note {"text"} */
int timeline_note(struct timeline *tl, const char *text, struct wr_err *err);

/* step.check / step.uncheck {"step", "title"} */
int timeline_step(struct timeline *tl, const char *step, const char *title,
    bool checked, struct wr_err *err);

/* action.intent {"action", "chain", "plan", "plan_hash"}: store before
 * sending anything. plan is consumed; plan_hash NULL: crc32c of the
 * printed plan; chain: the fleet rollback it is a turn of (NULL: none). */
int timeline_action_intent(struct timeline *tl, const char *op, const char *host,
    const char *action, cJSON *plan, const char *plan_hash, const char *chain,
    struct wr_err *err);

/* action.end {"outcome": ok|failed|unknown, "detail"}, through
 * timeline_append_keep (1: kept, written once the journal recovers). */
int timeline_action_end(struct timeline *tl, const char *op, const char *host,
    const char *outcome, const char *detail, struct wr_err *err);

/* timeline_action_end with more's members (an object, consumed; NULL:
 * none) after outcome and detail: what the end found, as data. */
int timeline_action_end_with(struct timeline *tl, const char *op, const char *host,
    const char *outcome, const char *detail, cJSON *more, struct wr_err *err);

/* incident.resolve {"summary"}: the incident lists as resolved. */
int timeline_resolve(struct timeline *tl, const char *summary, struct wr_err *err);

/* shutdown {"reason"} */
int timeline_shutdown(struct timeline *tl, const char *reason, struct wr_err *err);

/* Leave the degraded state by proving the file holds what we stored (see
 * above); 0 when healthy again, -1 (still degraded or read-only) otherwise. */
int timeline_recover(struct timeline *tl, struct wr_err *err);

/* Read an incident without changing it (shared lock): its verified records
 * into out (may be NULL) and what the scan found into scan (free with
 * record_scan_free). */
int timeline_read(const char *dir, const char *id, struct record_list *out,
    struct record_scan *scan, struct wr_err *err);

/* The verified records of tl's own file as they are now (timeline_read on
 * it, the scan's findings dropped); free out with record_list_free. */
int timeline_records(const struct timeline *tl, struct record_list *out, struct wr_err *err);

/* `warroom incidents`: one line per incident, newest first: id, start,
 * last event (UTC), state (open, resolved), records kept (then
 * "(damaged: line 12)" naming lines skipped, "(torn tail)" when the last
 * line is torn), name. */
int timeline_list(const char *dir, FILE *out, struct wr_err *err);

/* `warroom export ID`: render the incident to out (ID, or a name given to
 * --incident: its latest incident, resolved or not) in zone's tz_* (NULL:
 * UTC); a damaged or torn journal exports its verified records with a
 * warning in the document naming what was skipped. An action with no end whose console still
 * holds its .live byte is said as still running (in this console when
 * that is session self; 0 from the command line). */
int timeline_export(const char *dir, const char *id, enum export_format format,
    const struct export_opts *zone, uint64_t self, FILE *out, struct wr_err *err);

/* timeline_export of tl's incident by its own console (no zone: UTC):
 * an action whose end tl keeps, not yet written, is said so. */
int timeline_export_own(const struct timeline *tl, enum export_format format, FILE *out,
    struct wr_err *err);

#endif
