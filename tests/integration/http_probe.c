/*
 * http_probe.c — a headless driver of http.c and tunnel.c for integration
 * tests: connect to every host of a config, then GET a path of each
 * host's health_url N times at once, through the host's SSH connection
 * (or directly with -d), and print each answer.
 *
 *   http_probe -c CONF -p PATH [-n N] [-d] [-o DIR] [-t SECONDS]
 *              [-m MAX_BODY] [-H "Name: value"] [-l SECONDS]
 *
 * With -o, answer i of host H is written to DIR/H.i for byte comparison.
 * -m caps each answer's body (http.c's max_body), -H adds one header.
 * Each answer's line also says how long it took and whether it was cut.
 * -l runs the loop that much longer once every request has ended, then
 * says how many tunnel bridges are still open ("bridges=N").
 */
#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "warroom/config_files.h"
#include "warroom/http.h"
#include "warroom/loop.h"
#include "warroom/ssh.h"
#include "warroom/tunnel.h"

struct req {
	const char *host;
	int i;
	const char *outdir;
	int *pending;
};

static void
on_done(const struct http_response *r, void *arg)
{
	struct req *q = arg;

	printf("%s %d status=%ld len=%zu ms=%.0f%s ctype=%s%s%s\n", q->host, q->i,
	    r->status, r->len, r->seconds * 1000, r->truncated ? " truncated" : "",
	    r->content_type[0] ? r->content_type : "-", r->error[0] ? " error=" : "",
	    r->error);
	if (q->outdir != NULL) {
		char path[1024];
		FILE *f;

		snprintf(path, sizeof(path), "%s/%s.%d", q->outdir, q->host, q->i);
		if ((f = fopen(path, "w")) != NULL) {
			fwrite(r->body, 1, r->len, f);
			fclose(f);
		}
	}
	(*q->pending)--;
	free(q);
}

int
main(int argc, char **argv)
{
	const char *conf = NULL, *path = "/healthz", *outdir = NULL;
	const char *hdrs[2] = { NULL, NULL };
	size_t max_body = 0;
	struct passwd *pw = getpwuid(getuid());
	int n = 1, c, pending = 0, up = 0;
	bool direct = false;
	double timeout = 20, linger = -1;
	struct config cfg;
	struct wr_err err;
	struct loop *loop;
	struct ssh_pool *pool;
	struct tunnel_set *tun;
	struct http_client *http;
	int64_t start;
	size_t h;

	while ((c = getopt(argc, argv, "c:p:n:do:t:m:H:l:")) != -1) {
		switch (c) {
		case 'c': conf = optarg; break;
		case 'p': path = optarg; break;
		case 'n': n = atoi(optarg); break;
		case 'd': direct = true; break;
		case 'o': outdir = optarg; break;
		case 't': timeout = atof(optarg); break;
		case 'm': max_body = (size_t)strtoul(optarg, NULL, 10); break;
		case 'H': hdrs[0] = optarg; break;
		case 'l': linger = atof(optarg); break;
		default: return 2;
		}
	}
	if (conf == NULL || config_load(&cfg, conf) != 0)
		return 2;
	loop = loop_new(&err);
	struct ssh_pool_opts opts = {
		.known_hosts = cfg.known_hosts.path[0] ? cfg.known_hosts.path : NULL,
		.ssh_config = cfg.ssh_config.path[0] ? cfg.ssh_config.path : NULL,
		.home = getenv("HOME"),
		.local_user = pw ? pw->pw_name : NULL,
		.use_ssh_config = true,
		.use_agent = false,
	};
	pool = ssh_pool_new(loop, &opts);
	for (h = 0; h < cfg.nhosts; h++) {
		struct ssh_target t = {
			.name = cfg.hosts[h].name, .address = cfg.hosts[h].address,
			.user = cfg.hosts[h].user, .port = cfg.hosts[h].port,
			.identity_file = cfg.hosts[h].identity_file.path,
		};
		ssh_pool_add(pool, &t);
	}
	ssh_pool_start(pool);
	start = loop_now_ms();
	while (loop_now_ms() - start < timeout * 1000) {
		int settled = 0;

		up = 0;
		for (h = 0; h < cfg.nhosts; h++) {
			enum ssh_state s = ssh_pool_status(pool, (int)h)->state;

			settled += s == SSH_UP || s == SSH_DOWN || s == SSH_UNTRUSTED;
			up += s == SSH_UP;
		}
		if (settled == (int)cfg.nhosts)
			break;
		loop_run_once(loop, 100, &err);
	}
	tun = tunnel_set_new(loop, pool);
	http = http_new(loop, &err);
	if (http != NULL)
		http_set_tunnels(http, tun);
	for (h = 0; h < cfg.nhosts; h++) {
		char url[2048], dest[256];
		const char *sock = NULL;
		int port, i;

		snprintf(url, sizeof(url), "%s%s", cfg.hosts[h].health_url, path);
		if (!direct) {
			if (http_url_host_port(url, dest, sizeof(dest), &port, &err) != 0 ||
			    (sock = tunnel_path(tun, (int)h, dest, port, &err)) == NULL) {
				printf("%s tunnel error=%s\n", cfg.hosts[h].name, err.msg);
				continue;
			}
		}
		for (i = 0; i < n; i++) {
			struct req *q = calloc(1, sizeof(*q));
			struct http_request r = { .url = url, .unix_socket = sock,
				.timeout_ms = (long)(timeout * 1000), .max_body = max_body,
				.headers = hdrs };

			q->host = cfg.hosts[h].name;
			q->i = i;
			q->outdir = outdir;
			q->pending = &pending;
			if (http_start(http, &r, on_done, q, &err) != 0) {
				printf("%s %d start error=%s\n", q->host, i, err.msg);
				free(q);
				continue;
			}
			pending++;
		}
	}
	start = loop_now_ms();
	/* Each request carries the timeout itself; wait a little longer so a
	 * request that times out is seen to end by itself. */
	while (pending > 0 && loop_now_ms() - start < timeout * 1000 + 2000)
		loop_run_once(loop, 100, &err);
	printf("done pending=%d up=%d\n", pending, up);
	if (linger >= 0) {
		start = loop_now_ms();
		while (loop_now_ms() - start < linger * 1000)
			loop_run_once(loop, 100, &err);
		printf("bridges=%d\n", tunnel_active(tun));
	}
	http_free(http);
	tunnel_set_free(tun);
	ssh_pool_free(pool);
	loop_free(loop);
	config_free(&cfg);
	return pending == 0 ? 0 : 1;
}
