/*
 * tunnel.c — Unix socket ↔ direct-tcpip channel bridges, in the one loop.
 *
 * One listener per (host, destination); one bridge per accepted
 * connection. A bridge is an SSH client of its host: the pool services it
 * on every movement of the session's socket, and the bridge's own Unix
 * socket is a loop fd. Data moves through two bounded buffers; when one is
 * full the side feeding it is not read, so a slow reader slows the writer
 * instead of growing memory. A peer that is not our own uid is refused.
 *
 * A channel the host refuses only closes its client's connection, which
 * curl reports as "Empty reply from server" or a reset: each listener
 * keeps why its latest channel did not open (tunnel_why.c's words), so
 * http.c can say that instead.
 */
#include "warroom/tunnel.h"

#include <errno.h>
#include <fcntl.h>
#include <libssh2.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "warroom/loop.h"
#include "warroom/ssh.h"
#include "warroom/tunnel_why.h"

#define BRIDGE_BUF (64 * 1024)

struct listener {
	int fd;
	int host;
	char dest[256];
	int port;
	char path[108];
	struct tunnel_set *set;
	bool refused;                    /* the latest connection was not bridged */
	char why[200];                   /* and why */
};

enum bridge_phase { BR_OPEN, BR_PUMP, BR_CLOSE, BR_FREE };

struct bridge {
	struct ssh_client client;        /* first: the pool hands this back */
	struct tunnel_set *set;
	struct listener *l;
	int fd;
	LIBSSH2_SESSION *s;
	LIBSSH2_CHANNEL *ch;
	enum bridge_phase phase;
	char up[BRIDGE_BUF];             /* socket → channel */
	size_t uplen;
	char down[BRIDGE_BUF];           /* channel → socket */
	size_t downlen;
	bool fd_eof, eof_sent, ch_eof, fd_shut;
	struct bridge *next;
};

struct tunnel_set {
	struct loop *loop;
	struct ssh_pool *pool;
	char dir[WR_PATH_MAX];
	struct listener **ls;
	int nls;
	struct bridge *bridges;
	int active;
};

struct tunnel_set *
tunnel_set_new(struct loop *loop, struct ssh_pool *pool)
{
	struct tunnel_set *t = xcalloc(1, sizeof(*t));

	t->loop = loop;
	t->pool = pool;
	return t;
}

/* A private directory: $XDG_RUNTIME_DIR/warroom-PID, else a fresh 0700
 * directory under /tmp. */
static int
make_dir(struct tunnel_set *t, struct wr_err *err)
{
	const char *run = getenv("XDG_RUNTIME_DIR");
	struct stat st;

	if (t->dir[0] != '\0')
		return 0;
	if (run != NULL && run[0] == '/' && stat(run, &st) == 0 && st.st_uid == getuid() &&
	    (st.st_mode & 077) == 0) {
		snprintf(t->dir, sizeof(t->dir), "%s/warroom-%ld", run, (long)getpid());
		if (mkdir(t->dir, 0700) == 0)
			return 0;
	}
	snprintf(t->dir, sizeof(t->dir), "/tmp/warroom-XXXXXX");
	if (mkdtemp(t->dir) == NULL) {
		t->dir[0] = '\0';
		return wr_err_set(err, "cannot make a private runtime directory: %s",
		    strerror(errno));
	}
	return 0;
}

static void
bridge_free(struct bridge *b)
{
	struct bridge **pp;

	ssh_client_detach(&b->client);
	if (b->fd >= 0) {
		loop_fd_remove(b->set->loop, b->fd);
		close(b->fd);
	}
	for (pp = &b->set->bridges; *pp != NULL; pp = &(*pp)->next)
		if (*pp == b) {
			*pp = b->next;
			break;
		}
	b->set->active--;
	free(b);
}

static void
update_fd_interest(struct bridge *b)
{
	unsigned ev = 0;

	if (b->fd < 0)
		return;
	if (!b->fd_eof && b->uplen < sizeof(b->up) && b->phase == BR_PUMP)
		ev |= LOOP_READ;
	if (b->downlen > 0)
		ev |= LOOP_WRITE;
	loop_fd_set_events(b->set->loop, b->fd, ev);
}

/* Has the local client closed its socket altogether (not only its
 * sending side)? A Unix stream socket then reports POLLHUP. */
static bool
client_gone(int fd)
{
	struct pollfd p = { .fd = fd, .events = 0 };

	return fd < 0 || (poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR)));
}

