/*
 * http.c — libcurl's multi interface inside the one loop.
 *
 * curl tells us which sockets to watch (CURLMOPT_SOCKETFUNCTION) and when
 * to call it back (CURLMOPT_TIMERFUNCTION); both become loop fds and a loop
 * timer, and every event goes to curl_multi_socket_action(). libcurl is
 * never called from inside its own timer callback: that only (re)arms a
 * loop timer. Redirects are never followed (a credential must not travel
 * to another host), only http and https are allowed, TLS is verified, and
 * response bodies are capped. A tunnelled request that got no answer
 * because the host refused its channel says the tunnel's reason, not
 * curl's symptom of it.
 */
#include "warroom/http.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "warroom/loop.h"
#include "warroom/tunnel.h"

struct http_client {
	struct loop *loop;
	CURLM *multi;
	uint64_t timer;
	int pending;
	bool read_only;
	const struct tunnel_set *tunnels; /* what the tunnels' sockets refused */
	struct http_xfer *xfers;         /* every request not yet done */
};

struct http_xfer {
	struct http_client *client;
	CURL *easy;
	struct curl_slist *headers;
	http_done_fn done;
	void *arg;
	struct http_response resp;
	size_t cap, max_body;
	char errbuf[CURL_ERROR_SIZE];
	char sock[108];                  /* the tunnel's socket, "" when direct */
	char *body_copy;
	struct http_xfer *next, *prev;
};

static void
unlink_xfer(struct http_xfer *x)
{
	if (x->prev != NULL)
		x->prev->next = x->next;
	else
		x->client->xfers = x->next;
	if (x->next != NULL)
		x->next->prev = x->prev;
}

static void
free_xfer(struct http_xfer *x)
{
	curl_easy_cleanup(x->easy);
	curl_slist_free_all(x->headers);
	free(x->resp.body);
	free(x->body_copy);
	free(x);
}

static void check_done(struct http_client *c);

static void
on_fd(struct loop *loop, int fd, unsigned events, void *arg)
{
	struct http_client *c = arg;
	int running, mask = 0;

	if (events & LOOP_READ)
		mask |= CURL_CSELECT_IN;
	if (events & LOOP_WRITE)
		mask |= CURL_CSELECT_OUT;
	if (events & LOOP_ERROR)
		mask |= CURL_CSELECT_ERR;
	curl_multi_socket_action(c->multi, fd, mask, &running);
	check_done(c);
}

static int
socket_cb(CURL *easy, curl_socket_t s, int what, void *userp, void *socketp)
{
	struct http_client *c = userp;
	unsigned ev = 0;

	if (what == CURL_POLL_REMOVE) {
		loop_fd_remove(c->loop, s);
		return 0;
	}
	if (what == CURL_POLL_IN || what == CURL_POLL_INOUT)
		ev |= LOOP_READ;
	if (what == CURL_POLL_OUT || what == CURL_POLL_INOUT)
		ev |= LOOP_WRITE;
	if (loop_fd_set_events(c->loop, s, ev) != 0)
		loop_fd_add(c->loop, s, ev, on_fd, c);
	return 0;
}

static void
on_timer(void *arg)
{
	struct http_client *c = arg;
	int running;

	c->timer = 0;
	curl_multi_socket_action(c->multi, CURL_SOCKET_TIMEOUT, 0, &running);
	check_done(c);
}

/* Only arms a loop timer: calling libcurl from here is not allowed. */
static int
timer_cb(CURLM *multi, long timeout_ms, void *userp)
{
	struct http_client *c = userp;

	if (c->timer != 0) {
		loop_timer_cancel(c->loop, c->timer);
		c->timer = 0;
	}
	if (timeout_ms >= 0)
		c->timer = loop_timer_add(c->loop, timeout_ms, 0, on_timer, c);
	return 0;
}

static size_t
write_cb(char *ptr, size_t size, size_t nmemb, void *userdata)
{
	struct http_xfer *x = userdata;
	size_t n = size * nmemb, room;

	if (x->resp.len + n > x->max_body) {
		room = x->max_body - x->resp.len;
		x->resp.truncated = true;
		n = room;
	}
	if (x->resp.len + n + 1 > x->cap) {
		x->cap = (x->resp.len + n + 1) * 2;
		if (x->cap > x->max_body + 1)
			x->cap = x->max_body + 1;
		x->resp.body = xrealloc(x->resp.body, x->cap);
	}
	memcpy(x->resp.body + x->resp.len, ptr, n);
	x->resp.len += n;
	x->resp.body[x->resp.len] = '\0';
	/* Returning short aborts the transfer once the cap is reached. */
	return x->resp.truncated ? n : size * nmemb;
}

