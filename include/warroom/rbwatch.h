/*
 * rbwatch.h — a runbook file's stamp (rbfile.h), read with stat(2): the
 * console takes one when it reads a runbook and compares on a slow timer.
 */
#ifndef WARROOM_RBWATCH_H
#define WARROOM_RBWATCH_H

#include "warroom/rbfile.h"

/* The stamp of the regular file at path into *out; out->known false when
 * it cannot be stat'ed or is not a regular file. */
void rbwatch_stamp(const char *path, struct rbfile_stamp *out);

/* Read the file at path and sum its bytes into *st (rbfile_sum); st is
 * left not summed when it cannot be read or is over a runbook's limit.
 * Only after rbfile_moved: a touch is told from an edit. */
void rbwatch_sum(const char *path, struct rbfile_stamp *st);

#endif