/* Move what can move without waiting; returns 0, or -1 (session broke). */
static int
pump(struct bridge *b, char *why, size_t whycap)
{
	ssize_t n;
	int rc;

	if (b->phase == BR_OPEN) {
		if (!ssh_client_request(&b->client))
			return 0;        /* another channel's request is pending */
		b->ch = libssh2_channel_direct_tcpip_ex(b->s, b->l->dest, b->l->port,
		    "127.0.0.1", 0);
		if (b->ch == NULL) {
			char *msg = NULL;

			rc = libssh2_session_last_errno(b->s);
			if (rc == LIBSSH2_ERROR_EAGAIN)
				return 0;
			/* The host refused (nothing listens there, forwarding
			 * forbidden): said before the client sees the close. */
			libssh2_session_last_error(b->s, &msg, NULL, 0);
			tunnel_why_open(msg, b->l->dest, b->l->port, b->l->why, sizeof(b->l->why));
			b->l->refused = true;
			b->phase = BR_FREE;
		} else {
			b->l->refused = false;
			b->phase = BR_PUMP;
		}
		ssh_client_request_done(&b->client);
	}
	if (b->phase == BR_PUMP) {
		while (b->uplen > 0) {
			n = libssh2_channel_write(b->ch, b->up, b->uplen);
			if (n == LIBSSH2_ERROR_EAGAIN)
				break;
			if (n < 0) {
				rc = (int)n;
				goto broken;
			}
			memmove(b->up, b->up + n, b->uplen - (size_t)n);
			b->uplen -= (size_t)n;
		}
		if (b->fd_eof && b->uplen == 0 && !b->eof_sent) {
			rc = libssh2_channel_send_eof(b->ch);
			if (rc == 0)
				b->eof_sent = true;
			else if (rc != LIBSSH2_ERROR_EAGAIN)
				goto broken;
		}
		while (b->downlen < sizeof(b->down) && ssh_channel_pending(b->ch)) {
			n = libssh2_channel_read(b->ch, b->down + b->downlen,
			    sizeof(b->down) - b->downlen);
			if (n == LIBSSH2_ERROR_EAGAIN)
				break;
			if (n < 0) {
				rc = (int)n;
				goto broken;
			}
			if (n == 0) {
				if (libssh2_channel_eof(b->ch))
					b->ch_eof = true;
				break;
			}
			b->downlen += (size_t)n;
		}
		while (b->downlen > 0 && b->fd >= 0) {
			/* send, not write: a client gone away is EPIPE, not a SIGPIPE
			 * that kills the console. */
			n = send(b->fd, b->down, b->downlen, MSG_NOSIGNAL);
			if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
				break;
			if (n <= 0) {           /* the client went away */
				b->phase = BR_CLOSE;
				b->downlen = 0;
				break;
			}
			memmove(b->down, b->down + n, b->downlen - (size_t)n);
			b->downlen -= (size_t)n;
		}
		if (b->ch_eof && b->downlen == 0 && !b->fd_shut && b->fd >= 0) {
			shutdown(b->fd, SHUT_WR);
			b->fd_shut = true;
		}
		if ((b->ch_eof && b->fd_shut && b->fd_eof) || (b->ch_eof && b->downlen == 0 &&
		    b->fd_eof))
			b->phase = BR_CLOSE;
		/* A client that gave up (curl at its timeout) closes its socket:
		 * the far end's answer is for no one, and waiting for it would
		 * keep the bridge, its fd and its channel as long as the far
		 * end hangs, one more at every probe. */
		else if (b->fd_eof && !b->ch_eof && b->downlen == 0 && client_gone(b->fd))
			b->phase = BR_CLOSE;
	}
	if (b->phase == BR_CLOSE) {
		rc = libssh2_channel_close(b->ch);
		if (rc == LIBSSH2_ERROR_EAGAIN)
			return 0;
		b->phase = BR_FREE;
	}
	if (b->phase == BR_FREE) {
		if (b->ch != NULL) {
			rc = libssh2_channel_free(b->ch);
			if (rc == LIBSSH2_ERROR_EAGAIN)
				return 0;
			b->ch = NULL;
		}
		bridge_free(b);
		return 0;
	}
	update_fd_interest(b);
	return 0;
broken:
	if (ssh_error_is_fatal(rc)) {
		/* The connection itself: said as every other client says it. */
		snprintf(why, whycap, "connection lost: %s", ssh_last_error(b->s));
		return -1;
	}
	/* This channel alone (the remote end refused or closed it): its local
	 * client sees the close, and the host stays up. */
	b->uplen = b->downlen = 0;
	b->phase = BR_CLOSE;
	return pump(b, why, whycap);
}

static int
service(struct ssh_client *c, char *why, size_t whycap)
{
	return pump((struct bridge *)c, why, whycap);
}

