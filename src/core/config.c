/*
 * config.c — warroom.conf (DESIGN §3.1) parsed with libinih into struct config.
 *
 * libinih gives the handler no line numbers, so the file is fed through a
 * reader that counts lines; every complaint is "file:line: message" and the
 * parse goes on after one, so a user sees all of them at once. Nothing here
 * touches the filesystem: existence and permission checks are config_files.c.
 */
#include "warroom/actor.h"
#include "warroom/armwords.h"
#include "warroom/config.h"
#include "warroom/decide.h"
#include "warroom/ini_lines.h"
#include "warroom/logbuf.h"
#include "warroom/metrics.h"
#include "warroom/redact.h"
#include "warroom/sanitize.h"
#include "warroom/sshcfg.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct seen_key {
	char section[96];
	int scope;                /* parse_state.scope when it was set */
	char name[64];
	int line;
};

#define PROM_URL_BIT (1u << WR_QUERY_COUNT)

struct parse_state {
	struct config *cfg;
	const struct config_env *env;
	int line;                 /* line the reader handed out last */
	char section[96];         /* section of the last key handled */
	int scope;                /* 0, or the header line of a section already
	                             reported as a duplicate: its keys are not
	                             "set twice" for being in the first one too */
	struct config_host *host; /* current [host "…"], or NULL */
	struct config_host *scratch;  /* a refused [host "…"]'s keys, checked, never kept */
	struct seen_key *seen;
	size_t nseen;
	int statuspage_line;
	bool statuspage_bad;      /* a key failed: skip follow-on checks */
	unsigned prom_refused;    /* [warroom]'s Prometheus keys refused: bit q
	                             for query q, PROM_URL_BIT for the URL */
	char guess[16];           /* the section an unknown one most likely
	                             means, whose keys its keys are checked as */
	bool lost;                /* below a [section without its ']': keys not read */
	bool unreadable_seen;     /* an unreadable line was reported by on_line */
	int threshold_line[6];    /* line of each threshold_keys[] key, 0: default */
	int arm_line;             /* line of arm_minutes or arm_time, 0: default */
};

#define HASH_HINT " (inline comments start with ';', not '#')"

/* Whichever check refuses or doubts a value holding " #" (a word of it, a
 * file it names, a query), the '#' is the likelier mistake than what the
 * check says: the hint goes onto msg when line is one of those. */
static void
hash_hint(const struct config *cfg, int line, char *msg, size_t cap)
{
	size_t at;

	for (at = 0; line > 0 && at < cfg->nhash_lines; at++)
		if (cfg->hash_lines[at] == line) {
			wr_appendf(msg, cap, "%s", HASH_HINT);
			return;
		}
}

void
config_add_error(struct config *cfg, int line, const char *fmt, ...)
{
	char msg[WR_ERR_MAX], full[WR_ERR_MAX + WR_PATH_MAX + 16];
	va_list ap;
	int at_line = line > 0 ? line : 0;
	size_t at;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	hash_hint(cfg, line, msg, sizeof(msg));
	if (line > 0)
		snprintf(full, sizeof(full), "%s:%d: %s", cfg->file, line, msg);
	else
		snprintf(full, sizeof(full), "%s: %s", cfg->file, msg);
	cfg->errors = xrealloc(cfg->errors, (cfg->nerrors + 1) * sizeof(char *));
	cfg->error_lines = xrealloc(cfg->error_lines, (cfg->nerrors + 1) * sizeof(int));
	/* A host's checks run at the end of its section, the file checks and
	 * the theme after the parse: read top to bottom, the list must not
	 * jump back. One line's errors keep the order they were found in. */
	for (at = cfg->nerrors; at > 0 && cfg->error_lines[at - 1] > at_line; at--)
		;
	memmove(cfg->errors + at + 1, cfg->errors + at, (cfg->nerrors - at) * sizeof(char *));
	memmove(cfg->error_lines + at + 1, cfg->error_lines + at,
	    (cfg->nerrors - at) * sizeof(int));
	/* Messages quote what the file says (a bad host name, a bad value) and
	 * reach a terminal: the quoted bytes are data (DESIGN §3.5). */
	cfg->errors[at] = sanitize_dup(full, strlen(full), NULL);
	cfg->error_lines[at] = at_line;
	cfg->nerrors++;
}

void
config_init(struct config *cfg, const char *file, const struct config_env *env)
{
	memset(cfg, 0, sizeof(*cfg));
	wr_strlcpy(cfg->file, file, sizeof(cfg->file));
	if (env->xdg_state_home != NULL && env->xdg_state_home[0] == '/')
		snprintf(cfg->timeline_dir, sizeof(cfg->timeline_dir), "%s/warroom",
		    env->xdg_state_home);
	else
		snprintf(cfg->timeline_dir, sizeof(cfg->timeline_dir),
		    "%s/.local/state/warroom", env->home ? env->home : "");
	wr_strlcpy(cfg->theme, "default", sizeof(cfg->theme));
	cfg->poll_ms = cfg->probe_ms = cfg->metrics_ms = 5000;
	cfg->keepalive_ms = 10000;
	cfg->log_buffer_bytes = WR_LOGBUF_DEFAULT_BYTES;
	cfg->reconnect_max_ms = 60000;
	cfg->arm_ms = 15 * 60 * 1000;
	cfg->health_timeout_ms = 120 * 1000;
	cfg->step_timeout_ms = 300 * 1000;
	cfg->thresholds = (struct config_thresholds){
		.error_rate_rollback = 0.05,
		.error_rate_consider = 0.02,
		.error_rate_monitor = 0.01,
		.p95_rollback_ms = 2000,
		.p95_consider_ms = 1000,
		.p95_monitor_ms = 500,
		.restarts_rollback = 3,
		.restarts_window_s = 300,
		.min_requests = 10,
	};
}

void
config_free(struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->nerrors; i++)
		free(cfg->errors[i]);
	for (i = 0; i < cfg->nwarnings; i++)
		free(cfg->warnings[i]);
	free(cfg->errors);
	free(cfg->error_lines);
	free(cfg->warnings);
	free(cfg->hash_lines);
	free(cfg->hosts);
	cfg->hash_lines = NULL;
	cfg->nhash_lines = 0;
	cfg->errors = cfg->warnings = NULL;
	cfg->error_lines = NULL;
	cfg->hosts = NULL;
	cfg->nerrors = cfg->nwarnings = cfg->nhosts = 0;
}

int
config_host_index(const struct config *cfg, const char *name)
{
	size_t i;

	for (i = 0; i < cfg->nhosts; i++)
		if (strcmp(cfg->hosts[i].name, name) == 0)
			return (int)i;
	return -1;
}

int
config_service_index(const struct config_host *h, const char *name)
{
	int k;

	for (k = 0; k < h->nservices; k++)
		if (strcmp(h->services[k], name) == 0)
			return k;
	return -1;
}

const char *
config_driver_name(enum config_driver d)
{
	switch (d) {
	case DRIVER_COMPOSE: return "compose";
	case DRIVER_K8S: return "k8s";
	case DRIVER_HELM: return "helm";
	}
	return "?";
}

const char *
config_statuspage_kind_name(enum statuspage_kind k)
{
	switch (k) {
	case STATUSPAGE_ATLASSIAN: return "atlassian";
	case STATUSPAGE_CACHET: return "cachet";
	case STATUSPAGE_CACHET3: return "cachet3";
	case STATUSPAGE_NONE: break;
	}
	return "none";
}

int
config_file_trusted(const char *what, const char *path, const char *decides,
    unsigned mode, unsigned owner, unsigned me, char *why, size_t cap)
{
	/* OpenSSH's rule for its own config (readconf.c): "Bad owner or
	 * permissions" unless owned by the user or root and writable by
	 * nobody else. */
	if (owner != me && owner != 0) {
		snprintf(why, cap, "%s %s is owned by uid %u, neither you nor root, and it "
		    "decides %s (as ssh says: bad owner); use a copy of your own", what, path,
		    owner, decides);
		return -1;
	}
	if ((mode & 022) != 0) {
		snprintf(why, cap, "%s %s is writable by group or others (mode %04o), and it "
		    "decides %s (as ssh says: bad permissions): chmod go-w %s", what, path,
		    mode & 07777, decides, path);
		return -1;
	}
	return 0;
}

/* ---- the reader's hooks ---- */

static void note_section(struct parse_state *ps, const char *line);

/* Unreadable lines are reported here, as the reader meets them, so they
 * stand in line order among the rest (inih itself returns only the first,
 * once the whole file is read). */
static void
on_line(void *arg, int line, const char *text, enum ini_line_kind kind)
{
	struct parse_state *ps = arg;

	ps->line = line;
	if (kind == INI_LINE_SECTION)
		note_section(ps, text);
	else if (kind == INI_LINE_UNCLOSED) {
		/* inih would file the keys below under the section before: each
		 * a false "set twice" there. They belong to no section. */
		config_add_error(ps->cfg, line, "cannot read this line: a [section] "
		    "needs its closing ']' (the keys below it, up to the next "
		    "section, are not read)");
		ps->lost = true;
		ps->host = NULL;
		ps->section[0] = '\0';
	} else if (kind == INI_LINE_NO_SEPARATOR)
		config_add_error(ps->cfg, line,
		    "cannot read this line: expected 'key = value' or a [section]");
	else if (kind == INI_LINE_CONTINUATION)
		/* Indented keys are read (ini_lines.c); this is a wrapped value. */
		config_add_error(ps->cfg, line, "cannot read this line: it is indented like "
		    "more of the value above, but a value is one line: join the two lines "
		    "(or write 'key = value')");
	if (kind == INI_LINE_UNCLOSED || kind == INI_LINE_NO_SEPARATOR ||
	    kind == INI_LINE_CONTINUATION)
		ps->unreadable_seen = true;
}

static void key_refused(struct parse_state *ps, const char *section, const char *name);
static bool known_section(const char *section);

static void
on_bad(void *arg, int line, const char *text, size_t len, const char *why)
{
	struct parse_state *ps = arg;
	char name[64];
	size_t i = 0, n;

	ps->line = line;
	config_add_error(ps->cfg, line, "%s", why);
	/* Its key was set, not left out: what needs it is not checked as
	 * missing (a query too long for a line is not "need
	 * error_rate_query" for every host). */
	while (i < len && (text[i] == ' ' || text[i] == '\t'))
		i++;
	for (n = 0; i + n < len && n + 1 < sizeof(name) && (isalnum((unsigned char)text[i + n]) ||
	    text[i + n] == '_' || text[i + n] == '-' || text[i + n] == '.'); n++)
		name[n] = text[i + n];
	name[n] = '\0';
	for (i += n; i < len && (text[i] == ' ' || text[i] == '\t'); i++)
		;
	if (n > 0 && i < len && (text[i] == '=' || text[i] == ':') && !ps->lost &&
	    ps->section[0] != '\0')
		key_refused(ps, known_section(ps->section) || ps->guess[0] == '\0' ?
		    ps->section : ps->guess, name);
}

