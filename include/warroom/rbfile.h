/*
 * rbfile.h — whether a loaded runbook's file is still the one the console
 * read. The console reads each runbook once, at its start; an edit made
 * during the incident is not what x runs, so RUNBOOK says so plainly
 * instead of showing the old steps as if they were the file's. Pure: the
 * io layer fills the stamps (rbwatch.h).
 */
#ifndef WARROOM_RBFILE_H
#define WARROOM_RBFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What identifies a file's contents: its stat, and, once read, a hash of
 * its bytes. */
struct rbfile_stamp {
	bool known;                      /* a regular file was found */
	unsigned long long dev, ino, size;
	int64_t mtime_ns;
	bool summed;                     /* sum holds its bytes' hash */
	unsigned char sum[32];           /* SHA-256 of the bytes read */
};

/* Whether the file may no longer be what was read, by its stat alone:
 * replaced (an editor's rename), resized, written to or touched, or gone.
 * False when was is not known (a pipe, read once). Its bytes are then
 * read and summed (rbfile_sum) for rbfile_changed to decide. */
bool rbfile_moved(const struct rbfile_stamp *was, const struct rbfile_stamp *now);

/* Whether the file is no longer what was read: it moved (rbfile_moved)
 * and its bytes differ from those read, or could not be summed, or it is
 * gone. A touch, or a save of the same text, is no change. */
bool rbfile_changed(const struct rbfile_stamp *was, const struct rbfile_stamp *now);

/* The hash of the len bytes of buf, read from the file st stamps, into
 * st (summed). */
void rbfile_sum(struct rbfile_stamp *st, const void *buf, size_t len);

/* RUNBOOK's words for runbook key's file since it changed (now: its stamp
 * now), into buf: edited, a restart loads it; gone, x runs what is shown. */
void rbfile_notice(const char *key, const struct rbfile_stamp *now, char *buf, size_t cap);

#endif
