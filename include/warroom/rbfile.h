/*
 * rbfile.h — whether a loaded runbook's file is still the one the console
 * read. The console reads each runbook once, at its start; an edit made
 * during the incident is not what x runs, so RUNBOOK says so plainly
 * instead of showing the old steps as if they were the file's, until the
 * file holds the bytes read again. Pure: the io layer fills the stamps
 * (rbwatch.h).
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

/* A loaded runbook's file as the console keeps looking at it. */
struct rbfile_watch {
	struct rbfile_stamp read;        /* as read at start (summed) */
	struct rbfile_stamp seen;        /* as last looked at (summed when it
	                                    was read then) */
	bool changed;                    /* no longer what was read */
};

/* What one look at the file says. */
enum rbfile_news {
	RBFILE_QUIET,                    /* nothing new to say */
	RBFILE_CHANGED,                  /* no longer what was read: say it */
	RBFILE_STILL,                    /* still changed, now gone or back on
	                                    disk: the notice's words differ */
	RBFILE_BACK,                     /* its bytes are those read again: the
	                                    notice goes */
};

/* Start watching a file read with stamp read (summed; not known: a pipe,
 * never looked at). */
void rbfile_watch_start(struct rbfile_watch *w, const struct rbfile_stamp *read);

/* Whether now (a stat) must be summed before rbfile_look: it moved since
 * last looked at, or came back after it was gone. */
bool rbfile_wants_sum(const struct rbfile_watch *w, const struct rbfile_stamp *now);

/* One look at the file (now: its stamp, summed when rbfile_wants_sum said
 * so): what it says, and w updated. A file changed and then put back to
 * the bytes read (an edit undone, a checkout) is no longer changed. */
enum rbfile_news rbfile_look(struct rbfile_watch *w, const struct rbfile_stamp *now);

/* The footer's words once the file holds the bytes read again, into buf. */
void rbfile_back_words(const char *key, char *buf, size_t cap);

/* RUNBOOK's words for runbook key's file since it changed (now: its stamp
 * now), into buf: edited, a restart loads it; gone, x runs what is shown. */
void rbfile_notice(const char *key, const struct rbfile_stamp *now, char *buf, size_t cap);

#endif
