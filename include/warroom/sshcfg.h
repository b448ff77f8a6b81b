/*
 * sshcfg.h — what OpenSSH resolves for a host. warroom asks `ssh -G` (which
 * applies Match, Include and tokens exactly as ssh would) and parses the
 * answer here, so it never reimplements ssh_config; then settles, with the
 * config's own values, where it really connects and how known_hosts names
 * the host.
 */
#ifndef WARROOM_SSHCFG_H
#define WARROOM_SSHCFG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/util.h"

#define SSHCFG_MAX_FILES 8
#define SSHCFG_ARGV_MAX 12

struct ssh_resolved {
	char hostname[256];
	char user[64];
	int port;
	char identity_files[SSHCFG_MAX_FILES][WR_PATH_MAX];
	int nidentity;
	bool identities_default;         /* none configured: ssh's default list */
	char known_hosts_files[SSHCFG_MAX_FILES][WR_PATH_MAX];
	int nknown;
	char global_known_files[SSHCFG_MAX_FILES][WR_PATH_MAX];   /* GlobalKnownHostsFile */
	int nglobal;
	bool hash_known_hosts;           /* HashKnownHosts yes */
	char hostkeyalias[256];          /* empty when none */
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

/* The `ssh -G` command line for dest (-F file, -p, -l when given: 0/NULL
 * leave them to ssh_config) into argv, NULL-terminated; its strings point
 * into the arguments and portbuf. */
void sshcfg_argv(const char *ssh_config, int port, const char *user, const char *dest,
    char portbuf[16], const char *argv[SSHCFG_ARGV_MAX]);

/* What a configured host asks for; empty or 0 fields are left to ssh_config. */
struct sshcfg_want {
	const char *name;                /* the section's name, an ssh alias too */
	const char *address, *user, *identity_file;
	int port;
	const char *known_hosts;         /* [warroom] known_hosts, or NULL */
	const char *local_user;          /* the login user when nothing names one */
	const char *home;                /* for ~/.ssh/known_hosts without ssh -G */
};

/* Where warroom connects and what it checks the host key against. */
struct sshcfg_dest {
	char address[256], user[64];
	int port;
	char keyname[256];               /* known_hosts' name: HostKeyAlias, else address */
	int keyport;                     /* its port, or -1 for a HostKeyAlias */
	char identities[SSHCFG_MAX_FILES + 1][WR_PATH_MAX];
	int nidentity;
	int ncfg_identity;               /* how many of them the config named (first) */
	bool identities_default;         /* ssh_config's are ssh's defaults */
	bool identities_only;            /* IdentitiesOnly: no other agent key */
	char known[2 * SSHCFG_MAX_FILES + 1][WR_PATH_MAX];
	int nknown;
	int nuser_known;                 /* known[0..nuser_known): the config's and
	                                    UserKnownHostsFile; then the global
	                                    files, only read */
	bool hash_known;                 /* a new entry's name is hashed */
	char jump[512];                  /* ProxyJump hops, or "" */
	bool proxycommand;               /* reached through a ProxyCommand */
};

/* Settle where a host is reached: the config's address, user and port
 * before ssh_config's (r NULL: no ssh -G asked), keys and known_hosts
 * files from both (the config's first, the global ones last: OpenSSH's
 * defaults when ssh_config names none). */
void sshcfg_settle(const struct sshcfg_want *w, const struct ssh_resolved *r,
    struct sshcfg_dest *out);

/* Whether the host's own name is where it is reached: the config names no
 * address and ssh_config no HostName for it (r NULL: ssh -G not asked).
 * --check-config says so, since a name meant as an alias reads alike. */
bool sshcfg_name_is_address(const struct sshcfg_want *w, const struct ssh_resolved *r);

/* The host as known_hosts (and ssh-keygen -R) names it: the HostKeyAlias,
 * "[address]:port", or the bare address on port 22. */
void sshcfg_known_name(const struct sshcfg_dest *d, char *out, size_t cap);

/* "address:port", an IPv6 address in brackets: "[::1]:22". */
void sshcfg_hostport(const char *address, int port, char *out, size_t cap);

/* "user@address:port", with " via HOPS" or " via ProxyCommand" when not
 * direct: where warroom really connects. */
void sshcfg_endpoint(const struct sshcfg_dest *d, char *out, size_t cap);

/* The command that removes name's old key from file ("" when unknown):
 * "ssh-keygen -R '[10.0.0.5]:2222' -f /home/op/.ssh/known_hosts", each
 * word quoted for sh where it needs it. */
void sshcfg_keygen_remove(const char *name, const char *file, char *out, size_t cap);

/* What to do about a changed host key, as HOSTS, METRICS and TIMELINE say
 * it: "if the new key is right: ssh-keygen -R '[10.0.0.5]:2222' -f
 * /k/known_hosts, then K" (K alone is refused while the old key stays). */
void sshcfg_key_changed_fix(const char *name, const char *file, char *out, size_t cap);

/* What K's dialog says of the key a host offers: "the key it offers,
 * which nothing here has seen before:", or, when this console refused
 * that very key as changed (old: the key known_hosts held then, at_ms:
 * when), "this key replaced SHA256:old (refused as HOST KEY CHANGED at
 * 16:56:42, UTC): confirm the rotation was intended; the key it offers:". */
void sshcfg_trust_words(const char *old, int64_t at_ms, char *out, size_t cap);

/* The command that adds a host's keys to file as known_hosts names the
 * host (name: "[10.0.0.5]:2222", or a bare name on port 22):
 * "ssh-keyscan -p 2222 10.0.0.5 >> /home/op/.ssh/known_hosts". */
void sshcfg_keyscan_add(const char *name, const char *file, char *out, size_t cap);

/* What K says in read-only mode, and HOSTS under an unknown key there:
 * no key is trusted from here, the way to add it by hand (keyscan only
 * for a host reached directly: through a hop, ssh), then C-r. file ""
 * is ~/.ssh/known_hosts. */
void sshcfg_readonly_trust(const char *name, bool direct, const char *file, char *out,
    size_t cap);

/* An ssh -o value naming files: "GlobalKnownHostsFile=a b", a path with
 * a space in double quotes (ssh splits the value at spaces). */
void sshcfg_files_option(const char *option, const char *const *files, int n, char *out,
    size_t cap);

/* The command that accepts a ProxyJump hop's key by hand where warroom
 * will look for it: "ssh -F SSH_CONFIG -o UserKnownHostsFile=KNOWN HOP"
 * (-F and -o only when given; hops "a,b": "-J a b"), quoted for sh. */
void sshcfg_hop_accept(const char *ssh_config, const char *known_hosts, const char *jump,
    char *out, size_t cap);

/* A path as ssh_config would write it: home's prefix as "~". */
void sshcfg_tilde(const char *path, const char *home, char *out, size_t cap);

#endif
