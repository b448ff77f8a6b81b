/*
 * chat.c — one POST per announcement, each with its own retry timer. The
 * http client has no cancel, so a message freed with the client would
 * leave a callback pointing at it: chat_free must come right before
 * http_free, with no loop pass between (as main does).
 *
 * At start, announcements an earlier session stored but never saw answered
 * are settled as UNKNOWN, not sent again: unlike the status page, whose
 * incident list can be searched before a create is repeated, a webhook
 * cannot be asked what the channel already holds, and a second POST is a
 * second message.
 */
#include "warroom/chat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "warroom/config_files.h"
#include "warroom/http.h"
#include "warroom/loop.h"
#include "warroom/redact.h"
#include "warroom/sanitize.h"
#include "warroom/timeline.h"

#define MAX_ATTEMPTS 5

struct chat_msg {
	struct chat *chat;
	char id[32];
	char *body;
	int attempt;
	uint64_t timer;
	struct chat_msg *next;
};

struct chat {
	struct loop *loop;
	struct http_client *http;
	struct timeline *tl;
	char url[WR_URL_MAX];
	int64_t backoff_ms;
	struct chat_msg *msgs;
	chat_done_fn done;
	void *done_arg;
};

int
chat_pending(const struct chat *c)
{
	const struct chat_msg *m;
	int n = 0;

	for (m = c != NULL ? c->msgs : NULL; m != NULL; m = m->next)
		n++;
	return n;
}

static void
journal(struct chat *c, const char *kind, const char *id, cJSON *d)
{
	struct wr_err err;

	cJSON_AddStringToObject(d, "id", id);
	/* How an announcement went: kept while the journal cannot be written. */
	timeline_append_keep(c->tl, kind, NULL, id, d, &err);
}

static void
drop(struct chat_msg *m)
{
	struct chat_msg **pp;

	for (pp = &m->chat->msgs; *pp != NULL; pp = &(*pp)->next)
		if (*pp == m) {
			*pp = m->next;
			break;
		}
	if (m->timer != 0)
		loop_timer_cancel(m->chat->loop, m->timer);
	cJSON_free(m->body);
	free(m);
}

static void
report(struct chat_msg *m, bool ok, bool unknown, long status, const char *error)
{
	struct chat *c = m->chat;
	struct chat_result r;
	cJSON *d = cJSON_CreateObject();

	memset(&r, 0, sizeof(r));
	wr_strlcpy(r.id, m->id, sizeof(r.id));
	r.ok = ok;
	r.unknown = unknown;
	r.http_status = status;
	if (ok) {
		cJSON_AddNumberToObject(d, "http_status", (double)status);
		journal(c, "chat.post", m->id, d);
	} else {
		wr_strlcpy(r.error, error, sizeof(r.error));
		cJSON_AddStringToObject(d, "error", error);
		cJSON_AddNumberToObject(d, "http_status", (double)status);
		cJSON_AddBoolToObject(d, "unknown", unknown);
		journal(c, "chat.failed", m->id, d);
	}
	drop(m);
	if (c->done != NULL)
		c->done(&r, c->done_arg);
}

static void send_msg(void *arg);

static void
retry(struct chat_msg *m, long status, const char *why)
{
	int64_t wait = m->chat->backoff_ms << (m->attempt - 1);
	char msg[WR_ERR_MAX];
	cJSON *d;

	if (m->attempt >= MAX_ATTEMPTS) {
		snprintf(msg, sizeof(msg), "gave up after %d attempts: %s", m->attempt, why);
		report(m, false, false, status, msg);
		return;
	}
	if (wait > 30000)
		wait = 30000;
	d = cJSON_CreateObject();
	cJSON_AddNumberToObject(d, "attempt", m->attempt);
	cJSON_AddStringToObject(d, "error", why);
	cJSON_AddNumberToObject(d, "http_status", (double)status);
	cJSON_AddNumberToObject(d, "retry_ms", (double)wait);
	journal(m->chat, "chat.retry", m->id, d);
	m->timer = loop_timer_add(m->chat->loop, wait, 0, send_msg, m);
}

/* Did the request reach the webhook before it failed? A refused or
 * unresolvable connection did not; a timeout may have. */
static bool
never_sent(const char *error)
{
	return strstr(error, "onnect") != NULL || strstr(error, "resolve") != NULL ||
	    strstr(error, "refused") != NULL;
}

