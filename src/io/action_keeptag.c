/*
 * action_keeptag.c — a Compose rollback's last step: IMAGE_TAG kept in
 * .env. The rollback overrides .env's IMAGE_TAG from the environment, so
 * without this step a plain `docker compose up -d` brings the bad tag
 * back. It runs only once the rollback is verified and healthy: .env is
 * read again (it must be the file planned from), edited the kill switch's
 * way (action_envfile.c, then the plan's `mv -f`) and read back.
 *
 * The outcome stays the rollback's: OK, since the service runs the target
 * and is healthy. When this step does not happen, the outcome's text and
 * the journal say WARNING: .env still names the old tag. A connection lost
 * during the rename is UNKNOWN. Any re-read of a Compose rollback after
 * UNKNOWN ends here too: it reads .env (planned with this step or not) and
 * says whether it still names another tag than the target; when the drop
 * came before this step was sent and this console confirmed the plan (it
 * holds the new text), the re-read runs the step as the OK path would
 * first, since it has just verified what the step waits for, as it does
 * for releases.log. Whatever .env
 * is known to say once the target runs is an env.check record, HOSTS'
 * mark (envmark.c).
 */
#include "action_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "warroom/envfile.h"
#include "warroom/envmark.h"
#include "warroom/loop.h"
#include "warroom/sftp.h"
#include "warroom/ssh.h"
#include "warroom/timeline.h"

#define STEP "keep IMAGE_TAG in .env"

/* What .env says once the service runs the target, journalled
 * (env.check): HOSTS marks the row while it names another tag. */
static void
env_check(struct action *a, const char *value)
{
	struct wr_err err;

	a->env_stale = a->plan.to[0] != '\0' && envmark_drift(value, a->plan.to);
	if (a->env.tl == NULL || a->plan.to[0] == '\0')
		return;
	timeline_append_keep(a->env.tl, ENVMARK_KIND, a->cfg->name, a->op,
	    envmark_record(a->cfg->services[a->svc], value, a->plan.to, NULL), &err);
}

/* The step's end: the action's OK, or, run by the re-read after UNKNOWN,
 * that re-read's ok record; env_tag: what .env says now ("" not known). */
static void
ended(struct action *a, const char *env_tag, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
ended(struct action *a, const char *env_tag, const char *fmt, ...)
{
	char msg[sizeof(a->done_msg) + 1536];
	const char *summary;
	va_list ap;
	cJSON *d;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!a->env_on_reread) {
		act_finish(a, ACTION_OK, "%s", msg);
		return;
	}
	a->env_on_reread = false;
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "found_tag", a->reread_cur.tag);
	cJSON_AddStringToObject(d, "wanted_tag", a->plan.to);
	if (env_tag[0] == '\0')
		summary = "the target is running: the rollback took effect; .env not read";
	else if (strcmp(env_tag, a->plan.to) == 0)
		summary = "the target is running and .env keeps it: the rollback took effect";
	else
		summary = "the target is running: the rollback took effect; WARNING: .env still "
		    "names another tag";
	if (env_tag[0] != '\0')
		cJSON_AddStringToObject(d, "env_image_tag", env_tag);
	act_reconcile_ok(a, msg, summary, d);
	act_changed(a);
}

