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

/* What identifies a file's contents without reading it. */
struct rbfile_stamp {
	bool known;                      /* a regular file was found */
	unsigned long long dev, ino, size;
	int64_t mtime_ns;
};

/* Whether the file at the path is no longer what was read: replaced (an
 * editor's rename), resized, written to, or gone. False when was is not
 * known (a pipe, read once). */
bool rbfile_changed(const struct rbfile_stamp *was, const struct rbfile_stamp *now);

/* RUNBOOK's words for runbook key's file since it changed (now: its stamp
 * now), into buf. */
void rbfile_notice(const char *key, const struct rbfile_stamp *now, char *buf, size_t cap);

#endif
