/*
 * driver_cmd.c — remote command lines for polling, built from the host's
 * config. Every value that came from the config is single-quoted for the
 * remote POSIX shell (sshd runs the line with the user's login shell;
 * csh-family login shells are not supported). Names must not start with
 * '-' (a quoted "-A" is still an option to kubectl) nor hold control
 * characters: no real service, namespace or release name does.
 *
 * Compose: we `cd` into compose_dir and pass neither -f nor --env-file, so
 * compose finds compose.yaml/docker-compose.yml, its override file and .env
 * exactly as the engineer's own `docker compose` there does (-f would drop
 * the override). `ps -a` lists stopped containers too: a crashed service
 * must show as exited, not vanish.
 *
 * .env: the poll greps its IMAGE_TAG lines before ps, so HOSTS sees when
 * .env names another tag than a service runs, whoever changed either.
 *
 * Restart counts: compose ps prints none, so the same loop asks `docker
 * inspect` for every container `ps -a -q` names. The service comes from
 * compose's own label, so the answer needs no join with ps.
 */
#include "warroom/driver_cmd.h"

#include <stdio.h>
#include <string.h>

bool
driver_cmd_quote(char *dst, size_t cap, const char *s)
{
	size_t o = strlen(dst), need = 2;

	for (const char *p = s; *p != '\0'; p++)
		need += *p == '\'' ? 4 : 1;
	if (o + need >= cap)
		return false;
	dst[o++] = '\'';
	for (const char *p = s; *p != '\0'; p++) {
		if (*p == '\'') {
			memcpy(dst + o, "'\\''", 4);
			o += 4;
		} else {
			dst[o++] = *p;
		}
	}
	dst[o++] = '\'';
	dst[o] = '\0';
	return true;
}

static bool
append(char *dst, size_t cap, const char *s)
{
	size_t o = strlen(dst), n = strlen(s);

	if (o + n >= cap)
		return false;
	memcpy(dst + o, s, n + 1);
	return true;
}

