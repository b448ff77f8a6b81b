/*
 * http.h — HTTP requests on libcurl's multi interface, driven by the one
 * loop (curl's sockets and timer are loop fds and a loop timer). A request
 * may go straight to its URL or through a host's SSH connection, by
 * pointing curl at a tunnel's Unix socket while the URL keeps the real
 * host and port (so Host, SNI and certificate checks stay right).
 */
#ifndef WARROOM_HTTP_H
#define WARROOM_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/util.h"

struct loop;
struct http_client;
struct tunnel_set;

struct http_request {
	const char *method;              /* "GET" (default), "POST", "PATCH", "PUT" */
	const char *url;                 /* http:// or https:// only */
	const char *body;                /* request body (JSON), or NULL */
	size_t body_len;
	const char *const *headers;      /* "Name: value" lines, NULL-terminated */
	const char *unix_socket;         /* a tunnel's socket, or NULL: direct */
	long timeout_ms;                 /* whole request; default 10 s */
	size_t max_body;                 /* response cap; default 4 MiB */
	bool mutating;                   /* refused while the client is read-only */
};

struct http_response {
	long status;                     /* 0 when no HTTP answer came */
	char *body;                      /* NUL-terminated, at most max_body bytes */
	size_t len;
	bool truncated;                  /* the body was longer than max_body */
	bool timed_out;                  /* it ended at the request's timeout_ms (error
	                                    says so): a status may have come, the
	                                    body not all */
	char content_type[128];
	char error[256];                 /* why there is no answer, or "" */
	double seconds;
	long retry_after_s;              /* the answer's Retry-After in seconds, 0 if none */
	bool sent;                       /* the request's bytes went out (it may have
	                                    been acted on even with no answer) */
};

typedef void (*http_done_fn)(const struct http_response *r, void *arg);

/* A client on the loop; NULL with err filled when libcurl cannot start. */
struct http_client *http_new(struct loop *loop, struct wr_err *err);

/* Abort every request (no callbacks) and free the client. */
void http_free(struct http_client *c);

/* The tunnels whose sockets requests go through: a request one of them
 * closed unbridged reports the tunnel's reason (tunnel_refusal) as its
 * error. */
void http_set_tunnels(struct http_client *c, const struct tunnel_set *t);

/* Defence in depth for read-only mode: mutating requests are refused. */
void http_set_read_only(struct http_client *c, bool ro);

/* Whether mutating requests are being refused (http_set_read_only). */
bool http_read_only(const struct http_client *c);

/* Start a request; done() is called exactly once, later, from the loop.
 * -1 with err when it cannot start (bad URL, read-only and mutating). */
int http_start(struct http_client *c, const struct http_request *req,
    http_done_fn done, void *arg, struct wr_err *err);

/* The host and port a URL points at (libcurl's URL parser; the scheme's
 * default port when none is given). */
int http_url_host_port(const char *url, char *host, size_t cap, int *port,
    struct wr_err *err);

/* base (its trailing '/' dropped) + path + "?" + name + "=" + value, the
 * value percent-encoded by libcurl, into out[cap]. -1 with err when it
 * does not fit. */
int http_url_query(const char *base, const char *path, const char *name,
    const char *value, char *out, size_t cap, struct wr_err *err);

/* Requests not yet done. */
int http_pending(const struct http_client *c);

/* A URL a credential may travel to: https anywhere, plain http only to
 * loopback (127.0.0.0/8, ::1, localhost). -1 with err naming what (e.g.
 * "status page url") otherwise. */
int http_url_check_secure(const char *url, const char *what, struct wr_err *err);

#endif
