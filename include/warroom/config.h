/*
 * config.h — warroom.conf (DESIGN §3.1) as a struct.
 *
 * config_parse() is pure: it takes the file's bytes and the environment
 * facts it needs (home, XDG dirs) and returns every problem it found as a
 * "file:line: message" string. Checks that need the filesystem (missing
 * files, token file modes) live in config_files.c in the io layer.
 */
#ifndef WARROOM_CONFIG_H
#define WARROOM_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/util.h"

#define WR_NAME_MAX 64

#define WR_URL_MAX 1024
#define WR_SERVICES_MAX 32
/* A PromQL query once {host} is filled in. */
#define WR_QUERY_MAX 1024

enum config_driver {
	DRIVER_COMPOSE,
	DRIVER_K8S,
	DRIVER_HELM,
};

/* The PromQL queries a host's metrics may come from, in the order they are
 * asked; config_query_key() names each. */
enum config_query {
	WR_QUERY_ERROR_RATE,             /* a ratio, 0..1 */
	WR_QUERY_P95,                    /* seconds */
	WR_QUERY_REQUEST_RATE,           /* requests per second; optional */
	WR_QUERY_UP,                     /* Prometheus scrapes the host: above 0;
	                                    optional */
	WR_QUERY_COUNT
};

/* Prometheus settings of [warroom] (the defaults) or of one host. */
struct config_prometheus {
	char url[WR_URL_MAX];            /* base URL like http://prom:9090; "" unset */
	int url_line;                    /* 0: not set in this section */
	char query[WR_QUERY_COUNT][WR_QUERY_MAX];  /* PromQL; "" unset */
	int query_line[WR_QUERY_COUNT];
	bool query_has_host[WR_QUERY_COUNT];  /* a host's, resolved: {host} was filled in */
	int window_s;                    /* a host's, resolved: how far back its figures
	                                    reach, the longest range in its error-rate
	                                    and p95 queries, else WR_PROM_WINDOW_S */
	bool query_shared[WR_QUERY_COUNT];    /* … another host asks the same server the
	                                         same text: one figure for them all
	                                         (config_query_shared_with) */
};

/* A Prometheus host's window when its queries show no range (a recording
 * rule's name, say): PromQL's usual rate(...[5m]). */
#define WR_PROM_WINDOW_S 300

/* Where a file named in the config came from, so later checks can cite it. */
struct config_file_ref {
	char path[WR_PATH_MAX];  /* expanded; empty when not set */
	int line;                /* line of the key, 0 when not set */
};

struct config_host {
	char name[WR_NAME_MAX];
	int line;                        /* line of the [host "…"] header */
	char address[256];               /* empty: the name is an ssh alias */
	char user[WR_NAME_MAX];          /* empty: from ssh config or $USER */
	int port;                        /* 0: from ssh config or 22 */
	enum config_driver driver;
	char compose_dir[WR_PATH_MAX];
	char namespace_[WR_NAME_MAX];
	/* Lines of driver =, compose_dir = and namespace = (0: not set), kept
	 * even when the value is refused: a key of another driver is said at
	 * its own line. */
	int driver_line, compose_dir_line, namespace_line;
	char services[WR_SERVICES_MAX][WR_NAME_MAX];
	int nservices;
	char health_url[WR_URL_MAX];
	/* The service whose /healthz, /readyz and /version health_url serves
	 * (health_service; "" before validation, "*" for all of them); the
	 * others are not probed. health_svc is its index, -1 for "*". */
	char health_service[WR_NAME_MAX];
	int health_svc;
	int health_service_line;
	char metrics_url[WR_URL_MAX];
	int metrics_url_line;
	/* Metrics from a Prometheus server instead of metrics_url. Once
	 * validated, prom.url is set only when the host reads Prometheus (a
	 * prometheus_url of its own or [warroom]'s, and no metrics_url of its
	 * own), and its queries are resolved: its own or [warroom]'s, with
	 * every {host} replaced by the host's name. */
	struct config_prometheus prom;
	char metrics_token_env[WR_NAME_MAX];
	struct config_file_ref metrics_token_file;
	struct config_file_ref identity_file;
	bool tunnel;                     /* HTTP through the SSH connection */
	bool read_only;                  /* never a target of any action */
	unsigned bad_keys;               /* the parse's: a bit per host key whose value
	                                    was refused, so only the checks that need
	                                    that key are skipped (config.c) */
};

