/*
 * ingest.h — a followed log stream's bytes on their way into its LOGS ring:
 * cut into lines (as linesplit's head splitter does: an overlong line
 * once, cut, its marker counting every byte not kept), each given the stream's prefix,
 * sanitized and redacted, then stored. Whole chunks are examined in one
 * pass (linescan); lines that pass it clean go into the ring as they are,
 * a run at a time, and the others take the exact per-line path, so the
 * ring holds exactly what sanitize_buf + redact_text + logset_append of
 * every line would give.
 *
 * A stream that resumes after a break (ingest_resume) asks its tool for
 * lines from a whole second on, so it is sent again the lines of that
 * second it already holds: those are recognised at the start of the
 * resumed run (each pod's apart, when kubectl names the pod of each line)
 * and not stored twice.
 */
#ifndef WARROOM_INGEST_H
#define WARROOM_INGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/linesplit.h"
#include "warroom/logset.h"
#include "warroom/redact.h"

/* Longest prefix kept ("host/svc "); longer ones are cut. */
#define WR_INGEST_PREFIX_MAX 200

/* A finished line (sanitized, redacted, prefixed) and the raw line it came
 * from, for a caller that orders lines itself (several streams merged). */
typedef void (*ingest_line_fn)(const char *text, size_t len, const char *raw,
    size_t raw_len, unsigned source, void *arg);

struct ingest_opts {
	const char *prefix;              /* before every line; NULL: none */
	unsigned source;                 /* 0 stdout, 1 stderr (stored as a warning) */
	size_t line_cap;                 /* longer lines are cut (linesplit_init_head); 0: 16 KiB */
	const struct redactor *red;      /* must outlive the ingest; may gain secrets */
	struct logset *set;              /* where lines go, or NULL: each to on_line;
	                                  * may be changed between feeds */
	unsigned ring;                   /* ... and into which of its rings */
	ingest_line_fn on_line;
	void *arg;
};

/* One source of a resumed run: a pod when kubectl prefixes each line
 * with "[pod/NAME/CONTAINER] " (a deployment's pods followed at once, their
 * lines interleaved as they come), else the whole stream. Its lines sent
 * again are recognised among its own held ones, in its own order. */
struct ingest_part {
	uint64_t key;                    /* hash of the pod prefix; 0: none */
	size_t start, n;                 /* its held lines: held[start .. start + n) */
	size_t from, matched;            /* its run's lines matched so far:
	                                    held[start + from .. + matched) */
	uint64_t cut;                    /* resume: its lines after this seq are held */
	bool closed;                     /* resume: an older line of it was met */
	bool seeking;                    /* no line of it in the resumed run yet */
	bool done;                       /* skipping over for this part */
};

struct ingest {
	struct ingest_opts o;
	char prefix[WR_INGEST_PREFIX_MAX + 1];
	size_t plen;
	bool plain;                      /* linescan_prefix_plain of the prefix ... */
	size_t plain_secrets;            /* ... with this many secrets loaded, plus one */
	struct linesplit split;          /* partial and overlong lines */
	char *buf, *clean;               /* the exact path's prefix + line, and its output */
	uint64_t *nl, *slow;             /* linescan's bits for the current chunk */
	size_t words;
	struct logbuf_piece *run;        /* clean lines waiting for one append */
	size_t run_cap;
	uint64_t lines;                  /* lines delivered, ever */
	uint64_t fast;                   /* ... of them stored without the per-line path */
	/* A resumed run: hashes of the lines it may send again, in order, a
	 * segment per part (struct ingest_part); nheld 0 once none is open. */
	uint64_t *held;
	size_t nheld, held_cap;
	struct ingest_part *parts;
	size_t nparts, parts_cap, open_parts;
	uint64_t skipped;                /* lines not stored again, ever */
};

/* A stream with nothing received yet. */
void ingest_init(struct ingest *in, const struct ingest_opts *o);

/* Free what ingest_init and the feeds allocated. */
void ingest_free(struct ingest *in);

/* Take the next bytes of the stream; every complete line is delivered. */
void ingest_feed(struct ingest *in, const char *data, size_t len);

/* End of the stream (a run ended): a last line without '\n' is delivered. */
void ingest_finish(struct ingest *in);

/* The run was cut off on purpose (its tail restarted with another
 * command): a last line it had begun is dropped, not delivered, since the
 * next run, resumed from an earlier second, sends it again whole. */
void ingest_drop_partial(struct ingest *in);

/* The exact path for one line as the splitter gives it: its first len
 * bytes, and how many after them it dropped (0: the whole line). */
void ingest_line(struct ingest *in, const char *line, size_t len, size_t dropped);

/* Held lines looked at for a resume, at most: a flood's two seconds. */
#define WR_INGEST_HELD_MAX ((size_t)1 << 20)
/* Pods told apart for a resume, at most (driver_cmd's WR_K8S_LOG_PODS_MAX
 * and a rollout's surge). */
#define WR_INGEST_PARTS_MAX 160

/* The stream resumes (a new run of its tool) after the lines it stored in
 * ring of set: since (cap >= 21) gets the second its newest stamped line
 * carries, RFC 3339 UTC, for the tool's --since, and the lines it holds
 * from the second before that on are skipped where the new run begins
 * with them (a pod's where its lines begin). False (nothing skipped) when
 * no stored line is stamped. */
bool ingest_resume(struct ingest *in, const struct logset *set, unsigned ring,
    char *since, size_t cap);

#endif
