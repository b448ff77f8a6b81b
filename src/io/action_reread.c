/*
 * action_reread.c — a rollback left UNKNOWN (a dropped connection, or an
 * earlier session stopped mid-action) that the re-read found on its
 * target. Before action.reconcile says ok, the rest of what the OK path
 * does after its read-back happens here too, so both outcomes say the
 * same things:
 *   - /readyz is asked, and must answer 200 as the health gate wants (not
 *     yet: the host is read again, as for a tag not there yet); stale
 *     migrations are named in the OK path's words;
 *   - the releases.log line is appended by the console that confirmed
 *     the plan naming it, once (never again if it was tried before the
 *     connection dropped); for an earlier session's plan, unless that
 *     session's journal shows it written, releases.log is read back and
 *     the outcome says what it holds (that session may have written it
 *     and been killed, or its journal DEGRADED, before saying so): the
 *     line naming its op, or for an older plan's op-less line, one
 *     stamped since its intent less a margin for clock skew; or that it
 *     was not checked;
 *   - a Compose rollback's .env step, when the plan this console
 *     confirmed still owes it (the drop came before it was sent), runs
 *     as the OK path runs it: the re-read has just verified what it waits
 *     for, and releases.log already says the rollback is done; otherwise
 *     .env is read (action_keeptag.c) and the outcome says whether it
 *     still names another tag.
 */
#include "action_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "warroom/driver_cmd.h"
#include "warroom/probe.h"
#include "warroom/relwritten.h"

static void
say(struct action *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
say(struct action *a, const char *fmt, ...)
{
	size_t n = strlen(a->done_msg);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->done_msg + n, sizeof(a->done_msg) - n, fmt, ap);
	va_end(ap);
}

/* Last: .env for a Compose rollback, else the reconcile record. */
static void
settle(struct action *a)
{
	cJSON *d;

	if (strcmp(a->plan.action, "compose.rollback") == 0) {
		if (!act_keep_tag_after_reread(a))
			act_keep_tag_reconcile(a);
		return;
	}
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "found_tag", a->reread_cur.tag);
	cJSON_AddStringToObject(d, "state", a->reread_cur.state);
	cJSON_AddStringToObject(d, "wanted_tag", a->plan.to);
	act_reconcile_ok(a, a->done_msg, "the target is running: the rollback took effect", d);
	act_changed(a);          /* said as it is stored, also from an HTTP answer */
}

static void check_release(struct action *a);

/* What became of the releases.log line, in the outcome. */
static void
say_release(struct action *a)
{
	if (a->record_ran && a->record_err[0] != '\0')
		say(a, " (releases.log not updated: %s)", a->record_err);
	else if (!a->record_ran && a->record_elsewhere && !a->record_checked) {
		check_release(a);
		return;
	}
	settle(a);
}

static void
release_read(struct action *a, const struct exec_result *r)
{
	if (!r->finished || r->exit_status != 0)
		say(a, "; releases.log not checked (the plan was confirmed in an earlier "
		    "session): %s", r->error[0] != '\0' ? r->error : "the read failed");
	else
		switch (relwritten_find(a->buf, a->plan.to, a->plan.service,
		    a->record_by_op ? a->op : NULL, a->env.incident, a->intent_ms)) {
		case RELWRITTEN_BY_OP:
			say(a, "; releases.log written (by the session that confirmed the plan)");
			break;
		case RELWRITTEN_BY_TIME:
			/* An older plan's line names no op: only its stamp says
			 * whose it is, and the host's clock is not ours. */
			say(a, "; releases.log written (by its time: a line for this rollback "
			    "stamped at most %d min before its intent; the host's clock may "
			    "differ from this one's)", RELWRITTEN_SKEW_S / 60);
			break;
		case RELWRITTEN_NOT_FOUND:
			say(a, "; releases.log not written (the plan was confirmed in an earlier "
			    "session)");
			break;
		}
	settle(a);
}

