/*
 * settle.c — an UNKNOWN outcome settled by hand. The engineer checked the
 * host another way; the journal then holds what they found and on what
 * evidence, so the post-mortem never shows a bare "ok" that nobody saw.
 */
#include "warroom/settle.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static const char usage[] = "type ok or failed, then what you saw (ok: api answers "
    "v1.4.1 on /version)";

int
settle_parse(const char *text, bool *ok, const char **saw, struct wr_err *err)
{
	size_t w;

	while (isspace((unsigned char)*text))
		text++;
	w = strcspn(text, " \t:");
	if (w == 2 && strncasecmp(text, "ok", 2) == 0)
		*ok = true;
	else if (w == 6 && strncasecmp(text, "failed", 6) == 0)
		*ok = false;
	else
		return wr_err_set(err, "%s", usage);
	text += w;
	while (isspace((unsigned char)*text) || *text == ':')
		text++;
	if (*text == '\0')
		return wr_err_set(err, "%s", usage);
	*saw = text;
	return 0;
}
