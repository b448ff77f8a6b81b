/*
 * config_files.c — reads warroom.conf from disk and checks the files it
 * names: known_hosts must exist; identity files must be private keys that
 * ssh would use (not the .pub, not readable by others, not RSA or DSA,
 * which libssh2 cannot sign with); token files must be regular files owned
 * by the user with no group or other access (opened with O_NOFOLLOW and
 * checked with fstat, so a symlink cannot swap them). The config itself,
 * ssh_config and known_hosts decide where the console connects, what ssh
 * runs and which keys are trusted: nobody but the user (or root) may be
 * able to write them, as OpenSSH requires of its own config.
 */
#include "config.h"
#include "warroom/config_files.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONFIG_MAX_BYTES (4 * 1024 * 1024)

#ifndef EXAMPLEDIR
#define EXAMPLEDIR "/usr/local/share/doc/warroom/examples"
#endif

const char *
config_example_path(void)
{
	static const char *const paths[] = {
		EXAMPLEDIR "/warroom.conf",
#ifdef WR_SRC_EXAMPLEDIR
		WR_SRC_EXAMPLEDIR "/warroom.conf",
#endif
	};
	size_t i;

	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		if (access(paths[i], R_OK) == 0)
			return paths[i];
	return NULL;
}

static int
read_whole(const char *path, char **out, size_t *len, struct stat *stp, struct wr_err *err)
{
	struct stat st;
	char *buf;
	size_t got = 0;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return wr_err_set(err, "cannot open: %s", strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return wr_err_set(err, "not a regular file");
	}
	if (st.st_size > CONFIG_MAX_BYTES) {
		close(fd);
		return wr_err_set(err, "too large (%lld bytes)", (long long)st.st_size);
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	buf[got] = '\0';
	*out = buf;
	*len = got;
	*stp = st;
	return 0;
}

int
secret_check_file(const char *path, struct wr_err *err)
{
	char scratch[8192];

	return secret_read_file(path, scratch, sizeof(scratch), err);
}

int
secret_read(const char *env, const char *path, const char *what, char *out, size_t cap,
    struct wr_err *err)
{
	const char *v;

	if (env[0] != '\0') {
		if ((v = getenv(env)) == NULL || *v == '\0')
			return wr_err_set(err, "%s: $%s is not set", what, env);
		if (!wr_strlcpy(out, v, cap))
			return wr_err_set(err, "%s: $%s is too long", what, env);
	} else if (path[0] != '\0') {
		if (secret_read_file(path, out, cap, err) != 0)
			return -1;
	} else
		return wr_err_set(err, "%s: neither an environment variable nor a file is set",
		    what);
	if (strpbrk(out, "\r\n") != NULL)
		return wr_err_set(err, "%s holds a line break", what);
	return 0;
}

int
secret_read_file(const char *path, char *out, size_t cap, struct wr_err *err)
{
	struct stat st;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		if (errno == ELOOP)
			return wr_err_set(err, "secret file %s is a symlink: name the file itself",
			    path);
		return wr_err_set(err, "cannot open secret file %s: %s", path, strerror(errno));
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return wr_err_set(err, "secret file %s is not a regular file", path);
	}
	if (st.st_uid != getuid()) {
		close(fd);
		return wr_err_set(err, "secret file %s is not owned by you (uid %u)", path,
		    (unsigned)st.st_uid);
	}
	if ((st.st_mode & 077) != 0) {
		close(fd);
		return wr_err_set(err,
		    "secret file %s is readable by group or others (mode %04o): chmod 600 %s",
		    path, (unsigned)(st.st_mode & 07777), path);
	}
	n = read(fd, out, cap - 1);
	close(fd);
	if (n < 0)
		return wr_err_set(err, "cannot read secret file %s: %s", path, strerror(errno));
	if ((size_t)n == cap - 1)
		return wr_err_set(err, "secret file %s is too large", path);
	out[n] = '\0';
	while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		out[--n] = '\0';
	if (n == 0)
		return wr_err_set(err, "secret file %s is empty", path);
	return 0;
}

/* A readable regular file; decides (in words), when set: what others
 * could change by writing it, so they must not be able to. */
