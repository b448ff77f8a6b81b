/*
 * ssh.c — one non-blocking libssh2 session per host, all in the one loop.
 *
 * Per host: `ssh -G` (a child, read through the loop) resolves what
 * OpenSSH would use; getaddrinfo_a resolves names without blocking; a
 * non-blocking connect; the SSH handshake with host-key algorithms ordered
 * known types first (libssh2 answers NOTFOUND, not MISMATCH, for another
 * type, so NOTFOUND for a host with known keys is refused as a change);
 * the key checked before any authentication (a key a known_hosts line
 * marks @revoked is refused, as ssh refuses it, whatever else matches);
 * then ssh-agent and keys.
 * A host that fails is DOWN and retried with capped exponential backoff
 * and jitter from a timer, so it costs nothing while it waits. A host
 * whose key is unknown is UNTRUSTED and never retried by itself: only
 * when asked (C-r, K). One whose key changed or is revoked is UNTRUSTED
 * and retried on the same backoff: each try checks the key before
 * anything is sent, so a host offering its known key again comes back
 * by itself, and one still offering the other key is refused again.
 * A host that is UP is checked every keepalive interval with a request
 * the server must answer; one still unanswered at the next check is DOWN
 * (a hung sshd keeps its TCP connection, which TCP alone never notices).
 * ssh's own words are kept: a failing `ssh -G` makes the host DOWN with
 * them (never a guess at the bare alias), and a ProxyJump hop's stderr is
 * the reason its connection failed; a hop whose key changed is UNTRUSTED
 * like a host whose key changed.
 */
#include "warroom/ssh.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "warroom/config_files.h"
#include "warroom/knownhosts.h"
#include "warroom/loop.h"
#include "warroom/sanitize.h"
#include "warroom/sshauth.h"
#include "warroom/sshcfg.h"
#include "warroom/sshcfg_run.h"
#include "warroom/sshkey.h"
#include "warroom/sshtext.h"

struct ssh_host {
	struct ssh_pool *pool;
	int idx;
	char name[64];
	char cfg_address[256], cfg_user[64], cfg_identity[WR_PATH_MAX];
	int cfg_port;

	struct sshcfg_dest d;            /* where this attempt goes */

	struct ssh_status st;
	int attempts;
	uint64_t retry_timer, deadline_timer, gai_timer, kick_timer;

	pid_t proxy_pid;                 /* ProxyJump/ProxyCommand child, or -1 */
	char via[2100];                  /* "ProxyJump bastion", for messages */
	int perr_fd;                     /* its stderr, or -1 */
	char perr[4096];                 /* … the last of it */
	size_t perr_len;
	pid_t gpid;                      /* ssh -G child */
	int gfd, gerr_fd;
	char *gbuf;
	size_t glen;
	char gerr[4096];                 /* ssh -G's stderr */
	size_t gerr_len;

	struct gaicb gai;
	struct gaicb *gaiv[1];
	struct addrinfo gai_hints;
	char gai_port[8];
	bool gai_active;

	int sock;
	bool registered;
	LIBSSH2_SESSION *s;
	LIBSSH2_AGENT *agent;
	struct auth_try *auth;           /* the keys of this attempt's login */
	char hangup[160];                /* the server's reason when it hung up */

	bool authed;
	LIBSSH2_CHANNEL *sentinel;       /* an idle channel that keeps us reading */
	bool pinging;                    /* a liveness request awaits its answer */
	int64_t ping_at_ms;              /* when it was sent */
	unsigned char *offered_key;      /* UNTRUSTED: the key offered, to check again */
	size_t offered_len;
	int offered_type;                /* LIBSSH2_HOSTKEY_TYPE_* */

	struct ssh_client *clients;
	bool kick;                       /* a client was added: service again */
	struct ssh_client *req_owner;    /* holds the one channel request slot */
	int64_t req_since_ms;            /* … since then */
	bool got_bytes;                  /* libssh2 read from the socket this pass */
	bool yield;                      /* a client read its share of this turn */
};

struct ssh_pool {
	struct loop *loop;
	struct ssh_pool_opts opts;
	LIBSSH2_SESSION *scratch;        /* holds known_hosts lists; never connects */
	struct ssh_host **hosts;
	int nhosts;
	uint64_t keepalive_timer;
	unsigned int seed;
	bool read_only;
};

