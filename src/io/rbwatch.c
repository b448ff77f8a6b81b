/*
 * rbwatch.c — stat(2) of a runbook file into a stamp. One call per loaded
 * runbook every few seconds: a local file's inode, not its bytes.
 */
#include "warroom/rbwatch.h"

#include <string.h>
#include <sys/stat.h>

void
rbwatch_stamp(const char *path, struct rbfile_stamp *out)
{
	struct stat st;

	memset(out, 0, sizeof(*out));
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	out->known = true;
	out->dev = (unsigned long long)st.st_dev;
	out->ino = (unsigned long long)st.st_ino;
	out->size = (unsigned long long)st.st_size;
	out->mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
}
