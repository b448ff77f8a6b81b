/*
 * sftp.c — one file operation per job, on its own SFTP channel: init,
 * open, then read to the end (fstat first, for the mode) or write it all,
 * set the mode, fsync; close and shut down. Every call may answer EAGAIN;
 * the pool calls service() again when the session's socket moves.
 */
#include "warroom/sftp.h"

#include <libssh2_sftp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/loop.h"

enum phase { PH_INIT, PH_OPEN, PH_UNLINK, PH_STAT, PH_IO, PH_CHMOD, PH_FSYNC, PH_CLOSE, PH_SHUTDOWN,
	PH_DONE };

struct sftp_job {
	struct ssh_client client;        /* first: the pool hands this back */
	struct loop *loop;
	LIBSSH2_SESSION *s;
	LIBSSH2_SFTP *sftp;
	LIBSSH2_SFTP_HANDLE *fh;
	char *path;
	bool writing;
	bool unlinking;
	char *data;                      /* write: ours to send; read: what came */
	size_t len, off, max;
	unsigned long mode;
	enum phase phase;
	struct sftp_result result;
	sftp_done_fn done;
	void *arg;
	uint64_t timer;
};

static void
finish(struct sftp_job *j)
{
	if (j->timer != 0)
		loop_timer_cancel(j->loop, j->timer);
	ssh_client_detach(&j->client);
	j->phase = PH_DONE;
	if (j->result.ok && !j->writing) {
		j->result.data = j->data;
		j->result.len = j->len;
	}
	if (j->done != NULL)
		j->done(&j->result, j->arg);
	free(j->data);
	free(j->path);
	free(j);
}

static const char *
sftp_status(unsigned long code)
{
	switch (code) {
	case LIBSSH2_FX_NO_SUCH_FILE: return "no such file";
	case LIBSSH2_FX_PERMISSION_DENIED: return "permission denied";
	case LIBSSH2_FX_FILE_ALREADY_EXISTS: return "the file already exists";
	case LIBSSH2_FX_NO_SPACE_ON_FILESYSTEM: return "no space left on the filesystem";
	case LIBSSH2_FX_OP_UNSUPPORTED: return "the server does not support this";
	case LIBSSH2_FX_QUOTA_EXCEEDED: return "quota exceeded";
	default: return "the server refused";
	}
}


/* A failed call: name it, then close what is open. */
static void
failed(struct sftp_job *j, int rc, const char *what)
{
	snprintf(j->result.error, sizeof(j->result.error), "%s %s: %s", what, j->path,
	    rc == LIBSSH2_ERROR_SFTP_PROTOCOL && j->sftp != NULL ?
	    sftp_status(libssh2_sftp_last_error(j->sftp)) : ssh_last_error(j->s));
	j->phase = j->fh != NULL ? PH_CLOSE : j->sftp != NULL ? PH_SHUTDOWN : PH_DONE;
}

/* A call failed with rc: -1 when the session died (the pool takes it
 * down), else 0 with the job set to close what it opened. */
static int
job_failed(struct sftp_job *j, int rc, const char *what)
{
	if (ssh_error_is_fatal(rc))
		return -1;
	failed(j, rc, what);
	return 0;
}

