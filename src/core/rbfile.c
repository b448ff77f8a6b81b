/*
 * rbfile.c — a loaded runbook's file compared with what was read. Any of
 * inode, device, size or mtime (to the nanosecond) differing counts:
 * editors save by rename (a new inode) or in place (mtime). A chmod
 * changes nothing x runs, so ctime does not count.
 */
#include "warroom/rbfile.h"
#include "warroom/util.h"

#include <stdio.h>

bool
rbfile_changed(const struct rbfile_stamp *was, const struct rbfile_stamp *now)
{
	if (!was->known)
		return false;
	if (!now->known)
		return true;
	return was->dev != now->dev || was->ino != now->ino || was->size != now->size ||
	    was->mtime_ns != now->mtime_ns;
}

void
rbfile_notice(const char *key, const struct rbfile_stamp *now, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s %s since it was loaded: restart warroom to load it; x runs the "
	    "steps shown", key, now->known ? "changed on disk" : "is gone from disk");
}