/* ---- value parsers: each returns 0 or adds an error and returns -1 ---- */

static int
bad_value(struct parse_state *ps, const char *name, const char *value,
    const char *expected)
{
	config_add_error(ps->cfg, ps->line, "%s: expected %s, got '%s'", name, expected,
	    value);
	return -1;
}

static int
parse_bool(struct parse_state *ps, const char *name, const char *v, bool *out)
{
	if (wr_streq_ci(v, "true") || wr_streq_ci(v, "yes") ||
	    wr_streq_ci(v, "on") || strcmp(v, "1") == 0)
		*out = true;
	else if (wr_streq_ci(v, "false") || wr_streq_ci(v, "no") ||
	    wr_streq_ci(v, "off") || strcmp(v, "0") == 0)
		*out = false;
	else
		return bad_value(ps, name, v, "true or false");
	return 0;
}

static int
parse_long(const char *v, long min, long max, long *out)
{
	char *end;
	long n;

	if (*v == '\0' || (!isdigit((unsigned char)*v) && *v != '-'))
		return -1;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < min || n > max)
		return -1;
	*out = n;
	return 0;
}

static int
parse_int(struct parse_state *ps, const char *name, const char *v, int min,
    int max, int *out)
{
	char expected[64];
	long n;

	if (parse_long(v, min, max, &n) != 0) {
		snprintf(expected, sizeof(expected), "a number from %d to %d", min, max);
		return bad_value(ps, name, v, expected);
	}
	*out = (int)n;
	return 0;
}

static int
parse_percent(struct parse_state *ps, const char *name, const char *v,
    double *out)
{
	char *end;
	double d;

	errno = 0;
	d = strtod(v, &end);
	if (end == v || errno != 0 || strcmp(end, "%") != 0 || !isfinite(d) ||
	    d < 0 || d > 100)
		return bad_value(ps, name, v, "a percentage like 5%");
	*out = d / 100.0;
	return 0;
}

static int
parse_ms(struct parse_state *ps, const char *name, const char *v, double *out)
{
	long n;
	char num[32];
	size_t len = strlen(v);

	/* "2000" or "2000ms"; anything else would be a guess about units. */
	if (len > 2 && strcmp(v + len - 2, "ms") == 0 && len - 2 < sizeof(num)) {
		memcpy(num, v, len - 2);
		num[len - 2] = '\0';
		v = num;
	}
	if (parse_long(v, 1, 3600000, &n) != 0)
		return bad_value(ps, name, v, "milliseconds like 2000 or 2000ms");
	*out = (double)n;
	return 0;
}

/* "5s", "5", "2m" or "1h" from min_s to max_s seconds, kept in
 * milliseconds; what names the form in the error. */
static int
parse_duration(struct parse_state *ps, const char *name, const char *v, long min_s,
    long max_s, const char *what, int *out_ms)
{
	char num[32];
	size_t len = strlen(v);
	int mult = 1;
	long n;

	if (len > 0 && len < sizeof(num) && strchr("smh", v[len - 1]) != NULL) {
		mult = v[len - 1] == 'h' ? 3600 : v[len - 1] == 'm' ? 60 : 1;
		memcpy(num, v, len - 1);
		num[len - 1] = '\0';
	} else
		wr_strlcpy(num, v, sizeof(num));
	if (parse_long(num, 1, max_s, &n) != 0 || n * mult < min_s || n * mult > max_s)
		return bad_value(ps, name, v, what);
	*out_ms = (int)(n * mult * 1000);
	return 0;
}

/* An interval from 1 s to 1 h. */
static int
parse_seconds(struct parse_state *ps, const char *name, const char *v, int *out_ms)
{
	return parse_duration(ps, name, v, 1, 3600, "an interval like 5s or 1m (1 s to 1 h)", out_ms);
}

/* arm_time: "90s", "15m" or "2h", 10 s to 4 h — finer than arm_minutes,
 * for a team that arms for one action at a time. */
static int
parse_arm_time(struct parse_state *ps, const char *name, const char *v, int *out_ms)
{
	return parse_duration(ps, name, v, 10, 4 * 3600,
	    "a time like 90s, 15m or 2h (10 s to 4 h)", out_ms);
}

/* log_buffer: "256MiB", "2 GiB" or "1536KiB" (the unit in any case), 1 MiB
 * to 4 GiB. A bare number is refused: bytes or MiB would be a guess, and
 * "MB" is not said to mean 10^6 here. */
static int
parse_log_buffer(struct parse_state *ps, const char *name, const char *v, size_t *out)
{
	static const char *const units[] = { "KiB", "MiB", "GiB" };
	char num[32];
	size_t len = strlen(v), ulen;
	unsigned u;
	long n;

	for (u = 0; u < 3; u++) {
		ulen = strlen(units[u]);
		if (len > ulen && wr_streq_ci(v + len - ulen, units[u]))
			break;
	}
	if (u < 3 && len - ulen < sizeof(num)) {
		memcpy(num, v, len - ulen);
		num[len - ulen] = '\0';
		if (len - ulen > 1 && num[len - ulen - 1] == ' ')
			num[len - ulen - 1] = '\0';
		/* Fits a long on every platform warroom builds for: < 2^32 KiB. */
		if (parse_long(num, 1, 4L << 20, &n) == 0) {
			uint64_t bytes = (uint64_t)n << (10 * (u + 1));

			if (bytes >= (uint64_t)1 << 20 && bytes <= (uint64_t)4 << 30 &&
			    bytes <= SIZE_MAX) {
				*out = (size_t)bytes;
				return 0;
			}
		}
	}
	return bad_value(ps, name, v, "a size like 256MiB or 1GiB (1 MiB to 4 GiB)");
}

/* "3/5m": restarts within a window (s, m or h). */
static int
parse_restarts(struct parse_state *ps, const char *name, const char *v,
    int *count, int *window_s)
{
	char buf[64], *slash, unit;
	long n, w;
	size_t len;
	int mult;

	if (!wr_strlcpy(buf, v, sizeof(buf)) || (slash = strchr(buf, '/')) == NULL)
		return bad_value(ps, name, v, "restarts per window like 3/5m");
	*slash = '\0';
	len = strlen(slash + 1);
	unit = len > 0 ? slash[len] : '\0';
	mult = unit == 's' ? 1 : unit == 'm' ? 60 : unit == 'h' ? 3600 : 0;
	if (mult == 0 || len < 2)
		return bad_value(ps, name, v, "restarts per window like 3/5m");
	slash[len] = '\0';
	if (parse_long(buf, 1, 1000, &n) != 0 || parse_long(slash + 1, 1, 86400, &w) != 0)
		return bad_value(ps, name, v, "restarts per window like 3/5m");
	*count = (int)n;
	*window_s = (int)(w * mult);
	return 0;
}

static int
parse_string(struct parse_state *ps, const char *name, const char *v,
    char *out, size_t cap)
{
	if (*v == '\0') {
		config_add_error(ps->cfg, ps->line, "%s: empty value", name);
		return -1;
	}
	if (!wr_strlcpy(out, v, cap)) {
		config_add_error(ps->cfg, ps->line, "%s: value too long (at most %zu bytes)",
		    name, cap - 1);
		return -1;
	}
	return 0;
}

/* A path: "~/" is the home directory; relative paths are relative to the
 * config file's directory, so a config works from any cwd. */
static int
parse_path(struct parse_state *ps, const char *name, const char *v, char *out,
    size_t cap)
{
	int n;

	if (*v == '\0')
		return parse_string(ps, name, v, out, cap);
	/* "./known_hosts" is "known_hosts": no "/etc/warroom/./…" in a fix
	 * someone copies into another shell. */
	while (v[0] == '.' && v[1] == '/') {
		v += 2;
		while (*v == '/')
			v++;
	}
	if (*v == '\0' || strcmp(v, ".") == 0)
		v = ".";
	if (strcmp(v, ".") == 0 && ps->env->config_dir != NULL)
		n = snprintf(out, cap, "%s", ps->env->config_dir);
	else if (v[0] == '~' && (v[1] == '/' || v[1] == '\0'))
		n = snprintf(out, cap, "%s%s", ps->env->home ? ps->env->home : "", v + 1);
	else if (v[0] == '/' || ps->env->config_dir == NULL)
		n = snprintf(out, cap, "%s", v);
	else
		n = snprintf(out, cap, "%s/%s", ps->env->config_dir, v);
	if (n < 0 || (size_t)n >= cap) {
		config_add_error(ps->cfg, ps->line, "%s: path too long", name);
		return -1;
	}
	return 0;
}

static int
parse_file_ref(struct parse_state *ps, const char *name, const char *v,
    struct config_file_ref *ref)
{
	ref->line = ps->line;
	return parse_path(ps, name, v, ref->path, sizeof(ref->path));
}

/* Where the credentials a URL key might be given belong instead. */
static const char *
credentials_go(const char *name)
{
	if (strcmp(name, "metrics_url") == 0)
		return "a bearer token goes in metrics_token_env or metrics_token_file";
	if (strcmp(name, "url") == 0)
		return "the API token goes in token_env or token_file";
	if (strcmp(name, "prometheus_url") == 0)
		return "nothing but the query is sent to Prometheus";
	return "the health endpoints are asked without credentials";
}

/* An http(s) URL with a host, a port from 1 to 65535 if any, and no
 * user:password@ or credential in its query (?token=, &sig=…: a secret in
 * the file, and in every place the URL is shown). The port is checked here: curl would only fail at each poll. */
