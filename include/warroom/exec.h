/*
 * exec.h — commands on a host's SSH session. Output arrives line by line
 * (stdout and stderr apart), and the end reports the exit status or the
 * signal, a timeout, or the error that stopped it. Many commands may run
 * on one session at once.
 */
#ifndef WARROOM_EXEC_H
#define WARROOM_EXEC_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/ssh.h"

enum exec_stream { EXEC_STDOUT, EXEC_STDERR };

struct exec_result {
	bool finished;           /* the command ran to its end on the host */
	int exit_status;         /* when finished and no signal */
	char signal[32];         /* "TERM", … when killed by a signal */
	bool timed_out;
	bool quit;               /* not finished because the console quit */
	char error[256];         /* why it did not finish, or "" */
};

typedef void (*exec_line_fn)(enum exec_stream s, const char *line, size_t len,
    bool cut, void *arg);
typedef void (*exec_done_fn)(const struct exec_result *r, void *arg);
typedef void (*exec_closed_fn)(void *arg);
/* Output as read, not cut into lines; once per stream at the end of a run
 * with eof true and no data (a last line without '\n' is then complete). */
typedef void (*exec_chunk_fn)(enum exec_stream s, const char *data, size_t len,
    bool eof, void *arg);

struct exec_opts {
	int timeout_ms;          /* 0: none; else on_done says timed_out then, at
	                            once, whatever the host does (see on_closed) */
	size_t line_cap;         /* longer lines arrive cut; default 16 KiB */
	exec_line_fn on_line;
	exec_chunk_fn on_chunk;  /* if set, instead of on_line (the caller cuts lines) */
	exec_done_fn on_done;    /* called exactly once; the command is freed after */
	/* May be NULL; else called once after on_done, when the channel is
	 * gone too: at once for a command that ended, later for one cut short
	 * (its timeout, exec_cancel), whose channel sshd closes only when the
	 * command exits (given up after 10 min, or with the session). arg
	 * must live until then. */
	exec_closed_fn on_closed;
	void *arg;
	bool mutating;           /* refused while the pool is read-only */
};

struct exec_cmd;

/* Run cmd on an UP host. NULL with err filled when the host is not UP. */
struct exec_cmd *exec_start(struct ssh_pool *pool, int host, const char *cmd,
    const struct exec_opts *opts, struct wr_err *err);

/* What exec_write holds for a command's stdin at most. */
#define EXEC_WRITE_MAX 64

/* Queue data[len] for the command's stdin, sent as the channel allows.
 * False when it has ended or the queue has no room for all of it. */
bool exec_write(struct exec_cmd *c, const char *data, size_t len);

/* Stop a command: on_done reports "cancelled" (or the timeout) before this
 * returns, and the channel is closed in the background (see on_closed). */
void exec_cancel(struct exec_cmd *c);

/* ---- streams that outlive a connection (logs -f) ---- */

struct exec_follow;

/* Called when a stream (re)starts, with the command it runs. */
typedef void (*exec_restart_fn)(const char *cmd, int restarts, void *arg);

/* Fills the {since} of a run that resumes a stream (buf[cap], RFC 3339);
 * false: resume from the arrival of the last output instead. */
typedef bool (*exec_since_fn)(char *buf, size_t cap, void *arg);

struct exec_follow_opts {
	size_t line_cap;
	exec_line_fn on_line;            /* every line, from every run */
	exec_chunk_fn on_chunk;          /* or every chunk, each run ending in eof */
	exec_restart_fn on_restart;      /* may be NULL */
	exec_since_fn since;             /* may be NULL */
	void *arg;
	const char *first_since;         /* {since} on the first run, e.g. "10m" */
	int retry_ms;                    /* wait before restarting; default 1000 */
};

/* Run cmd_template on host and keep it running: when it ends or the
 * session drops, run it again once the host is UP, with "{since}" in the
 * template replaced by what opts.since says (the time of the newest line
 * stored) or else the UTC time (RFC 3339) the last output arrived, so
 * the tool resumes where it left off. A run that ends within seconds
 * doubles the wait before the next (up to 30 s). */
struct exec_follow *exec_follow_start(struct ssh_pool *pool, int host,
    const char *cmd_template, const struct exec_follow_opts *opts);

/* Why the stream is not running now ("the host is not connected", "the
 * command exited 1"; it is retried), or NULL while a run is going. */
const char *exec_follow_gap(const struct exec_follow *s);

/* Follow with cmd_template from now on: a run going is stopped at once,
 * mid-line perhaps and with no eof (the caller drops a line begun), and
 * the next starts now, resumed as after a break (opts.since). Before its
 * first run, the first run takes it, from opts.first_since. */
void exec_follow_retarget(struct exec_follow *s, const char *cmd_template);

/* Stop the stream and free it (no more callbacks). */
void exec_follow_stop(struct exec_follow *s);

#endif
