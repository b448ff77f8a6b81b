/*
 * sshcfg.h — what OpenSSH resolves for a host. warroom asks `ssh -G` (which
 * applies Match, Include and tokens exactly as ssh would) and parses the
 * answer here, so it never reimplements ssh_config.
 */
#ifndef WARROOM_SSHCFG_H
#define WARROOM_SSHCFG_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/util.h"

#define SSHCFG_MAX_FILES 8

struct ssh_resolved {
	char hostname[256];
	char user[64];
	int port;
	char identity_files[SSHCFG_MAX_FILES][WR_PATH_MAX];
	int nidentity;
	char known_hosts_files[SSHCFG_MAX_FILES][WR_PATH_MAX];
	int nknown;
	char proxyjump[512];             /* empty when none */
	char proxycommand[1024];         /* empty when none */
	int connect_timeout_s;           /* 0 when none */
	int server_alive_interval_s;
	bool identities_only;
};

/* Parse `ssh -G` output; "~/" in file names becomes home. Unknown keys are
 * ignored. Returns 0, or -1 with err when a needed key is missing. */
int sshcfg_parse(const char *buf, size_t len, const char *home,
    struct ssh_resolved *out, struct wr_err *err);

#endif
