/*
 * sshcfg.c — reads the "key value" lines `ssh -G` prints. Keys arrive in
 * lower case (some OpenSSH releases print "User"), values are already
 * resolved except for "~/", which is expanded here with the home given.
 * Then the rule for what wins where the config and ssh_config both speak,
 * shared by the session pool and --check-config so both say the same.
 */
#include "warroom/sshcfg.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "warroom/driver_cmd.h"

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

/* What ssh -G lists when no IdentityFile is configured (OpenSSH 9.2):
 * those are tried when they exist, and a missing one is no news. */
static const char *const default_identities[] = {
	"~/.ssh/id_rsa", "~/.ssh/id_ecdsa", "~/.ssh/id_ecdsa_sk", "~/.ssh/id_ed25519",
	"~/.ssh/id_ed25519_sk", "~/.ssh/id_xmss", "~/.ssh/id_dsa",
};

/* OpenSSH's GlobalKnownHostsFile when ssh_config names none. */
static const char *const default_global_known[] = {
	"/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2",
};

static bool
is_default_identity(const char *v)
{
	size_t i;

	for (i = 0; i < WR_ARRAY_LEN(default_identities); i++)
		if (strcmp(v, default_identities[i]) == 0)
			return true;
	return false;
}

int
sshcfg_parse(const char *buf, size_t len, const char *home,
    struct ssh_resolved *out, struct wr_err *err)
{
	size_t pos = 0;
	int ndefault = 0, nid = 0;

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
		else if (strcmp(key, "identityfile") == 0) {
			nid++;
			ndefault += is_default_identity(val);
			add_files(val, home, out->identity_files, &out->nidentity);
		} else if (strcmp(key, "hostkeyalias") == 0 && strcmp(val, "none") != 0)
			wr_strlcpy(out->hostkeyalias, val, sizeof(out->hostkeyalias));
		else if (strcmp(key, "userknownhostsfile") == 0)
			add_files(val, home, out->known_hosts_files, &out->nknown);
		else if (strcmp(key, "globalknownhostsfile") == 0)
			add_files(val, home, out->global_known_files, &out->nglobal);
		else if (strcmp(key, "hashknownhosts") == 0)
			out->hash_known_hosts = strcmp(val, "yes") == 0;
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
	out->identities_default = nid > 0 && ndefault == nid;
	if (out->hostname[0] == '\0' || out->port <= 0 || out->port > 65535)
		return wr_err_set(err, "ssh -G gave no usable hostname and port");
	return 0;
}

void
sshcfg_argv(const char *ssh_config, int port, const char *user, const char *dest,
    char portbuf[16], const char *argv[SSHCFG_ARGV_MAX])
{
	int i = 0;

	argv[i++] = "ssh";
	argv[i++] = "-G";
	if (ssh_config != NULL && ssh_config[0] != '\0') {
		argv[i++] = "-F";
		argv[i++] = ssh_config;
	}
	if (port > 0) {
		snprintf(portbuf, 16, "%d", port);
		argv[i++] = "-p";
		argv[i++] = portbuf;
	}
	if (user != NULL && user[0] != '\0') {
		argv[i++] = "-l";
		argv[i++] = user;
	}
	argv[i++] = "--";
	argv[i++] = dest;
	argv[i] = NULL;
}

static const char *
first(const char *a, const char *b, const char *c)
{
	return a != NULL && a[0] ? a : b != NULL && b[0] ? b : c;
}

bool
sshcfg_name_is_address(const struct sshcfg_want *w, const struct ssh_resolved *r)
{
	if (w->address != NULL && w->address[0] != '\0')
		return false;
	/* ssh lowercases the name it is given before it prints it back. */
	return r == NULL || r->hostname[0] == '\0' || strcasecmp(r->hostname, w->name) == 0;
}

void
sshcfg_settle(const struct sshcfg_want *w, const struct ssh_resolved *r,
    struct sshcfg_dest *out)
{
	int i, k;

