/*
 * exec.c — a command on its own channel: open the session channel, exec,
 * read stdout and stderr until EOF, close, then read the exit signal
 * (first: a killed command also reports status 0) and the exit status.
 * Every step may answer EAGAIN; the pool calls service() again whenever
 * the session's socket moves, so nothing here waits.
 *
 * A command cut short (its timeout, exec_cancel) is over for its caller at
 * once; its channel is closed in the background. sshd answers that close
 * only when the command exits, which a hung one may never do: the close is
 * waited for while the session lives, at most EXEC_LINGER_MS.
 */
#include "warroom/exec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "warroom/linesplit.h"
#include "warroom/loop.h"

enum phase { PH_OPEN, PH_EXEC, PH_READ, PH_CLOSE, PH_FREE, PH_DONE };

/* How long a channel cut short may take to close before it is left to
 * libssh2, which frees it with its session. */
#define EXEC_LINGER_MS (10 * 60 * 1000)

struct exec_cmd {
	struct ssh_client client;        /* first: the pool hands this back */
	struct ssh_pool *pool;
	struct loop *loop;
	LIBSSH2_SESSION *s;
	LIBSSH2_CHANNEL *ch;
	char *cmd;
	struct exec_opts opts;
	enum phase phase;
	struct linesplit out, err;
	struct exec_result result;
	uint64_t timer;
	uint64_t linger;                 /* giving up on the close */
	bool asking;                     /* the channel open is out (holds the slot) */
	bool reported;                   /* on_done called: only the close is left */
	char in[EXEC_WRITE_MAX];         /* for the command's stdin, not yet sent */
	size_t inlen;
};

static void
line_out(const char *line, size_t len, bool cut, void *arg)
{
	struct exec_cmd *c = arg;

	if (c->opts.on_line != NULL)
		c->opts.on_line(EXEC_STDOUT, line, len, cut, c->opts.arg);
}

static void
line_err(const char *line, size_t len, bool cut, void *arg)
{
	struct exec_cmd *c = arg;

	if (c->opts.on_line != NULL)
		c->opts.on_line(EXEC_STDERR, line, len, cut, c->opts.arg);
}

/* The caller's part ends: the last lines, then on_done; no callback but
 * on_closed after this. */
static void
report(struct exec_cmd *c)
{
	if (c->reported)
		return;
	c->reported = true;
	if (c->timer != 0)
		loop_timer_cancel(c->loop, c->timer);
	c->timer = 0;
	if (c->opts.on_chunk != NULL) {
		c->opts.on_chunk(EXEC_STDOUT, NULL, 0, true, c->opts.arg);
		c->opts.on_chunk(EXEC_STDERR, NULL, 0, true, c->opts.arg);
	}
	linesplit_finish(&c->out);
	linesplit_finish(&c->err);
	c->opts.on_line = NULL;
	c->opts.on_chunk = NULL;
	if (c->opts.on_done != NULL)
		c->opts.on_done(&c->result, c->opts.arg);
	c->opts.on_done = NULL;
}

static void
finish(struct exec_cmd *c)
{
	if (c->linger != 0)
		loop_timer_cancel(c->loop, c->linger);
	c->linger = 0;
	ssh_client_detach(&c->client);
	report(c);
	c->phase = PH_DONE;
	if (c->opts.on_closed != NULL)
		c->opts.on_closed(c->opts.arg);
	linesplit_free(&c->out);
	linesplit_free(&c->err);
	free(c->cmd);
	free(c);
}

/* At most this much per stream per turn of the loop: a flood of log lines
 * is read in slices, and a key waits for one slice, not for the flood. */
#define DRAIN_TURN (512 * 1024)

/* Read what is there on both streams; returns a libssh2 error or 0. */
static int
drain(struct exec_cmd *c)
{
	char buf[65536];
	ssize_t n = 0;
	size_t got;
	int streams[2] = { 0, SSH_EXTENDED_DATA_STDERR }, i;

	for (i = 0; i < 2; i++) {
		for (got = 0; got < DRAIN_TURN; got += (size_t)n) {
			n = libssh2_channel_read_ex(c->ch, streams[i], buf, sizeof(buf));
			if (n <= 0)
				break;
			if (c->reported)
				continue;        /* cut short: read only to be let go */
			if (c->opts.on_chunk != NULL)
				c->opts.on_chunk(i == 0 ? EXEC_STDOUT : EXEC_STDERR, buf, (size_t)n,
				    false, c->opts.arg);
			else
				linesplit_feed(i == 0 ? &c->out : &c->err, buf, (size_t)n);
		}
		if (got >= DRAIN_TURN)
			ssh_client_yield(&c->client);
		else if (n < 0 && n != LIBSSH2_ERROR_EAGAIN)
			return (int)n;
	}
	return 0;
}