static void host_step(struct ssh_host *h);
static void proxy_down(struct ssh_host *h, const char *what, const char *ours);
static void host_down(struct ssh_host *h, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

const char *
ssh_state_name(enum ssh_state s)
{
	switch (s) {
	case SSH_IDLE: return "IDLE";
	case SSH_RESOLVING: return "RESOLVING";
	case SSH_CONNECTING: return "CONNECTING";
	case SSH_HANDSHAKE: return "CONNECTING";
	case SSH_AUTH: return "AUTH";
	case SSH_UP: return "UP";
	case SSH_DOWN: return "DOWN";
	case SSH_UNTRUSTED: return "UNTRUSTED";
	}
	return "?";
}

static void
changed(struct ssh_host *h)
{
	if (h->pool->opts.on_change != NULL)
		h->pool->opts.on_change(h->idx, h->pool->opts.arg);
}

static void
set_state(struct ssh_host *h, enum ssh_state s)
{
	if (h->st.state == s)
		return;
	h->st.state = s;
	if (s != SSH_DOWN && s != SSH_UNTRUSTED)
		h->st.error[0] = '\0';
	changed(h);
}

/* The session's last error as text. */
static const char *
session_error(struct ssh_host *h)
{
	char *msg = NULL;

	if (h->s == NULL)
		return "no session";
	libssh2_session_last_error(h->s, &msg, NULL, 0);
	return msg != NULL && msg[0] != '\0' ? msg : "unknown error";
}

/* ---- teardown ---- */

static void
cancel_timer(struct ssh_host *h, uint64_t *t)
{
	if (*t != 0) {
		loop_timer_cancel(h->pool->loop, *t);
		*t = 0;
	}
}

static void
close_child(struct ssh_host *h)
{
	if (h->gfd >= 0) {
		loop_fd_remove(h->pool->loop, h->gfd);
		close(h->gfd);
		h->gfd = -1;
	}
	if (h->gerr_fd >= 0) {
		close(h->gerr_fd);
		h->gerr_fd = -1;
	}
	if (h->gpid > 0) {
		kill(h->gpid, SIGKILL);
		waitpid(h->gpid, NULL, 0);
		h->gpid = -1;
	}
	free(h->gbuf);
	h->gbuf = NULL;
	h->glen = 0;
}

static void
stop_proxy(struct ssh_host *h)
{
	if (h->perr_fd >= 0) {
		loop_fd_remove(h->pool->loop, h->perr_fd);
		close(h->perr_fd);
		h->perr_fd = -1;
	}
	if (h->proxy_pid > 0) {
		kill(h->proxy_pid, SIGKILL);
		waitpid(h->proxy_pid, NULL, 0);
		h->proxy_pid = -1;
	}
}

static void
close_session(struct ssh_host *h)
{
	if (h->gai_active) {
		gai_cancel(&h->gai);
		/* A resolution already running must finish before its buffers go. */
		while (gai_error(&h->gai) == EAI_INPROGRESS) {
			const struct timespec ts = { 0, 1000000 };
			nanosleep(&ts, NULL);
		}
		if (h->gai.ar_result != NULL)
			freeaddrinfo(h->gai.ar_result);
		h->gai.ar_result = NULL;
		h->gai_active = false;
	}
	cancel_timer(h, &h->gai_timer);
	cancel_timer(h, &h->deadline_timer);
	close_child(h);
	free(h->auth);                   /* its agent keys go with the agent */
	h->auth = NULL;
	if (h->agent != NULL) {
		libssh2_agent_disconnect(h->agent);
		libssh2_agent_free(h->agent);
		h->agent = NULL;
	}
	if (h->s != NULL) {
		/* No polite disconnect: it could block, and the peer may be gone.
		 * Freeing the session frees its channels, the sentinel's too; on
		 * a non-blocking session that first tries to close them and may
		 * answer EAGAIN having freed nothing. A socket shut down makes
		 * those closes fail at once, and the free then completes. */
		if (libssh2_session_free(h->s) == LIBSSH2_ERROR_EAGAIN) {
			int tries = 0;

			if (h->sock >= 0)
				shutdown(h->sock, SHUT_RDWR);
			while (libssh2_session_free(h->s) == LIBSSH2_ERROR_EAGAIN && ++tries < 8)
				;
		}
		h->s = NULL;
		h->sentinel = NULL;
	}
	h->pinging = false;
	h->req_owner = NULL;
	if (h->sock >= 0) {
		if (h->registered)
			loop_fd_remove(h->pool->loop, h->sock);
		close(h->sock);
		h->sock = -1;
		h->registered = false;
	}
	stop_proxy(h);
	h->authed = false;
}

static void
lose_clients(struct ssh_host *h, const char *why)
{
	while (h->clients != NULL) {
		struct ssh_client *c = h->clients;

		h->clients = c->next;
		c->next = NULL;
		c->host = NULL;
		c->lost(c, why);
	}
}

static void on_retry(void *arg);

/* A new attempt starts with nothing known of the last one's key. */
static void
forget_key_trouble(struct ssh_host *h)
{
	free(h->offered_key);
	h->offered_key = NULL;
	h->st.key_unknown = h->st.key_changed = h->st.hop_unknown = h->st.key_revoked = false;
	h->st.hop[0] = h->st.old_keytype[0] = h->st.old_fingerprint[0] = '\0';
	h->st.known_file[0] = '\0';
	h->st.known_line = 0;
}

static void
on_retry(void *arg)
{
	struct ssh_host *h = arg;

	/* Called at once too (C-r, K): a try already due must not start
	 * another over this one. */
	cancel_timer(h, &h->retry_timer);
	forget_key_trouble(h);
	set_state(h, SSH_RESOLVING);
	host_step(h);
}

/* The next try after the capped backoff. */
static void
schedule_retry(struct ssh_host *h)
{
	struct ssh_pool *p = h->pool;
	int64_t delay, cap = p->opts.backoff_max_ms;

	/* 1 s, 2 s, 4 s … capped, each with up to a quarter of jitter so a
	 * fleet that went down together does not come back in lockstep. */
	delay = 1000;
	for (int i = 0; i < h->attempts && delay < cap; i++)
		delay *= 2;
	if (delay > cap)
		delay = cap;
	delay -= (int64_t)(rand_r(&p->seed) % (unsigned)(delay / 4 + 1));
	h->attempts++;
	h->st.retry_at_ms = loop_now_ms() + delay;
	cancel_timer(h, &h->retry_timer);
	h->retry_timer = loop_timer_add(p->loop, delay, 0, on_retry, h);
}

/* h's session gone for the reason fmt says, its clients told it. */
static void
host_lose(struct ssh_host *h, const char *fmt, va_list ap)
{
	vsnprintf(h->st.error, sizeof(h->st.error), fmt, ap);
	close_session(h);
	lose_clients(h, h->st.error);
}

static void
host_down(struct ssh_host *h, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	host_lose(h, fmt, ap);
	va_end(ap);
	/* How long it has been away is what on call asks: a retry that
	 * fails again goes on the same stretch. */
	if (h->st.down_since_ms == 0)
		h->st.down_since_ms = loop_now_ms();
	/* Back later, it came back after this: the retry wait hides when. */
	h->st.last_failed_ms = loop_now_ms();
	h->st.state = SSH_DOWN;
	schedule_retry(h);
	changed(h);
}

static void
host_untrusted(struct ssh_host *h, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
host_untrusted(struct ssh_host *h, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	host_lose(h, fmt, ap);
	va_end(ap);
	/* It answered: no longer away, whatever its key. */
	h->st.down_since_ms = 0;
	h->st.state = SSH_UNTRUSTED;
	/* A key put back (or known_hosts mended) is found without C-r; an
	 * unknown key waits for K, which needs the key offered kept. */
	if (h->st.key_changed || h->st.key_revoked)
		schedule_retry(h);
	else
		cancel_timer(h, &h->retry_timer);
	changed(h);
}

/* ---- resolving: ssh -G, then the address ---- */

static void start_connect(struct ssh_host *h, struct addrinfo *ai);

static void
on_gai_poll(void *arg)
{
	struct ssh_host *h = arg;
	int r = gai_error(&h->gai);

	if (r == EAI_INPROGRESS)
		return;
	cancel_timer(h, &h->gai_timer);
	h->gai_active = false;
	if (r != 0) {
		host_down(h, "cannot resolve %s: %s", h->d.address, gai_strerror(r));
		return;
	}
	start_connect(h, h->gai.ar_result);
}

static void
resolve_address(struct ssh_host *h)
{
	struct addrinfo *ai = NULL;

	memset(&h->gai_hints, 0, sizeof(h->gai_hints));
	h->gai_hints.ai_family = AF_UNSPEC;
	h->gai_hints.ai_socktype = SOCK_STREAM;
	snprintf(h->gai_port, sizeof(h->gai_port), "%d", h->d.port);
	h->via[0] = h->st.via[0] = '\0';
	set_state(h, SSH_CONNECTING);
	/* Literal addresses need no lookup; names go to getaddrinfo_a so a
	 * slow resolver never stalls the screen. */
	h->gai_hints.ai_flags = AI_NUMERICHOST;
	if (getaddrinfo(h->d.address, h->gai_port, &h->gai_hints, &ai) == 0) {
		h->gai.ar_result = ai;
		start_connect(h, ai);
		return;
	}
	h->gai_hints.ai_flags = 0;
	memset(&h->gai, 0, sizeof(h->gai));
	h->gai.ar_name = h->d.address;
	h->gai.ar_service = h->gai_port;
	h->gai.ar_request = &h->gai_hints;
	h->gaiv[0] = &h->gai;
	if (getaddrinfo_a(GAI_NOWAIT, h->gaiv, 1, NULL) != 0) {
		host_down(h, "cannot start resolving %s", h->d.address);
		return;
	}
	h->gai_active = true;
	h->gai_timer = loop_timer_add(h->pool->loop, 10, 20, on_gai_poll, h);
}

static bool
file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Settle address, user, port, keys and known_hosts files for this try,
 * and say where it goes (r NULL: ssh -G was not asked). */
static void
apply_resolved(struct ssh_host *h, const struct ssh_resolved *r)
{
	const struct ssh_pool_opts *o = &h->pool->opts;
	struct sshcfg_want w = {
		.name = h->name, .address = h->cfg_address, .user = h->cfg_user,
		.identity_file = h->cfg_identity, .port = h->cfg_port,
		.known_hosts = o->known_hosts, .local_user = o->local_user, .home = o->home,
	};
	char hp[272];                    /* "[address]:port" */

	sshcfg_settle(&w, r, &h->d);
	sshcfg_hostport(h->d.address, h->d.port, hp, sizeof(hp));
	snprintf(h->st.endpoint, sizeof(h->st.endpoint), "%s@%s", h->d.user, hp);
	sshcfg_endpoint(&h->d, h->st.where, sizeof(h->st.where));
	sshcfg_known_name(&h->d, h->st.known_name, sizeof(h->st.known_name));
	h->st.hash_known = h->d.hash_known;
}

static void on_socket(struct loop *loop, int fd, unsigned events, void *arg);
static void on_deadline(void *arg);
static int begin_handshake(struct ssh_host *h);

/* ProxyCommand with OpenSSH's tokens: %h host, %p port, %r user, %% a %. */
static void
expand_tokens(const char *in, const struct ssh_host *h, char *out, size_t cap)
{
	size_t o = 0;

	for (; *in != '\0' && o + 1 < cap; in++) {
		const char *rep = NULL;
		char port[16];

		if (*in == '%' && in[1] != '\0') {
			in++;
			if (*in == 'h')
				rep = h->d.address;
			else if (*in == 'p') {
				snprintf(port, sizeof(port), "%d", h->d.port);
				rep = port;
			} else if (*in == 'r')
				rep = h->d.user;
			else if (*in == '%')
				rep = "%";
			if (rep != NULL) {
				size_t n = strlen(rep);

				if (o + n >= cap)
					break;
				memcpy(out + o, rep, n);
				o += n;
				continue;
			}
			out[o++] = '%';
		}
		out[o++] = *in;
	}
	out[o] = '\0';
}

/* Keep the last of what the proxy writes on stderr. */
static void
on_proxy_stderr(struct loop *loop, int fd, unsigned events, void *arg)
{
	struct ssh_host *h = arg;

	if (sshcfg_read_tail(fd, h->perr, sizeof(h->perr), &h->perr_len) <= 0) {
		loop_fd_remove(loop, fd);
		close(fd);
		h->perr_fd = -1;
	}
}

/* What the proxy said on stderr, read to this moment (its message comes
 * before its exit closes the socket, so it is there once libssh2 sees
 * the close): "" when nothing. */
static const char *
proxy_said(struct ssh_host *h)
{
	if (h->perr_fd >= 0)
		on_proxy_stderr(h->pool->loop, h->perr_fd, LOOP_READ, h);
	return h->perr;
}

/* Reach the host through a child (ssh -W for ProxyJump, or the
 * ProxyCommand) whose stdin/stdout is one end of a socketpair; the other
 * end is the session's socket. */
static void
start_proxy(struct ssh_host *h, const struct ssh_resolved *r)
{
	const struct ssh_pool_opts *o = &h->pool->opts;
	char target[300], cmd[2048], jumps[512], *last, *global = NULL;
	const char *argv[16], *files[2 * SSHCFG_MAX_FILES + 2];
	struct wr_err err;
	int sv[2], i = 0, n = 0, k;

	if (r->proxycommand[0]) {
		expand_tokens(r->proxycommand, h, cmd, sizeof(cmd));
		snprintf(h->via, sizeof(h->via), "ProxyCommand %.2000s", cmd);
		argv[i++] = "/bin/sh";
		argv[i++] = "-c";
		argv[i++] = cmd;
	} else {
		/* a,b,c: through a and b to c, then -W to the host. */
		snprintf(h->via, sizeof(h->via), "ProxyJump %.500s", r->proxyjump);
		wr_strlcpy(jumps, r->proxyjump, sizeof(jumps));
		snprintf(target, sizeof(target), "%s:%d", h->d.address, h->d.port);
		argv[i++] = "ssh";
		if (o->ssh_config != NULL) {
			argv[i++] = "-F";
			argv[i++] = o->ssh_config;
		}
		argv[i++] = "-o";
		argv[i++] = "BatchMode=yes";
		/* ssh checks the hop's key, warroom the host's: the config's
		 * known_hosts counts for both (a hop's key there is known), as a
		 * global file, so the hop's own UserKnownHostsFile still counts. */
		if (o->known_hosts != NULL && o->known_hosts[0] != '\0') {
			size_t cap = sizeof(files) / sizeof(files[0]) * (WR_PATH_MAX + 3) + 32;

			files[n++] = o->known_hosts;
			for (k = h->d.nuser_known; k < h->d.nknown; k++)
				files[n++] = h->d.known[k];
			global = xmalloc(cap);
			sshcfg_files_option("GlobalKnownHostsFile", files, n, global, cap);
			argv[i++] = "-o";
			argv[i++] = global;
		}
		argv[i++] = "-W";
		argv[i++] = target;
		if ((last = strrchr(jumps, ',')) != NULL) {
			*last++ = '\0';
			argv[i++] = "-J";
			argv[i++] = jumps;
		} else
			last = jumps;
		/* ssh://user@host:port is how ssh takes a port in a destination. */
		snprintf(cmd, sizeof(cmd), "%s%s", strchr(last, ':') ? "ssh://" : "", last);
		argv[i++] = "--";
		argv[i++] = cmd;
	}
	argv[i] = NULL;
	snprintf(h->st.via, sizeof(h->st.via), "%.250s", h->via);
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
		host_down(h, "socketpair: %s", strerror(errno));
		return;
	}
	/* Its stderr is kept: when a hop refuses (its host key), ssh says
	 * why there, and libssh2 only sees the socket close. */
	h->perr_len = 0;
	h->perr[0] = '\0';
	h->proxy_pid = sshcfg_spawn(argv, sv[1], NULL, &h->perr_fd, &err);
	free(global);
	close(sv[1]);
	if (h->proxy_pid < 0) {
		close(sv[0]);
		host_down(h, "cannot start %s: %s", h->via, err.msg);
		return;
	}
	loop_fd_add(h->pool->loop, h->perr_fd, LOOP_READ, on_proxy_stderr, h);
	h->sock = sv[0];
	fcntl(h->sock, F_SETFL, fcntl(h->sock, F_GETFL) | O_NONBLOCK);
	set_state(h, SSH_CONNECTING);
	loop_fd_add(h->pool->loop, h->sock, LOOP_READ | LOOP_WRITE, on_socket, h);
	h->registered = true;
	h->deadline_timer = loop_timer_add(h->pool->loop, h->pool->opts.connect_timeout_ms,
	    0, on_deadline, h);
	if (begin_handshake(h) == 0)
		host_step(h);
}

/* ssh -G has answered (or failed): its stdout is read to the end here,
 * its stderr (a few lines at most) after it exits. */
static void
on_ssh_g(struct loop *loop, int fd, unsigned events, void *arg)
{
	struct ssh_host *h = arg;
	struct ssh_resolved r;
	struct wr_err err;
	char buf[4096], why[sizeof(h->st.error)];
	ssize_t n;
	int status = 0;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		if (h->glen + (size_t)n > 256 * 1024)
			break;
		h->gbuf = xrealloc(h->gbuf, h->glen + (size_t)n + 1);
		memcpy(h->gbuf + h->glen, buf, (size_t)n);
		h->glen += (size_t)n;
	}
	if (n < 0 && errno == EAGAIN)
		return;
	loop_fd_remove(loop, fd);
	close(fd);
	h->gfd = -1;
	waitpid(h->gpid, &status, 0);
	h->gpid = -1;
	h->gerr_len = 0;
	h->gerr[0] = '\0';
	if (h->gerr_fd >= 0) {
		sshcfg_read_tail(h->gerr_fd, h->gerr, sizeof(h->gerr), &h->gerr_len);
		close(h->gerr_fd);
		h->gerr_fd = -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		/* Never the bare alias instead: it may name another machine. */
		sshcfg_failure("ssh -G", status, h->gerr, h->gerr_len, why, sizeof(why));
		free(h->gbuf);
		h->gbuf = NULL;
		h->glen = 0;
		host_down(h, "%s", why);
		return;
	}
	if (sshcfg_parse(h->gbuf != NULL ? h->gbuf : "", h->glen, h->pool->opts.home, &r,
	    &err) != 0) {
		free(h->gbuf);
		h->gbuf = NULL;
		h->glen = 0;
		host_down(h, "%s", err.msg);
		return;
	}
	free(h->gbuf);
	h->gbuf = NULL;
	h->glen = 0;
	apply_resolved(h, &r);
	if (r.proxyjump[0] || r.proxycommand[0]) {
		start_proxy(h, &r);
		return;
	}
	resolve_address(h);
}