static void
check_readable(struct config *cfg, const struct config_file_ref *ref,
    const char *what, const char *decides)
{
	char why[WR_ERR_MAX];
	struct stat st;

	if (ref->path[0] == '\0')
		return;
	if (stat(ref->path, &st) != 0 && errno == ENOENT && strcmp(what, "known_hosts") == 0)
		/* The example config names one that does not exist yet: the
		 * first error a new user sees, so it says the way out. */
		config_add_error(cfg, ref->line, "%s %s: %s: create it (touch %s) and trust "
		    "each host with K, or point known_hosts at ~/.ssh/known_hosts", what,
		    ref->path, strerror(ENOENT), ref->path);
	else if (stat(ref->path, &st) != 0)
		config_add_error(cfg, ref->line, "%s %s: %s", what, ref->path,
		    strerror(errno));
	else if (!S_ISREG(st.st_mode))
		config_add_error(cfg, ref->line, "%s %s is not a regular file", what,
		    ref->path);
	else if (access(ref->path, R_OK) != 0)
		config_add_error(cfg, ref->line, "%s %s: %s", what, ref->path,
		    strerror(errno));
	else if (decides != NULL && config_file_trusted(what, ref->path, decides,
	    (unsigned)st.st_mode, (unsigned)st.st_uid, (unsigned)getuid(), why,
	    sizeof(why)) != 0)
		config_add_error(cfg, ref->line, "%s", why);
}

int
identity_file_check(const char *path, enum sshkey_kind *kind, struct wr_err *err)
{
	char buf[8192], why[WR_ERR_MAX];
	struct stat st;
	size_t got = 0;
	ssize_t n = 0;
	int fd;

	/* O_NONBLOCK: a FIFO named by mistake must not hang the login. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		return wr_err_set(err, "cannot open: %s", strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return wr_err_set(err, "not a regular file");
	}
	/* The markers sit at the top; a key is a few kB at most. */
	while (got < sizeof(buf) && ((n = read(fd, buf + got, sizeof(buf) - got)) > 0 ||
	    (n < 0 && errno == EINTR)))
		got += n > 0 ? (size_t)n : 0;
	close(fd);
	if (n < 0)
		return wr_err_set(err, "cannot read: %s", strerror(errno));
	if (sshkey_identity_check(path, buf, got, (unsigned)st.st_mode, st.st_uid == getuid(),
	    why, sizeof(why)) != 0)
		return wr_err_set(err, "%s", why);
	*kind = sshkey_private_kind(buf, got);
	return 0;
}

/* An identity file that exists must be a private key ssh would use: a
 * .pub or a stray text file would otherwise pass here and fail at login
 * as a key the server "refused". */
