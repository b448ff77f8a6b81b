/*
 * tunnel_why.h — why a tunnel's direct-tcpip channel did not open, in
 * words an engineer can act on. libssh2 1.10 keeps only the SSH reason
 * code of a refused channel open ("Channel open failure (connect
 * failed)"), not the server's text; curl, meanwhile, only sees its
 * connection close ("Empty reply from server"), so this is what a probe
 * or a query says instead.
 */
#ifndef WARROOM_TUNNEL_WHY_H
#define WARROOM_TUNNEL_WHY_H

#include <stddef.h>

/* The reason for ssh_msg (libssh2_session_last_error's message after a
 * failed libssh2_channel_direct_tcpip_ex to dest:port) into out[cap]. */
void tunnel_why_open(const char *ssh_msg, const char *dest, int port, char *out,
    size_t cap);

#endif