enum statuspage_kind {
	STATUSPAGE_NONE,
	STATUSPAGE_ATLASSIAN,
	STATUSPAGE_CACHET,               /* Cachet 2.x */
	STATUSPAGE_CACHET3,              /* Cachet 3.x */
};

#define WR_COMPONENTS_MAX 8

struct config_statuspage {
	enum statuspage_kind kind;
	int line;
	char url[WR_URL_MAX];
	char token_env[WR_NAME_MAX];
	struct config_file_ref token_file;
	/* Components the incident affects, and their status while it is open
	 * (operational once resolved): "major_outage", … as Atlassian spells it. */
	char components[WR_COMPONENTS_MAX][64];
	char component_status[WR_COMPONENTS_MAX][32];
	int ncomponents;
	char impact[16];                 /* none|minor|major|critical, "" to leave it */
};

/* Texts of status-page posts and chat announcements, one per status, with
 * {service} {from_tag} {to_tag} {since} {began} {incident} {time} filled in; ""
 * (not set): warroom's words for what the journal proves (cause_template). */
enum { WR_TEMPLATE_INVESTIGATING, WR_TEMPLATE_IDENTIFIED, WR_TEMPLATE_MONITORING,
	WR_TEMPLATE_RESOLVED, WR_TEMPLATE_COUNT };

/* A status's text for when the rollback it speaks of ended UNKNOWN or
 * FAILED ("monitoring_unknown", "monitoring_failed"): without one, such a
 * post gets warroom's words, never the status's own (cause_words). */
enum { WR_TEMPLATE_IF_UNKNOWN, WR_TEMPLATE_IF_FAILED, WR_TEMPLATE_IF_COUNT };

struct config_chat {
	int line;                        /* 0: no [chat] */
	char webhook_url_env[WR_NAME_MAX];       /* the URL is a secret (Slack) */
	int webhook_url_env_line;                /* its line, 0 when not set */
	struct config_file_ref webhook_url_file;
};

/* Bits of config_thresholds.at_or_above: limits reached at the value
 * itself (>=); the others fire only above it (>). Only a runbook's
 * decision matrix sets them ("> 5%" vs ">= 5%"). */
enum {
	WR_TH_GE_ERROR_ROLLBACK = 1u << 0,
	WR_TH_GE_ERROR_CONSIDER = 1u << 1,
	WR_TH_GE_ERROR_MONITOR = 1u << 2,
	WR_TH_GE_P95_ROLLBACK = 1u << 3,
	WR_TH_GE_P95_CONSIDER = 1u << 4,
	WR_TH_GE_P95_MONITOR = 1u << 5,
};

/* Bits of config_thresholds.from_table: the metrics a runbook's decision
 * table rules. Such a metric's levels are the table's alone (one it does
 * not name is off); any other keeps [thresholds] and says so. */
enum {
	WR_TH_TABLE_ERROR = 1u << 0,
	WR_TH_TABLE_P95 = 1u << 1,
	WR_TH_TABLE_RESTARTS = 1u << 2,
};

