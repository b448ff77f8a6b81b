/*
 * rbwatch.c — stat(2) of a runbook file into a stamp. One call per loaded
 * runbook every few seconds: a local file's inode, not its bytes; its
 * bytes (a runbook is at most 1 MiB) only once its stat moved.
 */
#include "warroom/rbwatch.h"
#include "warroom/runbook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void
rbwatch_sum(const char *path, struct rbfile_stamp *st)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t len;

	st->summed = false;
	if (f == NULL)
		return;
	/* One byte past the limit: a file grown over it is no runbook read. */
	buf = malloc(WR_RUNBOOK_MAX_BYTES + 1);
	if (buf != NULL) {
		len = fread(buf, 1, WR_RUNBOOK_MAX_BYTES + 1, f);
		if (!ferror(f) && len <= WR_RUNBOOK_MAX_BYTES)
			rbfile_sum(st, buf, len);
		free(buf);
	}
	fclose(f);
}

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