/* An earlier session's line: read the file back before saying whether it
 * is there (its journal may have lost the step that wrote it). */
static void
check_release(struct action *a)
{
	char dir[WR_CMD_MAX] = "", cmd[WR_CMD_MAX + 128], reason[sizeof(a->reason)];

	a->record_checked = true;
	if (!driver_cmd_quote(dir, sizeof(dir), a->cfg->compose_dir)) {
		say(a, "; releases.log not checked: compose_dir too long");
		settle(a);
		return;
	}
	snprintf(cmd, sizeof(cmd), "cd %s && if [ -f releases.log ]; then tail -n 200 "
	    "releases.log; fi", dir);
	/* One that cannot start says why in a->reason: keep the outcome's. */
	memcpy(reason, a->reason, sizeof(reason));
	if (act_read_cmd(a, cmd, 15000, release_read) != 0) {
		say(a, "; releases.log not checked: %s", a->reason);
		memcpy(a->reason, reason, sizeof(reason));
		settle(a);
	}
}

static void
recorded(struct action *a, const struct exec_result *r)
{
	if (!r->finished || r->exit_status != 0)
		wr_strlcpy(a->record_err, r->error[0] ? r->error : "the command failed",
		    sizeof(a->record_err));
	say_release(a);
}

/* The plan this console confirmed named the line: append it, once. */
static void
release(struct action *a)
{
	char reason[sizeof(a->reason)];

	if (a->record_ran || !a->intent_stored || a->plan.record_cmd[0] == '\0') {
		say_release(a);
		return;
	}
	a->record_ran = true;
	wr_strlcpy(a->step_name, UNSETTLED_RECORD_STEP, sizeof(a->step_name));
	/* A command that cannot start says why in a->reason: keep the
	 * outcome's reason, which tells the UNKNOWN before the re-read. */
	memcpy(reason, a->reason, sizeof(reason));
	if (act_run_cmd(a, a->plan.record_cmd, true, 15000, recorded) != 0) {
		wr_strlcpy(a->record_err, a->reason, sizeof(a->record_err));
		memcpy(a->reason, reason, sizeof(reason));
		say_release(a);
	}
}

static void
gate_answer(const struct http_response *r, void *arg)
{
	struct action *a = arg;
	struct probe_result pr;
	char gb[WR_NAME_MAX + 16], found[sizeof(a->done_msg) + 512];
	const char *gate = act_gate_name(a, gb, sizeof(gb));

	probe_health_answer((int)r->status, r->content_type, r->truncated, r->error,
	    r->body, r->len, &pr);
	/* The health gate's rule (action.c's gate_answer). */
	if (r->status == 200 && !pr.untrusted && !(pr.has_ready && !pr.ready)) {
		a->gate_said = pr;
		probe_schema_outcome(&pr, a->env.migration_step, a->migrations, sizeof(a->migrations));
		say(a, " and %s answers 200%s", gate, a->migrations);
		release(a);
		return;
	}
	/* Still starting, or not healthy: not OK yet, and no failure a
	 * re-read may call; read again, then leave it to the engineer. */
	snprintf(found, sizeof(found), "%s, but %.100s does not answer 200: %.300s", a->done_msg,
	    gate, pr.reason);
	act_reread_again(a, found);
}

void
act_reread_took(struct action *a, const char *found)
{
	char again[sizeof(a->done_msg) + 512];
	struct wr_err err;

	wr_strlcpy(a->done_msg, found, sizeof(a->done_msg));
	if (a->plan.readyz_url[0] == '\0') {
		release(a);
		return;
	}
	if (act_http_get(a, a->plan.readyz_url, gate_answer, &err) != 0) {
		snprintf(again, sizeof(again), "%s, but %.200s could not be asked: %.200s",
		    a->done_msg, a->plan.readyz_url, err.msg);
		act_reread_again(a, again);
	}
}