/* Send what waits for stdin; returns a libssh2 error or 0 (EAGAIN: the
 * rest goes when the session is serviced next). */
static int
flush_in(struct exec_cmd *c)
{
	ssize_t n;

	while (c->inlen > 0) {
		n = libssh2_channel_write(c->ch, c->in, c->inlen);
		if (n == LIBSSH2_ERROR_EAGAIN) {
			ssh_client_want_write(&c->client);
			return 0;
		}
		if (n < 0)
			return (int)n;
		memmove(c->in, c->in + n, c->inlen - (size_t)n);
		c->inlen -= (size_t)n;
	}
	return 0;
}

static int
step(struct exec_cmd *c, char *why, size_t whycap)
{
	int rc;
	char *sig = NULL;

	for (;;) {
		switch (c->phase) {
		case PH_OPEN:
			if (!ssh_client_request(&c->client))
				return 0;        /* another channel's request is pending */
			c->asking = true;
			c->ch = libssh2_channel_open_ex(c->s, "session", 7,
			    4 * 1024 * 1024, LIBSSH2_CHANNEL_PACKET_DEFAULT, NULL, 0);
			if (c->ch == NULL) {
				rc = libssh2_session_last_errno(c->s);
				if (rc == LIBSSH2_ERROR_EAGAIN)
					return 0;
				goto fail;
			}
			c->asking = false;
			if (c->reported) {
				/* Cut short while it opened: closed unused. */
				ssh_client_request_done(&c->client);
				c->phase = PH_CLOSE;
				break;
			}
			c->phase = PH_EXEC;
			break;
		case PH_EXEC:
			/* A request answered before anything else is sent: libssh2
			 * keeps its state in the session, so even a command cut
			 * short waits for this answer (a moment) before closing. */
			rc = libssh2_channel_process_startup(c->ch, "exec", 4, c->cmd,
			    (unsigned)strlen(c->cmd));
			if (rc == LIBSSH2_ERROR_EAGAIN)
				return 0;
			ssh_client_request_done(&c->client);
			if (rc != 0)
				goto fail;
			c->phase = c->reported ? PH_CLOSE : PH_READ;
			break;
		case PH_READ:
			if ((rc = flush_in(c)) != 0)
				goto fail;
			/* Nothing queued: a read would only recv() EAGAIN. */
			if (!ssh_channel_pending(c->ch))
				return 0;
			if ((rc = drain(c)) != 0)
				goto fail;
			if (!libssh2_channel_eof(c->ch))
				return 0;
			c->phase = PH_CLOSE;
			break;
		case PH_CLOSE:
			if ((rc = drain(c)) != 0)
				goto fail;
			rc = libssh2_channel_close(c->ch);
			if (rc == 0)
				rc = libssh2_channel_wait_closed(c->ch);
			if (rc == LIBSSH2_ERROR_EAGAIN)
				return 0;
			if (!c->reported) {
				libssh2_channel_get_exit_signal(c->ch, &sig, NULL, NULL, NULL,
				    NULL, NULL);
				c->result.finished = true;
				if (sig != NULL) {
					wr_strlcpy(c->result.signal, sig, sizeof(c->result.signal));
					snprintf(c->result.error, sizeof(c->result.error),
					    "killed by signal %s", sig);
					libssh2_free(c->s, sig);
				} else
					c->result.exit_status = libssh2_channel_get_exit_status(c->ch);
			}
			c->phase = PH_FREE;
			break;
		case PH_FREE:
			rc = libssh2_channel_free(c->ch);
			if (rc == LIBSSH2_ERROR_EAGAIN)
				return 0;
			c->ch = NULL;
			finish(c);
			return 0;
		case PH_DONE:
			return 0;
		}
	}
fail:
	if (ssh_error_is_fatal(rc)) {
		snprintf(why, whycap, "connection lost: %s", ssh_last_error(c->s));
		return -1;       /* the pool takes the host down and calls lost() */
	}
	snprintf(c->result.error, sizeof(c->result.error), "%s", ssh_last_error(c->s));
	if (c->ch != NULL) {
		c->phase = PH_FREE;
		return step(c, why, whycap);
	}
	finish(c);
	return 0;
}