static int
step(struct sftp_job *j, char *why, size_t whycap)
{
	LIBSSH2_SFTP_ATTRIBUTES at;
	ssize_t n;
	int rc;

	for (;;) {
		switch (j->phase) {
		case PH_INIT:
			if (!ssh_client_request(&j->client))
				return 0;        /* another channel's request is pending */
			if ((j->sftp = libssh2_sftp_init(j->s)) == NULL) {
				if ((rc = libssh2_session_last_errno(j->s)) == LIBSSH2_ERROR_EAGAIN)
					return 0;
				ssh_client_request_done(&j->client);
				if (job_failed(j, rc, "start SFTP for") < 0)
					goto fail;
				break;
			}
			j->phase = j->unlinking ? PH_UNLINK : PH_OPEN;
			break;
		case PH_UNLINK:
			rc = libssh2_sftp_unlink_ex(j->sftp, j->path, (unsigned)strlen(j->path));
			if (rc == LIBSSH2_ERROR_EAGAIN)
				return 0;
			if (rc == LIBSSH2_ERROR_SFTP_PROTOCOL &&
			    libssh2_sftp_last_error(j->sftp) == LIBSSH2_FX_NO_SUCH_FILE)
				j->result.ok = j->result.absent = true;
			else if (rc == 0)
				j->result.ok = true;
			else if (job_failed(j, rc, "remove") < 0)
				goto fail;
			j->phase = PH_SHUTDOWN;
			break;
		case PH_OPEN:
			j->fh = libssh2_sftp_open_ex(j->sftp, j->path, (unsigned)strlen(j->path),
			    j->writing ? LIBSSH2_FXF_WRITE | LIBSSH2_FXF_CREAT | LIBSSH2_FXF_EXCL :
			    LIBSSH2_FXF_READ, (long)(j->mode & 07777), LIBSSH2_SFTP_OPENFILE);
			if (j->fh == NULL) {
				if ((rc = libssh2_session_last_errno(j->s)) == LIBSSH2_ERROR_EAGAIN)
					return 0;
				if (job_failed(j, rc, j->writing ? "create" : "open") < 0)
					goto fail;
				break;
			}
			j->phase = j->writing ? PH_IO : PH_STAT;
			break;
		case PH_STAT:
			rc = libssh2_sftp_fstat_ex(j->fh, &at, 0);
			if (rc == LIBSSH2_ERROR_EAGAIN)
				return 0;
			if (rc != 0) {
				if (job_failed(j, rc, "stat") < 0)
					goto fail;
				break;
			}
			if (at.flags & LIBSSH2_SFTP_ATTR_PERMISSIONS)
				j->result.mode = at.permissions & 07777;
			if ((at.flags & LIBSSH2_SFTP_ATTR_SIZE) && at.filesize > j->max) {
				snprintf(j->result.error, sizeof(j->result.error), "%s is %llu bytes; "
				    "more than the %zu this reads", j->path,
				    (unsigned long long)at.filesize, j->max);
				j->phase = PH_CLOSE;
				break;
			}
			j->data = xmalloc(j->max + 1);
			j->phase = PH_IO;
			break;
		case PH_IO:
			if (j->writing) {
				if (j->off == j->len) {
					j->phase = PH_CHMOD;
					break;
				}
				n = libssh2_sftp_write(j->fh, j->data + j->off, j->len - j->off);
				if (n == LIBSSH2_ERROR_EAGAIN)
					return 0;
				if (n < 0) {
					if (job_failed(j, rc = (int)n, "write") < 0)
						goto fail;
					break;
				}
				j->off += (size_t)n;
				break;
			}
			n = libssh2_sftp_read(j->fh, j->data + j->len, j->max + 1 - j->len);
			if (n == LIBSSH2_ERROR_EAGAIN)
				return 0;
			if (n < 0) {
				if (job_failed(j, rc = (int)n, "read") < 0)
					goto fail;
				break;
			}
			j->len += (size_t)n;
			if (j->len > j->max) {
				snprintf(j->result.error, sizeof(j->result.error), "%s is more than "
				    "the %zu bytes this reads", j->path, j->max);
				j->phase = PH_CLOSE;
				break;
			}
			if (n == 0) {
				j->data[j->len] = '\0';
				j->result.ok = true;
				j->phase = PH_CLOSE;
			}
			break;
		case PH_CHMOD:
			/* The server's umask applied at create: set the mode exactly. */
			memset(&at, 0, sizeof(at));
			at.flags = LIBSSH2_SFTP_ATTR_PERMISSIONS;
			at.permissions = j->mode & 07777;
			rc = libssh2_sftp_fsetstat(j->fh, &at);
			if (rc == LIBSSH2_ERROR_EAGAIN)
				return 0;
			if (rc != 0) {
				if (job_failed(j, rc, "chmod") < 0)
					goto fail;
				break;
			}
			j->phase = PH_FSYNC;
			break;
		case PH_FSYNC:
			rc = libssh2_sftp_fsync(j->fh);
			if (rc == LIBSSH2_ERROR_EAGAIN)
				return 0;
			if (rc != 0) {
				if (job_failed(j, rc, "fsync") < 0)
					goto fail;
				break;
			}
			j->result.ok = true;
			j->phase = PH_CLOSE;
			break;
		case PH_CLOSE:
			rc = libssh2_sftp_close_handle(j->fh);
			if (rc == LIBSSH2_ERROR_EAGAIN)
				return 0;
			j->fh = NULL;
			if (rc != 0 && j->writing && j->result.ok) {
				/* A write's close reports a late error: not stored. */
				j->result.ok = false;
				failed(j, rc, "close");
			}
			j->phase = PH_SHUTDOWN;
			break;
		case PH_SHUTDOWN:
			rc = libssh2_sftp_shutdown(j->sftp);
			if (rc == LIBSSH2_ERROR_EAGAIN)
				return 0;
			j->sftp = NULL;
			finish(j);
			return 0;
		case PH_DONE:
			finish(j);
			return 0;
		}
	}
fail:
	snprintf(why, whycap, "connection lost: %s", ssh_last_error(j->s));
	return -1;       /* the pool takes the host down and calls lost() */
}

