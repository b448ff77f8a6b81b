/*
 * fixture.h — reads a recorded fixture for a unit test: the file under
 * $top_srcdir/tests/unit/fixtures/ (top_srcdir "." when unset), whole, into
 * a malloc'd buffer with a NUL after it. Tests only; aborts the test on a
 * missing file.
 */
#ifndef WARROOM_TEST_FIXTURE_H
#define WARROOM_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

static inline char *
fixture_read(const char *name, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	char *buf = NULL;
	size_t n = 0, cap = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/tests/unit/fixtures/%s",
	    top != NULL && top[0] != '\0' ? top : ".", name);
	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "fixture %s: cannot open\n", path);
		abort();
	}
	for (;;) {
		if (n + 4096 + 1 > cap) {
			cap = (n + 4096 + 1) * 2;
			if ((buf = realloc(buf, cap)) == NULL)
				abort();
		}
		size_t got = fread(buf + n, 1, 4096, f);
		if (got == 0)
			break;
		n += got;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

#endif
