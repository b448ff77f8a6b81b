/*
 * armlock.c — the incident's arm lock (armlock.h): flock() on
 * <journal>.arm, never blocking. The holder's line is written after the
 * lock is ours and emptied before it goes, so a refused console reads the
 * line of whoever holds it now.
 */
#include "warroom/armlock.h"
#include "warroom/timeline.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

bool
armlock_held(const struct armlock *l)
{
	return l->held;
}

bool
armlock_intact(const struct armlock *l, const char *journal_path)
{
	char path[WR_PATH_MAX];
	struct stat a, b;

	if (!l->held)
		return false;
	if ((size_t)snprintf(path, sizeof(path), "%s" TIMELINE_ARM_SUFFIX, journal_path) >=
	    sizeof(path))
		return false;
	return fstat(l->fd, &a) == 0 && a.st_nlink > 0 && lstat(path, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* The holder's line, without its newline, as far as cap allows. */
static void
read_holder(int fd, char *holder, size_t cap)
{
	ssize_t n;
	char *nl;

	if (cap == 0)
		return;
	holder[0] = '\0';
	do
		n = pread(fd, holder, cap - 1, 0);
	while (n < 0 && errno == EINTR);
	if (n <= 0)
		return;
	holder[n] = '\0';
	if ((nl = strchr(holder, '\n')) != NULL)
		*nl = '\0';
	/* Anyone may write the file: it is shown as words, never as codes. */
	for (nl = holder; *nl != '\0'; nl++)
		if ((unsigned char)*nl < 0x20 || *nl == 0x7f)
			*nl = '?';
}

int
armlock_take(struct armlock *l, const char *journal_path, const char *who,
    char *holder, size_t cap, struct wr_err *err)
{
	char path[WR_PATH_MAX], line[512];
	const char *tty;
	struct tm tm;
	time_t now;
	int fd, n;

	if (l->held)
		return 0;
	if ((size_t)snprintf(path, sizeof(path), "%s" TIMELINE_ARM_SUFFIX, journal_path) >= sizeof(path))
		return wr_err_set(err, "arm lock path too long: %s" TIMELINE_ARM_SUFFIX, journal_path);
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600)) < 0)
		return wr_err_set(err, "cannot open the arm lock %s: %s", path, strerror(errno));
	while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (errno == EINTR)
			continue;
		if (errno == EWOULDBLOCK) {
			read_holder(fd, holder, cap);
			close(fd);
			return 1;
		}
		wr_err_set(err, "cannot lock %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	now = time(NULL);
	gmtime_r(&now, &tm);
	tty = ttyname(STDIN_FILENO);
	n = snprintf(line, sizeof(line), "%.200s (pid %ld on %.60s) since %02d:%02d:%02d UTC\n", who,
	    (long)getpid(), tty != NULL ? tty : "no terminal", tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (n < 0 || (size_t)n >= sizeof(line))
		n = (int)sizeof(line) - 1;
	/* The line is for the next console's message; a failure to write it
	 * leaves the lock held and the line empty. */
	if (ftruncate(fd, 0) == 0 && pwrite(fd, line, (size_t)n, 0) != n &&
	    ftruncate(fd, 0) != 0) {
		/* nothing more to do: the lock is ours all the same */
	}
	l->fd = fd;
	l->held = true;
	l->line_len = n;
	l->note[0] = '\0';
	return 0;
}

void
armlock_note(struct armlock *l, const char *note)
{
	char line[300];
	int n;

	if (!l->held || l->line_len <= 0 || strncmp(l->note, note, sizeof(l->note) - 1) == 0)
		return;
	snprintf(l->note, sizeof(l->note), "%s", note);
	n = note[0] != '\0' ? snprintf(line, sizeof(line), "%.250s\n", note) : 0;
	if (n < 0 || (size_t)n >= sizeof(line))
		n = (int)sizeof(line) - 1;
	/* Words only, like the holder's line: a failure leaves the old note. */
	if (ftruncate(l->fd, l->line_len) == 0 && n > 0 &&
	    pwrite(l->fd, line, (size_t)n, l->line_len) != n) {
		/* nothing more to do */
	}
}

void
armlock_read_note(const char *journal_path, char *note, size_t cap)
{
	char path[WR_PATH_MAX], buf[1024], *nl;
	ssize_t n;
	int fd;

	if (cap == 0)
		return;
	note[0] = '\0';
	if ((size_t)snprintf(path, sizeof(path), "%s" TIMELINE_ARM_SUFFIX, journal_path) >=
	    sizeof(path) || (fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return;
	do
		n = pread(fd, buf, sizeof(buf) - 1, 0);
	while (n < 0 && errno == EINTR);
	close(fd);
	if (n <= 0)
		return;
	buf[n] = '\0';
	if ((nl = strchr(buf, '\n')) == NULL)
		return;
	snprintf(note, cap, "%s", nl + 1);
	if ((nl = strchr(note, '\n')) != NULL)
		*nl = '\0';
	for (nl = note; *nl != '\0'; nl++)
		if ((unsigned char)*nl < 0x20 || *nl == 0x7f)
			*nl = '?';
}

void
armlock_release(struct armlock *l)
{
	if (!l->held)
		return;
	if (ftruncate(l->fd, 0) != 0) {
		/* a stale line is only words: closing still unlocks */
	}
	close(l->fd);           /* closing the only descriptor unlocks */
	l->held = false;
}