static void
check_identity(struct config *cfg, const struct config_file_ref *ref)
{
	enum sshkey_kind kind;
	struct wr_err err;
	size_t before = cfg->nerrors;
	char buf[8192];
	ssize_t n;
	int fd;

	check_readable(cfg, ref, "identity_file", NULL);
	if (ref->path[0] == '\0' || cfg->nerrors != before)
		return;
	if (identity_file_check(ref->path, &kind, &err) != 0) {
		config_add_error(cfg, ref->line, "identity_file %s: %s", ref->path, err.msg);
		return;
	}
	/* The login would skip an RSA or DSA key (DESIGN §7), behind a
	 * passphrase too: the agent's copy is skipped as well. */
	if ((fd = open(ref->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		return;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	kind = n > 0 ? sshkey_private_algo(buf, (size_t)n) : SSHKEY_UNKNOWN;
	if (kind == SSHKEY_RSA || kind == SSHKEY_DSA)
		config_add_error(cfg, ref->line, "identity_file %s: an %s key cannot sign here "
		    "(libssh2 1.10 has no rsa-sha2, OpenSSH refuses ssh-rsa and ssh-dss); use an "
		    "ed25519 or ecdsa key (ssh-keygen -t ed25519)", ref->path,
		    sshkey_kind_name(kind));
	explicit_bzero(buf, sizeof(buf));
}

/* timeline_dir as the config sets it (the default is made at the first
 * incident, wherever HOME is): a directory, or one that can be made. The
 * console would otherwise stop at its first incident. */
static void
check_timeline_dir(struct config *cfg)
{
	char up[WR_PATH_MAX], *slash;
	struct stat st;

	if (cfg->timeline_dir_line == 0)
		return;
	if (stat(cfg->timeline_dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			config_add_error(cfg, cfg->timeline_dir_line, "timeline_dir %s is not a "
			    "directory", cfg->timeline_dir);
		return;
	}
	if (errno != ENOENT && errno != ENOTDIR) {
		config_add_error(cfg, cfg->timeline_dir_line, "timeline_dir %s: %s",
		    cfg->timeline_dir, strerror(errno));
		return;
	}
	/* Missing: the nearest existing parent must let us make it. */
	wr_strlcpy(up, cfg->timeline_dir, sizeof(up));
	while ((slash = strrchr(up, '/')) != NULL) {
		if (slash == up)
			slash[1] = '\0';
		else
			*slash = '\0';
		if (stat(up, &st) == 0) {
			if (!S_ISDIR(st.st_mode))
				config_add_error(cfg, cfg->timeline_dir_line, "timeline_dir %s cannot "
				    "be made: %s is not a directory", cfg->timeline_dir, up);
			else if (access(up, W_OK | X_OK) != 0)
				config_add_error(cfg, cfg->timeline_dir_line, "timeline_dir %s cannot "
				    "be made in %s: %s", cfg->timeline_dir, up, strerror(errno));
			return;
		}
		if ((errno != ENOENT && errno != ENOTDIR) || slash == up) {
			config_add_error(cfg, cfg->timeline_dir_line, "timeline_dir %s: %s: %s",
			    cfg->timeline_dir, up, strerror(errno));
			return;
		}
	}
}

static void
check_secret(struct config *cfg, const struct config_file_ref *ref)
{
	struct wr_err err;

	if (ref->path[0] != '\0' && secret_check_file(ref->path, &err) != 0)
		config_add_error(cfg, ref->line, "%s", err.msg);
}

int
config_load(struct config *cfg, const char *path)
{
	struct config_env env = {
		.home = getenv("HOME"),
		.xdg_state_home = getenv("XDG_STATE_HOME"),
	};
	char dir[WR_PATH_MAX], base[WR_PATH_MAX], file[WR_PATH_MAX + 2], *abs = NULL;
	char why[WR_ERR_MAX];
	struct wr_err err;
	struct stat st = { 0 };
	size_t len = 0, i, before;
	char *buf = NULL;

	/* Paths in the file are relative to its directory, made absolute
	 * here (and the file's own name with them): a fix, the journal or a
	 * post-mortem read later, elsewhere, must name the same file. */
	wr_strlcpy(dir, path, sizeof(dir));
	env.config_dir = dirname(dir);
	if (env.config_dir[0] != '/' && (abs = realpath(env.config_dir, NULL)) != NULL) {
		wr_strlcpy(base, path, sizeof(base));
		snprintf(file, sizeof(file), "%s/%s", abs, basename(base));
		env.config_dir = abs;
		path = file;
	}
	config_init(cfg, path, &env);
	if (read_whole(path, &buf, &len, &st, &err) != 0) {
		config_add_error(cfg, 0, "%s", err.msg);
		free(abs);
		return -1;
	}
	before = cfg->nerrors;
	if (config_file_trusted("config", path, "where the console connects and what it "
	    "runs", (unsigned)st.st_mode, (unsigned)st.st_uid, (unsigned)getuid(), why,
	    sizeof(why)) != 0)
		config_add_error(cfg, 0, "%s", why);
	config_parse(cfg, buf, len, &env);
	free(buf);
	free(abs);
	check_readable(cfg, &cfg->known_hosts, "known_hosts", "which host keys are trusted");
	check_readable(cfg, &cfg->ssh_config, "ssh_config",
	    "what ssh runs to reach a host (ProxyCommand)");
	check_timeline_dir(cfg);
	for (i = 0; i < cfg->nhosts; i++) {
		check_identity(cfg, &cfg->hosts[i].identity_file);
		check_secret(cfg, &cfg->hosts[i].metrics_token_file);
	}
	check_secret(cfg, &cfg->statuspage.token_file);
	check_secret(cfg, &cfg->chat.webhook_url_file);
	return cfg->nerrors > before ? -1 : 0;
}