	memset(out, 0, sizeof(*out));
	wr_strlcpy(out->address, first(w->address, r ? r->hostname : NULL, w->name),
	    sizeof(out->address));
	wr_strlcpy(out->user, first(w->user, r ? r->user : NULL,
	    first(w->local_user, NULL, "root")), sizeof(out->user));
	out->port = w->port > 0 ? w->port : r != NULL && r->port > 0 ? r->port : 22;
	if (r != NULL && r->hostkeyalias[0]) {
		wr_strlcpy(out->keyname, r->hostkeyalias, sizeof(out->keyname));
		out->keyport = -1;
	} else {
		wr_strlcpy(out->keyname, out->address, sizeof(out->keyname));
		out->keyport = out->port;
	}
	if (w->identity_file != NULL && w->identity_file[0]) {
		wr_strlcpy(out->identities[out->nidentity++], w->identity_file, WR_PATH_MAX);
		out->ncfg_identity = 1;
	}
	for (i = 0; r != NULL && i < r->nidentity; i++) {
		for (k = 0; k < out->nidentity && strcmp(out->identities[k],
		    r->identity_files[i]) != 0; k++)
			;
		if (k == out->nidentity)
			wr_strlcpy(out->identities[out->nidentity++], r->identity_files[i],
			    WR_PATH_MAX);
	}
	out->identities_default = r != NULL && r->identities_default;
	out->identities_only = r != NULL && r->identities_only;
	if (w->known_hosts != NULL && w->known_hosts[0])
		wr_strlcpy(out->known[out->nknown++], w->known_hosts, WR_PATH_MAX);
	if (r != NULL && r->nknown > 0) {
		for (i = 0; i < r->nknown; i++)
			wr_strlcpy(out->known[out->nknown++], r->known_hosts_files[i], WR_PATH_MAX);
	} else if (w->home != NULL)
		snprintf(out->known[out->nknown++], WR_PATH_MAX, "%s/.ssh/known_hosts", w->home);
	out->nuser_known = out->nknown;
	/* Read, never written: a team's keys handed out system-wide. */
	if (r != NULL && r->nglobal > 0) {
		for (i = 0; i < r->nglobal; i++)
			wr_strlcpy(out->known[out->nknown++], r->global_known_files[i], WR_PATH_MAX);
	} else
		for (i = 0; i < (int)WR_ARRAY_LEN(default_global_known); i++)
			wr_strlcpy(out->known[out->nknown++], default_global_known[i], WR_PATH_MAX);
	out->hash_known = r != NULL && r->hash_known_hosts;
	if (r != NULL && r->proxycommand[0])
		out->proxycommand = true;
	else if (r != NULL && r->proxyjump[0])
		wr_strlcpy(out->jump, r->proxyjump, sizeof(out->jump));
}

void
sshcfg_known_name(const struct sshcfg_dest *d, char *out, size_t cap)
{
	/* As OpenSSH's put_host_port(): the default port goes unsaid. */
	if (d->keyport < 0 || d->keyport == 22)
		wr_strlcpy(out, d->keyname, cap);
	else
		snprintf(out, cap, "[%s]:%d", d->keyname, d->keyport);
}

void
sshcfg_hostport(const char *address, int port, char *out, size_t cap)
{
	/* An IPv6 address's own colons would run into the port's. */
	if (strchr(address, ':') != NULL)
		snprintf(out, cap, "[%s]:%d", address, port);
	else
		snprintf(out, cap, "%s:%d", address, port);
}

void
sshcfg_endpoint(const struct sshcfg_dest *d, char *out, size_t cap)
{
	char hp[300];

	sshcfg_hostport(d->address, d->port, hp, sizeof(hp));
	snprintf(out, cap, "%s@%s%s%s", d->user, hp,
	    d->proxycommand ? " via ProxyCommand" : d->jump[0] ? " via " : "", d->jump);
}

