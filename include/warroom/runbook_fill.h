/*
 * runbook_fill.h — turning a runbook step's shell blocks into the exact
 * script that runs: every placeholder (<name>, sha-<name>, $VAR) is asked
 * for, one at a time, and never guessed; values are restricted to
 * characters that need no shell quoting wherever they land. Pure.
 */
#ifndef WARROOM_RUNBOOK_FILL_H
#define WARROOM_RUNBOOK_FILL_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/config.h"
#include "warroom/runbook.h"
#include "warroom/runbook_route.h"

/* What a value must be besides needing no quoting: a placeholder that is
 * a rollback's revision takes a number, its to= an image tag. */
enum runbook_fill_want {
	RUNBOOK_WANT_ANY,
	RUNBOOK_WANT_REVISION,
	RUNBOOK_WANT_TAG,
};

struct runbook_fill {
	size_t section, step;            /* step NONE: the section's own blocks */
	char **labels;                   /* as the runbook writes it: "<tag>", "$NS" */
	enum runbook_ph_kind *kinds;
	char **names;
	char **values;                   /* NULL until given */
	enum runbook_fill_want *wants;
	bool *secret;                    /* its name looks secret: typed hidden,
	                                    its value never echoed */
	bool *tag;                       /* it holds an image tag: a rollback's
	                                    to=, a value of a *TAG= assignment,
	                                    or TAG a word of its name (GOOD_TAG):
	                                    its prompt shows the running tag and
	                                    the tags to go back to */
	char **from;                     /* where the console took the value from
	                                    ("api-1's health_url"), or NULL */
	char **note;                     /* why the console could not fill it
	                                    (said when it is asked), or NULL */
	size_t n;
	size_t cur;                      /* the next one to ask for (every one
	                                    before it has its value) */
	struct runbook_route route;      /* built-in or as written, and why */
	enum runbook_action_kind known;  /* the built-in action that runs the step's
	                                    commands (route BUILTIN), else NONE */
	const struct runbook_command *known_cmd; /* the command that starts it */
};

/* The placeholders of step's shell blocks (step WR_RUNBOOK_NONE: those of
 * the section itself), in order of first use. -1 with err when there is
 * no shell command (naming a block read as output), or x refuses them
 * (runbook_route_of). */
int runbook_fill_init(struct runbook_fill *f, const struct runbook *rb, size_t section,
    size_t step, struct wr_err *err);

/* Does a placeholder's name say it is an image tag: TAG as a word of it
 * (tag, GOOD_TAG, last-good-tag; not STAGE)? */
bool runbook_fill_name_is_tag(const char *name);

/* What a tag prompt says its host runs: services grouped by what they
 * run ("api, jobs at v1.5.0-bad; worker at v1.4.1"), states[i] being
 * service names[i]'s words ("v1.5.0-bad", "revision 6, v1.5.0-bad"), ""
 * when not read (left out). "" when none is read. */
void runbook_fill_running(const char *const *names, const char *const *states, size_t n,
    char *buf, size_t cap);

/* Does a placeholder's name look secret: the redactor's secret words
 * (TOKEN, SECRET, PASSWORD, CREDENTIAL, API_KEY…), or KEY, PASS, PWD or
 * AUTH as a word of it (DB_PASS, ssh-key)? */
bool runbook_fill_name_is_secret(const char *name);

/* Fill the $NAME placeholders host h's config answers, so nobody types
 * them: $HEALTH_URL (its health_url), $METRICS_URL (its metrics_url),
 * $METRICS_TOKEN and the $NAME its metrics_token_env gives (token: the
 * metrics token warroom loaded for h, NULL when none). Each one filled
 * says where it came from (f->from); one the config cannot answer, or
 * whose value would need quoting, stays to be asked and says why
 * (f->note). Call before the first is asked; returns how many it filled. */
size_t runbook_fill_from_host(struct runbook_fill *f, const struct config_host *h,
    const char *token);

/* What a confirmation says of the values nobody typed in view: those the
 * config filled ("$HEALTH_URL is api-1's health_url") and the secrets,
 * which it shows redacted; "" when there are none. */
void runbook_fill_said(const struct runbook_fill *f, char *buf, size_t cap);

/* How many placeholders are typed (those the config filled are not), and
 * in *nth which of them f->cur is, from 1: what "(1 of 2)" counts. */
size_t runbook_fill_asked(const struct runbook_fill *f, size_t *nth);

/* Give the value of placeholder f->cur: -1 with err when it is empty,
 * holds a character outside [A-Za-z0-9._:/@+=,-], is not the revision
 * number or tag it wants, or for sha-<name> is not a commit id in hex (a
 * leading "sha-" typed is dropped, never doubled). A secret one's value
 * is never repeated in err. */
int runbook_fill_set(struct runbook_fill *f, const char *value, struct wr_err *err);

/* True when every placeholder has its value. */
bool runbook_fill_done(const struct runbook_fill *f);

/* The script: the step's shell blocks joined, each placeholder replaced.
 * malloc'd; NULL with err when something is missing. */
char *runbook_fill_script(const struct runbook_fill *f, const struct runbook *rb,
    struct wr_err *err);

/* A word of the known command (an IMAGE_TAG=… assignment) with its
 * placeholders replaced by their values; malloc'd. */
char *runbook_fill_word(const struct runbook_fill *f, const char *word);

/* The value of NAME=value among the known command's leading assignments,
 * placeholders filled (malloc'd), or NULL. */
char *runbook_fill_assign(const struct runbook_fill *f, const char *name);

void runbook_fill_free(struct runbook_fill *f);

/* The placeholders one rollback asks for before it runs: those of cmd
 * (its recognised command) that its action's values hold, or, for a
 * `warroom` binding (cmd NULL), each value written <name>; a revision's
 * wants a number, a to='s a tag; a kube context's is never asked (no
 * context is honoured). Returns how many. */
size_t runbook_fill_init_action(struct runbook_fill *f, const struct runbook_action *a,
    const struct runbook_command *cmd);

/* out = a with its placeholders filled from f; a value whose placeholder
 * has no value yet is left out, as if the step did not name it. */
void runbook_fill_action(const struct runbook_fill *f, const struct runbook_action *a,
    struct runbook_action *out);

#endif
