/*
 * outfile.c — an export's output file (outfile.h): checked, written to a
 * temporary beside it, renamed into place once whole.
 */
#include "warroom/outfile.h"
#include "warroom/timeline.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

FILE *
outfile_open(struct outfile *o, const char *path, bool force, struct wr_err *err)
{
	struct stat st;
	int fd;

	memset(o, 0, sizeof(*o));
	if (!wr_strlcpy(o->path, path, sizeof(o->path)) ||
	    (size_t)snprintf(o->tmp, sizeof(o->tmp), "%s.XXXXXX", path) >= sizeof(o->tmp))
		return wr_err_set(err, "%s: name too long", path), NULL;
	if (stat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
			/* /dev/stdout, a pipe: written as they are */
			o->tmp[0] = '\0';
			if ((o->f = fopen(path, "w")) == NULL)
				wr_err_set(err, "%s: %s", path, strerror(errno));
			return o->f;
		}
		if (S_ISDIR(st.st_mode))
			return wr_err_set(err, "%s: is a directory", path), NULL;
		if (timeline_file_name(path))
			return wr_err_set(err, "%s is an incident journal: an export never replaces "
			    "one; nothing written", path), NULL;
		if (!force)
			return wr_err_set(err, "%s exists: nothing written (--force replaces it)",
			    path), NULL;
	}
	if ((fd = mkstemp(o->tmp)) < 0)
		return wr_err_set(err, "%s: %s", path, strerror(errno)), NULL;
	if ((o->f = fdopen(fd, "w")) == NULL) {
		wr_err_set(err, "%s: %s", path, strerror(errno));
		close(fd);
		unlink(o->tmp);
	}
	return o->f;
}

int
outfile_commit(struct outfile *o, struct wr_err *err)
{
	int bad = fflush(o->f) != 0 || ferror(o->f);

	if (o->tmp[0] != '\0' && !bad && fsync(fileno(o->f)) != 0)
		bad = 1;
	if (fclose(o->f) != 0)
		bad = 1;
	o->f = NULL;
	if (bad) {
		wr_err_set(err, "cannot write %s: %s", o->path, strerror(errno));
		if (o->tmp[0] != '\0')
			unlink(o->tmp);
		return -1;
	}
	if (o->tmp[0] != '\0' && rename(o->tmp, o->path) != 0) {
		wr_err_set(err, "cannot put %s in place: %s", o->path, strerror(errno));
		unlink(o->tmp);
		return -1;
	}
	return 0;
}

void
outfile_abort(struct outfile *o)
{
	if (o->f != NULL)
		fclose(o->f);
	o->f = NULL;
	if (o->tmp[0] != '\0')
		unlink(o->tmp);
}