static void
finish(struct http_xfer *x, CURLcode rc)
{
	struct http_client *c = x->client;
	char *ct = NULL;
	curl_off_t retry = 0;
	long reqsize = 0;

	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &x->resp.status);
	/* Counted once the request is written: no answer then is not "never sent". */
	if (curl_easy_getinfo(x->easy, CURLINFO_REQUEST_SIZE, &reqsize) == CURLE_OK)
		x->resp.sent = reqsize > 0;
	if (curl_easy_getinfo(x->easy, CURLINFO_RETRY_AFTER, &retry) == CURLE_OK && retry > 0)
		x->resp.retry_after_s = retry > 86400 ? 86400 : (long)retry;
	curl_easy_getinfo(x->easy, CURLINFO_TOTAL_TIME, &x->resp.seconds);
	if (curl_easy_getinfo(x->easy, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct != NULL)
		wr_strlcpy(x->resp.content_type, ct, sizeof(x->resp.content_type));
	x->resp.timed_out = rc == CURLE_OPERATION_TIMEDOUT;
	if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && x->resp.truncated))
		snprintf(x->resp.error, sizeof(x->resp.error), "%s",
		    x->errbuf[0] ? x->errbuf : curl_easy_strerror(rc));
	/* The connection closed unanswered and the tunnel says why: its words.
	 * A timeout is not replaced: it is not what a refusal looks like. */
	if (x->resp.status == 0 && x->sock[0] != '\0' && (rc == CURLE_GOT_NOTHING ||
	    rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR))
		tunnel_refusal(c->tunnels, x->sock, x->resp.error, sizeof(x->resp.error));
	if (x->resp.body == NULL)
		x->resp.body = xcalloc(1, 1);
	curl_multi_remove_handle(c->multi, x->easy);
	unlink_xfer(x);
	c->pending--;
	x->done(&x->resp, x->arg);
	free_xfer(x);
}

static void
check_done(struct http_client *c)
{
	CURLMsg *m;
	int left;

	while ((m = curl_multi_info_read(c->multi, &left)) != NULL) {
		struct http_xfer *x = NULL;

		if (m->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&x);
		if (x != NULL)
			finish(x, m->data.result);
	}
}

/* Every probe and scrape of every host reuses its kept-alive connection:
 * a new one costs a tunnel channel open and close, which was half the
 * idle CPU of a 50-host console. libcurl's default cache (4 per handle
 * in flight) is far too small for that, so it is sized by the fds we may
 * open, two per tunnelled connection, leaving room for everything else. */
static long
cache_size(void)
{
	struct rlimit rl;
	long n = 256;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		n = ((long)rl.rlim_cur - 256) / 2;
	return n < 32 ? 32 : n > 4096 ? 4096 : n;
}

struct http_client *
http_new(struct loop *loop, struct wr_err *err)
{
	struct http_client *c = xcalloc(1, sizeof(*c));

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK ||
	    (c->multi = curl_multi_init()) == NULL) {
		free(c);
		wr_err_set(err, "cannot start libcurl");
		return NULL;
	}
	c->loop = loop;
	curl_multi_setopt(c->multi, CURLMOPT_SOCKETFUNCTION, socket_cb);
	curl_multi_setopt(c->multi, CURLMOPT_SOCKETDATA, c);
	curl_multi_setopt(c->multi, CURLMOPT_TIMERFUNCTION, timer_cb);
	curl_multi_setopt(c->multi, CURLMOPT_TIMERDATA, c);
	curl_multi_setopt(c->multi, CURLMOPT_MAXCONNECTS, cache_size());
	return c;
}

void
http_free(struct http_client *c)
{
	if (c == NULL)
		return;
	if (c->timer)
		loop_timer_cancel(c->loop, c->timer);
	while (c->xfers != NULL) {
		struct http_xfer *x = c->xfers;

		curl_multi_remove_handle(c->multi, x->easy);
		unlink_xfer(x);
		free_xfer(x);
	}
	curl_multi_cleanup(c->multi);
	curl_global_cleanup();
	free(c);
}

void
http_set_read_only(struct http_client *c, bool ro)
{
	c->read_only = ro;
}

void
http_set_tunnels(struct http_client *c, const struct tunnel_set *t)
{
	c->tunnels = t;
}

bool
http_read_only(const struct http_client *c)
{
	return c->read_only;
}

int
http_pending(const struct http_client *c)
{
	return c->pending;
}