static int
parse_url(struct parse_state *ps, const char *name, const char *v, char *out,
    size_t cap)
{
	const char *auth, *end, *host_end, *port, *key, *at;
	size_t klen;
	long n;

	/* First, as no message after this may quote a value that holds a
	 * secret: a credential in the query string is one in the file too. */
	if ((klen = redact_url_secret_param(v, &key)) > 0) {
		config_add_error(ps->cfg, ps->line, "%s: no %.*s= in the URL's query: secrets are "
		    "never written in the config (%s)", name, (int)klen, key, credentials_go(name));
		return -1;
	}
	if (strncmp(v, "http://", 7) != 0 && strncmp(v, "https://", 8) != 0)
		return bad_value(ps, name, v, "an http:// or https:// URL");
	if (strchr(v, ' ') != NULL)
		return bad_value(ps, name, v, "a URL without spaces");
	auth = strstr(v, "://") + 3;
	end = auth + strcspn(auth, "/?#");
	if ((at = memchr(auth, '@', (size_t)(end - auth))) != NULL) {
		/* The value is not quoted back: it may hold a password. */
		config_add_error(ps->cfg, ps->line, "%s: no %s@ in the URL: secrets are never "
		    "written in the config (%s)", name, memchr(auth, ':', (size_t)(at - auth)) ?
		    "user:password" : "user", credentials_go(name));
		return -1;
	}
	/* The host ends at the port's ':', or after an IPv6 address's ']'. */
	if (auth[0] == '[') {
		host_end = memchr(auth, ']', (size_t)(end - auth));
		host_end = host_end != NULL && host_end - auth > 1 ? host_end + 1 : auth;
	} else if ((host_end = memchr(auth, ':', (size_t)(end - auth))) == NULL)
		host_end = end;
	if (host_end == auth)
		return bad_value(ps, name, v, "a URL with a host, like http://127.0.0.1:8000");
	if (host_end < end) {
		char num[8];

		port = host_end + 1;
		if (*host_end != ':' || end - port < 1 || end - port >= (long)sizeof(num)) {
			config_add_error(ps->cfg, ps->line, "%s: the port in '%s' is not a number "
			    "from 1 to 65535", name, v);
			return -1;
		}
		memcpy(num, port, (size_t)(end - port));
		num[end - port] = '\0';
		if (strspn(num, "0123456789") != strlen(num) ||
		    parse_long(num, 1, 65535, &n) != 0) {
			config_add_error(ps->cfg, ps->line, "%s: the port in '%s' is not a number "
			    "from 1 to 65535", name, v);
			return -1;
		}
	}
	return parse_string(ps, name, v, out, cap);
}

/* prometheus_url: a base the API's paths are added to, so no ?query or
 * #fragment, and not the API's own path. */
static int
parse_base_url(struct parse_state *ps, const char *name, const char *v, char *out,
    size_t cap)
{
	const char *path;

	if (parse_url(ps, name, v, out, cap) != 0)
		return -1;
	if (strpbrk(v, "?#") != NULL) {
		out[0] = '\0';
		return bad_value(ps, name, v, "a base URL like http://prom:9090, without "
		    "?query or #fragment");
	}
	path = strstr(v, "://") + 3;
	path += strcspn(path, "/");
	if (strstr(path, "/api/v1") != NULL) {
		out[0] = '\0';
		config_add_error(ps->cfg, ps->line, "%s: give the Prometheus server's base URL, "
		    "like http://prom:9090, not its API: /api/v1/query is added to it, got '%s'",
		    name, v);
		return -1;
	}
	return 0;
}

/* health_url is the base the probes' paths are added to: one that ends in
 * /healthz would ask /healthz/healthz and show a 404 at every probe. */
static int
parse_health_url(struct parse_state *ps, const char *name, const char *v, char *out,
    size_t cap)
{
	static const char *const paths[] = { "/healthz", "/readyz", "/version" };
	size_t len = strlen(v), i, n;

	if (parse_url(ps, name, v, out, cap) != 0)
		return -1;
	while (len > 0 && v[len - 1] == '/')
		len--;
	for (i = 0; i < WR_ARRAY_LEN(paths); i++) {
		n = strlen(paths[i]);
		if (len > n && memcmp(v + len - n, paths[i], n) == 0) {
			out[0] = '\0';
			config_add_error(ps->cfg, ps->line, "%s: give the base URL, like "
			    "http://127.0.0.1:8000: /healthz, /readyz and /version are added to it, "
			    "got '%s'", name, v);
			return -1;
		}
	}
	return 0;
}

static int
parse_env_name(struct parse_state *ps, const char *name, const char *v,
    char *out, size_t cap)
{
	const char *p;

	for (p = v; *p != '\0'; p++)
		if (!(isalnum((unsigned char)*p) || *p == '_') ||
		    (p == v && isdigit((unsigned char)*p)))
			return bad_value(ps, name, v, "an environment variable name");
	return parse_string(ps, name, v, out, cap);
}

/* ---- sections ---- */

static const char *const warroom_keys[] = {
	"read_only", "timeline_dir", "theme", "actor", "known_hosts", "ssh_config",
	"poll_interval", "probe_interval", "metrics_interval", "arm_minutes",
	"arm_time", "health_timeout", "step_timeout", "keepalive_interval", "reconnect_max_interval",
	"log_buffer", "prometheus_url", "error_rate_query",
	"p95_query", "request_rate_query", "up_query", NULL,
};
static const char *const host_keys[] = {
	"address", "user", "port", "driver", "compose_dir", "namespace",
	"services", "health_url", "health_service", "metrics_url", "metrics_token_env",
	"metrics_token_file", "identity_file", "tunnel", "read_only", "prometheus_url",
	"error_rate_query", "p95_query", "request_rate_query", "up_query", NULL,
};
/* Each has a bit of config_host.bad_keys (host_key_bit). */
_Static_assert(WR_ARRAY_LEN(host_keys) - 1 <= 32, "host_keys outgrows bad_keys");
/* In enum config_query's order. */
static const char *const query_names[WR_QUERY_COUNT] = {
	"error_rate_query", "p95_query", "request_rate_query", "up_query",
};
static const char *const statuspage_keys[] = {
	"kind", "url", "token_env", "token_file", "components", "impact", NULL,
};
static const char *const chat_keys[] = {
	"webhook_url_env", "webhook_url_file", NULL,
};
static const char *const template_keys[] = {
	"investigating", "identified", "monitoring", "resolved", NULL,
};
static const char *const template_if[] = { "unknown", "failed" };
/* Every key [templates] takes, for a misspelt one's suggestion. */
static const char *const template_all_keys[] = {
	"investigating", "identified", "monitoring", "resolved",
	"investigating_unknown", "identified_unknown", "monitoring_unknown", "resolved_unknown",
	"investigating_failed", "identified_failed", "monitoring_failed", "resolved_failed",
	NULL,
};
static const char *const component_statuses[] = {
	"operational", "degraded_performance", "partial_outage", "major_outage",
	"under_maintenance", NULL,
};
static const char *const threshold_keys[] = {
	"error_rate_rollback", "error_rate_consider", "error_rate_monitor",
	"p95_rollback_ms", "p95_consider_ms", "p95_monitor_ms",
	"restarts_rollback", "min_requests", NULL,
};

static bool
listed(const char *name, const char *const *keys)
{
	for (; *keys != NULL; keys++)
		if (strcmp(name, *keys) == 0)
			return true;
	return false;
}

/* The bit of config_host.bad_keys for a host key; 0 for a name that is
 * none (an unknown key spoils no other check). */
static unsigned
host_key_bit(const char *name)
{
	unsigned k;

	for (k = 0; host_keys[k] != NULL; k++)
		if (strcmp(name, host_keys[k]) == 0)
			return 1u << k;
	return 0;
}

/* Whether the value of any of names (NULL-terminated) was refused in h. */
static bool
host_key_bad(const struct config_host *h, const char *const *names)
{
	for (; *names != NULL; names++)
		if ((h->bad_keys & host_key_bit(*names)) != 0)
			return true;
	return false;
}

static void
unknown_key(struct parse_state *ps, const char *section, const char *name,
    const char *const *known)
{
	const char *best = NULL;
	size_t bestd = 3, d;

	/* Secrets inline are the mistake worth a precise answer. */
	if (strstr(name, "token") != NULL || strstr(name, "password") != NULL ||
	    strstr(name, "secret") != NULL) {
		config_add_error(ps->cfg, ps->line,
		    "'%s' in [%s]: secrets are never written in the config; "
		    "name an environment variable (*_env) or a 0600 file (*_file)",
		    name, section);
		return;
	}
	/* A key's words misspelt count too: compse is five edits from
	 * compose_dir. */
	for (; *known != NULL; known++)
		if ((d = wr_key_distance(name, *known)) < bestd) {
			bestd = d;
			best = *known;
		}
	if (best != NULL)
		config_add_error(ps->cfg, ps->line,
		    "unknown key '%s' in [%s] (did you mean '%s'?)", name, section, best);
	else
		config_add_error(ps->cfg, ps->line, "unknown key '%s' in [%s]", name,
		    section);
}

const char *
config_query_key(enum config_query q)
{
	return (unsigned)q < WR_QUERY_COUNT ? query_names[q] : "?";
}

const char *
config_query_words(enum config_query q)
{
	static const char *const words[WR_QUERY_COUNT] = { "error-rate", "p95", "request-rate",
		"up" };

	return (unsigned)q < WR_QUERY_COUNT ? words[q] : "?";
}

static void check_placeholders(struct parse_state *ps, enum config_placeholders set,
    const char *name, const char *v);

/* prometheus_url and the queries, the same keys in [warroom] (defaults)
 * and in a host section. False when name is none of them. */
static bool
handle_prometheus(struct parse_state *ps, const char *name, const char *v,
    struct config_prometheus *pr)
{
	int q;

	if (strcmp(name, "prometheus_url") == 0) {
		if (parse_base_url(ps, name, v, pr->url, sizeof(pr->url)) == 0)
			pr->url_line = ps->line;
		return true;
	}
	for (q = 0; q < WR_QUERY_COUNT; q++)
		if (strcmp(name, query_names[q]) == 0) {
			if (parse_string(ps, name, v, pr->query[q], sizeof(pr->query[q])) == 0) {
				pr->query_line[q] = ps->line;
				check_placeholders(ps, WR_PLACEHOLDERS_QUERY, name, v);
			}
			return true;
		}
	return false;
}