static int
service(struct ssh_client *cl, char *why, size_t whycap)
{
	return step((struct exec_cmd *)cl, why, whycap);
}

static void
lost(struct ssh_client *cl, const char *why)
{
	struct exec_cmd *c = (struct exec_cmd *)cl;

	/* The session is gone and libssh2 frees its channels with it. */
	c->ch = NULL;
	c->result.finished = false;
	c->result.quit = strcmp(why, SSH_LOST_QUIT) == 0;
	snprintf(c->result.error, sizeof(c->result.error), "%s", why);
	finish(c);
}

static void
on_timeout(void *arg)
{
	struct exec_cmd *c = arg;

	c->timer = 0;
	c->result.timed_out = true;
	snprintf(c->result.error, sizeof(c->result.error), "timed out after %d s",
	    c->opts.timeout_ms / 1000);
	exec_cancel(c);           /* may free c */
}

/* A close sshd never answered (the command still hangs on the host): the
 * channel is left to libssh2, which frees it with the session. */
static void
on_linger(void *arg)
{
	struct exec_cmd *c = arg;

	c->linger = 0;
	c->ch = NULL;
	finish(c);
}

void
exec_cancel(struct exec_cmd *c)
{
	char why[64];

	if (c->phase == PH_DONE || c->reported)
		return;
	if (c->result.error[0] == '\0')
		snprintf(c->result.error, sizeof(c->result.error), "cancelled");
	if (c->ch == NULL && !c->asking) {
		finish(c);
		return;
	}
	/* The caller goes on now. Closing the channel is how a running command
	 * is stopped (libssh2 1.10 has no channel signal): EOF and close are
	 * sent, and sshd closes its pipes to the command; it answers only once
	 * the command exits, so that answer is waited for in the background. */
	report(c);
	c->linger = loop_timer_add(c->loop, EXEC_LINGER_MS, 0, on_linger, c);
	if (c->phase == PH_READ)
		c->phase = PH_CLOSE;
	step(c, why, sizeof(why));        /* may free c; a broken session is the pool's */
}

bool
exec_write(struct exec_cmd *c, const char *data, size_t len)
{
	if (c->reported || c->phase > PH_READ || len > sizeof(c->in) - c->inlen)
		return false;
	memcpy(c->in + c->inlen, data, len);
	c->inlen += len;
	/* Sent now when the channel is open, else once the command starts;
	 * an error is the next service's to find and report. */
	if (c->phase == PH_READ && flush_in(c) != 0)
		ssh_client_want_write(&c->client);
	return true;
}

struct exec_cmd *
exec_start(struct ssh_pool *pool, int host, const char *cmd,
    const struct exec_opts *opts, struct wr_err *err)
{
	LIBSSH2_SESSION *s = ssh_pool_session(pool, host);
	struct exec_cmd *c;
	size_t cap = opts->line_cap ? opts->line_cap : 16384;

	if (opts->mutating && ssh_pool_read_only(pool)) {
		/* Defence in depth: the choke point should never let this through. */
		wr_err_set(err, "read-only mode: a command that changes %s was refused",
		    ssh_pool_name(pool, host));
		return NULL;
	}
	if (s == NULL) {
		const struct ssh_status *st = ssh_pool_status(pool, host);

		wr_err_set(err, "%s is %s%s%s", ssh_pool_name(pool, host),
		    ssh_state_name(st->state), st->error[0] ? ": " : "", st->error);
		return NULL;
	}
	c = xcalloc(1, sizeof(*c));
	c->pool = pool;
	c->s = s;
	c->cmd = xstrdup(cmd);
	c->opts = *opts;
	c->client.service = service;
	c->client.lost = lost;
	linesplit_init(&c->out, cap, line_out, c);
	linesplit_init(&c->err, cap, line_err, c);
	ssh_client_attach(pool, host, &c->client);
	c->loop = ssh_client_loop(&c->client);
	if (opts->timeout_ms > 0)
		c->timer = loop_timer_add(c->loop, opts->timeout_ms, 0, on_timeout, c);
	return c;
}