static void
lost(struct ssh_client *c, const char *why)
{
	struct bridge *b = (struct bridge *)c;

	b->ch = NULL;           /* freed with the session */
	bridge_free(b);
}

static void
on_client_fd(struct loop *loop, int fd, unsigned events, void *arg)
{
	struct bridge *b = arg;
	char why[128];
	ssize_t n;

	if ((events & (LOOP_READ | LOOP_ERROR)) && !b->fd_eof && b->uplen < sizeof(b->up)) {
		n = read(fd, b->up + b->uplen, sizeof(b->up) - b->uplen);
		if (n > 0)
			b->uplen += (size_t)n;
		else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
			b->fd_eof = true;
	}
	if (pump(b, why, sizeof(why)) != 0)
		ssh_client_want_write(&b->client);   /* the pool will notice */
}

static void
on_accept(struct loop *loop, int fd, unsigned events, void *arg)
{
	struct listener *l = arg;
	struct tunnel_set *t = l->set;
	struct ucred cred;
	socklen_t len = sizeof(cred);
	int c;

	while ((c = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
		struct bridge *b;

		/* Only this user's processes may use our SSH sessions. */
		if (getsockopt(c, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 ||
		    cred.uid != getuid()) {
			close(c);
			continue;
		}
		b = xcalloc(1, sizeof(*b));
		b->set = t;
		b->l = l;
		b->fd = c;
		b->s = ssh_pool_session(t->pool, l->host);
		b->client.service = service;
		b->client.lost = lost;
		b->next = t->bridges;
		t->bridges = b;
		t->active++;
		if (b->s == NULL || ssh_client_attach(t->pool, l->host, &b->client) != 0) {
			/* The host is not UP: the client sees the connection close. */
			wr_strlcpy(l->why, "no SSH connection to the host now (the tunnel goes "
			    "through it)", sizeof(l->why));
			l->refused = true;
			close(b->fd);
			b->fd = -1;
			bridge_free(b);
			continue;
		}
		loop_fd_add(loop, c, LOOP_READ, on_client_fd, b);
	}
}

const char *
tunnel_path(struct tunnel_set *t, int host, const char *dest, int port,
    struct wr_err *err)
{
	struct sockaddr_un sa;
	struct listener *l;
	int i, fd;

	for (i = 0; i < t->nls; i++)
		if (t->ls[i]->host == host && t->ls[i]->port == port &&
		    strcmp(t->ls[i]->dest, dest) == 0)
			return t->ls[i]->path;
	if (make_dir(t, err) != 0)
		return NULL;
	l = xcalloc(1, sizeof(*l));
	l->host = host;
	l->port = port;
	l->set = t;
	wr_strlcpy(l->dest, dest, sizeof(l->dest));
	if ((size_t)snprintf(l->path, sizeof(l->path), "%s/t%d.sock", t->dir, t->nls) >=
	    sizeof(l->path)) {
		free(l);
		wr_err_set(err, "runtime directory path too long for a socket");
		return NULL;
	}
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, l->path, strlen(l->path) + 1);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 ||
	    chmod(l->path, 0600) != 0 || listen(fd, 128) != 0) {
		wr_err_set(err, "cannot listen on %s: %s", l->path, strerror(errno));
		if (fd >= 0)
			close(fd);
		free(l);
		return NULL;
	}
	l->fd = fd;
	loop_fd_add(t->loop, fd, LOOP_READ, on_accept, l);
	t->ls = xrealloc(t->ls, (size_t)(t->nls + 1) * sizeof(*t->ls));
	t->ls[t->nls++] = l;
	return l->path;
}

bool
tunnel_refusal(const struct tunnel_set *t, const char *path, char *out, size_t cap)
{
	int i;

	for (i = 0; t != NULL && path != NULL && i < t->nls; i++)
		if (strcmp(t->ls[i]->path, path) == 0 && t->ls[i]->refused) {
			wr_strlcpy(out, t->ls[i]->why, cap);
			return true;
		}
	return false;
}

int
tunnel_active(const struct tunnel_set *t)
{
	return t->active;
}

void
tunnel_set_free(struct tunnel_set *t)
{
	int i;

	if (t == NULL)
		return;
	while (t->bridges != NULL) {
		struct bridge *b = t->bridges;

		/* The session may be gone already; its channels went with it. */
		b->ch = NULL;
		bridge_free(b);
	}
	for (i = 0; i < t->nls; i++) {
		loop_fd_remove(t->loop, t->ls[i]->fd);
		close(t->ls[i]->fd);
		unlink(t->ls[i]->path);
		free(t->ls[i]);
	}
	free(t->ls);
	if (t->dir[0] != '\0')
		rmdir(t->dir);
	free(t);
}
