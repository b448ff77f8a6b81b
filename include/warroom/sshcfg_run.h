/*
 * sshcfg_run.h — running `ssh -G` (and the ProxyJump hop's `ssh -W`) as
 * children whose stderr is kept: what ssh says when it refuses an
 * ssh_config, or a hop's host key, is the reason shown.
 */
#ifndef WARROOM_SSHCFG_RUN_H
#define WARROOM_SSHCFG_RUN_H

#include <sys/types.h>

#include "warroom/sshcfg.h"
#include "warroom/util.h"

/* Start argv with stdin and stdout on stdio_fd (a proxy's socket), or,
 * when it is -1, stdin from /dev/null and stdout on *out_fd (a new pipe);
 * stderr on *err_fd (a new pipe). Our ends are non-blocking and
 * close-on-exec. A child that cannot run argv[0] says so on its stderr
 * and exits 127. Returns the pid, or -1 with err. */
pid_t sshcfg_spawn(const char *const argv[], int stdio_fd, int *out_fd, int *err_fd,
    struct wr_err *err);

/* Read what fd holds now (non-blocking) onto buf[*len], keeping the last
 * cap - 1 bytes, NUL-terminated. Returns 0 at end of file, 1 when more
 * may come, -1 on an error. */
int sshcfg_read_tail(int fd, char *buf, size_t cap, size_t *len);

/* Why a finished `what` failed: its stderr's last lines, or how it ended
 * (status as waitpid gives it). */
void sshcfg_failure(const char *what, int status, const char *errbuf, size_t errlen,
    char *out, size_t cap);

/* Run ssh -G (argv from sshcfg_argv) to its end, within 10 s, and parse
 * its answer: 0, or -1 with ssh's own words (for --check-config). */
int sshcfg_run(const char *const argv[], const char *home, struct ssh_resolved *out,
    struct wr_err *err);

#endif
