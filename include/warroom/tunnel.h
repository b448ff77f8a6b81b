/*
 * tunnel.h — HTTP to a host's loopback through its SSH connection, with no
 * local TCP port: warroom listens on a Unix socket in a private 0700
 * runtime directory, checks every peer's uid, and bridges each accepted
 * connection to a new direct-tcpip channel. libcurl reaches it with
 * CURLOPT_UNIX_SOCKET_PATH while the URL keeps the real host and port.
 */
#ifndef WARROOM_TUNNEL_H
#define WARROOM_TUNNEL_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/util.h"

struct loop;
struct ssh_pool;
struct tunnel_set;

/* The tunnels of one console; their directory is made on first use. */
struct tunnel_set *tunnel_set_new(struct loop *loop, struct ssh_pool *pool);

/* Close every listener and bridge and remove the runtime directory. */
void tunnel_set_free(struct tunnel_set *t);

/* The socket through which host's SSH session reaches dest:port (as the
 * host sees it); made on first use. NULL with err when it cannot be. */
const char *tunnel_path(struct tunnel_set *t, int host, const char *dest, int port,
    struct wr_err *err);

/* Why the latest connection to the tunnel at path was closed unbridged
 * (its channel refused, the host not UP), into out[cap]; false when it
 * was bridged, or path is no tunnel of t. */
bool tunnel_refusal(const struct tunnel_set *t, const char *path, char *out, size_t cap);

/* Connections being bridged right now (for tests and the debug view). */
int tunnel_active(const struct tunnel_set *t);

#endif