static int
service(struct ssh_client *cl, char *why, size_t whycap)
{
	struct sftp_job *j = (struct sftp_job *)cl;

	if (j->phase == PH_DONE)
		return 0;
	return step(j, why, whycap);
}

static void
lost(struct ssh_client *cl, const char *why)
{
	struct sftp_job *j = (struct sftp_job *)cl;

	/* libssh2 frees the SFTP channel with its session. */
	j->fh = NULL;
	j->sftp = NULL;
	j->result.ok = false;
	j->result.lost = true;
	snprintf(j->result.error, sizeof(j->result.error), "%s", why);
	finish(j);
}

static void
on_timeout(void *arg)
{
	struct sftp_job *j = arg;

	j->timer = 0;
	/* Waiting longer on a stuck session helps no one; what was done is
	 * unknown, as after a drop. */
	lost(&j->client, "timed out");
}

static struct sftp_job *
start(struct ssh_pool *pool, int host, const char *path, sftp_done_fn done,
    void *arg, struct wr_err *err)
{
	LIBSSH2_SESSION *s = ssh_pool_session(pool, host);
	struct sftp_job *j;

	if (s == NULL) {
		const struct ssh_status *st = ssh_pool_status(pool, host);

		wr_err_set(err, "%s is %s%s%s", ssh_pool_name(pool, host),
		    ssh_state_name(st->state), st->error[0] ? ": " : "", st->error);
		return NULL;
	}
	j = xcalloc(1, sizeof(*j));
	j->s = s;
	j->path = xstrdup(path);
	j->done = done;
	j->arg = arg;
	j->client.service = service;
	j->client.lost = lost;
	return j;
}

static struct sftp_job *
go(struct ssh_pool *pool, int host, struct sftp_job *j, int timeout_ms)
{
	ssh_client_attach(pool, host, &j->client);
	j->loop = ssh_client_loop(&j->client);
	if (timeout_ms > 0)
		j->timer = loop_timer_add(j->loop, timeout_ms, 0, on_timeout, j);
	return j;
}

struct sftp_job *
sftp_read_start(struct ssh_pool *pool, int host, const char *path, size_t max,
    int timeout_ms, sftp_done_fn done, void *arg, struct wr_err *err)
{
	struct sftp_job *j = start(pool, host, path, done, arg, err);

	if (j == NULL)
		return NULL;
	j->max = max;
	return go(pool, host, j, timeout_ms);
}

/* start() for a job that changes the host (what: "write", "removal"). */
static struct sftp_job *
start_change(struct ssh_pool *pool, int host, const char *path, const char *what,
    sftp_done_fn done, void *arg, struct wr_err *err)
{
	if (ssh_pool_read_only(pool)) {
		/* Defence in depth: the choke point should never let this through. */
		wr_err_set(err, "read-only mode: a file %s on %s was refused", what,
		    ssh_pool_name(pool, host));
		return NULL;
	}
	return start(pool, host, path, done, arg, err);
}

struct sftp_job *
sftp_write_start(struct ssh_pool *pool, int host, const char *path, const char *data,
    size_t len, unsigned long mode, int timeout_ms, sftp_done_fn done, void *arg,
    struct wr_err *err)
{
	struct sftp_job *j = start_change(pool, host, path, "write", done, arg, err);

	if (j == NULL)
		return NULL;
	j->writing = true;
	j->data = xmalloc(len + 1);
	memcpy(j->data, data, len);
	j->len = len;
	j->mode = mode;
	return go(pool, host, j, timeout_ms);
}

struct sftp_job *
sftp_unlink_start(struct ssh_pool *pool, int host, const char *path, int timeout_ms,
    sftp_done_fn done, void *arg, struct wr_err *err)
{
	struct sftp_job *j = start_change(pool, host, path, "removal", done, arg, err);

	if (j == NULL)
		return NULL;
	j->unlinking = true;
	return go(pool, host, j, timeout_ms);
}

void
sftp_cancel(struct sftp_job *j)
{
	/* The job runs to its end (closing what it opened) and frees itself;
	 * only nobody hears of it. */
	if (j != NULL && j->phase != PH_DONE)
		j->done = NULL;
}