static void
start_resolve(struct ssh_host *h)
{
	const struct ssh_pool_opts *o = &h->pool->opts;
	const char *argv[SSHCFG_ARGV_MAX];
	char portarg[16];
	struct wr_err err;

	set_state(h, SSH_RESOLVING);
	h->st.endpoint[0] = h->st.where[0] = '\0';
	if (!o->use_ssh_config) {
		apply_resolved(h, NULL);
		resolve_address(h);
		return;
	}
	sshcfg_argv(o->ssh_config, h->cfg_port, h->cfg_user,
	    h->cfg_address[0] ? h->cfg_address : h->name, portarg, argv);
	h->gpid = sshcfg_spawn(argv, -1, &h->gfd, &h->gerr_fd, &err);
	if (h->gpid < 0) {
		host_down(h, "%s", err.msg);
		return;
	}
	loop_fd_add(h->pool->loop, h->gfd, LOOP_READ, on_ssh_g, h);
}

/* ---- connecting ---- */

static void
on_deadline(void *arg)
{
	struct ssh_host *h = arg;
	char what[64];

	h->deadline_timer = 0;
	snprintf(what, sizeof(what), "no answer within %d s (%s)",
	    h->pool->opts.connect_timeout_ms / 1000, ssh_state_name(h->st.state));
	if (h->proxy_pid > 0 && proxy_said(h)[0] != '\0')
		proxy_down(h, what, "");
	else
		host_down(h, "%s", what);
}

