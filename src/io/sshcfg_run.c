/*
 * sshcfg_run.c — children that speak for OpenSSH: `ssh -G` (what a host
 * resolves to) and, for the pool, a ProxyJump hop's `ssh -W`. Their
 * stderr goes to a pipe of its own, never /dev/null: a broken ssh_config
 * or a hop's refused host key must reach the screen in ssh's words, not
 * turn into a fallback to the bare alias or "Failed getting banner".
 */
#include "warroom/sshcfg_run.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "warroom/sshtext.h"

pid_t
sshcfg_spawn(const char *const argv[], int stdio_fd, int *out_fd, int *err_fd,
    struct wr_err *err)
{
	int o[2] = { -1, -1 }, e[2];
	pid_t pid;

	if ((stdio_fd < 0 && pipe2(o, O_CLOEXEC) != 0) || pipe2(e, O_CLOEXEC) != 0) {
		int saved = errno;

		if (o[0] >= 0) {
			close(o[0]);
			close(o[1]);
		}
		return wr_err_set(err, "pipe: %s", strerror(saved));
	}
	pid = fork();
	if (pid < 0) {
		int saved = errno;

		if (o[0] >= 0) {
			close(o[0]);
			close(o[1]);
		}
		close(e[0]);
		close(e[1]);
		return wr_err_set(err, "cannot start %s: %s", argv[0], strerror(saved));
	}
	if (pid == 0) {
		int devnull = open("/dev/null", O_RDWR);

		dup2(stdio_fd >= 0 ? stdio_fd : devnull, 0);
		dup2(stdio_fd >= 0 ? stdio_fd : o[1], 1);
		dup2(e[1], 2);
		signal(SIGPIPE, SIG_DFL);       /* the console ignores it */
		execvp(argv[0], (char *const *)argv);
		dprintf(2, "cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (stdio_fd < 0) {
		close(o[1]);
		fcntl(o[0], F_SETFL, fcntl(o[0], F_GETFL) | O_NONBLOCK);
		*out_fd = o[0];
	}
	close(e[1]);
	fcntl(e[0], F_SETFL, fcntl(e[0], F_GETFL) | O_NONBLOCK);
	*err_fd = e[0];
	return pid;
}

int
sshcfg_read_tail(int fd, char *buf, size_t cap, size_t *len)
{
	char chunk[4096];
	ssize_t n;

	while ((n = read(fd, chunk, sizeof(chunk))) > 0) {
		size_t add = (size_t)n, keep;

		/* Only the end matters: what ssh says last is why it gave up. */
		if (add >= cap - 1) {
			memcpy(buf, chunk + add - (cap - 1), cap - 1);
			*len = cap - 1;
		} else {
			keep = *len + add > cap - 1 ? cap - 1 - add : *len;
			memmove(buf, buf + *len - keep, keep);
			memcpy(buf + keep, chunk, add);
			*len = keep + add;
		}
		buf[*len] = '\0';
	}
	if (n == 0)
		return 0;
	return errno == EAGAIN || errno == EINTR ? 1 : -1;
}

void
sshcfg_failure(const char *what, int status, const char *errbuf, size_t errlen,
    char *out, size_t cap)
{
	char said[600];

	sshtext_tail(errbuf, errlen, 3, said, sizeof(said));
	if (said[0] != '\0')
		snprintf(out, cap, "%s failed: %s", what, said);
	else if (WIFEXITED(status))
		snprintf(out, cap, "%s exited %d", what, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(out, cap, "%s killed by signal %d", what, WTERMSIG(status));
	else
		snprintf(out, cap, "%s failed", what);
}

int
sshcfg_run(const char *const argv[], const char *home, struct ssh_resolved *out,
    struct wr_err *err)
{
	char *obuf = NULL, ebuf[4096];
	size_t olen = 0, elen = 0;
	int ofd, efd, status = 0, open_fds = 2, rc;
	struct timespec start, now;
	pid_t pid;

	ebuf[0] = '\0';
	if ((pid = sshcfg_spawn(argv, -1, &ofd, &efd, err)) < 0)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (open_fds > 0) {
		struct pollfd pf[2] = { { ofd, POLLIN, 0 }, { efd, POLLIN, 0 } };
		long waited;

		clock_gettime(CLOCK_MONOTONIC, &now);
		waited = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
		if (waited >= 10000 || poll(pf, 2, (int)(10000 - waited)) == 0) {
			kill(pid, SIGKILL);
			wr_err_set(err, "ssh -G gave no answer within 10 s");
			goto done;
		}
		if (ofd >= 0 && pf[0].revents != 0) {
			char chunk[4096];
			ssize_t n;

			while ((n = read(ofd, chunk, sizeof(chunk))) > 0 && olen < 256 * 1024) {
				obuf = xrealloc(obuf, olen + (size_t)n + 1);
				memcpy(obuf + olen, chunk, (size_t)n);
				olen += (size_t)n;
			}
			if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) ||
			    olen >= 256 * 1024) {
				close(ofd);
				ofd = -1;
				open_fds--;
			}
		}
		if (efd >= 0 && pf[1].revents != 0 && sshcfg_read_tail(efd, ebuf, sizeof(ebuf),
		    &elen) <= 0) {
			close(efd);
			efd = -1;
			open_fds--;
		}
	}
done:
	if (ofd >= 0)
		close(ofd);
	if (efd >= 0)
		close(efd);
	waitpid(pid, &status, 0);
	if (open_fds > 0) {
		free(obuf);
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		rc = sshcfg_parse(obuf != NULL ? obuf : "", olen, home, out, err);
	else {
		sshcfg_failure("ssh -G", status, ebuf, elen, err->msg, sizeof(err->msg));
		rc = -1;
	}
	free(obuf);
	return rc;
}