/* Rollback decision thresholds; rates are fractions (0.05 = 5%). */
struct config_thresholds {
	double error_rate_rollback;
	double error_rate_consider;
	double error_rate_monitor;
	double p95_rollback_ms;
	double p95_consider_ms;
	double p95_monitor_ms;
	int restarts_rollback;           /* this many restarts or more … */
	int restarts_window_s;           /* … within this many seconds */
	int min_requests;                /* an interval with fewer requests (when
	                                    counted) does not judge its error rate;
	                                    0: off. Only [thresholds] sets it */
	unsigned at_or_above;            /* WR_TH_GE_* bits; 0: every limit is > */
	unsigned from_table;             /* WR_TH_TABLE_* bits; 0: no table rules */
};

struct config {
	char file[WR_PATH_MAX];          /* name used in messages */
	bool read_only;
	char timeline_dir[WR_PATH_MAX];
	int timeline_dir_line;           /* line of timeline_dir =, 0 when not set */
	char theme[WR_PATH_MAX];
	int theme_line;                  /* line of theme =, 0 when not set */
	char actor[64];                  /* actor = (or --as): the person at this
	                                    console, recorded before the account;
	                                    "" when not set */
	int actor_line;                  /* line of actor =, 0 when not set */
	struct config_file_ref known_hosts;
	struct config_file_ref ssh_config;   /* -F for ssh; empty: ~/.ssh/config */
	int poll_ms;                     /* driver polls (tags, states) */
	int probe_ms;                    /* /healthz /readyz /version */
	int metrics_ms;                  /* /metrics scrapes */
	int keepalive_ms;                /* SSH liveness checks (a hung server is DOWN
	                                    within two of them) */
	int reconnect_max_ms;            /* the longest wait between tries to reach a
	                                    DOWN host (1 s, 2 s, 4 s … up to it) */
	int arm_ms;                      /* how long A arms the console */
	int health_timeout_ms;           /* an action's /readyz gate */
	int step_timeout_ms;             /* one command of an action (pull, up -d, undo…) */
	size_t log_buffer_bytes;         /* LOGS' whole ring budget, shared by the
	                                    tailed services */
	int log_buffer_line;             /* line of log_buffer =, 0 when not set */
	struct config_prometheus prom;   /* [warroom]'s: every host's defaults */
	struct config_host *hosts;
	size_t nhosts;
	struct config_statuspage statuspage;
	struct config_chat chat;
	char templates[WR_TEMPLATE_COUNT][512];
	char templates_if[WR_TEMPLATE_IF_COUNT][WR_TEMPLATE_COUNT][512];
	struct config_thresholds thresholds;
	char **errors;                   /* "file:line: message" each, in line order */
	int *error_lines;                /* each one's line; 0: the whole file */
	size_t nerrors;
	char **warnings;                 /* the same, for what the file may mean but
	                                    most likely does not: it is used, and
	                                    each is said (--check-config, the
	                                    footer at start) */
	size_t nwarnings;
	int *hash_lines;                 /* lines whose value holds " #": an error
	                                    at one says '#' starts no comment */
	size_t nhash_lines;
};

/* Facts from the environment the parser needs; it reads none itself. */
struct config_env {
	const char *home;                /* $HOME */
	const char *xdg_state_home;      /* $XDG_STATE_HOME or NULL */
	const char *config_dir;          /* dir of the config file, for relative paths */
};

/* Defaults per DESIGN §3.1 (thresholds from common rollback runbooks). */
void config_init(struct config *cfg, const char *file, const struct config_env *env);

/* Parse buf into cfg (initialised by config_init). Returns 0, or -1 with
 * every problem appended to cfg->errors. */
int config_parse(struct config *cfg, const char *buf, size_t len,
    const struct config_env *env);

/* Add a "file:line: message" error to cfg (line 0: "file: message"),
 * after every error of its line or an earlier one: the list stays in line
 * order, however late a check finds its problem. At a line whose value
 * holds " #", the message ends with the inline-comment hint. */
