/*
 * ssh.h — the session pool: one non-blocking libssh2 session per host,
 * driven by the one loop. Hosts move through RESOLVING → CONNECTING →
 * HANDSHAKE → AUTH → UP, or end DOWN (retried with backoff) or UNTRUSTED
 * (host key unknown or changed: nothing is sent, no retry).
 *
 * Users of a session (exec.c's commands) attach as clients; the pool calls
 * every client's service() whenever the session's socket moves, because
 * libssh2 buffers packets for all channels of a session.
 */
#ifndef WARROOM_SSH_H
#define WARROOM_SSH_H

/* Why a command's client is dropped when the console itself quits
 * (ssh_pool_free): no connection was lost, and its outcome says so. */
#define SSH_LOST_QUIT "the console quit"

#include <libssh2.h>
#include <stdbool.h>
#include <stdint.h>

#include "warroom/util.h"

struct loop;
struct ssh_pool;
struct ssh_host;

enum ssh_state {
	SSH_IDLE,
	SSH_RESOLVING,
	SSH_CONNECTING,
	SSH_HANDSHAKE,
	SSH_AUTH,
	SSH_UP,
	SSH_DOWN,
	SSH_UNTRUSTED,
};

/* What a host is to connect to; empty fields come from `ssh -G`. */
struct ssh_target {
	const char *name;                /* shown everywhere; an ssh alias too */
	const char *address;
	const char *user;
	int port;
	const char *identity_file;
};

struct ssh_pool_opts {
	const char *known_hosts;         /* extra file from the config, or NULL */
	const char *home;
	const char *local_user;          /* default login user */
	const char *ssh_config;          /* -F file for `ssh -G`, or NULL */
	bool use_ssh_config;             /* ask `ssh -G` at all */
	bool use_agent;
	int connect_timeout_ms;          /* default 10 s */
	int keepalive_s;                 /* default 10 s */
	int backoff_max_ms;              /* default 60 s */
	void (*on_change)(int host, void *arg);
	void *arg;
};

/* A host's state as the screen shows it. */
struct ssh_status {
	enum ssh_state state;
	char error[512];                 /* DOWN/UNTRUSTED: why; else "" */
	char notes[256];                 /* keys skipped during auth, and why */
	int64_t retry_at_ms;             /* DOWN: loop_now_ms() of the next try */
	int64_t down_since_ms;           /* loop_now_ms() of the first DOWN since it
	                                    was last reached (retries, CONNECTING
	                                    again, keep it); 0 once UP or UNTRUSTED */
	int64_t last_failed_ms;          /* loop_now_ms() of the last try to reach it
	                                    that failed (the loss itself, or a retry);
	                                    kept once UP, so its return can say when it
	                                    was last seen not back; 0 none yet */
	char fingerprint[64];            /* the server's key, OpenSSH SHA256 form */
	char keytype[24];
	char endpoint[340];              /* user@host:port actually used */
	char via[256];                   /* "ProxyJump bastion", or "" when direct */
	char where[400];                 /* "user@host:port via bastion" ("" until
	                                    ssh_config is read) */
	bool key_unknown;                /* UNTRUSTED because the key is not known
	                                    (not because it changed) */
	bool key_changed;                /* UNTRUSTED because the key changed */
	bool key_revoked;                /* UNTRUSTED because a known_hosts line
	                                    marks the key offered @revoked (then
	                                    known_file and known_line say where) */
	bool hop_unknown;                /* UNTRUSTED because ssh knows no key for
	                                    the ProxyJump hop (then hop is set) */
	char hop[128];                   /* key_changed or hop_unknown on this
	                                    ProxyJump hop, or "" */
	char old_keytype[24];            /* key_changed: the key known_hosts holds */
	char old_fingerprint[64];        /* ("" when it could not be read) */
	char known_file[WR_PATH_MAX];    /* the file that holds it ("" unknown) */
	int known_line;                  /* key_revoked: the @revoked line's number */
	char known_name[256];            /* how known_hosts names the host */
	bool hash_known;                 /* K hashes the name (HashKnownHosts yes) */
};

/* What ssh_pool_recheck made of a host. */
enum ssh_recheck {
	SSH_RECHECK_NONE,                /* connecting or UP: nothing to do */
	SSH_RECHECK_CHANGED,             /* known_hosts still holds another key */
	SSH_RECHECK_REVOKED,             /* the key offered is marked @revoked */
	SSH_RECHECK_UNKNOWN,             /* the old key is gone: an unknown key now */
	SSH_RECHECK_CONNECTING,          /* known now, or DOWN: connecting again */
};