/* ---- streams ---- */

struct exec_follow {
	struct ssh_pool *pool;
	struct loop *loop;
	int host;
	char *tmpl;
	struct exec_follow_opts opts;
	struct exec_cmd *cmd;            /* the current run, or NULL */
	uint64_t timer;
	char since[40];                  /* last line's arrival, RFC 3339 UTC */
	time_t since_s;                  /* ... in seconds */
	char run_since[40];              /* since as the current run began */
	time_t run_since_s;
	char first_since[40];            /* opts.first_since, copied: callers pass a local */
	int restarts;
	char gap[200];                   /* why no run is going, while none is */
	int64_t run_at_ms;               /* when the current run started */
	int wait_ms;                     /* before the next run: backs off */
};

static void stream_run(void *arg);

/* A run shorter than this failed at once: the next waits twice as long. */
#define FOLLOW_SHORT_RUN_MS 5000
#define FOLLOW_MAX_WAIT_MS 30000

/* Output arrived now: the arrival time is what --since can be given when
 * the caller cannot name the time of its newest line (opts.since); lines
 * of the same second may then repeat on resume. Formatted once a second,
 * not once a line (a flood is 50k/s). */
static void
stream_seen(struct exec_follow *st)
{
	struct timespec ts;
	struct tm tm;

	clock_gettime(CLOCK_REALTIME, &ts);
	if (ts.tv_sec != st->since_s) {
		st->since_s = ts.tv_sec;
		gmtime_r(&ts.tv_sec, &tm);
		strftime(st->since, sizeof(st->since), "%Y-%m-%dT%H:%M:%SZ", &tm);
	}
}

static void
stream_line(enum exec_stream s, const char *line, size_t len, bool cut, void *arg)
{
	struct exec_follow *st = arg;

	/* Only the log itself: a tool's complaint on stderr is no line to
	 * resume after. */
	if (s == EXEC_STDOUT)
		stream_seen(st);
	if (st->opts.on_line != NULL)
		st->opts.on_line(s, line, len, cut, st->opts.arg);
}

static void
stream_chunk(enum exec_stream s, const char *data, size_t len, bool eof, void *arg)
{
	struct exec_follow *st = arg;

	/* Bytes arriving is what resumes from: as stream_line, once a second. */
	if (!eof && s == EXEC_STDOUT)
		stream_seen(st);
	if (st->opts.on_chunk != NULL)
		st->opts.on_chunk(s, data, len, eof, st->opts.arg);
}

static void
stream_done(const struct exec_result *r, void *arg)
{
	struct exec_follow *st = arg;
	bool short_run = loop_now_ms() - st->run_at_ms < FOLLOW_SHORT_RUN_MS;

	st->cmd = NULL;
	/* A run that failed at once printed an error, not the log: the next
	 * starts where this one did, so a failing first start does not creep
	 * past the backlog (lines it did print may then come twice). */
	if (short_run && r->finished && (r->exit_status != 0 || r->signal[0] != '\0')) {
		memcpy(st->since, st->run_since, sizeof(st->since));
		st->since_s = st->run_since_s;
	}
	if (r->finished && r->signal[0] != '\0')
		snprintf(st->gap, sizeof(st->gap), "the command was killed (%s)", r->signal);
	else if (r->finished)
		snprintf(st->gap, sizeof(st->gap), "the command exited %d", r->exit_status);
	else
		wr_strlcpy(st->gap, r->error[0] ? r->error : "the run broke off", sizeof(st->gap));
	/* A command that keeps failing at once (a service that is gone) is
	 * retried less and less often, up to every 30 s, not every second. */
	if (!short_run)
		st->wait_ms = st->opts.retry_ms;
	st->timer = loop_timer_add(st->loop, st->wait_ms, 0, stream_run, st);
	if (short_run)
		st->wait_ms = st->wait_ms * 2 < FOLLOW_MAX_WAIT_MS ? st->wait_ms * 2 :
		    FOLLOW_MAX_WAIT_MS;
}

