/*
 * namelist.h — a list of names ("api-1 ROLLBACK IMMEDIATELY, api-2 ...")
 * that is never cut silently: the names that fit are written whole and
 * the rest counted, exactly, as "and N more". Pure: strings in, text out.
 */
#ifndef WARROOM_NAMELIST_H
#define WARROOM_NAMELIST_H

#include <stddef.h>

/* Joins the first `most` of names[0..n) with ", " into buf, then
 * " and N more" for the rest; fewer when cap cannot hold them whole (so
 * "and N more" always fits; cap >= NAMELIST_CAP_MIN). Returns how many
 * are named. */
size_t namelist_join(const char *const *names, size_t n, size_t most, char *buf, size_t cap);

/* The smallest cap namelist_join needs to say "and N more" of any n. */
#define NAMELIST_CAP_MIN 32

#endif
