/*
 * logmerge.h — several services' log lines merged in time order. Lines
 * wait a short hold (they arrive in bursts: a backlog, a reconnect's
 * resume) in a heap ordered by the time the line itself carries (its
 * arrival when it carries none), and leave oldest first once due. Pure:
 * the caller passes the clock and emits the lines.
 */
#ifndef WARROOM_LOGMERGE_H
#define WARROOM_LOGMERGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* More lines than this waiting and the oldest leave at once. */
#define LOGMERGE_MAX_WAITING 200000

struct logmerge_line {
	int64_t ts_ms;                   /* the line's own time, or its arrival */
	int64_t due_ms;                  /* arrival + hold */
	uint64_t seq;                    /* arrival order, for equal times */
	int stream;                      /* the caller's tag (stdout/stderr) */
	bool timed;                      /* ts_ms is the line's own */
	char *text;
	size_t len;
};

struct logmerge {
	struct logmerge_line *heap;
	size_t n, cap;
	uint64_t seq;
	int64_t hold_ms;
	uint32_t gate;                   /* sources not heard from yet (bits) */
	int64_t gate_until;              /* ... waited for until then */
};

/* A line leaves: ts_ms is its own time, -1 when it carries none. */
typedef void (*logmerge_emit_fn)(const char *text, size_t len, int stream, int64_t ts_ms,
    void *arg);

void logmerge_init(struct logmerge *m, int64_t hold_ms);

/* Take a line (copied) that arrived at now_ms; ts_ms is its own time, or
 * -1 when it has none. */
void logmerge_push(struct logmerge *m, const char *text, size_t len, int stream,
    int64_t ts_ms, int64_t now_ms);

/* Hold every line until each source in mask (bit n: the caller's source
 * n, below 32) has pushed one, or until until_ms: backlogs that arrive
 * one after the other, the first long due, still merge by time. */
void logmerge_gate(struct logmerge *m, uint32_t mask, int64_t until_ms);

/* Source src was heard from; true when that opened the gate (drain now). */
bool logmerge_gate_open(struct logmerge *m, unsigned src);

/* Emit every line that is due by now_ms, oldest time first (all of them
 * when flush); none while the gate holds (unless flush). Returns when the
 * next line is due, or -1 when none waits. */
int64_t logmerge_drain(struct logmerge *m, int64_t now_ms, int flush, logmerge_emit_fn emit,
    void *arg);

/* The time of one stream's line before. */
struct logmerge_carry {
	int64_t ts_ms;                   /* -1: none yet */
	int64_t at_ms;                   /* when that line arrived */
};

/* How long a line without a time goes with the timed one before it. */
#define LOGMERGE_CARRY_MS 1000

/* A line's time for the merge: its own (ts_ms), else — a stack trace's
 * next line, a wrapped message — that of the timed line before it in the
 * same stream when that arrived within LOGMERGE_CARRY_MS; else -1. */
int64_t logmerge_carry_time(struct logmerge_carry *c, int64_t ts_ms, int64_t now_ms);

/* The first RFC 3339 time ("2026-11-26T10:14:18.123Z", offsets too) in the
 * first 96 bytes of s, as ms since the epoch; -1 when there is none. */
int64_t logmerge_parse_time(const char *s, size_t len);

void logmerge_free(struct logmerge *m);

/* Services a fill count keeps apart (LOGS' rings). */
#define LOGMERGE_FILL_SERVICES 16

/* A resumed tail back-fills what its service wrote while it was away:
 * lines older than those other services have already shown, stored after
 * them all the same. Per service, the newest time stored and, from a resume
 * until its first line that is not older, how many were. */
struct logmerge_fill {
	int64_t newest[LOGMERGE_FILL_SERVICES];  /* INT64_MIN: none stored */
	uint64_t filled[LOGMERGE_FILL_SERVICES]; /* since the resume */
	uint64_t said[LOGMERGE_FILL_SERVICES];   /* filled when last reported */
	bool resumed[LOGMERGE_FILL_SERVICES];    /* still back-filling */
};

/* Nothing stored yet, nothing resumed. */
void logmerge_fill_init(struct logmerge_fill *f);

/* svc's tail resumed after a break: count its coming back-fill from 0. */
void logmerge_fill_resume(struct logmerge_fill *f, unsigned svc);

/* A line of svc with time ts_ms (-1: none, not counted) was stored; true
 * when it was back-filled (resumed, older than another service's newest). */
bool logmerge_fill_note(struct logmerge_fill *f, unsigned svc, int64_t ts_ms);

/* A service whose back-fill count grew since last asked: its count (and
 * *svc), then taken as reported; 0 when none grew. */
uint64_t logmerge_fill_news(struct logmerge_fill *f, unsigned *svc);

#endif