/* A user of a host's session. service() makes progress on the client's
 * channels and returns 0, or -1 with why when the session itself broke.
 * lost() is called once if the session goes down while attached. */
struct ssh_client {
	int (*service)(struct ssh_client *c, char *why, size_t whycap);
	void (*lost)(struct ssh_client *c, const char *why);
	struct ssh_host *host;
	struct ssh_client *next;
};

/* Is this libssh2 error the session's death rather than one channel's? */
bool ssh_error_is_fatal(int rc);

/* Is there something for a read of ch to take: data queued on either
 * stream, or the end of the stream? Reads libssh2's queue, not the socket
 * (the pool fills the queue before servicing clients), so a client that
 * waits for data can pass over its turn without a recv(). */
bool ssh_channel_pending(LIBSSH2_CHANNEL *ch);

/* The session's last error message ("unknown error" when none). */
const char *ssh_last_error(LIBSSH2_SESSION *s);

/* "CONNECTING", "UP", … */
const char *ssh_state_name(enum ssh_state s);

struct ssh_pool *ssh_pool_new(struct loop *loop, const struct ssh_pool_opts *opts);

/* Add a host; returns its index. */
int ssh_pool_add(struct ssh_pool *pool, const struct ssh_target *t);

/* Begin connecting every host. */
void ssh_pool_start(struct ssh_pool *pool);

/* Close every session and free the pool. */
void ssh_pool_free(struct ssh_pool *pool);

int ssh_pool_count(const struct ssh_pool *pool);
const struct ssh_status *ssh_pool_status(const struct ssh_pool *pool, int host);
const char *ssh_pool_name(const struct ssh_pool *pool, int host);

/* The host's session, or NULL unless UP. */
LIBSSH2_SESSION *ssh_pool_session(struct ssh_pool *pool, int host);

/* Trust an UNTRUSTED host's unknown key (never a changed or revoked
 * one, checked again against the files as they are now): append it to
 * known_hosts on a line of its own under the name ssh would look up
 * (hashed when HashKnownHosts says so), fsync, read the file back to find
 * it, and connect again. -1 with err (nothing trusted) otherwise. */
int ssh_pool_trust(struct ssh_pool *pool, int host, const char *known_hosts,
    struct wr_err *err);

/* Look again at a host that is not UP: an UNTRUSTED host's key is
 * checked against known_hosts read anew (once the old line is removed it
 * is an unknown key K may trust; a key now known connects); a host whose
 * hop's key changed, or a DOWN one, is tried again now. */
enum ssh_recheck ssh_pool_recheck(struct ssh_pool *pool, int host);

/* ssh_pool_recheck, then an UNTRUSTED host it left so is connected to
 * again as well (the key the server offers now is checked: a known one
 * comes UP, another is UNTRUSTED with it). Returns ssh_pool_recheck's. */
enum ssh_recheck ssh_pool_retry(struct ssh_pool *pool, int host);

/* Attach a client to an UP host (-1 otherwise) and service it soon. */
int ssh_client_attach(struct ssh_pool *pool, int host, struct ssh_client *c);

/* Detach; safe from inside the client's own service(). */
void ssh_client_detach(struct ssh_client *c);

/* The session's one channel-request slot: a client opening a channel or
 * starting a command takes it first and gives it back once answered.
 * libssh2 1.10 hands a waiting request the reply meant for another
 * channel's and kills it (libssh2 issue #671), so requests never overlap.
 * True when c holds the slot; false: try again when serviced next.
 * Detaching gives it back. */
bool ssh_client_request(struct ssh_client *c);
void ssh_client_request_done(struct ssh_client *c);

/* Ask for write interest too (a client has data waiting to go out). */
void ssh_client_want_write(struct ssh_client *c);

/* The client stopped with more to read: end this turn of the session (so
 * the loop answers keys in between) and service it again at the next. */
void ssh_client_yield(struct ssh_client *c);

struct sshcfg_dest;

/* Whether any of d's known_hosts files holds a key of the host's own (as
 * checked at connect: HostKeyAlias, port); --check-config --read-only. */
bool ssh_key_known(const struct sshcfg_dest *d);

/* Read-only mode for the pool: exec.c refuses mutating commands. */

void ssh_pool_set_read_only(struct ssh_pool *pool, bool ro);
bool ssh_pool_read_only(const struct ssh_pool *pool);

/* The loop a pool runs on. */
struct loop *ssh_pool_loop(struct ssh_pool *pool);

/* The loop the pool runs on (for clients' timers). */
struct loop *ssh_client_loop(struct ssh_client *c);

#endif
