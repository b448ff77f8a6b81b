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
	char error[256];         /* why it did not finish, or "" */
};

typedef void (*exec_line_fn)(enum exec_stream s, const char *line, size_t len,
    bool cut, void *arg);
typedef void (*exec_done_fn)(const struct exec_result *r, void *arg);

struct exec_opts {
	int timeout_ms;          /* 0: none */
	size_t line_cap;         /* longer lines arrive cut; default 16 KiB */
	exec_line_fn on_line;
	exec_done_fn on_done;    /* called exactly once; the command is freed after */
	void *arg;
};

struct exec_cmd;

/* Run cmd on an UP host. NULL with err filled when the host is not UP. */
struct exec_cmd *exec_start(struct ssh_pool *pool, int host, const char *cmd,
    const struct exec_opts *opts, struct wr_err *err);

/* Stop a command: its channel is closed and on_done reports "cancelled". */
void exec_cancel(struct exec_cmd *c);

#endif
