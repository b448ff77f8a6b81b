/*
 * rbfile.c — a loaded runbook's file compared with what was read. Any of
 * inode, device, size or mtime (to the nanosecond) differing makes the
 * console look at its bytes: editors save by rename (a new inode) or in
 * place (mtime), but a touch, a checkout or a save of the same text
 * moves them too, and says nothing changed. A chmod changes nothing x
 * runs, so ctime does not count. A file changed and then put back to
 * the bytes read is the file's again: the watch says so, and the notice
 * goes.
 */
#include "warroom/rbfile.h"
#include "warroom/sha256.h"
#include "warroom/util.h"

#include <stdio.h>
#include <string.h>

bool
rbfile_moved(const struct rbfile_stamp *was, const struct rbfile_stamp *now)
{
	if (!was->known)
		return false;
	if (!now->known)
		return true;
	return was->dev != now->dev || was->ino != now->ino || was->size != now->size ||
	    was->mtime_ns != now->mtime_ns;
}

bool
rbfile_changed(const struct rbfile_stamp *was, const struct rbfile_stamp *now)
{
	if (!rbfile_moved(was, now))
		return false;
	return !now->known || !was->summed || !now->summed ||
	    memcmp(was->sum, now->sum, sizeof(was->sum)) != 0;
}

void
rbfile_sum(struct rbfile_stamp *st, const void *buf, size_t len)
{
	sha256(len > 0 ? buf : "", len, st->sum);
	st->summed = true;
}

void
rbfile_watch_start(struct rbfile_watch *w, const struct rbfile_stamp *read)
{
	memset(w, 0, sizeof(*w));
	w->read = *read;
	w->seen = *read;
}

/* Nothing moved between two looks: both gone, or the same stat. */
static bool
same_stat(const struct rbfile_stamp *a, const struct rbfile_stamp *b)
{
	return a->known == b->known && (!a->known || !rbfile_moved(a, b));
}

bool
rbfile_wants_sum(const struct rbfile_watch *w, const struct rbfile_stamp *now)
{
	return w->read.known && now->known && !same_stat(&w->seen, now);
}

enum rbfile_news
rbfile_look(struct rbfile_watch *w, const struct rbfile_stamp *now)
{
	bool was_there = w->seen.known;

	/* An unmoved stat keeps what its last look found: a file is read
	 * once per move, not every look. */
	if (!w->read.known || same_stat(&w->seen, now))
		return RBFILE_QUIET;
	w->seen = *now;
	if (!w->changed) {
		if (!rbfile_changed(&w->read, now))
			return RBFILE_QUIET;
		w->changed = true;
		return RBFILE_CHANGED;
	}
	/* Changed, then put back (an edit undone, a checkout): what x runs
	 * is the file's again. */
	if (!rbfile_changed(&w->read, now)) {
		w->changed = false;
		return RBFILE_BACK;
	}
	return was_there != now->known ? RBFILE_STILL : RBFILE_QUIET;
}

void
rbfile_back_words(const char *key, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s is back to what was loaded", key);
}

void
rbfile_notice(const char *key, const struct rbfile_stamp *now, char *buf, size_t cap)
{
	/* A restart reads the file again: no use once it is gone. */
	if (now->known)
		snprintf(buf, cap, "%s changed on disk since it was loaded: restart warroom to "
		    "load it; x runs the steps shown", key);
	else
		snprintf(buf, cap, "%s is gone from disk since it was loaded; x runs the steps "
		    "shown", key);
}