static void
answered(const struct http_response *r, void *arg)
{
	struct chat_msg *m = arg;
	char why[WR_ERR_MAX];

	if (r->status >= 200 && r->status < 300) {
		report(m, true, false, r->status, NULL);
		return;
	}
	if (r->status == 0) {
		if (never_sent(r->error))
			retry(m, 0, r->error);
		else {
			snprintf(why, sizeof(why), "no answer (%s): it may or may not have been "
			    "posted; not sent again", r->error);
			report(m, false, true, 0, why);
		}
		return;
	}
	if (r->status == 429 || r->status >= 500) {
		snprintf(why, sizeof(why), "the webhook answered %ld", r->status);
		retry(m, r->status, why);
		return;
	}
	if (r->status >= 300 && r->status < 400)
		snprintf(why, sizeof(why), "the webhook answered a redirect (%ld), which is never "
		    "followed", r->status);
	else
		snprintf(why, sizeof(why), "the webhook refused it (%ld)", r->status);
	report(m, false, false, r->status, why);
}

static void
send_msg(void *arg)
{
	static const char *const headers[] = { "Content-Type: application/json", NULL };
	struct chat_msg *m = arg;
	struct http_request req = {
		.method = "POST", .url = m->chat->url, .body = m->body,
		.body_len = strlen(m->body), .headers = headers, .timeout_ms = 10000,
		.max_body = 64 * 1024, .mutating = true,
	};
	struct wr_err err;

	m->timer = 0;
	m->attempt++;
	if (http_start(m->chat->http, &req, answered, m, &err) != 0)
		report(m, false, false, 0, err.msg);
}

struct chat *
chat_new(struct loop *loop, struct http_client *http, struct timeline *tl,
    struct redactor *red, const struct config_chat *cfg, struct wr_err *err)
{
	struct chat *c;
	char url[WR_URL_MAX];

	if (cfg->line == 0)
		return wr_err_set(err, "no [chat] in the config"), NULL;
	if (tl == NULL)
		return wr_err_set(err, "chat announcements need --incident NAME"), NULL;
	if (secret_read(cfg->webhook_url_env, cfg->webhook_url_file.path, "chat webhook URL",
	    url, sizeof(url), err) != 0)
		return NULL;
	/* The URL is the credential: redacted everywhere, never in messages. */
	redact_add_secret(red, url);
	if (http_url_check_secure(url, "chat webhook URL", err) != 0) {
		char *said = redact_text(red, err->msg);  /* a URL it could not read is named */

		wr_strlcpy(err->msg, said, sizeof(err->msg));
		free(said);
		explicit_bzero(url, sizeof(url));
		return NULL;
	}
	c = xcalloc(1, sizeof(*c));
	c->loop = loop;
	c->http = http;
	c->tl = tl;
	c->backoff_ms = 1000;
	wr_strlcpy(c->url, url, sizeof(c->url));
	return c;
}

void
chat_set_callback(struct chat *c, chat_done_fn fn, void *arg)
{
	c->done = fn;
	c->done_arg = arg;
}

void
chat_set_backoff(struct chat *c, int64_t base_ms)
{
	c->backoff_ms = base_ms > 0 ? base_ms : 1000;
}

int
chat_announce(struct chat *c, const char *text, const char *step, bool section,
    const char *code, char id[32], struct wr_err *err)
{
	struct chat_msg *m;
	cJSON *d, *body;
	char *clean;

	if (http_read_only(c->http))
		return wr_err_set(err, "read-only mode: nothing is announced");
	/* Typed or from a runbook, it is shown, stored and sent as the
	 * sanitizer writes it (DESIGN §3.5): the team reads what was seen. */
	clean = sanitize_dup(text, strlen(text), NULL);
	text = clean;
	/* The record's own seq keeps ids unique across sessions of the journal. */
	snprintf(id, 32, "chat-%lx-%u", (unsigned long)time(NULL),
	    (unsigned)(timeline_last_seq(c->tl) + 1));
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "id", id);
	cJSON_AddStringToObject(d, "text", text);
	if (step != NULL && step[0] != '\0') {
		cJSON_AddStringToObject(d, section ? "runbook_section" : "runbook_step", step);
		if (code != NULL && code[0] != '\0')
			cJSON_AddStringToObject(d, "runbook_code", code);
	}
	/* Write-ahead: stored before anything is sent. */
	if (timeline_append(c->tl, "chat.announce", NULL, id, d, err) != 0) {
		free(clean);
		return -1;
	}
	m = xcalloc(1, sizeof(*m));
	m->chat = c;
	wr_strlcpy(m->id, id, sizeof(m->id));
	body = cJSON_CreateObject();
	cJSON_AddStringToObject(body, "text", text);
	m->body = cJSON_PrintUnformatted(body);
	cJSON_Delete(body);
	free(clean);
	m->next = c->msgs;
	c->msgs = m;
	send_msg(m);
	return 0;
}