void config_add_error(struct config *cfg, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Release everything config_init/config_parse allocated. */
void config_free(struct config *cfg);

/* "investigating", … for a WR_TEMPLATE_* index. */
const char *config_template_name(int t);

/* "unknown" or "failed" for a WR_TEMPLATE_IF_* index: the suffix of its
 * [templates] keys ("monitoring_unknown"). */
const char *config_template_if_name(int k);

/* The i-th placeholder a template may hold ("service", …), NULL past the
 * last: any other {word} in a template is refused. */
const char *config_template_placeholder(int i);

/* Which {word}s a text may hold: a template's (and a runbook's
 * message=), or a PromQL query's ({host}). */
enum config_placeholders { WR_PLACEHOLDERS_TEMPLATE, WR_PLACEHOLDERS_QUERY };

/* Whether text from *from on holds a {word} that is none of set's (a word
 * from a digit on, a regex's {2}, is none): why in why[cap], "unknown
 * placeholder {totag} (did you mean {to_tag}?) (known: …)", and *from
 * moved past it; false at the end of the text. */
bool config_placeholder_unknown(enum config_placeholders set, const char **from, char *why,
    size_t cap);

/* Whether a file that decides where the console connects or what it
 * trusts (what: "config", "ssh_config", …; decides: in words) may be used,
 * by OpenSSH's rule: owned by me or root, writable by nobody else. 0, or
 * -1 with why and the fix in why[cap]. */
int config_file_trusted(const char *what, const char *path, const char *decides,
    unsigned mode, unsigned owner, unsigned me, char *why, size_t cap);

/* Whether service svc of h is probed: health_url is set and speaks for it. */
bool config_probes_service(const struct config_host *h, int svc);

/* Whether h's metrics come from Prometheus queries (prom.url is set). */
bool config_uses_prometheus(const struct config_host *h);

/* The other hosts that ask the same Prometheus server the very query q
 * host i asks (so it has no {host}: they all get one figure), their
 * names ", " between in out[cap] ("" for none). Returns how many. */
size_t config_query_shared_with(const struct config *cfg, size_t i, enum config_query q,
    char *out, size_t cap);

/* "error_rate_query", "p95_query", "request_rate_query" or "up_query". */
const char *config_query_key(enum config_query q);

/* The same in words: "error-rate", "p95", "request-rate" or "up". */
const char *config_query_words(enum config_query q);

/* "compose", "k8s" or "helm". */
const char *config_driver_name(enum config_driver d);

/* The index of the host named name in cfg, or -1. */
int config_host_index(const struct config *cfg, const char *name);

/* The index of service name among h's services, or -1. */
int config_service_index(const struct config_host *h, const char *name);

/* The kind as [statuspage] kind spells it ("atlassian", "cachet",
 * "cachet3"); "none" for STATUSPAGE_NONE and anything unknown. */
const char *config_statuspage_kind_name(enum statuspage_kind k);

/* A log budget in the largest unit that says it exactly ("64 MiB",
 * "1536 KiB"), as log_buffer accepts it. */
void log_buffer_words(size_t bytes, char *out, size_t cap);

/* Write the resolved config as text without any secret value (for
 * --check-config) into a malloc'd string. */
char *config_describe(const struct config *cfg);

/* What ssh_config made of a host (--check-config asks `ssh -G`): where it
 * is really reached ("root@10.0.0.5:22 via bastion") and the known_hosts
 * files its key is checked against. */
struct config_where {
	const char *endpoint;
	const char *known_hosts;
	bool name_is_address;            /* sshcfg_name_is_address() */
};

/* Who the console would write as, outside the file: the account it runs
 * under ("root@vm") and --as (NULL when not given). */
struct config_who {
	const char *account;
	const char *as;
};

/* config_describe with where[i] (NULL entries, or where NULL: the config's
 * own values) in place of each host's address (noting a name that is its
 * own address), and, when who is not NULL,
 * an "actor:" line: the actor records are written under, and where its
 * name came from. */
char *config_describe_where(const struct config *cfg, const struct config_where *where,
    const struct config_who *who);

#endif
