/*
 * theme_files.h — finding and reading theme files (the parse is theme.h).
 */
#ifndef WARROOM_THEME_FILES_H
#define WARROOM_THEME_FILES_H

#include "warroom/theme.h"

/* Load theme name (a path when it holds a '/', else NAME.theme searched in
 * $WARROOM_THEME_PATH, ~/.config/warroom/themes and the installed themes).
 * "default" falls back to the built-in theme when no file is found. */
int theme_load(struct theme *t, const char *name, struct wr_err *err);

#endif
