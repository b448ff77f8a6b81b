/*
 * outfile.h — where `warroom export -o FILE` writes. A post-mortem is
 * written beside FILE under a temporary name (mode 0600: it holds the
 * journal's records) and renamed over it only once whole, so a failed
 * export leaves FILE as it was. An existing file is replaced only when
 * asked (--force), and an incident journal (a name ending .jsonl, or its
 * .torn, .arm and .live companions) never is: one mistyped path must not wipe
 * the journal being exported. Devices and pipes (/dev/stdout) are
 * written in place.
 */
#ifndef WARROOM_OUTFILE_H
#define WARROOM_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "warroom/util.h"

struct outfile {
	FILE *f;                 /* write here */
	char path[WR_PATH_MAX];  /* the name asked for */
	char tmp[WR_PATH_MAX];   /* the temporary beside it; "" when in place */
};

/* Open path for writing as above; NULL with err (nothing touched) when it
 * exists and force is false, when it is a journal, or when it cannot be
 * made. */
FILE *outfile_open(struct outfile *o, const char *path, bool force, struct wr_err *err);

/* Flush, sync and rename into place; 0, or -1 with err (the temporary
 * removed, path as it was). */
int outfile_commit(struct outfile *o, struct wr_err *err);

/* Drop what was written: the temporary removed, path as it was. */
void outfile_abort(struct outfile *o);

#endif
