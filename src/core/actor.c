/*
 * actor.c — the name a console writes its records under (actor.h).
 *
 * The name is typed by a person (--as, `actor =`), so it is held to what
 * the sanitizer would leave unchanged: anything it would rewrite (control
 * characters, invalid UTF-8) is refused rather than stored altered.
 * Parentheses are refused so "name (account)" reads back one way only.
 */
#include "warroom/actor.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warroom/sanitize.h"

int
actor_name_check(const char *name, struct wr_err *err)
{
	size_t n = name != NULL ? strlen(name) : 0;
	char *clean;
	int same;

	if (n == 0)
		return wr_err_set(err, "an actor name cannot be empty");
	if (n > ACTOR_NAME_MAX)
		return wr_err_set(err, "an actor name is at most %d bytes (this one is %zu)",
		    ACTOR_NAME_MAX, n);
	if (name[0] == ' ' || name[n - 1] == ' ')
		return wr_err_set(err, "an actor name cannot start or end with a space");
	if (strpbrk(name, "()") != NULL)
		return wr_err_set(err, "an actor name cannot hold ( or ): the account is "
		    "added in parentheses");
	clean = sanitize_dup(name, n, NULL);
	same = strcmp(clean, name) == 0 && strchr(name, '\t') == NULL;
	free(clean);
	if (!same)
		return wr_err_set(err, "an actor name must be printable UTF-8 text");
	return 0;
}

void
actor_compose(const char *name, const char *account, char *out, size_t cap)
{
	if (cap == 0)
		return;
	if (name == NULL || name[0] == '\0')
		snprintf(out, cap, "%s", account);
	else
		snprintf(out, cap, "%s (%s)", name, account);
}

void
actor_source(const char *as, const char *conf, int conf_line, const char *account,
    char *out, size_t cap)
{
	bool has_as = as != NULL && as[0] != '\0', has_conf = conf != NULL && conf[0] != '\0';
	char actor[ACTOR_NAME_MAX + 256];

	if (cap == 0)
		return;
	actor_compose(has_as ? as : conf, account, actor, sizeof(actor));
	if (has_as && has_conf)
		snprintf(out, cap, "%s, from --as (over actor = %s at line %d)", actor, conf,
		    conf_line);
	else if (has_as)
		snprintf(out, cap, "%s, from --as", actor);
	else if (has_conf)
		snprintf(out, cap, "%s, from actor = at line %d", actor, conf_line);
	else
		snprintf(out, cap, "%s, the account alone (no actor = or --as)", actor);
}

void
actor_short(const char *actor, char *out, size_t cap)
{
	const char *p = strstr(actor, " (");
	size_t n = p != NULL && actor[strlen(actor) - 1] == ')' ? (size_t)(p - actor) :
	    strlen(actor);

	if (cap == 0)
		return;
	if (n >= cap)
		n = cap - 1;
	memcpy(out, actor, n);
	out[n] = '\0';
}