static int
check_name(const char *what, const char *v, struct wr_err *err)
{
	if (v == NULL || v[0] == '\0')
		return wr_err_set(err, "%s is empty", what);
	if (v[0] == '-')
		return wr_err_set(err, "%s \"%s\" starts with '-'", what, v);
	for (const char *p = v; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return wr_err_set(err, "%s has a control character", what);
	return 0;
}

static int
check_driver(const struct config_host *h, enum config_driver d, struct wr_err *err)
{
	if (h->driver != d)
		return wr_err_set(err, "host \"%s\" uses driver %s, not %s", h->name,
		    config_driver_name(h->driver), config_driver_name(d));
	return 0;
}

static const char *
ns_of(const struct config_host *h)
{
	return h->namespace_[0] != '\0' ? h->namespace_ : "default";
}

static int
too_long(char *dst, size_t cap, struct wr_err *err)
{
	if (cap > 0)
		dst[0] = '\0';
	return wr_err_set(err, "command longer than %zu bytes", cap > 0 ? cap - 1 : 0);
}

/* "~" and "~/…" keep their meaning (the remote home); the rest is quoted. */
static bool
append_dir(char *dst, size_t cap, const char *dir)
{
	if (strcmp(dir, "~") == 0)
		return append(dst, cap, "~");
	if (strncmp(dir, "~/", 2) == 0)
		return append(dst, cap, "~/") && (dir[2] == '\0' ||
		    driver_cmd_quote(dst, cap, dir + 2));
	return driver_cmd_quote(dst, cap, dir);
}

/* `cd <dir>`, checked as compose_ps checks it. */
static int
compose_cd(const struct config_host *h, char *dst, size_t cap, struct wr_err *err)
{
	if (cap > 0)
		dst[0] = '\0';
	if (check_driver(h, DRIVER_COMPOSE, err) != 0 ||
	    check_name("compose_dir", h->compose_dir, err) != 0)
		return -1;
	if (h->compose_dir[0] == '~' && h->compose_dir[1] != '\0' &&
	    h->compose_dir[1] != '/')
		return wr_err_set(err, "compose_dir \"~user\" paths are not supported: "
		    "use an absolute path");
	if (!append(dst, cap, "cd ") || !append_dir(dst, cap, h->compose_dir))
		return too_long(dst, cap, err);
	return 0;
}

int
driver_cmd_compose_ps(const struct config_host *h, char *dst, size_t cap,
    struct wr_err *err)
{
	if (compose_cd(h, dst, cap, err) != 0)
		return -1;
	if (!append(dst, cap, " && docker compose ps -a --format json"))
		return too_long(dst, cap, err);
	return 0;
}

int
driver_cmd_compose_poll(const struct config_host *h, char *dst, size_t cap,
    struct wr_err *err)
{
	if (compose_cd(h, dst, cap, err) != 0)
		return -1;
	/* One command, so the tags and .env are read together (no pair from
	 * two moments) and a calm host costs no marker more. The pattern
	 * matches every line envfile_get could read as IMAGE_TAG. ps is
	 * exec'd, as the last command of the loop's subshell is: no shell
	 * waits beside it, and its exit status is the command's. */
	if (!append(dst, cap, " && { grep -E "
	    "'^[[:space:]]*(export[[:space:]]+)?IMAGE_TAG[[:space:]]*=' .env 2>/dev/null; "
	    "echo '" WR_COMPOSE_ENV_MARK "'; exec docker compose ps -a --format json; }"))
		return too_long(dst, cap, err);
	return 0;
}

int
driver_cmd_compose_restarts(const struct config_host *h, char *dst, size_t cap,
    struct wr_err *err)
{
	if (compose_cd(h, dst, cap, err) != 0)
		return -1;
	/* No container: `[ -n ]` fails rather than `docker inspect` with no
	 * argument; $ids is split into words on purpose (ids are hex). */
	if (!append(dst, cap, " && ids=$(docker compose ps -a -q) && [ -n \"$ids\" ] && "
	    "docker inspect --format ") ||
	    !driver_cmd_quote(dst, cap, WR_COMPOSE_RESTARTS_FORMAT) ||
	    !append(dst, cap, " $ids"))
		return too_long(dst, cap, err);
	return 0;
}

/* "<pre>'<name>'<mid>'<ns>'<post>" with both values checked and quoted. */
static int
build(const struct config_host *h, enum config_driver d, const char *what,
    const char *name, const char *pre, const char *mid, const char *post,
    char *dst, size_t cap, struct wr_err *err)
{
	if (cap > 0)
		dst[0] = '\0';
	if (check_driver(h, d, err) != 0 || check_name(what, name, err) != 0 ||
	    check_name("namespace", ns_of(h), err) != 0)
		return -1;
	if (!append(dst, cap, pre) || !driver_cmd_quote(dst, cap, name) ||
	    !append(dst, cap, mid) || !driver_cmd_quote(dst, cap, ns_of(h)) ||
	    !append(dst, cap, post))
		return too_long(dst, cap, err);
	return 0;
}

int
driver_cmd_k8s_deploy(const struct config_host *h, const char *svc,
    char *dst, size_t cap, struct wr_err *err)
{
	return build(h, DRIVER_K8S, "service", svc, "kubectl get deploy ", " -n ",
	    " -o json", dst, cap, err);
}

/* "kubectl get KIND -n '<ns>' -l 'app=<svc>' -o json": a service's pods
 * and its ReplicaSets are found by the same label. */
static int
k8s_by_app(const struct config_host *h, const char *kind, const char *svc,
    char *dst, size_t cap, struct wr_err *err)
{
	char sel[WR_NAME_MAX + 8];

	if (check_name("service", svc, err) != 0)
		return -1;
	if (strlen(svc) >= WR_NAME_MAX)
		return wr_err_set(err, "service name longer than %d bytes", WR_NAME_MAX - 1);
	snprintf(sel, sizeof(sel), "app=%s", svc);
	if (cap > 0)
		dst[0] = '\0';
	if (check_driver(h, DRIVER_K8S, err) != 0 ||
	    check_name("namespace", ns_of(h), err) != 0)
		return -1;
	if (!append(dst, cap, "kubectl get ") || !append(dst, cap, kind) ||
	    !append(dst, cap, " -n ") ||
	    !driver_cmd_quote(dst, cap, ns_of(h)) || !append(dst, cap, " -l ") ||
	    !driver_cmd_quote(dst, cap, sel) || !append(dst, cap, " -o json"))
		return too_long(dst, cap, err);
	return 0;
}

int
driver_cmd_k8s_pods(const struct config_host *h, const char *svc,
    char *dst, size_t cap, struct wr_err *err)
{
	return k8s_by_app(h, "pods", svc, dst, cap, err);
}

int
driver_cmd_k8s_replicasets(const struct config_host *h, const char *svc,
    char *dst, size_t cap, struct wr_err *err)
{
	return k8s_by_app(h, "rs", svc, dst, cap, err);
}

int
driver_cmd_k8s_history(const struct config_host *h, const char *svc,
    char *dst, size_t cap, struct wr_err *err)
{
	char obj[WR_NAME_MAX + 16];

	if (check_name("service", svc, err) != 0)
		return -1;
	if (strlen(svc) >= WR_NAME_MAX)
		return wr_err_set(err, "service name longer than %d bytes", WR_NAME_MAX - 1);
	snprintf(obj, sizeof(obj), "deployment/%s", svc);
	return build(h, DRIVER_K8S, "service", obj, "kubectl rollout history ",
	    " -n ", "", dst, cap, err);
}

bool
driver_cmd_logs_all_pods(const struct config_host *h, const char *selector, int pods)
{
	if (h->driver == DRIVER_HELM)
		return true;
	return h->driver == DRIVER_K8S && selector != NULL && selector[0] != '\0' &&
	    pods <= WR_K8S_LOG_PODS_MAX;
}

int
driver_cmd_logs(const struct config_host *h, const char *svc, const char *selector,
    int pods, char *dst, size_t cap, struct wr_err *err)
{
	char sel[WR_NAME_MAX + 40], max[48];

	if (h->driver == DRIVER_COMPOSE) {
		if (compose_cd(h, dst, cap, err) != 0 || check_name("service", svc, err) != 0)
			return -1;
		if (!append(dst, cap, " && docker compose logs -f --no-log-prefix --since {since} ") ||
		    !driver_cmd_quote(dst, cap, svc))
			return too_long(dst, cap, err);
		return 0;
	}
	if (check_name("service", svc, err) != 0)
		return -1;
	if (strlen(svc) >= WR_NAME_MAX)
		return wr_err_set(err, "service name longer than %d bytes", WR_NAME_MAX - 1);
	if (h->driver == DRIVER_HELM) {
		/* A release's Deployment is named as its chart chooses, but its
		 * pods carry Helm's standard instance label. */
		snprintf(sel, sizeof(sel), "app.kubernetes.io/instance=%s", svc);
		return build(h, DRIVER_HELM, "selector", sel, "kubectl logs -f -l ", " -n ",
		    " --max-log-requests=20 --since-time={since}", dst, cap, err);
	}
	if (!driver_cmd_logs_all_pods(h, selector, pods)) {
		/* Its lines name their pod as a selector tail's do: once the
		 * selector is known the tail widens (podtail.h), and a resume
		 * tells the lines it holds apart by pod. */
		snprintf(sel, sizeof(sel), "deployment/%s", svc);
		return build(h, DRIVER_K8S, "service", sel, "kubectl logs -f ", " --prefix -n ",
		    " --since-time={since}", dst, cap, err);
	}
	/* kubectl refuses to follow more pods than --max-log-requests (5 by
	 * default): room for the pods known and a rollout's surge. */
	snprintf(max, sizeof(max), " --prefix --max-log-requests=%d -n ",
	    pods + pods / 4 + 1 > 20 ? pods + pods / 4 + 1 : 20);
	return build(h, DRIVER_K8S, "selector", selector, "kubectl logs -f -l ", max,
	    " --since-time={since}", dst, cap, err);
}

int
driver_cmd_helm_deploy(const struct config_host *h, const char *release,
    char *dst, size_t cap, struct wr_err *err)
{
	return build(h, DRIVER_HELM, "release", release, "kubectl get deploy ", " -n ",
	    " -o json", dst, cap, err);
}

int
driver_cmd_helm_history(const struct config_host *h, const char *release,
    char *dst, size_t cap, struct wr_err *err)
{
	return build(h, DRIVER_HELM, "release", release, "helm history ", " -n ",
	    " -o json", dst, cap, err);
}

int
driver_cmd_helm_list(const struct config_host *h, char *dst, size_t cap,
    struct wr_err *err)
{
	if (cap > 0)
		dst[0] = '\0';
	if (check_driver(h, DRIVER_HELM, err) != 0 ||
	    check_name("namespace", ns_of(h), err) != 0)
		return -1;
	if (!append(dst, cap, "helm list -n ") || !driver_cmd_quote(dst, cap, ns_of(h)) ||
	    !append(dst, cap, " -o json"))
		return too_long(dst, cap, err);
	return 0;
}

int
driver_cmd_watch(const char *const *cmds, size_t n, const char *token, char *dst, size_t cap,
    struct wr_err *err)
{
	char loop[WR_WATCH_MAX], step[256];
	size_t i;

	if (cap > 0)
		dst[0] = '\0';
	if (token[strspn(token, "abcdefghijklmnopqrstuvwxyz0123456789-")] != '\0')
		return wr_err_set(err, "watch token must be [a-z0-9-]");
	loop[0] = '\0';
	/* nl: a newline, so ${e##*$nl} is stderr's last line. */
	if (!append(loop, sizeof(loop), "nl=$(printf '\\nx'); nl=${nl%x}; while :; do "))
		return too_long(dst, cap, err);
	for (i = 0; i < n; i++) {
		/* stdout goes out as it comes (fd 3); stderr is kept in $e, and
		 * its last line (the error, after any warnings) said on failure
		 * before the marker. stdin is the console's: no command reads it. */
		snprintf(step, sizeof(step), ") </dev/null 2>&1 >&3 3>&-); s=$?; } 3>&1; [ $s = 0 ] || "
		    "printf '%s e %%s\\n' \"${e##*\"$nl\"}\"; echo %s %zu $s || exit; ", token,
		    token, i);
		if (!append(loop, sizeof(loop), "{ e=$( (") || !append(loop, sizeof(loop), cmds[i]) ||
		    !append(loop, sizeof(loop), step))
			return too_long(dst, cap, err);
	}
	/* The next round when the console asks for it: a line on stdin. Its
	 * end (the session closed, the console gone) ends the loop. */
	if (!append(loop, sizeof(loop), "read -r t || exit; done") ||
	    !append(dst, cap, "sh -c ") || !driver_cmd_quote(dst, cap, loop))
		return too_long(dst, cap, err);
	return 0;
}

bool
driver_cmd_watch_stderr(const char *line, size_t len, const char *token, size_t *at)
{
	size_t tl = strlen(token);

	if (len < tl + 3 || memcmp(line, token, tl) != 0 || memcmp(line + tl, " e ", 3) != 0)
		return false;
	*at = tl + 3;
	return true;
}

bool
driver_cmd_watch_marker(const char *line, size_t len, const char *token, size_t *at,
    int *idx, int *status)
{
	size_t tl = strlen(token), p;
	char tail[48], extra;

	/* The marker ends the line: "<token> <i> <status>", at most 40 bytes. */
	for (p = len > tl + 40 ? len - tl - 40 : 0; p + tl <= len; p++) {
		if (memcmp(line + p, token, tl) != 0 || len - p - tl >= sizeof(tail))
			continue;
		memcpy(tail, line + p + tl, len - p - tl);
		tail[len - p - tl] = '\0';
		if (sscanf(tail, " %d %d%c", idx, status, &extra) == 2 && tail[0] == ' ' &&
		    *idx >= 0) {
			*at = p;
			return true;
		}
	}
	return false;
}