static void
handle_warroom(struct parse_state *ps, const char *name, const char *v)
{
	struct config *cfg = ps->cfg;

	if (strcmp(name, "read_only") == 0)
		parse_bool(ps, name, v, &cfg->read_only);
	else if (strcmp(name, "timeline_dir") == 0) {
		if (parse_path(ps, name, v, cfg->timeline_dir, sizeof(cfg->timeline_dir)) == 0)
			cfg->timeline_dir_line = ps->line;
	}
	else if (strcmp(name, "theme") == 0) {
		parse_string(ps, name, v, cfg->theme, sizeof(cfg->theme));
		cfg->theme_line = ps->line;
	}
	else if (strcmp(name, "actor") == 0) {
		struct wr_err e;

		/* A shared ops account needs a name to tell its people apart. */
		if (actor_name_check(v, &e) != 0)
			config_add_error(cfg, ps->line, "actor: %s, got '%s'", e.msg, v);
		else {
			wr_strlcpy(cfg->actor, v, sizeof(cfg->actor));
			cfg->actor_line = ps->line;
		}
	} else if (strcmp(name, "known_hosts") == 0)
		parse_file_ref(ps, name, v, &cfg->known_hosts);
	else if (strcmp(name, "ssh_config") == 0)
		parse_file_ref(ps, name, v, &cfg->ssh_config);
	else if (strcmp(name, "poll_interval") == 0)
		parse_seconds(ps, name, v, &cfg->poll_ms);
	else if (strcmp(name, "probe_interval") == 0)
		parse_seconds(ps, name, v, &cfg->probe_ms);
	else if (strcmp(name, "metrics_interval") == 0)
		parse_seconds(ps, name, v, &cfg->metrics_ms);
	else if (strcmp(name, "arm_minutes") == 0 || strcmp(name, "arm_time") == 0) {
		int ms;

		/* Two ways to say one length: which one holds would be a guess. */
		if (ps->arm_line > 0)
			config_add_error(cfg, ps->line, "%s: arm_minutes and arm_time both set "
			    "(the other at line %d): keep one", name, ps->arm_line);
		else if (strcmp(name, "arm_time") == 0) {
			if (parse_arm_time(ps, name, v, &ms) == 0) {
				cfg->arm_ms = ms;
				ps->arm_line = ps->line;
			}
		} else if (parse_int(ps, name, v, 1, 240, &ms) == 0) {
			cfg->arm_ms = ms * 60 * 1000;
			ps->arm_line = ps->line;
		}
	} else if (strcmp(name, "health_timeout") == 0)
		parse_seconds(ps, name, v, &cfg->health_timeout_ms);
	else if (strcmp(name, "step_timeout") == 0)
		parse_seconds(ps, name, v, &cfg->step_timeout_ms);
	else if (strcmp(name, "keepalive_interval") == 0)
		parse_seconds(ps, name, v, &cfg->keepalive_ms);
	else if (strcmp(name, "reconnect_max_interval") == 0)
		parse_seconds(ps, name, v, &cfg->reconnect_max_ms);
	else if (strcmp(name, "log_buffer") == 0) {
		if (parse_log_buffer(ps, name, v, &cfg->log_buffer_bytes) == 0)
			cfg->log_buffer_line = ps->line;
	} else if (!handle_prometheus(ps, name, v, &cfg->prom))
		unknown_key(ps, "warroom", name, warroom_keys);
}

