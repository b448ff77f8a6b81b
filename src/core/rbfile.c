/*
 * rbfile.c — a loaded runbook's file compared with what was read. Any of
 * inode, device, size or mtime (to the nanosecond) differing makes the
 * console look at its bytes: editors save by rename (a new inode) or in
 * place (mtime), but a touch, a checkout or a save of the same text
 * moves them too, and says nothing changed. A chmod changes nothing x
 * runs, so ctime does not count.
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
