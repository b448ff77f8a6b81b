/*
 * wrapbreak.h — where a row of wrapped text ends (ui_put_wrapped): between
 * words where one ends in the row's second half; else before a word that
 * then fits a row whole (a path after "exported " stays one piece to
 * copy); else after a '/' other than the word's first (a path too long
 * for any row splits where a directory ends, not mid-name); else where
 * the row is full. Pure: the
 * caller measures, through fits.
 */
#ifndef WARROOM_WRAPBREAK_H
#define WARROOM_WRAPBREAK_H

#include <stdbool.h>
#include <stddef.h>

/* Whether n bytes from s fit a row of their own. */
typedef bool (*wrapbreak_fits)(const char *s, size_t n, void *arg);

/* Bytes of text for this row, given that its first took bytes fill it
 * (0 < took); took itself when the text ends or a space follows there. */
size_t wrapbreak(const char *text, size_t took, wrapbreak_fits fits, void *arg);

#endif
