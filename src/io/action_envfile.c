/*
 * action_envfile.c — the .env edit the kill switch and the rollback's
 * last step share: a copy of the old file and the new one written beside
 * .env over SFTP (same mode, fsync'd), so the plan's `mv -f` can replace
 * .env in one rename(2); and the new file removed again when it was never
 * swapped in. The file's text is never journalled: it holds secrets.
 */
#include "action_impl.h"

#include <stdio.h>
#include <string.h>

#include "warroom/sftp.h"
#include "warroom/timeline.h"

static void
wrote_new(const struct sftp_result *r, void *arg)
{
	struct action *a = arg;
	char why[1024];

	a->sftp = NULL;
	if (!r->ok) {
		snprintf(why, sizeof(why), "could not write %.300s: %s", a->plan.env_new, r->error);
		a->env_written(a, why);
		return;
	}
	a->env_written(a, NULL);
}

static void
wrote_backup(const struct sftp_result *r, void *arg)
{
	struct action *a = arg;
	struct wr_err err;
	char why[1024];

	a->sftp = NULL;
	if (!r->ok) {
		snprintf(why, sizeof(why), "could not keep a copy of .env as %.300s: %s",
		    a->plan.env_backup, r->error);
		a->env_written(a, why);
		return;
	}
	a->sftp = sftp_write_start(a->env.pool, a->host, a->plan.env_new, a->env_new,
	    a->env_new_len, a->plan.env_mode, 30000, wrote_new, a, &err);
	if (a->sftp == NULL) {
		snprintf(why, sizeof(why), "could not write %.300s: %s", a->plan.env_new, err.msg);
		a->env_written(a, why);
		return;
	}
	act_changed(a);
}

void
act_env_write(struct action *a, void (*done)(struct action *a, const char *why))
{
	struct wr_err err;
	char why[1024];

	a->env_written = done;
	a->sftp = sftp_write_start(a->env.pool, a->host, a->plan.env_backup, a->env_old,
	    a->env_old_len, a->plan.env_mode, 30000, wrote_backup, a, &err);
	if (a->sftp == NULL) {
		snprintf(why, sizeof(why), "could not keep a copy of .env: %s", err.msg);
		done(a, why);
	}
}

static void
dropped(const struct sftp_result *r, void *arg)
{
	struct action *a = arg;
	size_t n = strlen(a->reason);
	struct wr_err err;
	cJSON *d;

	a->sftp = NULL;
	if (!r->ok)
		snprintf(a->reason + n, sizeof(a->reason) - n, "; %.200s was left beside .env "
		    "(remove failed: %.200s)", a->plan.env_new, r->error);
	if (a->env.tl != NULL) {
		d = cJSON_CreateObject();
		cJSON_AddStringToObject(d, "path", a->plan.env_new);
		cJSON_AddStringToObject(d, "outcome", !r->ok ? "failed" : r->absent ? "absent" :
		    "removed");
		/* TIMELINE's words: "removed — DIR/.env.warroom-OP.new". */
		cJSON_AddStringToObject(d, "detail", a->plan.env_new);
		if (!r->ok)
			cJSON_AddStringToObject(d, "error", r->error);
		timeline_append_keep(a->env.tl, "action.cleanup", a->cfg->name, a->op, d, &err);
	}
	act_changed(a);
}

void
act_env_drop_new(struct action *a)
{
	struct wr_err err;

	if (a->sftp != NULL || a->plan.env_new[0] == '\0' ||
	    ssh_pool_session(a->env.pool, a->host) == NULL)
		return;
	a->sftp = sftp_unlink_start(a->env.pool, a->host, a->plan.env_new, 15000, dropped, a,
	    &err);
}