static void
tune_socket(struct ssh_host *h)
{
	int on = 1, idle = h->pool->opts.keepalive_s, intvl = idle / 3 + 1, cnt = 3;
	unsigned int user_timeout = (unsigned)(idle * 3) * 1000;

	setsockopt(h->sock, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof(on));
	setsockopt(h->sock, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof(idle));
	setsockopt(h->sock, IPPROTO_TCP, TCP_KEEPINTVL, &intvl, sizeof(intvl));
	setsockopt(h->sock, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof(cnt));
	/* Unacknowledged data for this long means the peer is gone. */
	setsockopt(h->sock, IPPROTO_TCP, TCP_USER_TIMEOUT, &user_timeout,
	    sizeof(user_timeout));
	setsockopt(h->sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
}

static void
start_connect(struct ssh_host *h, struct addrinfo *ai)
{
	int r;

	h->sock = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (h->sock < 0) {
		freeaddrinfo(h->gai.ar_result);
		h->gai.ar_result = NULL;
		host_down(h, "socket: %s", strerror(errno));
		return;
	}
	tune_socket(h);
	r = connect(h->sock, ai->ai_addr, ai->ai_addrlen);
	freeaddrinfo(h->gai.ar_result);
	h->gai.ar_result = NULL;
	if (r != 0 && errno != EINPROGRESS) {
		host_down(h, "connect to %s:%d: %s", h->d.address, h->d.port, strerror(errno));
		return;
	}
	loop_fd_add(h->pool->loop, h->sock, LOOP_WRITE, on_socket, h);
	h->registered = true;
	h->deadline_timer = loop_timer_add(h->pool->loop, h->pool->opts.connect_timeout_ms,
	    0, on_deadline, h);
}

/* ---- the handshake and the host key ---- */

struct key_type {
	int knownhost;                   /* LIBSSH2_KNOWNHOST_KEY_* */
	int hostkey;                     /* LIBSSH2_HOSTKEY_TYPE_* */
	const char *method;              /* algorithm name for method_pref */
};

static const struct key_type key_types[] = {
	{ LIBSSH2_KNOWNHOST_KEY_ED25519, LIBSSH2_HOSTKEY_TYPE_ED25519, "ssh-ed25519" },
	{ LIBSSH2_KNOWNHOST_KEY_ECDSA_256, LIBSSH2_HOSTKEY_TYPE_ECDSA_256, "ecdsa-sha2-nistp256" },
	{ LIBSSH2_KNOWNHOST_KEY_ECDSA_384, LIBSSH2_HOSTKEY_TYPE_ECDSA_384, "ecdsa-sha2-nistp384" },
	{ LIBSSH2_KNOWNHOST_KEY_ECDSA_521, LIBSSH2_HOSTKEY_TYPE_ECDSA_521, "ecdsa-sha2-nistp521" },
	{ LIBSSH2_KNOWNHOST_KEY_SSHRSA, LIBSSH2_HOSTKEY_TYPE_RSA, "ssh-rsa" },
};

/* One known_hosts file into kh, line by line (readfile stops at the
 * first line it cannot parse; one bad line must not hide the rest). A
 * line with a marker is left out: libssh2 1.10 knows none, and an
 * @cert-authority or @revoked key must never count as the host's own
 * (revocations are looked for apart: find_revoked). */
static void
read_known_file(LIBSSH2_KNOWNHOSTS *kh, const char *path)
{
	FILE *f = fopen(path, "r");
	char line[16384];

	if (f == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL) {
		struct knownhosts_line l;

		if (knownhosts_split(line, strlen(line), &l) == 1 && l.marker != KNOWNHOSTS_PLAIN)
			continue;
		libssh2_knownhost_readline(kh, line, strlen(line), LIBSSH2_KNOWNHOST_FILE_OPENSSH);
	}
	fclose(f);
}

/* Read known_hosts files [from, to). Read anew each time: a line removed
 * with ssh-keygen -R counts at once. */
static LIBSSH2_KNOWNHOSTS *
load_known(struct ssh_host *h, int from, int to)
{
	LIBSSH2_KNOWNHOSTS *kh = libssh2_knownhost_init(h->pool->scratch);
	int i;

	for (i = from; kh != NULL && i < to; i++)
		read_known_file(kh, h->d.known[i]);
	return kh;
}

/* HMAC-SHA1, for hashed known_hosts names (knownhosts.h). */
static void
hmac_sha1(const unsigned char *key, size_t keylen, const unsigned char *data, size_t len,
    unsigned char out[20])
{
	unsigned int n = 20;

	if (HMAC(EVP_sha1(), key, (int)keylen, data, len, out, &n) == NULL)
		memset(out, 0, 20);
}

bool
ssh_key_known(const struct sshcfg_dest *d)
{
	char name[300];
	int i, line = 0;

	sshcfg_known_name(d, name, sizeof(name));
	for (i = 0; i < d->nknown && line == 0; i++) {
		FILE *f = fopen(d->known[i], "r");
		char *buf = NULL;
		size_t len = 0;

		if (f == NULL)
			continue;
		/* Not a stream of lines: an entry may come after a line too
		 * long for any buffer of fgets'. */
		if (getdelim(&buf, &len, '\0', f) > 0)
			line = knownhosts_find_name(buf, strlen(buf), name, hmac_sha1);
		free(buf);
		fclose(f);
	}
	return line > 0;
}

/* The first known_hosts file and line that mark the offered key @revoked
 * for this host, as OpenSSH reads them (any pattern, * included, hashed
 * names too): the line's number with its file in file[cap], or 0. */
static int
find_revoked(struct ssh_host *h, char *file, size_t cap)
{
	int i, line = 0;

	for (i = 0; i < h->d.nknown && line == 0; i++) {
		FILE *f = fopen(h->d.known[i], "r");
		char *buf = NULL;
		size_t len = 0, got;

		if (f == NULL)
			continue;
		do {
			buf = xrealloc(buf, len + 65536);
			got = fread(buf + len, 1, 65536, f);
			len += got;
		} while (got > 0 && len < 64u * 1024 * 1024);
		fclose(f);
		line = knownhosts_find_revoked(buf, len, h->st.known_name, h->offered_key,
		    h->offered_len, hmac_sha1);
		if (line > 0)
			wr_strlcpy(file, h->d.known[i], cap);
		free(buf);
	}
	return line;
}

/* A key against the list, under the name ssh looks the host up by (a
 * HostKeyAlias has no port); ext, when not NULL, gets the entry on a
 * match or a mismatch. */
static int
check_known(struct ssh_host *h, LIBSSH2_KNOWNHOSTS *kh, const char *key, size_t len,
    int kbits, struct libssh2_knownhost **ext)
{
	return libssh2_knownhost_checkp(kh, h->d.keyname, h->d.keyport, key, len,
	    LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_RAW | kbits, ext);
}

/* Which key types are recorded for this host: probing each type with a
 * key that cannot match tells MISMATCH (a key of that type is known) from
 * NOTFOUND, and works for hashed entries too. */
static unsigned
known_types(struct ssh_host *h, LIBSSH2_KNOWNHOSTS *kh)
{
	static const char probe[] = "warroom-probe-key";
	unsigned mask = 0;
	size_t i;

	for (i = 0; i < WR_ARRAY_LEN(key_types); i++)
		if (check_known(h, kh, probe, sizeof(probe) - 1, key_types[i].knownhost,
		    NULL) == LIBSSH2_KNOWNHOST_CHECK_MISMATCH)
			mask |= 1u << i;
	return mask;
}

/* The key a changed host had: the first file holding a key for it (of
 * the offered type first), that key's type and fingerprint, so the screen
 * and the journal show both keys and ssh-keygen -R names the file. */
static void
find_old_key(struct ssh_host *h, int kbits)
{
	static const char probe[] = "warroom-probe-key";
	int i;

	h->st.old_keytype[0] = h->st.old_fingerprint[0] = h->st.known_file[0] = '\0';
	for (i = 0; i < h->d.nknown && h->st.known_file[0] == '\0'; i++) {
		LIBSSH2_KNOWNHOSTS *kh = load_known(h, i, i + 1);
		struct libssh2_knownhost *ext = NULL;
		size_t t;

		if (kh == NULL)
			continue;
		if (check_known(h, kh, probe, sizeof(probe) - 1, kbits, &ext) !=
		    LIBSSH2_KNOWNHOST_CHECK_MISMATCH)
			ext = NULL;
		for (t = 0; ext == NULL && t < WR_ARRAY_LEN(key_types); t++)
			if (check_known(h, kh, probe, sizeof(probe) - 1, key_types[t].knownhost,
			    &ext) != LIBSSH2_KNOWNHOST_CHECK_MISMATCH)
				ext = NULL;
		if (ext != NULL) {
			unsigned char blob[8192];
			long n = ext->key != NULL ? sshkey_base64_decode(ext->key,
			    strlen(ext->key), blob, sizeof(blob)) : -1;

			wr_strlcpy(h->st.known_file, h->d.known[i], sizeof(h->st.known_file));
			for (t = 0; t < WR_ARRAY_LEN(key_types); t++)
				if ((ext->typemask & LIBSSH2_KNOWNHOST_KEY_MASK) ==
				    key_types[t].knownhost)
					wr_strlcpy(h->st.old_keytype, key_types[t].method,
					    sizeof(h->st.old_keytype));
			if (n > 0)
				sshkey_fingerprint_blob(blob, (size_t)n, h->st.old_fingerprint,
				    sizeof(h->st.old_fingerprint));
		}
		libssh2_knownhost_free(kh);
	}
}

/* libssh2's own recv, noting that bytes came in (see service_clients). */
static ssize_t
counting_recv(libssh2_socket_t sock, void *buf, size_t len, int flags, void **abstract)
{
	struct ssh_host *h = *abstract;
	ssize_t n = recv(sock, buf, len, flags);

	if (n > 0)
		h->got_bytes = true;
	if (n < 0)
		return errno == EWOULDBLOCK || errno == ENOENT ? -EAGAIN : -errno;
	return n;
}

/* The server's SSH_MSG_DISCONNECT: its reason, sanitized, which libssh2
 * would otherwise lose ("Too many authentication failures"). */
static void
on_disconnect(LIBSSH2_SESSION *s, int reason, const char *msg, int len, const char *lang,
    int lang_len, void **abstract)
{
	struct ssh_host *h = *abstract;

	sanitize_line(msg != NULL && len > 0 ? msg : "no reason given",
	    msg != NULL && len > 0 ? (size_t)len : 15, h->hangup, sizeof(h->hangup));
}

static int
begin_handshake(struct ssh_host *h)
{
	LIBSSH2_KNOWNHOSTS *kh;
	char pref[256] = "";
	unsigned mask;
	size_t i;
	int pass;

	h->s = libssh2_session_init_ex(NULL, NULL, NULL, h);
	if (h->s == NULL) {
		host_down(h, "cannot create an SSH session");
		return -1;
	}
	libssh2_session_set_blocking(h->s, 0);
	libssh2_session_callback_set(h->s, LIBSSH2_CALLBACK_RECV, (void *)counting_recv);
	libssh2_session_callback_set(h->s, LIBSSH2_CALLBACK_DISCONNECT, (void *)on_disconnect);
	h->hangup[0] = '\0';
	kh = load_known(h, 0, h->d.nknown);
	mask = kh != NULL ? known_types(h, kh) : 0;
	if (kh != NULL)
		libssh2_knownhost_free(kh);
	/* Known types first: the client's order decides, so a server that
	 * still has the known key uses it, and one that offers only another
	 * type is seen with that key and refused below (NOTFOUND for a host
	 * with known keys is a mismatch), fingerprint and all. */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < WR_ARRAY_LEN(key_types); i++)
			if (((mask & (1u << i)) != 0) == (pass == 0)) {
				if (pref[0])
					strncat(pref, ",", sizeof(pref) - strlen(pref) - 1);
				strncat(pref, key_types[i].method, sizeof(pref) - strlen(pref) - 1);
			}
	libssh2_session_method_pref(h->s, LIBSSH2_METHOD_HOSTKEY, pref);
	libssh2_keepalive_config(h->s, 0, (unsigned)h->pool->opts.keepalive_s);
	set_state(h, SSH_HANDSHAKE);
	return 0;
}

static const char *
hostkey_type_name(int t)
{
	switch (t) {
	case LIBSSH2_HOSTKEY_TYPE_ED25519: return "ssh-ed25519";
	case LIBSSH2_HOSTKEY_TYPE_ECDSA_256: return "ecdsa-sha2-nistp256";
	case LIBSSH2_HOSTKEY_TYPE_ECDSA_384: return "ecdsa-sha2-nistp384";
	case LIBSSH2_HOSTKEY_TYPE_ECDSA_521: return "ecdsa-sha2-nistp521";
	case LIBSSH2_HOSTKEY_TYPE_RSA: return "ssh-rsa";
	case LIBSSH2_HOSTKEY_TYPE_DSS: return "ssh-dss";
	}
	return "unknown";
}

/* key_verdict's answer for a key a known_hosts line marks @revoked
 * (apart from libssh2's LIBSSH2_KNOWNHOST_CHECK_*). */
#define KEY_REVOKED 0x100

/* The LIBSSH2_KNOWNHOST_KEY_* bits of the offered key's type. */
static int
offered_kbits(const struct ssh_host *h)
{
	size_t i;

	for (i = 0; i < WR_ARRAY_LEN(key_types); i++)
		if (key_types[i].hostkey == h->offered_type)
			return key_types[i].knownhost;
	return 0;
}

/* The offered key against known_hosts as the files are now: KEY_REVOKED
 * when a line marks it @revoked (whatever else matches, as ssh: its file
 * and line go into the status), else a LIBSSH2_KNOWNHOST_CHECK_* (a key
 * of another type than the known ones is MISMATCH: libssh2 says
 * NOTFOUND), or -1 when they cannot be read. A changed key's old key and
 * file go into the status. */
static int
key_verdict(struct ssh_host *h)
{
	LIBSSH2_KNOWNHOSTS *kh;
	unsigned known;
	int r, kbits = offered_kbits(h), line;
	char file[WR_PATH_MAX];

	if ((line = find_revoked(h, file, sizeof(file))) > 0) {
		wr_strlcpy(h->st.known_file, file, sizeof(h->st.known_file));
		h->st.known_line = line;
		return KEY_REVOKED;
	}
	if ((kh = load_known(h, 0, h->d.nknown)) == NULL)
		return -1;
	known = known_types(h, kh);
	r = check_known(h, kh, (const char *)h->offered_key, h->offered_len, kbits, NULL);
	libssh2_knownhost_free(kh);
	if (r == LIBSSH2_KNOWNHOST_CHECK_NOTFOUND && known != 0)
		r = LIBSSH2_KNOWNHOST_CHECK_MISMATCH;
	if (r == LIBSSH2_KNOWNHOST_CHECK_MISMATCH)
		find_old_key(h, kbits);
	return r;
}

/* UNTRUSTED for a revoked key, as loud as ssh's refusal; K never offers
 * to trust it (the key is kept, so C-r and K check it again). */
static void
revoked_key(struct ssh_host *h)
{
	h->st.key_revoked = true;
	h->st.key_unknown = h->st.key_changed = false;
	host_untrusted(h, "host key %s %s is marked @revoked in %s:%d: nothing is sent to it",
	    h->st.keytype, h->st.fingerprint, h->st.known_file, h->st.known_line);
}

/* UNTRUSTED for the verdict on the offered key (kept, so K trusts exactly
 * this key and a re-read checks it again). */
