/*
 * statuspage_probe.c — a headless driver of the status-page client for
 * tests/integration/test_statuspage.sh: open (or resume) an incident's
 * timeline, create the client from a config's [statuspage], post the
 * actions named on the command line, run the loop until the queue is
 * empty or the time is up, and print every outcome.
 *
 *   statuspage_probe -c CONF -d TIMELINE_DIR -i INCIDENT [-r] [-n] [-k]
 *       [-t SECONDS] [-T HTTP_TIMEOUT_MS] [-m MAX_ATTEMPTS] [-b BACKOFF_MS]
 *       [-S STATUS] [-a ARMFILE] [create|update|resolve ...]
 *
 * -r read-only (nothing may be sent); -n store the queue records and exit
 * without sending (a crash right after the write-ahead); -k check the page
 * first, as the console does at start, and wait for its answer (printed,
 * with the header's badge as it would read). -S posts with that status
 * (a create "identified"). -a waits until ARMFILE exists, then takes over
 * what other consoles left pending (statuspage_adopt, as arming does)
 * and only then posts the actions. With no actions
 * it only replays what the journal holds ("unknown": a replayed post
 * read back from the page and not found there). Exit 0 when every post reached
 * the page and nothing is pending, 1 otherwise, 2 on bad usage or setup.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "warroom/config_files.h"
#include "warroom/http.h"
#include "warroom/loop.h"
#include "warroom/redact.h"
#include "warroom/statuspage.h"
#include "warroom/statuspage_badge.h"
#include "warroom/timeline.h"

static int failures;

static void
on_done(const struct statuspage_result *r, void *arg)
{
	(void)arg;
	if (r->check)
		printf("check %s http=%ld%s%s\n", r->ok ? "ok" : "failed", r->http_status,
		    r->ok ? "" : " error=", r->error);
	else if (r->ok)
		printf("done %s %s ok page=%s status=%s found=%d%s%s http=%ld%s%s\n", r->queue,
		    statuspage_action_name(r->action), r->page_incident, r->page_status,
		    r->found, r->reconciled ? " reconciled=1" : "",
		    r->in_session ? " in_session=1" : "", r->http_status,
		    r->as_update ? " as_update: " : "", r->as_update ? r->error : "");
	else if (r->superseded)
		printf("superseded %s %s: %s\n", r->queue, statuspage_action_name(r->action),
		    r->error);
	else if (r->reconciled) {
		printf("unknown %s %s http=%ld error=%s\n", r->queue,
		    statuspage_action_name(r->action), r->http_status, r->error);
		failures++;
	} else {
		printf("failed %s %s http=%ld error=%s\n", r->queue,
		    statuspage_action_name(r->action), r->http_status, r->error);
		failures++;
	}
	fflush(stdout);
}

static void
fill(struct statuspage_update *u, const char *action, enum statuspage_kind kind,
    const char *our_id)
{
	const char *comp = kind == STATUSPAGE_ATLASSIAN ? "cmpapi000001" : "1";
	struct statuspage_vars v = {
		.service = "api", .from_tag = "v1.5.0-bad", .to_tag = "v1.4.1", .incident = our_id,
	};
	char when[32];
	time_t now = time(NULL);
	const char *tpl;
	char *body;

	strftime(when, sizeof(when), "%H:%M UTC", gmtime(&now));
	v.time = when;
	memset(u, 0, sizeof(*u));
	u->action = (enum statuspage_action)statuspage_action_parse(action);
	wr_strlcpy(u->components[0].id, comp, sizeof(u->components[0].id));
	u->ncomponents = 1;
	switch (u->action) {
	case STATUSPAGE_CREATE:
		u->status = STATUSPAGE_INVESTIGATING;
		u->components[0].status = STATUSPAGE_MAJOR_OUTAGE;
		wr_strlcpy(u->name, "API 5xx spike", sizeof(u->name));
		wr_strlcpy(u->impact, "major", sizeof(u->impact));
		tpl = "{service} answers errors after {to_tag} was deployed ({incident}).";
		break;
	case STATUSPAGE_UPDATE:
		u->status = STATUSPAGE_IDENTIFIED;
		u->components[0].status = STATUSPAGE_PARTIAL_OUTAGE;
		tpl = "{service} is being rolled back from {from_tag} to {to_tag}.";
		break;
	default:
		u->status = STATUSPAGE_RESOLVED;
		u->components[0].status = STATUSPAGE_OPERATIONAL;
		tpl = "Resolved at {time}.";
		break;
	}
	body = statuspage_template(tpl, &v);
	wr_strlcpy(u->body, body, sizeof(u->body));
	free(body);
}

int
main(int argc, char **argv)
{
	const char *conf = NULL, *dir = NULL, *incident = NULL, *armfile = NULL;
	int status = -1;
	struct statuspage_opts opts = { 0 };
	bool read_only = false, no_send = false, check = false;
	double timeout = 20;
	struct config cfg;
	struct wr_err err;
	struct redactor red;
	struct timeline *tl;
	struct loop *loop;
	struct http_client *http;
	struct statuspage *sp;
	const struct statuspage_state *st;
	int64_t start;
	int c, i, rc;

	while ((c = getopt(argc, argv, "c:d:i:rnkt:T:m:b:S:a:")) != -1) {
		switch (c) {
		case 'c': conf = optarg; break;
		case 'd': dir = optarg; break;
		case 'i': incident = optarg; break;
		case 'r': read_only = true; break;
		case 'n': no_send = true; break;
		case 'k': check = true; break;
		case 't': timeout = atof(optarg); break;
		case 'T': opts.timeout_ms = atol(optarg); break;
		case 'm': opts.max_attempts = atoi(optarg); break;
		case 'b': opts.backoff_base_ms = atol(optarg); break;
		case 'S': status = statuspage_status_parse(optarg); break;
		case 'a': armfile = optarg; break;
		default: return 2;
		}
	}
	for (i = optind; i < argc; i++)
		if (statuspage_action_parse(argv[i]) < 0) {
			fprintf(stderr, "unknown action %s\n", argv[i]);
			return 2;
		}
	if (conf == NULL || dir == NULL || incident == NULL) {
		fprintf(stderr, "usage: statuspage_probe -c CONF -d DIR -i INCIDENT [actions]\n");
		return 2;
	}
	if (config_load(&cfg, conf) != 0) {
		for (size_t k = 0; k < cfg.nerrors; k++)
			fprintf(stderr, "%s\n", cfg.errors[k]);
		return 2;
	}
	redact_init(&red);
	{
		struct timeline_open_opts o = { dir, incident, &red, "probe@test", NULL };

		if (timeline_open(&o, &tl, &err) != 0) {
			fprintf(stderr, "timeline: %s\n", err.msg);
			return 2;
		}
	}
	printf("journal %s\n", timeline_path(tl));
	if ((loop = loop_new(&err)) == NULL || (http = http_new(loop, &err)) == NULL) {
		fprintf(stderr, "%s\n", err.msg);
		return 2;
	}
	http_set_read_only(http, read_only);
	sp = statuspage_new(loop, http, tl, &red, &cfg.statuspage, timeline_id(tl), &err);
	if (sp == NULL) {
		printf("error: %s\n", err.msg);
		http_free(http);
		loop_free(loop);
		timeline_close(tl);
		redact_free(&red);
		config_free(&cfg);
		return 2;
	}
	statuspage_set_opts(sp, &opts);
	statuspage_set_callback(sp, on_done, NULL);
	if (check)
		statuspage_check(sp);
	start = loop_now_ms();
	/* -a: a console open before, arming later. */
	while (armfile != NULL && access(armfile, F_OK) != 0 &&
	    loop_now_ms() - start < timeout * 1000)
		if (loop_run_once(loop, 100, &err) != 0)
			break;
	if (armfile != NULL)
		printf("adopted %d\n", statuspage_adopt(sp, &err));
	for (i = optind; i < argc; i++) {
		struct statuspage_update u;
		char q[STATUSPAGE_QUEUE_ID_MAX];

		fill(&u, argv[i], cfg.statuspage.kind, timeline_id(tl));
		if (status >= 0)
			u.status = (enum statuspage_status)status;
		if (statuspage_post(sp, &u, NULL, false, NULL, q, &err) == 0)
			printf("queued %s %s\n", q, argv[i]);
		else {
			printf("refused %s: %s\n", argv[i], err.msg);
			failures++;
		}
	}
	fflush(stdout);
	start = loop_now_ms();
	/* -n: as if killed right after the write-ahead, before any byte left. */
	while (!no_send && (statuspage_state(sp)->pending > 0 ||
	    (check && !read_only && statuspage_state(sp)->check == STATUSPAGE_CHECK_NONE)) &&
	    loop_now_ms() - start < timeout * 1000) {
		if (read_only && loop_now_ms() - start > 1500)
			break;
		if (loop_run_once(loop, 100, &err) != 0) {
			fprintf(stderr, "loop: %s\n", err.msg);
			break;
		}
	}
	st = statuspage_state(sp);
	printf("state page=%s status=%s pending=%d error=%s\n", st->page_incident,
	    st->page_status, st->pending, st->last_error);
	printf("badge failed=%d failing=%d fail_status=%ld retry=%d\n", st->failed, st->failing,
	    st->fail_status, st->retry_at_ms > 0);
	if (check) {
		struct statuspage_badge_in in = { .pending = st->pending, .failed = st->failed,
			.failing = st->failing, .fail_status = st->fail_status, .retry_in_s = -1,
			.check = st->check, .check_status = st->check_status };
		char text[256];

		memcpy(in.cause, st->fail_cause, sizeof(in.cause));
		memcpy(in.check_words, st->check_words, sizeof(in.check_words));
		statuspage_badge(&in, 200, text, sizeof(text));
		printf("header [%s]\n", text);
	}
	rc = failures == 0 && (no_send || st->pending == 0) ? 0 : 1;
	statuspage_free(sp);
	http_free(http);
	loop_free(loop);
	timeline_close(tl);
	redact_free(&red);
	config_free(&cfg);
	return rc;
}