/* word as one sh word: as it is when nothing in it is special to sh. */
static void
add_word(char *out, size_t cap, const char *word, bool always)
{
	size_t used = strlen(out);

	if (used > 0 && used + 1 < cap) {
		out[used++] = ' ';
		out[used] = '\0';
	}
	if (!always && word[0] != '\0' && strspn(word, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/.,:@%+=-") == strlen(word))
		wr_strlcpy(out + used, word, cap - used);
	else
		driver_cmd_quote(out, cap, word);
}

void
sshcfg_keygen_remove(const char *name, const char *file, char *out, size_t cap)
{
	wr_strlcpy(out, "ssh-keygen -R", cap);
	/* Always quoted: "[host]:port" is a glob to sh. */
	add_word(out, cap, name, true);
	if (file != NULL && file[0] != '\0') {
		add_word(out, cap, "-f", false);
		add_word(out, cap, file, false);
	}
}

void
sshcfg_key_changed_fix(const char *name, const char *file, char *out, size_t cap)
{
	char cmd[WR_PATH_MAX + 300];

	sshcfg_keygen_remove(name, file, cmd, sizeof(cmd));
	snprintf(out, cap, "if the new key is right: %s, then K", cmd);
}

void
sshcfg_trust_words(const char *old, int64_t at_ms, char *out, size_t cap)
{
	char when[16];

	if (at_ms <= 0) {
		snprintf(out, cap, "the key it offers, which nothing here has seen before:");
		return;
	}
	/* Refused as CHANGED a minute ago, then "nothing here has seen
	 * before": the one fact to weigh went unsaid. */
	wr_clock_utc(at_ms, when, sizeof(when));
	snprintf(out, cap, "this key replaced %s (refused as HOST KEY CHANGED at %s): "
	    "confirm the rotation was intended; the key it offers:",
	    old != NULL && old[0] != '\0' ? old : "the key known_hosts held", when);
}

void
sshcfg_keyscan_add(const char *name, const char *file, char *out, size_t cap)
{
	char host[256];
	const char *close = name[0] == '[' ? strstr(name, "]:") : NULL;
	size_t used;

	wr_strlcpy(out, "ssh-keyscan", cap);
	/* keyscan names a host on another port "[host]:port" itself, as
	 * known_hosts does. */
	if (close != NULL && (size_t)(close - name) < sizeof(host)) {
		memcpy(host, name + 1, (size_t)(close - name - 1));
		host[close - name - 1] = '\0';
		add_word(out, cap, "-p", false);
		add_word(out, cap, close + 2, false);
		add_word(out, cap, host, false);
	} else
		add_word(out, cap, name, false);
	used = strlen(out);
	/* ssh's own file unquoted: sh expands its ~. */
	snprintf(out + used, cap - used, " >>%s", file[0] != '\0' ? "" : " ~/.ssh/known_hosts");
	if (file[0] != '\0')
		add_word(out, cap, file, false);
}

void
sshcfg_readonly_trust(const char *name, bool direct, const char *file, char *out, size_t cap)
{
	char cmd[WR_PATH_MAX + 300];

	/* K writes known_hosts; this console writes nothing, so the way
	 * there is by hand, and C-r looks again. */
	if (!direct) {
		snprintf(out, cap, "read-only mode trusts no host keys: check the fingerprint and "
		    "connect once with ssh (it asks, and adds the key to %s), then C-r",
		    file[0] != '\0' ? file : "~/.ssh/known_hosts");
		return;
	}
	sshcfg_keyscan_add(name, file, cmd, sizeof(cmd));
	snprintf(out, cap, "read-only mode trusts no host keys: check the fingerprint and add it "
	    "with %s or connect once with ssh, then C-r", cmd);
}

void
sshcfg_files_option(const char *option, const char *const *files, int n, char *out,
    size_t cap)
{
	size_t used;
	int i;

	snprintf(out, cap, "%s=", option);
	for (i = 0; i < n; i++) {
		used = strlen(out);
		/* ssh splits the value at spaces; quotes keep a path whole. */
		snprintf(out + used, cap - used, strchr(files[i], ' ') ? "%s\"%s\"" : "%s%s",
		    i ? " " : "", files[i]);
	}
}

void
sshcfg_hop_accept(const char *ssh_config, const char *known_hosts, const char *jump,
    char *out, size_t cap)
{
	char hops[512], opt[WR_PATH_MAX + 40], *last;

	wr_strlcpy(out, "ssh", cap);
	if (ssh_config != NULL && ssh_config[0] != '\0') {
		add_word(out, cap, "-F", false);
		add_word(out, cap, ssh_config, false);
	}
	if (known_hosts != NULL && known_hosts[0] != '\0') {
		sshcfg_files_option("UserKnownHostsFile", &known_hosts, 1, opt, sizeof(opt));
		add_word(out, cap, "-o", false);
		add_word(out, cap, opt, false);
	}
	/* a,b: the last hop is reached through the others. */
	wr_strlcpy(hops, jump, sizeof(hops));
	if ((last = strrchr(hops, ',')) != NULL) {
		*last++ = '\0';
		add_word(out, cap, "-J", false);
		add_word(out, cap, hops, false);
	} else
		last = hops;
	add_word(out, cap, last, false);
}

void
sshcfg_tilde(const char *path, const char *home, char *out, size_t cap)
{
	size_t n = home != NULL ? strlen(home) : 0;

	if (n > 1 && strncmp(path, home, n) == 0 && path[n] == '/')
		snprintf(out, cap, "~%s", path + n);
	else
		wr_strlcpy(out, path, cap);
}