static void
untrusted_key(struct ssh_host *h, int verdict)
{
	char had[128] = "";

	h->st.key_unknown = verdict == LIBSSH2_KNOWNHOST_CHECK_NOTFOUND;
	h->st.key_changed = !h->st.key_unknown;
	h->st.key_revoked = false;
	if (h->st.old_fingerprint[0])
		snprintf(had, sizeof(had), " (which has %s %s)", h->st.old_keytype,
		    h->st.old_fingerprint);
	if (h->st.key_changed)
		host_untrusted(h, "HOST KEY CHANGED: %s %s does not match known_hosts%s",
		    h->st.keytype, h->st.fingerprint, had);
	else
		host_untrusted(h, "unknown host key %s %s", h->st.keytype, h->st.fingerprint);
}

/* 0 trusted; -1 handled (UNTRUSTED or DOWN). */
static int
check_hostkey(struct ssh_host *h)
{
	const char *key, *hash;
	size_t len;
	int type, r;

	key = libssh2_session_hostkey(h->s, &len, &type);
	if (key == NULL) {
		host_down(h, "the server sent no host key");
		return -1;
	}
	wr_strlcpy(h->st.keytype, hostkey_type_name(type), sizeof(h->st.keytype));
	hash = libssh2_hostkey_hash(h->s, LIBSSH2_HOSTKEY_HASH_SHA256);
	if (hash != NULL)
		sshkey_fingerprint((const unsigned char *)hash, h->st.fingerprint,
		    sizeof(h->st.fingerprint));
	free(h->offered_key);
	h->offered_key = xmalloc(len);
	memcpy(h->offered_key, key, len);
	h->offered_len = len;
	h->offered_type = type;
	r = key_verdict(h);
	if (r == LIBSSH2_KNOWNHOST_CHECK_MATCH) {
		free(h->offered_key);
		h->offered_key = NULL;
		return 0;
	}
	if (r == KEY_REVOKED) {
		revoked_key(h);
		return -1;
	}
	if (r == LIBSSH2_KNOWNHOST_CHECK_MISMATCH || r == LIBSSH2_KNOWNHOST_CHECK_NOTFOUND) {
		untrusted_key(h, r);
		return -1;
	}
	host_down(h, r < 0 ? "cannot read known_hosts" : "cannot check the host key");
	return -1;
}

/* A ProxyJump hop's own key changed: as loud as the host's, and never
 * retried by itself. The old key is read from the line ssh names. */
static void
hop_changed(struct ssh_host *h, const struct sshtext_changed *c)
{
	char line[16384];
	FILE *f;
	int n = 0;

	forget_key_trouble(h);
	h->st.key_changed = true;
	wr_strlcpy(h->st.hop, h->d.jump, sizeof(h->st.hop));
	wr_strlcpy(h->st.keytype, c->keytype, sizeof(h->st.keytype));
	wr_strlcpy(h->st.fingerprint, c->fingerprint, sizeof(h->st.fingerprint));
	wr_strlcpy(h->st.known_file, c->file, sizeof(h->st.known_file));
	wr_strlcpy(h->st.known_name, c->name, sizeof(h->st.known_name));
	if (c->file[0] != '\0' && c->line > 0 && (f = fopen(c->file, "r")) != NULL) {
		while (fgets(line, sizeof(line), f) != NULL)
			if (++n == c->line) {
				sshkey_known_line(line, h->st.old_keytype, sizeof(h->st.old_keytype),
				    h->st.old_fingerprint, sizeof(h->st.old_fingerprint));
				break;
			}
		fclose(f);
	}
	host_untrusted(h, "HOST KEY CHANGED on ProxyJump hop %s (%s): %s %s does not match "
	    "known_hosts", h->st.hop, c->name[0] ? c->name : "?", c->keytype,
	    c->fingerprint[0] ? c->fingerprint : "(fingerprint not given)");
}

/* ssh knows no key for a ProxyJump hop: its key is ssh's to check, so
 * it is accepted by hand, never by K; UNTRUSTED, not DOWN, since
 * retrying alone cannot help. The fix is ssh as warroom runs it (its
 * ssh_config) writing where warroom looks (its known_hosts). */
static void
hop_unknown(struct ssh_host *h, const struct sshtext_changed *c)
{
	const struct ssh_pool_opts *o = &h->pool->opts;
	char fix[WR_PATH_MAX];

	forget_key_trouble(h);
	h->st.hop_unknown = true;
	h->st.fingerprint[0] = '\0';
	wr_strlcpy(h->st.hop, h->d.jump, sizeof(h->st.hop));
	wr_strlcpy(h->st.keytype, c->keytype, sizeof(h->st.keytype));
	wr_strlcpy(h->st.known_name, c->name, sizeof(h->st.known_name));
	sshcfg_hop_accept(o->ssh_config, o->known_hosts, h->st.hop, fix, sizeof(fix));
	if (c->keytype[0] != '\0')
		host_untrusted(h, "the %s key of ProxyJump hop %s (%s) is not in known_hosts, so "
		    "ssh refused it: check it and accept it by hand (%.300s), then C-r",
		    c->keytype, h->st.hop, c->name[0] ? c->name : "?", fix);
	else
		host_untrusted(h, "ssh refused the key of ProxyJump hop %s (Host key verification "
		    "failed.): check it and accept it by hand (%.300s), then C-r", h->st.hop, fix);
}

/* A connection through a proxy failed: in ssh's words when it said any
 * (a hop's changed key makes the host UNTRUSTED), else in ours. */
static void
proxy_down(struct ssh_host *h, const char *what, const char *ours)
{
	const char *said = proxy_said(h);
	struct sshtext_changed c;
	char tail[400];

	if (sshtext_hostkey_changed(said, h->perr_len, &c)) {
		hop_changed(h, &c);
		return;
	}
	/* Unknown under StrictHostKeyChecking yes (ssh names the key), or
	 * under BatchMode with the default "ask" (ssh says only this line). */
	if (sshtext_hostkey_unknown(said, h->perr_len, &c) ||
	    sshtext_hostkey_refused(said, h->perr_len)) {
		hop_unknown(h, &c);
		return;
	}
	sshtext_tail(said, h->perr_len, 2, tail, sizeof(tail));
	host_down(h, "%s via %s: %s", what, h->via, tail[0] ? tail : ours);
}

/* Whether known_hosts (that one file, read anew) now holds the offered
 * key under the name ssh looks the host up by. */
static bool
trusted_in(struct ssh_host *h, const char *known_hosts)
{
	LIBSSH2_KNOWNHOSTS *kh = libssh2_knownhost_init(h->pool->scratch);
	bool found;

	if (kh == NULL)
		return false;
	read_known_file(kh, known_hosts);
	found = check_known(h, kh, (const char *)h->offered_key, h->offered_len,
	    offered_kbits(h), NULL) == LIBSSH2_KNOWNHOST_CHECK_MATCH;
	libssh2_knownhost_free(kh);
	return found;
}

/* Append the entry for the offered key to known_hosts: on a line of its
 * own (a file whose last line has no newline is ended first, or the entry
 * would join that line and break both). */
static int
append_known(struct ssh_host *h, const char *known_hosts, const char *name,
    struct wr_err *err)
{
	char line[8300];
	struct stat sb;
	unsigned char c;
	int fd, last = -1;
	long n;