/* template with every {since} replaced (malloc'd). */
static char *
fill_since(const char *tmpl, const char *since)
{
	size_t n = strlen(tmpl) + 1, sl = strlen(since);
	const char *p;
	char *out, *o;

	for (p = tmpl; (p = strstr(p, "{since}")) != NULL; p += 7)
		n += sl;
	out = o = xmalloc(n);
	while ((p = strstr(tmpl, "{since}")) != NULL) {
		memcpy(o, tmpl, (size_t)(p - tmpl));
		o += p - tmpl;
		memcpy(o, since, sl);
		o += sl;
		tmpl = p + 7;
	}
	memcpy(o, tmpl, strlen(tmpl) + 1);
	return out;
}

static void
stream_run(void *arg)
{
	struct exec_follow *st = arg;
	struct exec_opts o = {
		.line_cap = st->opts.line_cap,
		.on_line = stream_line,
		.on_chunk = st->opts.on_chunk != NULL ? stream_chunk : NULL,
		.on_done = stream_done,
		.arg = st,
	};
	struct wr_err err;
	char *cmd, resume[40];
	const char *since = st->since[0] ? st->since : st->opts.first_since;

	st->timer = 0;
	if (ssh_pool_session(st->pool, st->host) == NULL) {
		/* Not UP yet: look again later; a DOWN host costs a timer. */
		snprintf(st->gap, sizeof(st->gap), "the host is not connected");
		st->timer = loop_timer_add(st->loop, st->opts.retry_ms, 0, stream_run, st);
		return;
	}
	/* A run after one that went: from the caller's newest line. */
	if (st->restarts > 0 && st->opts.since != NULL &&
	    st->opts.since(resume, sizeof(resume), st->opts.arg))
		since = resume;
	cmd = fill_since(st->tmpl, since);
	memcpy(st->run_since, st->since, sizeof(st->since));
	st->run_since_s = st->since_s;
	st->cmd = exec_start(st->pool, st->host, cmd, &o, &err);
	if (st->cmd == NULL) {
		wr_strlcpy(st->gap, err.msg, sizeof(st->gap));
		st->timer = loop_timer_add(st->loop, st->opts.retry_ms, 0, stream_run, st);
	} else {
		st->gap[0] = '\0';
		st->run_at_ms = loop_now_ms();
		if (st->opts.on_restart != NULL)
			st->opts.on_restart(cmd, st->restarts, st->opts.arg);
		st->restarts++;
	}
	free(cmd);
}

struct exec_follow *
exec_follow_start(struct ssh_pool *pool, int host, const char *tmpl,
    const struct exec_follow_opts *opts)
{
	struct exec_follow *st = xcalloc(1, sizeof(*st));

	st->pool = pool;
	st->loop = ssh_pool_loop(pool);
	st->host = host;
	st->tmpl = xstrdup(tmpl);
	st->opts = *opts;
	if (st->opts.retry_ms <= 0)
		st->opts.retry_ms = 1000;
	st->wait_ms = st->opts.retry_ms;
	wr_strlcpy(st->first_since, opts->first_since != NULL ? opts->first_since : "1m",
	    sizeof(st->first_since));
	st->opts.first_since = st->first_since;
	stream_run(st);
	return st;
}

const char *
exec_follow_gap(const struct exec_follow *st)
{
	return st == NULL || st->cmd != NULL ? NULL : st->gap[0] ? st->gap : "starting";
}

/* End the current run, if any, without a word back: no eof, no done, so
 * nothing restarts it. */
static void
stream_silence(struct exec_follow *st)
{
	if (st->timer != 0)
		loop_timer_cancel(st->loop, st->timer);
	st->timer = 0;
	if (st->cmd != NULL) {
		st->cmd->opts.on_done = NULL;
		st->cmd->opts.on_line = NULL;
		st->cmd->opts.on_chunk = NULL;
		exec_cancel(st->cmd);
	}
	st->cmd = NULL;
}

void
exec_follow_retarget(struct exec_follow *st, const char *tmpl)
{
	free(st->tmpl);
	st->tmpl = xstrdup(tmpl);
	if (st->restarts == 0)
		return;	/* no run yet: the one waiting for the host takes it */
	stream_silence(st);
	/* A new command: the last one's failures do not slow it down. */
	st->wait_ms = st->opts.retry_ms;
	stream_run(st);
}

void
exec_follow_stop(struct exec_follow *st)
{
	if (st == NULL)
		return;
	stream_silence(st);
	free(st->tmpl);
	free(st);
}
