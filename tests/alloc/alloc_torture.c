/*
 * alloc_torture.c — curl's torture idea for warroom: run a piece of work
 * once to count its allocations, then once for every N with the Nth
 * allocation failing (malloc, calloc, realloc, and cJSON's through its
 * hooks and xmalloc, as in main), each run in a child process.
 *
 * warroom's allocator aborts on failure by design (xmalloc: nothing
 * reliable can be shown without memory), so what is proven is that every
 * failure ends in that deliberate abort or in a handled error — never a
 * crash from a NULL used unchecked — and that the incident journal is
 * never half-written: every record the writer was told was stored is
 * there, the chain verifies, and there is no torn tail.
 *
 *   alloc_torture SRCDIR TMPDIR     exit 0, or 1 with what failed
 * Work with more allocations than MAX_RUNS is sampled evenly (said so).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "warroom/config.h"
#include "warroom/export.h"
#include "warroom/metrics.h"
#include "warroom/parse_compose.h"
#include "warroom/record.h"
#include "warroom/redact.h"
#include "warroom/runbook.h"
#include "warroom/timeline.h"

#define MAX_RUNS 1500

void *__real_malloc(size_t n);
void *__real_calloc(size_t c, size_t n);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t c, size_t n);
void *__wrap_realloc(void *p, size_t n);

static long fail_at = -1;       /* the allocation to fail; -1: none */
static long count;

static bool
fail_now(void)
{
	return ++count == fail_at;
}

void *
__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

void *
__wrap_calloc(size_t c, size_t n)
{
	return fail_now() ? NULL : __real_calloc(c, n);
}

void *
__wrap_realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __real_realloc(p, n);
}

static char *srcdir, *tmpdir;
static int ack_fd = -1;         /* journal work: one byte per stored record */

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0) {
		fprintf(stderr, "alloc_torture: cannot read %s\n", path);
		exit(2);
	}
	rewind(f);
	buf = __real_malloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n)
		exit(2);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* ---- the work ---- */

static char *cfg_text, *rb_text, *prom_text, *ps_text;
static size_t cfg_len, rb_len, prom_len, ps_len;

static void
work_config(void)
{
	struct config cfg;
	struct config_env env = { .home = "/home/op", .config_dir = "/etc/warroom" };

	config_init(&cfg, "t.conf", &env);
	config_parse(&cfg, cfg_text, cfg_len, &env);
	free(config_describe(&cfg));
	config_free(&cfg);
}

static void
work_runbook(void)
{
	struct runbook rb;

	runbook_parse(&rb, "compose-rollback.md", rb_text, rb_len);
	runbook_free(&rb);
}

static void
work_metrics(void)
{
	struct metrics_scrape s;
	struct wr_err err;

	metrics_scrape_read(prom_text, prom_len, NULL, &s, &err);
}

static void
work_compose(void)
{
	struct compose_ps ps;
	struct wr_err err;

	if (parse_compose_ps(ps_text, ps_len, &ps, &err) == 0)
		parse_compose_free(&ps);
}

static void
work_redact(void)
{
	struct redactor r;

	redact_init(&r);
	redact_add_secret(&r, "s3cretvalue");
	free(redact_text(&r, "Authorization: Bearer abc s3cretvalue DATABASE_URL=postgres://u:p@h/d"));
	redact_free(&r);
}

/* A journal: open, notes, an action's intent and end, export. Every
 * record acknowledged goes to ack_fd as one byte. */
static void
work_journal(void)
{
	struct timeline_open_opts o = { .dir = tmpdir, .incident = "torture", .actor = "t@h" };
	struct export_opts eo = { .id = "torture" };
	struct record_list list = { 0 };
	struct record_scan scan;
	struct timeline *tl;
	struct wr_err err;
	char *md = NULL, id[256];
	size_t mdlen;
	int i;

	if (timeline_open(&o, &tl, &err) != 0)
		return;
	if (write(ack_fd, "o", 1) != 1)
		_exit(3);
	for (i = 0; i < 3; i++)
		if (timeline_note(tl, "a note with a token=abcdef1234 in it", &err) == 0 &&
		    write(ack_fd, "n", 1) != 1)
			_exit(3);
	if (timeline_action_intent(tl, "rb-1", "h1", "compose.rollback",
	    cJSON_Parse("{\"from\":\"v2\",\"to\":\"v1\"}"), NULL, NULL, &err) == 0 &&
	    write(ack_fd, "i", 1) != 1)
		_exit(3);
	if (timeline_action_end(tl, "rb-1", "h1", "ok", "done", &err) == 0 &&
	    write(ack_fd, "e", 1) != 1)
		_exit(3);
	wr_strlcpy(id, timeline_id(tl), sizeof(id));
	timeline_close(tl);
	/* Read it back and draft the post-mortem, as `warroom export` does. */
	memset(&scan, 0, sizeof(scan));
	if (timeline_read(tmpdir, id, &list, &scan, &err) == 0 &&
	    export_render(EXPORT_MD, list.v, list.n, &eo, &md, &mdlen, &err) == 0)
		free(md);
	record_list_free(&list);
	record_scan_free(&scan);
}

/* ---- running it ---- */

static int failures;

/* Run work in a child with allocation n failing (-1: none). Returns the
 * child's allocation count (via a pipe) for n = -1; else 0. */
