/*
 * tunnel_why.c — a refused direct-tcpip channel in words.
 *
 * The SSH server refuses a channel with one of four reason codes (RFC 4254
 * §5.1), which libssh2 1.10 puts in parentheses in its last error. Each
 * has its own remedy: nothing listens there (or the name does not resolve
 * on the host: OpenSSH says both as "connect failed"), the host's sshd
 * forbids forwarding (AllowTcpForwarding, PermitOpen), or the sshd is out
 * of resources. Anything else is said as libssh2 said it.
 */
#include "warroom/tunnel_why.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "warroom/sanitize.h"
#include "warroom/util.h"

/* dest:port, an IPv6 literal in brackets. */
static void
endpoint(const char *dest, int port, char *out, size_t cap)
{
	snprintf(out, cap, strchr(dest, ':') != NULL ? "[%s]:%d" : "%s:%d", dest, port);
}

/* A name, not an address: the host must resolve it itself. */
static bool
is_name(const char *dest)
{
	struct in6_addr a6;
	struct in_addr a4;

	return inet_pton(AF_INET, dest, &a4) != 1 && inet_pton(AF_INET6, dest, &a6) != 1 &&
	    !wr_streq_ci(dest, "localhost");
}

void
tunnel_why_open(const char *ssh_msg, const char *dest, int port, char *out, size_t cap)
{
	char ep[300], msg[160];

	endpoint(dest, port, ep, sizeof(ep));
	if (ssh_msg == NULL || ssh_msg[0] == '\0')
		ssh_msg = "no reason given";
	if (strstr(ssh_msg, "(connect failed)") != NULL)
		snprintf(out, cap, "the host could not connect to %s (tunnel: connect failed%s)", ep,
		    is_name(dest) ? "; does the name resolve on the host?" : "");
	else if (strstr(ssh_msg, "(administratively prohibited)") != NULL)
		snprintf(out, cap, "forwarding is prohibited on this host's sshd (AllowTcpForwarding "
		    "no, or PermitOpen): set tunnel = false or allow it");
	else if (strstr(ssh_msg, "(resource shortage)") != NULL)
		snprintf(out, cap, "the host's sshd is short of resources: no channel to %s "
		    "(tunnel: resource shortage)", ep);
	else if (strstr(ssh_msg, "(unknown channel type)") != NULL)
		snprintf(out, cap, "the host's sshd does not forward TCP (tunnel: unknown channel "
		    "type): set tunnel = false");
	else {
		sanitize_line(ssh_msg, strlen(ssh_msg), msg, sizeof(msg));
		snprintf(out, cap, "the tunnel to %s did not open: %s", ep, msg);
	}
}