/* An announcement found in the journal with no outcome yet. */
struct interrupted {
	char id[32];
	char *text;
	int attempts;                    /* chat.retry records seen */
	char last_error[WR_ERR_MAX];
	struct interrupted *next;
};

static void
settle_interrupted(struct timeline *tl, const struct interrupted *p, chat_done_fn fn,
    void *arg)
{
	struct chat_result r;
	struct wr_err err;
	cJSON *d = cJSON_CreateObject();
	size_t n;

	memset(&r, 0, sizeof(r));
	wr_strlcpy(r.id, p->id, sizeof(r.id));
	wr_strlcpy(r.text, p->text != NULL ? p->text : "", sizeof(r.text));
	r.unknown = true;
	r.interrupted = true;
	if (p->attempts > 0)
		snprintf(r.error, sizeof(r.error), "the console stopped before the webhook's answer "
		    "was recorded (after %d failed attempt%s, the last: %.200s): it may or may not "
		    "be in the channel; not sent again", p->attempts, p->attempts == 1 ? "" : "s",
		    p->last_error);
	else
		snprintf(r.error, sizeof(r.error), "the console stopped before the webhook's answer "
		    "was recorded: it may or may not be in the channel; not sent again");
	cJSON_AddStringToObject(d, "id", p->id);
	cJSON_AddStringToObject(d, "text", p->text != NULL ? p->text : "");
	cJSON_AddStringToObject(d, "outcome", "unknown");
	cJSON_AddStringToObject(d, "detail", "announced before a restart; not sent again");
	cJSON_AddStringToObject(d, "error", r.error);
	cJSON_AddNumberToObject(d, "http_status", 0);
	cJSON_AddBoolToObject(d, "unknown", true);
	cJSON_AddBoolToObject(d, "interrupted", true);
	if (timeline_append(tl, "chat.failed", NULL, p->id, d, &err) != 0) {
		n = strlen(r.error);
		snprintf(r.error + n, sizeof(r.error) - n, " (NOT recorded: %.200s)", err.msg);
	}
	if (fn != NULL)
		fn(&r, arg);
}

int
chat_resolve_interrupted(struct timeline *tl, chat_done_fn fn, void *arg)
{
	struct record_list list;
	struct interrupted *head = NULL, **tail = &head, *p, **pp;
	struct wr_err err;
	int count = 0;
	size_t i;

	if (tl == NULL || timeline_records(tl, &list, &err) != 0)
		return 0;
	/* In file order: an announcement, its retries, then maybe an end. */
	for (i = 0; i < list.n; i++) {
		const struct record *r = &list.v[i];
		const cJSON *v;

		if (r->op == NULL || strncmp(r->kind, "chat.", 5) != 0)
			continue;
		for (pp = &head; *pp != NULL && strcmp((*pp)->id, r->op) != 0; pp = &(*pp)->next)
			;
		if (strcmp(r->kind, "chat.announce") == 0) {
			if (*pp != NULL)
				continue;
			p = xcalloc(1, sizeof(*p));
			wr_strlcpy(p->id, r->op, sizeof(p->id));
			v = cJSON_GetObjectItemCaseSensitive(r->data, "text");
			p->text = xstrdup(cJSON_IsString(v) ? v->valuestring : "");
			*tail = p;
			tail = &p->next;
		} else if (*pp == NULL) {
			continue;
		} else if (strcmp(r->kind, "chat.retry") == 0) {
			v = cJSON_GetObjectItemCaseSensitive(r->data, "error");
			(*pp)->attempts++;
			wr_strlcpy((*pp)->last_error, cJSON_IsString(v) ? v->valuestring : "",
			    sizeof((*pp)->last_error));
		} else if (strcmp(r->kind, "chat.post") == 0 || strcmp(r->kind, "chat.failed") == 0) {
			p = *pp;
			*pp = p->next;
			if (*pp == NULL)
				tail = pp;
			free(p->text);
			free(p);
		}
	}
	record_list_free(&list);
	while ((p = head) != NULL) {
		settle_interrupted(tl, p, fn, arg);
		count++;
		head = p->next;
		free(p->text);
		free(p);
	}
	return count;
}

void
chat_free(struct chat *c)
{
	if (c == NULL)
		return;
	while (c->msgs != NULL)
		drop(c->msgs);
	free(c);
}
