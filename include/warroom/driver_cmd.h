/*
 * driver_cmd.h — the exact remote command lines the drivers send to poll a
 * host (docker compose, kubectl, helm), and the POSIX shell quoting every
 * interpolated value goes through. Pure: strings in, strings out.
 */
#ifndef WARROOM_DRIVER_CMD_H
#define WARROOM_DRIVER_CMD_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/config.h"
#include "warroom/util.h"

#define WR_CMD_MAX 4096
#define WR_WATCH_MAX (4 * WR_CMD_MAX)    /* a watch loop, quoted */

/* Append s to the string in dst[cap] as one POSIX sh word in single quotes
 * (' becomes '\''). Returns false, dst unchanged, when it would not fit. */
bool driver_cmd_quote(char *dst, size_t cap, const char *s);

/* cd '<compose_dir>' && docker compose ps -a --format json */
int driver_cmd_compose_ps(const struct config_host *h, char *dst, size_t cap,
    struct wr_err *err);

/* The line driver_cmd_compose_poll prints between .env's IMAGE_TAG lines
 * and compose ps's answer: no such line is either. */
#define WR_COMPOSE_ENV_MARK "#warroom .env"

/* The compose poll: the lines of compose_dir's .env that may assign
 * IMAGE_TAG (the file a plain `up -d` and the built-in rollback read;
 * nothing else of it, as it holds secrets; no .env, no line), the line
 * WR_COMPOSE_ENV_MARK, then driver_cmd_compose_ps's answer, whose exit
 * status it has. parse_compose_env splits the answer. */
int driver_cmd_compose_poll(const struct config_host *h, char *dst, size_t cap,
    struct wr_err *err);

/* Each container's restart count, one line per container:
 * "<full id> <RestartCount> <State.StartedAt> <compose service>". Exits
 * non-zero, printing no such line, when the project has no container or
 * docker fails: the count is then unknown, never 0. */
int driver_cmd_compose_restarts(const struct config_host *h, char *dst, size_t cap,
    struct wr_err *err);

/* The --format template driver_cmd_compose_restarts asks docker for. */
#define WR_COMPOSE_RESTARTS_FORMAT \
	"{{.Id}} {{.RestartCount}} {{.State.StartedAt}} " \
	"{{index .Config.Labels \"com.docker.compose.service\"}}"

/* kubectl get deploy '<svc>' -n '<ns>' -o json */
int driver_cmd_k8s_deploy(const struct config_host *h, const char *svc,
    char *dst, size_t cap, struct wr_err *err);

/* kubectl get pods -n '<ns>' -l 'app=<svc>' -o json */
int driver_cmd_k8s_pods(const struct config_host *h, const char *svc,
    char *dst, size_t cap, struct wr_err *err);

/* kubectl get rs -n '<ns>' -l 'app=<svc>' -o json: one per revision. */
int driver_cmd_k8s_replicasets(const struct config_host *h, const char *svc,
    char *dst, size_t cap, struct wr_err *err);

/* kubectl rollout history 'deployment/<svc>' -n '<ns>' */
int driver_cmd_k8s_history(const struct config_host *h, const char *svc,
    char *dst, size_t cap, struct wr_err *err);

/* kubectl get deploy '<release>' -n '<ns>' -o json: a helm release's
 * Deployment, named as the release (what a chart's fullname gives). */
int driver_cmd_helm_deploy(const struct config_host *h, const char *release,
    char *dst, size_t cap, struct wr_err *err);

/* helm history '<release>' -n '<ns>' -o json */
int driver_cmd_helm_history(const struct config_host *h, const char *release,
    char *dst, size_t cap, struct wr_err *err);

/* helm list -n '<ns>' -o json */
int driver_cmd_helm_list(const struct config_host *h, char *dst, size_t cap,
    struct wr_err *err);

/* kubectl logs follows at most this many pods of a deployment at once:
 * the deployment's own pods and a rollout's surge fit, a runaway does not. */
#define WR_K8S_LOG_PODS_MAX 100

/* The follow command of svc's logs; "{since}" stands for the RFC 3339 time
 * exec_follow fills in. compose: cd '<dir>' && docker compose logs -f
 * --no-log-prefix --since {since} '<svc>'; helm: every pod of the release
 * (app.kubernetes.io/instance=<svc>); k8s with a selector (parse_k8s) and
 * at most WR_K8S_LOG_PODS_MAX pods: every pod it selects, each line
 * prefixed "[pod/NAME/CONTAINER] "; k8s otherwise: deployment/<svc> (one
 * pod, as kubectl picks, its lines prefixed too). pods is the deployment's
 * pod count, 0 unknown. */
int driver_cmd_logs(const struct config_host *h, const char *svc, const char *selector,
    int pods, char *dst, size_t cap, struct wr_err *err);

/* Does driver_cmd_logs follow every pod, given the same selector and pods? */
bool driver_cmd_logs_all_pods(const struct config_host *h, const char *selector, int pods);

/* One long-running command that runs each of cmds[n] in turn, each in its
 * own subshell with stdin from /dev/null, and after each prints "<token>
 * <i> <exit status>" on its own line: a host is polled over one channel
 * instead of one channel per poll. A round runs at once, then each next
 * one when a line arrives on the loop's stdin, so the console knows no
 * command of a round began before it asked for the round; the end of
 * stdin (its session gone) ends it. A command that fails first prints the
 * last line of its stderr as "<token> e <line>" (stderr and stdout are two
 * streams that may arrive out of order; this keeps the tool's words with
 * its answer). Run under sh -c whatever the login shell is. token must be
 * [a-z0-9-] only. */
int driver_cmd_watch(const char *const *cmds, size_t n, const char *token, char *dst,
    size_t cap, struct wr_err *err);

/* Does line[len] hold a watch marker? True with *at (where the marker
 * starts; output before it is the command's last, unterminated line),
 * *idx and *status filled. */
bool driver_cmd_watch_marker(const char *line, size_t len, const char *token, size_t *at,
    int *idx, int *status);

/* Is line[len] a failed command's stderr line ("<token> e <words>")? True
 * with *at where the words start. */
bool driver_cmd_watch_stderr(const char *line, size_t len, const char *token, size_t *at);

#endif
