/*
 * ssh_probe.c — a headless driver of the SSH pool for integration tests
 * and benchmarks: connect to every host of a config, print each host's
 * state as it settles, optionally run a command everywhere and print its
 * output, or watch state changes for a while.
 *
 *   ssh_probe -c CONF [-t SECONDS] [-T SECONDS] [-x COMMAND] [-o OUTFILE]
 *             [-w SECONDS] [-f TEMPLATE] [-r ROUNDS] [-q] [-g PATTERN | -d]
 *
 * -t bounds the connecting and each -x command; -T the command alone.
 *
 * -r ROUNDS runs the -x command that many times (all hosts at once each
 * round) and prints "timing connect_ms=… round_ms=…" for benchmarks, then
 * warm_cpu_ms=…, this process's CPU per round after the first; -q
 * keeps command output quiet.
 *
 * -f follows TEMPLATE on every host with exec_follow (restarted after a
 * reconnect, {since} filled in) for the -w time, printing lines and runs.
 *
 * -w watches for that long (or until SIGTERM, for a test that waits on
 * what the output shows), printing every state change and followed line
 * as it comes, then the CPU seconds used and the loop's wake-ups.
 *
 * -g PATTERN sends the -x command's output down LOGS' path instead of
 * printing it (ingest.c a chunk at a time into a 64 MiB ring, the pcre2
 * filter stepped after each chunk) and adds "lines=… matched=…" to the
 * timing line: B1 over SSH (bench/ingest_ssh.sh).
 *
 * -d takes the -x command's output a chunk at a time and drops it: the
 * SSH transport's own cost, the floor under -g (bench/ingest_ssh.sh).
 *
 * -p runs the first round as the console does: each host's command starts
 * the moment its session is up, not once every host has connected; the
 * timing line then gives cold_ms, from the start to the last answer, and
 * cold_cpu_ms, this process's CPU until then.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pwd.h>
#include <sys/resource.h>

#include "warroom/config_files.h"
#include "warroom/exec.h"
#include "warroom/ingest.h"
#include "warroom/logset.h"
#include "warroom/logfilter.h"
#include "warroom/loop.h"
#include "warroom/redact.h"
#include "warroom/ssh.h"

struct probe {
	struct ssh_pool *pool;
	int n, settled, running;
	bool watch;
	bool stop;                       /* -w: SIGTERM ends the watch early */
	int64_t start;
	FILE *out;
	bool *seen;
	bool quiet;
	/* -g: LOGS' path for the command's output. */
	struct ingest in;
	struct logset ring;
	struct logfilter filter;
	struct redactor red;
	bool grep;
	bool discard;
	uint64_t bytes;
	/* -p: the first round starts per host as it comes up. */
	bool pipeline;
	const char *cmd;
	double timeout;
};

static void start_job(struct probe *p, int host);

static bool
settled_state(enum ssh_state s)
{
	return s == SSH_UP || s == SSH_DOWN || s == SSH_UNTRUSTED;
}

static void
print_state(struct probe *p, int i)
{
	const struct ssh_status *st = ssh_pool_status(p->pool, i);

	printf("%s %s", ssh_pool_name(p->pool, i), ssh_state_name(st->state));
	if (st->error[0])
		printf(" error=%s", st->error);
	if (st->notes[0])
		printf(" notes=%s", st->notes);
	if (st->fingerprint[0])
		printf(" key=%s %s", st->keytype, st->fingerprint);
	if (st->via[0])
		printf(" via=%s", st->via);
	if (st->key_changed)
		printf(" old=%s %s in=%s as=%s", st->old_keytype, st->old_fingerprint,
		    st->known_file, st->known_name);
	if (st->where[0])
		printf(" where=%s", st->where);
	if (p->watch)
		printf(" t=%.1f", (loop_now_ms() - p->start) / 1000.0);
	/* When its stretch of DOWN began: retries must not move it. */
	if (p->watch && st->down_since_ms > 0)
		printf(" down_since=%.3f", (st->down_since_ms - p->start) / 1000.0);
	printf("\n");
	fflush(stdout);
}

static void
on_change(int host, void *arg)
{
	struct probe *p = arg;
	const struct ssh_status *st = ssh_pool_status(p->pool, host);

	if (p->watch) {
		print_state(p, host);
		return;
	}
	if (settled_state(st->state) && !p->seen[host]) {
		p->seen[host] = true;
		p->settled++;
		if (!p->quiet || st->state != SSH_UP)
			print_state(p, host);
		if (p->pipeline && st->state == SSH_UP)
			start_job(p, host);
	}
}

struct job {
	struct probe *p;
	int host;
};

