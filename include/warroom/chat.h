/*
 * chat.h — announcements to a Slack-compatible incoming webhook: one POST
 * of {"text": …} per announcement, on the loop.
 *
 * Journal records (op = the announcement id):
 *   chat.announce {"id", "text"}   stored before anything is sent
 *   chat.post     {"id", "http_status"}            the webhook took it
 *   chat.retry    {"id", "attempt", "error", "http_status", "retry_ms"}
 *   chat.failed   {"id", "error", "http_status", "unknown"}
 *   chat.failed   {"id", "text", "outcome": "unknown", "detail", "error",
 *                  "http_status": 0, "unknown": true, "interrupted": true}
 *                 an announcement an earlier session left without an end
 * A 429 or 5xx answer, or a connection that was never made, is retried
 * with backoff (at most 5 attempts); a timeout after sending is not (the
 * message may be there: it ends failed with unknown = true, said so); a
 * redirect is never followed; other 4xx give up. The URL is the
 * credential: https only except to loopback, registered with the redactor,
 * never journalled. Refused in read-only mode. An announcement whose
 * session ended (killed, or quit with a POST out or a retry pending)
 * before its end was stored is UNKNOWN at the next start, never re-sent:
 * the webhook cannot be searched, and a second POST is a second message.
 */
#ifndef WARROOM_CHAT_H
#define WARROOM_CHAT_H

#include <stdbool.h>

#include "warroom/config.h"
#include "warroom/util.h"

struct loop;
struct http_client;
struct timeline;
struct redactor;
struct chat;

/* How one announcement ended. */
struct chat_result {
	char id[32];
	bool ok;
	bool unknown;                    /* no answer after sending: may be posted */
	bool interrupted;                /* left by an earlier session */
	long http_status;
	char error[WR_ERR_MAX];
	char text[200];                  /* interrupted only: the start of its text */
};

typedef void (*chat_done_fn)(const struct chat_result *r, void *arg);

/* A client for cfg's webhook (its URL read from the env or 0600 file now).
 * NULL with err when it cannot be used. Free it before the http client. */
struct chat *chat_new(struct loop *loop, struct http_client *http, struct timeline *tl,
    struct redactor *red, const struct config_chat *cfg, struct wr_err *err);

/* Called once per announcement when it is posted or given up. */
void chat_set_callback(struct chat *c, chat_done_fn fn, void *arg);

/* Store the announcement in the journal, then post it; its id to id.
 * step (NULL or "": none) is the runbook step x announced it from (section:
 * a section's id), named in the record for the post-mortem and the row's
 * mark, with code (runbook_work_code, or NULL): what the step held then.
 * -1 with err (nothing stored or sent) when read-only or the journal
 * refuses the record. */
int chat_announce(struct chat *c, const char *text, const char *step, bool section,
    const char *code, char id[32], struct wr_err *err);

/* At start, before anything is announced: every chat.announce in tl's
 * journal with no chat.post or chat.failed gets a chat.failed record
 * (unknown, interrupted, the reason) and fn (may be NULL) is called with
 * it. Nothing is sent, so no client is needed: a [chat] section removed
 * since does not hide them. Returns how many. */
int chat_resolve_interrupted(struct timeline *tl, chat_done_fn fn, void *arg);

/* Tests shorten the backoff (first delay; it doubles, capped at 30 s). */
void chat_set_backoff(struct chat *c, int64_t base_ms);

/* Announcements sent or waiting to be retried, not yet ended. */
int chat_pending(const struct chat *c);

void chat_free(struct chat *c);

#endif
