/*
 * theme_files.c — finds a theme by name and parses it. The search path is
 * $WARROOM_THEME_PATH (colon-separated, for running from a source tree),
 * then the user's ~/.config/warroom/themes, then the installed THEMEDIR.
 */
#include "warroom/theme_files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef THEMEDIR
#define THEMEDIR "/usr/local/share/warroom/themes"
#endif

#define THEME_MAX_BYTES (256 * 1024)

static int
load_file(struct theme *t, const char *path, struct wr_err *err)
{
	char *buf;
	ssize_t n;
	struct stat st;
	int fd, r;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return wr_err_set(err, "%s: %s", path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > THEME_MAX_BYTES) {
		close(fd);
		return wr_err_set(err, "%s: not a regular file of at most 256 KiB", path);
	}
	buf = xmalloc((size_t)st.st_size + 1);
	n = read(fd, buf, (size_t)st.st_size);
	close(fd);
	if (n < 0) {
		free(buf);
		return wr_err_set(err, "%s: %s", path, strerror(errno));
	}
	theme_default(t);
	r = theme_parse(t, path, buf, (size_t)n, err);
	free(buf);
	return r;
}

static bool
try_dir(const char *dir, size_t dirlen, const char *name, char *path, size_t cap)
{
	int n = snprintf(path, cap, "%.*s/%s.theme", (int)dirlen, dir, name);

	return n > 0 && (size_t)n < cap && access(path, F_OK) == 0;
}

int
theme_load(struct theme *t, const char *name, struct wr_err *err)
{
	const char *env = getenv("WARROOM_THEME_PATH"), *home = getenv("HOME");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	char path[WR_PATH_MAX], userdir[WR_PATH_MAX];
	const char *p;
	int r;

	if (strchr(name, '/') != NULL)
		return load_file(t, name, err);
	for (p = name; *p != '\0'; p++)
		if (!(*p == '-' || *p == '_' || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			return wr_err_set(err, "theme name '%s': use letters, digits, '-' and '_', or a path", name);
	for (p = env; p != NULL && *p != '\0';) {
		const char *colon = strchr(p, ':');
		size_t len = colon ? (size_t)(colon - p) : strlen(p);

		if (len > 0 && try_dir(p, len, name, path, sizeof(path)))
			return load_file(t, path, err);
		p = colon ? colon + 1 : NULL;
	}
	if (xdg != NULL && xdg[0] == '/')
		snprintf(userdir, sizeof(userdir), "%s/warroom/themes", xdg);
	else
		snprintf(userdir, sizeof(userdir), "%s/.config/warroom/themes", home ? home : "");
	if (try_dir(userdir, strlen(userdir), name, path, sizeof(path)))
		return load_file(t, path, err);
	if (try_dir(THEMEDIR, strlen(THEMEDIR), name, path, sizeof(path)))
		return load_file(t, path, err);
	if (strcmp(name, "default") == 0) {
		theme_default(t);
		return 0;
	}
	r = wr_err_set(err, "theme '%s' not found (looked in $WARROOM_THEME_PATH, %s and %s)",
	    name, userdir, THEMEDIR);
	return r;
}