static void
on_line(enum exec_stream s, const char *line, size_t len, bool cut, void *arg)
{
	struct job *j = arg;

	if (j->p->quiet)
		return;
	if (j->p->out != NULL && s == EXEC_STDOUT) {
		fwrite(line, 1, len, j->p->out);
		if (!cut)
			fputc('\n', j->p->out);
		return;
	}
	printf("%s %s: %.*s\n", ssh_pool_name(j->p->pool, j->host),
	    s == EXEC_STDOUT ? "out" : "err", (int)len, line);
	if (j->p->watch)
		fflush(stdout);
}

static void
on_term(struct loop *loop, int signo, void *arg)
{
	struct probe *p = arg;

	(void)loop;
	(void)signo;
	p->stop = true;
}

static void
on_chunk(enum exec_stream s, const char *data, size_t len, bool eof, void *arg)
{
	struct job *j = arg;

	if (s != EXEC_STDOUT)
		return;
	if (eof)
		ingest_finish(&j->p->in);
	else
		ingest_feed(&j->p->in, data, len);
	logfilter_step(&j->p->filter, &j->p->ring, 20000);
}

/* User and system CPU seconds of this process so far. */
static double
cpu_seconds(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static void
on_drop(enum exec_stream s, const char *data, size_t len, bool eof, void *arg)
{
	struct job *j = arg;

	(void)s;
	(void)data;
	(void)eof;
	j->p->bytes += len;
}

static void
on_restart(const char *c, int n, void *arg)
{
	struct job *j = arg;

	printf("%s run %d: %s\n", ssh_pool_name(j->p->pool, j->host), n, c);
	fflush(stdout);
}

static void
on_done(const struct exec_result *r, void *arg)
{
	struct job *j = arg;

	if (j->p->quiet && r->finished && r->exit_status == 0)
		;
	else if (r->finished && r->signal[0] == '\0')
		printf("%s exit %d\n", ssh_pool_name(j->p->pool, j->host), r->exit_status);
	else
		printf("%s failed %s\n", ssh_pool_name(j->p->pool, j->host), r->error);
	fflush(stdout);
	j->p->running--;
	free(j);
}

/* Runs the -x command on one host; its end is counted in p->running. */
static void
start_job(struct probe *p, int host)
{
	struct job *j = calloc(1, sizeof(*j));
	struct exec_opts eo = { .timeout_ms = (int)(p->timeout * 1000),
		.on_line = on_line, .on_chunk = p->grep ? on_chunk : p->discard ? on_drop : NULL,
		.on_done = on_done, .arg = j };
	struct wr_err err;

	j->p = p;
	j->host = host;
	if (exec_start(p->pool, host, p->cmd, &eo, &err) == NULL) {
		printf("%s failed %s\n", ssh_pool_name(p->pool, host), err.msg);
		free(j);
		return;
	}
	p->running++;
}

int
main(int argc, char **argv)
{
	struct config cfg;
	struct probe p = { 0 };
	struct wr_err err;
	struct loop *loop;
	struct exec_follow **follows = NULL;
	struct job *fjobs = NULL;
	const char *conf = NULL, *cmd = NULL, *outfile = NULL, *follow = NULL, *grep = NULL;
	double timeout = 20, cmd_timeout = 0, watch = 0;
	struct passwd *pw = getpwuid(getuid());
	int c, i, rc = 0, rounds = 1, round;
	bool quiet = false;
	int64_t connect_ms;
	double cpu_after_first = 0;
	size_t h;

	while ((c = getopt(argc, argv, "c:t:T:x:o:w:f:r:qg:dp")) != -1) {
		switch (c) {
		case 'c': conf = optarg; break;
		case 't': timeout = atof(optarg); break;
		case 'T': cmd_timeout = atof(optarg); break;
		case 'x': cmd = optarg; break;
		case 'o': outfile = optarg; break;
		case 'w': watch = atof(optarg); break;
		case 'f': follow = optarg; break;
		case 'r': rounds = atoi(optarg); break;
		case 'q': quiet = true; break;
		case 'g': grep = optarg; break;
		case 'd': p.discard = true; break;
		case 'p': p.pipeline = true; break;
		default: return 2;
		}
	}
	if (conf == NULL || config_load(&cfg, conf) != 0) {
		for (h = 0; conf && h < cfg.nerrors; h++)
			fprintf(stderr, "%s\n", cfg.errors[h]);
		return 2;
	}
	if ((loop = loop_new(&err)) == NULL)
		return 2;
	struct ssh_pool_opts opts = {
		.known_hosts = cfg.known_hosts.path[0] ? cfg.known_hosts.path : NULL,
		.ssh_config = cfg.ssh_config.path[0] ? cfg.ssh_config.path : NULL,
		.home = getenv("HOME"),
		.local_user = pw ? pw->pw_name : NULL,
		.use_ssh_config = getenv("WARROOM_NO_SSH_G") == NULL,
		.use_agent = true,
		.connect_timeout_ms = 10000,
		.keepalive_s = getenv("PROBE_KEEPALIVE") ? atoi(getenv("PROBE_KEEPALIVE")) : 10,
		.backoff_max_ms = 4000,
		.on_change = on_change,
		.arg = &p,
	};
	p.pool = ssh_pool_new(loop, &opts);
	p.watch = watch > 0;
	p.quiet = quiet;
	p.cmd = cmd;
	p.timeout = cmd_timeout > 0 ? cmd_timeout : timeout;
	if (cmd == NULL)
		p.pipeline = false;
	if (grep != NULL) {
		struct ingest_opts io = { .prefix = "h1/api ", .set = &p.ring, .red = &p.red };

		redact_init(&p.red);
		logset_init(&p.ring, 0);
		logfilter_init(&p.filter);
		if (logfilter_set(&p.filter, grep, strlen(grep), &err) != 0) {
			fprintf(stderr, "%s\n", err.msg);
			return 2;
		}
		ingest_init(&p.in, &io);
		p.grep = true;
	}
	p.start = loop_now_ms();
	for (h = 0; h < cfg.nhosts; h++) {
		struct ssh_target t = {
			.name = cfg.hosts[h].name,
			.address = cfg.hosts[h].address,
			.user = cfg.hosts[h].user,
			.port = cfg.hosts[h].port,
			.identity_file = cfg.hosts[h].identity_file.path,
		};
		ssh_pool_add(p.pool, &t);
	}
	p.n = ssh_pool_count(p.pool);
	p.seen = calloc((size_t)p.n, sizeof(bool));
	ssh_pool_start(p.pool);
	while (!p.watch && p.settled < p.n && loop_now_ms() - p.start < timeout * 1000)
		loop_run_once(loop, 100, &err);
	connect_ms = loop_now_ms() - p.start;
	if (!p.watch && p.settled < p.n) {
		for (i = 0; i < p.n; i++)
			if (!p.seen[i])
				print_state(&p, i);
		rc = 1;
	}
	if (rounds > 1 || quiet)
		printf("timing connect_ms=%lld", (long long)connect_ms);
	for (round = 0; cmd != NULL && round < rounds; round++) {
		int64_t t0 = loop_now_ms();

		if (outfile && (p.out = fopen(outfile, "w")) == NULL)
			return 2;
		/* -p: the first round started as each host came up. */
		for (i = 0; i < p.n && !(p.pipeline && round == 0); i++)
			start_job(&p, i);
		while (p.running > 0)
			loop_run_once(loop, 100, &err);
		if (p.out)
			fclose(p.out);
		p.out = NULL;
		if (p.grep)
			while (!logfilter_step(&p.filter, &p.ring, 20000))
				;
		if (rounds > 1 || quiet)
			printf(" round_ms=%lld", (long long)(loop_now_ms() - t0));
		if (p.pipeline && round == 0)
			printf(" cold_ms=%lld cold_cpu_ms=%.1f", (long long)(loop_now_ms() - p.start),
			    cpu_seconds() * 1000);
		if (round == 0)
			cpu_after_first = cpu_seconds();
	}
	if (cmd != NULL && rounds > 1)
		printf(" warm_cpu_ms=%.1f", (cpu_seconds() - cpu_after_first) * 1000 / (rounds - 1));
	if (p.grep)
		printf(" lines=%llu matched=%llu", (unsigned long long)p.in.lines,
		    (unsigned long long)p.filter.matched);
	if (p.discard)
		printf(" bytes=%llu", (unsigned long long)p.bytes);
	if (rounds > 1 || quiet)
		printf("\n");
	if (follow != NULL) {
		follows = calloc((size_t)p.n + 1, sizeof(*follows));
		fjobs = calloc((size_t)p.n + 1, sizeof(*fjobs));
		for (i = 0; i < p.n; i++) {
			struct job *j = &fjobs[i];
			struct exec_follow_opts fo = { .on_line = on_line,
				.on_restart = on_restart, .arg = j, .first_since = "5s" };

			j->p = &p;
			j->host = i;
			follows[i] = exec_follow_start(p.pool, i, follow, &fo);
		}
	}
	if (p.watch) {
		uint64_t wake0 = loop_wakeups(loop);
		const int term[] = { SIGTERM };

		if (loop_signals(loop, term, 1, on_term, &p) != 0)
			return 2;
		while (!p.stop && loop_now_ms() - p.start < watch * 1000)
			loop_run_once(loop, -1, &err);
		printf("cpu=%.3f wakeups=%llu\n", cpu_seconds(),
		    (unsigned long long)(loop_wakeups(loop) - wake0));
	}
	for (i = 0; follows != NULL && i < p.n; i++)
		exec_follow_stop(follows[i]);
	free(follows);
	free(fjobs);
	ssh_pool_free(p.pool);
	loop_free(loop);
	free(p.seen);
	config_free(&cfg);
	return rc;
}