/* The rollback is done, .env not changed: said loudly, and journalled. */
static void
untouched(struct action *a, const char *holds, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
untouched(struct action *a, const char *holds, const char *fmt, ...)
{
	char why[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	act_record_step(a, STEP, why, ".env not changed");
	env_check(a, holds);
	ended(a, holds, "%s; WARNING: .env still says IMAGE_TAG=%s (%s): a plain "
	    "`up -d` brings it back; set IMAGE_TAG=%s there by hand", a->done_msg, holds, why,
	    a->plan.env_value);
}

static void
read_back(const struct sftp_result *r, void *arg)
{
	struct action *a = arg;
	char now[128], line[600];

	a->sftp = NULL;
	if (!r->ok) {
		act_record_step(a, STEP, r->error, "mv exited 0; .env not read back");
		ended(a, "", "%s; IMAGE_TAG=%s written to .env (mv exited 0) but .env "
		    "could not be read back: %s", a->done_msg, a->plan.env_value, r->error);
		return;
	}
	if (!envfile_get(r->data, r->len, "IMAGE_TAG", now, sizeof(now)))
		wr_strlcpy(now, "(unset)", sizeof(now));
	if (strcmp(now, a->plan.env_value) != 0) {
		untouched(a, now, "after the rename .env says IMAGE_TAG=%s", now);
		return;
	}
	snprintf(line, sizeof(line), "IMAGE_TAG=%s in .env, read back (was %s; the old file kept "
	    "as %.200s)", now, a->plan.env_was, a->plan.env_backup);
	act_record_step(a, STEP, NULL, line);
	env_check(a, now);
	ended(a, now, "%s; IMAGE_TAG=%s kept in .env (was %s)", a->done_msg, now,
	    a->plan.env_was);
}

static void
swapped(struct action *a, const struct exec_result *r)
{
	struct wr_err err;

	if (!r->finished && a->env_on_reread) {
		/* Cut off again: the whole re-read later, which then only
		 * reads .env (waiting for a rename still at work). */
		a->rename_dropped = true;
		a->env_on_reread = false;
		act_reconcile_later(a);
		return;
	}
	if (!r->finished) {
		a->rename_dropped = true;
		act_finish(a, ACTION_UNKNOWN, "%s; then the connection was lost renaming the new "
		    ".env over .env (%s): whether .env says IMAGE_TAG=%s is not known", a->done_msg,
		    r->error, a->plan.env_value);
		return;
	}
	if (r->exit_status != 0 || r->signal[0]) {
		untouched(a, a->plan.env_was, "mv exited %d%s%s", r->exit_status,
		    a->last_line[0] ? ": " : "", a->last_line);
		act_env_drop_new(a);
		return;
	}
	wr_strlcpy(a->step_name, "read back .env", sizeof(a->step_name));
	a->sftp = sftp_read_start(a->env.pool, a->host, a->plan.env_file, ENVFILE_MAX, 15000,
	    read_back, a, &err);
	if (a->sftp == NULL) {
		struct sftp_result fake = { .ok = false };

		wr_strlcpy(fake.error, err.msg, sizeof(fake.error));
		read_back(&fake, a);
	}
}

static void
written(struct action *a, const char *why)
{
	int k = a->step + 1;

	if (why != NULL) {
		untouched(a, a->plan.env_was, "%s", why);
		act_env_drop_new(a);
		return;
	}
	a->step = k;
	wr_strlcpy(a->step_name, a->plan.steps[k].name, sizeof(a->step_name));
	if (act_run_cmd(a, a->plan.steps[k].cmd, true, 15000, swapped) != 0) {
		untouched(a, a->plan.env_was, "mv could not start: %s", a->reason);
		act_env_drop_new(a);
		return;
	}
	act_changed(a);
}

/* .env right before it is changed: still the file the plan was made from? */
static void
reread(const struct sftp_result *r, void *arg)
{
	struct action *a = arg;
	char now[128], hash[17];

	a->sftp = NULL;
	if (!r->ok) {
		untouched(a, a->plan.env_was, "could not read .env again before changing it: %s",
		    r->error);
		return;
	}
	if (!envfile_get(r->data, r->len, "IMAGE_TAG", now, sizeof(now)))
		wr_strlcpy(now, "(unset)", sizeof(now));
	if (strcmp(now, a->plan.env_value) == 0) {
		/* Someone (a rollback of another service) set it meanwhile. */
		act_record_step(a, STEP, NULL, ".env already says the target; not changed");
		env_check(a, now);
		ended(a, now, "%s; .env already says IMAGE_TAG=%s", a->done_msg, now);
		return;
	}
	envfile_hash(r->data, r->len, hash);
	if (strcmp(hash, a->plan.env_hash) != 0) {
		untouched(a, now, ".env changed since the plan was made; not touched");
		return;
	}
	act_changed(a);
	act_env_write(a, written);
}

/* Step k (the .env write): read .env again first (reread). */
static void
start_step(struct action *a, int k)
{
	struct wr_err err;

	a->env_tried = true;
	a->step = k;
	wr_strlcpy(a->step_name, STEP, sizeof(a->step_name));
	a->sftp = sftp_read_start(a->env.pool, a->host, a->plan.env_file, ENVFILE_MAX, 15000,
	    reread, a, &err);
	if (a->sftp == NULL)
		untouched(a, a->plan.env_was, "could not read .env again before changing it: %s",
		    err.msg);
}

void
act_rollback_done(struct action *a, const char *fmt, ...)
{
	va_list ap;
	int k = plan_first_after_verify(&a->plan);

	va_start(ap, fmt);
	vsnprintf(a->done_msg, sizeof(a->done_msg), fmt, ap);
	va_end(ap);
	if (k + 1 >= a->plan.nsteps || a->plan.env_file[0] == '\0' || a->env_new == NULL) {
		char now[128];

		/* No step: .env as planning read it (the target already, no
		 * IMAGE_TAG, or a file not ours to edit) is what stays. */
		if (a->env_read && a->env_old != NULL) {
			if (!envfile_get(a->env_old, a->env_old_len, "IMAGE_TAG", now, sizeof(now)))
				wr_strlcpy(now, "(unset)", sizeof(now));
			env_check(a, now);
		}
		act_finish(a, ACTION_OK, "%s", a->done_msg);
		return;
	}
	a->state = ACTION_RUNNING;
	start_step(a, k);
	act_changed(a);
}

bool
act_keep_tag_after_reread(struct action *a)
{
	int k = plan_first_after_verify(&a->plan);

	/* Only the plan this console confirmed and holds the new text of,
	 * and only once: an earlier session's is never run again. */
	if (a->env_tried || a->adopted || !a->intent_stored || a->rename_dropped ||
	    k + 1 >= a->plan.nsteps || a->plan.env_file[0] == '\0' || a->env_new == NULL)
		return false;
	a->env_on_reread = true;
	start_step(a, k);
	act_changed(a);
	return true;
}


/* ---- after UNKNOWN ---- */

/* What the re-read found in .env, said whether or not the plan had this
 * step: IMAGE_TAG there is what a plain `up -d` runs next. */
static void
env_again(void *arg)
{
	struct action *a = arg;

	a->timer = 0;
	act_keep_tag_reconcile(a);
}

/* True when .env is to be read again in 2 s: the first 2 s .. health_timeout
 * after the re-read first found it on another tag. */
static bool
env_wait(struct action *a)
{
	int64_t now = loop_now_ms();

	if (a->env_wait_since == 0)
		a->env_wait_since = now;
	if (now - a->env_wait_since >= a->env.cfg->health_timeout_ms)
		return false;
	a->timer = loop_timer_add(a->env.loop, 2000, 0, env_again, a);
	act_changed(a);
	return true;
}

static void
reconciled(const struct sftp_result *r, void *arg)
{
	struct action *a = arg;
	char now[128], found[sizeof(a->done_msg) + 512];
	const char *summary;
	bool holds;
	cJSON *d;

	a->sftp = NULL;
	if (!r->ok && (r->lost || ssh_pool_session(a->env.pool, a->host) == NULL)) {
		act_reconcile_later(a);          /* gone again: the whole re-read later */
		return;
	}
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "found_tag", a->reread_cur.tag);
	cJSON_AddStringToObject(d, "wanted_tag", a->plan.to);
	if (!r->ok) {
		snprintf(found, sizeof(found), "%s; .env could not be read (%.200s): whether it "
		    "still says IMAGE_TAG=%.128s is not known; check it by hand", a->done_msg, r->error,
		    a->plan.env_was[0] ? a->plan.env_was : a->plan.from);
		summary = "the target is running: the rollback took effect; .env not read";
	} else if (!envfile_get(r->data, r->len, "IMAGE_TAG", now, sizeof(now))) {
		snprintf(found, sizeof(found), "%s; .env sets no IMAGE_TAG", a->done_msg);
		summary = "the target is running: the rollback took effect";
		cJSON_AddStringToObject(d, "env_image_tag", "(unset)");
		env_check(a, "(unset)");
	} else {
		holds = strcmp(now, a->plan.to) == 0;
		/* A rename the drop cut off may be the command still at work (it
		 * ends at its next write): .env is read again for health_timeout
		 * before its old tag is called a WARNING. A drop before the
		 * rename left nothing to wait for. */
		if (!holds && a->rename_dropped && env_wait(a)) {
			cJSON_Delete(d);
			return;
		}
		snprintf(found, sizeof(found), "%s; .env says IMAGE_TAG=%s%s%s%s", a->done_msg, now,
		    holds ? "" : ": WARNING: a plain `up -d` brings it back; set IMAGE_TAG=",
		    holds ? "" : a->plan.to, holds ? "" : " there by hand");
		summary = holds ? "the target is running and .env keeps it: the rollback took "
		    "effect" : "the target is running: the rollback took effect; WARNING: .env "
		    "still names another tag";
		cJSON_AddStringToObject(d, "env_image_tag", now);
		env_check(a, now);
	}
	act_reconcile_ok(a, found, summary, d);
	/* A rename that never ran left the new file beside .env. */
	act_env_drop_new(a);
	act_changed(a);
}

void
act_keep_tag_reconcile(struct action *a)
{
	char path[WR_PATH_MAX];
	struct wr_err err;

	/* No .env step in the plan (.env unread, or not ours to edit): the
	 * file compose reads is still the one to ask. */
	if (a->plan.env_file[0] != '\0')
		wr_strlcpy(path, a->plan.env_file, sizeof(path));
	else if (plan_env_path(a->cfg, path, sizeof(path), &err) != 0) {
		struct sftp_result fake = { .ok = false };

		wr_strlcpy(fake.error, err.msg, sizeof(fake.error));
		reconciled(&fake, a);
		return;
	}
	if (a->sftp != NULL || ssh_pool_session(a->env.pool, a->host) == NULL ||
	    (a->sftp = sftp_read_start(a->env.pool, a->host, path, ENVFILE_MAX, 15000,
	    reconciled, a, &err)) == NULL)
		act_reconcile_later(a);
}

void
act_keep_tag_adopt(struct action *a, const cJSON *plan)
{
	const cJSON *f = cJSON_GetObjectItemCaseSensitive(plan, "env_file");
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(plan, "env_set");

	if (!cJSON_IsString(f) || !cJSON_IsString(v) || !envfile_value_valid(v->valuestring))
		return;
	wr_strlcpy(a->plan.env_file, f->valuestring, sizeof(a->plan.env_file));
	wr_strlcpy(a->plan.env_key, "IMAGE_TAG", sizeof(a->plan.env_key));
	wr_strlcpy(a->plan.env_value, v->valuestring, sizeof(a->plan.env_value));
	/* Derived from the op, never taken from the record. */
	plan_env_sibling(a->plan.env_file, a->op, "new", a->plan.env_new,
	    sizeof(a->plan.env_new));
}
