/*
 * envfile.h — reading and changing one variable in a Compose `.env` file's
 * text. Pure: the kill switch reads the file over SFTP, asks for the new
 * text here, and writes it back; every other line stays byte for byte.
 */
#ifndef WARROOM_ENVFILE_H
#define WARROOM_ENVFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "warroom/util.h"

/* Largest .env we handle; bigger files are refused, not cut. */
#define ENVFILE_MAX (256 * 1024)

/* Is this text a .env we can edit (no NUL byte, not over ENVFILE_MAX)? */
int envfile_check(const char *buf, size_t len, struct wr_err *err);

/* The value key has (the last assignment wins, `export ` and quotes
 * removed) into out: 1 when assigned, 0 when not. */
int envfile_get(const char *buf, size_t len, const char *key, char *out, size_t cap);

/* The text with every assignment of key rewritten as key=value (keeping an
 * `export ` prefix), or key=value appended when there is none. malloc'd,
 * its length in *outlen. */
char *envfile_set(const char *buf, size_t len, const char *key, const char *value,
    size_t *outlen);

/* Values we write: letters, digits and ._-:/@+, at most 127 bytes. */
bool envfile_value_valid(const char *v);

/* A 64-bit FNV-1a of the text, as 16 hex digits: a plan is bound to the
 * exact file it was made from without storing the file (it holds secrets). */
void envfile_hash(const char *buf, size_t len, char out[17]);

#endif
