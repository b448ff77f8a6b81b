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

/* Append s to the string in dst[cap] as one POSIX sh word in single quotes
 * (' becomes '\''). Returns false, dst unchanged, when it would not fit. */
bool driver_cmd_quote(char *dst, size_t cap, const char *s);

/* cd '<compose_dir>' && docker compose ps -a --format json */
int driver_cmd_compose_ps(const struct config_host *h, char *dst, size_t cap,
    struct wr_err *err);

/* kubectl get deploy '<svc>' -n '<ns>' -o json */
int driver_cmd_k8s_deploy(const struct config_host *h, const char *svc,
    char *dst, size_t cap, struct wr_err *err);

/* kubectl get pods -n '<ns>' -l 'app=<svc>' -o json */
int driver_cmd_k8s_pods(const struct config_host *h, const char *svc,
    char *dst, size_t cap, struct wr_err *err);

/* kubectl rollout history 'deployment/<svc>' -n '<ns>' */
int driver_cmd_k8s_history(const struct config_host *h, const char *svc,
    char *dst, size_t cap, struct wr_err *err);

/* helm history '<release>' -n '<ns>' -o json */
int driver_cmd_helm_history(const struct config_host *h, const char *release,
    char *dst, size_t cap, struct wr_err *err);

/* helm list -n '<ns>' -o json */
int driver_cmd_helm_list(const struct config_host *h, char *dst, size_t cap,
    struct wr_err *err);

#endif