int
http_start(struct http_client *c, const struct http_request *req,
    http_done_fn done, void *arg, struct wr_err *err)
{
	const char *method = req->method ? req->method : "GET";
	struct http_xfer *x;
	size_t i;

	if (strncmp(req->url, "http://", 7) != 0 && strncmp(req->url, "https://", 8) != 0)
		return wr_err_set(err, "only http:// and https:// URLs are allowed");
	if (c->read_only && (req->mutating || strcmp(method, "GET") != 0))
		return wr_err_set(err, "read-only mode: %s %s refused", method, req->url);
	x = xcalloc(1, sizeof(*x));
	x->client = c;
	x->done = done;
	x->arg = arg;
	x->max_body = req->max_body ? req->max_body : 4 * 1024 * 1024;
	if ((x->easy = curl_easy_init()) == NULL) {
		free(x);
		return wr_err_set(err, "cannot create a libcurl handle");
	}
	for (i = 0; req->headers != NULL && req->headers[i] != NULL; i++)
		x->headers = curl_slist_append(x->headers, req->headers[i]);
	if (req->body != NULL)
		x->headers = curl_slist_append(x->headers, "Content-Type: application/json");
	curl_easy_setopt(x->easy, CURLOPT_URL, req->url);
	curl_easy_setopt(x->easy, CURLOPT_PRIVATE, x);
	curl_easy_setopt(x->easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(x->easy, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(x->easy, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(x->easy, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(x->easy, CURLOPT_TIMEOUT_MS, req->timeout_ms > 0 ? req->timeout_ms : 10000L);
	curl_easy_setopt(x->easy, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
	curl_easy_setopt(x->easy, CURLOPT_WRITEFUNCTION, write_cb);
	curl_easy_setopt(x->easy, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(x->easy, CURLOPT_ERRORBUFFER, x->errbuf);
	curl_easy_setopt(x->easy, CURLOPT_USERAGENT, "warroom");
	curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, x->headers);
	if (req->unix_socket != NULL) {
		curl_easy_setopt(x->easy, CURLOPT_UNIX_SOCKET_PATH, req->unix_socket);
		wr_strlcpy(x->sock, req->unix_socket, sizeof(x->sock));
	}
	if (strcmp(method, "GET") != 0)
		curl_easy_setopt(x->easy, CURLOPT_CUSTOMREQUEST, method);
	if (req->body != NULL) {
		/* Our own copy: the caller's buffer need not outlive this call. */
		x->body_copy = xmalloc(req->body_len + 1);
		memcpy(x->body_copy, req->body, req->body_len);
		curl_easy_setopt(x->easy, CURLOPT_POSTFIELDS, x->body_copy);
		curl_easy_setopt(x->easy, CURLOPT_POSTFIELDSIZE, (long)req->body_len);
	}
	if (curl_multi_add_handle(c->multi, x->easy) != CURLM_OK) {
		curl_easy_cleanup(x->easy);
		curl_slist_free_all(x->headers);
		free(x->body_copy);
		free(x);
		return wr_err_set(err, "cannot start the request");
	}
	x->next = c->xfers;
	if (c->xfers != NULL)
		c->xfers->prev = x;
	c->xfers = x;
	c->pending++;
	return 0;
}

int
http_url_host_port(const char *url, char *host, size_t cap, int *port, struct wr_err *err)
{
	CURLU *u = curl_url();
	char *h = NULL, *p = NULL;
	int r = 0;

	if (u == NULL)
		return wr_err_set(err, "out of memory");
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &h, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PORT, &p, CURLU_DEFAULT_PORT) != CURLUE_OK)
		r = wr_err_set(err, "cannot read the URL %s", url);
	else {
		/* An IPv6 literal comes back in brackets; the channel wants it bare. */
		if (h[0] == '[' && h[strlen(h) - 1] == ']') {
			h[strlen(h) - 1] = '\0';
			wr_strlcpy(host, h + 1, cap);
		} else
			wr_strlcpy(host, h, cap);
		*port = atoi(p);
	}
	curl_free(h);
	curl_free(p);
	curl_url_cleanup(u);
	return r;
}

int
http_url_query(const char *base, const char *path, const char *name, const char *value,
    char *out, size_t cap, struct wr_err *err)
{
	size_t blen = strlen(base);
	char *esc;
	int n;

	while (blen > 0 && base[blen - 1] == '/')
		blen--;
	/* libcurl 7.82 and later escape without a handle. */
	if ((esc = curl_easy_escape(NULL, value, 0)) == NULL)
		return wr_err_set(err, "cannot encode the URL's query");
	n = snprintf(out, cap, "%.*s%s?%s=%s", (int)blen, base, path, name, esc);
	curl_free(esc);
	if (n < 0 || (size_t)n >= cap)
		return wr_err_set(err, "the URL is longer than %zu bytes", cap - 1);
	return 0;
}

static bool
host_is_loopback(const char *host)
{
	struct in_addr a4;
	struct in6_addr a6;

	if (wr_streq_ci(host, "localhost"))
		return true;
	if (inet_pton(AF_INET, host, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	if (inet_pton(AF_INET6, host, &a6) == 1)
		return IN6_IS_ADDR_LOOPBACK(&a6);
	return false;
}

int
http_url_check_secure(const char *url, const char *what, struct wr_err *err)
{
	char host[256];
	int port;

	if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
		return wr_err_set(err, "%s: only https:// is allowed", what);
	if (http_url_host_port(url, host, sizeof(host), &port, err) != 0)
		return -1;
	if (strncmp(url, "http://", 7) == 0 && !host_is_loopback(host))
		return wr_err_set(err,
		    "%s: plain http is refused (the credential would travel in clear); use "
		    "https:// (http is allowed only to 127.0.0.0/8, ::1, localhost)", what);
	return 0;
}
