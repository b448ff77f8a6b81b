/*
 * sshcfg.c — reads the "key value" lines `ssh -G` prints. Keys arrive in
 * lower case (some OpenSSH releases print "User"), values are already
 * resolved except for "~/", which is expanded here with the home given.
 */
#include "warroom/sshcfg.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
expand(const char *v, const char *home, char *out, size_t cap)
{
	if (v[0] == '~' && v[1] == '/' && home != NULL)
		snprintf(out, cap, "%s%s", home, v + 1);
	else
		wr_strlcpy(out, v, cap);
}

static void
add_files(const char *v, const char *home, char (*files)[WR_PATH_MAX], int *n)
{
	char buf[4096], *tok, *save = NULL;

	wr_strlcpy(buf, v, sizeof(buf));
	for (tok = strtok_r(buf, " \t", &save); tok != NULL && *n < SSHCFG_MAX_FILES;
	    tok = strtok_r(NULL, " \t", &save))
		expand(tok, home, files[(*n)++], WR_PATH_MAX);
}

int
sshcfg_parse(const char *buf, size_t len, const char *home,
    struct ssh_resolved *out, struct wr_err *err)
{
	size_t pos = 0;

	memset(out, 0, sizeof(*out));
	while (pos < len) {
		char line[4096], *key, *val, *p;
		size_t end = pos, n;

		while (end < len && buf[end] != '\n')
			end++;
		n = end - pos < sizeof(line) - 1 ? end - pos : sizeof(line) - 1;
		memcpy(line, buf + pos, n);
		line[n] = '\0';
		pos = end + 1;
		wr_trim(line);
		if (line[0] == '\0')
			continue;
		key = line;
		for (p = key; *p != '\0' && !isspace((unsigned char)*p); p++)
			*p = (char)tolower((unsigned char)*p);
		if (*p == '\0')
			continue;
		*p++ = '\0';
		val = wr_trim(p);
		if (strcmp(key, "hostname") == 0)
			wr_strlcpy(out->hostname, val, sizeof(out->hostname));
		else if (strcmp(key, "user") == 0)
			wr_strlcpy(out->user, val, sizeof(out->user));
		else if (strcmp(key, "port") == 0)
			out->port = atoi(val);
		else if (strcmp(key, "identityfile") == 0)
			add_files(val, home, out->identity_files, &out->nidentity);
		else if (strcmp(key, "userknownhostsfile") == 0)
			add_files(val, home, out->known_hosts_files, &out->nknown);
		else if (strcmp(key, "proxyjump") == 0 && strcmp(val, "none") != 0)
			wr_strlcpy(out->proxyjump, val, sizeof(out->proxyjump));
		else if (strcmp(key, "proxycommand") == 0 && strcmp(val, "none") != 0)
			wr_strlcpy(out->proxycommand, val, sizeof(out->proxycommand));
		else if (strcmp(key, "connecttimeout") == 0 && strcmp(val, "none") != 0)
			out->connect_timeout_s = atoi(val);
		else if (strcmp(key, "serveraliveinterval") == 0)
			out->server_alive_interval_s = atoi(val);
		else if (strcmp(key, "identitiesonly") == 0)
			out->identities_only = strcmp(val, "yes") == 0;
	}
	if (out->hostname[0] == '\0' || out->port <= 0 || out->port > 65535)
		return wr_err_set(err, "ssh -G gave no usable hostname and port");
	return 0;
}