	fd = open(known_hosts, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return wr_err_set(err, "cannot open %s: %s", known_hosts, strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return wr_err_set(err, "%s is not a regular file: a key written there would not "
		    "be kept", known_hosts);
	}
	if (sb.st_size > 0) {
		if (pread(fd, &c, 1, sb.st_size - 1) != 1) {
			close(fd);
			return wr_err_set(err, "cannot read %s: %s", known_hosts, strerror(errno));
		}
		last = c;
	}
	n = knownhosts_entry(last, name, h->st.keytype, h->offered_key, h->offered_len, line,
	    sizeof(line));
	if (n < 0) {
		close(fd);
		return wr_err_set(err, "known_hosts line too long");
	}
	if (write(fd, line, (size_t)n) != n || fsync(fd) != 0) {
		wr_err_set(err, "cannot write %s: %s", known_hosts, strerror(errno));
		close(fd);
		return -1;
	}
	if (close(fd) != 0)
		return wr_err_set(err, "cannot write %s: %s", known_hosts, strerror(errno));
	return 0;
}

int
ssh_pool_trust(struct ssh_pool *p, int host, const char *known_hosts, struct wr_err *err)
{
	struct ssh_host *h = p->hosts[host];
	char name[300], hashed[128];
	unsigned char salt[20];
	int r;

	if (h->st.state == SSH_UNTRUSTED && h->st.key_revoked)
		return wr_err_set(err, "%s's host key %s is marked @revoked in %s:%d: it is never "
		    "trusted", h->name, h->st.fingerprint, h->st.known_file, h->st.known_line);
	if (h->st.state != SSH_UNTRUSTED || !h->st.key_unknown || h->offered_key == NULL)
		return wr_err_set(err, "%s has no unknown key to trust%s", h->name,
		    h->st.state == SSH_UNTRUSTED ? " (a changed key is never trusted from "
		    "here: check it, then remove the old one with ssh-keygen -R)" : "");
	if (known_hosts == NULL || known_hosts[0] == '\0')
		return wr_err_set(err, "no known_hosts file is named in the config "
		    "([warroom] known_hosts)");
	/* The files as they are now: a line added (a @revoked mark, another
	 * key) while the question was open counts. */
	r = key_verdict(h);
	if (r == KEY_REVOKED) {
		revoked_key(h);
		return wr_err_set(err, "%s's host key %s is marked @revoked in %s:%d: it is never "
		    "trusted", h->name, h->st.fingerprint, h->st.known_file, h->st.known_line);
	}
	if (r == LIBSSH2_KNOWNHOST_CHECK_MISMATCH) {
		untrusted_key(h, r);
		return wr_err_set(err, "known_hosts now holds another key for %s: nothing added",
		    h->name);
	}
	if (r == LIBSSH2_KNOWNHOST_CHECK_MATCH) {
		h->attempts = 0;
		on_retry(h);
		return wr_err_set(err, "known_hosts holds this key for %s now: nothing added; "
		    "connecting", h->name);
	}
	if (r != LIBSSH2_KNOWNHOST_CHECK_NOTFOUND)
		return wr_err_set(err, "cannot read known_hosts");
	/* The name ssh looks up: a HostKeyAlias, else [address]:port; hashed
	 * as ssh would write it when ssh_config says HashKnownHosts yes. */
	sshcfg_known_name(&h->d, name, sizeof(name));
	if (h->d.hash_known) {
		if (RAND_bytes(salt, sizeof(salt)) != 1 ||
		    knownhosts_hash_name(salt, sizeof(salt), name, hmac_sha1, hashed,
		    sizeof(hashed)) != 0)
			return wr_err_set(err, "cannot hash %s's name for known_hosts", h->name);
		wr_strlcpy(name, hashed, sizeof(name));
	}
	if (append_known(h, known_hosts, name, err) != 0)
		return -1;
	/* Said trusted only once the file, read back, gives the key. */
	if (!trusted_in(h, known_hosts))
		return wr_err_set(err, "the key was appended to %s, but reading the file back "
		    "does not find it for %s: check the file", known_hosts, h->st.known_name);
	free(h->offered_key);
	h->offered_key = NULL;
	h->st.key_unknown = false;
	h->attempts = 0;
	on_retry(h);
	return 0;
}

/* ---- authentication ---- */

static void
note(struct ssh_host *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
note(struct ssh_host *h, const char *fmt, ...)
{
	size_t used = strlen(h->st.notes);
	va_list ap;

	if (used > 0 && used + 2 < sizeof(h->st.notes)) {
		memcpy(h->st.notes + used, "; ", 3);
		used += 2;
	}
	va_start(ap, fmt);
	vsnprintf(h->st.notes + used, sizeof(h->st.notes) - used, fmt, ap);
	va_end(ap);
}

/* Up to cap bytes of the regular file at path; -1 when it cannot be read.
 * O_NONBLOCK: a FIFO named by mistake must not hang the loop. */
static long
read_head(const char *path, char *buf, size_t cap)
{
	struct stat st;
	size_t got = 0;
	ssize_t n = 0;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -1;
	}
	while (got < cap && ((n = read(fd, buf + got, cap - got)) > 0 ||
	    (n < 0 && errno == EINTR)))
		got += n > 0 ? (size_t)n : 0;
	close(fd);
	return n < 0 ? -1 : (long)got;
}

#define AUTH_BLOB_MAX 2048               /* an RSA-8192 public key is ~1050 */

/* The public key of the identity at path, to find it among the agent's:
 * from its .pub, else from the file (a public key named by mistake, or
 * an OpenSSH private key's public half, readable behind a passphrase).
 * Returns the blob's length, or -1 when neither says it. */
static long
identity_blob(const char *path, unsigned char *out, size_t cap)
{
	char pub[WR_PATH_MAX + 8], buf[16384];
	long n;

	snprintf(pub, sizeof(pub), "%s.pub", path);
	if ((n = read_head(pub, buf, sizeof(buf))) >= 0 &&
	    (n = sshkey_public_blob(buf, (size_t)n, out, cap)) > 0)
		return n;
	if ((n = read_head(path, buf, sizeof(buf))) >= 0)
		return sshkey_public_blob(buf, (size_t)n, out, cap);
	return -1;
}

_Static_assert(SSHCFG_MAX_FILES + 1 <= SSHAUTH_MAX_FILES, "every identity can be planned");

/* One attempt's keys: what is offered, in order, and how it went. */
struct auth_try {
	struct libssh2_agent_publickey *ids[SSHAUTH_MAX_AGENT];
	int nids;
	unsigned char blob[SSHCFG_MAX_FILES + 1][AUTH_BLOB_MAX];
	long blob_len[SSHCFG_MAX_FILES + 1];
	struct sshauth_plan plan;
	int next;                        /* the plan's next offer */
	int ready;                       /* next + 1 once it was found usable */
	int refused;                     /* keys the server said no to */
	char sock[WR_PATH_MAX];          /* SSH_AUTH_SOCK, for the reasons */
	struct sshauth_tally tally;
};

/* Ask the agent for its keys (an empty or unset SSH_AUTH_SOCK is no
 * agent, not an unreachable one), read the configured identities' public
 * keys, and settle the order to offer them in. */
static void
auth_begin(struct ssh_host *h, struct auth_try *a)
{
	struct sshauth_key files[SSHCFG_MAX_FILES + 1], agent[SSHAUTH_MAX_AGENT];
	struct libssh2_agent_publickey *id = NULL;
	const char *sock = getenv("SSH_AUTH_SOCK");
	int i;

	a->tally.agent = SSHAUTH_AGENT_OFF;
	if (h->pool->opts.use_agent) {
		a->tally.agent = SSHAUTH_AGENT_UNSET;
		if (sock != NULL) {
			wr_strlcpy(a->sock, sock, sizeof(a->sock));
			a->tally.sock = a->sock;
		}
	}
	if (a->tally.agent == SSHAUTH_AGENT_UNSET && a->sock[0] != '\0') {
		a->tally.agent = SSHAUTH_AGENT_UNREACHABLE;
		if ((h->agent = libssh2_agent_init(h->s)) != NULL &&
		    libssh2_agent_connect(h->agent) == 0 &&
		    libssh2_agent_list_identities(h->agent) == 0)
			a->tally.agent = SSHAUTH_AGENT_OK;
	}
	while (a->tally.agent == SSHAUTH_AGENT_OK && a->nids < SSHAUTH_MAX_AGENT &&
	    libssh2_agent_get_identity(h->agent, &id, id) == 0) {
		agent[a->nids] = (struct sshauth_key){ id->blob, id->blob_len };
		a->ids[a->nids++] = id;
	}
	for (i = 0; i < h->d.nidentity; i++) {
		a->blob_len[i] = identity_blob(h->d.identities[i], a->blob[i], AUTH_BLOB_MAX);
		files[i] = (struct sshauth_key){ a->blob_len[i] > 0 ? a->blob[i] : NULL,
		    a->blob_len[i] > 0 ? (size_t)a->blob_len[i] : 0 };
	}
	sshauth_order(files, h->d.nidentity, agent, a->nids, h->d.identities_only, &a->plan);
	a->tally.left_out = a->plan.left_out;
}

/* The agent's name for one of its keys, for messages. */
static void
agent_key_name(const struct libssh2_agent_publickey *id, char *out, size_t cap)
{
	const char *c = id->comment != NULL && id->comment[0] ? id->comment : "(no comment)";

	sanitize_line(c, strlen(c), out, cap);
}

/* A configured identity from its file: 1 try it, 0 passed over (noted
 * unless quiet). */
static int
file_usable(struct ssh_host *h, struct auth_try *a, int idx, bool quiet)
{
	const char *path = h->d.identities[idx];
	enum sshkey_kind k;
	struct wr_err err;
	char why[400];

	/* ssh tries the default files that exist; one ssh_config names
	 * and that is missing is worth saying, as ssh -v would. */
	if (idx >= h->d.ncfg_identity && !file_exists(path)) {
		char shown[WR_PATH_MAX];

		if (!h->d.identities_default && !quiet) {
			sshcfg_tilde(path, h->pool->opts.home, shown, sizeof(shown));
			note(h, "IdentityFile %s from ssh_config does not exist", shown);
		}
		return 0;
	}
	/* A .pub, a text file or a key others can read would fail below
	 * as "refused", sending the engineer to authorized_keys. */
	if (identity_file_check(path, &k, &err) != 0) {
		if (!quiet)
			note(h, "%s skipped: %s", path, err.msg);
		return 0;
	}
	if (quiet)
		return k != SSHKEY_RSA && k != SSHKEY_DSA && k != SSHKEY_ENCRYPTED;
	if (k == SSHKEY_RSA || k == SSHKEY_DSA) {
		note(h, "%s skipped: %s keys cannot sign here (libssh2 1.10 has no "
		    "rsa-sha2, OpenSSH refuses ssh-rsa); use an ed25519 or ecdsa key",
		    path, sshkey_kind_name(k));
		return 0;
	}
	/* Offered from its file, so the agent does not hold it (or its
	 * public half is unknown): only then is a passphrase in the way. */
	if (k == SSHKEY_ENCRYPTED) {
		sshauth_passphrase_why(&a->tally, a->blob_len[idx] > 0, why, sizeof(why));
		note(h, "%s skipped: %s", path, why);
		return 0;
	}
	return 1;
}

#define AGENT_RSA_WHY \
	"libssh2 1.10 cannot sign with rsa-sha2 and the server refuses ssh-rsa"

/* Whether an offer reaches the server, noting why not unless quiet (an
 * RSA key, a missing file, one with a passphrase is passed over). */
static bool
usable(struct ssh_host *h, struct auth_try *a, const struct sshauth_offer *o, bool quiet)
{
	struct libssh2_agent_publickey *id;
	enum sshkey_kind k;
	char name[128];

	if (!o->via_agent)
		return file_usable(h, a, o->file, quiet);
	id = a->ids[o->agent];
	k = sshkey_blob_kind(id->blob, id->blob_len);
	if (k != SSHKEY_RSA && k != SSHKEY_DSA)
		return true;
	if (quiet)
		return false;
	if (o->file >= 0)
		note(h, "%s (in ssh-agent) skipped: " AGENT_RSA_WHY, h->d.identities[o->file]);
	else {
		agent_key_name(id, name, sizeof(name));
		note(h, "agent key %s skipped: " AGENT_RSA_WHY, name);
	}
	return false;
}

/* The server hung up mid-login: DOWN in its words, with sshd's limit on
 * refusals named when that is what it said. */
static void
auth_hung_up(struct ssh_host *h, struct auth_try *a)
{
	char why[sizeof(h->hangup)];
	int n = a->tally.offered;

	if (h->hangup[0] == '\0') {
		snprintf(why, sizeof(why), "%s", session_error(h));
		host_down(h, "connection lost during authentication after %d key%s offered: %s",
		    n, n == 1 ? "" : "s", why);
		return;
	}
	wr_strlcpy(why, h->hangup, sizeof(why));
	if (strstr(why, "authentication failures") != NULL)
		host_down(h, "authentication failed for %s@%s: the server hung up after %d key%s "
		    "offered (\"%s\": its MaxAuthTries is below %d); name the host's key with "
		    "IdentityFile and IdentitiesOnly yes", h->d.user, h->d.address, n,
		    n == 1 ? "" : "s", why, SSHAUTH_MAX_REFUSED + 1);
	else
		host_down(h, "authentication failed for %s@%s: the server hung up after %d key%s "
		    "offered: %s", h->d.user, h->d.address, n, n == 1 ? "" : "s", why);
}

/* 1 authenticated, 0 in progress, -1 every way failed (DOWN already). */
static int
step_auth(struct ssh_host *h)
{
	struct auth_try *a = h->auth;
	char why[sizeof(h->st.error)], name[128];
	int r;

	if (a == NULL) {
		if ((a = h->auth = calloc(1, sizeof(*a))) == NULL) {
			host_down(h, "out of memory");
			return -1;
		}
		auth_begin(h, a);
	}
	while (a->next < a->plan.n) {
		const struct sshauth_offer *o = &a->plan.offers[a->next];
		struct libssh2_agent_publickey *id = o->via_agent ? a->ids[o->agent] : NULL;
		const char *path = o->file >= 0 ? h->d.identities[o->file] : NULL;

		/* Checked once: libssh2 asks to be called again, same key. */
		if (a->ready != a->next + 1 && !usable(h, a, o, false)) {
			a->next++;
			continue;
		}
		a->ready = a->next + 1;
		/* sshd counts each refusal and hangs up at MaxAuthTries; a
		 * bastion's fail2ban counts the hang-ups. Stop short of it. */
		if (a->refused >= SSHAUTH_MAX_REFUSED) {
			for (int i = a->next; i < a->plan.n; i++)
				a->tally.untried += usable(h, a, &a->plan.offers[i], true);
			break;
		}
		if (id != NULL)
			r = libssh2_agent_userauth(h->agent, h->d.user, id);
		else
			r = libssh2_userauth_publickey_fromfile_ex(h->s, h->d.user,
			    (unsigned)strlen(h->d.user), NULL, path, NULL);
		if (r == LIBSSH2_ERROR_EAGAIN)
			return 0;
		if (r == 0) {
			free(h->auth);
			h->auth = NULL;
			return 1;
		}
		a->next++;
		a->tally.offered++;
		/* libssh2 reports a hang-up mid-login as a key refused ("Waiting
		 * for USERAUTH response"); the server's reason says what it was. */
		if (h->hangup[0] != '\0' || ssh_error_is_fatal(r)) {
			auth_hung_up(h, a);
			return -1;
		}
		/* Only the server's no is "refused"; libssh2 failing to read or
		 * use the key says so in its own words. */
		if (r == LIBSSH2_ERROR_PUBLICKEY_UNVERIFIED ||
		    r == LIBSSH2_ERROR_AUTHENTICATION_FAILED) {
			a->refused++;
			if (path != NULL)
				note(h, "%s%s refused", path, id ? " (in ssh-agent)" : "");
			else
				a->tally.other_refused++;
			continue;
		}
		if (path == NULL)
			agent_key_name(id, name, sizeof(name));
		note(h, "%s not used: %s", path ? path : name, session_error(h));
	}
	sshauth_failure(&a->tally, h->st.notes, why, sizeof(why));
	host_down(h, "authentication failed for %s@%s: %s", h->d.user, h->d.address, why);
	return -1;
}

/* ---- the state machine ---- */

static void
update_interest(struct ssh_host *h)
{
	int dir;
	unsigned ev = LOOP_READ;

	if (!h->registered)
		return;
	if (h->s != NULL) {
		dir = libssh2_session_block_directions(h->s);
		if (dir & LIBSSH2_SESSION_BLOCK_OUTBOUND)
			ev |= LOOP_WRITE;
	}
	loop_fd_set_events(h->pool->loop, h->sock, ev);
}

/* libssh2 reads the socket only inside channel calls, so an idle session
 * would leave the server's packets (and its hang-up) unread while poll()
 * kept reporting the socket readable. Reading an idle channel makes
 * libssh2 take in everything that arrived. */
static void
read_sentinel(struct ssh_host *h)
{
	char c;
	ssize_t n = libssh2_channel_read_ex(h->sentinel, 0, &c, 1);

	if (n == LIBSSH2_ERROR_EAGAIN || n >= 0) {
		if (n >= 0 && libssh2_channel_eof(h->sentinel))
			host_down(h, "connection closed by %s", h->d.address);
		return;
	}
	host_down(h, "connection lost: %s", session_error(h));
}

/* The liveness check: an "env" request with want_reply on the idle
 * sentinel channel. Any answer (sshd refuses variables it does not
 * accept) proves the server is reading, and libssh2 consumes it, unlike
 * the answer to a keepalive with want_reply (DESIGN §7). Called again,
 * same arguments, until it ends. */
static void
step_ping(struct ssh_host *h)
{
	int rc;

	if (!h->pinging || h->sentinel == NULL)
		return;
	rc = libssh2_channel_setenv_ex(h->sentinel, "WARROOM_PING", 12, "1", 1);
	if (rc == LIBSSH2_ERROR_EAGAIN)
		return;
	h->pinging = false;
	h->kick = true;                  /* a client may wait for the slot */
	/* libssh2 1.10 answers -1 when the packet it read first was another
	 * channel's (a busy session): the server is answering, which is all
	 * this asks. Its own reply waits in libssh2's queue and answers the
	 * next check, so at most one is ever left over. Taken for a failure,
	 * it once took a host DOWN in the middle of a rollback's read-back. */
	if (rc == LIBSSH2_ERROR_SOCKET_NONE)
		return;
	if (rc != 0 && rc != LIBSSH2_ERROR_CHANNEL_REQUEST_DENIED)
		host_down(h, "keepalive failed: %s", session_error(h));
}

static void on_kick(void *arg);

/* Take in what the socket holds (the sentinel's read queues every packet
 * in libssh2), then service every client, until a pass reads nothing
 * more. Reading first lets a client whose channel got nothing pass
 * without a recv() of its own (ssh_channel_pending): a 50-host console
 * made a dozen failed recv()s per packet before. A client's call may
 * still take in packets for channels already serviced this pass;
 * libssh2 keeps them in memory, where poll() cannot see them, so without
 * another pass they would wait for the next byte on the wire, perhaps
 * forever. A session that stays this busy, or whose client has read its
 * share of the turn (ssh_client_yield), carries on at the next turn of
 * the loop, after the other fds and the keys. */
static void
service_clients(struct ssh_host *h)
{
	char why[256];
	int pass;

	for (pass = 0; pass < 32; pass++) {
		struct ssh_client *c, *next;

		h->kick = false;
		h->yield = false;
		read_sentinel(h);
		if (h->st.state != SSH_UP)
			return;
		h->got_bytes = false;
		for (c = h->clients; c != NULL; c = next) {
			next = c->next;
			why[0] = '\0';
			if (c->service(c, why, sizeof(why)) != 0) {
				host_down(h, "%s", why[0] ? why : session_error(h));
				return;
			}
		}
		step_ping(h);
		if (h->st.state != SSH_UP || h->yield || (!h->kick && !h->got_bytes))
			break;
	}
	if (h->st.state != SSH_UP || (pass < 32 && !h->yield))
		return;
	if (h->kick_timer == 0)
		h->kick_timer = loop_timer_add(h->pool->loop, 0, 0, on_kick, h);
}

static void
host_step(struct ssh_host *h)
{
	int r, err;
	socklen_t len = sizeof(err);

	switch (h->st.state) {
	case SSH_IDLE:
	case SSH_RESOLVING:
		if (h->gpid <= 0 && !h->gai_active && h->sock < 0)
			start_resolve(h);
		return;
	case SSH_CONNECTING:
		if (h->sock < 0)
			return;
		if (getsockopt(h->sock, SOL_SOCKET, SO_ERROR, &err, &len) != 0 || err != 0) {
			host_down(h, "connect to %s:%d: %s", h->d.address, h->d.port,
			    strerror(err ? err : errno));
			return;
		}
		if (begin_handshake(h) != 0)
			return;
		/* fall through */
	case SSH_HANDSHAKE:
		r = libssh2_session_handshake(h->s, h->sock);
		if (r == LIBSSH2_ERROR_EAGAIN)
			break;
		if (r != 0) {
			char what[300];

			snprintf(what, sizeof(what), "SSH handshake with %s failed", h->d.address);
			if (h->proxy_pid > 0)
				proxy_down(h, what, session_error(h));
			else
				host_down(h, "%s: %s", what, session_error(h));
			return;
		}
		if (check_hostkey(h) != 0)
			return;
		free(h->auth);
		h->auth = NULL;
		h->st.notes[0] = '\0';
		set_state(h, SSH_AUTH);
		/* fall through */
	case SSH_AUTH:
		if (!h->authed) {
			r = step_auth(h);
			if (r < 0)
				return;
			if (r == 0)
				break;
			h->authed = true;
		}
		h->sentinel = libssh2_channel_open_session(h->s);
		if (h->sentinel == NULL) {
			if (libssh2_session_last_errno(h->s) == LIBSSH2_ERROR_EAGAIN)
				break;
			host_down(h, "cannot open a channel on %s: %s", h->d.address,
			    session_error(h));
			return;
		}
		cancel_timer(h, &h->deadline_timer);
		h->attempts = 0;
		h->st.retry_at_ms = 0;
		h->st.down_since_ms = 0;
		set_state(h, SSH_UP);
		/* fall through */
	case SSH_UP:
		service_clients(h);
		if (h->st.state != SSH_UP)
			return;
		break;
	case SSH_DOWN:
	case SSH_UNTRUSTED:
		return;
	}
	update_interest(h);
}

static void
on_socket(struct loop *loop, int fd, unsigned events, void *arg)
{
	host_step(arg);
}

static void
on_keepalive(void *arg)
{
	struct ssh_pool *p = arg;
	int64_t waited;
	int i, next;

	for (i = 0; i < p->nhosts; i++) {
		struct ssh_host *h = p->hosts[i];

		if (h->st.state != SSH_UP)
			continue;
		/* Unanswered since the last tick (half an interval spares jitter);
		 * a command's own request unanswered as long says the same. */
		waited = loop_now_ms() - (h->pinging ? h->ping_at_ms : h->req_since_ms);
		if ((h->pinging && 2 * waited >= p->opts.keepalive_s * 1000) ||
		    (!h->pinging && h->req_owner != NULL &&
		    waited >= 2 * (int64_t)p->opts.keepalive_s * 1000)) {
			host_down(h, "no answer to a keepalive within %d s: the server hangs",
			    p->opts.keepalive_s);
			continue;
		}
		if (libssh2_keepalive_send(h->s, &next) != 0 &&
		    libssh2_session_last_errno(h->s) != LIBSSH2_ERROR_EAGAIN) {
			host_down(h, "keepalive failed: %s", session_error(h));
			continue;
		}
		/* The check is a channel request too: it waits its turn. */
		if (!h->pinging && h->req_owner == NULL) {
			h->pinging = true;
			h->ping_at_ms = loop_now_ms();
			step_ping(h);
			if (h->st.state != SSH_UP)
				continue;
		}
		read_sentinel(h);
		if (h->st.state == SSH_UP)
			update_interest(h);
	}
}

/* ---- the public face ---- */

struct ssh_pool *
ssh_pool_new(struct loop *loop, const struct ssh_pool_opts *opts)
{
	struct ssh_pool *p = xcalloc(1, sizeof(*p));

	p->loop = loop;
	p->opts = *opts;
	if (p->opts.connect_timeout_ms <= 0)
		p->opts.connect_timeout_ms = 10000;
	if (p->opts.keepalive_s <= 0)
		p->opts.keepalive_s = 10;
	if (p->opts.backoff_max_ms <= 0)
		p->opts.backoff_max_ms = 60000;
	p->seed = (unsigned)getpid() ^ (unsigned)time(NULL);
	libssh2_init(0);
	if ((p->scratch = libssh2_session_init()) == NULL) {
		fprintf(stderr, "warroom: cannot create an SSH session\n");
		abort();
	}
	return p;
}

int
ssh_pool_add(struct ssh_pool *p, const struct ssh_target *t)
{
	struct ssh_host *h = xcalloc(1, sizeof(*h));

	h->pool = p;
	h->idx = p->nhosts;
	h->sock = h->gfd = h->gerr_fd = h->perr_fd = -1;
	h->gpid = h->proxy_pid = -1;
	wr_strlcpy(h->name, t->name, sizeof(h->name));
	wr_strlcpy(h->cfg_address, t->address ? t->address : "", sizeof(h->cfg_address));
	wr_strlcpy(h->cfg_user, t->user ? t->user : "", sizeof(h->cfg_user));
	wr_strlcpy(h->cfg_identity, t->identity_file ? t->identity_file : "",
	    sizeof(h->cfg_identity));
	h->cfg_port = t->port;
	p->hosts = xrealloc(p->hosts, (size_t)(p->nhosts + 1) * sizeof(*p->hosts));
	p->hosts[p->nhosts++] = h;
	return h->idx;
}

void
ssh_pool_start(struct ssh_pool *p)
{
	int i;

	for (i = 0; i < p->nhosts; i++)
		host_step(p->hosts[i]);
	if (p->keepalive_timer == 0)
		p->keepalive_timer = loop_timer_add(p->loop, p->opts.keepalive_s * 1000,
		    p->opts.keepalive_s * 1000, on_keepalive, p);
}

void
ssh_pool_free(struct ssh_pool *p)
{
	int i;

	if (p == NULL)
		return;
	/* Every host's clients first: their callbacks may read any host's
	 * state (the journal's poll records do), so none is freed yet. */
	for (i = 0; i < p->nhosts; i++) {
		close_session(p->hosts[i]);
		lose_clients(p->hosts[i], SSH_LOST_QUIT);
	}
	for (i = 0; i < p->nhosts; i++) {
		struct ssh_host *h = p->hosts[i];

		cancel_timer(h, &h->retry_timer);
		cancel_timer(h, &h->kick_timer);
		free(h->offered_key);
		free(h);
	}
	if (p->keepalive_timer)
		loop_timer_cancel(p->loop, p->keepalive_timer);
	libssh2_session_free(p->scratch);
	free(p->hosts);
	free(p);
	libssh2_exit();
}

int
ssh_pool_count(const struct ssh_pool *p)
{
	return p->nhosts;
}

const struct ssh_status *
ssh_pool_status(const struct ssh_pool *p, int host)
{
	return &p->hosts[host]->st;
}

const char *
ssh_pool_name(const struct ssh_pool *p, int host)
{
	return p->hosts[host]->name;
}

LIBSSH2_SESSION *
ssh_pool_session(struct ssh_pool *p, int host)
{
	struct ssh_host *h = p->hosts[host];

	return h->st.state == SSH_UP ? h->s : NULL;
}

enum ssh_recheck
ssh_pool_recheck(struct ssh_pool *p, int host)
{
	struct ssh_host *h = p->hosts[host];
	int r;

	if (h->st.state == SSH_DOWN) {
		cancel_timer(h, &h->retry_timer);
		on_retry(h);
		return SSH_RECHECK_CONNECTING;
	}
	if (h->st.state != SSH_UNTRUSTED)
		return SSH_RECHECK_NONE;
	/* A hop's key lives in ssh's hands: only a new ssh -W reads it again. */
	if (h->offered_key == NULL || (r = key_verdict(h)) == LIBSSH2_KNOWNHOST_CHECK_MATCH) {
		h->attempts = 0;
		on_retry(h);
		return SSH_RECHECK_CONNECTING;
	}
	if (r == KEY_REVOKED) {
		revoked_key(h);
		return SSH_RECHECK_REVOKED;
	}
	if (r != LIBSSH2_KNOWNHOST_CHECK_MISMATCH && r != LIBSSH2_KNOWNHOST_CHECK_NOTFOUND)
		return h->st.key_revoked ? SSH_RECHECK_REVOKED :
		    h->st.key_changed ? SSH_RECHECK_CHANGED : SSH_RECHECK_UNKNOWN;
	untrusted_key(h, r);
	return r == LIBSSH2_KNOWNHOST_CHECK_NOTFOUND ? SSH_RECHECK_UNKNOWN : SSH_RECHECK_CHANGED;
}

enum ssh_recheck
ssh_pool_retry(struct ssh_pool *p, int host)
{
	struct ssh_host *h = p->hosts[host];
	enum ssh_recheck r = ssh_pool_recheck(p, host);

	/* The key kept is the one offered then: the server may offer another
	 * now (restored, or rotated again), and only a new handshake sees
	 * it, checked before any authentication as always. */
	if (r == SSH_RECHECK_CHANGED || r == SSH_RECHECK_UNKNOWN || r == SSH_RECHECK_REVOKED) {
		h->attempts = 0;
		on_retry(h);
	}
	return r;
}

static void
on_kick(void *arg)
{
	struct ssh_host *h = arg;

	h->kick_timer = 0;
	if (h->st.state == SSH_UP)
		host_step(h);
}

int
ssh_client_attach(struct ssh_pool *p, int host, struct ssh_client *c)
{
	struct ssh_host *h = p->hosts[host];

	if (h->st.state != SSH_UP)
		return -1;
	c->host = h;
	c->next = h->clients;
	h->clients = c;
	h->kick = true;
	if (h->kick_timer == 0)
		h->kick_timer = loop_timer_add(p->loop, 0, 0, on_kick, h);
	return 0;
}

void
ssh_client_detach(struct ssh_client *c)
{
	struct ssh_client **pp;

	if (c->host == NULL)
		return;
	ssh_client_request_done(c);
	for (pp = &c->host->clients; *pp != NULL; pp = &(*pp)->next)
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	c->host = NULL;
	c->next = NULL;
}

bool
ssh_client_request(struct ssh_client *c)
{
	struct ssh_host *h = c->host;

	if (h == NULL)
		return false;
	if (h->req_owner == c)
		return true;
	if (h->req_owner != NULL || h->pinging)
		return false;
	h->req_owner = c;
	h->req_since_ms = loop_now_ms();
	return true;
}

void
ssh_client_request_done(struct ssh_client *c)
{
	struct ssh_host *h = c->host;

	if (h == NULL || h->req_owner != c)
		return;
	h->req_owner = NULL;
	/* Whoever waited for the slot goes on in another pass. */
	h->kick = true;
	if (h->kick_timer == 0)
		h->kick_timer = loop_timer_add(h->pool->loop, 0, 0, on_kick, h);
}

void
ssh_client_yield(struct ssh_client *c)
{
	if (c->host != NULL)
		c->host->yield = true;
}

void
ssh_client_want_write(struct ssh_client *c)
{
	if (c->host != NULL && c->host->registered)
		loop_fd_set_events(c->host->pool->loop, c->host->sock, LOOP_READ | LOOP_WRITE);
}

struct loop *
ssh_client_loop(struct ssh_client *c)
{
	return c->host != NULL ? c->host->pool->loop : NULL;
}

struct loop *
ssh_pool_loop(struct ssh_pool *p)
{
	return p->loop;
}

void
ssh_pool_set_read_only(struct ssh_pool *p, bool ro)
{
	p->read_only = ro;
}

bool
ssh_pool_read_only(const struct ssh_pool *p)
{
	return p->read_only;
}

bool
ssh_error_is_fatal(int rc)
{
	return rc == LIBSSH2_ERROR_SOCKET_SEND || rc == LIBSSH2_ERROR_SOCKET_RECV ||
	    rc == LIBSSH2_ERROR_SOCKET_DISCONNECT || rc == LIBSSH2_ERROR_SOCKET_TIMEOUT ||
	    rc == LIBSSH2_ERROR_TIMEOUT || rc == LIBSSH2_ERROR_KEX_FAILURE ||
	    rc == LIBSSH2_ERROR_DECRYPT;
}

bool
ssh_channel_pending(LIBSSH2_CHANNEL *ch)
{
	/* Both read the queue only; an error (a malformed queued packet)
	 * counts as pending, so the client's own read meets it. */
	return libssh2_poll_channel_read(ch, 1) != 0 || libssh2_channel_eof(ch) != 0;
}

const char *
ssh_last_error(LIBSSH2_SESSION *s)
{
	char *msg = NULL;

	libssh2_session_last_error(s, &msg, NULL, 0);
	return msg ? msg : "unknown error";
}
