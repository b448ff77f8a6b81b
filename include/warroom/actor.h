/*
 * actor.h — who a console writes as. The account ("user@machine") is
 * always kept; a name given with --as or `actor =` goes in front of it,
 * "bob (root@vm)", so consoles on a shared ops account can be told apart
 * and nothing about the account is hidden. Pure: strings in, text out.
 */
#ifndef WARROOM_ACTOR_H
#define WARROOM_ACTOR_H

#include <stddef.h>

#include "warroom/util.h"

/* The longest name --as or `actor =` takes, in bytes. */
#define ACTOR_NAME_MAX 40

/* Whether name can name a person: 1 to ACTOR_NAME_MAX bytes of valid
 * UTF-8, no control characters, no parentheses, not blank at either end.
 * 0, or -1 with err saying why. */
int actor_name_check(const char *name, struct wr_err *err);

/* The actor as recorded: "name (account)", or the account alone when
 * name is NULL or "". */
void actor_compose(const char *name, const char *account, char *out, size_t cap);

/* The actor as recorded and where its name came from, for --check-config:
 * "bob (root@vm), from actor = at line 4", "alice (root@vm), from --as
 * (over actor = bob at line 4)", "root@vm, the account alone (no actor =
 * or --as)". as and conf (actor = at conf_line) may be NULL or "". */
void actor_source(const char *as, const char *conf, int conf_line, const char *account,
    char *out, size_t cap);

/* The short form a narrow row shows: "bob" of "bob (root@vm)", the
 * account itself when no name was given. */
void actor_short(const char *actor, char *out, size_t cap);

#endif
