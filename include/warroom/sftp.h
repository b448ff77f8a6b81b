/*
 * sftp.h — whole-file reads and writes over a host's SSH session (libssh2
 * SFTP, non-blocking, driven by the pool like exec.c's commands). Used by
 * the kill switch to change a .env without a remote shell edit, and to
 * remove the copy it left when it could not swap it in.
 */
#ifndef WARROOM_SFTP_H
#define WARROOM_SFTP_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/ssh.h"

struct sftp_result {
	bool ok;                 /* the operation completed */
	bool lost;               /* the connection dropped: the outcome is unknown */
	char error[256];         /* why not, or "" */
	char *data;              /* read: the file's bytes (NUL-terminated; freed after done) */
	size_t len;
	unsigned long mode;      /* read: the file's permission bits */
	bool absent;             /* unlink: there was no such file */
};

typedef void (*sftp_done_fn)(const struct sftp_result *r, void *arg);

struct sftp_job;

/* Read a whole file of at most max bytes. done is called exactly once. */
struct sftp_job *sftp_read_start(struct ssh_pool *pool, int host, const char *path,
    size_t max, int timeout_ms, sftp_done_fn done, void *arg, struct wr_err *err);

/* Create path (it must not exist) with data and these permission bits,
 * fsync it and close it. A mutating write: refused while read-only. */
struct sftp_job *sftp_write_start(struct ssh_pool *pool, int host, const char *path,
    const char *data, size_t len, unsigned long mode, int timeout_ms, sftp_done_fn done,
    void *arg, struct wr_err *err);

/* Remove path; a file already gone counts as removed. A mutating call:
 * refused while read-only. done may be NULL. */
struct sftp_job *sftp_unlink_start(struct ssh_pool *pool, int host, const char *path,
    int timeout_ms, sftp_done_fn done, void *arg, struct wr_err *err);

/* Abandon a job: it still closes what it opened, but done is not called. */
void sftp_cancel(struct sftp_job *j);

#endif
