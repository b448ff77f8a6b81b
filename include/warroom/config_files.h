/*
 * config_files.h — loading warroom.conf from disk and checking the files it
 * names (existence, identity files that are private keys ssh would use, and
 * the 0600 rule for secrets). The pure parse is config.h; this is the part
 * that touches the filesystem.
 */
#ifndef WARROOM_CONFIG_FILES_H
#define WARROOM_CONFIG_FILES_H

#include "warroom/config.h"
#include "warroom/sshkey.h"

/* Read and parse path, then check every file it names. Returns 0, or -1
 * with every problem in cfg->errors. cfg must be freed with config_free. */
int config_load(struct config *cfg, const char *path);

/* Read a secret from a file that must be regular, owned by us and not
 * readable by group or others. Trailing newlines are dropped. */
int secret_read_file(const char *path, char *out, size_t cap, struct wr_err *err);

/* A secret from the environment variable env (when set in the config) or
 * else from the 0600 file path; what names it in messages ("status page
 * token"). A value holding a line break is refused. */
int secret_read(const char *env, const char *path, const char *what, char *out, size_t cap,
    struct wr_err *err);

/* Whether the file at path is a private key ssh would use: 0 with the kind
 * of key it holds, or -1 with the reason and the fix (a public key, not a
 * key, readable by others: sshkey_identity_check). Read by both the check
 * and the login, so they say the same thing. */
int identity_file_check(const char *path, enum sshkey_kind *kind, struct wr_err *err);

/* The example config to start from that exists: the installed one, else
 * (a build run before make install) the source tree's; NULL for neither. */
const char *config_example_path(void);

/* Check a secret file's ownership and mode without keeping its contents. */
int secret_check_file(const char *path, struct wr_err *err);

#endif