static void
parse_services(struct parse_state *ps, const char *v, struct config_host *h)
{
	char buf[WR_SERVICES_MAX * WR_NAME_MAX], *tok, *save = NULL;
	int i;

	h->nservices = 0;
	if (!wr_strlcpy(buf, v, sizeof(buf))) {
		config_add_error(ps->cfg, ps->line, "services: value too long");
		return;
	}
	for (tok = strtok_r(buf, " \t,", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t,", &save)) {
		if (h->nservices == WR_SERVICES_MAX) {
			config_add_error(ps->cfg, ps->line,
			    "services: at most %d per host", WR_SERVICES_MAX);
			return;
		}
		for (i = 0; tok[i] != '\0'; i++)
			if (!(isalnum((unsigned char)tok[i]) || strchr("-_.", tok[i]))) {
				bad_value(ps, "services", tok,
				    "service names of letters, digits, '-', '_' and '.'");
				return;
			}
		for (i = 0; i < h->nservices; i++)
			if (strcmp(h->services[i], tok) == 0) {
				config_add_error(ps->cfg, ps->line,
				    "services: '%s' listed twice", tok);
				return;
			}
		if (parse_string(ps, "services", tok, h->services[h->nservices],
		    WR_NAME_MAX) == 0)
			h->nservices++;
	}
	/* Said here, at its line: the section's "no services" would point
	 * at the header. */
	if (h->nservices == 0)
		config_add_error(ps->cfg, ps->line, "services: empty value (name the services "
		    "to watch, like services = api jobs)");
}

static void
handle_host(struct parse_state *ps, const char *name, const char *v)
{
	struct config_host *h = ps->host;
	char section[96];

	if (strcmp(name, "address") == 0)
		parse_string(ps, name, v, h->address, sizeof(h->address));
	else if (strcmp(name, "user") == 0)
		parse_string(ps, name, v, h->user, sizeof(h->user));
	else if (strcmp(name, "port") == 0)
		parse_int(ps, name, v, 1, 65535, &h->port);
	else if (strcmp(name, "driver") == 0) {
		h->driver_line = ps->line;
		if (strcmp(v, "compose") == 0)
			h->driver = DRIVER_COMPOSE;
		else if (strcmp(v, "k8s") == 0)
			h->driver = DRIVER_K8S;
		else if (strcmp(v, "helm") == 0)
			h->driver = DRIVER_HELM;
		else
			bad_value(ps, name, v, "compose, k8s or helm");
	} else if (strcmp(name, "compose_dir") == 0) {
		h->compose_dir_line = ps->line;
		/* A remote path: never expanded against the local machine. */
		if (v[0] != '/' && v[0] != '~')
			bad_value(ps, name, v, "an absolute path on the host");
		else
			parse_string(ps, name, v, h->compose_dir, sizeof(h->compose_dir));
	} else if (strcmp(name, "namespace") == 0) {
		h->namespace_line = ps->line;
		parse_string(ps, name, v, h->namespace_, sizeof(h->namespace_));
	} else if (strcmp(name, "services") == 0)
		parse_services(ps, v, h);
	else if (strcmp(name, "health_url") == 0)
		parse_health_url(ps, name, v, h->health_url, sizeof(h->health_url));
	else if (strcmp(name, "health_service") == 0) {
		parse_string(ps, name, v, h->health_service, sizeof(h->health_service));
		h->health_service_line = ps->line;
	} else if (strcmp(name, "metrics_url") == 0) {
		if (parse_url(ps, name, v, h->metrics_url, sizeof(h->metrics_url)) == 0)
			h->metrics_url_line = ps->line;
	} else if (strcmp(name, "metrics_token_env") == 0)
		parse_env_name(ps, name, v, h->metrics_token_env,
		    sizeof(h->metrics_token_env));
	else if (strcmp(name, "metrics_token_file") == 0)
		parse_file_ref(ps, name, v, &h->metrics_token_file);
	else if (strcmp(name, "identity_file") == 0)
		parse_file_ref(ps, name, v, &h->identity_file);
	else if (strcmp(name, "tunnel") == 0)
		parse_bool(ps, name, v, &h->tunnel);
	else if (strcmp(name, "read_only") == 0)
		parse_bool(ps, name, v, &h->read_only);
	else if (!handle_prometheus(ps, name, v, &h->prom)) {
		snprintf(section, sizeof(section), "host \"%s\"", h->name);
		unknown_key(ps, section, name, host_keys);
	}
}

static void parse_components(struct parse_state *ps, const char *v,
    struct config_statuspage *sp);

static void
handle_statuspage(struct parse_state *ps, const char *name, const char *v)
{
	struct config_statuspage *sp = &ps->cfg->statuspage;

	if (strcmp(name, "kind") == 0) {
		enum statuspage_kind k;

		for (k = STATUSPAGE_ATLASSIAN; k <= STATUSPAGE_CACHET3; k++)
			if (strcmp(v, config_statuspage_kind_name(k)) == 0)
				break;
		if (k <= STATUSPAGE_CACHET3)
			sp->kind = k;
		else
			bad_value(ps, name, v, "atlassian, cachet or cachet3");
	} else if (strcmp(name, "url") == 0)
		parse_url(ps, name, v, sp->url, sizeof(sp->url));
	else if (strcmp(name, "token_env") == 0)
		parse_env_name(ps, name, v, sp->token_env, sizeof(sp->token_env));
	else if (strcmp(name, "token_file") == 0)
		parse_file_ref(ps, name, v, &sp->token_file);
	else if (strcmp(name, "components") == 0)
		parse_components(ps, v, sp);
	else if (strcmp(name, "impact") == 0) {
		if (strcmp(v, "none") == 0 || strcmp(v, "minor") == 0 || strcmp(v, "major") == 0 ||
		    strcmp(v, "critical") == 0)
			wr_strlcpy(sp->impact, v, sizeof(sp->impact));
		else
			bad_value(ps, name, v, "none, minor, major or critical");
	} else
		unknown_key(ps, "statuspage", name, statuspage_keys);
}

/* components = ID[=STATUS] …; STATUS defaults to partial_outage. */
static void
parse_components(struct parse_state *ps, const char *v, struct config_statuspage *sp)
{
	char buf[1024], *save = NULL, *tok, *eq;
	int k;

	wr_strlcpy(buf, v, sizeof(buf));
	sp->ncomponents = 0;
	for (tok = strtok_r(buf, " \t,", &save); tok != NULL; tok = strtok_r(NULL, " \t,", &save)) {
		if (sp->ncomponents == WR_COMPONENTS_MAX) {
			config_add_error(ps->cfg, ps->line, "components: at most %d",
			    WR_COMPONENTS_MAX);
			return;
		}
		if ((eq = strchr(tok, '=')) != NULL)
			*eq++ = '\0';
		if (tok[0] == '\0' || strlen(tok) >= sizeof(sp->components[0]) ||
		    strspn(tok, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") !=
		    strlen(tok)) {
			config_add_error(ps->cfg, ps->line, "components: '%s' is not a component id",
			    tok);
			return;
		}
		for (k = 0; eq != NULL && component_statuses[k] != NULL; k++)
			if (strcmp(eq, component_statuses[k]) == 0)
				break;
		if (eq != NULL && component_statuses[k] == NULL) {
			config_add_error(ps->cfg, ps->line, "components: '%s' is not a component "
			    "status (operational, degraded_performance, partial_outage, "
			    "major_outage, under_maintenance)", eq);
			return;
		}
		wr_strlcpy(sp->components[sp->ncomponents], tok, sizeof(sp->components[0]));
		wr_strlcpy(sp->component_status[sp->ncomponents], eq ? eq : "partial_outage",
		    sizeof(sp->component_status[0]));
		sp->ncomponents++;
	}
}

static void
handle_chat(struct parse_state *ps, const char *name, const char *v)
{
	struct config_chat *c = &ps->cfg->chat;

	if (strcmp(name, "webhook_url_env") == 0) {
		parse_env_name(ps, name, v, c->webhook_url_env, sizeof(c->webhook_url_env));
		c->webhook_url_env_line = ps->line;
	}
	else if (strcmp(name, "webhook_url_file") == 0)
		parse_file_ref(ps, name, v, &c->webhook_url_file);
	else
		unknown_key(ps, "chat", name, chat_keys);
}

/* The placeholders statuspage_template() fills in. */
static const char *const placeholders[] = {
	"service", "from_tag", "to_tag", "since", "began", "incident", "time", NULL,
};
/* What a PromQL query's {host} becomes (query_expand). */
static const char *const query_placeholders[] = { "host", NULL };

const char *
config_template_placeholder(int i)
{
	return i >= 0 && (size_t)i < WR_ARRAY_LEN(placeholders) ? placeholders[i] : NULL;
}

bool
config_placeholder_unknown(enum config_placeholders set, const char **from, char *why,
    size_t cap)
{
	const char *const *known = set == WR_PLACEHOLDERS_QUERY ? query_placeholders :
	    placeholders;
	const char *open = *from, *close;
	char word[64], list[160];
	size_t len, d, bestd, at;
	const char *best;
	int i;

	while ((open = strchr(open, '{')) != NULL) {
		len = strspn(open + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789_");
		close = open + 1 + len;
		/* A word from a digit on is a count ({2} in a PromQL regular
		 * expression), never a placeholder. */
		if (len == 0 || *close != '}' || len >= sizeof(word) ||
		    isdigit((unsigned char)open[1])) {
			open++;
			continue;
		}
		memcpy(word, open + 1, len);
		word[len] = '\0';
		open = close;
		if (listed(word, known))
			continue;
		best = NULL;
		bestd = 3;
		list[0] = '\0';
		for (i = 0, at = 0; known[i] != NULL; i++) {
			if ((d = wr_edit_distance(word, known[i])) < bestd) {
				bestd = d;
				best = known[i];
			}
			at += (size_t)snprintf(list + at, at < sizeof(list) ? sizeof(list) - at : 0,
			    "%s{%s}", i > 0 ? " " : "", known[i]);
		}
		snprintf(why, cap, "unknown placeholder {%s}%s%s%s (known: %s)", word,
		    best ? " (did you mean {" : "", best ? best : "", best ? "}?)" : "", list);
		*from = close;
		return true;
	}
	*from += strlen(*from);
	return false;
}

/* A {word} that is no placeholder would be sent as written, braces and
 * all: to a public status page, or to Prometheus as a label value that
 * matches nothing. Each is an error, with the one meant. */
static void
check_placeholders(struct parse_state *ps, enum config_placeholders set, const char *name,
    const char *v)
{
	char why[WR_ERR_MAX];

	while (config_placeholder_unknown(set, &v, why, sizeof(why)))
		config_add_error(ps->cfg, ps->line, "%s: %s", name, why);
}

/* A status ("monitoring"), or a status for one outcome of the rollback
 * ("monitoring_unknown"): where its text goes, or NULL. */
static char *
template_slot(struct config *cfg, const char *name)
{
	size_t n;
	int t, k;

	for (t = 0; t < WR_TEMPLATE_COUNT; t++) {
		n = strlen(template_keys[t]);
		if (strncmp(name, template_keys[t], n) != 0)
			continue;
		if (name[n] == '\0')
			return cfg->templates[t];
		for (k = 0; k < WR_TEMPLATE_IF_COUNT; k++)
			if (name[n] == '_' && strcmp(name + n + 1, template_if[k]) == 0)
				return cfg->templates_if[k][t];
	}
	return NULL;
}

static void
handle_templates(struct parse_state *ps, const char *name, const char *v)
{
	char *slot = template_slot(ps->cfg, name);

	if (slot == NULL)
		unknown_key(ps, "templates", name, template_all_keys);
	else if (v[0] == '\0')
		config_add_error(ps->cfg, ps->line, "%s: an empty template", name);
	else if (parse_string(ps, name, v, slot, sizeof(ps->cfg->templates[0])) == 0)
		check_placeholders(ps, WR_PLACEHOLDERS_TEMPLATE, name, v);
}

const char *
config_template_name(int t)
{
	return t >= 0 && t < WR_TEMPLATE_COUNT ? template_keys[t] : "?";
}

const char *
config_template_if_name(int k)
{
	return k >= 0 && k < WR_TEMPLATE_IF_COUNT ? template_if[k] : "?";
}

static void
handle_thresholds(struct parse_state *ps, const char *name, const char *v)
{
	struct config_thresholds *t = &ps->cfg->thresholds;
	int k;

	/* The order check names the lines (threshold_keys' first six). */
	for (k = 0; k < 6; k++)
		if (strcmp(name, threshold_keys[k]) == 0)
			ps->threshold_line[k] = ps->line;
	if (strcmp(name, "error_rate_rollback") == 0)
		parse_percent(ps, name, v, &t->error_rate_rollback);
	else if (strcmp(name, "error_rate_consider") == 0)
		parse_percent(ps, name, v, &t->error_rate_consider);
	else if (strcmp(name, "error_rate_monitor") == 0)
		parse_percent(ps, name, v, &t->error_rate_monitor);
	else if (strcmp(name, "p95_rollback_ms") == 0)
		parse_ms(ps, name, v, &t->p95_rollback_ms);
	else if (strcmp(name, "p95_consider_ms") == 0)
		parse_ms(ps, name, v, &t->p95_consider_ms);
	else if (strcmp(name, "p95_monitor_ms") == 0)
		parse_ms(ps, name, v, &t->p95_monitor_ms);
	else if (strcmp(name, "restarts_rollback") == 0)
		parse_restarts(ps, name, v, &t->restarts_rollback, &t->restarts_window_s);
	else if (strcmp(name, "min_requests") == 0)
		parse_int(ps, name, v, 0, 1000000, &t->min_requests);
	else
		unknown_key(ps, "thresholds", name, threshold_keys);
}

static int host_section_name(const char *section, char *out, size_t cap);
static struct config_host *scratch_host(struct parse_state *ps, const char *name);

static bool
known_section(const char *section)
{
	char name[WR_NAME_MAX];

	return strcmp(section, "warroom") == 0 || strcmp(section, "statuspage") == 0 ||
	    strcmp(section, "thresholds") == 0 || strcmp(section, "chat") == 0 ||
	    strcmp(section, "templates") == 0 ||
	    host_section_name(section, name, sizeof(name)) != 1;
}

static void
unknown_section(struct parse_state *ps, const char *section)
{
	static const char *const known[] = { "warroom", "statuspage", "thresholds", "chat",
		"templates", NULL };
	const char *best = NULL, *const *k;
	char word[16], as_host[160], name[WR_NAME_MAX];
	size_t bestd = 3, d, n = strcspn(section, " ");

	/* [hots "a"]: the quoted name says a host section was meant. Its keys
	 * are checked as a host's, in a host never kept. */
	if (n < sizeof(word) && section[n] == ' ') {
		memcpy(word, section, n);
		word[n] = '\0';
		snprintf(as_host, sizeof(as_host), "host%s", section + n);
		if (wr_edit_distance(word, "host") < bestd &&
		    host_section_name(as_host, name, sizeof(name)) == 0) {
			config_add_error(ps->cfg, ps->line,
			    "unknown section [%s] (did you mean [host \"%s\"]?)", section, name);
			wr_strlcpy(ps->guess, "host", sizeof(ps->guess));
			ps->scope = ps->line;
			ps->host = scratch_host(ps, name);
			return;
		}
	}
	for (k = known; *k != NULL; k++)
		if ((d = wr_edit_distance(section, *k)) < bestd) {
			bestd = d;
			best = *k;
		}
	if (best != NULL) {
		config_add_error(ps->cfg, ps->line,
		    "unknown section [%s] (did you mean [%s]?)", section, best);
		/* Its keys are checked as that section's: their mistakes are
		 * said in this run, not in the one after the header is fixed. */
		wr_strlcpy(ps->guess, best, sizeof(ps->guess));
	}
	else
		config_add_error(ps->cfg, ps->line,
		    "unknown section [%s]: expected [warroom], [host \"name\"], "
		    "[statuspage], [chat], [templates] or [thresholds]", section);
}

/* `host "api-1"` → api-1; NULL when the section is not a host section. */
static int
host_section_name(const char *section, char *out, size_t cap)
{
	size_t len;

	if (strncmp(section, "host", 4) != 0 || (section[4] != ' ' && section[4] != '\0'))
		return 1;
	section += 4;
	while (*section == ' ')
		section++;
	len = strlen(section);
	if (len < 3 || section[0] != '"' || section[len - 1] != '"')
		return -1;
	if (len - 2 >= cap)
		return -1;
	memcpy(out, section + 1, len - 2);
	out[len - 2] = '\0';
	return strchr(out, '"') != NULL || out[0] == '\0' ? -1 : 0;
}

/* A host section that is refused (a bad name, a duplicate) still has its
 * keys checked, into a host that is never kept: the check lists every
 * problem at once, not one more per run. */
static struct config_host *
scratch_host(struct parse_state *ps, const char *name)
{
	if (ps->scratch == NULL)
		ps->scratch = xcalloc(1, sizeof(*ps->scratch));
	memset(ps->scratch, 0, sizeof(*ps->scratch));
	wr_strlcpy(ps->scratch->name, name, sizeof(ps->scratch->name));
	ps->scratch->line = ps->line;
	ps->scratch->tunnel = true;
	return ps->scratch;
}

static void
enter_section(struct parse_state *ps, const char *section)
{
	struct config *cfg = ps->cfg;
	char name[WR_NAME_MAX];
	size_t i;
	int r;

	wr_strlcpy(ps->section, section, sizeof(ps->section));
	ps->guess[0] = '\0';
	ps->host = NULL;
	ps->lost = false;
	ps->scope = 0;
	r = host_section_name(section, name, sizeof(name));
	if (r < 0) {
		config_add_error(cfg, ps->line,
		    "bad host section [%s]: write [host \"name\"]", section);
		return;
	}
	if (r == 0) {
		const char *c;

		/* Host names reach the screen, the journal and ssh -G: keep them plain. */
		for (c = name; *c != '\0'; c++)
			if (!(isalnum((unsigned char)*c) || strchr(".-_", *c))) {
				config_add_error(cfg, ps->line,
				    "host name \"%s\": use letters, digits, '.', '-' and '_'", name);
				ps->scope = ps->line;
				ps->host = scratch_host(ps, name);
				return;
			}
		for (i = 0; i < cfg->nhosts; i++)
			if (strcmp(cfg->hosts[i].name, name) == 0) {
				config_add_error(cfg, ps->line,
				    "duplicate host \"%s\" (first defined at line %d)",
				    name, cfg->hosts[i].line);
				/* One error for the section, not one more per key
				 * the first one set too. */
				ps->scope = ps->line;
				ps->host = scratch_host(ps, name);
				return;
			}
		cfg->hosts = xrealloc(cfg->hosts, (cfg->nhosts + 1) * sizeof(*cfg->hosts));
		ps->host = &cfg->hosts[cfg->nhosts++];
		memset(ps->host, 0, sizeof(*ps->host));
		wr_strlcpy(ps->host->name, name, sizeof(ps->host->name));
		ps->host->line = ps->line;
		ps->host->tunnel = true;
		return;
	}
	if (!known_section(section)) {
		unknown_section(ps, section);
		return;
	}
	if (strcmp(section, "statuspage") == 0) {
		if (ps->statuspage_line != 0) {
			config_add_error(cfg, ps->line,
			    "[statuspage] appears twice (first at line %d)", ps->statuspage_line);
			ps->scope = ps->line;
		}
		ps->statuspage_line = ps->line;
		cfg->statuspage.line = ps->line;
	}
	if (strcmp(section, "chat") == 0) {
		if (cfg->chat.line != 0) {
			config_add_error(cfg, ps->line,
			    "[chat] appears twice (first at line %d)", cfg->chat.line);
			ps->scope = ps->line;
		}
		cfg->chat.line = ps->line;
	}
}


/* Sections are entered here, from the reader, as inih tells the handler
 * nothing about sections without keys or about where a section began. */
static void
note_section(struct parse_state *ps, const char *line)
{
	char text[128], *close;
	const char *p = line;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '[' || (close = strchr(p, ']')) == NULL ||
	    (size_t)(close - p) >= sizeof(text))
		return;
	memcpy(text, p + 1, (size_t)(close - p - 1));
	text[close - p - 1] = '\0';
	wr_trim(text);
	enter_section(ps, text);
}

/* The section a key above every section belongs in, in words. */
static const char *
section_for_key(const char *name)
{
	bool warroom = listed(name, warroom_keys), host = listed(name, host_keys);

	if (warroom && host)
		return "[warroom] (for every host) or a [host \"name\"] section";
	if (warroom)
		return "[warroom]";
	if (host)
		return "a [host \"name\"] section";
	if (listed(name, threshold_keys))
		return "[thresholds]";
	if (listed(name, statuspage_keys))
		return "[statuspage]";
	if (listed(name, chat_keys))
		return "[chat]";
	if (listed(name, template_keys))
		return "[templates]";
	return "its section ([warroom], [host \"name\"], [statuspage], [chat], "
	    "[templates] or [thresholds])";
}

static bool
duplicate_key(struct parse_state *ps, const char *name)
{
	size_t i;

	for (i = 0; i < ps->nseen; i++)
		if (strcmp(ps->seen[i].section, ps->section) == 0 &&
		    ps->seen[i].scope == ps->scope && strcmp(ps->seen[i].name, name) == 0) {
			config_add_error(ps->cfg, ps->line,
			    "'%s' set twice in [%s] (first at line %d)", name,
			    ps->section, ps->seen[i].line);
			return true;
		}
	ps->seen = xrealloc(ps->seen, (ps->nseen + 1) * sizeof(*ps->seen));
	wr_strlcpy(ps->seen[ps->nseen].section, ps->section, sizeof(ps->seen[0].section));
	ps->seen[ps->nseen].scope = ps->scope;
	wr_strlcpy(ps->seen[ps->nseen].name, name, sizeof(ps->seen[0].name));
	ps->seen[ps->nseen].line = ps->line;
	ps->nseen++;
	return false;
}

static int
handler(void *user, const char *section, const char *name, const char *value)
{
	struct parse_state *ps = user;
	char v[WR_URL_MAX + 64];
	size_t before;

	wr_strlcpy(v, value, sizeof(v));
	wr_trim(v);
	if (strstr(v, " #") != NULL && (ps->cfg->nhash_lines == 0 ||
	    ps->cfg->hash_lines[ps->cfg->nhash_lines - 1] != ps->line)) {
		ps->cfg->hash_lines = xrealloc(ps->cfg->hash_lines,
		    (ps->cfg->nhash_lines + 1) * sizeof(int));
		ps->cfg->hash_lines[ps->cfg->nhash_lines++] = ps->line;
	}
	if (ps->lost)
		return 1;  /* under an unreadable section header, reported there */
	if (section[0] == '\0') {
		config_add_error(ps->cfg, ps->line, "'%s' is outside any section: put it "
		    "under %s", name, section_for_key(name));
		return 1;
	}
	if (!known_section(section)) {
		if (ps->guess[0] == '\0')
			return 1;  /* reported once, when the section began */
		section = ps->guess;
	}
	if (ps->host == NULL && strcmp(section, "warroom") != 0 &&
	    strcmp(section, "statuspage") != 0 && strcmp(section, "thresholds") != 0 &&
	    strcmp(section, "chat") != 0 && strcmp(section, "templates") != 0)
		return 1;  /* a bad or duplicate host section, already reported */
	if (duplicate_key(ps, name))
		return 1;
	before = ps->cfg->nerrors;
	if (strcmp(section, "warroom") == 0)
		handle_warroom(ps, name, v);
	else if (strcmp(section, "statuspage") == 0)
		handle_statuspage(ps, name, v);
	else if (strcmp(section, "thresholds") == 0)
		handle_thresholds(ps, name, v);
	else if (strcmp(section, "chat") == 0)
		handle_chat(ps, name, v);
	else if (strcmp(section, "templates") == 0)
		handle_templates(ps, name, v);
	else
		handle_host(ps, name, v);
	if (ps->cfg->nerrors > before)
		key_refused(ps, section, name);
	return 1;
}

/* name's value in section was refused: the checks that need it are
 * skipped, since it would read as missing. */
static void
key_refused(struct parse_state *ps, const char *section, const char *name)
{
	int q;

	if (strcmp(section, "warroom") == 0) {
		if (strcmp(name, "prometheus_url") == 0)
			ps->prom_refused |= PROM_URL_BIT;
		for (q = 0; q < WR_QUERY_COUNT; q++)
			if (strcmp(name, query_names[q]) == 0)
				ps->prom_refused |= 1u << q;
	} else if (strcmp(section, "statuspage") == 0)
		ps->statuspage_bad = true;
	else if (ps->host != NULL)
		ps->host->bad_keys |= host_key_bit(name);
}

/* health_url speaks for one service, the first unless health_service
 * names another; "*" keeps it for every service. */
static void
health_service_resolve(struct config *cfg, struct config_host *h)
{
	int k;

	h->health_svc = 0;
	if (h->health_service[0] == '\0') {
		wr_strlcpy(h->health_service, h->services[0], sizeof(h->health_service));
		return;
	}
	if (strcmp(h->health_service, "*") == 0) {
		h->health_svc = -1;
		return;
	}
	for (k = 0; k < h->nservices; k++)
		if (strcmp(h->services[k], h->health_service) == 0) {
			h->health_svc = k;
			return;
		}
	config_add_error(cfg, h->health_service_line,
	    "host \"%s\": health_service %s is not one of its services", h->name,
	    h->health_service);
}

/* tmpl with every {host} replaced by name, into out[cap]. Host names are
 * letters, digits, '.', '-' and '_' (enter_section), so one can never
 * close or escape a PromQL string. -1 when the result does not fit. */
static int
query_expand(const char *tmpl, const char *name, char *out, size_t cap)
{
	static const char mark[] = "{host}";
	size_t n = 0, add;
	const char *p = tmpl, *at;

	while (true) {
		at = strstr(p, mark);
		add = at != NULL ? (size_t)(at - p) : strlen(p);
		if (n + add >= cap)
			return -1;
		memcpy(out + n, p, add);
		n += add;
		if (at == NULL)
			break;
		add = strlen(name);
		if (n + add >= cap)
			return -1;
		memcpy(out + n, name, add);
		n += add;
		p = at + sizeof(mark) - 1;
	}
	out[n] = '\0';
	return 0;
}

/* Whether a and b ask the same Prometheus server the same query q: they
 * get one figure. */
static bool
same_query(const struct config_host *a, const struct config_host *b, int q)
{
	return config_uses_prometheus(a) && config_uses_prometheus(b) &&
	    a->prom.query[q][0] != '\0' && strcmp(a->prom.url, b->prom.url) == 0 &&
	    strcmp(a->prom.query[q], b->prom.query[q]) == 0;
}

size_t
config_query_shared_with(const struct config *cfg, size_t i, enum config_query q,
    char *out, size_t cap)
{
	struct wr_buf b = { 0 };
	size_t j, n = 0;

	for (j = 0; i < cfg->nhosts && (unsigned)q < WR_QUERY_COUNT && j < cfg->nhosts; j++)
		if (j != i && same_query(&cfg->hosts[i], &cfg->hosts[j], q))
			wr_buf_printf(&b, "%s%s", n++ > 0 ? ", " : "", cfg->hosts[j].name);
	wr_strlcpy(out, b.s != NULL ? b.s : "", cap);
	free(b.s);
	return n;
}

/* Whether url's host is this machine's own (as seen from where it is
 * asked: through SSH, each host's own). */
static bool
url_is_loopback(const char *url)
{
	const char *h = strstr(url, "://");
	char name[16];
	size_t n;

	if (h == NULL)
		return false;
	h += 3;
	if (h[0] == '[')
		return strncmp(h, "[::1]", 5) == 0;
	n = strcspn(h, ":/?#");
	snprintf(name, sizeof(name), "%.*s", (int)(n < sizeof(name) ? n : 0), h);
	return wr_streq_ci(name, "localhost") || strncmp(h, "127.", 4) == 0;
}

/* A warning, "file:line: message", after those found before it. */
static void
config_add_warning(struct config *cfg, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
config_add_warning(struct config *cfg, int line, const char *fmt, ...)
{
	char msg[WR_ERR_MAX + 512], full[sizeof(msg) + WR_PATH_MAX + 16];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	hash_hint(cfg, line, msg, sizeof(msg));
	snprintf(full, sizeof(full), "%s:%d: %s", cfg->file, line, msg);
	cfg->warnings = xrealloc(cfg->warnings, (cfg->nwarnings + 1) * sizeof(char *));
	cfg->warnings[cfg->nwarnings++] = sanitize_dup(full, strlen(full), NULL);
}

/* A query without {host} that several hosts ask one server gives each of
 * them the same figure, the fleet's: a bad host's errors diluted by the
 * good ones (never ROLLBACK IMMEDIATELY), a healthy host blamed for them.
 * Not refused: through SSH, each host's 127.0.0.1 may be a Prometheus of
 * its own, which the file cannot tell. One warning per group of hosts,
 * naming each query they share, at the line of the first one. */
static void
shared_queries(struct config *cfg)
{
	struct wr_buf names = { 0 }, keys = { 0 };
	char *last;
	size_t i, j, n;
	int q, q2, nq, line;
	bool own, same;

	for (q = 0; q < WR_QUERY_COUNT; q++)
		for (i = 0; i < cfg->nhosts; i++) {
			struct config_host *h = &cfg->hosts[i];

			if (h->prom.query_shared[q] || !config_uses_prometheus(h))
				continue;
			names.len = keys.len = 0;
			own = h->tunnel && url_is_loopback(h->prom.url);
			for (j = i + 1, n = 0; j < cfg->nhosts; j++) {
				if (!same_query(h, &cfg->hosts[j], q))
					continue;
				own = own && cfg->hosts[j].tunnel;
				wr_buf_printf(&names, "%s%s", n++ > 0 ? ", " : "", cfg->hosts[j].name);
			}
			if (n == 0)
				continue;
			/* The later queries the same hosts share go in the same words. */
			line = h->prom.query_line[q];
			for (q2 = q, nq = 0; q2 < WR_QUERY_COUNT; q2++) {
				for (j = 0, same = true; j < cfg->nhosts && same; j++)
					same = j == i || same_query(h, &cfg->hosts[j], q2) ==
					    same_query(h, &cfg->hosts[j], q);
				if (!same)
					continue;
				for (j = i; j < cfg->nhosts; j++)
					if (j == i || same_query(h, &cfg->hosts[j], q2))
						cfg->hosts[j].prom.query_shared[q2] = true;
				if (h->prom.query_line[q2] < line)
					line = h->prom.query_line[q2];
				wr_buf_printf(&keys, "%s%s", nq++ > 0 ? " and " : "", query_names[q2]);
			}
			/* The last name after "and": "a, b and c". */
			last = strrchr(names.s, ',');
			config_add_warning(cfg, line, "%s %s no {host}: hosts %s%s%.*s%s%s ask %s "
			    "the same %s, so each verdict rests on one fleet-wide figure (a bad "
			    "host diluted, healthy ones blamed); select each host's series with "
			    "{host}, such as host=\"{host}\"%s", keys.s, nq > 1 ? "have" : "has",
			    h->name, last ? ", " : " and ",
			    last ? (int)(last - names.s) : (int)names.len, names.s,
			    last ? " and" : "", last ? last + 1 : "", h->prom.url,
			    nq > 1 ? "queries" : "query", own ? " (unless each host's own "
			    "Prometheus answers there, through its SSH connection)" : "");
		}
	free(names.s);
	free(keys.s);
}

/* Where h's metrics come from: its own metrics_url, or Prometheus with its
 * own settings over [warroom]'s. Leaves h->prom.url empty unless the host
 * reads Prometheus, and its queries filled in. refused: the Prometheus keys
 * whose value was refused (bit q, PROM_URL_BIT), here or in [warroom]. */
static void
prometheus_resolve(struct config *cfg, struct config_host *h, unsigned refused)
{
	const struct config_prometheus *def = &cfg->prom;
	struct config_prometheus *own = &h->prom;
	char tmpl[WR_QUERY_MAX];
	int q, line;

	if (h->metrics_url[0] != '\0' && own->url[0] != '\0') {
		config_add_error(cfg, own->url_line > h->metrics_url_line ? own->url_line :
		    h->metrics_url_line, "host \"%s\": set metrics_url or prometheus_url, not both",
		    h->name);
		return;
	}
	if (h->metrics_url[0] != '\0' || (own->url[0] == '\0' && def->url[0] == '\0' &&
	    (refused & PROM_URL_BIT) == 0)) {
		/* A query of its own would do nothing, silently. */
		for (q = 0; q < WR_QUERY_COUNT; q++)
			if (own->query[q][0] != '\0')
				config_add_error(cfg, own->query_line[q], h->metrics_url[0] != '\0' ?
				    "host \"%s\": %s is for Prometheus, but the host scrapes its metrics_url" :
				    "host \"%s\": %s needs a prometheus_url (here or in [warroom])",
				    h->name, query_names[q]);
		return;
	}
	if (own->url[0] == '\0') {
		wr_strlcpy(own->url, def->url, sizeof(own->url));
		own->url_line = def->url_line;
	}
	for (q = 0; q < WR_QUERY_COUNT; q++) {
		line = own->query[q][0] != '\0' ? own->query_line[q] : def->query_line[q];
		wr_strlcpy(tmpl, own->query[q][0] != '\0' ? own->query[q] : def->query[q],
		    sizeof(tmpl));
		own->query_line[q] = line;
		if (tmpl[0] == '\0') {
			if (q != WR_QUERY_REQUEST_RATE && q != WR_QUERY_UP &&
			    (refused & 1u << q) == 0)
				config_add_error(cfg, h->line, "host \"%s\": metrics from Prometheus "
				    "need %s (in [host \"%s\"] or [warroom])", h->name, query_names[q],
				    h->name);
			continue;
		}
		own->query_has_host[q] = strstr(tmpl, "{host}") != NULL;
		if (query_expand(tmpl, h->name, own->query[q], sizeof(own->query[q])) != 0) {
			own->query[q][0] = '\0';
			config_add_error(cfg, line, "host \"%s\": %s is longer than %d bytes once "
			    "{host} is filled in", h->name, query_names[q], WR_QUERY_MAX - 1);
		}
	}
	/* The figures the verdict judges reach back this far: after a
	 * rollback, that long still counts the old release. */
	own->window_s = 0;
	for (q = 0; q < WR_QUERY_COUNT; q++)
		if ((q == WR_QUERY_ERROR_RATE || q == WR_QUERY_P95) &&
		    metrics_query_range_s(own->query[q]) > own->window_s)
			own->window_s = metrics_query_range_s(own->query[q]);
	if (own->window_s == 0)
		own->window_s = WR_PROM_WINDOW_S;
}

bool
config_uses_prometheus(const struct config_host *h)
{
	return h->prom.url[0] != '\0';
}

/* One threshold as the order check names it: "error_rate_consider (2%,
 * the default)" or "p95_monitor_ms (800 ms, line 4)". */
static void
threshold_words(const struct parse_state *ps, int k, double v, char *out, size_t cap)
{
	char at[32];

	if (ps->threshold_line[k] != 0)
		snprintf(at, sizeof(at), "line %d", ps->threshold_line[k]);
	else
		wr_strlcpy(at, "the default", sizeof(at));
	if (k < 3)
		snprintf(out, cap, "%s (%g%%, %s)", threshold_keys[k], v * 100, at);
	else
		snprintf(out, cap, "%s (%g ms, %s)", threshold_keys[k], v, at);
}

/* v[] holds rollback, consider, monitor (threshold_keys from first on):
 * each limit at most the next. A pair out of order is said at the line
 * of the key that was set last, with both values, since one of them may
 * be a default the file never mentions. */
static void
thresholds_order(struct parse_state *ps, int first, const double v[3], const char *what)
{
	char hi[128], lo[128];
	int k, line;

	for (k = 0; k < 2; k++) {
		if (v[k + 1] <= v[k])
			continue;
		threshold_words(ps, first + k + 1, v[k + 1], lo, sizeof(lo));
		threshold_words(ps, first + k, v[k], hi, sizeof(hi));
		line = ps->threshold_line[first + k] > ps->threshold_line[first + k + 1] ?
		    ps->threshold_line[first + k] : ps->threshold_line[first + k + 1];
		config_add_error(ps->cfg, line, "[thresholds]: %s is above %s: %s must rise "
		    "from monitor to consider to rollback", lo, hi, what);
	}
}

/* The host keys that only some drivers read: one set on a host of another
 * driver would be ignored without a word, so it is refused. */
static const struct driver_key {
	const char *name;
	unsigned drivers;            /* 1u << enum config_driver, each that reads it */
	const char *which;           /* those drivers, in words */
	size_t line;                 /* offsetof its line in struct config_host */
} driver_keys[] = {
	{ "compose_dir", 1u << DRIVER_COMPOSE, "driver compose",
	  offsetof(struct config_host, compose_dir_line) },
	{ "namespace", 1u << DRIVER_K8S | 1u << DRIVER_HELM, "drivers k8s and helm",
	  offsetof(struct config_host, namespace_line) },
};

/* dk set in h, whose driver does not read it: said at the key's line,
 * with the host's driver and where that came from. */
static void
driver_key_check(struct config *cfg, const struct config_host *h,
    const struct driver_key *dk)
{
	int line = *(const int *)(const void *)((const char *)h + dk->line);
	char from[48];

	if (line == 0 || (dk->drivers & 1u << h->driver) != 0)
		return;
	if (h->driver_line != 0)
		snprintf(from, sizeof(from), "line %d", h->driver_line);
	else
		wr_strlcpy(from, "the default: its section sets no driver", sizeof(from));
	config_add_error(cfg, line, "host \"%s\": %s is only for %s, and this host's "
	    "driver is %s (%s)", h->name, dk->name, dk->which, config_driver_name(h->driver),
	    from);
}

static void
validate(struct parse_state *ps)
{
	struct config *cfg = ps->cfg;
	struct config_thresholds *t = &cfg->thresholds;
	size_t i, k;

	for (i = 0; i < cfg->nhosts; i++) {
		struct config_host *h = &cfg->hosts[i];

		if (h->driver != DRIVER_COMPOSE && h->namespace_[0] == '\0')
			wr_strlcpy(h->namespace_, "default", sizeof(h->namespace_));
		/* One mistake, one message: a check that needs a key whose value
		 * was refused is skipped (a bad driver does not also report the
		 * compose_dir it made necessary). Anything else, an unknown key
		 * above all, hides nothing: every problem in one run. */
		if (!host_key_bad(h, (const char *const[]){ "services", NULL })) {
			if (h->nservices == 0)
				config_add_error(cfg, h->line,
				    "host \"%s\": no services (add services = name …)", h->name);
			else if (!host_key_bad(h, (const char *const[]){ "health_service", NULL }))
				health_service_resolve(cfg, h);
		}
		if (!host_key_bad(h, (const char *const[]){ "driver", NULL })) {
			if (h->driver == DRIVER_COMPOSE && h->compose_dir_line == 0 &&
			    !host_key_bad(h, (const char *const[]){ "compose_dir", NULL }))
				config_add_error(cfg, h->line,
				    "host \"%s\": driver compose needs compose_dir", h->name);
			for (k = 0; k < WR_ARRAY_LEN(driver_keys); k++)
				driver_key_check(cfg, h, &driver_keys[k]);
		}
		if (h->metrics_token_env[0] != '\0' && h->metrics_token_file.path[0] != '\0')
			config_add_error(cfg, h->metrics_token_file.line,
			    "host \"%s\": set metrics_token_env or metrics_token_file, not both",
			    h->name);
		/* A refused query would read as one missing, a refused
		 * metrics_url as none: the checks they decide are skipped. A
		 * refused URL still needs its queries, said now. */
		if (!host_key_bad(h, (const char *const[]){ "metrics_url", NULL })) {
			unsigned refused = ps->prom_refused;
			int q;

			if (host_key_bad(h, (const char *const[]){ "prometheus_url", NULL }))
				refused |= PROM_URL_BIT;
			for (q = 0; q < WR_QUERY_COUNT; q++)
				if (host_key_bad(h, (const char *const[]){ query_names[q], NULL }))
					refused |= 1u << q;
			prometheus_resolve(cfg, h, refused);
		}
	}
	if (ps->statuspage_line != 0 && !ps->statuspage_bad) {
		struct config_statuspage *sp = &cfg->statuspage;

		if (sp->kind == STATUSPAGE_NONE)
			config_add_error(cfg, sp->line, "[statuspage] needs kind = atlassian, cachet or cachet3");
		if (sp->url[0] == '\0')
			config_add_error(cfg, sp->line, "[statuspage] needs url");
		if (sp->token_env[0] == '\0' && sp->token_file.path[0] == '\0')
			config_add_error(cfg, sp->line,
			    "[statuspage] needs token_env or token_file");
		if (sp->token_env[0] != '\0' && sp->token_file.path[0] != '\0')
			config_add_error(cfg, sp->token_file.line,
			    "[statuspage]: set token_env or token_file, not both");
	}
	if (cfg->chat.line != 0) {
		const struct config_chat *c = &cfg->chat;

		if (c->webhook_url_env[0] == '\0' && c->webhook_url_file.path[0] == '\0')
			config_add_error(cfg, c->line,
			    "[chat] needs webhook_url_env or webhook_url_file (the URL is a secret)");
		if (c->webhook_url_env[0] != '\0' && c->webhook_url_file.path[0] != '\0')
			config_add_error(cfg, c->webhook_url_file.line,
			    "[chat]: set webhook_url_env or webhook_url_file, not both");
	}
	shared_queries(cfg);
	thresholds_order(ps, 0, (double[]){ t->error_rate_rollback, t->error_rate_consider,
	    t->error_rate_monitor }, "error rates");
	thresholds_order(ps, 3, (double[]){ t->p95_rollback_ms, t->p95_consider_ms,
	    t->p95_monitor_ms }, "p95 limits");
}

int
config_parse(struct config *cfg, const char *buf, size_t len,
    const struct config_env *env)
{
	struct parse_state ps = { .cfg = cfg, .env = env };
	size_t before = cfg->nerrors;
	struct ini_lines il;
	int r;

	ini_lines_init(&il, buf, len);
	il.on_line = on_line;
	il.on_bad = on_bad;
	il.arg = &ps;
	r = ini_parse_stream(ini_lines_read, &il, handler, &ps);
	/* on_line reported every line inih could not read; this is only for a
	 * rule of inih's it does not mirror. */
	if (r > 0 && !ps.unreadable_seen)
		config_add_error(cfg, r,
		    "cannot read this line: expected 'key = value' or a [section]");
	else if (r < 0)
		config_add_error(cfg, 0, "cannot read the file");
	validate(&ps);
	free(ps.seen);
	free(ps.scratch);
	return cfg->nerrors > before ? -1 : 0;
}

/* ---- the resolved view for --check-config ---- */

/* The description quotes values as written (an address, a path) and goes
 * to a terminal: each line passes the sanitizer (DESIGN §3.5), so a control
 * in the file shows as ^X. Takes raw; returns a new string. */
static char *
describe_clean(char *raw)
{
	struct wr_buf out = { 0 };
	const char *p = raw;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p), clen;
		char *line = sanitize_dup(p, n, &clen);

		wr_buf_add(&out, line, clen);
		if (nl != NULL)
			wr_buf_add(&out, "\n", 1);
		free(line);
		p += n + (nl != NULL);
	}
	free(raw);
	return wr_buf_take(&out);
}

bool
config_probes_service(const struct config_host *h, int svc)
{
	return h->health_url[0] != '\0' && (h->health_svc < 0 || h->health_svc == svc);
}

void
log_buffer_words(size_t bytes, char *out, size_t cap)
{
	static const char *const units[] = { "bytes", "KiB", "MiB", "GiB" };
	unsigned u = 0;

	/* The largest unit that says it exactly: 1536 KiB, not 1.5 MiB. */
	while (u < 3 && bytes >= 1024 && bytes % 1024 == 0) {
		bytes /= 1024;
		u++;
	}
	snprintf(out, cap, "%zu %s", bytes, units[u]);
}

char *
config_describe(const struct config *cfg)
{
	return config_describe_where(cfg, NULL, NULL);
}

char *
config_describe_where(const struct config *cfg, const struct config_where *where,
    const struct config_who *who)
{
	struct wr_buf sb = { 0 };
	const struct config_thresholds *t = &cfg->thresholds;
	char win[32], armt[32], lbuf[32];
	size_t i;
	int j;

	armwords_length(cfg->arm_ms, armt, sizeof(armt));
	wr_buf_printf(&sb, "config: %s\n", cfg->file);
	wr_buf_printf(&sb, "read_only: %s\n", cfg->read_only ? "true" : "false");
	wr_buf_printf(&sb, "timeline_dir: %s\n", cfg->timeline_dir);
	wr_buf_printf(&sb, "theme: %s\n", cfg->theme);
	if (who != NULL) {
		char actor[512];

		actor_source(who->as, cfg->actor, cfg->actor_line, who->account, actor,
		    sizeof(actor));
		wr_buf_printf(&sb, "actor: %s\n", actor);
	}
	/* The file K adds keys to; each host's list (ssh_config's files too)
	 * follows it when ssh -G was asked. */
	wr_buf_printf(&sb, "known_hosts: %s\n", cfg->known_hosts.path[0] ?
	    cfg->known_hosts.path : "none named here (ssh_config's files only; K cannot "
	    "add a key)");
	wr_buf_printf(&sb, "ssh_config: %s\n",
	    cfg->ssh_config.path[0] ? cfg->ssh_config.path : "~/.ssh/config (as ssh reads it)");
	wr_buf_printf(&sb, "intervals: poll %ds, probes %ds, metrics %ds\n", cfg->poll_ms / 1000,
	    cfg->probe_ms / 1000, cfg->metrics_ms / 1000);
	wr_buf_printf(&sb, "arming lasts %s; health gate %ds; an action's command %ds\n",
	    armt, cfg->health_timeout_ms / 1000,
	    cfg->step_timeout_ms / 1000);
	log_buffer_words(cfg->log_buffer_bytes, lbuf, sizeof(lbuf));
	wr_buf_printf(&sb, "log_buffer: %s (all tailed services share it)\n", lbuf);
	wr_buf_printf(&sb, "hosts: %zu\n", cfg->nhosts);
	for (i = 0; i < cfg->nhosts; i++) {
		const struct config_host *h = &cfg->hosts[i];
		char hp[300];

		if (where != NULL && where[i].endpoint != NULL)
			wr_buf_printf(&sb, "  %s: %s driver=%s", h->name, where[i].endpoint,
			    config_driver_name(h->driver));
		else {
			sshcfg_hostport(h->address[0] ? h->address : h->name, h->port ? h->port : 22,
			    hp, sizeof(hp));
			wr_buf_printf(&sb, "  %s: %s%s%s driver=%s", h->name,
			    h->user[0] ? h->user : "", h->user[0] ? "@" : "", hp,
			    config_driver_name(h->driver));
		}
		if (h->driver == DRIVER_COMPOSE)
			wr_buf_printf(&sb, " compose_dir=%s", h->compose_dir);
		else
			wr_buf_printf(&sb, " namespace=%s", h->namespace_);
		wr_buf_printf(&sb, " services=");
		for (j = 0; j < h->nservices; j++)
			wr_buf_printf(&sb, "%s%s", j ? "," : "", h->services[j]);
		if (h->read_only)
			wr_buf_printf(&sb, " read_only");
		if (where != NULL && where[i].name_is_address)
			wr_buf_printf(&sb, " (no address here or in ssh_config: the name is the "
			    "address)");
		wr_buf_printf(&sb, "\n");
		if (h->health_url[0])
			wr_buf_printf(&sb, "    health_url=%s%s for %s\n", h->health_url,
			    h->tunnel ? " (through SSH)" : " (direct)",
			    h->health_svc < 0 ? "every service" : h->health_service);
		if (h->metrics_url[0])
			wr_buf_printf(&sb, "    metrics_url=%s\n", h->metrics_url);
		if (config_uses_prometheus(h)) {
			wr_buf_printf(&sb, "    metrics from Prometheus: prometheus_url=%s%s\n",
			    h->prom.url, h->tunnel ? " (through SSH)" : " (direct)");
			for (j = 0; j < WR_QUERY_COUNT; j++)
				if (h->prom.query[j][0])
					wr_buf_printf(&sb, "      %s=%s\n", query_names[j], h->prom.query[j]);
			decide_format_window(h->prom.window_s, win, sizeof(win));
			wr_buf_printf(&sb, "      window %s (%s)\n", win,
			    metrics_query_range_s(h->prom.query[WR_QUERY_ERROR_RATE]) > 0 ||
			    metrics_query_range_s(h->prom.query[WR_QUERY_P95]) > 0 ?
			    "the longest range in error_rate_query, p95_query" :
			    "the default: no range in error_rate_query, p95_query");
		}
		if (h->metrics_token_env[0])
			wr_buf_printf(&sb, "    metrics token: from $%s\n", h->metrics_token_env);
		if (h->metrics_token_file.path[0])
			wr_buf_printf(&sb, "    metrics token: from file %s\n",
			    h->metrics_token_file.path);
		if (h->identity_file.path[0])
			wr_buf_printf(&sb, "    identity_file=%s\n", h->identity_file.path);
		if (where != NULL && where[i].known_hosts != NULL)
			wr_buf_printf(&sb, "    known_hosts: %s\n", where[i].known_hosts);
	}
	if (cfg->statuspage.kind != STATUSPAGE_NONE) {
		const struct config_statuspage *sp = &cfg->statuspage;

		wr_buf_printf(&sb, "statuspage: %s %s, token from %s%s\n",
		    config_statuspage_kind_name(sp->kind), sp->url,
		    sp->token_env[0] ? "$" : "file ",
		    sp->token_env[0] ? sp->token_env : sp->token_file.path);
		for (int k = 0; k < sp->ncomponents; k++)
			wr_buf_printf(&sb, "statuspage component: %s (%s while open)\n",
			    sp->components[k], sp->component_status[k]);
	} else
		wr_buf_printf(&sb, "statuspage: none\n");
	if (cfg->chat.line != 0)
		wr_buf_printf(&sb, "chat: webhook URL from %s%s\n", cfg->chat.webhook_url_env[0] ?
		    "$" : "file ", cfg->chat.webhook_url_env[0] ? cfg->chat.webhook_url_env :
		    cfg->chat.webhook_url_file.path);
	else
		wr_buf_printf(&sb, "chat: none\n");
	wr_buf_printf(&sb,
	    "thresholds: error rate rollback>%g%% consider>%g%% monitor>%g%%; "
	    "p95 rollback>%gms consider>%gms monitor>%gms; restarts %d/%ds; "
	    "min_requests %d\n",
	    t->error_rate_rollback * 100, t->error_rate_consider * 100,
	    t->error_rate_monitor * 100, t->p95_rollback_ms, t->p95_consider_ms,
	    t->p95_monitor_ms, t->restarts_rollback, t->restarts_window_s, t->min_requests);
	return describe_clean(wr_buf_take(&sb));
}