static long
run(void (*work)(void), long n, int *status, char *acks, size_t *nacks)
{
	int cpipe[2], apipe[2];
	pid_t pid;
	long c = 0;
	ssize_t r;

	if (pipe(cpipe) != 0 || pipe(apipe) != 0)
		exit(2);
	if ((pid = fork()) < 0)
		exit(2);
	if (pid == 0) {
		close(cpipe[0]);
		close(apipe[0]);
		ack_fd = apipe[1];
		/* Nothing of the abort's message is needed on the test's stderr. */
		if (n >= 0)
			freopen("/dev/null", "w", stderr);
		count = 0;
		fail_at = n;
		work();
		if (write(cpipe[1], &count, sizeof(count)) != sizeof(count))
			_exit(3);
		_exit(0);
	}
	close(cpipe[1]);
	close(apipe[1]);
	*nacks = 0;
	while ((r = read(apipe[0], acks + *nacks, 64)) > 0)
		*nacks += (size_t)r;
	if (read(cpipe[0], &c, sizeof(c)) != sizeof(c))
		c = 0;
	close(cpipe[0]);
	close(apipe[0]);
	waitpid(pid, status, 0);
	return c;
}

static void
check_journal(long n, size_t nacks)
{
	struct record_list list = { 0 };
	struct record_scan scan;
	struct wr_err err;
	char id[256] = "";
	FILE *p;
	char cmd[600];

	/* The incident's id (the slug and a suffix): the one .jsonl there. */
	snprintf(cmd, sizeof(cmd), "cd '%s' && ls *.jsonl 2>/dev/null | head -1 | sed 's/\\.jsonl$//'",
	    tmpdir);
	if ((p = popen(cmd, "r")) != NULL) {
		if (fgets(id, sizeof(id), p) != NULL)
			id[strcspn(id, "\n")] = '\0';
		pclose(p);
	}
	if (id[0] == '\0') {
		if (nacks > 0) {
			printf("not ok - journal, N=%ld: %zu records acknowledged, no file\n", n, nacks);
			failures++;
		}
		return;
	}
	memset(&scan, 0, sizeof(scan));
	if (timeline_read(tmpdir, id, &list, &scan, &err) != 0 || scan.ndamage > 0 || scan.torn ||
	    list.n < nacks) {
		printf("not ok - journal, N=%ld: %zu acknowledged, %zu readable%s%s%s\n", n, nacks,
		    list.n, scan.ndamage > 0 ? ", damaged" : "", scan.torn ? ", torn tail" : "",
		    err.msg[0] ? err.msg : "");
		failures++;
	}
	record_list_free(&list);
	record_scan_free(&scan);
}

static void
torture(const char *name, void (*work)(void), bool journal)
{
	char acks[256];
	size_t nacks;
	int status;
	long total, n, step, aborted = 0, handled = 0, runs = 0;

	total = run(work, -1, &status, acks, &nacks);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		printf("not ok - %s: the clean run failed (status %d)\n", name, status);
		failures++;
		return;
	}
	if (total == 0) {
		printf("ok - %s: no allocation at all\n", name);
		return;
	}
	step = total > MAX_RUNS ? (total + MAX_RUNS - 1) / MAX_RUNS : 1;
	for (n = 1; n <= total; n += step, runs++) {
		if (journal) {
			snprintf(acks, sizeof(acks), "rm -f '%s'/*", tmpdir);
			if (system(acks) != 0)
				exit(2);
		}
		run(work, n, &status, acks, &nacks);
		if (WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT)
			aborted++;
		else if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			handled++;
		else {
			printf("not ok - %s: allocation %ld of %ld failing ended with %s %d\n", name, n,
			    total, WIFSIGNALED(status) ? "signal" : "exit", WIFSIGNALED(status) ?
			    WTERMSIG(status) : WEXITSTATUS(status));
			failures++;
			continue;
		}
		if (journal)
			check_journal(n, nacks);
	}
	printf("ok - %s: %ld allocations, %ld runs%s: %ld clean aborts, %ld handled\n", name,
	    total, runs, step > 1 ? " (sampled)" : "", aborted, handled);
}

int
main(int argc, char **argv)
{
	char path[4096];

	if (argc != 3) {
		fprintf(stderr, "usage: alloc_torture SRCDIR TMPDIR\n");
		return 2;
	}
	srcdir = argv[1];
	tmpdir = argv[2];
	/* As main does: cJSON allocates through xmalloc (and so through the
	 * counting malloc above). */
	wr_json_init();
	snprintf(path, sizeof(path), "%s/docs/runbooks/compose-rollback.md", srcdir);
	rb_text = slurp(path, &rb_len);
	snprintf(path, sizeof(path), "%s/tests/unit/fixtures/metrics/fleet_bad_t0.prom", srcdir);
	prom_text = slurp(path, &prom_len);
	snprintf(path, sizeof(path), "%s/tests/unit/fixtures/drivers/compose_ps_lines.json", srcdir);
	ps_text = slurp(path, &ps_len);
	cfg_text = "[warroom]\ntimeline_dir = ~/inc\n[host \"api-1\"]\naddress = 10.0.0.5\n"
	    "driver = compose\ncompose_dir = /srv/app\nservices = api jobs\n"
	    "health_url = http://127.0.0.1:8000\n[statuspage]\nkind = atlassian\n"
	    "url = https://api.statuspage.io/v1/pages/p\ntoken_env = T\ncomponents = c1 c2\n"
	    "[chat]\nwebhook_url_env = H\n[thresholds]\nerror_rate_rollback = 5%\n";
	cfg_len = strlen(cfg_text);
	if (getenv("ALLOC_ONE") != NULL) {
		/* Debugging: the journal work once with that allocation failing,
		 * its file left in TMPDIR. */
		ack_fd = open("/dev/null", O_WRONLY);
		fail_at = atol(getenv("ALLOC_ONE"));
		work_journal();
		fail_at = -1;
		return 0;
	}
	torture("config", work_config, false);
	torture("runbook", work_runbook, false);
	torture("metrics", work_metrics, false);
	torture("compose ps", work_compose, false);
	torture("redact", work_redact, false);
	torture("journal", work_journal, true);
	return failures ? 1 : 0;
}
