/*
 * tagspell.h — which spelling of a typed or named tag a Compose rollback
 * sends. A tag matches a release with or without its leading v
 * (badrel_same), but Compose pulls the image tag literally: a typed
 * "1.4.1" where releases.log and the host know "v1.4.1" would pull a
 * missing or different image and write it into .env. So a tag no source
 * knows as typed, that matches exactly one release they know, takes that
 * release's spelling, and the dialog says so. Pure: the known tags come in.
 */
#ifndef WARROOM_TAGSPELL_H
#define WARROOM_TAGSPELL_H

#include <stddef.h>

/* A tag one source knows for the host, and which source ("releases.log",
 * "api runs it"); tag "" or NULL is skipped. */
struct tagspell_known {
	const char *tag;
	const char *where;
};

enum tagspell_kind {
	TAGSPELL_AS_TYPED,               /* a source knows it as typed (or typed is "") */
	TAGSPELL_RESPELT,                /* known only as one other spelling: that one */
	TAGSPELL_UNKNOWN,                /* no source knows it: sent as typed */
	TAGSPELL_AMBIGUOUS,              /* several other spellings: sent as typed */
};

/* The spelling of typed to send, into tag: typed when a source in k (n)
 * knows it so, else the one known tag badrel_same matches, else typed.
 * words gets the dialog's line ("1.4.1 is v1.4.1 here (releases.log)",
 * "1.4.1 is not a release this host or releases.log knows"), "" as typed. */
enum tagspell_kind tagspell_resolve(const char *typed, const struct tagspell_known *k,
    size_t n, char *tag, size_t tcap, char *words, size_t wcap);

#endif
